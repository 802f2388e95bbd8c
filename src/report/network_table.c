/*
 * The network's tables, disclosed once for the whole network (report/
 * network_table.h). The rows are a tree: the network, its providers,
 * their services. The lines for core's secondary suppression: each
 * row's parts add up to the row's total, and each column's children
 * (the total column's too) add up to their parent, at every level. The
 * view's total is found from the disclosed cells afterwards (cover()),
 * so that disclosing never depends on who asks.
 */
#include "report/network_table.h"

#include <stdlib.h>
#include <string.h>

static size_t
width(const struct wm_net_table *t)
{
	return t->cols + 1;
}

static size_t
at(const struct wm_net_table *t, size_t node, size_t col)
{
	return node * width(t) + col;
}

size_t
wm_net_table_root(const struct wm_net_table *t)
{
	return t->nodes - 1;
}

size_t
wm_net_table_provider(const struct wm_net_table *t, size_t p)
{
	return t->provider_node[p];
}

size_t
wm_net_table_node(const struct wm_net_table *t, size_t i)
{
	return t->node_of[i];
}

size_t
wm_net_table_service_at(const struct wm_net_table *t, size_t node)
{
	return t->service_of[node];
}

/* --- the tree ---------------------------------------------------------- */

static void
attach(struct wm_net_table *t, size_t node, size_t parent)
{
	t->parent[node] = parent;
	if (parent == WM_NET_NO_NODE)
		return;
	t->next_sibling[node] = t->first_child[parent];
	t->first_child[parent] = node;
}

/* A service or a provider, to put in order. */
struct unit_at {
	int64_t id;
	size_t at;		/* its index in the view */
};

static int
by_id(const void *a, const void *b)
{
	const struct unit_at *x = a, *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

/*
 * The nodes in order of the units' ids, services first, then providers:
 * the one table's order, the same whoever's view it is built from, so
 * that where the rule must choose between equal cells it chooses the
 * same one for every view.
 */
static int
order(struct wm_net_table *t, const struct wm_net_view *v, size_t s,
    size_t p)
{
	struct unit_at *u = calloc(s + p + 1, sizeof(*u));
	size_t i;

	if (!u)
		return -1;
	for (i = 0; i < s; i++)
		u[i] = (struct unit_at){ v->services[i].id, i };
	for (i = 0; i < p; i++)
		u[s + i] = (struct unit_at){ v->providers[i].id, i };
	qsort(u, s, sizeof(*u), by_id);
	qsort(u + s, p, sizeof(*u), by_id);
	for (i = 0; i < s; i++) {
		t->node_of[u[i].at] = i;
		t->service_of[i] = u[i].at;
	}
	for (i = 0; i < p; i++)
		t->provider_node[u[s + i].at] = s + i;
	free(u);
	return 0;
}

/* How much of each node the view covers, from its services up. */
static void
scope_up(struct wm_net_table *t, size_t own)
{
	size_t i, k, *whole = calloc(t->nodes, sizeof(*whole));
	size_t *some = calloc(t->nodes, sizeof(*some));
	size_t *kids = calloc(t->nodes, sizeof(*kids));

	if (!whole || !some || !kids)
		goto out;	/* scope stays NONE: every total withheld */
	/* Children come before their parents. */
	for (i = 0; i < t->nodes; i++) {
		if (t->first_child[i] == WM_NET_NO_NODE &&
		    t->parent[i] != WM_NET_NO_NODE)
			t->scope[i] = t->service_of[i] < own ?
			    WM_NET_SCOPE_WHOLE : WM_NET_SCOPE_NONE;
		else
			t->scope[i] = !kids[i] || whole[i] == kids[i] ?
			    WM_NET_SCOPE_WHOLE : some[i] ? WM_NET_SCOPE_PART :
			    WM_NET_SCOPE_NONE;
		if ((k = t->parent[i]) == WM_NET_NO_NODE)
			continue;
		kids[k]++;
		whole[k] += t->scope[i] == WM_NET_SCOPE_WHOLE;
		some[k] += t->scope[i] != WM_NET_SCOPE_NONE;
	}
out:
	free(whole);
	free(some);
	free(kids);
}

int
wm_net_table_init(struct wm_net_table *t, const struct wm_net_view *v,
    size_t cols, enum wm_disclosure_rule rule)
{
	size_t s = wm_net_view_all(v), p = wm_net_view_all_providers(v);
	size_t i, root = s + p;

	memset(t, 0, sizeof(*t));
	t->rows = v->n_services;
	t->services = s;
	t->cols = cols;
	t->rule = rule;
	t->nodes = s + p + 1;
	t->parent = calloc(t->nodes, sizeof(*t->parent));
	t->first_child = calloc(t->nodes, sizeof(*t->first_child));
	t->next_sibling = calloc(t->nodes, sizeof(*t->next_sibling));
	t->scope = calloc(t->nodes, 1);
	t->node_of = calloc(s + 1, sizeof(*t->node_of));
	t->service_of = calloc(s + 1, sizeof(*t->service_of));
	t->provider_node = calloc(p + 1, sizeof(*t->provider_node));
	t->cells = calloc(t->nodes * (cols + 1), sizeof(*t->cells));
	if (!t->parent || !t->first_child || !t->next_sibling || !t->scope ||
	    !t->node_of || !t->service_of || !t->provider_node || !t->cells ||
	    order(t, v, s, p))
		return -1;
	for (i = 0; i < t->nodes; i++)
		t->first_child[i] = t->next_sibling[i] = WM_NET_NO_NODE;
	/* Children are linked last first, so that each list reads in the
	 * table's order. */
	attach(t, root, WM_NET_NO_NODE);
	for (i = root; i-- > s;)
		attach(t, i, root);
	for (i = s; i-- > 0;) {
		size_t pv = v->services[t->service_of[i]].provider;

		attach(t, i, pv < p ? t->provider_node[pv] : root);
	}
	scope_up(t, v->n_services);
	return 0;
}

void
wm_net_table_release(struct wm_net_table *t)
{
	free(t->parent);
	free(t->first_child);
	free(t->next_sibling);
	free(t->scope);
	free(t->node_of);
	free(t->service_of);
	free(t->provider_node);
	free(t->cells);
	memset(t, 0, sizeof(*t));
}

void
wm_net_table_set(struct wm_net_table *t, size_t i, size_t col, int64_t n)
{
	if (i < t->services && col < t->cols)
		t->cells[at(t, t->node_of[i], col)].n = n;
}

struct wm_sdc_cell *
wm_net_table_cell(struct wm_net_table *t, size_t node, size_t col)
{
	return &t->cells[at(t, node, col)];
}

void
wm_net_table_hide_services(struct wm_net_table *t)
{
	size_t i, c;

	for (i = 0; i < t->nodes; i++)
		if (t->first_child[i] == WM_NET_NO_NODE &&
		    t->parent[i] != WM_NET_NO_NODE)
			for (c = 0; c <= t->cols; c++)
				t->cells[at(t, i, c)].hidden = 1;
}

/* --- disclosing it ----------------------------------------------------- */

int
wm_net_table_is_service(const struct wm_net_table *t, size_t node)
{
	return t->first_child[node] == WM_NET_NO_NODE &&
	    t->parent[node] != WM_NET_NO_NODE;
}

void
wm_net_table_add_up(struct wm_net_table *t)
{
	size_t i, c, k;

	/* Nodes come after their children, so one pass from the first
	 * adds every level up. */
	for (i = 0; i < t->nodes; i++) {
		struct wm_sdc_cell *row = &t->cells[at(t, i, 0)];

		if (!wm_net_table_is_service(t, i))
			for (c = 0; c < t->cols; c++) {
				row[c].n = 0;
				for (k = t->first_child[i]; k != WM_NET_NO_NODE;
				    k = t->next_sibling[k])
					row[c].n += t->cells[at(t, k, c)].n;
			}
		row[t->cols].n = 0;
		for (c = 0; c < t->cols; c++)
			row[t->cols].n += row[c].n;
	}
}

/* The lines: each row's parts to its total, each column's children to
 * their parent. */
static int
lines_of(const struct wm_net_table *t, struct wm_sdc_line **out, size_t *n,
    size_t **parts_out)
{
	size_t rows = t->nodes, inner = 0, i, c, k, m = 0;
	struct wm_sdc_line *lines;
	size_t *parts, *p;

	for (i = 0; i < rows; i++)
		inner += !wm_net_table_is_service(t, i);
	lines = calloc(rows + inner * width(t) + 1, sizeof(*lines));
	parts = calloc(rows * t->cols + rows * width(t) + 1, sizeof(*parts));
	*out = lines;
	*parts_out = parts;
	if (!lines || !parts)
		return -1;
	p = parts;
	for (i = 0; i < rows; i++) {
		lines[m].parts = p;
		for (c = 0; c < t->cols; c++)
			*p++ = at(t, i, c);
		lines[m].n_parts = t->cols;
		lines[m++].total = at(t, i, t->cols);
	}
	for (i = 0; i < rows; i++)
		for (c = 0; !wm_net_table_is_service(t, i) && c <= t->cols; c++) {
			lines[m].parts = p;
			for (k = t->first_child[i]; k != WM_NET_NO_NODE;
			    k = t->next_sibling[k])
				*p++ = at(t, k, c);
			lines[m].n_parts = (size_t)(p - lines[m].parts);
			lines[m++].total = at(t, i, c);
		}
	*n = m;
	return 0;
}

static int
disclose(struct wm_net_table *t, int marked)
{
	struct wm_sdc_line *lines;
	size_t *parts, n_lines = 0;
	int rc = -1;

	t->disclosed = 0;
	if (lines_of(t, &lines, &n_lines, &parts) == 0)
		rc = marked ? wm_disclose_marked(t->cells, t->nodes * width(t),
		    lines, n_lines) : wm_disclose_table(t->rule, t->cells,
		    t->nodes * width(t), lines, n_lines);
	t->disclosed = rc == 0;
	free(lines);
	free(parts);
	return rc;
}

int
wm_net_table_disclose(struct wm_net_table *t)
{
	wm_net_table_add_up(t);
	return disclose(t, 0);
}

int
wm_net_table_disclose_marked(struct wm_net_table *t)
{
	wm_net_table_add_up(t);
	return disclose(t, 1);
}

/* --- what a view publishes --------------------------------------------- */

/*
 * 1 when the part of `node` in the view's scope is made up exactly of
 * shown cells of column `col`, adding their published counts to *sum:
 * the node's own cell when the view covers all of it and it is shown,
 * else its children's. A hidden cell is never shown. The sum is of the
 * counts as published, rounded, never of the true ones: rounded after
 * adding, a total of two providers' cells would say more than the two
 * cells (7 and 7 are each 5, but 14 is 15).
 */
static int
cover(const struct wm_net_table *t, size_t node, size_t col, int64_t *sum)
{
	const struct wm_sdc_cell *c = &t->cells[at(t, node, col)];
	size_t k;

	if (t->scope[node] == WM_NET_SCOPE_NONE)
		return 1;
	if (t->scope[node] == WM_NET_SCOPE_WHOLE && !c->withheld) {
		*sum += wm_disclose_count(t->rule, c->n).value;
		return 1;
	}
	if (wm_net_table_is_service(t, node))
		return 0;
	for (k = t->first_child[node]; k != WM_NET_NO_NODE;
	    k = t->next_sibling[k])
		if (!cover(t, k, col, sum))
			return 0;
	return 1;
}

/* The view's cell (row, col) as published: withheld, or its count
 * rounded by the rule (the view's total: the sum of the published cells
 * that make up its scope). */
static struct wm_shown
view_cell(const struct wm_net_table *t, size_t row, size_t col)
{
	struct wm_shown s = { 1, 0 };
	const struct wm_sdc_cell *c;
	int64_t sum = 0;

	if (!t->disclosed || col > t->cols || row > t->rows)
		return s;
	if (row == t->rows)
		return cover(t, wm_net_table_root(t), col, &sum) ?
		    wm_disclose_count(t->rule, sum) : s;
	c = &t->cells[at(t, t->node_of[row], col)];
	return c->withheld ? s : wm_disclose_count(t->rule, c->n);
}

struct wm_shown
wm_net_table_count(const struct wm_net_table *t, size_t row, size_t col)
{
	return view_cell(t, row, col);
}

int
wm_net_table_withheld(const struct wm_net_table *t, size_t row, size_t col)
{
	const struct wm_sdc_cell *c;
	int64_t sum = 0;

	if (!t->disclosed || col > t->cols || row > t->rows)
		return 1;
	if (row == t->rows)
		return !cover(t, wm_net_table_root(t), col, &sum);
	c = &t->cells[at(t, t->node_of[row], col)];
	return c->withheld;
}

int64_t
wm_net_table_true(const struct wm_net_table *t, size_t row, size_t col)
{
	int64_t n = 0;
	size_t i;

	if (col > t->cols)
		return 0;
	if (row < t->rows)
		return t->cells[at(t, t->node_of[row], col)].n;
	for (i = 0; i < t->rows; i++)
		n += t->cells[at(t, t->node_of[i], col)].n;
	return n;
}

struct wm_shown
wm_net_table_share_of(const struct wm_net_table *t,
    const struct wm_net_table *den, size_t row, size_t col, size_t of)
{
	return wm_disclose_share(view_cell(t, row, col), view_cell(den, row,
	    of));
}

struct wm_shown
wm_net_table_share(const struct wm_net_table *t, size_t row, size_t col)
{
	return wm_net_table_share_of(t, t, row, col, t->cols);
}

int
wm_net_table_of_none(const struct wm_net_table *t, size_t row)
{
	struct wm_shown total = wm_net_table_count(t, row, t->cols);

	return !total.withheld && total.value == 0;
}

/* --- the network's tables of people ------------------------------------ */

int
wm_net_table_finish(struct wm_net_table *t, int marked)
{
	if (marked ? wm_net_table_disclose_marked(t) :
	    wm_net_table_disclose(t)) {
		wm_net_table_release(t);
		return -1;
	}
	return 0;
}

int
wm_net_table_prepare(struct wm_net_table *t, const struct wm_net_view *v,
    size_t cols, enum wm_disclosure_rule rule)
{
	if (wm_net_table_init(t, v, cols, rule) == 0)
		return 0;
	wm_net_table_release(t);
	return -1;
}

void
wm_net_table_mark_means(struct wm_net_table *t, int counted)
{
	size_t i;

	wm_net_table_add_up(t);
	for (i = 0; i < t->nodes * width(t); i++) {
		int64_t n = t->cells[i].n;

		if (counted)
			t->cells[i].primary = wm_disclose_count(t->rule,
			    n).withheld || (n > 0 && !wm_disclose_mean(t->rule,
			    n));
		else
			t->cells[i].primary = !wm_disclose_mean(t->rule, n);
	}
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

/* Its mean's people. */
static void
mean_row(struct wm_net_table *t, size_t i, const struct wm_net_outcomes *o,
    size_t k, int kind)
{
	wm_net_table_set(t, i, 0, wm_net_outcome_at(o, i, k, kind)->t.change.n);
}

/* Its reliable recovery. */
static void
recovery_row(struct wm_net_table *t, size_t i,
    const struct wm_net_outcomes *o, size_t k, int kind)
{
	const struct wm_net_outcome *c = wm_net_outcome_at(o, i, k, kind);

	wm_net_table_set(t, i, WM_NET_RECOVERED, c->t.recovered);
	wm_net_table_set(t, i, WM_NET_NOT_RECOVERED, c->t.could_recover -
	    c->t.recovered);
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

/* A table of scale k and one kind, a row per service of the network
 * filled by `row`, set up and (unless hide) disclosed. */
static int
scale_table(const struct wm_net_view *v, const struct wm_net_outcomes *o,
    size_t k, int kind, enum wm_disclosure_rule rule, size_t cols,
    scale_row_fn row, int hide, struct wm_net_table *t)
{
	size_t i, n = wm_net_view_all(v);

	if (wm_net_table_prepare(t, v, cols, rule))
		return -1;
	for (i = 0; i < n && o->n_services == n; i++)
		row(t, i, o, k, kind);
	if (!hide)
		return wm_net_table_finish(t, 0);
	wm_net_table_hide_services(t);
	return 0;
}

int
wm_net_outcome_table(const struct wm_net_view *v,
    const struct wm_net_outcomes *o, size_t k, int kind,
    enum wm_disclosure_rule rule, struct wm_net_table *t)
{
	if (!wm_net_threshold_of(o, k, kind)->has)
		return scale_table(v, o, k, kind, rule, WM_NET_UNJUDGED_COLS,
		    unjudged_row, 0, t);
	return scale_table(v, o, k, kind, rule, WM_NET_OUTCOME_COLS,
	    outcome_row, 0, t);
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
	return scale_table(v, o, k, kind, rule, WM_NET_ONCE_COLS, once_row, 0,
	    t);
}

int
wm_net_none_table(const struct wm_net_view *v,
    const struct wm_net_outcomes *o, size_t k, enum wm_disclosure_rule rule,
    struct wm_net_table *t)
{
	return scale_table(v, o, k, 0, rule, WM_NET_NONE_COLS, none_row, 0, t);
}

int
wm_net_others_table(const struct wm_net_view *v,
    const struct wm_net_outcomes *o, size_t k, enum wm_disclosure_rule rule,
    struct wm_net_table *t)
{
	return scale_table(v, o, k, 0, rule, WM_NET_OTHERS_COLS, others_row, 0,
	    t);
}

int
wm_net_mean_table(const struct wm_net_view *v,
    const struct wm_net_outcomes *o, size_t k, int kind,
    enum wm_disclosure_rule rule, struct wm_net_table *t)
{
	if (scale_table(v, o, k, kind, rule, 1, mean_row, 1, t))
		return -1;
	wm_net_table_mark_means(t, 0);
	return wm_net_table_finish(t, 1);
}

int
wm_net_mean_of(const struct wm_net_table *t,
    const struct wm_net_outcomes *o, size_t k, int kind,
    struct wm_moments *out)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	if (wm_net_table_withheld(t, t->rows, 0) || o->n_services < t->rows)
		return 0;
	for (i = 0; i < t->rows; i++) {
		const struct wm_moments *m = &wm_net_outcome_at(o, i, k,
		    kind)->t.change;

		out->n += m->n;
		out->sum += m->sum;
		out->sumsq += m->sumsq;
	}
	return wm_disclose_mean(t->rule, out->n);
}

int
wm_net_recovery_table(const struct wm_net_view *v,
    const struct wm_net_outcomes *o, size_t k, int kind,
    enum wm_disclosure_rule rule, struct wm_net_table *t)
{
	if (scale_table(v, o, k, kind, rule, WM_NET_RECOVERY_COLS,
	    recovery_row, 1, t))
		return -1;
	return wm_net_table_finish(t, 0);
}

/* The four tables of scale and kind i. */
static int
measure_tables(const struct wm_net_view *v, const struct wm_net_outcomes *o,
    enum wm_disclosure_rule rule, struct wm_net_measure_tables *t, size_t i)
{
	size_t k = i / WM_NET_KINDS;
	int kind = (int)(i % WM_NET_KINDS);

	if (wm_net_outcome_table(v, o, k, kind, rule, &t->outcome[i]))
		return -1;
	if (wm_net_once_table(v, o, k, kind, rule, &t->once[i]))
		goto outcome;
	if (wm_net_mean_table(v, o, k, kind, rule, &t->mean[i]))
		goto once;
	if (wm_net_recovery_table(v, o, k, kind, rule, &t->recovery[i]) == 0)
		return 0;
	wm_net_table_release(&t->mean[i]);
once:
	wm_net_table_release(&t->once[i]);
outcome:
	wm_net_table_release(&t->outcome[i]);
	return -1;
}

/* The two tables of those left out of scale k. */
static int
leftout_tables(const struct wm_net_view *v, const struct wm_net_outcomes *o,
    enum wm_disclosure_rule rule, struct wm_net_measure_tables *t, size_t k)
{
	if (wm_net_none_table(v, o, k, rule, &t->none[k]))
		return -1;
	if (wm_net_others_table(v, o, k, rule, &t->others[k]) == 0)
		return 0;
	wm_net_table_release(&t->none[k]);
	return -1;
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
	t->mean = calloc(n + 1, sizeof(*t->mean));
	t->recovery = calloc(n + 1, sizeof(*t->recovery));
	t->none = calloc(o->n_scales + 1, sizeof(*t->none));
	t->others = calloc(o->n_scales + 1, sizeof(*t->others));
	if (!t->outcome || !t->once || !t->mean || !t->recovery || !t->none ||
	    !t->others)
		return -1;
	for (i = 0; i < n; i++, t->n++)
		if (measure_tables(v, o, rule, t, i))
			return -1;
	for (i = 0; i < o->n_scales; i++, t->n_scales++)
		if (leftout_tables(v, o, rule, t, i))
			return -1;
	return 0;
}

void
wm_net_measure_tables_release(struct wm_net_measure_tables *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		wm_net_table_release(&t->outcome[i]);
		wm_net_table_release(&t->once[i]);
		wm_net_table_release(&t->mean[i]);
		wm_net_table_release(&t->recovery[i]);
	}
	for (i = 0; i < t->n_scales; i++) {
		wm_net_table_release(&t->none[i]);
		wm_net_table_release(&t->others[i]);
	}
	free(t->outcome);
	free(t->once);
	free(t->mean);
	free(t->recovery);
	free(t->none);
	free(t->others);
	memset(t, 0, sizeof(*t));
}

int
wm_net_paired_table(const struct wm_net_view *v,
    enum wm_disclosure_rule rule, struct wm_net_table *t)
{
	size_t i;

	if (wm_net_table_prepare(t, v, WM_NET_PAIRED_COLS, rule))
		return -1;
	for (i = 0; i < wm_net_view_all(v); i++) {
		const struct wm_net_service *sv = &v->services[i];

		wm_net_table_set(t, i, WM_NET_PAIRED, sv->paired);
		wm_net_table_set(t, i, WM_NET_NOT_PAIRED, sv->eligible -
		    sv->paired);
	}
	return wm_net_table_finish(t, 0);
}

int
wm_net_goals_table(const struct wm_net_view *v,
    enum wm_disclosure_rule rule, struct wm_net_table *t)
{
	size_t i;

	if (wm_net_table_prepare(t, v, WM_NET_GOAL_COLS, rule))
		return -1;
	for (i = 0; i < wm_net_view_all(v); i++) {
		const struct wm_net_service *sv = &v->services[i];

		wm_net_table_set(t, i, WM_NET_HIGHER, sv->higher);
		wm_net_table_set(t, i, WM_NET_NOT_HIGHER, sv->reviewed -
		    sv->higher);
		wm_net_table_set(t, i, WM_NET_NOT_REVIEWED, sv->with_goals -
		    sv->reviewed);
	}
	return wm_net_table_finish(t, 0);
}

struct wm_shown
wm_net_goals_reviewed(const struct wm_net_table *t, size_t row)
{
	struct wm_shown h = wm_net_table_count(t, row, WM_NET_HIGHER);
	struct wm_shown nh = wm_net_table_count(t, row, WM_NET_NOT_HIGHER);

	/* The sum of the two as published, as a view's total is (cover()):
	 * rounded after adding, it would say more than they do. */
	h.value += nh.value;
	h.withheld |= nh.withheld;
	if (h.withheld)
		h.value = 0;
	return h;
}

struct wm_shown
wm_net_goals_higher_share(const struct wm_net_table *t, size_t row)
{
	return wm_disclose_share(wm_net_table_count(t, row, WM_NET_HIGHER),
	    wm_net_goals_reviewed(t, row));
}

int
wm_net_count_table(const struct wm_net_view *v, const int64_t *people,
    enum wm_disclosure_rule rule, struct wm_net_table *t)
{
	size_t i;

	if (wm_net_table_prepare(t, v, 1, rule))
		return -1;
	for (i = 0; i < wm_net_view_all(v); i++)
		wm_net_table_set(t, i, 0, people[i]);
	return wm_net_table_finish(t, 0);
}
