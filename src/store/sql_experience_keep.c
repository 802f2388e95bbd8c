/*
 * The supportive service indicators, kept at write time for the
 * network's experience figures (migration 11; read in
 * sql_network_kept.c): over a window of quarters, each person's
 * latest answers to the indicators in it count once, at the service
 * they answered about, as the service's own page counts a quarter's.
 *
 * A person's part per quarter they answered in and per indicator their
 * latest response of that quarter answered on its scale:
 *   {unit, key, quarter, next quarter, agrees}
 * key names the indicator (kept_key: the instrument's url and the
 * question's linkId); next quarter is the next in which they answered
 * (WM_SQ_KEPT_NEVER: none), so that a window [F, T] counts exactly the
 * parts with F <= quarter <= T < next quarter: their latest answers in
 * it. Whether an answer agrees is core's rule (wm_value_agrees), decided
 * here once; "prefer not to say" is not on the scale and has no part.
 *
 * A person is worked out again, from their own indicator responses,
 * when a save notes one of those or their answers changed any other
 * way: a few responses a year, never the network's.
 */
#include "store/sql_internal.h"

#include <stdlib.h>
#include <string.h>

#include "core/indicators.h"
#include "core/known_instruments.h"

enum { EX_UNIT, EX_KEY, EX_QUARTER, EX_NEXT, EX_AGREES, EX_WIDTH };

/* One scored answer of one of the person's responses, oldest response
 * first. */
struct answer {
	int64_t response;
	long quarter, unit, key;
	int agrees;
};

struct ex {
	struct wm_store *s;
	struct wm_buf *err;
	const char *url;	/* the indicators' */
	struct wm_sq_keys **keys;
	int64_t person;
	struct answer *a;
	size_t n, cap;
	struct wm_sq_parts was, now;
	struct wm_buf text;
};

static const struct wm_sq_kept_kind kind = { ST_EXPERIENCE_PERSON,
	ST_EXPERIENCE_PERSON_PUT, ST_EXPERIENCE_PERSON_DROP, EX_WIDTH,
	WM_SQ_TOTAL_EXPERIENCE };

/* Room for one more answer; -1 out of memory. */
static struct answer *
answer_new(struct ex *k)
{
	struct answer *a;
	size_t cap;

	if (k->n == k->cap) {
		cap = k->cap ? k->cap * 2 : 32;
		if (!(a = realloc(k->a, cap * sizeof(*a))))
			return NULL;
		k->a = a;
		k->cap = cap;
	}
	a = &k->a[k->n++];
	memset(a, 0, sizeof(*a));
	return a;
}

/* One response: an answer for each choice on its question's scale
 * ("prefer not to say" is not on it), or one with no question when it
 * has none, so that it still takes an earlier one's place. */
static int
answer_row(struct wm_q *st, void *ctx)
{
	struct ex *k = ctx;
	const struct wm_instrument *in = NULL;
	const char *p = wm_sq_col(st, 4);
	struct answer a, *to;
	long item, option;
	size_t before = k->n;

	memset(&a, 0, sizeof(a));
	a.response = wm_q_col_int64(st, 0);
	a.quarter = wm_sq_quarter_of_day(wm_sq_col(st, 1));
	a.unit = (long)wm_q_col_int64(st, 2);
	if (wm_sq_keys_instrument(k->s, k->keys, wm_q_col_int64(st, 3),
	    &in, k->err))
		return -1;
	while (in && (p = wm_sq_next_pair(p, &item, &option, NULL)) != NULL) {
		const struct wm_item *it;

		if (item < 0 || (size_t)item >= in->n_items || option < 0 ||
		    (size_t)option >= in->items[item].n_options)
			continue;
		it = &in->items[item];
		if (it->type != WM_ITEM_CHOICE || !it->options[option].scored)
			continue;
		if (!(to = answer_new(k)))
			return -1;
		*to = a;
		to->agrees = wm_value_agrees(it->options[option].value, it->min,
		    it->max);
		if (wm_sq_key(k->s, k->keys, k->url, it->link_id, 1, &to->key,
		    k->err))
			return -1;
	}
	if (k->n == before) {
		if (!(to = answer_new(k)))
			return -1;
		*to = a;
		to->key = -1;	/* no answer on the scale */
	}
	return 0;
}

/* The person's indicator responses and their answers on the scale. */
static int
answers(struct ex *k)
{
	struct wm_q *st = wm_sq_stmt(k->s, ST_EXPERIENCE_ANSWERS, k->err);

	if (!st)
		return -1;
	wm_q_int64(st, 1, k->person);
	wm_sq_text(st, 2, k->url);
	return wm_sq_each(k->s, st, answer_row, k, "reading a person's "
	    "indicators", k->err) ? -1 : 0;
}

/* Each quarter's latest response (the last of it, as they come oldest
 * first), its answers as parts, with the quarter of the next. */
static int
now(struct ex *k)
{
	struct wm_sq_part x;
	size_t i, j;

	for (i = 0; i < k->n; i = j) {
		for (j = i; j < k->n && k->a[j].response == k->a[i].response;
		    j++)
			continue;
		/* A later response in the same quarter takes its place. */
		if (j < k->n && k->a[j].quarter == k->a[i].quarter)
			continue;
		for (; i < j; i++) {
			if (k->a[i].key < 0)
				continue;
			memset(&x, 0, sizeof(x));
			x.v[EX_UNIT] = k->a[i].unit;
			x.v[EX_KEY] = k->a[i].key;
			x.v[EX_QUARTER] = k->a[i].quarter;
			x.v[EX_NEXT] = j < k->n ? k->a[j].quarter :
			    WM_SQ_KEPT_NEVER;
			x.v[EX_AGREES] = k->a[i].agrees;
			if (wm_sq_parts_add(&k->now, &x))
				return -1;
		}
	}
	wm_sq_parts_sort(&k->now);
	return 0;
}

int
wm_sq_experience_total(struct wm_store *s, const struct wm_sq_part *x,
    long n, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_stmt(s, ST_EXPERIENCE_COUNT_ADD, err);
	int i;

	if (!st)
		return -1;
	for (i = EX_UNIT; i < EX_WIDTH; i++)
		wm_q_int64(st, i + 1, x->v[i]);
	wm_q_int64(st, EX_WIDTH + 1, n);
	return wm_sq_exec(s, st, "keeping the indicators", err) ? -1 : 0;
}

int
wm_sq_experience_keep(struct wm_store *s, int64_t person,
    struct wm_sq_keys **keys, struct wm_sq_totals *totals,
    struct wm_buf *err)
{
	struct ex k;
	int rc = -1;

	memset(&k, 0, sizeof(k));
	k.s = s;
	k.err = err;
	k.keys = keys;
	k.person = person;
	k.url = wm_known_url(WM_KNOWN_SUPPORTIVE_INDICATORS);
	wm_buf_init(&k.text, WM_BUF_DEFAULT_MAX);
	if (wm_sq_kept_read(s, &kind, person, &k.was, err) || answers(&k) ||
	    now(&k) || wm_sq_kept_write(s, &kind, person, &k.was, &k.now,
	    totals, &k.text, err))
		goto out;
	rc = 0;
out:
	if (rc && !err->len)
		wm_buf_puts(err, "keeping the indicators: out of memory");
	wm_sq_parts_release(&k.was);
	wm_sq_parts_release(&k.now);
	free(k.a);
	wm_buf_release(&k.text);
	return rc ? WM_STORE_ERROR : 0;
}
