/*
 * The network's outcomes, kept at write time (migration 9; store.h,
 * "the network's outcomes"). A save notes each scored answer of a
 * completed response about a person (wm_sq_outcome_note); the flush,
 * just before the transaction commits, brings each noted person's rows
 * up to date from their own record, with the baseline sums of first
 * answers and the counts behind the paired-outcome rate.
 *
 * A series is a measure, scale and respondent (outcome_series, named
 * the first time anyone answers it). A person's rows are read through
 * their primary key. A series whose noted answers all come after its
 * latest row only moves on from that row: that is nearly every save, as
 * a form is answered today and an import comes in order. A noted answer
 * dated before the series' latest (a backdated one) has the series
 * worked out again from the person's own scores. Only rows that changed
 * are written. Answers are never changed or deleted, so the first answer
 * can only become a noted one; when it does, the old first's share of
 * the baseline sums is taken out (read back from its answers) and the
 * new one's put in.
 *
 * Notes wait in memory for the flush, as the running totals do, so an
 * import of many of a person's answers in one transaction writes each of
 * their rows once, and the baseline sums are written once per cell.
 */
#include "store/sql_internal.h"

#include <stdlib.h>
#include <string.h>

/* The running change to one baseline cell. */
struct oc_moments {
	int64_t n;
	double sum, sumsq;
	int touched;
};

/* The two kinds of respondent whose answers are outcomes. */
#define OC_RESPONDENTS 2

/* A scale as the notes need it, copied from its instrument: its code,
 * its items' linkIds, and for each respondent its series (0 until
 * looked up) and the change to its baseline cells: [0] the score, [1]
 * the complete answers' total, [2 + j] item j. */
struct oc_scale {
	const char *code;
	size_t n_items;
	const char **links;
	int64_t series[OC_RESPONDENTS];
	struct oc_moments *acc[OC_RESPONDENTS];
};

struct oc_instrument {
	int64_t id;
	const char *measure;	/* its family, else its url */
	struct oc_scale *scales;
	size_t n_scales;
};

/* One scored answer on one scale: noted at a save, or read back. */
struct oc_answer {
	int64_t person, series, response, unit;
	char authored[11];
	int quarter;		/* year * 4 + (n - 1) for "year-Qn" */
	double value;
	/* Noted only: */
	const char *measure, *respondent;
	struct oc_scale *def;
	double *items;		/* when every item of the scale was
				 * answered: their values */
};

/* One row of a series (table outcome). */
struct oc_row {
	int64_t series;
	int quarter, next;	/* next: -1 for none */
	char latest_date[11];
	int64_t unit, responses, first_response, latest_response;
	double first, latest;
};

struct oc_count {
	int64_t person, instrument;
};

/* A growable array, reused from one flush to the next. */
struct oc_vec {
	void *v;
	size_t n, cap;
};

struct wm_sq_outcomes {
	struct wm_arena arena;	/* instruments and notes, until the flush */
	struct oc_instrument **ins;
	size_t n_ins;
	struct oc_vec notes;	/* struct oc_answer */
	struct oc_vec counts;	/* struct oc_count */
	/* Scratch for one person at a time. */
	struct oc_vec old, now;	/* struct oc_row */
	struct oc_vec mine;	/* struct oc_answer */
	int mine_read;
};

/* A new element at the end of a, or NULL out of memory. */
static void *
push(struct oc_vec *a, size_t size)
{
	size_t c = a->cap ? a->cap * 2 : 64;
	void *more;

	if (a->n == a->cap) {
		if (!(more = realloc(a->v, c * size)))
			return NULL;
		a->v = more;
		a->cap = c;
	}
	return (char *)a->v + a->n++ * size;
}

static struct oc_answer *
answers_of(const struct oc_vec *a)
{
	return a->v;
}

static struct oc_row *
rows_of(const struct oc_vec *a)
{
	return a->v;
}

static int
no_memory(struct wm_buf *err)
{
	wm_buf_clear(err);
	wm_buf_puts(err, "out of memory keeping the network's outcomes");
	return WM_STORE_ERROR;
}

static int
respondent_index(const char *respondent)
{
	return strcmp(respondent, wm_respondent_name(WM_RESPONDENT_PERSON)) ==
	    0 ? 0 : 1;
}

/* The number of the quarter a day is in, as the rows keep it. */
static int
quarter_number(const struct wm_date *d)
{
	return d->year * 4 + (d->month - 1) / 3;
}

/* Drops what was noted, and the instruments copied for it. */
static void
clear(struct wm_sq_outcomes *o)
{
	wm_arena_release(&o->arena);
	free(o->ins);
	o->ins = NULL;
	o->n_ins = 0;
	o->notes.n = 0;
	o->counts.n = 0;
}

void
wm_sq_outcome_mark(const struct wm_store *s, size_t *notes, size_t *counts)
{
	*notes = s->outcomes ? s->outcomes->notes.n : 0;
	*counts = s->outcomes ? s->outcomes->counts.n : 0;
}

void
wm_sq_outcome_back(struct wm_store *s, size_t notes, size_t counts)
{
	struct wm_sq_outcomes *o = s->outcomes;

	/* What the dropped notes took from the arena goes at the flush. */
	if (o && o->notes.n > notes)
		o->notes.n = notes;
	if (o && o->counts.n > counts)
		o->counts.n = counts;
}

void
wm_sq_outcome_forget(struct wm_store *s)
{
	struct wm_sq_outcomes *o = s->outcomes;

	if (!o)
		return;
	clear(o);
	free(o->notes.v);
	free(o->counts.v);
	free(o->old.v);
	free(o->now.v);
	free(o->mine.v);
	free(o);
	s->outcomes = NULL;
}

static int
copy_scale(struct wm_arena *a, const struct wm_instrument *in,
    const struct wm_scale *sc, struct oc_scale *out)
{
	size_t j, k;

	out->code = wm_arena_strdup(a, sc->code);
	out->n_items = sc->n_items;
	out->links = wm_arena_calloc(a, sc->n_items + 1, sizeof(*out->links));
	if (!out->code || !out->links)
		return -1;
	for (j = 0; j < sc->n_items; j++)
		if (!(out->links[j] = wm_arena_strdup(a,
		    in->items[sc->items[j]].link_id)))
			return -1;
	for (k = 0; k < OC_RESPONDENTS; k++)
		if (!(out->acc[k] = wm_arena_calloc(a, sc->n_items + 2,
		    sizeof(*out->acc[k]))))
			return -1;
	return 0;
}

/* The copy of instrument `id` (whose parsed form is `in`), made on first
 * use; NULL out of memory. */
static struct oc_instrument *
instrument(struct wm_sq_outcomes *o, int64_t id, const struct wm_instrument *in)
{
	struct oc_instrument *c, **more;
	size_t i;

	for (i = 0; i < o->n_ins; i++)
		if (o->ins[i]->id == id)
			return o->ins[i];
	if (!(more = realloc(o->ins, (o->n_ins + 1) * sizeof(*more))))
		return NULL;
	o->ins = more;
	c = wm_arena_calloc(&o->arena, 1, sizeof(*c));
	if (!c)
		return NULL;
	c->id = id;
	c->measure = wm_arena_strdup(&o->arena, in->family ? in->family :
	    in->url);
	c->n_scales = in->n_scales;
	c->scales = wm_arena_calloc(&o->arena, in->n_scales + 1,
	    sizeof(*c->scales));
	if (!c->measure || !c->scales)
		return NULL;
	for (i = 0; i < in->n_scales; i++)
		if (copy_scale(&o->arena, in, &in->scales[i], &c->scales[i]))
			return NULL;
	o->ins[o->n_ins++] = c;
	return c;
}

static struct wm_sq_outcomes *
keeper(struct wm_store *s)
{
	if (!s->outcomes)
		s->outcomes = calloc(1, sizeof(*s->outcomes));
	return s->outcomes;
}

/* The values of scale i's items in r, when every one was answered. */
static double *
item_values(struct wm_arena *a, const struct wm_response *r, size_t i)
{
	const struct wm_scale *sc = &r->in->scales[i];
	double *v;
	size_t j;

	if (r->scores[i].answered != sc->n_items ||
	    !(v = wm_arena_calloc(a, sc->n_items + 1, sizeof(*v))))
		return NULL;
	for (j = 0; j < sc->n_items; j++)
		if (!wm_scale_item_value(r->in, sc, j, r->answers, &v[j]))
			return NULL;
	return v;
}

static int
note_scale(struct wm_sq_outcomes *o, const struct wm_response *r,
    const struct wm_response_ids *ids, struct oc_instrument *c,
    int64_t response_id, size_t i)
{
	struct oc_answer *a = push(&o->notes, sizeof(*a));

	if (!a)
		return -1;
	memset(a, 0, sizeof(*a));
	a->person = ids->subject_id;
	a->response = response_id;
	a->unit = ids->unit_id;
	a->measure = c->measure;
	a->def = &c->scales[i];
	a->respondent = wm_respondent_name(r->respondent);
	wm_date_format(&r->authored, a->authored);
	a->quarter = quarter_number(&r->authored);
	a->value = r->scores[i].value;
	a->items = item_values(&o->arena, r, i);
	return 0;
}

int
wm_sq_outcome_note(struct wm_store *s, const struct wm_response *r,
    const struct wm_response_ids *ids, int64_t response_id,
    struct wm_buf *err)
{
	struct wm_sq_outcomes *o;
	struct oc_instrument *c;
	struct oc_count *k;
	size_t i, scored = 0;

	if (r->status != WM_STATUS_COMPLETED ||
	    r->subject.kind != WM_SUBJECT_PERSON)
		return 0;
	for (i = 0; i < r->in->n_scales; i++)
		scored += r->scores[i].has_value != 0;
	if (scored == 0)
		return 0;
	if (!(o = keeper(s)) || !(k = push(&o->counts, sizeof(*k))))
		return no_memory(err);
	k->person = ids->subject_id;
	k->instrument = ids->instrument_id;
	/* Staff-rated answers are not outcomes. */
	if (r->respondent != WM_RESPONDENT_PERSON &&
	    r->respondent != WM_RESPONDENT_WITH_PRACTITIONER)
		return 0;
	if (!(c = instrument(o, ids->instrument_id, r->in)))
		return no_memory(err);
	for (i = 0; i < r->in->n_scales && i < c->n_scales; i++)
		if (r->scores[i].has_value && note_scale(o, r, ids, c,
		    response_id, i))
			return no_memory(err);
	return 0;
}

/* --- the flush --------------------------------------------------------- */

static int
cmp_count(const void *a, const void *b)
{
	const struct oc_count *x = a, *y = b;

	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	return (x->instrument > y->instrument) - (x->instrument < y->instrument);
}

/* Each person's scored responses to each instrument, added once. */
static int
write_counts(struct wm_store *s, struct oc_vec *counts, struct wm_buf *err)
{
	struct oc_count *c = counts->v;
	struct wm_q *st;
	size_t i, j, n = counts->n;
	int rc = 0;

	if (n == 0)
		return 0;
	qsort(c, n, sizeof(*c), cmp_count);
	for (i = 0; i < n && rc == 0; i = j) {
		for (j = i + 1; j < n && cmp_count(&c[i], &c[j]) == 0; j++)
			continue;
		if (!(st = wm_sq_stmt(s, ST_OUTCOME_COUNT_ADD, err)))
			return WM_STORE_ERROR;
		wm_q_int64(st, 1, c[i].person);
		wm_q_int64(st, 2, c[i].instrument);
		wm_q_int64(st, 3, (int64_t)(j - i));
		rc = wm_sq_exec(s, st, "counting a person's responses", err);
	}
	return rc;
}

/* When, as a series orders answers: by date, then as recorded. */
static int
cmp_when(const char *date, int64_t response, const char *date2,
    int64_t response2)
{
	int c = strcmp(date, date2);

	if (c)
		return c;
	return (response > response2) - (response < response2);
}

static int
cmp_int(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

/* By person, series, then when. */
static int
cmp_note(const void *a, const void *b)
{
	const struct oc_answer *x = a, *y = b;
	int c = cmp_int(x->person, y->person);

	if (c == 0)
		c = cmp_int(x->series, y->series);
	return c ? c : cmp_when(x->authored, x->response, y->authored,
	    y->response);
}

static void
copy_text(char *dst, size_t n, const char *src)
{
	size_t len = src ? strlen(src) : 0;

	if (len >= n)
		len = n - 1;
	memcpy(dst, src ? src : "", len);
	dst[len] = '\0';
}

static int
old_row(struct wm_q *st, void *ctx)
{
	struct wm_sq_outcomes *o = ctx;
	struct oc_row *row = push(&o->old, sizeof(*row));

	if (!row)
		return -1;
	row->series = wm_q_col_int64(st, 0);
	row->quarter = wm_q_col_int(st, 1);
	row->unit = wm_q_col_int64(st, 2);
	row->responses = wm_q_col_int64(st, 3);
	row->first = wm_q_col_double(st, 4);
	row->latest = wm_q_col_double(st, 5);
	row->next = wm_q_col_null(st, 6) ? -1 :
	    wm_q_col_int(st, 6);
	row->first_response = wm_q_col_int64(st, 7);
	copy_text(row->latest_date, sizeof(row->latest_date), wm_sq_col(st, 8));
	row->latest_response = wm_q_col_int64(st, 9);
	return 0;
}

/* The person's rows, every series's, in order of series and quarter. */
static int
read_rows(struct wm_store *s, struct wm_sq_outcomes *o, int64_t person,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_stmt(s, ST_OUTCOME_ROWS, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, person);
	return wm_sq_each(s, st, old_row, o, "reading a person's outcomes",
	    err);
}

struct mine_ctx {
	struct wm_sq_outcomes *o;
	int64_t person;
};

static int
mine_row(struct wm_q *st, void *ctx)
{
	struct mine_ctx *m = ctx;
	struct oc_answer *a = push(&m->o->mine, sizeof(*a));
	struct wm_date d;

	if (!a)
		return -1;
	memset(a, 0, sizeof(*a));
	a->person = m->person;
	a->series = wm_q_col_int64(st, 0);
	copy_text(a->authored, sizeof(a->authored), wm_sq_col(st, 1));
	a->response = wm_q_col_int64(st, 2);
	a->unit = wm_q_col_int64(st, 3);
	a->value = wm_q_col_double(st, 4);
	if (wm_date_parse(a->authored, &d))
		return -1;
	a->quarter = quarter_number(&d);
	return 0;
}

/* The person's own scored answers that are outcomes, read once, in
 * order of series and when. */
static int
read_mine(struct wm_store *s, struct wm_sq_outcomes *o, int64_t person,
    struct wm_buf *err)
{
	struct mine_ctx m = { o, person };
	struct wm_q *st;

	if (o->mine_read)
		return 0;
	if (!(st = wm_sq_stmt(s, ST_OUTCOME_SCORES, err)))
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, person);
	o->mine_read = 1;
	return wm_sq_each(s, st, mine_row, &m, "reading a person's scores",
	    err);
}

/* Adds one answer to a series' rows, which end at the latest before it:
 * a new quarter has a row of its own (and the row before learns when
 * the next answer came); in the same quarter, the answer is the latest. */
static int
series_add(struct oc_vec *rows, const struct oc_answer *a)
{
	struct oc_row *row = rows->n ? &rows_of(rows)[rows->n - 1] : NULL, *cur;

	if (row && row->quarter == a->quarter) {
		row->responses++;
	} else {
		if (!(row = push(rows, sizeof(*row))))
			return -1;
		memset(row, 0, sizeof(*row));
		cur = rows->n > 1 ? row - 1 : NULL;
		if (cur) {
			cur->next = a->quarter;
			row->first = cur->first;
			row->first_response = cur->first_response;
			row->responses = cur->responses + 1;
		} else {
			row->first = a->value;
			row->first_response = a->response;
			row->responses = 1;
		}
		row->series = a->series;
		row->quarter = a->quarter;
		row->next = -1;
	}
	row->unit = a->unit;
	row->latest = a->value;
	row->latest_response = a->response;
	memcpy(row->latest_date, a->authored, sizeof(row->latest_date));
	return 0;
}

static int
same_row(const struct oc_row *x, const struct oc_row *y)
{
	return x->unit == y->unit && x->responses == y->responses &&
	    x->first == y->first && x->latest == y->latest &&
	    x->first_response == y->first_response &&
	    x->latest_response == y->latest_response && x->next == y->next &&
	    strcmp(x->latest_date, y->latest_date) == 0;
}

static void
bind_key(struct wm_q *st, int64_t person, const struct oc_row *r)
{
	wm_q_int64(st, 1, person);
	wm_q_int64(st, 2, r->series);
	wm_q_int(st, 3, r->quarter);
}

/* A new row (ST_OUTCOME_ADD), or a row that changed (ST_OUTCOME_SET). */
static int
put_row(struct wm_store *s, enum stmt how, int64_t person,
    const struct oc_row *r, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_stmt(s, how, err);

	if (!st)
		return WM_STORE_ERROR;
	bind_key(st, person, r);
	wm_q_int64(st, 4, r->unit);
	wm_q_int64(st, 5, r->responses);
	wm_q_double(st, 6, r->first);
	wm_q_double(st, 7, r->latest);
	if (r->next >= 0)
		wm_q_int(st, 8, r->next);
	wm_q_int64(st, 9, r->first_response);
	wm_q_text_static(st, 10, r->latest_date, strlen(r->latest_date));
	wm_q_int64(st, 11, r->latest_response);
	return wm_sq_exec(s, st, "keeping a person's outcomes", err);
}

static int
drop_row(struct wm_store *s, int64_t person, const struct oc_row *r,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_stmt(s, ST_OUTCOME_DROP, err);

	if (!st)
		return WM_STORE_ERROR;
	bind_key(st, person, r);
	return wm_sq_exec(s, st, "keeping a person's outcomes", err);
}

/* Writes the rows of `now` that differ from `old` (both of one series,
 * in order of quarter): new ones added (ST_OUTCOME_ADD), changed ones
 * set (ST_OUTCOME_SET), and old rows that are no more removed. */
static int
write_series(struct wm_store *s, int64_t person, const struct oc_row *old,
    size_t n_old, const struct oc_row *now, size_t n_now, struct wm_buf *err)
{
	size_t i = 0, j = 0;
	int c, rc = 0;

	while (rc == 0 && (i < n_old || j < n_now)) {
		c = i == n_old ? 1 : j == n_now ? -1 :
		    cmp_int(old[i].quarter, now[j].quarter);
		if (c < 0)
			rc = drop_row(s, person, &old[i++], err);
		else if (c > 0)
			rc = put_row(s, ST_OUTCOME_ADD, person, &now[j++], err);
		else if (!same_row(&old[i++], &now[j++]))
			rc = put_row(s, ST_OUTCOME_SET, person, &now[j - 1],
			    err);
	}
	return rc;
}

/* One first answer's share of the baseline sums, put in (sign 1) or
 * taken out (-1): its score, and when every item was answered, each
 * item's value and their total. */
static void
share(struct oc_scale *def, const char *respondent, double value,
    const double *items, int sign)
{
	struct oc_moments *m = def->acc[respondent_index(respondent)];
	double total = 0;
	size_t j;

	m[0].n += sign;
	m[0].sum += sign * value;
	m[0].sumsq += sign * value * value;
	m[0].touched = 1;
	if (!items)
		return;
	for (j = 0; j < def->n_items; j++) {
		m[2 + j].n += sign;
		m[2 + j].sum += sign * items[j];
		m[2 + j].sumsq += sign * items[j] * items[j];
		m[2 + j].touched = 1;
		total += items[j];
	}
	m[1].n += sign;
	m[1].sum += sign * total;
	m[1].sumsq += sign * total * total;
	m[1].touched = 1;
}

/* A stored response's answers, as read back: its instrument, and the
 * option chosen for each choice item. */
struct oc_choice {
	int64_t item;
	int option;
};

struct stored {
	int64_t instrument;
	struct oc_vec chosen;	/* struct oc_choice */
};

static int
stored_row(struct wm_q *st, void *ctx)
{
	struct stored *x = ctx;
	struct oc_choice *c;

	x->instrument = wm_q_col_int64(st, 0);
	if (wm_q_col_null(st, 2))
		return 0;
	if (!(c = push(&x->chosen, sizeof(*c))))
		return -1;
	c->item = wm_q_col_int64(st, 1);
	c->option = wm_q_col_int(st, 2);
	return 0;
}

/* A stored response's share of the baseline sums for one scale (by its
 * code), read back from its answers: taken out when it is first no
 * more, or put in when the new first was not noted here. */
static int
stored_share(struct wm_store *s, struct wm_sq_outcomes *o, int64_t response,
    const char *scale, const char *respondent, double value, int sign,
    struct wm_buf *err)
{
	struct stored x = { 0, { NULL, 0, 0 } };
	const struct wm_instrument *in = NULL;
	const struct oc_choice *chosen;
	struct wm_answer *answers = NULL;
	struct oc_instrument *c;
	double *items = NULL;
	struct wm_q *st;
	size_t i, j;
	int rc;

	if (!(st = wm_sq_stmt(s, ST_OUTCOME_ANSWERS, err)))
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, response);
	if ((rc = wm_sq_each(s, st, stored_row, &x, "reading a first answer",
	    err)) || (rc = wm_store_instrument_parsed(s, x.instrument, &in,
	    err)))
		goto out;
	if (!(c = instrument(o, x.instrument, in)) ||
	    !(answers = calloc(in->n_items + 1, sizeof(*answers)))) {
		rc = no_memory(err);
		goto out;
	}
	chosen = x.chosen.v;
	for (i = 0; i < x.chosen.n; i++)
		if (chosen[i].item >= 0 && (size_t)chosen[i].item < in->n_items) {
			answers[chosen[i].item].given = 1;
			answers[chosen[i].item].option = chosen[i].option;
		}
	for (i = 0; i < c->n_scales && strcmp(c->scales[i].code, scale); i++)
		continue;
	if (i == c->n_scales) {
		wm_buf_clear(err);
		wm_buf_printf(err, "response %lld has no scale '%s'",
		    (long long)response, scale);
		rc = WM_STORE_ERROR;
		goto out;
	}
	if (!(items = calloc(c->scales[i].n_items + 1, sizeof(*items)))) {
		rc = no_memory(err);
		goto out;
	}
	for (j = 0; j < c->scales[i].n_items; j++)
		if (!wm_scale_item_value(in, &in->scales[i], j, answers,
		    &items[j]))
			break;
	share(&c->scales[i], respondent, value,
	    j == c->scales[i].n_items ? items : NULL, sign);
out:
	free(items);
	free(answers);
	free(x.chosen.v);
	return rc;
}

/* The series' first answer changed (or it is new): the baseline sums
 * move from the old first to the new. The notes (of this series) name
 * its scale and respondent. */
static int
move_first(struct wm_store *s, struct wm_sq_outcomes *o,
    const struct oc_row *old, size_t n_old, const struct oc_answer *notes,
    size_t n, struct wm_buf *err)
{
	const struct oc_row *now = rows_of(&o->now);
	const char *scale = notes[0].def->code, *who = notes[0].respondent;
	size_t i;
	int rc;

	if (n_old && old[0].first_response == now->first_response)
		return 0;
	if (n_old && (rc = stored_share(s, o, old[0].first_response, scale,
	    who, old[0].first, -1, err)))
		return rc;
	for (i = 0; i < n; i++)
		if (notes[i].response == now->first_response) {
			share(notes[i].def, who, now->first, notes[i].items, 1);
			return 0;
		}
	return stored_share(s, o, now->first_response, scale, who, now->first,
	    1, err);
}

/* One series of a person's answers, with its noted answers (in order)
 * and its rows as they were (in order of quarter). */
static int
keep_series(struct wm_store *s, struct wm_sq_outcomes *o,
    const struct oc_row *old, size_t n_old, const struct oc_answer *notes,
    size_t n, struct wm_buf *err)
{
	const struct oc_answer *from = notes;
	int64_t person = notes[0].person, series = notes[0].series;
	size_t i, m = n;
	int rc;

	o->now.n = 0;
	if (n_old == 0 || cmp_when(notes[0].authored, notes[0].response,
	    old[n_old - 1].latest_date, old[n_old - 1].latest_response) > 0) {
		/* Answers after the latest: the rows move on from it. */
		for (i = 0; i < n_old; i++)
			if (!push(&o->now, sizeof(*old)))
				return no_memory(err);
		if (n_old)
			memcpy(o->now.v, old, n_old * sizeof(*old));
	} else {
		/* A backdated answer: the series again, from their scores. */
		if ((rc = read_mine(s, o, person, err)))
			return rc;
		from = answers_of(&o->mine);
		for (i = 0; i < o->mine.n && from[i].series != series; i++)
			continue;
		from += i;
		for (m = 0; i + m < o->mine.n && from[m].series == series; m++)
			continue;
	}
	for (i = 0; i < m; i++)
		if (series_add(&o->now, &from[i]))
			return no_memory(err);
	if ((rc = write_series(s, person, old, n_old, rows_of(&o->now),
	    o->now.n, err)) || o->now.n == 0)
		return rc;
	return move_first(s, o, old, n_old, notes, n, err);
}

/* One person's rows, with the answers noted for them (in order of
 * series and when). */
static int
keep_person(struct wm_store *s, struct wm_sq_outcomes *o,
    const struct oc_answer *notes, size_t n, struct wm_buf *err)
{
	const struct oc_row *old;
	size_t i, j, p = 0, q;
	int rc;

	o->old.n = 0;
	o->mine.n = 0;
	o->mine_read = 0;
	if ((rc = read_rows(s, o, notes[0].person, err)))
		return rc;
	old = rows_of(&o->old);
	for (i = 0; i < n && rc == 0; i = j) {
		for (j = i + 1; j < n && notes[j].series == notes[i].series;
		    j++)
			continue;
		while (p < o->old.n && old[p].series < notes[i].series)
			p++;
		for (q = p; q < o->old.n && old[q].series == notes[i].series;
		    q++)
			continue;
		rc = keep_series(s, o, old + p, q - p, notes + i, j - i, err);
		p = q;
	}
	return rc;
}

/* The series a note belongs to, made the first time anyone answers it. */
static int
series_of(struct wm_store *s, struct oc_answer *a, struct wm_buf *err)
{
	int64_t *id = &a->def->series[respondent_index(a->respondent)];
	struct wm_q *st;
	int rc, k;

	for (k = 0; *id == 0 && k < 2; k++) {
		if (!(st = wm_sq_stmt(s, k ? ST_SERIES_ADD : ST_SERIES_FIND,
		    err)))
			return WM_STORE_ERROR;
		wm_sq_text(st, 1, a->measure);
		wm_sq_text(st, 2, a->def->code);
		wm_sq_text(st, 3, a->respondent);
		rc = k ? wm_sq_exec(s, st, "naming a series of outcomes", err) :
		    wm_sq_one_id(s, st, id, "finding a series of outcomes", err);
		if (k && rc == 0)
			*id = wm_q_last_id(s);
		if (rc && rc != WM_STORE_NOT_FOUND)
			return rc;
	}
	a->series = *id;
	return 0;
}

static int
keep_people(struct wm_store *s, struct wm_sq_outcomes *o, struct wm_buf *err)
{
	struct oc_answer *v = o->notes.v;
	size_t i, j, n = o->notes.n;
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++)
		rc = series_of(s, &v[i], err);
	if (rc || n == 0)
		return rc;
	qsort(v, n, sizeof(*v), cmp_note);
	for (i = 0; i < n && rc == 0; i = j) {
		for (j = i + 1; j < n && v[j].person == v[i].person; j++)
			continue;
		rc = keep_person(s, o, v + i, j - i, err);
	}
	return rc;
}

static int
write_sum(struct wm_store *s, const char *measure, const struct oc_scale *sc,
    int respondent, size_t cell, struct wm_buf *err)
{
	const struct oc_moments *m = &sc->acc[respondent][cell];
	struct wm_q *st;

	if (!m->touched)
		return 0;
	if (!(st = wm_sq_stmt(s, ST_BASELINE_ADD, err)))
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, measure);
	wm_sq_text(st, 2, sc->code);
	wm_sq_text(st, 3, wm_respondent_name(respondent == 0 ?
	    WM_RESPONDENT_PERSON : WM_RESPONDENT_WITH_PRACTITIONER));
	wm_q_int(st, 4, cell < 2 ? (int)cell : 2);
	wm_sq_text(st, 5, cell < 2 ? "" : sc->links[cell - 2]);
	wm_q_int64(st, 6, m->n);
	wm_q_double(st, 7, m->sum);
	wm_q_double(st, 8, m->sumsq);
	return wm_sq_exec(s, st, "keeping the baseline sums", err);
}

static int
write_sums(struct wm_store *s, struct wm_sq_outcomes *o, struct wm_buf *err)
{
	size_t i, j, cell;
	int k, rc = 0;

	for (i = 0; i < o->n_ins; i++)
		for (j = 0; j < o->ins[i]->n_scales; j++)
			for (k = 0; k < OC_RESPONDENTS; k++)
				for (cell = 0; rc == 0 && cell <
				    o->ins[i]->scales[j].n_items + 2; cell++)
					rc = write_sum(s, o->ins[i]->measure,
					    &o->ins[i]->scales[j], k, cell, err);
	return rc;
}

int
wm_sq_outcome_flush(struct wm_store *s, struct wm_buf *err)
{
	struct wm_sq_outcomes *o = s->outcomes;
	int rc;

	if (!o || (o->counts.n == 0 && o->notes.n == 0))
		return 0;
	rc = write_counts(s, &o->counts, err);
	if (rc == 0)
		rc = keep_people(s, o, err);
	if (rc == 0)
		rc = write_sums(s, o, err);
	clear(o);
	return rc;
}
