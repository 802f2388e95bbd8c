/*
 * The standards through the JSON API (docs/api.md): a lead's view of a
 * period (versions, every light by group, consensus, validated, the
 * disagreements, invitations and queries), and a validator's
 * invitations, with the lights only once their own are submitted. The
 * same scope as the pages: anything else is 404.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/api.h"
#include "web/standards.h"

json_t *
wm_api_light(enum wm_rating r)
{
	return r == WM_RATING_NONE ? json_null() :
	    json_string(wm_rating_name(r));
}

/* One period's standards, or NULL when they could not be read. */
static json_t *
standards_json(struct wm_http *h, int64_t unit, int64_t assessment,
    const struct wm_instrument *in, const struct wm_standards_setup *setup)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_standards m;
	json_t *out = json_array();
	int n;
	size_t k;

	wm_standards_init(&m);
	if (assessment && !wm_page_store_ok(h,
	    wm_store_assessment_ratings(h->store, unit, assessment,
	    wm_standards_add_row, &m, &err), &err)) {
		json_decref(out);
		out = NULL;
		goto done;
	}
	wm_standards_finish(&m, &setup->rule);
	for (n = 1; out && n <= WM_STANDARDS; n++) {
		const struct wm_standard_view *v = &m.s[n - 1];
		json_t *votes = json_array();

		for (k = 0; k < v->n_votes; k++)
			json_array_append_new(votes, json_pack("{s:s,s:o}",
			    "group", wm_stakeholder_code(v->votes[k].group),
			    "rating", wm_api_light(v->votes[k].rating)));
		json_array_append_new(out, json_pack("{s:i,s:s,s:o,s:o,s:o,"
		    "s:b,s:I,s:i}", "number", n, "title",
		    wm_standard_title(in, n), "self", wm_api_light(v->self),
		    "validators", votes, "consensus",
		    wm_api_light(v->result.consensus), "validated",
		    v->result.validated, "disagreeing",
		    (json_int_t)v->result.disagreeing, "widestGap",
		    v->result.widest));
	}
done:
	wm_standards_release(&m);
	wm_buf_release(&err);
	return out;
}

static int
version_json(void *ctx, const struct wm_assessment_version_row *v)
{
	json_array_append_new(ctx, json_pack("{s:i,s:s,s:s,s:s?,s:o}",
	    "version", v->version, "submitted", v->submitted, "by", v->by,
	    "reason", v->reason, "standard",
	    v->standard ? json_integer(v->standard) : json_null()));
	return 0;
}

/* Names only: who submitted, or in which group, would tie the lights
 * (shown by group) to people. */
static int
invitation_json(void *ctx, const struct wm_validator_row *v)
{
	json_array_append_new(ctx, json_pack("{s:s}", "name", v->name));
	return 0;
}

static void
comment_json(void *ctx, int standard, const char *group, const char *text)
{
	json_array_append_new(ctx, json_pack("{s:i,s:s,s:s}", "standard",
	    standard, "group", group, "text", text));
}

/* Queries by group, never by a validator's name. */
static int
query_json(void *ctx, const struct wm_standard_query_row *q)
{
	json_array_append_new(ctx, json_pack("{s:I,s:i,s:s,s:s?,s:s,s:s}",
	    "id", (json_int_t)q->id, "standard", q->standard, "kind", q->kind,
	    "group", q->stakeholder, "text", q->text, "at", q->at));
	return 0;
}

void
wm_api_standards(struct wm_http *h)
{
	struct wm_sa a = WM_SA_INIT;
	struct wm_buf err = WM_BUF_INIT;
	const struct wm_instrument *in = NULL;
	json_t *versions = json_array(), *invited = json_array();
	json_t *queries = json_array(), *standards = NULL;
	json_t *comments = json_array();
	int64_t inst;

	if (wm_sa_open(h, &a))
		goto out;
	if (!(in = wm_standards_instrument(h, WM_RESPONDENT_LEAD, &inst))) {
		wm_api_error(h, 409, "the core standards are not loaded", NULL);
		goto out;
	}
	if ((a.id && (!wm_page_store_ok(h,
	    wm_store_assessment_versions(h->store, a.id, version_json, versions,
	    &err), &err) || !wm_page_store_ok(h, wm_store_invitations(h->store,
	    a.id, invitation_json, invited, &err), &err) || !wm_page_store_ok(h,
	    wm_store_standard_queries(h->store, a.id, query_json, queries,
	    &err), &err) || wm_sa_comments_each(h, a.id, comment_json,
	    comments))) || !(standards = standards_json(h, a.svc.id, a.id, in,
	    &a.setup))) {
		wm_api_error(h, 500, "the standards could not be read", NULL);
		goto out;
	}
	wm_api_reply(h, 200, json_pack("{s:s,s:{s:s,s:s,s:s},s:{s:i,s:i},"
	    "s:O,s:O,s:O,s:O,s:O}", "service", a.svc.code, "period", "start",
	    a.period, "end", a.period_end, "name", a.name, "rule",
	    "minValidators", a.setup.rule.min_validators, "minGroups",
	    a.setup.rule.min_groups, "versions", versions, "standards",
	    standards, "invitations", invited, "queries", queries, "comments",
	    comments));
out:
	json_decref(versions);
	json_decref(invited);
	json_decref(queries);
	json_decref(comments);
	json_decref(standards);
	wm_buf_release(&err);
	wm_sa_release(&a);
}

static int
invited_json(void *ctx, const struct wm_invited_row *row)
{
	json_array_append_new(ctx, json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:b}",
	    "id", (json_int_t)row->assessment_id, "service", row->unit_code,
	    "serviceName", row->unit_name, "periodStart", row->period,
	    "periodEnd", row->period_end, "group", row->stakeholder,
	    "submitted", row->response_id != 0));
	return 0;
}

void
wm_api_validations(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	json_t *list = json_array();

	if (!wm_page_store_ok(h, wm_store_account_invitations(h->store,
	    h->who.account_id, 0, invited_json, list, &err), &err))
		wm_api_error(h, 500, "the validations could not be read", NULL);
	else
		wm_api_reply(h, 200, json_pack("{s:O}", "validations", list));
	json_decref(list);
	wm_buf_release(&err);
}

struct evidence_json {
	json_t *list;
	int standard;
};

static void
evidence_item(void *ctx, const char *text)
{
	struct evidence_json *e = ctx;

	json_array_append_new(e->list, json_pack("{s:i,s:s}", "standard",
	    e->standard, "text", text));
}

/* A validator's invitation: the service's evidence always; the lights,
 * comments and queries only once their own ratings are submitted. */
void
wm_api_validation(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_invite v = WM_INVITE_INIT;
	const struct wm_instrument *lin = NULL, *in = NULL;
	struct wm_response *lead = NULL;
	struct evidence_json ev = { json_array(), 0 };
	json_t *out = NULL, *queries = NULL, *comments = NULL, *lights = NULL;
	int64_t inst, id;

	if (wm_invite_open(h, &v))
		goto done;
	id = v.assessment;
	if (wm_sa_latest(h, id, &lin, &lead)) {
		wm_api_error(h, 500, "the evidence could not be read", NULL);
		goto done;
	}
	for (ev.standard = 1; ev.standard <= WM_STANDARDS; ev.standard++)
		wm_standard_evidence(lead, ev.standard, evidence_item, &ev);
	out = json_pack("{s:I,s:s,s:{s:s,s:s},s:s,s:b,s:O}", "id",
	    (json_int_t)id, "service", v.unit_code, "period", "start", v.period,
	    "end", v.period_end, "group", wm_stakeholder_code(v.group), "submitted",
	    v.response_id != 0, "evidence", ev.list);
	if (wm_validator_sees_lights(v.response_id)) {
		queries = json_array();
		comments = json_array();
		if (!(in = wm_standards_instrument(h, WM_RESPONDENT_VALIDATOR,
		    &inst)) || !(lights = standards_json(h, v.unit_id, id, in,
		    &v.setup)) || !wm_page_store_ok(h,
		    wm_store_standard_queries(h->store, id, query_json,
		    queries, &err), &err) || wm_sa_comments_each(h, id,
		    comment_json, comments)) {
			wm_api_error(h, 500, "the lights could not be read", NULL);
			goto done;
		}
		json_object_set_new(out, "standards", lights);
		lights = NULL;
		json_object_set(out, "comments", comments);
		json_object_set(out, "queries", queries);
	}
	wm_api_reply(h, 200, out);
	out = NULL;
done:
	json_decref(out);
	json_decref(lights);
	json_decref(ev.list);
	json_decref(queries);
	json_decref(comments);
	wm_response_free(lead);
	wm_invite_release(&v);
	wm_buf_release(&err);
}
