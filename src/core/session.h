/*
 * The rules for signed-in sessions and for slowing down password
 * guessing. Pure decisions over times in seconds since 1970; the web
 * layer asks, the store keeps the records.
 */
#ifndef WM_CORE_SESSION_H
#define WM_CORE_SESSION_H

#include <stdint.h>

#define WM_SESSION_IDLE_SECONDS (30 * 60)
#define WM_SESSION_MAX_SECONDS (12 * 60 * 60)
/* How stale a session's last use may get before a request records it:
 * idle time is kept to the minute, so that a busy session costs one
 * durable write a minute rather than one per request. */
#define WM_SESSION_TOUCH_SECONDS 60

/*
 * Slowing down guessing. Failures are counted per (email tried, address
 * it came from) pair, so that failures from elsewhere never make the
 * owner of an email wait at their own address, and per address, so that
 * one address cannot try many emails quickly; more are allowed per
 * address, since many people may share one (an office, a proxy). How
 * long failures are remembered, and the longest wait.
 */
#define WM_SIGNIN_FREE_FAILURES 5
#define WM_SIGNIN_ADDRESS_FREE_FAILURES 30
#define WM_SIGNIN_WINDOW_SECONDS (15 * 60)
#define WM_SIGNIN_MAX_DELAY_SECONDS (15 * 60)

/* The attempts recorded under one key within the window. */
struct wm_signin_record {
	int64_t count;
	int64_t latest;		/* the latest of them */
};

enum wm_session_state {
	WM_SESSION_LIVE,
	WM_SESSION_IDLE,	/* unused for longer than the idle timeout */
	WM_SESSION_EXPIRED,	/* older than the absolute timeout */
	WM_SESSION_ENDED,	/* signed out */
};

enum wm_session_state wm_session_state(int64_t created, int64_t last_seen,
    int ended, int64_t now);

/* 1 if a request at now should record the session's use (its last use,
 * last_seen, is a minute old or more, or in the future). */
int wm_session_needs_touch(int64_t last_seen, int64_t now);

/*
 * How many seconds must pass after the latest failure before another
 * sign-in is tried, given the failures within the window (for one account
 * or one address): none for the first few, then doubling from 1 second,
 * capped. Correct passwords are refused too while the wait lasts, so
 * guessing cannot be sped up by luck.
 */
int64_t wm_signin_delay(int64_t recent_failures);

/*
 * How many seconds an attempt at `now` must wait (0: it may go ahead),
 * given what is recorded for its (email, address) pair and for its
 * address. Times are whole seconds, and the latest failure may have come
 * at the end of its second, so a wait of d seconds lasts until the end of
 * second latest + d: never less than d, however the attempts fall.
 */
int64_t wm_signin_wait(const struct wm_signin_record *pair,
    const struct wm_signin_record *address, int64_t now);

/* A wait as people are told it: whole minutes, rounded up, so that an
 * answer does not differ from another's by the second it came. */
int64_t wm_signin_wait_minutes(int64_t seconds);

#endif
