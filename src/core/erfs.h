/*
 * ERFS (Elements of a Recovery Facilitating System): a service's
 * environment rated on 16 domains, by the people using it and by its
 * staff, side by side. The rules for showing the two: when a group's
 * mean rating of a domain may be shown, and when the groups differ
 * enough to say so (disagreement is the finding). Pure.
 */
#ifndef WM_CORE_ERFS_H
#define WM_CORE_ERFS_H

#include <stdint.h>

/* Who rated: the people using the service, or its staff. */
enum wm_erfs_group {
	WM_ERFS_PEOPLE,
	WM_ERFS_STAFF,
};

/* 1 when a group's mean rating of a domain over `ratings` may be shown
 * to the service: people's from WM_SERVICE_MIN_COUNT ratings (their
 * feedback's small-number rule), staff's from any. */
int wm_erfs_mean_shown(enum wm_erfs_group g, int64_t ratings);

/*
 * Two groups' mean ratings of the same thing differ when they are a
 * whole step of the scale or more apart.
 */
#define WM_DIFFER_STEP 1.0
int wm_ratings_differ(double a, double b);

#endif
