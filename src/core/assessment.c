/*
 * Periods and reasons for the standards self-assessment: see
 * assessment.h.
 */
#include "core/assessment.h"

#include <stdio.h>
#include <string.h>

#include "util/text.h"

static const char *const month_names[12] = { "January", "February",
	"March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December" };

const char *
wm_period_months_problem(long long months)
{
	if (months == 1 || months == 2 || months == 3 || months == 4 ||
	    months == 6 || months == 12)
		return NULL;
	return "a period is 1, 2, 3, 4, 6 or 12 months, so that periods "
	    "fit the year";
}

void
wm_period_of(const struct wm_date *d, int months, struct wm_date *start,
    struct wm_date *end)
{
	start->year = d->year;
	start->month = (d->month - 1) / months * months + 1;
	start->day = 1;
	*end = *start;
	wm_date_add_months(end, months);
	wm_date_from_days(wm_date_days(end) - 1, end);
}

int
wm_period_parse(const char *s, int months, struct wm_date *start)
{
	struct wm_date d, end;

	if (wm_date_parse(s, &d))
		return -1;
	wm_period_of(&d, months, start, &end);
	return wm_date_cmp(&d, start) == 0 ? 0 : -1;
}

void
wm_period_name(const struct wm_date *start, const struct wm_date *end,
    char *out, size_t n)
{
	const char *first = month_names[start->month - 1];
	const char *last = month_names[end->month - 1];

	if (start->year == end->year && start->month == 1 && end->month == 12)
		snprintf(out, n, "%d", start->year);
	else if (start->year == end->year && start->month == end->month)
		snprintf(out, n, "%s %d", first, start->year);
	else if (start->year == end->year)
		snprintf(out, n, "%s to %s %d", first, last, start->year);
	else
		snprintf(out, n, "%s %d to %s %d", first, start->year, last,
		    end->year);
}

const char *
wm_reason_problem(const char *text)
{
	size_t n = strlen(text);

	if (n == 0 || strspn(text, " \t\n") == n)
		return "Give a reason";
	if (n > WM_REASON_MAX)
		return "A reason is at most 2000 characters";
	if (wm_text_check(text, 1) != WM_TEXT_OK)
		return "The reason contains characters that cannot be saved";
	return NULL;
}

int
wm_standard_parse(const char *s)
{
	int n = 0;

	if (!s || !*s || strlen(s) > 2 || s[0] == '0')
		return 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return 0;
		n = n * 10 + (*s - '0');
	}
	return n >= 1 && n <= WM_STANDARDS ? n : 0;
}
