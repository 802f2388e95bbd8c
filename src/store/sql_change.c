/*
 * The change in a service's people's scores, for its dashboard: the
 * scores of each person now on the caseload in their completed
 * responses to one measure, handed on person by person.
 *
 * Why it is shaped so: the dashboard reads this for every person on a
 * service's caseload (13,910 at tavmouth-cmht in the 100,000-person
 * benchmark, 53,000 responses). Asking SQLite for the order the
 * contract gives (person, respondent, scale, date) made it sort all of
 * those rows in a temporary B-tree, 40% of the dashboard's time. The
 * statement now asks only for the order of people, which the caseload
 * index gives as it is read, and each person's few rows are put in
 * order here before they are handed on. The scale's code and title
 * come from the parsed version the store keeps, so nothing is joined
 * to the instruments' tables either.
 */
#include "store/sql_internal.h"

#include <stdlib.h>
#include <string.h>

#include "core/instrument.h"

/* One score of the person being read. */
struct held {
	const char *respondent;	/* core's name for who answered */
	const struct wm_scale *scale;	/* the version's; the store keeps it */
	char authored[16];	/* YYYY-MM-DD */
	int64_t response_id;
	double value;
};

struct person_scores {
	struct wm_store *s;
	int (*cb)(void *, const struct wm_caseload_score_row *);
	void *ctx;
	int64_t person;		/* whose rows are held; 0 before the first */
	struct held *v;
	size_t n, cap;
	int64_t version;	/* the last version seen, parsed as `in` */
	const struct wm_instrument *in;
	int stop;		/* what cb last returned, when not 0 */
	struct wm_buf *err;
};

/* By who answered, scale code, the date given, then the response (as
 * responses given the same day are taken in the order recorded). */
static int
by_contract(const void *a, const void *b)
{
	const struct held *x = a, *y = b;
	int d;

	if ((d = strcmp(x->respondent, y->respondent)) != 0 ||
	    (d = strcmp(x->scale->code, y->scale->code)) != 0 ||
	    (d = strcmp(x->authored, y->authored)) != 0)
		return d;
	return x->response_id < y->response_id ? -1 :
	    x->response_id > y->response_id;
}

/* The held person's rows, in order, or their one row without a score;
 * what cb returned (as wm_sq_each reads it). */
static int
hand_on(struct person_scores *p)
{
	struct wm_caseload_score_row row = { p->person, NULL, NULL, NULL, 0 };
	size_t i;
	int rc = 0;

	if (p->n == 0)
		rc = p->cb(p->ctx, &row);
	if (p->n > 1)
		qsort(p->v, p->n, sizeof(*p->v), by_contract);
	for (i = 0; i < p->n && rc == 0; i++) {
		row.respondent = p->v[i].respondent;
		row.scale = p->v[i].scale->code;
		row.title = p->v[i].scale->title;
		row.value = p->v[i].value;
		rc = p->cb(p->ctx, &row);
	}
	p->n = 0;
	p->stop = rc;
	return rc;
}

/* The scale of version `version` at `idx`, or NULL when the version has
 * none there (left out, as a join to its scales would leave it out);
 * -1 when the version cannot be read. */
static int
scale_of(struct person_scores *p, int64_t version, int64_t idx,
    const struct wm_scale **out)
{
	if (version != p->version || !p->in) {
		if (wm_store_instrument_parsed(p->s, version, &p->in, p->err))
			return -1;
		p->version = version;
	}
	*out = idx >= 0 && (size_t)idx < p->in->n_scales ?
	    &p->in->scales[idx] : NULL;
	return 0;
}

/* Keeps one score of the person being read. */
static int
hold(struct person_scores *p, struct wm_q *st)
{
	enum wm_respondent who;
	const char *respondent = wm_sq_col(st, 1);
	const char *authored = wm_sq_col(st, 5);
	const struct wm_scale *scale;
	struct held *h;
	size_t len;

	if (!respondent || wm_respondent_from_name(respondent, &who) ||
	    !authored || (len = strlen(authored)) >= sizeof(h->authored) ||
	    scale_of(p, wm_q_col_int64(st, 2),
	    wm_q_col_int64(st, 3), &scale))
		return -1;
	if (!scale)
		return 0;
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 16;
		struct held *more = realloc(p->v, cap * sizeof(*more));

		if (!more)
			return -1;
		p->v = more;
		p->cap = cap;
	}
	h = &p->v[p->n++];
	h->respondent = wm_respondent_name(who);
	h->scale = scale;
	memcpy(h->authored, authored, len + 1);
	h->response_id = wm_q_col_int64(st, 6);
	h->value = wm_q_col_double(st, 4);
	return 0;
}

/* Rows come in order of person: a new person hands on the last. */
static int
score_row(struct wm_q *st, void *arg)
{
	struct person_scores *p = arg;
	int64_t person = wm_q_col_int64(st, 0);
	int rc;

	if (person != p->person) {
		if (p->person && (rc = hand_on(p)) != 0)
			return rc;
		p->person = person;
	}
	if (wm_q_col_null(st, 3))
		return 0;	/* no response, or none with a score */
	return hold(p, st);
}

int
wm_store_caseload_scores(struct wm_store *s, int64_t unit_id,
    const char *url, int (*cb)(void *, const struct wm_caseload_score_row *),
    void *ctx, struct wm_buf *err)
{
	struct person_scores p;
	struct wm_q *st;
	int rc;

	memset(&p, 0, sizeof(p));
	p.s = s;
	p.cb = cb;
	p.ctx = ctx;
	p.err = err;
	if (!(st = wm_sq_query(s, ST_CASELOAD_SCORES, err)))
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, unit_id);
	wm_sq_text(st, 2, url);
	rc = wm_sq_each(s, st, score_row, &p, "reading the caseload's scores",
	    err);
	if (rc == 0 && p.stop == 0 && p.person && hand_on(&p) < 0) {
		wm_buf_clear(err);
		wm_buf_puts(err, "reading the caseload's scores: the rows "
		    "could not be used");
		rc = WM_STORE_ERROR;
	}
	free(p.v);
	return rc;
}
