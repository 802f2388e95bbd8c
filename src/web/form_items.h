/*
 * An instrument's questions as HTML form fields, and the posted fields
 * read back into a response: one way to draw and read a form, shared by
 * the measure pages and the standards self-assessment and validation.
 * Everything is written into the request's response buffer.
 */
#ifndef WM_WEB_FORM_ITEMS_H
#define WM_WEB_FORM_ITEMS_H

#include <stddef.h>

#include "core/response.h"
#include "util/diag.h"
#include "web/http.h"

/* "There is a problem", with a link to each question the check refused
 * (nothing when d has no problems). */
void wm_items_error_summary(struct wm_http *h, const struct wm_instrument *in,
    const struct wm_diags *d);

/* Items [from, to) as fields, each showing its problem from d: with the
 * answers just posted when `prefill` is NULL, else prefill's. */
void wm_items_fields(struct wm_http *h, const struct wm_instrument *in,
    size_t from, size_t to, const struct wm_diags *d,
    const struct wm_response *prefill);

/* The posted answers to items [from, to) into r; an answer that is not
 * one of a question's options becomes a problem in d. */
void wm_items_fill(struct wm_http *h, struct wm_response *r, size_t from,
    size_t to, struct wm_diags *d);

/* The answers of a stored response (finished or not) into *out, to fill
 * a form in; answers the form cannot show are left out. -1 if they could
 * not be read. */
int wm_items_load(struct wm_http *h, const struct wm_instrument *in,
    int64_t response_id, struct wm_response **out);

/* The draft saved earlier under k into *out (NULL when there is none);
 * -1 when it could not be read, so nobody starts afresh over answers. */
int wm_items_draft(struct wm_http *h, const struct wm_instrument *in,
    const struct wm_draft_key *k, struct wm_response **out);

/* The instrument's source, copyright and licence, below its form. */
void wm_items_attribution(struct wm_http *h, const struct wm_instrument *in);

#endif
