/*
 * /network/outcomes: recovery outcomes across a commissioner's
 * services, honestly. For each scale of each measure people answer about
 * themselves (the recovery markers first), answered alone and with a
 * practitioner apart: who is included and who is left out, reliable
 * change (Jacobson and Truax) with where its threshold comes from, the
 * mean change with its 95% confidence interval, reliable recovery where
 * the measure has a cut-off, and a funnel plot of the share reliably
 * improved; then the funnel plots of the other proportions. Every
 * figure through the network's disclosure rule.
 *
 * Query: from, to (quarters, "2026-Q1"): the window.
 */
#include "web/pages.h"

#include <stdio.h>

#include "report/network_measures.h"
#include "util/escape.h"
#include "web/layout.h"
#include "web/network.h"

/* One measure: each scale, each kind of answer. */
static int
measure(struct wm_http *h, const struct wm_net_request *r,
    const struct wm_net_outcomes *o, size_t index)
{
	const struct wm_instrument *in = o->in;
	char id[80];
	size_t k;
	int kind;

	HTML(h, "<h2 class=\"nhsuk-heading-m\">");
	wm_esc_html_s(&h->out, in->title ? in->title : in->url);
	HTML(h, "</h2>\n");
	for (k = 0; k < in->n_scales; k++) {
		if (in->n_scales > 1) {
			HTML(h, "<h3 class=\"nhsuk-heading-s\">");
			wm_esc_html_s(&h->out, in->scales[k].title ?
			    in->scales[k].title : in->scales[k].code);
			HTML(h, "</h3>\n");
		}
		for (kind = 0; kind < WM_NET_KINDS; kind++) {
			snprintf(id, sizeof(id), "funnel-m%zu-s%zu-k%d", index,
			    k, kind);
			if (wm_net_outcome_html(h, r, o, k, kind, id))
				return -1;
		}
		if (wm_net_leftout_html(h, r, o, k))
			return -1;
	}
	return 0;
}

void
wm_page_network_outcomes(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT, back = WM_BUF_INIT;
	struct wm_net_measures m;
	struct wm_net_request r;
	size_t i;
	int rc;

	wm_net_measures_init(&m);
	if (wm_net_open(h, &r) || wm_net_viewed(h, &r))
		goto out;
	rc = wm_net_measures_build(h->store, &r.view, &m, &err);
	if (!wm_page_store_ok(h, rc, &err))
		goto out;
	wm_net_year_href(&back, &r.view, "/network");
	wm_page_start_back(h, "Recovery outcomes across your network",
	    wm_buf_str(&back), "Back to your network");
	wm_net_window_form(h, &r.view, "/network/outcomes");
	HTML(h, "<div class=\"nhsuk-inset-text\"><p>");
	wm_esc_html_s(&h->out, wm_disclosure_describe(r.rule));
	HTML(h, " A figure shown as * is withheld. <a href=\"/network/about#"
	    "outcomes\">How these figures are worked out</a></p></div>\n");
	for (i = 0; i < m.n; i++)
		if (measure(h, &r, m.list[i], i))
			goto fail;
	if (wm_net_compare_html(h, &r))
		goto fail;
	wm_page_end(h);
	goto out;
fail:
	wm_page_error(h, 500, "Sorry, there is a problem", "The network's "
	    "figures could not be written. Try again later.");
out:
	wm_net_measures_release(&m);
	wm_buf_release(&err);
	wm_buf_release(&back);
	wm_net_close(&r);
}
