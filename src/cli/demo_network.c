/*
 * The demo's network tree, its services' profiles, staff, training records
 * and sign-ins. Every name is invented; none is a real service.
 */
#include "cli/demo.h"

#include <stdio.h>
#include <string.h>

#include "util/password.h"

static const struct {
	const char *code, *name;
} providers[DEMO_PROVIDERS] = {
	{ "moorland-nhs", "Moorland Partnership NHS Trust (fictional)" },
	{ "estuary-care", "Estuary Community Care Trust (fictional)" },
	{ "harbour-mind", "Harbour Mind (fictional)" },
	{ "tor-housing", "Tor Housing and Support (fictional)" },
	{ "beacon-peer", "Beacon Peer Network (fictional)" },
};

/*
 * The 14 pilot sites. Each has its own profile (struct demo_profile: the
 * share of its people on an improving course and their gain per review,
 * the share who decline the recovery markers or answer a review late, and
 * who set and review goals of their own), so a commissioner's funnel plots
 * find services that differ, by more than chance alone would give (phi >
 * 1). Three are there to be found at the demo's default size:
 * - Beacon Recovery College: nearly all its people recover, clearly above
 *   the limits of the funnel of reliable improvement;
 * - Tavmouth Community Mental Health Team, the largest: few of its people
 *   improve reliably, clearly below them;
 * - Honibury Recovery House opened in January 2026 with 8 places, one
 *   person joining a month, so too few people have two answers yet for
 *   any of its outcomes to be shown.
 * tests/cli/demo_outcomes.py checks this from the raw tables.
 */
static const struct {
	const char *code, *name;
	int provider;
	unsigned weight;	/* share of people */
	struct demo_profile profile;
	const char *opened;	/* NULL: before the demo began */
	unsigned places;	/* 0: as many as come */
} services[DEMO_SERVICES] = {
	{ "exbridge-recovery", "Exbridge Recovery Team", 0, 12,
	    { 0.65, 0.08, 0.05, 0.10, 0.70, 0.85 }, NULL, 0 },
	{ "tavmouth-cmht", "Tavmouth Community Mental Health Team", 0, 14,
	    { 0.10, 0.06, 0.10, 0.30, 0.35, 0.45 }, NULL, 0 },
	{ "okeford-early", "Okeford Early Intervention Service", 0, 8,
	    { 0.75, 0.08, 0.08, 0.15, 0.75, 0.80 }, NULL, 0 },
	{ "barnleigh-crisis", "Barnleigh Crisis and Home Treatment", 0, 6,
	    { 0.55, 0.08, 0.25, 0.25, 0.30, 0.40 }, NULL, 0 },
	{ "sidcombe-rehab", "Sidcombe Rehabilitation Unit", 0, 4,
	    { 0.60, 0.08, 0.04, 0.05, 0.80, 0.90 }, NULL, 0 },
	{ "kingsmoor-older", "Kingsmoor Older Adults Team", 0, 7,
	    { 0.55, 0.08, 0.12, 0.12, 0.45, 0.70 }, NULL, 0 },
	{ "dartleigh-living", "Dartleigh Supported Living", 1, 6,
	    { 0.60, 0.08, 0.10, 0.20, 0.60, 0.60 }, NULL, 0 },
	{ "torrow-day", "Torrow Day Services", 1, 7,
	    { 0.70, 0.08, 0.15, 0.10, 0.55, 0.75 }, NULL, 0 },
	{ "honibury-house", "Honibury Recovery House", 1, 4,
	    { 0.60, 0.08, 0.00, 0.00, 0.90, 0.90 }, "2026-01-05", 8 },
	{ "ilsworth-wellbeing", "Ilsworth Wellbeing Centre", 2, 8,
	    { 0.65, 0.08, 0.06, 0.08, 0.65, 0.80 }, NULL, 0 },
	{ "crediford-peer", "Crediford Peer Support Groups", 2, 6,
	    { 0.75, 0.08, 0.18, 0.20, 0.70, 0.55 }, NULL, 0 },
	{ "bidmouth-housing", "Bidmouth Housing Support", 3, 6,
	    { 0.55, 0.08, 0.22, 0.18, 0.40, 0.50 }, NULL, 0 },
	{ "westcombe-tenancy", "Westcombe Tenancy Support", 3, 5,
	    { 0.60, 0.08, 0.15, 0.25, 0.50, 0.65 }, NULL, 0 },
	{ "beacon-college", "Beacon Recovery College", 4, 7,
	    { 0.98, 0.16, 0.03, 0.05, 0.90, 0.95 }, NULL, 0 },
};

static const char *const first_names[] = {
	"Alex", "Sam", "Jo", "Robin", "Charlie", "Jamie", "Morgan", "Frankie",
	"Kit", "Rowan", "Ash", "Sky", "Billie", "Dani", "Ellis", "Finley",
	"Harper", "Jude", "Lee", "Noor", "Pat", "Quinn", "Remi", "Tam",
};

static const char *const name_roots[] = {
	"Bram", "Cob", "Dun", "Elm", "Fern", "Gorse", "Heath", "Ivy", "Kes",
	"Lark", "Moss", "Nettle", "Oak", "Pebble", "Quill", "Rush", "Sorrel",
	"Thistle", "Vale", "Wren", "Yarrow",
};

static const char *const name_ends[] = {
	"ridge", "combe", "ford", "worth", "by", "ton", "well", "leigh",
	"more", "stead",
};

static const char *const stakeholder_groups[DEMO_VALIDATORS] = {
	"lived-experience", "supporter", "peer-worker", "practitioner",
	"commissioner", "lived-experience",
};

/* Share of staff who have done each course, in catalogue order. */
static const double course_share[] = { 0.6, 0.05, 0.35, 0.2, 0.3, 0.05 };

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

void
demo_fictional_name(struct demo *d, char *out, size_t n)
{
	snprintf(out, n, "%s %s%s",
	    first_names[wm_rng_below(&d->rng, NELEM(first_names))],
	    name_roots[wm_rng_below(&d->rng, NELEM(name_roots))],
	    name_ends[wm_rng_below(&d->rng, NELEM(name_ends))]);
}

static int
training(struct demo *d, int64_t account)
{
	struct wm_date when;
	size_t c;
	int rc;

	for (c = 0; c < d->courses->n_concepts && c < NELEM(course_share); c++) {
		char date[11];

		if (!wm_rng_chance(&d->rng, course_share[c]))
			continue;
		wm_date_from_days(wm_date_days(&d->start) - 365 +
		    wm_rng_below(&d->rng, 3 * 365 - 30), &when);
		if (wm_date_cmp(&when, &d->end) > 0)
			when = d->end;
		wm_date_format(&when, date);
		if ((rc = wm_store_training_add(d->s, account,
		    d->courses->concepts[c].code, date, &d->err)))
			return rc;
	}
	return 0;
}

static int
staff(struct demo *d, const char *role, int64_t unit, const char *group,
    const char *email, int64_t *id)
{
	char name[64];
	int rc;

	demo_fictional_name(d, name, sizeof(name));
	if ((rc = wm_store_account_add(d->s, email, name, 0, NULL, id,
	    &d->err)) ||
	    (rc = wm_store_grant_add(d->s, *id, role, unit, group, &d->err)))
		return rc;
	return strcmp(role, "practitioner") == 0 ||
	    strcmp(role, "lead") == 0 ? training(d, *id) : 0;
}

static int
service_staff(struct demo *d, size_t i)
{
	struct demo_service *sv = &d->service[i];
	char email[96];
	size_t p;
	int rc, k;

	snprintf(email, sizeof(email), "lead.%s@demo.waymark.example", sv->code);
	if ((rc = staff(d, "lead", sv->id, NULL, email, &sv->lead)))
		return rc;
	sv->n_practitioners = 5 + wm_rng_below(&d->rng, 4);
	for (p = 0; p < sv->n_practitioners; p++) {
		snprintf(email, sizeof(email),
		    "practitioner%zu.%s@demo.waymark.example", p + 1, sv->code);
		if ((rc = staff(d, "practitioner", sv->id, NULL, email,
		    &sv->practitioner[p])))
			return rc;
		sv->tips[p] = 0.45 + 0.3 * wm_rng_unit(&d->rng);
	}
	for (k = 0; k < DEMO_STANDARDS_MAX; k++)
		sv->maturity[k] = 0.15 + 0.45 * wm_rng_unit(&d->rng);
	return 0;
}

static int
validators(struct demo *d)
{
	char email[96];
	size_t v, i;
	int rc;

	for (v = 0; v < DEMO_VALIDATORS; v++) {
		struct demo_validator *dv = &d->validator[v];

		dv->group = stakeholder_groups[v];
		snprintf(email, sizeof(email),
		    "validator%zu@demo.waymark.example", v + 1);
		if ((rc = staff(d, "validator", d->service[v].id, dv->group,
		    email, &dv->id)))
			return rc;
		for (i = 0; i < DEMO_SERVICES; i++)
			if (i != v && (rc = wm_store_grant_add(d->s, dv->id,
			    "validator", d->service[i].id, dv->group, &d->err)))
				return rc;
	}
	return 0;
}

/* Standard 2's regular cycle, from the start of the demo or the day the
 * service opened: the recovery markers and shared needs every 6 months,
 * the supportive service indicators every year. */
static int
service_cycles(struct demo *d, int64_t unit, const char *opened)
{
	const char *from = opened ? opened : "2024-10-01";
	int rc;

	if ((rc = wm_store_cycle_add(d->s, unit, d->markers.in->url, "person",
	    6, from, &d->err)) ||
	    (rc = wm_store_cycle_add(d->s, unit, d->needs.in->url, "person", 6,
	    from, &d->err)))
		return rc;
	return wm_store_cycle_add(d->s, unit, d->ssi.in->url, "person", 12,
	    from, &d->err);
}

/* The service's place in the demo, from its row of the table. */
static void
service_init(struct demo_service *sv, size_t i)
{
	struct wm_date opened;

	sv->code = services[i].code;
	sv->weight = services[i].weight;
	sv->profile = services[i].profile;
	sv->places = services[i].places;
	sv->opened = services[i].opened &&
	    wm_date_parse(services[i].opened, &opened) == 0 ?
	    wm_date_days(&opened) : 0;
}

int
demo_network(struct demo *d)
{
	int64_t prov[DEMO_PROVIDERS], id;
	size_t i;
	int rc;

	if ((rc = wm_store_unit_add(d->s, "network", "devon-network",
	    "Devon Mental Health and Wellbeing Network (demo)", 0, &d->network,
	    &d->err)))
		return rc;
	for (i = 0; i < DEMO_PROVIDERS; i++)
		if ((rc = wm_store_unit_add(d->s, "provider", providers[i].code,
		    providers[i].name, d->network, &prov[i], &d->err)))
			return rc;
	for (i = 0; i < DEMO_SERVICES; i++) {
		service_init(&d->service[i], i);
		if ((rc = wm_store_unit_add(d->s, "service", services[i].code,
		    services[i].name, prov[services[i].provider],
		    &d->service[i].id, &d->err)) ||
		    (rc = service_staff(d, i)) ||
		    (rc = service_cycles(d, d->service[i].id,
		    services[i].opened)))
			return rc;
	}
	if ((rc = validators(d)))
		return rc;
	if ((rc = staff(d, "commissioner", d->network, NULL,
	    "commissioner@demo.waymark.example", &id)) ||
	    (rc = staff(d, "commissioner", d->network, NULL,
	    "commissioner2@demo.waymark.example", &id)))
		return rc;
	return staff(d, "admin", d->network, NULL, "admin@demo.waymark.example",
	    &id);
}

/* Public by design: printed by `waymark demo` and `make run`, which is why
 * a demo database is served only on loopback. */
static const struct {
	const char *role, *email, *password;
} sign_ins[] = {
	{ "person", "person@demo.waymark.example", "demo-recovery-pass" },
	{ "practitioner", "practitioner1.exbridge-recovery@demo.waymark.example",
	    "demo-practitioner-pass" },
	{ "lead", "lead.exbridge-recovery@demo.waymark.example",
	    "demo-lead-pass" },
	{ "validator", "validator1@demo.waymark.example", "demo-validator-pass" },
	{ "commissioner", "commissioner@demo.waymark.example",
	    "demo-commissioning-pass" },
	{ "admin", "admin@demo.waymark.example", "demo-network-pass" },
	{ "supporter", DEMO_SUPPORTER_EMAIL, "demo-sister-pass" },
};

/* The person's own account, for the first demo person. */
static int
person_account(struct demo *d, int64_t *id)
{
	int64_t person, unit;
	int rc;

	if ((rc = wm_store_person_find(d->s, "DEMO-000001", &person,
	    &d->err)) || (rc = wm_store_person_unit_at(d->s, person,
	    "2026-09-30", &unit, &d->err)) ||
	    (rc = wm_store_account_add(d->s, sign_ins[0].email,
	    "Demo Person (fictional)", person, NULL, id, &d->err)))
		return rc;
	return wm_store_grant_add(d->s, *id, "person", unit, NULL, &d->err);
}

int
demo_sign_ins(struct demo *d, struct wm_buf *out)
{
	char hash[WM_PASSWORD_HASH_MAX];
	unsigned char salt[16];
	size_t i, k;
	int64_t id;
	int rc;

	for (i = 0; i < NELEM(sign_ins); i++) {
		if (i == 0)
			rc = person_account(d, &id);
		else
			rc = wm_store_account_find(d->s, sign_ins[i].email, &id,
			    &d->err);
		if (rc)
			return rc;
		/* The same rule as any other password: the demo proves its
		 * printed passwords would be accepted. */
		if (wm_password_check(sign_ins[i].password, sign_ins[i].email,
		    &d->err))
			return -1;
		for (k = 0; k < sizeof(salt); k++)
			salt[k] = (unsigned char)wm_rng_below(&d->rng, 256);
		if (wm_password_hash_salted(sign_ins[i].password, salt, hash)) {
			wm_buf_puts(&d->err, "could not hash a demo password");
			return -1;
		}
		if ((rc = wm_store_account_set_password(d->s, id, hash,
		    &d->err)))
			return rc;
		wm_buf_printf(out, "sign-in: %s %s %s\n", sign_ins[i].role,
		    sign_ins[i].email, sign_ins[i].password);
	}
	return wm_store_setting_set(d->s, "demo-sign-ins", wm_buf_str(out),
	    &d->err);
}
