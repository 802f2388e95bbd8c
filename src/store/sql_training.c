/*
 * Training for recovery: a service's current staff, their training
 * records, coverage per course, and recording completions all or none.
 */
#include "store/sql_internal.h"

#include <string.h>

struct staff_ctx {
	int (*cb)(void *, const struct wm_staff *);
	void *ctx;
};

static int
staff_row(struct wm_q *st, void *ctx)
{
	struct staff_ctx *c = ctx;
	struct wm_staff r = { wm_q_col_int64(st, 0), wm_sq_col(st, 1),
	    wm_sq_col(st, 2) };

	return c->cb(c->ctx, &r);
}

static int
staff_of(struct wm_store *s, enum stmt which, int64_t unit_id,
    int (*cb)(void *, const struct wm_staff *), void *ctx,
    struct wm_buf *err)
{
	struct staff_ctx c = { cb, ctx };
	struct wm_q *st;

	if (!(st = wm_sq_query(s, which, err)))
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, unit_id);
	return wm_sq_each(s, st, staff_row, &c, "listing the staff", err);
}

int
wm_store_service_staff(struct wm_store *s, int64_t unit_id,
    int (*cb)(void *, const struct wm_staff *), void *ctx,
    struct wm_buf *err)
{
	return staff_of(s, ST_SERVICE_STAFF, unit_id, cb, ctx, err);
}

int
wm_store_service_practitioners(struct wm_store *s, int64_t unit_id,
    int (*cb)(void *, const struct wm_staff *), void *ctx,
    struct wm_buf *err)
{
	return staff_of(s, ST_SERVICE_PRACTITIONERS, unit_id, cb, ctx, err);
}

struct list_ctx {
	int (*cb)(void *, const struct wm_training_record_row *);
	void *ctx;
};

static int
list_row(struct wm_q *st, void *ctx)
{
	struct list_ctx *c = ctx;
	struct wm_training_record_row r = { wm_sq_col(st, 0), wm_sq_col(st, 1),
	    wm_sq_col(st, 2), wm_sq_col(st, 3), wm_sq_col(st, 4) };

	return c->cb(c->ctx, &r);
}

int
wm_store_training_list(struct wm_store *s, int64_t unit_id, int limit,
    int (*cb)(void *, const struct wm_training_record_row *), void *ctx,
    struct wm_buf *err)
{
	struct list_ctx c = { cb, ctx };
	struct wm_q *st;

	if (!(st = wm_sq_query(s, ST_TRAINING_LIST, err)))
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, unit_id);
	wm_q_int(st, 2, limit);
	return wm_sq_each(s, st, list_row, &c, "listing the training", err);
}

struct coverage_ctx {
	int (*cb)(void *, const struct wm_training_count *);
	void *ctx;
	int64_t *staff;
};

static int
coverage_row(struct wm_q *st, void *ctx)
{
	struct coverage_ctx *c = ctx;
	struct wm_training_count r = { wm_sq_col(st, 1),
	    wm_q_col_int64(st, 2) };

	*c->staff = wm_q_col_int64(st, 0);
	return r.course ? c->cb(c->ctx, &r) : 0;
}

int
wm_store_training_coverage(struct wm_store *s, int64_t unit_id,
    int64_t *staff, int (*cb)(void *, const struct wm_training_count *),
    void *ctx, struct wm_buf *err)
{
	struct coverage_ctx c = { cb, ctx, staff };
	struct wm_q *st;

	*staff = 0;
	if (!(st = wm_sq_query(s, ST_TRAINING_COVERAGE, err)))
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, unit_id);
	return wm_sq_each(s, st, coverage_row, &c, "counting the training",
	    err);
}

/* One completion: refused unless its account is current staff here. */
static int
record_one(struct wm_store *s, int64_t unit_id,
    const struct wm_training_row *r, const char *now, size_t *added,
    struct wm_buf *err)
{
	struct wm_q *st;
	int rc;

	if (!(st = wm_sq_query(s, ST_SERVICE_STAFF_IS, err)))
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, r->account_id);
	wm_q_int64(st, 2, unit_id);
	rc = wm_sq_one_id(s, st, NULL, "checking the staff", err);
	if (rc == WM_STORE_NOT_FOUND) {
		wm_buf_clear(err);
		if (r->line > 0)
			wm_buf_printf(err, "line %d: ", r->line);
		wm_buf_puts(err, "email: is not a current member of staff of "
		    "this service (a practitioner or lead here)");
	}
	if (rc)
		return rc;
	if (!(st = wm_sq_query(s, ST_TRAINING_RECORD, err)))
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, r->account_id);
	wm_sq_text(st, 2, r->course);
	wm_sq_text(st, 3, r->completed);
	wm_sq_text(st, 4, now);
	if ((rc = wm_sq_exec(s, st, "recording the training", err)))
		return rc;
	*added += (size_t)wm_q_changes(s);
	return 0;
}

int
wm_store_training_record(struct wm_store *s, int64_t unit_id,
    const struct wm_training_row *rows, size_t n,
    const struct wm_recorder *by, size_t *added, struct wm_buf *err)
{
	struct wm_buf detail = WM_BUF_INIT;
	char now[32];
	size_t i;
	int rc;

	*added = 0;
	/* The grants are read inside the transaction that writes. */
	if ((rc = wm_store_begin(s, err)))
		return rc;
	wm_sq_now(s, now);
	for (i = 0, rc = 0; i < n && rc == 0; i++)
		rc = record_one(s, unit_id, &rows[i], now, added, err);
	if (rc == 0) {
		wm_buf_printf(&detail, "%zu completions: %zu new, %zu already "
		    "recorded", n, *added, n - *added);
		rc = wm_store_audit(s, by->account_id, by->action, "service",
		    unit_id, wm_buf_str(&detail), by->address, err);
	}
	if (rc == 0)
		rc = wm_store_commit(s, err);
	if (rc) {
		wm_store_rollback(s);
		*added = 0;
	}
	wm_buf_release(&detail);
	return rc;
}
