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
	memcpy(p->date, row->authored, strnlen(row->authored,
	    sizeof(p->date) - 1));
	p->date[strnlen(row->authored, sizeof(p->date) - 1)] = '\0';
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
	const struct wm_instrument *in;	/* its latest version, for
					 * directions; the store's */
	struct wm_item_change *items;	/* room for cap, grown as needed */
	size_t n, cap;
	int shown;
};

/* Room for one more question: grown as the rows come, since a measure
 * has tens of questions and could have WM_INSTRUMENT_MAX_ITEMS. */
static struct wm_item_change *
next_item(struct measure *m)
{
	struct wm_item_change *more;
	size_t cap = m->cap ? m->cap * 2 : 64;

	if (m->n < m->cap)
		return &m->items[m->n];
	if (!(more = realloc(m->items, cap * sizeof(*more))))
		return NULL;
	m->items = more;
	m->cap = cap;
	return &m->items[m->n];
}

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
	struct wm_buf err = WM_BUF_INIT;
	struct wm_item_change *it;
	int k;

	if (!m->url || strcmp(m->url, row->url) != 0) {
		show_measure(m);
		m->url = wm_arena_strdup(&m->arena, row->url);
		m->title = wm_arena_strdup(&m->arena, row->title);
		m->responses = row->responses;
		/* Without it the directions are unknown, and said so. */
		if (wm_store_instrument_parsed(m->h->store, row->instrument_id,
		    &m->in, &err))
			m->in = NULL;
		wm_buf_release(&err);
		if (!m->url || !m->title)
			return -1;
	}
	/* Its versions' questions together can outnumber one version's. */
	if (m->n == WM_INSTRUMENT_MAX_ITEMS)
		return 0;
	if (!(it = next_item(m)))
		return -1;
	/* Its place in the latest version, which m->in is. */
	k = m->in && (size_t)row->place < m->in->n_items ? row->place : -1;
	it->direction = k >= 0 ? wm_item_direction(m->in, (size_t)k) : 0;
	it->answers = row->answers;
	it->question = wm_arena_strdup(&m->arena, row->text);
	if (!it->question || keep_answer(m, &it->first, &row->first) ||
	    keep_answer(m, &it->latest, &row->latest))
		return -1;
	m->n++;
	return 0;
}

/* The scores' charts, then the questions, from one read. */
struct journey {
	struct series *s;
	struct measure m;
};

static int
add_score(void *ctx, const struct wm_score_row *row)
{
	return add(((struct journey *)ctx)->s, row);
}

static int
add_question(void *ctx, const struct wm_item_change_row *row)
{
	struct journey *j = ctx;

	show(j->s);	/* the last scale's chart, before the questions */
	return add_item(&j->m, row);
}

/* Returns 1 if anything was shown. */
static int
show_all(struct wm_http *h, struct series *s, int64_t person, int own)
{
	struct journey j = { s, { .h = h, .own = own } };
	struct wm_buf err = WM_BUF_INIT;

	if (!wm_page_store_ok(h, wm_store_person_journey(h->store, person,
	    add_score, add_question, &j, &err), &err))
		j.m.n = 0;	/* a measure cut short is not shown */
	show(s);
	show_measure(&j.m);
	free(j.m.items);
	wm_buf_release(&err);
	return s->shown || j.m.shown;
}

void
wm_journey_page(struct wm_http *h, int64_t person, const char *title,
    int own, const char *person_base)
{
	struct series *s;

	/* Room for every point, but only the start is made ready: zeroing
	 * all of it cost more than drawing a few. */
	if (!(s = malloc(sizeof(*s)))) {
		wm_page_error(h, 500, "Sorry, there is a problem",
		    "The journey could not be shown. Try again.");
		return;
	}
	s->h = h;
	s->scale[0] = '\0';
	s->n = 0;
	s->shown = 0;
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
		HTML(h, "/goals\">Their goals</a> | <a href=\"");
		wm_esc_attr_s(&h->out, person_base);
		HTML(h, "/plans\">Their plans</a> | <a href=\"");
		wm_esc_attr_s(&h->out, person_base);
		HTML(h, "/reflect\">Reflect on your interaction</a></p>\n");
	}
	if (show_all(h, s, person, own))
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
}

void
wm_page_journey(struct wm_http *h)
{
	int64_t person = wm_page_own_person(h);

	if (person)
		wm_journey_page(h, person, "My journey", 1, NULL);
}
