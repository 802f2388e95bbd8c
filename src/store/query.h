/*
 * Private to the store: one prepared statement of the catalogue, bound
 * by number and read by column, whichever database runs it. The store's
 * logic is written against these calls alone, so each backend brings
 * only its connection, its SQL texts and its migrations.
 */
#ifndef WM_STORE_QUERY_H
#define WM_STORE_QUERY_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

struct wm_store;
struct wm_pgq;

/* SQLite's statement, or else PostgreSQL's (pg_query.c). */
struct wm_q {
	sqlite3_stmt *lite;
	struct wm_pgq *pg;
};

/* What wm_q_step says. */
enum { WM_Q_ERROR = -1, WM_Q_ROW = 1, WM_Q_DONE = 0 };

/* PostgreSQL's side of each call below (pg_query.c). Text bound with
 * `copy` 0 must outlive the statement's run. */
int wm_pgq_int64(struct wm_pgq *q, int i, int64_t v);
int wm_pgq_double(struct wm_pgq *q, int i, double v);
int wm_pgq_text(struct wm_pgq *q, int i, const char *v, size_t len,
    int copy);
int wm_pgq_step(struct wm_pgq *q);
void wm_pgq_reset(struct wm_pgq *q);
int64_t wm_pgq_col_int64(struct wm_pgq *q, int i);
double wm_pgq_col_double(struct wm_pgq *q, int i);
const char *wm_pgq_col_text(struct wm_pgq *q, int i);
size_t wm_pgq_col_len(struct wm_pgq *q, int i);
int wm_pgq_col_null(struct wm_pgq *q, int i);

/* Binding: 0 on success, as every caller's check expects. Text is
 * copied unless _static, when it must outlive the statement's run. */
static inline int
wm_q_int64(struct wm_q *q, int i, int64_t v)
{
	return q->lite ? sqlite3_bind_int64(q->lite, i, v) :
	    wm_pgq_int64(q->pg, i, v);
}

static inline int
wm_q_int(struct wm_q *q, int i, int v)
{
	return q->lite ? sqlite3_bind_int(q->lite, i, v) :
	    wm_pgq_int64(q->pg, i, v);
}

static inline int
wm_q_double(struct wm_q *q, int i, double v)
{
	return q->lite ? sqlite3_bind_double(q->lite, i, v) :
	    wm_pgq_double(q->pg, i, v);
}

static inline int
wm_q_null(struct wm_q *q, int i)
{
	return q->lite ? sqlite3_bind_null(q->lite, i) :
	    wm_pgq_text(q->pg, i, NULL, 0, 0);
}

static inline int
wm_q_textn(struct wm_q *q, int i, const char *v, size_t len)
{
	return q->lite ?
	    sqlite3_bind_text(q->lite, i, v, (int)len, SQLITE_TRANSIENT) :
	    wm_pgq_text(q->pg, i, v, len, 1);
}

static inline int
wm_q_text_static(struct wm_q *q, int i, const char *v, size_t len)
{
	return q->lite ?
	    sqlite3_bind_text(q->lite, i, v, (int)len, SQLITE_STATIC) :
	    wm_pgq_text(q->pg, i, v, len, 0);
}

/* The next row: WM_Q_ROW, WM_Q_DONE, or WM_Q_ERROR (the connection's
 * error says why; see wm_sq_fail). */
static inline int
wm_q_step(struct wm_q *q)
{
	int rc;

	if (!q->lite)
		return wm_pgq_step(q->pg);
	rc = sqlite3_step(q->lite);
	return rc == SQLITE_ROW ? WM_Q_ROW : rc == SQLITE_DONE ? WM_Q_DONE :
	    WM_Q_ERROR;
}

/* Back to before the first row, keeping the bindings. */
static inline void
wm_q_reset(struct wm_q *q)
{
	if (q->lite)
		sqlite3_reset(q->lite);
	else
		wm_pgq_reset(q->pg);
}

/* The current row's columns, from 0. Text is NULL for NULL, and lasts
 * until the next step or reset. */
static inline int64_t
wm_q_col_int64(struct wm_q *q, int i)
{
	return q->lite ? sqlite3_column_int64(q->lite, i) :
	    wm_pgq_col_int64(q->pg, i);
}

static inline int
wm_q_col_int(struct wm_q *q, int i)
{
	return q->lite ? sqlite3_column_int(q->lite, i) :
	    (int)wm_pgq_col_int64(q->pg, i);
}

static inline double
wm_q_col_double(struct wm_q *q, int i)
{
	return q->lite ? sqlite3_column_double(q->lite, i) :
	    wm_pgq_col_double(q->pg, i);
}

static inline const char *
wm_q_col_text(struct wm_q *q, int i)
{
	return q->lite ? (const char *)sqlite3_column_text(q->lite, i) :
	    wm_pgq_col_text(q->pg, i);
}

static inline size_t
wm_q_col_len(struct wm_q *q, int i)
{
	return q->lite ? (size_t)sqlite3_column_bytes(q->lite, i) :
	    wm_pgq_col_len(q->pg, i);
}

static inline int
wm_q_col_null(struct wm_q *q, int i)
{
	return q->lite ? sqlite3_column_type(q->lite, i) == SQLITE_NULL :
	    wm_pgq_col_null(q->pg, i);
}

/* Of the connection: the id the last INSERT made, how many rows the last
 * change touched, whether no transaction is open, and whether the open
 * one may have written. */
int64_t wm_q_last_id(struct wm_store *s);
int64_t wm_q_changes(struct wm_store *s);
int wm_q_idle(const struct wm_store *s);
int wm_q_writing(struct wm_store *s);

#endif
