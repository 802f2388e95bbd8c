/*
 * The network at a glance, for commissioners: each service in their part
 * of the network (grouped by provider) with its standards lights, the
 * completion of its measurement cycles and its recovery training
 * coverage, over a window of quarters. One function gathers it from the
 * store, reading each service's own totals (never a person's record);
 * the pages, the API and the command line present the same model. No
 * figure here has been through disclosure control yet: that is done
 * where each figure is written, by core's rule (core/disclosure.h), and
 * nothing in this model names a person or a practitioner.
 *
 * Ownership: a struct wm_net_view owns everything it points to; release
 * it with wm_net_view_release(). It borrows the course catalogue.
 */
#ifndef WM_REPORT_NETWORK_VIEW_H
#define WM_REPORT_NETWORK_VIEW_H

#include <stdint.h>

#include "core/access.h"
#include "core/catalogue.h"
#include "core/profile.h"
#include "core/training.h"
#include "report/network_outcomes.h"
#include "report/standards.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/date.h"

/* Quarters in the default window: the last four, to today's. */
#define WM_NET_DEFAULT_QUARTERS 4
/* The longest window anyone may ask for: ten years. */
#define WM_NET_MAX_QUARTERS 40

/* One measure's cycles at a service, over the window's complete months. */
struct wm_net_cycle {
	char *title;
	long due, done;
	int months;		/* complete months of the window counted */
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
	struct wm_net_provider *providers;
	size_t n_providers;
	struct wm_net_service *services;
	size_t n_services;
	/* The recovery markers' outcomes at each service (recovery.in NULL
	 * when the recovery markers are not loaded). */
	struct wm_net_outcomes recovery;
};

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

/*
 * Builds the view of the services a commissioner's grants cover (a grant
 * on the network or on a provider covers every service under it), or of
 * every service when `grants` is NULL (the network's own analysts, on
 * the command line). 0, or the store's error with err filled (and *out
 * still to be released).
 */
int wm_net_view_build(struct wm_store *s, const struct wm_grant *grants,
    size_t n_grants, const struct wm_date *today,
    const struct wm_quarter *from, const struct wm_quarter *to,
    const struct wm_catalogue *courses, struct wm_net_view *out,
    struct wm_buf *err);

/* The same view with the services and their providers only, none of
 * their figures (no courses): what a report of figures read apart, the
 * quarter-by-quarter means, names its rows by. */
int wm_net_view_services(struct wm_store *s, const struct wm_grant *grants,
    size_t n_grants, const struct wm_date *today,
    const struct wm_quarter *from, const struct wm_quarter *to,
    struct wm_net_view *out, struct wm_buf *err);

/* The service with this code in the view, or NULL. */
const struct wm_net_service *wm_net_view_service(const struct wm_net_view *v,
    const char *code);

#endif
