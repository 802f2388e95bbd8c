/*
 * The network's figures as JSON (report/network_json.h). Each table of
 * people is disclosed as a whole before any row of it is written, and
 * every figure of it is taken from the table, so a figure withheld on a
 * page is withheld here too. Figures about services rather than people
 * (lights, months counted) are written as they are. Decimals are written
 * to the places the pages show them or a little more: enough to read,
 * never the full precision of a statistic worked out from small counts.
 */
#include "report/network_json.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/rating.h"
#include "core/standards.h"
#include "report/network_compare.h"
#include "report/network_table.h"
#include "report/network_work.h"

/* A figure already through the rule: its value, or "*". */
static json_t *
shown_json(struct wm_shown s)
{
	return s.withheld ? json_string("*") : json_integer(s.value);
}

/* A count of people or staff as the rule lets it be published. */
static json_t *
count_json(enum wm_disclosure_rule rule, int64_t n)
{
	return shown_json(wm_disclose_count(rule, n));
}

static json_t *
light_json(enum wm_rating r)
{
	return r == WM_RATING_NONE ? json_null() :
	    json_string(wm_rating_name(r));
}

/* x to `places` decimal places. */
static json_t *
real_json(double x, int places)
{
	double f = pow(10, places);

	return json_real(round(x * f) / f);
}

/* Appends o to the list, taking o whatever happens: -1 when either is
 * NULL (out of memory) or the append fails. */
static int
append(json_t *list, json_t *o)
{
	if (!list || !o) {
		json_decref(o);
		return -1;
	}
	return json_array_append_new(list, o) ? -1 : 0;
}

/* --- the network at a glance ------------------------------------------ */

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
		    "number", n, "self", light_json(v->self), "consensus",
		    light_json(v->result.consensus), "validated",
		    v->result.validated));
	}
	return json_pack("{s:s, s:i, s:o, s:o}", "period", sv->lights.period,
	    "greens", sv->greens, "greensBefore", sv->has_before ?
	    json_integer(sv->greens_before) : json_null(), "standards", list);
}

/* A share of the denominator `den` as published: null when it is
 * published as 0 (a share of no one). */
static json_t *
work_share_json(struct wm_shown den, struct wm_shown s)
{
	if (!den.withheld && den.value == 0)
		return json_null();
	return shown_json(s);
}

static json_t *
cycles_json(const struct wm_net_work *w, const struct wm_net_view *v,
    size_t i)
{
	const struct wm_net_service *sv = &v->services[i];
	json_t *list = json_array();
	size_t k;

	for (k = 0; list && k < sv->n_cycles; k++) {
		const struct wm_net_cycle *c = &sv->cycles[k];
		size_t t = wm_net_work_cycle(w, c->title);
		struct wm_shown due = wm_net_work_due(w, t, i,
		    WM_NET_ALL_PARTS);

		json_array_append_new(list, json_pack("{s:s, s:i, s:o, s:o}",
		    "measure", c->title, "months", c->months, "due",
		    shown_json(due), "doneInTimePercent", work_share_json(due,
		    wm_net_work_done(w, t, i, WM_NET_ALL_PARTS))));
	}
	return list;
}

static json_t *
training_json(const struct wm_net_work *w, const struct wm_net_view *v,
    size_t i)
{
	const struct wm_catalogue *cat = v->courses;
	struct wm_shown staff = wm_net_work_staff(w, i);
	json_t *list = json_array();
	size_t k;

	for (k = 0; list && cat && k < cat->n_concepts; k++)
		json_array_append_new(list, json_pack("{s:s, s:s, s:o}",
		    "course", cat->concepts[k].code, "title",
		    cat->concepts[k].display, "percent", work_share_json(staff,
		    wm_net_work_course(w, k, i))));
	return json_pack("{s:o, s:o}", "staff", shown_json(staff), "coverage",
	    list);
}

/* Cell (row, col)'s share of its row's total: null when the total is
 * published as 0 (a share of no one), else as the table publishes it. */
static json_t *
table_share_json(const struct wm_net_table *t, size_t row, size_t col)
{
	if (wm_net_table_of_none(t, row))
		return json_null();
	return shown_json(wm_net_table_share(t, row, col));
}

/* A count of an outcome table's row, or null where change was not
 * judged. */
static json_t *
judged_count_json(const struct wm_net_table *t, size_t i, size_t col)
{
	if (!wm_net_outcome_judged(t))
		return json_null();
	return shown_json(wm_net_table_count(t, i, col));
}

static json_t *
judged_share_json(const struct wm_net_table *t, size_t i, size_t col)
{
	if (!wm_net_outcome_judged(t))
		return json_null();
	return table_share_json(t, i, col);
}

/* Row i of one scale and kind's tables: the people paired, whether
 * their change was judged, each outcome, and those who answered once
 * only. */
static json_t *
outcome_json(const struct wm_net_table *t, const struct wm_net_table *once,
    size_t i)
{
	return json_pack("{s:o, s:b, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
	    "paired", shown_json(wm_net_outcome_paired(t, i)), "judged",
	    wm_net_outcome_judged(t), "improved", judged_count_json(t, i,
	    WM_NET_IMPROVED), "improvedPercent", judged_share_json(t, i,
	    WM_NET_IMPROVED), "noChange", judged_count_json(t, i,
	    WM_NET_NO_CHANGE), "noChangePercent", judged_share_json(t, i,
	    WM_NET_NO_CHANGE), "deteriorated", judged_count_json(t, i,
	    WM_NET_DETERIORATED), "deterioratedPercent", judged_share_json(t,
	    i, WM_NET_DETERIORATED), "oneAnswerOnly", shown_json(
	    wm_net_table_count(once, i, WM_NET_ONCE)));
}

/* Row i of scale k's tables of those left out: no response, and
 * answered only by someone else (null where no one else may answer);
 * both null where they are not published for the window
 * (wm_net_leftout_shown). */
static json_t *
leftout_json(const struct wm_net_outcomes *o,
    const struct wm_net_measure_tables *m, size_t k, size_t i, int counted)
{
	return json_pack("{s:o, s:o}", "noResponse", counted ?
	    shown_json(wm_net_table_count(&m->none[k], i, WM_NET_NONE)) :
	    json_null(), "answeredByOthersOnly", counted &&
	    o->others_may_answer ? shown_json(wm_net_table_count(
	    &m->others[k], i, WM_NET_OTHERS)) : json_null());
}

/* The share of people with goals reviewed twice whose latest is higher:
 * null when none was reviewed twice, as published. */
static json_t *
higher_share_json(const struct wm_net_table *t, size_t row)
{
	struct wm_shown reviewed = wm_net_goals_reviewed(t, row);

	if (!reviewed.withheld && reviewed.value == 0)
		return json_null();
	return shown_json(wm_net_goals_higher_share(t, row));
}

/* The network's tables of the view, disclosed as wholes. */
struct tables {
	struct wm_net_measure_tables recovery;
	struct wm_net_experience_tables experience;
	struct wm_net_table paired, goals;
	struct wm_net_work work;
	int have_paired, have_goals;
	int leftout;		/* who is left out is published */
};

static void
tables_release(struct tables *t)
{
	wm_net_measure_tables_release(&t->recovery);
	wm_net_experience_tables_release(&t->experience);
	if (t->have_paired)
		wm_net_table_release(&t->paired);
	if (t->have_goals)
		wm_net_table_release(&t->goals);
	wm_net_work_release(&t->work);
}

static int
tables_build(const struct wm_net_view *v, enum wm_disclosure_rule rule,
    struct tables *t)
{
	memset(t, 0, sizeof(*t));
	if (v->recovery.in && wm_net_measure_tables_build(v, &v->recovery,
	    rule, &t->recovery))
		return -1;
	t->leftout = wm_net_leftout_shown(v, &v->recovery, rule);
	if (wm_net_experience_tables_build(v, rule, &t->experience))
		return -1;
	if (wm_net_paired_table(v, rule, &t->paired))
		return -1;
	t->have_paired = 1;
	if (wm_net_goals_table(v, rule, &t->goals))
		return -1;
	t->have_goals = 1;
	return wm_net_work_build(v, rule, &t->work);
}

/* A mean as the table lets it be published: "*" when withheld, null
 * with no ratings. */
static json_t *
mean_shown_json(struct wm_net_mean m)
{
	if (!m.has)
		return json_null();
	return m.withheld ? json_string("*") : real_json(m.value, 2);
}

/* Row i of the experience tables: each indicator's people who answered
 * it and who agree, with the share; each ERFS group's ratings and mean,
 * by people using the service and by staff. */
static json_t *
experience_json(const struct wm_net_view *v,
    const struct wm_net_experience_tables *t, size_t i)
{
	const struct wm_net_experience *e = &v->experience;
	json_t *ind = json_array(), *groups = json_array(), *g;
	size_t j;
	int rater;

	for (j = 0; ind && j < t->n_indicators; j++) {
		const struct wm_net_table *tb = &t->indicators[j];

		if (append(ind, json_pack("{s:s, s:o, s:o, s:o}", "indicator",
		    wm_net_indicator_item(e, j)->link_id, "answered",
		    shown_json(wm_net_table_count(tb, i, tb->cols)), "agree",
		    shown_json(wm_net_table_count(tb, i, WM_NET_AGREE)),
		    "agreePercent", table_share_json(tb, i, WM_NET_AGREE)))) {
			json_decref(ind);
			ind = NULL;
		}
	}
	for (j = 0; groups && j < e->n_groups; j++) {
		const struct wm_scale *sc = wm_net_erfs_group(e, j);

		g = json_pack("{s:s, s:s}", "group", sc->code, "title",
		    sc->title ? sc->title : sc->code);
		for (rater = 0; g && rater < WM_NET_RATERS; rater++) {
			const struct wm_net_table *tb = &t->erfs[j *
			    WM_NET_RATERS + (size_t)rater];

			if (json_object_set_new(g, rater == WM_NET_PEOPLE ?
			    "people" : "staff", json_pack("{s:o, s:o}",
			    "ratings", shown_json(wm_net_table_count(tb, i,
			    tb->cols)), "mean", mean_shown_json(
			    wm_net_erfs_mean(v, tb, j, rater, i))))) {
				json_decref(g);
				g = NULL;
			}
		}
		if (append(groups, g)) {
			json_decref(groups);
			groups = NULL;
		}
	}
	if (!ind || !groups) {
		json_decref(ind);
		json_decref(groups);
		return NULL;
	}
	return json_pack("{s:o, s:o}", "indicators", ind, "erfs", groups);
}

/* Row i (a service, or n_services for all of them) of every table. */
static json_t *
people_json(const struct wm_net_view *v, const struct tables *t, size_t i)
{
	const struct wm_net_outcomes *o = &v->recovery;
	const struct wm_net_measure_tables *m = &t->recovery;
	json_t *rec = json_array(), *p, *g;
	size_t k;

	for (k = 0; rec && k * WM_NET_KINDS < m->n; k++) {
		size_t a = k * WM_NET_KINDS + WM_NET_SELF;
		size_t b = k * WM_NET_KINDS + WM_NET_TOGETHER;

		json_array_append_new(rec, json_pack("{s:s, s:o, s:o, s:o}",
		    "scale", o->in->scales[k].code, "selfRated",
		    outcome_json(&m->outcome[a], &m->once[a], i),
		    "withPractitioner", outcome_json(&m->outcome[b],
		    &m->once[b], i), "leftOut", leftout_json(o, m, k, i,
		    t->leftout)));
	}
	p = json_pack("{s:o, s:o, s:o}", "eligible", shown_json(
	    wm_net_table_count(&t->paired, i, WM_NET_PAIRED_COLS)), "paired",
	    shown_json(wm_net_table_count(&t->paired, i, WM_NET_PAIRED)),
	    "percent", table_share_json(&t->paired, i, WM_NET_PAIRED));
	g = json_pack("{s:o, s:o, s:o, s:o}", "withGoals", shown_json(
	    wm_net_table_count(&t->goals, i, WM_NET_GOAL_COLS)), "reviewed",
	    shown_json(wm_net_goals_reviewed(&t->goals, i)), "higher",
	    shown_json(wm_net_table_count(&t->goals, i, WM_NET_HIGHER)),
	    "higherPercent", higher_share_json(&t->goals, i));
	return json_pack("{s:o, s:o, s:o, s:o}", "recovery", rec,
	    "pairedOutcomeRate", p, "experience", experience_json(v,
	    &t->experience, i), "goals", g);
}

static json_t *
service_json(const struct wm_net_view *v, const struct tables *t, size_t i)
{
	const struct wm_net_service *sv = &v->services[i];
	const struct wm_net_provider *p = &v->providers[sv->provider];
	json_t *o = people_json(v, t, i);
	json_t *rest = json_pack("{s:s, s:s, s:{s:s, s:s}, s:o, s:o, s:o}",
	    "service", sv->code, "name", sv->name, "provider", "code", p->code,
	    "name", p->name, "standards", standards_json(sv), "cycles",
	    cycles_json(&t->work, v, i), "training", training_json(&t->work,
	    v, i));

	if (!o || !rest || json_object_update(o, rest)) {
		json_decref(o);
		o = NULL;
	}
	json_decref(rest);
	return o;
}

/* Where one scale and kind's reliable change threshold comes from, or
 * why it has none: an estimate says how many first answers it rests on,
 * complete ones (alpha's) and scores (the SD's) apart. */
static json_t *
threshold_json(const struct wm_net_threshold *t,
    enum wm_disclosure_rule rule)
{
	int est = t->rel.estimated;
	struct wm_buf why = WM_BUF_INIT;
	json_t *o;

	if (t->has)
		return json_pack("{s:o, s:o, s:o, s:b, s:o, s:o, s:o}",
		    "threshold", real_json(t->value, 4), "sd", real_json(
		    t->rel.sd, 4), "reliability", real_json(t->rel.r, 4),
		    "estimated", est, "completeFirstAnswers", est ?
		    count_json(rule, t->rel.n_complete) : json_null(),
		    "firstScores", est ? count_json(rule, t->rel.n_scores) :
		    json_null(), "source", t->rel.source ?
		    json_string(t->rel.source) : json_null());
	wm_net_threshold_why(t, rule, &why);
	o = json_pack("{s:n, s:s, s:s, s:b, s:o, s:o, s:i}", "threshold",
	    "why", wm_buf_str(&why), "whyCode", wm_net_threshold_why_code(t),
	    "estimated", est, "completeFirstAnswers", count_json(rule,
	    t->rel.n_complete), "firstScores", count_json(rule,
	    t->rel.n_scores), "completeFirstAnswersNeeded",
	    WM_ALPHA_MIN_ANSWERS);
	wm_buf_release(&why);
	return o;
}

/* Every scale and kind of the recovery markers, as a list. */
static json_t *
thresholds_json(const struct wm_net_outcomes *o, enum wm_disclosure_rule rule)
{
	json_t *list = json_array();
	size_t k;
	int kind;

	for (k = 0; list && o->in && k < o->n_scales; k++)
		for (kind = 0; kind < WM_NET_KINDS; kind++) {
			json_t *t = threshold_json(wm_net_threshold_of(o, k,
			    kind), rule);

			if (t && json_object_update_new(t, json_pack("{s:s, "
			    "s:s}", "scale", o->in->scales[k].code,
			    "respondent", wm_net_kind_respondent(kind)))) {
				json_decref(t);
				t = NULL;
			}
			if (append(list, t)) {
				json_decref(list);
				return NULL;
			}
		}
	return list;
}

/* The document's head: the window and the rule. */
static json_t *
head_json(const struct wm_net_view *v, enum wm_disclosure_rule rule)
{
	return json_pack("{s:s, s:s, s:s, s:s}", "from", v->from_s, "to",
	    v->to_s, "disclosure", wm_disclosure_name(rule), "disclosureRule",
	    wm_disclosure_describe(rule));
}

/* The quarters ERFS is counted over, whatever the window. */
static json_t *
erfs_quarters_json(const struct wm_net_experience *e)
{
	char from[8], to[8];

	wm_quarter_format(&e->erfs_quarters[0], from);
	wm_quarter_format(&e->erfs_quarters[1], to);
	return json_pack("{s:s, s:s}", "from", from, "to", to);
}

json_t *
wm_net_json(const struct wm_net_view *v, enum wm_disclosure_rule rule)
{
	struct tables t;
	json_t *body = NULL, *list = NULL;
	size_t i;

	if (tables_build(v, rule, &t))
		goto out;
	list = json_array();
	for (i = 0; list && i < v->n_services; i++)
		if (append(list, service_json(v, &t, i)))
			goto out;
	body = head_json(v, rule);
	if (!body || json_object_set_new(body, "erfsQuarters",
	    erfs_quarters_json(&v->experience)) ||
	    json_object_set_new(body, "reliableChange",
	    thresholds_json(&v->recovery, rule)) || json_object_set_new(body,
	    "network", people_json(v, &t, v->n_services)) ||
	    json_object_set(body, "services", list)) {
		json_decref(body);
		body = NULL;
	}
out:
	json_decref(list);
	tables_release(&t);
	return body;
}

/* --- outcomes ---------------------------------------------------------- */

/* A funnel plot's findings: the fit over the services shown, those
 * outside the 99.8% limits and those left off, each by code. */
static json_t *
funnel_json(const struct wm_net_view *v, const char *what, const char *of,
    const struct wm_funnel_point *pts)
{
	struct wm_funnel fit;
	json_t *o, *outside = json_array(), *left = json_array();
	size_t i;
	int fitted;

	if (wm_funnel_points_fit(pts, v->n_services, &fit, &fitted))
		goto oom;
	for (i = 0; outside && left && i < v->n_services; i++) {
		const char *place = wm_net_funnel_place(&fit, fitted, &pts[i]);

		if (strcmp(place, "left off") == 0 &&
		    append(left, json_string(v->services[i].code)))
			goto oom;
		if ((strcmp(place, "above") == 0 ||
		    strcmp(place, "below") == 0) && append(outside, json_pack(
		    "{s:s, s:s}", "service", v->services[i].code, "side",
		    place)))
			goto oom;
	}
	if (!fitted)
		return json_pack("{s:s, s:s, s:b, s:n, s:n, s:n, s:n, s:n, "
		    "s:o, s:o}", "proportion", what, "of", of, "fitted", 0, "theta",
		    "phi", "tau2", "overdispersed", "services", "outside",
		    outside, "leftOff", left);
	o = json_pack("{s:s, s:s, s:b, s:o, s:o, s:o, s:b, s:I}", "proportion",
	    what, "of", of, "fitted", 1, "theta", real_json(fit.theta, 2),
	    "phi", real_json(fit.phi, 2), "tau2", real_json(fit.tau2, 4),
	    "overdispersed", fit.overdispersed, "services",
	    (json_int_t)fit.units);
	if (!o)
		goto oom;
	if ((json_object_set_new(o, "outside", outside) ||
	    json_object_set_new(o, "leftOff", left))) {
		json_decref(o);
		return NULL;
	}
	return o;
oom:
	json_decref(outside);
	json_decref(left);
	return NULL;
}

/* The mean change of the view's people with its 95% confidence
 * interval, "*" when withheld (of too few people, here or by
 * subtraction), null with fewer than two. */
static json_t *
mean_json(const struct wm_net_outcomes *o,
    const struct wm_net_measure_tables *mt, size_t i)
{
	struct wm_moments m;
	double mean, lo, hi;

	if (!wm_net_mean_of(&mt->mean[i], o, i / WM_NET_KINDS,
	    (int)(i % WM_NET_KINDS), &m))
		return json_string("*");
	if (wm_mean_ci95(&m, &mean, &lo, &hi))
		return json_null();
	return json_pack("{s:o, s:o, s:o}", "mean", real_json(mean, 2),
	    "low", real_json(lo, 2), "high", real_json(hi, 2));
}

/* The view's share reliably recovered: null when of no one, or when
 * change was not judged (it needs a reliable improvement). */
static json_t *
recovered_json(const struct wm_net_table *t, const struct wm_net_table *rec)
{
	if (!wm_net_outcome_judged(t) || wm_net_table_of_none(rec, rec->rows))
		return json_null();
	return shown_json(wm_net_table_share(rec, rec->rows,
	    WM_NET_RECOVERED));
}

/* One scale and kind: the threshold, each service, the network and the
 * funnel plot of the share reliably improved. */
static json_t *
kind_json(const struct wm_net_view *v, enum wm_disclosure_rule rule,
    const struct wm_net_outcomes *o, const struct wm_net_measure_tables *mt,
    size_t k, int kind, struct wm_funnel_point *pts)
{
	const struct wm_scale *sc = &o->in->scales[k];
	size_t at = k * WM_NET_KINDS + (size_t)kind;
	const struct wm_net_table *t = &mt->outcome[at];
	const struct wm_net_table *once = &mt->once[at];
	json_t *list = json_array(), *net, *f, *out = NULL;
	struct wm_funnel fit;
	size_t i;
	int fitted;

	wm_net_improved_points(v, t, pts);
	if (!list || wm_funnel_points_fit(pts, v->n_services, &fit, &fitted))
		goto out;
	for (i = 0; i < v->n_services; i++) {
		const char *place = wm_net_funnel_place(&fit, fitted, &pts[i]);
		json_t *s = outcome_json(t, once, i);

		if (!s || json_object_update_new(s, json_pack("{s:s, s:s, "
		    "s:s}", "service", v->services[i].code, "name",
		    v->services[i].name, "againstNetwork", place))) {
			json_decref(s);
			goto out;
		}
		if (append(list, s))
			goto out;
	}
	net = outcome_json(t, once, v->n_services);
	if (!net || json_object_set_new(net, "meanChange", mean_json(o, mt,
	    at)) || (sc->has_cutoff && json_object_set_new(net,
	    "reliableRecoveryPercent", recovered_json(t, &mt->recovery[at])))) {
		json_decref(net);
		goto out;
	}
	f = funnel_json(v, "reliably improved", "people with two answers or "
	    "more", pts);
	out = json_pack("{s:s, s:s, s:o, s:O, s:o, s:o}", "respondent",
	    wm_net_kind_respondent(kind), "answeredBy",
	    wm_net_kind_words(kind), "reliableChange", threshold_json(
	    wm_net_threshold_of(o, k, kind), rule), "services", list,
	    "network", net, "funnel", f);
out:
	json_decref(list);
	return out;
}

/* Scale k's people left out, each service and the network. */
static json_t *
leftout_list_json(const struct wm_net_view *v, enum wm_disclosure_rule rule,
    const struct wm_net_outcomes *o, const struct wm_net_measure_tables *mt,
    size_t k)
{
	json_t *list = json_array();
	int shown = wm_net_leftout_shown(v, o, rule);
	size_t i;

	for (i = 0; list && i < v->n_services; i++) {
		json_t *row = leftout_json(o, mt, k, i, shown);

		if (!row || json_object_update_new(row, json_pack("{s:s, s:s}",
		    "service", v->services[i].code, "name",
		    v->services[i].name)) || append(list, row)) {
			json_decref(list);
			return NULL;
		}
	}
	return json_pack("{s:o, s:o}", "services", list, "network",
	    leftout_json(o, mt, k, v->n_services, shown));
}

static json_t *
measure_json(const struct wm_net_view *v, enum wm_disclosure_rule rule,
    const struct wm_net_outcomes *o, struct wm_funnel_point *pts)
{
	const struct wm_instrument *in = o->in;
	struct wm_net_measure_tables mt;
	json_t *scales = json_array(), *out = NULL;
	size_t k;

	memset(&mt, 0, sizeof(mt));
	if (!scales || wm_net_measure_tables_build(v, o, rule, &mt))
		goto out;
	for (k = 0; k < in->n_scales; k++) {
		const struct wm_scale *sc = &in->scales[k];
		json_t *self = kind_json(v, rule, o, &mt, k, WM_NET_SELF, pts);
		json_t *with = kind_json(v, rule, o, &mt, k, WM_NET_TOGETHER,
		    pts);
		json_t *s = json_pack("{s:s, s:s, s:b, s:o, s:o, s:o, s:o}",
		    "scale", sc->code, "title", sc->title ? sc->title :
		    sc->code, "higherIsBetter", sc->higher_is_better, "cutoff",
		    sc->has_cutoff ? json_real(sc->cutoff) : json_null(),
		    "selfRated", self, "withPractitioner", with, "leftOut",
		    leftout_list_json(v, rule, o, &mt, k));

		if (append(scales, s))
			goto out;
	}
	out = json_pack("{s:s, s:s, s:s, s:s, s:O}", "measure", o->measure,
	    "url", in->url, "version", in->version, "title", in->title ?
	    in->title : in->url, "scales", scales);
out:
	wm_net_measure_tables_release(&mt);
	json_decref(scales);
	return out;
}

/* --- comparing services: the other proportions' funnels --------------- */

static int
compare_paired(const struct wm_net_view *v, enum wm_disclosure_rule rule,
    struct wm_funnel_point *pts, json_t *list)
{
	struct wm_net_table t;
	json_t *f;

	if (wm_net_paired_table(v, rule, &t))
		return -1;
	wm_net_paired_points(v, &t, pts);
	wm_net_table_release(&t);
	f = funnel_json(v, "paired-outcome rate", "people on the caseload "
	    "180 days or more", pts);
	return f ? append(list, f) : -1;
}

/* One funnel, with what it is about added: {"measure": ...} or
 * {"course": ...}. */
static int
compare_one(const struct wm_net_view *v, json_t *list, const char *what,
    const char *of, const char *key, const char *value,
    const struct wm_funnel_point *pts)
{
	json_t *f = funnel_json(v, what, of, pts);

	if (!f || json_object_set_new(f, key, json_string(value))) {
		json_decref(f);
		return -1;
	}
	return append(list, f);
}

static json_t *
comparisons_json(const struct wm_net_view *v, enum wm_disclosure_rule rule,
    struct wm_funnel_point *pts)
{
	const struct wm_catalogue *cat = v->courses;
	const char *titles[16];
	json_t *list = json_array();
	struct wm_net_work w;
	size_t n, k;

	memset(&w, 0, sizeof(w));
	if (!list || compare_paired(v, rule, pts, list) ||
	    wm_net_work_build(v, rule, &w))
		goto fail;
	n = wm_net_cycle_titles(v, titles, sizeof(titles) /
	    sizeof(titles[0]));
	for (k = 0; k < n; k++) {
		wm_net_cycle_points(v, &w, titles[k], pts);
		if (compare_one(v, list, "done in time", "times due",
		    "measure", titles[k], pts))
			goto fail;
	}
	for (k = 0; cat && k < cat->n_concepts; k++) {
		wm_net_course_points(v, &w, k, pts);
		if (compare_one(v, list, "staff who have done the course",
		    "staff", "course", cat->concepts[k].code, pts))
			goto fail;
	}
	wm_net_work_release(&w);
	return list;
fail:
	wm_net_work_release(&w);
	json_decref(list);
	return NULL;
}

json_t *
wm_net_outcomes_json(const struct wm_net_view *v,
    const struct wm_net_measures *m, enum wm_disclosure_rule rule)
{
	struct wm_funnel_point *pts = calloc(v->n_services + 1, sizeof(*pts));
	json_t *body = NULL, *list = json_array();
	size_t i;

	if (!pts || !list)
		goto out;
	for (i = 0; i < m->n; i++)
		if (append(list, measure_json(v, rule, m->list[i], pts)))
			goto out;
	body = head_json(v, rule);
	if (!body || json_object_set(body, "measures", list) ||
	    json_object_set_new(body, "comparisons", comparisons_json(v, rule,
	    pts))) {
		json_decref(body);
		body = NULL;
	}
out:
	json_decref(list);
	free(pts);
	return body;
}

/* --- the command line's document -------------------------------------- */

/* A quarter's count of people, for the network's own analysts only, as
 * network_figures.c's quarter_count says why. */
static json_t *
quarter_count_json(enum wm_disclosure_rule rule, int64_t n)
{
	return rule == WM_DISCLOSURE_NONE ? count_json(rule, n) :
	    json_string("*");
}

/* The quarter-by-quarter means, each service, quarter and kind. */
static json_t *
quarterly_json(const struct wm_netrep *q, enum wm_disclosure_rule rule)
{
	json_t *list = json_array();
	size_t i, k;

	for (i = 0; list && i < wm_netrep_rows(q); i++) {
		struct wm_netrep_row r;
		json_t *scales = json_array();

		wm_netrep_row(q, i, &r);
		for (k = 0; scales && k < wm_netrep_scales(q); k++)
			if (r.n[k] > 0 && append(scales, json_pack("{s:s, "
			    "s:o, s:o}", "scale", wm_netrep_scale(q, k),
			    "people", quarter_count_json(rule, r.n[k]), "mean",
			    wm_disclose_mean(rule, r.n[k]) ? real_json(
			    r.mean[k], 2) : json_string("*")))) {
				json_decref(scales);
				scales = NULL;
			}
		if (append(list, json_pack("{s:s, s:s, s:s, s:s, s:o, s:o}",
		    "service", r.site, "name", r.site_name, "quarter",
		    r.quarter, "respondent", r.respondent, "people",
		    quarter_count_json(rule, r.people), "scales", scales))) {
			json_decref(list);
			return NULL;
		}
	}
	return list;
}

int
wm_net_json_write(const struct wm_net_view *v,
    const struct wm_net_measures *m, const struct wm_netrep *q,
    enum wm_disclosure_rule rule, struct wm_buf *out)
{
	json_t *doc = wm_net_json(v, rule);
	char *text = NULL;
	int rc = -1;

	if (!doc || json_object_set_new(doc, "outcomes",
	    wm_net_outcomes_json(v, m, rule)) || json_object_set_new(doc,
	    "quarterlyMeans", quarterly_json(q, rule)))
		goto out;
	if (!(text = json_dumps(doc, JSON_INDENT(1) | JSON_REAL_PRECISION(15) |
	    JSON_PRESERVE_ORDER)))
		goto out;
	wm_buf_puts(out, text);
	wm_buf_putc(out, '\n');
	rc = out->failed ? -1 : 0;
out:
	free(text);
	json_decref(doc);
	return rc;
}
