/*
 * Traffic-light ratings of the 10 core standards ("can be self-monitored
 * through a traffic light system ... validated by a range of
 * stakeholders"), and the stakeholder groups whose validations count.
 * Pure functions; callers own every array.
 */
#ifndef WM_CORE_RATING_H
#define WM_CORE_RATING_H

#include <stddef.h>

#include "core/instrument.h"

#define WM_TRAFFIC_LIGHT_SYSTEM "https://waymark.example/fhir/CodeSystem/traffic-light"

enum wm_rating {
	WM_RATING_NONE = 0,	/* not rated */
	WM_RATING_RED = 1,
	WM_RATING_AMBER = 2,
	WM_RATING_GREEN = 3,
};

enum wm_stakeholder {
	WM_STAKEHOLDER_NONE = 0,
	WM_STAKEHOLDER_LIVED_EXPERIENCE,
	WM_STAKEHOLDER_SUPPORTER,
	WM_STAKEHOLDER_PEER_WORKER,
	WM_STAKEHOLDER_PRACTITIONER,
	WM_STAKEHOLDER_COMMISSIONER,
};

const char *wm_rating_name(enum wm_rating r);	/* "red", ... "not rated" */

/* A rating from a score value (1, 2, 3); anything else is not rated. */
enum wm_rating wm_rating_from_value(double v, int has_value);

/* 1 if the item's options are the traffic lights (a rating item). */
int wm_item_is_rating(const struct wm_item *it);

/*
 * The validators' consensus: the median of the ratings given, ignoring
 * "not rated"; with an even count, the lower of the two middle ratings,
 * because a standard should not look better than half its validators
 * judged it. WM_RATING_NONE when nobody rated.
 */
enum wm_rating wm_rating_consensus(const enum wm_rating *r, size_t n);

/* The same, from how many gave each light (count[WM_RATING_RED] ...;
 * count[0] is ignored). */
enum wm_rating wm_rating_consensus_counts(const size_t count[4]);

const char *wm_stakeholder_name(enum wm_stakeholder s);
const char *wm_stakeholder_code(enum wm_stakeholder s);
int wm_stakeholder_from_code(const char *code, enum wm_stakeholder *out);

#endif
