/*
 * The standards self-assessment's periods (of a network's chosen length,
 * tiling the year), their names, reasons and standard numbers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/assessment.h"

static void
test_period_lengths(void **state)
{
	static const long long ok[] = { 1, 2, 3, 4, 6, 12 };
	static const long long bad[] = { 0, -3, 5, 7, 8, 9, 10, 11, 13, 24 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		assert_null(wm_period_months_problem(ok[i]));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_non_null(wm_period_months_problem(bad[i]));
}

static void
test_period_of(void **state)
{
	static const struct {
		const char *day;
		int months;
		const char *start, *end, *name;
	} cases[] = {
		{ "2026-11-24", 3, "2026-10-01", "2026-12-31",
		    "October to December 2026" },
		{ "2026-01-01", 3, "2026-01-01", "2026-03-31",
		    "January to March 2026" },
		{ "2026-03-31", 3, "2026-01-01", "2026-03-31",
		    "January to March 2026" },
		{ "2024-02-29", 1, "2024-02-01", "2024-02-29", "February 2024" },
		{ "2025-02-10", 1, "2025-02-01", "2025-02-28", "February 2025" },
		{ "2026-07-01", 6, "2026-07-01", "2026-12-31",
		    "July to December 2026" },
		{ "2026-06-30", 6, "2026-01-01", "2026-06-30",
		    "January to June 2026" },
		{ "2026-12-31", 12, "2026-01-01", "2026-12-31", "2026" },
		{ "2026-08-15", 4, "2026-05-01", "2026-08-31",
		    "May to August 2026" },
		{ "2026-12-01", 2, "2026-11-01", "2026-12-31",
		    "November to December 2026" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct wm_date d, s, e, back;
		char a[11], b[11], name[64];

		assert_int_equal(wm_date_parse(cases[i].day, &d), 0);
		wm_period_of(&d, cases[i].months, &s, &e);
		wm_date_format(&s, a);
		wm_date_format(&e, b);
		assert_string_equal(a, cases[i].start);
		assert_string_equal(b, cases[i].end);
		wm_period_name(&s, &e, name, sizeof(name));
		assert_string_equal(name, cases[i].name);
		assert_int_equal(wm_period_parse(a, cases[i].months, &back), 0);
		assert_int_equal(wm_date_cmp(&back, &s), 0);
	}
}

static void
test_period_name_across_years(void **state)
{
	struct wm_date s = { 2026, 10, 1 }, e = { 2027, 3, 31 };
	char name[64];

	(void)state;
	wm_period_name(&s, &e, name, sizeof(name));
	assert_string_equal(name, "October 2026 to March 2027");
}

static void
test_period_parse_refuses(void **state)
{
	static const struct {
		const char *s;
		int months;
	} cases[] = {
		{ "2026-11-01", 3 },	/* inside a quarter, not its start */
		{ "2026-10-02", 3 },
		{ "2026-07-01", 12 },
		{ "2026-02-30", 1 },
		{ "2026-10", 3 },
		{ "", 3 },
		{ "2026-10-01x", 3 },
		{ "26-10-01", 3 },
	};
	struct wm_date d;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(wm_period_parse(cases[i].s, cases[i].months,
		    &d), -1);
}

static void
test_reasons(void **state)
{
	char lots[WM_REASON_MAX + 2];

	(void)state;
	assert_null(wm_reason_problem("New evidence from the team meeting"));
	assert_null(wm_reason_problem("Two lines\nof reason"));
	assert_non_null(wm_reason_problem(""));
	assert_non_null(wm_reason_problem("  \n\t "));
	assert_non_null(wm_reason_problem("bell\a"));
	memset(lots, 'a', WM_REASON_MAX);
	lots[WM_REASON_MAX] = '\0';
	assert_null(wm_reason_problem(lots));
	lots[WM_REASON_MAX] = 'a';
	lots[WM_REASON_MAX + 1] = '\0';
	assert_non_null(wm_reason_problem(lots));
}

static void
test_standard_numbers(void **state)
{
	static const struct {
		const char *s;
		int want;
	} cases[] = {
		{ "1", 1 }, { "9", 9 }, { "10", 10 }, { "0", 0 }, { "11", 0 },
		{ "01", 0 }, { "-1", 0 }, { "", 0 }, { "1a", 0 }, { " 1", 0 },
		{ "100", 0 },
	};
	size_t i;

	(void)state;
	assert_int_equal(wm_standard_parse(NULL), 0);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(wm_standard_parse(cases[i].s), cases[i].want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_period_lengths),
		cmocka_unit_test(test_period_of),
		cmocka_unit_test(test_period_name_across_years),
		cmocka_unit_test(test_period_parse_refuses),
		cmocka_unit_test(test_reasons),
		cmocka_unit_test(test_standard_numbers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
