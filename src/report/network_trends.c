/*
 * A service's trends, quarter by quarter (report/network_trends.h): the
 * people's outcome rows kept at write time, read for a window of one
 * quarter at a time, and the month-by-month completion of the cycles the
 * view holds. Every point is a cell of a network-wide disclosed table.
 */
#include "report/network_trends.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/known_instruments.h"
#include "report/network_table.h"
#include "report/network_work.h"

void
wm_net_trends_init(struct wm_net_trends *t)
{
	memset(t, 0, sizeof(*t));
}

void
wm_net_trends_release(struct wm_net_trends *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->v[i].title);
		free(t->v[i].points);
	}
	free(t->v);
	wm_net_trends_init(t);
}

static int
index_of(const struct wm_quarter *q)
{
	return q->year * 4 + q->quarter - 1;
}

static void
quarter_at(int index, struct wm_quarter *out)
{
	out->year = index / 4;
	out->quarter = index % 4 + 1;
}

void
wm_net_trend_start(const struct wm_net_view *v, struct wm_quarter *out)
{
	int first = index_of(&v->to) - (WM_NET_TREND_QUARTERS - 1);

	if (index_of(&v->from) < first)
		first = index_of(&v->from);
	quarter_at(first, out);
}

/* A new trend with every quarter's point still to be set. */
static struct wm_net_trend *
add(struct wm_net_trends *t, enum wm_net_trend_kind kind, const char *title)
{
	struct wm_net_trend *v = realloc(t->v, (t->n + 1) * sizeof(*v));

	if (!v)
		return NULL;
	t->v = v;
	v = &t->v[t->n];
	memset(v, 0, sizeof(*v));
	v->kind = kind;
	if (!(v->title = strdup(title)) ||
	    !(v->points = calloc(t->n_quarters, sizeof(*v->points)))) {
		free(v->title);
		return NULL;
	}
	t->n++;
	return v;
}

/* --- reliable improvement, one quarter at a time ------------------------- */

/* Service i's share reliably improved in a quarter's outcome table: the
 * network's table for that one quarter, disclosed across every service,
 * as `waymark report network` gives it for that quarter alone. */
static int
outcome_point(const struct wm_net_view *v, const struct wm_net_outcomes *o,
    size_t i, int kind, enum wm_disclosure_rule rule, struct wm_net_point *p)
{
	struct wm_net_table tb;

	if (!wm_net_threshold_of(o, 0, kind)->has) {
		p->gap = WM_NET_GAP_NO_THRESHOLD;
		return 0;
	}
	if (wm_net_outcome_table(v, o, 0, kind, rule, &tb))
		return -1;
	p->of = wm_net_table_count(&tb, i, WM_NET_OUTCOME_COLS);
	p->share = wm_net_table_share(&tb, i, WM_NET_IMPROVED);
	if (!p->of.withheld && p->of.value == 0)
		p->gap = WM_NET_GAP_NOBODY;
	else if (p->share.withheld)
		p->gap = WM_NET_GAP_WITHHELD;
	wm_net_table_release(&tb);
	return 0;
}

static int
recovery(struct wm_store *s, const struct wm_net_view *v, size_t i,
    enum wm_disclosure_rule rule, struct wm_net_trends *t,
    struct wm_buf *err)
{
	size_t tr[WM_NET_KINDS];	/* indices: adding moves the trends */
	int64_t *ids;
	char title[96], q[8];
	size_t k;
	int kind, rc = 0;

	if (!v->recovery.in || !v->recovery.in->n_scales)
		return 0;
	for (kind = 0; kind < WM_NET_KINDS; kind++) {
		snprintf(title, sizeof(title), "Reliably improved, %s",
		    wm_net_kind_words(kind));
		tr[kind] = t->n;
		if (!add(t, WM_NET_TREND_RECOVERY, title))
			return wm_store_out_of_memory(err);
	}
	/* Every service of the network: each quarter's table is disclosed
	 * across all of them, as /network discloses it. */
	if (!(ids = wm_net_view_ids(v)))
		return wm_store_out_of_memory(err);
	for (k = 0; rc == 0 && k < t->n_quarters; k++) {
		struct wm_net_outcomes o;
		struct wm_quarter at;

		quarter_at(index_of(&t->from) + (int)k, &at);
		wm_quarter_format(&at, q);
		wm_net_outcomes_init(&o);
		rc = wm_net_outcomes_build(s, v->recovery.in, ids,
		    wm_net_view_all(v), q, q, 0, &o, err);
		for (kind = 0; rc == 0 && kind < WM_NET_KINDS; kind++)
			if (outcome_point(v, &o, i, kind, rule,
			    &t->v[tr[kind]].points[k]))
				rc = wm_store_out_of_memory(err);
		wm_net_outcomes_release(&o);
	}
	free(ids);
	return rc;
}

/* --- cycles, done in time ------------------------------------------------ */

/* Where quarter `qi` (numbered as index_of numbers them) is among the
 * cycles' months: its part, or why it has no point. */
static enum wm_net_gap
part_of(const struct wm_net_work *w, int qi, size_t *part)
{
	size_t p;

	for (p = 0; p < w->n_parts; p++)
		if (index_of(&w->parts[p].q) == qi) {
			*part = p;
			if (w->parts[p].months == 3)
				return WM_NET_GAP_NONE;
			return p == 0 ? WM_NET_GAP_NOT_KEPT : WM_NET_GAP_NOT_OVER;
		}
	return !w->n_parts || qi < index_of(&w->parts[0].q) ?
	    WM_NET_GAP_NOT_KEPT : WM_NET_GAP_NOT_OVER;
}

/* 1 when a month of the part may still change (late answers count). */
static int
provisional(const struct wm_net_cycle *c, const struct wm_net_cycle_part *p)
{
	int m, any = 0;

	for (m = p->first; m < p->first + p->months; m++)
		any |= !c->m[m].final;
	return any;
}

/* Service i's cycles of one measure, quarter by quarter: each point the
 * network-wide table's cell for that quarter's months (report/
 * network_work.h), withheld as it is there. */
static int
cycle_trend(struct wm_net_trends *t, const struct wm_net_work *w,
    size_t i, const struct wm_net_cycle *c)
{
	size_t at = wm_net_work_cycle(w, c->title), k, p = 0;
	struct wm_net_trend *tr;
	char title[160];

	snprintf(title, sizeof(title), "%s done in time", c->title);
	if (!(tr = add(t, WM_NET_TREND_CYCLE, title)))
		return -1;
	for (k = 0; k < t->n_quarters; k++) {
		struct wm_net_point *pt = &tr->points[k];

		pt->gap = part_of(w, index_of(&t->from) + (int)k, &p);
		pt->share.withheld = pt->of.withheld = 1;
		if (pt->gap != WM_NET_GAP_NONE)
			continue;
		pt->of = wm_net_work_due(w, at, i, p);
		pt->share = wm_net_work_done(w, at, i, p);
		pt->provisional = provisional(c, &w->parts[p]);
		if (!pt->of.withheld && pt->of.value == 0)
			pt->gap = WM_NET_GAP_NOBODY;
		else if (pt->share.withheld)
			pt->gap = WM_NET_GAP_WITHHELD;
	}
	return 0;
}

static int
cycles(const struct wm_net_view *v, size_t i, enum wm_disclosure_rule rule,
    struct wm_net_trends *t, struct wm_buf *err)
{
	const struct wm_net_service *sv = &v->services[i];
	struct wm_net_work w;
	size_t k;
	int rc = 0, pass;

	if (wm_net_work_build(v, rule, &w))
		rc = wm_store_out_of_memory(err);
	/* The recovery markers' cycle first, then the others as kept. */
	for (pass = 1; rc == 0 && pass >= 0; pass--)
		for (k = 0; rc == 0 && k < sv->n_cycles; k++)
			if (sv->cycles[k].recovery_markers == pass &&
			    cycle_trend(t, &w, i, &sv->cycles[k]))
				rc = wm_store_out_of_memory(err);
	wm_net_work_release(&w);
	return rc;
}

/* --- building them ------------------------------------------------------- */

int
wm_net_trends_build(struct wm_store *s, const struct wm_net_view *v,
    size_t i, enum wm_disclosure_rule rule, struct wm_net_trends *out,
    struct wm_buf *err)
{
	int rc;

	wm_net_trend_start(v, &out->from);
	out->to = v->to;
	out->n_quarters = (size_t)(index_of(&out->to) - index_of(&out->from) +
	    1);
	if (i >= v->n_services || out->n_quarters > WM_NET_MAX_QUARTERS) {
		wm_buf_clear(err);
		wm_buf_puts(err, "no such service, or too many quarters");
		return WM_STORE_ERROR;
	}
	if ((rc = recovery(s, v, i, rule, out, err)))
		return rc;
	return cycles(v, i, rule, out, err);
}

const char *
wm_net_trend_about(enum wm_net_trend_kind kind)
{
	switch (kind) {
	case WM_NET_TREND_RECOVERY:
		return "Each point is one quarter: of the people who answered "
		    "the recovery markers in it, and had answered at least "
		    "twice by its end, the share whose latest answer in the "
		    "quarter is reliably better than their first answer ever. "
		    "Each quarter's figures are withheld across every service "
		    "by the same rule as the network page's.";
	case WM_NET_TREND_CYCLE:
		break;
	}
	return "Each point is one quarter: of the times the measure fell due "
	    "at the service in its three months, the share done in time. "
	    "Completion is counted for the last 12 complete months, so an "
	    "earlier quarter, and the quarter not yet over, have no point.";
}

const char *
wm_net_gap_words(enum wm_net_gap gap)
{
	switch (gap) {
	case WM_NET_GAP_NONE:
		return "";
	case WM_NET_GAP_WITHHELD:
		return "withheld (*) by the disclosure rule";
	case WM_NET_GAP_NOBODY:
		return "no one to count";
	case WM_NET_GAP_NOT_KEPT:
		return "not counted: before the last 12 complete months";
	case WM_NET_GAP_NOT_OVER:
		return "not over yet";
	case WM_NET_GAP_NO_THRESHOLD:
		break;
	}
	return "reliable change cannot be worked out yet";
}
