/*
 * The QuestionnaireResponse reader. Like the instrument loader it lists
 * every problem, and nothing it rejects is half-accepted: the caller
 * stores a response only when parse, bind and check all returned 0.
 */
#include "core/response.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/enable.h"
#include "core/fhir_json.h"
#include "util/buf.h"
#include "util/text.h"

#define MAX_ANSWER_TEXT 20000
#define MAX_ENTRY_TEXT 500	/* one entry of a plan's list */
#define MAX_REF 256

const char *
wm_response_status_name(enum wm_response_status s)
{
	return s == WM_STATUS_COMPLETED ? "completed" : "in-progress";
}

void
wm_response_free(struct wm_response *r)
{
	if (!r)
		return;
	json_decref(r->items_json);
	wm_arena_release(&r->arena);
	free(r);
}

static const char *
copy_str(struct wm_response *r, json_t *v)
{
	const char *s = json_string_value(v);

	if (!s || json_string_length(v) != strlen(s))
		return NULL;
	return wm_arena_strdup(&r->arena, s);
}

/* "Patient/WM-0001" into kind and id. */
static int
parse_ref(struct wm_response *r, json_t *obj, const char *field,
    struct wm_ref *out, struct wm_diags *d)
{
	const char *ref = json_string_value(json_object_get(obj, "reference"));
	const char *slash;
	char type[32];
	size_t n;

	if (!json_is_object(obj) || !ref) {
		wm_diags_add(d, 0, 0, field, "needs a 'reference' such as "
		    "\"Patient/ID\", \"Organization/CODE\" or "
		    "\"Practitioner/EMAIL\"");
		return -1;
	}
	slash = strchr(ref, '/');
	n = slash ? (size_t)(slash - ref) : 0;
	if (!slash || n == 0 || n >= sizeof(type) || slash[1] == '\0' ||
	    strlen(ref) > MAX_REF || strchr(slash + 1, '/')) {
		wm_diags_add(d, 0, 0, field, "reference must look like "
		    "\"Patient/ID\", \"Organization/CODE\" or "
		    "\"Practitioner/EMAIL\"");
		return -1;
	}
	memcpy(type, ref, n);
	type[n] = '\0';
	if (wm_subject_from_fhir(type, &out->kind)) {
		wm_diags_add(d, 0, 0, field, "'%s' is not a kind Waymark knows; "
		    "use \"Patient\", \"Organization\" or \"Practitioner\"",
		    type);
		return -1;
	}
	out->id = wm_arena_strdup(&r->arena, slash + 1);
	return out->id ? 0 : -1;
}

static void
parse_canonical(struct wm_response *r, json_t *root, struct wm_diags *d)
{
	const char *q = json_string_value(json_object_get(root,
	    "questionnaire"));
	const char *bar;

	if (!q) {
		wm_diags_add(d, 0, 0, "field questionnaire", "is missing; it "
		    "names the instrument and its version, as URL|VERSION");
		return;
	}
	bar = strchr(q, '|');
	if (!bar || bar == q || bar[1] == '\0' || strchr(bar + 1, '|')) {
		wm_diags_add(d, 0, 0, "field questionnaire", "must name the "
		    "instrument and its version, as URL|VERSION");
		return;
	}
	r->url = wm_arena_strndup(&r->arena, q, (size_t)(bar - q));
	r->version = wm_arena_strdup(&r->arena, bar + 1);
}

static void
parse_extensions(struct wm_response *r, json_t *root, struct wm_diags *d)
{
	json_t *ext = json_object_get(root, "extension"), *e;
	int have_respondent = 0;
	size_t i;

	if (ext && !json_is_array(ext)) {
		wm_diags_add(d, 0, 0, "field extension", "must be a list");
		return;
	}
	json_array_foreach(ext, i, e) {
		const char *url = json_string_value(json_object_get(e, "url"));
		const char *code = json_string_value(json_object_get(e,
		    "valueCode"));

		if (!url)
			continue;
		if (strcmp(url, WM_EXT_BASE "respondent") == 0) {
			have_respondent = 1;
			if (!code || wm_respondent_from_name(code, &r->respondent))
				wm_diags_add(d, 0, 0, "extension respondent",
				    "must be one of person, "
				    "person-with-practitioner, staff, lead, "
				    "validator");
		} else if (strcmp(url, WM_EXT_BASE "stakeholder") == 0) {
			if (!code || wm_stakeholder_from_code(code,
			    &r->stakeholder))
				wm_diags_add(d, 0, 0, "extension stakeholder",
				    "must be one of lived-experience, supporter, "
				    "peer-worker, practitioner, commissioner");
		} else if (strcmp(url, WM_EXT_BASE "unit") == 0) {
			struct wm_ref u;

			if (parse_ref(r, json_object_get(e, "valueReference"),
			    "extension unit", &u, d) == 0) {
				if (u.kind != WM_SUBJECT_SERVICE)
					wm_diags_add(d, 0, 0, "extension unit",
					    "must reference an Organization");
				else
					r->unit = u.id;
			}
		}
	}
	if (!have_respondent)
		wm_diags_add(d, 0, 0, "extension respondent", "is missing: say "
		    "who answered (person, person-with-practitioner, staff, "
		    "lead or validator)");
}

int
wm_response_parse(const char *text, size_t len, struct wm_response **out,
    struct wm_diags *d)
{
	struct wm_response *r = NULL;
	size_t before = wm_diags_count(d);
	const char *s;
	json_t *root, *v;

	*out = NULL;
	root = wm_fhir_json_load(text, len, WM_RESPONSE_MAX_BYTES, d);
	if (!root)
		return -1;
	r = calloc(1, sizeof(*r));
	if (!r) {
		json_decref(root);
		return -1;
	}
	s = json_string_value(json_object_get(root, "resourceType"));
	if (!s || strcmp(s, "QuestionnaireResponse") != 0)
		wm_diags_add(d, 0, 0, "field resourceType",
		    "must be QuestionnaireResponse");
	parse_canonical(r, root, d);
	s = json_string_value(json_object_get(root, "status"));
	if (s && strcmp(s, "completed") == 0)
		r->status = WM_STATUS_COMPLETED;
	else if (s && strcmp(s, "in-progress") == 0)
		r->status = WM_STATUS_IN_PROGRESS;
	else
		wm_diags_add(d, 0, 0, "field status",
		    "must be completed or in-progress");
	parse_ref(r, json_object_get(root, "subject"), "field subject",
	    &r->subject, d);
	if ((v = json_object_get(root, "author")) != NULL)
		parse_ref(r, v, "field author", &r->author, d);
	s = json_string_value(json_object_get(root, "authored"));
	if (!s || wm_datetime_parse(s, &r->authored))
		wm_diags_add(d, 0, 0, "field authored", "must be the date it "
		    "was answered, as YYYY-MM-DD or a FHIR dateTime");
	parse_extensions(r, root, d);
	v = json_object_get(root, "item");
	if (v && !json_is_array(v))
		wm_diags_add(d, 0, 0, "field item", "must be a list");
	else if (v)
		r->items_json = json_incref(v);
	json_decref(root);
	if (wm_diags_count(d) != before) {
		wm_response_free(r);
		return -1;
	}
	*out = r;
	return 0;
}

static int
alloc_slots(struct wm_response *r, const struct wm_instrument *in)
{
	r->in = in;
	r->answers = wm_arena_calloc(&r->arena, in->n_items ? in->n_items : 1,
	    sizeof(*r->answers));
	r->scores = wm_arena_calloc(&r->arena, in->n_scales ? in->n_scales : 1,
	    sizeof(*r->scores));
	return r->answers && r->scores ? 0 : -1;
}

static void
bind_answer(struct wm_response *r, const struct wm_item *it,
    struct wm_answer *a, json_t *ans, const char *where, struct wm_diags *d)
{
	json_t *v;
	char num[32];
	struct wm_date date;

	switch (it->type) {
	case WM_ITEM_CHOICE: {
		json_t *coding = json_object_get(ans, "valueCoding");
		const char *code = json_string_value(json_object_get(coding,
		    "code"));
		const char *sys = json_string_value(json_object_get(coding,
		    "system"));
		int k;

		if (!code) {
			wm_diags_add(d, 0, 0, where, "needs a valueCoding with "
			    "a code");
			return;
		}
		k = wm_item_find_option(it, code);
		if (k < 0) {
			wm_diags_add(d, 0, 0, where, "code '%.64s' is not one "
			    "of this question's options", code);
			return;
		}
		if (sys && (!it->options[k].system ||
		    strcmp(sys, it->options[k].system) != 0)) {
			wm_diags_add(d, 0, 0, where, "code '%.64s' is from a "
			    "different code system", code);
			return;
		}
		a->option = k;
		break;
	}
	case WM_ITEM_STRING:
	case WM_ITEM_TEXT:
		v = json_object_get(ans, "valueString");
		if (!json_is_string(v) || json_string_length(v) == 0 ||
		    json_string_length(v) > MAX_ANSWER_TEXT) {
			wm_diags_add(d, 0, 0, where, "needs a valueString of 1 "
			    "to %d characters", MAX_ANSWER_TEXT);
			return;
		}
		a->text = copy_str(r, v);
		if (!a->text || wm_text_check(a->text, 1) != WM_TEXT_OK) {
			wm_diags_add(d, 0, 0, where, "contains control "
			    "characters (only new lines and tabs are allowed)");
			return;
		}
		break;
	case WM_ITEM_INTEGER:
		v = json_object_get(ans, "valueInteger");
		if (!json_is_integer(v)) {
			wm_diags_add(d, 0, 0, where, "needs a valueInteger");
			return;
		}
		snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		a->text = wm_arena_strdup(&r->arena, num);
		break;
	case WM_ITEM_BOOLEAN:
		v = json_object_get(ans, "valueBoolean");
		if (!json_is_boolean(v)) {
			wm_diags_add(d, 0, 0, where, "needs a valueBoolean");
			return;
		}
		a->text = json_is_true(v) ? "true" : "false";
		break;
	case WM_ITEM_DATE:
		v = json_object_get(ans, "valueDate");
		if (!json_is_string(v) ||
		    wm_date_parse(json_string_value(v), &date)) {
			wm_diags_add(d, 0, 0, where, "needs a valueDate as "
			    "YYYY-MM-DD");
			return;
		}
		a->text = copy_str(r, v);
		break;
	case WM_ITEM_GROUP:
	case WM_ITEM_DISPLAY:
		wm_diags_add(d, 0, 0, where, "takes no answer");
		return;
	}
	a->given = 1;
}

/* A plan's list: each entry its own answer, one line of text, kept as
 * one text with a new line between entries (core/instrument.h). */
static void
bind_list(struct wm_response *r, struct wm_answer *a, json_t *answers,
    const char *where, struct wm_diags *d)
{
	struct wm_buf all = WM_BUF_INIT;
	json_t *ans;
	size_t i, n = json_is_array(answers) ? json_array_size(answers) : 0;

	if (n == 0 || n > WM_REPEATS_MAX) {
		wm_diags_add(d, 0, 0, where, "needs 1 to %d answers, one for "
		    "each entry of the list", WM_REPEATS_MAX);
		return;
	}
	json_array_foreach(answers, i, ans) {
		json_t *v = json_object_get(ans, "valueString");
		const char *s = json_string_value(v);

		if (!s || json_string_length(v) == 0 ||
		    json_string_length(v) > MAX_ENTRY_TEXT ||
		    json_string_length(v) != strlen(s) ||
		    wm_text_check(s, 0) != WM_TEXT_OK) {
			wm_diags_add(d, 0, 0, where, "answer %zu needs a "
			    "valueString of 1 to %d characters on one line",
			    i + 1, MAX_ENTRY_TEXT);
			goto out;
		}
		if (i)
			wm_buf_putc(&all, '\n');
		wm_buf_puts(&all, s);
	}
	if (!(a->text = wm_arena_strdup(&r->arena, wm_buf_str(&all))))
		wm_diags_add(d, 0, 0, where, "out of memory");
	else
		a->given = 1;
out:
	wm_buf_release(&all);
}

static void bind_items(struct wm_response *, json_t *, int,
    struct wm_diags *);

static void
bind_item(struct wm_response *r, json_t *item, int parent, struct wm_diags *d)
{
	const char *link = json_string_value(json_object_get(item, "linkId"));
	const struct wm_item *it;
	json_t *answers = json_object_get(item, "answer");
	char where[96];
	int k;

	if (!link) {
		wm_diags_add(d, 0, 0, "field item", "an item has no linkId");
		return;
	}
	snprintf(where, sizeof(where), "item %.64s", link);
	k = wm_instrument_find_item(r->in, link);
	if (k < 0) {
		wm_diags_add(d, 0, 0, where, "is not a question of %s version %s",
		    r->in->title, r->in->version);
		return;
	}
	it = &r->in->items[k];
	if (it->parent != parent) {
		wm_diags_add(d, 0, 0, where, "is not where the instrument puts "
		    "it (inside %s)", it->parent < 0 ? "no group" :
		    r->in->items[it->parent].link_id);
		return;
	}
	if (it->type == WM_ITEM_GROUP) {
		if (answers)
			wm_diags_add(d, 0, 0, where, "is a group and takes no "
			    "answer");
		bind_items(r, json_object_get(item, "item"), k, d);
		return;
	}
	if (json_object_get(item, "item"))
		wm_diags_add(d, 0, 0, where, "is a question; it cannot "
		    "contain items");
	if (r->answers[k].given) {
		wm_diags_add(d, 0, 0, where, "is answered more than once");
		return;
	}
	if (!answers)
		return;
	if (it->repeats) {
		bind_list(r, &r->answers[k], answers, where, d);
		return;
	}
	if (!json_is_array(answers) || json_array_size(answers) != 1 ||
	    !json_is_object(json_array_get(answers, 0))) {
		wm_diags_add(d, 0, 0, where, "needs exactly one answer");
		return;
	}
	bind_answer(r, it, &r->answers[k], json_array_get(answers, 0), where, d);
}

static void
bind_items(struct wm_response *r, json_t *arr, int parent, struct wm_diags *d)
{
	json_t *item;
	size_t i;

	if (!arr)
		return;
	if (!json_is_array(arr)) {
		wm_diags_add(d, 0, 0, "field item", "must be a list");
		return;
	}
	json_array_foreach(arr, i, item) {
		if (!json_is_object(item))
			wm_diags_add(d, 0, 0, "field item", "entry %zu is not an "
			    "object", i + 1);
		else
			bind_item(r, item, parent, d);
	}
}

int
wm_response_bind(struct wm_response *r, const struct wm_instrument *in,
    const struct wm_date *today, struct wm_diags *d)
{
	size_t before = wm_diags_count(d);

	if (strcmp(r->url, in->url) != 0 || strcmp(r->version, in->version)) {
		wm_diags_add(d, 0, 0, "field questionnaire", "does not match "
		    "the instrument given");
		return -1;
	}
	if (alloc_slots(r, in)) {
		wm_diags_add(d, 0, 0, NULL, "out of memory");
		return -1;
	}
	bind_items(r, r->items_json, -1, d);
	if (wm_diags_count(d) != before)
		return -1;
	return wm_response_check(r, today, d);
}

struct wm_response *
wm_response_new(const struct wm_instrument *in)
{
	struct wm_response *r = calloc(1, sizeof(*r));

	if (!r)
		return NULL;
	r->url = in->url;
	r->version = in->version;
	if (alloc_slots(r, in)) {
		wm_response_free(r);
		return NULL;
	}
	return r;
}

int
wm_response_set_choice(struct wm_response *r, const char *link_id,
    const char *code)
{
	int k = wm_instrument_find_item(r->in, link_id), o;

	if (k < 0 || r->in->items[k].type != WM_ITEM_CHOICE)
		return -1;
	o = wm_item_find_option(&r->in->items[k], code);
	if (o < 0)
		return -1;
	r->answers[k].given = 1;
	r->answers[k].option = o;
	return 0;
}

/* Item k answered with a copy of `text`. */
static int
keep_text(struct wm_response *r, size_t k, const char *text)
{
	r->answers[k].text = wm_arena_strdup(&r->arena, text);
	if (!r->answers[k].text)
		return -1;
	r->answers[k].given = 1;
	return 0;
}

/* A list's entries, a new line between each: 1 to WM_REPEATS_MAX, none
 * empty, none longer than one entry may be. */
static int
list_ok(const char *s)
{
	size_t n = 0, len;
	const char *nl;

	for (;; s = nl + 1) {
		nl = strchr(s, '\n');
		len = nl ? (size_t)(nl - s) : strlen(s);
		if (len == 0 || len > MAX_ENTRY_TEXT || ++n > WM_REPEATS_MAX)
			return 0;
		if (!nl)
			return 1;
	}
}

int
wm_response_set_text(struct wm_response *r, const char *link_id,
    const char *text)
{
	int k = wm_instrument_find_item(r->in, link_id);

	if (k < 0 || (r->in->items[k].type != WM_ITEM_TEXT &&
	    r->in->items[k].type != WM_ITEM_STRING) || text[0] == '\0')
		return -1;
	if (r->in->items[k].repeats && !list_ok(text))
		return -1;
	return keep_text(r, (size_t)k, text);
}

int
wm_response_set_answer(struct wm_response *r, const char *link_id,
    const char *text)
{
	int k = wm_instrument_find_item(r->in, link_id);
	struct wm_date date;
	long long v;
	char *end, num[32];

	if (k < 0 || text[0] == '\0')
		return -1;
	switch (r->in->items[k].type) {
	case WM_ITEM_CHOICE:
		return wm_response_set_choice(r, link_id, text);
	case WM_ITEM_STRING:
	case WM_ITEM_TEXT:
		return wm_response_set_text(r, link_id, text);
	case WM_ITEM_DATE:
		if (wm_date_parse(text, &date))
			return -1;
		break;
	case WM_ITEM_BOOLEAN:
		if (strcmp(text, "true") != 0 && strcmp(text, "false") != 0)
			return -1;
		break;
	case WM_ITEM_INTEGER:
		errno = 0;
		v = strtoll(text, &end, 10);
		if (errno || end == text || *end)
			return -1;
		/* Kept as the JSON reader keeps it: no sign or zeros added. */
		snprintf(num, sizeof(num), "%lld", v);
		text = num;
		break;
	case WM_ITEM_GROUP:
	case WM_ITEM_DISPLAY:
		return -1;
	}
	return keep_text(r, (size_t)k, text);
}

/*
 * Waymark: "label who answered: every response records whether the
 * person answered alone, together with a practitioner, or staff did; a
 * person answers only for themselves; a lead's or a validator's rating
 * says who gave it, a validator's in their stakeholder group"
 */
static void
check_roles(const struct wm_response *r, struct wm_diags *d)
{
	const struct wm_instrument *in = r->in;
	/* NULL when a program built the response and never set them. */
	const char *about = wm_subject_name(r->subject.kind);
	const char *who = wm_respondent_name(r->respondent);

	if (!((unsigned)r->subject.kind & in->subjects))
		wm_diags_add(d, 0, 0, "field subject", "%s is answered about "
		    "%s, not about a %s", in->title,
		    in->subjects & WM_SUBJECT_PERSON ? "a person" :
		    in->subjects & WM_SUBJECT_SERVICE ? "a service" :
		    "a staff member", about ? about : "subject of unknown kind");
	if (!((unsigned)r->respondent & in->respondents))
		wm_diags_add(d, 0, 0, "extension respondent", "%s is not "
		    "answered by '%s'", in->title, who ? who : "unknown");
	if (r->respondent == WM_RESPONDENT_VALIDATOR &&
	    r->stakeholder == WM_STAKEHOLDER_NONE)
		wm_diags_add(d, 0, 0, "extension stakeholder", "a validator's "
		    "response must say which stakeholder group they speak for");
	if (r->respondent != WM_RESPONDENT_VALIDATOR &&
	    r->stakeholder != WM_STAKEHOLDER_NONE)
		wm_diags_add(d, 0, 0, "extension stakeholder", "is only for "
		    "validators");
	if (r->author.id && r->author.kind == WM_SUBJECT_SERVICE)
		wm_diags_add(d, 0, 0, "field author", "must be a person "
		    "(\"Patient/ID\") or a staff member (\"Practitioner/EMAIL\")");
	else if (r->author.id && (r->author.kind == WM_SUBJECT_PERSON) !=
	    (r->respondent == WM_RESPONDENT_PERSON ||
	    r->respondent == WM_RESPONDENT_WITH_PRACTITIONER))
		wm_diags_add(d, 0, 0, "field author", "does not match the "
		    "respondent '%s'", wm_respondent_name(r->respondent));
	if ((r->respondent == WM_RESPONDENT_LEAD ||
	    r->respondent == WM_RESPONDENT_VALIDATOR) && !r->author.id)
		wm_diags_add(d, 0, 0, "field author", "a lead's or a validator's "
		    "rating must say who gave it (\"Practitioner/EMAIL\")");
	/* A person's own answers are theirs: nobody else answers as them. */
	if (r->author.id && r->author.kind == WM_SUBJECT_PERSON &&
	    r->subject.kind == WM_SUBJECT_PERSON && r->subject.id &&
	    strcmp(r->author.id, r->subject.id) != 0)
		wm_diags_add(d, 0, 0, "field author", "a person answers only "
		    "for themselves: the author must be the subject");
	if ((r->respondent == WM_RESPONDENT_PERSON ||
	    r->respondent == WM_RESPONDENT_WITH_PRACTITIONER) &&
	    r->subject.kind == WM_SUBJECT_STAFF)
		wm_diags_add(d, 0, 0, "extension respondent", "a person using "
		    "services cannot answer about a staff member");
}

static int
any_answer(const struct wm_response *r)
{
	size_t i;

	for (i = 0; i < r->in->n_items; i++)
		if (r->answers[i].given)
			return 1;
	return 0;
}

/* A draft keeps answers to come back to: one with none keeps nothing, and
 * would only claim a form was started. The problem is put on the first
 * question, where the person would start. */
static void
blank_draft(const struct wm_response *r, struct wm_diags *d)
{
	char where[96];
	size_t i;

	for (i = 0; i < r->in->n_items; i++) {
		if (r->in->items[i].type == WM_ITEM_GROUP ||
		    r->in->items[i].type == WM_ITEM_DISPLAY)
			continue;
		snprintf(where, sizeof(where), "item %.64s",
		    r->in->items[i].link_id);
		wm_diags_add(d, 0, 0, where, "needs an answer: a response saved "
		    "to finish later keeps at least one answer");
		return;
	}
}

/* A required question left unanswered. One asked only sometimes says
 * why it is needed, in the item's own words: "Standard 3, Action owner:
 * needed because the traffic light rating is not Green". */
static void
missing(const struct wm_response *r, size_t i, struct wm_diags *d)
{
	struct wm_buf why = WM_BUF_INIT;
	char where[96];

	snprintf(where, sizeof(where), "item %.64s", r->in->items[i].link_id);
	if (!wm_item_conditional(r->in, i)) {
		wm_diags_add(d, 0, 0, where, "needs an answer (a completed "
		    "response answers every required question; save it as "
		    "in-progress to finish later)");
		return;
	}
	wm_item_label(r->in, i, &why);
	wm_buf_puts(&why, ": needed because ");
	wm_item_condition_text(r->in, i, &why);
	wm_diags_add(d, 0, 0, where, "%s", wm_buf_str(&why));
	wm_buf_release(&why);
}

int
wm_response_check(struct wm_response *r, const struct wm_date *today,
    struct wm_diags *d)
{
	size_t before = wm_diags_count(d), i, n = r->in->n_items;
	struct wm_answer *counted;
	int *enabled;

	enabled = wm_arena_calloc(&r->arena, n ? n : 1, sizeof(*enabled));
	counted = wm_arena_calloc(&r->arena, n ? n : 1, sizeof(*counted));
	if (!enabled || !counted) {
		wm_diags_add(d, 0, 0, NULL, "out of memory");
		return -1;
	}
	wm_items_enabled(r->in, r->answers, enabled);
	check_roles(r, d);
	if (wm_date_cmp(&r->authored, today) > 0)
		wm_diags_add(d, 0, 0, "field authored", "is in the future");
	if (r->status == WM_STATUS_IN_PROGRESS && !any_answer(r))
		blank_draft(r, d);
	if (r->status == WM_STATUS_COMPLETED)
		for (i = 0; i < n; i++)
			if (r->in->items[i].required && enabled[i] &&
			    !r->answers[i].given)
				missing(r, i, d);
	if (wm_diags_count(d) != before)
		return -1;
	/* An answer to a question not asked is kept (docs/instruments.md)
	 * but, like one never given, not scored. */
	for (i = 0; i < n; i++) {
		counted[i] = r->answers[i];
		counted[i].given = r->answers[i].given && enabled[i];
	}
	wm_score_scales(r->in, counted, r->scores);
	return 0;
}
