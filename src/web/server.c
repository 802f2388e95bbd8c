/*
 * The HTTP server: libmicrohttpd with a thread for each connection and
 * limits, database connections lent from a small pool (one for each
 * request being answered), the group-commit writer for saves, the route
 * table, the access checks every route declares, the security headers
 * every response carries, an access log line per request, and a clean
 * shutdown.
 *
 * Three things here are deliberate:
 * - A request's path is routed as the client sent it (taken in
 *   on_request_line, before libmicrohttpd decodes it), so that the router
 *   is the one decoder of paths: decoding twice would let "%252D" reach a
 *   handler as "-", and libmicrohttpd's copy ends at a decoded "%00".
 * - A connection must finish each request within a deadline of being
 *   opened or of its last answer, from the first byte of its request
 *   line to the end of its body (web/conns.h: a sweeper shuts down the
 *   sockets of those too slow). The connection timeout alone fires only
 *   when nothing arrives, so a client sending a byte every few seconds
 *   would hold its connection for ever, and 512 such clients would shut
 *   everyone out.
 * - Shutdown counts requests in flight, not connections: an idle
 *   keep-alive connection holds nothing that needs finishing.
 * - One address may hold at most 32 connections, except a trusted proxy:
 *   every client behind it shares its address, so the limit would let 32
 *   of them shut out the rest (the proxy limits each client itself).
 *   libmicrohttpd's own per-address limit admits no exception, so the
 *   limit is Waymark's (on_accept); the total of 512 is libmicrohttpd's.
 */
#include "web/server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "store/writer.h"
#include "util/clock.h"
#include "util/escape.h"
#include "util/text.h"
#include "util/token.h"
#include "web/api.h"
#include "web/conns.h"
#include "web/cookie.h"
#include "web/layout.h"
#include "web/page_cache.h"
#include "web/pages.h"
#include "web/params.h"

#define MAX_POOL 16
#define MAX_ROUTES 256
/* How long a connection may sit idle, between requests or mid-request,
 * however long its deadline. */
#define IDLE_SECONDS 30
/* How many connections one address may hold open, a trusted proxy's
 * aside, and how many there may be in all. */
#define PER_ADDRESS_CONNECTIONS 32
#define CONNECTIONS 512
/* How long shutdown waits for requests in flight beyond their deadline:
 * time for the handler's own work and for sending its answer. */
#define SHUTDOWN_GRACE_SECONDS 5

struct wm_server {
	struct MHD_Daemon *d;
	const char *db;
	struct wm_site site;
	pthread_mutex_t mu;
	struct wm_store *idle[MAX_POOL];	/* connections not in use */
	size_t n_idle;
	struct wm_route routes[MAX_ROUTES];
	int log_work;
	uint64_t requests;	/* under mu: numbers requests for the logs */
	unsigned deadline;	/* seconds a connection has to finish a
				 * request (web/conns.h) */
	struct wm_conns *conns;	/* every open connection, held to it */
	struct wm_proxies proxies;	/* whose X-Forwarded-For is believed */
	atomic_int in_flight;	/* requests the handler has seen and that
				 * are not yet completed */
	atomic_int stopping;	/* told to stop: connections are closed
				 * after their answer */
};

/* What one request accumulates between libmicrohttpd's calls, from its
 * first line (on_request_line) to its completion (on_completed). */
struct req {
	uint64_t id;		/* the request's number in every log line */
	const char *pattern;	/* the route it named, once known */
	struct wm_buf body;
	int too_big;
	int seen;		/* on_request has been called: in flight */
	double t0;		/* its first line arrived (wm_clock) */
	int status;		/* as answered; 408 when cut off */
	size_t bytes;
	uint64_t work;		/* the database's, for the access log */
	char method[8];
	char path[WM_ROUTE_MAX_PATH + 2];	/* as sent, without the query;
						 * a longer one is cut one
						 * past the router's limit */
	size_t path_len;	/* as sent, however long */
	char address[64];	/* the client's: the peer's, or the one a
				 * trusted proxy forwarded (web/client.h) */
};

static const char *const security_headers[][2] = {
	{ "Content-Security-Policy", "default-src 'none'; style-src 'self'; "
	    "img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
	    "base-uri 'none'" },
	{ "X-Content-Type-Options", "nosniff" },
	{ "Referrer-Policy", "same-origin" },
	{ "X-Frame-Options", "DENY" },
};

static struct wm_store *
borrow(struct wm_server *srv)
{
	struct wm_store *s = NULL;
	struct wm_buf err = WM_BUF_INIT;

	pthread_mutex_lock(&srv->mu);
	if (srv->n_idle)
		s = srv->idle[--srv->n_idle];
	pthread_mutex_unlock(&srv->mu);
	if (!s && wm_store_open(srv->db, 0, &s, &err)) {
		fprintf(stderr, "waymark: the database could not be opened: "
		    "%s\n", wm_buf_str(&err));
		s = NULL;
	}
	wm_buf_release(&err);
	return s;
}

static void
give_back(struct wm_server *srv, struct wm_store *s)
{
	pthread_mutex_lock(&srv->mu);
	if (srv->n_idle < MAX_POOL) {
		srv->idle[srv->n_idle++] = s;
		s = NULL;
	}
	pthread_mutex_unlock(&srv->mu);
	wm_store_close(s);
}

static void
address_text(const struct sockaddr *sa, char *out, size_t n)
{
	snprintf(out, n, "unknown");
	if (sa && sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)
		    sa)->sin_addr, out, (socklen_t)n);
	else if (sa && sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)
		    sa)->sin6_addr, out, (socklen_t)n);
}

static const struct sockaddr *
peer_of(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c,
	    MHD_CONNECTION_INFO_CLIENT_ADDRESS);

	return ci ? ci->client_addr : NULL;
}

static void
client_address(struct MHD_Connection *c, char *out, size_t n)
{
	address_text(peer_of(c), out, n);
}

/* Keeps the value of the last X-Forwarded-For header. */
static enum MHD_Result
last_forwarded(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *value)
{
	const char **last = cls;

	(void)kind;
	if (key && value && strcasecmp(key, "X-Forwarded-For") == 0)
		*last = value;
	return MHD_YES;
}

/* When the peer is a trusted proxy, the client is the address it added
 * to X-Forwarded-For (web/client.h); a proxy that sent none that reads as
 * an address stays the client. From anyone else the header is ignored. */
static void
forwarded_client(const struct wm_server *srv, struct MHD_Connection *c,
    char *address, size_t n)
{
	const char *last = NULL;
	char out[WM_CLIENT_ADDRESS_MAX];

	if (!wm_proxies_trust(&srv->proxies, address))
		return;
	MHD_get_connection_values(c, MHD_HEADER_KIND, last_forwarded, &last);
	if (wm_forwarded_for(last, out) == 0)
		snprintf(address, n, "%s", out);
}

const char *
wm_http_query(struct wm_http *h, const char *name)
{
	const char *v = wm_query_declared(h->query_declared, name) ?
	    MHD_lookup_connection_value(h->conn, MHD_GET_ARGUMENT_KIND, name) :
	    NULL;

	if (!v || strlen(v) > 100 || wm_text_check(v, 0) != WM_TEXT_OK)
		return NULL;
	return v;
}

enum wm_query_status
wm_http_query_text(struct wm_http *h, const char *name, size_t max_chars,
    const char **value)
{
	const char *v = NULL;
	size_t len = 0;

	*value = NULL;
	if (!wm_query_declared(h->query_declared, name))
		return WM_QUERY_ABSENT;
	if (MHD_lookup_connection_value_n(h->conn, MHD_GET_ARGUMENT_KIND,
	    name, strlen(name), &v, &len) != MHD_YES || !v || len == 0)
		return WM_QUERY_ABSENT;
	/* A decoded %00 would end the string early: refuse it, never cut. */
	if (memchr(v, '\0', len) || wm_text_check(v, 0) != WM_TEXT_OK)
		return WM_QUERY_BAD_TEXT;
	if (wm_utf8_chars(v) > max_chars)
		return WM_QUERY_TOO_LONG;
	*value = v;
	return WM_QUERY_OK;
}

/* Whether the client takes gzip (Accept-Encoding, RFC 9110 12.5.3):
 * "gzip" or "*" named and not refused with q=0. */
static int
takes_gzip(struct MHD_Connection *c)
{
	const char *v = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_ACCEPT_ENCODING);
	size_t n, q;

	while (v && *v) {
		v += strspn(v, " \t,");
		n = strcspn(v, " \t;,");
		q = strcspn(v, ",");
		if ((n == 4 && strncasecmp(v, "gzip", 4) == 0) ||
		    (n == 1 && *v == '*')) {
			const char *p = v + n;

			p += strspn(p, " \t;");
			/* q=0, q=0.0, q=0.00, q=0.000: refused. */
			return !((p[0] == 'q' || p[0] == 'Q') && p[1] == '=' &&
			    p[2] == '0' && strspn(p + 3, ".0") == strcspn(p + 3,
			    " \t,"));
		}
		v += q;
	}
	return 0;
}

/* The page as one gzip member, when part of it is kept compressed and
 * the client takes it: the head and the tail go in STORED, not
 * compressed, around the kept piece. That is deliberate: the head holds
 * the form token, and text compressed beside what an attacker can make
 * the page echo would let them guess it by the length (BREACH). 0 with
 * *out filled, or -1 to send it plain. */
static int
gzip_body(const struct wm_http *h, struct wm_buf *out)
{
	const struct wm_buf *b = &h->out;
	struct wm_gz g;

	if (!h->kept.set || h->failed || b->failed || h->status != 200 ||
	    h->kept.start > h->kept.end || h->kept.end > b->len ||
	    h->kept.end - h->kept.start != (h->kept.gz_only ? 0 :
	    h->kept.gz.len) || !h->takes_gzip)
		return -1;
	wm_gz_start(&g, out);
	wm_gz_add(&g, b->data, h->kept.start);
	wm_gz_add_piece(&g, &h->kept.gz);
	wm_gz_add(&g, b->data + h->kept.end, b->len - h->kept.end);
	return wm_gz_finish(&g);
}

static enum MHD_Result
send_response(struct wm_server *srv, struct MHD_Connection *c, struct req *r,
    struct wm_http *h)
{
	struct wm_buf gz = WM_BUF_INIT;
	int gzipped;
	struct MHD_Response *res;
	enum MHD_Result ok;
	size_t i;

	if (h->failed) {
		/* What a handler wrote after a failure never reaches anyone. */
		h->out.len = h->failed_len;
		h->status = 500;
		h->location[0] = '\0';
		h->set_cookie[0][0] = h->set_cookie[1][0] = '\0';
		h->download = NULL;
		h->fixed = NULL;
	} else if (h->out.failed) {
		wm_page_error(h, 500, "Sorry, there is a problem",
		    "The page was too large to show.");
	}
	if ((gzipped = !h->fixed && gzip_body(h, &gz) == 0)) {
		wm_buf_release(&h->out);
		h->out = gz;
	} else {
		wm_buf_release(&gz);
		/* Out of memory putting the member together: a part kept
		 * only compressed is not in out, so the page cannot go
		 * plain either. */
		if (h->kept.set && h->kept.gz_only)
			wm_page_error(h, 500, "Sorry, there is a problem",
			    "The page could not be sent. Try again.");
	}
	r->bytes = h->fixed ? h->fixed_len : h->out.len;
	if (h->fixed)
		res = MHD_create_response_from_buffer(h->fixed_len,
		    (void *)(uintptr_t)h->fixed, MHD_RESPMEM_PERSISTENT);
	else {
		/* The body is handed over, not copied: a commissioner's
		 * page is over 200 KB. */
		size_t len = h->out.len;
		char *body = wm_buf_detach(&h->out);

		if (!body)
			return MHD_NO;
		res = MHD_create_response_from_buffer(len, body,
		    MHD_RESPMEM_MUST_FREE);
		if (!res)
			free(body);
	}
	if (!res)
		return MHD_NO;
	if (gzipped)
		MHD_add_response_header(res, MHD_HTTP_HEADER_CONTENT_ENCODING,
		    "gzip");
	/* Sent compressed or not by what the client takes. */
	if (h->kept.set)
		MHD_add_response_header(res, MHD_HTTP_HEADER_VARY,
		    MHD_HTTP_HEADER_ACCEPT_ENCODING);
	for (i = 0; i < sizeof(security_headers) / sizeof(security_headers[0]);
	    i++)
		MHD_add_response_header(res, security_headers[i][0],
		    security_headers[i][1]);
	/* Pages hold personal data: never kept by browsers or proxies. Only
	 * the built-in assets, the same for everyone, may be cached. */
	MHD_add_response_header(res, "Cache-Control", h->cacheable ?
	    "public, max-age=86400" : "no-store");
	if (h->content_type)
		MHD_add_response_header(res, "Content-Type", h->content_type);
	if (h->location[0])
		MHD_add_response_header(res, "Location", h->location);
	if (h->allow[0])
		MHD_add_response_header(res, "Allow", h->allow);
	if (h->download) {
		char cd[160];

		snprintf(cd, sizeof(cd), "attachment; filename=\"%s\"",
		    h->download);
		MHD_add_response_header(res, "Content-Disposition", cd);
	}
	for (i = 0; i < 2; i++)
		if (h->set_cookie[i][0])
			MHD_add_response_header(res, "Set-Cookie",
			    h->set_cookie[i]);
	/* Once stopping, no connection is kept for another request. */
	if (atomic_load(&srv->stopping))
		MHD_add_response_header(res, MHD_HTTP_HEADER_CONNECTION, "close");
	r->status = h->status;
	ok = MHD_queue_response(c, (unsigned int)h->status, res);
	MHD_destroy_response(res);
	return ok;
}

static int
content_type_is(struct MHD_Connection *c, const char *type)
{
	const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    "Content-Type");

	return ct && strncasecmp(ct, type, strlen(type)) == 0;
}

/* A multipart/form-data body (a form with a file) as libmicrohttpd's
 * post processor hands it over: each part in pieces, whole parts then
 * added to the form, which checks them. */
struct multipart {
	struct wm_form *form;
	struct wm_diags *d;
	char name[WM_FORM_MAX_NAME + 2];
	char filename[WM_FORM_MAX_FILENAME + 2];
	int open, is_file, bad;
	struct wm_buf value;
};

static void
part_end(struct multipart *m)
{
	if (m->open && !m->bad)
		wm_form_add(m->form, m->name, m->is_file ? m->filename : NULL,
		    m->value.data, m->value.len, m->d);
	m->open = 0;
	wm_buf_clear(&m->value);
}

static enum MHD_Result
part_piece(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *filename, const char *content_type,
    const char *transfer_encoding, const char *data, uint64_t off,
    size_t size)
{
	struct multipart *m = cls;

	(void)kind;
	(void)content_type;
	(void)transfer_encoding;
	if (off == 0 || !m->open) {
		part_end(m);
		if (!key || strlen(key) > WM_FORM_MAX_NAME ||
		    (filename && strlen(filename) > WM_FORM_MAX_FILENAME)) {
			wm_diags_add(m->d, 0, 0, "form", "a field has a name "
			    "that is not allowed");
			m->bad = 1;
			return MHD_NO;
		}
		snprintf(m->name, sizeof(m->name), "%s", key);
		snprintf(m->filename, sizeof(m->filename), "%s",
		    filename ? filename : "");
		m->is_file = filename != NULL;
		m->open = 1;
	}
	if (size && wm_buf_add(&m->value, data, size)) {
		wm_diags_add(m->d, 0, 0, m->name, "is too large");
		m->bad = 1;
		return MHD_NO;
	}
	return MHD_YES;
}

static int
multipart_decode(struct MHD_Connection *c, const struct wm_buf *body,
    struct wm_form *form, struct wm_diags *d)
{
	struct multipart m = { form, d, "", "", 0, 0, 0, WM_BUF_INIT };
	struct MHD_PostProcessor *pp;
	int ok;

	wm_buf_init(&m.value, WM_FORM_MAX_FILE + 1);
	if (!(pp = MHD_create_post_processor(c, 16 * 1024, part_piece, &m))) {
		wm_diags_add(d, 0, 0, "form", "the form could not be read");
		wm_buf_release(&m.value);
		return -1;
	}
	ok = body->len == 0 || MHD_post_process(pp, body->data, body->len) ==
	    MHD_YES;
	MHD_destroy_post_processor(pp);
	part_end(&m);
	wm_buf_release(&m.value);
	if (!ok && wm_diags_count(d) == 0)
		wm_diags_add(d, 0, 0, "form", "the form could not be read");
	if (wm_diags_count(d)) {
		wm_form_release(form);
		return -1;
	}
	return 0;
}

/* A form's body into h->form: urlencoded, or multipart when it carries
 * a file. 415 for anything else. */
static int
decode_form(struct MHD_Connection *c, struct wm_http *h, const struct req *r,
    struct wm_diags *d)
{
	if (content_type_is(c, "multipart/form-data"))
		return multipart_decode(c, &r->body, &h->form, d);
	return wm_form_decode(wm_buf_str(&r->body), r->body.len, &h->form, d);
}

/* Every POST carries the token of the session (or of the sign-in form),
 * or it changes nothing. */
static int
csrf_ok(struct wm_http *h, enum wm_access access)
{
	const char *sent = wm_form_get(&h->form, "csrf");
	char pre[WM_TOKEN_LEN + 1];

	if (!sent)
		return 0;
	if (access == WM_ACCESS_SIGNED_IN)
		return h->signed_in && wm_token_equal(sent, h->who.csrf);
	return wm_cookie_get(h->cookies, h->site->pre_cookie, pre,
	    sizeof(pre)) == 0 && wm_token_valid(pre) &&
	    wm_token_equal(sent, pre);
}

/* JSON, or FHIR's own JSON type, which a plan is sent back as. */
static int
is_json(struct MHD_Connection *c)
{
	static const char *const types[] = { "application/json",
	    "application/fhir+json" };
	const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    "Content-Type");
	size_t i, n;

	for (i = 0; ct && i < sizeof(types) / sizeof(types[0]); i++) {
		n = strlen(types[i]);
		if (strncmp(ct, types[i], n) == 0 && (ct[n] == '\0' ||
		    ct[n] == ';'))
			return 1;
	}
	return 0;
}

/* The JSON API's rules. A cross-site page can send neither a JSON body
 * nor a custom header without the browser asking first (and Waymark
 * never says yes), so the session's token travels in X-CSRF-Token. */
static int
admit_api(struct MHD_Connection *c, struct wm_http *h, const struct req *r,
    enum wm_access access)
{
	const char *sent = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    "X-CSRF-Token");
	int get = strcmp(h->method, "GET") == 0 ||
	    strcmp(h->method, "HEAD") == 0;

	if (access == WM_ACCESS_API && !h->signed_in) {
		wm_page_error(h, 401, "Sign in first", "Sign in first: POST "
		    "your email and password to /api/v1/session.");
		return -1;
	}
	if (get)
		return 0;
	if (r->body.len > WM_API_MAX_BODY) {
		wm_page_error(h, 413, "Too large", "The body is larger than "
		    "the API accepts (64 KiB).");
		return -1;
	}
	if ((strcmp(h->method, "POST") == 0 ||
	    strcmp(h->method, "PUT") == 0) && !is_json(c)) {
		wm_page_error(h, 415, "Send JSON", "The body must be JSON, "
		    "sent as Content-Type: application/json (or "
		    "application/fhir+json).");
		return -1;
	}
	if (access == WM_ACCESS_API && !(sent &&
	    wm_token_equal(sent, h->who.csrf))) {
		wm_page_error(h, 403, "Token missing", "Nothing was changed: "
		    "send the session's token (from GET /api/v1/session) in "
		    "the X-CSRF-Token header.");
		return -1;
	}
	h->body = wm_buf_str(&r->body);
	h->body_len = r->body.len;
	return 0;
}

/* Checks what the route demands; 0 to run the handler. */
static int
admit(struct MHD_Connection *c, struct wm_http *h, const struct req *r,
    enum wm_access access)
{
	struct wm_diags d = WM_DIAGS_INIT;
	int post = strcmp(h->method, "POST") == 0, rc = -1;

	if (access == WM_ACCESS_API || access == WM_ACCESS_API_SIGN_IN)
		return admit_api(c, h, r, access);
	if (access == WM_ACCESS_SIGNED_IN && !h->signed_in && !post) {
		wm_http_redirect(h, "/sign-in");
		return -1;
	}
	if (!post)
		return 0;
	if (!content_type_is(c, "application/x-www-form-urlencoded") &&
	    !content_type_is(c, "multipart/form-data"))
		wm_page_error(h, 415, "Sorry, that did not work",
		    "Forms are sent as application/x-www-form-urlencoded, or "
		    "multipart/form-data with a file.");
	else if (decode_form(c, h, r, &d))
		wm_page_error(h, 400, "Sorry, that did not work", d.n &&
		    d.v[0].where ? "A field of the form could not be read." :
		    "The form could not be read.");
	else if (!csrf_ok(h, access))
		wm_page_error(h, 403, "This form has expired",
		    "Nothing was changed. Go back, reload the page and try "
		    "again.");
	else
		rc = 0;
	wm_diags_release(&d);
	return rc;
}

/* The route a request names; HEAD is answered as GET. */
static enum wm_route_result
route(const struct wm_server *srv, const char *method, const char *path,
    struct wm_route_match *m)
{
	return wm_route_match(srv->routes, wm_n_pages, strcmp(method, "HEAD") ==
	    0 ? "GET" : method, path, m);
}

/* A 405's Allow header: every method the path takes, HEAD with GET. */
static void
allow(const struct wm_server *srv, const char *path, char *out, size_t n)
{
	const char *m[8];
	size_t k = wm_route_methods(srv->routes, wm_n_pages, path, m, 8), i;
	struct wm_buf b = WM_BUF_INIT;

	wm_buf_init(&b, n - 1);
	for (i = 0; i < k; i++)
		wm_buf_printf(&b, "%s%s%s", i ? ", " : "", m[i],
		    strcmp(m[i], "GET") == 0 ? ", HEAD" : "");
	snprintf(out, n, "%s", b.failed ? "" : wm_buf_str(&b));
	wm_buf_release(&b);
}

/* The page the request names, with h->pattern and h->match filled; NULL
 * when it names none, answered already (404, or 405 with Allow). */
static const struct wm_page *
find_page(struct wm_server *srv, struct wm_http *h)
{
	const struct wm_page *page = NULL;

	switch (route(srv, h->method, h->path, &h->match)) {
	case WM_ROUTE_FOUND:
		page = &wm_pages[h->match.route];
		h->pattern = page->route.pattern;
		h->query_declared = page->query;
		/* A value of the wrong kind names nothing that exists. */
		if (wm_params_check(&h->match)) {
			wm_page_not_found(h);
			page = NULL;
		}
		break;
	case WM_ROUTE_METHOD_NOT_ALLOWED:
		h->pattern = srv->routes[h->match.route].pattern;
		allow(srv, h->path, h->allow, sizeof(h->allow));
		wm_page_error(h, 405, "Sorry, that did not work",
		    "That page does not take this kind of request.");
		break;
	case WM_ROUTE_NOT_FOUND:
	case WM_ROUTE_BAD_PATH:
		wm_page_not_found(h);
		break;
	}
	return page;
}

static enum MHD_Result
respond(struct wm_server *srv, struct MHD_Connection *c, struct req *r,
    const char *method)
{
	char token[WM_TOKEN_LEN + 1];
	struct wm_buf err = WM_BUF_INIT;
	struct wm_http h;
	enum MHD_Result ok;
	const struct wm_page *page = NULL;

	memset(&h, 0, sizeof(h));
	wm_buf_init(&h.out, (size_t)4 << 20);
	wm_buf_init(&h.kept.gz.deflated, (size_t)4 << 20);
	h.method = method;
	h.path = r->path;
	h.conn = c;
	h.address = r->address;
	h.cookies = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Cookie");
	h.site = &srv->site;
	h.now = (int64_t)time(NULL);
	h.request_id = r->id;
	h.takes_gzip = takes_gzip(c);
	h.status = 200;
	page = find_page(srv, &h);
	r->pattern = h.pattern;
	if (page && r->too_big) {
		wm_page_error(&h, 413, "Sorry, that was too much",
		    "The form sent was larger than Waymark accepts.");
		page = NULL;
	}
	if (page && !(h.store = borrow(srv))) {
		wm_page_error(&h, 503, "Sorry, the service is unavailable",
		    "Try again in a few minutes.");
		page = NULL;
	}
	if (page && wm_cookie_get(h.cookies, srv->site.session_cookie, token,
	    sizeof(token)) == 0) {
		enum wm_auth_result ar = wm_auth_session(h.store, token, h.now,
		    &h.who, &err);

		/* A session that could not be read is not "signed out". */
		if (ar == WM_AUTH_ERROR) {
			wm_page_store_error(&h, WM_STORE_ERROR,
			    wm_buf_str(&err));
			page = NULL;
		}
		h.signed_in = ar == WM_AUTH_OK;
	}
	/* Counted only when logged: reading the count walks every
	 * statement the connection has prepared. */
	if (h.store && srv->log_work)
		wm_store_cost(h.store);	/* from zero for this request */
	if (page && admit(c, &h, r, page->access) == 0 &&
	    wm_scope_admit(&h, page->rule, page->audit) == 0) {
		page->handler(&h);
		wm_scope_finish(&h);
	}
	ok = send_response(srv, c, r, &h);
	if (h.store) {
		if (srv->log_work)
			r->work = wm_store_cost(h.store);
		give_back(srv, h.store);
	}
	wm_form_release(&h.form);
	wm_buf_release(&h.out);
	wm_gz_piece_release(&h.kept.gz);
	wm_buf_release(&err);
	return ok;
}

/* The connection's entry in srv->conns (NULL if it could not be made). */
static struct wm_conn *
conn_of(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c,
	    MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return ci ? ci->socket_context : NULL;
}

/* Whether to take a new connection from `addr`: a trusted proxy's
 * always (within the total), anyone else's while they hold fewer than
 * PER_ADDRESS_CONNECTIONS. libmicrohttpd asks this on its accepting
 * thread, which then tells on_connection of the connection (and so counts
 * it) before it accepts the next, so no burst slips past the count. */
static enum MHD_Result
on_accept(void *cls, const struct sockaddr *addr, socklen_t len)
{
	struct wm_server *srv = cls;
	char text[WM_CLIENT_ADDRESS_MAX];

	(void)len;
	address_text(addr, text, sizeof(text));
	if (wm_proxies_trust(&srv->proxies, text))
		return MHD_YES;
	return wm_conns_from(srv->conns, addr) < PER_ADDRESS_CONNECTIONS ?
	    MHD_YES : MHD_NO;
}

static void request_done(struct wm_server *srv, struct req *r);

/* Every connection is held to the deadline from the moment it opens,
 * before any byte of its request has arrived, until libmicrohttpd closes
 * it (which it does only after this is told). */
static void
on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
    enum MHD_ConnectionNotificationCode what)
{
	struct wm_server *srv = cls;
	const union MHD_ConnectionInfo *ci;
	struct req *dropped;

	if (what == MHD_CONNECTION_NOTIFY_STARTED) {
		ci = MHD_get_connection_info(c,
		    MHD_CONNECTION_INFO_CONNECTION_FD);
		*socket_context = ci ? wm_conns_add(srv->conns,
		    ci->connect_fd, peer_of(c)) : NULL;
		return;
	}
	dropped = wm_conns_remove(srv->conns, *socket_context);
	*socket_context = NULL;
	if (dropped)
		request_done(srv, dropped);
}

/* A request's first line has arrived: its record starts here, with its
 * number, the path as sent (libmicrohttpd decodes its own copy, which is
 * not used) and the time it began. A raw NUL byte in the request line
 * ends `uri` there, and libmicrohttpd 0.9.75 offers no way to learn the
 * line's real length (README says what follows: the path before the NUL
 * is answered, by its own access rules). What this returns is on_request's
 * *req_cls, and libmicrohttpd usually calls on_completed with it, but it
 * drops a request whose line or headers are too big to read without a
 * call, so the connection holds the record until on_request or
 * on_completed takes it, and its close frees what is left. */
static void *
on_request_line(void *cls, const char *uri, struct MHD_Connection *c)
{
	struct wm_server *srv = cls;
	struct req *r = calloc(1, sizeof(*r));
	struct req *dropped;
	size_t n = strcspn(uri, "?");

	if (!r)
		return NULL;
	client_address(c, r->address, sizeof(r->address));
	wm_buf_init(&r->body, WM_HTTP_MAX_BODY);
	r->t0 = wm_clock_seconds();
	pthread_mutex_lock(&srv->mu);
	r->id = ++srv->requests;
	pthread_mutex_unlock(&srv->mu);
	r->path_len = n;
	if (n > WM_ROUTE_MAX_PATH + 1)
		n = WM_ROUTE_MAX_PATH + 1;
	memcpy(r->path, uri, n);
	r->path[n] = '\0';
	snprintf(r->method, sizeof(r->method), "-");
	/* Held until on_request takes it: libmicrohttpd calls on_completed
	 * only for a request it has handed over. */
	dropped = wm_conn_hold(srv->conns, conn_of(c), r);
	if (dropped)
		request_done(srv, dropped);
	return r;
}

/* libmicrohttpd's decoded `url` is not used: r->path is routed as sent.
 * A request that arrived whole is answered unless it came past the
 * deadline (closed, logged as 408); the deadline's clock stops while the
 * handler runs, and starts again for sending the answer. */
static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **req_cls)
{
	struct wm_server *srv = cls;
	struct req *r = *req_cls;
	enum MHD_Result ok;

	(void)url;
	(void)version;
	if (!r)
		return MHD_NO;	/* its record could not be made */
	if (!r->seen) {
		r->seen = 1;
		wm_conn_hold(srv->conns, conn_of(c), NULL);
		atomic_fetch_add(&srv->in_flight, 1);
		snprintf(r->method, sizeof(r->method), "%s", method);
		forwarded_client(srv, c, r->address, sizeof(r->address));
		return MHD_YES;
	}
	if (*upload_size) {
		/* Past the limit the rest is read and dropped, then 413. */
		if (!r->too_big && wm_buf_add(&r->body, upload, *upload_size))
			r->too_big = 1;
		*upload_size = 0;
		return MHD_YES;
	}
	if (wm_conn_answering(srv->conns, conn_of(c))) {
		r->status = 408;
		return MHD_NO;
	}
	ok = respond(srv, c, r, method);
	wm_conn_restart(srv->conns, conn_of(c));
	return ok;
}

/* The pattern of the route a request cut off before its answer named,
 * or NULL: its method may not be known yet ("-"), so a path that some
 * route takes is enough. */
static const char *
pattern_of(const struct wm_server *srv, const struct req *r)
{
	struct wm_route_match m;

	switch (route(srv, r->method, r->path, &m)) {
	case WM_ROUTE_FOUND:
	case WM_ROUTE_METHOD_NOT_ALLOWED:
		return srv->routes[m.route].pattern;
	default:
		return NULL;
	}
}

/* One line per request, by its number (as in any error line about it):
 * never a name, an answer, a query or a token, and never the path, which
 * may hold a person's identifier: the route's pattern stands for it, or
 * for a path that names no route, its length. Nothing the client sent is
 * written but the method, escaped (wm_esc_log), so no request can forge a
 * line. A request closed before it was answered shows the status 408 when
 * it was too slow, else 0. Then its record is freed. */
static void
request_done(struct wm_server *srv, struct req *r)
{
	struct wm_buf line = WM_BUF_INIT;

	if (!r->pattern)
		r->pattern = pattern_of(srv, r);
	wm_buf_init(&line, 1024);
	/* No address either: it can identify a person, and the audit log
	 * keeps it where a view of a record needs it. */
	wm_buf_printf(&line, "request %llu ", (unsigned long long)r->id);
	wm_esc_log_s(&line, r->method);
	if (r->pattern)
		wm_buf_printf(&line, " %s", r->pattern);
	else
		wm_buf_printf(&line, " (no route: %zu bytes)", r->path_len);
	wm_buf_printf(&line, " %d %zu %.1fms", r->status, r->bytes,
	    (wm_clock_seconds() - r->t0) * 1e3);
	if (srv->log_work)
		wm_buf_printf(&line, " work=%llu", (unsigned long long)r->work);
	wm_buf_putc(&line, '\n');
	fputs(wm_buf_str(&line), stderr);
	wm_buf_release(&line);
	wm_buf_release(&r->body);
	free(r);
}

/* A request handed to on_request is done: its connection then has the
 * deadline again to bring the next request. */
static void
on_completed(void *cls, struct MHD_Connection *c, void **req_cls,
    enum MHD_RequestTerminationCode why)
{
	struct wm_server *srv = cls;
	struct req *r = *req_cls;
	struct wm_conn *conn = conn_of(c);

	if (!r)
		return;
	/* Ended before a handler took it (cut off mid-headers, say): the
	 * connection lets go of it, since it is freed here. */
	if (!r->seen)
		wm_conn_hold(srv->conns, conn, NULL);
	if (!r->status && (why == MHD_REQUEST_TERMINATED_TIMEOUT_REACHED ||
	    wm_conn_was_cut(srv->conns, conn)))
		r->status = 408;
	wm_conn_restart(srv->conns, conn);
	if (r->seen)
		atomic_fetch_sub(&srv->in_flight, 1);
	request_done(srv, r);
	*req_cls = NULL;
}

static int
loopback(const char *host)
{
	return strncmp(host, "127.", 4) == 0 || strcmp(host, "localhost") == 0;
}

int
wm_server_check(const struct wm_server_opts *o, struct wm_buf *err)
{
	struct wm_store *s = NULL;
	char demo[8];
	int rc;

	if ((rc = wm_store_open(o->db, 0, &s, err)))
		return rc;
	rc = wm_store_setting_get(s, "demo", demo, sizeof(demo), err);
	wm_store_close(s);
	if (rc == WM_STORE_NOT_FOUND)
		return 0;
	if (rc)
		return rc;
	if (!loopback(o->host) && !o->allow_demo) {
		wm_buf_clear(err);
		wm_buf_puts(err, "this is a demo database, whose passwords are "
		    "public: it is served only on a loopback address (such as "
		    "127.0.0.1) unless you add --allow-demo");
		return WM_STORE_ERROR;
	}
	return 0;
}

/* Stops taking connections at once, then waits while requests are in
 * flight (each bounded by its deadline, with a grace for its answer) but
 * never for idle keep-alive connections, and closes everything. */
static void
stop_gracefully(struct wm_server *srv)
{
	MHD_socket fd;
	double t0;

	atomic_store(&srv->stopping, 1);
	fd = MHD_quiesce_daemon(srv->d);
	if (fd != MHD_INVALID_SOCKET)
		close(fd);
	t0 = wm_clock_seconds();
	while (atomic_load(&srv->in_flight) > 0 && wm_clock_seconds() - t0 <
	    (double)(srv->deadline + SHUTDOWN_GRACE_SECONDS))
		usleep(20 * 1000);
	MHD_stop_daemon(srv->d);
}

void
wm_server_routes(struct wm_buf *out)
{
	size_t i;

	for (i = 0; i < wm_n_pages; i++)
		wm_buf_printf(out, "%s\t%s\t%s\t%s\t%s\n",
		    wm_pages[i].route.method, wm_pages[i].route.pattern,
		    wm_rule_name(wm_pages[i].rule), wm_pages[i].audit ?
		    wm_pages[i].audit : "-", wm_pages[i].query ?
		    wm_pages[i].query : "-");
}

int
wm_server_run(const struct wm_server_opts *o, struct wm_buf *err)
{
	struct wm_server srv;
	struct sockaddr_in sin;
	sigset_t stop;
	size_t i;
	int sig;

	memset(&srv, 0, sizeof(srv));
	srv.db = o->db;
	srv.deadline = o->request_seconds ? o->request_seconds :
	    WM_SERVER_REQUEST_SECONDS;
	atomic_init(&srv.in_flight, 0);
	atomic_init(&srv.stopping, 0);
	srv.site.base_url = o->base_url;
	srv.site.secure = strncmp(o->base_url, "https://", 8) == 0;
	srv.site.session_cookie = srv.site.secure ? WM_COOKIE_HOST
	    WM_COOKIE_SESSION : WM_COOKIE_SESSION;
	srv.site.pre_cookie = srv.site.secure ? WM_COOKIE_HOST WM_COOKIE_PRE :
	    WM_COOKIE_PRE;
	srv.site.courses = o->courses;
	srv.log_work = o->log_work;
	srv.proxies = o->proxies;
	if (wm_n_pages > MAX_ROUTES) {
		wm_buf_clear(err);
		wm_buf_puts(err, "BUG: the route table is longer than the "
		    "server holds (MAX_ROUTES)");
		return WM_STORE_ERROR;
	}
	for (i = 0; i < wm_n_pages; i++)
		srv.routes[i] = wm_pages[i].route;
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons(o->port);
	if (inet_pton(AF_INET, strcmp(o->host, "localhost") == 0 ? "127.0.0.1" :
	    o->host, &sin.sin_addr) != 1) {
		wm_buf_clear(err);
		wm_buf_printf(err, "'%s' is not an IPv4 address to listen on",
		    o->host);
		return WM_STORE_ERROR;
	}
	/* Signals are taken by this thread alone, with sigwait below (the
	 * writer's thread, started after this, inherits the mask). */
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	/* One writer for every form and API save: many savers then wait
	 * for one group commit, not in SQLite's busy handler. */
	if (wm_writer_start(o->db, 64, &srv.site.writer, err))
		return WM_STORE_ERROR;
	/* Commissioners' figures, kept until they change. */
	if (!(srv.site.pages = wm_page_cache_new(WM_PAGE_CACHE_ENTRIES,
	    WM_PAGE_CACHE_BYTES)) || wm_conns_start(srv.deadline,
	    &srv.conns)) {
		wm_page_cache_free(srv.site.pages);
		wm_writer_stop(srv.site.writer);
		wm_buf_clear(err);
		wm_buf_puts(err, "could not start the server (out of memory)");
		return WM_STORE_ERROR;
	}
	pthread_mutex_init(&srv.mu, NULL);
	/* A thread for each connection: a save waits for its group commit
	 * on its own connection's thread, and no other connection waits
	 * behind it (a pool of threads, each serving several connections,
	 * made saves queue behind saves). */
	srv.d = MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION |
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC,
	    o->port, on_accept, &srv, on_request, &srv,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sin,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)128 * 1024,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)IDLE_SECONDS,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned int)CONNECTIONS,
	    MHD_OPTION_NOTIFY_CONNECTION, on_connection, &srv,
	    MHD_OPTION_URI_LOG_CALLBACK, on_request_line, &srv,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, &srv,
	    MHD_OPTION_END);
	if (!srv.d) {
		wm_conns_stop(srv.conns);
		wm_writer_stop(srv.site.writer);
		wm_page_cache_free(srv.site.pages);
		pthread_mutex_destroy(&srv.mu);
		wm_buf_clear(err);
		wm_buf_printf(err, "could not listen on %s:%u (is it in use?)",
		    o->host, (unsigned)o->port);
		return WM_STORE_ERROR;
	}
	fprintf(stderr, "waymark: serving %s on http://%s:%u\n", o->db,
	    o->host, (unsigned)o->port);
	while (sigwait(&stop, &sig) != 0)
		;
	fprintf(stderr, "waymark: stopping (signal %d)\n", sig);
	stop_gracefully(&srv);
	wm_conns_stop(srv.conns);
	wm_writer_stop(srv.site.writer);
	wm_page_cache_free(srv.site.pages);
	while (srv.n_idle)
		wm_store_close(srv.idle[--srv.n_idle]);
	pthread_mutex_destroy(&srv.mu);
	return 0;
}
