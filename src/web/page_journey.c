/*
 * My journey: for each scale a person has answered, how their scores have
 * moved, as a sentence, a chart and a table; then, measure by measure,
 * their first and latest answer to each question. A person sees only
 * their own.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/scoring.h"
#include "report/journey.h"
#include "report/journey_items.h"
#include "util/arena.h"
#include "util/escape.h"
#include "web/caseload.h"
#include "web/layout.h"

#define MAX_POINTS 500

struct series {
	struct wm_http *h;
	char scale[72];
	char title[160];
	struct wm_journey_point p[MAX_POINTS];
	size_t n;
	int shown;
	int own;	/* the person's own view, else a practitioner's */
};

static void
show(struct series *s)
{
	struct wm_journey j = { s->scale, s->title, s->p, s->n, 0, 0, s->own };
	struct wm_buf sentence = WM_BUF_INIT;
	struct wm_http *h = s->h;

	if (s->n == 0)
		return;
	HTML(h, "<h2 class=\"nhsuk-heading-m\">");
	wm_esc_html_s(&h->out, s->title);
	HTML(h, "</h2>\n<p class=\"nhsuk-body\">");
	wm_journey_sentence(&sentence, &j);
	wm_esc_html_s(&h->out, wm_buf_str(&sentence));
	HTML(h, "</p>\n");
	wm_journey_svg(&h->out, &j);
	HTML(h, "<details class=\"nhsuk-details\">\n<summary class=\""
	    "nhsuk-details__summary\"><span class=\"nhsuk-details__summary-"
	    "text\">Show the figures</span></summary>\n<div class=\""
	    "nhsuk-details__text\">\n");
	wm_journey_table(&h->out, &j);
	HTML(h, "</div>\n</details>\n");
	wm_buf_release(&sentence);
	s->n = 0;
	s->shown = 1;
}

static int
add(void *ctx, const struct wm_score_row *row)
{
	struct series *s = ctx;
	struct wm_journey_point *p;

	if (strcmp(s->scale, row->scale) != 0) {
		show(s);
		snprintf(s->scale, sizeof(s->scale), "%s", row->scale);
		snprintf(s->title, sizeof(s->title), "%s", row->scale_title);
	}
	if (s->n == MAX_POINTS)
		return 0;	/* decades of answers: the first 500 are drawn */
	p = &s->p[s->n++];
	snprintf(p->date, sizeof(p->date), "%s", row->authored);
	p->value = row->value;
	p->with_practitioner = strcmp(row->respondent,
	    "person-with-practitioner") == 0;
	return 0;
}

/* One measure's questions, gathered from the store's rows (whose words
 * live only during the callback, so they are copied into the arena). */
struct measure {
	struct wm_http *h;
	int own;
	struct wm_arena arena;
	const char *url, *title;
	int64_t responses;
	struct wm_instrument *in;	/* its latest version, for directions */
	struct wm_item_change *items;	/* WM_INSTRUMENT_MAX_ITEMS of them */
	size_t n;
	int shown;
};

static void
show_measure(struct measure *m)
{
	struct wm_item_changes c = { m->title, m->responses, m->items, m->n,
	    m->own };
	struct wm_http *h = m->h;

	if (m->n > 0) {
		if (!m->shown)
			HTML(h, "<h2 class=\"nhsuk-heading-m\">Question by "
			    "question</h2>\n");
		HTML(h, "<h3 class=\"nhsuk-heading-s\">");
		wm_esc_html_s(&h->out, m->title);
		HTML(h, "</h3>\n");
		wm_journey_items(&h->out, &c);
		m->shown = 1;
	}
	wm_instrument_free(m->in);
	m->in = NULL;
	wm_arena_release(&m->arena);
	m->url = m->title = NULL;
	m->n = 0;
}

static int
keep_answer(struct measure *m, struct wm_item_answer *to,
    const struct wm_item_answer_row *a)
{
	to->date = wm_arena_strdup(&m->arena, a->authored);
	to->words = wm_arena_strdup(&m->arena, a->display);
	to->has_value = a->has_value;
	to->value = a->value;
	to->with_practitioner = strcmp(a->respondent,
	    "person-with-practitioner") == 0;
	return to->date && to->words ? 0 : -1;
}

static int
add_item(void *ctx, const struct wm_item_change_row *row)
{
	struct measure *m = ctx;
	struct wm_item_change *it;
	int k;

	if (!m->url || strcmp(m->url, row->url) != 0) {
		show_measure(m);
		m->url = wm_arena_strdup(&m->arena, row->url);
		m->title = wm_arena_strdup(&m->arena, row->title);
		m->responses = row->responses;
		m->in = wm_page_instrument(m->h, row->instrument_id);
		if (!m->url || !m->title)
			return -1;
	}
	/* Its versions' questions together can outnumber one version's. */
	if (m->n == WM_INSTRUMENT_MAX_ITEMS)
		return 0;
	it = &m->items[m->n];
	k = m->in ? wm_instrument_find_item(m->in, row->link_id) : -1;
	it->direction = k >= 0 ? wm_item_direction(m->in, (size_t)k) : 0;
	it->answers = row->answers;
	it->question = wm_arena_strdup(&m->arena, row->text);
	if (!it->question || keep_answer(m, &it->first, &row->first) ||
	    keep_answer(m, &it->latest, &row->latest))
		return -1;
	m->n++;
	return 0;
}

/* Returns 1 if any measure was shown. */
static int
show_items(struct wm_http *h, int64_t person, int own)
{
	struct measure m = { .h = h, .own = own };
	struct wm_buf err = WM_BUF_INIT;

	m.items = calloc(WM_INSTRUMENT_MAX_ITEMS, sizeof(*m.items));
	if (!m.items || !wm_page_store_ok(h, wm_store_person_item_changes(
	    h->store, person, add_item, &m, &err), &err))
		m.n = 0;	/* a measure cut short is not shown */
	show_measure(&m);
	free(m.items);
	wm_buf_release(&err);
	return m.shown;
}

void
wm_journey_page(struct wm_http *h, int64_t person, const char *title,
    int own, const char *person_base)
{
	struct wm_buf err = WM_BUF_INIT;
	struct series *s;

	if (!(s = calloc(1, sizeof(*s)))) {
		wm_page_error(h, 500, "Sorry, there is a problem",
		    "The journey could not be shown. Try again.");
		return;
	}
	s->h = h;
	s->own = own;
	if (person_base)
		wm_person_page_start(h, title);
	else
		wm_page_start(h, title);
	HTML(h, "<p class=\"nhsuk-body\">How the answers have changed over "
	    "time. Higher scores mean agreeing more with the statements. A "
	    "circle is an answer given alone; a square is one given together "
	    "with a practitioner.</p>\n");
	if (person_base) {
		HTML(h, "<p class=\"nhsuk-body\"><a href=\"");
		wm_esc_attr_s(&h->out, person_base);
		HTML(h, "/measures\">Answer a measure together</a> | <a href=\"");
		wm_esc_attr_s(&h->out, person_base);
		HTML(h, "/goals\">Their goals</a></p>\n");
	}
	if (wm_page_store_ok(h, wm_store_person_scores(h->store, person, add,
	    s, &err), &err))
		show(s);
	if (show_items(h, person, own))
		s->shown = 1;
	if (!s->shown && own)
		HTML(h, "<p class=\"nhsuk-body\">You have not answered any "
		    "measures yet. <a href=\"/measures\">Answer your measures"
		    "</a>.</p>\n");
	else if (!s->shown)
		HTML(h, "<p class=\"nhsuk-body\">No measures have been "
		    "answered yet.</p>\n");
	wm_page_end(h);
	free(s);
	wm_buf_release(&err);
}

void
wm_page_journey(struct wm_http *h)
{
	int64_t person = wm_page_own_person(h);

	if (person)
		wm_journey_page(h, person, "My journey", 1, NULL);
}
