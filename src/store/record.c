/*
 * Recording a response from outside: the steps every entry point (the
 * command line, the web forms, the JSON API) shares, built only on the
 * store's interface so that every backend records responses the same way.
 */
#include "store/store.h"

#include <string.h>

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

/* Ratings count only from those given the role for this service. */
static int
entitled(struct wm_store *s, const struct wm_response *r,
    const struct wm_response_ids *ids, struct wm_buf *err)
{
	if (r->respondent != WM_RESPONDENT_LEAD &&
	    r->respondent != WM_RESPONDENT_VALIDATOR)
		return 0;
	return wm_store_grant_find(s, ids->author_id,
	    wm_respondent_name(r->respondent), ids->unit_id,
	    r->respondent == WM_RESPONDENT_VALIDATOR ?
	    wm_stakeholder_code(r->stakeholder) : NULL, err);
}

/* Every step, inside a transaction the caller holds. The caseload and
 * the grants are read inside the transaction that writes, so a change
 * made meanwhile cannot slip between them. */
static int
record(struct wm_store *s, const struct wm_response *r,
    struct wm_response_ids *ids, const struct wm_recorder *by, int64_t *id,
    struct wm_buf *err)
{
	struct wm_draft_key k = { ids->instrument_id, r->subject.kind,
	    ids->subject_id, r->respondent, ids->author_id };
	int rc;

	if ((rc = attribute(s, r, ids, err)) ||
	    (rc = entitled(s, r, ids, err)) ||
	    (rc = wm_store_response_save(s, r, ids, id, err)) ||
	    (by->interactive && (rc = wm_store_draft_discard(s, &k, *id,
	    err))) ||
	    (by->file && (rc = by->file(s, *id, by->file_ctx, err))))
		return rc;
	return wm_store_audit(s, by->account_id, by->action,
	    wm_subject_name(r->subject.kind), ids->subject_id, r->in->title,
	    by->address, err);
}

int
wm_store_response_record(struct wm_store *s, const struct wm_response *r,
    struct wm_response_ids *ids, const struct wm_recorder *by, int64_t *id,
    struct wm_buf *err)
{
	int rc;

	if ((rc = wm_store_begin(s, err)))
		return rc;
	if ((rc = record(s, r, ids, by, id, err)) ||
	    (rc = wm_store_commit(s, err))) {
		wm_store_rollback(s);
		return rc;
	}
	return 0;
}

int
wm_store_response_record_part(struct wm_store *s,
    const struct wm_response *r, struct wm_response_ids *ids,
    const struct wm_recorder *by, int64_t *id, struct wm_buf *err)
{
	int rc;

	if ((rc = wm_store_part_begin(s, err)))
		return rc;
	rc = record(s, r, ids, by, id, err);
	if ((rc = wm_store_part_end(s, rc, err)))
		*id = 0;
	return rc;
}
