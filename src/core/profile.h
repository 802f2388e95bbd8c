/*
 * The rules behind a service's profile views (ERFS, the supportive
 * service indicators and the team's Ten Top Tips): which answers count
 * as agreeing, how answers to one question add up, when two groups'
 * ratings differ, when a team's reflections may be shown at all, and the
 * periods (quarters) the views are read by. Pure functions over caller
 * storage; no I/O.
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

/*
 * Whether a chosen option agrees (or says "yes"), decided from the
 * instrument's own data rather than from option codes: a scored option
 * whose ordinal value is above the middle of its question's scored
 * values (lo..hi). On the agreement scale (1..5) that is agree (4) and
 * strongly agree (5); on yes / partly / no (2, 1, 0) it is yes.
 * Unscored options (prefer not to say, not applicable) never agree.
 */
int wm_value_agrees(double value, double lo, double hi);

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

/*
 * Disagreement is the finding: two groups' mean ratings of the same thing
 * differ when they are a whole step of the scale or more apart.
 */
#define WM_DIFFER_STEP 1.0
int wm_ratings_differ(double a, double b);

/*
 * A team's Ten Top Tips are shown only in aggregate, and only when there
 * are at least WM_TEAM_MIN_REFLECTIONS reflections in the period from at
 * least WM_TEAM_MIN_PRACTITIONERS practitioners (a "team" of one would be
 * that practitioner's own answers, which are private to them).
 */
#define WM_TEAM_MIN_REFLECTIONS 5
#define WM_TEAM_MIN_PRACTITIONERS 2

enum wm_team_state {
	WM_TEAM_NO_REFLECTIONS,
	WM_TEAM_TOO_FEW_REFLECTIONS,
	WM_TEAM_ONE_PRACTITIONER,
	WM_TEAM_SHOWN,
};

enum wm_team_state wm_team_shown(int64_t reflections, int64_t practitioners);

/* A tip's share of "yes" among the team's reflections in which it
 * applied: 1 with the whole-number percentage (half up) when at least
 * WM_TEAM_MIN_REFLECTIONS applied, else 0. */
int wm_team_share(int64_t yes, int64_t applied, int *percent);

#endif
