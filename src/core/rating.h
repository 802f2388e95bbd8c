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

/*
 * A standard's light from its scale's score: a light is scored with its
 * option's ordinal value, red 1, amber 2 and green 3 (the values
 * wm_rating_option_problem holds every instrument to); anything else,
 * or no score, is not rated.
 */
enum wm_rating wm_rating_from_value(double v, int has_value);

/*
 * Why an answer option in the traffic-light system (its `system` is
 * WM_TRAFFIC_LIGHT_SYSTEM) cannot be loaded: its code is not red, amber,
 * green or not-rated, or its ordinal value is not its light's (red 1,
 * amber 2, green 3; not-rated none). NULL if it can, and for an option
 * of any other system. The instrument checker asks this of every
 * option, so a light read from a score is always the one the form
 * offered.
 */
const char *wm_rating_option_problem(const struct wm_option *op);

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
