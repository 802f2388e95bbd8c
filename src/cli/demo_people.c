/*
 * The demo's people and their recovery journeys: who joins which service
 * and when, and at each review, about every 6 months, their recovery
 * markers, shared needs, supportive service indicators and the goals they
 * set themselves. How a service's people get on follows the service's
 * profile (demo_network.c); each person's own course is drawn from it.
 */
#include "cli/demo.h"

#include <stdio.h>

#include "core/goal.h"
#include "core/response.h"

/* In the person's own words. */
static const char *const goal_texts[] = {
	"Walk to the allotment twice a week",
	"Cook a meal for my friends",
	"Get back to swimming",
	"Find some volunteering I enjoy",
	"Sleep through the night more often",
	"Ring my sister every Sunday",
	"Take a course at the recovery college",
	"Sort out my money so the bills are paid on time",
	"Go to the football with my son",
	"Feel able to go into town on the bus",
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define DEMO_GOALS 2

enum demo_course { COURSE_IMPROVING, COURSE_STEADY, COURSE_SETBACK };

/* One person's journey, drawn when they join. */
struct course {
	enum wm_respondent who;
	enum demo_course kind;
	double level;		/* their recovery: 0 lowest option, 1 highest */
	int setback_at;		/* the review a setback comes before */
	int late_at;		/* the review they answer late, or -1 */
	int markers;		/* 0: they chose not to answer the markers */
	int reviews_goals;	/* 1: they rate their goals at every review */
	size_t n_goals;
	int64_t goal[DEMO_GOALS];
	double ease[DEMO_GOALS];	/* how far off each goal starts */
};

/* Most services take as many as come; a few have a set number of places. */
static int
has_room(const struct demo_service *sv)
{
	return sv->places == 0 || sv->people < sv->places;
}

static size_t
pick_service(struct demo *d)
{
	unsigned total = 0, x;
	size_t i;

	for (i = 0; i < DEMO_SERVICES; i++)
		if (has_room(&d->service[i]))
			total += d->service[i].weight;
	x = wm_rng_below(&d->rng, total);
	for (i = 0; i < DEMO_SERVICES; i++) {
		if (!has_room(&d->service[i]))
			continue;
		if (x < d->service[i].weight)
			return i;
		x -= d->service[i].weight;
	}
	return 0;
}

/* The day the person joined: most were already on a caseload when the
 * demo begins, some join later. A service that opened during the demo
 * fills its places one a month from the day it opened. */
static void
joining(struct demo *d, struct demo_service *sv, struct wm_date *joined)
{
	long day = wm_date_days(&d->start);

	if (sv->opened && sv->places)
		day = sv->opened + 30 * (long)sv->people;
	else if (sv->opened)
		day = sv->opened + wm_rng_below(&d->rng,
		    (uint32_t)(wm_date_days(&d->end) - sv->opened));
	else if (wm_rng_chance(&d->rng, 0.7))
		day -= wm_rng_below(&d->rng, 400);
	else
		day += wm_rng_below(&d->rng, 540);
	sv->people++;
	wm_date_from_days(day, joined);
}

/* Some improve, some stay steady, some have a setback part way and then
 * pick up again; the service's profile says how many improve and by how
 * much. */
static void
course_init(struct demo *d, const struct demo_profile *pf, struct course *c)
{
	double u;

	c->who = wm_rng_chance(&d->rng, 0.35) ?
	    WM_RESPONDENT_WITH_PRACTITIONER : WM_RESPONDENT_PERSON;
	c->level = 0.2 + 0.35 * wm_rng_unit(&d->rng);
	u = wm_rng_unit(&d->rng);
	c->kind = u < pf->improving ? COURSE_IMPROVING :
	    u < pf->improving + 0.64 * (1 - pf->improving) ? COURSE_STEADY :
	    COURSE_SETBACK;
	c->setback_at = 1 + (int)wm_rng_below(&d->rng, 3);
	c->markers = !wm_rng_chance(&d->rng, pf->decline);
	c->late_at = wm_rng_chance(&d->rng, pf->late) ?
	    1 + (int)wm_rng_below(&d->rng, 3) : -1;
	c->n_goals = wm_rng_chance(&d->rng, pf->goals) ?
	    1 + wm_rng_below(&d->rng, DEMO_GOALS) : 0;
	c->reviews_goals = wm_rng_chance(&d->rng, pf->reviews);
}

/* The person's recovery at the next review. */
static void
next_level(struct demo *d, const struct demo_profile *pf, struct course *c,
    int review)
{
	switch (c->kind) {
	case COURSE_IMPROVING:
		c->level += pf->step * (0.7 + 0.6 * wm_rng_unit(&d->rng));
		break;
	case COURSE_STEADY:
		c->level += 0.01 * wm_rng_normal(&d->rng);
		break;
	case COURSE_SETBACK:
		c->level += review == c->setback_at ? -0.18 : 0.03;
		break;
	}
}

static int
measure(struct demo *d, const struct demo_inst *di, int64_t person,
    int64_t unit, enum wm_respondent who, const struct wm_date *when,
    double level)
{
	struct wm_response *r = wm_response_new(di->in);
	int rc;

	if (!r)
		return -1;
	r->status = WM_STATUS_COMPLETED;
	r->subject.kind = WM_SUBJECT_PERSON;
	r->subject.id = "demo";
	r->author.kind = WM_SUBJECT_PERSON;
	r->author.id = "demo";
	r->respondent = who;
	r->authored = *when;
	demo_answer_all(d, r, level, 0.16, 0.03);
	rc = demo_save(d, r, di->id, person, unit, person);
	wm_response_free(r);
	return rc;
}

/* The person's goals, set at their first review and stamped with that
 * day, as the goals page would have saved them. */
static int
set_goals(struct demo *d, int64_t person, struct course *c,
    const struct wm_date *when)
{
	size_t g, first = wm_rng_below(&d->rng, NELEM(goal_texts));
	char date[11], clock[32];
	int rc = 0;

	wm_date_format(when, date);
	snprintf(clock, sizeof(clock), "%sT10:00:00Z", date);
	if (wm_store_set_clock(d->s, clock)) {
		wm_buf_puts(&d->err, "the demo's clock could not be set");
		return -1;
	}
	for (g = 0; g < c->n_goals && rc == 0; g++) {
		const char *text = goal_texts[(first + 3 * g) % NELEM(goal_texts)];

		if (wm_goal_text_problem(text)) {
			wm_buf_printf(&d->err, "the demo's goal '%s' would be "
			    "refused", text);
			rc = -1;
			break;
		}
		c->ease[g] = -0.25 * wm_rng_unit(&d->rng);
		rc = wm_store_goal_add(d->s, person, text, &c->goal[g], &d->err);
	}
	if (wm_store_set_clock(d->s, DEMO_CLOCK) && rc == 0) {
		wm_buf_puts(&d->err, "the demo's clock could not be set");
		rc = -1;
	}
	return rc;
}

/* The person rates how far they have got with each goal, 0 (not started)
 * to 10 (achieved), as their recovery goes: when they set them, and at
 * every review after if they review them. */
static int
review_goals(struct demo *d, int64_t person, const struct course *c,
    const struct wm_date *when, int review)
{
	char date[11];
	size_t g;
	int rc = 0;

	if (review > 0 && !c->reviews_goals)
		return 0;
	wm_date_format(when, date);
	for (g = 0; g < c->n_goals && rc == 0; g++) {
		double v = 10 * (c->level + c->ease[g]) +
		    1.2 * wm_rng_normal(&d->rng);
		int rating = v <= 0 ? 0 : v >= WM_GOAL_MAX_RATING ?
		    WM_GOAL_MAX_RATING : (int)(v + 0.5);

		rc = wm_store_goal_review_add(d->s, c->goal[g], date, rating,
		    NULL, "person", person, &d->err);
	}
	return rc;
}

/* One review: the recovery markers (unless the person chose not to answer
 * them), mostly the shared needs, the supportive service indicators every
 * other time, and their goals. */
static int
one_review(struct demo *d, int64_t person, const struct demo_service *sv,
    struct course *c, const struct wm_date *when, int review)
{
	int rc;

	if (c->markers && (rc = measure(d, &d->markers, person, sv->id, c->who,
	    when, c->level)))
		return rc;
	if (wm_rng_chance(&d->rng, 0.8) && (rc = measure(d, &d->needs, person,
	    sv->id, c->who, when, c->level + 0.05)))
		return rc;
	if (review % 2 == 0 && (rc = measure(d, &d->ssi, person, sv->id, c->who,
	    when, 0.55 + 0.1 * wm_rng_normal(&d->rng))))
		return rc;
	if (review == 0 && c->n_goals && (rc = set_goals(d, person, c, when)))
		return rc;
	return review_goals(d, person, c, when, review);
}

static int
journey(struct demo *d, int64_t person, const struct demo_service *sv,
    const struct wm_date *joined)
{
	long day = wm_date_days(joined) + 7 + wm_rng_below(&d->rng, 21);
	struct wm_date when;
	struct course c;
	int review, rc;

	course_init(d, &sv->profile, &c);
	for (review = 0;; review++) {
		/* A late answer misses its window of the cycle; the next
		 * review follows about 6 months after it. */
		if (review == c.late_at)
			day += 35 + wm_rng_below(&d->rng, 26);
		if (day > wm_date_days(&d->end))
			break;
		wm_date_from_days(day, &when);
		if ((rc = one_review(d, person, sv, &c, &when, review)))
			return rc;
		next_level(d, &sv->profile, &c, review + 1);
		day += 168 + wm_rng_below(&d->rng, 28);
	}
	return 0;
}

int
demo_people(struct demo *d)
{
	char ident[32], name[64], since[11];
	struct demo_service *sv;
	struct wm_date joined;
	long i;
	int64_t id;
	int rc;

	for (i = 0; i < d->opts->people; i++) {
		/* The first person, who signs in as the demo person, is on
		 * the demo practitioner's caseload (the first service), so
		 * the two demo sign-ins meet however few people there are. */
		sv = &d->service[i == 0 ? 0 : pick_service(d)];
		joining(d, sv, &joined);
		wm_date_format(&joined, since);
		snprintf(ident, sizeof(ident), "DEMO-%06ld", i + 1);
		demo_fictional_name(d, name, sizeof(name));
		if ((rc = wm_store_person_add(d->s, ident, name, sv->id, since,
		    &id, &d->err)))
			return rc;
		if (wm_date_cmp(&joined, &d->start) < 0)
			joined = d->start;
		if ((rc = journey(d, id, sv, &joined)))
			return rc;
	}
	return 0;
}
