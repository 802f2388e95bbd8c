/*
 * PostgreSQL's connection: opening the database a postgresql:// URI
 * names (its password only ever from libpq's password or service file),
 * preparing the catalogue's statements on it, running them, and what it
 * says of its errors and transactions. The logic run over it is the
 * same as SQLite's, in the sql_*.c files.
 */
#include "store/pg_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The oldest server Waymark runs on: identity columns, ON CONFLICT, and
 * the SQL/JSON-free SQL of the catalogue are all older than this. */
#define OLDEST_SERVER 130000

int
wm_pg_names(const char *db)
{
	return strncmp(db, "postgresql://", 13) == 0 ||
	    strncmp(db, "postgres://", 11) == 0;
}

const char *
wm_pg_shown(const struct wm_store *s)
{
	return s->pg->shown;
}

void
wm_pg_note_failure(struct wm_pg *pg, const PGresult *res)
{
	const char *m = res ? PQresultErrorField(res,
	    PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *code = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) :
	    NULL;
	size_t n;

	if (!m)
		m = PQerrorMessage(pg->conn);
	/* libpq's own messages end in a newline, and may run on. */
	n = strcspn(m, "\n");
	wm_buf_clear(&pg->err);
	wm_buf_add(&pg->err, m, n);
	snprintf(pg->state, sizeof(pg->state), "%s", code ? code : "");
}

int
wm_pg_fail(struct wm_store *s, const char *doing, struct wm_buf *err)
{
	struct wm_pg *pg = s->pg;

	wm_buf_clear(err);
	wm_buf_printf(err, "%s: %s", doing,
	    pg->err.len ? pg->err.data : "the database did not say why");
	/* unique_violation */
	return strcmp(pg->state, "23505") == 0 ? WM_STORE_EXISTS :
	    WM_STORE_ERROR;
}

int
wm_pg_ask(struct wm_store *s, const char *sql, int64_t *out,
    struct wm_buf *err)
{
	PGresult *res = PQexecParams(s->pg->conn, sql, 0, NULL, NULL, NULL,
	    NULL, 0);
	int rc = 0;

	if (PQresultStatus(res) != PGRES_TUPLES_OK &&
	    PQresultStatus(res) != PGRES_COMMAND_OK) {
		wm_pg_note_failure(s->pg, res);
		rc = wm_pg_fail(s, "asking the database", err);
	} else if (out) {
		*out = PQntuples(res) > 0 && !PQgetisnull(res, 0, 0) ?
		    strtoll(PQgetvalue(res, 0, 0), NULL, 10) : 0;
	}
	PQclear(res);
	return rc;
}

/* After the connection was lost and made again, the server holds none
 * of the statements prepared before. */
void
wm_pg_forget_prepared(struct wm_store *s)
{
	size_t i;

	for (i = 0; i < ST__COUNT; i++)
		if (s->q[i].pg)
			s->q[i].pg->prepared = 0;
}

static void
lost(struct wm_store *s)
{
	if (PQstatus(s->pg->conn) != CONNECTION_BAD)
		return;
	PQreset(s->pg->conn);
	if (PQstatus(s->pg->conn) == CONNECTION_OK)
		PQsetClientEncoding(s->pg->conn, "UTF8");
	wm_pg_forget_prepared(s);
}

/* Statements whose refusal (a name taken, a rule's trigger) a caller
 * may go on past inside its transaction, as SQLite lets it: on
 * PostgreSQL a failed statement ends the whole transaction unless it
 * ran under a savepoint of its own. The rest (the answers, scores and
 * audit entries of every save) run without one, since a failure there
 * ends the save anyway. */
static int
guarded(int id)
{
	switch (id) {
	case ST_UNIT_ADD: case ST_PERSON_ADD: case ST_CASELOAD_ADD:
	case ST_ACCOUNT_ADD: case ST_GRANT_ADD: case ST_TRAINING_ADD:
	case ST_CYCLE_ADD: case ST_INSTRUMENT_ADD: case ST_GOAL_ADD:
	case ST_SETUP_CODE_ADD: case ST_ASSESSMENT_VERSION_ADD:
	case ST_INVITATION_ADD: case ST_VALIDATION_ADD:
	case ST_STANDARD_QUERY_ADD: case ST_SUPPORTER_ADD:
	case ST_PLAN_ADD: case ST_PLAN_SHARE_ADD: case ST_PLAN_VERSION_ADD:
	case ST_PLAN_SUGGEST_ADD: case ST_UNIT_RENAME: case ST_UNIT_CLOSE:
		return 1;
	default:
		return 0;
	}
}

/* A fixed literal of the connection's own, whose failure is noted as the
 * connection's last (wm_pg_fail) and only said by the caller. */
static int
quietly(struct wm_store *s, const char *sql)
{
	struct wm_buf ignore = WM_BUF_INIT;
	int rc = wm_pg_ask(s, sql, NULL, &ignore);

	wm_buf_release(&ignore);
	return rc;
}

static int run_prepared(struct wm_pgq *q);

int
wm_pg_run(struct wm_pgq *q)
{
	struct wm_store *s = q->s;
	int rc;

	if (!guarded(q->id) || wm_pg_idle(s))
		return run_prepared(q);
	if (quietly(s, "SAVEPOINT wm_statement"))
		return -1;
	rc = run_prepared(q);
	if (rc == 0)
		return quietly(s, "RELEASE SAVEPOINT wm_statement");
	/* The failure's message is the statement's, kept across these. */
	{
		struct wm_buf keep = WM_BUF_INIT;
		char state[6];

		wm_buf_puts(&keep, wm_buf_str(&s->pg->err));
		memcpy(state, s->pg->state, sizeof(state));
		quietly(s, "ROLLBACK TO SAVEPOINT wm_statement");
		quietly(s, "RELEASE SAVEPOINT wm_statement");
		wm_buf_clear(&s->pg->err);
		wm_buf_puts(&s->pg->err, wm_buf_str(&keep));
		memcpy(s->pg->state, state, sizeof(state));
		wm_buf_release(&keep);
	}
	return -1;
}

static int
run_prepared(struct wm_pgq *q)
{
	struct wm_store *s = q->s;
	struct wm_pg *pg = s->pg;
	char name[16];
	PGresult *res;
	ExecStatusType st;

	snprintf(name, sizeof(name), "w%d", q->id);
	res = PQexecPrepared(pg->conn, name, q->nparams, q->val, NULL, NULL,
	    0);
	pg->runs++;
	st = PQresultStatus(res);
	if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
		wm_pg_note_failure(pg, res);
		PQclear(res);
		lost(s);
		return -1;
	}
	q->res = res;
	q->nrows = PQntuples(res);
	q->row = -1;
	pg->changes = strtoll(PQcmdTuples(res), NULL, 10);
	if (strncmp(PQcmdStatus(res), "INSERT", 6) == 0 && q->nrows > 0 &&
	    PQnfields(res) > 0 && !PQgetisnull(res, 0, 0))
		pg->last_id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	if (q->id == ST_BEGIN || q->id == ST_SAVEPOINT)
		return quietly(s, WM_PG_WRITE_LOCK) ? -1 : 0;
	return 0;
}

int
wm_pg_prepare(struct wm_store *s, enum stmt id, struct wm_buf *err)
{
	struct wm_pgq *q = s->q[id].pg;
	char name[16];
	PGresult *res;
	int k;

	if (!q) {
		if (!(q = calloc(1, sizeof(*q))))
			return wm_store_out_of_memory(err);
		q->s = s;
		q->id = (int)id;
		q->row = -1;
		s->q[id].pg = q;
	}
	if (!q->prepared) {
		if (!wm_pg_sql[id]) {
			wm_buf_clear(err);
			wm_buf_printf(err, "statement %d has no PostgreSQL "
			    "text", (int)id);
			return WM_STORE_ERROR;
		}
		snprintf(name, sizeof(name), "w%d", (int)id);
		res = PQprepare(s->pg->conn, name, wm_pg_sql[id], 0, NULL);
		if (PQresultStatus(res) != PGRES_COMMAND_OK) {
			wm_pg_note_failure(s->pg, res);
			PQclear(res);
			lost(s);
			return wm_pg_fail(s, "preparing a query", err);
		}
		PQclear(res);
		res = PQdescribePrepared(s->pg->conn, name);
		k = PQresultStatus(res) == PGRES_COMMAND_OK ? PQnparams(res) :
		    -1;
		PQclear(res);
		if (k < 0 || k > WM_PG_PARAMS) {
			wm_buf_clear(err);
			wm_buf_printf(err, "statement %d takes more parameters "
			    "than Waymark binds", (int)id);
			return WM_STORE_ERROR;
		}
		q->nparams = k;
		q->prepared = 1;
	}
	wm_pgq_reset(q);
	for (k = 0; k < WM_PG_PARAMS; k++) {
		free(q->own[k]);
		q->own[k] = NULL;
		q->val[k] = NULL;
	}
	return 0;
}

int64_t
wm_pg_last_id(struct wm_store *s)
{
	return s->pg->last_id;
}

int64_t
wm_pg_changes(struct wm_store *s)
{
	return s->pg->changes;
}

int
wm_pg_idle(const struct wm_store *s)
{
	return PQtransactionStatus(s->pg->conn) == PQTRANS_IDLE;
}

/* PostgreSQL does not say whether an open transaction wrote: any open
 * one might have. */
int
wm_pg_writing(struct wm_store *s)
{
	return !wm_pg_idle(s);
}

uint64_t
wm_pg_cost(struct wm_store *s)
{
	uint64_t n = s->pg->runs;

	s->pg->runs = 0;
	return n;
}

/* The URI as messages show it, from its parts: never its password. A
 * URI that holds a password is refused, since a command line is seen by
 * everyone on the machine. */
static int
read_uri(struct wm_pg *pg, const char *uri, struct wm_buf *err)
{
	const char *user = NULL, *host = NULL, *port = NULL, *db = NULL;
	char *why = NULL;
	PQconninfoOption *o, *opts = PQconninfoParse(uri, &why);
	int rc = 0;

	if (!opts) {
		wm_buf_clear(err);
		wm_buf_printf(err, "the database URI cannot be read: %.*s",
		    why ? (int)strcspn(why, "\n") : 13,
		    why ? why : "out of memory");
		PQfreemem(why);
		return WM_STORE_ERROR;
	}
	for (o = opts; o->keyword; o++) {
		if (!o->val || !o->val[0])
			continue;
		if (strcmp(o->keyword, "password") == 0)
			rc = WM_STORE_ERROR;
		else if (strcmp(o->keyword, "user") == 0)
			user = o->val;
		else if (strcmp(o->keyword, "host") == 0)
			host = o->val;
		else if (strcmp(o->keyword, "port") == 0)
			port = o->val;
		else if (strcmp(o->keyword, "dbname") == 0)
			db = o->val;
	}
	snprintf(pg->shown, sizeof(pg->shown), "postgresql://%s%s%s%s%s/%s",
	    user ? user : "", user ? "@" : "", host ? host : "",
	    port ? ":" : "", port ? port : "", db ? db : "");
	PQconninfoFree(opts);
	if (rc) {
		wm_buf_clear(err);
		wm_buf_puts(err, "the database URI holds a password; put it in "
		    "libpq's password file (~/.pgpass, or PGPASSFILE) or a "
		    "service file instead, never on the command line");
	}
	return rc;
}

int
wm_pg_open(struct wm_store *s, const char *uri, unsigned flags,
    int *version, struct wm_buf *err)
{
	struct wm_pg *pg;
	int64_t v = 0, has = 0;
	int rc;

	(void)flags;
	if (!(pg = calloc(1, sizeof(*pg))))
		return wm_store_out_of_memory(err);
	pg->err = (struct wm_buf)WM_BUF_INIT;
	s->pg = pg;
	if ((rc = read_uri(pg, uri, err)))
		return rc;
	pg->conn = PQconnectdb(uri);
	if (!pg->conn || PQstatus(pg->conn) != CONNECTION_OK) {
		const char *m = pg->conn ? PQerrorMessage(pg->conn) :
		    "out of memory";

		wm_buf_clear(err);
		wm_buf_printf(err, "cannot connect to the PostgreSQL database "
		    "'%s': %.*s", pg->shown, (int)strcspn(m, "\n"), m);
		return WM_STORE_ERROR;
	}
	if (PQserverVersion(pg->conn) < OLDEST_SERVER) {
		wm_buf_clear(err);
		wm_buf_printf(err, "'%s' is PostgreSQL %d; Waymark needs %d "
		    "or newer", pg->shown, PQserverVersion(pg->conn) / 10000,
		    OLDEST_SERVER / 10000);
		return WM_STORE_ERROR;
	}
	if (PQsetClientEncoding(pg->conn, "UTF8")) {
		wm_pg_note_failure(pg, NULL);
		return wm_pg_fail(s, "choosing UTF-8", err);
	}
	if (s->readonly && (rc = wm_pg_ask(s,
	    "SET default_transaction_read_only = on", NULL, err)))
		return rc;
	rc = wm_pg_version(s, &v, &has, err);
	*version = (int)v;
	return rc;
}

int
wm_pg_version(struct wm_store *s, int64_t *v, int64_t *has,
    struct wm_buf *err)
{
	int rc = wm_pg_ask(s, "SELECT (to_regclass('waymark_schema') IS NOT "
	    "NULL)::int", has, err);

	*v = 0;
	return rc == 0 && *has ? wm_pg_ask(s, "SELECT version FROM "
	    "waymark_schema", v, err) : rc;
}

int
wm_pg_has_tables(struct wm_store *s)
{
	struct wm_buf ignore = WM_BUF_INIT;
	int64_t n = 1;

	/* Unanswered counts as holding some: nothing is then changed. */
	if (wm_pg_ask(s, "SELECT count(*) FROM pg_catalog.pg_class c JOIN "
	    "pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE "
	    "n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', "
	    "'m', 'S', 'f')", &n, &ignore))
		n = 1;
	wm_buf_release(&ignore);
	return n > 0;
}

void
wm_pg_close(struct wm_store *s)
{
	size_t i;
	int k;

	for (i = 0; i < ST__COUNT; i++) {
		struct wm_pgq *q = s->q[i].pg;

		if (!q)
			continue;
		wm_pgq_reset(q);
		for (k = 0; k < WM_PG_PARAMS; k++)
			free(q->own[k]);
		free(q);
	}
	if (s->pg->conn)
		PQfinish(s->pg->conn);
	wm_buf_release(&s->pg->err);
	free(s->pg);
	s->pg = NULL;
}
