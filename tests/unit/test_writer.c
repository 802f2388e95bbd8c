/*
 * The group-commit writer on a real SQLite file: many threads save at
 * once, every acknowledged save is in the database afterwards (read back
 * through a fresh connection), and a save that fails does not take the
 * rest of its batch down with it.
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
	int ok, refused;
	int64_t id[SAVES];
};

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

	snprintf(f->path, sizeof(f->path), "/tmp/wm-writer-%d.db", (int)getpid());
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
		int64_t id = 0;

		wm_score_scales(r->in, r->answers, r->scores);
		/* Thread 0 sends every fifth save about a unit that does not
		 * exist: the database refuses it (foreign key). */
		if (k->thread == 0 && i % 5 == 0)
			ids.unit_id = 999999;
		if (wm_writer_save(k->f->w, r, &ids, &id, &err) == 0)
			k->id[k->ok++] = id;
		else
			k->refused++;
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
	assert_int_equal(refused, SAVES / 5);
	assert_int_equal(ok, THREADS * SAVES - SAVES / 5);
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
		int64_t id;

		wm_score_scales(r->in, r->answers, r->scores);
		if (wm_writer_save(f->w, r, &f->ids, &id, &err) ||
		    write(out, &id, sizeof(id)) != sizeof(id))
			_exit(3);
		wm_response_free(r);
	}
	_exit(0);
}

static void
acknowledged_saves_survive_a_crash(void **state)
{
	struct fixture *f = *state;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *s;
	int64_t ids[400];
	int found[400] = { 0 };
	struct seen x = { ids, 0, found };
	int fd[2], status, i;
	pid_t pid;

	assert_int_equal(pipe(fd), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fd[0]);
		child_saves(f, fd[1]);
	}
	close(fd[1]);
	while (x.n < 400 && read(fd[0], &ids[x.n], sizeof(ids[0])) ==
	    sizeof(ids[0]))
		x.n++;
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	close(fd[0]);
	assert_int_equal(x.n, 400);
	assert_true(WIFSIGNALED(status));
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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
