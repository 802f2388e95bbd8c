/*
 * The windows a commissioner may choose (report/network_view.h,
 * wm_net_year_window): a year of four quarters ending with today's
 * quarter, or with the same quarter of one of the nine years before, so
 * that no two overlap. Anything else is refused, naming the field at
 * fault; the form's years (wm_net_year) are exactly those it accepts.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/profile.h"
#include "report/network_view.h"

/* The window chosen, "2025-Q1..2025-Q4", or the field at fault and why,
 * "to: ...". Two calls' answers may be compared: each of the last two
 * has a buffer of its own. */
static const char *
chosen(const char *today, const char *from, const char *to)
{
	static char bufs[2][256];
	static int turn;
	char *out = bufs[turn ^= 1];
	struct wm_date d;
	struct wm_quarter a, b;
	const char *why, *field = NULL;
	char as[8], bs[8];

	assert_int_equal(wm_date_parse(today, &d), 0);
	why = wm_net_year_window(from, to, &d, &a, &b, &field);
	if (why) {
		assert_non_null(field);
		snprintf(out, sizeof(bufs[0]), "%s: %s", field, why);
		return out;
	}
	wm_quarter_format(&a, as);
	wm_quarter_format(&b, bs);
	snprintf(out, sizeof(bufs[0]), "%s..%s", as, bs);
	return out;
}

static void
a_year_to_today_or_to_the_same_quarter_before(void **state)
{
	(void)state;
	assert_string_equal(chosen("2026-12-07", NULL, NULL),
	    "2026-Q1..2026-Q4");
	assert_string_equal(chosen("2026-12-07", "", ""), "2026-Q1..2026-Q4");
	assert_string_equal(chosen("2026-12-07", NULL, "2025-Q4"),
	    "2025-Q1..2025-Q4");
	assert_string_equal(chosen("2026-12-07", "2025-Q1", "2025-Q4"),
	    "2025-Q1..2025-Q4");
	assert_string_equal(chosen("2026-12-07", "2026-Q1", NULL),
	    "2026-Q1..2026-Q4");
	assert_string_equal(chosen("2026-12-07", NULL, "2017-Q4"),
	    "2017-Q1..2017-Q4");
	/* Today in a year's first quarter: the year runs from April. */
	assert_string_equal(chosen("2027-02-01", NULL, NULL),
	    "2026-Q2..2027-Q1");
	assert_string_equal(chosen("2027-02-01", NULL, "2026-Q1"),
	    "2025-Q2..2026-Q1");
}

static void
any_other_window_is_refused_naming_its_field(void **state)
{
	(void)state;
	/* Overlapping the years: another quarter of the year to end with. */
	assert_string_equal(chosen("2026-12-07", "2026-Q1", "2026-Q3"),
	    "to: a window is a year of four quarters that ends with this "
	    "quarter, or with the same quarter of an earlier year, ten years "
	    "back at most");
	assert_string_equal(chosen("2027-02-01", NULL, "2026-Q4"),
	    chosen("2026-12-07", NULL, "2026-Q3"));
	/* Longer or shorter than a year. */
	assert_string_equal(chosen("2026-12-07", "2026-Q4", NULL),
	    "from: a window is a year of four quarters: its first quarter is "
	    "the one three before its last");
	assert_string_equal(chosen("2026-12-07", "2024-Q1", "2025-Q4"),
	    chosen("2026-12-07", "2026-Q4", NULL));
	/* More than ten years back, or after today. */
	assert_string_equal(chosen("2026-12-07", NULL, "2016-Q4"),
	    chosen("2026-12-07", NULL, "2026-Q3"));
	assert_string_equal(chosen("2026-12-07", NULL, "2027-Q4"),
	    "to: the last quarter is after this one");
	/* Not written as quarters. */
	assert_string_equal(chosen("2026-12-07", NULL, "2026-13"),
	    "to: the last quarter is not written as a year and quarter, like "
	    "2026-Q3");
	assert_string_equal(chosen("2026-12-07", "nope", "2025-Q4"),
	    "from: the first quarter is not written as a year and quarter, "
	    "like 2026-Q1");
	assert_string_equal(chosen("2026-12-07", "2026-Q4", "2025-Q4"),
	    "from: the first quarter is after the last");
}

static void
the_forms_years_are_the_ones_accepted(void **state)
{
	struct wm_date d;
	struct wm_quarter a, b, prev = { 0, 0 };
	char as[8], bs[8], want[20];
	int back;

	(void)state;
	assert_int_equal(wm_date_parse("2027-02-01", &d), 0);
	for (back = 0; back < WM_NET_YEARS; back++) {
		wm_net_year(&d, back, &a, &b);
		wm_quarter_format(&a, as);
		wm_quarter_format(&b, bs);
		snprintf(want, sizeof(want), "%s..%s", as, bs);
		assert_string_equal(chosen("2027-02-01", as, bs), want);
		assert_string_equal(chosen("2027-02-01", NULL, bs), want);
		/* Each ends just before the later one's first quarter. */
		if (back > 0) {
			wm_quarter_prev(&prev, &prev);
			assert_int_equal(b.year, prev.year);
			assert_int_equal(b.quarter, prev.quarter);
		}
		prev = a;
	}
	assert_string_equal(chosen("2027-02-01", NULL, "2017-Q1"),
	    chosen("2026-12-07", NULL, "2026-Q3"));
}

static void
a_span_in_months(void **state)
{
	struct wm_buf b = WM_BUF_INIT;
	struct wm_date d;
	struct wm_quarter from, to;

	(void)state;
	assert_int_equal(wm_date_parse("2026-12-07", &d), 0);
	wm_net_year(&d, 0, &from, &to);
	wm_net_span_words(&b, &d, &from, &to);
	assert_string_equal(wm_buf_str(&b),
	    "January 2026 to today, 7 December 2026");
	wm_buf_clear(&b);
	wm_net_year(&d, 1, &from, &to);
	wm_net_span_words(&b, &d, &from, &to);
	assert_string_equal(wm_buf_str(&b), "January 2025 to December 2025");
	wm_buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_year_to_today_or_to_the_same_quarter_before),
		cmocka_unit_test(any_other_window_is_refused_naming_its_field),
		cmocka_unit_test(the_forms_years_are_the_ones_accepted),
		cmocka_unit_test(a_span_in_months),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
