/*
 * The JSON API's profile views of a led service (docs/api.md):
 * GET /api/v1/services/{code}/erfs, .../indicators, .../ten-top-tips,
 * with ?period=2026-Q3. The same figures as the pages, under the same
 * rules: a count below 5 is sent as the string "<5", and a withheld
 * share or mean is left out entirely, never sent.
 */
#include "web/pages.h"

#include <math.h>
#include <string.h>

#include "core/disclosure.h"
#include "report/profile.h"
#include "web/api.h"

/* A count about people's feedback as the service may see it. */
json_t *
wm_api_count_json(int64_t n)
{
	return wm_service_count_shown(n) ? json_integer((json_int_t)n) :
	    json_string("<5");
}

static json_t *
text_of(const struct wm_item *it)
{
	return json_string(it->text ? it->text : it->link_id);
}

static json_t *
rating_json(const struct wm_profile *p, size_t i, int c)
{
	const struct wm_tally *t = wm_profile_tally(p, i, c);
	json_t *o = json_object();
	double mean;

	if (!o)
		return NULL;
	json_object_set_new(o, "rated", c == 0 ? wm_api_count_json(t->scored) :
	    json_integer((json_int_t)t->scored));
	if (wm_profile_erfs_mean(p, i, c, &mean))
		json_object_set_new(o, "mean", json_real(round(mean * 100) /
		    100));
	else if (t->scored)
		json_object_set_new(o, "withheld", json_true());
	return o;
}

json_t *
wm_api_erfs_json(const struct wm_profile *p)
{
	const struct wm_instrument *in = p->in;
	json_t *groups = json_array(), *g = NULL, *domains = NULL;
	size_t i;

	for (i = 0; groups && i < in->n_items; i++) {
		const struct wm_item *it = &in->items[i];
		double a, b;
		int differ;

		if (wm_profile_is_group(in, i)) {
			domains = json_array();
			g = json_pack("{s:s, s:o, s:o}", "linkId", it->link_id,
			    "title", text_of(it), "domains", domains);
			json_array_append_new(groups, g);
			continue;
		}
		if (it->type != WM_ITEM_CHOICE || !domains)
			continue;
		differ = wm_profile_erfs_mean(p, i, 0, &a) &&
		    wm_profile_erfs_mean(p, i, 1, &b) && wm_ratings_differ(a, b);
		json_array_append_new(domains, json_pack("{s:s, s:o, s:o, s:o, "
		    "s:b}", "linkId", it->link_id, "text", text_of(it),
		    "people", rating_json(p, i, 0), "staff",
		    rating_json(p, i, 1), "differ", differ));
	}
	return json_pack("{s:{s:o, s:I}, s:o}", "respondents", "people",
	    wm_api_count_json(p->responses[0]), "staff",
	    (json_int_t)p->responses[1], "groups", groups);
}

static json_t *
share_json(const struct wm_profile *p, size_t i, int c)
{
	const struct wm_tally *t = wm_profile_tally(p, i, c);
	const char *period = p->quarter[c];
	int pct;

	switch (wm_service_share(t->agree, t->scored, &pct)) {
	case WM_SHARE_NO_ANSWERS:
		return json_pack("{s:s, s:s, s:i}", "period", period, "state",
		    "no-answers", "answered", 0);
	case WM_SHARE_TOO_FEW:
		return json_pack("{s:s, s:s, s:s}", "period", period, "state",
		    "too-few", "answered", "<5");
	case WM_SHARE_WITHHELD:
		return json_pack("{s:s, s:s, s:I, s:s}", "period", period,
		    "state", "withheld", "answered", (json_int_t)t->scored,
		    "agree", "<5");
	case WM_SHARE_SHOWN:
		break;
	}
	return json_pack("{s:s, s:s, s:I, s:I, s:i}", "period", period,
	    "state", "shown", "answered", (json_int_t)t->scored, "agree",
	    (json_int_t)t->agree, "percent", pct);
}

static json_t *
indicators_json(const struct wm_profile *p)
{
	const struct wm_instrument *in = p->in;
	json_t *list = json_array(), *people = json_array();
	size_t i;
	int c;

	for (c = 0; people && c < 2; c++)
		json_array_append_new(people, json_pack("{s:s, s:o, s:o, s:o}",
		    "period", p->quarter[c], "answered",
		    wm_api_count_json(p->subjects[c]), "alone",
		    wm_api_count_json(p->subjects[c] - p->together[c]),
		    "withPractitioner", wm_api_count_json(p->together[c])));
	for (i = 0; list && i < in->n_items; i++)
		if (in->items[i].type == WM_ITEM_CHOICE)
			json_array_append_new(list, json_pack("{s:s, s:o, "
			    "s:[o, o]}", "linkId", in->items[i].link_id, "text",
			    text_of(&in->items[i]), "periods",
			    share_json(p, i, 0), share_json(p, i, 1)));
	return json_pack("{s:s, s:o, s:o}", "previous", p->quarter[1],
	    "people", people, "indicators", list);
}

json_t *
wm_api_tips_json(const struct wm_profile *p)
{
	const struct wm_instrument *in = p->in;
	enum wm_team_state st = wm_team_shown(p->responses[0], p->subjects[0]);
	json_t *list;
	size_t i;
	int pct;

	if (st != WM_TEAM_SHOWN)
		return json_pack("{s:b, s:s}", "shown", 0, "reason",
		    wm_profile_team_reason(st));
	list = json_array();
	for (i = 0; list && i < in->n_items; i++) {
		const struct wm_tally *t = wm_profile_tally(p, i, 0);

		if (in->items[i].type != WM_ITEM_CHOICE)
			continue;
		if (wm_team_share(t->agree, t->scored, &pct))
			json_array_append_new(list, json_pack("{s:s, s:o, s:I, "
			    "s:i}", "linkId", in->items[i].link_id, "text",
			    text_of(&in->items[i]), "applied",
			    (json_int_t)t->scored, "percentYes", pct));
		else
			json_array_append_new(list, json_pack("{s:s, s:o, s:I, "
			    "s:b}", "linkId", in->items[i].link_id, "text",
			    text_of(&in->items[i]), "applied",
			    (json_int_t)t->scored, "withheld", 1));
	}
	return json_pack("{s:b, s:I, s:o}", "shown", 1, "reflections",
	    (json_int_t)p->responses[0], "tips", list);
}

static void
profile_api(struct wm_http *h, enum wm_profile_kind kind)
{
	struct wm_led_service s = WM_LED_SERVICE_INIT;
	struct wm_profile p = WM_PROFILE_INIT;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_quarter period;
	json_t *body = NULL;
	int latest;

	if (wm_service_led(h, &s) || wm_profile_period(h, kind, s.id, &period,
	    &latest))
		goto out;
	if (!wm_page_store_ok(h, wm_profile_load(h->store, kind, s.id,
	    &period, &p, &err), &err))
		goto out;
	if (!p.in)
		body = json_pack("{s:b}", "loaded", 0);
	else if (kind == WM_PROFILE_ERFS)
		body = wm_api_erfs_json(&p);
	else if (kind == WM_PROFILE_INDICATORS)
		body = indicators_json(&p);
	else
		body = wm_api_tips_json(&p);
	if (!body) {
		wm_api_error(h, 500, "the figures could not be written", NULL);
		goto out;
	}
	json_object_set_new(body, "service", json_string(s.code));
	json_object_set_new(body, "period", json_string(p.quarter[0]));
	wm_api_reply(h, 200, body);
out:
	wm_profile_release(&p);
	wm_led_service_release(&s);
	wm_buf_release(&err);
}

void
wm_api_service_erfs(struct wm_http *h)
{
	profile_api(h, WM_PROFILE_ERFS);
}

void
wm_api_service_indicators(struct wm_http *h)
{
	profile_api(h, WM_PROFILE_INDICATORS);
}

void
wm_api_service_tips(struct wm_http *h)
{
	profile_api(h, WM_PROFILE_TIPS);
}
