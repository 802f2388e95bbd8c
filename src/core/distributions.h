/*
 * The probability distributions behind the network's statistics: the
 * regularised incomplete beta function, from which both the binomial
 * distribution (funnel limits, core/funnel.h) and Student's t (confidence
 * intervals, core/reliable_change.h) are worked out. Pure functions of
 * their arguments; thread-safe (no lgamma global).
 */
#ifndef WM_CORE_DISTRIBUTIONS_H
#define WM_CORE_DISTRIBUTIONS_H

/* I_x(a, b) for a, b > 0 and 0 <= x <= 1: the regularised incomplete
 * beta function, to about 1e-13 relative for the a and b a network meets
 * (up to a few million). NaN for arguments outside those ranges. */
double wm_beta_inc(double a, double b, double x);
/* The same, with y = 1 - x given by a caller who knows it more exactly
 * than 1 - x would be (a tiny probability p as x = 1 - p, y = p). */
double wm_beta_inc2(double a, double b, double x, double y);

/* P(T <= t) for Student's t with df > 0 degrees of freedom. */
double wm_student_t_cdf(double t, double df);

/* The t with P(T <= t) = p, for 0 < p < 1 and df > 0; NaN otherwise. */
double wm_student_t_quantile(double p, double df);

/* The standard normal's quantile, for 0 < p < 1; NaN otherwise. */
double wm_normal_quantile(double p);

#endif
