/*
 * A person's completion times carried on from where they stood
 * (sql_completion.h), when the only change since they were kept is
 * completed answers given on or after the day of the last answer each
 * cycle's times were walked with: as core's walk would go on with them
 * (wm_cycle_steps_more), with the new answers alone. What the walk had
 * kept after that point (the open tail, and its times kept as times) is
 * worked out again as it was kept, from the tail's first due date and
 * the latest answer then, and taken away; what the new answers bring is
 * added. Anything else (an answer dated earlier, a spell or a cycle
 * changed) has the person worked out whole.
 */
#include "store/sql_completion.h"


static const struct kcycle *
cycle_of(const struct keeper *kp, long id)
{
	size_t i;

	for (i = 0; i < kp->n_cy; i++)
		if (kp->cy[i].id == id)
			return &kp->cy[i];
	return NULL;
}

static const struct wm_sq_spell *
spell_of(const struct keeper *kp, int64_t unit, long joined)
{
	size_t i;

	for (i = 0; i < kp->n_spells; i++)
		if (kp->spells[i].unit == unit &&
		    wm_date_days(&kp->spells[i].joined) == joined)
			return &kp->spells[i];
	return NULL;
}

/*
 * One spell's times carried on: what was kept after the point they
 * stood at into kp->old, what the new answers bring into kp->now. 1
 * when done, 0 when the person must be worked out whole, -1 on failure.
 */
static int
carry_on(struct keeper *kp, const struct wm_sq_part *r)
{
	const long *v = r->v;
	const struct kcycle *c = cycle_of(kp, v[0]);
	const struct wm_sq_spell *sp;
	const struct wm_date *end;
	struct wm_cycle_resume from, to;
	struct wm_date then, first, tail;
	struct kept_sink k;
	size_t i, n = 0;
	int has_tail;

	if (!c)
		return 0;
	for (i = 0; i < kp->n_ans; i++)
		if (kp->ans_slot[i] == c->slot)
			kp->dates[n++] = kp->ans[i];
	if (n == 0)
		return 1;	/* no new answer to its measure */
	if (v[6] != WM_SQ_KEPT_ALWAYS && wm_date_days(&kp->dates[0]) < v[6])
		return 0;	/* an answer dated before the last walked */
	if (v[3] == WM_CYCLE_ENDED)
		return 1;	/* its times ended before the answers did */
	if (!(sp = spell_of(kp, c->unit_id, v[2])))
		return 0;
	end = wm_sq_kept_end(c, sp->open ? NULL : &sp->left);
	/* What was kept after the point: the tail, as it was kept. */
	if (v[8] != WM_SQ_KEPT_ALWAYS)
		wm_date_from_days(v[8], &then);
	wm_sq_kept_sink(&k, &kp->old, v[0], v[8] != WM_SQ_KEPT_ALWAYS ?
	    &then : NULL);
	if (v[7] != WM_SQ_KEPT_NEVER) {
		wm_date_from_days(v[7], &first);
		if (wm_sq_kept_tail(&k, c->every, &first, end))
			return -1;
	}
	if (wm_sq_parts_add(&kp->old, r))
		return -1;
	/* What the new answers bring. */
	from.state = (int)v[3];
	wm_date_from_days(v[4], &from.last);
	wm_date_from_days(v[5], &from.next);
	wm_sq_kept_sink(&k, &kp->now, v[0], kp->has_latest ? &kp->latest :
	    NULL);
	has_tail = wm_cycle_steps_more(c->every, &from, end, kp->dates, n,
	    wm_sq_kept_step, &k, &tail, &to);
	if (k.failed || (has_tail && wm_sq_kept_tail(&k, c->every, &tail,
	    end)) || wm_sq_kept_resume(&k, &sp->joined, &to,
	    &kp->dates[n - 1], has_tail ? &tail : NULL))
		return -1;
	return 1;
}

/* kp->now less each of kp->old (both sorted): 0, or 1 when one of them
 * is not there (then the person is worked out whole). */
static int
take_old(struct keeper *kp)
{
	size_t i = 0, j = 0, out = 0;
	int c;

	while (i < kp->now.n) {
		c = j < kp->old.n ? wm_sq_part_cmp(&kp->now.v[i],
		    &kp->old.v[j]) : -1;
		if (c == 0) {
			i++;
			j++;
		} else if (c < 0)
			kp->now.v[out++] = kp->now.v[i++];
		else
			return 1;
	}
	kp->now.n = out;
	return j < kp->old.n;
}

int
wm_sq_kept_more(struct keeper *kp, int64_t person)
{
	size_t i, n_was;
	int k, carried = 0;

	kp->old.n = 0;
	if (wm_sq_kept_new(kp, person) || wm_sq_kept_was(kp, person) ||
	    wm_sq_kept_spells(kp, person))
		return -1;
	kp->now.n = 0;
	for (i = 0; i < kp->was.n; i++)
		if (wm_sq_parts_add(&kp->now, &kp->was.v[i]))
			return -1;
	if (kp->n_ans == 0)
		return 1;	/* a goal: the times are as they were */
	n_was = kp->was.n;
	for (i = 0; i < n_was; i++) {
		if (kp->was.v[i].v[1] != KEPT_RESUME)
			continue;
		carried = 1;
		if ((k = carry_on(kp, &kp->was.v[i])) <= 0)
			return k;
	}
	if (!carried)
		return 0;	/* kept before the points were (or never) */
	wm_sq_parts_sort(&kp->now);
	wm_sq_parts_sort(&kp->old);
	return take_old(kp) ? 0 : 1;
}
