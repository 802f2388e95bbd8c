/*
 * The recovery outcomes as a FHIR MeasureReport (report/measure_report.h):
 * every count is the one the disclosed tables publish, a withheld count
 * is absent with data-absent-reason "masked" and the rule, a scale with
 * no reliable change threshold says its figures were not worked out, the
 * Organizations it names are in the Bundle and every reference resolves
 * there, the reporter is the provider all grants lie within or else the
 * network, nothing is an empty list; and the store's read of the people
 * on each caseload in a window counts spells that overlap it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "report/measure_report.h"
#include "report/network_table.h"
#include "testutil.h"

#define ABSENT "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
#define RULE "https://waymark.example/fhir/StructureDefinition/disclosure-rule"
#define RELIABLE \
	"https://waymark.example/fhir/StructureDefinition/reliable-change"
#define N_SERVICES 3

/* --- a view made by hand ------------------------------------------------ */

struct fixture {
	struct wm_instrument *markers;
	struct wm_net_view v;
	int64_t caseload[N_SERVICES];
};

static char *
copy(const char *s)
{
	char *d = strdup(s);

	assert_non_null(d);
	return d;
}

static void
provider(struct wm_net_provider *p, int64_t id, const char *code,
    const char *name)
{
	p->id = id;
	p->code = copy(code);
	p->name = copy(name);
}

/* Improved, no change, deteriorated: answered alone at each service. */
static const int64_t alone[N_SERVICES][3] = {
	{ 20, 15, 5 }, { 3, 1, 0 }, { 10, 10, 2 },
};

static void
outcomes(struct fixture *f)
{
	struct wm_net_outcomes *o = &f->v.recovery;
	size_t per = WM_NET_KINDS, i;

	o->in = f->markers;
	o->n_scales = 1;
	o->n_services = N_SERVICES;
	o->service_ids = calloc(N_SERVICES, sizeof(*o->service_ids));
	o->thresholds = calloc(per, sizeof(*o->thresholds));
	o->cells = calloc(N_SERVICES * per, sizeof(*o->cells));
	assert_true(o->service_ids && o->thresholds && o->cells);
	o->thresholds[WM_NET_SELF].has = 1;
	o->thresholds[WM_NET_SELF].value = 0.5;
	o->thresholds[WM_NET_SELF].rel.sd = 0.4;
	o->thresholds[WM_NET_SELF].rel.r = 0.8;
	o->thresholds[WM_NET_SELF].rel.estimated = 1;
	o->thresholds[WM_NET_SELF].rel.n_complete = 203;
	o->thresholds[WM_NET_SELF].rel.n_scores = 251;
	o->thresholds[WM_NET_TOGETHER].rel.estimated = 1;
	o->thresholds[WM_NET_TOGETHER].rel.n_complete = 12;
	o->thresholds[WM_NET_TOGETHER].rel.n_scores = 16;
	o->thresholds[WM_NET_TOGETHER].why = WM_ESTIMATE_TOO_FEW;
	for (i = 0; i < N_SERVICES; i++) {
		struct wm_outcome_tally *t = &o->cells[i * per +
		    WM_NET_SELF].t;

		o->service_ids[i] = f->v.services[i].id;
		t->improved = alone[i][0];
		t->no_change = alone[i][1];
		t->deteriorated = alone[i][2];
		t->paired = alone[i][0] + alone[i][1] + alone[i][2];
		o->cells[i * per + WM_NET_TOGETHER].t.paired = 9;
	}
}

static int
setup(void **state)
{
	static const struct {
		int64_t id;
		const char *code, *name;
		size_t provider;
		int64_t people;
	} sv[N_SERVICES] = {
		{ 11, "s1", "Service One", 0, 100 },
		{ 12, "s2", "Service Two", 0, 7 },
		{ 21, "s3", "Service Three", 1, 3 },
	};
	struct fixture *f = calloc(1, sizeof(*f));
	size_t i;

	assert_non_null(f);
	assert_non_null(f->markers = tu_load_instrument(
	    "dreem-recovery-markers.json"));
	wm_net_view_init(&f->v);
	f->v.from = (struct wm_quarter){ 2026, 1 };
	f->v.to = (struct wm_quarter){ 2026, 4 };
	provider(&f->v.network, 1, "net", "The Network");
	f->v.providers = calloc(2, sizeof(*f->v.providers));
	f->v.services = calloc(N_SERVICES, sizeof(*f->v.services));
	assert_true(f->v.providers && f->v.services);
	provider(&f->v.providers[0], 10, "p1", "Provider One");
	provider(&f->v.providers[1], 20, "p2", "Provider Two");
	f->v.n_providers = 2;
	for (i = 0; i < N_SERVICES; i++) {
		f->v.services[i].id = sv[i].id;
		f->v.services[i].code = copy(sv[i].code);
		f->v.services[i].name = copy(sv[i].name);
		f->v.services[i].provider = sv[i].provider;
		f->caseload[i] = sv[i].people;
	}
	f->v.n_services = N_SERVICES;
	outcomes(f);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	wm_net_view_release(&f->v);
	wm_instrument_free(f->markers);
	free(f);
	return 0;
}

static json_t *
report(struct fixture *f, enum wm_disclosure_rule rule, const char *kind,
    const char *code, const char *name)
{
	struct wm_mr_input in = { &f->v, rule, { kind, code, name },
	    f->caseload, 1796601600 };
	json_t *b = wm_measure_report_json(&in);

	assert_non_null(b);
	return b;
}

/* --- reading the Bundle ------------------------------------------------- */

static json_t *
resource(json_t *b, size_t i)
{
	return json_object_get(json_array_get(json_object_get(b, "entry"), i),
	    "resource");
}

static const char *
str(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* The population with this code in a list. */
static json_t *
population(json_t *pops, const char *code)
{
	size_t i;
	json_t *p;

	json_array_foreach(pops, i, p) {
		json_t *c = json_array_get(json_object_get(json_object_get(p,
		    "code"), "coding"), 0);

		if (strcmp(str(c, "code"), code) == 0)
			return p;
	}
	fail_msg("no population %s", code);
	return NULL;
}

/* The data-absent-reason an element's extensions give, or NULL; and
 * in *rule the disclosure rule's code beside it, or NULL. */
static const char *
absent(json_t *exts, const char **rule)
{
	const char *why = NULL;
	size_t i;
	json_t *e;

	*rule = NULL;
	json_array_foreach(exts, i, e) {
		if (strcmp(str(e, "url"), ABSENT) == 0)
			why = str(e, "valueCode");
		if (strcmp(str(e, "url"), RULE) == 0)
			*rule = str(json_array_get(json_object_get(
			    json_object_get(e, "valueCodeableConcept"),
			    "coding"), 0), "code");
	}
	return why;
}

/* A population as the rule publishes `s`: its count, or none and why. */
static void
assert_published(json_t *p, struct wm_shown s, const char *rule)
{
	const char *by;

	if (!s.withheld) {
		assert_int_equal(json_integer_value(json_object_get(p,
		    "count")), s.value);
		assert_null(json_object_get(p, "_count"));
		return;
	}
	assert_null(json_object_get(p, "count"));
	assert_string_equal(absent(json_object_get(json_object_get(p,
	    "_count"), "extension"), &by), "masked");
	assert_non_null(by);
	assert_string_equal(by, rule);
}

/* FHIR has no empty lists or objects, and no nulls. */
static void
assert_no_empty(json_t *j)
{
	const char *key;
	size_t i;
	json_t *v;

	assert_false(json_is_null(j));
	if (json_is_array(j)) {
		assert_true(json_array_size(j) > 0);
		json_array_foreach(j, i, v)
			assert_no_empty(v);
	} else if (json_is_object(j)) {
		assert_true(json_object_size(j) > 0);
		json_object_foreach(j, key, v)
			assert_no_empty(v);
	}
}

/* Every "reference" is the fullUrl of an entry. */
static void
assert_resolved(json_t *b, json_t *j)
{
	const char *key;
	size_t i;
	json_t *v, *e;
	int found;

	json_object_foreach(j, key, v) {
		if (strcmp(key, "reference") == 0) {
			found = 0;
			json_array_foreach(json_object_get(b, "entry"), i, e)
				found |= strcmp(str(e, "fullUrl"),
				    json_string_value(v)) == 0;
			assert_true(found);
		}
		if (json_is_object(v))
			assert_resolved(b, v);
		json_array_foreach(v, i, e)
			if (json_is_object(e))
				assert_resolved(b, e);
	}
}

static json_t *
group(json_t *b, size_t k)
{
	return json_array_get(json_object_get(resource(b, 0), "group"), k);
}

static json_t *
stratum(json_t *g, size_t i)
{
	return json_array_get(json_object_get(json_array_get(
	    json_object_get(g, "stratifier"), 0), "stratum"), i);
}

/* --- the tests ---------------------------------------------------------- */

/* Each row's populations are the disclosed tables' figures. */
static void
check_rows(struct fixture *f, json_t *b, enum wm_disclosure_rule rule)
{
	struct wm_net_table t, c;
	json_t *g = group(b, 0), *pops;
	size_t i;

	assert_int_equal(wm_net_outcome_table(&f->v, &f->v.recovery, 0,
	    WM_NET_SELF, rule, &t), 0);
	assert_int_equal(wm_net_count_table(&f->v, f->caseload, rule, &c), 0);
	for (i = 0; i <= N_SERVICES; i++) {
		pops = json_object_get(i < N_SERVICES ? stratum(g, i) : g,
		    "population");
		assert_int_equal(json_array_size(pops), 3);
		assert_published(population(pops, "initial-population"),
		    wm_net_table_count(&c, i, 0), wm_disclosure_name(rule));
		assert_published(population(pops, "denominator"),
		    wm_net_table_count(&t, i, WM_NET_OUTCOME_COLS),
		    wm_disclosure_name(rule));
		assert_published(population(pops, "numerator"),
		    wm_net_table_count(&t, i, WM_NET_IMPROVED),
		    wm_disclosure_name(rule));
	}
	wm_net_table_release(&t);
	wm_net_table_release(&c);
}

static void
test_counts_as_published(void **state)
{
	struct fixture *f = *state;
	json_t *b = report(f, WM_DISCLOSURE_MHSDS, "network", "net",
	    "The Network"), *g = group(b, 0), *score, *s2;
	const char *by;

	assert_no_empty(b);
	assert_string_equal(str(b, "type"), "collection");
	assert_string_equal(str(resource(b, 0), "type"), "summary");
	assert_string_equal(str(resource(b, 0), "status"), "complete");
	assert_string_equal(str(json_object_get(resource(b, 0), "period"),
	    "end"), "2026-12-31");
	check_rows(f, b, WM_DISCLOSURE_MHSDS);
	/* Plainly: 100 people shown, 3 withheld, 3 improved withheld. */
	assert_int_equal(json_integer_value(json_object_get(population(
	    json_object_get(stratum(g, 0), "population"),
	    "initial-population"), "count")), 100);
	assert_null(json_object_get(population(json_object_get(stratum(g, 2),
	    "population"), "initial-population"), "count"));
	s2 = json_object_get(stratum(g, 1), "population");
	assert_null(json_object_get(population(s2, "numerator"), "count"));
	/* The share of the counts as published: 33 of 66 is 35 of 65,
	 * 54% (50% of the unrounded counts would say more than they do). */
	score = json_object_get(g, "measureScore");
	assert_int_equal(json_integer_value(json_object_get(score, "value")),
	    54);
	assert_string_equal(str(score, "code"), "%");
	assert_string_equal(absent(json_object_get(json_object_get(
	    stratum(g, 1), "measureScore"), "extension"), &by), "masked");
	assert_string_equal(str(json_array_get(json_object_get(json_object_get(
	    stratum(g, 1), "value"), "coding"), 0), "code"), "s2");
	json_decref(b);
}

/* Under HES, 7 is withheld as well. */
static void
test_hes(void **state)
{
	struct fixture *f = *state;
	json_t *b = report(f, WM_DISCLOSURE_HES, "network", "net",
	    "The Network");
	const char *by;
	json_t *ext = json_object_get(resource(b, 0), "extension");

	check_rows(f, b, WM_DISCLOSURE_HES);
	(void)absent(ext, &by);
	assert_string_equal(by, "hes");
	assert_null(json_object_get(population(json_object_get(stratum(
	    group(b, 0), 1), "population"), "initial-population"), "count"));
	json_decref(b);
}

/* With no threshold, reliable change was not worked out, and says why. */
static void
test_no_threshold(void **state)
{
	struct fixture *f = *state;
	json_t *b = report(f, WM_DISCLOSURE_MHSDS, "network", "net",
	    "The Network"), *g = group(b, 1), *pops, *rc, *parts, *e;
	const char *by, *why = NULL;
	size_t i;
	int complete = 0, scores = 0;

	assert_string_equal(str(g, "id"), "recovery-markers-"
	    "person-with-practitioner");
	/* Change was not judged, but the people paired are counted (27,
	 * published as 25): no "0" from columns nobody was judged in. */
	pops = json_object_get(g, "population");
	assert_int_equal(json_integer_value(json_object_get(population(pops,
	    "denominator"), "count")), 25);
	assert_string_equal(absent(json_object_get(json_object_get(population(
	    pops, "numerator"), "_count"), "extension"), &by),
	    "not-performed");
	assert_null(by);
	assert_string_equal(absent(json_object_get(json_object_get(g,
	    "measureScore"), "extension"), &by), "not-performed");
	rc = json_array_get(json_object_get(g, "extension"), 1);
	assert_string_equal(str(rc, "url"), RELIABLE);
	parts = json_object_get(rc, "extension");
	json_array_foreach(parts, i, e)
		if (strcmp(str(e, "url"), "why") == 0)
			why = str(e, "valueString");
	assert_non_null(why);
	/* 12 complete first answers, published as 10. */
	assert_string_equal(why, "too few complete first answers to estimate "
	    "how much change is more than chance: 10 of 30");
	/* The other kind's threshold says it is estimated, and from how
	 * many first answers: complete ones (alpha's) and scores (the
	 * SD's) apart, each as the rule publishes it. */
	rc = json_array_get(json_object_get(group(b, 0), "extension"), 1);
	parts = json_object_get(rc, "extension");
	json_array_foreach(parts, i, e) {
		if (strcmp(str(e, "url"), "completeFirstAnswers") == 0)
			complete = (int)json_integer_value(json_object_get(e,
			    "valueInteger"));
		if (strcmp(str(e, "url"), "firstScores") == 0)
			scores = (int)json_integer_value(json_object_get(e,
			    "valueInteger"));
	}
	assert_int_equal(complete, 205);
	assert_int_equal(scores, 250);
	json_decref(b);
}

static json_t *
by_id(json_t *b, const char *id)
{
	json_t *e;
	size_t i;

	json_array_foreach(json_object_get(b, "entry"), i, e)
		if (strcmp(str(json_object_get(e, "resource"), "id"), id) == 0)
			return e;
	fail_msg("no resource %s", id);
	return NULL;
}

static const char *
part_of(json_t *b, const char *id)
{
	return str(json_object_get(json_object_get(by_id(b, id), "resource"),
	    "partOf"), "reference");
}

static void
test_network_reports(void **state)
{
	struct fixture *f = *state;
	json_t *b = report(f, WM_DISCLOSURE_MHSDS, "network", "net",
	    "The Network"), *mr = resource(b, 0);

	assert_int_equal(json_array_size(json_object_get(b, "entry")), 7);
	assert_resolved(b, b);
	assert_string_equal(str(json_object_get(mr, "reporter"), "reference"),
	    str(by_id(b, "net"), "fullUrl"));
	assert_string_equal(part_of(b, "p2"), str(by_id(b, "net"), "fullUrl"));
	assert_string_equal(part_of(b, "s3"), str(by_id(b, "p2"), "fullUrl"));
	assert_string_equal(part_of(b, "s1"), str(by_id(b, "p1"), "fullUrl"));
	assert_string_equal(str(json_array_get(json_object_get(json_object_get(
	    by_id(b, "s1"), "resource"), "identifier"), 0), "value"), "s1");
	json_decref(b);
}

static void
test_provider_reports(void **state)
{
	struct fixture *f = *state;
	json_t *b = report(f, WM_DISCLOSURE_MHSDS, "provider", "p1",
	    "Provider One");

	/* The provider once, as the reporter; no network to be part of. */
	assert_int_equal(json_array_size(json_object_get(b, "entry")), 6);
	assert_resolved(b, b);
	assert_string_equal(str(json_object_get(resource(b, 0), "reporter"),
	    "display"), "Provider One");
	assert_null(part_of(b, "p1"));
	assert_string_equal(part_of(b, "s2"), str(by_id(b, "p1"), "fullUrl"));
	json_decref(b);
}

/* No services and no recovery markers: no empty lists. */
static void
test_empty(void **state)
{
	struct fixture *f = *state;
	struct wm_net_view v;
	struct wm_mr_input in;
	json_t *b;

	wm_net_view_init(&v);
	v.from = f->v.from;
	v.to = f->v.to;
	memset(&in, 0, sizeof(in));
	in.view = &v;
	in.reporter.kind = "network";
	in.reporter.code = "net";
	in.reporter.name = "The Network";
	assert_non_null(b = wm_measure_report_json(&in));
	assert_no_empty(b);
	assert_null(json_object_get(resource(b, 0), "group"));
	assert_int_equal(json_array_size(json_object_get(b, "entry")), 2);
	json_decref(b);
}

/* --- from the store ----------------------------------------------------- */

struct counts {
	int64_t unit[4], people[4];
	size_t n;
};

static int
keep(void *ctx, const struct wm_caseload_count_row *r)
{
	struct counts *c = ctx;

	assert_true(c->n < 4);
	c->unit[c->n] = r->unit_id;
	c->people[c->n++] = r->people;
	return 0;
}

static void
person(struct wm_store *s, const char *ident, int64_t unit,
    const char *since)
{
	struct wm_buf err = WM_BUF_INIT;
	int64_t id;

	assert_int_equal(wm_store_person_add(s, ident, "Someone", unit, since,
	    &id, &err), 0);
	wm_buf_release(&err);
}

/* Spells that overlap April to June 2025 count, each person once per
 * service; a spell that ends on the first day does not. */
static void
test_caseloads(void **state)
{
	static const char *const spells[] = {
		"UPDATE caseload SET end_date = '2025-04-01' WHERE person_id IN"
		" (SELECT id FROM person WHERE ident = 'D');"
		"UPDATE caseload SET end_date = '2025-04-02' WHERE person_id IN"
		" (SELECT id FROM person WHERE ident IN ('E', 'G'));"
		"UPDATE caseload SET end_date = '2025-05-01' WHERE person_id IN"
		" (SELECT id FROM person WHERE ident = 'F');"
		"INSERT INTO caseload(person_id, unit_id, start_date)"
		" SELECT p.id, u.id, '2025-05-01' FROM person p, unit u"
		" WHERE p.ident = 'F' AND u.code = 's2';"
		"INSERT INTO caseload(person_id, unit_id, start_date)"
		" SELECT p.id, u.id, '2025-06-01' FROM person p, unit u"
		" WHERE p.ident = 'G' AND u.code = 's';",
	};
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *s;
	struct counts c = { { 0 }, { 0 }, 0 };
	char path[64], *out;
	int64_t prov, unit, unit2;
	int from, to;

	(void)state;
	tu_db_path(path, sizeof(path), "measure-report");
	assert_int_equal(wm_store_open(path, WM_STORE_CREATE, &s, &err), 0);
	assert_int_equal(wm_store_migrate(s, &from, &to, &err), 0);
	assert_int_equal(tu_network_tree(s, &prov, &unit), 0);
	assert_int_equal(wm_store_unit_add(s, "service", "s2", "S2", prov,
	    &unit2, &err), 0);
	person(s, "A", unit, "2025-01-01");
	person(s, "B", unit, "2025-07-01");	/* after */
	person(s, "C", unit, "2025-06-30");	/* the last day */
	person(s, "D", unit, "2024-01-01");	/* left on the first day */
	person(s, "E", unit, "2024-01-01");	/* left on the second */
	person(s, "F", unit, "2024-01-01");	/* moved to s2 */
	person(s, "G", unit, "2024-01-01");	/* left and came back */
	out = tu_sqlite3(path, spells, TU_NELEM(spells));
	free(out);
	assert_int_equal(wm_store_network_caseloads(s, "2025-04-01",
	    "2025-06-30", keep, &c, &err), 0);
	assert_int_equal(c.n, 2);
	assert_int_equal(c.unit[0], unit);
	assert_int_equal(c.people[0], 5);	/* A, C, E, F, G */
	assert_int_equal(c.unit[1], unit2);
	assert_int_equal(c.people[1], 1);	/* F */
	assert_int_equal(wm_store_network_caseloads(s, "2025-06-30",
	    "2025-04-01", keep, &c, &err), WM_STORE_ERROR);
	assert_int_equal(wm_store_network_caseloads(s, "2025-4-1",
	    "2025-06-30", keep, &c, &err), WM_STORE_ERROR);
	wm_buf_release(&err);
	wm_store_close(s);
	tu_remove_db(path);
}

/* The reporter from the grants, through the real view. */
static const char *
reporter(struct wm_store *s, const struct wm_grant *g, size_t n)
{
	static char name[64];
	struct wm_buf err = WM_BUF_INIT;
	struct wm_net_view v;
	struct wm_date today = { 2026, 12, 7 };
	struct wm_quarter q = { 2026, 4 };
	json_t *b;

	wm_net_view_init(&v);
	assert_int_equal(wm_net_view_build(s, g, n, &today, &q, &q, NULL, &v,
	    &err), 0);
	assert_int_equal(wm_measure_report_build(s, &v, WM_DISCLOSURE_MHSDS,
	    g, n, 1796601600, &b, &err), 0);
	snprintf(name, sizeof(name), "%s", str(json_object_get(resource(b,
	    0), "reporter"), "display"));
	json_decref(b);
	wm_net_view_release(&v);
	wm_buf_release(&err);
	return name;
}

static void
test_reporter(void **state)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *s;
	char path[64];
	struct wm_unit_row n;
	int64_t prov, unit, prov2, unit3, net;
	int from, to;

	(void)state;
	tu_db_path(path, sizeof(path), "measure-reporter");
	assert_int_equal(wm_store_open(path, WM_STORE_CREATE, &s, &err), 0);
	assert_int_equal(wm_store_migrate(s, &from, &to, &err), 0);
	assert_int_equal(tu_network_tree(s, &prov, &unit), 0);
	assert_int_equal(wm_store_unit_find(s, "n", &n, &err), 0);
	net = n.id;
	assert_int_equal(wm_store_unit_add(s, "provider", "p2", "P2", net,
	    &prov2, &err), 0);
	assert_int_equal(wm_store_unit_add(s, "service", "s3", "S3", prov2,
	    &unit3, &err), 0);
	{
		const struct wm_grant on_p[] = {
			{ WM_ROLE_COMMISSIONER, prov },
			{ WM_ROLE_LEAD, unit3 },	/* not a commissioner's */
		};
		const struct wm_grant on_s[] = {
			{ WM_ROLE_COMMISSIONER, unit } };
		const struct wm_grant on_both[] = {
			{ WM_ROLE_COMMISSIONER, unit },
			{ WM_ROLE_COMMISSIONER, unit3 } };
		const struct wm_grant on_net[] = {
			{ WM_ROLE_COMMISSIONER, net } };

		assert_string_equal(reporter(s, on_p, 2), "P");
		assert_string_equal(reporter(s, on_s, 1), "P");
		assert_string_equal(reporter(s, on_both, 2), "N");
		assert_string_equal(reporter(s, on_net, 1), "N");
		assert_string_equal(reporter(s, NULL, 0), "N");
	}
	wm_buf_release(&err);
	wm_store_close(s);
	tu_remove_db(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_counts_as_published,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_hes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_threshold, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_network_reports, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_provider_reports, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_empty, setup, teardown),
		cmocka_unit_test(test_caseloads),
		cmocka_unit_test(test_reporter),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
