#include "util/token.h"

#include <sodium.h>
#include <string.h>

int
wm_token_new(char out[WM_TOKEN_LEN + 1])
{
	unsigned char raw[32];

	if (sodium_init() < 0)
		return -1;
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, WM_TOKEN_LEN + 1, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
	return 0;
}

int
wm_token_random(unsigned char *out, size_t n)
{
	if (sodium_init() < 0)
		return -1;
	randombytes_buf(out, n);
	return 0;
}

int
wm_token_valid(const char *s)
{
	size_t i;

	for (i = 0; i < WM_TOKEN_LEN; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_'))
			return 0;
	}
	return s[WM_TOKEN_LEN] == '\0';
}

void
wm_token_hash(const char *token, char out[WM_TOKEN_HASH_LEN + 1])
{
	unsigned char h[32];

	crypto_generichash(h, sizeof(h), (const unsigned char *)token,
	    strlen(token), NULL, 0);
	sodium_bin2hex(out, WM_TOKEN_HASH_LEN + 1, h, sizeof(h));
}

int
wm_token_equal(const char *a, const char *b)
{
	size_t n = strlen(a);

	return n == strlen(b) && sodium_memcmp(a, b, n) == 0;
}
