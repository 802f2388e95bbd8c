/*
 * Who may use a route, decided before its handler runs: the server looks
 * up what the route's rule needs (the account's roles, its own person
 * record, and the person, service or invitation the path names), asks
 * core (core/access.h), and writes the audit entry a view of someone
 * else's record needs. The handler then finds what the path named, already
 * checked, in h->scope. Refusals read as "not found", exactly as if the
 * record did not exist.
 */
#ifndef WM_WEB_SCOPE_H
#define WM_WEB_SCOPE_H

#include <stdint.h>

#include "core/access.h"
#include "util/buf.h"

struct wm_http;

/* An account's roles, at most: far beyond any network's services. */
#define WM_SCOPE_MAX_GRANTS 100000

/* Owns `grants`; the server releases it after the request. */
struct wm_scope {
	enum wm_rule rule;
	const char *audit;	/* the view the route declares, if any */
	int audited;		/* ... and it was written */
	int64_t own_person;	/* the account's own person record, or 0 */
	struct wm_grant *grants;
	size_t n_grants, cap;
	/* What the path named, once the rule has allowed it. */
	int64_t person_id;	/* WM_TARGET_PERSON */
	const char *person_ident;	/* the path's, decoded */
	int64_t service_id;	/* WM_TARGET_SERVICE */
	const char *service_code;
	char service_name[256];
	int64_t assessment_id;	/* WM_TARGET_INVITATION */
	int64_t invited_unit;	/* ... of this service */
	int64_t plan_id;	/* WM_TARGET_PLAN */
	int64_t plan_owner;	/* ... whose it is */
	enum wm_plan_reader plan_reader;	/* how the account may read it */
	int64_t plan_unit;	/* the service of a team share, or of a crisis
				 * opening; else one of the owner's services
				 * the reader works in, or 0 */
};

/* Checks the route's rule for the signed-in account (or for no one) and
 * fills h->scope: 0 to run the handler. Otherwise the answer is written
 * (a redirect to sign in, a 401 for the API, a 404, or an error page when
 * the store failed, logged) and -1 is returned. `audit` is the view of
 * the named person's record the route declares, or NULL. */
int wm_scope_admit(struct wm_http *h, enum wm_rule rule, const char *audit);

/* Writes the route's declared view (of the person the path names, else
 * of the service it names, else of a commissioner's part of the network) to the
 * audit log, with `detail` (what was shown, or NULL): 0, or -1 with the
 * failure answered. A handler calls it once it knows it will show the
 * record, and so before anything of it is sent; for a route that declares
 * no view it does nothing. */
int wm_scope_viewed(struct wm_http *h, const char *detail);

/* After the handler: a page of a route that declares a view, about to be
 * shown, whose view was not written is refused (logged, and answered as a
 * failure), so no view can go unaudited; then the scope is released. */
void wm_scope_finish(struct wm_http *h);

/*
 * What the handlers ask, once the rule has allowed the request. Each
 * answers from h->scope; a route whose rule does not name what is asked
 * gets a 404 (and 0 or -1), never someone else's record.
 */

/* Today, by the server's clock, as YYYY-MM-DD: the day a share must
 * still run on to be current. */
void wm_scope_today(const struct wm_http *h, char out[11]);

/* The person the path names, allowed and (if the route says so) audited. */
int64_t wm_scope_person(struct wm_http *h);
/* The signed-in person's own record. */
int64_t wm_page_own_person(struct wm_http *h);
/* A service the signed-in member of staff works in, as a practitioner
 * if they are one (else as a lead); 0, with a 404, for anyone else. */
int64_t wm_page_own_service(struct wm_http *h);
/* Whose record an API read is about: the person the path names, for their
 * supporter, or else the signed-in person's own. */
int64_t wm_api_whose(struct wm_http *h);

/* A service the signed-in account leads, as a lead's pages see it. Owns
 * `name`; release it with wm_led_service_release. */
struct wm_led_service {
	int64_t id;
	char code[65];
	struct wm_buf name;
};

#define WM_LED_SERVICE_INIT { 0, "", WM_BUF_INIT }

/* The rule of the GET route whose pattern is `path`, or WM_RULE_NONE
 * when there is none: a walk of the route table, to be done once. */
enum wm_rule wm_scope_route_rule(const char *path);

/* 1 when the account signed in may open a page of this rule that names
 * no record: what the header's navigation offers is decided by the same
 * rules as the pages it leads to. */
int wm_scope_opens(const struct wm_http *h, enum wm_rule rule);

/* The service the path names, which the rule checked the account leads:
 * 0 with *out filled; else -1 with a 404. */
int wm_service_led(struct wm_http *h, struct wm_led_service *out);
/* The same for a service the rule checked the account commissions (of
 * it, its provider or its network). */
int wm_service_commissioned(struct wm_http *h, struct wm_led_service *out);
void wm_led_service_release(struct wm_led_service *s);

#endif
