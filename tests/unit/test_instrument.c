/*
 * Tests for core/instrument: every shipped file in instruments/ loads with
 * the shape docs/instruments.md gives it; then one table of malformed
 * files, each made from a small valid template by text edits, with the
 * problem that must be reported (its place, and words from its message),
 * and the whole-file failures (bad JSON, wrong root, too big) that are
 * placed by line and column.
 *
 * Every failing case also checks the contract of a failed parse: -1, at
 * least one problem, and *out set to NULL.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalogue.h"
#include "core/instrument.h"
#include "util/buf.h"
#include "util/diag.h"

#include "testutil.h"

#define EPS 1e-9

/* ------------------------------------------------------------------ */
/* The shipped files                                                   */

struct shipped {
	const char *file;
	const char *version;
	const char *name;
	size_t n_items;
	size_t n_scales;
	unsigned subjects;
	unsigned respondents;
	const char *family;
	size_t n_required;
	const char *first_scale;
	size_t first_scale_items;
	int min_percent;
};

#define P WM_SUBJECT_PERSON
#define S WM_SUBJECT_SERVICE
#define ST WM_SUBJECT_STAFF
#define RP WM_RESPONDENT_PERSON
#define RPP WM_RESPONDENT_WITH_PRACTITIONER
#define RS WM_RESPONDENT_STAFF
#define RL WM_RESPONDENT_LEAD
#define RV WM_RESPONDENT_VALIDATOR

static const struct shipped shipped[] = {
	{ "dreem-recovery-markers.json", "1.0.1", "DREEMRecoveryMarkers", 13, 1, P,
	    RP | RPP, "dreem", 11, "recovery-markers", 11, 80 },
	{ "dreem-supportive-service-indicators.json", "1.0.0",
	    "DREEMSupportiveServiceIndicators", 11, 1, P, RP | RPP, "dreem", 9,
	    "supportive-service", 9, 80 },
	{ "erfs.json", "1.0.0", "ERFS", 20, 4, S, RP | RS, "erfs", 16,
	    "person-centred", 6, 80 },
	{ "shared-needs.json", "1.0.0", "SharedNeeds", 19, 1, P | ST, RP | RPP | RS,
	    "shared-needs", 9, "shared-needs", 9, 80 },
	{ "ten-top-tips.json", "1.0.0", "TenTopTips", 13, 1, ST, RS, "ten-top-tips", 10,
	    "recovery-practice", 10, 50 },
	/* A lead's: per standard a group, its text, the light, evidence,
	 * and an action, owner and due date required when not green. */
	{ "core-standards.json", "1.1.0", "CoreStandards", 70, 10, S, RL,
	    "core-standards", 40, "standard-1", 1, 100 },
	/* A validator's: per standard a group, its text, the light (or not
	 * rated) and a comment. */
	{ "core-standards-validation.json", "1.0.0", "CoreStandardsValidation",
	    40, 10, S, RV, "core-standards", 10, "standard-1", 1, 100 },
};

/* Files that are not questionnaires, and what they hold. */
static const struct {
	const char *file;
	const char *url;
	size_t n_concepts;
} shipped_catalogues[] = {
	{ "training-courses.json",
	    "https://waymark.example/fhir/CodeSystem/recovery-training", 6 },
};

/* The invariants every loaded instrument keeps, whatever its content. */
static void
check_invariants(const struct wm_instrument *in)
{
	size_t i, j;

	assert_non_null(in->url);
	assert_non_null(in->version);
	assert_non_null(in->title);
	assert_non_null(in->publisher);
	assert_non_null(in->purpose);
	assert_non_null(in->copyright);
	assert_true(in->subjects != 0);
	assert_true(in->respondents != 0);
	for (i = 0; i < in->n_items; i++) {
		const struct wm_item *it = &in->items[i];

		assert_int_equal(wm_instrument_find_item(in, it->link_id),
		    (int)i);
		if (it->parent < 0) {
			assert_int_equal(it->depth, 0);
		} else {
			assert_true((size_t)it->parent < i);
			assert_int_equal(in->items[it->parent].type,
			    WM_ITEM_GROUP);
			assert_int_equal(it->depth,
			    in->items[it->parent].depth + 1);
		}
		if (it->type != WM_ITEM_GROUP && it->type != WM_ITEM_DISPLAY)
			assert_non_null(it->text);
		if (it->type != WM_ITEM_CHOICE) {
			assert_int_equal(it->n_options, 0);
			continue;
		}
		assert_true(it->n_options >= 2);
		for (j = 0; j < it->n_options; j++) {
			assert_int_equal(wm_item_find_option(it,
			    it->options[j].code), (int)j);
			if (it->options[j].scored) {
				assert_true(it->options[j].value >= it->min);
				assert_true(it->options[j].value <= it->max);
			}
		}
	}
	for (i = 0; i < in->n_scales; i++) {
		const struct wm_scale *sc = &in->scales[i];

		assert_true(sc->n_items > 0);
		assert_true(sc->min_answered_percent >= 1);
		assert_true(sc->min_answered_percent <= 100);
		for (j = 0; j < sc->n_items; j++) {
			const struct wm_item *it = &in->items[sc->items[j]];

			assert_true(sc->items[j] < in->n_items);
			assert_int_equal(it->type, WM_ITEM_CHOICE);
			assert_true(it->n_scored >= 2);
			assert_true(it->min < it->max);
		}
	}
}

static size_t
count_required(const struct wm_instrument *in)
{
	size_t i, n = 0;

	for (i = 0; i < in->n_items; i++)
		n += in->items[i].required != 0;
	return n;
}

static void
check_shipped(const struct shipped *s, const struct wm_instrument *in)
{
	char url[200];

	/* docs/instruments.md: the url ends in the file name, no ".json". */
	snprintf(url, sizeof(url), "https://waymark.example/fhir/"
	    "Questionnaire/%.*s", (int)(strlen(s->file) - 5), s->file);
	assert_string_equal(in->url, url);
	assert_string_equal(in->version, s->version);
	assert_string_equal(in->name, s->name);
	assert_string_equal(in->status, "active");
	assert_int_equal(in->n_items, s->n_items);
	assert_int_equal(in->n_scales, s->n_scales);
	assert_int_equal(in->subjects, s->subjects);
	assert_int_equal(in->respondents, s->respondents);
	assert_string_equal(in->family, s->family);
	assert_int_equal(count_required(in), s->n_required);
	assert_string_equal(in->scales[0].code, s->first_scale);
	assert_int_equal(in->scales[0].n_items, s->first_scale_items);
	assert_int_equal(in->scales[0].min_answered_percent, s->min_percent);
	assert_int_equal(in->scales[0].method, WM_SCALE_MEAN);
	check_invariants(in);
}

static void
check_catalogue_file(const char *file, const char *text, size_t len)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_catalogue *c = NULL;
	struct wm_instrument *in = NULL;
	size_t i;

	for (i = 0; i < TU_NELEM(shipped_catalogues); i++)
		if (strcmp(shipped_catalogues[i].file, file) == 0)
			break;
	assert_true(i < TU_NELEM(shipped_catalogues));
	if (wm_catalogue_parse(text, len, &c, &d) != 0)
		tu_print_diags(file, &d);
	assert_non_null(c);
	assert_string_equal(c->url, shipped_catalogues[i].url);
	assert_int_equal(c->n_concepts, shipped_catalogues[i].n_concepts);
	wm_catalogue_free(c);
	/* It is not a questionnaire, and the loader says so. */
	assert_int_equal(wm_instrument_parse(text, len, &in, &d), -1);
	assert_null(in);
	assert_true(tu_has_diag(&d, "field resourceType", "Questionnaire"));
	wm_diags_release(&d);
}

/* Every *.json in the instruments directory: each questionnaire loads
 * cleanly with its expected shape, and each known CodeSystem loads as a
 * catalogue. A new file must be added to a table above. */
static void
test_shipped_files(void **state)
{
	const char *dir = getenv("WAYMARK_INSTRUMENTS");
	int seen[TU_NELEM(shipped)] = { 0 };
	struct dirent *e;
	size_t i, n_files = 0;
	DIR *dp;

	(void)state;
	if (!dir || dir[0] == '\0')
		dir = "instruments";
	dp = opendir(dir);
	if (!dp)
		print_error("cannot open %s: run from the repository root\n",
		    dir);
	assert_non_null(dp);
	while ((e = readdir(dp)) != NULL) {
		struct wm_diags d = WM_DIAGS_INIT;
		struct wm_instrument *in = NULL;
		size_t n = strlen(e->d_name), len;
		char *text;

		if (n < 6 || strcmp(e->d_name + n - 5, ".json") != 0)
			continue;
		n_files++;
		text = tu_read_instrument_file(e->d_name, &len);
		assert_non_null(text);
		if (strstr(text, "\"resourceType\": \"CodeSystem\"")) {
			check_catalogue_file(e->d_name, text, len);
			free(text);
			continue;
		}
		if (wm_instrument_parse(text, len, &in, &d) != 0)
			tu_print_diags(e->d_name, &d);
		assert_int_equal(wm_diags_count(&d), 0);
		assert_non_null(in);
		for (i = 0; i < TU_NELEM(shipped); i++)
			if (strcmp(shipped[i].file, e->d_name) == 0)
				break;
		if (i == TU_NELEM(shipped))
			print_error("%s is not in the table of shipped files\n",
			    e->d_name);
		assert_true(i < TU_NELEM(shipped));
		seen[i] = 1;
		check_shipped(&shipped[i], in);
		wm_instrument_free(in);
		wm_diags_release(&d);
		free(text);
	}
	closedir(dp);
	for (i = 0; i < TU_NELEM(shipped); i++)
		if (!seen[i]) {
			print_error("%s was not found\n", shipped[i].file);
			fail();
		}
	assert_int_equal(n_files, TU_NELEM(shipped) +
	    TU_NELEM(shipped_catalogues));
}

/* Details of two shipped files that scoring and reports rely on. */
static void
test_shipped_details(void **state)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in = NULL;
	const struct wm_item *it;
	size_t len;
	char *text;
	int k;

	(void)state;
	text = tu_read_instrument_file("dreem-recovery-markers.json", &len);
	assert_non_null(text);
	assert_int_equal(wm_instrument_parse(text, len, &in, &d), 0);
	/* No published reliability, SD or cut-off for the newsletter's
	 * markers (the network estimates its own); higher is better, and
	 * the file says so rather than leaving it to the default. */
	assert_non_null(strstr(text, "\"url\": \"better\",\n"
	    "          \"valueCode\": \"higher\""));
	free(text);
	assert_int_equal(in->scales[0].higher_is_better, 1);
	assert_int_equal(in->scales[0].has_reliability, 0);
	assert_int_equal(in->scales[0].has_cutoff, 0);
	assert_null(in->scales[0].statistics_source);
	k = wm_instrument_find_item(in, "hopeful");
	assert_true(k >= 0);
	it = &in->items[k];
	assert_int_equal(it->type, WM_ITEM_CHOICE);
	assert_int_equal(it->required, 1);
	assert_string_equal(in->items[it->parent].link_id, "markers");
	assert_int_equal(it->n_options, 6);
	assert_int_equal(it->n_scored, 5);
	assert_float_equal(it->min, 1, EPS);
	assert_float_equal(it->max, 5, EPS);
	k = wm_item_find_option(it, "prefer-not-to-say");
	assert_int_equal(k, 5);
	assert_int_equal(it->options[k].scored, 0);
	assert_string_equal(it->options[3].code, "agree");
	assert_float_equal(it->options[3].value, 4, EPS);
	assert_string_equal(it->options[3].system,
	    "https://waymark.example/fhir/CodeSystem/agreement-5");
	assert_int_equal(wm_item_find_option(it, "Agree"), -1);
	assert_int_equal(wm_instrument_find_item(in, "Hopeful"), -1);
	assert_int_equal(in->items[wm_instrument_find_item(in, "about")].type,
	    WM_ITEM_DISPLAY);
	wm_instrument_free(in);
	in = NULL;

	text = tu_read_instrument_file("ten-top-tips.json", &len);
	assert_non_null(text);
	assert_int_equal(wm_instrument_parse(text, len, &in, &d), 0);
	free(text);
	k = wm_instrument_find_item(in, "tip-01");
	assert_true(k >= 0);
	assert_float_equal(in->items[k].min, 0, EPS);
	assert_float_equal(in->items[k].max, 2, EPS);
	k = wm_instrument_find_item(in, "note");
	assert_int_equal(in->items[k].type, WM_ITEM_TEXT);
	assert_int_equal(in->items[k].parent, -1);
	assert_int_equal(in->items[k].required, 0);
	assert_int_equal(wm_diags_count(&d), 0);
	wm_instrument_free(in);
	wm_diags_release(&d);
}

/* ------------------------------------------------------------------ */
/* A valid template and the malformed files made from it               */

#define ORD "{\"url\": \"" WM_FHIR_ORDINAL "\", \"valueDecimal\": "
#define YN "\"system\": \"https://waymark.example/fhir/CodeSystem/yn\""
#define OPTIONS \
	"        {\"valueCoding\": {" YN ", \"code\": \"no\", " \
	"\"display\": \"No\"}, \"extension\": [" ORD "0}]},\n" \
	"        {\"valueCoding\": {" YN ", \"code\": \"yes\", " \
	"\"display\": \"Yes\"}, \"extension\": [" ORD "1}]},\n" \
	"        {\"valueCoding\": {" YN ", \"code\": \"skip\", " \
	"\"display\": \"Prefer not to say\"}}\n"
#define RESPONDENT \
	"{\"url\": \"" WM_EXT_BASE "respondent\", \"valueCode\": \"person\"}"
#define SCALE_B \
	"{\"url\": \"" WM_EXT_BASE "scale\", \"extension\": [" \
	"{\"url\": \"code\", \"valueCode\": \"total\"}, " \
	"{\"url\": \"title\", \"valueString\": \"Again\"}, " \
	"{\"url\": \"method\", \"valueCode\": \"sum\"}, " \
	"{\"url\": \"minAnsweredPercent\", \"valueInteger\": 100}, " \
	"{\"url\": \"item\", \"valueString\": \"q1\"}]}"

/* The template's last scale part, and statistics parts to add after it. */
#define REVERSED "{\"url\": \"reversed\", \"valueString\": \"q2\"}"
/* q1 and the free-text note as the template has them, and with their
 * options' orientation given. */
#define Q1 "{\"linkId\": \"q1\", \"type\": \"choice\", \"text\": \"First\", "
#define NOTE "{\"linkId\": \"note\", \"type\": \"text\", "
#define ORIENT(code) "\"extension\": [{\"url\": \"http://hl7.org/fhir/" \
	"StructureDefinition/questionnaire-choiceOrientation\", " \
	"\"valueCode\": \"" code "\"}], "
#define STAT(url, value) ", {\"url\": \"" url "\", " value "}"
#define DEC(x) "\"valueDecimal\": " #x
#define SOURCE STAT("statisticsSource", "\"valueString\": " \
	"\"Smith (2001), table 2\"")
#define REL_SD STAT("reliability", DEC(0.85)) STAT("sd", DEC(0.6))

/* Line numbers matter: the JSON syntax cases name them. */
static const char template[] =
    "{\n"
    "  \"resourceType\": \"Questionnaire\",\n"
    "  \"url\": \"https://waymark.example/fhir/Questionnaire/test\",\n"
    "  \"version\": \"1.0.0\",\n"
    "  \"name\": \"Test\",\n"
    "  \"title\": \"Test instrument\",\n"
    "  \"status\": \"active\",\n"
    "  \"subjectType\": [\"Patient\"],\n"
    "  \"publisher\": \"Waymark tests\",\n"
    "  \"description\": \"A small instrument for the tests\",\n"
    "  \"purpose\": \"Written for the unit tests\",\n"
    "  \"copyright\": \"CC0 1.0\",\n"
    "  \"extension\": [\n"
    "    " RESPONDENT ",\n"
    "    {\"url\": \"" WM_EXT_BASE "scale\", \"extension\": [\n"
    "      {\"url\": \"code\", \"valueCode\": \"total\"},\n"
    "      {\"url\": \"title\", \"valueString\": \"Total\"},\n"
    "      {\"url\": \"method\", \"valueCode\": \"mean\"},\n"
    "      {\"url\": \"minAnsweredPercent\", \"valueInteger\": 80},\n"
    "      {\"url\": \"item\", \"valueString\": \"q1\"},\n"
    "      {\"url\": \"item\", \"valueString\": \"q2\"},\n"
    "      {\"url\": \"reversed\", \"valueString\": \"q2\"}\n"
    "    ]}\n"
    "  ],\n"
    "  \"item\": [\n"
    "    {\"linkId\": \"grp\", \"type\": \"group\", \"text\": \"Questions\", "
    "\"item\": [\n"
    "      {\"linkId\": \"intro\", \"type\": \"display\", "
    "\"text\": \"Please answer\"},\n"
    "      {\"linkId\": \"q1\", \"type\": \"choice\", \"text\": \"First\", "
    "\"required\": true, \"answerOption\": [\n"
    OPTIONS
    "      ]},\n"
    "      {\"linkId\": \"q2\", \"type\": \"choice\", \"text\": \"Second\", "
    "\"required\": true, \"answerOption\": [\n"
    OPTIONS
    "      ]},\n"
    "      {\"linkId\": \"note\", \"type\": \"text\", "
    "\"text\": \"Anything else?\"}\n"
    "    ]}\n"
    "  ]\n"
    "}\n";

/* The template itself is valid, and loads as written. */
static void
test_template_valid(void **state)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in = NULL;
	const struct wm_scale *sc;

	(void)state;
	if (wm_instrument_parse(template, strlen(template), &in, &d) != 0)
		tu_print_diags("template", &d);
	assert_non_null(in);
	assert_int_equal(wm_diags_count(&d), 0);
	check_invariants(in);
	assert_int_equal(in->n_items, 5);
	assert_string_equal(in->items[0].link_id, "grp");
	assert_int_equal(in->items[0].type, WM_ITEM_GROUP);
	assert_int_equal(in->items[0].parent, -1);
	assert_int_equal(in->items[2].parent, 0);
	assert_int_equal(in->items[2].depth, 1);
	assert_int_equal(in->items[2].required, 1);
	assert_int_equal(in->items[4].type, WM_ITEM_TEXT);
	assert_int_equal(in->items[4].required, 0);
	assert_null(in->family);
	assert_int_equal(in->subjects, WM_SUBJECT_PERSON);
	assert_int_equal(in->respondents, WM_RESPONDENT_PERSON);
	assert_int_equal(in->n_scales, 1);
	sc = &in->scales[0];
	assert_string_equal(sc->code, "total");
	assert_string_equal(sc->title, "Total");
	assert_int_equal(sc->min_answered_percent, 80);
	assert_int_equal(sc->n_items, 2);
	assert_int_equal(sc->items[0], 2);
	assert_int_equal(sc->items[1], 3);
	assert_int_equal(sc->reversed[0], 0);
	assert_int_equal(sc->reversed[1], 1);
	/* No statistics: the network will estimate its own. */
	assert_int_equal(sc->has_reliability, 0);
	assert_int_equal(sc->has_cutoff, 0);
	assert_int_equal(sc->higher_is_better, 1);
	assert_null(sc->statistics_source);
	wm_instrument_free(in);
	wm_diags_release(&d);
}

/* The template with statistics parts added to its scale, parsed; NULL
 * (with the problems printed) when it does not load. */
static struct wm_instrument *
with_statistics(const char *parts)
{
	struct wm_buf b = WM_BUF_INIT;
	const char *edit[2];
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in = NULL;
	char *text;

	wm_buf_puts(&b, REVERSED);
	wm_buf_puts(&b, parts);
	edit[0] = REVERSED;
	edit[1] = wm_buf_str(&b);
	text = tu_edit(template, edit, 1);
	assert_non_null(text);
	if (wm_instrument_parse(text, strlen(text), &in, &d) != 0)
		tu_print_diags(parts, &d);
	free(text);
	wm_buf_release(&b);
	wm_diags_release(&d);
	return in;
}

/* A choice's options side by side when its file says so (FHIR's
 * choiceOrientation), one above another otherwise; an extension of
 * someone else's is left alone. */
static void
test_orientation(void **state)
{
	const char *edit[] = { Q1, Q1 "\"extension\": [{\"url\": "
	    "\"https://example.org/other\"}, {\"url\": \"http://hl7.org/fhir/"
	    "StructureDefinition/questionnaire-choiceOrientation\", "
	    "\"valueCode\": \"horizontal\"}], " };
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in = NULL;
	char *text = tu_edit(template, edit, 1);

	(void)state;
	assert_non_null(text);
	if (wm_instrument_parse(text, strlen(text), &in, &d) != 0)
		tu_print_diags("orientation", &d);
	assert_non_null(in);
	assert_int_equal(in->items[wm_instrument_find_item(in, "q1")].horizontal,
	    1);
	assert_int_equal(in->items[wm_instrument_find_item(in, "q2")].horizontal,
	    0);
	wm_instrument_free(in);
	wm_diags_release(&d);
	free(text);
}

/* The optional statistics a scale may declare, each kept as given. */
static void
test_statistics(void **state)
{
	struct wm_instrument *in;
	const struct wm_scale *sc;

	(void)state;
	in = with_statistics(REL_SD STAT("cutoff", DEC(2.5))
	    STAT("better", "\"valueCode\": \"lower\"") SOURCE);
	assert_non_null(in);
	sc = &in->scales[0];
	assert_int_equal(sc->has_reliability, 1);
	tu_assert_near(sc->reliability, 0.85, 0);
	tu_assert_near(sc->sd, 0.6, 0);
	assert_int_equal(sc->has_cutoff, 1);
	tu_assert_near(sc->cutoff, 2.5, 0);
	assert_int_equal(sc->higher_is_better, 0);
	assert_string_equal(sc->statistics_source, "Smith (2001), table 2");
	wm_instrument_free(in);

	/* A cut-off alone (with its source); a whole-number value; a
	 * reliability of 0. */
	in = with_statistics(STAT("cutoff", DEC(-3)) SOURCE);
	assert_non_null(in);
	assert_int_equal(in->scales[0].has_cutoff, 1);
	assert_int_equal(in->scales[0].has_reliability, 0);
	tu_assert_near(in->scales[0].cutoff, -3, 0);
	wm_instrument_free(in);
	in = with_statistics(STAT("reliability", DEC(0)) STAT("sd", DEC(2))
	    SOURCE);
	assert_non_null(in);
	assert_int_equal(in->scales[0].has_reliability, 1);
	wm_instrument_free(in);

	/* Which way is better needs no source; "higher" is the default said
	 * out loud. */
	in = with_statistics(STAT("better", "\"valueCode\": \"higher\""));
	assert_non_null(in);
	assert_int_equal(in->scales[0].higher_is_better, 1);
	assert_null(in->scales[0].statistics_source);
	wm_instrument_free(in);
	in = with_statistics(STAT("better", "\"valueCode\": \"lower\""));
	assert_non_null(in);
	assert_int_equal(in->scales[0].higher_is_better, 0);
	wm_instrument_free(in);
}

#define MAX_EDITS 4

struct bad_case {
	const char *name;
	const char *edit[2 * MAX_EDITS];
	const char *where;	/* contained in the problem's place */
	const char *msg;	/* contained in its message */
};

#define LONG65 \
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

static const struct bad_case bad_cases[] = {
	{ "an orientation that is neither", { Q1, Q1 ORIENT("sideways") },
	    "item q1", "choiceOrientation's valueCode must be horizontal or "
	    "vertical" },
	{ "an orientation on free text", { NOTE, NOTE ORIENT("horizontal") },
	    "item note", "choiceOrientation is only for a choice item" },
	{ "an item's extension not a list", { Q1, Q1 "\"extension\": {}, " },
	    "item q1", "'extension' must be a list" },
	/* The header fields. */
	{ "wrong resourceType",
	    { "\"resourceType\": \"Questionnaire\"",
	    "\"resourceType\": \"CodeSystem\"" },
	    "field resourceType", "must be a Questionnaire" },
	{ "resourceType missing",
	    { "\"resourceType\": \"Questionnaire\",\n", "" },
	    "field resourceType", "missing" },
	{ "url missing",
	    { "\"url\": \"https://waymark.example/fhir/Questionnaire/test\",\n",
	    "" },
	    "field url", "'url' is missing" },
	{ "url not a string",
	    { "\"url\": \"https://waymark.example/fhir/Questionnaire/test\"",
	    "\"url\": 42" },
	    "field url", "must be a string" },
	{ "url not absolute",
	    { "\"https://waymark.example/fhir/Questionnaire/test\"",
	    "\"Questionnaire/test\"" },
	    "field url", "absolute URL" },
	{ "url with a version in it",
	    { "Questionnaire/test\"", "Questionnaire/test|1.0.0\"" },
	    "field url", "'|'" },
	{ "version missing", { "\"version\": \"1.0.0\",\n", "" },
	    "field version", "'version' is missing" },
	{ "version empty", { "\"version\": \"1.0.0\"", "\"version\": \"\"" },
	    "field version", "'version' is empty" },
	{ "version with a bar", { "\"1.0.0\"", "\"1|0\"" },
	    "field version", "'|'" },
	{ "name missing", { "\"name\": \"Test\",\n", "" },
	    "field name", "missing" },
	{ "title missing", { "\"title\": \"Test instrument\",\n", "" },
	    "field title", "'title' is missing" },
	{ "status unknown", { "\"status\": \"active\"", "\"status\": \"final\"" },
	    "field status", "'final'" },
	{ "publisher missing", { "\"publisher\": \"Waymark tests\",\n", "" },
	    "field publisher", "'publisher' is missing" },
	{ "description missing",
	    { "\"description\": \"A small instrument for the tests\",\n", "" },
	    "field description", "missing" },
	{ "purpose missing", { "\"purpose\": \"Written for the unit tests\",\n",
	    "" },
	    "field purpose", "'purpose' is missing" },
	{ "copyright missing", { "\"copyright\": \"CC0 1.0\",\n", "" },
	    "field copyright", "'copyright' is missing" },
	{ "subjectType unknown", { "[\"Patient\"]", "[\"Person\"]" },
	    "field subjectType", "entry 1 is not one of" },
	{ "subjectType second entry unknown",
	    { "[\"Patient\"]", "[\"Patient\", \"Group\"]" },
	    "field subjectType", "entry 2" },
	{ "subjectType empty", { "[\"Patient\"]", "[]" },
	    "field subjectType", "must list who the answers are about" },
	{ "subjectType not a list", { "[\"Patient\"]", "\"Patient\"" },
	    "field subjectType", "must list" },
	{ "family code with a space",
	    { "  \"extension\": [\n", "  \"code\": [{\"system\": \""
	    WM_FAMILY_SYSTEM "\", \"code\": \"my family\"}],\n"
	    "  \"extension\": [\n" },
	    "field code", "measure family" },
	{ "modifierExtension", { "  \"extension\": [\n",
	    "  \"modifierExtension\": [],\n  \"extension\": [\n" },
	    "field modifierExtension", "not supported" },

	/* Who may answer. */
	{ "respondent extension missing", { "    " RESPONDENT ",\n", "" },
	    "extension respondent", "must say who may answer" },
	{ "respondent unknown",
	    { "\"valueCode\": \"person\"", "\"valueCode\": \"carer\"" },
	    "extension respondent", "entry 1: valueCode must be one of" },
	{ "respondent without a code",
	    { "\"valueCode\": \"person\"", "\"valueString\": \"person\"" },
	    "extension respondent", "valueCode must be one of" },
	{ "extension list not a list", { "  \"extension\": [\n",
	    "  \"extension\": {},\n  \"extensionX\": [\n" },
	    "field extension", "must be a list" },

	/* Items. */
	{ "no items", { "  \"item\": [\n    {\"linkId\": \"grp\"",
	    "  \"itemX\": [\n    {\"linkId\": \"grp\"" },
	    "field item", "needs at least one item" },
	{ "duplicate linkId", { "\"linkId\": \"note\"", "\"linkId\": \"q1\"" },
	    "item q1", "linkId is used more than once" },
	{ "linkId with a space", { "\"linkId\": \"note\"",
	    "\"linkId\": \"no te\"" },
	    "item no te", "linkId must be" },
	{ "linkId with a slash", { "\"linkId\": \"note\"",
	    "\"linkId\": \"note/1\"" },
	    "item note/1", "linkId must be" },
	{ "linkId with a bar", { "\"linkId\": \"note\"",
	    "\"linkId\": \"a|b\"" },
	    "item a|b", "linkId must be" },
	{ "linkId with a quote", { "\"linkId\": \"note\"",
	    "\"linkId\": \"a\\\"b\"" },
	    "item a\"b", "linkId must be" },
	{ "linkId not ASCII", { "\"linkId\": \"note\"",
	    "\"linkId\": \"caf\\u00e9\"" },
	    "item caf", "linkId must be" },
	{ "linkId of 65 characters", { "\"linkId\": \"note\"",
	    "\"linkId\": \"" LONG65 "\"" },
	    "item aaaaaaaa", "linkId must be 1 to 64" },
	{ "linkId empty", { "\"linkId\": \"note\"", "\"linkId\": \"\"" },
	    "field item", "'linkId' is empty" },
	{ "linkId not a string", { "\"linkId\": \"note\"",
	    "\"linkId\": 7" },
	    "field item", "'linkId' must be a string" },
	{ "item not an object", { "{\"linkId\": \"note\"",
	    "\"note\", {\"linkId\": \"note\"" },
	    "field item", "entry 4 is not an object" },
	{ "item type unknown", { "\"type\": \"text\"", "\"type\": \"essay\"" },
	    "item note", "type 'essay' is not supported" },
	{ "item type missing", { "\"linkId\": \"note\", \"type\": \"text\", ",
	    "\"linkId\": \"note\", " },
	    "item note", "'type' is missing" },
	{ "question without text", { ", \"text\": \"Anything else?\"", "" },
	    "item note", "'text' is missing" },
	{ "required not a boolean", { "\"required\": true",
	    "\"required\": \"yes\"" },
	    "item q1", "'required' must be true or false" },
	{ "repeating item", { "\"text\": \"Anything else?\"",
	    "\"text\": \"Anything else?\", \"repeats\": true" },
	    "item note", "repeating items are only for a plan's lists" },
	{ "repeating text item", { "\"text\": \"Anything else?\"",
	    "\"text\": \"Anything else?\", \"repeats\": true" },
	    "item note", "only a string item can repeat" },
	{ "repeats not a flag", { "\"text\": \"Anything else?\"",
	    "\"text\": \"Anything else?\", \"repeats\": \"yes\"" },
	    "item note", "'repeats' must be true or false" },
	{ "choice without options",
	    { "\"required\": true, \"answerOption\": [",
	    "\"required\": true, \"answerOptionX\": [" },
	    "item q1", "needs at least 2 answerOption" },
	{ "choice with options not a list",
	    { "\"required\": true, \"answerOption\": [",
	    "\"required\": true, \"answerOption\": {}, \"x\": [" },
	    "item q1", "needs at least 2 answerOption" },
	{ "option without valueCoding", { "{\"valueCoding\": {",
	    "{\"valueCodingX\": {" },
	    "item q1", "option 1 needs a valueCoding" },
	{ "option without code", { "\"code\": \"yes\"", "\"kode\": \"yes\"" },
	    "item q1", "'code' is missing" },
	{ "option with an empty code", { "\"code\": \"yes\"",
	    "\"code\": \"\"" },
	    "item q1", "'code' is empty" },
	{ "option without display", { "\"display\": \"Yes\"",
	    "\"label\": \"Yes\"" },
	    "item q1", "'display' is missing" },
	{ "duplicate option code", { "\"code\": \"skip\"",
	    "\"code\": \"yes\"" },
	    "item q1", "option code 'yes' appears twice" },
	{ "answerValueSet", { "\"required\": true, \"answerOption\"",
	    "\"required\": true, \"answerValueSet\": "
	    "\"https://example.org/vs\", \"answerOption\"" },
	    "item q1", "answerValueSet is not supported" },
	{ "answerOption on a text item", { "\"text\": \"Anything else?\"",
	    "\"text\": \"Anything else?\", \"answerOption\": []" },
	    "item note", "only allowed on choice items" },
	{ "group without items", { "{\"linkId\": \"note\"",
	    "{\"linkId\": \"empty\", \"type\": \"group\", "
	    "\"text\": \"Empty\", \"item\": []}, {\"linkId\": \"note\"" },
	    "item empty", "a group needs at least one item" },
	{ "group with no item list", { "{\"linkId\": \"note\"",
	    "{\"linkId\": \"empty\", \"type\": \"group\"}, "
	    "{\"linkId\": \"note\"" },
	    "item empty", "a group needs at least one item" },
	{ "group required", { "\"text\": \"Questions\", ",
	    "\"text\": \"Questions\", \"required\": true, " },
	    "item grp", "a group cannot be required" },
	{ "display item required", { "\"text\": \"Please answer\"",
	    "\"text\": \"Please answer\", \"required\": true" },
	    "item intro", "a display item cannot be required" },
	{ "a question containing items", { "\"text\": \"Anything else?\"",
	    "\"text\": \"Anything else?\", \"item\": [{\"linkId\": \"sub\", "
	    "\"type\": \"text\", \"text\": \"Sub\"}]" },
	    "item note", "only groups may contain items" },
	{ "ordinalValue not a number", { "\"valueDecimal\": 0",
	    "\"valueDecimal\": \"0\"" },
	    "item q1", "ordinalValue needs a valueDecimal number" },
	{ "ordinalValue out of range", { "\"valueDecimal\": 0",
	    "\"valueDecimal\": 1e300" },
	    "item q1", "out of range" },
	{ "two ordinalValues on one option", { "\"valueDecimal\": 0}",
	    "\"valueDecimal\": 0}, " ORD "5}" },
	    "item q1", "more than one ordinalValue" },
	/* Traffic lights: red 1, amber 2, green 3, not-rated unscored. */
	{ "traffic light with another code", { "yn\", \"code\": \"no\"",
	    "traffic-light\", \"code\": \"blue\"" },
	    "item q1", "option 'blue' is not a traffic light" },
	{ "green with red's value", { "yn\", \"code\": \"yes\"",
	    "traffic-light\", \"code\": \"green\"" },
	    "item q1", "option 'green' must have the light's ordinalValue" },
	{ "red without a value", { "yn\", \"code\": \"skip\"",
	    "traffic-light\", \"code\": \"red\"" },
	    "item q1", "option 'red' must have the light's ordinalValue" },
	{ "not rated with a value", { "yn\", \"code\": \"no\"",
	    "traffic-light\", \"code\": \"not-rated\"" },
	    "item q1", "option 'not-rated' is never scored" },
	{ "option extension not a list", { "\"extension\": [" ORD "0}]",
	    "\"extension\": " ORD "0}" },
	    "item q1", "'extension' must be a list" },

	/* Scales. */
	{ "scale names a missing item",
	    { "\"valueString\": \"q1\"}", "\"valueString\": \"q9\"}" },
	    "scale total", "names item 'q9', which does not exist" },
	{ "scale names a text item",
	    { "\"valueString\": \"q1\"}", "\"valueString\": \"note\"}" },
	    "scale total", "item 'note' must be a choice" },
	{ "scale names a display item",
	    { "\"valueString\": \"q1\"}", "\"valueString\": \"intro\"}" },
	    "scale total", "item 'intro' must be a choice" },
	{ "scale names a group",
	    { "\"valueString\": \"q1\"}", "\"valueString\": \"grp\"}" },
	    "scale total", "item 'grp' must be a choice" },
	{ "scale names a choice with one scored option",
	    { "\"display\": \"No\"}, \"extension\": [" ORD "0}]}",
	    "\"display\": \"No\"}}" },
	    "scale total", "item 'q1' must be a choice with at least 2" },
	{ "scale item without a linkId",
	    { "\"valueString\": \"q1\"}", "\"valueCode\": \"q1\"}" },
	    "scale total", "item needs a valueString linkId" },
	{ "scale lists an item twice",
	    { "{\"url\": \"reversed\"", "{\"url\": \"item\", \"valueString\": "
	    "\"q1\"}, {\"url\": \"reversed\"" },
	    "scale total", "lists item 'q1' twice" },
	{ "reversed item not in the scale",
	    { "{\"url\": \"reversed\", \"valueString\": \"q2\"}",
	    "{\"url\": \"reversed\", \"valueString\": \"note\"}" },
	    "scale total", "reverses item 'note', which is not one of its items" },
	{ "reversed item that does not exist",
	    { "{\"url\": \"reversed\", \"valueString\": \"q2\"}",
	    "{\"url\": \"reversed\", \"valueString\": \"q7\"}" },
	    "scale total", "names item 'q7'" },
	{ "scale without minAnsweredPercent",
	    { "      {\"url\": \"minAnsweredPercent\", \"valueInteger\": 80},\n",
	    "" },
	    "scale total", "needs minAnsweredPercent" },
	{ "minAnsweredPercent 0", { "\"valueInteger\": 80",
	    "\"valueInteger\": 0" },
	    "scale total", "minAnsweredPercent must be a whole number from 1 "
	    "to 100" },
	{ "minAnsweredPercent 101", { "\"valueInteger\": 80",
	    "\"valueInteger\": 101" },
	    "scale total", "from 1 to 100" },
	{ "minAnsweredPercent negative", { "\"valueInteger\": 80",
	    "\"valueInteger\": -80" },
	    "scale total", "from 1 to 100" },
	{ "minAnsweredPercent a fraction", { "\"valueInteger\": 80",
	    "\"valueInteger\": 80.5" },
	    "scale total", "from 1 to 100" },
	{ "minAnsweredPercent a string", { "\"valueInteger\": 80",
	    "\"valueInteger\": \"80\"" },
	    "scale total", "from 1 to 100" },
	{ "duplicate scale code", { "    " RESPONDENT ",\n",
	    "    " RESPONDENT ",\n    " SCALE_B ",\n" },
	    "extension scale", "code 'total' is used twice" },
	{ "scale method unknown", { "\"valueCode\": \"mean\"",
	    "\"valueCode\": \"median\"" },
	    "scale total", "method must be mean or sum" },
	{ "scale method missing",
	    { "      {\"url\": \"method\", \"valueCode\": \"mean\"},\n", "" },
	    "scale total", "method must be mean or sum" },
	{ "scale code missing",
	    { "      {\"url\": \"code\", \"valueCode\": \"total\"},\n", "" },
	    "scale", "needs a code" },
	{ "scale code with a space", { "\"valueCode\": \"total\"",
	    "\"valueCode\": \"grand total\"" },
	    "scale grand total", "code must be" },
	{ "scale title missing",
	    { "      {\"url\": \"title\", \"valueString\": \"Total\"},\n", "" },
	    "scale total", "needs a title" },
	{ "scale with no items",
	    { "      {\"url\": \"item\", \"valueString\": \"q1\"},\n", "",
	    "      {\"url\": \"item\", \"valueString\": \"q2\"},\n", "",
	    "      {\"url\": \"reversed\", \"valueString\": \"q2\"}\n",
	    "      {\"url\": \"title2\", \"valueString\": \"x\"}\n" },
	    "scale total", "needs at least one item" },
	{ "scale part unknown", { "{\"url\": \"reversed\"",
	    "{\"url\": \"weight\", \"valueInteger\": 2}, {\"url\": \"reversed\"" },
	    "scale total", "part 'weight' is not known" },
	{ "scale part without url", { "{\"url\": \"reversed\"",
	    "{\"valueInteger\": 2}, {\"url\": \"reversed\"" },
	    "scale total", "has no url" },
	{ "scale without its own extension list",
	    { "scale\", \"extension\": [\n", "scale\", \"parts\": [\n" },
	    "scale", "needs its own 'extension' list" },

	/* A scale's optional statistics (docs/instruments.md). */
	{ "reliability without sd", { REVERSED, REVERSED
	    STAT("reliability", DEC(0.8)) SOURCE },
	    "scale total", "gives reliability without sd" },
	{ "sd without reliability", { REVERSED, REVERSED STAT("sd", DEC(0.8))
	    SOURCE },
	    "scale total", "gives sd without reliability" },
	{ "reliability of 1", { REVERSED, REVERSED STAT("reliability", DEC(1))
	    STAT("sd", DEC(0.6)) SOURCE },
	    "scale total", "reliability 1 must be from 0 up to (not including) "
	    "1" },
	{ "reliability below 0", { REVERSED, REVERSED
	    STAT("reliability", DEC(-0.1)) STAT("sd", DEC(0.6)) SOURCE },
	    "scale total", "reliability -0.1 must be from 0" },
	{ "reliability as text", { REVERSED, REVERSED
	    STAT("reliability", "\"valueDecimal\": \"0.8\"")
	    STAT("sd", DEC(0.6)) SOURCE },
	    "scale total", "reliability must be a valueDecimal from 0 up to" },
	{ "reliability as a valueString", { REVERSED, REVERSED
	    STAT("reliability", "\"valueString\": \"0.8\"")
	    STAT("sd", DEC(0.6)) SOURCE },
	    "scale total", "reliability must be a valueDecimal" },
	{ "sd of 0", { REVERSED, REVERSED STAT("reliability", DEC(0.8))
	    STAT("sd", DEC(0)) SOURCE },
	    "scale total", "sd 0 must be above 0" },
	{ "sd below 0", { REVERSED, REVERSED STAT("reliability", DEC(0.8))
	    STAT("sd", DEC(-2)) SOURCE },
	    "scale total", "sd -2 must be above 0" },
	{ "sd out of range", { REVERSED, REVERSED STAT("reliability", DEC(0.8))
	    STAT("sd", DEC(1e300)) SOURCE },
	    "scale total", "sd must be a valueDecimal above 0" },
	{ "cutoff as text", { REVERSED, REVERSED
	    STAT("cutoff", "\"valueDecimal\": \"high\"") SOURCE },
	    "scale total", "cutoff must be a valueDecimal number" },
	{ "better unknown", { REVERSED, REVERSED
	    STAT("better", "\"valueCode\": \"up\"") },
	    "scale total", "better must be a valueCode: higher or lower" },
	{ "better without a code", { REVERSED, REVERSED
	    STAT("better", "\"valueString\": \"lower\"") },
	    "scale total", "better must be a valueCode" },
	{ "reliability and sd without a source", { REVERSED, REVERSED REL_SD },
	    "scale total", "without statisticsSource: say where the values "
	    "are published" },
	{ "cutoff without a source", { REVERSED, REVERSED
	    STAT("cutoff", DEC(3)) },
	    "scale total", "without statisticsSource" },
	{ "statisticsSource empty", { REVERSED, REVERSED REL_SD
	    STAT("statisticsSource", "\"valueString\": \"\"") },
	    "scale total", "'statisticsSource' is empty" },
	{ "statisticsSource not text", { REVERSED, REVERSED REL_SD
	    STAT("statisticsSource", "\"valueString\": 7") },
	    "scale total", "'statisticsSource' must be a string" },
	{ "statisticsSource without a valueString", { REVERSED, REVERSED
	    REL_SD STAT("statisticsSource", "\"valueUri\": \"https://x\"") },
	    "scale total", "statisticsSource needs a valueString" },
	{ "reliability given twice", { REVERSED, REVERSED REL_SD
	    STAT("reliability", DEC(0.7)) SOURCE },
	    "scale total", "reliability is given twice" },
	{ "better given twice", { REVERSED, REVERSED
	    STAT("better", "\"valueCode\": \"lower\"")
	    STAT("better", "\"valueCode\": \"higher\"") },
	    "scale total", "better is given twice" },
};

static void
run_bad_case(size_t i, const struct bad_case *c)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in = (struct wm_instrument *)&d;
	size_t n_pairs = 0;
	char *text;
	int rc;

	while (n_pairs < MAX_EDITS && c->edit[2 * n_pairs])
		n_pairs++;
	text = tu_edit(template, c->edit, n_pairs);
	if (!text) {
		print_error("case %zu (%s): an edit did not apply\n", i,
		    c->name);
		fail();
	}
	rc = wm_instrument_parse(text, strlen(text), &in, &d);
	free(text);
	if (rc != -1 || in != NULL || wm_diags_count(&d) == 0 ||
	    !tu_has_diag(&d, c->where, c->msg)) {
		print_error("case %zu (%s): rc %d, out %s, %zu problems; "
		    "wanted [%s] \"%s\"\n", i, c->name, rc,
		    in ? "set" : "NULL", wm_diags_count(&d), c->where, c->msg);
		tu_print_diags(c->name, &d);
		wm_instrument_free(in == (struct wm_instrument *)&d ? NULL : in);
		wm_diags_release(&d);
		fail();
	}
	/* Places are items, fields or scales, never the JSON position. */
	assert_int_equal(d.v[0].line, 0);
	wm_diags_release(&d);
}

static void
test_bad_cases(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(bad_cases); i++)
		run_bad_case(i, &bad_cases[i]);
}

/* Several problems in one file are all reported, in one pass. */
static void
test_many_problems(void **state)
{
	static const char *const edit[] = {
		"\"url\": \"https://waymark.example/fhir/Questionnaire/test\",\n",
		"",
		"[\"Patient\"]", "[\"Person\"]",
		"\"linkId\": \"note\"", "\"linkId\": \"q1\"",
		"\"valueInteger\": 80", "\"valueInteger\": 0",
		"\"code\": \"skip\"", "\"code\": \"no\"",
		"\"type\": \"display\", \"text\": \"Please answer\"",
		"\"type\": \"display\", \"text\": \"Please answer\", "
		"\"required\": true",
	};
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in = NULL;
	char *text = tu_edit(template, edit, TU_NELEM(edit) / 2);

	(void)state;
	assert_non_null(text);
	assert_int_equal(wm_instrument_parse(text, strlen(text), &in, &d), -1);
	free(text);
	assert_null(in);
	assert_true(wm_diags_count(&d) >= 6);
	assert_true(tu_has_diag(&d, "field url", "missing"));
	assert_true(tu_has_diag(&d, "field subjectType", NULL));
	assert_true(tu_has_diag(&d, "item q1", "more than once"));
	assert_true(tu_has_diag(&d, "scale total", "minAnsweredPercent"));
	assert_true(tu_has_diag(&d, "item q1", "option code 'no' appears "
	    "twice"));
	assert_true(tu_has_diag(&d, "item intro", "cannot be required"));
	wm_diags_release(&d);
}

/*
 * A scale slot is reused after a scale that is not kept (a duplicate
 * code, no code): what the next scale reports must be its own problems,
 * not what was left in the slot. After the template's scale "total",
 * scale 2 repeats "total" with two items; scale 3 has no code and one
 * item, so a slot left as scale 2 had it would index past scale 3's
 * one-entry arrays (which ASan sees: the arena poisons its free space).
 */
static void
test_scale_after_rejected_scale(void **state)
{
	static const char *const edit[] = {
		"    ]}\n  ],\n",
		"    ]},\n"
		"    {\"url\": \"" WM_EXT_BASE "scale\", \"extension\": ["
		"{\"url\": \"code\", \"valueCode\": \"total\"}, "
		"{\"url\": \"title\", \"valueString\": \"Again\"}, "
		"{\"url\": \"method\", \"valueCode\": \"sum\"}, "
		"{\"url\": \"minAnsweredPercent\", \"valueInteger\": 50}, "
		"{\"url\": \"item\", \"valueString\": \"q1\"}, "
		"{\"url\": \"item\", \"valueString\": \"q2\"}]},\n"
		"    {\"url\": \"" WM_EXT_BASE "scale\", \"extension\": ["
		"{\"url\": \"item\", \"valueString\": \"q2\"}]}\n"
		"  ],\n",
	};
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in = NULL;
	char *text = tu_edit(template, edit, 1);
	size_t i, dup = 0;

	(void)state;
	assert_non_null(text);
	assert_int_equal(wm_instrument_parse(text, strlen(text), &in, &d), -1);
	free(text);
	assert_null(in);
	/* Scale 2 is the duplicate, named once. */
	for (i = 0; i < d.n; i++)
		dup += strstr(d.v[i].message, "is used twice") != NULL;
	assert_int_equal(dup, 1);
	assert_true(tu_has_diag(&d, "extension scale", "code 'total' is used "
	    "twice"));
	/* Scale 3's own problems, none inherited from scale 2. */
	assert_true(tu_has_diag(&d, "scale", "needs a code"));
	assert_true(tu_has_diag(&d, "scale", "needs a title"));
	assert_true(tu_has_diag(&d, "scale", "method must be mean or sum"));
	assert_true(tu_has_diag(&d, "scale", "needs minAnsweredPercent"));
	assert_int_equal(d.n, 5);
	wm_diags_release(&d);
}

/* ------------------------------------------------------------------ */
/* Whole-file failures: placed by line and column                      */

struct syntax_case {
	const char *name;
	const char *edit[2];	/* on the template; NULL: use `text` */
	const char *text;
	int line;		/* 0: only check that one is set */
	const char *msg;
};

static const struct syntax_case syntax_cases[] = {
	{ "missing comma", { "\"version\": \"1.0.0\",", "\"version\": "
	    "\"1.0.0\"" }, NULL, 5, "expected" },
	{ "duplicate key", { "\"name\": \"Test\",\n", "\"name\": \"Test\",\n"
	    "  \"name\": \"Other\",\n" }, NULL, 6, "duplicate object key" },
	{ "duplicate key in an item", { "\"linkId\": \"note\"",
	    "\"linkId\": \"note\", \"linkId\": \"note2\"" }, NULL, 0,
	    "duplicate object key" },
	{ "trailing comma", { "\"reversed\", \"valueString\": \"q2\"}\n",
	    "\"reversed\", \"valueString\": \"q2\"},\n" }, NULL, 0, NULL },
	{ "a NUL escape in a string", { "\"CC0 1.0\"",
	    "\"CC0\\u00001.0\"" }, NULL, 12, NULL },
	{ "truncated", { "  ]\n}\n", "  ]\n" }, NULL, 0, NULL },
	{ "text after the object", { "  ]\n}\n", "  ]\n}\n}\n" }, NULL, 0,
	    "end of file expected" },
	{ "empty", { NULL, NULL }, "", 1, NULL },
	{ "not JSON", { NULL, NULL }, "Questionnaire", 1, NULL },
	{ "a list at the root", { NULL, NULL }, "[{\"resourceType\": "
	    "\"Questionnaire\"}]", 1, "expected a JSON object" },
	{ "a string at the root", { NULL, NULL }, "\"Questionnaire\"", 1,
	    "expected" },
	{ "a number at the root", { NULL, NULL }, "42", 1,
	    "expected" },
	{ "null at the root", { NULL, NULL }, "null", 1,
	    "expected" },
	{ "bad escape", { NULL, NULL }, "{\n\"a\": \"\\q\"\n}", 2, NULL },
};

static void
test_syntax_cases(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(syntax_cases); i++) {
		const struct syntax_case *c = &syntax_cases[i];
		struct wm_diags d = WM_DIAGS_INIT;
		struct wm_instrument *in = (struct wm_instrument *)&d;
		char *text = c->edit[0] ? tu_edit(template, c->edit, 1) :
		    strdup(c->text);
		int rc;

		assert_non_null(text);
		rc = wm_instrument_parse(text, strlen(text), &in, &d);
		free(text);
		if (rc != -1 || in != NULL || d.n != 1 || d.v[0].line < 1 ||
		    d.v[0].column < 1 || (c->line && d.v[0].line != c->line) ||
		    (c->msg && !strstr(d.v[0].message, c->msg))) {
			print_error("case %zu (%s): rc %d, %zu problems\n", i,
			    c->name, rc, d.n);
			tu_print_diags(c->name, &d);
			wm_diags_release(&d);
			fail();
		}
		assert_null(d.v[0].where);
		wm_diags_release(&d);
	}
}

/* Past WM_INSTRUMENT_MAX_BYTES the text is refused before it is read
 * (so the content here does not matter); at the limit it is read. */
static void
test_size_limit(void **state)
{
	size_t big = WM_INSTRUMENT_MAX_BYTES + 1;
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in = (struct wm_instrument *)&d;
	char *text = malloc(big);
	size_t tlen = strlen(template);

	(void)state;
	assert_non_null(text);
	/* The valid template, padded with trailing spaces. */
	memcpy(text, template, tlen);
	memset(text + tlen, ' ', big - tlen);
	assert_int_equal(wm_instrument_parse(text, big, &in, &d), -1);
	assert_null(in);
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.v[0].message, "limit"));
	wm_diags_release(&d);

	assert_int_equal(wm_instrument_parse(text, big - 1, &in, &d), 0);
	assert_non_null(in);
	assert_int_equal(wm_diags_count(&d), 0);
	wm_instrument_free(in);
	free(text);
}

/* Only the given length is read: no NUL terminator is needed, and a
 * prefix of a valid file is not valid. */
static void
test_length_respected(void **state)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in = NULL;
	size_t n = strlen(template);
	char *exact = malloc(n);

	(void)state;
	assert_non_null(exact);
	memcpy(exact, template, n);	/* no NUL: ASan checks the reads */
	assert_int_equal(wm_instrument_parse(exact, n, &in, &d), 0);
	wm_instrument_free(in);
	assert_int_equal(wm_instrument_parse(exact, n / 2, &in, &d), -1);
	assert_null(in);
	assert_int_equal(d.n, 1);
	assert_true(d.v[0].line > 1);
	free(exact);
	wm_diags_release(&d);
}

/* Problems already in the list belong to the caller: a later valid
 * parse still succeeds, and a failed one adds its own. */
static void
test_diags_shared(void **state)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in = NULL;

	(void)state;
	wm_diags_add(&d, 3, 4, "earlier", "a problem from before");
	assert_int_equal(wm_instrument_parse(template, strlen(template), &in,
	    &d), 0);
	assert_non_null(in);
	assert_int_equal(wm_diags_count(&d), 1);
	wm_instrument_free(in);
	assert_int_equal(wm_instrument_parse("[]", 2, &in, &d), -1);
	assert_int_equal(wm_diags_count(&d), 2);
	wm_diags_release(&d);
}

/* ------------------------------------------------------------------ */
/* Names and lookups                                                   */

static void
test_names(void **state)
{
	static const enum wm_subject subj[] = { WM_SUBJECT_PERSON,
	    WM_SUBJECT_SERVICE, WM_SUBJECT_STAFF };
	static const char *const fhir[] = { "Patient", "Organization",
	    "Practitioner" };
	static const enum wm_respondent resp[] = { WM_RESPONDENT_PERSON,
	    WM_RESPONDENT_WITH_PRACTITIONER, WM_RESPONDENT_STAFF,
	    WM_RESPONDENT_LEAD, WM_RESPONDENT_VALIDATOR };
	static const char *const bad[] = { "", "patient", "Person", "Group",
	    "Organization ", "PATIENT" };
	enum wm_subject s;
	enum wm_respondent r;
	size_t i;

	(void)state;
	for (i = 0; i < TU_NELEM(subj); i++) {
		assert_string_equal(wm_subject_fhir(subj[i]), fhir[i]);
		assert_int_equal(wm_subject_from_fhir(fhir[i], &s), 0);
		assert_int_equal(s, subj[i]);
		assert_non_null(wm_subject_name(subj[i]));
	}
	assert_string_equal(wm_subject_name(WM_SUBJECT_SERVICE), "service");
	for (i = 0; i < TU_NELEM(bad); i++)
		assert_int_equal(wm_subject_from_fhir(bad[i], &s), -1);
	assert_null(wm_subject_name((enum wm_subject)3));
	assert_null(wm_subject_fhir((enum wm_subject)0));
	for (i = 0; i < TU_NELEM(resp); i++) {
		const char *name = wm_respondent_name(resp[i]);

		assert_non_null(name);
		assert_int_equal(wm_respondent_from_name(name, &r), 0);
		assert_int_equal(r, resp[i]);
	}
	assert_string_equal(wm_respondent_name(WM_RESPONDENT_WITH_PRACTITIONER),
	    "person-with-practitioner");
	assert_int_equal(wm_respondent_from_name("Person", &r), -1);
	assert_int_equal(wm_respondent_from_name("", &r), -1);
	assert_null(wm_respondent_name((enum wm_respondent)3));
	assert_string_equal(wm_item_type_name(WM_ITEM_CHOICE), "choice");
	assert_string_equal(wm_item_type_name(WM_ITEM_GROUP), "group");
	assert_null(wm_item_type_name((enum wm_item_type)99));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_files),
		cmocka_unit_test(test_shipped_details),
		cmocka_unit_test(test_template_valid),
		cmocka_unit_test(test_statistics),
		cmocka_unit_test(test_orientation),
		cmocka_unit_test(test_bad_cases),
		cmocka_unit_test(test_many_problems),
		cmocka_unit_test(test_scale_after_rejected_scale),
		cmocka_unit_test(test_syntax_cases),
		cmocka_unit_test(test_size_limit),
		cmocka_unit_test(test_length_respected),
		cmocka_unit_test(test_diags_shared),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
