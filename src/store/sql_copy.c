/*
 * waymark copy: every row of one database into another, on either
 * database, table by table in the order copy_tables.inc gives (made
 * from the schema by tools/gen-copy-sql.py), through the fixed
 * statements of both catalogues, a page of rows at a time so that a
 * network of any size is never held whole.
 */
#include "store/sql_internal.h"

#include <string.h>

struct table {
	const char *name;
	const char *types;	/* i, r or t for each column */
	int keys;		/* the first columns, its primary key */
	const char *columns;
	int written;		/* by triggers, as the others are copied */
	enum stmt first;	/* then next, write, count, clear, seq */
};

static const struct table tables[] = {
#define WM_COPY_TABLE(t, types, keys, columns, written) \
	{ #t, types, keys, columns, written, ST_COPY_FIRST_##t },
#include "store/copy_tables.inc"
#undef WM_COPY_TABLE
};

enum { FIRST, NEXT, WRITE, COUNT, CLEAR, SEQ };

#define MAX_KEYS 8

static enum stmt
statement(const struct table *t, int which)
{
	return (enum stmt)((int)t->first + which);
}

/* The column of t named `name`, or -1. */
static int
column(const struct table *t, const char *name)
{
	const char *at = t->columns;
	size_t len = strlen(name);
	int i;

	for (i = 0; at; i++) {
		if (strncmp(at, name, len) == 0 && (at[len] == ',' ||
		    at[len] == '\0'))
			return i;
		if ((at = strchr(at, ',')))
			at++;
	}
	return -1;
}

/* A page's last key, kept to ask for the next page after it. */
struct key {
	int64_t n[MAX_KEYS];
	struct wm_buf text[MAX_KEYS];
};

/* Binds value `i` of the row `from` is on, of type `type`, as parameter
 * `at` of `to`. */
static int
bind_value(struct wm_q *to, int at, struct wm_q *from, int i, char type)
{
	if (wm_q_col_null(from, i))
		return wm_q_null(to, at);
	if (type == 'i')
		return wm_q_int64(to, at, wm_q_col_int64(from, i));
	if (type == 'r')
		return wm_q_double(to, at, wm_q_col_double(from, i));
	return wm_q_textn(to, at, wm_q_col_text(from, i),
	    wm_q_col_len(from, i));
}

/* Writes the row `rd` is on into the target; the column `closed`
 * (a unit's closing day, or -1) as NULL, set by close_units once the
 * unit's spells and grants are in, since the triggers refuse new ones
 * at a closed unit. */
static int
write_row(struct wm_store *to, const struct table *t, struct wm_q *rd,
    int closed, struct wm_buf *err)
{
	struct wm_q *wr = wm_sq_stmt(to, statement(t, WRITE), err);
	int i, bad = 0;

	if (!wr)
		return WM_STORE_ERROR;
	for (i = 0; t->types[i]; i++)
		bad |= i == closed ? wm_q_null(wr, i + 1) :
		    bind_value(wr, i + 1, rd, i, t->types[i]);
	if (bad) {
		wm_buf_clear(err);
		wm_buf_printf(err, "out of memory copying %s", t->name);
		return WM_STORE_ERROR;
	}
	return wm_sq_exec(to, wr, "copying a row", err);
}

static int
copy_table(struct wm_store *from, struct wm_store *to, const struct table *t,
    struct wm_buf *err)
{
	struct wm_q *rd;
	struct key last;
	int closed = strcmp(t->name, "unit") == 0 ? column(t, "closed") : -1;
	int which = FIRST, got, k, rc = 0;
	int64_t n;

	for (k = 0; k < MAX_KEYS; k++)
		last.text[k] = (struct wm_buf)WM_BUF_INIT;
	do {
		if (!(rd = wm_sq_stmt(from, statement(t, which), err))) {
			rc = WM_STORE_ERROR;
			break;
		}
		for (k = 0; which == NEXT && k < t->keys; k++)
			if (t->types[k] == 't')
				wm_sq_text(rd, k + 1, wm_buf_str(&last.text[k]));
			else
				wm_q_int64(rd, k + 1, last.n[k]);
		n = 0;
		while ((got = wm_sq_step(from, rd, "reading a table to copy",
		    err)) == 1) {
			if ((rc = write_row(to, t, rd, closed, err)))
				break;
			for (k = 0; k < t->keys; k++)
				if (t->types[k] == 't') {
					wm_buf_clear(&last.text[k]);
					wm_buf_puts(&last.text[k],
					    wm_q_col_text(rd, k));
				} else
					last.n[k] = wm_q_col_int64(rd, k);
			n++;
		}
		wm_q_reset(rd);
		if (got < 0 && !rc)
			rc = WM_STORE_ERROR;
		which = NEXT;
		/* A page short of full was the last. */
	} while (!rc && t->keys && n == WM_COPY_PAGE);
	for (k = 0; k < MAX_KEYS; k++)
		wm_buf_release(&last.text[k]);
	if (!rc && err->failed)
		rc = wm_store_out_of_memory(err);
	if (rc && !err->len)
		wm_buf_printf(err, "copying %s failed", t->name);
	return rc;
}

static int
count_of(struct wm_store *s, const struct table *t, int64_t *n,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_stmt(s, statement(t, COUNT), err);

	return st ? wm_sq_one_id(s, st, n, "counting a table's rows", err) :
	    WM_STORE_ERROR;
}

/* The catalogue has a text for `id` on this database. */
static int
has(const struct wm_store *s, enum stmt id)
{
	return (s->pg ? wm_pg_sql[id] : wm_sqlite_sql[id]) != NULL;
}

/* Empties a table of the target that holds rows: those the migrations
 * put there, and those the triggers wrote while the rest were copied.
 * A table with no such text is one the migrations fill with the one
 * row that its copy then sets. */
static int
clear(struct wm_store *to, const struct table *t, struct wm_buf *err)
{
	struct wm_q *st;
	int64_t n = 0;
	int rc;

	if (!has(to, statement(t, CLEAR)))
		return 0;
	if ((rc = count_of(to, t, &n, err)) || n == 0)
		return rc;
	if (!(st = wm_sq_stmt(to, statement(t, CLEAR), err)))
		return WM_STORE_ERROR;
	return wm_sq_exec(to, st, "clearing a table to copy into", err);
}

/* The source's closed units, closed again in the target. */
static int
close_units(struct wm_store *from, struct wm_store *to, struct wm_buf *err)
{
	struct wm_q *rd = wm_sq_stmt(from, ST_COPY_UNITS_CLOSED, err), *st;
	int got, rc = 0;

	if (!rd)
		return WM_STORE_ERROR;
	while ((got = wm_sq_step(from, rd, "reading the closed units",
	    err)) == 1) {
		if (!(st = wm_sq_stmt(to, ST_COPY_UNIT_CLOSED, err))) {
			rc = WM_STORE_ERROR;
			break;
		}
		wm_q_int64(st, 1, wm_q_col_int64(rd, 0));
		wm_sq_text(st, 2, wm_q_col_text(rd, 1));
		if ((rc = wm_sq_exec(to, st, "closing a unit", err)))
			break;
	}
	wm_q_reset(rd);
	return rc ? rc : got < 0 ? WM_STORE_ERROR : 0;
}

/* PostgreSQL's identities go on after the highest id copied. */
static int
identities(struct wm_store *to, struct wm_buf *err)
{
	struct wm_q *st;
	size_t i;
	int rc;

	if (!to->pg)
		return 0;
	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		if (!has(to, statement(&tables[i], SEQ)))
			continue;
		if (!(st = wm_sq_stmt(to, statement(&tables[i], SEQ), err)))
			return WM_STORE_ERROR;
		if ((rc = wm_sq_one_id(to, st, NULL, "setting where ids go "
		    "on", err)))
			return rc;
	}
	return 0;
}

int
wm_store_copy(struct wm_store *from, struct wm_store *to, struct wm_buf *err)
{
	size_t i;
	int rc = 0, closed = 0;

	if (wm_sq_ready(from, err) || wm_sq_ready(to, err))
		return WM_STORE_ERROR;
	if (wm_q_idle(to)) {
		wm_buf_clear(err);
		wm_buf_puts(err, "copying runs inside a transaction on the "
		    "target");
		return WM_STORE_ERROR;
	}
	/* The units are closed before the tables the triggers write, so
	 * that what closing writes there is cleared and copied over. */
	for (i = 0; !rc && i < sizeof(tables) / sizeof(tables[0]); i++) {
		if (tables[i].written && !closed++)
			rc = close_units(from, to, err);
		if (!rc)
			rc = clear(to, &tables[i], err);
		if (!rc)
			rc = copy_table(from, to, &tables[i], err);
	}
	if (!rc && !closed)
		rc = close_units(from, to, err);
	if (!rc)
		rc = identities(to, err);
	if (rc)
		to->tx_failed = 1;
	return rc;
}

int
wm_store_table_counts(struct wm_store *s,
    int (*cb)(void *, const char *, int64_t), void *ctx, struct wm_buf *err)
{
	size_t i;
	int64_t n;
	int rc;

	if (wm_sq_ready(s, err))
		return WM_STORE_ERROR;
	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		if ((rc = count_of(s, &tables[i], &n, err)))
			return rc;
		if ((rc = cb(ctx, tables[i].name, n)) > 0)
			return 0;
		if (rc < 0) {
			wm_buf_clear(err);
			wm_buf_puts(err, "the tables' counts could not be used");
			return WM_STORE_ERROR;
		}
	}
	return 0;
}
