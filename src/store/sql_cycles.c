/*
 * Measurement cycles: a service's cycles, starting and stopping them
 * (each with its audit entry), and their completion rates month by month.
 *
 * The rates about people are read from what is kept at write time
 * (migration 10, sql_completion_keep.c): per cycle, the times due in
 * each month that count by the day, and the open tails walked to it;
 * people changed since the last save (marked, not yet worked out again)
 * are taken out and worked out here from their own record. When anyone
 * has an answer after the day asked for (a day in the past), the kept
 * times are not that day's, and the rates come from the whole pass
 * instead: the cycles, then the caseload spells in order of person
 * beside every person's completed answers in the same order (two cursors
 * walked together, as a merge join). Either way each person's spells and
 * answers are walked by core (core/cycle.h), which decides what was due
 * and what was done, and the services' own answers are read last.
 */
#include "store/sql_internal.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- listing, starting and stopping --------------------------------- */

struct cycle_list {
	int (*cb)(void *, const struct wm_cycle_info_row *);
	void *ctx;
};

static int
cycle_info(struct wm_q *st, void *arg)
{
	struct cycle_list *l = arg;
	struct wm_cycle_info_row row = { wm_q_col_int64(st, 0),
	    wm_sq_col(st, 1), wm_sq_col(st, 2), wm_sq_col(st, 3),
	    wm_q_col_int(st, 4), wm_sq_col(st, 5), wm_sq_col(st, 6) };

	return l->cb(l->ctx, &row);
}

int
wm_store_cycles(struct wm_store *s, int64_t unit_id,
    int (*cb)(void *, const struct wm_cycle_info_row *), void *ctx,
    struct wm_buf *err)
{
	struct cycle_list l = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_CYCLE_LIST, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_q_int64(st, 1, unit_id);
	return wm_sq_each(s, st, cycle_info, &l, "reading the cycles", err);
}

int
wm_store_cycle_start(struct wm_store *s, const struct wm_cycle_change *c,
    int64_t *id, struct wm_buf *err)
{
	char detail[96];
	int own, rc;

	if ((rc = wm_sq_tx_begin(s, &own, err)))
		return rc;
	rc = wm_store_cycle_add(s, c->unit_id, c->url, c->subject_kind,
	    c->every_months, c->date, err);
	if (rc == 0) {
		*id = wm_q_last_id(s);
		snprintf(detail, sizeof(detail), "cycle %lld: every %d months "
		    "from %s", (long long)*id, c->every_months, c->date);
		rc = wm_store_audit(s, c->actor, "cycle started", "service",
		    c->unit_id, detail, c->address, err);
	}
	return wm_sq_tx_end(s, own, rc, err);
}

int
wm_store_cycle_stop(struct wm_store *s, const struct wm_cycle_change *c,
    int64_t id, struct wm_buf *err)
{
	char detail[96];
	struct wm_q *st;
	int own, rc;

	if ((rc = wm_sq_tx_begin(s, &own, err)))
		return rc;
	if (!(st = wm_sq_query(s, ST_CYCLE_STOP, err)))
		rc = WM_STORE_ERROR;
	else {
		wm_q_int64(st, 1, id);
		wm_q_int64(st, 2, c->unit_id);
		wm_sq_text(st, 3, c->date);
		rc = wm_sq_exec(s, st, "stopping the cycle", err);
	}
	if (rc == 0 && wm_q_changes(s) != 1) {
		wm_buf_clear(err);
		wm_buf_puts(err, "the service has no such running cycle");
		rc = WM_STORE_NOT_FOUND;
	}
	if (rc == 0) {
		snprintf(detail, sizeof(detail), "cycle %lld stopped from %s",
		    (long long)id, c->date);
		rc = wm_store_audit(s, c->actor, "cycle stopped", "service",
		    c->unit_id, detail, c->address, err);
	}
	return wm_sq_tx_end(s, own, rc, err);
}

/* --- completion rates ------------------------------------------------ */

struct cyc {
	struct wm_cycle_info_row row;
	int64_t unit_id;
	const char *unit_code;
	int person;		/* about each person, else the service */
	int slot;		/* its url's place in urls[] */
	struct wm_date start, stopped;
	int has_stopped;
	struct wm_completion c;
};

/* An answer: when, and to which of the cycles' urls. */
struct ans {
	struct wm_date on;
	int slot;
};

struct spell {
	int64_t unit_id;
	struct wm_date joined, left;
	int has_left;
};

struct instr {
	int64_t id;
	int slot;
};

struct run {
	struct wm_store *s;
	struct wm_buf *err;
	struct wm_arena arena;
	struct wm_date today;
	struct cyc *cy;
	size_t n_cy, cap_cy;
	const char **urls;
	size_t n_urls, cap_urls;
	struct instr *ins;
	size_t n_ins, cap_ins;
	struct ans *ans;	/* one subject's, oldest first */
	size_t n_ans, cap_ans;
	struct wm_date *dates;	/* one url's of those */
	size_t cap_dates;
	struct spell *sp;	/* one person's */
	size_t n_sp, cap_sp;
	int64_t person;		/* whose spells are gathered; 0 none */
	int64_t *marked;	/* people marked to be worked out again */
	size_t n_marked, cap_marked;
	struct wm_q *answers;	/* NULL: one person at a time */
	int answers_row;	/* the cursor is on a row not yet used */
	int failed;
};

/* Grows *v to hold n + 1 items of `size`; -1 when out of memory. */
static int
grow(void *v, size_t *cap, size_t n, size_t size)
{
	void **p = v, *q;
	size_t c = *cap ? *cap * 2 : 64;

	if (n < *cap)
		return 0;
	if (c > SIZE_MAX / size || !(q = realloc(*p, c * size)))
		return -1;
	*p = q;
	*cap = c;
	return 0;
}

static int
url_slot(struct run *r, const char *url)
{
	size_t i;

	for (i = 0; i < r->n_urls; i++)
		if (strcmp(r->urls[i], url) == 0)
			return (int)i;
	return -1;
}

static char *
keep(struct run *r, const char *s)
{
	return s ? wm_arena_strdup(&r->arena, s) : NULL;
}

static int
load_cycle(struct wm_q *st, void *arg)
{
	struct run *r = arg;
	struct cyc *c;
	const char *stopped = wm_sq_col(st, 8);

	if (grow(&r->cy, &r->cap_cy, r->n_cy, sizeof(*r->cy)))
		return -1;
	c = &r->cy[r->n_cy];
	memset(c, 0, sizeof(*c));
	c->row.id = wm_q_col_int64(st, 0);
	c->unit_id = wm_q_col_int64(st, 1);
	c->unit_code = keep(r, wm_sq_col(st, 2));
	c->row.url = keep(r, wm_sq_col(st, 3));
	c->row.title = keep(r, wm_sq_col(st, 4));
	c->row.subject_kind = keep(r, wm_sq_col(st, 5));
	c->row.every_months = wm_q_col_int(st, 6);
	c->row.start = keep(r, wm_sq_col(st, 7));
	c->row.stopped = keep(r, stopped);
	if (!c->unit_code || !c->row.url || !c->row.title ||
	    !c->row.subject_kind || !c->row.start || (stopped &&
	    !c->row.stopped))
		return -1;
	c->person = strcmp(c->row.subject_kind, "person") == 0;
	if (wm_date_parse(c->row.start, &c->start))
		return 0;	/* a stored cycle always has a real date */
	c->has_stopped = stopped && wm_date_parse(stopped, &c->stopped) == 0;
	if ((c->slot = url_slot(r, c->row.url)) < 0) {
		if (grow(&r->urls, &r->cap_urls, r->n_urls, sizeof(*r->urls)))
			return -1;
		c->slot = (int)r->n_urls;
		r->urls[r->n_urls++] = c->row.url;
	}
	wm_completion_init(&c->c, &r->today);
	r->n_cy++;
	return 0;
}

static int
load_instrument(struct wm_q *st, void *arg)
{
	struct run *r = arg;
	const char *url = wm_sq_col(st, 1);

	if (grow(&r->ins, &r->cap_ins, r->n_ins, sizeof(*r->ins)))
		return -1;
	r->ins[r->n_ins].id = wm_q_col_int64(st, 0);
	r->ins[r->n_ins].slot = url ? url_slot(r, url) : -1;
	r->n_ins++;
	return 0;
}

/* The first of n items, `size` bytes apart, whose int64 key (at `off`)
 * is not below `key`; the items are in order of key. */
static size_t
lower_bound(const void *v, size_t n, size_t size, size_t off, int64_t key)
{
	const char *base = v;
	size_t lo = 0, hi = n, mid;
	int64_t k;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		memcpy(&k, base + mid * size + off, sizeof(k));
		if (k < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The url slot of an instrument id (ids come in order); -1 if none. */
static int
instrument_slot(const struct run *r, int64_t id)
{
	size_t i = lower_bound(r->ins, r->n_ins, sizeof(*r->ins),
	    offsetof(struct instr, id), id);

	return i < r->n_ins && r->ins[i].id == id ? r->ins[i].slot : -1;
}

/* Keeps the answer in the cursor's current row, if it is to a cycle's
 * measure. Columns: subject, authored, instrument. */
static int
take_answer(struct run *r, struct wm_q *st)
{
	const char *on = wm_sq_col(st, 1);
	int slot = instrument_slot(r, wm_q_col_int64(st, 2));

	if (slot < 0 || !on)
		return 0;
	if (grow(&r->ans, &r->cap_ans, r->n_ans, sizeof(*r->ans)))
		return -1;
	if (wm_date_parse(on, &r->ans[r->n_ans].on))
		return 0;
	r->ans[r->n_ans++].slot = slot;
	return 0;
}

static int
step(struct run *r, struct wm_q *st, const char *doing)
{
	return wm_sq_step(r->s, st, doing, r->err);
}

/* Gathers `person`'s answers into r->ans, oldest first: from the shared
 * cursor (every person's, in order of person) or by a query of their
 * own. */
static int
person_answers(struct run *r, int64_t person)
{
	struct wm_q *st = r->answers;
	int k;

	r->n_ans = 0;
	if (!st) {
		if (!(st = wm_sq_query(r->s, ST_COMPLETION_PERSON_ANSWERS,
		    r->err)))
			return -1;
		wm_q_int64(st, 1, person);
		while ((k = step(r, st, "reading the answers")) == 1)
			if (take_answer(r, st))
				return -1;
		wm_q_reset(st);
		return k;
	}
	for (;;) {
		if (!r->answers_row) {
			if ((k = step(r, st, "reading the answers")) <= 0)
				return k;
			r->answers_row = 1;
		}
		if (wm_q_col_int64(st, 0) > person)
			return 0;
		if (wm_q_col_int64(st, 0) == person &&
		    take_answer(r, st))
			return -1;
		r->answers_row = 0;
	}
}

/* Room in r->dates for all of r->ans. */
static int
dates_room(struct run *r)
{
	while (r->cap_dates < r->n_ans)
		if (grow(&r->dates, &r->cap_dates, r->cap_dates,
		    sizeof(*r->dates)))
			return -1;
	return 0;
}

/* The answers to one url, as dates, into r->dates. */
static size_t
answers_to(struct run *r, int slot)
{
	size_t i, n = 0;

	for (i = 0; i < r->n_ans; i++)
		if (r->ans[i].slot == slot)
			r->dates[n++] = r->ans[i].on;
	return n;
}

/* The first cycle of `unit` (cycles are in order of unit). */
static size_t
first_of_unit(const struct run *r, int64_t unit)
{
	return lower_bound(r->cy, r->n_cy, sizeof(*r->cy),
	    offsetof(struct cyc, unit_id), unit);
}

static void
add_spell(struct run *r, struct cyc *c, const struct wm_date *joined,
    const struct wm_date *left, size_t n_dates)
{
	struct wm_cycle_spell sp = { c->row.every_months, &c->start,
	    c->has_stopped ? &c->stopped : NULL, joined, left };

	wm_completion_add(&c->c, &sp, r->dates, n_dates);
}

/* Counts the gathered person's spells under their services' cycles. */
static int
person_done(struct run *r)
{
	size_t i, k, n;
	struct spell *sp;
	struct cyc *c;

	if (!r->person)
		return 0;
	if (person_answers(r, r->person))
		return -1;
	if (dates_room(r))
		return -1;
	for (i = 0; i < r->n_sp; i++) {
		sp = &r->sp[i];
		for (k = first_of_unit(r, sp->unit_id); k < r->n_cy &&
		    r->cy[k].unit_id == sp->unit_id; k++) {
			c = &r->cy[k];
			if (!c->person)
				continue;
			n = r->n_ans ? answers_to(r, c->slot) : 0;
			add_spell(r, c, &sp->joined, sp->has_left ? &sp->left :
			    NULL, n);
		}
	}
	r->n_sp = 0;
	r->person = 0;
	return 0;
}

/* Columns: person, unit, start_date, end_date; in order of person. */
static int
take_spell(struct wm_q *st, void *arg)
{
	struct run *r = arg;
	int64_t person = wm_q_col_int64(st, 0);
	const char *joined = wm_sq_col(st, 2), *left = wm_sq_col(st, 3);
	struct spell *sp;

	if (person != r->person && person_done(r))
		return -1;
	r->person = person;
	if (!joined || grow(&r->sp, &r->cap_sp, r->n_sp, sizeof(*r->sp)))
		return joined ? -1 : 0;
	sp = &r->sp[r->n_sp];
	sp->unit_id = wm_q_col_int64(st, 1);
	sp->has_left = left != NULL;
	if (wm_date_parse(joined, &sp->joined) || (left &&
	    wm_date_parse(left, &sp->left)))
		return 0;
	r->n_sp++;
	return 0;
}

/* Cycles about the service itself: its own answers (not a validator's),
 * from when the cycle began. Columns: service, authored, instrument. */
static int
service_cycles(struct run *r)
{
	struct wm_q *st;
	struct cyc *c;
	size_t i;
	int k = 0;

	for (i = 0; i < r->n_cy && k == 0; i++) {
		c = &r->cy[i];
		if (c->person)
			continue;
		if (!(st = wm_sq_query(r->s, ST_COMPLETION_SERVICE_ANSWERS,
		    r->err)))
			return -1;
		wm_q_int64(st, 1, c->unit_id);
		r->n_ans = 0;
		while ((k = step(r, st, "reading the services' answers")) == 1)
			if (take_answer(r, st))
				k = -1;
		wm_q_reset(st);
		if (k == 0 && (k = dates_room(r)) == 0)
			add_spell(r, c, &c->start, NULL, answers_to(r, c->slot));
	}
	return k;
}

static void
run_release(struct run *r)
{
	if (r->answers)
		wm_q_reset(r->answers);
	free(r->cy);
	free(r->urls);
	free(r->ins);
	free(r->ans);
	free(r->dates);
	free(r->sp);
	free(r->marked);
	wm_arena_release(&r->arena);
}

/* The cycles (of one service, or every one), and the measures' urls. */
static int
load_cycles(struct run *r, int64_t unit_id)
{
	struct wm_q *st;

	if (!(st = wm_sq_query(r->s, ST_COMPLETION_CYCLES, r->err)) ||
	    (wm_sq_id(st, 1, unit_id), wm_sq_each(r->s, st, load_cycle, r,
	    "reading the cycles", r->err)))
		return -1;
	if (r->n_cy == 0)
		return 0;
	if (!(st = wm_sq_query(r->s, ST_COMPLETION_INSTRUMENTS, r->err)) ||
	    wm_sq_each(r->s, st, load_instrument, r, "reading the measures",
	    r->err))
		return -1;
	return 0;
}

/* The whole pass: every spell beside every answer. */
static int
count_all(struct run *r, int64_t unit_id)
{
	struct wm_q *st;

	if (load_cycles(r, unit_id))
		return -1;
	if (r->n_cy == 0)
		return 0;
	if (!unit_id && !(r->answers = wm_sq_query(r->s,
	    ST_COMPLETION_ANSWERS, r->err)))
		return -1;
	if (!(st = wm_sq_query(r->s, unit_id ? ST_COMPLETION_SPELLS_UNIT :
	    ST_COMPLETION_SPELLS, r->err)))
		return -1;
	if (unit_id)
		wm_q_int64(st, 1, unit_id);
	if (wm_sq_each(r->s, st, take_spell, r, "reading the caseloads",
	    r->err) || person_done(r))
		return -1;
	return service_cycles(r);
}

/* --- the kept rates (migration 10, sql_completion_keep.c) -------- */

/* A date for the first of a month counted since year 0. */
static void
month_date(long month, struct wm_date *d)
{
	d->year = (int)(month / 12);
	d->month = (int)(month % 12) + 1;
	d->day = 1;
}

static struct cyc *
cycle_by_id(struct run *r, int64_t id)
{
	size_t i;

	for (i = 0; i < r->n_cy; i++)
		if (r->cy[i].row.id == id)
			return &r->cy[i];
	return NULL;
}

/* 1 when no one has an answer after the day (those whose times are
 * kept, and those marked to be worked out again): then the kept times
 * are those of the day. 0 to take the whole pass; -1 on failure. The
 * people marked are left in r->marked. */
static int
kept_usable(struct run *r)
{
	struct wm_q *st;
	struct wm_date on;
	const char *t;
	size_t i;
	int k;

	if (wm_sq_kept_noted(r->s))
		return 0;	/* this transaction's own saves, not yet kept */
	if (!(st = wm_sq_query(r->s, ST_KEPT_LATEST, r->err)))
		return -1;
	k = step(r, st, "reading the latest answer");
	t = k == 1 ? wm_sq_col(st, 0) : NULL;
	k = k < 0 ? -1 : !(t && t[0] && (wm_date_parse(t, &on) ||
	    wm_date_cmp(&on, &r->today) > 0));
	wm_q_reset(st);
	if (k <= 0)
		return k;
	if (!(st = wm_sq_query(r->s, ST_KEPT_DIRTY, r->err)))
		return -1;
	while ((k = step(r, st, "reading who changed")) == 1) {
		if (grow(&r->marked, &r->cap_marked, r->n_marked,
		    sizeof(*r->marked))) {
			k = -1;
			break;
		}
		r->marked[r->n_marked++] = wm_q_col_int64(st, 0);
	}
	wm_q_reset(st);
	if (k < 0 || !(st = wm_sq_query(r->s, ST_KEPT_PERSON_LATEST, r->err)))
		return -1;
	for (i = 0, k = 1; i < r->n_marked && k == 1; i++) {
		wm_q_int64(st, 1, r->marked[i]);
		if (step(r, st, "reading an answer") < 0)
			k = -1;
		else if ((t = wm_sq_col(st, 0)) && (wm_date_parse(t, &on) ||
		    wm_date_cmp(&on, &r->today) > 0))
			k = 0;
		wm_q_reset(st);
	}
	return k;
}

struct tail_count {
	struct cyc *c;
	long n;
};

static void
count_tail_time(void *ctx, const struct wm_cycle_window *w)
{
	struct tail_count *t = ctx;

	wm_completion_count(&t->c->c, &w->due, 0, t->n);
}

/* n of a tail's times that count by the day (n < 0: taken away). */
static void
count_tail(struct run *r, struct cyc *c, long first, long gone, long n)
{
	struct tail_count t = { c, n };
	struct wm_date f, g;

	wm_date_from_days(first, &f);
	if (gone != WM_SQ_KEPT_NEVER)
		wm_date_from_days(gone, &g);
	wm_cycle_tail_walk(c->row.every_months, &f, gone != WM_SQ_KEPT_NEVER ?
	    &g : NULL, &r->today, count_tail_time, &t);
}

/* A cycle's kept times that count by the day, and its open tails. */
static int
kept_cycle(struct run *r, struct cyc *c)
{
	long today = wm_date_days(&r->today);
	struct wm_q *st;
	struct wm_date m;
	int k;

	if (!(st = wm_sq_query(r->s, ST_KEPT_COUNTS, r->err)))
		return -1;
	wm_q_int64(st, 1, c->row.id);
	wm_q_int64(st, 2, c->c.first);
	wm_q_int64(st, 3, c->c.last);
	wm_q_int64(st, 4, today);
	while ((k = step(r, st, "reading the kept rates")) == 1) {
		month_date((long)wm_q_col_int64(st, 0), &m);
		wm_completion_count(&c->c, &m, wm_q_col_int(st, 1),
		    (long)wm_q_col_int64(st, 2));
	}
	wm_q_reset(st);
	if (k < 0 || !(st = wm_sq_query(r->s, ST_KEPT_TAILS, r->err)))
		return -1;
	wm_q_int64(st, 1, c->row.id);
	wm_q_int64(st, 2, today);
	while ((k = step(r, st, "reading the kept rates")) == 1)
		count_tail(r, c, (long)wm_q_col_int64(st, 0),
		    (long)wm_q_col_int64(st, 1),
		    (long)wm_q_col_int64(st, 2));
	wm_q_reset(st);
	return k;
}

/* Takes a person's kept times away again (as parts). */
static void
take_away(struct run *r, const struct wm_sq_parts *p)
{
	struct wm_date m;
	struct cyc *c;
	size_t i;

	for (i = 0; i < p->n; i++) {
		const long *v = p->v[i].v;

		if (!(c = cycle_by_id(r, v[0])) || !c->person)
			continue;
		if (v[1])
			count_tail(r, c, v[2], v[3], -1);
		else if (v[3] <= wm_date_days(&r->today)) {
			month_date(v[2], &m);
			wm_completion_count(&c->c, &m, (int)v[4], -1);
		}
	}
}

/* The people marked and not yet worked out again: what was kept of
 * theirs taken away, and their times worked out from their record now,
 * as the whole pass would (their own spells and answers). */
static int
kept_marked(struct run *r)
{
	struct wm_sq_parts p = { NULL, 0, 0 };
	struct wm_q *st;
	size_t i;
	int k = 0;

	for (i = 0; i < r->n_marked && k == 0; i++) {
		if (!(st = wm_sq_query(r->s, ST_KEPT_PERSON, r->err))) {
			k = -1;
			break;
		}
		p.n = 0;
		wm_q_int64(st, 1, r->marked[i]);
		if ((k = step(r, st, "reading kept times")) == 1 &&
		    wm_sq_parts_parse(&p, wm_sq_col(st, 0), WM_SQ_TIME_WIDTH)) {
			wm_buf_clear(r->err);
			wm_buf_puts(r->err, "kept times could not be read");
			k = -1;
		}
		wm_q_reset(st);
		if (k < 0)
			break;
		take_away(r, &p);
		k = 0;
		if (!(st = wm_sq_query(r->s, ST_KEPT_SPELLS, r->err))) {
			k = -1;
			break;
		}
		wm_q_int64(st, 1, r->marked[i]);
		k = wm_sq_each(r->s, st, take_spell, r, "reading the caseloads",
		    r->err) || person_done(r) ? -1 : 0;
	}
	wm_sq_parts_release(&p);
	return k ? -1 : 0;
}

/* The kept way: a few rows per cycle and month. */
static int
count_kept(struct run *r, int64_t unit_id)
{
	size_t i;

	if (load_cycles(r, unit_id))
		return -1;
	for (i = 0; i < r->n_cy; i++)
		if (r->cy[i].person && kept_cycle(r, &r->cy[i]))
			return -1;
	if (r->n_cy && kept_marked(r))
		return -1;
	return r->n_cy ? service_cycles(r) : 0;
}

int
wm_store_completion_each(struct wm_store *s, int64_t unit_id,
    const struct wm_date *today,
    int (*cb)(void *, const struct wm_completion_row *), void *ctx,
    struct wm_buf *err)
{
	struct run r;
	struct wm_completion_row row;
	size_t i;
	int rc = 0, k;

	memset(&r, 0, sizeof(r));
	r.s = s;
	r.err = err;
	r.today = *today;
	wm_buf_clear(err);
	if ((k = kept_usable(&r)) < 0 || (k ? count_kept(&r, unit_id) :
	    count_all(&r, unit_id))) {
		if (!err->len)
			wm_buf_puts(err, "counting the completion rates: out "
			    "of memory");
		rc = WM_STORE_ERROR;
	}
	for (i = 0; rc == 0 && i < r.n_cy; i++) {
		row.cycle = &r.cy[i].row;
		row.unit_id = r.cy[i].unit_id;
		row.unit_code = r.cy[i].unit_code;
		row.months = &r.cy[i].c;
		if ((k = cb(ctx, &row)) != 0) {
			if (k < 0) {
				wm_buf_puts(err, "the completion rates could "
				    "not be used");
				rc = WM_STORE_ERROR;
			}
			break;
		}
	}
	run_release(&r);
	return rc;
}
