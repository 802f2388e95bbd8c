/*
 * The standards of one service for one period as a lead or a validator
 * sees them: each standard's own light (the latest version's), every
 * validator's light by stakeholder group, their consensus and whether
 * the standard counts as validated, with the disagreements counted.
 * Built from the store's rating rows; owns its votes
 * (wm_standards_release).
 */
#ifndef WM_REPORT_STANDARDS_H
#define WM_REPORT_STANDARDS_H

#include "core/standards.h"
#include "core/validation.h"
#include "store/store.h"

struct wm_standard_view {
	enum wm_rating self;
	struct wm_validation_vote *votes;
	size_t n_votes, cap;
	struct wm_validation_result result;	/* after wm_standards_finish */
};

struct wm_standards {
	char period[11];	/* "" until a row is added */
	char period_end[11];
	int has_self;
	struct wm_standard_view s[WM_STANDARDS];
};

void wm_standards_init(struct wm_standards *m);
void wm_standards_release(struct wm_standards *m);

/* Adds one light; rows for other scales are ignored. -1 when out of
 * memory. */
int wm_standards_add(struct wm_standards *m,
    const struct wm_assessment_rating_row *row);

/* wm_standards_add as a store callback (ctx: the struct wm_standards). */
int wm_standards_add_row(void *ctx,
    const struct wm_assessment_rating_row *row);

/* Assesses every standard against the rule. */
void wm_standards_finish(struct wm_standards *m,
    const struct wm_validation_rule *rule);

/* An NHS tag class for a light ("nhsuk-tag--red" ...), and its word. */
const char *wm_rating_tag(enum wm_rating r);
const char *wm_rating_word(enum wm_rating r);

#endif
