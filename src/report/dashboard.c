/*
 * A service's dashboard, gathered from the store: see dashboard.h.
 */
#include "report/dashboard.h"

#include <stdlib.h>
#include <string.h>

#include "core/known_instruments.h"

void
wm_dashboard_init(struct wm_dashboard *d)
{
	static const struct wm_profile none = WM_PROFILE_INIT;

	memset(d, 0, sizeof(*d));
	wm_standards_init(&d->lights);
	d->erfs = none;
	d->tips = none;
}

void
wm_dashboard_release(struct wm_dashboard *d)
{
	size_t i;

	wm_standards_release(&d->lights);
	for (i = 0; i < d->n_cycles; i++)
		free(d->cycles[i].title);
	free(d->cycles);
	free(d->coverage);
	for (i = 0; i < d->change.n_scales; i++) {
		free(d->change.scale[i].code);
		free(d->change.scale[i].title);
	}
	wm_profile_release(&d->erfs);
	wm_profile_release(&d->tips);
	wm_dashboard_init(d);
}

/* --- the standards: the latest period with any light ------------------ */

/* Rows come oldest period first: a new period starts the model again. */
static int
light_row(void *ctx, const struct wm_assessment_rating_row *row)
{
	struct wm_standards *m = ctx;

	if (m->period[0] && row->period && strcmp(m->period, row->period)) {
		wm_standards_release(m);
		wm_standards_init(m);
	}
	return wm_standards_add(m, row) ? -1 : 0;
}

static int
lights(struct wm_store *s, int64_t unit_id, struct wm_dashboard *d,
    struct wm_buf *err)
{
	int rc;

	if ((rc = wm_store_validation_rule(s, &d->rule, err)) ||
	    (rc = wm_store_assessment_ratings(s, unit_id, 0, light_row,
	    &d->lights, err)))
		return rc;
	wm_standards_finish(&d->lights, &d->rule);
	return 0;
}

/* --- completion: the last complete month, and the 12 to it ------------ */

static int
cycle_row(void *ctx, const struct wm_completion_row *r)
{
	struct wm_dashboard *d = ctx;
	struct wm_dashboard_cycle *c;
	int i, last = WM_COMPLETION_MONTHS - 2;

	if (d->n_cycles == d->cap_cycles) {
		size_t cap = d->cap_cycles ? d->cap_cycles * 2 : 4;
		struct wm_dashboard_cycle *p = realloc(d->cycles,
		    cap * sizeof(*p));

		if (!p)
			return -1;
		d->cycles = p;
		d->cap_cycles = cap;
	}
	c = &d->cycles[d->n_cycles];
	memset(c, 0, sizeof(*c));
	if (!(c->title = strdup(r->cycle->title)))
		return -1;
	d->n_cycles++;
	c->id = r->cycle->id;
	c->about_people = strcmp(r->cycle->subject_kind, "person") == 0;
	c->every_months = r->cycle->every_months;
	c->stopped = r->cycle->stopped != NULL;
	c->month = r->months->m[last];
	c->final = 1;
	for (i = 0; i <= last; i++) {
		c->due += r->months->m[i].due;
		c->done += r->months->m[i].done;
		c->final = c->final && r->months->m[i].final;
	}
	return 0;
}

/* --- training coverage --------------------------------------------- */

struct counts {
	const struct wm_catalogue *courses;
	struct wm_training_count *v;
	size_t n;
};

/* Keeps the counts of the catalogue's courses, pointing at its codes. */
static int
count_row(void *ctx, const struct wm_training_count *c)
{
	struct counts *k = ctx;
	const struct wm_concept *course = wm_catalogue_find(k->courses,
	    c->course);

	if (course && k->n < k->courses->n_concepts) {
		k->v[k->n].course = course->code;
		k->v[k->n].done = c->done;
		k->n++;
	}
	return 0;
}

int
wm_dashboard_coverage(struct wm_store *s, int64_t unit_id,
    const struct wm_catalogue *courses, struct wm_coverage *out,
    int64_t *staff, struct wm_buf *err)
{
	struct counts k = { courses, NULL, 0 };
	int rc;

	if (!(k.v = calloc(courses->n_concepts + 1, sizeof(*k.v))))
		return wm_store_out_of_memory(err);
	if ((rc = wm_store_training_coverage(s, unit_id, staff, count_row, &k,
	    err)) == 0)
		wm_training_coverage(courses, k.v, k.n, *staff, out);
	free(k.v);
	return rc;
}

/* --- the change in the recovery markers ------------------------------ */

/* The person, kind and scale whose scores are being read. */
struct walk {
	struct wm_dashboard_change *c;
	int64_t person;		/* 0 before the first row */
	int kind;		/* -1: a kind not counted */
	struct wm_dashboard_scale *scale;
	int n;			/* scores of this person, kind and scale */
	double first, latest;
	int failed;
};

static void
walk_close(struct walk *w)
{
	if (w->scale && w->kind >= 0) {
		if (w->n >= 2)
			wm_change_tally_add(&w->scale->change[w->kind],
			    w->first, w->latest, 1);
		else if (w->n == 1)
			w->scale->one[w->kind]++;
	}
	w->scale = NULL;
	w->n = 0;
}

static struct wm_dashboard_scale *
scale_of(struct walk *w, const char *code, const char *title)
{
	struct wm_dashboard_change *c = w->c;
	struct wm_dashboard_scale *sc;
	size_t i;

	for (i = 0; i < c->n_scales; i++)
		if (strcmp(c->scale[i].code, code) == 0)
			return &c->scale[i];
	if (c->n_scales == WM_DASHBOARD_MAX_SCALES)
		return NULL;
	sc = &c->scale[c->n_scales];
	memset(sc, 0, sizeof(*sc));
	sc->code = strdup(code);
	sc->title = strdup(title ? title : code);
	if (!sc->code || !sc->title) {
		free(sc->code);
		free(sc->title);
		w->failed = 1;
		return NULL;
	}
	c->n_scales++;
	return sc;
}

static int
kind_of(const char *respondent)
{
	if (strcmp(respondent, "person") == 0)
		return WM_CHANGE_SELF;
	if (strcmp(respondent, "person-with-practitioner") == 0)
		return WM_CHANGE_TOGETHER;
	return -1;
}

static int
score_row(void *ctx, const struct wm_caseload_score_row *r)
{
	struct walk *w = ctx;
	int kind;

	if (r->person_id != w->person) {
		walk_close(w);
		w->person = r->person_id;
		w->c->people++;
	}
	if (!r->respondent)
		return 0;
	kind = kind_of(r->respondent);
	if (!w->scale || kind != w->kind ||
	    strcmp(w->scale->code, r->scale) != 0) {
		walk_close(w);
		w->kind = kind;
		w->scale = scale_of(w, r->scale, r->title);
		if (w->failed)
			return -1;
	}
	if (w->n++ == 0)
		w->first = r->value;
	w->latest = r->value;
	return 0;
}

void
wm_dashboard_left_out(const struct wm_dashboard_change *c,
    const struct wm_dashboard_scale *sc, int kind, int64_t *one,
    int64_t *none)
{
	*one = sc->one[kind];
	*none = c->people - sc->change[kind].people - *one;
}

/* --- the ERFS profile and the team's tips ------------------------------ */

struct latest_quarter {
	const char *now;	/* today's, "2026-Q4" */
	char q[8];
};

/* Quarters come newest first: the first not after today's. */
static int
quarter_row(void *ctx, const struct wm_profile_period_row *r)
{
	struct latest_quarter *l = ctx;

	if (l->q[0] || !r->quarter || strlen(r->quarter) != 7 ||
	    strcmp(r->quarter, l->now) > 0)
		return 0;
	memcpy(l->q, r->quarter, 8);
	return 1;
}

/* The ERFS profile of the latest quarter up to today's in which it has
 * answers, or today's when there are none. */
static int
erfs(struct wm_store *s, int64_t unit_id, const struct wm_date *today,
    struct wm_profile *p, struct wm_buf *err)
{
	struct wm_quarter period;
	char now[8];
	struct latest_quarter l = { now, "" };
	int rc;

	wm_quarter_of(today, &period);
	wm_quarter_format(&period, now);
	if ((rc = wm_store_profile_periods(s, wm_profile_url(WM_PROFILE_ERFS),
	    unit_id, wm_profile_subject_kind(WM_PROFILE_ERFS), quarter_row, &l,
	    err)))
		return rc;
	if (l.q[0] && wm_quarter_parse(l.q, &period))
		wm_quarter_of(today, &period);
	return wm_profile_load(s, WM_PROFILE_ERFS, unit_id, &period, p, err);
}

/* The team's Ten Top Tips of the latest quarter with enough reflections
 * to show. */
static int
tips(struct wm_store *s, int64_t unit_id, struct wm_dashboard *d,
    struct wm_buf *err)
{
	struct wm_quarter period;
	int rc;

	if ((rc = wm_profile_tips_latest(s, unit_id, &d->today, &period,
	    &d->tips_latest, err)))
		return rc;
	return wm_profile_load(s, WM_PROFILE_TIPS, unit_id, &period, &d->tips,
	    err);
}

int
wm_dashboard_build(struct wm_store *s, int64_t unit_id,
    const struct wm_date *today, const struct wm_catalogue *courses,
    struct wm_dashboard *out, struct wm_buf *err)
{
	struct walk w;
	int rc;

	out->today = *today;
	out->courses = courses;
	if ((rc = lights(s, unit_id, out, err)))
		return rc;
	if ((rc = wm_store_completion_each(s, unit_id, today, cycle_row, out,
	    err)))
		return rc;
	if (!(out->coverage = calloc(courses->n_concepts + 1,
	    sizeof(*out->coverage))))
		return wm_store_out_of_memory(err);
	if ((rc = wm_dashboard_coverage(s, unit_id, courses, out->coverage,
	    &out->staff, err)))
		return rc;
	memset(&w, 0, sizeof(w));
	w.c = &out->change;
	w.kind = -1;
	if ((rc = wm_store_caseload_scores(s, unit_id,
	    wm_known_url(WM_KNOWN_RECOVERY_MARKERS),
	    score_row, &w, err)))
		return w.failed ? wm_store_out_of_memory(err) : rc;
	walk_close(&w);
	if ((rc = erfs(s, unit_id, today, &out->erfs, err)))
		return rc;
	return tips(s, unit_id, out, err);
}
