/*
 * Answers as RFC 4180 CSV, one row per answer, with identifiers and never
 * names, and the question's wording as it was asked (last, after the
 * columns that came before it), every text cell guarded against
 * spreadsheet formulas. Shared by
 * `waymark export responses` and a person's download of their record.
 * Appends to the caller's buffer.
 */
#ifndef WM_REPORT_ANSWERS_CSV_H
#define WM_REPORT_ANSWERS_CSV_H

#include "store/store.h"
#include "util/buf.h"

int wm_answers_csv_header(struct wm_buf *b);
int wm_answers_csv_row(struct wm_buf *b, const struct wm_answer_row *a);

#endif
