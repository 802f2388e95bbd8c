/*
 * Asking first, without JavaScript, before a change that cannot be
 * undone: the first POST shows a page that says plainly what will
 * happen, with a "Yes" button (a POST to the same path, carrying the
 * form's fields, the CSRF token and confirm=yes) and a "No, go back"
 * link; only the confirmed POST goes on to change anything.
 */
#ifndef WM_WEB_CONFIRM_H
#define WM_WEB_CONFIRM_H

#include "web/http.h"

struct wm_confirm {
	const char *title;	/* the page's heading, a question */
	const char *happens;	/* what will happen, in a sentence or two */
	const char *yes;	/* the button: "Yes, stop it" */
	const char *back_href;	/* where "No, go back" leads */
};

/* 1 when the form says confirm=yes; otherwise writes the page that
 * asks and returns 0 (the caller changes nothing). */
int wm_confirmed(struct wm_http *h, const struct wm_confirm *c);

/* Whether the form says confirm=yes: for a caller that checks the
 * change, or notes a view, before it asks. */
int wm_confirm_given(const struct wm_http *h);

#endif
