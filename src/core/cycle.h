/*
 * Cycles: a measure asked again every so many months ("a regular cycle of
 * measuring recovery outcomes embedded into routine practice", standard
 * 2). When is it next due for someone, and is it overdue? Pure.
 */
#ifndef WM_CORE_CYCLE_H
#define WM_CORE_CYCLE_H

#include <stddef.h>

#include "util/date.h"

/* How often a cycle may ask: every 1 to 60 months. */
#define WM_CYCLE_MAX_MONTHS 60

/* Reads how often a cycle asks, as whole months (digits only). NULL with
 * *out set, or what is wrong, in words for the person who typed it. */
const char *wm_cycle_every_problem(const char *text, int *out);

/* How long after its due date a measure counts as overdue. */
#define WM_CYCLE_GRACE_DAYS 30

enum wm_due {
	WM_DUE_NOT_YET,
	WM_DUE_NOW,
	WM_DUE_OVERDUE,
};

/*
 * Due `every_months` after the last completed answer, or from `since`
 * (when the person joined the caseload, or the cycle began, whichever is
 * later) if they have never answered. Fills *due_on.
 */
enum wm_due wm_cycle_due(const struct wm_date *today, int every_months,
    const struct wm_date *since, const struct wm_date *last,
    struct wm_date *due_on);

/* How far ahead a practitioner is told what falls due: a week. */
#define WM_CYCLE_SOON_DAYS 7

/* 1 when a measure due on `due_on` falls due from tomorrow to
 * WM_CYCLE_SOON_DAYS days after `today`. */
int wm_cycle_due_soon(const struct wm_date *today,
    const struct wm_date *due_on);

/* How early an answer may come and still count for the time it was due:
 * a month either side of the due date. */
#define WM_CYCLE_EARLY_DAYS 30

/* One time a measure fell due for a person on a caseload. */
struct wm_cycle_window {
	struct wm_date due;
	int done;		/* answered within the window */
	struct wm_date done_on;	/* when, if done */
};

/*
 * The times a measure fell due for one person while on a caseload, up to
 * `until`, for completion rates: due on joining (or the cycle's start,
 * `since`), then `every_months` after the answer that met the last one
 * (or after the last due date, if that was missed), moved on by any
 * answer given before the next window opened, as the due list is. A time counts when its
 * window, from WM_CYCLE_EARLY_DAYS before the due date to
 * WM_CYCLE_GRACE_DAYS after it, has closed by `until` or was met: it is
 * done if a completed answer falls within it. Someone who left (`left`,
 * NULL if still there) before a window closed, without answering in it,
 * was never due then. `answers` are completed answers, oldest first.
 * Fills at most `max` windows; returns how many there were in all.
 */
size_t wm_cycle_windows(int every_months, const struct wm_date *since,
    const struct wm_date *left, const struct wm_date *answers,
    size_t n_answers, const struct wm_date *until,
    struct wm_cycle_window *out, size_t max);

/* The same walk, handing each window to `fn` in turn instead of storing
 * it, so a long history needs no buffer. Returns how many there were. */
size_t wm_cycle_walk(int every_months, const struct wm_date *since,
    const struct wm_date *left, const struct wm_date *answers,
    size_t n_answers, const struct wm_date *until,
    void (*fn)(void *ctx, const struct wm_cycle_window *w), void *ctx);

/*
 * The same times as they stand whatever the day, for keeping at write
 * time: the walk above with every answer the person has given, each time
 * with the day from which it counts, its due date or the answer that met
 * it, whichever is later, else 30 days after it is due (its window closed
 * unmet). Read on a day `until` on or after every answer, wm_cycle_walk's
 * windows are exactly these times that count by then (each counts from
 * a later day than the one before), then those of the tail that do
 * (wm_cycle_tail_walk).
 */
struct wm_cycle_step {
	struct wm_date due;
	int done;
	long counts_from;	/* days, as wm_date_days counts them */
};

/*
 * Where the times stand for answers given later than every one handed to
 * wm_cycle_steps (on its last answer's day or after), so that they can be
 * worked out from there without the earlier answers: a walk given them
 * all is the same as far as the point it first found it had used every
 * answer, and goes on from there with the later ones alone.
 */
enum {
	WM_CYCLE_ENDED,		/* the times ended first: later answers change
				 * nothing */
	WM_CYCLE_AT,		/* at the time due on `next`, its answer not
				 * yet looked for */
	WM_CYCLE_AFTER,		/* after the time due on `last`: its next due
				 * date moved on to `next` so far */
};
struct wm_cycle_resume {
	int state;
	struct wm_date last, next;
};

/*
 * Hands each time to `fn`, oldest first, up to the first that no answer
 * could meet (none was given on or after 30 days before it is due): from
 * there the measure falls due every_months apart, none met, for as long
 * as the person stays. Returns 1 with that first due date in *tail, or 0
 * when the times end before it (the person left, or the cycle stopped:
 * `left`); and where the times stand in *resume.
 */
int wm_cycle_steps(int every_months, const struct wm_date *since,
    const struct wm_date *left, const struct wm_date *answers,
    size_t n_answers, void (*fn)(void *ctx, const struct wm_cycle_step *s),
    void *ctx, struct wm_date *tail, struct wm_cycle_resume *resume);

/* The times that come after `from` given only the later answers (oldest
 * first): wm_cycle_steps's, for all the answers, from that point on. */
int wm_cycle_steps_more(int every_months, const struct wm_cycle_resume *from,
    const struct wm_date *left, const struct wm_date *answers,
    size_t n_answers, void (*fn)(void *ctx, const struct wm_cycle_step *s),
    void *ctx, struct wm_date *tail, struct wm_cycle_resume *resume);

/* The tail's windows that count on day `until` (none of them met), each
 * handed to `fn`, from its first due date `first` on, as wm_cycle_walk
 * would continue; returns how many. */
size_t wm_cycle_tail_walk(int every_months, const struct wm_date *first,
    const struct wm_date *left, const struct wm_date *until,
    void (*fn)(void *ctx, const struct wm_cycle_window *w), void *ctx);

/*
 * Completion rates, month by month: for the last 12 complete months and
 * the current one, how many times a measure fell due (by the month of the
 * due date) and how many of those were met within their window. A time
 * counts once its window has closed, or earlier if it was met; a month is
 * final once every window due in it has closed (WM_CYCLE_GRACE_DAYS after
 * its last day), so the current month, and the one before it for a while,
 * may still grow.
 */
#define WM_COMPLETION_MONTHS 13

struct wm_completion_month {
	int year, month;
	long due;	/* times due in the month that count */
	long done;	/* of those, met within their window */
	int final;	/* no window due in the month can still change */
};

struct wm_completion {
	struct wm_date today;
	long first, last;	/* months since year 0 of m[0] and today */
	struct wm_completion_month m[WM_COMPLETION_MONTHS];	/* oldest first */
};

/* Empty months ending with today's. */
void wm_completion_init(struct wm_completion *c, const struct wm_date *today);

/* One subject's time under a cycle: a person's spell on the caseload of
 * the cycle's service, or (joined = the cycle's start, left = NULL) the
 * service itself for a cycle about the service. */
struct wm_cycle_spell {
	int every_months;
	const struct wm_date *cycle_start;
	const struct wm_date *stopped;	/* the cycle stopped, or NULL */
	const struct wm_date *joined;
	const struct wm_date *left;	/* left the caseload, or NULL */
};

/*
 * Adds the times due in one spell. The measure falls due from the later
 * of joining and the cycle's start; the spell ends at the earlier of
 * leaving and the cycle stopping (a cycle stopped is, for its people, as
 * if they had left). `answers` are the subject's completed answers to any
 * version of the measure, oldest first.
 */
void wm_completion_add(struct wm_completion *c,
    const struct wm_cycle_spell *sp, const struct wm_date *answers,
    size_t n_answers);

/* Counts one window whose due date is in a month of c's, `n` times (less
 * than 0 to take them away again), as wm_completion_add counts each. */
void wm_completion_count(struct wm_completion *c, const struct wm_date *due,
    int done, long n);

/* done / due as a whole percentage, rounded half up; -1 when nothing was
 * due ("No one was due"). */
int wm_completion_percent(long done, long due);

#endif
