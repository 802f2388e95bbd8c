/*
 * A statement of the catalogue run on PostgreSQL: its parameters kept as
 * text until it runs, then all its rows at once, read column by column as
 * the store's logic reads SQLite's.
 */
#include "store/pg_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bindings outside what the statement takes are refused, as SQLite's
 * are, and never reach the server. */
static int
slot(struct wm_pgq *q, int i)
{
	if (i < 1 || i > WM_PG_PARAMS)
		return -1;
	free(q->own[i - 1]);
	q->own[i - 1] = NULL;
	return i - 1;
}

int
wm_pgq_int64(struct wm_pgq *q, int i, int64_t v)
{
	int k = slot(q, i);

	if (k < 0)
		return 1;
	snprintf(q->num[k], sizeof(q->num[k]), "%lld", (long long)v);
	q->val[k] = q->num[k];
	return 0;
}

int
wm_pgq_double(struct wm_pgq *q, int i, double v)
{
	int k = slot(q, i);

	if (k < 0)
		return 1;
	/* 17 significant digits read back as the same double. */
	snprintf(q->num[k], sizeof(q->num[k]), "%.17g", v);
	q->val[k] = q->num[k];
	return 0;
}

int
wm_pgq_text(struct wm_pgq *q, int i, const char *v, size_t len, int copy)
{
	int k = slot(q, i);

	if (k < 0)
		return 1;
	q->val[k] = NULL;
	if (!v)
		return 0;
	if (!copy) {
		q->val[k] = v;
		return 0;
	}
	if (!(q->own[k] = malloc(len + 1)))
		return 1;
	memcpy(q->own[k], v, len);
	q->own[k][len] = '\0';
	q->val[k] = q->own[k];
	return 0;
}

int
wm_pgq_step(struct wm_pgq *q)
{
	if (q->failed)
		return WM_Q_ERROR;
	if (!q->res && wm_pg_run(q)) {
		q->failed = 1;
		return WM_Q_ERROR;
	}
	if (q->row + 1 < q->nrows) {
		q->row++;
		return WM_Q_ROW;
	}
	q->row = q->nrows;
	return WM_Q_DONE;
}

void
wm_pgq_reset(struct wm_pgq *q)
{
	PQclear(q->res);
	q->res = NULL;
	q->row = -1;
	q->nrows = 0;
	q->failed = 0;
}

/* The current row's value, or NULL for NULL or outside the rows. */
static const char *
value(struct wm_pgq *q, int i)
{
	if (!q->res || q->row < 0 || q->row >= q->nrows || i < 0 ||
	    i >= PQnfields(q->res) || PQgetisnull(q->res, q->row, i))
		return NULL;
	return PQgetvalue(q->res, q->row, i);
}

/* As SQLite turns a value to an integer: whole numbers as they are, a
 * decimal (numeric sums, averages) cut toward zero, a boolean 1 or 0. */
int64_t
wm_pgq_col_int64(struct wm_pgq *q, int i)
{
	const char *v = value(q, i);
	char *end;
	long long n;

	if (!v)
		return 0;
	if (v[0] == 't' && v[1] == '\0')
		return 1;
	errno = 0;
	n = strtoll(v, &end, 10);
	if (*end == '.' || *end == 'e' || *end == 'E' || errno == ERANGE)
		return (int64_t)strtod(v, NULL);
	return (int64_t)n;
}

double
wm_pgq_col_double(struct wm_pgq *q, int i)
{
	const char *v = value(q, i);

	if (!v)
		return 0.0;
	if (v[0] == 't' && v[1] == '\0')
		return 1.0;
	return strtod(v, NULL);
}

const char *
wm_pgq_col_text(struct wm_pgq *q, int i)
{
	return value(q, i);
}

size_t
wm_pgq_col_len(struct wm_pgq *q, int i)
{
	return value(q, i) ? (size_t)PQgetlength(q->res, q->row, i) : 0;
}

int
wm_pgq_col_null(struct wm_pgq *q, int i)
{
	return value(q, i) == NULL;
}
