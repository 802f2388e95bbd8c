/*
 * A service's profile views, read from the store and presented: the ERFS
 * profile (people using the service and staff side by side, per domain,
 * under the three group headings; an SVG chart and tables of the same
 * figures), the supportive service indicators (the share who agree, this
 * period and the last) and the team's Ten Top Tips (the share of "yes"
 * per tip, only in aggregate). Every figure goes through the service's
 * small-number rule (core/disclosure.h), the ERFS rules (core/erfs.h)
 * and the team rule (core/ten_top_tips.h) before it is written: a withheld number is never
 * written, not even hidden.
 *
 * Ownership: a struct wm_profile owns its tallies and borrows its
 * instrument from the store (valid while the store is open); release it
 * with wm_profile_release().
 */
#ifndef WM_REPORT_PROFILE_H
#define WM_REPORT_PROFILE_H

#include <stdint.h>

#include "core/erfs.h"
#include "core/indicators.h"
#include "core/instrument.h"
#include "core/profile.h"
#include "core/ten_top_tips.h"
#include "store/store.h"
#include "util/buf.h"

enum wm_profile_kind {
	WM_PROFILE_ERFS,	/* columns: 0 people using it, 1 staff */
	WM_PROFILE_INDICATORS,	/* columns: 0 this period, 1 the last */
	WM_PROFILE_TIPS,	/* column 0 only */
};

struct wm_profile {
	enum wm_profile_kind kind;
	const struct wm_instrument *in;	/* latest version, kept by the
					 * store; NULL: not loaded */
	struct wm_quarter period, prev;
	char quarter[2][8];	/* "2026-Q3": this period, the last */
	struct wm_tally *tally;	/* [item * 2 + column] */
	int64_t responses[2];	/* per column */
	int64_t subjects[2];	/* distinct people or practitioners */
	int64_t together[2];	/* indicators: with a practitioner */
};

#define WM_PROFILE_INIT { WM_PROFILE_ERFS, NULL, { 0, 0 }, { 0, 0 }, \
	{ "", "" }, NULL, { 0, 0 }, { 0, 0 }, { 0, 0 } }

/* The instrument's url, and who its responses are about, for a view. */
const char *wm_profile_url(enum wm_profile_kind kind);
const char *wm_profile_subject_kind(enum wm_profile_kind kind);

/* The quarter the team's Ten Top Tips show when none is asked for: the
 * latest up to `today`'s with enough reflections to show (core's team
 * rule), into *period with *found 1; when no quarter has enough, today's,
 * with *found 0. */
int wm_profile_tips_latest(struct wm_store *s, int64_t unit_id,
    const struct wm_date *today, struct wm_quarter *period, int *found,
    struct wm_buf *err);

/* Reads one view of a service for `period` (and, for the indicators, the
 * period before it). 0 with p->in NULL when the instrument is not loaded. */
int wm_profile_load(struct wm_store *s, enum wm_profile_kind kind,
    int64_t unit_id, const struct wm_quarter *period, struct wm_profile *p,
    struct wm_buf *err);
void wm_profile_release(struct wm_profile *p);

/* The tally of instrument item i in column c. */
const struct wm_tally *wm_profile_tally(const struct wm_profile *p,
    size_t i, int c);

/* A count as the service may see it, as HTML text: the number, or "<5". */
void wm_profile_count_html(struct wm_buf *b, int64_t n);

/* An ERFS domain's mean rating in a column when it may be shown: people's
 * only from at least 5 ratings (the service's small-number rule), staff's
 * from any. 1 and *mean, else 0. */
int wm_profile_erfs_mean(const struct wm_profile *p, size_t item, int column,
    double *mean);

/* The ratings of every domain under ERFS group heading g in a column:
 * how many there were, their total, and the most any one domain had, so
 * that at least that many people (or staff) rated the group. */
struct wm_erfs_group_tally {
	int64_t ratings;
	int64_t raters;
	double total;
};
void wm_profile_erfs_group(const struct wm_profile *p, size_t g, int column,
    struct wm_erfs_group_tally *out);

/* 1 when item i is a group heading with at least one choice item. */
int wm_profile_is_group(const struct wm_instrument *in, size_t i);

/* Opens a table row headed by the question's words. */
void wm_profile_row_head(struct wm_buf *b, const struct wm_item *it);

/* The views as HTML (nhsuk-frontend classes), into b. */
int wm_profile_erfs_html(struct wm_buf *b, const struct wm_profile *p);
int wm_profile_erfs_svg(struct wm_buf *b, const struct wm_profile *p);
int wm_profile_indicators_html(struct wm_buf *b, const struct wm_profile *p);
/* Why a team's Ten Top Tips are not shown, in plain words; NULL when
 * they are. */
const char *wm_profile_team_reason(enum wm_team_state st);
int wm_profile_tips_html(struct wm_buf *b, const struct wm_profile *p);

#endif
