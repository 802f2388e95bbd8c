/*
 * The rules of a service's profile views: suppression of small numbers
 * for the service itself ("<5"), which answers count as agreeing, how
 * answers add up, when two groups' ratings differ, when a team's Ten Top
 * Tips may be shown, and the periods the views are read by.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/disclosure.h"
#include "core/erfs.h"
#include "core/indicators.h"
#include "core/profile.h"
#include "core/ten_top_tips.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static void
test_service_counts(void **state)
{
	static const struct {
		int64_t n;
		int shown;
	} t[] = {
		{ 0, 1 }, { 1, 0 }, { 2, 0 }, { 3, 0 }, { 4, 0 }, { 5, 1 },
		{ 6, 1 }, { 99, 1 },
	};
	size_t i;

	(void)state;
	assert_int_equal(WM_SERVICE_MIN_COUNT, 5);
	for (i = 0; i < NELEM(t); i++) {
		if (wm_service_count_shown(t[i].n) != t[i].shown)
			fail_msg("count %lld: shown %d, wanted %d",
			    (long long)t[i].n, !t[i].shown, t[i].shown);
		assert_int_equal(wm_service_mean_shown(t[i].n),
		    t[i].n >= 5);
	}
}

static void
test_service_shares(void **state)
{
	static const struct {
		int64_t count, of;
		enum wm_share_state want;
		int percent;
	} t[] = {
		{ 0, 0, WM_SHARE_NO_ANSWERS, 0 },
		{ 1, 1, WM_SHARE_TOO_FEW, 0 },
		{ 4, 4, WM_SHARE_TOO_FEW, 0 },
		{ 0, 4, WM_SHARE_TOO_FEW, 0 },
		{ 5, 5, WM_SHARE_SHOWN, 100 },
		{ 0, 5, WM_SHARE_SHOWN, 0 },
		{ 1, 5, WM_SHARE_WITHHELD, 0 },
		{ 4, 12, WM_SHARE_WITHHELD, 0 },
		{ 5, 12, WM_SHARE_SHOWN, 42 },	/* 41.67 */
		{ 9, 12, WM_SHARE_SHOWN, 75 },
		{ 7, 8, WM_SHARE_SHOWN, 88 },	/* 87.5 rounds half up */
		{ 5, 6, WM_SHARE_SHOWN, 83 },	/* 83.33 */
		{ 6, 5, WM_SHARE_TOO_FEW, 0 },	/* impossible: never shown */
		{ -1, 5, WM_SHARE_TOO_FEW, 0 },
	};
	size_t i;
	int pct;

	(void)state;
	for (i = 0; i < NELEM(t); i++) {
		enum wm_share_state got = wm_service_share(t[i].count, t[i].of,
		    &pct);

		if (got != t[i].want || pct != t[i].percent)
			fail_msg("%lld of %lld: state %d, %d%%; wanted %d, %d%%",
			    (long long)t[i].count, (long long)t[i].of, got, pct,
			    t[i].want, t[i].percent);
	}
}

static void
test_agrees(void **state)
{
	static const struct {
		double v, lo, hi;
		int agrees;
	} t[] = {
		/* agreement-5: strongly disagree 1 .. strongly agree 5 */
		{ 1, 1, 5, 0 }, { 2, 1, 5, 0 }, { 3, 1, 5, 0 }, { 4, 1, 5, 1 },
		{ 5, 1, 5, 1 },
		/* yes 2, partly 1, no 0 */
		{ 2, 0, 2, 1 }, { 1, 0, 2, 0 }, { 0, 0, 2, 0 },
		/* a 0..4 scale: 3 and 4 agree */
		{ 2, 0, 4, 0 }, { 3, 0, 4, 1 },
		/* one scored option only: nothing to agree with */
		{ 1, 1, 1, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(t); i++)
		if (wm_value_agrees(t[i].v, t[i].lo, t[i].hi) != t[i].agrees)
			fail_msg("%g on %g..%g", t[i].v, t[i].lo, t[i].hi);
}

static void
test_tally(void **state)
{
	struct wm_tally t = { 0, 0, 0, 0 };

	(void)state;
	wm_tally_add(&t, 1, 5, 1, 5, 2);	/* strongly agree x2 */
	wm_tally_add(&t, 1, 4, 1, 5, 3);	/* agree x3 */
	wm_tally_add(&t, 1, 2, 1, 5, 1);	/* disagree */
	wm_tally_add(&t, 0, 0, 1, 5, 4);	/* prefer not to say x4 */
	assert_int_equal(t.answers, 10);
	assert_int_equal(t.scored, 6);
	assert_int_equal(t.agree, 5);
	assert_true(wm_tally_mean(&t) > 3.99 && wm_tally_mean(&t) < 4.01);
	memset(&t, 0, sizeof(t));
	assert_true(wm_tally_mean(&t) == 0);
}

static void
test_differ(void **state)
{
	static const struct {
		double a, b;
		int differ;
	} t[] = {
		{ 3, 3, 0 }, { 3, 3.9, 0 }, { 3, 4, 1 }, { 4, 3, 1 },
		{ 2.2, 3.2, 1 }, { 1, 5, 1 }, { 4.5, 3.6, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(t); i++)
		if (wm_ratings_differ(t[i].a, t[i].b) != t[i].differ)
			fail_msg("%g and %g", t[i].a, t[i].b);
}

/* People's mean rating of an ERFS domain needs 5 ratings; staff's any. */
static void
test_erfs_means(void **state)
{
	static const struct {
		enum wm_erfs_group g;
		int64_t ratings;
		int shown;
	} t[] = {
		{ WM_ERFS_PEOPLE, 0, 0 }, { WM_ERFS_PEOPLE, 4, 0 },
		{ WM_ERFS_PEOPLE, 5, 1 }, { WM_ERFS_PEOPLE, 40, 1 },
		{ WM_ERFS_STAFF, 0, 0 }, { WM_ERFS_STAFF, 1, 1 },
		{ WM_ERFS_STAFF, 4, 1 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(t); i++)
		assert_int_equal(wm_erfs_mean_shown(t[i].g, t[i].ratings),
		    t[i].shown);
}

static void
test_team(void **state)
{
	static const struct {
		int64_t reflections, practitioners;
		enum wm_team_state want;
	} t[] = {
		{ 0, 0, WM_TEAM_NO_REFLECTIONS },
		{ 1, 1, WM_TEAM_TOO_FEW_REFLECTIONS },
		{ 4, 2, WM_TEAM_TOO_FEW_REFLECTIONS },
		{ 5, 1, WM_TEAM_ONE_PRACTITIONER },
		{ 40, 1, WM_TEAM_ONE_PRACTITIONER },
		{ 5, 2, WM_TEAM_SHOWN },
		{ 60, 7, WM_TEAM_SHOWN },
	};
	static const struct {
		int64_t yes, applied;
		int shown, percent;
	} s[] = {
		{ 0, 0, 0, 0 }, { 4, 4, 0, 0 }, { 3, 5, 1, 60 }, { 0, 5, 1, 0 },
		{ 1, 5, 1, 20 }, { 2, 3, 0, 0 }, { 7, 9, 1, 78 }, { 6, 5, 0, 0 },
	};
	size_t i;
	int pct;

	(void)state;
	for (i = 0; i < NELEM(t); i++)
		if (wm_team_shown(t[i].reflections, t[i].practitioners) !=
		    t[i].want)
			fail_msg("%lld reflections by %lld",
			    (long long)t[i].reflections,
			    (long long)t[i].practitioners);
	for (i = 0; i < NELEM(s); i++)
		if (wm_team_share(s[i].yes, s[i].applied, &pct) !=
		    s[i].shown || pct != s[i].percent)
			fail_msg("%lld yes of %lld: %d%%", (long long)s[i].yes,
			    (long long)s[i].applied, pct);
}

/* The quarter the team's tips show: the latest, not after now, with 5
 * reflections from 2 practitioners; none when no quarter has them. */
static void
test_team_latest(void **state)
{
	static const struct wm_team_quarter q[] = {
		{ { 2026, 4 }, 1, 1 },	/* a new quarter has just begun */
		{ { 2026, 3 }, 5, 1 },	/* one practitioner's own */
		{ { 2026, 2 }, 6, 2 },	/* the latest the team may see */
		{ { 2027, 1 }, 9, 3 },	/* after now: dated ahead */
		{ { 2025, 4 }, 12, 4 },
		{ { 2026, 1 }, 4, 3 },	/* too few */
	};
	static const struct {
		struct wm_quarter now;
		size_t n;
		int found;
		struct wm_quarter want;
	} t[] = {
		{ { 2026, 4 }, NELEM(q), 1, { 2026, 2 } },
		{ { 2026, 2 }, NELEM(q), 1, { 2026, 2 } },
		{ { 2026, 1 }, NELEM(q), 1, { 2025, 4 } },
		{ { 2027, 2 }, NELEM(q), 1, { 2027, 1 } },
		{ { 2025, 3 }, NELEM(q), 0, { 0, 0 } },
		{ { 2026, 4 }, 2, 0, { 0, 0 } },
		{ { 2026, 4 }, 0, 0, { 0, 0 } },
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(t); i++) {
		struct wm_quarter got = { 0, 0 };

		assert_int_equal(wm_team_latest_quarter(q, t[i].n, &t[i].now,
		    &got), t[i].found ? 0 : -1);
		if (t[i].found) {
			assert_int_equal(got.year, t[i].want.year);
			assert_int_equal(got.quarter, t[i].want.quarter);
		}
	}
}

static void
test_periods(void **state)
{
	static const struct {
		const char *text;
		int ok;
		const char *prev;
	} t[] = {
		{ "2026-Q3", 1, "2026-Q2" }, { "2026-Q1", 1, "2025-Q4" },
		{ "1900-Q4", 1, "1900-Q3" }, { "2999-Q1", 1, "2998-Q4" },
		{ "2026-Q0", 0, NULL }, { "2026-Q5", 0, NULL },
		{ "2026-q3", 0, NULL }, { "2026-Q3 ", 0, NULL },
		{ "26-Q3", 0, NULL }, { "1899-Q4", 0, NULL },
		{ "3000-Q1", 0, NULL }, { "", 0, NULL }, { "2026-03", 0, NULL },
		{ "+026-Q3", 0, NULL }, { "2026/Q3", 0, NULL },
	};
	struct wm_quarter p, q;
	struct wm_date d = { 2026, 9, 30 };
	char out[8], words[40];
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(t); i++) {
		int ok = wm_quarter_parse(t[i].text, &p) == 0;

		if (ok != t[i].ok)
			fail_msg("'%s': %s", t[i].text, ok ? "accepted" :
			    "refused");
		if (!ok)
			continue;
		wm_quarter_format(&p, out);
		assert_string_equal(out, t[i].text);
		wm_quarter_prev(&p, &q);
		wm_quarter_format(&q, out);
		assert_string_equal(out, t[i].prev);
	}
	assert_int_equal(wm_quarter_parse(NULL, &p), -1);
	wm_quarter_of(&d, &p);
	wm_quarter_format(&p, out);
	assert_string_equal(out, "2026-Q3");
	wm_quarter_words(&p, words, sizeof(words));
	assert_string_equal(words, "July to September 2026");
	d.month = 1;
	wm_quarter_of(&d, &p);
	wm_quarter_format(&p, out);
	assert_string_equal(out, "2026-Q1");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_service_counts),
		cmocka_unit_test(test_service_shares),
		cmocka_unit_test(test_agrees),
		cmocka_unit_test(test_tally),
		cmocka_unit_test(test_differ),
		cmocka_unit_test(test_erfs_means),
		cmocka_unit_test(test_team),
		cmocka_unit_test(test_periods),
		cmocka_unit_test(test_team_latest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
