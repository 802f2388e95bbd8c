#include "web/cookie.h"

#include <string.h>

/* RFC 6265 cookie-octet: visible ASCII except " , ; \ and space. */
static int
cookie_octet(unsigned char c)
{
	return c >= 0x21 && c <= 0x7e && c != '"' && c != ',' && c != ';' &&
	    c != '\\';
}

int
wm_cookie_get(const char *header, const char *name, char *out, size_t n)
{
	size_t hlen, nlen = strlen(name);
	const char *p, *end;

	if (!header || nlen == 0 || n == 0)
		return -1;
	hlen = strnlen(header, WM_COOKIE_MAX_HEADER + 1);
	if (hlen > WM_COOKIE_MAX_HEADER)
		return -1;
	for (p = header, end = header + hlen; p < end; ) {
		const char *pair = p, *semi = memchr(p, ';', (size_t)(end - p));
		const char *stop = semi ? semi : end, *eq, *v, *vend;
		size_t len;

		p = semi ? semi + 1 : end;
		while (pair < stop && (*pair == ' ' || *pair == '\t'))
			pair++;
		eq = memchr(pair, '=', (size_t)(stop - pair));
		if (!eq || (size_t)(eq - pair) != nlen ||
		    memcmp(pair, name, nlen) != 0)
			continue;
		v = eq + 1;
		vend = stop;
		while (vend > v && (vend[-1] == ' ' || vend[-1] == '\t'))
			vend--;
		if (vend - v >= 2 && *v == '"' && vend[-1] == '"') {
			v++;
			vend--;
		}
		len = (size_t)(vend - v);
		if (len >= n || len > WM_COOKIE_MAX_VALUE)
			return -1;
		for (const char *c = v; c < vend; c++)
			if (!cookie_octet((unsigned char)*c))
				return -1;
		memcpy(out, v, len);
		out[len] = '\0';
		return 0;
	}
	return -1;
}
