/*
 * The store's connection, whichever database it is: opening the one the
 * --db value names (a PostgreSQL URI, or else a SQLite file), running the
 * catalogue's statements, transactions and the parts of a writer's batch,
 * and the figures kept at write time flushed just before each commit.
 */
#include "store/sql_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int
wm_store_out_of_memory(struct wm_buf *err)
{
	wm_buf_clear(err);
	wm_buf_puts(err, "out of memory");
	return WM_STORE_ERROR;
}

const char *
wm_store_strerror(int rc)
{
	switch (rc) {
	case WM_STORE_OK:
		return "ok";
	case WM_STORE_NOT_FOUND:
		return "not found";
	case WM_STORE_EXISTS:
		return "already exists";
	case WM_STORE_CONFLICT:
		return "conflicts with what is stored";
	case WM_STORE_TOO_NEW:
		return "database is newer than this program";
	default:
		return "database error";
	}
}

int
wm_sq_fail(struct wm_store *s, const char *doing, struct wm_buf *err)
{
	return s->pg ? wm_pg_fail(s, doing, err) : wm_lite_fail(s, doing, err);
}

struct wm_q *
wm_sq_stmt(struct wm_store *s, enum stmt id, struct wm_buf *err)
{
	int rc = s->pg ? wm_pg_prepare(s, id, err) :
	    wm_lite_prepare(s, id, err);

	return rc ? NULL : &s->q[id];
}

int64_t
wm_q_last_id(struct wm_store *s)
{
	return s->pg ? wm_pg_last_id(s) : wm_lite_last_id(s);
}

int64_t
wm_q_changes(struct wm_store *s)
{
	return s->pg ? wm_pg_changes(s) : wm_lite_changes(s);
}

int
wm_q_idle(const struct wm_store *s)
{
	return s->pg ? wm_pg_idle(s) : wm_lite_idle(s);
}

int
wm_q_writing(struct wm_store *s)
{
	return s->pg ? wm_pg_writing(s) : wm_lite_writing(s);
}

int
wm_sq_ready(struct wm_store *s, struct wm_buf *err)
{
	if (s->schema_ok)
		return 0;
	wm_buf_clear(err);
	wm_buf_puts(err, "this database has not been set up for this version "
	    "of Waymark; run 'waymark init --db FILE' first");
	return WM_STORE_ERROR;
}

struct wm_q *
wm_sq_query(struct wm_store *s, enum stmt id, struct wm_buf *err)
{
	return wm_sq_ready(s, err) ? NULL : wm_sq_stmt(s, id, err);
}

int
wm_sq_each(struct wm_store *s, struct wm_q *st,
    int (*row)(struct wm_q *, void *), void *ctx, const char *doing,
    struct wm_buf *err)
{
	int rc, stop = 0;

	while ((rc = wm_q_step(st)) == WM_Q_ROW)
		if ((stop = row(st, ctx)) != 0)
			break;
	wm_q_reset(st);
	if (stop < 0) {
		wm_buf_clear(err);
		wm_buf_printf(err, "%s: the rows could not be used", doing);
		return WM_STORE_ERROR;
	}
	return rc != WM_Q_ERROR ? 0 : wm_sq_fail(s, doing, err);
}

int
wm_sq_text(struct wm_q *st, int i, const char *v)
{
	if (!v)
		return wm_q_null(st, i);
	return wm_q_textn(st, i, v, strlen(v));
}

int
wm_sq_id(struct wm_q *st, int i, int64_t v)
{
	if (v == 0)
		return wm_q_null(st, i);
	return wm_q_int64(st, i, v);
}

const char *
wm_sq_col(struct wm_q *st, int i)
{
	return wm_q_col_text(st, i);
}

int
wm_sq_one_id(struct wm_store *s, struct wm_q *st, int64_t *out,
    const char *doing, struct wm_buf *err)
{
	int rc = wm_q_step(st);

	if (rc == WM_Q_ROW && out)
		*out = wm_q_col_int64(st, 0);
	if (rc == WM_Q_ERROR) {
		rc = wm_sq_fail(s, doing, err);
		wm_q_reset(st);
		return rc;
	}
	wm_q_reset(st);
	return rc == WM_Q_ROW ? 0 : WM_STORE_NOT_FOUND;
}

int
wm_sq_step(struct wm_store *s, struct wm_q *st, const char *doing,
    struct wm_buf *err)
{
	int rc = wm_q_step(st);

	if (rc == WM_Q_ERROR)
		wm_sq_fail(s, doing, err);
	return rc;
}

int
wm_sq_exec(struct wm_store *s, struct wm_q *st, const char *doing,
    struct wm_buf *err)
{
	int rc = wm_q_step(st);

	if (rc == WM_Q_ERROR) {
		rc = wm_sq_fail(s, doing, err);
		wm_q_reset(st);
		return rc;
	}
	wm_q_reset(st);
	return 0;
}

void
wm_sq_today(char out[11])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

void
wm_sq_now(const struct wm_store *s, char out[32])
{
	time_t t = time(NULL);
	struct tm tm;

	if (s->clock[0]) {
		memcpy(out, s->clock, sizeof(s->clock));
		return;
	}
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int
run(struct wm_store *s, enum stmt id, const char *doing, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_stmt(s, id, err);

	return st ? wm_sq_exec(s, st, doing, err) : WM_STORE_ERROR;
}

/* The state kept at write time and not yet written: the running totals,
 * the people's outcomes, and the completion rates of the people marked
 * (those are in the database already, so a rollback forgets them too).
 * Written just before a commit (or a part), forgotten with a rollback. */
static int
kept_flush(struct wm_store *s, struct wm_buf *err)
{
	int rc = wm_sq_rollup_flush(s, err);

	if (rc == 0)
		rc = wm_sq_outcome_flush(s, err);
	if (rc == 0)
		rc = wm_sq_completion_flush(s, err);
	/* With the figures they change, in the same transaction. */
	if (rc == 0 && s->figures_changed &&
	    (rc = wm_sq_figures_bump(s, err)) == 0)
		s->figures_changed = 0;
	return rc;
}

static void
kept_forget(struct wm_store *s)
{
	s->figures_changed = 0;
	wm_sq_rollup_forget(s);
	wm_sq_outcome_forget(s);
	wm_sq_kept_forget(s);
}

int
wm_store_begin(struct wm_store *s, struct wm_buf *err)
{
	s->tx_failed = 0;
	return run(s, ST_BEGIN, "starting a transaction", err);
}

int
wm_store_commit(struct wm_store *s, struct wm_buf *err)
{
	int rc;

	/* Half a transaction is never saved. */
	if (s->tx_failed) {
		wm_store_rollback(s);
		wm_buf_clear(err);
		wm_buf_puts(err, "an earlier step failed, so nothing was saved");
		return WM_STORE_ERROR;
	}
	rc = kept_flush(s, err);
	return rc ? rc : run(s, ST_COMMIT, "saving", err);
}

int
wm_sq_read_begin(struct wm_store *s, int *own, struct wm_buf *err)
{
	*own = wm_q_idle(s);
	return *own ? run(s, ST_BEGIN_READ, "starting to read", err) : 0;
}

void
wm_sq_read_end(struct wm_store *s, int own)
{
	struct wm_buf ignore = WM_BUF_INIT;

	if (own && !wm_q_idle(s))
		run(s, ST_COMMIT, "finishing reading", &ignore);
	wm_buf_release(&ignore);
}

/* The running totals added so far go to the database first, so that
 * undoing the part can forget every total held in memory: only the
 * part's own are lost with it. The notes of the other kept figures (the
 * people's outcomes and completion times) are only marked: undoing the
 * part drops the notes after the mark, and the rest are worked out once
 * for the whole transaction when it commits, so a writer's batch of
 * saves reads the cycles and works each person out once, not once a
 * save. */
int
wm_store_part_begin(struct wm_store *s, struct wm_buf *err)
{
	int rc;

	/* Outside a transaction a SAVEPOINT would start one of its own,
	 * which its RELEASE would commit: a part is only ever part of the
	 * caller's transaction, and of none that was lost. */
	if (wm_q_idle(s) || s->tx_failed) {
		wm_buf_clear(err);
		wm_buf_puts(err, "the transaction this was part of was lost, "
		    "so nothing was saved");
		return WM_STORE_ERROR;
	}
	/* What the parts before added is written first; if that fails
	 * part way, the transaction holds half of it, so none may commit. */
	if ((rc = wm_sq_rollup_flush(s, err))) {
		s->tx_failed = 1;
		return rc;
	}
	s->part.kept_notes = wm_sq_kept_mark(s);
	wm_sq_outcome_mark(s, &s->part.outcome_notes,
	    &s->part.outcome_counts);
	s->part.figures_changed = s->figures_changed;
	return run(s, ST_PART, "starting a part", err);
}

/* Forgets what the part undone added and noted, and only that. */
static void
part_forget(struct wm_store *s)
{
	wm_sq_rollup_forget(s);
	wm_sq_kept_back(s, s->part.kept_notes);
	wm_sq_outcome_back(s, s->part.outcome_notes, s->part.outcome_counts);
	s->figures_changed = s->part.figures_changed;
}

int
wm_store_part_end(struct wm_store *s, int rc, struct wm_buf *err)
{
	struct wm_buf ignore = WM_BUF_INIT;

	if (rc == 0 && !s->tx_failed &&
	    (rc = run(s, ST_PART_KEEP, "saving a part", err)) == 0)
		return 0;
	if (rc == 0) {
		wm_buf_clear(err);
		wm_buf_puts(err, "an earlier step failed, so nothing was saved");
		rc = WM_STORE_ERROR;
	}
	/* A failure can end the whole transaction (a full disk, an I/O
	 * error, a trigger's RAISE(ROLLBACK)): then there is nothing left
	 * to undo to, and the transaction stays failed, so no later part
	 * and no COMMIT can pretend otherwise. */
	if (wm_q_idle(s)) {
		kept_forget(s);
		s->tx_failed = 1;
		wm_buf_release(&ignore);
		return rc;
	}
	part_forget(s);
	if (run(s, ST_PART_UNDO, "undoing a part", &ignore) == 0 &&
	    run(s, ST_PART_KEEP, "undoing a part", &ignore) == 0)
		s->tx_failed = 0;
	else
		s->tx_failed = 1;
	wm_buf_release(&ignore);
	return rc;
}

int
wm_store_in_transaction(const struct wm_store *s)
{
	return !wm_q_idle(s) && !s->tx_failed;
}

int
wm_store_read_begin(struct wm_store *s, struct wm_buf *err)
{
	int rc;

	if (s->reading)
		return 0;
	rc = wm_sq_read_begin(s, &s->reading, err);
	if (rc)
		s->reading = 0;
	return rc;
}

void
wm_store_read_end(struct wm_store *s)
{
	wm_sq_read_end(s, s->reading);
	s->reading = 0;
}

void
wm_store_rollback(struct wm_store *s)
{
	struct wm_buf ignore = WM_BUF_INIT;

	kept_forget(s);
	s->tx_failed = 0;
	if (!wm_q_idle(s))
		run(s, ST_ROLLBACK, "undoing", &ignore);
	wm_buf_release(&ignore);
}

int
wm_sq_tx_begin(struct wm_store *s, int *own, struct wm_buf *err)
{
	*own = wm_q_idle(s);
	return *own ? run(s, ST_SAVEPOINT, "starting a transaction", err) : 0;
}

int
wm_sq_tx_end(struct wm_store *s, int own, int rc, struct wm_buf *err)
{
	struct wm_buf ignore = WM_BUF_INIT;

	if (!own) {
		if (rc)
			s->tx_failed = 1;
		return rc;
	}
	if (rc == 0)
		rc = kept_flush(s, err);
	if (rc == 0 && (rc = run(s, ST_RELEASE, "saving", err)) == 0)
		return 0;
	kept_forget(s);
	run(s, ST_ROLLBACK_TO, "undoing", &ignore);
	run(s, ST_RELEASE, "undoing", &ignore);
	/* Never leave a transaction open that later writes would join. */
	if (!wm_q_idle(s))
		run(s, ST_ROLLBACK, "undoing", &ignore);
	wm_buf_release(&ignore);
	return rc;
}

int
wm_store_set_clock(struct wm_store *s, const char *now)
{
	if (strlen(now) >= sizeof(s->clock))
		return -1;
	memcpy(s->clock, now, strlen(now) + 1);
	return 0;
}


int
wm_store_open(const char *path, unsigned flags, struct wm_store **out,
    struct wm_buf *err)
{
	struct wm_store *s;
	int version = 0, rc;

	*out = NULL;
	s = calloc(1, sizeof(*s));
	if (!s) {
		wm_buf_clear(err);
		wm_buf_puts(err, "out of memory opening the database");
		return WM_STORE_ERROR;
	}
	s->readonly = (flags & WM_STORE_READONLY) != 0;
	rc = wm_pg_names(path) ? wm_pg_open(s, path, flags, &version, err) :
	    wm_lite_open(s, path, flags, &version, err);
	if (rc == 0 && (flags & WM_STORE_NEW) && s->pg && (version > 0 ||
	    wm_pg_has_tables(s))) {
		wm_buf_clear(err);
		wm_buf_printf(err, "%s already holds tables; this only fills "
		    "an empty database (create one with createdb, or choose "
		    "another)", wm_pg_shown(s));
		rc = WM_STORE_EXISTS;
	}
	if (rc) {
		wm_store_close(s);
		return rc;
	}
	if (version > wm_store_schema_version()) {
		wm_buf_clear(err);
		wm_buf_printf(err, "database '%s' has schema version %d, newer "
		    "than this Waymark (%d); use a newer Waymark",
		    s->pg ? wm_pg_shown(s) : path, version,
		    wm_store_schema_version());
		wm_store_close(s);
		return WM_STORE_TOO_NEW;
	}
	s->schema_ok = version == wm_store_schema_version();
	*out = s;
	return 0;
}

int
wm_store_remove_new(const char *path, struct wm_buf *err)
{
	if (wm_pg_names(path)) {
		wm_buf_clear(err);
		wm_buf_puts(err, "the PostgreSQL database holds what was made "
		    "before the failure: drop it and create it again before "
		    "trying once more");
		return 1;
	}
	return wm_lite_remove(path);
}

uint64_t
wm_store_cost(struct wm_store *s)
{
	return s->pg ? wm_pg_cost(s) : wm_lite_cost(s);
}

void
wm_store_close(struct wm_store *s)
{
	if (!s)
		return;
	kept_forget(s);
	wm_sq_parsed_release(s);
	if (s->pg)
		wm_pg_close(s);
	else
		wm_lite_close(s);
	free(s);
}
