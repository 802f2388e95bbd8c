/*
 * The people on each caseload now, kept at write time (migration 10;
 * read in sql_outcomes.c) for the network's paired-outcome rate and
 * goals. For each person the triggers marked (sql_completion_keep.c's
 * flush calls this for each), their spells open now are worked out again
 * from their own record: per service, the day they joined it (the
 * earlier, when two spells there are open), whether they have the
 * recovery markers recorded twice or more, goals of their own, a goal
 * reviewed twice or more, and such a goal rated higher at its latest
 * review than its first. What was kept of theirs is taken from the
 * totals per service and day joined, and what is true now added.
 *
 * Someone who joined WM_SQ_KEPT_DAYS or more before the latest answer
 * counts as on the caseload long enough on any day a kept read can be
 * for (one on or after that answer), so is kept under "any day": the
 * totals hold a row per service for them, and one per day joined since.
 */
#include "store/sql_internal.h"

#include <string.h>

#include "core/known_instruments.h"

/* A person's part: {unit, day joined (or any day), paired, with goals,
 * reviewed twice, rated higher}. */
#define PEOPLE_WIDTH 6

struct pk {
	struct wm_store *s;
	struct wm_buf *err;
	int64_t person;
	long since_any;		/* joined on or before this: any day */
	int has_latest;
	int paired, goals, reviewed, higher;
	struct wm_sq_parts now, was;
	struct wm_buf text;
};

/* One open spell: its service's part, or an earlier start for it. */
static int
take_spell(struct pk *k, int64_t unit, long since)
{
	struct wm_sq_part x = { { (long)unit, since, k->paired, k->goals,
	    k->reviewed, k->higher, 0 } };
	size_t i;

	if (k->has_latest && since <= k->since_any)
		x.v[1] = WM_SQ_KEPT_ALWAYS;
	for (i = 0; i < k->now.n; i++)
		if (k->now.v[i].v[0] == (long)unit) {
			if (x.v[1] < k->now.v[i].v[1])
				k->now.v[i].v[1] = x.v[1];
			return 0;
		}
	return wm_sq_parts_add(&k->now, &x);
}

/* The person's figures: the recovery markers twice, and goals. */
static int
figures(struct pk *k)
{
	struct wm_q *st = wm_sq_stmt(k->s, ST_PEOPLE_MARKERS, k->err);
	int rc;

	if (!st)
		return -1;
	wm_q_int64(st, 1, k->person);
	wm_sq_text(st, 2, wm_known_url(WM_KNOWN_RECOVERY_MARKERS));
	if ((rc = wm_sq_step(k->s, st, "counting the recovery markers",
	    k->err)) == 1)
		k->paired = wm_q_col_int64(st, 0) >= 2;
	wm_q_reset(st);
	if (rc < 0 || !(st = wm_sq_stmt(k->s, ST_PEOPLE_GOALS, k->err)))
		return -1;
	wm_q_int64(st, 1, k->person);
	if ((rc = wm_sq_step(k->s, st, "reading the goals", k->err)) == 1) {
		k->goals = wm_q_col_int64(st, 0) > 0;
		k->reviewed = wm_q_col_int(st, 1) != 0;
		k->higher = wm_q_col_int(st, 2) != 0;
	}
	wm_q_reset(st);
	return rc < 0 ? -1 : 0;
}

/* Their spells open now, a part per service. */
static int
spells(struct pk *k, const struct wm_sq_spell *sp, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (sp[i].open && take_spell(k, sp[i].unit,
		    wm_date_days(&sp[i].joined)))
			return -1;
	wm_sq_parts_sort(&k->now);
	return 0;
}

static const struct wm_sq_kept_kind kind = { ST_PEOPLE_PERSON,
	ST_PEOPLE_PERSON_PUT, ST_PEOPLE_PERSON_DROP, PEOPLE_WIDTH,
	WM_SQ_TOTAL_PEOPLE };

int
wm_sq_people_total(struct wm_store *s, const struct wm_sq_part *x, long n,
    struct wm_buf *err)
{
	struct wm_q *st = wm_sq_stmt(s, ST_PEOPLE_COUNT_ADD, err);
	int i;

	if (!st)
		return -1;
	wm_q_int64(st, 1, x->v[0]);
	wm_q_int64(st, 2, x->v[1]);
	wm_q_int64(st, 3, n);
	for (i = 2; i < PEOPLE_WIDTH; i++)
		wm_q_int64(st, i + 2, x->v[i] * n);
	return wm_sq_exec(s, st, "keeping the people's figures", err) ? -1 :
	    0;
}

/* 1 when every part kept has the recovery markers twice: then new
 * answers (all a person with only new answers has) change nothing. */
static int
paired_already(const struct pk *k)
{
	size_t i;

	for (i = 0; i < k->was.n; i++)
		if (!k->was.v[i].v[2])
			return 0;
	return k->was.n > 0;
}

int
wm_sq_people_keep(struct wm_store *s, int64_t person,
    const struct wm_sq_spell *sp, size_t n_spells,
    const struct wm_date *latest, int answers_only,
    struct wm_sq_totals *totals, struct wm_buf *err)
{
	struct pk k;
	int rc = -1;

	memset(&k, 0, sizeof(k));
	k.s = s;
	k.err = err;
	k.person = person;
	wm_buf_init(&k.text, WM_BUF_DEFAULT_MAX);
	if ((k.has_latest = latest != NULL))
		k.since_any = wm_date_days(latest) - WM_SQ_KEPT_DAYS;
	if (wm_sq_kept_read(s, &kind, person, &k.was, err))
		goto out;
	if (answers_only && paired_already(&k)) {
		rc = 0;
		goto out;
	}
	if (figures(&k) || spells(&k, sp, n_spells))
		goto out;
	if (wm_sq_kept_write(s, &kind, person, &k.was, &k.now, totals,
	    &k.text, err))
		goto out;
	rc = 0;
out:
	if (rc && !err->len)
		wm_buf_puts(err, "keeping the people's figures: out of memory");
	wm_sq_parts_release(&k.now);
	wm_sq_parts_release(&k.was);
	wm_buf_release(&k.text);
	return rc ? WM_STORE_ERROR : 0;
}
