#include "web/layout.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "core/access.h"
#include "store/writer.h"
#include "util/escape.h"
#include "web/api.h"
#include "web/scope.h"

void
wm_http_redirect(struct wm_http *h, const char *path)
{
	h->status = 303;
	snprintf(h->location, sizeof(h->location), "%s", path);
}

void
wm_http_clear_body(struct wm_http *h)
{
	wm_buf_clear(&h->out);
	h->kept.set = h->kept.gz_only = 0;
}

void
wm_http_cookie(struct wm_http *h, const char *name, const char *value,
    int max_age)
{
	char *slot = !h->set_cookie[0][0] ? h->set_cookie[0] :
	    !h->set_cookie[1][0] ? h->set_cookie[1] : NULL;

	if (!slot)
		return;
	snprintf(slot, sizeof(h->set_cookie[0]), "%s=%s; Path=/; HttpOnly; "
	    "SameSite=Lax; Max-Age=%d%s", name, value, max_age,
	    h->site->secure ? "; Secure" : "");
}

/* A place in the header's navigation: its page, its words, other paths
 * under which it is the current place too, and who it is offered to. */
struct nav_item {
	const char *href, *text, *also[2];
	enum wm_rule rule;	/* WM_RULE_NONE: whoever the page's route
				 * admits */
};

/* Home first, then a person's own places, then the places of work. The
 * measures page also lets staff answer about themselves, which they
 * reach as Reflect, so it is offered as Measures only to a person.
 * Reflect opens the Ten Top Tips form itself. */
static const struct nav_item places[] = {
	{ "/", "Home", { NULL, NULL }, WM_RULE_NONE },
	{ "/measures", "Measures", { NULL, NULL }, WM_RULE_OWN_RECORD },
	{ "/journey", "My journey", { NULL, NULL }, WM_RULE_NONE },
	{ "/goals", "My goals", { NULL, NULL }, WM_RULE_NONE },
	{ "/plans", "My plans", { "/supporters", NULL }, WM_RULE_OWN_RECORD },
	{ "/my-record", "My record", { NULL, NULL }, WM_RULE_NONE },
	{ "/caseload", "Caseload", { "/people", NULL }, WM_RULE_NONE },
	{ "/reflect", "Reflect", { "/reflections", "/measures" },
	    WM_RULE_NONE },
	{ "/services", "Services", { NULL, NULL }, WM_RULE_NONE },
	{ "/validations", "Validations", { NULL, NULL }, WM_RULE_NONE },
	{ "/network", "Network", { NULL, NULL }, WM_RULE_NONE },
	{ "/admin", "Administration", { NULL, NULL }, WM_RULE_NONE },
};

#define N_PLACES (sizeof(places) / sizeof(places[0]))

/* Each place's rule, its own or its page's route's, looked up once: the
 * route table does not change while the server runs. */
static enum wm_rule place_rules[N_PLACES];
static pthread_once_t place_rules_once = PTHREAD_ONCE_INIT;

static void
find_place_rules(void)
{
	size_t i;

	for (i = 0; i < N_PLACES; i++)
		place_rules[i] = places[i].rule != WM_RULE_NONE ?
		    places[i].rule : wm_scope_route_rule(places[i].href);
}

/* 1 when `path` is the page or a page under it. */
static int
under(const char *path, const char *href)
{
	size_t n;

	if (!href)
		return 0;
	if (strcmp(href, "/") == 0)
		return strcmp(path, "/") == 0;
	n = strlen(href);
	return strncmp(path, href, n) == 0 && (path[n] == '\0' ||
	    path[n] == '/');
}

/* The places the account may open, by the rules of their pages; the
 * current place, the first one the path is under, into *current (n when
 * none). */
static size_t
nav_items(const struct wm_http *h, const struct nav_item **out,
    size_t *current)
{
	const char *path = h->path ? h->path : "";
	size_t n = 0, i;

	pthread_once(&place_rules_once, find_place_rules);
	*current = (size_t)-1;
	for (i = 0; i < N_PLACES; i++) {
		if (!wm_scope_opens(h, place_rules[i]))
			continue;
		if (*current == (size_t)-1 && (under(path, places[i].href) ||
		    under(path, places[i].also[0]) ||
		    under(path, places[i].also[1])))
			*current = n;
		out[n++] = &places[i];
	}
	return n;
}

/* The header's navigation for the account's roles, the current place
 * marked for screen readers (aria-current) and in bold. Only for someone
 * signed in with somewhere to go beyond Home. */
static void
navigation(struct wm_http *h)
{
	const struct nav_item *items[N_PLACES];
	size_t current, n = nav_items(h, items, &current), i;

	if (n < 2)
		return;
	HTML(h, "<nav class=\"nhsuk-header__navigation\" aria-label=\"Menu\">"
	    "\n<div class=\"nhsuk-header__navigation-container nhsuk-width-"
	    "container\">\n<ul class=\"nhsuk-header__navigation-list\">\n");
	for (i = 0; i < n; i++) {
		int here = i == current;

		HTML(h, "<li class=\"nhsuk-header__navigation-item");
		if (here)
			HTML(h, " nhsuk-header__navigation-item--current");
		HTML(h, "\"><a class=\"nhsuk-header__navigation-link\" href=\"");
		wm_esc_attr_s(&h->out, items[i]->href);
		HTML(h, "\"");
		if (here)
			HTML(h, " aria-current=\"page\"><strong class=\""
			    "nhsuk-header__navigation-item-current-fallback\">");
		else
			HTML(h, ">");
		wm_esc_html_s(&h->out, items[i]->text);
		if (here)
			HTML(h, "</strong>");
		HTML(h, "</a></li>\n");
	}
	HTML(h, "</ul>\n</div>\n</nav>\n");
}

static void
start(struct wm_http *h, const char *title, const char *back_href,
    const char *back_text)
{
	h->content_type = "text/html; charset=utf-8";
	HTML(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<title>");
	wm_esc_html_s(&h->out, title);
	HTML(h, " - Waymark</title>\n<link rel=\"stylesheet\" "
	    "href=\"/assets/nhsuk-frontend.min.css\">\n<link rel=\"stylesheet\" "
	    "href=\"/assets/waymark.css\">\n<link rel=\"stylesheet\" "
	    "href=\"/assets/waymark-print.css\" media=\"print\">\n"
	    "<link rel=\"icon\" href=\"/assets/waymark-icon.svg\" "
	    "type=\"image/svg+xml\">\n</head>\n"
	    "<body>\n"
	    "<a class=\"nhsuk-skip-link\" href=\"#maincontent\">Skip to main "
	    "content</a>\n<header class=\"nhsuk-header\" role=\"banner\">\n"
	    "<div class=\"nhsuk-header__container nhsuk-width-container\">\n"
	    "<div class=\"nhsuk-header__service\">\n"
	    "<a class=\"nhsuk-header__service-logo\" href=\"/\">"
	    "<span class=\"nhsuk-header__service-name\">Waymark</span></a>\n"
	    "</div>\n");
	if (h->signed_in) {
		wm_post_form_start(h, "/sign-out");
		HTML(h, "<button class=\"nhsuk-button nhsuk-button--reverse "
		    "nhsuk-u-margin-bottom-0\" type=\"submit\">Sign out</button>\n"
		    "</form>\n");
	}
	HTML(h, "</div>\n");
	if (h->signed_in)
		navigation(h);
	HTML(h, "</header>\n<div class=\"nhsuk-width-container\">\n"
	    "<main class=\"nhsuk-main-wrapper\" id=\"maincontent\" "
	    "role=\"main\">\n");
	/* Inside main, so that every link is in a landmark. */
	if (back_href) {
		HTML(h, "<a class=\"nhsuk-back-link\" href=\"");
		wm_esc_attr_s(&h->out, back_href);
		HTML(h, "\">");
		wm_esc_html_s(&h->out, back_text);
		HTML(h, "</a>\n");
	}
	HTML(h, "<h1 class=\"nhsuk-heading-l\">");
	wm_esc_html_s(&h->out, title);
	HTML(h, "</h1>\n");
}

void
wm_page_start(struct wm_http *h, const char *title)
{
	start(h, title, NULL, NULL);
}

void
wm_page_start_back(struct wm_http *h, const char *title,
    const char *back_href, const char *back_text)
{
	start(h, title, back_href, back_text);
}

void
wm_table_start(struct wm_http *h, const char *caption, int caption_hidden,
    const char *const heads[], size_t n)
{
	size_t i;

	HTML(h, "<table class=\"nhsuk-table-responsive\">\n<caption class=\""
	    "nhsuk-table__caption");
	if (caption_hidden)
		HTML(h, " nhsuk-u-visually-hidden");
	HTML(h, "\">");
	wm_esc_html_s(&h->out, caption);
	HTML(h, "</caption>\n<thead class=\"nhsuk-table__head\"><tr class=\""
	    "nhsuk-table__row\">");
	for (i = 0; i < n; i++) {
		HTML(h, "<th class=\"nhsuk-table__header\" scope=\"col\">");
		wm_esc_html_s(&h->out, heads[i]);
		HTML(h, "</th>");
	}
	HTML(h, "</tr></thead>\n<tbody class=\"nhsuk-table__body\">\n");
}

void
wm_form_open(struct wm_http *h, const char *action, const char *enctype,
    const char *csrf)
{
	HTML(h, "<form method=\"post\" action=\"");
	wm_esc_attr_s(&h->out, action);
	if (enctype) {
		HTML(h, "\" enctype=\"");
		wm_esc_attr_s(&h->out, enctype);
	}
	HTML(h, "\" novalidate>\n<input type=\"hidden\" name=\"csrf\" "
	    "value=\"");
	wm_esc_attr_s(&h->out, csrf);
	HTML(h, "\">\n");
}

void
wm_post_form_start(struct wm_http *h, const char *action)
{
	wm_form_open(h, action, NULL, h->who.csrf);
}

void
wm_td_start(struct wm_http *h, const char *heading)
{
	HTML(h, "<td class=\"nhsuk-table__cell\"><span class=\""
	    "nhsuk-table-responsive__heading\" aria-hidden=\"true\">");
	wm_esc_html_s(&h->out, heading);
	/* The value in one element: the responsive table lays a cell's
	 * children out side by side. */
	HTML(h, " </span><span>");
}

void
wm_page_end(struct wm_http *h)
{
	HTML(h, "</main>\n</div>\n<footer role=\"contentinfo\">\n"
	    "<div class=\"nhsuk-footer\">\n<div class=\"nhsuk-width-container"
	    "\">\n<p class=\"nhsuk-body-s\">Waymark: recovery-orientated "
	    "improvement across the network.</p>\n</div>\n</div>\n</footer>\n"
	    "</body>\n</html>\n");
}

void
wm_error_summary_start(struct wm_http *h)
{
	HTML(h, "<div class=\"nhsuk-error-summary\" "
	    "aria-labelledby=\"error-summary-title\" role=\"alert\" "
	    "tabindex=\"-1\">\n<h2 class=\"nhsuk-error-summary__title\" "
	    "id=\"error-summary-title\">There is a problem</h2>\n"
	    "<div class=\"nhsuk-error-summary__body\">\n"
	    "<ul class=\"nhsuk-list nhsuk-error-summary__list\">\n");
}

void
wm_error_summary_item(struct wm_http *h, const char *field_id,
    const char *message)
{
	HTML(h, "<li>");
	if (field_id) {
		HTML(h, "<a href=\"#");
		wm_esc_attr_s(&h->out, field_id);
		HTML(h, "\">");
	}
	wm_esc_html_s(&h->out, message);
	if (field_id)
		HTML(h, "</a>");
	HTML(h, "</li>\n");
}

void
wm_error_summary_end(struct wm_http *h)
{
	HTML(h, "</ul>\n</div>\n</div>\n");
}

void
wm_error_summary(struct wm_http *h, const char *field_id, const char *message)
{
	wm_error_summary_start(h);
	wm_error_summary_item(h, field_id, message);
	wm_error_summary_end(h);
}

void
wm_error_summary_list(struct wm_http *h, const struct wm_field_error *e,
    size_t n)
{
	size_t i;

	wm_error_summary_start(h);
	for (i = 0; i < n; i++)
		if (e[i].message)
			wm_error_summary_item(h, e[i].field_id, e[i].message);
	wm_error_summary_end(h);
}

void
wm_form_group_start(struct wm_http *h, const char *id, const char *label,
    const char *hint, const char *problem)
{
	HTML(h, "<div class=\"nhsuk-form-group");
	if (problem)
		HTML(h, " nhsuk-form-group--error");
	HTML(h, "\">\n<label class=\"nhsuk-label\" for=\"");
	wm_esc_attr_s(&h->out, id);
	HTML(h, "\">");
	wm_esc_html_s(&h->out, label);
	HTML(h, "</label>\n");
	wm_field_notes(h, id, hint, problem);
}

void
wm_field_notes(struct wm_http *h, const char *id, const char *hint,
    const char *problem)
{
	if (hint) {
		HTML(h, "<div class=\"nhsuk-hint\" id=\"");
		wm_esc_attr_s(&h->out, id);
		HTML(h, "-hint\">");
		wm_esc_html_s(&h->out, hint);
		HTML(h, "</div>\n");
	}
	if (problem) {
		HTML(h, "<span class=\"nhsuk-error-message\" id=\"");
		wm_esc_attr_s(&h->out, id);
		HTML(h, "-error\"><span class=\"nhsuk-u-visually-hidden\">Error:"
		    "</span> ");
		wm_esc_html_s(&h->out, problem);
		HTML(h, "</span>\n");
	}
}

void
wm_described_by(struct wm_http *h, const char *id, const char *hint,
    const char *problem)
{
	if (!hint && !problem)
		return;
	HTML(h, " aria-describedby=\"");
	if (hint) {
		wm_esc_attr_s(&h->out, id);
		HTML(h, "-hint");
	}
	if (problem) {
		if (hint)
			HTML(h, " ");
		wm_esc_attr_s(&h->out, id);
		HTML(h, "-error");
	}
	HTML(h, "\"");
}

void
wm_option(struct wm_http *h, const char *value, const char *words,
    const char *chosen)
{
	HTML(h, "<option value=\"");
	wm_esc_attr_s(&h->out, value);
	HTML(h, "\"");
	if (chosen && strcmp(chosen, value) == 0)
		HTML(h, " selected");
	HTML(h, ">");
	wm_esc_html_s(&h->out, words);
	HTML(h, "</option>\n");
}

void
wm_page_error_on(struct wm_http *h, int status, const char *title,
    const char *message, const char *field, const char *way_href,
    const char *way_words)
{
	if (h->failed)
		return;		/* the store's failure is the answer */
	if (wm_api_request(h)) {
		wm_api_error(h, status, status == 404 ? "not found" : message,
		    field);
		return;
	}
	wm_http_clear_body(h);
	h->status = status;
	wm_page_start(h, title);
	HTML(h, "<p class=\"nhsuk-body\">");
	wm_esc_html_s(&h->out, message);
	HTML(h, "</p>\n<p class=\"nhsuk-body\"><a href=\"");
	wm_esc_attr_s(&h->out, way_href);
	HTML(h, "\">");
	wm_esc_html_s(&h->out, way_words);
	HTML(h, "</a></p>\n");
	wm_page_end(h);
}

void
wm_page_error(struct wm_http *h, int status, const char *title,
    const char *message)
{
	wm_page_error_on(h, status, title, message, NULL, "/",
	    "Go to the start");
}

void
wm_page_not_found(struct wm_http *h)
{
	wm_page_error(h, 404, "Page not found",
	    "If you typed the web address, check it is correct.");
}

void
wm_page_sign_in_first(struct wm_http *h)
{
	if (wm_api_request(h)) {
		wm_api_error(h, 401, "Sign in first: POST your email and "
		    "password to /api/v1/session.", NULL);
		return;
	}
	wm_http_clear_body(h);
	h->status = 303;
	wm_http_redirect(h, "/sign-in");
}

/* The log gets the route's pattern, never its values (an identifier or a
 * search is about a person), and the store's message with anything but
 * printable ASCII shown as '?', so a line cannot be forged or split. */
void
wm_page_store_error(struct wm_http *h, int rc, const char *message)
{
	char clean[300];
	size_t i;

	if (h->failed)
		return;		/* the first failure is the one answered */
	for (i = 0; message && message[i] && i < sizeof(clean) - 1; i++)
		clean[i] = message[i] >= 0x20 && message[i] < 0x7f ?
		    message[i] : '?';
	clean[i] = '\0';
	fprintf(stderr, "waymark: request %llu %s %s failed: %s (%s)\n",
	    (unsigned long long)h->request_id, h->method ? h->method : "-",
	    h->pattern ? h->pattern : "-", clean, wm_store_strerror(rc));
	wm_page_error(h, 500, "Sorry, there is a problem",
	    "Nothing you did caused this, and nothing was shown or changed. "
	    "Try again in a few minutes.");
	h->failed = 1;
	h->failed_len = h->out.len;
}

int
wm_page_store_ok(struct wm_http *h, int rc, const struct wm_buf *err)
{
	if (rc == 0)
		return 1;
	wm_page_store_error(h, rc, wm_buf_str(err));
	return 0;
}

int
wm_http_record(struct wm_http *h, const struct wm_record *job, int64_t *id,
    struct wm_buf *err)
{
	return h->site->writer ? wm_writer_record(h->site->writer, job, id,
	    err) : wm_store_record(h->store, job, id, err);
}

int
wm_http_audit(struct wm_http *h, const char *action, const char *subject_kind,
    int64_t subject_id, const char *detail, struct wm_buf *err)
{
	struct wm_audit_entry e = { h->who.account_id, action, subject_kind,
	    subject_id, detail, h->address };

	if (h->site->writer)
		return wm_writer_audit(h->site->writer, &e, err);
	return wm_store_audit(h->store, e.actor_account_id, action,
	    subject_kind, subject_id, detail, e.address, err);
}
