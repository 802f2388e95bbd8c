/*
 * The rules for the network's things that come from outside: the shape
 * of the tree (network -> provider -> service), what a code, an
 * identifier, a name or an email may contain, and the roles an account
 * can be granted. Pure checks; each returns NULL when the value is fine,
 * or a plain-English reason (a static string) when it is not.
 */
#ifndef WM_CORE_NETWORK_H
#define WM_CORE_NETWORK_H

#include "util/date.h"

/* A problem with one field of a change: the field as both the command
 * line (--FIELD) and the form (its id) name it, and why, in words. */
struct wm_field_problem {
	const char *field;
	const char *message;
};

enum wm_unit_kind {
	WM_UNIT_NETWORK,
	WM_UNIT_PROVIDER,
	WM_UNIT_SERVICE,
};

int wm_unit_kind_parse(const char *s, enum wm_unit_kind *out);
const char *wm_unit_kind_name(enum wm_unit_kind k);

/* A network has no parent; a provider sits in a network; a service in a
 * provider. `parent` is ignored when has_parent is 0. */
const char *wm_unit_parent_problem(enum wm_unit_kind kind, int has_parent,
    enum wm_unit_kind parent);

/* Sets *p and returns -1 when `message` is not NULL; else 0. */
int wm_field_problem_set(struct wm_field_problem *p, const char *field,
    const char *message);

/* A new unit: its kind, code and name, each checked in that order; 0,
 * or -1 with the first problem in *p. */
int wm_unit_add_problem(const char *kind, const char *code, const char *name,
    struct wm_field_problem *p);

/* Unit codes: 1-64 lower-case letters, digits and '-'. */
const char *wm_code_problem(const char *s);
/* A person's identifier: 1-64 letters, digits, '-', '_' or '.'. */
const char *wm_ident_problem(const char *s);
/* A name as people write it: 1-200 bytes of UTF-8, no control characters. */
const char *wm_name_problem(const char *s);
/* An email address, loosely: one '@', something either side, no spaces. */
const char *wm_email_problem(const char *s);

/* A new person: identifier and name; 0, or -1 with the problem in *p. */
int wm_person_add_problem(const char *ident, const char *name,
    struct wm_field_problem *p);

/* The day someone joins a caseload: not after today. */
const char *wm_join_date_problem(const struct wm_date *d,
    const struct wm_date *today);

/* The day someone's time on a caseload ends (moving or discharged): not
 * after today, and not before the day they joined (`since`). */
const char *wm_leave_date_problem(const struct wm_date *d,
    const struct wm_date *since, const struct wm_date *today);

/* Why a unit cannot take someone new onto its caseload (it is not a
 * service, or it is closed), or NULL. `closed` is NULL when open. */
const char *wm_caseload_unit_problem(enum wm_unit_kind kind,
    const char *closed);

/* Why a unit cannot be closed: it is the network, or (a provider) some
 * of its services are open; NULL if it can. */
const char *wm_unit_close_problem(enum wm_unit_kind kind, long open_children);

enum wm_role {
	WM_ROLE_PERSON,
	WM_ROLE_PRACTITIONER,
	WM_ROLE_LEAD,
	WM_ROLE_VALIDATOR,
	WM_ROLE_COMMISSIONER,
	WM_ROLE_ADMIN,
};

int wm_role_parse(const char *s, enum wm_role *out);
const char *wm_role_name(enum wm_role r);
/* The role as people say it: "Practitioner", "Service lead". */
const char *wm_role_words(enum wm_role r);

#endif
