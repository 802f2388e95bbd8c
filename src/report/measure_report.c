/*
 * The network's recovery outcomes as a FHIR R4 MeasureReport in a
 * Bundle (report/measure_report.h). The first half writes the resources
 * from what was gathered; the second gathers it: the unit that reports,
 * from the view, and the people on each caseload in the window, from
 * the store.
 *
 * Why it is shaped as it is (docs/api.md says the same for readers):
 * - a Bundle of type "collection", not "searchset": the answer is not
 *   the result of a FHIR search, and HL7's own measure-report bundles
 *   (the NHSN dQM guide's) fix "collection" for a report sent with the
 *   resources it refers to, every reference resolved inside the Bundle;
 * - a withheld count is left out, and the primitive's own element
 *   (`_count`) carries HL7's data-absent-reason "masked" with the
 *   disclosure rule that withheld it: the FHIR way to say a value exists
 *   but is not given for privacy, which the R4 schema admits;
 * - the measureScore is the share reliably improved as the pages show
 *   it (a whole percentage, UCUM "%"), worked out from the published
 *   counts beside it, as every share for commissioners is
 *   (core/disclosure.h), so that it gives nothing away they do not.
 */
#include "report/measure_report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report/network_table.h"
#include "util/uuid.h"

#define WM_FHIR "https://waymark.example/fhir/"
#define EXT_RULE WM_FHIR "StructureDefinition/disclosure-rule"
#define EXT_RESPONDENT WM_FHIR "StructureDefinition/respondent"
#define EXT_RELIABLE WM_FHIR "StructureDefinition/reliable-change"
#define CS_RULE WM_FHIR "CodeSystem/disclosure-rule"
#define CS_UNIT WM_FHIR "CodeSystem/unit"
#define CS_UNIT_KIND WM_FHIR "CodeSystem/unit-kind"
#define CS_STRATIFIER WM_FHIR "CodeSystem/stratifier"
#define HL7_ABSENT "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
#define HL7_POPULATION \
	"http://terminology.hl7.org/CodeSystem/measure-population"
#define HL7_IMPROVEMENT \
	"http://terminology.hl7.org/CodeSystem/measure-improvement-notation"
#define UCUM "http://unitsofmeasure.org"

/* An entry's fullUrl: "urn:uuid:" and a UUID. */
#define URN_UUID "urn:uuid:"
struct urn {
	char s[sizeof(URN_UUID) + WM_UUID_LEN];
};

/* Why a figure is not given. */
enum absent { GIVEN, MASKED, NOT_PERFORMED, NOT_APPLICABLE };

/* What writing one report keeps at hand. */
struct writer {
	const struct wm_mr_input *in;
	struct wm_net_table caseload;	/* one column: its people */
	struct urn report, reporter;
	struct urn *providers;	/* [view->n_providers] */
	struct urn *services;	/* [view->n_services] */
};

static int
urn_new(struct urn *u)
{
	char id[WM_UUID_LEN + 1];

	if (wm_uuid_new(id))
		return -1;
	snprintf(u->s, sizeof(u->s), URN_UUID "%s", id);
	return 0;
}

/* --- small parts ------------------------------------------------------- */

static json_t *
coding(const char *system, const char *code, const char *display)
{
	return json_pack("{s:s, s:s, s:s*}", "system", system, "code", code,
	    "display", display);
}

/* The rule, by its code; with its sentence on the report itself. */
static json_t *
rule_ext(const struct writer *w, int described)
{
	enum wm_disclosure_rule r = w->in->rule;

	return json_pack("{s:s, s:{s:[o], s:s*}}", "url", EXT_RULE,
	    "valueCodeableConcept", "coding", coding(CS_RULE,
	    wm_disclosure_name(r), NULL), "text", described ?
	    wm_disclosure_describe(r) : NULL);
}

/* An element's extensions saying why its value is not given. */
static json_t *
absent_exts(const struct writer *w, enum absent why)
{
	static const char *const code[] = {
		[MASKED] = "masked",
		[NOT_PERFORMED] = "not-performed",
		[NOT_APPLICABLE] = "not-applicable",
	};
	json_t *a = json_pack("[{s:s, s:s}]", "url", HL7_ABSENT, "valueCode",
	    code[why]);

	if (a && why == MASKED && json_array_append_new(a, rule_ext(w, 0))) {
		json_decref(a);
		return NULL;
	}
	return a;
}

/* One population: its count, or no count and why not. */
static json_t *
population(const struct writer *w, const char *code, const char *words,
    struct wm_shown s, enum absent why)
{
	json_t *p = json_pack("{s:{s:[o], s:s}}", "code", "coding",
	    coding(HL7_POPULATION, code, NULL), "text", words);

	if (why == GIVEN && s.withheld)
		why = MASKED;
	if (p && (why == GIVEN ? json_object_set_new(p, "count",
	    json_integer(s.value)) : json_object_set_new(p, "_count",
	    json_pack("{s:o}", "extension", absent_exts(w, why))))) {
		json_decref(p);
		return NULL;
	}
	return p;
}

/* Row `row` (a service, or the total row) of the populations: people on
 * the caseloads, paired, reliably improved. Without a reliable change
 * threshold no one's change was judged: the people paired are counted,
 * the people reliably improved were not worked out. */
static json_t *
populations(const struct writer *w, const struct wm_net_table *t,
    size_t row, int has)
{
	struct wm_shown none = { 1, 0 };

	return json_pack("[o, o, o]", population(w, "initial-population",
	    "People on the caseloads", w->in->caseload ? wm_net_table_count(
	    &w->caseload, row, 0) : none, GIVEN), population(w,
	    "denominator", "People with two answers or more",
	    wm_net_outcome_paired(t, row), GIVEN), population(w, "numerator",
	    "People reliably improved", has && wm_net_outcome_judged(t) ?
	    wm_net_table_count(t, row, WM_NET_IMPROVED) : none, has ? GIVEN :
	    NOT_PERFORMED));
}

/* The share reliably improved, as the pages show it. */
static json_t *
measure_score(const struct writer *w, const struct wm_net_table *t,
    size_t row, int has)
{
	struct wm_shown share = wm_net_table_share(t, row, WM_NET_IMPROVED);
	enum absent why = GIVEN;

	if (!has || !wm_net_outcome_judged(t))
		return json_pack("{s:o}", "extension", absent_exts(w,
		    NOT_PERFORMED));
	if (wm_net_table_of_none(t, row))
		why = NOT_APPLICABLE;	/* no one to share among */
	else if (share.withheld)
		why = MASKED;
	if (why != GIVEN)
		return json_pack("{s:o}", "extension", absent_exts(w, why));
	return json_pack("{s:I, s:s, s:s, s:s}", "value",
	    (json_int_t)share.value, "unit", "%", "system", UCUM, "code", "%");
}

/* --- the groups ------------------------------------------------------- */

static json_t *
decimal(double x)
{
	return json_real(round(x * 10000.0) / 10000.0);
}

static int
push(json_t *list, json_t *item)
{
	return json_array_append_new(list, item);
}

/* Where the reliable change threshold comes from, or why there is none:
 * every export that uses an estimate says so, with the complete first
 * answers its reliability rests on and the first scores its SD does. */
static json_t *
reliable_ext(const struct writer *w, const struct wm_net_threshold *t)
{
	enum wm_disclosure_rule rule = w->in->rule;
	struct wm_shown complete = wm_disclose_count(rule, t->rel.n_complete);
	struct wm_shown scores = wm_disclose_count(rule, t->rel.n_scores);
	struct wm_buf why = WM_BUF_INIT;
	json_t *parts = json_array();
	int bad;

	bad = !parts || push(parts, json_pack("{s:s, s:b}", "url",
	    "estimated", "valueBoolean", t->rel.estimated));
	if (!bad && !t->has) {
		wm_net_threshold_why(t, rule, &why);
		bad = why.failed || push(parts, json_pack("{s:s, s:s}", "url",
		    "why", "valueString", wm_buf_str(&why)));
	}
	if (!bad && t->has)
		bad = push(parts, json_pack("{s:s, s:o}", "url", "threshold",
		    "valueDecimal", decimal(t->value))) || push(parts,
		    json_pack("{s:s, s:o}", "url", "sd", "valueDecimal",
		    decimal(t->rel.sd))) || push(parts, json_pack("{s:s, s:o}",
		    "url", "reliability", "valueDecimal", decimal(t->rel.r)));
	if (!bad && t->rel.estimated && !complete.withheld)
		bad = push(parts, json_pack("{s:s, s:I}", "url",
		    "completeFirstAnswers", "valueInteger",
		    (json_int_t)complete.value));
	if (!bad && t->rel.estimated && !scores.withheld)
		bad = push(parts, json_pack("{s:s, s:I}", "url", "firstScores",
		    "valueInteger", (json_int_t)scores.value));
	if (!bad && t->has && t->rel.source)
		bad = push(parts, json_pack("{s:s, s:s}", "url", "source",
		    "valueString", t->rel.source));
	wm_buf_release(&why);
	if (bad) {
		json_decref(parts);
		return NULL;
	}
	return json_pack("{s:s, s:o}", "url", EXT_RELIABLE, "extension", parts);
}

static json_t *
strata(const struct writer *w, const struct wm_net_table *t, int has)
{
	const struct wm_net_view *v = w->in->view;
	json_t *list = json_array();
	size_t i;

	for (i = 0; list && i < v->n_services; i++) {
		const struct wm_net_service *sv = &v->services[i];

		if (push(list, json_pack("{s:{s:[o], s:s}, s:o, s:o}", "value",
		    "coding", coding(CS_UNIT, sv->code, sv->name), "text",
		    sv->name, "population", populations(w, t, i, has),
		    "measureScore", measure_score(w, t, i, has)))) {
			json_decref(list);
			return NULL;
		}
	}
	return list;
}

static json_t *
stratifier(const struct writer *w, const struct wm_net_table *t, int has)
{
	return json_pack("[{s:[{s:[o], s:s}], s:o}]", "code", "coding",
	    coding(CS_STRATIFIER, "service", "Service"), "text", "service",
	    "stratum", strata(w, t, has));
}

/* Scale k of the recovery markers, answered the one way. */
static json_t *
group(const struct writer *w, size_t k, int kind)
{
	const struct wm_net_view *v = w->in->view;
	const struct wm_net_outcomes *o = &v->recovery;
	const struct wm_scale *sc = &o->in->scales[k];
	const struct wm_net_threshold *thr = wm_net_threshold_of(o, k, kind);
	const char *title = sc->title ? sc->title : sc->code;
	struct wm_net_table t;
	char id[128], text[256];
	json_t *g;

	if (wm_net_outcome_table(v, o, k, kind, w->in->rule, &t))
		return NULL;
	snprintf(id, sizeof(id), "%s-%s", sc->code,
	    wm_net_kind_respondent(kind));
	snprintf(text, sizeof(text), "%s, %s", title, wm_net_kind_words(kind));
	g = json_pack("{s:s, s:[{s:s, s:s}, o], s:{s:[o], s:s}, s:o, s:o}",
	    "id", id, "extension", "url", EXT_RESPONDENT, "valueCode",
	    wm_net_kind_respondent(kind), reliable_ext(w, thr), "code",
	    "coding", coding(o->in->url, sc->code, title), "text", text,
	    "population", populations(w, &t, v->n_services, thr->has),
	    "measureScore", measure_score(w, &t, v->n_services, thr->has));
	/* An empty list is not FHIR: no services, no stratifier. */
	if (g && v->n_services && json_object_set_new(g, "stratifier",
	    stratifier(w, &t, thr->has))) {
		json_decref(g);
		g = NULL;
	}
	wm_net_table_release(&t);
	return g;
}

static json_t *
groups(const struct writer *w)
{
	const struct wm_net_outcomes *o = &w->in->view->recovery;
	json_t *list = json_array();
	size_t k;
	int kind;

	for (k = 0; list && o->in && k < o->n_scales; k++)
		for (kind = 0; list && kind < WM_NET_KINDS; kind++)
			if (push(list, group(w, k, kind))) {
				json_decref(list);
				list = NULL;
			}
	return list;
}

/* --- the resources ------------------------------------------------------ */

static void
day_of(const struct wm_quarter *q, int last, char out[11])
{
	struct wm_date d = { q->year, (q->quarter - 1) * 3 + 1, 1 };

	if (last) {
		wm_date_add_months(&d, 3);
		wm_date_from_days(wm_date_days(&d) - 1, &d);
	}
	wm_date_format(&d, out);
}

static void
stamp(int64_t now, char out[32])
{
	time_t t = (time_t)now;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static json_t *
measure_report(const struct writer *w)
{
	const struct wm_mr_input *in = w->in;
	char from[11], to[11], date[32];
	json_t *gs = groups(w), *by = NULL, *mr = NULL;

	if (!gs || (in->reporter.code && !(by = json_pack("{s:s, s:s}",
	    "reference", w->reporter.s, "display", in->reporter.name))))
		goto out;
	day_of(&in->view->from, 0, from);
	day_of(&in->view->to, 1, to);
	stamp(in->now, date);
	mr = json_pack("{s:s, s:s, s:[o], s:s, s:s, s:s, s:s, s:o*, "
	    "s:{s:s, s:s}, s:{s:[o]}}", "resourceType", "MeasureReport", "id",
	    w->report.s + strlen(URN_UUID), "extension", rule_ext(w, 1),
	    "status", "complete", "type", "summary", "measure",
	    WM_MEASURE_RECOVERY_OUTCOMES, "date", date, "reporter", by,
	    "period", "start", from, "end", to,
	    "improvementNotation", "coding", coding(HL7_IMPROVEMENT,
	    "increase", "Increased score indicates improvement"));
	by = NULL;		/* taken by json_pack, even when it fails */
	/* An empty list is not FHIR: no scales, no groups. */
	if (mr && json_array_size(gs) && json_object_set(mr, "group", gs)) {
		json_decref(mr);
		mr = NULL;
	}
out:
	json_decref(by);
	json_decref(gs);
	return mr;
}

/* A unit as an Organization, part of the one at `parent` (NULL: none in
 * the Bundle). */
static json_t *
organization(const char *kind, const char *code, const char *name,
    const struct urn *parent, const char *parent_name)
{
	json_t *o = json_pack("{s:s, s:s, s:[{s:s, s:s}], s:[{s:[o]}], s:s}",
	    "resourceType", "Organization", "id", code, "identifier", "system",
	    CS_UNIT, "value", code, "type", "coding", coding(CS_UNIT_KIND,
	    kind, NULL), "name", name);

	if (o && parent && json_object_set_new(o, "partOf", json_pack("{s:s, "
	    "s:s}", "reference", parent->s, "display", parent_name))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static int
entry(json_t *entries, const struct urn *url, json_t *resource)
{
	return push(entries, json_pack("{s:s, s:o}", "fullUrl", url->s,
	    "resource", resource));
}

/* The reporter, then each provider it is not, then the services. */
static int
organizations(const struct writer *w, json_t *entries)
{
	const struct wm_mr_input *in = w->in;
	const struct wm_net_view *v = in->view;
	int by_network = in->reporter.code &&
	    strcmp(in->reporter.kind, "network") == 0;
	size_t i;

	if (in->reporter.code && entry(entries, &w->reporter, organization(
	    in->reporter.kind, in->reporter.code, in->reporter.name, NULL,
	    NULL)))
		return -1;
	for (i = 0; i < v->n_providers; i++) {
		const struct wm_net_provider *p = &v->providers[i];

		if (in->reporter.code && strcmp(p->code,
		    in->reporter.code) == 0)
			continue;
		if (entry(entries, &w->providers[i], organization("provider",
		    p->code, p->name, by_network ? &w->reporter : NULL,
		    in->reporter.name)))
			return -1;
	}
	for (i = 0; i < v->n_services; i++) {
		const struct wm_net_service *sv = &v->services[i];

		if (entry(entries, &w->services[i], organization("service",
		    sv->code, sv->name, &w->providers[sv->provider],
		    v->providers[sv->provider].name)))
			return -1;
	}
	return 0;
}

/* Every resource's urn:uuid; a provider that reports shares its own. */
static int
urns(struct writer *w)
{
	const struct wm_mr_input *in = w->in;
	const struct wm_net_view *v = in->view;
	size_t i;

	w->providers = calloc(v->n_providers + 1, sizeof(*w->providers));
	w->services = calloc(v->n_services + 1, sizeof(*w->services));
	if (!w->providers || !w->services || urn_new(&w->report) ||
	    urn_new(&w->reporter))
		return -1;
	for (i = 0; i < v->n_providers; i++)
		if (in->reporter.code && strcmp(v->providers[i].code,
		    in->reporter.code) == 0)
			w->providers[i] = w->reporter;
		else if (urn_new(&w->providers[i]))
			return -1;
	for (i = 0; i < v->n_services; i++)
		if (urn_new(&w->services[i]))
			return -1;
	return 0;
}

/* The people on the caseloads, disclosed as one table of the whole
 * network whose services add up to their providers and the network, as
 * every other table of people is. */
static int
caseload_table(struct writer *w)
{
	if (!w->in->caseload)
		return 0;
	return wm_net_count_table(w->in->view, w->in->caseload, w->in->rule,
	    &w->caseload);
}

json_t *
wm_measure_report_json(const struct wm_mr_input *in)
{
	struct writer w;
	json_t *entries = NULL, *bundle = NULL, *mr;
	char date[32];

	memset(&w, 0, sizeof(w));
	w.in = in;
	if (urns(&w) || caseload_table(&w) || !(entries = json_array()))
		goto out;
	if (!(mr = measure_report(&w)) || entry(entries, &w.report, mr) ||
	    organizations(&w, entries))
		goto out;
	stamp(in->now, date);
	bundle = json_pack("{s:s, s:s, s:s, s:O}", "resourceType", "Bundle",
	    "type", "collection", "timestamp", date, "entry", entries);
out:
	json_decref(entries);
	wm_net_table_release(&w.caseload);
	free(w.providers);
	free(w.services);
	return bundle;
}

/* --- gathering ---------------------------------------------------------- */

/* The index of the provider a commissioner's grant lies within (on the
 * provider, or on one of its services), or -1: on the network, or on a
 * unit with no service in the view. */
static long
grant_provider(const struct wm_net_view *v, int64_t unit)
{
	size_t i;

	for (i = 0; i < v->n_providers; i++)
		if (v->providers[i].id == unit)
			return (long)i;
	for (i = 0; i < v->n_services; i++)
		if (v->services[i].id == unit)
			return (long)v->services[i].provider;
	return -1;
}

/* One provider when every commissioner grant lies within it; else the
 * network, which holds them all. */
static void
reporter_of(const struct wm_net_view *v, const struct wm_grant *grants,
    size_t n, struct wm_mr_unit *out)
{
	long one = -1, p;
	size_t i;

	for (i = 0; grants && i < n; i++) {
		if (grants[i].role != WM_ROLE_COMMISSIONER)
			continue;
		p = grant_provider(v, grants[i].unit_id);
		if (p < 0 || (one >= 0 && one != p)) {
			one = -1;
			break;
		}
		one = p;
	}
	out->kind = one >= 0 ? "provider" : "network";
	out->code = one >= 0 ? v->providers[one].code : v->network.code;
	out->name = one >= 0 ? v->providers[one].name : v->network.name;
}

struct caseloads {
	const struct wm_net_view *v;
	int64_t *people;
};

static int
caseload_row(void *ctx, const struct wm_caseload_count_row *r)
{
	struct caseloads *c = ctx;
	size_t i;

	for (i = 0; i < wm_net_view_all(c->v); i++)
		if (c->v->services[i].id == r->unit_id)
			c->people[i] = r->people;
	return 0;
}

/* The people on the caseloads are counted for a window of a year (the
 * default window's four quarters) and never for another
 * (wm_net_view_is_year, docs/statistics.md). */
int
wm_measure_report_counts_caseload(const struct wm_net_view *v)
{
	return wm_net_view_is_year(v);
}

int
wm_measure_report_build(struct wm_store *s, const struct wm_net_view *v,
    enum wm_disclosure_rule rule, const struct wm_grant *grants,
    size_t n_grants, int64_t now, json_t **out, struct wm_buf *err)
{
	struct caseloads c = { v, calloc(wm_net_view_all(v) + 1,
	    sizeof(int64_t)) };
	struct wm_mr_input in = { v, rule, { NULL, NULL, NULL }, NULL, now };
	char from[11], to[11];
	int rc = 0;

	*out = NULL;
	if (!c.people)
		return wm_store_out_of_memory(err);
	day_of(&v->from, 0, from);
	day_of(&v->to, 1, to);
	if (wm_measure_report_counts_caseload(v)) {
		in.caseload = c.people;
		rc = wm_store_network_caseloads(s, from, to, caseload_row, &c,
		    err);
	}
	if (rc == 0) {
		reporter_of(v, grants, n_grants, &in.reporter);
		if (!(*out = wm_measure_report_json(&in)))
			rc = wm_store_out_of_memory(err);
	}
	free(c.people);
	return rc;
}
