/*
 * Scoring: turning a response's answers into scale scores by the rules
 * its instrument declares (which items, reversed items, mean or sum, and
 * how many answers are needed for a score at all). Pure functions over
 * caller-owned arrays.
 */
#ifndef WM_CORE_SCORING_H
#define WM_CORE_SCORING_H

#include "core/instrument.h"

/* One answer slot per instrument item (the arrays are parallel). */
struct wm_answer {
	int given;		/* 0: not answered */
	int option;		/* choice items: index into the item's options */
	const char *text;	/* other items: the answer as text */
};

struct wm_score {
	int has_value;		/* 0: too few answers for a score */
	double value;
	unsigned answered;	/* items with a scored answer */
	unsigned items;		/* items in the scale */
};

/*
 * Scores every scale of `in` into out[0 .. in->n_scales). An item counts as
 * answered when its chosen option has an ordinal value ("prefer not to
 * say" does not). A scale has a score when answered * 100 >=
 * min_answered_percent * items; a mean is over the answered items, a sum
 * is prorated to the full item count. A reversed item scores
 * min + max - value over that item's scored options.
 */
void wm_score_scales(const struct wm_instrument *in,
    const struct wm_answer *answers, struct wm_score *out);

/*
 * The value item j of scale `sc` (one of in's) counts towards it with,
 * from `answers`: 1 with it in *out (a reversed item turned round, as
 * the scale's score takes it), or 0 when the item has no scored answer.
 * Reliability estimates read each item as its scale does.
 */
int wm_scale_item_value(const struct wm_instrument *in,
    const struct wm_scale *sc, size_t j, const struct wm_answer *answers,
    double *out);

/*
 * Which way item k counts towards the scales that hold it: 1 when a
 * higher option means more of what they measure, -1 when they reverse
 * it, and 0 when it is in no scale or its scales disagree, since then no
 * direction can honestly be read into a change of answer.
 */
int wm_item_direction(const struct wm_instrument *in, size_t k);

#endif
