/*
 * /network: the commissioner's home, the network at a glance. The
 * services of their part of the network are rows, grouped by provider,
 * in one table per question (the standards; recovery, with who is left
 * out and why; the paired-outcome rate; the cycles; training;
 * experience; goals), so that each table reads on a phone as the design
 * system's responsive table: every cell carries its column's heading.
 * Every count and share of people or staff is written through core's
 * disclosure rule; a withheld figure is "*", never the number hidden.
 * Lights are about the service, not about people, and are shown as they
 * are. Each section links to /network/about, which says how its figures
 * are worked out.
 *
 * Query: from, to (quarters, "2026-Q1"): the window; the last four
 * quarters by default.
 */
#include "web/pages.h"

#include <stdio.h>

#include "core/rating.h"
#include "core/standards.h"
#include "util/escape.h"
#include "web/layout.h"
#include "web/network.h"
#include "web/standards.h"

/* --- the standards ----------------------------------------------------- */

static void
greens_change(struct wm_http *h, const struct wm_net_service *sv)
{
	int d = sv->greens - sv->greens_before;

	if (!sv->lights.period[0] || !sv->has_before)
		HTML(h, "No period before");
	else if (d == 0)
		HTML(h, "No change");
	else
		wm_buf_printf(&h->out, "%s%d since the period before",
		    d > 0 ? "+" : "", d);
}

static void
standard_cell(struct wm_http *h, const struct wm_standard_view *s, int n)
{
	char heading[24];

	snprintf(heading, sizeof(heading), "Standard %d", n);
	wm_td_start(h, heading);
	wm_light(h, s->self);
	HTML(h, "<br><span class=\"nhsuk-body-s\">Validators: </span>");
	wm_light(h, s->result.consensus);
	if (s->result.validated)
		HTML(h, "<br><span class=\"nhsuk-body-s\">Validated</span>");
	HTML(h, "</span></td>");
}

static void
standards(struct wm_http *h, const struct wm_net_view *v)
{
	char words[64];
	size_t i;
	int n;

	wm_net_section_start(h, "standards", "The 10 core standards", "Each "
	    "service's own light for each standard in its latest period, "
	    "with the validators' consensus below it and \"Validated\" where "
	    "enough validators from enough stakeholder groups have rated "
	    "it.");
	wm_net_table_start(h, "The latest lights");
	WM_NET_TH(h, "Period");
	WM_NET_TH(h, "Greens");
	for (n = 1; n <= WM_STANDARDS; n++) {
		HTML(h, "<th class=\"nhsuk-table__header\" scope=\"col\">");
		wm_buf_printf(&h->out, "%d", n);
		HTML(h, "</th>");
	}
	wm_net_thead_end(h);
	for (i = 0; i < v->n_services; i++) {
		const struct wm_net_service *sv = &v->services[i];

		wm_net_provider_start(h, v, i, 3 + WM_STANDARDS);
		wm_net_service_head(h, v, sv);
		wm_td_start(h, "Period");
		if (sv->lights.period[0])
			wm_period_words(sv->lights.period,
			    sv->lights.period_end, words, sizeof(words));
		wm_esc_html_s(&h->out, sv->lights.period[0] ? words :
		    "None yet");
		HTML(h, "</span></td>");
		wm_td_start(h, "Greens");
		wm_buf_printf(&h->out, "%d of 10<br>", sv->greens);
		greens_change(h, sv);
		HTML(h, "</span></td>");
		for (n = 1; n <= WM_STANDARDS; n++)
			standard_cell(h, &sv->lights.s[n - 1], n);
		HTML(h, "</tr>\n");
	}
	wm_net_table_end(h, v);
}

/* --- the cycles -------------------------------------------------------- */

static void
cycles(struct wm_http *h, const struct wm_net_request *r)
{
	const struct wm_net_view *v = &r->view;
	size_t i, k;

	wm_net_section_start(h, "cycles", "Measurement cycles", "For each "
	    "measure a service runs in a regular cycle: of the times it fell "
	    "due in the last 12 complete months, whichever quarters are "
	    "shown, the share done in time.");
	wm_net_table_start(h, "Cycles done in time");
	WM_NET_TH(h, "Measure");
	WM_NET_TH(h, "Due");
	WM_NET_TH(h, "Done in time");
	wm_net_thead_end(h);
	for (i = 0; i < v->n_services; i++) {
		const struct wm_net_service *sv = &v->services[i];

		wm_net_provider_start(h, v, i, 4);
		if (!sv->n_cycles) {
			wm_net_service_head(h, v, sv);
			wm_td_start(h, "Measure");
			HTML(h, "No cycles</span></td>");
			wm_td_start(h, "Due");
			HTML(h, "None</span></td>");
			wm_td_start(h, "Done in time");
			HTML(h, "None</span></td></tr>\n");
			continue;
		}
		for (k = 0; k < sv->n_cycles; k++) {
			const struct wm_net_cycle *c = &sv->cycles[k];

			if (k == 0)
				wm_net_service_head(h, v, sv);
			else
				wm_net_service_again(h, v, sv);
			wm_td_start(h, "Measure");
			wm_esc_html_s(&h->out, c->title);
			HTML(h, "</span></td>");
			wm_net_cycle_cells(h, r, i, c->title);
			HTML(h, "</tr>\n");
		}
	}
	wm_net_table_end(h, v);
}

/* --- training ---------------------------------------------------------- */

static void
training(struct wm_http *h, const struct wm_net_request *r)
{
	const struct wm_net_view *v = &r->view;
	size_t i, k, n = v->courses ? v->courses->n_concepts : 0;

	wm_net_section_start(h, "training", "Training for recovery", "As it "
	    "stands today: the share of each service's current staff who "
	    "have completed each course.");
	wm_net_table_start(h, "Staff who have done each course");
	WM_NET_TH(h, "Staff");
	for (k = 0; k < n; k++) {
		HTML(h, "<th class=\"nhsuk-table__header\" scope=\"col\">");
		wm_esc_html_s(&h->out, v->courses->concepts[k].display);
		HTML(h, "</th>");
	}
	wm_net_thead_end(h);
	for (i = 0; i < v->n_services; i++) {
		const struct wm_net_service *sv = &v->services[i];

		struct wm_shown staff = wm_net_work_staff(&r->work, i);

		wm_net_provider_start(h, v, i, 2 + (int)n);
		wm_net_service_head(h, v, sv);
		wm_td_start(h, "Staff");
		wm_net_shown(h, staff, 0);
		HTML(h, "</span></td>");
		for (k = 0; k < n; k++) {
			wm_td_start(h, v->courses->concepts[k].display);
			wm_net_share_of(h, staff, wm_net_work_course(&r->work,
			    k, i));
			HTML(h, "</span></td>");
		}
		HTML(h, "</tr>\n");
	}
	wm_net_table_end(h, v);
}

/* --- the page ---------------------------------------------------------- */

/* Everything under the heading: the same for everyone whose grants cover
 * the same services (web/network.h, wm_net_cached). */
static int
figures(struct wm_http *h, struct wm_net_request *r)
{
	wm_net_window_form(h, &r->view, "/network");
	HTML(h, "<div class=\"nhsuk-inset-text\"><p>");
	wm_esc_html_s(&h->out, wm_disclosure_describe(r->rule));
	HTML(h, " A figure shown as * is withheld.</p></div>\n");
	if (!r->view.n_services) {
		HTML(h, "<p class=\"nhsuk-body\">There are no services in your "
		    "part of the network yet.</p>\n");
		return 0;
	}
	wm_net_contents(h, wm_net_parts, WM_NET_PARTS);
	standards(h, &r->view);
	if (wm_net_recovery_html(h, r) || wm_net_paired_html(h, r))
		goto failed;
	cycles(h, r);
	training(h, r);
	if (wm_net_experience_section_html(h, r) || wm_net_goals_html(h, r))
		goto failed;
	return 0;
failed:
	wm_page_error(h, 500, "Sorry, there is a problem", "The network's "
	    "figures could not be written. Try again later.");
	return -1;
}

void
wm_page_network(struct wm_http *h)
{
	struct wm_net_request r;

	if (wm_net_begin(h, &r))
		goto out;
	wm_page_start(h, "Your network");
	if (wm_net_cached(h, &r, "/network", figures) == 0)
		wm_page_end(h);
out:
	wm_net_close(&r);
}
