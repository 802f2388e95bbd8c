/*
 * Calendar dates as plain values (no time zones, no I/O): parsing FHIR
 * date and dateTime text, validating the calendar, and the days and
 * quarters that reports group by. Functions only fill caller storage.
 */
#ifndef WM_UTIL_DATE_H
#define WM_UTIL_DATE_H

#include <stddef.h>
#include <stdint.h>

struct wm_date {
	int year;	/* 1900..2999 */
	int month;	/* 1..12 */
	int day;	/* 1..31, valid for the month */
};

/* Parses "YYYY-MM-DD" exactly. Returns 0, or -1 if it is not a real date. */
int wm_date_parse(const char *s, struct wm_date *out);

/* Parses a FHIR dateTime with at least a full date: "YYYY-MM-DD" or
 * "YYYY-MM-DDThh:mm:ss[.fff](Z|+hh:mm|-hh:mm)". The date part is what
 * Waymark records; the time is checked, then dropped. */
int wm_datetime_parse(const char *s, struct wm_date *out);

/* A date typed as day, month and year (the NHS date input's three
 * boxes): 0 when all three are empty, 1 with a real date in *out, -1
 * when what was typed is not one (31 2 2026; letters; a two-digit
 * year). Spaces around a box's text are ignored. The day holds 1 or 2
 * digits, the year 4; the month 1 or 2 digits, its name or the name's
 * first three letters, in any case ("12", "December", "dec"). */
int wm_date_from_parts(const char *day, const char *month, const char *year,
    struct wm_date *out);

/* Days since 1970-01-01 (may be negative). */
long wm_date_days(const struct wm_date *d);
void wm_date_from_days(long days, struct wm_date *out);

/* a < b: negative, a == b: 0, a > b: positive. */
int wm_date_cmp(const struct wm_date *a, const struct wm_date *b);

/* Writes "YYYY-MM-DD" (11 bytes with NUL) and "YYYY-Qn" (8 bytes). */
void wm_date_format(const struct wm_date *d, char out[11]);
void wm_date_quarter(const struct wm_date *d, char out[8]);

/* "January" for month 1 to "December" for 12; "" for anything else. */
const char *wm_month_name(int month);

/* "6 December 2026" from a date or a time stamp as Waymark records them
 * ("2026-12-06", "2026-12-06T14:05:33Z"); "December 2026" for the
 * month; the input itself, cut to fit n, if it is neither. The one way
 * a date is written for people to read. */
void wm_date_words(const char *iso, char *out, size_t n);
void wm_month_words(const char *iso, char *out, size_t n);

/* "6 December 2026, 14:05" from a timestamp as Waymark records one,
 * "2026-12-06T14:05:33Z" (hours and minutes as written: the server's
 * clock is UTC); the input itself, cut to fit, if it is not one. */
void wm_datetime_words(const char *iso, char *out, size_t n);
/* The same from seconds since 1970 (UTC). */
void wm_epoch_words(int64_t t, char *out, size_t n);

/* Adds whole months, clamping the day to the end of a shorter month. */
void wm_date_add_months(struct wm_date *d, int months);

#endif
