/*
 * The ERFS profile: each domain rated by people using the service and by
 * staff, side by side under the three group headings, as an SVG chart
 * with integer coordinates and as tables of the same figures. Where the
 * two groups differ by a step or more, both say so.
 */
#include "report/profile.h"

#include <math.h>
#include <stdio.h>

#include "core/disclosure.h"
#include "report/chart.h"
#include "report/table_region.h"
#include "util/escape.h"

#define W WM_CHART_WIDE
#define BAR_X 120	/* where a rating of 0 would be */
#define STEP 88		/* pixels per step of the 1..5 scale */
#define TOP 36
#define GROUP_H 34
#define ROW_H 66
#define FLAG_H 18	/* the line saying that the two groups differ */

int
wm_profile_erfs_mean(const struct wm_profile *p, size_t item, int column,
    double *mean)
{
	const struct wm_tally *t = wm_profile_tally(p, item, column);

	*mean = 0;
	if (!wm_erfs_mean_shown(column == 0 ? WM_ERFS_PEOPLE : WM_ERFS_STAFF,
	    t->scored))
		return 0;
	*mean = wm_tally_mean(t);
	return 1;
}

int
wm_profile_is_group(const struct wm_instrument *in, size_t i)
{
	size_t k;

	if (in->items[i].type != WM_ITEM_GROUP)
		return 0;
	for (k = i + 1; k < in->n_items; k++)
		if (in->items[k].parent == (int)i &&
		    in->items[k].type == WM_ITEM_CHOICE)
			return 1;
	return 0;
}

void
wm_profile_erfs_group(const struct wm_profile *p, size_t g, int column,
    struct wm_erfs_group_tally *out)
{
	size_t i;

	out->ratings = out->raters = 0;
	out->total = 0;
	for (i = g + 1; i < p->in->n_items; i++) {
		const struct wm_tally *t;

		if (p->in->items[i].parent != (int)g ||
		    p->in->items[i].type != WM_ITEM_CHOICE)
			continue;
		t = wm_profile_tally(p, i, column);
		out->ratings += t->scored;
		out->total += t->total;
		if (t->scored > out->raters)
			out->raters = t->scored;
	}
}

static int
differ(const struct wm_profile *p, size_t i)
{
	double a, b;

	return wm_profile_erfs_mean(p, i, 0, &a) &&
	    wm_profile_erfs_mean(p, i, 1, &b) && wm_ratings_differ(a, b);
}

static const char *const who[2] = { "People", "Staff" };

/* One bar and its figure; y is the bar's top. */
static void
bar(struct wm_buf *b, const struct wm_profile *p, size_t i, int c, int y)
{
	const struct wm_tally *t = wm_profile_tally(p, i, c);
	double mean;
	int shown = wm_profile_erfs_mean(p, i, c, &mean);
	long w = shown ? lround(mean * STEP) : 0;

	wm_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"13\" "
	    "text-anchor=\"end\" fill=\"#4c6272\">%s</text>\n", BAR_X - 8,
	    y + 12, who[c]);
	if (shown)
		wm_buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%ld\" "
		    "height=\"14\" %s/>\n<text x=\"%ld\" y=\"%d\" "
		    "font-size=\"13\" fill=\"#212b32\">%.1f</text>\n", BAR_X, y,
		    w, c == 0 ? "fill=\"#005eb8\"" : "fill=\"#ffffff\" "
		    "stroke=\"#005eb8\" stroke-width=\"2\"", BAR_X + w + 6,
		    y + 12, mean);
	else
		wm_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"13\" "
		    "fill=\"#4c6272\">%s</text>\n", BAR_X + 6, y + 12,
		    t->scored == 0 ? "no ratings" :
		    "withheld: fewer than 5 ratings");
}

static int
chart_height(const struct wm_profile *p)
{
	const struct wm_instrument *in = p->in;
	int h = TOP + 8;
	size_t i;

	for (i = 0; i < in->n_items; i++)
		if (wm_profile_is_group(in, i))
			h += GROUP_H;
		else if (in->items[i].type == WM_ITEM_CHOICE)
			h += ROW_H + (differ(p, i) ? FLAG_H : 0);
	return h;
}

int
wm_profile_erfs_svg(struct wm_buf *b, const struct wm_profile *p)
{
	const struct wm_instrument *in = p->in;
	int h = chart_height(p), y = TOP, v;
	size_t i;

	wm_chart_open(b, "domains", W, h, "");
	wm_buf_puts(b, "ERFS profile: people using the service and staff, side "
	    "by side");
	wm_chart_desc(b, "domains");
	wm_buf_puts(b, "The average rating of each domain from 1 (not at all) "
	    "to 5 (very well): a filled bar for people using the service, an "
	    "outlined bar for staff. The tables below give the same figures."
	    "</desc>\n");
	for (v = 1; v <= 5; v++)
		wm_buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		    "stroke=\"#d8dde0\"/>\n<text x=\"%d\" y=\"%d\" "
		    "font-size=\"13\" text-anchor=\"middle\" fill=\"#4c6272\">"
		    "%d</text>\n", BAR_X + v * STEP, TOP - 12, BAR_X + v * STEP,
		    h - 8, BAR_X + v * STEP, TOP - 18, v);
	for (i = 0; i < in->n_items; i++) {
		const struct wm_item *it = &in->items[i];

		if (wm_profile_is_group(in, i)) {
			wm_buf_printf(b, "<text x=\"8\" y=\"%d\" font-size=\"16\" "
			    "font-weight=\"bold\" fill=\"#212b32\">", y + 24);
			wm_esc_svg_s(b, it->text ? it->text : it->link_id);
			wm_buf_puts(b, "</text>\n");
			y += GROUP_H;
			continue;
		}
		if (it->type != WM_ITEM_CHOICE)
			continue;
		wm_buf_printf(b, "<text x=\"8\" y=\"%d\" font-size=\"14\" "
		    "fill=\"#212b32\"%s>", y + 16, differ(p, i) ?
		    " font-weight=\"bold\"" : "");
		wm_esc_svg_s(b, it->text ? it->text : it->link_id);
		wm_buf_puts(b, "</text>\n");
		bar(b, p, i, 0, y + 24);
		bar(b, p, i, 1, y + 44);
		y += ROW_H;
		if (differ(p, i)) {
			wm_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"13\" "
			    "font-weight=\"bold\" fill=\"#212b32\">People and "
			    "staff differ by a step or more</text>\n", BAR_X,
			    y - 4);
			y += FLAG_H;
		}
	}
	wm_chart_close(b);
	return b->failed ? -1 : 0;
}

static void
cells(struct wm_buf *b, const struct wm_profile *p, size_t i, int c)
{
	const struct wm_tally *t = wm_profile_tally(p, i, c);
	double mean;

	wm_buf_puts(b, "<td class=\"nhsuk-table__cell\">");
	if (wm_profile_erfs_mean(p, i, c, &mean))
		wm_buf_printf(b, "%.1f", mean);
	else
		wm_buf_puts(b, t->scored ? "withheld" : "none");
	wm_buf_puts(b, "</td><td class=\"nhsuk-table__cell\">");
	if (c == 0)
		wm_profile_count_html(b, t->scored);
	else
		wm_buf_printf(b, "%lld", (long long)t->scored);
	wm_buf_puts(b, "</td>");
}

static void
group_table(struct wm_buf *b, const struct wm_profile *p, size_t g)
{
	const struct wm_instrument *in = p->in;
	const char *caption = in->items[g].text ? in->items[g].text :
	    in->items[g].link_id;
	size_t i;

	wm_table_region_start(b, caption, "");
	wm_buf_puts(b, "<table class=\"nhsuk-table\">\n<caption class=\""
	    "nhsuk-table__caption\">");
	wm_esc_html_s(b, caption);
	wm_buf_puts(b, "</caption>\n<thead class=\"nhsuk-table__head\"><tr "
	    "class=\"nhsuk-table__row\"><th class=\"nhsuk-table__header\" "
	    "scope=\"col\">Domain</th><th class=\"nhsuk-table__header\" "
	    "scope=\"col\">People using the service: average</th><th class=\""
	    "nhsuk-table__header\" scope=\"col\">People: rated by</th><th "
	    "class=\"nhsuk-table__header\" scope=\"col\">Staff: average</th>"
	    "<th class=\"nhsuk-table__header\" scope=\"col\">Staff: rated by"
	    "</th><th class=\"nhsuk-table__header\" scope=\"col\">Differ by a "
	    "step or more</th></tr></thead>\n<tbody class=\"nhsuk-table__"
	    "body\">\n");
	for (i = g + 1; i < in->n_items; i++) {
		if (in->items[i].parent != (int)g ||
		    in->items[i].type != WM_ITEM_CHOICE)
			continue;
		wm_profile_row_head(b, &in->items[i]);
		cells(b, p, i, 0);
		cells(b, p, i, 1);
		wm_buf_printf(b, "<td class=\"nhsuk-table__cell\">%s</td></tr>\n",
		    differ(p, i) ? "<strong>Yes: they differ</strong>" : "No");
	}
	wm_buf_puts(b, "</tbody>\n</table>\n");
	wm_table_region_end(b);
}

int
wm_profile_erfs_html(struct wm_buf *b, const struct wm_profile *p)
{
	char words[40];
	size_t i;

	wm_quarter_words(&p->period, words, sizeof(words));
	wm_buf_puts(b, "<p class=\"nhsuk-body\">");
	wm_esc_html_s(b, words);
	wm_buf_puts(b, ": ");
	wm_profile_count_html(b, p->responses[0]);
	wm_buf_printf(b, " %s using the service and %lld %s of staff rated "
	    "the service.</p>\n", p->responses[0] == 1 ? "person" : "people",
	    (long long)p->responses[1], p->responses[1] == 1 ? "member" :
	    "members");
	if (p->responses[0] == 0 && p->responses[1] == 0) {
		wm_buf_puts(b, "<div class=\"nhsuk-inset-text\"><p>Not enough "
		    "answers yet: no one has rated this service on ERFS in this "
		    "period. When people using the service and staff do, their "
		    "ratings are shown here side by side.</p></div>\n");
		return b->failed ? -1 : 0;
	}
	if (!wm_service_mean_shown(p->responses[0]))
		wm_buf_puts(b, "<div class=\"nhsuk-inset-text\"><p>Not enough "
		    "answers yet from people using the service: their ratings "
		    "are shown once at least 5 have rated a domain, so that no "
		    "one can be recognised.</p></div>\n");
	wm_buf_puts(b, "<p class=\"nhsuk-body\">Each domain is rated from 1 "
	    "(not at all) to 5 (very well); \"don't know\" is left out. Where "
	    "people using the service and staff are a step or more apart, "
	    "that is marked: disagreement is where to start.</p>\n");
	wm_profile_erfs_svg(b, p);
	for (i = 0; i < p->in->n_items; i++)
		if (wm_profile_is_group(p->in, i))
			group_table(b, p, i);
	return b->failed ? -1 : 0;
}
