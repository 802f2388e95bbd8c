/*
 * Saving a response with its answers and derived scores in one
 * transaction, and reading answers back for export.
 */
#include "store/sql_internal.h"

static const char *
author_kind(const struct wm_response *r)
{
	if (!r->author.id)
		return NULL;
	return r->author.kind == WM_SUBJECT_PERSON ? "person" : "staff";
}

/* Binds answer i as the row whose item is parameter `at`, its option
 * the next and its text the one after. */
static void
bind_answer(struct wm_q *st, int at, const struct wm_response *r, size_t i)
{
	wm_q_int64(st, at, (int64_t)i);
	if (r->in->items[i].type == WM_ITEM_CHOICE)
		wm_q_int(st, at + 1, r->answers[i].option);
	else
		wm_sq_text(st, at + 2, r->answers[i].text);
}

/* The answers given, eight to a statement, the rest one at a time. */
static int
save_answers(struct wm_store *s, const struct wm_response *r, int64_t id,
    struct wm_buf *err)
{
	size_t given[8], n = 0, i, k;
	struct wm_q *st;
	int rc;

	for (i = 0; i < r->in->n_items; i++) {
		if (!r->answers[i].given)
			continue;
		given[n++] = i;
		if (n < 8)
			continue;
		if (!(st = wm_sq_stmt(s, ST_ANSWER_ADD8, err)))
			return WM_STORE_ERROR;
		wm_q_int64(st, 1, id);
		for (k = 0; k < n; k++)
			bind_answer(st, (int)(3 * k + 2), r, given[k]);
		if ((rc = wm_sq_exec(s, st, "storing the answers", err)))
			return rc;
		n = 0;
	}
	for (k = 0; k < n; k++) {
		if (!(st = wm_sq_stmt(s, ST_ANSWER_ADD, err)))
			return WM_STORE_ERROR;
		wm_q_int64(st, 1, id);
		bind_answer(st, 2, r, given[k]);
		if ((rc = wm_sq_exec(s, st, "storing an answer", err)))
			return rc;
	}
	return 0;
}

/* Appends ",index:" (without the comma first). */
static void
put_key(struct wm_buf *b, size_t index)
{
	if (b->len)
		wm_buf_putc(b, ',');
	wm_buf_putll(b, (long long)index);
	wm_buf_putc(b, ':');
}

/* A completed response about a person keeps its choices and scores in
 * one row too (migration 8), "item:option,..." and "scale:value,..."
 * (17 digits: the same double read back), for their journey. */
static int
save_choices(struct wm_store *s, const struct wm_response *r, int64_t id,
    struct wm_buf *err)
{
	struct wm_buf choices = WM_BUF_INIT, scores = WM_BUF_INIT;
	struct wm_q *st;
	size_t i;
	int rc = WM_STORE_ERROR;

	if (r->status != WM_STATUS_COMPLETED ||
	    r->subject.kind != WM_SUBJECT_PERSON)
		return 0;
	for (i = 0; i < r->in->n_items; i++)
		if (r->answers[i].given &&
		    r->in->items[i].type == WM_ITEM_CHOICE &&
		    r->answers[i].option >= 0) {
			put_key(&choices, i);
			wm_buf_putll(&choices, r->answers[i].option);
		}
	for (i = 0; i < r->in->n_scales; i++)
		if (r->scores[i].has_value) {
			put_key(&scores, i);
			wm_buf_printf(&scores, "%.17g", r->scores[i].value);
		}
	if (choices.failed || scores.failed) {
		wm_buf_clear(err);
		wm_buf_puts(err, "out of memory storing the choices");
	} else if ((st = wm_sq_stmt(s, ST_CHOICES_ADD, err))) {
		wm_q_int64(st, 1, id);
		wm_sq_text(st, 2, wm_buf_str(&choices));
		wm_sq_text(st, 3, wm_buf_str(&scores));
		rc = wm_sq_exec(s, st, "storing the choices", err);
	}
	wm_buf_release(&choices);
	wm_buf_release(&scores);
	return rc;
}

/* rollup_subject stores the subject's kind as these numbers. */
_Static_assert(WM_SUBJECT_PERSON == 1 && WM_SUBJECT_SERVICE == 2 &&
    WM_SUBJECT_STAFF == 4, "rollup_subject.subject_kind values");

/* Adds one response (scale "") or one score to the running totals. */
static int
roll_up(struct wm_store *s, const struct wm_response *r,
    const struct wm_response_ids *ids, const char *quarter, const char *scale,
    int has_value, double value, struct wm_buf *err)
{
	return wm_sq_rollup_add(s, r->in->family ? r->in->family : r->in->url,
	    ids->unit_id, quarter, wm_respondent_name(r->respondent), scale,
	    (int)r->subject.kind, ids->subject_id, has_value, value, err);
}

/* Only completed responses are scored: a half-finished one is not a
 * measurement yet. */
static int
save_scores(struct wm_store *s, const struct wm_response *r,
    const struct wm_response_ids *ids, int64_t id, const char *quarter,
    struct wm_buf *err)
{
	struct wm_q *st;
	size_t i;
	int rc;

	if (r->status != WM_STATUS_COMPLETED)
		return 0;
	if ((rc = roll_up(s, r, ids, quarter, "", 0, 0, err)))
		return rc;
	for (i = 0; i < r->in->n_scales; i++) {
		const struct wm_score *sc = &r->scores[i];

		if (!(st = wm_sq_stmt(s, ST_SCORE_ADD, err)))
			return WM_STORE_ERROR;
		wm_q_int64(st, 1, id);
		wm_q_int64(st, 2, (int64_t)i);
		if (sc->has_value)
			wm_q_double(st, 3, sc->value);
		wm_q_int(st, 4, (int)sc->answered);
		wm_q_int64(st, 5, ids->instrument_id);
		wm_q_int64(st, 6, ids->unit_id);
		wm_sq_text(st, 7, quarter);
		wm_sq_text(st, 8, wm_respondent_name(r->respondent));
		wm_q_int64(st, 9, ids->subject_id);
		if ((rc = wm_sq_exec(s, st, "storing a score", err)))
			return rc;
		if (sc->has_value && (rc = roll_up(s, r, ids, quarter,
		    r->in->scales[i].code, 1, sc->value, err)))
			return rc;
	}
	return 0;
}

/* With whom a reflection's interaction was. */
static int
save_reflection(struct wm_store *s, int64_t response, int64_t person,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_stmt(s, ST_REFLECTION_ADD, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, response);
	wm_q_int64(st, 2, person);
	return wm_sq_exec(s, st, "storing with whom the reflection was", err);
}

int
wm_store_response_save(struct wm_store *s, const struct wm_response *r,
    const struct wm_response_ids *ids, int64_t *id, struct wm_buf *err)
{
	char now[32], date[11], quarter[8];
	struct wm_q *st;
	int own, rc;

	if (wm_sq_ready(s, err))
		return WM_STORE_ERROR;
	if ((rc = wm_sq_tx_begin(s, &own, err)))
		return rc;
	wm_sq_now(s, now);
	wm_date_format(&r->authored, date);
	wm_date_quarter(&r->authored, quarter);
	if (!(st = wm_sq_stmt(s, ST_RESPONSE_ADD, err))) {
		rc = WM_STORE_ERROR;
		goto out;
	}
	wm_q_int64(st, 1, ids->instrument_id);
	wm_sq_text(st, 2, wm_subject_name(r->subject.kind));
	wm_q_int64(st, 3, ids->subject_id);
	wm_q_int64(st, 4, ids->unit_id);
	wm_sq_text(st, 5, ids->author_id ? author_kind(r) : NULL);
	wm_sq_id(st, 6, ids->author_id);
	wm_sq_text(st, 7, wm_respondent_name(r->respondent));
	wm_sq_text(st, 8, r->stakeholder ?
	    wm_stakeholder_code(r->stakeholder) : NULL);
	wm_sq_text(st, 9, wm_response_status_name(r->status));
	wm_sq_text(st, 10, date);
	wm_sq_text(st, 11, quarter);
	wm_sq_text(st, 12, now);
	if ((rc = wm_sq_exec(s, st, "storing the response", err)))
		goto out;
	*id = wm_q_last_id(s);
	/* Every kept figure comes from completed answers; a draft is in
	 * none. */
	if (r->status == WM_STATUS_COMPLETED)
		s->figures_changed = 1;
	rc = save_answers(s, r, *id, err);
	if (rc == 0)
		rc = save_choices(s, r, *id, err);
	if (rc == 0)
		rc = save_scores(s, r, ids, *id, quarter, err);
	if (rc == 0)
		rc = wm_sq_outcome_note(s, r, ids, *id, err);
	if (rc == 0 && ids->about_person_id)
		rc = save_reflection(s, *id, ids->about_person_id, err);
	if (rc == 0 && r->status == WM_STATUS_COMPLETED &&
	    r->subject.kind == WM_SUBJECT_PERSON)
		rc = wm_sq_kept_note(s, ids->subject_id, *id, &r->authored,
		    ids->instrument_id, r->respondent == WM_RESPONDENT_PERSON ||
		    r->respondent == WM_RESPONDENT_WITH_PRACTITIONER, err);
out:
	return wm_sq_tx_end(s, own, rc, err);
}

struct answer_each {
	int (*cb)(void *, const struct wm_answer_row *);
	void *ctx;
};

static int
answer_row(struct wm_q *st, void *arg)
{
	struct answer_each *e = arg;
	struct wm_answer_row row = {
		.response_id = wm_q_col_int64(st, 0),
		.url = wm_sq_col(st, 1),
		.version = wm_sq_col(st, 2),
		.subject_kind = wm_sq_col(st, 3),
		.subject = wm_sq_col(st, 4),
		.unit_code = wm_sq_col(st, 5),
		.respondent = wm_sq_col(st, 6),
		.stakeholder = wm_sq_col(st, 7),
		.status = wm_sq_col(st, 8),
		.authored = wm_sq_col(st, 9),
		.link_id = wm_sq_col(st, 10),
		.code = wm_sq_col(st, 11),
		.display = wm_sq_col(st, 12),
		.has_value = !wm_q_col_null(st, 13),
		.value = wm_q_col_double(st, 13),
		.text = wm_sq_col(st, 14),
		.question = wm_sq_col(st, 15),
	};

	return e->cb(e->ctx, &row);
}

int
wm_store_answer_each(struct wm_store *s, const char *url, int64_t unit_id,
    int64_t person_id, int drafts, int (*cb)(void *, const struct wm_answer_row *),
    void *ctx, struct wm_buf *err)
{
	struct answer_each e = { cb, ctx };
	struct wm_q *st;

	/* One person's record is read through their own responses, at the
	 * same cost in a network of any size. */
	if (person_id && !unit_id) {
		if (!(st = wm_sq_query(s, ST_PERSON_ANSWER_EACH, err)))
			return WM_STORE_ERROR;
		wm_q_int64(st, 1, person_id);
		wm_sq_text(st, 2, url);
		wm_q_int(st, 3, drafts != 0);
		return wm_sq_each(s, st, answer_row, &e, "reading answers",
		    err);
	}
	if (!(st = wm_sq_query(s, ST_ANSWER_EACH, err)))
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, url);
	wm_sq_id(st, 2, unit_id);
	wm_sq_id(st, 3, person_id);
	wm_q_int(st, 4, drafts != 0);
	return wm_sq_each(s, st, answer_row, &e, "reading answers", err);
}
