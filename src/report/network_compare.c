/*
 * The funnel plots' points (report/network_compare.h), each at its
 * published figures, never its true counts. The figures of a table's
 * proportion are left off with either of its cells, a cycle's and a
 * course's with its denominator or its share.
 */
#include "report/network_compare.h"

#include <string.h>

/* Column `col` of a table's rows, of the rows' totals: left off where
 * either cell is withheld. */
static void
table_points(const struct wm_net_view *v, const struct wm_net_table *t,
    size_t col, struct wm_funnel_point *pts)
{
	size_t i;

	for (i = 0; i < v->n_services; i++) {
		struct wm_shown n = wm_net_table_count(t, i, t->cols);
		struct wm_shown x = wm_net_table_count(t, i, col);

		pts[i].name = v->services[i].name;
		pts[i].n = n.value;
		pts[i].x = x.value;
		pts[i].withheld = n.withheld || x.withheld;
	}
}

void
wm_net_improved_points(const struct wm_net_view *v,
    const struct wm_net_table *t, struct wm_funnel_point *pts)
{
	size_t i;

	if (wm_net_outcome_judged(t)) {
		table_points(v, t, WM_NET_IMPROVED, pts);
		return;
	}
	/* No change was judged: no service has a share to compare, and
	 * none is withheld either. */
	for (i = 0; i < v->n_services; i++) {
		pts[i].name = v->services[i].name;
		pts[i].n = pts[i].x = 0;
		pts[i].withheld = 0;
	}
}

void
wm_net_paired_points(const struct wm_net_view *v,
    const struct wm_net_table *t, struct wm_funnel_point *pts)
{
	table_points(v, t, WM_NET_PAIRED, pts);
}

/* A proportion shown one by one (report/network_work.h): its count is
 * published only through its share, rounded as the share takes it; left
 * off when its denominator or its share is withheld. */
static void
work_point(struct wm_funnel_point *p, const char *name, struct wm_shown x,
    struct wm_shown den, struct wm_shown share)
{
	p->name = name;
	p->n = den.value;
	p->x = x.value;
	p->withheld = den.withheld || (den.value > 0 && share.withheld);
}

void
wm_net_cycle_points(const struct wm_net_view *v, const struct wm_net_work *w,
    const char *title, struct wm_funnel_point *pts)
{
	const struct wm_shown none = { 1, 0 };
	size_t c = wm_net_work_cycle(w, title), i;

	for (i = 0; i < v->n_services; i++) {
		if (c == WM_NET_NO_CYCLE) {
			work_point(&pts[i], v->services[i].name, none, none,
			    none);
			continue;
		}
		work_point(&pts[i], v->services[i].name, wm_net_table_count(
		    &w->done[c], i, w->done[c].cols), wm_net_work_due(w, c, i,
		    WM_NET_ALL_PARTS), wm_net_work_done(w, c, i,
		    WM_NET_ALL_PARTS));
	}
}

void
wm_net_course_points(const struct wm_net_view *v, const struct wm_net_work *w,
    size_t k, struct wm_funnel_point *pts)
{
	const struct wm_shown none = { 1, 0 };
	size_t i;

	for (i = 0; i < v->n_services; i++)
		work_point(&pts[i], v->services[i].name, k < w->n_courses ?
		    wm_net_table_count(&w->course[k], i, 0) : none,
		    wm_net_work_staff(w, i), wm_net_work_course(w, k, i));
}

size_t
wm_net_cycle_titles(const struct wm_net_view *v, const char **titles,
    size_t max)
{
	size_t i, k, m, n = 0;

	for (i = 0; i < v->n_services; i++)
		for (k = 0; k < v->services[i].n_cycles; k++) {
			const char *title = v->services[i].cycles[k].title;
			int seen = 0;

			for (m = 0; m < n; m++)
				seen |= strcmp(titles[m], title) == 0;
			if (!seen && n < max)
				titles[n++] = title;
		}
	return n;
}

const char *
wm_net_funnel_place(const struct wm_funnel *fit, int fitted,
    const struct wm_funnel_point *p)
{
	struct wm_funnel_unit u = { p->n, p->x };

	if (p->withheld)
		return "left off";
	if (!fitted || !wm_funnel_point_shown(p))
		return "not compared";
	switch (wm_funnel_place_of(fit, &u)) {
	case WM_FUNNEL_ABOVE:
		return "above";
	case WM_FUNNEL_BELOW:
		return "below";
	default:
		return "within";
	}
}
