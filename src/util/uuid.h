/*
 * Random UUIDs (RFC 9562, version 4) from libsodium's CSPRNG, written in
 * lower case as FHIR's urn:uuid wants them. The caller's buffer is
 * filled; nothing is kept.
 */
#ifndef WM_UTIL_UUID_H
#define WM_UTIL_UUID_H

#define WM_UUID_LEN 36		/* characters, without the NUL */

/* A new random UUID. 0, or -1 if the generator could not start. */
int wm_uuid_new(char out[WM_UUID_LEN + 1]);

#endif
