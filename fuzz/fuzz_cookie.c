/*
 * Fuzz target: the Cookie header reader (wm_cookie_get), on a
 * NUL-terminated copy of the input. A value it returns is made only of
 * cookie octets and fits the caller's buffer.
 */
#include <stdlib.h>
#include <string.h>

#include "web/cookie.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "wm_session", "a", "wm_csrf" };
	char *header = malloc(size + 1), out[64];
	size_t i, k;

	if (!header)
		return 0;
	memcpy(header, data, size);
	header[size] = '\0';
	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		if (wm_cookie_get(header, names[k], out, sizeof(out)) != 0)
			continue;
		FUZZ_CHECK(strlen(out) < sizeof(out));
		for (i = 0; out[i]; i++)
			FUZZ_CHECK(out[i] > 0x20 && out[i] < 0x7f &&
			    !strchr("\",;\\", out[i]));
	}
	free(header);
	return 0;
}
