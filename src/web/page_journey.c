/*
 * My journey: for each scale a person has answered, how their scores have
 * moved, as a sentence, a chart and a table. A person sees only their
 * own.
 */
#include "web/pages.h"

#include <stdlib.h>
#include <string.h>

#include "report/journey.h"
#include "util/escape.h"
#include "web/layout.h"

#define MAX_POINTS 500

struct series {
	struct wm_http *h;
	char scale[72];
	char title[160];
	struct wm_journey_point p[MAX_POINTS];
	size_t n;
	int shown;
};

static void
show(struct series *s)
{
	struct wm_journey j = { s->scale, s->title, s->p, s->n, 0, 0 };
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
	if (wm_store_person_scores(h->store, person, add, s, &err) == 0)
		show(s);
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
