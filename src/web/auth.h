/*
 * Signing in and out, and recognising a session from its cookie token.
 * Orchestrates the password check (util), the rules for sessions and
 * guessing (core) and their records (store). Never says whether an email
 * exists: an unknown email and a wrong password get the same answer and
 * cost the same time.
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

enum wm_auth_result wm_auth_sign_in(struct wm_store *s, const char *email,
    const char *password, const char *address, int64_t now,
    struct wm_auth_session *out, struct wm_buf *err);

/* The live session for a cookie token, refreshed (its idle time starts
 * again); WM_AUTH_REFUSED if it is unknown, idle, expired or ended. */
enum wm_auth_result wm_auth_session(struct wm_store *s, const char *token,
    int64_t now, struct wm_auth_session *out, struct wm_buf *err);

/* Ends the session (idempotent). */
int wm_auth_sign_out(struct wm_store *s, const char *token,
    struct wm_buf *err);

#endif
