#include "web/auth.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "core/session.h"
#include "store/accounts.h"
#include "util/password.h"
#include "web/client.h"

/* Checked against when the email is unknown, so that an unknown email
 * costs the same argon2id work as a wrong password. Made once, by
 * whichever thread first needs it. */
static char decoy[WM_PASSWORD_HASH_MAX];
static pthread_once_t decoy_once = PTHREAD_ONCE_INIT;

static void
make_decoy(void)
{
	wm_password_hash("not a password anyone has", decoy);
}

static const char *
decoy_hash(void)
{
	pthread_once(&decoy_once, make_decoy);
	return decoy;
}

/*
 * The throttle's keys for an attempt: the email as typed, trimmed and
 * lower-cased (as the account table compares emails), then hashed, so
 * that no email, known or not, is kept in clear; with the client it came
 * from ("email:HASH@CLIENT"), and the client alone ("ip:CLIENT"), where
 * the client is an IPv4 address, or an IPv6 address's /64 network
 * (wm_client_throttle_key), so that rotating through one's own /64 gains
 * no guesses. The same for an email with an account and one without, so
 * that the throttle cannot tell them apart.
 */
struct attempt {
	char email[WM_AUTH_MAX_EMAIL + 1];	/* normalised */
	char pair_key[WM_TOKEN_HASH_LEN + 80];
	char address_key[80];
	int64_t address_row;	/* this attempt's row under address_key */
};

static int
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void
attempt_init(struct attempt *a, const char *email, const char *address)
{
	char hash[WM_TOKEN_HASH_LEN + 1];
	char client[WM_CLIENT_ADDRESS_MAX];
	size_t n, i;

	while (blank(*email))
		email++;
	n = strnlen(email, sizeof(a->email) - 1);
	while (n > 0 && blank(email[n - 1]))
		n--;
	for (i = 0; i < n; i++)
		a->email[i] = email[i] >= 'A' && email[i] <= 'Z' ?
		    (char)(email[i] - 'A' + 'a') : email[i];
	a->email[n] = '\0';
	wm_token_hash(a->email, hash);
	wm_client_throttle_key(address, client);
	snprintf(a->pair_key, sizeof(a->pair_key), "email:%s@%s", hash,
	    client);
	snprintf(a->address_key, sizeof(a->address_key), "ip:%s", client);
	a->address_row = 0;
}

static int
record_of(struct wm_store *s, const char *key, int64_t now,
    struct wm_signin_record *r, struct wm_buf *err)
{
	return wm_store_signin_failures(s, key, now - WM_SIGNIN_WINDOW_SECONDS,
	    &r->count, &r->latest, err);
}

/*
 * Counts the attempts before this one and, unless they make it wait,
 * records it, all in one write transaction: simultaneous attempts are
 * counted one after another, so no more than the allowed number are ever
 * checked. Attempts older than the window are purged on the way. 0 (go
 * ahead), 1 (*wait filled) or -1 (err filled).
 */
static int
admit(struct wm_store *s, struct attempt *a, int64_t now, int64_t *wait,
    struct wm_buf *err)
{
	struct wm_signin_record pair, address;

	if (wm_store_begin(s, err))
		return -1;
	if (wm_store_signin_failures_purge(s, now - WM_SIGNIN_WINDOW_SECONDS,
	    err) || record_of(s, a->pair_key, now, &pair, err) ||
	    record_of(s, a->address_key, now, &address, err))
		goto fail;
	*wait = wm_signin_wait(&pair, &address, now);
	if (*wait == 0 && (wm_store_signin_failure_add(s, a->pair_key, now,
	    NULL, err) || wm_store_signin_failure_add(s, a->address_key, now,
	    &a->address_row, err)))
		goto fail;
	if (wm_store_commit(s, err))
		return -1;
	return *wait > 0;
fail:
	wm_store_rollback(s);
	return -1;
}

/* The start of every attempt, signing in or setting a password up: *out
 * cleared, *a made, and the attempt admitted by the throttle (WM_AUTH_OK)
 * or not (WM_AUTH_WAIT, with how long in out; WM_AUTH_ERROR). */
static enum wm_auth_result
admitted(struct wm_store *s, struct attempt *a, const char *email,
    const char *address, int64_t now, struct wm_auth_session *out,
    struct wm_buf *err)
{
	memset(out, 0, sizeof(*out));
	attempt_init(a, email, address);
	switch (admit(s, a, now, &out->wait_seconds, err)) {
	case 0:
		return WM_AUTH_OK;
	case 1:
		return WM_AUTH_WAIT;
	default:
		return WM_AUTH_ERROR;
	}
}

/* The account's id if `password` is its password; 0 if not, or if there
 * is no such account (after the same work). -1 if the store failed. */
static int64_t
check_password(struct wm_store *s, const char *email, const char *password,
    struct wm_buf *err)
{
	char hash[WM_PASSWORD_HASH_MAX];
	int64_t id = 0;
	int rc = wm_store_account_auth(s, email, &id, hash, sizeof(hash), err);
	int known = rc == 0 && hash[0];

	if (rc && rc != WM_STORE_NOT_FOUND)
		return -1;
	if (!wm_password_verify(known ? hash : decoy_hash(), password) ||
	    !known)
		return 0;
	return id;
}

/* A new session for the account, whose attempt succeeded: the pair's
 * failures and this attempt's own record are forgotten. */
static enum wm_auth_result
start_session(struct wm_store *s, const struct attempt *a, int64_t id,
    const char *address, int64_t now, struct wm_auth_session *out,
    struct wm_buf *err)
{
	char token_hash[WM_TOKEN_HASH_LEN + 1];

	if (wm_token_new(out->token) || wm_token_new(out->csrf)) {
		wm_buf_clear(err);
		wm_buf_puts(err, "no random numbers for the session");
		return WM_AUTH_ERROR;
	}
	wm_token_hash(out->token, token_hash);
	out->account_id = id;
	if (wm_store_begin(s, err))
		return WM_AUTH_ERROR;
	if (wm_store_signin_failures_clear(s, a->pair_key, err) ||
	    wm_store_signin_failure_forget(s, a->address_row, err) ||
	    wm_store_session_add(s, token_hash, id, out->csrf, now, address,
	    err) || wm_store_audit(s, id, "signed in", NULL, 0, NULL, address,
	    err) || wm_store_commit(s, err)) {
		wm_store_rollback(s);
		return WM_AUTH_ERROR;
	}
	return WM_AUTH_OK;
}

enum wm_auth_result
wm_auth_sign_in(struct wm_store *s, const char *email, const char *password,
    const char *address, int64_t now, struct wm_auth_session *out,
    struct wm_buf *err)
{
	enum wm_auth_result r;
	struct attempt a;
	int64_t id;

	if ((r = admitted(s, &a, email, address, now, out, err)) != WM_AUTH_OK)
		return r;
	id = check_password(s, a.email, password, err);
	if (id < 0)
		return WM_AUTH_ERROR;
	if (id == 0)
		return WM_AUTH_REFUSED;
	return start_session(s, &a, id, address, now, out, err);
}

enum wm_auth_result
wm_auth_setup(struct wm_store *s, const char *email, const char *code,
    const char *password, const char *address, int64_t now,
    struct wm_auth_session *out, struct wm_buf *err)
{
	char hash[WM_PASSWORD_HASH_MAX];
	enum wm_auth_result r;
	struct attempt a;
	int64_t id;
	int rc;

	if ((r = admitted(s, &a, email, address, now, out, err)) != WM_AUTH_OK)
		return r;
	/* Hashed whether or not the code turns out right, so that a wrong
	 * code costs the same time as a right one up to the answer. */
	if (wm_password_hash(password, hash)) {
		wm_buf_clear(err);
		wm_buf_puts(err, "the password could not be hashed (out of "
		    "memory)");
		return WM_AUTH_ERROR;
	}
	rc = wm_account_setup_use(s, a.email, code, hash, address, now, &id,
	    err);
	if (rc == WM_STORE_NOT_FOUND)
		return WM_AUTH_REFUSED;
	if (rc)
		return WM_AUTH_ERROR;
	return start_session(s, &a, id, address, now, out, err);
}

enum wm_auth_result
wm_auth_session(struct wm_store *s, const char *token, int64_t now,
    struct wm_auth_session *out, struct wm_buf *err)
{
	char token_hash[WM_TOKEN_HASH_LEN + 1];
	struct wm_session_row row;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!token || !wm_token_valid(token))
		return WM_AUTH_REFUSED;
	wm_token_hash(token, token_hash);
	rc = wm_store_session_get(s, token_hash, &row, err);
	if (rc == WM_STORE_NOT_FOUND)
		return WM_AUTH_REFUSED;
	if (rc)
		return WM_AUTH_ERROR;
	if (wm_session_state(row.created, row.last_seen, row.ended, now) !=
	    WM_SESSION_LIVE)
		return WM_AUTH_REFUSED;
	if (wm_session_needs_touch(row.last_seen, now) &&
	    wm_store_session_touch(s, token_hash, now, err))
		return WM_AUTH_ERROR;
	out->account_id = row.account_id;
	memcpy(out->csrf, row.csrf, sizeof(out->csrf));
	return WM_AUTH_OK;
}

int
wm_auth_sign_out(struct wm_store *s, const char *token, struct wm_buf *err)
{
	char token_hash[WM_TOKEN_HASH_LEN + 1];

	if (!token || !wm_token_valid(token))
		return 0;
	wm_token_hash(token, token_hash);
	return wm_store_session_end(s, token_hash, err);
}
