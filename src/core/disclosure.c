#include "core/disclosure.h"

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

int
wm_disclose_mean(const struct wm_disclosure *d, int64_t n)
{
	return n > 0 && n >= d->min_mean_n;
}

int
wm_service_count_shown(int64_t n)
{
	return n == 0 || n >= WM_SERVICE_MIN_COUNT;
}

int
wm_service_mean_shown(int64_t n)
{
	return n >= WM_SERVICE_MIN_COUNT;
}

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
