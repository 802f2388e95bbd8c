/*
 * A disclosed table of counts (report/network_table.h). Its lines for
 * core's secondary suppression: each row's parts add up to the row's
 * total, and each column's rows (the total column's too) add up to the
 * column's total.
 */
#include "report/network_table.h"

#include <stdlib.h>
#include <string.h>

static size_t
at(const struct wm_net_table *t, size_t row, size_t col)
{
	return row * (t->cols + 1) + col;
}

int
wm_net_table_init(struct wm_net_table *t, size_t rows, size_t cols,
    enum wm_disclosure_rule rule)
{
	memset(t, 0, sizeof(*t));
	t->rows = rows;
	t->cols = cols;
	t->rule = rule;
	t->cells = calloc((rows + 1) * (cols + 1), sizeof(*t->cells));
	return t->cells ? 0 : -1;
}

void
wm_net_table_release(struct wm_net_table *t)
{
	free(t->cells);
	memset(t, 0, sizeof(*t));
}

void
wm_net_table_set(struct wm_net_table *t, size_t row, size_t col, int64_t n)
{
	if (row < t->rows && col < t->cols)
		t->cells[at(t, row, col)].n = n;
}

static void
add_totals(struct wm_net_table *t)
{
	size_t r, c;

	for (r = 0; r <= t->rows; r++)
		t->cells[at(t, r, t->cols)].n = 0;
	for (c = 0; c <= t->cols; c++)
		t->cells[at(t, t->rows, c)].n = 0;
	for (r = 0; r < t->rows; r++)
		for (c = 0; c < t->cols; c++) {
			int64_t n = t->cells[at(t, r, c)].n;

			t->cells[at(t, r, t->cols)].n += n;
			t->cells[at(t, t->rows, c)].n += n;
			t->cells[at(t, t->rows, t->cols)].n += n;
		}
}

int
wm_net_table_disclose(struct wm_net_table *t)
{
	size_t n_lines = (t->rows + 1) + (t->cols + 1), i, r, c, k = 0;
	struct wm_sdc_line *lines = calloc(n_lines, sizeof(*lines));
	size_t *parts = calloc(n_lines * (t->rows + t->cols + 2),
	    sizeof(*parts));
	size_t *p = parts;
	int rc = -1;

	if (!lines || !parts)
		goto out;
	add_totals(t);
	for (r = 0; r <= t->rows; r++) {
		lines[k].parts = p;
		for (c = 0; c < t->cols; c++)
			*p++ = at(t, r, c);
		lines[k].n_parts = t->cols;
		lines[k++].total = at(t, r, t->cols);
	}
	for (c = 0; c <= t->cols; c++) {
		lines[k].parts = p;
		for (r = 0; r < t->rows; r++)
			*p++ = at(t, r, c);
		lines[k].n_parts = t->rows;
		lines[k++].total = at(t, t->rows, c);
	}
	for (i = 0; i < (t->rows + 1) * (t->cols + 1); i++)
		t->cells[i].withheld = t->cells[i].primary = 0;
	rc = wm_disclose_table(t->rule, t->cells, (t->rows + 1) *
	    (t->cols + 1), lines, k);
	t->disclosed = rc == 0;
out:
	free(lines);
	free(parts);
	return rc;
}

struct wm_shown
wm_net_table_count(const struct wm_net_table *t, size_t row, size_t col)
{
	const struct wm_sdc_cell *c = &t->cells[at(t, row, col)];
	struct wm_shown s = { 1, 0 };

	if (!t->disclosed || c->withheld)
		return s;
	return wm_disclose_count(t->rule, c->n);
}

int64_t
wm_net_table_true(const struct wm_net_table *t, size_t row, size_t col)
{
	return t->cells[at(t, row, col)].n;
}

struct wm_shown
wm_net_table_share(const struct wm_net_table *t, size_t row, size_t col)
{
	const struct wm_sdc_cell *num = &t->cells[at(t, row, col)];
	const struct wm_sdc_cell *den = &t->cells[at(t, row, t->cols)];
	struct wm_shown s = { 1, 0 };

	if (!t->disclosed || num->withheld || den->withheld)
		return s;
	return wm_disclose_percent(t->rule, num->n, den->n);
}

int
wm_net_table_of_none(const struct wm_net_table *t, size_t row)
{
	struct wm_shown total = wm_net_table_count(t, row, t->cols);

	return !total.withheld && total.value == 0;
}

/* --- the network's tables of people ------------------------------------ */

static int
finish(struct wm_net_table *t)
{
	if (wm_net_table_disclose(t)) {
		wm_net_table_release(t);
		return -1;
	}
	return 0;
}

/* A row of a table of scale k of o (of one kind of answer, where the
 * table is of one), for service i. */
typedef void (*scale_row_fn)(struct wm_net_table *t, size_t i,
    const struct wm_net_outcomes *o, size_t k, int kind);

/* One scale and kind's outcome table: people paired, by outcome. */
static void
outcome_row(struct wm_net_table *t, size_t i, const struct wm_net_outcomes *o,
    size_t k, int kind)
{
	const struct wm_net_outcome *c = wm_net_outcome_at(o, i, k, kind);

	wm_net_table_set(t, i, WM_NET_IMPROVED, c->t.improved);
	wm_net_table_set(t, i, WM_NET_NO_CHANGE, c->t.no_change);
	wm_net_table_set(t, i, WM_NET_DETERIORATED, c->t.deteriorated);
}

/* Its table when change could not be judged: the people paired alone. */
static void
unjudged_row(struct wm_net_table *t, size_t i,
    const struct wm_net_outcomes *o, size_t k, int kind)
{
	wm_net_table_set(t, i, WM_NET_UNJUDGED, wm_net_outcome_at(o, i, k,
	    kind)->t.paired);
}

/* Its once-only table. */
static void
once_row(struct wm_net_table *t, size_t i, const struct wm_net_outcomes *o,
    size_t k, int kind)
{
	wm_net_table_set(t, i, WM_NET_ONCE, wm_net_outcome_at(o, i, k,
	    kind)->one_only);
}

/* The scale's tables of those left out, whatever the kind. */
static void
none_row(struct wm_net_table *t, size_t i, const struct wm_net_outcomes *o,
    size_t k, int kind)
{
	(void)kind;
	wm_net_table_set(t, i, WM_NET_NONE, wm_net_leftout_none(
	    wm_net_leftout_at(o, i, k)));
}

static void
others_row(struct wm_net_table *t, size_t i, const struct wm_net_outcomes *o,
    size_t k, int kind)
{
	(void)kind;
	wm_net_table_set(t, i, WM_NET_OTHERS, wm_net_leftout_at(o, i,
	    k)->others_only);
}

/* A table of scale k and one kind, a row per service filled by `row`. */
static int
scale_table(const struct wm_net_view *v, const struct wm_net_outcomes *o,
    size_t k, int kind, enum wm_disclosure_rule rule, size_t cols,
    scale_row_fn row, struct wm_net_table *t)
{
	size_t i;

	if (wm_net_table_init(t, v->n_services, cols, rule))
		return -1;
	for (i = 0; i < v->n_services && o->n_services == v->n_services; i++)
		row(t, i, o, k, kind);
	return finish(t);
}

int
wm_net_outcome_table(const struct wm_net_view *v,
    const struct wm_net_outcomes *o, size_t k, int kind,
    enum wm_disclosure_rule rule, struct wm_net_table *t)
{
	if (!wm_net_threshold_of(o, k, kind)->has)
		return scale_table(v, o, k, kind, rule, WM_NET_UNJUDGED_COLS,
		    unjudged_row, t);
	return scale_table(v, o, k, kind, rule, WM_NET_OUTCOME_COLS,
	    outcome_row, t);
}

int
wm_net_outcome_judged(const struct wm_net_table *t)
{
	return t->cols == WM_NET_OUTCOME_COLS;
}

struct wm_shown
wm_net_outcome_paired(const struct wm_net_table *t, size_t row)
{
	return wm_net_table_count(t, row, t->cols);
}

int
wm_net_once_table(const struct wm_net_view *v,
    const struct wm_net_outcomes *o, size_t k, int kind,
    enum wm_disclosure_rule rule, struct wm_net_table *t)
{
	return scale_table(v, o, k, kind, rule, WM_NET_ONCE_COLS, once_row,
	    t);
}

int
wm_net_none_table(const struct wm_net_view *v,
    const struct wm_net_outcomes *o, size_t k, enum wm_disclosure_rule rule,
    struct wm_net_table *t)
{
	return scale_table(v, o, k, 0, rule, WM_NET_NONE_COLS, none_row, t);
}

int
wm_net_others_table(const struct wm_net_view *v,
    const struct wm_net_outcomes *o, size_t k, enum wm_disclosure_rule rule,
    struct wm_net_table *t)
{
	return scale_table(v, o, k, 0, rule, WM_NET_OTHERS_COLS, others_row,
	    t);
}

int
wm_net_measure_tables_build(const struct wm_net_view *v,
    const struct wm_net_outcomes *o, enum wm_disclosure_rule rule,
    struct wm_net_measure_tables *t)
{
	size_t n = o->n_scales * WM_NET_KINDS, i;

	memset(t, 0, sizeof(*t));
	t->outcome = calloc(n + 1, sizeof(*t->outcome));
	t->once = calloc(n + 1, sizeof(*t->once));
	t->none = calloc(o->n_scales + 1, sizeof(*t->none));
	t->others = calloc(o->n_scales + 1, sizeof(*t->others));
	if (!t->outcome || !t->once || !t->none || !t->others)
		return -1;
	for (i = 0; i < n; i++) {
		if (wm_net_outcome_table(v, o, i / WM_NET_KINDS,
		    (int)(i % WM_NET_KINDS), rule, &t->outcome[i]))
			return -1;
		if (wm_net_once_table(v, o, i / WM_NET_KINDS,
		    (int)(i % WM_NET_KINDS), rule, &t->once[i])) {
			wm_net_table_release(&t->outcome[i]);
			return -1;
		}
		t->n++;
	}
	for (i = 0; i < o->n_scales; i++) {
		if (wm_net_none_table(v, o, i, rule, &t->none[i]))
			return -1;
		if (wm_net_others_table(v, o, i, rule, &t->others[i])) {
			wm_net_table_release(&t->none[i]);
			return -1;
		}
		t->n_scales++;
	}
	return 0;
}

void
wm_net_measure_tables_release(struct wm_net_measure_tables *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		wm_net_table_release(&t->outcome[i]);
		wm_net_table_release(&t->once[i]);
	}
	for (i = 0; i < t->n_scales; i++) {
		wm_net_table_release(&t->none[i]);
		wm_net_table_release(&t->others[i]);
	}
	free(t->outcome);
	free(t->once);
	free(t->none);
	free(t->others);
	memset(t, 0, sizeof(*t));
}

/* --- experience ---------------------------------------------------------- */

int
wm_net_indicator_table(const struct wm_net_view *v, size_t j,
    enum wm_disclosure_rule rule, struct wm_net_table *t)
{
	const struct wm_net_experience *e = &v->experience;
	size_t i;

	if (wm_net_table_init(t, v->n_services, WM_NET_AGREE_COLS, rule))
		return -1;
	for (i = 0; i < v->n_services && e->n_services == v->n_services &&
	    j < e->n_items; i++) {
		int64_t answered = e->answered[i * e->n_items + j];
		int64_t agree = e->agree[i * e->n_items + j];

		wm_net_table_set(t, i, WM_NET_AGREE, agree);
		wm_net_table_set(t, i, WM_NET_NOT_AGREE, answered - agree);
	}
	return finish(t);
}

int
wm_net_erfs_table(const struct wm_net_view *v, size_t g, int rater,
    enum wm_disclosure_rule rule, struct wm_net_table *t)
{
	const struct wm_net_experience *e = &v->experience;
	size_t i;

	if (wm_net_table_init(t, v->n_services, WM_NET_RATINGS_COLS, rule))
		return -1;
	for (i = 0; i < v->n_services && e->n_services == v->n_services &&
	    g < e->n_groups; i++)
		wm_net_table_set(t, i, WM_NET_RATINGS, wm_net_erfs_ratings(e, i,
		    g, rater));
	return finish(t);
}

struct wm_net_mean
wm_net_erfs_mean(const struct wm_net_view *v, const struct wm_net_table *t,
    size_t g, int rater, size_t row)
{
	const struct wm_net_experience *e = &v->experience;
	struct wm_net_mean m = { 0, 0, 0 };
	int64_t n = wm_net_table_true(t, row, t->cols);
	double total = 0;
	size_t i;

	for (i = 0; i < v->n_services && g < e->n_groups; i++)
		if (row == i || row == v->n_services)
			total += wm_net_erfs_total(e, i, g, rater);
	if (n <= 0)
		return m;
	m.has = 1;
	m.withheld = wm_net_table_count(t, row, t->cols).withheld ||
	    !wm_disclose_mean(t->rule, n);
	if (!m.withheld)
		m.value = total / (double)n;
	return m;
}

int
wm_net_experience_tables_build(const struct wm_net_view *v,
    enum wm_disclosure_rule rule, struct wm_net_experience_tables *t)
{
	const struct wm_net_experience *e = &v->experience;
	size_t j, n = e->n_groups * WM_NET_RATERS;

	memset(t, 0, sizeof(*t));
	t->indicators = calloc(e->n_items + 1, sizeof(*t->indicators));
	t->erfs = calloc(n + 1, sizeof(*t->erfs));
	if (!t->indicators || !t->erfs)
		return -1;
	for (j = 0; j < e->n_items; j++, t->n_indicators++)
		if (wm_net_indicator_table(v, j, rule, &t->indicators[j]))
			return -1;
	for (j = 0; j < n; j++, t->n_erfs++)
		if (wm_net_erfs_table(v, j / WM_NET_RATERS,
		    (int)(j % WM_NET_RATERS), rule, &t->erfs[j]))
			return -1;
	return 0;
}

void
wm_net_experience_tables_release(struct wm_net_experience_tables *t)
{
	size_t i;

	for (i = 0; i < t->n_indicators; i++)
		wm_net_table_release(&t->indicators[i]);
	for (i = 0; i < t->n_erfs; i++)
		wm_net_table_release(&t->erfs[i]);
	free(t->indicators);
	free(t->erfs);
	memset(t, 0, sizeof(*t));
}

int
wm_net_paired_table(const struct wm_net_view *v,
    enum wm_disclosure_rule rule, struct wm_net_table *t)
{
	size_t i;

	if (wm_net_table_init(t, v->n_services, WM_NET_PAIRED_COLS, rule))
		return -1;
	for (i = 0; i < v->n_services; i++) {
		const struct wm_net_service *sv = &v->services[i];

		wm_net_table_set(t, i, WM_NET_PAIRED, sv->paired);
		wm_net_table_set(t, i, WM_NET_NOT_PAIRED, sv->eligible -
		    sv->paired);
	}
	return finish(t);
}

int
wm_net_goals_table(const struct wm_net_view *v,
    enum wm_disclosure_rule rule, struct wm_net_table *t)
{
	size_t i;

	if (wm_net_table_init(t, v->n_services, WM_NET_GOAL_COLS, rule))
		return -1;
	for (i = 0; i < v->n_services; i++) {
		const struct wm_net_service *sv = &v->services[i];

		wm_net_table_set(t, i, WM_NET_HIGHER, sv->higher);
		wm_net_table_set(t, i, WM_NET_NOT_HIGHER, sv->reviewed -
		    sv->higher);
		wm_net_table_set(t, i, WM_NET_NOT_REVIEWED, sv->with_goals -
		    sv->reviewed);
	}
	return finish(t);
}

struct wm_shown
wm_net_goals_reviewed(const struct wm_net_table *t, size_t row)
{
	struct wm_shown none = { 1, 0 };

	if (wm_net_table_count(t, row, WM_NET_HIGHER).withheld ||
	    wm_net_table_count(t, row, WM_NET_NOT_HIGHER).withheld)
		return none;
	return wm_disclose_count(t->rule, wm_net_table_true(t, row,
	    WM_NET_HIGHER) + wm_net_table_true(t, row, WM_NET_NOT_HIGHER));
}

struct wm_shown
wm_net_goals_higher_share(const struct wm_net_table *t, size_t row)
{
	struct wm_shown none = { 1, 0 };
	int64_t higher = wm_net_table_true(t, row, WM_NET_HIGHER);

	if (wm_net_goals_reviewed(t, row).withheld)
		return none;
	return wm_disclose_percent(t->rule, higher, higher +
	    wm_net_table_true(t, row, WM_NET_NOT_HIGHER));
}

/* --- totals beside figures shown one by one ----------------------------- */

/* 1 when publishing the total of n[0..count) would give away a part that
 * is withheld (withheld[k]); 1 also when out of memory, to fail safe. */
static int
total_gives_away(const int64_t *n, const int *withheld, size_t count)
{
	struct wm_sdc_cell *cells = calloc(count + 1, sizeof(*cells));
	size_t *parts = calloc(count + 1, sizeof(*parts));
	struct wm_sdc_line line;
	size_t k;
	int gives = 0;

	if (!cells || !parts) {
		gives = 1;
		goto out;
	}
	for (k = 0; k < count; k++) {
		cells[k].n = n[k];
		cells[k].withheld = withheld[k];
		cells[count].n += n[k];
		parts[k] = k;
	}
	line.parts = parts;
	line.n_parts = count;
	line.total = count;
	for (k = 0; k < count && !gives; k++)
		gives = withheld[k] && wm_disclose_determined(cells, count + 1,
		    &line, 1, k);
out:
	free(cells);
	free(parts);
	return gives;
}

static int64_t
sum(const int64_t *n, size_t count)
{
	int64_t t = 0;
	size_t k;

	for (k = 0; k < count; k++)
		t += n[k];
	return t;
}

/* The total of n[0..count), each part withheld as `withheld` says, as
 * it may be published. */
static struct wm_shown
total_of(enum wm_disclosure_rule rule, const int64_t *n, const int *withheld,
    size_t count)
{
	struct wm_shown none = { 1, 0 };

	if (total_gives_away(n, withheld, count))
		return none;
	return wm_disclose_count(rule, sum(n, count));
}

/* Which parts /network withholds: each count by the rule on its own, or
 * (den not NULL) each share. NULL when out of memory. */
static int *
withheld_parts(enum wm_disclosure_rule rule, const int64_t *num,
    const int64_t *den, size_t count)
{
	int *w = calloc(count + 1, sizeof(*w));
	size_t k;

	for (k = 0; w && k < count; k++)
		w[k] = den ?
		    wm_disclose_percent(rule, num[k], den[k]).withheld :
		    wm_disclose_count(rule, num[k]).withheld;
	return w;
}

struct wm_shown
wm_net_total_count(enum wm_disclosure_rule rule, const int64_t *n,
    size_t count)
{
	struct wm_shown s = { 1, 0 };
	int *w = withheld_parts(rule, n, NULL, count);

	if (w)
		s = total_of(rule, n, w, count);
	free(w);
	return s;
}

struct wm_shown
wm_net_total_share(enum wm_disclosure_rule rule, const int64_t *num,
    const int64_t *den, size_t count)
{
	struct wm_shown s = { 1, 0 };
	int *w = withheld_parts(rule, num, den, count);

	if (w && !total_of(rule, num, w, count).withheld &&
	    !wm_net_total_count(rule, den, count).withheld)
		s = wm_disclose_percent(rule, sum(num, count), sum(den, count));
	free(w);
	return s;
}
