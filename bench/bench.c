/*
 * waymark-bench: the measurements behind docs/benchmarks.md. Each one
 * compares Waymark's own path with a baseline measured in the same run on
 * the same machine, because these machines are noisy.
 *
 *   waymark-bench generate --db FILE --people N [--seed S]
 *   waymark-bench raw --from FILE --to FILE
 *   waymark-bench writes --db FILE --threads N --saves N --mode group|direct
 *   waymark-bench completion --db FILE [--service CODE] [--today YYYY-MM-DD]
 *       [--runs N] [--plain-runs N] [--sql bench/plain_completion.sql]
 *   waymark-bench dashboard --db FILE --service CODE [--today YYYY-MM-DD]
 *       [--runs N] [--plain-runs N] [--courses FILE]
 *   waymark-bench network --db FILE [--today YYYY-MM-DD] [--from QUARTER]
 *       [--to QUARTER] [--runs N] [--plain-runs N] [--courses FILE]
 *       (bench/network.c)
 *
 * This program talks to SQLite directly only for the raw baseline.
 */
#include <malloc.h>
#include <pthread.h>
#include <stdarg.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/demo.h"
#include "core/cycle.h"
#include "core/known_instruments.h"
#include "core/response.h"
#include "report/dashboard.h"
#include "util/clock.h"
#include "util/diag.h"
#include "store/store.h"
#include "store/writer.h"

#include "bench.h"

const char *
arg(int argc, char **argv, const char *name, const char *def)
{
	int i;

	for (i = 0; i + 1 < argc; i++)
		if (strcmp(argv[i], name) == 0)
			return argv[i + 1];
	return def;
}

long
num(int argc, char **argv, const char *name, long def)
{
	const char *s = arg(argc, argv, name, NULL);
	char *end;
	long v;

	if (!s)
		return def;
	v = strtol(s, &end, 10);
	if (*end || v < 0) {
		fprintf(stderr, "bench: %s needs a whole number\n", name);
		exit(2);
	}
	return v;
}

/* --- generate: the demo network at scale through the store ---------- */

static int
generate(int argc, char **argv)
{
	struct demo_opts o = { 0 };
	struct demo d = { 0 };
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *s;
	const char *db = arg(argc, argv, "--db", NULL);
	double t0, t1;
	int from, to, rc;

	o.people = num(argc, argv, "--people", 100000);
	o.seed = (uint64_t)num(argc, argv, "--seed", 1);
	o.instruments = arg(argc, argv, "--instruments", "instruments");
	o.batch = 20000;
	if (!db || wm_store_open(db, WM_STORE_CREATE, &s, &err) ||
	    wm_store_migrate(s, &from, &to, &err)) {
		fprintf(stderr, "bench: %s\n", wm_buf_str(&err));
		return 1;
	}
	t0 = wm_clock_seconds();
	rc = demo_build(&d, s, &o);
	t1 = wm_clock_seconds();
	if (rc)
		fprintf(stderr, "bench: %s\n", wm_buf_str(&d.err));
	else
		printf("generate\tpeople=%ld\tresponses=%ld\tanswers=%ld\t"
		    "seconds=%.2f\tstore_seconds=%.2f\tanswers_per_s=%.0f\t"
		    "store_answers_per_s=%.0f\n", o.people, d.responses,
		    d.answers, t1 - t0, d.store_seconds,
		    (double)d.answers / (t1 - t0),
		    (double)d.answers / d.store_seconds);
	demo_release(&d);
	wm_store_close(s);
	wm_buf_release(&err);
	return rc ? 1 : 0;
}

/* --- raw: the same rows, inserted with plain SQLite ------------------ */

struct raw_response {
	sqlite3_int64 cols_i[5];	/* id, instrument, subject, unit, author */
	char text[8][32];	/* kinds, respondent, stakeholder, status, dates */
	int null_author, null_stake, null_akind;
};

struct raw_answer {
	sqlite3_int64 response_id;
	int item, option, has_option;
	char *text;
};

struct raw_score {
	sqlite3_int64 response_id, instrument_id, unit_id, subject_id;
	int scale, answered, has_value;
	double value;
	char quarter[8], respondent[28];
};

static void
copy_col(char *dst, size_t n, sqlite3_stmt *st, int col)
{
	const unsigned char *v = sqlite3_column_text(st, col);

	snprintf(dst, n, "%s", v ? (const char *)v : "");
}

static int
raw(int argc, char **argv)
{
	const char *from = arg(argc, argv, "--from", NULL);
	const char *to = arg(argc, argv, "--to", NULL);
	struct raw_response *resp = NULL;
	struct raw_answer *ans = NULL;
	struct raw_score *sc = NULL;
	size_t nr = 0, na = 0, ns = 0, cr = 0, ca = 0, cs = 0, i, a = 0, k = 0;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *s;
	sqlite3 *src, *dst;
	sqlite3_stmt *q, *ir, *ia, *is;
	double t0, t1;
	int f, t, failed = 0;

	if (!from || !to || sqlite3_open_v2(from, &src, SQLITE_OPEN_READONLY,
	    NULL))
		return 2;
	/* Same schema and settings as Waymark's own database. */
	if (wm_store_open(to, WM_STORE_CREATE, &s, &err) ||
	    wm_store_migrate(s, &f, &t, &err)) {
		fprintf(stderr, "bench: %s\n", wm_buf_str(&err));
		return 1;
	}
	wm_store_close(s);
	/* Load everything first, so the timing is of inserting only. */
	sqlite3_prepare_v2(src, "SELECT id, instrument_id, subject_id, unit_id,"
	    " author_id, subject_kind, author_kind, respondent, stakeholder,"
	    " status, authored, quarter, created FROM response ORDER BY id",
	    -1, &q, NULL);
	while (sqlite3_step(q) == SQLITE_ROW) {
		struct raw_response *r;

		if (nr == cr) {
			cr = cr ? cr * 2 : 1 << 16;
			resp = realloc(resp, cr * sizeof(*resp));
		}
		r = &resp[nr++];
		for (i = 0; i < 5; i++)
			r->cols_i[i] = sqlite3_column_int64(q, (int)i);
		r->null_author = sqlite3_column_type(q, 4) == SQLITE_NULL;
		r->null_akind = sqlite3_column_type(q, 6) == SQLITE_NULL;
		r->null_stake = sqlite3_column_type(q, 8) == SQLITE_NULL;
		for (i = 0; i < 8; i++)
			copy_col(r->text[i], sizeof(r->text[i]), q, (int)i + 5);
	}
	sqlite3_finalize(q);
	sqlite3_prepare_v2(src, "SELECT response_id, item, option, text FROM"
	    " answer ORDER BY response_id, item", -1, &q, NULL);
	while (sqlite3_step(q) == SQLITE_ROW) {
		struct raw_answer *x;

		if (na == ca) {
			ca = ca ? ca * 2 : 1 << 20;
			ans = realloc(ans, ca * sizeof(*ans));
		}
		x = &ans[na++];
		x->response_id = sqlite3_column_int64(q, 0);
		x->item = sqlite3_column_int(q, 1);
		x->has_option = sqlite3_column_type(q, 2) != SQLITE_NULL;
		x->option = sqlite3_column_int(q, 2);
		x->text = sqlite3_column_type(q, 3) == SQLITE_NULL ? NULL :
		    strdup((const char *)sqlite3_column_text(q, 3));
	}
	sqlite3_finalize(q);
	sqlite3_prepare_v2(src, "SELECT response_id, scale, value, answered,"
	    " instrument_id, unit_id, quarter, respondent, subject_id FROM score"
	    " ORDER BY response_id, scale", -1, &q, NULL);
	while (sqlite3_step(q) == SQLITE_ROW) {
		struct raw_score *x;

		if (ns == cs) {
			cs = cs ? cs * 2 : 1 << 18;
			sc = realloc(sc, cs * sizeof(*sc));
		}
		x = &sc[ns++];
		x->response_id = sqlite3_column_int64(q, 0);
		x->scale = sqlite3_column_int(q, 1);
		x->has_value = sqlite3_column_type(q, 2) != SQLITE_NULL;
		x->value = sqlite3_column_double(q, 2);
		x->answered = sqlite3_column_int(q, 3);
		x->instrument_id = sqlite3_column_int64(q, 4);
		x->unit_id = sqlite3_column_int64(q, 5);
		copy_col(x->quarter, sizeof(x->quarter), q, 6);
		copy_col(x->respondent, sizeof(x->respondent), q, 7);
		x->subject_id = sqlite3_column_int64(q, 8);
	}
	sqlite3_finalize(q);
	sqlite3_close(src);

	sqlite3_open(to, &dst);
	/* Waymark's own settings, less its foreign-key checks. */
	sqlite3_exec(dst, "PRAGMA foreign_keys = OFF; PRAGMA journal_mode = WAL;"
	    " PRAGMA synchronous = FULL; PRAGMA cache_size = -65536;", NULL,
	    NULL, NULL);
	sqlite3_prepare_v2(dst, "INSERT INTO response VALUES (?1, ?2, ?3, ?4,"
	    " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", -1, &ir, NULL);
	sqlite3_prepare_v2(dst, "INSERT INTO answer VALUES (?1, ?2, ?3, ?4)",
	    -1, &ia, NULL);
	sqlite3_prepare_v2(dst, "INSERT INTO score VALUES (?1, ?2, ?3, ?4, ?5,"
	    " ?6, ?7, ?8, ?9)", -1, &is, NULL);
	t0 = wm_clock_seconds();
	sqlite3_exec(dst, "BEGIN", NULL, NULL, NULL);
	for (i = 0; i < nr; i++) {
		struct raw_response *r = &resp[i];

		/* Columns in table order: id, instrument_id, subject_kind,
		 * subject_id, unit_id, author_kind, author_id, respondent,
		 * stakeholder, status, authored, quarter, created. */
		sqlite3_bind_int64(ir, 1, r->cols_i[0]);
		sqlite3_bind_int64(ir, 2, r->cols_i[1]);
		sqlite3_bind_text(ir, 3, r->text[0], -1, SQLITE_STATIC);
		sqlite3_bind_int64(ir, 4, r->cols_i[2]);
		sqlite3_bind_int64(ir, 5, r->cols_i[3]);
		if (r->null_akind)
			sqlite3_bind_null(ir, 6);
		else
			sqlite3_bind_text(ir, 6, r->text[1], -1, SQLITE_STATIC);
		if (r->null_author)
			sqlite3_bind_null(ir, 7);
		else
			sqlite3_bind_int64(ir, 7, r->cols_i[4]);
		sqlite3_bind_text(ir, 8, r->text[2], -1, SQLITE_STATIC);
		if (r->null_stake)
			sqlite3_bind_null(ir, 9);
		else
			sqlite3_bind_text(ir, 9, r->text[3], -1, SQLITE_STATIC);
		sqlite3_bind_text(ir, 10, r->text[4], -1, SQLITE_STATIC);
		sqlite3_bind_text(ir, 11, r->text[5], -1, SQLITE_STATIC);
		sqlite3_bind_text(ir, 12, r->text[6], -1, SQLITE_STATIC);
		sqlite3_bind_text(ir, 13, r->text[7], -1, SQLITE_STATIC);
		if (sqlite3_step(ir) != SQLITE_DONE && !failed++)
			fprintf(stderr, "bench: raw insert: %s\n",
			    sqlite3_errmsg(dst));
		sqlite3_reset(ir);
		for (; a < na && ans[a].response_id == r->cols_i[0]; a++) {
			sqlite3_bind_int64(ia, 1, ans[a].response_id);
			sqlite3_bind_int(ia, 2, ans[a].item);
			if (ans[a].has_option)
				sqlite3_bind_int(ia, 3, ans[a].option);
			else
				sqlite3_bind_null(ia, 3);
			if (ans[a].text)
				sqlite3_bind_text(ia, 4, ans[a].text, -1,
				    SQLITE_STATIC);
			else
				sqlite3_bind_null(ia, 4);
			if (sqlite3_step(ia) != SQLITE_DONE && !failed++)
				fprintf(stderr, "bench: raw insert: %s\n",
				    sqlite3_errmsg(dst));
			sqlite3_reset(ia);
		}
		for (; k < ns && sc[k].response_id == r->cols_i[0]; k++) {
			sqlite3_bind_int64(is, 1, sc[k].response_id);
			sqlite3_bind_int(is, 2, sc[k].scale);
			if (sc[k].has_value)
				sqlite3_bind_double(is, 3, sc[k].value);
			else
				sqlite3_bind_null(is, 3);
			sqlite3_bind_int(is, 4, sc[k].answered);
			sqlite3_bind_int64(is, 5, sc[k].instrument_id);
			sqlite3_bind_int64(is, 6, sc[k].unit_id);
			sqlite3_bind_text(is, 7, sc[k].quarter, -1, SQLITE_STATIC);
			sqlite3_bind_text(is, 8, sc[k].respondent, -1,
			    SQLITE_STATIC);
			sqlite3_bind_int64(is, 9, sc[k].subject_id);
			if (sqlite3_step(is) != SQLITE_DONE && !failed++)
				fprintf(stderr, "bench: raw insert: %s\n",
				    sqlite3_errmsg(dst));
			sqlite3_reset(is);
		}
		if ((i + 1) % 20000 == 0)
			sqlite3_exec(dst, "COMMIT; BEGIN", NULL, NULL, NULL);
	}
	sqlite3_exec(dst, "COMMIT", NULL, NULL, NULL);
	t1 = wm_clock_seconds();
	printf("raw\tresponses=%zu\tanswers=%zu\tscores=%zu\tseconds=%.2f\t"
	    "answers_per_s=%.0f\n", nr, na, ns, t1 - t0, (double)na / (t1 - t0));
	sqlite3_finalize(ir);
	sqlite3_finalize(ia);
	sqlite3_finalize(is);
	sqlite3_close(dst);
	for (i = 0; i < na; i++)
		free(ans[i].text);
	free(ans);
	free(resp);
	free(sc);
	wm_buf_release(&err);
	return failed ? 1 : 0;
}

/* --- writes: durable single saves, 1 vs many writers ----------------- */

struct writes {
	const char *db;
	const struct wm_instrument *in;
	int64_t instrument_id, unit_id, people;
	struct wm_writer *w;	/* group mode */
	int direct;
	long saves;
	double *lat;		/* this thread's latencies, seconds */
	int seed;
	int failed;
};

static void *
writer_thread(void *arg)
{
	struct writes *x = arg;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *s = NULL;
	struct demo d = { 0 };
	struct demo_opts o = { .batch = 1 << 30 };
	/* As a form is saved: attributed, audited, replacing a draft. */
	const struct wm_recorder by = { 0, NULL,
	    "response recorded (benchmark)", 1 };
	struct wm_date when;
	long i;

	d.opts = &o;
	wm_rng_seed(&d.rng, (uint64_t)x->seed);
	wm_date_parse("2026-09-01", &when);
	if (x->direct && wm_store_open(x->db, 0, &s, &err)) {
		x->failed = 1;
		return NULL;
	}
	for (i = 0; i < x->saves; i++) {
		struct wm_response *r = wm_response_new(x->in);
		struct wm_response_ids ids = { .instrument_id = x->instrument_id,
		    .subject_id = 1 + (int64_t)wm_rng_below(&d.rng,
		    (uint32_t)x->people), .unit_id = x->unit_id, .author_id = 0 };
		struct wm_diags dg = WM_DIAGS_INIT;
		const struct wm_record job = { r, &ids, &by, NULL, NULL };
		int64_t id;
		double t0;
		int rc;

		r->status = WM_STATUS_COMPLETED;
		r->subject.kind = WM_SUBJECT_PERSON;
		r->subject.id = "bench";
		r->respondent = WM_RESPONDENT_PERSON;
		r->authored = when;
		demo_answer_all(&d, r, 0.5, 0.2, 0.03);
		wm_response_check(r, &when, &dg);
		wm_diags_release(&dg);
		t0 = wm_clock_seconds();
		rc = x->direct ? wm_store_record(s, &job, &id, &err) :
		    wm_writer_record(x->w, &job, &id, &err);
		x->lat[i] = wm_clock_seconds() - t0;
		if (rc)
			x->failed = 1;
		wm_response_free(r);
	}
	wm_store_close(s);
	wm_buf_release(&err);
	return NULL;
}

int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int
writes(int argc, char **argv)
{
	const char *db = arg(argc, argv, "--db", NULL);
	const char *mode = arg(argc, argv, "--mode", "group");
	long threads = num(argc, argv, "--threads", 1);
	long saves = num(argc, argv, "--saves", 200), i, n;
	struct wm_buf err = WM_BUF_INIT, text = WM_BUF_INIT;
	struct wm_diags dg = WM_DIAGS_INIT;
	struct wm_instrument *in = NULL;
	struct wm_unit_row u;
	struct wm_store *s;
	struct writes *x;
	pthread_t *tid;
	double *all, t0, t1;
	int64_t inst;
	int failed = 0;

	if (!db || threads < 1 || threads > 64 ||
	    wm_store_open(db, 0, &s, &err) ||
	    wm_store_instrument_get(s, wm_known_url(WM_KNOWN_RECOVERY_MARKERS),
	    "1.0.1", &inst, &text, &err) || wm_store_unit_find(s, "exbridge-recovery", &u, &err) ||
	    wm_instrument_parse(text.data, text.len, &in, &dg)) {
		fprintf(stderr, "bench: %s\n", wm_buf_str(&err));
		return 1;
	}
	wm_store_close(s);
	x = calloc((size_t)threads, sizeof(*x));
	tid = calloc((size_t)threads, sizeof(*tid));
	all = calloc((size_t)(threads * saves), sizeof(*all));
	if (strcmp(mode, "group") == 0 &&
	    wm_writer_start(db, 64, &x[0].w, &err)) {
		fprintf(stderr, "bench: %s\n", wm_buf_str(&err));
		return 1;
	}
	t0 = wm_clock_seconds();
	for (i = 0; i < threads; i++) {
		x[i] = (struct writes){ db, in, inst, u.id, 1000, x[0].w,
		    strcmp(mode, "direct") == 0, saves, all + i * saves,
		    (int)i + 1, 0 };
		pthread_create(&tid[i], NULL, writer_thread, &x[i]);
	}
	for (i = 0; i < threads; i++) {
		pthread_join(tid[i], NULL);
		failed |= x[i].failed;
	}
	t1 = wm_clock_seconds();
	if (x[0].w) {
		struct wm_writer_stats ws;

		wm_writer_stats(x[0].w, &ws);
		fprintf(stderr, "writer\tbatches=%ld\tsaves_per_batch=%.1f\t"
		    "largest=%ld\tsave_ms_per_batch=%.2f\tcommit_ms=%.2f\t"
		    "max_commit_ms=%.2f\n", ws.batches, (double)ws.saves /
		    (double)ws.batches, ws.largest_batch, ws.save_seconds * 1e3 /
		    (double)ws.batches, ws.commit_seconds * 1e3 /
		    (double)ws.batches, ws.max_commit_seconds * 1e3);
	}
	wm_writer_stop(x[0].w);
	n = threads * saves;
	qsort(all, (size_t)n, sizeof(*all), cmp_double);
	printf("writes\tmode=%s\tthreads=%ld\tsaves=%ld\tmedian_ms=%.2f\t"
	    "p99_ms=%.2f\tmax_ms=%.2f\tsaves_per_s=%.0f\tfailed=%d\n", mode,
	    threads, n, all[n / 2] * 1e3, all[n * 99 / 100] * 1e3,
	    all[n - 1] * 1e3, (double)n / (t1 - t0), failed);
	free(all);
	free(tid);
	free(x);
	wm_instrument_free(in);
	wm_diags_release(&dg);
	wm_buf_release(&text);
	wm_buf_release(&err);
	return failed;
}

/* --- completion: all services' completion rates against plain SQL ---- */

int
rates_add(struct rates *r, int64_t cycle, int year, int month, long due,
    long done)
{
	if (r->n == r->cap) {
		size_t c = r->cap ? r->cap * 2 : 1024;
		struct rate *v = realloc(r->v, c * sizeof(*v));

		if (!v)
			return -1;
		r->v = v;
		r->cap = c;
	}
	r->v[r->n++] = (struct rate){ cycle, year, month, due, done };
	return 0;
}

int
cmp_rate(const void *a, const void *b)
{
	const struct rate *x = a, *y = b;

	if (x->cycle != y->cycle)
		return x->cycle < y->cycle ? -1 : 1;
	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
	return (x->month > y->month) - (x->month < y->month);
}

/* Waymark's months with anything due (the plain query has no rows for
 * the others). */
static int
take_rates(void *ctx, const struct wm_completion_row *row)
{
	struct rates *r = ctx;
	int i;

	for (i = 0; i < WM_COMPLETION_MONTHS; i++) {
		const struct wm_completion_month *m = &row->months->m[i];

		if (m->due && rates_add(r, row->cycle->id, m->year, m->month,
		    m->due, m->done))
			return -1;
	}
	return 0;
}

static int
ours_completion(void *arg)
{
	struct completion_run *c = arg;
	struct wm_buf err = WM_BUF_INIT;
	int rc;

	c->got.n = 0;
	rc = wm_store_completion_each(c->s, c->unit_id, &c->day, take_rates,
	    &c->got, &err);
	if (rc)
		fprintf(stderr, "bench: completion: %s\n", wm_buf_str(&err));
	wm_buf_release(&err);
	return rc;
}

int
plain_completion(void *arg)
{
	struct completion_run *c = arg;
	sqlite3_stmt *st;
	const char *month;
	struct wm_date on;
	char first[16];
	int rc;

	c->got.n = 0;
	if (sqlite3_prepare_v2(c->db, c->sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench: plain completion: %s\n",
		    sqlite3_errmsg(c->db));
		return -1;
	}
	sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":today"),
	    c->today, -1, SQLITE_STATIC);
	if (c->unit_id)
		sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st,
		    ":unit"), c->unit_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		/* The month, YYYY-MM, read as its first day. */
		month = (const char *)sqlite3_column_text(st, 1);
		snprintf(first, sizeof(first), "%s-01", month ? month : "");
		if (wm_date_parse(first, &on) || rates_add(&c->got,
		    sqlite3_column_int64(st, 0), on.year, on.month,
		    sqlite3_column_int(st, 2), sqlite3_column_int(st, 3))) {
			rc = SQLITE_ERROR;
			break;
		}
	}
	if (rc != SQLITE_DONE)
		fprintf(stderr, "bench: plain completion: %s\n",
		    sqlite3_errmsg(c->db));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Runs fn(ctx) `runs` times; the median time in *median_s. For any
 * measurement here: the completion rates, and a page's figures. */
int
time_median(int (*fn)(void *), void *ctx, long runs, double *median_s)
{
	double *t = calloc((size_t)runs, sizeof(*t)), t0;
	long i;

	if (!t)
		return -1;
	for (i = 0; i < runs; i++) {
		t0 = wm_clock_seconds();
		if (fn(ctx)) {
			free(t);
			return -1;
		}
		t[i] = wm_clock_seconds() - t0;
	}
	qsort(t, (size_t)runs, sizeof(*t), cmp_double);
	*median_s = t[runs / 2];
	free(t);
	return 0;
}

/* Times one side; its last run's figures, sorted, in *keep. */
static int
timed(struct completion_run *c, int (*fn)(void *), long runs,
    double *median_s, struct rates *keep)
{
	if (time_median(fn, c, runs, median_s))
		return -1;
	qsort(c->got.v, c->got.n, sizeof(*c->got.v), cmp_rate);
	free(keep->v);
	*keep = c->got;
	c->got = (struct rates){ 0 };
	return 0;
}

/* The figures agree exactly, or the first differences are shown. */
static int
same_rates(const struct rates *a, const struct rates *b)
{
	size_t i, j, shown = 0;

	for (i = j = 0; (i < a->n || j < b->n) && shown < 5; ) {
		const struct rate *x = i < a->n ? &a->v[i] : NULL;
		const struct rate *y = j < b->n ? &b->v[j] : NULL;
		int k = !x ? 1 : !y ? -1 : cmp_rate(x, y);

		if (k == 0 && x->due == y->due && x->done == y->done) {
			i++;
			j++;
			continue;
		}
		shown++;
		if (k <= 0)
			fprintf(stderr, "bench: cycle %lld %04d-%02d: Waymark "
			    "%ld due, %ld done; ", (long long)x->cycle,
			    x->year, x->month, x->due, x->done);
		else
			fprintf(stderr, "bench: cycle %lld %04d-%02d: Waymark "
			    "nothing; ", (long long)y->cycle, y->year,
			    y->month);
		if (k >= 0)
			fprintf(stderr, "plain SQL %ld due, %ld done\n",
			    y->due, y->done);
		else
			fprintf(stderr, "plain SQL nothing\n");
		i += k <= 0;
		j += k >= 0;
	}
	return shown == 0;
}

char *
read_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s = NULL;
	long n;

	if (f && fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (s = malloc((size_t)n + 1)) &&
	    fread(s, 1, (size_t)n, f) == (size_t)n)
		s[n] = '\0';
	else {
		free(s);
		s = NULL;
	}
	if (f)
		fclose(f);
	return s;
}

static int
completion(int argc, char **argv)
{
	const char *db = arg(argc, argv, "--db", NULL);
	const char *path = arg(argc, argv, "--sql",
	    "bench/plain_completion.sql");
	const char *service = arg(argc, argv, "--service", NULL);
	long runs = num(argc, argv, "--runs", 9);
	long plain_runs = num(argc, argv, "--plain-runs", 3);
	struct completion_run c = { 0 };
	struct rates ours = { 0 }, plain = { 0 };
	struct wm_buf err = WM_BUF_INIT;
	double t_ours = 0, t_plain = 0;
	long due = 0, done = 0;
	size_t i;
	int rc = 1;

	/* The demo's clock: its answers run to the end of September 2026. */
	c.today = arg(argc, argv, "--today", "2026-10-01");
	if (!db || runs < 1 || plain_runs < 1 ||
	    wm_date_parse(c.today, &c.day)) {
		fprintf(stderr, "usage: waymark-bench completion --db FILE "
		    "[--service CODE] [--today YYYY-MM-DD] [--runs N] "
		    "[--plain-runs N] [--sql FILE]\n");
		return 2;
	}
	if (!(c.sql = read_text(path))) {
		fprintf(stderr, "bench: cannot read %s\n", path);
		return 1;
	}
	if (wm_store_open(db, WM_STORE_READONLY, &c.s, &err)) {
		fprintf(stderr, "bench: %s\n", wm_buf_str(&err));
		goto out;
	}
	if (service) {
		struct wm_unit_row u;

		if (wm_store_unit_find(c.s, service, &u, &err)) {
			fprintf(stderr, "bench: %s: %s\n", service,
			    wm_buf_str(&err));
			goto out;
		}
		c.unit_id = u.id;
	}
	if (sqlite3_open_v2(db, &c.db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "bench: %s\n", sqlite3_errmsg(c.db));
		goto out;
	}
	sqlite3_exec(c.db, "PRAGMA cache_size = -65536", NULL, NULL, NULL);
	/* Waymark's side once untimed, to have the file in memory; the
	 * plain side's first run does the same for it, and the median of
	 * three leaves it out. */
	if (ours_completion(&c) ||
	    timed(&c, ours_completion, runs, &t_ours, &ours) ||
	    timed(&c, plain_completion, plain_runs, &t_plain, &plain))
		goto out;
	if (!same_rates(&ours, &plain)) {
		fprintf(stderr, "bench: completion rates DIFFER between "
		    "Waymark and the plain SQL (%zu and %zu months)\n", ours.n,
		    plain.n);
		goto out;
	}
	for (i = 0; i < ours.n; i++) {
		due += ours.v[i].due;
		done += ours.v[i].done;
	}
	printf("completion\tservices=%s\ttoday=%s\tmonths=%zu\tdue=%ld\t"
	    "done=%ld\twaymark_ms=%.1f\tplain_ms=%.1f\truns=%ld\t"
	    "plain_runs=%ld\tratio=%.1f\n", service ? service : "all",
	    c.today, ours.n, due, done, t_ours * 1e3,
	    t_plain * 1e3, runs, plain_runs, t_plain / t_ours);
	rc = 0;
out:
	free(ours.v);
	free(plain.v);
	free(c.got.v);
	free((char *)c.sql);
	sqlite3_close(c.db);
	wm_store_close(c.s);
	wm_buf_release(&err);
	return rc;
}

/* --- dashboard: one service's dashboard against plain SQL ----------- */

int
lines_add(struct lines *l, const char *fmt, ...)
{
	char line[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (l->n == l->cap) {
		size_t c = l->cap ? l->cap * 2 : 64;
		char **v = realloc(l->v, c * sizeof(*v));

		if (!v)
			return -1;
		l->v = v;
		l->cap = c;
	}
	if (!(l->v[l->n] = strdup(line)))
		return -1;
	l->n++;
	return 0;
}

void
lines_clear(struct lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	l->n = 0;
}

int
cmp_line(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct dashboard_run {
	struct completion_run c;	/* the store, the plain connection,
					 * plain_completion.sql, the day */
	const char *sql;		/* plain_dashboard.sql */
	const struct wm_catalogue *courses;
	struct wm_dashboard d;
	struct lines got;
};

static const char *const kind_code[WM_CHANGE_KINDS] = { "person",
    "person-with-practitioner" };

/* A profile view's figures: per column, its responses and subjects, and
 * per question of the latest version its answers, scored answers,
 * agreeing answers and their total. */
static int
profile_lines(struct lines *l, const char *name, const struct wm_profile *p)
{
	size_t i;
	int c, fail = 0;

	if (!p->in)
		return 0;
	for (c = 0; c < 2; c++) {
		if (p->responses[c])
			fail |= lines_add(l, "profile\t%s\t%s\t%d\t-\t%lld\t"
			    "%lld", name, p->quarter[0], c,
			    (long long)p->responses[c],
			    (long long)p->subjects[c]);
		for (i = 0; i < p->in->n_items; i++) {
			const struct wm_tally *t = wm_profile_tally(p, i, c);

			if (t->answers)
				fail |= lines_add(l, "profile\t%s\t%s\t%d\t%s"
				    "\t%lld\t%lld\t%lld\t%.2f", name,
				    p->quarter[0], c, p->in->items[i].link_id,
				    (long long)t->answers,
				    (long long)t->scored,
				    (long long)t->agree, t->total);
		}
	}
	return fail;
}

/* Waymark's figures, from the dashboard as built. */
static int
ours_lines(struct dashboard_run *r)
{
	const struct wm_dashboard *d = &r->d;
	size_t i;
	int k, fail = 0;

	lines_clear(&r->got);
	if (d->lights.period[0])
		for (k = 0; k < WM_STANDARDS; k++) {
			const struct wm_standard_view *v = &d->lights.s[k];

			fail |= lines_add(&r->got, "light\t%02d\t%d\t%d\t%d\t%zu"
			    "\t%zu", k + 1, (int)v->self,
			    (int)v->result.consensus, v->result.validated,
			    v->result.validators, v->result.groups);
		}
	for (i = 0; i < d->n_cycles; i++) {
		const struct wm_dashboard_cycle *y = &d->cycles[i];

		if (y->due || y->month.due)
			fail |= lines_add(&r->got, "cycle\t%lld\t%ld\t%ld\t%ld"
			    "\t%ld", (long long)y->id, y->due, y->done,
			    y->month.due, y->month.done);
	}
	for (i = 0; i < d->courses->n_concepts; i++)
		if (d->coverage[i].done)
			fail |= lines_add(&r->got, "course\t%s\t%lld\t%lld",
			    d->coverage[i].course->code,
			    (long long)d->coverage[i].done,
			    (long long)d->coverage[i].staff);
	for (i = 0; i < d->change.n_scales; i++) {
		const struct wm_dashboard_scale *sc = &d->change.scale[i];

		for (k = 0; k < WM_CHANGE_KINDS; k++) {
			const struct wm_change_tally *t = &sc->change[k];
			int64_t one, none;

			if (!t->people && !sc->one[k])
				continue;
			wm_dashboard_left_out(&d->change, sc, k, &one, &none);
			fail |= lines_add(&r->got, "change\t%s\t%s\t%lld\t%lld"
			    "\t%lld\t%lld\t%lld\t%lld\t%.2f", sc->code,
			    kind_code[k], (long long)t->people,
			    (long long)t->improved, (long long)t->same,
			    (long long)t->worse, (long long)one,
			    (long long)none, t->people ? t->total /
			    (double)t->people : 0.0);
		}
	}
	fail |= profile_lines(&r->got, "erfs", &d->erfs);
	fail |= profile_lines(&r->got, "tips", &d->tips);
	return fail ? -1 : 0;
}

static int
ours_dashboard(void *arg)
{
	struct dashboard_run *r = arg;
	struct wm_buf err = WM_BUF_INIT;
	int rc;

	wm_dashboard_release(&r->d);
	rc = wm_dashboard_build(r->c.s, r->c.unit_id, &r->c.day, r->courses,
	    &r->d, &err);
	if (rc)
		fprintf(stderr, "bench: dashboard: %s\n", wm_buf_str(&err));
	wm_buf_release(&err);
	return rc;
}

const char *
col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : "";
}

/* The plain side: plain_completion.sql for the service, summed as the
 * dashboard sums it (the 12 complete months, and the last of them), and
 * plain_dashboard.sql. */
static int
plain_dashboard(void *arg)
{
	struct dashboard_run *r = arg;
	sqlite3_stmt *st;
	int this_y = r->c.day.year, this_m = r->c.day.month, last_y, last_m;
	size_t i, j;
	int rc, fail = 0;

	if (plain_completion(&r->c))
		return -1;
	lines_clear(&r->got);
	last_y = this_m == 1 ? this_y - 1 : this_y;
	last_m = this_m == 1 ? 12 : this_m - 1;
	qsort(r->c.got.v, r->c.got.n, sizeof(*r->c.got.v), cmp_rate);
	for (i = 0; i < r->c.got.n; i = j) {
		long due = 0, done = 0, ldue = 0, ldone = 0;

		for (j = i; j < r->c.got.n &&
		    r->c.got.v[j].cycle == r->c.got.v[i].cycle; j++) {
			const struct rate *x = &r->c.got.v[j];

			if (x->year == this_y && x->month == this_m)
				continue;
			due += x->due;
			done += x->done;
			if (x->year == last_y && x->month == last_m) {
				ldue = x->due;
				ldone = x->done;
			}
		}
		if (due || ldue)
			fail |= lines_add(&r->got, "cycle\t%lld\t%ld\t%ld\t%ld"
			    "\t%ld", (long long)r->c.got.v[i].cycle, due, done,
			    ldue, ldone);
	}
	if (sqlite3_prepare_v2(r->c.db, r->sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench: plain dashboard: %s\n",
		    sqlite3_errmsg(r->c.db));
		return -1;
	}
	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":unit"),
	    r->c.unit_id);
	sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":today"),
	    r->c.today, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, sqlite3_bind_parameter_index(st,
	    ":min_validators"), r->d.rule.min_validators);
	sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":min_groups"),
	    r->d.rule.min_groups);
	while (!fail && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *kind = col(st, 0);

		if (strcmp(kind, "light") == 0)
			fail |= lines_add(&r->got, "light\t%02d\t%s\t%s\t%s\t%s"
			    "\t%s", sqlite3_column_int(st, 1), col(st, 2),
			    col(st, 3), col(st, 4), col(st, 5), col(st, 6));
		else if (strcmp(kind, "course") == 0) {
			/* Codes outside the catalogue are not shown. */
			if (wm_catalogue_find(r->courses, col(st, 1)))
				fail |= lines_add(&r->got, "course\t%s\t%s\t%s",
				    col(st, 1), col(st, 2), col(st, 3));
		} else if (strcmp(kind, "profile") == 0) {
			if (strcmp(col(st, 4), "-") == 0)
				fail |= lines_add(&r->got, "profile\t%s\t%s\t"
				    "%s\t-\t%s\t%s", col(st, 1), col(st, 2),
				    col(st, 3), col(st, 5), col(st, 6));
			else
				fail |= lines_add(&r->got, "profile\t%s\t%s\t"
				    "%s\t%s\t%s\t%s\t%s\t%s", col(st, 1),
				    col(st, 2), col(st, 3), col(st, 4),
				    col(st, 5), col(st, 6), col(st, 7),
				    col(st, 8));
		} else
			fail |= lines_add(&r->got, "change\t%s\t%s\t%s\t%s\t%s"
			    "\t%s\t%s\t%s\t%s", col(st, 1), col(st, 2),
			    col(st, 3), col(st, 4), col(st, 5), col(st, 6),
			    col(st, 7), col(st, 8), col(st, 9));
	}
	if (!fail && rc != SQLITE_DONE) {
		fprintf(stderr, "bench: plain dashboard: %s\n",
		    sqlite3_errmsg(r->c.db));
		fail = 1;
	}
	sqlite3_finalize(st);
	return fail ? -1 : 0;
}

/* Both sides' lines agree, or the differences are shown. */
int
same_lines(const struct lines *a, const struct lines *b)
{
	size_t i = 0, j = 0, shown = 0;
	int k;

	while ((i < a->n || j < b->n) && shown < 10) {
		k = i == a->n ? 1 : j == b->n ? -1 : strcmp(a->v[i], b->v[j]);
		if (k == 0) {
			i++;
			j++;
			continue;
		}
		shown++;
		if (k < 0)
			fprintf(stderr, "bench: Waymark only:   %s\n", a->v[i++]);
		else
			fprintf(stderr, "bench: plain SQL only: %s\n", b->v[j++]);
	}
	return shown == 0;
}

/* --- where the dashboard's time goes: its parts, each timed alone ---- */

int
skip_rating(void *ctx, const struct wm_assessment_rating_row *row)
{
	(void)ctx;
	(void)row;
	return 0;
}

int
skip_cycle(void *ctx, const struct wm_completion_row *row)
{
	(void)ctx;
	(void)row;
	return 0;
}

static int
skip_score(void *ctx, const struct wm_caseload_score_row *row)
{
	(void)ctx;
	(void)row;
	return 0;
}

struct part_timer {
	int (*fn)(void *, int);
	void *ctx;
	int part;
};

static int
run_one_part(void *arg)
{
	struct part_timer *t = arg;

	return t->fn(t->ctx, t->part);
}

int
time_parts(const char *head, const char *const *names, int n,
    int (*fn)(void *ctx, int part), void *ctx, long runs)
{
	struct part_timer t = { fn, ctx, 0 };
	double median;

	printf("%s", head);
	for (t.part = 0; t.part < n; t.part++) {
		if (time_median(run_one_part, &t, runs, &median))
			return -1;
		printf("\t%s_ms=%.1f", names[t.part], median * 1e3);
	}
	printf("\n");
	return 0;
}

enum part { PART_LIGHTS, PART_COMPLETION, PART_COVERAGE, PART_CHANGE,
	PART_PROFILES, PARTS };

static const char *const part_name[PARTS] = { "lights", "completion",
    "coverage", "change", "profiles" };

/* One part of wm_dashboard_build, as it reads the store (the profiles
 * for the quarters the dashboard chose). */
static int
run_part(void *arg, int part)
{
	struct dashboard_run *r = arg;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_coverage *cov = NULL;
	struct wm_profile erfs = WM_PROFILE_INIT, tips = WM_PROFILE_INIT;
	int64_t staff;
	int rc = -1;

	switch (part) {
	case PART_LIGHTS:
		rc = wm_store_assessment_ratings(r->c.s, r->c.unit_id, 0,
		    skip_rating, NULL, &err);
		break;
	case PART_COMPLETION:
		rc = wm_store_completion_each(r->c.s, r->c.unit_id, &r->c.day,
		    skip_cycle, NULL, &err);
		break;
	case PART_COVERAGE:
		if ((cov = calloc(r->courses->n_concepts + 1, sizeof(*cov))))
			rc = wm_dashboard_coverage(r->c.s, r->c.unit_id,
			    r->courses, cov, &staff, &err);
		free(cov);
		break;
	case PART_CHANGE:
		rc = wm_store_caseload_scores(r->c.s, r->c.unit_id,
		    wm_known_url(WM_KNOWN_RECOVERY_MARKERS), skip_score, NULL,
		    &err);
		break;
	case PART_PROFILES:
		rc = wm_profile_load(r->c.s, WM_PROFILE_ERFS, r->c.unit_id,
		    &r->d.erfs.period, &erfs, &err) ||
		    wm_profile_load(r->c.s, WM_PROFILE_TIPS, r->c.unit_id,
		    &r->d.tips.period, &tips, &err);
		wm_profile_release(&erfs);
		wm_profile_release(&tips);
		break;
	}
	if (rc)
		fprintf(stderr, "bench: dashboard's %s: %s\n",
		    part_name[part], wm_buf_str(&err));
	wm_buf_release(&err);
	return rc;
}

struct wm_catalogue *
load_courses(const char *path)
{
	struct wm_catalogue *c = NULL;
	struct wm_diags diags;
	char *text = read_text(path);

	wm_diags_init(&diags);
	if (!text || wm_catalogue_parse(text, strlen(text), &c, &diags))
		c = NULL;
	wm_diags_release(&diags);
	free(text);
	return c;
}

static int
dashboard(int argc, char **argv)
{
	const char *db = arg(argc, argv, "--db", NULL);
	const char *service = arg(argc, argv, "--service", NULL);
	const char *cpath = arg(argc, argv, "--courses",
	    "instruments/training-courses.json");
	long runs = num(argc, argv, "--runs", 9);
	long plain_runs = num(argc, argv, "--plain-runs", 3);
	struct dashboard_run r;
	struct lines ours = { 0 };
	struct wm_catalogue *courses = NULL;
	struct wm_unit_row u;
	char head[64];
	struct wm_buf err = WM_BUF_INIT;
	double t_ours = 0, t_plain = 0;
	size_t i;
	int rc = 1;

	memset(&r, 0, sizeof(r));
	wm_dashboard_init(&r.d);
	r.c.today = arg(argc, argv, "--today", "2026-10-01");
	if (!db || !service || runs < 1 || plain_runs < 1 ||
	    wm_date_parse(r.c.today, &r.c.day)) {
		fprintf(stderr, "usage: waymark-bench dashboard --db FILE "
		    "--service CODE [--today YYYY-MM-DD] [--runs N] "
		    "[--plain-runs N]\n");
		return 2;
	}
	if (!(r.c.sql = read_text("bench/plain_completion.sql")) ||
	    !(r.sql = read_text("bench/plain_dashboard.sql"))) {
		fprintf(stderr, "bench: cannot read bench/plain_*.sql (run "
		    "from the repository's root)\n");
		goto out;
	}
	if (!(courses = load_courses(cpath))) {
		fprintf(stderr, "bench: cannot read the courses in %s\n",
		    cpath);
		goto out;
	}
	r.courses = courses;
	if (wm_store_open(db, WM_STORE_READONLY, &r.c.s, &err) ||
	    wm_store_unit_find(r.c.s, service, &u, &err)) {
		fprintf(stderr, "bench: %s: %s\n", service, wm_buf_str(&err));
		goto out;
	}
	r.c.unit_id = u.id;
	if (sqlite3_open_v2(db, &r.c.db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "bench: %s\n", sqlite3_errmsg(r.c.db));
		goto out;
	}
	sqlite3_exec(r.c.db, "PRAGMA cache_size = -65536", NULL, NULL, NULL);
	/* Waymark's side once untimed (the file into memory), then timed;
	 * its figures kept; then the plain side's. */
	if (ours_dashboard(&r) ||
	    time_median(ours_dashboard, &r, runs, &t_ours) ||
	    ours_lines(&r))
		goto out;
	ours = r.got;
	memset(&r.got, 0, sizeof(r.got));
	if (time_median(plain_dashboard, &r, plain_runs, &t_plain))
		goto out;
	qsort(ours.v, ours.n, sizeof(*ours.v), cmp_line);
	qsort(r.got.v, r.got.n, sizeof(*r.got.v), cmp_line);
	if (!same_lines(&ours, &r.got)) {
		fprintf(stderr, "bench: dashboard figures DIFFER between "
		    "Waymark and the plain SQL (%zu and %zu lines)\n", ours.n,
		    r.got.n);
		goto out;
	}
	if (getenv("BENCH_SHOW"))
		for (i = 0; i < ours.n; i++)
			fprintf(stderr, "%s\n", ours.v[i]);
	printf("dashboard\tservice=%s\ttoday=%s\tfigures=%zu\t"
	    "waymark_ms=%.1f\tplain_ms=%.1f\truns=%ld\tplain_runs=%ld\t"
	    "ratio=%.1f\n", service, r.c.today, ours.n, t_ours * 1e3,
	    t_plain * 1e3, runs, plain_runs, t_plain / t_ours);
	fflush(stdout);
	/* Where the dashboard's time goes: its parts, in the order
	 * wm_dashboard_build reads them, each timed alone. */
	snprintf(head, sizeof(head), "dashboard-parts\tservice_id=%lld",
	    (long long)r.c.unit_id);
	if (time_parts(head, part_name, PARTS, run_part, &r, runs))
		goto out;
	rc = 0;
out:
	lines_clear(&ours);
	free(ours.v);
	lines_clear(&r.got);
	free(r.got.v);
	free(r.c.got.v);
	wm_dashboard_release(&r.d);
	wm_catalogue_free(courses);
	free((char *)r.c.sql);
	free((char *)r.sql);
	sqlite3_close(r.c.db);
	wm_store_close(r.c.s);
	wm_buf_release(&err);
	return rc;
}

int
main(int argc, char **argv)
{
	/* Keep freed memory in the process: without this, glibc returns and
	 * re-maps memory constantly in the raw baseline (it holds every row in
	 * memory), and the kernel's page-fault work dominates what should be
	 * a measurement of SQLite. */
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	mallopt(M_TRIM_THRESHOLD, 512 << 20);
	if (argc >= 2 && strcmp(argv[1], "generate") == 0)
		return generate(argc - 2, argv + 2);
	if (argc >= 2 && strcmp(argv[1], "raw") == 0)
		return raw(argc - 2, argv + 2);
	if (argc >= 2 && strcmp(argv[1], "writes") == 0)
		return writes(argc - 2, argv + 2);
	if (argc >= 2 && strcmp(argv[1], "completion") == 0)
		return completion(argc - 2, argv + 2);
	if (argc >= 2 && strcmp(argv[1], "dashboard") == 0)
		return dashboard(argc - 2, argv + 2);
	if (argc >= 2 && strcmp(argv[1], "network") == 0)
		return network(argc - 2, argv + 2);
	fprintf(stderr, "usage: waymark-bench generate|raw|writes|completion|"
	    "dashboard|network ...\n");
	return 2;
}
