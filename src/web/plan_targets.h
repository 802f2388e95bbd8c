/*
 * Whom a person may share a plan with: the care team of a service whose
 * caseload they are on now, a practitioner of one of those services, or
 * a supporter they invited and have not ended. One list for the sharing
 * page (its choices) and the API (what it accepts), so they never differ.
 * Leads, validators, commissioners and administrators are never on it by
 * their role.
 */
#ifndef WM_WEB_PLAN_TARGETS_H
#define WM_WEB_PLAN_TARGETS_H

#include <stdint.h>

#include "web/http.h"

enum wm_share_kind {
	WM_SHARE_TEAM,
	WM_SHARE_PRACTITIONER,
	WM_SHARE_SUPPORTER,
};

struct wm_share_target {
	enum wm_share_kind kind;
	int64_t id;		/* the unit (a team), else the account */
	char value[40];		/* as the form names it: "team:ID",
				 * "account:ID" */
	char code[65];		/* a team's service's code */
	char words[300];	/* "The care team of ...", "Jo Smith, ..." */
};

#define WM_SHARE_TARGETS_MAX 200

struct wm_share_targets {
	struct wm_share_target v[WM_SHARE_TARGETS_MAX];
	size_t n;
};

/* Everyone the person may share with now into *t: 0, else -1 with the
 * store's failure answered. */
int wm_share_targets_load(struct wm_http *h, int64_t person,
    struct wm_share_targets *t);

/* The target the form's value names, or NULL. */
const struct wm_share_target *wm_share_target_value(
    const struct wm_share_targets *t, const char *value);
/* The care team of the service with this code, or NULL. */
const struct wm_share_target *wm_share_target_team(
    const struct wm_share_targets *t, const char *code);
/* The account, if the person may share with it by name, or NULL. */
const struct wm_share_target *wm_share_target_account(
    const struct wm_share_targets *t, int64_t account_id);

#endif
