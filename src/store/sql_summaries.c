/*
 * Summaries read from the totals and scores kept at write time, grouped
 * the way the network report shows them.
 */
#include "store/sql_internal.h"

struct scale_each {
	int (*cb)(void *, const struct wm_scale_summary_row *);
	void *ctx;
};

static int
scale_row(struct wm_q *st, void *arg)
{
	struct scale_each *e = arg;
	struct wm_scale_summary_row row = {
		.unit_code = wm_sq_col(st, 0),
		.unit_name = wm_sq_col(st, 1),
		.quarter = wm_sq_col(st, 2),
		.respondent = wm_sq_col(st, 3),
		.scale = wm_sq_col(st, 4),
		.scale_title = wm_sq_col(st, 5),
		.people = wm_q_col_int64(st, 6),
		.scores = wm_q_col_int64(st, 7),
		.mean = wm_q_col_double(st, 8),
	};

	return e->cb(e->ctx, &row);
}

int
wm_store_scale_summary(struct wm_store *s, const char *family,
    int (*cb)(void *, const struct wm_scale_summary_row *), void *ctx,
    struct wm_buf *err)
{
	struct scale_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_SCALE_SUMMARY, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, family);
	return wm_sq_each(s, st, scale_row, &e, "summarising scores", err);
}

struct people_each {
	int (*cb)(void *, const struct wm_people_row *);
	void *ctx;
};

static int
people_row(struct wm_q *st, void *arg)
{
	struct people_each *e = arg;
	struct wm_people_row row = { wm_sq_col(st, 0), wm_sq_col(st, 1),
	    wm_sq_col(st, 2), wm_q_col_int64(st, 3) };

	return e->cb(e->ctx, &row);
}

int
wm_store_people_summary(struct wm_store *s, const char *family,
    int (*cb)(void *, const struct wm_people_row *), void *ctx,
    struct wm_buf *err)
{
	struct people_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_PEOPLE_SUMMARY, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, family);
	return wm_sq_each(s, st, people_row, &e, "counting people", err);
}

struct caseload_each {
	int (*cb)(void *, const struct wm_caseload_row *);
	void *ctx;
	int64_t total;
	int rows;
};

static int
caseload_row(struct wm_q *st, void *arg)
{
	struct caseload_each *e = arg;
	struct wm_caseload_row row = { wm_q_col_int64(st, 0),
	    wm_sq_col(st, 1), wm_sq_col(st, 2), wm_sq_col(st, 3),
	    wm_sq_col(st, 4), wm_sq_col(st, 5), wm_sq_col(st, 6),
	    wm_q_col_int(st, 7) };

	e->total = wm_q_col_int64(st, 8);
	e->rows++;
	return e->cb ? e->cb(e->ctx, &row) : 1;
}

static int
caseload_page(struct wm_store *s, const struct wm_caseload_query *q,
    int64_t offset, int limit, struct caseload_each *e, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_CASELOAD, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, q->account_id);
	wm_sq_text(st, 2, q->search && q->search[0] ? q->search : NULL);
	wm_q_int(st, 3, limit);
	wm_q_int64(st, 4, offset);
	return wm_sq_each(s, st, caseload_row, e, "reading the caseload", err);
}

int
wm_store_caseload(struct wm_store *s, const struct wm_caseload_query *q,
    int64_t *total, int (*cb)(void *, const struct wm_caseload_row *),
    void *ctx, struct wm_buf *err)
{
	struct caseload_each e = { cb, ctx, 0, 0 };
	int rc;

	*total = 0;
	if ((rc = caseload_page(s, q, q->offset, q->limit, &e, err)))
		return rc;
	/* Past the last page there is no row to carry the count: the first
	 * row of the first page has it. */
	if (e.rows == 0 && q->offset > 0) {
		e.cb = NULL;
		if ((rc = caseload_page(s, q, 0, 1, &e, err)))
			return rc;
	}
	*total = e.total;
	return 0;
}

struct count_each {
	int (*cb)(void *, const struct wm_answer_count_row *);
	void *ctx;
};

static int
count_row(struct wm_q *st, void *arg)
{
	struct count_each *e = arg;
	struct wm_answer_count_row row = { wm_sq_col(st, 0), wm_sq_col(st, 1),
	    wm_sq_col(st, 2), wm_sq_col(st, 3), wm_q_col_int64(st, 4) };

	return e->cb(e->ctx, &row);
}

int
wm_store_own_answer_counts(struct wm_store *s, int64_t account_id,
    const char *family, int (*cb)(void *, const struct wm_answer_count_row *),
    void *ctx, struct wm_buf *err)
{
	struct count_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_OWN_ANSWER_COUNTS, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, account_id);
	wm_sq_text(st, 2, family);
	return wm_sq_each(s, st, count_row, &e, "counting answers", err);
}

struct reflection_each {
	int (*cb)(void *, const struct wm_reflection_row *);
	void *ctx;
};

static int
reflection_row(struct wm_q *st, void *arg)
{
	struct reflection_each *e = arg;
	struct wm_reflection_row row = { wm_q_col_int64(st, 0),
	    wm_sq_col(st, 1), wm_sq_col(st, 2), wm_sq_col(st, 3) };

	return e->cb(e->ctx, &row);
}

int
wm_store_own_reflections(struct wm_store *s, int64_t account_id,
    const char *family, int limit,
    int (*cb)(void *, const struct wm_reflection_row *), void *ctx,
    struct wm_buf *err)
{
	struct reflection_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_OWN_REFLECTIONS, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, account_id);
	wm_sq_text(st, 2, family);
	wm_q_int(st, 3, limit);
	return wm_sq_each(s, st, reflection_row, &e, "reading the reflections",
	    err);
}

int
wm_store_own_reflection(struct wm_store *s, int64_t account_id,
    const char *family, int64_t response_id,
    int (*cb)(void *, const struct wm_reflection_row *), void *ctx,
    struct wm_buf *err)
{
	struct reflection_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_OWN_REFLECTION, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, account_id);
	wm_sq_text(st, 2, family);
	wm_q_int64(st, 3, response_id);
	return wm_sq_each(s, st, reflection_row, &e, "reading the reflection",
	    err);
}

struct cycle_each {
	int (*cb)(void *, const struct wm_cycle_row *);
	void *ctx;
};

static int
cycle_row(struct wm_q *st, void *arg)
{
	struct cycle_each *e = arg;
	struct wm_cycle_row row = { wm_q_col_int64(st, 0),
	    wm_sq_col(st, 1), wm_q_col_int(st, 2), wm_sq_col(st, 3),
	    wm_sq_col(st, 4) };

	return e->cb(e->ctx, &row);
}

int
wm_store_person_cycles(struct wm_store *s, int64_t person_id,
    int (*cb)(void *, const struct wm_cycle_row *), void *ctx,
    struct wm_buf *err)
{
	struct cycle_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_PERSON_CYCLES, err);
	char today[11];

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_today(today);
	wm_q_int64(st, 1, person_id);
	wm_sq_text(st, 2, today);
	return wm_sq_each(s, st, cycle_row, &e, "reading the cycles", err);
}

struct person_cycle_each {
	int (*cb)(void *, const struct wm_person_cycle_row *);
	void *ctx;
};

static int
person_cycle_row(struct wm_q *st, void *arg)
{
	struct person_cycle_each *e = arg;
	struct wm_person_cycle_row row = { wm_q_col_int64(st, 0),
	    wm_sq_col(st, 1), wm_sq_col(st, 2), wm_sq_col(st, 3),
	    { wm_q_col_int64(st, 4), wm_sq_col(st, 5),
	    wm_q_col_int(st, 6), wm_sq_col(st, 7), wm_sq_col(st, 8) } };

	return e->cb(e->ctx, &row);
}

int
wm_store_practitioner_cycles(struct wm_store *s, int64_t account_id,
    int (*cb)(void *, const struct wm_person_cycle_row *), void *ctx,
    struct wm_buf *err)
{
	struct person_cycle_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_PRACTITIONER_CYCLES, err);
	char today[11];

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_today(today);
	wm_q_int64(st, 1, account_id);
	wm_sq_text(st, 2, today);
	return wm_sq_each(s, st, person_cycle_row, &e, "reading the caseload's "
	    "cycles", err);
}
