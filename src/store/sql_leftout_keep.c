/*
 * Who is left out of the network's outcomes, and why, kept at write time
 * (migration 11; read in sql_network_kept.c): for each service, the
 * people on its caseload at any time in a window of quarters who by the
 * window's end had no scored answer to a measure's scale at all (no
 * response), or had only answers given about them by someone else (a
 * member of staff), never their own. A window is any run of quarters, so
 * what is kept is what a window needs to count a person, not the count:
 *
 * A person's part per service and run of quarters they were on its
 * caseload (their spells there, by quarter, joined where they touch):
 *   {unit, key, first quarter, last quarter, first answer, first own
 *    answer, sign}
 * key 0 is the caseload itself (the answers 0); any other key names a
 * measure and scale (kept_key), with the quarter of the person's first
 * scored answer to it by anyone, and of their first by themselves,
 * alone or with a practitioner (WM_SQ_KEPT_NEVER: none). A window
 * [F, T] counts a part when first <= T and last >= F (and, with a key,
 * when the first answer is by T). Two runs at one service with a
 * quarter or more between them would count the person twice in a window
 * spanning the gap, so the gap is a part too, with sign -1 (its first
 * quarter the later run's, its last the earlier's: counted exactly when
 * the window reaches both runs). Quarters are numbered year * 4 + (n - 1)
 * for "year-Qn", as the outcome rows number them.
 *
 * A person is worked out again from their own spells and scores when
 * their spells or answers changed any other way (marked whole by the
 * triggers); a save's new answers change their parts only when one is a
 * scale's first, or their first own, which is checked against what is
 * kept before anything is read: nearly every save changes nothing here.
 */
#include "store/sql_internal.h"

#include <stdlib.h>
#include <string.h>

#include "core/profile.h"

enum { LO_UNIT, LO_KEY, LO_FIRST, LO_LAST, LO_ANY, LO_OWN, LO_SIGN,
	LO_WIDTH };

/* --- names kept as numbers ------------------------------------------- */

struct wm_sq_key {
	char *measure, *name;
	long id;
};
struct wm_sq_parsed_of {
	int64_t id;
	const struct wm_instrument *in;
};
struct wm_sq_keys {
	struct wm_sq_key *v;
	size_t n, cap;
	struct wm_sq_parsed_of *ins;
	size_t n_ins, cap_ins;
};

void
wm_sq_keys_free(struct wm_sq_keys *k)
{
	size_t i;

	if (!k)
		return;
	for (i = 0; i < k->n; i++) {
		free(k->v[i].measure);
		free(k->v[i].name);
	}
	free(k->v);
	free(k->ins);
	free(k);
}

int
wm_sq_keys_instrument(struct wm_store *s, struct wm_sq_keys **keys,
    int64_t id, const struct wm_instrument **out, struct wm_buf *err)
{
	struct wm_sq_keys *k = *keys;
	struct wm_sq_parsed_of *v;
	size_t i;
	int rc;

	if (!k && !(k = *keys = calloc(1, sizeof(*k))))
		goto oom;
	for (i = 0; i < k->n_ins; i++)
		if (k->ins[i].id == id) {
			*out = k->ins[i].in;
			return 0;
		}
	if ((rc = wm_sq_instrument_parsed(s, id, out, err)))
		return rc;
	if (k->n_ins == k->cap_ins) {
		size_t cap = k->cap_ins ? k->cap_ins * 2 : 8;

		if (!(v = realloc(k->ins, cap * sizeof(*v))))
			goto oom;
		k->ins = v;
		k->cap_ins = cap;
	}
	k->ins[k->n_ins].id = id;
	k->ins[k->n_ins++].in = *out;
	return 0;
oom:
	wm_buf_clear(err);
	wm_buf_puts(err, "keeping the figures: out of memory");
	return WM_STORE_ERROR;
}

static int
key_remember(struct wm_sq_keys *k, const char *measure, const char *name,
    long id)
{
	struct wm_sq_key *v;

	if (k->n == k->cap) {
		size_t cap = k->cap ? k->cap * 2 : 16;

		if (!(v = realloc(k->v, cap * sizeof(*v))))
			return -1;
		k->v = v;
		k->cap = cap;
	}
	v = &k->v[k->n];
	if (!(v->measure = strdup(measure)) || !(v->name = strdup(name))) {
		free(v->measure);
		return -1;
	}
	v->id = id;
	k->n++;
	return 0;
}

int
wm_sq_key(struct wm_store *s, struct wm_sq_keys **keys, const char *measure,
    const char *name, int make, long *id, struct wm_buf *err)
{
	struct wm_sq_keys *k = *keys;
	int64_t found = 0;
	struct wm_q *st;
	size_t i;
	int rc, pass;

	if (!k && !(k = *keys = calloc(1, sizeof(*k))))
		goto oom;
	for (i = 0; i < k->n; i++)
		if (strcmp(k->v[i].measure, measure) == 0 &&
		    strcmp(k->v[i].name, name) == 0) {
			*id = k->v[i].id;
			return 0;
		}
	for (pass = 0; pass < (make ? 2 : 1); pass++) {
		if (!(st = wm_sq_stmt(s, pass ? ST_KEY_ADD : ST_KEY_FIND, err)))
			return WM_STORE_ERROR;
		wm_sq_text(st, 1, measure);
		wm_sq_text(st, 2, name);
		if (pass) {
			if ((rc = wm_sq_exec(s, st, "naming a kept figure",
			    err)))
				return rc;
			found = wm_q_last_id(s);
			break;
		}
		rc = wm_sq_one_id(s, st, &found, "finding a kept figure", err);
		if (rc == 0)
			break;
		if (rc != WM_STORE_NOT_FOUND)
			return rc;
	}
	if (!found)
		return WM_STORE_NOT_FOUND;
	*id = (long)found;
	if (key_remember(k, measure, name, *id))
		goto oom;
	return 0;
oom:
	wm_buf_clear(err);
	wm_buf_puts(err, "keeping the figures: out of memory");
	return WM_STORE_ERROR;
}

long
wm_sq_quarter_number(const char *quarter)
{
	struct wm_quarter q;

	if (!quarter || wm_quarter_parse(quarter, &q))
		return WM_SQ_KEPT_NEVER;
	return q.year * 4L + q.quarter - 1;
}

long
wm_sq_quarter_of_day(const char *day)
{
	struct wm_date d;

	if (!day || wm_date_parse(day, &d))
		return WM_SQ_KEPT_NEVER;
	return d.year * 4L + (d.month - 1) / 3;
}

/* --- one person ------------------------------------------------------- */

/* The person's first answers to a measure's scale, by anyone and their
 * own. */
struct first {
	long key, any, own;
};

/* A run of quarters on a service's caseload. */
struct run {
	long unit, first, last;
};

struct lo {
	struct wm_store *s;
	struct wm_buf *err;
	struct wm_sq_keys **keys;
	int64_t person;
	struct wm_sq_parts was, now;
	struct first *f;
	size_t n_f, cap_f;
	struct run *r;
	size_t n_r, cap_r;
	struct wm_buf text;
};

static int
grow(void *v, size_t *cap, size_t n, size_t size)
{
	void **p = v, *q;
	size_t c = *cap ? *cap * 2 : 8;

	if (n < *cap)
		return 0;
	if (!(q = realloc(*p, c * size)))
		return -1;
	*p = q;
	*cap = c;
	return 0;
}

static const struct wm_sq_kept_kind kind = { ST_LEFTOUT_PERSON,
	ST_LEFTOUT_PERSON_PUT, ST_LEFTOUT_PERSON_DROP, LO_WIDTH,
	WM_SQ_TOTAL_LEFTOUT };

static long
quarter_of_date(const struct wm_date *d)
{
	return d->year * 4L + (d->month - 1) / 3;
}

/* 1 when what is kept already counts an answer to `key` in quarter q
 * (own: by the person themselves) as no later than their first. */
static int
covered(const struct lo *k, long key, long q, int own)
{
	size_t i;
	int any = 0;

	for (i = 0; i < k->was.n; i++) {
		const long *v = k->was.v[i].v;

		if (v[LO_KEY] != key)
			continue;
		if (v[LO_ANY] > q || (own && v[LO_OWN] > q))
			return 0;
		any = 1;
	}
	return any;
}

/* 1 when one of the noted responses could move a first answer: an
 * answer to a scale of its measure the person has none kept for, or one
 * earlier than the kept one; 0 when nothing changes; -1 on failure. Read
 * from what is kept and the measure's scales alone: a scale the response
 * did not score can only cause a needless working out, never a missed
 * one. */
static int
noted_moves(struct lo *k, const struct wm_sq_answered *noted, size_t n)
{
	const struct wm_instrument *in;
	size_t i, j;
	long key;
	int rc;

	for (i = 0; i < n; i++) {
		if (wm_sq_keys_instrument(k->s, k->keys, noted[i].instrument,
		    &in, k->err))
			return -1;
		for (j = 0; in && j < in->n_scales; j++) {
			rc = wm_sq_key(k->s, k->keys, in->family ? in->family :
			    in->url, in->scales[j].code, 0, &key, k->err);
			if (rc && rc != WM_STORE_NOT_FOUND)
				return -1;
			if (rc || !covered(k, key, quarter_of_date(
			    &noted[i].authored), noted[i].own))
				return 1;
		}
	}
	return 0;
}

static int
first_row(struct wm_q *st, void *ctx)
{
	struct lo *k = ctx;
	struct first *f;

	if (grow(&k->f, &k->cap_f, k->n_f, sizeof(*k->f)))
		return -1;
	f = &k->f[k->n_f];
	if (wm_sq_key(k->s, k->keys, wm_sq_col(st, 0), wm_sq_col(st, 1), 1,
	    &f->key, k->err))
		return -1;
	f->any = wm_sq_quarter_of_day(wm_sq_col(st, 2));
	f->own = wm_sq_quarter_of_day(wm_sq_col(st, 3));
	k->n_f++;
	return 0;
}

/* The person's first answers, each scale's key made if new. */
static int
firsts(struct lo *k)
{
	struct wm_q *st = wm_sq_stmt(k->s, ST_LEFTOUT_FIRSTS, k->err);

	if (!st)
		return -1;
	wm_q_int64(st, 1, k->person);
	return wm_sq_each(k->s, st, first_row, k, "reading a person's first "
	    "answers", k->err) ? -1 : 0;
}

static int
cmp_run(const void *a, const void *b)
{
	const struct run *x = a, *y = b;

	if (x->unit != y->unit)
		return x->unit < y->unit ? -1 : 1;
	return (x->first > y->first) - (x->first < y->first);
}

/* The spells as runs of quarters per service, joined where they overlap
 * or follow on. A spell's end date is its first day off the caseload. */
static int
runs(struct lo *k, const struct wm_sq_spell *sp, size_t n)
{
	struct wm_date last;
	size_t i, j;

	k->n_r = 0;
	for (i = 0; i < n; i++) {
		if (!sp[i].open && wm_date_days(&sp[i].left) <=
		    wm_date_days(&sp[i].joined))
			continue;	/* not a single day on it */
		if (grow(&k->r, &k->cap_r, k->n_r, sizeof(*k->r)))
			return -1;
		k->r[k->n_r].unit = (long)sp[i].unit;
		k->r[k->n_r].first = quarter_of_date(&sp[i].joined);
		if (sp[i].open)
			k->r[k->n_r].last = WM_SQ_KEPT_NEVER;
		else {
			wm_date_from_days(wm_date_days(&sp[i].left) - 1, &last);
			k->r[k->n_r].last = quarter_of_date(&last);
		}
		k->n_r++;
	}
	if (k->n_r)
		qsort(k->r, k->n_r, sizeof(*k->r), cmp_run);
	for (i = j = 0; i < k->n_r; i++) {
		if (j && k->r[j - 1].unit == k->r[i].unit &&
		    k->r[i].first <= k->r[j - 1].last + 1) {
			if (k->r[i].last > k->r[j - 1].last)
				k->r[j - 1].last = k->r[i].last;
			continue;
		}
		k->r[j++] = k->r[i];
	}
	k->n_r = j;
	return 0;
}

/* The parts of one run (or, sign -1, one gap), for the caseload and for
 * each scale answered. */
static int
parts_of(struct lo *k, long unit, long first, long last, long sign)
{
	struct wm_sq_part x;
	size_t i;

	memset(&x, 0, sizeof(x));
	x.v[LO_UNIT] = unit;
	x.v[LO_FIRST] = first;
	x.v[LO_LAST] = last;
	x.v[LO_SIGN] = sign;
	if (wm_sq_parts_add(&k->now, &x))
		return -1;
	for (i = 0; i < k->n_f; i++) {
		x.v[LO_KEY] = k->f[i].key;
		x.v[LO_ANY] = k->f[i].any;
		x.v[LO_OWN] = k->f[i].own;
		if (wm_sq_parts_add(&k->now, &x))
			return -1;
	}
	return 0;
}

static int
now(struct lo *k)
{
	size_t i;

	for (i = 0; i < k->n_r; i++) {
		const struct run *r = &k->r[i];

		if (parts_of(k, r->unit, r->first, r->last, 1))
			return -1;
		if (i + 1 < k->n_r && k->r[i + 1].unit == r->unit &&
		    parts_of(k, r->unit, k->r[i + 1].first, r->last, -1))
			return -1;
	}
	wm_sq_parts_sort(&k->now);
	return 0;
}

int
wm_sq_leftout_total(struct wm_store *s, const struct wm_sq_part *x, long n,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_stmt(s, ST_LEFTOUT_COUNT_ADD, err);
	int i;

	if (!st)
		return -1;
	for (i = LO_UNIT; i < LO_SIGN; i++)
		wm_q_int64(st, i + 1, x->v[i]);
	wm_q_int64(st, LO_SIGN + 1, x->v[LO_SIGN] * n);
	return wm_sq_exec(s, st, "keeping who is left out", err) ? -1 : 0;
}

int
wm_sq_leftout_keep(struct wm_store *s, int64_t person,
    const struct wm_sq_spell *spells, size_t n_spells,
    const struct wm_sq_answered *noted, size_t n_noted, int whole,
    struct wm_sq_keys **keys, struct wm_sq_totals *totals,
    struct wm_buf *err)
{
	struct lo k;
	int rc = -1, moves;

	memset(&k, 0, sizeof(k));
	k.s = s;
	k.err = err;
	k.keys = keys;
	k.person = person;
	wm_buf_init(&k.text, WM_BUF_DEFAULT_MAX);
	if (!whole && n_noted == 0) {
		rc = 0;
		goto out;
	}
	if (wm_sq_kept_read(s, &kind, person, &k.was, err))
		goto out;
	if (!whole) {
		if ((moves = noted_moves(&k, noted, n_noted)) < 0)
			goto out;
		/* Someone on no caseload, then or now, has nothing kept. */
		if (moves == 0 || (k.was.n == 0 && n_spells == 0)) {
			rc = 0;
			goto out;
		}
	}
	if (firsts(&k) || runs(&k, spells, n_spells) || now(&k))
		goto out;
	if (wm_sq_kept_write(s, &kind, person, &k.was, &k.now, totals,
	    &k.text, err))
		goto out;
	rc = 0;
out:
	if (rc && !err->len)
		wm_buf_puts(err, "keeping who is left out: out of memory");
	wm_sq_parts_release(&k.was);
	wm_sq_parts_release(&k.now);
	free(k.f);
	free(k.r);
	wm_buf_release(&k.text);
	return rc ? WM_STORE_ERROR : 0;
}
