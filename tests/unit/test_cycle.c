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

/* One spell (or several, one after another) in a completion table. */
struct spell_case {
	const char *name;
	int months;
	const char *cycle_start, *stopped;
	const char *spells[3][2];	/* joined, left (NULL: still there) */
	const char *answers[4];
	struct {
		const char *month;	/* YYYY-MM */
		long due, done;
	} want[4];
};

static void
check_completion(const struct spell_case *t, const char *today)
{
	struct wm_completion c;
	struct wm_date td = D(today), cs = D(t->cycle_start), st, a[4], j, l;
	struct wm_cycle_spell sp = { t->months, &cs, NULL, &j, NULL };
	size_t n_a = 0, k, w;
	char month[8];
	long due, done;
	int i;

	if (t->stopped)
		st = D(t->stopped), sp.stopped = &st;
	while (n_a < 4 && t->answers[n_a])
		a[n_a] = D(t->answers[n_a]), n_a++;
	wm_completion_init(&c, &td);
	for (k = 0; k < 3 && t->spells[k][0]; k++) {
		j = D(t->spells[k][0]);
		if (t->spells[k][1])
			l = D(t->spells[k][1]);
		sp.left = t->spells[k][1] ? &l : NULL;
		wm_completion_add(&c, &sp, a, n_a);
	}
	for (i = 0; i < WM_COMPLETION_MONTHS; i++) {
		snprintf(month, sizeof(month), "%04d-%02d", c.m[i].year,
		    c.m[i].month);
		due = done = 0;
		for (w = 0; w < 4 && t->want[w].month; w++)
			if (strcmp(t->want[w].month, month) == 0)
				due = t->want[w].due, done = t->want[w].done;
		if (c.m[i].due != due || c.m[i].done != done)
			fail_msg("%s: %s has %ld due, %ld done; wanted %ld, %ld",
			    t->name, month, c.m[i].due, c.m[i].done, due, done);
	}
}

static void
test_completion_months(void **state)
{
	static const struct spell_case cases[] = {
		{ "joined mid-cycle: due on joining, then from each answer",
		    6, "2024-01-01", NULL, { { "2025-03-10", NULL } },
		    { "2025-03-20", "2025-09-25", NULL },
		    { { "2025-03", 1, 1 }, { "2025-09", 1, 1 } } },
		{ "left mid-cycle before the window closed: not due then",
		    6, "2025-01-01", NULL, { { "2024-06-01", "2025-07-20" } },
		    { "2025-01-10", NULL }, { { "2025-01", 1, 1 } } },
		{ "left after a missed window closed: it counts",
		    6, "2024-01-01", NULL, { { "2025-01-01", "2025-08-15" } },
		    { NULL }, { { "2025-01", 1, 0 }, { "2025-07", 1, 0 } } },
		{ "an open window is not counted yet",
		    6, "2024-01-01", NULL, { { "2025-11-20", NULL } },
		    { NULL }, { { NULL, 0, 0 } } },
		{ "a window met early counts while still open",
		    6, "2024-01-01", NULL, { { "2025-12-10", NULL } },
		    { "2025-12-12", NULL }, { { "2025-12", 1, 1 } } },
		{ "an answer 27 days early is in time",
		    6, "2024-01-01", NULL, { { "2025-02-01", NULL } },
		    { "2025-01-05", NULL },
		    { { "2025-02", 1, 1 }, { "2025-07", 1, 0 } } },
		{ "answered early, then on time for the date that set",
		    6, "2025-03-01", NULL, { { "2025-01-01", NULL } },
		    { "2025-02-09", "2025-08-17", NULL },
		    { { "2025-03", 1, 1 }, { "2025-08", 1, 1 } } },
		{ "an answer 37 days late is missed; the next runs from it",
		    6, "2024-01-01", NULL, { { "2025-02-01", NULL } },
		    { "2025-03-10", NULL },
		    { { "2025-02", 1, 0 }, { "2025-09", 1, 0 } } },
		{ "an answer on the 30th day after is in time",
		    12, "2024-01-01", NULL, { { "2025-02-01", NULL } },
		    { "2025-03-03", NULL }, { { "2025-02", 1, 1 } } },
		{ "a stopped cycle is due no more",
		    6, "2025-01-01", "2025-06-01", { { "2024-01-01", NULL } },
		    { NULL }, { { "2025-01", 1, 0 } } },
		{ "a cycle that starts after joining is due from its start",
		    12, "2025-04-15", NULL, { { "2023-01-01", NULL } },
		    { "2025-05-01", NULL }, { { "2025-04", 1, 1 } } },
		{ "times before the 13 months are left out",
		    6, "2024-01-01", NULL, { { "2024-05-01", NULL } },
		    { NULL }, { { "2025-05", 1, 0 }, { "2025-11", 1, 0 } } },
		{ "left and came back: each spell due from its start",
		    12, "2024-01-01", NULL,
		    { { "2024-12-01", "2025-02-01" }, { "2025-06-01", NULL } },
		    { "2024-12-05", "2025-06-20", NULL },
		    { { "2024-12", 1, 1 }, { "2025-06", 1, 1 } } },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check_completion(&cases[i], "2025-12-15");
}

/* Many people add up; which months are final; and the rounded rate. */
static void
test_completion_sums(void **state)
{
	struct wm_completion c;
	struct wm_date today = D("2025-12-15"), cs = D("2024-01-01"), j, a;
	struct wm_cycle_spell sp = { 6, &cs, NULL, &j, NULL };
	int i;

	(void)state;
	wm_completion_init(&c, &today);
	assert_int_equal(c.m[0].year, 2024);
	assert_int_equal(c.m[0].month, 12);
	assert_int_equal(c.m[12].year, 2025);
	assert_int_equal(c.m[12].month, 12);
	/* Three people join on 1 March; two answer in time. */
	j = D("2025-03-01");
	a = D("2025-03-05");
	for (i = 0; i < 3; i++)
		wm_completion_add(&c, &sp, &a, i < 2 ? 1 : 0);
	assert_int_equal(c.m[3].due, 3);
	assert_int_equal(c.m[3].done, 2);
	assert_int_equal(wm_completion_percent(c.m[3].done, c.m[3].due), 67);
	/* October closed on 30 November; November's windows are open until
	 * 30 December; December's is the current month. */
	assert_true(c.m[10].final);
	assert_false(c.m[11].final);
	assert_false(c.m[12].final);
	assert_int_equal(wm_completion_percent(0, 0), -1);
	assert_int_equal(wm_completion_percent(0, 5), 0);
	assert_int_equal(wm_completion_percent(1, 8), 13);
	assert_int_equal(wm_completion_percent(1, 200), 1);
	assert_int_equal(wm_completion_percent(7, 7), 100);
}

/* --- kept at write time: the steps and the tail against the walk ----- */

#define MAXS 256

struct seen {
	struct wm_cycle_window w[MAXS];
	long from[MAXS];
	size_t n;
};

static void
take_step(void *ctx, const struct wm_cycle_step *s)
{
	struct seen *x = ctx;

	assert_true(x->n < MAXS);
	x->w[x->n].due = s->due;
	x->w[x->n].done = s->done;
	x->from[x->n++] = s->counts_from;
}

static void
take_window(void *ctx, const struct wm_cycle_window *w)
{
	struct seen *x = ctx;

	assert_true(x->n < MAXS);
	x->w[x->n] = *w;
	x->from[x->n++] = 0;
}

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static long
below(long n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (long)(rng % (uint64_t)n);
}

static struct wm_date
day(long days)
{
	struct wm_date d;

	wm_date_from_days(days, &d);
	return d;
}

/*
 * Read on any day on or after every answer, the walk's windows are the
 * steps that count by then, then the tail's that do; each step counts
 * from a later day than the one before. Random people, cycles, answers
 * (some on the same day, some far apart, some before joining) and days
 * to read on, month-ends included.
 */
static void
test_steps_are_the_walk(void **state)
{
	struct seen walk, kept;
	struct wm_cycle_resume r;
	struct wm_date since, left, until, tail, a[12];
	long base = wm_date_days(&(struct wm_date){ 2024, 1, 31 }), last;
	size_t i, k, n_a;
	int t, every, has_left, has_tail;

	(void)state;
	for (t = 0; t < 20000; t++) {
		every = 1 + (int)below(t % 3 ? 12 : 3);
		since = day(base + below(700));
		if (t % 5 == 0)
			since = day(base + 31 * below(20));	/* month-ends */
		n_a = (size_t)below(12);
		last = wm_date_days(&since) - below(60);
		for (i = 0; i < n_a; i++) {
			last += below(t % 4 ? 200 : 40);
			a[i] = day(last);
		}
		has_left = below(3) == 0;
		left = day(wm_date_days(&since) + below(1200));
		until = day((n_a ? last : wm_date_days(&since)) + below(900));
		walk.n = kept.n = 0;
		wm_cycle_walk(every, &since, has_left ? &left : NULL, a, n_a,
		    &until, take_window, &walk);
		has_tail = wm_cycle_steps(every, &since, has_left ? &left :
		    NULL, a, n_a, take_step, &kept, &tail, &r);
		for (k = 1; k < kept.n; k++)
			assert_true(kept.from[k] > kept.from[k - 1]);
		for (k = 0; k < kept.n && kept.from[k] <= wm_date_days(&until);
		    k++)
			;
		kept.n = k;
		if (has_tail && k == kept.n)
			wm_cycle_tail_walk(every, &tail, has_left ? &left :
			    NULL, &until, take_window, &kept);
		if (walk.n != kept.n)
			fail_msg("case %d: the walk has %zu windows, the steps "
			    "%zu", t, walk.n, kept.n);
		for (k = 0; k < walk.n; k++) {
			assert_int_equal(wm_date_cmp(&walk.w[k].due,
			    &kept.w[k].due), 0);
			assert_int_equal(walk.w[k].done, kept.w[k].done);
		}
	}
}

/* The steps for answers given in two goes, the later ones on or after
 * the last of the first's day: the first's steps, then those that go on
 * from where they stood with the later answers alone, are the steps for
 * all of them; and where they stand after is the same. Random cases as
 * above, the later answers on the same day among them. */
static void
test_steps_go_on(void **state)
{
	struct seen all, two;
	struct wm_cycle_resume r_all, r1, r2;
	struct wm_date since, left, t_all, t1, t2, a[16];
	long base = wm_date_days(&(struct wm_date){ 2024, 1, 31 }), last;
	size_t i, k, n_a, n_old;
	int t, every, has_left, h_all, h1, h2;

	(void)state;
	for (t = 0; t < 20000; t++) {
		every = 1 + (int)below(t % 3 ? 12 : 3);
		since = day(base + below(700));
		if (t % 5 == 0)
			since = day(base + 31 * below(20));
		n_a = (size_t)below(16);
		n_old = n_a ? (size_t)below((long)n_a + 1) : 0;
		last = wm_date_days(&since) - below(60);
		for (i = 0; i < n_a; i++) {
			last += t % 7 == 0 ? below(2) : below(t % 4 ? 200 : 40);
			a[i] = day(last);
		}
		has_left = below(3) == 0;
		left = day(wm_date_days(&since) + below(1200));
		all.n = two.n = 0;
		h_all = wm_cycle_steps(every, &since, has_left ? &left : NULL,
		    a, n_a, take_step, &all, &t_all, &r_all);
		h1 = wm_cycle_steps(every, &since, has_left ? &left : NULL, a,
		    n_old, take_step, &two, &t1, &r1);
		h2 = h1;
		t2 = t1;
		r2 = r1;
		if (r1.state != WM_CYCLE_ENDED)
			h2 = wm_cycle_steps_more(every, &r1, has_left ? &left :
			    NULL, a + n_old, n_a - n_old, take_step, &two, &t2,
			    &r2);
		if (all.n != two.n || h_all != h2)
			fail_msg("case %d: %zu steps (tail %d) for all, %zu "
			    "(tail %d) in two goes", t, all.n, h_all, two.n,
			    h2);
		for (k = 0; k < all.n; k++) {
			assert_int_equal(wm_date_cmp(&all.w[k].due,
			    &two.w[k].due), 0);
			assert_int_equal(all.w[k].done, two.w[k].done);
			assert_int_equal(all.from[k], two.from[k]);
		}
		if (h_all)
			assert_int_equal(wm_date_cmp(&t_all, &t2), 0);
		assert_int_equal(r_all.state, r2.state);
		if (r_all.state != WM_CYCLE_ENDED) {
			assert_int_equal(wm_date_cmp(&r_all.next, &r2.next), 0);
			if (r_all.state == WM_CYCLE_AFTER)
				assert_int_equal(wm_date_cmp(&r_all.last,
				    &r2.last), 0);
		}
	}
}

/* Due soon: from tomorrow to a week ahead, never today or the past. */
static void
test_due_soon(void **state)
{
	struct wm_date today = D("2026-12-30");

	(void)state;
	assert_false(wm_cycle_due_soon(&today, &(struct wm_date){ 2026, 12, 30 }));
	assert_true(wm_cycle_due_soon(&today, &(struct wm_date){ 2026, 12, 31 }));
	assert_true(wm_cycle_due_soon(&today, &(struct wm_date){ 2027, 1, 6 }));
	assert_false(wm_cycle_due_soon(&today, &(struct wm_date){ 2027, 1, 7 }));
	assert_false(wm_cycle_due_soon(&today, &(struct wm_date){ 2026, 12, 1 }));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_windows),
		cmocka_unit_test(test_always_moves_on),
		cmocka_unit_test(test_completion_months),
		cmocka_unit_test(test_completion_sums),
		cmocka_unit_test(test_steps_are_the_walk),
		cmocka_unit_test(test_steps_go_on),
		cmocka_unit_test(test_due_soon),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
