/*
 * What the administrator's account pages share: the network's units for
 * choosing where a role is held, the fields that name a grant, an
 * account's roles in words, and core's and the store's reasons written
 * as sentences. Writes into the request's response; the units are owned
 * by their struct until released.
 */
#ifndef WM_WEB_ADMIN_ACCOUNTS_H
#define WM_WEB_ADMIN_ACCOUNTS_H

#include "core/account.h"
#include "store/accounts.h"
#include "util/arena.h"
#include "web/http.h"

/* The network tree, as wm_store_unit_list gives it, kept: closed units
 * too, where roles granted before may still be held (the grant form
 * offers only the open ones). */
struct wm_admin_units {
	struct wm_arena arena;
	struct wm_unit_row *v;
	size_t n, cap;
};

#define WM_ADMIN_UNITS_INIT { WM_ARENA_INIT, NULL, 0, 0 }

/* Reads the units; 0, or -1 with the store's failure answered. */
int wm_admin_units_read(struct wm_http *h, struct wm_admin_units *u);
void wm_admin_units_release(struct wm_admin_units *u);
/* The unit's code by its id, or NULL. */
const char *wm_admin_unit_code(const struct wm_admin_units *u, int64_t id);

/* A grant as the form typed it, and each field's problem. */
struct wm_admin_grant {
	const char *role, *unit, *group;
	const char *role_error, *unit_error, *group_error;
	char why[200];		/* core's reason, as a sentence */
};

/* The grant's fields from the POSTed form, checked by core's rule
 * (wm_grant_check): 0 with *g filled, or -1 with the problem on its
 * field. */
int wm_admin_grant_read(struct wm_http *h, struct wm_admin_grant *f,
    struct wm_grant_spec *g);

/* Puts a refusal of the store (store/accounts.h) on the field it is
 * about: the unit (it is not there, or the role is not held at one of
 * its kind), else the role. */
void wm_admin_grant_refused(struct wm_admin_grant *f, int rc,
    const char *why);

/* The role, unit and stakeholder-group fields, each with its problem. */
void wm_admin_grant_fields(struct wm_http *h, const struct wm_admin_units *u,
    const struct wm_admin_grant *f);

/* One grant in words, "Validator (supporter or carer), Test Service";
 * role is g->role's. */
void wm_admin_grant_words(struct wm_http *h, const struct wm_grant_row *g,
    enum wm_role role);

/* Writes the account's roles in words, "Practitioner, Test Service",
 * joined by `sep` (a literal); "No roles" if none. 0, or -1 with the
 * store's failure answered. */
int wm_admin_roles(struct wm_http *h, int64_t account_id, const char *sep);

/* A reason from core or the store ("a validator speaks for...") as a
 * sentence, its first letter a capital, into out (cut to fit). */
void wm_admin_sentence(char *out, size_t n, const char *why);

/* The page that shows an account's new setup code, once, headed
 * `title`, with whom to give it to, until when it works, and a link to
 * the account's page. */
void wm_admin_code_page(struct wm_http *h, const char *title,
    const char *name, int64_t id, const char *code);

/* Who is making a change from this request, for store/accounts.h. */
struct wm_actor wm_admin_actor(const struct wm_http *h);

#endif
