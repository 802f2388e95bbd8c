/*
 * A service lead's pages start here: the services they lead, and for each
 * one its page, which links to the sections below it. Every page under
 * /services/{code} finds its service with wm_service_led, so a lead sees
 * only their own services and anyone else gets the same 404 as for a
 * service that does not exist.
 */
#include "web/pages.h"

#include <string.h>

#include "util/escape.h"
#include "web/layout.h"

/*
 * The sections of a service's page, in the order a lead works through a
 * period. `path` is appended to /services/CODE.
 */
static const struct {
	const char *path;
	const char *title;
	const char *about;
} sections[] = {
	{ "/dashboard", "Dashboard", "Where the service stands, on one page "
	    "you can print." },
	{ "/standards", "The 10 core standards", "This period's self-assessment "
	    "in traffic lights, the validators' lights beside it, queries, "
	    "and the history by period." },
	{ "/training", "Recovery training", "Which staff have done which "
	    "recovery course, and the share of current staff for each." },
	{ "/erfs", "ERFS profile", "How people using the service and staff "
	    "rate it on the 16 ERFS domains, side by side, and where they "
	    "differ." },
	{ "/indicators", "Supportive service indicators", "The share of "
	    "people who agree with each of the 9 indicators, this period and "
	    "the last." },
	{ "/ten-top-tips", "Ten Top Tips, as a team", "How often the team's "
	    "reflections answered yes to each tip; never anyone's own." },
	{ "/cycles", "Measurement cycles", "Which measures are due how often, "
	    "and how many were done on time, month by month." },
};

void
wm_service_href(struct wm_buf *out, const struct wm_led_service *s,
    const char *path)
{
	wm_buf_puts(out, "/services/");
	wm_esc_url_s(out, s->code);
	wm_buf_puts(out, path);
}

void
wm_service_page_start(struct wm_http *h, const struct wm_led_service *s,
    const char *title)
{
	struct wm_buf href = WM_BUF_INIT, back = WM_BUF_INIT;

	wm_service_href(&href, s, "");
	wm_buf_puts(&back, "Back to ");
	wm_buf_puts(&back, wm_buf_str(&s->name));
	wm_page_start_back(h, title, wm_buf_str(&href), wm_buf_str(&back));
	wm_buf_release(&href);
	wm_buf_release(&back);
}

static int
listed(void *ctx, const struct wm_unit_row *u)
{
	struct wm_http *h = ctx;

	HTML(h, "<li><a href=\"/services/");
	wm_esc_url_s(&h->out, u->code);
	HTML(h, "\">");
	wm_esc_html_s(&h->out, u->name);
	HTML(h, "</a></li>\n");
	return 0;
}

void
wm_page_services(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;

	wm_page_start(h, "Your services");
	HTML(h, "<p class=\"nhsuk-body\">The services you lead. For each one: "
	    "its self-assessment against the 10 core standards, its "
	    "measurement cycles and how it is doing.</p>\n"
	    "<ul class=\"nhsuk-list nhsuk-list--bullet\">\n");
	wm_page_store_ok(h, wm_store_account_units(h->store, h->who.account_id,
	    "lead", listed, h, &err), &err);
	HTML(h, "</ul>\n");
	wm_page_end(h);
	wm_buf_release(&err);
}

void
wm_page_service(struct wm_http *h)
{
	struct wm_led_service s = WM_LED_SERVICE_INIT;
	struct wm_buf href = WM_BUF_INIT;
	size_t i;

	if (wm_service_led(h, &s))
		goto out;
	wm_page_start_back(h, wm_buf_str(&s.name), "/services",
	    "Back to your services");
	HTML(h, "<ul class=\"nhsuk-list\">\n");
	for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++) {
		if (!sections[i].path)
			continue;
		wm_buf_clear(&href);
		wm_service_href(&href, &s, sections[i].path);
		HTML(h, "<li><h2 class=\"nhsuk-heading-s nhsuk-u-margin-bottom-1"
		    "\"><a href=\"");
		wm_esc_attr_s(&h->out, wm_buf_str(&href));
		HTML(h, "\">");
		wm_esc_html_s(&h->out, sections[i].title);
		HTML(h, "</a></h2>\n<p class=\"nhsuk-body\">");
		wm_esc_html_s(&h->out, sections[i].about);
		HTML(h, "</p></li>\n");
	}
	HTML(h, "<li><h2 class=\"nhsuk-heading-s nhsuk-u-margin-bottom-1\">"
	    "<a href=\"/caseload\">Caseload</a></h2>\n<p class=\"nhsuk-body\">"
	    "The people your services support, and whose measures are due."
	    "</p></li>\n</ul>\n");
	wm_page_end(h);
out:
	wm_buf_release(&href);
	wm_led_service_release(&s);
}
