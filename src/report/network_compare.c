/*
 * The funnel plots' points (report/network_compare.h). The figures of a
 * table's proportion are left off with either of its cells; a
 * proportion outside any table (a cycle's, a course's) with either of its
 * figures as the rule publishes them on its own.
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
		pts[i].name = v->services[i].name;
		pts[i].n = wm_net_table_true(t, i, t->cols);
		pts[i].x = wm_net_table_true(t, i, col);
		pts[i].withheld = wm_net_table_count(t, i, t->cols).withheld ||
		    wm_net_table_count(t, i, col).withheld;
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

/* A proportion published outside any table: left off when the rule
 * withholds its denominator or its share. */
static void
simple(const struct wm_net_view *v, enum wm_disclosure_rule rule,
    struct wm_funnel_point *pts)
{
	size_t i;

	for (i = 0; i < v->n_services; i++) {
		pts[i].name = v->services[i].name;
		pts[i].withheld = wm_disclose_count(rule, pts[i].n).withheld ||
		    (pts[i].n > 0 && wm_disclose_percent(rule, pts[i].x,
		    pts[i].n).withheld);
	}
}

void
wm_net_cycle_points(const struct wm_net_view *v, const char *title,
    enum wm_disclosure_rule rule, struct wm_funnel_point *pts)
{
	size_t m, c;

	for (m = 0; m < v->n_services; m++) {
		const struct wm_net_service *sv = &v->services[m];

		pts[m].n = pts[m].x = 0;
		for (c = 0; c < sv->n_cycles; c++)
			if (strcmp(sv->cycles[c].title, title) == 0) {
				pts[m].n = sv->cycles[c].due;
				pts[m].x = sv->cycles[c].done;
			}
	}
	simple(v, rule, pts);
}

void
wm_net_course_points(const struct wm_net_view *v, size_t k,
    enum wm_disclosure_rule rule, struct wm_funnel_point *pts)
{
	size_t i;

	for (i = 0; i < v->n_services; i++) {
		const struct wm_net_service *sv = &v->services[i];

		pts[i].n = sv->staff;
		pts[i].x = sv->coverage && v->courses &&
		    k < v->courses->n_concepts ? sv->coverage[k].done : 0;
	}
	simple(v, rule, pts);
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
