/*
 * Recording a response from outside: the steps every entry point (the
 * command line, the web forms, the JSON API) shares, built only on the
 * store's interface so that every backend records responses the same way.
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

int
wm_store_response_record(struct wm_store *s, const struct wm_response *r,
    struct wm_response_ids *ids, const struct wm_recorder *by, int64_t *id,
    struct wm_buf *err)
{
	struct wm_draft_key k = { ids->instrument_id, r->subject.kind,
	    ids->subject_id, r->respondent, ids->author_id };
	int rc;

	/* The caseload and the grants are read inside the transaction that
	 * writes, so a change made meanwhile cannot slip between them. */
	if ((rc = wm_store_begin(s, err)))
		return rc;
	if ((rc = attribute(s, r, ids, err)) ||
	    (rc = entitled(s, r, ids, err)) ||
	    (rc = wm_store_response_save(s, r, ids, id, err)) ||
	    (by->interactive && (rc = wm_store_draft_discard(s, &k, *id,
	    err))) ||
	    (by->file && (rc = by->file(s, *id, by->file_ctx, err))) ||
	    (rc = wm_store_audit(s, by->account_id, by->action,
	    wm_subject_name(r->subject.kind), ids->subject_id, r->in->title,
	    by->address, err)) || (rc = wm_store_commit(s, err))) {
		wm_store_rollback(s);
		return rc;
	}
	return 0;
}
