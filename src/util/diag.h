/*
 * struct wm_diags: the problems a parser or validator found, each with its
 * place, so a user sees every problem at once rather than the first.
 * Library code fills a wm_diags; only the CLI and web layers show them.
 * The owner calls wm_diags_release().
 */
#ifndef WM_UTIL_DIAG_H
#define WM_UTIL_DIAG_H

#include <stddef.h>

struct wm_diag {
	int line;	/* 1-based; 0 when the place is not a line */
	int column;	/* 1-based; 0 when unknown */
	char *where;	/* item linkId, field name or CSV column; may be NULL */
	char *message;	/* plain English, no trailing full stop */
};

struct wm_diags {
	struct wm_diag *v;
	size_t n;
	size_t cap;
	size_t max;	/* further problems are counted but not kept */
	size_t dropped;
};

#define WM_DIAGS_INIT { NULL, 0, 0, 200, 0 }

void wm_diags_init(struct wm_diags *d);
void wm_diags_release(struct wm_diags *d);

/* Adds a problem; `where` may be NULL. Never fails visibly: if memory
 * runs out the problem is counted in `dropped`. */
void wm_diags_add(struct wm_diags *d, int line, int column, const char *where,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

size_t wm_diags_count(const struct wm_diags *d);

struct wm_buf;

/* Problem i of d, said of `file` as compilers say it and as both the
 * command line and the instruments page show it, appended to out:
 * "FILE:LINE:COLUMN: message", "FILE: WHERE: message" or "FILE:
 * message"; i == d->n says how many more were counted but not kept
 * ("FILE: ... and N more problems"), when any were. The one way a
 * problem of a file is written for people to read. */
void wm_diag_say(struct wm_buf *out, const char *file,
    const struct wm_diags *d, size_t i);

#endif
