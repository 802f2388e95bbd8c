/*
 * A service's people's change, first answer to latest: each person
 * counted as improved, about the same or worse by the person's own rule
 * (a quarter of a point), in either direction of "better"; the mean
 * change withheld below 5 people.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/change.h"
#include "testutil.h"

static void
test_outcome(void **state)
{
	static const struct {
		double first, latest;
		int higher_is_better;
		enum wm_outcome want;
	} cases[] = {
		{ 2.0, 2.25, 1, WM_OUTCOME_IMPROVED },
		{ 2.0, 2.24, 1, WM_OUTCOME_SAME },
		{ 2.0, 1.76, 1, WM_OUTCOME_SAME },
		{ 2.0, 1.75, 1, WM_OUTCOME_WORSE },
		{ 3.0, 3.0, 1, WM_OUTCOME_SAME },
		{ 1.0, 5.0, 1, WM_OUTCOME_IMPROVED },
		{ 5.0, 1.0, 1, WM_OUTCOME_WORSE },
		/* Where lower is better, the same steps the other way. */
		{ 2.0, 2.25, 0, WM_OUTCOME_WORSE },
		{ 2.0, 1.75, 0, WM_OUTCOME_IMPROVED },
		{ 2.0, 2.1, 0, WM_OUTCOME_SAME },
	};
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++)
		assert_int_equal(wm_change_outcome(cases[i].first,
		    cases[i].latest, cases[i].higher_is_better), cases[i].want);
}

static void
test_tally(void **state)
{
	static const struct {
		double first, latest;
	} people[] = {
		{ 2.0, 3.0 },	/* improved by 1 */
		{ 3.0, 2.5 },	/* worse by 0.5 */
		{ 4.0, 4.1 },	/* about the same */
		{ 1.5, 3.5 },	/* improved by 2 */
		{ 2.5, 2.5 },	/* the same */
		{ 3.0, 3.4 },	/* improved by 0.4 */
	};
	struct wm_change_tally t = { 0, 0, 0, 0, 0 };
	double mean;
	size_t i;

	(void)state;
	assert_int_equal(wm_change_tally_mean(&t, &mean), 0);
	for (i = 0; i < 4; i++)
		wm_change_tally_add(&t, people[i].first, people[i].latest, 1);
	/* Four people: counted, but their mean is not shown. */
	assert_int_equal(t.people, 4);
	assert_int_equal(wm_change_tally_mean(&t, &mean), 0);
	assert_true(mean == 0);
	for (; i < TU_NELEM(people); i++)
		wm_change_tally_add(&t, people[i].first, people[i].latest, 1);
	assert_int_equal(t.people, 6);
	assert_int_equal(t.improved, 3);
	assert_int_equal(t.same, 2);
	assert_int_equal(t.worse, 1);
	assert_int_equal(t.improved + t.same + t.worse, t.people);
	assert_int_equal(wm_change_tally_mean(&t, &mean), 1);
	/* (1 - 0.5 + 0.1 + 2 + 0 + 0.4) / 6 = 0.5 */
	assert_true(mean > 0.4999 && mean < 0.5001);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_outcome),
		cmocka_unit_test(test_tally),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
