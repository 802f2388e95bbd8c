/*
 * Checking text that came from outside before it is stored or shown: it
 * must be valid UTF-8 and free of control characters, which could rewrite
 * a terminal, hide text, or break a file format. Pure functions.
 */
#ifndef WM_UTIL_TEXT_H
#define WM_UTIL_TEXT_H

#include <stddef.h>

enum wm_text_result {
	WM_TEXT_OK = 0,
	WM_TEXT_BAD_UTF8,
	WM_TEXT_CONTROL,	/* C0, DEL or C1 control character */
};

/* Checks a NUL-terminated string; `multiline` allows newline and tab. */
enum wm_text_result wm_text_check(const char *s, int multiline);

/* The length of the UTF-8 sequence starting at s, or 0 if it is not
 * valid (overlong forms, surrogates and values past U+10FFFF are not). */
size_t wm_utf8_len(const unsigned char *s);

/* The number of characters (code points) in valid UTF-8 text. */
size_t wm_utf8_chars(const char *s);

/* The value of a hexadecimal digit, or -1. */
int wm_hex_value(char c);

#endif
