#include "core/goal.h"

#include <string.h>

#include "util/text.h"

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

const char *
wm_goal_rating_parse(const char *s, int *out)
{
	if (s && s[0] >= '0' && s[0] <= '9' && s[1] == '\0') {
		*out = s[0] - '0';
		return NULL;
	}
	if (s && strcmp(s, "10") == 0) {
		*out = 10;
		return NULL;
	}
	return "Choose how far along you are, from 0 to 10";
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
