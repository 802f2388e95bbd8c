/*
 * The network at a glance, for commissioners: each service in their part
 * of the network (grouped by provider) with its standards lights,
 * people's recovery, the completion of its measurement cycles, its
 * recovery training coverage, what people and staff say about it and
 * people's own goals, over a window of quarters. One function gathers
 * it from the store, reading each service's own totals (never a
 * person's record); the pages, the API and the command line present the
 * same model. No figure here has been through disclosure control yet:
 * that is done where each figure is written, by core's rule (core/
 * disclosure.h), and nothing in this model names a person or a
 * practitioner.
 *
 * The figures of every other service of the network are read too, after
 * the view's own: what is withheld is decided once for the whole
 * network (report/network_table.h), so that every view withholds the
 * same figures, whoever looks. Only the view's own services (the first
 * n_services) and their providers (the first n_providers) are ever
 * published; the others are counted, never shown, and have no lights.
 *
 * Ownership: a struct wm_net_view owns everything it points to; release
 * it with wm_net_view_release(). It borrows the course catalogue.
 */
#ifndef WM_REPORT_NETWORK_VIEW_H
#define WM_REPORT_NETWORK_VIEW_H

#include <stdint.h>

#include "core/access.h"
#include "core/catalogue.h"
#include "core/cycle.h"
#include "core/profile.h"
#include "core/training.h"
#include "report/network_experience.h"
#include "report/network_outcomes.h"
#include "report/standards.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/date.h"

/* Quarters in the default window: the last four, to today's. */
#define WM_NET_DEFAULT_QUARTERS 4
/* The longest window anyone may ask for: ten years. */
#define WM_NET_MAX_QUARTERS 40

/* Months of cycles counted: the last complete ones the store keeps
 * (today's month is not yet complete). */
#define WM_NET_CYCLE_MONTHS (WM_COMPLETION_MONTHS - 1)

/* One measure's cycles at a service, over the last WM_NET_CYCLE_MONTHS
 * complete months whatever the window (cycles of the same measure
 * together): a figure a window could not be differenced from (docs/
 * statistics.md). */
struct wm_net_cycle {
	char *title;
	int recovery_markers;	/* the recovery markers' own */
	long due, done;
	int months;		/* complete months counted */
	struct wm_completion_month m[WM_NET_CYCLE_MONTHS];	/* oldest first */
};

struct wm_net_provider {
	int64_t id;
	char *code, *name;
};

struct wm_net_service {
	int64_t id;
	char *code, *name;
	size_t provider;	/* index into the view's providers */
	/* The standards: the latest period with lights, and the one before
	 * it, for the change in greens. */
	struct wm_standards lights;	/* period "" when none yet */
	int greens;		/* the service's own greens in it */
	int has_before;
	int greens_before;
	struct wm_net_cycle *cycles;
	size_t n_cycles, cap_cycles;
	struct wm_coverage *coverage;	/* one per course of the catalogue */
	int64_t staff;
	/* The paired-outcome rate: people on the caseload for at least
	 * WM_NET_PAIRED_DAYS, and of them those with the recovery markers
	 * recorded at least twice. */
	int64_t eligible, paired;
	/* Goals: people on the caseload with goals of their own; of them
	 * those with a goal reviewed twice or more; of those, the people
	 * whose latest review of such a goal is higher than its first. */
	int64_t with_goals, reviewed, higher;
};

/* How long someone has been on a caseload to count for the paired-outcome
 * rate, as NHS England's measure counts it. */
#define WM_NET_PAIRED_DAYS 180

struct wm_net_view {
	struct wm_date today;
	struct wm_quarter from, to;
	char from_s[8], to_s[8];	/* "2026-Q1" */
	struct wm_validation_rule rule;
	const struct wm_catalogue *courses;
	/* The network the services are in (id 0 when it has no service
	 * yet to find it from). */
	struct wm_net_provider network;
	/* The view's providers first, then the network's others. */
	struct wm_net_provider *providers;
	size_t n_providers, n_all_providers;
	/* The view's services first (provider by provider), then the
	 * network's others. A view built by hand may leave n_all_services
	 * (and n_all_providers) 0: then it is the whole network. */
	struct wm_net_service *services;
	size_t n_services, n_all_services;
	/* The recovery markers' outcomes at every service (recovery.in
	 * NULL when the recovery markers are not loaded). */
	struct wm_net_outcomes recovery;
	/* What people and staff say about every service in the window
	 * (the view's order): the supportive service indicators and ERFS
	 * by group. */
	struct wm_net_experience experience;
};

/* Every service of the network, the view's first: n_all_services, or
 * n_services when the view is the whole network built by hand. */
size_t wm_net_view_all(const struct wm_net_view *v);
size_t wm_net_view_all_providers(const struct wm_net_view *v);

void wm_net_view_init(struct wm_net_view *v);
void wm_net_view_release(struct wm_net_view *v);

/*
 * The window of quarters from `from` to `to` ("2026-Q1"; either may be
 * NULL or "" for the default: the last WM_NET_DEFAULT_QUARTERS to today's).
 * NULL when it is a window anyone may ask for, else why not, in plain
 * words: a quarter not written as 2026-Q1, `from` after `to`, `to` after
 * today's quarter, or longer than WM_NET_MAX_QUARTERS.
 */
const char *wm_net_window(const char *from, const char *to,
    const struct wm_date *today, struct wm_quarter *out_from,
    struct wm_quarter *out_to);

/* How many years a commissioner may choose from, today's first. */
#define WM_NET_YEARS 10

/*
 * The windows a commissioner may choose, on the pages and in the API: a
 * year of WM_NET_DEFAULT_QUARTERS quarters ending with today's quarter,
 * or with the same quarter of one of the WM_NET_YEARS - 1 years before.
 * No two of them overlap, so none can be set against another to narrow
 * a figure either withholds (a person counts in a window at their last
 * answer in it: docs/statistics.md, "Choosing the window"). Windows of
 * other quarters are the network's analysts', on the command line.
 * As wm_net_window, but `to` must be one of those quarters, and `from`,
 * when given, its year's first; *field names the one at fault ("from"
 * or "to") when it is refused.
 */
const char *wm_net_year_window(const char *from, const char *to,
    const struct wm_date *today, struct wm_quarter *out_from,
    struct wm_quarter *out_to, const char **field);
/* The year a commissioner may choose `back` years before today's (0:
 * the one ending with today's quarter). */
void wm_net_year(const struct wm_date *today, int back,
    struct wm_quarter *from, struct wm_quarter *to);

/*
 * Builds the view of the services a commissioner's grants cover (a grant
 * on the network or on a provider covers every service under it), or of
 * every service when `grants` is NULL (the network's own analysts, on
 * the command line), with every other service's figures after them. 0,
 * or the store's error with err filled (and *out still to be released).
 */
int wm_net_view_build(struct wm_store *s, const struct wm_grant *grants,
    size_t n_grants, const struct wm_date *today,
    const struct wm_quarter *from, const struct wm_quarter *to,
    const struct wm_catalogue *courses, struct wm_net_view *out,
    struct wm_buf *err);

/* The same view with the services and their providers only, none of
 * their figures (no courses): what a report of figures read apart, the
 * quarter-by-quarter means, names its rows by (the network's other
 * services after the view's, as wm_net_view_build has them). */
int wm_net_view_services(struct wm_store *s, const struct wm_grant *grants,
    size_t n_grants, const struct wm_date *today,
    const struct wm_quarter *from, const struct wm_quarter *to,
    struct wm_net_view *out, struct wm_buf *err);

/*
 * 1 when the window is WM_NET_DEFAULT_QUARTERS quarters (a year), the
 * only length for which counts of the people on a caseload at any time
 * in the window are given: counted for windows of any length, the
 * people on a caseload in quarters 1 and 2, plus those in 2 and 3, less
 * those in 1 to 3, would be those in quarter 2, but for the few who
 * left and came back; windows of one length cannot be so combined.
 */
int wm_net_view_is_year(const struct wm_net_view *v);
/* How many quarters the window has. */
int wm_net_view_quarters(const struct wm_net_view *v);
/* 1 when the window's last quarter is today's, still running. */
int wm_net_window_running(const struct wm_net_view *v);
/* The window as people say it, appended to out: "four quarters from
 * January 2026 to December 2026", "quarter from April 2026 to June
 * 2026", or "... to today, 7 December 2026" when it is still running. */
void wm_net_window_words(struct wm_buf *out, const struct wm_net_view *v);
/* The quarters from `from` to `to` as people say them, appended to out:
 * "January 2026 to December 2026", or "January 2026 to today, 7
 * December 2026" when `to` is today's quarter. */
void wm_net_span_words(struct wm_buf *out, const struct wm_date *today,
    const struct wm_quarter *from, const struct wm_quarter *to);
/* 1 when who is left out of o for want of an answer of their own (no
 * response, answered only by someone else: people on a caseload at any
 * time in the window) is published under `rule`: for a year's window,
 * or with nothing withheld (the network's own analysts), where setting
 * windows against each other finds nothing not shown already. */
int wm_net_leftout_shown(const struct wm_net_view *v,
    const struct wm_net_outcomes *o, enum wm_disclosure_rule rule);

/* The ids of every service of the network, in the view's order (for
 * the outcomes of each); NULL when out of memory. The caller frees it. */
int64_t *wm_net_view_ids(const struct wm_net_view *v);

/*
 * What a view of the network's figures showed, for the audit log, so
 * that it says exactly what was seen: where (`where`: "page GET
 * /network", "API GET /api/v1/network/outcomes", "command line waymark
 * report network --format csv"), the whole window (first and last
 * quarter), the disclosure rule the figures went through and whose
 * services they were: "page GET /network; quarters 2025-Q4 to 2026-Q3;
 * disclosure mhsds; the whole network (14 services)", or "...; 2
 * services of estuary-care, harbour-mind". Into out (cleared first).
 */
void wm_net_audit_detail(struct wm_buf *out, const char *where,
    const struct wm_net_view *v, enum wm_disclosure_rule rule);
/* The same in two steps: out cleared and the detail up to whose
 * services (which needs only the window), then whose services, appended
 * (which needs the view built); a page kept once built keeps the second
 * with it (web/network_cache.c). */
void wm_net_audit_head(struct wm_buf *out, const char *where,
    const struct wm_net_view *v, enum wm_disclosure_rule rule);
void wm_net_audit_scope(struct wm_buf *out, const struct wm_net_view *v);

/* The service with this code in the view (its own, never another of
 * the network), or NULL. */
const struct wm_net_service *wm_net_view_service(const struct wm_net_view *v,
    const char *code);

#endif
