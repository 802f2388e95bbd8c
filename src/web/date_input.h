/*
 * The NHS design system's date input, for every date a form asks for:
 * three boxes, day, month and year, named ID-day, ID-month and ID-year,
 * read back into a real date or refused. Writes into the request's
 * response through the escaping writers; parts live in caller storage.
 */
#ifndef WM_WEB_DATE_INPUT_H
#define WM_WEB_DATE_INPUT_H

#include "util/date.h"
#include "web/http.h"

/* The three boxes' text: day, month, year; too_long when one held more
 * than v keeps, which is then no date, never the part that fitted. */
struct wm_date_parts {
	char v[3][16];
	int too_long;
};

/* What was posted for the date `id` (each "" when not given). */
void wm_date_parts_posted(struct wm_http *h, const char *id,
    struct wm_date_parts *p);
/* What a search form's query string gives for the date `id`, whose
 * boxes are named ID_day, ID_month and ID_year there (a query
 * parameter's name is letters and '_': web/params.h). */
void wm_date_parts_query(struct wm_http *h, const char *id,
    struct wm_date_parts *p);
/* A date's parts, to show it in the boxes. */
void wm_date_parts_of(const struct wm_date *d, struct wm_date_parts *p);

/* The three boxes for `id` (the caller writes the fieldset around
 * them), marked in error when `error`. */
void wm_date_input(struct wm_http *h, const char *id,
    const struct wm_date_parts *p, int error);

/* The parts as a date: 0 when no part was given, 1 when *out holds a
 * real date, -1 when what was typed is not one (31 2 2026). */
int wm_date_parts_read(const struct wm_date_parts *p, struct wm_date *out);
/* The same for the date `id` as posted. */
int wm_date_input_read(struct wm_http *h, const char *id,
    struct wm_date *out);

/* A whole date question: the fieldset with its legend, hint (may be
 * NULL), the problem when there is one, and the boxes showing what was
 * posted. The error summary links to "ID-day". */
void wm_date_field(struct wm_http *h, const char *id, const char *legend,
    const char *hint, const char *problem);
/* The same, showing the date `shown` on a form's first showing (a GET),
 * before anything was typed: a day filled in for the person to keep or
 * change. */
void wm_date_field_or(struct wm_http *h, const char *id, const char *legend,
    const char *hint, const struct wm_date *shown, const char *problem);
/* The same for a search form's date, its boxes named and shown as the
 * query string gives them (wm_date_parts_query); the summary links to
 * "ID_day". */
void wm_date_field_query(struct wm_http *h, const char *id,
    const char *legend, const char *hint, const char *problem);

/* What to say of a date that is not one, after the field's name: its
 * example a day past, as most dates asked for are (an interaction, a
 * course completed, a day someone joined). */
#define WM_DATE_NOT_REAL "enter a real date, for example 27 3 2026"

#endif
