/*
 * Catalogues: FHIR R4 CodeSystem files listing things by code, such as
 * the recovery training courses the newsletter names. A parsed catalogue
 * owns its memory (wm_catalogue_free).
 */
#ifndef WM_CORE_CATALOGUE_H
#define WM_CORE_CATALOGUE_H

#include <stddef.h>

#include "util/arena.h"
#include "util/diag.h"

struct wm_concept {
	const char *code;
	const char *display;
	const char *definition;	/* may be NULL */
};

struct wm_catalogue {
	struct wm_arena arena;
	const char *url;
	const char *version;
	const char *title;
	const char *purpose;	/* the source */
	const char *copyright;
	struct wm_concept *concepts;
	size_t n_concepts;
};

int wm_catalogue_parse(const char *text, size_t len,
    struct wm_catalogue **out, struct wm_diags *diags);
void wm_catalogue_free(struct wm_catalogue *c);

/* The concept with this code, or NULL. */
const struct wm_concept *wm_catalogue_find(const struct wm_catalogue *c,
    const char *code);

#endif
