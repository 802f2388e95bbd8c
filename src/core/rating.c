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

enum wm_rating
wm_rating_from_value(double v, int has_value)
{
	if (!has_value)
		return WM_RATING_NONE;
	if (v == 1.0)
		return WM_RATING_RED;
	if (v == 2.0)
		return WM_RATING_AMBER;
	if (v == 3.0)
		return WM_RATING_GREEN;
	return WM_RATING_NONE;
}

/*
 * Newsletter: "Can be self - monitored (through a traffic light system)"
 * Waymark: "a standard's light is red, amber or green, or not rated; the
 * lights are the instrument's options, never codes in C"
 */
int
wm_item_is_rating(const struct wm_item *it)
{
	size_t i;

	if (it->type != WM_ITEM_CHOICE || it->n_options == 0)
		return 0;
	for (i = 0; i < it->n_options; i++)
		if (!it->options[i].system ||
		    strcmp(it->options[i].system, WM_TRAFFIC_LIGHT_SYSTEM) != 0)
			return 0;
	return 1;
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
 * Newsletter: "Will be validated by a range of stakeholders"
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
