/*
 * A person's journey: their scores, scale by scale, and for each measure
 * they have completed their first and latest answer to each question.
 * Both come from one read of the person's own responses, in the order
 * given, each with its choices and scores in one row (response_choices,
 * migration 8), through the response_subject index: so the journey
 * costs what the person's own record costs in a network of any size.
 * The words come from the parsed instruments the store keeps
 * (wm_store_instrument_parsed): a scale's and an option's from the
 * version answered, a question's, and the order of questions and
 * measures, from the measure's latest version. That is done here in C
 * because doing it in SQL (joins to the instruments' tables and the
 * score table, a sort of the rows) cost more than the rest of the
 * journey page together.
 */
#include "store/sql_internal.h"

#include <stdlib.h>
#include <string.h>

#include "util/arena.h"

/* One score, in the order given (seq). */
struct score {
	size_t seq;
	struct wm_score_row row;
};

/* One question of a measure: how often it was answered, and the first
 * and the latest answer. */
struct question {
	const char *link_id;	/* the store keeps it */
	int64_t answers;
	struct wm_item_answer_row first, latest;
};

/* The latest version of each measure (the store keeps it), and what the
 * person answered of it: a slot for each of its items, in its order, and
 * the questions it no longer asks. */
struct latest {
	const struct wm_instrument *in;
	int64_t id, responses;
	struct question *q;	/* in->n_items of them, once answered */
	struct question *gone;
	size_t n_gone, cap_gone;
};

struct gather {
	struct wm_store *s;
	int scores, items;	/* what is wanted */
	struct wm_arena arena;	/* dates and who, copied from the rows */
	struct score *v;
	size_t n_v, cap_v;
	struct latest *l;
	size_t n_l, cap_l;
	struct {
		int64_t version;
		size_t measure;
	} known[8];		/* versions seen, and their measures */
	size_t n_known;
	struct wm_buf *err;
};

/* A callback refused its rows: said as wm_sq_each says it. */
static void
unusable(struct wm_buf *err, const char *doing)
{
	wm_buf_clear(err);
	wm_buf_printf(err, "%s: the rows could not be used", doing);
}

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

/* The latest version of each url. */
static int
latest_row(struct wm_q *st, void *arg)
{
	struct gather *g = arg;
	struct latest *l = room((void **)&g->l, &g->n_l, &g->cap_l,
	    sizeof(*l));

	if (!l)
		return -1;
	memset(l, 0, sizeof(*l));
	l->id = wm_q_col_int64(st, 1);
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

/* The measure (index into g->l) of version `in`; g->n_l if none. */
static size_t
measure_of(struct gather *g, int64_t version, const struct wm_instrument *in)
{
	size_t k;

	for (k = 0; k < g->n_known; k++)
		if (g->known[k].version == version)
			return g->known[k].measure;
	for (k = 0; k < g->n_l && strcmp(g->l[k].in->url, in->url) != 0; k++)
		continue;
	if (g->n_known < sizeof(g->known) / sizeof(g->known[0])) {
		g->known[g->n_known].version = version;
		g->known[g->n_known++].measure = k;
	}
	return k;
}

/* One "index:number" of a row's list (response_choices), the number as
 * long or double: sql_internal.h. */
const char *
wm_sq_next_pair(const char *p, long *index, long *n, double *d)
{
	char *end;

	if (!p || !*p)
		return NULL;
	*index = strtol(p, &end, 10);
	if (*end != ':')
		return NULL;
	if (d)
		*d = strtod(end + 1, &end);
	else
		*n = strtol(end + 1, &end, 10);
	if (*end != ',' && *end != '\0')
		return NULL;
	return *end ? end + 1 : end;
}

/* A response's scores, each a point on its scale. One whose scale is not
 * in the version is left out, as a join would leave it out. */
static int
add_scores(struct gather *g, const struct wm_instrument *in,
    const struct wm_item_answer_row *a, const char *p)
{
	struct score *c;
	long scale;
	double value;

	while ((p = wm_sq_next_pair(p, &scale, NULL, &value)) != NULL) {
		if (scale < 0 || (size_t)scale >= in->n_scales)
			continue;
		if (!(c = room((void **)&g->v, &g->n_v, &g->cap_v, sizeof(*c))))
			return -1;
		c->seq = g->n_v - 1;
		c->row.scale = in->scales[scale].code;
		c->row.scale_title = in->scales[scale].title;
		c->row.authored = a->authored;
		c->row.value = value;
		c->row.respondent = a->respondent;
	}
	return 0;
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

/* The question's slot in measure l: its place in the latest version, or
 * one among those it no longer asks; NULL when out of memory. */
static struct question *
slot(struct latest *l, int place, const char *link_id)
{
	struct question *q;
	size_t i;

	if (place >= 0) {
		if (!l->q && !(l->q = calloc(l->in->n_items, sizeof(*l->q))))
			return NULL;
		q = &l->q[place];
	} else {
		for (i = 0; i < l->n_gone &&
		    strcmp(l->gone[i].link_id, link_id) != 0; i++)
			continue;
		if (i < l->n_gone)
			return &l->gone[i];
		if (!(q = room((void **)&l->gone, &l->n_gone, &l->cap_gone,
		    sizeof(*q))))
			return NULL;
		memset(q, 0, sizeof(*q));
	}
	q->link_id = link_id;
	return q;
}

/* A response's choices, each an answer to a question of its measure:
 * the rows come in the order given, so a question's first answer is the
 * first to reach its slot and its latest the last. One whose question or
 * option is not in the version is left out, as a join would leave it
 * out. */
static int
add_choices(struct gather *g, int64_t version, const struct wm_instrument *in,
    struct wm_item_answer_row a, const char *p)
{
	struct question *q;
	long item, option;
	size_t k;
	int any = 0;

	if ((k = measure_of(g, version, in)) == g->n_l)
		return 0;	/* loaded meanwhile: not in this snapshot */
	while ((p = wm_sq_next_pair(p, &item, &option, NULL)) != NULL) {
		const struct wm_option *op;

		if (item < 0 || (size_t)item >= in->n_items || option < 0 ||
		    (size_t)option >= in->items[item].n_options)
			continue;
		op = &in->items[item].options[option];
		a.display = op->display;
		a.has_value = op->scored;
		a.value = op->value;
		if (!(q = slot(&g->l[k], place_of(&g->l[k], in, version, item),
		    in->items[item].link_id)))
			return -1;
		if (q->answers++ == 0)
			q->first = a;
		q->latest = a;
		any = 1;
	}
	g->l[k].responses += any;
	return 0;
}

static int
response_row(struct wm_q *st, void *arg)
{
	struct gather *g = arg;
	const struct wm_instrument *in;
	struct wm_item_answer_row a = { 0 };
	int64_t version = wm_q_col_int64(st, 1);

	if (wm_store_instrument_parsed(g->s, version, &in, g->err))
		return -1;
	a.authored = wm_arena_strdup(&g->arena, wm_sq_col(st, 2));
	a.respondent = wm_arena_strdup(&g->arena, wm_sq_col(st, 3));
	if (!a.authored || !a.respondent)
		return -1;
	if (g->scores && add_scores(g, in, &a, wm_sq_col(st, 5)))
		return -1;
	return g->items ? add_choices(g, version, in, a, wm_sq_col(st, 4)) :
	    0;
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

/* The scores, by scale: 0, more than 0 when cb stopped, less than 0
 * when it failed (err filled). */
static int
hand_on_scores(struct gather *g, int (*cb)(void *, const struct wm_score_row *),
    void *ctx)
{
	size_t i;
	int rc = 0;

	if (g->n_v > 1)
		qsort(g->v, g->n_v, sizeof(*g->v), by_scale);
	for (i = 0; i < g->n_v && rc == 0; i++)
		rc = cb(ctx, &g->v[i].row);
	if (rc < 0)
		unusable(g->err, "reading the scores");
	return rc;
}

static int
by_link(const void *a, const void *b)
{
	return strcmp(((const struct question *)a)->link_id,
	    ((const struct question *)b)->link_id);
}

/* One question's row, handed to cb; as hand_on_scores. */
static int
hand_on(struct gather *g, const struct latest *l, const struct question *q,
    int place, int (*cb)(void *, const struct wm_item_change_row *),
    void *ctx)
{
	const char *text = place >= 0 ? l->in->items[place].text : NULL;
	struct wm_item_change_row row = {
		.url = l->in->url, .instrument_id = l->id,
		.title = l->in->title, .responses = l->responses,
		.link_id = q->link_id, .text = text ? text : q->link_id,
		.place = place, .answers = q->answers,
		.first = q->first, .latest = q->latest,
	};
	int rc = cb(ctx, &row);

	if (rc < 0)
		unusable(g->err, "reading the answers");
	return rc;
}

/* Each measure in title order, its questions in its latest version's
 * order and then those it no longer asks, by linkId; as hand_on. */
static int
hand_on_items(struct gather *g,
    int (*cb)(void *, const struct wm_item_change_row *), void *ctx)
{
	size_t k, i;
	int rc = 0;

	for (k = 0; k < g->n_l && rc == 0; k++) {
		struct latest *l = &g->l[k];

		for (i = 0; l->q && i < l->in->n_items && rc == 0; i++)
			if (l->q[i].answers)
				rc = hand_on(g, l, &l->q[i], (int)i, cb, ctx);
		if (l->n_gone > 1)
			qsort(l->gone, l->n_gone, sizeof(*l->gone), by_link);
		for (i = 0; i < l->n_gone && rc == 0; i++)
			rc = hand_on(g, l, &l->gone[i], -1, cb, ctx);
	}
	return rc;
}

/* Reads what is wanted from one snapshot into g. */
static int
gather(struct wm_store *s, int64_t person_id, struct gather *g,
    struct wm_buf *err)
{
	struct wm_q *st;
	int rc = WM_STORE_ERROR, own = 0;

	if (wm_sq_ready(s, err) || wm_sq_read_begin(s, &own, err))
		return WM_STORE_ERROR;
	if (g->items) {
		if (!(st = wm_sq_query(s, ST_INSTRUMENT_URL_LATEST, err)) ||
		    wm_sq_each(s, st, latest_row, g, "reading the instruments",
		    err))
			goto out;
		if (g->n_l > 1)
			qsort(g->l, g->n_l, sizeof(*g->l), by_title);
	}
	if (!(st = wm_sq_query(s, ST_PERSON_CHOICES, err)))
		goto out;
	wm_q_int64(st, 1, person_id);
	rc = wm_sq_each(s, st, response_row, g, "reading the answers", err);
out:
	wm_sq_read_end(s, own);
	return rc;
}

int
wm_store_person_journey(struct wm_store *s, int64_t person_id,
    int (*score_cb)(void *, const struct wm_score_row *),
    int (*item_cb)(void *, const struct wm_item_change_row *), void *ctx,
    struct wm_buf *err)
{
	struct gather g;
	size_t i;
	int rc, stop = 0;

	memset(&g, 0, sizeof(g));
	g.s = s;
	g.err = err;
	g.scores = score_cb != NULL;
	g.items = item_cb != NULL;
	/* The rows are handed on with no statement running, so the
	 * callbacks may use the store. */
	if ((rc = gather(s, person_id, &g, err)) == 0) {
		if (score_cb)
			stop = hand_on_scores(&g, score_cb, ctx);
		if (item_cb && stop == 0)
			stop = hand_on_items(&g, item_cb, ctx);
		rc = stop < 0 ? WM_STORE_ERROR : 0;
	}
	for (i = 0; i < g.n_l; i++) {
		free(g.l[i].q);
		free(g.l[i].gone);
	}
	free(g.l);
	free(g.v);
	wm_arena_release(&g.arena);
	return rc;
}

int
wm_store_person_scores(struct wm_store *s, int64_t person_id,
    int (*cb)(void *, const struct wm_score_row *), void *ctx,
    struct wm_buf *err)
{
	return wm_store_person_journey(s, person_id, cb, NULL, ctx, err);
}

int
wm_store_person_item_changes(struct wm_store *s, int64_t person_id,
    int (*cb)(void *, const struct wm_item_change_row *), void *ctx,
    struct wm_buf *err)
{
	return wm_store_person_journey(s, person_id, NULL, cb, ctx, err);
}
