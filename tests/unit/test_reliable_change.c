/*
 * Tests for core/reliable_change and the distributions under it: running
 * moments, Cronbach's alpha on a hand-worked example, the Jacobson and
 * Truax threshold and classification (a change exactly at the threshold
 * is no change), reliable recovery across a cut-off in both directions,
 * Student's t quantiles against published tables, and the mean's 95%
 * confidence interval.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>

#include "core/distributions.h"
#include "core/reliable_change.h"

#include "testutil.h"

static void
test_moments(void **state)
{
	struct wm_moments m = { 0, 0, 0 };
	double sd = -1;
	int i;

	(void)state;
	tu_assert_near(wm_moments_mean(&m), 0, 0);
	assert_int_equal(wm_moments_sd(&m, &sd), -1);
	wm_moments_add(&m, 3);
	assert_int_equal(wm_moments_sd(&m, &sd), -1);
	for (i = 1; i <= 4; i++)
		wm_moments_add(&m, i);	/* 3, then 1, 2, 3, 4 */
	assert_int_equal(m.n, 5);
	tu_assert_near(wm_moments_mean(&m), 13.0 / 5, 1e-12);
	/* Sum of squared deviations: 0.16 + 2.56 + 0.36 + 0.16 + 1.96. */
	assert_int_equal(wm_moments_sd(&m, &sd), 0);
	tu_assert_near(sd, sqrt(5.2 / 4), 1e-12);
	/* All the same: no spread, not rounding's remainder of it. */
	m = (struct wm_moments){ 0, 0, 0 };
	for (i = 0; i < 1000; i++)
		wm_moments_add(&m, 3.7);
	assert_int_equal(wm_moments_sd(&m, &sd), 0);
	tu_assert_near(sd, 0, 0);
}

/*
 * Four people, three items (by hand):
 *   person   items    total
 *   1        1 1 2     4
 *   2        2 2 2     6
 *   3        3 3 4    10
 *   4        4 3 4    11
 * Item variances 5/3, 11/12 and 4/3 (sum 47/12); the total's 131/12.
 * alpha = 3/2 * (1 - 47/131) = 126/131.
 */
static void
test_alpha(void **state)
{
	static const double items[4][3] = {
		{ 1, 1, 2 }, { 2, 2, 2 }, { 3, 3, 4 }, { 4, 3, 4 },
	};
	struct wm_moments it[3] = { { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 } };
	struct wm_moments total = { 0, 0, 0 }, flat = { 0, 0, 0 };
	double alpha = -9;
	size_t p, k;

	(void)state;
	for (p = 0; p < 4; p++) {
		double sum = 0;

		for (k = 0; k < 3; k++) {
			wm_moments_add(&it[k], items[p][k]);
			sum += items[p][k];
		}
		wm_moments_add(&total, sum);
		wm_moments_add(&flat, 5);
	}
	assert_int_equal(wm_cronbach_alpha(3, it, &total, &alpha), 0);
	tu_assert_near(alpha, 126.0 / 131.0, 1e-12);
	/* Fewer than two items, no spread in the total, one person. */
	assert_int_equal(wm_cronbach_alpha(1, it, &total, &alpha), -1);
	assert_int_equal(wm_cronbach_alpha(3, it, &flat, &alpha), -1);
	total = (struct wm_moments){ 0, 0, 0 };
	wm_moments_add(&total, 4);
	assert_int_equal(wm_cronbach_alpha(3, it, &total, &alpha), -1);
}

/* n people's complete first answers to three items that agree (each
 * person's items near their own level), with `extra` more first scores
 * from answers that missed an item: the moments the store keeps. */
static void
first_answers(int n, int extra, struct wm_moments *score,
    struct wm_moments items[3], struct wm_moments *total)
{
	int p, k;

	*score = *total = (struct wm_moments){ 0, 0, 0 };
	for (k = 0; k < 3; k++)
		items[k] = (struct wm_moments){ 0, 0, 0 };
	for (p = 0; p < n; p++) {
		double level = 1 + p % 5, sum = 0;

		for (k = 0; k < 3; k++) {
			double v = level + ((p + k) % 3 == 0 ? 0.5 : 0);

			wm_moments_add(&items[k], v);
			sum += v;
		}
		wm_moments_add(total, sum);
		wm_moments_add(score, sum / 3);
	}
	for (p = 0; p < extra; p++)
		wm_moments_add(score, 1 + p % 4);
}

/* An estimate of reliability needs WM_ALPHA_MIN_ANSWERS complete first
 * answers: 29 are too few, however many first scores there are; 30 are
 * enough. Its counts keep alpha's and the SD's apart. */
static void
test_estimate_minimum(void **state)
{
	struct wm_moments score, items[3], total, flat;
	struct wm_reliability rel;
	double alpha, sd;
	int i;

	(void)state;
	assert_int_equal(WM_ALPHA_MIN_ANSWERS, 30);
	first_answers(29, 40, &score, items, &total);
	assert_int_equal(wm_reliability_estimate(3, &score, items, &total,
	    &rel), WM_ESTIMATE_TOO_FEW);
	assert_true(rel.estimated);
	assert_int_equal(rel.n_complete, 29);
	assert_int_equal(rel.n_scores, 69);
	tu_assert_near(rel.r, 0, 0);
	/* Alpha itself could be worked out from 29: the minimum is the
	 * rule, not the arithmetic. */
	assert_int_equal(wm_cronbach_alpha(3, items, &total, &alpha), 0);

	first_answers(30, 5, &score, items, &total);
	assert_int_equal(wm_reliability_estimate(3, &score, items, &total,
	    &rel), WM_ESTIMATE_MADE);
	assert_int_equal(rel.n_complete, 30);
	assert_int_equal(rel.n_scores, 35);
	assert_int_equal(wm_cronbach_alpha(3, items, &total, &alpha), 0);
	assert_int_equal(wm_moments_sd(&score, &sd), 0);
	tu_assert_near(rel.r, alpha, 1e-12);
	tu_assert_near(rel.sd, sd, 1e-12);
	assert_true(rel.r > 0 && rel.r < 1);
	assert_null(rel.source);

	/* Enough answers, but every first score the same: no spread. */
	flat = (struct wm_moments){ 0, 0, 0 };
	for (i = 0; i < 40; i++)
		wm_moments_add(&flat, 3);
	assert_int_equal(wm_reliability_estimate(3, &flat, items, &total,
	    &rel), WM_ESTIMATE_NO_SPREAD);
	/* Enough answers, but items with no spread of their own beside a
	 * total that has some: alpha above 1, no usable estimate. */
	first_answers(30, 0, &score, items, &total);
	for (i = 0; i < 3; i++) {
		items[i] = (struct wm_moments){ 0, 0, 0 };
		while (items[i].n < 30)
			wm_moments_add(&items[i], 2);
	}
	assert_int_equal(wm_reliability_estimate(3, &score, items, &total,
	    &rel), WM_ESTIMATE_UNUSABLE);
}

static void
test_threshold(void **state)
{
	(void)state;
	/* 1.96 x 1 x sqrt(2) x sqrt(0.25) */
	tu_assert_near(wm_reliable_threshold(1, 0.75), 1.385929291125633,
	    1e-12);
	tu_assert_near(wm_reliable_threshold(0.8, 0), 1.96 * 0.8 *
	    sqrt(2.0), 1e-12);
	tu_assert_near(wm_reliable_threshold(2, 1), 0, 0);
}

static void
test_classify(void **state)
{
	static const struct {
		double first, latest, threshold;
		int higher_is_better;
		enum wm_reliable want;
	} t[] = {
		{ 2, 3, 1, 1, WM_RELIABLE_NO_CHANGE },	/* exactly at it */
		{ 3, 2, 1, 1, WM_RELIABLE_NO_CHANGE },
		{ 2, 3.0001, 1, 1, WM_RELIABLE_IMPROVED },
		{ 3.0001, 2, 1, 1, WM_RELIABLE_DETERIORATED },
		{ 2, 2.9999, 1, 1, WM_RELIABLE_NO_CHANGE },
		{ 4, 4, 0, 1, WM_RELIABLE_NO_CHANGE },
		{ 4, 4.5, 0, 1, WM_RELIABLE_IMPROVED },
		/* Lower is better: a fall is an improvement. */
		{ 20, 12, 5, 0, WM_RELIABLE_IMPROVED },
		{ 12, 20, 5, 0, WM_RELIABLE_DETERIORATED },
		{ 20, 15, 5, 0, WM_RELIABLE_NO_CHANGE },
	};
	double thr = wm_reliable_threshold(0.7, 0.8);
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(t); i++)
		assert_int_equal(wm_reliable_change(t[i].first, t[i].latest,
		    t[i].threshold, t[i].higher_is_better), t[i].want);
	/* At a worked-out threshold, too. */
	assert_int_equal(wm_reliable_change(1.5, 1.5 + thr, thr, 1),
	    WM_RELIABLE_NO_CHANGE);
	assert_int_equal(wm_reliable_change(1.5, 1.5 + thr * 1.000001, thr,
	    1), WM_RELIABLE_IMPROVED);
}

static void
test_tally(void **state)
{
	struct wm_outcome_tally t = { 0 }, lower = { 0 }, none = { 0 };
	double mean, lo, hi;

	(void)state;
	/* Higher is better, cut-off 3, threshold 1. */
	wm_outcome_tally_add(&t, 2.0, 3.5, 1, 1, 3, 1);	/* recovered */
	wm_outcome_tally_add(&t, 2.0, 2.5, 1, 1, 3, 1);	/* same */
	wm_outcome_tally_add(&t, 4.0, 2.0, 1, 1, 3, 1);	/* worse */
	wm_outcome_tally_add(&t, 2.5, 3.5, 1, 1, 3, 1);	/* crosses, not
							 * reliably */
	wm_outcome_tally_add(&t, 1.0, 2.9, 1, 1, 3, 1);	/* better, below */
	assert_int_equal(t.paired, 5);
	assert_int_equal(t.improved, 2);
	assert_int_equal(t.no_change, 2);
	assert_int_equal(t.deteriorated, 1);
	assert_int_equal(t.could_recover, 4);
	assert_int_equal(t.recovered, 1);
	assert_int_equal(t.change.n, 5);
	tu_assert_near(t.change.sum, 2.9, 1e-12);
	assert_int_equal(wm_mean_ci95(&t.change, &mean, &lo, &hi), 0);
	tu_assert_near(mean, 0.58, 1e-12);

	/* Lower is better, cut-off 10, threshold 3: at 10 is on the
	 * clinical side, and recovery is falling below it reliably. */
	wm_outcome_tally_add(&lower, 12, 8, 3, 1, 10, 0);	/* recovered */
	wm_outcome_tally_add(&lower, 10, 9, 3, 1, 10, 0);	/* same */
	wm_outcome_tally_add(&lower, 14, 10, 3, 1, 10, 0);	/* better, at */
	wm_outcome_tally_add(&lower, 9, 2, 3, 1, 10, 0);	/* not clinical */
	assert_int_equal(lower.paired, 4);
	assert_int_equal(lower.improved, 3);
	assert_int_equal(lower.could_recover, 3);
	assert_int_equal(lower.recovered, 1);

	/* Without a cut-off no one is counted for recovery. */
	wm_outcome_tally_add(&none, 1, 5, 1, 0, 3, 1);
	assert_int_equal(none.improved, 1);
	assert_int_equal(none.could_recover, 0);
	assert_int_equal(none.recovered, 0);
}

/* Student's t at 97.5%, against published tables, and its cdf. */
static void
test_student_t(void **state)
{
	static const struct {
		double df, t;
	} q[] = {
		{ 1, 12.706204736174698 }, { 2, 4.302652729749464 },
		{ 3, 3.182446305284263 }, { 4, 2.7764451051977934 },
		{ 10, 2.2281388519862744 }, { 30, 2.0422724563012373 },
		{ 100, 1.9839715184496334 }, { 1e6, 1.9599663568141 },
		{ 1e9, 1.9599639869123 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(q); i++) {
		double t = wm_student_t_quantile(0.975, q[i].df);

		tu_assert_near(t, q[i].t, 1e-8);
		tu_assert_near(wm_student_t_quantile(0.025, q[i].df), -t,
		    1e-12);
	}
	/* The figures as usually printed. */
	tu_assert_near(wm_student_t_quantile(0.975, 1), 12.7062, 5e-5);
	tu_assert_near(wm_student_t_quantile(0.975, 4), 2.7764, 5e-5);
	tu_assert_near(wm_student_t_quantile(0.975, 10), 2.2281, 5e-5);
	tu_assert_near(wm_student_t_quantile(0.975, 30), 2.0423, 5e-5);
	tu_assert_near(wm_student_t_quantile(0.975, 1e7), 1.96, 5e-5);
	tu_assert_near(wm_student_t_quantile(0.995, 5), 4.032142983557536,
	    1e-8);
	tu_assert_near(wm_student_t_quantile(0.5, 3), 0, 0);
	assert_true(isnan(wm_student_t_quantile(1, 3)));
	assert_true(isnan(wm_student_t_quantile(0.9, 0)));
	/* One degree of freedom is the Cauchy: P(T <= 1) = 3/4; two has a
	 * closed form, 1/2 + t / (2 sqrt(2 + t^2)). */
	tu_assert_near(wm_student_t_cdf(1, 1), 0.75, 1e-13);
	tu_assert_near(wm_student_t_cdf(-1, 1), 0.25, 1e-13);
	tu_assert_near(wm_student_t_cdf(1, 2), 0.5 + 1 / (2 * sqrt(3.0)),
	    1e-13);
	tu_assert_near(wm_student_t_cdf(0, 7), 0.5, 0);
	tu_assert_near(wm_student_t_cdf(INFINITY, 7), 1, 0);
	/* The normal's quantiles the funnel limits use. */
	tu_assert_near(wm_normal_quantile(0.975), 1.959963984540054,
	    1e-12);
	tu_assert_near(wm_normal_quantile(0.999), 3.090232306167813,
	    1e-12);
	tu_assert_near(wm_normal_quantile(0.001), -3.090232306167813,
	    1e-12);
}

/* The incomplete beta where it has a closed form. */
static void
test_beta(void **state)
{
	(void)state;
	tu_assert_near(wm_beta_inc(1, 1, 0.3), 0.3, 1e-14);
	tu_assert_near(wm_beta_inc(3, 1, 0.5), 0.125, 1e-14);
	/* I_x(2, 3) = sum over j = 2..4 of C(4, j) x^j (1 - x)^(4 - j). */
	tu_assert_near(wm_beta_inc(2, 3, 0.3), 0.3483, 1e-13);
	tu_assert_near(wm_beta_inc(2, 3, 0.9), 0.9963, 1e-13);
	tu_assert_near(wm_beta_inc(0.5, 0.5, 0.5), 0.5, 1e-13);
	tu_assert_near(wm_beta_inc(5, 7, 0), 0, 0);
	tu_assert_near(wm_beta_inc(5, 7, 1), 1, 0);
	assert_true(isnan(wm_beta_inc(0, 1, 0.5)));
	assert_true(isnan(wm_beta_inc(1, 1, 1.5)));
}

static void
test_ci(void **state)
{
	struct wm_moments m = { 0, 0, 0 };
	double mean, lo, hi, half;
	int i;

	(void)state;
	assert_int_equal(wm_mean_ci95(&m, &mean, &lo, &hi), -1);
	wm_moments_add(&m, 2);
	assert_int_equal(wm_mean_ci95(&m, &mean, &lo, &hi), -1);
	tu_assert_near(mean, 2, 0);
	m = (struct wm_moments){ 0, 0, 0 };
	for (i = 1; i <= 4; i++)
		wm_moments_add(&m, i);
	/* Mean 2.5, SD sqrt(5/3), t(0.975, 3) = 3.182446305. */
	half = 3.182446305284263 * sqrt(5.0 / 3.0) / 2;
	assert_int_equal(wm_mean_ci95(&m, &mean, &lo, &hi), 0);
	tu_assert_near(mean, 2.5, 1e-12);
	tu_assert_near(lo, 2.5 - half, 1e-9);
	tu_assert_near(hi, 2.5 + half, 1e-9);
	tu_assert_near(lo, 0.445739, 1e-6);
	tu_assert_near(hi, 4.554261, 1e-6);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_moments),
		cmocka_unit_test(test_alpha),
		cmocka_unit_test(test_estimate_minimum),
		cmocka_unit_test(test_threshold),
		cmocka_unit_test(test_classify),
		cmocka_unit_test(test_tally),
		cmocka_unit_test(test_student_t),
		cmocka_unit_test(test_beta),
		cmocka_unit_test(test_ci),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
