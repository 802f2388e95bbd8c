/*
 * Tests for core/rating: the validators' consensus (the lower median of
 * the ratings given), ratings from score values, the traffic-light
 * options an instrument may offer (and that the shipped ones do), and the
 * stakeholder codes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/instrument.h"
#include "core/rating.h"
#include "core/validation.h"
#include "util/diag.h"

#include "testutil.h"

#define N WM_RATING_NONE
#define R WM_RATING_RED
#define A WM_RATING_AMBER
#define G WM_RATING_GREEN
#define MAX_RATINGS 12

struct consensus_case {
	const char *name;
	enum wm_rating r[MAX_RATINGS];
	size_t n;
	enum wm_rating want;
};

static const struct consensus_case consensus_cases[] = {
	{ "nobody", { N }, 0, N },
	{ "one not rated", { N }, 1, N },
	{ "all not rated", { N, N, N, N }, 4, N },
	{ "one green", { G }, 1, G },
	{ "one red", { R }, 1, R },
	{ "odd: median of three", { G, R, A }, 3, A },
	{ "odd: two greens outvote a red", { G, R, G }, 3, G },
	{ "odd: two reds outvote a green", { R, G, R }, 3, R },
	{ "odd: five, middle amber", { G, G, A, R, R }, 5, A },
	{ "odd: five, order does not matter", { R, G, R, G, A }, 5, A },
	{ "even: green and red is red", { G, R }, 2, R },
	{ "even: green and amber is amber", { A, G }, 2, A },
	{ "even: two each of green and amber is amber", { G, A, G, A }, 4, A },
	{ "even: three greens and a red is green", { G, G, R, G }, 4, G },
	{ "even: two greens and two reds is red", { G, R, R, G }, 4, R },
	{ "even: 1 red, 1 amber, 2 green is amber", { R, G, A, G }, 4, A },
	{ "not rated is ignored, not counted low", { N, G, N, G, N }, 5, G },
	{ "not rated ignored: leaves an even count", { G, N, R }, 3, R },
	{ "not rated ignored: leaves an odd count", { G, N, A, G, N }, 5, G },
	{ "all the same", { A, A, A, A, A, A }, 6, A },
	{ "many: six green, five red", { G, R, G, R, G, R, G, R, G, R, G },
	    11, G },
	{ "many: six green, six red", { G, R, G, R, G, R, G, R, G, R, G, R },
	    12, R },
};

static void
test_consensus(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(consensus_cases); i++) {
		const struct consensus_case *c = &consensus_cases[i];
		enum wm_rating got = wm_rating_consensus(c->r, c->n);

		if (got != c->want) {
			print_error("case %zu (%s): got %s, want %s\n", i,
			    c->name, wm_rating_name(got),
			    wm_rating_name(c->want));
			fail();
		}
	}
}

/* Only the first n entries are read: the array may be exactly n long
 * (a heap block, so ASan sees a read past it), and NULL with n = 0. */
static void
test_consensus_bounds(void **state)
{
	enum wm_rating *r = malloc(3 * sizeof(*r));

	(void)state;
	assert_non_null(r);
	r[0] = G;
	r[1] = G;
	r[2] = R;
	assert_int_equal(wm_rating_consensus(r, 3), G);
	assert_int_equal(wm_rating_consensus(r, 2), G);
	assert_int_equal(wm_rating_consensus(r + 1, 2), R);
	assert_int_equal(wm_rating_consensus(NULL, 0), N);
	/* A value outside the enum (a corrupt row) counts as not rated. */
	r[0] = (enum wm_rating)7;
	assert_int_equal(wm_rating_consensus(r, 3), R);
	free(r);
}

static void
test_from_value(void **state)
{
	static const struct {
		double v;
		int has_value;
		enum wm_rating want;
	} cases[] = {
		{ 1, 1, R }, { 2, 1, A }, { 3, 1, G },
		{ 1, 0, N }, { 2, 0, N }, { 3, 0, N },
		{ 0, 1, N }, { 4, 1, N }, { -1, 1, N },
		{ 1.5, 1, N }, { 2.999, 1, N }, { 3.0000001, 1, N },
	};
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++)
		assert_int_equal(wm_rating_from_value(cases[i].v,
		    cases[i].has_value), cases[i].want);
	assert_int_equal(wm_rating_from_value(NAN, 1), N);
	assert_int_equal(wm_rating_from_value(INFINITY, 1), N);
}

static void
test_names(void **state)
{
	(void)state;
	assert_string_equal(wm_rating_name(R), "red");
	assert_string_equal(wm_rating_name(A), "amber");
	assert_string_equal(wm_rating_name(G), "green");
	assert_string_equal(wm_rating_name(N), "not rated");
	assert_string_equal(wm_rating_name((enum wm_rating)9), "not rated");
}

static struct wm_instrument *
load(const char *file)
{
	struct wm_instrument *in = tu_load_instrument(file);

	assert_non_null(in);
	return in;
}

/* In both standards instruments, exactly the ten -rating items offer
 * traffic lights, and each light's value, read back from a score, is
 * the light its code names: the C table and the files agree. In DREEM,
 * Ten Top Tips and ERFS no option is a traffic light. */
static void
test_shipped_lights(void **state)
{
	static const char *const standards[] = {
		"core-standards.json", "core-standards-validation.json",
	};
	static const char *const others[] = {
		"dreem-recovery-markers.json", "ten-top-tips.json", "erfs.json",
	};
	struct wm_instrument *in;
	size_t i, k, o;

	(void)state;
	for (i = 0; i < TU_NELEM(standards); i++) {
		size_t items = 0, scored = 0;

		in = load(standards[i]);
		for (k = 0; k < in->n_items; k++) {
			const struct wm_item *it = &in->items[k];
			const char *suffix = strstr(it->link_id, "-rating");
			int lit = 0;

			for (o = 0; o < it->n_options; o++) {
				const struct wm_option *op = &it->options[o];

				if (!op->system || strcmp(op->system,
				    WM_TRAFFIC_LIGHT_SYSTEM) != 0)
					continue;
				lit = 1;
				assert_null(wm_rating_option_problem(op));
				assert_string_equal(wm_rating_name(
				    wm_rating_from_value(op->value,
				    op->scored)), strcmp(op->code,
				    "not-rated") == 0 ? "not rated" :
				    op->code);
				scored += (size_t)op->scored;
			}
			assert_int_equal(lit, suffix && suffix[7] == '\0');
			items += (size_t)lit;
		}
		assert_int_equal(items, 10);
		assert_int_equal(scored, 30);	/* red, amber, green each */
		wm_instrument_free(in);
	}
	for (i = 0; i < TU_NELEM(others); i++) {
		in = load(others[i]);
		for (k = 0; k < in->n_items; k++)
			for (o = 0; o < in->items[k].n_options; o++) {
				const char *sys = in->items[k].options[o].system;

				assert_false(sys && strcmp(sys,
				    WM_TRAFFIC_LIGHT_SYSTEM) == 0);
			}
		wm_instrument_free(in);
	}
}

/* A traffic-light option is one of the four lights with its own value;
 * an option of another system is not the lights' business. */
static void
test_option_problem(void **state)
{
	static const struct {
		const char *system, *code;
		int scored;
		double value;
		const char *problem;	/* words of it, or NULL */
	} cases[] = {
		{ WM_TRAFFIC_LIGHT_SYSTEM, "red", 1, 1, NULL },
		{ WM_TRAFFIC_LIGHT_SYSTEM, "amber", 1, 2, NULL },
		{ WM_TRAFFIC_LIGHT_SYSTEM, "green", 1, 3, NULL },
		{ WM_TRAFFIC_LIGHT_SYSTEM, "not-rated", 0, 0, NULL },
		{ WM_TRAFFIC_LIGHT_SYSTEM, "green", 1, 1, "red 1, amber 2" },
		{ WM_TRAFFIC_LIGHT_SYSTEM, "green", 1, 5, "red 1, amber 2" },
		{ WM_TRAFFIC_LIGHT_SYSTEM, "red", 1, 3, "red 1, amber 2" },
		{ WM_TRAFFIC_LIGHT_SYSTEM, "amber", 1, 2.5, "red 1, amber 2" },
		{ WM_TRAFFIC_LIGHT_SYSTEM, "red", 0, 0, "red 1, amber 2" },
		{ WM_TRAFFIC_LIGHT_SYSTEM, "not-rated", 1, 0, "never scored" },
		{ WM_TRAFFIC_LIGHT_SYSTEM, "Green", 1, 3, "not a traffic light" },
		{ WM_TRAFFIC_LIGHT_SYSTEM, "blue", 1, 4, "not a traffic light" },
		{ WM_TRAFFIC_LIGHT_SYSTEM, "", 0, 0, "not a traffic light" },
		{ "https://waymark.example/fhir/CodeSystem/other", "green", 1, 9,
		    NULL },
		{ NULL, "blue", 1, 4, NULL },
	};
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++) {
		struct wm_option op = { cases[i].system, cases[i].code,
		    "Label", cases[i].scored, cases[i].value };
		const char *got = wm_rating_option_problem(&op);

		if (!cases[i].problem ? got != NULL : !got ||
		    !strstr(got, cases[i].problem)) {
			print_error("case %zu (%s %g): got \"%s\", want "
			    "\"%s\"\n", i, cases[i].code, cases[i].value,
			    got ? got : "(none)", cases[i].problem ?
			    cases[i].problem : "(none)");
			fail();
		}
	}
}

static void
test_stakeholders(void **state)
{
	static const struct {
		enum wm_stakeholder s;
		const char *code;
	} all[] = {
		{ WM_STAKEHOLDER_LIVED_EXPERIENCE, "lived-experience" },
		{ WM_STAKEHOLDER_SUPPORTER, "supporter" },
		{ WM_STAKEHOLDER_PEER_WORKER, "peer-worker" },
		{ WM_STAKEHOLDER_PRACTITIONER, "practitioner" },
		{ WM_STAKEHOLDER_COMMISSIONER, "commissioner" },
	};
	static const char *const bad[] = {
		"", "none", "Lived-Experience", "lived experience", "carer",
		"supporter ", "peer",
	};
	enum wm_stakeholder s;
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(all); i++) {
		const char *code = wm_stakeholder_code(all[i].s);
		const char *name = wm_stakeholder_name(all[i].s);

		assert_string_equal(code, all[i].code);
		assert_non_null(name);
		assert_true(name[0] != '\0');
		s = WM_STAKEHOLDER_NONE;
		assert_int_equal(wm_stakeholder_from_code(code, &s), 0);
		assert_int_equal(s, all[i].s);
	}
	for (i = 0; i < TU_NELEM(bad); i++) {
		s = WM_STAKEHOLDER_PEER_WORKER;
		assert_int_equal(wm_stakeholder_from_code(bad[i], &s), -1);
		assert_int_equal(s, WM_STAKEHOLDER_PEER_WORKER);
	}
	/* No stakeholder, or one past the table, has no code or name. */
	assert_string_equal(wm_stakeholder_code(WM_STAKEHOLDER_NONE), "");
	assert_string_equal(wm_stakeholder_name(WM_STAKEHOLDER_NONE), "");
	assert_string_equal(wm_stakeholder_code((enum wm_stakeholder)6), "");
	assert_string_equal(wm_stakeholder_name((enum wm_stakeholder)99), "");
	assert_string_equal(wm_stakeholder_name(WM_STAKEHOLDER_SUPPORTER),
	    "supporter or carer");
}

#define R WM_RATING_RED
#define A WM_RATING_AMBER
#define G WM_RATING_GREEN
#define N WM_RATING_NONE
#define LE WM_STAKEHOLDER_LIVED_EXPERIENCE
#define SU WM_STAKEHOLDER_SUPPORTER
#define PW WM_STAKEHOLDER_PEER_WORKER
#define PR WM_STAKEHOLDER_PRACTITIONER
#define CO WM_STAKEHOLDER_COMMISSIONER

/* Validation of one standard: consensus, who counts, disagreement. */
static void
test_validation(void **state)
{
	static const struct {
		const char *name;
		enum wm_rating self;
		struct wm_validation_vote v[6];
		size_t n;
		struct wm_validation_rule rule;
		enum wm_rating consensus;
		size_t validators, groups, disagreeing;
		int widest, validated;
	} cases[] = {
		{ "nobody yet", G, { { 0, N } }, 0, WM_VALIDATION_RULE_DEFAULT,
		    N, 0, 0, 0, 0, 0 },
		{ "two from one group: not validated", G,
		    { { LE, G }, { LE, G } }, 2, WM_VALIDATION_RULE_DEFAULT,
		    G, 2, 1, 0, 0, 0 },
		{ "two groups agree", G, { { LE, G }, { SU, G } }, 2,
		    WM_VALIDATION_RULE_DEFAULT, G, 2, 2, 0, 0, 1 },
		{ "one step apart is a disagreement", G,
		    { { LE, A }, { CO, G } }, 2, WM_VALIDATION_RULE_DEFAULT,
		    A, 2, 2, 1, 1, 1 },
		{ "red against green is two steps", G,
		    { { LE, R }, { PW, A }, { PR, G } }, 3,
		    WM_VALIDATION_RULE_DEFAULT, A, 3, 3, 2, 2, 1 },
		{ "not rated does not count", A,
		    { { LE, N }, { SU, N }, { PW, A } }, 3,
		    WM_VALIDATION_RULE_DEFAULT, A, 1, 1, 0, 0, 0 },
		{ "self not rated: nothing to disagree with", N,
		    { { LE, R }, { SU, G } }, 2, WM_VALIDATION_RULE_DEFAULT,
		    R, 2, 2, 0, 0, 1 },
		{ "a stricter network: 3 from 3", G,
		    { { LE, G }, { SU, G }, { SU, G } }, 3, { 3, 3 },
		    G, 3, 2, 0, 0, 0 },
		{ "a looser network: 1 from 1", A, { { CO, A } }, 1, { 1, 1 },
		    A, 1, 1, 0, 0, 1 },
		{ "an unknown group counts as a validator, not a group", G,
		    { { (enum wm_stakeholder)99, G }, { LE, G } }, 2,
		    WM_VALIDATION_RULE_DEFAULT, G, 2, 1, 0, 0, 0 },
		{ "an out-of-range light is not a rating", G,
		    { { LE, (enum wm_rating)7 }, { SU, G } }, 2,
		    WM_VALIDATION_RULE_DEFAULT, G, 1, 1, 0, 0, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct wm_validation_result r;

		wm_validation_assess(cases[i].self, cases[i].v, cases[i].n,
		    &cases[i].rule, &r);
		if (r.consensus != cases[i].consensus ||
		    r.validators != cases[i].validators ||
		    r.groups != cases[i].groups ||
		    r.disagreeing != cases[i].disagreeing ||
		    r.widest != cases[i].widest ||
		    r.validated != cases[i].validated)
			fail_msg("%s: consensus %d validators %zu groups %zu "
			    "disagreeing %zu widest %d validated %d",
			    cases[i].name, r.consensus, r.validators, r.groups,
			    r.disagreeing, r.widest, r.validated);
	}
}

static void
test_validation_rule(void **state)
{
	static const struct {
		struct wm_validation_rule r;
		int ok;
	} cases[] = {
		{ WM_VALIDATION_RULE_DEFAULT, 1 }, { { 1, 1 }, 1 },
		{ { 20, 5 }, 1 }, { { 0, 0 }, 0 }, { { 2, 0 }, 0 },
		{ { 21, 2 }, 0 }, { { 2, 6 }, 0 }, { { 2, 3 }, 0 },
		{ { -1, 1 }, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(wm_validation_rule_problem(&cases[i].r) == NULL,
		    cases[i].ok);
	assert_int_equal(wm_rating_steps(R, G), 2);
	assert_int_equal(wm_rating_steps(G, A), 1);
	assert_int_equal(wm_rating_steps(A, A), 0);
	assert_int_equal(wm_rating_steps(N, G), -1);
}

/* The network's choice when it can be used; 2 from 2 when it made none,
 * or one that cannot be used (one part out of range is replaced alone,
 * then a whole that still cannot be used falls back entirely). */
static void
test_validation_rule_in_force(void **state)
{
	static const struct {
		long long validators, groups;
		int want_v, want_g;
	} cases[] = {
		{ 0, 0, 2, 2 }, { 3, 2, 3, 2 }, { 1, 1, 1, 1 }, { 20, 5, 20, 5 },
		{ 5, 0, 5, 2 }, { 0, 1, 2, 1 }, { 21, 1, 2, 1 }, { -4, 2, 2, 2 },
		{ 1, 2, 2, 2 }, { 4, 6, 2, 2 }, { 3, 21, 3, 2 },
		{ 4294967298LL, 2, 2, 2 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(cases); i++) {
		struct wm_validation_rule r = { -1, -1 };

		wm_validation_rule_in_force(cases[i].validators,
		    cases[i].groups, &r);
		if (r.min_validators != cases[i].want_v ||
		    r.min_groups != cases[i].want_g) {
			print_error("case %zu (%lld, %lld): got %d from %d, "
			    "want %d from %d\n", i, cases[i].validators,
			    cases[i].groups, r.min_validators, r.min_groups,
			    cases[i].want_v, cases[i].want_g);
			fail();
		}
		assert_null(wm_validation_rule_problem(&r));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_consensus),
		cmocka_unit_test(test_consensus_bounds),
		cmocka_unit_test(test_from_value),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_shipped_lights),
		cmocka_unit_test(test_option_problem),
		cmocka_unit_test(test_stakeholders),
		cmocka_unit_test(test_validation),
		cmocka_unit_test(test_validation_rule),
		cmocka_unit_test(test_validation_rule_in_force),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
