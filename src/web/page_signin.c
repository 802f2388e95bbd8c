/*
 * Signing in and out. A refusal never says whether the email exists, and
 * nor does a wait: repeated failures are slowed alike for every email
 * (web/auth.c), and the wait is told in whole minutes.
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/session.h"
#include "util/escape.h"
#include "util/token.h"
#include "web/cookie.h"
#include "web/layout.h"

void
wm_text_field(struct wm_http *h, const char *id, const char *label,
    const char *hint, const char *type, const char *autocomplete,
    const char *value, const char *err)
{
	wm_form_group_start(h, id, label, hint, err);
	HTML(h, "<input class=\"nhsuk-input");
	if (err)
		HTML(h, " nhsuk-input--error");
	HTML(h, "\" id=\"");
	wm_esc_attr_s(&h->out, id);
	HTML(h, "\" name=\"");
	wm_esc_attr_s(&h->out, id);
	HTML(h, "\" type=\"");
	wm_esc_attr_s(&h->out, type);
	HTML(h, "\" autocomplete=\"");
	wm_esc_attr_s(&h->out, autocomplete);
	HTML(h, "\" spellcheck=\"false\"");
	if (hint || err) {
		HTML(h, " aria-describedby=\"");
		if (hint) {
			wm_esc_attr_s(&h->out, id);
			HTML(h, "-hint");
		}
		if (hint && err)
			HTML(h, " ");
		if (err) {
			wm_esc_attr_s(&h->out, id);
			HTML(h, "-error");
		}
		HTML(h, "\"");
	}
	if (value) {
		HTML(h, " value=\"");
		wm_esc_attr_s(&h->out, value);
		HTML(h, "\"");
	}
	HTML(h, ">\n</div>\n");
}

static void
form(struct wm_http *h, const char *pre, const char *email, const char *err)
{
	wm_page_start(h, "Sign in");
	if (err)
		wm_error_summary(h, "email", err);
	wm_form_open(h, "/sign-in", NULL, pre);
	wm_text_field(h, "email", "Email address", NULL, "email", "username",
	    email ? email : "", err);
	wm_text_field(h, "password", "Password", NULL, "password",
	    "current-password", NULL, NULL);
	HTML(h, "<button class=\"nhsuk-button\" type=\"submit\">Sign in"
	    "</button>\n</form>\n<p class=\"nhsuk-body\">Been given a setup "
	    "code? <a href=\"/setup\">Choose your password</a>.</p>\n");
	wm_page_end(h);
}

int
wm_pre_token(struct wm_http *h, char out[WM_TOKEN_LEN + 1])
{
	if (wm_cookie_get(h->cookies, h->site->pre_cookie, out,
	    WM_TOKEN_LEN + 1) == 0 && wm_token_valid(out))
		return 0;
	if (wm_token_new(out))
		return -1;
	wm_http_cookie(h, h->site->pre_cookie, out, 3600);
	return 0;
}

void
wm_page_sign_in_form(struct wm_http *h)
{
	char pre[WM_TOKEN_LEN + 1];

	if (h->signed_in) {
		wm_http_redirect(h, "/");
		return;
	}
	if (wm_pre_token(h, pre)) {
		wm_page_error(h, 500, "Sorry, there is a problem",
		    "Waymark could not start signing you in. Try again.");
		return;
	}
	form(h, pre, NULL, NULL);
}

void
wm_page_sign_in(struct wm_http *h)
{
	const char *email = wm_form_get(&h->form, "email");
	const char *password = wm_form_get(&h->form, "password");
	const char *pre = wm_form_get(&h->form, "csrf");
	struct wm_buf err = WM_BUF_INIT;
	int64_t minutes;
	char msg[120];

	switch (wm_auth_sign_in(h->store, email ? email : "",
	    password ? password : "", h->address, h->now, &h->who, &err)) {
	case WM_AUTH_OK:
		wm_http_cookie(h, h->site->session_cookie, h->who.token,
		    WM_SESSION_MAX_COOKIE);
		wm_http_redirect(h, "/");
		break;
	case WM_AUTH_REFUSED:
		h->status = 200;
		form(h, pre, email, "Email or password not recognised");
		break;
	case WM_AUTH_WAIT:
		h->status = 429;
		minutes = wm_signin_wait_minutes(h->who.wait_seconds);
		snprintf(msg, sizeof(msg), "Too many attempts to sign in. Wait "
		    "%lld minute%s, then try again.", (long long)minutes,
		    minutes == 1 ? "" : "s");
		form(h, pre, email, msg);
		break;
	case WM_AUTH_ERROR:
		wm_page_store_error(h, WM_STORE_ERROR, wm_buf_str(&err));
		break;
	}
	wm_buf_release(&err);
}

void
wm_page_sign_out(struct wm_http *h)
{
	char token[WM_TOKEN_LEN + 1];
	struct wm_buf err = WM_BUF_INIT;

	/* If the session could not be ended, say so: the person must not
	 * leave believing they are signed out. */
	if (wm_cookie_get(h->cookies, h->site->session_cookie, token,
	    sizeof(token)) == 0 && !wm_page_store_ok(h,
	    wm_auth_sign_out(h->store, token, &err), &err))
		goto out;
	wm_http_cookie(h, h->site->session_cookie, "", 0);
	wm_http_redirect(h, "/sign-in");
out:
	wm_buf_release(&err);
}
