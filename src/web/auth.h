/*
 * Signing in and out, and recognising a session from its cookie token.
 * Orchestrates the password check (util), the rules for sessions and
 * guessing (core) and their records (store). Never says whether an email
 * exists: an unknown email and a wrong password get the same answer and
 * cost the same time, and the throttle treats them alike, keyed by the
 * hash of the email tried (whether or not it has an account) and the
 * client it came from (an IPv4 address, or an IPv6 address's /64), and by
 * the client alone (core/session.h). Each
 * attempt is recorded before its password is checked, in the same write
 * transaction that counts the attempts before it.
 */
#ifndef WM_WEB_AUTH_H
#define WM_WEB_AUTH_H

#include <stdint.h>

#include "store/store.h"
#include "util/token.h"

enum wm_auth_result {
	WM_AUTH_OK,
	WM_AUTH_REFUSED,	/* "email or password not recognised" */
	WM_AUTH_WAIT,		/* too many recent failures: try later */
	WM_AUTH_ERROR,		/* the store failed; see err */
};

struct wm_auth_session {
	int64_t account_id;
	char token[WM_TOKEN_LEN + 1];	/* the cookie value (sign-in only) */
	char csrf[WM_TOKEN_LEN + 1];	/* the session's form token */
	int64_t wait_seconds;		/* with WM_AUTH_WAIT */
};

/* Emails longer than this are cut to it (no account has one). */
#define WM_AUTH_MAX_EMAIL 320

/* Signs in: WM_AUTH_OK with a new session in *out; WM_AUTH_REFUSED for a
 * wrong password or unknown email alike; WM_AUTH_WAIT (the wait in
 * out->wait_seconds, the password not even checked) while recent failures
 * for the same email from the same address, or from the address, say so.
 * The email is trimmed and compared without regard to case. */
WM_MUST_USE enum wm_auth_result wm_auth_sign_in(struct wm_store *s,
    const char *email, const char *password, const char *address,
    int64_t now, struct wm_auth_session *out, struct wm_buf *err);

/* Uses a one-time setup code (store/accounts.h) to set the account's
 * password, already checked by the password rule: WM_AUTH_OK with a new
 * session in *out (every other session of the account ended);
 * WM_AUTH_REFUSED alike for a wrong, used or expired code and an email
 * with no active account; WM_AUTH_WAIT as for signing in, with which it
 * shares its count of failures, so that guessing codes is slowed exactly
 * as guessing passwords is. */
WM_MUST_USE enum wm_auth_result wm_auth_setup(struct wm_store *s,
    const char *email, const char *code, const char *password,
    const char *address, int64_t now, struct wm_auth_session *out,
    struct wm_buf *err);

/* The live session for a cookie token, refreshed (its idle time starts
 * again); WM_AUTH_REFUSED if it is unknown, idle, expired or ended. */
WM_MUST_USE enum wm_auth_result wm_auth_session(struct wm_store *s,
    const char *token, int64_t now, struct wm_auth_session *out,
    struct wm_buf *err);

/* Ends the session (idempotent). */
WM_MUST_USE int wm_auth_sign_out(struct wm_store *s, const char *token,
    struct wm_buf *err);

#endif
