/*
 * The network's figures kept at write time by migration 11 (store.h):
 * who is left out of the outcomes (sql_leftout_keep.c) and the
 * supportive service indicators (sql_experience_keep.c), read from
 * their totals; and the running totals of any measure's scales over a
 * window (migration 2). While the kept figures are not true (someone is
 * marked to be worked out again), the first two read the raw rows
 * instead, exactly as the kept ones count them.
 */
#include "store/sql_internal.h"

#include <stdio.h>

#include "core/indicators.h"
#include "core/profile.h"

/* A window of quarters as the rows number them, or refused. */
static int
window(const char *from, const char *to, struct wm_quarter *qf,
    struct wm_quarter *qt, long *f, long *t, struct wm_buf *err)
{
	if (!from || !to || wm_quarter_parse(from, qf) ||
	    wm_quarter_parse(to, qt)) {
		wm_buf_clear(err);
		wm_buf_puts(err, "a window's quarters are written YYYY-Qn, "
		    "such as 2026-Q1");
		return WM_STORE_ERROR;
	}
	*f = wm_sq_quarter_number(from);
	*t = wm_sq_quarter_number(to);
	if (*f > *t) {
		wm_buf_clear(err);
		wm_buf_puts(err, "a window cannot end before it starts");
		return WM_STORE_ERROR;
	}
	return 0;
}

/* The first day of quarter q, and the last of quarter t, as dates. */
static void
days_of(const struct wm_quarter *f, const struct wm_quarter *t,
    char first[11], char last[11])
{
	static const char *const ends[] = { "03-31", "06-30", "09-30",
	    "12-31" };

	/* A parsed quarter's year is 1900..2999 and its number 1..4. */
	snprintf(first, 11, "%04u-%02u-01", (unsigned)f->year % 10000u,
	    (unsigned)(f->quarter - 1) % 4u * 3u + 1u);
	snprintf(last, 11, "%04u-%s", (unsigned)t->year % 10000u,
	    ends[(unsigned)(t->quarter + 3) % 4u]);
}

/* --- who is left out --------------------------------------------------- */

struct leftout_each {
	int (*cb)(void *, const struct wm_leftout_row *);
	void *ctx;
};

static int
leftout_row(struct wm_q *st, void *arg)
{
	struct leftout_each *e = arg;
	struct wm_leftout_row row = {
		.unit_id = wm_q_col_int64(st, 0),
		.scale = wm_sq_col(st, 1),
		.people = wm_q_col_int64(st, 2),
		.others_only = wm_q_col_int64(st, 3),
	};

	return e->cb(e->ctx, &row);
}

/* Reads a window's kept figures with `kept` (?1 `what`, ?2 and ?3 the
 * window's quarters as the kept rows number them), or, while they are
 * not true, the raw rows with `raw` (?2 and ?3 its first and last day),
 * each row handed to the matching function. */
static int
read_window(struct wm_store *s, enum stmt kept, enum stmt raw,
    const char *what, const char *from, const char *to,
    int (*kept_row)(struct wm_q *, void *),
    int (*raw_row)(struct wm_q *, void *), void *ctx, const char *doing,
    struct wm_buf *err)
{
	struct wm_quarter qf, qt;
	char first[11], last[11];
	struct wm_q *st;
	long f, t;
	int true_, rc;

	if ((rc = window(from, to, &qf, &qt, &f, &t, err)))
		return rc;
	if ((true_ = wm_sq_kept_true(s, NULL, err)) < 0)
		return WM_STORE_ERROR;
	if (!(st = wm_sq_query(s, true_ ? kept : raw, err)))
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, what);
	if (true_) {
		wm_q_int64(st, 2, f);
		wm_q_int64(st, 3, t);
	} else {
		days_of(&qf, &qt, first, last);
		wm_sq_text(st, 2, first);
		wm_sq_text(st, 3, last);
	}
	return wm_sq_each(s, st, true_ ? kept_row : raw_row, ctx, doing, err);
}

int
wm_store_network_leftout(struct wm_store *s, const char *measure,
    const char *from, const char *to,
    int (*cb)(void *, const struct wm_leftout_row *), void *ctx,
    struct wm_buf *err)
{
	struct leftout_each e = { cb, ctx };

	return read_window(s, ST_NETWORK_LEFTOUT, ST_NETWORK_LEFTOUT_RAW,
	    measure, from, to, leftout_row, leftout_row, &e,
	    "reading who is left out", err);
}

/* --- the indicators ---------------------------------------------------- */

struct indicator_each {
	int (*cb)(void *, const struct wm_indicator_row *);
	void *ctx;
};

static int
indicator_row(struct wm_q *st, void *arg)
{
	struct indicator_each *e = arg;
	struct wm_indicator_row row = {
		.unit_id = wm_q_col_int64(st, 0),
		.link_id = wm_sq_col(st, 1),
		.answered = wm_q_col_int64(st, 2),
		.agree = wm_q_col_int64(st, 3),
	};

	return e->cb(e->ctx, &row);
}

/* A raw row: answers of one option, agreeing or not by core's rule. */
static int
indicator_raw_row(struct wm_q *st, void *arg)
{
	struct indicator_each *e = arg;
	int64_t n = wm_q_col_int64(st, 5);
	struct wm_indicator_row row = {
		.unit_id = wm_q_col_int64(st, 0),
		.link_id = wm_sq_col(st, 1),
		.answered = n,
		.agree = wm_value_agrees(wm_q_col_double(st, 2),
		    wm_q_col_double(st, 3),
		    wm_q_col_double(st, 4)) ? n : 0,
	};

	return e->cb(e->ctx, &row);
}

int
wm_store_network_indicators(struct wm_store *s, const char *url,
    const char *from, const char *to,
    int (*cb)(void *, const struct wm_indicator_row *), void *ctx,
    struct wm_buf *err)
{
	struct indicator_each e = { cb, ctx };

	return read_window(s, ST_NETWORK_EXPERIENCE, ST_NETWORK_EXPERIENCE_RAW,
	    url, from, to, indicator_row, indicator_raw_row, &e,
	    "reading the indicators", err);
}

/* --- the running totals over a window ---------------------------------- */

struct rollup_each {
	int (*cb)(void *, const struct wm_rollup_row *);
	void *ctx;
};

static int
rollup_row(struct wm_q *st, void *arg)
{
	struct rollup_each *e = arg;
	struct wm_rollup_row row = {
		.unit_id = wm_q_col_int64(st, 0),
		.respondent = wm_sq_col(st, 1),
		.scale = wm_sq_col(st, 2),
		.responses = wm_q_col_int64(st, 3),
		.total = wm_q_col_double(st, 4),
	};

	return e->cb(e->ctx, &row);
}

static int
rollup_read(struct wm_store *s, enum stmt id, const char *measure,
    const char *from, const char *to,
    int (*cb)(void *, const struct wm_rollup_row *), void *ctx,
    struct wm_buf *err)
{
	struct rollup_each e = { cb, ctx };
	struct wm_quarter qf, qt;
	struct wm_q *st;
	long f, t;
	int rc;

	if ((rc = window(from, to, &qf, &qt, &f, &t, err)))
		return rc;
	if (!(st = wm_sq_query(s, id, err)))
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, measure);
	wm_sq_text(st, 2, from);
	wm_sq_text(st, 3, to);
	return wm_sq_each(s, st, rollup_row, &e, "reading the running totals",
	    err);
}

int
wm_store_network_rollup(struct wm_store *s, const char *measure,
    const char *from, const char *to,
    int (*cb)(void *, const struct wm_rollup_row *), void *ctx,
    struct wm_buf *err)
{
	return rollup_read(s, ST_NETWORK_ROLLUP, measure, from, to, cb, ctx,
	    err);
}

int
wm_store_network_rollup_peak(struct wm_store *s, const char *measure,
    const char *from, const char *to,
    int (*cb)(void *, const struct wm_rollup_row *), void *ctx,
    struct wm_buf *err)
{
	return rollup_read(s, ST_NETWORK_ROLLUP_PEAK, measure, from, to, cb,
	    ctx, err);
}
