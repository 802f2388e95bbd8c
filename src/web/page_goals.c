/*
 * My goals: a person's goals in their own words; at each review they rate
 * how far along they are (0 to 10) and may add a note; a chart per goal.
 * Only the person sees and changes their goals here.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/goal.h"
#include "report/journey.h"
#include "util/escape.h"
#include "web/layout.h"

#define MAX_REVIEWS 400
#define MAX_GOALS 200

/* A goal as listed, copied out of the store's row (its history is read
 * after the list, one goal at a time). */
struct listed {
	int64_t id;
	char *text, *first_text, *created, *reviewed;
	int has_rating, rating;
	enum wm_goal_state state;
};

struct goal_list {
	struct wm_arena arena;
	struct listed v[MAX_GOALS];
	size_t n;
};

static int
goal_row(void *ctx, const struct wm_goal_row *g)
{
	struct goal_list *l = ctx;
	struct listed *x;

	if (l->n == MAX_GOALS)
		return 0;
	x = &l->v[l->n];
	x->id = g->id;
	x->state = g->state;
	x->has_rating = g->has_rating;
	x->rating = g->rating;
	x->text = wm_arena_strdup(&l->arena, g->text);
	x->first_text = wm_arena_strdup(&l->arena, g->first_text);
	x->created = wm_arena_strdup(&l->arena, g->created);
	x->reviewed = wm_arena_strdup(&l->arena, g->reviewed ? g->reviewed :
	    "");
	if (!x->text || !x->first_text || !x->created || !x->reviewed)
		return -1;
	l->n++;
	return 0;
}

/* One entry of a goal's history: a review or a change, with its date. */
struct history {
	struct wm_http *h;
	struct reviews *rv;	/* the goal's reviews, oldest first */
	size_t next;		/* the next review to write */
};

struct reviews {
	struct wm_journey_point p[MAX_REVIEWS];
	size_t n;
};

static void
history_review(struct wm_http *h, const struct wm_journey_point *p)
{
	char date[32];

	wm_date_words(p->date, date, sizeof(date));
	HTML(h, "<li>");
	wm_esc_html_s(&h->out, date);
	wm_buf_printf(&h->out, ": reviewed, %.0f out of 10%s</li>\n", p->value,
	    p->with_practitioner ? " (with a practitioner)" : "");
}

/* The reviews up to and including the day `before` (NULL: all). */
static void
history_reviews(struct history *x, const char *before)
{
	while (x->next < x->rv->n && (!before ||
	    strcmp(x->rv->p[x->next].date, before) <= 0))
		history_review(x->h, &x->rv->p[x->next++]);
}

static int
history_change(void *ctx, const struct wm_goal_change_row *c)
{
	static const char *const said[] = {
		[WM_GOAL_REWORD] = "the wording changed to",
		[WM_GOAL_MARK_ACHIEVED] = "marked achieved",
		[WM_GOAL_PUT_ASIDE] = "put aside",
		[WM_GOAL_BRING_BACK] = "brought back",
	};
	struct history *x = ctx;
	struct wm_http *h = x->h;
	char date[32];

	history_reviews(x, c->changed);
	wm_date_words(c->changed, date, sizeof(date));
	HTML(h, "<li>");
	wm_esc_html_s(&h->out, date);
	HTML(h, ": ");
	wm_esc_html_s(&h->out, said[c->kind]);
	if (c->text) {
		HTML(h, " \xe2\x80\x9c");
		wm_esc_html_s(&h->out, c->text);
		HTML(h, "\xe2\x80\x9d");
	}
	HTML(h, "</li>\n");
	return 0;
}

static int
review_point(void *ctx, const struct wm_goal_review_row *r)
{
	struct reviews *rv = ctx;
	struct wm_journey_point *p;

	if (rv->n == MAX_REVIEWS)
		return 0;
	p = &rv->p[rv->n++];
	snprintf(p->date, sizeof(p->date), "%s", r->reviewed);
	p->value = r->rating;
	p->with_practitioner = strcmp(r->author_kind, "staff") == 0;
	return 0;
}

/* A goal's history, oldest first: set (in its first words), each review
 * and each change, by date. rv: its reviews, read already. */
static void
goal_history(struct wm_http *h, int64_t goal, const char *created,
    const char *first_text, struct reviews *rv)
{
	struct history x = { h, rv, 0 };
	struct wm_buf err = WM_BUF_INIT;
	char date[32];

	wm_date_words(created, date, sizeof(date));
	HTML(h, "<ul class=\"nhsuk-list nhsuk-body-s\">\n<li>");
	wm_esc_html_s(&h->out, date);
	HTML(h, ": set as \xe2\x80\x9c");
	wm_esc_html_s(&h->out, first_text);
	HTML(h, "\xe2\x80\x9d</li>\n");
	if (wm_page_store_ok(h, wm_store_goal_changes(h->store, goal,
	    history_change, &x, &err), &err))
		history_reviews(&x, NULL);
	HTML(h, "</ul>\n");
	wm_buf_release(&err);
}

static void
goal_item(struct wm_http *h, const struct listed *g, int links,
    struct reviews *rv)
{
	struct wm_buf err = WM_BUF_INIT;
	char href[48], date[32];

	HTML(h, "<li>");
	if (links) {
		snprintf(href, sizeof(href), "/goals/%lld", (long long)g->id);
		HTML(h, "<a href=\"");
		wm_esc_attr_s(&h->out, href);
		HTML(h, "\">");
	}
	wm_esc_html_s(&h->out, g->text);
	if (links)
		HTML(h, "</a>");
	HTML(h, "<br>");
	if (g->has_rating) {
		wm_date_words(g->reviewed, date, sizeof(date));
		wm_buf_printf(&h->out, "%d out of 10, on ", g->rating);
		wm_esc_html_s(&h->out, date);
	} else {
		HTML(h, "Not reviewed yet");
	}
	HTML(h, "\n<details class=\"nhsuk-details nhsuk-u-margin-bottom-0\">\n"
	    "<summary class=\"nhsuk-details__summary\"><span class=\""
	    "nhsuk-details__summary-text\">History<span class=\""
	    "nhsuk-u-visually-hidden\"> of ");
	wm_esc_html_s(&h->out, g->text);
	HTML(h, "</span></span></summary>\n<div class=\"nhsuk-details__text\">"
	    "\n");
	rv->n = 0;
	if (wm_page_store_ok(h, wm_store_goal_reviews(h->store, g->id,
	    review_point, rv, &err), &err))
		goal_history(h, g->id, g->created, g->first_text, rv);
	HTML(h, "</div>\n</details>\n</li>\n");
	wm_buf_release(&err);
}

static void
goal_section(struct wm_http *h, const struct goal_list *l,
    enum wm_goal_state st, const char *heading, const char *none,
    int links, struct reviews *rv)
{
	size_t i, n = 0;

	HTML(h, "<h2 class=\"nhsuk-heading-m\">");
	wm_esc_html_s(&h->out, heading);
	HTML(h, "</h2>\n");
	for (i = 0; i < l->n; i++) {
		if (l->v[i].state != st)
			continue;
		if (n++ == 0)
			HTML(h, "<ul class=\"nhsuk-list nhsuk-list--border\">\n");
		goal_item(h, &l->v[i], links, rv);
	}
	if (n)
		HTML(h, "</ul>\n");
	else if (none) {
		HTML(h, "<p class=\"nhsuk-body\">");
		wm_esc_html_s(&h->out, none);
		HTML(h, "</p>\n");
	}
}

void
wm_goals_list(struct wm_http *h, int64_t person, int links)
{
	struct goal_list *l = calloc(1, sizeof(*l));
	struct reviews *rv = calloc(1, sizeof(*rv));
	struct wm_buf err = WM_BUF_INIT;

	if (!l || !rv) {
		wm_page_error(h, 500, "Sorry, there is a problem",
		    "The goals could not be read. Try again.");
		goto out;
	}
	if (!wm_page_store_ok(h, wm_store_goals(h->store, person, goal_row, l,
	    &err), &err))
		goto out;
	goal_section(h, l, WM_GOAL_CURRENT, "Current goals", "No current "
	    "goals.", links, rv);
	goal_section(h, l, WM_GOAL_ACHIEVED, "Achieved", "None marked "
	    "achieved yet.", links, rv);
	goal_section(h, l, WM_GOAL_ASIDE, "Put aside", "None put aside.",
	    links, rv);
out:
	if (l)
		wm_arena_release(&l->arena);
	free(l);
	free(rv);
	wm_buf_release(&err);
}

static void
goals_page(struct wm_http *h, int64_t person, const char *text,
    const char *err)
{
	struct wm_buf e = WM_BUF_INIT;

	wm_page_start(h, "My goals");
	if (err)
		wm_error_summary(h, "goal", err);
	HTML(h, "<p class=\"nhsuk-body\">Goals are yours, in your own words: "
	    "what you want for yourself. At each review you say how far along "
	    "you are.</p>\n");
	wm_goals_list(h, person, 1);
	wm_post_form_start(h, "/goals");
	HTML(h, "<div class=\"nhsuk-form-group");
	if (err)
		HTML(h, " nhsuk-form-group--error");
	HTML(h, "\">\n<label class=\"nhsuk-label\" for=\"goal\">A new goal"
	    "</label>\n");
	if (err) {
		HTML(h, "<span class=\"nhsuk-error-message\" id=\"goal-error\">"
		    "<span class=\"nhsuk-u-visually-hidden\">Error:</span> ");
		wm_esc_html_s(&h->out, err);
		HTML(h, "</span>\n");
	}
	HTML(h, "<textarea class=\"nhsuk-textarea\" id=\"goal\" name=\"goal\" "
	    "rows=\"2\">");
	wm_esc_html_s(&h->out, text ? text : "");
	HTML(h, "</textarea>\n</div>\n<button class=\"nhsuk-button\" "
	    "type=\"submit\">Add goal</button>\n</form>\n");
	wm_page_end(h);
	wm_buf_release(&e);
}

void
wm_page_goals(struct wm_http *h)
{
	int64_t person = wm_page_own_person(h);

	if (person)
		goals_page(h, person, NULL, NULL);
}

void
wm_page_goal_add(struct wm_http *h)
{
	const char *text = wm_form_get(&h->form, "goal"), *problem;
	struct wm_buf err = WM_BUF_INIT;
	int64_t person = wm_page_own_person(h), id;
	char next[48];

	if (!person)
		return;
	if ((problem = wm_goal_text_problem(text ? text : ""))) {
		h->status = 400;
		goals_page(h, person, text, problem);
	} else if (wm_page_store_ok(h, wm_store_goal_add(h->store, person,
	    text, &id, &err), &err)) {
		snprintf(next, sizeof(next), "/goals/%lld", (long long)id);
		wm_http_redirect(h, next);
	}
	wm_buf_release(&err);
}

int64_t
wm_own_goal(struct wm_http *h, int64_t person, struct wm_buf *text,
    enum wm_goal_state *state)
{
	struct wm_buf err = WM_BUF_INIT;
	int64_t id = wm_route_number(&h->match, "id"), owner = 0;
	int rc;

	rc = id ? wm_store_goal_owner(h->store, id, &owner, text, state,
	    &err) : WM_STORE_NOT_FOUND;
	if (rc == 0 && owner != person)
		rc = WM_STORE_NOT_FOUND;
	if (rc == WM_STORE_NOT_FOUND)
		wm_page_not_found(h);
	else
		wm_page_store_ok(h, rc, &err);
	if (rc)
		id = 0;
	wm_buf_release(&err);
	return id;
}

static void
rating_radios(struct wm_http *h, const char *chosen, const char *err)
{
	int k;

	HTML(h, "<div class=\"nhsuk-form-group");
	if (err)
		HTML(h, " nhsuk-form-group--error");
	HTML(h, "\">\n<fieldset class=\"nhsuk-fieldset\">\n<legend class=\""
	    "nhsuk-fieldset__legend nhsuk-fieldset__legend--s\">How far along "
	    "are you, from 0 (not started) to 10 (achieved)?</legend>\n");
	if (err) {
		HTML(h, "<span class=\"nhsuk-error-message\">"
		    "<span class=\"nhsuk-u-visually-hidden\">Error:</span> ");
		wm_esc_html_s(&h->out, err);
		HTML(h, "</span>\n");
	}
	HTML(h, "<div class=\"nhsuk-radios nhsuk-radios--inline\">\n");
	for (k = 0; k <= WM_GOAL_MAX_RATING; k++) {
		char v[12];

		snprintf(v, sizeof(v), "%d", k);
		wm_buf_printf(&h->out, "<div class=\"nhsuk-radios__item\">\n"
		    "<input class=\"nhsuk-radios__input\" id=\"rating-%d\" "
		    "name=\"rating\" type=\"radio\" value=\"%d\"%s>\n<label "
		    "class=\"nhsuk-label nhsuk-radios__label\" for=\"rating-%d\">"
		    "%d</label>\n</div>\n", k, k, chosen && strcmp(chosen, v) ==
		    0 ? " checked" : "", k, k);
	}
	HTML(h, "</div>\n</fieldset>\n</div>\n");
}

/* A form of one button posting `change` to the goal's changes. */
static void
change_button(struct wm_http *h, int64_t goal, const char *change,
    const char *words, int secondary)
{
	char action[64];

	snprintf(action, sizeof(action), "/goals/%lld/changes",
	    (long long)goal);
	wm_post_form_start(h, action);
	HTML(h, "<input type=\"hidden\" name=\"change\" value=\"");
	wm_esc_attr_s(&h->out, change);
	HTML(h, "\">\n<button class=\"nhsuk-button");
	if (secondary)
		HTML(h, " nhsuk-button--secondary");
	HTML(h, "\" type=\"submit\">");
	wm_esc_html_s(&h->out, words);
	HTML(h, "</button>\n</form>\n");
}

/* What the person may do with a current goal: review it, change its
 * wording, mark it achieved, put it aside. */
static void
current_forms(struct wm_http *h, int64_t goal, const char *text,
    const char *problem, const char *field)
{
	const char *wording = wm_form_get(&h->form, "goal");
	char action[64];

	snprintf(action, sizeof(action), "/goals/%lld/reviews", (long long)goal);
	HTML(h, "<h2 class=\"nhsuk-heading-m\">Review this goal</h2>\n");
	wm_post_form_start(h, action);
	rating_radios(h, wm_form_get(&h->form, "rating"),
	    field && strcmp(field, "rating-0") == 0 ? problem : NULL);
	HTML(h, "<div class=\"nhsuk-form-group\">\n<label class=\"nhsuk-label\" "
	    "for=\"note\">A note (optional)</label>\n<textarea class=\""
	    "nhsuk-textarea\" id=\"note\" name=\"note\" rows=\"3\">");
	wm_esc_html_s(&h->out, wm_form_get(&h->form, "note") ?
	    wm_form_get(&h->form, "note") : "");
	HTML(h, "</textarea>\n</div>\n<button class=\"nhsuk-button\" type=\""
	    "submit\">Save review</button>\n</form>\n");
	snprintf(action, sizeof(action), "/goals/%lld/wording", (long long)goal);
	HTML(h, "<h2 class=\"nhsuk-heading-m\">Change the wording</h2>\n");
	wm_post_form_start(h, action);
	wm_form_group_start(h, "goal", "Your goal, in your own words", "The "
	    "words it was set in, and each change, stay in its history.",
	    field && strcmp(field, "goal") == 0 ? problem : NULL);
	HTML(h, "<textarea class=\"nhsuk-textarea\" id=\"goal\" name=\"goal\" "
	    "rows=\"2\" aria-describedby=\"goal-hint\">");
	wm_esc_html_s(&h->out, wording ? wording : text);
	HTML(h, "</textarea>\n</div>\n<button class=\"nhsuk-button "
	    "nhsuk-button--secondary\" type=\"submit\">Save the new wording"
	    "</button>\n</form>\n<h2 class=\"nhsuk-heading-m\">Achieved, or "
	    "not for now?</h2>\n<p class=\"nhsuk-body\">You can bring the goal "
	    "back at any time.</p>\n<div class=\"nhsuk-button-group\">\n");
	change_button(h, goal, "achieved", "Mark as achieved", 0);
	change_button(h, goal, "aside", "Put aside", 1);
	HTML(h, "</div>\n");
}

/* The goal's day set and first words, from the person's goals. */
struct first {
	int64_t goal;
	struct wm_buf *created, *text;
	int found;
};

static int
first_row(void *ctx, const struct wm_goal_row *g)
{
	struct first *f = ctx;

	if (g->id != f->goal)
		return 0;
	wm_buf_puts(f->created, g->created);
	wm_buf_puts(f->text, g->first_text);
	f->found = 1;
	return 0;
}

static int
goal_first(struct wm_http *h, int64_t person, int64_t goal,
    struct wm_buf *created, struct wm_buf *text)
{
	struct first f = { goal, created, text, 0 };
	struct wm_buf err = WM_BUF_INIT;

	if (!wm_page_store_ok(h, wm_store_goals(h->store, person, first_row,
	    &f, &err), &err))
		f.found = 0;
	wm_buf_release(&err);
	return f.found;
}

static void
goal_page(struct wm_http *h, int64_t person, int64_t goal, const char *text,
    enum wm_goal_state state, const char *problem, const char *field)
{
	struct wm_buf e = WM_BUF_INIT;
	struct reviews *rv = calloc(1, sizeof(*rv));
	struct wm_buf created = WM_BUF_INIT, first = WM_BUF_INIT;

	wm_page_start(h, "My goal");
	if (problem)
		wm_error_summary(h, field, problem);
	HTML(h, "<p class=\"nhsuk-body-l\">");
	wm_esc_html_s(&h->out, text);
	HTML(h, "</p>\n");
	if (state == WM_GOAL_ACHIEVED)
		HTML(h, "<p class=\"nhsuk-body\"><strong class=\"nhsuk-tag "
		    "nhsuk-tag--green\">Achieved</strong></p>\n");
	else if (state == WM_GOAL_ASIDE)
		HTML(h, "<p class=\"nhsuk-body\"><strong class=\"nhsuk-tag "
		    "nhsuk-tag--grey\">Put aside</strong></p>\n");
	if (rv && wm_page_store_ok(h, wm_store_goal_reviews(h->store, goal,
	    review_point, rv, &e), &e) && rv->n > 0) {
		struct wm_journey j = { "goal", "Your goal", rv->p, rv->n, 0,
		    WM_GOAL_MAX_RATING, 1 };
		char first_day[32], last[32];

		wm_date_words(rv->p[0].date, first_day, sizeof(first_day));
		wm_date_words(rv->p[rv->n - 1].date, last, sizeof(last));
		HTML(h, "<p class=\"nhsuk-body\">");
		if (rv->n == 1)
			wm_buf_printf(&h->out, "You rated it %.0f out of 10 on ",
			    rv->p[0].value);
		else
			wm_buf_printf(&h->out, "From %.0f out of 10 to %.0f out "
			    "of 10, between ", rv->p[0].value,
			    rv->p[rv->n - 1].value);
		wm_esc_html_s(&h->out, first_day);
		if (rv->n > 1) {
			HTML(h, " and ");
			wm_esc_html_s(&h->out, last);
		}
		HTML(h, ".</p>\n");
		wm_journey_svg(&h->out, &j);
		wm_journey_table(&h->out, &j);
	} else {
		HTML(h, "<p class=\"nhsuk-body\">No reviews yet.</p>\n");
	}
	if (state == WM_GOAL_CURRENT) {
		current_forms(h, goal, text, problem, field);
	} else {
		HTML(h, "<h2 class=\"nhsuk-heading-m\">Bring it back</h2>\n"
		    "<p class=\"nhsuk-body\">Make it one of your current goals "
		    "again, to review it or change its wording.</p>\n");
		change_button(h, goal, "back", "Bring back", 0);
	}
	if (rv && goal_first(h, person, goal, &created, &first)) {
		HTML(h, "<h2 class=\"nhsuk-heading-m\">History</h2>\n");
		goal_history(h, goal, wm_buf_str(&created), wm_buf_str(&first),
		    rv);
	}
	HTML(h, "<p class=\"nhsuk-body\"><a href=\"/goals\">All my goals</a>"
	    "</p>\n");
	wm_page_end(h);
	free(rv);
	wm_buf_release(&created);
	wm_buf_release(&first);
	wm_buf_release(&e);
}

void
wm_page_goal(struct wm_http *h)
{
	struct wm_buf text = WM_BUF_INIT;
	int64_t person = wm_page_own_person(h), goal;
	enum wm_goal_state state;

	if (person && (goal = wm_own_goal(h, person, &text, &state)))
		goal_page(h, person, goal, wm_buf_str(&text), state, NULL, NULL);
	wm_buf_release(&text);
}

/* Today, YYYY-MM-DD. */
static void
today_iso(struct wm_http *h, char date[11])
{
	struct wm_date today;

	wm_date_from_days((long)(h->now / 86400), &today);
	wm_date_format(&today, date);
}

static void
back_to_goal(struct wm_http *h, int64_t goal)
{
	char next[48];

	snprintf(next, sizeof(next), "/goals/%lld", (long long)goal);
	wm_http_redirect(h, next);
}

void
wm_page_goal_review(struct wm_http *h)
{
	const char *note = wm_form_get(&h->form, "note"), *problem;
	struct wm_buf text = WM_BUF_INIT, err = WM_BUF_INIT;
	int64_t person = wm_page_own_person(h), goal;
	enum wm_goal_state state;
	char date[11];
	int rating = 0;

	if (!person || !(goal = wm_own_goal(h, person, &text, &state)))
		goto out;
	if ((problem = wm_goal_review_problem(state))) {
		h->status = 409;
		goal_page(h, person, goal, wm_buf_str(&text), state, problem, NULL);
		goto out;
	}
	problem = wm_goal_rating_parse(wm_form_get(&h->form, "rating"), &rating);
	if (!problem)
		problem = wm_goal_note_problem(note ? note : "");
	if (problem) {
		h->status = 400;
		goal_page(h, person, goal, wm_buf_str(&text), state, problem,
		    "rating-0");
		goto out;
	}
	today_iso(h, date);
	if (wm_page_store_ok(h, wm_store_goal_review_add(h->store, goal, date,
	    rating, note, "person", person, &err), &err))
		back_to_goal(h, goal);
out:
	wm_buf_release(&text);
	wm_buf_release(&err);
}

/* Keeps the change, or shows the goal again with why not (status). */
static void
goal_change(struct wm_http *h, int64_t person, int64_t goal, const char *text,
    enum wm_goal_state from, enum wm_goal_change c, const char *wording)
{
	struct wm_buf err = WM_BUF_INIT;
	enum wm_goal_state to = from;
	const char *problem;
	char date[11];
	int rc;

	if ((problem = wm_goal_change_problem(from, c, &to))) {
		h->status = 409;
		goal_page(h, person, goal, text, from, problem, NULL);
		goto out;
	}
	today_iso(h, date);
	rc = wm_store_goal_change(h->store, goal, c, date, wording, from, to,
	    &err);
	if (rc == WM_STORE_CONFLICT)
		wm_page_error(h, 409, "The goal changed meanwhile", "Nothing "
		    "was saved. Go back to the goal to see where it stands "
		    "now.");
	else if (wm_page_store_ok(h, rc, &err))
		back_to_goal(h, goal);
out:
	wm_buf_release(&err);
}

/* POST /goals/{id}/wording: the goal in new words. */
void
wm_page_goal_reword(struct wm_http *h)
{
	const char *wording = wm_form_get(&h->form, "goal"), *problem;
	struct wm_buf text = WM_BUF_INIT;
	int64_t person = wm_page_own_person(h), goal;
	enum wm_goal_state state, to;

	if (!person || !(goal = wm_own_goal(h, person, &text, &state)))
		goto out;
	if ((problem = wm_goal_change_problem(state, WM_GOAL_REWORD, &to)) ==
	    NULL && (problem = wm_goal_text_problem(wording ? wording : ""))) {
		h->status = 400;
		goal_page(h, person, goal, wm_buf_str(&text), state, problem, "goal");
		goto out;
	}
	if (!problem && strcmp(wording, wm_buf_str(&text)) == 0) {
		back_to_goal(h, goal);	/* the same words: nothing changed */
		goto out;
	}
	goal_change(h, person, goal, wm_buf_str(&text), state, WM_GOAL_REWORD, wording);
out:
	wm_buf_release(&text);
}

/* POST /goals/{id}/changes: marked achieved, put aside or brought back
 * (change=achieved, aside or back). Each can be undone by another, so
 * none asks first. */
void
wm_page_goal_move(struct wm_http *h)
{
	const char *asked = wm_form_get(&h->form, "change");
	struct wm_buf text = WM_BUF_INIT;
	int64_t person = wm_page_own_person(h), goal;
	enum wm_goal_state state;
	enum wm_goal_change c;

	if (!person || !(goal = wm_own_goal(h, person, &text, &state)))
		goto out;
	if (wm_goal_change_parse(asked, &c) || c == WM_GOAL_REWORD) {
		h->status = 400;
		goal_page(h, person, goal, wm_buf_str(&text), state, "Choose what to do "
		    "with the goal: mark it achieved, put it aside or bring it "
		    "back", NULL);
		goto out;
	}
	goal_change(h, person, goal, wm_buf_str(&text), state, c, NULL);
out:
	wm_buf_release(&text);
}
