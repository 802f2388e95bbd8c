#include "web/route.h"

#include <string.h>

#include "util/buf.h"
#include "util/escape.h"
#include "util/text.h"

struct segs {
	const char *s[WM_ROUTE_MAX_SEGMENTS];
	size_t len[WM_ROUTE_MAX_SEGMENTS];
	size_t n;
};

/* RFC 3986 pchar, less '%' (checked apart). */
static int
pchar(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c && strchr("-._~!$&'()*+,;=:@", c));
}

/* Splits "/a/b" into segments; -1 if the path is not plain. "/" is zero
 * segments; a trailing slash is not allowed elsewhere. Patterns (and only
 * they) may hold the braces of "{name}". */
static int
split(const char *path, int pattern, struct segs *out)
{
	size_t len = strnlen(path, WM_ROUTE_MAX_PATH + 1), i, start;

	out->n = 0;
	if (len == 0 || len > WM_ROUTE_MAX_PATH || path[0] != '/')
		return -1;
	if (len == 1)
		return 0;
	for (i = 1, start = 1; i <= len; i++) {
		if (i < len && path[i] != '/') {
			if (path[i] == '%') {
				if (i + 2 >= len || wm_hex_value(path[i + 1]) < 0 ||
				    wm_hex_value(path[i + 2]) < 0)
					return -1;
				i += 2;
			} else if (!pchar((unsigned char)path[i]) &&
			    !(pattern && (path[i] == '{' || path[i] == '}')))
				return -1;
			continue;
		}
		if (i == start || out->n == WM_ROUTE_MAX_SEGMENTS)
			return -1;
		if ((i - start == 1 && path[start] == '.') ||
		    (i - start == 2 && path[start] == '.' &&
		    path[start + 1] == '.'))
			return -1;
		out->s[out->n] = path + start;
		out->len[out->n++] = i - start;
		start = i + 1;
	}
	return 0;
}

/* Percent-decodes a segment into out; -1 if it decodes to something a
 * parameter may not hold. */
static int
decode(const char *s, size_t n, char *out, size_t cap)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == '%') {
			c = (char)(wm_hex_value(s[i + 1]) * 16 + wm_hex_value(s[i + 2]));
			i += 2;
		}
		if (c == '/' || c == '\0' || o + 1 >= cap)
			return -1;
		out[o++] = c;
	}
	out[o] = '\0';
	return o > 0 && wm_text_check(out, 0) == WM_TEXT_OK ? 0 : -1;
}

static int
is_param(const char *s, size_t n)
{
	return n > 2 && s[0] == '{' && s[n - 1] == '}';
}

/* 1 if the path fits the pattern (filling params), 0 if not, -1 if a
 * parameter's value is not acceptable. */
static int
fit(const struct segs *pat, const struct segs *path,
    struct wm_route_match *m)
{
	size_t i;

	if (pat->n != path->n)
		return 0;
	for (i = 0; i < pat->n; i++)
		if (!is_param(pat->s[i], pat->len[i]) &&
		    (pat->len[i] != path->len[i] ||
		    memcmp(pat->s[i], path->s[i], path->len[i]) != 0))
			return 0;
	m->n_params = 0;
	for (i = 0; i < pat->n; i++) {
		struct wm_route_param *p = &m->params[m->n_params];
		size_t nl = pat->len[i] - 2;

		if (!is_param(pat->s[i], pat->len[i]))
			continue;
		if (m->n_params == WM_ROUTE_MAX_PARAMS || nl >= sizeof(p->name))
			return -1;
		memcpy(p->name, pat->s[i] + 1, nl);
		p->name[nl] = '\0';
		if (decode(path->s[i], path->len[i], p->value, sizeof(p->value)))
			return -1;
		m->n_params++;
	}
	return 1;
}

enum wm_route_result
wm_route_match(const struct wm_route *routes, size_t n, const char *method,
    const char *path, struct wm_route_match *out)
{
	struct segs want, pat;
	int path_exists = 0, r;
	size_t i, first = 0;

	memset(out, 0, sizeof(*out));
	if (split(path, 0, &want))
		return WM_ROUTE_BAD_PATH;
	for (i = 0; i < n; i++) {
		if (split(routes[i].pattern, 1, &pat))
			continue;	/* a bad pattern matches nothing */
		r = fit(&pat, &want, out);
		if (r < 0) {
			memset(out, 0, sizeof(*out));
			return WM_ROUTE_BAD_PATH;
		}
		if (r == 0)
			continue;
		if (strcmp(routes[i].method, method) == 0) {
			out->route = i;
			return WM_ROUTE_FOUND;
		}
		if (!path_exists++)
			first = i;
	}
	memset(out, 0, sizeof(*out));
	out->route = first;
	return path_exists ? WM_ROUTE_METHOD_NOT_ALLOWED : WM_ROUTE_NOT_FOUND;
}

size_t
wm_route_methods(const struct wm_route *routes, size_t n, const char *path,
    const char **methods, size_t max)
{
	struct segs want, pat;
	struct wm_route_match m;
	size_t i, j, k = 0;

	if (split(path, 0, &want))
		return 0;
	for (i = 0; i < n; i++) {
		if (split(routes[i].pattern, 1, &pat) || fit(&pat, &want, &m) != 1)
			continue;
		for (j = 0; j < k && strcmp(methods[j], routes[i].method); j++)
			;
		if (j == k && k < max)
			methods[k++] = routes[i].method;
	}
	return k;
}

const char *
wm_route_param(const struct wm_route_match *m, const char *name)
{
	size_t i;

	for (i = 0; i < m->n_params; i++)
		if (strcmp(m->params[i].name, name) == 0)
			return m->params[i].value;
	return NULL;
}

void
wm_route_path(struct wm_buf *out, const char *pattern,
    const struct wm_route_match *m)
{
	const char *p = pattern, *close, *value;
	char name[sizeof(m->params[0].name)];
	size_t n;

	while (*p) {
		close = *p == '{' ? strchr(p, '}') : NULL;
		n = close ? (size_t)(close - p - 1) : 0;
		if (!close || n >= sizeof(name)) {
			wm_buf_putc(out, *p++);
			continue;
		}
		memcpy(name, p + 1, n);
		name[n] = '\0';
		value = wm_route_param(m, name);
		wm_esc_url_s(out, value ? value : "");
		p = close + 1;
	}
}
