#include "core/cycle.h"

#include <limits.h>
#include <string.h>

const char *
wm_cycle_every_problem(const char *text, int *out)
{
	int n = 0;
	size_t i;

	if (!text || !text[0])
		return "Enter how many months apart the measure is due";
	for (i = 0; text[i]; i++) {
		if (text[i] < '0' || text[i] > '9' || i >= 3)
			return "How often must be a whole number of months, "
			    "from 1 to 60";
		n = n * 10 + (text[i] - '0');
	}
	if (n < 1 || n > WM_CYCLE_MAX_MONTHS)
		return "How often must be a whole number of months, from 1 "
		    "to 60";
	*out = n;
	return NULL;
}

/*
 * Newsletter: "All services have a regular cycle of measuring recovery
 * outcomes embedded into routine practice"
 * Waymark: "a measure is due every so many months after the last answer,
 * or from joining the caseload, and overdue 30 days after it was due"
 */
enum wm_due
wm_cycle_due(const struct wm_date *today, int every_months,
    const struct wm_date *since, const struct wm_date *last,
    struct wm_date *due_on)
{
	*due_on = last ? *last : *since;
	if (last)
		wm_date_add_months(due_on, every_months);
	if (wm_date_cmp(today, due_on) < 0)
		return WM_DUE_NOT_YET;
	if (wm_date_days(today) - wm_date_days(due_on) < WM_CYCLE_GRACE_DAYS)
		return WM_DUE_NOW;
	return WM_DUE_OVERDUE;
}

/* The first answer on or after day `from`, from index *i on; NULL if none. */
static const struct wm_date *
answer_from(const struct wm_date *answers, size_t n, size_t *i, long from)
{
	while (*i < n && wm_date_days(&answers[*i]) < from)
		(*i)++;
	return *i < n ? &answers[*i] : NULL;
}

/* Moves `next` on, as the due list's is, by each answer from *i on
 * given (by day `end`) before the window due on `next` opens. */
static void
move_on(int every_months, struct wm_date *next, const struct wm_date *answers,
    size_t n_answers, size_t *i, long end)
{
	while (*i < n_answers && wm_date_days(&answers[*i]) <= end &&
	    wm_date_days(&answers[*i]) < wm_date_days(next) -
	    WM_CYCLE_EARLY_DAYS) {
		*next = answers[(*i)++];
		wm_date_add_months(next, every_months);
	}
}

/* The next time is never on or before the time due on `due`: a walk
 * always moves on, so it ends. */
static void
never_back(int every_months, struct wm_date *next, const struct wm_date *due)
{
	if (wm_date_days(next) <= wm_date_days(due)) {
		*next = *due;
		wm_date_add_months(next, every_months);
	}
}

/*
 * The next time due after the window due on `due`: every_months after
 * the answer that met it (`met`, else after its due date), moved on by
 * each later answer given (by day `end`) before the next window opens.
 */
static struct wm_date
next_due(int every_months, const struct wm_date *due,
    const struct wm_date *met, const struct wm_date *answers,
    size_t n_answers, size_t *i, long end)
{
	struct wm_date next = met ? *met : *due;

	wm_date_add_months(&next, every_months);
	if (met)
		(*i)++;
	move_on(every_months, &next, answers, n_answers, i, end);
	never_back(every_months, &next, due);
	return next;
}

/*
 * Waymark: "each time a measure fell due counts as done when answered
 * within its completion window, 30 days either side of the due date;
 * people joining and leaving mid-cycle count only while there"
 */
size_t
wm_cycle_walk(int every_months, const struct wm_date *since,
    const struct wm_date *left, const struct wm_date *answers,
    size_t n_answers, const struct wm_date *until,
    void (*fn)(void *ctx, const struct wm_cycle_window *w), void *ctx)
{
	struct wm_date due = *since;
	struct wm_cycle_window w;
	const struct wm_date *a;
	long end = wm_date_days(until), gone = left ? wm_date_days(left) :
	    end + 1, d, closes;
	size_t i = 0, n = 0;
	int done;

	if (every_months < 1)
		return 0;
	while ((d = wm_date_days(&due)) <= end && d <= gone) {
		closes = d + WM_CYCLE_GRACE_DAYS;
		a = answer_from(answers, n_answers, &i, d - WM_CYCLE_EARLY_DAYS);
		done = a && wm_date_days(a) <= closes && wm_date_days(a) <= end;
		/* An open window, or one the person left before it closed,
		 * is not (yet) a time they were due. */
		if (!done && (closes > end || closes > gone))
			break;
		w.due = due;
		w.done = done;
		w.done_on = done ? *a : due;
		fn(ctx, &w);
		n++;
		due = next_due(every_months, &due, done ? a : NULL, answers,
		    n_answers, &i, end);
	}
	return n;
}

/*
 * The walk above without a day to stop at: every answer is one given by
 * then, so a window met counts once both its due date and the answer
 * have come, and one unmet once its window has closed (the walk's own
 * tests, read for a day on or after every answer). Each counts from a
 * later day than the one before it: a window met is followed by one due
 * after the answer; one unmet, by one due at least a month after it or
 * met by an answer after it closed.
 */
/* Where a walk first found it had used every answer (sqlite's kept
 * times go on from there when later answers come). */
static void
note_end(struct wm_cycle_resume *r, int state, const struct wm_date *last,
    const struct wm_date *next)
{
	if (r->state != WM_CYCLE_ENDED)
		return;
	r->state = state;
	r->last = *last;
	r->next = *next;
}

/* The steps from the time due on `due`, with the answers from i on. */
static int
steps_on(int every_months, struct wm_date due, const struct wm_date *left,
    const struct wm_date *answers, size_t n_answers, size_t i,
    void (*fn)(void *ctx, const struct wm_cycle_step *s), void *ctx,
    struct wm_date *tail, struct wm_cycle_resume *r)
{
	struct wm_cycle_step s;
	struct wm_date next;
	const struct wm_date *a;
	long gone = left ? wm_date_days(left) : 0, d, closes, at;

	for (;;) {
		d = wm_date_days(&due);
		if (left && d > gone)
			return 0;
		closes = d + WM_CYCLE_GRACE_DAYS;
		if (!(a = answer_from(answers, n_answers, &i, d -
		    WM_CYCLE_EARLY_DAYS))) {
			note_end(r, WM_CYCLE_AT, &due, &due);
			*tail = due;
			return 1;
		}
		at = wm_date_days(a);
		s.due = due;
		s.done = at <= closes;
		if (!s.done && left && closes > gone)
			return 0;
		s.counts_from = s.done ? (at > d ? at : d) : closes;
		fn(ctx, &s);
		next = s.done ? *a : due;
		wm_date_add_months(&next, every_months);
		if (s.done)
			i++;
		move_on(every_months, &next, answers, n_answers, &i, LONG_MAX);
		if (i == n_answers)
			note_end(r, WM_CYCLE_AFTER, &due, &next);
		never_back(every_months, &next, &due);
		due = next;
	}
}

int
wm_cycle_steps(int every_months, const struct wm_date *since,
    const struct wm_date *left, const struct wm_date *answers,
    size_t n_answers, void (*fn)(void *ctx, const struct wm_cycle_step *s),
    void *ctx, struct wm_date *tail, struct wm_cycle_resume *resume)
{
	memset(resume, 0, sizeof(*resume));
	resume->state = WM_CYCLE_ENDED;
	if (every_months < 1)
		return 0;
	return steps_on(every_months, *since, left, answers, n_answers, 0, fn,
	    ctx, tail, resume);
}

int
wm_cycle_steps_more(int every_months, const struct wm_cycle_resume *from,
    const struct wm_date *left, const struct wm_date *answers,
    size_t n_answers, void (*fn)(void *ctx, const struct wm_cycle_step *s),
    void *ctx, struct wm_date *tail, struct wm_cycle_resume *resume)
{
	struct wm_date next = from->next;
	size_t i = 0;

	memset(resume, 0, sizeof(*resume));
	resume->state = WM_CYCLE_ENDED;
	if (every_months < 1 || from->state == WM_CYCLE_ENDED)
		return 0;
	if (from->state == WM_CYCLE_AFTER) {
		move_on(every_months, &next, answers, n_answers, &i, LONG_MAX);
		if (i == n_answers)
			note_end(resume, WM_CYCLE_AFTER, &from->last, &next);
		never_back(every_months, &next, &from->last);
	}
	return steps_on(every_months, next, left, answers, n_answers, i, fn,
	    ctx, tail, resume);
}

size_t
wm_cycle_tail_walk(int every_months, const struct wm_date *first,
    const struct wm_date *left, const struct wm_date *until,
    void (*fn)(void *ctx, const struct wm_cycle_window *w), void *ctx)
{
	struct wm_cycle_window w;
	long end = wm_date_days(until), gone = left ? wm_date_days(left) :
	    end, closes;
	size_t n = 0;

	if (every_months < 1)
		return 0;
	w.due = *first;
	w.done = 0;
	for (;;) {
		closes = wm_date_days(&w.due) + WM_CYCLE_GRACE_DAYS;
		if (closes > end || closes > gone)
			return n;
		w.done_on = w.due;
		fn(ctx, &w);
		n++;
		wm_date_add_months(&w.due, every_months);
	}
}

struct fill {
	struct wm_cycle_window *out;
	size_t n, max;
};

static void
fill_one(void *ctx, const struct wm_cycle_window *w)
{
	struct fill *f = ctx;

	if (f->n < f->max)
		f->out[f->n] = *w;
	f->n++;
}

size_t
wm_cycle_windows(int every_months, const struct wm_date *since,
    const struct wm_date *left, const struct wm_date *answers,
    size_t n_answers, const struct wm_date *until,
    struct wm_cycle_window *out, size_t max)
{
	struct fill f = { out, 0, max };

	return wm_cycle_walk(every_months, since, left, answers, n_answers,
	    until, fill_one, &f);
}

/* Months since the start of year 0, so that months compare as numbers. */
static long
month_index(const struct wm_date *d)
{
	return (long)d->year * 12 + d->month - 1;
}

void
wm_completion_init(struct wm_completion *c, const struct wm_date *today)
{
	struct wm_date last_day;
	long t = wm_date_days(today), k;
	int i;

	c->today = *today;
	c->last = month_index(today);
	c->first = c->last - (WM_COMPLETION_MONTHS - 1);
	for (i = 0; i < WM_COMPLETION_MONTHS; i++) {
		k = c->first + i;
		c->m[i].year = (int)(k / 12);
		c->m[i].month = (int)(k % 12) + 1;
		c->m[i].due = c->m[i].done = 0;
		/* The month's last day: the first of the next, less one. */
		last_day.year = c->m[i].year;
		last_day.month = c->m[i].month;
		last_day.day = 1;
		wm_date_add_months(&last_day, 1);
		c->m[i].final = wm_date_days(&last_day) - 1 +
		    WM_CYCLE_GRACE_DAYS <= t;
	}
}

void
wm_completion_count(struct wm_completion *c, const struct wm_date *due,
    int done, long n)
{
	long k = month_index(due);

	if (k < c->first || k > c->last)
		return;
	c->m[k - c->first].due += n;
	if (done)
		c->m[k - c->first].done += n;
}

static void
count_window(void *ctx, const struct wm_cycle_window *w)
{
	wm_completion_count(ctx, &w->due, w->done, 1);
}

static const struct wm_date *
later(const struct wm_date *a, const struct wm_date *b)
{
	return wm_date_cmp(a, b) >= 0 ? a : b;
}

void
wm_completion_add(struct wm_completion *c, const struct wm_cycle_spell *sp,
    const struct wm_date *answers, size_t n_answers)
{
	const struct wm_date *since = later(sp->joined, sp->cycle_start);
	const struct wm_date *end = sp->left;

	if (sp->stopped && (!end || wm_date_cmp(sp->stopped, end) < 0))
		end = sp->stopped;
	wm_cycle_walk(sp->every_months, since, end, answers, n_answers,
	    &c->today, count_window, c);
}

/*
 * Waymark: "a cycle's completion rate is the share of times due that
 * were done in their window; when nothing was due it is No one was due,
 * never 0%"
 */
int
wm_completion_percent(long done, long due)
{
	if (due <= 0)
		return -1;
	return (int)((done * 200 + due) / (due * 2));
}

/*
 * Waymark: "a practitioner is told of a measure falling due within the
 * coming week, so that it can be asked when it falls due"
 */
int
wm_cycle_due_soon(const struct wm_date *today, const struct wm_date *due_on)
{
	long days = wm_date_days(due_on) - wm_date_days(today);

	return days > 0 && days <= WM_CYCLE_SOON_DAYS;
}
