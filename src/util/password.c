#include "util/password.h"

#include <sodium.h>
#include <string.h>

_Static_assert(WM_PASSWORD_HASH_MAX == crypto_pwhash_STRBYTES,
    "hash buffer size");

/* Interactive limits: about a tenth of a second and 64 MiB per sign-in on
 * these machines, which is what libsodium recommends for logins. */
int
wm_password_hash(const char *password, char out[WM_PASSWORD_HASH_MAX])
{
	if (sodium_init() < 0)
		return -1;
	return crypto_pwhash_str(out, password, strlen(password),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0 ? 0 : -1;
}

int
wm_password_verify(const char *hash, const char *password)
{
	char h[WM_PASSWORD_HASH_MAX];
	size_t n = strlen(hash);

	if (sodium_init() < 0 || n >= sizeof(h))
		return 0;
	memcpy(h, hash, n + 1);
	return crypto_pwhash_str_verify(h, password, strlen(password)) == 0;
}

void
wm_password_wipe(char *password, size_t n)
{
	sodium_memzero(password, n);
}
