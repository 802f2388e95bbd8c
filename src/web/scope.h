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

struct wm_http;

#define WM_SCOPE_MAX_GRANTS 64

struct wm_scope {
	enum wm_rule rule;
	int64_t own_person;	/* the account's own person record, or 0 */
	struct wm_grant grants[WM_SCOPE_MAX_GRANTS];
	size_t n_grants;
	/* What the path named, once the rule has allowed it. */
	int64_t person_id;	/* WM_TARGET_PERSON */
	const char *person_ident;	/* the path's, decoded */
	int64_t service_id;	/* WM_TARGET_SERVICE */
	const char *service_code;
	int64_t assessment_id;	/* WM_TARGET_INVITATION */
};

/* Checks the route's rule for the signed-in account (or for no one) and
 * fills h->scope: 0 to run the handler. Otherwise the answer is written
 * (a redirect to sign in, a 401 for the API, a 404, or an error page when
 * the store failed, logged) and -1 is returned. `audit`, when not NULL,
 * is written to the audit log as a view of the named person's record
 * before the handler runs; if it cannot be written, nothing is shown. */
int wm_scope_admit(struct wm_http *h, enum wm_rule rule, const char *audit);

#endif
