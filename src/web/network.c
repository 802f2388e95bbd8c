/*
 * The commissioner's view for a request (web/network.h).
 */
#include "web/network.h"

#include <string.h>

#include "report/network_trends.h"
#include "util/date.h"
#include "report/table_region.h"
#include "util/escape.h"
#include "web/api.h"
#include "web/layout.h"

/* The rule in force for the web: the network's, except that "none" is
 * never used here. */
static int
rule_of(struct wm_http *h, enum wm_disclosure_rule *out)
{
	struct wm_buf err = WM_BUF_INIT;
	int rc = wm_store_disclosure_rule(h->store, out, &err);

	wm_page_store_ok(h, rc, &err);
	wm_buf_release(&err);
	if (rc == 0 && *out == WM_DISCLOSURE_NONE)
		*out = WM_DISCLOSURE_DEFAULT;
	return rc ? -1 : 0;
}

/* A window no commissioner may ask for: in the API, the field at fault;
 * on a page, why, and the way on to the same page for the year to today
 * (a link kept from an earlier quarter names a year no longer offered). */
static void
bad_window(struct wm_http *h, const char *why, const char *field)
{
	char message[512];

	if (wm_api_request(h)) {
		wm_api_error(h, 400, why, field);
		return;
	}
	snprintf(message, sizeof(message), "The year asked for cannot be "
	    "shown: %s. Years end with this quarter, so a link saved in an "
	    "earlier quarter may name a year no longer offered; the year to "
	    "today has a list of the others.", why);
	wm_page_error_on(h, 400, "That year cannot be shown", message, field,
	    h->path, "Show the year to today");
}

void
wm_net_request_init(struct wm_net_request *r)
{
	wm_net_view_init(&r->view);
	memset(&r->work, 0, sizeof(r->work));
	r->rule = WM_DISCLOSURE_DEFAULT;
	r->only = WM_NET_ALL;
}

/* A quarter asked for, NULL when not given. Text no quarter could be
 * (too long, a control character, not UTF-8) is refused, not taken as
 * not given: it stands as "?", which no quarter is, so that the window's
 * own words say why. */
static const char *
quarter_param(struct wm_http *h, const char *name)
{
	const char *v;

	switch (wm_http_query_text(h, name, 16, &v)) {
	case WM_QUERY_OK:
		return v;
	case WM_QUERY_ABSENT:
		return NULL;
	default:
		return "?";
	}
}

int
wm_net_begin(struct wm_http *h, struct wm_net_request *r)
{
	struct wm_net_view *v = &r->view;
	const char *why, *field;

	wm_net_request_init(r);
	wm_date_from_days((long)(h->now / 86400), &v->today);
	if ((why = wm_net_year_window(quarter_param(h, "from"),
	    quarter_param(h, "to"), &v->today, &v->from, &v->to, &field))) {
		bad_window(h, why, field);
		return -1;
	}
	wm_quarter_format(&v->from, v->from_s);
	wm_quarter_format(&v->to, v->to_s);
	return rule_of(h, &r->rule);
}

int
wm_net_build(struct wm_http *h, struct wm_net_request *r)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_date today = r->view.today;
	struct wm_quarter from = r->view.from, to = r->view.to;
	int rc;

	rc = wm_net_view_build(h->store, h->scope.grants, h->scope.n_grants,
	    &today, &from, &to, h->site->courses, &r->view, &err);
	if (rc == 0 && wm_net_work_build(&r->view, r->rule, &r->work))
		rc = wm_store_out_of_memory(&err);
	wm_page_store_ok(h, rc, &err);
	wm_buf_release(&err);
	return rc ? -1 : 0;
}

int
wm_net_open(struct wm_http *h, struct wm_net_request *r)
{
	return wm_net_begin(h, r) ? -1 : wm_net_build(h, r);
}

void
wm_net_close(struct wm_net_request *r)
{
	wm_net_work_release(&r->work);
	wm_net_view_release(&r->view);
}

void
wm_net_where(struct wm_http *h, struct wm_buf *out)
{
	/* The path as routed, in its one spelling: a commissioner's routes
	 * name services and periods, never a person. */
	wm_buf_printf(out, "%s %s ", wm_api_request(h) ? "API" : "page",
	    h->method);
	wm_route_path(out, h->pattern, &h->match);
}

/* A service's own page shows its trends over more quarters than the
 * window when the window is short: the audit says which. */
static void
trends_detail(struct wm_buf *detail, const struct wm_net_view *v)
{
	struct wm_quarter from;
	char from_s[8];

	wm_net_trend_start(v, &from);
	wm_quarter_format(&from, from_s);
	wm_buf_printf(detail, "; trends quarters %s to %s", from_s, v->to_s);
}

int
wm_net_viewed(struct wm_http *h, const struct wm_net_request *r)
{
	return wm_net_viewed_scope(h, r, NULL);
}

int
wm_net_viewed_scope(struct wm_http *h, const struct wm_net_request *r,
    const char *scope)
{
	struct wm_buf where = WM_BUF_INIT, detail = WM_BUF_INIT;
	int rc;

	wm_net_where(h, &where);
	wm_net_audit_head(&detail, wm_buf_str(&where), &r->view, r->rule);
	if (scope)
		wm_buf_puts(&detail, scope);
	else
		wm_net_audit_scope(&detail, &r->view);
	if (r->only != WM_NET_ALL)
		trends_detail(&detail, &r->view);
	if (where.failed || detail.failed) {
		wm_page_store_error(h, WM_STORE_ERROR, "out of memory");
		rc = -1;
	} else
		rc = wm_scope_viewed(h, wm_buf_str(&detail));
	wm_buf_release(&where);
	wm_buf_release(&detail);
	return rc;
}

/* --- what the pages' tables share ------------------------------------- */



const struct wm_net_part wm_net_parts[WM_NET_PARTS] = {
	{ "standards", "The 10 core standards" },
	{ "recovery", "Recovery" },
	{ "paired", "Paired-outcome rate" },
	{ "cycles", "Measurement cycles" },
	{ "training", "Training for recovery" },
	{ "experience", "Experience" },
	{ "goals", "People's own goals" },
};

void
wm_net_contents(struct wm_http *h, const struct wm_net_part *parts, size_t n)
{
	size_t i;

	HTML(h, "<nav aria-label=\"On this page\"><ul class=\"nhsuk-list "
	    "nhsuk-list--bullet\">\n");
	for (i = 0; i < n; i++) {
		HTML(h, "<li><a href=\"#");
		wm_esc_attr_s(&h->out, parts[i].id);
		HTML(h, "\">");
		wm_esc_html_s(&h->out, parts[i].title);
		HTML(h, "</a></li>\n");
	}
	HTML(h, "</ul></nav>\n");
}

void
wm_net_share_of(struct wm_http *h, struct wm_shown den, struct wm_shown share)
{
	if (!den.withheld && den.value == 0)
		HTML(h, "None");
	else
		wm_net_shown(h, share, 1);
}

void
wm_net_cycle_cells(struct wm_http *h, const struct wm_net_request *r,
    size_t i, const char *title)
{
	size_t c = wm_net_work_cycle(&r->work, title);
	struct wm_shown due = wm_net_work_due(&r->work, c, i,
	    WM_NET_ALL_PARTS);

	wm_td_start(h, "Due");
	wm_net_shown(h, due, 0);
	HTML(h, "</span></td>");
	wm_td_start(h, "Done in time");
	wm_net_share_of(h, due, wm_net_work_done(&r->work, c, i,
	    WM_NET_ALL_PARTS));
	HTML(h, "</span></td>");
}

void
wm_net_section_start(struct wm_http *h, const char *id, const char *title,
    const char *about)
{
	HTML(h, "<section class=\"nhsuk-u-margin-bottom-7\" id=\"");
	wm_esc_attr_s(&h->out, id);
	HTML(h, "\" aria-labelledby=\"");
	wm_esc_attr_s(&h->out, id);
	HTML(h, "-h\">\n<h2 class=\"nhsuk-heading-m\" id=\"");
	wm_esc_attr_s(&h->out, id);
	HTML(h, "-h\">");
	wm_esc_html_s(&h->out, title);
	HTML(h, "</h2>\n<p class=\"nhsuk-body-s\">");
	wm_esc_html_s(&h->out, about);
	HTML(h, " <a href=\"/network/about#");
	wm_esc_attr_s(&h->out, id);
	HTML(h, "\">How these figures are worked out</a></p>\n");
}

void
wm_net_table_headed(struct wm_http *h, const char *caption, const char *first)
{
	wm_table_region_start(&h->out, caption, "");
	HTML(h, "<table class=\"nhsuk-table-responsive\">\n<caption class=\""
	    "nhsuk-table__caption nhsuk-u-font-size-19\">");
	wm_esc_html_s(&h->out, caption);
	HTML(h, "</caption>\n<thead class=\"nhsuk-table__head\"><tr class=\""
	    "nhsuk-table__row\"><th class=\"nhsuk-table__header\" scope=\""
	    "col\">");
	wm_esc_html_s(&h->out, first);
	HTML(h, "</th>");
}

void
wm_net_table_start(struct wm_http *h, const char *caption)
{
	wm_net_table_headed(h, caption, "Service");
}

void
wm_net_thead_end(struct wm_http *h)
{
	HTML(h, "</tr></thead>\n");
}

/* The provider's rows start a new body, headed by its name. */
void
wm_net_provider_start(struct wm_http *h, const struct wm_net_view *v, size_t i,
    int columns)
{
	const struct wm_net_service *sv = &v->services[i];

	if (i > 0 && v->services[i - 1].provider == sv->provider)
		return;
	if (i > 0)
		HTML(h, "</tbody>\n");
	HTML(h, "<tbody class=\"nhsuk-table__body\">\n<tr class=\""
	    "nhsuk-table__row\"><th class=\"nhsuk-table__header\" "
	    "scope=\"rowgroup\" colspan=\"");
	wm_buf_printf(&h->out, "%d", columns);
	HTML(h, "\">");
	wm_esc_html_s(&h->out, v->providers[sv->provider].name);
	HTML(h, "</th></tr>\n");
}

void
wm_net_service_href(struct wm_buf *out, const char *code)
{
	wm_buf_puts(out, "/network/services/");
	wm_esc_url_s(out, code);
}

void
wm_net_year_href(struct wm_buf *out, const struct wm_net_view *v,
    const char *path)
{
	wm_buf_puts(out, path);
	if (!wm_net_window_running(v))
		wm_buf_printf(out, "?to=%s", v->to_s);
}

void
wm_net_service_link(struct wm_buf *out, const struct wm_net_view *v,
    const char *code)
{
	struct wm_buf path = WM_BUF_INIT;

	wm_net_service_href(&path, code);
	wm_net_year_href(out, v, wm_buf_str(&path));
	wm_buf_release(&path);
}

/* A service's row header, its name linking to its own page, or not:
 * a service with several rows links from its first alone, so that a
 * keyboard does not stop at the same link again and again. */
static void
service_head(struct wm_http *h, const struct wm_net_view *v,
    const struct wm_net_service *sv, int link)
{
	struct wm_buf href = WM_BUF_INIT;

	HTML(h, "<tr class=\"nhsuk-table__row\"><th class=\"nhsuk-table__header"
	    "\" scope=\"row\">");
	if (link) {
		wm_net_service_link(&href, v, sv->code);
		HTML(h, "<a href=\"");
		wm_esc_attr_s(&h->out, wm_buf_str(&href));
		HTML(h, "\">");
	}
	wm_esc_html_s(&h->out, sv->name);
	if (link)
		HTML(h, "</a>");
	HTML(h, "</th>");
	wm_buf_release(&href);
}

void
wm_net_service_head(struct wm_http *h, const struct wm_net_view *v,
    const struct wm_net_service *sv)
{
	service_head(h, v, sv, 1);
}

void
wm_net_service_again(struct wm_http *h, const struct wm_net_view *v,
    const struct wm_net_service *sv)
{
	service_head(h, v, sv, 0);
}

int
wm_net_row_start(struct wm_http *h, const struct wm_net_request *r, size_t i,
    int columns)
{
	if (r->only == WM_NET_ALL) {
		wm_net_provider_start(h, &r->view, i, columns);
		wm_net_service_head(h, &r->view, &r->view.services[i]);
		return 1;
	}
	if (i != r->only)
		return 0;
	HTML(h, "<tbody class=\"nhsuk-table__body\">\n<tr class=\""
	    "nhsuk-table__row\"><th class=\"nhsuk-table__header\" "
	    "scope=\"row\">");
	wm_esc_html_s(&h->out, r->view.services[i].name);
	HTML(h, "</th>");
	return 1;
}

void
wm_net_total_head(struct wm_http *h)
{
	/* A body of its own, not a footer: the responsive table stacks
	 * only the rows of a body on a narrow screen. */
	HTML(h, "</tbody>\n<tbody class=\"nhsuk-table__body\"><tr class=\""
	    "nhsuk-table__row\"><th class=\"nhsuk-table__header\" "
	    "scope=\"row\">All these services</th>");
}

void
wm_net_table_end(struct wm_http *h, const struct wm_net_view *v)
{
	if (v->n_services)
		HTML(h, "</tbody>\n");
	wm_net_table_close(h);
	HTML(h, "</section>\n");
}

void
wm_net_table_close(struct wm_http *h)
{
	HTML(h, "</table>\n");
	wm_table_region_end(&h->out);
}


void
wm_net_shown(struct wm_http *h, struct wm_shown s, int percent)
{
	if (s.withheld)
		HTML(h, "*");
	else
		wm_buf_printf(&h->out, percent ? "%lld%%" : "%lld",
		    (long long)s.value);
}

void
wm_net_quarters(struct wm_http *h, const struct wm_quarter *from,
    const struct wm_quarter *to)
{
	char a[40], b[40];

	wm_quarter_words(from, a, sizeof(a));
	wm_quarter_words(to, b, sizeof(b));
	wm_esc_html_s(&h->out, a);
	HTML(h, " to ");
	wm_esc_html_s(&h->out, b);
}

/* The window as people say it, and, when its last quarter is today's,
 * that its figures are those so far. */
static void
window_words(struct wm_http *h, const struct wm_net_view *v)
{
	struct wm_buf words = WM_BUF_INIT;
	char last[40];

	wm_net_window_words(&words, v);
	HTML(h, "<p class=\"nhsuk-body-l\">The ");
	wm_esc_html_s(&h->out, wm_buf_str(&words));
	HTML(h, ".</p>\n");
	wm_buf_release(&words);
	if (!wm_net_window_running(v))
		return;
	HTML(h, "<p class=\"nhsuk-body\">");
	if (wm_net_view_quarters(v) == 1)
		HTML(h, "It");
	else {
		wm_quarter_words(&v->to, last, sizeof(last));
		HTML(h, "The last, ");
		wm_esc_html_s(&h->out, last);
		HTML(h, ",");
	}
	HTML(h, " has not ended yet: its figures are those so far, and "
	    "will change as people answer.</p>\n");
}

void
wm_net_window_form(struct wm_http *h, const struct wm_net_view *v,
    const char *action)
{
	struct wm_buf words = WM_BUF_INIT;
	struct wm_quarter from, to;
	char to_s[8];
	int back;

	window_words(h, v);
	HTML(h, "<form method=\"get\" action=\"");
	wm_esc_attr_s(&h->out, action);
	HTML(h, "\" class=\"nhsuk-u-margin-bottom-5\">\n<div class=\""
	    "nhsuk-form-group\">\n<label class=\"nhsuk-label\" for=\"to\">"
	    "Year</label>\n<div class=\"nhsuk-hint\" id=\"to-hint\">A year "
	    "at a time, ending with this quarter, so that no two windows can "
	    "be set against each other to work out a figure either "
	    "withholds. A service's page shows its trends quarter by "
	    "quarter.</div>\n<select class=\"nhsuk-select\" id=\"to\" "
	    "name=\"to\" aria-describedby=\"to-hint\">\n");
	for (back = 0; back < WM_NET_YEARS; back++) {
		wm_net_year(&v->today, back, &from, &to);
		wm_quarter_format(&to, to_s);
		wm_buf_clear(&words);
		wm_net_span_words(&words, &v->today, &from, &to);
		HTML(h, "<option value=\"");
		wm_esc_attr_s(&h->out, to_s);
		HTML(h, "\"");
		if (strcmp(to_s, v->to_s) == 0)
			HTML(h, " selected");
		HTML(h, ">");
		wm_esc_html_s(&h->out, wm_buf_str(&words));
		HTML(h, "</option>\n");
	}
	wm_buf_release(&words);
	HTML(h, "</select>\n</div>\n<button class=\"nhsuk-button nhsuk-button--"
	    "secondary\" type=\"submit\">Show this year</button>\n"
	    "</form>\n");
}

