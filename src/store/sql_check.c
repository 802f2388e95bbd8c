/*
 * waymark check's questions of the store that both databases answer
 * alike: the summaries' running totals against a recomputation from the
 * saved answers, and everyone marked to be worked out again, so that the
 * network's figures kept at write time can be compared with the same
 * read from the raw rows.
 */
#include "store/sql_internal.h"

int
wm_store_check_totals(struct wm_store *s, int64_t *cells, int64_t *wrong,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_CHECK_TOTALS, err);
	int rc;

	*cells = *wrong = 0;
	if (!st)
		return WM_STORE_ERROR;
	rc = wm_sq_step(s, st, "checking the summaries' totals", err);
	if (rc == WM_Q_ROW) {
		*cells = wm_q_col_int64(st, 0);
		*wrong = wm_q_col_int64(st, 1);
	}
	wm_q_reset(st);
	return rc == WM_Q_ROW ? 0 : WM_STORE_ERROR;
}

int
wm_store_mark_everyone(struct wm_store *s, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_MARK_EVERYONE, err);

	return st ? wm_sq_exec(s, st, "marking everyone's figures", err) :
	    WM_STORE_ERROR;
}
