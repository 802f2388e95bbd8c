/*
 * The JSON API's sign-in: the same checks, throttling and session as the
 * sign-in form, for programs. The reply carries the token that every
 * change must send back in X-CSRF-Token.
 */
#include "web/pages.h"

#include <stdio.h>

#include "core/session.h"

#include "web/api.h"
#include "web/cookie.h"

static int
account_json(void *ctx, const struct wm_account_row *a)
{
	json_t **out = ctx;

	*out = json_pack("{s:I, s:s, s:s, s:s?, s:s?}", "id",
	    (json_int_t)a->id, "email", a->email, "name", a->name, "roles",
	    a->grants, "person", a->person);
	return 1;
}

/* Who is signed in, and the session's token. */
static void
session_reply(struct wm_http *h, int status)
{
	struct wm_buf err = WM_BUF_INIT;
	json_t *account = NULL;

	if (!wm_page_store_ok(h, wm_store_account_get(h->store,
	    h->who.account_id, account_json, &account, &err), &err) ||
	    !account)
		wm_api_error(h, 500, "the session could not be read", NULL);
	else
		wm_api_reply(h, status, json_pack("{s:o, s:s}", "account",
		    account, "csrf", h->who.csrf));
	wm_buf_release(&err);
}

void
wm_api_session_get(struct wm_http *h)
{
	session_reply(h, 200);
}

void
wm_api_sign_in(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	const char *email, *password;
	json_t *body = wm_api_body(h);
	int64_t minutes;
	char msg[120];

	if (!body || wm_api_string(h, body, "email", 1, &email) ||
	    wm_api_string(h, body, "password", 1, &password))
		goto out;
	switch (wm_auth_sign_in(h->store, email, password, h->address, h->now,
	    &h->who, &err)) {
	case WM_AUTH_OK:
		wm_http_cookie(h, h->site->session_cookie, h->who.token,
		    WM_SESSION_MAX_COOKIE);
		session_reply(h, 200);
		break;
	case WM_AUTH_REFUSED:
		wm_api_error(h, 401, "email or password not recognised", NULL);
		break;
	case WM_AUTH_WAIT:
		minutes = wm_signin_wait_minutes(h->who.wait_seconds);
		snprintf(msg, sizeof(msg), "too many attempts to sign in: wait "
		    "%lld minute%s, then try again", (long long)minutes,
		    minutes == 1 ? "" : "s");
		wm_api_error(h, 429, msg, NULL);
		break;
	case WM_AUTH_ERROR:
		wm_page_store_error(h, WM_STORE_ERROR, wm_buf_str(&err));
		break;
	}
out:
	json_decref(body);
	wm_buf_release(&err);
}

void
wm_api_sign_out(struct wm_http *h)
{
	char token[WM_TOKEN_LEN + 1];
	struct wm_buf err = WM_BUF_INIT;

	if (wm_cookie_get(h->cookies, h->site->session_cookie, token,
	    sizeof(token)) == 0 && !wm_page_store_ok(h,
	    wm_auth_sign_out(h->store, token, &err), &err))
		wm_api_error(h, 500, "the session could not be ended", NULL);
	else {
		wm_http_cookie(h, h->site->session_cookie, "", 0);
		wm_api_reply(h, 200, json_pack("{s:b}", "signed_out", 1));
	}
	wm_buf_release(&err);
}
