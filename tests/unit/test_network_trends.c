/*
 * Tests for a service's page for commissioners, in the report layer: the
 * total beside figures /network shows one by one (withheld whenever it
 * would give away a withheld figure by subtraction, under both rules),
 * the cycles' quarters that add up to their figure,
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
#include "report/network_work.h"
#include "report/trend_svg.h"

#include "testutil.h"

/* A view of n services made by hand, all of them the view's (so its
 * total is the network's): staff[i] each, done[i] of whom have done the
 * one course, and one measure's cycles whose months are given. */
struct work_fixture {
	struct wm_net_view v;
	struct wm_net_service sv[6];
	struct wm_coverage coverage[6];
	struct wm_net_cycle cycle[6];
	struct wm_concept course;
	struct wm_catalogue courses;
	struct wm_net_work w;
};

static void
work_fixture(struct work_fixture *f, size_t n, const int64_t *staff,
    const int64_t *done)
{
	size_t i;

	memset(f, 0, sizeof(*f));
	f->course.code = "c";
	f->course.display = "A course";
	f->courses.concepts = &f->course;
	f->courses.n_concepts = 1;
	f->v.courses = &f->courses;
	f->v.services = f->sv;
	f->v.n_services = n;
	/* 15 October 2026: the months kept are October 2025 to September
	 * 2026, four whole quarters. */
	f->v.today = (struct wm_date){ 2026, 10, 15 };
	for (i = 0; i < n; i++) {
		f->sv[i].staff = staff ? staff[i] : 0;
		f->coverage[i].done = done ? done[i] : 0;
		f->sv[i].coverage = &f->coverage[i];
		f->cycle[i].title = (char *)"Markers";
		f->cycle[i].months = WM_NET_CYCLE_MONTHS;
	}
}

static void
work_build(struct work_fixture *f, enum wm_disclosure_rule rule)
{
	assert_int_equal(wm_net_work_build(&f->v, rule, &f->w), 0);
}

/* The staff beside the view's total: a figure shown one by one keeps
 * its own publication; its total gives way wherever it would give a
 * withheld one away. */
static void
test_total_count(void **state)
{
	const int64_t shown[] = { 10, 23, 7 };
	const int64_t one_small[] = { 10, 3, 12 };
	const int64_t two_small[] = { 10, 3, 2, 12 };
	const int64_t zero[] = { 0, 20, 30 };
	struct work_fixture f;
	struct wm_shown s;

	(void)state;
	/* Every part shown: the total, rounded as any count. */
	work_fixture(&f, 3, shown, NULL);
	work_build(&f, WM_DISCLOSURE_MHSDS);
	s = wm_net_work_staff(&f.w, 3);
	assert_false(s.withheld);
	assert_int_equal(s.value, 40);
	wm_net_work_release(&f.w);
	/* One part withheld: total minus the others would give it away;
	 * the others stay shown. */
	work_fixture(&f, 3, one_small, NULL);
	work_build(&f, WM_DISCLOSURE_MHSDS);
	assert_true(wm_net_work_staff(&f.w, 3).withheld);
	assert_true(wm_net_work_staff(&f.w, 1).withheld);
	assert_false(wm_net_work_staff(&f.w, 0).withheld);
	assert_false(wm_net_work_staff(&f.w, 2).withheld);
	wm_net_work_release(&f.w);
	/* Two withheld: only their sum could be worked out, not either. */
	work_fixture(&f, 4, two_small, NULL);
	work_build(&f, WM_DISCLOSURE_MHSDS);
	s = wm_net_work_staff(&f.w, 4);
	assert_false(s.withheld);
	assert_int_equal(s.value, 25);
	wm_net_work_release(&f.w);
	/* HES withholds 1 to 7: the 7 alone, which the total would give
	 * away. */
	work_fixture(&f, 3, shown, NULL);
	work_build(&f, WM_DISCLOSURE_HES);
	assert_true(wm_net_work_staff(&f.w, 3).withheld);
	wm_net_work_release(&f.w);
	/* A service with no staff: 0, withheld under MHSDS, shown under
	 * HES. */
	work_fixture(&f, 3, zero, NULL);
	work_build(&f, WM_DISCLOSURE_MHSDS);
	assert_true(wm_net_work_staff(&f.w, 3).withheld);
	wm_net_work_release(&f.w);
	work_build(&f, WM_DISCLOSURE_HES);
	s = wm_net_work_staff(&f.w, 3);
	assert_false(s.withheld);
	assert_int_equal(s.value, 50);
	wm_net_work_release(&f.w);
}

/* A share shown one by one (a course's staff who have done it), and the
 * view's total share. */
static void
test_total_share(void **state)
{
	const int64_t staff[] = { 20, 40, 30 };
	const int64_t done[] = { 10, 30, 3 };	/* 3 of 30: withheld */
	const int64_t done2[] = { 10, 30, 15 };
	const int64_t small[] = { 20, 40, 4 };
	const int64_t part[] = { 10, 30, 0 };
	struct work_fixture f;
	struct wm_shown s;

	(void)state;
	work_fixture(&f, 3, staff, done2);
	work_build(&f, WM_DISCLOSURE_MHSDS);
	s = wm_net_work_course(&f.w, 0, 3);
	assert_false(s.withheld);
	assert_int_equal(s.value, 61);	/* 55 of 90 */
	wm_net_work_release(&f.w);
	/* One share withheld for its numerator: the total's numerator,
	 * less the others', would give it away. */
	work_fixture(&f, 3, staff, done);
	work_build(&f, WM_DISCLOSURE_MHSDS);
	assert_true(wm_net_work_course(&f.w, 0, 2).withheld);
	assert_true(wm_net_work_course(&f.w, 0, 3).withheld);
	s = wm_net_work_course(&f.w, 0, 0);
	assert_false(s.withheld);
	assert_int_equal(s.value, 50);
	wm_net_work_release(&f.w);
	/* A withheld denominator does the same. */
	work_fixture(&f, 3, small, part);
	work_build(&f, WM_DISCLOSURE_MHSDS);
	assert_true(wm_net_work_course(&f.w, 0, 3).withheld);
	wm_net_work_release(&f.w);
}

/* Service i's months: `due` and `done` in each month of quarter q (0 the
 * oldest of the four whole quarters kept). */
static void
months(struct work_fixture *f, size_t i, size_t q, long due, long done)
{
	int m;

	f->sv[i].cycles = &f->cycle[i];
	f->sv[i].n_cycles = 1;
	for (m = (int)q * 3; m < (int)q * 3 + 3; m++) {
		f->cycle[i].m[m].due = due;
		f->cycle[i].m[m].done = done;
		f->cycle[i].m[m].final = 1;
		f->cycle[i].due += due;
		f->cycle[i].done += done;
	}
}

/* The cycles over the last 12 complete months, and a service's trend of
 * them quarter by quarter: the quarters add up to the figure, so one
 * quarter withheld takes another with it, never the figure /network
 * shows; a service that does not run the measure is a known 0. */
static void
test_cycle_quarters(void **state)
{
	struct work_fixture f;
	size_t q;

	(void)state;
	work_fixture(&f, 3, NULL, NULL);
	/* Service 0: 10 due a month, 8 done, but one quarter of 1 a month. */
	months(&f, 0, 0, 1, 1);
	for (q = 1; q < 4; q++)
		months(&f, 0, q, 10, 8);
	for (q = 0; q < 4; q++)
		months(&f, 1, q, 10, 9);
	work_build(&f, WM_DISCLOSURE_MHSDS);
	assert_int_equal(f.w.n_parts, 4);
	assert_int_equal(f.w.n_cycles, 1);
	/* The 12 months: 93 due at service 0, shown as 95, 76% done. */
	assert_int_equal(wm_net_work_due(&f.w, 0, 0, WM_NET_ALL_PARTS).value,
	    95);
	assert_false(wm_net_work_done(&f.w, 0, 0, WM_NET_ALL_PARTS).withheld);
	/* Its first quarter, 3 due, is withheld; so is another quarter,
	 * which would give it away by subtraction from the figure. */
	assert_true(wm_net_work_due(&f.w, 0, 0, 0).withheld);
	assert_int_equal(wm_net_work_due(&f.w, 0, 0, 1).withheld +
	    wm_net_work_due(&f.w, 0, 0, 2).withheld +
	    wm_net_work_due(&f.w, 0, 0, 3).withheld, 1);
	/* Service 2 runs no such cycle, as anyone can see: its 0 is no
	 * secret, and nothing is withheld to hide it. */
	assert_false(wm_net_table_withheld(&f.w.due[0], 2, f.w.due[0].cols));
	/* The total of all of them: 213, as 215. */
	assert_int_equal(wm_net_work_due(&f.w, 0, 3, WM_NET_ALL_PARTS).value,
	    215);
	wm_net_work_release(&f.w);
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
	assert_non_null(strstr(out, "<title>January to March 2026: 50%"
	    "</title>"));
	assert_non_null(strstr(out, "fill=\"#ffffff\" stroke=\"#005eb8\" "
	    "stroke-width=\"2\"><title>April to June 2026: 100%, may still "
	    "change"));
	/* Gaps: a sign and its reason, not colour alone. */
	assert_non_null(strstr(out, ">*<title>July to September 2026: "
	    "withheld (*) by the disclosure rule</title>"));
	assert_non_null(strstr(out, ">-<title>October to December 2026: not "
	    "counted: before the last 12 complete months</title>"));
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
		cmocka_unit_test(test_cycle_quarters),
		cmocka_unit_test(test_trend_start),
		cmocka_unit_test(test_trend_chart),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
