#include "web/client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

/* The address in s[0..n) with blanks around it trimmed, into out (cap
 * bytes); -1 if it does not fit. */
static int
trimmed(const char *s, size_t n, char *out, size_t cap)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0 || n >= cap)
		return -1;
	memcpy(out, s, n);
	out[n] = '\0';
	return 0;
}

int
wm_proxies_add(struct wm_proxies *p, const char *list, struct wm_buf *err)
{
	struct wm_proxies next = *p;
	char one[WM_CLIENT_ADDRESS_MAX];
	struct in_addr a;
	const char *s = list;
	size_t n;

	for (;; s += n + 1) {
		n = strcspn(s, ",");
		if (trimmed(s, n, one, sizeof(one)) ||
		    inet_pton(AF_INET, one, &a) != 1) {
			wm_buf_printf(err, "'%.*s' is not an IPv4 address, such as "
			    "127.0.0.1", (int)(n < 60 ? n : 60), s);
			return -1;
		}
		if (next.n == WM_PROXIES_MAX) {
			wm_buf_printf(err, "at most %d proxies can be trusted",
			    WM_PROXIES_MAX);
			return -1;
		}
		next.ipv4[next.n++] = a.s_addr;
		if (!s[n])
			break;
	}
	*p = next;
	return 0;
}

int
wm_proxies_trust(const struct wm_proxies *p, const char *peer)
{
	struct in_addr a;
	size_t i;

	if (!peer || inet_pton(AF_INET, peer, &a) != 1)
		return 0;
	for (i = 0; i < p->n; i++)
		if (p->ipv4[i] == a.s_addr)
			return 1;
	return 0;
}

int
wm_forwarded_for(const char *header, char out[WM_CLIENT_ADDRESS_MAX])
{
	const char *last = header ? strrchr(header, ',') : NULL;
	char one[WM_CLIENT_ADDRESS_MAX];
	unsigned char bin[sizeof(struct in6_addr)];
	int family = AF_INET;

	if (!header)
		return -1;
	last = last ? last + 1 : header;
	if (trimmed(last, strlen(last), one, sizeof(one)))
		return -1;
	if (strchr(one, ':'))
		family = AF_INET6;
	if (inet_pton(family, one, bin) != 1 ||
	    !inet_ntop(family, bin, out, WM_CLIENT_ADDRESS_MAX))
		return -1;
	return 0;
}

void
wm_client_throttle_key(const char *address, char out[WM_CLIENT_ADDRESS_MAX])
{
	struct in6_addr a6;
	struct in_addr a4;
	/* Room for "/64" after it; a /64 is written in 22 bytes at most. */
	char net[WM_CLIENT_ADDRESS_MAX - 3];

	snprintf(out, WM_CLIENT_ADDRESS_MAX, "%s", address ? address : "");
	if (!address || !strchr(address, ':') ||
	    inet_pton(AF_INET6, address, &a6) != 1)
		return;
	if (IN6_IS_ADDR_V4MAPPED(&a6)) {
		memcpy(&a4, &a6.s6_addr[12], sizeof(a4));
		inet_ntop(AF_INET, &a4, out, WM_CLIENT_ADDRESS_MAX);
		return;
	}
	memset(&a6.s6_addr[8], 0, 8);
	if (inet_ntop(AF_INET6, &a6, net, sizeof(net)))
		snprintf(out, WM_CLIENT_ADDRESS_MAX, "%s/64", net);
}
