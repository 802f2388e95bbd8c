/*
 * The supportive service indicators (the share of people who agree,
 * this period and the last) and the team's Ten Top Tips (the share of
 * "yes" per tip), as HTML. Counts below 5 are written "<5" and their
 * percentages are never written; the team's tips are written only when
 * the team rule allows, and then only in aggregate.
 */
#include "report/profile.h"

#include "core/disclosure.h"
#include "report/table_region.h"
#include "util/escape.h"

static void
share_cell(struct wm_buf *b, const struct wm_tally *t)
{
	int pct;

	wm_buf_puts(b, "<td class=\"nhsuk-table__cell\">");
	switch (wm_service_share(t->agree, t->scored, &pct)) {
	case WM_SHARE_NO_ANSWERS:
		wm_buf_puts(b, "No answers");
		break;
	case WM_SHARE_TOO_FEW:
		wm_buf_puts(b, "Fewer than 5 answered");
		break;
	case WM_SHARE_WITHHELD:
		wm_buf_printf(b, "&lt;5 of %lld (percentage withheld)",
		    (long long)t->scored);
		break;
	case WM_SHARE_SHOWN:
		wm_buf_printf(b, "%d%% (%lld of %lld)", pct,
		    (long long)t->agree, (long long)t->scored);
		break;
	}
	wm_buf_puts(b, "</td>");
}

static void
people(struct wm_buf *b, const struct wm_profile *p, int c)
{
	char words[40];

	wm_quarter_words(c ? &p->prev : &p->period, words, sizeof(words));
	wm_esc_html_s(b, words);
	wm_buf_puts(b, ": ");
	wm_profile_count_html(b, p->subjects[c]);
	wm_buf_puts(b, p->subjects[c] == 1 ? " person answered" :
	    " people answered");
	if (p->subjects[c]) {
		wm_buf_puts(b, " (");
		wm_profile_count_html(b, p->subjects[c] - p->together[c]);
		wm_buf_puts(b, " on their own, ");
		wm_profile_count_html(b, p->together[c]);
		wm_buf_puts(b, " together with a practitioner)");
	}
	wm_buf_puts(b, ".");
}

int
wm_profile_indicators_html(struct wm_buf *b, const struct wm_profile *p)
{
	const struct wm_instrument *in = p->in;
	char words[2][40];
	size_t i;

	wm_buf_puts(b, "<p class=\"nhsuk-body\">");
	people(b, p, 0);
	wm_buf_puts(b, "<br>");
	people(b, p, 1);
	wm_buf_puts(b, "</p>\n");
	if (p->subjects[0] == 0 && p->subjects[1] == 0) {
		wm_buf_puts(b, "<div class=\"nhsuk-inset-text\"><p>Not enough "
		    "answers yet: no one using this service has rated it on the "
		    "supportive service indicators in this period or the last."
		    "</p></div>\n");
		return b->failed ? -1 : 0;
	}
	wm_buf_puts(b, "<p class=\"nhsuk-body\">Agree means agree or strongly "
	    "agree; \"prefer not to say\" is left out, and each person's "
	    "latest answers in a period count once. Where fewer than 5 people "
	    "gave an answer, it is shown as &lt;5 and no percentage is given, "
	    "so that no one can be recognised.</p>\n");
	wm_quarter_words(&p->period, words[0], sizeof(words[0]));
	wm_quarter_words(&p->prev, words[1], sizeof(words[1]));
	wm_table_region_start(b, "People who agree, by indicator", "");
	wm_buf_puts(b, "<table class=\"nhsuk-table\">\n<caption class=\""
	    "nhsuk-table__caption\">People who agree, by indicator</caption>\n"
	    "<thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row"
	    "\"><th class=\"nhsuk-table__header\" scope=\"col\">Indicator</th>"
	    "<th class=\"nhsuk-table__header\" scope=\"col\">This period (");
	wm_esc_html_s(b, words[0]);
	wm_buf_puts(b, ")</th><th class=\"nhsuk-table__header\" scope=\"col\">"
	    "Last period (");
	wm_esc_html_s(b, words[1]);
	wm_buf_puts(b, ")</th></tr></thead>\n<tbody class=\"nhsuk-table__body"
	    "\">\n");
	for (i = 0; i < in->n_items; i++) {
		if (in->items[i].type != WM_ITEM_CHOICE)
			continue;
		wm_profile_row_head(b, &in->items[i]);
		share_cell(b, wm_profile_tally(p, i, 0));
		share_cell(b, wm_profile_tally(p, i, 1));
		wm_buf_puts(b, "</tr>\n");
	}
	wm_buf_puts(b, "</tbody>\n</table>\n");
	wm_table_region_end(b);
	return b->failed ? -1 : 0;
}

const char *
wm_profile_team_reason(enum wm_team_state st)
{
	switch (st) {
	case WM_TEAM_NO_REFLECTIONS:
		return "No reflections yet in this period. The team's Ten Top "
		    "Tips are shown once at least 5 reflections from at least 2 "
		    "practitioners have been made in the period.";
	case WM_TEAM_TOO_FEW_REFLECTIONS:
		return "Not enough reflections yet: the team's Ten Top Tips are "
		    "shown once at least 5 reflections have been made in the "
		    "period, so that no one's own reflections can be picked out.";
	case WM_TEAM_ONE_PRACTITIONER:
		return "Not enough practitioners yet: the team's Ten Top Tips "
		    "are shown once at least 2 practitioners have reflected in "
		    "the period, so that no one's own reflections can be picked "
		    "out.";
	case WM_TEAM_SHOWN:
		break;
	}
	return NULL;
}

int
wm_profile_tips_html(struct wm_buf *b, const struct wm_profile *p)
{
	const struct wm_instrument *in = p->in;
	enum wm_team_state st = wm_team_shown(p->responses[0], p->subjects[0]);
	char words[40];
	size_t i;
	int pct;

	if (st != WM_TEAM_SHOWN) {
		wm_buf_puts(b, "<div class=\"nhsuk-inset-text\"><p>");
		wm_esc_html_s(b, wm_profile_team_reason(st));
		wm_buf_puts(b, "</p></div>\n");
		return b->failed ? -1 : 0;
	}
	wm_quarter_words(&p->period, words, sizeof(words));
	wm_buf_printf(b, "<p class=\"nhsuk-body\">The team made %lld "
	    "reflections in ", (long long)p->responses[0]);
	wm_esc_html_s(b, words);
	wm_buf_puts(b, ". These are the whole team's answers together, never "
	    "anyone's own; \"not applicable\" is left out.</p>\n");
	wm_table_region_start(b, "After each interaction, did I: the share of "
	    "yes", "");
	wm_buf_puts(b, "<table class=\"nhsuk-table\">\n<caption class=\"nhsuk-table__"
	    "caption\">After each interaction, did I...: the share of yes"
	    "</caption>\n<thead class=\"nhsuk-table__head\"><tr class=\""
	    "nhsuk-table__row\"><th class=\"nhsuk-table__header\" scope=\"col"
	    "\">Tip</th><th class=\"nhsuk-table__header\" scope=\"col\">Yes"
	    "</th><th class=\"nhsuk-table__header\" scope=\"col\">Reflections "
	    "it applied to</th></tr></thead>\n<tbody class=\"nhsuk-table__body"
	    "\">\n");
	for (i = 0; i < in->n_items; i++) {
		const struct wm_tally *t = wm_profile_tally(p, i, 0);

		if (in->items[i].type != WM_ITEM_CHOICE)
			continue;
		wm_profile_row_head(b, &in->items[i]);
		wm_buf_puts(b, "<td class=\"nhsuk-table__cell\">");
		if (wm_team_share(t->agree, t->scored, &pct))
			wm_buf_printf(b, "%d%%", pct);
		else
			wm_buf_puts(b, "Not shown: it applied to fewer than 5");
		wm_buf_printf(b, "</td><td class=\"nhsuk-table__cell\">%lld</td>"
		    "</tr>\n", (long long)t->scored);
	}
	wm_buf_puts(b, "</tbody>\n</table>\n");
	wm_table_region_end(b);
	return b->failed ? -1 : 0;
}
