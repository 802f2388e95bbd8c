/*
 * The lead's self-assessment form for a period: the first submission
 * (which can be saved part-way and finished later), an amendment of the
 * whole (a new version, with a reason), or the amendment of the one
 * standard a reopening named (the others carried over from the latest
 * version). A submitted version is never changed: each save here that
 * finishes adds the next version, in the same transaction as the
 * response and its audit entry.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/response.h"
#include "core/training.h"
#include "util/escape.h"
#include "web/form_items.h"
#include "web/layout.h"
#include "web/standards.h"

struct edit {
	struct wm_sa a;
	const struct wm_instrument *in;
	int64_t inst;
	int64_t latest;		/* the latest version's response, or 0 */
	int64_t latest_inst;
	int64_t reopen;		/* the reopening being answered, or 0 */
	int standard;		/* its standard */
	size_t from, to;	/* the items being answered */
	int built_on;		/* the versions there were when the form
				 * was made, which it carries */
};

static int
latest_version(void *ctx, const struct wm_assessment_version_row *v)
{
	struct edit *e = ctx;

	e->latest = v->response_id;
	e->latest_inst = v->instrument_id;
	return 0;
}

static int
pending_reopen(void *ctx, const struct wm_standard_query_row *q)
{
	struct edit *e = ctx;

	if (q->id == e->reopen && wm_reopening_pending(q->kind,
	    q->answered_by))
		e->standard = q->standard;
	return 0;
}

/* The service, period, instrument and what is being answered; -1 with
 * the page written when there is nothing to answer here. */
static int
edit_open(struct wm_http *h, struct edit *e)
{
	const char *r = wm_http_query(h, "reopen");
	struct wm_buf err = WM_BUF_INIT;
	char *end = NULL;
	int rc = -1;

	if (wm_sa_open(h, &e->a))
		goto out;
	if (!(e->in = wm_standards_instrument(h, WM_RESPONDENT_LEAD,
	    &e->inst))) {
		wm_page_not_found(h);
		goto out;
	}
	if (e->a.id)
		wm_page_store_ok(h, wm_store_assessment_versions(h->store,
		    e->a.id, latest_version, e, &err), &err);
	e->from = 0;
	e->to = e->in->n_items;
	if (r) {
		e->reopen = strtoll(r, &end, 10);
		if (*end || e->reopen <= 0 || !e->a.id || !e->latest)
			e->reopen = 0;
		else
			wm_page_store_ok(h, wm_store_standard_queries(h->store,
			    e->a.id, pending_reopen, e, &err), &err);
		if (!wm_reopen_range(e->in, e->inst, e->latest_inst,
		    e->standard, &e->from, &e->to)) {
			wm_page_not_found(h);
			goto out;
		}
	} else if (!wm_assessment_editable(e->a.current, e->a.versions)) {
		wm_page_not_found(h);
		goto out;
	}
	e->built_on = e->a.versions;
	rc = 0;
out:
	wm_buf_release(&err);
	return rc;
}

/* The versions there were when the form being sent was made: the form
 * carries them, so a version submitted meanwhile (in another tab, or by
 * another lead) is found, not silently undone. -1 if the form does not
 * say, or says nonsense. */
static int
sent_built_on(struct wm_http *h)
{
	const char *v = wm_form_get(&h->form, "built_on");
	char *end = NULL;
	long n;

	if (!v || *v < '0' || *v > '9')
		return -1;
	n = strtol(v, &end, 10);
	return *end || n < 0 || n > 1000000 ? -1 : (int)n;
}

static void
edit_release(struct edit *e)
{
	wm_sa_release(&e->a);
}

/* Standard 1 asks that all staff know the recovery approach: the
 * service's training records are evidence the lead can use, so they are
 * shown beside it. */
static void
training_evidence(struct wm_http *h, const struct edit *e)
{
	const struct wm_catalogue *courses = h->site->courses;
	struct wm_buf href = WM_BUF_INIT;
	struct wm_coverage *cv;
	int64_t staff = 0;
	size_t i;

	if (!courses || !courses->n_concepts ||
	    !(cv = calloc(courses->n_concepts, sizeof(*cv))))
		return;
	if (wm_service_coverage(h, e->a.svc.id, cv, &staff) == 0 && staff) {
		HTML(h, "<div class=\"nhsuk-inset-text\">\n<h3 class=\""
		    "nhsuk-heading-xs\">From the service's training records</h3>"
		    "\n<ul class=\"nhsuk-list\">\n");
		for (i = 0; i < courses->n_concepts; i++) {
			char line[96];

			snprintf(line, sizeof(line), ": %lld of %lld staff",
			    (long long)cv[i].done, (long long)staff);
			HTML(h, "<li>");
			wm_esc_html_s(&h->out, cv[i].course->display);
			wm_esc_html_s(&h->out, line);
			HTML(h, "</li>\n");
		}
		wm_service_href(&href, &e->a.svc, "/training");
		HTML(h, "</ul>\n<p class=\"nhsuk-body-s\"><a href=\"");
		wm_esc_attr_s(&h->out, wm_buf_str(&href));
		HTML(h, "\">Recovery training in full</a></p>\n</div>\n");
	}
	free(cv);
	wm_buf_release(&href);
}

/* The form's fields, with the training records inside standard 1. */
static void
fields(struct wm_http *h, const struct edit *e, const struct wm_diags *d,
    const struct wm_response *prefill)
{
	size_t from, to;

	if (wm_standard_items(e->in, 1, &from, &to) || to <= e->from ||
	    to > e->to) {
		wm_items_fields(h, e->in, e->from, e->to, d, prefill);
		return;
	}
	wm_items_fields(h, e->in, e->from, to, d, prefill);
	training_evidence(h, e);
	wm_items_fields(h, e->in, to, e->to, d, prefill);
}

static void
form(struct wm_http *h, const struct edit *e, const struct wm_diags *d,
    const char *reason_problem, const struct wm_response *prefill)
{
	struct wm_buf action = WM_BUF_INIT;
	char title[128], built[16];

	if (e->standard)
		snprintf(title, sizeof(title), "Amend standard %d: %s",
		    e->standard, e->a.name);
	else if (e->a.versions)
		snprintf(title, sizeof(title), "Amend the self-assessment: %s",
		    e->a.name);
	else
		snprintf(title, sizeof(title), "Self-assessment: %s",
		    e->a.name);
	wm_page_start_back(h, title, wm_buf_str(&e->a.base),
	    "Back to the standards");
	if (reason_problem)
		wm_error_summary(h, "reason", reason_problem);
	wm_items_error_summary(h, e->in, d);
	HTML(h, "<p class=\"nhsuk-body\">");
	wm_esc_html_s(&h->out, wm_buf_str(&e->a.svc.name));
	if (e->standard)
		HTML(h, ". Only this standard changes; the others stay as "
		    "in the latest version.</p>\n");
	else
		HTML(h, ". For each standard: a traffic light, the evidence, "
		    "and for anything not green an action, who owns it and "
		    "when it is due.</p>\n");
	wm_buf_puts(&action, wm_buf_str(&e->a.base));
	wm_buf_puts(&action, "/edit");
	if (e->reopen)
		wm_buf_printf(&action, "?reopen=%lld", (long long)e->reopen);
	wm_post_form_start(h, wm_buf_str(&action));
	wm_buf_release(&action);
	snprintf(built, sizeof(built), "%d", e->built_on);
	HTML(h, "<input type=\"hidden\" name=\"built_on\" value=\"");
	wm_esc_attr_s(&h->out, built);
	HTML(h, "\">\n");
	fields(h, e, d, prefill);
	if (e->a.versions) {
		const char *typed = wm_form_get(&h->form, "reason");

		HTML(h, "<div class=\"nhsuk-form-group");
		if (reason_problem)
			HTML(h, " nhsuk-form-group--error");
		HTML(h, "\">\n<label class=\"nhsuk-label nhsuk-label--s\" for=\""
		    "reason\">Reason for amending</label>\n<div class=\""
		    "nhsuk-hint\" id=\"reason-hint\">Both versions are kept; "
		    "validators and commissioners see why it changed.</div>\n");
		if (reason_problem) {
			HTML(h, "<span class=\"nhsuk-error-message\" id=\""
			    "reason-error\"><span class=\"nhsuk-u-visually-"
			    "hidden\">Error:</span> ");
			wm_esc_html_s(&h->out, reason_problem);
			HTML(h, "</span>\n");
		}
		HTML(h, "<textarea class=\"nhsuk-textarea\" id=\"reason\" "
		    "name=\"reason\" rows=\"3\" aria-describedby=\"reason-hint\">");
		wm_esc_html_s(&h->out, typed ? typed : "");
		HTML(h, "</textarea>\n</div>\n<button class=\"nhsuk-button\" "
		    "type=\"submit\" name=\"save\" value=\"done\">Submit the "
		    "amendment</button>\n</form>\n");
	} else {
		HTML(h, "<div class=\"nhsuk-button-group\">\n<button class=\""
		    "nhsuk-button\" type=\"submit\" name=\"save\" value=\"done\">"
		    "Submit the self-assessment</button>\n<button class=\""
		    "nhsuk-button nhsuk-button--secondary\" type=\"submit\" "
		    "name=\"save\" value=\"later\">Save and come back later"
		    "</button>\n</div>\n</form>\n");
	}
	wm_items_attribution(h, e->in);
	wm_page_end(h);
}

void
wm_page_standards_edit(struct wm_http *h)
{
	struct edit e = { .a = WM_SA_INIT };
	struct wm_response *prefill = NULL;
	int rc = 0;

	if (edit_open(h, &e))
		goto out;
	if (!e.a.versions) {
		rc = wm_sa_draft(h, &e.a, e.in, e.inst, &prefill);
	} else if (e.latest_inst == e.inst) {
		rc = wm_items_load(h, e.in, e.latest, &prefill);
	}
	if (rc)
		wm_page_error(h, 500, "Sorry, there is a problem",
		    "The answers saved earlier could not be shown. Try again.");
	else
		form(h, &e, NULL, NULL, prefill);
out:
	wm_response_free(prefill);
	edit_release(&e);
}

/* The answers to save: for one reopened standard, the latest version's
 * with that standard's replaced by the form's; else the form's. */
static struct wm_response *
answers(struct wm_http *h, struct edit *e, struct wm_diags *d)
{
	struct wm_response *r = NULL;

	if (e->reopen) {
		if (wm_items_load(h, e->in, e->latest, &r))
			return NULL;
		wm_reopen_carry_over(r, e->from, e->to);
	} else if (!(r = wm_response_new(e->in))) {
		return NULL;
	}
	wm_items_fill(h, r, e->from, e->to, d);
	return r;
}

/* The audit log's words for a save. */
static const char *
action(const struct edit *e, const struct wm_response *r)
{
	if (r->status == WM_STATUS_IN_PROGRESS)
		return "standards self-assessment saved to finish later";
	if (!e->a.versions)
		return "standards self-assessment submitted";
	return e->reopen ? "standards self-assessment amended (one standard "
	    "reopened)" : "standards self-assessment amended";
}

/* Saves a checked response: part-way as a draft, else as the next
 * version, built on the versions the form was. */
static int
save(struct wm_http *h, struct edit *e, const struct wm_response *r,
    const char *reason, struct wm_buf *err)
{
	struct wm_response_ids ids = { .instrument_id = e->inst,
	    .subject_id = e->a.svc.id, .unit_id = e->a.svc.id,
	    .author_id = h->who.account_id };
	const struct wm_recorder by = { h->who.account_id, h->address,
	    action(e, r), 1 };
	struct wm_assessment_submission sub = { e->a.period, e->a.period_end,
	    e->built_on, e->built_on ? reason : NULL, e->standard,
	    e->reopen, 0, 0 };
	/* Part-way, a draft; else filed as the next version. */
	const struct wm_record job = { r, &ids, &by,
	    r->status == WM_STATUS_IN_PROGRESS ? NULL : &sub, NULL };
	int64_t rid;

	return wm_http_record(h, &job, &rid, err);
}

void
wm_page_standards_save(struct wm_http *h)
{
	const char *how = wm_form_get(&h->form, "save");
	const char *reason = wm_form_get(&h->form, "reason");
	const char *reason_problem;
	struct wm_diags d = WM_DIAGS_INIT;
	struct edit e = { .a = WM_SA_INIT };
	struct wm_response *r = NULL;
	struct wm_buf err = WM_BUF_INIT;
	int rc;

	if (edit_open(h, &e))
		goto out;
	if ((e.built_on = sent_built_on(h)) < 0) {
		wm_page_error(h, 400, "This form has expired",
		    "Nothing was saved. Go back to the standards, open the "
		    "self-assessment again and make your changes there.");
		goto out;
	}
	if (!(r = answers(h, &e, &d))) {
		wm_page_error(h, 500, "Sorry, there is a problem",
		    "Nothing was saved. Try again.");
		goto out;
	}
	r->status = wm_assessment_status(e.a.versions, how &&
	    strcmp(how, "later") == 0);
	r->subject.kind = WM_SUBJECT_SERVICE;
	r->subject.id = e.a.svc.code;
	r->author.kind = WM_SUBJECT_STAFF;
	r->author.id = "me";
	r->respondent = WM_RESPONDENT_LEAD;
	wm_sa_authored(h, &e.a, &r->authored);
	reason_problem = wm_amendment_problem(e.built_on, reason);
	if (d.n == 0)
		wm_response_check(r, &r->authored, &d);
	if (d.n || reason_problem) {
		h->status = 400;
		form(h, &e, &d, reason_problem, NULL);
		goto out;
	}
	rc = save(h, &e, r, reason, &err);
	if (rc == WM_STORE_EXISTS || rc == WM_STORE_CONFLICT)
		wm_page_error(h, 409, "The self-assessment changed meanwhile",
		    "Someone submitted a version while you were working on "
		    "this one, so yours was not saved. Go back to the "
		    "standards to see the latest version, then amend it.");
	else if (rc == WM_STORE_NOT_FOUND)
		wm_page_error(h, 403, "The self-assessment could not be saved",
		    "You do not hold the service lead role for this service.");
	else if (rc)
		wm_page_store_error(h, rc, wm_buf_str(&err));
	else
		wm_http_redirect(h, wm_buf_str(&e.a.base));
out:
	wm_response_free(r);
	wm_diags_release(&d);
	wm_buf_release(&err);
	edit_release(&e);
}
