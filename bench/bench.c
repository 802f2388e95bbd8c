/*
 * waymark-bench: the measurements behind docs/benchmarks.md. Each one
 * compares Waymark's own path with a baseline measured in the same run on
 * the same machine, because these machines are noisy.
 *
 *   waymark-bench generate --db FILE --people N [--seed S]
 *   waymark-bench raw --from FILE --to FILE
 *   waymark-bench writes --db FILE --threads N --saves N --mode group|direct
 *
 * This program talks to SQLite directly only for the raw baseline.
 */
#include <malloc.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/demo.h"
#include "core/response.h"
#include "store/writer.h"

static double
now_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static const char *
arg(int argc, char **argv, const char *name, const char *def)
{
	int i;

	for (i = 0; i + 1 < argc; i++)
		if (strcmp(argv[i], name) == 0)
			return argv[i + 1];
	return def;
}

static long
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
	t0 = now_s();
	rc = demo_build(&d, s, &o);
	t1 = now_s();
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
	t0 = now_s();
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
	t1 = now_s();
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
		struct wm_response_ids ids = { x->instrument_id,
		    1 + (int64_t)wm_rng_below(&d.rng, (uint32_t)x->people),
		    x->unit_id, 0 };
		struct wm_diags dg = WM_DIAGS_INIT;
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
		t0 = now_s();
		rc = x->direct ? wm_store_response_save(s, r, &ids, &id, &err) :
		    wm_writer_save(x->w, r, &ids, &id, &err);
		x->lat[i] = now_s() - t0;
		if (rc)
			x->failed = 1;
		wm_response_free(r);
	}
	wm_store_close(s);
	wm_buf_release(&err);
	return NULL;
}

static int
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
	    wm_store_instrument_get(s, "https://waymark.example/fhir/"
	    "Questionnaire/dreem-recovery-markers", "1.0.0", &inst, &text,
	    &err) || wm_store_unit_find(s, "exbridge-recovery", &u, &err) ||
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
	t0 = now_s();
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
	t1 = now_s();
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
	fprintf(stderr, "usage: waymark-bench generate|raw|writes ...\n");
	return 2;
}
