/*
 * What a service's profile views (ERFS, the supportive service
 * indicators and the team's Ten Top Tips) share: the periods (quarters)
 * they are read by, and how the answers to one question add up. Each
 * view's own rules have a file named after it: core/erfs.h,
 * core/indicators.h ("agrees") and core/ten_top_tips.h (the team rule).
 * Pure functions over caller storage; no I/O.
 */
#ifndef WM_CORE_PROFILE_H
#define WM_CORE_PROFILE_H

#include <stddef.h>
#include <stdint.h>

#include "util/date.h"

/* A period: a calendar quarter, written "2026-Q3". */
struct wm_quarter {
	int year;	/* 1900..2999, as dates are */
	int quarter;	/* 1..4 */
};

/* Parses "YYYY-Qn" exactly: 0, or -1 if it is anything else. */
int wm_quarter_parse(const char *s, struct wm_quarter *out);
/* Writes "YYYY-Qn" (8 bytes with NUL), as responses' quarter column. */
void wm_quarter_format(const struct wm_quarter *p, char out[8]);
void wm_quarter_of(const struct wm_date *d, struct wm_quarter *out);
void wm_quarter_prev(const struct wm_quarter *p, struct wm_quarter *out);
/* "July to September 2026" (at most 40 bytes with NUL). */
void wm_quarter_words(const struct wm_quarter *p, char *out, size_t n);

/* The answers to one question from one group in one period. */
struct wm_tally {
	int64_t answers;	/* any option, scored or not */
	int64_t scored;		/* options with an ordinal value */
	int64_t agree;		/* of those, agreeing (wm_value_agrees) */
	double total;		/* sum of the scored values */
};

/* Adds n answers of one option (has_value: it is scored, with `value`
 * on a question whose scored values run lo..hi). */
void wm_tally_add(struct wm_tally *t, int has_value, double value,
    double lo, double hi, int64_t n);

/* The mean of the scored answers; 0 when there are none. */
double wm_tally_mean(const struct wm_tally *t);

#endif
