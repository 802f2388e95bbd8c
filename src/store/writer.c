/*
 * The group-commit writer (writer.h): a queue of jobs, one thread that
 * takes them off in batches, and each batch one transaction in which
 * every job is a part of its own.
 */
#include "store/writer.h"

#include <pthread.h>
#include <stdlib.h>

#include "util/clock.h"

enum part { NOT_RUN, KEPT, FAILED };

struct job {
	const struct wm_record *rec;	/* a record, or */
	const struct wm_audit_entry *audit;	/* a view's audit entry */
	enum part part;		/* what its part of the batch came to */
	int64_t id;
	int rc;
	struct wm_buf *err;
	int done;
	pthread_cond_t answered;	/* done: its submitter's alone, so a
					 * batch wakes only the submitters it
					 * answers */
	struct job *next;
};

struct wm_writer {
	struct wm_store *s;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t work;	/* jobs queued, or stopping */
	struct job *head, *tail;
	int max_batch;
	int stopping;
	struct wm_writer_stats stats;	/* under mu */
};

/* Takes up to max_batch jobs off the queue, in order. */
static struct job *
take_batch(struct wm_writer *w)
{
	struct job *first = w->head, *j = first;
	int n = 1;

	while (j->next && n < w->max_batch) {
		j = j->next;
		n++;
	}
	w->head = j->next;
	if (!w->head)
		w->tail = NULL;
	j->next = NULL;
	return first;
}

/* Every job of the batch answered with the same failure. */
static void
fail_all(struct job *batch, int rc, const struct wm_buf *err)
{
	struct job *j;

	for (j = batch; j; j = j->next) {
		j->id = 0;
		j->rc = rc;
		wm_buf_clear(j->err);
		wm_buf_puts(j->err, wm_buf_str(err));
	}
}

static int
audit(struct wm_store *s, const struct wm_audit_entry *e, struct wm_buf *err)
{
	return wm_store_audit(s, e->actor_account_id, e->action,
	    e->subject_kind, e->subject_id, e->detail, e->address, err);
}

/* The job as a part of the batch's transaction. */
static int
run_part(struct wm_store *s, struct job *j)
{
	int rc;

	if (j->rec)
		return wm_store_record_part(s, j->rec, &j->id, j->err);
	if ((rc = wm_store_part_begin(s, j->err)))
		return rc;
	return wm_store_part_end(s, audit(s, j->audit, j->err), j->err);
}

/* The job alone, in a transaction of its own. */
static int
run_alone(struct wm_store *s, struct job *j)
{
	if (j->rec)
		return wm_store_record(s, j->rec, &j->id, j->err);
	return audit(s, j->audit, j->err);
}

/* One transaction for the batch, each job a part of it that is kept or
 * undone alone; a job whose part failed is answered with its own reason.
 * If the transaction cannot be begun, every job is answered with that
 * (retrying each alone would only wait the same busy database once per
 * job). If it is lost part way or cannot be committed, the jobs whose
 * parts were kept, and those not yet run, are recorded again, each
 * alone, so that none is lost, or saved twice, for another's sake. */
static void
run_batch(struct wm_writer *w, struct job *batch)
{
	struct wm_buf err = WM_BUF_INIT;
	struct job *j;
	double t0 = wm_clock_seconds(), t1, t2;
	long n = 0;
	int rc = wm_store_begin(w->s, &err);

	if (rc) {
		wm_store_rollback(w->s);
		fail_all(batch, rc, &err);
		wm_buf_release(&err);
		return;
	}
	for (j = batch; j && wm_store_in_transaction(w->s); j = j->next, n++) {
		j->rc = run_part(w->s, j);
		j->part = j->rc ? FAILED : KEPT;
	}
	t1 = wm_clock_seconds();
	rc = wm_store_commit(w->s, &err);
	t2 = wm_clock_seconds();
	pthread_mutex_lock(&w->mu);
	w->stats.batches++;
	w->stats.saves += n;
	if (n > w->stats.largest_batch)
		w->stats.largest_batch = n;
	w->stats.save_seconds += t1 - t0;
	w->stats.commit_seconds += t2 - t1;
	if (t2 - t1 > w->stats.max_commit_seconds)
		w->stats.max_commit_seconds = t2 - t1;
	pthread_mutex_unlock(&w->mu);
	if (rc)
		wm_store_rollback(w->s);
	for (j = batch; j; j = j->next) {
		if (j->part == FAILED || (j->part == KEPT && rc == 0))
			continue;
		/* Not run, or kept in a transaction that was then lost. */
		j->id = 0;
		wm_buf_clear(j->err);
		j->rc = run_alone(w->s, j);
	}
	wm_buf_release(&err);
}

static void *
loop(void *arg)
{
	struct wm_writer *w = arg;
	struct job *batch, *j, *next;

	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (!w->head && !w->stopping)
			pthread_cond_wait(&w->work, &w->mu);
		if (!w->head)
			break;
		batch = take_batch(w);
		pthread_mutex_unlock(&w->mu);
		run_batch(w, batch);
		pthread_mutex_lock(&w->mu);
		for (j = batch; j; j = next) {
			next = j->next;
			j->done = 1;
			pthread_cond_signal(&j->answered);
		}
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

static void
release(struct wm_writer *w)
{
	wm_store_close(w->s);
	pthread_mutex_destroy(&w->mu);
	pthread_cond_destroy(&w->work);
	free(w);
}

int
wm_writer_start(const char *path, int max_batch, struct wm_writer **out,
    struct wm_buf *err)
{
	struct wm_writer *w = calloc(1, sizeof(*w));
	int rc;

	*out = NULL;
	if (!w)
		return WM_STORE_ERROR;
	if ((rc = wm_store_open(path, 0, &w->s, err))) {
		free(w);
		return rc;
	}
	w->max_batch = max_batch > 0 ? max_batch : 64;
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->work, NULL);
	if (pthread_create(&w->thread, NULL, loop, w)) {
		release(w);
		wm_buf_clear(err);
		wm_buf_puts(err, "could not start the writer thread");
		return WM_STORE_ERROR;
	}
	*out = w;
	return 0;
}

/* Queues the job and waits for the commit of the batch that holds it. */
static void
submit(struct wm_writer *w, struct job *j)
{
	pthread_cond_init(&j->answered, NULL);
	pthread_mutex_lock(&w->mu);
	if (w->tail)
		w->tail->next = j;
	else
		w->head = j;
	w->tail = j;
	pthread_cond_signal(&w->work);
	while (!j->done)
		pthread_cond_wait(&j->answered, &w->mu);
	pthread_mutex_unlock(&w->mu);
	pthread_cond_destroy(&j->answered);
}

int
wm_writer_record(struct wm_writer *w, const struct wm_record *rec,
    int64_t *id, struct wm_buf *err)
{
	struct job j = { .rec = rec, .rc = WM_STORE_ERROR, .err = err };

	*id = 0;
	submit(w, &j);
	*id = j.id;
	return j.rc;
}

int
wm_writer_audit(struct wm_writer *w, const struct wm_audit_entry *e,
    struct wm_buf *err)
{
	struct job j = { .audit = e, .rc = WM_STORE_ERROR, .err = err };

	submit(w, &j);
	return j.rc;
}

void
wm_writer_stats(struct wm_writer *w, struct wm_writer_stats *out)
{
	pthread_mutex_lock(&w->mu);
	*out = w->stats;
	pthread_mutex_unlock(&w->mu);
}

void
wm_writer_stop(struct wm_writer *w)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->mu);
	w->stopping = 1;
	pthread_cond_signal(&w->work);
	pthread_mutex_unlock(&w->mu);
	pthread_join(w->thread, NULL);
	release(w);
}
