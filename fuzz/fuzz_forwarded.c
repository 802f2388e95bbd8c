/*
 * Fuzz target: the X-Forwarded-For reader (wm_forwarded_for), on a
 * NUL-terminated copy of the input. An address it returns fits its
 * buffer, holds only what an IPv4 or IPv6 address is written with, and
 * reads back as itself.
 */
#include <stdlib.h>
#include <string.h>

#include "web/client.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *header = malloc(size + 1), out[WM_CLIENT_ADDRESS_MAX];
	char again[WM_CLIENT_ADDRESS_MAX];

	if (!header)
		return 0;
	memcpy(header, data, size);
	header[size] = '\0';
	if (wm_forwarded_for(header, out) == 0) {
		FUZZ_CHECK(strlen(out) < sizeof(out));
		FUZZ_CHECK(strspn(out, "0123456789abcdef.:") == strlen(out));
		FUZZ_CHECK(wm_forwarded_for(out, again) == 0 &&
		    strcmp(out, again) == 0);
	}
	free(header);
	return 0;
}
