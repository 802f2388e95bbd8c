/*
 * The network tree, people on caseloads, staff accounts with their role
 * grants, training records, cycles and the audit log.
 */
#include "store/sql_internal.h"

#include <string.h>

static int
insert(struct wm_store *s, struct wm_q *st, const char *doing, int64_t *id,
    struct wm_buf *err)
{
	int rc = wm_sq_exec(s, st, doing, err);

	if (rc == 0 && id)
		*id = wm_q_last_id(s);
	return rc;
}

int
wm_store_unit_add(struct wm_store *s, const char *kind, const char *code,
    const char *name, int64_t parent_id, int64_t *id, struct wm_buf *err)
{
	char now[32];
	struct wm_q *st;

	if (!(st = wm_sq_query(s, ST_UNIT_ADD, err)))
		return WM_STORE_ERROR;
	wm_sq_now(s, now);
	wm_sq_text(st, 1, kind);
	wm_sq_text(st, 2, code);
	wm_sq_text(st, 3, name);
	wm_sq_id(st, 4, parent_id);
	wm_sq_text(st, 5, now);
	return insert(s, st, "adding the unit", id, err);
}

static int
find_id(struct wm_store *s, enum stmt which, const char *key, int64_t *id,
    const char *what, struct wm_buf *err)
{
	struct wm_q *st;
	int rc;

	if (!(st = wm_sq_query(s, which, err)))
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, key);
	if ((rc = wm_sq_one_id(s, st, id, "looking something up", err)) !=
	    WM_STORE_NOT_FOUND)
		return rc;
	wm_buf_clear(err);
	wm_buf_printf(err, "no %s '%s'", what, key);
	return WM_STORE_NOT_FOUND;
}

int
wm_store_unit_find(struct wm_store *s, const char *code,
    struct wm_unit_row *out, struct wm_buf *err)
{
	struct wm_q *st;
	const char *kind;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!(st = wm_sq_query(s, ST_UNIT_FIND, err)))
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, code);
	rc = wm_q_step(st);
	if (rc == WM_Q_ROW) {
		out->id = wm_q_col_int64(st, 0);
		kind = wm_sq_col(st, 1);
		/* Point at static names so the row outlives the statement. */
		out->kind = strcmp(kind, "network") == 0 ? "network" :
		    strcmp(kind, "provider") == 0 ? "provider" : "service";
		wm_q_reset(st);
		return 0;
	}
	wm_q_reset(st);
	if (rc != WM_Q_DONE)
		return wm_sq_fail(s, "looking up the unit", err);
	wm_buf_clear(err);
	wm_buf_printf(err, "no unit '%s' (see 'waymark unit list')", code);
	return WM_STORE_NOT_FOUND;
}

struct unit_each {
	int (*cb)(void *, const struct wm_unit_row *);
	void *ctx;
	int rows;
};

static int
unit_row(struct wm_q *st, void *arg)
{
	struct unit_each *e = arg;
	struct wm_unit_row row = { wm_q_col_int64(st, 0),
	    wm_sq_col(st, 1), wm_sq_col(st, 2), wm_sq_col(st, 3),
	    wm_sq_col(st, 4), wm_sq_col(st, 5) };

	e->rows++;
	return e->cb(e->ctx, &row);
}

int
wm_store_unit_list(struct wm_store *s,
    int (*cb)(void *, const struct wm_unit_row *), void *ctx,
    struct wm_buf *err)
{
	struct unit_each e = { cb, ctx, 0 };
	struct wm_q *st = wm_sq_query(s, ST_UNIT_LIST, err);

	return st ? wm_sq_each(s, st, unit_row, &e, "listing units", err) :
	    WM_STORE_ERROR;
}

int
wm_store_unit_get(struct wm_store *s, const char *code,
    int (*cb)(void *, const struct wm_unit_row *), void *ctx,
    struct wm_buf *err)
{
	struct unit_each e = { cb, ctx, 0 };
	struct wm_q *st = wm_sq_query(s, ST_UNIT_GET, err);
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, code);
	if ((rc = wm_sq_each(s, st, unit_row, &e, "reading a unit", err)))
		return rc;
	if (e.rows)
		return 0;
	wm_buf_clear(err);
	wm_buf_printf(err, "no unit '%s'", code);
	return WM_STORE_NOT_FOUND;
}

struct spell_each {
	int (*cb)(void *, const struct wm_spell_row *);
	void *ctx;
};

static int
spell_row(struct wm_q *st, void *arg)
{
	struct spell_each *e = arg;
	struct wm_spell_row row = { wm_q_col_int64(st, 0),
	    wm_sq_col(st, 1), wm_sq_col(st, 2), wm_sq_col(st, 3),
	    wm_sq_col(st, 4), wm_sq_col(st, 5), wm_sq_col(st, 6) };

	return e->cb(e->ctx, &row);
}

int
wm_store_caseload_open(struct wm_store *s, int64_t person_id,
    int (*cb)(void *, const struct wm_spell_row *), void *ctx,
    struct wm_buf *err)
{
	struct spell_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_CASELOAD_OPEN, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, person_id);
	return wm_sq_each(s, st, spell_row, &e, "reading a person's "
	    "services", err);
}

int
wm_store_caseload_spells(struct wm_store *s, int64_t person_id,
    int64_t unit_id, int (*cb)(void *, const struct wm_spell_row *),
    void *ctx, struct wm_buf *err)
{
	struct spell_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_CASELOAD_SPELLS, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, person_id);
	wm_q_int64(st, 2, unit_id);
	return wm_sq_each(s, st, spell_row, &e, "reading a person's times "
	    "on a caseload", err);
}

int
wm_store_account_units(struct wm_store *s, int64_t account_id,
    const char *role, int (*cb)(void *, const struct wm_unit_row *),
    void *ctx, struct wm_buf *err)
{
	struct unit_each e = { cb, ctx, 0 };
	struct wm_q *st = wm_sq_query(s, ST_ACCOUNT_UNITS, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, account_id);
	wm_sq_text(st, 2, role);
	return wm_sq_each(s, st, unit_row, &e, "listing an account's services",
	    err);
}

int
wm_store_person_add(struct wm_store *s, const char *ident, const char *name,
    int64_t unit_id, const char *since, int64_t *id, struct wm_buf *err)
{
	char now[32];
	struct wm_q *st;
	int own, rc;

	if (wm_sq_ready(s, err))
		return WM_STORE_ERROR;
	if ((rc = wm_sq_tx_begin(s, &own, err)))
		return rc;
	wm_sq_now(s, now);
	if (!(st = wm_sq_stmt(s, ST_PERSON_ADD, err))) {
		rc = WM_STORE_ERROR;
		goto out;
	}
	wm_sq_text(st, 1, ident);
	wm_sq_text(st, 2, name);
	wm_sq_text(st, 3, now);
	if ((rc = insert(s, st, "adding the person", id, err)))
		goto out;
	if (unit_id) {
		if (!(st = wm_sq_stmt(s, ST_CASELOAD_ADD, err))) {
			rc = WM_STORE_ERROR;
			goto out;
		}
		wm_q_int64(st, 1, *id);
		wm_q_int64(st, 2, unit_id);
		wm_sq_text(st, 3, since);
		rc = insert(s, st, "adding the person to the caseload", NULL,
		    err);
	}
out:
	return wm_sq_tx_end(s, own, rc, err);
}

int
wm_store_person_find(struct wm_store *s, const char *ident, int64_t *id,
    struct wm_buf *err)
{
	return find_id(s, ST_PERSON_FIND, ident, id, "person", err);
}

int
wm_store_person_unit_at(struct wm_store *s, int64_t person_id,
    const char *date, int64_t *unit_id, struct wm_buf *err)
{
	struct wm_q *st;
	int rc;

	if (!(st = wm_sq_query(s, ST_PERSON_UNIT_AT, err)))
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, person_id);
	wm_sq_text(st, 2, date);
	if ((rc = wm_sq_one_id(s, st, unit_id, "finding the person's service",
	    err)) != WM_STORE_NOT_FOUND)
		return rc;
	wm_buf_clear(err);
	wm_buf_printf(err, "the person was not on any service's caseload on %s",
	    date);
	return WM_STORE_NOT_FOUND;
}

struct person_each {
	int (*cb)(void *, const struct wm_person_row *);
	void *ctx;
	int rows;
};

static int
person_row(struct wm_q *st, void *arg)
{
	struct person_each *e = arg;
	struct wm_person_row row = { wm_q_col_int64(st, 0),
	    wm_sq_col(st, 1), wm_sq_col(st, 2), wm_sq_col(st, 3),
	    wm_sq_col(st, 4) };

	e->rows++;
	return e->cb(e->ctx, &row);
}

int
wm_store_person_list(struct wm_store *s, int64_t unit_id,
    int (*cb)(void *, const struct wm_person_row *), void *ctx,
    struct wm_buf *err)
{
	struct person_each e = { cb, ctx, 0 };
	struct wm_q *st = wm_sq_query(s, ST_PERSON_LIST, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_id(st, 1, unit_id);
	return wm_sq_each(s, st, person_row, &e, "listing people", err);
}

int
wm_store_person_get(struct wm_store *s, int64_t person_id,
    int (*cb)(void *, const struct wm_person_row *), void *ctx,
    struct wm_buf *err)
{
	struct person_each e = { cb, ctx, 0 };
	struct wm_q *st = wm_sq_query(s, ST_PERSON_GET, err);
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, person_id);
	if ((rc = wm_sq_each(s, st, person_row, &e, "reading a person", err)))
		return rc;
	if (e.rows == 0) {
		wm_buf_clear(err);
		wm_buf_puts(err, "no such person");
		return WM_STORE_NOT_FOUND;
	}
	return 0;
}

int
wm_store_account_add(struct wm_store *s, const char *email, const char *name,
    int64_t person_id, const char *password_hash, int64_t *id,
    struct wm_buf *err)
{
	char now[32];
	struct wm_q *st;

	if (!(st = wm_sq_query(s, ST_ACCOUNT_ADD, err)))
		return WM_STORE_ERROR;
	wm_sq_now(s, now);
	wm_sq_text(st, 1, email);
	wm_sq_text(st, 2, name);
	wm_sq_id(st, 3, person_id);
	wm_sq_text(st, 4, password_hash);
	wm_sq_text(st, 5, now);
	return insert(s, st, "adding the account", id, err);
}

int
wm_store_account_find(struct wm_store *s, const char *email, int64_t *id,
    struct wm_buf *err)
{
	return find_id(s, ST_ACCOUNT_FIND, email, id, "account", err);
}

int
wm_store_grant_add(struct wm_store *s, int64_t account_id, const char *role,
    int64_t unit_id, const char *stakeholder, struct wm_buf *err)
{
	struct wm_q *st;

	if (!(st = wm_sq_query(s, ST_GRANT_ADD, err)))
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, account_id);
	wm_sq_text(st, 2, role);
	wm_q_int64(st, 3, unit_id);
	wm_sq_text(st, 4, stakeholder);
	return insert(s, st, "granting the role", NULL, err);
}

int
wm_store_grant_find(struct wm_store *s, int64_t account_id, const char *role,
    int64_t unit_id, const char *stakeholder, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_GRANT_FIND, err);
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, account_id);
	wm_sq_text(st, 2, role);
	wm_q_int64(st, 3, unit_id);
	wm_sq_text(st, 4, stakeholder);
	if ((rc = wm_sq_one_id(s, st, NULL, "checking a role", err)) !=
	    WM_STORE_NOT_FOUND)
		return rc;
	wm_buf_clear(err);
	wm_buf_printf(err, "the author does not hold the %s role%s%s for this "
	    "service", role, stakeholder ? " as " : "",
	    stakeholder ? stakeholder : "");
	return WM_STORE_NOT_FOUND;
}

int
wm_sq_account_row(struct wm_q *st, void *arg)
{
	struct wm_sq_account_each *e = arg;
	struct wm_account_row row = { wm_q_col_int64(st, 0),
	    wm_sq_col(st, 1), wm_sq_col(st, 2), wm_sq_col(st, 3),
	    wm_sq_col(st, 4), wm_sq_col(st, 5), wm_sq_col(st, 6),
	    wm_sq_col(st, 7), wm_q_col_int64(st, 8) };

	if (e->total)
		*e->total = wm_q_col_int64(st, 9);
	return e->cb(e->ctx, &row);
}

int
wm_store_account_get(struct wm_store *s, int64_t id,
    int (*cb)(void *, const struct wm_account_row *), void *ctx,
    struct wm_buf *err)
{
	struct wm_sq_account_each e = { cb, ctx, NULL };
	struct wm_q *st = wm_sq_query(s, ST_ACCOUNT_GET, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, id);
	return wm_sq_each(s, st, wm_sq_account_row, &e, "reading the account",
	    err);
}

int
wm_store_account_list(struct wm_store *s,
    int (*cb)(void *, const struct wm_account_row *), void *ctx,
    struct wm_buf *err)
{
	struct wm_sq_account_each e = { cb, ctx, NULL };
	struct wm_q *st = wm_sq_query(s, ST_ACCOUNT_LIST, err);

	return st ? wm_sq_each(s, st, wm_sq_account_row, &e, "listing accounts",
	    err) : WM_STORE_ERROR;
}

int
wm_store_training_add(struct wm_store *s, int64_t account_id,
    const char *course, const char *completed, struct wm_buf *err)
{
	char now[32];
	struct wm_q *st;

	if (!(st = wm_sq_query(s, ST_TRAINING_ADD, err)))
		return WM_STORE_ERROR;
	wm_sq_now(s, now);
	wm_q_int64(st, 1, account_id);
	wm_sq_text(st, 2, course);
	wm_sq_text(st, 3, completed);
	wm_sq_text(st, 4, now);
	return insert(s, st, "recording the training", NULL, err);
}

int
wm_store_cycle_add(struct wm_store *s, int64_t unit_id,
    const char *instrument_url, const char *subject_kind, int every_months,
    const char *start, struct wm_buf *err)
{
	char now[32];
	struct wm_q *st;
	int own, rc;

	/* In a transaction of its own when not in one already, so that
	 * the completion rates kept for the service's people are worked
	 * out with it (sql_completion_keep.c). */
	if (!(st = wm_sq_query(s, ST_CYCLE_ADD, err)) ||
	    wm_sq_tx_begin(s, &own, err))
		return WM_STORE_ERROR;
	wm_sq_now(s, now);
	wm_q_int64(st, 1, unit_id);
	wm_sq_text(st, 2, instrument_url);
	wm_sq_text(st, 3, subject_kind);
	wm_q_int(st, 4, every_months);
	wm_sq_text(st, 5, start);
	wm_sq_text(st, 6, now);
	rc = insert(s, st, "adding the cycle", NULL, err);
	return wm_sq_tx_end(s, own, rc, err);
}

int
wm_store_audit(struct wm_store *s, int64_t actor_account_id,
    const char *action, const char *subject_kind, int64_t subject_id,
    const char *detail, const char *address, struct wm_buf *err)
{
	char now[32];
	struct wm_q *st;

	if (!(st = wm_sq_query(s, ST_AUDIT_ADD, err)))
		return WM_STORE_ERROR;
	wm_sq_now(s, now);
	wm_sq_text(st, 1, now);
	wm_sq_id(st, 2, actor_account_id);
	wm_sq_text(st, 3, action);
	wm_sq_text(st, 4, subject_kind);
	wm_sq_id(st, 5, subject_id);
	wm_sq_text(st, 6, detail);
	wm_sq_text(st, 7, address);
	return insert(s, st, "writing the audit log", NULL, err);
}

struct audit_each {
	int (*cb)(void *, const struct wm_audit_row *);
	void *ctx;
};

static int
audit_row(struct wm_q *st, void *arg)
{
	struct audit_each *e = arg;
	struct wm_audit_row row = { wm_sq_col(st, 0), wm_sq_col(st, 1),
	    wm_sq_col(st, 2), wm_sq_col(st, 3), 0, NULL, NULL, NULL };

	return e->cb(e->ctx, &row);
}

int
wm_store_audit_for_person(struct wm_store *s, int64_t person_id,
    int (*cb)(void *, const struct wm_audit_row *), void *ctx,
    struct wm_buf *err)
{
	struct audit_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_AUDIT_FOR_PERSON, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, person_id);
	return wm_sq_each(s, st, audit_row, &e, "reading the audit log", err);
}

static int
view_row(struct wm_q *st, void *arg)
{
	struct audit_each *e = arg;
	struct wm_audit_row row = { wm_sq_col(st, 0), wm_sq_col(st, 1),
	    wm_sq_col(st, 2), wm_sq_col(st, 3), wm_q_col_int(st, 4),
	    wm_sq_col(st, 5), wm_sq_col(st, 6), wm_sq_col(st, 7) };

	return e->cb(e->ctx, &row);
}

int
wm_store_record_views(struct wm_store *s, int64_t person_id, int64_t offset,
    int limit, int64_t *total, int (*cb)(void *, const struct wm_audit_row *),
    void *ctx, struct wm_buf *err)
{
	struct audit_each e = { cb, ctx };
	struct wm_q *st;
	int rc;

	*total = 0;
	if (!(st = wm_sq_query(s, ST_RECORD_VIEWS_COUNT, err)))
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, person_id);
	if ((rc = wm_sq_one_id(s, st, total, "counting the views of a record",
	    err)))
		return rc;
	if (!(st = wm_sq_query(s, ST_RECORD_VIEWS, err)))
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, person_id);
	wm_q_int(st, 2, limit);
	wm_q_int64(st, 3, offset);
	return wm_sq_each(s, st, view_row, &e, "reading the views of a record",
	    err);
}

struct grant_each {
	int (*cb)(void *, const struct wm_grant_row *);
	void *ctx;
};

static int
grant_row(struct wm_q *st, void *arg)
{
	struct grant_each *e = arg;
	struct wm_grant_row row = { wm_sq_col(st, 0),
	    wm_q_col_int64(st, 1), wm_sq_col(st, 2), wm_sq_col(st, 3) };

	return e->cb(e->ctx, &row);
}

int
wm_store_account_grants(struct wm_store *s, int64_t account_id,
    int (*cb)(void *, const struct wm_grant_row *), void *ctx,
    struct wm_buf *err)
{
	struct grant_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_ACCOUNT_GRANTS, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, account_id);
	return wm_sq_each(s, st, grant_row, &e, "reading an account's roles",
	    err);
}

struct units_each {
	int (*cb)(void *, int64_t);
	void *ctx;
	int64_t *person_id;
};

static int
person_unit_row(struct wm_q *st, void *arg)
{
	struct units_each *e = arg;

	*e->person_id = wm_q_col_int64(st, 0);
	if (wm_q_col_null(st, 1))
		return 0;
	return e->cb(e->ctx, wm_q_col_int64(st, 1));
}

int
wm_store_person_units_now(struct wm_store *s, const char *ident,
    int64_t *person_id, int (*cb)(void *, int64_t unit_id), void *ctx,
    struct wm_buf *err)
{
	struct units_each e = { cb, ctx, person_id };
	struct wm_q *st = wm_sq_query(s, ST_PERSON_UNITS_NOW, err);
	int rc;

	*person_id = 0;
	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, ident);
	rc = wm_sq_each(s, st, person_unit_row, &e, "finding a person's "
	    "services", err);
	if (rc == 0 && *person_id == 0)
		return WM_STORE_NOT_FOUND;
	return rc;
}

struct chain_each {
	int (*cb)(void *, int64_t);
	void *ctx;
};

static int
chain_row(struct wm_q *st, void *arg)
{
	struct chain_each *e = arg;

	return e->cb(e->ctx, wm_q_col_int64(st, 0));
}

int
wm_store_unit_chain(struct wm_store *s, int64_t unit_id,
    int (*cb)(void *, int64_t unit_id), void *ctx, struct wm_buf *err)
{
	struct chain_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_UNIT_CHAIN, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, unit_id);
	return wm_sq_each(s, st, chain_row, &e, "finding the units above a "
	    "service", err);
}

int
wm_store_service_find(struct wm_store *s, const char *code, int64_t *id,
    struct wm_buf *name, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_SERVICE_FIND, err);
	int rc;

	*id = 0;
	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, code);
	rc = wm_q_step(st);
	if (rc == WM_Q_ROW) {
		*id = wm_q_col_int64(st, 0);
		wm_buf_clear(name);
		wm_buf_puts(name, wm_sq_col(st, 1));
		wm_q_reset(st);
		return 0;
	}
	wm_q_reset(st);
	return rc == WM_Q_DONE ? WM_STORE_NOT_FOUND :
	    wm_sq_fail(s, "looking up the service", err);
}
