/*
 * Elapsed time, for deadlines and for how long something took: the
 * monotonic clock, which no change of the system's date can move. Never
 * for dates (util/date.h).
 */
#ifndef WM_UTIL_CLOCK_H
#define WM_UTIL_CLOCK_H

/* Seconds since an arbitrary moment, fixed while the program runs. */
double wm_clock_seconds(void);

#endif
