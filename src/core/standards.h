/*
 * The 10 core standards: every rule of a service's self-assessment and
 * its validation in one place, so that the pages, the API, the reports,
 * the command line and the store all ask here and decide alike.
 *
 *  - periods of a network's chosen length (quarterly unless it chose),
 *    which tile the year and change only at a year's turn;
 *  - which questions of an instrument belong to a standard, and which
 *    of them are the service's evidence;
 *  - the life of a self-assessment: started in the present period, saved
 *    part-way until first submitted, each submission a new version kept
 *    for ever, an amendment with a reason, refused when another version
 *    was filed meanwhile;
 *  - reopening one standard without the rest;
 *  - who may rate: a lead for the service, a validator in their group;
 *  - validators are invited only to a submitted self-assessment, and see
 *    the lights only once they have given their own.
 *
 * The lights themselves (core/rating.h) and the validators' consensus
 * (core/validation.h) have their own files. Pure: no I/O.
 */
#ifndef WM_CORE_STANDARDS_H
#define WM_CORE_STANDARDS_H

#include <stddef.h>
#include <stdint.h>

#include "core/instrument.h"
#include "core/response.h"
#include "util/date.h"

#define WM_STANDARDS 10
#define WM_PERIOD_MONTHS_DEFAULT 3	/* quarterly */
#define WM_REASON_MAX 2000

/* --- periods ------------------------------------------------------------ */

/* NULL if a period of `months` can be used: 1, 2, 3, 4, 6 or 12, so that
 * periods tile the year from January. */
const char *wm_period_months_problem(long long months);

/* The period length in force: the network's choice (`chosen`, 0 when it
 * made none) when it can be used, else WM_PERIOD_MONTHS_DEFAULT. */
int wm_period_months(long long chosen);

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

/* The first day of today's year: self-assessments of periods ending on
 * or after it are this year's. */
void wm_period_year_start(const struct wm_date *today, struct wm_date *out);

/* Why the period's length cannot change from `from` to `to` months now,
 * when `this_years` services' self-assessments already belong to this
 * year's periods; NULL if it can. */
const char *wm_period_change_problem(int from, int to, int64_t this_years);

/* --- standards and their questions ---------------------------------------- */

/* The standard numbered by s ("1".."10"); 0 if it is not one. */
int wm_standard_parse(const char *s);

/* The standard (1..10) a scale code ("standard-N") names, or 0. */
int wm_standard_of_scale(const char *scale);

/* Items [*from, *to) of standard n's group in `in` (the group holding its
 * rating); -1 if the instrument has no such standard. */
int wm_standard_items(const struct wm_instrument *in, int n, size_t *from,
    size_t *to);

/* The standard whose group holds item i, or 0. */
int wm_standard_of_item(const struct wm_instrument *in, size_t i);

/* Standard n's title in the instrument's words ("The Recovery
 * Approach"), or "" if it has none. */
const char *wm_standard_title(const struct wm_instrument *in, int n);

/* 1 if the item is evidence: a written answer whose linkId ends
 * "-evidence". Never a light, nor an action, which would give the light
 * away to a validator who has not yet given theirs. */
int wm_standard_is_evidence(const struct wm_item *it);

/* The service's evidence for standard n in a lead's version, each answer
 * passed to `each`; how many. A NULL version has none. */
size_t wm_standard_evidence(const struct wm_response *lead, int n,
    void (*each)(void *, const char *), void *ctx);

/* --- the life of a self-assessment ---------------------------------------- */

/* 1 if the lead may open the form for a period: to start it only while
 * the period lasts (`current`), to amend it once submitted (`versions`). */
int wm_assessment_editable(int current, int versions);

/* What a lead's save is: part-way (WM_STATUS_IN_PROGRESS) only when they
 * asked for it (`later`) before the first submission; else a version. */
enum wm_response_status wm_assessment_status(int versions, int later);

/* Why the reason given with a submission cannot be kept: the first
 * version needs none; an amendment needs one. NULL if it can. */
const char *wm_amendment_problem(int versions, const char *reason);

/* Why a reason (for an amendment, a query, an answer or a reopening)
 * cannot be kept; NULL if it can. */
const char *wm_reason_problem(const char *text);

/* A version filed without looking at the others (an import of ratings
 * made elsewhere) is simply the next one. */
#define WM_BUILT_ON_ANY (-1)

/* 1 if a submission built on `built_on` versions must be refused because
 * the self-assessment has `versions` now: one filed meanwhile would be
 * silently undone (or, for a first submission, need a reason). */
int wm_assessment_changed_meanwhile(int built_on, int versions);

/* --- reopening one standard ------------------------------------------------ */

/* 1 if a query row of this `kind` ("query", "answer", "reopen") is a
 * reopening still waiting for its amendment (`answered_by`, the version
 * that answered it, 0): only then may its standard be amended alone, so
 * a reopening is answered once. The reason it carries was checked when
 * it was made (wm_reason_problem). */
int wm_reopening_pending(const char *kind, int64_t answered_by);

/* Counting an assessment's queries that still await the lead's answer,
 * over its queries, answers and reopenings in order of standard, then
 * time: start zeroed, step through each, then read the count. */
struct wm_query_count {
	int standard;	/* the standard being counted */
	int open;	/* its queries since its last answer */
	int awaiting;	/* the standards before it */
};

void wm_query_count_step(struct wm_query_count *c, int standard,
    const char *kind);
int wm_query_count_awaiting(const struct wm_query_count *c);

/* 1 if standard n may be amended alone in instrument `in` (id `inst`),
 * whose latest version answered instrument `latest_inst`: only in that
 * same instrument, so the other standards carry over unchanged; sets
 * [*from, *to) to its items. */
int wm_reopen_range(const struct wm_instrument *in, int64_t inst,
    int64_t latest_inst, int n, size_t *from, size_t *to);

/* Makes the latest version's answers (`latest`) the amendment's: the
 * reopened standard's items [from, to) are cleared for the form to fill,
 * every other answer carried over as it was. */
void wm_reopen_carry_over(struct wm_response *latest, size_t from, size_t to);

/* --- who may rate, and what a rating is filed as ------------------------- */

/* The grant a rater needs at the service: its role, and for a validator
 * the stakeholder group they speak for. */
struct wm_rater_grant {
	const char *role;	/* "lead" or "validator" */
	const char *group;	/* a validator's group code, else NULL */
};

/* 1 with *out set if a response by `who` (a validator in `group`) counts
 * only from an account holding that grant at the service; 0 if anyone
 * entitled to answer it may. */
int wm_rater_grant(enum wm_respondent who, enum wm_stakeholder group,
    struct wm_rater_grant *out);

enum wm_filing {
	WM_FILED_NOT,		/* an ordinary response */
	WM_FILED_AS_VERSION,	/* the next version of a self-assessment */
	WM_FILED_AS_VALIDATION,	/* a validator's validation */
};

/* What a recorded response is filed as: a completed rating of a service
 * by a member of staff on a core standards instrument is, by a lead, the
 * next version of that period's self-assessment, and by a validator
 * their validation of it. */
enum wm_filing wm_standards_filing(const struct wm_response *r);

/* Why a validator cannot be invited to (or file a validation of) a
 * period whose self-assessment has `versions` submitted; NULL if they
 * can. */
const char *wm_invitation_problem(int versions);

/* 1 if a validator whose own ratings are response `own_response` (0 while
 * they have not submitted) may see the service's lights, the other
 * validators' and the queries, and query a light. Before, they see the
 * evidence alone, so that their lights are their own. */
int wm_validator_sees_lights(int64_t own_response);

#endif
