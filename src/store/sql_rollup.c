/*
 * The running totals behind the summaries (tables rollup and
 * rollup_subject, migration 2). A save adds to a cell's totals in memory;
 * the deltas are written once per cell when the transaction commits and
 * forgotten if it rolls back, so a batch of thousands of saves costs a
 * few hundred UPDATEs rather than one per save. Who is counted in a cell
 * is written at once, because "people" must count each person once.
 */
#include "store/sql_internal.h"

#include <stdlib.h>
#include <string.h>

struct wm_sq_cell {
	char *key;		/* measure, unit, quarter, respondent, scale */
	int64_t id;
	int64_t responses, people;
	double total;
	int dirty;
};

struct wm_sq_rollup {
	struct wm_sq_cell *v;
	size_t n, cap;		/* open addressing; cap is a power of 2 */
	struct wm_buf key;	/* the key being looked up, reused */
};

static uint64_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static struct wm_sq_cell *
slot(struct wm_sq_rollup *r, const char *key)
{
	size_t i = (size_t)hash(key) & (r->cap - 1);

	while (r->v[i].key && strcmp(r->v[i].key, key) != 0)
		i = (i + 1) & (r->cap - 1);
	return &r->v[i];
}

static int
grow(struct wm_sq_rollup *r)
{
	struct wm_sq_rollup bigger = { NULL, r->n, r->cap ? r->cap * 2 : 256,
	    r->key };
	size_t i;

	bigger.v = calloc(bigger.cap, sizeof(*bigger.v));
	if (!bigger.v)
		return -1;
	for (i = 0; i < r->cap; i++)
		if (r->v[i].key)
			*slot(&bigger, r->v[i].key) = r->v[i];
	free(r->v);
	*r = bigger;
	return 0;
}

void
wm_sq_rollup_forget(struct wm_store *s)
{
	struct wm_sq_rollup *r = s->rollup;
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->cap; i++)
		free(r->v[i].key);
	free(r->v);
	wm_buf_release(&r->key);
	free(r);
	s->rollup = NULL;
}

/* A cell's key: its parts, each ended by a unit separator. */
static void
key_part(struct wm_buf *b, const char *part)
{
	wm_buf_puts(b, part);
	wm_buf_putc(b, '\x1f');
}

/* The cell's row id, creating the row if it is new. */
static int
cell_id(struct wm_store *s, const char *measure, int64_t unit,
    const char *quarter, const char *respondent, const char *scale,
    int64_t *id, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_stmt(s, ST_ROLLUP_CELL, err);
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, measure);
	wm_q_int64(st, 2, unit);
	wm_sq_text(st, 3, quarter);
	wm_sq_text(st, 4, respondent);
	wm_sq_text(st, 5, scale);
	if (wm_q_step(st) != WM_Q_ROW) {
		rc = wm_sq_fail(s, "updating the totals", err);
		wm_q_reset(st);
		return rc;
	}
	*id = wm_q_col_int64(st, 0);
	wm_q_reset(st);
	return 0;
}

int
wm_sq_rollup_add(struct wm_store *s, const char *measure, int64_t unit,
    const char *quarter, const char *respondent, const char *scale,
    int subject_kind, int64_t subject, int has_value, double value,
    struct wm_buf *err)
{
	struct wm_sq_rollup *r = s->rollup;
	struct wm_sq_cell *c;
	struct wm_q *st;
	int rc;

	if ((!r && !(r = s->rollup = calloc(1, sizeof(*r)))) ||
	    ((r->n + 1) * 2 > r->cap && grow(r)))
		goto oom;
	/* Every score of a save looks its cell up: no printf, and the
	 * key's room is kept from one to the next. */
	if (!r->key.max)
		wm_buf_init(&r->key, WM_BUF_DEFAULT_MAX);
	wm_buf_clear(&r->key);
	key_part(&r->key, measure);
	wm_buf_putll(&r->key, unit);
	wm_buf_putc(&r->key, '\x1f');
	key_part(&r->key, quarter);
	key_part(&r->key, respondent);
	wm_buf_puts(&r->key, scale);
	if (r->key.failed)
		goto oom;
	c = slot(r, r->key.data);
	if (!c->key) {
		int64_t id = 0;

		if ((rc = cell_id(s, measure, unit, quarter, respondent, scale,
		    &id, err)))
			return rc;
		memset(c, 0, sizeof(*c));
		if (!(c->key = strdup(r->key.data)))
			goto oom;
		c->id = id;
		r->n++;
	}
	if (!(st = wm_sq_stmt(s, ST_ROLLUP_SUBJECT_ADD, err)))
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, c->id);
	wm_q_int(st, 2, subject_kind);
	wm_q_int64(st, 3, subject);
	if ((rc = wm_sq_exec(s, st, "updating the totals", err)))
		return rc;
	c->people += wm_q_changes(s) > 0;
	c->responses++;
	c->total += has_value ? value : 0;
	c->dirty = 1;
	return 0;
oom:
	wm_buf_clear(err);
	wm_buf_puts(err, "out of memory updating the totals");
	return WM_STORE_ERROR;
}

int
wm_sq_rollup_flush(struct wm_store *s, struct wm_buf *err)
{
	struct wm_sq_rollup *r = s->rollup;
	struct wm_q *st;
	size_t i;
	int rc;

	for (i = 0; r && i < r->cap; i++) {
		struct wm_sq_cell *c = &r->v[i];

		if (!c->key || !c->dirty)
			continue;
		if (!(st = wm_sq_stmt(s, ST_ROLLUP_APPLY, err)))
			return WM_STORE_ERROR;
		wm_q_int64(st, 1, c->id);
		wm_q_int64(st, 2, c->responses);
		wm_q_int64(st, 3, c->people);
		wm_q_double(st, 4, c->total);
		if ((rc = wm_sq_exec(s, st, "saving the totals", err)))
			return rc;
		c->responses = c->people = 0;
		c->total = 0;
		c->dirty = 0;
	}
	return 0;
}
