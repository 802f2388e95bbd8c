/*
 * The frame of an SVG chart (report/chart.h).
 */
#include "report/chart.h"

#include "util/escape.h"

void
wm_chart_open(struct wm_buf *b, const char *id, long w, long h,
    const char *cls)
{
	wm_buf_puts(b, "<div class=\"wm-chart-region\" role=\"region\" "
	    "tabindex=\"0\" aria-labelledby=\"");
	wm_esc_attr_s(b, id);
	wm_buf_printf(b, "-t\">\n<svg class=\"wm-chart wm-chart--w%ld", w);
	if (cls[0]) {
		wm_buf_puts(b, " ");
		wm_esc_attr_s(b, cls);
	}
	wm_buf_printf(b, "\" viewBox=\"0 0 %ld %ld\" width=\"100%%\" "
	    "role=\"img\" aria-labelledby=\"", w, h);
	wm_esc_attr_s(b, id);
	wm_buf_puts(b, "-t ");
	wm_esc_attr_s(b, id);
	wm_buf_puts(b, "-d\"><title id=\"");
	wm_esc_attr_s(b, id);
	wm_buf_puts(b, "-t\">");
}

void
wm_chart_desc(struct wm_buf *b, const char *id)
{
	wm_buf_puts(b, "</title><desc id=\"");
	wm_esc_attr_s(b, id);
	wm_buf_puts(b, "-d\">");
}

void
wm_chart_close(struct wm_buf *b)
{
	wm_buf_puts(b, "</svg>\n</div>\n");
}
