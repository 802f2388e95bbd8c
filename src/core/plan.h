/*
 * The rules of people's own plans that are not about who may read them
 * (core/access.h has those): what a share may say, what a crisis
 * opening must give, and the services anyone can contact that a network
 * starts with. Pure functions.
 */
#ifndef WM_CORE_PLAN_H
#define WM_CORE_PLAN_H

#include "util/buf.h"
#include "util/date.h"

/* The network setting that lists the services anyone can contact day or
 * night, one "Name, how to reach them" a line, and its value until the
 * network sets its own. */
#define WM_CRISIS_CONTACTS_SETTING "crisis-contacts"
#define WM_CRISIS_CONTACTS_DEFAULT \
	"NHS 111, call 111 and choose the mental health option, any time\n" \
	"Samaritans, call 116 123 free, any time"

/* At most this many services, each a line of at most this many
 * characters. */
#define WM_CRISIS_CONTACTS_MAX 10
#define WM_CRISIS_CONTACT_MAX_LINE 200

/* The list as it is kept: each line trimmed of spaces at its ends, empty
 * lines left out, into out; then why it will not do (no line at all,
 * too many, one too long or with characters that cannot be kept), or
 * NULL. */
const char *wm_crisis_contacts_problem(const char *text, struct wm_buf *out);

/* The longest "who they are to me" a person writes of a supporter. */
#define WM_SUPPORTER_RELATIONSHIP_MAX 60

/* The longest reason a practitioner may give for opening a plan in a
 * crisis, and the shortest. */
#define WM_CRISIS_REASON_MIN 10
#define WM_CRISIS_REASON_MAX 500

/* Why a share cannot run until `until` from `today` (the last day it
 * runs, which may be today and at most WM_SHARE_MAX_DAYS ahead), or
 * NULL when it can. */
#define WM_SHARE_MAX_DAYS 3660
const char *wm_plan_share_until_problem(const struct wm_date *until,
    const struct wm_date *today);

/* Why a reason for opening a plan in a crisis will not do, or NULL. */
const char *wm_plan_crisis_reason_problem(const char *reason);

#endif
