/*
 * Tests for core/response against three instruments: DREEM recovery
 * markers (about a person, answered by the person), the core standards
 * 1.0.0 (about a service, answered by a lead or a validator) and Ten
 * Top Tips (about a member of staff, answered by staff).
 *
 * Three valid responses are written out below; every bad response is one
 * of them changed by text edits, with the problem that must be reported.
 * Then the same rules through wm_response_new(), for programs that build
 * responses themselves.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/instrument.h"
#include "core/rating.h"
#include "core/response.h"
#include "core/scoring.h"
#include "util/date.h"
#include "util/diag.h"

#include "testutil.h"

#define EPS 1e-9

enum { DREEM, CORE, TIPS, N_INSTRUMENTS };

/* The core standards as version 1.0.0, which leads and validators both
 * answered and which allowed "not rated": databases keep it and its
 * responses, so it must stay readable. A name with a '/' is a path from
 * the repository root. Version 1.1.0 and the validators' own instrument
 * are tested in test_enable.c. */
static const char *const instrument_files[N_INSTRUMENTS] = {
	"dreem-recovery-markers.json",
	"tests/fixtures/instruments/core-standards-1.0.0.json",
	"ten-top-tips.json",
};

struct fixture {
	struct wm_instrument *in[N_INSTRUMENTS];
};

static const struct wm_date today = { 2026, 6, 1 };

#define Q "https://waymark.example/fhir/Questionnaire/"
#define CS "https://waymark.example/fhir/CodeSystem/"
#define AGREE CS "agreement-5"
#define RESPONDENT(code) \
	"{\"url\": \"" WM_EXT_BASE "respondent\", \"valueCode\": \"" code "\"}"
#define STAKEHOLDER(code) \
	"{\"url\": \"" WM_EXT_BASE "stakeholder\", \"valueCode\": \"" code "\"}"
#define UNIT(ref) \
	"{\"url\": \"" WM_EXT_BASE "unit\", \"valueReference\": " \
	"{\"reference\": \"" ref "\"}}"
#define CODING(sys, code) \
	"[{\"valueCoding\": {\"system\": \"" sys "\", \"code\": \"" code \
	"\"}}]"
#define CHOICE(link, sys, code) \
	"{\"linkId\": \"" link "\", \"answer\": " CODING(sys, code) "}"
#define D(link, code) "      " CHOICE(link, AGREE, code) ",\n"
#define ACTIVITIES CHOICE("activities", AGREE, "agree")

/*
 * 10 of the 11 markers have a scored answer (reasons-to-get-up is
 * "prefer not to say"): 4+5+3+2+4+4+5+4+1+4 = 36 over 10 answers.
 */
static const char dreem_ok[] =
    "{\n"
    "  \"resourceType\": \"QuestionnaireResponse\",\n"
    "  \"questionnaire\": \"" Q "dreem-recovery-markers|1.0.1\",\n"
    "  \"status\": \"completed\",\n"
    "  \"subject\": {\"reference\": \"Patient/WM-0001\"},\n"
    "  \"author\": {\"reference\": \"Patient/WM-0001\"},\n"
    "  \"authored\": \"2026-03-15T10:20:00+01:00\",\n"
    "  \"extension\": [\n"
    "    " RESPONDENT("person") ",\n"
    "    " UNIT("Organization/north-ward") "\n"
    "  ],\n"
    "  \"item\": [\n"
    "    {\"linkId\": \"markers\", \"item\": [\n"
    "      " ACTIVITIES ",\n"
    D("safe-home", "strongly-agree")
    D("strengths", "neutral")
    D("physical-health", "disagree")
    D("in-control", "agree")
    D("close-relationship", "agree")
    D("hopeful", "strongly-agree")
    D("treated-fairly", "agree")
    D("reasons-to-get-up", "prefer-not-to-say")
    D("people-i-trust", "strongly-disagree")
    "      " CHOICE("part-of-community", AGREE, "agree") "\n"
    "    ]}\n"
    "  ]\n"
    "}\n";

#define TL CS "traffic-light"
#define STD(n, code) \
	"    {\"linkId\": \"standard-" n "\", \"item\": [" \
	CHOICE("standard-" n "-rating", TL, code) "]}"

/* Standard 1 green with evidence, 2 amber with an action, 3 red, 4 not
 * rated (no score), the rest green. */
static const char core_ok[] =
    "{\n"
    "  \"resourceType\": \"QuestionnaireResponse\",\n"
    "  \"questionnaire\": \"" Q "core-standards|1.0.0\",\n"
    "  \"status\": \"completed\",\n"
    "  \"subject\": {\"reference\": \"Organization/north-ward\"},\n"
    "  \"author\": {\"reference\": \"Practitioner/lead@example.org\"},\n"
    "  \"authored\": \"2026-05-01\",\n"
    "  \"extension\": [\n"
    "    " RESPONDENT("lead") "\n"
    "  ],\n"
    "  \"item\": [\n"
    "    {\"linkId\": \"standard-1\", \"item\": ["
    CHOICE("standard-1-rating", TL, "green") ", "
    "{\"linkId\": \"standard-1-evidence\", \"answer\": "
    "[{\"valueString\": \"Minutes of the March meeting\"}]}]},\n"
    "    {\"linkId\": \"standard-2\", \"item\": ["
    CHOICE("standard-2-rating", TL, "amber") ", "
    "{\"linkId\": \"standard-2-action\", \"answer\": "
    "[{\"valueString\": \"Train the night staff\"}]}]},\n"
    STD("3", "red") ",\n"
    STD("4", "not-rated") ",\n"
    STD("5", "green") ",\n"
    STD("6", "green") ",\n"
    STD("7", "green") ",\n"
    STD("8", "green") ",\n"
    STD("9", "green") ",\n"
    STD("10", "green") "\n"
    "  ]\n"
    "}\n";

#define YPN CS "yes-partly-no"
#define TIP(n, code) "      " CHOICE("tip-" n, YPN, code)

/* Scored: 2 2 2 2 2 1 0 _ 2 1 = 14 over 9 answers. */
static const char tips_ok[] =
    "{\n"
    "  \"resourceType\": \"QuestionnaireResponse\",\n"
    "  \"questionnaire\": \"" Q "ten-top-tips|1.0.0\",\n"
    "  \"status\": \"completed\",\n"
    "  \"subject\": {\"reference\": \"Practitioner/sam@example.org\"},\n"
    "  \"author\": {\"reference\": \"Practitioner/sam@example.org\"},\n"
    "  \"authored\": \"2026-06-01T23:59:59.999Z\",\n"
    "  \"extension\": [" RESPONDENT("staff") "],\n"
    "  \"item\": [\n"
    "    {\"linkId\": \"tips\", \"item\": [\n"
    TIP("01", "yes") ",\n" TIP("02", "yes") ",\n" TIP("03", "yes") ",\n"
    TIP("04", "yes") ",\n" TIP("05", "yes") ",\n" TIP("06", "partly") ",\n"
    TIP("07", "no") ",\n" TIP("08", "not-applicable") ",\n"
    TIP("09", "yes") ",\n" TIP("10", "partly") "\n"
    "    ]},\n"
    "    {\"linkId\": \"note\", \"answer\": [{\"valueString\": "
    "\"We agreed a plan together\"}]}\n"
    "  ]\n"
    "}\n";

static const char *const base_text[N_INSTRUMENTS] = {
	dreem_ok, core_ok, tips_ok,
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	size_t i;

	if (!f)
		return -1;
	for (i = 0; i < N_INSTRUMENTS; i++) {
		struct wm_diags d = WM_DIAGS_INIT;
		size_t len;
		char *text = strchr(instrument_files[i], '/') ?
		    tu_read_path(instrument_files[i], &len) :
		    tu_read_instrument_file(instrument_files[i], &len);
		int rc = text ? wm_instrument_parse(text, len, &f->in[i], &d) :
		    -1;

		tu_print_diags(instrument_files[i], &d);
		wm_diags_release(&d);
		free(text);
		if (rc)
			return -1;	/* cmocka reports the setup failure */
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	size_t i;

	for (i = 0; i < N_INSTRUMENTS; i++)
		wm_instrument_free(f->in[i]);
	free(f);
	return 0;
}

/* Parse, then bind: 0 and *out set only when both succeeded. */
static int
read_response(const char *text, const struct wm_instrument *in,
    struct wm_response **out, struct wm_diags *d)
{
	struct wm_response *r = (struct wm_response *)d;

	*out = NULL;
	if (wm_response_parse(text, strlen(text), &r, d) != 0) {
		assert_null(r);
		return -1;
	}
	assert_non_null(r);
	if (wm_response_bind(r, in, &today, d) != 0) {
		wm_response_free(r);
		return -1;
	}
	*out = r;
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

static const struct wm_answer *
answer(const struct wm_response *r, const char *link)
{
	int k = wm_instrument_find_item(r->in, link);

	assert_true(k >= 0);
	return &r->answers[k];
}

static void
test_dreem_valid(void **state)
{
	struct fixture *f = *state;
	const struct wm_instrument *in = f->in[DREEM];
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_response *r;
	const struct wm_answer *a;

	if (read_response(dreem_ok, in, &r, &d) != 0)
		tu_print_diags("dreem", &d);
	assert_non_null(r);
	assert_int_equal(wm_diags_count(&d), 0);
	assert_string_equal(r->url, in->url);
	assert_string_equal(r->version, "1.0.1");
	assert_int_equal(r->status, WM_STATUS_COMPLETED);
	assert_int_equal(r->subject.kind, WM_SUBJECT_PERSON);
	assert_string_equal(r->subject.id, "WM-0001");
	assert_int_equal(r->author.kind, WM_SUBJECT_PERSON);
	assert_string_equal(r->author.id, "WM-0001");
	assert_string_equal(r->unit, "north-ward");
	assert_int_equal(r->respondent, WM_RESPONDENT_PERSON);
	assert_int_equal(r->stakeholder, WM_STAKEHOLDER_NONE);
	assert_int_equal(r->authored.year, 2026);
	assert_int_equal(r->authored.month, 3);
	assert_int_equal(r->authored.day, 15);
	assert_true(r->in == in);
	a = answer(r, "activities");
	assert_int_equal(a->given, 1);
	assert_string_equal(in->items[wm_instrument_find_item(in,
	    "activities")].options[a->option].code, "agree");
	a = answer(r, "reasons-to-get-up");
	assert_int_equal(a->given, 1);
	assert_int_equal(a->option, 5);
	assert_int_equal(answer(r, "markers")->given, 0);
	assert_int_equal(answer(r, "about")->given, 0);
	assert_int_equal(r->scores[0].has_value, 1);
	assert_int_equal(r->scores[0].answered, 10);
	assert_int_equal(r->scores[0].items, 11);
	assert_float_equal(r->scores[0].value, 3.6, EPS);
	wm_response_free(r);
	wm_diags_release(&d);
}

static void
test_core_valid(void **state)
{
	static const struct {
		const char *scale;
		int has_value;
		enum wm_rating rating;
	} want[] = {
		{ "standard-1", 1, WM_RATING_GREEN },
		{ "standard-2", 1, WM_RATING_AMBER },
		{ "standard-3", 1, WM_RATING_RED },
		{ "standard-4", 0, WM_RATING_NONE },
		{ "standard-10", 1, WM_RATING_GREEN },
	};
	struct fixture *f = *state;
	const struct wm_instrument *in = f->in[CORE];
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_response *r;
	size_t i;

	if (read_response(core_ok, in, &r, &d) != 0)
		tu_print_diags("core", &d);
	assert_non_null(r);
	assert_int_equal(r->subject.kind, WM_SUBJECT_SERVICE);
	assert_string_equal(r->subject.id, "north-ward");
	assert_int_equal(r->author.kind, WM_SUBJECT_STAFF);
	assert_string_equal(r->author.id, "lead@example.org");
	assert_null(r->unit);
	assert_int_equal(r->respondent, WM_RESPONDENT_LEAD);
	assert_string_equal(answer(r, "standard-1-evidence")->text,
	    "Minutes of the March meeting");
	assert_string_equal(answer(r, "standard-2-action")->text,
	    "Train the night staff");
	assert_int_equal(answer(r, "standard-3-evidence")->given, 0);
	for (i = 0; i < TU_NELEM(want); i++) {
		int k = scale_index(in, want[i].scale);
		const struct wm_score *s = &r->scores[k];

		assert_true(k >= 0);
		assert_int_equal(s->has_value, want[i].has_value);
		assert_int_equal(wm_rating_from_value(s->value, s->has_value),
		    want[i].rating);
	}
	wm_response_free(r);
	wm_diags_release(&d);
}

static void
test_tips_valid(void **state)
{
	struct fixture *f = *state;
	const struct wm_instrument *in = f->in[TIPS];
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_response *r;

	if (read_response(tips_ok, in, &r, &d) != 0)
		tu_print_diags("tips", &d);
	assert_non_null(r);
	assert_int_equal(r->subject.kind, WM_SUBJECT_STAFF);
	assert_string_equal(r->subject.id, "sam@example.org");
	assert_int_equal(r->respondent, WM_RESPONDENT_STAFF);
	/* Authored late on "today" (a dateTime): not in the future. */
	assert_int_equal(wm_date_cmp(&r->authored, &today), 0);
	assert_string_equal(answer(r, "note")->text,
	    "We agreed a plan together");
	assert_int_equal(r->scores[0].has_value, 1);
	assert_int_equal(r->scores[0].answered, 9);
	assert_int_equal(r->scores[0].items, 10);
	assert_float_equal(r->scores[0].value, 14.0 / 9, EPS);
	wm_response_free(r);
	wm_diags_release(&d);
}

/* A validator's rating, with the stakeholder group they speak for. */
static void
test_validator_valid(void **state)
{
	static const char *const edit[] = {
		"    " RESPONDENT("lead") "\n",
		"    " RESPONDENT("validator") ",\n    "
		STAKEHOLDER("lived-experience") "\n",
		"\"Practitioner/lead@example.org\"",
		"\"Practitioner/validator@example.org\"",
	};
	struct fixture *f = *state;
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_response *r;
	char *text = tu_edit(core_ok, edit, 2);

	assert_non_null(text);
	if (read_response(text, f->in[CORE], &r, &d) != 0)
		tu_print_diags("validator", &d);
	free(text);
	assert_non_null(r);
	assert_int_equal(r->respondent, WM_RESPONDENT_VALIDATOR);
	assert_int_equal(r->stakeholder, WM_STAKEHOLDER_LIVED_EXPERIENCE);
	assert_string_equal(r->author.id, "validator@example.org");
	wm_response_free(r);
	wm_diags_release(&d);
}

/* In progress: required questions may wait, and scores follow the
 * answers that are there (9 of 11 is still above 80%). */
static void
test_in_progress(void **state)
{
	static const char *const edit[] = {
		"\"status\": \"completed\"", "\"status\": \"in-progress\"",
		"      " ACTIVITIES ",\n", "",
		D("hopeful", "strongly-agree"), "",
	};
	struct fixture *f = *state;
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_response *r;
	char *text = tu_edit(dreem_ok, edit, 3);

	assert_non_null(text);
	if (read_response(text, f->in[DREEM], &r, &d) != 0)
		tu_print_diags("in-progress", &d);
	assert_non_null(r);
	assert_int_equal(r->status, WM_STATUS_IN_PROGRESS);
	assert_string_equal(wm_response_status_name(r->status), "in-progress");
	assert_int_equal(answer(r, "activities")->given, 0);
	assert_int_equal(r->scores[0].answered, 8);
	assert_int_equal(r->scores[0].has_value, 0);
	wm_response_free(r);

	free(text);

	/* The same answers, completed: each missing one is named. */
	text = tu_edit(dreem_ok, edit + 2, 2);
	assert_non_null(text);
	assert_int_equal(read_response(text, f->in[DREEM], &r, &d), -1);
	free(text);
	assert_null(r);
	assert_true(tu_has_diag(&d, "item activities", "needs an answer"));
	assert_true(tu_has_diag(&d, "item hopeful", "needs an answer"));
	assert_int_equal(d.n, 2);
	wm_diags_release(&d);
}

#define MAX_EDITS 3

struct bad_case {
	const char *name;
	int instrument;
	const char *edit[2 * MAX_EDITS];
	const char *where;
	const char *msg;
};

static const struct bad_case bad_cases[] = {
	/* The envelope. */
	{ "resourceType wrong", DREEM,
	    { "\"QuestionnaireResponse\"", "\"Questionnaire\"" },
	    "field resourceType", "must be QuestionnaireResponse" },
	{ "resourceType missing", DREEM,
	    { "  \"resourceType\": \"QuestionnaireResponse\",\n", "" },
	    "field resourceType", "must be QuestionnaireResponse" },
	{ "questionnaire without a version", DREEM,
	    { "dreem-recovery-markers|1.0.1\"", "dreem-recovery-markers\"" },
	    "field questionnaire", "URL|VERSION" },
	{ "questionnaire with an empty version", DREEM,
	    { "dreem-recovery-markers|1.0.1\"", "dreem-recovery-markers|\"" },
	    "field questionnaire", "URL|VERSION" },
	{ "questionnaire with no url", DREEM,
	    { "\"" Q "dreem-recovery-markers|1.0.1\"", "\"|1.0.1\"" },
	    "field questionnaire", "URL|VERSION" },
	{ "questionnaire with two bars", DREEM,
	    { "|1.0.1\"", "|1.0.1|2\"" },
	    "field questionnaire", "URL|VERSION" },
	{ "questionnaire missing", DREEM,
	    { "  \"questionnaire\": \"" Q "dreem-recovery-markers|1.0.1\",\n",
	    "" },
	    "field questionnaire", "is missing" },
	{ "questionnaire of another version", DREEM,
	    { "|1.0.1\"", "|2.0.0\"" },
	    "field questionnaire", "does not match the instrument given" },
	{ "questionnaire of another instrument", DREEM,
	    { "dreem-recovery-markers|", "erfs|" },
	    "field questionnaire", "does not match" },
	{ "status unknown", DREEM,
	    { "\"status\": \"completed\"", "\"status\": \"amended\"" },
	    "field status", "must be completed or in-progress" },
	{ "status missing", DREEM,
	    { "  \"status\": \"completed\",\n", "" },
	    "field status", "must be completed or in-progress" },
	{ "subject missing", DREEM,
	    { "  \"subject\": {\"reference\": \"Patient/WM-0001\"},\n", "" },
	    "field subject", "needs a 'reference'" },
	{ "subject not an object", DREEM,
	    { "\"subject\": {\"reference\": \"Patient/WM-0001\"}",
	    "\"subject\": \"Patient/WM-0001\"" },
	    "field subject", "needs a 'reference'" },
	{ "subject without a slash", DREEM,
	    { "\"Patient/WM-0001\"}", "\"WM-0001\"}" },
	    "field subject", "reference must look like" },
	{ "subject without an id", DREEM,
	    { "\"Patient/WM-0001\"}", "\"Patient/\"}" },
	    "field subject", "reference must look like" },
	{ "subject with two slashes", DREEM,
	    { "\"Patient/WM-0001\"}", "\"Patient/WM/0001\"}" },
	    "field subject", "reference must look like" },
	{ "subject of an unknown kind", DREEM,
	    { "\"Patient/WM-0001\"}", "\"Group/WM-0001\"}" },
	    "field subject", "'Group' is not a kind Waymark knows" },
	{ "subject reference too long", DREEM,
	    { "\"Patient/WM-0001\"}", "\"Patient/"
	    "0123456789012345678901234567890123456789012345678901234567890123"
	    "0123456789012345678901234567890123456789012345678901234567890123"
	    "0123456789012345678901234567890123456789012345678901234567890123"
	    "0123456789012345678901234567890123456789012345678901234567890123"
	    "\"}" },
	    "field subject", "reference must look like" },
	{ "author malformed", DREEM,
	    { "\"author\": {\"reference\": \"Patient/WM-0001\"}",
	    "\"author\": {\"display\": \"Me\"}" },
	    "field author", "needs a 'reference'" },
	{ "authored missing", DREEM,
	    { "  \"authored\": \"2026-03-15T10:20:00+01:00\",\n", "" },
	    "field authored", "YYYY-MM-DD" },
	{ "authored not a date", DREEM,
	    { "\"2026-03-15T10:20:00+01:00\"", "\"2025-02-30\"" },
	    "field authored", "must be the date it was answered" },
	{ "authored 29 February of a common year", DREEM,
	    { "\"2026-03-15T10:20:00+01:00\"", "\"2025-02-29T10:00:00Z\"" },
	    "field authored", "must be the date" },
	{ "authored a time without a zone", DREEM,
	    { "\"2026-03-15T10:20:00+01:00\"", "\"2026-03-15T10:20:00\"" },
	    "field authored", "must be the date" },
	{ "authored a month only", DREEM,
	    { "\"2026-03-15T10:20:00+01:00\"", "\"2026-03\"" },
	    "field authored", "must be the date" },
	{ "authored tomorrow", DREEM,
	    { "\"2026-03-15T10:20:00+01:00\"", "\"2026-06-02\"" },
	    "field authored", "is in the future" },
	{ "authored next year", DREEM,
	    { "\"2026-03-15T10:20:00+01:00\"", "\"2027-01-01T00:00:00Z\"" },
	    "field authored", "is in the future" },
	{ "respondent missing", DREEM,
	    { "    " RESPONDENT("person") ",\n", "" },
	    "extension respondent", "is missing" },
	{ "respondent unknown", DREEM,
	    { "\"valueCode\": \"person\"", "\"valueCode\": \"carer\"" },
	    "extension respondent", "must be one of" },
	{ "stakeholder unknown", CORE,
	    { RESPONDENT("lead"), RESPONDENT("validator") ", "
	    STAKEHOLDER("neighbour") },
	    "extension stakeholder", "must be one of lived-experience" },
	{ "unit not a service", DREEM,
	    { "Organization/north-ward\"}}", "Patient/WM-0002\"}}" },
	    "extension unit", "must reference an Organization" },
	{ "extension not a list", DREEM,
	    { "  \"extension\": [\n", "  \"extension\": {},\n  \"x\": [\n" },
	    "field extension", "must be a list" },
	{ "item not a list", DREEM,
	    { "  \"item\": [\n", "  \"item\": {}, \"x\": [\n" },
	    "field item", "must be a list" },

	/* Answers, checked against the instrument. */
	{ "unknown linkId", DREEM,
	    { "\"linkId\": \"activities\"", "\"linkId\": \"activity\"" },
	    "item activity", "is not a question of DREEM" },
	{ "item without a linkId", DREEM,
	    { "{\"linkId\": \"activities\", ", "{" },
	    "field item", "an item has no linkId" },
	{ "item not an object", DREEM,
	    { "      " ACTIVITIES ",\n", "      \"activities\",\n" },
	    "field item", "entry 1 is not an object" },
	{ "question outside its group", DREEM,
	    { "      " ACTIVITIES ",\n", "",
	    "    {\"linkId\": \"markers\"",
	    "    " ACTIVITIES ",\n    {\"linkId\": \"markers\"" },
	    "item activities", "is not where the instrument puts it (inside "
	    "markers)" },
	{ "question in another group", CORE,
	    { CHOICE("standard-3-rating", TL, "red"), "",
	    CHOICE("standard-4-rating", TL, "not-rated"),
	    CHOICE("standard-4-rating", TL, "not-rated") ", "
	    CHOICE("standard-3-rating", TL, "red") },
	    "item standard-3-rating", "inside standard-3" },
	{ "group at the wrong level", CORE,
	    { "{\"linkId\": \"standard-5\", \"item\": [",
	    "{\"linkId\": \"standard-5\", \"item\": [{\"linkId\": "
	    "\"standard-6\", \"item\": []}, " },
	    "item standard-6", "inside no group" },
	{ "a question with items inside", TIPS,
	    { "\"We agreed a plan together\"}]}",
	    "\"We agreed a plan together\"}], \"item\": []}" },
	    "item note", "is a question; it cannot contain items" },
	{ "valueString for a choice", DREEM,
	    { ACTIVITIES, "{\"linkId\": \"activities\", \"answer\": "
	    "[{\"valueString\": \"agree\"}]}" },
	    "item activities", "needs a valueCoding with a code" },
	{ "valueCoding without a code", DREEM,
	    { ACTIVITIES, "{\"linkId\": \"activities\", \"answer\": "
	    "[{\"valueCoding\": {\"system\": \"" AGREE "\"}}]}" },
	    "item activities", "needs a valueCoding with a code" },
	{ "code not among the options", DREEM,
	    { ACTIVITIES, CHOICE("activities", AGREE, "mostly-agree") },
	    "item activities", "code 'mostly-agree' is not one of this "
	    "question's options" },
	{ "code that differs in case", DREEM,
	    { ACTIVITIES, CHOICE("activities", AGREE, "Agree") },
	    "item activities", "is not one of this question's options" },
	{ "code from a different system", DREEM,
	    { ACTIVITIES, CHOICE("activities", YPN, "agree") },
	    "item activities", "code 'agree' is from a different code system" },
	{ "traffic light code on an agreement item", DREEM,
	    { ACTIVITIES, CHOICE("activities", TL, "green") },
	    "item activities", "is not one of this question's options" },
	{ "answered twice", DREEM,
	    { "      " ACTIVITIES ",\n",
	    "      " ACTIVITIES ",\n      " CHOICE("activities", AGREE,
	    "disagree") ",\n" },
	    "item activities", "is answered more than once" },
	{ "more than one answer", DREEM,
	    { ACTIVITIES, "{\"linkId\": \"activities\", \"answer\": ["
	    "{\"valueCoding\": {\"code\": \"agree\"}}, "
	    "{\"valueCoding\": {\"code\": \"disagree\"}}]}" },
	    "item activities", "needs exactly one answer" },
	{ "an empty answer list", DREEM,
	    { ACTIVITIES, "{\"linkId\": \"activities\", \"answer\": []}" },
	    "item activities", "needs exactly one answer" },
	{ "an answer that is not a list", DREEM,
	    { ACTIVITIES, "{\"linkId\": \"activities\", \"answer\": "
	    "{\"valueCoding\": {\"code\": \"agree\"}}}" },
	    "item activities", "needs exactly one answer" },
	{ "a group with an answer", DREEM,
	    { "{\"linkId\": \"markers\", ", "{\"linkId\": \"markers\", "
	    "\"answer\": [{\"valueString\": \"yes\"}], " },
	    "item markers", "is a group and takes no answer" },
	{ "a display item with an answer", DREEM,
	    { "      " ACTIVITIES ",\n", "      {\"linkId\": \"about\", "
	    "\"answer\": [{\"valueString\": \"read\"}]},\n      " ACTIVITIES
	    ",\n" },
	    "item about", "takes no answer" },
	{ "text answer empty", TIPS,
	    { "\"We agreed a plan together\"", "\"\"" },
	    "item note", "needs a valueString of 1 to" },
	{ "text answer not a string", TIPS,
	    { "\"valueString\": \"We agreed a plan together\"",
	    "\"valueInteger\": 3" },
	    "item note", "needs a valueString" },
	{ "missing required answer", DREEM,
	    { "      " ACTIVITIES ",\n", "" },
	    "item activities", "needs an answer (a completed response answers "
	    "every required question" },
	{ "missing required rating", CORE,
	    { CHOICE("standard-3-rating", TL, "red"), "" },
	    "item standard-3-rating", "needs an answer" },

	/* Who answered, about whom. */
	{ "subject a service for DREEM", DREEM,
	    { "\"subject\": {\"reference\": \"Patient/WM-0001\"}",
	    "\"subject\": {\"reference\": \"Organization/north-ward\"}" },
	    "field subject", "not about a service" },
	{ "subject a person for the standards", CORE,
	    { "\"Organization/north-ward\"}", "\"Patient/WM-0001\"}" },
	    "field subject", "is answered about a service" },
	{ "validator for DREEM", DREEM,
	    { RESPONDENT("person"), RESPONDENT("validator") ", "
	    STAKEHOLDER("peer-worker"),
	    "  \"author\": {\"reference\": \"Patient/WM-0001\"},\n", "" },
	    "extension respondent", "is not answered by 'validator'" },
	{ "person for the standards", CORE,
	    { RESPONDENT("lead"), RESPONDENT("person"),
	    "Practitioner/lead@example.org", "Patient/WM-0001" },
	    "extension respondent", "is not answered by 'person'" },
	{ "validator without a stakeholder", CORE,
	    { RESPONDENT("lead"), RESPONDENT("validator") },
	    "extension stakeholder", "must say which stakeholder group" },
	{ "stakeholder on a lead", CORE,
	    { RESPONDENT("lead"), RESPONDENT("lead") ", "
	    STAKEHOLDER("commissioner") },
	    "extension stakeholder", "is only for validators" },
	{ "stakeholder on a person", DREEM,
	    { RESPONDENT("person"), RESPONDENT("person") ", "
	    STAKEHOLDER("supporter") },
	    "extension stakeholder", "is only for validators" },
	{ "staff author for a person's answers", DREEM,
	    { "\"author\": {\"reference\": \"Patient/WM-0001\"}",
	    "\"author\": {\"reference\": \"Practitioner/sam@example.org\"}" },
	    "field author", "does not match the respondent 'person'" },
	{ "person author for a lead's answers", CORE,
	    { "Practitioner/lead@example.org", "Patient/WM-0001" },
	    "field author", "does not match the respondent 'lead'" },
	{ "a service as author", CORE,
	    { "Practitioner/lead@example.org", "Organization/north-ward" },
	    "field author", "must be a person" },
	{ "a person answering about staff", TIPS,
	    { RESPONDENT("staff"), RESPONDENT("person"),
	    "\"author\": {\"reference\": \"Practitioner/sam@example.org\"}",
	    "\"author\": {\"reference\": \"Patient/WM-0001\"}" },
	    "extension respondent", "a person using services cannot answer "
	    "about a staff member" },
};

static void
run_bad_case(const struct fixture *f, size_t i, const struct bad_case *c)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_response *r = NULL;
	size_t n_pairs = 0;
	char *text;
	int rc;

	while (n_pairs < MAX_EDITS && c->edit[2 * n_pairs])
		n_pairs++;
	text = tu_edit(base_text[c->instrument], c->edit, n_pairs);
	if (!text) {
		print_error("case %zu (%s): an edit did not apply\n", i,
		    c->name);
		fail();
	}
	rc = read_response(text, f->in[c->instrument], &r, &d);
	free(text);
	if (rc != -1 || r != NULL || !tu_has_diag(&d, c->where, c->msg)) {
		print_error("case %zu (%s): rc %d, %zu problems; wanted [%s] "
		    "\"%s\"\n", i, c->name, rc, wm_diags_count(&d), c->where,
		    c->msg);
		tu_print_diags(c->name, &d);
		wm_response_free(r);
		wm_diags_release(&d);
		fail();
	}
	wm_diags_release(&d);
}

static void
test_bad_cases(void **state)
{
	const struct fixture *f = *state;
	size_t i;

	for (i = 0; i < TU_NELEM(bad_cases); i++)
		run_bad_case(f, i, &bad_cases[i]);
}

/* Envelope problems are all reported together by wm_response_parse. */
static void
test_many_problems(void **state)
{
	static const char *const edit[] = {
		"\"QuestionnaireResponse\"", "\"Questionnaire\"",
		"dreem-recovery-markers|1.0.1\"", "dreem-recovery-markers\"",
		"\"status\": \"completed\"", "\"status\": \"done\"",
		"\"2026-03-15T10:20:00+01:00\"", "\"2025-02-30\"",
		"\"valueCode\": \"person\"", "\"valueCode\": \"carer\"",
	};
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_response *r = (struct wm_response *)&d;
	char *text = tu_edit(dreem_ok, edit, TU_NELEM(edit) / 2);

	(void)state;
	assert_non_null(text);
	assert_int_equal(wm_response_parse(text, strlen(text), &r, &d), -1);
	free(text);
	assert_null(r);
	assert_int_equal(d.n, 5);
	assert_true(tu_has_diag(&d, "field resourceType", NULL));
	assert_true(tu_has_diag(&d, "field questionnaire", NULL));
	assert_true(tu_has_diag(&d, "field status", NULL));
	assert_true(tu_has_diag(&d, "field authored", NULL));
	assert_true(tu_has_diag(&d, "extension respondent", NULL));
	wm_diags_release(&d);
}

/* JSON that cannot be read is placed by line and column, and a
 * response over the size limit is refused unread. */
static void
test_unreadable(void **state)
{
	static const char *const edit[] = {
		"\"status\": \"completed\",", "\"status\": \"completed\"",
	};
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_response *r = (struct wm_response *)&d;
	char *text = tu_edit(dreem_ok, edit, 1);
	char *big;

	(void)state;
	assert_non_null(text);
	assert_int_equal(wm_response_parse(text, strlen(text), &r, &d), -1);
	free(text);
	assert_null(r);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 5);
	assert_true(d.v[0].column > 0);
	wm_diags_release(&d);

	assert_int_equal(wm_response_parse("[]", 2, &r, &d), -1);
	assert_null(r);
	assert_true(tu_has_diag(&d, NULL, "expected a JSON object"));
	wm_diags_release(&d);

	big = malloc(WM_RESPONSE_MAX_BYTES + 1);
	assert_non_null(big);
	memset(big, ' ', WM_RESPONSE_MAX_BYTES + 1);
	memcpy(big, dreem_ok, strlen(dreem_ok));
	assert_int_equal(wm_response_parse(big, WM_RESPONSE_MAX_BYTES + 1, &r,
	    &d), -1);
	assert_null(r);
	assert_true(tu_has_diag(&d, NULL, "limit"));
	wm_diags_release(&d);
	assert_int_equal(wm_response_parse(big, WM_RESPONSE_MAX_BYTES, &r,
	    &d), 0);
	assert_non_null(r);
	wm_response_free(r);
	free(big);
	wm_diags_release(&d);
}

/* ------------------------------------------------------------------ */
/* Responses built by a program                                        */

static const char *const dreem_codes[][2] = {
	{ "activities", "agree" }, { "safe-home", "strongly-agree" },
	{ "strengths", "neutral" }, { "physical-health", "disagree" },
	{ "in-control", "agree" }, { "close-relationship", "agree" },
	{ "hopeful", "strongly-agree" }, { "treated-fairly", "agree" },
	{ "reasons-to-get-up", "prefer-not-to-say" },
	{ "people-i-trust", "strongly-disagree" },
	{ "part-of-community", "agree" },
};

static struct wm_response *
new_dreem(const struct wm_instrument *in, size_t n_answers)
{
	struct wm_response *r = wm_response_new(in);
	size_t i;

	assert_non_null(r);
	assert_true(r->in == in);
	assert_string_equal(r->url, in->url);
	assert_string_equal(r->version, in->version);
	r->subject.kind = WM_SUBJECT_PERSON;
	r->subject.id = "WM-0001";
	r->respondent = WM_RESPONDENT_WITH_PRACTITIONER;
	r->authored = (struct wm_date){ 2026, 5, 31 };
	for (i = 0; i < n_answers; i++)
		assert_int_equal(wm_response_set_choice(r, dreem_codes[i][0],
		    dreem_codes[i][1]), 0);
	return r;
}

/* The same answers as dreem_ok give the same score. */
static void
test_new_scores(void **state)
{
	struct fixture *f = *state;
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_response *r = new_dreem(f->in[DREEM],
	    TU_NELEM(dreem_codes));

	assert_int_equal(wm_response_check(r, &today, &d), 0);
	assert_int_equal(wm_diags_count(&d), 0);
	assert_int_equal(r->scores[0].has_value, 1);
	assert_int_equal(r->scores[0].answered, 10);
	assert_float_equal(r->scores[0].value, 3.6, EPS);
	/* Changing an answer and checking again scores afresh. */
	assert_int_equal(wm_response_set_choice(r, "people-i-trust",
	    "strongly-agree"), 0);
	assert_int_equal(wm_response_check(r, &today, &d), 0);
	assert_float_equal(r->scores[0].value, 4.0, EPS);
	wm_response_free(r);
	wm_diags_release(&d);
}

static void
test_new_set_errors(void **state)
{
	static const struct {
		const char *link;
		const char *code;
	} bad_choice[] = {
		{ "no-such-item", "agree" },
		{ "markers", "agree" },		/* a group */
		{ "about", "agree" },		/* a display item */
		{ "activities", "mostly" },
		{ "activities", "" },
		{ "activities", "AGREE" },
	};
	struct fixture *f = *state;
	struct wm_response *r = wm_response_new(f->in[DREEM]);
	struct wm_response *t = wm_response_new(f->in[TIPS]);
	size_t i;

	assert_non_null(r);
	assert_non_null(t);
	for (i = 0; i < TU_NELEM(bad_choice); i++)
		assert_int_equal(wm_response_set_choice(r, bad_choice[i].link,
		    bad_choice[i].code), -1);
	for (i = 0; i < f->in[DREEM]->n_items; i++)
		assert_int_equal(r->answers[i].given, 0);
	assert_int_equal(wm_response_set_text(r, "activities", "agree"), -1);
	assert_int_equal(wm_response_set_text(r, "about", "text"), -1);
	assert_int_equal(wm_response_set_text(t, "note", ""), -1);
	assert_int_equal(wm_response_set_text(t, "nothing", "x"), -1);
	assert_int_equal(wm_response_set_text(t, "tip-01", "yes"), -1);
	assert_int_equal(wm_response_set_choice(t, "note", "yes"), -1);
	assert_int_equal(answer(t, "note")->given, 0);
	assert_int_equal(wm_response_set_text(t, "note", "Talked it "
	    "through"), 0);
	assert_int_equal(answer(t, "note")->given, 1);
	assert_string_equal(answer(t, "note")->text, "Talked it through");
	wm_response_free(r);
	wm_response_free(t);
}

static void
test_new_check_rules(void **state)
{
	struct fixture *f = *state;
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_response *r = new_dreem(f->in[DREEM], 9);

	/* Two required answers missing: named, and no scores. */
	assert_int_equal(wm_response_check(r, &today, &d), -1);
	assert_int_equal(d.n, 2);
	assert_true(tu_has_diag(&d, "item people-i-trust", "needs an answer"));
	assert_true(tu_has_diag(&d, "item part-of-community",
	    "needs an answer"));
	wm_diags_release(&d);
	r->status = WM_STATUS_IN_PROGRESS;
	assert_int_equal(wm_response_check(r, &today, &d), 0);
	assert_int_equal(r->scores[0].answered, 8);
	assert_int_equal(r->scores[0].has_value, 0);
	wm_response_free(r);

	/* A draft with no answers keeps nothing: refused, on the first
	 * question. */
	r = new_dreem(f->in[DREEM], 0);
	r->status = WM_STATUS_IN_PROGRESS;
	assert_int_equal(wm_response_check(r, &today, &d), -1);
	assert_int_equal(d.n, 1);
	assert_true(tu_has_diag(&d, "item activities", "at least one answer"));
	wm_diags_release(&d);
	assert_int_equal(wm_response_set_choice(r, "hopeful", "agree"), 0);
	assert_int_equal(wm_response_check(r, &today, &d), 0);

	/* About a service, by staff, authored in the future. */
	r->subject.kind = WM_SUBJECT_SERVICE;
	r->respondent = WM_RESPONDENT_STAFF;
	r->authored = (struct wm_date){ 2026, 6, 2 };
	assert_int_equal(wm_response_check(r, &today, &d), -1);
	assert_true(tu_has_diag(&d, "field subject", "not about a service"));
	assert_true(tu_has_diag(&d, "extension respondent",
	    "is not answered by 'staff'"));
	assert_true(tu_has_diag(&d, "field authored", "is in the future"));
	wm_response_free(r);
	wm_diags_release(&d);
}

/*
 * A response built without saying who answered or about whom is
 * refused, and the messages say so in words (never "(null)" from a
 * name lookup that found nothing).
 */
static void
test_new_unset_roles(void **state)
{
	struct fixture *f = *state;
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_response *r = wm_response_new(f->in[TIPS]);
	size_t i;

	assert_non_null(r);
	r->status = WM_STATUS_IN_PROGRESS;
	assert_int_equal(wm_response_check(r, &today, &d), -1);
	assert_true(tu_has_diag(&d, "field subject", NULL));
	assert_true(tu_has_diag(&d, "extension respondent", NULL));
	for (i = 0; i < d.n; i++) {
		if (strstr(d.v[i].message, "(null)"))
			print_error("message: %s\n", d.v[i].message);
		assert_null(strstr(d.v[i].message, "(null)"));
	}
	wm_response_free(r);
	wm_diags_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dreem_valid),
		cmocka_unit_test(test_core_valid),
		cmocka_unit_test(test_tips_valid),
		cmocka_unit_test(test_validator_valid),
		cmocka_unit_test(test_in_progress),
		cmocka_unit_test(test_bad_cases),
		cmocka_unit_test(test_many_problems),
		cmocka_unit_test(test_unreadable),
		cmocka_unit_test(test_new_scores),
		cmocka_unit_test(test_new_set_errors),
		cmocka_unit_test(test_new_check_rules),
		cmocka_unit_test(test_new_unset_roles),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
