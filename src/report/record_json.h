/*
 * A person's record as JSON, for their download and the API: responses in
 * the order the store hands their answers over (wm_store_answer_each),
 * each with the instrument, when, who answered, its status and its
 * answers (words, code, scored value, text); and goal reviews.
 */
#ifndef WM_REPORT_RECORD_JSON_H
#define WM_REPORT_RECORD_JSON_H

#include <jansson.h>

#include "store/store.h"

/* A wm_store_answer_each callback; ctx is the JSON array of responses
 * it appends to. Returns -1 when memory runs out. */
int wm_answers_json_row(void *ctx, const struct wm_answer_row *a);

/* A wm_store_goal_reviews callback; ctx is the JSON array of reviews. */
int wm_goal_review_json_row(void *ctx, const struct wm_goal_review_row *rv);

#endif
