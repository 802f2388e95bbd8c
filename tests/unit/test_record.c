/*
 * Recording the standards on a real SQLite file (store/record.c): a
 * lead's self-assessment filed as the next version, refused when another
 * was filed since the form was built (core's "changed meanwhile" rule);
 * ratings only from those holding the grant; a validator's ratings filed
 * only against a submitted self-assessment, once; the steps run inside a
 * caller's transaction, as a writer thread would run them; and what an
 * import is filed as. Every refusal stores nothing. And which of a
 * form's responses are whose (the saved page's check).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/response.h"
#include "core/standards.h"
#include "store/store.h"
#include "testutil.h"

struct fixture {
	char path[64];
	struct wm_store *s;
	struct wm_instrument *lead_in, *val_in;
	int64_t lead_inst, val_inst;
	int64_t unit, lead, validator, other;
};

static struct fixture *fx;

static void
load(struct fixture *f, const char *file, struct wm_instrument **in,
    int64_t *id)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_diags d = WM_DIAGS_INIT;
	size_t len;
	char *text = tu_read_instrument_file(file, &len);
	int existed;

	assert_non_null(text);
	assert_int_equal(wm_instrument_parse(text, len, in, &d), 0);
	assert_int_equal(wm_store_instrument_put(f->s, *in, text, len, id,
	    &existed, &err), 0);
	free(text);
	wm_diags_release(&d);
	wm_buf_release(&err);
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct wm_buf err = WM_BUF_INIT;
	int64_t prov;
	int from, to;

	tu_db_path(f->path, sizeof(f->path), "record");
	unlink(f->path);
	assert_int_equal(wm_store_open(f->path, WM_STORE_CREATE, &f->s, &err),
	    0);
	assert_int_equal(wm_store_migrate(f->s, &from, &to, &err), 0);
	load(f, "core-standards.json", &f->lead_in, &f->lead_inst);
	load(f, "core-standards-validation.json", &f->val_in, &f->val_inst);
	assert_int_equal(tu_network_tree(f->s, &prov, &f->unit), 0);
	assert_int_equal(wm_store_account_add(f->s, "lead@example.org", "L", 0,
	    NULL, &f->lead, &err), 0);
	assert_int_equal(wm_store_grant_add(f->s, f->lead, "lead", f->unit,
	    NULL, &err), 0);
	assert_int_equal(wm_store_account_add(f->s, "val@example.org", "V", 0,
	    NULL, &f->validator, &err), 0);
	assert_int_equal(wm_store_grant_add(f->s, f->validator, "validator",
	    f->unit, "supporter", &err), 0);
	assert_int_equal(wm_store_account_add(f->s, "x@example.org", "X", 0,
	    NULL, &f->other, &err), 0);
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
	wm_instrument_free(f->lead_in);
	wm_instrument_free(f->val_in);
	tu_remove_db(f->path);
	free(f);
	return 0;
}

/* Every light given, the evidence and (for anything not green) the
 * action the lead's form asks for. */
static struct wm_response *
lights(const struct wm_instrument *in, enum wm_respondent who,
    const char *light, const char *day)
{
	struct wm_response *r = wm_response_new(in);
	struct wm_date today;
	struct wm_diags d = WM_DIAGS_INIT;
	char link[40];
	int n;

	assert_non_null(r);
	r->status = WM_STATUS_COMPLETED;
	r->subject.kind = WM_SUBJECT_SERVICE;
	r->subject.id = "s";
	r->author.kind = WM_SUBJECT_STAFF;
	r->author.id = "someone";
	r->respondent = who;
	if (who == WM_RESPONDENT_VALIDATOR)
		r->stakeholder = WM_STAKEHOLDER_SUPPORTER;
	assert_int_equal(wm_date_parse(day, &r->authored), 0);
	for (n = 1; n <= WM_STANDARDS; n++) {
		snprintf(link, sizeof(link), "standard-%d-rating", n);
		assert_int_equal(wm_response_set_answer(r, link, light), 0);
	}
	today = r->authored;
	assert_int_equal(wm_response_check(r, &today, &d), 0);
	wm_diags_release(&d);
	return r;
}

static int
count_row(void *ctx, const struct wm_answer_row *row)
{
	int64_t *last = ctx;

	if (row->response_id != last[0]) {
		last[0] = row->response_id;
		last[1]++;
	}
	return 0;
}

/* How many responses about the service are stored, drafts included. */
static int64_t
responses(void)
{
	struct wm_buf err = WM_BUF_INIT;
	int64_t n[2] = { 0, 0 };

	assert_int_equal(wm_store_answer_each(fx->s, NULL, fx->unit, 0, 1,
	    count_row, n, &err), 0);
	wm_buf_release(&err);
	return n[1];
}

static int
versions_row(void *ctx, const struct wm_assessment_row *row)
{
	*(int *)ctx = row->versions;
	return 1;
}

static int
versions(int64_t assessment)
{
	struct wm_buf err = WM_BUF_INIT;
	int v = -1;

	assert_int_equal(wm_store_assessment_get(fx->s, assessment,
	    versions_row, &v, &err), 0);
	wm_buf_release(&err);
	return v;
}

static int
submit(int64_t author, int built_on, const char *reason, const char *day,
    struct wm_assessment_submission *sub, struct wm_buf *err)
{
	struct wm_response *r = lights(fx->lead_in, WM_RESPONDENT_LEAD,
	    "green", day);
	struct wm_response_ids ids = { .instrument_id = fx->lead_inst,
	    .subject_id = fx->unit, .unit_id = fx->unit, .author_id = author };
	const struct wm_recorder by = { author, NULL, "submitted", 1 };
	struct wm_record job = { NULL, NULL, NULL, NULL, NULL };
	int64_t id;
	int rc;

	memset(sub, 0, sizeof(*sub));
	sub->period = "2026-07-01";
	sub->period_end = "2026-09-30";
	sub->built_on = built_on;
	sub->reason = reason;
	job.r = r;
	job.ids = &ids;
	job.by = &by;
	job.version = sub;
	rc = wm_store_record(fx->s, &job, &id, err);
	wm_response_free(r);
	return rc;
}

static int
validate(int64_t assessment, const char *period, int invite,
    struct wm_buf *err)
{
	struct wm_response *r = lights(fx->val_in, WM_RESPONDENT_VALIDATOR,
	    "red", "2026-08-10");
	struct wm_response_ids ids = { .instrument_id = fx->val_inst,
	    .subject_id = fx->unit, .unit_id = fx->unit,
	    .author_id = fx->validator };
	const struct wm_recorder by = { fx->validator, NULL, "validated", 1 };
	const struct wm_validation_submission sub = { assessment, period,
	    invite };
	const struct wm_record job = { r, &ids, &by, NULL, &sub };
	int64_t id;
	int rc;

	rc = wm_store_record(fx->s, &job, &id, err);
	wm_response_free(r);
	return rc;
}

/* A validator's ratings before there is a self-assessment, then the
 * lead's versions: each built on the versions it saw, or refused. */
static void
test_standards_in_order(void **state)
{
	struct wm_assessment_submission sub;
	struct wm_buf err = WM_BUF_INIT;
	int64_t before, assessment;

	(void)state;
	before = responses();
	assert_int_equal(validate(0, "2026-07-01", 1, &err),
	    WM_STORE_CONFLICT);
	assert_non_null(strstr(wm_buf_str(&err), "submitted"));
	assert_int_equal(responses(), before);

	/* Only the lead rates the service itself. */
	assert_int_equal(submit(fx->other, 0, NULL, "2026-08-01", &sub,
	    &err), WM_STORE_NOT_FOUND);
	assert_int_equal(responses(), before);

	assert_int_equal(submit(fx->lead, 0, NULL, "2026-08-01", &sub, &err),
	    0);
	assert_int_equal(sub.version, 1);
	assert_true(sub.assessment_id > 0);
	assessment = sub.assessment_id;
	assert_int_equal(responses(), before + 1);

	/* A second first submission, built on none, met version 1. */
	assert_int_equal(submit(fx->lead, 0, NULL, "2026-08-02", &sub, &err),
	    WM_STORE_CONFLICT);
	assert_non_null(strstr(wm_buf_str(&err), "changed meanwhile"));
	assert_int_equal(versions(assessment), 1);
	assert_int_equal(responses(), before + 1);

	assert_int_equal(submit(fx->lead, 1, "More evidence", "2026-08-03",
	    &sub, &err), 0);
	assert_int_equal(sub.version, 2);
	assert_int_equal(submit(fx->lead, WM_BUILT_ON_ANY, "Imported",
	    "2026-08-04", &sub, &err), 0);
	assert_int_equal(sub.version, 3);
	assert_int_equal(sub.assessment_id, assessment);

	/* Now there is something to validate; once. */
	assert_int_equal(validate(assessment, NULL, 0, &err),
	    WM_STORE_NOT_FOUND);	/* not invited */
	assert_int_equal(validate(0, "2026-07-01", 1, &err), 0);
	before = responses();
	assert_int_equal(validate(0, "2026-07-01", 1, &err), WM_STORE_EXISTS);
	assert_non_null(strstr(wm_buf_str(&err), "already submitted"));
	assert_int_equal(responses(), before);
	wm_buf_release(&err);
}

/* The steps run inside the caller's transaction, as a writer thread
 * would run them: nothing is kept until the caller commits. */
static void
test_steps_in_callers_transaction(void **state)
{
	struct wm_response *r = lights(fx->lead_in, WM_RESPONDENT_LEAD,
	    "green", "2026-08-20");
	struct wm_response_ids ids = { .instrument_id = fx->lead_inst,
	    .subject_id = fx->unit, .unit_id = fx->unit,
	    .author_id = fx->lead };
	const struct wm_recorder by = { fx->lead, NULL, "submitted", 1 };
	struct wm_assessment_submission sub = { "2026-07-01", "2026-09-30",
	    WM_BUILT_ON_ANY, "Job", 0, 0, 0, 0 };
	const struct wm_record job = { r, &ids, &by, &sub, NULL };
	struct wm_buf err = WM_BUF_INIT;
	int64_t before = responses(), id;
	int v;

	(void)state;
	assert_int_equal(wm_store_begin(fx->s, &err), 0);
	assert_int_equal(wm_store_record_steps(fx->s, &job, &id, &err), 0);
	v = sub.version;
	wm_store_rollback(fx->s);
	assert_int_equal(responses(), before);
	assert_int_equal(versions(sub.assessment_id), v - 1);
	assert_int_equal(wm_store_begin(fx->s, &err), 0);
	assert_int_equal(wm_store_record_steps(fx->s, &job, &id, &err), 0);
	assert_int_equal(wm_store_commit(fx->s, &err), 0);
	assert_int_equal(responses(), before + 1);
	assert_int_equal(versions(sub.assessment_id), v);
	wm_response_free(r);
	wm_buf_release(&err);
}

/* An import is filed as core decides, in the network's period. */
static void
test_import_job(void **state)
{
	struct wm_response *lead = lights(fx->lead_in, WM_RESPONDENT_LEAD,
	    "green", "2026-05-31");
	struct wm_response *val = lights(fx->val_in, WM_RESPONDENT_VALIDATOR,
	    "green", "2026-05-31");
	struct wm_response_ids ids = { .instrument_id = 0, .subject_id = 0,
	    .unit_id = 0, .author_id = 0 };
	const struct wm_recorder by = { 0, NULL, "imported", 0 };
	struct wm_import imp;
	struct wm_record job;
	struct wm_buf err = WM_BUF_INIT;

	(void)state;
	assert_int_equal(wm_store_import_job(fx->s, lead, &ids, &by, &imp,
	    &job, &err), 0);
	assert_non_null(job.version);
	assert_null(job.validation);
	assert_string_equal(job.version->period, "2026-04-01");
	assert_string_equal(job.version->period_end, "2026-06-30");
	assert_int_equal(job.version->built_on, WM_BUILT_ON_ANY);
	assert_non_null(job.version->reason);
	assert_int_equal(wm_store_import_job(fx->s, val, &ids, &by, &imp,
	    &job, &err), 0);
	assert_null(job.version);
	assert_non_null(job.validation);
	assert_string_equal(job.validation->period, "2026-04-01");
	assert_int_equal(job.validation->invite, 1);
	val->status = WM_STATUS_IN_PROGRESS;
	assert_int_equal(wm_store_import_job(fx->s, val, &ids, &by, &imp,
	    &job, &err), 0);
	assert_null(job.version);
	assert_null(job.validation);
	wm_buf_release(&err);
	wm_response_free(lead);
	wm_response_free(val);
}

/* The saved page's check: a response is one key's only when every part
 * of the key is its own, and it says whether it is a draft. */
static void
test_response_of(void **state)
{
	struct wm_response *r = lights(fx->lead_in, WM_RESPONDENT_LEAD,
	    "green", "2026-08-01");
	struct wm_response_ids ids = { .instrument_id = fx->lead_inst,
	    .subject_id = fx->unit, .unit_id = fx->unit,
	    .author_id = fx->lead };
	struct wm_draft_key k = { fx->lead_inst, WM_SUBJECT_SERVICE, fx->unit,
	    WM_RESPONDENT_LEAD, fx->lead }, bad;
	enum wm_response_status status = WM_STATUS_IN_PROGRESS;
	struct wm_buf err = WM_BUF_INIT;
	int64_t done, draft;

	(void)state;
	assert_int_equal(wm_store_response_save(fx->s, r, &ids, &done, &err),
	    0);
	r->status = WM_STATUS_IN_PROGRESS;
	assert_int_equal(wm_store_response_save(fx->s, r, &ids, &draft, &err),
	    0);
	assert_int_equal(wm_store_response_of(fx->s, &k, done, &status, &err),
	    0);
	assert_int_equal(status, WM_STATUS_COMPLETED);
	assert_int_equal(wm_store_response_of(fx->s, &k, draft, &status,
	    &err), 0);
	assert_int_equal(status, WM_STATUS_IN_PROGRESS);
	assert_int_equal(wm_store_response_of(fx->s, &k, draft + 1000,
	    &status, &err), WM_STORE_NOT_FOUND);
	bad = k;
	bad.instrument_id = fx->val_inst;
	assert_int_equal(wm_store_response_of(fx->s, &bad, done, &status,
	    &err), WM_STORE_NOT_FOUND);
	bad = k;
	bad.subject_kind = WM_SUBJECT_PERSON;
	assert_int_equal(wm_store_response_of(fx->s, &bad, done, &status,
	    &err), WM_STORE_NOT_FOUND);
	bad = k;
	bad.subject_id = fx->unit + 1;
	assert_int_equal(wm_store_response_of(fx->s, &bad, done, &status,
	    &err), WM_STORE_NOT_FOUND);
	bad = k;
	bad.respondent = WM_RESPONDENT_VALIDATOR;
	assert_int_equal(wm_store_response_of(fx->s, &bad, done, &status,
	    &err), WM_STORE_NOT_FOUND);
	bad = k;
	bad.author_id = fx->other;
	assert_int_equal(wm_store_response_of(fx->s, &bad, done, &status,
	    &err), WM_STORE_NOT_FOUND);
	bad.author_id = 0;
	assert_int_equal(wm_store_response_of(fx->s, &bad, done, &status,
	    &err), WM_STORE_NOT_FOUND);
	wm_response_free(r);
	wm_buf_release(&err);
}

/* Every answer given is stored as given, and none that was not: a
 * response's answers go eight to a statement and the rest one by one, so
 * a self-assessment's lights and some of its evidence (choices and words
 * mixed, some left out) cross both. */
struct stored {
	int64_t id;		/* the response's */
	char seen[64][40];
	char value[64][120];
	int n;
};

static int
stored_row(void *ctx, const struct wm_answer_row *row)
{
	struct stored *st = ctx;

	if (row->response_id != st->id)
		return 0;
	assert_true(st->n < 64);
	snprintf(st->seen[st->n], sizeof(st->seen[0]), "%s", row->link_id);
	snprintf(st->value[st->n], sizeof(st->value[0]), "%s",
	    row->code ? row->code : row->text);
	st->n++;
	return 0;
}

static void
test_answers_stored_as_given(void **state)
{
	struct wm_response *r = lights(fx->lead_in, WM_RESPONDENT_LEAD,
	    "green", "2026-08-01");
	struct wm_response_ids ids = { .instrument_id = fx->lead_inst,
	    .subject_id = fx->unit, .unit_id = fx->unit,
	    .author_id = fx->lead };
	struct wm_buf err = WM_BUF_INIT;
	struct stored st;
	char link[40], words[64];
	int64_t id;
	int n, given = 0, i;

	(void)state;
	memset(&st, 0, sizeof(st));
	/* Evidence for every other standard, in words. */
	for (n = 1; n <= WM_STANDARDS; n += 2) {
		snprintf(link, sizeof(link), "standard-%d-evidence", n);
		snprintf(words, sizeof(words), "evidence %d, \"quoted\"", n);
		assert_int_equal(wm_response_set_text(r, link, words), 0);
	}
	for (i = 0; i < (int)r->in->n_items; i++)
		given += r->answers[i].given != 0;
	assert_true(given > 8);
	assert_int_equal(wm_store_response_save(fx->s, r, &ids, &id, &err), 0);
	st.id = id;
	assert_int_equal(wm_store_answer_each(fx->s, NULL, fx->unit, 0, 1,
	    stored_row, &st, &err), 0);
	assert_int_equal(st.n, given);
	for (n = 1; n <= WM_STANDARDS; n++) {
		int found = 0;

		snprintf(link, sizeof(link), "standard-%d-evidence", n);
		snprintf(words, sizeof(words), "evidence %d, \"quoted\"", n);
		for (i = 0; i < st.n; i++)
			if (strcmp(st.seen[i], link) == 0) {
				assert_string_equal(st.value[i], words);
				found = 1;
			}
		assert_int_equal(found, n % 2);
		snprintf(link, sizeof(link), "standard-%d-rating", n);
		for (i = 0, found = 0; i < st.n; i++)
			if (strcmp(st.seen[i], link) == 0) {
				assert_string_equal(st.value[i], "green");
				found = 1;
			}
		assert_int_equal(found, 1);
	}
	wm_response_free(r);
	wm_buf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_standards_in_order),
		cmocka_unit_test(test_steps_in_callers_transaction),
		cmocka_unit_test(test_import_job),
		cmocka_unit_test(test_response_of),
		cmocka_unit_test(test_answers_stored_as_given),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
