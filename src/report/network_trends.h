/*
 * A service's trends, for a commissioner: its key proportions quarter by
 * quarter, each point already through the network's disclosure rule, so
 * that nothing here can be shown unwithheld.
 *
 * - Reliable improvement in the recovery markers, answered alone and
 *   with a practitioner, from the people's outcome rows kept at write
 *   time: each quarter is the network's outcome table
 *   (report/network_table.h) for a window of that one quarter, disclosed
 *   across every service of the view, so a point is withheld exactly
 *   when `waymark report network --from Q --to Q` under the same rule
 *   withholds it (a commissioner chooses years, not quarters alone).
 * - Each measure the service runs in a cycle, done in time: the three
 *   months of the quarter, from the month-by-month completion /network's
 *   cycles are counted from (the last 12 complete months only, and for
 *   this one service). An earlier quarter, or one not yet over, has no
 *   point and says why.
 *
 * The others have no trend. The paired-outcome rate, goals and training
 * coverage: what is kept of them at write time is how things stand now
 * (each person's answers so far, each goal's first and latest review,
 * the staff now), not how they stood at the end of a past quarter. The
 * supportive service indicators: nothing is kept for them at write
 * time; each quarter would be counted again from its answers, the whole
 * quarter's at the service, eight times over.
 *
 * Ownership: a struct wm_net_trends owns its trends, titles and points;
 * release it with wm_net_trends_release().
 */
#ifndef WM_REPORT_NETWORK_TRENDS_H
#define WM_REPORT_NETWORK_TRENDS_H

#include <stddef.h>

#include "core/disclosure.h"
#include "report/network_view.h"
#include "store/store.h"
#include "util/buf.h"

/* Quarters a trend shows at least: two years, to the window's last. */
#define WM_NET_TREND_QUARTERS 8

/* Why a quarter has no point. */
enum wm_net_gap {
	WM_NET_GAP_NONE,	/* a point */
	WM_NET_GAP_WITHHELD,	/* withheld by the disclosure rule: "*" */
	WM_NET_GAP_NOBODY,	/* no one to count in it */
	WM_NET_GAP_NOT_KEPT,	/* before what the store counts */
	WM_NET_GAP_NOT_OVER,	/* the quarter has not ended yet */
	WM_NET_GAP_NO_THRESHOLD,	/* reliable change cannot be worked
					 * out yet */
};

struct wm_net_point {
	enum wm_net_gap gap;
	struct wm_shown share;	/* a whole percentage, when no gap */
	struct wm_shown of;	/* the denominator as published */
	int provisional;	/* may still change (late answers count) */
};

/* The families of trends, each with its own words for what a point is. */
enum wm_net_trend_kind {
	WM_NET_TREND_RECOVERY,
	WM_NET_TREND_CYCLE,
};

struct wm_net_trend {
	enum wm_net_trend_kind kind;
	char *title;
	struct wm_net_point *points;	/* one per quarter of the trends */
};

struct wm_net_trends {
	struct wm_quarter from, to;
	size_t n_quarters;
	struct wm_net_trend *v;
	size_t n;
};

void wm_net_trends_init(struct wm_net_trends *t);
void wm_net_trends_release(struct wm_net_trends *t);

/* The first quarter trends start from: WM_NET_TREND_QUARTERS up to the
 * view's last, or the view's first when its window is longer. */
void wm_net_trend_start(const struct wm_net_view *v, struct wm_quarter *out);

/*
 * The trends of service `i` of the view (an index into v->services),
 * under `rule`, from wm_net_trend_start to the window's last quarter. 0,
 * or the store's error with err filled (release *out either way).
 */
int wm_net_trends_build(struct wm_store *s, const struct wm_net_view *v,
    size_t i, enum wm_disclosure_rule rule, struct wm_net_trends *out,
    struct wm_buf *err);

/* What a point of this kind of trend is, in a sentence for the page. */
const char *wm_net_trend_about(enum wm_net_trend_kind kind);
/* Why a quarter has no point, in a few words ("withheld (*)"). */
const char *wm_net_gap_words(enum wm_net_gap gap);

#endif
