/*
 * The access rules of every route (core/access.h). Staff roles count at
 * the service they were granted for exactly: a practitioner sees the
 * people on their own services' caseloads, never a neighbour's.
 */
#include "core/access.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
	const char *name;
	enum wm_rule_target target;
} rules[] = {
	[WM_RULE_NONE] = { "none", WM_TARGET_NONE },
	[WM_RULE_PUBLIC] = { "public", WM_TARGET_NONE },
	[WM_RULE_SIGNED_IN] = { "signed-in", WM_TARGET_NONE },
	[WM_RULE_OWN_RECORD] = { "own-record", WM_TARGET_NONE },
	[WM_RULE_OWN_FORMS] = { "own-forms", WM_TARGET_NONE },
	[WM_RULE_STAFF] = { "staff", WM_TARGET_NONE },
	[WM_RULE_CARE_TEAM] = { "care-team", WM_TARGET_PERSON },
	[WM_RULE_LEADS] = { "leads", WM_TARGET_NONE },
	[WM_RULE_SERVICE_LEAD] = { "service-lead", WM_TARGET_SERVICE },
	[WM_RULE_VALIDATOR] = { "validator", WM_TARGET_NONE },
	[WM_RULE_INVITED] = { "invited", WM_TARGET_INVITATION },
	[WM_RULE_COMMISSIONER] = { "commissioner", WM_TARGET_NONE },
	[WM_RULE_SERVICE_COMMISSIONER] = { "service-commissioner",
	    WM_TARGET_SERVICE },
	[WM_RULE_ADMIN] = { "admin", WM_TARGET_NONE },
	[WM_RULE_PLAN_OWNER] = { "plan-owner", WM_TARGET_PLAN },
	[WM_RULE_PLAN_READER] = { "plan-reader", WM_TARGET_PLAN },
	[WM_RULE_PLAN_CRISIS] = { "plan-crisis", WM_TARGET_PLAN },
	[WM_RULE_PLAN_TOGETHER] = { "plan-together", WM_TARGET_PLAN },
	[WM_RULE_PLAN_SUGGEST] = { "plan-suggest", WM_TARGET_PLAN },
};

int
wm_grants_hold(const struct wm_grant *g, size_t n, enum wm_role role,
    int64_t unit_id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (g[i].role == role && g[i].unit_id == unit_id && unit_id)
			return 1;
	return 0;
}

/*
 * Waymark: "a commissioner's grant on the network, or on one provider,
 * covers every service under it"
 */
int
wm_grants_cover(const struct wm_grant *g, size_t n, enum wm_role role,
    int64_t unit_id, const int64_t *chain, size_t n_chain)
{
	size_t i;

	if (wm_grants_hold(g, n, role, unit_id))
		return 1;
	for (i = 0; i < n_chain; i++)
		if (wm_grants_hold(g, n, role, chain[i]))
			return 1;
	return 0;
}

int
wm_grants_any(const struct wm_grant *g, size_t n, enum wm_role role)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (g[i].role == role)
			return 1;
	return 0;
}

int
wm_access_staff_at(const struct wm_access_facts *f, int64_t unit)
{
	return wm_grants_hold(f->grants, f->n_grants, WM_ROLE_PRACTITIONER,
	    unit) || wm_grants_hold(f->grants, f->n_grants, WM_ROLE_LEAD,
	    unit);
}

static int
staff_anywhere(const struct wm_access_facts *f)
{
	return wm_grants_any(f->grants, f->n_grants, WM_ROLE_PRACTITIONER) ||
	    wm_grants_any(f->grants, f->n_grants, WM_ROLE_LEAD);
}

/* The named person's care team: staff where they are on the caseload. */
static int
care_team(const struct wm_access_facts *f)
{
	size_t i;

	for (i = 0; i < f->n_person_units; i++)
		if (wm_access_staff_at(f, f->person_units[i]))
			return 1;
	return 0;
}

static int
allowed(enum wm_rule rule, const struct wm_access_facts *f)
{
	switch (rule) {
	case WM_RULE_SIGNED_IN:
		return 1;
	case WM_RULE_OWN_RECORD:
		return f->own_person != 0;
	case WM_RULE_OWN_FORMS:
		return f->own_person != 0 || staff_anywhere(f);
	case WM_RULE_STAFF:
		return staff_anywhere(f);
	case WM_RULE_CARE_TEAM:
		return care_team(f);
	case WM_RULE_LEADS:
		return wm_grants_any(f->grants, f->n_grants, WM_ROLE_LEAD);
	case WM_RULE_SERVICE_LEAD:
		return wm_grants_hold(f->grants, f->n_grants, WM_ROLE_LEAD,
		    f->service_id);
	case WM_RULE_VALIDATOR:
		return wm_grants_any(f->grants, f->n_grants,
		    WM_ROLE_VALIDATOR);
	case WM_RULE_INVITED:
		/* An invitation lapses with the validator's role there. */
		return f->invited && wm_grants_hold(f->grants, f->n_grants,
		    WM_ROLE_VALIDATOR, f->invited_unit);
	case WM_RULE_COMMISSIONER:
		return wm_grants_any(f->grants, f->n_grants,
		    WM_ROLE_COMMISSIONER);
	case WM_RULE_SERVICE_COMMISSIONER:
		return f->service_id != 0 && wm_grants_cover(f->grants,
		    f->n_grants, WM_ROLE_COMMISSIONER, f->service_id,
		    f->service_chain, f->n_service_chain);
	case WM_RULE_ADMIN:
		return wm_grants_any(f->grants, f->n_grants, WM_ROLE_ADMIN);
	case WM_RULE_PLAN_OWNER:
		return f->plan.owner != 0 && f->own_person == f->plan.owner;
	case WM_RULE_PLAN_READER: {
		int64_t unit;

		return wm_plan_reader(f, &unit) != WM_PLAN_NOT_SHARED;
	}
	case WM_RULE_PLAN_CRISIS:
		return wm_plan_crisis_unit(f) != 0;
	case WM_RULE_PLAN_TOGETHER:
		return wm_plan_staff_unit(f, 0) != 0;
	case WM_RULE_PLAN_SUGGEST:
		return wm_plan_staff_unit(f, 1) != 0;
	case WM_RULE_NONE:
	case WM_RULE_PUBLIC:
	case WM_RULE_COUNT:
		break;
	}
	return 0;
}

enum wm_access_answer
wm_access_decide(enum wm_rule rule, const struct wm_access_facts *f)
{
	if (rule == WM_RULE_PUBLIC)
		return WM_ACCESS_ALLOW;
	if ((size_t)rule >= NELEM(rules) || rule == WM_RULE_NONE)
		return f->signed_in ? WM_ACCESS_DENY : WM_ACCESS_SIGN_IN_FIRST;
	if (!f->signed_in)
		return WM_ACCESS_SIGN_IN_FIRST;
	return allowed(rule, f) ? WM_ACCESS_ALLOW : WM_ACCESS_DENY;
}

enum wm_rule_target
wm_rule_target(enum wm_rule rule)
{
	return (size_t)rule < NELEM(rules) ? rules[rule].target :
	    WM_TARGET_NONE;
}

const char *
wm_rule_name(enum wm_rule rule)
{
	return (size_t)rule < NELEM(rules) && rules[rule].name ?
	    rules[rule].name : "unknown";
}
