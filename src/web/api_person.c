/*
 * The JSON API's view of a person: their journey's scores, their goals
 * and reviews (changed only by them), and a practitioner's caseload. A
 * practitioner's reads of a person are audited, as on the web pages.
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/goal.h"
#include "report/record_json.h"
#include "web/api.h"
#include "web/caseload.h"
#include "web/layout.h"


/* Scores arrive scale by scale, oldest first. */
static int
score_json(void *ctx, const struct wm_score_row *row)
{
	json_t *scales = ctx, *last = json_array_get(scales,
	    json_array_size(scales) - 1), *p;
	const char *code = json_string_value(json_object_get(last, "scale"));

	if (!code || strcmp(code, row->scale) != 0) {
		last = json_pack("{s:s, s:s, s:[]}", "scale", row->scale,
		    "title", row->scale_title, "points");
		if (!last || json_array_append_new(scales, last))
			return -1;
	}
	p = json_pack("{s:s, s:f, s:s}", "date", row->authored, "value",
	    row->value, "answered_by", row->respondent);
	return json_array_append_new(json_object_get(last, "points"), p) ?
	    -1 : 0;
}

static json_t *
answer_json(const struct wm_item_answer_row *a)
{
	json_t *o = json_pack("{s:s, s:s, s:s}", "date", a->authored,
	    "answer", a->display, "answered_by", a->respondent);

	if (o)
		json_object_set_new(o, "value", a->has_value ?
		    json_real(a->value) : json_null());
	return o;
}

/* Each question's first and latest answer, as the journey page shows. */
static int
question_json(void *ctx, const struct wm_item_change_row *q)
{
	json_t *o = json_pack("{s:s, s:s, s:s, s:I, s:o*, s:o*}",
	    "instrument", q->url, "question", q->link_id, "text", q->text,
	    "answers", (json_int_t)q->answers, "first", answer_json(&q->first),
	    "latest", answer_json(&q->latest));

	return !o || json_array_append_new(ctx, o) ? -1 : 0;
}

static void
journey_of(struct wm_http *h, int64_t person)
{
	struct wm_buf err = WM_BUF_INIT;
	json_t *scales = json_array(), *questions = json_array();

	if (!scales || !questions)
		wm_api_error(h, 500, "the journey could not be read", NULL);
	else if (wm_page_store_ok(h, wm_store_person_scores(h->store, person,
	    score_json, scales, &err), &err) && wm_page_store_ok(h,
	    wm_store_person_item_changes(h->store, person, question_json,
	    questions, &err), &err))
		wm_api_reply(h, 200, json_pack("{s:O, s:O}", "scales", scales,
		    "questions", questions));
	json_decref(scales);
	json_decref(questions);
	wm_buf_release(&err);
}

void
wm_api_journey(struct wm_http *h)
{
	int64_t person = wm_api_whose(h);

	if (person)
		journey_of(h, person);
}

static int
goal_json(void *ctx, const struct wm_goal_row *g)
{
	json_t *o = json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)g->id,
	    "goal", g->text, "created", g->created, "state",
	    wm_goal_state_name(g->state));

	if (!o)
		return -1;
	json_object_set_new(o, "latest_rating", g->has_rating ?
	    json_integer(g->rating) : json_null());
	json_object_set_new(o, "reviewed", g->reviewed ?
	    json_string(g->reviewed) : json_null());
	return json_array_append_new(ctx, o) ? -1 : 0;
}

static void
goals_of(struct wm_http *h, int64_t person)
{
	struct wm_buf err = WM_BUF_INIT;
	json_t *goals = json_array();

	if (!goals)
		wm_api_error(h, 500, "the goals could not be read", NULL);
	else if (wm_page_store_ok(h, wm_store_goals(h->store, person,
	    goal_json, goals, &err), &err))
		wm_api_reply(h, 200, json_pack("{s:O}", "goals", goals));
	json_decref(goals);
	wm_buf_release(&err);
}

void
wm_api_goals(struct wm_http *h)
{
	int64_t person = wm_api_whose(h);

	if (person)
		goals_of(h, person);
}

void
wm_api_goal_add(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	int64_t person = wm_page_own_person(h), id;
	json_t *body = NULL;
	const char *text, *problem;

	if (!person || !(body = wm_api_body(h)) ||
	    wm_api_string(h, body, "goal", 1, &text))
		goto out;
	if ((problem = wm_goal_text_problem(text)))
		wm_api_error(h, 400, problem, "goal");
	else if (wm_page_store_ok(h, wm_store_goal_add(h->store, person, text,
	    &id, &err), &err))
		wm_api_reply(h, 201, json_pack("{s:I, s:s}", "id",
		    (json_int_t)id, "goal", text));
out:
	json_decref(body);
	wm_buf_release(&err);
}

void
wm_api_goal(struct wm_http *h)
{
	struct wm_buf text = WM_BUF_INIT, err = WM_BUF_INIT;
	int64_t person = wm_page_own_person(h), goal;
	json_t *reviews = json_array();
	enum wm_goal_state state;

	if (!person || !(goal = wm_own_goal(h, person, &text, &state)))
		goto out;
	if (!reviews)
		wm_api_error(h, 500, "the goal could not be read", NULL);
	else if (wm_page_store_ok(h, wm_store_goal_reviews(h->store, goal,
	    wm_goal_review_json_row, reviews, &err), &err))
		wm_api_reply(h, 200, json_pack("{s:I, s:s, s:s, s:O}", "id",
		    (json_int_t)goal, "goal", wm_buf_str(&text), "state",
		    wm_goal_state_name(state), "reviews", reviews));
out:
	json_decref(reviews);
	wm_buf_release(&text);
	wm_buf_release(&err);
}

void
wm_api_goal_review_add(struct wm_http *h)
{
	struct wm_buf text = WM_BUF_INIT, err = WM_BUF_INIT;
	int64_t person = wm_page_own_person(h), goal;
	json_t *body = NULL;
	const char *note, *problem;
	struct wm_date today;
	enum wm_goal_state state;
	long long rating;
	char date[11];

	if (!person || !(goal = wm_own_goal(h, person, &text, &state)) ||
	    !(body = wm_api_body(h)) ||
	    wm_api_integer(h, body, "rating", &rating) ||
	    wm_api_string(h, body, "note", 0, &note))
		goto out;
	if ((problem = wm_goal_review_problem(state))) {
		wm_api_error(h, 409, problem, NULL);
		goto out;
	}
	if ((problem = wm_goal_rating_problem(rating))) {
		wm_api_error(h, 400, problem, "rating");
		goto out;
	}
	if (note && (problem = wm_goal_note_problem(note))) {
		wm_api_error(h, 400, problem, "note");
		goto out;
	}
	wm_date_from_days((long)(h->now / 86400), &today);
	wm_date_format(&today, date);
	if (wm_page_store_ok(h, wm_store_goal_review_add(h->store, goal, date,
	    (int)rating, note && note[0] ? note : NULL, "person", person,
	    &err), &err))
		wm_api_reply(h, 201, json_pack("{s:I, s:s, s:i}", "goal",
		    (json_int_t)goal, "reviewed", date, "rating", (int)rating));
out:
	json_decref(body);
	wm_buf_release(&text);
	wm_buf_release(&err);
}

static json_t *
person_json(const struct wm_caseload_person *person)
{
	static const char *const due[] = { "up to date", "due", "overdue" };
	const struct wm_caseload_row *p = &person->row;

	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:o}", "person",
	    p->ident, "name", p->name, "service", p->unit_code,
	    "service_name", p->unit_name, "since", p->since, "measures",
	    due[person->due], "own", p->own, "last_answered", p->last_answered ?
	    json_string(p->last_answered) : json_null());
}

/* The page as the API sends it: the paging, then its people. */
static json_t *
caseload_json(const struct wm_caseload *c)
{
	json_t *people = json_array(), *o;
	size_t i;

	for (i = 0; people && i < c->n; i++)
		if (!(o = person_json(&c->people[i])) ||
		    json_array_append_new(people, o)) {
			json_decref(people);
			people = NULL;
		}
	if (!people)
		return NULL;
	return json_pack("{s:I, s:I, s:i, s:I, s:o, s:o}", "total",
	    (json_int_t)c->paging.total, "page", (json_int_t)c->paging.page,
	    "per_page", c->paging.per_page, "pages",
	    (json_int_t)wm_paging_pages(&c->paging), "search", c->search ?
	    json_string(c->search) : json_null(), "people", people);
}

/* GET /api/v1/caseload?search=TEXT&page=N: as the caseload page, in JSON. */
void
wm_api_caseload(struct wm_http *h)
{
	struct wm_caseload c = WM_CASELOAD_INIT;
	struct wm_caseload_problem p;
	struct wm_buf err = WM_BUF_INIT;
	json_t *body = NULL;

	if (!wm_page_own_service(h))
		goto out;
	if (wm_caseload_ask(h, "search", &c, &p))
		wm_api_error(h, 400, p.message, p.field);
	else if (!wm_page_store_ok(h, wm_http_audit(h,
	    "viewed caseload (API)", NULL, 0, c.search ? "searched" : NULL,
	    &err), &err) ||
	    wm_caseload_read(h, &c) || !(body = caseload_json(&c)))
		wm_api_error(h, 500, "the caseload could not be read", NULL);
	else
		wm_api_reply(h, 200, body);
out:
	wm_caseload_release(&c);
	wm_buf_release(&err);
}
