/*
 * Disclosure control: see disclosure.h. The figures for commissioners
 * follow the rule they are given. The default, WM_DISCLOSURE_NHS (what
 * `report network --disclosure nhs` uses), is the HES rule: counts of 1
 * to 7 withheld, the rest rounded to the nearest 5, means of fewer than 8
 * people withheld. It is not NHS England's MHSDS rule (counts of 0 to 4
 * shown as *, means of fewer than 5 withheld), which is not built yet.
 * The service's own rule (WM_SERVICE_MIN_COUNT) is Waymark's.
 */
#include "core/disclosure.h"

/*
 * Waymark: "small numbers for commissioners are withheld by the rule in
 * force, by default the HES rule: counts of 1 to 7 withheld and the rest
 * rounded to the nearest 5, so no one can be re-identified"
 */
int
wm_disclose_count(const struct wm_disclosure *d, int64_t n, int64_t *shown)
{
	int64_t r = d->round_to > 0 ? d->round_to : 1;

	if (n > 0 && n < d->min_count)
		return 0;
	/* Round half up to the nearest multiple of r. */
	*shown = (n + r / 2) / r * r;
	return 1;
}

/*
 * Waymark: "a mean for commissioners is withheld when it is of fewer
 * people than the rule in force allows: fewer than 8, by default the HES
 * rule"
 */
int
wm_disclose_mean(const struct wm_disclosure *d, int64_t n)
{
	return n > 0 && n >= d->min_mean_n;
}

/*
 * Waymark: "small numbers for the service itself: a count of people's
 * feedback from 1 to 4 is shown as <5"
 */
int
wm_service_count_shown(int64_t n)
{
	return n == 0 || n >= WM_SERVICE_MIN_COUNT;
}

/*
 * Waymark: "a mean of fewer than 5 answers about people's feedback is
 * withheld from the service"
 */
int
wm_service_mean_shown(int64_t n)
{
	return n >= WM_SERVICE_MIN_COUNT;
}

/*
 * Waymark: "a share of people's feedback is shown to the service only
 * from 5 answers, and withheld when its count would be <5"
 */
enum wm_share_state
wm_service_share(int64_t count, int64_t of, int *percent)
{
	*percent = 0;
	if (of <= 0)
		return WM_SHARE_NO_ANSWERS;
	if (of < WM_SERVICE_MIN_COUNT)
		return WM_SHARE_TOO_FEW;
	if (count < 0 || count > of)
		return WM_SHARE_TOO_FEW;
	if (!wm_service_count_shown(count))
		return WM_SHARE_WITHHELD;
	*percent = (int)((200 * count + of) / (2 * of));
	return WM_SHARE_SHOWN;
}
