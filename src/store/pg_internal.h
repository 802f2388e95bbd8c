/*
 * Private to the PostgreSQL backend: its connection, its statements (the
 * same catalogue as SQLite's, in PostgreSQL's SQL, pg_sql.c) and its
 * migrations (pg_migrations.c, numbered as SQLite's).
 */
#ifndef WM_STORE_PG_INTERNAL_H
#define WM_STORE_PG_INTERNAL_H

#include <libpq-fe.h>
#include <stdint.h>

#include "store/sql_internal.h"
#include "util/buf.h"

/* Every write of every Waymark process on the database takes this lock
 * first, as SQLite's one writer does: the totals kept at write time are
 * read, worked out and written back by one transaction at a time, so
 * they stay exact, and no two saves can deadlock. Reads never take it. */
#define WM_PG_WRITE_LOCK "SELECT pg_advisory_xact_lock(1466130689)"

/* More parameters than any statement of the catalogue takes. */
#define WM_PG_PARAMS 32

struct wm_pg {
	PGconn *conn;
	char shown[256];	/* the URI as messages show it: no secrets */
	struct wm_buf err;	/* the last failure's message */
	char state[6];		/* and its SQLSTATE */
	int64_t last_id;	/* the id the last INSERT returned */
	int64_t changes;	/* rows the last statement touched */
	uint64_t runs;		/* statements run since last asked */
};

struct wm_pgq {
	struct wm_store *s;
	int id;			/* its statement, and its name ("w<id>") */
	int prepared;
	int nparams;		/* as the server counted them */
	const char *val[WM_PG_PARAMS];	/* text, or NULL for NULL */
	char *own[WM_PG_PARAMS];	/* copies of text bound */
	char num[WM_PG_PARAMS][32];	/* numbers bound, as text */
	PGresult *res;		/* the rows, once run */
	int row, nrows;
	int failed;		/* the run failed; err says why */
};

extern const char *const *const wm_pg_migrations[];
extern const int wm_pg_n_migrations;

/* Notes a failure of the connection or of `res` (which may be NULL) as
 * the connection's last error. */
void wm_pg_note_failure(struct wm_pg *pg, const PGresult *res);

/* Runs the statement a wm_pgq holds, bound as it is: its rows in q->res,
 * or -1 with the failure noted. */
int wm_pg_run(struct wm_pgq *q);

/* The schema version recorded (0 when *has, the version table's being
 * there, is 0). */
int wm_pg_version(struct wm_store *s, int64_t *v, int64_t *has,
    struct wm_buf *err);

/* After the connection was made again, or the schema changed: the
 * server holds none of the statements prepared before. */
void wm_pg_forget_prepared(struct wm_store *s);

/* A fixed literal with no parameters, for the connection's own
 * questions: its one number in *out (0 when NULL). */
int wm_pg_ask(struct wm_store *s, const char *sql, int64_t *out,
    struct wm_buf *err);

#endif
