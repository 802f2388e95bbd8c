#include "report/journey_items.h"


#include "core/change.h"
#include "report/journey.h"
#include "report/table_region.h"
#include "util/date.h"
#include "util/escape.h"

/* What one question's first and latest answers show. */
enum shows {
	SHOWS_NOTHING,	/* answered once, or an answer is not scored */
	SHOWS_SAME,
	SHOWS_MORE,	/* towards what the question's scales measure */
	SHOWS_LESS,
	SHOWS_MOVED,	/* changed, in no direction that can be named */
	SHOWS__COUNT
};

/* Compared as the scales count them: for a reversed question a lower
 * option is the more hopeful answer. */
static enum shows
shows(const struct wm_item_change *it)
{
	enum wm_change c;

	if (it->answers < 2 || !it->first.has_value || !it->latest.has_value)
		return SHOWS_NOTHING;
	c = wm_change_between(it->first.value, it->latest.value);
	if (c == WM_CHANGE_SAME)
		return SHOWS_SAME;
	if (it->direction == 0)
		return SHOWS_MOVED;
	return (c == WM_CHANGE_HIGHER) == (it->direction > 0) ? SHOWS_MORE :
	    SHOWS_LESS;
}

static void
answer_words(struct wm_buf *b, const struct wm_item_answer *a)
{
	wm_esc_html_s(b, a->words);
	if (a->with_practitioner)
		wm_buf_lit(b, " (with a practitioner)");
}

static void
sentence(struct wm_buf *b, const struct wm_item_change *it, enum shows k,
    int own)
{
	char since[32];

	wm_month_words(it->first.date, since, sizeof(since));
	wm_buf_lit(b, "<li>Since ");
	wm_esc_html_s(b, since);
	if (k == SHOWS_MOVED)
		wm_buf_puts(b, own ? " your answer to \xe2\x80\x9c" :
		    " their answer to \xe2\x80\x9c");
	else {
		wm_buf_puts(b, own ? " you have answered " :
		    " they have answered ");
		wm_buf_puts(b, k == SHOWS_MORE ? "more" : "less");
		wm_buf_lit(b, " hopefully about \xe2\x80\x9c");
	}
	wm_esc_html_s(b, it->question);
	wm_buf_puts(b, k == SHOWS_MOVED ? "\xe2\x80\x9d has changed" :
	    "\xe2\x80\x9d");
	wm_buf_lit(b, ": from ");
	answer_words(b, &it->first);
	wm_buf_lit(b, " to ");
	answer_words(b, &it->latest);
	wm_buf_lit(b, ".</li>\n");
}

/* A sentence for each question that moved, then what the rest show. */
static void
sentences(struct wm_buf *b, const struct wm_item_changes *c)
{
	size_t count[SHOWS__COUNT] = { 0 }, moved, i;

	for (i = 0; i < c->n; i++)
		count[shows(&c->items[i])]++;
	moved = count[SHOWS_MORE] + count[SHOWS_LESS] + count[SHOWS_MOVED];
	if (moved) {
		wm_buf_lit(b, "<ul class=\"nhsuk-list nhsuk-list--bullet\">\n");
		for (i = 0; i < c->n; i++) {
			enum shows k = shows(&c->items[i]);

			if (k != SHOWS_NOTHING && k != SHOWS_SAME)
				sentence(b, &c->items[i], k, c->own);
		}
		wm_buf_lit(b, "</ul>\n");
	}
	if (count[SHOWS_SAME])
		wm_buf_printf(b, "<p class=\"nhsuk-body\">%s %s to %zu%s %s "
		    "about the same as at first.</p>\n", c->own ? "Your" :
		    "Their", count[SHOWS_SAME] == 1 ? "answer" : "answers",
		    count[SHOWS_SAME], moved ? " other" : "",
		    count[SHOWS_SAME] == 1 ? "question is" : "questions are");
	if (count[SHOWS_NOTHING])
		wm_buf_printf(b, "<p class=\"nhsuk-body\">For %zu %s there is "
		    "no change to show: a question answered only once, or "
		    "with an answer that is not scored (such as \xe2\x80\x9c"
		    "Prefer not to say\xe2\x80\x9d), has nothing to compare."
		    "</p>\n", count[SHOWS_NOTHING],
		    count[SHOWS_NOTHING] == 1 ? "question" : "questions");
	if (count[SHOWS_LESS] && c->own)
		wm_buf_lit(b, "<p class=\"nhsuk-body\">Setbacks are part of "
		    "many journeys; you may want to talk about them with "
		    "someone you trust.</p>\n");
}

/* "Agree (5 March 2025, on your own)": how it was given, in words. */
static void
cell(struct wm_buf *b, const struct wm_item_answer *a, int own)
{
	char date[32];

	wm_date_words(a->date, date, sizeof(date));
	wm_buf_lit(b, "<td class=\"nhsuk-table__cell\">");
	wm_esc_html_s(b, a->words);
	wm_buf_lit(b, " (");
	wm_esc_html_s(b, date);
	if (a->with_practitioner)
		wm_buf_lit(b, ", with a practitioner)</td>");
	else
		wm_buf_puts(b, own ? ", on your own)</td>" :
		    ", on their own)</td>");
}

static void
table(struct wm_buf *b, const struct wm_item_changes *c, int once)
{
	size_t i;

	wm_table_region_start(b, c->title, once ?
	    ": the answer to each question" :
	    ": the first and latest answer to each question");
	wm_buf_lit(b, "<table class=\"nhsuk-table\">\n<caption class=\""
	    "nhsuk-table__caption\">");
	wm_esc_html_s(b, c->title);
	wm_buf_puts(b, once ? ": the answer to each question" :
	    ": the first and latest answer to each question");
	wm_buf_lit(b, "</caption>\n<thead class=\"nhsuk-table__head\"><tr "
	    "class=\"nhsuk-table__row\"><th class=\"nhsuk-table__header\" "
	    "scope=\"col\">Question</th>");
	wm_buf_puts(b, once ? "<th class=\"nhsuk-table__header\" scope=\"col\">"
	    "Answer (date)</th>" : "<th class=\"nhsuk-table__header\" "
	    "scope=\"col\">First answer (date)</th><th class=\"nhsuk-table__"
	    "header\" scope=\"col\">Latest answer (date)</th>");
	wm_buf_lit(b, "</tr></thead>\n<tbody class=\"nhsuk-table__body\">\n");
	for (i = 0; i < c->n; i++) {
		const struct wm_item_change *it = &c->items[i];

		wm_buf_lit(b, "<tr class=\"nhsuk-table__row\"><td class=\""
		    "nhsuk-table__cell\">");
		wm_esc_html_s(b, it->question);
		wm_buf_lit(b, "</td>");
		cell(b, &it->first, c->own);
		if (!once && it->answers < 2)
			wm_buf_lit(b, "<td class=\"nhsuk-table__cell\">Not "
			    "answered again</td>");
		else if (!once)
			cell(b, &it->latest, c->own);
		wm_buf_lit(b, "</tr>\n");
	}
	wm_buf_lit(b, "</tbody>\n</table>\n");
	wm_table_region_end(b);
}

int
wm_journey_items(struct wm_buf *b, const struct wm_item_changes *c)
{
	char date[32];

	if (c->n == 0)
		return b->failed ? -1 : 0;
	if (c->responses > 1) {
		sentences(b, c);
		table(b, c, 0);
		return b->failed ? -1 : 0;
	}
	/* One response: a line from it to itself would be no change at all,
	 * so say plainly that there is nothing to compare yet. */
	wm_date_words(c->items[0].first.date, date, sizeof(date));
	wm_buf_puts(b, c->own ? "<p class=\"nhsuk-body\">You have" :
	    "<p class=\"nhsuk-body\">They have");
	wm_buf_lit(b, " answered this once, on ");
	wm_esc_html_s(b, date);
	wm_buf_puts(b, c->own ? ", so there is no change to show yet. When "
	    "you answer again, you will see here how each answer has changed."
	    "</p>\n" : ", so there is no change to show yet. When they answer "
	    "again, you will see here how each answer has changed.</p>\n");
	table(b, c, 1);
	return b->failed ? -1 : 0;
}
