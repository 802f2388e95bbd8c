/*
 * The Questionnaire loader. It accepts the FHIR R4 subset documented in
 * docs/instruments.md and reports every problem it finds, so a service
 * manager can fix a file in one pass rather than one error at a time.
 */
#include "core/instrument.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/fhir_json.h"
#include "core/rating.h"
#include "util/text.h"

#define MAX_TEXT 20000
#define MAX_LINK_ID 64
#define MAX_OPTIONS 100
#define MAX_DEPTH 8
#define MAX_ORDINAL 1e6
#define MAX_CONDITIONS 16

struct loader {
	struct wm_instrument *in;
	struct wm_diags *d;
	size_t cap_items;
};

static const struct {
	const char *name;
	enum wm_item_type type;
} item_types[] = {
	{ "group", WM_ITEM_GROUP },
	{ "display", WM_ITEM_DISPLAY },
	{ "choice", WM_ITEM_CHOICE },
	{ "string", WM_ITEM_STRING },
	{ "text", WM_ITEM_TEXT },
	{ "integer", WM_ITEM_INTEGER },
	{ "date", WM_ITEM_DATE },
	{ "boolean", WM_ITEM_BOOLEAN },
};

static const struct {
	const char *name;
	const char *fhir;
	enum wm_subject subject;
} subjects[] = {
	{ "person", "Patient", WM_SUBJECT_PERSON },
	{ "service", "Organization", WM_SUBJECT_SERVICE },
	{ "staff", "Practitioner", WM_SUBJECT_STAFF },
};

static const struct {
	const char *name;
	enum wm_respondent respondent;
} respondents[] = {
	{ "person", WM_RESPONDENT_PERSON },
	{ "person-with-practitioner", WM_RESPONDENT_WITH_PRACTITIONER },
	{ "staff", WM_RESPONDENT_STAFF },
	{ "lead", WM_RESPONDENT_LEAD },
	{ "validator", WM_RESPONDENT_VALIDATOR },
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

const char *
wm_item_type_name(enum wm_item_type t)
{
	size_t i;

	for (i = 0; i < NELEM(item_types); i++)
		if (item_types[i].type == t)
			return item_types[i].name;
	return NULL;
}

const char *
wm_subject_name(enum wm_subject s)
{
	size_t i;

	for (i = 0; i < NELEM(subjects); i++)
		if (subjects[i].subject == s)
			return subjects[i].name;
	return NULL;
}

const char *
wm_subject_fhir(enum wm_subject s)
{
	size_t i;

	for (i = 0; i < NELEM(subjects); i++)
		if (subjects[i].subject == s)
			return subjects[i].fhir;
	return NULL;
}

int
wm_subject_from_fhir(const char *fhir_type, enum wm_subject *out)
{
	size_t i;

	for (i = 0; i < NELEM(subjects); i++)
		if (strcmp(subjects[i].fhir, fhir_type) == 0) {
			*out = subjects[i].subject;
			return 0;
		}
	return -1;
}

const char *
wm_respondent_name(enum wm_respondent r)
{
	size_t i;

	for (i = 0; i < NELEM(respondents); i++)
		if (respondents[i].respondent == r)
			return respondents[i].name;
	return NULL;
}

int
wm_respondent_from_name(const char *name, enum wm_respondent *out)
{
	size_t i;

	for (i = 0; i < NELEM(respondents); i++)
		if (strcmp(respondents[i].name, name) == 0) {
			*out = respondents[i].respondent;
			return 0;
		}
	return -1;
}

static int
valid_link_id(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > MAX_LINK_ID)
		return 0;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
			return 0;
	}
	return 1;
}

/* A string field: NULL (and a problem noted, if required) when absent. */
static const char *str_value(struct loader *, json_t *, const char *,
    const char *, int);

static const char *
str_field(struct loader *l, json_t *obj, const char *key, const char *where,
    int required)
{
	json_t *v = json_object_get(obj, key);

	if (!v) {
		if (required)
			wm_diags_add(l->d, 0, 0, where, "'%s' is missing", key);
		return NULL;
	}
	return str_value(l, v, key, where, required);
}

/* The string `v` (the value of field `key`), checked and copied. */
static const char *
str_value(struct loader *l, json_t *v, const char *key, const char *where,
    int required)
{
	const char *s;

	if (!json_is_string(v)) {
		wm_diags_add(l->d, 0, 0, where, "'%s' must be a string", key);
		return NULL;
	}
	s = json_string_value(v);
	if (json_string_length(v) != strlen(s)) {
		wm_diags_add(l->d, 0, 0, where, "'%s' contains a NUL character",
		    key);
		return NULL;
	}
	if (required && s[0] == '\0') {
		wm_diags_add(l->d, 0, 0, where, "'%s' is empty", key);
		return NULL;
	}
	if (strlen(s) > MAX_TEXT) {
		wm_diags_add(l->d, 0, 0, where,
		    "'%s' is longer than %d characters", key, MAX_TEXT);
		return NULL;
	}
	if (wm_text_check(s, 1) != WM_TEXT_OK) {
		wm_diags_add(l->d, 0, 0, where, "'%s' contains control "
		    "characters (only new lines and tabs are allowed)", key);
		return NULL;
	}
	return wm_arena_strdup(&l->in->arena, s);
}

static void
load_header(struct loader *l, json_t *root)
{
	struct wm_instrument *in = l->in;
	const char *rt = str_field(l, root, "resourceType", "field resourceType", 1);

	if (rt && strcmp(rt, "Questionnaire") != 0)
		wm_diags_add(l->d, 0, 0, "field resourceType",
		    "is '%s', but an instrument must be a Questionnaire", rt);
	in->url = str_field(l, root, "url", "field url", 1);
	if (in->url && strncmp(in->url, "http://", 7) != 0 &&
	    strncmp(in->url, "https://", 8) != 0 &&
	    strncmp(in->url, "urn:", 4) != 0)
		wm_diags_add(l->d, 0, 0, "field url",
		    "must be an absolute URL (https://...) or a urn:");
	if (in->url && strchr(in->url, '|'))
		wm_diags_add(l->d, 0, 0, "field url",
		    "must not contain '|' (the version goes in 'version')");
	in->version = str_field(l, root, "version", "field version", 1);
	if (in->version && strchr(in->version, '|'))
		wm_diags_add(l->d, 0, 0, "field version", "must not contain '|'");
	in->name = str_field(l, root, "name", "field name", 1);
	in->title = str_field(l, root, "title", "field title", 1);
	in->status = str_field(l, root, "status", "field status", 1);
	if (in->status && strcmp(in->status, "active") != 0 &&
	    strcmp(in->status, "draft") != 0 &&
	    strcmp(in->status, "retired") != 0)
		wm_diags_add(l->d, 0, 0, "field status",
		    "must be active, draft or retired, not '%s'", in->status);
	in->publisher = str_field(l, root, "publisher", "field publisher", 1);
	in->description = str_field(l, root, "description",
	    "field description", 1);
	in->purpose = str_field(l, root, "purpose",
	    "field purpose (the instrument's source and authors)", 1);
	in->copyright = str_field(l, root, "copyright",
	    "field copyright (copyright and licence)", 1);
}

/* Questionnaire.code in our family system groups versions and related
 * instruments (both DREEM parts are "dreem") for reports. */
static void
load_family(struct loader *l, json_t *root)
{
	json_t *arr = json_object_get(root, "code"), *c;
	size_t i;

	if (arr && !json_is_array(arr)) {
		wm_diags_add(l->d, 0, 0, "field code", "must be a list of codings");
		return;
	}
	json_array_foreach(arr, i, c) {
		const char *sys = json_string_value(json_object_get(c, "system"));

		if (!sys || strcmp(sys, WM_FAMILY_SYSTEM) != 0)
			continue;
		l->in->family = str_field(l, c, "code", "field code", 1);
		if (l->in->family && !valid_link_id(l->in->family))
			wm_diags_add(l->d, 0, 0, "field code", "a measure family "
			    "must be letters, digits, '-', '_' or '.'");
		return;
	}
}

static void
load_subjects(struct loader *l, json_t *root)
{
	json_t *arr = json_object_get(root, "subjectType"), *v;
	size_t i;

	if (!json_is_array(arr) || json_array_size(arr) == 0) {
		wm_diags_add(l->d, 0, 0, "field subjectType",
		    "must list who the answers are about: \"Patient\" (a person), "
		    "\"Organization\" (a service) or \"Practitioner\" (a staff "
		    "member)");
		return;
	}
	json_array_foreach(arr, i, v) {
		enum wm_subject s;

		if (!json_is_string(v) ||
		    wm_subject_from_fhir(json_string_value(v), &s)) {
			wm_diags_add(l->d, 0, 0, "field subjectType",
			    "entry %zu is not one of \"Patient\", "
			    "\"Organization\", \"Practitioner\"", i + 1);
			continue;
		}
		l->in->subjects |= (unsigned)s;
	}
}

static double
item_ordinal(struct loader *l, json_t *opt, const char *where, int *scored)
{
	json_t *ext = json_object_get(opt, "extension"), *e;
	double value = 0;
	size_t i;

	*scored = 0;
	if (!ext)
		return 0;
	if (!json_is_array(ext)) {
		wm_diags_add(l->d, 0, 0, where, "'extension' must be a list");
		return 0;
	}
	json_array_foreach(ext, i, e) {
		const char *url = json_string_value(json_object_get(e, "url"));
		json_t *v;
		double x;

		if (!url || strcmp(url, WM_FHIR_ORDINAL) != 0)
			continue;
		v = json_object_get(e, "valueDecimal");
		if (!v)
			v = json_object_get(e, "valueInteger");
		if (!json_is_number(v)) {
			wm_diags_add(l->d, 0, 0, where,
			    "ordinalValue needs a valueDecimal number");
			return 0;
		}
		x = json_number_value(v);
		if (!isfinite(x) || fabs(x) > MAX_ORDINAL) {
			wm_diags_add(l->d, 0, 0, where,
			    "ordinalValue %g is out of range", x);
			return 0;
		}
		if (*scored) {
			wm_diags_add(l->d, 0, 0, where,
			    "has more than one ordinalValue");
			*scored = 0;
			return 0;
		}
		/* Read on: a second ordinalValue makes the value ambiguous. */
		*scored = 1;
		value = x;
	}
	return value;
}

static void
load_options(struct loader *l, struct wm_item *it, json_t *item,
    const char *where)
{
	json_t *arr = json_object_get(item, "answerOption"), *o;
	size_t i, j;

	if (json_object_get(item, "answerValueSet")) {
		wm_diags_add(l->d, 0, 0, where,
		    "answerValueSet is not supported; list the options as "
		    "answerOption");
		return;
	}
	if (!json_is_array(arr) || json_array_size(arr) < 2) {
		wm_diags_add(l->d, 0, 0, where,
		    "a choice item needs at least 2 answerOption entries");
		return;
	}
	if (json_array_size(arr) > MAX_OPTIONS) {
		wm_diags_add(l->d, 0, 0, where, "has more than %d options",
		    MAX_OPTIONS);
		return;
	}
	it->options = wm_arena_calloc(&l->in->arena, json_array_size(arr),
	    sizeof(*it->options));
	if (!it->options)
		return;
	json_array_foreach(arr, i, o) {
		struct wm_option *op = &it->options[it->n_options];
		json_t *coding = json_object_get(o, "valueCoding");
		const char *light;
		int scored;

		if (!json_is_object(coding)) {
			wm_diags_add(l->d, 0, 0, where,
			    "option %zu needs a valueCoding", i + 1);
			continue;
		}
		op->code = str_field(l, coding, "code", where, 1);
		op->display = str_field(l, coding, "display", where, 1);
		op->system = str_field(l, coding, "system", where, 0);
		op->value = item_ordinal(l, o, where, &scored);
		op->scored = scored;
		if (!op->code || !op->display)
			continue;
		for (j = 0; j < it->n_options; j++)
			if (strcmp(it->options[j].code, op->code) == 0)
				break;
		if (j < it->n_options) {
			wm_diags_add(l->d, 0, 0, where,
			    "option code '%s' appears twice", op->code);
			continue;
		}
		if ((light = wm_rating_option_problem(op)))
			wm_diags_add(l->d, 0, 0, where, "option '%s' %s",
			    op->code, light);
		if (scored) {
			if (it->n_scored == 0 || op->value < it->min)
				it->min = op->value;
			if (it->n_scored == 0 || op->value > it->max)
				it->max = op->value;
			it->n_scored++;
		}
		it->n_options++;
	}
}

static int
parse_item_type(const char *s, enum wm_item_type *out)
{
	size_t i;

	for (i = 0; i < NELEM(item_types); i++)
		if (strcmp(item_types[i].name, s) == 0) {
			*out = item_types[i].type;
			return 0;
		}
	return -1;
}


static const struct {
	const char *name;
	enum wm_enable_op op;
} enable_ops[] = {
	{ "exists", WM_OP_EXISTS },
	{ "=", WM_OP_EQ },
	{ "!=", WM_OP_NE },
	{ ">", WM_OP_GT },
	{ "<", WM_OP_LT },
	{ ">=", WM_OP_GE },
	{ "<=", WM_OP_LE },
};

/* The answer[x] a condition on a question of each type must use. */
static const char *
answer_key(enum wm_item_type t)
{
	switch (t) {
	case WM_ITEM_CHOICE:
		return "answerCoding";
	case WM_ITEM_STRING:
	case WM_ITEM_TEXT:
		return "answerString";
	case WM_ITEM_INTEGER:
		return "answerInteger";
	case WM_ITEM_DATE:
		return "answerDate";
	case WM_ITEM_BOOLEAN:
		return "answerBoolean";
	case WM_ITEM_GROUP:
	case WM_ITEM_DISPLAY:
		break;
	}
	return NULL;
}

/* The one answer[x] of a condition, its key in *key; NULL (and a problem
 * noted) when there is none or more than one. */
static json_t *
condition_answer(struct loader *l, json_t *c, const char *where, size_t pos,
    const char **key)
{
	json_t *v, *found = NULL;
	const char *k;
	int n = 0;

	json_object_foreach(c, k, v) {
		if (strncmp(k, "answer", 6) != 0)
			continue;
		n++;
		found = v;
		*key = k;
	}
	if (n != 1) {
		wm_diags_add(l->d, 0, 0, where, "enableWhen %zu needs exactly "
		    "one answer (answerCoding, answerBoolean, answerString, "
		    "answerInteger or answerDate)", pos);
		return NULL;
	}
	return found;
}

/* The value a condition compares with, which must be of the type of the
 * question it reads. Returns 0 when it is. */
static int
condition_value(struct loader *l, struct wm_enable_when *ew,
    const struct wm_item *q, json_t *v, const char *where, size_t pos)
{
	const char *code, *sys;
	int k;

	switch (q->type) {
	case WM_ITEM_CHOICE:
		code = json_string_value(json_object_get(v, "code"));
		sys = json_string_value(json_object_get(v, "system"));
		if (!json_is_object(v) || !code) {
			wm_diags_add(l->d, 0, 0, where, "enableWhen %zu: "
			    "answerCoding needs a code", pos);
			return -1;
		}
		k = wm_item_find_option(q, code);
		if (k < 0) {
			wm_diags_add(l->d, 0, 0, where, "enableWhen %zu: code "
			    "'%.64s' is not one of the options of question "
			    "'%s'", pos, code, q->link_id);
			return -1;
		}
		if (sys && (!q->options[k].system ||
		    strcmp(sys, q->options[k].system) != 0)) {
			wm_diags_add(l->d, 0, 0, where, "enableWhen %zu: code "
			    "'%.64s' is from a different system than question "
			    "'%s' uses", pos, code, q->link_id);
			return -1;
		}
		ew->option = k;
		return 0;
	case WM_ITEM_BOOLEAN:
		ew->flag = json_is_true(v);
		if (json_is_boolean(v))
			return 0;
		wm_diags_add(l->d, 0, 0, where, "enableWhen %zu: "
		    "answerBoolean must be true or false", pos);
		return -1;
	case WM_ITEM_INTEGER:
		ew->integer = (long long)json_integer_value(v);
		if (json_is_integer(v))
			return 0;
		wm_diags_add(l->d, 0, 0, where, "enableWhen %zu: "
		    "answerInteger must be a whole number", pos);
		return -1;
	case WM_ITEM_DATE:
		if (json_is_string(v) &&
		    wm_date_parse(json_string_value(v), &ew->date) == 0)
			return 0;
		wm_diags_add(l->d, 0, 0, where, "enableWhen %zu: "
		    "answerDate must be a date as YYYY-MM-DD", pos);
		return -1;
	case WM_ITEM_STRING:
	case WM_ITEM_TEXT:
		ew->text = str_value(l, v, "answerString", where, 1);
		return ew->text ? 0 : -1;
	case WM_ITEM_GROUP:
	case WM_ITEM_DISPLAY:
		break;
	}
	return -1;
}

/* The question a condition reads: an earlier item that takes answers.
 * Returns its index, or -1 with the problem noted. */
static int
condition_question(struct loader *l, json_t *c, size_t self, const char *where,
    size_t pos)
{
	const char *q = json_string_value(json_object_get(c, "question"));
	int k;

	if (!q) {
		wm_diags_add(l->d, 0, 0, where, "enableWhen %zu needs a "
		    "'question': the linkId of an earlier question", pos);
		return -1;
	}
	k = wm_instrument_find_item(l->in, q);
	if (k < 0 || (size_t)k == self) {
		wm_diags_add(l->d, 0, 0, where, "enableWhen %zu: question "
		    "'%.64s' is not an earlier item in the file (a condition "
		    "reads a question asked before it)", pos, q);
		return -1;
	}
	if (l->in->items[k].type == WM_ITEM_GROUP ||
	    l->in->items[k].type == WM_ITEM_DISPLAY) {
		wm_diags_add(l->d, 0, 0, where, "enableWhen %zu: '%.64s' is a "
		    "%s, which has no answer to read", pos, q,
		    wm_item_type_name(l->in->items[k].type));
		return -1;
	}
	return k;
}

static int
condition_op(struct loader *l, json_t *c, const struct wm_item *q,
    enum wm_enable_op *op, const char *where, size_t pos)
{
	const char *s = json_string_value(json_object_get(c, "operator"));
	size_t i;

	for (i = 0; s && i < NELEM(enable_ops); i++)
		if (strcmp(enable_ops[i].name, s) == 0)
			break;
	if (!s || i == NELEM(enable_ops)) {
		wm_diags_add(l->d, 0, 0, where, "enableWhen %zu: operator must "
		    "be one of exists, =, !=, >, <, >=, <=", pos);
		return -1;
	}
	*op = enable_ops[i].op;
	if (*op != WM_OP_EXISTS && *op != WM_OP_EQ && *op != WM_OP_NE &&
	    q->type != WM_ITEM_INTEGER && q->type != WM_ITEM_DATE) {
		wm_diags_add(l->d, 0, 0, where, "enableWhen %zu: operator '%s' "
		    "compares only integer and date questions, and '%s' is a "
		    "%s question", pos, s, q->link_id,
		    wm_item_type_name(q->type));
		return -1;
	}
	return 0;
}

/* One condition into *ew; 0 when it is sound. */
static int
load_condition(struct loader *l, json_t *c, size_t self,
    struct wm_enable_when *ew, const char *where, size_t pos)
{
	const struct wm_item *q;
	const char *key = NULL, *want;
	json_t *v;
	int k;

	if (!json_is_object(c)) {
		wm_diags_add(l->d, 0, 0, where, "enableWhen %zu is not an "
		    "object", pos);
		return -1;
	}
	if ((k = condition_question(l, c, self, where, pos)) < 0)
		return -1;
	q = &l->in->items[k];
	ew->question = (size_t)k;
	if (condition_op(l, c, q, &ew->op, where, pos) ||
	    !(v = condition_answer(l, c, where, pos, &key)))
		return -1;
	want = ew->op == WM_OP_EXISTS ? "answerBoolean" : answer_key(q->type);
	if (strcmp(key, want) != 0) {
		wm_diags_add(l->d, 0, 0, where, "enableWhen %zu: %s needs %s, "
		    "not %.40s", pos, ew->op == WM_OP_EXISTS ?
		    "operator exists" : q->type == WM_ITEM_CHOICE ?
		    "a choice question" : "this question's type", want, key);
		return -1;
	}
	if (ew->op == WM_OP_EXISTS) {
		if (!json_is_boolean(v)) {
			wm_diags_add(l->d, 0, 0, where, "enableWhen %zu: "
			    "answerBoolean must be true or false", pos);
			return -1;
		}
		ew->flag = json_is_true(v);
		return 0;
	}
	return condition_value(l, ew, q, v, where, pos);
}

static void
load_enable_when(struct loader *l, struct wm_item *it, size_t self,
    json_t *item, const char *where)
{
	json_t *arr = json_object_get(item, "enableWhen"), *c;
	json_t *eb = json_object_get(item, "enableBehavior");
	const char *behavior = json_string_value(eb);
	size_t i, n;

	if (!arr) {
		if (eb)
			wm_diags_add(l->d, 0, 0, where, "enableBehavior is only "
			    "for an item with enableWhen");
		return;
	}
	n = json_is_array(arr) ? json_array_size(arr) : 0;
	if (n == 0 || n > MAX_CONDITIONS) {
		wm_diags_add(l->d, 0, 0, where, "enableWhen must be a list of "
		    "1 to %d conditions", MAX_CONDITIONS);
		return;
	}
	if (eb && (!behavior || (strcmp(behavior, "all") != 0 &&
	    strcmp(behavior, "any") != 0)))
		wm_diags_add(l->d, 0, 0, where, "enableBehavior must be all "
		    "or any");
	else if (!eb && n > 1)
		wm_diags_add(l->d, 0, 0, where, "enableBehavior (all or any) is "
		    "needed when enableWhen has several conditions");
	it->enable_any = behavior && strcmp(behavior, "any") == 0;
	it->enable_when = wm_arena_calloc(&l->in->arena, n,
	    sizeof(*it->enable_when));
	if (!it->enable_when)
		return;
	json_array_foreach(arr, i, c)
		if (load_condition(l, c, self, &it->enable_when[it->n_enable_when],
		    where, i + 1) == 0)
			it->n_enable_when++;
}

/* What a plan's display item shows in its place (core/instrument.h). */
static void
load_shows(struct loader *l, struct wm_item *it, json_t *e, const char *where)
{
	const char *code = json_string_value(json_object_get(e, "valueCode"));

	if (it->type != WM_ITEM_DISPLAY)
		wm_diags_add(l->d, 0, 0, where, "shows is only for a display "
		    "item");
	else if (it->shows != WM_SHOWS_NOTHING)
		wm_diags_add(l->d, 0, 0, where, "shows is given twice");
	else if (code && strcmp(code, "goals") == 0)
		it->shows = WM_SHOWS_GOALS;
	else if (code && strcmp(code, "crisis-contacts") == 0)
		it->shows = WM_SHOWS_CRISIS_CONTACTS;
	else
		wm_diags_add(l->d, 0, 0, where, "shows's valueCode must be "
		    "goals or crisis-contacts");
}

static void
load_linked_plan(struct loader *l, struct wm_item *it, json_t *e,
    const char *where)
{
	const char *code = json_string_value(json_object_get(e, "valueCode"));

	if (it->type != WM_ITEM_DISPLAY)
		wm_diags_add(l->d, 0, 0, where, "linkedPlan is only for a "
		    "display item");
	else if (it->linked_plan)
		wm_diags_add(l->d, 0, 0, where, "linkedPlan is given twice");
	else if (!code || !valid_link_id(code))
		wm_diags_add(l->d, 0, 0, where, "linkedPlan's valueCode must "
		    "be a plan's family code (letters, digits, '-', '_', '.')");
	else
		it->linked_plan = wm_arena_strdup(&l->in->arena, code);
}

/* The item's own extensions: its options' orientation, for a choice;
 * any other extension is someone else's and is left alone, as FHIR
 * allows. */
static void
load_item_extensions(struct loader *l, struct wm_item *it, json_t *item,
    const char *where)
{
	json_t *ext = json_object_get(item, "extension"), *e;
	size_t i;

	if (!ext)
		return;
	if (!json_is_array(ext)) {
		wm_diags_add(l->d, 0, 0, where, "'extension' must be a list");
		return;
	}
	json_array_foreach(ext, i, e) {
		const char *url = json_string_value(json_object_get(e, "url"));
		const char *code;

		if (url && strcmp(url, WM_EXT_BASE "shows") == 0) {
			load_shows(l, it, e, where);
			continue;
		}
		if (url && strcmp(url, WM_EXT_BASE "linkedPlan") == 0) {
			load_linked_plan(l, it, e, where);
			continue;
		}
		if (url && strcmp(url, WM_EXT_BASE "onCard") == 0) {
			if (!json_is_true(json_object_get(e, "valueBoolean")))
				wm_diags_add(l->d, 0, 0, where, "onCard needs "
				    "valueBoolean true (leave it out for "
				    "false)");
			else
				it->on_card = 1;
			continue;
		}
		if (!url || strcmp(url, WM_FHIR_CHOICE_ORIENTATION) != 0)
			continue;
		code = json_string_value(json_object_get(e, "valueCode"));
		if (it->type != WM_ITEM_CHOICE)
			wm_diags_add(l->d, 0, 0, where, "choiceOrientation is "
			    "only for a choice item");
		else if (code && strcmp(code, "horizontal") == 0)
			it->horizontal = 1;
		else if (!code || strcmp(code, "vertical") != 0)
			wm_diags_add(l->d, 0, 0, where, "choiceOrientation's "
			    "valueCode must be horizontal or vertical");
	}
}

static void load_items(struct loader *, json_t *, int, int);

static void
load_item(struct loader *l, json_t *item, int parent, int depth, size_t pos)
{
	struct wm_instrument *in = l->in;
	struct wm_item *it;
	char where[96];
	const char *link, *type;
	json_t *req, *children;
	size_t idx;

	if (!json_is_object(item)) {
		wm_diags_add(l->d, 0, 0, "field item",
		    "entry %zu is not an object", pos + 1);
		return;
	}
	link = str_field(l, item, "linkId", "field item", 1);
	if (!link)
		return;
	snprintf(where, sizeof(where), "item %.*s", MAX_LINK_ID, link);
	if (!valid_link_id(link)) {
		wm_diags_add(l->d, 0, 0, where,
		    "linkId must be 1 to %d letters, digits, '-', '_' or '.'",
		    MAX_LINK_ID);
		return;
	}
	if (wm_instrument_find_item(in, link) >= 0) {
		wm_diags_add(l->d, 0, 0, where, "linkId is used more than once");
		return;
	}
	if (in->n_items == l->cap_items) {
		wm_diags_add(l->d, 0, 0, where, "more than %d items",
		    WM_INSTRUMENT_MAX_ITEMS);
		return;
	}
	idx = in->n_items++;
	it = &in->items[idx];
	it->link_id = link;
	it->parent = parent;
	it->depth = depth;
	type = str_field(l, item, "type", where, 1);
	if (type && parse_item_type(type, &it->type)) {
		wm_diags_add(l->d, 0, 0, where, "type '%s' is not supported",
		    type);
		type = NULL;
	}
	it->text = str_field(l, item, "text", where,
	    type && it->type != WM_ITEM_GROUP);
	it->prefix = str_field(l, item, "prefix", where, 0);
	req = json_object_get(item, "required");
	if (req && !json_is_boolean(req))
		wm_diags_add(l->d, 0, 0, where, "'required' must be true or false");
	it->required = json_is_true(req);
	req = json_object_get(item, "repeats");
	if (req && !json_is_boolean(req))
		wm_diags_add(l->d, 0, 0, where, "'repeats' must be true or false");
	it->repeats = json_is_true(req);
	children = json_object_get(item, "item");
	if (!type)
		return;
	load_enable_when(l, it, idx, item, where);
	load_item_extensions(l, it, item, where);
	if (it->type == WM_ITEM_GROUP) {
		if (!json_is_array(children) || json_array_size(children) == 0)
			wm_diags_add(l->d, 0, 0, where,
			    "a group needs at least one item");
		else if (depth + 1 >= MAX_DEPTH)
			wm_diags_add(l->d, 0, 0, where,
			    "groups are nested more than %d deep", MAX_DEPTH);
		else
			load_items(l, children, (int)idx, depth + 1);
		if (it->required)
			wm_diags_add(l->d, 0, 0, where,
			    "a group cannot be required; mark its questions");
		return;
	}
	if (children)
		wm_diags_add(l->d, 0, 0, where,
		    "only groups may contain items");
	if (it->type == WM_ITEM_CHOICE)
		load_options(l, it, item, where);
	else if (json_object_get(item, "answerOption"))
		wm_diags_add(l->d, 0, 0, where,
		    "answerOption is only allowed on choice items");
	if (it->type == WM_ITEM_DISPLAY && it->required)
		wm_diags_add(l->d, 0, 0, where,
		    "a display item cannot be required");
}

static void
load_items(struct loader *l, json_t *arr, int parent, int depth)
{
	json_t *item;
	size_t i;

	json_array_foreach(arr, i, item)
		load_item(l, item, parent, depth, i);
}

static size_t
count_items(json_t *arr, int depth)
{
	json_t *item;
	size_t i, n = 0;

	if (!json_is_array(arr) || depth > MAX_DEPTH)
		return 0;
	json_array_foreach(arr, i, item) {
		n++;
		n += count_items(json_object_get(item, "item"), depth + 1);
		if (n > WM_INSTRUMENT_MAX_ITEMS)
			return WM_INSTRUMENT_MAX_ITEMS + 1;
	}
	return n;
}


static void
load_respondent(struct loader *l, json_t *e, size_t pos)
{
	const char *code = json_string_value(json_object_get(e, "valueCode"));
	enum wm_respondent r;

	if (!code || wm_respondent_from_name(code, &r)) {
		wm_diags_add(l->d, 0, 0, "extension respondent",
		    "entry %zu: valueCode must be one of person, "
		    "person-with-practitioner, staff, lead, validator", pos + 1);
		return;
	}
	l->in->respondents |= (unsigned)r;
}

/* Adds a scale's item (or marks it reversed); notes what is wrong. */
static void
scale_item(struct loader *l, struct wm_scale *sc, const char *where,
    const char *link, int reversed)
{
	const struct wm_item *it;
	size_t j;
	int idx;

	if (!link) {
		wm_diags_add(l->d, 0, 0, where, "item needs a valueString linkId");
		return;
	}
	idx = wm_instrument_find_item(l->in, link);
	if (idx < 0) {
		wm_diags_add(l->d, 0, 0, where, "names item '%s', which does "
		    "not exist", link);
		return;
	}
	for (j = 0; j < sc->n_items; j++)
		if (sc->items[j] == (size_t)idx)
			break;
	if (reversed) {
		if (j == sc->n_items)
			wm_diags_add(l->d, 0, 0, where, "reverses item '%s', "
			    "which is not one of its items", link);
		else
			sc->reversed[j] = 1;
		return;
	}
	if (j < sc->n_items) {
		wm_diags_add(l->d, 0, 0, where, "lists item '%s' twice", link);
		return;
	}
	it = &l->in->items[idx];
	if (it->type != WM_ITEM_CHOICE || it->n_scored < 2) {
		wm_diags_add(l->d, 0, 0, where, "item '%s' must be a choice "
		    "with at least 2 options that have an ordinalValue", link);
		return;
	}
	sc->items[sc->n_items++] = (size_t)idx;
}

/* The statistics parts of a scale, each at most once. */
enum {
	STAT_RELIABILITY = 1,
	STAT_SD = 2,
	STAT_CUTOFF = 4,
	STAT_BETTER = 8,
	STAT_SOURCE = 16,
};

/* A part's valueDecimal into *out, or a problem naming the part and what
 * it must be. */
static int
stat_decimal(struct loader *l, json_t *x, const char *where,
    const char *part, const char *what, double *out)
{
	json_t *v = json_object_get(x, "valueDecimal");

	if (!json_is_number(v) || !isfinite(json_number_value(v)) ||
	    fabs(json_number_value(v)) > MAX_ORDINAL) {
		wm_diags_add(l->d, 0, 0, where, "%s must be a valueDecimal %s",
		    part, what);
		return -1;
	}
	*out = json_number_value(v);
	return 0;
}

static void
stat_value(struct loader *l, struct wm_scale *sc, const char *where,
    unsigned bit, json_t *x)
{
	const char *code;
	json_t *v;

	switch (bit) {
	case STAT_RELIABILITY:
		if (stat_decimal(l, x, where, "reliability", "from 0 up to "
		    "(not including) 1", &sc->reliability) == 0 &&
		    !(sc->reliability >= 0 && sc->reliability < 1))
			wm_diags_add(l->d, 0, 0, where, "reliability %g must be "
			    "from 0 up to (not including) 1", sc->reliability);
		break;
	case STAT_SD:
		if (stat_decimal(l, x, where, "sd", "above 0", &sc->sd) == 0 &&
		    !(sc->sd > 0))
			wm_diags_add(l->d, 0, 0, where, "sd %g must be above 0",
			    sc->sd);
		break;
	case STAT_CUTOFF:
		if (stat_decimal(l, x, where, "cutoff", "number",
		    &sc->cutoff) == 0)
			sc->has_cutoff = 1;
		break;
	case STAT_BETTER:
		code = json_string_value(json_object_get(x, "valueCode"));
		if (code && strcmp(code, "lower") == 0)
			sc->higher_is_better = 0;
		else if (!code || strcmp(code, "higher") != 0)
			wm_diags_add(l->d, 0, 0, where, "better must be a "
			    "valueCode: higher or lower");
		break;
	default:
		v = json_object_get(x, "valueString");
		if (!v)
			wm_diags_add(l->d, 0, 0, where, "statisticsSource "
			    "needs a valueString naming the published source");
		else
			sc->statistics_source = str_value(l, v,
			    "statisticsSource", where, 1);
		break;
	}
}

/* Reads one statistics part into the scale; 0 when `url` is not one. */
static int
scale_statistic(struct loader *l, struct wm_scale *sc, const char *where,
    const char *url, json_t *x, unsigned *seen)
{
	static const struct { const char *url; unsigned bit; } parts[] = {
		{ "reliability", STAT_RELIABILITY }, { "sd", STAT_SD },
		{ "cutoff", STAT_CUTOFF }, { "better", STAT_BETTER },
		{ "statisticsSource", STAT_SOURCE },
	};
	size_t i;

	for (i = 0; i < NELEM(parts); i++)
		if (strcmp(url, parts[i].url) == 0)
			break;
	if (i == NELEM(parts))
		return 0;
	if (*seen & parts[i].bit)
		wm_diags_add(l->d, 0, 0, where, "%s is given twice", url);
	else
		stat_value(l, sc, where, parts[i].bit, x);
	*seen |= parts[i].bit;
	return 1;
}

/* Reliability and sd come together, and any statistic with its source. */
static void
check_statistics(struct loader *l, struct wm_scale *sc, const char *where,
    unsigned seen)
{
	unsigned pair = seen & (STAT_RELIABILITY | STAT_SD);

	if (pair == STAT_RELIABILITY)
		wm_diags_add(l->d, 0, 0, where, "gives reliability without sd: "
		    "reliable change needs both, from the same source");
	else if (pair == STAT_SD)
		wm_diags_add(l->d, 0, 0, where, "gives sd without reliability: "
		    "reliable change needs both, from the same source");
	sc->has_reliability = pair == (STAT_RELIABILITY | STAT_SD);
	if ((seen & (STAT_RELIABILITY | STAT_SD | STAT_CUTOFF)) &&
	    !(seen & STAT_SOURCE))
		wm_diags_add(l->d, 0, 0, where, "gives reliability, sd or "
		    "cutoff without statisticsSource: say where the values "
		    "are published");
}

static void
load_scale(struct loader *l, json_t *e, struct wm_scale *sc)
{
	json_t *subs = json_object_get(e, "extension"), *x;
	char where[96] = "scale";
	const char *method = NULL;
	unsigned seen = 0;
	size_t i, n;
	int pass;

	sc->higher_is_better = 1;

	if (!json_is_array(subs)) {
		wm_diags_add(l->d, 0, 0, where, "needs its own 'extension' list "
		    "(code, title, method, minAnsweredPercent, item...)");
		return;
	}
	n = json_array_size(subs);
	/* Each part is checked against every item: bound the work. */
	if (n > WM_INSTRUMENT_MAX_ITEMS + 8) {
		wm_diags_add(l->d, 0, 0, where, "has more than %d parts",
		    WM_INSTRUMENT_MAX_ITEMS + 8);
		return;
	}
	sc->items = wm_arena_calloc(&l->in->arena, n ? n : 1, sizeof(size_t));
	sc->reversed = wm_arena_calloc(&l->in->arena, n ? n : 1, sizeof(int));
	if (!sc->items || !sc->reversed)
		return;
	json_array_foreach(subs, i, x) {
		const char *url = json_string_value(json_object_get(x, "url"));

		if (url && strcmp(url, "code") == 0)
			sc->code = str_field(l, x, "valueCode", "scale", 1);
		else if (url && strcmp(url, "title") == 0)
			sc->title = str_field(l, x, "valueString", "scale", 1);
	}
	if (sc->code)
		snprintf(where, sizeof(where), "scale %.60s", sc->code);
	/* Items first, then reversals, so order in the file does not matter. */
	for (pass = 0; pass < 2; pass++) {
		json_array_foreach(subs, i, x) {
			const char *url = json_string_value(json_object_get(x, "url"));
			const char *v = json_string_value(json_object_get(x,
			    "valueString"));

			if (!url)
				wm_diags_add(l->d, 0, 0, where, "part %zu has "
				    "no url", i + 1);
			else if (pass == 0 && strcmp(url, "item") == 0)
				scale_item(l, sc, where, v, 0);
			else if (pass == 1 && strcmp(url, "reversed") == 0)
				scale_item(l, sc, where, v, 1);
			else if (pass == 0 && strcmp(url, "method") == 0)
				method = json_string_value(json_object_get(x,
				    "valueCode"));
			else if (pass == 0 && strcmp(url, "minAnsweredPercent") == 0) {
				json_t *p = json_object_get(x, "valueInteger");
				json_int_t pc = json_integer_value(p);

				if (!json_is_integer(p) || pc < 1 || pc > 100)
					wm_diags_add(l->d, 0, 0, where,
					    "minAnsweredPercent must be a whole "
					    "number from 1 to 100");
				else
					sc->min_answered_percent = (int)pc;
			} else if (pass == 0 && scale_statistic(l, sc, where,
			    url, x, &seen)) {
				continue;
			} else if (pass == 0 && strcmp(url, "code") != 0 &&
			    strcmp(url, "title") != 0 && strcmp(url, "item") != 0 &&
			    strcmp(url, "reversed") != 0)
				wm_diags_add(l->d, 0, 0, where, "part '%s' is not "
				    "known", url);
		}
	}
	if (!sc->code)
		wm_diags_add(l->d, 0, 0, where, "needs a code");
	else if (!valid_link_id(sc->code))
		wm_diags_add(l->d, 0, 0, where, "code must be 1 to %d letters, "
		    "digits, '-', '_' or '.'", MAX_LINK_ID);
	if (!sc->title)
		wm_diags_add(l->d, 0, 0, where, "needs a title");
	if (!method || (strcmp(method, "mean") != 0 && strcmp(method, "sum") != 0))
		wm_diags_add(l->d, 0, 0, where, "method must be mean or sum");
	else
		sc->method = strcmp(method, "sum") == 0 ? WM_SCALE_SUM :
		    WM_SCALE_MEAN;
	if (sc->min_answered_percent == 0)
		wm_diags_add(l->d, 0, 0, where, "needs minAnsweredPercent (the "
		    "share of items that must be answered for a score)");
	if (sc->n_items == 0)
		wm_diags_add(l->d, 0, 0, where, "needs at least one item");
	check_statistics(l, sc, where, seen);
}

static void
load_kind(struct loader *l, json_t *e)
{
	const char *code = json_string_value(json_object_get(e, "valueCode"));

	if (code && strcmp(code, "measure") == 0)
		l->in->kind = WM_KIND_MEASURE;
	else if (code && strcmp(code, "plan") == 0)
		l->in->kind = WM_KIND_PLAN;
	else
		wm_diags_add(l->d, 0, 0, "extension kind",
		    "valueCode must be measure or plan");
}

static void
load_crisis_access(struct loader *l, json_t *e)
{
	json_t *v = json_object_get(e, "valueBoolean");

	if (!json_is_boolean(v))
		wm_diags_add(l->d, 0, 0, "extension crisisAccess",
		    "needs valueBoolean true or false");
	else
		l->in->crisis_access = json_is_true(v);
}

static void
load_extensions(struct loader *l, json_t *root)
{
	json_t *ext = json_object_get(root, "extension"), *e;
	size_t i, j, n_scales = 0;

	if (ext && !json_is_array(ext)) {
		wm_diags_add(l->d, 0, 0, "field extension", "must be a list");
		return;
	}
	json_array_foreach(ext, i, e) {
		const char *url = json_string_value(json_object_get(e, "url"));

		if (url && strcmp(url, WM_EXT_BASE "scale") == 0)
			n_scales++;
	}
	l->in->scales = wm_arena_calloc(&l->in->arena, n_scales ? n_scales : 1,
	    sizeof(*l->in->scales));
	if (!l->in->scales)
		return;
	json_array_foreach(ext, i, e) {
		const char *url = json_string_value(json_object_get(e, "url"));
		struct wm_scale *sc;

		if (!url) {
			wm_diags_add(l->d, 0, 0, "field extension",
			    "entry %zu has no url", i + 1);
			continue;
		}
		if (strcmp(url, WM_EXT_BASE "respondent") == 0) {
			load_respondent(l, e, i);
			continue;
		}
		if (strcmp(url, WM_EXT_BASE "kind") == 0) {
			load_kind(l, e);
			continue;
		}
		if (strcmp(url, WM_EXT_BASE "crisisAccess") == 0) {
			load_crisis_access(l, e);
			continue;
		}
		if (strcmp(url, WM_EXT_BASE "scale") != 0)
			continue;	/* FHIR: unknown extensions are ignored */
		/* The slot of a scale rejected below is reused: clear it, or
		 * its n_items would index past the next scale's arrays. */
		sc = &l->in->scales[l->in->n_scales];
		memset(sc, 0, sizeof(*sc));
		load_scale(l, e, sc);
		if (!sc->code)
			continue;
		for (j = 0; j < l->in->n_scales; j++)
			if (strcmp(l->in->scales[j].code, sc->code) == 0)
				break;
		if (j < l->in->n_scales)
			wm_diags_add(l->d, 0, 0, "extension scale",
			    "code '%s' is used twice", sc->code);
		else
			l->in->n_scales++;
	}
	if (l->in->respondents == 0)
		wm_diags_add(l->d, 0, 0, "extension respondent",
		    "the instrument must say who may answer it (" WM_EXT_BASE
		    "respondent)");
}

int
wm_instrument_parse(const char *text, size_t len, struct wm_instrument **out,
    struct wm_diags *diags)
{
	struct wm_instrument *in = NULL;
	struct loader l;
	json_t *root = NULL, *items;
	size_t before = wm_diags_count(diags), n;
	int rc = -1;

	*out = NULL;
	root = wm_fhir_json_load(text, len, WM_INSTRUMENT_MAX_BYTES, diags);
	if (!root)
		goto out;
	in = calloc(1, sizeof(*in));
	if (!in) {
		wm_diags_add(diags, 0, 0, NULL, "out of memory");
		goto out;
	}
	l.in = in;
	l.d = diags;
	load_header(&l, root);
	load_subjects(&l, root);
	load_family(&l, root);
	items = json_object_get(root, "item");
	n = count_items(items, 0);
	if (!json_is_array(items) || n == 0) {
		wm_diags_add(diags, 0, 0, "field item",
		    "an instrument needs at least one item");
		goto out;
	}
	if (n > WM_INSTRUMENT_MAX_ITEMS) {
		wm_diags_add(diags, 0, 0, "field item",
		    "more than %d items", WM_INSTRUMENT_MAX_ITEMS);
		goto out;
	}
	l.cap_items = n;
	in->items = wm_arena_calloc(&in->arena, n, sizeof(*in->items));
	if (!in->items)
		goto out;
	load_items(&l, items, -1, 0);
	load_extensions(&l, root);
	wm_instrument_check_kind(in, diags);
	if (json_object_get(root, "modifierExtension"))
		wm_diags_add(diags, 0, 0, "field modifierExtension",
		    "modifier extensions are not supported");
	if (wm_diags_count(diags) == before) {
		*out = in;
		in = NULL;
		rc = 0;
	}
out:
	wm_instrument_free(in);
	json_decref(root);
	return rc;
}

void
wm_instrument_free(struct wm_instrument *in)
{
	if (!in)
		return;
	wm_arena_release(&in->arena);
	free(in);
}

int
wm_instrument_find_item(const struct wm_instrument *in, const char *link_id)
{
	size_t i;

	for (i = 0; i < in->n_items; i++)
		if (strcmp(in->items[i].link_id, link_id) == 0)
			return (int)i;
	return -1;
}

int
wm_item_find_option(const struct wm_item *it, const char *code)
{
	size_t i;

	for (i = 0; i < it->n_options; i++)
		if (strcmp(it->options[i].code, code) == 0)
			return (int)i;
	return -1;
}
