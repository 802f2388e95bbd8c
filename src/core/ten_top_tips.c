/*
 * The Ten Top Tips team rule: see ten_top_tips.h.
 */
#include "core/ten_top_tips.h"

/*
 * Newsletter: "After each interaction, the mental health professional
 * should ask her / himself, did I"
 * Waymark: "a team's Ten Top Tips are shown only in aggregate, from at
 * least 5 reflections by 2 or more practitioners; a practitioner's own
 * reflections are private to them"
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
