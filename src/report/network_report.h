/*
 * The network summary for commissioners: recovery outcomes by site and
 * quarter (answered alone and with a practitioner kept apart), and each
 * site's latest traffic lights on the core standards, self-rated and
 * validated side by side. The caller feeds rows in the store's order; the
 * report owns copies of everything it is given.
 */
#ifndef WM_REPORT_NETWORK_REPORT_H
#define WM_REPORT_NETWORK_REPORT_H

#include <stdint.h>

#include "core/disclosure.h"
#include "util/buf.h"

struct wm_netrep;

struct wm_netrep *wm_netrep_new(enum wm_disclosure_rule rule);
void wm_netrep_free(struct wm_netrep *r);

/* Rows must arrive ordered by site, quarter, respondent. */
int wm_netrep_add_people(struct wm_netrep *r, const char *site,
    const char *quarter, const char *respondent, int64_t people);
int wm_netrep_add_scale(struct wm_netrep *r, const char *site,
    const char *site_name, const char *quarter, const char *respondent,
    const char *scale, const char *title, int64_t people, double mean);

/* Rows must arrive ordered by site, standard, respondent, oldest first;
 * a later self-rating replaces an earlier one (an amendment). */
int wm_netrep_add_rating(struct wm_netrep *r, const char *site,
    const char *site_name, const char *quarter, const char *standard,
    const char *title, const char *respondent, const char *stakeholder,
    int has_value, double value);

/* Why the last add failed ("" if none): every add returns -1 on failure. */
const char *wm_netrep_error(const struct wm_netrep *r);

int wm_netrep_text(const struct wm_netrep *r, struct wm_buf *out);
int wm_netrep_csv(const struct wm_netrep *r, struct wm_buf *out);

#endif
