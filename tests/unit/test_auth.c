/*
 * Signing in and out on a real SQLite file: one answer for every refusal,
 * throttling per account and per address, and sessions that end.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/session.h"
#include "store/store.h"
#include "util/password.h"
#include "util/token.h"
#include "web/auth.h"

#define T0 1700000000
#define GOOD "correct horse battery"

struct fixture {
	char path[64];
	struct wm_store *s;
	struct wm_buf err;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	char hash[WM_PASSWORD_HASH_MAX];
	int64_t id;
	int a, b;

	snprintf(f->path, sizeof(f->path), "/tmp/wm-auth-%d.db", (int)getpid());
	unlink(f->path);
	wm_buf_init(&f->err, WM_BUF_DEFAULT_MAX);
	assert_int_equal(wm_store_open(f->path, WM_STORE_CREATE, &f->s,
	    &f->err), 0);
	assert_int_equal(wm_store_migrate(f->s, &a, &b, &f->err), 0);
	assert_int_equal(wm_password_hash(GOOD, hash), 0);
	assert_int_equal(wm_store_account_add(f->s, "jo@example.org", "Jo", 0,
	    hash, &id, &f->err), 0);
	assert_int_equal(wm_store_account_add(f->s, "sam@example.org", "Sam", 0,
	    hash, &id, &f->err), 0);
	assert_int_equal(wm_store_account_add(f->s, "nopw@example.org", "No", 0,
	    NULL, &id, &f->err), 0);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char side[80];

	wm_store_close(f->s);
	wm_buf_release(&f->err);
	unlink(f->path);
	snprintf(side, sizeof(side), "%s-wal", f->path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", f->path);
	unlink(side);
	free(f);
	return 0;
}

static enum wm_auth_result
sign_in(struct fixture *f, const char *email, const char *pw,
    const char *addr, int64_t now, struct wm_auth_session *out)
{
	return wm_auth_sign_in(f->s, email, pw, addr, now, out, &f->err);
}

static void
test_sign_in_and_out(void **state)
{
	struct fixture *f = *state;
	struct wm_auth_session in, seen;

	assert_int_equal(sign_in(f, "jo@example.org", GOOD, "127.0.0.1", T0,
	    &in), WM_AUTH_OK);
	assert_true(wm_token_valid(in.token));
	assert_true(wm_token_valid(in.csrf));
	assert_int_equal(wm_auth_session(f->s, in.token, T0 + 60, &seen,
	    &f->err), WM_AUTH_OK);
	assert_int_equal(seen.account_id, in.account_id);
	assert_string_equal(seen.csrf, in.csrf);
	/* Use keeps it alive past the idle limit from sign-in ... */
	assert_int_equal(wm_auth_session(f->s, in.token,
	    T0 + WM_SESSION_IDLE_SECONDS + 30, &seen, &f->err), WM_AUTH_OK);
	/* ... and signing out ends it for good. */
	assert_int_equal(wm_auth_sign_out(f->s, in.token, &f->err), 0);
	assert_int_equal(wm_auth_session(f->s, in.token,
	    T0 + WM_SESSION_IDLE_SECONDS + 40, &seen, &f->err), WM_AUTH_REFUSED);
	/* Each sign-in gets a new token. */
	assert_int_equal(sign_in(f, "jo@example.org", GOOD, "127.0.0.1", T0,
	    &seen), WM_AUTH_OK);
	assert_string_not_equal(seen.token, in.token);
	/* Unknown, malformed and missing tokens are refused quietly. */
	assert_int_equal(wm_auth_session(f->s, "x", T0, &seen, &f->err),
	    WM_AUTH_REFUSED);
	assert_int_equal(wm_auth_session(f->s, NULL, T0, &seen, &f->err),
	    WM_AUTH_REFUSED);
	assert_int_equal(wm_auth_sign_out(f->s, "x", &f->err), 0);
}

static void
test_timeouts(void **state)
{
	struct fixture *f = *state;
	struct wm_auth_session in, seen;
	int64_t t;

	assert_int_equal(sign_in(f, "jo@example.org", GOOD, "127.0.0.1", T0,
	    &in), WM_AUTH_OK);
	assert_int_equal(wm_auth_session(f->s, in.token,
	    T0 + WM_SESSION_IDLE_SECONDS, &seen, &f->err), WM_AUTH_REFUSED);
	assert_int_equal(sign_in(f, "jo@example.org", GOOD, "127.0.0.1", T0,
	    &in), WM_AUTH_OK);
	/* Use within a minute of the last recorded use writes nothing;
	 * after it, the use is recorded and the idle time starts again. */
	{
		char th[WM_TOKEN_HASH_LEN + 1];
		struct wm_session_row row;

		wm_token_hash(in.token, th);
		assert_int_equal(wm_auth_session(f->s, in.token, T0 + 59, &seen,
		    &f->err), WM_AUTH_OK);
		assert_int_equal(wm_store_session_get(f->s, th, &row, &f->err), 0);
		assert_int_equal(row.last_seen, T0);
		assert_int_equal(wm_auth_session(f->s, in.token, T0 + 60, &seen,
		    &f->err), WM_AUTH_OK);
		assert_int_equal(wm_store_session_get(f->s, th, &row, &f->err), 0);
		assert_int_equal(row.last_seen, T0 + 60);
		assert_int_equal(wm_auth_session(f->s, in.token,
		    T0 + 60 + WM_SESSION_IDLE_SECONDS - 1, &seen, &f->err),
		    WM_AUTH_OK);
	}
	/* Busy all day, the session still ends at 12 hours. */
	for (t = T0 + 600; t < T0 + WM_SESSION_MAX_SECONDS; t += 600)
		assert_int_equal(wm_auth_session(f->s, in.token, t, &seen,
		    &f->err), WM_AUTH_OK);
	assert_int_equal(wm_auth_session(f->s, in.token,
	    T0 + WM_SESSION_MAX_SECONDS, &seen, &f->err), WM_AUTH_REFUSED);
}

static void
test_refusals_are_alike(void **state)
{
	struct fixture *f = *state;
	struct wm_auth_session out;

	assert_int_equal(sign_in(f, "jo@example.org", "wrong password", "10.1.1.1",
	    T0, &out), WM_AUTH_REFUSED);
	assert_int_equal(sign_in(f, "nobody@example.org", GOOD, "10.1.1.2", T0,
	    &out), WM_AUTH_REFUSED);
	assert_int_equal(sign_in(f, "nopw@example.org", "", "10.1.1.3", T0,
	    &out), WM_AUTH_REFUSED);
	assert_int_equal(sign_in(f, "nopw@example.org", GOOD, "10.1.1.3", T0,
	    &out), WM_AUTH_REFUSED);
	assert_int_equal(out.account_id, 0);
	assert_int_equal(out.token[0], '\0');
}

static void
test_throttling(void **state)
{
	struct fixture *f = *state;
	struct wm_auth_session out;
	int i;

	/* Five wrong guesses at one account from different places ... */
	for (i = 0; i < WM_SIGNIN_FREE_FAILURES; i++) {
		char addr[32];

		snprintf(addr, sizeof(addr), "10.0.0.%d", i + 1);
		assert_int_equal(sign_in(f, "jo@example.org", "guess", addr,
		    T0, &out), WM_AUTH_REFUSED);
	}
	/* ... and even the right password must wait. */
	assert_int_equal(sign_in(f, "jo@example.org", GOOD, "10.0.0.9", T0,
	    &out), WM_AUTH_WAIT);
	assert_int_equal(out.wait_seconds, 1);
	assert_int_equal(sign_in(f, "jo@example.org", GOOD, "10.0.0.9", T0 + 1,
	    &out), WM_AUTH_OK);
	/* Success clears the account's count. */
	assert_int_equal(sign_in(f, "jo@example.org", "guess", "10.0.0.9",
	    T0 + 2, &out), WM_AUTH_REFUSED);
	assert_int_equal(sign_in(f, "jo@example.org", GOOD, "10.0.0.9", T0 + 2,
	    &out), WM_AUTH_OK);
	/* One address guessing across accounts is slowed as well. */
	for (i = 0; i < WM_SIGNIN_FREE_FAILURES + 1; i++)
		assert_int_equal(sign_in(f, i % 2 ? "sam@example.org" :
		    "nobody@example.org", "guess", "192.0.2.7", T0 + 100, &out),
		    i < WM_SIGNIN_FREE_FAILURES ? WM_AUTH_REFUSED : WM_AUTH_WAIT);
	assert_int_equal(sign_in(f, "sam@example.org", GOOD, "192.0.2.8",
	    T0 + 100, &out), WM_AUTH_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_sign_in_and_out, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_timeouts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refusals_are_alike, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_throttling, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
