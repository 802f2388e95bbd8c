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

#endif
