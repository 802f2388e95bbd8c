/*
 * Reading FHIR JSON from outside: one place that sets the limits and
 * turns jansson's errors into problems with a line and column. The
 * caller owns the returned tree (json_decref).
 */
#ifndef WM_CORE_FHIR_JSON_H
#define WM_CORE_FHIR_JSON_H

#include <jansson.h>
#include <stddef.h>

#include "util/diag.h"

/* The parsed object, or NULL with the problem added to `diags`. Duplicate
 * keys are refused: a file that says two things at once is ambiguous. */
json_t *wm_fhir_json_load(const char *text, size_t len, size_t max,
    struct wm_diags *diags);

/* 1 if the text is a JSON object whose top-level resourceType is `type`. */
int wm_fhir_is_resource(const char *text, size_t len, const char *type);

#endif
