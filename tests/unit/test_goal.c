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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rating_text),
		cmocka_unit_test(test_rating_number),
		cmocka_unit_test(test_text_and_note),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
