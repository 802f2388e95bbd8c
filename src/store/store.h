/*
 * The store: everything Waymark persists, behind one interface that the
 * SQLite backend implements now and a PostgreSQL backend will later.
 * Nothing outside src/store/ knows which database is underneath.
 *
 * Ownership: a struct wm_store is owned by whoever opened it and used by
 * one thread at a time. Rows handed to callbacks are valid only during the
 * call. A callback returns 0 to go on, more than 0 to stop early (the list
 * function still succeeds), or less than 0 to fail it. Functions return 0 (WM_STORE_OK) or an enum wm_store_rc, and on
 * failure put a message for a service manager into `err` (never print).
 */
#ifndef WM_STORE_STORE_H
#define WM_STORE_STORE_H

#include <stdint.h>

#include "core/access.h"
#include "core/cycle.h"
#include "core/disclosure.h"
#include "core/goal.h"
#include "core/instrument.h"
#include "core/response.h"
#include "core/training.h"
#include "util/buf.h"
#include "util/token.h"

struct wm_store;

/* A store call whose answer is dropped does not compile: a failure the
 * caller never looked at is how wrong content reaches a page. */
#define WM_MUST_USE __attribute__((warn_unused_result))

enum wm_store_rc {
	WM_STORE_OK = 0,
	WM_STORE_ERROR,		/* the database failed; see err */
	WM_STORE_NOT_FOUND,
	WM_STORE_EXISTS,	/* a unique name is taken */
	WM_STORE_CONFLICT,	/* same identity, different content */
	WM_STORE_TOO_NEW,	/* the database is newer than this program */
};

#define WM_STORE_CREATE 1u	/* create the file if it does not exist */
#define WM_STORE_READONLY 2u
#define WM_STORE_NEW 4u		/* only a database that holds nothing yet:
				 * a file that does not exist, or a
				 * PostgreSQL database with no tables */

/* Opens (and with WM_STORE_CREATE creates) a database: `path` is a
 * SQLite file, or a PostgreSQL database's postgresql:// URI (its
 * password only ever from libpq's password or service file). A database
 * whose schema is older than this program must be migrated before use:
 * every function but wm_store_migrate refuses it. With WM_STORE_NEW, one
 * that holds anything is refused with WM_STORE_EXISTS. */
WM_MUST_USE int wm_store_open(const char *path, unsigned flags, struct wm_store **out,
    struct wm_buf *err);
void wm_store_close(struct wm_store *s);

/* Undoes a database opened with WM_STORE_NEW whose filling failed (and
 * that is closed): a SQLite file is removed; a PostgreSQL database is
 * left for its owner to drop, and err says so (returns 1 then). */
int wm_store_remove_new(const char *path, struct wm_buf *err);

/* A consistent copy of the whole database, as of one moment, into the
 * new file `path` (never over one that exists), while others keep
 * reading and saving; the pages copied into *pages. */
WM_MUST_USE int wm_store_backup(struct wm_store *s, const char *path,
    long *pages, struct wm_buf *err);

/* waymark copy: every row of every table of `from` (read from one
 * snapshot the caller holds, wm_store_read_begin) into `to`, a database
 * just made and migrated, inside the caller's transaction on it (which
 * the caller commits, or rolls back). Ids stay as they were, and on
 * PostgreSQL new ones go on after them. */
WM_MUST_USE int wm_store_copy(struct wm_store *from, struct wm_store *to,
    struct wm_buf *err);

/* Every table's name and count of rows, to cb(ctx, table, n), in the
 * order waymark copy copies them. */
WM_MUST_USE int wm_store_table_counts(struct wm_store *s,
    int (*cb)(void *, const char *, int64_t), void *ctx,
    struct wm_buf *err);

/* waymark check. What the database says of its own pages and foreign
 * keys: SQLite's integrity and foreign-key checks, each problem to
 * found(ctx, text); PostgreSQL keeps both itself, and finds none here.
 * The summaries' running totals against the same worked out again from
 * the saved answers: the cells kept, and how many disagree. And, inside
 * the caller's transaction, everyone's kept figures marked to be worked
 * out again, so that until it ends the network's figures are read from
 * the raw rows (the caller rolls it back to leave them as they were). */
WM_MUST_USE int wm_store_check_pages(struct wm_store *s,
    int (*found)(void *, const char *), void *ctx, struct wm_buf *err);
WM_MUST_USE int wm_store_check_totals(struct wm_store *s, int64_t *cells,
    int64_t *wrong, struct wm_buf *err);
WM_MUST_USE int wm_store_mark_everyone(struct wm_store *s,
    struct wm_buf *err);

/* Brings the schema to the current version in one transaction. */
WM_MUST_USE int wm_store_migrate(struct wm_store *s, int *from, int *to,
    struct wm_buf *err);
WM_MUST_USE int wm_store_schema_version(void);

/* Stamps every record written from now on with this fixed time (ISO 8601)
 * instead of the clock, so a generated network is the same byte for byte. */
WM_MUST_USE int wm_store_set_clock(struct wm_store *s, const char *now);

/* The work the database has done for this connection since the last call
 * (or since it was opened), in the backend's own units: for SQLite, the
 * virtual-machine steps of every statement run. It counts rows visited,
 * not time, so it is the same on every run: a person's page must cost
 * what their own record costs, and tests compare this across networks
 * of different sizes. */
uint64_t wm_store_cost(struct wm_store *s);

/* Groups many writes into one durable transaction. Outside one, each write
 * is all or nothing by itself; inside one, a write that fails spoils the
 * transaction: wm_store_commit() then rolls it all back and fails. */
WM_MUST_USE int wm_store_begin(struct wm_store *s, struct wm_buf *err);
WM_MUST_USE int wm_store_commit(struct wm_store *s, struct wm_buf *err);
void wm_store_rollback(struct wm_store *s);

/* Inside wm_store_begin's transaction, a part that is kept or undone by
 * itself: wm_store_part_end() keeps what was written since
 * wm_store_part_begin() when rc is 0, and otherwise undoes it (totals
 * included) and leaves the transaction as it was before the part, so
 * the rest of it can still be committed. It returns rc, or the failure
 * to keep the part (which is then undone). Parts do not nest. */
WM_MUST_USE int wm_store_part_begin(struct wm_store *s, struct wm_buf *err);
/* 1 while the transaction begun is whole: no part's failure has ended
 * it (a failure can end a whole transaction: a full disk, an I/O error).
 * Once it is lost, every later part is refused and the commit fails. */
int wm_store_in_transaction(const struct wm_store *s);
WM_MUST_USE int wm_store_part_end(struct wm_store *s, int rc, struct wm_buf *err);

/* A page's reads from one snapshot of the database: no save that lands
 * meanwhile shows in half of them, and the snapshot is taken once, not
 * for each read. Nothing may be written until wm_store_read_end(). Inside
 * a transaction already open, both do nothing. */
WM_MUST_USE int wm_store_read_begin(struct wm_store *s, struct wm_buf *err);
void wm_store_read_end(struct wm_store *s);

/* The figures' version: a number that changes, in the same transaction,
 * with everything a commissioner's figures rest on (the kept figures of
 * completed responses, the standards, the network tree, accounts and
 * grants, instruments, settings, training, cycles, caseloads and goals),
 * and with nothing else (not a view's audit entry, a session or a
 * draft), whichever process made the change. Figures built from one
 * snapshot at one version are those figures for as long as the version
 * read is the same. */
WM_MUST_USE int wm_store_figures_version(struct wm_store *s, int64_t *out,
    struct wm_buf *err);

/* --- the network tree ------------------------------------------------ */

struct wm_unit_row {
	int64_t id;
	const char *kind;	/* network, provider, service */
	const char *code;
	const char *name;
	const char *parent_code;	/* NULL at the root */
	const char *closed;	/* the day it closed (YYYY-MM-DD), or NULL */
};

WM_MUST_USE int wm_store_unit_add(struct wm_store *s, const char *kind, const char *code,
    const char *name, int64_t parent_id, int64_t *id, struct wm_buf *err);
WM_MUST_USE int wm_store_unit_find(struct wm_store *s, const char *code,
    struct wm_unit_row *out, struct wm_buf *err);	/* out->code etc. NULL */
WM_MUST_USE int wm_store_unit_list(struct wm_store *s,
    int (*cb)(void *, const struct wm_unit_row *), void *ctx,
    struct wm_buf *err);
/* The unit with this code, whole (its parent's code and when it closed
 * too), through cb; WM_STORE_NOT_FOUND if there is none. */
WM_MUST_USE int wm_store_unit_get(struct wm_store *s, const char *code,
    int (*cb)(void *, const struct wm_unit_row *), void *ctx,
    struct wm_buf *err);
/* A unit's new name. The change and its audit entry are the caller's
 * (store/admin.h). */
WM_MUST_USE int wm_store_unit_rename(struct wm_store *s, int64_t unit_id,
    const char *name, struct wm_buf *err);
/* Closes an open unit from `date` (YYYY-MM-DD): from then it takes no
 * one new on its caseload and no new role grants (migration 14);
 * WM_STORE_NOT_FOUND if it is closed already. */
WM_MUST_USE int wm_store_unit_close(struct wm_store *s, int64_t unit_id,
    const char *date, struct wm_buf *err);
/* How many of a unit's children are still open. */
WM_MUST_USE int wm_store_unit_open_children(struct wm_store *s,
    int64_t unit_id, int64_t *n, struct wm_buf *err);

/* --- people and accounts --------------------------------------------- */

struct wm_person_row {
	int64_t id;
	const char *ident;	/* the network's identifier for the person */
	const char *name;
	const char *unit_code;	/* current service, or NULL */
	const char *since;
};

WM_MUST_USE int wm_store_person_add(struct wm_store *s, const char *ident,
    const char *name, int64_t unit_id, const char *since, int64_t *id,
    struct wm_buf *err);
WM_MUST_USE int wm_store_person_find(struct wm_store *s, const char *ident, int64_t *id,
    struct wm_buf *err);
/* The service whose caseload the person was on at `date` (YYYY-MM-DD). */
WM_MUST_USE int wm_store_person_unit_at(struct wm_store *s, int64_t person_id,
    const char *date, int64_t *unit_id, struct wm_buf *err);
WM_MUST_USE int wm_store_person_list(struct wm_store *s, int64_t unit_id,
    int (*cb)(void *, const struct wm_person_row *), void *ctx,
    struct wm_buf *err);
/* Puts a person on a service's caseload from `since` (YYYY-MM-DD). */
WM_MUST_USE int wm_store_caseload_start(struct wm_store *s, int64_t person_id,
    int64_t unit_id, const char *since, struct wm_buf *err);
/* Ends the person's open spell on a service's caseload on `date`;
 * WM_STORE_NOT_FOUND if they are not on it. */
WM_MUST_USE int wm_store_caseload_end(struct wm_store *s, int64_t person_id,
    int64_t unit_id, const char *date, struct wm_buf *err);
/* A time on a service's caseload, with the service. */
struct wm_spell_row {
	int64_t unit_id;
	const char *kind;	/* the unit's, as wm_unit_row's */
	const char *code;
	const char *name;
	const char *closed;	/* the day the service closed, or NULL */
	const char *since;	/* the day they joined (YYYY-MM-DD) */
	const char *until;	/* the day they left, or NULL while on it */
};

/* The services whose caseloads the person is on now, oldest first. */
WM_MUST_USE int wm_store_caseload_open(struct wm_store *s, int64_t person_id,
    int (*cb)(void *, const struct wm_spell_row *), void *ctx,
    struct wm_buf *err);
/* Every time the person has been on one service's caseload, ended or
 * not, oldest first. */
WM_MUST_USE int wm_store_caseload_spells(struct wm_store *s,
    int64_t person_id, int64_t unit_id,
    int (*cb)(void *, const struct wm_spell_row *), void *ctx,
    struct wm_buf *err);
/* Removes the person's open spell on a service's caseload that began on
 * `since`, as if it had never been (store/admin.c: a move or discharge
 * on the day it began); WM_STORE_NOT_FOUND if there is none. */
WM_MUST_USE int wm_store_caseload_drop(struct wm_store *s, int64_t person_id,
    int64_t unit_id, const char *since, struct wm_buf *err);

/* A person as the administrator's list shows them: names, identifiers
 * and caseloads, never anything recorded about them. */
struct wm_admin_person_row {
	int64_t id;
	const char *ident;
	const char *name;
	const char *services;	/* the services' names, ", " between; NULL
				 * when on none */
};

/* One page of people by identifier: everyone, or those whose identifier
 * or name holds `search` (any case; NULL for all): at most `limit` after
 * the first `offset`, with *total, the count of all that match, set
 * before the first row is handed on. */
WM_MUST_USE int wm_store_people_search(struct wm_store *s, const char *search,
    int64_t offset, int limit, int64_t *total,
    int (*cb)(void *, const struct wm_admin_person_row *), void *ctx,
    struct wm_buf *err);
/* One person by id, with their current service; WM_STORE_NOT_FOUND if
 * there is no such person. */
WM_MUST_USE int wm_store_person_get(struct wm_store *s, int64_t person_id,
    int (*cb)(void *, const struct wm_person_row *), void *ctx,
    struct wm_buf *err);

struct wm_account_row {
	int64_t id;
	const char *email;
	const char *name;
	const char *grants;	/* "role@unit-code[/stakeholder], ..." */
	const char *person;	/* the person's identifier, for their own
				 * account; else NULL */
	const char *last_signin;	/* "2026-12-06T14:05:33Z", the start
					 * of its newest session; NULL if it
					 * has never signed in */
	const char *deactivated;	/* when, or NULL while active */
	const char *setup_expires;	/* when its unused setup code
					 * expires (as last_signin), or NULL */
	int64_t setup_expires_at;	/* the same in seconds; 0 if none */
};

WM_MUST_USE int wm_store_account_add(struct wm_store *s, const char *email,
    const char *name, int64_t person_id, const char *password_hash,
    int64_t *id, struct wm_buf *err);
WM_MUST_USE int wm_store_account_find(struct wm_store *s, const char *email, int64_t *id,
    struct wm_buf *err);
WM_MUST_USE int wm_store_grant_add(struct wm_store *s, int64_t account_id,
    const char *role, int64_t unit_id, const char *stakeholder,
    struct wm_buf *err);
/* 0 if the account holds `role` at exactly that unit (and, when
 * stakeholder is not NULL, for that stakeholder group); else
 * WM_STORE_NOT_FOUND. */
WM_MUST_USE int wm_store_grant_find(struct wm_store *s, int64_t account_id,
    const char *role, int64_t unit_id, const char *stakeholder,
    struct wm_buf *err);
/* The roles an account holds: at services for staff and validators, at
 * any unit for commissioners and administrators; by role, stakeholder
 * group and the unit's name. */
struct wm_grant_row {
	const char *role;
	int64_t unit_id;
	const char *unit_name;
	const char *stakeholder;	/* a validator's group's code, else NULL */
};

WM_MUST_USE int wm_store_account_grants(struct wm_store *s, int64_t account_id,
    int (*cb)(void *, const struct wm_grant_row *), void *ctx,
    struct wm_buf *err);
/* The service with this code: its id, and its name (into name);
 * WM_STORE_NOT_FOUND if there is no such service. */
WM_MUST_USE int wm_store_service_find(struct wm_store *s, const char *code, int64_t *id,
    struct wm_buf *name, struct wm_buf *err);
/* The person with this identifier (*person_id), and each service whose
 * caseload they are on now (cb, once per service; not at all if none);
 * WM_STORE_NOT_FOUND if there is no such person. */
WM_MUST_USE int wm_store_person_units_now(struct wm_store *s, const char *ident,
    int64_t *person_id, int (*cb)(void *, int64_t unit_id), void *ctx,
    struct wm_buf *err);
/* The units above a unit, nearest first (a service's provider, then its
 * network), once each through cb; none for the network itself. */
WM_MUST_USE int wm_store_unit_chain(struct wm_store *s, int64_t unit_id,
    int (*cb)(void *, int64_t unit_id), void *ctx, struct wm_buf *err);
WM_MUST_USE int wm_store_account_list(struct wm_store *s,
    int (*cb)(void *, const struct wm_account_row *), void *ctx,
    struct wm_buf *err);

WM_MUST_USE int wm_store_training_add(struct wm_store *s, int64_t account_id,
    const char *course, const char *completed, struct wm_buf *err);

/* --- training for recovery ------------------------------------------- */

/* A service's practitioners, active, by name: whom a person may share a
 * plan with by name. */
WM_MUST_USE int wm_store_service_practitioners(struct wm_store *s,
    int64_t unit_id, int (*cb)(void *, const struct wm_staff *), void *ctx,
    struct wm_buf *err);
/* A service's current staff (the accounts holding a practitioner or lead
 * grant there), by name. */
WM_MUST_USE int wm_store_service_staff(struct wm_store *s, int64_t unit_id,
    int (*cb)(void *, const struct wm_staff *), void *ctx,
    struct wm_buf *err);

struct wm_training_record_row {
	const char *email;
	const char *name;
	const char *course;	/* its code */
	const char *completed;	/* YYYY-MM-DD */
	const char *recorded;	/* when it was recorded, ISO 8601 */
};

/* The training records of a service's current staff, latest completion
 * first, at most `limit`. */
WM_MUST_USE int wm_store_training_list(struct wm_store *s, int64_t unit_id, int limit,
    int (*cb)(void *, const struct wm_training_record_row *), void *ctx,
    struct wm_buf *err);

/* Training coverage at a service, as one snapshot: how many current
 * staff it has (*staff) and, for each course code anyone of them has
 * completed, how many of them have (each code once, in code order). The
 * dashboard and the training page both read it; core's
 * wm_training_coverage turns it into shares per catalogue course. */
WM_MUST_USE int wm_store_training_coverage(struct wm_store *s, int64_t unit_id,
    int64_t *staff, int (*cb)(void *, const struct wm_training_count *),
    void *ctx, struct wm_buf *err);

struct wm_recorder;

/* Records checked completions (rows[i].account_id resolved) for staff of
 * a service as one durable change, all or none, with one audit entry
 * (by->action, about the service). A completion already recorded (the
 * same member of staff, course and date), in the store or earlier in
 * rows, is skipped, not refused; *added says how many were new. A row
 * whose account is not current staff of the service refuses the lot:
 * WM_STORE_NOT_FOUND, err naming its line. */
WM_MUST_USE int wm_store_training_record(struct wm_store *s, int64_t unit_id,
    const struct wm_training_row *rows, size_t n,
    const struct wm_recorder *by, size_t *added, struct wm_buf *err);

WM_MUST_USE int wm_store_cycle_add(struct wm_store *s, int64_t unit_id,
    const char *instrument_url, const char *subject_kind, int every_months,
    const char *start, struct wm_buf *err);

/* --- measurement cycles ------------------------------------------------ */

struct wm_cycle_info_row {
	int64_t id;
	const char *url;	/* the measure, any version */
	const char *title;	/* its latest version's, or the url */
	const char *subject_kind;	/* person (each on the caseload) or
					 * service */
	int every_months;
	const char *start;	/* YYYY-MM-DD */
	const char *stopped;	/* YYYY-MM-DD it stopped from, or NULL */
};

/* A service's cycles: the running ones first, then by when they began. */
WM_MUST_USE int wm_store_cycles(struct wm_store *s, int64_t unit_id,
    int (*cb)(void *, const struct wm_cycle_info_row *), void *ctx,
    struct wm_buf *err);

/* A change to a service's cycles, and who made it, for the audit log. */
struct wm_cycle_change {
	int64_t unit_id;
	const char *url;	/* starting: the measure */
	const char *subject_kind;	/* starting: person or service */
	int every_months;	/* starting */
	const char *date;	/* YYYY-MM-DD: starts, or stops, from */
	int64_t actor;		/* the account */
	const char *address;	/* the client's, or NULL */
};

/* Starts a cycle, with its audit entry, as one change. */
WM_MUST_USE int wm_store_cycle_start(struct wm_store *s, const struct wm_cycle_change *c,
    int64_t *id, struct wm_buf *err);
/* Stops the service's running cycle `id` from c->date, with its audit
 * entry; WM_STORE_NOT_FOUND (nothing changed) if the service has no such
 * running cycle. A stopped cycle's history still counts. */
WM_MUST_USE int wm_store_cycle_stop(struct wm_store *s, const struct wm_cycle_change *c,
    int64_t id, struct wm_buf *err);

struct wm_completion_row {
	const struct wm_cycle_info_row *cycle;
	int64_t unit_id;
	const char *unit_code;
	const struct wm_completion *months;	/* to today, oldest first */
};

/* The completion rates of every service's cycles (unit_id 0) or of one
 * service's, month by month up to `today`, as core's rules count them
 * (wm_completion_add): for a person cycle, each spell on the service's
 * caseload against the person's completed answers to any version of the
 * measure; for a service cycle, the service's own completed answers (not
 * validators'). One row per cycle, in order of service, then cycle. All
 * services are counted in one pass over the caseloads and the answers. */
WM_MUST_USE int wm_store_completion_each(struct wm_store *s, int64_t unit_id,
    const struct wm_date *today,
    int (*cb)(void *, const struct wm_completion_row *), void *ctx,
    struct wm_buf *err);

/* --- instruments ------------------------------------------------------ */

struct wm_instrument_row {
	int64_t id;
	const char *url;
	const char *version;
	const char *title;
	const char *family;	/* NULL when none */
	const char *loaded;	/* when it was loaded (ISO 8601, UTC) */
	int64_t responses;	/* completed: wm_store_instrument_usage only */
};

/* Stores a checked instrument with the exact text it was read from.
 * Loading the same url and version again is accepted only when the text
 * is identical (*existed is set); otherwise WM_STORE_CONFLICT. */
WM_MUST_USE int wm_store_instrument_put(struct wm_store *s, const struct wm_instrument *in,
    const char *text, size_t len, int64_t *id, int *existed,
    struct wm_buf *err);
/* The stored text of url|version (into `text`), and its id. */
WM_MUST_USE int wm_store_instrument_get(struct wm_store *s, const char *url,
    const char *version, int64_t *id, struct wm_buf *text,
    struct wm_buf *err);
WM_MUST_USE int wm_store_instrument_get_id(struct wm_store *s, int64_t id,
    struct wm_buf *text, struct wm_buf *err);
/* Every version of every loaded instrument, by url and version
 * (responses is 0), at the same cost however many answers there are. */
WM_MUST_USE int wm_store_instrument_list(struct wm_store *s,
    int (*cb)(void *, const struct wm_instrument_row *), void *ctx,
    struct wm_buf *err);
/* The same, each with how many completed responses it has in the whole
 * network: it reads them all, so it is for the command line, never for
 * a page. */
WM_MUST_USE int wm_store_instrument_usage(struct wm_store *s,
    int (*cb)(void *, const struct wm_instrument_row *), void *ctx,
    struct wm_buf *err);
/* The stored instrument with this id, parsed: kept by the store, so a
 * page can ask for it as often as it likes and it is read from its text
 * only once per connection. Valid until wm_store_close(); never freed by
 * the caller. WM_STORE_NOT_FOUND if there is none. */
WM_MUST_USE int wm_store_instrument_parsed(struct wm_store *s, int64_t id,
    const struct wm_instrument **out, struct wm_buf *err);

/* The latest loaded version of `url`, parsed and kept by the store as
 * wm_store_instrument_parsed keeps it; *out NULL (and 0) when none is
 * loaded. */
WM_MUST_USE int wm_store_instrument_current(struct wm_store *s,
    const char *url, const struct wm_instrument **out, struct wm_buf *err);

/* The latest version of each loaded url, by title (responses is 0). */
WM_MUST_USE int wm_store_instrument_latest(struct wm_store *s,
    int (*cb)(void *, const struct wm_instrument_row *), void *ctx,
    struct wm_buf *err);

/* --- responses -------------------------------------------------------- */

/* The database ids a checked response refers to, resolved by the caller. */
struct wm_response_ids {
	int64_t instrument_id;
	int64_t subject_id;
	int64_t unit_id;
	int64_t author_id;	/* 0 when no author was given */
	int64_t about_person_id;	/* a practitioner's reflection: the
					 * person the interaction was with,
					 * or 0 */
};

/* Saves a checked, scored response with its answers and scores, all or
 * nothing. */
WM_MUST_USE int wm_store_response_save(struct wm_store *s, const struct wm_response *r,
    const struct wm_response_ids *ids, int64_t *id, struct wm_buf *err);

/* An unfinished response ("save and come back later") is known by what
 * it answers, about whom, and who is answering: one draft for each. */
struct wm_draft_key {
	int64_t instrument_id;
	enum wm_subject subject_kind;
	int64_t subject_id;
	enum wm_respondent respondent;
	int64_t author_id;	/* 0 when no author was given */
};

/* The latest draft's id; WM_STORE_NOT_FOUND if there is none. */
WM_MUST_USE int wm_store_draft_find(struct wm_store *s, const struct wm_draft_key *k,
    int64_t *response_id, struct wm_buf *err);

/* Whether response `response_id` is one of `k`'s: an answer to that
 * instrument (that version), about that subject, by that respondent and
 * author, whether finished or a draft. 0 with its status in *status, or
 * WM_STORE_NOT_FOUND when there is no such response or it is someone
 * else's, of another measure, or of another kind of respondent. */
WM_MUST_USE int wm_store_response_of(struct wm_store *s,
    const struct wm_draft_key *k, int64_t response_id,
    enum wm_response_status *status, struct wm_buf *err);

/* A stored response's answers (a draft's or a finished one's), as the
 * form that made them reads them back. */
struct wm_stored_answer_row {
	size_t item;		/* index into the instrument's items */
	int has_option;
	int option;		/* choice items: index into the options */
	const char *text;	/* other items */
};

/* The date a stored response was given as (YYYY-MM-DD). */
WM_MUST_USE int wm_store_response_date(struct wm_store *s, int64_t response_id,
    char out[11], struct wm_buf *err);

WM_MUST_USE int wm_store_response_answers(struct wm_store *s, int64_t response_id,
    int (*cb)(void *, const struct wm_stored_answer_row *), void *ctx,
    struct wm_buf *err);

/* Removes the drafts under `k` other than response `keep`, of any version
 * of the instrument: a draft is replaced by the next save of the same
 * form, finished or not. Drafts are never scored or counted, so no total
 * changes. */
WM_MUST_USE int wm_store_draft_discard(struct wm_store *s, const struct wm_draft_key *k,
    int64_t keep, struct wm_buf *err);

/* Who records a response, for the audit log. */
struct wm_recorder {
	int64_t account_id;	/* 0: the command line */
	const char *address;	/* the client's, or NULL */
	const char *action;	/* e.g. "response recorded (command line)" */
	int interactive;	/* answered now, in a form or the API: it
				 * replaces the respondent's draft */
};

/* A lead's completed self-assessment and the version it is filed as.
 * Plain data, decided before the store is called (core/standards.h). */
struct wm_assessment_submission {
	const char *period;	/* its first day, YYYY-MM-DD */
	const char *period_end;	/* its last day */
	int built_on;		/* the versions the form was built on, or
				 * WM_BUILT_ON_ANY for an import */
	const char *reason;	/* why it was amended; NULL for the first */
	int standard;		/* the one standard reopened, or 0 */
	int64_t reopen_id;	/* the reopening it answers, or 0 */
	int64_t assessment_id;	/* set: the assessment it was filed in */
	int version;		/* set: the number it was given */
};

/* A validator's completed ratings and the validation they are filed as. */
struct wm_validation_submission {
	int64_t assessment_id;	/* the one they were invited to, or 0 for
				 * the service's assessment of `period` */
	const char *period;	/* with assessment_id 0: its first day */
	int invite;		/* an import: recording it invites them, as
				 * a lead would have */
};

/* One response to record and what it is filed as (at most one of
 * `version` and `validation`): plain data, so that the group-commit
 * writer (store/writer.h) can run it as a job. */
struct wm_record {
	const struct wm_response *r;
	struct wm_response_ids *ids;
	const struct wm_recorder *by;
	struct wm_assessment_submission *version;
	const struct wm_validation_submission *validation;
};

/* The one way a response from outside is recorded, whether from the
 * command line, a web form or the JSON API: as one durable change it
 * attributes the response to a service (ids->unit_id when set, else the
 * service it is about, else the person's service on the day it was
 * answered), accepts a lead's or a validator's rating only from an
 * account given that role there (core's wm_rater_grant), saves it with
 * its answers and scores, replaces the respondent's draft of the same
 * form when it was answered interactively (an import of old responses
 * leaves drafts alone), files a lead's self-assessment as the next
 * version of the service's assessment for the period (started if there
 * is none) or a validator's ratings as their validation, and writes the
 * audit entry. Nothing is stored on any refusal:
 *   WM_STORE_NOT_FOUND, with a reason in err: it cannot be attributed,
 *     the role is missing, or a validator was not invited;
 *   WM_STORE_CONFLICT: core's "changed meanwhile" rule refuses a
 *     version (another was filed since the form was built), or a
 *     validation has no submitted self-assessment to validate
 *     (wm_invitation_problem), with core's reason in err;
 *   WM_STORE_EXISTS: the reopening was answered already, or the
 *     validator has submitted already. */
WM_MUST_USE int wm_store_record(struct wm_store *s,
    const struct wm_record *job, int64_t *id, struct wm_buf *err);

/* The steps of one record inside a transaction the caller holds: the
 * caller commits, or rolls back when this fails. */
WM_MUST_USE int wm_store_record_steps(struct wm_store *s,
    const struct wm_record *job, int64_t *id, struct wm_buf *err);

/* The same steps as one part (wm_store_part_begin) of a transaction the
 * caller has begun: the group-commit writer's job. It is durable only
 * once the caller commits; if it fails, nothing of it is kept and the
 * rest of the transaction is whole. */
WM_MUST_USE int wm_store_record_part(struct wm_store *s,
    const struct wm_record *job, int64_t *id, struct wm_buf *err);

/* What a response made outside the forms is filed as (job points here). */
struct wm_import {
	struct wm_assessment_submission version;
	struct wm_validation_submission validation;
	char period[11], period_end[11];
};

/* Makes *job the record of a response made outside the forms (`waymark
 * respond`, the demo), filed as core decides (wm_standards_filing) in the
 * network's period it was given in: a lead's self-assessment as the next
 * version whatever came before, with a reason saying so; a validator's
 * ratings as their validation, the record inviting them. */
WM_MUST_USE int wm_store_import_job(struct wm_store *s,
    const struct wm_response *r, struct wm_response_ids *ids,
    const struct wm_recorder *by, struct wm_import *imp,
    struct wm_record *job, struct wm_buf *err);

struct wm_answer_row {
	int64_t response_id;
	const char *url;
	const char *version;
	const char *subject_kind;
	const char *subject;	/* person identifier, unit code or email */
	const char *unit_code;
	const char *respondent;
	const char *stakeholder;	/* "" unless a validator */
	const char *status;
	const char *authored;
	const char *link_id;
	const char *code;	/* NULL for non-choice answers */
	const char *display;
	int has_value;
	double value;
	const char *text;	/* NULL for choice answers */
	const char *question;	/* the item's wording in the version
				 * answered; NULL if it has none */
};

/* Every answer about people and services, oldest response first,
 * optionally only one instrument (url, any version), one unit and the
 * units below it, and/or one person. Answers about a staff member (their
 * own reflections and self-assessments) are private to them and never
 * included. Unfinished drafts are included only with `drafts` (for the
 * person's own record: a draft is not shared until it is finished).
 * With a person and no unit it reads only that person's rows, so their
 * record costs the same in a network of any size. */
WM_MUST_USE int wm_store_answer_each(struct wm_store *s, const char *url,
    int64_t unit_id, int64_t person_id, int drafts,
    int (*cb)(void *, const struct wm_answer_row *), void *ctx,
    struct wm_buf *err);

/* --- summaries --------------------------------------------------------- */

struct wm_scale_summary_row {
	const char *unit_code;
	const char *unit_name;
	const char *quarter;
	const char *respondent;
	const char *scale;	/* scale code */
	const char *scale_title;
	int64_t people;		/* distinct people with a score */
	int64_t scores;
	double mean;
};

/* Per service, quarter and respondent: the scored responses to every
 * version of a measure (`family`: an instrument's family, or its url when
 * it has none), scale by scale, from totals kept at write time. Ordered by
 * unit, quarter, respondent, scale. */
WM_MUST_USE int wm_store_scale_summary(struct wm_store *s, const char *family,
    int (*cb)(void *, const struct wm_scale_summary_row *), void *ctx,
    struct wm_buf *err);

struct wm_people_row {
	const char *unit_code;
	const char *quarter;
	const char *respondent;
	int64_t people;	/* distinct people with a completed response */
};

/* Per service, quarter and respondent, in the same order as
 * wm_store_scale_summary: how many people answered any instrument of
 * `family`. */
WM_MUST_USE int wm_store_people_summary(struct wm_store *s, const char *family,
    int (*cb)(void *, const struct wm_people_row *), void *ctx,
    struct wm_buf *err);

/* One account by id, as wm_store_account_list shows it. */
WM_MUST_USE int wm_store_account_get(struct wm_store *s, int64_t id,
    int (*cb)(void *, const struct wm_account_row *), void *ctx,
    struct wm_buf *err);

/* The person an account belongs to (people using services sign in with
 * one); WM_STORE_NOT_FOUND for staff accounts. */
WM_MUST_USE int wm_store_account_person(struct wm_store *s, int64_t account_id,
    int64_t *person_id, struct wm_buf *err);
/* The account a person signs in with; WM_STORE_NOT_FOUND if none. */
WM_MUST_USE int wm_store_person_account(struct wm_store *s, int64_t person_id,
    int64_t *account_id, struct wm_buf *err);


/* The services at which an account holds `role` (e.g. lead), by name;
 * each row's parent_code is its provider's. */
WM_MUST_USE int wm_store_account_units(struct wm_store *s, int64_t account_id,
    const char *role, int (*cb)(void *, const struct wm_unit_row *),
    void *ctx, struct wm_buf *err);

/* One page of the accounts by name, then email: at most `limit` after
 * the first `offset`, those whose name or email holds `search` as plain
 * text (any case; NULL for all), and in *total how many match in all
 * (set before the first row is handed on). */
WM_MUST_USE int wm_store_account_page(struct wm_store *s, const char *search,
    int64_t offset, int limit, int64_t *total,
    int (*cb)(void *, const struct wm_account_row *), void *ctx,
    struct wm_buf *err);
/* The active accounts that have never signed in, newest first: at most
 * `limit`, and in *total how many there are. */
WM_MUST_USE int wm_store_accounts_waiting(struct wm_store *s, int limit,
    int64_t *total, int (*cb)(void *, const struct wm_account_row *),
    void *ctx, struct wm_buf *err);
/* Deactivates an account (it can no longer sign in) and ends its
 * sessions; WM_STORE_CONFLICT if it already is. */
WM_MUST_USE int wm_store_account_deactivate(struct wm_store *s, int64_t id,
    struct wm_buf *err);
/* Lets a deactivated account sign in again; WM_STORE_CONFLICT if it is
 * active. */
WM_MUST_USE int wm_store_account_reactivate(struct wm_store *s, int64_t id,
    struct wm_buf *err);
/* Ends every open session of the account. */
WM_MUST_USE int wm_store_account_sessions_end(struct wm_store *s, int64_t id,
    struct wm_buf *err);
/* Removes the account's role at the unit (for the stakeholder group, a
 * validator's, when it is not NULL); WM_STORE_NOT_FOUND if it does not
 * hold it there. */
WM_MUST_USE int wm_store_grant_remove(struct wm_store *s, int64_t account_id,
    const char *role, int64_t unit_id, const char *stakeholder,
    struct wm_buf *err);
/* Gives the account a setup code (its hash), made at `now` and working
 * until `expires` (seconds), in place of any earlier unused one. */
WM_MUST_USE int wm_store_setup_code_set(struct wm_store *s, int64_t account_id,
    const char *code_hash, int64_t now, int64_t expires,
    struct wm_buf *err);
/* The live setup code (unused, unexpired at `now`) of the active account
 * with this email: its id, the account's and the code's hash (into
 * hash, WM_TOKEN_HASH_LEN + 1 bytes); WM_STORE_NOT_FOUND if none. */
WM_MUST_USE int wm_store_setup_code_find(struct wm_store *s, const char *email,
    int64_t now, int64_t *code_id, int64_t *account_id, char *hash,
    struct wm_buf *err);
/* Marks the code used at `now`; WM_STORE_NOT_FOUND if it already was. */
WM_MUST_USE int wm_store_setup_code_use(struct wm_store *s, int64_t code_id,
    int64_t now, struct wm_buf *err);

/* Replaces an account's password hash. */
WM_MUST_USE int wm_store_account_set_password(struct wm_store *s, int64_t id,
    const char *hash, struct wm_buf *err);

/* Facts about the database ("demo" = "1" for a demo network). */
WM_MUST_USE int wm_store_setting_set(struct wm_store *s, const char *key,
    const char *value, struct wm_buf *err);
/* 0 and the value in out, or WM_STORE_NOT_FOUND. */
WM_MUST_USE int wm_store_setting_get(struct wm_store *s, const char *key, char *out,
    size_t n, struct wm_buf *err);

/* --- sign-in and sessions -------------------------------------------- */

/* The account's id and password hash ("" when it has none) by email. */
WM_MUST_USE int wm_store_account_auth(struct wm_store *s, const char *email,
    int64_t *id, char *hash, size_t hash_size, struct wm_buf *err);

struct wm_session_row {
	int64_t account_id;
	char csrf[WM_TOKEN_LEN + 1];
	int64_t created, last_seen;	/* seconds since 1970 */
	int ended;
};

WM_MUST_USE int wm_store_session_add(struct wm_store *s, const char *token_hash,
    int64_t account_id, const char *csrf, int64_t now, const char *address,
    struct wm_buf *err);
WM_MUST_USE int wm_store_session_get(struct wm_store *s, const char *token_hash,
    struct wm_session_row *out, struct wm_buf *err);
WM_MUST_USE int wm_store_session_touch(struct wm_store *s, const char *token_hash,
    int64_t now, struct wm_buf *err);
WM_MUST_USE int wm_store_session_end(struct wm_store *s, const char *token_hash,
    struct wm_buf *err);

/*
 * Sign-in attempts by key (web/auth.c: "email:HASH@ADDRESS" and
 * "ip:ADDRESS"), recorded before the password is checked; an attempt that
 * succeeds is forgotten again, so what stays are failures. The web layer
 * counts and records in one wm_store_begin() transaction, so simultaneous
 * attempts are counted one after another.
 */
/* Records an attempt at `now`; its id in *id (may be NULL). */
WM_MUST_USE int wm_store_signin_failure_add(struct wm_store *s, const char *key,
    int64_t now, int64_t *id, struct wm_buf *err);
/* How many attempts under key are later than `since`, and the latest. */
WM_MUST_USE int wm_store_signin_failures(struct wm_store *s, const char *key,
    int64_t since, int64_t *count, int64_t *latest, struct wm_buf *err);
/* Forgets every attempt under key (a successful sign-in). */
WM_MUST_USE int wm_store_signin_failures_clear(struct wm_store *s, const char *key,
    struct wm_buf *err);
/* Forgets the one attempt `id`. */
WM_MUST_USE int wm_store_signin_failure_forget(struct wm_store *s, int64_t id,
    struct wm_buf *err);
/* Forgets every attempt at or before `before`, whatever its key. */
WM_MUST_USE int wm_store_signin_failures_purge(struct wm_store *s, int64_t before,
    struct wm_buf *err);

struct wm_score_row {
	const char *scale;	/* scale code */
	const char *scale_title;
	const char *authored;	/* YYYY-MM-DD */
	double value;
	const char *respondent;	/* person or person-with-practitioner */
};

/* A person's scores on every scale, oldest first within each scale. */
WM_MUST_USE int wm_store_person_scores(struct wm_store *s, int64_t person_id,
    int (*cb)(void *, const struct wm_score_row *), void *ctx,
    struct wm_buf *err);

/* One answer to one question, as the person's journey shows it. */
struct wm_item_answer_row {
	const char *authored;	/* YYYY-MM-DD */
	const char *display;	/* the option chosen, in its words */
	int has_value;		/* 0: no ordinal value ("prefer not to say") */
	double value;
	const char *respondent;	/* person or person-with-practitioner */
};

struct wm_item_change_row {
	const char *url;	/* the instrument, any version */
	int64_t instrument_id;	/* its latest version */
	const char *title;	/* in the latest version's words */
	int64_t responses;	/* the person's completed responses to it */
	const char *link_id;
	const char *text;	/* the question, in the latest version's words */
	int place;		/* its index in the latest version's items, or
				 * -1 when that version no longer asks it */
	int64_t answers;	/* how many of those responses answered it */
	struct wm_item_answer_row first, latest;	/* the same if answers 1 */
};

/* For each choice question of each instrument (all versions of a url
 * together) a person has completed: their first and latest answers.
 * Ordered by title, url and the question's place in the latest version
 * (questions it no longer asks last). Answers about staff never appear. */
WM_MUST_USE int wm_store_person_item_changes(struct wm_store *s, int64_t person_id,
    int (*cb)(void *, const struct wm_item_change_row *), void *ctx,
    struct wm_buf *err);

/* Both of the above from one read of the person's record, for a page
 * that shows both: every score row (as wm_store_person_scores) and then
 * every question's row (as wm_store_person_item_changes), each with the
 * same ctx. Either callback may be NULL. */
WM_MUST_USE int wm_store_person_journey(struct wm_store *s, int64_t person_id,
    int (*score_cb)(void *, const struct wm_score_row *),
    int (*item_cb)(void *, const struct wm_item_change_row *), void *ctx,
    struct wm_buf *err);

struct wm_caseload_row {
	int64_t person_id;
	const char *ident;
	const char *name;
	const char *unit_code;
	const char *unit_name;
	const char *since;
	const char *last_answered;	/* NULL if never */
	int own;		/* on a service where the account is a
				 * practitioner, not only its lead */
};

/* Which page of a caseload to read. */
struct wm_caseload_query {
	int64_t account_id;
	const char *search;	/* NULL or "": everyone; else only those whose
				 * name or identifier holds it, as plain text
				 * and ignoring case */
	int64_t offset;		/* how many to skip */
	int limit;		/* at most this many rows */
};

/*
 * One page of the people now on the caseloads of the services where the
 * account is a practitioner or lead, and in *total how many there are in
 * all (with the search). The account's own people come first: no one is
 * assigned to a named worker, so "own" means those on the services where
 * the account is a practitioner rather than only the lead. Then by name,
 * ignoring case, and identifier. A person on two such services appears
 * once. Costs one pass over the caseloads' people and the page's own rows:
 * no one's answers are read but those on the page.
 */
WM_MUST_USE int wm_store_caseload(struct wm_store *s, const struct wm_caseload_query *q,
    int64_t *total, int (*cb)(void *, const struct wm_caseload_row *),
    void *ctx, struct wm_buf *err);


struct wm_cycle_row {
	int64_t instrument_id;	/* its latest version; 0 if not loaded */
	const char *title;
	int every_months;
	const char *since;	/* YYYY-MM-DD: joined, or the cycle began */
	const char *last;	/* last completed, or NULL */
};

/* The cycles that apply to a person on their current services, except
 * those stopped on or before today. */
WM_MUST_USE int wm_store_person_cycles(struct wm_store *s, int64_t person_id,
    int (*cb)(void *, const struct wm_cycle_row *), void *ctx,
    struct wm_buf *err);

/* One person on a practitioner's caseload with one of their cycles. */
struct wm_person_cycle_row {
	int64_t person_id;
	const char *ident;
	const char *name;
	const char *unit_name;
	struct wm_cycle_row cycle;
};

/* The cycles of everyone now on the caseloads of the services where the
 * account works as a practitioner, each person's rows together: what
 * they owe costs what their caseloads hold. */
WM_MUST_USE int wm_store_practitioner_cycles(struct wm_store *s,
    int64_t account_id, int (*cb)(void *, const struct wm_person_cycle_row *),
    void *ctx, struct wm_buf *err);

struct wm_answer_count_row {
	const char *link_id;
	const char *text;	/* the question */
	const char *code;
	const char *display;	/* the answer's words */
	int64_t count;
};

/* How often a staff member gave each answer to each question of a
 * measure family about themselves (their own reflections, for them). */
WM_MUST_USE int wm_store_own_answer_counts(struct wm_store *s, int64_t account_id,
    const char *family, int (*cb)(void *, const struct wm_answer_count_row *),
    void *ctx, struct wm_buf *err);

struct wm_reflection_row {
	int64_t response_id;
	const char *authored;	/* the interaction's day, YYYY-MM-DD */
	const char *ident;	/* with whom; NULL when no one was named */
	const char *name;
};

/* A staff member's `limit` latest reflections in a measure family,
 * newest first, each with the person it was about, if any. */
WM_MUST_USE int wm_store_own_reflections(struct wm_store *s,
    int64_t account_id, const char *family, int limit,
    int (*cb)(void *, const struct wm_reflection_row *), void *ctx,
    struct wm_buf *err);

/* The staff member's reflection `response_id` in that family, if it is
 * theirs (the callback is not called otherwise). */
WM_MUST_USE int wm_store_own_reflection(struct wm_store *s,
    int64_t account_id, const char *family, int64_t response_id,
    int (*cb)(void *, const struct wm_reflection_row *), void *ctx,
    struct wm_buf *err);

/* --- the standards self-assessment and its validation -------------------- */

/* A service's self-assessment for one period ("YYYY-MM-DD" first and last
 * days): its id, made if there is none yet. */
WM_MUST_USE int wm_store_assessment_open(struct wm_store *s, int64_t unit_id,
    const char *period, const char *period_end, int64_t *id,
    struct wm_buf *err);
/* Its id if it exists; WM_STORE_NOT_FOUND otherwise. */
WM_MUST_USE int wm_store_assessment_find(struct wm_store *s, int64_t unit_id,
    const char *period, int64_t *id, struct wm_buf *err);

/* How many services' assessments have periods ending on or after date. */
WM_MUST_USE int wm_store_assessments_since(struct wm_store *s, const char *date,
    int64_t *n, struct wm_buf *err);

struct wm_assessment_row {
	int64_t id;
	int64_t unit_id;
	const char *unit_code;
	const char *unit_name;
	const char *period;
	const char *period_end;
	int versions;		/* submitted versions; 0 for none yet */
	int64_t invited;	/* validators invited */
	int64_t validated;	/* of whom submitted */
};

/* One assessment by id, or a service's, newest period first. */
WM_MUST_USE int wm_store_assessment_get(struct wm_store *s, int64_t id,
    int (*cb)(void *, const struct wm_assessment_row *), void *ctx,
    struct wm_buf *err);
WM_MUST_USE int wm_store_assessments(struct wm_store *s, int64_t unit_id,
    int (*cb)(void *, const struct wm_assessment_row *), void *ctx,
    struct wm_buf *err);

struct wm_assessment_version_row {
	int version;
	int64_t response_id;
	const char *reason;	/* NULL for a first submission */
	int standard;		/* the one standard amended, or 0 for all */
	int64_t reopen_id;	/* the reopening it answers, or 0 */
	const char *by;		/* the lead's name */
	const char *submitted;	/* ISO 8601 */
	int64_t instrument_id;	/* the version's instrument */
};

/* Files a saved, completed lead's response as the next version, with
 * the reason for amending (NULL only for the first) and, when it answers
 * a reopening of one standard, that standard and reopening. *version is
 * the number given. WM_STORE_EXISTS if the reopening was answered. */
WM_MUST_USE int wm_store_assessment_version_add(struct wm_store *s, int64_t assessment_id,
    int64_t response_id, const char *reason, int standard, int64_t reopen_id,
    int64_t account_id, int *version, struct wm_buf *err);
WM_MUST_USE int wm_store_assessment_versions(struct wm_store *s, int64_t assessment_id,
    int (*cb)(void *, const struct wm_assessment_version_row *), void *ctx,
    struct wm_buf *err);

struct wm_validator_row {
	int64_t account_id;
	const char *name;
	const char *stakeholder;	/* their group's code */
	const char *invited;		/* NULL when not invited (candidates) */
	int64_t response_id;		/* their submitted ratings, or 0 */
	const char *submitted;
};

/* The accounts holding the validator role at a service (who may be
 * invited), and those invited to an assessment, by group then name. */
WM_MUST_USE int wm_store_service_validators(struct wm_store *s, int64_t unit_id,
    int (*cb)(void *, const struct wm_validator_row *), void *ctx,
    struct wm_buf *err);
WM_MUST_USE int wm_store_invitations(struct wm_store *s, int64_t assessment_id,
    int (*cb)(void *, const struct wm_validator_row *), void *ctx,
    struct wm_buf *err);
/* Invites a validator of that service, in the group their role names.
 * WM_STORE_NOT_FOUND if they hold no validator role there;
 * WM_STORE_EXISTS if already invited. */
WM_MUST_USE int wm_store_invitation_add(struct wm_store *s, int64_t assessment_id,
    int64_t account_id, int64_t invited_by, struct wm_buf *err);

struct wm_invited_row {
	int64_t assessment_id;
	const char *unit_code;
	const char *unit_name;
	const char *period;
	const char *period_end;
	const char *stakeholder;
	int64_t response_id;	/* their submitted ratings, or 0 */
	int64_t unit_id;	/* the service */
};

/* The assessments an account was invited to validate, newest first, or
 * (assessment_id not 0) just that one: WM_STORE_NOT_FOUND if they were
 * not invited to it. */
WM_MUST_USE int wm_store_account_invitations(struct wm_store *s, int64_t account_id,
    int64_t assessment_id, int (*cb)(void *, const struct wm_invited_row *),
    void *ctx, struct wm_buf *err);
/* Files a saved validator's response as their validation of the
 * assessment: WM_STORE_NOT_FOUND if they were not invited, and
 * WM_STORE_EXISTS if they already submitted. */
WM_MUST_USE int wm_store_validation_add(struct wm_store *s, int64_t assessment_id,
    int64_t account_id, int64_t response_id, struct wm_buf *err);

struct wm_assessment_rating_row {
	const char *period;
	const char *period_end;
	int self;		/* 1: the service's own (latest version) */
	int64_t account_id;	/* the lead or the validator */
	const char *stakeholder;	/* validators' group code, else NULL */
	const char *scale;	/* standard-N */
	int has_value;
	double value;		/* 1 red, 2 amber, 3 green */
};

/* The lights of a service's assessments: for each period the latest
 * version's and each validator's, oldest period first; only one
 * assessment's when assessment_id is not 0. */
WM_MUST_USE int wm_store_assessment_ratings(struct wm_store *s, int64_t unit_id,
    int64_t assessment_id,
    int (*cb)(void *, const struct wm_assessment_rating_row *), void *ctx,
    struct wm_buf *err);

struct wm_validation_comment_row {
	const char *stakeholder;	/* the validator's group code */
	const char *link_id;	/* the question they wrote in */
	const char *text;
	int64_t instrument_id;	/* the form they answered */
};

/* What validators wrote (their comments), in the form's order, by group
 * and never by name. */
WM_MUST_USE int wm_store_validation_comments(struct wm_store *s, int64_t assessment_id,
    int (*cb)(void *, const struct wm_validation_comment_row *), void *ctx,
    struct wm_buf *err);

struct wm_standard_query_row {
	int64_t id;
	int standard;
	const char *kind;	/* query, answer or reopen */
	int64_t account_id;
	const char *name;	/* who */
	const char *stakeholder;	/* a validator's group code, or NULL */
	const char *text;
	const char *at;
	int64_t answered_by;	/* reopen: the version that answered it */
};

/* Keeps a query (by an invited validator), an answer or a reopening (by
 * the lead) of one standard, with its reason; *id is its number. */
WM_MUST_USE int wm_store_standard_query_add(struct wm_store *s, int64_t assessment_id,
    int standard, const char *kind, int64_t account_id, const char *text,
    int64_t *id, struct wm_buf *err);
/* An assessment's queries, answers and reopenings, by standard then
 * time. */
WM_MUST_USE int wm_store_standard_queries(struct wm_store *s, int64_t assessment_id,
    int (*cb)(void *, const struct wm_standard_query_row *), void *ctx,
    struct wm_buf *err);

/* The network's settings for its standards work (`waymark network
 * set`), each with its default when unset or unusable: the period's
 * length in months (quarterly), and when a standard counts as validated. */
#define WM_SETTING_PERIOD_MONTHS "standards_period_months"
#define WM_SETTING_MIN_VALIDATORS "validation_min_validators"
#define WM_SETTING_MIN_GROUPS "validation_min_groups"

struct wm_validation_rule;

WM_MUST_USE int wm_store_standards_months(struct wm_store *s, int *months,
    struct wm_buf *err);
WM_MUST_USE int wm_store_validation_rule(struct wm_store *s,
    struct wm_validation_rule *out, struct wm_buf *err);

/* The disclosure rule the network chose for its figures for commissioners
 * (`waymark network set --disclosure`): the stored rule, or
 * WM_DISCLOSURE_DEFAULT (mhsds) when none is set. It may be
 * WM_DISCLOSURE_NONE, which is for the network's own analysts on the
 * command line: the web pages and the API must refuse to publish under it
 * (they show no figures rather than unprotected ones). A stored value that
 * is no rule is an error, never quietly the default. */
#define WM_SETTING_DISCLOSURE "disclosure"
WM_MUST_USE int wm_store_disclosure_rule(struct wm_store *s,
    enum wm_disclosure_rule *out, struct wm_buf *err);

/* --- a service's profile ------------------------------------------------ */

/* How often one option of one question was chosen (or, when link_id is
 * NULL, the totals for one kind of respondent). */
struct wm_profile_count_row {
	const char *respondent;	/* person, person-with-practitioner, staff */
	const char *link_id;	/* NULL on a totals row */
	const char *code;	/* the option */
	int has_value;		/* the option is scored */
	double value;		/* its ordinal value */
	double lo, hi;		/* the question's scored values, that version */
	int64_t count;		/* answers; on a totals row, responses */
	int64_t subjects;	/* distinct subjects (people, practitioners) */
};

/* For one service, one instrument (`url`, every version) and one quarter
 * ("2026-Q3"): the totals row of each respondent kind first, then each
 * option's count, ordered by respondent, question and option. Only
 * completed responses count. One function per view:
 *   erfs: ratings of the service itself, by people and by staff;
 *   indicator: ratings by people of their service, each person's latest
 *     response in the quarter only (a person counts once);
 *   tip: practitioners' reflections at the service (their subjects are
 *     the practitioners: use only in aggregate, never per practitioner). */
WM_MUST_USE int wm_store_erfs_counts(struct wm_store *s, const char *url,
    int64_t unit_id, const char *quarter,
    int (*cb)(void *, const struct wm_profile_count_row *), void *ctx,
    struct wm_buf *err);
WM_MUST_USE int wm_store_indicator_counts(struct wm_store *s, const char *url,
    int64_t unit_id, const char *quarter,
    int (*cb)(void *, const struct wm_profile_count_row *), void *ctx,
    struct wm_buf *err);
WM_MUST_USE int wm_store_tip_counts(struct wm_store *s, const char *url,
    int64_t unit_id, const char *quarter,
    int (*cb)(void *, const struct wm_profile_count_row *), void *ctx,
    struct wm_buf *err);

struct wm_profile_period_row {
	const char *quarter;	/* "2026-Q3" */
	int64_t responses;	/* completed responses in it */
	int64_t subjects;	/* distinct subjects they are about */
};

/* The quarters (newest first, at most 40) in which a service has
 * completed responses to `url` about subjects of `subject_kind`
 * (person, service or staff), with how many and about how many subjects
 * (for the Ten Top Tips, the practitioners who reflected). */
WM_MUST_USE int wm_store_profile_periods(struct wm_store *s, const char *url,
    int64_t unit_id, const char *subject_kind,
    int (*cb)(void *, const struct wm_profile_period_row *), void *ctx,
    struct wm_buf *err);

/* One score of one of a service's people, for their change over time. */
struct wm_caseload_score_row {
	int64_t person_id;
	const char *respondent;	/* person or person-with-practitioner;
				 * NULL on a row without a score */
	const char *scale;	/* its code, NULL with respondent */
	const char *title;
	double value;
};

/* The scores of the people on a service's caseload now (no end date) in
 * their completed responses to any version of `url`, wherever they were
 * given, in order of person, respondent, scale code, then when they were
 * given (the first first; on the same day, the first recorded first).
 * Every person now on the caseload comes once: with a row for each of
 * their scores, or, when they have none (no response, or none answered
 * enough to score), with one row whose respondent and scale are NULL.
 * The rows are handed on while the store reads: cb must not use it. */
WM_MUST_USE int wm_store_caseload_scores(struct wm_store *s, int64_t unit_id,
    const char *url, int (*cb)(void *, const struct wm_caseload_score_row *),
    void *ctx, struct wm_buf *err);

/* --- people's plans (migration 18) --------------------------------------
 *
 * A person has at most one plan of each kind (its template's family). Its
 * versions: 0 is the draft, replaced by each save part-way; finished
 * versions count from 1 and are never changed. Rows are handed on while
 * the store reads: cb may read other things from the store, never by
 * the call it is in, and the strings last only for the call. Who may read a plan is core's decision
 * (core/access.h), from the facts wm_store_plan_facts finds.
 */

struct wm_plan_row {
	int64_t id;
	int64_t person_id;
	const char *family;
	const char *created;
	int crisis_access;
	int64_t latest;		/* the latest finished version, 0 if none */
	const char *latest_saved;	/* its time, or NULL */
	int has_draft;
	const char *draft_saved;	/* the draft's time, or NULL */
	const char *person_ident;	/* the owner's identifier */
	const char *person_name;	/* the owner's name, or NULL */
};

struct wm_plan_version_row {
	int64_t plan_id;
	int64_t n;		/* 0: the draft */
	int64_t instrument_id;
	const char *content;	/* the QuestionnaireResponse, as written */
	const char *respondent;	/* person, person-with-practitioner */
	int64_t author_account_id;	/* who was signed in, or 0 */
	const char *author_name;	/* their name, or NULL */
	const char *agreed;	/* YYYY-MM-DD, or NULL */
	const char *saved;	/* ISO time */
};

/* A version to keep: the draft (n 0, in place of any draft) or the next
 * finished version (which takes the draft's place). */
struct wm_plan_save {
	int finished;
	int64_t instrument_id;
	const char *content;
	const char *respondent;
	int64_t author_account_id;
	const char *agreed;	/* or NULL */
	int keep_draft;		/* a version made together leaves the
				 * person's own draft as it is */
};

/* A new plan of `family` for the person: WM_STORE_EXISTS (with its id in
 * *id) when they have one already. */
WM_MUST_USE int wm_store_plan_add(struct wm_store *s, int64_t person_id,
    const char *family, int64_t *id, struct wm_buf *err);
/* The person's plans, by family. */
WM_MUST_USE int wm_store_plans(struct wm_store *s, int64_t person_id,
    int (*cb)(void *, const struct wm_plan_row *), void *ctx,
    struct wm_buf *err);
/* One plan; WM_STORE_NOT_FOUND. */
WM_MUST_USE int wm_store_plan(struct wm_store *s, int64_t plan_id,
    int (*cb)(void *, const struct wm_plan_row *), void *ctx,
    struct wm_buf *err);
/* The plans shared now (on `today`, YYYY-MM-DD) with the account, or with
 * the care team of a service it is a practitioner of where the owner is
 * on the caseload now: each once, by owner and family, `limit` from
 * `offset` (limit -1: all). Core still decides each read
 * (wm_plan_reader). */
WM_MUST_USE int wm_store_plans_shared_with(struct wm_store *s,
    int64_t account_id, const char *today, int64_t offset, int limit,
    int (*cb)(void *, const struct wm_plan_row *), void *ctx,
    struct wm_buf *err);
/* How many plans wm_store_plans_shared_with lists in all, into *n. */
WM_MUST_USE int wm_store_plans_shared_count(struct wm_store *s,
    int64_t account_id, const char *today, int64_t *n, struct wm_buf *err);
/* Version n of the plan (0 the draft, -1 the latest finished);
 * WM_STORE_NOT_FOUND. */
WM_MUST_USE int wm_store_plan_version(struct wm_store *s, int64_t plan_id,
    int64_t n, int (*cb)(void *, const struct wm_plan_version_row *),
    void *ctx, struct wm_buf *err);
/* The finished versions, newest first. */
WM_MUST_USE int wm_store_plan_versions(struct wm_store *s, int64_t plan_id,
    int (*cb)(void *, const struct wm_plan_version_row *), void *ctx,
    struct wm_buf *err);
/* Keeps a version (struct wm_plan_save); the number kept into *n. */
WM_MUST_USE int wm_store_plan_save(struct wm_store *s, int64_t plan_id,
    const struct wm_plan_save *v, int64_t *n, struct wm_buf *err);
/* Turns crisis access to the plan on or off. */
WM_MUST_USE int wm_store_plan_crisis_set(struct wm_store *s, int64_t plan_id,
    int on, struct wm_buf *err);

/* What core needs to decide a read of the plan by the account on
 * `today`: into `f`, with its lists in the caller's arrays (at most
 * `max` each; WM_STORE_ERROR past that). All zero when there is no such
 * plan. */
WM_MUST_USE int wm_store_plan_facts(struct wm_store *s, int64_t plan_id,
    int64_t account_id, const char *today, struct wm_plan_facts *f,
    int64_t *team_units, int64_t *owner_units, size_t max,
    struct wm_buf *err);

struct wm_plan_share_row {
	int64_t id;
	int64_t account_id;	/* or 0 for a care team */
	const char *account_name;
	const char *account_email;
	int supporter;		/* the account is the owner's supporter */
	int64_t unit_id;	/* or 0 for an account */
	const char *unit_code;
	const char *unit_name;
	const char *created;
	const char *until;	/* last day, YYYY-MM-DD, or NULL */
	const char *stopped;	/* when it was stopped, or NULL */
};

/* Shares the plan with an account or a service's care team (one of the
 * two is 0) until `until` (or NULL), in place of any share with them
 * still going; the share's id into *id. */
WM_MUST_USE int wm_store_plan_share_add(struct wm_store *s, int64_t plan_id,
    int64_t account_id, int64_t unit_id, const char *until, int64_t *id,
    struct wm_buf *err);
/* The plan's shares: those current on `today`, or (today NULL) all, the
 * newest first. */
WM_MUST_USE int wm_store_plan_shares(struct wm_store *s, int64_t plan_id,
    const char *today, int (*cb)(void *, const struct wm_plan_share_row *),
    void *ctx, struct wm_buf *err);
/* Stops a share of the plan at once; WM_STORE_NOT_FOUND when the plan
 * has no such share still going. */
WM_MUST_USE int wm_store_plan_share_stop(struct wm_store *s, int64_t plan_id,
    int64_t share_id, struct wm_buf *err);

struct wm_plan_view_row {
	int64_t id;
	int64_t plan_id;
	const char *family;
	int64_t n;		/* the version seen */
	const char *account_name;
	const char *how;	/* shared, team, together, crisis */
	const char *unit_name;	/* the service they saw it through, or NULL */
	const char *role;	/* their role there, or NULL */
	int supporter;		/* the account is the owner's supporter */
	const char *at;		/* ISO time */
	const char *reason;	/* a crisis opening's, or NULL */
	int told;		/* the owner has been told (crisis) */
};

/* Keeps a read of version n of the plan by someone other than its owner
 * (`how`: shared, team, together or crisis, through `unit_id` or 0,
 * with a crisis opening's reason) and its audit entry, in one durable
 * transaction, before the plan is shown. */
WM_MUST_USE int wm_store_plan_viewed(struct wm_store *s, int64_t plan_id,
    int64_t n, int64_t account_id, const char *how, int64_t unit_id,
    const char *reason, const char *address, struct wm_buf *err);
/* Reads of the person's plans by others, the newest first; one plan's
 * only when plan_id is not 0; at most `limit`. */
WM_MUST_USE int wm_store_plan_views(struct wm_store *s, int64_t person_id,
    int64_t plan_id, int limit,
    int (*cb)(void *, const struct wm_plan_view_row *), void *ctx,
    struct wm_buf *err);
/* Crisis openings of the person's plans they have not been told of,
 * oldest first; wm_store_plan_crisis_told marks those up to a view's id
 * told, once the person has been shown them. */
WM_MUST_USE int wm_store_plan_crisis_untold(struct wm_store *s,
    int64_t person_id, int (*cb)(void *, const struct wm_plan_view_row *),
    void *ctx, struct wm_buf *err);
WM_MUST_USE int wm_store_plan_crisis_told(struct wm_store *s,
    int64_t person_id, int64_t upto_view, struct wm_buf *err);

struct wm_plan_suggestion_row {
	int64_t id;
	int64_t plan_id;
	int64_t base;		/* the version it was suggested on */
	int64_t instrument_id;
	const char *content;	/* the suggested plan, as a response */
	const char *note;	/* why, or NULL */
	const char *by_name;
	const char *made;
	const char *decided;	/* when the person decided, or NULL */
	int accepted;
	int64_t by_account;
	int together;		/* written together with the person */
	const char *agreed;	/* ... agreed on this day, or NULL */
};

/* A practitioner's suggested change to the plan, made on version `base`
 * (or, `together`, a version written with the person, agreed on
 * `agreed`), waiting for the person; its id into *id. */
WM_MUST_USE int wm_store_plan_suggest(struct wm_store *s, int64_t plan_id,
    int64_t base, int64_t instrument_id, int64_t account_id,
    const char *content, const char *note, int together, const char *agreed,
    int64_t *id, struct wm_buf *err);
/* The plan's suggestions, the newest first: open only, or all. */
WM_MUST_USE int wm_store_plan_suggestions(struct wm_store *s,
    int64_t plan_id, int open_only,
    int (*cb)(void *, const struct wm_plan_suggestion_row *), void *ctx,
    struct wm_buf *err);
/* One suggestion of the plan; WM_STORE_NOT_FOUND. */
WM_MUST_USE int wm_store_plan_suggestion(struct wm_store *s, int64_t plan_id,
    int64_t id, int (*cb)(void *, const struct wm_plan_suggestion_row *),
    void *ctx, struct wm_buf *err);
/* Keeps the person's decision on an open suggestion; WM_STORE_NOT_FOUND
 * when it is not open (decided already). Accepting does not save the
 * version: the caller saves it in the same transaction. */
WM_MUST_USE int wm_store_plan_suggestion_decide(struct wm_store *s,
    int64_t plan_id, int64_t id, int accepted, struct wm_buf *err);

/* --- supporters (migration 18) ------------------------------------------
 *
 * A supporter is someone a person invited (family, a friend, an
 * advocate, a peer) with an account of their own that holds no role: it
 * reads only what the person shares with it. Inviting one is
 * wm_supporter_invite (store/accounts.h), which makes the account and
 * its one-time code with the link below, in one transaction.
 */

struct wm_supporter_row {
	int64_t account_id;
	const char *name;
	const char *email;
	const char *relationship;	/* as the person put it, or NULL */
	const char *created;
	const char *ended;		/* when the person ended it, or NULL */
	int signed_up;			/* has set a password */
	const char *code_expires;	/* an unused invitation's expiry, or
					 * NULL */
};

WM_MUST_USE int wm_store_supporter_add(struct wm_store *s, int64_t person_id,
    int64_t account_id, const char *relationship, struct wm_buf *err);
/* The person's supporters, the newest first, those ended too. */
WM_MUST_USE int wm_store_supporters(struct wm_store *s, int64_t person_id,
    int (*cb)(void *, const struct wm_supporter_row *), void *ctx,
    struct wm_buf *err);
/* Whether the account is the person's supporter now. */
WM_MUST_USE int wm_store_supporter_is(struct wm_store *s, int64_t person_id,
    int64_t account_id, int *yes, struct wm_buf *err);
/* Whether the account is anyone's supporter, now or before. */
WM_MUST_USE int wm_store_account_supporter(struct wm_store *s,
    int64_t account_id, int *yes, struct wm_buf *err);
/* Ends the person's supporter: every share of the person's plans with
 * the account stops, now; WM_STORE_NOT_FOUND when it is not their
 * supporter now. */
WM_MUST_USE int wm_store_supporter_end(struct wm_store *s, int64_t person_id,
    int64_t account_id, struct wm_buf *err);

/* --- goals ------------------------------------------------------------ */

struct wm_goal_row {
	int64_t id;
	const char *text;	/* its wording now */
	const char *created;
	int has_rating;
	int rating;		/* the latest review's, 0 to 10 */
	const char *reviewed;	/* the latest review's date, or NULL */
	enum wm_goal_state state;
	const char *first_text;	/* its wording when it was set */
};

/* One change to a goal, as kept: its date, what it was and, for a new
 * wording, the words. */
struct wm_goal_change_row {
	const char *changed;	/* YYYY-MM-DD */
	enum wm_goal_change kind;
	const char *text;	/* the new wording, or NULL */
};

struct wm_goal_review_row {
	const char *reviewed;	/* YYYY-MM-DD */
	int rating;
	const char *note;	/* NULL if none */
	const char *author_kind;	/* person or staff */
};

WM_MUST_USE int wm_store_goal_add(struct wm_store *s, int64_t person_id,
    const char *text, int64_t *id, struct wm_buf *err);
WM_MUST_USE int wm_store_goals(struct wm_store *s, int64_t person_id,
    int (*cb)(void *, const struct wm_goal_row *), void *ctx,
    struct wm_buf *err);
/* Whose goal it is, its words now (into text) and where it stands;
 * WM_STORE_NOT_FOUND. */
WM_MUST_USE int wm_store_goal_owner(struct wm_store *s, int64_t goal_id,
    int64_t *person_id, struct wm_buf *text, enum wm_goal_state *state,
    struct wm_buf *err);
/* Keeps a change to the goal, on `date` (YYYY-MM-DD): a new wording
 * (`text`), or a move from state `from` to `to`; with the state kept on
 * the goal, as one change. WM_STORE_CONFLICT when the goal is no longer
 * in state `from` (changed meanwhile), nothing kept. Core decides which
 * changes are allowed (wm_goal_change_problem). */
WM_MUST_USE int wm_store_goal_change(struct wm_store *s, int64_t goal_id,
    enum wm_goal_change kind, const char *date, const char *text,
    enum wm_goal_state from, enum wm_goal_state to, struct wm_buf *err);
/* A goal's changes, oldest first. */
WM_MUST_USE int wm_store_goal_changes(struct wm_store *s, int64_t goal_id,
    int (*cb)(void *, const struct wm_goal_change_row *), void *ctx,
    struct wm_buf *err);
WM_MUST_USE int wm_store_goal_review_add(struct wm_store *s, int64_t goal_id,
    const char *reviewed, int rating, const char *note,
    const char *author_kind, int64_t author_id, struct wm_buf *err);
WM_MUST_USE int wm_store_goal_reviews(struct wm_store *s, int64_t goal_id,
    int (*cb)(void *, const struct wm_goal_review_row *), void *ctx,
    struct wm_buf *err);

/* --- the network's outcomes ---------------------------------------------
 *
 * Kept at write time (migration 9), in the transaction of every save of
 * a completed response with scores about a person, whatever path saved
 * it (the writer, `waymark respond`, the demo): the state below is
 * brought up to date when the transaction commits (as the running
 * totals are), so a read inside a write sees it as it was before. When
 * a person's answers to a measure change (a new one, a backdated one, a
 * draft completed), only that person's rows for that measure are
 * worked out again, from their own scores: the cost of their record,
 * never the network's. A response's answers never change once it is
 * completed, and a completed response is never deleted.
 *
 * Semantics, per person, measure (an instrument's family, else its url),
 * scale code and respondent (person or person-with-practitioner;
 * staff-rated answers are not outcomes): for each quarter in which the
 * person had a scored answer, the latest score in that quarter, how many
 * scored answers they had up to the end of it, their first score ever
 * (by date, then the first recorded), the service (unit) of that latest
 * answer, and the quarter of their next answer after it (NULL when
 * none). A window of quarters [from, to] then takes, per person, the row
 * with quarter in the window and next quarter NULL or after `to`:
 * exactly one row per person who answered in the window.
 */
struct wm_outcome_row {
	int64_t unit_id;	/* the service of the latest answer in the window */
	const char *respondent;	/* person or person-with-practitioner */
	const char *scale;	/* its code */
	int64_t responses;	/* scored answers up to the window's end */
	double first;		/* their first score ever */
	double latest;		/* their latest in the window */
};
/* One row per person, scale and respondent with an answer to `measure` in
 * quarters from..to ("2026-Q1", inclusive), ordered by unit, respondent,
 * scale. No person is identified. A quarter that is not "YYYY-Qn", or
 * from after to, is refused (WM_STORE_ERROR, with why in err). A window
 * up to today (such as the default, the last four quarters) reads only
 * the rows it returns, from one index, in the order it gives them, with
 * no sort; an earlier window also reads the rows of people who answered
 * again after it, and sorts. */
WM_MUST_USE int wm_store_network_outcomes(struct wm_store *s,
    const char *measure, const char *from, const char *to,
    int (*cb)(void *, const struct wm_outcome_row *), void *ctx,
    struct wm_buf *err);

/* Running sums of people's first answers (for Cronbach's alpha and the SD
 * of first scores), kept at write time: per scale and respondent, each
 * item's moments (item = its linkId) and, on a row with item NULL, the
 * scale score's moments over every first answer (n, sum, sumsq); and the
 * total of the item values over first answers that answered every item
 * of the scale, on a row with item "" (k = number of item rows). An
 * item's moments are over those same complete first answers (so each
 * item row's n is the "" row's, as Cronbach's alpha needs), each item
 * valued as its scale scores it (a reversed item turned round). Rows
 * with n = 0 are left out. Ordered by scale, respondent, then the score
 * row, the total row and the items by linkId. */
struct wm_baseline_row {
	const char *scale;
	const char *respondent;
	const char *item;	/* linkId; NULL: the scale score; "": the
				 * complete answers' item total */
	int64_t n;
	double sum, sumsq;
};
WM_MUST_USE int wm_store_network_baseline(struct wm_store *s,
    const char *measure,
    int (*cb)(void *, const struct wm_baseline_row *), void *ctx,
    struct wm_buf *err);

/* Per service with a caseload: people on it now (no end) who joined at
 * least `days` days before `today` (YYYY-MM-DD), and of them those with two
 * or more completed, scored responses to `measure` (any respondent about
 * them, anywhere). `measure` may also be one instrument's url, to count
 * that instrument's responses alone (the recovery markers without the
 * other part of DREEM, which shares their family). One row per service
 * with anyone on its caseload now, by unit id (one pass over the
 * caseloads, and for each person eligible one look at their counts). A
 * `today` that is not a date, or days < 0, is refused. */
struct wm_paired_rate_row { int64_t unit_id; int64_t eligible, paired; };
WM_MUST_USE int wm_store_network_paired_rate(struct wm_store *s,
    const char *measure, const char *today, int days,
    int (*cb)(void *, const struct wm_paired_rate_row *), void *ctx,
    struct wm_buf *err);

/* Per service: the people on its caseload at any time from `from` to `to`
 * (YYYY-MM-DD, both days included), each once however many spells they
 * had there; someone who moved between services in that time counts at
 * each. One row per service with anyone on it then, by unit id. Reads
 * the caseloads alone, never anyone's answers. A date that is not one,
 * or `from` after `to`, is refused. */
struct wm_caseload_count_row { int64_t unit_id; int64_t people; };
WM_MUST_USE int wm_store_network_caseloads(struct wm_store *s,
    const char *from, const char *to,
    int (*cb)(void *, const struct wm_caseload_count_row *), void *ctx,
    struct wm_buf *err);

/* Per service: people on the caseload now with goals of their own; of
 * them those with a goal reviewed at least twice; of those, the people
 * with at least one such goal whose latest review is higher than its
 * first. Kept at write time on the goal (first and latest rating, reviews),
 * so this reads one row per goal of the service's people. One row per
 * service with anyone on its caseload now who has goals, by unit id
 * (a service without a row has no one with goals). */
struct wm_goal_rate_row {
	int64_t unit_id;
	int64_t with_goals, reviewed, higher;
};
WM_MUST_USE int wm_store_network_goals(struct wm_store *s,
    int (*cb)(void *, const struct wm_goal_rate_row *), void *ctx,
    struct wm_buf *err);

/* --- the network's figures kept at write time (migration 11) ---------
 *
 * Kept in the transaction of every save, as the outcomes and the people
 * on the caseloads are (sql_leftout_keep.c, sql_experience_keep.c):
 * a read takes a few rows per service and quarter, never anyone's
 * answers. While someone is marked to be worked out again (a change made
 * outside a save, kept at the next), these read the raw rows instead, so
 * they are always true. No row names a person.
 */

/* Who is left out of a measure's outcomes in quarters from..to
 * ("2026-Q1", inclusive), per service: a row with scale NULL gives the
 * people on its caseload on any day of them (each once, however many
 * spells they had there; someone on two services' caseloads counts at
 * each); a row per scale of the measure (family, else url) gives, of
 * those, the people with a scored answer to it by anyone by the window's
 * end (`people`), and of them those with none of their own by then,
 * alone or with a practitioner (`others_only`: answered only by someone
 * else). Those with no answer at all are the first less the second.
 * Ordered by unit. A quarter that is not "YYYY-Qn", or from after to,
 * is refused. */
struct wm_leftout_row {
	int64_t unit_id;
	const char *scale;	/* NULL: the caseload's row */
	int64_t people;
	int64_t others_only;
};
WM_MUST_USE int wm_store_network_leftout(struct wm_store *s,
    const char *measure, const char *from, const char *to,
    int (*cb)(void *, const struct wm_leftout_row *), void *ctx,
    struct wm_buf *err);

/* The supportive service indicators (`url`, every version) in quarters
 * from..to: per service and question (linkId), of the people whose
 * latest response in them was about that service, those who answered
 * the question on its scale, and of them those who agree (core's rule,
 * wm_value_agrees); "prefer not to say" is not counted. A service and
 * question may come in more than one row: add them up. Ordered by unit.
 * Quarters as wm_store_network_leftout's. */
struct wm_indicator_row {
	int64_t unit_id;
	const char *link_id;
	int64_t answered, agree;
};
WM_MUST_USE int wm_store_network_indicators(struct wm_store *s,
    const char *url, const char *from, const char *to,
    int (*cb)(void *, const struct wm_indicator_row *), void *ctx,
    struct wm_buf *err);

/* The running totals (migration 2) of a measure's scales in quarters
 * from..to, per service, respondent and scale: the responses scored on
 * it and the sum of their scores. Ordered by unit, respondent, scale. */
struct wm_rollup_row {
	int64_t unit_id;
	const char *respondent;
	const char *scale;
	int64_t responses;
	double total;
};
WM_MUST_USE int wm_store_network_rollup(struct wm_store *s,
    const char *measure, const char *from, const char *to,
    int (*cb)(void *, const struct wm_rollup_row *), void *ctx,
    struct wm_buf *err);
/* As wm_store_network_rollup, but with the most responses in any one
 * quarter of the window as `responses` (and `total` 0): where each
 * respondent answers once a quarter, as many as are known to have
 * answered at the least. */
WM_MUST_USE int wm_store_network_rollup_peak(struct wm_store *s,
    const char *measure, const char *from, const char *to,
    int (*cb)(void *, const struct wm_rollup_row *), void *ctx,
    struct wm_buf *err);

/* --- audit ------------------------------------------------------------- */

struct wm_audit_row {
	const char *at;
	const char *action;
	const char *actor;	/* the account's name, or "Waymark" */
	const char *address;	/* may be NULL */
	int self;		/* the person themselves */
	const char *role;	/* "practitioner" or "lead" where the
				 * account is one on a service of the
				 * person's now; else NULL */
	const char *unit;	/* that service's name */
	const char *detail;	/* what was seen, when it says; may be NULL
				 * (wm_store_record_views only) */
};

/* Who has seen or changed a person's record, oldest first. */
WM_MUST_USE int wm_store_audit_for_person(struct wm_store *s, int64_t person_id,
    int (*cb)(void *, const struct wm_audit_row *), void *ctx,
    struct wm_buf *err);

/* One page of who has seen or changed a person's record, newest first:
 * at most `limit` entries after the first `offset`, and in *total how
 * many there are in all (set before the first entry is handed on, so
 * that a page can say "Showing 1 to 50 of 120" above them). Reads the
 * person's own entries only. */
WM_MUST_USE int wm_store_record_views(struct wm_store *s, int64_t person_id,
    int64_t offset, int limit, int64_t *total,
    int (*cb)(void *, const struct wm_audit_row *), void *ctx,
    struct wm_buf *err);

/* A file an account uploaded, kept (at most an hour, and only for that
 * account) while they are asked to confirm what it would do: *token
 * names it, and only its hash is kept. Older files are forgotten then. */
WM_MUST_USE int wm_store_upload_keep(struct wm_store *s, int64_t account_id,
    const char *name, const char *text, size_t len,
    char token[WM_TOKEN_LEN + 1], struct wm_buf *err);
/* The file kept under `token` for the account (its name and text), or
 * WM_STORE_NOT_FOUND when there is none (or it is over an hour old). */
WM_MUST_USE int wm_store_upload_get(struct wm_store *s, int64_t account_id,
    const char *token, struct wm_buf *name, struct wm_buf *text,
    struct wm_buf *err);
/* Forgets the file kept under `token`. */
WM_MUST_USE int wm_store_upload_drop(struct wm_store *s, const char *token,
    struct wm_buf *err);

/* What an audit search asks: any of a person, an acting account, the
 * start of an action and a time range; 0, NULL or "" for any. */
struct wm_audit_search {
	int64_t person_id;
	int64_t account_id;
	const char *action;	/* entries of this action */
	const char *from;	/* at or after (an ISO date or time) */
	const char *before;	/* before (an ISO date or time) */
};

struct wm_audit_found {
	const char *at;		/* ISO 8601, UTC */
	const char *action;
	const char *actor;	/* the account's name, or "Waymark" */
	const char *email;	/* the account's email, or NULL */
	const char *address;	/* may be NULL */
	const char *subject_kind;	/* person, service, ...; may be NULL */
	const char *subject;	/* a person's identifier or a unit's code;
				 * may be NULL */
	const char *detail;	/* may be NULL */
};

/* The entries that match, newest first: of the newest `most` that match,
 * at most `limit` (-1: all) after the first `offset`, with *total (how
 * many match, up to `most`) set before the first entry is handed on.
 * Starts from the index or keys of the most telling criterion, after
 * bringing the keys up to date (wm_store_audit_keys), so a search costs
 * what its matches cost, at most `most` of them, and the entries written
 * since the last search, never the whole log. */
WM_MUST_USE int wm_store_audit_search(struct wm_store *s,
    const struct wm_audit_search *q, int64_t offset, int64_t limit,
    int64_t most, int64_t *total,
    int (*cb)(void *, const struct wm_audit_found *), void *ctx,
    struct wm_buf *err);

/* Each action the log holds, once, in order, through cb (which returns
 * 0 to go on); brings the keys up to date first. */
WM_MUST_USE int wm_store_audit_actions(struct wm_store *s,
    int (*cb)(void *, const char *), void *ctx, struct wm_buf *err);

/* Brings the audit log's search keys (by account, action and time, kept
 * beside the log) up to date with the entries written since the last
 * time: in steps of their own transactions, or in the caller's. */
WM_MUST_USE int wm_store_audit_keys(struct wm_store *s, struct wm_buf *err);

/* Appends to the audit log (it cannot be changed or deleted). */
WM_MUST_USE int wm_store_audit(struct wm_store *s, int64_t actor_account_id,
    const char *action, const char *subject_kind, int64_t subject_id,
    const char *detail, const char *address, struct wm_buf *err);

/* WM_STORE_ERROR with "out of memory" in err: for the models built on
 * the store, whose failures read as the store's. */
int wm_store_out_of_memory(struct wm_buf *err);

const char *wm_store_strerror(int rc);

#endif
