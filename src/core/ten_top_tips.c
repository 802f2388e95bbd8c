/*
 * The Ten Top Tips team rule: see ten_top_tips.h.
 */
#include "core/ten_top_tips.h"

/*
 * Waymark: "a team's Ten Top Tips are shown only in aggregate, from at
 * least 5 reflections by 2 or more practitioners, so that no one
 * practitioner's reflections can be read from them"
 */
enum wm_team_state
wm_team_shown(int64_t reflections, int64_t practitioners)
{
	if (reflections <= 0)
		return WM_TEAM_NO_REFLECTIONS;
	if (reflections < WM_TEAM_MIN_REFLECTIONS)
		return WM_TEAM_TOO_FEW_REFLECTIONS;
	if (practitioners < WM_TEAM_MIN_PRACTITIONERS)
		return WM_TEAM_ONE_PRACTITIONER;
	return WM_TEAM_SHOWN;
}

/*
 * Waymark: "a tip's share of yes is shown only from 5 reflections in
 * which it applied"
 */
int
wm_team_share(int64_t yes, int64_t applied, int *percent)
{
	*percent = 0;
	if (applied < WM_TEAM_MIN_REFLECTIONS || yes < 0 || yes > applied)
		return 0;
	*percent = (int)((200 * yes + applied) / (2 * applied));
	return 1;
}

static int
quarter_cmp(const struct wm_quarter *a, const struct wm_quarter *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	return a->quarter < b->quarter ? -1 : a->quarter > b->quarter;
}

/*
 * Waymark: "the team's Ten Top Tips show the latest quarter with enough
 * reflections, saying which, rather than going blank when a new quarter
 * begins"
 */
int
wm_team_latest_quarter(const struct wm_team_quarter *q, size_t n,
    const struct wm_quarter *now, struct wm_quarter *out)
{
	const struct wm_team_quarter *best = NULL;
	size_t i;

	for (i = 0; i < n; i++) {
		if (quarter_cmp(&q[i].period, now) > 0 ||
		    wm_team_shown(q[i].reflections, q[i].practitioners) !=
		    WM_TEAM_SHOWN)
			continue;
		if (!best || quarter_cmp(&q[i].period, &best->period) > 0)
			best = &q[i];
	}
	if (!best)
		return -1;
	*out = best->period;
	return 0;
}
