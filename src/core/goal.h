/*
 * A person's own goals ("individuals define their own goals and agenda")
 * and their reviews: progress rated 0 (not started) to 10 (achieved),
 * with an optional note. The rules for what may be recorded; pure.
 */
#ifndef WM_CORE_GOAL_H
#define WM_CORE_GOAL_H

#define WM_GOAL_MAX_TEXT 500
#define WM_GOAL_MAX_NOTE 2000
#define WM_GOAL_MAX_RATING 10

/* NULL when the goal, in the person's own words, may be saved. */
const char *wm_goal_text_problem(const char *text);

/* NULL when a review's rating is from 0 to 10. */
const char *wm_goal_rating_problem(long long rating);

/* NULL and *out set when s is a whole number from 0 to 10. */
const char *wm_goal_rating_parse(const char *s, int *out);

/* NULL when the note (may be empty) may be saved. */
const char *wm_goal_note_problem(const char *note);

/*
 * Where a goal stands. A person may change a current goal's wording, mark
 * it achieved or put it aside, and bring an achieved or put-aside goal
 * back; each change is kept with its date, nothing overwritten.
 */
enum wm_goal_state {
	WM_GOAL_CURRENT,
	WM_GOAL_ACHIEVED,
	WM_GOAL_ASIDE,
};

enum wm_goal_change {
	WM_GOAL_REWORD,		/* new wording */
	WM_GOAL_MARK_ACHIEVED,
	WM_GOAL_PUT_ASIDE,
	WM_GOAL_BRING_BACK,
};

/* The state's name as stored ("current", "achieved", "aside"), and
 * back: 0, or -1 for a name that is none of them. */
const char *wm_goal_state_name(enum wm_goal_state st);
int wm_goal_state_parse(const char *name, enum wm_goal_state *out);

/* The change's name as stored ("worded", "achieved", "aside", "back"),
 * and back from a stored or a form's name: 0, or -1. */
const char *wm_goal_change_name(enum wm_goal_change c);
int wm_goal_change_parse(const char *name, enum wm_goal_change *out);

/* NULL when the change may be made to a goal in state `from`, with
 * *to set to the state it leaves the goal in; else why not. */
const char *wm_goal_change_problem(enum wm_goal_state from,
    enum wm_goal_change c, enum wm_goal_state *to);

/* NULL when a goal in this state may be reviewed; else why not. */
const char *wm_goal_review_problem(enum wm_goal_state st);

/* 1 when a goal in this state counts in the network's goal figures
 * (people with goals, reviewed twice, rated higher at the latest
 * review than the first); docs/statistics.md says why. */
int wm_goal_counts_in_figures(enum wm_goal_state st);

#endif
