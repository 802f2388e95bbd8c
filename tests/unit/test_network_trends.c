/*
 * Tests for a service's page for commissioners, in the report layer: the
 * total beside figures /network shows one by one (withheld whenever it
 * would give away a withheld figure by subtraction, under both rules),
 * the quarters a trend covers, and a trend's small chart (points, the
 * line broken at every gap, each gap's sign and its words, the table).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "report/network_table.h"
#include "report/network_trends.h"
#include "report/trend_svg.h"

#include "testutil.h"

static void
test_total_count(void **state)
{
	const int64_t shown[] = { 10, 23, 7 };
	const int64_t one_small[] = { 10, 3, 12 };
	const int64_t two_small[] = { 10, 3, 2, 12 };
	struct wm_shown s;

	(void)state;
	/* Every part shown: the total, rounded as any count. */
	s = wm_net_total_count(WM_DISCLOSURE_MHSDS, shown, 3);
	assert_false(s.withheld);
	assert_int_equal(s.value, 40);
	/* One part withheld: total minus the others would give it away. */
	s = wm_net_total_count(WM_DISCLOSURE_MHSDS, one_small, 3);
	assert_true(s.withheld);
	/* Two withheld: only their sum could be worked out, not either. */
	s = wm_net_total_count(WM_DISCLOSURE_MHSDS, two_small, 4);
	assert_false(s.withheld);
	assert_int_equal(s.value, 25);
	/* HES withholds 1 to 7: the 7 alone, which the total would give
	 * away. */
	s = wm_net_total_count(WM_DISCLOSURE_HES, shown, 3);
	assert_true(s.withheld);
	/* A service that does not run the measure counts 0: withheld under
	 * MHSDS, shown under HES, as on /network. */
	{
		const int64_t zero[] = { 0, 20, 30 };

		assert_true(wm_net_total_count(WM_DISCLOSURE_MHSDS, zero,
		    3).withheld);
		s = wm_net_total_count(WM_DISCLOSURE_HES, zero, 3);
		assert_false(s.withheld);
		assert_int_equal(s.value, 50);
	}
}

static void
test_total_share(void **state)
{
	const int64_t due[] = { 20, 40, 30 };
	const int64_t done[] = { 10, 30, 3 };	/* 3 of 30: withheld */
	const int64_t done2[] = { 10, 30, 15 };
	struct wm_shown s;

	(void)state;
	s = wm_net_total_share(WM_DISCLOSURE_MHSDS, done2, due, 3);
	assert_false(s.withheld);
	assert_int_equal(s.value, 61);	/* 55 of 90 */
	/* One share withheld for its numerator: the total's numerator,
	 * less the others', would give it away. */
	s = wm_net_total_share(WM_DISCLOSURE_MHSDS, done, due, 3);
	assert_true(s.withheld);
	/* A withheld denominator does the same. */
	{
		const int64_t small[] = { 20, 40, 4 };
		const int64_t part[] = { 10, 30, 0 };

		assert_true(wm_net_total_share(WM_DISCLOSURE_MHSDS, part,
		    small, 3).withheld);
	}
}

static void
test_trend_start(void **state)
{
	struct wm_net_view v;
	struct wm_quarter q;

	(void)state;
	wm_net_view_init(&v);
	/* The default window of four quarters: eight to its last. */
	v.from.year = 2026;
	v.from.quarter = 1;
	v.to.year = 2026;
	v.to.quarter = 4;
	wm_net_trend_start(&v, &q);
	assert_int_equal(q.year, 2025);
	assert_int_equal(q.quarter, 1);
	/* A longer window: all of it. */
	v.from.year = 2023;
	v.from.quarter = 3;
	wm_net_trend_start(&v, &q);
	assert_int_equal(q.year, 2023);
	assert_int_equal(q.quarter, 3);
}

/* Four quarters: shown, shown (may still change), withheld, not counted. */
static void
test_trend_chart(void **state)
{
	struct wm_net_point p[4];
	struct wm_net_trend tr = { WM_NET_TREND_CYCLE, (char *)"Done <in> time",
	    p };
	struct wm_net_trends t;
	struct wm_buf b = WM_BUF_INIT;
	const char *out;

	(void)state;
	memset(p, 0, sizeof(p));
	memset(&t, 0, sizeof(t));
	t.from.year = 2026;
	t.from.quarter = 1;
	t.to.year = 2026;
	t.to.quarter = 4;
	t.n_quarters = 4;
	t.v = &tr;
	t.n = 1;
	p[0].share.value = 50;
	p[0].of.value = 20;
	p[1].share.value = 100;
	p[1].of.value = 10;
	p[1].provisional = 1;
	p[2].gap = WM_NET_GAP_WITHHELD;
	p[2].share.withheld = 1;
	p[2].of.value = 5;
	p[3].gap = WM_NET_GAP_NOT_KEPT;
	assert_int_equal(wm_trend_html(&b, "trend-9", &t, &tr), 0);
	out = wm_buf_str(&b);
	/* A chart read out by its title and description. */
	assert_non_null(strstr(out, "aria-labelledby=\"trend-9-t trend-9-d\""));
	assert_non_null(strstr(out, "<title id=\"trend-9-t\">Done &lt;in&gt; "
	    "time, quarter by quarter</title>"));
	/* The first two quarters joined by one line; no line on to a gap. */
	assert_non_null(strstr(out, "<polyline"));
	assert_null(strstr(strstr(out, "<polyline") + 1, "<polyline"));
	/* Points with their words; an open circle may still change. */
	assert_non_null(strstr(out, "<title>2026-Q1: 50%</title>"));
	assert_non_null(strstr(out, "fill=\"#ffffff\" stroke=\"#005eb8\" "
	    "stroke-width=\"2\"><title>2026-Q2: 100%, may still change"));
	/* Gaps: a sign and its reason, not colour alone. */
	assert_non_null(strstr(out, ">*<title>2026-Q3: withheld (*) by the "
	    "disclosure rule</title>"));
	assert_non_null(strstr(out, ">-<title>2026-Q4: not counted: before the "
	    "last 12 complete months</title>"));
	/* The table: every quarter, its figure or why there is none. */
	assert_non_null(strstr(out, "The figures as a table"));
	assert_non_null(strstr(out, "January to March 2026</th>"));
	assert_non_null(strstr(out, "Share </span>*</td>"));
	assert_non_null(strstr(out, "Out of </span>5</td>"));
	assert_non_null(strstr(out, "Share </span>Not counted</td>"));
	assert_non_null(strstr(out, "may still change</td>"));
	wm_buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_total_count),
		cmocka_unit_test(test_total_share),
		cmocka_unit_test(test_trend_start),
		cmocka_unit_test(test_trend_chart),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
