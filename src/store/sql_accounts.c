/*
 * What administering accounts writes and reads: pages of accounts with
 * their last sign-in, deactivating and reactivating, removing a role,
 * and one-time setup codes (only their hashes).
 */
#include "store/sql_internal.h"

#include <string.h>

#include "util/token.h"

int
wm_store_account_page(struct wm_store *s, const char *search, int64_t offset,
    int limit, int64_t *total,
    int (*cb)(void *, const struct wm_account_row *), void *ctx,
    struct wm_buf *err)
{
	struct wm_sq_account_each e = { cb, ctx, total };
	struct wm_q *st = wm_sq_query(s, ST_ACCOUNT_PAGE, err);

	*total = 0;
	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, search && search[0] ? search : NULL);
	wm_q_int(st, 2, limit);
	wm_q_int64(st, 3, offset);
	return wm_sq_each(s, st, wm_sq_account_row, &e, "listing accounts",
	    err);
}

int
wm_store_accounts_waiting(struct wm_store *s, int limit, int64_t *total,
    int (*cb)(void *, const struct wm_account_row *), void *ctx,
    struct wm_buf *err)
{
	struct wm_sq_account_each e = { cb, ctx, total };
	struct wm_q *st = wm_sq_query(s, ST_ACCOUNTS_WAITING, err);

	*total = 0;
	if (!st)
		return WM_STORE_ERROR;
	wm_q_int(st, 1, limit);
	return wm_sq_each(s, st, wm_sq_account_row, &e,
	    "listing accounts not yet signed in", err);
}

/* Runs a bound change to one account's row: `already` in err, and
 * WM_STORE_CONFLICT, when it changed nothing. */
static int
change_one(struct wm_store *s, struct wm_q *st, const char *doing,
    const char *already, struct wm_buf *err)
{
	int rc = wm_sq_exec(s, st, doing, err);

	if (rc == 0 && wm_q_changes(s) == 0) {
		wm_buf_clear(err);
		wm_buf_puts(err, already);
		return WM_STORE_CONFLICT;
	}
	return rc;
}

int
wm_store_account_sessions_end(struct wm_store *s, int64_t id,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_ACCOUNT_SESSIONS_END, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, id);
	return wm_sq_exec(s, st, "ending the account's sessions", err);
}

int
wm_store_account_deactivate(struct wm_store *s, int64_t id,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_ACCOUNT_DEACTIVATE, err);
	char now[32];
	int own, rc;

	if (!st || wm_sq_tx_begin(s, &own, err))
		return WM_STORE_ERROR;
	wm_sq_now(s, now);
	wm_q_int64(st, 1, id);
	wm_sq_text(st, 2, now);
	rc = change_one(s, st, "deactivating the account", "the account is "
	    "already deactivated", err);
	if (rc == 0)
		rc = wm_store_account_sessions_end(s, id, err);
	return wm_sq_tx_end(s, own, rc, err);
}

int
wm_store_account_reactivate(struct wm_store *s, int64_t id,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_ACCOUNT_REACTIVATE, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, id);
	return change_one(s, st, "reactivating the account", "the account is "
	    "active already", err);
}

int
wm_store_grant_remove(struct wm_store *s, int64_t account_id,
    const char *role, int64_t unit_id, const char *stakeholder,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_GRANT_REMOVE, err);
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, account_id);
	wm_sq_text(st, 2, role);
	wm_q_int64(st, 3, unit_id);
	wm_sq_text(st, 4, stakeholder);
	rc = change_one(s, st, "removing the role", stakeholder ? "the account "
	    "does not hold that role there for that group" : "the account "
	    "does not hold that role there", err);
	return rc == WM_STORE_CONFLICT ? WM_STORE_NOT_FOUND : rc;
}

int
wm_store_setup_code_set(struct wm_store *s, int64_t account_id,
    const char *code_hash, int64_t now, int64_t expires, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_SETUP_CODE_DROP, err);
	int own, rc;

	if (!st || wm_sq_tx_begin(s, &own, err))
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, account_id);
	rc = wm_sq_exec(s, st, "replacing the setup code", err);
	if (rc == 0 && !(st = wm_sq_query(s, ST_SETUP_CODE_ADD, err)))
		rc = WM_STORE_ERROR;
	if (rc == 0) {
		wm_q_int64(st, 1, account_id);
		wm_sq_text(st, 2, code_hash);
		wm_q_int64(st, 3, now);
		wm_q_int64(st, 4, expires);
		rc = wm_sq_exec(s, st, "keeping the setup code", err);
	}
	return wm_sq_tx_end(s, own, rc, err);
}

int
wm_store_setup_code_find(struct wm_store *s, const char *email, int64_t now,
    int64_t *code_id, int64_t *account_id, char *hash, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_SETUP_CODE_FIND, err);
	const char *h;
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, email);
	wm_q_int64(st, 2, now);
	rc = wm_sq_step(s, st, "reading the setup code", err);
	if (rc == 1) {
		*code_id = wm_q_col_int64(st, 0);
		*account_id = wm_q_col_int64(st, 1);
		h = wm_sq_col(st, 2);
		if (!h || strlen(h) != WM_TOKEN_HASH_LEN)
			rc = 0;
		else
			memcpy(hash, h, WM_TOKEN_HASH_LEN + 1);
	}
	wm_q_reset(st);
	if (rc < 0)
		return WM_STORE_ERROR;
	if (rc == 0) {
		wm_buf_clear(err);
		wm_buf_puts(err, "no such setup code");
		return WM_STORE_NOT_FOUND;
	}
	return 0;
}

int
wm_store_setup_code_use(struct wm_store *s, int64_t code_id, int64_t now,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_SETUP_CODE_USE, err);
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, code_id);
	wm_q_int64(st, 2, now);
	rc = change_one(s, st, "using the setup code", "the setup code was "
	    "used already", err);
	return rc == WM_STORE_CONFLICT ? WM_STORE_NOT_FOUND : rc;
}
