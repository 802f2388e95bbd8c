/*
 * Secret tokens for sessions and forms: 256 bits from libsodium's CSPRNG,
 * written as unpadded base64url (43 characters). Only a token's hash is
 * ever stored, so a copy of the database does not let anyone sign in.
 * Functions fill caller buffers.
 */
#ifndef WM_UTIL_TOKEN_H
#define WM_UTIL_TOKEN_H

#include <stddef.h>

#define WM_TOKEN_LEN 43		/* characters, without the NUL */
#define WM_TOKEN_HASH_LEN 64	/* hex characters, without the NUL */

/* A new random token. 0, or -1 if the generator could not start. */
int wm_token_new(char out[WM_TOKEN_LEN + 1]);

/* n random bytes from the same generator, for secrets written another
 * way (setup codes). 0, or -1 if the generator could not start. */
int wm_token_random(unsigned char *out, size_t n);

/* 1 if s looks like a token (43 base64url characters), else 0. */
int wm_token_valid(const char *s);

/* The hex BLAKE2b-256 hash of a token, for storing and looking up. */
void wm_token_hash(const char *token, char out[WM_TOKEN_HASH_LEN + 1]);

/* Compares two tokens in constant time: 1 if equal. */
int wm_token_equal(const char *a, const char *b);

#endif
