/*
 * Fuzz target: what a person's plans read from outside. The first byte
 * chooses: 0, the network's list of services to contact day or night
 * (wm_crisis_contacts_problem: a list it keeps is 1 to 10 lines, each
 * non-empty, at most 200 bytes, with no space at either end); 1, a
 * practitioner's reason for opening a plan in a crisis (a reason it
 * takes is at most 500 bytes); else, a plan version as a
 * QuestionnaireResponse, read against a small plan template with a list,
 * which, when it is taken, is written back as FHIR and read again to the
 * same answers (the shape every version is kept in and leaves Waymark
 * in).
 */
#include <jansson.h>
#include <string.h>

#include "core/instrument.h"
#include "core/plan.h"
#include "core/response.h"
#include "util/buf.h"
#include "util/diag.h"

#include "fuzz.h"

#define EXT "https://waymark.example/fhir/StructureDefinition/"

static const char plan[] =
    "{\"resourceType\": \"Questionnaire\","
    " \"url\": \"https://waymark.example/fhir/Questionnaire/plan\","
    " \"version\": \"1.0.0\", \"name\": \"FuzzPlan\", \"title\": \"A plan\","
    " \"status\": \"active\", \"subjectType\": [\"Patient\"],"
    " \"code\": [{\"system\": \"https://waymark.example/fhir/CodeSystem/"
    "measure-family\", \"code\": \"safety-plan\"}],"
    " \"publisher\": \"fuzz\", \"description\": \"fuzz\", \"purpose\": \"fuzz\","
    " \"copyright\": \"CC0\", \"extension\": ["
    "{\"url\": \"" EXT "kind\", \"valueCode\": \"plan\"},"
    "{\"url\": \"" EXT "respondent\", \"valueCode\": \"person\"},"
    "{\"url\": \"" EXT "respondent\", \"valueCode\": \"person-with-practitioner\"}],"
    " \"item\": [{\"linkId\": \"grp\", \"type\": \"group\", \"text\": \"Me\","
    " \"item\": [{\"linkId\": \"well\", \"type\": \"text\", \"text\": \"Well\"},"
    " {\"linkId\": \"people\", \"type\": \"string\", \"text\": \"People\","
    " \"repeats\": true}]},"
    " {\"linkId\": \"ok\", \"type\": \"boolean\", \"text\": \"OK?\"},"
    " {\"linkId\": \"agreed\", \"type\": \"date\", \"text\": \"Agreed\"}]}";

static struct wm_instrument *in;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct wm_diags d = WM_DIAGS_INIT;

	(void)argc;
	(void)argv;
	if (wm_instrument_parse(plan, strlen(plan), &in, &d)) {
		fprintf(stderr, "fuzz_plan: the template does not load: %s\n",
		    d.n ? d.v[0].message : "?");
		abort();
	}
	wm_diags_release(&d);
	return 0;
}

static void
contacts(const char *text)
{
	struct wm_buf out = WM_BUF_INIT;
	const char *s, *nl;
	size_t lines = 0, len;

	if (!wm_crisis_contacts_problem(text, &out)) {
		for (s = wm_buf_str(&out); ; s = nl + 1) {
			nl = strchr(s, '\n');
			len = nl ? (size_t)(nl - s) : strlen(s);
			FUZZ_CHECK(len > 0 && len <= WM_CRISIS_CONTACT_MAX_LINE);
			FUZZ_CHECK(s[0] != ' ' && s[0] != '\t');
			FUZZ_CHECK(s[len - 1] != ' ' && s[len - 1] != '\t' &&
			    s[len - 1] != '\r');
			lines++;
			if (!nl)
				break;
		}
		FUZZ_CHECK(lines >= 1 && lines <= WM_CRISIS_CONTACTS_MAX);
	}
	wm_buf_release(&out);
}

/* A response read against the template and checked; NULL otherwise. */
static struct wm_response *
read_back(const char *text, size_t len)
{
	static const struct wm_date today = { 2026, 12, 7 };
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_response *r = NULL;

	if (wm_response_parse(text, len, &r, &d) ||
	    wm_response_bind(r, in, &today, &d) ||
	    wm_response_check(r, &today, &d)) {
		wm_response_free(r);
		r = NULL;
	}
	wm_diags_release(&d);
	return r;
}

static void
round_trip(const char *text, size_t len)
{
	struct wm_response *r = read_back(text, len), *again;
	json_t *fhir;
	char *out;
	size_t k;

	if (!r)
		return;
	fhir = wm_response_to_fhir(r);
	FUZZ_CHECK(fhir != NULL);
	out = json_dumps(fhir, JSON_COMPACT);
	FUZZ_CHECK(out != NULL);
	again = read_back(out, strlen(out));
	FUZZ_CHECK(again != NULL);
	for (k = 0; k < in->n_items; k++) {
		FUZZ_CHECK(again->answers[k].given == r->answers[k].given);
		if (r->answers[k].given && r->answers[k].text)
			FUZZ_CHECK(strcmp(again->answers[k].text,
			    r->answers[k].text) == 0);
	}
	wm_response_free(again);
	free(out);
	json_decref(fhir);
	wm_response_free(r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text;

	if (size == 0)
		return 0;
	if (!(text = malloc(size)))
		return 0;
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	if (data[0] == 0)
		contacts(text);
	else if (data[0] == 1)
		(void)wm_plan_crisis_reason_problem(text);
	else
		round_trip(text, size - 1);
	free(text);
	return 0;
}
