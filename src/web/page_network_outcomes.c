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
#include <stdlib.h>
#include <string.h>

#include "core/known_instruments.h"
#include "util/escape.h"
#include "web/layout.h"
#include "web/network.h"

struct measures {
	int64_t ids[32];	/* the latest version of each measure */
	size_t n;
};

static int
latest_row(void *ctx, const struct wm_instrument_row *r)
{
	struct measures *m = ctx;

	if (m->n < sizeof(m->ids) / sizeof(m->ids[0]))
		m->ids[m->n++] = r->id;
	return 0;
}

/* One measure: each scale, each kind of answer. */
static int
measure(struct wm_http *h, const struct wm_net_request *r,
    const struct wm_net_outcomes *o, size_t index)
{
	const struct wm_instrument *in = o->in;
	char id[48];
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
	}
	return 0;
}

/* Every other measure people answer about themselves, after the
 * recovery markers (already in the view). */
static int
other_measures(struct wm_http *h, const struct wm_net_request *r)
{
	const struct wm_net_view *v = &r->view;
	const char *markers = wm_known_url(WM_KNOWN_RECOVERY_MARKERS);
	struct wm_buf err = WM_BUF_INIT;
	struct measures m = { { 0 }, 0 };
	int64_t ids[1];
	size_t i, k;
	int rc;

	rc = wm_store_instrument_latest(h->store, latest_row, &m, &err);
	for (i = 0; rc == 0 && i < m.n; i++) {
		const struct wm_instrument *in;
		struct wm_net_outcomes o;
		int64_t *svc = v->n_services ? NULL : ids;

		if ((rc = wm_store_instrument_parsed(h->store, m.ids[i], &in,
		    &err)) || !wm_net_outcome_measure(in) ||
		    strcmp(in->url, markers) == 0)
			continue;
		if (!svc && !(svc = calloc(v->n_services, sizeof(*svc)))) {
			rc = WM_STORE_ERROR;
			wm_buf_puts(&err, "out of memory");
			break;
		}
		for (k = 0; k < v->n_services; k++)
			svc[k] = v->services[k].id;
		wm_net_outcomes_init(&o);
		rc = wm_net_outcomes_build(h->store, in, svc, v->n_services,
		    v->from_s, v->to_s, &o, &err);
		if (svc != ids)
			free(svc);
		if (rc == 0 && measure(h, r, &o, i + 1))
			rc = WM_STORE_ERROR;
		wm_net_outcomes_release(&o);
	}
	wm_page_store_ok(h, rc, &err);
	wm_buf_release(&err);
	return rc ? -1 : 0;
}

void
wm_page_network_outcomes(struct wm_http *h)
{
	struct wm_net_request r;

	if (wm_net_open(h, &r) || wm_scope_viewed(h, r.view.from_s))
		goto out;
	wm_page_start_back(h, "Recovery outcomes across your network",
	    "/network", "Back to your network");
	wm_net_window_form(h, &r.view, "/network/outcomes");
	HTML(h, "<div class=\"nhsuk-inset-text\"><p>");
	wm_esc_html_s(&h->out, wm_disclosure_describe(r.rule));
	HTML(h, " A figure shown as * is withheld. <a href=\"/network/about#"
	    "outcomes\">How these figures are worked out</a></p></div>\n");
	if (r.view.recovery.in && measure(h, &r, &r.view.recovery, 0))
		goto fail;
	if (other_measures(h, &r))
		goto out;
	if (wm_net_compare_html(h, &r))
		goto fail;
	wm_page_end(h);
	goto out;
fail:
	wm_page_error(h, 500, "Sorry, there is a problem", "The network's "
	    "figures could not be written. Try again later.");
out:
	wm_net_close(&r);
}
