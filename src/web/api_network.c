/*
 * GET /api/v1/network (docs/api.md): the commissioner's network at a
 * glance as JSON, from the same model as /network (report/network_view.h)
 * and under the same disclosure rule: a withheld count or share is the
 * string "*", never the number.
 */
#include "web/pages.h"

#include <stdlib.h>
#include <string.h>

#include "core/rating.h"
#include "core/standards.h"
#include "report/network_table.h"
#include "web/api.h"
#include "web/network.h"

/* The tables of people, disclosed as wholes before any row is written. */
struct tables {
	struct wm_net_table *outcome;	/* [scale][kind] */
	size_t n_outcome;
	struct wm_net_table paired, goals;
};

/* A count of people or staff as the rule lets it be published. */
static json_t *
count_json(enum wm_disclosure_rule rule, int64_t n)
{
	struct wm_shown s = wm_disclose_count(rule, n);

	return s.withheld ? json_string("*") : json_integer(s.value);
}

/* A whole percentage, "*" when withheld, null when nothing to share. */
static json_t *
share_json(enum wm_disclosure_rule rule, int64_t num, int64_t den)
{
	struct wm_shown s = wm_disclose_percent(rule, num, den);

	if (den <= 0)
		return json_null();
	return s.withheld ? json_string("*") : json_integer(s.value);
}

static json_t *
standards_json(const struct wm_net_service *sv)
{
	json_t *list = json_array();
	int n;

	if (!sv->lights.period[0])
		return json_pack("{s:n, s:o}", "period", "standards", list);
	for (n = 1; list && n <= WM_STANDARDS; n++) {
		const struct wm_standard_view *v = &sv->lights.s[n - 1];

		json_array_append_new(list, json_pack("{s:i, s:o, s:o, s:b}",
		    "number", n, "self", wm_api_light(v->self), "consensus",
		    wm_api_light(v->result.consensus), "validated",
		    v->result.validated));
	}
	return json_pack("{s:s, s:i, s:o, s:o}", "period", sv->lights.period,
	    "greens", sv->greens, "greensBefore", sv->has_before ?
	    json_integer(sv->greens_before) : json_null(), "standards", list);
}

static json_t *
cycles_json(enum wm_disclosure_rule rule, const struct wm_net_service *sv)
{
	json_t *list = json_array();
	size_t i;

	for (i = 0; list && i < sv->n_cycles; i++) {
		const struct wm_net_cycle *c = &sv->cycles[i];

		json_array_append_new(list, json_pack("{s:s, s:i, s:o, s:o}",
		    "measure", c->title, "months", c->months, "due",
		    count_json(rule, c->due), "doneInTimePercent",
		    share_json(rule, c->done, c->due)));
	}
	return list;
}

static json_t *
training_json(const struct wm_net_request *r, const struct wm_net_service *sv)
{
	const struct wm_catalogue *cat = r->view.courses;
	json_t *list = json_array();
	size_t k;

	for (k = 0; list && cat && k < cat->n_concepts; k++)
		json_array_append_new(list, json_pack("{s:s, s:s, s:o}",
		    "course", cat->concepts[k].code, "title",
		    cat->concepts[k].display, "percent", share_json(r->rule,
		    sv->coverage[k].done, sv->staff)));
	return json_pack("{s:o, s:o}", "staff", count_json(r->rule, sv->staff),
	    "coverage", list);
}

static json_t *
shown_json(struct wm_shown s)
{
	return s.withheld ? json_string("*") : json_integer(s.value);
}

/* Row i of an outcome table: the people paired and each outcome. */
static json_t *
outcome_json(const struct wm_net_table *t, size_t i, int64_t one_only)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
	    "paired", shown_json(wm_net_table_count(t, i, WM_NET_OUTCOME_COLS)),
	    "improved", shown_json(wm_net_table_count(t, i, WM_NET_IMPROVED)),
	    "improvedPercent", shown_json(wm_net_table_share(t, i,
	    WM_NET_IMPROVED)), "noChange", shown_json(wm_net_table_count(t, i,
	    WM_NET_NO_CHANGE)), "noChangePercent", shown_json(
	    wm_net_table_share(t, i, WM_NET_NO_CHANGE)), "deteriorated",
	    shown_json(wm_net_table_count(t, i, WM_NET_DETERIORATED)),
	    "deterioratedPercent", shown_json(wm_net_table_share(t, i,
	    WM_NET_DETERIORATED)), "oneAnswerOnly", shown_json(
	    wm_disclose_count(t->rule, one_only)));
}

/* Row i (a service, or n_services for all of them) of every table. */
static json_t *
people_json(const struct wm_net_request *r, const struct tables *t, size_t i)
{
	const struct wm_net_view *v = &r->view;
	const struct wm_net_outcomes *o = &v->recovery;
	json_t *rec = json_array(), *p, *g;
	size_t k;

	for (k = 0; rec && k < o->n_scales; k++) {
		const struct wm_net_outcome *a = i < v->n_services ?
		    wm_net_outcome_at(o, i, k, WM_NET_SELF) :
		    wm_net_outcome_network(o, k, WM_NET_SELF);
		const struct wm_net_outcome *b = i < v->n_services ?
		    wm_net_outcome_at(o, i, k, WM_NET_TOGETHER) :
		    wm_net_outcome_network(o, k, WM_NET_TOGETHER);

		json_array_append_new(rec, json_pack("{s:s, s:o, s:o}",
		    "scale", o->in->scales[k].code, "selfRated",
		    outcome_json(&t->outcome[k * WM_NET_KINDS], i,
		    a->one_only), "withPractitioner", outcome_json(
		    &t->outcome[k * WM_NET_KINDS + 1], i, b->one_only)));
	}
	p = json_pack("{s:o, s:o, s:o}", "eligible", shown_json(
	    wm_net_table_count(&t->paired, i, WM_NET_PAIRED_COLS)), "paired",
	    shown_json(wm_net_table_count(&t->paired, i, WM_NET_PAIRED)),
	    "percent", shown_json(wm_net_table_share(&t->paired, i,
	    WM_NET_PAIRED)));
	g = json_pack("{s:o, s:o, s:o}", "withGoals", shown_json(
	    wm_net_table_count(&t->goals, i, WM_NET_GOAL_COLS)), "reviewed",
	    shown_json(wm_net_goals_reviewed(&t->goals, i)), "higher",
	    shown_json(wm_net_table_count(&t->goals, i, WM_NET_HIGHER)));
	return json_pack("{s:o, s:o, s:o}", "recovery", rec,
	    "pairedOutcomeRate", p, "goals", g);
}

static json_t *
service_json(const struct wm_net_request *r, const struct tables *t,
    size_t i)
{
	const struct wm_net_service *sv = &r->view.services[i];
	const struct wm_net_provider *p = &r->view.providers[sv->provider];
	json_t *o = people_json(r, t, i);
	json_t *rest = json_pack("{s:s, s:s, s:{s:s, s:s}, s:o, s:o, s:o}",
	    "service", sv->code, "name", sv->name, "provider", "code", p->code,
	    "name", p->name, "standards", standards_json(sv), "cycles",
	    cycles_json(r->rule, sv), "training", training_json(r, sv));

	if (!o || !rest || json_object_update(o, rest)) {
		json_decref(o);
		o = NULL;
	}
	json_decref(rest);
	return o;
}

/* Where each scale's reliable change threshold comes from. */
static json_t *
thresholds_json(const struct wm_net_outcomes *o)
{
	json_t *list = json_array();
	size_t k;
	int kind;

	for (k = 0; list && k < o->n_scales; k++)
		for (kind = 0; kind < WM_NET_KINDS; kind++) {
			const struct wm_net_threshold *t =
			    wm_net_threshold_of(o, k, kind);

			json_array_append_new(list, t->has ? json_pack("{s:s, "
			    "s:s, s:f, s:f, s:f, s:b, s:I, s:o}", "scale",
			    o->in->scales[k].code, "respondent",
			    wm_net_kind_respondent(kind), "threshold", t->value,
			    "sd", t->rel.sd, "reliability", t->rel.r,
			    "estimated", t->rel.estimated, "people",
			    (json_int_t)t->rel.n, "source", t->rel.source ?
			    json_string(t->rel.source) : json_null()) :
			    json_pack("{s:s, s:s, s:n, s:s}", "scale",
			    o->in->scales[k].code, "respondent",
			    wm_net_kind_respondent(kind), "threshold", "why",
			    t->why));
		}
	return list;
}

static void
tables_release(struct tables *t)
{
	size_t i;

	for (i = 0; i < t->n_outcome; i++)
		wm_net_table_release(&t->outcome[i]);
	free(t->outcome);
	wm_net_table_release(&t->paired);
	wm_net_table_release(&t->goals);
}

static int
tables_build(const struct wm_net_request *r, struct tables *t)
{
	const struct wm_net_outcomes *o = &r->view.recovery;
	size_t k;

	memset(t, 0, sizeof(*t));
	if (!(t->outcome = calloc(o->n_scales * WM_NET_KINDS + 1,
	    sizeof(*t->outcome))))
		return -1;
	for (k = 0; k < o->n_scales * WM_NET_KINDS; k++) {
		if (wm_net_outcome_table(&r->view, o, k / WM_NET_KINDS,
		    (int)(k % WM_NET_KINDS), r->rule, &t->outcome[k]))
			return -1;
		t->n_outcome++;
	}
	if (wm_net_paired_table(&r->view, r->rule, &t->paired))
		return -1;
	return wm_net_goals_table(&r->view, r->rule, &t->goals);
}

void
wm_api_network(struct wm_http *h)
{
	struct wm_net_request r;
	struct tables t;
	json_t *list, *body = NULL;
	size_t i;

	memset(&t, 0, sizeof(t));
	if (wm_net_open(h, &r) || wm_scope_viewed(h, r.view.from_s))
		goto out;
	if (tables_build(&r, &t)) {
		wm_api_error(h, 500, "out of memory", NULL);
		goto out;
	}
	list = json_array();
	for (i = 0; list && i < r.view.n_services; i++)
		json_array_append_new(list, service_json(&r, &t, i));
	body = json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:o}", "from",
	    r.view.from_s, "to", r.view.to_s, "disclosure",
	    wm_disclosure_name(r.rule), "disclosureRule",
	    wm_disclosure_describe(r.rule), "reliableChange",
	    thresholds_json(&r.view.recovery), "network",
	    people_json(&r, &t, r.view.n_services), "services", list);
	if (!body)
		wm_api_error(h, 500, "the network's figures could not be "
		    "written", NULL);
	else
		wm_api_reply(h, 200, body);
out:
	tables_release(&t);
	wm_net_close(&r);
}
