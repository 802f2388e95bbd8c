/*
 * One HTTP request as the handlers see it, and the response they build.
 * Handlers never touch libmicrohttpd: the server (server.c) fills the
 * request side, checks the session and the CSRF token before a handler
 * runs, and sends what the handler leaves, with the security headers.
 * Everything here lives for one request on one thread.
 */
#ifndef WM_WEB_HTTP_H
#define WM_WEB_HTTP_H

#include <stdint.h>

#include "core/catalogue.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/gzip.h"
#include "web/auth.h"
#include "web/form.h"
#include "web/params.h"
#include "web/route.h"
#include "web/scope.h"

#define WM_HTTP_MAX_BODY ((size_t)256 * 1024)

struct wm_writer;
struct wm_page_cache;

struct wm_site {
	const char *base_url;	/* e.g. https://waymark.example.org */
	int secure;		/* base_url is https: cookies get Secure */
	const char *session_cookie;	/* the cookies' names: with the */
	const char *pre_cookie;		/* __Host- prefix when secure */
	const struct wm_catalogue *courses;	/* the training courses, read
						 * at start and never changed */
	struct wm_writer *writer;	/* saves of forms and the API */
	struct wm_page_cache *pages;	/* commissioners' figures, kept
					 * (web/page_cache.h); may be NULL */
};

struct wm_http {
	/* The request. */
	const char *method;
	const char *path;
	const char *pattern;	/* the route's, e.g. /people/{person}/goals */
	const char *query_declared;	/* the query parameters the route
					 * reads (web/params.h) */
	uint64_t request_id;	/* numbers the server's requests, for logs */
	const char *address;	/* client IP, text */
	const char *cookies;	/* the Cookie header, or NULL */
	struct wm_route_match match;
	struct wm_form form;	/* decoded body of a form POST */
	const char *body;	/* the raw body of a JSON API request */
	size_t body_len;
	const struct wm_site *site;
	void *conn;		/* the server's, for wm_http_query */
	struct wm_store *store;
	int64_t now;		/* seconds since 1970 */
	int signed_in;
	struct wm_auth_session who;
	struct wm_scope scope;	/* what the route's rule found and allowed */

	/* The response. */
	int status;
	struct wm_buf out;	/* body: HTML through the escaping writers */
	const char *content_type;
	char location[256];	/* for redirects */
	char allow[48];		/* a 405's Allow header: the methods the
				 * path takes */
	char set_cookie[2][200];
	const char *download;	/* a file name: sent as an attachment */
	const unsigned char *fixed;	/* a built-in asset instead of out */
	size_t fixed_len;
	int cacheable;		/* the same for everyone: may be cached */
	int takes_gzip;		/* the client takes gzip (Accept-Encoding) */
	/* A part of out kept compressed (web/page_cache.h): bytes start to
	 * end of out, and the same as a gzip piece. To a client that takes
	 * gzip the page is then sent compressed, the rest stored as it is
	 * around the piece (util/gzip.h). gz_only: the part is in the piece
	 * alone, not in out (start == end), for a client that takes gzip:
	 * a kept part given out is then never copied as it is. */
	struct {
		int set, gz_only;
		size_t start, end;
		struct wm_gz_piece gz;
	} kept;
	/* Set by wm_page_store_error: the answer is the error page, the
	 * first failed_len bytes of out; anything written after it, and any
	 * redirect, cookie or download, is dropped when it is sent. */
	int failed;
	size_t failed_len;
};

/* Literal markup only: the "" makes anything but a string literal fail to
 * compile, so no outside text reaches the page unescaped. */
#define HTML(h, literal) wm_buf_lit(&(h)->out, literal)

/* A query-string value (decoded), or NULL if absent, not declared by
 * the route, longer than 100 bytes or holding control characters. */
const char *wm_http_query(struct wm_http *h, const char *name);

/* What a checked query-string value turned out to be. */
enum wm_query_status {
	WM_QUERY_OK,
	WM_QUERY_ABSENT,	/* not given, or given empty */
	WM_QUERY_TOO_LONG,	/* more than the characters allowed */
	WM_QUERY_BAD_TEXT,	/* control characters, or not UTF-8 */
};

/* A query-string value (decoded) of at most `max_chars` characters of
 * UTF-8 without control characters into *value; NULL unless WM_QUERY_OK.
 * For pages that must say why a value was refused rather than drop it. */
enum wm_query_status wm_http_query_text(struct wm_http *h, const char *name,
    size_t max_chars, const char **value);

/* A 303 redirect to a path on this site. */
void wm_http_redirect(struct wm_http *h, const char *path);

/* A store failure during a request: logged once (request number, method,
 * route pattern, the store's message; never a value from the path, a name
 * or an answer) and answered with a plain error page or JSON error, so
 * that nothing wrong is shown in its place. The first failure is the
 * answer: whatever the handler writes after it is never sent. */
void wm_page_store_error(struct wm_http *h, int rc, const char *message);
/* 1 if rc is 0; else the store's failure answered as above, and 0. */
int wm_page_store_ok(struct wm_http *h, int rc, const struct wm_buf *err);

/* Records one response and what it is filed as (store.h), durably:
 * through the server's group-commit writer, which answers only once the
 * batch holding it has committed, or on the request's own connection
 * where there is no writer (tests of handlers alone). */
WM_MUST_USE int wm_http_record(struct wm_http *h, const struct wm_record *job,
    int64_t *id, struct wm_buf *err);

/* Writes the signed-in account's entry to the audit log (store.h's
 * wm_store_audit, from the request's address), durably, before the
 * caller shows anything it is about: through the server's group-commit
 * writer, so that views made at the same time share one commit, or on
 * the request's own connection where there is no writer. */
WM_MUST_USE int wm_http_audit(struct wm_http *h, const char *action,
    const char *subject_kind, int64_t subject_id, const char *detail,
    struct wm_buf *err);

/* Empties the response's body (and forgets any part of it kept
 * compressed), for an answer written instead of it. */
void wm_http_clear_body(struct wm_http *h);

/* Adds a Set-Cookie header (at most two per response). */
void wm_http_cookie(struct wm_http *h, const char *name, const char *value,
    int max_age_seconds);

#endif
