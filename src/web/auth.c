#include "web/auth.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "core/session.h"
#include "util/password.h"

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

/* The longest wait that recent failures (by account or by address)
 * impose, counted from the latest of them. */
static int
wait_needed(struct wm_store *s, const char *key, int64_t now, int64_t *wait,
    struct wm_buf *err)
{
	int64_t n, latest, delay;
	int rc = wm_store_signin_failures(s, key, now -
	    WM_SIGNIN_WINDOW_SECONDS, &n, &latest, err);

	if (rc)
		return rc;
	delay = wm_signin_delay(n);
	if (delay && latest + delay > now && latest + delay - now > *wait)
		*wait = latest + delay - now;
	return 0;
}

static enum wm_auth_result
refuse(struct wm_store *s, const char *account_key, const char *address_key,
    int64_t now, struct wm_buf *err)
{
	if ((account_key[0] && wm_store_signin_failure_add(s, account_key, now,
	    err)) || wm_store_signin_failure_add(s, address_key, now, err))
		return WM_AUTH_ERROR;
	return WM_AUTH_REFUSED;
}

enum wm_auth_result
wm_auth_sign_in(struct wm_store *s, const char *email, const char *password,
    const char *address, int64_t now, struct wm_auth_session *out,
    struct wm_buf *err)
{
	char hash[WM_PASSWORD_HASH_MAX], account_key[40] = "", address_key[80];
	char token_hash[WM_TOKEN_HASH_LEN + 1];
	int64_t id = 0;
	int rc, known;

	memset(out, 0, sizeof(*out));
	snprintf(address_key, sizeof(address_key), "address:%.64s",
	    address ? address : "");
	rc = wm_store_account_auth(s, email, &id, hash, sizeof(hash), err);
	if (rc && rc != WM_STORE_NOT_FOUND)
		return WM_AUTH_ERROR;
	known = rc == 0 && hash[0];
	if (rc == 0)
		snprintf(account_key, sizeof(account_key), "account:%lld",
		    (long long)id);
	if ((account_key[0] && wait_needed(s, account_key, now,
	    &out->wait_seconds, err)) ||
	    wait_needed(s, address_key, now, &out->wait_seconds, err))
		return WM_AUTH_ERROR;
	if (out->wait_seconds > 0)
		return WM_AUTH_WAIT;
	if (!wm_password_verify(known ? hash : decoy_hash(), password) || !known)
		return refuse(s, account_key, address_key, now, err);
	if (wm_token_new(out->token) || wm_token_new(out->csrf)) {
		wm_buf_clear(err);
		wm_buf_puts(err, "no random numbers for the session");
		return WM_AUTH_ERROR;
	}
	wm_token_hash(out->token, token_hash);
	out->account_id = id;
	if (wm_store_signin_failures_clear(s, account_key, err) ||
	    wm_store_session_add(s, token_hash, id, out->csrf, now, address,
	    err) || wm_store_audit(s, id, "signed in", NULL, 0, NULL, address,
	    err))
		return WM_AUTH_ERROR;
	return WM_AUTH_OK;
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
