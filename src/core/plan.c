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

/*
 * Waymark: "the services anyone can contact day or night are the
 * network's to list, one a line, by default NHS 111 and the Samaritans,
 * 116 123"
 */
const char *
wm_crisis_contacts_problem(const char *text, struct wm_buf *out)
{
	const char *s = text, *e, *nl;
	size_t lines = 0, len;

	wm_buf_clear(out);
	for (; s && *s; s = nl ? nl + 1 : e) {
		nl = strchr(s, '\n');
		e = nl ? nl : s + strlen(s);
		while (s < e && (*s == ' ' || *s == '\t' || *s == '\r'))
			s++;
		len = (size_t)(e - s);
		while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
		    s[len - 1] == '\r'))
			len--;
		if (!len)
			continue;
		if (len > WM_CRISIS_CONTACT_MAX_LINE)
			return "each service must be on a line of 200 "
			    "characters or fewer";
		if (++lines > WM_CRISIS_CONTACTS_MAX)
			return "list at most 10 services";
		if (out->len)
			wm_buf_putc(out, '\n');
		wm_buf_add(out, s, len);
	}
	if (!lines)
		return "list at least one service anyone can contact day or "
		    "night, one a line, with how to reach it";
	if (out->failed || wm_text_check(wm_buf_str(out), 1) != WM_TEXT_OK)
		return "the list contains characters that cannot be kept";
	return NULL;
}
