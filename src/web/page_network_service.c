/*
 * /network/services/{code}: one service as a commissioner sees it. Its
 * row of every table on /network, beside the same figure for all the
 * services of the commissioner's part of the network. The tables are
 * the ones /network writes, worked out and disclosed across every one
 * of those services (web/network.h, r.only), so a figure withheld there
 * is withheld here, and one shown there is shown here the same (what
 * people and staff say too: no quarter of the service's answers alone
 * is shown beside them, web/network_service.c). Then its trends quarter
 * by quarter (report/network_trends.h) and the history of its standards
 * as a grid of lights, each period linking to its detail
 * (/network/services/{code}/standards/{period}). Every count and
 * share of people or staff goes through the network's disclosure rule,
 * never the service's own; nothing here names a person, a practitioner,
 * a validator or the lead.
 *
 * Query: from, to (quarters, "2026-Q1"): the window, as on /network.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/rating.h"
#include "report/network_table.h"
#include "util/escape.h"
#include "web/layout.h"
#include "web/network.h"
#include "web/standards.h"

static const char *
title_of(const struct wm_instrument *in, int n)
{
	return in ? wm_standard_title(in, n) : "";
}

/* --- the standards: the latest period's lights ------------------------ */

/* How many of all these services rate themselves green on standard n in
 * their latest period, of how many have lights. */
static void
greens_across(struct wm_http *h, const struct wm_net_view *v, int n)
{
	size_t i;
	int green = 0, rated = 0;

	for (i = 0; i < v->n_services; i++) {
		if (!v->services[i].lights.period[0])
			continue;
		rated++;
		green += v->services[i].lights.s[n - 1].self == WM_RATING_GREEN;
	}
	wm_buf_printf(&h->out, "%d of %d services", green, rated);
}

static void
standards_period(struct wm_http *h, const struct wm_net_service *sv,
    const char *detail)
{
	const struct wm_standards *m = &sv->lights;
	char name[64];

	wm_period_words(m->period, m->period_end, name, sizeof(name));
	HTML(h, "<p class=\"nhsuk-body\">");
	wm_esc_html_s(&h->out, name);
	wm_buf_printf(&h->out, ": %d of 10 green", sv->greens);
	if (sv->has_before && sv->greens == sv->greens_before)
		HTML(h, " (no change since the period before)");
	else if (sv->has_before)
		wm_buf_printf(&h->out, " (%+d since the period before)",
		    sv->greens - sv->greens_before);
	HTML(h, ". <a href=\"");
	wm_esc_attr_s(&h->out, detail);
	wm_esc_attr_s(&h->out, m->period);
	HTML(h, "\">This period in detail: the validators' lights by "
	    "group, the reasons for amendments, and the queries</a></p>\n");
}

static void
standards(struct wm_http *h, const struct wm_net_request *r,
    const struct wm_instrument *in, const char *detail)
{
	const struct wm_net_view *v = &r->view;
	const struct wm_net_service *sv = &v->services[r->only];
	int n;

	wm_net_section_start(h, "standards", "The 10 core standards", "The "
	    "service's own light for each standard in its latest period, the "
	    "validators' consensus, whether it is validated, and how many of "
	    "all these services rate themselves green on it.");
	if (!sv->lights.period[0]) {
		HTML(h, "<p class=\"nhsuk-body\">The service has no lights "
		    "yet.</p>\n</section>\n");
		return;
	}
	standards_period(h, sv, detail);
	wm_net_table_headed(h, "The latest lights", "Standard");
	WM_NET_TH(h, "The service's own");
	WM_NET_TH(h, "Validators' consensus");
	WM_NET_TH(h, "Validated");
	WM_NET_TH(h, "Green across all these services");
	wm_net_thead_end(h);
	HTML(h, "<tbody class=\"nhsuk-table__body\">\n");
	for (n = 1; n <= WM_STANDARDS; n++) {
		const struct wm_standard_view *s = &sv->lights.s[n - 1];

		wm_buf_printf(&h->out, "<tr class=\"nhsuk-table__row\"><th "
		    "class=\"nhsuk-table__header\" scope=\"row\">%d. ", n);
		wm_esc_html_s(&h->out, title_of(in, n));
		HTML(h, "</th>");
		wm_light_cell(h, "The service's own", s->self);
		wm_light_cell(h, "Validators' consensus", s->result.consensus);
		wm_validated_cell(h, s->result.validated);
		wm_td_start(h, "Green across all these services");
		greens_across(h, v, n);
		HTML(h, "</span></td></tr>\n");
	}
	HTML(h, "</tbody>\n");
	wm_net_table_close(h);
	HTML(h, "</section>\n");
}

/* --- cycles and training: beside the same across all these services ---- */

static void
cycles(struct wm_http *h, const struct wm_net_request *r)
{
	const struct wm_net_view *v = &r->view;
	const struct wm_net_service *sv = &v->services[r->only];
	size_t k;

	wm_net_section_start(h, "cycles", "Measurement cycles", "For each "
	    "measure the service runs in a regular cycle: of the times it fell "
	    "due in the last 12 complete months, whichever quarters are "
	    "shown, the share done in time, beside the same for all these "
	    "services together.");
	if (!sv->n_cycles)
		HTML(h, "<p class=\"nhsuk-body\">The service runs no cycles."
		    "</p>\n");
	else {
		wm_net_table_headed(h, "Cycles done in time", "Measure");
		WM_NET_TH(h, "Due");
		WM_NET_TH(h, "Done in time");
		WM_NET_TH(h, "Done in time, all these services");
		wm_net_thead_end(h);
		HTML(h, "<tbody class=\"nhsuk-table__body\">\n");
	}
	for (k = 0; k < sv->n_cycles; k++) {
		const struct wm_net_cycle *c = &sv->cycles[k];
		size_t t = wm_net_work_cycle(&r->work, c->title);

		HTML(h, "<tr class=\"nhsuk-table__row\"><th class=\""
		    "nhsuk-table__header\" scope=\"row\">");
		wm_esc_html_s(&h->out, c->title);
		HTML(h, "</th>");
		wm_net_cycle_cells(h, r, r->only, c->title);
		wm_td_start(h, "Done in time, all these services");
		wm_net_share_of(h, wm_net_work_due(&r->work, t, v->n_services,
		    WM_NET_ALL_PARTS), wm_net_work_done(&r->work, t,
		    v->n_services, WM_NET_ALL_PARTS));
		HTML(h, "</span></td></tr>\n");
	}
	if (sv->n_cycles) {
		HTML(h, "</tbody>\n");
		wm_net_table_close(h);
	}
	HTML(h, "</section>\n");
}

static void
course_row(struct wm_http *h, const struct wm_net_request *r, size_t k)
{
	const struct wm_net_view *v = &r->view;
	const struct wm_net_work *w = &r->work;

	HTML(h, "<tr class=\"nhsuk-table__row\"><th class=\"nhsuk-table__"
	    "header\" scope=\"row\">");
	wm_esc_html_s(&h->out, v->courses->concepts[k].display);
	HTML(h, "</th>");
	wm_td_start(h, "Staff who have done it");
	wm_net_share_of(h, wm_net_work_staff(w, r->only),
	    wm_net_work_course(w, k, r->only));
	HTML(h, "</span></td>");
	wm_td_start(h, "All these services");
	wm_net_share_of(h, wm_net_work_staff(w, v->n_services),
	    wm_net_work_course(w, k, v->n_services));
	HTML(h, "</span></td></tr>\n");
}

static void
training(struct wm_http *h, const struct wm_net_request *r)
{
	const struct wm_net_view *v = &r->view;
	size_t k, n = v->courses ? v->courses->n_concepts : 0;

	wm_net_section_start(h, "training", "Training for recovery", "The "
	    "share of the service's current staff who have completed each "
	    "course, beside the same for all these services together.");
	HTML(h, "<p class=\"nhsuk-body\">Staff now: ");
	wm_net_shown(h, wm_net_work_staff(&r->work, r->only), 0);
	HTML(h, "; across all these services: ");
	wm_net_shown(h, wm_net_work_staff(&r->work, v->n_services), 0);
	HTML(h, ".</p>\n");
	wm_net_table_headed(h, "Staff who have done each course", "Course");
	WM_NET_TH(h, "Staff who have done it");
	WM_NET_TH(h, "All these services");
	wm_net_thead_end(h);
	HTML(h, "<tbody class=\"nhsuk-table__body\">\n");
	for (k = 0; k < n; k++)
		course_row(h, r, k);
	HTML(h, "</tbody>\n");
	wm_net_table_close(h);
	HTML(h, "</section>\n");
}

/* --- the history of its standards -------------------------------------- */

static int
history(struct wm_http *h, const struct wm_net_request *r,
    const struct wm_instrument *in, const char *detail)
{
	struct wm_standards_setup setup;
	int n;

	if (wm_standards_setup(h, &setup))
		return -1;
	wm_net_section_start(h, "history", "The standards, period by period",
	    "The service's own light for each standard in each of its last "
	    "8 periods, the validators' consensus below it, and whether it "
	    "is validated. Each period links to its detail.");
	if (!in) {
		HTML(h, "<p class=\"nhsuk-body\">The standards are not loaded."
		    "</p>\n</section>\n");
		return 0;
	}
	if ((n = wm_standards_history(h, r->view.services[r->only].id, in,
	    &setup, NULL, detail)) < 0)
		return -1;
	if (n == 0)
		HTML(h, "<p class=\"nhsuk-body\">The service has no lights "
		    "yet.</p>\n");
	HTML(h, "</section>\n");
	return 0;
}

/* --- the page ---------------------------------------------------------- */

/* /network's sections, then this page's own. */
static void
contents(struct wm_http *h)
{
	static const struct wm_net_part own[] = {
		{ "trends", "Trends, quarter by quarter" },
		{ "history", "The standards, period by period" },
	};
	struct wm_net_part parts[WM_NET_PARTS + 2];

	memcpy(parts, wm_net_parts, sizeof(wm_net_parts[0]) * WM_NET_PARTS);
	memcpy(parts + WM_NET_PARTS, own, sizeof(own));
	wm_net_contents(h, parts, WM_NET_PARTS + 2);
}

/* The service's index in the view, or -1 with a 404: the rule let the
 * commissioner in, but a service outside the view's tree (one with no
 * provider above it) has no figures to show. */
static int
find(struct wm_http *h, struct wm_net_request *r, int64_t id)
{
	size_t i;

	for (i = 0; i < r->view.n_services; i++)
		if (r->view.services[i].id == id) {
			r->only = i;
			return 0;
		}
	wm_page_not_found(h);
	return -1;
}

static void
intro(struct wm_http *h, const struct wm_net_request *r)
{
	const struct wm_net_view *v = &r->view;
	const struct wm_net_service *sv = &v->services[r->only];

	HTML(h, "<p class=\"nhsuk-body-l\">");
	wm_esc_html_s(&h->out, v->providers[sv->provider].name);
	HTML(h, ". Each figure is shown beside the same for all the services "
	    "in your part of the network, and is withheld where it is "
	    "withheld on your network's page.</p>\n<div class=\""
	    "nhsuk-inset-text\"><p>");
	wm_esc_html_s(&h->out, wm_disclosure_describe(r->rule));
	HTML(h, " A figure shown as * is withheld.</p></div>\n");
}

static int
sections(struct wm_http *h, const struct wm_net_request *r,
    const char *detail)
{
	int64_t inst;
	const struct wm_instrument *in = wm_standards_instrument(h,
	    WM_RESPONDENT_LEAD, &inst);

	if (h->failed)
		return -1;
	standards(h, r, in, detail);
	if (wm_net_recovery_html(h, r) || wm_net_paired_html(h, r))
		return -1;
	cycles(h, r);
	training(h, r);
	if (wm_net_experience_section_html(h, r) || wm_net_goals_html(h, r) ||
	    wm_net_trends_html(h, r))
		return -1;
	return history(h, r, in, detail);
}

void
wm_page_network_service(struct wm_http *h)
{
	struct wm_led_service svc = WM_LED_SERVICE_INIT;
	struct wm_buf self = WM_BUF_INIT, detail = WM_BUF_INIT;
	struct wm_buf back = WM_BUF_INIT;
	struct wm_net_request r;

	wm_net_request_init(&r);
	if (wm_service_commissioned(h, &svc) || wm_net_open(h, &r) ||
	    find(h, &r, svc.id) || wm_net_viewed(h, &r))
		goto out;
	wm_net_service_href(&self, svc.code);
	wm_buf_puts(&detail, wm_buf_str(&self));
	wm_buf_puts(&detail, "/standards/");
	wm_net_year_href(&back, &r.view, "/network");
	wm_page_start_back(h, wm_buf_str(&svc.name), wm_buf_str(&back),
	    "Back to your network");
	intro(h, &r);
	wm_net_window_form(h, &r.view, wm_buf_str(&self));
	contents(h);
	if (sections(h, &r, wm_buf_str(&detail))) {
		/* After a store's failure, that is the answer. */
		wm_page_error(h, 500, "Sorry, there is a problem", "The "
		    "service's figures could not be written. Try again later.");
		goto out;
	}
	wm_page_end(h);
out:
	wm_net_close(&r);
	wm_buf_release(&self);
	wm_buf_release(&back);
	wm_buf_release(&detail);
	wm_led_service_release(&svc);
}
