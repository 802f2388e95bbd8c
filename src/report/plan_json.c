/*
 * Plans kept as FHIR QuestionnaireResponses (report/plan.h): each
 * version is stored exactly as it leaves Waymark, so the API, the record
 * download and the page all read the one text, and a version read back
 * is checked by core against its template as any response is.
 */
#include "report/plan.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct version {
	struct wm_plan_doc *d;
	struct wm_buf content;
};

static int
version_row(void *ctx, const struct wm_plan_version_row *row)
{
	struct version *v = ctx;

	v->d->plan_id = row->plan_id;
	v->d->n = row->n;
	v->d->instrument_id = row->instrument_id;
	v->d->together = row->respondent &&
	    strcmp(row->respondent, "person-with-practitioner") == 0;
	v->d->author_account_id = row->author_account_id;
	wm_buf_puts(&v->d->author_name, row->author_name ? row->author_name :
	    "");
	snprintf(v->d->agreed, sizeof(v->d->agreed), "%s", row->agreed ?
	    row->agreed : "");
	snprintf(v->d->saved, sizeof(v->d->saved), "%s", row->saved);
	wm_buf_puts(&v->content, row->content);
	return 0;
}

int
wm_plan_doc_load(struct wm_store *s, int64_t plan_id, int64_t n,
    struct wm_plan_doc *d, struct wm_buf *err)
{
	/* Checked when it was saved; read back, only its shape matters. */
	static const struct wm_date any_day = { 2999, 12, 31 };
	struct wm_diags diags = WM_DIAGS_INIT;
	struct version v = { d, WM_BUF_INIT };
	int rc;

	wm_buf_init(&v.content, WM_RESPONSE_MAX_BYTES);
	if ((rc = wm_store_plan_version(s, plan_id, n, version_row, &v, err)))
		goto out;
	if ((rc = wm_store_instrument_parsed(s, d->instrument_id, &d->in,
	    err)))
		goto out;
	if (v.content.failed || wm_response_parse(v.content.data,
	    v.content.len, &d->r, &diags) || wm_response_bind(d->r, d->in,
	    &any_day, &diags)) {
		wm_buf_clear(err);
		wm_buf_printf(err, "plan %lld version %lld cannot be read back",
		    (long long)plan_id, (long long)d->n);
		rc = WM_STORE_ERROR;
	}
out:
	wm_diags_release(&diags);
	wm_buf_release(&v.content);
	return rc;
}

void
wm_plan_doc_release(struct wm_plan_doc *d)
{
	wm_response_free(d->r);
	wm_buf_release(&d->author_name);
	memset(d, 0, sizeof(*d));
}

static int
save_doc(struct wm_store *s, int64_t plan_id, int64_t instrument_id,
    const struct wm_response *r, int64_t author_account_id,
    const char *agreed, int keep_draft, int64_t *n, struct wm_buf *err)
{
	json_t *fhir = wm_response_to_fhir(r);
	char *text = fhir ? json_dumps(fhir, JSON_COMPACT) : NULL;
	struct wm_plan_save v = {
		.finished = r->status == WM_STATUS_COMPLETED,
		.instrument_id = instrument_id,
		.content = text,
		.respondent = wm_respondent_name(r->respondent),
		.author_account_id = author_account_id,
		.agreed = agreed,
		.keep_draft = keep_draft,
	};
	int rc;

	if (!text)
		rc = wm_store_out_of_memory(err);
	else
		rc = wm_store_plan_save(s, plan_id, &v, n, err);
	free(text);
	json_decref(fhir);
	return rc;
}

int
wm_plan_doc_save(struct wm_store *s, int64_t plan_id, int64_t instrument_id,
    const struct wm_response *r, int64_t author_account_id,
    const char *agreed, int64_t *n, struct wm_buf *err)
{
	return save_doc(s, plan_id, instrument_id, r, author_account_id,
	    agreed, r->respondent == WM_RESPONDENT_WITH_PRACTITIONER, n, err);
}

int
wm_plan_suggest_save(struct wm_store *s, int64_t plan_id, int64_t base,
    int64_t instrument_id, const struct wm_response *r, int64_t account_id,
    const char *note, const char *agreed, int64_t *id, struct wm_buf *err)
{
	json_t *fhir = wm_response_to_fhir(r);
	char *text = fhir ? json_dumps(fhir, JSON_COMPACT) : NULL;
	int rc;

	if (!text)
		rc = wm_store_out_of_memory(err);
	else
		rc = wm_store_plan_suggest(s, plan_id, base, instrument_id,
		    account_id, text, note, r->respondent ==
		    WM_RESPONDENT_WITH_PRACTITIONER, agreed, id, err);
	free(text);
	json_decref(fhir);
	return rc;
}

struct suggested {
	struct wm_plan_suggestion *sg;
	struct wm_buf content;
};

static int
suggestion_row(void *ctx, const struct wm_plan_suggestion_row *row)
{
	struct suggested *x = ctx;

	x->sg->doc.plan_id = row->plan_id;
	x->sg->doc.n = row->base;
	x->sg->doc.instrument_id = row->instrument_id;
	wm_buf_puts(&x->sg->by, row->by_name);
	wm_buf_puts(&x->sg->note, row->note ? row->note : "");
	snprintf(x->sg->made, sizeof(x->sg->made), "%s", row->made);
	x->sg->decided = row->decided != NULL;
	x->sg->accepted = row->accepted;
	x->sg->doc.together = row->together;
	x->sg->doc.author_account_id = row->by_account;
	snprintf(x->sg->doc.agreed, sizeof(x->sg->doc.agreed), "%s",
	    row->agreed ? row->agreed : "");
	wm_buf_puts(&x->content, row->content);
	return 0;
}

int
wm_plan_suggestion_load(struct wm_store *s, int64_t plan_id, int64_t id,
    struct wm_plan_suggestion *sg, struct wm_buf *err)
{
	static const struct wm_date any_day = { 2999, 12, 31 };
	struct wm_diags diags = WM_DIAGS_INIT;
	struct suggested x = { sg, WM_BUF_INIT };
	int rc;

	wm_buf_init(&x.content, WM_RESPONSE_MAX_BYTES);
	if ((rc = wm_store_plan_suggestion(s, plan_id, id, suggestion_row, &x,
	    err)) || (rc = wm_store_instrument_parsed(s,
	    sg->doc.instrument_id, &sg->doc.in, err)))
		goto out;
	if (x.content.failed || wm_response_parse(x.content.data,
	    x.content.len, &sg->doc.r, &diags) || wm_response_bind(sg->doc.r,
	    sg->doc.in, &any_day, &diags)) {
		wm_buf_clear(err);
		wm_buf_printf(err, "suggestion %lld cannot be read back",
		    (long long)id);
		rc = WM_STORE_ERROR;
	}
out:
	wm_diags_release(&diags);
	wm_buf_release(&x.content);
	return rc;
}

void
wm_plan_suggestion_release(struct wm_plan_suggestion *sg)
{
	wm_plan_doc_release(&sg->doc);
	wm_buf_release(&sg->by);
	wm_buf_release(&sg->note);
}

int
wm_plan_suggestion_decide(struct wm_store *s, int64_t plan_id, int64_t id,
    int accept, int64_t author_account_id, const struct wm_date *today,
    int64_t *n, struct wm_buf *err)
{
	struct wm_plan_suggestion sg = WM_PLAN_SUGGESTION_INIT;
	int rc;

	*n = 0;
	if (wm_store_begin(s, err))
		return WM_STORE_ERROR;
	rc = wm_store_plan_suggestion_decide(s, plan_id, id, accept, err);
	if (rc == 0 && accept)
		rc = wm_plan_suggestion_load(s, plan_id, id, &sg, err);
	if (rc == 0 && accept) {
		/* Accepted, the words are the person's own; a version
		 * written together stays one, with its practitioner. */
		sg.doc.r->respondent = sg.doc.together ?
		    WM_RESPONDENT_WITH_PRACTITIONER : WM_RESPONDENT_PERSON;
		sg.doc.r->status = WM_STATUS_COMPLETED;
		sg.doc.r->authored = *today;
		/* What they had saved part-way of their own stays. */
		rc = save_doc(s, plan_id, sg.doc.instrument_id, sg.doc.r,
		    sg.doc.together ? sg.doc.author_account_id :
		    author_account_id, sg.doc.together && sg.doc.agreed[0] ?
		    sg.doc.agreed : NULL, 1, n, err);
	}
	if (rc == 0)
		rc = wm_store_commit(s, err);
	else
		wm_store_rollback(s);
	wm_plan_suggestion_release(&sg);
	return rc;
}

struct templates {
	struct wm_store *s;
	const char *family;
	int (*cb)(void *, int64_t, const struct wm_instrument *);
	void *ctx;
	struct wm_buf *err;
	int rc;
};

static int
template_row(void *ctx, const struct wm_instrument_row *row)
{
	struct templates *t = ctx;
	const struct wm_instrument *in;

	if (!row->family || (t->family && strcmp(row->family, t->family) != 0))
		return 0;
	if ((t->rc = wm_store_instrument_parsed(t->s, row->id, &in, t->err)))
		return -1;
	return in->kind == WM_KIND_PLAN ? t->cb(t->ctx, row->id, in) : 0;
}

int
wm_plan_templates(struct wm_store *s, const char *family,
    int (*cb)(void *, int64_t, const struct wm_instrument *), void *ctx,
    struct wm_buf *err)
{
	struct templates t = { s, family, cb, ctx, err, 0 };
	int rc = wm_store_instrument_latest(s, template_row, &t, err);

	return t.rc ? t.rc : rc;
}

/* ------------------------------------------------------------------ */
/* The person's record                                                 */

struct record {
	struct wm_store *s;
	json_t *plans;		/* the list being built */
	json_t *plan;		/* the plan whose parts are being read */
	struct wm_buf *err;
	int rc;
};

static int
record_version(void *ctx, const struct wm_plan_version_row *v)
{
	struct record *r = ctx;
	json_error_t e;
	json_t *qr = json_loads(v->content, 0, &e), *o;

	o = json_pack("{s:I, s:s, s:s, s:o*}", "version", (json_int_t)v->n,
	    "saved", v->saved, "written", v->respondent, "fhir", qr);
	if (!o)
		return -1;
	if (v->author_name && strcmp(v->respondent, "person") != 0)
		json_object_set_new(o, "together_with",
		    json_string(v->author_name));
	if (v->agreed)
		json_object_set_new(o, "agreed", json_string(v->agreed));
	return json_array_append_new(json_object_get(r->plan, "versions"), o);
}

static int
record_share(void *ctx, const struct wm_plan_share_row *sh)
{
	struct record *r = ctx;
	json_t *o = json_pack("{s:s, s:s*, s:s*}", "shared", sh->created,
	    "until", sh->until, "stopped", sh->stopped);

	if (!o)
		return -1;
	if (sh->unit_id)
		json_object_set_new(o, "care_team_of", json_string(
		    sh->unit_name));
	else
		json_object_set_new(o, "with", json_pack("{s:s, s:s, s:b}",
		    "name", sh->account_name, "email", sh->account_email,
		    "supporter", sh->supporter));
	return json_array_append_new(json_object_get(r->plan, "shares"), o);
}

static int
record_view(void *ctx, const struct wm_plan_view_row *v)
{
	struct record *r = ctx;
	json_t *o = json_pack("{s:s, s:s, s:I, s:s, s:s*, s:s*, s:b, s:s*}",
	    "when", v->at, "who", v->account_name, "version", (json_int_t)v->n,
	    "how", v->how, "role", v->role, "service", v->unit_name,
	    "supporter", v->supporter, "reason", v->reason);

	return !o || json_array_append_new(json_object_get(r->plan, "views"),
	    o) ? -1 : 0;
}

static int
record_plan(void *ctx, const struct wm_plan_row *p)
{
	struct record *r = ctx;
	int64_t n;

	r->plan = json_pack("{s:s, s:s, s:b, s:[], s:[], s:[]}", "plan",
	    p->family, "started", p->created, "crisis_access",
	    p->crisis_access, "versions", "shares", "views");
	if (!r->plan || json_array_append_new(r->plans, r->plan))
		return -1;
	/* The draft first, then each finished version, newest first. */
	r->rc = wm_store_plan_version(r->s, p->id, 0, record_version, r,
	    r->err);
	if (r->rc == WM_STORE_NOT_FOUND)
		r->rc = 0;
	for (n = p->latest; r->rc == 0 && n > 0; n--)
		r->rc = wm_store_plan_version(r->s, p->id, n, record_version,
		    r, r->err);
	if (r->rc == 0)
		r->rc = wm_store_plan_shares(r->s, p->id, NULL, record_share, r,
		    r->err);
	if (r->rc == 0)
		r->rc = wm_store_plan_views(r->s, p->person_id, p->id,
		    1000000, record_view, r, r->err);
	return r->rc ? -1 : 0;
}

int
wm_plan_record_json(struct wm_store *s, int64_t person_id, json_t **out,
    struct wm_buf *err)
{
	struct record r = { s, json_array(), NULL, err, 0 };
	int rc;

	*out = NULL;
	if (!r.plans)
		return wm_store_out_of_memory(err);
	rc = wm_store_plans(s, person_id, record_plan, &r, err);
	if (r.rc)
		rc = r.rc;
	if (rc)
		json_decref(r.plans);
	else
		*out = r.plans;
	return rc;
}

struct latest {
	int64_t *id;
	const struct wm_instrument **in;
};

static int
latest_row(void *ctx, int64_t id, const struct wm_instrument *in)
{
	struct latest *l = ctx;

	*l->id = id;
	*l->in = in;
	return 1;
}

int
wm_plan_template_latest(struct wm_store *s, const char *family, int64_t *id,
    const struct wm_instrument **in, struct wm_buf *err)
{
	struct latest l = { id, in };

	*id = 0;
	*in = NULL;
	return wm_plan_templates(s, family, latest_row, &l, err);
}
