/*
 * Signing in and out on a real SQLite file: one answer for every refusal,
 * throttling per (email, address) pair and per address (an IPv6 address
 * by its /64), alike for emails with and without an account, simultaneous
 * guesses counted one after another, and sessions that end.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/session.h"
#include "store/store.h"
#include "util/password.h"
#include "util/token.h"
#include "testutil.h"
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

	tu_db_path(f->path, sizeof(f->path), "auth");
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

	wm_store_close(f->s);
	wm_buf_release(&f->err);
	tu_remove_db(f->path);
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
	struct wm_auth_session out, other;
	int64_t n, latest;
	int i;

	/* Wrong guesses at Jo's email from elsewhere ... */
	for (i = 0; i < WM_SIGNIN_FREE_FAILURES + 3; i++) {
		char addr[32];

		snprintf(addr, sizeof(addr), "10.0.0.%d", i + 1);
		assert_int_equal(sign_in(f, "jo@example.org", "guess", addr,
		    T0, &out), WM_AUTH_REFUSED);
	}
	/* ... never make Jo wait at their own address. */
	assert_int_equal(sign_in(f, "jo@example.org", GOOD, "192.0.2.1", T0,
	    &out), WM_AUTH_OK);
	/* From one address, that email waits after five, even with the right
	 * password, however it is typed ... */
	for (i = 0; i < WM_SIGNIN_FREE_FAILURES; i++)
		assert_int_equal(sign_in(f, "jo@example.org", "guess", "10.9.9.9",
		    T0 + 10, &out), WM_AUTH_REFUSED);
	assert_int_equal(sign_in(f, "jo@example.org", GOOD, "10.9.9.9", T0 + 10,
	    &out), WM_AUTH_WAIT);
	assert_int_equal(out.wait_seconds, 2);
	assert_int_equal(sign_in(f, " JO@Example.ORG\t", GOOD, "10.9.9.9",
	    T0 + 11, &out), WM_AUTH_WAIT);
	assert_int_equal(out.wait_seconds, 1);
	/* ... exactly as an email with no account does. */
	for (i = 0; i < WM_SIGNIN_FREE_FAILURES; i++)
		assert_int_equal(sign_in(f, "nobody@example.org", "guess",
		    "10.9.9.8", T0 + 10, &other), WM_AUTH_REFUSED);
	assert_int_equal(sign_in(f, "nobody@example.org", GOOD, "10.9.9.8",
	    T0 + 11, &other), WM_AUTH_WAIT);
	assert_int_equal(other.wait_seconds, out.wait_seconds);
	/* The wait over, the right password works and clears the pair. */
	assert_int_equal(sign_in(f, "jo@example.org", GOOD, "10.9.9.9", T0 + 12,
	    &out), WM_AUTH_OK);
	assert_int_equal(wm_store_signin_failures(f->s, "ip:10.9.9.9", 0, &n,
	    &latest, &f->err), 0);
	assert_int_equal(n, WM_SIGNIN_FREE_FAILURES);
	for (i = 0; i < WM_SIGNIN_FREE_FAILURES - 1; i++)
		assert_int_equal(sign_in(f, "jo@example.org", "guess", "10.9.9.9",
		    T0 + 12, &out), WM_AUTH_REFUSED);
	assert_int_equal(sign_in(f, "jo@example.org", GOOD, "10.9.9.9", T0 + 12,
	    &out), WM_AUTH_OK);
	/* One address trying many emails is slowed too, but not the owner
	 * of one of them elsewhere. */
	for (i = 0; i < WM_SIGNIN_ADDRESS_FREE_FAILURES; i++) {
		char email[40];

		snprintf(email, sizeof(email), "user%d@example.org", i);
		assert_int_equal(sign_in(f, email, "guess", "198.51.100.7",
		    T0 + 100, &out), WM_AUTH_REFUSED);
	}
	assert_int_equal(sign_in(f, "sam@example.org", GOOD, "198.51.100.7",
	    T0 + 100, &out), WM_AUTH_WAIT);
	assert_int_equal(sign_in(f, "sam@example.org", GOOD, "198.51.100.8",
	    T0 + 100, &out), WM_AUTH_OK);
	/* Attempts older than the window are purged. */
	assert_int_equal(sign_in(f, "sam@example.org", "guess", "198.51.100.9",
	    T0 + 100 + WM_SIGNIN_WINDOW_SECONDS, &out), WM_AUTH_REFUSED);
	assert_int_equal(wm_store_signin_failures(f->s, "ip:198.51.100.7", 0, &n,
	    &latest, &f->err), 0);
	assert_int_equal(n, 0);
	assert_int_equal(wm_store_signin_failures(f->s, "ip:198.51.100.9", 0, &n,
	    &latest, &f->err), 0);
	assert_int_equal(n, 1);
}

/* An IPv6 client is its /64: a new address in it for each guess gains
 * nothing, for one email or for many, while the next /64 is another
 * client. */
static void
test_throttling_ipv6(void **state)
{
	struct fixture *f = *state;
	struct wm_auth_session out;
	char addr[64], email[40];
	int64_t n, latest;
	int i;

	for (i = 0; i < WM_SIGNIN_FREE_FAILURES; i++) {
		snprintf(addr, sizeof(addr), "2001:db8:1:2::%x", i + 1);
		assert_int_equal(sign_in(f, "jo@example.org", "guess", addr, T0,
		    &out), WM_AUTH_REFUSED);
	}
	assert_int_equal(sign_in(f, "jo@example.org", GOOD,
	    "2001:db8:1:2:aaaa:bbbb:cccc:dddd", T0, &out), WM_AUTH_WAIT);
	assert_int_equal(sign_in(f, "jo@example.org", GOOD, "2001:db8:1:3::1",
	    T0, &out), WM_AUTH_OK);
	for (i = 0; i < WM_SIGNIN_ADDRESS_FREE_FAILURES; i++) {
		snprintf(addr, sizeof(addr), "2001:db8:9:9::%x", i + 1);
		snprintf(email, sizeof(email), "user%d@example.org", i);
		assert_int_equal(sign_in(f, email, "guess", addr, T0 + 10,
		    &out), WM_AUTH_REFUSED);
	}
	assert_int_equal(sign_in(f, "sam@example.org", GOOD, "2001:db8:9:9::ff",
	    T0 + 10, &out), WM_AUTH_WAIT);
	assert_int_equal(wm_store_signin_failures(f->s, "ip:2001:db8:9:9::/64",
	    0, &n, &latest, &f->err), 0);
	assert_int_equal(n, WM_SIGNIN_ADDRESS_FREE_FAILURES);
	assert_int_equal(sign_in(f, "sam@example.org", GOOD, "2001:db8:9:a::1",
	    T0 + 10, &out), WM_AUTH_OK);
}

/* 24 simultaneous guesses, each on its own thread and connection to the
 * same file, as the server's workers are: each attempt is counted and
 * recorded in one write transaction before its password is checked, so
 * no more than the allowed number are checked. */
#define GUESSERS 24

struct guesser {
	const char *path;
	pthread_barrier_t *go;
	enum wm_auth_result result;
};

static void *
guess(void *arg)
{
	struct guesser *g = arg;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_auth_session out;
	struct wm_store *s = NULL;

	g->result = WM_AUTH_ERROR;
	if (wm_store_open(g->path, 0, &s, &err) == 0) {
		pthread_barrier_wait(g->go);
		g->result = wm_auth_sign_in(s, "jo@example.org", "a guess",
		    "203.0.113.5", T0, &out, &err);
	} else {
		pthread_barrier_wait(g->go);
	}
	wm_store_close(s);
	wm_buf_release(&err);
	return NULL;
}

static void
test_simultaneous_guesses(void **state)
{
	struct fixture *f = *state;
	struct guesser g[GUESSERS];
	pthread_t t[GUESSERS];
	pthread_barrier_t go;
	int i, checked = 0, waited = 0;
	int64_t n, latest;

	assert_int_equal(pthread_barrier_init(&go, NULL, GUESSERS), 0);
	for (i = 0; i < GUESSERS; i++) {
		g[i] = (struct guesser){ f->path, &go, WM_AUTH_ERROR };
		assert_int_equal(pthread_create(&t[i], NULL, guess, &g[i]), 0);
	}
	for (i = 0; i < GUESSERS; i++) {
		pthread_join(t[i], NULL);
		checked += g[i].result == WM_AUTH_REFUSED;
		waited += g[i].result == WM_AUTH_WAIT;
	}
	pthread_barrier_destroy(&go);
	assert_int_equal(checked, WM_SIGNIN_FREE_FAILURES);
	assert_int_equal(waited, GUESSERS - WM_SIGNIN_FREE_FAILURES);
	assert_int_equal(wm_store_signin_failures(f->s, "ip:203.0.113.5", 0, &n,
	    &latest, &f->err), 0);
	assert_int_equal(n, WM_SIGNIN_FREE_FAILURES);
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
		cmocka_unit_test_setup_teardown(test_throttling_ipv6, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_simultaneous_guesses, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
