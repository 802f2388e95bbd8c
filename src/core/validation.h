/*
 * Validation of a service's standards by stakeholders ("will be validated
 * by a range of stakeholders"): for one standard in one period, the
 * service's own traffic light against the validators' lights. The
 * disagreement is the finding, so it is computed per validator, never
 * averaged away. Pure; callers own every array.
 */
#ifndef WM_CORE_VALIDATION_H
#define WM_CORE_VALIDATION_H

#include <stddef.h>

#include "core/rating.h"

/* When a standard counts as validated: at least this many validators,
 * from at least this many different stakeholder groups. Configurable per
 * network; the defaults are the newsletter's "range of stakeholders" read
 * as two people from two groups. */
struct wm_validation_rule {
	int min_validators;
	int min_groups;
};

#define WM_VALIDATION_RULE_DEFAULT { 2, 2 }
#define WM_VALIDATION_MAX_THRESHOLD 20

/* NULL if the rule can be used; else why not, in plain words. */
const char *wm_validation_rule_problem(const struct wm_validation_rule *r);

/* The rule in force from the network's choice (`validators` and `groups`,
 * each 0 when it made none): the choice when it can be used, else
 * WM_VALIDATION_RULE_DEFAULT. */
void wm_validation_rule_in_force(long long validators, long long groups,
    struct wm_validation_rule *out);

struct wm_validation_vote {
	enum wm_stakeholder group;
	enum wm_rating rating;	/* WM_RATING_NONE: did not rate it */
};

struct wm_validation_result {
	enum wm_rating consensus;	/* the validators' lower median */
	size_t validators;		/* votes with a rating */
	size_t groups;			/* distinct groups among them */
	int validated;			/* the rule is met */
	size_t disagreeing;		/* validators a step or more from self */
	int widest;			/* the largest such gap, in steps */
};

/* Steps between two lights (red to green is 2); -1 if either is not
 * rated, since there is then nothing to disagree with. */
int wm_rating_steps(enum wm_rating a, enum wm_rating b);

/* Assesses one standard: the service's own light against n votes. */
void wm_validation_assess(enum wm_rating self,
    const struct wm_validation_vote *votes, size_t n,
    const struct wm_validation_rule *rule, struct wm_validation_result *out);

#endif
