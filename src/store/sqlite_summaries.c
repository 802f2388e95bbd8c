/*
 * Summaries read from the derived scores, grouped the way the network
 * report shows them.
 */
#include "store/sqlite_internal.h"

int
wm_store_scale_summary(struct wm_store *s, const char *family,
    int (*cb)(void *, const struct wm_scale_summary_row *), void *ctx,
    struct wm_buf *err)
{
	struct wm_scale_summary_row row;
	sqlite3_stmt *st;
	int rc;

	if (wm_sq_ready(s, err))
		return WM_STORE_ERROR;
	if (!(st = wm_sq_stmt(s, ST_SCALE_SUMMARY, err)))
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, family);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row.unit_code = wm_sq_col(st, 0);
		row.unit_name = wm_sq_col(st, 1);
		row.quarter = wm_sq_col(st, 2);
		row.respondent = wm_sq_col(st, 3);
		row.scale = wm_sq_col(st, 4);
		row.scale_title = wm_sq_col(st, 5);
		row.people = sqlite3_column_int64(st, 6);
		row.scores = sqlite3_column_int64(st, 7);
		row.mean = sqlite3_column_double(st, 8);
		if (cb(ctx, &row))
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    wm_sq_fail(s, "summarising scores", err);
}

int
wm_store_people_summary(struct wm_store *s, const char *family,
    int (*cb)(void *, const struct wm_people_row *), void *ctx,
    struct wm_buf *err)
{
	struct wm_people_row row;
	sqlite3_stmt *st;
	int rc;

	if (wm_sq_ready(s, err))
		return WM_STORE_ERROR;
	if (!(st = wm_sq_stmt(s, ST_PEOPLE_SUMMARY, err)))
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, family);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row.unit_code = wm_sq_col(st, 0);
		row.quarter = wm_sq_col(st, 1);
		row.respondent = wm_sq_col(st, 2);
		row.people = sqlite3_column_int64(st, 3);
		if (cb(ctx, &row))
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    wm_sq_fail(s, "counting people", err);
}

int
wm_store_latest_ratings(struct wm_store *s, const char *family,
    int (*cb)(void *, const struct wm_rating_row *), void *ctx,
    struct wm_buf *err)
{
	struct wm_rating_row row;
	sqlite3_stmt *st;
	int rc;

	if (wm_sq_ready(s, err))
		return WM_STORE_ERROR;
	if (!(st = wm_sq_stmt(s, ST_LATEST_RATINGS, err)))
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, family);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row.unit_code = wm_sq_col(st, 0);
		row.unit_name = wm_sq_col(st, 1);
		row.quarter = wm_sq_col(st, 2);
		row.scale = wm_sq_col(st, 3);
		row.scale_title = wm_sq_col(st, 4);
		row.respondent = wm_sq_col(st, 5);
		row.stakeholder = wm_sq_col(st, 6);
		row.has_value = sqlite3_column_type(st, 7) != SQLITE_NULL;
		row.value = sqlite3_column_double(st, 7);
		row.response_id = sqlite3_column_int64(st, 8);
		if (cb(ctx, &row))
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    wm_sq_fail(s, "reading the latest ratings", err);
}
