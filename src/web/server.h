/*
 * `waymark serve`: the web application over one database, until SIGINT
 * or SIGTERM. The server owns its threads and connections; the options
 * are the caller's.
 */
#ifndef WM_WEB_SERVER_H
#define WM_WEB_SERVER_H

#include <stdint.h>

#include "core/catalogue.h"
#include "util/buf.h"
#include "web/client.h"

/* How long a connection may take to send a whole request, from opening or
 * from its last answer, unless the options say otherwise. */
#define WM_SERVER_REQUEST_SECONDS 30

struct wm_server_opts {
	const char *db;
	const char *host;	/* IPv4 address or "localhost" */
	uint16_t port;
	const char *base_url;	/* how people reach it; https makes cookies
				 * Secure */
	unsigned request_seconds;	/* a connection's time to send a
					 * request (0: the default) */
	int allow_demo;		/* serve a demo database beyond loopback */
	int log_work;		/* add each request's database work
				 * (wm_store_cost) to its access-log line */
	struct wm_proxies proxies;	/* whose X-Forwarded-For is believed */
	const struct wm_catalogue *courses;	/* the training courses */
};

/* Refuses a database that is not ready, or a demo database (public
 * passwords) on anything but loopback without allow_demo. */
int wm_server_check(const struct wm_server_opts *o, struct wm_buf *err);

/* The route table as text, one route a line, its fields separated by
 * tabs: method, path, who may use it (the rule's name), the audit entry a
 * view writes, and the query parameters it reads ("-" for none). */
void wm_server_routes(struct wm_buf *out);

/* Serves until SIGINT or SIGTERM, then stops accepting at once, lets
 * requests in flight finish (within their deadline) and stops, whatever
 * idle connections are open. Returns 0, or an error with err filled. */
int wm_server_run(const struct wm_server_opts *o, struct wm_buf *err);

#endif
