/*
 * A cycle's completion rates, month by month, as a captioned table and a
 * bar chart (SVG with integer coordinates; the table carries every
 * figure). Writers append to a caller's buffer and return -1 if it failed.
 */
#ifndef WM_REPORT_COMPLETION_H
#define WM_REPORT_COMPLETION_H

#include "core/cycle.h"
#include "util/buf.h"

/* "November 2026" (at most 20 bytes with NUL). */
void wm_completion_month_name(const struct wm_completion_month *m,
    char out[20]);

/* The table: month, times due, done in time, rate ("No one was due" when
 * nothing was; "Nothing was due" for a cycle about the service), with
 * months that may still change marked. `caption` is plain text. */
int wm_completion_table(struct wm_buf *b, const char *caption,
    const struct wm_completion *c, int about_people);

/* A bar per month, its height the rate; months with nothing due have no
 * bar. `id` makes the title's and description's ids unique on a page. */
int wm_completion_svg(struct wm_buf *b, const char *id, const char *title,
    const struct wm_completion *c);

#endif
