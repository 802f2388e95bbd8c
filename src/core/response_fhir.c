/*
 * Writing a response as a FHIR R4 QuestionnaireResponse: the one shape in
 * which a person's plan leaves Waymark (the API, their record) and in
 * which each version of it is kept, so what is written here must read
 * back through wm_response_parse and wm_response_bind to the same
 * answers.
 */
#include "core/response.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static json_t *
reference(const struct wm_ref *ref)
{
	const char *type = wm_subject_fhir(ref->kind);
	json_t *o;

	if (!type || !ref->id)
		return NULL;
	o = json_object();
	if (o && json_object_set_new(o, "reference",
	    json_sprintf("%s/%s", type, ref->id))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* One answer object for the item's value, or a list's entries. */
static int
add_answers(json_t *answers, const struct wm_item *it,
    const struct wm_answer *a)
{
	const char *s = a->text, *nl;

	switch (it->type) {
	case WM_ITEM_CHOICE: {
		const struct wm_option *o = &it->options[a->option];
		json_t *coding = json_pack("{s:s, s:s}", "code", o->code,
		    "display", o->display);

		if (coding && o->system)
			json_object_set_new(coding, "system",
			    json_string(o->system));
		return json_array_append_new(answers, json_pack("{s:o}",
		    "valueCoding", coding));
	}
	case WM_ITEM_STRING:
		if (it->repeats) {
			for (; (nl = strchr(s, '\n')) != NULL; s = nl + 1)
				if (json_array_append_new(answers,
				    json_pack("{s:s%}", "valueString", s,
				    (size_t)(nl - s))))
					return -1;
		}
		/* fall through */
	case WM_ITEM_TEXT:
		return json_array_append_new(answers, json_pack("{s:s}",
		    "valueString", s));
	case WM_ITEM_INTEGER:
		return json_array_append_new(answers, json_pack("{s:I}",
		    "valueInteger", (json_int_t)strtoll(s, NULL, 10)));
	case WM_ITEM_BOOLEAN:
		return json_array_append_new(answers, json_pack("{s:b}",
		    "valueBoolean", strcmp(s, "true") == 0));
	case WM_ITEM_DATE:
		return json_array_append_new(answers, json_pack("{s:s}",
		    "valueDate", s));
	case WM_ITEM_GROUP:
	case WM_ITEM_DISPLAY:
		break;
	}
	return -1;
}

static int add_items(const struct wm_response *, json_t *, int);

/* The item, if it or anything inside it was answered, onto `list`. */
static int
add_item(const struct wm_response *r, json_t *list, size_t k)
{
	const struct wm_item *it = &r->in->items[k];
	json_t *o, *sub;

	if (it->type == WM_ITEM_DISPLAY ||
	    (it->type != WM_ITEM_GROUP && !r->answers[k].given))
		return 0;
	o = json_pack("{s:s}", "linkId", it->link_id);
	if (!o || json_array_append_new(list, o))
		return -1;
	if (it->text)
		json_object_set_new(o, "text", json_string(it->text));
	sub = json_array();
	if (!sub || json_object_set_new(o, it->type == WM_ITEM_GROUP ? "item" :
	    "answer", sub))
		return -1;
	if (it->type != WM_ITEM_GROUP)
		return add_answers(sub, it, &r->answers[k]);
	if (add_items(r, sub, (int)k))
		return -1;
	if (json_array_size(sub) == 0)	/* nothing answered inside */
		json_array_remove(list, json_array_size(list) - 1);
	return 0;
}

static int
add_items(const struct wm_response *r, json_t *list, int parent)
{
	size_t k;

	for (k = 0; k < r->in->n_items; k++)
		if (r->in->items[k].parent == parent && add_item(r, list, k))
			return -1;
	return 0;
}

json_t *
wm_response_to_fhir(const struct wm_response *r)
{
	char day[11];
	json_t *o, *items = json_array(), *ref;

	wm_date_format(&r->authored, day);
	o = json_pack("{s:s, s:s, s:s, s:[{s:s, s:s}]}",
	    "resourceType", "QuestionnaireResponse",
	    "status", wm_response_status_name(r->status),
	    "authored", day,
	    "extension", "url", WM_EXT_BASE "respondent",
	    "valueCode", wm_respondent_name(r->respondent));
	if (!o || !items)
		goto fail;
	if (json_object_set_new(o, "questionnaire", json_sprintf("%s|%s",
	    r->url ? r->url : r->in->url, r->version ? r->version :
	    r->in->version)))
		goto fail;
	if (!(ref = reference(&r->subject)) ||
	    json_object_set_new(o, "subject", ref))
		goto fail;
	if (r->author.id && (!(ref = reference(&r->author)) ||
	    json_object_set_new(o, "author", ref)))
		goto fail;
	if (add_items(r, items, -1))
		goto fail;
	if (json_object_set_new(o, "item", items))
		goto fail_o;
	return o;
fail:
	json_decref(items);
fail_o:
	json_decref(o);
	return NULL;
}
