/*
 * Cycles: a measure asked again every so many months ("a regular cycle of
 * measuring recovery outcomes embedded into routine practice", standard
 * 2). When is it next due for someone, and is it overdue? Pure.
 */
#ifndef WM_CORE_CYCLE_H
#define WM_CORE_CYCLE_H

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

#endif
