/*
 * GET /api/v1/network and /api/v1/network/outcomes (docs/api.md): the
 * commissioner's network at a glance, and every outcome measure, as
 * JSON. The documents are written by report/network_json.h, from the
 * same view as /network and /network/outcomes and under the same
 * disclosure rule, and `waymark report network --format json` writes the
 * same; here the view is the commissioner's and the view is audited.
 *
 * Query: from, to (quarters, "2026-Q1"): the window.
 */
#include "web/pages.h"

#include "report/network_json.h"
#include "report/network_measures.h"
#include "web/api.h"
#include "web/network.h"

static void
reply(struct wm_http *h, json_t *body)
{
	if (!body)
		wm_api_error(h, 500, "the network's figures could not be "
		    "written", NULL);
	else
		wm_api_reply(h, 200, body);
}

void
wm_api_network(struct wm_http *h)
{
	struct wm_net_request r;

	if (wm_net_open(h, &r) == 0 && wm_net_viewed(h, &r) == 0)
		reply(h, wm_net_json(&r.view, r.rule));
	wm_net_close(&r);
}

void
wm_api_network_outcomes(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_net_measures m;
	struct wm_net_request r;
	int rc;

	wm_net_measures_init(&m);
	if (wm_net_open(h, &r) || wm_net_viewed(h, &r))
		goto out;
	rc = wm_net_measures_build(h->store, &r.view, &m, &err);
	wm_page_store_ok(h, rc, &err);
	if (rc == 0)
		reply(h, wm_net_outcomes_json(&r.view, &m, r.rule));
out:
	wm_net_measures_release(&m);
	wm_buf_release(&err);
	wm_net_close(&r);
}
