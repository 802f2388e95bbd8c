/*
 * Completion rates kept at write time (migration 10; read in
 * sql_cycles.c). Just before a transaction commits, everyone the
 * triggers marked (their completed answers, spells, goals or cycles
 * changed) is worked out again from their own record: their spells,
 * their answers and the cycles of their services, walked by core
 * (wm_cycle_steps); and, through sql_people_keep.c, their spells open
 * now. Each person's parts (sql_completion.h) are kept as text beside
 * the totals they were added to (sql_kept.c), so that working them
 * out again takes away exactly what was added, and adds what is true
 * now: the cost of the person's record, never the network's. When the
 * only change is new answers given on or after the last day their times
 * were walked to (nearly every save: a form is answered today), the
 * times go on from where they stood with the new answers alone
 * (sql_completion_more.c), so a save costs the same however many
 * answers the person has given before.
 *
 * Two things keep the totals small. A time that counts by the latest day
 * anyone has answered counts on every day a kept read can be for (a read
 * for an earlier day takes the whole pass), so it is kept as counting on
 * any day; and a time due more than the 13 months of the rates before
 * that day can never be read again, so it is not kept at all. The open
 * tail is walked up to that day for the same reason, and kept from the
 * first time that may still come to count.
 */
#include "store/sql_completion.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/known_instruments.h"

int
wm_sq_kept_grow(void *v, size_t *cap, size_t n, size_t size)
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

/* --- parts ---------------------------------------------------------- */

void
wm_sq_kept_sink(struct kept_sink *k, struct wm_sq_parts *out, long cycle,
    const struct wm_date *latest)
{
	memset(k, 0, sizeof(*k));
	k->out = out;
	k->cycle = cycle;
	if ((k->has_latest = latest != NULL)) {
		k->latest = *latest;
		k->latest_days = wm_date_days(latest);
		k->floor = month_of(latest) - (WM_COMPLETION_MONTHS - 1);
	}
}

static void
add(struct kept_sink *k, const struct wm_sq_part *x)
{
	if (wm_sq_parts_add(k->out, x))
		k->failed = 1;
}

void
wm_sq_kept_step(void *ctx, const struct wm_cycle_step *s)
{
	struct kept_sink *k = ctx;
	struct wm_sq_part x = { { k->cycle, KEPT_TIME, month_of(&s->due),
	    s->counts_from, s->done, 0, 0, 0, 0, 0 } };

	if (k->has_latest && x.v[2] < k->floor)
		return;
	if (k->has_latest && x.v[3] <= k->latest_days)
		x.v[3] = WM_SQ_KEPT_ALWAYS;
	add(k, &x);
}

static void
tail_time(void *ctx, const struct wm_cycle_window *w)
{
	struct wm_cycle_step s = { w->due, 0, wm_date_days(&w->due) +
	    WM_CYCLE_GRACE_DAYS };

	wm_sq_kept_step(ctx, &s);
}

int
wm_sq_kept_tail(struct kept_sink *k, int every, const struct wm_date *first,
    const struct wm_date *end)
{
	struct wm_sq_part x = { { k->cycle, KEPT_TAIL, 0, 0, 0, 0, 0, 0, 0,
	    0 } };
	struct wm_date next = *first;
	size_t n = 0;

	if (k->has_latest)
		n = wm_cycle_tail_walk(every, first, end, &k->latest, tail_time,
		    k);
	while (n--)
		wm_date_add_months(&next, every);
	if (end && wm_date_days(&next) + WM_CYCLE_GRACE_DAYS >
	    wm_date_days(end))
		return k->failed ? -1 : 0;	/* ended with the spell */
	x.v[2] = wm_date_days(&next);
	x.v[3] = end ? wm_date_days(end) : WM_SQ_KEPT_NEVER;
	add(k, &x);
	return k->failed ? -1 : 0;
}

int
wm_sq_kept_resume(struct kept_sink *k, const struct wm_date *joined,
    const struct wm_cycle_resume *r, const struct wm_date *last_answer,
    const struct wm_date *tail)
{
	struct wm_sq_part x = { { k->cycle, KEPT_RESUME, wm_date_days(joined),
	    r->state, 0, 0, WM_SQ_KEPT_ALWAYS, WM_SQ_KEPT_NEVER,
	    k->has_latest ? k->latest_days : WM_SQ_KEPT_ALWAYS, 0 } };

	if (r->state != WM_CYCLE_ENDED) {
		x.v[4] = wm_date_days(&r->last);
		x.v[5] = wm_date_days(&r->next);
	}
	if (last_answer)
		x.v[6] = wm_date_days(last_answer);
	if (tail)
		x.v[7] = wm_date_days(tail);
	add(k, &x);
	return k->failed ? -1 : 0;
}

const struct wm_date *
wm_sq_kept_end(const struct kcycle *c, const struct wm_date *left)
{
	if (c->has_stopped && (!left || wm_date_cmp(&c->stopped, left) < 0))
		return &c->stopped;
	return left;
}

/* --- working a person out whole ------------------------------------- */

int
wm_sq_kept_slot(const struct keeper *kp, int64_t id)
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

/* The person's completed answers, oldest first; the latest day anyone
 * answered moves on with theirs. */
static int
person_answers(struct keeper *kp, int64_t person)
{
	struct wm_q *st = wm_sq_stmt(kp->s, ST_COMPLETION_PERSON_ANSWERS,
	    kp->err);
	struct wm_date on;
	const char *text;
	int k;

	if (!st)
		return -1;
	kp->n_ans = 0;
	wm_q_int64(st, 1, person);
	while ((k = wm_sq_step(kp->s, st, "reading a person's answers",
	    kp->err)) == 1) {
		if (!(text = wm_sq_col(st, 1)) || wm_date_parse(text, &on))
			continue;
		if (wm_sq_kept_grow(&kp->ans, &kp->cap_ans, kp->n_ans,
		    sizeof(*kp->ans)) || wm_sq_kept_grow(&kp->ans_slot,
		    &kp->cap_slot, kp->n_ans, sizeof(*kp->ans_slot))) {
			k = -1;
			break;
		}
		kp->ans[kp->n_ans] = on;
		kp->ans_slot[kp->n_ans++] = wm_sq_kept_slot(kp,
		    wm_q_col_int64(st, 2));
		if (!kp->has_latest || wm_date_cmp(&on, &kp->latest) > 0) {
			kp->latest = on;
			kp->has_latest = 1;
		}
	}
	wm_q_reset(st);
	if (k == 0 && kp->n_ans && wm_sq_kept_grow(&kp->dates,
	    &kp->cap_dates, kp->n_ans - 1, sizeof(*kp->dates)))
		k = -1;
	return k;
}

int
wm_sq_kept_spells(struct keeper *kp, int64_t person)
{
	struct wm_q *st = wm_sq_stmt(kp->s, ST_KEPT_SPELLS, kp->err);
	struct wm_sq_spell *sp;
	struct wm_date joined, left;
	const char *j, *l;
	int k;

	if (!st)
		return -1;
	kp->n_spells = 0;
	wm_q_int64(st, 1, person);
	while ((k = wm_sq_step(kp->s, st, "reading a person's spells",
	    kp->err)) == 1) {
		j = wm_sq_col(st, 2);
		l = wm_sq_col(st, 3);
		if (!j || wm_date_parse(j, &joined) || (l &&
		    wm_date_parse(l, &left)))
			continue;	/* a stored spell has real dates */
		if (wm_sq_kept_grow(&kp->spells, &kp->cap_spells,
		    kp->n_spells, sizeof(*kp->spells))) {
			k = -1;
			break;
		}
		sp = &kp->spells[kp->n_spells++];
		sp->unit = wm_q_col_int64(st, 1);
		sp->joined = joined;
		sp->open = l == NULL;
		sp->left = l ? left : joined;
	}
	wm_q_reset(st);
	return k;
}

/* One spell under one cycle, as wm_completion_add walks it. */
static int
walk_spell(struct keeper *kp, const struct kcycle *c,
    const struct wm_sq_spell *sp)
{
	const struct wm_date *since = wm_date_cmp(&sp->joined, &c->start) >=
	    0 ? &sp->joined : &c->start;
	const struct wm_date *end = wm_sq_kept_end(c, sp->open ? NULL :
	    &sp->left);
	struct wm_cycle_resume r;
	struct kept_sink k;
	struct wm_date tail;
	size_t i, n = 0;
	int has_tail;

	for (i = 0; i < kp->n_ans; i++)
		if (kp->ans_slot[i] == c->slot)
			kp->dates[n++] = kp->ans[i];
	wm_sq_kept_sink(&k, &kp->now, (long)c->id, kp->has_latest ?
	    &kp->latest : NULL);
	has_tail = wm_cycle_steps(c->every, since, end, kp->dates, n,
	    wm_sq_kept_step, &k, &tail, &r);
	if (k.failed || (has_tail && wm_sq_kept_tail(&k, c->every, &tail,
	    end)))
		return -1;
	return wm_sq_kept_resume(&k, &sp->joined, &r, n ? &kp->dates[n - 1] :
	    NULL, has_tail ? &tail : NULL);
}

/* Every spell of the person under the cycles of its service. */
static int
person_times(struct keeper *kp)
{
	size_t i, j;

	kp->now.n = 0;
	for (i = 0; i < kp->n_spells; i++)
		for (j = 0; j < kp->n_cy; j++)
			if (kp->cy[j].unit_id == kp->spells[i].unit &&
			    walk_spell(kp, &kp->cy[j], &kp->spells[i]))
				return -1;
	wm_sq_parts_sort(&kp->now);
	return 0;
}

/* --- taking away what was kept, and adding what is true now ---------- */

int
wm_sq_kept_was(struct keeper *kp, int64_t person)
{
	struct wm_q *st = wm_sq_stmt(kp->s, ST_KEPT_PERSON, kp->err);
	int k;

	if (!st)
		return -1;
	kp->was.n = 0;
	wm_q_int64(st, 1, person);
	if ((k = wm_sq_step(kp->s, st, "reading a person's kept times",
	    kp->err)) == 1 && wm_sq_parts_parse(&kp->was, wm_sq_col(st, 0),
	    WM_SQ_TIME_WIDTH)) {
		wm_buf_clear(kp->err);
		wm_buf_puts(kp->err, "a person's kept times could not be read");
		k = -1;
	}
	wm_q_reset(st);
	wm_sq_parts_sort(&kp->was);
	return k < 0 ? -1 : 0;
}

/* A change to the totals, added up with the flush's others. */
static int
add_total(void *ctx, const struct wm_sq_part *x, int n)
{
	struct keeper *kp = ctx;

	if (x->v[1] == KEPT_RESUME)
		return 0;
	return wm_sq_totals_add(&kp->totals, x->v[1] == KEPT_TAIL ?
	    WM_SQ_TOTAL_TAIL : WM_SQ_TOTAL_TIME, x, n);
}

/* Writes one total that changed. */
static int
write_total(void *ctx, int kind, const struct wm_sq_part *x, long n)
{
	struct keeper *kp = ctx;
	struct wm_q *st;

	if (kind == WM_SQ_TOTAL_PEOPLE)
		return wm_sq_people_total(kp->s, x, n, kp->err);
	if (kind == WM_SQ_TOTAL_LEFTOUT)
		return wm_sq_leftout_total(kp->s, x, n, kp->err);
	if (kind == WM_SQ_TOTAL_EXPERIENCE)
		return wm_sq_experience_total(kp->s, x, n, kp->err);
	if (!(st = wm_sq_stmt(kp->s, kind == WM_SQ_TOTAL_TAIL ?
	    ST_KEPT_TAIL_ADD : ST_KEPT_COUNT_ADD, kp->err)))
		return -1;
	wm_q_int64(st, 1, x->v[0]);
	wm_q_int64(st, 2, x->v[2]);
	wm_q_int64(st, 3, x->v[3]);
	if (kind == WM_SQ_TOTAL_TAIL)
		wm_q_int64(st, 4, n);
	else {
		wm_q_int64(st, 4, x->v[4]);
		wm_q_int64(st, 5, n);
	}
	return wm_sq_exec(kp->s, st, "keeping the completion rates",
	    kp->err) ? -1 : 0;
}

int
wm_sq_kept_put(struct keeper *kp, int64_t person)
{
	struct wm_q *st;

	if (wm_sq_parts_same(kp->was.v, kp->was.n, kp->now.v, kp->now.n))
		return 0;
	if (wm_sq_parts_diff(kp->was.v, kp->was.n, kp->now.v, kp->now.n,
	    add_total, kp) || !(st = wm_sq_stmt(kp->s, kp->now.n ?
	    ST_KEPT_PERSON_PUT : ST_KEPT_PERSON_DROP, kp->err)))
		return -1;
	wm_q_int64(st, 1, person);
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
	struct wm_q *st = wm_sq_stmt(kp->s, ST_KEPT_CYCLES, kp->err);
	struct kcycle *c;
	const char *url, *stopped;
	size_t i, cap = 0, cap_urls = 0;
	int k;

	if (!st)
		return -1;
	while ((k = wm_sq_step(kp->s, st, "reading the cycles", kp->err)) ==
	    1) {
		if (wm_sq_kept_grow(&kp->cy, &cap, kp->n_cy, sizeof(*kp->cy))) {
			k = -1;
			break;
		}
		c = &kp->cy[kp->n_cy];
		memset(c, 0, sizeof(*c));
		c->id = wm_q_col_int64(st, 0);
		c->unit_id = wm_q_col_int64(st, 1);
		url = wm_sq_col(st, 2);
		c->every = wm_q_col_int(st, 3);
		stopped = wm_sq_col(st, 5);
		if (!url || !wm_sq_col(st, 4) ||
		    wm_date_parse(wm_sq_col(st, 4), &c->start))
			continue;	/* a stored cycle has a real start */
		c->has_stopped = stopped && wm_date_parse(stopped,
		    &c->stopped) == 0;
		for (i = 0; i < kp->n_urls && strcmp(kp->urls[i], url); i++)
			;
		if (i == kp->n_urls) {
			if (wm_sq_kept_grow(&kp->urls, &cap_urls, kp->n_urls,
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
	wm_q_reset(st);
	return k;
}

static int
load_instruments(struct keeper *kp)
{
	struct wm_q *st = wm_sq_stmt(kp->s, ST_COMPLETION_INSTRUMENTS,
	    kp->err);
	const char *url;
	size_t i, cap = 0, cap_slot = 0;
	int k;

	if (!st)
		return -1;
	while ((k = wm_sq_step(kp->s, st, "reading the measures",
	    kp->err)) == 1) {
		if (wm_sq_kept_grow(&kp->ins, &cap, kp->n_ins,
		    sizeof(*kp->ins)) || wm_sq_kept_grow(&kp->ins_slot,
		    &cap_slot, kp->n_ins, sizeof(*kp->ins_slot))) {
			k = -1;
			break;
		}
		url = wm_sq_col(st, 1);
		kp->ins[kp->n_ins] = wm_q_col_int64(st, 0);
		kp->ins_slot[kp->n_ins] = -1;
		for (i = 0; url && i < kp->n_urls; i++)
			if (strcmp(kp->urls[i], url) == 0)
				kp->ins_slot[kp->n_ins] = (int)i;
		kp->n_ins++;
	}
	wm_q_reset(st);
	return k;
}

static int
load_latest(struct keeper *kp)
{
	struct wm_q *st = wm_sq_stmt(kp->s, ST_KEPT_LATEST, kp->err);
	const char *t;
	int k;

	if (!st)
		return -1;
	if ((k = wm_sq_step(kp->s, st, "reading the latest answer",
	    kp->err)) == 1 &&
	    (t = wm_sq_col(st, 0)) && wm_date_parse(t, &kp->latest) == 0) {
		kp->has_latest = kp->had_latest = 1;
		kp->loaded_latest = kp->latest;
	}
	wm_q_reset(st);
	return k < 0 ? -1 : 0;
}

static int
save_latest(struct keeper *kp)
{
	struct wm_q *st;
	char day[11];

	if (!kp->has_latest || (kp->had_latest &&
	    wm_date_cmp(&kp->latest, &kp->loaded_latest) == 0))
		return 0;	/* no later answer than was kept */
	if (!(st = wm_sq_stmt(kp->s, ST_KEPT_LATEST_SET, kp->err)))
		return -1;
	wm_date_format(&kp->latest, day);
	wm_sq_text(st, 1, day);
	return wm_sq_exec(kp->s, st, "keeping the latest answer", kp->err) ?
	    -1 : 0;
}

/* --- the saves' notes ------------------------------------------------ */

int
wm_sq_kept_note(struct wm_store *s, int64_t person, int64_t response,
    const struct wm_date *authored, int64_t instrument_id, int own,
    struct wm_buf *err)
{
	struct wm_sq_notes *n = s->kept_notes;

	if (!n && !(n = s->kept_notes = calloc(1, sizeof(*n))))
		goto oom;
	if (wm_sq_kept_grow(&n->v, &n->cap, n->n, sizeof(*n->v)))
		goto oom;
	n->v[n->n].person = person;
	n->v[n->n].response = response;
	n->v[n->n].instrument = instrument_id;
	n->v[n->n].own = own;
	n->v[n->n++].authored = *authored;
	return 0;
oom:
	wm_buf_clear(err);
	wm_buf_puts(err, "noting the answers: out of memory");
	return WM_STORE_ERROR;
}

void
wm_sq_kept_forget(struct wm_store *s)
{
	if (s->kept_notes) {
		free(s->kept_notes->v);
		free(s->kept_notes);
		s->kept_notes = NULL;
	}
}

size_t
wm_sq_kept_mark(const struct wm_store *s)
{
	return s->kept_notes ? s->kept_notes->n : 0;
}

void
wm_sq_kept_back(struct wm_store *s, size_t n)
{
	if (s->kept_notes && s->kept_notes->n > n)
		s->kept_notes->n = n;
}

int
wm_sq_kept_noted(const struct wm_store *s)
{
	return s->kept_notes && s->kept_notes->n;
}

/* By person, then in the order core walks answers. */
static int
cmp_note(const void *a, const void *b)
{
	const struct wm_sq_note *x = a, *y = b;
	int c;

	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	if ((c = wm_date_cmp(&x->authored, &y->authored)))
		return c;
	return (x->response > y->response) - (x->response < y->response);
}

int
wm_sq_kept_new(struct keeper *kp, int64_t person)
{
	const struct wm_sq_notes *n = kp->notes;
	size_t lo = 0, hi = n ? n->n : 0, mid;

	kp->n_ans = 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (n->v[mid].person < person)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; n && lo < n->n && n->v[lo].person == person; lo++) {
		if (wm_sq_kept_grow(&kp->ans, &kp->cap_ans, kp->n_ans,
		    sizeof(*kp->ans)) || wm_sq_kept_grow(&kp->ans_slot,
		    &kp->cap_slot, kp->n_ans, sizeof(*kp->ans_slot)) ||
		    wm_sq_kept_grow(&kp->dates, &kp->cap_dates, kp->n_ans,
		    sizeof(*kp->dates)))
			return -1;
		kp->ans[kp->n_ans] = n->v[lo].authored;
		kp->ans_slot[kp->n_ans++] = wm_sq_kept_slot(kp,
		    n->v[lo].instrument);
		if (!kp->has_latest || wm_date_cmp(&n->v[lo].authored,
		    &kp->latest) > 0) {
			kp->latest = n->v[lo].authored;
			kp->has_latest = 1;
		}
	}
	return 0;
}

/* Someone noted or marked, and whether anything but new answers and
 * goals changed. */
struct mark {
	int64_t person;
	int whole;
	int marked;		/* by a trigger, not only noted */
};

static int
cmp_mark(const void *a, const void *b)
{
	const struct mark *x = a, *y = b;

	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	return y->marked - x->marked;	/* marked first, with `whole` */
}

/* The people marked and noted, each once, read before any is worked
 * out. */
static int
marked(struct keeper *kp, struct mark **out, size_t *n)
{
	struct wm_q *st = wm_sq_stmt(kp->s, ST_KEPT_DIRTY, kp->err);
	size_t cap = 0, i, j;
	int k;

	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	while ((k = wm_sq_step(kp->s, st, "reading who changed", kp->err)) ==
	    1) {
		if (wm_sq_kept_grow(out, &cap, *n, sizeof(**out))) {
			k = -1;
			break;
		}
		(*out)[*n].person = wm_q_col_int64(st, 0);
		(*out)[*n].marked = 1;
		(*out)[(*n)++].whole = wm_q_col_int(st, 1) != 0;
	}
	wm_q_reset(st);
	kp->any_marked = *n > 0;
	for (i = 0; k == 0 && kp->notes && i < kp->notes->n; i++) {
		if (wm_sq_kept_grow(out, &cap, *n, sizeof(**out)))
			return -1;
		(*out)[*n].person = kp->notes->v[i].person;
		(*out)[*n].marked = 0;
		(*out)[(*n)++].whole = 0;
	}
	if (k || !*n)
		return k;
	qsort(*out, *n, sizeof(**out), cmp_mark);
	for (i = j = 0; i < *n; i++)
		if (j == 0 || (*out)[j - 1].person != (*out)[i].person)
			(*out)[j++] = (*out)[i];
	*n = j;
	return 0;
}

/* The indicators' instrument ids, for knowing a save of them. */
static int
load_indicators(struct keeper *kp)
{
	struct wm_q *st = wm_sq_stmt(kp->s, ST_EXPERIENCE_INSTRUMENTS,
	    kp->err);
	size_t cap = 0;
	int k;

	if (!st)
		return -1;
	wm_sq_text(st, 1, wm_known_url(WM_KNOWN_SUPPORTIVE_INDICATORS));
	while ((k = wm_sq_step(kp->s, st, "reading the measures",
	    kp->err)) == 1) {
		if (wm_sq_kept_grow(&kp->indicators, &cap, kp->n_indicators,
		    sizeof(*kp->indicators))) {
			k = -1;
			break;
		}
		kp->indicators[kp->n_indicators++] = wm_q_col_int64(st, 0);
	}
	wm_q_reset(st);
	return k;
}

/* The responses noted for the person, and whether one is to the
 * indicators, into ids (of n); -1 out of memory. */
static int
noted_of(const struct keeper *kp, int64_t person,
    struct wm_sq_answered **ids, size_t *n, int *indicators)
{
	const struct wm_sq_notes *ns = kp->notes;
	size_t lo = 0, hi = ns ? ns->n : 0, mid, cap = 0, i;

	*n = 0;
	*indicators = 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (ns->v[mid].person < person)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; ns && lo < ns->n && ns->v[lo].person == person; lo++) {
		if (wm_sq_kept_grow(ids, &cap, *n, sizeof(**ids)))
			return -1;
		(*ids)[*n].instrument = ns->v[lo].instrument;
		(*ids)[*n].authored = ns->v[lo].authored;
		(*ids)[(*n)++].own = ns->v[lo].own;
		for (i = 0; i < kp->n_indicators; i++)
			*indicators |= kp->indicators[i] == ns->v[lo].instrument;
	}
	return 0;
}

/* Migration 11's figures of one person: who is left out, when their
 * spells or answers changed or a new answer could move a first one; the
 * indicators, when they changed or a new one was saved. */
static int
keep_figures11(struct keeper *kp, const struct mark *m)
{
	struct wm_sq_answered *ids = NULL;
	size_t n;
	int indicators, whole = m->marked && m->whole, rc = -1;

	if (noted_of(kp, m->person, &ids, &n, &indicators))
		goto out;
	if (wm_sq_leftout_keep(kp->s, m->person, kp->spells, kp->n_spells,
	    ids, n, whole, &kp->keys, &kp->totals, kp->err))
		goto out;
	if ((whole || indicators) && wm_sq_experience_keep(kp->s, m->person,
	    &kp->keys, &kp->totals, kp->err))
		goto out;
	rc = 0;
out:
	free(ids);
	return rc;
}

/* One person marked: their times carried on from where they stood when
 * only new answers came, else worked out whole; then their spells open
 * now (sql_people_keep.c), and migration 11's figures. */
static int
keep_person(struct keeper *kp, const struct mark *m)
{
	int k = 0;

	if (!m->whole && (k = wm_sq_kept_more(kp, m->person)) < 0)
		return -1;
	if (k == 0 && (person_answers(kp, m->person) ||
	    wm_sq_kept_spells(kp, m->person) || person_times(kp) ||
	    wm_sq_kept_was(kp, m->person)))
		return -1;
	if (wm_sq_kept_put(kp, m->person) || wm_sq_people_keep(kp->s,
	    m->person, kp->spells, kp->n_spells, kp->has_latest ?
	    &kp->latest : NULL, !m->marked, &kp->totals, kp->err))
		return -1;
	return kp->figures11 ? keep_figures11(kp, m) : 0;
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
	wm_sq_parts_release(&kp->old);
	wm_sq_totals_release(&kp->totals);
	wm_buf_release(&kp->text);
	wm_sq_keys_free(kp->keys);
	free(kp->indicators);
	if (kp->notes) {
		free(kp->notes->v);
		free(kp->notes);
	}
}

static int
clear(struct wm_store *s, enum stmt id, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_stmt(s, id, err);

	return !st || wm_sq_exec(s, st, "keeping the completion rates", err) ?
	    -1 : 0;
}


static int
flush(struct wm_store *s, int figures11, struct wm_buf *err)
{
	struct keeper kp;
	struct mark *who = NULL;
	size_t n = 0, i;
	int rc = -1;

	memset(&kp, 0, sizeof(kp));
	kp.s = s;
	kp.err = err;
	kp.figures11 = figures11;
	wm_buf_init(&kp.text, WM_BUF_DEFAULT_MAX);
	wm_buf_clear(err);
	/* The notes are this flush's now, whatever becomes of it: a
	 * failure ends the transaction that holds their answers. */
	kp.notes = s->kept_notes;
	s->kept_notes = NULL;
	if (kp.notes && kp.notes->n)
		qsort(kp.notes->v, kp.notes->n, sizeof(*kp.notes->v), cmp_note);
	if (marked(&kp, &who, &n) || n == 0) {
		rc = err->len ? -1 : 0;
		goto out;
	}
	if (load_cycles(&kp) || load_instruments(&kp) || load_latest(&kp) ||
	    (figures11 && load_indicators(&kp)))
		goto out;
	for (i = 0; i < n; i++)
		if (keep_person(&kp, &who[i]))
			goto out;
	if (wm_sq_totals_each(&kp.totals, write_total, &kp) ||
	    save_latest(&kp) || (kp.any_marked && clear(s,
	    ST_KEPT_DIRTY_CLEAR, err)))
		goto out;
	rc = 0;
out:
	if (rc && !err->len)
		wm_buf_puts(err, "keeping the completion rates: out of memory");
	free(who);
	keeper_release(&kp);
	return rc ? WM_STORE_ERROR : 0;
}

int
wm_sq_completion_flush(struct wm_store *s, struct wm_buf *err)
{
	return flush(s, 1, err);
}

int
wm_sq_completion_flush_10(struct wm_store *s, struct wm_buf *err)
{
	return flush(s, 0, err);
}
