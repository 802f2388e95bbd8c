/*
 * Administering accounts, for the command line and the web alike (see
 * accounts.h). Each change checks core's rules, makes the change and
 * writes its audit entry in one transaction, so a refused or failed
 * change leaves nothing behind, not even half an account.
 */
#include "store/accounts.h"

#include <stdio.h>
#include <string.h>

#include "util/token.h"

static int
refuse(int rc, const char *why, struct wm_buf *err)
{
	wm_buf_clear(err);
	wm_buf_puts(err, why);
	return rc;
}

/* "validator@svc/lived-experience", as the command line and the audit
 * log write a grant. */
static void
grant_words(char *out, size_t n, enum wm_role role, const char *unit,
    enum wm_stakeholder group)
{
	snprintf(out, n, "%s@%s%s%s", wm_role_name(role), unit,
	    group != WM_STAKEHOLDER_NONE ? "/" : "",
	    group != WM_STAKEHOLDER_NONE ? wm_stakeholder_code(group) : "");
}

static int
audit(struct wm_store *s, const struct wm_actor *by, const char *action,
    int64_t account_id, const char *detail, struct wm_buf *err)
{
	return wm_store_audit(s, by->account_id, action, "account", account_id,
	    detail, by->address, err);
}

/* A unit as a grant's checks need it. */
struct grant_at {
	int64_t id;
	int known;			/* its kind is one core knows */
	enum wm_unit_kind kind;
	char closed[11];		/* the day it closed; "" while open */
};

static int
grant_at_got(void *ctx, const struct wm_unit_row *r)
{
	struct grant_at *g = ctx;

	g->id = r->id;
	g->known = wm_unit_kind_parse(r->kind, &g->kind) == 0;
	snprintf(g->closed, sizeof(g->closed), "%s", r->closed ? r->closed :
	    "");
	return 0;
}

/* The unit the grant names, if the role may be held there: checked here
 * so that a closed unit is refused in words before the database's own
 * guard (migration 16's trigger) is ever reached. */
static int
grant_unit(struct wm_store *s, enum wm_role role, const char *code,
    int64_t *unit_id, struct wm_buf *err)
{
	struct grant_at u = { 0 };
	const char *problem;
	int rc;

	if ((rc = wm_store_unit_get(s, code, grant_at_got, &u, err)))
		return rc;
	if (!u.known)
		return refuse(WM_STORE_ERROR, "the unit is of no known kind", err);
	if ((problem = wm_grant_unit_problem(role, u.kind)) ||
	    (problem = wm_grant_closed_problem(u.kind, u.closed[0] ? u.closed :
	    NULL)))
		return refuse(WM_STORE_CONFLICT, problem, err);
	*unit_id = u.id;
	return 0;
}

/* Adds the grant, inside the caller's transaction. */
static int
add_grant(struct wm_store *s, int64_t account_id,
    const struct wm_grant_spec *g, struct wm_buf *err)
{
	int64_t unit_id;
	int rc;

	if ((rc = grant_unit(s, g->role, g->unit, &unit_id, err)))
		return rc;
	rc = wm_store_grant_add(s, account_id, wm_role_name(g->role), unit_id,
	    g->group != WM_STAKEHOLDER_NONE ? wm_stakeholder_code(g->group) :
	    NULL, err);
	if (rc == WM_STORE_EXISTS)
		return refuse(WM_STORE_CONFLICT, "the account already holds "
		    "that role there", err);
	return rc;
}

/* A new code into code, its hash kept for the account: inside the
 * caller's transaction. */
static int
new_code(struct wm_store *s, const struct wm_actor *by, int64_t account_id,
    char code[WM_SETUP_CODE_LEN + 1], struct wm_buf *err)
{
	unsigned char raw[WM_SETUP_CODE_BYTES];
	char plain[WM_SETUP_CODE_CHARS + 1], hash[WM_TOKEN_HASH_LEN + 1];
	int rc;

	if (wm_token_random(raw, sizeof(raw)))
		return refuse(WM_STORE_ERROR, "no random numbers for the setup "
		    "code", err);
	wm_setup_code_format(raw, code);
	memset(raw, 0, sizeof(raw));
	if (wm_setup_code_normalise(code, plain))
		return refuse(WM_STORE_ERROR, "the setup code was not made "
		    "right", err);
	wm_token_hash(plain, hash);
	rc = wm_store_setup_code_set(s, account_id, hash, by->now, by->now +
	    WM_SETUP_CODE_SECONDS, err);
	return rc ? rc : audit(s, by, "issued a setup code", account_id, NULL,
	    err);
}

/* Ends the transaction begun by the caller: commits when rc is 0. */
static int
finish(struct wm_store *s, int rc, struct wm_buf *err)
{
	if (rc == 0 && (rc = wm_store_commit(s, err)) == 0)
		return 0;
	wm_store_rollback(s);
	return rc;
}

static int
create_in(struct wm_store *s, const struct wm_actor *by,
    const struct wm_account_new *a, int64_t *id,
    char code[WM_SETUP_CODE_LEN + 1], struct wm_buf *err)
{
	int64_t person_id = 0;
	size_t i;
	int rc;

	int64_t other;

	if (a->person && (rc = wm_store_person_find(s, a->person, &person_id,
	    err)))
		return rc;
	/* One account a person: a second would let whoever holds its code
	 * into their record unseen. */
	if (person_id && (rc = wm_store_person_account(s, person_id, &other,
	    err)) != WM_STORE_NOT_FOUND)
		return rc ? rc : refuse(WM_STORE_CONFLICT, "that person already "
		    "has an account: give it a new setup code instead", err);
	rc = wm_store_account_add(s, a->email, a->name, person_id,
	    a->password_hash, id, err);
	if (rc == WM_STORE_EXISTS)
		return refuse(WM_STORE_CONFLICT, "an account with that email "
		    "already exists", err);
	for (i = 0; rc == 0 && i < a->n_grants; i++)
		rc = add_grant(s, *id, &a->grants[i], err);
	if (rc == 0)
		rc = audit(s, by, "added an account", *id, NULL, err);
	if (rc == 0 && !a->password_hash)
		rc = new_code(s, by, *id, code, err);
	return rc;
}

int
wm_account_create(struct wm_store *s, const struct wm_actor *by,
    const struct wm_account_new *a, int64_t *id,
    char code[WM_SETUP_CODE_LEN + 1], struct wm_buf *err)
{
	const char *problem;

	code[0] = '\0';
	if ((problem = wm_email_problem(a->email)) ||
	    (problem = wm_name_problem(a->name)) ||
	    (a->person && (problem = wm_ident_problem(a->person))))
		return refuse(WM_STORE_CONFLICT, problem, err);
	if (wm_store_begin(s, err))
		return WM_STORE_ERROR;
	return finish(s, create_in(s, by, a, id, code, err), err);
}

int
wm_supporter_invite(struct wm_store *s, const struct wm_actor *by,
    int64_t person_id, const char *email, const char *name,
    const char *relationship, int64_t *account_id,
    char code[WM_SETUP_CODE_LEN + 1], struct wm_buf *err)
{
	const struct wm_account_new a = { email, name, NULL, NULL, NULL, 0 };
	const char *problem;
	int rc;

	code[0] = '\0';
	if ((problem = wm_email_problem(email)) ||
	    (problem = wm_name_problem(name)))
		return refuse(WM_STORE_CONFLICT, problem, err);
	if (wm_store_begin(s, err))
		return WM_STORE_ERROR;
	rc = create_in(s, by, &a, account_id, code, err);
	if (rc == 0)
		rc = wm_store_supporter_add(s, person_id, *account_id,
		    relationship, err);
	if (rc == 0)
		rc = wm_store_audit(s, by->account_id, "invited a supporter",
		    "person", person_id, NULL, by->address, err);
	return finish(s, rc, err);
}

int
wm_account_grant(struct wm_store *s, const struct wm_actor *by,
    int64_t account_id, const struct wm_grant_spec *g, struct wm_buf *err)
{
	const char *problem = wm_account_change_problem(by->account_id,
	    account_id, WM_CHANGE_GRANT, g->role);
	char words[128];
	int rc;

	int supporter;

	if (problem)
		return refuse(WM_STORE_CONFLICT, problem, err);
	/* A supporter's account is the person's to look after (they give
	 * its codes): a role on it would put a staff account in a person's
	 * hands. Someone who supports a person and works here too has an
	 * account of each kind. */
	if ((rc = wm_store_account_supporter(s, account_id, &supporter, err)))
		return rc;
	if (supporter)
		return refuse(WM_STORE_CONFLICT, "this is a supporter's account, "
		    "which holds no role: give them an account of their own "
		    "with a different email for their work", err);
	grant_words(words, sizeof(words), g->role, g->unit, g->group);
	if (wm_store_begin(s, err))
		return WM_STORE_ERROR;
	rc = add_grant(s, account_id, g, err);
	if (rc == 0)
		rc = audit(s, by, "granted a role", account_id, words, err);
	return finish(s, rc, err);
}

int
wm_account_revoke(struct wm_store *s, const struct wm_actor *by,
    int64_t account_id, const struct wm_grant_spec *g, struct wm_buf *err)
{
	const char *problem = wm_account_change_problem(by->account_id,
	    account_id, WM_CHANGE_REVOKE, g->role);
	struct wm_unit_row u;
	char words[128];
	int rc;

	if (problem)
		return refuse(WM_STORE_CONFLICT, problem, err);
	grant_words(words, sizeof(words), g->role, g->unit, g->group);
	if (wm_store_begin(s, err))
		return WM_STORE_ERROR;
	rc = wm_store_unit_find(s, g->unit, &u, err);
	if (rc == 0)
		rc = wm_store_grant_remove(s, account_id, wm_role_name(g->role),
		    u.id, g->group != WM_STAKEHOLDER_NONE ?
		    wm_stakeholder_code(g->group) : NULL, err);
	if (rc == 0)
		rc = audit(s, by, "removed a role", account_id, words, err);
	return finish(s, rc, err);
}

int
wm_account_deactivate(struct wm_store *s, const struct wm_actor *by,
    int64_t account_id, struct wm_buf *err)
{
	const char *problem = wm_account_change_problem(by->account_id,
	    account_id, WM_CHANGE_DEACTIVATE, WM_ROLE_ADMIN);
	int rc;

	if (problem)
		return refuse(WM_STORE_CONFLICT, problem, err);
	if (wm_store_begin(s, err))
		return WM_STORE_ERROR;
	rc = wm_store_account_deactivate(s, account_id, err);
	if (rc == 0)
		rc = audit(s, by, "deactivated an account", account_id, NULL,
		    err);
	return finish(s, rc, err);
}

int
wm_account_reactivate(struct wm_store *s, const struct wm_actor *by,
    int64_t account_id, struct wm_buf *err)
{
	int rc;

	if (wm_store_begin(s, err))
		return WM_STORE_ERROR;
	rc = wm_store_account_reactivate(s, account_id, err);
	if (rc == 0)
		rc = audit(s, by, "reactivated an account", account_id, NULL,
		    err);
	return finish(s, rc, err);
}

int
wm_account_setup_code(struct wm_store *s, const struct wm_actor *by,
    int64_t account_id, char code[WM_SETUP_CODE_LEN + 1], struct wm_buf *err)
{
	int supporter, rc;

	code[0] = '\0';
	/* A supporter reads what a person shares with them: a code from
	 * anyone but that person would let its giver read it as them. */
	if ((rc = wm_store_account_supporter(s, account_id, &supporter, err)))
		return rc;
	if (supporter)
		return refuse(WM_STORE_CONFLICT, "this is a supporter's "
		    "account: only the person who invited them can give them "
		    "a new setup code", err);
	if (wm_store_begin(s, err))
		return WM_STORE_ERROR;
	return finish(s, new_code(s, by, account_id, code, err), err);
}

struct waiting {
	int64_t account;
	int theirs;
	int roles;
};

static int
any_grant(void *ctx, const struct wm_grant_row *g)
{
	(void)g;
	*(int *)ctx = 1;
	return 1;
}

static int
waiting_row(void *ctx, const struct wm_supporter_row *r)
{
	struct waiting *w = ctx;

	w->theirs |= r->account_id == w->account && !r->ended;
	return 0;
}

int
wm_supporter_new_code(struct wm_store *s, const struct wm_actor *by,
    int64_t person_id, int64_t account_id, char code[WM_SETUP_CODE_LEN + 1],
    struct wm_buf *err)
{
	struct waiting w = { account_id, 0, 0 };
	int rc;

	code[0] = '\0';
	if (wm_store_begin(s, err))
		return WM_STORE_ERROR;
	/* Their account reads only what this person shares with it, so a
	 * code from the person gives no one more than the person has: it
	 * is how a supporter who lost their password or code gets back. */
	rc = wm_store_supporters(s, person_id, waiting_row, &w, err);
	if (rc == 0 && !w.theirs)
		rc = refuse(WM_STORE_NOT_FOUND, "not your supporter", err);
	/* One that holds a role (granted before that was refused) is not
	 * the person's to hand on. */
	if (rc == 0 && (rc = wm_store_account_grants(s, account_id, any_grant,
	    &w.roles, err)) == 0 && w.roles)
		rc = refuse(WM_STORE_NOT_FOUND, "not your supporter alone", err);
	if (rc == 0)
		rc = new_code(s, by, account_id, code, err);
	return finish(s, rc, err);
}

/* The code's checks and the change, inside the caller's transaction. */
static int
use_in(struct wm_store *s, const char *email, const char *plain,
    const char *password_hash, const char *address, int64_t now,
    int64_t *account_id, struct wm_buf *err)
{
	char typed[WM_TOKEN_HASH_LEN + 1], kept[WM_TOKEN_HASH_LEN + 1];
	int64_t code_id;
	int rc;

	wm_token_hash(plain, typed);
	rc = wm_store_setup_code_find(s, email, now, &code_id, account_id,
	    kept, err);
	if (rc)
		return rc;
	if (!wm_token_equal(typed, kept))
		return refuse(WM_STORE_NOT_FOUND, "no such setup code", err);
	if ((rc = wm_store_setup_code_use(s, code_id, now, err)) ||
	    (rc = wm_store_account_set_password(s, *account_id, password_hash,
	    err)) || (rc = wm_store_account_sessions_end(s, *account_id, err)))
		return rc;
	return wm_store_audit(s, *account_id, "chose a password with a setup "
	    "code", "account", *account_id, NULL, address, err);
}

int
wm_account_setup_use(struct wm_store *s, const char *email,
    const char *typed_code, const char *password_hash, const char *address,
    int64_t now, int64_t *account_id, struct wm_buf *err)
{
	char plain[WM_SETUP_CODE_CHARS + 1];

	*account_id = 0;
	if (wm_setup_code_normalise(typed_code, plain))
		return refuse(WM_STORE_NOT_FOUND, "no such setup code", err);
	if (wm_store_begin(s, err))
		return WM_STORE_ERROR;
	return finish(s, use_in(s, email, plain, password_hash, address, now,
	    account_id, err), err);
}
