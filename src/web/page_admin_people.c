/*
 * People using services, for the network's administrator: found by
 * identifier or name, a page at a time, and added with the service whose
 * caseload they join. Only names, identifiers and caseloads: nothing
 * recorded about anyone (measures, goals, plans) is read here. Adding
 * is store/admin.h's, as `waymark person add` does it; each list shown
 * is audited, as `waymark person list` is.
 *
 *   GET  /admin/people?q=&page=   the list, and the form to add
 *   POST /admin/people            id, name, unit, since-day/month/year
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "util/escape.h"
#include "web/admin.h"
#include "web/date_input.h"
#include "web/paging.h"

#define PEOPLE_PER_PAGE 50
#define SEARCH_MAX 100

struct listing {
	struct wm_http *h;
	const struct wm_paging *paging;
	int rows;
};

static int
person_row(void *ctx, const struct wm_admin_person_row *p)
{
	static const char *const heads[] = { "Identifier", "Name",
	    "On the caseload of" };
	struct listing *l = ctx;
	struct wm_http *h = l->h;

	if (l->rows++ == 0) {
		wm_paging_summary(h, l->paging, "person", "people");
		wm_table_start(h, "People, by identifier", 0, heads,
		    sizeof(heads) / sizeof(heads[0]));
	}
	HTML(h, "<tr class=\"nhsuk-table__row\">");
	wm_admin_td(h, "Identifier");
	HTML(h, "<a href=\"/admin/people/");
	wm_esc_url_s(&h->out, p->ident);
	HTML(h, "\">");
	wm_esc_html_s(&h->out, p->ident);
	HTML(h, "</a>" WM_ADMIN_TD_END);
	wm_admin_td(h, "Name");
	wm_esc_html_s(&h->out, p->name);
	HTML(h, WM_ADMIN_TD_END);
	wm_admin_td(h, "On the caseload of");
	wm_esc_html_s(&h->out, p->services ? p->services : "No service now");
	HTML(h, WM_ADMIN_TD_END "</tr>\n");
	return 0;
}

static void
search_form(struct wm_http *h, const char *q, const char *problem)
{
	HTML(h, "<form method=\"get\" action=\"/admin/people\" novalidate>\n");
	wm_admin_text(h, "q", "Search by identifier or name", "Part of an "
	    "identifier or a name is enough.", problem, q, "");
	HTML(h, "<button class=\"nhsuk-button nhsuk-button--secondary\" "
	    "type=\"submit\">Search</button>\n</form>\n");
}

enum { F_ID, F_NAME, F_UNIT, F_SINCE, N_FIELDS };

static void
add_form(struct wm_http *h, const struct wm_field_error *e)
{
	HTML(h, "<h2 class=\"nhsuk-heading-m\" id=\"add\">Add a person</h2>\n");
	wm_post_form_start(h, "/admin/people");
	wm_admin_text(h, "id", "Identifier", "The network's identifier for "
	    "them: letters, digits, '-', '_' or '.'.", e[F_ID].message, NULL,
	    "nhsuk-input--width-20");
	wm_admin_text(h, "name", "Name", "The name they use.",
	    e[F_NAME].message, NULL, "");
	wm_form_group_start(h, "unit", "On the caseload of", NULL,
	    e[F_UNIT].message);
	HTML(h, "<select class=\"nhsuk-select\" id=\"unit\" name=\"unit\">\n");
	wm_admin_service_options(h, wm_form_get(&h->form, "unit"),
	    "No service yet");
	HTML(h, "</select>\n</div>\n");
	wm_date_field(h, "since", "The day they joined it", "For example, 6 12 "
	    "2026. Leave it empty for today.", e[F_SINCE].message);
	HTML(h, "<button class=\"nhsuk-button\" type=\"submit\">Add person"
	    "</button>\n</form>\n");
}

/* The end of the list: the table closed and the pages linked, or why
 * there is nothing. */
static void
list_end(struct wm_http *h, const struct listing *l, const char *q)
{
	struct wm_buf href = WM_BUF_INIT;

	if (!l->rows) {
		HTML(h, "<p class=\"nhsuk-body\">");
		if (l->paging->total)
			HTML(h, "There is no such page.");
		else if (q)
			HTML(h, "No one's identifier or name holds that.");
		else
			HTML(h, "No one has been added yet.");
		HTML(h, "</p>\n");
		return;
	}
	HTML(h, "</tbody>\n</table>\n");
	wm_buf_puts(&href, "/admin/people?");
	if (q) {
		wm_buf_puts(&href, "q=");
		wm_esc_url_s(&href, q);
		wm_buf_puts(&href, "&");
	}
	wm_paging_nav(h, l->paging, wm_buf_str(&href));
	wm_buf_release(&href);
}

static void
people_page(struct wm_http *h, const struct wm_field_error *e)
{
	struct wm_paging paging = { 1, PEOPLE_PER_PAGE, 0 };
	struct listing l = { h, &paging, 0 };
	struct wm_buf err = WM_BUF_INIT, detail = WM_BUF_INIT;
	const char *q = NULL, *problem = NULL;

	if (wm_http_query_text(h, "q", SEARCH_MAX, &q) > WM_QUERY_ABSENT)
		problem = "Search with at most 100 letters, and no control "
		    "characters";
	if (wm_paging_parse(h, &paging.page)) {
		wm_page_error(h, 400, "Sorry, there is a problem",
		    "Page must be a whole number from 1 to 1000000.");
		return;
	}
	/* Names and caseloads are people's records: note who looked, and
	 * for whom (a search names whom the administrator was after). */
	if (q)
		wm_buf_printf(&detail, "search \"%s\"", q);
	else
		wm_buf_puts(&detail, "everyone");
	if (paging.page > 1)
		wm_buf_printf(&detail, ", page %ld", (long)paging.page);
	if (!wm_page_store_ok(h, wm_http_audit(h, "people listed", NULL, 0,
	    wm_buf_str(&detail), &err), &err))
		goto out;
	wm_admin_page_start(h, "People using services");
	wm_admin_errors(h, e, N_FIELDS);
	if (problem)
		wm_error_summary(h, "q", problem);
	HTML(h, "<p class=\"nhsuk-body\">Everyone the network knows, by "
	    "identifier, with the services whose caseloads they are on. "
	    "Choose someone to put them on a caseload, move them or discharge "
	    "them. What they have recorded is theirs and their "
	    "practitioners': it is not shown here.</p>\n");
	search_form(h, q, problem);
	if (wm_page_store_ok(h, wm_store_people_search(h->store, q,
	    wm_paging_offset(&paging), PEOPLE_PER_PAGE, &paging.total,
	    person_row, &l, &err), &err)) {
		list_end(h, &l, q);
		add_form(h, e);
	}
	wm_page_end(h);
out:
	wm_buf_release(&detail);
	wm_buf_release(&err);
}

void
wm_page_admin_people(struct wm_http *h)
{
	struct wm_field_error e[N_FIELDS] = { { "id", NULL },
	    { "name", NULL }, { "unit", NULL }, { "since-day", NULL } };

	people_page(h, e);
}

void
wm_page_admin_person_add(struct wm_http *h)
{
	const char *ident = wm_form_get(&h->form, "id");
	const char *name = wm_form_get(&h->form, "name");
	const char *unit = wm_form_get(&h->form, "unit");
	struct wm_field_error e[N_FIELDS] = { { "id", NULL },
	    { "name", NULL }, { "unit", NULL }, { "since-day", NULL } };
	struct wm_field_problem p = { 0 };
	struct wm_buf err = WM_BUF_INIT, next = WM_BUF_INIT;
	struct wm_date today, since;
	struct wm_admin_by by;
	char msg[256];
	int rc;

	wm_admin_by(h, &today, &by);
	if ((e[F_SINCE].message = wm_admin_date(h, "since", &today, &since)))
		rc = WM_ADMIN_REFUSED;
	else
		rc = wm_admin_person_add(h->store, &by, ident ? ident : "",
		    name ? name : "", unit, &since, &p, &err);
	if (rc == WM_ADMIN_REFUSED || rc == WM_ADMIN_CONFLICT) {
		if (p.field)
			wm_admin_place(&p, "", e, N_FIELDS, msg, sizeof(msg));
		h->status = 400;
		people_page(h, e);
	} else if (rc)
		wm_page_store_error(h, rc, wm_buf_str(&err));
	else {
		wm_buf_puts(&next, "/admin/people/");
		wm_esc_url_s(&next, ident);
		wm_http_redirect(h, wm_buf_str(&next));
	}
	wm_buf_release(&next);
	wm_buf_release(&err);
}
