/*
 * A service's dashboard: where it stands, on one page. One function
 * gathers everything from the store, reusing each section's own model:
 * the latest period's standards lights, self and validated
 * (report/standards.h); each cycle's completion in the last complete
 * month and the 12 complete months to it (core/cycle.h); training
 * coverage per course (core/training.h); the change in the recovery
 * markers of the people the service supports now, first answer against
 * latest, self-rated and rated with a practitioner kept apart
 * (core/change.h); the ERFS profile for the latest quarter with answers,
 * and the team's Ten Top Tips for the latest quarter with enough
 * reflections to show (report/profile.h). No figure is
 * decided here: the small-number rules are core's, applied where the
 * figures are written.
 *
 * Ownership: a struct wm_dashboard owns everything it points to; release
 * it with wm_dashboard_release(). It borrows the course catalogue.
 */
#ifndef WM_REPORT_DASHBOARD_H
#define WM_REPORT_DASHBOARD_H

#include <stdint.h>

#include "core/catalogue.h"
#include "core/change.h"
#include "core/cycle.h"
#include "core/training.h"
#include "report/profile.h"
#include "report/standards.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/date.h"

/* One cycle's completion. */
struct wm_dashboard_cycle {
	int64_t id;
	char *title;		/* the measure's */
	int about_people;	/* 1: each person on the caseload; 0: the
				 * service */
	int every_months;
	int stopped;
	struct wm_completion_month month;	/* the last complete month */
	long due, done;		/* the 12 complete months to it */
	int final;		/* none of those can still change */
};

/* Who answered: kept apart. */
enum { WM_CHANGE_SELF, WM_CHANGE_TOGETHER, WM_CHANGE_KINDS };

/* One scale's change, first answer to latest, for each kind. */
struct wm_dashboard_scale {
	char *code, *title;
	struct wm_change_tally change[WM_CHANGE_KINDS];
	int64_t one[WM_CHANGE_KINDS];	/* people with only one answer */
};

#define WM_DASHBOARD_MAX_SCALES 8

struct wm_dashboard_change {
	int64_t people;		/* on the caseload now */
	struct wm_dashboard_scale scale[WM_DASHBOARD_MAX_SCALES];
	size_t n_scales;
};

struct wm_dashboard {
	struct wm_date today;
	struct wm_validation_rule rule;
	struct wm_standards lights;	/* period "" when none yet */
	struct wm_dashboard_cycle *cycles;
	size_t n_cycles, cap_cycles;
	const struct wm_catalogue *courses;
	struct wm_coverage *coverage;	/* one per course of the catalogue */
	int64_t staff;
	struct wm_dashboard_change change;
	struct wm_profile erfs, tips;
	int tips_latest;	/* tips is the latest quarter with enough
				 * reflections; 0: none has, today's shown */
};

void wm_dashboard_init(struct wm_dashboard *d);
void wm_dashboard_release(struct wm_dashboard *d);

/* Builds service unit_id's dashboard as of `today`; `courses` is the
 * training catalogue. 0, or the store's error with err filled (and *out
 * still to be released). */
int wm_dashboard_build(struct wm_store *s, int64_t unit_id,
    const struct wm_date *today, const struct wm_catalogue *courses,
    struct wm_dashboard *out, struct wm_buf *err);

/* A service's training coverage, one per course of the catalogue, into
 * out[0 .. courses->n_concepts) and *staff (the training page's too). */
int wm_dashboard_coverage(struct wm_store *s, int64_t unit_id,
    const struct wm_catalogue *courses, struct wm_coverage *out,
    int64_t *staff, struct wm_buf *err);

/* People left out of one scale's change for a kind: those with one
 * answer (*one) and those with none (*none). */
void wm_dashboard_left_out(const struct wm_dashboard_change *c,
    const struct wm_dashboard_scale *sc, int kind, int64_t *one,
    int64_t *none);

#endif
