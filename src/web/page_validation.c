/*
 * A validator's pages: the services and periods they were invited to
 * validate; for each, the standards' text and the service's evidence
 * with their own lights and comments to give, and only once those are
 * submitted the service's own lights beside everyone's (by group), and
 * a way to query a rating with a reason. Anything they were not invited
 * to is not found (404).
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/response.h"
#include "report/journey.h"
#include "util/escape.h"
#include "web/confirm.h"
#include "web/form_items.h"
#include "web/layout.h"
#include "web/standards.h"

static void
title(struct wm_http *h, const struct wm_invite *v)
{
	struct wm_buf t = WM_BUF_INIT;

	wm_buf_puts(&t, "Validate ");
	wm_buf_puts(&t, wm_buf_str(&v->unit_name));
	wm_buf_puts(&t, ": ");
	wm_buf_puts(&t, v->name);
	wm_page_start_back(h, wm_buf_str(&t), "/validations",
	    "Back to your validations");
	wm_buf_release(&t);
}

static int
listed(void *ctx, const struct wm_invited_row *row)
{
	struct wm_http *h = ctx;
	struct wm_date start, last;
	char href[48], name[64];

	if (wm_date_parse(row->period, &start) ||
	    wm_date_parse(row->period_end, &last))
		return 0;
	wm_period_name(&start, &last, name, sizeof(name));
	snprintf(href, sizeof(href), "/validations/%lld",
	    (long long)row->assessment_id);
	HTML(h, "<li><a href=\"");
	wm_esc_attr_s(&h->out, href);
	HTML(h, "\">");
	wm_esc_html_s(&h->out, row->unit_name);
	HTML(h, ", ");
	wm_esc_html_s(&h->out, name);
	HTML(h, "</a> ");
	if (row->response_id)
		HTML(h, "<strong class=\"nhsuk-tag nhsuk-tag--green\">Submitted"
		    "</strong>");
	else
		HTML(h, "<strong class=\"nhsuk-tag nhsuk-tag--yellow\">To do"
		    "</strong>");
	HTML(h, "</li>\n");
	return 0;
}

void
wm_page_validations(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	size_t before;

	wm_page_start(h, "Your validations");
	HTML(h, "<p class=\"nhsuk-body\">The services you were invited to "
	    "validate. You rate each of the 10 core standards yourself, from "
	    "the service's evidence; you see the service's own lights once "
	    "you have given yours.</p>\n<ul class=\"nhsuk-list\">\n");
	before = h->out.len;
	wm_page_store_ok(h, wm_store_account_invitations(h->store,
	    h->who.account_id, 0, listed, h, &err), &err);
	if (h->out.len == before)
		HTML(h, "<li>You have not been invited to validate a service "
		    "yet.</li>\n");
	HTML(h, "</ul>\n");
	wm_page_end(h);
	wm_buf_release(&err);
}

static void
evidence_text(void *ctx, const char *text)
{
	struct wm_http *h = ctx;

	HTML(h, "<p class=\"nhsuk-body\">");
	wm_esc_html_s(&h->out, text);
	HTML(h, "</p>\n");
}

static void
evidence(struct wm_http *h, const struct wm_response *lead, int n)
{
	HTML(h, "<div class=\"nhsuk-inset-text\">\n<h3 class=\"nhsuk-heading-"
	    "xs\">The service's evidence</h3>\n");
	if (!wm_standard_evidence(lead, n, evidence_text, h))
		HTML(h, "<p class=\"nhsuk-body\">None given.</p>\n");
	HTML(h, "</div>\n");
}

static void
rating_form(struct wm_http *h, const struct wm_invite *v,
    const struct wm_instrument *in, const struct wm_diags *d)
{
	const struct wm_instrument *lin = NULL;
	struct wm_response *lead = NULL;
	int n, failed = wm_sa_latest(h, v->assessment, &lin, &lead);

	title(h, v);
	wm_items_error_summary(h, in, d);
	HTML(h, "<p class=\"nhsuk-body\">Rate each standard yourself, from "
	    "what you know of the service and its evidence. You will see the "
	    "service's own lights, and the other validators' by group, once "
	    "you have submitted yours.</p>\n");
	if (failed)
		HTML(h, "<p class=\"nhsuk-body\">The service's evidence could "
		    "not be read just now. Try again later.</p>\n");
	wm_post_form_start(h, v->base);
	for (n = 1; n <= WM_STANDARDS; n++) {
		size_t from, to, first;

		if (wm_standard_items(in, n, &from, &to))
			continue;
		for (first = from; first < to &&
		    (in->items[first].type == WM_ITEM_GROUP ||
		    in->items[first].type == WM_ITEM_DISPLAY); first++)
			;
		wm_items_fields(h, in, from, first, d, NULL);
		evidence(h, lead, n);
		wm_items_fields(h, in, first, to, d, NULL);
	}
	HTML(h, "<button class=\"nhsuk-button\" type=\"submit\">Submit my "
	    "ratings</button>\n</form>\n");
	wm_items_attribution(h, in);
	wm_page_end(h);
	wm_response_free(lead);
}

/* Submitted ratings are kept as given and cannot be changed, so the
 * validator is asked first; the ratings ride along on the page that
 * asks. 1: go on. */
static int
submit_confirmed(struct wm_http *h, const struct wm_invite *v)
{
	struct wm_buf title = WM_BUF_INIT;
	struct wm_confirm c;
	int ok;

	wm_buf_puts(&title, "Submit your ratings of ");
	wm_buf_puts(&title, wm_buf_str(&v->unit_name));
	wm_buf_puts(&title, " (");
	wm_buf_puts(&title, v->name);
	wm_buf_puts(&title, ")?");
	c = (struct wm_confirm){ wm_buf_str(&title), "Once submitted, your "
	    "ratings are kept as given: you cannot change them afterwards. "
	    "You will then see the service's own lights, and the other "
	    "validators' by group.", "Yes, submit my ratings", v->base };
	ok = wm_confirmed(h, &c);
	wm_buf_release(&title);
	return ok;
}

/* An invitation from before the rule, to a period the service never
 * submitted: there is nothing to rate. */
static void
nothing_to_validate(struct wm_http *h, const struct wm_invite *v)
{
	title(h, v);
	HTML(h, "<div class=\"nhsuk-inset-text\"><p>");
	wm_esc_html_s(&h->out, wm_invitation_problem(v->versions));
	HTML(h, ".</p></div>\n<p class=\"nhsuk-body\"><a href=\"/validations"
	    "\">Your validations</a></p>\n");
	wm_page_end(h);
}

static void
submitted(struct wm_http *h, const struct wm_invite *v,
    const struct wm_instrument *in, const char *field, const char *problem)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_standards m;
	char action[64];

	title(h, v);
	if (problem)
		wm_error_summary(h, field, problem);
	HTML(h, "<p class=\"nhsuk-body\">Thank you: your ratings are "
	    "submitted. Here they are beside the service's own and the other "
	    "validators', by group.</p>\n");
	wm_standards_init(&m);
	if (wm_page_store_ok(h, wm_store_assessment_ratings(h->store,
	    v->unit_id, v->assessment, wm_standards_add_row, &m, &err), &err)) {
		wm_standards_finish(&m, &v->setup.rule);
		wm_standards_table(h, in, &m, &v->setup, 1);
	}
	wm_standards_release(&m);
	wm_sa_comments(h, v->assessment);
	wm_sa_queries(h, v->assessment, v->base, 0);
	snprintf(action, sizeof(action), "%s/queries", v->base);
	wm_sa_query_form(h, in, action, 0, field && strcmp(field, "text") ==
	    0 ? problem : NULL);
	wm_page_end(h);
	wm_buf_release(&err);
}

void
wm_page_validation(struct wm_http *h)
{
	struct wm_invite v = WM_INVITE_INIT;
	const struct wm_instrument *in = NULL;
	int64_t inst;

	if (wm_invite_open(h, &v))
		goto out;
	if (!(in = wm_standards_instrument(h, WM_RESPONDENT_VALIDATOR,
	    &inst)))
		wm_page_error(h, 409, "The standards are not loaded",
		    "Ask your network's administrator to load them.");
	else if (wm_validator_sees_lights(v.response_id))
		submitted(h, &v, in, NULL, NULL);
	else if (wm_invitation_problem(v.versions))
		nothing_to_validate(h, &v);
	else
		rating_form(h, &v, in, NULL);
out:
	wm_invite_release(&v);
}

/* A refused submission: there is no submitted self-assessment. */
static void
nothing_yet(struct wm_http *h)
{
	wm_page_error(h, 409, "There is nothing to validate yet",
	    wm_invitation_problem(0));
}

void
wm_page_validation_save(struct wm_http *h)
{
	struct wm_invite v = WM_INVITE_INIT;
	struct wm_diags d = WM_DIAGS_INIT;
	const struct wm_instrument *in = NULL;
	struct wm_response *r = NULL;
	struct wm_buf err = WM_BUF_INIT;
	const struct wm_recorder by = { h->who.account_id, h->address,
	    "standards validated", 1 };
	struct wm_validation_submission sub = { 0, NULL, 0 };
	struct wm_record job = { NULL, NULL, NULL, NULL, NULL };
	struct wm_response_ids ids;
	struct wm_date today;
	int64_t inst, rid;
	int rc;

	if (wm_invite_open(h, &v))
		goto out;
	if (!(in = wm_standards_instrument(h, WM_RESPONDENT_VALIDATOR,
	    &inst)) || !(r = wm_response_new(in))) {
		wm_page_error(h, 500, "Sorry, there is a problem",
		    "Nothing was saved. Try again.");
		goto out;
	}
	if (v.response_id) {
		wm_page_error(h, 409, "Already submitted", "Your ratings for "
		    "this period are already submitted; they are kept as "
		    "given.");
		goto out;
	}
	if (wm_invitation_problem(v.versions)) {
		nothing_yet(h);
		goto out;
	}
	sub.assessment_id = v.assessment;
	r->status = WM_STATUS_COMPLETED;
	r->subject.kind = WM_SUBJECT_SERVICE;
	r->subject.id = v.unit_code;
	r->author.kind = WM_SUBJECT_STAFF;
	r->author.id = "me";
	r->respondent = WM_RESPONDENT_VALIDATOR;
	r->stakeholder = v.group;
	wm_date_from_days((long)(h->now / 86400), &today);
	if (wm_date_parse(v.period_end, &r->authored) ||
	    wm_date_cmp(&today, &r->authored) < 0)
		r->authored = today;
	wm_items_fill(h, r, 0, in->n_items, &d);
	if (d.n == 0)
		wm_response_check(r, &r->authored, &d);
	if (d.n) {
		h->status = 400;
		rating_form(h, &v, in, &d);
		goto out;
	}
	if (!submit_confirmed(h, &v))
		goto out;
	ids.instrument_id = inst;
	ids.subject_id = v.unit_id;
	ids.unit_id = v.unit_id;
	ids.author_id = h->who.account_id;
	job.r = r;
	job.ids = &ids;
	job.by = &by;
	job.validation = &sub;
	rc = wm_http_record(h, &job, &rid, &err);
	if (rc == WM_STORE_EXISTS)
		wm_page_error(h, 409, "Already submitted", "Your ratings for "
		    "this period are already submitted.");
	else if (rc == WM_STORE_CONFLICT)
		nothing_yet(h);
	else if (rc == WM_STORE_NOT_FOUND)
		wm_page_error(h, 403, "Your ratings could not be saved",
		    "You no longer hold the validator role for this service.");
	else if (rc)
		wm_page_store_error(h, rc, wm_buf_str(&err));
	else
		wm_http_redirect(h, v.base);
out:
	wm_response_free(r);
	wm_diags_release(&d);
	wm_buf_release(&err);
	wm_invite_release(&v);
}

void
wm_page_validation_query(struct wm_http *h)
{
	struct wm_invite v = WM_INVITE_INIT;
	struct wm_buf err = WM_BUF_INIT;
	const struct wm_instrument *in = NULL;
	const char *text, *problem;
	char detail[64];
	int64_t inst;
	int standard, rc;

	if (wm_invite_open(h, &v))
		goto out;
	if (!wm_validator_sees_lights(v.response_id)) {
		wm_page_error(h, 409, "Submit your ratings first", "You can "
		    "query the service's lights once you have given yours.");
		goto out;
	}
	if ((problem = wm_sa_query_problem(h, &standard, &text))) {
		if (!(in = wm_standards_instrument(h, WM_RESPONDENT_VALIDATOR,
		    &inst))) {
			wm_page_error(h, 500, "Sorry, there is a problem",
			    "Nothing was saved. Try again.");
			goto out;
		}
		h->status = 400;
		submitted(h, &v, in, standard ? "text" : "standard", problem);
		goto out;
	}
	snprintf(detail, sizeof(detail), "%s: standard %d", v.period,
	    standard);
	if ((rc = wm_store_begin(h->store, &err)) == 0 &&
	    (rc = wm_store_standard_query_add(h->store, v.assessment, standard,
	    "query", h->who.account_id, text, NULL, &err)) == 0 &&
	    (rc = wm_store_audit(h->store, h->who.account_id,
	    "queried a standard's rating", "service", v.unit_id, detail,
	    h->address, &err)) == 0)
		rc = wm_store_commit(h->store, &err);
	if (rc) {
		wm_store_rollback(h->store);
		wm_page_store_error(h, rc, wm_buf_str(&err));
	} else {
		wm_http_redirect(h, v.base);
	}
out:
	wm_buf_release(&err);
	wm_invite_release(&v);
}
