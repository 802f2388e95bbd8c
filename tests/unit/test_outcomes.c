/*
 * The network's outcomes on a real SQLite file (store.h, "the network's
 * outcomes"; migration 9): responses recorded through the real paths
 * (wm_store_record, a writer's batch as parts of one transaction, the
 * group-commit writer itself), then each of the four reads checked:
 * windows of quarters, a backdated answer that becomes the first (rows
 * and baseline sums move), drafts not counted until completed, kinds of
 * respondent kept apart, staff-rated answers left out, a person moving
 * service, the paired-outcome rate's days on the caseload, and goals
 * reviewed in and out of order. Last, an invariant: after a random
 * sequence of saves, every figure equals the same figure computed from
 * the raw tables by the plain SQL in bench/plain_network_*.sql, run in
 * the sqlite3 shell on the same file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/response.h"
#include "store/store.h"
#include "store/writer.h"
#include "testutil.h"

#define MARKERS "https://waymark.example/fhir/Questionnaire/dreem-recovery-markers"
#define PEOPLE 8

struct fixture {
	char path[64];
	struct wm_store *s;
	struct wm_instrument *markers, *ssi;
	int64_t markers_id, ssi_id, unit, unit2;
	int64_t person[PEOPLE];
};

static struct fixture *fx;

/* The recovery markers as the tests need them: staff may rate them too
 * (so that their ratings can be left out), and "hopeful" is scored the
 * other way round (so that the baseline values items as the scale
 * does). */
static const char *const marker_edits[] = {
	"\"valueCode\": \"person-with-practitioner\"",
	"\"valueCode\": \"person-with-practitioner\"\n    },\n    {\n"
	"      \"url\": \"https://waymark.example/fhir/StructureDefinition/"
	"respondent\",\n      \"valueCode\": \"staff\"",
	"\"valueString\": \"activities\"\n        },",
	"\"valueString\": \"activities\"\n        },\n"
	"        {\n          \"url\": \"reversed\",\n"
	"          \"valueString\": \"hopeful\"\n        },",
};

static struct wm_instrument *
load(struct fixture *f, const char *file, const char *const *edits,
    size_t n_edits, int64_t *id)
{
	struct wm_instrument *in;
	size_t len;
	char *text = tu_read_instrument_file(file, &len), *edited;

	assert_non_null(text);
	edited = tu_edit(text, edits, n_edits);
	assert_non_null(edited);
	in = tu_store_instrument(f->s, edited, strlen(edited), id);
	assert_non_null(in);
	free(text);
	free(edited);
	return in;
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct wm_buf err = WM_BUF_INIT;
	int64_t prov;
	char ident[16];
	int from, to, i;

	assert_non_null(f);
	tu_db_path(f->path, sizeof(f->path), "outcomes");
	assert_int_equal(wm_store_open(f->path, WM_STORE_CREATE, &f->s, &err),
	    0);
	assert_int_equal(wm_store_migrate(f->s, &from, &to, &err), 0);
	f->markers = load(f, "dreem-recovery-markers.json", marker_edits,
	    TU_NELEM(marker_edits) / 2, &f->markers_id);
	f->ssi = load(f, "dreem-supportive-service-indicators.json", NULL, 0,
	    &f->ssi_id);
	assert_int_equal(tu_network_tree(f->s, &prov, &f->unit), 0);
	assert_int_equal(wm_store_unit_add(f->s, "service", "s2", "S2", prov,
	    &f->unit2, &err), 0);
	for (i = 0; i < PEOPLE; i++) {
		snprintf(ident, sizeof(ident), "P%d", i);
		assert_int_equal(wm_store_person_add(f->s, ident, "Someone",
		    i == PEOPLE - 1 ? f->unit2 : f->unit, "2023-01-01",
		    &f->person[i], &err), 0);
	}
	wm_buf_release(&err);
	fx = f;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	wm_store_close(f->s);
	wm_instrument_free(f->markers);
	wm_instrument_free(f->ssi);
	tu_remove_db(f->path);
	free(f);
	return 0;
}

/* --- answering -------------------------------------------------------- */

/* What one response says: when, by whom, how well, where. */
struct answers {
	const char *date;
	enum wm_respondent who;
	int level;		/* 1 to 5: the middle of the options chosen */
	int skip;		/* this many items answered "prefer not to say" */
	int draft;		/* saved to come back to */
	int64_t unit;		/* 0: the person's service on the day */
};

/* The option of `it` with this scored value, or else its unscored one. */
static const char *
option_valued(const struct wm_item *it, int value)
{
	size_t k;

	for (k = 0; k < it->n_options; k++)
		if (value ? it->options[k].scored &&
		    (int)it->options[k].value == value :
		    !it->options[k].scored)
			return it->options[k].code;
	return NULL;
}

/* The value item i is answered with at `level` (within 1 to 5). */
static int
value_at(int level, size_t i)
{
	int v = level + (int)(i % 3) - 1;

	return v < 1 ? 1 : v > 5 ? 5 : v;
}

/* The value a complete answer at `level` gives item `link` in the
 * recovery markers' scale: "hopeful" is turned round. */
static double
item_at(int level, const char *link)
{
	int k = wm_instrument_find_item(fx->markers, link);
	int v;

	assert_true(k >= 0);
	v = value_at(level, (size_t)k);
	return strcmp(link, "hopeful") == 0 ? 6 - v : v;
}

/* A response: choice item i answered value_at(level, i), the first
 * `skip` of them "prefer not to say". */
static struct wm_response *
build(const struct wm_instrument *in, const struct answers *a)
{
	struct wm_response *r = wm_response_new(in);
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_date today;
	size_t i;
	int n = 0;

	assert_non_null(r);
	r->status = a->draft ? WM_STATUS_IN_PROGRESS : WM_STATUS_COMPLETED;
	r->subject.kind = WM_SUBJECT_PERSON;
	r->subject.id = "P";
	r->respondent = a->who ? a->who : WM_RESPONDENT_PERSON;
	if (r->respondent == WM_RESPONDENT_STAFF) {
		r->author.kind = WM_SUBJECT_STAFF;
		r->author.id = "someone";
	}
	assert_int_equal(wm_date_parse(a->date, &r->authored), 0);
	for (i = 0; i < in->n_items; i++) {
		if (in->items[i].type != WM_ITEM_CHOICE)
			continue;
		assert_int_equal(wm_response_set_choice(r, in->items[i].link_id,
		    option_valued(&in->items[i], n++ < a->skip ? 0 :
		    value_at(a->level, i))), 0);
	}
	assert_int_equal(wm_date_parse("2099-12-31", &today), 0);
	if (wm_response_check(r, &today, &d))
		tu_print_diags("response", &d);
	assert_int_equal(d.n, 0);
	wm_diags_release(&d);
	return r;
}

static const struct wm_recorder by = { 0, NULL, "response recorded (test)",
	1 };

/* Records it through wm_store_record, as the command line does: its
 * recovery markers score (or -1 when it has none). */
static double
answer(int p, const struct answers *a)
{
	struct wm_response *r = build(fx->markers, a);
	struct wm_response_ids ids = { .instrument_id = fx->markers_id,
	    .subject_id = fx->person[p], .unit_id = a->unit, .author_id = 0 };
	const struct wm_record job = { r, &ids, &by, NULL, NULL };
	struct wm_buf err = WM_BUF_INIT;
	double score = r->scores[0].has_value ? r->scores[0].value : -1;
	int64_t id;

	if (wm_store_record(fx->s, &job, &id, &err))
		fail_msg("recording: %s", wm_buf_str(&err));
	wm_response_free(r);
	wm_buf_release(&err);
	return score;
}

static void
answer_ssi(int p, const char *date)
{
	const struct answers a = { date, 0, 4, 0, 0, 0 };
	struct wm_response *r = build(fx->ssi, &a);
	struct wm_response_ids ids = { .instrument_id = fx->ssi_id,
	    .subject_id = fx->person[p], .unit_id = 0, .author_id = 0 };
	const struct wm_record job = { r, &ids, &by, NULL, NULL };
	struct wm_buf err = WM_BUF_INIT;
	int64_t id;

	assert_int_equal(wm_store_record(fx->s, &job, &id, &err), 0);
	wm_response_free(r);
	wm_buf_release(&err);
}

/* --- reading ------------------------------------------------------------ */

#define MAX_ROWS 400

struct orow {
	int64_t unit, responses;
	char respondent[32], scale[32];
	double first, latest;
};

struct orows {
	size_t n;
	struct orow v[MAX_ROWS];
};

static int
keep_outcome(void *ctx, const struct wm_outcome_row *r)
{
	struct orows *o = ctx;
	struct orow *x;

	assert_true(o->n < MAX_ROWS);
	x = &o->v[o->n++];
	x->unit = r->unit_id;
	x->responses = r->responses;
	snprintf(x->respondent, sizeof(x->respondent), "%s", r->respondent);
	snprintf(x->scale, sizeof(x->scale), "%s", r->scale);
	x->first = r->first;
	x->latest = r->latest;
	return 0;
}

static void
outcomes(const char *measure, const char *from, const char *to,
    struct orows *o)
{
	struct wm_buf err = WM_BUF_INIT;

	o->n = 0;
	if (wm_store_network_outcomes(fx->s, measure, from, to, keep_outcome,
	    o, &err))
		fail_msg("outcomes: %s", wm_buf_str(&err));
	wm_buf_release(&err);
}

struct brow {
	char scale[32], respondent[32], item[32];
	int64_t n;
	double sum, sumsq;
};

struct brows {
	size_t n;
	struct brow v[MAX_ROWS];
};

static int
keep_baseline(void *ctx, const struct wm_baseline_row *r)
{
	struct brows *b = ctx;
	struct brow *x;

	assert_true(b->n < MAX_ROWS);
	x = &b->v[b->n++];
	snprintf(x->scale, sizeof(x->scale), "%s", r->scale);
	snprintf(x->respondent, sizeof(x->respondent), "%s", r->respondent);
	snprintf(x->item, sizeof(x->item), "%s", r->item ? r->item : "NULL");
	x->n = r->n;
	x->sum = r->sum;
	x->sumsq = r->sumsq;
	return 0;
}

static void
baseline(struct brows *b)
{
	struct wm_buf err = WM_BUF_INIT;

	b->n = 0;
	if (wm_store_network_baseline(fx->s, "dreem", keep_baseline, b, &err))
		fail_msg("baseline: %s", wm_buf_str(&err));
	wm_buf_release(&err);
}

/* The baseline row of one respondent and item ("NULL" for the score,
 * "" for the total), or NULL. */
static const struct brow *
base_row(const struct brows *b, const char *respondent, const char *item)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		if (strcmp(b->v[i].scale, "recovery-markers") == 0 &&
		    strcmp(b->v[i].respondent, respondent) == 0 &&
		    strcmp(b->v[i].item, item) == 0)
			return &b->v[i];
	return NULL;
}

struct rate {
	int64_t unit, a, b, c;
};

struct rates {
	size_t n;
	struct rate v[16];
};

static int
keep_paired(void *ctx, const struct wm_paired_rate_row *r)
{
	struct rates *x = ctx;

	assert_true(x->n < 16);
	x->v[x->n++] = (struct rate){ r->unit_id, r->eligible, r->paired, 0 };
	return 0;
}

static int
keep_goals(void *ctx, const struct wm_goal_rate_row *r)
{
	struct rates *x = ctx;

	assert_true(x->n < 16);
	x->v[x->n++] = (struct rate){ r->unit_id, r->with_goals, r->reviewed,
	    r->higher };
	return 0;
}

static void
paired(const char *measure, const char *today, int days, struct rates *x)
{
	struct wm_buf err = WM_BUF_INIT;

	x->n = 0;
	if (wm_store_network_paired_rate(fx->s, measure, today, days,
	    keep_paired, x, &err))
		fail_msg("paired rate: %s", wm_buf_str(&err));
	wm_buf_release(&err);
}

static void
goals(struct rates *x)
{
	struct wm_buf err = WM_BUF_INIT;

	x->n = 0;
	if (wm_store_network_goals(fx->s, keep_goals, x, &err))
		fail_msg("goals: %s", wm_buf_str(&err));
	wm_buf_release(&err);
}

static const struct rate *
rate_of(const struct rates *x, int64_t unit)
{
	size_t i;

	for (i = 0; i < x->n; i++)
		if (x->v[i].unit == unit)
			return &x->v[i];
	fail_msg("no row for unit %lld", (long long)unit);
	return NULL;
}

/* --- windows ------------------------------------------------------------ */

static void
one_row(const char *from, const char *to, int64_t responses, double first,
    double latest)
{
	struct orows o;

	outcomes("dreem", from, to, &o);
	assert_int_equal(o.n, 1);
	assert_int_equal(o.v[0].responses, responses);
	assert_true(o.v[0].first == first);
	assert_true(o.v[0].latest == latest);
	assert_string_equal(o.v[0].respondent, "person");
	assert_string_equal(o.v[0].scale, "recovery-markers");
	assert_int_equal(o.v[0].unit, fx->unit);
}

/* Answers in Q1, Q2 (twice) and Q4: each window takes the person's
 * latest answer in it and their count up to its end. */
static void
test_windows(void **state)
{
	const struct answers q1 = { "2025-02-03", 0, 2, 0, 0, 0 };
	const struct answers q2 = { "2025-05-05", 0, 3, 0, 0, 0 };
	const struct answers q2b = { "2025-06-01", 0, 4, 0, 0, 0 };
	const struct answers q4 = { "2025-11-03", 0, 5, 0, 0, 0 };
	struct wm_buf err = WM_BUF_INIT;
	double s1, s2b, s4;
	struct orows o;

	(void)state;
	s1 = answer(0, &q1);
	(void)answer(0, &q2);
	s2b = answer(0, &q2b);
	s4 = answer(0, &q4);
	assert_true(s1 != s2b && s2b != s4);
	one_row("2025-Q1", "2025-Q2", 3, s1, s2b);
	one_row("2025-Q2", "2025-Q3", 3, s1, s2b);
	one_row("2025-Q3", "2025-Q4", 4, s1, s4);
	one_row("2025-Q4", "2025-Q4", 4, s1, s4);
	one_row("2025-Q1", "2025-Q1", 1, s1, s1);
	one_row("2024-Q1", "2026-Q4", 4, s1, s4);
	outcomes("dreem", "2025-Q3", "2025-Q3", &o);
	assert_int_equal(o.n, 0);
	outcomes("another-measure", "2025-Q1", "2025-Q4", &o);
	assert_int_equal(o.n, 0);
	/* Windows that are not windows are refused with a reason. */
	assert_int_equal(wm_store_network_outcomes(fx->s, "dreem", "2025-Q5",
	    "2025-Q4", keep_outcome, &o, &err), WM_STORE_ERROR);
	assert_non_null(strstr(wm_buf_str(&err), "YYYY-Qn"));
	assert_int_equal(wm_store_network_outcomes(fx->s, "dreem", "2025-Q3",
	    "2025-Q2", keep_outcome, &o, &err), WM_STORE_ERROR);
	assert_non_null(strstr(wm_buf_str(&err), "cannot end before"));
	assert_int_equal(wm_store_network_outcomes(fx->s, "dreem", NULL,
	    "2025-Q2", keep_outcome, &o, &err), WM_STORE_ERROR);
	wm_buf_release(&err);
}

/* A backdated answer becomes the first: the rows and the baseline sums
 * move to it; one backdated into the middle leaves the baseline alone;
 * on the same day, the later recorded is the later. */
static void
test_backdated_first(void **state)
{
	const struct answers a = { "2025-05-05", 0, 3, 0, 0, 0 };
	const struct answers b = { "2025-11-03", 0, 4, 0, 0, 0 };
	const struct answers c = { "2025-02-03", 0, 1, 0, 0, 0 };
	const struct answers d = { "2025-08-01", 0, 5, 0, 0, 0 };
	const struct answers e = { "2025-11-03", 0, 2, 0, 0, 0 };
	struct brows before, after;
	const struct brow *x, *y;
	double sa, sb, sc, sd, se;

	(void)state;
	sa = answer(1, &a);
	sb = answer(1, &b);
	one_row("2025-Q2", "2025-Q4", 2, sa, sb);
	baseline(&before);
	x = base_row(&before, "person", "NULL");
	assert_non_null(x);
	assert_int_equal(x->n, 1);
	assert_true(x->sum == sa);
	sc = answer(1, &c);
	one_row("2025-Q2", "2025-Q4", 3, sc, sb);
	one_row("2025-Q2", "2025-Q2", 2, sc, sa);
	one_row("2025-Q1", "2025-Q1", 1, sc, sc);
	baseline(&after);
	x = base_row(&after, "person", "NULL");
	assert_non_null(x);
	assert_int_equal(x->n, 1);
	assert_true(fabs(x->sum - sc) < 1e-12);
	assert_true(fabs(x->sumsq - sc * sc) < 1e-9);
	/* The items are the new first's, each as the scale takes it. */
	x = base_row(&after, "person", "activities");
	y = base_row(&before, "person", "activities");
	assert_non_null(x);
	assert_non_null(y);
	assert_int_equal(x->n, 1);
	assert_true(x->sum == item_at(1, "activities"));
	assert_true(y->sum == item_at(3, "activities"));
	assert_true(x->sum != y->sum);
	x = base_row(&after, "person", "hopeful");
	assert_non_null(x);
	assert_true(x->sum == item_at(1, "hopeful"));
	assert_true(x->sumsq == x->sum * x->sum);
	/* Into the middle: the rows move on, the first stays. */
	sd = answer(1, &d);
	one_row("2025-Q3", "2025-Q3", 3, sc, sd);
	one_row("2025-Q4", "2025-Q4", 4, sc, sb);
	baseline(&before);
	assert_int_equal(before.n, after.n);
	assert_true(base_row(&before, "person", "NULL")->sum ==
	    base_row(&after, "person", "NULL")->sum);
	/* The same day as the latest, recorded later: the latest now. */
	se = answer(1, &e);
	one_row("2025-Q4", "2025-Q4", 5, sc, se);
}

/* A first answer with a score but not every item answered counts in
 * the score's sums and not in the items'; when an earlier complete
 * answer is recorded later, the items' sums take it. */
static void
test_incomplete_first(void **state)
{
	const struct answers late = { "2025-05-05", 0, 3, 1, 0, 0 };
	const struct answers early = { "2025-02-03", 0, 2, 0, 0, 0 };
	struct brows b;

	(void)state;
	(void)answer(2, &late);
	baseline(&b);
	assert_int_equal(base_row(&b, "person", "NULL")->n, 1);
	assert_null(base_row(&b, "person", ""));
	assert_null(base_row(&b, "person", "activities"));
	(void)answer(2, &early);
	baseline(&b);
	assert_int_equal(base_row(&b, "person", "NULL")->n, 1);
	assert_int_equal(base_row(&b, "person", "")->n, 1);
	assert_int_equal(base_row(&b, "person", "activities")->n, 1);
	assert_int_equal(b.n, 2 + 11);
}

/* A draft is not an answer until it is completed. */
static void
test_drafts(void **state)
{
	const struct answers draft = { "2025-05-05", 0, 3, 0, 1, 0 };
	const struct answers done = { "2025-05-06", 0, 3, 0, 0, 0 };
	struct orows o;
	struct brows b;
	struct rates r;

	(void)state;
	(void)answer(3, &draft);
	outcomes("dreem", "2025-Q1", "2025-Q4", &o);
	assert_int_equal(o.n, 0);
	baseline(&b);
	assert_int_equal(b.n, 0);
	paired(MARKERS, "2026-07-01", 0, &r);
	assert_int_equal(rate_of(&r, fx->unit)->b, 0);
	(void)answer(3, &draft);
	(void)answer(3, &done);
	outcomes("dreem", "2025-Q1", "2025-Q4", &o);
	assert_int_equal(o.n, 1);
	assert_int_equal(o.v[0].responses, 1);
}

/* By themselves, with a practitioner, and rated by staff: the first two
 * kept apart, the third not an outcome (but a response for the paired
 * rate, which counts anyone's). */
static void
test_respondents(void **state)
{
	const struct answers self = { "2025-05-05", WM_RESPONDENT_PERSON, 2, 0,
	    0, 0 };
	const struct answers with = { "2025-05-06", WM_RESPONDENT_WITH_PRACTITIONER,
	    4, 0, 0, 0 };
	const struct answers staff = { "2025-05-07", WM_RESPONDENT_STAFF, 5, 0,
	    0, 0 };
	struct orows o;
	struct brows b;
	struct rates r;
	double ss, sw;

	(void)state;
	ss = answer(4, &self);
	sw = answer(4, &with);
	(void)answer(4, &staff);
	outcomes("dreem", "2025-Q2", "2025-Q2", &o);
	assert_int_equal(o.n, 2);
	assert_string_equal(o.v[0].respondent, "person");
	assert_true(o.v[0].latest == ss && o.v[0].responses == 1);
	assert_string_equal(o.v[1].respondent, "person-with-practitioner");
	assert_true(o.v[1].latest == sw && o.v[1].responses == 1);
	baseline(&b);
	assert_int_equal(base_row(&b, "person", "NULL")->n, 1);
	assert_int_equal(base_row(&b, "person-with-practitioner", "NULL")->n, 1);
	assert_null(base_row(&b, "staff", "NULL"));
	paired(MARKERS, "2026-07-01", 180, &r);
	assert_int_equal(rate_of(&r, fx->unit)->b, 1);
}

/* The service is the latest answer's in the window. */
static void
test_moving_service(void **state)
{
	const struct answers here = { "2025-02-03", 0, 2, 0, 0, 0 };
	const struct answers there = { "2025-05-05", 0, 3, 0, 0, 0 };
	struct answers moved = there;
	struct orows o;

	(void)state;
	moved.unit = fx->unit2;
	(void)answer(5, &here);
	(void)answer(5, &moved);
	outcomes("dreem", "2025-Q1", "2025-Q2", &o);
	assert_int_equal(o.n, 1);
	assert_int_equal(o.v[0].unit, fx->unit2);
	outcomes("dreem", "2025-Q1", "2025-Q1", &o);
	assert_int_equal(o.n, 1);
	assert_int_equal(o.v[0].unit, fx->unit);
}

/* Eligible from exactly `days` days on the caseload; paired from two
 * scored responses to the measure; the recovery markers by their url
 * without the supportive service indicators that share their family. */
static void
test_paired_days(void **state)
{
	struct wm_buf err = WM_BUF_INIT;
	const struct answers one = { "2026-02-03", 0, 3, 0, 0, 0 };
	const struct answers two = { "2026-03-03", 0, 3, 0, 0, 0 };
	const struct answers unscored = { "2026-04-03", 0, 3, 3, 0, 0 };
	int64_t edge, late;
	struct rates r;

	(void)state;
	assert_int_equal(wm_store_person_add(fx->s, "EDGE", "Edge", fx->unit,
	    "2026-01-02", &edge, &err), 0);
	assert_int_equal(wm_store_person_add(fx->s, "LATE", "Late", fx->unit,
	    "2026-01-03", &late, &err), 0);
	(void)answer(0, &one);
	(void)answer(0, &two);		/* P0: paired */
	(void)answer(1, &one);
	(void)answer(1, &unscored);	/* P1: one scored response only */
	(void)answer(2, &one);
	answer_ssi(2, "2026-02-04");	/* P2: DREEM twice, markers once */
	paired(MARKERS, "2026-07-01", 180, &r);
	assert_int_equal(r.n, 2);
	assert_int_equal(rate_of(&r, fx->unit)->a, PEOPLE - 1 + 1);
	assert_int_equal(rate_of(&r, fx->unit)->b, 1);
	assert_int_equal(rate_of(&r, fx->unit2)->a, 1);
	assert_int_equal(rate_of(&r, fx->unit2)->b, 0);
	paired("dreem", "2026-07-01", 180, &r);
	assert_int_equal(rate_of(&r, fx->unit)->b, 2);
	paired(MARKERS, "2026-07-01", 179, &r);
	assert_int_equal(rate_of(&r, fx->unit)->a, PEOPLE - 1 + 2);
	paired(MARKERS, "2026-07-01", 181, &r);
	assert_int_equal(rate_of(&r, fx->unit)->a, PEOPLE - 1);
	assert_int_equal(wm_store_network_paired_rate(fx->s, MARKERS,
	    "2026-13-01", 180, keep_paired, &r, &err), WM_STORE_ERROR);
	assert_non_null(strstr(wm_buf_str(&err), "YYYY-MM-DD"));
	assert_int_equal(wm_store_network_paired_rate(fx->s, MARKERS,
	    "2026-07-01", -1, keep_paired, &r, &err), WM_STORE_ERROR);
	wm_buf_release(&err);
}

static int64_t
goal(int64_t person)
{
	struct wm_buf err = WM_BUF_INIT;
	int64_t id;

	assert_int_equal(wm_store_goal_add(fx->s, person, "A goal", &id,
	    &err), 0);
	wm_buf_release(&err);
	return id;
}

static void
review(int64_t goal_id, const char *date, int rating)
{
	struct wm_buf err = WM_BUF_INIT;

	assert_int_equal(wm_store_goal_review_add(fx->s, goal_id, date, rating,
	    NULL, "person", 1, &err), 0);
	wm_buf_release(&err);
}

/* Goals reviewed in order and out of order by date, once, lower, and on
 * the same day; people on another service, and on none, apart. */
static void
test_goals(void **state)
{
	struct wm_buf err = WM_BUF_INIT;
	int64_t g, nowhere;
	struct rates r;

	(void)state;
	g = goal(fx->person[0]);
	review(g, "2026-01-01", 3);
	review(g, "2026-03-01", 6);		/* higher */
	g = goal(fx->person[1]);
	review(g, "2026-03-01", 7);
	review(g, "2026-01-01", 4);		/* higher, told out of order */
	(void)goal(fx->person[1]);
	g = goal(fx->person[2]);
	review(g, "2026-01-01", 8);		/* reviewed once */
	g = goal(fx->person[3]);
	review(g, "2026-01-01", 6);
	review(g, "2026-02-01", 2);		/* lower */
	g = goal(fx->person[4]);
	review(g, "2026-02-01", 5);
	review(g, "2026-02-01", 3);		/* the same day: lower */
	g = goal(fx->person[4]);
	review(g, "2026-02-01", 3);
	review(g, "2026-01-01", 9);		/* lower, out of order */
	(void)goal(fx->person[5]);		/* not reviewed */
	g = goal(fx->person[PEOPLE - 1]);	/* on the other service */
	review(g, "2026-01-01", 1);
	review(g, "2026-02-01", 2);
	assert_int_equal(wm_store_person_add(fx->s, "NOWHERE", "Nowhere", 0,
	    NULL, &nowhere, &err), 0);
	g = goal(nowhere);
	review(g, "2026-01-01", 1);
	review(g, "2026-02-01", 2);
	goals(&r);
	assert_int_equal(r.n, 2);
	assert_int_equal(rate_of(&r, fx->unit)->a, 6);
	assert_int_equal(rate_of(&r, fx->unit)->b, 4);
	assert_int_equal(rate_of(&r, fx->unit)->c, 2);
	assert_int_equal(rate_of(&r, fx->unit2)->a, 1);
	assert_int_equal(rate_of(&r, fx->unit2)->b, 1);
	assert_int_equal(rate_of(&r, fx->unit2)->c, 1);
	wm_buf_release(&err);
}

/* --- the plain SQL, in the sqlite3 shell -------------------------------- */

/* The sqlite3 shell's output for `cmds` on the test's file. */
static char *
shell(const char *const *cmds, size_t n)
{
	return tu_sqlite3(fx->path, cmds, n);
}

/* The plain SQL of bench/NAME, with its parameters set first. */
static char *
plain(const char *name, const char *const *params, size_t n_params)
{
	const char *cmds[8];
	struct wm_buf text = WM_BUF_INIT;
	char path[64], set[4][96], *sql, *out;
	size_t len, i;

	/* On PostgreSQL, its twin in bench/pg: the same figures as the
	 * same text, in PostgreSQL's SQL. */
	snprintf(path, sizeof(path), "bench/%s%s", tu_on_pg() ? "pg/" : "",
	    name);
	sql = tu_read_path(path, &len);
	assert_non_null(sql);
	/* After a newline, the file's opening comment ("-- ...") is not
	 * taken for one of the shell's options. */
	wm_buf_putc(&text, '\n');
	wm_buf_puts(&text, sql);
	free(sql);
	assert_false(text.failed);
	sql = wm_buf_detach(&text);
	assert_true(n_params <= 4);
	for (i = 0; i < n_params; i++) {
		snprintf(set[i], sizeof(set[i]), ".parameter set %s",
		    params[i]);
		cmds[i] = set[i];
	}
	cmds[n_params] = sql;
	out = shell(cmds, n_params + 1);
	free(sql);
	return out;
}

/* Splits the shell's next line into fields at '|'; 0 at the end. */
static size_t
fields(char **at, char **f, size_t max)
{
	char *line = *at, *end;
	size_t n = 0;

	if (!*line)
		return 0;
	end = strchr(line, '\n');
	assert_non_null(end);
	*end = '\0';
	*at = end + 1;
	for (f[n++] = line; n < max && (line = strchr(line, '|')); ) {
		*line++ = '\0';
		f[n++] = line;
	}
	return n;
}

static int
close_to(double a, double b)
{
	return fabs(a - b) <= 1e-9 * (1 + fabs(a) + fabs(b));
}

static int
cmp_orow(const void *a, const void *b)
{
	const struct orow *x = a, *y = b;
	int c;

	if (x->unit != y->unit)
		return x->unit < y->unit ? -1 : 1;
	if ((c = strcmp(x->respondent, y->respondent)) ||
	    (c = strcmp(x->scale, y->scale)))
		return c;
	if (x->responses != y->responses)
		return x->responses < y->responses ? -1 : 1;
	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return (x->latest > y->latest) - (x->latest < y->latest);
}

/* The window's rows, from the store and from the plain SQL: the same. */
static size_t
same_outcomes(const char *measure, const char *from, const char *to)
{
	char pm[96], pf[48], pt[48], *text, *at, *f[8];
	const char *params[] = { pm, pf, pt };
	struct orows *ours = calloc(1, sizeof(*ours));
	struct orows *theirs = calloc(1, sizeof(*theirs));
	size_t i, n;

	assert_non_null(ours);
	assert_non_null(theirs);
	outcomes(measure, from, to, ours);
	for (i = 1; i < ours->n; i++)
		assert_true(ours->v[i - 1].unit < ours->v[i].unit ||
		    (ours->v[i - 1].unit == ours->v[i].unit &&
		    (strcmp(ours->v[i - 1].respondent, ours->v[i].respondent) <
		    0 || (strcmp(ours->v[i - 1].respondent,
		    ours->v[i].respondent) == 0 && strcmp(ours->v[i - 1].scale,
		    ours->v[i].scale) <= 0))));
	snprintf(pm, sizeof(pm), ":measure \"'%s'\"", measure);
	snprintf(pf, sizeof(pf), ":from \"'%s'\"", from);
	snprintf(pt, sizeof(pt), ":to \"'%s'\"", to);
	at = text = plain("plain_network_outcomes.sql", params, 3);
	while ((n = fields(&at, f, 8)) > 0) {
		struct orow *x = &theirs->v[theirs->n++];

		assert_int_equal(n, 6);
		assert_true(theirs->n < MAX_ROWS);
		x->unit = strtoll(f[0], NULL, 10);
		snprintf(x->respondent, sizeof(x->respondent), "%s", f[1]);
		snprintf(x->scale, sizeof(x->scale), "%s", f[2]);
		x->responses = strtoll(f[3], NULL, 10);
		x->first = strtod(f[4], NULL);
		x->latest = strtod(f[5], NULL);
	}
	free(text);
	qsort(ours->v, ours->n, sizeof(ours->v[0]), cmp_orow);
	qsort(theirs->v, theirs->n, sizeof(theirs->v[0]), cmp_orow);
	if (ours->n != theirs->n)
		fail_msg("%s..%s: %zu rows, the plain SQL %zu", from, to,
		    ours->n, theirs->n);
	for (i = 0; i < ours->n; i++)
		if (cmp_orow(&ours->v[i], &theirs->v[i]))
			fail_msg("%s..%s row %zu: unit %lld %s %lld %.17g %.17g,"
			    " the plain SQL unit %lld %s %lld %.17g %.17g",
			    from, to, i, (long long)ours->v[i].unit,
			    ours->v[i].respondent,
			    (long long)ours->v[i].responses, ours->v[i].first,
			    ours->v[i].latest, (long long)theirs->v[i].unit,
			    theirs->v[i].respondent,
			    (long long)theirs->v[i].responses,
			    theirs->v[i].first, theirs->v[i].latest);
	n = ours->n;
	free(ours);
	free(theirs);
	return n;
}

static void
same_baseline(void)
{
	const char *params[] = { ":measure \"'dreem'\"" };
	char *text, *at, *f[8];
	struct brows *b = calloc(1, sizeof(*b));
	size_t i = 0, n;

	assert_non_null(b);
	baseline(b);
	at = text = plain("plain_network_baseline.sql", params, 1);
	/* Both in order of scale, respondent, then the score, the total and
	 * the items by linkId (NULL and '' sort first in SQL too). */
	while ((n = fields(&at, f, 8)) > 0) {
		const struct brow *x;

		assert_int_equal(n, 6);
		assert_true(i < b->n);
		x = &b->v[i++];
		if (strcmp(x->scale, f[0]) || strcmp(x->respondent, f[1]) ||
		    strcmp(x->item, f[2]) || x->n != strtoll(f[3], NULL, 10) ||
		    !close_to(x->sum, strtod(f[4], NULL)) ||
		    !close_to(x->sumsq, strtod(f[5], NULL)))
			fail_msg("baseline row %zu: %s %s %s %lld %.17g %.17g, "
			    "the plain SQL %s %s %s %s %s %s", i - 1, x->scale,
			    x->respondent, x->item, (long long)x->n, x->sum,
			    x->sumsq, f[0], f[1], f[2], f[3], f[4], f[5]);
	}
	assert_int_equal(i, b->n);
	free(text);
	free(b);
}

/* Rows of the paired rate or the goals, from the store and the plain
 * SQL: the same. */
static void
same_rates(const char *name, const char *const *params, size_t n_params,
    const struct rates *ours, size_t n_cols)
{
	char *text = plain(name, params, n_params), *at = text, *f[8];
	size_t i = 0, n;

	while ((n = fields(&at, f, 8)) > 0) {
		const struct rate *x;

		assert_int_equal(n, n_cols);
		assert_true(i < ours->n);
		x = &ours->v[i++];
		assert_int_equal(x->unit, strtoll(f[0], NULL, 10));
		assert_int_equal(x->a, strtoll(f[1], NULL, 10));
		assert_int_equal(x->b, strtoll(f[2], NULL, 10));
		if (n_cols > 3)
			assert_int_equal(x->c, strtoll(f[3], NULL, 10));
	}
	assert_int_equal(i, ours->n);
	free(text);
}

/* The figures on the file now are those the plain SQL gives. */
static void
same_everything(void)
{
	static const char *const windows[][2] = {
		{ "2024-Q1", "2024-Q4" }, { "2025-Q3", "2026-Q2" },
		{ "2024-Q3", "2026-Q4" }, { "2026-Q1", "2026-Q1" },
		{ "2025-Q1", "2025-Q2" }, { "2023-Q1", "2023-Q4" },
	};
	/* Text in quotes twice: the shell takes away one pair, and the
	 * value is read as SQL (a date unquoted would be a subtraction). */
	const char *pp[] = { ":measure \"'" MARKERS "'\"",
	    ":today \"'2026-07-01'\"", ":days 180" };
	const char *pf[] = { ":measure \"'dreem'\"",
	    ":today \"'2026-07-01'\"", ":days 30" };
	char from[32], to[32];
	struct rates r;
	size_t i, rows = 0;
	int y, q;

	for (i = 0; i < TU_NELEM(windows); i++)
		rows += same_outcomes("dreem", windows[i][0], windows[i][1]);
	for (y = 2024; y <= 2026; y++)
		for (q = 1; q <= 4; q++) {
			snprintf(from, sizeof(from), "%d-Q%d", y, q);
			memcpy(to, from, sizeof(to));
			rows += same_outcomes("dreem", from, to);
		}
	assert_true(rows > 0);
	same_baseline();
	paired(MARKERS, "2026-07-01", 180, &r);
	same_rates("plain_network_paired.sql", pp, 3, &r, 3);
	paired("dreem", "2026-07-01", 30, &r);
	same_rates("plain_network_paired.sql", pf, 3, &r, 3);
	goals(&r);
	same_rates("plain_network_goals.sql", NULL, 0, &r, 4);
}

/* The unit tests' own figures agree with the plain SQL too. */
static void
test_plain_agrees(void **state)
{
	const struct answers a = { "2025-05-05", 0, 3, 0, 0, 0 };
	const struct answers b = { "2025-02-03", WM_RESPONDENT_WITH_PRACTITIONER,
	    2, 1, 0, 0 };

	(void)state;
	test_backdated_first(state);
	(void)answer(0, &a);
	(void)answer(0, &b);
	same_everything();
}

/* --- the invariant -------------------------------------------------------- */

static uint64_t seed = 88172645463325252ULL;

static unsigned
rnd(unsigned n)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (unsigned)(seed % n);
}

/* Random answers of a random person (*p), on a random day in 2024-2026
 * (written into date), now and then at another service than their own,
 * unscored or a draft. */
static void
random_answers(struct answers *a, char date[11], int *p)
{
	static const enum wm_respondent who[] = { WM_RESPONDENT_PERSON,
	    WM_RESPONDENT_PERSON, WM_RESPONDENT_WITH_PRACTITIONER,
	    WM_RESPONDENT_STAFF };

	snprintf(date, 11, "%d-%02u-%02u", 2024 + (int)rnd(3), 1 + rnd(12),
	    1 + rnd(28));
	a->date = date;
	a->who = who[rnd(TU_NELEM(who))];
	a->level = 1 + (int)rnd(5);
	a->skip = rnd(4) == 0 ? (int)rnd(4) : 0;
	a->draft = rnd(10) == 0;
	a->unit = rnd(5) == 0 ? fx->unit2 : 0;
	*p = (int)rnd(PEOPLE);
}

/* Several saves in one transaction, each a part of it, as the writer
 * runs a batch; one of them refused (a person on no caseload), whose
 * part is undone alone. */
static void
batch_of_parts(int64_t nowhere)
{
	struct wm_response *r[4];
	struct wm_response_ids ids[4];
	struct wm_record job[4];
	struct wm_buf err = WM_BUF_INIT;
	struct answers a;
	char date[11];
	int64_t id;
	int i, p;

	assert_int_equal(wm_store_begin(fx->s, &err), 0);
	for (i = 0; i < 4; i++) {
		random_answers(&a, date, &p);
		r[i] = build(fx->markers, &a);
		ids[i] = (struct wm_response_ids){ .instrument_id = fx->markers_id,
		    .subject_id = i == 2 ? nowhere : fx->person[p],
		    .unit_id = i == 2 ? 0 : a.unit, .author_id = 0 };
		job[i] = (struct wm_record){ r[i], &ids[i], &by, NULL, NULL };
		assert_int_equal(wm_store_record_part(fx->s, &job[i], &id,
		    &err), i == 2 ? WM_STORE_NOT_FOUND : 0);
	}
	assert_int_equal(wm_store_commit(fx->s, &err), 0);
	for (i = 0; i < 4; i++)
		wm_response_free(r[i]);
	wm_buf_release(&err);
}

/* One save through the group-commit writer. */
static void
through_writer(struct wm_writer *w)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_response_ids ids;
	struct wm_record job;
	struct wm_response *r;
	struct answers a;
	char date[11];
	int64_t id;
	int p;

	random_answers(&a, date, &p);
	r = build(fx->markers, &a);
	ids = (struct wm_response_ids){ .instrument_id = fx->markers_id,
	    .subject_id = fx->person[p], .unit_id = a.unit, .author_id = 0 };
	job = (struct wm_record){ r, &ids, &by, NULL, NULL };
	if (wm_writer_record(w, &job, &id, &err))
		fail_msg("the writer: %s", wm_buf_str(&err));
	wm_response_free(r);
	wm_buf_release(&err);
}

/* After a random sequence of saves by every path (backdated ones among
 * them: the days are in no order), goals and reviews, the figures kept
 * at write time are those of the plain SQL over the raw tables. */
static void
test_invariant(void **state)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_writer *w;
	int64_t nowhere, g[PEOPLE];
	int i, p, round;

	(void)state;
	assert_int_equal(wm_store_person_add(fx->s, "NOWHERE", "Nowhere", 0,
	    NULL, &nowhere, &err), 0);
	for (i = 0; i < PEOPLE; i++)
		g[i] = goal(fx->person[i]);
	assert_int_equal(wm_writer_start(fx->path, 8, &w, &err), 0);
	for (round = 0; round < 3; round++) {
		for (i = 0; i < 40; i++) {
			struct answers a;
			char date[11];

			switch (rnd(4)) {
			case 0:
				batch_of_parts(nowhere);
				break;
			case 1:
				through_writer(w);
				break;
			default:
				random_answers(&a, date, &p);
				(void)answer(p, &a);
				break;
			}
			if (rnd(6) == 0) {
				char day[11];

				snprintf(day, sizeof(day), "2026-%02u-%02u",
				    1 + rnd(12), 1 + rnd(28));
				review(g[rnd(PEOPLE)], day, (int)rnd(11));
			}
		}
		same_everything();
	}
	wm_writer_stop(w);
	wm_buf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_windows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_backdated_first, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_incomplete_first, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_drafts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_respondents, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_moving_service, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_paired_days, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_goals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plain_agrees, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_invariant, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
