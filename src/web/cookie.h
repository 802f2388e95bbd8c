/*
 * Reading the Cookie request header (RFC 6265, section 5.4): name=value
 * pairs separated by "; ". Browsers and proxies send odd things, so a
 * malformed pair is skipped, never fatal; the header size is bounded.
 * Writes only to the caller's buffer.
 */
#ifndef WM_WEB_COOKIE_H
#define WM_WEB_COOKIE_H

#include <stddef.h>

#define WM_COOKIE_MAX_HEADER 8192
#define WM_COOKIE_MAX_VALUE 256

/* Copies the value of the first cookie named `name` into out (n bytes)
 * and returns 0; -1 if absent, too long, or the header is too large. A
 * value in double quotes is unquoted. */
int wm_cookie_get(const char *header, const char *name, char *out, size_t n);

#endif
