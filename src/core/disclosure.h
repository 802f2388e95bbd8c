/*
 * Statistical disclosure control for figures that leave a service: small
 * numbers could identify someone, so they are withheld. The rule in force
 * for commissioners (WM_DISCLOSURE_NHS) is the HES rule, from NHS
 * Digital's Hospital Episode Statistics: counts of 1 to 7 suppressed,
 * other counts rounded to the nearest 5, and means of fewer than 8 people
 * withheld. It is the stricter of the two rules the network may use; NHS
 * England's rule for Mental Health Services Data Set (MHSDS) publications
 * below national level (counts of 0 to 4 shown as *, others rounded to
 * the nearest 5, percentages withheld when the numerator or denominator
 * is below 5, means of fewer than 5 people withheld) is not implemented
 * here yet. Pure functions.
 */
#ifndef WM_CORE_DISCLOSURE_H
#define WM_CORE_DISCLOSURE_H

#include <stdint.h>

struct wm_disclosure {
	int64_t min_count;	/* counts 1 .. min_count-1 are suppressed */
	int64_t round_to;	/* other counts rounded to a multiple; 1 = exact */
	int64_t min_mean_n;	/* a mean needs at least this many people */
};

/* The HES rule (see above), used by `report network --disclosure nhs`. */
#define WM_DISCLOSURE_NHS { 8, 5, 8 }
#define WM_DISCLOSURE_NONE { 1, 1, 1 }

/* 1 and *shown set when the count may be shown, 0 when suppressed. */
int wm_disclose_count(const struct wm_disclosure *d, int64_t n,
    int64_t *shown);

/* 1 when a mean over n people may be shown. */
int wm_disclose_mean(const struct wm_disclosure *d, int64_t n);

/*
 * The service's own rule. Figures shown to a service about people's
 * feedback on it are withheld below WM_SERVICE_MIN_COUNT respondents:
 * a count of 1 to 4 is shown as "<5", and any share or mean worked out
 * from fewer than 5 answers is not shown at all. A count of 0 identifies
 * no one and is shown.
 */
#define WM_SERVICE_MIN_COUNT 5

/* 1 when a count may be shown to the service as it is, 0 for "<5". */
int wm_service_count_shown(int64_t n);

/* What a service may see of "count of `of` answers" (e.g. who agreed). */
enum wm_share_state {
	WM_SHARE_NO_ANSWERS,	/* of = 0: nothing to show */
	WM_SHARE_TOO_FEW,	/* of is 1..4: only "<5 answered" */
	WM_SHARE_WITHHELD,	/* of >= 5, count 1..4: "<5", no percentage */
	WM_SHARE_SHOWN,		/* count, of and the percentage */
};

/* The state, and when WM_SHARE_SHOWN the whole-number percentage in
 * *percent (rounded half up); *percent is 0 otherwise. */
enum wm_share_state wm_service_share(int64_t count, int64_t of,
    int *percent);

/* A mean over n answers may be shown to the service (n >= 5). */
int wm_service_mean_shown(int64_t n);

#endif
