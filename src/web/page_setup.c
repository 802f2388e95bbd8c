/*
 * GET and POST /setup: choosing one's own password with the one-time
 * setup code an administrator gave (core/account.h). Public, protected
 * like the sign-in form by its own token, and slowed against guessing
 * exactly as signing in is (web/auth.c). A refusal never says whether
 * the email has an account, nor which of email and code was wrong.
 */
#include "web/pages.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "core/session.h"
#include "util/escape.h"
#include "util/password.h"
#include "web/cookie.h"
#include "web/layout.h"

/* cracklib keeps state between checks, and handlers run on several
 * threads: one check at a time. */
static pthread_mutex_t check_lock = PTHREAD_MUTEX_INITIALIZER;

enum { F_EMAIL, F_CODE, F_PASSWORD, F_AGAIN, N_FIELDS };

static void
form(struct wm_http *h, const char *pre, const char *email,
    const struct wm_field_error *e)
{
	wm_page_start(h, "Choose your password");
	if (e)
		wm_error_summary_list(h, e, N_FIELDS);
	HTML(h, "<p class=\"nhsuk-body\">Use the setup code you were given: "
	    "by your administrator, or by the person who invited you as their "
	    "supporter. It works once, for 7 days. If it has run out, ask them "
	    "for a new one.</p>\n");
	wm_form_open(h, "/setup", NULL, pre);
	wm_text_field(h, "email", "Email address", NULL, "email", "username",
	    email, e ? e[F_EMAIL].message : NULL);
	wm_text_field(h, "code", "Setup code", "Like 7KQM-D2XR-9PHW-B4TN: "
	    "capitals or not, with or without the dashes.", "text",
	    "one-time-code", NULL, e ? e[F_CODE].message : NULL);
	wm_text_field(h, "password", "New password", "At least 10 "
	    "characters, and not easy to guess: a few words you will "
	    "remember is best.", "password", "new-password", NULL,
	    e ? e[F_PASSWORD].message : NULL);
	wm_text_field(h, "again", "New password again", NULL, "password",
	    "new-password", NULL, e ? e[F_AGAIN].message : NULL);
	HTML(h, "<button class=\"nhsuk-button\" type=\"submit\">Set my password "
	    "and sign in</button>\n</form>\n");
	wm_page_end(h);
}

void
wm_page_setup_form(struct wm_http *h)
{
	char pre[WM_TOKEN_LEN + 1];

	if (wm_pre_token(h, pre)) {
		wm_page_error(h, 500, "Sorry, there is a problem",
		    "Waymark could not start the form. Try again.");
		return;
	}
	form(h, pre, NULL, NULL);
}

/* Checks the fields that say nothing about any account: each one's
 * problem into e, the password's (by the one rule for every password)
 * into why. 1 if any. */
static int
problems(const char *email, const char *code, const char *password,
    const char *again, struct wm_field_error *e, struct wm_buf *why)
{
	if (!email[0])
		e[F_EMAIL].message = "Enter your email address";
	else if (wm_email_problem(email))
		e[F_EMAIL].message = "Enter an email address like "
		    "name@example.org";
	if (!code[0])
		e[F_CODE].message = "Enter the setup code you were given";
	if (!password[0])
		e[F_PASSWORD].message = "Enter a new password";
	else {
		pthread_mutex_lock(&check_lock);
		if (wm_password_check(password, email, why))
			e[F_PASSWORD].message = wm_buf_str(why);
		pthread_mutex_unlock(&check_lock);
	}
	if (!e[F_PASSWORD].message && strcmp(password, again) != 0)
		e[F_AGAIN].message = "The two passwords are not the same";
	return e[F_EMAIL].message || e[F_CODE].message ||
	    e[F_PASSWORD].message || e[F_AGAIN].message;
}

static const char *
field_or_empty(struct wm_http *h, const char *name)
{
	const char *v = wm_form_get(&h->form, name);

	return v ? v : "";
}

void
wm_page_setup(struct wm_http *h)
{
	const char *email = field_or_empty(h, "email");
	const char *code = field_or_empty(h, "code");
	const char *password = field_or_empty(h, "password");
	const char *again = field_or_empty(h, "again");
	const char *pre = field_or_empty(h, "csrf");
	struct wm_field_error e[N_FIELDS] = { { "email", NULL },
	    { "code", NULL }, { "password", NULL }, { "again", NULL } };
	struct wm_buf why = WM_BUF_INIT, err = WM_BUF_INIT;
	char msg[120];
	int64_t minutes;

	h->status = 400;
	if (strlen(email) > WM_AUTH_MAX_EMAIL) {
		e[F_EMAIL].message = "Enter an email address like "
		    "name@example.org";
		email = "";
	}
	if (e[F_EMAIL].message || problems(email, code, password, again, e,
	    &why)) {
		form(h, pre, email, e);
		goto out;
	}
	switch (wm_auth_setup(h->store, email, code, password, h->address,
	    h->now, &h->who, &err)) {
	case WM_AUTH_OK:
		wm_http_cookie(h, h->site->session_cookie, h->who.token,
		    WM_SESSION_MAX_COOKIE);
		wm_http_redirect(h, "/");
		goto out;
	case WM_AUTH_REFUSED:
		e[F_CODE].message = "That setup code is not recognised for "
		    "this email address, or it has been used or has run out. "
		    "Check both, or ask your administrator for a new code.";
		break;
	case WM_AUTH_WAIT:
		h->status = 429;
		minutes = wm_signin_wait_minutes(h->who.wait_seconds);
		snprintf(msg, sizeof(msg), "Too many attempts. Wait %lld "
		    "minute%s, then try again.", (long long)minutes,
		    minutes == 1 ? "" : "s");
		e[F_CODE].message = msg;
		break;
	case WM_AUTH_ERROR:
		wm_page_store_error(h, WM_STORE_ERROR, wm_buf_str(&err));
		goto out;
	}
	form(h, pre, email, e);
out:
	wm_buf_release(&why);
	wm_buf_release(&err);
}
