#include "core/session.h"

enum wm_session_state
wm_session_state(int64_t created, int64_t last_seen, int ended, int64_t now)
{
	if (ended)
		return WM_SESSION_ENDED;
	if (now - created >= WM_SESSION_MAX_SECONDS || now < created)
		return WM_SESSION_EXPIRED;
	if (now - last_seen >= WM_SESSION_IDLE_SECONDS)
		return WM_SESSION_IDLE;
	return WM_SESSION_LIVE;
}

int
wm_session_needs_touch(int64_t last_seen, int64_t now)
{
	return now - last_seen >= WM_SESSION_TOUCH_SECONDS || now < last_seen;
}

static int64_t
delay_after(int64_t recent_failures, int64_t free)
{
	int64_t over = recent_failures - free, d = 1;

	if (over < 0)
		return 0;
	while (over-- > 0 && d < WM_SIGNIN_MAX_DELAY_SECONDS)
		d *= 2;
	return d < WM_SIGNIN_MAX_DELAY_SECONDS ? d : WM_SIGNIN_MAX_DELAY_SECONDS;
}

int64_t
wm_signin_delay(int64_t recent_failures)
{
	return delay_after(recent_failures, WM_SIGNIN_FREE_FAILURES);
}

static int64_t
wait_for(const struct wm_signin_record *r, int64_t free, int64_t now)
{
	int64_t d = delay_after(r->count, free);

	if (d == 0 || now > r->latest + d)
		return 0;
	return r->latest + d + 1 - now;
}

int64_t
wm_signin_wait(const struct wm_signin_record *pair,
    const struct wm_signin_record *address, int64_t now)
{
	int64_t a = wait_for(pair, WM_SIGNIN_FREE_FAILURES, now);
	int64_t b = wait_for(address, WM_SIGNIN_ADDRESS_FREE_FAILURES, now);

	return a > b ? a : b;
}

int64_t
wm_signin_wait_minutes(int64_t seconds)
{
	return seconds <= 0 ? 0 : (seconds + 59) / 60;
}
