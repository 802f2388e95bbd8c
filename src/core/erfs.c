/*
 * The ERFS rules: see erfs.h.
 */
#include "core/erfs.h"

#include "core/disclosure.h"

/*
 * Waymark: "people's mean rating of a domain is shown from 5 ratings;
 * staff's from any, since staff are not identified by their feedback on
 * their own service"
 */
int
wm_erfs_mean_shown(enum wm_erfs_group g, int64_t ratings)
{
	if (g == WM_ERFS_PEOPLE)
		return wm_service_mean_shown(ratings);
	return ratings > 0;
}

/*
 * Waymark: "disagreement is the finding: where people using the service
 * and its staff differ by a step or more, both say so"
 */
int
wm_ratings_differ(double a, double b)
{
	double d = a > b ? a - b : b - a;

	return d >= WM_DIFFER_STEP - 1e-9;
}
