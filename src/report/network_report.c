#include "report/network_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/rating.h"
#include "util/arena.h"
#include "util/escape.h"

#define MAX_SCALES 16
#define MAX_VALIDATORS 64

struct outcome {
	const char *site, *site_name, *quarter, *respondent;
	int64_t people;
	int64_t n[MAX_SCALES];
	double mean[MAX_SCALES];
};

struct light {
	const char *site, *site_name, *quarter, *standard, *title;
	enum wm_rating self;
	enum wm_rating validator[MAX_VALIDATORS];
	size_t n_validators;
	unsigned groups;	/* bit per enum wm_stakeholder */
};

struct wm_netrep {
	struct wm_arena arena;
	enum wm_disclosure_rule rule;
	struct outcome *o;
	size_t n_o, cap_o;
	const char *scale[MAX_SCALES];
	const char *scale_title[MAX_SCALES];
	size_t n_scales;
	struct light *l;
	size_t n_l, cap_l;
	const char *error;	/* static text, or NULL */
};

const char *
wm_netrep_error(const struct wm_netrep *r)
{
	return r->error ? r->error : "";
}

static int
fail(struct wm_netrep *r, const char *why)
{
	r->error = why;
	return -1;
}

struct wm_netrep *
wm_netrep_new(enum wm_disclosure_rule rule)
{
	struct wm_netrep *r = calloc(1, sizeof(*r));

	if (r)
		r->rule = rule;
	return r;
}

void
wm_netrep_free(struct wm_netrep *r)
{
	if (!r)
		return;
	wm_arena_release(&r->arena);
	free(r->o);
	free(r->l);
	free(r);
}

static const char *
keep(struct wm_netrep *r, const char *s)
{
	return wm_arena_strdup(&r->arena, s ? s : "");
}

static int
grow(void **v, size_t *cap, size_t n, size_t size)
{
	void *p;
	size_t c;

	if (n < *cap)
		return 0;
	c = *cap ? *cap * 2 : 64;
	p = realloc(*v, c * size);
	if (!p)
		return -1;
	*v = p;
	*cap = c;
	return 0;
}

static int
cmp_key(const struct outcome *o, const char *site, const char *quarter,
    const char *respondent)
{
	int c = strcmp(o->site, site);

	if (c == 0)
		c = strcmp(o->quarter, quarter);
	if (c == 0)
		c = strcmp(o->respondent, respondent);
	return c;
}

/* The row for this key, inserted in order if new. */
static struct outcome *
outcome_row(struct wm_netrep *r, const char *site, const char *quarter,
    const char *respondent)
{
	size_t lo = 0, hi = r->n_o;
	struct outcome *o;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = cmp_key(&r->o[mid], site, quarter, respondent);

		if (c == 0)
			return &r->o[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (grow((void **)&r->o, &r->cap_o, r->n_o, sizeof(*r->o)))
		return NULL;
	memmove(&r->o[lo + 1], &r->o[lo], (r->n_o - lo) * sizeof(*r->o));
	r->n_o++;
	o = &r->o[lo];
	memset(o, 0, sizeof(*o));
	o->site = keep(r, site);
	o->site_name = o->site;
	o->quarter = keep(r, quarter);
	o->respondent = keep(r, respondent);
	return o->site && o->quarter && o->respondent ? o : NULL;
}

int
wm_netrep_add_people(struct wm_netrep *r, const char *site,
    const char *quarter, const char *respondent, int64_t people)
{
	struct outcome *o = outcome_row(r, site, quarter, respondent);

	if (!o)
		return fail(r, "out of memory");
	o->people = people;
	return 0;
}

static int
scale_index(struct wm_netrep *r, const char *scale, const char *title)
{
	size_t i;

	for (i = 0; i < r->n_scales; i++)
		if (strcmp(r->scale[i], scale) == 0)
			return (int)i;
	if (r->n_scales == MAX_SCALES)
		return -1;
	r->scale[r->n_scales] = keep(r, scale);
	r->scale_title[r->n_scales] = keep(r, title);
	return (int)r->n_scales++;
}

int
wm_netrep_add_scale(struct wm_netrep *r, const char *site,
    const char *site_name, const char *quarter, const char *respondent,
    const char *scale, const char *title, int64_t people, double mean)
{
	struct outcome *o = outcome_row(r, site, quarter, respondent);
	int k = scale_index(r, scale, title);

	if (!o)
		return fail(r, "out of memory");
	if (k < 0)
		return fail(r, "a measure in the report has more than 16 scales, "
		    "more than the report can show");
	o->site_name = keep(r, site_name);
	o->n[k] = people;
	o->mean[k] = mean;
	return 0;
}

int
wm_netrep_add_rating(struct wm_netrep *r, const char *site,
    const char *site_name, const char *quarter, const char *standard,
    const char *title, const char *respondent, const char *stakeholder,
    int has_value, double value)
{
	struct light *l = r->n_l ? &r->l[r->n_l - 1] : NULL;
	enum wm_rating rating = wm_rating_from_value(value, has_value);
	enum wm_stakeholder g;

	if (!l || strcmp(l->site, site) != 0 ||
	    strcmp(l->standard, standard) != 0) {
		if (grow((void **)&r->l, &r->cap_l, r->n_l, sizeof(*r->l)))
			return fail(r, "out of memory");
		l = &r->l[r->n_l++];
		memset(l, 0, sizeof(*l));
		l->site = keep(r, site);
		l->site_name = keep(r, site_name);
		l->quarter = keep(r, quarter);
		l->standard = keep(r, standard);
		l->title = keep(r, title);
	}
	if (strcmp(respondent, "lead") == 0) {
		l->self = rating;
		return 0;
	}
	if (rating == WM_RATING_NONE)
		return 0;
	if (l->n_validators == MAX_VALIDATORS)
		return fail(r, "more than 64 validators rated one standard in "
		    "one quarter");
	l->validator[l->n_validators++] = rating;
	if (wm_stakeholder_from_code(stakeholder, &g) == 0)
		l->groups |= 1u << g;
	return 0;
}

static int
popcount(unsigned v)
{
	int n = 0;

	for (; v; v &= v - 1)
		n++;
	return n;
}

static void
pad(struct wm_buf *b, const char *s, int width)
{
	int n = (int)strlen(s);

	wm_esc_raw(b, s, strlen(s));	/* plain text report for a terminal */
	while (n++ < width)
		wm_buf_putc(b, ' ');
}

int
wm_netrep_text(const struct wm_netrep *r, struct wm_buf *b)
{
	char num[32];
	size_t i, k;
	struct wm_shown shown;

	wm_buf_puts(b, "Recovery outcomes (DREEM) by site and quarter\n"
	    "Mean scores (1 to 5, higher is better). Answers given alone and "
	    "answers given with a practitioner are shown apart.\n");
	wm_buf_printf(b, "Small numbers (%s): %s Withheld means are shown as "
	    "'-'.\n\n", wm_disclosure_name(r->rule),
	    wm_disclosure_describe(r->rule));
	pad(b, "site", 26);
	pad(b, "quarter", 9);
	pad(b, "answered by", 26);
	pad(b, "people", 8);
	for (k = 0; k < r->n_scales; k++)
		pad(b, r->scale[k], 20);
	wm_buf_putc(b, '\n');
	for (i = 0; i < r->n_o; i++) {
		const struct outcome *o = &r->o[i];

		pad(b, o->site, 26);
		pad(b, o->quarter, 9);
		pad(b, o->respondent, 26);
		shown = wm_disclose_count(r->rule, o->people);
		if (!shown.withheld)
			snprintf(num, sizeof(num), "%lld",
			    (long long)shown.value);
		else
			snprintf(num, sizeof(num), "*");
		pad(b, num, 8);
		for (k = 0; k < r->n_scales; k++) {
			if (wm_disclose_mean(r->rule, o->n[k]))
				snprintf(num, sizeof(num), "%.2f", o->mean[k]);
			else
				snprintf(num, sizeof(num), "-");
			pad(b, num, 20);
		}
		wm_buf_putc(b, '\n');
	}
	wm_buf_puts(b, "\nCore standards: each site's latest traffic lights\n"
	    "Self: the service's own rating. Validated: the middle (median) "
	    "rating of its validators that quarter.\n\n");
	pad(b, "site", 26);
	pad(b, "quarter", 9);
	pad(b, "standard", 13);
	pad(b, "self", 11);
	pad(b, "validated", 11);
	pad(b, "validators", 21);
	wm_buf_puts(b, "title\n");
	for (i = 0; i < r->n_l; i++) {
		const struct light *l = &r->l[i];

		pad(b, l->site, 26);
		pad(b, l->quarter, 9);
		pad(b, l->standard, 13);
		pad(b, wm_rating_name(l->self), 11);
		pad(b, wm_rating_name(wm_rating_consensus(l->validator,
		    l->n_validators)), 11);
		snprintf(num, sizeof(num), "%zu from %d group%s",
		    l->n_validators, popcount(l->groups),
		    popcount(l->groups) == 1 ? "" : "s");
		pad(b, num, 21);
		wm_buf_printf(b, "%s\n", l->title);
	}
	return b->failed ? -1 : 0;
}

static void
csv_cells(struct wm_buf *b, const char *const *cells, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		wm_esc_csv_s(b, cells[i]);
		wm_buf_putc(b, ',');
	}
}

int
wm_netrep_csv(const struct wm_netrep *r, struct wm_buf *b)
{
	size_t i, k;
	struct wm_shown shown;

	wm_buf_puts(b, "section,site,site_name,quarter,answered_by,measure,"
	    "people,mean,rating\r\n");
	for (i = 0; i < r->n_o; i++) {
		const struct outcome *o = &r->o[i];

		for (k = 0; k < r->n_scales; k++) {
			const char *cells[] = { "outcome", o->site,
			    o->site_name, o->quarter, o->respondent,
			    r->scale[k] };

			if (o->n[k] == 0)
				continue;
			csv_cells(b, cells, 6);
			shown = wm_disclose_count(r->rule, o->n[k]);
			if (!shown.withheld)
				wm_buf_printf(b, "%lld",
				    (long long)shown.value);
			wm_buf_putc(b, ',');
			if (wm_disclose_mean(r->rule, o->n[k]))
				wm_csv_number(b, o->mean[k], 2);
			wm_buf_puts(b, ",\r\n");
		}
	}
	for (i = 0; i < r->n_l; i++) {
		const struct light *l = &r->l[i];
		const char *self[] = { "standard", l->site, l->site_name,
		    l->quarter, "lead", l->standard };
		const char *val[] = { "standard", l->site, l->site_name,
		    l->quarter, "validators", l->standard };

		csv_cells(b, self, 6);
		wm_buf_printf(b, ",,%s\r\n", wm_rating_name(l->self));
		csv_cells(b, val, 6);
		wm_buf_printf(b, "%zu,,%s\r\n", l->n_validators,
		    wm_rating_name(wm_rating_consensus(l->validator,
		    l->n_validators)));
	}
	return b->failed ? -1 : 0;
}
