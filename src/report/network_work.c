/*
 * The figures about services' work, disclosed for the whole network
 * (report/network_work.h): each a table of report/network_table.h whose
 * services' own cells are kept where a total can give way, with its
 * primary marks set here, since a count published only through its share
 * is withheld by the share's rule.
 */
#include "report/network_work.h"

#include <stdlib.h>
#include <string.h>

/* The services' own figures are kept where a total can give way. */
static void
keep_services(struct wm_net_table *t)
{
	size_t i, c;

	for (i = 0; i < t->nodes; i++)
		for (c = 0; wm_net_table_is_service(t, i) && c <= t->cols; c++)
			wm_net_table_cell(t, i, c)->keep = 1;
}

/* Each cell's primary mark: by the count rule, or (den given, of the
 * same shape) with its share of den's same cell, as a share is withheld.
 * Of a denominator the rule shows as 0, a count is known to be 0. */
static void
mark(struct wm_net_table *t, const struct wm_net_table *den)
{
	int zero_shown = !wm_disclose_count(t->rule, 0).withheld;
	size_t i, c;

	for (i = 0; i < t->nodes; i++)
		for (c = 0; c <= t->cols; c++) {
			struct wm_sdc_cell *x = wm_net_table_cell(t, i, c);
			int64_t d;

			if (!den) {
				x->primary = wm_disclose_count(t->rule,
				    x->n).withheld;
				continue;
			}
			d = den->cells[i * (den->cols + 1) + c].n;
			x->primary = !(zero_shown && d == 0) &&
			    wm_disclose_percent(t->rule, x->n, d).withheld;
		}
}

/* A table of den's shape, marked by its shares of den. */
static int
shares_of(struct wm_net_table *t, const struct wm_net_table *den)
{
	wm_net_table_add_up(t);
	if (den->nodes != t->nodes || den->cols != t->cols) {
		wm_net_table_release(t);
		return -1;
	}
	mark(t, den);
	return 0;
}

/* --- training ---------------------------------------------------------- */

static int
staff_table(const struct wm_net_view *v, enum wm_disclosure_rule rule,
    struct wm_net_table *t)
{
	size_t i;

	if (wm_net_table_prepare(t, v, 1, rule))
		return -1;
	for (i = 0; i < wm_net_view_all(v); i++)
		wm_net_table_set(t, i, 0, v->services[i].staff);
	keep_services(t);
	return wm_net_table_finish(t, 0);
}

static int
course_table(const struct wm_net_view *v, size_t k,
    const struct wm_net_table *staff, enum wm_disclosure_rule rule,
    struct wm_net_table *t)
{
	size_t i;

	if (wm_net_table_prepare(t, v, 1, rule))
		return -1;
	for (i = 0; i < wm_net_view_all(v); i++) {
		const struct wm_net_service *sv = &v->services[i];

		wm_net_table_set(t, i, 0, sv->coverage ? sv->coverage[k].done :
		    0);
	}
	keep_services(t);
	if (shares_of(t, staff))
		return -1;
	return wm_net_table_finish(t, 1);
}

/* --- the cycles ---------------------------------------------------------- */

size_t
wm_net_cycle_parts(const struct wm_net_view *v,
    struct wm_net_cycle_part parts[WM_NET_CYCLE_PARTS])
{
	/* The months kept end with today's, which is not yet complete. */
	long first = v->today.year * 12L + v->today.month - 1 -
	    WM_NET_CYCLE_MONTHS, m;
	size_t n = 0;

	for (m = first; m < first + WM_NET_CYCLE_MONTHS; m++) {
		struct wm_quarter q = { (int)(m / 12), (int)(m % 12 / 3 + 1) };

		if (n && parts[n - 1].q.year == q.year &&
		    parts[n - 1].q.quarter == q.quarter) {
			parts[n - 1].months++;
			continue;
		}
		if (n == WM_NET_CYCLE_PARTS)
			break;
		parts[n].q = q;
		parts[n].first = (int)(m - first);
		parts[n++].months = 1;
	}
	return n;
}

/* The measure's cycles at a service, or NULL when it runs none. */
static const struct wm_net_cycle *
cycle_of(const struct wm_net_service *sv, const char *title)
{
	size_t k;

	for (k = 0; k < sv->n_cycles; k++)
		if (strcmp(sv->cycles[k].title, title) == 0)
			return &sv->cycles[k];
	return NULL;
}

/* Service i's months of each part. */
static void
cycle_row(struct wm_net_table *t, size_t i, const struct wm_net_cycle *c,
    const struct wm_net_work *w, int done)
{
	size_t p;
	int m;

	for (p = 0; p < w->n_parts; p++) {
		int64_t x = 0;

		for (m = w->parts[p].first; m < w->parts[p].first +
		    w->parts[p].months; m++)
			x += done ? c->m[m].done : c->m[m].due;
		wm_net_table_set(t, i, p, x);
	}
}

/*
 * The cells no one is shown: the months of a quarter cut off at either
 * end, and every part above a service (a trend is a service's own). A
 * service that does not run the measure shows that it does not: its
 * cells are 0 and known to be, so none is withheld.
 */
static void
cycle_marks(struct wm_net_table *t, const struct wm_net_view *v,
    const char *title, const struct wm_net_work *w)
{
	size_t i, p;

	for (i = 0; i < t->nodes; i++)
		for (p = 0; p <= t->cols; p++) {
			struct wm_sdc_cell *c = wm_net_table_cell(t, i, p);
			int own = wm_net_table_is_service(t, i);

			if (own && !cycle_of(&v->services[
			    wm_net_table_service_at(t, i)], title)) {
				c->primary = 0;
				c->keep = 1;
				continue;
			}
			if (p < t->cols && (!own || w->parts[p].months < 3))
				c->hidden = 1;
			if (own && p == t->cols)
				c->keep = 1;
		}
}

/* Measure `title`'s table of times due (due NULL) or done in time. */
static int
cycle_table(const struct wm_net_view *v, const char *title,
    const struct wm_net_work *w, const struct wm_net_table *due,
    enum wm_disclosure_rule rule, struct wm_net_table *t)
{
	size_t i;

	if (wm_net_table_prepare(t, v, w->n_parts, rule))
		return -1;
	for (i = 0; i < wm_net_view_all(v); i++) {
		const struct wm_net_cycle *c = cycle_of(&v->services[i],
		    title);

		if (c)
			cycle_row(t, i, c, w, due != NULL);
	}
	if (due && shares_of(t, due))
		return -1;
	if (!due) {
		wm_net_table_add_up(t);
		mark(t, NULL);
	}
	cycle_marks(t, v, title, w);
	return wm_net_table_finish(t, 1);
}

/* Every measure run in cycles anywhere in the network, each once. */
static void
titles(const struct wm_net_view *v, struct wm_net_work *w)
{
	size_t i, k;

	for (i = 0; i < wm_net_view_all(v); i++)
		for (k = 0; k < v->services[i].n_cycles; k++) {
			const char *title = v->services[i].cycles[k].title;

			if (wm_net_work_cycle(w, title) == WM_NET_NO_CYCLE &&
			    w->n_cycles < WM_NET_MAX_CYCLES)
				w->titles[w->n_cycles++] = title;
		}
}

/* --- the bundle ---------------------------------------------------------- */

static int
cycles(const struct wm_net_view *v, enum wm_disclosure_rule rule,
    struct wm_net_work *w)
{
	size_t k, n;

	titles(v, w);
	n = w->n_cycles;
	w->n_cycles = 0;	/* counts the tables built, for release */
	for (k = 0; k < n; k++) {
		if (cycle_table(v, w->titles[k], w, NULL, rule, &w->due[k]))
			return -1;
		if (cycle_table(v, w->titles[k], w, &w->due[k], rule,
		    &w->done[k])) {
			wm_net_table_release(&w->due[k]);
			return -1;
		}
		w->n_cycles++;
	}
	return 0;
}

int
wm_net_work_build(const struct wm_net_view *v, enum wm_disclosure_rule rule,
    struct wm_net_work *w)
{
	size_t k, n = v->courses ? v->courses->n_concepts : 0;

	memset(w, 0, sizeof(*w));
	w->n_parts = wm_net_cycle_parts(v, w->parts);
	if (staff_table(v, rule, &w->staff))
		return -1;
	if (!(w->course = calloc(n + 1, sizeof(*w->course))))
		return -1;
	for (k = 0; k < n; k++) {
		if (course_table(v, k, &w->staff, rule, &w->course[k]))
			return -1;
		w->n_courses++;
	}
	return cycles(v, rule, w);
}

void
wm_net_work_release(struct wm_net_work *w)
{
	size_t k;

	wm_net_table_release(&w->staff);
	for (k = 0; k < w->n_courses; k++)
		wm_net_table_release(&w->course[k]);
	free(w->course);
	for (k = 0; k < w->n_cycles; k++) {
		wm_net_table_release(&w->due[k]);
		wm_net_table_release(&w->done[k]);
	}
	memset(w, 0, sizeof(*w));
}

size_t
wm_net_work_cycle(const struct wm_net_work *w, const char *title)
{
	size_t k;

	for (k = 0; k < w->n_cycles; k++)
		if (strcmp(w->titles[k], title) == 0)
			return k;
	return WM_NET_NO_CYCLE;
}

/* --- as published -------------------------------------------------------- */

static const struct wm_shown withheld = { 1, 0 };

struct wm_shown
wm_net_work_staff(const struct wm_net_work *w, size_t row)
{
	return wm_net_table_count(&w->staff, row, 0);
}

struct wm_shown
wm_net_work_course(const struct wm_net_work *w, size_t k, size_t row)
{
	if (k >= w->n_courses)
		return withheld;
	return wm_net_table_share_of(&w->course[k], &w->staff, row, 0, 0);
}

/* The column of part p, or the figure's. */
static size_t
column(const struct wm_net_table *t, size_t part)
{
	return part == WM_NET_ALL_PARTS ? t->cols : part;
}

struct wm_shown
wm_net_work_due(const struct wm_net_work *w, size_t c, size_t row,
    size_t part)
{
	if (c >= w->n_cycles)
		return withheld;
	return wm_net_table_count(&w->due[c], row, column(&w->due[c], part));
}

struct wm_shown
wm_net_work_done(const struct wm_net_work *w, size_t c, size_t row,
    size_t part)
{
	if (c >= w->n_cycles)
		return withheld;
	return wm_net_table_share_of(&w->done[c], &w->due[c], row,
	    column(&w->done[c], part), column(&w->due[c], part));
}
