/*
 * One trend (report/network_trends.h) as a small chart, for small
 * multiples: the quarters across, 0 to 100% up, a point for each quarter
 * with one, joined to the next when that has one too. A quarter without
 * a point is a gap in the line, marked along the bottom with a sign that
 * says why ("*" withheld, "-" nothing to show), never with colour alone;
 * a point that may still change is an open circle. The SVG has a title
 * and a description, and a table of the same figures, with each gap's
 * reason in words, follows it.
 *
 * Ownership: the trend is read, never kept.
 */
#ifndef WM_REPORT_TREND_SVG_H
#define WM_REPORT_TREND_SVG_H

#include "report/network_trends.h"
#include "util/buf.h"

/* Trend `tr` of `t`, its element ids made from `id` (letters, digits and
 * '-'), under an h4 heading of its title. 0, or -1 out of memory. */
int wm_trend_html(struct wm_buf *b, const char *id,
    const struct wm_net_trends *t, const struct wm_net_trend *tr);

#endif
