/*
 * Who may use each route: the rules, as pure decisions over what the
 * server looked up about the signed-in account and about the record the
 * path names. Every route in the web's table declares one rule; the
 * server asks wm_access_decide before the handler runs, so a handler
 * never decides access itself. Deny by default: WM_RULE_NONE, the value
 * of a route that declares nothing, refuses everyone.
 *
 * A refusal of someone signed in reads as "not found", exactly as if the
 * record did not exist, so that no one learns what exists outside their
 * scope. Ownership: the facts point at the caller's arrays, which must
 * outlive the call.
 */
#ifndef WM_CORE_ACCESS_H
#define WM_CORE_ACCESS_H

#include <stddef.h>
#include <stdint.h>

#include "core/network.h"

/* Who each rule lets in. */
enum wm_rule {
	WM_RULE_NONE = 0,	/* nobody: the route declared no rule */
	WM_RULE_PUBLIC,		/* anyone, signed in or not */
	WM_RULE_SIGNED_IN,	/* anyone signed in */
	WM_RULE_OWN_RECORD,	/* a person using services, about their own
				 * record */
	WM_RULE_OWN_FORMS,	/* someone with forms of their own to answer:
				 * a person using services, or a
				 * practitioner or lead answering about
				 * themselves */
	WM_RULE_STAFF,		/* a practitioner or lead of any service */
	WM_RULE_CARE_TEAM,	/* a practitioner or lead of a service whose
				 * caseload the person named in the path is
				 * on now */
	WM_RULE_LEADS,		/* the lead of any service */
	WM_RULE_SERVICE_LEAD,	/* the lead of the service in the path */
	WM_RULE_VALIDATOR,	/* a validator of any service */
	WM_RULE_INVITED,	/* the validator invited to the
				 * self-assessment in the path */
	WM_RULE_COMMISSIONER,	/* a commissioner, of any part of the
				 * network */
	WM_RULE_SERVICE_COMMISSIONER,	/* a commissioner of the service in
					 * the path: of it, its provider or
					 * its network */
	WM_RULE_ADMIN,		/* an administrator of the network */
	WM_RULE_PLAN_OWNER,	/* the person whose plan the path names */
	WM_RULE_PLAN_READER,	/* the plan's owner, or someone they share
				 * it with now (core/plan_access.c) */
	WM_RULE_PLAN_CRISIS,	/* a practitioner of a service whose
				 * caseload the plan's owner is on now, when
				 * the owner allows crisis access to it */
	WM_RULE_PLAN_TOGETHER,	/* a practitioner of a service whose caseload
				 * the plan's owner is on now, who may read
				 * the plan, or whose plan has nothing in
				 * it yet: to write it with them */
	WM_RULE_PLAN_SUGGEST,	/* a practitioner of a service whose caseload
				 * the plan's owner is on now, who may read
				 * the plan: to suggest a change */
	WM_RULE_COUNT
};

/* What a rule needs the path to name, for the server to look up. */
enum wm_rule_target {
	WM_TARGET_NONE,
	WM_TARGET_PERSON,	/* a person's identifier */
	WM_TARGET_SERVICE,	/* a unit's code */
	WM_TARGET_INVITATION,	/* an assessment's number */
	WM_TARGET_PLAN,		/* a plan's number */
};

/* What the store found about the plan a path names and the account
 * asking: whose it is, whom it is shared with now, and where its owner
 * is on a caseload now. All zero when there is no such plan. */
struct wm_plan_facts {
	int64_t owner;		/* the person whose plan it is, or 0 */
	int crisis_access;	/* the owner allows crisis access */
	int has_content;	/* a version or a draft is kept */
	int shared_with_account;	/* a current share with the account */
	int account_supports;	/* the account is the owner's supporter
				 * now */
	const int64_t *team_units;	/* services whose care team it is
					 * shared with now */
	size_t n_team_units;
	const int64_t *owner_units;	/* services whose caseload the owner
					 * is on now */
	size_t n_owner_units;
};

/* How someone other than its owner may read a plan, if at all. */
enum wm_plan_reader {
	WM_PLAN_NOT_SHARED,
	WM_PLAN_OWNER,
	WM_PLAN_SHARED,		/* shared with their account */
	WM_PLAN_TEAM,		/* shared with the care team of a service
				 * they are a practitioner of, where the
				 * owner is on the caseload now */
};

/* One role an account holds at one unit. */
struct wm_grant {
	enum wm_role role;
	int64_t unit_id;
};

struct wm_access_facts {
	int signed_in;
	int64_t own_person;	/* the account's own person record, or 0 */
	const struct wm_grant *grants;
	size_t n_grants;
	/* The record the path names, when the rule has a target; all zero
	 * (or none) when it does not exist. */
	const int64_t *person_units;	/* the services whose caseload the
					 * named person is on now */
	size_t n_person_units;
	int64_t service_id;	/* the named service */
	const int64_t *service_chain;	/* the units above it: its provider,
					 * its network */
	size_t n_service_chain;
	int invited;		/* the account is invited to the named
				 * assessment ... */
	int64_t invited_unit;	/* ... of this service, where it must still
				 * hold the validator role */
	struct wm_plan_facts plan;	/* the plan the path names */
};

enum wm_access_answer {
	WM_ACCESS_ALLOW,
	WM_ACCESS_SIGN_IN_FIRST,	/* not signed in: sign in, then ask */
	WM_ACCESS_DENY,			/* not theirs: "not found" */
};

enum wm_access_answer wm_access_decide(enum wm_rule rule,
    const struct wm_access_facts *f);

enum wm_rule_target wm_rule_target(enum wm_rule rule);

/* The rule's name in the route listing ("care-team"), for `waymark serve
 * --routes`; who it lets in is said beside each rule above. */
const char *wm_rule_name(enum wm_rule rule);

/* The service through which a practitioner writes the plan with its
 * owner (WM_RULE_PLAN_TOGETHER), or 0; `suggest` for one suggesting a
 * change, who must be able to read it. */
int64_t wm_plan_staff_unit(const struct wm_access_facts *f, int suggest);

/* 1 if the account is a practitioner or lead at `unit` exactly. */
int wm_access_staff_at(const struct wm_access_facts *f, int64_t unit);

/* How the account may read the plan (core/plan_access.c); the service
 * of the team share into *unit for WM_PLAN_TEAM. */
enum wm_plan_reader wm_plan_reader(const struct wm_access_facts *f,
    int64_t *unit);

/* The service through which a practitioner may open the plan in a
 * crisis (one whose caseload its owner is on now, when the owner
 * allows it), or 0. */
int64_t wm_plan_crisis_unit(const struct wm_access_facts *f);

/* 1 if the account holds `role` at `unit_id` exactly. */
int wm_grants_hold(const struct wm_grant *g, size_t n, enum wm_role role,
    int64_t unit_id);
/* 1 if the account holds `role` at `unit_id` or at one of the units
 * above it (`chain`): a commissioner of a provider commissions each of
 * its services. */
int wm_grants_cover(const struct wm_grant *g, size_t n, enum wm_role role,
    int64_t unit_id, const int64_t *chain, size_t n_chain);
/* 1 if the account holds `role` anywhere. */
int wm_grants_any(const struct wm_grant *g, size_t n, enum wm_role role);

#endif
