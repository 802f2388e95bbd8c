/*
 * People's goals and their reviews.
 */
#include "store/sql_internal.h"

int
wm_store_goal_add(struct wm_store *s, int64_t person_id, const char *text,
    int64_t *id, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_GOAL_ADD, err);
	char now[32];
	int own, rc;

	/* In a transaction of its own when not in one already, so that
	 * the person's kept figures are worked out with it
	 * (sql_people_keep.c). */
	if (!st || wm_sq_tx_begin(s, &own, err))
		return WM_STORE_ERROR;
	wm_sq_now(s, now);
	wm_q_int64(st, 1, person_id);
	wm_sq_text(st, 2, text);
	wm_sq_text(st, 3, now);
	if ((rc = wm_sq_exec(s, st, "saving the goal", err)) == 0)
		*id = wm_q_last_id(s);
	return wm_sq_tx_end(s, own, rc, err);
}

struct goal_each {
	int (*cb)(void *, const struct wm_goal_row *);
	void *ctx;
};

static int
goal_row(struct wm_q *st, void *arg)
{
	struct goal_each *e = arg;
	struct wm_goal_row row = {
		.id = wm_q_col_int64(st, 0),
		.text = wm_sq_col(st, 1),
		.created = wm_sq_col(st, 2),
		.has_rating = !wm_q_col_null(st, 3),
		.rating = wm_q_col_int(st, 3),
		.reviewed = wm_sq_col(st, 4),
		.first_text = wm_sq_col(st, 6),
	};

	if (wm_goal_state_parse(wm_sq_col(st, 5), &row.state))
		row.state = WM_GOAL_CURRENT;

	return e->cb(e->ctx, &row);
}

int
wm_store_goals(struct wm_store *s, int64_t person_id,
    int (*cb)(void *, const struct wm_goal_row *), void *ctx,
    struct wm_buf *err)
{
	struct goal_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_GOAL_LIST, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, person_id);
	return wm_sq_each(s, st, goal_row, &e, "reading goals", err);
}

int
wm_store_goal_owner(struct wm_store *s, int64_t goal_id, int64_t *person_id,
    struct wm_buf *text, enum wm_goal_state *state, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_GOAL_OWNER, err);
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, goal_id);
	rc = wm_q_step(st);
	if (rc == WM_Q_ROW) {
		*person_id = wm_q_col_int64(st, 0);
		wm_buf_clear(text);
		wm_buf_puts(text, wm_sq_col(st, 1));
		if (wm_goal_state_parse(wm_sq_col(st, 2), state))
			*state = WM_GOAL_CURRENT;
	}
	wm_q_reset(st);
	if (rc == WM_Q_ROW)
		return text->failed ? WM_STORE_ERROR : 0;
	if (rc == WM_Q_DONE)
		return WM_STORE_NOT_FOUND;
	return wm_sq_fail(s, "reading the goal", err);
}

/* The review, and on its goal the count and the first and latest
 * rating it keeps for the network's figures (migration 9), as one
 * change. */
int
wm_store_goal_review_add(struct wm_store *s, int64_t goal_id,
    const char *reviewed, int rating, const char *note,
    const char *author_kind, int64_t author_id, struct wm_buf *err)
{
	struct wm_q *st;
	char now[32];
	int own, rc;

	if (wm_sq_ready(s, err))
		return WM_STORE_ERROR;
	if ((rc = wm_sq_tx_begin(s, &own, err)))
		return rc;
	if (!(st = wm_sq_stmt(s, ST_GOAL_REVIEW_ADD, err))) {
		rc = WM_STORE_ERROR;
		goto out;
	}
	wm_sq_now(s, now);
	wm_q_int64(st, 1, goal_id);
	wm_sq_text(st, 2, reviewed);
	wm_q_int(st, 3, rating);
	wm_sq_text(st, 4, note && note[0] ? note : NULL);
	wm_sq_text(st, 5, author_kind);
	wm_q_int64(st, 6, author_id);
	wm_sq_text(st, 7, now);
	if ((rc = wm_sq_exec(s, st, "saving the review", err)))
		goto out;
	if (!(st = wm_sq_stmt(s, ST_GOAL_KEEP, err))) {
		rc = WM_STORE_ERROR;
		goto out;
	}
	wm_q_int64(st, 1, goal_id);
	wm_sq_text(st, 2, reviewed);
	wm_q_int(st, 3, rating);
	rc = wm_sq_exec(s, st, "saving the review", err);
out:
	return wm_sq_tx_end(s, own, rc, err);
}

struct review_each {
	int (*cb)(void *, const struct wm_goal_review_row *);
	void *ctx;
};

static int
review_row(struct wm_q *st, void *arg)
{
	struct review_each *e = arg;
	struct wm_goal_review_row row = { wm_sq_col(st, 0),
	    wm_q_col_int(st, 1), wm_sq_col(st, 2), wm_sq_col(st, 3) };

	return e->cb(e->ctx, &row);
}

int
wm_store_goal_reviews(struct wm_store *s, int64_t goal_id,
    int (*cb)(void *, const struct wm_goal_review_row *), void *ctx,
    struct wm_buf *err)
{
	struct review_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_GOAL_REVIEWS, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, goal_id);
	return wm_sq_each(s, st, review_row, &e, "reading reviews", err);
}

int
wm_store_goal_change(struct wm_store *s, int64_t goal_id,
    enum wm_goal_change kind, const char *date, const char *text,
    enum wm_goal_state from, enum wm_goal_state to, struct wm_buf *err)
{
	struct wm_q *st;
	char now[32];
	int own, rc;

	if (wm_sq_ready(s, err))
		return WM_STORE_ERROR;
	if ((rc = wm_sq_tx_begin(s, &own, err)))
		return rc;
	if (!(st = wm_sq_stmt(s, ST_GOAL_CHANGE_ADD, err))) {
		rc = WM_STORE_ERROR;
		goto out;
	}
	wm_sq_now(s, now);
	wm_q_int64(st, 1, goal_id);
	wm_sq_text(st, 2, date);
	wm_sq_text(st, 3, wm_goal_change_name(kind));
	wm_sq_text(st, 4, kind == WM_GOAL_REWORD ? text : NULL);
	wm_sq_text(st, 5, now);
	wm_sq_text(st, 6, wm_goal_state_name(from));
	if ((rc = wm_sq_exec(s, st, "saving the change to the goal", err)))
		goto out;
	if (wm_q_changes(s) != 1) {
		wm_buf_clear(err);
		wm_buf_puts(err, "the goal changed meanwhile");
		rc = WM_STORE_CONFLICT;
		goto out;
	}
	/* A new wording leaves where the goal stands, and the figures kept
	 * from it, as they were. */
	if (from == to)
		goto out;
	if (!(st = wm_sq_stmt(s, ST_GOAL_STATE_SET, err))) {
		rc = WM_STORE_ERROR;
		goto out;
	}
	wm_q_int64(st, 1, goal_id);
	wm_sq_text(st, 2, wm_goal_state_name(to));
	rc = wm_sq_exec(s, st, "saving the change to the goal", err);
out:
	return wm_sq_tx_end(s, own, rc, err);
}

struct change_each {
	int (*cb)(void *, const struct wm_goal_change_row *);
	void *ctx;
};

static int
change_row(struct wm_q *st, void *arg)
{
	struct change_each *e = arg;
	struct wm_goal_change_row row = { wm_sq_col(st, 0), WM_GOAL_REWORD,
	    wm_q_col_null(st, 2) ? NULL :
	    wm_sq_col(st, 2) };

	if (wm_goal_change_parse(wm_sq_col(st, 1), &row.kind))
		return 0;	/* the schema allows no other */
	return e->cb(e->ctx, &row);
}

int
wm_store_goal_changes(struct wm_store *s, int64_t goal_id,
    int (*cb)(void *, const struct wm_goal_change_row *), void *ctx,
    struct wm_buf *err)
{
	struct change_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_GOAL_CHANGES, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, goal_id);
	return wm_sq_each(s, st, change_row, &e, "reading the goal's changes",
	    err);
}
