/*
 * Home: who is signed in, and the roles they hold where.
 */
#include "web/pages.h"

#include "util/escape.h"
#include "web/layout.h"

static int
show_account(void *ctx, const struct wm_account_row *a)
{
	struct wm_http *h = ctx;

	HTML(h, "<p class=\"nhsuk-body\">You are signed in as ");
	wm_esc_html_s(&h->out, a->name);
	HTML(h, " (");
	wm_esc_html_s(&h->out, a->email);
	HTML(h, ").</p>\n");
	if (a->grants) {
		HTML(h, "<p class=\"nhsuk-body\">Your roles: ");
		wm_esc_html_s(&h->out, a->grants);
		HTML(h, ".</p>\n");
	}
	return 1;
}

void
wm_page_home(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;

	wm_page_start(h, "Home");
	if (wm_store_account_get(h->store, h->who.account_id, show_account, h,
	    &err)) {
		wm_page_error(h, 500, "Sorry, there is a problem",
		    "Waymark could not read your account. Try again later.");
	} else {
		int64_t person;

		if (wm_store_account_person(h->store, h->who.account_id,
		    &person, &err) == 0)
			HTML(h, "<p class=\"nhsuk-body\"><a href=\"/measures\">"
			    "Answer your measures</a>: your recovery markers, "
			    "your shared needs and how the service supports "
			    "you.</p>\n<p class=\"nhsuk-body\"><a href=\""
			    "/journey\">My journey</a>: how your answers have "
			    "changed over time.</p>\n<p class=\"nhsuk-body\">"
			    "<a href=\"/goals\">My goals</a>: what you want for "
			    "yourself, and how far along you are.</p>\n"
			    "<p class=\"nhsuk-body\"><a href=\"/my-record\">"
			    "Download my record</a>: everything held about you."
			    "</p>\n");
		else if (wm_store_account_service(h->store, h->who.account_id,
		    &person, &err) == 0)
			HTML(h, "<p class=\"nhsuk-body\"><a href=\"/caseload\">"
			    "Caseload</a>: the people your services support."
			    "</p>\n<p class=\"nhsuk-body\"><a href=\"/measures\">"
			    "Reflect on an interaction</a> with the Ten Top "
			    "Tips, or complete your own shared needs.</p>\n"
			    "<p class=\"nhsuk-body\"><a href=\"/reflections\">"
			    "Your Ten Top Tips over time</a>: only you see it."
			    "</p>\n");
		wm_page_end(h);
	}
	wm_buf_release(&err);
}
