/*
 * The network's figures about people, read from the state kept at write
 * time (migration 9, sql_outcome_keep.c; goals in sql_goals.c):
 * one row per person and scale for their outcomes, a few per scale for
 * the baseline sums, one per person on a caseload for the paired-outcome
 * rate and the goals. No person's id leaves the store in these rows.
 */
#include "store/sql_internal.h"

#include <stdlib.h>
#include <string.h>

#include "core/known_instruments.h"
#include "core/profile.h"

static int
refuse(const char *why, struct wm_buf *err)
{
	wm_buf_clear(err);
	wm_buf_puts(err, why);
	return WM_STORE_ERROR;
}

struct outcome_each {
	int (*cb)(void *, const struct wm_outcome_row *);
	void *ctx;
};

static int
outcome_row(struct wm_q *st, void *arg)
{
	struct outcome_each *e = arg;
	struct wm_outcome_row row = {
		.unit_id = wm_q_col_int64(st, 0),
		.respondent = wm_sq_col(st, 1),
		.scale = wm_sq_col(st, 2),
		.responses = wm_q_col_int64(st, 3),
		.first = wm_q_col_double(st, 4),
		.latest = wm_q_col_double(st, 5),
	};

	return e->cb(e->ctx, &row);
}

/* Whether anyone answered the measure after quarter t (numbered as the
 * rows number them) and before: then a window ending at t has rows whose
 * next answer is after it. */
static int
answered_after(struct wm_store *s, const char *measure, int t, int *later,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_NETWORK_LATER, err);
	int rc;

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, measure);
	wm_q_int(st, 2, t);
	rc = wm_sq_one_id(s, st, NULL, "reading the outcomes", err);
	*later = rc == 0;
	return rc == WM_STORE_NOT_FOUND ? 0 : rc;
}

int
wm_store_network_outcomes(struct wm_store *s, const char *measure,
    const char *from, const char *to,
    int (*cb)(void *, const struct wm_outcome_row *), void *ctx,
    struct wm_buf *err)
{
	struct outcome_each e = { cb, ctx };
	struct wm_quarter qf, qt;
	int f, t, later, rc;
	struct wm_q *st;

	if (!from || !to || wm_quarter_parse(from, &qf) ||
	    wm_quarter_parse(to, &qt))
		return refuse("a window's quarters are written YYYY-Qn, such as "
		    "2026-Q1", err);
	/* Numbered as the rows number them (migration 9). */
	f = qf.year * 4 + qf.quarter - 1;
	t = qt.year * 4 + qt.quarter - 1;
	if (f > t)
		return refuse("a window cannot end before it starts", err);
	if ((rc = answered_after(s, measure, t, &later, err)))
		return rc;
	if (!(st = wm_sq_query(s, later ? ST_NETWORK_OUTCOMES :
	    ST_NETWORK_OPEN, err)))
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, measure);
	wm_q_int(st, 2, f);
	wm_q_int(st, 3, t);
	return wm_sq_each(s, st, outcome_row, &e, "reading the outcomes",
	    err);
}

struct baseline_each {
	int (*cb)(void *, const struct wm_baseline_row *);
	void *ctx;
};

static int
baseline_row(struct wm_q *st, void *arg)
{
	struct baseline_each *e = arg;
	struct wm_baseline_row row = {
		.scale = wm_sq_col(st, 0),
		.respondent = wm_sq_col(st, 1),
		.item = wm_sq_col(st, 2),
		.n = wm_q_col_int64(st, 3),
		.sum = wm_q_col_double(st, 4),
		.sumsq = wm_q_col_double(st, 5),
	};

	return e->cb(e->ctx, &row);
}

int
wm_store_network_baseline(struct wm_store *s, const char *measure,
    int (*cb)(void *, const struct wm_baseline_row *), void *ctx,
    struct wm_buf *err)
{
	struct baseline_each e = { cb, ctx };
	struct wm_q *st = wm_sq_query(s, ST_NETWORK_BASELINE, err);

	if (!st)
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, measure);
	return wm_sq_each(s, st, baseline_row, &e, "reading the baseline sums",
	    err);
}

/*
 * The paired-outcome rate and the goals are counted per service in
 * memory from one pass over rows in order of person (the caseload's own
 * order, or goal_outcome's), so that no sort of the network's people is
 * needed. A person counts once at each service whose caseload they are
 * on now, however many open spells they have there.
 */
struct tally_row {
	int64_t unit;		/* 0: no one counted here */
	int64_t n[3];
};

struct tally {
	struct tally_row *v;	/* indexed by the service's id */
	size_t n;
	int64_t person;		/* the person whose rows are being read */
	int64_t *units;		/* their services so far */
	size_t n_units, cap_units;
	int flag[2];		/* goals: theirs so far (reviewed, higher) */
};

static struct tally_row *
tally_slot(struct tally *t, int64_t unit)
{
	struct tally_row *more;
	size_t n;

	if (unit <= 0)
		return NULL;
	if ((size_t)unit >= t->n) {
		n = (size_t)unit * 2 + 16;
		if (!(more = realloc(t->v, n * sizeof(*more))))
			return NULL;
		memset(more + t->n, 0, (n - t->n) * sizeof(*more));
		t->v = more;
		t->n = n;
	}
	t->v[unit].unit = unit;
	return &t->v[unit];
}

/* 1 the first time the person is read at the unit, 0 after; -1 out of
 * memory. */
static int
tally_first(struct tally *t, int64_t unit)
{
	int64_t *more;
	size_t i;

	for (i = 0; i < t->n_units; i++)
		if (t->units[i] == unit)
			return 0;
	if (t->n_units == t->cap_units) {
		if (!(more = realloc(t->units, (t->cap_units + 8) *
		    sizeof(*more))))
			return -1;
		t->units = more;
		t->cap_units += 8;
	}
	t->units[t->n_units++] = unit;
	return 1;
}

static void
tally_release(struct tally *t)
{
	free(t->v);
	free(t->units);
}

/* Hands each service's counts on, by id; fills err if cb fails. */
static int
tally_each(struct tally *t, int (*row)(const struct tally_row *, void *),
    void *ctx, const char *doing, struct wm_buf *err)
{
	size_t i;
	int stop = 0;

	for (i = 0; stop == 0 && i < t->n; i++)
		if (t->v[i].unit)
			stop = row(&t->v[i], ctx);
	if (stop >= 0)
		return 0;
	wm_buf_clear(err);
	wm_buf_printf(err, "%s: the rows could not be used", doing);
	return WM_STORE_ERROR;
}

/* One open spell: the person, the service, joined long enough ago, and
 * (then) their scored responses to the measure. The first spell of a
 * person at a service is the earliest, as they come in order of start. */
static int
paired_spell(struct wm_q *st, void *arg)
{
	struct tally *t = arg;
	int64_t person = wm_q_col_int64(st, 0);
	int64_t unit = wm_q_col_int64(st, 1);
	struct tally_row *row;
	int first;

	if (person != t->person) {
		t->person = person;
		t->n_units = 0;
	}
	if ((first = tally_first(t, unit)) <= 0)
		return first;
	if (!(row = tally_slot(t, unit)))
		return -1;
	row->n[0] += wm_q_col_int(st, 2) != 0;
	row->n[1] += wm_q_col_int64(st, 3) >= 2;
	return 0;
}

struct paired_each {
	int (*cb)(void *, const struct wm_paired_rate_row *);
	void *ctx;
};

static int
paired_row(const struct tally_row *t, void *arg)
{
	struct paired_each *e = arg;
	struct wm_paired_rate_row row = { t->unit, t->n[0], t->n[1] };

	return e->cb(e->ctx, &row);
}

/* --- the people on the caseloads, as kept (sql_people_keep.c) ---- */

struct goal_rate_each {
	int (*cb)(void *, const struct wm_goal_rate_row *);
	void *ctx;
};

/* The kept figures are true (sql_internal.h) when no one is marked:
 * for a `day`, also when no one answered after it, since those who
 * joined long enough before the latest answer are kept as joined on any
 * day. */
int
wm_sq_kept_true(struct wm_store *s, const struct wm_date *day,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_query(s, ST_KEPT_ANY_MARKED, err);
	struct wm_date on;
	const char *t;
	int k;

	if (!st)
		return -1;
	if (wm_sq_kept_noted(s))
		return 0;	/* this transaction's own saves, not yet kept */
	k = wm_sq_step(s, st, "reading who changed", err);
	wm_q_reset(st);
	if (k != 0 || !day)
		return k < 0 ? -1 : !k;
	if (!(st = wm_sq_query(s, ST_KEPT_LATEST, err)))
		return -1;
	if ((k = wm_sq_step(s, st, "reading the latest answer", err)) == 1)
		k = !((t = wm_sq_col(st, 0)) && t[0] && (wm_date_parse(t,
		    &on) || wm_date_cmp(&on, day) > 0));
	wm_q_reset(st);
	return k;
}

static int
kept_paired_row(struct wm_q *st, void *arg)
{
	struct paired_each *e = arg;
	struct wm_paired_rate_row row = { wm_q_col_int64(st, 0),
	    wm_q_col_int64(st, 1), wm_q_col_int64(st, 2) };

	return e->cb(e->ctx, &row);
}

static int
kept_goal_row(struct wm_q *st, void *arg)
{
	struct goal_rate_each *e = arg;
	struct wm_goal_rate_row row = { wm_q_col_int64(st, 0),
	    wm_q_col_int64(st, 1), wm_q_col_int64(st, 2),
	    wm_q_col_int64(st, 3) };

	return e->cb(e->ctx, &row);
}

/*
 * The paired-outcome rate is kept for the recovery markers (the measure
 * NHS England's targets are set on, and the one the network view asks
 * for), for up to WM_SQ_KEPT_DAYS on the caseload: a read for those
 * takes a row per service and day joined since. Any other, and any read
 * while the kept figures are not true, reads every open spell.
 */
int
wm_store_network_paired_rate(struct wm_store *s, const char *measure,
    const char *today, int days,
    int (*cb)(void *, const struct wm_paired_rate_row *), void *ctx,
    struct wm_buf *err)
{
	struct paired_each e = { cb, ctx };
	struct tally t = { NULL, 0, 0, NULL, 0, 0, { 0, 0 } };
	struct wm_date d;
	char since[11];
	struct wm_q *st;
	int rc;

	if (!today || wm_date_parse(today, &d))
		return refuse("today is written YYYY-MM-DD", err);
	if (days < 0)
		return refuse("the days on a caseload cannot be fewer than none",
		    err);
	if (measure && days <= WM_SQ_KEPT_DAYS &&
	    strcmp(measure, wm_known_url(WM_KNOWN_RECOVERY_MARKERS)) == 0) {
		if ((rc = wm_sq_kept_true(s, &d, err)) < 0)
			return WM_STORE_ERROR;
		if (rc) {
			if (!(st = wm_sq_query(s, ST_PEOPLE_PAIRED, err)))
				return WM_STORE_ERROR;
			wm_q_int64(st, 1, wm_date_days(&d) - days);
			return wm_sq_each(s, st, kept_paired_row, &e,
			    "reading the paired-outcome rate", err);
		}
	}
	/* Joined at least `days` days before today: on or before this. */
	wm_date_from_days(wm_date_days(&d) - days, &d);
	wm_date_format(&d, since);
	if (!(st = wm_sq_query(s, ST_NETWORK_PAIRED, err)))
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, measure);
	wm_sq_text(st, 2, since);
	rc = wm_sq_each(s, st, paired_spell, &t,
	    "reading the paired-outcome rate", err);
	if (rc == 0)
		rc = tally_each(&t, paired_row, &e,
		    "reading the paired-outcome rate", err);
	tally_release(&t);
	return rc;
}

/* The person read so far counts at each of their services. */
static int
goals_person_done(struct tally *t)
{
	struct tally_row *row;
	size_t i;

	for (i = 0; i < t->n_units; i++) {
		if (!(row = tally_slot(t, t->units[i])))
			return -1;
		row->n[0]++;
		row->n[1] += t->flag[0];
		row->n[2] += t->flag[1];
	}
	t->n_units = 0;
	t->flag[0] = t->flag[1] = 0;
	return 0;
}

/* One goal of someone on a caseload now, at one of their services:
 * reviewed twice or more, and then rated higher at its latest. */
static int
goal_at(struct wm_q *st, void *arg)
{
	struct tally *t = arg;
	int64_t person = wm_q_col_int64(st, 0);

	if (person != t->person && goals_person_done(t))
		return -1;
	t->person = person;
	if (tally_first(t, wm_q_col_int64(st, 1)) < 0)
		return -1;
	t->flag[0] |= wm_q_col_int(st, 2) != 0;
	t->flag[1] |= wm_q_col_int(st, 3) != 0;
	return 0;
}

static int
goal_rate_row(const struct tally_row *t, void *arg)
{
	struct goal_rate_each *e = arg;
	struct wm_goal_rate_row row = { t->unit, t->n[0], t->n[1], t->n[2] };

	return e->cb(e->ctx, &row);
}

int
wm_store_network_goals(struct wm_store *s,
    int (*cb)(void *, const struct wm_goal_rate_row *), void *ctx,
    struct wm_buf *err)
{
	struct goal_rate_each e = { cb, ctx };
	struct tally t = { NULL, 0, 0, NULL, 0, 0, { 0, 0 } };
	struct wm_q *st;
	int rc;

	if ((rc = wm_sq_kept_true(s, NULL, err)) < 0)
		return WM_STORE_ERROR;
	if (rc) {
		if (!(st = wm_sq_query(s, ST_PEOPLE_GOALS_READ, err)))
			return WM_STORE_ERROR;
		return wm_sq_each(s, st, kept_goal_row, &e, "reading the "
		    "goals' figures", err);
	}
	if (!(st = wm_sq_query(s, ST_NETWORK_GOALS, err)))
		return WM_STORE_ERROR;
	rc = wm_sq_each(s, st, goal_at, &t, "reading the goals' figures", err);
	if (rc == 0 && goals_person_done(&t))
		rc = refuse("out of memory reading the goals' figures", err);
	if (rc == 0)
		rc = tally_each(&t, goal_rate_row, &e, "reading the goals' "
		    "figures", err);
	tally_release(&t);
	return rc;
}

struct caseload_each {
	int (*cb)(void *, const struct wm_caseload_count_row *);
	void *ctx;
};

static int
caseload_row(struct wm_q *st, void *arg)
{
	struct caseload_each *e = arg;
	struct wm_caseload_count_row row = {
		.unit_id = wm_q_col_int64(st, 0),
		.people = wm_q_col_int64(st, 1),
	};

	return e->cb(e->ctx, &row);
}

int
wm_store_network_caseloads(struct wm_store *s, const char *from,
    const char *to, int (*cb)(void *, const struct wm_caseload_count_row *),
    void *ctx, struct wm_buf *err)
{
	struct caseload_each e = { cb, ctx };
	struct wm_date a, b;
	struct wm_q *st;

	if (!from || !to || wm_date_parse(from, &a) || wm_date_parse(to, &b))
		return refuse("the days of a window are written YYYY-MM-DD",
		    err);
	if (wm_date_cmp(&a, &b) > 0)
		return refuse("a window cannot end before it starts", err);
	if (!(st = wm_sq_query(s, ST_NETWORK_CASELOADS, err)))
		return WM_STORE_ERROR;
	wm_sq_text(st, 1, from);
	wm_sq_text(st, 2, to);
	return wm_sq_each(s, st, caseload_row, &e, "reading the caseloads",
	    err);
}
