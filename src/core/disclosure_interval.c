/*
 * Protection intervals (see disclosure.h): whether a count the rule
 * withholds could still be any value of the rule's range to someone
 * holding everything else the table publishes, and if not, which further
 * cell to withhold.
 *
 * The span check of disclosure_table.c takes shown counts as exact and
 * asks only whether a withheld count is determined. An attacker also
 * knows inequalities: every count is 0 or more; a count the rule itself
 * withholds is in its range (0..4 under mhsds, 1..7 under hes); a shown
 * count is within the rounding of what is shown, and outside that range
 * (shown as 5 under mhsds: 5 to 7). Together these can leave a withheld
 * count narrower than the rule's range without determining it: two
 * withheld in a row whose total is shown as 5 under mhsds, the rest
 * shown, are each at least 1; under hes, two of 1 to 7 whose sum is 4
 * at most are each at most 3.
 *
 * So for each cell the rule withholds, the least and greatest value it
 * can take under all of that is found by a linear programme (the
 * attacker's, as tests/cli/interval_attack.py solves it; its bounds are
 * what rounding to whole people can only narrow further): variables the
 * table's cells, equations its lines, bounds what is known of each cell.
 * The table's true counts satisfy all of it, so the simplex starts there
 * (a basis from the reduced lines, every other cell at its true value,
 * which the bounded simplex allows between its bounds) with no first
 * phase, and each search stops as soon as the rule's bound is reached:
 * for a table of services by a few outcomes it takes a handful of steps.
 * Bland's rule keeps it from cycling; a search that runs too long is
 * taken as narrow, so the check fails safe, towards withholding more.
 */
#include "core/disclosure_sdc.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define EPS 1e-9	/* a coefficient this small is 0 */
#define REACH 1e-6	/* a value this close to a bound is at it */

struct wm_sdc_lp {
	size_t n, m;		/* cells; independent lines */
	double *t;		/* m x n: row i is basic[i]'s equation, the
				 * basic cells' columns a unit matrix */
	size_t *basic;		/* [m] */
	size_t *row_of;		/* [n]: a basic cell's row, or WM_SDC_NONE */
	double *x, *lo, *hi;	/* [n]: value and bounds (hi may be inf) */
	size_t *nz;		/* [n]: scratch, a pivot row's nonzeros */
};

/* The searches' own copy of the programme: loaded from the true table
 * when stale (at first, and after a trial changed bounds), else each
 * search goes on from where the last one ended, which is as feasible a
 * start as any; and the cells a trial frees, with their bounds before. */
struct work {
	struct wm_sdc_lp a;
	int stale;
	size_t *freed;
	double *was;		/* [2 n]: lo, hi of each freed cell */
};

static double *
cell_at(const struct wm_sdc_lp *lp, size_t row, size_t col)
{
	return &lp->t[row * lp->n + col];
}

static int
lp_alloc(struct wm_sdc_lp *lp, size_t n, size_t m)
{
	lp->n = n;
	lp->m = m;
	lp->t = calloc(n * m + 1, sizeof(*lp->t));
	lp->basic = calloc(m + 1, sizeof(*lp->basic));
	lp->row_of = calloc(n + 1, sizeof(*lp->row_of));
	lp->x = calloc(n + 1, sizeof(*lp->x));
	lp->lo = calloc(n + 1, sizeof(*lp->lo));
	lp->hi = calloc(n + 1, sizeof(*lp->hi));
	lp->nz = calloc(n + 1, sizeof(*lp->nz));
	return lp->t && lp->basic && lp->row_of && lp->x && lp->lo && lp->hi &&
	    lp->nz ? 0 : -1;
}

static void
lp_release(struct wm_sdc_lp *lp)
{
	free(lp->t);
	free(lp->basic);
	free(lp->row_of);
	free(lp->x);
	free(lp->lo);
	free(lp->hi);
	free(lp->nz);
}

/* Row r, divided by its entry in column e, becomes e's equation; e
 * leaves every other row. The lines are sparse, and stay so: only the
 * pivot row's nonzero entries are worked. */
static void
pivot(struct wm_sdc_lp *lp, size_t r, size_t e)
{
	double p = *cell_at(lp, r, e);
	size_t i, k, nz = 0;

	for (k = 0; k < lp->n; k++)
		if (fabs(*cell_at(lp, r, k)) > EPS) {
			*cell_at(lp, r, k) /= p;
			lp->nz[nz++] = k;
		} else
			*cell_at(lp, r, k) = 0;
	for (i = 0; i < lp->m; i++) {
		double f = *cell_at(lp, i, e);

		if (i == r || fabs(f) <= EPS)
			continue;
		for (k = 0; k < nz; k++)
			*cell_at(lp, i, lp->nz[k]) -= f * *cell_at(lp, r,
			    lp->nz[k]);
		*cell_at(lp, i, e) = 0;
	}
	if (r < lp->m && lp->basic[r] != WM_SDC_NONE)
		lp->row_of[lp->basic[r]] = WM_SDC_NONE;
	lp->basic[r] = e;
	lp->row_of[e] = r;
}

/*
 * The lines as a tableau: each line a row, reduced (Gauss-Jordan, the
 * largest entry of each column in turn) until every independent row has
 * a cell of its own; rows that reduce to nothing are dropped.
 */
struct wm_sdc_lp *
wm_sdc_lp_new(const struct wm_sdc_cell *cells, size_t n_cells,
    const struct wm_sdc_line *lines, size_t n_lines)
{
	struct wm_sdc_lp *lp = calloc(1, sizeof(*lp));
	size_t i, j, col, row = 0;

	if (!lp || lp_alloc(lp, n_cells, n_lines)) {
		wm_sdc_lp_free(lp);
		return NULL;
	}
	for (i = 0; i < n_lines; i++) {
		for (j = 0; j < lines[i].n_parts; j++)
			*cell_at(lp, i, lines[i].parts[j]) += 1;
		*cell_at(lp, i, lines[i].total) -= 1;
		lp->basic[i] = WM_SDC_NONE;
	}
	for (i = 0; i < n_cells; i++) {
		lp->row_of[i] = WM_SDC_NONE;
		lp->x[i] = (double)cells[i].n;
	}
	for (col = 0; col < n_cells && row < n_lines; col++) {
		size_t best = WM_SDC_NONE;

		for (i = row; i < n_lines; i++)
			if (fabs(*cell_at(lp, i, col)) > EPS && (best ==
			    WM_SDC_NONE || fabs(*cell_at(lp, i, col)) >
			    fabs(*cell_at(lp, best, col))))
				best = i;
		if (best == WM_SDC_NONE)
			continue;
		if (best != row)
			for (j = 0; j < n_cells; j++) {
				double s = *cell_at(lp, row, j);

				*cell_at(lp, row, j) = *cell_at(lp, best, j);
				*cell_at(lp, best, j) = s;
			}
		pivot(lp, row++, col);
	}
	lp->m = row;
	return lp;
}

void
wm_sdc_lp_free(struct wm_sdc_lp *lp)
{
	if (!lp)
		return;
	lp_release(lp);
	free(lp);
}

static int
work_init(struct work *w, const struct wm_sdc_lp *lp)
{
	w->stale = 1;
	w->freed = calloc(lp->n + 1, sizeof(*w->freed));
	w->was = calloc(2 * lp->n + 1, sizeof(*w->was));
	return lp_alloc(&w->a, lp->n, lp->m) || !w->freed || !w->was ? -1 :
	    0;
}

static void
work_release(struct work *w)
{
	lp_release(&w->a);
	free(w->freed);
	free(w->was);
}

static void
work_from(struct work *w, const struct wm_sdc_lp *lp)
{
	struct wm_sdc_lp *a = &w->a;

	memcpy(a->t, lp->t, lp->n * lp->m * sizeof(*a->t));
	memcpy(a->basic, lp->basic, lp->m * sizeof(*a->basic));
	memcpy(a->row_of, lp->row_of, lp->n * sizeof(*a->row_of));
	memcpy(a->x, lp->x, lp->n * sizeof(*a->x));
	memcpy(a->lo, lp->lo, lp->n * sizeof(*a->lo));
	memcpy(a->hi, lp->hi, lp->n * sizeof(*a->hi));
	w->stale = 0;
}

/* --- the simplex ------------------------------------------------------- */

/* The cell to move next to take cell p further (up when dir_p is +1,
 * down when -1), by Bland's rule, and which way; WM_SDC_NONE when none
 * can. Moving a nonbasic cell j changes p by -t[p's row][j] per unit
 * when p is basic, or p itself when it is not. */
static size_t
entering(const struct wm_sdc_lp *a, size_t p, int dir_p, int *dir)
{
	size_t r = a->row_of[p], j;

	for (j = 0; j < a->n; j++) {
		double gain;

		if (a->row_of[j] != WM_SDC_NONE)
			continue;
		gain = r == WM_SDC_NONE ? (j == p ? 1 : 0) :
		    -*cell_at(a, r, j);
		gain *= dir_p;
		if (gain > EPS && a->x[j] < a->hi[j] - EPS) {
			*dir = 1;
			return j;
		}
		if (gain < -EPS && a->x[j] > a->lo[j] + EPS) {
			*dir = -1;
			return j;
		}
	}
	return WM_SDC_NONE;
}

/* How far cell e can move in direction dir before it or a basic cell
 * meets a bound; *leave the row whose cell meets it first, or
 * WM_SDC_NONE when e meets its own (or nothing does: INFINITY). */
static double
ratio(const struct wm_sdc_lp *a, size_t e, int dir, size_t *leave)
{
	double step = dir > 0 ? a->hi[e] - a->x[e] : a->x[e] - a->lo[e];
	size_t i;

	*leave = WM_SDC_NONE;
	for (i = 0; i < a->m; i++) {
		double rate = -*cell_at(a, i, e) * dir, lim;
		size_t b = a->basic[i];

		if (fabs(rate) <= EPS)
			continue;
		lim = rate > 0 ? (a->hi[b] - a->x[b]) / rate :
		    (a->x[b] - a->lo[b]) / -rate;
		if (lim < 0)
			lim = 0;
		if (lim < step - EPS || (lim <= step + EPS &&
		    *leave != WM_SDC_NONE && b < a->basic[*leave])) {
			step = lim;
			*leave = i;
		}
	}
	return step;
}

/*
 * Moves cell p as far as it can go in direction dir_p, stopping once it
 * reaches `stop`. 1 when it reached it (or could go for ever), 0 when it
 * cannot go that far (a->x[p] is as far as it goes), -1 when the search
 * ran too long.
 */
static int
extreme(struct wm_sdc_lp *a, size_t p, int dir_p, double stop)
{
	size_t iter, cap = 50 * (a->n + a->m + 1), e, leave, i;
	int dir;

	for (iter = 0; iter < cap; iter++) {
		double step;

		if (dir_p * (a->x[p] - stop) >= -REACH)
			return 1;
		if ((e = entering(a, p, dir_p, &dir)) == WM_SDC_NONE)
			return 0;
		if (isinf(step = ratio(a, e, dir, &leave)))
			return 1;
		a->x[e] += dir * step;
		for (i = 0; i < a->m; i++)
			a->x[a->basic[i]] -= *cell_at(a, i, e) * dir * step;
		if (leave == WM_SDC_NONE)
			continue;	/* e met its own bound */
		i = a->basic[leave];
		pivot(a, leave, e);
		/* The cell that left sits exactly on the bound it met. */
		a->x[i] = fabs(a->x[i] - a->lo[i]) <= fabs(a->x[i] - a->hi[i]) ?
		    a->lo[i] : a->hi[i];
	}
	return -1;
}

/* --- what an attacker knows -------------------------------------------- */

/*
 * Each cell's bounds: a shown count its rounding interval (a count the
 * rule would withhold that is shown all the same, as a service's 0 for
 * a measure it does not run, exactly); a cell the rule itself withholds,
 * the rule's range; any other withheld cell, 0 or more.
 */
static void
bounds(enum wm_disclosure_rule r, struct wm_sdc_lp *lp,
    const struct wm_sdc_cell *cells)
{
	int64_t wlo, whi, lo, hi;
	int ranged = wm_disclose_withheld_range(r, &wlo, &whi) == 0;
	size_t i;

	for (i = 0; i < lp->n; i++) {
		const struct wm_sdc_cell *c = &cells[i];

		lp->lo[i] = 0;
		lp->hi[i] = INFINITY;
		if (!c->withheld) {
			if (wm_disclose_interval(r, c->n, &lo, &hi))
				lo = hi = c->n;
			lp->lo[i] = (double)lo;
			lp->hi[i] = (double)hi;
		} else if (ranged && c->primary && c->n >= wlo && c->n <= whi) {
			lp->lo[i] = (double)wlo;
			lp->hi[i] = (double)whi;
		}
	}
}

/* 1 when the rule's range protects cell k (withheld by the rule itself,
 * its count in the rule's range). */
static int
protected_cell(enum wm_disclosure_rule r, const struct wm_sdc_cell *c)
{
	int64_t wlo, whi;

	return c->withheld && c->primary && wm_disclose_withheld_range(r,
	    &wlo, &whi) == 0 && c->n >= wlo && c->n <= whi;
}

/*
 * How far cell k goes each way, stopping at lo and hi: *got_lo and
 * *got_hi. 1 when it reaches both, 0 when not, -1 when a search ran too
 * long (taken as not).
 */
static int
reach(struct work *w, const struct wm_sdc_lp *lp, size_t k, double lo,
    double hi, double *got_lo, double *got_hi)
{
	int up, down;

	if (w->stale)
		work_from(w, lp);
	up = extreme(&w->a, k, 1, hi);
	*got_hi = up == 1 ? hi : w->a.x[k];
	down = extreme(&w->a, k, -1, lo);
	*got_lo = down == 1 ? lo : w->a.x[k];
	if (up < 0 || down < 0)
		return -1;
	return up == 1 && down == 1;
}

int
wm_disclose_range(enum wm_disclosure_rule r, const struct wm_sdc_cell *cells,
    size_t n_cells, const struct wm_sdc_line *lines, size_t n_lines,
    size_t k, double *lo, double *hi)
{
	struct wm_sdc_lp *lp;
	struct work w;
	int rc = -1;

	memset(&w, 0, sizeof(w));
	if (k >= n_cells || !(lp = wm_sdc_lp_new(cells, n_cells, lines,
	    n_lines)))
		return -1;
	bounds(r, lp, cells);
	if (work_init(&w, lp) == 0 && reach(&w, lp, k, -INFINITY, INFINITY,
	    lo, hi) >= 0)
		rc = 0;
	work_release(&w);
	wm_sdc_lp_free(lp);
	return rc;
}

/* --- one round of the check -------------------------------------------- */

/* What withholding cell c would do for cell k: how wide k's range
 * becomes (the rule's whole range, or less). */
struct trial {
	struct wm_sdc_pick pick;
	int whole;
	double width;
};

static int
better_trial(const struct trial *a, const struct trial *b)
{
	if (b->pick.cell == WM_SDC_NONE)
		return a->whole || a->width > b->width + REACH;
	if (a->whole != b->whole)
		return a->whole > b->whole;
	if (!a->whole && fabs(a->width - b->width) > REACH)
		return a->width > b->width;
	return wm_sdc_better(&a->pick, &b->pick);
}

/*
 * Frees cell c's bounds for a trial, with every shown cell that is a
 * copy of it (a line of one part: a provider with one service is that
 * service, row for row), which the span check would withhold with it at
 * once; how many cells it freed, listed in w->freed.
 */
static size_t
free_cell(struct work *w, struct wm_sdc_lp *lp,
    const struct wm_sdc_cell *cells, const struct wm_sdc_line *lines,
    size_t n_lines, size_t c)
{
	size_t n = 0, at, i, x;

	w->freed[n++] = c;
	for (at = 0; at < n; at++)
		for (i = 0; i < n_lines; i++) {
			const struct wm_sdc_line *l = &lines[i];
			size_t j;

			if (l->n_parts != 1 || (l->parts[0] != w->freed[at] &&
			    l->total != w->freed[at]))
				continue;
			x = l->parts[0] == w->freed[at] ? l->total : l->parts[0];
			for (j = 0; j < n && w->freed[j] != x; j++)
				;
			if (j == n && !cells[x].withheld)
				w->freed[n++] = x;
		}
	for (i = 0; i < n; i++) {
		x = w->freed[i];
		w->was[2 * i] = lp->lo[x];
		w->was[2 * i + 1] = lp->hi[x];
		lp->lo[x] = 0;
		lp->hi[x] = INFINITY;
	}
	return n;
}

static void
try_cell(struct work *w, struct wm_sdc_lp *lp, const struct wm_sdc_cell *cells,
    const struct wm_sdc_line *lines, size_t n_lines, size_t c, int is_total,
    size_t k, double wlo, double whi, struct trial *best)
{
	struct trial t = { { c, cells[c].keep != 0, is_total, cells[c].n }, 0,
	    0 };
	double got_lo, got_hi;
	size_t n, i;

	if (cells[c].withheld || c == best->pick.cell)
		return;
	n = free_cell(w, lp, cells, lines, n_lines, c);
	w->stale = 1;
	t.whole = reach(w, lp, k, wlo, whi, &got_lo, &got_hi) == 1;
	w->stale = 1;
	t.width = got_hi - got_lo;
	for (i = 0; i < n; i++) {
		lp->lo[w->freed[i]] = w->was[2 * i];
		lp->hi[w->freed[i]] = w->was[2 * i + 1];
	}
	if (better_trial(&t, best))
		*best = t;
}

/*
 * The cell to withhold for cell k: of the shown cells in the lines
 * through k, the best (parts before totals, the smallest first) that
 * gives k back the range wlo..whi; failing that, the one that widens
 * it most beyond `width`, its width now. Where no cell of those lines
 * does, the lines through their cells, and so on outwards (ring by
 * ring, `at` marking the cells reached). WM_SDC_NONE when no cell
 * widens it: withholding one that does not would lose a figure for
 * nothing.
 */
static size_t
choose(struct work *w, struct wm_sdc_lp *lp, const struct wm_sdc_cell *cells,
    const struct wm_sdc_line *lines, size_t n_lines, size_t k, double wlo,
    double whi, double width, unsigned char *at)
{
	struct trial best = { { WM_SDC_NONE, 0, 0, 0 }, 0, width };
	unsigned char ring = 1;
	size_t i, j;
	int more = 1;

	memset(at, 0, lp->n);
	at[k] = ring;
	while (more && best.pick.cell == WM_SDC_NONE && ring < UCHAR_MAX) {
		more = 0;
		for (i = 0; i < n_lines; i++) {
			const struct wm_sdc_line *l = &lines[i];
			int through = at[l->total] == ring;

			for (j = 0; j < l->n_parts; j++)
				through |= at[l->parts[j]] == ring;
			if (!through)
				continue;
			for (j = 0; j <= l->n_parts; j++) {
				size_t c = j < l->n_parts ? l->parts[j] :
				    l->total;

				try_cell(w, lp, cells, lines, n_lines, c,
				    j == l->n_parts, k, wlo, whi, &best);
				if (!at[c]) {
					at[c] = ring + 1;
					more = 1;
				}
			}
		}
		ring++;
	}
	return best.pick.cell;
}

/*
 * The range cell k would have were every cell withheld but the rule's
 * own (0 or more each, those in the rule's range): all that
 * withholding can give it. A total the rule withholds bounds its small
 * parts (under hes, three counts of 1 to 7 whose total is one too are
 * each 5 at most), and no further cell withheld can change that.
 */
static void
intrinsic(struct work *w, struct wm_sdc_lp *lp, const struct wm_sdc_cell *cells,
    size_t k, double wlo, double whi, double *saved, double *ilo,
    double *ihi)
{
	size_t i;

	memcpy(saved, lp->lo, lp->n * sizeof(*saved));
	memcpy(saved + lp->n, lp->hi, lp->n * sizeof(*saved));
	for (i = 0; i < lp->n; i++)
		if (!cells[i].withheld || !cells[i].primary ||
		    lp->hi[i] > whi) {
			lp->lo[i] = 0;
			lp->hi[i] = INFINITY;
		}
	w->stale = 1;
	(void)reach(w, lp, k, wlo, whi, ilo, ihi);
	w->stale = 1;
	memcpy(lp->lo, saved, lp->n * sizeof(*saved));
	memcpy(lp->hi, saved + lp->n, lp->n * sizeof(*saved));
}

/* What the searches have shown so far, cell by cell: that it can be as
 * high as the rule's range goes (AT_TOP), as low (AT_BOTTOM). Each
 * search moves many cells, and one that meets a bound on the way needs
 * no search of its own that way. */
enum { AT_TOP = 1, AT_BOTTOM = 2 };

static void
note(const struct wm_sdc_lp *a, double wlo, double whi, unsigned char *seen)
{
	size_t j;

	for (j = 0; j < a->n; j++)
		seen[j] |= (a->x[j] >= whi - REACH ? AT_TOP : 0) |
		    (a->x[j] <= wlo + REACH ? AT_BOTTOM : 0);
}

/* reach() for the table as it stands, searching only the ways the
 * searches before have not shown already. */
static int
reach_seen(struct work *w, const struct wm_sdc_lp *lp, size_t k, double wlo,
    double whi, unsigned char *seen, double *lo, double *hi)
{
	int up = 1, down = 1;

	if (w->stale) {
		work_from(w, lp);
		note(&w->a, wlo, whi, seen);
	}
	*hi = whi;
	*lo = wlo;
	if (!(seen[k] & AT_TOP)) {
		up = extreme(&w->a, k, 1, whi);
		*hi = up == 1 ? whi : w->a.x[k];
		note(&w->a, wlo, whi, seen);
	}
	if (!(seen[k] & AT_BOTTOM)) {
		down = extreme(&w->a, k, -1, wlo);
		*lo = down == 1 ? wlo : w->a.x[k];
		note(&w->a, wlo, whi, seen);
	}
	if (up < 0 || down < 0)
		return -1;
	return up == 1 && down == 1;
}

int
wm_sdc_protect(enum wm_disclosure_rule r, struct wm_sdc_lp **lpp,
    struct wm_sdc_cell *cells, size_t n_cells,
    const struct wm_sdc_line *lines, size_t n_lines,
    unsigned char *given_up)
{
	struct wm_sdc_lp *lp = *lpp;
	struct work w;
	unsigned char *at, *seen;
	double *saved;
	int64_t wlo, whi;
	double lo, hi, ilo, ihi;
	size_t k, c;
	int rc = 0;

	if (wm_disclose_withheld_range(r, &wlo, &whi))
		return 0;
	/* Most tables of a large network have no count the rule withholds
	 * itself, and some (a column of small counts) show none: neither
	 * needs a programme at all. */
	for (k = 0; k < n_cells && (given_up[k] ||
	    !protected_cell(r, &cells[k])); k++)
		;
	for (c = 0; c < n_cells && cells[c].withheld; c++)
		;
	if (k == n_cells || c == n_cells)
		return 0;
	if (!lp && !(lp = *lpp = wm_sdc_lp_new(cells, n_cells, lines,
	    n_lines)))
		return -1;
	memset(&w, 0, sizeof(w));
	at = malloc(lp->n + 1);
	seen = calloc(lp->n + 1, 1);
	saved = calloc(2 * lp->n + 1, sizeof(*saved));
	if (!at || !seen || !saved || work_init(&w, lp)) {
		rc = -1;
		goto out;
	}
	bounds(r, lp, cells);
	for (k = 0; k < n_cells && rc == 0; k++) {
		if (given_up[k] || !protected_cell(r, &cells[k]) ||
		    reach_seen(&w, lp, k, (double)wlo, (double)whi, seen, &lo,
		    &hi) == 1)
			continue;
		intrinsic(&w, lp, cells, k, (double)wlo, (double)whi, saved,
		    &ilo, &ihi);
		if (lo <= ilo + REACH && hi >= ihi - REACH)
			continue;	/* as wide as withholding can make it */
		c = choose(&w, lp, cells, lines, n_lines, k, ilo, ihi,
		    hi - lo, at);
		if (c == WM_SDC_NONE) {
			given_up[k] = 1;
			continue;
		}
		cells[c].withheld = 1;
		rc = 1;
	}
out:
	free(at);
	free(seen);
	free(saved);
	work_release(&w);
	return rc;
}
