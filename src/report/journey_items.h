/*
 * A person's answers to each question of one measure, the first beside
 * the latest: a table, and a sentence in plain English for each question
 * whose answer has moved ("Since March 2025 you have answered more
 * hopefully about ..."). With one response there is nothing to compare,
 * and the text says so instead. Answers given with a practitioner are
 * marked in words, not by colour. Writes into the caller's buffer
 * through the escaping writers; the caller writes the heading.
 */
#ifndef WM_REPORT_JOURNEY_ITEMS_H
#define WM_REPORT_JOURNEY_ITEMS_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

struct wm_item_answer {
	const char *date;	/* YYYY-MM-DD */
	const char *words;	/* the option chosen, as the person saw it */
	int has_value;		/* 0: not scored ("prefer not to say") */
	double value;		/* the option's ordinal value, as stored */
	int with_practitioner;
};

struct wm_item_change {
	const char *question;
	struct wm_item_answer first, latest;
	int64_t answers;	/* responses that answered it; 1: first is latest */
	int direction;		/* as wm_item_direction(): 1, -1, 0 unknown */
};

struct wm_item_changes {
	const char *title;	/* the measure's, for the table's caption */
	int64_t responses;	/* the person's completed responses to it */
	const struct wm_item_change *items;
	size_t n;		/* at least 1, in the measure's order */
	int own;		/* the person's own view ("you"), else "they" */
};

int wm_journey_items(struct wm_buf *b, const struct wm_item_changes *c);

#endif
