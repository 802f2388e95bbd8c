/*
 * What people and staff say about each service over a window of
 * quarters, for the network view's experience figures: the supportive
 * service indicators (of the people whose latest answers in the window
 * were about the service, those who answered each indicator and those
 * who agree) and the ERFS profile by its three groups (the ratings of
 * the service by people using it and by staff apart, and the total of
 * their group scores, for a mean). Ratings add up quarter by quarter, so
 * two windows' ratings less a third's would give another window's that
 * its own table withholds: ERFS is counted over one fixed run of
 * quarters, the last WM_NET_DEFAULT_QUARTERS to today's, whatever the
 * window (docs/statistics.md). Read from what the store
 * keeps at write time (the indicators per person and quarter, migration
 * 11; ERFS from the running totals), never from anyone's answers. No
 * figure here has been through disclosure control: the network's
 * tables do that (report/network_table.h).
 *
 * Ownership: a struct wm_net_experience owns its arrays; release it with
 * wm_net_experience_release(). It borrows the instruments (kept by the
 * store for the connection).
 */
#ifndef WM_REPORT_NETWORK_EXPERIENCE_H
#define WM_REPORT_NETWORK_EXPERIENCE_H

#include <stddef.h>
#include <stdint.h>

#include "core/instrument.h"
#include "core/profile.h"
#include "store/store.h"
#include "util/buf.h"

/* Who rated the service on ERFS: kept apart. */
enum wm_net_rater { WM_NET_PEOPLE, WM_NET_STAFF, WM_NET_RATERS };

/* "People using the service", "Staff". */
const char *wm_net_rater_words(int rater);
/* The respondent code: "person", "staff". */
const char *wm_net_rater_respondent(int rater);

struct wm_net_experience {
	size_t n_services;
	/* The indicators (NULL when not loaded): its questions on its scale,
	 * by their index among its items. */
	const struct wm_instrument *indicators;
	size_t n_items;
	size_t *items;
	int64_t *answered, *agree;	/* [service][question] */
	/* ERFS (NULL when not loaded): its groups, each by the index of
	 * the scale that scores it. */
	const struct wm_instrument *erfs;
	struct wm_quarter erfs_quarters[2];	/* first and last counted */
	size_t n_groups;
	size_t *groups;
	int64_t *ratings;	/* [service][group][rater] */
	double *total;		/* [service][group][rater] */
	/* The most ratings in any one quarter: ERFS is rated in rounds,
	 * each rater once a round, and ratings carry no name, so this is
	 * all that is known of how many people gave them. */
	int64_t *peak;		/* [service][group][rater] */
};

void wm_net_experience_init(struct wm_net_experience *e);
void wm_net_experience_release(struct wm_net_experience *e);

/* Builds the figures of the n services: the indicators for quarters
 * from..to ("2026-Q1"), ERFS for the quarters erfs[0] to erfs[1]. 0, or
 * the store's error with err filled (release *out either way). */
int wm_net_experience_build(struct wm_store *s, const int64_t *services,
    size_t n, const char *from, const char *to,
    const struct wm_quarter erfs[2], struct wm_net_experience *out,
    struct wm_buf *err);

/* Question j of the indicators, and ERFS group g (its scale). */
const struct wm_item *wm_net_indicator_item(const struct wm_net_experience *e,
    size_t j);
const struct wm_scale *wm_net_erfs_group(const struct wm_net_experience *e,
    size_t g);
/* The ratings of group g by `rater` at service i, and their total. */
int64_t wm_net_erfs_ratings(const struct wm_net_experience *e, size_t i,
    size_t g, int rater);
double wm_net_erfs_total(const struct wm_net_experience *e, size_t i,
    size_t g, int rater);
/* The most ratings of group g by `rater` at service i in one quarter. */
int64_t wm_net_erfs_peak(const struct wm_net_experience *e, size_t i,
    size_t g, int rater);

#endif
