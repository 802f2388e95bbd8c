/*
 * Reading CSV text from outside (RFC 4180): records of cells separated by
 * commas, cells optionally quoted with '"' (a quote inside doubled), lines
 * ending in CRLF or LF. A pull reader over a caller's buffer: each call
 * gives the next record, or says why it could not be read, and names the
 * line it starts on. No domain knowledge, no I/O.
 *
 * Ownership: the reader borrows the text; a record's cells live in the
 * reader and are valid until the next call.
 */
#ifndef WM_UTIL_CSV_H
#define WM_UTIL_CSV_H

#include <stddef.h>

#define WM_CSV_MAX_CELLS 16
#define WM_CSV_MAX_RECORD 2048	/* bytes of cell text in one record */

struct wm_csv_record {
	int line;		/* 1-based line the record starts on */
	size_t n;		/* cells */
	const char *cell[WM_CSV_MAX_CELLS];
	/* NULL, or why this record could not be read (its cells are then
	 * not to be used): plain English, no full stop. */
	const char *problem;
};

struct wm_csv {
	const char *s;
	size_t len, pos;
	int line;		/* the line at pos */
	char text[WM_CSV_MAX_RECORD + WM_CSV_MAX_CELLS];
};

/* Starts reading s[0..len). A UTF-8 byte order mark at the start (as
 * spreadsheets write) is skipped. */
void wm_csv_init(struct wm_csv *c, const char *s, size_t len);

/* 1 with the next record in *r, or 0 at the end. Empty lines are
 * skipped. A record with a problem is still returned, with r->problem
 * set, and reading goes on at the next line; a quote left open runs to
 * the end of the text, so nothing follows it. Cells must be valid UTF-8
 * without control characters (a quoted cell may hold line breaks and
 * tabs). */
int wm_csv_next(struct wm_csv *c, struct wm_csv_record *r);

#endif
