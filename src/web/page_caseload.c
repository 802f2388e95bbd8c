/*
 * A practitioner's caseload: the people on the caseloads of the services
 * they work in, with search; and a person's journey seen alongside them.
 * Anyone else is told such a person does not exist (404), and every view
 * of a person's record is audited.
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/cycle.h"
#include "report/journey.h"
#include "util/escape.h"
#include "web/layout.h"

struct rows {
	struct wm_http *h;
	int n;
};

/* The most pressing state across a person's cycles. */
struct worst {
	struct wm_date today;
	enum wm_due state;
};

static int
worst_due(void *ctx, const struct wm_cycle_row *c)
{
	struct worst *w = ctx;
	struct wm_date since, last, on;
	enum wm_due st;

	if (!c->instrument_id || wm_date_parse(c->since, &since))
		return 0;
	st = wm_cycle_due(&w->today, c->every_months, &since, c->last &&
	    wm_date_parse(c->last, &last) == 0 ? &last : NULL, &on);
	if (st > w->state)
		w->state = st;
	return 0;
}

enum wm_due
wm_person_due(struct wm_http *h, int64_t person)
{
	struct wm_buf err = WM_BUF_INIT;
	struct worst w;

	wm_date_from_days((long)(h->now / 86400), &w.today);
	w.state = WM_DUE_NOT_YET;
	wm_store_person_cycles(h->store, person, worst_due, &w, &err);
	wm_buf_release(&err);
	return w.state;
}

static void
due_cell(struct wm_http *h, int64_t person)
{
	enum wm_due state = wm_person_due(h, person);

	if (state == WM_DUE_OVERDUE)
		HTML(h, "<strong class=\"nhsuk-tag nhsuk-tag--red\">Overdue"
		    "</strong>");
	else if (state == WM_DUE_NOW)
		HTML(h, "<strong class=\"nhsuk-tag nhsuk-tag--yellow\">Due"
		    "</strong>");
	else
		HTML(h, "Up to date");
}

static int
row(void *ctx, const struct wm_caseload_row *p)
{
	struct rows *r = ctx;
	struct wm_http *h = r->h;
	char date[32];

	HTML(h, "<tr class=\"nhsuk-table__row\"><td class=\"nhsuk-table__cell\">"
	    "<a href=\"/people/");
	wm_esc_url_s(&h->out, p->ident);
	HTML(h, "/journey\">");
	wm_esc_html_s(&h->out, p->name);
	HTML(h, "</a></td><td class=\"nhsuk-table__cell\">");
	wm_esc_html_s(&h->out, p->ident);
	HTML(h, "</td><td class=\"nhsuk-table__cell\">");
	wm_esc_html_s(&h->out, p->unit_name);
	HTML(h, "</td><td class=\"nhsuk-table__cell\">");
	if (p->last_answered) {
		wm_journey_date(p->last_answered, date, sizeof(date));
		wm_esc_html_s(&h->out, date);
	} else {
		HTML(h, "Not yet");
	}
	HTML(h, "</td><td class=\"nhsuk-table__cell\">");
	due_cell(h, p->person_id);
	HTML(h, "</td></tr>\n");
	r->n++;
	return 0;
}

void
wm_page_caseload(struct wm_http *h)
{
	const char *q = wm_http_query(h, "q");
	struct wm_buf err = WM_BUF_INIT;
	struct rows r = { h, 0 };

	if (!wm_page_own_service(h))
		return;
	wm_page_start(h, "Caseload");
	HTML(h, "<form method=\"get\" action=\"/caseload\">\n<div class=\""
	    "nhsuk-form-group\">\n<label class=\"nhsuk-label\" for=\"q\">Search "
	    "by name or identifier</label>\n<input class=\"nhsuk-input "
	    "nhsuk-input--width-20\" id=\"q\" name=\"q\" type=\"search\" "
	    "value=\"");
	wm_esc_attr_s(&h->out, q ? q : "");
	HTML(h, "\">\n</div>\n<button class=\"nhsuk-button nhsuk-button--"
	    "secondary\" type=\"submit\">Search</button>\n</form>\n"
	    "<table class=\"nhsuk-table\">\n<caption class=\"nhsuk-table__"
	    "caption\">People on your services' caseloads</caption>\n<thead "
	    "class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\">"
	    "<th class=\"nhsuk-table__header\" scope=\"col\">Name</th>"
	    "<th class=\"nhsuk-table__header\" scope=\"col\">Identifier</th>"
	    "<th class=\"nhsuk-table__header\" scope=\"col\">Service</th>"
	    "<th class=\"nhsuk-table__header\" scope=\"col\">Last answered"
	    "</th><th class=\"nhsuk-table__header\" scope=\"col\">Measures"
	    "</th></tr></thead>\n<tbody class=\"nhsuk-table__body\">\n");
	if (wm_store_caseload(h->store, h->who.account_id, q, row, &r, &err))
		r.n = -1;
	HTML(h, "</tbody>\n</table>\n");
	if (r.n == 0)
		HTML(h, "<p class=\"nhsuk-body\">No one matches.</p>\n");
	wm_store_audit(h->store, h->who.account_id, "viewed caseload", NULL, 0,
	    q ? "searched" : NULL, h->address, &err);
	wm_page_end(h);
	wm_buf_release(&err);
}

/*
 * The person named in the path, if they are on the practitioner's
 * caseload, with the view written to the audit log first (no record is
 * shown without its entry); 0, with the page written, otherwise.
 */
int64_t
wm_person_viewed(struct wm_http *h, const char *action)
{
	const char *ident = wm_route_param(&h->match, "person");
	struct wm_buf err = WM_BUF_INIT;
	int64_t person = 0;

	if (!ident || wm_store_person_in_scope(h->store, h->who.account_id,
	    ident, &person, &err)) {
		person = 0;
		wm_page_error(h, 404, "Page not found",
		    "If you typed the web address, check it is correct.");
	} else if (wm_store_audit(h->store, h->who.account_id, action,
	    "person", person, NULL, h->address, &err)) {
		person = 0;
		wm_page_error(h, 500, "Sorry, there is a problem",
		    "The record could not be shown. Try again.");
	}
	wm_buf_release(&err);
	return person;
}

void
wm_page_person_journey(struct wm_http *h)
{
	struct wm_buf base = WM_BUF_INIT;
	int64_t person = wm_person_viewed(h, "viewed journey");

	if (!person)
		return;
	wm_buf_puts(&base, "/people/");
	wm_esc_url_s(&base, wm_route_param(&h->match, "person"));
	wm_journey_page(h, person, "Journey", 0, wm_buf_str(&base));
	wm_buf_release(&base);
}

/* A person's goals, read-only, for the practitioner alongside them. */
void
wm_page_person_goals(struct wm_http *h)
{
	int64_t person = wm_person_viewed(h, "viewed goals");

	if (!person)
		return;
	wm_page_start(h, "Their goals");
	HTML(h, "<p class=\"nhsuk-body\">The person's own goals, in their "
	    "words, and how far along they say they are.</p>\n");
	wm_goals_list(h, person, 0);
	wm_page_end(h);
}
