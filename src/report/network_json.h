/*
 * The network's figures as JSON, for the API (GET /api/v1/network and
 * /api/v1/network/outcomes) and `waymark report network --format json`:
 * one writer, so both say the same, figure for figure. Every count and
 * share of people comes from the disclosed tables (report/
 * network_table.h) or through core's rule; a withheld figure is the
 * string "*", never the number; a share of no one is null. docs/api.md
 * describes both documents.
 *
 * Ownership: each function returns a new reference the caller owns
 * (json_decref), or NULL when out of memory. The view and the measures
 * are read, never kept.
 */
#ifndef WM_REPORT_NETWORK_JSON_H
#define WM_REPORT_NETWORK_JSON_H

#include "core/disclosure.h"
#include "report/network_measures.h"
#include "report/network_report.h"
#include "report/network_view.h"
#include "util/buf.h"

struct json_t;

/* The network at a glance: each service's standards, recovery (with who
 * is left out, and why), paired-outcome rate, cycles, training,
 * experience and goals, and the network's. */
struct json_t *wm_net_json(const struct wm_net_view *v,
    enum wm_disclosure_rule rule);

/* Every outcome measure, each scale and kind of answer: where its
 * reliable change threshold comes from, the people per service and the
 * network's, the mean change, reliable recovery and the funnel plot's
 * findings; each scale's people left out, and why; and the funnels
 * comparing the other proportions. */
struct json_t *wm_net_outcomes_json(const struct wm_net_view *v,
    const struct wm_net_measures *m, enum wm_disclosure_rule rule);

/* The command line's document: wm_net_json's, with the outcomes
 * document as "outcomes" and the quarterly means as "quarterlyMeans",
 * written as text to out. 0, or -1 out of memory. */
int wm_net_json_write(const struct wm_net_view *v,
    const struct wm_net_measures *m, const struct wm_netrep *q,
    enum wm_disclosure_rule rule, struct wm_buf *out);

#endif
