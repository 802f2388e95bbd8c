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

static const char *const state_names[] = {
	[WM_GOAL_CURRENT] = "current",
	[WM_GOAL_ACHIEVED] = "achieved",
	[WM_GOAL_ASIDE] = "aside",
};

static const char *const change_names[] = {
	[WM_GOAL_REWORD] = "worded",
	[WM_GOAL_MARK_ACHIEVED] = "achieved",
	[WM_GOAL_PUT_ASIDE] = "aside",
	[WM_GOAL_BRING_BACK] = "back",
};

#define N_STATES (sizeof(state_names) / sizeof(state_names[0]))
#define N_CHANGES (sizeof(change_names) / sizeof(change_names[0]))

const char *
wm_goal_state_name(enum wm_goal_state st)
{
	return (size_t)st < N_STATES ? state_names[st] : "current";
}

/* The index of `name` among names[0..n), or -1. */
static int
name_index(const char *const *names, size_t n, const char *name)
{
	size_t i;

	for (i = 0; name && i < n; i++)
		if (strcmp(name, names[i]) == 0)
			return (int)i;
	return -1;
}

int
wm_goal_state_parse(const char *name, enum wm_goal_state *out)
{
	int i = name_index(state_names, N_STATES, name);

	if (i < 0)
		return -1;
	*out = (enum wm_goal_state)i;
	return 0;
}

const char *
wm_goal_change_name(enum wm_goal_change c)
{
	return (size_t)c < N_CHANGES ? change_names[c] : "worded";
}

int
wm_goal_change_parse(const char *name, enum wm_goal_change *out)
{
	int i = name_index(change_names, N_CHANGES, name);

	if (i < 0)
		return -1;
	*out = (enum wm_goal_change)i;
	return 0;
}

/*
 * Waymark: "a person changes a current goal's wording, marks it achieved
 * or puts it aside, and brings an achieved or put-aside goal back"
 */
const char *
wm_goal_change_problem(enum wm_goal_state from, enum wm_goal_change c,
    enum wm_goal_state *to)
{
	switch (c) {
	case WM_GOAL_REWORD:
	case WM_GOAL_MARK_ACHIEVED:
	case WM_GOAL_PUT_ASIDE:
		if (from == WM_GOAL_ACHIEVED)
			return "This goal is marked achieved: bring it back "
			    "first";
		if (from == WM_GOAL_ASIDE)
			return "This goal is put aside: bring it back first";
		*to = c == WM_GOAL_REWORD ? WM_GOAL_CURRENT :
		    c == WM_GOAL_MARK_ACHIEVED ? WM_GOAL_ACHIEVED :
		    WM_GOAL_ASIDE;
		return NULL;
	case WM_GOAL_BRING_BACK:
		if (from == WM_GOAL_CURRENT)
			return "This goal is already one of your current goals";
		*to = WM_GOAL_CURRENT;
		return NULL;
	}
	return "That is not a change a goal can have";
}

/*
 * Waymark: "only a current goal is reviewed; an achieved or put-aside
 * goal is brought back first"
 */
const char *
wm_goal_review_problem(enum wm_goal_state st)
{
	if (st == WM_GOAL_ACHIEVED)
		return "This goal is marked achieved: bring it back to review "
		    "it again";
	if (st == WM_GOAL_ASIDE)
		return "This goal is put aside: bring it back to review it";
	return NULL;
}

/*
 * Waymark: "every goal a person set counts in the network's goal
 * figures, current, achieved or put aside: its reviews happened, and
 * putting a goal aside neither hides nor removes progress recorded"
 */
int
wm_goal_counts_in_figures(enum wm_goal_state st)
{
	return (size_t)st < N_STATES;
}
