/*
 * The route table's parameters: each path parameter's kind, checked
 * before anything is looked up, and the query parameters a route reads.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "web/pages.h"
#include "web/params.h"

static struct wm_route_match
one(const char *name, const char *value)
{
	struct wm_route_match m;

	memset(&m, 0, sizeof(m));
	m.n_params = 1;
	snprintf(m.params[0].name, sizeof(m.params[0].name), "%s", name);
	snprintf(m.params[0].value, sizeof(m.params[0].value), "%s", value);
	return m;
}

static void
test_kinds(void **state)
{
	static const struct {
		const char *name, *value;
		int ok;
	} cases[] = {
		{ "person", "DEMO-000001", 1 },
		{ "person", "a.b_c-1", 1 },
		{ "person", "has space", 0 },
		{ "person", "<script>", 0 },
		{ "code", "exbridge-recovery", 1 },
		{ "code", "Exbridge", 0 },
		{ "code", "a_b", 0 },
		{ "id", "1", 1 },
		{ "id", "999999999999999999", 1 },
		{ "id", "1000000000000000000", 0 },
		{ "id", "0", 0 },
		{ "id", "01", 0 },
		{ "id", "-1", 0 },
		{ "id", "1e3", 0 },
		{ "id", " 1", 0 },
		{ "invitation", "42", 1 },
		{ "invitation", "x", 0 },
		{ "period", "2026-10-01", 1 },
		{ "period", "2026-02-30", 0 },
		{ "period", "2026-1-1", 0 },
		{ "period", "2026-10-01x", 0 },
		{ "file", "nhsuk-frontend.min.css", 1 },
		{ "file", ".hidden", 0 },
		{ "file", "a b", 0 },
		{ "unknown", "1", 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct wm_route_match m = one(cases[i].name, cases[i].value);

		if ((wm_params_check(&m) == 0) != cases[i].ok)
			fail_msg("{%s} = '%s': want %s", cases[i].name,
			    cases[i].value, cases[i].ok ? "ok" : "refused");
	}
}

static void
test_numbers(void **state)
{
	struct wm_route_match m = one("id", "12345");

	(void)state;
	assert_int_equal(wm_route_number(&m, "id"), 12345);
	assert_int_equal(wm_route_number(&m, "goal"), 0);
	m = one("id", "12x");
	assert_int_equal(wm_route_number(&m, "id"), 0);
	/* A query's number (the saved page's ?response=) is read alike. */
	assert_int_equal(wm_query_number("5372"), 5372);
	assert_int_equal(wm_query_number("999999999999999999"),
	    999999999999999999LL);
	assert_int_equal(wm_query_number(NULL), 0);
	assert_int_equal(wm_query_number(""), 0);
	assert_int_equal(wm_query_number("0"), 0);
	assert_int_equal(wm_query_number("012"), 0);
	assert_int_equal(wm_query_number("-1"), 0);
	assert_int_equal(wm_query_number("+1"), 0);
	assert_int_equal(wm_query_number(" 1"), 0);
	assert_int_equal(wm_query_number("1000000000000000000"), 0);
}

static void
test_query_declared(void **state)
{
	(void)state;
	assert_true(wm_query_declared("q page", "q"));
	assert_true(wm_query_declared("q page", "page"));
	assert_false(wm_query_declared("q page", "pag"));
	assert_false(wm_query_declared("q page", "age"));
	assert_false(wm_query_declared("qpage", "q"));
	assert_false(wm_query_declared(NULL, "q"));
	assert_false(wm_query_declared("q", ""));
}

/* Every route's path parameters have a declared kind, and the query
 * parameters it declares are plain names. */
static void
test_every_route(void **state)
{
	size_t i, k;

	(void)state;
	for (i = 0; i < wm_n_pages; i++) {
		const char *q = wm_pages[i].query;

		if (!wm_params_declared(wm_pages[i].route.pattern))
			fail_msg("%s %s: a parameter with no declared kind",
			    wm_pages[i].route.method,
			    wm_pages[i].route.pattern);
		for (k = 0; q && q[k]; k++)
			if (!strchr("abcdefghijklmnopqrstuvwxyz_ ", q[k]))
				fail_msg("%s %s: query '%s'",
				    wm_pages[i].route.method,
				    wm_pages[i].route.pattern, q);
	}
	assert_false(wm_params_declared("/x/{nameless}"));
	assert_false(wm_params_declared("/x/{id"));
	assert_true(wm_params_declared("/x/{id}/y/{code}"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_query_declared),
		cmocka_unit_test(test_every_route),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
