/*
 * The administrator's reads and writes: renaming and closing units,
 * starting and ending spells on a caseload, the list of people by
 * identifier, the audit log searched, and files kept while their loading
 * is confirmed. The checks and the audit
 * entries of a change are store/admin.c's, which every entry point
 * shares; these are the single statements under them.
 */
#include "store/sql_internal.h"

#include <string.h>
#include <time.h>

#include "util/token.h"

/* Runs an update of one unit or spell: WM_STORE_NOT_FOUND (with `none`
 * in err) when it changed nothing. */
static int
update_one(struct wm_store *s, struct wm_q *st, const char *doing,
    const char *none, struct wm_buf *err)
{
	int own, rc;

	if ((rc = wm_sq_tx_begin(s, &own, err)))
		return rc;
	rc = wm_sq_exec(s, st, doing, err);
	if (rc == 0 && wm_q_changes(s) == 0) {
		wm_buf_clear(err);
		wm_buf_puts(err, none);
		rc = WM_STORE_NOT_FOUND;
	}
	return wm_sq_tx_end(s, own, rc, err);
}

int
wm_store_unit_rename(struct wm_store *s, int64_t unit_id, const char *name,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_UNIT_RENAME, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, unit_id);
	wm_sq_text(st, 2, name);
	return update_one(s, st, "renaming the unit", "no such unit", err);
}

int
wm_store_unit_close(struct wm_store *s, int64_t unit_id, const char *date,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_UNIT_CLOSE, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, unit_id);
	wm_sq_text(st, 2, date);
	return update_one(s, st, "closing the unit", "it is closed already",
	    err);
}

int
wm_store_unit_open_children(struct wm_store *s, int64_t unit_id, int64_t *n,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_UNIT_OPEN_CHILDREN, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, unit_id);
	return wm_sq_one_id(s, st, n, "counting a unit's open units", err);
}

int
wm_store_caseload_start(struct wm_store *s, int64_t person_id,
    int64_t unit_id, const char *since, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_CASELOAD_ADD, err);
	int own, rc;

	if (!st)
		return WM_STORE_ERROR;
	/* In a transaction, so the kept figures of the person are worked
	 * out again with it (migration 10's triggers mark them). */
	if ((rc = wm_sq_tx_begin(s, &own, err)))
		return rc;
	wm_q_int64(st, 1, person_id);
	wm_q_int64(st, 2, unit_id);
	wm_sq_text(st, 3, since);
	rc = wm_sq_exec(s, st, "adding the person to the caseload", err);
	return wm_sq_tx_end(s, own, rc, err);
}

int
wm_store_caseload_end(struct wm_store *s, int64_t person_id, int64_t unit_id,
    const char *date, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_CASELOAD_END, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, person_id);
	wm_q_int64(st, 2, unit_id);
	wm_sq_text(st, 3, date);
	return update_one(s, st, "ending the person's time on the caseload",
	    "the person is not on that service's caseload", err);
}

int
wm_store_caseload_drop(struct wm_store *s, int64_t person_id, int64_t unit_id,
    const char *since, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_CASELOAD_DROP, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, person_id);
	wm_q_int64(st, 2, unit_id);
	wm_sq_text(st, 3, since);
	return update_one(s, st, "removing the person's time on the caseload",
	    "the person is not on that service's caseload", err);
}

struct people_each {
	int (*cb)(void *, const struct wm_admin_person_row *);
	void *ctx;
	int64_t *total;
};

static int
people_row(struct wm_q *st, void *arg)
{
	struct people_each *e = arg;
	struct wm_admin_person_row row = { wm_q_col_int64(st, 0),
	    wm_sq_col(st, 1), wm_sq_col(st, 2), wm_sq_col(st, 3) };

	*e->total = wm_q_col_int64(st, 4);
	return e->cb(e->ctx, &row);
}

int
wm_store_people_search(struct wm_store *s, const char *search, int64_t offset,
    int limit, int64_t *total,
    int (*cb)(void *, const struct wm_admin_person_row *), void *ctx,
    struct wm_buf *err)
{
	struct people_each e = { cb, ctx, total };
	struct wm_q *st = wm_sq_query(s, ST_PEOPLE_SEARCH, err);

	*total = 0;
	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, search && search[0] ? search : NULL);
	wm_q_int(st, 2, limit);
	wm_q_int64(st, 3, offset);
	return wm_sq_each(s, st, people_row, &e, "listing people", err);
}

struct found_each {
	int (*cb)(void *, const struct wm_audit_found *);
	void *ctx;
	int64_t *total;
};

static int
found_row(struct wm_q *st, void *arg)
{
	struct found_each *e = arg;
	struct wm_audit_found row = { wm_sq_col(st, 0), wm_sq_col(st, 1),
	    wm_sq_col(st, 2), wm_sq_col(st, 3), wm_sq_col(st, 4),
	    wm_sq_col(st, 5), wm_sq_col(st, 6), wm_sq_col(st, 7) };

	*e->total = wm_q_col_int64(st, 8);
	return e->cb(e->ctx, &row);
}

/* The statement whose index a search starts from: the person's entries
 * are few, an account's fewer than all, an action's fewer still than a
 * span of time. */
static enum stmt
search_start(const struct wm_audit_search *q)
{
	if (q->person_id)
		return ST_AUDIT_BY_PERSON;
	if (q->account_id)
		return ST_AUDIT_BY_ACTOR;
	if (q->action && q->action[0])
		return ST_AUDIT_BY_ACTION;
	return ST_AUDIT_BY_DATE;
}

/* The most entries one transaction keys: a long backlog (the first
 * search after a busy month, or after migration 17) is keyed in steps
 * short enough not to hold the writers of saves up for long. */
#define KEYS_AT_ONCE 20000

/* Keys KEYS_AT_ONCE entries more after the last keyed, in the caller's
 * transaction; *all is then 1 when the log's last entry is keyed. 0, or
 * the failure. */
static int
keys_step(struct wm_store *s, int64_t *all, struct wm_buf *err)
{
	static const enum stmt step[] = { ST_AUDIT_KEY_ACTOR,
	    ST_AUDIT_KEY_ACTION, ST_AUDIT_KEY_AT, ST_AUDIT_KEYED };
	struct wm_q *st;
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < sizeof(step) / sizeof(step[0]); i++) {
		if (!(st = wm_sq_stmt(s, step[i], err)))
			return WM_STORE_ERROR;
		wm_q_int(st, 1, KEYS_AT_ONCE);
		rc = step[i] == ST_AUDIT_KEYED ? wm_sq_one_id(s, st, all,
		    "keying the audit log", err) : wm_sq_exec(s, st,
		    "keying the audit log", err);
	}
	return rc;
}

int
wm_store_audit_keys(struct wm_store *s, struct wm_buf *err)
{
	int64_t all = 0;
	struct wm_q *st;
	int own, rc;

	/* Up to date already (most searches): read, never a commit. */
	if (!(st = wm_sq_query(s, ST_AUDIT_KEYED_ALL, err)) ||
	    wm_sq_one_id(s, st, &all, "reading the audit log's keys", err))
		return WM_STORE_ERROR;
	while (!all) {
		/* Each step its own transaction, unless the caller's. */
		own = wm_q_idle(s);
		if (own && wm_store_begin(s, err))
			return WM_STORE_ERROR;
		rc = keys_step(s, &all, err);
		if (own && rc)
			wm_store_rollback(s);
		else if (own)
			rc = wm_store_commit(s, err);
		if (rc)
			return rc;
	}
	return 0;
}

struct action_each {
	int (*cb)(void *, const char *);
	void *ctx;
};

static int
action_row(struct wm_q *st, void *arg)
{
	struct action_each *e = arg;

	return e->cb(e->ctx, wm_sq_col(st, 0));
}

int
wm_store_audit_actions(struct wm_store *s, int (*cb)(void *, const char *),
    void *ctx, struct wm_buf *err)
{
	struct action_each e = { cb, ctx };
	struct wm_q *st;

	if (wm_store_audit_keys(s, err) ||
	    !(st = wm_sq_query(s, ST_AUDIT_ACTIONS, err)))
		return WM_STORE_ERROR;
	return wm_sq_each(s, st, action_row, &e, "listing the audit log's "
	    "actions", err);
}

int
wm_store_audit_search(struct wm_store *s, const struct wm_audit_search *q,
    int64_t offset, int64_t limit, int64_t most, int64_t *total,
    int (*cb)(void *, const struct wm_audit_found *), void *ctx,
    struct wm_buf *err)
{
	struct found_each e = { cb, ctx, total };
	struct wm_q *st;

	*total = 0;
	if (wm_store_audit_keys(s, err) ||
	    !(st = wm_sq_query(s, search_start(q), err)))
		return WM_STORE_ERROR;
	wm_sq_id(st, 1, q->person_id);
	wm_sq_text(st, 2, q->from && q->from[0] ? q->from : "");
	/* Every time the log writes sorts before "A". */
	wm_sq_text(st, 3, q->before && q->before[0] ? q->before : "A");
	wm_sq_id(st, 4, q->account_id);
	wm_sq_text(st, 5, q->action && q->action[0] ? q->action : NULL);
	wm_q_int64(st, 6, limit);
	wm_q_int64(st, 7, offset);
	wm_q_int64(st, 8, most);
	return wm_sq_each(s, st, found_row, &e, "searching the audit log",
	    err);
}

/* An hour before now, as the store writes times; "" (any time) on a
 * fixed clock, where time does not pass. */
static void
hour_ago(const struct wm_store *s, char out[32])
{
	time_t t = time(NULL) - 3600;
	struct tm tm;

	out[0] = '\0';
	if (s->clock[0])
		return;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int
wm_store_upload_keep(struct wm_store *s, int64_t account_id, const char *name,
    const char *text, size_t len, char token[WM_TOKEN_LEN + 1],
    struct wm_buf *err)
{
	char hash[WM_TOKEN_HASH_LEN + 1], now[32], before[32];
	struct wm_q *st;
	int own, rc;

	if (wm_token_new(token)) {
		wm_buf_clear(err);
		wm_buf_puts(err, "no randomness for a token");
		return WM_STORE_ERROR;
	}
	wm_token_hash(token, hash);
	wm_sq_now(s, now);
	hour_ago(s, before);
	if (!(st = wm_sq_query(s, ST_UPLOAD_EXPIRE, err)) ||
	    wm_sq_tx_begin(s, &own, err))
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, before);
	if ((rc = wm_sq_exec(s, st, "forgetting old uploads", err)) == 0 &&
	    !(st = wm_sq_stmt(s, ST_UPLOAD_ADD, err)))
		rc = WM_STORE_ERROR;
	if (rc == 0) {
		wm_sq_text(st, 1, hash);
		wm_q_int64(st, 2, account_id);
		wm_sq_text(st, 3, name);
		wm_q_textn(st, 4, text, len);
		wm_sq_text(st, 5, now);
		rc = wm_sq_exec(s, st, "keeping the upload", err);
	}
	return wm_sq_tx_end(s, own, rc, err);
}

int
wm_store_upload_get(struct wm_store *s, int64_t account_id, const char *token,
    struct wm_buf *name, struct wm_buf *text, struct wm_buf *err)
{
	char hash[WM_TOKEN_HASH_LEN + 1], before[32];
	struct wm_q *st;
	int rc;

	if (!wm_token_valid(token))
		return WM_STORE_NOT_FOUND;
	if (!(st = wm_sq_query(s, ST_UPLOAD_GET, err)))
		return WM_STORE_ERROR;
	wm_token_hash(token, hash);
	hour_ago(s, before);
	wm_sq_text(st, 1, hash);
	wm_q_int64(st, 2, account_id);
	wm_sq_text(st, 3, before);
	rc = wm_sq_step(s, st, "reading the upload", err);
	if (rc == 1) {
		wm_buf_puts(name, wm_sq_col(st, 0));
		wm_buf_add(text, wm_q_col_text(st, 1),
		    (size_t)wm_q_col_len(st, 1));
	}
	wm_q_reset(st);
	return rc < 0 ? WM_STORE_ERROR : rc == 0 ? WM_STORE_NOT_FOUND : 0;
}

int
wm_store_upload_drop(struct wm_store *s, const char *token,
    struct wm_buf *err)
{
	char hash[WM_TOKEN_HASH_LEN + 1];
	struct wm_q *st = wm_sq_query(s, ST_UPLOAD_DROP, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_token_hash(token, hash);
	wm_sq_text(st, 1, hash);
	return wm_sq_exec(s, st, "forgetting the upload", err);
}
