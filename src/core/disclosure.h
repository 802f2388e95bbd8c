/*
 * Statistical disclosure control for figures that leave a service: small
 * numbers could identify someone, so they are withheld. The default
 * follows NHS Digital's rule for sub-national statistics: counts of 1 to 7
 * suppressed, other counts rounded to the nearest 5, and means of fewer
 * than 8 people withheld. Pure functions.
 */
#ifndef WM_CORE_DISCLOSURE_H
#define WM_CORE_DISCLOSURE_H

#include <stdint.h>

struct wm_disclosure {
	int64_t min_count;	/* counts 1 .. min_count-1 are suppressed */
	int64_t round_to;	/* other counts rounded to a multiple; 1 = exact */
	int64_t min_mean_n;	/* a mean needs at least this many people */
};

#define WM_DISCLOSURE_NHS { 8, 5, 8 }
#define WM_DISCLOSURE_NONE { 1, 1, 1 }

/* 1 and *shown set when the count may be shown, 0 when suppressed. */
int wm_disclose_count(const struct wm_disclosure *d, int64_t n,
    int64_t *shown);

/* 1 when a mean over n people may be shown. */
int wm_disclose_mean(const struct wm_disclosure *d, int64_t n);

#endif
