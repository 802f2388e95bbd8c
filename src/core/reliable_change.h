/*
 * Reliable change (Jacobson and Truax, 1991): whether a person's change
 * between their first and latest answers on a scale is bigger than the
 * measure's own wobble, so that it can be counted as improvement or
 * deterioration; reliable recovery where the measure has a clinical
 * cut-off; and the statistics behind them: running moments, Cronbach's
 * alpha (the reliability estimated from the network's own first answers
 * when the instrument declares none) and the mean change with its 95%
 * confidence interval. Pure functions; nothing allocates.
 *
 * The sd and reliability r come from the instrument file (struct
 * wm_scale, with their published source) or, when it declares none, from
 * the network's first answers: the SD of first scores and Cronbach's
 * alpha, with the number of people used. struct wm_reliability carries
 * which, so that every page and export can say so.
 */
#ifndef WM_CORE_RELIABLE_CHANGE_H
#define WM_CORE_RELIABLE_CHANGE_H

#include <stddef.h>
#include <stdint.h>

struct wm_moments { int64_t n; double sum, sumsq; };
void wm_moments_add(struct wm_moments *m, double x);
double wm_moments_mean(const struct wm_moments *m);	/* 0 if n = 0 */
int wm_moments_sd(const struct wm_moments *m, double *sd);	/* sample SD; -1 if n < 2 */

/* Cronbach's alpha of k items from complete responses: each item's moments
 * and the total's (sum of the k items). -1 when n < 2, k < 2 or the total
 * has no variance. Alpha can be negative (items that disagree); the
 * caller decides whether such an estimate is usable. */
int wm_cronbach_alpha(size_t k, const struct wm_moments *items,
    const struct wm_moments *total, double *alpha);

struct wm_reliability {
	double sd, r;
	int estimated;		/* 1: from the network's own first answers */
	int64_t n;		/* people used for the estimate */
	const char *source;	/* the published source; NULL if estimated */
};

/* Jacobson and Truax: 1.96 * sd * sqrt(2) * sqrt(1 - r). */
double wm_reliable_threshold(double sd, double r);

enum wm_reliable {
	WM_RELIABLE_NO_CHANGE,
	WM_RELIABLE_IMPROVED,
	WM_RELIABLE_DETERIORATED,
};

/* |latest - first| > threshold counts; direction from higher_is_better.
 * A change exactly at the threshold is no reliable change. */
enum wm_reliable wm_reliable_change(double first, double latest,
    double threshold, int higher_is_better);

/* People's outcomes on one scale. Start from all zeros ({ 0 }). */
struct wm_outcome_tally {
	int64_t paired;		/* two or more answers */
	int64_t improved, no_change, deteriorated;
	int64_t could_recover;	/* first answer on the clinical side of the cut-off */
	int64_t recovered;	/* of those: crossed it with reliable improvement */
	struct wm_moments change;	/* latest - first */
};

/* has_cutoff 0: recovery not counted. "Clinical side": below the cut-off
 * when higher is better, at or above it when lower is better; crossing
 * means the latest is on the other side. */
void wm_outcome_tally_add(struct wm_outcome_tally *t, double first,
    double latest, double threshold, int has_cutoff, double cutoff,
    int higher_is_better);

/* Mean and its 95% confidence interval (Student's t, n - 1 df); -1 when
 * n < 2. */
int wm_mean_ci95(const struct wm_moments *m, double *mean, double *lo,
    double *hi);

#endif
