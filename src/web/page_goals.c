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

struct goal_list {
	struct wm_http *h;
	int links;
};

static int
goal_item(void *ctx, const struct wm_goal_row *g)
{
	struct goal_list *l = ctx;
	struct wm_http *h = l->h;
	char href[48], date[32];

	HTML(h, "<li>");
	if (l->links) {
		snprintf(href, sizeof(href), "/goals/%lld", (long long)g->id);
		HTML(h, "<a href=\"");
		wm_esc_attr_s(&h->out, href);
		HTML(h, "\">");
	}
	wm_esc_html_s(&h->out, g->text);
	if (l->links)
		HTML(h, "</a>");
	HTML(h, "<br>");
	if (g->has_rating) {
		wm_journey_date(g->reviewed, date, sizeof(date));
		wm_buf_printf(&h->out, "%d out of 10, on ", g->rating);
		wm_esc_html_s(&h->out, date);
	} else {
		HTML(h, "Not reviewed yet");
	}
	HTML(h, "</li>\n");
	return 0;
}

void
wm_goals_list(struct wm_http *h, int64_t person, int links)
{
	struct goal_list l = { h, links };
	struct wm_buf err = WM_BUF_INIT;

	HTML(h, "<ul class=\"nhsuk-list nhsuk-list--border\">\n");
	wm_page_store_ok(h, wm_store_goals(h->store, person, goal_item, &l,
	    &err), &err);
	HTML(h, "</ul>\n");
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
	HTML(h, "<form method=\"post\" action=\"/goals\" novalidate>\n"
	    "<input type=\"hidden\" name=\"csrf\" value=\"");
	wm_esc_attr_s(&h->out, h->who.csrf);
	HTML(h, "\">\n<div class=\"nhsuk-form-group");
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

struct reviews {
	struct wm_journey_point p[MAX_REVIEWS];
	size_t n;
};

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

int64_t
wm_own_goal(struct wm_http *h, int64_t person, struct wm_buf *text)
{
	struct wm_buf err = WM_BUF_INIT;
	int64_t id = wm_route_number(&h->match, "id"), owner = 0;
	int rc;

	rc = id ? wm_store_goal_owner(h->store, id, &owner, text, &err) :
	    WM_STORE_NOT_FOUND;
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

static void
goal_page(struct wm_http *h, int64_t goal, const char *text,
    const char *err)
{
	struct wm_buf e = WM_BUF_INIT;
	struct reviews *rv = calloc(1, sizeof(*rv));
	char action[64];

	wm_page_start(h, "My goal");
	if (err)
		wm_error_summary(h, "rating-0", err);
	HTML(h, "<p class=\"nhsuk-body-l\">");
	wm_esc_html_s(&h->out, text);
	HTML(h, "</p>\n");
	if (rv && wm_page_store_ok(h, wm_store_goal_reviews(h->store, goal,
	    review_point, rv, &e), &e) && rv->n > 0) {
		struct wm_journey j = { "goal", "Your goal", rv->p, rv->n, 0,
		    WM_GOAL_MAX_RATING, 1 };
		char first[32], last[32];

		wm_journey_date(rv->p[0].date, first, sizeof(first));
		wm_journey_date(rv->p[rv->n - 1].date, last, sizeof(last));
		HTML(h, "<p class=\"nhsuk-body\">");
		if (rv->n == 1)
			wm_buf_printf(&h->out, "You rated it %.0f out of 10 on ",
			    rv->p[0].value);
		else
			wm_buf_printf(&h->out, "From %.0f out of 10 to %.0f out "
			    "of 10, between ", rv->p[0].value,
			    rv->p[rv->n - 1].value);
		wm_esc_html_s(&h->out, first);
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
	snprintf(action, sizeof(action), "/goals/%lld/reviews", (long long)goal);
	HTML(h, "<h2 class=\"nhsuk-heading-m\">Review this goal</h2>\n"
	    "<form method=\"post\" action=\"");
	wm_esc_attr_s(&h->out, action);
	HTML(h, "\" novalidate>\n<input type=\"hidden\" name=\"csrf\" value=\"");
	wm_esc_attr_s(&h->out, h->who.csrf);
	HTML(h, "\">\n");
	rating_radios(h, wm_form_get(&h->form, "rating"), err);
	HTML(h, "<div class=\"nhsuk-form-group\">\n<label class=\"nhsuk-label\" "
	    "for=\"note\">A note (optional)</label>\n<textarea class=\""
	    "nhsuk-textarea\" id=\"note\" name=\"note\" rows=\"3\">");
	wm_esc_html_s(&h->out, wm_form_get(&h->form, "note") ?
	    wm_form_get(&h->form, "note") : "");
	HTML(h, "</textarea>\n</div>\n<button class=\"nhsuk-button\" type=\""
	    "submit\">Save review</button>\n</form>\n<p class=\"nhsuk-body\">"
	    "<a href=\"/goals\">All my goals</a></p>\n");
	wm_page_end(h);
	free(rv);
	wm_buf_release(&e);
}

void
wm_page_goal(struct wm_http *h)
{
	struct wm_buf text = WM_BUF_INIT;
	int64_t person = wm_page_own_person(h), goal;

	if (person && (goal = wm_own_goal(h, person, &text)))
		goal_page(h, goal, wm_buf_str(&text), NULL);
	wm_buf_release(&text);
}

void
wm_page_goal_review(struct wm_http *h)
{
	const char *note = wm_form_get(&h->form, "note"), *problem;
	struct wm_buf text = WM_BUF_INIT, err = WM_BUF_INIT;
	int64_t person = wm_page_own_person(h), goal;
	struct wm_date today;
	char date[11], next[48];
	int rating = 0;

	if (!person || !(goal = wm_own_goal(h, person, &text)))
		goto out;
	problem = wm_goal_rating_parse(wm_form_get(&h->form, "rating"), &rating);
	if (!problem)
		problem = wm_goal_note_problem(note ? note : "");
	if (problem) {
		h->status = 400;
		goal_page(h, goal, wm_buf_str(&text), problem);
		goto out;
	}
	wm_date_from_days((long)(h->now / 86400), &today);
	wm_date_format(&today, date);
	if (!wm_page_store_ok(h, wm_store_goal_review_add(h->store, goal, date,
	    rating, note, "person", person, &err), &err))
		goto out;
	snprintf(next, sizeof(next), "/goals/%lld", (long long)goal);
	wm_http_redirect(h, next);
out:
	wm_buf_release(&text);
	wm_buf_release(&err);
}
