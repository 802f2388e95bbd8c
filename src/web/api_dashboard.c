/*
 * GET /api/v1/services/{code}/dashboard (docs/api.md): the dashboard's
 * figures as JSON, from the same model as the page
 * (report/dashboard.h). A count below 5 about people is the string
 * "<5" and a withheld mean is left out, never sent.
 */
#include "web/pages.h"

#include <math.h>
#include <stdio.h>

#include "core/known_instruments.h"
#include "report/dashboard.h"
#include "web/api.h"
#include "web/standards.h"

static json_t *
standards_json(struct wm_http *h, const struct wm_dashboard *d)
{
	const struct wm_standards *m = &d->lights;
	const struct wm_instrument *in;
	json_t *list;
	int64_t inst;
	int n;

	if (!m->period[0])
		return json_pack("{s:n, s:[]}", "period", "standards");
	in = wm_standards_instrument(h, WM_RESPONDENT_LEAD, &inst);
	list = json_array();
	for (n = 1; list && n <= WM_STANDARDS; n++) {
		const struct wm_standard_view *v = &m->s[n - 1];

		json_array_append_new(list, json_pack("{s:i, s:s, s:o, s:o, "
		    "s:b}", "number", n, "title", in ? wm_standard_title(in, n) :
		    "", "self", wm_api_light(v->self), "consensus",
		    wm_api_light(v->result.consensus), "validated",
		    v->result.validated));
	}
	return json_pack("{s:s, s:o}", "period", m->period, "standards", list);
}

static json_t *
rate_json(long done, long due, int final)
{
	int pct = wm_completion_percent(done, due);

	return json_pack("{s:I, s:I, s:o, s:b}", "due", (json_int_t)due,
	    "done", (json_int_t)done, "percent", pct < 0 ? json_null() :
	    json_integer(pct), "final", final);
}

static json_t *
cycles_json(const struct wm_dashboard *d)
{
	json_t *list = json_array();
	char month[16];
	size_t i;

	for (i = 0; list && i < d->n_cycles; i++) {
		const struct wm_dashboard_cycle *c = &d->cycles[i];

		snprintf(month, sizeof(month), "%04d-%02d",
		    c->month.year % 10000, c->month.month % 100);
		json_array_append_new(list, json_pack("{s:I, s:s, s:s, s:i, "
		    "s:b, s:s, s:o, s:o}", "id", (json_int_t)c->id, "title",
		    c->title, "for", c->about_people ? "person" : "service",
		    "every_months", c->every_months, "stopped", c->stopped,
		    "lastMonth", month, "month", rate_json(c->month.done,
		    c->month.due, c->month.final), "twelveMonths",
		    rate_json(c->done, c->due, c->final)));
	}
	return list;
}

static json_t *
training_json(const struct wm_dashboard *d)
{
	return json_pack("{s:I, s:o}", "staff", (json_int_t)d->staff,
	    "coverage", wm_api_coverage_json(d->coverage,
	    d->courses->n_concepts));
}

static json_t *
kind_json(const struct wm_dashboard_change *c,
    const struct wm_dashboard_scale *sc, int k)
{
	const struct wm_change_tally *t = &sc->change[k];
	int64_t one, none;
	double mean;
	json_t *o;

	wm_dashboard_left_out(c, sc, k, &one, &none);
	o = json_pack("{s:o, s:o, s:o, s:o, s:{s:o, s:o}}", "people",
	    wm_api_count_json(t->people), "improved",
	    wm_api_count_json(t->improved), "same", wm_api_count_json(t->same),
	    "worse", wm_api_count_json(t->worse), "leftOut", "oneAnswer",
	    wm_api_count_json(one), "noAnswer", wm_api_count_json(none));
	if (!o)
		return NULL;
	if (wm_change_tally_mean(t, &mean))
		json_object_set_new(o, "meanChange",
		    json_real(round(mean * 100) / 100));
	else if (t->people)
		json_object_set_new(o, "withheld", json_true());
	return o;
}

static json_t *
change_json(const struct wm_dashboard *d)
{
	const struct wm_dashboard_change *c = &d->change;
	json_t *list = json_array();
	size_t i;

	for (i = 0; list && i < c->n_scales; i++)
		json_array_append_new(list, json_pack("{s:s, s:s, s:o, s:o}",
		    "scale", c->scale[i].code, "title", c->scale[i].title,
		    "selfRated", kind_json(c, &c->scale[i], WM_CHANGE_SELF),
		    "withPractitioner", kind_json(c, &c->scale[i],
		    WM_CHANGE_TOGETHER)));
	return json_pack("{s:s, s:I, s:o}", "measure",
	    wm_known_url(WM_KNOWN_RECOVERY_MARKERS),
	    "caseload", (json_int_t)c->people, "scales", list);
}

static json_t *
profile_json(const struct wm_profile *p, json_t *(*fn)(const struct
    wm_profile *))
{
	json_t *o = p->in ? fn(p) : json_pack("{s:b}", "loaded", 0);

	if (o)
		json_object_set_new(o, "period", json_string(p->quarter[0]));
	return o;
}

void
wm_api_dashboard(struct wm_http *h)
{
	struct wm_led_service s = WM_LED_SERVICE_INIT;
	struct wm_dashboard d;
	json_t *body;
	char date[11];

	wm_dashboard_init(&d);
	if (wm_service_led(h, &s))
		goto out;
	if (wm_service_dashboard(h, &s, &d)) {
		wm_api_error(h, 500, "the dashboard could not be read", NULL);
		goto out;
	}
	wm_date_format(&d.today, date);
	body = json_pack("{s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o}",
	    "service", s.code, "name", wm_buf_str(&s.name), "today", date,
	    "standards", standards_json(h, &d), "cycles", cycles_json(&d),
	    "training", training_json(&d), "recoveryMarkersChange",
	    change_json(&d), "erfs", profile_json(&d.erfs, wm_api_erfs_json),
	    "tenTopTips", profile_json(&d.tips, wm_api_tips_json));
	if (!body)
		wm_api_error(h, 500, "the dashboard could not be written", NULL);
	else
		wm_api_reply(h, 200, body);
out:
	wm_dashboard_release(&d);
	wm_led_service_release(&s);
}
