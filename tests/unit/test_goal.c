/*
 * A person's goals: what may be recorded as a goal, a review's rating
 * (0 to 10, from a form's text or the API's number) and its note.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/goal.h"

static void
test_rating_text(void **state)
{
	static const struct {
		const char *in;
		int ok, want;
	} cases[] = {
		{ "0", 1, 0 }, { "5", 1, 5 }, { "10", 1, 10 },
		{ "11", 0, 0 }, { "-1", 0, 0 }, { "+3", 0, 0 }, { " 3", 0, 0 },
		{ "3 ", 0, 0 }, { "05", 0, 0 }, { "00", 0, 0 }, { "", 0, 0 },
		{ "1e1", 0, 0 }, { "3.0", 0, 0 }, { "ten", 0, 0 },
		{ "100", 0, 0 }, { "99999999999999999999", 0, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int got = -7;
		const char *p = wm_goal_rating_parse(cases[i].in, &got);

		if (cases[i].ok) {
			assert_null(p);
			assert_int_equal(got, cases[i].want);
		} else {
			assert_non_null(p);
			assert_int_equal(got, -7);	/* untouched */
		}
	}
	assert_non_null(wm_goal_rating_parse(NULL, &(int){ 0 }));
}

static void
test_rating_number(void **state)
{
	(void)state;
	assert_null(wm_goal_rating_problem(0));
	assert_null(wm_goal_rating_problem(10));
	assert_non_null(wm_goal_rating_problem(-1));
	assert_non_null(wm_goal_rating_problem(11));
	assert_non_null(wm_goal_rating_problem(-9223372036854775807LL - 1));
}

static void
test_text_and_note(void **state)
{
	char long_text[WM_GOAL_MAX_TEXT + 2], long_note[WM_GOAL_MAX_NOTE + 2];

	(void)state;
	memset(long_text, 'a', sizeof(long_text) - 1);
	long_text[sizeof(long_text) - 1] = '\0';
	memset(long_note, 'a', sizeof(long_note) - 1);
	long_note[sizeof(long_note) - 1] = '\0';
	assert_null(wm_goal_text_problem("Walk to the allotment twice a week"));
	assert_non_null(wm_goal_text_problem(""));
	assert_non_null(wm_goal_text_problem("   "));
	assert_non_null(wm_goal_text_problem(long_text));
	assert_non_null(wm_goal_text_problem("bell\a"));
	assert_null(wm_goal_note_problem(""));
	assert_null(wm_goal_note_problem("Went twice.\nFelt good."));
	assert_non_null(wm_goal_note_problem(long_note));
	assert_non_null(wm_goal_note_problem("\x1b[2J"));
}

/* Every change from every state: which are allowed, and where each
 * leaves the goal. */
static void
test_changes(void **state)
{
	enum { NO = -1 };
	static const struct {
		enum wm_goal_state from;
		enum wm_goal_change c;
		int to;
	} cases[] = {
		{ WM_GOAL_CURRENT, WM_GOAL_REWORD, WM_GOAL_CURRENT },
		{ WM_GOAL_CURRENT, WM_GOAL_MARK_ACHIEVED, WM_GOAL_ACHIEVED },
		{ WM_GOAL_CURRENT, WM_GOAL_PUT_ASIDE, WM_GOAL_ASIDE },
		{ WM_GOAL_CURRENT, WM_GOAL_BRING_BACK, NO },
		{ WM_GOAL_ACHIEVED, WM_GOAL_REWORD, NO },
		{ WM_GOAL_ACHIEVED, WM_GOAL_MARK_ACHIEVED, NO },
		{ WM_GOAL_ACHIEVED, WM_GOAL_PUT_ASIDE, NO },
		{ WM_GOAL_ACHIEVED, WM_GOAL_BRING_BACK, WM_GOAL_CURRENT },
		{ WM_GOAL_ASIDE, WM_GOAL_REWORD, NO },
		{ WM_GOAL_ASIDE, WM_GOAL_MARK_ACHIEVED, NO },
		{ WM_GOAL_ASIDE, WM_GOAL_PUT_ASIDE, NO },
		{ WM_GOAL_ASIDE, WM_GOAL_BRING_BACK, WM_GOAL_CURRENT },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		enum wm_goal_state to = (enum wm_goal_state)99;
		const char *p = wm_goal_change_problem(cases[i].from,
		    cases[i].c, &to);

		if (cases[i].to == NO) {
			assert_non_null(p);
			assert_int_equal(to, 99);	/* untouched */
		} else {
			assert_null(p);
			assert_int_equal(to, cases[i].to);
		}
	}
	assert_non_null(wm_goal_change_problem(WM_GOAL_CURRENT,
	    (enum wm_goal_change)42, &(enum wm_goal_state){ 0 }));
}

/* Only a current goal is reviewed. */
static void
test_review(void **state)
{
	(void)state;
	assert_null(wm_goal_review_problem(WM_GOAL_CURRENT));
	assert_non_null(wm_goal_review_problem(WM_GOAL_ACHIEVED));
	assert_non_null(wm_goal_review_problem(WM_GOAL_ASIDE));
}

/* Every goal counts in the network's figures, whatever it stands at
 * (docs/statistics.md). */
static void
test_figures(void **state)
{
	(void)state;
	assert_true(wm_goal_counts_in_figures(WM_GOAL_CURRENT));
	assert_true(wm_goal_counts_in_figures(WM_GOAL_ACHIEVED));
	assert_true(wm_goal_counts_in_figures(WM_GOAL_ASIDE));
}

/* The names kept in the database, both ways; nothing else is read. */
static void
test_names(void **state)
{
	enum wm_goal_state st = WM_GOAL_CURRENT;
	enum wm_goal_change c = WM_GOAL_REWORD;
	int k;

	(void)state;
	for (k = WM_GOAL_CURRENT; k <= WM_GOAL_ASIDE; k++) {
		assert_int_equal(wm_goal_state_parse(wm_goal_state_name(
		    (enum wm_goal_state)k), &st), 0);
		assert_int_equal(st, k);
	}
	for (k = WM_GOAL_REWORD; k <= WM_GOAL_BRING_BACK; k++) {
		assert_int_equal(wm_goal_change_parse(wm_goal_change_name(
		    (enum wm_goal_change)k), &c), 0);
		assert_int_equal(c, k);
	}
	assert_string_equal(wm_goal_state_name(WM_GOAL_ASIDE), "aside");
	assert_string_equal(wm_goal_change_name(WM_GOAL_BRING_BACK), "back");
	assert_int_equal(wm_goal_state_parse("Aside", &st), -1);
	assert_int_equal(wm_goal_state_parse("", &st), -1);
	assert_int_equal(wm_goal_state_parse(NULL, &st), -1);
	assert_int_equal(wm_goal_change_parse("achieved ", &c), -1);
	assert_int_equal(wm_goal_change_parse(NULL, &c), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rating_text),
		cmocka_unit_test(test_rating_number),
		cmocka_unit_test(test_text_and_note),
		cmocka_unit_test(test_changes),
		cmocka_unit_test(test_review),
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
