#include "core/rating.h"

#include <string.h>

static const struct {
	const char *code;
	const char *name;
} stakeholders[] = {
	[WM_STAKEHOLDER_NONE] = { "", "" },
	[WM_STAKEHOLDER_LIVED_EXPERIENCE] = { "lived-experience",
	    "person with lived experience" },
	[WM_STAKEHOLDER_SUPPORTER] = { "supporter", "supporter or carer" },
	[WM_STAKEHOLDER_PEER_WORKER] = { "peer-worker", "peer worker" },
	[WM_STAKEHOLDER_PRACTITIONER] = { "practitioner",
	    "practitioner from another service" },
	[WM_STAKEHOLDER_COMMISSIONER] = { "commissioner", "commissioner" },
};

#define N_STAKEHOLDERS (sizeof(stakeholders) / sizeof(stakeholders[0]))

const char *
wm_rating_name(enum wm_rating r)
{
	switch (r) {
	case WM_RATING_RED:
		return "red";
	case WM_RATING_AMBER:
		return "amber";
	case WM_RATING_GREEN:
		return "green";
	case WM_RATING_NONE:
		break;
	}
	return "not rated";
}

/*
 * The traffic-light system's codes and the light each one is. A light's
 * ordinal value is its enum value (red 1, amber 2, green 3), so the
 * lights order from worst to best; not rated has none and is never
 * scored. The newsletter names the traffic lights but not their values:
 * these are Waymark's, and the instrument files say so.
 */
static const struct {
	const char *code;
	enum wm_rating rating;
} lights[] = {
	{ "red", WM_RATING_RED },
	{ "amber", WM_RATING_AMBER },
	{ "green", WM_RATING_GREEN },
	{ "not-rated", WM_RATING_NONE },
};

#define N_LIGHTS (sizeof(lights) / sizeof(lights[0]))

/*
 * Newsletter: "Can be self - monitored (through a traffic light system)"
 * Waymark: "a standard's light is read from its score: red 1, amber 2,
 * green 3; any other score, or none, is not rated"
 */
enum wm_rating
wm_rating_from_value(double v, int has_value)
{
	size_t i;

	if (!has_value)
		return WM_RATING_NONE;
	for (i = 0; i < N_LIGHTS; i++)
		if (lights[i].rating != WM_RATING_NONE &&
		    v == (double)lights[i].rating)
			return lights[i].rating;
	return WM_RATING_NONE;
}

/*
 * Waymark: "a traffic-light option is red, amber or green, valued 1, 2
 * and 3, or not rated, never scored; an instrument that values a light
 * otherwise is refused when it is loaded"
 */
const char *
wm_rating_option_problem(const struct wm_option *op)
{
	size_t i;

	if (!op->system || strcmp(op->system, WM_TRAFFIC_LIGHT_SYSTEM) != 0)
		return NULL;
	for (i = 0; i < N_LIGHTS; i++)
		if (op->code && strcmp(op->code, lights[i].code) == 0)
			break;
	if (i == N_LIGHTS)
		return "is not a traffic light: the lights are red, amber, "
		    "green and not-rated";
	if (lights[i].rating == WM_RATING_NONE)
		return op->scored ? "is never scored, so it has no "
		    "ordinalValue" : NULL;
	if (!op->scored || op->value != (double)lights[i].rating)
		return "must have the light's ordinalValue: red 1, amber 2, "
		    "green 3";
	return NULL;
}

enum wm_rating
wm_rating_consensus(const enum wm_rating *r, size_t n)
{
	size_t count[4] = { 0, 0, 0, 0 }, i;

	for (i = 0; i < n; i++)
		if (r[i] >= WM_RATING_RED && r[i] <= WM_RATING_GREEN)
			count[r[i]]++;
	return wm_rating_consensus_counts(count);
}

/*
 * Waymark: "the validators' consensus is the lower median of their
 * lights, so a standard never looks better than half its validators
 * judged it"
 */
enum wm_rating
wm_rating_consensus_counts(const size_t count[4])
{
	size_t rated, seen = 0;
	int k;

	rated = count[1] + count[2] + count[3];
	if (rated == 0)
		return WM_RATING_NONE;
	/* The lower median is the ((rated + 1) / 2)-th smallest rating. */
	for (k = WM_RATING_RED; k <= WM_RATING_GREEN; k++) {
		seen += count[k];
		if (seen >= (rated + 1) / 2)
			return (enum wm_rating)k;
	}
	return WM_RATING_NONE;
}

const char *
wm_stakeholder_name(enum wm_stakeholder s)
{
	return (size_t)s < N_STAKEHOLDERS ? stakeholders[s].name : "";
}

const char *
wm_stakeholder_code(enum wm_stakeholder s)
{
	return (size_t)s < N_STAKEHOLDERS ? stakeholders[s].code : "";
}

/*
 * Waymark: "a validator speaks for one stakeholder group: people with
 * lived experience, supporters or carers, peer workers, practitioners
 * from other services, or commissioners"
 */
int
wm_stakeholder_from_code(const char *code, enum wm_stakeholder *out)
{
	size_t i;

	for (i = 1; i < N_STAKEHOLDERS; i++)
		if (strcmp(stakeholders[i].code, code) == 0) {
			*out = (enum wm_stakeholder)i;
			return 0;
		}
	return -1;
}
