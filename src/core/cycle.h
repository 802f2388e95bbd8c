/*
 * Cycles: a measure asked again every so many months ("a regular cycle of
 * measuring recovery outcomes embedded into routine practice", standard
 * 2). When is it next due for someone, and is it overdue? Pure.
 */
#ifndef WM_CORE_CYCLE_H
#define WM_CORE_CYCLE_H

#include <stddef.h>

#include "util/date.h"

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
 * (or after the last due date, if that was missed). A time counts when its
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

#endif
