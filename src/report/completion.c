#include "report/completion.h"

#include <stdio.h>

#include "report/chart.h"
#include "report/table_region.h"
#include "util/date.h"
#include "util/escape.h"

void
wm_completion_month_name(const struct wm_completion_month *m, char out[20])
{
	snprintf(out, 20, "%s %d", wm_month_name(m->month),
	    m->year % 10000);
}

int
wm_completion_table(struct wm_buf *b, const char *caption,
    const struct wm_completion *c, int about_people)
{
	const struct wm_completion_month *m;
	char name[20];
	int i, pct;

	wm_table_region_start(b, caption, "");
	wm_buf_puts(b, "<table class=\"nhsuk-table\">\n<caption class=\""
	    "nhsuk-table__caption\">");
	wm_esc_html_s(b, caption);
	wm_buf_puts(b, "</caption>\n<thead class=\"nhsuk-table__head\"><tr "
	    "class=\"nhsuk-table__row\"><th scope=\"col\" class=\""
	    "nhsuk-table__header\">Month</th><th scope=\"col\" class=\""
	    "nhsuk-table__header\">Due</th><th scope=\"col\" class=\""
	    "nhsuk-table__header\">Done in time</th><th scope=\"col\" class=\""
	    "nhsuk-table__header\">Completion</th></tr></thead>\n"
	    "<tbody class=\"nhsuk-table__body\">\n");
	for (i = WM_COMPLETION_MONTHS - 1; i >= 0; i--) {
		m = &c->m[i];
		wm_completion_month_name(m, name);
		wm_buf_puts(b, "<tr class=\"nhsuk-table__row\"><th scope=\"row\" "
		    "class=\"nhsuk-table__header\">");
		wm_esc_html_s(b, name);
		if (i == WM_COMPLETION_MONTHS - 1)
			wm_buf_puts(b, " (this month so far: not final)");
		else if (!m->final)
			wm_buf_puts(b, " (not final: some windows still open)");
		wm_buf_printf(b, "</th><td class=\"nhsuk-table__cell\">%ld</td>"
		    "<td class=\"nhsuk-table__cell\">%ld</td><td class=\""
		    "nhsuk-table__cell\">", m->due, m->done);
		if ((pct = wm_completion_percent(m->done, m->due)) < 0)
			wm_buf_puts(b, about_people ? "No one was due" :
			    "Nothing was due");
		else
			wm_buf_printf(b, "%d%%", pct);
		wm_buf_puts(b, "</td></tr>\n");
	}
	wm_buf_puts(b, "</tbody>\n</table>\n");
	wm_table_region_end(b);
	return b->failed ? -1 : 0;
}

/* The chart's frame, in whole pixels. */
enum { W = WM_CHART_WIDE, H = 220, LEFT = 48, RIGHT = 8, TOP = 12, BOTTOM = 36,
	SLOT = (W - LEFT - RIGHT) / WM_COMPLETION_MONTHS, BAR = SLOT - 12 };

int
wm_completion_svg(struct wm_buf *b, const char *id, const char *title,
    const struct wm_completion *c)
{
	const struct wm_completion_month *m;
	int i, pct, v, x, y, plot = H - TOP - BOTTOM;
	char first[20], last[20];

	wm_completion_month_name(&c->m[0], first);
	wm_completion_month_name(&c->m[WM_COMPLETION_MONTHS - 1], last);
	wm_chart_open(b, id, W, H, "");
	wm_esc_svg_s(b, title);
	wm_buf_puts(b, ": completion by month");
	wm_chart_desc(b, id);
	wm_buf_puts(b, "The share of times due that were done in time, "
	    "each month from ");
	wm_esc_svg_s(b, first);
	wm_buf_puts(b, " to ");
	wm_esc_svg_s(b, last);
	wm_buf_puts(b, "; the table gives every figure.</desc>\n");
	for (v = 0; v <= 100; v += 50) {
		y = TOP + plot * (100 - v) / 100;
		wm_buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		    "stroke=\"#d8dde0\"/>\n<text x=\"%d\" y=\"%d\" "
		    "font-size=\"14\" text-anchor=\"end\" fill=\"#4c6272\">"
		    "%d%%</text>\n", LEFT, y, W - RIGHT, y, LEFT - 6, y + 5, v);
	}
	for (i = 0; i < WM_COMPLETION_MONTHS; i++) {
		m = &c->m[i];
		x = LEFT + i * SLOT + (SLOT - BAR) / 2;
		if ((pct = wm_completion_percent(m->done, m->due)) >= 0) {
			y = TOP + plot * (100 - pct) / 100;
			/* The month still open is drawn hollow. */
			wm_buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" "
			    "height=\"%d\" fill=\"%s\" stroke=\"#005eb8\" "
			    "stroke-width=\"2\"/>\n", x, y, BAR, TOP + plot - y,
			    m->final ? "#005eb8" : "#ffffff");
		}
		wm_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" "
		    "text-anchor=\"middle\" fill=\"#4c6272\">%.3s</text>\n",
		    x + BAR / 2, H - BOTTOM + 16, wm_month_name(m->month));
	}
	wm_chart_close(b);
	return b->failed ? -1 : 0;
}
