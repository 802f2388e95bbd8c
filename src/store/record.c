/*
 * Recording a response from outside: the steps every entry point (the
 * command line, the web forms, the JSON API) shares, built only on the
 * store's interface so that every backend records responses the same way.
 *
 * A record is one transaction: attribute the response to a service,
 * check the rater's grant, save it, replace the respondent's draft, file
 * it (a lead's self-assessment as the next version, a validator's ratings
 * as their validation) and write the audit entry. What may be filed is
 * core's decision (core/standards.h), asked here with what the store
 * reads inside the transaction; nothing here calls back into the layer
 * that asked, so writes go one way.
 */
#include "store/store.h"

#include <string.h>

#include "core/standards.h"

/* Which service the response counts for. */
static int
attribute(struct wm_store *s, const struct wm_response *r,
    struct wm_response_ids *ids, struct wm_buf *err)
{
	char date[11];

	if (ids->unit_id)
		return 0;
	if (r->subject.kind == WM_SUBJECT_SERVICE) {
		ids->unit_id = ids->subject_id;
		return 0;
	}
	if (r->subject.kind == WM_SUBJECT_PERSON) {
		wm_date_format(&r->authored, date);
		return wm_store_person_unit_at(s, ids->subject_id, date,
		    &ids->unit_id, err);
	}
	wm_buf_clear(err);
	wm_buf_puts(err, "say which service this response belongs to (the "
	    "unit extension, valueReference Organization/CODE)");
	return WM_STORE_NOT_FOUND;
}

/* Core says which grant a rater needs (core/standards.h); the store only
 * looks it up. */
static int
entitled(struct wm_store *s, const struct wm_response *r,
    const struct wm_response_ids *ids, struct wm_buf *err)
{
	struct wm_rater_grant g;

	if (!wm_rater_grant(r->respondent, r->stakeholder, &g))
		return 0;
	return wm_store_grant_find(s, ids->author_id, g.role, ids->unit_id,
	    g.group, err);
}

static int
refuse(int rc, const char *why, struct wm_buf *err)
{
	wm_buf_clear(err);
	wm_buf_puts(err, why);
	return rc;
}

static int
count_versions(void *ctx, const struct wm_assessment_row *row)
{
	*(int *)ctx = row->versions;
	return 1;
}

/* How many versions of the assessment were submitted (0 for none, or no
 * assessment). */
static int
versions_of(struct wm_store *s, int64_t assessment, int *versions,
    struct wm_buf *err)
{
	*versions = 0;
	if (!assessment)
		return 0;
	return wm_store_assessment_get(s, assessment, count_versions, versions,
	    err);
}

/* A lead's self-assessment as the next version of its period's. */
static int
file_version(struct wm_store *s, const struct wm_record *job,
    int64_t response_id, struct wm_buf *err)
{
	struct wm_assessment_submission *sub = job->version;
	int versions, rc;

	if ((rc = wm_store_assessment_open(s, job->ids->unit_id, sub->period,
	    sub->period_end, &sub->assessment_id, err)) ||
	    (rc = versions_of(s, sub->assessment_id, &versions, err)))
		return rc;
	if (wm_assessment_changed_meanwhile(sub->built_on, versions))
		return refuse(WM_STORE_CONFLICT, "the self-assessment changed "
		    "meanwhile: another version was submitted since this one "
		    "was started", err);
	return wm_store_assessment_version_add(s, sub->assessment_id,
	    response_id, sub->reason, sub->standard, sub->reopen_id,
	    job->ids->author_id, &sub->version, err);
}

/* The period's assessment a validation is filed in: the one they were
 * invited to, or for an import the service's for the period. */
static int
validated_assessment(struct wm_store *s, const struct wm_record *job,
    int64_t *assessment, struct wm_buf *err)
{
	const struct wm_validation_submission *sub = job->validation;
	int rc;

	*assessment = sub->assessment_id;
	if (*assessment)
		return 0;
	rc = wm_store_assessment_find(s, job->ids->unit_id, sub->period,
	    assessment, err);
	if (rc == WM_STORE_NOT_FOUND) {
		*assessment = 0;
		return 0;
	}
	return rc;
}

/* A validator's ratings as their validation, of a submitted
 * self-assessment only. */
static int
file_validation(struct wm_store *s, const struct wm_record *job,
    int64_t response_id, struct wm_buf *err)
{
	const char *problem;
	int64_t assessment;
	int versions, rc;

	if ((rc = validated_assessment(s, job, &assessment, err)) ||
	    (rc = versions_of(s, assessment, &versions, err)))
		return rc;
	if ((problem = wm_invitation_problem(versions)))
		return refuse(WM_STORE_CONFLICT, problem, err);
	if (job->validation->invite && (rc = wm_store_invitation_add(s,
	    assessment, job->ids->author_id, 0, err)) &&
	    rc != WM_STORE_EXISTS)
		return rc;
	rc = wm_store_validation_add(s, assessment, job->ids->author_id,
	    response_id, err);
	if (rc == WM_STORE_EXISTS)
		return refuse(rc, "their ratings for this period are already "
		    "submitted; a submitted validation is kept as given", err);
	return rc;
}

int
wm_store_record_steps(struct wm_store *s, const struct wm_record *job,
    int64_t *id, struct wm_buf *err)
{
	const struct wm_response *r = job->r;
	const struct wm_recorder *by = job->by;
	struct wm_response_ids *ids = job->ids;
	struct wm_draft_key k = { ids->instrument_id, r->subject.kind,
	    ids->subject_id, r->respondent, ids->author_id };
	int rc;

	/* The caseload and the grants are read inside the transaction that
	 * writes, so a change made meanwhile cannot slip between them. */
	if ((rc = attribute(s, r, ids, err)) ||
	    (rc = entitled(s, r, ids, err)) ||
	    (rc = wm_store_response_save(s, r, ids, id, err)) ||
	    (by->interactive && (rc = wm_store_draft_discard(s, &k, *id,
	    err))) ||
	    (job->version && (rc = file_version(s, job, *id, err))) ||
	    (job->validation && (rc = file_validation(s, job, *id, err))))
		return rc;
	return wm_store_audit(s, by->account_id, by->action,
	    wm_subject_name(r->subject.kind), ids->subject_id, r->in->title,
	    by->address, err);
}

int
wm_store_record(struct wm_store *s, const struct wm_record *job, int64_t *id,
    struct wm_buf *err)
{
	int rc;

	if ((rc = wm_store_begin(s, err)))
		return rc;
	if ((rc = wm_store_record_steps(s, job, id, err)) ||
	    (rc = wm_store_commit(s, err))) {
		wm_store_rollback(s);
		return rc;
	}
	return 0;
}

int
wm_store_import_job(struct wm_store *s, const struct wm_response *r,
    struct wm_response_ids *ids, const struct wm_recorder *by,
    struct wm_import *imp, struct wm_record *job, struct wm_buf *err)
{
	struct wm_date start, end;
	int months, rc;

	if ((rc = wm_store_standards_months(s, &months, err)))
		return rc;
	wm_period_of(&r->authored, months, &start, &end);
	wm_date_format(&start, imp->period);
	wm_date_format(&end, imp->period_end);
	memset(&imp->version, 0, sizeof(imp->version));
	imp->version.period = imp->period;
	imp->version.period_end = imp->period_end;
	imp->version.built_on = WM_BUILT_ON_ANY;
	imp->version.reason = "recorded outside the form (waymark respond)";
	imp->validation.assessment_id = 0;
	imp->validation.period = imp->period;
	imp->validation.invite = 1;
	job->r = r;
	job->ids = ids;
	job->by = by;
	job->version = NULL;
	job->validation = NULL;
	switch (wm_standards_filing(r)) {
	case WM_FILED_AS_VERSION:
		job->version = &imp->version;
		break;
	case WM_FILED_AS_VALIDATION:
		job->validation = &imp->validation;
		break;
	case WM_FILED_NOT:
		break;
	}
	return 0;
}

int
wm_store_record_part(struct wm_store *s, const struct wm_record *job,
    int64_t *id, struct wm_buf *err)
{
	int rc;

	if ((rc = wm_store_part_begin(s, err)))
		return rc;
	rc = wm_store_record_steps(s, job, id, err);
	if ((rc = wm_store_part_end(s, rc, err)))
		*id = 0;
	return rc;
}
