/*
 * Who a request comes from. Behind a reverse proxy every request comes
 * from the proxy's address, so the sign-in throttle would count everyone
 * as one client and the audit log would say "from the proxy". The proxy
 * says whom it is passing on by appending the client's address to the
 * X-Forwarded-For header (nginx: proxy_add_x_forwarded_for), after
 * whatever the client itself put there; only that last entry is the
 * proxy's word, and only a proxy the operator named is believed: from
 * anyone else the header is ignored, since anyone can send it. Pure
 * functions over caller storage.
 */
#ifndef WM_WEB_CLIENT_H
#define WM_WEB_CLIENT_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

#define WM_PROXIES_MAX 16
/* An address as text, IPv6 included (INET6_ADDRSTRLEN), with its NUL. */
#define WM_CLIENT_ADDRESS_MAX 46

/* The proxies whose X-Forwarded-For is believed: IPv4 addresses. */
struct wm_proxies {
	uint32_t ipv4[WM_PROXIES_MAX];	/* in network byte order */
	size_t n;
};

/* Adds the IPv4 addresses of `list`, one or several separated by commas
 * (192.0.2.1,192.0.2.2). 0, or -1 with the reason in err (naming the
 * part at fault) and nothing added. */
int wm_proxies_add(struct wm_proxies *p, const char *list,
    struct wm_buf *err);

/* 1 if `peer` (an address as text) is one of the proxies. */
int wm_proxies_trust(const struct wm_proxies *p, const char *peer);

/* The last entry of an X-Forwarded-For value, the one the proxy added,
 * as an IPv4 or IPv6 address in its usual written form, into out; -1
 * when it is not an address alone (a port, brackets, a name, nothing). */
int wm_forwarded_for(const char *header, char out[WM_CLIENT_ADDRESS_MAX]);

/* Who one client is to the sign-in throttle, into out: an IPv4 address
 * whole ("192.0.2.7", an IPv4-mapped IPv6 address too), an IPv6 address
 * by its /64 network ("2001:db8:1:2::/64"), since a single home or phone
 * network is given a whole /64 and a client holding one can use a new
 * address in it for every guess. Anything that is not an address
 * ("unknown") is kept as it is, cut to fit. */
void wm_client_throttle_key(const char *address,
    char out[WM_CLIENT_ADDRESS_MAX]);

#endif
