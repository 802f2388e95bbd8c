/*
 * The JSON API's side of people's own plans (docs/api.md, "Plans"): the
 * plans a person has and the ones they can start, the plans shared with
 * anyone else, a plan read as the FHIR QuestionnaireResponse it was kept
 * as, and a new version written as one. Who may reach a plan is the
 * route's rule (core/plan_access.c); a read by anyone but its owner is
 * kept (wm_plan_seen) before a byte of it is sent. No plan's words go
 * into a message: a refusal names the field or the question, and why.
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "report/plan.h"
#include "web/api.h"
#include "web/layout.h"
#include "web/plan_view.h"
#include "web/scope.h"

/* ------------------------------------------------------------------ */
/* The list                                                            */

struct plan_list {
	json_t *titles;		/* family -> title */
	json_t *templates;	/* what a person can start */
	json_t *plans;
	int shared;		/* plans shared with the account */
};

static int
title_of(void *ctx, int64_t id, const struct wm_instrument *in)
{
	struct plan_list *l = ctx;
	char ref[600];

	(void)id;
	snprintf(ref, sizeof(ref), "%s|%s", in->url, in->version);
	if (json_object_set_new(l->titles, in->family, json_string(in->title)))
		return -1;
	return json_array_append_new(l->templates, json_pack("{s:s, s:s, s:s}",
	    "template", ref, "family", in->family, "title", in->title)) ?
	    -1 : 0;
}

static json_t *
maybe_string(const char *s)
{
	return s ? json_string(s) : json_null();
}

static int
plan_item(void *ctx, const struct wm_plan_row *r)
{
	struct plan_list *l = ctx;
	json_t *title = json_object_get(l->titles, r->family), *o;

	o = json_pack("{s:I, s:s, s:O}", "id", (json_int_t)r->id, "family",
	    r->family, "title", title ? title : json_null());
	if (!o)
		return -1;
	json_object_set_new(o, "latest", r->latest ?
	    json_integer((json_int_t)r->latest) : json_null());
	json_object_set_new(o, "latest_saved", maybe_string(r->latest ?
	    r->latest_saved : NULL));
	if (l->shared) {
		/* A draft is its owner's alone, as is crisis access. */
		json_object_set_new(o, "person", json_pack("{s:s?, s:s?}",
		    "identifier", r->person_ident, "name", r->person_name));
	} else {
		json_object_set_new(o, "draft", json_boolean(r->has_draft));
		json_object_set_new(o, "draft_saved", maybe_string(
		    r->has_draft ? r->draft_saved : NULL));
		json_object_set_new(o, "crisis_access",
		    json_boolean(r->crisis_access));
		json_object_set_new(o, "created", maybe_string(r->created));
	}
	return json_array_append_new(l->plans, o) ? -1 : 0;
}

/* GET /api/v1/plans: a person's own plans, with the templates they can
 * start; for anyone else, the plans shared with them now. */
void
wm_api_plans(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	struct plan_list l = { json_object(), json_array(), json_array(),
	    h->scope.own_person == 0 };
	char today[11];
	int rc;

	if (!l.titles || !l.templates || !l.plans) {
		wm_api_error(h, 500, "the plans could not be listed", NULL);
		goto out;
	}
	rc = wm_plan_templates(h->store, NULL, title_of, &l, &err);
	wm_scope_today(h, today);
	if (rc == 0)
		rc = l.shared ? wm_store_plans_shared_with(h->store,
		    h->who.account_id, today, 0, -1, plan_item, &l, &err) :
		    wm_store_plans(h->store, h->scope.own_person, plan_item, &l,
		    &err);
	if (!wm_page_store_ok(h, rc, &err))
		goto out;
	if (l.shared)
		wm_api_reply(h, 200, json_pack("{s:O}", "plans", l.plans));
	else
		wm_api_reply(h, 200, json_pack("{s:O, s:O}", "plans", l.plans,
		    "templates", l.templates));
out:
	json_decref(l.titles);
	json_decref(l.templates);
	json_decref(l.plans);
	wm_buf_release(&err);
}

/* ------------------------------------------------------------------ */
/* Starting one                                                        */

/* The plan template `ref` ("URL|VERSION") names: its instrument, or
 * NULL with a 400 (or the store's failure) answered. */
static const struct wm_instrument *
template_named(struct wm_http *h, const char *ref)
{
	struct wm_buf text = WM_BUF_INIT, err = WM_BUF_INIT;
	const struct wm_instrument *in = NULL;
	const char *bar = strchr(ref, '|');
	char url[512];
	int64_t id;
	int rc = WM_STORE_NOT_FOUND;

	if (bar && (size_t)(bar - ref) < sizeof(url)) {
		memcpy(url, ref, (size_t)(bar - ref));
		url[bar - ref] = '\0';
		rc = wm_store_instrument_get(h->store, url, bar + 1, &id,
		    &text, &err);
		if (rc == 0)
			rc = wm_store_instrument_parsed(h->store, id, &in, &err);
	}
	if (rc == WM_STORE_NOT_FOUND || (rc == 0 && (in->kind != WM_KIND_PLAN ||
	    !in->family))) {
		wm_api_error(h, 400, "template: not a plan template loaded "
		    "here, as URL|VERSION (see GET /api/v1/plans)", "template");
		in = NULL;
	} else if (!wm_page_store_ok(h, rc, &err))
		in = NULL;
	wm_buf_release(&text);
	wm_buf_release(&err);
	return in;
}

/* POST /api/v1/plans {"template": "URL|VERSION"}: a new plan of the
 * template's kind; 409 with the plan's id when the person has one. */
void
wm_api_plan_start(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	const struct wm_instrument *in;
	int64_t person = wm_page_own_person(h), id = 0;
	json_t *body = NULL;
	const char *ref;
	int rc;

	if (!person || !(body = wm_api_body(h)) ||
	    wm_api_string(h, body, "template", 1, &ref) ||
	    !(in = template_named(h, ref)))
		goto out;
	rc = wm_store_plan_add(h->store, person, in->family, &id, &err);
	if (rc == WM_STORE_EXISTS)
		wm_api_reply(h, 409, json_pack("{s:{s:i, s:s, s:s}, s:I}",
		    "error", "status", 409, "message", "template: you have a "
		    "plan of this kind already: its id is given", "field",
		    "template", "id", (json_int_t)id));
	else if (wm_page_store_ok(h, rc, &err) &&
	    wm_plan_audit(h, person, "started a plan (API)", id) == 0)
		wm_api_reply(h, 201, json_pack("{s:I}", "id", (json_int_t)id));
out:
	json_decref(body);
	wm_buf_release(&err);
}

/* ------------------------------------------------------------------ */
/* Reading one                                                         */

struct stored {
	struct wm_buf text;
	int64_t n;
};

static int
stored_row(void *ctx, const struct wm_plan_version_row *row)
{
	struct stored *s = ctx;

	s->n = row->n;
	wm_buf_puts(&s->text, row->content);
	return 0;
}

/* GET /api/v1/plans/{plan}: the latest finished version as it was kept;
 * its owner gets their draft while nothing is finished. */
void
wm_api_plan(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	struct stored s = { WM_BUF_INIT, 0 };
	int owner = h->scope.plan_reader == WM_PLAN_OWNER;
	int rc = WM_STORE_NOT_FOUND;

	wm_buf_init(&s.text, WM_RESPONSE_MAX_BYTES);
	if (h->scope.plan_id && h->scope.rule == WM_RULE_PLAN_READER)
		rc = wm_store_plan_version(h->store, h->scope.plan_id, -1,
		    stored_row, &s, &err);
	if (rc == WM_STORE_NOT_FOUND && owner)
		rc = wm_store_plan_version(h->store, h->scope.plan_id, 0,
		    stored_row, &s, &err);
	if (rc == 0 && s.text.failed) {
		wm_buf_puts(&err, "a plan's version is too large to send");
		rc = WM_STORE_ERROR;
	}
	if (rc == WM_STORE_NOT_FOUND)
		wm_page_not_found(h);
	else if (wm_page_store_ok(h, rc, &err) && wm_plan_seen(h, s.n,
	    NULL) == 0)
		wm_api_reply_stored(h, 200, s.text.data, s.text.len,
		    "application/fhir+json; charset=utf-8");
	wm_buf_release(&s.text);
	wm_buf_release(&err);
}

/* ------------------------------------------------------------------ */
/* Writing one                                                         */

/* As wm_api_refuse, but where the JSON could not be read, only where:
 * the parser's own words may quote the plan. */
static void
refuse_plan(struct wm_http *h, const struct wm_diags *d)
{
	char msg[120];

	if (d->n && d->v[0].line) {
		snprintf(msg, sizeof(msg), "line %d, column %d: the body is not "
		    "valid JSON", d->v[0].line, d->v[0].column);
		wm_api_error(h, 400, msg, NULL);
	} else
		wm_api_refuse(h, d);
}

/* The body must be the owner writing their own plan, now, on the
 * plan's current template; 0, else -1 with a 400 answered. */
static int
check_owner(struct wm_http *h, const struct wm_plan_row *p,
    struct wm_response *r)
{
	struct wm_date yesterday;
	size_t i, given = 0;

	wm_date_from_days((long)(h->now / 86400) - 1, &yesterday);
	if (r->subject.kind != WM_SUBJECT_PERSON ||
	    strcmp(r->subject.id, p->person_ident) != 0) {
		wm_api_error(h, 400, "subject: must be you, the plan's owner "
		    "(Patient/ and your identifier, from GET /api/v1/session)",
		    "subject");
		return -1;
	}
	if (r->author.id && (r->author.kind != r->subject.kind ||
	    strcmp(r->author.id, r->subject.id) != 0)) {
		wm_api_error(h, 400, "author: a plan is written by its owner",
		    "author");
		return -1;
	}
	if (r->respondent != WM_RESPONDENT_PERSON) {
		wm_api_error(h, 400, "extension respondent: must be 'person' "
		    "here", "extension respondent");
		return -1;
	}
	if (r->unit) {
		wm_api_error(h, 400, "extension unit: a plan belongs to its "
		    "owner, not to a service; leave it out", "extension unit");
		return -1;
	}
	if (wm_date_cmp(&r->authored, &yesterday) < 0) {
		wm_api_error(h, 400, "authored: the API keeps a plan written "
		    "now: today's date", "authored");
		return -1;
	}
	for (i = 0; i < r->in->n_items; i++)
		given += r->answers[i].given != 0;
	if (!given) {
		wm_api_error(h, 400, "item: write something in your plan "
		    "before you save it", "item");
		return -1;
	}
	r->author = r->subject;
	return 0;
}

/* PUT /api/v1/plans/{plan} with a QuestionnaireResponse: completed, a
 * new finished version (201); in-progress, the draft (200). */
void
wm_api_plan_write(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_diags d = WM_DIAGS_INIT;
	const struct wm_instrument *in;
	struct wm_response *r = NULL;
	struct wm_plan_row p;
	struct wm_plan_names names;
	struct wm_date today;
	char msg[700];
	int64_t template, n;

	if (wm_plan_named(h, &p, &names))
		goto out;
	if (!wm_page_store_ok(h, wm_plan_template_latest(h->store, p.family,
	    &template, &in, &err), &err))
		goto out;
	if (!in) {
		wm_api_error(h, 500, "the form for this plan is not loaded",
		    NULL);
		goto out;
	}
	if (wm_response_parse(h->body ? h->body : "", h->body_len, &r, &d)) {
		refuse_plan(h, &d);
		goto out;
	}
	if (strcmp(r->url, in->url) != 0 ||
	    strcmp(r->version, in->version) != 0) {
		snprintf(msg, sizeof(msg), "questionnaire: must be this plan's "
		    "template, %s|%s", in->url, in->version);
		wm_api_error(h, 400, msg, "questionnaire");
		goto out;
	}
	wm_date_from_days((long)(h->now / 86400), &today);
	if (wm_response_bind(r, in, &today, &d)) {
		refuse_plan(h, &d);
		goto out;
	}
	if (check_owner(h, &p, r))
		goto out;
	if (wm_page_store_ok(h, wm_plan_doc_save(h->store, p.id, template, r,
	    h->who.account_id, NULL, &n, &err), &err) && wm_plan_audit(h,
	    p.person_id, n ? "finished a version of a plan (API)" :
	    "saved a plan part-way (API)", p.id) == 0)
		wm_api_reply(h, n ? 201 : 200, json_pack("{s:I, s:s}",
		    "version", (json_int_t)n, "status",
		    wm_response_status_name(r->status)));
out:
	wm_response_free(r);
	wm_diags_release(&d);
	wm_buf_release(&err);
}
