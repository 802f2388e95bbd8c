/*
 * Fuzz target: the router (wm_route_match), with the input split at its
 * first NUL into a method and a path. The path is what the server routes:
 * the request's path exactly as the client sent it, which the router alone
 * decodes. A match's parameters are decoded once (a '%' in a value comes
 * from "%25", never from a decoded "%252D"), non-empty, free of '/' and
 * control characters (no "%00"), and re-matching is stable.
 */
#include <stdlib.h>
#include <string.h>

#include "util/text.h"
#include "web/route.h"

#include "fuzz.h"

static const struct wm_route routes[] = {
	{ "GET", "/" },
	{ "GET", "/sign-in" },
	{ "POST", "/sign-in" },
	{ "GET", "/people/{id}" },
	{ "GET", "/people/{id}/journey" },
	{ "POST", "/people/{id}/goals/{goal}/reviews" },
	{ "GET", "/api/v1/responses/{id}" },
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 2), *method, *path;
	struct wm_route_match m, again;
	enum wm_route_result r;
	size_t i;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = buf[size + 1] = '\0';
	method = buf;
	path = buf + strlen(buf) + 1;
	if (path > buf + size)
		path = buf + size;
	r = wm_route_match(routes, sizeof(routes) / sizeof(routes[0]), method,
	    path, &m);
	if (r == WM_ROUTE_FOUND) {
		FUZZ_CHECK(m.route < sizeof(routes) / sizeof(routes[0]));
		FUZZ_CHECK(strcmp(routes[m.route].method, method) == 0);
		for (i = 0; i < m.n_params; i++) {
			const char *v = m.params[i].value;

			FUZZ_CHECK(v[0] != '\0' && strchr(v, '/') == NULL);
			FUZZ_CHECK(!strchr(v, '%') || strstr(path, "%25"));
			FUZZ_CHECK(wm_text_check(v, 0) == WM_TEXT_OK);
		}
		FUZZ_CHECK(wm_route_match(routes, sizeof(routes) /
		    sizeof(routes[0]), method, path, &again) == WM_ROUTE_FOUND &&
		    again.route == m.route);
	} else {
		FUZZ_CHECK(m.n_params == 0);
	}
	if (r == WM_ROUTE_METHOD_NOT_ALLOWED)
		FUZZ_CHECK(m.route < sizeof(routes) / sizeof(routes[0]) &&
		    strcmp(routes[m.route].method, method) != 0);
	free(buf);
	return 0;
}
