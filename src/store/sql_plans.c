/*
 * People's plans (migration 18): the plans, their versions, whom they
 * are shared with, and every read of them by anyone but their owner.
 * Store only: who may read or change a plan is core's decision
 * (core/plan_access.c), made before any of these is called.
 */
#include "store/sql_internal.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

int
wm_store_plan_add(struct wm_store *s, int64_t person_id, const char *family,
    int64_t *id, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_PLAN_FIND, err);
	char now[32];
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, person_id);
	wm_sq_text(st, 2, family);
	rc = wm_sq_one_id(s, st, id, "finding the plan", err);
	if (rc == 0)
		return WM_STORE_EXISTS;
	if (rc != WM_STORE_NOT_FOUND || !(st = wm_sq_query(s, ST_PLAN_ADD,
	    err)))
		return WM_STORE_ERROR;
	wm_sq_now(s, now);
	wm_q_int64(st, 1, person_id);
	wm_sq_text(st, 2, family);
	wm_sq_text(st, 3, now);
	if ((rc = wm_sq_exec(s, st, "starting the plan", err)) == 0)
		*id = wm_q_last_id(s);
	return rc;
}

struct plan_each {
	int (*cb)(void *, const struct wm_plan_row *);
	void *ctx;
	int any;
};

static int
plan_row(struct wm_q *st, void *arg)
{
	struct plan_each *e = arg;
	struct wm_plan_row row = {
		.id = wm_q_col_int64(st, 0),
		.person_id = wm_q_col_int64(st, 1),
		.family = wm_sq_col(st, 2),
		.created = wm_sq_col(st, 3),
		.crisis_access = wm_q_col_int(st, 4),
		.latest = wm_q_col_int64(st, 5),
		.latest_saved = wm_sq_col(st, 6),
		.has_draft = !wm_q_col_null(st, 7),
		.draft_saved = wm_sq_col(st, 7),
		.person_ident = wm_sq_col(st, 8),
		.person_name = wm_sq_col(st, 9),
	};

	e->any = 1;
	return e->cb(e->ctx, &row);
}

int
wm_store_plans(struct wm_store *s, int64_t person_id,
    int (*cb)(void *, const struct wm_plan_row *), void *ctx,
    struct wm_buf *err)
{
	struct plan_each e = { cb, ctx, 0 };
	struct wm_q *st = wm_sq_query(s, ST_PLAN_LIST, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, person_id);
	return wm_sq_each(s, st, plan_row, &e, "reading plans", err);
}

int
wm_store_plan(struct wm_store *s, int64_t plan_id,
    int (*cb)(void *, const struct wm_plan_row *), void *ctx,
    struct wm_buf *err)
{
	struct plan_each e = { cb, ctx, 0 };
	struct wm_q *st = wm_sq_query(s, ST_PLAN_GET, err);
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, plan_id);
	rc = wm_sq_each(s, st, plan_row, &e, "reading the plan", err);
	return rc ? rc : e.any ? 0 : WM_STORE_NOT_FOUND;
}

int
wm_store_plans_shared_with(struct wm_store *s, int64_t account_id,
    const char *today, int64_t offset, int limit,
    int (*cb)(void *, const struct wm_plan_row *), void *ctx,
    struct wm_buf *err)
{
	struct plan_each e = { cb, ctx, 0 };
	struct wm_q *st = wm_sq_query(s, ST_PLAN_SHARED_WITH, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, account_id);
	wm_sq_text(st, 2, today);
	wm_q_int(st, 3, limit);
	wm_q_int64(st, 4, offset);
	return wm_sq_each(s, st, plan_row, &e, "reading plans shared", err);
}

int
wm_store_plans_shared_count(struct wm_store *s, int64_t account_id,
    const char *today, int64_t *n, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_PLAN_SHARED_WITH_COUNT, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, account_id);
	wm_sq_text(st, 2, today);
	return wm_sq_one_id(s, st, n, "counting plans shared", err);
}

struct version_each {
	int (*cb)(void *, const struct wm_plan_version_row *);
	void *ctx;
	int any;
};

static int
version_row(struct wm_q *st, void *arg)
{
	struct version_each *e = arg;
	struct wm_plan_version_row row = {
		.plan_id = wm_q_col_int64(st, 0),
		.n = wm_q_col_int64(st, 1),
		.instrument_id = wm_q_col_int64(st, 2),
		.content = wm_sq_col(st, 3),
		.respondent = wm_sq_col(st, 4),
		.author_account_id = wm_q_col_int64(st, 5),
		.author_name = wm_sq_col(st, 6),
		.agreed = wm_sq_col(st, 7),
		.saved = wm_sq_col(st, 8),
	};

	e->any = 1;
	return e->cb(e->ctx, &row);
}

int
wm_store_plan_version(struct wm_store *s, int64_t plan_id, int64_t n,
    int (*cb)(void *, const struct wm_plan_version_row *), void *ctx,
    struct wm_buf *err)
{
	struct version_each e = { cb, ctx, 0 };
	struct wm_q *st = wm_sq_query(s, n < 0 ? ST_PLAN_VERSION_LATEST :
	    ST_PLAN_VERSION, err);
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, plan_id);
	if (n >= 0)
		wm_q_int64(st, 2, n);
	rc = wm_sq_each(s, st, version_row, &e, "reading the plan", err);
	return rc ? rc : e.any ? 0 : WM_STORE_NOT_FOUND;
}

int
wm_store_plan_versions(struct wm_store *s, int64_t plan_id,
    int (*cb)(void *, const struct wm_plan_version_row *), void *ctx,
    struct wm_buf *err)
{
	struct version_each e = { cb, ctx, 0 };
	struct wm_q *st = wm_sq_query(s, ST_PLAN_VERSIONS, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, plan_id);
	return wm_sq_each(s, st, version_row, &e, "reading the plan's "
	    "versions", err);
}

static int
drop_draft(struct wm_store *s, int64_t plan_id, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_PLAN_DRAFT_DROP, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, plan_id);
	return wm_sq_exec(s, st, "replacing the draft", err);
}

int
wm_store_plan_save(struct wm_store *s, int64_t plan_id,
    const struct wm_plan_save *v, int64_t *n, struct wm_buf *err)
{
	struct wm_q *st;
	char now[32];
	int own, rc;

	if (wm_sq_tx_begin(s, &own, err))
		return WM_STORE_ERROR;
	*n = 0;
	if ((!v->keep_draft || !v->finished) &&
	    (rc = drop_draft(s, plan_id, err)))
		goto out;
	if (v->finished) {
		if (!(st = wm_sq_query(s, ST_PLAN_VERSION_NEXT, err))) {
			rc = WM_STORE_ERROR;
			goto out;
		}
		wm_q_int64(st, 1, plan_id);
		if ((rc = wm_sq_one_id(s, st, n, "numbering the version",
		    err)))
			goto out;
	}
	if (!(st = wm_sq_query(s, ST_PLAN_VERSION_ADD, err))) {
		rc = WM_STORE_ERROR;
		goto out;
	}
	wm_sq_now(s, now);
	wm_q_int64(st, 1, plan_id);
	wm_q_int64(st, 2, *n);
	wm_q_int64(st, 3, v->instrument_id);
	wm_sq_text(st, 4, v->content);
	wm_sq_text(st, 5, v->respondent);
	wm_sq_id(st, 6, v->author_account_id);
	wm_sq_text(st, 7, v->agreed);
	wm_sq_text(st, 8, now);
	rc = wm_sq_exec(s, st, "saving the plan", err);
out:
	return wm_sq_tx_end(s, own, rc, err);
}

int
wm_store_plan_crisis_set(struct wm_store *s, int64_t plan_id, int on,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_PLAN_CRISIS_SET, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, plan_id);
	wm_q_int(st, 2, on != 0);
	return wm_sq_exec(s, st, "changing crisis access", err);
}

/* Each row's first column into v[0..max), counted in *n. */
static int
ids(struct wm_store *s, struct wm_q *st, int64_t *v, size_t max, size_t *n,
    struct wm_buf *err)
{
	int rc;

	*n = 0;
	while ((rc = wm_sq_step(s, st, "reading the plan's shares", err)) == 1) {
		if (*n == max) {
			wm_q_reset(st);
			wm_buf_clear(err);
			wm_buf_puts(err, "the plan is shared in too many places "
			    "to check");
			return WM_STORE_ERROR;
		}
		v[(*n)++] = wm_q_col_int64(st, 0);
	}
	wm_q_reset(st);
	return rc ? WM_STORE_ERROR : 0;
}

int
wm_store_plan_facts(struct wm_store *s, int64_t plan_id, int64_t account_id,
    const char *today, struct wm_plan_facts *f, int64_t *team_units,
    int64_t *owner_units, size_t max, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_PLAN_FACTS, err);
	int rc;

	memset(f, 0, sizeof(*f));
	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, plan_id);
	rc = wm_sq_step(s, st, "reading the plan", err);
	if (rc == 1) {
		f->owner = wm_q_col_int64(st, 0);
		f->crisis_access = wm_q_col_int(st, 1);
		f->has_content = wm_q_col_int(st, 2);
	}
	wm_q_reset(st);
	if (rc < 0)
		return WM_STORE_ERROR;
	if (!f->owner)
		return 0;
	if (!(st = wm_sq_query(s, ST_PLAN_FACTS_ACCOUNT, err)))
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, plan_id);
	wm_q_int64(st, 2, account_id);
	wm_sq_text(st, 3, today);
	rc = wm_sq_one_id(s, st, NULL, "reading the plan's shares", err);
	if (rc && rc != WM_STORE_NOT_FOUND)
		return rc;
	f->shared_with_account = rc == 0;
	if ((rc = wm_store_supporter_is(s, f->owner, account_id,
	    &f->account_supports, err)))
		return rc;
	if (!(st = wm_sq_query(s, ST_PLAN_FACTS_TEAMS, err)))
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, plan_id);
	wm_sq_text(st, 2, today);
	if ((rc = ids(s, st, team_units, max, &f->n_team_units, err)))
		return rc;
	f->team_units = team_units;
	if (!(st = wm_sq_query(s, ST_PLAN_FACTS_UNITS, err)))
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, plan_id);
	if ((rc = ids(s, st, owner_units, max, &f->n_owner_units, err)))
		return rc;
	f->owner_units = owner_units;
	return 0;
}

int
wm_store_plan_share_add(struct wm_store *s, int64_t plan_id,
    int64_t account_id, int64_t unit_id, const char *until, int64_t *id,
    struct wm_buf *err)
{
	struct wm_q *st;
	char now[32];
	int own, rc;

	if (wm_sq_tx_begin(s, &own, err))
		return WM_STORE_ERROR;
	wm_sq_now(s, now);
	if (!(st = wm_sq_query(s, ST_PLAN_SHARE_REPLACE, err))) {
		rc = WM_STORE_ERROR;
		goto out;
	}
	wm_q_int64(st, 1, plan_id);
	wm_sq_id(st, 2, account_id);
	wm_sq_id(st, 3, unit_id);
	wm_sq_text(st, 4, now);
	if ((rc = wm_sq_exec(s, st, "sharing the plan", err)))
		goto out;
	if (!(st = wm_sq_query(s, ST_PLAN_SHARE_ADD, err))) {
		rc = WM_STORE_ERROR;
		goto out;
	}
	wm_q_int64(st, 1, plan_id);
	wm_sq_id(st, 2, account_id);
	wm_sq_id(st, 3, unit_id);
	wm_sq_text(st, 4, now);
	wm_sq_text(st, 5, until);
	if ((rc = wm_sq_exec(s, st, "sharing the plan", err)) == 0)
		*id = wm_q_last_id(s);
out:
	return wm_sq_tx_end(s, own, rc, err);
}

struct share_each {
	int (*cb)(void *, const struct wm_plan_share_row *);
	void *ctx;
};

static int
share_row(struct wm_q *st, void *arg)
{
	struct share_each *e = arg;
	struct wm_plan_share_row row = {
		.id = wm_q_col_int64(st, 0),
		.account_id = wm_q_col_int64(st, 1),
		.account_name = wm_sq_col(st, 2),
		.account_email = wm_sq_col(st, 3),
		.supporter = wm_q_col_int(st, 4),
		.unit_id = wm_q_col_int64(st, 5),
		.unit_code = wm_sq_col(st, 6),
		.unit_name = wm_sq_col(st, 7),
		.created = wm_sq_col(st, 8),
		.until = wm_sq_col(st, 9),
		.stopped = wm_sq_col(st, 10),
	};

	return e->cb(e->ctx, &row);
}

int
wm_store_plan_shares(struct wm_store *s, int64_t plan_id, const char *today,
    int (*cb)(void *, const struct wm_plan_share_row *), void *ctx,
    struct wm_buf *err)
{
	struct share_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, today ? ST_PLAN_SHARES_NOW :
	    ST_PLAN_SHARES_ALL, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, plan_id);
	if (today)
		wm_sq_text(st, 2, today);
	return wm_sq_each(s, st, share_row, &e, "reading the plan's shares",
	    err);
}

int
wm_store_plan_share_stop(struct wm_store *s, int64_t plan_id,
    int64_t share_id, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_PLAN_SHARE_STOP, err);
	char now[32];
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_now(s, now);
	wm_q_int64(st, 1, plan_id);
	wm_q_int64(st, 2, share_id);
	wm_sq_text(st, 3, now);
	if ((rc = wm_sq_exec(s, st, "stopping the share", err)))
		return rc;
	return wm_q_changes(s) ? 0 : WM_STORE_NOT_FOUND;
}

int
wm_store_plan_viewed(struct wm_store *s, int64_t plan_id, int64_t n,
    int64_t account_id, const char *how, int64_t unit_id, const char *reason,
    const char *address, struct wm_buf *err)
{
	struct wm_q *st;
	int64_t owner = 0;
	char now[32], detail[64];
	int own, rc;

	if (wm_sq_tx_begin(s, &own, err))
		return WM_STORE_ERROR;
	if (!(st = wm_sq_query(s, ST_PLAN_VIEW_ADD, err))) {
		rc = WM_STORE_ERROR;
		goto out;
	}
	wm_sq_now(s, now);
	wm_q_int64(st, 1, plan_id);
	wm_q_int64(st, 2, n);
	wm_q_int64(st, 3, account_id);
	wm_sq_text(st, 4, how);
	wm_sq_id(st, 5, unit_id);
	wm_sq_text(st, 6, now);
	wm_sq_text(st, 7, reason);
	if ((rc = wm_sq_exec(s, st, "keeping who saw the plan", err)))
		goto out;
	if (!(st = wm_sq_query(s, ST_PLAN_FACTS, err))) {
		rc = WM_STORE_ERROR;
		goto out;
	}
	wm_q_int64(st, 1, plan_id);
	if ((rc = wm_sq_one_id(s, st, &owner, "reading the plan", err)))
		goto out;
	/* The log says which plan and how, never what it says; a crisis
	 * reason is the reader's, kept with the view for its owner. */
	snprintf(detail, sizeof(detail), "plan %lld version %lld, %s",
	    (long long)plan_id, (long long)n, how);
	rc = wm_store_audit(s, account_id, "viewed a plan", "person", owner,
	    detail, address, err);
out:
	return wm_sq_tx_end(s, own, rc, err);
}

struct view_each {
	int (*cb)(void *, const struct wm_plan_view_row *);
	void *ctx;
};

static int
view_row(struct wm_q *st, void *arg)
{
	struct view_each *e = arg;
	struct wm_plan_view_row row = {
		.id = wm_q_col_int64(st, 0),
		.plan_id = wm_q_col_int64(st, 1),
		.family = wm_sq_col(st, 2),
		.n = wm_q_col_int64(st, 3),
		.account_name = wm_sq_col(st, 4),
		.how = wm_sq_col(st, 5),
		.unit_name = wm_sq_col(st, 6),
		.role = wm_sq_col(st, 7),
		.supporter = wm_q_col_int(st, 8),
		.at = wm_sq_col(st, 9),
		.reason = wm_sq_col(st, 10),
		.told = wm_q_col_int(st, 11),
	};

	return e->cb(e->ctx, &row);
}

int
wm_store_plan_views(struct wm_store *s, int64_t person_id, int64_t plan_id,
    int limit, int (*cb)(void *, const struct wm_plan_view_row *), void *ctx,
    struct wm_buf *err)
{
	struct view_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_PLAN_VIEWS, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, person_id);
	wm_q_int64(st, 2, plan_id);
	wm_q_int(st, 3, limit);
	return wm_sq_each(s, st, view_row, &e, "reading who saw the plans",
	    err);
}

int
wm_store_plan_crisis_untold(struct wm_store *s, int64_t person_id,
    int (*cb)(void *, const struct wm_plan_view_row *), void *ctx,
    struct wm_buf *err)
{
	struct view_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_PLAN_CRISIS_UNTOLD, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, person_id);
	return wm_sq_each(s, st, view_row, &e, "reading crisis openings", err);
}

int
wm_store_plan_crisis_told(struct wm_store *s, int64_t person_id,
    int64_t upto_view, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_PLAN_CRISIS_TOLD, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, person_id);
	wm_q_int64(st, 2, upto_view);
	return wm_sq_exec(s, st, "marking crisis openings told", err);
}

int
wm_store_supporter_add(struct wm_store *s, int64_t person_id,
    int64_t account_id, const char *relationship, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_SUPPORTER_ADD, err);
	char now[32];

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_now(s, now);
	wm_q_int64(st, 1, person_id);
	wm_q_int64(st, 2, account_id);
	wm_sq_text(st, 3, relationship);
	wm_sq_text(st, 4, now);
	return wm_sq_exec(s, st, "keeping the supporter", err);
}

struct supporter_each {
	int (*cb)(void *, const struct wm_supporter_row *);
	void *ctx;
};

static int
supporter_row(struct wm_q *st, void *arg)
{
	struct supporter_each *e = arg;
	struct wm_supporter_row row = {
		.account_id = wm_q_col_int64(st, 0),
		.name = wm_sq_col(st, 1),
		.email = wm_sq_col(st, 2),
		.relationship = wm_sq_col(st, 3),
		.created = wm_sq_col(st, 4),
		.ended = wm_sq_col(st, 5),
		.signed_up = wm_q_col_int(st, 6),
		.code_expires = NULL,
	};
	char when[32];

	if (!wm_q_col_null(st, 7)) {
		time_t t = (time_t)wm_q_col_int64(st, 7);
		struct tm tm;

		gmtime_r(&t, &tm);
		strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
		row.code_expires = when;
	}
	return e->cb(e->ctx, &row);
}

int
wm_store_supporters(struct wm_store *s, int64_t person_id,
    int (*cb)(void *, const struct wm_supporter_row *), void *ctx,
    struct wm_buf *err)
{
	struct supporter_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_SUPPORTER_LIST, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, person_id);
	wm_q_int64(st, 2, (int64_t)time(NULL));
	return wm_sq_each(s, st, supporter_row, &e, "reading supporters", err);
}

int
wm_store_supporter_is(struct wm_store *s, int64_t person_id,
    int64_t account_id, int *yes, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_SUPPORTER_IS, err);
	int rc;

	*yes = 0;
	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, person_id);
	wm_q_int64(st, 2, account_id);
	rc = wm_sq_one_id(s, st, NULL, "reading supporters", err);
	*yes = rc == 0;
	return rc == WM_STORE_NOT_FOUND ? 0 : rc;
}

int
wm_store_supporter_end(struct wm_store *s, int64_t person_id,
    int64_t account_id, struct wm_buf *err)
{
	static const enum stmt steps[] = { ST_SUPPORTER_END,
	    ST_SUPPORTER_SHARES_STOP };
	struct wm_q *st;
	char now[32];
	size_t i;
	int own, rc = 0;

	if (wm_sq_tx_begin(s, &own, err))
		return WM_STORE_ERROR;
	wm_sq_now(s, now);
	for (i = 0; rc == 0 && i < sizeof(steps) / sizeof(steps[0]); i++) {
		if (!(st = wm_sq_query(s, steps[i], err))) {
			rc = WM_STORE_ERROR;
			break;
		}
		wm_q_int64(st, 1, person_id);
		wm_q_int64(st, 2, account_id);
		wm_sq_text(st, 3, now);
		rc = wm_sq_exec(s, st, "ending the supporter", err);
		if (rc == 0 && i == 0 && wm_q_changes(s) == 0)
			rc = WM_STORE_NOT_FOUND;
	}
	return wm_sq_tx_end(s, own, rc, err);
}

int
wm_store_plan_suggest(struct wm_store *s, int64_t plan_id, int64_t base,
    int64_t instrument_id, int64_t account_id, const char *content,
    const char *note, int together, const char *agreed, int64_t *id,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_PLAN_SUGGEST_ADD, err);
	char now[32];
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_now(s, now);
	wm_q_int64(st, 1, plan_id);
	wm_q_int64(st, 2, base);
	wm_q_int64(st, 3, instrument_id);
	wm_q_int64(st, 4, account_id);
	wm_sq_text(st, 5, content);
	wm_sq_text(st, 6, note);
	wm_sq_text(st, 7, now);
	wm_q_int(st, 8, together != 0);
	wm_sq_text(st, 9, agreed);
	if ((rc = wm_sq_exec(s, st, "keeping the suggestion", err)) == 0)
		*id = wm_q_last_id(s);
	return rc;
}

struct suggestion_each {
	int (*cb)(void *, const struct wm_plan_suggestion_row *);
	void *ctx;
	int any;
};

static int
suggestion_row(struct wm_q *st, void *arg)
{
	struct suggestion_each *e = arg;
	struct wm_plan_suggestion_row row = {
		.id = wm_q_col_int64(st, 0),
		.plan_id = wm_q_col_int64(st, 1),
		.base = wm_q_col_int64(st, 2),
		.instrument_id = wm_q_col_int64(st, 3),
		.content = wm_sq_col(st, 4),
		.note = wm_sq_col(st, 5),
		.by_name = wm_sq_col(st, 6),
		.made = wm_sq_col(st, 7),
		.decided = wm_sq_col(st, 8),
		.accepted = wm_q_col_int(st, 9),
		.by_account = wm_q_col_int64(st, 10),
		.together = wm_q_col_int(st, 11),
		.agreed = wm_sq_col(st, 12),
	};

	e->any = 1;
	return e->cb(e->ctx, &row);
}

int
wm_store_plan_suggestions(struct wm_store *s, int64_t plan_id, int open_only,
    int (*cb)(void *, const struct wm_plan_suggestion_row *), void *ctx,
    struct wm_buf *err)
{
	struct suggestion_each e = { cb, ctx, 0 };
	struct wm_q *st = wm_sq_query(s, open_only ? ST_PLAN_SUGGESTIONS_OPEN :
	    ST_PLAN_SUGGESTIONS_ALL, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, plan_id);
	return wm_sq_each(s, st, suggestion_row, &e, "reading suggestions",
	    err);
}

int
wm_store_plan_suggestion(struct wm_store *s, int64_t plan_id, int64_t id,
    int (*cb)(void *, const struct wm_plan_suggestion_row *), void *ctx,
    struct wm_buf *err)
{
	struct suggestion_each e = { cb, ctx, 0 };
	struct wm_q *st = wm_sq_query(s, ST_PLAN_SUGGESTION_GET, err);
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, plan_id);
	wm_q_int64(st, 2, id);
	rc = wm_sq_each(s, st, suggestion_row, &e, "reading the suggestion",
	    err);
	return rc ? rc : e.any ? 0 : WM_STORE_NOT_FOUND;
}

int
wm_store_plan_suggestion_decide(struct wm_store *s, int64_t plan_id,
    int64_t id, int accepted, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_PLAN_SUGGESTION_DECIDE, err);
	char now[32];
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_now(s, now);
	wm_q_int64(st, 1, plan_id);
	wm_q_int64(st, 2, id);
	wm_sq_text(st, 3, now);
	wm_q_int(st, 4, accepted != 0);
	if ((rc = wm_sq_exec(s, st, "keeping the decision", err)))
		return rc;
	return wm_q_changes(s) ? 0 : WM_STORE_NOT_FOUND;
}

int
wm_store_account_supporter(struct wm_store *s, int64_t account_id, int *yes,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_SUPPORTER_ACCOUNT, err);
	int rc;

	*yes = 0;
	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, account_id);
	rc = wm_sq_one_id(s, st, NULL, "reading supporters", err);
	*yes = rc == 0;
	return rc == WM_STORE_NOT_FOUND ? 0 : rc;
}
