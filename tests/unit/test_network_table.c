/*
 * Tests for the network's published tables and funnel points (report/
 * network_table.h, report/network_compare.h, report/funnel_svg.h): the
 * people who answered once only are disclosed as a column with its
 * total, so one small service cannot be worked out from the network's
 * total; a share of no one is nothing rather than withheld; the share of
 * goals rated higher goes with the people reviewed; a funnel's point is
 * left off with either figure withheld, and a withheld point whose
 * denominator is 0 is "*" and left off like any other, never "None",
 * which would say the 0 the rule withholds.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "report/funnel_svg.h"
#include "report/network_compare.h"
#include "report/network_table.h"

#include "testutil.h"

#define MH WM_DISCLOSURE_MHSDS
#define HE WM_DISCLOSURE_HES

/* A view of n services and one scale's outcomes at them, answered alone:
 * paired[i] people split improved / no change / deteriorated as given,
 * once[i] answering once only. */
struct fixture {
	struct wm_net_view v;
	struct wm_net_service services[4];
	struct wm_net_outcomes o;
	struct wm_net_outcome cells[4 * WM_NET_KINDS];
	struct wm_net_outcome network[WM_NET_KINDS];
	struct wm_net_threshold thresholds[WM_NET_KINDS];
	int64_t ids[4];
};

static void
fixture(struct fixture *f, size_t n, const int64_t (*parts)[3],
    const int64_t *once)
{
	static char *names[] = { "One", "Two", "Three", "Four" };
	size_t i;

	memset(f, 0, sizeof(*f));
	f->v.services = f->services;
	f->v.n_services = n;
	f->o.n_services = n;
	f->o.n_scales = 1;
	f->o.service_ids = f->ids;
	f->o.cells = f->cells;
	f->o.network = f->network;
	/* Answered alone, change is judged; with a practitioner, the
	 * threshold could not be estimated. */
	f->o.thresholds = f->thresholds;
	f->thresholds[WM_NET_SELF].has = 1;
	f->thresholds[WM_NET_SELF].value = 0.5;
	f->thresholds[WM_NET_TOGETHER].why = WM_ESTIMATE_TOO_FEW;
	for (i = 0; i < n; i++) {
		struct wm_outcome_tally *t = &f->cells[i * WM_NET_KINDS].t;

		f->services[i].name = names[i];
		f->ids[i] = (int64_t)i + 1;
		t->improved = parts[i][0];
		t->no_change = parts[i][1];
		t->deteriorated = parts[i][2];
		t->paired = parts[i][0] + parts[i][1] + parts[i][2];
		f->cells[i * WM_NET_KINDS].one_only = once[i];
		/* With a practitioner: the same people, paired, unjudged. */
		f->cells[i * WM_NET_KINDS + WM_NET_TOGETHER].t.paired =
		    t->paired;
	}
}

/* No withheld cell of t can be worked out from its shown cells. */
static void
assert_protected(const struct wm_net_table *t)
{
	size_t n = (t->rows + 1) * (t->cols + 1), k, r, c;
	struct wm_sdc_line lines[16];
	size_t parts[16][8], n_lines = 0;

	for (r = 0; r <= t->rows; r++, n_lines++) {
		for (c = 0; c < t->cols; c++)
			parts[n_lines][c] = r * (t->cols + 1) + c;
		lines[n_lines].parts = parts[n_lines];
		lines[n_lines].n_parts = t->cols;
		lines[n_lines].total = r * (t->cols + 1) + t->cols;
	}
	for (c = 0; c <= t->cols; c++, n_lines++) {
		for (r = 0; r < t->rows; r++)
			parts[n_lines][r] = r * (t->cols + 1) + c;
		lines[n_lines].parts = parts[n_lines];
		lines[n_lines].n_parts = t->rows;
		lines[n_lines].total = t->rows * (t->cols + 1) + c;
	}
	for (k = 0; k < n; k++)
		if (t->cells[k].withheld)
			assert_false(wm_disclose_determined(t->cells, n, lines,
			    n_lines, k));
}

static void
test_once_table(void **state)
{
	static const int64_t parts[3][3] = { { 10, 10, 5 }, { 10, 10, 5 },
	    { 10, 10, 5 } };
	static const int64_t once[3] = { 12, 2, 9 };
	struct fixture f;
	struct wm_net_table t;

	(void)state;
	fixture(&f, 3, parts, once);
	assert_int_equal(wm_net_once_table(&f.v, &f.o, 0, WM_NET_SELF, MH,
	    &t), 0);
	/* Two withheld: the small one, and another so that the network's
	 * total (23, shown as 25) cannot give it away. */
	assert_true(wm_net_table_count(&t, 1, WM_NET_ONCE).withheld);
	assert_int_equal(wm_net_table_count(&t, 0, WM_NET_ONCE).withheld +
	    wm_net_table_count(&t, 2, WM_NET_ONCE).withheld +
	    wm_net_table_count(&t, 3, WM_NET_ONCE).withheld, 1);
	assert_protected(&t);
	/* Its total column is the count itself, withheld alike. */
	assert_int_equal(wm_net_table_count(&t, 1, WM_NET_ONCE_COLS).withheld,
	    1);
	wm_net_table_release(&t);
}

/* Without a threshold no one's change is judged: the table holds the
 * people paired alone, as its one column, so nothing shows "0 reliably
 * improved" of people nobody judged, nor a total of such columns. */
static void
test_unjudged(void **state)
{
	static const int64_t parts[3][3] = { { 10, 10, 5 }, { 1, 1, 0 },
	    { 10, 5, 5 } };
	static const int64_t once[3] = { 0, 0, 0 };
	struct fixture f;
	struct wm_net_table t;

	(void)state;
	fixture(&f, 3, parts, once);
	assert_int_equal(wm_net_outcome_table(&f.v, &f.o, 0, WM_NET_SELF, MH,
	    &t), 0);
	assert_true(wm_net_outcome_judged(&t));
	assert_int_equal(t.cols, WM_NET_OUTCOME_COLS);
	wm_net_table_release(&t);
	assert_int_equal(wm_net_outcome_table(&f.v, &f.o, 0, WM_NET_TOGETHER,
	    MH, &t), 0);
	assert_false(wm_net_outcome_judged(&t));
	assert_int_equal(t.cols, WM_NET_UNJUDGED_COLS);
	assert_int_equal(wm_net_table_true(&t, 0, WM_NET_UNJUDGED), 25);
	assert_int_equal(wm_net_table_true(&t, 3, t.cols), 47);
	/* The 2 at the second service is withheld, and so is another
	 * figure, so the network's 47 (shown as 45) cannot give it away. */
	assert_true(wm_net_outcome_paired(&t, 1).withheld);
	assert_true(wm_net_outcome_paired(&t, 0).withheld ||
	    wm_net_outcome_paired(&t, 0).value == 25);
	assert_int_equal(wm_net_outcome_paired(&t, 0).withheld +
	    wm_net_outcome_paired(&t, 2).withheld +
	    wm_net_outcome_paired(&t, 3).withheld, 1);
	assert_protected(&t);
	wm_net_table_release(&t);
}

static void
test_share_of_none(void **state)
{
	static const int64_t parts[2][3] = { { 0, 0, 0 }, { 20, 10, 10 } };
	static const int64_t once[2] = { 0, 0 };
	struct fixture f;
	struct wm_net_table t;

	(void)state;
	fixture(&f, 2, parts, once);
	/* HES shows 0: a row of no one has nothing to share. */
	assert_int_equal(wm_net_outcome_table(&f.v, &f.o, 0, WM_NET_SELF, HE,
	    &t), 0);
	assert_false(wm_net_table_count(&t, 0, WM_NET_OUTCOME_COLS).withheld);
	assert_true(wm_net_table_of_none(&t, 0));
	assert_false(wm_net_table_of_none(&t, 1));
	assert_false(wm_net_table_of_none(&t, 2));
	wm_net_table_release(&t);
	/* MHSDS withholds 0: the row is withheld, not "of none". */
	assert_int_equal(wm_net_outcome_table(&f.v, &f.o, 0, WM_NET_SELF, MH,
	    &t), 0);
	assert_false(wm_net_table_of_none(&t, 0));
	wm_net_table_release(&t);
}

static void
test_goals_share(void **state)
{
	struct wm_net_service sv[2];
	struct wm_net_view v;
	struct wm_net_table t;
	struct wm_shown s;

	(void)state;
	memset(&v, 0, sizeof(v));
	memset(sv, 0, sizeof(sv));
	v.services = sv;
	v.n_services = 2;
	sv[0].with_goals = 40, sv[0].reviewed = 30, sv[0].higher = 20;
	sv[1].with_goals = 40, sv[1].reviewed = 30, sv[1].higher = 27;
	assert_int_equal(wm_net_goals_table(&v, MH, &t), 0);
	/* Shown with the people reviewed, never without them. */
	s = wm_net_goals_higher_share(&t, 0);
	assert_int_equal(s.withheld, wm_net_goals_reviewed(&t, 0).withheld);
	if (!s.withheld)
		assert_int_equal(s.value, 67);	/* 20 of 30 */
	/* 3 not higher: withheld, and with it the people reviewed and the
	 * share, which would give it away. */
	assert_true(wm_net_goals_reviewed(&t, 1).withheld);
	assert_true(wm_net_goals_higher_share(&t, 1).withheld);
	wm_net_table_release(&t);
}

static void
test_funnel_points(void **state)
{
	static const int64_t parts[4][3] = { { 30, 20, 10 }, { 0, 0, 0 },
	    { 2, 40, 8 }, { 10, 30, 10 } };
	static const int64_t large[4][3] = { { 30, 20, 10 }, { 0, 0, 0 },
	    { 20, 40, 8 }, { 10, 30, 10 } };
	static const int64_t once[4] = { 5, 5, 5, 5 };
	struct wm_funnel_point pts[4];
	struct wm_buf b = WM_BUF_INIT;
	struct wm_funnel fit;
	struct fixture f;
	struct wm_net_table t;
	int fitted;

	(void)state;
	fixture(&f, 4, parts, once);
	assert_int_equal(wm_net_outcome_table(&f.v, &f.o, 0, WM_NET_SELF, MH,
	    &t), 0);
	wm_net_improved_points(&f.v, &t, pts);
	/* Two's 0 is withheld; Three's 2 improved is too. */
	assert_false(pts[0].withheld);
	assert_true(pts[1].withheld);
	assert_true(pts[2].withheld);
	assert_int_equal(wm_funnel_left_off(pts, 4), 2 + pts[3].withheld);
	assert_int_equal(wm_funnel_points_fit(pts, 4, &fit, &fitted), 0);
	if (fitted)
		assert_int_equal(fit.units, 4 - wm_funnel_left_off(pts, 4));
	assert_string_equal(wm_net_funnel_place(&fit, fitted, &pts[1]),
	    "left off");
	assert_int_equal(wm_funnel_html(&b, "t", "reliably improved", "people",
	    pts, 4, MH, &fit), 0);
	/* The table alternative never says "None" for Two's withheld 0. */
	assert_null(strstr(wm_buf_str(&b), "None"));
	assert_non_null(strstr(wm_buf_str(&b), "Left off the chart"));
	wm_buf_release(&b);
	wm_net_table_release(&t);

	/* Under HES a 0 is shown: "None", and not left off. */
	fixture(&f, 4, large, once);
	assert_int_equal(wm_net_outcome_table(&f.v, &f.o, 0, WM_NET_SELF, HE,
	    &t), 0);
	wm_net_improved_points(&f.v, &t, pts);
	assert_false(pts[1].withheld);
	assert_false(wm_funnel_point_shown(&pts[1]));
	assert_int_equal(wm_funnel_points_fit(pts, 4, &fit, &fitted), 0);
	assert_string_equal(wm_net_funnel_place(&fit, fitted, &pts[1]),
	    "not compared");
	assert_int_equal(wm_funnel_html(&b, "t", "reliably improved", "people",
	    pts, 4, HE, &fit), 0);
	assert_non_null(strstr(wm_buf_str(&b), "No one to compare"));
	wm_buf_release(&b);
	wm_net_table_release(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_once_table),
		cmocka_unit_test(test_unjudged),
		cmocka_unit_test(test_share_of_none),
		cmocka_unit_test(test_goals_share),
		cmocka_unit_test(test_funnel_points),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
