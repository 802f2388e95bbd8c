/*
 * Instruments as loaded: the exact text (so a response can always be read
 * against the version it answered), plus its items, options and scales as
 * rows, so answers and scores can be stored as small numbers and still be
 * read with plain SQL.
 */
#include "store/sql_internal.h"

#include <stdlib.h>
#include <string.h>

static int
put_parts(struct wm_store *s, const struct wm_instrument *in, int64_t id,
    struct wm_buf *err)
{
	struct wm_q *st;
	size_t i, j;
	int rc;

	for (i = 0; i < in->n_items; i++) {
		const struct wm_item *it = &in->items[i];

		if (!(st = wm_sq_stmt(s, ST_INSTRUMENT_ITEM_ADD, err)))
			return WM_STORE_ERROR;
		wm_q_int64(st, 1, id);
		wm_q_int64(st, 2, (int64_t)i);
		wm_sq_text(st, 3, it->link_id);
		wm_sq_text(st, 4, wm_item_type_name(it->type));
		wm_sq_text(st, 5, it->text);
		if ((rc = wm_sq_exec(s, st, "storing the items", err)))
			return rc;
		for (j = 0; j < it->n_options; j++) {
			const struct wm_option *op = &it->options[j];

			if (!(st = wm_sq_stmt(s, ST_INSTRUMENT_OPTION_ADD, err)))
				return WM_STORE_ERROR;
			wm_q_int64(st, 1, id);
			wm_q_int64(st, 2, (int64_t)i);
			wm_q_int64(st, 3, (int64_t)j);
			wm_sq_text(st, 4, op->code);
			wm_sq_text(st, 5, op->display);
			if (op->scored)
				wm_q_double(st, 6, op->value);
			if ((rc = wm_sq_exec(s, st, "storing the options", err)))
				return rc;
		}
	}
	for (i = 0; i < in->n_scales; i++) {
		if (!(st = wm_sq_stmt(s, ST_INSTRUMENT_SCALE_ADD, err)))
			return WM_STORE_ERROR;
		wm_q_int64(st, 1, id);
		wm_q_int64(st, 2, (int64_t)i);
		wm_sq_text(st, 3, in->scales[i].code);
		wm_sq_text(st, 4, in->scales[i].title);
		if ((rc = wm_sq_exec(s, st, "storing the scales", err)))
			return rc;
	}
	return 0;
}

int
wm_store_instrument_put(struct wm_store *s, const struct wm_instrument *in,
    const char *text, size_t len, int64_t *id, int *existed,
    struct wm_buf *err)
{
	struct wm_buf have = WM_BUF_INIT;
	char now[32];
	struct wm_q *st;
	int own, rc;

	*existed = 0;
	rc = wm_store_instrument_get(s, in->url, in->version, id, &have, err);
	if (rc == 0) {
		if (have.len == len && memcmp(have.data, text, len) == 0) {
			*existed = 1;
		} else {
			wm_buf_clear(err);
			wm_buf_printf(err, "%s version %s is already loaded with "
			    "different content; give the changed instrument a "
			    "new version", in->url, in->version);
			rc = WM_STORE_CONFLICT;
		}
		goto done;
	}
	if (rc != WM_STORE_NOT_FOUND)
		goto done;
	if ((rc = wm_sq_tx_begin(s, &own, err)))
		goto done;
	wm_sq_now(s, now);
	if (!(st = wm_sq_stmt(s, ST_INSTRUMENT_ADD, err))) {
		rc = WM_STORE_ERROR;
		goto out;
	}
	wm_sq_text(st, 1, in->url);
	wm_sq_text(st, 2, in->version);
	wm_sq_text(st, 3, in->name);
	wm_sq_text(st, 4, in->title);
	wm_sq_text(st, 5, in->family);
	wm_q_textn(st, 6, text, len);
	wm_sq_text(st, 7, now);
	if ((rc = wm_sq_exec(s, st, "storing the instrument", err)))
		goto out;
	*id = wm_q_last_id(s);
	rc = put_parts(s, in, *id, err);
out:
	rc = wm_sq_tx_end(s, own, rc, err);
done:
	wm_buf_release(&have);
	return rc;
}

static int
get_content(struct wm_store *s, struct wm_q *st, int col, int64_t *id,
    struct wm_buf *text, const char *what, struct wm_buf *err)
{
	int rc = wm_q_step(st);

	if (rc == WM_Q_ROW) {
		if (id)
			*id = wm_q_col_int64(st, 0);
		wm_buf_clear(text);
		wm_buf_add(text, wm_q_col_text(st, col),
		    (size_t)wm_q_col_len(st, col));
		wm_q_reset(st);
		return text->failed ? WM_STORE_ERROR : 0;
	}
	wm_q_reset(st);
	if (rc != WM_Q_DONE)
		return wm_sq_fail(s, "reading the instrument", err);
	wm_buf_clear(err);
	wm_buf_printf(err, "instrument %s is not loaded (see 'waymark "
	    "instrument list')", what);
	return WM_STORE_NOT_FOUND;
}

int
wm_store_instrument_get(struct wm_store *s, const char *url,
    const char *version, int64_t *id, struct wm_buf *text, struct wm_buf *err)
{
	struct wm_buf what = WM_BUF_INIT;
	struct wm_q *st;
	int rc;

	if (!(st = wm_sq_query(s, ST_INSTRUMENT_GET, err)))
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, url);
	wm_sq_text(st, 2, version);
	wm_buf_printf(&what, "%s version %s", url, version);
	rc = get_content(s, st, 1, id, text, wm_buf_str(&what), err);
	wm_buf_release(&what);
	return rc;
}

/* Its text by id; `ready` when the schema must be current (every read
 * but the store's own, which a migration's last step may make). */
static int
get_id(struct wm_store *s, int64_t id, int ready, struct wm_buf *text,
    struct wm_buf *err)
{
	struct wm_q *st = ready ? wm_sq_query(s, ST_INSTRUMENT_GET_ID, err) :
	    wm_sq_stmt(s, ST_INSTRUMENT_GET_ID, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, id);
	return get_content(s, st, 0, NULL, text, "with that id", err);
}

int
wm_store_instrument_get_id(struct wm_store *s, int64_t id,
    struct wm_buf *text, struct wm_buf *err)
{
	return get_id(s, id, 1, text, err);
}

/* An instrument parsed on this connection, with the text it was parsed
 * from. A committed instrument is never changed or deleted, so one read
 * while this connection had written nothing stands for good; one read
 * inside a write might yet be rolled back, and is matched again only by
 * its text. */
struct wm_sq_parsed {
	int64_t id;
	int committed;
	char *text;
	size_t len;
	struct wm_instrument *in;
};

void
wm_sq_parsed_release(struct wm_store *s)
{
	size_t i;

	for (i = 0; i < s->n_parsed; i++) {
		wm_instrument_free(s->parsed[i].in);
		free(s->parsed[i].text);
	}
	free(s->parsed);
	s->parsed = NULL;
	s->n_parsed = 0;
}

static int
keep_parsed(struct wm_store *s, int64_t id, struct wm_buf *text,
    const struct wm_instrument **out, struct wm_buf *err)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_sq_parsed *more, *p;
	struct wm_instrument *in = NULL;
	int rc = WM_STORE_ERROR;

	more = realloc(s->parsed, (s->n_parsed + 1) * sizeof(*more));
	if (!more) {
		wm_buf_clear(err);
		wm_buf_puts(err, "out of memory reading an instrument");
		goto out;
	}
	s->parsed = more;
	if (wm_instrument_parse(text->data, text->len, &in, &d)) {
		wm_buf_clear(err);
		wm_buf_printf(err, "instrument %lld as stored cannot be read: "
		    "%s", (long long)id, d.n ? d.v[0].message : "unknown");
		goto out;
	}
	p = &s->parsed[s->n_parsed];
	p->id = id;
	p->committed = !wm_q_writing(s);
	p->len = text->len;
	if (!(p->text = wm_buf_detach(text))) {
		wm_instrument_free(in);
		wm_buf_clear(err);
		wm_buf_puts(err, "out of memory reading an instrument");
		goto out;
	}
	p->in = in;
	s->n_parsed++;
	*out = in;
	rc = 0;
out:
	wm_diags_release(&d);
	return rc;
}

static int
parsed(struct wm_store *s, int64_t id, int ready,
    const struct wm_instrument **out, struct wm_buf *err)
{
	struct wm_buf text = WM_BUF_INIT;
	size_t i;
	int rc;

	*out = NULL;
	for (i = 0; i < s->n_parsed; i++)
		if (s->parsed[i].id == id && s->parsed[i].committed) {
			*out = s->parsed[i].in;
			return 0;
		}
	if ((rc = get_id(s, id, ready, &text, err)))
		goto out;
	for (i = 0; i < s->n_parsed; i++) {
		const struct wm_sq_parsed *p = &s->parsed[i];

		if (p->id == id && p->len == text.len &&
		    memcmp(p->text, text.data, text.len) == 0) {
			*out = p->in;
			goto out;
		}
	}
	rc = keep_parsed(s, id, &text, out, err);
out:
	wm_buf_release(&text);
	return rc;
}

int
wm_store_instrument_parsed(struct wm_store *s, int64_t id,
    const struct wm_instrument **out, struct wm_buf *err)
{
	return parsed(s, id, 1, out, err);
}

int
wm_sq_instrument_parsed(struct wm_store *s, int64_t id,
    const struct wm_instrument **out, struct wm_buf *err)
{
	return parsed(s, id, 0, out, err);
}

struct latest_of {
	const char *url;
	int64_t id;
};

static int
latest_of_row(void *ctx, const struct wm_instrument_row *r)
{
	struct latest_of *l = ctx;

	if (strcmp(r->url, l->url) == 0 && r->id > l->id)
		l->id = r->id;
	return 0;
}

int
wm_store_instrument_current(struct wm_store *s, const char *url,
    const struct wm_instrument **out, struct wm_buf *err)
{
	struct latest_of l = { url, 0 };
	int rc;

	*out = NULL;
	if ((rc = wm_store_instrument_latest(s, latest_of_row, &l, err)) ||
	    !l.id)
		return rc;
	return wm_store_instrument_parsed(s, l.id, out, err);
}

struct instrument_each {
	int (*cb)(void *, const struct wm_instrument_row *);
	void *ctx;
};

static int
instrument_row(struct wm_q *st, void *arg)
{
	struct instrument_each *e = arg;
	struct wm_instrument_row row = { wm_q_col_int64(st, 0),
	    wm_sq_col(st, 1), wm_sq_col(st, 2), wm_sq_col(st, 3),
	    wm_sq_col(st, 4), wm_sq_col(st, 5), wm_q_col_int64(st, 6) };

	return e->cb(e->ctx, &row);
}

int
wm_store_instrument_list(struct wm_store *s,
    int (*cb)(void *, const struct wm_instrument_row *), void *ctx,
    struct wm_buf *err)
{
	struct instrument_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_INSTRUMENT_LIST, err);

	return st ? wm_sq_each(s, st, instrument_row, &e,
	    "listing instruments", err) : WM_STORE_ERROR;
}

int
wm_store_instrument_usage(struct wm_store *s,
    int (*cb)(void *, const struct wm_instrument_row *), void *ctx,
    struct wm_buf *err)
{
	struct instrument_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_INSTRUMENT_USAGE, err);

	return st ? wm_sq_each(s, st, instrument_row, &e,
	    "counting the instruments' responses", err) : WM_STORE_ERROR;
}

int
wm_store_instrument_latest(struct wm_store *s,
    int (*cb)(void *, const struct wm_instrument_row *), void *ctx,
    struct wm_buf *err)
{
	struct instrument_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_INSTRUMENT_LATEST, err);

	return st ? wm_sq_each(s, st, instrument_row, &e,
	    "listing instruments", err) : WM_STORE_ERROR;
}
