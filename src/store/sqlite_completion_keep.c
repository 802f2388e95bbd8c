/*
 * Completion rates kept at write time (migration 10; read in
 * sqlite_cycles.c). Just before a transaction commits, everyone the
 * triggers marked (their completed answers, spells, goals or cycles
 * changed) is worked out again from their own record: their spells,
 * their answers and the cycles of their services, walked by core
 * (wm_cycle_steps); and, through sqlite_people_keep.c, their spells open
 * now. Each person's times at each cycle are kept as text beside the
 * totals they were added to (sqlite_kept.c), so that working them out
 * again takes away exactly what was added, and adds what is true now:
 * the cost of the person's record, never the network's.
 *
 * Two things keep the totals small. A time that counts by the latest day
 * anyone has answered counts on every day a kept read can be for (a read
 * for an earlier day takes the whole pass), so it is kept as counting on
 * any day; and a time due more than the 13 months of the rates before
 * that day can never be read again, so it is not kept at all. The open
 * tail is walked up to that day for the same reason, and kept from the
 * first time that may still come to count.
 */
#include "store/sqlite_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cycle.h"

/* A cycle about people. */
struct kcycle {
	int64_t id, unit_id;
	int every, slot;	/* slot: its url's place among the urls */
	struct wm_date start, stopped;
	int has_stopped;
};

struct keeper {
	struct wm_store *s;
	struct wm_buf *err;
	struct kcycle *cy;
	size_t n_cy;
	char **urls;
	size_t n_urls;
	int64_t *ins;		/* instrument ids, in order */
	int *ins_slot;		/* their urls' places, -1 for none */
	size_t n_ins;
	struct wm_date *ans;	/* one person's answers, oldest first */
	int *ans_slot;
	size_t n_ans, cap_ans, cap_slot;
	struct wm_date *dates;	/* those to one url */
	struct wm_sq_spell *spells;	/* one person's */
	size_t n_spells, cap_spells;
	struct wm_sq_parts now, was;	/* the person's times, new and kept */
	struct wm_sq_totals totals;	/* the flush's changes to the totals */
	/* The latest day anyone answered: has_latest 0 when no one has. */
	struct wm_date latest;
	int has_latest;
	long latest_days, floor;	/* floor: the first month kept */
	int64_t cycle;		/* the cycle being walked */
	int failed;		/* out of memory while walking */
	struct wm_buf text;
};

static int
grow(void *v, size_t *cap, size_t n, size_t size)
{
	void **p = v, *q;
	size_t c = *cap ? *cap * 2 : 16;

	if (n < *cap)
		return 0;
	while (c <= n)
		c *= 2;
	if (c > SIZE_MAX / size || !(q = realloc(*p, c * size)))
		return -1;
	*p = q;
	*cap = c;
	return 0;
}

static long
month_of(const struct wm_date *d)
{
	return (long)d->year * 12 + d->month - 1;
}

/* --- working out one person's times --------------------------------- */

/* A time, or the open tail, of the cycle being walked. */
static void
add_part(struct keeper *kp, int tail, long a, long b, int done)
{
	struct wm_sq_part x = { { (long)kp->cycle, tail, a, b, done, 0, 0 } };

	if (wm_sq_parts_add(&kp->now, &x))
		kp->failed = 1;
}

/* A time: kept unless due before the first month that can be read; as
 * counting on any day when it counts by the latest answer. */
static void
take_step(void *ctx, const struct wm_cycle_step *s)
{
	struct keeper *kp = ctx;
	long month = month_of(&s->due), from = s->counts_from;

	if (kp->has_latest && month < kp->floor)
		return;
	if (kp->has_latest && from <= kp->latest_days)
		from = WM_SQ_KEPT_ALWAYS;
	add_part(kp, 0, month, from, s->done);
}

static void
take_tail_time(void *ctx, const struct wm_cycle_window *w)
{
	struct wm_cycle_step s = { w->due, 0, wm_date_days(&w->due) +
	    WM_CYCLE_GRACE_DAYS };

	take_step(ctx, &s);
}

/* The open tail from `first`: its times that count by the latest answer
 * as times, and the rest as a tail from the first still to count. */
static int
take_tail(struct keeper *kp, const struct kcycle *c,
    const struct wm_date *first, const struct wm_date *end)
{
	struct wm_date next = *first;
	size_t n = 0;
	long closes;

	if (kp->has_latest)
		n = wm_cycle_tail_walk(c->every, first, end, &kp->latest,
		    take_tail_time, kp);
	while (n--)
		wm_date_add_months(&next, c->every);
	closes = wm_date_days(&next) + WM_CYCLE_GRACE_DAYS;
	if (end && closes > wm_date_days(end))
		return 0;	/* its times ended with the spell */
	add_part(kp, 1, wm_date_days(&next), end ? wm_date_days(end) :
	    WM_SQ_KEPT_NEVER, 0);
	return kp->failed ? -1 : 0;
}

/* One spell under one cycle, as wm_completion_add walks it. */
static int
walk_spell(struct keeper *kp, const struct kcycle *c,
    const struct wm_date *joined, const struct wm_date *left)
{
	const struct wm_date *since = wm_date_cmp(joined, &c->start) >= 0 ?
	    joined : &c->start, *end = left;
	struct wm_date tail;
	size_t i, n = 0;

	if (c->has_stopped && (!end || wm_date_cmp(&c->stopped, end) < 0))
		end = &c->stopped;
	for (i = 0; i < kp->n_ans; i++)
		if (kp->ans_slot[i] == c->slot)
			kp->dates[n++] = kp->ans[i];
	kp->cycle = c->id;
	kp->failed = 0;
	if (wm_cycle_steps(c->every, since, end, kp->dates, n, take_step, kp,
	    &tail) && take_tail(kp, c, &tail, end))
		return -1;
	return kp->failed ? -1 : 0;
}

static int
ins_slot(const struct keeper *kp, int64_t id)
{
	size_t lo = 0, hi = kp->n_ins, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (kp->ins[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < kp->n_ins && kp->ins[lo] == id ? kp->ins_slot[lo] : -1;
}

/* The person's completed answers, oldest first, and their latest day. */
static int
person_answers(struct keeper *kp, int64_t person)
{
	sqlite3_stmt *st = wm_sq_stmt(kp->s, ST_COMPLETION_PERSON_ANSWERS,
	    kp->err);
	struct wm_date on;
	const char *text;
	int k;

	if (!st)
		return -1;
	kp->n_ans = 0;
	sqlite3_bind_int64(st, 1, person);
	while ((k = wm_sq_step(kp->s, st, "reading a person's answers",
	    kp->err)) == 1) {
		if (!(text = wm_sq_col(st, 1)) || wm_date_parse(text, &on))
			continue;
		if (grow(&kp->ans, &kp->cap_ans, kp->n_ans, sizeof(*kp->ans)) ||
		    grow(&kp->ans_slot, &kp->cap_slot, kp->n_ans,
		    sizeof(*kp->ans_slot))) {
			k = -1;
			break;
		}
		kp->ans[kp->n_ans] = on;
		kp->ans_slot[kp->n_ans++] = ins_slot(kp,
		    sqlite3_column_int64(st, 2));
		if (!kp->has_latest || wm_date_cmp(&on, &kp->latest) > 0) {
			kp->latest = on;
			kp->has_latest = 1;
		}
	}
	sqlite3_reset(st);
	if (k == 0 && kp->n_ans && !(kp->dates = realloc(kp->dates,
	    kp->n_ans * sizeof(*kp->dates))))
		k = -1;
	if (kp->has_latest) {
		kp->latest_days = wm_date_days(&kp->latest);
		kp->floor = month_of(&kp->latest) - (WM_COMPLETION_MONTHS - 1);
	}
	return k;
}

/* Every spell of the person under the cycles of its service; the
 * spells kept in kp->spells for the people's figures. */
static int
person_times(struct keeper *kp, int64_t person)
{
	sqlite3_stmt *st = wm_sq_stmt(kp->s, ST_KEPT_SPELLS, kp->err);
	struct wm_date joined, left;
	struct wm_sq_spell *sp;
	const char *j, *l;
	size_t i;
	int k;

	if (!st)
		return -1;
	kp->now.n = 0;
	kp->n_spells = 0;
	sqlite3_bind_int64(st, 1, person);
	while ((k = wm_sq_step(kp->s, st, "reading a person's spells",
	    kp->err)) == 1) {
		j = wm_sq_col(st, 2);
		l = wm_sq_col(st, 3);
		if (!j || wm_date_parse(j, &joined) || (l &&
		    wm_date_parse(l, &left)))
			continue;	/* a stored spell has real dates */
		if (grow(&kp->spells, &kp->cap_spells, kp->n_spells,
		    sizeof(*kp->spells))) {
			k = -1;
			break;
		}
		sp = &kp->spells[kp->n_spells++];
		sp->unit = sqlite3_column_int64(st, 1);
		sp->joined = joined;
		sp->open = l == NULL;
		for (i = 0; i < kp->n_cy && k == 1; i++)
			if (kp->cy[i].unit_id == sp->unit && walk_spell(kp,
			    &kp->cy[i], &joined, l ? &left : NULL))
				k = -1;
		if (k < 0)
			break;
	}
	sqlite3_reset(st);
	if (k == 0)
		wm_sq_parts_sort(&kp->now);
	return k;
}

/* --- taking away what was kept, and adding what is true now ---------- */

/* What the person had kept. */
static int
person_was(struct keeper *kp, int64_t person)
{
	sqlite3_stmt *st = wm_sq_stmt(kp->s, ST_KEPT_PERSON, kp->err);
	int k;

	if (!st)
		return -1;
	kp->was.n = 0;
	sqlite3_bind_int64(st, 1, person);
	if ((k = wm_sq_step(kp->s, st, "reading a person's kept times",
	    kp->err)) == 1 && wm_sq_parts_parse(&kp->was, wm_sq_col(st, 0),
	    WM_SQ_TIME_WIDTH)) {
		wm_buf_clear(kp->err);
		wm_buf_puts(kp->err, "a person's kept times could not be read");
		k = -1;
	}
	sqlite3_reset(st);
	wm_sq_parts_sort(&kp->was);
	return k < 0 ? -1 : 0;
}

/* A change to the totals, added up with the flush's others. */
static int
add_total(void *ctx, const struct wm_sq_part *x, int n)
{
	struct keeper *kp = ctx;

	return wm_sq_totals_add(&kp->totals, x->v[1] ? WM_SQ_TOTAL_TAIL :
	    WM_SQ_TOTAL_TIME, x, n);
}

/* Writes one total that changed. */
static int
write_total(void *ctx, int kind, const struct wm_sq_part *x, long n)
{
	struct keeper *kp = ctx;
	sqlite3_stmt *st;

	if (kind == WM_SQ_TOTAL_PEOPLE)
		return wm_sq_people_total(kp->s, x, n, kp->err);
	if (!(st = wm_sq_stmt(kp->s, kind == WM_SQ_TOTAL_TAIL ?
	    ST_KEPT_TAIL_ADD : ST_KEPT_COUNT_ADD, kp->err)))
		return -1;
	sqlite3_bind_int64(st, 1, x->v[0]);
	sqlite3_bind_int64(st, 2, x->v[2]);
	sqlite3_bind_int64(st, 3, x->v[3]);
	if (kind == WM_SQ_TOTAL_TAIL)
		sqlite3_bind_int64(st, 4, n);
	else {
		sqlite3_bind_int64(st, 4, x->v[4]);
		sqlite3_bind_int64(st, 5, n);
	}
	return wm_sq_exec(kp->s, st, "keeping the completion rates",
	    kp->err) ? -1 : 0;
}

/* The person's kept times made true, where they differ: the old taken
 * away from the totals, the new added, and the new kept. */
static int
person_keep(struct keeper *kp, int64_t person)
{
	sqlite3_stmt *st;

	if (wm_sq_parts_same(kp->was.v, kp->was.n, kp->now.v, kp->now.n))
		return 0;
	if (wm_sq_parts_diff(kp->was.v, kp->was.n, kp->now.v, kp->now.n,
	    add_total, kp) || !(st = wm_sq_stmt(kp->s, kp->now.n ?
	    ST_KEPT_PERSON_PUT : ST_KEPT_PERSON_DROP, kp->err)))
		return -1;
	sqlite3_bind_int64(st, 1, person);
	if (kp->now.n && wm_sq_parts_bind(st, 2, &kp->text, kp->now.v,
	    kp->now.n, WM_SQ_TIME_WIDTH, kp->err))
		return -1;
	return wm_sq_exec(kp->s, st, "keeping a person's times", kp->err) ?
	    -1 : 0;
}

/* --- the flush ------------------------------------------------------ */

static int
load_cycles(struct keeper *kp)
{
	sqlite3_stmt *st = wm_sq_stmt(kp->s, ST_KEPT_CYCLES, kp->err);
	struct kcycle *c;
	const char *url, *stopped;
	size_t i, cap = 0, cap_urls = 0;
	int k;

	if (!st)
		return -1;
	while ((k = wm_sq_step(kp->s, st, "reading the cycles", kp->err)) ==
	    1) {
		if (grow(&kp->cy, &cap, kp->n_cy, sizeof(*kp->cy))) {
			k = -1;
			break;
		}
		c = &kp->cy[kp->n_cy];
		memset(c, 0, sizeof(*c));
		c->id = sqlite3_column_int64(st, 0);
		c->unit_id = sqlite3_column_int64(st, 1);
		url = wm_sq_col(st, 2);
		c->every = sqlite3_column_int(st, 3);
		stopped = wm_sq_col(st, 5);
		if (!url || !wm_sq_col(st, 4) ||
		    wm_date_parse(wm_sq_col(st, 4), &c->start))
			continue;	/* a stored cycle has a real start */
		c->has_stopped = stopped && wm_date_parse(stopped,
		    &c->stopped) == 0;
		for (i = 0; i < kp->n_urls && strcmp(kp->urls[i], url); i++)
			;
		if (i == kp->n_urls) {
			if (grow(&kp->urls, &cap_urls, kp->n_urls,
			    sizeof(*kp->urls)) ||
			    !(kp->urls[kp->n_urls] = strdup(url))) {
				k = -1;
				break;
			}
			kp->n_urls++;
		}
		c->slot = (int)i;
		kp->n_cy++;
	}
	sqlite3_reset(st);
	return k;
}

static int
load_instruments(struct keeper *kp)
{
	sqlite3_stmt *st = wm_sq_stmt(kp->s, ST_COMPLETION_INSTRUMENTS,
	    kp->err);
	const char *url;
	size_t i, cap = 0, cap_slot = 0;
	int k;

	if (!st)
		return -1;
	while ((k = wm_sq_step(kp->s, st, "reading the measures",
	    kp->err)) == 1) {
		if (grow(&kp->ins, &cap, kp->n_ins, sizeof(*kp->ins)) ||
		    grow(&kp->ins_slot, &cap_slot, kp->n_ins,
		    sizeof(*kp->ins_slot))) {
			k = -1;
			break;
		}
		url = wm_sq_col(st, 1);
		kp->ins[kp->n_ins] = sqlite3_column_int64(st, 0);
		kp->ins_slot[kp->n_ins] = -1;
		for (i = 0; url && i < kp->n_urls; i++)
			if (strcmp(kp->urls[i], url) == 0)
				kp->ins_slot[kp->n_ins] = (int)i;
		kp->n_ins++;
	}
	sqlite3_reset(st);
	return k;
}

static int
load_latest(struct keeper *kp)
{
	sqlite3_stmt *st = wm_sq_stmt(kp->s, ST_KEPT_LATEST, kp->err);
	const char *t;
	int k;

	if (!st)
		return -1;
	if ((k = wm_sq_step(kp->s, st, "reading the latest answer",
	    kp->err)) == 1 &&
	    (t = wm_sq_col(st, 0)) && wm_date_parse(t, &kp->latest) == 0)
		kp->has_latest = 1;
	sqlite3_reset(st);
	return k < 0 ? -1 : 0;
}

static int
save_latest(struct keeper *kp)
{
	sqlite3_stmt *st;
	char day[11];

	if (!kp->has_latest)
		return 0;
	if (!(st = wm_sq_stmt(kp->s, ST_KEPT_LATEST_SET, kp->err)))
		return -1;
	wm_date_format(&kp->latest, day);
	wm_sq_text(st, 1, day);
	return wm_sq_exec(kp->s, st, "keeping the latest answer", kp->err) ?
	    -1 : 0;
}

/* The people marked, read before any is worked out. */
static int
marked(struct keeper *kp, int64_t **out, size_t *n)
{
	sqlite3_stmt *st = wm_sq_stmt(kp->s, ST_KEPT_DIRTY, kp->err);
	size_t cap = 0;
	int k;

	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	while ((k = wm_sq_step(kp->s, st, "reading who changed", kp->err)) ==
	    1)
		if (grow(out, &cap, *n, sizeof(**out)))
			k = -1;
		else
			(*out)[(*n)++] = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return k;
}

static void
keeper_release(struct keeper *kp)
{
	size_t i;

	for (i = 0; i < kp->n_urls; i++)
		free(kp->urls[i]);
	free(kp->urls);
	free(kp->cy);
	free(kp->ins);
	free(kp->ins_slot);
	free(kp->ans);
	free(kp->ans_slot);
	free(kp->dates);
	free(kp->spells);
	wm_sq_parts_release(&kp->now);
	wm_sq_parts_release(&kp->was);
	wm_sq_totals_release(&kp->totals);
	wm_buf_release(&kp->text);
}

int
wm_sq_completion_flush(struct wm_store *s, struct wm_buf *err)
{
	struct keeper kp;
	int64_t *who = NULL;
	size_t n = 0, i;
	sqlite3_stmt *st;
	int rc = -1;

	memset(&kp, 0, sizeof(kp));
	kp.s = s;
	kp.err = err;
	wm_buf_init(&kp.text, WM_BUF_DEFAULT_MAX);
	wm_buf_clear(err);
	if (marked(&kp, &who, &n) || n == 0) {
		rc = err->len ? -1 : 0;
		goto out;
	}
	if (load_cycles(&kp) || load_instruments(&kp) || load_latest(&kp))
		goto out;
	for (i = 0; i < n; i++)
		if (person_answers(&kp, who[i]) || person_times(&kp, who[i]) ||
		    person_was(&kp, who[i]) || person_keep(&kp, who[i]) ||
		    wm_sq_people_keep(s, who[i], kp.spells, kp.n_spells,
		    kp.has_latest ? &kp.latest : NULL, &kp.totals, err))
			goto out;
	if (wm_sq_totals_each(&kp.totals, write_total, &kp))
		goto out;
	if (save_latest(&kp) ||
	    !(st = wm_sq_stmt(s, ST_KEPT_DIRTY_CLEAR, err)) ||
	    wm_sq_exec(s, st, "keeping the completion rates", err))
		goto out;
	rc = 0;
out:
	if (rc && !err->len)
		wm_buf_puts(err, "keeping the completion rates: out of memory");
	free(who);
	keeper_release(&kp);
	return rc ? WM_STORE_ERROR : 0;
}
