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

int64_t
wm_signin_delay(int64_t recent_failures)
{
	int64_t over = recent_failures - WM_SIGNIN_FREE_FAILURES, d = 1;

	if (over < 0)
		return 0;
	while (over-- > 0 && d < WM_SIGNIN_MAX_DELAY_SECONDS)
		d *= 2;
	return d < WM_SIGNIN_MAX_DELAY_SECONDS ? d : WM_SIGNIN_MAX_DELAY_SECONDS;
}
