/*
 * The network's tables of what people and staff say (report/
 * network_table.h), built through the one table of the whole network
 * like every other: every service a row, each provider's total and the
 * network's, disclosed once, each view publishing its part of it.
 *
 * ERFS is published as means of ratings. A mean is a sum over its
 * ratings, and sums add up the tree as their counts do: so each table of
 * ratings withholds, from the start, every count the rule would not
 * publish or whose mean it would not, and then whatever else lets one of
 * those be worked out by subtraction. Then no provider's or the
 * network's mean less the others' can give the mean of a few ratings
 * elsewhere, and a mean is shown only beside its count.
 */
#include "report/network_table.h"

#include <stdlib.h>
#include <string.h>

int
wm_net_indicator_table(const struct wm_net_view *v, size_t j,
    enum wm_disclosure_rule rule, struct wm_net_table *t)
{
	const struct wm_net_experience *e = &v->experience;
	size_t i, n = wm_net_view_all(v);

	if (wm_net_table_prepare(t, v, WM_NET_AGREE_COLS, rule))
		return -1;
	for (i = 0; i < n && e->n_services == n && j < e->n_items; i++) {
		int64_t answered = e->answered[i * e->n_items + j];
		int64_t agree = e->agree[i * e->n_items + j];

		wm_net_table_set(t, i, WM_NET_AGREE, agree);
		wm_net_table_set(t, i, WM_NET_NOT_AGREE, answered - agree);
	}
	return wm_net_table_finish(t, 0);
}

/*
 * Ratings carry no name, so who gave them is unknown: three members of
 * staff rating every quarter give twelve ratings over four. ERFS is
 * rated in rounds, each rater once a round, so the people behind a
 * count are at least its largest round, and no more is known. A node's
 * largest round is its services' largest single one: the same member
 * of staff may rate several of a provider's services in one round, so
 * adding the services' rounds up could count one person twice.
 */
static int
mark_rounds(struct wm_net_table *t, const struct wm_net_experience *e,
    size_t n, size_t g, int rater)
{
	int64_t *peak = calloc(t->nodes + 1, sizeof(*peak));
	size_t i, c, node;

	if (!peak)
		return -1;
	for (i = 0; i < n; i++)
		for (node = wm_net_table_node(t, i); node != WM_NET_NO_NODE;
		    node = t->parent[node])
			if (wm_net_erfs_peak(e, i, g, rater) > peak[node])
				peak[node] = wm_net_erfs_peak(e, i, g, rater);
	for (node = 0; node < t->nodes; node++)
		for (c = 0; c <= t->cols; c++) {
			struct wm_sdc_cell *cell = wm_net_table_cell(t, node, c);

			if (cell->n > 0 && !wm_disclose_mean(t->rule,
			    peak[node]))
				cell->primary = 1;
		}
	free(peak);
	return 0;
}

int
wm_net_erfs_table(const struct wm_net_view *v, size_t g, int rater,
    enum wm_disclosure_rule rule, struct wm_net_table *t)
{
	const struct wm_net_experience *e = &v->experience;
	size_t i, n = wm_net_view_all(v);

	if (wm_net_table_prepare(t, v, WM_NET_RATINGS_COLS, rule))
		return -1;
	for (i = 0; i < n && e->n_services == n && g < e->n_groups; i++)
		wm_net_table_set(t, i, WM_NET_RATINGS, wm_net_erfs_ratings(e, i,
		    g, rater));
	wm_net_table_mark_means(t, 1);
	if (e->n_services == n && g < e->n_groups &&
	    mark_rounds(t, e, n, g, rater)) {
		wm_net_table_release(t);
		return -1;
	}
	return wm_net_table_finish(t, 1);
}

struct wm_net_mean
wm_net_erfs_mean(const struct wm_net_view *v, const struct wm_net_table *t,
    size_t g, int rater, size_t row)
{
	const struct wm_net_experience *e = &v->experience;
	struct wm_net_mean m = { 1, 1, 0 };
	int64_t n = wm_net_table_true(t, row, t->cols), peak = 0;
	double total = 0;
	size_t i;

	/* Whether there is a mean to give is read from its count as
	 * published, never from the true one: "no ratings" for a count the
	 * rule withholds would give the 0 away. */
	if (wm_net_table_withheld(t, row, t->cols) || g >= e->n_groups ||
	    e->n_services < t->rows)
		return m;
	if (n <= 0) {
		m.has = m.withheld = 0;
		return m;
	}
	/* The view's total is its own services' (of the cells that make
	 * up its scope exactly, or it would be withheld), and its largest
	 * round theirs (mark_rounds). */
	for (i = 0; i < t->rows; i++)
		if (row == i || row == t->rows) {
			total += wm_net_erfs_total(e, i, g, rater);
			if (wm_net_erfs_peak(e, i, g, rater) > peak)
				peak = wm_net_erfs_peak(e, i, g, rater);
		}
	if ((m.withheld = !wm_disclose_mean(t->rule, n) ||
	    !wm_disclose_mean(t->rule, peak)))
		return m;
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
