/*
 * /network/services/{code}/standards/{period}: one period of a service's
 * standards, for a commissioner of it. The lights side by side (the
 * service's own, each validator's by stakeholder group, the consensus,
 * whether each is validated, where they disagree), every version with
 * the reason given for amending it, the queries with their answers and
 * reopenings, and the validators' comments, by group. Nothing here names
 * a validator or the lead: the lead sees the same page with the names of
 * those who submitted each version (web/page_standards.c); this one
 * leaves them out. Only a period with a submitted self-assessment is
 * found; any other is "not found".
 */
#include "web/pages.h"

#include <stdio.h>

#include "util/escape.h"
#include "web/layout.h"
#include "web/network.h"
#include "web/standards.h"

struct period {
	int64_t id;
	int versions;
	char end[11];
};

static int
period_row(void *ctx, const struct wm_assessment_row *row)
{
	struct period *p = ctx;

	p->versions = row->versions;
	snprintf(p->end, sizeof(p->end), "%s", row->period_end ?
	    row->period_end : "");
	return 1;
}

/* The service's assessment of the path's period, with a submitted
 * version: 0, or -1 with a 404 or the store's failure answered. */
static int
find(struct wm_http *h, const struct wm_led_service *svc, const char *start,
    struct period *p)
{
	struct wm_buf err = WM_BUF_INIT;
	int rc = wm_store_assessment_find(h->store, svc->id, start, &p->id,
	    &err);

	if (rc == 0)
		rc = wm_store_assessment_get(h->store, p->id, period_row, p,
		    &err);
	if (rc == WM_STORE_NOT_FOUND || (rc == 0 && p->versions < 1)) {
		wm_buf_release(&err);
		wm_page_not_found(h);
		return -1;
	}
	wm_page_store_ok(h, rc, &err);
	wm_buf_release(&err);
	return rc ? -1 : 0;
}

static void
lights(struct wm_http *h, const struct wm_led_service *svc,
    const struct period *p, const struct wm_instrument *in,
    const struct wm_standards_setup *setup)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_standards m;

	wm_standards_init(&m);
	if (wm_page_store_ok(h, wm_store_assessment_ratings(h->store, svc->id,
	    p->id, wm_standards_add_row, &m, &err), &err)) {
		wm_standards_finish(&m, &setup->rule);
		wm_standards_table(h, in, &m, setup, 1);
	}
	wm_standards_release(&m);
	wm_buf_release(&err);
}

void
wm_page_network_standards(struct wm_http *h)
{
	struct wm_led_service svc = WM_LED_SERVICE_INIT;
	struct wm_buf back = WM_BUF_INIT, detail = WM_BUF_INIT;
	const char *start = wm_route_param(&h->match, "period");
	const struct wm_instrument *in;
	struct wm_standards_setup setup;
	struct period p = { 0, 0, "" };
	char name[64], title[96];
	int64_t inst;

	if (wm_service_commissioned(h, &svc) || !start ||
	    find(h, &svc, start, &p) || wm_standards_setup(h, &setup))
		goto out;
	in = wm_standards_instrument(h, WM_RESPONDENT_LEAD, &inst);
	if (!in) {
		wm_page_error(h, 409, "The standards are not loaded", "Ask "
		    "your network's administrator to load the core standards "
		    "instrument.");
		goto out;
	}
	wm_net_where(h, &detail);
	wm_buf_printf(&detail, "; the standards of the period from %s",
	    start);
	if (wm_scope_viewed(h, wm_buf_str(&detail)))
		goto out;
	wm_period_words(start, p.end, name, sizeof(name));
	snprintf(title, sizeof(title), "Standards: %s", name);
	wm_net_service_href(&back, svc.code);
	wm_buf_puts(&back, "#history");
	wm_page_start_back(h, title, wm_buf_str(&back), "Back to the service");
	HTML(h, "<p class=\"nhsuk-body-l\">");
	wm_esc_html_s(&h->out, wm_buf_str(&svc.name));
	HTML(h, ": its own lights for the 10 core standards and its "
	    "validators', by stakeholder group. Validators and the service's "
	    "lead are never named.</p>\n");
	lights(h, &svc, &p, in, &setup);
	wm_sa_comments(h, p.id);
	HTML(h, "<h2 class=\"nhsuk-heading-m\">Versions, and the reasons for "
	    "amending</h2>\n");
	wm_sa_versions(h, p.id, 0);
	wm_sa_queries(h, p.id, "", 0);
	wm_page_end(h);
out:
	wm_buf_release(&back);
	wm_buf_release(&detail);
	wm_led_service_release(&svc);
}
