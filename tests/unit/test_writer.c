/*
 * The group-commit writer on a real SQLite file: many threads record at
 * once, every acknowledged record is in the database afterwards with its
 * audit entry (read back through a fresh connection), a record that
 * fails does not take the rest of its batch down with it and its reason
 * goes back to whoever sent it, and a part of a transaction that fails
 * after its save is undone alone. The audit entries of views go through
 * the same writer: each is durable once acknowledged (a crash right
 * after loses none), and one that fails fails alone.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/response.h"
#include "store/store.h"
#include "store/writer.h"
#include "testutil.h"

#define THREADS 8
#define SAVES 25

struct fixture {
	char path[64];
	struct wm_instrument *in;
	struct wm_response_ids ids;
	struct wm_writer *w;
};

struct worker {
	struct fixture *f;
	int thread;
	int ok, refused, unauthorised;
	int64_t id[SAVES];
};

/* As a form records: replacing the respondent's draft, audited. */
static const struct wm_recorder by = { 0, NULL, "response recorded (test)",
	1 };

static struct wm_response *
markers(const struct wm_instrument *in)
{
	struct wm_response *r = wm_response_new(in);
	size_t i;

	r->status = WM_STATUS_COMPLETED;
	r->subject.kind = WM_SUBJECT_PERSON;
	r->subject.id = "T1";
	r->respondent = WM_RESPONDENT_PERSON;
	wm_date_parse("2025-05-05", &r->authored);
	for (i = 0; i < in->n_items; i++)
		if (in->items[i].type == WM_ITEM_CHOICE)
			wm_response_set_choice(r, in->items[i].link_id, "agree");
	return r;
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct wm_buf err = WM_BUF_INIT;
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_store *s;
	size_t len;
	char *text = tu_read_instrument_file("dreem-recovery-markers.json",
	    &len);
	int64_t net, prov;
	int from, to, existed;

	tu_db_path(f->path, sizeof(f->path), "writer");
	unlink(f->path);
	assert_non_null(text);
	assert_int_equal(wm_instrument_parse(text, len, &f->in, &d), 0);
	assert_int_equal(wm_store_open(f->path, WM_STORE_CREATE, &s, &err), 0);
	assert_int_equal(wm_store_migrate(s, &from, &to, &err), 0);
	assert_int_equal(wm_store_instrument_put(s, f->in, text, len,
	    &f->ids.instrument_id, &existed, &err), 0);
	assert_int_equal(wm_store_unit_add(s, "network", "n", "N", 0, &net,
	    &err), 0);
	assert_int_equal(wm_store_unit_add(s, "provider", "p", "P", net, &prov,
	    &err), 0);
	assert_int_equal(wm_store_unit_add(s, "service", "s", "S", prov,
	    &f->ids.unit_id, &err), 0);
	assert_int_equal(wm_store_person_add(s, "T1", "Test Person",
	    f->ids.unit_id, "2025-01-01", &f->ids.subject_id, &err), 0);
	wm_store_close(s);
	free(text);
	wm_buf_release(&err);
	wm_diags_release(&d);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	wm_writer_stop(f->w);
	wm_instrument_free(f->in);
	tu_remove_db(f->path);
	free(f);
	return 0;
}

static void *
work(void *arg)
{
	struct worker *k = arg;
	struct wm_buf err = WM_BUF_INIT;
	int i;

	for (i = 0; i < SAVES; i++) {
		struct wm_response *r = markers(k->f->in);
		struct wm_response_ids ids = k->f->ids;
		struct wm_record job = { NULL, NULL, &by, NULL, NULL };
		int64_t id = 0;
		int rc;

		wm_score_scales(r->in, r->answers, r->scores);
		/* Thread 0 sends every fifth record about a unit that does
		 * not exist: the database refuses it (foreign key). Thread 1
		 * sends every fifth as a lead's rating from someone who is
		 * not a lead: the record refuses it, and says why. */
		if (k->thread == 0 && i % 5 == 0)
			ids.unit_id = 999999;
		if (k->thread == 1 && i % 5 == 0) {
			r->respondent = WM_RESPONDENT_LEAD;
			ids.author_id = 424242;
		}
		wm_buf_clear(&err);
		job.r = r;
		job.ids = &ids;
		if ((rc = wm_writer_record(k->f->w, &job, &id, &err)) == 0) {
			k->id[k->ok++] = id;
		} else {
			assert_int_equal(id, 0);
			assert_true(err.len > 0);
			k->refused++;
			k->unauthorised += rc == WM_STORE_NOT_FOUND;
		}
		wm_response_free(r);
	}
	wm_buf_release(&err);
	return NULL;
}

static int
count_answers(void *ctx, const struct wm_answer_row *a)
{
	(void)a;
	(*(long *)ctx)++;
	return 0;
}

static int
sum_scores(void *ctx, const struct wm_scale_summary_row *row)
{
	*(int64_t *)ctx += row->scores;
	return 0;
}

static int
sum_people(void *ctx, const struct wm_people_row *row)
{
	*(int64_t *)ctx += row->people;
	return 0;
}

static int
count_audit(void *ctx, const struct wm_audit_row *a)
{
	if (strcmp(a->action, by.action) == 0)
		++*(int *)ctx;
	return 0;
}

/* How many records about the person were audited. */
static int
audited(struct wm_store *s, int64_t person)
{
	struct wm_buf err = WM_BUF_INIT;
	int n = 0;

	assert_int_equal(wm_store_audit_for_person(s, person, count_audit, &n,
	    &err), 0);
	wm_buf_release(&err);
	return n;
}

static void
concurrent_saves_are_all_kept(void **state)
{
	struct fixture *f = *state;
	struct worker k[THREADS];
	pthread_t t[THREADS];
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *s;
	long answers = 0;
	int i, j, ok = 0, refused = 0;

	memset(k, 0, sizeof(k));
	assert_int_equal(wm_writer_start(f->path, 16, &f->w, &err), 0);
	for (i = 0; i < THREADS; i++) {
		k[i].f = f;
		k[i].thread = i;
		assert_int_equal(pthread_create(&t[i], NULL, work, &k[i]), 0);
	}
	for (i = 0; i < THREADS; i++) {
		pthread_join(t[i], NULL);
		ok += k[i].ok;
		refused += k[i].refused;
	}
	assert_int_equal(refused, 2 * SAVES / 5);
	assert_int_equal(k[1].unauthorised, SAVES / 5);
	assert_int_equal(k[0].unauthorised, 0);
	assert_int_equal(ok, THREADS * SAVES - 2 * SAVES / 5);
	/* Ids are distinct: no two saves were acknowledged as one. */
	for (i = 0; i < THREADS; i++)
		for (j = 0; j < k[i].ok; j++) {
			int a, b;

			assert_true(k[i].id[j] > 0);
			for (a = 0; a < THREADS; a++)
				for (b = 0; b < k[a].ok; b++)
					if (a != i || b != j)
						assert_true(k[a].id[b] !=
						    k[i].id[j]);
		}
	assert_int_equal(wm_store_open(f->path, WM_STORE_READONLY, &s, &err), 0);
	assert_int_equal(wm_store_answer_each(s, NULL, 0, 0, 1, count_answers,
	    &answers, &err), 0);
	assert_int_equal(answers, (long)ok * 11);
	/* The summary totals count exactly the saves that were kept: batches
	 * rolled back for a refused save left nothing behind. */
	{
		int64_t scores = 0, people = 0;

		assert_int_equal(wm_store_scale_summary(s, "dreem", sum_scores,
		    &scores, &err), 0);
		assert_int_equal(scores, ok);
		assert_int_equal(wm_store_people_summary(s, "dreem",
		    sum_people, &people, &err), 0);
		assert_int_equal(people, 1);
	}
	/* Each kept record wrote its audit entry; no refused one did. */
	assert_int_equal(audited(s, f->ids.subject_id), ok);
	wm_store_close(s);
	wm_buf_release(&err);
}

struct seen {
	const int64_t *want;
	int n;
	int *found;
};

static int
mark_seen(void *ctx, const struct wm_answer_row *a)
{
	struct seen *x = ctx;
	int i;

	for (i = 0; i < x->n; i++)
		if (x->want[i] == a->response_id)
			x->found[i] = 1;
	return 0;
}

/* The child saves as fast as it can and reports each acknowledged id down
 * a pipe; it is killed without warning part way. */
static void
child_saves(struct fixture *f, int out)
{
	struct wm_buf err = WM_BUF_INIT;
	int i;

	if (wm_writer_start(f->path, 16, &f->w, &err))
		_exit(2);
	for (i = 0; i < 100000; i++) {
		struct wm_response *r = markers(f->in);
		struct wm_response_ids ids = f->ids;
		struct wm_record job = { NULL, NULL, &by, NULL, NULL };
		int64_t id;

		wm_score_scales(r->in, r->answers, r->scores);
		job.r = r;
		job.ids = &ids;
		if (wm_writer_record(f->w, &job, &id, &err) ||
		    write(out, &id, sizeof(id)) != sizeof(id))
			_exit(3);
		wm_response_free(r);
	}
	_exit(0);
}

/* Runs child(f, fd) in a process of its own, which reports each write
 * acknowledged down the pipe fd as `size` bytes; reads n reports into
 * out, then kills the child without warning. */
static void
crash_after(struct fixture *f, void (*child)(struct fixture *, int),
    void *out, size_t size, int n)
{
	int fd[2], status, got = 0;
	pid_t pid;

	assert_int_equal(pipe(fd), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fd[0]);
		child(f, fd[1]);
	}
	close(fd[1]);
	while (got < n && read(fd[0], (char *)out + (size_t)got * size,
	    size) == (ssize_t)size)
		got++;
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	close(fd[0]);
	assert_int_equal(got, n);
	assert_true(WIFSIGNALED(status));
}

static void
acknowledged_saves_survive_a_crash(void **state)
{
	struct fixture *f = *state;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *s;
	int64_t ids[400];
	int found[400] = { 0 };
	struct seen x = { ids, 400, found };
	int i;

	crash_after(f, child_saves, ids, sizeof(ids[0]), 400);
	assert_int_equal(wm_store_open(f->path, WM_STORE_READONLY, &s, &err), 0);
	assert_int_equal(wm_store_answer_each(s, NULL, 0, 0, 1, mark_seen, &x, &err),
	    0);
	for (i = 0; i < x.n; i++)
		assert_true(found[i]);
	wm_store_close(s);
	wm_buf_release(&err);
}

/* Inside a transaction, one failed save spoils it: the commit refuses and
 * nothing of it is kept, totals included. */
static void
a_failed_save_spoils_its_transaction(void **state)
{
	struct fixture *f = *state;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_response *r = markers(f->in);
	struct wm_response_ids bad = f->ids;
	struct wm_store *s;
	int64_t id, scores = 0;
	long answers = 0;

	bad.unit_id = 999999;
	wm_score_scales(r->in, r->answers, r->scores);
	assert_int_equal(wm_store_open(f->path, 0, &s, &err), 0);
	assert_int_equal(wm_store_begin(s, &err), 0);
	assert_int_equal(wm_store_response_save(s, r, &f->ids, &id, &err), 0);
	assert_int_not_equal(wm_store_response_save(s, r, &bad, &id, &err), 0);
	assert_int_not_equal(wm_store_commit(s, &err), 0);
	/* The store is usable again afterwards. */
	assert_int_equal(wm_store_answer_each(s, NULL, 0, 0, 1, count_answers,
	    &answers, &err), 0);
	assert_int_equal(answers, 0);
	assert_int_equal(wm_store_scale_summary(s, "dreem", sum_scores, &scores,
	    &err), 0);
	assert_int_equal(scores, 0);
	assert_int_equal(wm_store_response_save(s, r, &f->ids, &id, &err), 0);
	assert_int_equal(wm_store_scale_summary(s, "dreem", sum_scores, &scores,
	    &err), 0);
	assert_int_equal(scores, 1);
	wm_store_close(s);
	wm_response_free(r);
	wm_buf_release(&err);
}

/* A draft is replaced by the finished answers, as a form's save replaces
 * it. */
static void
drafts_replaced(void **state)
{
	struct fixture *f = *state;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_response *r = markers(f->in);
	struct wm_response_ids ids = f->ids;
	struct wm_draft_key k = { f->ids.instrument_id, WM_SUBJECT_PERSON,
	    f->ids.subject_id, WM_RESPONDENT_PERSON, 0 };
	struct wm_store *s;
	const struct wm_record job = { r, &ids, &by, NULL, NULL };
	int64_t id, draft;

	wm_score_scales(r->in, r->answers, r->scores);
	assert_int_equal(wm_writer_start(f->path, 16, &f->w, &err), 0);
	r->status = WM_STATUS_IN_PROGRESS;
	assert_int_equal(wm_writer_record(f->w, &job, &id, &err), 0);
	assert_int_equal(wm_store_open(f->path, WM_STORE_READONLY, &s, &err), 0);
	assert_int_equal(wm_store_draft_find(s, &k, &draft, &err), 0);
	assert_int_equal(draft, id);
	r->status = WM_STATUS_COMPLETED;
	assert_int_equal(wm_writer_record(f->w, &job, &id, &err), 0);
	assert_int_equal(wm_store_draft_find(s, &k, &draft, &err),
	    WM_STORE_NOT_FOUND);
	assert_int_equal(audited(s, f->ids.subject_id), 2);
	wm_store_close(s);
	wm_response_free(r);
	wm_buf_release(&err);
}

static int
quarter_people(void *ctx, const struct wm_people_row *row)
{
	if (strcmp(row->quarter, "2025-Q3") == 0)
		*(int64_t *)ctx += row->people;
	return 0;
}

/* Inside one transaction, a part that fails is undone alone: the parts
 * before and after it are committed, totals and all, even when the one
 * undone had started a new total (a quarter no one had answered in)
 * before it failed. */
static void
a_failed_part_is_undone_alone(void **state)
{
	struct fixture *f = *state;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_response *r = markers(f->in);
	struct wm_response_ids ids = f->ids, bad = f->ids;
	/* Filed as a version made on 5 versions when there are none: core's
	 * "changed meanwhile" refuses it after the response, its answers
	 * and its totals were written. */
	struct wm_assessment_submission late = { "2025-07-01", "2025-09-30",
	    5, "late", 0, 0, 0, 0 };
	const struct wm_record good = { r, &ids, &by, NULL, NULL };
	const struct wm_record unattributed = { r, &bad, &by, NULL, NULL };
	const struct wm_record refused = { r, &ids, &by, &late, NULL };
	struct wm_store *s;
	int64_t id, scores = 0, q3 = 0;
	long answers = 0;

	bad.unit_id = 999999;
	wm_score_scales(r->in, r->answers, r->scores);
	assert_int_equal(wm_store_open(f->path, 0, &s, &err), 0);
	assert_int_equal(wm_store_begin(s, &err), 0);
	assert_int_equal(wm_store_record_part(s, &good, &id, &err), 0);
	assert_int_not_equal(wm_store_record_part(s, &unattributed, &id,
	    &err), 0);
	assert_int_equal(id, 0);
	wm_date_parse("2025-08-08", &r->authored);
	assert_int_equal(wm_store_record_part(s, &refused, &id, &err),
	    WM_STORE_CONFLICT);
	assert_non_null(strstr(wm_buf_str(&err), "changed meanwhile"));
	assert_int_equal(id, 0);
	assert_int_equal(wm_store_record_part(s, &good, &id, &err), 0);
	assert_int_equal(wm_store_commit(s, &err), 0);
	assert_int_equal(wm_store_people_summary(s, "dreem", quarter_people,
	    &q3, &err), 0);
	assert_int_equal(q3, 1);
	assert_int_equal(wm_store_answer_each(s, NULL, 0, 0, 1, count_answers,
	    &answers, &err), 0);
	assert_int_equal(answers, 2 * 11);
	assert_int_equal(wm_store_scale_summary(s, "dreem", sum_scores, &scores,
	    &err), 0);
	assert_int_equal(scores, 2);
	assert_int_equal(audited(s, f->ids.subject_id), 2);
	wm_store_close(s);
	wm_response_free(r);
	wm_buf_release(&err);
}

/* --- the audit entries of views ------------------------------------- */

#define VIEW "viewed the record (test)"

static int
count_views(void *ctx, const struct wm_audit_row *a)
{
	if (strcmp(a->action, VIEW) == 0)
		++*(int *)ctx;
	return 0;
}

static int
views(struct fixture *f)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *s;
	int n = 0;

	assert_int_equal(wm_store_open(f->path, WM_STORE_READONLY, &s, &err), 0);
	assert_int_equal(wm_store_audit_for_person(s, f->ids.subject_id,
	    count_views, &n, &err), 0);
	wm_store_close(s);
	wm_buf_release(&err);
	return n;
}

struct viewer {
	struct fixture *f;
	int thread;
	int ok, refused;
};

/* Views of the person, among saves of their answers; every seventh of
 * thread 0's has no action, which the audit log refuses. */
static void *
view_work(void *arg)
{
	struct viewer *v = arg;
	struct wm_buf err = WM_BUF_INIT;
	int i;

	for (i = 0; i < SAVES; i++) {
		struct wm_audit_entry e = { 0, VIEW, "person",
		    v->f->ids.subject_id, NULL, "127.0.0.1" };

		if (v->thread == 0 && i % 7 == 0)
			e.action = NULL;
		wm_buf_clear(&err);
		if (wm_writer_audit(v->f->w, &e, &err) == 0)
			v->ok++;
		else {
			assert_true(err.len > 0);
			v->refused++;
		}
	}
	wm_buf_release(&err);
	return NULL;
}

static void
views_are_audited_through_the_writer(void **state)
{
	struct fixture *f = *state;
	struct viewer v[THREADS];
	struct worker k = { f, 2, 0, 0, 0, { 0 } };
	pthread_t t[THREADS + 1];
	struct wm_buf err = WM_BUF_INIT;
	int i, ok = 0, refused = 0;

	memset(v, 0, sizeof(v));
	assert_int_equal(wm_writer_start(f->path, 16, &f->w, &err), 0);
	for (i = 0; i < THREADS; i++) {
		v[i].f = f;
		v[i].thread = i;
		assert_int_equal(pthread_create(&t[i], NULL, view_work, &v[i]),
		    0);
	}
	assert_int_equal(pthread_create(&t[THREADS], NULL, work, &k), 0);
	for (i = 0; i <= THREADS; i++)
		pthread_join(t[i], NULL);
	for (i = 0; i < THREADS; i++) {
		ok += v[i].ok;
		refused += v[i].refused;
	}
	assert_int_equal(refused, (SAVES + 6) / 7);
	assert_int_equal(ok, THREADS * SAVES - refused);
	/* Every acknowledged view is in the log, no refused one, and the
	 * saves beside them were each kept. */
	assert_int_equal(views(f), ok);
	assert_int_equal(k.ok, SAVES);
	wm_buf_release(&err);
}

/* The child audits views as fast as it can and reports each one
 * acknowledged down a pipe; it is killed without warning part way. */
static void
child_views(struct fixture *f, int out)
{
	struct wm_buf err = WM_BUF_INIT;
	char byte = 1;
	int i;

	if (wm_writer_start(f->path, 16, &f->w, &err))
		_exit(2);
	for (i = 0; i < 100000; i++) {
		struct wm_audit_entry e = { 0, VIEW, "person",
		    f->ids.subject_id, NULL, NULL };

		if (wm_writer_audit(f->w, &e, &err) ||
		    write(out, &byte, 1) != 1)
			_exit(3);
	}
	_exit(0);
}

static void
acknowledged_views_survive_a_crash(void **state)
{
	struct fixture *f = *state;
	char acks[300];

	crash_after(f, child_views, acks, 1, 300);
	/* Each view was acknowledged only once it was in the log. */
	assert_true(views(f) >= 300);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(concurrent_saves_are_all_kept,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    acknowledged_saves_survive_a_crash, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    a_failed_save_spoils_its_transaction, setup, teardown),
		cmocka_unit_test_setup_teardown(drafts_replaced, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(a_failed_part_is_undone_alone,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    views_are_audited_through_the_writer, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    acknowledged_views_survive_a_crash, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
