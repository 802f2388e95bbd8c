/*
 * A plan drawn for reading: on its page, in print, and for whoever it is
 * shared with. Only what was written is shown, in the template's order
 * under its headings, with the parts Waymark fills in (the person's
 * goals, the network's crisis contacts, a link to another plan). One
 * renderer for every reader, so a reader sees exactly what its owner
 * sees, and nothing that is not in the plan.
 */
#ifndef WM_WEB_PLAN_VIEW_H
#define WM_WEB_PLAN_VIEW_H

#include "report/plan.h"
#include "web/http.h"

/* Who made the version and when, in words: "Finished on 6 December
 * 2026, made together with Jo Smith, agreed on 1 December 2026". */
void wm_plan_made(struct wm_http *h, const struct wm_plan_doc *d);

/* The plan's answers, under its headings. `owner_links` links the
 * parts filled in to the owner's own pages (their goals, their other
 * plans); a reader gets the words alone. */
void wm_plan_body(struct wm_http *h, const struct wm_plan_doc *d,
    int64_t person_id, int owner_links);

/* 1 if the plan's template puts anything on a wallet-size card. */
int wm_plan_has_card(const struct wm_instrument *in);
/* The card: the plan's title and the items marked onCard, as written
 * (the network's crisis contacts as they are now), sized for a wallet
 * when printed. */
void wm_plan_card(struct wm_http *h, const struct wm_plan_doc *d);

/* The network's list of services anyone can contact day or night, one
 * "Name, how to reach them" a line, into out. */
void wm_plan_crisis_contacts(struct wm_http *h, struct wm_buf *out);

/* The title of the latest template of the family ("My safety plan"),
 * appended to out; "the plan" when none is loaded. */
void wm_plan_title(struct wm_http *h, const char *family, struct wm_buf *out);

#endif
