/*
 * The rules for accounts that the command line and the administrator's
 * pages share: what a role grant names and where each role may be held,
 * the one-time setup code a new account is given instead of a password,
 * and what an administrator may not do to their own account. Pure
 * checks; each problem is a plain-English reason (a static string) that
 * both the command line and the web show as it is, or NULL when all is
 * well.
 */
#ifndef WM_CORE_ACCOUNT_H
#define WM_CORE_ACCOUNT_H

#include <stddef.h>
#include <stdint.h>

#include "core/network.h"
#include "core/rating.h"

#define WM_GRANT_UNIT_MAX 64

/* A role at a unit, and for a validator the stakeholder group they speak
 * for (WM_STAKEHOLDER_NONE for every other role). */
struct wm_grant_spec {
	enum wm_role role;
	char unit[WM_GRANT_UNIT_MAX + 1];	/* the unit's code */
	enum wm_stakeholder group;
};

/* A grant from its three parts as typed (group NULL or "" for none):
 * the role's code, the unit's code, the stakeholder group's code. */
const char *wm_grant_check(const char *role, const char *unit,
    const char *group, struct wm_grant_spec *out);

/* The same from "ROLE@UNIT" or "ROLE@UNIT/GROUP", as the command line
 * takes it: "validator@exbridge-recovery/lived-experience". */
const char *wm_grant_parse(const char *s, struct wm_grant_spec *out);

/* Where a role may be held: a person's and staff's roles (person,
 * practitioner, lead, validator) at a service, where the caseloads and
 * the standards are; a commissioner's and an administrator's at any
 * unit, for the part of the network below it. */
const char *wm_grant_unit_problem(enum wm_role role, enum wm_unit_kind kind);

/* Why no role can be granted at a unit of this kind that closed on
 * `closed` (NULL while it is open): from the day it closes it takes no
 * new role grants, as it takes no one new on its caseload. */
const char *wm_grant_closed_problem(enum wm_unit_kind kind,
    const char *closed);

/*
 * One-time setup codes. A new account gets no password: its holder is
 * given a code (by hand, on paper or by phone) with which they choose
 * their own. The code is 80 random bits written in 16 characters of an
 * alphabet with nothing that reads as something else (no 0 or O, no 1
 * or I), in four groups: "7KQM-D2XR-9PHW-B4TN". Only its hash is kept;
 * it works once, for WM_SETUP_CODE_DAYS.
 */
#define WM_SETUP_CODE_BYTES 10		/* 80 bits */
#define WM_SETUP_CODE_CHARS 16		/* 5 bits each */
#define WM_SETUP_CODE_LEN 19		/* with the three dashes */
#define WM_SETUP_CODE_DAYS 7
#define WM_SETUP_CODE_SECONDS ((int64_t)WM_SETUP_CODE_DAYS * 24 * 60 * 60)

/* The code of 80 random bits, grouped, into out. */
void wm_setup_code_format(const unsigned char raw[WM_SETUP_CODE_BYTES],
    char out[WM_SETUP_CODE_LEN + 1]);

/* A code as someone typed it, in the one spelling its hash is taken of:
 * letters in either case, with or without dashes and spaces, into out
 * (16 characters, upper case). 0, or -1 if it cannot be a code (any
 * other character, or too few or too many). */
int wm_setup_code_normalise(const char *typed,
    char out[WM_SETUP_CODE_CHARS + 1]);

/* What an administrator does to an account. */
enum wm_account_change {
	WM_CHANGE_DEACTIVATE,
	WM_CHANGE_REVOKE,
	WM_CHANGE_GRANT,
};

/* Why an administrator (account `actor`) may not make the change to
 * account `account` (removing `role`, for WM_CHANGE_REVOKE): an
 * administrator cannot shut themselves out, since no one might be left
 * to let them back in. The command line (actor 0) may. */
const char *wm_account_change_problem(int64_t actor, int64_t account,
    enum wm_account_change change, enum wm_role role);

#endif
