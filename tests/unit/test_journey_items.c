/*
 * The first and latest answer to each question, as a person (or their
 * practitioner) reads it: one table of cases, each a measure's answers
 * in and the words that must and must not appear out. Covers no change,
 * a better and a worse answer, a reversed question, a question whose
 * direction is unknown, one response only, answers given with a
 * practitioner, "prefer not to say", and hostile question text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "report/journey_items.h"

#include "testutil.h"

#define MAX_WORDS 8
#define LDQ "\xe2\x80\x9c"	/* the quotation marks around a question */
#define RDQ "\xe2\x80\x9d"

#define ALONE(date, words, v) { date, words, 1, v, 0 }
#define TOGETHER(date, words, v) { date, words, 1, v, 1 }
#define UNSCORED(date) { date, "Prefer not to say", 0, 0, 0 }

static const struct wm_item_change hopeful_up[] = {
	{ "I feel hopeful about my future",
	    ALONE("2025-03-05", "Disagree", 2), ALONE("2026-03-01", "Agree", 4),
	    3, 1 },
};

static const struct wm_item_change same[] = {
	{ "Where I live feels safe", ALONE("2025-03-05", "Agree", 4),
	    ALONE("2026-03-01", "Agree", 4), 2, 1 },
	{ "I am using my strengths", ALONE("2025-03-05", "Disagree", 2),
	    ALONE("2026-03-01", "Disagree", 2), 2, 1 },
};

static const struct wm_item_change down_and_same[] = {
	{ "I am in good physical health", ALONE("2025-03-05", "Agree", 4),
	    ALONE("2025-09-10", "Disagree", 2), 2, 1 },
	{ "Where I live feels safe", ALONE("2025-03-05", "Agree", 4),
	    ALONE("2025-09-10", "Agree", 4), 2, 1 },
};

/* Agreeing less with a reversed question is the more hopeful answer. */
static const struct wm_item_change reversed[] = {
	{ "I often feel alone", ALONE("2025-03-05", "Strongly agree", 5),
	    ALONE("2026-03-01", "Disagree", 2), 2, -1 },
	{ "I worry about money", ALONE("2025-03-05", "Disagree", 2),
	    ALONE("2026-03-01", "Agree", 4), 2, -1 },
};

static const struct wm_item_change unknown[] = {
	{ "How often do you go out?", ALONE("2025-03-05", "Rarely", 1),
	    ALONE("2026-03-01", "Often", 3), 2, 0 },
};

static const struct wm_item_change once[] = {
	{ "I feel hopeful about my future",
	    TOGETHER("2025-03-05", "Agree", 4),
	    TOGETHER("2025-03-05", "Agree", 4), 1, 1 },
	{ "Where I live feels safe", ALONE("2025-03-05", "Disagree", 2),
	    ALONE("2025-03-05", "Disagree", 2), 1, 1 },
};

static const struct wm_item_change together[] = {
	{ "I feel in control", TOGETHER("2025-03-05", "Disagree", 2),
	    ALONE("2026-03-01", "Agree", 4), 2, 1 },
};

static const struct wm_item_change nothing_to_compare[] = {
	{ "I feel hopeful about my future", UNSCORED("2025-03-05"),
	    ALONE("2026-03-01", "Agree", 4), 2, 1 },
	{ "A question added later", ALONE("2026-03-01", "Agree", 4),
	    ALONE("2026-03-01", "Agree", 4), 1, 1 },
};

static const struct wm_item_change hostile[] = {
	{ "<script>alert(1)</script> & \"you\"",
	    ALONE("2025-03-05", "<b>Agree</b>", 2),
	    ALONE("not-a-date<i>", "Strongly agree & more", 4), 2, 1 },
};

struct items_case {
	const char *name;
	const struct wm_item_change *items;
	size_t n;
	int64_t responses;
	int own;
	const char *want[MAX_WORDS];
	const char *never[MAX_WORDS];
};

#define ITEMS(a) (a), TU_NELEM(a)

static const struct items_case cases[] = {
	{ "improved, own view", ITEMS(hopeful_up), 3, 1,
	    { "<li>Since March 2025 you have answered more hopefully about "
	    LDQ "I feel hopeful about my future" RDQ ": from Disagree to "
	    "Agree.</li>",
	    "<caption class=\"nhsuk-table__caption\">Recovery markers: the "
	    "first and latest answer to each question</caption>",
	    "<th class=\"nhsuk-table__header\" scope=\"col\">Question</th>",
	    "scope=\"col\">First answer (date)</th>",
	    "scope=\"col\">Latest answer (date)</th>",
	    "Disagree (5 March 2025, on your own)",
	    "Agree (1 March 2026, on your own)" },
	    { "less hopefully", "about the same", "no change to show",
	    "Setbacks" } },
	{ "improved, practitioner's view", ITEMS(hopeful_up), 3, 0,
	    { "Since March 2025 they have answered more hopefully about",
	    "Disagree (5 March 2025, on their own)" },
	    { "you have", "your own", "Setbacks" } },
	{ "no change", ITEMS(same), 2, 1,
	    { "<p class=\"nhsuk-body\">Your answers to 2 questions are about "
	    "the same as at first.</p>" },
	    { "<li>", "hopefully", "other", "Setbacks" } },
	{ "worse, with one the same", ITEMS(down_and_same), 2, 1,
	    { "Since March 2025 you have answered less hopefully about "
	    LDQ "I am in good physical health" RDQ ": from Agree to "
	    "Disagree.",
	    "Your answer to 1 other question is about the same as at first.",
	    "Setbacks are part of many journeys" },
	    { "more hopefully" } },
	{ "worse, practitioner's view", ITEMS(down_and_same), 2, 0,
	    { "they have answered less hopefully",
	    "Their answer to 1 other question is about the same" },
	    { "Setbacks", "you" } },
	{ "reversed questions", ITEMS(reversed), 2, 1,
	    { "more hopefully about " LDQ "I often feel alone" RDQ
	    ": from Strongly agree to Disagree.",
	    "less hopefully about " LDQ "I worry about money" RDQ
	    ": from Disagree to Agree." },
	    { "about the same" } },
	{ "a direction that cannot be named", ITEMS(unknown), 2, 1,
	    { "Since March 2025 your answer to " LDQ "How often do you go "
	    "out?" RDQ " has changed: from Rarely to Often." },
	    { "hopefully", "Setbacks" } },
	{ "one response, own view", ITEMS(once), 1, 1,
	    { "You have answered this once, on 5 March 2025, so there is no "
	    "change to show yet.",
	    "Recovery markers: the answer to each question</caption>",
	    "scope=\"col\">Answer (date)</th>",
	    "Agree (5 March 2025, with a practitioner)",
	    "Disagree (5 March 2025, on your own)" },
	    { "Since", "hopefully", "about the same", "Latest answer",
	    "<polyline" } },
	{ "one response, practitioner's view", ITEMS(once), 1, 0,
	    { "They have answered this once, on 5 March 2025, so there is no "
	    "change to show yet. When they answer again" },
	    { "You have", "on your own" } },
	{ "with a practitioner", ITEMS(together), 2, 1,
	    { "from Disagree (with a practitioner) to Agree.",
	    "Disagree (5 March 2025, with a practitioner)",
	    "Agree (1 March 2026, on your own)" },
	    { "square", "color" } },
	{ "nothing to compare", ITEMS(nothing_to_compare), 2, 1,
	    { "For 2 questions there is no change to show",
	    "Prefer not to say (5 March 2025, on your own)",
	    "<td class=\"nhsuk-table__cell\">Not answered again</td>" },
	    { "<li>", "about the same" } },
	{ "hostile words are escaped", ITEMS(hostile), 2, 1,
	    { "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;you&quot;",
	    "from &lt;b&gt;Agree&lt;/b&gt; to Strongly agree &amp; more.",
	    "(not-a-date&lt;i&gt;, on your own)" },
	    { "<script>", "<b>", "<i>", "& \"", "& more" } },
};

static void
test_items_table(void **state)
{
	struct wm_buf b = WM_BUF_INIT;
	size_t i, k;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++) {
		const struct items_case *c = &cases[i];
		struct wm_item_changes ch = { "Recovery markers", c->responses,
		    c->items, c->n, c->own };

		wm_buf_clear(&b);
		assert_int_equal(wm_journey_items(&b, &ch), 0);
		for (k = 0; k < MAX_WORDS && c->want[k]; k++)
			if (!strstr(wm_buf_str(&b), c->want[k])) {
				fprintf(stderr, "%s: no \"%s\" in:\n%s\n",
				    c->name, c->want[k], wm_buf_str(&b));
				fail();
			}
		for (k = 0; k < MAX_WORDS && c->never[k]; k++)
			if (strstr(wm_buf_str(&b), c->never[k])) {
				fprintf(stderr, "%s: \"%s\" in:\n%s\n",
				    c->name, c->never[k], wm_buf_str(&b));
				fail();
			}
	}
	wm_buf_release(&b);
}

/* Nothing answered: nothing written. */
static void
test_items_empty(void **state)
{
	struct wm_buf b = WM_BUF_INIT;
	struct wm_item_changes ch = { "Recovery markers", 0, NULL, 0, 1 };

	(void)state;
	assert_int_equal(wm_journey_items(&b, &ch), 0);
	assert_string_equal(wm_buf_str(&b), "");
	wm_buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_items_table),
		cmocka_unit_test(test_items_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
