/*
 * The figures' version (migration 12, store.h): one row that every
 * change to what the network's figures rest on bumps in its own
 * transaction, by trigger or, for a save's kept figures, when they are
 * written (sqlite_db.c).
 */
#include "store/sql_internal.h"

int
wm_store_figures_version(struct wm_store *s, int64_t *out,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_FIGURES_VERSION, err);
	int rc;

	*out = 0;
	if (!st)
		return WM_STORE_ERROR;
	rc = wm_sq_one_id(s, st, out, "reading the figures' version", err);
	if (rc == WM_STORE_NOT_FOUND) {
		wm_buf_clear(err);
		wm_buf_puts(err, "reading the figures' version: its row is "
		    "missing");
		return WM_STORE_ERROR;
	}
	return rc;
}

int
wm_sq_figures_bump(struct wm_store *s, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_stmt(s, ST_FIGURES_BUMP, err);

	return st ? wm_sq_exec(s, st, "writing the figures' version", err) :
	    WM_STORE_ERROR;
}
