/*
 * Administering accounts: core's rules for grants, setup codes and an
 * administrator's own account, and the steps the command line and the
 * web share (store/accounts.h) over a real SQLite file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/account.h"
#include "store/accounts.h"
#include "util/password.h"
#include "util/token.h"
#include "testutil.h"

static const struct {
	const char *text;
	const char *problem;	/* a fragment of it, or NULL: fine */
	enum wm_role role;
	const char *unit;
	enum wm_stakeholder group;
} grants[] = {
	{ "practitioner@svc", NULL, WM_ROLE_PRACTITIONER, "svc", 0 },
	{ "validator@svc/lived-experience", NULL, WM_ROLE_VALIDATOR, "svc",
	    WM_STAKEHOLDER_LIVED_EXPERIENCE },
	{ "admin@net", NULL, WM_ROLE_ADMIN, "net", 0 },
	{ "validator@svc", "stakeholder group", 0, NULL, 0 },
	{ "validator@svc/", "stakeholder group", 0, NULL, 0 },
	{ "validator@svc/family", "stakeholder group", 0, NULL, 0 },
	{ "lead@svc/supporter", "only a validator", 0, NULL, 0 },
	{ "boss@svc", "the role must be", 0, NULL, 0 },
	{ "practitioner", "ROLE@UNIT", 0, NULL, 0 },
	{ "practitioner@", "name the unit", 0, NULL, 0 },
	{ "practitioner@Svc", "lower-case", 0, NULL, 0 },
	{ "practitioner@svc\n", "lower-case", 0, NULL, 0 },
	{ "practitioner@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaa", "lower-case", 0, NULL, 0 },
	{ "a-very-long-role-name@svc", "ROLE@UNIT", 0, NULL, 0 },
};

static void
test_grant_rules(void **state)
{
	struct wm_grant_spec g;
	const char *p;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(grants) / sizeof(grants[0]); i++) {
		p = wm_grant_parse(grants[i].text, &g);
		if (!grants[i].problem) {
			assert_null(p);
			assert_int_equal(g.role, grants[i].role);
			assert_string_equal(g.unit, grants[i].unit);
			assert_int_equal(g.group, grants[i].group);
		} else {
			assert_non_null(p);
			assert_non_null(strstr(p, grants[i].problem));
		}
	}
	/* The web's three fields get the same rule and the same words. */
	assert_string_equal(wm_grant_check("validator", "svc", "", &g),
	    wm_grant_parse("validator@svc", &g));
	assert_null(wm_grant_check("validator", "svc", "peer-worker", &g));
	assert_int_equal(g.group, WM_STAKEHOLDER_PEER_WORKER);
	assert_null(wm_grant_unit_problem(WM_ROLE_PRACTITIONER,
	    WM_UNIT_SERVICE));
	assert_non_null(wm_grant_unit_problem(WM_ROLE_PRACTITIONER,
	    WM_UNIT_PROVIDER));
	/* A closed unit takes no new grant, said for its own kind. */
	assert_null(wm_grant_closed_problem(WM_UNIT_SERVICE, NULL));
	assert_non_null(strstr(wm_grant_closed_problem(WM_UNIT_SERVICE,
	    "2026-12-01"), "the service is closed"));
	assert_non_null(strstr(wm_grant_closed_problem(WM_UNIT_PROVIDER,
	    "2026-12-01"), "the provider is closed"));
	assert_non_null(wm_grant_unit_problem(WM_ROLE_VALIDATOR,
	    WM_UNIT_NETWORK));
	assert_null(wm_grant_unit_problem(WM_ROLE_COMMISSIONER,
	    WM_UNIT_PROVIDER));
	assert_null(wm_grant_unit_problem(WM_ROLE_ADMIN, WM_UNIT_NETWORK));
}

static void
test_setup_codes(void **state)
{
	unsigned char raw[WM_SETUP_CODE_BYTES];
	char code[WM_SETUP_CODE_LEN + 1], plain[WM_SETUP_CODE_CHARS + 1];
	char again[WM_SETUP_CODE_CHARS + 1], lower[WM_SETUP_CODE_LEN + 1];
	size_t i;

	(void)state;
	memset(raw, 0, sizeof(raw));
	wm_setup_code_format(raw, code);
	assert_string_equal(code, "2222-2222-2222-2222");
	memset(raw, 0xff, sizeof(raw));
	wm_setup_code_format(raw, code);
	assert_string_equal(code, "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
	/* 5 bits a character, most significant first: 0x08 is 00001 000.. */
	memset(raw, 0, sizeof(raw));
	raw[0] = 0x08;
	wm_setup_code_format(raw, code);
	assert_string_equal(code, "3222-2222-2222-2222");
	for (i = 0; i < sizeof(raw); i++)
		raw[i] = (unsigned char)(i * 37 + 11);
	wm_setup_code_format(raw, code);
	assert_int_equal(strlen(code), WM_SETUP_CODE_LEN);
	assert_null(strpbrk(code, "01IO"));
	assert_int_equal(wm_setup_code_normalise(code, plain), 0);
	assert_int_equal(strlen(plain), WM_SETUP_CODE_CHARS);
	/* Typed in lower case, with spaces for dashes: the same code. */
	for (i = 0; code[i]; i++)
		lower[i] = code[i] == '-' ? ' ' : (char)(code[i] >= 'A' &&
		    code[i] <= 'Z' ? code[i] - 'A' + 'a' : code[i]);
	lower[i] = '\0';
	assert_int_equal(wm_setup_code_normalise(lower, again), 0);
	assert_string_equal(again, plain);
	assert_int_equal(wm_setup_code_normalise("2222-2222-2222-222", plain),
	    -1);
	assert_int_equal(wm_setup_code_normalise("2222-2222-2222-22222",
	    plain), -1);
	assert_int_equal(wm_setup_code_normalise("O222-2222-2222-2222",
	    plain), -1);
	assert_int_equal(wm_setup_code_normalise("2222-2222-2222-222\n2",
	    plain), -1);
	assert_int_equal(wm_setup_code_normalise("", plain), -1);
}

static void
test_own_account(void **state)
{
	(void)state;
	assert_non_null(wm_account_change_problem(7, 7, WM_CHANGE_DEACTIVATE,
	    WM_ROLE_ADMIN));
	assert_non_null(wm_account_change_problem(7, 7, WM_CHANGE_REVOKE,
	    WM_ROLE_ADMIN));
	assert_null(wm_account_change_problem(7, 7, WM_CHANGE_REVOKE,
	    WM_ROLE_LEAD));
	assert_null(wm_account_change_problem(7, 8, WM_CHANGE_DEACTIVATE,
	    WM_ROLE_ADMIN));
	assert_null(wm_account_change_problem(0, 0, WM_CHANGE_DEACTIVATE,
	    WM_ROLE_ADMIN));
}

static int
count_row(void *ctx, const struct wm_account_row *a)
{
	(void)a;
	++*(int *)ctx;
	return 0;
}

/* A network to administer: a service in a provider in a network. */
static struct wm_store *
network(char *path, size_t n)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *s;
	int64_t net, prov, svc;
	int from, to;

	tu_db_path(path, n, "account");
	assert_int_equal(wm_store_open(path, WM_STORE_CREATE, &s, &err), 0);
	assert_int_equal(wm_store_migrate(s, &from, &to, &err), 0);
	assert_int_equal(wm_store_unit_add(s, "network", "net", "Net", 0, &net,
	    &err), 0);
	assert_int_equal(wm_store_unit_add(s, "provider", "prov", "Prov", net,
	    &prov, &err), 0);
	assert_int_equal(wm_store_unit_add(s, "service", "svc", "Svc", prov,
	    &svc, &err), 0);
	wm_buf_release(&err);
	return s;
}

static void
test_setup_use(void **state)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_actor by = { 0, NULL, 1000000 };
	struct wm_grant_spec g;
	struct wm_account_new a = { "jo@example.org", "Jo", NULL, NULL, &g, 1 };
	char path[64], code[WM_SETUP_CODE_LEN + 1], old[WM_SETUP_CODE_LEN + 1];
	char hash[WM_PASSWORD_HASH_MAX], got[WM_PASSWORD_HASH_MAX];
	struct wm_store *s = network(path, sizeof(path));
	int64_t id, used, got_id, total;
	int rows = 0;

	(void)state;
	assert_null(wm_grant_parse("practitioner@prov", &g));
	assert_int_equal(wm_account_create(s, &by, &a, &id, code, &err),
	    WM_STORE_CONFLICT);
	assert_non_null(strstr(wm_buf_str(&err), "held at a service"));
	assert_int_equal(wm_store_account_find(s, "jo@example.org", &id, &err),
	    WM_STORE_NOT_FOUND);
	assert_null(wm_grant_parse("practitioner@svc", &g));
	assert_int_equal(wm_account_create(s, &by, &a, &id, code, &err), 0);
	assert_int_equal(strlen(code), WM_SETUP_CODE_LEN);
	assert_int_equal(wm_store_accounts_waiting(s, 10, &total, count_row,
	    &rows, &err), 0);
	assert_int_equal(total, 1);
	assert_int_equal(wm_password_hash("a long enough password", hash), 0);
	/* A new code replaces the first, which then works no more. */
	memcpy(old, code, sizeof(old));
	assert_int_equal(wm_account_setup_code(s, &by, id, code, &err), 0);
	assert_string_not_equal(old, code);
	assert_int_equal(wm_account_setup_use(s, "jo@example.org", old, hash,
	    NULL, by.now + 1, &used, &err), WM_STORE_NOT_FOUND);
	/* Nor does it after seven days, nor for another email. */
	assert_int_equal(wm_account_setup_use(s, "jo@example.org", code, hash,
	    NULL, by.now + WM_SETUP_CODE_SECONDS, &used, &err),
	    WM_STORE_NOT_FOUND);
	assert_int_equal(wm_account_setup_use(s, "no@example.org", code, hash,
	    NULL, by.now + 1, &used, &err), WM_STORE_NOT_FOUND);
	assert_int_equal(wm_account_setup_use(s, "JO@example.org", code, hash,
	    NULL, by.now + 1, &used, &err), 0);
	assert_int_equal(used, id);
	assert_int_equal(wm_store_account_auth(s, "jo@example.org", &got_id,
	    got, sizeof(got), &err), 0);
	assert_true(wm_password_verify(got, "a long enough password"));
	/* Once only. */
	assert_int_equal(wm_account_setup_use(s, "jo@example.org", code, hash,
	    NULL, by.now + 2, &used, &err), WM_STORE_NOT_FOUND);
	/* A deactivated account has no password that works. */
	assert_int_equal(wm_account_deactivate(s, &by, id, &err), 0);
	assert_int_equal(wm_account_deactivate(s, &by, id, &err),
	    WM_STORE_CONFLICT);
	assert_int_equal(wm_store_account_auth(s, "jo@example.org", &got_id,
	    got, sizeof(got), &err), 0);
	assert_string_equal(got, "");
	assert_int_equal(wm_account_reactivate(s, &by, id, &err), 0);
	assert_int_equal(wm_store_account_auth(s, "jo@example.org", &got_id,
	    got, sizeof(got), &err), 0);
	assert_true(wm_password_verify(got, "a long enough password"));
	assert_int_equal(wm_account_revoke(s, &(struct wm_actor){ id, NULL,
	    0 }, id, &(struct wm_grant_spec){ WM_ROLE_ADMIN, "net",
	    WM_STAKEHOLDER_NONE }, &err), WM_STORE_CONFLICT);
	assert_int_equal(wm_account_revoke(s, &by, id, &(struct wm_grant_spec){
	    WM_ROLE_PRACTITIONER, "svc", WM_STAKEHOLDER_NONE }, &err), 0);
	assert_int_equal(wm_account_revoke(s, &by, id, &(struct wm_grant_spec){
	    WM_ROLE_PRACTITIONER, "svc", WM_STAKEHOLDER_NONE }, &err),
	    WM_STORE_NOT_FOUND);
	wm_store_close(s);
	tu_remove_db(path);
	wm_buf_release(&err);
}

/* A closed unit is refused in words before the database's own guard,
 * for a new account and a grant alike, and nothing is written. */
static void
test_closed_unit_grant(void **state)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_actor by = { 0, NULL, 1000000 };
	struct wm_grant_spec g;
	struct wm_account_new a = { "jo@example.org", "Jo", NULL, NULL, &g, 1 };
	char path[64], code[WM_SETUP_CODE_LEN + 1];
	struct wm_store *s = network(path, sizeof(path));
	struct wm_buf name = WM_BUF_INIT;
	int64_t id, svc;

	(void)state;
	assert_int_equal(wm_store_service_find(s, "svc", &svc, &name, &err), 0);
	assert_int_equal(wm_store_unit_close(s, svc, "2026-12-01", &err), 0);
	assert_null(wm_grant_parse("practitioner@svc", &g));
	assert_int_equal(wm_account_create(s, &by, &a, &id, code, &err),
	    WM_STORE_CONFLICT);
	assert_string_equal(wm_buf_str(&err), "the service is closed and "
	    "takes no new role grants: choose one that is open");
	assert_int_equal(wm_store_account_find(s, "jo@example.org", &id, &err),
	    WM_STORE_NOT_FOUND);
	assert_null(wm_grant_parse("commissioner@prov", &g));
	assert_int_equal(wm_account_create(s, &by, &a, &id, code, &err), 0);
	assert_null(wm_grant_parse("practitioner@svc", &g));
	assert_int_equal(wm_account_grant(s, &by, id, &g, &err),
	    WM_STORE_CONFLICT);
	assert_non_null(strstr(wm_buf_str(&err), "the service is closed"));
	wm_store_close(s);
	tu_remove_db(path);
	wm_buf_release(&name);
	wm_buf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grant_rules),
		cmocka_unit_test(test_setup_codes),
		cmocka_unit_test(test_own_account),
		cmocka_unit_test(test_setup_use),
		cmocka_unit_test(test_closed_unit_grant),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
