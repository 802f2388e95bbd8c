#include "core/catalogue.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/fhir_json.h"
#include "util/text.h"

#define MAX_CONCEPTS 1000
#define MAX_BYTES ((size_t)1 << 20)

static const char *
field(struct wm_catalogue *c, json_t *obj, const char *key, const char *where,
    int required, struct wm_diags *d)
{
	json_t *v = json_object_get(obj, key);
	const char *s = json_string_value(v);

	if (!s || s[0] == '\0' || json_string_length(v) != strlen(s) ||
	    wm_text_check(s, 1) != WM_TEXT_OK) {
		if (required || v)
			wm_diags_add(d, 0, 0, where, "'%s' must be a non-empty "
			    "string without control characters", key);
		return NULL;
	}
	return wm_arena_strdup(&c->arena, s);
}

static void
load_concepts(struct wm_catalogue *c, json_t *arr, struct wm_diags *d)
{
	json_t *x;
	size_t i, j;

	if (!json_is_array(arr) || json_array_size(arr) == 0 ||
	    json_array_size(arr) > MAX_CONCEPTS) {
		wm_diags_add(d, 0, 0, "field concept", "must list 1 to %d "
		    "concepts", MAX_CONCEPTS);
		return;
	}
	c->concepts = wm_arena_calloc(&c->arena, json_array_size(arr),
	    sizeof(*c->concepts));
	if (!c->concepts)
		return;
	json_array_foreach(arr, i, x) {
		struct wm_concept *k = &c->concepts[c->n_concepts];

		k->code = field(c, x, "code", "field concept", 1, d);
		k->display = field(c, x, "display", "field concept", 1, d);
		k->definition = field(c, x, "definition", "field concept", 0, d);
		if (!k->code || !k->display)
			continue;
		for (j = 0; j < c->n_concepts; j++)
			if (strcmp(c->concepts[j].code, k->code) == 0)
				break;
		if (j < c->n_concepts) {
			wm_diags_add(d, 0, 0, "field concept", "code '%s' "
			    "appears twice", k->code);
			continue;
		}
		c->n_concepts++;
	}
}

int
wm_catalogue_parse(const char *text, size_t len, struct wm_catalogue **out,
    struct wm_diags *d)
{
	size_t before = wm_diags_count(d);
	struct wm_catalogue *c;
	const char *rt;
	json_t *root;

	*out = NULL;
	if (!(root = wm_fhir_json_load(text, len, MAX_BYTES, d)))
		return -1;
	if (!(c = calloc(1, sizeof(*c)))) {
		json_decref(root);
		return -1;
	}
	rt = json_string_value(json_object_get(root, "resourceType"));
	if (!rt || strcmp(rt, "CodeSystem") != 0)
		wm_diags_add(d, 0, 0, "field resourceType", "a catalogue must "
		    "be a CodeSystem");
	c->url = field(c, root, "url", "field url", 1, d);
	c->version = field(c, root, "version", "field version", 1, d);
	c->title = field(c, root, "title", "field title", 1, d);
	c->purpose = field(c, root, "purpose", "field purpose", 1, d);
	c->copyright = field(c, root, "copyright", "field copyright", 1, d);
	load_concepts(c, json_object_get(root, "concept"), d);
	json_decref(root);
	if (wm_diags_count(d) != before) {
		wm_catalogue_free(c);
		return -1;
	}
	*out = c;
	return 0;
}

void
wm_catalogue_free(struct wm_catalogue *c)
{
	if (!c)
		return;
	wm_arena_release(&c->arena);
	free(c);
}

const struct wm_concept *
wm_catalogue_find(const struct wm_catalogue *c, const char *code)
{
	size_t i;

	for (i = 0; i < c->n_concepts; i++)
		if (strcmp(c->concepts[i].code, code) == 0)
			return &c->concepts[i];
	return NULL;
}
