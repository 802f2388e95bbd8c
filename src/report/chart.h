/*
 * What every SVG chart shares: its frame, scaled to the column it sits
 * in, read out as an image by its title and its description, whose ids
 * come from the chart's id ("ID-t", "ID-d": letters, digits and '-').
 */
#ifndef WM_REPORT_CHART_H
#define WM_REPORT_CHART_H

#include "util/buf.h"

/* Opens a chart of w by h and its title: the caller writes the title's
 * text (SVG-escaped), then wm_chart_desc. */
void wm_chart_open(struct wm_buf *b, const char *id, long w, long h);
/* Ends the title and opens the description: the caller writes its text,
 * then "</desc>". */
void wm_chart_desc(struct wm_buf *b, const char *id);

#endif
