/*
 * Tests for core/scoring: wm_score_scales over a small instrument built
 * for the purpose and parsed with wm_instrument_parse, with answers set by
 * hand. One table of cases (answers in, one scale's score out), then the
 * rules that need more than a table: answers that point outside the
 * item's options, and every scale being filled in.
 *
 * The instrument: q1 .. q11 on a 1-5 scale with an unscored "pnts"
 * (prefer not to say); w on 0, 2, 10 with an unscored "skip", so that a
 * reversed value depends on that item's own min and max; and a free-text
 * note. Its scales:
 *   all11   mean,  80%, q1 .. q11
 *   rev     mean, 100%, q1 and w, both reversed
 *   mixrev  mean, 100%, q1, and q2 reversed
 *   sum4    sum,   50%, q1 .. q4
 *   full3   mean, 100%, q1 .. q3
 *   sum100  sum,  100%, q5, q6
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/instrument.h"
#include "core/scoring.h"
#include "util/buf.h"
#include "util/diag.h"

#include "testutil.h"

#define EPS 1e-9
#define MAX_ANSWERS 16

struct fixture {
	struct wm_instrument *in;
};

static void
add_option(struct wm_buf *b, const char *code, int scored, int value,
    int last)
{
	wm_buf_printf(b, "{\"valueCoding\": {\"system\": "
	    "\"https://waymark.example/fhir/CodeSystem/test\", "
	    "\"code\": \"%s\", \"display\": \"Option %s\"}", code, code);
	if (scored)
		wm_buf_printf(b, ", \"extension\": [{\"url\": \"%s\", "
		    "\"valueDecimal\": %d}]", WM_FHIR_ORDINAL, value);
	wm_buf_puts(b, last ? "}" : "}, ");
}

static void
add_agreement_item(struct wm_buf *b, const char *link)
{
	static const char *const codes[] = { "sd", "d", "n", "a", "sa" };
	size_t i;

	wm_buf_printf(b, "{\"linkId\": \"%s\", \"type\": \"choice\", "
	    "\"text\": \"Question %s\", \"required\": true, "
	    "\"answerOption\": [", link, link);
	for (i = 0; i < TU_NELEM(codes); i++)
		add_option(b, codes[i], 1, (int)i + 1, 0);
	add_option(b, "pnts", 0, 0, 1);
	wm_buf_puts(b, "]}, ");
}

static void
add_scale(struct wm_buf *b, const char *code, const char *method, int pct,
    const char *const *items, const char *const *reversed)
{
	wm_buf_printf(b, ", {\"url\": \"%sscale\", \"extension\": ["
	    "{\"url\": \"code\", \"valueCode\": \"%s\"}, "
	    "{\"url\": \"title\", \"valueString\": \"Scale %s\"}, "
	    "{\"url\": \"method\", \"valueCode\": \"%s\"}, "
	    "{\"url\": \"minAnsweredPercent\", \"valueInteger\": %d}",
	    WM_EXT_BASE, code, code, method, pct);
	for (; *items; items++)
		wm_buf_printf(b, ", {\"url\": \"item\", \"valueString\": "
		    "\"%s\"}", *items);
	for (; reversed && *reversed; reversed++)
		wm_buf_printf(b, ", {\"url\": \"reversed\", \"valueString\": "
		    "\"%s\"}", *reversed);
	wm_buf_puts(b, "]}");
}

static char *
build_instrument(void)
{
	static const char *const all11[] = { "q1", "q2", "q3", "q4", "q5",
	    "q6", "q7", "q8", "q9", "q10", "q11", NULL };
	static const char *const rev[] = { "q1", "w", NULL };
	static const char *const mixrev[] = { "q1", "q2", NULL };
	static const char *const mixrev_r[] = { "q2", NULL };
	static const char *const sum4[] = { "q1", "q2", "q3", "q4", NULL };
	static const char *const full3[] = { "q1", "q2", "q3", NULL };
	static const char *const sum100[] = { "q5", "q6", NULL };
	struct wm_buf b = WM_BUF_INIT;
	size_t i;

	wm_buf_puts(&b, "{\"resourceType\": \"Questionnaire\", "
	    "\"url\": \"https://waymark.example/fhir/Questionnaire/scoring\", "
	    "\"version\": \"1.0.0\", \"name\": \"ScoringTest\", "
	    "\"title\": \"Scoring test\", \"status\": \"active\", "
	    "\"subjectType\": [\"Patient\"], \"publisher\": \"Waymark tests\", "
	    "\"description\": \"Built by test_scoring\", "
	    "\"purpose\": \"Unit tests\", \"copyright\": \"CC0 1.0\", "
	    "\"item\": [");
	for (i = 0; i < 11; i++)
		add_agreement_item(&b, all11[i]);
	wm_buf_puts(&b, "{\"linkId\": \"w\", \"type\": \"choice\", "
	    "\"text\": \"Weighted\", \"answerOption\": [");
	add_option(&b, "low", 1, 0, 0);
	add_option(&b, "mid", 1, 2, 0);
	add_option(&b, "skip", 0, 0, 0);
	add_option(&b, "high", 1, 10, 1);
	wm_buf_puts(&b, "]}, {\"linkId\": \"note\", \"type\": \"text\", "
	    "\"text\": \"Anything else?\"}], \"extension\": [{\"url\": "
	    "\"" WM_EXT_BASE "respondent\", \"valueCode\": \"person\"}");
	add_scale(&b, "all11", "mean", 80, all11, NULL);
	add_scale(&b, "rev", "mean", 100, rev, rev);
	add_scale(&b, "mixrev", "mean", 100, mixrev, mixrev_r);
	add_scale(&b, "sum4", "sum", 50, sum4, NULL);
	add_scale(&b, "full3", "mean", 100, full3, NULL);
	add_scale(&b, "sum100", "sum", 100, sum100, NULL);
	wm_buf_puts(&b, "]}\n");
	if (b.failed) {
		wm_buf_release(&b);
		return NULL;
	}
	return wm_buf_detach(&b);
}

static int
setup(void **state)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct fixture *f = calloc(1, sizeof(*f));
	char *json = build_instrument();
	int rc = -1;

	if (f && json && wm_instrument_parse(json, strlen(json), &f->in,
	    &d) == 0)
		rc = 0;
	else
		tu_print_diags("setup", &d);
	wm_diags_release(&d);
	free(json);
	if (rc) {
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	wm_instrument_free(f->in);
	free(f);
	return 0;
}

static int
scale_index(const struct wm_instrument *in, const char *code)
{
	size_t i;

	for (i = 0; i < in->n_scales; i++)
		if (strcmp(in->scales[i].code, code) == 0)
			return (int)i;
	return -1;
}

/* Fills answers from "link=code" strings (NULL-terminated list). */
static void
set_answers(const struct wm_instrument *in, struct wm_answer *a,
    const char *const *spec)
{
	size_t i;

	memset(a, 0, in->n_items * sizeof(*a));
	for (i = 0; i < MAX_ANSWERS && spec[i]; i++) {
		char link[32];
		const char *eq = strchr(spec[i], '=');
		int k, o;

		assert_non_null(eq);
		assert_true((size_t)(eq - spec[i]) < sizeof(link));
		memcpy(link, spec[i], (size_t)(eq - spec[i]));
		link[eq - spec[i]] = '\0';
		k = wm_instrument_find_item(in, link);
		assert_true(k >= 0);
		o = wm_item_find_option(&in->items[k], eq + 1);
		assert_true(o >= 0);
		a[k].given = 1;
		a[k].option = o;
	}
}

static void
test_instrument_shape(void **state)
{
	struct fixture *f = *state;
	const struct wm_instrument *in = f->in;
	int w = wm_instrument_find_item(in, "w");

	assert_int_equal(in->n_items, 13);
	assert_int_equal(in->n_scales, 6);
	assert_true(w >= 0);
	assert_int_equal(in->items[w].n_options, 4);
	assert_int_equal(in->items[w].n_scored, 3);
	assert_float_equal(in->items[w].min, 0, EPS);
	assert_float_equal(in->items[w].max, 10, EPS);
	assert_float_equal(in->items[0].min, 1, EPS);
	assert_float_equal(in->items[0].max, 5, EPS);
	assert_int_equal(in->scales[scale_index(in, "sum4")].method,
	    WM_SCALE_SUM);
	assert_int_equal(in->scales[scale_index(in, "rev")].reversed[1], 1);
}

struct score_case {
	const char *name;
	const char *scale;
	const char *answers[MAX_ANSWERS];
	int has_value;
	double value;
	unsigned answered;
	unsigned items;
};

#define ELEVEN(a, b, c, d, e, f, g, h, i, j, k) \
	"q1=" a, "q2=" b, "q3=" c, "q4=" d, "q5=" e, "q6=" f, "q7=" g, \
	"q8=" h, "q9=" i, "q10=" j, "q11=" k

static const struct score_case score_cases[] = {
	{ "mean of all eleven", "all11",
	    { ELEVEN("sa", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a") },
	    1, 45.0 / 11, 11, 11 },
	{ "mean over answered only", "all11",
	    { "q1=sd", "q2=d", "q3=n", "q4=a", "q5=sa", "q6=sd", "q7=d",
	    "q8=n", "q9=a" },
	    1, 25.0 / 9, 9, 11 },
	{ "9 of 11 at 80% is enough (900 >= 880)", "all11",
	    { "q1=sa", "q2=sa", "q3=sa", "q4=sa", "q5=sa", "q6=sa", "q7=sa",
	    "q8=sa", "q9=d" },
	    1, 42.0 / 9, 9, 11 },
	{ "8 of 11 at 80% is not (800 < 880)", "all11",
	    { "q1=sa", "q2=sa", "q3=sa", "q4=sa", "q5=sa", "q6=sa", "q7=sa",
	    "q8=sa" },
	    0, 0, 8, 11 },
	{ "prefer not to say is not counted", "all11",
	    { ELEVEN("a", "a", "a", "a", "a", "a", "a", "a", "sd", "pnts",
	    "pnts") },
	    1, 33.0 / 9, 9, 11 },
	{ "prefer not to say can take it below the threshold", "all11",
	    { ELEVEN("a", "a", "a", "a", "a", "a", "a", "a", "pnts", "pnts",
	    "pnts") },
	    0, 0, 8, 11 },
	{ "every answer prefer not to say", "all11",
	    { ELEVEN("pnts", "pnts", "pnts", "pnts", "pnts", "pnts", "pnts",
	    "pnts", "pnts", "pnts", "pnts") },
	    0, 0, 0, 11 },
	{ "all missing", "all11", { NULL }, 0, 0, 0, 11 },
	{ "answers outside the scale do not count", "all11",
	    { "w=high" }, 0, 0, 0, 11 },
	{ "reversed: 1 on 1-5 is 5, 2 on 0-10 is 8", "rev",
	    { "q1=sd", "w=mid" }, 1, 6.5, 2, 2 },
	{ "reversed: the extremes swap", "rev",
	    { "q1=sa", "w=low" }, 1, (1.0 + 10.0) / 2, 2, 2 },
	{ "reversed: the middle stays", "rev",
	    { "q1=n", "w=high" }, 1, (3.0 + 0.0) / 2, 2, 2 },
	{ "reversed: an unscored option is still missing", "rev",
	    { "q1=sd", "w=skip" }, 0, 0, 1, 2 },
	{ "only the reversed item is turned round", "mixrev",
	    { "q1=a", "q2=a" }, 1, (4.0 + 2.0) / 2, 2, 2 },
	{ "the same item unreversed in another scale", "full3",
	    { "q1=a", "q2=a", "q3=d" }, 1, 10.0 / 3, 3, 3 },
	{ "100%: one missing means no score", "full3",
	    { "q1=a", "q2=a" }, 0, 0, 2, 3 },
	{ "sum of all", "sum4",
	    { "q1=sd", "q2=d", "q3=n", "q4=a" }, 1, 10, 4, 4 },
	{ "sum prorated: 8 from 2 of 4 items is 16", "sum4",
	    { "q1=sa", "q2=n" }, 1, 16, 2, 4 },
	{ "sum prorated: 12 from 3 of 4 items is 16", "sum4",
	    { "q1=sa", "q2=sa", "q4=d", "q3=pnts" }, 1, 16, 3, 4 },
	{ "sum at 50%: 1 of 4 is not enough", "sum4",
	    { "q1=sa" }, 0, 0, 1, 4 },
	{ "sum at 100%", "sum100", { "q5=sa", "q6=sd" }, 1, 6, 2, 2 },
	{ "sum at 100% with one missing", "sum100", { "q5=sa" }, 0, 0, 1, 2 },
};

static void
test_score_table(void **state)
{
	struct fixture *f = *state;
	const struct wm_instrument *in = f->in;
	struct wm_answer *a = calloc(in->n_items, sizeof(*a));
	struct wm_score *s = calloc(in->n_scales, sizeof(*s));
	size_t i;

	assert_non_null(a);
	assert_non_null(s);
	for (i = 0; i < TU_NELEM(score_cases); i++) {
		const struct score_case *c = &score_cases[i];
		int k = scale_index(in, c->scale);
		const struct wm_score *got;

		assert_true(k >= 0);
		set_answers(in, a, c->answers);
		memset(s, 0xa5, in->n_scales * sizeof(*s));
		wm_score_scales(in, a, s);
		got = &s[k];
		if (got->has_value != c->has_value ||
		    got->answered != c->answered || got->items != c->items ||
		    (c->has_value && (got->value < c->value - EPS ||
		    got->value > c->value + EPS))) {
			print_error("case %zu (%s): got has_value %d value %g "
			    "answered %u items %u; want %d %g %u %u\n", i,
			    c->name, got->has_value, got->value, got->answered,
			    got->items, c->has_value, c->value, c->answered,
			    c->items);
			free(a);
			free(s);
			fail();
		}
	}
	free(a);
	free(s);
}

/*
 * An answer slot whose option index is outside the item's options (a
 * corrupt row, a caller's mistake) counts as unanswered, and scoring
 * never reads past the options: the item's options are copied into a
 * heap block of exactly n_options, so ASan sees any read beyond it.
 */
static void
test_out_of_range_option(void **state)
{
	static const int bad[] = { -1, -100, 6, 7, 1000, INT_MAX, INT_MIN };
	struct fixture *f = *state;
	struct wm_instrument *in = f->in;
	struct wm_answer *a = calloc(in->n_items, sizeof(*a));
	struct wm_score *s = calloc(in->n_scales, sizeof(*s));
	struct wm_item *q1 = &in->items[wm_instrument_find_item(in, "q1")];
	struct wm_option *saved = q1->options;
	struct wm_option *tight = malloc(q1->n_options * sizeof(*tight));
	int full3 = scale_index(in, "full3"), all11 = scale_index(in, "all11");
	int k = wm_instrument_find_item(in, "q1");
	size_t i;

	assert_non_null(a);
	assert_non_null(s);
	assert_non_null(tight);
	assert_int_equal(q1->n_options, 6);
	memcpy(tight, saved, q1->n_options * sizeof(*tight));
	q1->options = tight;
	for (i = 0; i < TU_NELEM(bad); i++) {
		static const char *const rest[] = { "q2=a", "q3=a", NULL };

		set_answers(in, a, rest);
		a[k].given = 1;
		a[k].option = bad[i];
		wm_score_scales(in, a, s);
		assert_int_equal(s[full3].answered, 2);
		assert_int_equal(s[full3].has_value, 0);
		assert_int_equal(s[all11].answered, 2);
	}
	/* The last valid index still counts (prefer not to say: unscored),
	 * and the one before it (strongly agree, 5) is scored. */
	a[k].option = 5;
	wm_score_scales(in, a, s);
	assert_int_equal(s[full3].answered, 2);
	a[k].option = 4;
	wm_score_scales(in, a, s);
	assert_int_equal(s[full3].answered, 3);
	assert_int_equal(s[full3].has_value, 1);
	assert_float_equal(s[full3].value, 13.0 / 3, EPS);
	q1->options = saved;
	free(tight);
	free(a);
	free(s);
}

/* `given` decides, not the option index: 0 is a valid index. */
static void
test_not_given_is_unanswered(void **state)
{
	struct fixture *f = *state;
	const struct wm_instrument *in = f->in;
	struct wm_answer *a = calloc(in->n_items, sizeof(*a));
	struct wm_score *s = calloc(in->n_scales, sizeof(*s));
	size_t i;

	assert_non_null(a);
	assert_non_null(s);
	for (i = 0; i < in->n_items; i++)
		a[i].option = 4;	/* "sa", but not given */
	wm_score_scales(in, a, s);
	for (i = 0; i < in->n_scales; i++) {
		assert_int_equal(s[i].has_value, 0);
		assert_int_equal(s[i].answered, 0);
		assert_int_equal(s[i].items, in->scales[i].n_items);
		assert_float_equal(s[i].value, 0, EPS);
	}
	free(a);
	free(s);
}

/* One call fills every scale, each by its own rule. */
static void
test_all_scales_filled(void **state)
{
	static const char *const answers[] = {
		ELEVEN("sa", "sd", "n", "a", "d", "d", "n", "n", "a", "sa",
		"sa"), "w=mid", NULL,
	};
	static const struct {
		const char *scale;
		int has_value;
		double value;
	} want[] = {
		{ "all11", 1, 37.0 / 11 },
		{ "rev", 1, (1.0 + 8.0) / 2 },
		{ "mixrev", 1, (5.0 + 5.0) / 2 },
		{ "sum4", 1, 5 + 1 + 3 + 4 },
		{ "full3", 1, 3 },
		{ "sum100", 1, 4 },
	};
	struct fixture *f = *state;
	const struct wm_instrument *in = f->in;
	struct wm_answer *a = calloc(in->n_items, sizeof(*a));
	struct wm_score *s = calloc(in->n_scales, sizeof(*s));
	size_t i;

	assert_non_null(a);
	assert_non_null(s);
	set_answers(in, a, answers);
	wm_score_scales(in, a, s);
	for (i = 0; i < TU_NELEM(want); i++) {
		int k = scale_index(in, want[i].scale);

		assert_true(k >= 0);
		assert_int_equal(s[k].has_value, want[i].has_value);
		assert_float_equal(s[k].value, want[i].value, EPS);
	}
	free(a);
	free(s);
}

/* The direction a change of answer means: as it is, reversed, or
 * unknown when the item is in no scale or its scales disagree. */
static void
test_item_direction(void **state)
{
	static const struct {
		const char *item;
		int direction;
	} want[] = {
		{ "q3", 1 },	/* all11, sum4, full3: as it is */
		{ "w", -1 },	/* rev only, reversed */
		{ "q2", 0 },	/* all11 as it is, mixrev reversed */
		{ "note", 0 },	/* in no scale */
	};
	struct fixture *f = *state;
	size_t i;

	for (i = 0; i < TU_NELEM(want); i++) {
		int k = wm_instrument_find_item(f->in, want[i].item);

		assert_true(k >= 0);
		assert_int_equal(wm_item_direction(f->in, (size_t)k),
		    want[i].direction);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_instrument_shape),
		cmocka_unit_test(test_score_table),
		cmocka_unit_test(test_out_of_range_option),
		cmocka_unit_test(test_not_given_is_unanswered),
		cmocka_unit_test(test_all_scales_filled),
		cmocka_unit_test(test_item_direction),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
