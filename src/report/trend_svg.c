/*
 * A trend as a small SVG chart with its table (report/trend_svg.h).
 * Coordinates are whole pixels of a 320 by 190 box, scaled to the
 * column it sits in, so two charts sit side by side on a wide screen and
 * one above the other at 320 px.
 */
#include "report/trend_svg.h"

#include "report/chart.h"
#include "util/escape.h"

enum { W = WM_CHART_SMALL, H = 190, LEFT = 44, RIGHT = 12, TOP = 12, BOTTOM = 46 };

static int
px(size_t k, size_t n)
{
	return LEFT + (int)((size_t)(W - LEFT - RIGHT) * (2 * k + 1) /
	    (2 * n));
}

static int
py(int64_t percent)
{
	return TOP + (int)((int64_t)(H - TOP - BOTTOM) * (100 - percent) /
	    100);
}

static void
quarter_of(const struct wm_net_trends *t, size_t k, struct wm_quarter *q)
{
	int i = t->from.year * 4 + t->from.quarter - 1 + (int)k;

	q->year = i / 4;
	q->quarter = i % 4 + 1;
}

static void
axes(struct wm_buf *b, const struct wm_net_trends *t)
{
	size_t k;
	int p;

	for (p = 0; p <= 100; p += 50)
		wm_buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" "
		    "y2=\"%d\" stroke=\"#d8dde0\"/>\n<text x=\"%d\" y=\"%d\" "
		    "font-size=\"12\" text-anchor=\"end\" fill=\"#4c6272\">"
		    "%d%%</text>\n", LEFT, py(p), W - RIGHT, py(p), LEFT - 6,
		    py(p) + 4, p);
	for (k = 0; k < t->n_quarters; k++) {
		struct wm_quarter q;

		quarter_of(t, k, &q);
		if (t->n_quarters <= 12)
			wm_buf_printf(b, "<text x=\"%d\" y=\"%d\" "
			    "font-size=\"12\" text-anchor=\"middle\" "
			    "fill=\"#4c6272\">Q%d</text>\n",
			    px(k, t->n_quarters), H - BOTTOM + 16, q.quarter);
		if (q.quarter == 1 || k == 0)
			wm_buf_printf(b, "<text x=\"%d\" y=\"%d\" "
			    "font-size=\"12\" text-anchor=\"middle\" "
			    "fill=\"#4c6272\">%d</text>\n",
			    px(k, t->n_quarters), H - BOTTOM + 32, q.year);
	}
}

/* The line through each run of quarters with a point. */
static void
lines(struct wm_buf *b, const struct wm_net_trends *t,
    const struct wm_net_trend *tr)
{
	size_t k;
	int open = 0;

	for (k = 0; k < t->n_quarters; k++) {
		const struct wm_net_point *p = &tr->points[k];
		int next = k + 1 < t->n_quarters &&
		    tr->points[k + 1].gap == WM_NET_GAP_NONE;

		if (p->gap != WM_NET_GAP_NONE)
			continue;
		if (!open && next) {
			wm_buf_puts(b, "<polyline fill=\"none\" stroke=\""
			    "#005eb8\" stroke-width=\"2\" points=\"");
			open = 1;
		}
		if (open)
			wm_buf_printf(b, "%d,%d ", px(k, t->n_quarters),
			    py(p->share.value));
		if (open && !next) {
			wm_buf_puts(b, "\"/>\n");
			open = 0;
		}
	}
}

/* A point, or the sign of a gap along the bottom, with its words. */
static void
mark(struct wm_buf *b, const struct wm_net_trends *t,
    const struct wm_net_trend *tr, size_t k)
{
	const struct wm_net_point *p = &tr->points[k];
	char q[40];
	struct wm_quarter at;
	int x = px(k, t->n_quarters);

	quarter_of(t, k, &at);
	wm_quarter_words(&at, q, sizeof(q));
	if (p->gap == WM_NET_GAP_NONE) {
		wm_buf_printf(b, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" "
		    "fill=\"%s\" stroke=\"#005eb8\" stroke-width=\"2\"><title>"
		    "%s: %lld%%%s</title></circle>\n", x, py(p->share.value),
		    p->provisional ? "#ffffff" : "#005eb8", q,
		    (long long)p->share.value, p->provisional ?
		    ", may still change" : "");
		return;
	}
	wm_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"14\" "
	    "text-anchor=\"middle\" fill=\"#212b32\">%s<title>%s: ", x,
	    py(0) - 6, p->gap == WM_NET_GAP_WITHHELD ? "*" : "-", q);
	wm_esc_svg_s(b, wm_net_gap_words(p->gap));
	wm_buf_puts(b, "</title></text>\n");
}

static void
svg(struct wm_buf *b, const char *id, const struct wm_net_trends *t,
    const struct wm_net_trend *tr)
{
	size_t k;

	wm_chart_open(b, id, W, H, "");
	wm_esc_svg_s(b, tr->title);
	wm_buf_puts(b, ", quarter by quarter");
	wm_chart_desc(b, id);
	wm_buf_puts(b, "The share in each quarter, from 0 to 100%, "
	    "a point for each quarter that has one, joined where quarters "
	    "follow each other. A quarter without a point is a gap: * where "
	    "the figure is withheld, - where there is nothing to show; an "
	    "open circle may still change. The table after the chart gives "
	    "each quarter's figure, and why any is missing.</desc>\n");
	axes(b, t);
	lines(b, t, tr);
	for (k = 0; k < t->n_quarters; k++)
		mark(b, t, tr, k);
	wm_chart_close(b);
}

/* A point's figure in the table: as the rule publishes it, or why there
 * is none. */
static void
figure(struct wm_buf *b, const struct wm_net_point *p, int percent)
{
	struct wm_shown s = percent ? p->share : p->of;

	if (p->gap == WM_NET_GAP_NOBODY)
		wm_buf_puts(b, "None");
	else if (p->gap != WM_NET_GAP_NONE && p->gap != WM_NET_GAP_WITHHELD)
		wm_buf_puts(b, "Not counted");
	else if (s.withheld)
		wm_buf_puts(b, "*");
	else
		wm_buf_printf(b, percent ? "%lld%%" : "%lld",
		    (long long)s.value);
}

/* Starts a cell with its column's heading for a narrow screen, where the
 * table stacks. */
static void
cell(struct wm_buf *b, const char *heading)
{
	wm_buf_puts(b, "<td class=\"nhsuk-table__cell\"><span class=\""
	    "nhsuk-table-responsive__heading\" aria-hidden=\"true\">");
	wm_esc_html_s(b, heading);
	wm_buf_puts(b, " </span>");
}

static void
table(struct wm_buf *b, const struct wm_net_trends *t,
    const struct wm_net_trend *tr)
{
	size_t k;

	wm_buf_puts(b, "<details class=\"nhsuk-details\">\n<summary class=\""
	    "nhsuk-details__summary\"><span class=\"nhsuk-details__summary-"
	    "text\">The figures as a table</span></summary>\n<div class=\""
	    "nhsuk-details__text\">\n<table class=\"nhsuk-table-responsive\">\n"
	    "<caption "
	    "class=\"nhsuk-table__caption nhsuk-u-font-size-16\">");
	wm_esc_html_s(b, tr->title);
	wm_buf_puts(b, "</caption>\n<thead class=\"nhsuk-table__head\"><tr "
	    "class=\"nhsuk-table__row\"><th class=\"nhsuk-table__header\" "
	    "scope=\"col\">Quarter</th><th class=\"nhsuk-table__header\" "
	    "scope=\"col\">Share</th><th class=\"nhsuk-table__header\" "
	    "scope=\"col\">Out of</th><th class=\"nhsuk-table__header\" "
	    "scope=\"col\">Note</th></tr></thead>\n<tbody class=\""
	    "nhsuk-table__body\">\n");
	for (k = 0; k < t->n_quarters; k++) {
		const struct wm_net_point *p = &tr->points[k];
		struct wm_quarter q;
		char words[40];

		quarter_of(t, k, &q);
		wm_quarter_words(&q, words, sizeof(words));
		wm_buf_puts(b, "<tr class=\"nhsuk-table__row\"><th class=\""
		    "nhsuk-table__header\" scope=\"row\">");
		wm_esc_html_s(b, words);
		wm_buf_puts(b, "</th>");
		cell(b, "Share");
		figure(b, p, 1);
		wm_buf_puts(b, "</td>");
		cell(b, "Out of");
		figure(b, p, 0);
		wm_buf_puts(b, "</td>");
		cell(b, "Note");
		if (p->gap != WM_NET_GAP_NONE)
			wm_esc_html_s(b, wm_net_gap_words(p->gap));
		else if (p->provisional)
			wm_buf_puts(b, "may still change");
		wm_buf_puts(b, "</td></tr>\n");
	}
	wm_buf_puts(b, "</tbody>\n</table>\n</div>\n</details>\n");
}

int
wm_trend_html(struct wm_buf *b, const char *id, const struct wm_net_trends *t,
    const struct wm_net_trend *tr)
{
	wm_buf_puts(b, "<h4 class=\"nhsuk-heading-xs\">");
	wm_esc_html_s(b, tr->title);
	wm_buf_puts(b, "</h4>\n");
	svg(b, id, t, tr);
	table(b, t, tr);
	return b->failed ? -1 : 0;
}
