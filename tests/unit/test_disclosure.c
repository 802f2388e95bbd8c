/*
 * Tests for core/disclosure: both rules for commissioners (and none) on
 * counts, percentages and means at every boundary; then secondary
 * suppression: one line with one small part, a table of services by
 * outcomes where withholding two per line still leaves a figure that can
 * be worked out (a bridge) and wm_disclose_table does not, and many
 * random small tables after which no withheld figure can be worked out
 * and every primary one stays withheld.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "core/disclosure.h"

#include "testutil.h"

#define MH WM_DISCLOSURE_MHSDS
#define HE WM_DISCLOSURE_HES
#define NO WM_DISCLOSURE_NONE
#define W -1	/* withheld */

static void
test_names(void **state)
{
	static const char *const names[] = { "mhsds", "hes", "none" };
	static const char *const refused[] = { "nhs", "", "MHSDS", "hes ",
	    "mhsd", "nonee" };
	enum wm_disclosure_rule r;
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(names); i++) {
		assert_int_equal(wm_disclosure_parse(names[i], &r), 0);
		assert_int_equal(r, (enum wm_disclosure_rule)i);
		assert_string_equal(wm_disclosure_name(r), names[i]);
		assert_true(strlen(wm_disclosure_describe(r)) > 40);
	}
	for (i = 0; i < TU_NELEM(refused); i++) {
		r = HE;
		assert_int_equal(wm_disclosure_parse(refused[i], &r), -1);
		assert_int_equal(r, HE);
	}
	assert_int_equal(wm_disclosure_parse(NULL, &r), -1);
	assert_int_equal(WM_DISCLOSURE_DEFAULT, MH);
	/* Each sentence names its own thresholds, for the pages. */
	assert_non_null(strstr(wm_disclosure_describe(MH), "0 to 4"));
	assert_non_null(strstr(wm_disclosure_describe(MH), "Mental Health "
	    "Services Data Set"));
	assert_non_null(strstr(wm_disclosure_describe(HE), "1 to 7"));
	assert_non_null(strstr(wm_disclosure_describe(HE), "fewer than 8"));
	assert_non_null(strstr(wm_disclosure_describe(NO), "analysts"));
}

static const struct {
	int64_t n;
	int64_t mhsds, hes, none;	/* W: withheld */
} counts[] = {
	{ -1, W, W, W },
	{ 0, W, 0, 0 }, { 1, W, W, 1 }, { 2, W, W, 2 }, { 4, W, W, 4 },
	{ 5, 5, W, 5 }, { 6, 5, W, 6 }, { 7, 5, W, 7 }, { 8, 10, 10, 8 },
	{ 9, 10, 10, 9 }, { 10, 10, 10, 10 }, { 12, 10, 10, 12 },
	{ 13, 15, 15, 13 }, { 17, 15, 15, 17 }, { 18, 20, 20, 18 },
	{ 102, 100, 100, 102 }, { 103, 105, 105, 103 },
	{ 1000001, 1000000, 1000000, 1000001 },
};

static void
check_shown(struct wm_shown s, int64_t want, const char *what, int64_t a,
    int64_t b)
{
	if ((want == W) != (s.withheld != 0) ||
	    (want != W && s.value != want) || (s.withheld && s.value != 0)) {
		print_error("%s(%lld, %lld): withheld %d value %lld, wanted "
		    "%lld\n", what, (long long)a, (long long)b, s.withheld,
		    (long long)s.value, (long long)want);
		fail();
	}
}

static void
test_counts(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(counts); i++) {
		check_shown(wm_disclose_count(MH, counts[i].n), counts[i].mhsds,
		    "mhsds count", counts[i].n, 0);
		check_shown(wm_disclose_count(HE, counts[i].n), counts[i].hes,
		    "hes count", counts[i].n, 0);
		check_shown(wm_disclose_count(NO, counts[i].n), counts[i].none,
		    "none count", counts[i].n, 0);
	}
	/* A value that is no rule withholds as the default does. */
	check_shown(wm_disclose_count((enum wm_disclosure_rule)7, 3), W,
	    "unknown rule count", 3, 0);
}

static const struct {
	int64_t num, den;
	int64_t mhsds, hes, none;
} percents[] = {
	/* The denominator at each boundary. */
	{ 0, 0, W, W, W }, { 0, -3, W, W, W }, { 1, 1, W, W, 100 },
	{ 4, 4, W, W, 100 }, { 5, 5, 100, W, 100 },
	/* Of the counts as published, never the unrounded ones: 5 of 7 is
	 * shown as 5 of 5, so 100% (71% of the unrounded counts would say
	 * the denominator is exactly 7); 5 of 8 as 5 of 10. */
	{ 5, 7, 100, W, 71 }, { 5, 8, 50, W, 63 }, { 8, 8, 100, 100, 100 },
	/* The numerator at each boundary. */
	{ 0, 20, W, 0, 0 }, { 1, 20, W, W, 5 }, { 4, 20, W, W, 20 },
	{ 5, 20, 25, W, 25 }, { 7, 20, 25, W, 35 }, { 8, 20, 50, 50, 40 },
	{ -1, 20, W, W, W },
	/* Half up: 5 of 40 is 12.5%, so 13%; 8 of 64 is 10 of 65 as
	 * published, 15%, and 13% (12.5%) as it is. */
	{ 5, 40, 13, W, 13 }, { 7, 8, 50, W, 88 }, { 1, 8, W, W, 13 },
	{ 8, 64, 15, 15, 13 }, { 6, 7, 100, W, 86 }, { 10, 11, 100, 100, 91 },
	{ 1, 3, W, W, 33 }, { 2, 3, W, W, 67 },
	/* The review's "93% of 15": 14 of 15 is 15 of 15 as published,
	 * which says nothing of the 1 left. */
	{ 14, 15, 100, 100, 93 },
	/* Too large for 200 x num in 64 bits. */
	{ INT64_MAX / 100, INT64_MAX / 50, 50, 50, 50 },
};

static void
test_percents(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(percents); i++) {
		int64_t a = percents[i].num, b = percents[i].den;

		check_shown(wm_disclose_percent(MH, a, b), percents[i].mhsds,
		    "mhsds percent", a, b);
		check_shown(wm_disclose_percent(HE, a, b), percents[i].hes,
		    "hes percent", a, b);
		check_shown(wm_disclose_percent(NO, a, b), percents[i].none,
		    "none percent", a, b);
	}
}

/* A share of figures as published: withheld with either, of a
 * denominator published as 0 or less, or of a negative numerator. */
static void
test_shares(void **state)
{
	static const struct {
		struct wm_shown num, den;
		int64_t want;
	} s[] = {
		{ { 0, 5 }, { 0, 15 }, 33 }, { { 0, 10 }, { 0, 15 }, 67 },
		{ { 0, 0 }, { 0, 10 }, 0 }, { { 0, 10 }, { 0, 10 }, 100 },
		{ { 1, 0 }, { 0, 10 }, W }, { { 0, 5 }, { 1, 0 }, W },
		{ { 0, 0 }, { 0, 0 }, W }, { { 0, 5 }, { 0, -5 }, W },
		{ { 0, -5 }, { 0, 10 }, W },
		/* Half up: 1 of 8 is 12.5%. */
		{ { 0, 1 }, { 0, 8 }, 13 }, { { 0, 1 }, { 0, 200 }, 1 },
		{ { 0, 1 }, { 0, 201 }, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(s); i++)
		check_shown(wm_disclose_share(s[i].num, s[i].den), s[i].want,
		    "share", s[i].num.value, s[i].den.value);
}

static void
test_means(void **state)
{
	static const struct {
		int64_t n;
		int mhsds, hes, none;
	} t[] = {
		{ -1, 0, 0, 0 }, { 0, 0, 0, 0 }, { 1, 0, 0, 1 }, { 4, 0, 0, 1 },
		{ 5, 1, 0, 1 }, { 7, 1, 0, 1 }, { 8, 1, 1, 1 },
		{ 500, 1, 1, 1 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(t); i++) {
		assert_int_equal(wm_disclose_mean(MH, t[i].n), t[i].mhsds);
		assert_int_equal(wm_disclose_mean(HE, t[i].n), t[i].hes);
		assert_int_equal(wm_disclose_mean(NO, t[i].n), t[i].none);
	}
}

/* ------------------------------------------------------------------ */
/* Secondary suppression                                               */

/* The naive rule: no line with exactly one withheld cell. */
static int
two_per_line(const struct wm_sdc_cell *c, const struct wm_sdc_line *l,
    size_t n_lines)
{
	size_t i, j, w;

	for (i = 0; i < n_lines; i++) {
		w = c[l[i].total].withheld != 0;
		for (j = 0; j < l[i].n_parts; j++)
			w += c[l[i].parts[j]].withheld != 0;
		if (w == 1)
			return 0;
	}
	return 1;
}

/* After wm_disclose_table: primaries withheld, none determined. */
static void
check_protected(const struct wm_sdc_cell *c, size_t n_cells,
    const struct wm_sdc_line *l, size_t n_lines)
{
	size_t k;

	for (k = 0; k < n_cells; k++) {
		if (c[k].primary)
			assert_true(c[k].withheld);
		if (c[k].withheld && wm_disclose_determined(c, n_cells, l,
		    n_lines, k)) {
			print_error("cell %zu (n = %lld) can be worked out\n", k,
			    (long long)c[k].n);
			fail();
		}
	}
}

static void
test_determined(void **state)
{
	static const size_t parts[] = { 0, 1 };
	const struct wm_sdc_line line = { parts, 2, 2 };
	struct wm_sdc_cell c[3] = { { .n = 3 }, { .n = 9 }, { .n = 12 } };

	(void)state;
	/* Shown cells are known. */
	assert_int_equal(wm_disclose_determined(c, 3, &line, 1, 0), 1);
	/* One withheld in a line: subtraction. */
	c[0].withheld = 1;
	assert_int_equal(wm_disclose_determined(c, 3, &line, 1, 0), 1);
	/* Two: neither. */
	c[1].withheld = 1;
	assert_int_equal(wm_disclose_determined(c, 3, &line, 1, 0), 0);
	assert_int_equal(wm_disclose_determined(c, 3, &line, 1, 1), 0);
	/* The total too: still neither, and not the total. */
	c[2].withheld = 1;
	assert_int_equal(wm_disclose_determined(c, 3, &line, 1, 2), 0);
	/* A part and the total withheld: the part follows from the other. */
	c[1].withheld = 0;
	assert_int_equal(wm_disclose_determined(c, 3, &line, 1, 0), 0);
	assert_int_equal(wm_disclose_determined(c, 3, &line, 1, 2), 0);
	/* No lines at all: a withheld cell is simply unknown. */
	assert_int_equal(wm_disclose_determined(c, 3, NULL, 0, 0), 0);
}

/* Each cell's marks, as strings of 0 and 1 in cell order. */
static void
check_marks(const struct wm_sdc_cell *c, size_t n, const char *primary,
    const char *withheld)
{
	size_t k;

	for (k = 0; k < n; k++) {
		assert_int_equal(c[k].primary, primary[k] == '1');
		assert_int_equal(c[k].withheld, withheld[k] == '1');
	}
}

/* paired = improved + no change + deteriorated, with one small part. */
static void
test_one_line(void **state)
{
	enum { IMPROVED, SAME, WORSE, PAIRED };
	static const size_t parts[] = { IMPROVED, SAME, WORSE };
	const struct wm_sdc_line line = { parts, 3, PAIRED };
	struct wm_sdc_cell c[4] = { { .n = 20 }, { .n = 3 }, { .n = 12 },
	    { .n = 35 } };
	struct wm_sdc_cell none[4];

	(void)state;
	memcpy(none, c, sizeof(c));
	/* "No change" is withheld; so is the smaller other part, not the
	 * total. */
	assert_int_equal(wm_disclose_table(MH, c, 4, &line, 1), 0);
	check_marks(c, 4, "0100", "0110");
	check_protected(c, 4, &line, 1);

	/* Under HES a 0 is shown, and is the smallest part to withhold. */
	c[IMPROVED].n = 0;
	c[SAME].n = 6;
	c[WORSE].n = 29;
	assert_int_equal(wm_disclose_table(HE, c, 4, &line, 1), 0);
	check_marks(c, 4, "0100", "1100");
	check_protected(c, 4, &line, 1);

	/* None withholds nothing. */
	assert_int_equal(wm_disclose_table(NO, none, 4, &line, 1), 0);
	check_marks(none, 4, "0000", "0000");
}

/* Two lines, where a line's total is a part of the next: the other part
 * is withheld before the total that is also a part. */
static void
test_nested_lines(void **state)
{
	static const size_t inner[] = { 0, 1 }, outer[] = { 2, 3 };
	const struct wm_sdc_line lines[] = { { inner, 2, 2 },
	    { outer, 2, 4 } };
	struct wm_sdc_cell c[5] = { { .n = 2 }, { .n = 60 }, { .n = 62 },
	    { .n = 9 }, { .n = 71 } };

	(void)state;
	assert_int_equal(wm_disclose_table(MH, c, 5, lines, 2), 0);
	check_marks(c, 5, "10000", "11000");
	check_protected(c, 5, lines, 2);
}

/*
 * A table of services (rows) by outcomes (columns), with each service's
 * total, each outcome's total and the grand total: every row and every
 * column of the whole table, totals included, is a line. cell(i, j) for
 * i in 0..rows (rows = the totals row) and j in 0..cols (cols = the
 * totals column).
 */
#define MAX_R 6
#define MAX_C 5

struct table {
	size_t rows, cols;
	struct wm_sdc_cell c[(MAX_R + 1) * (MAX_C + 1)];
	size_t parts[MAX_R + MAX_C + 2][MAX_R + MAX_C];
	struct wm_sdc_line l[MAX_R + MAX_C + 2];
	size_t n_lines;
};

static size_t
cell(const struct table *t, size_t i, size_t j)
{
	return i * (t->cols + 1) + j;
}

static size_t
n_cells(const struct table *t)
{
	return (t->rows + 1) * (t->cols + 1);
}

/* Fills the totals from the inner cells and makes the lines. */
static void
table_lines(struct table *t)
{
	size_t i, j, k = 0;

	for (i = 0; i <= t->rows; i++)
		t->c[cell(t, i, t->cols)].n = 0;
	for (j = 0; j <= t->cols; j++)
		t->c[cell(t, t->rows, j)].n = 0;
	for (i = 0; i < t->rows; i++)
		for (j = 0; j < t->cols; j++) {
			int64_t v = t->c[cell(t, i, j)].n;

			t->c[cell(t, i, t->cols)].n += v;
			t->c[cell(t, t->rows, j)].n += v;
			t->c[cell(t, t->rows, t->cols)].n += v;
		}
	for (i = 0; i <= t->rows; i++, k++) {
		for (j = 0; j < t->cols; j++)
			t->parts[k][j] = cell(t, i, j);
		t->l[k].parts = t->parts[k];
		t->l[k].n_parts = t->cols;
		t->l[k].total = cell(t, i, t->cols);
	}
	for (j = 0; j <= t->cols; j++, k++) {
		for (i = 0; i < t->rows; i++)
			t->parts[k][i] = cell(t, i, j);
		t->l[k].parts = t->parts[k];
		t->l[k].n_parts = t->rows;
		t->l[k].total = cell(t, t->rows, j);
	}
	t->n_lines = k;
}

/*
 * Five services by improved, no change and deteriorated, under HES (a 0
 * is shown). The small counts are the first two services' first two
 * outcomes, the second service's deteriorated, and the deteriorated of
 * services 3 and 4 with their totals. Every row and column with a
 * withheld figure has at least two, so a "two per line" rule is content;
 * but the withheld figures form two separate loops joined by one figure
 * (service 2, deteriorated), a bridge, which adding up rows 1 and 2 and
 * taking away columns 1 and 2 gives away.
 */
static void
test_bridge(void **state)
{
	static const int64_t v[5][3] = {
		{ 2, 3, 50 },
		{ 1, 4, 6 },
		{ 0, 0, 3 },
		{ 0, 0, 2 },
		{ 40, 40, 40 },
	};
	struct table t;
	size_t i, j, bridge;

	(void)state;
	memset(&t, 0, sizeof(t));
	t.rows = 5;
	t.cols = 3;
	for (i = 0; i < 5; i++)
		for (j = 0; j < 3; j++)
			t.c[cell(&t, i, j)].n = v[i][j];
	table_lines(&t);
	bridge = cell(&t, 1, 2);
	/* Withheld by the count rule alone. */
	for (i = 0; i < n_cells(&t); i++)
		t.c[i].withheld = wm_disclose_count(HE, t.c[i].n).withheld;
	assert_int_equal(t.c[bridge].withheld, 1);
	assert_int_equal(t.c[cell(&t, 2, 3)].withheld, 1);
	assert_int_equal(t.c[cell(&t, 3, 3)].withheld, 1);
	assert_int_equal(t.c[cell(&t, 5, 0)].withheld, 0);
	assert_true(two_per_line(t.c, t.l, t.n_lines));
	assert_int_equal(wm_disclose_determined(t.c, n_cells(&t), t.l,
	    t.n_lines, bridge), 1);
	/* The loops themselves are safe: each figure in one can move. */
	assert_int_equal(wm_disclose_determined(t.c, n_cells(&t), t.l,
	    t.n_lines, cell(&t, 0, 0)), 0);
	assert_int_equal(wm_disclose_determined(t.c, n_cells(&t), t.l,
	    t.n_lines, cell(&t, 2, 2)), 0);

	assert_int_equal(wm_disclose_table(HE, t.c, n_cells(&t), t.l,
	    t.n_lines), 0);
	check_protected(t.c, n_cells(&t), t.l, t.n_lines);
	assert_int_equal(t.c[bridge].primary, 1);
	/* Parts before totals: the services' and outcomes' totals stay. */
	for (i = 0; i < 2; i++)
		assert_int_equal(t.c[cell(&t, i, 3)].withheld, 0);
	for (j = 0; j <= 3; j++)
		assert_int_equal(t.c[cell(&t, 5, j)].withheld, 0);
	/* The primaries are exactly the count rule's. */
	for (i = 0; i < n_cells(&t); i++)
		assert_int_equal(t.c[i].primary,
		    wm_disclose_count(HE, t.c[i].n).withheld);
}

/* xorshift64*, so the random tables are the same on every run. */
static uint64_t
next_random(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

static void
random_table(struct table *t, uint64_t *seed)
{
	size_t i, j;

	memset(t, 0, sizeof(*t));
	t->rows = 1 + next_random(seed) % MAX_R;
	t->cols = 1 + next_random(seed) % MAX_C;
	for (i = 0; i < t->rows; i++)
		for (j = 0; j < t->cols; j++) {
			uint64_t r = next_random(seed);

			/* Mostly small numbers, where the rules bite. */
			t->c[cell(t, i, j)].n = (int64_t)(r % 4 == 0 ?
			    (r >> 8) % 60 : (r >> 8) % 9);
		}
	table_lines(t);
}

static void
test_random_tables(void **state)
{
	uint64_t seed = 0x9e3779b97f4a7c15ULL;
	struct table t;
	int round, withheld_some = 0, secondary_some = 0;

	(void)state;
	for (round = 0; round < 600; round++) {
		enum wm_disclosure_rule r = round % 2 ? HE : MH;
		size_t k, n;

		random_table(&t, &seed);
		n = n_cells(&t);
		assert_int_equal(wm_disclose_table(r, t.c, n, t.l, t.n_lines),
		    0);
		check_protected(t.c, n, t.l, t.n_lines);
		for (k = 0; k < n; k++) {
			assert_int_equal(t.c[k].primary,
			    wm_disclose_count(r, t.c[k].n).withheld);
			withheld_some |= t.c[k].withheld;
			secondary_some |= t.c[k].withheld && !t.c[k].primary;
		}
	}
	/* The tables did exercise both kinds of suppression. */
	assert_true(withheld_some);
	assert_true(secondary_some);
}

/* A hidden cell is an unknown to everyone: withheld from the start, and
 * protected only when the rule itself would withhold it. */
static void
test_hidden(void **state)
{
	static const size_t parts[] = { 0, 1 };
	const struct wm_sdc_line line = { parts, 2, 2 };
	struct wm_sdc_cell c[3] = { { .n = 50 }, { .n = 30 }, { .n = 80 } };

	(void)state;
	/* 50 hidden: worked out by subtraction, but the rule would show
	 * it: nothing more is withheld. */
	c[0].hidden = 1;
	assert_int_equal(wm_disclose_table(MH, c, 3, &line, 1), 0);
	check_marks(c, 3, "000", "100");
	/* 3 hidden: the rule would withhold it, so it is protected like
	 * any withheld cell. */
	c[0].n = 3;
	c[2].n = 33;
	assert_int_equal(wm_disclose_table(MH, c, 3, &line, 1), 0);
	check_marks(c, 3, "100", "110");
	check_protected(c, 3, &line, 1);
}

/* A cell to keep gives way last: a total is withheld instead of a part
 * published on its own, unless nothing else protects. */
static void
test_keep(void **state)
{
	static const size_t parts[] = { 0, 1, 2 };
	const struct wm_sdc_line line = { parts, 3, 3 };
	struct wm_sdc_cell c[4] = { { .n = 3 }, { .n = 20 }, { .n = 30 },
	    { .n = 53 } };
	static const size_t one[] = { 0 };
	const struct wm_sdc_line alone = { one, 1, 1 };
	struct wm_sdc_cell d[2] = { { .n = 3 }, { .n = 3 } };

	(void)state;
	c[1].keep = c[2].keep = 1;
	assert_int_equal(wm_disclose_table(MH, c, 4, &line, 1), 0);
	check_marks(c, 4, "1000", "1001");
	check_protected(c, 4, &line, 1);
	/* Without keep, the smaller part goes, parts before totals. */
	c[1].keep = c[2].keep = 0;
	assert_int_equal(wm_disclose_table(MH, c, 4, &line, 1), 0);
	check_marks(c, 4, "1000", "1100");
	/* A kept cell that alone protects is withheld all the same. */
	d[1].keep = 1;
	d[0].n = 30;
	d[1].n = 30;
	d[0].primary = 1;
	assert_int_equal(wm_disclose_marked(d, 2, &alone, 1), 0);
	check_marks(d, 2, "10", "11");
}

/* Primary marks set by the caller: a count withheld with its share, say,
 * whatever the count rule would say of it. */
static void
test_marked(void **state)
{
	static const size_t parts[] = { 0, 1 };
	const struct wm_sdc_line line = { parts, 2, 2 };
	struct wm_sdc_cell c[3] = { { .n = 40 }, { .n = 60 }, { .n = 100 } };

	(void)state;
	c[0].primary = 1;
	assert_int_equal(wm_disclose_marked(c, 3, &line, 1), 0);
	check_marks(c, 3, "100", "110");
	check_protected(c, 3, &line, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_percents),
		cmocka_unit_test(test_shares),
		cmocka_unit_test(test_means),
		cmocka_unit_test(test_determined),
		cmocka_unit_test(test_one_line),
		cmocka_unit_test(test_nested_lines),
		cmocka_unit_test(test_bridge),
		cmocka_unit_test(test_random_tables),
		cmocka_unit_test(test_hidden),
		cmocka_unit_test(test_keep),
		cmocka_unit_test(test_marked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
