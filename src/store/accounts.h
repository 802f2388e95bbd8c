/*
 * Administering accounts: the steps the command line and the
 * administrator's pages share, built only on the store's interface, so
 * that both change accounts by the same rules (core/account.h) with the
 * same messages. Each change is one transaction with its audit entry.
 * Refusals by a rule come back as WM_STORE_CONFLICT (or
 * WM_STORE_NOT_FOUND for something that is not there) with the reason
 * in err, in words fit to show as they are; nothing is changed then.
 * Callers own every buffer.
 */
#ifndef WM_STORE_ACCOUNTS_H
#define WM_STORE_ACCOUNTS_H

#include "core/account.h"
#include "store/store.h"

/* Who makes a change: an account (0 for the command line), from where
 * (NULL for the command line), and when (seconds since 1970). */
struct wm_actor {
	int64_t account_id;
	const char *address;
	int64_t now;
};

struct wm_account_new {
	const char *email;
	const char *name;
	const char *person;		/* the person's identifier for their
					 * own account, or NULL */
	const char *password_hash;	/* NULL: a setup code is issued */
	const struct wm_grant_spec *grants;
	size_t n_grants;
};

/* Adds the account with its grants; its id in *id and, when it has no
 * password, its setup code in code (else code is ""). */
WM_MUST_USE int wm_account_create(struct wm_store *s,
    const struct wm_actor *by, const struct wm_account_new *a, int64_t *id,
    char code[WM_SETUP_CODE_LEN + 1], struct wm_buf *err);

/* Gives the account the role at the unit the grant names. */
WM_MUST_USE int wm_account_grant(struct wm_store *s, const struct wm_actor *by,
    int64_t account_id, const struct wm_grant_spec *g, struct wm_buf *err);

/* Takes the role at the unit the grant names away from the account: a
 * validator's only if it is for the grant's group, when one is given. */
WM_MUST_USE int wm_account_revoke(struct wm_store *s, const struct wm_actor *by,
    int64_t account_id, const struct wm_grant_spec *g, struct wm_buf *err);

/* Deactivates the account, ending its sessions at once. */
WM_MUST_USE int wm_account_deactivate(struct wm_store *s,
    const struct wm_actor *by, int64_t account_id, struct wm_buf *err);
WM_MUST_USE int wm_account_reactivate(struct wm_store *s,
    const struct wm_actor *by, int64_t account_id, struct wm_buf *err);

/* A new setup code for the account, into code, in place of any earlier
 * unused one; its password, if it has one, works until the code is
 * used. Refused (WM_STORE_CONFLICT) for a supporter's account, whose
 * code comes only from the person they support (wm_supporter_new_code). */
WM_MUST_USE int wm_account_setup_code(struct wm_store *s,
    const struct wm_actor *by, int64_t account_id,
    char code[WM_SETUP_CODE_LEN + 1], struct wm_buf *err);

/* Uses the setup code typed for the account with this email: the
 * password (already checked and hashed) becomes the account's, the code
 * is spent, and every other session of the account ends. The account's
 * id in *account_id. WM_STORE_NOT_FOUND, and nothing changed, when the
 * code is wrong, used or expired or the email has no active account,
 * alike. */
WM_MUST_USE int wm_account_setup_use(struct wm_store *s, const char *email,
    const char *typed_code, const char *password_hash, const char *address,
    int64_t now, int64_t *account_id, struct wm_buf *err);

/* A supporter the person invites: a new account named `name` at
 * `email`, holding no role, linked to the person as their supporter
 * (`relationship` as they put it, or NULL), with a one-time setup code
 * into code (valid WM_SETUP_CODE_DAYS) for the person to pass on; all
 * in one transaction, audited as the person's. WM_STORE_CONFLICT with
 * the reason when the email or name will not do, or the email already
 * has an account. */
WM_MUST_USE int wm_supporter_invite(struct wm_store *s,
    const struct wm_actor *by, int64_t person_id, const char *email,
    const char *name, const char *relationship, int64_t *account_id,
    char code[WM_SETUP_CODE_LEN + 1], struct wm_buf *err);

/* A new setup code for the person's supporter, from the person, in
 * place of any earlier unused one (their code ran out, or they lost it
 * or their password, which works until the code is used);
 * WM_STORE_NOT_FOUND when the account is not their supporter now. */
WM_MUST_USE int wm_supporter_new_code(struct wm_store *s,
    const struct wm_actor *by, int64_t person_id, int64_t account_id,
    char code[WM_SETUP_CODE_LEN + 1], struct wm_buf *err);

#endif
