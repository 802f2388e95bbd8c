/*
 * GET /api/v1/network/measure-report?from=2026-Q1&to=2026-Q4
 * (docs/api.md): the recovery outcomes of the services a commissioner's
 * grants cover, as a FHIR R4 Bundle holding one MeasureReport and the
 * Organizations it names, from the same view and under the same
 * disclosure rule as /network/outcomes (report/measure_report.h), and
 * written to the audit log like every view of the network.
 */
#include "web/pages.h"

#include "report/measure_report.h"
#include "web/api.h"
#include "web/network.h"

void
wm_api_network_measure_report(struct wm_http *h)
{
	struct wm_net_request r;
	struct wm_buf err = WM_BUF_INIT;
	json_t *bundle;
	int rc;

	if (wm_net_open(h, &r) || wm_net_viewed(h, &r))
		goto out;
	rc = wm_measure_report_build(h->store, &r.view, r.rule,
	    h->scope.grants, h->scope.n_grants, h->now, &bundle, &err);
	if (!wm_page_store_ok(h, rc, &err))
		goto out;
	wm_api_reply(h, 200, bundle);
	if (!h->failed && h->status == 200)
		h->content_type = "application/fhir+json; charset=utf-8";
out:
	wm_buf_release(&err);
	wm_net_close(&r);
}
