#include "util/text.h"

size_t
wm_utf8_len(const unsigned char *s)
{
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		return (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (s[0] >= 0xe0 && s[0] <= 0xef) {
		if ((s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80)
			return 0;
		if ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] > 0x9f))
			return 0;
		return 3;
	}
	if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		if ((s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 ||
		    (s[3] & 0xc0) != 0x80)
			return 0;
		if ((s[0] == 0xf0 && s[1] < 0x90) || (s[0] == 0xf4 && s[1] > 0x8f))
			return 0;
		return 4;
	}
	return 0;
}

enum wm_text_result
wm_text_check(const char *s, int multiline)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		size_t k = wm_utf8_len(p);

		if (k == 0)
			return WM_TEXT_BAD_UTF8;
		if (multiline && (*p == '\n' || *p == '\t')) {
			p++;
			continue;
		}
		/* C0, DEL and C1 (U+0080..U+009F, "\xc2\x80".."\xc2\x9f"). */
		if ((k == 1 && (*p < 0x20 || *p == 0x7f)) ||
		    (k == 2 && p[0] == 0xc2 && p[1] < 0xa0))
			return WM_TEXT_CONTROL;
		p += k;
	}
	return WM_TEXT_OK;
}

size_t
wm_utf8_chars(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	/* Each character has exactly one byte that is not 10xxxxxx. */
	for (; *p; p++)
		n += (*p & 0xc0) != 0x80;
	return n;
}

int
wm_hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}
