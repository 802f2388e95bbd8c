#include "report/journey.h"


#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/change.h"
#include "report/chart.h"
#include "report/table_region.h"
#include "util/date.h"
#include "util/escape.h"

#define W ((double)WM_CHART_WIDE)
#define H 260.0
#define LEFT 44.0
#define RIGHT 16.0
#define TOP 16.0
#define BOTTOM 40.0


/* How the sentence ends, spoken to the person (own) or of them. */
struct voice {
	const char *you, *your, *higher, *lower;
};

static const struct voice voices[2] = {
	{ "they", "their",
	  "higher, which means they agreed more with these statements.",
	  "lower, which means they agreed less with these statements. "
	  "Setbacks are part of many journeys; it may help to talk it "
	  "through together." },
	{ "you", "your",
	  "higher, which means you agreed more with these statements.",
	  "lower, which means you agreed less with these statements. "
	  "Setbacks are part of many journeys; you may want to talk about it "
	  "with someone you trust." },
};

int
wm_journey_sentence(struct wm_buf *b, const struct wm_journey *j)
{
	const struct wm_journey_point *a = &j->p[0], *z = &j->p[j->n - 1];
	const struct voice *v = &voices[j->own != 0];
	char first[32], last[32];

	wm_date_words(a->date, first, sizeof(first));
	wm_date_words(z->date, last, sizeof(last));
	if (j->n == 1) {
		wm_buf_printf(b, "%s have answered this once, on %s, with a "
		    "score of %.1f. When %s answer again, you will see here "
		    "how it has changed.", j->own ? "You" : "They", first,
		    a->value, v->you);
		return b->failed ? -1 : 0;
	}
	wm_buf_printf(b, "Since %s %s score has gone from %.1f to %.1f "
	    "(on %s): ", first, v->your, a->value, z->value, last);
	switch (wm_change_between(a->value, z->value)) {
	case WM_CHANGE_HIGHER:
		wm_buf_puts(b, v->higher);
		break;
	case WM_CHANGE_LOWER:
		wm_buf_puts(b, v->lower);
		break;
	case WM_CHANGE_SAME:
		wm_buf_puts(b, "about the same.");
		break;
	}
	return b->failed ? -1 : 0;
}

/* The range shown: at least 1 to 5 (the agreement scales people answer),
 * widened to whole numbers around any score outside it. */
static void
range(const struct wm_journey *j, double *lo, double *hi)
{
	size_t i;

	*lo = 1;
	*hi = 5;
	if (j->hi > j->lo) {
		*lo = j->lo;
		*hi = j->hi;
	}
	for (i = 0; i < j->n; i++) {
		if (j->p[i].value < *lo)
			*lo = floor(j->p[i].value);
		if (j->p[i].value > *hi)
			*hi = ceil(j->p[i].value);
	}
}

static double
x_of(const struct wm_journey *j, size_t i, long d0, long d1)
{
	struct wm_date d;
	long days = 0;

	if (wm_date_parse(j->p[i].date, &d) == 0)
		days = wm_date_days(&d);
	if (d1 == d0)
		return LEFT + (W - LEFT - RIGHT) / 2;
	return LEFT + (W - LEFT - RIGHT) * (double)(days - d0) /
	    (double)(d1 - d0);
}

static long
day_of(const char *iso)
{
	struct wm_date d;

	return wm_date_parse(iso, &d) == 0 ? wm_date_days(&d) : 0;
}

/* Room for a coordinate in tenths: sign, digits, point, tenth, NUL. */
struct px {
	char s[24];
};

/*
 * A chart coordinate to a tenth, with the digits "%.1f" gives, by integer
 * arithmetic: glibc formats a double through arbitrary precision, and a
 * journey page draws a few hundred coordinates, which took a third of
 * its time (docs/benchmarks.md). Like printf, an exact half goes to the
 * even tenth; fma() gives the product's rounding error, which tells
 * whether v * 10 only looks like a half after rounding.
 */
static const char *
px(double v, struct px *out)
{
	double t = v * 10, r = nearbyint(t), e;
	unsigned long a;
	char *p = out->s + sizeof(out->s);

	if (!(fabs(t) < 1e15))
		t = r = 0;
	if (fabs(t - r) == 0.5 && (e = fma(v, 10, -t)) != 0)
		r = e > 0 ? ceil(t) : floor(t);
	a = (unsigned long)fabs(r);
	*--p = '\0';
	*--p = (char)('0' + a % 10);
	*--p = '.';
	a /= 10;
	do
		*--p = (char)('0' + a % 10);
	while ((a /= 10) > 0);
	if (signbit(r))
		*--p = '-';
	return p;
}

/* Appends each string up to the NULL: markup around numbers already
 * written, without a format for printf to read on every point. */
static void
cat(struct wm_buf *b, const char *s, ...)
{
	va_list ap;

	va_start(ap, s);
	for (; s; s = va_arg(ap, const char *))
		wm_buf_puts(b, s);
	va_end(ap);
}

int
wm_journey_svg(struct wm_buf *b, const struct wm_journey *j)
{
	long d0 = day_of(j->p[0].date), d1 = day_of(j->p[j->n - 1].date);
	double lo, hi, v;
	char first[32], last[32];
	struct px p1, p2, p3, p4, p5;
	size_t i;

	range(j, &lo, &hi);
	wm_date_words(j->p[0].date, first, sizeof(first));
	wm_date_words(j->p[j->n - 1].date, last, sizeof(last));
	wm_chart_open(b, j->id, lround(W), lround(H), "");
	wm_esc_svg_s(b, j->title);
	wm_buf_puts(b, j->own ? ": your scores over time" :
	    ": their scores over time");
	wm_chart_desc(b, j->id);
	wm_buf_printf(b, "%zu answers from %s to %s; the table below "
	    "gives each one.</desc>\n", j->n, first, last);
	for (v = lo; v <= hi + 1e-9; v += 1) {
		double y = TOP + (H - TOP - BOTTOM) * (hi - v) / (hi - lo);
		const char *ys = px(y, &p2);

		cat(b, "<line x1=\"", px(LEFT, &p1), "\" y1=\"", ys,
		    "\" x2=\"", px(W - RIGHT, &p3), "\" y2=\"", ys,
		    "\" stroke=\"#d8dde0\"/>\n<text x=\"", px(LEFT - 8, &p4),
		    "\" y=\"", px(y + 5, &p5), "\" font-size=\"14\" "
		    "text-anchor=\"end\" fill=\"#4c6272\">", NULL);
		wm_buf_printf(b, "%ld</text>\n", lround(v));
	}
	wm_buf_printf(b, "<text x=\"%s\" y=\"%s\" font-size=\"14\" "
	    "fill=\"#4c6272\">", px(LEFT, &p1), px(H - 12, &p2));
	wm_esc_svg_s(b, first);
	wm_buf_printf(b, "</text>\n<text x=\"%s\" y=\"%s\" font-size=\"14\" "
	    "text-anchor=\"end\" fill=\"#4c6272\">", px(W - RIGHT, &p1),
	    px(H - 12, &p2));
	wm_esc_svg_s(b, last);
	wm_buf_puts(b, "</text>\n");
	if (j->n > 1) {
		wm_buf_puts(b, "<polyline fill=\"none\" stroke=\"#005eb8\" "
		    "stroke-width=\"3\" points=\"");
		for (i = 0; i < j->n; i++)
			cat(b, i ? " " : "", px(x_of(j, i, d0, d1), &p1), ",",
			    px(TOP + (H - TOP - BOTTOM) * (hi - j->p[i].value) /
			    (hi - lo), &p2), NULL);
		wm_buf_puts(b, "\"/>\n");
	}
	for (i = 0; i < j->n; i++) {
		double x = x_of(j, i, d0, d1), y = TOP + (H - TOP - BOTTOM) *
		    (hi - j->p[i].value) / (hi - lo);

		/* Alone: a filled circle. With a practitioner: a square. */
		if (j->p[i].with_practitioner)
			cat(b, "<rect x=\"", px(x - 6, &p1), "\" y=\"",
			    px(y - 6, &p2), "\" width=\"12\" height=\"12\" "
			    "fill=\"#ffffff\" stroke=\"#005eb8\" "
			    "stroke-width=\"3\"/>\n", NULL);
		else
			cat(b, "<circle cx=\"", px(x, &p1), "\" cy=\"",
			    px(y, &p2), "\" r=\"7\" fill=\"#005eb8\"/>\n",
			    NULL);
	}
	wm_chart_close(b);
	return b->failed ? -1 : 0;
}

int
wm_journey_table(struct wm_buf *b, const struct wm_journey *j)
{
	char date[32];
	size_t i;

	wm_table_region_start(b, j->title, ": each answer");
	wm_buf_puts(b, "<table class=\"nhsuk-table\">\n<caption class=\""
	    "nhsuk-table__caption\">");
	wm_esc_html_s(b, j->title);
	wm_buf_puts(b, ": each answer</caption>\n<thead class=\"nhsuk-table__"
	    "head\"><tr class=\"nhsuk-table__row\"><th class=\"nhsuk-table__"
	    "header\" scope=\"col\">Date</th><th class=\"nhsuk-table__header\" "
	    "scope=\"col\">Score</th><th class=\"nhsuk-table__header\" "
	    "scope=\"col\">Answered</th></tr></thead>\n<tbody class=\"nhsuk-"
	    "table__body\">\n");
	for (i = 0; i < j->n; i++) {
		wm_date_words(j->p[i].date, date, sizeof(date));
		wm_buf_puts(b, "<tr class=\"nhsuk-table__row\"><td class=\""
		    "nhsuk-table__cell\">");
		wm_esc_html_s(b, date);
		wm_buf_printf(b, "</td><td class=\"nhsuk-table__cell\">%.1f</td>"
		    "<td class=\"nhsuk-table__cell\">%s</td></tr>\n",
		    j->p[i].value, j->p[i].with_practitioner ?
		    "with a practitioner (square)" : j->own ?
		    "on your own (circle)" : "on their own (circle)");
	}
	wm_buf_puts(b, "</tbody>\n</table>\n");
	wm_table_region_end(b);
	return b->failed ? -1 : 0;
}
