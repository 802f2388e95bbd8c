/*
 * A practitioner's own Ten Top Tips: their latest reflections, with when
 * and with whom, and for each "did I...", how often they answered yes,
 * partly, no or not applicable. Private: only they see it (teams see
 * totals, never a named worker's answers).
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/known_instruments.h"
#include "util/date.h"
#include "util/escape.h"
#include "web/layout.h"
#include "web/params.h"

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

/* How many of the latest reflections the page lists. */
#define RECENT 10

struct recent {
	struct wm_http *h;
	int64_t saved;		/* the one just saved, or 0 */
	int rows;
};

/* The interaction's day and with whom, in words. */
static void
reflection_words(struct wm_http *h, const struct wm_reflection_row *r)
{
	char day[32];

	wm_date_words(r->authored, day, sizeof(day));
	wm_esc_html_s(&h->out, day);
	if (!r->ident)
		return;
	HTML(h, ", with <a href=\"/people/");
	wm_esc_url_s(&h->out, r->ident);
	HTML(h, "/journey\">");
	wm_esc_html_s(&h->out, r->name);
	HTML(h, "</a>");
}

static int
saved_row(void *ctx, const struct wm_reflection_row *r)
{
	struct recent *c = ctx;
	struct wm_http *h = c->h;

	if (r->response_id != c->saved)
		return 0;
	HTML(h, "<div class=\"nhsuk-inset-text\">\n<span class=\""
	    "nhsuk-u-visually-hidden\">Information: </span>\n<p class=\""
	    "nhsuk-body\">Your reflection is saved: ");
	reflection_words(h, r);
	HTML(h, ".</p>\n</div>\n");
	return 1;
}

static int
recent_row(void *ctx, const struct wm_reflection_row *r)
{
	struct recent *c = ctx;
	struct wm_http *h = c->h;

	if (!c->rows++)
		HTML(h, "<h2 class=\"nhsuk-heading-m\">Your latest "
		    "reflections</h2>\n<ul class=\"nhsuk-list "
		    "nhsuk-list--bullet\">\n");
	HTML(h, "<li>");
	reflection_words(h, r);
	HTML(h, "</li>\n");
	return 0;
}

/* The reflection just saved, if the query names one of the account's
 * own latest; then the latest, newest first. 0, or -1 with the store's
 * failure answered. */
static int
latest(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	const char *family = wm_known_family(WM_KNOWN_TEN_TOP_TIPS);
	struct recent c = { h, wm_query_number(wm_http_query(h, "saved")), 0 };
	int rc = 0;

	if (c.saved)
		rc = wm_store_own_reflection(h->store, h->who.account_id,
		    family, c.saved, saved_row, &c, &err);
	if (rc == 0)
		rc = wm_store_own_reflections(h->store, h->who.account_id,
		    family, RECENT, recent_row, &c, &err);
	if (wm_page_store_ok(h, rc, &err) && c.rows)
		HTML(h, "</ul>\n");
	wm_buf_release(&err);
	return rc ? -1 : 0;
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
	    "/reflect\">Reflect on an interaction</a></p>\n");
	if (latest(h))
		goto out;
	HTML(h, "<h2 class=\"nhsuk-heading-m\">All your reflections</h2>\n"
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
out:
	wm_buf_release(&err);
}
