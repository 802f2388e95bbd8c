/*
 * Secondary suppression (see disclosure.h): which withheld figures of a
 * table could be worked out from the shown ones, and which further
 * figures to withhold so that none can.
 *
 * Each line says sum(parts) - total = 0. With the shown cells' values
 * known, a line is one linear equation in the withheld cells. A withheld
 * cell's value follows from the shown figures exactly when its unit
 * vector lies in the row space of those equations: some combination of
 * lines leaves that cell alone. Row-reducing the equations (restricted to
 * the withheld cells) to reduced row echelon form shows it directly: the
 * cell is determined when its column has a pivot whose row has no other
 * entry. This catches what a "two withheld per line" rule misses, such
 * as a cell pinned down through a chain of rows and columns.
 *
 * To say which lines make the combination, the reduction also carries an
 * identity block (one column per line): the pivot row's entries there
 * are the combination, and the rows left with nothing but that block are
 * the combinations that hold no withheld cell. Together they say which
 * shown cell, once withheld, hides the determined one without itself
 * being given away (see hides()); the smallest such cell of a line
 * through the determined one is withheld, parts before totals. Choosing
 * only "the smallest cell of the line" would often move the problem to
 * another row, which then needs a cell of its own, and so on down a
 * column. The work is O(lines^2 x withheld cells) per round, and there
 * is at most one round per cell: for 100 services by four figures it is
 * a few milliseconds.
 */
#include "core/disclosure_sdc.h"

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

/* Entries are sums of +1 and -1 reduced by a few divisions: anything
 * this small is a zero that rounding left behind. */
#define SDC_EPS 1e-9
#define NONE WM_SDC_NONE

struct sdc {
	size_t rows, cols, width;	/* width: cols, plus rows if tracked */
	size_t rank;			/* rows 0..rank-1 hold the pivots */
	double *m;			/* rows x width */
	size_t *col_of;			/* cell -> column, or NONE if shown */
	size_t *pivot;			/* column -> its pivot row, or NONE */
};

static void
sdc_release(struct sdc *x)
{
	free(x->m);
	free(x->col_of);
	free(x->pivot);
}

static double *
at(const struct sdc *x, size_t row, size_t col)
{
	return &x->m[row * x->width + col];
}

/* The equations of the lines over the withheld cells; with `track`, the
 * identity block that records which lines each row is made of. */
static int
sdc_init(struct sdc *x, const struct wm_sdc_cell *cells, size_t n_cells,
    const struct wm_sdc_line *lines, size_t n_lines, int track)
{
	size_t i, j;

	x->rows = n_lines;
	x->cols = 0;
	x->rank = 0;
	x->m = NULL;
	x->pivot = NULL;
	x->col_of = malloc((n_cells ? n_cells : 1) * sizeof(*x->col_of));
	if (!x->col_of)
		return -1;
	for (i = 0; i < n_cells; i++)
		x->col_of[i] = cells[i].withheld ? x->cols++ : NONE;
	x->width = x->cols + (track ? x->rows : 0);
	if (x->width && x->rows > (SIZE_MAX / sizeof(double) - 1) / x->width)
		return -1;
	x->m = calloc(x->rows * x->width + 1, sizeof(*x->m));
	x->pivot = malloc((x->cols ? x->cols : 1) * sizeof(*x->pivot));
	if (!x->m || !x->pivot)
		return -1;
	for (i = 0; i < n_lines; i++) {
		const struct wm_sdc_line *l = &lines[i];

		assert(l->total < n_cells);
		for (j = 0; j < l->n_parts; j++) {
			assert(l->parts[j] < n_cells);
			if (x->col_of[l->parts[j]] != NONE)
				*at(x, i, x->col_of[l->parts[j]]) += 1;
		}
		if (x->col_of[l->total] != NONE)
			*at(x, i, x->col_of[l->total]) -= 1;
		if (track)
			*at(x, i, x->cols + i) = 1;
	}
	return 0;
}

static void
swap_rows(struct sdc *x, size_t a, size_t b)
{
	size_t k;

	for (k = 0; a != b && k < x->width; k++) {
		double t = *at(x, a, k);

		*at(x, a, k) = *at(x, b, k);
		*at(x, b, k) = t;
	}
}

/* Reduced row echelon form over the withheld columns, with partial
 * pivoting; the tracked block follows every row operation. */
static void
sdc_reduce(struct sdc *x)
{
	size_t row = 0, col, r, k;

	for (col = 0; col < x->cols; col++) {
		size_t best = NONE;
		double p;

		x->pivot[col] = NONE;
		for (r = row; r < x->rows; r++)
			if (fabs(*at(x, r, col)) > SDC_EPS && (best == NONE ||
			    fabs(*at(x, r, col)) > fabs(*at(x, best, col))))
				best = r;
		if (best == NONE)
			continue;
		swap_rows(x, row, best);
		p = *at(x, row, col);
		for (k = 0; k < x->width; k++)
			*at(x, row, k) /= p;
		for (r = 0; r < x->rows; r++) {
			double f = *at(x, r, col);

			if (r == row || fabs(f) <= SDC_EPS)
				continue;
			for (k = 0; k < x->width; k++)
				*at(x, r, k) -= f * *at(x, row, k);
			*at(x, r, col) = 0;
		}
		x->pivot[col] = row++;
	}
	x->rank = row;
}

/* The row that is the unit vector of `col` (so its cell is determined),
 * or NONE. */
static size_t
unit_row(const struct sdc *x, size_t col)
{
	size_t row = x->pivot[col], k;

	if (row == NONE)
		return NONE;
	for (k = 0; k < x->cols; k++)
		if (k != col && fabs(*at(x, row, k)) > SDC_EPS)
			return NONE;
	return row;
}

int
wm_disclose_determined(const struct wm_sdc_cell *cells, size_t n_cells,
    const struct wm_sdc_line *lines, size_t n_lines, size_t k)
{
	struct sdc x;
	int determined = 1;

	assert(k < n_cells);
	if (!cells[k].withheld)
		return 1;
	if (sdc_init(&x, cells, n_cells, lines, n_lines, 0) == 0) {
		sdc_reduce(&x);
		determined = unit_row(&x, x.col_of[k]) != NONE;
	}
	sdc_release(&x);
	return determined;
}

/* Which lines each cell is in, and with what sign (+1 a part, -1 the
 * total), cell by cell: cell c's are at [start[c], start[c + 1]). */
struct incidence {
	size_t *start, *line;
	double *coef;
};

static void
incidence_release(struct incidence *in)
{
	free(in->start);
	free(in->line);
	free(in->coef);
}

static int
incidence_init(struct incidence *in, size_t n_cells,
    const struct wm_sdc_line *lines, size_t n_lines)
{
	size_t i, j, total = 0, *fill;

	for (i = 0; i < n_lines; i++)
		total += lines[i].n_parts + 1;
	in->start = calloc(n_cells + 1, sizeof(*in->start));
	in->line = malloc((total ? total : 1) * sizeof(*in->line));
	in->coef = malloc((total ? total : 1) * sizeof(*in->coef));
	fill = calloc(n_cells + 1, sizeof(*fill));
	if (!in->start || !in->line || !in->coef || !fill) {
		free(fill);
		return -1;
	}
	for (i = 0; i < n_lines; i++) {
		for (j = 0; j < lines[i].n_parts; j++)
			in->start[lines[i].parts[j] + 1]++;
		in->start[lines[i].total + 1]++;
	}
	for (i = 0; i < n_cells; i++)
		in->start[i + 1] += in->start[i];
	for (i = 0; i < n_lines; i++) {
		size_t c;

		for (j = 0; j <= lines[i].n_parts; j++) {
			c = j < lines[i].n_parts ? lines[i].parts[j] :
			    lines[i].total;
			in->line[in->start[c] + fill[c]] = i;
			in->coef[in->start[c] + fill[c]++] =
			    j < lines[i].n_parts ? 1 : -1;
		}
	}
	free(fill);
	return 0;
}

/* A combination of lines (one weight per line) applied to cell c's
 * column: how much of c the combination holds. */
static double
weigh(const struct incidence *in, const double *y, size_t c)
{
	double v = 0;
	size_t e;

	for (e = in->start[c]; e < in->start[c + 1]; e++)
		v += y[in->line[e]] * in->coef[e];
	return v;
}

/* What one round knows while it chooses the next cell to withhold. */
struct round {
	const struct wm_sdc_cell *cells;
	const struct wm_sdc_line *lines;
	size_t n_lines;
	const struct incidence *in;
	const struct sdc *x;
	const double *y;	/* the lines that give away cell d */
	size_t d;
};

/*
 * 1 when withholding shown cell c hides cell d and c itself. d stays
 * determined after c is withheld exactly when some combination of lines
 * gives d and holds none of c; the combinations that give d are y plus
 * any combination that holds no withheld cell (the rows of the reduced
 * form with nothing left but the tracked block). So c hides d when y
 * holds some of c and none of those does; and then no combination gives
 * c alone either.
 */
static int
hides(const struct round *r, size_t c)
{
	size_t row;

	if (fabs(weigh(r->in, r->y, c)) <= SDC_EPS)
		return 0;
	for (row = r->x->rank; row < r->x->rows; row++)
		if (fabs(weigh(r->in, at(r->x, row, r->x->cols), c)) >
		    SDC_EPS)
			return 0;
	return 1;
}

/* Smaller is better: a cell not to keep before one to keep, a line's
 * parts before its total, then the smallest count, then the first
 * cell. */
int
wm_sdc_better(const struct wm_sdc_pick *a, const struct wm_sdc_pick *b)
{
	if (b->cell == NONE)
		return 1;
	if (a->keep != b->keep)
		return a->keep < b->keep;
	if (a->is_total != b->is_total)
		return a->is_total < b->is_total;
	if (a->n != b->n)
		return a->n < b->n;
	return a->cell < b->cell;
}

static int
line_has(const struct wm_sdc_line *l, size_t cell)
{
	size_t j;

	if (l->total == cell)
		return 1;
	for (j = 0; j < l->n_parts; j++)
		if (l->parts[j] == cell)
			return 1;
	return 0;
}

static void
consider(const struct round *r, size_t cell, int is_total, int must_hide,
    struct wm_sdc_pick *best)
{
	struct wm_sdc_pick p = { cell, r->cells[cell].keep != 0, is_total,
	    r->cells[cell].n };

	if (!r->cells[cell].withheld && wm_sdc_better(&p, best) &&
	    (!must_hide || hides(r, cell)))
		*best = p;
}

/*
 * The cell to withhold next, to hide cell d: the best (parts before
 * totals, then the smallest) that hides d without being given away
 * itself, first in the lines through d, then in any line; failing that,
 * the best in the lines of the combination y that gives d away (through
 * d first), and the next round goes on from there. NONE when every cell
 * of those lines is withheld already (then nothing can hide d).
 */
static size_t
choose(const struct round *r)
{
	struct wm_sdc_pick best = { NONE, 0, 0, 0 };
	size_t i, j;
	int pass;

	for (pass = 0; pass < 4 && best.cell == NONE; pass++)
		for (i = 0; i < r->n_lines; i++) {
			const struct wm_sdc_line *l = &r->lines[i];
			int must_hide = pass < 2;

			if ((!must_hide && fabs(r->y[i]) <= SDC_EPS) ||
			    (pass % 2 == 0 && !line_has(l, r->d)))
				continue;
			for (j = 0; j < l->n_parts; j++)
				consider(r, l->parts[j], 0, must_hide, &best);
			consider(r, l->total, 1, must_hide, &best);
		}
	return best.cell;
}

/* One round: withholds one more cell if some withheld cell is
 * determined. 1 when it did, 0 when none is (or none can be helped), -1
 * out of memory. */
static int
suppress_one(struct wm_sdc_cell *cells, size_t n_cells,
    const struct wm_sdc_line *lines, size_t n_lines,
    const struct incidence *in)
{
	struct round r = { cells, lines, n_lines, in, NULL, NULL, 0 };
	struct sdc x;
	size_t row, next = NONE;
	int rc = -1;

	if (sdc_init(&x, cells, n_cells, lines, n_lines, 1))
		goto out;
	sdc_reduce(&x);
	r.x = &x;
	rc = 0;
	for (r.d = 0; r.d < n_cells && next == NONE; r.d++) {
		/* A hidden cell the rule would show gives nothing away. */
		if (x.col_of[r.d] == NONE || (cells[r.d].hidden &&
		    !cells[r.d].primary) ||
		    (row = unit_row(&x, x.col_of[r.d])) == NONE)
			continue;
		r.y = at(&x, row, x.cols);
		next = choose(&r);
	}
	if (next != NONE) {
		cells[next].withheld = 1;
		rc = 1;
	}
out:
	sdc_release(&x);
	return rc;
}

/*
 * Waymark: "where figures for commissioners must add up, further figures
 * are withheld, parts before totals and the smallest first, until no
 * withheld figure can be worked out from the shown ones by any
 * combination of rows, columns and totals"
 */
int
wm_disclose_table(enum wm_disclosure_rule r, struct wm_sdc_cell *cells,
    size_t n_cells, const struct wm_sdc_line *lines, size_t n_lines)
{
	size_t i;

	for (i = 0; i < n_cells; i++)
		cells[i].primary = wm_disclose_count(r, cells[i].n).withheld;
	return wm_disclose_marked(r, cells, n_cells, lines, n_lines);
}

/* No withheld cell determined: 0, or -1 out of memory. */
static int
span(struct wm_sdc_cell *cells, size_t n_cells,
    const struct wm_sdc_line *lines, size_t n_lines,
    const struct incidence *in)
{
	int rc;

	/* Each round withholds one more cell, so this ends. */
	while ((rc = suppress_one(cells, n_cells, lines, n_lines, in)) > 0)
		;
	return rc;
}

/*
 * Waymark: "a count the rule withholds could still be any count the rule
 * hides it among, 0 to 4 under MHSDS and 1 to 7 under HES, to anyone who
 * puts every figure of the table together, rounding and all; where it
 * could not, another figure is withheld"
 */
int
wm_disclose_marked(enum wm_disclosure_rule r, struct wm_sdc_cell *cells,
    size_t n_cells, const struct wm_sdc_line *lines, size_t n_lines)
{
	struct incidence in = { NULL, NULL, NULL };
	struct wm_sdc_lp *lp = NULL;
	unsigned char *given_up = calloc(n_cells + 1, 1);
	size_t i;
	int rc = -1;

	for (i = 0; i < n_cells; i++)
		cells[i].withheld = cells[i].primary || cells[i].hidden;
	if (!given_up || incidence_init(&in, n_cells, lines, n_lines))
		goto out;
	/* Each round of the interval check withholds one more cell too. */
	while ((rc = span(cells, n_cells, lines, n_lines, &in)) == 0 &&
	    (rc = wm_sdc_protect(r, &lp, cells, n_cells, lines, n_lines,
	    given_up)) > 0)
		;
out:
	incidence_release(&in);
	wm_sdc_lp_free(lp);
	free(given_up);
	return rc;
}
