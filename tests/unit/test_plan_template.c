/*
 * Tests for plan templates (docs/instruments.md, "Plan templates"): a
 * plan is read by the instrument engine with its own kind and rules; a
 * plan's lists are answered one entry per FHIR answer and written back
 * the same way; and every part that belongs to a plan is refused in a
 * measure, and every part of a measure (a score) in a plan, by name.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/instrument.h"
#include "core/response.h"
#include "util/buf.h"
#include "util/diag.h"

#include "testutil.h"

#define EXT(name) "{\"url\": \"" WM_EXT_BASE name "\", "
#define KIND EXT("kind") "\"valueCode\": \"plan\"}"
#define CRISIS EXT("crisisAccess") "\"valueBoolean\": true}"
#define PERSON EXT("respondent") "\"valueCode\": \"person\"}"
#define TOGETHER EXT("respondent") "\"valueCode\": \"person-with-practitioner\"}"
#define FAMILY "\"code\": [{\"system\": \"" WM_FAMILY_SYSTEM "\", " \
	"\"code\": \"safety-plan\"}],\n"
#define GOALS "{\"linkId\": \"goals\", \"type\": \"display\", " \
	"\"text\": \"My goals\", \"extension\": [" EXT("shows") \
	"\"valueCode\": \"goals\"}]}"
#define LINKED "{\"linkId\": \"crisis\", \"type\": \"display\", " \
	"\"text\": \"My crisis plan\", \"extension\": [" EXT("linkedPlan") \
	"\"valueCode\": \"joint-crisis-plan\"}]}"
#define LIST "{\"linkId\": \"people\", \"type\": \"string\", " \
	"\"text\": \"People I can ask\", \"repeats\": true}"
#define WELL "{\"linkId\": \"well\", \"type\": \"text\", " \
	"\"text\": \"What I am like when I am well\"}"
#define AGREED "{\"linkId\": \"agreed\", \"type\": \"date\", " \
	"\"text\": \"When we agreed it\"}"

static const char plan[] =
    "{\n"
    "  \"resourceType\": \"Questionnaire\",\n"
    "  \"url\": \"https://waymark.example/fhir/Questionnaire/plan\",\n"
    "  \"version\": \"1.0.0\",\n"
    "  \"name\": \"TestPlan\",\n"
    "  \"title\": \"My test plan\",\n"
    "  \"status\": \"active\",\n"
    "  \"subjectType\": [\"Patient\"],\n"
    FAMILY
    "  \"publisher\": \"Waymark tests\",\n"
    "  \"description\": \"A small plan for the tests\",\n"
    "  \"purpose\": \"Written for the unit tests\",\n"
    "  \"copyright\": \"CC0 1.0\",\n"
    "  \"extension\": [" KIND ", " PERSON ", " TOGETHER ", " CRISIS "],\n"
    "  \"item\": [\n"
    "    {\"linkId\": \"grp\", \"type\": \"group\", \"text\": \"Me\", "
    "\"item\": [" GOALS ", " WELL ", " LIST "]},\n"
    "    " LINKED ",\n"
    "    " AGREED "\n"
    "  ]\n"
    "}\n";

static struct wm_instrument *
load(const char *text, struct wm_diags *d)
{
	struct wm_instrument *in = NULL;

	if (wm_instrument_parse(text, strlen(text), &in, d) != 0)
		return NULL;
	return in;
}

static void
test_plan_loads(void **state)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in = load(plan, &d);
	int k;

	(void)state;
	if (!in)
		tu_print_diags("plan", &d);
	assert_non_null(in);
	assert_int_equal(in->kind, WM_KIND_PLAN);
	assert_int_equal(in->crisis_access, 1);
	assert_string_equal(in->family, "safety-plan");
	assert_int_equal(in->respondents, WM_RESPONDENT_PERSON |
	    WM_RESPONDENT_WITH_PRACTITIONER);
	k = wm_instrument_find_item(in, "goals");
	assert_int_equal(in->items[k].shows, WM_SHOWS_GOALS);
	k = wm_instrument_find_item(in, "people");
	assert_int_equal(in->items[k].repeats, 1);
	k = wm_instrument_find_item(in, "crisis");
	assert_string_equal(in->items[k].linked_plan, "joint-crisis-plan");
	assert_int_equal(in->items[k].shows, WM_SHOWS_NOTHING);
	wm_instrument_free(in);
	wm_diags_release(&d);
}

/* Shipped measures stay measures, with none of a plan's parts. */
static void
test_measures_stay_measures(void **state)
{
	static const char *const files[] = { "dreem-recovery-markers.json",
	    "core-standards.json", "ten-top-tips.json", "shared-needs.json" };
	size_t i, k;

	(void)state;
	for (i = 0; i < TU_NELEM(files); i++) {
		struct wm_diags d = WM_DIAGS_INIT;
		size_t len;
		char *text = tu_read_instrument_file(files[i], &len);
		struct wm_instrument *in = NULL;

		assert_non_null(text);
		assert_int_equal(wm_instrument_parse(text, len, &in, &d), 0);
		assert_int_equal(in->kind, WM_KIND_MEASURE);
		assert_int_equal(in->crisis_access, 0);
		for (k = 0; k < in->n_items; k++) {
			assert_int_equal(in->items[k].repeats, 0);
			assert_null(in->items[k].linked_plan);
		}
		wm_instrument_free(in);
		wm_diags_release(&d);
		free(text);
	}
}

/* The plans Waymark ships (docs/plan-templates.md), each a plan of its
 * family, the crisis and safety plans the only ones that may be opened
 * in a crisis or made together with a practitioner (the newsletter's
 * joint crisis plans and negotiated safety plans). */
static void
test_shipped_plans(void **state)
{
	static const struct {
		const char *file, *family;
		int crisis;	/* may be opened in a crisis, and made
				 * together with a practitioner */
	} plans[] = {
		{ "plans/recovery-action-plan.json", "recovery-action-plan", 0 },
		{ "plans/joint-crisis-plan.json", "joint-crisis-plan", 1 },
		{ "plans/safety-plan.json", "safety-plan", 1 },
		{ "plans/advance-statement.json", "advance-statement", 0 },
	};
	size_t i, k, shows;

	(void)state;
	for (i = 0; i < TU_NELEM(plans); i++) {
		struct wm_diags d = WM_DIAGS_INIT;
		size_t len;
		char *text = tu_read_instrument_file(plans[i].file, &len);
		struct wm_instrument *in = NULL;

		assert_non_null(text);
		if (wm_instrument_parse(text, len, &in, &d))
			tu_print_diags(plans[i].file, &d);
		assert_non_null(in);
		assert_int_equal(in->kind, WM_KIND_PLAN);
		assert_string_equal(in->family, plans[i].family);
		assert_int_equal(in->crisis_access, plans[i].crisis);
		assert_int_equal(in->respondents, plans[i].crisis ?
		    WM_RESPONDENT_PERSON | WM_RESPONDENT_WITH_PRACTITIONER :
		    WM_RESPONDENT_PERSON);
		for (k = shows = 0; k < in->n_items; k++)
			shows += in->items[k].shows != WM_SHOWS_NOTHING;
		/* Goals in the recovery action plan, the network's
		 * contacts in the safety plan. */
		assert_int_equal(shows, i == 0 || i == 2);
		wm_instrument_free(in);
		wm_diags_release(&d);
		free(text);
	}
}

struct bad {
	const char *name;
	const char *from, *to;	/* one text edit of `plan` */
	const char *where, *msg;
};

static const struct bad bad[] = {
	{ "a scale", KIND ", ", KIND ", " EXT("scale") "\"extension\": ["
	    "{\"url\": \"code\", \"valueCode\": \"t\"}, {\"url\": \"title\", "
	    "\"valueString\": \"T\"}, {\"url\": \"method\", \"valueCode\": "
	    "\"mean\"}, {\"url\": \"minAnsweredPercent\", \"valueInteger\": "
	    "80}, {\"url\": \"item\", \"valueString\": \"well\"}]}, ",
	    "extension scale", "never scored" },
	{ "written by staff", PERSON, EXT("respondent") "\"valueCode\": "
	    "\"staff\"}", "extension respondent", "written by the person" },
	{ "about a service", "[\"Patient\"]", "[\"Patient\", "
	    "\"Organization\"]", "field subjectType", "about the person" },
	{ "no family", FAMILY, "", "field code", "needs a code" },
	{ "a scored option", WELL, "{\"linkId\": \"well\", \"type\": "
	    "\"choice\", \"text\": \"Well?\", \"answerOption\": [{"
	    "\"valueCoding\": {\"code\": \"y\", \"display\": \"Yes\"}, "
	    "\"extension\": [{\"url\": \"" WM_FHIR_ORDINAL "\", "
	    "\"valueDecimal\": 1}]}, {\"valueCoding\": {\"code\": \"n\", "
	    "\"display\": \"No\"}}]}", "item well", "never scored" },
	{ "a repeating text", "\"type\": \"string\", \"text\": \"People I "
	    "can ask\"", "\"type\": \"text\", \"text\": \"People I can ask\"",
	    "item people", "only a string item can repeat" },
	{ "repeats not a flag", "\"repeats\": true", "\"repeats\": 1",
	    "item people", "'repeats' must be true or false" },
	{ "an unknown kind", "\"valueCode\": \"plan\"}", "\"valueCode\": "
	    "\"diary\"}", "extension kind", "measure or plan" },
	{ "crisisAccess not a flag", "\"valueBoolean\": true}]",
	    "\"valueBoolean\": \"yes\"}]", "extension crisisAccess",
	    "valueBoolean" },
	{ "shows on a question", "\"text\": \"What I am like when I am "
	    "well\"}", "\"text\": \"What I am like when I am well\", "
	    "\"extension\": [" EXT("shows") "\"valueCode\": \"goals\"}]}",
	    "item well", "only for a display item" },
	{ "shows something unknown", "\"valueCode\": \"goals\"",
	    "\"valueCode\": \"weather\"", "item goals",
	    "goals or crisis-contacts" },
	{ "linkedPlan not a code", "\"valueCode\": \"joint-crisis-plan\"",
	    "\"valueCode\": \"a plan/../x\"", "item crisis",
	    "family code" },
	/* The parts of a plan, in a measure. */
	{ "a list in a measure", KIND ", ", "", "item people",
	    "only for a plan's lists" },
	{ "crisis access in a measure", KIND ", ", "",
	    "extension crisisAccess", "only for a plan" },
	{ "goals in a measure", KIND ", ", "", "item goals",
	    "only for a plan" },
	{ "a linked plan in a measure", KIND ", ", "", "item crisis",
	    "only for a plan" },
};

static void
test_bad(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(bad); i++) {
		const char *edit[2] = { bad[i].from, bad[i].to };
		struct wm_diags d = WM_DIAGS_INIT;
		struct wm_instrument *in = NULL;
		char *text = tu_edit(plan, edit, 1);

		assert_non_null(text);
		if (wm_instrument_parse(text, strlen(text), &in, &d) != -1 ||
		    in || !tu_has_diag(&d, bad[i].where, bad[i].msg)) {
			print_error("case %s: wanted [%s] %s\n", bad[i].name,
			    bad[i].where, bad[i].msg);
			tu_print_diags(bad[i].name, &d);
			fail();
		}
		wm_diags_release(&d);
		free(text);
	}
}

static const char answers[] =
    "{\"resourceType\": \"QuestionnaireResponse\", "
    "\"questionnaire\": \"https://waymark.example/fhir/Questionnaire/plan"
    "|1.0.0\", \"status\": \"in-progress\", "
    "\"subject\": {\"reference\": \"Patient/P1\"}, "
    "\"author\": {\"reference\": \"Patient/P1\"}, "
    "\"authored\": \"2026-12-01\", "
    "\"extension\": [" EXT("respondent") "\"valueCode\": "
    "\"person-with-practitioner\"}], "
    "\"item\": [{\"linkId\": \"grp\", \"item\": ["
    "{\"linkId\": \"well\", \"answer\": [{\"valueString\": "
    "\"I sing.\\nI walk the dog.\"}]}, "
    "{\"linkId\": \"people\", \"answer\": [{\"valueString\": \"Sam, "
    "07700 900123\"}, {\"valueString\": \"My GP\"}]}]}, "
    "{\"linkId\": \"agreed\", \"answer\": [{\"valueDate\": "
    "\"2026-11-30\"}]}]}";

static struct wm_response *
read_back(const char *text, const struct wm_instrument *in,
    struct wm_diags *d)
{
	struct wm_date today = { 2026, 12, 7 };
	struct wm_response *r = NULL;

	if (wm_response_parse(text, strlen(text), &r, d) ||
	    wm_response_bind(r, in, &today, d) ||
	    wm_response_check(r, &today, d)) {
		wm_response_free(r);
		return NULL;
	}
	return r;
}

/* A list is one answer per entry in FHIR and one text inside; written
 * out, it reads back to the same answers. */
static void
test_lists_round_trip(void **state)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in = load(plan, &d);
	struct wm_response *r, *again;
	json_t *fhir;
	char *text;
	size_t k;

	(void)state;
	assert_non_null(in);
	r = read_back(answers, in, &d);
	if (!r)
		tu_print_diags("answers", &d);
	assert_non_null(r);
	assert_string_equal(r->answers[wm_instrument_find_item(in,
	    "people")].text, "Sam, 07700 900123\nMy GP");
	fhir = wm_response_to_fhir(r);
	assert_non_null(fhir);
	assert_int_equal(json_array_size(json_object_get(json_array_get(
	    json_object_get(json_array_get(json_object_get(fhir, "item"), 0),
	    "item"), 1), "answer")), 2);
	text = json_dumps(fhir, JSON_COMPACT);
	assert_non_null(text);
	again = read_back(text, in, &d);
	if (!again)
		tu_print_diags("written", &d);
	assert_non_null(again);
	assert_int_equal(again->respondent, WM_RESPONDENT_WITH_PRACTITIONER);
	assert_int_equal(again->status, WM_STATUS_IN_PROGRESS);
	assert_string_equal(again->subject.id, "P1");
	for (k = 0; k < in->n_items; k++) {
		assert_int_equal(again->answers[k].given, r->answers[k].given);
		if (r->answers[k].given)
			assert_string_equal(again->answers[k].text,
			    r->answers[k].text);
	}
	free(text);
	json_decref(fhir);
	wm_response_free(again);
	wm_response_free(r);
	wm_instrument_free(in);
	wm_diags_release(&d);
}

/* A list's entries are each one line, 1 to WM_REPEATS_MAX of them. */
static void
test_bad_lists(void **state)
{
	struct wm_buf many = WM_BUF_INIT;
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in = load(plan, &d);
	struct wm_response *r;
	const char *from = "[{\"valueString\": \"Sam, 07700 900123\"}, "
	    "{\"valueString\": \"My GP\"}]";
	const char *cases[] = { "[{\"valueString\": \"two\\nlines\"}]",
	    "[{\"valueString\": \"\"}]", "[]", "[{\"valueBoolean\": true}]",
	    NULL };
	size_t i;

	(void)state;
	assert_non_null(in);
	wm_buf_putc(&many, '[');
	for (i = 0; i <= WM_REPEATS_MAX; i++)
		wm_buf_printf(&many, "%s{\"valueString\": \"%zu\"}", i ? ", " :
		    "", i);
	wm_buf_putc(&many, ']');
	cases[4] = wm_buf_str(&many);
	for (i = 0; i < TU_NELEM(cases); i++) {
		const char *edit[2] = { from, cases[i] };
		char *text = tu_edit(answers, edit, 1);

		assert_non_null(text);
		r = read_back(text, in, &d);
		assert_null(r);
		assert_true(tu_has_diag(&d, "item people", "answer"));
		wm_diags_release(&d);
		free(text);
	}
	/* From a form: the same rules for the text a page joins. */
	r = wm_response_new(in);
	assert_int_equal(wm_response_set_text(r, "people", "Sam\nJo"), 0);
	assert_int_equal(wm_response_set_text(r, "people", "Sam\n\nJo"), -1);
	wm_buf_clear(&many);
	for (i = 1; i <= WM_REPEATS_MAX; i++)
		wm_buf_printf(&many, "%s%zu", i > 1 ? "\n" : "", i);
	assert_int_equal(wm_response_set_text(r, "people", wm_buf_str(&many)),
	    0);
	wm_buf_puts(&many, "\n31");
	assert_int_equal(wm_response_set_text(r, "people", wm_buf_str(&many)),
	    -1);
	wm_buf_clear(&many);
	for (i = 0; i < 501; i++)
		wm_buf_putc(&many, 'x');
	assert_int_equal(wm_response_set_text(r, "people", wm_buf_str(&many)),
	    -1);
	wm_response_free(r);
	wm_buf_release(&many);
	wm_instrument_free(in);
	wm_diags_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_loads),
		cmocka_unit_test(test_measures_stay_measures),
		cmocka_unit_test(test_shipped_plans),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_lists_round_trip),
		cmocka_unit_test(test_bad_lists),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
