/*
 * A practitioner's own Ten Top Tips over time: for each "did I...", how
 * often they answered yes, partly, no or not applicable. Private: only
 * they see it (teams see totals, never a named worker's answers).
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/known_instruments.h"
#include "util/escape.h"
#include "web/layout.h"

struct tally {
	struct wm_http *h;
	char link[72];
	int rows;
};

static void
close_row(struct tally *t)
{
	if (t->link[0])
		HTML(t->h, "</td></tr>\n");
}

static int
tally_row(void *ctx, const struct wm_answer_count_row *c)
{
	struct tally *t = ctx;
	struct wm_http *h = t->h;

	if (strcmp(t->link, c->link_id) != 0) {
		close_row(t);
		snprintf(t->link, sizeof(t->link), "%s", c->link_id);
		HTML(h, "<tr class=\"nhsuk-table__row\"><td class=\""
		    "nhsuk-table__cell\">");
		wm_esc_html_s(&h->out, c->text);
		HTML(h, "</td><td class=\"nhsuk-table__cell\">");
		t->rows++;
	} else {
		HTML(h, "; ");
	}
	wm_esc_html_s(&h->out, c->display);
	wm_buf_printf(&h->out, ": %lld", (long long)c->count);
	return 0;
}

void
wm_page_reflections(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	struct tally t = { h, "", 0 };

	if (!wm_page_own_service(h))
		return;
	wm_page_start(h, "Your Ten Top Tips");
	HTML(h, "<p class=\"nhsuk-body\"><a class=\"nhsuk-button\" href=\""
	    "/measures\">Reflect on an interaction</a></p>\n"
	    "<p class=\"nhsuk-body\">How you have answered each question "
	    "across all your reflections. Only you can see this.</p>\n"
	    "<table class=\"nhsuk-table\">\n<caption class=\"nhsuk-table__"
	    "caption\">After each interaction, did I...</caption>\n<thead "
	    "class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\">"
	    "<th class=\"nhsuk-table__header\" scope=\"col\">Question</th>"
	    "<th class=\"nhsuk-table__header\" scope=\"col\">Your answers"
	    "</th></tr></thead>\n<tbody class=\"nhsuk-table__body\">\n");
	wm_page_store_ok(h, wm_store_own_answer_counts(h->store,
	    h->who.account_id, wm_known_family(WM_KNOWN_TEN_TOP_TIPS),
	    tally_row, &t, &err), &err);
	close_row(&t);
	HTML(h, "</tbody>\n</table>\n");
	if (!t.rows)
		HTML(h, "<p class=\"nhsuk-body\">No reflections yet.</p>\n");
	wm_page_end(h);
	wm_buf_release(&err);
}
