/*
 * A person's journey on one scale, drawn for them: an SVG line chart
 * (with a title and description for screen readers), a table of the same
 * figures, and a sentence in plain English. Answers given alone and
 * answers given with a practitioner are marked differently (by shape, not
 * only colour). The words speak to the person on their own pages and of
 * them on a practitioner's. Writes into the caller's buffer through the
 * escaping writers.
 */
#ifndef WM_REPORT_JOURNEY_H
#define WM_REPORT_JOURNEY_H

#include <stddef.h>

#include "util/buf.h"

struct wm_journey_point {
	char date[11];		/* YYYY-MM-DD */
	double value;
	int with_practitioner;
};

struct wm_journey {
	const char *id;		/* for element ids: the scale code */
	const char *title;	/* the scale's title */
	const struct wm_journey_point *p;
	size_t n;		/* oldest first; at least 1 */
	double lo, hi;		/* the axis; both 0: at least 1 to 5 */
	int own;		/* the person's own view ("your score"), else
				 * a practitioner's ("their score") */
};

int wm_journey_sentence(struct wm_buf *b, const struct wm_journey *j);
int wm_journey_svg(struct wm_buf *b, const struct wm_journey *j);
int wm_journey_table(struct wm_buf *b, const struct wm_journey *j);

#endif
