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

int
wm_plan_doc_save(struct wm_store *s, int64_t plan_id, int64_t instrument_id,
    const struct wm_response *r, int64_t author_account_id,
    const char *agreed, int64_t *n, struct wm_buf *err)
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
	};
	int rc;

	if (!text) {
		wm_buf_clear(err);
		wm_buf_puts(err, "out of memory writing the plan");
		rc = WM_STORE_ERROR;
	} else {
		rc = wm_store_plan_save(s, plan_id, &v, n, err);
	}
	free(text);
	json_decref(fhir);
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
