/*
 * The Ten Top Tips as a team: after each interaction a practitioner asks
 * themselves "did I..." ten times, privately; their team sees only the
 * share of "yes" across everyone's reflections, and only when there are
 * enough reflections from enough practitioners that no one's own answers
 * can be read off. Pure.
 */
#ifndef WM_CORE_TEN_TOP_TIPS_H
#define WM_CORE_TEN_TOP_TIPS_H

#include <stddef.h>
#include <stdint.h>

#include "core/profile.h"

/*
 * A team's Ten Top Tips are shown only in aggregate, and only when there
 * are at least WM_TEAM_MIN_REFLECTIONS reflections in the period from at
 * least WM_TEAM_MIN_PRACTITIONERS practitioners (a "team" of one would be
 * that practitioner's own answers, which are private to them).
 */
#define WM_TEAM_MIN_REFLECTIONS 5
#define WM_TEAM_MIN_PRACTITIONERS 2

enum wm_team_state {
	WM_TEAM_NO_REFLECTIONS,
	WM_TEAM_TOO_FEW_REFLECTIONS,
	WM_TEAM_ONE_PRACTITIONER,
	WM_TEAM_SHOWN,
};

enum wm_team_state wm_team_shown(int64_t reflections, int64_t practitioners);

/* A tip's share of "yes" among the team's reflections in which it
 * applied: 1 with the whole-number percentage (half up) when at least
 * WM_TEAM_MIN_REFLECTIONS applied, else 0. */
int wm_team_share(int64_t yes, int64_t applied, int *percent);

/* A quarter's reflections at a service, as the store counts them. */
struct wm_team_quarter {
	struct wm_quarter period;
	int64_t reflections;
	int64_t practitioners;
};

/* The latest of the quarters q[0 .. n) (in any order), not after `now`,
 * whose reflections the team may see (wm_team_shown): 0 with *out set, or
 * -1 when there is none, so that a view never goes blank just because a
 * new quarter has begun. */
int wm_team_latest_quarter(const struct wm_team_quarter *q, size_t n,
    const struct wm_quarter *now, struct wm_quarter *out);

#endif
