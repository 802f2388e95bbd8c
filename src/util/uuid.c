#include "util/uuid.h"

#include <sodium.h>

int
wm_uuid_new(char out[WM_UUID_LEN + 1])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char raw[16];
	size_t i, k = 0;

	if (sodium_init() < 0)
		return -1;
	randombytes_buf(raw, sizeof(raw));
	raw[6] = (unsigned char)((raw[6] & 0x0f) | 0x40);	/* version 4 */
	raw[8] = (unsigned char)((raw[8] & 0x3f) | 0x80);	/* RFC variant */
	for (i = 0; i < sizeof(raw); i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[k++] = '-';
		out[k++] = hex[raw[i] >> 4];
		out[k++] = hex[raw[i] & 0x0f];
	}
	out[k] = '\0';
	return 0;
}
