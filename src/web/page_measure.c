/*
 * Answering a form about yourself: a person their measures (DREEM
 * recovery markers, shared needs, supportive service indicators), a
 * practitioner their Ten Top Tips reflection or their own shared needs.
 * The form is drawn from the instrument file, checked by core, and shown
 * again with the answers kept and every problem listed when something is
 * missing.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/response.h"
#include "util/escape.h"
#include "web/answerer.h"
#include "web/caseload.h"
#include "web/form_items.h"
#include "web/layout.h"
#include "web/params.h"

/*
 * Starts a page headed `title` for someone answering for themselves; for
 * a practitioner alongside a person, headed `together`, `joiner` and the
 * person's name and identifier ("Answer a measure together with Alex
 * Smith (DEMO-000001)"), with a way back to the caseload. 0, or -1 with
 * an error page written.
 */
static int
start(struct wm_http *h, const struct wm_answerer *a, const char *title,
    const char *together, const char *joiner)
{
	struct wm_buf t = WM_BUF_INIT;
	int rc = 0;

	if (a->respondent != WM_RESPONDENT_WITH_PRACTITIONER) {
		wm_page_start_back(h, title, "/measures", h->scope.own_person ?
		    "Back to your measures" : "Back to your reflections");
		return 0;
	}
	wm_buf_puts(&t, together);
	wm_buf_puts(&t, joiner);
	if ((rc = wm_person_named(h, a->id, &t)) == 0)
		wm_person_page_start(h, wm_buf_str(&t));
	wm_buf_release(&t);
	return rc;
}

static void
form(struct wm_http *h, const struct wm_answerer *a,
    const struct wm_instrument *in, int64_t id, const struct wm_diags *d,
    const struct wm_response *draft)
{
	char action[240];

	if (start(h, a, in->title, in->title, ", together with "))
		return;
	if (draft)
		HTML(h, "<div class=\"nhsuk-inset-text\">\n<p class=\""
		    "nhsuk-body\">The answers saved earlier are filled in. "
		    "Change any of them, then save.</p>\n</div>\n");
	wm_items_error_summary(h, in, d);
	snprintf(action, sizeof(action), "%s/%lld", a->base, (long long)id);
	wm_post_form_start(h, action);
	wm_items_fields(h, in, 0, in->n_items, d, draft);
	/* The first button is the one Enter presses: finishing. */
	HTML(h, "<div class=\"nhsuk-button-group\">\n<button class=\""
	    "nhsuk-button\" type=\"submit\" name=\"save\" value=\"done\">"
	    "Save my answers</button>\n<button class=\"nhsuk-button "
	    "nhsuk-button--secondary\" type=\"submit\" name=\"save\" "
	    "value=\"later\">Save and come back later</button>\n</div>\n"
	    "</form>\n");
	wm_items_attribution(h, in);
	wm_page_end(h);
}

void
wm_page_measure_form(struct wm_http *h)
{
	const struct wm_instrument *in;
	struct wm_response *draft;
	struct wm_draft_key k;
	struct wm_answerer a;
	int64_t id;

	if (!wm_answerer_of(h, &a) || !(in = wm_answerer_instrument(h, &a, &id)))
		return;
	/* The form shows the person's saved answers: audited first, naming
	 * the measure. */
	if (wm_scope_viewed(h, in->title))
		return;
	k = wm_answerer_draft(&a, id);
	if (wm_items_draft(h, in, &k, &draft))
		wm_page_error(h, 500, "Sorry, there is a problem",
		    "Your answers saved earlier could not be shown. Try "
		    "again.");
	else
		form(h, &a, in, id, NULL, draft);
	wm_response_free(draft);
}

void
wm_page_measure_save(struct wm_http *h)
{
	struct wm_diags d = WM_DIAGS_INIT;
	const char *how = wm_form_get(&h->form, "save");
	const struct wm_instrument *in;
	struct wm_response *r;
	struct wm_answerer a;
	int64_t id, rid;
	int rc;
	char next[240];

	if (!wm_answerer_of(h, &a) || !(in = wm_answerer_instrument(h, &a, &id)))
		return;
	r = wm_response_new(in);
	if (!r) {
		wm_page_error(h, 500, "Sorry, there is a problem",
		    "Your answers could not be saved. Try again.");
		return;
	}
	r->status = how && strcmp(how, "later") == 0 ? WM_STATUS_IN_PROGRESS :
	    WM_STATUS_COMPLETED;
	r->subject.kind = a.kind;
	r->subject.id = "me";
	/* The person answers (together with the practitioner, if alongside):
	 * their answers are always theirs. */
	r->author.kind = a.kind;
	r->author.id = "me";
	r->respondent = a.respondent;
	wm_date_from_days((long)(h->now / 86400), &r->authored);
	wm_items_fill(h, r, 0, in->n_items, &d);
	if (d.n == 0)
		wm_response_check(r, &r->authored, &d);
	if (d.n || wm_diags_count(&d)) {
		h->status = 400;
		form(h, &a, in, id, &d, NULL);
	} else if ((rc = wm_answerer_record(h, &a, r, id, 0, &rid)) ==
	    WM_STORE_NOT_FOUND) {
		wm_page_error(h, 409, "The answers could not be saved",
		    a.respondent == WM_RESPONDENT_WITH_PRACTITIONER ? "The "
		    "person is not on a service's caseload today." : "You are "
		    "not on a service's caseload today. Ask your "
		    "practitioner.");
	} else if (rc) {
		wm_page_error(h, 500, "Sorry, there is a problem",
		    "Your answers could not be saved. Try again.");
	} else {
		/* The confirmation names what was saved, and says so only
		 * once it has found it. */
		snprintf(next, sizeof(next), "%s/%lld/saved?response=%lld",
		    a.base, (long long)id, (long long)rid);
		wm_http_redirect(h, next);
	}
	wm_response_free(r);
	wm_diags_release(&d);
}

static int
thanks(struct wm_http *h, const struct wm_answerer *a,
    const struct wm_instrument *in)
{
	if (start(h, a, "Your answers have been saved", "Answers saved",
	    " for "))
		return -1;
	HTML(h, "<p class=\"nhsuk-body\">Thank you. Your answers to ");
	wm_esc_html_s(&h->out, in->title);
	if (a->respondent == WM_RESPONDENT_WITH_PRACTITIONER)
		HTML(h, " are saved on the person's record, marked as answered "
		    "together with a practitioner.</p>\n");
	else if (a->kind == WM_SUBJECT_PERSON)
		HTML(h, " are saved on your record, and only you and the "
		    "people supporting you can see them.</p>\n");
	else
		HTML(h, " are saved. No one else sees your own answers; your "
		    "team sees only totals.</p>\n");
	return 0;
}

static int
see_you_later(struct wm_http *h, const struct wm_answerer *a,
    const struct wm_instrument *in)
{
	if (start(h, a, "Your answers so far are saved",
	    "Answers so far saved", " for "))
		return -1;
	HTML(h, "<p class=\"nhsuk-body\">Come back to ");
	wm_esc_html_s(&h->out, in->title);
	HTML(h, " whenever you like: the answers given so far will be filled "
	    "in. They are not counted until they are finished.</p>\n");
	return 0;
}

/*
 * The saved response the query's `response` names, if it is one of a's
 * answers to instrument `id` (a draft or finished): 0 with its status;
 * else -1 with a 404, exactly as if the page did not exist, so that no
 * one is told answers were saved that were not, or are someone else's.
 */
static int
saved_status(struct wm_http *h, const struct wm_answerer *a, int64_t id,
    enum wm_response_status *status)
{
	struct wm_draft_key k = wm_answerer_draft(a, id);
	struct wm_buf err = WM_BUF_INIT;
	int64_t rid = wm_query_number(wm_http_query(h, "response"));
	int rc = rid ? wm_store_response_of(h->store, &k, rid, status, &err) :
	    WM_STORE_NOT_FOUND;

	if (rc == WM_STORE_NOT_FOUND)
		wm_page_not_found(h);
	else if (rc)
		wm_page_store_error(h, rc, wm_buf_str(&err));
	wm_buf_release(&err);
	return rc ? -1 : 0;
}

void
wm_page_measure_saved(struct wm_http *h)
{
	const struct wm_instrument *in;
	struct wm_answerer a;
	enum wm_response_status status;
	int64_t id;

	if (!wm_answerer_of(h, &a) || !(in = wm_answerer_instrument(h, &a, &id))
	    || saved_status(h, &a, id, &status))
		return;
	if ((status == WM_STATUS_IN_PROGRESS ? see_you_later(h, &a, in) :
	    thanks(h, &a, in)) == 0) {
		HTML(h, "<p class=\"nhsuk-body\"><a href=\"");
		wm_esc_attr_s(&h->out, a.base);
		HTML(h, "\">Answer another</a></p>\n");
		wm_page_end(h);
	}
}

struct list {
	struct wm_http *h;
	struct wm_answerer a;
	char last_url[512];
	int64_t last_id;
	char last_title[256];
	int last_started;	/* a draft is waiting to be finished */
	int any;
};

static void
flush(struct list *l)
{
	char href[240];

	if (!l->last_id)
		return;
	snprintf(href, sizeof(href), "%s/%lld", l->a.base,
	    (long long)l->last_id);
	HTML(l->h, "<li><a href=\"");
	wm_esc_attr_s(&l->h->out, href);
	HTML(l->h, "\">");
	wm_esc_html_s(&l->h->out, l->last_title);
	HTML(l->h, "</a>");
	if (l->last_started)
		HTML(l->h, " <strong class=\"nhsuk-tag nhsuk-tag--yellow\">"
		    "Started: your answers so far are saved</strong>");
	HTML(l->h, "</li>\n");
	l->any = 1;
}

/* Rows come ordered by url and version: the last of each url is shown. */
static int
list_row(void *ctx, const struct wm_instrument_row *row)
{
	struct list *l = ctx;
	struct wm_buf err = WM_BUF_INIT;
	const struct wm_instrument *in = NULL;
	int rc;

	if (strcmp(row->url, l->last_url) != 0)
		flush(l);
	snprintf(l->last_url, sizeof(l->last_url), "%s", row->url);
	l->last_id = 0;
	rc = wm_store_instrument_parsed(l->h->store, row->id, &in, &err);
	if (rc && rc != WM_STORE_NOT_FOUND) {
		wm_page_store_ok(l->h, rc, &err);
		wm_buf_release(&err);
		return -1;
	}
	rc = 0;
	if (in && wm_answerable(in, &l->a)) {
		struct wm_draft_key k = wm_answerer_draft(&l->a, row->id);
		int64_t draft;

		l->last_id = row->id;
		snprintf(l->last_title, sizeof(l->last_title), "%s", in->title);
		rc = wm_store_draft_find(l->h->store, &k, &draft, &err);
		l->last_started = rc == 0;
		/* A draft that could not be looked for is not "not started". */
		rc = rc == 0 || rc == WM_STORE_NOT_FOUND ||
		    wm_page_store_ok(l->h, rc, &err) ? 0 : -1;
	}
	wm_buf_release(&err);
	return rc;
}

void
wm_page_measures(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	struct list l;

	memset(&l, 0, sizeof(l));
	/* The list shows which forms the person has started: audited first. */
	if (!wm_answerer_of(h, &l.a) || wm_scope_viewed(h, NULL))
		return;
	l.h = h;
	if (l.a.respondent == WM_RESPONDENT_WITH_PRACTITIONER) {
		if (start(h, &l.a, NULL, "Answer a measure together",
		    " with "))
			return;
		HTML(h, "<p class=\"nhsuk-body\">Sit alongside the person: they "
		    "choose the answers, in their own words where there are "
		    "any. The answers are saved as theirs, given together with "
		    "a practitioner.</p>\n");
	} else if (l.a.kind == WM_SUBJECT_PERSON) {
		wm_page_start(h, "Your measures");
		HTML(h, "<p class=\"nhsuk-body\">These questions are about "
		    "your own recovery and the help you get. Answer them "
		    "yourself, in your own time; you can say \"Prefer not to "
		    "say\" to any of them.</p>\n");
	} else {
		wm_page_start(h, "Your reflections");
		HTML(h, "<p class=\"nhsuk-body\">After each interaction, ask "
		    "yourself the Ten Top Tips. Your own answers are yours: no "
		    "one else sees them, and teams see only totals.</p>\n");
	}
	HTML(h, "<ul class=\"nhsuk-list\">\n");
	if (wm_page_store_ok(h, wm_store_instrument_list(h->store, list_row,
	    &l, &err), &err))
		flush(&l);
	HTML(h, "</ul>\n");
	if (!l.any)
		HTML(h, "<p class=\"nhsuk-body\">There is nothing to answer "
		    "yet.</p>\n");
	wm_page_end(h);
	wm_buf_release(&err);
}
