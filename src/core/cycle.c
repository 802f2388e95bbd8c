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

/* The first answer on or after day `from`, from index *i on; NULL if none. */
static const struct wm_date *
answer_from(const struct wm_date *answers, size_t n, size_t *i, long from)
{
	while (*i < n && wm_date_days(&answers[*i]) < from)
		(*i)++;
	return *i < n ? &answers[*i] : NULL;
}

size_t
wm_cycle_windows(int every_months, const struct wm_date *since,
    const struct wm_date *left, const struct wm_date *answers,
    size_t n_answers, const struct wm_date *until,
    struct wm_cycle_window *out, size_t max)
{
	struct wm_date due = *since, next;
	const struct wm_date *a, *last;
	long end = wm_date_days(until), gone = left ? wm_date_days(left) :
	    end + 1, d, closes;
	size_t i = 0, n = 0;
	int done;

	if (every_months < 1)
		return 0;
	while ((d = wm_date_days(&due)) <= end && d <= gone) {
		closes = d + WM_CYCLE_GRACE_DAYS;
		a = answer_from(answers, n_answers, &i, d - WM_CYCLE_EARLY_DAYS);
		done = a && wm_date_days(a) <= closes && wm_date_days(a) <= end;
		/* An open window, or one the person left before it closed,
		 * is not (yet) a time they were due. */
		if (!done && (closes > end || closes > gone))
			break;
		if (n < max) {
			out[n].due = due;
			out[n].done = done;
			if (done)
				out[n].done_on = *a;
		}
		n++;
		/* The next time runs from the latest answer since this window
		 * opened, as the due list does; else from this due date. It
		 * always moves on, so the walk ends. */
		last = NULL;
		next = due;
		wm_date_add_months(&next, every_months);
		while (a && wm_date_days(a) < wm_date_days(&next) &&
		    wm_date_days(a) <= end) {
			last = a;
			a = ++i < n_answers ? &answers[i] : NULL;
		}
		if (last) {
			due = *last;
			wm_date_add_months(&due, every_months);
		}
		if (!last || wm_date_days(&due) <= d)
			due = next;
	}
	return n;
}
