#include "core/goal.h"

#include <stdlib.h>
#include <string.h>

#include "util/text.h"

/*
 * Newsletter: "Individuals define their own goals and agenda."
 * Waymark: "a person's goal is kept in their own words"
 */
const char *
wm_goal_text_problem(const char *text)
{
	size_t n = strlen(text);

	if (n == 0 || strspn(text, " \t\n") == n)
		return "Write your goal, in your own words";
	if (n > WM_GOAL_MAX_TEXT)
		return "A goal is at most 500 characters";
	if (wm_text_check(text, 1) != WM_TEXT_OK)
		return "The goal contains characters that cannot be saved";
	return NULL;
}

/*
 * Waymark: "progress towards a goal is reviewed from 0, not started, to
 * 10, achieved"
 */
const char *
wm_goal_rating_problem(long long rating)
{
	if (rating < 0 || rating > WM_GOAL_MAX_RATING)
		return "Choose how far along you are, from 0 to 10";
	return NULL;
}

const char *
wm_goal_rating_parse(const char *s, int *out)
{
	char *end;
	long long v;

	/* Digits only: no sign, space or leading zero tricks. */
	if (!s || s[0] < '0' || s[0] > '9' || strlen(s) > 2 ||
	    (s[0] == '0' && s[1] != '\0'))
		return wm_goal_rating_problem(-1);
	v = strtoll(s, &end, 10);
	if (*end || wm_goal_rating_problem(v))
		return wm_goal_rating_problem(-1);
	*out = (int)v;
	return NULL;
}

const char *
wm_goal_note_problem(const char *note)
{
	if (strlen(note) > WM_GOAL_MAX_NOTE)
		return "A note is at most 2,000 characters";
	if (wm_text_check(note, 1) != WM_TEXT_OK)
		return "The note contains characters that cannot be saved";
	return NULL;
}
