#include "core/fhir_json.h"

#include <string.h>

json_t *
wm_fhir_json_load(const char *text, size_t len, size_t max,
    struct wm_diags *diags)
{
	json_error_t err;
	json_t *root;

	if (len > max) {
		wm_diags_add(diags, 0, 0, NULL,
		    "the file is %zu bytes; the limit is %zu", len, max);
		return NULL;
	}
	root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
	if (!root) {
		wm_diags_add(diags, err.line > 0 ? err.line : 1,
		    err.column > 0 ? err.column : 1, NULL, "%s", err.text);
		return NULL;
	}
	if (!json_is_object(root)) {
		wm_diags_add(diags, 1, 1, NULL, "expected a JSON object { ... }");
		json_decref(root);
		return NULL;
	}
	return root;
}

int
wm_fhir_is_resource(const char *text, size_t len, const char *type)
{
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, NULL);
	const char *rt = json_string_value(json_object_get(root,
	    "resourceType"));
	int yes = rt && strcmp(rt, type) == 0;

	json_decref(root);
	return yes;
}
