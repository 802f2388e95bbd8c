/*
 * Matching a request's method and path against the route table: patterns
 * like "/people/{person}/journey", where {name} matches one path segment.
 * The path is the one the client sent, not yet decoded: this is the only
 * place a path is percent-decoded, once, so "%252D" stays "%2D" and a
 * "%00" can never cut a path short. Paths are hostile: they are
 * length-limited, must be plain (no empty, "." or ".." segments, no
 * encoded slashes), fixed segments are matched as sent, and parameters
 * come back percent-decoded and checked (no control characters, NUL
 * among them). Pure function over caller storage.
 */
#ifndef WM_WEB_ROUTE_H
#define WM_WEB_ROUTE_H

#include <stddef.h>

struct wm_buf;

#define WM_ROUTE_MAX_PATH 1024
#define WM_ROUTE_MAX_SEGMENTS 16
#define WM_ROUTE_MAX_PARAMS 4
#define WM_ROUTE_MAX_VALUE 128

struct wm_route {
	const char *method;	/* "GET", "POST" */
	const char *pattern;	/* starts with '/' */
};

struct wm_route_param {
	char name[32];
	char value[WM_ROUTE_MAX_VALUE];	/* decoded, no '/', no controls */
};

struct wm_route_match {
	size_t route;		/* index into the table */
	size_t n_params;
	struct wm_route_param params[WM_ROUTE_MAX_PARAMS];
};

enum wm_route_result {
	WM_ROUTE_FOUND,
	WM_ROUTE_NOT_FOUND,		/* 404 */
	WM_ROUTE_METHOD_NOT_ALLOWED,	/* 405: the path exists */
	WM_ROUTE_BAD_PATH,		/* 400 */
};

/* The route the method and path name. When the path exists for other
 * methods only, out->route is the first route that takes the path (its
 * pattern, for logs), with no parameters. */
enum wm_route_result wm_route_match(const struct wm_route *routes, size_t n,
    const char *method, const char *path, struct wm_route_match *out);

/* The methods the table takes for `path`, each once, in table order, into
 * methods[0..max); how many (0 when no route takes the path). */
size_t wm_route_methods(const struct wm_route *routes, size_t n,
    const char *path, const char **methods, size_t max);

/* The path `m` matched of `pattern`, with each parameter in its one
 * spelling (wm_esc_url: unreserved bytes as they are, all others as %XX),
 * so that the same page is never written down under two spellings
 * ("%2D" and "-"). Into out, appended. */
void wm_route_path(struct wm_buf *out, const char *pattern,
    const struct wm_route_match *m);

/* The decoded value of parameter `name`, or NULL. */
const char *wm_route_param(const struct wm_route_match *m, const char *name);

#endif
