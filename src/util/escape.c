#include "util/escape.h"

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* What utf8_next() reports for an invalid sequence; no code point is this. */
#define BAD_CP UINT32_MAX

/* U+FFFD REPLACEMENT CHARACTER in UTF-8. */
#define REPLACEMENT "\xef\xbf\xbd"

/*
 * Returns the replacement for one unit (a byte, or a code point when
 * decoding UTF-8): NULL to copy the unit unchanged, "" to drop it, or the
 * text to write instead. `tmp` holds numeric forms built on the fly.
 */
typedef const char *(*rep_fn)(uint32_t cp, char *tmp, size_t tmpsz);

/*
 * Decodes the UTF-8 sequence at s (n > 0 bytes) into *cp and returns its
 * length. For an invalid sequence *cp is BAD_CP and the length is that of
 * its maximal invalid subpart, at least 1: the ranges below are those of
 * the Unicode well-formed table, so overlongs, surrogates and values past
 * U+10FFFF fail on the second byte and the decoder resynchronises where
 * the WHATWG decoder does.
 */
static size_t
utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xbf;
	size_t len, i;
	uint32_t v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		v = (uint32_t)(c & 0x1f);
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		v = (uint32_t)(c & 0x0f);
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		v = (uint32_t)(c & 0x07);
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else {
		*cp = BAD_CP;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if (i >= n || s[i] < lo || s[i] > hi) {
			*cp = BAD_CP;
			return i;
		}
		v = v << 6 | (uint32_t)(s[i] & 0x3f);
		lo = 0x80;
		hi = 0xbf;
	}
	*cp = v;
	return len;
}

static const char *html_rep(uint32_t, char *, size_t);
static const char *attr_rep(uint32_t, char *, size_t);
static const char *url_rep(uint32_t, char *, size_t);
static const char *json_rep(uint32_t, char *, size_t);
static const char *svg_rep(uint32_t, char *, size_t);

/*
 * For each writer, the ASCII bytes its rep() passes unchanged, worked out
 * when compiled: pages are mostly such bytes, and looking them up here
 * costs a fraction of asking rep() for each. rep() stays the rule:
 * test_escape checks every byte of every table against it.
 */
#define MARKUP(c) ((c) == '&' || (c) == '<' || (c) == '>' || (c) == '"' || \
	(c) == '\'')
#define ALNUM(c) (((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z') || \
	((c) >= '0' && (c) <= '9'))
#define HTML_PLAIN(c) ((c) != 0 && (c) < 0x80 && !MARKUP(c))
#define ATTR_PLAIN(c) ((c) >= 0x20 && (c) < 0x7f && !MARKUP(c) && \
	(c) != '`' && (c) != '=')
#define URL_PLAIN(c) (ALNUM(c) || (c) == '-' || (c) == '.' || (c) == '_' || \
	(c) == '~')
#define JSON_PLAIN(c) ((c) >= 0x20 && (c) < 0x80 && (c) != '"' && \
	(c) != '\\' && (c) != '<' && (c) != '>' && (c) != '&' && (c) != '/')
#define SVG_PLAIN(c) (((c) >= 0x20 || (c) == '\t' || (c) == '\n' || \
	(c) == '\r') && (c) < 0x80 && !MARKUP(c))
#define T4(f, c) f(c), f((c) + 1), f((c) + 2), f((c) + 3)
#define T16(f, c) T4(f, c), T4(f, (c) + 4), T4(f, (c) + 8), T4(f, (c) + 12)
#define T64(f, c) T16(f, c), T16(f, (c) + 16), T16(f, (c) + 32), \
	T16(f, (c) + 48)
#define T256(f) T64(f, 0), T64(f, 64), T64(f, 128), T64(f, 192)

static const unsigned char html_plain[256] = { T256(HTML_PLAIN) };
static const unsigned char attr_plain[256] = { T256(ATTR_PLAIN) };
static const unsigned char url_plain[256] = { T256(URL_PLAIN) };
static const unsigned char json_plain[256] = { T256(JSON_PLAIN) };
static const unsigned char svg_plain[256] = { T256(SVG_PLAIN) };

/* The table for rep; none (every byte asked) for a rep not listed. */
static const unsigned char *
plain_of(rep_fn rep)
{
	if (rep == html_rep)
		return html_plain;
	if (rep == attr_rep)
		return attr_plain;
	if (rep == url_rep)
		return url_plain;
	if (rep == json_rep)
		return json_plain;
	if (rep == svg_rep)
		return svg_plain;
	return NULL;
}

/*
 * The one loop behind the text writers: walks s by byte, or by UTF-8
 * sequence when `utf8` is set, and copies runs of units that need nothing
 * in one append each, so plain text costs one memcpy.
 */
static int
esc_walk(struct wm_buf *b, const char *s, size_t n, rep_fn rep, int utf8)
{
	static const unsigned char none[256];
	const unsigned char *u = (const unsigned char *)s;
	const unsigned char *plain = plain_of(rep);
	char tmp[16];
	const char *r;
	size_t i, len, run;
	uint32_t cp;

	if (b->failed)
		return -1;
	if (n == 0)
		return 0;
	if (!plain)
		plain = none;
	for (i = run = 0; i < n; i += len) {
		while (plain[u[i]])
			if (++i == n)
				goto out;
		if (utf8) {
			len = utf8_next(u + i, n - i, &cp);
		} else {
			len = 1;
			cp = u[i];
		}
		if ((r = rep(cp, tmp, sizeof(tmp))) == NULL)
			continue;
		wm_buf_add(b, s + run, i - run);
		wm_buf_puts(b, r);
		run = i + len;
	}
out:
	wm_buf_add(b, s + run, n - run);
	return b->failed ? -1 : 0;
}

/* The five characters that matter in HTML and XML markup. */
static const char *
markup_entity(uint32_t c)
{
	switch (c) {
	case '&':
		return "&amp;";
	case '<':
		return "&lt;";
	case '>':
		return "&gt;";
	case '"':
		return "&quot;";
	case '\'':
		/* &apos; is not HTML 4; a number works everywhere. */
		return "&#39;";
	default:
		return NULL;
	}
}

static const char *
html_rep(uint32_t c, char *tmp, size_t tmpsz)
{
	(void)tmp;
	(void)tmpsz;
	if (c == '\0')
		return "&#65533;";
	return markup_entity(c);
}

static const char *
attr_rep(uint32_t c, char *tmp, size_t tmpsz)
{
	const char *r;

	if (c == '\0')
		return "&#65533;";
	if ((r = markup_entity(c)) != NULL)
		return r;
	if (c == '`' || c == '=' || c < 0x20 || c == 0x7f) {
		snprintf(tmp, tmpsz, "&#%u;", (unsigned)c);
		return tmp;
	}
	return NULL;
}

static const char *
url_rep(uint32_t c, char *tmp, size_t tmpsz)
{
	/* Not isalnum(): that follows the locale. */
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	    c == '~')
		return NULL;
	snprintf(tmp, tmpsz, "%%%02X", (unsigned)c);
	return tmp;
}

static const char *
json_rep(uint32_t c, char *tmp, size_t tmpsz)
{
	switch (c) {
	case '"':
		return "\\\"";
	case '\\':
		return "\\\\";
	case '\b':
		return "\\b";
	case '\f':
		return "\\f";
	case '\n':
		return "\\n";
	case '\r':
		return "\\r";
	case '\t':
		return "\\t";
	case '<':
		return "\\u003c";
	case '>':
		return "\\u003e";
	case '&':
		return "\\u0026";
	case '/':
		return "\\/";
	case 0x2028:
		return "\\u2028";
	case 0x2029:
		return "\\u2029";
	case BAD_CP:
		return "\\ufffd";
	default:
		break;
	}
	if (c < 0x20) {
		snprintf(tmp, tmpsz, "\\u%04x", (unsigned)c);
		return tmp;
	}
	return NULL;
}

static const char *
svg_rep(uint32_t c, char *tmp, size_t tmpsz)
{
	(void)tmp;
	(void)tmpsz;
	if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
		return "";
	if (c == BAD_CP || c == 0xfffe || c == 0xffff)
		return REPLACEMENT;
	return markup_entity(c);
}

int
wm_esc_html(struct wm_buf *b, const char *s, size_t n)
{
	return esc_walk(b, s, n, html_rep, 0);
}

int
wm_esc_attr(struct wm_buf *b, const char *s, size_t n)
{
	return esc_walk(b, s, n, attr_rep, 0);
}

int
wm_esc_url(struct wm_buf *b, const char *s, size_t n)
{
	return esc_walk(b, s, n, url_rep, 0);
}

int
wm_esc_json(struct wm_buf *b, const char *s, size_t n)
{
	return esc_walk(b, s, n, json_rep, 1);
}

int
wm_esc_svg(struct wm_buf *b, const char *s, size_t n)
{
	return esc_walk(b, s, n, svg_rep, 1);
}

/*
 * True when a spreadsheet would take the cell as a formula. Leading
 * spaces are skipped because some importers trim them before looking.
 */
static int
csv_is_formula(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && s[i] == ' '; i++)
		continue;
	if (i == n)
		return 0;
	return s[i] == '=' || s[i] == '+' || s[i] == '-' || s[i] == '@' ||
	    s[i] == '\t' || s[i] == '\r';
}

static int
csv_needs_quotes(const char *s, size_t n)
{
	size_t i;

	if (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' ||
	    s[n - 1] == '\t')
		return 1;
	for (i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\r' ||
		    s[i] == '\n')
			return 1;
	return 0;
}

int
wm_esc_csv(struct wm_buf *b, const char *s, size_t n)
{
	size_t i, run;
	int guard, quote;

	if (b->failed)
		return -1;
	if (n == 0)
		return 0;
	guard = csv_is_formula(s, n);
	quote = guard || csv_needs_quotes(s, n);
	if (quote)
		wm_buf_putc(b, '"');
	if (guard)
		wm_buf_putc(b, '\'');
	for (i = run = 0; i < n; i++) {
		if (s[i] == '"') {
			/* Copy through the quote and start the next run on
			 * it, which writes it twice. */
			wm_buf_add(b, s + run, i + 1 - run);
			run = i;
		} else if (s[i] == '\0') {
			wm_buf_add(b, s + run, i - run);
			wm_buf_puts(b, REPLACEMENT);
			run = i + 1;
		}
	}
	wm_buf_add(b, s + run, n - run);
	if (quote)
		wm_buf_putc(b, '"');
	return b->failed ? -1 : 0;
}

int
wm_csv_number(struct wm_buf *b, double v, int decimals)
{
	/* Room for "%.17f" of DBL_MAX: sign, 309 digits, point, 17. */
	char tmp[400];
	const char *p = tmp;
	int len;

	if (b->failed)
		return -1;
	if (!isfinite(v))
		return 0;
	if (decimals < 0)
		decimals = 0;
	else if (decimals > 17)
		decimals = 17;
	/* The program never calls setlocale(), so the point is ".". */
	len = snprintf(tmp, sizeof(tmp), "%.*f", decimals, v);
	if (len < 0 || (size_t)len >= sizeof(tmp)) {
		b->failed = 1;
		return -1;
	}
	if (tmp[0] == '-' && strspn(tmp + 1, "0.") == (size_t)len - 1)
		p++;
	return wm_buf_puts(b, p);
}

int
wm_esc_raw(struct wm_buf *b, const char *s, size_t n)
{
	return wm_buf_add(b, s, n);
}

int
wm_esc_html_s(struct wm_buf *b, const char *s)
{
	assert(s != NULL);
	return wm_esc_html(b, s, strlen(s));
}

int
wm_esc_attr_s(struct wm_buf *b, const char *s)
{
	assert(s != NULL);
	return wm_esc_attr(b, s, strlen(s));
}

int
wm_esc_url_s(struct wm_buf *b, const char *s)
{
	assert(s != NULL);
	return wm_esc_url(b, s, strlen(s));
}

int
wm_esc_json_s(struct wm_buf *b, const char *s)
{
	assert(s != NULL);
	return wm_esc_json(b, s, strlen(s));
}

int
wm_esc_svg_s(struct wm_buf *b, const char *s)
{
	assert(s != NULL);
	return wm_esc_svg(b, s, strlen(s));
}

int
wm_esc_log(struct wm_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, run;

	if (b->failed)
		return -1;
	for (i = run = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[4] = { '\\', 'x', hex[c >> 4], hex[c & 15] };

		if (c > 0x20 && c < 0x7f && c != '\\')
			continue;
		wm_buf_add(b, s + run, i - run);
		wm_buf_add(b, esc, sizeof(esc));
		run = i + 1;
	}
	wm_buf_add(b, s + run, n - run);
	return b->failed ? -1 : 0;
}

int
wm_esc_log_s(struct wm_buf *b, const char *s)
{
	assert(s != NULL);
	return wm_esc_log(b, s, strlen(s));
}

int
wm_esc_csv_s(struct wm_buf *b, const char *s)
{
	assert(s != NULL);
	return wm_esc_csv(b, s, strlen(s));
}
