/*
 * The key a commissioner's figures are kept under (web/network.h,
 * wm_net_cache_key): everything the kept part depends on besides the
 * figures' version. Another page, window, rule, day or scope of
 * commissioner's grants is another key, so a part built for one is never
 * given to another; the same grants in another order, repeated, or beside
 * grants of other roles (which show nothing on the page) are the same.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "web/network.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void
view_of(struct wm_net_view *v, const char *today, const char *from,
    const char *to)
{
	memset(v, 0, sizeof(*v));
	assert_int_equal(wm_date_parse(today, &v->today), 0);
	assert_int_equal(wm_quarter_parse(from, &v->from), 0);
	assert_int_equal(wm_quarter_parse(to, &v->to), 0);
	wm_quarter_format(&v->from, v->from_s);
	wm_quarter_format(&v->to, v->to_s);
}

/* The key, as a string to compare (the caller releases b). */
static const char *
key(struct wm_buf *b, const char *page, const struct wm_net_view *v,
    enum wm_disclosure_rule rule, const struct wm_grant *g, size_t n)
{
	assert_int_equal(wm_net_cache_key(b, page, v, rule, g, n), 0);
	return wm_buf_str(b);
}

static void
each_input_is_in_the_key(void **state)
{
	static const struct wm_grant net[] = { { WM_ROLE_COMMISSIONER, 1 } };
	static const struct wm_grant prov[] = { { WM_ROLE_COMMISSIONER, 2 } };
	static const struct wm_grant two[] = { { WM_ROLE_COMMISSIONER, 2 },
	    { WM_ROLE_COMMISSIONER, 3 } };
	struct wm_buf a = WM_BUF_INIT, b = WM_BUF_INIT;
	struct wm_net_view v, w;

	(void)state;
	view_of(&v, "2026-05-14", "2025-Q3", "2026-Q2");
	key(&a, "/network", &v, WM_DISCLOSURE_MHSDS, net, N(net));
	assert_string_equal(key(&b, "/network", &v, WM_DISCLOSURE_MHSDS, net,
	    N(net)), wm_buf_str(&a));
	assert_string_not_equal(key(&b, "/other", &v, WM_DISCLOSURE_MHSDS,
	    net, N(net)), wm_buf_str(&a));
	assert_string_not_equal(key(&b, "/network", &v, WM_DISCLOSURE_HES,
	    net, N(net)), wm_buf_str(&a));
	/* A grant on a provider, on two, on the network: each its own. */
	assert_string_not_equal(key(&b, "/network", &v, WM_DISCLOSURE_MHSDS,
	    prov, N(prov)), wm_buf_str(&a));
	key(&a, "/network", &v, WM_DISCLOSURE_MHSDS, prov, N(prov));
	assert_string_not_equal(key(&b, "/network", &v, WM_DISCLOSURE_MHSDS,
	    two, N(two)), wm_buf_str(&a));
	/* No grant at all is not a grant on anything. */
	assert_string_not_equal(key(&b, "/network", &v, WM_DISCLOSURE_MHSDS,
	    NULL, 0), wm_buf_str(&a));
	/* Another window, though it ends the same quarter. */
	key(&a, "/network", &v, WM_DISCLOSURE_MHSDS, net, N(net));
	view_of(&w, "2026-05-14", "2026-Q1", "2026-Q2");
	assert_string_not_equal(key(&b, "/network", &w, WM_DISCLOSURE_MHSDS,
	    net, N(net)), wm_buf_str(&a));
	/* The next day, the same window: ERFS's last four quarters and the
	 * cycles' last twelve months are counted back from today. */
	view_of(&w, "2026-05-15", "2025-Q3", "2026-Q2");
	assert_string_not_equal(key(&b, "/network", &w, WM_DISCLOSURE_MHSDS,
	    net, N(net)), wm_buf_str(&a));
	wm_buf_release(&a);
	wm_buf_release(&b);
}

static void
the_same_scope_is_the_same_key(void **state)
{
	static const struct wm_grant two[] = { { WM_ROLE_COMMISSIONER, 2 },
	    { WM_ROLE_COMMISSIONER, 3 } };
	static const struct wm_grant other_order[] = {
	    { WM_ROLE_PRACTITIONER, 9 }, { WM_ROLE_COMMISSIONER, 3 },
	    { WM_ROLE_LEAD, 4 }, { WM_ROLE_COMMISSIONER, 2 },
	    { WM_ROLE_COMMISSIONER, 3 } };
	static const struct wm_grant not_commissioner[] = {
	    { WM_ROLE_LEAD, 2 }, { WM_ROLE_COMMISSIONER, 3 } };
	struct wm_buf a = WM_BUF_INIT, b = WM_BUF_INIT;
	struct wm_net_view v;

	(void)state;
	view_of(&v, "2026-05-14", "2025-Q3", "2026-Q2");
	key(&a, "/network", &v, WM_DISCLOSURE_MHSDS, two, N(two));
	assert_string_equal(key(&b, "/network", &v, WM_DISCLOSURE_MHSDS,
	    other_order, N(other_order)), wm_buf_str(&a));
	/* A lead of a provider does not commission it. */
	assert_string_not_equal(key(&b, "/network", &v, WM_DISCLOSURE_MHSDS,
	    not_commissioner, N(not_commissioner)), wm_buf_str(&a));
	wm_buf_release(&a);
	wm_buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_input_is_in_the_key),
		cmocka_unit_test(the_same_scope_is_the_same_key),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
