/*
 * Fuzz target: the form decoder (wm_form_decode). Whatever it accepts
 * must keep its promises: names within the allowed characters, values
 * free of control characters but tab and LF, nothing longer than the
 * limits; whatever it refuses leaves nothing behind.
 */
#include <string.h>

#include "util/text.h"
#include "web/form.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_form f = WM_FORM_INIT;
	size_t i;

	if (wm_form_decode((const char *)data, size, &f, &d) == 0) {
		FUZZ_CHECK(wm_diags_count(&d) == 0);
		for (i = 0; i < f.n; i++) {
			const char *n = f.v[i].name, *v = f.v[i].value;

			FUZZ_CHECK(strlen(n) >= 1 && strlen(n) <= WM_FORM_MAX_NAME);
			FUZZ_CHECK(strspn(n, "abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.[]") ==
			    strlen(n));
			FUZZ_CHECK(strlen(v) <= WM_FORM_MAX_VALUE);
			FUZZ_CHECK(wm_text_check(v, 1) == WM_TEXT_OK);
			FUZZ_CHECK(strchr(v, '\r') == NULL ||
			    strstr(v, "\r\n") == NULL);
			FUZZ_CHECK(wm_form_get(&f, n) != NULL);
		}
		wm_form_release(&f);
	} else {
		FUZZ_CHECK(wm_diags_count(&d) > 0 && f.v == NULL);
	}
	wm_diags_release(&d);
	return 0;
}
