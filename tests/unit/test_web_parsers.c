/*
 * The web layer's parsers of hostile input: the form decoder, the cookie
 * reader and the router. Table-driven; each bad case is refused, and
 * nothing is half-accepted.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "web/client.h"
#include "web/cookie.h"
#include "web/form.h"
#include "util/buf.h"
#include "web/route.h"

static void
test_form_good(void **state)
{
	const char body[] = "email=jo%40example.org&password=a+b%26c%3D"
	    "&note=line+one%0D%0Aline+two&tip-01=yes&tip-01=no&empty=&flag";
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_form f = WM_FORM_INIT;

	(void)state;
	assert_int_equal(wm_form_decode(body, strlen(body), &f, &d), 0);
	assert_string_equal(wm_form_get(&f, "email"), "jo@example.org");
	assert_string_equal(wm_form_get(&f, "password"), "a b&c=");
	assert_string_equal(wm_form_get(&f, "note"), "line one\nline two");
	assert_string_equal(wm_form_get(&f, "tip-01"), "yes");
	assert_int_equal(wm_form_count(&f, "tip-01"), 2);
	assert_string_equal(wm_form_get(&f, "empty"), "");
	assert_string_equal(wm_form_get(&f, "flag"), "");
	assert_null(wm_form_get(&f, "missing"));
	wm_form_release(&f);
	/* An empty body is an empty form. */
	assert_int_equal(wm_form_decode("", 0, &f, &d), 0);
	assert_int_equal(f.n, 0);
	wm_form_release(&f);
	assert_int_equal(wm_diags_count(&d), 0);
}

static void
test_form_bad(void **state)
{
	static const struct {
		const char *body, *where, *msg;
	} cases[] = {
		{ "a=%zz", "a", "not properly encoded" },
		{ "a=%4", "a", "not properly encoded" },
		{ "a=%", "a", "not properly encoded" },
		{ "a=x%00y", "a", "not properly encoded" },
		{ "a=%1b%5b2J", "a", "not allowed" },
		{ "a=%c3%28", "a", "not allowed" },
		{ "a=%c2%85", "a", "not allowed" },
		{ "=v", "form", "name that is not allowed" },
		{ "na%20me=v", "form", "name that is not allowed" },
		{ "ok=1&bad%3Cname=v", "form", "field 2" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++) {
		struct wm_diags d = WM_DIAGS_INIT;
		struct wm_form f = WM_FORM_INIT;

		assert_int_equal(wm_form_decode(cases[i].body,
		    strlen(cases[i].body), &f, &d), -1);
		assert_null(f.v);
		if (!tu_has_diag(&d, cases[i].where, cases[i].msg)) {
			tu_print_diags(cases[i].body, &d);
			fail_msg("case %zu: no '%s' problem for %s", i,
			    cases[i].msg, cases[i].where);
		}
		wm_diags_release(&d);
	}
}

static void
test_form_limits(void **state)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_form f = WM_FORM_INIT;
	size_t n = WM_FORM_MAX_FIELDS * 2 + 2, i;
	char *body = malloc(WM_FORM_MAX_BYTES + 2);

	(void)state;
	assert_non_null(body);
	for (i = 0; i < n; i++)
		body[i] = i % 2 ? '&' : 'a';
	assert_int_equal(wm_form_decode(body, n, &f, &d), -1);
	assert_true(tu_has_diag(&d, "form", "more than"));
	memset(body, 'a', WM_FORM_MAX_BYTES + 1);
	assert_int_equal(wm_form_decode(body, WM_FORM_MAX_BYTES + 1, &f, &d),
	    -1);
	assert_true(tu_has_diag(&d, "form", "larger than"));
	body[0] = 'v';
	body[1] = '=';
	assert_int_equal(wm_form_decode(body, WM_FORM_MAX_VALUE + 3, &f, &d),
	    -1);
	assert_true(tu_has_diag(&d, "v", "longer than"));
	free(body);
	wm_diags_release(&d);
}

static void
test_cookie(void **state)
{
	static const struct {
		const char *header, *name, *want;	/* NULL: absent */
	} cases[] = {
		{ "wm_session=abc", "wm_session", "abc" },
		{ "a=1; wm_session=abc; b=2", "wm_session", "abc" },
		{ "a=1;wm_session=abc", "wm_session", "abc" },
		{ "wm_session=\"abc\"", "wm_session", "abc" },
		{ "x_wm_session=no; wm_session=yes", "wm_session", "yes" },
		{ "wm_session=first; wm_session=second", "wm_session", "first" },
		{ "wm_session=", "wm_session", "" },
		{ "wm_session", "wm_session", NULL },
		{ "other=1", "wm_session", NULL },
		{ "wm_session=a b", "wm_session", NULL },
		{ "wm_session=a\\b", "wm_session", NULL },
		{ "wm_session=a,b", "wm_session", NULL },
		{ "", "wm_session", NULL },
		{ ";;;==;", "wm_session", NULL },
	};
	char out[64], big[WM_COOKIE_MAX_HEADER + 40];
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++) {
		int rc = wm_cookie_get(cases[i].header, cases[i].name, out,
		    sizeof(out));

		if (!cases[i].want) {
			assert_int_equal(rc, -1);
			continue;
		}
		assert_int_equal(rc, 0);
		assert_string_equal(out, cases[i].want);
	}
	assert_int_equal(wm_cookie_get(NULL, "a", out, sizeof(out)), -1);
	/* Too long for the caller's buffer: refused, not cut. */
	assert_int_equal(wm_cookie_get("a=0123456789", "a", out, 5), -1);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	memcpy(big, "a=1; ", 5);
	assert_int_equal(wm_cookie_get(big, "a", out, sizeof(out)), -1);
}

static const struct wm_route routes[] = {
	{ "GET", "/" },
	{ "GET", "/sign-in" },
	{ "POST", "/sign-in" },
	{ "GET", "/people/{id}/journey" },
	{ "GET", "/people/{id}/goals/{goal}" },
};

static void
test_route(void **state)
{
	static const struct {
		const char *method, *path;
		enum wm_route_result want;
		size_t route;
		const char *param, *value;
	} cases[] = {
		{ "GET", "/", WM_ROUTE_FOUND, 0, NULL, NULL },
		{ "GET", "/sign-in", WM_ROUTE_FOUND, 1, NULL, NULL },
		{ "POST", "/sign-in", WM_ROUTE_FOUND, 2, NULL, NULL },
		{ "DELETE", "/sign-in", WM_ROUTE_METHOD_NOT_ALLOWED, 1, NULL, NULL },
		{ "POST", "/people/7/journey", WM_ROUTE_METHOD_NOT_ALLOWED, 3,
		    NULL, NULL },
		{ "GET", "/people/DEMO-000001/journey", WM_ROUTE_FOUND, 3,
		    "id", "DEMO-000001" },
		{ "GET", "/people/a%20b/journey", WM_ROUTE_FOUND, 3, "id", "a b" },
		{ "GET", "/people/7/goals/3", WM_ROUTE_FOUND, 4, "goal", "3" },
		{ "GET", "/people/7/goals", WM_ROUTE_NOT_FOUND, 0, NULL, NULL },
		{ "GET", "/nowhere", WM_ROUTE_NOT_FOUND, 0, NULL, NULL },
		{ "GET", "/sign-in/", WM_ROUTE_BAD_PATH, 0, NULL, NULL },
		{ "GET", "//sign-in", WM_ROUTE_BAD_PATH, 0, NULL, NULL },
		{ "GET", "/people/../sign-in", WM_ROUTE_BAD_PATH, 0, NULL, NULL },
		{ "GET", "/./sign-in", WM_ROUTE_BAD_PATH, 0, NULL, NULL },
		{ "GET", "/people/a%2Fb/journey", WM_ROUTE_BAD_PATH, 0, NULL, NULL },
		{ "GET", "/people/a%00/journey", WM_ROUTE_BAD_PATH, 0, NULL, NULL },
		{ "GET", "/people/%1b/journey", WM_ROUTE_BAD_PATH, 0, NULL, NULL },
		{ "GET", "/people/7/goals/%1b", WM_ROUTE_BAD_PATH, 0, NULL, NULL },
		{ "GET", "/people/%zz/journey", WM_ROUTE_BAD_PATH, 0, NULL, NULL },
		{ "GET", "/people/<x>/journey", WM_ROUTE_BAD_PATH, 0, NULL, NULL },
		{ "GET", "sign-in", WM_ROUTE_BAD_PATH, 0, NULL, NULL },
		{ "GET", "", WM_ROUTE_BAD_PATH, 0, NULL, NULL },
		{ "GET", "/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q", WM_ROUTE_BAD_PATH,
		    0, NULL, NULL },
	};
	struct wm_route_match m;
	char long_path[WM_ROUTE_MAX_PATH + 8];
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++) {
		enum wm_route_result r = wm_route_match(routes,
		    TU_NELEM(routes), cases[i].method, cases[i].path, &m);

		if (r != cases[i].want)
			fail_msg("case %zu (%s %s): got %d", i, cases[i].method,
			    cases[i].path, (int)r);
		if (r == WM_ROUTE_FOUND || r == WM_ROUTE_METHOD_NOT_ALLOWED)
			assert_int_equal(m.route, cases[i].route);
		if (r != WM_ROUTE_FOUND)
			assert_int_equal(m.n_params, 0);
		if (cases[i].param)
			assert_string_equal(wm_route_param(&m, cases[i].param),
			    cases[i].value);
	}
	memset(long_path, 'a', sizeof(long_path) - 1);
	long_path[0] = '/';
	long_path[sizeof(long_path) - 1] = '\0';
	assert_int_equal(wm_route_match(routes, TU_NELEM(routes), "GET",
	    long_path, &m), WM_ROUTE_BAD_PATH);
	memset(long_path, 'a', sizeof(long_path));
	memcpy(long_path, "/people/", 8);
	memcpy(long_path + 8 + WM_ROUTE_MAX_VALUE, "/journey", 9);
	assert_int_equal(wm_route_match(routes, TU_NELEM(routes), "GET",
	    long_path, &m), WM_ROUTE_BAD_PATH);
}

/* A path as written down (for the audit): one spelling of each. */
static void
test_route_path(void **state)
{
	static const struct {
		const char *path, *want;
	} cases[] = {
		{ "/people/DEMO-000001/journey", "/people/DEMO-000001/journey" },
		{ "/people/DEMO%2d000001/journey", "/people/DEMO-000001/journey" },
		{ "/people/%44EMO%2D1/journey", "/people/DEMO-1/journey" },
		{ "/people/a%20b/journey", "/people/a%20b/journey" },
		{ "/people/a:b/journey", "/people/a%3Ab/journey" },
		{ "/people/7/goals/%33", "/people/7/goals/3" },
		{ "/sign-in", "/sign-in" },
	};
	struct wm_route_match m;
	struct wm_buf out = WM_BUF_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++) {
		assert_int_equal(wm_route_match(routes, TU_NELEM(routes), "GET",
		    cases[i].path, &m), WM_ROUTE_FOUND);
		wm_buf_clear(&out);
		wm_route_path(&out, routes[m.route].pattern, &m);
		assert_string_equal(wm_buf_str(&out), cases[i].want);
	}
	wm_buf_release(&out);
}

/* What a 405's Allow header lists: every method the path takes, once. */
static void
test_route_methods(void **state)
{
	const char *m[4];

	(void)state;
	assert_int_equal(wm_route_methods(routes, TU_NELEM(routes), "/sign-in",
	    m, 4), 2);
	assert_string_equal(m[0], "GET");
	assert_string_equal(m[1], "POST");
	assert_int_equal(wm_route_methods(routes, TU_NELEM(routes),
	    "/people/7/journey", m, 4), 1);
	assert_string_equal(m[0], "GET");
	assert_int_equal(wm_route_methods(routes, TU_NELEM(routes), "/sign-in",
	    m, 1), 1);
	assert_int_equal(wm_route_methods(routes, TU_NELEM(routes), "/nowhere",
	    m, 4), 0);
	assert_int_equal(wm_route_methods(routes, TU_NELEM(routes),
	    "/sign-in/", m, 4), 0);
	assert_int_equal(wm_route_methods(routes, TU_NELEM(routes),
	    "/people/%00/journey", m, 4), 0);
}

/* Which proxies are believed: IPv4 addresses, one or a comma list. */
static void
test_proxies(void **state)
{
	struct wm_proxies p = { { 0 }, 0 };
	struct wm_buf err = WM_BUF_INIT;
	static const char *const bad[] = {
		"10.0.0.300", "::1", "", "1.2.3.4,", "proxy.example.org",
		"10.0.0.1/8", "010.0.0.1",
	};
	size_t i;

	(void)state;
	assert_int_equal(wm_proxies_add(&p, "127.0.0.1", &err), 0);
	assert_int_equal(wm_proxies_add(&p, "192.0.2.1, 192.0.2.2", &err), 0);
	assert_int_equal(p.n, 3);
	for (i = 0; i < TU_NELEM(bad); i++) {
		wm_buf_clear(&err);
		assert_int_equal(wm_proxies_add(&p, bad[i], &err), -1);
		assert_non_null(strstr(wm_buf_str(&err), "not an IPv4 address"));
		assert_int_equal(p.n, 3);
	}
	assert_true(wm_proxies_trust(&p, "127.0.0.1"));
	assert_true(wm_proxies_trust(&p, "192.0.2.2"));
	assert_false(wm_proxies_trust(&p, "127.0.0.2"));
	assert_false(wm_proxies_trust(&p, "::1"));
	assert_false(wm_proxies_trust(&p, NULL));
	for (i = 3; i < WM_PROXIES_MAX; i++)
		assert_int_equal(wm_proxies_add(&p, "192.0.2.9", &err), 0);
	wm_buf_clear(&err);
	assert_int_equal(wm_proxies_add(&p, "192.0.2.10", &err), -1);
	assert_non_null(strstr(wm_buf_str(&err), "at most"));
	wm_buf_release(&err);
}

/* The client behind a proxy: the last entry of X-Forwarded-For, the one
 * the proxy added, and only if it is an address alone. */
static void
test_forwarded_for(void **state)
{
	static const struct {
		const char *header, *want;	/* want NULL: refused */
	} cases[] = {
		{ "10.0.0.1", "10.0.0.1" },
		{ "203.0.113.9, 10.0.0.2", "10.0.0.2" },
		{ "forged,10.0.0.3", "10.0.0.3" },
		{ " 10.0.0.4\t", "10.0.0.4" },
		{ "2001:DB8:0:0::1", "2001:db8::1" },
		{ "10.0.0.1, ", NULL },
		{ "10.0.0.1:8080", NULL },
		{ "[2001:db8::1]", NULL },
		{ "unknown", NULL },
		{ "", NULL },
		{ "10.0.0.1\x1b", NULL },
		{ "10.0.0.5, 010.0.0.1", NULL },
	};
	char out[WM_CLIENT_ADDRESS_MAX];
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++) {
		int rc = wm_forwarded_for(cases[i].header, out);

		if (!cases[i].want) {
			if (rc != -1)
				fail_msg("'%s' gave '%s'", cases[i].header, out);
			continue;
		}
		assert_int_equal(rc, 0);
		assert_string_equal(out, cases[i].want);
	}
	assert_int_equal(wm_forwarded_for(NULL, out), -1);
}

/* Who one client is to the sign-in throttle: an IPv4 address whole, an
 * IPv6 address by its /64, however it is written. */
static void
test_throttle_key(void **state)
{
	static const struct {
		const char *address, *want;
	} cases[] = {
		{ "192.0.2.7", "192.0.2.7" },
		{ "2001:db8:1:2::1", "2001:db8:1:2::/64" },
		{ "2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64" },
		{ "2001:DB8:1:2:0:0:0:99", "2001:db8:1:2::/64" },
		{ "2001:db8:1:3::1", "2001:db8:1:3::/64" },
		{ "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
		    "ffff:ffff:ffff:ffff::/64" },
		{ "::1", "::/64" },
		{ "::ffff:192.0.2.7", "192.0.2.7" },
		{ "fe80::1%eth0", "fe80::1%eth0" },
		{ "unknown", "unknown" },
		{ "", "" },
	};
	char out[WM_CLIENT_ADDRESS_MAX];
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++) {
		wm_client_throttle_key(cases[i].address, out);
		assert_string_equal(out, cases[i].want);
	}
	wm_client_throttle_key(NULL, out);
	assert_string_equal(out, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_form_good),
		cmocka_unit_test(test_form_bad),
		cmocka_unit_test(test_form_limits),
		cmocka_unit_test(test_cookie),
		cmocka_unit_test(test_route),
		cmocka_unit_test(test_route_methods),
		cmocka_unit_test(test_route_path),
		cmocka_unit_test(test_proxies),
		cmocka_unit_test(test_forwarded_for),
		cmocka_unit_test(test_throttle_key),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
