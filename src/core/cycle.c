#include "core/cycle.h"

enum wm_due
wm_cycle_due(const struct wm_date *today, int every_months,
    const struct wm_date *since, const struct wm_date *last,
    struct wm_date *due_on)
{
	*due_on = last ? *last : *since;
	if (last)
		wm_date_add_months(due_on, every_months);
	if (wm_date_cmp(today, due_on) < 0)
		return WM_DUE_NOT_YET;
	if (wm_date_days(today) - wm_date_days(due_on) < WM_CYCLE_GRACE_DAYS)
		return WM_DUE_NOW;
	return WM_DUE_OVERDUE;
}
