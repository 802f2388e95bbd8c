/*
 * The administration's store, on a real SQLite file: the audit log
 * searched by person, account, action and dates finds exactly the
 * entries that match, newest first, and costs what those entries cost
 * however long the log is (wm_store_cost, counted before and after the
 * log grows tenfold), at most the newest `most` of them; bringing its
 * keys up to date costs the entries written since, not the log; and a
 * closed service takes no one new whichever
 * path writes (the triggers of migration 14).
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

#include "store/admin.h"
#include "store/store.h"
#include "testutil.h"

struct fixture {
	char path[64];
	struct wm_store *s;
	int64_t svc, prov, person, other, admin, someone;
};

static struct fixture *fx;

static int
setup(void **state)
{
	struct wm_buf err = WM_BUF_INIT;
	int from, to;

	(void)state;
	fx = calloc(1, sizeof(*fx));
	tu_db_path(fx->path, sizeof(fx->path), "admin");
	assert_int_equal(wm_store_open(fx->path, WM_STORE_CREATE, &fx->s,
	    &err), 0);
	assert_int_equal(wm_store_migrate(fx->s, &from, &to, &err), 0);
	assert_int_equal(tu_network_tree(fx->s, &fx->prov, &fx->svc), 0);
	assert_int_equal(wm_store_person_add(fx->s, "P1", "One", fx->svc,
	    "2026-01-01", &fx->person, &err), 0);
	assert_int_equal(wm_store_person_add(fx->s, "P2", "Two", fx->svc,
	    "2026-01-01", &fx->other, &err), 0);
	assert_int_equal(wm_store_account_add(fx->s, "admin@example.org",
	    "Ada", 0, NULL, &fx->admin, &err), 0);
	assert_int_equal(wm_store_account_add(fx->s, "someone@example.org",
	    "Sam", 0, NULL, &fx->someone, &err), 0);
	wm_buf_release(&err);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	wm_store_close(fx->s);
	tu_remove_db(fx->path);
	free(fx);
	return 0;
}

/* n entries about the other person by someone else, in 2025: none
 * matches any search below. */
static void
noise(int n)
{
	struct wm_buf err = WM_BUF_INIT;
	int i;

	assert_int_equal(wm_store_set_clock(fx->s, "2025-03-03T10:00:00Z"), 0);
	assert_int_equal(wm_store_begin(fx->s, &err), 0);
	for (i = 0; i < n; i++)
		assert_int_equal(wm_store_audit(fx->s, fx->someone,
		    "signed in", "person", fx->other, NULL, "10.0.0.1", &err),
		    0);
	assert_int_equal(wm_store_commit(fx->s, &err), 0);
	wm_buf_release(&err);
}

/* The three entries the searches find, in 2026. */
static void
matches(void)
{
	static const char *const at[] = { "2026-05-01T09:00:00Z",
	    "2026-05-02T09:00:00Z", "2026-05-03T09:00:00Z" };
	struct wm_buf err = WM_BUF_INIT;
	size_t i;

	for (i = 0; i < TU_NELEM(at); i++) {
		assert_int_equal(wm_store_set_clock(fx->s, at[i]), 0);
		assert_int_equal(wm_store_audit(fx->s, fx->admin,
		    "person moved", "person", fx->person, "s", "10.0.0.2",
		    &err), 0);
	}
	wm_buf_release(&err);
}

struct seen {
	int n;
	char first[32];
};

static int
seen_row(void *ctx, const struct wm_audit_found *a)
{
	struct seen *s = ctx;

	if (s->n++ == 0)
		snprintf(s->first, sizeof(s->first), "%s", a->at);
	assert_string_equal(a->action, "person moved");
	assert_string_equal(a->subject, "P1");
	assert_string_equal(a->email, "admin@example.org");
	return 0;
}

/* Brings the search keys up to date: the work it cost. */
static uint64_t
keys(void)
{
	struct wm_buf err = WM_BUF_INIT;

	wm_store_cost(fx->s);
	assert_int_equal(wm_store_audit_keys(fx->s, &err), 0);
	wm_buf_release(&err);
	return wm_store_cost(fx->s);
}

/* Runs q: how many it found, and the work it cost. */
static uint64_t
search(const struct wm_audit_search *q, int *found)
{
	struct wm_buf err = WM_BUF_INIT;
	struct seen s = { 0, "" };
	int64_t total = 0;

	wm_store_cost(fx->s);
	assert_int_equal(wm_store_audit_search(fx->s, q, 0, 50, 1000, &total,
	    seen_row, &s, &err), 0);
	assert_int_equal(total, s.n);
	if (s.n)
		assert_string_equal(s.first, "2026-05-03T09:00:00Z");
	*found = s.n;
	wm_buf_release(&err);
	return wm_store_cost(fx->s);
}

static void
test_search_costs_its_matches(void **state)
{
	const struct wm_audit_search q[] = {
		{ fx->person, 0, NULL, NULL, NULL },
		{ 0, fx->admin, NULL, NULL, NULL },
		{ 0, 0, "person moved", NULL, NULL },
		{ 0, 0, NULL, "2026-01-01", "2027-01-01" },
		{ fx->person, fx->admin, "person moved", "2026-05-01",
		    "2026-06-01" },
	};
	uint64_t small[TU_NELEM(q)];
	size_t i;
	int n;

	(void)state;
	noise(200);
	/* Written after the keys were last brought up to date: found, as
	 * each search brings them up first. */
	keys();
	matches();
	for (i = 0; i < TU_NELEM(q); i++) {
		search(&q[i], &n);
		assert_int_equal(n, 3);
	}
	for (i = 0; i < TU_NELEM(q); i++)
		small[i] = search(&q[i], &n);
	noise(2000);
	keys();
	for (i = 0; i < TU_NELEM(q); i++) {
		uint64_t big = search(&q[i], &n);

		assert_int_equal(n, 3);
		if (big != small[i]) {
			print_error("search %zu cost %llu with 200 other "
			    "entries, %llu with 2200\n", i,
			    (unsigned long long)small[i],
			    (unsigned long long)big);
			fail();
		}
	}
}

/* Keying ten new entries costs the same in a log of 200 as in one of
 * 2,200: what is new, never the log. */
static void
test_keys_cost_what_is_new(void **state)
{
	uint64_t small, big;

	(void)state;
	noise(200);
	keys();
	noise(10);
	small = keys();
	noise(2000);
	keys();
	noise(10);
	big = keys();
	if (big != small) {
		print_error("keying 10 entries cost %llu after 200, %llu "
		    "after 2200\n", (unsigned long long)small,
		    (unsigned long long)big);
		fail();
	}
	/* Up to date, there is nothing to do. */
	assert_true(keys() < small);
}

static int
count_row(void *ctx, const struct wm_audit_found *a)
{
	(void)a;
	(*(int *)ctx)++;
	return 0;
}

/* However many entries match, a search reads at most the newest `most`:
 * it costs the same among 200 matches as among 2,200, and says how many
 * it counted. */
static void
test_search_reads_at_most(void **state)
{
	const struct wm_audit_search q[] = {
		{ 0, fx->someone, NULL, NULL, NULL },
		{ 0, 0, "signed in", NULL, NULL },
		{ 0, 0, NULL, "2025-01-01", "2026-01-01" },
		{ fx->other, 0, NULL, NULL, NULL },
	};
	struct wm_buf err = WM_BUF_INIT;
	uint64_t small[TU_NELEM(q)], cost;
	int64_t total;
	size_t i, round;
	int n;

	(void)state;
	for (round = 0; round < 2; round++) {
		noise(round ? 2000 : 200);
		keys();
		for (i = 0; i < TU_NELEM(q); i++) {
			n = 0;
			wm_store_cost(fx->s);
			assert_int_equal(wm_store_audit_search(fx->s, &q[i], 0, 20,
			    100, &total, count_row, &n, &err), 0);
			cost = wm_store_cost(fx->s);
			assert_int_equal(total, 100);
			assert_int_equal(n, 20);
			if (round == 0)
				small[i] = cost;
			else if (cost != small[i]) {
				print_error("search %zu read %llu among 200, "
				    "%llu among 2200\n", i,
				    (unsigned long long)small[i],
				    (unsigned long long)cost);
				fail();
			}
		}
	}
	wm_buf_release(&err);
}

static int
action_seen(void *ctx, const char *action)
{
	struct wm_buf *b = ctx;

	wm_buf_puts(b, action);
	wm_buf_puts(b, "|");
	return 0;
}

/* The actions the log holds, each once, in order, for an administrator
 * to choose from: the same work among 200 entries as among 2,200. */
static void
test_actions_listed(void **state)
{
	struct wm_buf err = WM_BUF_INIT, seen = WM_BUF_INIT;
	uint64_t cost[2];
	size_t round;

	(void)state;
	matches();
	for (round = 0; round < 2; round++) {
		noise(round ? 2000 : 200);
		keys();
		wm_buf_clear(&seen);
		wm_store_cost(fx->s);
		assert_int_equal(wm_store_audit_actions(fx->s, action_seen,
		    &seen, &err), 0);
		cost[round] = wm_store_cost(fx->s);
		assert_string_equal(wm_buf_str(&seen),
		    "person moved|signed in|");
	}
	assert_int_equal(cost[0], cost[1]);
	wm_buf_release(&seen);
	wm_buf_release(&err);
}

static void
test_closed_service_takes_no_one(void **state)
{
	struct wm_field_problem p = { 0 };
	struct wm_buf err = WM_BUF_INIT;
	struct wm_date today = { 2026, 12, 7 }, since = { 2026, 12, 1 };
	struct wm_admin_by by = { fx->admin, "10.0.0.3", &today, 0 };

	(void)state;
	assert_int_equal(wm_admin_unit_close(fx->s, &by, "s", &p, &err), 0);
	assert_int_equal(wm_admin_person_add(fx->s, &by, "P3", "Three", "s",
	    &since, &p, &err), WM_ADMIN_CONFLICT);
	assert_string_equal(p.field, "unit");
	/* Past the checks, the database itself refuses. */
	assert_int_not_equal(wm_store_caseload_start(fx->s, fx->other,
	    fx->svc, "2026-12-07", &err), 0);
	assert_int_not_equal(wm_store_grant_add(fx->s, fx->someone,
	    "practitioner", fx->svc, NULL, &err), 0);
	/* Before it closed, a spell may still start (history kept). */
	assert_int_equal(wm_store_caseload_end(fx->s, fx->other, fx->svc,
	    "2026-02-01", &err), 0);
	assert_int_equal(wm_store_caseload_start(fx->s, fx->other, fx->svc,
	    "2026-03-01", &err), 0);
	assert_int_equal(wm_admin_unit_close(fx->s, &by, "p", &p, &err), 0);
	assert_int_equal(wm_admin_unit_close(fx->s, &by, "n", &p, &err),
	    WM_ADMIN_REFUSED);
	wm_buf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_search_costs_its_matches,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_keys_cost_what_is_new,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_reads_at_most,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_actions_listed,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_closed_service_takes_no_one,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
