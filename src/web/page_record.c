/*
 * Download my record: everything Waymark holds about the person, as JSON
 * (their answers and scores-to-be, goals and reviews, and who has looked
 * at their record) and their answers as CSV. Only the person themselves.
 */
#include "web/pages.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "report/answers_csv.h"
#include "report/record_json.h"
#include "web/layout.h"

void
wm_page_record(struct wm_http *h)
{
	if (!wm_page_own_person(h))
		return;
	wm_page_start(h, "Download my record");
	HTML(h, "<p class=\"nhsuk-body\">Everything Waymark holds about you "
	    "is yours to keep.</p>\n<ul class=\"nhsuk-list nhsuk-list--bullet"
	    "\">\n<li><a href=\"/my-record/record.json\" download>Your whole "
	    "record (JSON)</a>: your answers, your goals and their reviews, "
	    "and who has looked at your record, when and from where.</li>\n"
	    "<li><a href=\"/my-record/answers.csv\" download>Your answers "
	    "(CSV)</a>, one row per answer, to open in a spreadsheet.</li>\n"
	    "</ul>\n");
	wm_page_end(h);
}

static int
csv_row(void *ctx, const struct wm_answer_row *a)
{
	return wm_answers_csv_row(ctx, a) ? -1 : 0;
}

void
wm_page_record_csv(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	int64_t person = wm_page_own_person(h);

	if (!person)
		return;
	if (wm_answers_csv_header(&h->out) || !wm_page_store_ok(h,
	    wm_store_answer_each(h->store, NULL, 0, person, 1, csv_row,
	    &h->out, &err), &err)) {
		wm_page_error(h, 500, "Sorry, there is a problem",
		    "Your record could not be prepared. Try again.");
	} else {
		h->content_type = "text/csv; charset=utf-8";
		h->download = "my-waymark-answers.csv";
	}
	wm_buf_release(&err);
}

struct goals_ctx {
	struct wm_http *h;
	json_t *goals;
};

/* One change to a goal: its date, what it was, and any new words. */
static int
json_goal_change(void *ctx, const struct wm_goal_change_row *ch)
{
	json_t *o = json_pack("{s:s, s:s}", "date", ch->changed, "change",
	    wm_goal_change_name(ch->kind));

	if (!o)
		return -1;
	if (ch->text)
		json_object_set_new(o, "wording", json_string(ch->text));
	return json_array_append_new(ctx, o) ? -1 : 0;
}

static int
json_goal(void *ctx, const struct wm_goal_row *g)
{
	struct goals_ctx *c = ctx;
	struct wm_buf err = WM_BUF_INIT;
	json_t *reviews = json_array(), *changes = json_array(), *o;
	int rc;

	o = json_pack("{s:s, s:s, s:s, s:s, s:o, s:o}", "goal", g->text,
	    "first_wording", g->first_text, "state",
	    wm_goal_state_name(g->state), "created", g->created, "reviews",
	    reviews, "changes", changes);
	rc = !o || !wm_page_store_ok(c->h, wm_store_goal_reviews(c->h->store,
	    g->id, wm_goal_review_json_row, reviews, &err), &err) ||
	    !wm_page_store_ok(c->h, wm_store_goal_changes(c->h->store, g->id,
	    json_goal_change, changes, &err), &err) ||
	    json_array_append_new(c->goals, o) ? -1 : 0;
	wm_buf_release(&err);
	return rc;
}

static int
json_audit(void *ctx, const struct wm_audit_row *a)
{
	json_t *o = json_pack("{s:s, s:s, s:s}", "when", a->at, "what",
	    a->action, "who", a->actor);

	if (!o)
		return -1;
	if (a->address)
		json_object_set_new(o, "from", json_string(a->address));
	return json_array_append_new(ctx, o) ? -1 : 0;
}

void
wm_page_record_json(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	json_t *root = NULL, *responses, *goals, *audit;
	struct goals_ctx gc;
	int64_t person = wm_page_own_person(h);
	char *text = NULL;

	if (!person)
		return;
	responses = json_array();
	goals = json_array();
	audit = json_array();
	root = json_pack("{s:s, s:o, s:o, s:o}", "about", "Everything Waymark "
	    "holds about you, downloaded by you.", "responses", responses,
	    "goals", goals, "record_views", audit);
	gc.h = h;
	gc.goals = goals;
	/* Answers, goals and views from one snapshot of the record. */
	if (!root || !wm_page_store_ok(h, wm_store_read_begin(h->store, &err),
	    &err) || !wm_page_store_ok(h, wm_store_answer_each(h->store, NULL,
	    0, person, 1, wm_answers_json_row, responses, &err), &err) ||
	    !wm_page_store_ok(h, wm_store_goals(h->store, person, json_goal,
	    &gc, &err), &err) ||
	    !wm_page_store_ok(h, wm_store_audit_for_person(h->store, person,
	    json_audit, audit, &err), &err) ||
	    !(text = json_dumps(root, JSON_INDENT(2) | JSON_ENSURE_ASCII))) {
		wm_page_error(h, 500, "Sorry, there is a problem",
		    "Your record could not be prepared. Try again.");
	} else {
		wm_buf_puts(&h->out, text);
		wm_buf_putc(&h->out, '\n');
		h->content_type = "application/json; charset=utf-8";
		h->download = "my-waymark-record.json";
	}
	wm_store_read_end(h->store);
	free(text);
	json_decref(root);
	wm_buf_release(&err);
}
