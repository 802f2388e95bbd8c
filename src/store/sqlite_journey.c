/*
 * A person's journey: their scores scale by scale, and for each measure
 * they have completed their first and latest answer to each question.
 * Each reads the person's own rows once, in the order given (through
 * the response_subject index, so it costs what their own record costs
 * in a network of any size; the choices one row per response, from
 * response_choices, migration 7), and takes the words from the parsed
 * instruments the store keeps (wm_store_instrument_parsed): a scale's
 * and an option's from the version answered, a question's, and the
 * order of questions and measures, from the measure's latest version.
 * The joining and ordering is done here in C because doing it in SQL
 * (joins to the instruments' tables, a sort of the rows) cost more than
 * the rest of the journey page together.
 */
#include "store/sqlite_internal.h"

#include <stdlib.h>
#include <string.h>

#include "util/arena.h"

/* A callback refused its rows: said as wm_sq_each says it. */
static void
unusable(struct wm_buf *err, const char *doing)
{
	wm_buf_clear(err);
	wm_buf_printf(err, "%s: the rows could not be used", doing);
}

/* One score, in the order given (seq). */
struct score {
	size_t seq;
	struct wm_score_row row;
};

struct scores {
	struct wm_store *s;
	struct wm_arena arena;
	struct score *v;
	size_t n, cap;
	struct wm_buf *err;
};

/* The latest version of each measure (the store keeps it), and how
 * many of the person's responses answered any of its questions. */
struct latest {
	const struct wm_instrument *in;
	int64_t id, responses;
};

/* One choice answer: to which question of which measure, and in what
 * order it was given (seq). */
struct choice {
	size_t measure;		/* index into the latest versions */
	int place;		/* in the latest version; -1: no longer asked */
	const char *link_id;	/* the question's (the store keeps it) */
	size_t seq;
	struct wm_item_answer_row a;
};

struct gather {
	struct wm_store *s;
	struct wm_arena arena;	/* dates and who, copied from the rows */
	struct choice *c;
	size_t n_c, cap_c;
	struct latest *l;
	size_t n_l, cap_l;
	struct wm_buf *err;
};

/* Room for one more in *v (of *n, *cap); NULL when out of memory. */
static void *
room(void **v, size_t *n, size_t *cap, size_t size)
{
	void *more;
	size_t c;

	if (*n == *cap) {
		c = *cap ? *cap * 2 : 32;
		if (!(more = realloc(*v, c * size)))
			return NULL;
		*v = more;
		*cap = c;
	}
	return (char *)*v + (*n)++ * size;
}

static int
score_row(sqlite3_stmt *st, void *arg)
{
	struct scores *x = arg;
	const struct wm_instrument *in;
	struct score *c;
	int64_t scale = sqlite3_column_int64(st, 1);

	if (wm_store_instrument_parsed(x->s, sqlite3_column_int64(st, 0), &in,
	    x->err))
		return -1;
	if (scale < 0 || (size_t)scale >= in->n_scales)
		return 0;	/* as a join would leave it out */
	if (!(c = room((void **)&x->v, &x->n, &x->cap, sizeof(*c))))
		return -1;
	c->seq = x->n - 1;
	c->row.scale = in->scales[scale].code;
	c->row.scale_title = in->scales[scale].title;
	c->row.authored = wm_arena_strdup(&x->arena, wm_sq_col(st, 2));
	c->row.value = sqlite3_column_double(st, 3);
	c->row.respondent = wm_arena_strdup(&x->arena, wm_sq_col(st, 4));
	return c->row.authored && c->row.respondent ? 0 : -1;
}

/* By scale code, each scale's in the order given. */
static int
by_scale(const void *a, const void *b)
{
	const struct score *x = a, *y = b;
	int d = strcmp(x->row.scale, y->row.scale);

	if (d == 0)
		d = x->seq < y->seq ? -1 : x->seq > y->seq;
	return d;
}

int
wm_store_person_scores(struct wm_store *s, int64_t person_id,
    int (*cb)(void *, const struct wm_score_row *), void *ctx,
    struct wm_buf *err)
{
	struct scores x;
	sqlite3_stmt *st;
	size_t i;
	int rc = WM_STORE_ERROR, stop = 0;

	memset(&x, 0, sizeof(x));
	x.s = s;
	x.err = err;
	if (!(st = wm_sq_query(s, ST_PERSON_SCORES, err)))
		goto out;
	sqlite3_bind_int64(st, 1, person_id);
	if (wm_sq_each(s, st, score_row, &x, "reading the scores", err))
		goto out;
	if (x.n > 1)
		qsort(x.v, x.n, sizeof(*x.v), by_scale);
	for (i = 0; i < x.n && stop == 0; i++)
		stop = cb(ctx, &x.v[i].row);
	rc = 0;
	if (stop < 0) {
		unusable(err, "reading the scores");
		rc = WM_STORE_ERROR;
	}
out:
	free(x.v);
	wm_arena_release(&x.arena);
	return rc;
}

/* The latest version of each url. */
static int
latest_row(sqlite3_stmt *st, void *arg)
{
	struct gather *g = arg;
	struct latest *l = room((void **)&g->l, &g->n_l, &g->cap_l,
	    sizeof(*l));

	if (!l)
		return -1;
	l->id = sqlite3_column_int64(st, 1);
	l->responses = 0;
	return wm_store_instrument_parsed(g->s, l->id, &l->in, g->err) ? -1 :
	    0;
}

/* Measures by title, then url. */
static int
by_title(const void *a, const void *b)
{
	const struct latest *x = a, *y = b;
	int d = strcmp(x->in->title, y->in->title);

	return d ? d : strcmp(x->in->url, y->in->url);
}

/* One "item:option" of a response's choices; NULL at the end or if
 * it is not one. */
static const char *
next_pair(const char *p, long *item, long *option)
{
	char *end;

	if (!p || !*p)
		return NULL;
	*item = strtol(p, &end, 10);
	if (*end != ':')
		return NULL;
	*option = strtol(end + 1, &end, 10);
	if (*end != ',' && *end != '\0')
		return NULL;
	return *end ? end + 1 : end;
}

/* Where a question of version `in` stands in the measure's latest
 * version: the same place when it is the latest, else found by linkId. */
static int
place_of(const struct latest *l, const struct wm_instrument *in,
    int64_t version, long item)
{
	if (version == l->id)
		return (int)item;
	return wm_instrument_find_item(l->in, in->items[item].link_id);
}

static int
add_choice(struct gather *g, size_t k, int place, const char *link_id,
    const struct wm_item_answer_row *a)
{
	struct choice *c = room((void **)&g->c, &g->n_c, &g->cap_c,
	    sizeof(*c));

	if (!c)
		return -1;
	c->measure = k;
	c->place = place;
	c->link_id = link_id;
	c->seq = g->n_c - 1;
	c->a = *a;
	return 0;
}

/* A response's choices, each an answer to a question of its measure.
 * One whose question or option is not in the version is left out, as a
 * join would leave it out. */
static int
choice_row(sqlite3_stmt *st, void *arg)
{
	struct gather *g = arg;
	const struct wm_instrument *in;
	struct wm_item_answer_row a;
	int64_t version = sqlite3_column_int64(st, 1);
	const char *p = wm_sq_col(st, 4);
	long item, option;
	size_t k, n = g->n_c;

	if (wm_store_instrument_parsed(g->s, version, &in, g->err))
		return -1;
	for (k = 0; k < g->n_l && strcmp(g->l[k].in->url, in->url) != 0; k++)
		continue;
	if (k == g->n_l)
		return 0;	/* loaded meanwhile: not in this snapshot */
	a.authored = wm_arena_strdup(&g->arena, wm_sq_col(st, 2));
	a.respondent = wm_arena_strdup(&g->arena, wm_sq_col(st, 3));
	if (!a.authored || !a.respondent)
		return -1;
	while ((p = next_pair(p, &item, &option)) != NULL) {
		const struct wm_option *op;

		if (item < 0 || (size_t)item >= in->n_items || option < 0 ||
		    (size_t)option >= in->items[item].n_options)
			continue;
		op = &in->items[item].options[option];
		a.display = op->display;
		a.has_value = op->scored;
		a.value = op->value;
		if (add_choice(g, k, place_of(&g->l[k], in, version, item),
		    in->items[item].link_id, &a))
			return -1;
	}
	if (g->n_c > n)
		g->l[k].responses++;
	return 0;
}

/* By measure (in title order), then question (in the latest version's
 * order; questions it no longer asks last, by linkId), then as given. */
static int
by_question(const void *a, const void *b)
{
	const struct choice *x = a, *y = b;
	int d;

	if (x->measure != y->measure)
		return x->measure < y->measure ? -1 : 1;
	if ((x->place < 0) != (y->place < 0))
		return x->place < 0 ? 1 : -1;
	if (x->place != y->place)
		return x->place < y->place ? -1 : 1;
	if (x->place < 0 && (d = strcmp(x->link_id, y->link_id)) != 0)
		return d;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
same_question(const struct choice *x, const struct choice *y)
{
	return x->measure == y->measure && x->place == y->place &&
	    (x->place >= 0 || strcmp(x->link_id, y->link_id) == 0);
}

/* Each question's run of answers as one row: its first and latest. 0,
 * more than 0 when cb stopped, less than 0 when it failed (err filled). */
static int
hand_on(struct gather *g, int (*cb)(void *, const struct wm_item_change_row *),
    void *ctx)
{
	size_t i, j;
	int rc;

	if (g->n_c > 1)
		qsort(g->c, g->n_c, sizeof(*g->c), by_question);
	for (i = 0; i < g->n_c; i = j) {
		const struct choice *c = &g->c[i];
		const struct latest *l = &g->l[c->measure];
		const char *text = c->place >= 0 ?
		    l->in->items[c->place].text : NULL;
		struct wm_item_change_row row;

		for (j = i + 1; j < g->n_c && same_question(&g->c[j], c); j++)
			continue;
		row = (struct wm_item_change_row){
			.url = l->in->url, .instrument_id = l->id,
			.title = l->in->title, .responses = l->responses,
			.link_id = c->link_id, .text = text ? text : c->link_id,
			.answers = (int64_t)(j - i),
			.first = c->a, .latest = g->c[j - 1].a,
		};
		if ((rc = cb(ctx, &row)) < 0)
			unusable(g->err, "reading the answers");
		if (rc)
			return rc;
	}
	return 0;
}

int
wm_store_person_item_changes(struct wm_store *s, int64_t person_id,
    int (*cb)(void *, const struct wm_item_change_row *), void *ctx,
    struct wm_buf *err)
{
	struct gather g;
	sqlite3_stmt *st;
	int rc = WM_STORE_ERROR, own = 0;

	memset(&g, 0, sizeof(g));
	g.s = s;
	g.err = err;
	/* One snapshot for both reads. */
	if (wm_sq_ready(s, err) || wm_sq_read_begin(s, &own, err))
		goto out;
	if (!(st = wm_sq_query(s, ST_INSTRUMENT_URL_LATEST, err)) ||
	    wm_sq_each(s, st, latest_row, &g, "reading the instruments", err))
		goto out;
	if (g.n_l > 1)
		qsort(g.l, g.n_l, sizeof(*g.l), by_title);
	if (!(st = wm_sq_query(s, ST_PERSON_CHOICES, err)))
		goto out;
	sqlite3_bind_int64(st, 1, person_id);
	if (wm_sq_each(s, st, choice_row, &g, "reading the answers", err))
		goto out;
	/* The rows are handed on with no statement running, so the
	 * callback may use the store. */
	wm_sq_read_end(s, own);
	own = 0;
	rc = hand_on(&g, cb, ctx) < 0 ? WM_STORE_ERROR : 0;
out:
	wm_sq_read_end(s, own);
	free(g.c);
	free(g.l);
	wm_arena_release(&g.arena);
	return rc;
}
