/*
 * What every SVG chart shares: its frame, scaled to the column it sits
 * in, read out as an image by its title and its description, whose ids
 * come from the chart's id ("ID-t", "ID-d": letters, digits and '-').
 */
#ifndef WM_REPORT_CHART_H
#define WM_REPORT_CHART_H

#include "util/buf.h"

/* The widths a chart may be drawn at: each is its least width on a
 * screen (assets/waymark.css), so that its words, 12 px or more, are
 * never drawn smaller. */
#define WM_CHART_WIDE 640
#define WM_CHART_MID 400
#define WM_CHART_SMALL 320

/* Opens a chart of w (one of the widths above) by h, in a region of its
 * own that scrolls sideways on a screen narrower than w, named by the
 * chart's title; `cls` adds a class ("" for none). The caller writes the
 * title's text (SVG-escaped), then wm_chart_desc, the drawing, and last
 * wm_chart_close. */
void wm_chart_open(struct wm_buf *b, const char *id, long w, long h,
    const char *cls);
void wm_chart_close(struct wm_buf *b);
/* Ends the title and opens the description: the caller writes its text,
 * then "</desc>". */
void wm_chart_desc(struct wm_buf *b, const char *id);

#endif
