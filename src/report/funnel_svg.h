/*
 * A funnel plot, for comparing services without ranking them
 * (Spiegelhalter, 2005): each service a point at (its denominator, its
 * proportion), the network's proportion as a line, and the 95% and
 * 99.8% control limits around it (core/funnel.h), widened when the
 * services vary more than chance allows (over-dispersion), which the
 * chart then says. Everything is worked out from the points' published
 * figures (rounded counts), never their true counts: the network's
 * line, the limits, which side of them a service falls, so that the
 * chart and its findings tell no more than the figures shown. A service
 * whose figure is withheld by the disclosure rule is left off (even
 * when its denominator is 0, which the rule may withhold too), and the
 * chart says how many were and why. Services
 * outside the 99.8% limits are named beside the chart; nowhere is there
 * a ranking. The SVG has a title and a description, and a table with
 * the same figures follows it for people who cannot see the chart.
 *
 * Ownership: the caller's points are read, never kept.
 */
#ifndef WM_REPORT_FUNNEL_SVG_H
#define WM_REPORT_FUNNEL_SVG_H

#include <stddef.h>
#include <stdint.h>

#include "core/disclosure.h"
#include "core/funnel.h"
#include "util/buf.h"

struct wm_funnel_point {
	const char *name;	/* the service's */
	int64_t n, x;		/* denominator and count as published
				 * (rounded); 0 when withheld */
	int withheld;		/* either is withheld: left off */
};

/*
 * The fit over the points that can be shown (neither figure withheld, a
 * denominator above 0), as the chart draws it: 0 with *fitted 1, or
 * *fitted 0 and fit->units 0 when none could be fitted (no point, or
 * every point with the same share of 0 or 1); -1 when out of memory.
 */
int wm_funnel_points_fit(const struct wm_funnel_point *pts, size_t n,
    struct wm_funnel *fit, int *fitted);
/* The points left off because a figure of theirs is withheld. */
size_t wm_funnel_left_off(const struct wm_funnel_point *pts, size_t n);
/* 1 when the point is drawn: not withheld, and a denominator above 0. */
int wm_funnel_point_shown(const struct wm_funnel_point *p);

/* A chart of proportion `what` ("Reliably improved"), with its element
 * ids made from `id` (letters, digits and '-'); `of` names the
 * denominator ("people with two answers or more"). 0, or -1 when out of
 * memory. *fit is the fit over the points shown (fit->units 0 when none
 * could be fitted). */
int wm_funnel_html(struct wm_buf *b, const char *id, const char *what,
    const char *of, const struct wm_funnel_point *pts, size_t n,
    struct wm_funnel *fit);

#endif
