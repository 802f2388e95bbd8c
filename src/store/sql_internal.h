/*
 * Private to the SQLite backend: the connection, its statement catalogue
 * (every SQL text Waymark runs is an entry in sqlite_sql.c, prepared once
 * per connection, parameters always bound), and small helpers shared by
 * the backend's files.
 */
#ifndef WM_STORE_SQL_INTERNAL_H
#define WM_STORE_SQL_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "store/query.h"
#include "store/store.h"
#include "util/date.h"

enum stmt {
	ST_UNIT_ADD,
	ST_UNIT_FIND,
	ST_UNIT_LIST,
	ST_PERSON_ADD,
	ST_CASELOAD_ADD,
	ST_PERSON_FIND,
	ST_PERSON_UNIT_AT,
	ST_PERSON_LIST,
	ST_PERSON_GET,
	ST_ACCOUNT_ADD,
	ST_ACCOUNT_FIND,
	ST_GRANT_ADD,
	ST_GRANT_FIND,
	ST_ACCOUNT_LIST,
	ST_TRAINING_ADD,
	ST_TRAINING_RECORD,
	ST_SERVICE_STAFF,
	ST_SERVICE_STAFF_IS,
	ST_TRAINING_LIST,
	ST_TRAINING_COVERAGE,
	ST_CYCLE_ADD,
	ST_CYCLE_LIST,
	ST_CYCLE_STOP,
	ST_COMPLETION_CYCLES,
	ST_COMPLETION_INSTRUMENTS,
	ST_COMPLETION_SPELLS,
	ST_COMPLETION_SPELLS_UNIT,
	ST_COMPLETION_ANSWERS,
	ST_COMPLETION_PERSON_ANSWERS,
	ST_COMPLETION_SERVICE_ANSWERS,
	ST_KEPT_DIRTY,
	ST_KEPT_DIRTY_CLEAR,
	ST_KEPT_CYCLES,
	ST_KEPT_SPELLS,
	ST_KEPT_PERSON,
	ST_KEPT_PERSON_PUT,
	ST_KEPT_PERSON_DROP,
	ST_KEPT_COUNT_ADD,
	ST_KEPT_TAIL_ADD,
	ST_KEPT_LATEST,
	ST_KEPT_LATEST_SET,
	ST_KEPT_COUNTS,
	ST_KEPT_TAILS,
	ST_KEPT_PERSON_LATEST,
	ST_KEPT_ANY_MARKED,
	ST_PEOPLE_PERSON,
	ST_PEOPLE_PERSON_PUT,
	ST_PEOPLE_PERSON_DROP,
	ST_PEOPLE_COUNT_ADD,
	ST_PEOPLE_MARKERS,
	ST_PEOPLE_GOALS,
	ST_PEOPLE_PAIRED,
	ST_PEOPLE_GOALS_READ,
	ST_INSTRUMENT_ADD,
	ST_INSTRUMENT_ITEM_ADD,
	ST_INSTRUMENT_OPTION_ADD,
	ST_INSTRUMENT_SCALE_ADD,
	ST_INSTRUMENT_GET,
	ST_INSTRUMENT_GET_ID,
	ST_INSTRUMENT_LIST,
	ST_INSTRUMENT_USAGE,
	ST_INSTRUMENT_LATEST,
	ST_INSTRUMENT_URL_LATEST,
	ST_RESPONSE_ADD,
	ST_ANSWER_ADD,
	ST_ANSWER_ADD8,
	ST_CHOICES_ADD,
	ST_SCORE_ADD,
	ST_ROLLUP_CELL,
	ST_ROLLUP_SUBJECT_ADD,
	ST_ROLLUP_APPLY,
	ST_ANSWER_EACH,
	ST_PERSON_ANSWER_EACH,
	ST_DRAFT_FIND,
	ST_RESPONSE_OF,
	ST_RESPONSE_ANSWERS,
	ST_RESPONSE_DATE,
	ST_DRAFT_DISCARD_ANSWERS,
	ST_DRAFT_DISCARD,
	ST_SCALE_SUMMARY,
	ST_PEOPLE_SUMMARY,
	ST_AUDIT_ADD,
	ST_AUDIT_FOR_PERSON,
	ST_RECORD_VIEWS_COUNT,
	ST_RECORD_VIEWS,
	ST_ACCOUNT_AUTH,
	ST_ACCOUNT_GET,
	ST_ACCOUNT_SET_PASSWORD,
	ST_ACCOUNT_PERSON,
	ST_PERSON_ACCOUNT,
	ST_ACCOUNT_UNITS,
	ST_ACCOUNT_GRANTS,
	ST_SERVICE_FIND,
	ST_PERSON_UNITS_NOW,
	ST_UNIT_CHAIN,
	ST_PERSON_CHOICES,
	ST_CASELOAD,
	ST_OWN_ANSWER_COUNTS,
	ST_OWN_REFLECTIONS,
	ST_OWN_REFLECTION,
	ST_REFLECTION_ADD,
	ST_PERSON_CYCLES,
	ST_PRACTITIONER_CYCLES,
	ST_PROFILE_COUNTS,
	ST_PROFILE_PERIODS,
	ST_CASELOAD_SCORES,
	ST_GOAL_ADD,
	ST_GOAL_LIST,
	ST_GOAL_OWNER,
	ST_GOAL_REVIEW_ADD,
	ST_GOAL_REVIEWS,
	ST_GOAL_CHANGE_ADD,
	ST_GOAL_STATE_SET,
	ST_GOAL_CHANGES,
	ST_SETTING_SET,
	ST_SETTING_GET,
	ST_SESSION_ADD,
	ST_SESSION_GET,
	ST_SESSION_TOUCH,
	ST_SESSION_END,
	ST_ACCOUNT_PAGE,
	ST_ACCOUNTS_WAITING,
	ST_ACCOUNT_DEACTIVATE,
	ST_ACCOUNT_REACTIVATE,
	ST_ACCOUNT_SESSIONS_END,
	ST_GRANT_REMOVE,
	ST_SETUP_CODE_DROP,
	ST_SETUP_CODE_ADD,
	ST_SETUP_CODE_FIND,
	ST_SETUP_CODE_USE,
	ST_FAILURE_ADD,
	ST_FAILURE_COUNT,
	ST_FAILURE_CLEAR,
	ST_FAILURE_FORGET,
	ST_FAILURE_PURGE,
	ST_ASSESSMENT_ADD,
	ST_ASSESSMENT_FIND,
	ST_ASSESSMENTS_SINCE,
	ST_ASSESSMENT_GET,
	ST_ASSESSMENTS,
	ST_ASSESSMENT_VERSION_ADD,
	ST_ASSESSMENT_VERSIONS,
	ST_SERVICE_VALIDATORS,
	ST_INVITATIONS,
	ST_INVITATION_ADD,
	ST_ACCOUNT_INVITATIONS,
	ST_VALIDATION_ADD,
	ST_ASSESSMENT_RATINGS,
	ST_STANDARD_QUERY_ADD,
	ST_STANDARD_QUERIES,
	ST_VALIDATION_COMMENTS,
	ST_SERIES_FIND,
	ST_SERIES_ADD,
	ST_OUTCOME_ROWS,
	ST_OUTCOME_SCORES,
	ST_OUTCOME_ADD,
	ST_OUTCOME_SET,
	ST_OUTCOME_DROP,
	ST_OUTCOME_ANSWERS,
	ST_BASELINE_ADD,
	ST_OUTCOME_COUNT_ADD,
	ST_NETWORK_LATER,
	ST_NETWORK_OPEN,
	ST_NETWORK_OUTCOMES,
	ST_NETWORK_BASELINE,
	ST_NETWORK_PAIRED,
	ST_NETWORK_GOALS,
	ST_NETWORK_CASELOADS,
	ST_GOAL_KEEP,
	ST_KEY_FIND,
	ST_KEY_ADD,
	ST_LEFTOUT_PERSON,
	ST_LEFTOUT_PERSON_PUT,
	ST_LEFTOUT_PERSON_DROP,
	ST_LEFTOUT_COUNT_ADD,
	ST_LEFTOUT_FIRSTS,
	ST_EXPERIENCE_PERSON,
	ST_EXPERIENCE_PERSON_PUT,
	ST_EXPERIENCE_PERSON_DROP,
	ST_EXPERIENCE_COUNT_ADD,
	ST_EXPERIENCE_ANSWERS,
	ST_EXPERIENCE_INSTRUMENTS,
	ST_NETWORK_LEFTOUT,
	ST_NETWORK_LEFTOUT_RAW,
	ST_NETWORK_EXPERIENCE,
	ST_NETWORK_EXPERIENCE_RAW,
	ST_NETWORK_ROLLUP,
	ST_NETWORK_ROLLUP_PEAK,
	ST_FIGURES_VERSION,
	ST_FIGURES_BUMP,
	ST_BEGIN,
	ST_BEGIN_READ,
	ST_COMMIT,
	ST_ROLLBACK,
	ST_SAVEPOINT,
	ST_RELEASE,
	ST_ROLLBACK_TO,
	ST_PART,
	ST_PART_KEEP,
	ST_PART_UNDO,
	ST_UNIT_GET,
	ST_UNIT_RENAME,
	ST_UNIT_CLOSE,
	ST_UNIT_OPEN_CHILDREN,
	ST_CASELOAD_END,
	ST_CASELOAD_OPEN,
	ST_CASELOAD_SPELLS,
	ST_CASELOAD_DROP,
	ST_PEOPLE_SEARCH,
	ST_AUDIT_BY_PERSON,
	ST_AUDIT_BY_ACTOR,
	ST_AUDIT_BY_ACTION,
	ST_AUDIT_BY_DATE,
	ST_AUDIT_KEY_ACTOR,
	ST_AUDIT_KEY_ACTION,
	ST_AUDIT_KEY_AT,
	ST_AUDIT_KEYED,
	ST_AUDIT_KEYED_ALL,
	ST_AUDIT_ACTIONS,
	ST_UPLOAD_ADD,
	ST_UPLOAD_GET,
	ST_UPLOAD_DROP,
	ST_UPLOAD_EXPIRE,
	ST_PLAN_ADD,
	ST_PLAN_FIND,
	ST_PLAN_LIST,
	ST_PLAN_GET,
	ST_PLAN_SHARED_WITH,
	ST_PLAN_SHARED_WITH_COUNT,
	ST_PLAN_VERSION,
	ST_PLAN_VERSION_LATEST,
	ST_PLAN_VERSIONS,
	ST_PLAN_VERSION_NEXT,
	ST_PLAN_VERSION_ADD,
	ST_PLAN_DRAFT_DROP,
	ST_PLAN_CRISIS_SET,
	ST_PLAN_FACTS,
	ST_PLAN_FACTS_ACCOUNT,
	ST_PLAN_FACTS_TEAMS,
	ST_PLAN_FACTS_UNITS,
	ST_PLAN_SHARE_ADD,
	ST_PLAN_SHARES_NOW,
	ST_PLAN_SHARES_ALL,
	ST_PLAN_SHARE_STOP,
	ST_PLAN_SHARE_REPLACE,
	ST_PLAN_VIEW_ADD,
	ST_PLAN_VIEWS,
	ST_PLAN_CRISIS_UNTOLD,
	ST_PLAN_CRISIS_TOLD,
	ST_PLAN_SUGGEST_ADD,
	ST_PLAN_SUGGESTIONS_OPEN,
	ST_PLAN_SUGGESTIONS_ALL,
	ST_PLAN_SUGGESTION_GET,
	ST_PLAN_SUGGESTION_DECIDE,
	ST_SERVICE_PRACTITIONERS,
	ST_SUPPORTER_ADD,
	ST_SUPPORTER_LIST,
	ST_SUPPORTER_IS,
	ST_SUPPORTER_ACCOUNT,
	ST_SUPPORTER_END,
	ST_SUPPORTER_SHARES_STOP,
	ST_CHECK_TOTALS,
	ST_MARK_EVERYONE,
	/* waymark copy's: a set for each table (generated), and the closed
	 * units' closing days, read from the source and set once their
	 * spells and grants are in. */
#define WM_COPY_TABLE(t, types, keys, columns, written) ST_COPY_FIRST_##t, \
	ST_COPY_NEXT_##t, ST_COPY_WRITE_##t, ST_COPY_COUNT_##t, \
	ST_COPY_CLEAR_##t, ST_COPY_SEQ_##t,
#include "store/copy_tables.inc"
#undef WM_COPY_TABLE
	ST_COPY_UNITS_CLOSED,
	ST_COPY_UNIT_CLOSED,
	ST__COUNT
};

extern const char *const wm_sqlite_sql[ST__COUNT];
extern const char *const wm_pg_sql[ST__COUNT];

/* The two backends: each opens its connection (and reads its schema
 * version), prepares the catalogue's statement `id` into s->q[id] reset
 * and unbound, says what failed, and answers for the connection as
 * wm_q_last_id and the rest do (query.h). */
struct wm_pg;
int wm_lite_open(struct wm_store *s, const char *path, unsigned flags,
    int *version, struct wm_buf *err);
int wm_lite_prepare(struct wm_store *s, enum stmt id, struct wm_buf *err);
int wm_lite_fail(struct wm_store *s, const char *doing, struct wm_buf *err);
int64_t wm_lite_last_id(struct wm_store *s);
int64_t wm_lite_changes(struct wm_store *s);
int wm_lite_idle(const struct wm_store *s);
int wm_lite_writing(struct wm_store *s);
uint64_t wm_lite_cost(struct wm_store *s);
int wm_lite_migrate(struct wm_store *s, int *from, int *to,
    struct wm_buf *err);
int wm_lite_backup(struct wm_store *s, const char *path, long *pages,
    struct wm_buf *err);
void wm_lite_close(struct wm_store *s);
int wm_lite_check_pages(struct wm_store *s,
    int (*found)(void *, const char *), void *ctx, struct wm_buf *err);
/* Removes a SQLite file and the logs beside it. */
int wm_lite_remove(const char *path);

/* 1 when the --db value names a PostgreSQL database (a postgresql:// or
 * postgres:// URI); its name as shown in messages, without secrets. */
int wm_pg_names(const char *db);
const char *wm_pg_shown(const struct wm_store *s);
int wm_pg_open(struct wm_store *s, const char *uri, unsigned flags,
    int *version, struct wm_buf *err);
/* 1 when the database's schema holds any table, view or sequence. */
int wm_pg_has_tables(struct wm_store *s);
int wm_pg_prepare(struct wm_store *s, enum stmt id, struct wm_buf *err);
int wm_pg_fail(struct wm_store *s, const char *doing, struct wm_buf *err);
int64_t wm_pg_last_id(struct wm_store *s);
int64_t wm_pg_changes(struct wm_store *s);
int wm_pg_idle(const struct wm_store *s);
int wm_pg_writing(struct wm_store *s);
uint64_t wm_pg_cost(struct wm_store *s);
int wm_pg_migrate(struct wm_store *s, int *from, int *to,
    struct wm_buf *err);
void wm_pg_close(struct wm_store *s);

/* What migration `version` works out in C after its SQL, on either
 * database (sql_migrate.c). */
int wm_sq_migrated(struct wm_store *s, int version, struct wm_buf *err);

struct wm_sq_rollup;
struct wm_sq_parsed;
struct wm_sq_outcomes;
struct wm_sq_notes;

struct wm_store {
	sqlite3 *db;		/* SQLite's connection, or */
	struct wm_pg *pg;	/* PostgreSQL's */
	struct wm_q q[ST__COUNT];
	int schema_ok;		/* the schema is current */
	int readonly;
	char clock[32];		/* fixed "now" when set (reproducible demos) */
	struct wm_sq_rollup *rollup;	/* totals not yet written */
	struct wm_sq_outcomes *outcomes;	/* people's outcomes not yet
						 * brought up to date */
	struct wm_sq_notes *kept_notes;	/* answers saved, for the kept
					 * completion rates */
	int figures_changed;	/* a completed response saved in this
				 * transaction: its kept figures bump the
				 * figures' version when written */
	struct {		/* what was noted when the part began */
		size_t kept_notes, outcome_notes, outcome_counts;
		int figures_changed;
	} part;
	int tx_failed;		/* a write inside wm_store_begin failed */
	int reading;		/* wm_store_read_begin opened a snapshot */
	struct wm_sq_parsed *parsed;	/* instruments parsed on this
					 * connection, kept until it closes */
	size_t n_parsed;
};

/* The prepared statement, reset and with bindings cleared; NULL (and err
 * filled) on failure. */
struct wm_q *wm_sq_stmt(struct wm_store *s, enum stmt id,
    struct wm_buf *err);

/* Fills err from the connection's last error; returns the rc to pass on
 * (WM_STORE_EXISTS for a unique constraint, else WM_STORE_ERROR). */
int wm_sq_fail(struct wm_store *s, const char *doing, struct wm_buf *err);

/* Refuses work on a database that needs `waymark init`. */
int wm_sq_ready(struct wm_store *s, struct wm_buf *err);

/* wm_sq_ready, then wm_sq_stmt: the statement for a query of a current
 * database, or NULL with err filled. */
struct wm_q *wm_sq_query(struct wm_store *s, enum stmt id,
    struct wm_buf *err);

/* Steps through a bound query: `row` turns each row into the caller's row
 * type and hands it on; it returns 0 to go on, more than 0 to stop early,
 * less than 0 to fail (and then so does this). */
int wm_sq_each(struct wm_store *s, struct wm_q *st,
    int (*row)(struct wm_q *st, void *ctx), void *ctx, const char *doing,
    struct wm_buf *err);

/* Binds a string or NULL. */
int wm_sq_text(struct wm_q *st, int i, const char *v);
/* Binds an id, with 0 meaning NULL. */
int wm_sq_id(struct wm_q *st, int i, int64_t v);

/* Runs a bound query for one row: 0 with its first column in *out (when
 * out is not NULL), WM_STORE_NOT_FOUND (err untouched) when there is no
 * row, or the failure. */
int wm_sq_one_id(struct wm_store *s, struct wm_q *st, int64_t *out,
    const char *doing, struct wm_buf *err);

/* Steps a bound query a row at a time: 1 on a row, 0 at the end, -1 on
 * failure (err filled). The caller resets it. */
int wm_sq_step(struct wm_store *s, struct wm_q *st, const char *doing,
    struct wm_buf *err);

/* Runs a statement that returns no rows. */
int wm_sq_exec(struct wm_store *s, struct wm_q *st, const char *doing,
    struct wm_buf *err);

/* Hands on an account's row as ST_ACCOUNT_GET reads it (and the count
 * of all in column 9 into *total, where total is not NULL). */
struct wm_sq_account_each {
	int (*cb)(void *, const struct wm_account_row *);
	void *ctx;
	int64_t *total;
};
int wm_sq_account_row(struct wm_q *st, void *arg);

/* Column text, or NULL. */
const char *wm_sq_col(struct wm_q *st, int i);

/* 1 if the file has any tables: at version 0, it belongs to someone else. */
int wm_sq_has_tables(struct wm_store *s);

/* The schema version recorded in the file (PRAGMA user_version). */
int wm_sq_user_version(struct wm_store *s, int *v, struct wm_buf *err);

/* Today's date, YYYY-MM-DD, UTC. */
void wm_sq_today(char out[11]);
/* The current time, ISO 8601 UTC, or the store's fixed clock. */
void wm_sq_now(const struct wm_store *s, char out[32]);

/* Opens a savepoint when no transaction is open, so each write is all
 * or nothing either way; wm_sq_tx_end commits or rolls it back. */
int wm_sq_tx_begin(struct wm_store *s, int *own, struct wm_buf *err);
int wm_sq_tx_end(struct wm_store *s, int own, int rc, struct wm_buf *err);

/* sql_journey.c: one "index:number" pair of response_choices' lists
 * ("3:1,4:2"), the number as long (into n) or, with d, as double; the
 * rest of the list, or NULL at its end or if it is not one. */
const char *wm_sq_next_pair(const char *p, long *index, long *n, double *d);

/* sql_instruments.c: wm_store_instrument_parsed for the store's own
 * keepers, which also run as a migration's last step, before the schema
 * counts as current. */
int wm_sq_instrument_parsed(struct wm_store *s, int64_t id,
    const struct wm_instrument **out, struct wm_buf *err);
/* sql_instruments.c: frees the instruments kept by
 * wm_store_instrument_parsed. */
void wm_sq_parsed_release(struct wm_store *s);

/* Several reads from one snapshot, when no transaction is open: one
 * snapshot (and one file lock) instead of one for each statement.
 * Nothing may be written in between. */
int wm_sq_read_begin(struct wm_store *s, int *own, struct wm_buf *err);
void wm_sq_read_end(struct wm_store *s, int own);

/* sql_figures.c: writes a new figures' version (migration 12) in the
 * transaction open, for a change that its triggers do not see. */
int wm_sq_figures_bump(struct wm_store *s, struct wm_buf *err);

/* sql_rollup.c: the summaries' running totals. Add during a write;
 * flush just before COMMIT; forget on ROLLBACK (and on close). */
int wm_sq_rollup_add(struct wm_store *s, const char *measure, int64_t unit,
    const char *quarter, const char *respondent, const char *scale,
    int subject_kind, int64_t subject, int has_value, double value,
    struct wm_buf *err);
int wm_sq_rollup_flush(struct wm_store *s, struct wm_buf *err);
void wm_sq_rollup_forget(struct wm_store *s);

/* sql_outcome_keep.c: the network's outcomes (migration 9). A save
 * notes each completed response about a person with its scores; the
 * flush, just before COMMIT (and before each part of a writer's batch),
 * brings the people's outcome rows, the baseline sums and the counts up
 * to date from what was noted; forgetting drops what was noted (on
 * ROLLBACK, and on close). */
int wm_sq_outcome_note(struct wm_store *s, const struct wm_response *r,
    const struct wm_response_ids *ids, int64_t response_id,
    struct wm_buf *err);
int wm_sq_outcome_flush(struct wm_store *s, struct wm_buf *err);
void wm_sq_outcome_forget(struct wm_store *s);
/* How much is noted, and back to it: a part of a transaction that is
 * undone drops its own notes alone (wm_store_part_end). */
void wm_sq_outcome_mark(const struct wm_store *s, size_t *notes,
    size_t *counts);
void wm_sq_outcome_back(struct wm_store *s, size_t notes, size_t counts);

/* sql_completion_keep.c: completion rates kept at write time
 * (migration 10). A save notes each completed response about a person
 * (wm_sq_kept_note); the flush, just before COMMIT (and before each part
 * of a writer's batch, and at the end of migration 10), works out again
 * everyone noted or marked by the triggers since the last; forgetting
 * drops the notes (on ROLLBACK, and on close). */
int wm_sq_kept_note(struct wm_store *s, int64_t person, int64_t response,
    const struct wm_date *authored, int64_t instrument_id, int own,
    struct wm_buf *err);
int wm_sq_completion_flush(struct wm_store *s, struct wm_buf *err);
/* The same as migration 10 left it, before migration 11's figures
 * (who is left out, the indicators) had tables to be kept in. */
int wm_sq_completion_flush_10(struct wm_store *s, struct wm_buf *err);
void wm_sq_kept_forget(struct wm_store *s);
/* 1 when answers are noted on this connection and not yet flushed: the
 * kept figures are not yet those of its own transaction. */
int wm_sq_kept_noted(const struct wm_store *s);
/* How many answers are noted, and back to that many. */
size_t wm_sq_kept_mark(const struct wm_store *s);
void wm_sq_kept_back(struct wm_store *s, size_t n);

/* sql_kept.c: a person's parts of totals kept at write time, each up
 * to WM_SQ_PART numbers (what it counts under, and what it counts), kept
 * as text ("n,n,...;n,n,...") beside the totals they were added to, so
 * that working the person out again takes away exactly what was added. */
#define WM_SQ_PART 10
struct wm_sq_part {
	long v[WM_SQ_PART];
};
struct wm_sq_parts {
	struct wm_sq_part *v;
	size_t n, cap;
};
int wm_sq_parts_add(struct wm_sq_parts *p, const struct wm_sq_part *x);
void wm_sq_parts_release(struct wm_sq_parts *p);
int wm_sq_part_cmp(const struct wm_sq_part *a, const struct wm_sq_part *b);
void wm_sq_parts_sort(struct wm_sq_parts *p);
/* Appends the parts in `text` (each up to `width` numbers, v[0] on, the
 * rest 0); -1 if it is not such text, or out of memory. */
int wm_sq_parts_parse(struct wm_sq_parts *p, const char *text, int width);
/* v[0, n) as text (their numbers v[0] to v[width - 1], less the 0s
 * that end a part). */
void wm_sq_parts_text(struct wm_buf *b, const struct wm_sq_part *v, size_t n,
    int width);
/* Binds v[0, n) as text to parameter i of st (b holds the text, and
 * must outlive the statement's step); -1 (err filled) if too long. */
int wm_sq_parts_bind(struct wm_q *st, int i, struct wm_buf *b,
    const struct wm_sq_part *v, size_t n, int width, struct wm_buf *err);
int wm_sq_parts_same(const struct wm_sq_part *a, size_t na,
    const struct wm_sq_part *b, size_t nb);
/* For two sorted runs: fn(ctx, part, -1) for each only in `was`, and
 * fn(ctx, part, 1) for each only in `now`; stops at fn's first non-zero,
 * which is returned. */
int wm_sq_parts_diff(const struct wm_sq_part *was, size_t nw,
    const struct wm_sq_part *now, size_t nn,
    int (*fn)(void *, const struct wm_sq_part *, int), void *ctx);

/* A person's parts of one kind of kept figures, kept as text in a table
 * of their own: the statements that read, put and drop a person's text
 * (?1 the person, ?2 the text), its parts' width, and the kind of total
 * they are added to (WM_SQ_TOTAL_...). */
struct wm_sq_kept_kind {
	enum stmt read, put, drop;
	int width;
	int total;
};
/* The person's parts as kept, sorted, into was; -1 (err filled) on
 * failure, or when they cannot be read. */
int wm_sq_kept_read(struct wm_store *s, const struct wm_sq_kept_kind *kind,
    int64_t person, struct wm_sq_parts *was, struct wm_buf *err);
struct wm_sq_totals;
/* Where `now` (sorted) differs from `was`: the old taken from the totals,
 * the new added, and the person's text put (dropped when now is empty).
 * text is scratch for the text. -1 (err filled) on failure. */
int wm_sq_kept_write(struct wm_store *s, const struct wm_sq_kept_kind *kind,
    int64_t person, const struct wm_sq_parts *was,
    const struct wm_sq_parts *now, struct wm_sq_totals *totals,
    struct wm_buf *text, struct wm_buf *err);

/* Changes to kept totals (of a kind each keeper names), added up over a
 * whole flush and written once per total: an import's batch of people
 * shares a few hundred totals. */
struct wm_sq_total {
	int kind;
	struct wm_sq_part p;
	long n;
};
struct wm_sq_totals {
	struct wm_sq_total *v;
	size_t n, cap;
};
int wm_sq_totals_add(struct wm_sq_totals *t, int kind,
    const struct wm_sq_part *x, long n);
/* Each total that changed, added up, to fn(ctx, kind, part, n) (stops at
 * its first non-zero, returned); then empties t. */
int wm_sq_totals_each(struct wm_sq_totals *t,
    int (*fn)(void *, int, const struct wm_sq_part *, long), void *ctx);
void wm_sq_totals_release(struct wm_sq_totals *t);
enum { WM_SQ_TOTAL_TIME, WM_SQ_TOTAL_TAIL, WM_SQ_TOTAL_PEOPLE,
	WM_SQ_TOTAL_LEFTOUT, WM_SQ_TOTAL_EXPERIENCE };

/* A person's completion times as parts (sql_completion.h). */
#define WM_SQ_TIME_WIDTH 9
#define WM_SQ_KEPT_ALWAYS (-1000000L)	/* counts on any day */
#define WM_SQ_KEPT_NEVER 1000000L	/* a spell with no end */

/* sql_people_keep.c: the people on each caseload now, kept at write
 * time (migration 10) for the paired-outcome rate and the goals:
 * worked out again for a person marked, from their spells (as the
 * completion rates' keeper read them), their recovery markers and their
 * goals, the changes to the totals added to `totals`. `latest` is the latest day anyone answered, or NULL when no
 * one has. */
struct wm_sq_spell {
	int64_t unit;
	struct wm_date joined, left;	/* left: when not open */
	int open;		/* no end date */
};
int wm_sq_people_keep(struct wm_store *s, int64_t person,
    const struct wm_sq_spell *spells, size_t n_spells,
    const struct wm_date *latest, int answers_only,
    struct wm_sq_totals *totals, struct wm_buf *err);
/* Writes n of a person's part (WM_SQ_TOTAL_PEOPLE) to the totals. */
int wm_sq_people_total(struct wm_store *s, const struct wm_sq_part *x,
    long n, struct wm_buf *err);
/* People joined this many days or more before the day asked for are
 * kept as joined on any day. */
#define WM_SQ_KEPT_DAYS 180

/* 1 when the people's kept figures are true: no one is marked to be
 * worked out again, none of this transaction's saves is waiting to be
 * kept, and (for a `day`, when not NULL) no one answered after it. 0 to
 * read the raw rows instead; -1 on failure (sql_outcomes.c). */
int wm_sq_kept_true(struct wm_store *s, const struct wm_date *day,
    struct wm_buf *err);

/* sql_leftout_keep.c: names kept as small numbers (kept_key: a
 * measure and a scale code, or an instrument's url and a question's
 * linkId), found, or made when `make`, and remembered for one flush:
 * 0 with *id, WM_STORE_NOT_FOUND (err untouched) when not made, or the
 * failure. */
struct wm_sq_keys;
int wm_sq_key(struct wm_store *s, struct wm_sq_keys **keys,
    const char *measure, const char *name, int make, long *id,
    struct wm_buf *err);
void wm_sq_keys_free(struct wm_sq_keys *keys);
/* Instrument `id` parsed (wm_sq_instrument_parsed), remembered for the
 * flush with the keys: a save's parse inside its write is matched again
 * by its whole text every time it is asked for otherwise. */
int wm_sq_keys_instrument(struct wm_store *s, struct wm_sq_keys **keys,
    int64_t id, const struct wm_instrument **out, struct wm_buf *err);
/* A quarter "2026-Q3" as the kept rows number it (year * 4 + n - 1), or
 * WM_SQ_KEPT_NEVER when it is none. */
long wm_sq_quarter_number(const char *quarter);
/* The same for the quarter a day ("2026-08-04") is in; the answers'
 * quarters are taken from their dates, as the outcome rows take them. */
long wm_sq_quarter_of_day(const char *day);

/* sql_leftout_keep.c (migration 11): who is left out of the network's
 * outcomes, per service and run of quarters on its caseload, worked out
 * again for a person marked `whole`, or when one of the completed
 * responses noted for them (`noted`: its instrument, day and whether it
 * is their own) could move a first answer; the changes to the totals
 * added to `totals`. */
struct wm_sq_answered {
	int64_t instrument;
	struct wm_date authored;
	int own;		/* by the person, alone or with a practitioner */
};
int wm_sq_leftout_keep(struct wm_store *s, int64_t person,
    const struct wm_sq_spell *spells, size_t n_spells,
    const struct wm_sq_answered *noted, size_t n_noted, int whole,
    struct wm_sq_keys **keys, struct wm_sq_totals *totals,
    struct wm_buf *err);
int wm_sq_leftout_total(struct wm_store *s, const struct wm_sq_part *x,
    long n, struct wm_buf *err);
/* sql_experience_keep.c (migration 11): the person's supportive
 * service indicators, each quarter's latest, worked out again from their
 * own indicator responses. */
int wm_sq_experience_keep(struct wm_store *s, int64_t person,
    struct wm_sq_keys **keys, struct wm_sq_totals *totals,
    struct wm_buf *err);
int wm_sq_experience_total(struct wm_store *s, const struct wm_sq_part *x,
    long n, struct wm_buf *err);

#endif
