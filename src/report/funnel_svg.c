/*
 * A funnel plot as SVG with its table (report/funnel_svg.h). The limits
 * are drawn as lines through their values at 80 denominators across the
 * chart; the points' shapes (a circle within the limits, a triangle up
 * above them, down below) say what their colour says.
 */
#include "report/funnel_svg.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/chart.h"
#include "util/escape.h"

enum { W = WM_CHART_WIDE, H = 380, LEFT = 64, RIGHT = 16, TOP = 20, BOTTOM = 56,
	STEPS = 80 };

static double
px(int64_t n, int64_t xmax)
{
	return LEFT + (double)(W - LEFT - RIGHT) * (double)n / (double)xmax;
}

static double
py(double p)
{
	if (p < 0)
		p = 0;
	if (p > 1)
		p = 1;
	return TOP + (double)(H - TOP - BOTTOM) * (1 - p);
}

static void
axes(struct wm_buf *b, int64_t xmax)
{
	int k;

	for (k = 0; k <= 4; k++) {
		double y = py(k / 4.0);

		wm_buf_printf(b, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" "
		    "y2=\"%.1f\" stroke=\"#d8dde0\"/>\n<text x=\"%d\" "
		    "y=\"%.1f\" font-size=\"13\" text-anchor=\"end\" "
		    "fill=\"#4c6272\">%d%%</text>\n", LEFT, y, W - RIGHT, y,
		    LEFT - 6, y + 4, k * 25);
	}
	for (k = 0; k <= 4; k++) {
		int64_t n = xmax * k / 4;

		wm_buf_printf(b, "<text x=\"%.1f\" y=\"%d\" font-size=\"13\" "
		    "text-anchor=\"middle\" fill=\"#4c6272\">%lld</text>\n",
		    px(n, xmax), H - BOTTOM + 18, (long long)n);
	}
}

/* One limit as a line through its value at STEPS denominators. */
static void
limit(struct wm_buf *b, const struct wm_funnel *f, int64_t xmax, int which,
    const char *dash)
{
	struct wm_funnel_limits l;
	int64_t n, step = xmax / STEPS > 0 ? xmax / STEPS : 1;

	wm_buf_printf(b, "<polyline fill=\"none\" stroke=\"#425563\" "
	    "stroke-width=\"1.5\"%s points=\"", dash);
	for (n = step; n <= xmax; n += step) {
		double v;

		wm_funnel_limits_at(f, n, &l);
		v = which == 0 ? l.lo998 : which == 1 ? l.lo95 :
		    which == 2 ? l.hi95 : l.hi998;
		wm_buf_printf(b, "%.1f,%.1f ", px(n, xmax), py(v));
	}
	wm_buf_puts(b, "\"/>\n");
}

static const char *
place_words(enum wm_funnel_place p)
{
	return p == WM_FUNNEL_ABOVE ? "Above the 99.8% limit" :
	    p == WM_FUNNEL_BELOW ? "Below the 99.8% limit" :
	    "Within the limits";
}

/* A point's share as published: of its published figures. */
static struct wm_shown
share_of(const struct wm_funnel_point *p)
{
	struct wm_shown x = { p->withheld, p->x }, n = { p->withheld, p->n };

	return wm_disclose_share(x, n);
}

static void
point(struct wm_buf *b, const struct wm_funnel *f,
    const struct wm_funnel_point *p, int64_t xmax)
{
	struct wm_funnel_unit u = { p->n, p->x };
	enum wm_funnel_place where = wm_funnel_place_of(f, &u);
	struct wm_shown pct = share_of(p);
	/* Drawn where its published figures put it (the rounded
	 * denominator, the whole-number share of the rounded counts), never
	 * at its true counts, which a reader could measure off the chart. */
	double x = px(p->n, xmax), y = py((double)pct.value / 100);

	if (where == WM_FUNNEL_ABOVE)
		wm_buf_printf(b, "<polygon fill=\"#005eb8\" points=\"%.1f,%.1f "
		    "%.1f,%.1f %.1f,%.1f\">", x, y - 7, x - 6, y + 5, x + 6,
		    y + 5);
	else if (where == WM_FUNNEL_BELOW)
		wm_buf_printf(b, "<polygon fill=\"#d5281b\" points=\"%.1f,%.1f "
		    "%.1f,%.1f %.1f,%.1f\">", x, y + 7, x - 6, y - 5, x + 6,
		    y - 5);
	else
		wm_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" "
		    "fill=\"#ffffff\" stroke=\"#212b32\" stroke-width=\"1.5\">",
		    x, y);
	wm_buf_puts(b, "<title>");
	wm_esc_svg_s(b, p->name);
	if (!pct.withheld)
		wm_buf_printf(b, ": %lld%%", (long long)pct.value);
	wm_buf_puts(b, "</title>");
	wm_buf_puts(b, where == WM_FUNNEL_WITHIN ? "</circle>\n" :
	    "</polygon>\n");
}

static void
svg(struct wm_buf *b, const char *id, const char *what, const char *of,
    const struct wm_funnel *f, const struct wm_funnel_point *pts, size_t n,
    int64_t xmax)
{
	size_t i;

	wm_chart_open(b, id, W, H, "");
	wm_buf_puts(b, "Funnel plot: ");
	wm_esc_svg_s(b, what);
	wm_chart_desc(b, id);
	wm_buf_puts(b, "Each service is a point: across, how many ");
	wm_esc_svg_s(b, of);
	wm_buf_printf(b, "; up, its share. The level line is the network's "
	    "share, %.0f%%. The dashed lines are the 95%% limits and the "
	    "solid lines the 99.8%% limits around it%s. A circle is within "
	    "the limits, a triangle pointing up is above them and one "
	    "pointing down below them. The table after the chart gives "
	    "the same figures.</desc>\n", f->theta * 100, f->overdispersed ?
	    ", widened because the services vary more than chance alone "
	    "would explain" : "");
	axes(b, xmax);
	wm_buf_printf(b, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
	    "stroke=\"#212b32\" stroke-width=\"2\"/>\n", LEFT,
	    py(round(f->theta * 100) / 100), W - RIGHT,
	    py(round(f->theta * 100) / 100));
	limit(b, f, xmax, 0, "");
	limit(b, f, xmax, 1, " stroke-dasharray=\"6 4\"");
	limit(b, f, xmax, 2, " stroke-dasharray=\"6 4\"");
	limit(b, f, xmax, 3, "");
	for (i = 0; i < n; i++)
		if (wm_funnel_point_shown(&pts[i]))
			point(b, f, &pts[i], xmax);
	wm_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"13\" "
	    "text-anchor=\"middle\" fill=\"#212b32\">", (W + LEFT) / 2, H - 12);
	wm_esc_svg_s(b, of);
	wm_buf_puts(b, "</text>\n");
	wm_chart_close(b);
}

/* The services outside the 99.8% limits, named; and those left off. */
static void
notes(struct wm_buf *b, const struct wm_funnel *f,
    const struct wm_funnel_point *pts, size_t n, size_t left_off)
{
	size_t i, outside = 0;

	for (i = 0; i < n; i++) {
		struct wm_funnel_unit u = { pts[i].n, pts[i].x };
		enum wm_funnel_place where;

		if (!wm_funnel_point_shown(&pts[i]))
			continue;
		where = wm_funnel_place_of(f, &u);
		if (where == WM_FUNNEL_WITHIN)
			continue;
		if (!outside++)
			wm_buf_puts(b, "<p class=\"nhsuk-body-s\">Outside the "
			    "99.8% limits:</p>\n<ul class=\"nhsuk-list "
			    "nhsuk-list--bullet nhsuk-body-s\">\n");
		wm_buf_puts(b, "<li>");
		wm_esc_html_s(b, pts[i].name);
		wm_buf_puts(b, where == WM_FUNNEL_ABOVE ? ": above" :
		    ": below");
		wm_buf_puts(b, "</li>\n");
	}
	if (outside)
		wm_buf_puts(b, "</ul>\n");
	else
		wm_buf_puts(b, "<p class=\"nhsuk-body-s\">No service is "
		    "outside the 99.8% limits.</p>\n");
	if (f->overdispersed)
		wm_buf_printf(b, "<p class=\"nhsuk-body-s\">The services vary "
		    "more than chance alone would explain (over-dispersion "
		    "%.2f), so the limits are widened by that extra "
		    "variation.</p>\n", f->phi);
	if (left_off)
		wm_buf_printf(b, "<p class=\"nhsuk-body-s\">%zu service%s left "
		    "off the chart: %s figures are withheld to protect small "
		    "numbers.</p>\n", left_off, left_off == 1 ? " is" : "s are",
		    left_off == 1 ? "its" : "their");
}

static void
table(struct wm_buf *b, const char *what, const char *of,
    const struct wm_funnel *f, int fitted, const struct wm_funnel_point *pts,
    size_t n)
{
	size_t i;

	wm_buf_puts(b, "<table class=\"nhsuk-table-responsive\">\n<caption "
	    "class=\"nhsuk-table__caption nhsuk-u-font-size-16\">The chart's "
	    "figures: ");
	wm_esc_html_s(b, what);
	wm_buf_puts(b, "</caption>\n<thead class=\"nhsuk-table__head\"><tr "
	    "class=\"nhsuk-table__row\"><th class=\"nhsuk-table__header\" "
	    "scope=\"col\">Service</th><th class=\"nhsuk-table__header\" "
	    "scope=\"col\">");
	wm_esc_html_s(b, of);
	wm_buf_puts(b, "</th><th class=\"nhsuk-table__header\" scope=\"col\">"
	    "Share</th><th class=\"nhsuk-table__header\" scope=\"col\">"
	    "Against the network</th></tr></thead>\n<tbody class=\""
	    "nhsuk-table__body\">\n");
	for (i = 0; i < n; i++) {
		struct wm_funnel_unit u = { pts[i].n, pts[i].x };
		struct wm_shown p = share_of(&pts[i]);
		int shown = wm_funnel_point_shown(&pts[i]);

		wm_buf_puts(b, "<tr class=\"nhsuk-table__row\"><th class=\""
		    "nhsuk-table__header\" scope=\"row\">");
		wm_esc_html_s(b, pts[i].name);
		wm_buf_puts(b, "</th><td class=\"nhsuk-table__cell\"><span "
		    "class=\"nhsuk-table-responsive__heading\" aria-hidden=\""
		    "true\">");
		wm_esc_html_s(b, of);
		wm_buf_puts(b, " </span>");
		/* A withheld point is "*" whatever its denominator: "None"
		 * would say it is 0, which the rule may withhold too. */
		if (pts[i].withheld)
			wm_buf_puts(b, "*");
		else
			wm_buf_printf(b, "%lld", (long long)pts[i].n);
		wm_buf_puts(b, "</td><td class=\"nhsuk-table__cell\"><span "
		    "class=\"nhsuk-table-responsive__heading\" aria-hidden=\""
		    "true\">Share </span>");
		if (pts[i].withheld || (pts[i].n > 0 && p.withheld))
			wm_buf_puts(b, "*");
		else if (pts[i].n <= 0)
			wm_buf_puts(b, "None");
		else
			wm_buf_printf(b, "%lld%%", (long long)p.value);
		wm_buf_puts(b, "</td><td class=\"nhsuk-table__cell\"><span "
		    "class=\"nhsuk-table-responsive__heading\" aria-hidden=\""
		    "true\">Against the network </span>");
		if (pts[i].withheld)
			wm_buf_puts(b, "Left off the chart");
		else if (!shown)
			wm_buf_puts(b, "No one to compare");
		else if (!fitted)
			wm_buf_puts(b, "Not compared");
		else
			wm_buf_puts(b, place_words(wm_funnel_place_of(f, &u)));
		wm_buf_puts(b, "</td></tr>\n");
	}
	wm_buf_puts(b, "</tbody>\n</table>\n");
}

int
wm_funnel_point_shown(const struct wm_funnel_point *p)
{
	return !p->withheld && p->n > 0;
}

size_t
wm_funnel_left_off(const struct wm_funnel_point *pts, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += pts[i].withheld != 0;
	return k;
}

int
wm_funnel_points_fit(const struct wm_funnel_point *pts, size_t n,
    struct wm_funnel *fit, int *fitted)
{
	struct wm_funnel_unit *u = calloc(n + 1, sizeof(*u));
	size_t i, k = 0;

	*fitted = 0;
	memset(fit, 0, sizeof(*fit));
	if (!u)
		return -1;
	for (i = 0; i < n; i++)
		if (wm_funnel_point_shown(&pts[i])) {
			u[k].n = pts[i].n;
			u[k++].x = pts[i].x;
		}
	if (wm_funnel_fit(u, k, fit) == 0)
		*fitted = 1;
	else
		fit->units = 0;
	free(u);
	return 0;
}

int
wm_funnel_html(struct wm_buf *b, const char *id, const char *what,
    const char *of, const struct wm_funnel_point *pts, size_t n,
    struct wm_funnel *fit)
{
	int64_t xmax = 10;
	size_t i;
	int fitted;

	if (wm_funnel_points_fit(pts, n, fit, &fitted))
		return -1;
	for (i = 0; i < n; i++)
		if (wm_funnel_point_shown(&pts[i]) && pts[i].n > xmax)
			xmax = pts[i].n;
	xmax = xmax + xmax / 10;
	if (!fitted)
		wm_buf_puts(b, "<p class=\"nhsuk-body-s\">No funnel plot: too "
		    "few services have figures that can be shown, or every "
		    "service has the same share.</p>\n");
	else {
		svg(b, id, what, of, fit, pts, n, xmax);
		notes(b, fit, pts, n, wm_funnel_left_off(pts, n));
	}
	table(b, what, of, fit, fitted, pts, n);
	return b->failed ? -1 : 0;
}
