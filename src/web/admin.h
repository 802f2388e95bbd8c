/*
 * What the administrator's pages share (page_admin_*.c): the page with
 * its way back to /admin, forms that post with the session's CSRF token,
 * text fields in the design system's form groups, and a refused change
 * (store/admin.h) said at the field it is about. Every change goes
 * through store/admin.h, the same as the command line. Writes into the
 * request's response.
 */
#ifndef WM_WEB_ADMIN_H
#define WM_WEB_ADMIN_H

#include "store/admin.h"
#include "web/http.h"
#include "web/layout.h"

/* Starts a page headed `title` with "Back to administration". */
void wm_admin_page_start(struct wm_http *h, const char *title);

/* The signed-in account from the request's address, with today by the
 * server's clock (*today, which must outlive *by). */
void wm_admin_by(struct wm_http *h, struct wm_date *today,
    struct wm_admin_by *by);


/* A one-line text field: its group, label, hint (may be NULL), problem
 * (may be NULL), and the value posted under `id` (or `value` when not
 * posted). `width` is a design-system class ("nhsuk-input--width-10") or
 * "". */
/* A select's group, label, hint and opening tag, marked in error when
 * `problem` is set; its options (wm_option) and "</select></div>" are
 * the caller's. */
void wm_admin_select_start(struct wm_http *h, const char *id,
    const char *label, const char *hint, const char *problem);
void wm_admin_text(struct wm_http *h, const char *id, const char *label,
    const char *hint, const char *problem, const char *value,
    const char *width);

/* A cell of a responsive table (wm_td_start) whose words may break
 * anywhere, so that a long address or email never widens a narrow
 * screen; the value that follows is closed with WM_ADMIN_TD_END. */
void wm_admin_td(struct wm_http *h, const char *heading);
#define WM_ADMIN_TD_END "</span></span></td>"

/* A refusal's message as a page says it, with a capital first letter,
 * into out[0..n). */
const char *wm_admin_say(const char *message, char *out, size_t n);

/* The error summary, when any of e[0..n) has a message. */
void wm_admin_errors(struct wm_http *h, const struct wm_field_error *e,
    size_t n);

/* The problem `p` placed on the field of e[0..n) whose id is `prefix`
 * and the field it names (a date's id ends "-day"), said in words kept
 * in msg; the first field when none is named. */
void wm_admin_place(const struct wm_field_problem *p, const char *prefix,
    struct wm_field_error *e, size_t n, char *msg, size_t msg_size);

/* The date `id` as posted (web/date_input.h) into *d, today when no
 * part of it was given: NULL, or why it is not a date. */
const char *wm_admin_date(struct wm_http *h, const char *id,
    const struct wm_date *today, struct wm_date *d);

/* The options of a <select> of the open services, `chosen` selected,
 * after a first option `none` (its value ""; none when NULL). */
void wm_admin_service_options(struct wm_http *h, const char *chosen,
    const char *none);

/* "6 December 2026" from YYYY-MM-DD (the text itself if it is not a
 * date). */
void wm_admin_date_words(const char *iso, char *out, size_t n);

#endif
