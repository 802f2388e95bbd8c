/*
 * waymark-bench network: the network overview, every figure of /network,
 * through Waymark's path against the same figures from plain SQL over the
 * raw tables, in the same process on the same file.
 *
 *   waymark-bench network --db FILE [--today YYYY-MM-DD] [--from QUARTER]
 *       [--to QUARTER] [--runs N] [--plain-runs N] [--courses FILE]
 *
 * Waymark's path is what a commissioner's /network asks of the library
 * on a warm connection, as a server thread has one: wm_net_view_build
 * for every service, then the disclosed tables every publication takes
 * its counts from (the recovery markers' outcome and once-only tables,
 * the paired-outcome rate's and the goals'), under the default rule.
 * Timed here rather than as `waymark report network`, whose process
 * start, instrument parsing and other sections (every outcome measure,
 * the quarter-by-quarter means) would be part of the time.
 *
 * The plain side is bench/plain_network.sql with
 * bench/plain_completion.sql for the cycles, on their own read-only
 * connection. The run fails unless both give the same figures.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/known_instruments.h"
#include "report/dashboard.h"
#include "report/network_table.h"
#include "report/network_view.h"
#include "report/network_work.h"
#include "util/clock.h"

#include "bench.h"

struct net_run {
	struct completion_run c;	/* the store, the plain connection,
					 * plain_completion.sql, the day */
	const char *sql;		/* plain_network.sql */
	const struct wm_catalogue *courses;
	struct wm_quarter from, to;
	struct wm_validation_rule rule;
	struct wm_net_view v;
	struct wm_net_measure_tables mt;
	struct wm_net_table paired, goals;
	struct wm_net_work work;	/* cycles and training */
	int tables;			/* paired and goals built */
	struct lines got;
};

static void
ours_release(struct net_run *r)
{
	wm_net_measure_tables_release(&r->mt);
	if (r->tables) {
		wm_net_table_release(&r->paired);
		wm_net_table_release(&r->goals);
		r->tables = 0;
	}
	wm_net_work_release(&r->work);
	wm_net_view_release(&r->v);
}

/* The view and its tables, as /network builds them. */
static int
ours_network(void *arg)
{
	struct net_run *r = arg;
	struct wm_buf err = WM_BUF_INIT;
	int rc;

	ours_release(r);
	rc = wm_net_view_build(r->c.s, NULL, 0, &r->c.day, &r->from, &r->to,
	    r->courses, &r->v, &err);
	if (rc)
		fprintf(stderr, "bench: network view: %s\n", wm_buf_str(&err));
	else if ((r->v.recovery.in && wm_net_measure_tables_build(&r->v,
	    &r->v.recovery, WM_DISCLOSURE_DEFAULT, &r->mt)) ||
	    wm_net_paired_table(&r->v, WM_DISCLOSURE_DEFAULT, &r->paired))
		rc = -1;
	else if (wm_net_goals_table(&r->v, WM_DISCLOSURE_DEFAULT, &r->goals)) {
		wm_net_table_release(&r->paired);
		rc = -1;
	} else {
		r->tables = 1;
		if (wm_net_work_build(&r->v, WM_DISCLOSURE_DEFAULT, &r->work))
			rc = -1;
	}
	if (rc && !err.len)
		fprintf(stderr, "bench: network tables: out of memory\n");
	wm_buf_release(&err);
	return rc;
}

static const char *
who(const struct wm_net_view *v, size_t i)
{
	return i < v->n_services ? v->services[i].code : "network";
}

static int
service_lines(struct lines *l, const struct wm_net_service *sv,
    const struct wm_catalogue *courses)
{
	const struct wm_standards *m = &sv->lights;
	size_t i;
	int k, fail = 0;

	fail |= lines_add(l, "standards\t%s\t%s\t%d\t%d\t%d", sv->code,
	    m->period[0] ? m->period : "-", sv->greens, sv->has_before,
	    sv->has_before ? sv->greens_before : 0);
	for (k = 0; m->period[0] && k < WM_STANDARDS; k++)
		fail |= lines_add(l, "light\t%s\t%02d\t%d\t%d\t%d\t%zu\t%zu",
		    sv->code, k + 1, (int)m->s[k].self,
		    (int)m->s[k].result.consensus, m->s[k].result.validated,
		    m->s[k].result.validators, m->s[k].result.groups);
	for (i = 0; i < sv->n_cycles; i++)
		if (sv->cycles[i].due)
			fail |= lines_add(l, "cycle\t%s\t%s\t%ld\t%ld",
			    sv->code, sv->cycles[i].title, sv->cycles[i].due,
			    sv->cycles[i].done);
	fail |= lines_add(l, "staff\t%s\t%lld", sv->code,
	    (long long)sv->staff);
	for (i = 0; courses && i < courses->n_concepts; i++)
		if (sv->coverage[i].done)
			fail |= lines_add(l, "course\t%s\t%s\t%lld", sv->code,
			    sv->coverage[i].course->code,
			    (long long)sv->coverage[i].done);
	return fail;
}

/* Every service's people's change, added up: the network's. */
static const struct wm_outcome_tally *
network_tally(const struct wm_net_view *v, const struct wm_net_outcomes *o,
    size_t k, int kind, struct wm_outcome_tally *all)
{
	size_t i;

	memset(all, 0, sizeof(*all));
	for (i = 0; i < v->n_services; i++) {
		const struct wm_moments *m = &wm_net_outcome_at(o, i, k,
		    kind)->t.change;

		all->change.n += m->n;
		all->change.sum += m->sum;
		all->change.sumsq += m->sumsq;
	}
	return all;
}

/* The recovery markers' thresholds, and each service's and the
 * network's people from the disclosed tables (their true counts) with
 * the mean change from the view. */
static int
recovery_lines(struct lines *l, const struct wm_net_view *v,
    const struct wm_net_measure_tables *mt)
{
	const struct wm_net_outcomes *o = &v->recovery;
	size_t k, i;
	int kind, fail = 0;

	for (k = 0; o->in && k < o->n_scales; k++)
		for (kind = 0; kind < WM_NET_KINDS; kind++) {
			const struct wm_net_threshold *t =
			    wm_net_threshold_of(o, k, kind);
			const struct wm_net_table *tt =
			    &mt->outcome[k * WM_NET_KINDS + (size_t)kind];
			const struct wm_net_table *once =
			    &mt->once[k * WM_NET_KINDS + (size_t)kind];
			const char *sc = o->in->scales[k].code;
			const char *resp = wm_net_kind_respondent(kind);

			if (t->has)
				fail |= lines_add(l, "threshold\t%s\t%s\t%.6f\t"
				    "%.6f\t%.6f\t%lld", sc, resp, t->value,
				    t->rel.r, t->rel.sd,
				    (long long)t->rel.n_scores);
			else
				fail |= lines_add(l, "threshold\t%s\t%s\tnone",
				    sc, resp);
			for (i = 0; i <= v->n_services; i++) {
				struct wm_outcome_tally all;
				const struct wm_outcome_tally *c = i <
				    v->n_services ? &wm_net_outcome_at(o, i, k,
				    kind)->t : network_tally(v, o, k, kind, &all);
				/* Without a threshold no one is judged:
				 * the people paired, and no outcome. */
				int judged = wm_net_outcome_judged(tt);
				int64_t paired = wm_net_table_true(tt, i,
				    tt->cols);
				int64_t one = wm_net_table_true(once, i,
				    WM_NET_ONCE);

				if (paired || one)
					fail |= lines_add(l, "outcome\t%s\t%s\t"
					    "%s\t%lld\t%lld\t%lld\t%lld\t%lld",
					    who(v, i), sc, resp,
					    (long long)paired,
					    (long long)(judged ?
					    wm_net_table_true(tt, i,
					    WM_NET_IMPROVED) : 0),
					    (long long)(judged ?
					    wm_net_table_true(tt, i,
					    WM_NET_NO_CHANGE) : 0),
					    (long long)(judged ?
					    wm_net_table_true(tt, i,
					    WM_NET_DETERIORATED) : 0),
					    (long long)one);
				if (c->change.n)
					fail |= lines_add(l, "change\t%s\t%s\t"
					    "%s\t%lld\t%.4f", who(v, i), sc,
					    resp, (long long)c->change.n,
					    wm_moments_mean(&c->change));
			}
		}
	return fail;
}

static int
people_lines(struct lines *l, const struct wm_net_view *v,
    const struct wm_net_table *paired, const struct wm_net_table *goals)
{
	size_t i;
	int fail = 0;

	for (i = 0; i <= v->n_services; i++) {
		int64_t eligible = wm_net_table_true(paired, i,
		    WM_NET_PAIRED_COLS);
		int64_t with = wm_net_table_true(goals, i, WM_NET_GOAL_COLS);
		int64_t higher = wm_net_table_true(goals, i, WM_NET_HIGHER);

		if (eligible)
			fail |= lines_add(l, "paired\t%s\t%lld\t%lld",
			    who(v, i), (long long)eligible,
			    (long long)wm_net_table_true(paired, i,
			    WM_NET_PAIRED));
		if (with)
			fail |= lines_add(l, "goals\t%s\t%lld\t%lld\t%lld",
			    who(v, i), (long long)with, (long long)(higher +
			    wm_net_table_true(goals, i, WM_NET_NOT_HIGHER)),
			    (long long)higher);
	}
	return fail;
}

/* Waymark's figures, from the view and tables as built. */
static int
ours_lines(struct net_run *r)
{
	size_t i;
	int fail = 0;

	lines_clear(&r->got);
	for (i = 0; i < r->v.n_services; i++)
		fail |= service_lines(&r->got, &r->v.services[i], r->courses);
	fail |= recovery_lines(&r->got, &r->v, &r->mt);
	fail |= people_lines(&r->got, &r->v, &r->paired, &r->goals);
	return fail ? -1 : 0;
}

/* --- the plain side ------------------------------------------------- */

/* A cycle's service and measure, as the plain query names them. */
struct cycle_of {
	int64_t id;
	char service[64], title[256];
};

struct plain {
	struct net_run *r;
	struct cycle_of *cy;
	size_t n_cy;
	int fail;
};

static void
bind(sqlite3_stmt *st, const char *name, const char *text)
{
	sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, name), text,
	    -1, SQLITE_TRANSIENT);
}

static void
bind_int(sqlite3_stmt *st, const char *name, int v)
{
	sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, name), v);
}

/* One row of plain_network.sql: its columns up to the first NULL. */
static void
plain_row(struct plain *p, sqlite3_stmt *st)
{
	char line[512];
	size_t at = 0;
	int i, n = sqlite3_column_count(st);

	if (strcmp(col(st, 0), "cycle-of") == 0) {
		struct cycle_of *c = realloc(p->cy, (p->n_cy + 1) *
		    sizeof(*c));

		if (!c) {
			p->fail = 1;
			return;
		}
		p->cy = c;
		c = &p->cy[p->n_cy++];
		c->id = sqlite3_column_int64(st, 1);
		snprintf(c->service, sizeof(c->service), "%s", col(st, 2));
		snprintf(c->title, sizeof(c->title), "%s", col(st, 3));
		return;
	}
	if (strcmp(col(st, 0), "course") == 0 &&
	    !wm_catalogue_find(p->r->courses, col(st, 2)))
		return;		/* codes outside the catalogue are not shown */
	line[0] = '\0';
	for (i = 0; i < n && sqlite3_column_type(st, i) != SQLITE_NULL; i++)
		at += (size_t)snprintf(line + at, at < sizeof(line) ?
		    sizeof(line) - at : 0, "%s%s", i ? "\t" : "", col(st, i));
	if (at >= sizeof(line) || lines_add(&p->r->got, "%s", line))
		p->fail = 1;
}

/* A cycle's months, summed over the last complete months the store
 * keeps (whatever the window), onto its service's line for its measure
 * (cycles of one measure together). */
struct cycle_sum {
	char service[64], title[256];
	long due, done;
};

static int
plain_cycles(struct plain *p)
{
	struct net_run *r = p->r;
	long today = r->c.day.year * 12L + r->c.day.month - 1;
	long first = today - WM_NET_CYCLE_MONTHS;
	long last = today - 1;		/* today's month is not complete */
	struct cycle_sum *sum = calloc(p->n_cy + 1, sizeof(*sum));
	size_t n = 0, i, j, k;
	int fail = 0;

	if (!sum)
		return -1;
	for (i = 0; i < r->c.got.n; i++) {
		const struct rate *x = &r->c.got.v[i];
		long at = x->year * 12L + x->month - 1;
		const struct cycle_of *c = NULL;

		for (j = 0; j < p->n_cy && !c; j++)
			if (p->cy[j].id == x->cycle)
				c = &p->cy[j];
		if (!c || at < first || at > last)
			continue;	/* another unit's, or outside */
		for (k = 0; k < n; k++)
			if (strcmp(sum[k].service, c->service) == 0 &&
			    strcmp(sum[k].title, c->title) == 0)
				break;
		if (k == n) {
			memcpy(sum[n].service, c->service, sizeof(c->service));
			memcpy(sum[n].title, c->title, sizeof(c->title));
			n++;
		}
		sum[k].due += x->due;
		sum[k].done += x->done;
	}
	for (k = 0; k < n; k++)
		if (sum[k].due)
			fail |= lines_add(&r->got, "cycle\t%s\t%s\t%ld\t%ld",
			    sum[k].service, sum[k].title, sum[k].due,
			    sum[k].done);
	free(sum);
	return fail;
}

static int
plain_network(void *arg)
{
	struct net_run *r = arg;
	struct plain p = { r, NULL, 0, 0 };
	char from[8], to[8];
	sqlite3_stmt *st;
	int rc;

	if (plain_completion(&r->c))
		return -1;
	lines_clear(&r->got);
	if (sqlite3_prepare_v2(r->c.db, r->sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench: plain network: %s\n",
		    sqlite3_errmsg(r->c.db));
		return -1;
	}
	wm_quarter_format(&r->from, from);
	wm_quarter_format(&r->to, to);
	bind(st, ":today", r->c.today);
	bind(st, ":from", from);
	bind(st, ":to", to);
	bind(st, ":measure", wm_known_url(WM_KNOWN_RECOVERY_MARKERS));
	bind_int(st, ":days", WM_NET_PAIRED_DAYS);
	bind_int(st, ":min_validators", r->rule.min_validators);
	bind_int(st, ":min_groups", r->rule.min_groups);
	while (!p.fail && (rc = sqlite3_step(st)) == SQLITE_ROW)
		plain_row(&p, st);
	if (!p.fail && rc != SQLITE_DONE) {
		fprintf(stderr, "bench: plain network: %s\n",
		    sqlite3_errmsg(r->c.db));
		p.fail = 1;
	}
	sqlite3_finalize(st);
	if (!p.fail && plain_cycles(&p))
		p.fail = 1;
	free(p.cy);
	return p.fail ? -1 : 0;
}

/* --- where the time goes: the view's parts, each timed alone -------- */

static int
skip_outcome(void *ctx, const struct wm_outcome_row *row)
{
	(void)ctx;
	(void)row;
	return 0;
}

static int
skip_paired(void *ctx, const struct wm_paired_rate_row *row)
{
	(void)ctx;
	(void)row;
	return 0;
}

static int
skip_goal(void *ctx, const struct wm_goal_rate_row *row)
{
	(void)ctx;
	(void)row;
	return 0;
}

enum part { PART_LIGHTS, PART_COVERAGE, PART_COMPLETION, PART_OUTCOMES,
	PART_PAIRED, PART_GOALS, PART_TABLES, PARTS };

static const char *const part_name[PARTS] = { "lights", "coverage",
    "completion", "outcomes", "paired", "goals", "tables" };

/* The store's reads for every service, as the view makes them; the
 * tables from the view last built. */
static int
run_part(void *arg, int part)
{
	struct net_run *r = arg;
	const struct wm_net_view *v = &r->v;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_net_measure_tables mt;
	struct wm_net_table a, b;
	struct wm_net_work w;
	struct wm_coverage *cov;
	char today[11];
	int64_t staff;
	size_t i;
	int rc = 0;

	wm_date_format(&r->c.day, today);
	switch (part) {
	case PART_LIGHTS:
		for (i = 0; rc == 0 && i < v->n_services; i++)
			rc = wm_store_assessment_ratings(r->c.s,
			    v->services[i].id, 0, skip_rating, NULL, &err);
		break;
	case PART_COVERAGE:
		if (!(cov = calloc(r->courses->n_concepts + 1, sizeof(*cov))))
			return -1;
		for (i = 0; rc == 0 && i < v->n_services; i++)
			rc = wm_dashboard_coverage(r->c.s, v->services[i].id,
			    r->courses, cov, &staff, &err);
		free(cov);
		break;
	case PART_COMPLETION:
		rc = wm_store_completion_each(r->c.s, 0, &r->c.day,
		    skip_cycle, NULL, &err);
		break;
	case PART_OUTCOMES:
		rc = wm_store_network_outcomes(r->c.s, v->recovery.measure,
		    v->from_s, v->to_s, skip_outcome, NULL, &err);
		break;
	case PART_PAIRED:
		rc = wm_store_network_paired_rate(r->c.s,
		    wm_known_url(WM_KNOWN_RECOVERY_MARKERS), today,
		    WM_NET_PAIRED_DAYS, skip_paired, NULL, &err);
		break;
	case PART_GOALS:
		rc = wm_store_network_goals(r->c.s, skip_goal, NULL, &err);
		break;
	case PART_TABLES:
		if (wm_net_measure_tables_build(v, &v->recovery,
		    WM_DISCLOSURE_DEFAULT, &mt))
			rc = -1;
		wm_net_measure_tables_release(&mt);
		if (rc == 0 && (rc = wm_net_paired_table(v,
		    WM_DISCLOSURE_DEFAULT, &a)) == 0) {
			wm_net_table_release(&a);
			if ((rc = wm_net_goals_table(v, WM_DISCLOSURE_DEFAULT,
			    &b)) == 0)
				wm_net_table_release(&b);
		}
		if (rc == 0) {
			rc = wm_net_work_build(v, WM_DISCLOSURE_DEFAULT, &w);
			wm_net_work_release(&w);
		}
		break;
	}
	if (rc)
		fprintf(stderr, "bench: the view's %s: %s\n",
		    part_name[part], wm_buf_str(&err));
	wm_buf_release(&err);
	return rc;
}

/* --- the measurement ------------------------------------------------ */

static int
setup(struct net_run *r, int argc, char **argv, struct wm_catalogue **courses)
{
	const char *db = arg(argc, argv, "--db", NULL);
	const char *why;
	struct wm_buf err = WM_BUF_INIT;
	int rc = -1;

	r->c.today = arg(argc, argv, "--today", "2026-10-01");
	if (!db || wm_date_parse(r->c.today, &r->c.day) ||
	    (why = wm_net_window(arg(argc, argv, "--from", NULL),
	    arg(argc, argv, "--to", NULL), &r->c.day, &r->from, &r->to))) {
		fprintf(stderr, "usage: waymark-bench network --db FILE "
		    "[--today YYYY-MM-DD] [--from QUARTER] [--to QUARTER] "
		    "[--runs N] [--plain-runs N] [--courses FILE]\n");
		return -1;
	}
	if (!(r->c.sql = read_text("bench/plain_completion.sql")) ||
	    !(r->sql = read_text("bench/plain_network.sql"))) {
		fprintf(stderr, "bench: cannot read bench/plain_*.sql (run "
		    "from the repository's root)\n");
		return -1;
	}
	if (!(*courses = load_courses(arg(argc, argv, "--courses",
	    "instruments/training-courses.json")))) {
		fprintf(stderr, "bench: cannot read the training courses\n");
		return -1;
	}
	r->courses = *courses;
	if (wm_store_open(db, WM_STORE_READONLY, &r->c.s, &err) ||
	    wm_store_validation_rule(r->c.s, &r->rule, &err))
		fprintf(stderr, "bench: %s\n", wm_buf_str(&err));
	else if (sqlite3_open_v2(db, &r->c.db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK)
		fprintf(stderr, "bench: %s\n", sqlite3_errmsg(r->c.db));
	else {
		sqlite3_exec(r->c.db, "PRAGMA cache_size = -65536", NULL, NULL,
		    NULL);
		rc = 0;
	}
	wm_buf_release(&err);
	return rc;
}

int
network(int argc, char **argv)
{
	long runs = num(argc, argv, "--runs", 21);
	long plain_runs = num(argc, argv, "--plain-runs", 3);
	struct wm_catalogue *courses = NULL;
	struct lines ours = { 0 };
	struct net_run r;
	double t_ours = 0, t_plain = 0;
	size_t i;
	int rc = 1;

	memset(&r, 0, sizeof(r));
	wm_net_view_init(&r.v);
	if (runs < 1 || plain_runs < 1 || setup(&r, argc, argv, &courses))
		goto out;
	/* Waymark's side once untimed (the file into memory), then timed;
	 * its figures kept; then the plain side's. */
	if (ours_network(&r) || time_median(ours_network, &r, runs,
	    &t_ours) || ours_lines(&r))
		goto out;
	ours = r.got;
	memset(&r.got, 0, sizeof(r.got));
	if (time_median(plain_network, &r, plain_runs, &t_plain))
		goto out;
	qsort(ours.v, ours.n, sizeof(*ours.v), cmp_line);
	qsort(r.got.v, r.got.n, sizeof(*r.got.v), cmp_line);
	if (getenv("BENCH_SHOW"))
		for (i = 0; i < ours.n; i++)
			fprintf(stderr, "%s\n", ours.v[i]);
	if (!same_lines(&ours, &r.got)) {
		fprintf(stderr, "bench: network figures DIFFER between "
		    "Waymark and the plain SQL (%zu and %zu lines)\n", ours.n,
		    r.got.n);
		goto out;
	}
	printf("network\tservices=%zu\ttoday=%s\twindow=%s..%s\tfigures=%zu\t"
	    "waymark_ms=%.1f\tplain_ms=%.1f\truns=%ld\tplain_runs=%ld\t"
	    "ratio=%.1f\n", r.v.n_services, r.c.today, r.v.from_s, r.v.to_s,
	    ours.n, t_ours * 1e3, t_plain * 1e3, runs, plain_runs,
	    t_plain / t_ours);
	fflush(stdout);
	if (time_parts("network-parts", part_name, PARTS, run_part, &r, runs))
		goto out;
	rc = 0;
out:
	lines_clear(&ours);
	free(ours.v);
	lines_clear(&r.got);
	free(r.got.v);
	free(r.c.got.v);
	ours_release(&r);
	wm_catalogue_free(courses);
	free((char *)r.c.sql);
	free((char *)r.sql);
	sqlite3_close(r.c.db);
	wm_store_close(r.c.s);
	return rc;
}
