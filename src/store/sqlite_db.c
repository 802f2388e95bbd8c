/*
 * SQLite's connection: opening it with the settings that make an
 * acknowledged write durable (WAL, synchronous=FULL), preparing the
 * catalogue's statements, and what the connection says of its errors
 * and transactions. The logic run over it is in the sql_*.c files.
 */
#include "store/sql_internal.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define BUSY_TIMEOUT_MS 10000

int
wm_lite_fail(struct wm_store *s, const char *doing, struct wm_buf *err)
{
	int code = s->db ? sqlite3_extended_errcode(s->db) : SQLITE_ERROR;

	wm_buf_clear(err);
	wm_buf_printf(err, "%s: %s", doing,
	    s->db ? sqlite3_errmsg(s->db) : "no database");
	if (code == SQLITE_CONSTRAINT_UNIQUE ||
	    code == SQLITE_CONSTRAINT_PRIMARYKEY)
		return WM_STORE_EXISTS;
	return WM_STORE_ERROR;
}

int
wm_lite_prepare(struct wm_store *s, enum stmt id, struct wm_buf *err)
{
	struct wm_q *q = &s->q[id];

	if (!q->lite && sqlite3_prepare_v3(s->db, wm_sqlite_sql[id], -1,
	    SQLITE_PREPARE_PERSISTENT, &q->lite, NULL) != SQLITE_OK) {
		q->lite = NULL;
		return wm_lite_fail(s, "preparing a query", err);
	}
	sqlite3_reset(q->lite);
	sqlite3_clear_bindings(q->lite);
	return 0;
}

int64_t
wm_lite_last_id(struct wm_store *s)
{
	return sqlite3_last_insert_rowid(s->db);
}

int64_t
wm_lite_changes(struct wm_store *s)
{
	return sqlite3_changes(s->db);
}

int
wm_lite_idle(const struct wm_store *s)
{
	return sqlite3_get_autocommit(s->db);
}

int
wm_lite_writing(struct wm_store *s)
{
	return sqlite3_txn_state(s->db, "main") == SQLITE_TXN_WRITE;
}

/* Fixed settings for this connection, run before any statement; not user
 * input. (WAL is set apart: it is stored in the file.) */
static const char *const pragmas[] = {
	"PRAGMA foreign_keys = ON",
	"PRAGMA synchronous = FULL",
	"PRAGMA temp_store = MEMORY",
	/* 64 MiB of page cache per connection: the indexes that keep
	 * summaries cheap are written in random order, and SQLite's 2 MiB
	 * default makes each such write a read from disk. */
	"PRAGMA cache_size = -65536",
};

static int
apply_pragmas(struct wm_store *s, struct wm_buf *err)
{
	size_t i;

	for (i = 0; i < sizeof(pragmas) / sizeof(pragmas[0]); i++) {
		sqlite3_stmt *st;
		int rc;

		if (sqlite3_prepare_v2(s->db, pragmas[i], -1, &st, NULL))
			return wm_sq_fail(s, "configuring the database", err);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			;
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return wm_sq_fail(s, "configuring the database", err);
	}
	return 0;
}

int
wm_sq_has_tables(struct wm_store *s)
{
	sqlite3_stmt *st;
	int n = 1;

	if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_master",
	    -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return n > 0;
}

/* Write-ahead logging makes a commit one append and one fsync, and lets
 * readers go on during a write. Only for files that are Waymark's (or
 * empty): the setting is stored in the file. */
static int
use_wal(struct wm_store *s, struct wm_buf *err)
{
	sqlite3_stmt *st;
	int ok = 0;

	if (sqlite3_prepare_v2(s->db, "PRAGMA journal_mode = WAL", -1, &st,
	    NULL) != SQLITE_OK)
		return wm_sq_fail(s, "configuring the database", err);
	if (sqlite3_step(st) == SQLITE_ROW)
		ok = sqlite3_column_text(st, 0) &&
		    strcmp((const char *)sqlite3_column_text(st, 0), "wal") == 0;
	sqlite3_finalize(st);
	if (ok)
		return 0;
	wm_buf_clear(err);
	wm_buf_puts(err, "the database could not be switched to write-ahead "
	    "logging, which Waymark needs to keep saves safe");
	return WM_STORE_ERROR;
}

/* Process-wide settings, made once before SQLite starts. SQLite counts
 * every allocation under one global lock unless told not to; Waymark
 * never reads those counts, and the server's threads, each on its own
 * connection, would otherwise queue for that lock on every page. */
static void
configure(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int
wm_lite_open(struct wm_store *s, const char *path, unsigned flags,
    int *version, struct wm_buf *err)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	struct stat st;
	int oflags, rc;

	pthread_once(&once, configure);
	if ((flags & WM_STORE_NEW) && stat(path, &st) == 0) {
		wm_buf_clear(err);
		wm_buf_printf(err, "%s already exists; this only writes a new "
		    "database (remove it first, or choose another name)", path);
		return WM_STORE_EXISTS;
	}
	oflags = s->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (flags & WM_STORE_CREATE)
		oflags |= SQLITE_OPEN_CREATE;
	oflags |= SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &s->db, oflags, NULL) != SQLITE_OK) {
		wm_buf_clear(err);
		wm_buf_printf(err, "cannot open database '%s': %s%s", path,
		    s->db ? sqlite3_errmsg(s->db) : "out of memory",
		    flags & WM_STORE_CREATE ? "" :
		    " (create it with 'waymark init --db FILE')");
		return WM_STORE_ERROR;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	rc = apply_pragmas(s, err);
	if (rc == 0)
		rc = wm_sq_user_version(s, version, err);
	if (rc == 0 && !s->readonly && (*version > 0 || !wm_sq_has_tables(s)))
		rc = use_wal(s, err);
	return rc;
}

uint64_t
wm_lite_cost(struct wm_store *s)
{
	sqlite3_stmt *st = NULL;
	uint64_t n = 0;

	/* Every statement still prepared on the connection, the catalogue's
	 * and any other, each counter reset as it is read. */
	while ((st = sqlite3_next_stmt(s->db, st)) != NULL)
		n += (uint64_t)sqlite3_stmt_status(st,
		    SQLITE_STMTSTATUS_VM_STEP, 1);
	return n;
}

void
wm_lite_close(struct wm_store *s)
{
	size_t i;

	for (i = 0; i < ST__COUNT; i++)
		sqlite3_finalize(s->q[i].lite);
	sqlite3_close(s->db);
}

int
wm_lite_remove(const char *path)
{
	struct wm_buf side = WM_BUF_INIT;
	int rc = remove(path);

	wm_buf_printf(&side, "%s-wal", path);
	remove(wm_buf_str(&side));
	wm_buf_clear(&side);
	wm_buf_printf(&side, "%s-shm", path);
	remove(wm_buf_str(&side));
	wm_buf_release(&side);
	return rc ? 1 : 0;
}

/* Fixed texts, not user input: SQLite's own checks of the file. */
static int
check_rows(struct wm_store *s, const char *sql,
    int (*found)(void *, const char *), void *ctx, struct wm_buf *err)
{
	sqlite3_stmt *st;
	struct wm_buf row = WM_BUF_INIT;
	int rc, stop = 0;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return wm_lite_fail(s, "checking the database", err);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int i, n = sqlite3_column_count(st);
		const char *one = (const char *)sqlite3_column_text(st, 0);

		/* integrity_check says "ok" alone when all is well. */
		if (n == 1 && one && strcmp(one, "ok") == 0)
			continue;
		wm_buf_clear(&row);
		/* foreign_key_check: table, rowid, parent table, key. */
		if (n == 4)
			wm_buf_printf(&row, "%s: a row (rowid %s) names a %s "
			    "that does not exist", one ? one : "-",
			    sqlite3_column_text(st, 1) ?
			    (const char *)sqlite3_column_text(st, 1) : "none",
			    sqlite3_column_text(st, 2) ?
			    (const char *)sqlite3_column_text(st, 2) : "row");
		for (i = 0; n != 4 && i < n; i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);

			wm_buf_printf(&row, "%s%s", i ? " " : "", v ? v : "-");
		}
		stop = found(ctx, wm_buf_str(&row));
	}
	sqlite3_finalize(st);
	wm_buf_release(&row);
	if (!stop && rc != SQLITE_DONE)
		return wm_lite_fail(s, "checking the database", err);
	return 0;
}

int
wm_lite_check_pages(struct wm_store *s, int (*found)(void *, const char *),
    void *ctx, struct wm_buf *err)
{
	int rc = check_rows(s, "PRAGMA integrity_check", found, ctx, err);

	return rc ? rc : check_rows(s, "PRAGMA foreign_key_check", found, ctx,
	    err);
}
