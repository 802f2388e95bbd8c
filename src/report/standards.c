/*
 * One period's standards, self against validators: see standards.h.
 */
#include "report/standards.h"

#include <stdlib.h>
#include <string.h>

void
wm_standards_init(struct wm_standards *m)
{
	memset(m, 0, sizeof(*m));
}

void
wm_standards_release(struct wm_standards *m)
{
	size_t i;

	for (i = 0; i < WM_STANDARDS; i++)
		free(m->s[i].votes);
	wm_standards_init(m);
}

static int
vote(struct wm_standard_view *v, enum wm_stakeholder group,
    enum wm_rating rating)
{
	if (v->n_votes == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 8;
		struct wm_validation_vote *p = realloc(v->votes,
		    cap * sizeof(*p));

		if (!p)
			return -1;
		v->votes = p;
		v->cap = cap;
	}
	v->votes[v->n_votes].group = group;
	v->votes[v->n_votes].rating = rating;
	v->n_votes++;
	return 0;
}

int
wm_standards_add(struct wm_standards *m,
    const struct wm_assessment_rating_row *row)
{
	int n = wm_standard_of_scale(row->scale);
	enum wm_rating r = wm_rating_from_value(row->value, row->has_value);
	enum wm_stakeholder g = WM_STAKEHOLDER_NONE;
	size_t len;

	if (!n)
		return 0;
	len = row->period ? strlen(row->period) : 0;
	if (len < sizeof(m->period))
		memcpy(m->period, row->period ? row->period : "", len + 1);
	len = row->period_end ? strlen(row->period_end) : 0;
	if (len < sizeof(m->period_end))
		memcpy(m->period_end, row->period_end ? row->period_end : "",
		    len + 1);
	if (row->self) {
		m->has_self = 1;
		m->s[n - 1].self = r;
		return 0;
	}
	if (row->stakeholder)
		wm_stakeholder_from_code(row->stakeholder, &g);
	return vote(&m->s[n - 1], g, r);
}

int
wm_standards_add_row(void *ctx, const struct wm_assessment_rating_row *row)
{
	return wm_standards_add(ctx, row) ? -1 : 0;
}

void
wm_standards_finish(struct wm_standards *m,
    const struct wm_validation_rule *rule)
{
	size_t i;

	for (i = 0; i < WM_STANDARDS; i++)
		wm_validation_assess(m->s[i].self, m->s[i].votes,
		    m->s[i].n_votes, rule, &m->s[i].result);
}

const char *
wm_rating_tag(enum wm_rating r)
{
	switch (r) {
	case WM_RATING_RED:
		return "nhsuk-tag nhsuk-tag--red";
	case WM_RATING_AMBER:
		return "nhsuk-tag nhsuk-tag--orange";
	case WM_RATING_GREEN:
		return "nhsuk-tag nhsuk-tag--green";
	default:
		return "nhsuk-tag nhsuk-tag--grey";
	}
}

const char *
wm_rating_word(enum wm_rating r)
{
	switch (r) {
	case WM_RATING_RED:
		return "Red";
	case WM_RATING_AMBER:
		return "Amber";
	case WM_RATING_GREEN:
		return "Green";
	default:
		return "Not rated";
	}
}
