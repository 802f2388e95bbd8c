/*
 * Deciding access before a handler runs (web/scope.h): the facts from the
 * store, the decision from core.
 */
#include "web/scope.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/http.h"
#include "web/layout.h"
#include "web/pages.h"

/* The path parameter each kind of target is named by in the route table. */
static const char *const target_param[] = {
	[WM_TARGET_NONE] = NULL,
	[WM_TARGET_PERSON] = "person",
	[WM_TARGET_SERVICE] = "code",
	[WM_TARGET_INVITATION] = "invitation",
	[WM_TARGET_PLAN] = "plan",
};

#define MAX_PERSON_UNITS 32
#define MAX_CHAIN 8

struct facts {
	struct wm_scope *sc;
	int64_t units[MAX_PERSON_UNITS];
	size_t n_units;
	int64_t chain[MAX_CHAIN];	/* the units above the named service */
	size_t n_chain;
	struct wm_plan_facts plan;	/* the named plan */
	int64_t plan_teams[MAX_PERSON_UNITS];
	int64_t plan_units[MAX_PERSON_UNITS];
	int too_many;
};

static int
add_grant(void *ctx, const struct wm_grant_row *g)
{
	struct wm_scope *sc = ctx;
	enum wm_role role;

	if (wm_role_parse(g->role, &role))
		return 0;	/* a role this program does not know grants
				 * nothing */
	if (sc->n_grants == sc->cap) {
		size_t cap = sc->cap ? sc->cap * 2 : 16;
		struct wm_grant *g2;

		if (cap > WM_SCOPE_MAX_GRANTS || !(g2 = realloc(sc->grants,
		    cap * sizeof(*g2))))
			return -1;
		sc->grants = g2;
		sc->cap = cap;
	}
	sc->grants[sc->n_grants].role = role;
	sc->grants[sc->n_grants].unit_id = g->unit_id;
	sc->n_grants++;
	return 0;
}

static int
add_unit(void *ctx, int64_t unit)
{
	struct facts *f = ctx;

	if (f->n_units == MAX_PERSON_UNITS) {
		f->too_many = 1;
		return 1;
	}
	f->units[f->n_units++] = unit;
	return 0;
}

static int
add_above(void *ctx, int64_t unit)
{
	struct facts *f = ctx;

	if (f->n_chain == MAX_CHAIN) {
		f->too_many = 1;
		return 1;
	}
	f->chain[f->n_chain++] = unit;
	return 0;
}

static int
one(void *ctx, const struct wm_invited_row *row)
{
	*(int64_t *)ctx = row->unit_id;
	return 1;
}

/* The record the path names: 0, with what was found (nothing, if it does
 * not exist), or the store's failure. */
static int
target(struct wm_http *h, struct facts *f, enum wm_rule_target t,
    struct wm_buf *err)
{
	const char *v = target_param[t] ? wm_route_param(&h->match,
	    target_param[t]) : NULL;
	struct wm_buf name = WM_BUF_INIT;
	int64_t id = 0;
	int rc = 0;
	int64_t unit = 0;
	char today[11];

	if (!v)
		return 0;
	switch (t) {
	case WM_TARGET_PERSON:
		rc = wm_store_person_units_now(h->store, v, &id, add_unit, f,
		    err);
		if (rc == 0) {
			f->sc->person_id = id;
			f->sc->person_ident = v;
		}
		break;
	case WM_TARGET_SERVICE:
		wm_buf_init(&name, sizeof(f->sc->service_name) - 1);
		rc = wm_store_service_find(h->store, v, &id, &name, err);
		if (rc == 0 && strlen(v) < sizeof(((struct wm_led_service *)
		    0)->code)) {
			f->sc->service_id = id;
			f->sc->service_code = v;
			snprintf(f->sc->service_name,
			    sizeof(f->sc->service_name), "%s",
			    wm_buf_str(&name));
		}
		wm_buf_release(&name);
		/* Only a commissioner's rule looks above the service. */
		if (rc == 0 && f->sc->service_id &&
		    f->sc->rule == WM_RULE_SERVICE_COMMISSIONER)
			rc = wm_store_unit_chain(h->store, id, add_above, f,
			    err);
		break;
	case WM_TARGET_INVITATION:
		if (!h->signed_in || !(id = wm_route_number(&h->match,
		    target_param[t])))
			return 0;
		rc = wm_store_account_invitations(h->store,
		    h->who.account_id, id, one, &unit, err);
		if (rc == 0 && unit) {
			f->sc->assessment_id = id;
			f->sc->invited_unit = unit;
		}
		break;
	case WM_TARGET_PLAN:
		if (!h->signed_in || !(id = wm_route_number(&h->match,
		    target_param[t])))
			return 0;
		wm_scope_today(h, today);
		rc = wm_store_plan_facts(h->store, id, h->who.account_id,
		    today, &f->plan, f->plan_teams, f->plan_units,
		    MAX_PERSON_UNITS, err);
		if (rc == 0 && f->plan.owner) {
			f->sc->plan_id = id;
			f->sc->plan_owner = f->plan.owner;
		}
		break;
	case WM_TARGET_NONE:
		break;
	}
	return rc == WM_STORE_NOT_FOUND ? 0 : rc;
}

static int
gather(struct wm_http *h, struct facts *f, enum wm_rule rule,
    struct wm_buf *err)
{
	struct wm_scope *sc = f->sc;
	int rc;

	if (!h->signed_in || rule == WM_RULE_PUBLIC)
		return 0;
	rc = wm_store_account_person(h->store, h->who.account_id,
	    &sc->own_person, err);
	if (rc == WM_STORE_NOT_FOUND)
		sc->own_person = 0;
	else if (rc)
		return rc;
	if ((rc = wm_store_account_grants(h->store, h->who.account_id,
	    add_grant, sc, err)))
		return rc;
	return target(h, f, wm_rule_target(rule), err);
}

void
wm_scope_today(const struct wm_http *h, char out[11])
{
	struct wm_date d;

	wm_date_from_days((long)(h->now / 86400), &d);
	wm_date_format(&d, out);
}

/* How the account allowed in reads the named plan, and through which
 * service, for what its view is logged as. */
static void
plan_reader(struct wm_scope *sc, const struct wm_access_facts *af)
{
	size_t i;

	if (!sc->plan_id)
		return;
	sc->plan_reader = wm_plan_reader(af, &sc->plan_unit);
	if (sc->rule == WM_RULE_PLAN_CRISIS)
		sc->plan_unit = wm_plan_crisis_unit(af);
	for (i = 0; !sc->plan_unit && i < af->plan.n_owner_units; i++)
		if (wm_access_staff_at(af, af->plan.owner_units[i]))
			sc->plan_unit = af->plan.owner_units[i];
}

int
wm_scope_admit(struct wm_http *h, enum wm_rule rule, const char *audit)
{
	struct wm_scope *sc = &h->scope;
	struct wm_access_facts af;
	struct facts f;
	struct wm_buf err = WM_BUF_INIT;
	int rc;

	memset(sc, 0, sizeof(*sc));
	memset(&f, 0, sizeof(f));
	sc->rule = rule;
	sc->audit = audit;
	f.sc = sc;
	if ((rc = gather(h, &f, rule, &err)) || f.too_many) {
		wm_page_store_error(h, rc ? rc : WM_STORE_ERROR, f.too_many ?
		    "the record is in too many places to check" :
		    wm_buf_str(&err));
		goto refused;
	}
	memset(&af, 0, sizeof(af));
	af.signed_in = h->signed_in;
	af.own_person = sc->own_person;
	af.grants = sc->grants;
	af.n_grants = sc->n_grants;
	af.person_units = f.units;
	af.n_person_units = f.n_units;
	af.service_id = sc->service_id;
	af.service_chain = f.chain;
	af.n_service_chain = f.n_chain;
	af.invited = sc->assessment_id != 0;
	af.invited_unit = sc->invited_unit;
	af.plan = f.plan;
	switch (wm_access_decide(rule, &af)) {
	case WM_ACCESS_ALLOW:
		plan_reader(sc, &af);
		break;
	case WM_ACCESS_SIGN_IN_FIRST:
		wm_page_sign_in_first(h);
		goto refused;
	case WM_ACCESS_DENY:
		wm_page_not_found(h);
		goto refused;
	}
	wm_buf_release(&err);
	return 0;
refused:
	free(sc->grants);
	memset(sc, 0, sizeof(*sc));
	wm_buf_release(&err);
	return -1;
}

enum wm_rule
wm_scope_route_rule(const char *path)
{
	size_t i;

	for (i = 0; i < wm_n_pages; i++)
		if (strcmp(wm_pages[i].route.method, "GET") == 0 &&
		    strcmp(wm_pages[i].route.pattern, path) == 0)
			return wm_pages[i].rule;
	return WM_RULE_NONE;
}

int
wm_scope_opens(const struct wm_http *h, enum wm_rule rule)
{
	const struct wm_scope *sc = &h->scope;
	struct wm_access_facts af;

	if (rule == WM_RULE_NONE || wm_rule_target(rule) != WM_TARGET_NONE)
		return 0;
	memset(&af, 0, sizeof(af));
	af.signed_in = h->signed_in;
	af.own_person = sc->own_person;
	af.grants = sc->grants;
	af.n_grants = sc->n_grants;
	return wm_access_decide(rule, &af) == WM_ACCESS_ALLOW;
}

/* What a view is of: the person the path names; else the service it
 * names; else, for a commissioner's view of the network, the unit of
 * their grant. -1 when there is nothing to name. */
static int
viewed_subject(const struct wm_scope *sc, const char **kind, int64_t *id)
{
	size_t i;

	if (sc->person_id) {
		*kind = "person";
		*id = sc->person_id;
		return 0;
	}
	*kind = "unit";
	if (sc->service_id) {
		*id = sc->service_id;
		return 0;
	}
	if (sc->rule == WM_RULE_COMMISSIONER)
		for (i = 0; i < sc->n_grants; i++)
			if (sc->grants[i].role == WM_ROLE_COMMISSIONER) {
				*id = sc->grants[i].unit_id;
				return 0;
			}
	return -1;
}

int
wm_scope_viewed(struct wm_http *h, const char *detail)
{
	struct wm_scope *sc = &h->scope;
	struct wm_buf err = WM_BUF_INIT;
	const char *kind;
	int64_t id;
	int rc;

	if (!sc->audit || sc->audited)
		return 0;
	if (viewed_subject(sc, &kind, &id)) {
		wm_page_not_found(h);
		return -1;
	}
	rc = wm_http_audit(h, sc->audit, kind, id, detail, &err);
	wm_page_store_ok(h, rc, &err);
	wm_buf_release(&err);
	sc->audited = rc == 0;
	return rc ? -1 : 0;
}

void
wm_scope_finish(struct wm_http *h)
{
	struct wm_scope *sc = &h->scope;

	if (sc->audit && !sc->audited && !h->failed && h->status >= 200 &&
	    h->status < 300)
		wm_page_store_error(h, WM_STORE_ERROR, "BUG: a view of a "
		    "record was about to be shown unaudited");
	free(sc->grants);
	memset(sc, 0, sizeof(*sc));
}

int64_t
wm_scope_person(struct wm_http *h)
{
	if (!h->scope.person_id)
		wm_page_not_found(h);
	return h->scope.person_id;
}

int64_t
wm_page_own_person(struct wm_http *h)
{
	if (!h->scope.own_person)
		wm_page_not_found(h);
	return h->scope.own_person;
}

int64_t
wm_page_own_service(struct wm_http *h)
{
	static const enum wm_role order[] = { WM_ROLE_PRACTITIONER,
	    WM_ROLE_LEAD };
	const struct wm_scope *sc = &h->scope;
	size_t i, k;

	for (k = 0; k < sizeof(order) / sizeof(order[0]); k++)
		for (i = 0; i < sc->n_grants; i++)
			if (sc->grants[i].role == order[k])
				return sc->grants[i].unit_id;
	wm_page_not_found(h);
	return 0;
}

int64_t
wm_api_whose(struct wm_http *h)
{
	int64_t person;

	if (!wm_route_param(&h->match, "person"))
		return wm_page_own_person(h);
	person = wm_scope_person(h);
	return person && wm_scope_viewed(h, NULL) == 0 ? person : 0;
}

/* The service the path names, as the route's rule (`rule`) checked it. */
static int
service_of(struct wm_http *h, enum wm_rule rule, struct wm_led_service *out)
{
	out->id = 0;
	out->code[0] = '\0';
	wm_buf_clear(&out->name);
	if (!h->scope.service_id || h->scope.rule != rule) {
		wm_page_not_found(h);
		return -1;
	}
	out->id = h->scope.service_id;
	snprintf(out->code, sizeof(out->code), "%s", h->scope.service_code);
	wm_buf_puts(&out->name, h->scope.service_name);
	return 0;
}

int
wm_service_led(struct wm_http *h, struct wm_led_service *out)
{
	return service_of(h, WM_RULE_SERVICE_LEAD, out);
}

int
wm_service_commissioned(struct wm_http *h, struct wm_led_service *out)
{
	return service_of(h, WM_RULE_SERVICE_COMMISSIONER, out);
}

void
wm_led_service_release(struct wm_led_service *s)
{
	wm_buf_release(&s->name);
}
