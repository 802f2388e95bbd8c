/*
 * Drafts: responses saved to come back to later. They are kept as
 * in-progress responses with their answers (never scored), found again by
 * what they answer, about whom and by whom, and replaced by the next save
 * of the same form.
 */
#include "store/sql_internal.h"

#include <string.h>

static void
bind_key(struct wm_q *st, const struct wm_draft_key *k)
{
	wm_q_int64(st, 1, k->instrument_id);
	wm_sq_text(st, 2, wm_subject_name(k->subject_kind));
	wm_q_int64(st, 3, k->subject_id);
	wm_sq_text(st, 4, wm_respondent_name(k->respondent));
	wm_sq_id(st, 5, k->author_id);
}

int
wm_store_draft_find(struct wm_store *s, const struct wm_draft_key *k,
    int64_t *response_id, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_DRAFT_FIND, err);

	if (!st)
		return WM_STORE_ERROR;
	bind_key(st, k);
	return wm_sq_one_id(s, st, response_id, "finding a draft", err);
}

int
wm_store_response_of(struct wm_store *s, const struct wm_draft_key *k,
    int64_t response_id, enum wm_response_status *status, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_RESPONSE_OF, err);
	int64_t draft = 0;
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	bind_key(st, k);
	wm_q_int64(st, 6, response_id);
	rc = wm_sq_one_id(s, st, &draft, "looking up a saved response", err);
	if (rc == 0)
		*status = draft ? WM_STATUS_IN_PROGRESS : WM_STATUS_COMPLETED;
	return rc;
}

struct draft_each {
	int (*cb)(void *, const struct wm_stored_answer_row *);
	void *ctx;
};

static int
draft_answer_row(struct wm_q *st, void *arg)
{
	struct draft_each *e = arg;
	struct wm_stored_answer_row row = {
		.item = (size_t)wm_q_col_int64(st, 0),
		.has_option = !wm_q_col_null(st, 1),
		.option = wm_q_col_int(st, 1),
		.text = wm_sq_col(st, 2),
	};

	return e->cb(e->ctx, &row);
}

int
wm_store_response_date(struct wm_store *s, int64_t response_id,
    char out[11], struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_RESPONSE_DATE, err);
	const char *d;
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, response_id);
	rc = wm_q_step(st);
	if (rc == WM_Q_ROW && (d = wm_sq_col(st, 0)) && strlen(d) == 10) {
		memcpy(out, d, 11);
		wm_q_reset(st);
		return 0;
	}
	wm_q_reset(st);
	if (rc != WM_Q_ROW && rc != WM_Q_DONE)
		return wm_sq_fail(s, "reading a response's date", err);
	return WM_STORE_NOT_FOUND;
}

int
wm_store_response_answers(struct wm_store *s, int64_t response_id,
    int (*cb)(void *, const struct wm_stored_answer_row *), void *ctx,
    struct wm_buf *err)
{
	struct draft_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_RESPONSE_ANSWERS, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, response_id);
	return wm_sq_each(s, st, draft_answer_row, &e, "reading a response's answers", err);
}

int
wm_store_draft_discard(struct wm_store *s, const struct wm_draft_key *k,
    int64_t keep, struct wm_buf *err)
{
	static const enum stmt steps[] = { ST_DRAFT_DISCARD_ANSWERS,
	    ST_DRAFT_DISCARD };
	struct wm_q *st;
	size_t i;
	int own, rc;

	if (wm_sq_ready(s, err))
		return WM_STORE_ERROR;
	if ((rc = wm_sq_tx_begin(s, &own, err)))
		return rc;
	for (i = 0; rc == 0 && i < sizeof(steps) / sizeof(steps[0]); i++) {
		if (!(st = wm_sq_stmt(s, steps[i], err))) {
			rc = WM_STORE_ERROR;
			break;
		}
		bind_key(st, k);
		wm_q_int64(st, 6, keep);
		rc = wm_sq_exec(s, st, "replacing a draft", err);
	}
	return wm_sq_tx_end(s, own, rc, err);
}
