/*
 * Who may read a person's plan. Plans are the most private thing Waymark
 * holds: no role reads one by being what it is. The owner reads their
 * own; anyone else only through a share the owner made and has not
 * stopped, or, for a plan the owner has let be opened in a crisis, a
 * practitioner of a service the owner uses now. A lead, validator,
 * commissioner or administrator reads none by their role: a service's
 * care team, for plans, is its practitioners.
 */
#include "core/access.h"

static int
practitioner_at(const struct wm_access_facts *f, int64_t unit)
{
	return wm_grants_hold(f->grants, f->n_grants, WM_ROLE_PRACTITIONER,
	    unit);
}

static int
holds(const int64_t *v, size_t n, int64_t x)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i] == x)
			return 1;
	return 0;
}

/*
 * Newsletter: "Contingency plans, joint crisis plans, negotiated safety
 * plans and advanced directives which honour people's preferences are
 * developed"
 *
 * Waymark: "a plan shared with a service's care team is read by its
 * practitioners, never its lead by that role, and only while its owner
 * is on that service's caseload; one shared with an account, by that
 * account alone, while it is the owner's supporter or a practitioner of
 * a service the owner uses"
 */
enum wm_plan_reader
wm_plan_reader(const struct wm_access_facts *f, int64_t *unit)
{
	const struct wm_plan_facts *p = &f->plan;
	size_t i;

	*unit = 0;
	if (!p->owner)
		return WM_PLAN_NOT_SHARED;
	if (f->own_person == p->owner)
		return WM_PLAN_OWNER;
	/* A share by name lasts while they are what it was made to: the
	 * person's supporter, or a practitioner of a service the person
	 * uses now. */
	if (p->shared_with_account && p->account_supports)
		return WM_PLAN_SHARED;
	for (i = 0; p->shared_with_account && i < p->n_owner_units; i++)
		if (practitioner_at(f, p->owner_units[i]))
			return WM_PLAN_SHARED;
	for (i = 0; i < p->n_team_units; i++)
		if (holds(p->owner_units, p->n_owner_units, p->team_units[i]) &&
		    practitioner_at(f, p->team_units[i])) {
			*unit = p->team_units[i];
			return WM_PLAN_TEAM;
		}
	return WM_PLAN_NOT_SHARED;
}

/*
 * Waymark: "a plan is opened in a crisis only if its owner turned crisis
 * access on for it, only by a practitioner of a service whose caseload
 * the owner is on now, and the owner is told"
 */
int64_t
wm_plan_crisis_unit(const struct wm_access_facts *f)
{
	const struct wm_plan_facts *p = &f->plan;
	size_t i;

	if (!p->owner || !p->crisis_access || f->own_person == p->owner)
		return 0;
	for (i = 0; i < p->n_owner_units; i++)
		if (practitioner_at(f, p->owner_units[i]))
			return p->owner_units[i];
	return 0;
}

/*
 * Newsletter: "How can we bring in the ideas of 'negotiated safety plans'
 * and 'joint crisis plans' in a culture that has become averse to taking
 * risk?"
 *
 * Waymark: "a practitioner of the person's service writes a plan
 * together with them, or suggests a change to it, only when the person
 * lets them read it (or it has nothing in it yet, to start it
 * together); the person's own words change only if they accept"
 */
int64_t
wm_plan_staff_unit(const struct wm_access_facts *f, int suggest)
{
	const struct wm_plan_facts *p = &f->plan;
	int64_t unit;
	size_t i;
	int reads;

	if (!p->owner || f->own_person == p->owner)
		return 0;
	reads = wm_plan_reader(f, &unit) != WM_PLAN_NOT_SHARED;
	if (!reads && (suggest || p->has_content))
		return 0;
	for (i = 0; i < p->n_owner_units; i++)
		if (practitioner_at(f, p->owner_units[i]))
			return p->owner_units[i];
	return 0;
}
