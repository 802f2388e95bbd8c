/*
 * Sign-in records: accounts' password hashes, sessions (keyed by the hash
 * of their token), and failed sign-ins for slowing down guessing.
 */
#include "store/sql_internal.h"

#include <stdio.h>
#include <string.h>

static int
copy_text(struct wm_q *st, int col, char *out, size_t n)
{
	const char *v = wm_sq_col(st, col);
	size_t len = v ? strlen(v) : 0;

	if (len >= n)
		return -1;
	memcpy(out, v ? v : "", len + 1);
	return 0;
}

int
wm_store_account_auth(struct wm_store *s, const char *email, int64_t *id,
    char *hash, size_t hash_size, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_ACCOUNT_AUTH, err);
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, email);
	rc = wm_q_step(st);
	if (rc == WM_Q_ROW) {
		*id = wm_q_col_int64(st, 0);
		rc = copy_text(st, 1, hash, hash_size) ? WM_Q_ERROR :
		    WM_Q_ROW;
	}
	wm_q_reset(st);
	if (rc == WM_Q_ROW)
		return 0;
	if (rc == WM_Q_DONE) {
		wm_buf_clear(err);
		wm_buf_puts(err, "no such account");
		return WM_STORE_NOT_FOUND;
	}
	return wm_sq_fail(s, "reading the account", err);
}

int
wm_store_session_add(struct wm_store *s, const char *token_hash,
    int64_t account_id, const char *csrf, int64_t now, const char *address,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_SESSION_ADD, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, token_hash);
	wm_q_int64(st, 2, account_id);
	wm_sq_text(st, 3, csrf);
	wm_q_int64(st, 4, now);
	wm_sq_text(st, 5, address);
	return wm_sq_exec(s, st, "starting the session", err);
}

int
wm_store_session_get(struct wm_store *s, const char *token_hash,
    struct wm_session_row *out, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_SESSION_GET, err);
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, token_hash);
	rc = wm_q_step(st);
	if (rc == WM_Q_ROW) {
		out->account_id = wm_q_col_int64(st, 0);
		if (copy_text(st, 1, out->csrf, sizeof(out->csrf)))
			rc = WM_Q_ERROR;
		out->created = wm_q_col_int64(st, 2);
		out->last_seen = wm_q_col_int64(st, 3);
		out->ended = wm_q_col_int(st, 4);
	}
	wm_q_reset(st);
	if (rc == WM_Q_ROW)
		return 0;
	if (rc == WM_Q_DONE) {
		wm_buf_clear(err);
		wm_buf_puts(err, "no such session");
		return WM_STORE_NOT_FOUND;
	}
	return wm_sq_fail(s, "reading the session", err);
}

static int
session_update(struct wm_store *s, enum stmt id, const char *token_hash,
    int64_t now, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, id, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, token_hash);
	if (id == ST_SESSION_TOUCH)
		wm_q_int64(st, 2, now);
	return wm_sq_exec(s, st, "updating the session", err);
}

int
wm_store_session_touch(struct wm_store *s, const char *token_hash,
    int64_t now, struct wm_buf *err)
{
	return session_update(s, ST_SESSION_TOUCH, token_hash, now, err);
}

int
wm_store_session_end(struct wm_store *s, const char *token_hash,
    struct wm_buf *err)
{
	return session_update(s, ST_SESSION_END, token_hash, 0, err);
}

int
wm_store_signin_failure_add(struct wm_store *s, const char *key, int64_t now,
    int64_t *id, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_FAILURE_ADD, err);
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, key);
	wm_q_int64(st, 2, now);
	rc = wm_sq_exec(s, st, "recording a sign-in attempt", err);
	if (rc == 0 && id)
		*id = wm_q_last_id(s);
	return rc;
}

/* One statement that takes an id or a time: the two deletions below. */
static int
failure_delete(struct wm_store *s, enum stmt which, int64_t v,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, which, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, v);
	return wm_sq_exec(s, st, "forgetting sign-in attempts", err);
}

int
wm_store_signin_failure_forget(struct wm_store *s, int64_t id,
    struct wm_buf *err)
{
	return failure_delete(s, ST_FAILURE_FORGET, id, err);
}

int
wm_store_signin_failures_purge(struct wm_store *s, int64_t before,
    struct wm_buf *err)
{
	return failure_delete(s, ST_FAILURE_PURGE, before, err);
}

int
wm_store_signin_failures(struct wm_store *s, const char *key, int64_t since,
    int64_t *count, int64_t *latest, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_FAILURE_COUNT, err);
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, key);
	wm_q_int64(st, 2, since);
	rc = wm_q_step(st);
	if (rc == WM_Q_ROW) {
		*count = wm_q_col_int64(st, 0);
		*latest = wm_q_col_int64(st, 1);
	}
	wm_q_reset(st);
	return rc == WM_Q_ROW ? 0 : wm_sq_fail(s, "counting failed sign-ins",
	    err);
}

int
wm_store_signin_failures_clear(struct wm_store *s, const char *key,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_FAILURE_CLEAR, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, key);
	return wm_sq_exec(s, st, "clearing failed sign-ins", err);
}

int
wm_store_setting_set(struct wm_store *s, const char *key, const char *value,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_SETTING_SET, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, key);
	wm_sq_text(st, 2, value);
	return wm_sq_exec(s, st, "saving a setting", err);
}

int
wm_store_setting_get(struct wm_store *s, const char *key, char *out, size_t n,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_SETTING_GET, err);
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, key);
	rc = wm_q_step(st);
	if (rc == WM_Q_ROW && copy_text(st, 0, out, n))
		rc = WM_Q_ERROR;
	wm_q_reset(st);
	if (rc == WM_Q_ROW)
		return 0;
	if (rc == WM_Q_DONE)
		return WM_STORE_NOT_FOUND;
	return wm_sq_fail(s, "reading a setting", err);
}

int
wm_store_account_set_password(struct wm_store *s, int64_t id,
    const char *hash, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_ACCOUNT_SET_PASSWORD, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, id);
	wm_sq_text(st, 2, hash);
	return wm_sq_exec(s, st, "setting the password", err);
}

/* One id from a query keyed by an account, or WM_STORE_NOT_FOUND. */
static int
account_id_query(struct wm_store *s, enum stmt which, int64_t account_id,
    int64_t *out, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, which, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, account_id);
	return wm_sq_one_id(s, st, out, "reading the account", err);
}

int
wm_store_account_person(struct wm_store *s, int64_t account_id,
    int64_t *person_id, struct wm_buf *err)
{
	return account_id_query(s, ST_ACCOUNT_PERSON, account_id, person_id,
	    err);
}

int
wm_store_person_account(struct wm_store *s, int64_t person_id,
    int64_t *account_id, struct wm_buf *err)
{
	return account_id_query(s, ST_PERSON_ACCOUNT, person_id, account_id,
	    err);
}

