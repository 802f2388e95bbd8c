/*
 * Fuzz target: the FHIR date and dateTime readers (wm_date_parse,
 * wm_datetime_parse), on a NUL-terminated copy of the input. A date
 * either reader accepts must be a real calendar date that survives the
 * round trips reports rely on: formatting and reading back, and days
 * since 1970 and back, and adding months.
 * Also the period reader
 * (wm_quarter_parse, "2026-Q3" in a page's ?period=): a period it accepts
 * is written back exactly as read, and the one before it is a real one.
 * The same input is read as a cycle's "how often" (wm_cycle_every_problem),
 * which accepts only 1 to 60 written in digits.
 */
#include <string.h>

#include "core/cycle.h"
#include "core/profile.h"
#include "util/date.h"

#include "fuzz.h"

static void
check_date(const struct wm_date *d, const char *s)
{
	struct wm_date e;
	char text[11], q[8];

	FUZZ_CHECK(d->year >= 1900 && d->year <= 2999);
	FUZZ_CHECK(d->month >= 1 && d->month <= 12);
	FUZZ_CHECK(d->day >= 1 && d->day <= 31);
	wm_date_format(d, text);
	FUZZ_CHECK(strncmp(text, s, 10) == 0);
	FUZZ_CHECK(wm_date_parse(text, &e) == 0 && wm_date_cmp(d, &e) == 0);
	wm_date_from_days(wm_date_days(d), &e);
	FUZZ_CHECK(wm_date_cmp(d, &e) == 0);
	wm_date_from_days(wm_date_days(d) + 1, &e);
	FUZZ_CHECK(wm_date_cmp(d, &e) < 0);
	wm_date_quarter(d, q);
	FUZZ_CHECK(strncmp(q, text, 4) == 0 && q[5] == 'Q' &&
	    q[6] == (char)('1' + (d->month - 1) / 3));
}

/* Adding months keeps a real date (the day is clamped), whichever way. */
static void
check_months(const struct wm_date *d, const uint8_t *data, size_t size)
{
	struct wm_date e = *d;
	char text[11];
	int months = 0;
	size_t i;

	for (i = 0; i < size; i++)
		months = (months * 31 + data[i]) % 2401;
	months -= 1200;
	wm_date_add_months(&e, months);
	FUZZ_CHECK(e.day <= d->day);
	FUZZ_CHECK((e.year * 12 + e.month) - (d->year * 12 + d->month) ==
	    months);
	FUZZ_CHECK(e.month >= 1 && e.month <= 12 && e.day >= 1);
	if (e.year < 1900 || e.year > 2999)
		return;		/* real, but outside what the reader accepts */
	wm_date_format(&e, text);
	FUZZ_CHECK(wm_date_parse(text, &e) == 0);
}

static void
check_period(const char *s)
{
	struct wm_quarter p, q, r;
	char text[8];

	if (wm_quarter_parse(s, &p) != 0)
		return;
	FUZZ_CHECK(p.year >= 1900 && p.year <= 2999);
	FUZZ_CHECK(p.quarter >= 1 && p.quarter <= 4);
	wm_quarter_format(&p, text);
	FUZZ_CHECK(strcmp(text, s) == 0);
	wm_quarter_prev(&p, &q);
	FUZZ_CHECK(q.quarter >= 1 && q.quarter <= 4);
	FUZZ_CHECK(q.year * 4 + q.quarter + 1 == p.year * 4 + p.quarter);
	if (q.year < 1900)
		return;
	wm_quarter_format(&q, text);
	FUZZ_CHECK(wm_quarter_parse(text, &r) == 0 && r.year == q.year &&
	    r.quarter == q.quarter);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wm_date d, dt;
	int rd, rdt, every = 0;
	char *s;

	if (!(s = malloc(size + 1)))
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	rd = wm_date_parse(s, &d);
	rdt = wm_datetime_parse(s, &dt);
	if (rd == 0) {
		check_date(&d, s);
		/* A plain date is a dateTime too, and the same day. */
		FUZZ_CHECK(rdt == 0 && wm_date_cmp(&d, &dt) == 0);
	}
	if (rdt == 0) {
		check_date(&dt, s);
		check_months(&dt, data, size);
	}
	check_period(s);
	if (!wm_cycle_every_problem(s, &every)) {
		FUZZ_CHECK(every >= 1 && every <= WM_CYCLE_MAX_MONTHS);
		FUZZ_CHECK(strspn(s, "0123456789") == strlen(s));
	}
	free(s);
	return 0;
}
