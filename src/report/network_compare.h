/*
 * Comparing services without ranking them: the points of each
 * proportion's funnel plot (report/funnel_svg.h), one per service of the
 * view and in its order, each left off where the network-wide table it
 * comes from withholds either of its figures. The pages draw them, and
 * the API and the command line give the fit's findings, from the same points, so
 * that every one of them leaves off, and names outside the limits, the
 * same services.
 *
 * Ownership: a point borrows its service's name from the view; the
 * caller owns the array (one point per service of the view).
 */
#ifndef WM_REPORT_NETWORK_COMPARE_H
#define WM_REPORT_NETWORK_COMPARE_H

#include <stddef.h>

#include "core/disclosure.h"
#include "report/funnel_svg.h"
#include "report/network_table.h"
#include "report/network_view.h"
#include "report/network_work.h"

/* Reliably improved, of the people paired: from one scale and kind's
 * outcome table (wm_net_outcome_table), left off where either of its
 * cells is withheld; where the table judged no change, no service has
 * a share to compare (each "not compared"). */
void wm_net_improved_points(const struct wm_net_view *v,
    const struct wm_net_table *t, struct wm_funnel_point *pts);

/* The paired-outcome rate, from its table (wm_net_paired_table). */
void wm_net_paired_points(const struct wm_net_view *v,
    const struct wm_net_table *t, struct wm_funnel_point *pts);

/* The cycles of the measure titled `title`: done in time, of the times
 * due (a service without them has nothing to compare), from w. */
void wm_net_cycle_points(const struct wm_net_view *v,
    const struct wm_net_work *w, const char *title,
    struct wm_funnel_point *pts);

/* Course k of the view's catalogue: the staff who have done it, of the
 * service's staff, from w. */
void wm_net_course_points(const struct wm_net_view *v,
    const struct wm_net_work *w, size_t k, struct wm_funnel_point *pts);

/* Where a service stands on its funnel plot, for the API and the
 * command line: "within", "above" or "below" the 99.8% limits, "left off"
 * (a figure withheld), or "not compared" (no one to compare, or no plot
 * could be fitted). */
const char *wm_net_funnel_place(const struct wm_funnel *fit, int fitted,
    const struct wm_funnel_point *p);

/* The measures run in cycles anywhere in the view, each once, in the
 * order first met: their titles (borrowed from the view) into titles[],
 * at most max; how many. */
size_t wm_net_cycle_titles(const struct wm_net_view *v, const char **titles,
    size_t max);

#endif
