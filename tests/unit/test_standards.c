/*
 * The 10 core standards' rules (core/standards.h): periods of a network's
 * chosen length, tiling the year and changing only at its turn; their
 * names, reasons and standard numbers; which questions belong to a
 * standard and which are its evidence; the life of a self-assessment
 * (editable, part-way, amended with a reason, changed meanwhile); one
 * standard reopened; who may rate; what a rating is filed as; and that
 * validators are invited only to a submitted self-assessment.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/known_instruments.h"
#include "core/standards.h"
#include "testutil.h"

static void
test_period_lengths(void **state)
{
	static const long long ok[] = { 1, 2, 3, 4, 6, 12 };
	static const long long bad[] = { 0, -3, 5, 7, 8, 9, 10, 11, 13, 24 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		assert_null(wm_period_months_problem(ok[i]));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_non_null(wm_period_months_problem(bad[i]));
	/* The network's choice is in force when it can be used; quarterly
	 * when it made none (0) or one that cannot be. */
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		assert_int_equal(wm_period_months(ok[i]), (int)ok[i]);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(wm_period_months(bad[i]), 3);
	assert_int_equal(WM_PERIOD_MONTHS_DEFAULT, 3);
	assert_int_equal(wm_period_months(4294967299LL), 3);
}

static void
test_period_of(void **state)
{
	static const struct {
		const char *day;
		int months;
		const char *start, *end, *name;
	} cases[] = {
		{ "2026-11-24", 3, "2026-10-01", "2026-12-31",
		    "October to December 2026" },
		{ "2026-01-01", 3, "2026-01-01", "2026-03-31",
		    "January to March 2026" },
		{ "2026-03-31", 3, "2026-01-01", "2026-03-31",
		    "January to March 2026" },
		{ "2024-02-29", 1, "2024-02-01", "2024-02-29", "February 2024" },
		{ "2025-02-10", 1, "2025-02-01", "2025-02-28", "February 2025" },
		{ "2026-07-01", 6, "2026-07-01", "2026-12-31",
		    "July to December 2026" },
		{ "2026-06-30", 6, "2026-01-01", "2026-06-30",
		    "January to June 2026" },
		{ "2026-12-31", 12, "2026-01-01", "2026-12-31", "2026" },
		{ "2026-08-15", 4, "2026-05-01", "2026-08-31",
		    "May to August 2026" },
		{ "2026-12-01", 2, "2026-11-01", "2026-12-31",
		    "November to December 2026" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct wm_date d, s, e, back;
		char a[11], b[11], name[64];

		assert_int_equal(wm_date_parse(cases[i].day, &d), 0);
		wm_period_of(&d, cases[i].months, &s, &e);
		wm_date_format(&s, a);
		wm_date_format(&e, b);
		assert_string_equal(a, cases[i].start);
		assert_string_equal(b, cases[i].end);
		wm_period_name(&s, &e, name, sizeof(name));
		assert_string_equal(name, cases[i].name);
		assert_int_equal(wm_period_parse(a, cases[i].months, &back), 0);
		assert_int_equal(wm_date_cmp(&back, &s), 0);
	}
}

static void
test_period_name_across_years(void **state)
{
	struct wm_date s = { 2026, 10, 1 }, e = { 2027, 3, 31 };
	char name[64];

	(void)state;
	wm_period_name(&s, &e, name, sizeof(name));
	assert_string_equal(name, "October 2026 to March 2027");
}

static void
test_period_parse_refuses(void **state)
{
	static const struct {
		const char *s;
		int months;
	} cases[] = {
		{ "2026-11-01", 3 },	/* inside a quarter, not its start */
		{ "2026-10-02", 3 },
		{ "2026-07-01", 12 },
		{ "2026-02-30", 1 },
		{ "2026-10", 3 },
		{ "", 3 },
		{ "2026-10-01x", 3 },
		{ "26-10-01", 3 },
	};
	struct wm_date d;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(wm_period_parse(cases[i].s, cases[i].months,
		    &d), -1);
}

static void
test_reasons(void **state)
{
	char lots[WM_REASON_MAX + 2];

	(void)state;
	assert_null(wm_reason_problem("New evidence from the team meeting"));
	assert_null(wm_reason_problem("Two lines\nof reason"));
	assert_non_null(wm_reason_problem(""));
	assert_non_null(wm_reason_problem("  \n\t "));
	assert_non_null(wm_reason_problem("bell\a"));
	memset(lots, 'a', WM_REASON_MAX);
	lots[WM_REASON_MAX] = '\0';
	assert_null(wm_reason_problem(lots));
	lots[WM_REASON_MAX] = 'a';
	lots[WM_REASON_MAX + 1] = '\0';
	assert_non_null(wm_reason_problem(lots));
	/* Characters, not bytes: 2000 euro signs (6000 bytes) are a reason,
	 * 2001 are not. */
	{
		char *euros = calloc(3 * (WM_REASON_MAX + 1) + 1, 1);
		size_t i;

		assert_non_null(euros);
		for (i = 0; i < WM_REASON_MAX; i++)
			memcpy(euros + 3 * i, "\xe2\x82\xac", 3);
		assert_null(wm_reason_problem(euros));
		memcpy(euros + 3 * WM_REASON_MAX, "\xe2\x82\xac", 3);
		assert_non_null(wm_reason_problem(euros));
		free(euros);
	}
}

static void
test_standard_numbers(void **state)
{
	static const struct {
		const char *s;
		int want;
	} cases[] = {
		{ "1", 1 }, { "9", 9 }, { "10", 10 }, { "0", 0 }, { "11", 0 },
		{ "01", 0 }, { "-1", 0 }, { "", 0 }, { "1a", 0 }, { " 1", 0 },
		{ "100", 0 },
	};
	size_t i;

	(void)state;
	assert_int_equal(wm_standard_parse(NULL), 0);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(wm_standard_parse(cases[i].s), cases[i].want);
}

static void
test_period_change(void **state)
{
	static const struct {
		int from, to;
		int64_t this_years;
		int refused;
	} cases[] = {
		{ 3, 3, 0, 0 },		/* no change */
		{ 3, 3, 12, 0 },	/* the same length again */
		{ 3, 1, 0, 0 },		/* nothing kept this year yet */
		{ 3, 1, 1, 1 },		/* a period under way keeps its days */
		{ 12, 6, 40, 1 },
		{ 1, 12, 0, 0 },
	};
	struct wm_date today = { 2026, 11, 24 }, first;
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++) {
		const char *p = wm_period_change_problem(cases[i].from,
		    cases[i].to, cases[i].this_years);

		assert_int_equal(p != NULL, cases[i].refused);
		if (p)
			assert_non_null(strstr(p, "turn of the year"));
	}
	wm_period_year_start(&today, &first);
	assert_int_equal(first.year, 2026);
	assert_int_equal(first.month, 1);
	assert_int_equal(first.day, 1);
}

static void
test_standard_of_scale(void **state)
{
	static const struct {
		const char *scale;
		int want;
	} cases[] = {
		{ "standard-1", 1 }, { "standard-10", 10 }, { "standard-11", 0 },
		{ "standard-0", 0 }, { "standard-", 0 }, { "standards-1", 0 },
		{ "recovery-markers", 0 }, { "", 0 },
	};
	size_t i;

	(void)state;
	assert_int_equal(wm_standard_of_scale(NULL), 0);
	for (i = 0; i < TU_NELEM(cases); i++)
		assert_int_equal(wm_standard_of_scale(cases[i].scale),
		    cases[i].want);
}

/* Each standard's questions are its group: the light, the evidence and
 * the action, and nothing of the standard next to it. */
static void
test_standard_items(void **state)
{
	struct wm_instrument *in = tu_load_instrument("core-standards.json");
	size_t from, to, i;
	int n;

	(void)state;
	assert_non_null(in);
	for (n = 1; n <= WM_STANDARDS; n++) {
		char group[24];

		snprintf(group, sizeof(group), "standard-%d", n);
		assert_int_equal(wm_standard_items(in, n, &from, &to), 0);
		assert_string_equal(in->items[from].link_id, group);
		assert_true(to > from + 2);
		for (i = from; i < to; i++) {
			assert_int_equal(wm_standard_of_item(in, i), n);
			assert_int_equal(strncmp(in->items[i].link_id, group,
			    strlen(group)), 0);
		}
		assert_true(to == in->n_items ||
		    wm_standard_of_item(in, to) == n + 1);
		assert_true(strlen(wm_standard_title(in, n)) > 0);
	}
	assert_string_equal(wm_standard_title(in, 1), "The Recovery Approach");
	assert_int_equal(wm_standard_items(in, 11, &from, &to), -1);
	assert_int_equal(wm_standard_items(in, 0, &from, &to), -1);
	assert_string_equal(wm_standard_title(in, 11), "");
	wm_instrument_free(in);
}

static void
set_all(struct wm_response *r, const char *light)
{
	char link[32];
	int n;

	for (n = 1; n <= WM_STANDARDS; n++) {
		snprintf(link, sizeof(link), "standard-%d-rating", n);
		assert_int_equal(wm_response_set_answer(r, link, light), 0);
	}
}

static void
collect(void *ctx, const char *text)
{
	struct wm_buf *b = ctx;

	wm_buf_puts(b, text);
	wm_buf_puts(b, "|");
}

/* A validator is shown the evidence, never the light nor the action. */
static void
test_standard_evidence(void **state)
{
	struct wm_instrument *in = tu_load_instrument("core-standards.json");
	struct wm_response *r;
	struct wm_buf got = WM_BUF_INIT;
	size_t i, evidence = 0;

	(void)state;
	assert_non_null(in);
	for (i = 0; i < in->n_items; i++)
		evidence += wm_standard_is_evidence(&in->items[i]) ? 1u : 0u;
	assert_int_equal(evidence, WM_STANDARDS);
	assert_non_null(r = wm_response_new(in));
	set_all(r, "amber");
	assert_int_equal(wm_response_set_answer(r, "standard-3-evidence",
	    "Minutes of the team meeting"), 0);
	assert_int_equal(wm_response_set_answer(r, "standard-3-action",
	    "Ask people using the service"), 0);
	assert_int_equal(wm_standard_evidence(r, 3, collect, &got), 1);
	assert_string_equal(wm_buf_str(&got), "Minutes of the team meeting|");
	assert_int_equal(wm_standard_evidence(r, 4, collect, &got), 0);
	assert_int_equal(wm_standard_evidence(NULL, 3, collect, &got), 0);
	wm_buf_release(&got);
	wm_response_free(r);
	wm_instrument_free(in);
}

static void
test_assessment_life(void **state)
{
	static const struct {
		int current, versions, later;
		int editable;
		enum wm_response_status status;
	} cases[] = {
		{ 1, 0, 0, 1, WM_STATUS_COMPLETED },	/* first submission */
		{ 1, 0, 1, 1, WM_STATUS_IN_PROGRESS },	/* part-way */
		{ 1, 2, 1, 1, WM_STATUS_COMPLETED },	/* no draft after */
		{ 0, 0, 0, 0, WM_STATUS_COMPLETED },	/* a past period */
		{ 0, 1, 0, 1, WM_STATUS_COMPLETED },	/* amending it */
		{ 0, 3, 1, 1, WM_STATUS_COMPLETED },
	};
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++) {
		assert_int_equal(wm_assessment_editable(cases[i].current,
		    cases[i].versions), cases[i].editable);
		assert_int_equal(wm_assessment_status(cases[i].versions,
		    cases[i].later), cases[i].status);
	}
}

static void
test_amendment_reasons(void **state)
{
	static const struct {
		int versions;
		const char *reason;
		int refused;
	} cases[] = {
		{ 0, NULL, 0 }, { 0, "", 0 }, { 0, "first", 0 },
		{ 1, NULL, 1 }, { 1, "", 1 }, { 1, "   ", 1 },
		{ 1, "New evidence", 0 }, { 4, "Validator's query", 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++)
		assert_int_equal(wm_amendment_problem(cases[i].versions,
		    cases[i].reason) != NULL, cases[i].refused);
}

static void
test_changed_meanwhile(void **state)
{
	static const struct {
		int built_on, now, changed;
	} cases[] = {
		{ 0, 0, 0 }, { 2, 2, 0 },
		{ 0, 1, 1 },	/* a first submission met another */
		{ 2, 3, 1 },	/* an amendment met another amendment */
		{ WM_BUILT_ON_ANY, 0, 0 }, { WM_BUILT_ON_ANY, 7, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++)
		assert_int_equal(wm_assessment_changed_meanwhile(
		    cases[i].built_on, cases[i].now), cases[i].changed);
}

static void
test_reopening(void **state)
{
	static const struct {
		const char *kind;
		int64_t answered_by;
		int pending;
	} kinds[] = {
		{ "reopen", 0, 1 }, { "reopen", 3, 0 }, { "query", 0, 0 },
		{ "answer", 0, 0 }, { NULL, 0, 0 },
	};
	struct wm_instrument *in = tu_load_instrument("core-standards.json");
	struct wm_response *r;
	size_t i, from, to;

	(void)state;
	for (i = 0; i < TU_NELEM(kinds); i++)
		assert_int_equal(wm_reopening_pending(kinds[i].kind,
		    kinds[i].answered_by), kinds[i].pending);
	assert_non_null(in);
	/* Only in the instrument the latest version answered. */
	assert_int_equal(wm_reopen_range(in, 7, 6, 2, &from, &to), 0);
	assert_int_equal(wm_reopen_range(in, 7, 7, 0, &from, &to), 0);
	assert_int_equal(wm_reopen_range(in, 7, 7, 11, &from, &to), 0);
	assert_int_equal(wm_reopen_range(in, 7, 7, 2, &from, &to), 1);
	assert_string_equal(in->items[from].link_id, "standard-2");
	assert_non_null(r = wm_response_new(in));
	set_all(r, "green");
	wm_reopen_carry_over(r, from, to);
	for (i = 0; i < in->n_items; i++)
		if (in->items[i].type == WM_ITEM_CHOICE)
			assert_int_equal(r->answers[i].given,
			    i < from || i >= to);
	wm_response_free(r);
	wm_instrument_free(in);
}

static void
test_rater_grant(void **state)
{
	static const struct {
		enum wm_respondent who;
		enum wm_stakeholder group;
		int needed;
		const char *role, *code;
	} cases[] = {
		{ WM_RESPONDENT_LEAD, WM_STAKEHOLDER_NONE, 1, "lead", NULL },
		{ WM_RESPONDENT_LEAD, WM_STAKEHOLDER_SUPPORTER, 1, "lead", NULL },
		{ WM_RESPONDENT_VALIDATOR, WM_STAKEHOLDER_SUPPORTER, 1,
		    "validator", "supporter" },
		{ WM_RESPONDENT_VALIDATOR, WM_STAKEHOLDER_COMMISSIONER, 1,
		    "validator", "commissioner" },
		{ WM_RESPONDENT_PERSON, WM_STAKEHOLDER_NONE, 0, NULL, NULL },
		{ WM_RESPONDENT_WITH_PRACTITIONER, WM_STAKEHOLDER_NONE, 0,
		    NULL, NULL },
		{ WM_RESPONDENT_STAFF, WM_STAKEHOLDER_NONE, 0, NULL, NULL },
	};
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++) {
		struct wm_rater_grant g;

		assert_int_equal(wm_rater_grant(cases[i].who, cases[i].group,
		    &g), cases[i].needed);
		if (cases[i].role)
			assert_string_equal(g.role, cases[i].role);
		else
			assert_null(g.role);
		if (cases[i].code)
			assert_string_equal(g.group, cases[i].code);
		else
			assert_null(g.group);
	}
}

static void
test_filing(void **state)
{
	static const struct {
		const char *file;
		enum wm_respondent who;
		enum wm_subject about, author;
		enum wm_response_status status;
		enum wm_filing want;
	} cases[] = {
		{ "core-standards.json", WM_RESPONDENT_LEAD, WM_SUBJECT_SERVICE,
		    WM_SUBJECT_STAFF, WM_STATUS_COMPLETED, WM_FILED_AS_VERSION },
		{ "core-standards.json", WM_RESPONDENT_LEAD, WM_SUBJECT_SERVICE,
		    WM_SUBJECT_STAFF, WM_STATUS_IN_PROGRESS, WM_FILED_NOT },
		{ "core-standards-validation.json", WM_RESPONDENT_VALIDATOR,
		    WM_SUBJECT_SERVICE, WM_SUBJECT_STAFF, WM_STATUS_COMPLETED,
		    WM_FILED_AS_VALIDATION },
		{ "core-standards-validation.json", WM_RESPONDENT_VALIDATOR,
		    WM_SUBJECT_SERVICE, WM_SUBJECT_PERSON, WM_STATUS_COMPLETED,
		    WM_FILED_NOT },
		{ "erfs.json", WM_RESPONDENT_STAFF, WM_SUBJECT_SERVICE,
		    WM_SUBJECT_STAFF, WM_STATUS_COMPLETED, WM_FILED_NOT },
		{ "dreem-recovery-markers.json", WM_RESPONDENT_PERSON,
		    WM_SUBJECT_PERSON, WM_SUBJECT_PERSON, WM_STATUS_COMPLETED,
		    WM_FILED_NOT },
	};
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++) {
		struct wm_instrument *in = tu_load_instrument(cases[i].file);
		struct wm_response *r;

		assert_non_null(in);
		assert_non_null(r = wm_response_new(in));
		r->respondent = cases[i].who;
		r->subject.kind = cases[i].about;
		r->author.kind = cases[i].author;
		r->status = cases[i].status;
		assert_int_equal(wm_standards_filing(r), cases[i].want);
		wm_response_free(r);
		wm_instrument_free(in);
	}
}

/* Validators are invited to, and validate, only what was submitted. */
static void
test_invitation(void **state)
{
	(void)state;
	assert_non_null(wm_invitation_problem(0));
	assert_non_null(strstr(wm_invitation_problem(0), "submitted"));
	assert_null(wm_invitation_problem(1));
	assert_null(wm_invitation_problem(5));
}

/* A validator sees the lights only once their own are submitted. */
static void
test_validator_sees_lights(void **state)
{
	(void)state;
	assert_false(wm_validator_sees_lights(0));
	assert_false(wm_validator_sees_lights(-1));
	assert_true(wm_validator_sees_lights(1));
	assert_true(wm_validator_sees_lights(INT64_MAX));
}

/* A query awaits the lead's answer until an answer to its standard
 * follows it; a reopening is neither. */
static void
test_queries_awaiting(void **state)
{
	static const struct {
		int standard;
		const char *kind;
	} rows[] = { { 1, "query" }, { 1, "answer" }, { 1, "query" },
	    { 2, "query" }, { 2, "query" }, { 3, "query" }, { 3, "reopen" },
	    { 3, "answer" }, { 4, "reopen" } };
	struct wm_query_count c;
	size_t i;

	(void)state;
	memset(&c, 0, sizeof(c));
	assert_int_equal(wm_query_count_awaiting(&c), 0);
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		wm_query_count_step(&c, rows[i].standard, rows[i].kind);
	assert_int_equal(wm_query_count_awaiting(&c), 3);
	wm_query_count_step(&c, 5, "query");
	assert_int_equal(wm_query_count_awaiting(&c), 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_period_lengths),
		cmocka_unit_test(test_period_of),
		cmocka_unit_test(test_period_name_across_years),
		cmocka_unit_test(test_period_parse_refuses),
		cmocka_unit_test(test_reasons),
		cmocka_unit_test(test_standard_numbers),
		cmocka_unit_test(test_period_change),
		cmocka_unit_test(test_standard_of_scale),
		cmocka_unit_test(test_standard_items),
		cmocka_unit_test(test_standard_evidence),
		cmocka_unit_test(test_assessment_life),
		cmocka_unit_test(test_amendment_reasons),
		cmocka_unit_test(test_changed_meanwhile),
		cmocka_unit_test(test_reopening),
		cmocka_unit_test(test_rater_grant),
		cmocka_unit_test(test_filing),
		cmocka_unit_test(test_invitation),
		cmocka_unit_test(test_validator_sees_lights),
		cmocka_unit_test(test_queries_awaiting),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
