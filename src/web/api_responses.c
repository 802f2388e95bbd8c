/*
 * The JSON API's forms and responses: the instruments the signed-in
 * account answers, a person's responses (their own, or audited for their
 * practitioner), and recording a FHIR QuestionnaireResponse through the
 * same checks and the same path as the web forms.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/record_json.h"
#include "web/answerer.h"
#include "web/api.h"
#include "web/layout.h"

struct forms {
	struct wm_http *h;
	struct wm_answerer a;
	json_t *list;
};

static int
form_row(void *ctx, const struct wm_instrument_row *row)
{
	struct forms *f = ctx;
	const struct wm_instrument *in = wm_page_instrument(f->h, row->id);
	int rc = 0;

	if (in && wm_answerable(in, &f->a) && json_array_append_new(f->list,
	    json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)row->id,
	    "url", row->url, "version", row->version, "title", in->title)))
		rc = -1;
	return rc;
}

void
wm_api_instruments(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	struct forms f = { h, { 0 }, json_array() };

	if (!wm_answerer_of(h, &f.a))
		goto out;
	if (!f.list)
		wm_api_error(h, 500, "the forms could not be listed", NULL);
	else if (wm_page_store_ok(h, wm_store_instrument_list(h->store,
	    form_row, &f, &err), &err))
		wm_api_reply(h, 200, json_pack("{s:O}", "instruments", f.list));
out:
	json_decref(f.list);
	wm_buf_release(&err);
}

/* The Questionnaire itself, exactly as it was loaded. */
void
wm_api_instrument(struct wm_http *h)
{
	struct wm_buf text = WM_BUF_INIT, err = WM_BUF_INIT;
	const struct wm_instrument *in;
	struct wm_answerer a;
	json_t *q = NULL;
	int64_t id;

	if (!wm_answerer_of(h, &a) || !(in = wm_answerer_instrument(h, &a,
	    &id)))
		return;
	if (!wm_page_store_ok(h, wm_store_instrument_get_id(h->store, id,
	    &text, &err), &err) || !(q = json_loadb(text.data, text.len, 0,
	    NULL)))
		wm_api_error(h, 500, "the form could not be read", NULL);
	else
		wm_api_reply(h, 200, q);
	wm_buf_release(&text);
	wm_buf_release(&err);
}

static void
responses_of(struct wm_http *h, int64_t person, int drafts)
{
	struct wm_buf err = WM_BUF_INIT;
	json_t *list = json_array();

	if (!list)
		wm_api_error(h, 500, "the responses could not be read", NULL);
	else if (wm_page_store_ok(h, wm_store_answer_each(h->store, NULL, 0,
	    person, drafts, wm_answers_json_row, list, &err), &err))
		wm_api_reply(h, 200, json_pack("{s:O}", "responses", list));
	json_decref(list);
	wm_buf_release(&err);
}

void
wm_api_responses(struct wm_http *h)
{
	int64_t person = wm_api_whose(h);

	/* A person's drafts are theirs until finished. */
	if (person)
		responses_of(h, person,
		    !wm_route_param(&h->match, "person"));
}

/* 1 if `ref` names the answerer themselves. */
static int
is_answerer(struct wm_http *h, const struct wm_answerer *a,
    const struct wm_ref *ref)
{
	struct wm_buf err = WM_BUF_INIT;
	int64_t id = 0;
	int rc;

	if (ref->kind != a->kind || !ref->id)
		return 0;
	rc = a->kind == WM_SUBJECT_PERSON ?
	    wm_store_person_find(h->store, ref->id, &id, &err) :
	    wm_store_account_find(h->store, ref->id, &id, &err);
	if (rc != WM_STORE_NOT_FOUND)
		wm_page_store_ok(h, rc, &err);
	wm_buf_release(&err);
	return rc == 0 && id == a->id;
}

/* The body must describe the answerer the path and the session make:
 * the API cannot be used to answer as, or about, anyone else, nor to
 * count answers for another service or a past quarter (older answers are
 * imported with `waymark respond`). */
static int
check_who(struct wm_http *h, const struct wm_answerer *a,
    struct wm_response *r)
{
	struct wm_date yesterday;
	char msg[160];

	wm_date_from_days((long)(h->now / 86400) - 1, &yesterday);
	if (wm_date_cmp(&r->authored, &yesterday) < 0) {
		wm_api_error(h, 400, "authored: the API records answers given "
		    "now: today's date", "authored");
		return -1;
	}
	if (r->unit) {
		wm_api_error(h, 400, "extension unit: the service is the one "
		    "whose caseload the person is on; leave it out",
		    "extension unit");
		return -1;
	}

	if (r->respondent != a->respondent) {
		snprintf(msg, sizeof(msg), "extension respondent: must be '%s' "
		    "here", wm_respondent_name(a->respondent));
		wm_api_error(h, 400, msg, "extension respondent");
		return -1;
	}
	if (!is_answerer(h, a, &r->subject)) {
		wm_api_error(h, 400, a->respondent ==
		    WM_RESPONDENT_WITH_PRACTITIONER ? "subject: must be the "
		    "person in the path" : "subject: must be you (see GET "
		    "/api/v1/session)", "subject");
		return -1;
	}
	if (r->author.id && (r->author.kind != r->subject.kind ||
	    strcmp(r->author.id, r->subject.id) != 0)) {
		wm_api_error(h, 400, "author: the answers are the subject's own",
		    "author");
		return -1;
	}
	r->author = r->subject;
	return 0;
}

static json_t *
scores_json(const struct wm_response *r)
{
	json_t *list = json_array();
	size_t i;

	for (i = 0; list && r->status == WM_STATUS_COMPLETED &&
	    i < r->in->n_scales; i++) {
		const struct wm_score *v = &r->scores[i];
		json_t *o = json_pack("{s:s, s:i, s:i}", "scale",
		    r->in->scales[i].code, "answered", (int)v->answered,
		    "items", (int)v->items);

		if (o)
			json_object_set_new(o, "value", v->has_value ?
			    json_real(v->value) : json_null());
		if (!o || json_array_append_new(list, o)) {
			json_decref(list);
			return NULL;
		}
	}
	return list;
}

static void
record(struct wm_http *h, const struct wm_answerer *a, struct wm_response *r,
    int64_t inst)
{
	int64_t id;
	int rc = wm_answerer_record(h, a, r, inst, 1, &id);

	if (rc == WM_STORE_NOT_FOUND)
		wm_api_error(h, 409, "not saved: the person is not on a "
		    "service's caseload today", NULL);
	else if (rc)
		wm_api_error(h, 500, "not saved: try again", NULL);
	else
		wm_api_reply(h, 201, json_pack("{s:I, s:s, s:o*}", "id",
		    (json_int_t)id, "status", wm_response_status_name(r->status),
		    "scores", scores_json(r)));
}

void
wm_api_response_add(struct wm_http *h)
{
	struct wm_buf text = WM_BUF_INIT, err = WM_BUF_INIT;
	struct wm_diags d = WM_DIAGS_INIT;
	const struct wm_instrument *in = NULL;
	struct wm_response *r = NULL;
	struct wm_answerer a;
	struct wm_date today;
	int64_t inst;
	int rc;

	if (!wm_answerer_of(h, &a))
		return;
	if (wm_response_parse(h->body ? h->body : "", h->body_len, &r, &d)) {
		wm_api_refuse(h, &d);
		goto out;
	}
	rc = wm_store_instrument_get(h->store, r->url, r->version, &inst,
	    &text, &err);
	if (rc == 0 && wm_store_instrument_parsed(h->store, inst, &in, &err))
		rc = WM_STORE_ERROR;
	if (rc == WM_STORE_NOT_FOUND || (rc == 0 && !wm_answerable(in, &a))) {
		wm_api_error(h, 400, "questionnaire: not a form you answer "
		    "here (see GET /api/v1/instruments)", "questionnaire");
		goto out;
	}
	if (!wm_page_store_ok(h, rc, &err))
		goto out;
	wm_date_from_days((long)(h->now / 86400), &today);
	if (wm_response_bind(r, in, &today, &d))
		wm_api_refuse(h, &d);
	else if (check_who(h, &a, r) == 0)
		record(h, &a, r, inst);
out:
	wm_response_free(r);
	wm_diags_release(&d);
	wm_buf_release(&text);
	wm_buf_release(&err);
}
