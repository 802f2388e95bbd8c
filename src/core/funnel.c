/*
 * Funnel limits and over-dispersion: see funnel.h. The exact limits are
 * Spiegelhalter's (2005, appendix A.1.1) for a proportion: the binomial
 * quantile, interpolated between counts so that the limits are smooth
 * in n. Over-dispersion follows the same paper (section 6): z-scores
 * against the network's proportion, Winsorised at 10% and 90% so that a
 * few extreme services do not widen everyone's limits, phi their mean
 * square, and when phi > 1 an additive random effect tau2 estimated by
 * the method of moments (DerSimonian and Laird).
 */
#include "core/funnel.h"

#include <math.h>

#include "core/distributions.h"

double
wm_binomial_cdf(int64_t n, int64_t k, double p)
{
	if (k < 0)
		return 0;
	if (k >= n || p <= 0)
		return 1;
	if (p >= 1)
		return 0;
	/* P(X <= k) = I_{1-p}(n - k, k + 1). */
	return wm_beta_inc2((double)(n - k), (double)(k + 1), 1 - p, p);
}

static double
clamp01(double v)
{
	return v < 0 ? 0 : v > 1 ? 1 : v;
}

/*
 * Waymark: "funnel limits are the exact binomial limits with
 * interpolation around the network's proportion (Spiegelhalter, 2005),
 * so services are compared with what chance allows, never ranked"
 */
double
wm_funnel_exact_limit(double theta, int64_t n, double prob)
{
	int64_t lo = 0, hi = n, r;
	double fr, fr1;

	if (n <= 0 || !(theta > 0 && theta < 1))
		return clamp01(theta);
	/* The smallest r with F(r) >= prob; F(n) = 1 >= prob. */
	while (lo < hi) {
		int64_t mid = lo + (hi - lo) / 2;

		if (wm_binomial_cdf(n, mid, theta) >= prob)
			hi = mid;
		else
			lo = mid + 1;
	}
	r = lo;
	fr = wm_binomial_cdf(n, r, theta);
	fr1 = wm_binomial_cdf(n, r - 1, theta);
	return clamp01(((double)r - (fr - prob) / (fr - fr1)) / (double)n);
}

static double
z_score(const struct wm_funnel_unit *u, double theta)
{
	double n = (double)u->n;

	return ((double)u->x / n - theta) / sqrt(theta * (1 - theta) / n);
}

/* The m-th smallest z-score (from 0) of the units with n > 0, counted in
 * place rather than sorted, so that nothing is allocated: O(k^2), a few
 * million steps for a thousand services. */
static double
nth_z(const struct wm_funnel_unit *u, size_t n, double theta, size_t m)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		size_t less = 0, same = 0;
		double zi;

		if (u[i].n <= 0)
			continue;
		zi = z_score(&u[i], theta);
		for (j = 0; j < n; j++) {
			double zj;

			if (u[j].n <= 0)
				continue;
			zj = z_score(&u[j], theta);
			less += zj < zi;
			same += zj == zi;
		}
		if (less <= m && m < less + same)
			return zi;
	}
	return 0;	/* not reached: some z is the m-th */
}

/* phi: the mean squared z-score, the lowest and highest floor(k / 10)
 * pulled in to their neighbours (which is what clamping to those
 * neighbours does). */
static double
winsorised_phi(const struct wm_funnel_unit *u, size_t n, double theta,
    size_t k)
{
	size_t q = k / 10, i;
	double lo = -INFINITY, hi = INFINITY, sum = 0;

	if (q > 0) {
		lo = nth_z(u, n, theta, q);
		hi = nth_z(u, n, theta, k - 1 - q);
	}
	for (i = 0; i < n; i++) {
		double z;

		if (u[i].n <= 0)
			continue;
		z = z_score(&u[i], theta);
		z = z < lo ? lo : z > hi ? hi : z;
		sum += z * z;
	}
	return sum / (double)k;
}

/* DerSimonian and Laird's tau2 from phi, with w_i = 1 / s_i^2. */
static double
random_effect(const struct wm_funnel_unit *u, size_t n, double theta,
    size_t k, double phi)
{
	double sw = 0, sw2 = 0, den;
	size_t i;

	for (i = 0; i < n; i++) {
		double w;

		if (u[i].n <= 0)
			continue;
		w = (double)u[i].n / (theta * (1 - theta));
		sw += w;
		sw2 += w * w;
	}
	den = sw - sw2 / sw;
	if (!(den > 0))
		return 0;
	return fmax(0, ((double)k * phi - (double)(k - 1)) / den);
}

/*
 * Waymark: "when services vary more than chance allows (the mean squared
 * Winsorised z-score above 1), the funnel limits are widened by an
 * additive random effect, and the chart says so"
 */
int
wm_funnel_fit(const struct wm_funnel_unit *u, size_t n,
    struct wm_funnel *out)
{
	double sum_n = 0, sum_x = 0;
	size_t i, k = 0;

	out->theta = 0;
	out->phi = 1;
	out->tau2 = 0;
	out->overdispersed = 0;
	for (i = 0; i < n; i++)
		if (u[i].n > 0) {
			sum_n += (double)u[i].n;
			sum_x += (double)u[i].x;
			k++;
		}
	out->units = k;
	if (k == 0)
		return -1;
	out->theta = sum_x / sum_n;
	if (!(out->theta > 0 && out->theta < 1))
		return -1;
	out->phi = winsorised_phi(u, n, out->theta, k);
	if (out->phi > 1) {
		out->overdispersed = 1;
		out->tau2 = random_effect(u, n, out->theta, k, out->phi);
	}
	return 0;
}

void
wm_funnel_limits_at(const struct wm_funnel *f, int64_t n,
    struct wm_funnel_limits *out)
{
	double t = f->theta, s, z95, z998;

	if (n <= 0 || !(t > 0 && t < 1)) {
		out->lo998 = out->lo95 = out->hi95 = out->hi998 = clamp01(t);
		return;
	}
	if (!f->overdispersed) {
		out->lo998 = wm_funnel_exact_limit(t, n, 0.001);
		out->lo95 = wm_funnel_exact_limit(t, n, 0.025);
		out->hi95 = wm_funnel_exact_limit(t, n, 0.975);
		out->hi998 = wm_funnel_exact_limit(t, n, 0.999);
		return;
	}
	s = sqrt(t * (1 - t) / (double)n + f->tau2);
	z95 = wm_normal_quantile(0.975);
	z998 = wm_normal_quantile(0.999);
	out->lo998 = clamp01(t - z998 * s);
	out->lo95 = clamp01(t - z95 * s);
	out->hi95 = clamp01(t + z95 * s);
	out->hi998 = clamp01(t + z998 * s);
}

/*
 * Waymark: "a service is named beside the funnel plot only when it lies
 * outside the 99.8% limits; nowhere is there a ranking"
 */
enum wm_funnel_place
wm_funnel_place_of(const struct wm_funnel *f, const struct wm_funnel_unit *u)
{
	struct wm_funnel_limits l;
	double y;

	if (u->n <= 0)
		return WM_FUNNEL_WITHIN;
	wm_funnel_limits_at(f, u->n, &l);
	y = (double)u->x / (double)u->n;
	if (y > l.hi998)
		return WM_FUNNEL_ABOVE;
	if (y < l.lo998)
		return WM_FUNNEL_BELOW;
	return WM_FUNNEL_WITHIN;
}
