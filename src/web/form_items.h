/*
 * An instrument's items as an HTML form, and the posted form read back
 * into a response: one renderer for every page that asks questions (a
 * person's measures, a lead's self-assessment, a validator's ratings).
 *
 * Without JavaScript a form cannot show and hide questions as answers
 * change, so every item is drawn; one asked only sometimes (enableWhen)
 * carries a hint made from its conditions ("Needed if the traffic light
 * rating is not Green"), and core decides on saving whether it was
 * needed. A date is three text boxes (day, month, year), the NHS design
 * system's date input, named LINKID-day, LINKID-month and LINKID-year.
 * Everything is written into h->out through the escaping writers.
 */
#ifndef WM_WEB_FORM_ITEMS_H
#define WM_WEB_FORM_ITEMS_H

#include "core/response.h"
#include "web/http.h"

/* "There is a problem", with one link per item that `d` finds fault with
 * (in the instrument's order); nothing when d is NULL or empty. */
void wm_items_error_summary(struct wm_http *h, const struct wm_instrument *in,
    const struct wm_diags *d);
/* Only its links, for a summary that has other problems too (between
 * wm_error_summary_start and wm_error_summary_end). */
void wm_items_error_items(struct wm_http *h, const struct wm_instrument *in,
    const struct wm_diags *d);

/* Items [from, to) of `in`, in file order: headings for groups, text
 * for display items, a field for each question, with its problem from
 * `d` beside it. Answers shown are `prefill`'s when it is given, else
 * those just posted in h->form. */
void wm_items_fields(struct wm_http *h, const struct wm_instrument *in,
    size_t from, size_t to, const struct wm_diags *d,
    const struct wm_response *prefill);

/* The posted answers to items [from, to) into `r`; an answer the
 * question cannot take (an unknown option, a date that is not a real
 * date) is a problem in `d`, placed on its item. Empty fields are no
 * answer. */
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
