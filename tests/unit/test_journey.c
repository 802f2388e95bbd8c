/*
 * A person's journey as drawn: the sentence says nothing about change
 * with one answer, higher/lower/about the same with more; the chart has
 * a text alternative and marks how each answer was given; text is
 * escaped.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/change.h"
#include "report/journey.h"
#include "testutil.h"

static const struct wm_journey_point pts[] = {
	{ "2025-03-05", 2.4, 0 },
	{ "2025-09-10", 2.9, 1 },
	{ "2026-03-01", 3.1, 0 },
};

static void
test_change(void **state)
{
	(void)state;
	assert_int_equal(wm_change_between(2.0, 2.2), WM_CHANGE_SAME);
	assert_int_equal(wm_change_between(2.0, 2.25), WM_CHANGE_HIGHER);
	assert_int_equal(wm_change_between(3.0, 2.75), WM_CHANGE_LOWER);
	assert_int_equal(wm_change_between(3.0, 2.8), WM_CHANGE_SAME);
}

static void
test_sentences(void **state)
{
	struct wm_journey one = { "rm", "Recovery markers", pts, 1, 0, 0, 1 };
	struct wm_journey three = { "rm", "Recovery markers", pts, 3, 0, 0, 1 };
	struct wm_journey_point down[] = { { "2025-01-01", 3.5, 0 },
	    { "2025-07-01", 2.5, 0 } };
	struct wm_journey fall = { "rm", "Recovery markers", down, 2, 0, 0, 1 };
	struct wm_buf b = WM_BUF_INIT;
	char d[32];

	(void)state;
	wm_date_words("2025-03-05", d, sizeof(d));
	assert_string_equal(d, "5 March 2025");
	assert_int_equal(wm_journey_sentence(&b, &one), 0);
	assert_non_null(strstr(b.data, "once, on 5 March 2025"));
	assert_null(strstr(b.data, "higher"));
	wm_buf_clear(&b);
	assert_int_equal(wm_journey_sentence(&b, &three), 0);
	assert_non_null(strstr(b.data, "from 2.4 to 3.1"));
	assert_non_null(strstr(b.data, "higher"));
	wm_buf_clear(&b);
	assert_int_equal(wm_journey_sentence(&b, &fall), 0);
	assert_non_null(strstr(b.data, "lower"));
	wm_buf_release(&b);
}

static void
test_chart(void **state)
{
	struct wm_journey j = { "rm", "Markers <& \"more\">", pts, 3, 0, 0, 1 };
	struct wm_buf b = WM_BUF_INIT;

	(void)state;
	assert_int_equal(wm_journey_svg(&b, &j), 0);
	assert_non_null(strstr(b.data, "role=\"img\""));
	assert_non_null(strstr(b.data, "aria-labelledby=\"rm-t rm-d\""));
	assert_non_null(strstr(b.data, "Markers &lt;&amp; &quot;more&quot;&gt;"));
	assert_null(strstr(b.data, "<& \""));
	assert_non_null(strstr(b.data, "3 answers from 5 March 2025 to 1 March "
	    "2026"));
	assert_non_null(strstr(b.data, "<polyline"));
	/* Two answers alone (circles), one with a practitioner (a square). */
	assert_non_null(strstr(b.data, "<rect"));
	assert_non_null(strstr(strstr(b.data, "<circle") + 1, "<circle"));
	wm_buf_clear(&b);
	/* Coordinates as "%.1f" writes them: 105.25 and 130.75 are exact
	 * halves, which go to the even tenth. */
	{
		struct wm_journey_point q[] = { { "2025-01-01", 3.25, 0 },
		    { "2025-07-01", 2.75, 0 } };
		struct wm_journey k = { "rm", "Markers", q, 2, 0, 0, 1 };

		assert_int_equal(wm_journey_svg(&b, &k), 0);
		assert_non_null(strstr(b.data, "points=\"44.0,105.2 "
		    "624.0,130.8\""));
		assert_non_null(strstr(b.data, "<line x1=\"44.0\" y1=\"16.0\" "
		    "x2=\"624.0\" y2=\"16.0\""));
		assert_non_null(strstr(b.data, "fill=\"#4c6272\">5</text>"));
		wm_buf_clear(&b);
	}
	j.n = 1;
	assert_int_equal(wm_journey_svg(&b, &j), 0);
	assert_null(strstr(b.data, "<polyline"));	/* no line from one point */
	wm_buf_clear(&b);
	j.n = 3;
	assert_int_equal(wm_journey_table(&b, &j), 0);
	assert_non_null(strstr(b.data, "with a practitioner (square)"));
	assert_non_null(strstr(b.data, "<caption class=\"nhsuk-table__caption\">"
	    "Markers &lt;&amp; &quot;more&quot;&gt;"));
	wm_buf_release(&b);
}

/* The person's own pages speak to them; a practitioner's speak of them,
 * in every sentence, the chart's title and the table. */
static void
test_viewpoint(void **state)
{
	struct wm_journey_point down[] = { { "2025-01-01", 3.5, 0 },
	    { "2025-07-01", 2.4, 0 } };
	struct wm_journey_point up[] = { { "2025-01-01", 2.4, 0 },
	    { "2025-07-01", 2.8, 1 } };
	struct wm_journey cases[] = {
		{ "rm", "Recovery markers", down, 1, 0, 0, 1 },
		{ "rm", "Recovery markers", down, 2, 0, 0, 1 },
		{ "rm", "Recovery markers", up, 2, 0, 0, 1 },
	};
	struct wm_buf b = WM_BUF_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++) {
		struct wm_journey *j = &cases[i];

		j->own = 1;
		assert_int_equal(wm_journey_sentence(&b, j), 0);
		assert_true(strstr(b.data, "your score") ||
		    strstr(b.data, "You have answered"));
		assert_null(strstr(b.data, "their"));
		wm_buf_clear(&b);
		j->own = 0;
		assert_int_equal(wm_journey_sentence(&b, j), 0);
		assert_true(strstr(b.data, "their score") ||
		    strstr(b.data, "They have answered"));
		assert_null(strstr(b.data, "your"));
		assert_null(strstr(b.data, "you agreed"));
		assert_null(strstr(b.data, "You have"));
		wm_buf_clear(&b);
		assert_int_equal(wm_journey_svg(&b, j), 0);
		assert_non_null(strstr(b.data, ": their scores over time"));
		assert_null(strstr(b.data, "your"));
		wm_buf_clear(&b);
		assert_int_equal(wm_journey_table(&b, j), 0);
		assert_null(strstr(b.data, "your"));
		wm_buf_clear(&b);
	}
	cases[1].own = 0;
	assert_int_equal(wm_journey_sentence(&b, &cases[1]), 0);
	assert_string_equal(b.data, "Since 1 January 2025 their score has "
	    "gone from 3.5 to 2.4 (on 1 July 2025): lower, which means they "
	    "agreed less with these statements. Setbacks are part of many "
	    "journeys; it may help to talk it through together.");
	wm_buf_clear(&b);
	cases[1].own = 1;
	assert_int_equal(wm_journey_table(&b, &cases[1]), 0);
	assert_non_null(strstr(b.data, "on your own (circle)"));
	wm_buf_clear(&b);
	cases[1].own = 0;
	assert_int_equal(wm_journey_table(&b, &cases[1]), 0);
	assert_non_null(strstr(b.data, "on their own (circle)"));
	wm_buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_change),
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_chart),
		cmocka_unit_test(test_viewpoint),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
