/*
 * Tests for core/funnel: the binomial distribution (small n by hand, a
 * million by exact reference values), Spiegelhalter's exact limits with
 * interpolation to 6 decimal places, over-dispersion (a set of services
 * with phi > 1 and its tau2 worked by hand; a homogeneous set), the
 * Winsorising that keeps a few extreme services from widening everyone's
 * limits, the widened limits, and the edge cases: theta 0 or 1, no
 * services, one service.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>

#include "core/funnel.h"

#include "testutil.h"

static void
test_binomial(void **state)
{
	(void)state;
	/* By hand: P(X <= 3), n = 10, p = 0.3. */
	tu_assert_near(wm_binomial_cdf(10, 3, 0.3), 0.6496107184, 1e-10);
	tu_assert_near(wm_binomial_cdf(20, 10, 0.5), 0.5880985260009766,
	    1e-13);
	tu_assert_near(wm_binomial_cdf(5, 0, 0.5), 1.0 / 32, 1e-15);
	tu_assert_near(wm_binomial_cdf(5, 4, 0.5), 31.0 / 32, 1e-15);
	/* The ends. */
	tu_assert_near(wm_binomial_cdf(10, -1, 0.3), 0, 0);
	tu_assert_near(wm_binomial_cdf(10, 10, 0.3), 1, 0);
	tu_assert_near(wm_binomial_cdf(10, 12, 0.3), 1, 0);
	tu_assert_near(wm_binomial_cdf(10, 3, 0), 1, 0);
	tu_assert_near(wm_binomial_cdf(10, 3, 1), 0, 0);
	tu_assert_near(wm_binomial_cdf(0, 0, 0.4), 1, 0);
	/*
	 * A million, without overflow. At the middle, F = 1/2 + P(X = n/2)
	 * / 2, and P(X = n/2) = C(10^6, 5 x 10^5) / 2^(10^6) exactly; the
	 * others summed from an exact binomial coefficient, term by term.
	 */
	tu_assert_near(wm_binomial_cdf(1000000, 500000, 0.5),
	    0.5003989421806658, 1e-12);
	tu_assert_near(wm_binomial_cdf(1000000, 499000, 0.5),
	    0.02280414993269102, 1e-12);
	tu_assert_near(wm_binomial_cdf(1000000, 10, 1e-5),
	    0.5830397501940274, 1e-12);
	tu_assert_near(wm_binomial_cdf(1000000, 0, 1e-5),
	    exp(1000000 * log1p(-1e-5)), 1e-15);
}

/* The limits issue 10 gives, for theta = 0.5. */
static void
test_exact_limits(void **state)
{
	static const double prob[4] = { 0.001, 0.025, 0.975, 0.999 };
	static const struct {
		int64_t n;
		double limit[4];
	} t[] = {
		{ 20, { 0.136736, 0.255824, 0.694176, 0.813264 } },
		{ 100, { 0.341216, 0.396824, 0.593176, 0.648784 } },
	};
	size_t i, j;

	(void)state;
	for (i = 0; i < TU_NELEM(t); i++)
		for (j = 0; j < 4; j++)
			tu_assert_near(wm_funnel_exact_limit(0.5, t[i].n,
			    prob[j]), t[i].limit[j], 5e-7);
	/* About one half the interpolated limits are not quite symmetric:
	 * lower + upper = 1 - 1/n (above, 0.255824 + 0.694176 = 0.95 at
	 * n = 20). And they narrow as n grows. */
	tu_assert_near(wm_funnel_exact_limit(0.5, 57, 0.025) +
	    wm_funnel_exact_limit(0.5, 57, 0.975), 1 - 1.0 / 57, 1e-12);
	assert_true(wm_funnel_exact_limit(0.3, 1000, 0.999) <
	    wm_funnel_exact_limit(0.3, 100, 0.999));
	/* Near the normal approximation for a large n. */
	tu_assert_near(wm_funnel_exact_limit(0.3, 1000000, 0.975),
	    0.3 + 1.959964 * sqrt(0.21 / 1e6), 2e-6);
	/* Limits are proportions: clamped, and the line itself at 0, 1
	 * and for no one. */
	assert_true(wm_funnel_exact_limit(0.01, 5, 0.001) >= 0);
	tu_assert_near(wm_funnel_exact_limit(0, 50, 0.999), 0, 0);
	tu_assert_near(wm_funnel_exact_limit(1, 50, 0.001), 1, 0);
	tu_assert_near(wm_funnel_exact_limit(0.4, 0, 0.975), 0.4, 0);
}

static void
check_fit(const struct wm_funnel_unit *u, size_t n, int rc, double theta,
    double phi, int overdispersed, double tau2, size_t units)
{
	struct wm_funnel f;

	assert_int_equal(wm_funnel_fit(u, n, &f), rc);
	tu_assert_near(f.theta, theta, 1e-12);
	tu_assert_near(f.phi, phi, 1e-12);
	assert_int_equal(f.overdispersed, overdispersed);
	tu_assert_near(f.tau2, tau2, 1e-12);
	assert_int_equal(f.units, units);
}

/*
 * Four services of 100 people, 30, 50, 70 and 50 of them counted: theta
 * 0.5, each s = sqrt(0.25 / 100) = 0.05, z = -4, 0, 4, 0 and phi = 32 / 4
 * = 8. With w = 1 / s^2 = 400 each, sum w = 1600 and sum w^2 / sum w =
 * 400, so tau2 = (4 x 8 - 3) / (1600 - 400) = 29 / 1200.
 */
static void
test_overdispersed(void **state)
{
	static const struct wm_funnel_unit u[] = {
		{ 100, 30 }, { 100, 50 }, { 100, 70 }, { 100, 50 },
	};
	struct wm_funnel f;
	struct wm_funnel_limits l;
	double s = sqrt(0.25 / 100 + 29.0 / 1200);

	(void)state;
	check_fit(u, 4, 0, 0.5, 8, 1, 29.0 / 1200, 4);
	assert_int_equal(wm_funnel_fit(u, 4, &f), 0);
	/* Widened: theta +- z sqrt(theta (1 - theta) / n + tau2). */
	wm_funnel_limits_at(&f, 100, &l);
	tu_assert_near(l.lo95, 0.5 - 1.959964 * s, 1e-6);
	tu_assert_near(l.hi95, 0.5 + 1.959964 * s, 1e-6);
	tu_assert_near(l.hi95, 0.820061, 1e-6);
	/* 0.5 +- 3.090232 x 0.1633 goes past 0 and 1: clamped. */
	tu_assert_near(l.lo998, 0, 0);
	tu_assert_near(l.hi998, 1, 0);
	wm_funnel_limits_at(&f, 400, &l);
	tu_assert_near(l.lo998, 0.5 - 3.090232 * sqrt(0.25 / 400 +
	    29.0 / 1200), 1e-6);
	/* So a service at 70% is within, where the exact limits put it far
	 * above. */
	assert_int_equal(wm_funnel_place_of(&f, &u[2]), WM_FUNNEL_WITHIN);
	f.overdispersed = 0;
	assert_int_equal(wm_funnel_place_of(&f, &u[2]), WM_FUNNEL_ABOVE);
	assert_int_equal(wm_funnel_place_of(&f, &u[0]), WM_FUNNEL_BELOW);
}

/* Services that differ no more than chance: phi <= 1, exact limits. */
static void
test_homogeneous(void **state)
{
	static const struct wm_funnel_unit same[] = {
		{ 100, 50 }, { 100, 52 }, { 100, 48 }, { 100, 51 }, { 100, 49 },
	};
	static const struct wm_funnel_unit identical[] = {
		{ 40, 10 }, { 80, 20 }, { 20, 5 },
	};
	struct wm_funnel f;
	struct wm_funnel_limits l;

	(void)state;
	/* z = 0, 0.4, -0.4, 0.2, -0.2: phi = 0.4 / 5. */
	check_fit(same, 5, 0, 0.5, 0.08, 0, 0, 5);
	check_fit(identical, 3, 0, 0.25, 0, 0, 0, 3);
	assert_int_equal(wm_funnel_fit(same, 5, &f), 0);
	wm_funnel_limits_at(&f, 100, &l);
	tu_assert_near(l.lo998, 0.341216, 5e-7);
	tu_assert_near(l.lo95, 0.396824, 5e-7);
	tu_assert_near(l.hi95, 0.593176, 5e-7);
	tu_assert_near(l.hi998, 0.648784, 5e-7);
	assert_int_equal(wm_funnel_place_of(&f, &same[1]), WM_FUNNEL_WITHIN);
}

/*
 * Ten services of 100 with theta 0.5: z = (x - 50) / 5 = -6, -1, -0.4,
 * -0.2, 0, 0, 0.2, 0.4, 1, 6. Winsorising pulls the lowest one (-6) up
 * to -1 and the highest (6) down to 1, so phi = (1 + 1 + 0.16 + 0.04 +
 * 0.04 + 0.16 + 1 + 1) / 10 = 0.44: two outliers alone do not widen the
 * others' limits (unwinsorised, phi would be 7.44).
 */
static void
test_winsorised(void **state)
{
	static const struct wm_funnel_unit u[] = {
		{ 100, 20 }, { 100, 45 }, { 100, 48 }, { 100, 49 },
		{ 100, 50 }, { 100, 50 }, { 100, 51 }, { 100, 52 },
		{ 100, 55 }, { 100, 80 },
	};
	/* Twenty: the two lowest and two highest pulled in. z = -8, -7,
	 * then -1 to -0.3 and 0.3 to 1 by 0.1 (16 of them), then 7, 8. */
	struct wm_funnel_unit v[20];
	struct wm_funnel f;
	double phi = 0;
	size_t i;

	(void)state;
	check_fit(u, 10, 0, 0.5, 0.44, 0, 0, 10);
	assert_int_equal(wm_funnel_fit(u, 10, &f), 0);
	/* The outliers are still outside the exact limits. */
	assert_int_equal(wm_funnel_place_of(&f, &u[9]), WM_FUNNEL_ABOVE);
	assert_int_equal(wm_funnel_place_of(&f, &u[0]), WM_FUNNEL_BELOW);
	assert_int_equal(wm_funnel_place_of(&f, &u[5]), WM_FUNNEL_WITHIN);

	/* n = 1600, so s = 0.0125 and z = (x - 800) / 20. */
	v[0] = (struct wm_funnel_unit){ 1600, 800 - 160 };
	v[1] = (struct wm_funnel_unit){ 1600, 800 - 140 };
	v[18] = (struct wm_funnel_unit){ 1600, 800 + 140 };
	v[19] = (struct wm_funnel_unit){ 1600, 800 + 160 };
	for (i = 0; i < 16; i++) {
		/* In counts: -20, -18 ... -6, then 6, 8 ... 20. */
		int64_t d = (int64_t)i < 8 ? -20 + 2 * (int64_t)i :
		    20 - 2 * (int64_t)(15 - i);

		v[2 + i] = (struct wm_funnel_unit){ 1600, 800 + d };
		phi += ((double)d / 20) * ((double)d / 20);
	}
	/* The two pulled in at each end take their neighbour's z: +-1
	 * (x = 780 and 820 are the 3rd and 18th values). */
	phi = (phi + 4 * 1.0) / 20;
	check_fit(v, 20, 0, 0.5, phi, 0, 0, 20);
}

static void
test_edges(void **state)
{
	static const struct wm_funnel_unit empty[] = { { 0, 0 }, { 0, 0 } };
	static const struct wm_funnel_unit zero[] = { { 30, 0 }, { 12, 0 } };
	static const struct wm_funnel_unit all[] = { { 30, 30 }, { 12, 12 } };
	static const struct wm_funnel_unit one[] = { { 25, 10 } };
	static const struct wm_funnel_unit mixed[] = { { 0, 0 }, { 25, 10 },
	    { 0, 0 }, { 75, 30 } };
	struct wm_funnel f;
	struct wm_funnel_limits l;
	const struct wm_funnel_unit nobody = { 0, 0 };

	(void)state;
	/* No services with anyone: no fit, the defaults. */
	check_fit(NULL, 0, -1, 0, 1, 0, 0, 0);
	check_fit(empty, 2, -1, 0, 1, 0, 0, 0);
	/* theta 0 or 1: no z-scores; the limits are the line itself. */
	check_fit(zero, 2, -1, 0, 1, 0, 0, 2);
	check_fit(all, 2, -1, 1, 1, 0, 0, 2);
	assert_int_equal(wm_funnel_fit(all, 2, &f), -1);
	wm_funnel_limits_at(&f, 30, &l);
	tu_assert_near(l.lo998, 1, 0);
	tu_assert_near(l.hi95, 1, 0);
	assert_int_equal(wm_funnel_place_of(&f, &all[0]), WM_FUNNEL_WITHIN);
	/* One service: it is the line. */
	check_fit(one, 1, 0, 0.4, 0, 0, 0, 1);
	/* Services with no one are left out of the fit. */
	check_fit(mixed, 4, 0, 0.4, 0, 0, 0, 2);
	assert_int_equal(wm_funnel_fit(mixed, 4, &f), 0);
	assert_int_equal(wm_funnel_place_of(&f, &nobody), WM_FUNNEL_WITHIN);
	wm_funnel_limits_at(&f, 0, &l);
	tu_assert_near(l.lo998, 0.4, 0);
	tu_assert_near(l.hi998, 0.4, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_binomial),
		cmocka_unit_test(test_exact_limits),
		cmocka_unit_test(test_overdispersed),
		cmocka_unit_test(test_homogeneous),
		cmocka_unit_test(test_winsorised),
		cmocka_unit_test(test_edges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
