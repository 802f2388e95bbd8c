/*
 * Describing one person's change on a scale between two answers, in the
 * plainest honest terms: higher, lower, or about the same. A difference
 * smaller than WM_CHANGE_NOTICEABLE is "about the same", because a
 * quarter of a point on a 5-point scale is within the ordinary wobble of
 * answering; this is a description for the person, not a test of
 * reliable change (which needs the instrument's reliability and is for
 * the network's reports).
 *
 * A service's people together: for each person with at least two
 * answers, their first against their latest, as improved, about the same
 * or worse by the same rule, and the mean change, which the service may
 * see only from WM_SERVICE_MIN_COUNT people (core/disclosure.h). Pure.
 */
#ifndef WM_CORE_CHANGE_H
#define WM_CORE_CHANGE_H

#include <stdint.h>

#define WM_CHANGE_NOTICEABLE 0.25

enum wm_change {
	WM_CHANGE_SAME,
	WM_CHANGE_HIGHER,
	WM_CHANGE_LOWER,
};

enum wm_change wm_change_between(double first, double latest);

enum wm_outcome {
	WM_OUTCOME_SAME,
	WM_OUTCOME_IMPROVED,
	WM_OUTCOME_WORSE,
};

/* Whether a person improved from `first` to `latest` on a scale where a
 * higher score is better (higher_is_better 1) or worse (0). */
enum wm_outcome wm_change_outcome(double first, double latest,
    int higher_is_better);

/* People's change on one scale, first answer to latest. */
struct wm_change_tally {
	int64_t people;		/* with at least two answers */
	int64_t improved, same, worse;
	double total;		/* the sum of latest - first */
};

/* Counts one person with at least two answers. */
void wm_change_tally_add(struct wm_change_tally *t, double first,
    double latest, int higher_is_better);

/* 1 with the mean of latest - first in *mean when the service may see
 * it (from at least WM_SERVICE_MIN_COUNT people); 0 and *mean 0 else. */
int wm_change_tally_mean(const struct wm_change_tally *t, double *mean);

#endif
