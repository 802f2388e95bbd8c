/*
 * Passwords, hashed with argon2id through libsodium (crypto_pwhash_str):
 * a random salt per hash, and verification in constant time. Plain
 * passwords are never stored, logged or returned. Callers own the buffers.
 */
#ifndef WM_UTIL_PASSWORD_H
#define WM_UTIL_PASSWORD_H

#include <stddef.h>

#include "util/buf.h"

#define WM_PASSWORD_HASH_MAX 128	/* crypto_pwhash_STRBYTES */

/* 0 and the encoded hash in out; -1 if hashing failed (out of memory). */
int wm_password_hash(const char *password, char out[WM_PASSWORD_HASH_MAX]);

/* As wm_password_hash, but with the caller's 16-byte salt: only for
 * reproducible demo data, whose passwords are public anyway. */
int wm_password_hash_salted(const char *password,
    const unsigned char salt[16], char out[WM_PASSWORD_HASH_MAX]);

/* 1 if password matches hash, else 0 (also for a malformed hash). */
int wm_password_verify(const char *hash, const char *password);

/*
 * The one rule for a new password, wherever one is set: at least 10
 * characters (length over complexity, as the NCSC advises), at most 1024
 * bytes, printable text, and not easy to guess by libpwquality with
 * cracklib's dictionary (no dictionary word, no simple pattern such as
 * 1234567890, nothing that reads the same backwards), and holding
 * neither the account's email nor, when it has 3 characters or more, the
 * part before its '@', in any case. `email` may be NULL. 0 if it may be used; else -1 and the
 * reason, in plain words for the person choosing it, in why (never the
 * password itself). Not for use on several threads at once: cracklib
 * keeps state between calls.
 */
int wm_password_check(const char *password, const char *email,
    struct wm_buf *why);

/* Overwrites a password in memory once it is no longer needed. */
void wm_password_wipe(char *password, size_t n);

#endif
