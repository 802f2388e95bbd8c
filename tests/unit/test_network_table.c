/*
 * Tests for the network's published tables and funnel points (report/
 * network_table.h, report/network_compare.h, report/funnel_svg.h): the
 * people who answered once only are disclosed as a column with its
 * total, so one small service cannot be worked out from the network's
 * total; a share of no one is nothing rather than withheld; the share of
 * goals rated higher goes with the people reviewed; a funnel's point is
 * left off with either figure withheld, and a withheld point whose
 * denominator is 0 is "*" and left off like any other, never "None",
 * which would say the 0 the rule withholds; and the table is one for the
 * whole network, providers and network as rows that add up, the same
 * whoever's view it is built from, each view's total a cell of it or the
 * sum of its shown cells; the experience and the people left out go
 * through the same one table, an ERFS mean shown only with its count of
 * ratings and never where a total less another gives a few ratings'
 * mean.
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

/* No withheld cell of t can be worked out from its shown cells, through
 * its rows and every level of its columns. */
static void
assert_protected(const struct wm_net_table *t)
{
	size_t w = t->cols + 1, n = t->nodes * w, k, r, c, kid;
	struct wm_sdc_line lines[64];
	size_t parts[64][16], n_lines = 0;

	for (r = 0; r < t->nodes; r++, n_lines++) {
		assert_true(n_lines < 64);
		for (c = 0; c < t->cols; c++)
			parts[n_lines][c] = r * w + c;
		lines[n_lines].parts = parts[n_lines];
		lines[n_lines].n_parts = t->cols;
		lines[n_lines].total = r * w + t->cols;
	}
	for (r = 0; r < t->nodes; r++)
		for (c = 0; !wm_net_table_is_service(t, r) && c < w; c++) {
			size_t m = 0;

			assert_true(n_lines < 64);
			for (kid = t->first_child[r]; kid != WM_NET_NO_NODE;
			    kid = t->next_sibling[kid])
				parts[n_lines][m++] = kid * w + c;
			lines[n_lines].parts = parts[n_lines];
			lines[n_lines].n_parts = m;
			lines[n_lines++].total = r * w + c;
		}
	for (k = 0; k < n; k++)
		if (t->cells[k].withheld && !t->cells[k].hidden)
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
	/* The people reviewed are the two counts as published added up,
	 * and the share is of those: 7 higher and 7 not are 5 and 5, so
	 * 10 reviewed (15 rounded after adding) and 50%; 8 and 6 are 10 and
	 * 5, so 67% (57% of the unrounded counts). */
	sv[0].with_goals = 40, sv[0].reviewed = 14, sv[0].higher = 7;
	sv[1].with_goals = 40, sv[1].reviewed = 14, sv[1].higher = 8;
	assert_int_equal(wm_net_goals_table(&v, MH, &t), 0);
	s = wm_net_goals_reviewed(&t, 0);
	assert_false(s.withheld);
	assert_int_equal(s.value, 10);
	assert_int_equal(wm_net_goals_higher_share(&t, 0).value, 50);
	assert_int_equal(wm_net_goals_reviewed(&t, 1).value, 15);
	assert_int_equal(wm_net_goals_higher_share(&t, 1).value, 67);
	/* The network: 15 higher and 13 not, 15 and 15: 30 and 50%. */
	assert_int_equal(wm_net_goals_reviewed(&t, 2).value, 30);
	assert_int_equal(wm_net_goals_higher_share(&t, 2).value, 50);
	wm_net_table_release(&t);
}

/* Every share is of the counts as published, and a funnel's point is at
 * them: 7 of 20 improved is 5 of 20, 25% (35% of the unrounded counts
 * would give the 7 away beside cells withheld). */
static void
test_shares_as_published(void **state)
{
	static const int64_t parts[2][3] = { { 7, 7, 6 }, { 22, 11, 8 } };
	static const int64_t once[2] = { 10, 10 };
	struct wm_funnel_point pts[2];
	struct fixture f;
	struct wm_net_table t;

	(void)state;
	fixture(&f, 2, parts, once);
	assert_int_equal(wm_net_outcome_table(&f.v, &f.o, 0, WM_NET_SELF, MH,
	    &t), 0);
	assert_int_equal(wm_net_table_count(&t, 0, WM_NET_IMPROVED).value, 5);
	assert_int_equal(wm_net_table_share(&t, 0, WM_NET_IMPROVED).value, 25);
	assert_int_equal(wm_net_table_share(&t, 0, WM_NET_DETERIORATED).value,
	    25);
	/* 22 of 41: 20 of 40, 50% (54% unrounded). */
	assert_int_equal(wm_net_table_share(&t, 1, WM_NET_IMPROVED).value, 50);
	/* The network: 29 of 61, 30 of 60. */
	assert_int_equal(wm_net_table_share(&t, 2, WM_NET_IMPROVED).value, 50);
	wm_net_improved_points(&f.v, &t, pts);
	assert_false(pts[0].withheld);
	assert_int_equal(pts[0].n, 20);
	assert_int_equal(pts[0].x, 5);
	assert_int_equal(pts[1].n, 40);
	assert_int_equal(pts[1].x, 20);
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
	    pts, 4, &fit), 0);
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
	    pts, 4, &fit), 0);
	assert_non_null(strstr(wm_buf_str(&b), "No one to compare"));
	wm_buf_release(&b);
	wm_net_table_release(&t);
}

/* --- one table of the network, whoever looks ---------------------------- */

/* A network of two providers, P (services 1, 2) and Q (services 3, 4),
 * with their paired-outcome rates, and a view of it: the services of
 * the providers in `scope` ("PQ", "P", "Q") first, as a view holds them,
 * then the rest. */
struct net {
	struct wm_net_view v;
	struct wm_net_provider providers[2];
	struct wm_net_service services[4];
};

static void
net_view(struct net *n, const char *scope, const int64_t (*rate)[2])
{
	static const int64_t pid[2] = { 100, 200 };
	size_t i, p, at = 0, pat = 0;
	int pass;

	memset(n, 0, sizeof(*n));
	n->v.providers = n->providers;
	n->v.services = n->services;
	for (pass = 1; pass >= 0; pass--) {
		for (p = 0; p < 2; p++) {
			int in = strchr(scope, p ? 'Q' : 'P') != NULL;

			if (in != pass)
				continue;
			n->providers[pat].id = pid[p];
			for (i = 2 * p; i < 2 * p + 2; i++, at++) {
				n->services[at].id = (int64_t)i + 1;
				n->services[at].provider = pat;
				n->services[at].eligible = rate[i][0];
				n->services[at].paired = rate[i][1];
			}
			pat++;
		}
		if (pass) {
			n->v.n_services = at;
			n->v.n_providers = pat;
		}
	}
	n->v.n_all_services = at;
	n->v.n_all_providers = pat;
}

/* The view's row of the service with this id. */
static size_t
row_of(const struct net *n, int64_t id)
{
	size_t i;

	for (i = 0; i < n->v.n_all_services; i++)
		if (n->services[i].id == id)
			return i;
	fail();
	return 0;
}

/* Eligible and paired: service 3's 3 paired is small. */
static const int64_t rates[4][2] = { { 50, 30 }, { 50, 40 }, { 28, 3 },
	{ 70, 40 } };

/*
 * The bridge the network's commissioner and Q's commissioner would build
 * between two tables disclosed apart: service 3's small count, withheld
 * in both, falls out of the network's total less P's services and
 * service 4 (the network's view), or of Q's total less service 4 (Q's).
 * Disclosed as one table, no withheld cell can be worked out from the
 * cells of every level together, and each view's total is the cell of
 * its scope.
 */
static void
test_bridge_across_providers(void **state)
{
	struct net all, q;
	struct wm_net_table t, tq;
	size_t i;

	(void)state;
	net_view(&all, "PQ", rates);
	net_view(&q, "Q", rates);
	assert_int_equal(wm_net_paired_table(&all.v, MH, &t), 0);
	assert_int_equal(wm_net_paired_table(&q.v, MH, &tq), 0);
	/* Every cell any view publishes is a cell of the one table, so
	 * protecting the table at every level protects all views at once. */
	assert_protected(&t);
	assert_protected(&tq);
	assert_true(wm_net_table_count(&t, row_of(&all, 3),
	    WM_NET_PAIRED).withheld);
	/* Q's view: its two services and its total, the table's cell for
	 * Q; the network's: all four and the network's. */
	assert_int_equal(tq.rows, 2);
	for (i = 0; i <= WM_NET_PAIRED_COLS; i++) {
		size_t node = wm_net_table_provider(&tq, 0);

		assert_int_equal(wm_net_table_withheld(&tq, 2, i),
		    tq.cells[node * (tq.cols + 1) + i].withheld);
		assert_int_equal(wm_net_table_withheld(&t, 4, i),
		    t.cells[wm_net_table_root(&t) * (t.cols + 1) + i].withheld);
	}
	wm_net_table_release(&t);
	wm_net_table_release(&tq);
}

/* The same cells are withheld whoever looks: the table does not depend
 * on the order the view holds the services in, nor on its scope. */
static void
test_same_whoever_looks(void **state)
{
	static const char *const scopes[] = { "PQ", "P", "Q" };
	struct net n[3];
	struct wm_net_table t[3];
	size_t k, c;
	int64_t id;

	(void)state;
	for (k = 0; k < 3; k++) {
		net_view(&n[k], scopes[k], rates);
		assert_int_equal(wm_net_paired_table(&n[k].v, MH, &t[k]), 0);
	}
	for (id = 1; id <= 4; id++)
		for (k = 1; k < 3; k++)
			for (c = 0; c <= WM_NET_PAIRED_COLS; c++)
				assert_int_equal(t[k].cells[wm_net_table_node(
				    &t[k], row_of(&n[k], id)) * (t[k].cols + 1) +
				    c].withheld, t[0].cells[wm_net_table_node(
				    &t[0], row_of(&n[0], id)) * (t[0].cols + 1) +
				    c].withheld);
	for (k = 0; k < 3; k++)
		wm_net_table_release(&t[k]);
}

/* Only services 1 and 3 in the view (grants on a service of each
 * provider): they come first, the others after. */
static void
services_1_and_3(struct net *n)
{
	struct wm_net_service two = n->services[1];

	n->services[1] = n->services[2];
	n->services[2] = two;
	n->v.n_services = 2;
}

/* The paired-outcome table of a view of services 1 and 3 alone. */
static void
subset_table(struct net *n, const int64_t (*rate)[2], struct wm_net_table *t)
{
	net_view(n, "PQ", rate);
	services_1_and_3(n);
	assert_int_equal(wm_net_paired_table(&n->v, MH, t), 0);
}

/* A view whose scope is no single unit of the table: its total is the
 * sum of shown cells that make it up exactly, else withheld. */
static void
test_subset_total(void **state)
{
	static const int64_t big[4][2] = { { 50, 30 }, { 50, 40 }, { 60, 30 },
	    { 70, 40 } };
	static const int64_t odd[4][2] = { { 52, 27 }, { 50, 40 }, { 48, 32 },
	    { 70, 40 } };
	struct net n;
	struct wm_net_table t;

	(void)state;
	subset_table(&n, big, &t);
	/* Every cell shown: the sum of services 1 and 3, 60 paired of 110. */
	assert_int_equal(wm_net_table_count(&t, 2, WM_NET_PAIRED).value, 60);
	assert_int_equal(wm_net_table_count(&t, 2, WM_NET_PAIRED_COLS).value,
	    110);
	assert_int_equal(wm_net_table_share(&t, 2, WM_NET_PAIRED).value, 55);
	wm_net_table_release(&t);
	/* Service 3 with 3 paired: withheld, and so is the view's total,
	 * which no shown cells make up. */
	subset_table(&n, rates, &t);
	assert_true(wm_net_table_count(&t, 1, WM_NET_PAIRED).withheld);
	assert_true(wm_net_table_count(&t, 2, WM_NET_PAIRED).withheld);
	assert_true(wm_net_table_share(&t, 2, WM_NET_PAIRED).withheld);
	wm_net_table_release(&t);
	/* The sum is of the cells as published: 27 and 32 paired are shown
	 * as 25 and 30, so their total is 55 (rounded after adding, 59
	 * would be 60, and say more than the two cells do), and its share
	 * 55 of 100. */
	subset_table(&n, odd, &t);
	assert_int_equal(wm_net_table_count(&t, 0, WM_NET_PAIRED).value, 25);
	assert_int_equal(wm_net_table_count(&t, 1, WM_NET_PAIRED).value, 30);
	assert_int_equal(wm_net_table_count(&t, 2, WM_NET_PAIRED).value, 55);
	assert_int_equal(wm_net_table_count(&t, 2, WM_NET_NOT_PAIRED).value,
	    40);
	assert_int_equal(wm_net_table_count(&t, 2, WM_NET_PAIRED_COLS).value,
	    100);
	assert_int_equal(wm_net_table_share(&t, 2, WM_NET_PAIRED).value, 55);
	wm_net_table_release(&t);
}

/* The mean change: the network's less P's would be the mean of Q's 3
 * people, so one of the two is withheld, whoever looks. */
static void
test_mean_by_subtraction(void **state)
{
	static const int64_t people[4] = { 60, 40, 3, 0 };
	struct wm_net_outcome cells[4 * WM_NET_KINDS];
	struct wm_net_outcomes o;
	struct wm_net_table t;
	struct wm_moments m;
	struct net n;
	int shown = 0;
	size_t i;

	(void)state;
	memset(cells, 0, sizeof(cells));
	memset(&o, 0, sizeof(o));
	o.n_scales = 1;
	o.n_services = 4;
	o.cells = cells;
	for (i = 0; i < 4; i++) {
		cells[i * WM_NET_KINDS].t.change.n = people[i];
		cells[i * WM_NET_KINDS].t.change.sum = (double)people[i];
	}
	net_view(&n, "PQ", rates);
	assert_int_equal(wm_net_mean_table(&n.v, &o, 0, WM_NET_SELF, MH, &t),
	    0);
	shown += wm_net_mean_of(&t, &o, 0, WM_NET_SELF, &m);
	wm_net_table_release(&t);
	/* P's view holds P's services first, as the outcomes' cells must
	 * be: 1 and 2 are first in both. */
	net_view(&n, "P", rates);
	assert_int_equal(wm_net_mean_table(&n.v, &o, 0, WM_NET_SELF, MH, &t),
	    0);
	if (wm_net_mean_of(&t, &o, 0, WM_NET_SELF, &m)) {
		shown++;
		assert_int_equal(m.n, 100);
	}
	wm_net_table_release(&t);
	assert_int_equal(shown, 1);
	/* Q's own: 3 people, withheld. */
	net_view(&n, "Q", rates);
	for (i = 0; i < 4; i++)
		cells[i * WM_NET_KINDS].t.change.n = people[(i + 2) % 4];
	assert_int_equal(wm_net_mean_table(&n.v, &o, 0, WM_NET_SELF, MH, &t),
	    0);
	assert_false(wm_net_mean_of(&t, &o, 0, WM_NET_SELF, &m));
	wm_net_table_release(&t);
}

/* --- what people and staff say, and who is left out -------------------- */

/* The experience of every service of n's view, in its order, from
 * figures by service id (1..4): one ERFS group rated by people using
 * the services (ratings[id - 1], each rating 3 + id, the most in one
 * quarter rounds[id - 1], or all in one when rounds is NULL), and one
 * indicator (answered[id - 1], of them agree[id - 1]). */
struct said {
	struct wm_net_experience e;
	int64_t ratings[4 * WM_NET_RATERS], answered[4], agree[4];
	int64_t peak[4 * WM_NET_RATERS];
	double total[4 * WM_NET_RATERS];
};

static void
said_rounds(struct said *s, struct net *n, const int64_t *ratings,
    const int64_t *rounds, const int64_t (*agree)[2])
{
	size_t i;

	memset(s, 0, sizeof(*s));
	for (i = 0; i < n->v.n_all_services; i++) {
		size_t id = (size_t)n->services[i].id - 1;

		s->ratings[i * WM_NET_RATERS + WM_NET_PEOPLE] = ratings[id];
		s->peak[i * WM_NET_RATERS + WM_NET_PEOPLE] = rounds ?
		    rounds[id] : ratings[id];
		s->total[i * WM_NET_RATERS + WM_NET_PEOPLE] =
		    (double)ratings[id] * (3.0 + (double)id);
		s->answered[i] = agree[id][0];
		s->agree[i] = agree[id][1];
	}
	s->e.n_services = n->v.n_all_services;
	s->e.n_groups = 1;
	s->e.ratings = s->ratings;
	s->e.total = s->total;
	s->e.peak = s->peak;
	s->e.n_items = 1;
	s->e.answered = s->answered;
	s->e.agree = s->agree;
	n->v.experience = s->e;
}

static void
said_of(struct said *s, struct net *n, const int64_t *ratings,
    const int64_t (*agree)[2])
{
	said_rounds(s, n, ratings, NULL, agree);
}

/* Each service's agreeing with one indicator: service 3's 3 of 4. */
static const int64_t agreeing[4][2] = { { 40, 30 }, { 20, 12 }, { 4, 3 },
	{ 30, 20 } };

/*
 * ERFS means, every level of the tree: a mean is shown only with the
 * count of ratings behind it, and never where the network's mean less
 * P's would be the mean of Q's 3 ratings (service 4 has none): so of the
 * network's mean and P's, one is withheld, whoever looks, and every
 * withheld count (so every withheld sum of ratings) is protected.
 */
static void
test_erfs_means(void **state)
{
	static const int64_t ratings[4] = { 30, 20, 3, 0 };
	static const char *const scopes[] = { "PQ", "P", "Q" };
	struct wm_net_mean m;
	struct wm_net_table t;
	struct said said;
	struct net n;
	size_t k, i;
	int totals = 0;

	(void)state;
	for (k = 0; k < 3; k++) {
		net_view(&n, scopes[k], rates);
		said_of(&said, &n, ratings, agreeing);
		assert_int_equal(wm_net_erfs_table(&n.v, 0, WM_NET_PEOPLE, MH,
		    &t), 0);
		assert_protected(&t);
		for (i = 0; i <= t.rows; i++) {
			m = wm_net_erfs_mean(&n.v, &t, 0, WM_NET_PEOPLE, i);
			if (m.has)
				assert_int_equal(m.withheld,
				    wm_net_table_withheld(&t, i, t.cols));
		}
		m = wm_net_erfs_mean(&n.v, &t, 0, WM_NET_PEOPLE, t.rows);
		if (k < 2 && m.has && !m.withheld)
			totals++;
		/* P's total: its services' 30 ratings of 3 and 20 of 4. */
		if (k == 1 && !m.withheld)
			assert_true(m.value > 3.39 && m.value < 3.41);
		/* Q's: its 3 ratings, withheld, as is service 3's. */
		if (k == 2) {
			assert_true(m.withheld);
			assert_true(wm_net_erfs_mean(&n.v, &t, 0,
			    WM_NET_PEOPLE, 0).withheld);
		}
		wm_net_table_release(&t);
	}
	assert_int_equal(totals, 1);
}

/*
 * Ratings carry no name: three members of staff rating every quarter
 * give 12 ratings over four, a mean of three people, withheld whatever
 * the count. Five in one quarter are five people at the least: enough
 * for mhsds, not for hes. Service 1's 12 ratings (each a 3) by how many
 * rated in one quarter; the other services' rounds are large.
 */
static void
test_erfs_rounds(void **state)
{
	static const int64_t ratings[4] = { 12, 40, 30, 30 };
	static const struct {
		int64_t round;
		enum wm_disclosure_rule rule;
		int withheld;
	} cases[] = { { 3, MH, 1 }, { 4, MH, 1 }, { 5, MH, 0 }, { 12, MH, 0 },
	    { 5, HE, 1 }, { 8, HE, 0 } };
	int64_t rounds[4] = { 0, 10, 10, 10 };
	struct wm_net_mean m;
	struct wm_net_table t;
	struct said said;
	struct net n;
	size_t k;

	(void)state;
	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		rounds[0] = cases[k].round;
		net_view(&n, "PQ", rates);
		said_rounds(&said, &n, ratings, rounds, agreeing);
		assert_int_equal(wm_net_erfs_table(&n.v, 0, WM_NET_PEOPLE,
		    cases[k].rule, &t), 0);
		assert_protected(&t);
		m = wm_net_erfs_mean(&n.v, &t, 0, WM_NET_PEOPLE, row_of(&n, 1));
		assert_true(m.has);
		assert_int_equal(m.withheld, cases[k].withheld);
		/* Withheld with its count, so that P's sum less service 2's
		 * cannot give it. */
		assert_int_equal(wm_net_table_withheld(&t, row_of(&n, 1),
		    t.cols), cases[k].withheld);
		if (!m.withheld)
			assert_true(m.value > 2.99 && m.value < 3.01);
		wm_net_table_release(&t);
	}
}

/* A provider's or the network's largest round is its services' largest
 * single one, not their sum: one member of staff may rate two services
 * in a round. Every service's 12 ratings came three a quarter, so no
 * mean anywhere, though the network's 48 came twelve a quarter. */
static void
test_erfs_rounds_total(void **state)
{
	static const int64_t ratings[4] = { 12, 12, 12, 12 };
	static const int64_t rounds[4] = { 3, 3, 3, 3 };
	struct wm_net_table t;
	struct said said;
	struct net n;
	size_t i;

	(void)state;
	net_view(&n, "PQ", rates);
	said_rounds(&said, &n, ratings, rounds, agreeing);
	assert_int_equal(wm_net_erfs_table(&n.v, 0, WM_NET_PEOPLE, MH, &t), 0);
	for (i = 0; i <= t.rows; i++)
		assert_true(wm_net_erfs_mean(&n.v, &t, 0, WM_NET_PEOPLE,
		    i).withheld);
	assert_true(wm_net_table_cell(&t, wm_net_table_root(&t),
	    t.cols)->withheld);
	wm_net_table_release(&t);
}

/* An indicator's people who agree and not, in the one table of the
 * network: service 3's 1 who does not agree is withheld with whatever
 * would give it away, and the share goes with its counts. */
static void
test_indicator_table(void **state)
{
	static const int64_t ratings[4] = { 30, 20, 10, 10 };
	struct wm_net_table t;
	struct said said;
	struct net n;

	(void)state;
	net_view(&n, "PQ", rates);
	said_of(&said, &n, ratings, agreeing);
	assert_int_equal(wm_net_indicator_table(&n.v, 0, MH, &t), 0);
	assert_protected(&t);
	assert_true(wm_net_table_count(&t, row_of(&n, 3),
	    WM_NET_NOT_AGREE).withheld);
	assert_true(wm_net_table_share(&t, row_of(&n, 3),
	    WM_NET_AGREE).withheld);
	assert_int_equal(wm_net_table_share(&t, row_of(&n, 1),
	    WM_NET_AGREE).value, 75);
	wm_net_table_release(&t);
}

/* No response and answered only by someone else: one column each, for
 * every service of the network with the providers and the network, and
 * a provider's view totals its provider's cell. */
static void
test_leftout_tables(void **state)
{
	static const struct wm_net_leftout left[4] = { { 50, 30, 10 },
	    { 40, 38, 2 }, { 30, 10, 0 }, { 20, 5, 6 } };
	struct wm_net_leftout cells[4];
	struct wm_net_outcomes o;
	struct wm_net_table none, others;
	struct net n;
	size_t i;

	(void)state;
	net_view(&n, "Q", rates);
	memset(&o, 0, sizeof(o));
	o.n_scales = 1;
	o.n_services = 4;
	o.leftout = cells;
	for (i = 0; i < 4; i++)
		cells[i] = left[n.services[i].id - 1];
	assert_int_equal(wm_net_none_table(&n.v, &o, 0, MH, &none), 0);
	assert_int_equal(wm_net_others_table(&n.v, &o, 0, MH, &others), 0);
	assert_protected(&none);
	assert_protected(&others);
	/* Q's services: 20 and 15 with no response; 0 and 6 answered only
	 * by someone else, the 0 withheld and so the 6 or Q's total. */
	assert_int_equal(wm_net_table_true(&none, 2, 0), 35);
	assert_int_equal(wm_net_table_count(&none, 2, 0).value, 35);
	assert_true(wm_net_table_count(&others, row_of(&n, 3), 0).withheld);
	assert_true(wm_net_table_count(&others, row_of(&n, 4), 0).withheld ||
	    wm_net_table_count(&others, 2, 0).withheld);
	/* Service 2's 2 answered only by others is withheld in the network's
	 * table, whoever looks. */
	assert_true(others.cells[wm_net_table_node(&others, row_of(&n, 2)) *
	    2].withheld);
	wm_net_table_release(&none);
	wm_net_table_release(&others);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_once_table),
		cmocka_unit_test(test_unjudged),
		cmocka_unit_test(test_share_of_none),
		cmocka_unit_test(test_goals_share),
		cmocka_unit_test(test_shares_as_published),
		cmocka_unit_test(test_funnel_points),
		cmocka_unit_test(test_bridge_across_providers),
		cmocka_unit_test(test_same_whoever_looks),
		cmocka_unit_test(test_subset_total),
		cmocka_unit_test(test_mean_by_subtraction),
		cmocka_unit_test(test_erfs_means),
		cmocka_unit_test(test_erfs_rounds),
		cmocka_unit_test(test_erfs_rounds_total),
		cmocka_unit_test(test_indicator_table),
		cmocka_unit_test(test_leftout_tables),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
