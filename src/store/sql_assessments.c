/*
 * The standards self-assessment: each service's assessments by period,
 * their submitted versions, the validators invited and their
 * validations, the lights given, and the queries, answers and
 * reopenings of single standards. Rows here are only ever added.
 */
#include "store/sql_internal.h"

#include <stdlib.h>
#include <string.h>

#include "core/standards.h"
#include "core/validation.h"

int
wm_store_assessment_open(struct wm_store *s, int64_t unit_id,
    const char *period, const char *period_end, int64_t *id,
    struct wm_buf *err)
{
	struct wm_q *st;
	char now[32];
	int rc;

	if (!(st = wm_sq_query(s, ST_ASSESSMENT_ADD, err)))
		return WM_STORE_ERROR;
	wm_sq_now(s, now);
	wm_q_int64(st, 1, unit_id);
	wm_sq_text(st, 2, period);
	wm_sq_text(st, 3, period_end);
	wm_sq_text(st, 4, now);
	if ((rc = wm_sq_exec(s, st, "starting the self-assessment", err)))
		return rc;
	rc = wm_store_assessment_find(s, unit_id, period, id, err);
	if (rc == WM_STORE_NOT_FOUND) {
		wm_buf_clear(err);
		wm_buf_puts(err, "the self-assessment could not be started");
		rc = WM_STORE_ERROR;
	}
	return rc;
}

int
wm_store_assessment_find(struct wm_store *s, int64_t unit_id,
    const char *period, int64_t *id, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_ASSESSMENT_FIND, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, unit_id);
	wm_sq_text(st, 2, period);
	return wm_sq_one_id(s, st, id, "finding the self-assessment", err);
}

int
wm_store_assessments_since(struct wm_store *s, const char *date, int64_t *n,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_ASSESSMENTS_SINCE, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, date);
	return wm_sq_one_id(s, st, n, "counting self-assessments", err);
}

struct assessment_each {
	int (*cb)(void *, const struct wm_assessment_row *);
	void *ctx;
	int any;
};

static int
assessment_row(struct wm_q *st, void *arg)
{
	struct assessment_each *e = arg;
	struct wm_assessment_row row = {
		.id = wm_q_col_int64(st, 0),
		.unit_id = wm_q_col_int64(st, 1),
		.unit_code = wm_sq_col(st, 2),
		.unit_name = wm_sq_col(st, 3),
		.period = wm_sq_col(st, 4),
		.period_end = wm_sq_col(st, 5),
		.versions = wm_q_col_int(st, 6),
		.invited = wm_q_col_int64(st, 7),
		.validated = wm_q_col_int64(st, 8),
	};

	e->any = 1;
	return e->cb(e->ctx, &row);
}

int
wm_store_assessment_get(struct wm_store *s, int64_t id,
    int (*cb)(void *, const struct wm_assessment_row *), void *ctx,
    struct wm_buf *err)
{
	struct assessment_each e = { cb, ctx, 0 };
	struct wm_q *st = wm_sq_query(s, ST_ASSESSMENT_GET, err);
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, id);
	rc = wm_sq_each(s, st, assessment_row, &e,
	    "reading the self-assessment", err);
	return rc ? rc : e.any ? 0 : WM_STORE_NOT_FOUND;
}

int
wm_store_assessments(struct wm_store *s, int64_t unit_id,
    int (*cb)(void *, const struct wm_assessment_row *), void *ctx,
    struct wm_buf *err)
{
	struct assessment_each e = { cb, ctx, 0 };
	struct wm_q *st = wm_sq_query(s, ST_ASSESSMENTS, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, unit_id);
	return wm_sq_each(s, st, assessment_row, &e,
	    "listing the self-assessments", err);
}

int
wm_store_assessment_version_add(struct wm_store *s, int64_t assessment_id,
    int64_t response_id, const char *reason, int standard, int64_t reopen_id,
    int64_t account_id, int *version, struct wm_buf *err)
{
	struct wm_q *st;
	char now[32];
	int64_t v = 0;
	int rc;

	if (!(st = wm_sq_query(s, ST_ASSESSMENT_VERSION_ADD, err)))
		return WM_STORE_ERROR;
	wm_sq_now(s, now);
	wm_q_int64(st, 1, assessment_id);
	wm_q_int64(st, 2, response_id);
	wm_sq_text(st, 3, reason);
	if (standard)
		wm_q_int(st, 4, standard);
	wm_sq_id(st, 5, reopen_id);
	wm_sq_id(st, 6, account_id);
	wm_sq_text(st, 7, now);
	rc = wm_sq_one_id(s, st, &v, "keeping the new version", err);
	if (rc == WM_STORE_NOT_FOUND) {
		wm_buf_clear(err);
		wm_buf_puts(err, "the new version could not be kept");
		rc = WM_STORE_ERROR;
	}
	*version = (int)v;
	return rc;
}

struct version_each {
	int (*cb)(void *, const struct wm_assessment_version_row *);
	void *ctx;
};

static int
version_row(struct wm_q *st, void *arg)
{
	struct version_each *e = arg;
	struct wm_assessment_version_row row = {
		.version = wm_q_col_int(st, 0),
		.response_id = wm_q_col_int64(st, 1),
		.reason = wm_sq_col(st, 2),
		.standard = wm_q_col_int(st, 3),
		.reopen_id = wm_q_col_int64(st, 4),
		.by = wm_sq_col(st, 5),
		.submitted = wm_sq_col(st, 6),
		.instrument_id = wm_q_col_int64(st, 7),
	};

	return e->cb(e->ctx, &row);
}

int
wm_store_assessment_versions(struct wm_store *s, int64_t assessment_id,
    int (*cb)(void *, const struct wm_assessment_version_row *), void *ctx,
    struct wm_buf *err)
{
	struct version_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_ASSESSMENT_VERSIONS, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, assessment_id);
	return wm_sq_each(s, st, version_row, &e, "reading the versions", err);
}

struct validator_each {
	int (*cb)(void *, const struct wm_validator_row *);
	void *ctx;
};

static int
validator_row(struct wm_q *st, void *arg)
{
	struct validator_each *e = arg;
	struct wm_validator_row row = {
		.account_id = wm_q_col_int64(st, 0),
		.name = wm_sq_col(st, 1),
		.stakeholder = wm_sq_col(st, 2),
		.invited = wm_sq_col(st, 3),
		.response_id = wm_q_col_int64(st, 4),
		.submitted = wm_sq_col(st, 5),
	};

	return e->cb(e->ctx, &row);
}

static int
validators(struct wm_store *s, enum stmt which, int64_t key,
    int (*cb)(void *, const struct wm_validator_row *), void *ctx,
    struct wm_buf *err)
{
	struct validator_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, which, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, key);
	return wm_sq_each(s, st, validator_row, &e, "listing validators", err);
}

int
wm_store_service_validators(struct wm_store *s, int64_t unit_id,
    int (*cb)(void *, const struct wm_validator_row *), void *ctx,
    struct wm_buf *err)
{
	return validators(s, ST_SERVICE_VALIDATORS, unit_id, cb, ctx, err);
}

int
wm_store_invitations(struct wm_store *s, int64_t assessment_id,
    int (*cb)(void *, const struct wm_validator_row *), void *ctx,
    struct wm_buf *err)
{
	return validators(s, ST_INVITATIONS, assessment_id, cb, ctx, err);
}

/* Runs an INSERT ... SELECT that adds nothing when its condition fails:
 * WM_STORE_NOT_FOUND, with `missing` in err, then. */
static int
insert_if(struct wm_store *s, struct wm_q *st, const char *doing,
    const char *missing, struct wm_buf *err)
{
	int rc = wm_sq_exec(s, st, doing, err);

	if (rc == 0 && wm_q_changes(s) == 0) {
		wm_buf_clear(err);
		wm_buf_puts(err, missing);
		rc = WM_STORE_NOT_FOUND;
	}
	return rc;
}

int
wm_store_invitation_add(struct wm_store *s, int64_t assessment_id,
    int64_t account_id, int64_t invited_by, struct wm_buf *err)
{
	struct wm_q *st;
	char now[32];

	if (!(st = wm_sq_query(s, ST_INVITATION_ADD, err)))
		return WM_STORE_ERROR;
	wm_sq_now(s, now);
	wm_q_int64(st, 1, assessment_id);
	wm_q_int64(st, 2, account_id);
	wm_sq_id(st, 3, invited_by);
	wm_sq_text(st, 4, now);
	return insert_if(s, st, "inviting the validator", "they do not hold "
	    "the validator role at this service", err);
}

struct invited_each {
	int (*cb)(void *, const struct wm_invited_row *);
	void *ctx;
	int any;
};

static int
invited_row(struct wm_q *st, void *arg)
{
	struct invited_each *e = arg;
	struct wm_invited_row row = {
		.assessment_id = wm_q_col_int64(st, 0),
		.unit_code = wm_sq_col(st, 1),
		.unit_name = wm_sq_col(st, 2),
		.period = wm_sq_col(st, 3),
		.period_end = wm_sq_col(st, 4),
		.stakeholder = wm_sq_col(st, 5),
		.response_id = wm_q_col_int64(st, 6),
		.unit_id = wm_q_col_int64(st, 7),
	};

	e->any = 1;
	return e->cb(e->ctx, &row);
}

int
wm_store_account_invitations(struct wm_store *s, int64_t account_id,
    int64_t assessment_id, int (*cb)(void *, const struct wm_invited_row *),
    void *ctx, struct wm_buf *err)
{
	struct invited_each e = { cb, ctx, 0 };
	struct wm_q *st = wm_sq_query(s, ST_ACCOUNT_INVITATIONS, err);
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, account_id);
	wm_sq_id(st, 2, assessment_id);
	rc = wm_sq_each(s, st, invited_row, &e, "listing invitations", err);
	return rc || !assessment_id || e.any ? rc : WM_STORE_NOT_FOUND;
}

int
wm_store_validation_add(struct wm_store *s, int64_t assessment_id,
    int64_t account_id, int64_t response_id, struct wm_buf *err)
{
	struct wm_q *st;
	char now[32];

	if (!(st = wm_sq_query(s, ST_VALIDATION_ADD, err)))
		return WM_STORE_ERROR;
	wm_sq_now(s, now);
	wm_q_int64(st, 1, assessment_id);
	wm_q_int64(st, 2, account_id);
	wm_q_int64(st, 3, response_id);
	wm_sq_text(st, 4, now);
	return insert_if(s, st, "keeping the validation", "you were not "
	    "invited to validate this service for this period", err);
}

struct rating_each {
	int (*cb)(void *, const struct wm_assessment_rating_row *);
	void *ctx;
};

static int
rating_row(struct wm_q *st, void *arg)
{
	struct rating_each *e = arg;
	struct wm_assessment_rating_row row = {
		.period = wm_sq_col(st, 0),
		.self = wm_q_col_int(st, 1),
		.account_id = wm_q_col_int64(st, 2),
		.stakeholder = wm_sq_col(st, 3),
		.scale = wm_sq_col(st, 4),
		.has_value = !wm_q_col_null(st, 5),
		.value = wm_q_col_double(st, 5),
		.period_end = wm_sq_col(st, 6),
	};

	return e->cb(e->ctx, &row);
}

int
wm_store_assessment_ratings(struct wm_store *s, int64_t unit_id,
    int64_t assessment_id,
    int (*cb)(void *, const struct wm_assessment_rating_row *), void *ctx,
    struct wm_buf *err)
{
	struct rating_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_ASSESSMENT_RATINGS, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, unit_id);
	wm_sq_id(st, 2, assessment_id);
	return wm_sq_each(s, st, rating_row, &e, "reading the lights", err);
}

int
wm_store_standard_query_add(struct wm_store *s, int64_t assessment_id,
    int standard, const char *kind, int64_t account_id, const char *text,
    int64_t *id, struct wm_buf *err)
{
	struct wm_q *st;
	char now[32];
	int rc;

	if (!(st = wm_sq_query(s, ST_STANDARD_QUERY_ADD, err)))
		return WM_STORE_ERROR;
	wm_sq_now(s, now);
	wm_q_int64(st, 1, assessment_id);
	wm_q_int(st, 2, standard);
	wm_sq_text(st, 3, kind);
	wm_q_int64(st, 4, account_id);
	wm_sq_text(st, 5, text);
	wm_sq_text(st, 6, now);
	rc = wm_sq_exec(s, st, "keeping the query", err);
	if (rc == 0 && id)
		*id = wm_q_last_id(s);
	return rc;
}

struct comment_each {
	int (*cb)(void *, const struct wm_validation_comment_row *);
	void *ctx;
};

static int
comment_row(struct wm_q *st, void *arg)
{
	struct comment_each *e = arg;
	struct wm_validation_comment_row row = {
		.stakeholder = wm_sq_col(st, 0),
		.link_id = wm_sq_col(st, 1),
		.text = wm_sq_col(st, 2),
		.instrument_id = wm_q_col_int64(st, 3),
	};

	return e->cb(e->ctx, &row);
}

int
wm_store_validation_comments(struct wm_store *s, int64_t assessment_id,
    int (*cb)(void *, const struct wm_validation_comment_row *), void *ctx,
    struct wm_buf *err)
{
	struct comment_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_VALIDATION_COMMENTS, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, assessment_id);
	return wm_sq_each(s, st, comment_row, &e, "reading the comments", err);
}

struct query_each {
	int (*cb)(void *, const struct wm_standard_query_row *);
	void *ctx;
};

static int
query_row(struct wm_q *st, void *arg)
{
	struct query_each *e = arg;
	struct wm_standard_query_row row = {
		.id = wm_q_col_int64(st, 0),
		.standard = wm_q_col_int(st, 1),
		.kind = wm_sq_col(st, 2),
		.account_id = wm_q_col_int64(st, 3),
		.name = wm_sq_col(st, 4),
		.stakeholder = wm_sq_col(st, 5),
		.text = wm_sq_col(st, 6),
		.at = wm_sq_col(st, 7),
		.answered_by = wm_q_col_int64(st, 8),
	};

	return e->cb(e->ctx, &row);
}

int
wm_store_standard_queries(struct wm_store *s, int64_t assessment_id,
    int (*cb)(void *, const struct wm_standard_query_row *), void *ctx,
    struct wm_buf *err)
{
	struct query_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_STANDARD_QUERIES, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, assessment_id);
	return wm_sq_each(s, st, query_row, &e, "reading the queries", err);
}

/* A whole-number setting into *n, 0 when it is not set or not a number;
 * a failure to read it is the caller's to report, never a default. */
static int
setting_long(struct wm_store *s, const char *key, long *n,
    struct wm_buf *err)
{
	char v[24], *end;
	int rc = wm_store_setting_get(s, key, v, sizeof(v), err);

	*n = 0;
	if (rc == WM_STORE_NOT_FOUND)
		return 0;
	if (rc)
		return rc;
	*n = strtol(v, &end, 10);
	if (end == v || *end)
		*n = 0;
	return 0;
}

int
wm_store_standards_months(struct wm_store *s, int *months,
    struct wm_buf *err)
{
	long n;
	int rc = setting_long(s, WM_SETTING_PERIOD_MONTHS, &n, err);

	*months = wm_period_months(n);
	return rc;
}

int
wm_store_validation_rule(struct wm_store *s, struct wm_validation_rule *out,
    struct wm_buf *err)
{
	long v = 0, g = 0;
	int rc;

	if ((rc = setting_long(s, WM_SETTING_MIN_VALIDATORS, &v, err)) == 0)
		rc = setting_long(s, WM_SETTING_MIN_GROUPS, &g, err);
	wm_validation_rule_in_force(v, g, out);
	return rc;
}

int
wm_store_disclosure_rule(struct wm_store *s, enum wm_disclosure_rule *out,
    struct wm_buf *err)
{
	char v[24];
	int rc = wm_store_setting_get(s, WM_SETTING_DISCLOSURE, v, sizeof(v),
	    err);

	*out = WM_DISCLOSURE_DEFAULT;
	if (rc == WM_STORE_NOT_FOUND)
		return 0;
	if (rc)
		return rc;
	if (wm_disclosure_parse(v, out)) {
		*out = WM_DISCLOSURE_DEFAULT;
		wm_buf_clear(err);
		wm_buf_puts(err, "the network's disclosure setting is not "
		    "mhsds, hes or none; set it again with waymark network "
		    "set --disclosure");
		return WM_STORE_ERROR;
	}
	return 0;
}
