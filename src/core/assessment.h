/*
 * A service's self-assessment against the 10 core standards, period by
 * period ("agreed standards ... self-monitored (through a traffic light
 * system)"), and the rules of its life: periods of a network's chosen
 * length, amendments that carry a reason and never overwrite, queries on
 * one standard that carry a reason, and reopening one standard without
 * the rest ("reasons travel with decisions"). Pure.
 */
#ifndef WM_CORE_ASSESSMENT_H
#define WM_CORE_ASSESSMENT_H

#include <stddef.h>

#include "util/date.h"

#define WM_STANDARDS 10
#define WM_PERIOD_MONTHS_DEFAULT 3	/* quarterly */
#define WM_REASON_MAX 2000

/* NULL if a period of `months` can be used: 1, 2, 3, 4, 6 or 12, so that
 * periods tile the year from January. */
const char *wm_period_months_problem(long long months);

/* The period of `months` containing d: its first and last days. */
void wm_period_of(const struct wm_date *d, int months, struct wm_date *start,
    struct wm_date *end);

/* 0 if s ("YYYY-MM-DD") is the first day of a period of `months`. */
int wm_period_parse(const char *s, int months, struct wm_date *start);

/* How people name the period from `start` to `end` (its first and last
 * days): "October to December 2026", "March 2026", "2026", and across a
 * year, "October 2026 to March 2027" (a period kept from before the
 * network changed its length is named by its own days). */
void wm_period_name(const struct wm_date *start, const struct wm_date *end,
    char *out, size_t n);

/* Why a reason (for an amendment, a query, an answer or a reopening)
 * cannot be kept, naming what it is for (e.g. "the amendment"); NULL if
 * it can. */
const char *wm_reason_problem(const char *text);

/* The standard numbered by s ("1".."10"); 0 if it is not one. */
int wm_standard_parse(const char *s);

#endif
