/*
 * The rules for the network's things that come from outside: the shape
 * of the tree (network -> provider -> service), what a code, an
 * identifier, a name or an email may contain, and the roles an account
 * can be granted. Pure checks; each returns NULL when the value is fine,
 * or a plain-English reason (a static string) when it is not.
 */
#ifndef WM_CORE_NETWORK_H
#define WM_CORE_NETWORK_H

#include <stddef.h>

#include "util/date.h"

/* A problem with one field of a change: the field as both the command
 * line (--FIELD) and the form (its id) name it, and why, in words: a
 * static string, or `text` when the words name dates or counts. */
struct wm_field_problem {
	const char *field;
	const char *message;
	char text[256];
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
/* The same with words of the problem's own (copied into p->text). */
int wm_field_problem_say(struct wm_field_problem *p, const char *field,
    const char *words);

/* A new unit: its kind, code and name, each checked in that order; 0,
 * or -1 with the first problem in *p. */
int wm_unit_add_problem(const char *kind, const char *code, const char *name,
    struct wm_field_problem *p);

/* Unit codes: 1-64 lower-case letters, digits and '-'. */
const char *wm_code_problem(const char *s);
/* A person's identifier: 1-64 letters, digits, '-', '_' or '.', and
 * not "." or "..", which a link to the person's page cannot carry (a
 * browser reads them as "this folder" and "the folder above"). */
const char *wm_ident_problem(const char *s);
/* A name as people write it: 1-200 characters (not bytes) of UTF-8, no
 * control characters, and more than spaces. */
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

/* The most services' caseloads one person is on at once; joining one
 * more is refused (wm_caseload_count_problem), never dropped. */
#define WM_CASELOADS_MAX 16

/* Why someone on `open` services' caseloads now cannot join another. */
const char *wm_caseload_count_problem(size_t open);

/* A time (a "spell") on one service's caseload: from the day `since`
 * to the day they left, `until`, which is no longer one of its days
 * (they moved or were discharged that day); `open` while they are on it
 * still, and then `until` is not used. */
struct wm_spell {
	struct wm_date since, until;
	int open;
};

/* Why a new time on a service's caseload, `next`, cannot be recorded
 * beside an earlier one on the same service, `had`: the two would share
 * a day (or start on the same day), and the person would be counted
 * twice on it. NULL, or the reason, with the dates in words, written
 * into out[0..n). */
const char *wm_spell_overlap_problem(const struct wm_spell *next,
    const struct wm_spell *had, char *out, size_t n);

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
