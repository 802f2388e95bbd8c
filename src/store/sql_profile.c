/*
 * A service's profile views (ERFS, the supportive service indicators,
 * the team's Ten Top Tips): how often each option of each question was
 * chosen in one service's responses to one instrument (every version)
 * in one quarter, by who answered, with a totals row per respondent
 * kind. Only counts leave the store: no one's answers, names or ids.
 */
#include "store/sql_internal.h"

struct profile_each {
	int (*cb)(void *, const struct wm_profile_count_row *);
	void *ctx;
};

static int
profile_row(struct wm_q *st, void *arg)
{
	struct profile_each *e = arg;
	struct wm_profile_count_row row = { wm_sq_col(st, 0),
	    wm_sq_col(st, 1), wm_sq_col(st, 2),
	    !wm_q_col_null(st, 3),
	    wm_q_col_double(st, 3), wm_q_col_double(st, 4),
	    wm_q_col_double(st, 5), wm_q_col_int64(st, 6),
	    wm_q_col_int64(st, 7) };

	return e->cb(e->ctx, &row);
}

static int
profile_counts(struct wm_store *s, const char *url, int64_t unit_id,
    const char *quarter, const char *subject_kind, int latest,
    int (*cb)(void *, const struct wm_profile_count_row *), void *ctx,
    struct wm_buf *err)
{
	struct profile_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_PROFILE_COUNTS, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, url);
	wm_q_int64(st, 2, unit_id);
	wm_sq_text(st, 3, quarter);
	wm_sq_text(st, 4, subject_kind);
	wm_q_int(st, 5, latest);
	return wm_sq_each(s, st, profile_row, &e, "counting a service's answers",
	    err);
}

int
wm_store_erfs_counts(struct wm_store *s, const char *url, int64_t unit_id,
    const char *quarter, int (*cb)(void *, const struct wm_profile_count_row *),
    void *ctx, struct wm_buf *err)
{
	return profile_counts(s, url, unit_id, quarter, "service", 0, cb, ctx,
	    err);
}

int
wm_store_indicator_counts(struct wm_store *s, const char *url,
    int64_t unit_id, const char *quarter,
    int (*cb)(void *, const struct wm_profile_count_row *), void *ctx,
    struct wm_buf *err)
{
	return profile_counts(s, url, unit_id, quarter, "person", 1, cb, ctx,
	    err);
}

int
wm_store_tip_counts(struct wm_store *s, const char *url, int64_t unit_id,
    const char *quarter, int (*cb)(void *, const struct wm_profile_count_row *),
    void *ctx, struct wm_buf *err)
{
	return profile_counts(s, url, unit_id, quarter, "staff", 0, cb, ctx,
	    err);
}

struct period_each {
	int (*cb)(void *, const struct wm_profile_period_row *);
	void *ctx;
};

static int
period_row(struct wm_q *st, void *arg)
{
	struct period_each *e = arg;
	struct wm_profile_period_row row = { wm_sq_col(st, 0),
	    wm_q_col_int64(st, 1), wm_q_col_int64(st, 2) };

	return e->cb(e->ctx, &row);
}

int
wm_store_profile_periods(struct wm_store *s, const char *url,
    int64_t unit_id, const char *subject_kind,
    int (*cb)(void *, const struct wm_profile_period_row *), void *ctx,
    struct wm_buf *err)
{
	struct period_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_PROFILE_PERIODS, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, url);
	wm_q_int64(st, 2, unit_id);
	wm_sq_text(st, 3, subject_kind);
	return wm_sq_each(s, st, period_row, &e, "listing a service's periods",
	    err);
}
