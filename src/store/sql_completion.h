/*
 * Private to the completion rates kept at write time
 * (sql_completion_keep.c, the flush and the whole working out of a
 * person; sql_completion_more.c, a person's times carried on from
 * where they stood when only later answers have come).
 *
 * A person's parts (sql_internal.h, struct wm_sq_parts), per cycle of
 * their services and per spell there:
 *   a time    {cycle, 0, month due, the day it counts from, met}
 *   the tail  {cycle, 1, its first due day still kept, the day it ends}
 *   where the times stand, for later answers (not a total)
 *             {cycle, 2, the day the spell began, state, last due day,
 *              next due day (core/cycle.h, struct wm_cycle_resume), the
 *              day of the last answer walked (WM_SQ_KEPT_ALWAYS: none),
 *              the tail's first due day as walked (WM_SQ_KEPT_NEVER:
 *              none), the latest answer it was kept against
 *              (WM_SQ_KEPT_ALWAYS: none)}
 * Days as wm_date_days counts them; months since year 0.
 */
#ifndef WM_STORE_SQLITE_COMPLETION_H
#define WM_STORE_SQLITE_COMPLETION_H

#include "core/cycle.h"
#include "store/sql_internal.h"

enum { KEPT_TIME, KEPT_TAIL, KEPT_RESUME };

/* A completed response about a person, noted by the save that added it. */
struct wm_sq_note {
	int64_t person, response, instrument;
	struct wm_date authored;
	int own;		/* by the person, alone or with a practitioner */
};
struct wm_sq_notes {
	struct wm_sq_note *v;
	size_t n, cap;
};

/* A cycle about people. */
struct kcycle {
	int64_t id, unit_id;
	int every, slot;	/* slot: its url's place among the urls */
	struct wm_date start, stopped;
	int has_stopped;
};

/* Where a walk's parts go, and the latest answer they are kept against:
 * a time counting by it is kept as counting on any day, and one due
 * more than the rates' 13 months before it is not kept. */
struct kept_sink {
	struct wm_sq_parts *out;
	long cycle;
	int has_latest;
	struct wm_date latest;
	long latest_days, floor;
	int failed;		/* out of memory */
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
	size_t cap_dates;
	struct wm_sq_spell *spells;	/* one person's */
	size_t n_spells, cap_spells;
	struct wm_sq_parts now, was;	/* the person's parts, new and kept */
	struct wm_sq_parts old;	/* parts to take away (sql_completion_more.c) */
	struct wm_sq_totals totals;	/* the flush's changes to the totals */
	struct wm_sq_notes *notes;	/* the saves' notes, sorted */
	/* The latest day anyone answered: has_latest 0 when no one has;
	 * and as it was kept before the flush. */
	struct wm_date latest, loaded_latest;
	int has_latest, had_latest;
	int any_marked;		/* kept_dirty had rows */
	struct wm_buf text;
	/* Migration 11's figures (who is left out, the indicators): kept
	 * unless the flush is migration 10's, before their tables. */
	int figures11;
	struct wm_sq_keys *keys;
	int64_t *indicators;	/* the indicators' instrument ids */
	size_t n_indicators;
};

int wm_sq_kept_grow(void *v, size_t *cap, size_t n, size_t size);

/* A sink for `cycle`'s parts into out, kept against `latest` (NULL:
 * no one has answered). */
void wm_sq_kept_sink(struct kept_sink *k, struct wm_sq_parts *out,
    long cycle, const struct wm_date *latest);
/* wm_cycle_steps's fn: a time into the sink (ctx). */
void wm_sq_kept_step(void *ctx, const struct wm_cycle_step *s);
/* The open tail from `first`: its times that count by the latest answer
 * as times, and a tail from the first still to count (none when the
 * spell ends first). -1 out of memory. */
int wm_sq_kept_tail(struct kept_sink *k, int every,
    const struct wm_date *first, const struct wm_date *end);
/* Where a spell's times stand, with the day of the last answer walked
 * (`last_answer`, NULL: none) and the tail's first due date (NULL:
 * none). -1 out of memory. */
int wm_sq_kept_resume(struct kept_sink *k, const struct wm_date *joined,
    const struct wm_cycle_resume *r, const struct wm_date *last_answer,
    const struct wm_date *tail);

/* The cycle, the spell's end (the earlier of leaving and the cycle
 * stopping), and where its times begin. */
const struct wm_date *wm_sq_kept_end(const struct kcycle *c,
    const struct wm_date *left);

/* The person's kept parts into kp->was, sorted. */
int wm_sq_kept_was(struct keeper *kp, int64_t person);
/* kp->now made the person's kept parts: where they differ from kp->was,
 * the old taken from the totals, the new added, and the new kept. */
int wm_sq_kept_put(struct keeper *kp, int64_t person);
/* The person's spells into kp->spells. */
int wm_sq_kept_spells(struct keeper *kp, int64_t person);
/* An instrument's url's place, or -1. */
int wm_sq_kept_slot(const struct keeper *kp, int64_t instrument_id);

/* The answers noted for the person since they were kept, oldest first,
 * into kp->ans (and the latest day anyone answered moved on). */
int wm_sq_kept_new(struct keeper *kp, int64_t person);

/* sql_completion_more.c: the person's times carried on from where
 * they stood, when the only change since they were kept is completed
 * answers given on or after the last day each cycle's times walked:
 * 1 when done so (kp->now their parts), 0 when they must be worked out
 * whole, -1 on failure. */
int wm_sq_kept_more(struct keeper *kp, int64_t person);

#endif
