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
