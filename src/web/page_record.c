/*
 * My record: everything Waymark holds about the person, as JSON (their
 * answers and scores-to-be, goals and reviews, and who has looked at
 * their record) and their answers as CSV; and who has looked at their
 * record as a page of its own. Only the person themselves.
 */
#include "web/pages.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/network.h"
#include "report/answers_csv.h"
#include "report/plan.h"
#include "report/record_json.h"
#include "util/date.h"
#include "util/escape.h"
#include "web/layout.h"
#include "web/paging.h"

#define VIEWS_PER_PAGE 50

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
	    "your plans (every version, as FHIR), whom you shared them with "
	    "and who read them, and who has looked at your record, when and "
	    "from where.</li>\n"
	    "<li><a href=\"/my-record/answers.csv\" download>Your answers "
	    "(CSV)</a>, one row per answer with the question as you were "
	    "asked it, to open in a spreadsheet.</li>\n"
	    "</ul>\n<h2 class=\"nhsuk-heading-m\">Who has looked at your "
	    "record</h2>\n<p class=\"nhsuk-body\">Every time someone opens "
	    "your journey, your goals or your measures, Waymark writes it "
	    "down. <a href=\"/my-record/views\">See who has looked at your "
	    "record, and when</a>.</p>\n");
	wm_page_end(h);
}

struct views {
	struct wm_http *h;
	const struct wm_paging *paging;	/* its total set before any row */
	int rows;
};

/* Someone as the person knows them: "You", or a name with the role the
 * account holds on one of the person's services. */
static void
who_cell(struct wm_http *h, const struct wm_audit_row *a)
{
	enum wm_role role;

	if (a->self) {
		HTML(h, "You");
		return;
	}
	wm_esc_html_s(&h->out, a->actor);
	if (!a->role || wm_role_parse(a->role, &role))
		return;
	HTML(h, " (");
	wm_esc_html_s(&h->out, wm_role_words(role));
	if (a->unit) {
		HTML(h, ", ");
		wm_esc_html_s(&h->out, a->unit);
	}
	HTML(h, ")");
}

/* What they did, as the start of a sentence ("Viewed journey"), and what
 * it was when the log says ("... : DREEM recovery markers"). */
static void
what_cell(struct wm_http *h, const struct wm_audit_row *a)
{
	char first[2] = { a->action[0], '\0' };

	if (first[0] >= 'a' && first[0] <= 'z')
		first[0] = (char)(first[0] - 'a' + 'A');
	wm_esc_html_s(&h->out, first);
	if (first[0])
		wm_esc_html_s(&h->out, a->action + 1);
	if (a->detail && a->detail[0]) {
		HTML(h, ": ");
		wm_esc_html_s(&h->out, a->detail);
	}
}

static int
view_row(void *ctx, const struct wm_audit_row *a)
{
	static const char *const heads[] = { "When", "Who", "What" };
	struct views *v = ctx;
	struct wm_http *h = v->h;
	char when[64];

	if (v->rows++ == 0) {
		wm_paging_summary(h, v->paging, "entry", "entries");
		wm_table_start(h, "Who has looked at your record, newest first",
		    0, heads, sizeof(heads) / sizeof(heads[0]));
	}
	wm_datetime_words(a->at, when, sizeof(when));
	HTML(h, "<tr class=\"nhsuk-table__row\">");
	wm_td_start(h, "When");
	wm_esc_html_s(&h->out, when);
	HTML(h, "</span></td>");
	wm_td_start(h, "Who");
	who_cell(h, a);
	HTML(h, "</span></td>");
	wm_td_start(h, "What");
	what_cell(h, a);
	HTML(h, "</span></td></tr>\n");
	return 0;
}

/* After the rows: the table closed and the pages linked, or why there
 * are none. */
static void
views_end(struct wm_http *h, const struct views *v)
{
	int64_t pages = wm_paging_pages(v->paging);

	if (v->rows) {
		HTML(h, "</tbody>\n</table>\n");
		wm_paging_nav(h, v->paging, "/my-record/views?");
	} else if (v->paging->total == 0) {
		HTML(h, "<p class=\"nhsuk-body\">No one has looked at your "
		    "record yet.</p>\n");
	} else {
		wm_buf_printf(&h->out, "<p class=\"nhsuk-body\">There is no "
		    "page %lld: there %s %lld page%s.</p>\n<p class=\"nhsuk-"
		    "body\"><a href=\"/my-record/views\">Go to the first page"
		    "</a></p>\n", (long long)v->paging->page, pages == 1 ?
		    "is" : "are", (long long)pages, pages == 1 ? "" : "s");
	}
}

/*
 * GET /my-record/views?page=N: who has looked at the person's record,
 * when and what, 50 to a page, newest first. Only their own record's
 * entries are read.
 */
void
wm_page_record_views(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_paging paging = { 1, VIEWS_PER_PAGE, 0 };
	struct views v = { h, &paging, 0 };
	int64_t person = wm_page_own_person(h);

	if (!person)
		return;
	if (wm_paging_parse(h, &paging.page)) {
		wm_page_error(h, 400, "Sorry, there is a problem",
		    "Page must be a whole number from 1 to 1000000.");
		return;
	}
	wm_page_start_back(h, "Who has looked at your record", "/my-record",
	    "Back to my record");
	HTML(h, "<p class=\"nhsuk-body\">Each time someone has opened your "
	    "record in Waymark: when, who, and what they looked at or did. "
	    "Times are Greenwich Mean Time: in British Summer Time, add an "
	    "hour.</p>\n");
	if (wm_page_store_ok(h, wm_store_record_views(h->store, person,
	    wm_paging_offset(&paging), VIEWS_PER_PAGE, &paging.total,
	    view_row, &v, &err), &err)) {
		views_end(h, &v);
		wm_page_end(h);
	}
	wm_buf_release(&err);
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
	json_t *root = NULL, *responses, *goals, *audit, *plans = NULL;
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
	    !wm_page_store_ok(h, wm_plan_record_json(h->store, person, &plans,
	    &err), &err) || json_object_set_new(root, "plans", plans) ||
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
