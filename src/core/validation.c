#include "core/validation.h"

#include <string.h>

/*
 * Waymark: "the network chooses how many validators from how many
 * stakeholder groups make a standard validated, never more groups than
 * validators"
 */
const char *
wm_validation_rule_problem(const struct wm_validation_rule *r)
{
	if (r->min_validators < 1 || r->min_validators >
	    WM_VALIDATION_MAX_THRESHOLD)
		return "the number of validators must be from 1 to 20";
	if (r->min_groups < 1 || r->min_groups > WM_STAKEHOLDER_COMMISSIONER)
		return "the number of stakeholder groups must be from 1 to 5";
	if (r->min_groups > r->min_validators)
		return "there cannot be more groups than validators";
	return NULL;
}

/*
 * Waymark: "unless the network chooses otherwise, a standard is validated
 * by 2 validators from 2 different stakeholder groups: a range of
 * stakeholders at its smallest"
 */
void
wm_validation_rule_in_force(long long validators, long long groups,
    struct wm_validation_rule *out)
{
	const struct wm_validation_rule dflt = WM_VALIDATION_RULE_DEFAULT;

	out->min_validators = validators > 0 && validators <=
	    WM_VALIDATION_MAX_THRESHOLD ? (int)validators :
	    dflt.min_validators;
	out->min_groups = groups > 0 && groups <= WM_VALIDATION_MAX_THRESHOLD ?
	    (int)groups : dflt.min_groups;
	if (wm_validation_rule_problem(out))
		*out = dflt;
}

/*
 * Waymark: "lights are compared in steps, red to amber to green, so red
 * and green are two steps apart; a light not given is not compared"
 */
int
wm_rating_steps(enum wm_rating a, enum wm_rating b)
{
	if (a == WM_RATING_NONE || b == WM_RATING_NONE)
		return -1;
	return a > b ? (int)a - (int)b : (int)b - (int)a;
}

/*
 * Newsletter: "Will be validated by a range of stakeholders"
 * Waymark: "a standard is validated once as many validators from as
 * many different stakeholder groups as the network chose have rated it"
 * Waymark: "disagreement is the finding: a validator disagrees with the
 * service's own light when a step or more apart, and every disagreement
 * is counted, never averaged away"
 */
void
wm_validation_assess(enum wm_rating self,
    const struct wm_validation_vote *votes, size_t n,
    const struct wm_validation_rule *rule, struct wm_validation_result *out)
{
	size_t count[4] = { 0, 0, 0, 0 }, i;
	int seen[WM_STAKEHOLDER_COMMISSIONER + 1];
	int steps;

	memset(out, 0, sizeof(*out));
	memset(seen, 0, sizeof(seen));
	for (i = 0; i < n; i++) {
		if (votes[i].rating < WM_RATING_RED ||
		    votes[i].rating > WM_RATING_GREEN)
			continue;
		out->validators++;
		if (votes[i].group > WM_STAKEHOLDER_NONE &&
		    votes[i].group <= WM_STAKEHOLDER_COMMISSIONER &&
		    !seen[votes[i].group]++)
			out->groups++;
		count[votes[i].rating]++;
		steps = wm_rating_steps(self, votes[i].rating);
		if (steps >= 1) {
			out->disagreeing++;
			if (steps > out->widest)
				out->widest = steps;
		}
	}
	out->consensus = wm_rating_consensus_counts(count);
	out->validated = out->validators >= (size_t)rule->min_validators &&
	    out->groups >= (size_t)rule->min_groups;
}
