/*
 * Funnel plots for comparing services without ranking them: Spiegelhalter,
 * D. J. (2005), "Funnel plots for comparing institutional performance",
 * Statistics in Medicine 24, 1185-1202. Each service is a point at (its
 * denominator, its proportion); the network's proportion is the line;
 * 95% and 99.8% control limits come from the exact binomial distribution
 * with interpolation, widened by an additive random effect when the
 * services vary more than chance allows (over-dispersion). Pure functions;
 * nothing allocates.
 */
#ifndef WM_CORE_FUNNEL_H
#define WM_CORE_FUNNEL_H

#include <stddef.h>
#include <stdint.h>

double wm_binomial_cdf(int64_t n, int64_t k, double p);	/* P(X <= k) */

/* The exact binomial limit with interpolation at probability `prob`
 * (0.001, 0.025, 0.975, 0.999) for a proportion theta and denominator n:
 * r = the smallest count with F(r) >= prob; alpha = (F(r) - prob) /
 * (F(r) - F(r - 1)); limit = (r - alpha) / n. For theta = 0.5: n = 20 ->
 * 0.136736, 0.255824, 0.694176, 0.813264; n = 100 -> 0.341216, 0.396824,
 * 0.593176, 0.648784 (these go in the unit tests). The limit is clamped
 * to [0, 1]; theta 0 or 1, or n <= 0, gives theta itself. */
double wm_funnel_exact_limit(double theta, int64_t n, double prob);

struct wm_funnel_unit { int64_t n, x; };	/* denominator, count */
struct wm_funnel {
	double theta;		/* sum x / sum n */
	double phi;		/* mean of squared Winsorised z-scores */
	double tau2;		/* additive random-effect variance; 0 unless
				 * overdispersed */
	int overdispersed;	/* phi > 1: limits widened */
	size_t units;
};

/* Units with n > 0 only. z_i = (y_i - theta) / sqrt(theta(1 - theta)/n_i);
 * Winsorise: sort the z, the lowest floor(0.1 k) set to the next value up,
 * the highest floor(0.1 k) to the next value down; phi = mean z^2. If
 * phi > 1: w_i = 1 / s_i^2, tau2 = max(0, (k phi - (k - 1)) /
 * (sum w - sum w^2 / sum w)). -1 when no unit has n > 0, or theta is 0 or 1
 * (then no z exists: phi = 1, tau2 = 0, overdispersed 0, and limits are
 * the line itself). */
int wm_funnel_fit(const struct wm_funnel_unit *u, size_t n,
    struct wm_funnel *out);

struct wm_funnel_limits { double lo998, lo95, hi95, hi998; };
/* Exact binomial limits; when overdispersed, theta +- z_p sqrt(theta(1 -
 * theta)/n + tau2) (z 1.959964, 3.090232), clamped to [0, 1]. */
void wm_funnel_limits_at(const struct wm_funnel *f, int64_t n,
    struct wm_funnel_limits *out);

enum wm_funnel_place { WM_FUNNEL_WITHIN, WM_FUNNEL_ABOVE, WM_FUNNEL_BELOW };
/* Against the 99.8% limits (strictly outside them); a unit with n <= 0
 * is within. */
enum wm_funnel_place wm_funnel_place_of(const struct wm_funnel *f,
    const struct wm_funnel_unit *u);

#endif
