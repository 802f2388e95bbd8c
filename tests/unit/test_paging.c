/*
 * Long lists a page at a time: how many pages, where a page starts, and
 * which page numbers the pagination links (every one when there are few;
 * else the first, the last and the current with its neighbours, a gap of
 * one page shown as that page). Table-driven. Also counting characters,
 * not bytes, for the limits on what people type.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "testutil.h"
#include "util/text.h"
#include "web/paging.h"

static void
test_pages(void **state)
{
	static const struct {
		int64_t total, pages;
	} cases[] = {
		{ 0, 1 }, { 1, 1 }, { 50, 1 }, { 51, 2 }, { 100, 2 },
		{ 266, 6 }, { 20000, 400 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++) {
		struct wm_paging p = { 1, 50, cases[i].total };

		assert_int_equal(wm_paging_pages(&p), cases[i].pages);
	}
	{
		struct wm_paging p = { 1, 50, 266 };

		assert_int_equal(wm_paging_offset(&p), 0);
		p.page = 6;
		assert_int_equal(wm_paging_offset(&p), 250);
		p.page = WM_PAGING_MAX_PAGE;
		assert_int_equal(wm_paging_offset(&p),
		    (int64_t)(WM_PAGING_MAX_PAGE - 1) * 50);
	}
}

static void
test_items(void **state)
{
	/* 0 is an ellipsis; -1 ends the expected list. */
	static const struct {
		int64_t page, total;
		int64_t want[WM_PAGING_MAX_ITEMS + 1];
	} cases[] = {
		{ 1, 0, { 1, -1 } },
		{ 1, 266, { 1, 2, 3, 4, 5, 6, -1 } },
		{ 4, 350, { 1, 2, 3, 4, 5, 6, 7, -1 } },
		{ 1, 400, { 1, 2, 0, 8, -1 } },
		{ 2, 400, { 1, 2, 3, 0, 8, -1 } },
		{ 3, 400, { 1, 2, 3, 4, 0, 8, -1 } },
		{ 4, 400, { 1, 2, 3, 4, 5, 0, 8, -1 } },
		{ 5, 400, { 1, 0, 4, 5, 6, 7, 8, -1 } },
		{ 8, 400, { 1, 0, 7, 8, -1 } },
		{ 7, 400, { 1, 0, 6, 7, 8, -1 } },
		{ 200, 20000, { 1, 0, 199, 200, 201, 0, 400, -1 } },
	};
	int64_t got[WM_PAGING_MAX_ITEMS];
	size_t i, k, n;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++) {
		struct wm_paging p = { cases[i].page, 50, cases[i].total };

		n = wm_paging_items(&p, got);
		assert_true(n <= WM_PAGING_MAX_ITEMS);
		for (k = 0; k < n; k++)
			assert_int_equal(got[k], cases[i].want[k]);
		assert_int_equal(cases[i].want[n], -1);
	}
}

static void
test_chars(void **state)
{
	(void)state;
	assert_int_equal(wm_utf8_chars(""), 0);
	assert_int_equal(wm_utf8_chars("plain"), 5);
	assert_int_equal(wm_utf8_chars("caf\xc3\xa9"), 4);
	assert_int_equal(wm_utf8_chars("\xe2\x80\x94\xf0\x9f\x8c\xb1"), 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pages),
		cmocka_unit_test(test_items),
		cmocka_unit_test(test_chars),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
