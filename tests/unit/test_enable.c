/*
 * Tests for enableWhen (core/instrument.c reads it, core/enable.c
 * decides it, core/response.c requires only what is enabled):
 *
 * - a template with a question of every type, and a conditional item
 *   whose condition is replaced case by case: each sound condition loads
 *   with the value read into its own type, each unsound one is refused
 *   with its place and words from its message;
 * - a table of answers, each saying whether the conditional item is asked
 *   and what a completed response without it is told;
 * - the shipped core standards 1.1.0 (a lead's) and the validators'
 *   instrument, through their real files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/enable.h"
#include "core/instrument.h"
#include "core/rating.h"
#include "core/response.h"
#include "util/buf.h"
#include "util/diag.h"

#include "testutil.h"

#define TLS "https://waymark.example/fhir/CodeSystem/traffic-light"
#define LIGHT(code, name, v) \
	"{\"valueCoding\": {\"system\": \"" TLS "\", \"code\": \"" code "\", " \
	"\"display\": \"" name "\"}, \"extension\": [{\"url\": \"" \
	WM_FHIR_ORDINAL "\", \"valueDecimal\": " v "}]}"
#define COND "\"enableWhen\": [{\"question\": \"light\", \"operator\": " \
	"\"!=\", \"answerCoding\": {\"code\": \"green\"}}]"

/* Every edit below replaces COND (and sometimes more) in this text. */
static const char template[] =
    "{\n"
    "  \"resourceType\": \"Questionnaire\",\n"
    "  \"url\": \"https://waymark.example/fhir/Questionnaire/cond\",\n"
    "  \"version\": \"1.0.0\",\n"
    "  \"name\": \"Cond\",\n"
    "  \"title\": \"Conditions\",\n"
    "  \"status\": \"active\",\n"
    "  \"subjectType\": [\"Patient\"],\n"
    "  \"publisher\": \"Waymark tests\",\n"
    "  \"description\": \"Questions asked only sometimes\",\n"
    "  \"purpose\": \"Written for the unit tests\",\n"
    "  \"copyright\": \"CC0 1.0\",\n"
    "  \"extension\": [{\"url\": \"" WM_EXT_BASE "respondent\", "
    "\"valueCode\": \"person\"}],\n"
    "  \"item\": [\n"
    "    {\"linkId\": \"light\", \"type\": \"choice\", \"text\": "
    "\"Traffic light rating\", \"required\": true, \"answerOption\": ["
    LIGHT("red", "Red", "1") ", " LIGHT("amber", "Amber", "2") ", "
    LIGHT("green", "Green", "3") "]},\n"
    "    {\"linkId\": \"agreed\", \"type\": \"boolean\", \"text\": "
    "\"Team agreement\"},\n"
    "    {\"linkId\": \"who\", \"type\": \"string\", \"text\": \"Owner\"},\n"
    "    {\"linkId\": \"count\", \"type\": \"integer\", \"text\": "
    "\"People involved\"},\n"
    "    {\"linkId\": \"when\", \"type\": \"date\", \"text\": "
    "\"Start date\"},\n"
    "    {\"linkId\": \"note\", \"type\": \"display\", \"text\": "
    "\"Then the action\"},\n"
    "    {\"linkId\": \"std\", \"type\": \"group\", \"prefix\": "
    "\"Standard 3\", \"text\": \"3. A standard\", \"item\": [\n"
    "      {\"linkId\": \"action\", \"type\": \"text\", \"text\": "
    "\"Action owner\", \"required\": true, " COND "}\n"
    "    ]}\n"
    "  ]\n"
    "}\n";

#define W(cond) "\"enableWhen\": [" cond "]"
#define C(q, op, ans) \
	"{\"question\": \"" q "\", \"operator\": \"" op "\", " ans "}"

static struct wm_instrument *
parse_edited(const char *find, const char *repl, struct wm_diags *d)
{
	const char *edit[2] = { find, repl };
	struct wm_instrument *in = NULL;
	char *text = tu_edit(template, edit, 1);

	assert_non_null(text);
	wm_instrument_parse(text, strlen(text), &in, d);
	free(text);
	return in;
}

/* ------------------------------------------------------------------ */
/* Sound conditions, one per type and operator                         */

struct good_case {
	const char *name;
	const char *cond;	/* replaces COND */
	const char *question;
	enum wm_enable_op op;
	int value;		/* option index, flag or integer */
	const char *text;	/* string or date, as written */
	int any;
	size_t n;
};

static const struct good_case good_cases[] = {
	{ "coding !=", COND, "light", WM_OP_NE, 2, NULL, 0, 1 },
	{ "coding = with its system",
	    W(C("light", "=", "\"answerCoding\": {\"system\": \"" TLS "\", "
	    "\"code\": \"amber\"}")), "light", WM_OP_EQ, 1, NULL, 0, 1 },
	{ "exists", W(C("light", "exists", "\"answerBoolean\": false")),
	    "light", WM_OP_EXISTS, 0, NULL, 0, 1 },
	{ "boolean", W(C("agreed", "=", "\"answerBoolean\": true")),
	    "agreed", WM_OP_EQ, 1, NULL, 0, 1 },
	{ "string", W(C("who", "!=", "\"answerString\": \"Sam\"")),
	    "who", WM_OP_NE, 0, "Sam", 0, 1 },
	{ "integer >=", W(C("count", ">=", "\"answerInteger\": 5")),
	    "count", WM_OP_GE, 5, NULL, 0, 1 },
	{ "integer <", W(C("count", "<", "\"answerInteger\": -2")),
	    "count", WM_OP_LT, -2, NULL, 0, 1 },
	{ "date >", W(C("when", ">", "\"answerDate\": \"2026-01-31\"")),
	    "when", WM_OP_GT, 0, "2026-01-31", 0, 1 },
	{ "date <=", W(C("when", "<=", "\"answerDate\": \"2026-01-31\"")),
	    "when", WM_OP_LE, 0, "2026-01-31", 0, 1 },
	{ "two, any",
	    W(C("light", "=", "\"answerCoding\": {\"code\": \"red\"}") ", "
	    C("agreed", "=", "\"answerBoolean\": false"))
	    ", \"enableBehavior\": \"any\"", "light", WM_OP_EQ, 0, NULL, 1, 2 },
	{ "two, all",
	    W(C("light", "=", "\"answerCoding\": {\"code\": \"red\"}") ", "
	    C("agreed", "=", "\"answerBoolean\": false"))
	    ", \"enableBehavior\": \"all\"", "light", WM_OP_EQ, 0, NULL, 0, 2 },
	{ "one, with a behaviour", COND ", \"enableBehavior\": \"any\"",
	    "light", WM_OP_NE, 2, NULL, 1, 1 },
};

static void
test_good_conditions(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(good_cases); i++) {
		const struct good_case *c = &good_cases[i];
		struct wm_diags d = WM_DIAGS_INIT;
		struct wm_instrument *in = parse_edited(COND, c->cond, &d);
		const struct wm_enable_when *ew;
		const struct wm_item *it;
		char date[11];

		if (!in) {
			print_error("case %s\n", c->name);
			tu_print_diags(c->name, &d);
		}
		assert_non_null(in);
		it = &in->items[wm_instrument_find_item(in, "action")];
		assert_int_equal(it->n_enable_when, c->n);
		assert_int_equal(it->enable_any, c->any);
		ew = &it->enable_when[0];
		assert_int_equal(ew->question,
		    wm_instrument_find_item(in, c->question));
		assert_int_equal(ew->op, c->op);
		switch (in->items[ew->question].type) {
		case WM_ITEM_CHOICE:
			assert_int_equal(ew->option, c->value);
			break;
		case WM_ITEM_INTEGER:
			assert_int_equal(ew->integer, c->value);
			break;
		case WM_ITEM_DATE:
			wm_date_format(&ew->date, date);
			assert_string_equal(date, c->text);
			break;
		case WM_ITEM_STRING:
			assert_string_equal(ew->text, c->text);
			break;
		default:
			assert_int_equal(ew->flag, c->value);
			break;
		}
		wm_instrument_free(in);
		wm_diags_release(&d);
	}
}

/* ------------------------------------------------------------------ */
/* Unsound conditions                                                  */

struct bad_case {
	const char *name;
	const char *find, *repl;
	const char *where;
	const char *msg;
};

static const struct bad_case bad_cases[] = {
	{ "question unknown", COND,
	    W(C("nothing", "exists", "\"answerBoolean\": true")),
	    "item action", "'nothing' is not an earlier item" },
	{ "question later in the file", COND,
	    W(C("later", "exists", "\"answerBoolean\": true")) "}, "
	    "{\"linkId\": \"later\", \"type\": \"string\", \"text\": \"L\"",
	    "item action", "'later' is not an earlier item" },
	{ "question is the item itself", COND,
	    W(C("action", "exists", "\"answerBoolean\": true")),
	    "item action", "'action' is not an earlier item" },
	{ "question is a group", COND,
	    W(C("std", "exists", "\"answerBoolean\": true")),
	    "item action", "'std' is a group" },
	{ "question is a display", COND,
	    W(C("note", "exists", "\"answerBoolean\": true")),
	    "item action", "'note' is a display" },
	{ "question missing", COND,
	    W("{\"operator\": \"exists\", \"answerBoolean\": true}"),
	    "item action", "needs a 'question'" },
	{ "operator unknown", COND,
	    W(C("light", "==", "\"answerCoding\": {\"code\": \"red\"}")),
	    "item action", "operator must be one of" },
	{ "ordering a choice", COND,
	    W(C("light", ">", "\"answerCoding\": {\"code\": \"red\"}")),
	    "item action", "compares only integer and date" },
	{ "ordering a string", COND,
	    W(C("who", "<", "\"answerString\": \"M\"")),
	    "item action", "compares only integer and date" },
	{ "string answer for a choice", COND,
	    W(C("light", "=", "\"answerString\": \"red\"")),
	    "item action", "a choice question needs answerCoding" },
	{ "coding answer for a boolean", COND,
	    W(C("agreed", "=", "\"answerCoding\": {\"code\": \"yes\"}")),
	    "item action", "needs answerBoolean" },
	{ "integer answer for a date", COND,
	    W(C("when", "=", "\"answerInteger\": 2026")),
	    "item action", "needs answerDate" },
	{ "exists with a coding", COND,
	    W(C("light", "exists", "\"answerCoding\": {\"code\": \"red\"}")),
	    "item action", "operator exists needs answerBoolean" },
	{ "no answer", COND, W("{\"question\": \"light\", \"operator\": "
	    "\"exists\"}"), "item action", "exactly one answer" },
	{ "two answers", COND, W(C("light", "exists",
	    "\"answerBoolean\": true, \"answerString\": \"x\"")),
	    "item action", "exactly one answer" },
	{ "code not an option", COND,
	    W(C("light", "=", "\"answerCoding\": {\"code\": \"blue\"}")),
	    "item action", "'blue' is not one of the options of question "
	    "'light'" },
	{ "code from another system", COND,
	    W(C("light", "=", "\"answerCoding\": {\"system\": \"urn:x\", "
	    "\"code\": \"red\"}")), "item action", "different system" },
	{ "coding without a code", COND,
	    W(C("light", "=", "\"answerCoding\": {\"display\": \"Red\"}")),
	    "item action", "answerCoding needs a code" },
	{ "not a real date", COND,
	    W(C("when", "=", "\"answerDate\": \"2026-02-30\"")),
	    "item action", "answerDate must be a date" },
	{ "integer not whole", COND,
	    W(C("count", "=", "\"answerInteger\": 2.5")),
	    "item action", "answerInteger must be a whole number" },
	{ "boolean not a boolean", COND,
	    W(C("agreed", "=", "\"answerBoolean\": \"yes\"")),
	    "item action", "answerBoolean must be true or false" },
	{ "empty string", COND,
	    W(C("who", "=", "\"answerString\": \"\"")),
	    "item action", "'answerString' is empty" },
	{ "several without a behaviour", COND,
	    W(C("light", "exists", "\"answerBoolean\": true") ", "
	    C("agreed", "exists", "\"answerBoolean\": true")),
	    "item action", "enableBehavior (all or any) is needed" },
	{ "behaviour unknown", COND, COND ", \"enableBehavior\": \"most\"",
	    "item action", "enableBehavior must be all or any" },
	{ "behaviour without conditions", COND, "\"enableBehavior\": \"all\"",
	    "item action", "only for an item with enableWhen" },
	{ "conditions not a list", COND, "\"enableWhen\": {}",
	    "item action", "a list of 1 to 16 conditions" },
	{ "conditions empty", COND, "\"enableWhen\": []",
	    "item action", "a list of 1 to 16 conditions" },
	{ "condition not an object", COND, "\"enableWhen\": [1]",
	    "item action", "enableWhen 1 is not an object" },
	{ "second condition named", COND,
	    W(C("light", "exists", "\"answerBoolean\": true") ", "
	    C("count", "=", "\"answerString\": \"x\""))
	    ", \"enableBehavior\": \"any\"",
	    "item action", "enableWhen 2: this question's type needs "
	    "answerInteger" },
};

static void
test_bad_conditions(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(bad_cases); i++) {
		const struct bad_case *c = &bad_cases[i];
		struct wm_diags d = WM_DIAGS_INIT;
		struct wm_instrument *in = parse_edited(c->find, c->repl, &d);

		if (in || !tu_has_diag(&d, c->where, c->msg)) {
			print_error("case %s: wanted [%s] \"%s\"\n", c->name,
			    c->where, c->msg);
			tu_print_diags(c->name, &d);
			wm_instrument_free(in);
			fail();
		}
		wm_diags_release(&d);
	}
}

/* ------------------------------------------------------------------ */
/* Enabled and required                                                */

#define MAX_GIVEN 3

struct enabled_case {
	const char *name;
	const char *cond;		/* replaces COND */
	const char *given[2 * MAX_GIVEN];	/* linkId, answer as text */
	int enabled;		/* is "action" asked? */
	const char *problem;	/* said when it is asked and missing */
};

#define NEEDED "Standard 3, Action owner: needed because "
#define ONE(q, op, ans) W(C(q, op, ans))

static const struct enabled_case enabled_cases[] = {
	{ "not green: asked", COND, { "light", "amber" }, 1,
	    NEEDED "the traffic light rating is not Green" },
	{ "green: not asked", COND, { "light", "green" }, 0, NULL },
	/* FHIR: with no answer, = and != are both false. */
	{ "no light: not asked by !=", COND, { NULL }, 0, NULL },
	{ "no light: not asked by =",
	    ONE("light", "=", "\"answerCoding\": {\"code\": \"red\"}"),
	    { NULL }, 0, NULL },
	{ "red: asked by =",
	    ONE("light", "=", "\"answerCoding\": {\"code\": \"red\"}"),
	    { "light", "red" }, 1, NEEDED "the traffic light rating is Red" },
	{ "exists true, answered", ONE("who", "exists", "\"answerBoolean\": "
	    "true"), { "who", "Sam" }, 1, NEEDED "the owner is answered" },
	{ "exists true, unanswered", ONE("who", "exists", "\"answerBoolean\": "
	    "true"), { NULL }, 0, NULL },
	{ "exists false, unanswered", ONE("who", "exists", "\"answerBoolean\": "
	    "false"), { NULL }, 1, NEEDED "the owner is not answered" },
	{ "boolean = true", ONE("agreed", "=", "\"answerBoolean\": true"),
	    { "agreed", "true" }, 1, NEEDED "the team agreement is Yes" },
	{ "boolean = true, answered false",
	    ONE("agreed", "=", "\"answerBoolean\": true"),
	    { "agreed", "false" }, 0, NULL },
	{ "string =", ONE("who", "=", "\"answerString\": \"Sam\""),
	    { "who", "Sam" }, 1, NEEDED "the owner is \"Sam\"" },
	{ "string = is exact", ONE("who", "=", "\"answerString\": \"Sam\""),
	    { "who", "sam" }, 0, NULL },
	{ "integer > when more", ONE("count", ">", "\"answerInteger\": 5"),
	    { "count", "6" }, 1, NEEDED "the people involved is more than 5" },
	{ "integer > when equal", ONE("count", ">", "\"answerInteger\": 5"),
	    { "count", "5" }, 0, NULL },
	{ "integer >= when equal", ONE("count", ">=", "\"answerInteger\": 5"),
	    { "count", "5" }, 1, NEEDED "the people involved is at least 5" },
	{ "integer <= negative", ONE("count", "<=", "\"answerInteger\": -1"),
	    { "count", "-3" }, 1, NEEDED "the people involved is at most -1" },
	{ "integer < unanswered", ONE("count", "<", "\"answerInteger\": 5"),
	    { NULL }, 0, NULL },
	{ "date < when before", ONE("when", "<", "\"answerDate\": "
	    "\"2026-03-01\""), { "when", "2026-02-28" }, 1,
	    NEEDED "the start date is before 2026-03-01" },
	{ "date < when the same day", ONE("when", "<", "\"answerDate\": "
	    "\"2026-03-01\""), { "when", "2026-03-01" }, 0, NULL },
	{ "date = the same day", ONE("when", "=", "\"answerDate\": "
	    "\"2026-03-01\""), { "when", "2026-03-01" }, 1,
	    NEEDED "the start date is 2026-03-01" },
	{ "all: one of two holds",
	    W(C("light", "=", "\"answerCoding\": {\"code\": \"red\"}") ", "
	    C("agreed", "=", "\"answerBoolean\": false"))
	    ", \"enableBehavior\": \"all\"", { "light", "red" }, 0, NULL },
	{ "all: both hold",
	    W(C("light", "=", "\"answerCoding\": {\"code\": \"red\"}") ", "
	    C("agreed", "=", "\"answerBoolean\": false"))
	    ", \"enableBehavior\": \"all\"",
	    { "light", "red", "agreed", "false" }, 1,
	    NEEDED "the traffic light rating is Red and the team "
	    "agreement is No" },
	{ "any: one of two holds",
	    W(C("light", "=", "\"answerCoding\": {\"code\": \"red\"}") ", "
	    C("agreed", "=", "\"answerBoolean\": false"))
	    ", \"enableBehavior\": \"any\"", { "agreed", "false" }, 1,
	    NEEDED "the traffic light rating is Red or the team "
	    "agreement is No" },
	{ "any: neither holds",
	    W(C("light", "=", "\"answerCoding\": {\"code\": \"red\"}") ", "
	    C("agreed", "=", "\"answerBoolean\": false"))
	    ", \"enableBehavior\": \"any\"",
	    { "light", "green", "agreed", "true" }, 0, NULL },
};

/* A completed response with the case's answers (and a light, which is
 * always required, when the case gives none). */
static struct wm_response *
respond(const struct wm_instrument *in, const struct enabled_case *c)
{
	struct wm_response *r = wm_response_new(in);
	size_t k;

	assert_non_null(r);
	r->status = WM_STATUS_COMPLETED;
	r->subject.kind = WM_SUBJECT_PERSON;
	r->respondent = WM_RESPONDENT_PERSON;
	wm_date_parse("2026-05-01", &r->authored);
	for (k = 0; k < MAX_GIVEN && c->given[2 * k]; k++)
		assert_int_equal(wm_response_set_answer(r, c->given[2 * k],
		    c->given[2 * k + 1]), 0);
	return r;
}

static void
run_enabled_case(const struct enabled_case *c)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in = parse_edited(COND, c->cond, &d);
	const struct wm_date today = { 2026, 6, 1 };
	struct wm_response *r;
	int enabled[16], light, action, rc;

	if (!in)
		tu_print_diags(c->name, &d);
	assert_non_null(in);
	assert_true(in->n_items <= 16);
	light = wm_instrument_find_item(in, "light");
	action = wm_instrument_find_item(in, "action");
	r = respond(in, c);
	wm_items_enabled(in, r->answers, enabled);
	if (enabled[action] != c->enabled)
		print_error("case %s: enabled %d\n", c->name, enabled[action]);
	assert_int_equal(enabled[action], c->enabled);
	/* Its group and the unconditional questions are always asked. */
	assert_int_equal(enabled[light], 1);
	assert_int_equal(enabled[wm_instrument_find_item(in, "std")], 1);
	rc = wm_response_check(r, &today, &d);
	if (c->enabled) {
		/* Asked and unanswered: refused, saying why in words. */
		if (!tu_has_diag(&d, "item action", c->problem)) {
			print_error("case %s: wanted \"%s\"\n", c->name,
			    c->problem);
			tu_print_diags(c->name, &d);
			fail();
		}
		assert_int_equal(rc, -1);
		wm_diags_release(&d);
		assert_int_equal(wm_response_set_answer(r, "action",
		    "Agree a plan"), 0);
		rc = wm_response_check(r, &today, &d);
	}
	/* Not asked, or answered: the only rule left is the light. */
	assert_false(tu_has_diag(&d, "item action", ""));
	assert_int_equal(rc, r->answers[light].given ? 0 : -1);
	wm_response_free(r);
	wm_instrument_free(in);
	wm_diags_release(&d);
}

static void
test_enabled(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(enabled_cases); i++)
		run_enabled_case(&enabled_cases[i]);
}

/* A condition on a question that is itself not asked reads no answer,
 * and a group's condition applies to everything in it. */
static void
test_chains(void **state)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in;
	struct wm_response *r;
	struct wm_buf why = WM_BUF_INIT;
	int enabled[16], who, action, std;

	(void)state;
	/* The owner is asked only for red; the action only when the owner
	 * is answered; the whole standard only when people are involved. */
	{
		static const char *const edit[] = {
			"\"type\": \"string\", \"text\": \"Owner\"",
			"\"type\": \"string\", \"text\": \"Owner\", "
			ONE("light", "=", "\"answerCoding\": {\"code\": "
			"\"red\"}"),
			COND, ONE("who", "exists", "\"answerBoolean\": true"),
			"\"prefix\": \"Standard 3\", \"text\": \"3. A standard\"",
			"\"prefix\": \"Standard 3\", \"text\": \"3. A standard\", "
			ONE("count", ">", "\"answerInteger\": 0"),
		};
		char *text = tu_edit(template, edit, 3);

		assert_non_null(text);
		in = NULL;
		if (wm_instrument_parse(text, strlen(text), &in, &d))
			tu_print_diags("chain", &d);
		free(text);
	}
	assert_non_null(in);
	who = wm_instrument_find_item(in, "who");
	action = wm_instrument_find_item(in, "action");
	std = wm_instrument_find_item(in, "std");
	r = wm_response_new(in);
	assert_non_null(r);
	assert_int_equal(wm_response_set_answer(r, "light", "amber"), 0);
	assert_int_equal(wm_response_set_answer(r, "who", "Sam"), 0);
	assert_int_equal(wm_response_set_answer(r, "count", "2"), 0);
	wm_items_enabled(in, r->answers, enabled);
	assert_int_equal(enabled[who], 0);
	assert_int_equal(enabled[std], 1);
	assert_int_equal(enabled[action], 0);
	assert_int_equal(wm_response_set_answer(r, "light", "red"), 0);
	wm_items_enabled(in, r->answers, enabled);
	assert_int_equal(enabled[who], 1);
	assert_int_equal(enabled[action], 1);
	/* The group's own condition closes all of it. */
	assert_int_equal(wm_response_set_answer(r, "count", "0"), 0);
	wm_items_enabled(in, r->answers, enabled);
	assert_int_equal(enabled[std], 0);
	assert_int_equal(enabled[action], 0);
	assert_int_equal(wm_item_conditional(in, (size_t)action), 1);
	assert_int_equal(wm_item_conditional(in,
	    (size_t)wm_instrument_find_item(in, "light")), 0);
	/* Words: the item's own condition, then its group's. */
	wm_item_condition_text(in, (size_t)action, &why);
	assert_string_equal(wm_buf_str(&why), "the owner is answered and "
	    "the people involved is more than 0");
	wm_buf_clear(&why);
	wm_item_label(in, (size_t)action, &why);
	assert_string_equal(wm_buf_str(&why), "Standard 3, Action owner");
	wm_buf_release(&why);
	wm_response_free(r);
	wm_instrument_free(in);
	wm_diags_release(&d);
}

/* set_answer takes each type's text form and refuses anything else. */
static void
test_set_answer(void **state)
{
	static const struct {
		const char *link, *text;
		int rc;
		const char *kept;
	} cases[] = {
		{ "light", "green", 0, NULL }, { "light", "blue", -1, NULL },
		{ "agreed", "true", 0, "true" }, { "agreed", "yes", -1, NULL },
		{ "who", "Sam", 0, "Sam" }, { "who", "", -1, NULL },
		{ "count", "+07", 0, "7" }, { "count", "7x", -1, NULL },
		{ "count", "99999999999999999999", -1, NULL },
		{ "when", "2026-02-28", 0, "2026-02-28" },
		{ "when", "2026-02-29", -1, NULL }, { "when", "28/02/2026", -1,
		    NULL },
		{ "note", "x", -1, NULL }, { "std", "x", -1, NULL },
		{ "nothing", "x", -1, NULL },
	};
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in = parse_edited(COND, COND, &d);
	size_t i;

	(void)state;
	assert_non_null(in);
	for (i = 0; i < TU_NELEM(cases); i++) {
		struct wm_response *r = wm_response_new(in);
		int k = wm_instrument_find_item(in, cases[i].link);

		assert_non_null(r);
		assert_int_equal(wm_response_set_answer(r, cases[i].link,
		    cases[i].text), cases[i].rc);
		if (k >= 0)
			assert_int_equal(r->answers[k].given, cases[i].rc == 0);
		if (cases[i].kept)
			assert_string_equal(r->answers[k].text, cases[i].kept);
		wm_response_free(r);
	}
	wm_instrument_free(in);
	wm_diags_release(&d);
}

/* ------------------------------------------------------------------ */
/* The shipped standards                                               */

static struct wm_instrument *
shipped(const char *file)
{
	struct wm_instrument *in = tu_load_instrument(file);

	assert_non_null(in);
	return in;
}

static struct wm_response *
lead_response(const struct wm_instrument *in)
{
	struct wm_response *r = wm_response_new(in);

	assert_non_null(r);
	r->status = WM_STATUS_COMPLETED;
	r->subject.kind = WM_SUBJECT_SERVICE;
	r->subject.id = "svc";
	r->author.kind = WM_SUBJECT_STAFF;
	r->author.id = "lead@example.org";
	r->respondent = WM_RESPONDENT_LEAD;
	wm_date_parse("2026-05-01", &r->authored);
	return r;
}

/* A lead must choose a light for every standard, and gives an action, an
 * owner and a due date for each one not green; an action for a green
 * standard is kept but not needed. */
static void
test_core_standards_lead(void **state)
{
	static const char *const lights[10] = { "green", "amber", "red",
	    "green", "green", "green", "green", "green", "green", "green" };
	const struct wm_date today = { 2026, 6, 1 };
	struct wm_instrument *in = shipped("core-standards.json");
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_response *r = lead_response(in);
	char link[64];
	size_t s;
	int k;

	(void)state;
	assert_string_equal(in->version, "1.1.0");
	assert_int_equal(in->respondents, WM_RESPONDENT_LEAD);
	k = wm_instrument_find_item(in, "standard-1-rating");
	assert_int_equal(in->items[k].n_options, 3);
	assert_int_equal(wm_item_find_option(&in->items[k], "not-rated"), -1);
	for (s = 0; s < in->items[k].n_options; s++)
		assert_null(wm_rating_option_problem(&in->items[k].options[s]));
	for (s = 0; s < 10; s++) {
		snprintf(link, sizeof(link), "standard-%zu-rating", s + 1);
		assert_int_equal(wm_response_set_answer(r, link, lights[s]), 0);
	}
	assert_int_equal(wm_response_set_answer(r, "standard-1-action",
	    "Keep it up"), 0);
	assert_int_equal(wm_response_check(r, &today, &d), -1);
	assert_int_equal(wm_diags_count(&d), 6);
	assert_true(tu_has_diag(&d, "item standard-2-action",
	    "Standard 2, Action: needed because the traffic light rating is "
	    "not Green"));
	assert_true(tu_has_diag(&d, "item standard-2-action-owner",
	    "Standard 2, Action owner: needed because the traffic light "
	    "rating is not Green"));
	assert_true(tu_has_diag(&d, "item standard-3-action-due",
	    "Standard 3, Action due date: needed because the traffic light "
	    "rating is not Green"));
	wm_diags_release(&d);
	for (s = 2; s <= 3; s++) {
		snprintf(link, sizeof(link), "standard-%zu-action", s);
		assert_int_equal(wm_response_set_answer(r, link, "Plan"), 0);
		snprintf(link, sizeof(link), "standard-%zu-action-owner", s);
		assert_int_equal(wm_response_set_answer(r, link, "Lee"), 0);
		snprintf(link, sizeof(link), "standard-%zu-action-due", s);
		assert_int_equal(wm_response_set_answer(r, link, "2026-09-30"),
		    0);
	}
	assert_int_equal(wm_response_check(r, &today, &d), 0);
	/* The action written for a green standard is kept. */
	k = wm_instrument_find_item(in, "standard-1-action");
	assert_string_equal(r->answers[k].text, "Keep it up");
	assert_int_equal(wm_rating_from_value(r->scores[1].value,
	    r->scores[1].has_value), WM_RATING_AMBER);
	/* Not every standard rated: refused, naming the standard's light. */
	wm_response_free(r);
	r = lead_response(in);
	assert_int_equal(wm_response_check(r, &today, &d), -1);
	assert_true(tu_has_diag(&d, "item standard-7-rating", "needs an "
	    "answer"));
	assert_false(tu_has_diag(&d, "item standard-7-action", ""));
	wm_response_free(r);
	wm_instrument_free(in);
	wm_diags_release(&d);
}

/* A validator rates each standard, or says it cannot ("not rated", never
 * scored), with an optional comment; the scales are the lead's. */
static void
test_core_standards_validation(void **state)
{
	const struct wm_date today = { 2026, 6, 1 };
	struct wm_instrument *in = shipped("core-standards-validation.json");
	struct wm_instrument *lead = shipped("core-standards.json");
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_response *r = lead_response(in);
	char link[64];
	size_t s;

	(void)state;
	assert_int_equal(in->respondents, WM_RESPONDENT_VALIDATOR);
	assert_string_equal(in->family, lead->family);
	assert_int_equal(in->n_scales, lead->n_scales);
	for (s = 0; s < in->n_scales; s++) {
		assert_string_equal(in->scales[s].code, lead->scales[s].code);
		assert_string_equal(in->scales[s].title, lead->scales[s].title);
		assert_string_equal(in->items[in->scales[s].items[0]].link_id,
		    lead->items[lead->scales[s].items[0]].link_id);
	}
	r->respondent = WM_RESPONDENT_VALIDATOR;
	r->stakeholder = WM_STAKEHOLDER_PEER_WORKER;
	for (s = 0; s < 10; s++) {
		snprintf(link, sizeof(link), "standard-%zu-rating", s + 1);
		assert_int_equal(wm_response_set_answer(r, link,
		    s == 0 ? "not-rated" : "red"), 0);
	}
	assert_int_equal(wm_response_set_answer(r, "standard-2-comment",
	    "No evidence seen"), 0);
	assert_int_equal(wm_response_check(r, &today, &d), 0);
	assert_int_equal(r->scores[0].has_value, 0);
	assert_int_equal(wm_rating_from_value(r->scores[1].value,
	    r->scores[1].has_value), WM_RATING_RED);
	wm_response_free(r);
	wm_instrument_free(in);
	wm_instrument_free(lead);
	wm_diags_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_conditions),
		cmocka_unit_test(test_bad_conditions),
		cmocka_unit_test(test_enabled),
		cmocka_unit_test(test_chains),
		cmocka_unit_test(test_set_answer),
		cmocka_unit_test(test_core_standards_lead),
		cmocka_unit_test(test_core_standards_validation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
