/*
 * The network's administration, the same from the command line and the
 * administrator's pages: adding, renaming and closing units; adding
 * people, putting them on a caseload, moving and discharging them. Each
 * change is checked by core's rules (core/network.h) against what the
 * store reads, then made with its audit entry as one transaction, all or
 * nothing. Written only against store.h, as store/record.c is, so every
 * backend administers the same way.
 *
 * Each returns 0 when done; WM_ADMIN_REFUSED when what was asked is not
 * a change that can be made (a bad code, a date in the future), or
 * WM_ADMIN_CONFLICT when it does not fit what is there (no such unit, a
 * code taken, a service closed), each with the field at fault and why in
 * *p (static strings) and nothing changed; or the store's error, with
 * err filled.
 */
#ifndef WM_STORE_ADMIN_H
#define WM_STORE_ADMIN_H

#include "core/network.h"
#include "store/store.h"

#define WM_ADMIN_REFUSED (-1)	/* as wm_field_problem_set returns */
#define WM_ADMIN_CONFLICT (-2)

/* Who makes a change, for the audit log. */
struct wm_admin_by {
	int64_t account_id;	/* 0 on the command line */
	const char *address;	/* NULL on the command line */
	const struct wm_date *today;
	int check_only;		/* set: check the change, then undo it,
				 * writing nothing (to ask before it) */
};

/* A provider or service (a network when parent is NULL or ""). */
WM_MUST_USE int wm_admin_unit_add(struct wm_store *s,
    const struct wm_admin_by *by, const char *kind, const char *code,
    const char *name, const char *parent, struct wm_field_problem *p,
    struct wm_buf *err);
WM_MUST_USE int wm_admin_unit_rename(struct wm_store *s,
    const struct wm_admin_by *by, const char *code, const char *name,
    struct wm_field_problem *p, struct wm_buf *err);
/* Closes a provider or service from today: it cannot be opened again. */
WM_MUST_USE int wm_admin_unit_close(struct wm_store *s,
    const struct wm_admin_by *by, const char *code,
    struct wm_field_problem *p, struct wm_buf *err);

/* A new person, on `unit`'s caseload from `since` when unit is given. */
WM_MUST_USE int wm_admin_person_add(struct wm_store *s,
    const struct wm_admin_by *by, const char *ident, const char *name,
    const char *unit, const struct wm_date *since,
    struct wm_field_problem *p, struct wm_buf *err);
/* Puts a person on another service's caseload too, from `since`. */
WM_MUST_USE int wm_admin_person_join(struct wm_store *s,
    const struct wm_admin_by *by, const char *ident, const char *unit,
    const struct wm_date *since, struct wm_field_problem *p,
    struct wm_buf *err);
/* Moves a person from one service's caseload (`from`; may be NULL when
 * they are on only one) to another's on `date`. */
WM_MUST_USE int wm_admin_person_move(struct wm_store *s,
    const struct wm_admin_by *by, const char *ident, const char *from,
    const char *to, const struct wm_date *date, struct wm_field_problem *p,
    struct wm_buf *err);
/* Ends a person's time on a service's caseload (`unit`; may be NULL when
 * they are on only one) on `date`. */
WM_MUST_USE int wm_admin_person_discharge(struct wm_store *s,
    const struct wm_admin_by *by, const char *ident, const char *unit,
    const struct wm_date *date, struct wm_field_problem *p,
    struct wm_buf *err);

/* An instrument file checked as `waymark instrument load` and the
 * instruments page check it: 0 with the instrument in *out (the caller
 * frees it with wm_instrument_free), or -1 with every problem in d. A
 * catalogue (a CodeSystem, like the training courses) is checked too,
 * but it is not an instrument, and says so. */
int wm_admin_instrument_check(const char *text, size_t len,
    struct wm_instrument **out, struct wm_diags *d);

/* One checked file to load. */
struct wm_admin_file {
	const char *name;	/* for messages: its path, or as uploaded */
	const char *text;
	size_t len;
	const struct wm_instrument *in;
	int existed;		/* set: the same text was loaded already */
};

/* Loads every file, all or none, each loading audited: 0, or the
 * store's error with err saying which file ("NAME: why"). */
WM_MUST_USE int wm_admin_instruments_load(struct wm_store *s,
    const struct wm_admin_by *by, struct wm_admin_file *f, size_t n,
    struct wm_buf *err);

/* The network's settings a change asks for (`waymark network set`, the
 * settings page), each as text; NULL for a setting not changed. */
struct wm_settings_change {
	const char *months;	/* the standards period: 1, 2, 3, 4, 6, 12 */
	const char *validators;	/* validators for "validated" */
	const char *groups;	/* ... from so many stakeholder groups */
	const char *disclosure;	/* mhsds, hes or none */
	const char *crisis_contacts;	/* the services anyone can contact
					 * day or night, one a line
					 * (core/plan.h) */
};

/* Checks each setting given by core's rules (the fields are named
 * "period-months", "validators", "groups", "disclosure" and
 * "crisis-contacts"), then writes
 * those given, and the audit entry, as one change; nothing when none is
 * given. A new period length is refused while this year's periods are
 * under way; a setting kept that cannot be read stops the change
 * rather than being written over unread. */
WM_MUST_USE int wm_admin_settings_set(struct wm_store *s,
    const struct wm_admin_by *by, const struct wm_settings_change *c,
    struct wm_field_problem *p, struct wm_buf *err);

#endif
