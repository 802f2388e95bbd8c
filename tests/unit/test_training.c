/*
 * Training for recovery: the CSV reader (RFC 4180), the rules for one
 * completion, the import file (every bad row by line, nothing kept when
 * any is bad), finding staff, and training coverage per course.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/training.h"
#include "util/csv.h"
#include "testutil.h"

static struct wm_catalogue *courses;
static const struct wm_date today = { 2025, 6, 30 };

static int
setup(void **state)
{
	struct wm_diags d = WM_DIAGS_INIT;
	size_t len;
	char *text = tu_read_instrument_file("training-courses.json", &len);

	(void)state;
	if (!text || wm_catalogue_parse(text, len, &courses, &d))
		return -1;
	free(text);
	wm_diags_release(&d);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	wm_catalogue_free(courses);
	return 0;
}

static void
test_csv_records(void **state)
{
	static const struct {
		const char *in;
		size_t records;		/* how many the reader gives */
		int bad_line;		/* the line of a record with a problem */
		const char *last_cells;	/* the last record's cells, joined by | */
		int last_line;
	} cases[] = {
		{ "a,b,c\n", 1, 0, "a|b|c", 1 },
		{ "a,b,c", 1, 0, "a|b|c", 1 },
		{ "a,b\r\nc,d\r\n", 2, 0, "c|d", 2 },
		{ "a\n\n\nb\n", 2, 0, "b", 4 },
		{ "\xef\xbb\xbf" "a,b\n", 1, 0, "a|b", 1 },
		{ "\"a,1\",\"say \"\"hi\"\"\",\n", 1, 0, "a,1|say \"hi\"|", 1 },
		{ "\"two\nlines\",x\ny,z\n", 2, 0, "y|z", 3 },
		{ ",,\n", 1, 0, "||", 1 },
		{ "caf\xc3\xa9,x\n", 1, 0, "caf\xc3\xa9|x", 1 },
		{ "a,b\"c\nd,e\n", 2, 1, "d|e", 2 },
		{ "\"a\"b,c\nd\n", 2, 1, "d", 2 },
		{ "ok\n\"open,x\nmore\n", 2, 2, NULL, 0 },
		{ "a,\x01,b\nc\n", 2, 1, "c", 2 },
		{ "a,\xff\xfe\nc\n", 2, 1, "c", 2 },
		{ "a\rb\nc\n", 2, 1, "c", 2 },
		{ "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17\nz\n", 2, 1, "z",
		    2 },
		{ "", 0, 0, NULL, 0 },
		{ "\n\r\n", 0, 0, NULL, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++) {
		struct wm_csv c;
		struct wm_csv_record r;
		struct wm_buf joined = WM_BUF_INIT;
		size_t n = 0, k;
		int bad = 0;

		wm_csv_init(&c, cases[i].in, strlen(cases[i].in));
		while (wm_csv_next(&c, &r)) {
			n++;
			if (r.problem)
				bad = r.line;
			wm_buf_clear(&joined);
			for (k = 0; k < r.n; k++) {
				if (k)
					wm_buf_putc(&joined, '|');
				wm_buf_puts(&joined, r.cell[k]);
			}
			if (cases[i].last_cells && n == cases[i].records) {
				assert_string_equal(wm_buf_str(&joined),
				    cases[i].last_cells);
				assert_int_equal(r.line, cases[i].last_line);
			}
		}
		assert_int_equal(n, cases[i].records);
		assert_int_equal(bad, cases[i].bad_line);
		wm_buf_release(&joined);
	}
}

static void
test_csv_record_too_long(void **state)
{
	char text[WM_CSV_MAX_RECORD + 20];
	struct wm_csv c;
	struct wm_csv_record r;

	(void)state;
	memset(text, 'x', WM_CSV_MAX_RECORD + 1);
	memcpy(text + WM_CSV_MAX_RECORD + 1, "\nz\n", 4);
	wm_csv_init(&c, text, strlen(text));
	assert_int_equal(wm_csv_next(&c, &r), 1);
	assert_non_null(r.problem);
	assert_int_equal(wm_csv_next(&c, &r), 1);
	assert_null(r.problem);
	assert_string_equal(r.cell[0], "z");
	assert_int_equal(r.line, 2);
	assert_int_equal(wm_csv_next(&c, &r), 0);
}

static void
test_check(void **state)
{
	static const struct {
		const char *email, *course, *completed;
		const char *bad;	/* the field at fault, or NULL */
		const char *msg;
	} cases[] = {
		{ "jo@example.org", "wrap", "2025-06-30", NULL, NULL },
		{ "jo@example.org", "recovery-awareness", "2008-01-01", NULL,
		    NULL },
		{ "jo@example.org", "recovery-degree-module", "2025-02-28",
		    NULL, NULL },
		{ "jo@example.org", "wrap", "2025-07-01", "completed",
		    "after today" },
		{ "jo@example.org", "wrap", "2099-01-01", "completed",
		    "after today" },
		{ "jo@example.org", "wrap", "2025-02-30", "completed",
		    "YYYY-MM-DD" },
		{ "jo@example.org", "wrap", "30/06/2025", "completed",
		    "YYYY-MM-DD" },
		{ "jo@example.org", "wrap", "2025-6-3", "completed",
		    "YYYY-MM-DD" },
		{ "jo@example.org", "wrap", "", "completed", "YYYY-MM-DD" },
		{ "jo@example.org", "WRAP", "2025-01-01", "course",
		    "recovery-awareness, intentional-peer-support" },
		{ "jo@example.org", "WRAP Training", "2025-01-01", "course",
		    "not a course code" },
		{ "jo@example.org", "", "2025-01-01", "course", "is empty" },
		{ "", "wrap", "2025-01-01", "email", "is empty" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++) {
		struct wm_diags d = WM_DIAGS_INIT;
		struct wm_training_row row;
		int rc = wm_training_check(courses, &today, 7, cases[i].email,
		    cases[i].course, cases[i].completed, &row, &d);

		if (!cases[i].bad) {
			assert_int_equal(rc, 0);
			assert_int_equal(d.n, 0);
			assert_string_equal(row.completed, cases[i].completed);
			assert_string_equal(row.course, cases[i].course);
			assert_int_equal(row.line, 7);
		} else {
			assert_int_equal(rc, -1);
			assert_int_equal(d.n, 1);
			assert_int_equal(d.v[0].line, 7);
			assert_string_equal(d.v[0].where, cases[i].bad);
			assert_true(tu_has_diag(&d, cases[i].bad, cases[i].msg));
		}
		wm_diags_release(&d);
	}
	/* Every problem of a row at once. */
	{
		struct wm_diags d = WM_DIAGS_INIT;
		struct wm_training_row row;

		assert_int_equal(wm_training_check(courses, &today, 3, "",
		    "nope", "tomorrow", &row, &d), -1);
		assert_int_equal(d.n, 3);
		wm_diags_release(&d);
	}
}

#define HDR WM_TRAINING_HEADER "\n"

static void
test_csv_read(void **state)
{
	static const struct {
		const char *in;
		size_t rows;		/* when good */
		int first;		/* ... the first row's line */
		size_t problems;	/* when bad: how many */
		int line;		/* ... the first one's line */
		const char *where;	/* ... and field */
		const char *msg;
	} cases[] = {
		{ HDR "jo@example.org,wrap,2025-01-02\n", 1, 2, 0, 0, NULL,
		    NULL },
		{ HDR "jo@example.org,wrap,2025-01-02\r\n"
		    "\"sam@example.org\",recovery-awareness,2024-12-31\r\n", 2, 2,
		    0, 0, NULL, NULL },
		{ "\xef\xbb\xbf" HDR "jo@example.org,wrap,2025-01-02", 1, 2, 0,
		    0, NULL, NULL },
		{ HDR "\njo@example.org,wrap,2025-01-02\n\n", 1, 3, 0, 0,
		    NULL, NULL },
		/* Duplicates in a file are kept: the store skips them. */
		{ HDR "jo@example.org,wrap,2025-01-02\n"
		    "jo@example.org,wrap,2025-01-02\n", 2, 2, 0, 0, NULL, NULL },
		{ "", 0, 0, 1, 0, "file", "is empty" },
		{ HDR, 0, 0, 1, 0, "file", "no rows" },
		{ "Email,Course,Completed\njo@example.org,wrap,2025-01-02\n", 0,
		    0, 1, 1, "header", "email,course,completed" },
		{ "email,course,date\njo@example.org,wrap,2025-01-02\n", 0, 0,
		    1, 1, "header", "exactly" },
		{ "email, course, completed\n", 0, 0, 1, 1, "header", "exactly" },
		{ "email,course\n", 0, 0, 1, 1, "header", "exactly" },
		{ "email,course,completed,notes\n", 0, 0, 1, 1, "header",
		    "exactly" },
		{ "\nemail,course,completed\n", 0, 0, 1, 2, "header", "exactly" },
		{ HDR "jo@example.org,wrap,2025-01-02\n"
		    "jo@example.org,wrap,2099-01-02\n", 0, 0, 1, 3, "completed",
		    "after today" },
		{ HDR "jo@example.org,wrap\n", 0, 0, 1, 2, "row",
		    "has 2 fields" },
		{ HDR "jo@example.org,wrap,2025-01-02,x\n", 0, 0, 1, 2, "row",
		    "has 4 fields" },
		{ HDR "jo@example.org,wr\"ap,2025-01-02\n", 0, 0, 1, 2, "row",
		    "quote" },
		{ HDR "jo@example.org,wrap,2025-01-02\n"
		    "jo@example.org,nope,2025-01-02\n"
		    "jo@example.org,wrap,2025-13-02\n"
		    ",wrap,2025-01-02\n", 0, 0, 3, 3, "course", "not a course" },
		{ HDR "\"jo@example.org\nx\",wrap,2025-01-02\n"
		    "jo@example.org,wrap,2026-01-02\n", 0, 0, 1, 4, "completed",
		    "after today" },
		{ HDR "jo@example.org,wrap,\"2025-01-02\n", 0, 0, 1, 2, "row",
		    "not closed" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++) {
		struct wm_diags d = WM_DIAGS_INIT;
		struct wm_training_file f = WM_TRAINING_FILE_INIT;
		int rc = wm_training_csv_read(cases[i].in, strlen(cases[i].in),
		    courses, &today, &f, &d);

		if (cases[i].problems == 0) {
			if (rc)
				tu_print_diags("unexpected", &d);
			assert_int_equal(rc, 0);
			assert_int_equal(f.n, cases[i].rows);
			assert_string_equal(f.v[0].email, "jo@example.org");
			assert_int_equal(f.v[0].line, cases[i].first);
		} else {
			assert_int_equal(rc, -1);
			assert_int_equal(f.n, 0);
			assert_null(f.v);
			if (d.n != cases[i].problems)
				tu_print_diags("problems", &d);
			assert_int_equal(d.n, cases[i].problems);
			assert_int_equal(d.v[0].line, cases[i].line);
			assert_string_equal(d.v[0].where, cases[i].where);
			assert_true(tu_has_diag(&d, cases[i].where,
			    cases[i].msg));
		}
		wm_training_file_release(&f);
		wm_diags_release(&d);
	}
}

static void
test_csv_limits(void **state)
{
	struct wm_buf b = WM_BUF_INIT;
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_training_file f = WM_TRAINING_FILE_INIT;
	int i;

	(void)state;
	wm_buf_puts(&b, HDR);
	for (i = 0; i < WM_TRAINING_MAX_ROWS; i++)
		wm_buf_printf(&b, "s%d@example.org,wrap,2025-01-02\n", i);
	assert_int_equal(wm_training_csv_read(b.data, b.len, courses, &today,
	    &f, &d), 0);
	assert_int_equal(f.n, WM_TRAINING_MAX_ROWS);
	assert_int_equal(f.v[WM_TRAINING_MAX_ROWS - 1].line,
	    WM_TRAINING_MAX_ROWS + 1);
	wm_training_file_release(&f);
	wm_buf_puts(&b, "one@example.org,wrap,2025-01-02\n");
	assert_int_equal(wm_training_csv_read(b.data, b.len, courses, &today,
	    &f, &d), -1);
	assert_true(tu_has_diag(&d, "file", "more than 2000 rows"));
	assert_int_equal(d.v[0].line, WM_TRAINING_MAX_ROWS + 2);
	wm_diags_release(&d);
	while (b.len <= WM_TRAINING_MAX_BYTES)
		wm_buf_puts(&b, "one@example.org,wrap,2025-01-02\n");
	assert_int_equal(wm_training_csv_read(b.data, b.len, courses, &today,
	    &f, &d), -1);
	assert_true(tu_has_diag(&d, "file", "larger than 128 KiB"));
	wm_diags_release(&d);
	wm_buf_release(&b);
}

static void
test_resolve(void **state)
{
	static const struct wm_staff staff[] = {
		{ 11, "jo@example.org", "Jo" },
		{ 12, "Sam.Lead@Example.org", "Sam" },
	};
	struct wm_training_row rows[3] = {
		{ 2, "jo@example.org", "wrap", "2025-01-01", 0 },
		{ 3, "sam.lead@example.ORG", "wrap", "2025-01-01", 0 },
		{ 4, "someone@example.org", "wrap", "2025-01-01", 0 },
	};
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_buf text = WM_BUF_INIT;

	(void)state;
	assert_int_equal(wm_training_resolve(rows, 2, staff, 2, &d), 0);
	assert_int_equal(rows[0].account_id, 11);
	assert_int_equal(rows[1].account_id, 12);
	assert_int_equal(wm_training_resolve(rows, 3, staff, 2, &d), -1);
	assert_int_equal(d.n, 1);
	assert_int_equal(rows[2].account_id, 0);
	wm_training_problem_text(&d.v[0], &text);
	assert_string_equal(wm_buf_str(&text), "line 4: email: is not a "
	    "current member of staff of this service (a practitioner or lead "
	    "here)");
	assert_null(wm_training_staff_find(staff, 2, "jo@example.or"));
	assert_null(wm_training_staff_find(staff, 0, "jo@example.org"));
	wm_diags_release(&d);
	wm_buf_release(&text);
}

static void
test_coverage(void **state)
{
	static const struct {
		struct wm_training_count counts[4];
		size_t n;
		int64_t staff;
		/* per catalogue course: done, percent (-1: no percent) */
		int64_t done[6];
		int percent[6];
	} cases[] = {
		{ { { "wrap", 3 } }, 1, 4,
		    { 0, 0, 3, 0, 0, 0 }, { 0, 0, 75, 0, 0, 0 } },
		{ { { "recovery-awareness", 10 }, { "wrap", 1 } }, 2, 10,
		    { 10, 0, 1, 0, 0, 0 }, { 100, 0, 10, 0, 0, 0 } },
		/* 199 of 200 is not "all": rounded down to 99. */
		{ { { "recovery-qualities", 199 } }, 1, 200,
		    { 0, 0, 0, 199, 0, 0 }, { 0, 0, 0, 99, 0, 0 } },
		{ { { "support-time-recovery", 1 } }, 1, 3,
		    { 0, 0, 0, 0, 1, 0 }, { 0, 0, 0, 0, 33, 0 } },
		/* A code the catalogue no longer has is left out. */
		{ { { "old-course", 5 }, { "recovery-degree-module", 2 } }, 2, 5,
		    { 0, 0, 0, 0, 0, 2 }, { 0, 0, 0, 0, 0, 40 } },
		/* No current staff: no share to show. */
		{ { { "wrap", 0 } }, 0, 0,
		    { 0, 0, 0, 0, 0, 0 }, { -1, -1, -1, -1, -1, -1 } },
		{ { { "wrap", 0 } }, 0, 7,
		    { 0, 0, 0, 0, 0, 0 }, { 0, 0, 0, 0, 0, 0 } },
	};
	struct wm_coverage out[6];
	size_t i, k;

	(void)state;
	assert_int_equal(courses->n_concepts, 6);
	for (i = 0; i < TU_NELEM(cases); i++) {
		wm_training_coverage(courses, cases[i].counts, cases[i].n,
		    cases[i].staff, out);
		for (k = 0; k < 6; k++) {
			assert_ptr_equal(out[k].course, &courses->concepts[k]);
			assert_int_equal(out[k].staff, cases[i].staff);
			assert_int_equal(out[k].done, cases[i].done[k]);
			if (cases[i].percent[k] < 0) {
				assert_false(out[k].has_percent);
			} else {
				assert_true(out[k].has_percent);
				assert_int_equal(out[k].percent,
				    cases[i].percent[k]);
			}
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_records),
		cmocka_unit_test(test_csv_record_too_long),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_csv_read),
		cmocka_unit_test(test_csv_limits),
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_coverage),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
