/*
 * The application/x-www-form-urlencoded decoder for HTML form posts.
 * Hostile input: every limit is explicit, every problem names the field
 * at fault, and a form with any problem is rejected whole. A decoded form
 * owns its memory (wm_form_release).
 */
#ifndef WM_WEB_FORM_H
#define WM_WEB_FORM_H

#include <stddef.h>

#include "util/arena.h"
#include "util/diag.h"

#define WM_FORM_MAX_BYTES ((size_t)256 * 1024)
#define WM_FORM_MAX_FIELDS 400
#define WM_FORM_MAX_NAME 64
#define WM_FORM_MAX_VALUE 20000

#define WM_FORM_MAX_FILE ((size_t)256 * 1024)
#define WM_FORM_MAX_FILENAME 255

struct wm_form_field {
	const char *name;	/* letters, digits, '-', '_', '.', '[', ']' */
	const char *value;	/* valid UTF-8; no control characters but
				 * tab and new lines (CRLF becomes LF); for
				 * a file, its bytes as sent (NUL added) */
	size_t len;		/* of value */
	const char *filename;	/* a file's name as the browser gave it
				 * (checked text); NULL for other fields */
};

struct wm_form {
	struct wm_arena arena;
	struct wm_form_field *v;
	size_t n;
};

#define WM_FORM_INIT { WM_ARENA_INIT, NULL, 0 }

/* Decodes body[0..len). Returns 0, or -1 with every problem in diags
 * (where = the field name, or "form"). */
int wm_form_decode(const char *body, size_t len, struct wm_form *out,
    struct wm_diags *diags);

/* Adds one field of a multipart/form-data body, whole (the server
 * collects the parts): `filename` NULL for a text field, which is
 * checked as a urlencoded value is; a file's bytes are kept as they are,
 * at most WM_FORM_MAX_FILE, for its own reader to check. Returns 0, or
 * -1 with the problem in diags (the field is then left out). */
int wm_form_add(struct wm_form *f, const char *name, const char *filename,
    const char *value, size_t len, struct wm_diags *diags);

void wm_form_release(struct wm_form *f);

/* The first value named `name`, or NULL. */
const char *wm_form_get(const struct wm_form *f, const char *name);

/* The first file field named `name` (its bytes, *len and, when asked,
 * its file name), or NULL. */
const char *wm_form_file(const struct wm_form *f, const char *name,
    size_t *len, const char **filename);

/* How many fields are named `name` (checkboxes may repeat). */
size_t wm_form_count(const struct wm_form *f, const char *name);

#endif
