/*
 * The RFC 4180 reader. One record per call; every problem is kept with
 * the line its record starts on, and the reader always finds the next
 * record's start the same way whether or not this one was good, so the
 * lines of later problems stay right.
 */
#include "util/csv.h"

#include <string.h>

#include "util/text.h"

struct cell_state {
	struct wm_csv *c;
	struct wm_csv_record *r;
	size_t used;		/* bytes of c->text in use */
};

static void
problem(struct wm_csv_record *r, const char *why)
{
	if (!r->problem)
		r->problem = why;
}

static void
put(struct cell_state *st, char ch)
{
	if (ch == '\0') {
		problem(st->r, "contains a control character");
		return;
	}
	if (st->used >= WM_CSV_MAX_RECORD) {
		problem(st->r, "the row is longer than 2048 bytes");
		return;
	}
	st->c->text[st->used++] = ch;
}

/* 1 if a line ends at pos (LF or CRLF). */
static int
at_eol(const struct wm_csv *c)
{
	return c->s[c->pos] == '\n' || (c->s[c->pos] == '\r' &&
	    c->pos + 1 < c->len && c->s[c->pos + 1] == '\n');
}

static void
skip_eol(struct wm_csv *c)
{
	c->pos += c->s[c->pos] == '\r' ? 2 : 1;
	c->line++;
}

void
wm_csv_init(struct wm_csv *c, const char *s, size_t len)
{
	c->s = s;
	c->len = len;
	c->pos = len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	c->line = 1;
}

/* A quoted cell, from its opening quote to the closing one. */
static void
quoted(struct cell_state *st)
{
	struct wm_csv *c = st->c;

	c->pos++;
	while (c->pos < c->len) {
		char ch = c->s[c->pos];

		if (ch == '"') {
			if (c->pos + 1 < c->len && c->s[c->pos + 1] == '"') {
				put(st, '"');
				c->pos += 2;
				continue;
			}
			c->pos++;
			return;
		}
		if (ch == '\n')
			c->line++;
		put(st, ch);
		c->pos++;
	}
	problem(st->r, "a quoted field is not closed (a quote inside a "
	    "quoted field is written twice: \"\")");
}

/* The rest of a cell up to a comma or the end of the line. */
static void
unquoted(struct cell_state *st, int after_quote)
{
	struct wm_csv *c = st->c;

	while (c->pos < c->len && c->s[c->pos] != ',' && !at_eol(c)) {
		if (after_quote)
			problem(st->r, "text follows a quoted field's closing "
			    "quote");
		else if (c->s[c->pos] == '"')
			problem(st->r, "a quote inside a field that is not "
			    "quoted (quote the whole field, and write the quote "
			    "twice)");
		put(st, c->s[c->pos]);
		c->pos++;
	}
}

static void
check_text(struct wm_csv_record *r, const char *cell, int multiline)
{
	switch (wm_text_check(cell, multiline)) {
	case WM_TEXT_OK:
		break;
	case WM_TEXT_BAD_UTF8:
		problem(r, "is not valid UTF-8 text");
		break;
	case WM_TEXT_CONTROL:
		problem(r, "contains a control character");
		break;
	}
}

int
wm_csv_next(struct wm_csv *c, struct wm_csv_record *r)
{
	struct cell_state st = { c, r, 0 };

	memset(r, 0, sizeof(*r));
	while (c->pos < c->len && at_eol(c))
		skip_eol(c);
	if (c->pos >= c->len)
		return 0;
	r->line = c->line;
	for (;;) {
		size_t start = st.used;
		int q = c->pos < c->len && c->s[c->pos] == '"';

		if (q)
			quoted(&st);
		unquoted(&st, q);
		if (r->n < WM_CSV_MAX_CELLS) {
			c->text[st.used] = '\0';
			r->cell[r->n] = c->text + start;
			check_text(r, r->cell[r->n], q);
			st.used++;
		} else {
			problem(r, "the row has more than 16 fields");
			st.used = start;
		}
		r->n++;
		if (c->pos >= c->len)
			break;
		if (c->s[c->pos] == ',') {
			c->pos++;
			continue;
		}
		skip_eol(c);
		break;
	}
	if (r->n > WM_CSV_MAX_CELLS)
		r->n = WM_CSV_MAX_CELLS;
	return 1;
}
