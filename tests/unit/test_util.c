/*
 * Tests for the small pieces everything else stands on: util/date,
 * util/buf, util/arena, util/diag, and the pure rules in
 * core/network and core/catalogue. Mostly tables: input, expected output.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalogue.h"
#include "core/cycle.h"
#include "core/network.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/diag.h"
#include "util/password.h"
#include "util/text.h"

#include "testutil.h"

/* ------------------------------------------------------------------ */
/* util/date                                                           */

struct date_case {
	const char *s;
	int ok;
	int y, m, d;
};

static const struct date_case date_cases[] = {
	{ "2026-03-04", 1, 2026, 3, 4 },
	{ "1900-01-01", 1, 1900, 1, 1 },
	{ "2999-12-31", 1, 2999, 12, 31 },
	{ "2024-02-29", 1, 2024, 2, 29 },	/* divisible by 4 */
	{ "2000-02-29", 1, 2000, 2, 29 },	/* divisible by 400 */
	{ "2025-02-28", 1, 2025, 2, 28 },
	{ "2025-04-30", 1, 2025, 4, 30 },
	{ "2025-12-31", 1, 2025, 12, 31 },
	{ "2023-02-29", 0, 0, 0, 0 },		/* common year */
	{ "1900-02-29", 0, 0, 0, 0 },		/* century, not 400 */
	{ "2100-02-29", 0, 0, 0, 0 },
	{ "2025-02-30", 0, 0, 0, 0 },
	{ "2025-04-31", 0, 0, 0, 0 },
	{ "2025-06-31", 0, 0, 0, 0 },
	{ "2025-01-32", 0, 0, 0, 0 },
	{ "2025-13-01", 0, 0, 0, 0 },
	{ "2025-00-10", 0, 0, 0, 0 },
	{ "2025-01-00", 0, 0, 0, 0 },
	{ "1899-12-31", 0, 0, 0, 0 },
	{ "3000-01-01", 0, 0, 0, 0 },
	{ "0000-01-01", 0, 0, 0, 0 },
	{ "2025-1-01", 0, 0, 0, 0 },
	{ "2025-01-1", 0, 0, 0, 0 },
	{ "25-01-01", 0, 0, 0, 0 },
	{ "2025/01/01", 0, 0, 0, 0 },
	{ "2025-01-01 ", 0, 0, 0, 0 },
	{ " 2025-01-01", 0, 0, 0, 0 },
	{ "2025-01-01x", 0, 0, 0, 0 },
	{ "2025-01-01T00:00:00Z", 0, 0, 0, 0 },	/* a date, not a dateTime */
	{ "+025-01-01", 0, 0, 0, 0 },
	{ "2025-0a-01", 0, 0, 0, 0 },
	{ "2025-01", 0, 0, 0, 0 },
	{ "2025", 0, 0, 0, 0 },
	{ "", 0, 0, 0, 0 },
};

static const struct date_case datetime_cases[] = {
	{ "2026-03-04", 1, 2026, 3, 4 },
	{ "2026-03-04T10:20:30Z", 1, 2026, 3, 4 },
	{ "2026-03-04T00:00:00Z", 1, 2026, 3, 4 },
	{ "2026-03-04T23:59:59Z", 1, 2026, 3, 4 },
	{ "2026-03-04T23:59:60Z", 1, 2026, 3, 4 },	/* a leap second */
	{ "2026-03-04T10:20:30+01:00", 1, 2026, 3, 4 },
	{ "2026-03-04T10:20:30-05:30", 1, 2026, 3, 4 },
	{ "2026-03-04T10:20:30+14:00", 1, 2026, 3, 4 },
	{ "2026-03-04T10:20:30-00:00", 1, 2026, 3, 4 },
	{ "2026-03-04T10:20:30.5Z", 1, 2026, 3, 4 },
	{ "2026-03-04T10:20:30.123+02:00", 1, 2026, 3, 4 },
	{ "2026-03-04T10:20:30.123456789Z", 1, 2026, 3, 4 },
	{ "2024-02-29T12:00:00Z", 1, 2024, 2, 29 },
	{ "2025-02-29T12:00:00Z", 0, 0, 0, 0 },
	{ "2026-03-04T10:20:30", 0, 0, 0, 0 },		/* no zone */
	{ "2026-03-04T10:20:30.1234567890Z", 0, 0, 0, 0 },
	{ "2026-03-04T10:20:30.Z", 0, 0, 0, 0 },
	{ "2026-03-04T10:20Z", 0, 0, 0, 0 },
	{ "2026-03-04T10Z", 0, 0, 0, 0 },
	{ "2026-03-04T24:00:00Z", 0, 0, 0, 0 },
	{ "2026-03-04T23:60:00Z", 0, 0, 0, 0 },
	{ "2026-03-04T23:59:61Z", 0, 0, 0, 0 },
	{ "2026-03-04T10:20:30+15:00", 0, 0, 0, 0 },
	{ "2026-03-04T10:20:30+01:60", 0, 0, 0, 0 },
	{ "2026-03-04T10:20:30+0100", 0, 0, 0, 0 },
	{ "2026-03-04T10:20:30+01", 0, 0, 0, 0 },
	{ "2026-03-04T10:20:30+01:00x", 0, 0, 0, 0 },
	{ "2026-03-04T10:20:30Zx", 0, 0, 0, 0 },
	{ "2026-03-04T10:20:30z", 0, 0, 0, 0 },
	{ "2026-03-04 10:20:30Z", 0, 0, 0, 0 },
	{ "2026-03-04t10:20:30Z", 0, 0, 0, 0 },
	{ "2026-03-04T", 0, 0, 0, 0 },
	{ "2026-03-04T1:20:30Z", 0, 0, 0, 0 },
	{ "2026-03", 0, 0, 0, 0 },
	{ "2026", 0, 0, 0, 0 },
	{ "", 0, 0, 0, 0 },
};

typedef int (*date_parser)(const char *, struct wm_date *);

static void
run_date_cases(const char *name, date_parser parse,
    const struct date_case *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct wm_date d = { 1, 2, 3 };
		int rc = parse(c[i].s, &d);
		int ok = c[i].ok ? rc == 0 && d.year == c[i].y &&
		    d.month == c[i].m && d.day == c[i].d : rc == -1;

		if (!ok) {
			print_error("%s(\"%s\"): rc %d, %d-%d-%d\n", name,
			    c[i].s, rc, d.year, d.month, d.day);
			fail();
		}
	}
}

static void
test_date_parse(void **state)
{
	(void)state;
	run_date_cases("wm_date_parse", wm_date_parse, date_cases,
	    TU_NELEM(date_cases));
	run_date_cases("wm_datetime_parse", wm_datetime_parse, datetime_cases,
	    TU_NELEM(datetime_cases));
	/* Every valid date is a valid dateTime too. */
	run_date_cases("wm_datetime_parse", wm_datetime_parse, date_cases, 8);
}

/* Parsers never read past the NUL: each input is copied into a heap
 * block of exactly its size, so ASan sees any overread. */
static void
test_date_parse_bounds(void **state)
{
	static const char *const in[] = {
		"2", "2026-", "2026-03-0", "2026-03-04T", "2026-03-04T10:2",
		"2026-03-04T10:20:30.", "2026-03-04T10:20:30+0", "2026-03-04T1",
		"2026-03-04T10:20:30+01:0", "2026-03-04T10:20:30.12",
	};
	struct wm_date d;
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(in); i++) {
		size_t n = strlen(in[i]) + 1;
		char *s = malloc(n);

		assert_non_null(s);
		memcpy(s, in[i], n);
		assert_int_equal(wm_date_parse(s, &d), -1);
		assert_int_equal(wm_datetime_parse(s, &d), -1);
		free(s);
	}
}

static int
days_in_month(int y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	    31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : n[m - 1];
}

static void
test_date_days(void **state)
{
	static const struct {
		struct wm_date d;
		long days;
	} known[] = {
		{ { 1970, 1, 1 }, 0 },
		{ { 1970, 1, 2 }, 1 },
		{ { 1969, 12, 31 }, -1 },
		{ { 2000, 1, 1 }, 10957 },
		{ { 1900, 1, 1 }, -25567 },
		{ { 2024, 2, 29 }, 19782 },
		{ { 2999, 12, 31 }, 376199 },
		{ { 1600, 3, 1 }, -135080 },
	};
	struct wm_date d, back;
	long expect;
	size_t i;
	int y, m, day;

	(void)state;
	for (i = 0; i < TU_NELEM(known); i++) {
		assert_int_equal(wm_date_days(&known[i].d), known[i].days);
		wm_date_from_days(known[i].days, &back);
		assert_int_equal(wm_date_cmp(&back, &known[i].d), 0);
	}
	/* Every day from 1 January 1600 to 31 December 3000, walked on
	 * the calendar: consecutive numbers, and back again. */
	d = (struct wm_date){ 1600, 1, 1 };
	expect = wm_date_days(&d);
	for (y = 1600; y <= 3000; y++)
		for (m = 1; m <= 12; m++)
			for (day = 1; day <= days_in_month(y, m); day++) {
				d = (struct wm_date){ y, m, day };
				if (wm_date_days(&d) != expect) {
					print_error("%d-%d-%d: %ld, want %ld\n",
					    y, m, day, wm_date_days(&d),
					    expect);
					fail();
				}
				wm_date_from_days(expect, &back);
				if (wm_date_cmp(&back, &d) != 0) {
					print_error("from_days(%ld): %d-%d-%d\n",
					    expect, back.year, back.month,
					    back.day);
					fail();
				}
				expect++;
			}
	/* And a wider range of day numbers, either side of 1970. */
	for (expect = -1000000; expect <= 1000000; expect += 7) {
		wm_date_from_days(expect, &back);
		assert_true(back.month >= 1 && back.month <= 12);
		assert_true(back.day >= 1 &&
		    back.day <= days_in_month(back.year, back.month));
		assert_int_equal(wm_date_days(&back), expect);
	}
}

static void
test_date_cmp_format(void **state)
{
	static const struct {
		struct wm_date a, b;
		int sign;
	} cmp[] = {
		{ { 2026, 3, 4 }, { 2026, 3, 4 }, 0 },
		{ { 2026, 3, 4 }, { 2026, 3, 5 }, -1 },
		{ { 2026, 3, 4 }, { 2026, 2, 28 }, 1 },
		{ { 2025, 12, 31 }, { 2026, 1, 1 }, -1 },
		{ { 2026, 1, 1 }, { 2025, 12, 31 }, 1 },
		{ { 1900, 1, 1 }, { 2999, 12, 31 }, -1 },
	};
	static const struct {
		struct wm_date d;
		const char *date;
		const char *quarter;
	} fmt[] = {
		{ { 2026, 3, 4 }, "2026-03-04", "2026-Q1" },
		{ { 2026, 1, 1 }, "2026-01-01", "2026-Q1" },
		{ { 2026, 3, 31 }, "2026-03-31", "2026-Q1" },
		{ { 2026, 4, 1 }, "2026-04-01", "2026-Q2" },
		{ { 2026, 6, 30 }, "2026-06-30", "2026-Q2" },
		{ { 2026, 7, 1 }, "2026-07-01", "2026-Q3" },
		{ { 2026, 9, 30 }, "2026-09-30", "2026-Q3" },
		{ { 2026, 10, 1 }, "2026-10-01", "2026-Q4" },
		{ { 2026, 12, 31 }, "2026-12-31", "2026-Q4" },
		{ { 1900, 1, 9 }, "1900-01-09", "1900-Q1" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cmp); i++) {
		int got = wm_date_cmp(&cmp[i].a, &cmp[i].b);

		assert_int_equal((got > 0) - (got < 0), cmp[i].sign);
		got = wm_date_cmp(&cmp[i].b, &cmp[i].a);
		assert_int_equal((got > 0) - (got < 0), -cmp[i].sign);
	}
	for (i = 0; i < TU_NELEM(fmt); i++) {
		char date[11], quarter[8];
		struct wm_date back;

		memset(date, 'x', sizeof(date));
		memset(quarter, 'x', sizeof(quarter));
		wm_date_format(&fmt[i].d, date);
		wm_date_quarter(&fmt[i].d, quarter);
		assert_string_equal(date, fmt[i].date);
		assert_string_equal(quarter, fmt[i].quarter);
		/* What is written reads back as the same date. */
		assert_int_equal(wm_date_parse(date, &back), 0);
		assert_int_equal(wm_date_cmp(&back, &fmt[i].d), 0);
	}
}

static void
test_date_add_months(void **state)
{
	static const struct {
		struct wm_date from;
		int months;
		struct wm_date want;
	} cases[] = {
		{ { 2025, 1, 31 }, 1, { 2025, 2, 28 } },
		{ { 2024, 1, 31 }, 1, { 2024, 2, 29 } },
		{ { 2000, 1, 31 }, 1, { 2000, 2, 29 } },
		{ { 2100, 1, 31 }, 1, { 2100, 2, 28 } },
		{ { 2025, 3, 31 }, -1, { 2025, 2, 28 } },
		{ { 2024, 3, 31 }, -1, { 2024, 2, 29 } },
		{ { 2025, 8, 31 }, 1, { 2025, 9, 30 } },
		{ { 2025, 5, 31 }, 1, { 2025, 6, 30 } },
		{ { 2025, 1, 31 }, 2, { 2025, 3, 31 } },
		{ { 2025, 1, 15 }, 0, { 2025, 1, 15 } },
		{ { 2025, 12, 15 }, 1, { 2026, 1, 15 } },
		{ { 2025, 1, 15 }, -1, { 2024, 12, 15 } },
		{ { 2025, 11, 30 }, 3, { 2026, 2, 28 } },
		{ { 2024, 2, 29 }, 12, { 2025, 2, 28 } },
		{ { 2024, 2, 29 }, 48, { 2028, 2, 29 } },
		{ { 2025, 5, 31 }, 12, { 2026, 5, 31 } },
		{ { 2025, 3, 10 }, -13, { 2024, 2, 10 } },
		{ { 2025, 3, 10 }, -27, { 2022, 12, 10 } },
		{ { 2025, 3, 10 }, 120, { 2035, 3, 10 } },
	};
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++) {
		struct wm_date d = cases[i].from;

		wm_date_add_months(&d, cases[i].months);
		if (wm_date_cmp(&d, &cases[i].want) != 0) {
			print_error("case %zu: %d-%d-%d %+d months: got "
			    "%d-%d-%d\n", i, cases[i].from.year,
			    cases[i].from.month, cases[i].from.day,
			    cases[i].months, d.year, d.month, d.day);
			fail();
		}
	}
}

/* A recorded timestamp in words; anything else shown as it is, cut to
 * fit. */
static void
test_datetime_words(void **state)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "2026-12-06T14:05:33Z", "6 December 2026, 14:05" },
		{ "2025-01-31T00:00:00Z", "31 January 2025, 00:00" },
		{ "2024-02-29T23:59:59Z", "29 February 2024, 23:59" },
		{ "2025-02-29T10:00:00Z", "2025-02-29T10:00:00Z" },
		{ "2025-03-01T24:00:00Z", "2025-03-01T24:00:00Z" },
		{ "2025-03-01T10:60:00Z", "2025-03-01T10:60:00Z" },
		{ "2025-03-01", "2025-03-01" },
		{ "2025-03-01T1", "2025-03-01T1" },
		{ "", "" },
	};
	char out[64], small[8];
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++) {
		wm_datetime_words(cases[i].in, out, sizeof(out));
		assert_string_equal(out, cases[i].want);
	}
	wm_datetime_words("2026-12-06T14:05:33Z", small, sizeof(small));
	assert_string_equal(small, "6 Decem");
	small[0] = 'x';
	wm_datetime_words("2026-12-06T14:05:33Z", small, 0);
	assert_int_equal(small[0], 'x');
}

/* A date, or a time stamp's day, in words, the one way dates are written
 * for people; anything else shown as it is, cut to fit. */
static void
test_date_words(void **state)
{
	static const struct {
		const char *in, *day, *month;
	} cases[] = {
		{ "2026-12-06", "6 December 2026", "December 2026" },
		{ "2026-12-06T14:05:33Z", "6 December 2026", "December 2026" },
		{ "2024-02-29", "29 February 2024", "February 2024" },
		{ "2025-02-29", "2025-02-29", "2025-02-29" },
		{ "2025-03-01x", "2025-03-01x", "2025-03-01x" },
		{ "2025-03", "2025-03", "2025-03" },
		{ "", "", "" },
	};
	char out[64], small[6];
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++) {
		wm_date_words(cases[i].in, out, sizeof(out));
		assert_string_equal(out, cases[i].day);
		wm_month_words(cases[i].in, out, sizeof(out));
		assert_string_equal(out, cases[i].month);
	}
	wm_date_words("2026-12-06", small, sizeof(small));
	assert_string_equal(small, "6 Dec");
	small[0] = 'x';
	wm_date_words("2026-12-06", small, 0);
	assert_int_equal(small[0], 'x');
}

/* ------------------------------------------------------------------ */
/* util/buf                                                            */

static void
test_buf_max_sticky(void **state)
{
	struct wm_buf b;

	(void)state;
	wm_buf_init(&b, 10);
	assert_string_equal(wm_buf_str(&b), "");
	assert_int_equal(wm_buf_puts(&b, "12345"), 0);
	assert_int_equal(b.len, 5);
	/* 11 bytes would not fit: nothing is added, and the flag sticks. */
	assert_int_equal(wm_buf_puts(&b, "678901"), -1);
	assert_int_equal(b.failed, 1);
	assert_int_equal(b.len, 5);
	assert_string_equal(wm_buf_str(&b), "12345");
	assert_int_equal(wm_buf_putc(&b, 'x'), -1);
	assert_int_equal(wm_buf_printf(&b, "%d", 1), -1);
	assert_int_equal(wm_buf_add(&b, NULL, 0), -1);
	assert_int_equal(wm_buf_puts(&b, ""), -1);
	assert_string_equal(wm_buf_str(&b), "12345");
	/* Clearing forgets the failure; exactly the maximum fits. */
	wm_buf_clear(&b);
	assert_int_equal(b.failed, 0);
	assert_string_equal(wm_buf_str(&b), "");
	assert_int_equal(wm_buf_puts(&b, "0123456789"), 0);
	assert_int_equal(b.len, 10);
	assert_int_equal(wm_buf_puts(&b, ""), 0);
	assert_int_equal(wm_buf_putc(&b, 'x'), -1);
	assert_string_equal(wm_buf_str(&b), "0123456789");
	wm_buf_release(&b);
	assert_null(b.data);
	assert_int_equal(b.max, 10);

	/* A printf that would pass the maximum fails whole. */
	wm_buf_init(&b, 8);
	assert_int_equal(wm_buf_printf(&b, "%s", "abcd"), 0);
	assert_int_equal(wm_buf_printf(&b, "%d", 12345), -1);
	assert_string_equal(wm_buf_str(&b), "abcd");
	assert_int_equal(b.failed, 1);
	wm_buf_release(&b);
}

/* wm_buf_putll writes what "%lld" writes, at the ends of the range too. */
static void
test_buf_putll(void **state)
{
	static const long long v[] = { 0, 1, -1, 9, 10, -10, 1234567890,
	    -1000000, 9223372036854775807LL, -9223372036854775807LL - 1 };
	struct wm_buf b = WM_BUF_INIT;
	char want[32];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		wm_buf_clear(&b);
		wm_buf_puts(&b, "x");
		assert_int_equal(wm_buf_putll(&b, v[i]), 0);
		snprintf(want, sizeof(want), "x%lld", v[i]);
		assert_string_equal(wm_buf_str(&b), want);
	}
	wm_buf_release(&b);
}

static void
test_buf_growth(void **state)
{
	struct wm_buf b = WM_BUF_INIT;
	char want[16], big[301];
	int i;

	(void)state;
	for (i = 0; i < 1000; i++)
		assert_int_equal(wm_buf_printf(&b, "%04d,", i), 0);
	assert_int_equal(b.len, 5000);
	assert_int_equal(strlen(wm_buf_str(&b)), 5000);
	assert_true(b.cap > b.len);
	for (i = 0; i < 1000; i += 111) {
		snprintf(want, sizeof(want), "%04d,", i);
		assert_memory_equal(b.data + 5 * i, want, 5);
	}
	/* One long conversion, past any first allocation. */
	wm_buf_clear(&b);
	memset(big, 'q', 300);
	big[300] = '\0';
	assert_int_equal(wm_buf_printf(&b, "<%s|%d>", big, -42), 0);
	assert_int_equal(b.len, 306);
	assert_memory_equal(b.data + 300, "q|-42>", 7);
	/* Bytes, NUL included, and the contents handed over. */
	wm_buf_clear(&b);
	assert_int_equal(wm_buf_add(&b, "a\0b", 3), 0);
	assert_int_equal(b.len, 3);
	assert_int_equal(b.data[3], '\0');
	{
		char *s = wm_buf_detach(&b);

		assert_memory_equal(s, "a\0b", 4);
		free(s);
	}
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.max, WM_BUF_DEFAULT_MAX);
	/* Detaching an empty buffer still gives a string to free. */
	{
		char *s = wm_buf_detach(&b);

		assert_non_null(s);
		assert_string_equal(s, "");
		free(s);
	}
	wm_buf_release(&b);
}

/* ------------------------------------------------------------------ */
/* util/arena                                                          */

static void
test_arena(void **state)
{
	struct wm_arena a = WM_ARENA_INIT;
	unsigned char *p, *q;
	char *s;
	size_t i;

	(void)state;
	for (i = 1; i < 200; i += 13) {
		p = wm_arena_alloc(&a, i);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % alignof(max_align_t), 0);
		for (size_t k = 0; k < i; k++)
			assert_int_equal(p[k], 0);
		memset(p, 0xff, i);
	}
	/* Two allocations never overlap. */
	p = wm_arena_alloc(&a, 24);
	q = wm_arena_alloc(&a, 24);
	assert_true(p + 24 <= q || q + 24 <= p);
	/* Zero bytes still gives distinct, usable pointers. */
	p = wm_arena_alloc(&a, 0);
	q = wm_arena_alloc(&a, 0);
	assert_non_null(p);
	assert_non_null(q);
	assert_true(p != q);
	/* Bigger than a chunk. */
	p = wm_arena_alloc(&a, 100000);
	assert_non_null(p);
	assert_int_equal(p[99999], 0);
	p[99999] = 1;
	s = wm_arena_strdup(&a, "waymark");
	assert_string_equal(s, "waymark");
	s = wm_arena_strndup(&a, "waymark", 3);
	assert_string_equal(s, "way");
	s = wm_arena_strndup(&a, "", 0);
	assert_string_equal(s, "");
	p = wm_arena_calloc(&a, 10, sizeof(double));
	assert_non_null(p);
	assert_true(a.used >= 100000 + 80);
	assert_null(wm_arena_calloc(&a, SIZE_MAX / 2 + 1, 4));
	assert_null(wm_arena_calloc(&a, SIZE_MAX, SIZE_MAX));
	assert_null(wm_arena_alloc(&a, SIZE_MAX));
	assert_null(wm_arena_alloc(&a, SIZE_MAX / 2 + 1));
	wm_arena_release(&a);
	assert_null(a.head);
	assert_int_equal(a.used, 0);
	/* Released arenas can be used again. */
	assert_non_null(wm_arena_strdup(&a, "again"));
	wm_arena_release(&a);
	wm_arena_release(&a);
}

static void
test_arena_max(void **state)
{
	struct wm_arena a = WM_ARENA_INIT;
	size_t step = alignof(max_align_t);

	(void)state;
	a.max = 4 * step;
	assert_non_null(wm_arena_alloc(&a, 2 * step));
	assert_null(wm_arena_alloc(&a, 3 * step));	/* past max */
	assert_non_null(wm_arena_alloc(&a, step));
	assert_non_null(wm_arena_alloc(&a, 1));		/* rounds up to step */
	assert_int_equal(a.used, 4 * step);
	assert_null(wm_arena_alloc(&a, 1));
	assert_null(wm_arena_strdup(&a, ""));
	assert_null(wm_arena_alloc(&a, 0));
	wm_arena_release(&a);
	assert_non_null(wm_arena_alloc(&a, 4 * step));
	assert_null(wm_arena_alloc(&a, 5 * step));
	wm_arena_release(&a);
}

/* ------------------------------------------------------------------ */
/* util/diag                                                           */

static void
test_diags(void **state)
{
	struct wm_diags d = WM_DIAGS_INIT;
	char where[8] = "item q1";
	size_t i;

	(void)state;
	assert_int_equal(wm_diags_count(&d), 0);
	wm_diags_add(&d, 3, 14, where, "option %d of %s", 2, "q1");
	wm_diags_add(&d, 0, 0, NULL, "no place");
	where[5] = 'X';	/* the place was copied */
	assert_int_equal(d.n, 2);
	assert_int_equal(d.v[0].line, 3);
	assert_int_equal(d.v[0].column, 14);
	assert_string_equal(d.v[0].where, "item q1");
	assert_string_equal(d.v[0].message, "option 2 of q1");
	assert_null(d.v[1].where);
	assert_string_equal(d.v[1].message, "no place");
	/* Said one way, for the command line and the pages alike. */
	wm_diags_add(&d, 0, 0, "item q2", "no answer");
	{
		struct wm_buf said = WM_BUF_INIT;

		wm_diag_say(&said, "f.json", &d, 0);
		assert_string_equal(wm_buf_str(&said), "f.json:3:14: option 2 "
		    "of q1");
		wm_buf_clear(&said);
		wm_diag_say(&said, "f.json", &d, 1);
		assert_string_equal(wm_buf_str(&said), "f.json: no place");
		wm_buf_clear(&said);
		wm_diag_say(&said, "f.json", &d, 2);
		assert_string_equal(wm_buf_str(&said), "f.json: item q2: no "
		    "answer");
		wm_buf_clear(&said);
		wm_diag_say(&said, "f.json", &d, 3);
		assert_int_equal(said.len, 0);
		d.dropped = 4;
		wm_diag_say(&said, "f.json", &d, 3);
		assert_string_equal(wm_buf_str(&said), "f.json: ... and 4 more "
		    "problems");
		wm_buf_release(&said);
	}
	wm_diags_release(&d);
	assert_int_equal(wm_diags_count(&d), 0);
	assert_null(d.v);

	/* Past `max`, problems are counted but not kept. */
	for (i = 0; i < 250; i++)
		wm_diags_add(&d, (int)i + 1, 1, "x", "problem %zu", i);
	assert_int_equal(d.max, 200);
	assert_int_equal(d.n, 200);
	assert_int_equal(d.dropped, 50);
	assert_int_equal(wm_diags_count(&d), 250);
	assert_string_equal(d.v[199].message, "problem 199");
	assert_int_equal(d.v[199].line, 200);
	wm_diags_release(&d);
	assert_int_equal(d.dropped, 0);

	wm_diags_init(&d);
	d.max = 2;
	wm_diags_add(&d, 0, 0, NULL, "one");
	wm_diags_add(&d, 0, 0, NULL, "two");
	wm_diags_add(&d, 0, 0, NULL, "three");
	assert_int_equal(d.n, 2);
	assert_int_equal(d.dropped, 1);
	assert_int_equal(wm_diags_count(&d), 3);
	wm_diags_release(&d);
}

/* ------------------------------------------------------------------ */
/* core/network                                                        */

struct check_case {
	const char *s;
	int ok;
};

#define C64 "abcdefghij0123456789abcdefghij0123456789abcdefghij0123456789abcd"

static const struct check_case code_cases[] = {
	{ "north-ward", 1 }, { "a", 1 }, { "ward-7", 1 }, { "7", 1 },
	{ C64, 1 }, { C64 "e", 0 }, { "", 0 }, { "North-ward", 0 },
	{ "north_ward", 0 }, { "north.ward", 0 }, { "north ward", 0 },
	{ "north/ward", 0 }, { "caf\xc3\xa9", 0 }, { "ward\n", 0 },
};

static const struct check_case ident_cases[] = {
	{ "WM-0001", 1 }, { "a.b_c-D", 1 }, { "x", 1 }, { C64, 1 },
	{ C64 "e", 0 }, { "", 0 }, { "WM 0001", 0 }, { "WM/0001", 0 },
	{ "WM@1", 0 }, { "caf\xc3\xa9", 0 }, { "a\tb", 0 }, { "a'b", 0 },
	/* "." and ".." are not path segments a link can carry. */
	{ ".", 0 }, { "..", 0 }, { "...", 1 }, { ".a", 1 }, { "a..", 1 },
};

static const struct check_case email_cases[] = {
	{ "sam@example.org", 1 }, { "a@b", 1 }, { "first.last+tag@x.y", 1 },
	{ "", 0 }, { "ab", 0 }, { "sam", 0 }, { "@example.org", 0 },
	{ "sam@", 0 }, { "sam@@example.org", 0 }, { "a@b@c", 0 },
	{ "sam @example.org", 0 }, { "sam@example.org ", 0 },
	{ "sam@exa\tmple.org", 0 }, { "sam@example.org\x7f", 0 },
	{ "sam@example\n.org", 0 },
};

static void
run_checks(const char *name, const char *(*check)(const char *),
    const struct check_case *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const char *why = check(c[i].s);

		if ((why == NULL) != c[i].ok) {
			print_error("%s(\"%s\"): %s\n", name, c[i].s,
			    why ? why : "accepted");
			fail();
		}
		/* A reason is plain English, not an empty string. */
		if (why)
			assert_true(strlen(why) > 10);
	}
}

static void
test_network_strings(void **state)
{
	char long_email[300], name[202];

	(void)state;
	run_checks("wm_code_problem", wm_code_problem, code_cases,
	    TU_NELEM(code_cases));
	run_checks("wm_ident_problem", wm_ident_problem, ident_cases,
	    TU_NELEM(ident_cases));
	run_checks("wm_email_problem", wm_email_problem, email_cases,
	    TU_NELEM(email_cases));
	/* 254 bytes is the longest address. */
	memset(long_email, 'a', sizeof(long_email));
	long_email[1] = '@';
	long_email[254] = '\0';
	assert_null(wm_email_problem(long_email));
	long_email[254] = 'a';
	long_email[255] = '\0';
	assert_non_null(wm_email_problem(long_email));
	/* Names: 200 characters, not bytes. */
	memset(name, 'n', sizeof(name));
	name[200] = '\0';
	assert_null(wm_name_problem(name));
	name[200] = 'n';
	name[201] = '\0';
	assert_non_null(wm_name_problem(name));
}

/* 200 two-byte letters are 200 characters, and a name; 201 are not. */
static void
test_network_name_characters(void **state)
{
	char name[201 * 2 + 1];
	size_t i;

	(void)state;
	for (i = 0; i < 201; i++)
		memcpy(name + 2 * i, "\xc3\xa9", 2);
	name[200 * 2] = '\0';
	assert_null(wm_name_problem(name));
	name[200 * 2] = '\xc3';
	name[201 * 2] = '\0';
	assert_string_equal(wm_name_problem(name),
	    "a name is at most 200 characters");
	/* Spaces alone show as an empty heading or a link with no words. */
	assert_string_equal(wm_name_problem(" "), "a name cannot be only "
	    "spaces");
	assert_non_null(wm_name_problem("   "));
	assert_non_null(wm_name_problem("\xc2\xa0 \xe3\x80\x80"));
	assert_null(wm_name_problem(" Sam "));
	assert_null(wm_name_problem("\xc2\xa0Sam"));
}

static const struct check_case name_cases[] = {
	{ "Sam Smith", 1 },
	{ "Zo\xc3\xab O'Brien-Jones", 1 },		/* 2-byte UTF-8 */
	{ "\xe6\x9d\x8e\xe5\xb0\x8f\xe9\xbe\x99", 1 },	/* 3-byte */
	{ "Sam \xf0\x9f\x8c\xb1", 1 },			/* 4-byte */
	{ "\xc2\xa0Sam", 1 },				/* U+00A0 */
	{ "\xef\xbf\xbd", 1 },				/* U+FFFD */
	{ "\xf4\x8f\xbf\xbf", 1 },			/* U+10FFFF */
	{ "", 0 },
	{ " ", 0 },
	{ "\xc2\xa0", 0 },				/* U+00A0 alone */
	{ "\xe2\x80\x83 ", 0 },				/* an em space */
	{ "Sam\tSmith", 0 },
	{ "Sam\nSmith", 0 },
	{ "Sam\rSmith", 0 },
	{ "\x01", 0 },
	{ "Sam\x1b[31m", 0 },				/* an escape */
	{ "Sam\x7f", 0 },
	{ "Sam\xc2\x85", 0 },				/* U+0085, NEL */
	{ "\xc2\x80", 0 },				/* U+0080 */
	{ "Sam\xc2\x9f", 0 },				/* U+009F */
	{ "Sam\xff", 0 },
	{ "Sam\x80", 0 },				/* stray continuation */
	{ "\xc3", 0 },					/* truncated at the end */
	{ "\xe2\x82", 0 },
	{ "\xe2\x82" "A", 0 },
	{ "\xf0\x9f\x98", 0 },
	{ "\xc0\xaf", 0 },				/* overlong '/' */
	{ "\xc1\xbf", 0 },
	{ "\xe0\x80\xaf", 0 },				/* overlong, 3 bytes */
	{ "\xf0\x80\x80\xaf", 0 },			/* overlong, 4 bytes */
	{ "\xed\xa0\x80", 0 },				/* a surrogate */
	{ "\xf4\x90\x80\x80", 0 },			/* past U+10FFFF */
	{ "\xf5\x80\x80\x80", 0 },
	{ "\xf8\x88\x80\x80\x80", 0 },
};

/* Each name is copied to a block of exactly its size, so ASan sees a
 * read past the NUL of a truncated sequence. */
static void
test_network_names(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(name_cases); i++) {
		size_t n = strlen(name_cases[i].s) + 1;
		char *s = malloc(n);
		const char *why;

		assert_non_null(s);
		memcpy(s, name_cases[i].s, n);
		why = wm_name_problem(s);
		free(s);
		if ((why == NULL) != name_cases[i].ok) {
			print_error("wm_name_problem case %zu: %s\n", i,
			    why ? why : "accepted");
			fail();
		}
	}
	assert_non_null(strstr(wm_name_problem("a\x01"), "control"));
	assert_non_null(strstr(wm_name_problem("a\xff"), "UTF-8"));
	assert_non_null(strstr(wm_name_problem(""), "empty"));
}

static void
test_network_units_roles(void **state)
{
	static const struct {
		enum wm_unit_kind kind;
		int has_parent;
		enum wm_unit_kind parent;
		int ok;
	} parents[] = {
		{ WM_UNIT_NETWORK, 0, WM_UNIT_NETWORK, 1 },
		{ WM_UNIT_NETWORK, 1, WM_UNIT_NETWORK, 0 },
		{ WM_UNIT_NETWORK, 1, WM_UNIT_PROVIDER, 0 },
		{ WM_UNIT_PROVIDER, 1, WM_UNIT_NETWORK, 1 },
		{ WM_UNIT_PROVIDER, 0, WM_UNIT_NETWORK, 0 },
		{ WM_UNIT_PROVIDER, 1, WM_UNIT_PROVIDER, 0 },
		{ WM_UNIT_PROVIDER, 1, WM_UNIT_SERVICE, 0 },
		{ WM_UNIT_SERVICE, 1, WM_UNIT_PROVIDER, 1 },
		{ WM_UNIT_SERVICE, 0, WM_UNIT_PROVIDER, 0 },
		{ WM_UNIT_SERVICE, 1, WM_UNIT_NETWORK, 0 },
		{ WM_UNIT_SERVICE, 1, WM_UNIT_SERVICE, 0 },
	};
	static const char *const kinds[] = { "network", "provider",
	    "service" };
	static const char *const roles[] = { "person", "practitioner", "lead",
	    "validator", "commissioner", "admin" };
	static const char *const bad[] = { "", "Network", "services", "unit",
	    "Admin", "root", "admin " };
	enum wm_unit_kind k;
	enum wm_role r;
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(parents); i++) {
		const char *why = wm_unit_parent_problem(parents[i].kind,
		    parents[i].has_parent, parents[i].parent);

		if ((why == NULL) != parents[i].ok) {
			print_error("parent case %zu: %s\n", i,
			    why ? why : "accepted");
			fail();
		}
	}
	assert_non_null(wm_unit_parent_problem((enum wm_unit_kind)9, 0,
	    WM_UNIT_NETWORK));
	for (i = 0; i < TU_NELEM(kinds); i++) {
		assert_int_equal(wm_unit_kind_parse(kinds[i], &k), 0);
		assert_int_equal(k, (enum wm_unit_kind)i);
		assert_string_equal(wm_unit_kind_name(k), kinds[i]);
	}
	for (i = 0; i < TU_NELEM(roles); i++) {
		assert_int_equal(wm_role_parse(roles[i], &r), 0);
		assert_int_equal(r, (enum wm_role)i);
		assert_string_equal(wm_role_name(r), roles[i]);
	}
	assert_int_equal(WM_ROLE_ADMIN, 5);
	for (i = 0; i < TU_NELEM(bad); i++) {
		k = WM_UNIT_SERVICE;
		r = WM_ROLE_LEAD;
		assert_int_equal(wm_unit_kind_parse(bad[i], &k), -1);
		assert_int_equal(wm_role_parse(bad[i], &r), -1);
		assert_int_equal(k, WM_UNIT_SERVICE);
		assert_int_equal(r, WM_ROLE_LEAD);
	}
	assert_string_equal(wm_unit_kind_name((enum wm_unit_kind)3),
	    "unknown");
	assert_string_equal(wm_role_name((enum wm_role)6), "unknown");
	/* In words, for people to read. */
	assert_string_equal(wm_role_words(WM_ROLE_PRACTITIONER),
	    "Practitioner");
	assert_string_equal(wm_role_words(WM_ROLE_LEAD), "Service lead");
	assert_string_equal(wm_role_words(WM_ROLE_ADMIN), "Administrator");
	assert_string_equal(wm_role_words((enum wm_role)6), "Someone");
}

/* ------------------------------------------------------------------ */
/* core/catalogue                                                      */

static void
test_catalogue_shipped(void **state)
{
	static const char *const codes[] = {
		"recovery-awareness", "intentional-peer-support", "wrap",
		"recovery-qualities", "support-time-recovery",
		"recovery-degree-module",
	};
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_catalogue *c = NULL;
	const struct wm_concept *k;
	size_t len, i;
	char *text = tu_read_instrument_file("training-courses.json", &len);

	(void)state;
	assert_non_null(text);
	if (wm_catalogue_parse(text, len, &c, &d) != 0)
		tu_print_diags("training-courses.json", &d);
	free(text);
	assert_non_null(c);
	assert_int_equal(wm_diags_count(&d), 0);
	assert_string_equal(c->url,
	    "https://waymark.example/fhir/CodeSystem/recovery-training");
	assert_string_equal(c->version, "1.0.0");
	assert_non_null(strstr(c->purpose, "Recovery Devon"));
	assert_non_null(strstr(c->copyright, "Licence"));
	assert_int_equal(c->n_concepts, TU_NELEM(codes));
	for (i = 0; i < TU_NELEM(codes); i++) {
		k = wm_catalogue_find(c, codes[i]);
		assert_non_null(k);
		assert_true(k == &c->concepts[i]);
		assert_non_null(k->display);
		assert_non_null(k->definition);
	}
	assert_string_equal(wm_catalogue_find(c, "wrap")->display,
	    "WRAP Training");
	/* Property codes are not concepts. */
	assert_null(wm_catalogue_find(c, "duration"));
	assert_null(wm_catalogue_find(c, "WRAP"));
	assert_null(wm_catalogue_find(c, ""));
	wm_catalogue_free(c);
	wm_catalogue_free(NULL);
}

static const char catalogue_template[] =
    "{\n"
    "  \"resourceType\": \"CodeSystem\",\n"
    "  \"url\": \"https://waymark.example/fhir/CodeSystem/test\",\n"
    "  \"version\": \"1.0.0\",\n"
    "  \"title\": \"Test courses\",\n"
    "  \"purpose\": \"Unit tests\",\n"
    "  \"copyright\": \"CC0 1.0\",\n"
    "  \"concept\": [\n"
    "    {\"code\": \"one\", \"display\": \"One\", "
    "\"definition\": \"The first\"},\n"
    "    {\"code\": \"two\", \"display\": \"Two\"}\n"
    "  ]\n"
    "}\n";

static const struct {
	const char *name;
	const char *find, *repl;
	const char *where, *msg;
	int line;	/* for JSON syntax: the line, and no place */
} catalogue_cases[] = {
	{ "a Questionnaire", "\"CodeSystem\"", "\"Questionnaire\"",
	    "field resourceType", "must be a CodeSystem", 0 },
	{ "no resourceType", "  \"resourceType\": \"CodeSystem\",\n", "",
	    "field resourceType", "must be a CodeSystem", 0 },
	{ "no url",
	    "  \"url\": \"https://waymark.example/fhir/CodeSystem/test\",\n",
	    "", "field url", "'url' must be a non-empty string", 0 },
	{ "empty url", "\"https://waymark.example/fhir/CodeSystem/test\"",
	    "\"\"", "field url", "non-empty", 0 },
	{ "no version", "  \"version\": \"1.0.0\",\n", "",
	    "field version", "'version'", 0 },
	{ "no title", "  \"title\": \"Test courses\",\n", "",
	    "field title", "'title'", 0 },
	{ "no purpose", "  \"purpose\": \"Unit tests\",\n", "",
	    "field purpose", "'purpose'", 0 },
	{ "no copyright", "  \"copyright\": \"CC0 1.0\",\n", "",
	    "field copyright", "'copyright'", 0 },
	{ "copyright not a string", "\"CC0 1.0\"", "[\"CC0\"]",
	    "field copyright", "'copyright'", 0 },
	{ "no concepts", "\"concept\"", "\"concepts\"",
	    "field concept", "must list 1 to", 0 },
	{ "empty concept list", "\"concept\": [\n",
	    "\"concept\": [],\n  \"x\": [\n",
	    "field concept", "must list 1 to", 0 },
	{ "concept without a code", "{\"code\": \"two\", ", "{",
	    "field concept", "'code'", 0 },
	{ "concept with a numeric code", "\"code\": \"two\"", "\"code\": 2",
	    "field concept", "'code'", 0 },
	{ "concept without a display", "\"display\": \"Two\"",
	    "\"name\": \"Two\"",
	    "field concept", "'display'", 0 },
	{ "empty definition", "\"The first\"", "\"\"",
	    "field concept", "'definition'", 0 },
	{ "duplicate code", "\"code\": \"two\"", "\"code\": \"one\"",
	    "field concept", "code 'one' appears twice", 0 },
	{ "bad JSON", "\"title\": \"Test courses\",", "\"title\": ",
	    NULL, NULL, 6 },
	{ "duplicate key", "  \"title\": \"Test courses\",\n",
	    "  \"title\": \"Test courses\",\n  \"title\": \"Again\",\n",
	    NULL, "duplicate", 6 },
};

static void
test_catalogue_malformed(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(catalogue_cases); i++) {
		const char *edit[2] = { catalogue_cases[i].find,
		    catalogue_cases[i].repl };
		struct wm_diags d = WM_DIAGS_INIT;
		struct wm_catalogue *c = (struct wm_catalogue *)&d;
		char *text = tu_edit(catalogue_template, edit, 1);
		int rc, ok;

		assert_non_null(text);
		rc = wm_catalogue_parse(text, strlen(text), &c, &d);
		free(text);
		if (catalogue_cases[i].line)
			ok = d.n == 1 && d.v[0].where == NULL &&
			    d.v[0].line == catalogue_cases[i].line &&
			    d.v[0].column > 0 && (!catalogue_cases[i].msg ||
			    strstr(d.v[0].message, catalogue_cases[i].msg));
		else
			ok = tu_has_diag(&d, catalogue_cases[i].where,
			    catalogue_cases[i].msg);
		if (rc != -1 || c != NULL || !ok) {
			print_error("case %zu (%s): rc %d\n", i,
			    catalogue_cases[i].name, rc);
			tu_print_diags(catalogue_cases[i].name, &d);
			wm_diags_release(&d);
			fail();
		}
		wm_diags_release(&d);
	}
}

/* The template is valid; the limits on concepts and size hold. */
static void
test_catalogue_limits(void **state)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_catalogue *c = NULL;
	struct wm_buf b = WM_BUF_INIT;
	char *big;
	int i, k;

	(void)state;
	assert_int_equal(wm_catalogue_parse(catalogue_template,
	    strlen(catalogue_template), &c, &d), 0);
	assert_int_equal(c->n_concepts, 2);
	assert_string_equal(c->concepts[0].definition, "The first");
	assert_null(c->concepts[1].definition);
	assert_string_equal(wm_catalogue_find(c, "two")->display, "Two");
	assert_null(wm_catalogue_find(c, "three"));
	wm_catalogue_free(c);

	/* 1000 concepts are allowed, 1001 are not. */
	for (i = 1000; i <= 1001; i++) {
		wm_buf_clear(&b);
		wm_buf_puts(&b, "{\"resourceType\": \"CodeSystem\", "
		    "\"url\": \"urn:test\", \"version\": \"1\", \"title\": \"T\", "
		    "\"purpose\": \"P\", \"copyright\": \"C\", \"concept\": [");
		for (k = 0; k < i; k++)
			wm_buf_printf(&b, "%s{\"code\": \"c%d\", "
			    "\"display\": \"C %d\"}", k ? ", " : "", k, k);
		wm_buf_puts(&b, "]}");
		assert_int_equal(b.failed, 0);
		c = (struct wm_catalogue *)&d;
		assert_int_equal(wm_catalogue_parse(b.data, b.len, &c, &d),
		    i == 1000 ? 0 : -1);
		if (i == 1000) {
			assert_int_equal(c->n_concepts, 1000);
			assert_string_equal(wm_catalogue_find(c, "c999")->display,
			    "C 999");
			wm_catalogue_free(c);
		} else {
			assert_null(c);
			assert_true(tu_has_diag(&d, "field concept",
			    "must list 1 to 1000"));
		}
	}
	wm_buf_release(&b);
	wm_diags_release(&d);

	/* Over 1 MiB is refused before it is read. */
	big = malloc(((size_t)1 << 20) + 1);
	assert_non_null(big);
	memset(big, ' ', ((size_t)1 << 20) + 1);
	memcpy(big, catalogue_template, strlen(catalogue_template));
	c = (struct wm_catalogue *)&d;
	assert_int_equal(wm_catalogue_parse(big, ((size_t)1 << 20) + 1, &c,
	    &d), -1);
	assert_null(c);
	assert_true(tu_has_diag(&d, NULL, "limit"));
	wm_diags_release(&d);
	assert_int_equal(wm_catalogue_parse(big, (size_t)1 << 20, &c, &d), 0);
	wm_catalogue_free(c);
	free(big);
	wm_diags_release(&d);
}

static void
test_text_check(void **state)
{
	static const struct {
		const char *s;
		int multiline;
		enum wm_text_result want;
	} cases[] = {
		{ "", 0, WM_TEXT_OK },
		{ "plain words", 0, WM_TEXT_OK },
		{ "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x8c\xb1", 0, WM_TEXT_OK },
		{ "two\nlines\tand a tab", 1, WM_TEXT_OK },
		{ "two\nlines", 0, WM_TEXT_CONTROL },
		{ "bell\x07", 1, WM_TEXT_CONTROL },
		{ "esc\x1b[2J", 1, WM_TEXT_CONTROL },
		{ "del\x7f", 1, WM_TEXT_CONTROL },
		{ "c1 \xc2\x85 next line", 1, WM_TEXT_CONTROL },
		{ "c1 \xc2\x9f", 1, WM_TEXT_CONTROL },
		{ "nbsp \xc2\xa0 is fine", 1, WM_TEXT_OK },
		{ "cut \xc3", 1, WM_TEXT_BAD_UTF8 },
		{ "overlong \xc0\xaf", 1, WM_TEXT_BAD_UTF8 },
		{ "surrogate \xed\xa0\x80", 1, WM_TEXT_BAD_UTF8 },
		{ "too big \xf4\x90\x80\x80", 1, WM_TEXT_BAD_UTF8 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++)
		assert_int_equal(wm_text_check(cases[i].s, cases[i].multiline),
		    cases[i].want);
}

static void
test_password(void **state)
{
	char hash[WM_PASSWORD_HASH_MAX], again[WM_PASSWORD_HASH_MAX];
	char secret[] = "correct horse battery staple";

	(void)state;
	assert_int_equal(wm_password_hash(secret, hash), 0);
	assert_int_equal(strncmp(hash, "$argon2id$", 10), 0);
	assert_null(strstr(hash, "horse"));
	assert_true(wm_password_verify(hash, secret));
	assert_false(wm_password_verify(hash, "correct horse battery stapler"));
	assert_false(wm_password_verify(hash, ""));
	assert_false(wm_password_verify("not a hash", secret));
	/* A new salt each time: the same password never hashes the same. */
	assert_int_equal(wm_password_hash(secret, again), 0);
	assert_string_not_equal(hash, again);
	/* A chosen salt gives the same hash every time, in the form the
	 * ordinary verifier reads. */
	{
		static const unsigned char salt[16] = "0123456789abcdef";
		char s1[WM_PASSWORD_HASH_MAX], s2[WM_PASSWORD_HASH_MAX];

		assert_int_equal(wm_password_hash_salted(secret, salt, s1), 0);
		assert_int_equal(wm_password_hash_salted(secret, salt, s2), 0);
		assert_string_equal(s1, s2);
		assert_int_equal(strncmp(s1, "$argon2id$v=19$m=65536,t=2,p=1$",
		    31), 0);
		assert_true(wm_password_verify(s1, secret));
		assert_false(wm_password_verify(s1, "something else"));
	}
	wm_password_wipe(secret, sizeof(secret));
	assert_int_equal(secret[0], 0);
}

/* One password rule (libpwquality with cracklib's dictionary, and at
 * least 10 characters): easy guesses refused, each with a plain reason;
 * passphrases, the demo's printed passwords among them, accepted. */
static void
test_password_quality(void **state)
{
	static const struct {
		const char *password, *reason;
	} bad[] = {
		{ "          ", "reads the same backwards" },
		{ "password12", "based on a word in the dictionary" },
		{ "aaaaaaaaaa", "reads the same backwards" },
		{ "1234567890", "simple pattern" },
		{ "abcabcabcabc", "too few different characters" },
		{ "nine char", "at least 10 characters" },
		{ "has a\nnew line in it", "without control characters" },
		{ "jo.bloggs-2024", "email address" },
	};
	static const char *const good[] = {
		"ten chars!", "correct horse battery",
		"caf\xc3\xa9 caf\xc3\xa9 x", "walk the dog at dawn",
	};
	/* The demo's printed sign-ins, each with its account's email. */
	static const char *const demo[][2] = {
		{ "demo-recovery-pass", "person@demo.waymark.example" },
		{ "demo-practitioner-pass",
		    "practitioner1.exbridge-recovery@demo.waymark.example" },
		{ "demo-lead-pass", "lead.exbridge-recovery@demo.waymark.example" },
		{ "demo-validator-pass", "validator1@demo.waymark.example" },
		{ "demo-commissioning-pass",
		    "commissioner@demo.waymark.example" },
		{ "demo-network-pass", "admin@demo.waymark.example" },
	};
	struct wm_buf why = WM_BUF_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(wm_password_check(bad[i].password,
		    "jo.bloggs@example.org", &why), -1);
		if (!strstr(wm_buf_str(&why), bad[i].reason))
			fail_msg("'%s': '%s' does not say '%s'", bad[i].password,
			    wm_buf_str(&why), bad[i].reason);
		/* The reason never repeats the password. */
		if (bad[i].password[0] != ' ')
			assert_null(strstr(wm_buf_str(&why), bad[i].password));
	}
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		if (wm_password_check(good[i], "jo.bloggs@example.org", &why))
			fail_msg("'%s' refused: %s", good[i], wm_buf_str(&why));
	for (i = 0; i < sizeof(demo) / sizeof(demo[0]); i++)
		if (wm_password_check(demo[i][0], demo[i][1], &why))
			fail_msg("'%s' refused: %s", demo[i][0], wm_buf_str(&why));
	/* libpwquality ignores a name shorter than 4 characters: the email
	 * is checked whole, and by its part before the '@' from 3. */
	assert_int_equal(wm_password_check("pw5@example.org", "pw5@example.org",
	    &why), -1);
	assert_non_null(strstr(wm_buf_str(&why), "email address"));
	assert_int_equal(wm_password_check("my PW5@Example.ORG!",
	    "pw5@example.org", &why), -1);
	assert_int_equal(wm_password_check("keep pw5 walking home",
	    "pw5@example.org", &why), -1);
	assert_non_null(strstr(wm_buf_str(&why), "the name before its @"));
	assert_int_equal(wm_password_check("walk to the Jo.B harbour",
	    "jo.b@example.org", &why), -1);
	/* A part of two characters is too short to mean anything alone, but
	 * the whole email still counts. */
	assert_int_equal(wm_password_check("walk to the jo harbour",
	    "jo@example.org", &why), 0);
	assert_int_equal(wm_password_check("harbour JO@example.org",
	    "jo@example.org", &why), -1);
	/* A password made of the account's own name is easy to guess. */
	assert_int_equal(wm_password_check("demo-person-pass",
	    "person@demo.waymark.example", &why), -1);
	assert_int_equal(wm_password_check("correct horse battery", NULL, &why),
	    0);
	wm_buf_release(&why);
}

static void
test_cycle_due(void **state)
{
	static const struct {
		const char *today, *since, *last;	/* last may be NULL */
		int months;
		enum wm_due want;
		const char *due_on;
	} cases[] = {
		{ "2025-01-10", "2025-01-01", NULL, 6, WM_DUE_NOW, "2025-01-01" },
		{ "2024-12-31", "2025-01-01", NULL, 6, WM_DUE_NOT_YET, "2025-01-01" },
		{ "2025-01-31", "2025-01-01", NULL, 6, WM_DUE_OVERDUE, "2025-01-01" },
		{ "2025-01-30", "2025-01-01", NULL, 6, WM_DUE_NOW, "2025-01-01" },
		{ "2025-05-01", "2025-01-01", "2025-01-10", 6, WM_DUE_NOT_YET,
		    "2025-07-10" },
		{ "2025-07-10", "2025-01-01", "2025-01-10", 6, WM_DUE_NOW,
		    "2025-07-10" },
		{ "2025-09-01", "2025-01-01", "2025-01-10", 6, WM_DUE_OVERDUE,
		    "2025-07-10" },
		{ "2025-03-01", "2024-01-01", "2024-08-31", 6, WM_DUE_NOW,
		    "2025-02-28" },
		{ "2026-01-01", "2025-01-01", "2025-01-01", 12, WM_DUE_NOW,
		    "2026-01-01" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++) {
		struct wm_date today, since, last, on;
		char got[11];

		assert_int_equal(wm_date_parse(cases[i].today, &today), 0);
		assert_int_equal(wm_date_parse(cases[i].since, &since), 0);
		if (cases[i].last)
			assert_int_equal(wm_date_parse(cases[i].last, &last), 0);
		assert_int_equal(wm_cycle_due(&today, cases[i].months, &since,
		    cases[i].last ? &last : NULL, &on), cases[i].want);
		wm_date_format(&on, got);
		assert_string_equal(got, cases[i].due_on);
	}
}

/* A new time on a service's caseload against an earlier one there: each
 * case's dates (YYYY-MM-DD; until "" while open) and whether they clash. */
static const struct {
	const char *next_since, *next_until, *had_since, *had_until;
	int clash;
} spell_cases[] = {
	/* Joining again inside a time that ended: the reviewer's case. */
	{ "2026-03-01", "", "2026-01-01", "2026-06-01", 1 },
	/* Joining again on the day they left, or after: no day shared. */
	{ "2026-06-01", "", "2026-01-01", "2026-06-01", 0 },
	{ "2026-07-01", "", "2026-01-01", "2026-06-01", 0 },
	/* Joining before an earlier time began, open: it covers it. */
	{ "2025-06-01", "", "2026-01-01", "2026-06-01", 1 },
	/* A closed time wholly before the other, or ending as it starts. */
	{ "2025-06-01", "2025-12-01", "2026-01-01", "2026-06-01", 0 },
	{ "2025-06-01", "2026-01-01", "2026-01-01", "2026-06-01", 0 },
	{ "2025-06-01", "2026-01-02", "2026-01-01", "2026-06-01", 1 },
	/* On it still. */
	{ "2026-08-01", "", "2026-01-01", "", 1 },
	{ "2025-08-01", "2025-09-01", "2026-01-01", "", 0 },
	/* Starting on the same day clashes, even with a time of no days. */
	{ "2026-01-01", "", "2026-01-01", "2026-01-01", 1 },
};

static void
spell_from(const char *since, const char *until, struct wm_spell *s)
{
	assert_int_equal(wm_date_parse(since, &s->since), 0);
	s->open = until[0] == '\0';
	if (!s->open)
		assert_int_equal(wm_date_parse(until, &s->until), 0);
}

static void
test_spell_overlap(void **state)
{
	struct wm_spell next, had;
	char why[256];
	const char *got;
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(spell_cases); i++) {
		memset(&next, 0, sizeof(next));
		memset(&had, 0, sizeof(had));
		spell_from(spell_cases[i].next_since, spell_cases[i].next_until,
		    &next);
		spell_from(spell_cases[i].had_since, spell_cases[i].had_until,
		    &had);
		got = wm_spell_overlap_problem(&next, &had, why, sizeof(why));
		if ((got != NULL) != spell_cases[i].clash) {
			print_error("spell case %zu: %s\n", i, got ? got :
			    "accepted");
			fail();
		}
	}
	/* Said with the dates in words. */
	spell_from("2026-03-01", "", &next);
	spell_from("2026-01-01", "2026-06-01", &had);
	assert_string_equal(wm_spell_overlap_problem(&next, &had, why,
	    sizeof(why)), "they were on that service's caseload from 1 "
	    "January 2026 to 1 June 2026: a time on it from 1 March 2026 "
	    "would overlap that and count them twice; choose a day from 1 "
	    "June 2026 on");
	/* A seventeenth caseload is refused, not dropped. */
	assert_null(wm_caseload_count_problem(WM_CASELOADS_MAX - 1));
	assert_non_null(wm_caseload_count_problem(WM_CASELOADS_MAX));
}

/* The administration's rules (core/network.h): each change names the
 * field at fault, in the order the fields are checked, and the dates of
 * joining and leaving a caseload are bounded by today and the day the
 * person joined. */
static void
test_admin_rules(void **state)
{
	struct wm_field_problem p = { 0 };
	struct wm_date today = { 2026, 12, 7 }, d, since = { 2026, 3, 1 };

	(void)state;
	assert_int_equal(wm_unit_add_problem("service", "svc", "A", &p), 0);
	assert_int_equal(wm_unit_add_problem("ward", "svc", "A", &p), -1);
	assert_string_equal(p.field, "kind");
	assert_int_equal(wm_unit_add_problem("service", "Bad", "\t", &p), -1);
	assert_string_equal(p.field, "code");
	assert_int_equal(wm_unit_add_problem("service", "ok", "a\tb", &p), -1);
	assert_string_equal(p.field, "name");
	assert_string_equal(p.message, "a name cannot contain control "
	    "characters");
	assert_int_equal(wm_person_add_problem("P 1", "A", &p), -1);
	assert_string_equal(p.field, "id");
	assert_int_equal(wm_person_add_problem("P1", "", &p), -1);
	assert_string_equal(p.field, "name");
	assert_int_equal(wm_person_add_problem("P1", "A", &p), 0);
	d = (struct wm_date){ 2026, 12, 8 };
	assert_non_null(wm_join_date_problem(&d, &today));
	assert_non_null(wm_leave_date_problem(&d, &since, &today));
	assert_null(wm_join_date_problem(&today, &today));
	assert_null(wm_leave_date_problem(&since, &since, &today));
	d = (struct wm_date){ 2026, 2, 28 };
	assert_string_equal(wm_leave_date_problem(&d, &since, &today),
	    "the date is before they joined that service");
	assert_null(wm_caseload_unit_problem(WM_UNIT_SERVICE, NULL));
	assert_non_null(wm_caseload_unit_problem(WM_UNIT_PROVIDER, NULL));
	assert_string_equal(wm_caseload_unit_problem(WM_UNIT_SERVICE,
	    "2026-12-01"), "the service is closed and takes no one new");
	assert_non_null(wm_unit_close_problem(WM_UNIT_NETWORK, 0));
	assert_non_null(wm_unit_close_problem(WM_UNIT_PROVIDER, 1));
	assert_null(wm_unit_close_problem(WM_UNIT_PROVIDER, 0));
	assert_null(wm_unit_close_problem(WM_UNIT_SERVICE, 0));
	/* The NHS date input's boxes. */
	assert_int_equal(wm_date_from_parts("", "", "", &d), 0);
	assert_int_equal(wm_date_from_parts("6", "12", "2026", &d), 1);
	assert_int_equal(wm_date_cmp(&d, &(struct wm_date){ 2026, 12, 6 }), 0);
	assert_int_equal(wm_date_from_parts("31", "2", "2026", &d), -1);
	assert_int_equal(wm_date_from_parts("6", "12", "26", &d), -1);
	assert_int_equal(wm_date_from_parts("6", "", "2026", &d), -1);
	assert_int_equal(wm_date_from_parts("+6", "12", "2026", &d), -1);
	/* As NHS guidance asks: spaces around, and the month by name. */
	assert_int_equal(wm_date_from_parts(" 6 ", "\t12 ", " 2026", &d), 1);
	assert_int_equal(wm_date_cmp(&d, &(struct wm_date){ 2026, 12, 6 }), 0);
	assert_int_equal(wm_date_from_parts("6", "December", "2026", &d), 1);
	assert_int_equal(wm_date_cmp(&d, &(struct wm_date){ 2026, 12, 6 }), 0);
	assert_int_equal(wm_date_from_parts("6", "sep", "2026", &d), 1);
	assert_int_equal(d.month, 9);
	assert_int_equal(wm_date_from_parts("6", "JUNE", "2026", &d), 1);
	assert_int_equal(d.month, 6);
	assert_int_equal(wm_date_from_parts("6", "ju", "2026", &d), -1);
	assert_int_equal(wm_date_from_parts("6", "Sept", "2026", &d), -1);
	assert_int_equal(wm_date_from_parts("6", "Decembers", "2026", &d), -1);
	assert_int_equal(wm_date_from_parts("6", "1 2", "2026", &d), -1);
	assert_int_equal(wm_date_from_parts("  ", " ", "", &d), 0);
	assert_int_equal(wm_date_from_parts("30", "feb", "2026", &d), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_parse),
		cmocka_unit_test(test_date_parse_bounds),
		cmocka_unit_test(test_date_days),
		cmocka_unit_test(test_date_cmp_format),
		cmocka_unit_test(test_date_add_months),
		cmocka_unit_test(test_datetime_words),
		cmocka_unit_test(test_date_words),
		cmocka_unit_test(test_buf_max_sticky),
		cmocka_unit_test(test_buf_growth),
		cmocka_unit_test(test_buf_putll),
		cmocka_unit_test(test_arena),
		cmocka_unit_test(test_arena_max),
		cmocka_unit_test(test_diags),
		cmocka_unit_test(test_network_strings),
		cmocka_unit_test(test_network_names),
		cmocka_unit_test(test_network_units_roles),
		cmocka_unit_test(test_catalogue_shipped),
		cmocka_unit_test(test_catalogue_malformed),
		cmocka_unit_test(test_catalogue_limits),
		cmocka_unit_test(test_text_check),
		cmocka_unit_test(test_password),
		cmocka_unit_test(test_password_quality),
		cmocka_unit_test(test_cycle_due),
		cmocka_unit_test(test_admin_rules),
		cmocka_unit_test(test_network_name_characters),
		cmocka_unit_test(test_spell_overlap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
