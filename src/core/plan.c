/*
 * The rules of people's own plans beyond who may read them (core/plan.h).
 */
#include "core/plan.h"

#include <string.h>

#include "util/text.h"

/*
 * Waymark: "a plan is shared for a time the person chooses, or until they
 * stop it: a share's last day is today or later, and no more than ten
 * years ahead"
 */
const char *
wm_plan_share_until_problem(const struct wm_date *until,
    const struct wm_date *today)
{
	long days = wm_date_days(until) - wm_date_days(today);

	if (days < 0)
		return "the last day of sharing must be today or later";
	if (days > WM_SHARE_MAX_DAYS)
		return "the last day of sharing must be within ten years; "
		    "leave it empty to share until you stop it";
	return NULL;
}

/*
 * Waymark: "a practitioner opens a person's plan in a crisis only by
 * giving a reason, which the person is shown"
 */
const char *
wm_plan_crisis_reason_problem(const char *reason)
{
	size_t n = reason ? strlen(reason) : 0;

	while (n && (reason[n - 1] == ' ' || reason[n - 1] == '\n'))
		n--;
	if (n < WM_CRISIS_REASON_MIN)
		return "say why you need to open the plan now: the person "
		    "will be shown your reason";
	if (strlen(reason) > WM_CRISIS_REASON_MAX)
		return "the reason must be 500 characters or fewer";
	if (wm_text_check(reason, 1) != WM_TEXT_OK)
		return "the reason contains characters that cannot be kept";
	return NULL;
}
