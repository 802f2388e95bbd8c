#include "util/password.h"

#include <pwquality.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/text.h"

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

/* libpwquality's reasons, said plainly. */
static const struct {
	int code;
	const char *why;
} reasons[] = {
	{ PWQ_ERROR_PALINDROME, "it reads the same backwards as forwards" },
	{ PWQ_ERROR_USER_CHECK, "it contains the account's email address" },
	{ PWQ_ERROR_MAX_CONSECUTIVE, "it repeats one character too often" },
	{ PWQ_ERROR_MAX_SEQUENCE, "it runs in order, as 1234 or abcd do" },
};

/* cracklib's reasons, found by a part of its own words. */
static const struct {
	const char *says, *why;
} dictionary[] = {
	{ "dictionary word", "it is based on a word in the dictionary" },
	{ "simplistic", "it is a simple pattern, such as counting or a row "
	    "of the keyboard" },
	{ "DIFFERENT", "it has too few different characters" },
	{ "whitespace", "it is all spaces" },
};

static const char *
plain_reason(int code, const char *aux, char *other, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (reasons[i].code == code)
			return reasons[i].why;
	for (i = 0; code == PWQ_ERROR_CRACKLIB_CHECK && aux &&
	    i < sizeof(dictionary) / sizeof(dictionary[0]); i++)
		if (strstr(aux, dictionary[i].says))
			return dictionary[i].why;
	return pwquality_strerror(other, n, code, (void *)(uintptr_t)aux);
}

/* The refusal of a guessable password, with what to do instead. */
static void
too_easy(struct wm_buf *why, const char *reason)
{
	wm_buf_printf(why, "this password is too easy to guess: %s. A few "
	    "unrelated words together are easy to remember and hard to guess",
	    reason);
}

/* libpwquality's verdict, with Waymark's own settings rather than the
 * machine's /etc/security/pwquality.conf, so that the rule is the same
 * wherever Waymark runs. Length is Waymark's own rule (characters, not
 * libpwquality's credits), so its minimum is set as low as it goes. */
static int
guessable(const char *password, const char *email, struct wm_buf *why)
{
	pwquality_settings_t *pwq = pwquality_default_settings();
	char user[65], other[PWQ_MAX_ERROR_MESSAGE_LEN];
	void *aux = NULL;
	int rc;

	if (!pwq) {
		wm_buf_puts(why, "the password could not be checked (out of "
		    "memory)");
		return -1;
	}
	snprintf(user, sizeof(user), "%.*s", email ? (int)strcspn(email, "@") :
	    0, email ? email : "");
	pwquality_set_int_value(pwq, PWQ_SETTING_MIN_LENGTH, 6);
	rc = pwquality_check(pwq, password, NULL, user[0] ? user : NULL, &aux);
	pwquality_free_settings(pwq);
	if (rc >= 0)
		return 0;
	if (rc == PWQ_ERROR_CRACKLIB_CHECK && aux &&
	    strstr(aux, "loading dictionary"))
		wm_buf_puts(why, "the password could not be checked: cracklib's "
		    "dictionary is missing (install cracklib-runtime)");
	else
		too_easy(why, plain_reason(rc, aux, other, sizeof(other)));
	return -1;
}

/* 1 if `hay` holds the n bytes of `needle`, ignoring ASCII case. */
static int
holds_nocase(const char *hay, const char *needle, size_t n)
{
	size_t len = strlen(hay), i;

	for (i = 0; n && i + n <= len; i++)
		if (strncasecmp(hay + i, needle, n) == 0)
			return 1;
	return 0;
}

/* libpwquality is given the part of the email before the '@' and ignores
 * a user name shorter than 4 characters, so "pw5@example.org" passed as
 * its own password: the email is checked here, whole, and by its part
 * before the '@' once that is long enough to mean something. */
static int
holds_email(const char *password, const char *email)
{
	size_t local;

	if (!email || !*email)
		return 0;
	local = strcspn(email, "@");
	return holds_nocase(password, email, strlen(email)) ||
	    (local >= 3 && holds_nocase(password, email, local));
}

int
wm_password_check(const char *password, const char *email,
    struct wm_buf *why)
{
	const unsigned char *p = (const unsigned char *)password;
	size_t chars = 0;

	wm_buf_clear(why);
	if (strlen(password) > 1024) {
		wm_buf_puts(why, "a password is at most 1024 characters");
		return -1;
	}
	if (wm_text_check(password, 0) != WM_TEXT_OK) {
		wm_buf_puts(why, "a password must be text without control "
		    "characters");
		return -1;
	}
	for (; *p; p++)
		chars += (*p & 0xc0) != 0x80;
	if (chars < 10) {
		wm_buf_puts(why, "a password needs at least 10 characters (a few "
		    "words together are easy to remember)");
		return -1;
	}
	if (holds_email(password, email)) {
		too_easy(why, "it contains the account's email address, or "
		    "the name before its @");
		return -1;
	}
	return guessable(password, email, why);
}

void
wm_password_wipe(char *password, size_t n)
{
	sodium_memzero(password, n);
}
