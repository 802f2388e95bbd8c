/*
 * GET /admin: the administrator's way in, a list of the parts of
 * Waymark they look after. Each part is a row of the table below, so a
 * new part is a line here and its routes. And what an administrator's
 * home says needs doing.
 */
#include "web/pages.h"

#include <stdio.h>

#include "util/date.h"
#include "util/escape.h"
#include "web/layout.h"

struct section {
	const char *href, *title, *about;
};

static const struct section sections[] = {
	{ "/admin/accounts", "Accounts", "Add accounts, give them a one-time "
	    "setup code, grant and remove roles, deactivate and reactivate "
	    "them, and see when each last signed in." },
	{ "/admin/network", "Providers and services", "The network as a "
	    "tree: add providers and services, rename them, and close one "
	    "that takes no one new." },
	{ "/admin/people", "People using services", "Find people by "
	    "identifier or name, add them, put them on a service's caseload, "
	    "move them and discharge them." },
	{ "/admin/instruments", "Instruments", "The measures, "
	    "self-assessments and reflections loaded, with their source and "
	    "licence, and loading a new one." },
	{ "/admin/settings", "Network settings", "The measurement period, "
	    "how many validators and groups a self-assessment needs, and the "
	    "rule for publishing small numbers." },
	{ "/admin/audit", "The audit log", "Who read or changed what, when "
	    "and from where: search it and download what you find." },
};

void
wm_page_admin(struct wm_http *h)
{
	size_t i;

	wm_page_start_back(h, "Administration", "/", "Back to home");
	HTML(h, "<p class=\"nhsuk-body\">Look after the network's accounts, "
	    "its providers and services, the people on their caseloads, its "
	    "instruments and settings, and read its audit log. "
	    "Every change is written to the audit log. Administration never "
	    "shows anyone's answers, goals or plans.</p>\n"
	    "<ul class=\"nhsuk-list\">\n");
	for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++) {
		HTML(h, "<li><h2 class=\"nhsuk-heading-m nhsuk-u-margin-bottom-"
		    "2\"><a href=\"");
		wm_esc_attr_s(&h->out, sections[i].href);
		HTML(h, "\">");
		wm_esc_html_s(&h->out, sections[i].title);
		HTML(h, "</a></h2>\n<p class=\"nhsuk-body\">");
		wm_esc_html_s(&h->out, sections[i].about);
		HTML(h, "</p></li>\n");
	}
	HTML(h, "</ul>\n");
	wm_page_end(h);
}

#define WAITING_SHOWN 10

struct waiting {
	struct wm_http *h;
	int n;
};

/* One account not yet signed in: its page, and when its code runs out. */
static int
waiting_row(void *ctx, const struct wm_account_row *a)
{
	struct waiting *w = ctx;
	struct wm_http *h = w->h;
	char href[48], words[40];

	if (!w->n++)
		HTML(h, "<ul class=\"nhsuk-list nhsuk-list--bullet\">\n");
	snprintf(href, sizeof(href), "/admin/accounts/%lld", (long long)a->id);
	HTML(h, "<li><a href=\"");
	wm_esc_attr_s(&h->out, href);
	HTML(h, "\">");
	wm_esc_html_s(&h->out, a->name);
	HTML(h, "</a>: ");
	if (a->setup_expires && a->setup_expires_at > h->now) {
		wm_datetime_words(a->setup_expires, words, sizeof(words));
		HTML(h, "their setup code works until ");
		wm_esc_html_s(&h->out, words);
	} else if (a->setup_expires)
		HTML(h, "their setup code has run out: give them a new one");
	else
		HTML(h, "no setup code waiting");
	HTML(h, "</li>\n");
	return 0;
}

int
wm_admin_home(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	struct waiting w = { h, 0 };
	int64_t total = 0;
	int ok;

	HTML(h, "<h2 class=\"nhsuk-heading-m\">Accounts not yet signed in"
	    "</h2>\n");
	ok = wm_page_store_ok(h, wm_store_accounts_waiting(h->store,
	    WAITING_SHOWN, &total, waiting_row, &w, &err), &err);
	wm_buf_release(&err);
	if (!ok)
		return -1;
	if (w.n) {
		HTML(h, "</ul>\n");
		wm_buf_printf(&h->out, "<p class=\"nhsuk-body\">%lld account%s "
		    "%s not signed in yet%s.</p>\n", (long long)total,
		    total == 1 ? "" : "s", total == 1 ? "has" : "have",
		    total > WAITING_SHOWN ? ", the newest 10 above" : "");
	} else
		HTML(h, "<p class=\"nhsuk-body\">Every account has signed in."
		    "</p>\n");
	HTML(h, "<p class=\"nhsuk-body\"><a href=\"/admin\">Administration"
	    "</a>: accounts, and the parts of Waymark you look after.</p>\n");
	return 0;
}
