#include "util/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* Reads exactly n ASCII digits. */
static int
digits(const char *s, int n, int *out)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

static int
parse_date_part(const char *s, struct wm_date *out)
{
	struct wm_date d;

	if (digits(s, 4, &d.year) || s[4] != '-' || digits(s + 5, 2, &d.month) ||
	    s[7] != '-' || digits(s + 8, 2, &d.day))
		return -1;
	if (d.year < 1900 || d.year > 2999 || d.month < 1 || d.month > 12 ||
	    d.day < 1 || d.day > month_days(d.year, d.month))
		return -1;
	*out = d;
	return 0;
}

int
wm_date_parse(const char *s, struct wm_date *out)
{
	struct wm_date d;

	if (parse_date_part(s, &d) || s[10] != '\0')
		return -1;
	*out = d;
	return 0;
}

static int
parse_zone(const char *s)
{
	int h, m;

	if (s[0] == 'Z')
		return s[1] == '\0' ? 0 : -1;
	if ((s[0] != '+' && s[0] != '-') || digits(s + 1, 2, &h) || s[3] != ':' ||
	    digits(s + 4, 2, &m) || s[6] != '\0' || h > 14 || m > 59)
		return -1;
	return 0;
}

int
wm_datetime_parse(const char *s, struct wm_date *out)
{
	struct wm_date d;
	int hh, mm, ss;
	const char *p;

	if (parse_date_part(s, &d))
		return -1;
	if (s[10] == '\0') {
		*out = d;
		return 0;
	}
	p = s + 10;
	if (p[0] != 'T' || digits(p + 1, 2, &hh) || p[3] != ':' ||
	    digits(p + 4, 2, &mm) || p[6] != ':' || digits(p + 7, 2, &ss) ||
	    hh > 23 || mm > 59 || ss > 60)
		return -1;
	p += 9;
	if (*p == '.') {
		int n = 0;

		for (p++; *p >= '0' && *p <= '9'; p++)
			n++;
		if (n < 1 || n > 9)
			return -1;
	}
	if (parse_zone(p))
		return -1;
	*out = d;
	return 0;
}

/* Howard Hinnant's days_from_civil. */
long
wm_date_days(const struct wm_date *d)
{
	long y = d->year - (d->month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (d->month + 9) % 12;
	long doy = (153 * mp + 2) / 5 + d->day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
wm_date_from_days(long z, struct wm_date *out)
{
	long era, doe, yoe, y, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	out->day = (int)(doy - (153 * mp + 2) / 5 + 1);
	out->month = (int)(mp < 10 ? mp + 3 : mp - 9);
	out->year = (int)(y + (out->month <= 2));
}

int
wm_date_cmp(const struct wm_date *a, const struct wm_date *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return 0;
}

void
wm_date_format(const struct wm_date *d, char out[11])
{
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)d->year % 10000u,
	    (unsigned)d->month % 100u, (unsigned)d->day % 100u);
}

void
wm_date_quarter(const struct wm_date *d, char out[8])
{
	snprintf(out, 8, "%04u-Q%u", (unsigned)d->year % 10000u,
	    ((unsigned)d->month - 1u) / 3u % 4u + 1u);
}

void
wm_date_add_months(struct wm_date *d, int months)
{
	int m = d->year * 12 + (d->month - 1) + months;
	int last;

	d->year = m / 12;
	d->month = m % 12 + 1;
	last = month_days(d->year, d->month);
	if (d->day > last)
		d->day = last;
}

void
wm_datetime_words(const char *iso, char *out, size_t n)
{
	struct wm_date d;
	int hh, mm;

	if (n == 0)
		return;
	if (parse_date_part(iso, &d) || iso[10] != 'T' ||
	    digits(iso + 11, 2, &hh) || iso[13] != ':' ||
	    digits(iso + 14, 2, &mm) || hh > 23 || mm > 59)
		snprintf(out, n, "%s", iso);
	else
		snprintf(out, n, "%d %s %d, %02d:%02d", d.day,
		    wm_month_name(d.month), d.year, hh, mm);
}

void
wm_epoch_words(int64_t t, char *out, size_t n)
{
	struct wm_date d;
	char iso[32];

	wm_date_from_days((long)(t / 86400), &d);
	snprintf(iso, sizeof(iso), "%04d-%02d-%02dT%02d:%02d:00Z", d.year,
	    d.month, d.day, (int)(t % 86400 / 3600), (int)(t % 3600 / 60));
	wm_datetime_words(iso, out, n);
}

const char *
wm_month_name(int month)
{
	static const char *const names[] = { "January", "February", "March",
	    "April", "May", "June", "July", "August", "September", "October",
	    "November", "December" };

	return month >= 1 && month <= 12 ? names[month - 1] : "";
}

/* Appends the decimal digits of v (0 or more) at p; returns the end. */
static char *
put_digits(char *p, int v)
{
	char tmp[12];
	size_t k = 0;

	do
		tmp[k++] = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	while (k > 0)
		*p++ = tmp[--k];
	return p;
}

/* "5 March 2025" or "March 2025", put together by hand: a page shows
 * a date for every answer, and snprintf cost more than all the rest of
 * making each one. Cut short to fit n, as snprintf would. */
static void
date_words(const char *iso, int day, char *out, size_t n)
{
	struct wm_date d;
	char tmp[48], day10[11], *p = tmp;
	size_t len = strlen(iso);

	if (n == 0)
		return;
	/* A time stamp ("2026-12-06T14:05:33Z") is read as its day. */
	if (len >= 10)
		memcpy(day10, iso, 10);
	day10[len >= 10 ? 10 : 0] = '\0';
	if (len < 10 || (len > 10 && iso[10] != 'T') ||
	    wm_date_parse(day10, &d) != 0) {
		len = strlen(iso);
		p = (char *)iso;
	} else {
		if (day) {
			p = put_digits(p, d.day);
			*p++ = ' ';
		}
		len = strlen(wm_month_name(d.month));
		memcpy(p, wm_month_name(d.month), len);
		p += len;
		*p++ = ' ';
		p = put_digits(p, d.year);
		len = (size_t)(p - tmp);
		p = tmp;
	}
	if (len >= n)
		len = n - 1;
	memcpy(out, p, len);
	out[len] = '\0';
}

void
wm_date_words(const char *iso, char *out, size_t n)
{
	date_words(iso, 1, out, n);
}

void
wm_month_words(const char *iso, char *out, size_t n)
{
	date_words(iso, 0, out, n);
}

/* A box's text without the spaces around it (as NHS guidance asks a
 * date input to take them), into out (n bytes): 0, or -1 when it will
 * not fit. */
static int
trimmed(const char *s, char *out, size_t n)
{
	size_t len;

	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len >= n)
		return -1;
	memcpy(out, s, len);
	out[len] = '\0';
	return 0;
}

/* Only digits, one to max of them: their value, or -1. */
static long
box_number(const char *s, size_t max)
{
	size_t n = strlen(s);
	int v;

	if (n == 0 || n > max || digits(s, (int)n, &v))
		return -1;
	return v;
}

/* A month as a number, its name or the name's first three letters, in
 * any case ("12", "December", "dec"): 1 to 12, or -1. */
static long
month_of(const char *s)
{
	size_t n = strlen(s), k;
	int m;

	if (s[0] >= '0' && s[0] <= '9')
		return box_number(s, 2);
	for (m = 1; m <= 12 && n >= 3; m++) {
		const char *name = wm_month_name(m);

		if (n > strlen(name))
			continue;
		for (k = 0; k < n; k++)
			if ((s[k] | 0x20) != (name[k] | 0x20))
				break;
		if (k == n && (n == 3 || n == strlen(name)))
			return m;
	}
	return -1;
}

int
wm_date_from_parts(const char *day, const char *month, const char *year,
    struct wm_date *out)
{
	char d[8], m[16], y[8], iso[32];
	long dv, mv, yv;

	if (trimmed(day, d, sizeof(d)) || trimmed(month, m, sizeof(m)) ||
	    trimmed(year, y, sizeof(y)))
		return -1;
	if (!d[0] && !m[0] && !y[0])
		return 0;
	dv = box_number(d, 2);
	mv = month_of(m);
	yv = box_number(y, 4);
	if (dv < 0 || mv < 0 || yv < 0 || strlen(y) != 4)
		return -1;
	snprintf(iso, sizeof(iso), "%04ld-%02ld-%02ld", yv, mv, dv);
	return wm_date_parse(iso, out) == 0 ? 1 : -1;
}
