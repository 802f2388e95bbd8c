/*
 * Fuzz target: the CodeSystem catalogue loader (wm_catalogue_parse).
 * An accepted catalogue must find each of its concepts by its code.
 */
#include "core/catalogue.h"
#include "util/diag.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_catalogue *c = NULL;
	size_t i;
	int rc;

	rc = wm_catalogue_parse((const char *)data, size, &c, &d);
	FUZZ_CHECK((rc == 0) == (c != NULL));
	FUZZ_CHECK((rc == 0) == (wm_diags_count(&d) == 0));
	if (c) {
		FUZZ_CHECK(c->url && c->version && c->title && c->n_concepts > 0);
		for (i = 0; i < c->n_concepts; i++)
			FUZZ_CHECK(wm_catalogue_find(c, c->concepts[i].code) ==
			    &c->concepts[i]);
	}
	wm_catalogue_free(c);
	wm_diags_release(&d);
	return 0;
}
