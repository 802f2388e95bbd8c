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

/* The same encoded form crypto_pwhash_str writes, so one verifier reads
 * both: $argon2id$v=19$m=KiB,t=OPS,p=1$SALT$HASH in unpadded base64. */
int
wm_password_hash_salted(const char *password, const unsigned char salt[16],
    char out[WM_PASSWORD_HASH_MAX])
{
	unsigned char hash[32];
	char s64[32], h64[48];
	int n;

	if (sodium_init() < 0 ||
	    crypto_pwhash(hash, sizeof(hash), password, strlen(password), salt,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13))
		return -1;
	sodium_bin2base64(s64, sizeof(s64), salt, 16,
	    sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
	sodium_bin2base64(h64, sizeof(h64), hash, sizeof(hash),
	    sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
	n = snprintf(out, WM_PASSWORD_HASH_MAX, "$argon2id$v=19$m=%zu,t=%llu,"
	    "p=1$%s$%s", (size_t)(crypto_pwhash_MEMLIMIT_INTERACTIVE / 1024),
	    (unsigned long long)crypto_pwhash_OPSLIMIT_INTERACTIVE, s64, h64);
	sodium_memzero(hash, sizeof(hash));
	return n > 0 && n < WM_PASSWORD_HASH_MAX ? 0 : -1;
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
