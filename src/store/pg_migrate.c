/*
 * Brings a PostgreSQL database to the current schema: the migrations of
 * pg_migrations.c, numbered as SQLite's, forward only, all in one
 * transaction that holds the write lock, so two processes starting at
 * once migrate it once. The only PostgreSQL file that runs SQL text not
 * prepared from the catalogue: the migrations' fixed literals.
 */
#include "store/pg_internal.h"

#include <stdio.h>
#include <stdlib.h>

static int
literal(struct wm_store *s, const char *sql, const char *doing,
    struct wm_buf *err)
{
	PGresult *res = PQexec(s->pg->conn, sql);
	int ok = PQresultStatus(res) == PGRES_COMMAND_OK ||
	    PQresultStatus(res) == PGRES_TUPLES_OK;

	if (!ok)
		wm_pg_note_failure(s->pg, res);
	PQclear(res);
	return ok ? 0 : wm_pg_fail(s, doing, err);
}

static int
set_version(struct wm_store *s, int v, const char *doing, struct wm_buf *err)
{
	char n[16];
	const char *val[1] = { n };
	PGresult *res;
	int ok;

	snprintf(n, sizeof(n), "%d", v);
	res = PQexecParams(s->pg->conn, "UPDATE waymark_schema SET version = "
	    "$1::bigint", 1, NULL, val, NULL, NULL, 0);
	ok = PQresultStatus(res) == PGRES_COMMAND_OK;
	if (!ok)
		wm_pg_note_failure(s->pg, res);
	PQclear(res);
	return ok ? 0 : wm_pg_fail(s, doing, err);
}

/* The version the database is at, under the lock: 0 for a database with
 * no tables at all, -1 (err filled) for one that holds someone else's. */
static int
version_now(struct wm_store *s, int64_t *v, struct wm_buf *err)
{
	int64_t has = 0;
	int rc = wm_pg_version(s, v, &has, err);

	if (rc || has || !wm_pg_has_tables(s))
		return rc;
	wm_buf_clear(err);
	wm_buf_puts(err, "this database holds other tables and is not a "
	    "Waymark database; Waymark will not change it (give Waymark an "
	    "empty database of its own)");
	return WM_STORE_ERROR;
}

int
wm_pg_migrate(struct wm_store *s, int *from, int *to, struct wm_buf *err)
{
	int64_t v = 0;
	int n = wm_pg_n_migrations, rc;

	if (n != wm_store_schema_version()) {
		wm_buf_clear(err);
		wm_buf_printf(err, "this Waymark has %d PostgreSQL migrations "
		    "and %d SQLite ones", n, wm_store_schema_version());
		return WM_STORE_ERROR;
	}
	if ((rc = literal(s, "BEGIN", "starting the migration", err)))
		return rc;
	rc = wm_pg_ask(s, WM_PG_WRITE_LOCK, NULL, err);
	if (rc == 0)
		rc = version_now(s, &v, err);
	if (rc)
		goto out;
	*from = (int)v;
	if (v > n) {
		wm_buf_clear(err);
		wm_buf_printf(err, "the database has schema version %lld, "
		    "newer than this Waymark (%d)", (long long)v, n);
		rc = WM_STORE_TOO_NEW;
		goto out;
	}
	for (; v < n; v++) {
		const char *const *step;
		char doing[64];

		snprintf(doing, sizeof(doing), "applying migration %d",
		    (int)v + 1);
		for (step = wm_pg_migrations[v]; *step && rc == 0; step++)
			rc = literal(s, *step, doing, err);
		/* The C that follows runs the catalogue's statements, which
		 * read the schema as it is now. */
		if (rc == 0)
			rc = wm_sq_migrated(s, (int)v + 1, err);
		if (rc == 0)
			rc = set_version(s, (int)v + 1, doing, err);
		if (rc)
			goto out;
	}
	rc = literal(s, "COMMIT", "saving the migration", err);
	/* Statements prepared while the schema changed under them are made
	 * again from the schema as it now is. */
	if (rc == 0 && (rc = literal(s, "DEALLOCATE ALL", "saving the "
	    "migration", err)) == 0)
		wm_pg_forget_prepared(s);
out:
	if (rc) {
		struct wm_buf ignore = WM_BUF_INIT;

		literal(s, "ROLLBACK", "undoing the migration", &ignore);
		wm_buf_release(&ignore);
	} else {
		*to = (int)v;
		s->schema_ok = 1;
	}
	return rc;
}
