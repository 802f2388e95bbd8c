/*
 * Reliable change: see reliable_change.h. Jacobson, N. S. and Truax, P.
 * (1991), "Clinical significance: a statistical approach to defining
 * meaningful change in psychotherapy research", Journal of Consulting
 * and Clinical Psychology 59(1), 12-19: a change is reliable when it is
 * more than 1.96 standard errors of the difference, where that standard
 * error is sd * sqrt(2) * sqrt(1 - r). Cronbach, L. J. (1951), "Coefficient
 * alpha and the internal structure of tests", Psychometrika 16, 297-334.
 */
#include "core/reliable_change.h"

#include <math.h>

#include "core/distributions.h"

void
wm_moments_add(struct wm_moments *m, double x)
{
	m->n++;
	m->sum += x;
	m->sumsq += x * x;
}

double
wm_moments_mean(const struct wm_moments *m)
{
	return m->n > 0 ? m->sum / (double)m->n : 0;
}

/* The sample variance; a value that is rounding's remainder of nothing
 * (all answers the same) is 0. */
static int
variance(const struct wm_moments *m, double *var)
{
	double n = (double)m->n, v;

	*var = 0;
	if (m->n < 2)
		return -1;
	v = (m->sumsq - m->sum * m->sum / n) / (n - 1);
	if (v <= 1e-12 * (m->sumsq / n))
		v = 0;
	*var = v;
	return 0;
}

int
wm_moments_sd(const struct wm_moments *m, double *sd)
{
	double var;

	*sd = 0;
	if (variance(m, &var))
		return -1;
	*sd = sqrt(var);
	return 0;
}

/*
 * Waymark: "where an instrument declares no published reliability, it is
 * estimated from the network's own first answers as Cronbach's alpha,
 * and every figure that uses it says so"
 */
int
wm_cronbach_alpha(size_t k, const struct wm_moments *items,
    const struct wm_moments *total, double *alpha)
{
	double items_var = 0, total_var, v;
	size_t i;

	*alpha = 0;
	if (k < 2 || variance(total, &total_var) || total_var <= 0)
		return -1;
	for (i = 0; i < k; i++) {
		if (variance(&items[i], &v))
			return -1;
		items_var += v;
	}
	*alpha = (double)k / (double)(k - 1) * (1 - items_var / total_var);
	return 0;
}

/*
 * Waymark: "a reliability estimated from the network's own first answers
 * is used only when at least 30 complete first answers give it; with
 * fewer, no reliable change is published, and the figures say why and
 * how many there are"
 */
enum wm_estimate
wm_reliability_estimate(size_t k, const struct wm_moments *score,
    const struct wm_moments *items, const struct wm_moments *total,
    struct wm_reliability *out)
{
	double sd, alpha;

	out->sd = out->r = 0;
	out->estimated = 1;
	out->source = NULL;
	out->n_scores = score->n;
	out->n_complete = total->n;
	if (total->n < WM_ALPHA_MIN_ANSWERS)
		return WM_ESTIMATE_TOO_FEW;
	if (wm_moments_sd(score, &sd) || sd <= 0)
		return WM_ESTIMATE_NO_SPREAD;
	if (wm_cronbach_alpha(k, items, total, &alpha) || alpha <= 0 ||
	    alpha >= 1)
		return WM_ESTIMATE_UNUSABLE;
	out->sd = sd;
	out->r = alpha;
	return WM_ESTIMATE_MADE;
}

/*
 * Waymark: "a change counts as reliable when it is bigger than 1.96 x SD
 * x sqrt(2) x sqrt(1 - r), Jacobson and Truax's reliable change index"
 */
double
wm_reliable_threshold(double sd, double r)
{
	return 1.96 * sd * sqrt(2.0) * sqrt(1 - r);
}

/*
 * Waymark: "a person's change from their first answer to their latest is
 * reliable improvement or reliable deterioration only when it is bigger
 * than the threshold; a change exactly at it is no reliable change"
 */
enum wm_reliable
wm_reliable_change(double first, double latest, double threshold,
    int higher_is_better)
{
	double d = latest - first;

	if (!(fabs(d) > threshold))
		return WM_RELIABLE_NO_CHANGE;
	return (d > 0) == (higher_is_better != 0) ? WM_RELIABLE_IMPROVED :
	    WM_RELIABLE_DETERIORATED;
}

/* On the clinical side of the cut-off: below it when higher is better,
 * at or above it when lower is better. */
static int
clinical(double score, double cutoff, int higher_is_better)
{
	return higher_is_better ? score < cutoff : score >= cutoff;
}

/*
 * Newsletter: "How will we know that these ideas are actually effecting
 * people's lives?"
 * Waymark: "change is counted only for people with two or more answers,
 * first against latest, as reliable improvement, no reliable change or
 * reliable deterioration; reliable recovery is crossing the cut-off with
 * reliable improvement"
 */
void
wm_outcome_tally_add(struct wm_outcome_tally *t, double first,
    double latest, double threshold, int has_cutoff, double cutoff,
    int higher_is_better)
{
	enum wm_reliable r = wm_reliable_change(first, latest, threshold,
	    higher_is_better);

	t->paired++;
	if (r == WM_RELIABLE_IMPROVED)
		t->improved++;
	else if (r == WM_RELIABLE_DETERIORATED)
		t->deteriorated++;
	else
		t->no_change++;
	wm_moments_add(&t->change, latest - first);
	if (!has_cutoff || !clinical(first, cutoff, higher_is_better))
		return;
	t->could_recover++;
	if (r == WM_RELIABLE_IMPROVED &&
	    !clinical(latest, cutoff, higher_is_better))
		t->recovered++;
}

int
wm_mean_ci95(const struct wm_moments *m, double *mean, double *lo,
    double *hi)
{
	double sd, half;

	*mean = wm_moments_mean(m);
	*lo = *hi = *mean;
	if (wm_moments_sd(m, &sd))
		return -1;
	half = wm_student_t_quantile(0.975, (double)(m->n - 1)) * sd /
	    sqrt((double)m->n);
	*lo = *mean - half;
	*hi = *mean + half;
	return 0;
}
