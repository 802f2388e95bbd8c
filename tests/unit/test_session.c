/*
 * Sessions and sign-in throttling: the rules in core, the tokens in util,
 * and the records in a real SQLite file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/session.h"
#include "store/store.h"
#include "util/password.h"
#include "util/token.h"
#include "testutil.h"

static void
test_session_rules(void **state)
{
	const int64_t t = 1700000000;

	(void)state;
	assert_int_equal(wm_session_state(t, t, 0, t), WM_SESSION_LIVE);
	assert_int_equal(wm_session_state(t, t, 0,
	    t + WM_SESSION_IDLE_SECONDS - 1), WM_SESSION_LIVE);
	assert_int_equal(wm_session_state(t, t, 0,
	    t + WM_SESSION_IDLE_SECONDS), WM_SESSION_IDLE);
	/* Kept busy, a session still ends after 12 hours. */
	assert_int_equal(wm_session_state(t, t + WM_SESSION_MAX_SECONDS - 10, 0,
	    t + WM_SESSION_MAX_SECONDS - 1), WM_SESSION_LIVE);
	assert_int_equal(wm_session_state(t, t + WM_SESSION_MAX_SECONDS - 10, 0,
	    t + WM_SESSION_MAX_SECONDS), WM_SESSION_EXPIRED);
	assert_int_equal(wm_session_state(t, t, 1, t), WM_SESSION_ENDED);
	/* A clock that went backwards does not extend a session. */
	assert_int_equal(wm_session_state(t, t, 0, t - 5), WM_SESSION_EXPIRED);
	/* Use is recorded to the minute, not on every request. */
	assert_false(wm_session_needs_touch(t, t));
	assert_false(wm_session_needs_touch(t, t + WM_SESSION_TOUCH_SECONDS - 1));
	assert_true(wm_session_needs_touch(t, t + WM_SESSION_TOUCH_SECONDS));
	assert_true(wm_session_needs_touch(t, t - 1));
	assert_true(WM_SESSION_TOUCH_SECONDS * 10 <= WM_SESSION_IDLE_SECONDS);
}

static void
test_signin_delay(void **state)
{
	static const int64_t want[][2] = {
		{ 0, 0 }, { 1, 0 }, { 4, 0 }, { 5, 1 }, { 6, 2 }, { 7, 4 },
		{ 10, 32 }, { 14, 512 }, { 15, 900 }, { 100, 900 },
		{ INT64_MAX, 900 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		assert_int_equal(wm_signin_delay(want[i][0]), want[i][1]);
}

/* The wait before an attempt: per (email, address) pair after 5 failures,
 * per address after 30, each counted from the latest failure to the end
 * of its second; told in whole minutes. */
static void
test_signin_wait(void **state)
{
	struct wm_signin_record pair = { 0, 0 }, addr = { 0, 0 };

	(void)state;
	assert_int_equal(wm_signin_wait(&pair, &addr, 1000), 0);
	pair = (struct wm_signin_record){ WM_SIGNIN_FREE_FAILURES - 1, 1000 };
	assert_int_equal(wm_signin_wait(&pair, &addr, 1000), 0);
	/* The fifth failure: 1 s, which could be almost 2 s of clock. */
	pair.count = WM_SIGNIN_FREE_FAILURES;
	assert_int_equal(wm_signin_wait(&pair, &addr, 1000), 2);
	assert_int_equal(wm_signin_wait(&pair, &addr, 1001), 1);
	assert_int_equal(wm_signin_wait(&pair, &addr, 1002), 0);
	pair.count = WM_SIGNIN_FREE_FAILURES + 3;
	assert_int_equal(wm_signin_wait(&pair, &addr, 1000), 9);
	/* An address gets more before it is slowed ... */
	pair = (struct wm_signin_record){ 0, 0 };
	addr = (struct wm_signin_record){ WM_SIGNIN_ADDRESS_FREE_FAILURES - 1,
	    1000 };
	assert_int_equal(wm_signin_wait(&pair, &addr, 1000), 0);
	addr.count = WM_SIGNIN_ADDRESS_FREE_FAILURES + 1;
	assert_int_equal(wm_signin_wait(&pair, &addr, 1000), 3);
	/* ... and the longer of the two waits counts. */
	pair = (struct wm_signin_record){ WM_SIGNIN_FREE_FAILURES + 4, 990 };
	assert_int_equal(wm_signin_wait(&pair, &addr, 1000), 7);
	assert_int_equal(wm_signin_wait_minutes(0), 0);
	assert_int_equal(wm_signin_wait_minutes(1), 1);
	assert_int_equal(wm_signin_wait_minutes(60), 1);
	assert_int_equal(wm_signin_wait_minutes(61), 2);
	assert_int_equal(wm_signin_wait_minutes(901), 16);
}

static void
test_tokens(void **state)
{
	char a[WM_TOKEN_LEN + 1], b[WM_TOKEN_LEN + 1];
	char ha[WM_TOKEN_HASH_LEN + 1], ha2[WM_TOKEN_HASH_LEN + 1];
	char hb[WM_TOKEN_HASH_LEN + 1];

	(void)state;
	assert_int_equal(wm_token_new(a), 0);
	assert_int_equal(wm_token_new(b), 0);
	assert_int_equal(strlen(a), WM_TOKEN_LEN);
	assert_true(wm_token_valid(a));
	assert_string_not_equal(a, b);
	assert_true(wm_token_equal(a, a));
	assert_false(wm_token_equal(a, b));
	assert_false(wm_token_equal(a, "short"));
	wm_token_hash(a, ha);
	wm_token_hash(a, ha2);
	wm_token_hash(b, hb);
	assert_int_equal(strlen(ha), WM_TOKEN_HASH_LEN);
	assert_string_equal(ha, ha2);
	assert_string_not_equal(ha, hb);
	assert_null(strstr(ha, a));
	assert_false(wm_token_valid(""));
	assert_false(wm_token_valid("has spaces and is not forty three chars"));
	assert_false(wm_token_valid("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa="));
	assert_false(wm_token_valid("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa+/"));
	assert_true(wm_token_valid("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-_"));
}

static void
test_session_store(void **state)
{
	char path[64], hash[WM_PASSWORD_HASH_MAX], got[160];
	char token[WM_TOKEN_LEN + 1], th[WM_TOKEN_HASH_LEN + 1];
	char csrf[WM_TOKEN_LEN + 1];
	struct wm_buf err = WM_BUF_INIT;
	struct wm_session_row row;
	struct wm_store *s;
	int64_t id, got_id, n, latest;
	int from, to;

	(void)state;
	tu_db_path(path, sizeof(path), "session");
	assert_int_equal(wm_store_open(path, WM_STORE_CREATE, &s, &err), 0);
	assert_int_equal(wm_store_migrate(s, &from, &to, &err), 0);
	assert_int_equal(wm_password_hash("correct horse battery", hash), 0);
	assert_int_equal(wm_store_account_add(s, "jo@example.org", "Jo", 0,
	    hash, &id, &err), 0);
	assert_int_equal(wm_store_account_auth(s, "JO@example.org", &got_id, got,
	    sizeof(got), &err), 0);
	assert_int_equal(got_id, id);
	assert_true(wm_password_verify(got, "correct horse battery"));
	assert_int_equal(wm_store_account_auth(s, "nobody@example.org", &got_id,
	    got, sizeof(got), &err), WM_STORE_NOT_FOUND);

	assert_int_equal(wm_token_new(token), 0);
	assert_int_equal(wm_token_new(csrf), 0);
	wm_token_hash(token, th);
	assert_int_equal(wm_store_session_add(s, th, id, csrf, 1000, "127.0.0.1",
	    &err), 0);
	assert_int_equal(wm_store_session_get(s, th, &row, &err), 0);
	assert_int_equal(row.account_id, id);
	assert_string_equal(row.csrf, csrf);
	assert_int_equal(row.created, 1000);
	assert_int_equal(row.last_seen, 1000);
	assert_int_equal(wm_store_session_touch(s, th, 1500, &err), 0);
	assert_int_equal(wm_store_session_get(s, th, &row, &err), 0);
	assert_int_equal(row.last_seen, 1500);
	assert_int_equal(wm_store_session_end(s, th, &err), 0);
	assert_int_equal(wm_store_session_get(s, th, &row, &err), 0);
	assert_int_equal(row.ended, 1);
	/* An ended session is not revived by use. */
	assert_int_equal(wm_store_session_touch(s, th, 1600, &err), 0);
	assert_int_equal(wm_store_session_get(s, th, &row, &err), 0);
	assert_int_equal(row.last_seen, 1500);
	/* Looking up by the token itself, not its hash, finds nothing. */
	assert_int_equal(wm_store_session_get(s, token, &row, &err),
	    WM_STORE_NOT_FOUND);

	assert_int_equal(wm_store_signin_failure_add(s, "account:1", 100, NULL,
	    &err), 0);
	assert_int_equal(wm_store_signin_failure_add(s, "account:1", 200, &id,
	    &err), 0);
	assert_int_equal(wm_store_signin_failure_add(s, "address:10.0.0.1", 200,
	    NULL, &err), 0);
	assert_int_equal(wm_store_signin_failures(s, "account:1", 50, &n,
	    &latest, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(latest, 200);
	assert_int_equal(wm_store_signin_failures(s, "account:1", 150, &n,
	    &latest, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(wm_store_signin_failures_clear(s, "account:1", &err), 0);
	assert_int_equal(wm_store_signin_failures(s, "account:1", 0, &n,
	    &latest, &err), 0);
	assert_int_equal(n, 0);
	assert_int_equal(wm_store_signin_failures(s, "address:10.0.0.1", 0, &n,
	    &latest, &err), 0);
	assert_int_equal(n, 1);
	/* One attempt forgotten by its id; old ones purged by time. */
	assert_int_equal(wm_store_signin_failure_add(s, "account:2", 300, &id,
	    &err), 0);
	assert_int_equal(wm_store_signin_failure_add(s, "account:2", 400, NULL,
	    &err), 0);
	assert_int_equal(wm_store_signin_failure_forget(s, id, &err), 0);
	assert_int_equal(wm_store_signin_failures(s, "account:2", 0, &n,
	    &latest, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(latest, 400);
	assert_int_equal(wm_store_signin_failures_purge(s, 300, &err), 0);
	assert_int_equal(wm_store_signin_failures(s, "address:10.0.0.1", 0, &n,
	    &latest, &err), 0);
	assert_int_equal(n, 0);
	assert_int_equal(wm_store_signin_failures(s, "account:2", 0, &n,
	    &latest, &err), 0);
	assert_int_equal(n, 1);
	wm_store_close(s);
	wm_buf_release(&err);
	tu_remove_db(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_session_rules),
		cmocka_unit_test(test_signin_delay),
		cmocka_unit_test(test_signin_wait),
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_session_store),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
