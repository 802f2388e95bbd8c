/*
 * Completion of a measurement cycle for one person: the times a measure
 * fell due while they were on a caseload, and whether each was answered
 * within its window, including people who join or leave mid-cycle.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/cycle.h"

#define MAXW 16

struct want {
	const char *due;
	int done;
};

static struct wm_date
D(const char *s)
{
	struct wm_date d;

	assert_int_equal(wm_date_parse(s, &d), 0);
	return d;
}

static void
check(const char *name, int months, const char *since, const char *left,
    const char *const *answers, const char *until, const struct want *w,
    size_t n_want)
{
	struct wm_date a[MAXW], s = D(since), u = D(until), l;
	struct wm_cycle_window out[MAXW];
	size_t n_a = 0, n, i;
	char got[11];

	while (answers && answers[n_a])
		a[n_a] = D(answers[n_a]), n_a++;
	if (left)
		l = D(left);
	n = wm_cycle_windows(months, &s, left ? &l : NULL, a, n_a, &u, out,
	    MAXW);
	if (n != n_want)
		fail_msg("%s: %zu windows, wanted %zu", name, n, n_want);
	for (i = 0; i < n; i++) {
		wm_date_format(&out[i].due, got);
		if (strcmp(got, w[i].due) != 0 || out[i].done != w[i].done)
			fail_msg("%s: window %zu is %s %s, wanted %s %s", name, i,
			    got, out[i].done ? "done" : "missed", w[i].due,
			    w[i].done ? "done" : "missed");
	}
}

static void
test_windows(void **state)
{
	static const char *const on_time[] = { "2025-01-10", "2025-07-05",
	    NULL };
	static const char *const early[] = { "2024-12-10", NULL };
	static const char *const late[] = { "2025-03-01", NULL };
	static const char *const none[] = { NULL };
	static const char *const once[] = { "2025-01-10", NULL };
	const struct want w_on_time[] = { { "2025-01-01", 1 },
	    { "2025-07-10", 1 } };
	const struct want w_early[] = { { "2025-01-01", 1 },
	    { "2025-06-10", 0 } };
	const struct want w_late[] = { { "2025-01-01", 0 },
	    { "2025-09-01", 0 } };
	const struct want w_none[] = { { "2025-01-01", 0 },
	    { "2025-07-01", 0 } };
	const struct want w_left[] = { { "2025-01-01", 1 } };
	const struct want w_open[] = { { "2025-01-01", 1 } };

	(void)state;
	/* Due on joining, then 6 months after each answer. */
	check("answered on time", 6, "2025-01-01", NULL, on_time, "2025-12-31",
	    w_on_time, 2);
	/* A month early counts; the next time runs from that answer. */
	check("answered early", 6, "2025-01-01", NULL, early, "2025-08-01",
	    w_early, 2);
	/* Two months late is missed; the next runs from the late answer. */
	check("answered late", 6, "2025-01-01", NULL, late, "2025-10-15",
	    w_late, 2);
	/* Never answered: each cycle is a time missed. */
	check("never answered", 6, "2025-01-01", NULL, none, "2025-08-15",
	    w_none, 2);
	/* Left before the second window closed, without answering: not due
	 * then. */
	check("left mid-cycle", 6, "2025-01-01", "2025-07-20", once,
	    "2025-12-31", w_left, 1);
	/* ... but an answer given before leaving still counts. */
	check("answered, then left", 6, "2025-01-01", "2025-07-20", on_time,
	    "2025-12-31", w_on_time, 2);
	/* The second window is still open on the last day: not counted. */
	check("window still open", 6, "2025-01-01", NULL, on_time,
	    "2025-07-09", w_open, 1);
	/* Joined after the period: nothing due. */
	check("joined later", 6, "2026-01-01", NULL, none, "2025-12-31", NULL,
	    0);
	/* A nonsense cycle has no windows. */
	check("no cycle", 0, "2025-01-01", NULL, none, "2025-12-31", NULL, 0);
}

/* Monthly cycles with answers a month early never walk backwards. */
static void
test_always_moves_on(void **state)
{
	struct wm_date s = D("2025-01-31"), u = D("2027-01-31"), a[24];
	struct wm_cycle_window out[64];
	size_t i, n;

	(void)state;
	for (i = 0; i < 24; i++) {
		a[i] = s;
		wm_date_add_months(&a[i], (int)i);
		wm_date_from_days(wm_date_days(&a[i]) - 29, &a[i]);
	}
	n = wm_cycle_windows(1, &s, NULL, a, 24, &u, out, 64);
	assert_true(n > 0 && n <= 64);
	for (i = 1; i < n && i < 64; i++)
		assert_true(wm_date_cmp(&out[i - 1].due, &out[i].due) < 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_windows),
		cmocka_unit_test(test_always_moves_on),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
