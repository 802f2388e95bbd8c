/*
 * Dates entered as the NHS design system asks: three boxes, day, month
 * and year, named NAME-day, NAME-month and NAME-year, read back as one
 * date. Every form that takes a date uses these, so a date is typed the
 * same way everywhere.
 */
#ifndef WM_WEB_DATE_INPUT_H
#define WM_WEB_DATE_INPUT_H

#include "util/date.h"
#include "web/http.h"

/* What each box shows. */
struct wm_date_parts {
	char v[3][16];	/* day, month, year */
};

/* The boxes as posted, if any of NAME's boxes was posted; else as the
 * date `iso` (YYYY-MM-DD, or NULL for empty boxes). */
void wm_date_parts_shown(struct wm_http *h, const char *name,
    const char *iso, struct wm_date_parts *out);

/* The three boxes (without their fieldset), marked in error if `error`. */
void wm_date_boxes(struct wm_http *h, const char *name,
    const struct wm_date_parts *p, int error);

/* A whole date field: its form group, a fieldset whose legend is
 * `legend`, the hint (NULL for none), the problem (NULL for none) and the
 * boxes showing what wm_date_parts_shown gives for `iso`. */
void wm_date_field(struct wm_http *h, const char *name, const char *legend,
    const char *hint, const char *iso, const char *problem);

/* NAME's boxes as posted: 0 when all were left empty, 1 with the date in
 * *out (and as YYYY-MM-DD in iso, if not NULL), -1 when what was typed is
 * not a real date. */
int wm_date_posted(struct wm_http *h, const char *name, struct wm_date *out,
    char iso[11]);

/* The problem to show for a date that is not one. */
#define WM_DATE_NOT_REAL "enter a real date, for example 31 3 2027"

#endif
