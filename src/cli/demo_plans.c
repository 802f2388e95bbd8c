/*
 * The demo person's own plans, so that every part of plans can be tried
 * from the sign-ins the demo prints: a recovery action plan of their
 * own, a joint crisis plan made together with their practitioner,
 * shared with their service's care team and open to it in a crisis (with
 * a change their practitioner suggests, for them to decide on), and a
 * safety plan shared with
 * their supporter, whose sign-in is printed too. The words are the
 * demo's, written in the first person; a question the template no
 * longer asks is left out, so a changed template still builds.
 */
#include "cli/demo.h"

#include <string.h>

#include "report/plan.h"
#include "store/store.h"

static const char *const files[DEMO_PLANS] = {
	"plans/recovery-action-plan.json", "plans/joint-crisis-plan.json",
	"plans/safety-plan.json", "plans/advance-statement.json",
};

struct words {
	const char *link_id, *text;
};

static const struct words recovery[] = {
	{ "when-well-me", "Chatty, and up early. I like to be busy." },
	{ "when-well-enjoy", "Walking the coast path, cooking for friends." },
	{ "toolbox-helps", "A walk by the sea\nMusic on headphones\nRinging my "
	    "sister" },
	{ "daily-every-day", "Get up by 8\nEat breakfast\nGo outside for half "
	    "an hour" },
	{ "triggers-list", "Letters about money\nNot sleeping" },
	{ "triggers-plan", "Open letters with my sister. Stop screens at 10." },
	{ "warning-signs-list", "I stop answering my phone\nI skip meals" },
	{ "warning-signs-plan", "Tell my practitioner. Use my toolbox every day."
	    },
	{ "after-crisis-steps", "One small job a day\nSee a friend once a week"
	    },
};

static const struct words crisis[] = {
	{ "unwell-signs", "Not sleeping for days\nHearing criticism that is "
	    "not there" },
	{ "helped", "A quiet room, and someone I know staying with me." },
	{ "not-helped", "Being moved between wards." },
	{ "treatment-prefer", "Home treatment first, because I recover better "
	    "at home." },
	{ "contact-yes", "My sister, Amy, 07700 900123" },
	{ "practical-pets", "My cat, Pip: my neighbour at number 12 has a key."
	    },
	{ "agreed-who", "Me\nMy practitioner" },
	{ "agreed-date", "2026-09-15" },
};

static const struct words safety[] = {
	{ "warning-signs-list", "I stay in bed all day\nI stop eating" },
	{ "on-my-own-list", "A hot shower\nA walk by the sea\nMusic" },
	{ "help-people", "My sister, Amy, 07700 900123\nMy friend, Joe, 07700 "
	    "900456" },
	{ "services-own", "My GP, Exbridge Surgery, 01632 960000" },
	{ "safer-how", "Amy keeps my spare tablets." },
	{ "reasons-list", "My cat, Pip\nMy sister\nThe sea in the morning" },
};

/* The change the practitioner suggests to the joint crisis plan, for the
 * person to accept or decline: the plan as it is, with one answer more. */
static const struct words suggested = { "contact-yes", "My sister, Amy, "
    "07700 900123\nMy neighbour at number 12, for the cat" };

/* The plan's answers, as the demo writes them; NULL with d->err set. */
static struct wm_response *
answers(struct demo *d, struct demo_inst *t, const struct words *w,
    size_t n, const char *ident, int together)
{
	struct wm_response *r = wm_response_new(t->in);
	size_t i;

	if (!r) {
		wm_buf_puts(&d->err, "out of memory");
		return NULL;
	}
	r->status = WM_STATUS_COMPLETED;
	r->subject.kind = r->author.kind = WM_SUBJECT_PERSON;
	r->subject.id = r->author.id = ident;
	r->respondent = together ? WM_RESPONDENT_WITH_PRACTITIONER :
	    WM_RESPONDENT_PERSON;
	r->authored = d->end;
	for (i = 0; i < n; i++)
		if (wm_instrument_find_item(t->in, w[i].link_id) >= 0 &&
		    wm_response_set_answer(r, w[i].link_id, w[i].text)) {
			wm_buf_printf(&d->err, "the demo's plan answer to %s "
			    "does not fit", w[i].link_id);
			wm_response_free(r);
			return NULL;
		}
	return r;
}

static int
save(struct demo *d, struct demo_inst *t, const struct words *w, size_t n,
    int64_t person_id, const char *ident, int64_t together, int64_t *plan)
{
	struct wm_response *r = answers(d, t, w, n, ident, together != 0);
	struct wm_diags dg = WM_DIAGS_INIT;
	int64_t version;
	int rc;

	if (!r)
		return -1;
	rc = wm_response_check(r, &d->end, &dg);
	if (rc == 0)
		rc = wm_store_plan_add(d->s, person_id, t->in->family, plan,
		    &d->err);
	if (rc == 0)
		rc = wm_plan_doc_save(d->s, *plan, t->id, r, together,
		    together ? "2026-09-15" : NULL, &version, &d->err);
	if (rc && !d->err.len)
		wm_buf_puts(&d->err, "the demo's plans were not saved");
	wm_diags_release(&dg);
	wm_response_free(r);
	return rc;
}

/* A share the person made and stopped: the history their sharing page
 * keeps. */
static int
shared_once(struct demo *d, int64_t plan, int64_t supporter)
{
	int64_t share;
	int rc = wm_store_plan_share_add(d->s, plan, supporter, 0, NULL,
	    &share, &d->err);

	return rc ? rc : wm_store_plan_share_stop(d->s, plan, share, &d->err);
}

static int
suggest(struct demo *d, int64_t plan, int64_t practitioner)
{
	struct wm_response *r = answers(d, &d->plans[1], crisis,
	    sizeof(crisis) / sizeof(crisis[0]), "DEMO-000001", 0);
	struct wm_diags dg = WM_DIAGS_INIT;
	int64_t id;
	int rc;

	if (!r)
		return -1;
	if (wm_instrument_find_item(d->plans[1].in, suggested.link_id) >= 0)
		(void)wm_response_set_answer(r, suggested.link_id,
		    suggested.text);
	rc = wm_response_check(r, &d->end, &dg);
	if (rc == 0)
		rc = wm_plan_suggest_save(d->s, plan, 1, d->plans[1].id, r,
		    practitioner, "You said your neighbour looks after Pip: "
		    "shall we add them?", NULL, &id, &d->err);
	if (rc && !d->err.len)
		wm_buf_puts(&d->err, "the demo's suggestion was not saved");
	wm_diags_release(&dg);
	wm_response_free(r);
	return rc;
}

int
demo_plans(struct demo *d)
{
	int64_t person, unit, supporter, plan, share, practitioner = 0;
	size_t i;
	int rc;

	for (i = 0; i < DEMO_PLANS; i++)
		if ((rc = demo_load(d, files[i], &d->plans[i])))
			return rc;
	if ((rc = wm_store_person_find(d->s, "DEMO-000001", &person,
	    &d->err)) || (rc = wm_store_person_unit_at(d->s, person,
	    "2026-09-30", &unit, &d->err)))
		return rc;
	for (i = 0; i < DEMO_SERVICES; i++)
		if (d->service[i].id == unit && d->service[i].n_practitioners)
			practitioner = d->service[i].practitioner[0];
	if ((rc = wm_store_account_add(d->s, DEMO_SUPPORTER_EMAIL,
	    "Amy Supporter (fictional)", 0, NULL, &supporter, &d->err)) ||
	    (rc = wm_store_supporter_add(d->s, person, supporter, "my sister",
	    &d->err)))
		return rc;
	if ((rc = save(d, &d->plans[0], recovery, sizeof(recovery) /
	    sizeof(recovery[0]), person, "DEMO-000001", 0, &plan)) ||
	    (rc = save(d, &d->plans[1], crisis, sizeof(crisis) /
	    sizeof(crisis[0]), person, "DEMO-000001", practitioner, &plan)) ||
	    (rc = wm_store_plan_share_add(d->s, plan, 0, unit, NULL, &share,
	    &d->err)) ||
	    (rc = wm_store_plan_crisis_set(d->s, plan, 1, &d->err)) ||
	    (rc = shared_once(d, plan, supporter)) ||
	    (rc = suggest(d, plan, practitioner)) ||
	    (rc = save(d, &d->plans[2], safety, sizeof(safety) /
	    sizeof(safety[0]), person, "DEMO-000001", 0, &plan)))
		return rc;
	return wm_store_plan_share_add(d->s, plan, supporter, 0, NULL, &share,
	    &d->err);
}
