/*
 * The network's figures about people, read from the state kept at write
 * time (migration 9, sqlite_outcome_keep.c; goals in sqlite_goals.c):
 * one row per person and scale for their outcomes, a few per scale for
 * the baseline sums, one per person on a caseload for the paired-outcome
 * rate and the goals. No person's id leaves the store in these rows.
 */
#include "store/sqlite_internal.h"

#include <string.h>

#include "core/profile.h"

static int
refuse(const char *why, struct wm_buf *err)
{
	wm_buf_clear(err);
	wm_buf_puts(err, why);
	return WM_STORE_ERROR;
}

struct outcome_each {
	int (*cb)(void *, const struct wm_outcome_row *);
	void *ctx;
};

static int
outcome_row(sqlite3_stmt *st, void *arg)
{
	struct outcome_each *e = arg;
	struct wm_outcome_row row = {
		.unit_id = sqlite3_column_int64(st, 0),
		.respondent = wm_sq_col(st, 1),
		.scale = wm_sq_col(st, 2),
		.responses = sqlite3_column_int64(st, 3),
		.first = sqlite3_column_double(st, 4),
		.latest = sqlite3_column_double(st, 5),
	};

	return e->cb(e->ctx, &row);
}

int
wm_store_network_outcomes(struct wm_store *s, const char *measure,
    const char *from, const char *to,
    int (*cb)(void *, const struct wm_outcome_row *), void *ctx,
    struct wm_buf *err)
{
	struct outcome_each e = { cb, ctx };
	struct wm_quarter qf, qt;
	char f[8], t[8];
	sqlite3_stmt *st;

	if (!from || !to || wm_quarter_parse(from, &qf) ||
	    wm_quarter_parse(to, &qt))
		return refuse("a window's quarters are written YYYY-Qn, such as "
		    "2026-Q1", err);
	/* Written as the rows hold them, so that they compare as text. */
	wm_quarter_format(&qf, f);
	wm_quarter_format(&qt, t);
	if (strcmp(f, t) > 0)
		return refuse("a window cannot end before it starts", err);
	if (!(st = wm_sq_query(s, ST_NETWORK_OUTCOMES, err)))
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, measure);
	wm_sq_text(st, 2, f);
	wm_sq_text(st, 3, t);
	return wm_sq_each(s, st, outcome_row, &e, "reading the outcomes",
	    err);
}

struct baseline_each {
	int (*cb)(void *, const struct wm_baseline_row *);
	void *ctx;
};

static int
baseline_row(sqlite3_stmt *st, void *arg)
{
	struct baseline_each *e = arg;
	struct wm_baseline_row row = {
		.scale = wm_sq_col(st, 0),
		.respondent = wm_sq_col(st, 1),
		.item = wm_sq_col(st, 2),
		.n = sqlite3_column_int64(st, 3),
		.sum = sqlite3_column_double(st, 4),
		.sumsq = sqlite3_column_double(st, 5),
	};

	return e->cb(e->ctx, &row);
}

int
wm_store_network_baseline(struct wm_store *s, const char *measure,
    int (*cb)(void *, const struct wm_baseline_row *), void *ctx,
    struct wm_buf *err)
{
	struct baseline_each e = { cb, ctx };
	sqlite3_stmt *st = wm_sq_query(s, ST_NETWORK_BASELINE, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, measure);
	return wm_sq_each(s, st, baseline_row, &e, "reading the baseline sums",
	    err);
}

struct paired_each {
	int (*cb)(void *, const struct wm_paired_rate_row *);
	void *ctx;
};

static int
paired_row(sqlite3_stmt *st, void *arg)
{
	struct paired_each *e = arg;
	struct wm_paired_rate_row row = {
		.unit_id = sqlite3_column_int64(st, 0),
		.eligible = sqlite3_column_int64(st, 1),
		.paired = sqlite3_column_int64(st, 2),
	};

	return e->cb(e->ctx, &row);
}

int
wm_store_network_paired_rate(struct wm_store *s, const char *measure,
    const char *today, int days,
    int (*cb)(void *, const struct wm_paired_rate_row *), void *ctx,
    struct wm_buf *err)
{
	struct paired_each e = { cb, ctx };
	struct wm_date d;
	char since[11];
	sqlite3_stmt *st;

	if (!today || wm_date_parse(today, &d))
		return refuse("today is written YYYY-MM-DD", err);
	if (days < 0)
		return refuse("the days on a caseload cannot be fewer than none",
		    err);
	/* Joined at least `days` days before today: on or before this. */
	wm_date_from_days(wm_date_days(&d) - days, &d);
	wm_date_format(&d, since);
	if (!(st = wm_sq_query(s, ST_NETWORK_PAIRED, err)))
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, measure);
	wm_sq_text(st, 2, since);
	return wm_sq_each(s, st, paired_row, &e,
	    "reading the paired-outcome rate", err);
}

struct goal_rate_each {
	int (*cb)(void *, const struct wm_goal_rate_row *);
	void *ctx;
};

static int
goal_rate_row(sqlite3_stmt *st, void *arg)
{
	struct goal_rate_each *e = arg;
	struct wm_goal_rate_row row = {
		.unit_id = sqlite3_column_int64(st, 0),
		.with_goals = sqlite3_column_int64(st, 1),
		.reviewed = sqlite3_column_int64(st, 2),
		.higher = sqlite3_column_int64(st, 3),
	};

	return e->cb(e->ctx, &row);
}

int
wm_store_network_goals(struct wm_store *s,
    int (*cb)(void *, const struct wm_goal_rate_row *), void *ctx,
    struct wm_buf *err)
{
	struct goal_rate_each e = { cb, ctx };
	sqlite3_stmt *st = wm_sq_query(s, ST_NETWORK_GOALS, err);

	if (!st)
		return WM_STORE_ERROR;
	return wm_sq_each(s, st, goal_rate_row, &e, "reading the goals' figures",
	    err);
}

struct caseload_each {
	int (*cb)(void *, const struct wm_caseload_count_row *);
	void *ctx;
};

static int
caseload_row(sqlite3_stmt *st, void *arg)
{
	struct caseload_each *e = arg;
	struct wm_caseload_count_row row = {
		.unit_id = sqlite3_column_int64(st, 0),
		.people = sqlite3_column_int64(st, 1),
	};

	return e->cb(e->ctx, &row);
}

int
wm_store_network_caseloads(struct wm_store *s, const char *from,
    const char *to, int (*cb)(void *, const struct wm_caseload_count_row *),
    void *ctx, struct wm_buf *err)
{
	struct caseload_each e = { cb, ctx };
	struct wm_date a, b;
	sqlite3_stmt *st;

	if (!from || !to || wm_date_parse(from, &a) || wm_date_parse(to, &b))
		return refuse("the days of a window are written YYYY-MM-DD",
		    err);
	if (wm_date_cmp(&a, &b) > 0)
		return refuse("a window cannot end before it starts", err);
	if (!(st = wm_sq_query(s, ST_NETWORK_CASELOADS, err)))
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, from);
	wm_sq_text(st, 2, to);
	return wm_sq_each(s, st, caseload_row, &e, "reading the caseloads",
	    err);
}
