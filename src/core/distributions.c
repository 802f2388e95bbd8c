/*
 * Distributions: see distributions.h.
 *
 * The incomplete beta function is its continued fraction (DLMF 8.17.22),
 * evaluated by the modified Lentz method, after the symmetry
 * I_x(a, b) = 1 - I_{1-x}(b, a) has put x on the side where the fraction
 * converges quickly (x < (a + 1) / (a + b + 2)): it then needs about
 * sqrt(max(a, b)) terms, a few thousand for a million people. The factor
 * in front is worked out in logarithms (see front()), so nothing
 * overflows and nothing is lost to cancellation.
 * Student's t and the binomial distribution are both special cases:
 * P(|T| > t) = I_{df / (df + t^2)}(df / 2, 1 / 2), and
 * P(X <= k) = I_{1-p}(n - k, k + 1) (DLMF 8.17.5 and 26.5.10 of
 * Abramowitz and Stegun). Quantiles are found by bisection, which cannot
 * fail on a monotone function and is fast enough for the handful a page
 * needs.
 */
#include "core/distributions.h"

#include <math.h>

#define CF_EPS 1e-15
#define CF_TINY 1e-300
#define CF_MAX_TERMS 200000

/* Lentz: the continued fraction of I_x(a, b), without its front factor. */
static double
beta_fraction(double a, double b, double x)
{
	double c = 1, d = 1 - (a + b) * x / (a + 1), h;
	int m;

	if (fabs(d) < CF_TINY)
		d = CF_TINY;
	d = 1 / d;
	h = d;
	for (m = 1; m <= CF_MAX_TERMS; m++) {
		double aa, del;
		int m2 = 2 * m;

		aa = m * (b - m) * x / ((a - 1 + m2) * (a + m2));
		d = 1 + aa * d;
		d = fabs(d) < CF_TINY ? 1 / CF_TINY : 1 / d;
		c = 1 + aa / c;
		if (fabs(c) < CF_TINY)
			c = CF_TINY;
		h *= d * c;
		aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1 + m2));
		d = 1 + aa * d;
		d = fabs(d) < CF_TINY ? 1 / CF_TINY : 1 / d;
		c = 1 + aa / c;
		if (fabs(c) < CF_TINY)
			c = CF_TINY;
		del = d * c;
		h *= del;
		if (fabs(del - 1) < CF_EPS)
			break;
	}
	return h;
}

/*
 * Stirling's error, log(m!) - log(sqrt(2 pi m) (m / e)^m), for real m > 0:
 * by its asymptotic series above 15, where five terms are exact to double
 * precision, and from lgamma below, where lgamma's values are small.
 */
static double
stirling_error(double m)
{
	static const double s0 = 1.0 / 12, s1 = 1.0 / 360, s2 = 1.0 / 1260,
	    s3 = 1.0 / 1680, s4 = 1.0 / 1188;
	double mm;
	int sign;

	if (m <= 15)
		return lgamma_r(m + 1, &sign) - (m + 0.5) * log(m) + m -
		    0.5 * log(2 * M_PI);
	mm = m * m;
	return (s0 - (s1 - (s2 - (s3 - s4 / mm) / mm) / mm) / mm) / m;
}

/* x log(x / np) + np - x, without the cancellation of its terms when x
 * is near np (Loader's series in v = (x - np) / (x + np)). */
static double
deviance(double x, double np)
{
	double v, s, ej, s1;
	int j;

	if (fabs(x - np) >= 0.1 * (x + np))
		return x * log(x / np) + np - x;
	v = (x - np) / (x + np);
	s = (x - np) * v;
	ej = 2 * x * v;
	v *= v;
	for (j = 1; j < 1000; j++) {
		ej *= v;
		s1 = s + ej / (2 * j + 1);
		if (s1 == s)
			break;
		s = s1;
	}
	return s;
}

/*
 * x^a y^b / B(a, b), with y = 1 - x given exactly by the caller. Written
 * out with lgamma, the logarithms of a million people's factorials (about
 * 1.3e7) would cancel down to a few units and take lgamma's rounding with
 * them; Loader's saddle-point form (C. Loader, "Fast and accurate
 * computation of binomial probabilities", 2000) cancels them exactly:
 * with n = a + b,
 *   x^a y^b / B(a, b) = sqrt(a b / (2 pi n)) exp(e(n) - e(a) - e(b)
 *       - deviance(a, n x) - deviance(b, n y)),
 * e being Stirling's error.
 */
static double
front(double a, double b, double x, double y)
{
	double n = a + b;

	return sqrt(a * b / (2 * M_PI * n)) * exp(stirling_error(n) -
	    stirling_error(a) - stirling_error(b) - deviance(a, n * x) -
	    deviance(b, n * y));
}

/* I_x(a, b), where y = 1 - x is passed in so that a caller who knows it
 * more exactly than 1 - x (a t-statistic, a tiny p) loses nothing. */
static double
beta_inc(double a, double b, double x, double y)
{
	if (x <= 0)
		return 0;
	if (y <= 0)
		return 1;
	if (x < (a + 1) / (a + b + 2))
		return front(a, b, x, y) * beta_fraction(a, b, x) / a;
	return 1 - front(b, a, y, x) * beta_fraction(b, a, y) / b;
}

double
wm_beta_inc2(double a, double b, double x, double y)
{
	if (!(a > 0) || !(b > 0) || !(x >= 0 && x <= 1) ||
	    !(y >= 0 && y <= 1))
		return NAN;
	return beta_inc(a, b, x, y);
}

double
wm_beta_inc(double a, double b, double x)
{
	return wm_beta_inc2(a, b, x, 1 - x);
}

double
wm_student_t_cdf(double t, double df)
{
	double t2 = t * t, tail;

	if (isnan(t) || !(df > 0))
		return NAN;
	if (t == 0)
		return 0.5;
	/* P(T > |t|) = I_x(df/2, 1/2) / 2 with x = df / (df + t^2). */
	tail = 0.5 * beta_inc(df / 2, 0.5, 1 / (1 + t2 / df),
	    1 / (1 + df / t2));
	return t > 0 ? 1 - tail : tail;
}

/* The x in [lo, hi] where a rising f crosses p, by bisection. */
static double
bisect(double (*f)(double, double), double arg, double p, double lo,
    double hi)
{
	int i;

	for (i = 0; i < 2000 && f(hi, arg) < p; i++) {
		lo = hi;
		hi *= 2;
	}
	for (i = 0; i < 400; i++) {
		double mid = lo + (hi - lo) / 2;

		if (mid <= lo || mid >= hi)
			break;
		if (f(mid, arg) < p)
			lo = mid;
		else
			hi = mid;
	}
	return lo + (hi - lo) / 2;
}

static double
normal_cdf(double z, double unused)
{
	(void)unused;
	return 0.5 * erfc(-z / sqrt(2.0));
}

double
wm_normal_quantile(double p)
{
	if (!(p > 0 && p < 1))
		return NAN;
	if (p < 0.5)
		return -wm_normal_quantile(1 - p);
	return bisect(normal_cdf, 0, p, 0, 1);
}

double
wm_student_t_quantile(double p, double df)
{
	if (!(p > 0 && p < 1) || !(df > 0))
		return NAN;
	if (p == 0.5)
		return 0;
	if (p < 0.5)
		return -wm_student_t_quantile(1 - p, df);
	/*
	 * With tens of millions of degrees of freedom lgamma's rounding
	 * would show; there the Cornish-Fisher expansion about the normal
	 * (Abramowitz and Stegun 26.7.5) is exact to double precision.
	 */
	if (df > 1e7) {
		double z = wm_normal_quantile(p), z2 = z * z;

		return z + z * (z2 + 1) / (4 * df) +
		    z * ((5 * z2 + 16) * z2 + 3) / (96 * df * df);
	}
	return bisect(wm_student_t_cdf, df, p, 0, 1);
}
