/*
 * The network's recovery outcomes as FHIR R4, for the commissioners'
 * own systems: a Bundle of type "collection" holding one MeasureReport
 * (type summary) and the Organizations it names (docs/api.md).
 *
 * One group per scale of the recovery markers and kind of answer (alone,
 * or with a practitioner), each with the populations initial-population
 * (people on the caseloads in the window, for a window of a year only),
 * denominator (people with two answers or more in the window) and
 * numerator (people reliably improved), the share reliably improved as
 * its measureScore, and a stratifier "service" with a stratum per
 * service. Every count is taken from the network-wide disclosed tables
 * the pages publish (report/network_table.h), so that what is withheld
 * is the same everywhere and whoever asks; a withheld count is left out
 * and its element says why (data-absent-reason "masked", and the rule
 * that withheld it). Nothing in it names a person or a practitioner.
 *
 * Ownership: the Bundle returned belongs to the caller (json_decref); the
 * input is borrowed.
 */
#ifndef WM_REPORT_MEASURE_REPORT_H
#define WM_REPORT_MEASURE_REPORT_H

#include <jansson.h>
#include <stdint.h>

#include "core/access.h"
#include "core/disclosure.h"
#include "report/network_view.h"
#include "store/store.h"
#include "util/buf.h"

/* The canonical URL of Waymark's recovery-outcomes measure. */
#define WM_MEASURE_RECOVERY_OUTCOMES \
	"https://waymark.example/fhir/Measure/recovery-outcomes"

/* A unit of the network as an Organization. */
struct wm_mr_unit {
	const char *kind;	/* "network", "provider" */
	const char *code, *name;	/* code NULL: none known */
};

/* Everything the report is written from. */
struct wm_mr_input {
	const struct wm_net_view *view;
	enum wm_disclosure_rule rule;
	struct wm_mr_unit reporter;	/* the network, or one provider */
	/* People on each service's caseload in the window, for every
	 * service of the network in the view's order (wm_net_view_all of
	 * them); NULL when not counted for this window
	 * (wm_measure_report_counts_caseload): then withheld. */
	const int64_t *caseload;
	int64_t now;		/* when it is made: seconds since 1970 */
};

/* 1 when the people on the caseloads are counted for v's window: a
 * window of WM_NET_DEFAULT_QUARTERS quarters (a year). */
int wm_measure_report_counts_caseload(const struct wm_net_view *v);

/* The Bundle written from `in`; NULL when out of memory (or when no
 * random identifier could be had). */
json_t *wm_measure_report_json(const struct wm_mr_input *in);

/*
 * The report of the view `v`, into *out: reported by the one provider
 * every commissioner grant in `grants` lies within, else by the network
 * (also when `grants` is NULL), with the people on each caseload in the
 * window read from the store. 0, or the store's error with err filled
 * (WM_STORE_ERROR "out of memory" too).
 */
int wm_measure_report_build(struct wm_store *s, const struct wm_net_view *v,
    enum wm_disclosure_rule rule, const struct wm_grant *grants,
    size_t n_grants, int64_t now, json_t **out, struct wm_buf *err);

#endif
