#include "core/change.h"

#include "core/disclosure.h"

/*
 * Waymark: "a change of less than a quarter of a point is about the
 * same, within the ordinary wobble of answering; this is a description
 * for the person, not a test of reliable change"
 */
enum wm_change
wm_change_between(double first, double latest)
{
	double d = latest - first;

	if (d >= WM_CHANGE_NOTICEABLE)
		return WM_CHANGE_HIGHER;
	if (d <= -WM_CHANGE_NOTICEABLE)
		return WM_CHANGE_LOWER;
	return WM_CHANGE_SAME;
}

enum wm_outcome
wm_change_outcome(double first, double latest, int higher_is_better)
{
	switch (wm_change_between(first, latest)) {
	case WM_CHANGE_HIGHER:
		return higher_is_better ? WM_OUTCOME_IMPROVED : WM_OUTCOME_WORSE;
	case WM_CHANGE_LOWER:
		return higher_is_better ? WM_OUTCOME_WORSE : WM_OUTCOME_IMPROVED;
	case WM_CHANGE_SAME:
		break;
	}
	return WM_OUTCOME_SAME;
}

/*
 * Waymark: "change is counted only for people with at least two answers,
 * first against latest, as improved, about the same or worse"
 */
void
wm_change_tally_add(struct wm_change_tally *t, double first, double latest,
    int higher_is_better)
{
	t->people++;
	t->total += latest - first;
	switch (wm_change_outcome(first, latest, higher_is_better)) {
	case WM_OUTCOME_IMPROVED:
		t->improved++;
		break;
	case WM_OUTCOME_WORSE:
		t->worse++;
		break;
	case WM_OUTCOME_SAME:
		t->same++;
		break;
	}
}

/*
 * Waymark: "the mean change is shown to the service only from 5 people"
 */
int
wm_change_tally_mean(const struct wm_change_tally *t, double *mean)
{
	*mean = 0;
	if (t->people <= 0 || !wm_service_mean_shown(t->people))
		return 0;
	*mean = t->total / (double)t->people;
	return 1;
}
