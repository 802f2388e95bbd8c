/*
 * Tests for util/escape: one table of input and expected output per
 * writer, then the properties every writer shares (appending, NULL with
 * length 0, the sticky failure at the buffer's maximum).
 *
 * In C string literals a hex escape swallows every hex digit after it, so
 * "\xe2\x82" "A" is split on purpose; octal escapes stop at three digits.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "util/buf.h"
#include "util/escape.h"

#define REPL "\xef\xbf\xbd"	/* U+FFFD in UTF-8 */

typedef int (*esc_fn)(struct wm_buf *, const char *, size_t);

struct esc_case {
	const char *in;
	size_t n;
	const char *want;
};

/* sizeof, not strlen, so that literals with NUL bytes keep them. */
#define T(in, want) { in, sizeof(in) - 1, want }

static void
run_cases(const char *name, esc_fn fn, const struct esc_case *c, size_t nc)
{
	struct wm_buf b = WM_BUF_INIT;
	const char *got;
	size_t i;

	for (i = 0; i < nc; i++) {
		wm_buf_clear(&b);
		assert_int_equal(fn(&b, c[i].in, c[i].n), 0);
		got = wm_buf_str(&b);
		/* The length check also catches a NUL written into b. */
		if (b.len != strlen(c[i].want) || strcmp(got, c[i].want)) {
			print_error("%s case %zu: got \"%s\" (%zu bytes), "
			    "want \"%s\"\n", name, i, got, b.len, c[i].want);
			wm_buf_release(&b);
			fail();
		}
	}
	wm_buf_release(&b);
}

#define RUN(fn, cases) \
	run_cases(#fn, fn, cases, sizeof(cases) / sizeof(cases[0]))

static const struct esc_case html_cases[] = {
	T("", ""),
	T("plain text", "plain text"),
	T("a & b", "a &amp; b"),
	T("<script>alert('x')</script>",
	    "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
	T("\"quoted\"", "&quot;quoted&quot;"),
	T("&amp;", "&amp;amp;"),
	T("`=\t\n", "`=\t\n"),
	T("caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x98\x80",
	    "caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x98\x80"),
	T("\xff\xfe", "\xff\xfe"),
	T("a\000b", "a&#65533;b"),
	T("\000", "&#65533;"),
	{ "<b>bold</b>", 3, "&lt;b&gt;" },
	{ "abc", 0, "" },
};

static const struct esc_case attr_cases[] = {
	T("", ""),
	T("x", "x"),
	T("a\"b", "a&quot;b"),
	T("' onmouseover=alert(1) x='",
	    "&#39; onmouseover&#61;alert(1) x&#61;&#39;"),
	T("`", "&#96;"),
	T("<&>", "&lt;&amp;&gt;"),
	T("tab\there", "tab&#9;here"),
	T("line\r\nbreak", "line&#13;&#10;break"),
	T("\001\037\177", "&#1;&#31;&#127;"),
	T("a\000b", "a&#65533;b"),
	T("\xc3\xa9t\xc3\xa9", "\xc3\xa9t\xc3\xa9"),
	{ "a=b", 1, "a" },
};

static const struct esc_case url_cases[] = {
	T("", ""),
	T("AZaz09-._~", "AZaz09-._~"),
	T("a b", "a%20b"),
	T("a+b", "a%2Bb"),
	T("/?#&=%", "%2F%3F%23%26%3D%25"),
	T("javascript:alert(1)", "javascript%3Aalert%281%29"),
	T("caf\xc3\xa9", "caf%C3%A9"),
	T("a\000b", "a%00b"),
	T("\xff", "%FF"),
	T("\"'<>", "%22%27%3C%3E"),
	{ "a b", 2, "a%20" },
};

static const struct esc_case json_cases[] = {
	T("", ""),
	T("hello", "hello"),
	T("say \"hi\"", "say \\\"hi\\\""),
	T("back\\slash", "back\\\\slash"),
	T("\b\f\n\r\t", "\\b\\f\\n\\r\\t"),
	T("\001\037", "\\u0001\\u001f"),
	T("a\000b", "a\\u0000b"),
	T("</script><!--", "\\u003c\\/script\\u003e\\u003c!--"),
	T("a&b", "a\\u0026b"),
	T("'", "'"),
	T("\177", "\177"),
	T("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
	    "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"),
	T("\xef\xbf\xbf", "\xef\xbf\xbf"),
	T("\xf4\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf"),
	T("\xe2\x80\xa8\xe2\x80\xa9", "\\u2028\\u2029"),
	/* Invalid UTF-8: one \ufffd per maximal invalid subpart. */
	T("\x80", "\\ufffd"),
	T("a\xff" "b", "a\\ufffdb"),
	T("\xc3", "\\ufffd"),
	T("\xe2\x82", "\\ufffd"),
	T("\xe2\x82" "A", "\\ufffdA"),
	T("\xf0\x9f\x98", "\\ufffd"),
	T("\xf0\x9f\x98" "x", "\\ufffdx"),
	T("\xc0\xaf", "\\ufffd\\ufffd"),
	T("\xe0\x80\xaf", "\\ufffd\\ufffd\\ufffd"),
	T("\xed\xa0\x80", "\\ufffd\\ufffd\\ufffd"),
	T("\xf4\x90\x80\x80", "\\ufffd\\ufffd\\ufffd\\ufffd"),
	T("\xf5\x80", "\\ufffd\\ufffd"),
	T("\xc3\xa9\x80", "\xc3\xa9\\ufffd"),
	/* A length that cuts a valid sequence makes it invalid. */
	{ "\xc3\xa9", 1, "\\ufffd" },
};

static const struct esc_case svg_cases[] = {
	T("", ""),
	T("Mean score <3 & >1", "Mean score &lt;3 &amp; &gt;1"),
	T("\"'", "&quot;&#39;"),
	T("a\tb\nc\rd", "a\tb\nc\rd"),
	T("a\001b\037c\000d\033", "abcd"),
	T("\000", ""),
	T("\177", "\177"),
	T("caf\xc3\xa9 \xf0\x9f\x98\x80", "caf\xc3\xa9 \xf0\x9f\x98\x80"),
	T("\xff", REPL),
	T("\xe2\x82", REPL),
	T("a\xed\xa0\x80" "b", "a" REPL REPL REPL "b"),
	T("\xef\xbf\xbe\xef\xbf\xbf", REPL REPL),
	{ "<svg>", 1, "&lt;" },
};

static const struct esc_case csv_cases[] = {
	T("", ""),
	T("plain", "plain"),
	T("in side", "in side"),
	T("caf\xc3\xa9", "caf\xc3\xa9"),
	T("'", "'"),
	/* Cells that need quotes. */
	T("a,b", "\"a,b\""),
	T("say \"hi\"", "\"say \"\"hi\"\"\""),
	T("\"", "\"\"\"\""),
	T("line\nbreak", "\"line\nbreak\""),
	T("cr\rhere", "\"cr\rhere\""),
	T("crlf\r\n", "\"crlf\r\n\""),
	T(" lead", "\" lead\""),
	T("trail ", "\"trail \""),
	T("trail\t", "\"trail\t\""),
	/* The formula guard, for each character that starts a formula. */
	T("=1+2", "\"'=1+2\""),
	T("+1", "\"'+1\""),
	T("-3", "\"'-3\""),
	T("-", "\"'-\""),
	T("@SUM(A1:A2)", "\"'@SUM(A1:A2)\""),
	T("\tx", "\"'\tx\""),
	T("\rx", "\"'\rx\""),
	T("=HYPERLINK(\"http://x\",\"y\")",
	    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
	T(" =1", "\"' =1\""),
	T("  -2", "\"'  -2\""),
	/* Only the start of a cell matters. */
	T("a=1", "a=1"),
	T("a-b", "a-b"),
	T("x@example.org", "x@example.org"),
	T("   ", "\"   \""),
	T("a\000b", "a" REPL "b"),
	{ "=1", 0, "" },
	{ "ab=1", 2, "ab" },
};

static const struct esc_case raw_cases[] = {
	T("", ""),
	T("<b>&amp;</b>", "<b>&amp;</b>"),
	T("=1", "=1"),
	{ "<p>", 2, "<p" },
};

/* A forged log line ("/x\nGET /people/...") stays on its own line. */
static const struct esc_case log_cases[] = {
	T("/people/DEMO-000001/journey", "/people/DEMO-000001/journey"),
	T("/x%0aGET%20/y", "/x%0aGET%20/y"),
	T("/x\nGET /people/P1 200", "/x\\x0aGET\\x20/people/P1\\x20200"),
	T("a\r\tb", "a\\x0d\\x09b"),
	T("back\\slash", "back\\x5cslash"),
	T("\033[31m", "\\x1b[31m"),
	T("caf\xc3\xa9", "caf\\xc3\\xa9"),
	T("nul\000!", "nul\\x00!"),
	T("del\177", "del\\x7f"),
	T("", ""),
};

static void
test_log(void **state)
{
	(void)state;
	RUN(wm_esc_log, log_cases);
}

static void
test_html(void **state)
{
	(void)state;
	RUN(wm_esc_html, html_cases);
}

static void
test_attr(void **state)
{
	(void)state;
	RUN(wm_esc_attr, attr_cases);
}

static void
test_url(void **state)
{
	(void)state;
	RUN(wm_esc_url, url_cases);
}

static void
test_json(void **state)
{
	(void)state;
	RUN(wm_esc_json, json_cases);
}

static void
test_svg(void **state)
{
	(void)state;
	RUN(wm_esc_svg, svg_cases);
}

static void
test_csv(void **state)
{
	(void)state;
	RUN(wm_esc_csv, csv_cases);
}

static void
test_raw(void **state)
{
	(void)state;
	RUN(wm_esc_raw, raw_cases);
}

/* Raw is the one writer that passes a NUL through. */
static void
test_raw_nul(void **state)
{
	struct wm_buf b = WM_BUF_INIT;

	(void)state;
	assert_int_equal(wm_esc_raw(&b, "a\000b", 3), 0);
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.data, "a\000b", 4);
	wm_buf_release(&b);
}

struct num_case {
	double v;
	int decimals;
	const char *want;
};

static void
test_csv_number(void **state)
{
	static const struct num_case c[] = {
		{ 1.5, 1, "1.5" },
		{ -2.0, 0, "-2" },
		{ -2.25, 2, "-2.25" },
		{ 0.0, 2, "0.00" },
		{ -0.04, 1, "0.0" },
		{ -0.0, 0, "0" },
		{ -0.4, 0, "0" },
		{ -0.6, 0, "-1" },
		{ 1234567.0, 0, "1234567" },
		{ 3.75, -1, "4" },
		{ 0.5, 30, "0.50000000000000000" },
	};
	struct wm_buf b = WM_BUF_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		wm_buf_clear(&b);
		assert_int_equal(wm_csv_number(&b, c[i].v, c[i].decimals), 0);
		assert_string_equal(wm_buf_str(&b), c[i].want);
	}
	wm_buf_clear(&b);
	assert_int_equal(wm_csv_number(&b, NAN, 2), 0);
	assert_int_equal(wm_csv_number(&b, INFINITY, 2), 0);
	assert_int_equal(wm_csv_number(&b, -INFINITY, 2), 0);
	assert_string_equal(wm_buf_str(&b), "");
	/* Appends after what is there, never guarded against "-". */
	wm_buf_puts(&b, "x,");
	assert_int_equal(wm_csv_number(&b, -1.25, 2), 0);
	assert_string_equal(wm_buf_str(&b), "x,-1.25");
	wm_buf_release(&b);
}

static const struct {
	const char *name;
	esc_fn fn;
	int (*fn_s)(struct wm_buf *, const char *);
} writers[] = {
	{ "html", wm_esc_html, wm_esc_html_s },
	{ "attr", wm_esc_attr, wm_esc_attr_s },
	{ "url", wm_esc_url, wm_esc_url_s },
	{ "json", wm_esc_json, wm_esc_json_s },
	{ "svg", wm_esc_svg, wm_esc_svg_s },
	{ "csv", wm_esc_csv, wm_esc_csv_s },
	{ "log", wm_esc_log, wm_esc_log_s },
	{ "raw", wm_esc_raw, NULL },
};

#define NWRITERS (sizeof(writers) / sizeof(writers[0]))

/* Each _s variant equals its n-variant up to the first NUL. */
static void
test_string_variants(void **state)
{
	static const char *const in[] = {
		"", "plain", "<a href=\"x\">&'</a>", "=1,\"2\"\n",
		"caf\xc3\xa9 \xff", "a b/c?d",
	};
	struct wm_buf b1 = WM_BUF_INIT, b2 = WM_BUF_INIT;
	size_t w, i;

	(void)state;
	for (w = 0; w < NWRITERS; w++) {
		if (writers[w].fn_s == NULL)
			continue;
		for (i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
			wm_buf_clear(&b1);
			wm_buf_clear(&b2);
			assert_int_equal(writers[w].fn(&b1, in[i],
			    strlen(in[i])), 0);
			assert_int_equal(writers[w].fn_s(&b2, in[i]), 0);
			assert_string_equal(wm_buf_str(&b1), wm_buf_str(&b2));
		}
		wm_buf_clear(&b1);
		assert_int_equal(writers[w].fn_s(&b1, "ab\000<c"), 0);
		assert_string_equal(wm_buf_str(&b1), "ab");
	}
	wm_buf_release(&b1);
	wm_buf_release(&b2);
}

/* Writers append to what is there and accept NULL with length 0. */
static void
test_append_and_null(void **state)
{
	struct wm_buf b = WM_BUF_INIT;
	size_t w;

	(void)state;
	for (w = 0; w < NWRITERS; w++) {
		wm_buf_clear(&b);
		wm_buf_puts(&b, "pre|");
		assert_int_equal(writers[w].fn(&b, NULL, 0), 0);
		assert_int_equal(writers[w].fn(&b, "ok", 2), 0);
		assert_string_equal(wm_buf_str(&b), "pre|ok");
	}
	wm_buf_release(&b);
}

/*
 * Past the maximum every writer fails and the failure sticks, even for
 * an empty string, until the buffer is cleared.
 */
static void
test_max_size(void **state)
{
	struct wm_buf b;
	size_t w;

	(void)state;
	for (w = 0; w < NWRITERS; w++) {
		wm_buf_init(&b, 4);
		assert_int_equal(writers[w].fn(&b, "<<<<<<<<", 8), -1);
		assert_int_equal(b.failed, 1);
		assert_true(b.len <= 4);
		assert_int_equal(writers[w].fn(&b, "", 0), -1);
		assert_int_equal(writers[w].fn(&b, NULL, 0), -1);
		assert_int_equal(wm_csv_number(&b, 1.0, 0), -1);
		wm_buf_clear(&b);
		assert_int_equal(writers[w].fn(&b, "ok", 2), 0);
		assert_string_equal(wm_buf_str(&b), "ok");
		wm_buf_release(&b);
	}
}

/* The maximum counts output bytes: an exact fit succeeds. */
static void
test_max_exact(void **state)
{
	struct wm_buf b;

	(void)state;
	wm_buf_init(&b, 8);
	assert_int_equal(wm_esc_html(&b, "<<", 2), 0);
	assert_string_equal(wm_buf_str(&b), "&lt;&lt;");
	assert_int_equal(wm_esc_html(&b, "x", 1), -1);
	wm_buf_release(&b);

	wm_buf_init(&b, 5);
	assert_int_equal(wm_esc_csv(&b, "=1", 2), 0);
	assert_string_equal(wm_buf_str(&b), "\"'=1\"");
	wm_buf_clear(&b);
	/* The closing quote alone does not fit: the cell fails. */
	assert_int_equal(wm_esc_csv(&b, "=12", 3), -1);
	wm_buf_release(&b);

	wm_buf_init(&b, 4);
	assert_int_equal(wm_csv_number(&b, -1.5, 1), 0);
	assert_int_equal(wm_csv_number(&b, 2.0, 0), -1);
	wm_buf_release(&b);
}

typedef int (*writer)(struct wm_buf *, const char *, size_t);

/* 1 if the writer passes byte c unchanged, between two letters. */
static int
passes(writer w, unsigned c)
{
	struct wm_buf b = WM_BUF_INIT;
	char in[3] = { 'a', (char)c, 'b' };
	int same;

	assert_int_equal(w(&b, in, 3), 0);
	same = b.len == 3 && memcmp(b.data, in, 3) == 0;
	wm_buf_release(&b);
	return same;
}

static int
control(unsigned c)
{
	return c < 0x20 || c == 0x7f;
}

static int
markup(unsigned c)
{
	return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
}

/* Every ASCII byte, through every writer, against the rules each states:
 * the bytes that stand for themselves are looked up in a table made when
 * compiled, which must say exactly what the writers' rules say. */
static void
test_every_ascii_byte(void **state)
{
	unsigned c;

	(void)state;
	for (c = 0; c < 0x80; c++) {
		int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9');

		assert_int_equal(passes(wm_esc_html, c), c != 0 && !markup(c));
		assert_int_equal(passes(wm_esc_attr, c), !control(c) &&
		    !markup(c) && c != '`' && c != '=');
		assert_int_equal(passes(wm_esc_url, c), alnum || c == '-' ||
		    c == '.' || c == '_' || c == '~');
		assert_int_equal(passes(wm_esc_json, c), c >= 0x20 &&
		    c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' &&
		    c != '/');
		assert_int_equal(passes(wm_esc_svg, c), (c >= 0x20 ||
		    c == '\t' || c == '\n' || c == '\r') && !markup(c));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_log),
		cmocka_unit_test(test_attr),
		cmocka_unit_test(test_url),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_svg),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_raw),
		cmocka_unit_test(test_raw_nul),
		cmocka_unit_test(test_csv_number),
		cmocka_unit_test(test_string_variants),
		cmocka_unit_test(test_append_and_null),
		cmocka_unit_test(test_max_size),
		cmocka_unit_test(test_max_exact),
		cmocka_unit_test(test_every_ascii_byte),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
