/*
 * The demo's responses. Answers come from a latent level (0 = lowest,
 * 1 = highest option) mapped onto each item's own scored options, so the
 * generator follows whatever scales the instrument files declare.
 */
#include "cli/demo.h"

#include <stdio.h>
#include <string.h>

#include "core/rating.h"
#include "core/response.h"
#include "core/standards.h"
#include "util/clock.h"

static const char *const evidence[] = {
	"Discussed at the team meeting; minutes and examples kept.",
	"Audit of ten records this quarter; findings shared with the team.",
	"Feedback from people using the service collected at the open forum.",
	"Supervision notes and the training log show progress.",
	"Peer review with a neighbouring service; notes attached.",
};

static const char *const actions[] = {
	"Team lead to agree a plan at the next team meeting.",
	"Book the remaining staff onto Recovery Awareness training.",
	"Invite people using the service to co-design the changes.",
	"Review progress with the validators next quarter.",
};

static const char *const notes[] = {
	"We talked about getting back to the allotment.",
	"Agreed to look at the college's courses together next time.",
	"They want to lead on their crisis plan; I will bring the template.",
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static double
clamp01(double v)
{
	return v < 0 ? 0 : v > 1 ? 1 : v;
}

/* The scored option nearest to `level` on the item's own range. */
static int
pick_scored(const struct wm_item *it, double level)
{
	double best = 2, span = it->max - it->min;
	size_t i;
	int k = -1;

	for (i = 0; i < it->n_options; i++) {
		double pos, dist;

		if (!it->options[i].scored)
			continue;
		pos = span > 0 ? (it->options[i].value - it->min) / span : 0;
		dist = pos > level ? pos - level : level - pos;
		if (dist < best) {
			best = dist;
			k = (int)i;
		}
	}
	return k;
}

static int
pick_unscored(const struct wm_item *it)
{
	size_t i;

	for (i = 0; i < it->n_options; i++)
		if (!it->options[i].scored)
			return (int)i;
	return -1;
}

void
demo_answer_all(struct demo *d, struct wm_response *r, double level,
    double noise, double skip)
{
	const struct wm_instrument *in = r->in;
	size_t i;

	for (i = 0; i < in->n_items; i++) {
		const struct wm_item *it = &in->items[i];
		/* Some items run lower than others, the same for everyone. */
		double offset = (double)((int)(i * 7 % 9) - 4) / 30.0;
		int k = -1;

		if (it->type != WM_ITEM_CHOICE || it->n_scored == 0)
			continue;
		if (wm_rng_chance(&d->rng, skip))
			k = pick_unscored(it);
		if (k < 0)
			k = pick_scored(it, clamp01(level + offset +
			    noise * wm_rng_normal(&d->rng)));
		r->answers[i].given = 1;
		r->answers[i].option = k;
	}
}

/* A lead's or a validator's lights go the way `waymark respond` files
 * them (core decides what they are filed as), inside the demo's
 * transaction: a lead's as the period's next version, a validator's as
 * their validation of it. */
static int
record_standards(struct demo *d, const struct wm_response *r,
    struct wm_response_ids *ids, int64_t *id)
{
	const struct wm_recorder by = { 0, NULL, "response recorded (demo)",
	    0 };
	struct wm_import imp;
	struct wm_record job;

	int rc = wm_store_import_job(d->s, r, ids, &by, &imp, &job, &d->err);

	return rc ? rc : wm_store_record_steps(d->s, &job, id, &d->err);
}

int
demo_save(struct demo *d, struct wm_response *r, int64_t inst_id,
    int64_t subject_id, int64_t unit_id, int64_t author_id)
{
	struct wm_response_ids ids = { .instrument_id = inst_id,
	    .subject_id = subject_id, .unit_id = unit_id,
	    .author_id = author_id };
	int standards = wm_standards_filing(r) != WM_FILED_NOT;
	struct wm_diags dg = WM_DIAGS_INIT;
	int64_t id;
	double t0;
	size_t i;
	int rc;

	if (wm_response_check(r, &d->end, &dg)) {
		wm_buf_clear(&d->err);
		wm_buf_printf(&d->err, "the demo made a response that does not "
		    "pass the checks (%s: %s)", dg.n && dg.v[0].where ?
		    dg.v[0].where : "", dg.n ? dg.v[0].message : "");
		wm_diags_release(&dg);
		return -1;
	}
	t0 = wm_clock_seconds();
	rc = standards ? record_standards(d, r, &ids, &id) :
	    wm_store_response_save(d->s, r, &ids, &id, &d->err);
	d->store_seconds += wm_clock_seconds() - t0;
	if (rc)
		return rc;
	d->responses++;
	for (i = 0; i < r->in->n_items; i++)
		d->answers += r->answers[i].given;
	if (++d->pending >= d->opts->batch) {
		d->pending = 0;
		t0 = wm_clock_seconds();
		rc = wm_store_commit(d->s, &d->err);
		if (rc == 0)
			rc = wm_store_begin(d->s, &d->err);
		d->store_seconds += wm_clock_seconds() - t0;
	}
	return rc;
}

static struct wm_response *
start(const struct demo_inst *di, enum wm_subject kind,
    enum wm_respondent who, const struct wm_date *when)
{
	struct wm_response *r = wm_response_new(di->in);

	if (!r)
		return NULL;
	r->status = WM_STATUS_COMPLETED;
	r->subject.kind = kind;
	r->subject.id = "demo";
	r->respondent = who;
	r->authored = *when;
	return r;
}

static const char *const owners[] = {
	"Team lead",
	"Service manager",
	"Peer support lead",
	"Training coordinator",
};

static const char *const comments[] = {
	"The evidence matched what people told us at the open forum.",
	"I could not find the training records for the night staff.",
	"Good progress since last quarter.",
	"People using the service were not asked about this yet.",
};

/* The text answers of one standard, by the end of their linkId: a lead's
 * evidence, and for anything not green the action with its owner and a
 * due date at the end of the next quarter; a validator's occasional
 * comment. */
static void
standard_texts(struct demo *d, struct wm_response *r, size_t rating_item)
{
	const struct wm_instrument *in = r->in;
	int green = in->items[rating_item].options[
	    r->answers[rating_item].option].value >= 3;
	struct wm_date due = r->authored;
	char due_text[11];
	size_t i;

	wm_date_add_months(&due, 4);
	due.day = 1;
	wm_date_from_days(wm_date_days(&due) - 1, &due);
	wm_date_format(&due, due_text);
	for (i = 0; i < in->n_items; i++) {
		const struct wm_item *it = &in->items[i];
		const char *link = it->link_id, *text = NULL;
		size_t n = strlen(link);

		if (it->parent != in->items[rating_item].parent)
			continue;
		if (n > 9 && strcmp(link + n - 9, "-evidence") == 0)
			text = evidence[wm_rng_below(&d->rng, NELEM(evidence))];
		else if (n > 8 && strcmp(link + n - 8, "-comment") == 0 &&
		    wm_rng_chance(&d->rng, 0.3))
			text = comments[wm_rng_below(&d->rng, NELEM(comments))];
		else if (green)
			continue;
		else if (n > 7 && strcmp(link + n - 7, "-action") == 0)
			text = actions[wm_rng_below(&d->rng, NELEM(actions))];
		else if (n > 13 && strcmp(link + n - 13, "-action-owner") == 0)
			text = owners[wm_rng_below(&d->rng, NELEM(owners))];
		else if (n > 11 && strcmp(link + n - 11, "-action-due") == 0)
			text = due_text;
		if (text)
			wm_response_set_answer(r, link, text);
	}
}

/* A quarter's self-assessment (who = lead) or validation: each standard's
 * light follows the service's maturity; validators mostly agree. The lead
 * answers the core standards, a validator their own instrument, whose
 * scales are the same standards. */
static int
standards_response(struct demo *d, struct demo_service *sv,
    enum wm_respondent who, const struct demo_validator *v,
    const struct wm_date *when)
{
	const struct demo_inst *di = v ? &d->validation : &d->standards;
	const struct wm_instrument *in = di->in;
	struct wm_response *r = start(di, WM_SUBJECT_SERVICE, who, when);
	size_t k;
	int rc;

	if (!r)
		return -1;
	r->author.kind = WM_SUBJECT_STAFF;
	r->author.id = "demo";
	if (v)
		wm_stakeholder_from_code(v->group, &r->stakeholder);
	for (k = 0; k < in->n_scales && k < DEMO_STANDARDS_MAX; k++) {
		size_t item = in->scales[k].items[0];
		double level = sv->maturity[k] +
		    (v ? 0.25 * wm_rng_normal(&d->rng) : 0);

		r->answers[item].given = 1;
		r->answers[item].option = pick_scored(&in->items[item],
		    clamp01(level));
		standard_texts(d, r, item);
	}
	rc = demo_save(d, r, di->id, sv->id, sv->id, v ? v->id : sv->lead);
	wm_response_free(r);
	return rc;
}

static int
quarter_of_standards(struct demo *d, struct demo_service *sv,
    const struct wm_date *when, size_t si)
{
	struct wm_date vdate = *when;
	size_t k, n_val = 2 + wm_rng_below(&d->rng, 2), first;
	int rc;

	if ((rc = standards_response(d, sv, WM_RESPONDENT_LEAD, NULL, when)))
		return rc;
	vdate.day = vdate.day > 20 ? 28 : vdate.day + 7;
	if (wm_date_cmp(&vdate, &d->end) > 0)
		vdate = d->end;
	first = (si + wm_rng_below(&d->rng, DEMO_VALIDATORS)) % DEMO_VALIDATORS;
	for (k = 0; k < n_val; k++) {
		const struct demo_validator *v =
		    &d->validator[(first + k * 2) % DEMO_VALIDATORS];

		if ((rc = standards_response(d, sv, WM_RESPONDENT_VALIDATOR, v,
		    &vdate)))
			return rc;
	}
	/* Services improve as they work on the standards. */
	for (k = 0; k < DEMO_STANDARDS_MAX; k++)
		sv->maturity[k] = clamp01(sv->maturity[k] + 0.03 +
		    0.05 * wm_rng_normal(&d->rng));
	return 0;
}

static int
erfs_round(struct demo *d, struct demo_service *sv, const struct wm_date *when,
    double level)
{
	struct wm_response *r;
	int k, rc = 0;

	for (k = 0; k < 8 && rc == 0; k++) {
		int staff = k < 3;

		r = start(&d->erfs, WM_SUBJECT_SERVICE, staff ?
		    WM_RESPONDENT_STAFF : WM_RESPONDENT_PERSON, when);
		if (!r)
			return -1;
		demo_answer_all(d, r, level + (staff ? 0.08 : -0.04), 0.2, 0.05);
		rc = demo_save(d, r, d->erfs.id, sv->id, sv->id, 0);
		wm_response_free(r);
	}
	return rc;
}

static int
reflection(struct demo *d, struct demo_service *sv, size_t p,
    const struct wm_date *when)
{
	struct wm_response *r = start(&d->tips, WM_SUBJECT_STAFF,
	    WM_RESPONDENT_STAFF, when);
	int rc;

	if (!r)
		return -1;
	r->author.kind = WM_SUBJECT_STAFF;
	r->author.id = "demo";
	demo_answer_all(d, r, sv->tips[p], 0.3, 0.08);
	if (wm_rng_chance(&d->rng, 0.1))
		wm_response_set_text(r, "note",
		    notes[wm_rng_below(&d->rng, NELEM(notes))]);
	rc = demo_save(d, r, d->tips.id, sv->practitioner[p], sv->id,
	    sv->practitioner[p]);
	wm_response_free(r);
	/* Reflecting regularly nudges practice towards the tips. */
	sv->tips[p] = clamp01(sv->tips[p] + 0.004);
	return rc;
}

static int
service_year(struct demo *d, struct demo_service *sv, size_t si)
{
	struct wm_date q = d->start, t;
	size_t p;
	int rc, quarter;

	for (quarter = 0; quarter < 8; quarter++) {
		t = q;
		wm_date_add_months(&t, 2);
		t.day = 10 + (int)wm_rng_below(&d->rng, 10);
		if ((rc = quarter_of_standards(d, sv, &t, si)))
			return rc;
		if (quarter % 4 == 1 && (rc = erfs_round(d, sv, &t,
		    0.35 + 0.05 * quarter)))
			return rc;
		wm_date_add_months(&q, 3);
	}
	for (p = 0; p < sv->n_practitioners; p++) {
		long day = wm_date_days(&d->start) + wm_rng_below(&d->rng, 14);

		for (; day <= wm_date_days(&d->end); day += 10 +
		    wm_rng_below(&d->rng, 9)) {
			wm_date_from_days(day, &t);
			if ((rc = reflection(d, sv, p, &t)))
				return rc;
		}
	}
	return 0;
}

int
demo_services(struct demo *d)
{
	size_t i;
	int rc;

	for (i = 0; i < DEMO_SERVICES; i++)
		if ((rc = service_year(d, &d->service[i], i)))
			return rc;
	return 0;
}
