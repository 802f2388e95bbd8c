/*
 * Describing one person's change on a scale between two answers, in the
 * plainest honest terms: higher, lower, or about the same. A difference
 * smaller than WM_CHANGE_NOTICEABLE is "about the same", because a
 * quarter of a point on a 5-point scale is within the ordinary wobble of
 * answering; this is a description for the person, not a test of
 * reliable change (which needs the instrument's reliability and is for
 * the network's reports).
 */
#ifndef WM_CORE_CHANGE_H
#define WM_CORE_CHANGE_H

#define WM_CHANGE_NOTICEABLE 0.25

enum wm_change {
	WM_CHANGE_SAME,
	WM_CHANGE_HIGHER,
	WM_CHANGE_LOWER,
};

enum wm_change wm_change_between(double first, double latest);

#endif
