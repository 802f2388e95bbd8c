#include "web/form.h"

#include <string.h>

#include "util/text.h"

/* Percent-decodes s[0..n) into a new string ('+' is a space). NULL if an
 * escape is malformed or decodes to a NUL byte. */
static char *
decode(struct wm_arena *a, const char *s, size_t n)
{
	char *out = wm_arena_alloc(a, n + 1), *o = out;
	size_t i;

	if (!out)
		return NULL;
	for (i = 0; i < n; i++) {
		if (s[i] == '+') {
			*o++ = ' ';
		} else if (s[i] == '%') {
			int hi, lo;

			if (i + 2 >= n)
				return NULL;
			hi = wm_hex_value(s[i + 1]);
			lo = wm_hex_value(s[i + 2]);
			if (hi < 0 || lo < 0)
				return NULL;
			*o++ = (char)(hi * 16 + lo);
			i += 2;
		} else {
			*o++ = s[i];
		}
	}
	*o = '\0';
	return (size_t)(o - out) == strlen(out) ? out : NULL;
}

static int
name_ok(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > WM_FORM_MAX_NAME)
		return 0;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-_.[]", c)))
			return 0;
	}
	return 1;
}

/* Browsers send new lines in text areas as CRLF: keep LF only. */
static void
unix_newlines(char *s)
{
	char *o = s;

	for (; *s; s++)
		if (!(s[0] == '\r' && s[1] == '\n'))
			*o++ = *s;
	*o = '\0';
}

static void
add_field(struct wm_form *f, const char *pair, size_t n, size_t pos,
    struct wm_diags *d)
{
	const char *eq = memchr(pair, '=', n);
	size_t nlen = eq ? (size_t)(eq - pair) : n;
	char *name, *value;

	name = decode(&f->arena, pair, nlen);
	if (!name || !name_ok(name)) {
		wm_diags_add(d, 0, 0, "form", "field %zu has a name that is not "
		    "allowed", pos + 1);
		return;
	}
	value = eq ? decode(&f->arena, eq + 1, n - nlen - 1) :
	    wm_arena_strdup(&f->arena, "");
	if (!value) {
		wm_diags_add(d, 0, 0, name, "the value is not properly encoded");
		return;
	}
	unix_newlines(value);
	if (strlen(value) > WM_FORM_MAX_VALUE) {
		wm_diags_add(d, 0, 0, name, "is longer than %d characters",
		    WM_FORM_MAX_VALUE);
		return;
	}
	if (wm_text_check(value, 1) != WM_TEXT_OK) {
		wm_diags_add(d, 0, 0, name, "contains characters that are not "
		    "allowed");
		return;
	}
	f->v[f->n].name = name;
	f->v[f->n].value = value;
	f->v[f->n].len = strlen(value);
	f->n++;
}

int
wm_form_decode(const char *body, size_t len, struct wm_form *f,
    struct wm_diags *d)
{
	size_t before = wm_diags_count(d), i, start = 0, fields = 0;

	f->v = NULL;
	f->n = 0;
	if (len > WM_FORM_MAX_BYTES) {
		wm_diags_add(d, 0, 0, "form", "the form is larger than %zu bytes",
		    WM_FORM_MAX_BYTES);
		return -1;
	}
	for (i = 0; i < len; i++)
		fields += body[i] == '&';
	if (fields + 1 > WM_FORM_MAX_FIELDS) {
		wm_diags_add(d, 0, 0, "form", "the form has more than %d fields",
		    WM_FORM_MAX_FIELDS);
		return -1;
	}
	f->v = wm_arena_calloc(&f->arena, fields + 1, sizeof(*f->v));
	if (!f->v) {
		wm_diags_add(d, 0, 0, "form", "out of memory");
		return -1;
	}
	for (i = 0, fields = 0; i <= len; i++) {
		if (i < len && body[i] != '&')
			continue;
		if (i > start)
			add_field(f, body + start, i - start, fields++, d);
		start = i + 1;
	}
	if (wm_diags_count(d) != before) {
		wm_form_release(f);
		return -1;
	}
	return 0;
}

int
wm_form_add(struct wm_form *f, const char *name, const char *filename,
    const char *value, size_t len, struct wm_diags *d)
{
	struct wm_form_field *x;
	char *v;

	if (!f->v && !(f->v = wm_arena_calloc(&f->arena, WM_FORM_MAX_FIELDS,
	    sizeof(*f->v)))) {
		wm_diags_add(d, 0, 0, "form", "out of memory");
		return -1;
	}
	if (f->n == WM_FORM_MAX_FIELDS) {
		wm_diags_add(d, 0, 0, "form", "the form has more than %d fields",
		    WM_FORM_MAX_FIELDS);
		return -1;
	}
	if (!name || !name_ok(name)) {
		wm_diags_add(d, 0, 0, "form", "field %zu has a name that is not "
		    "allowed", f->n + 1);
		return -1;
	}
	if (filename && (strlen(filename) > WM_FORM_MAX_FILENAME ||
	    wm_text_check(filename, 0) != WM_TEXT_OK)) {
		wm_diags_add(d, 0, 0, name, "the file's name is not allowed");
		return -1;
	}
	if (len > (filename ? WM_FORM_MAX_FILE : WM_FORM_MAX_VALUE * 2)) {
		wm_diags_add(d, 0, 0, name, "is larger than %zu bytes",
		    filename ? WM_FORM_MAX_FILE : (size_t)WM_FORM_MAX_VALUE);
		return -1;
	}
	if (!(v = wm_arena_strndup(&f->arena, value ? value : "", len))) {
		wm_diags_add(d, 0, 0, "form", "out of memory");
		return -1;
	}
	x = &f->v[f->n];
	x->name = wm_arena_strdup(&f->arena, name);
	x->filename = filename ? wm_arena_strdup(&f->arena, filename) : NULL;
	if (!x->name || (filename && !x->filename)) {
		wm_diags_add(d, 0, 0, "form", "out of memory");
		return -1;
	}
	if (!filename) {
		if (strlen(v) != len) {
			wm_diags_add(d, 0, 0, name, "the value is not properly "
			    "encoded");
			return -1;
		}
		unix_newlines(v);
		if (strlen(v) > WM_FORM_MAX_VALUE) {
			wm_diags_add(d, 0, 0, name, "is longer than %d "
			    "characters", WM_FORM_MAX_VALUE);
			return -1;
		}
		if (wm_text_check(v, 1) != WM_TEXT_OK) {
			wm_diags_add(d, 0, 0, name, "contains characters that "
			    "are not allowed");
			return -1;
		}
		len = strlen(v);
	}
	x->value = v;
	x->len = len;
	f->n++;
	return 0;
}

void
wm_form_release(struct wm_form *f)
{
	wm_arena_release(&f->arena);
	f->v = NULL;
	f->n = 0;
}

const char *
wm_form_get(const struct wm_form *f, const char *name)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (!f->v[i].filename && strcmp(f->v[i].name, name) == 0)
			return f->v[i].value;
	return NULL;
}

const char *
wm_form_file(const struct wm_form *f, const char *name, size_t *len,
    const char **filename)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (f->v[i].filename && strcmp(f->v[i].name, name) == 0) {
			*len = f->v[i].len;
			if (filename)
				*filename = f->v[i].filename;
			return f->v[i].value;
		}
	return NULL;
}

size_t
wm_form_count(const struct wm_form *f, const char *name)
{
	size_t i, n = 0;

	for (i = 0; i < f->n; i++)
		n += strcmp(f->v[i].name, name) == 0;
	return n;
}
