/*
 * A practitioner's caseload, a page at a time: the people on the
 * caseloads of the services they work in, their own first, with search
 * (the model is in caseload.c); and a person's journey and goals seen
 * alongside them, named in the heading. Anyone else is told such a
 * person does not exist (404), and every view of a person's record is
 * audited.
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "report/journey.h"
#include "util/escape.h"
#include "web/caseload.h"
#include "web/layout.h"

static void
due_cell(struct wm_http *h, enum wm_due state)
{
	if (state == WM_DUE_OVERDUE)
		HTML(h, "<strong class=\"nhsuk-tag nhsuk-tag--red\">Overdue"
		    "</strong>");
	else if (state == WM_DUE_NOW)
		HTML(h, "<strong class=\"nhsuk-tag nhsuk-tag--yellow\">Due"
		    "</strong>");
	else
		HTML(h, "Up to date");
}

static void
row(struct wm_http *h, const struct wm_caseload_person *person)
{
	const struct wm_caseload_row *p = &person->row;
	char date[32];

	HTML(h, "<tr class=\"nhsuk-table__row\">");
	wm_person_name_cell(h, p->ident, p->name);
	wm_td_start(h, "Identifier");
	wm_esc_html_s(&h->out, p->ident);
	HTML(h, "</span></td>");
	wm_td_start(h, "Service");
	wm_esc_html_s(&h->out, p->unit_name);
	HTML(h, "</span></td>");
	wm_td_start(h, "Last answered");
	if (p->last_answered) {
		wm_date_words(p->last_answered, date, sizeof(date));
		wm_esc_html_s(&h->out, date);
	} else {
		HTML(h, "Not yet");
	}
	HTML(h, "</span></td>");
	wm_td_start(h, "Measures");
	due_cell(h, person->due);
	HTML(h, "</span></td></tr>\n");
}

/* The search form, with the problem (if any) marked on its field. */
static void
search_form(struct wm_http *h, const char *q, const char *problem)
{
	HTML(h, "<form method=\"get\" action=\"/caseload\" novalidate>\n");
	wm_form_group_start(h, "q", "Search by name or identifier",
	    "Up to 100 characters. The search is kept as you move between "
	    "pages.", problem);
	if (problem)
		HTML(h, "<input class=\"nhsuk-input nhsuk-input--width-20 "
		    "nhsuk-input--error\" aria-describedby=\"q-hint q-error\"");
	else
		HTML(h, "<input class=\"nhsuk-input nhsuk-input--width-20\" "
		    "aria-describedby=\"q-hint\"");
	HTML(h, " id=\"q\" name=\"q\" type=\"search\" value=\"");
	wm_esc_attr_s(&h->out, q ? q : "");
	HTML(h, "\">\n</div>\n<button class=\"nhsuk-button nhsuk-button--"
	    "secondary\" type=\"submit\">Search</button>\n</form>\n");
}

static void
intro(struct wm_http *h)
{
	wm_page_start(h, "Caseload");
	HTML(h, "<p class=\"nhsuk-body\">The people now on the caseloads of "
	    "your services. Your own people come first: those on the "
	    "services where you work as a practitioner. Then the people of "
	    "services you lead. Each in order of name.</p>\n");
}

/* A search or page that cannot be used: said plainly, nothing read. */
static void
refused(struct wm_http *h, const struct wm_caseload_problem *p)
{
	int on_form = strcmp(p->field, "q") == 0;

	h->status = 400;
	intro(h);
	wm_error_summary(h, on_form ? "q" : NULL, p->message);
	search_form(h, NULL, on_form ? p->message : NULL);
	wm_page_end(h);
}

/* Where the pages link: /caseload?q=SEARCH& (escaped for a URL). */
static void
pages_href(struct wm_buf *b, const char *search)
{
	wm_buf_puts(b, "/caseload?");
	if (search) {
		wm_buf_puts(b, "q=");
		wm_esc_url_s(b, search);
		wm_buf_puts(b, "&");
	}
}

static void
table(struct wm_http *h, const struct wm_caseload *c)
{
	static const char *const heads[] = { "Name", "Identifier", "Service",
	    "Last answered", "Measures" };
	size_t i;

	wm_table_start(h, "People on your services' caseloads", 0, heads,
	    sizeof(heads) / sizeof(heads[0]));
	for (i = 0; i < c->n; i++)
		row(h, &c->people[i]);
	HTML(h, "</tbody>\n</table>\n");
}

static void
show(struct wm_http *h, const struct wm_caseload *c)
{
	struct wm_buf href = WM_BUF_INIT;
	int64_t pages = wm_paging_pages(&c->paging);

	intro(h);
	search_form(h, c->search, NULL);
	pages_href(&href, c->search);
	if (c->paging.total == 0 && c->search) {
		HTML(h, "<p class=\"nhsuk-body\">No one matches.</p>\n");
	} else if (c->paging.total == 0) {
		HTML(h, "<p class=\"nhsuk-body\">No one is on your services' "
		    "caseloads yet.</p>\n");
	} else if (c->n == 0) {
		wm_buf_printf(&h->out, "<p class=\"nhsuk-body\">There is no "
		    "page %lld: there %s %lld page%s.</p>\n", (long long)
		    c->paging.page, pages == 1 ? "is" : "are", (long long)pages,
		    pages == 1 ? "" : "s");
		HTML(h, "<p class=\"nhsuk-body\"><a href=\"");
		wm_esc_attr_s(&h->out, wm_buf_str(&href));
		HTML(h, "page=1\">Go to the first page</a></p>\n");
	} else {
		wm_paging_summary(h, &c->paging, "person", "people");
		table(h, c);
		wm_paging_nav(h, &c->paging, wm_buf_str(&href));
	}
	wm_page_end(h);
	wm_buf_release(&href);
}

/*
 * GET /caseload?q=SEARCH&page=N: a page of 50 people. The view is written
 * to the audit log before anything is read, and a caseload that cannot be
 * audited or read is not shown at all.
 */
void
wm_page_caseload(struct wm_http *h)
{
	struct wm_caseload c = WM_CASELOAD_INIT;
	struct wm_caseload_problem p;
	struct wm_buf err = WM_BUF_INIT;

	if (!wm_page_own_service(h))
		return;
	if (wm_caseload_ask(h, "q", &c, &p)) {
		refused(h, &p);
	} else if (!wm_page_store_ok(h, wm_http_audit(h,
	    "viewed caseload", NULL, 0, c.search ? "searched" : NULL,
	    &err), &err) ||
	    wm_caseload_read(h, &c)) {
		wm_page_error(h, 500, "Sorry, there is a problem",
		    "The caseload could not be shown. Try again.");
	} else {
		show(h, &c);
	}
	wm_caseload_release(&c);
	wm_buf_release(&err);
}

/* GET /people/{person}/journey: the person's journey, for their practitioner,
 * named in its heading and speaking of "their" scores. */
void
wm_page_person_journey(struct wm_http *h)
{
	struct wm_buf base = WM_BUF_INIT, title = WM_BUF_INIT;
	int64_t person = wm_scope_person(h);

	if (!person || wm_scope_viewed(h, NULL) ||
	    wm_person_named(h, person, &title))
		goto out;
	wm_buf_puts(&title, ": their journey");
	wm_buf_puts(&base, "/people/");
	wm_esc_url_s(&base, wm_route_param(&h->match, "person"));
	wm_journey_page(h, person, wm_buf_str(&title), 0, wm_buf_str(&base));
out:
	wm_buf_release(&title);
	wm_buf_release(&base);
}

/* GET /people/{person}/goals: a person's goals, read-only, for the
 * practitioner alongside them. */
void
wm_page_person_goals(struct wm_http *h)
{
	struct wm_buf title = WM_BUF_INIT;
	int64_t person = wm_scope_person(h);

	if (!person || wm_scope_viewed(h, NULL) ||
	    wm_person_named(h, person, &title))
		goto out;
	wm_buf_puts(&title, ": their goals");
	wm_person_page_start(h, wm_buf_str(&title));
	HTML(h, "<p class=\"nhsuk-body\">The person's own goals, in their "
	    "words, and how far along they say they are.</p>\n");
	wm_goals_list(h, person, 0);
	wm_page_end(h);
out:
	wm_buf_release(&title);
}
