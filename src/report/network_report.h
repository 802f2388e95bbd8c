/*
 * The recovery measures' quarter-by-quarter means across the network:
 * per service, quarter and kind of answer (alone and with a practitioner
 * kept apart), how many people answered and each scale's mean score.
 * Different people answer each quarter, so these say how a service's
 * answers look, not whether anyone is recovering: the network view's
 * outcomes (report/network_outcomes.h) say that. The caller feeds rows
 * in the store's order, for quarters in the window it was made for; the
 * report owns copies of everything it is given and applies no rule: its
 * figures go through disclosure where they are written
 * (report/network_figures.h, report/network_json.h).
 */
#ifndef WM_REPORT_NETWORK_REPORT_H
#define WM_REPORT_NETWORK_REPORT_H

#include <stddef.h>
#include <stdint.h>

struct wm_netrep;

/* Rows for quarters from..to ("2026-Q1", inclusive) are kept; others
 * are passed over. The strings are copied. */
struct wm_netrep *wm_netrep_new(const char *from, const char *to);
void wm_netrep_free(struct wm_netrep *r);

/* Rows must arrive ordered by site, quarter, respondent. */
int wm_netrep_add_people(struct wm_netrep *r, const char *site,
    const char *quarter, const char *respondent, int64_t people);
int wm_netrep_add_scale(struct wm_netrep *r, const char *site,
    const char *site_name, const char *quarter, const char *respondent,
    const char *scale, const char *title, int64_t people, double mean);

/* Why the last add failed ("" if none): every add returns -1 on failure. */
const char *wm_netrep_error(const struct wm_netrep *r);

/* The scales met, in the order first met. */
size_t wm_netrep_scales(const struct wm_netrep *r);
const char *wm_netrep_scale(const struct wm_netrep *r, size_t k);
const char *wm_netrep_scale_title(const struct wm_netrep *r, size_t k);

/* One service, quarter and kind of answer: the people who answered any
 * of the measures, and for scale k those with a score (0 when none) and
 * their mean. Borrowed from the report. */
struct wm_netrep_row {
	const char *site, *site_name, *quarter, *respondent;
	int64_t people;
	const int64_t *n;	/* [scale] */
	const double *mean;	/* [scale] */
};
size_t wm_netrep_rows(const struct wm_netrep *r);
void wm_netrep_row(const struct wm_netrep *r, size_t i,
    struct wm_netrep_row *out);

#endif
