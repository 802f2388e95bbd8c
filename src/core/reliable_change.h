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
	int64_t n_scores;	/* first scores the SD rests on */
	int64_t n_complete;	/* complete first answers (every item of the
				 * scale answered) alpha rests on */
	const char *source;	/* the published source; NULL if estimated */
};

/*
 * The fewest complete first answers (every item of the scale answered)
 * Waymark estimates a scale's reliability from. Cronbach's alpha from a
 * handful of people swings widely from one sample to the next, and the
 * threshold built on it with it, so a few early answers could call any
 * change reliable or none. 30 is the usual rule of thumb for the
 * smallest sample that gives a stable alpha: Yurdugul, H. (2008),
 * "Minimum sample size for Cronbach's coefficient alpha: a Monte-Carlo
 * study", Hacettepe University Journal of Education 35, 397-405, finds
 * 30 enough when the items hang together strongly (and more needed when
 * they do not); Bujang, M. A., Omar, E. D. and Baharum, N. A. (2018), "A
 * review on sample size determination for Cronbach's alpha test",
 * Malaysian Journal of Medical Sciences 25(6), 85-99, reaches the same
 * order for an alpha of 0.7. Below it no threshold is published, and
 * every page says why and how many there are.
 */
#define WM_ALPHA_MIN_ANSWERS 30

/* Whether the first answers give an estimate, and if not, why not. */
enum wm_estimate {
	WM_ESTIMATE_MADE,
	WM_ESTIMATE_TOO_FEW,	/* fewer complete first answers than
				 * WM_ALPHA_MIN_ANSWERS */
	WM_ESTIMATE_NO_SPREAD,	/* the first scores do not vary */
	WM_ESTIMATE_UNUSABLE,	/* alpha cannot be worked out, or is not
				 * between 0 and 1 */
};

/*
 * Estimates a scale's SD and reliability from the network's first
 * answers: `score`, every first answer's scale score (the SD's), and
 * over the complete first answers each of the k items' moments and
 * their total's (alpha's). Fills *out (estimated, n_scores, n_complete
 * always; sd and r when made) and says whether the estimate was made.
 */
enum wm_estimate wm_reliability_estimate(size_t k,
    const struct wm_moments *score, const struct wm_moments *items,
    const struct wm_moments *total, struct wm_reliability *out);

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
