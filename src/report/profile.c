#include "report/profile.h"

#include <stdlib.h>
#include <string.h>

#include "core/disclosure.h"
#include "core/known_instruments.h"
#include "util/escape.h"

const char *
wm_profile_url(enum wm_profile_kind kind)
{
	switch (kind) {
	case WM_PROFILE_ERFS:
		return wm_known_url(WM_KNOWN_ERFS);
	case WM_PROFILE_INDICATORS:
		return wm_known_url(WM_KNOWN_SUPPORTIVE_INDICATORS);
	case WM_PROFILE_TIPS:
		break;
	}
	return wm_known_url(WM_KNOWN_TEN_TOP_TIPS);
}

const char *
wm_profile_subject_kind(enum wm_profile_kind kind)
{
	switch (kind) {
	case WM_PROFILE_ERFS:
		return "service";
	case WM_PROFILE_INDICATORS:
		return "person";
	case WM_PROFILE_TIPS:
		break;
	}
	return "staff";
}

#define MAX_QUARTERS 40

struct quarters {
	struct wm_team_quarter q[MAX_QUARTERS];
	size_t n;
};

static int
quarter_row(void *ctx, const struct wm_profile_period_row *r)
{
	struct quarters *l = ctx;
	struct wm_team_quarter *q;

	if (l->n == MAX_QUARTERS)
		return 1;
	q = &l->q[l->n];
	if (wm_quarter_parse(r->quarter, &q->period))
		return 0;
	q->reflections = r->responses;
	q->practitioners = r->subjects;
	l->n++;
	return 0;
}

int
wm_profile_tips_latest(struct wm_store *s, int64_t unit_id,
    const struct wm_date *today, struct wm_quarter *period, int *found,
    struct wm_buf *err)
{
	struct quarters l = { .n = 0 };
	struct wm_quarter now;
	int rc;

	wm_quarter_of(today, &now);
	*period = now;
	*found = 0;
	if ((rc = wm_store_profile_periods(s,
	    wm_profile_url(WM_PROFILE_TIPS), unit_id,
	    wm_profile_subject_kind(WM_PROFILE_TIPS), quarter_row, &l, err)))
		return rc;
	*found = wm_team_latest_quarter(l.q, l.n, &now, period) == 0;
	return 0;
}

struct fill {
	struct wm_profile *p;
	int column;		/* -1: by respondent (ERFS) */
};

static int
column_of(const struct fill *f, const char *respondent)
{
	if (f->column >= 0)
		return f->column;
	if (strcmp(respondent, "person") == 0)
		return 0;
	if (strcmp(respondent, "staff") == 0)
		return 1;
	return -1;
}

static int
fill_row(void *ctx, const struct wm_profile_count_row *r)
{
	struct fill *f = ctx;
	struct wm_profile *p = f->p;
	int c = column_of(f, r->respondent), i;

	if (c < 0)
		return 0;
	if (!r->link_id) {
		p->responses[c] += r->count;
		p->subjects[c] += r->subjects;
		if (strcmp(r->respondent, "person-with-practitioner") == 0)
			p->together[c] += r->subjects;
		return 0;
	}
	i = wm_instrument_find_item(p->in, r->link_id);
	if (i < 0 || p->in->items[i].type != WM_ITEM_CHOICE)
		return 0;	/* a question the latest version no longer asks */
	wm_tally_add(&p->tally[(size_t)i * 2 + (size_t)c], r->has_value,
	    r->value, r->lo, r->hi, r->count);
	return 0;
}

int
wm_profile_load(struct wm_store *s, enum wm_profile_kind kind,
    int64_t unit_id, const struct wm_quarter *period, struct wm_profile *p,
    struct wm_buf *err)
{
	const char *url = wm_profile_url(kind);
	struct fill f = { p, kind == WM_PROFILE_ERFS ? -1 : 0 };
	int rc;

	p->kind = kind;
	p->period = *period;
	wm_quarter_prev(period, &p->prev);
	wm_quarter_format(&p->period, p->quarter[0]);
	wm_quarter_format(&p->prev, p->quarter[1]);
	if ((rc = wm_store_instrument_current(s, url, &p->in, err)) || !p->in)
		return rc;
	p->tally = calloc(p->in->n_items * 2, sizeof(*p->tally));
	if (!p->tally) {
		wm_buf_clear(err);
		wm_buf_puts(err, "out of memory");
		return WM_STORE_ERROR;
	}
	switch (kind) {
	case WM_PROFILE_ERFS:
		return wm_store_erfs_counts(s, url, unit_id, p->quarter[0],
		    fill_row, &f, err);
	case WM_PROFILE_INDICATORS:
		if ((rc = wm_store_indicator_counts(s, url, unit_id,
		    p->quarter[0], fill_row, &f, err)))
			return rc;
		f.column = 1;
		return wm_store_indicator_counts(s, url, unit_id, p->quarter[1],
		    fill_row, &f, err);
	case WM_PROFILE_TIPS:
		break;
	}
	return wm_store_tip_counts(s, url, unit_id, p->quarter[0], fill_row,
	    &f, err);
}

void
wm_profile_release(struct wm_profile *p)
{
	free(p->tally);
	p->in = NULL;
	p->tally = NULL;
}

const struct wm_tally *
wm_profile_tally(const struct wm_profile *p, size_t i, int c)
{
	return &p->tally[i * 2 + (size_t)(c ? 1 : 0)];
}

void
wm_profile_count_html(struct wm_buf *b, int64_t n)
{
	if (wm_service_count_shown(n))
		wm_buf_printf(b, "%lld", (long long)n);
	else
		wm_buf_puts(b, "&lt;5");
}

void
wm_profile_row_head(struct wm_buf *b, const struct wm_item *it)
{
	wm_buf_puts(b, "<tr class=\"nhsuk-table__row\"><th class=\""
	    "nhsuk-table__header\" scope=\"row\">");
	wm_esc_html_s(b, it->text ? it->text : it->link_id);
	wm_buf_puts(b, "</th>");
}
