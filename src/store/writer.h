/*
 * The durable write path for many concurrent submitters (web forms and
 * API requests): one writer thread owns the only write connection it
 * uses, and records whatever has queued up in one transaction (group
 * commit). SQLite serialises writers anyway; queueing them here instead
 * of in SQLite's busy handler turns a long, random tail into a short,
 * fair one, and one fsync then covers many saves.
 *
 * A job is one record (struct wm_record, store.h): attribution, the role
 * check, the save, the draft it replaces, what a lead's or validator's
 * response is filed as, and the audit entry; or the audit entry of a
 * view alone (struct wm_audit_entry), which must be durable before the
 * page it is about is sent, and so is a durable write for every view of
 * someone's record, which many readers then share. Each is in its own
 * part of the batch's transaction (wm_store_part_begin), so a job that
 * fails is undone alone, and its error goes back to its submitter. A job
 * is plain data: the writer runs no caller's code on its thread.
 *
 * Ownership: the writer owns its connection and thread. A submitter's
 * record (and what it points at, the response's instrument included,
 * which may belong to the submitter's own connection's cache) and error
 * buffer must stay valid, and unchanged, until wm_writer_record()
 * returns, which is after the commit that made the record durable (or
 * failed): the writer's thread reads them only while the submitter
 * waits.
 */
#ifndef WM_STORE_WRITER_H
#define WM_STORE_WRITER_H

#include <stdint.h>

#include "store/store.h"

struct wm_writer;

/* Opens its own connection to a current database and starts the thread.
 * `max_batch` bounds how many records one transaction holds. */
WM_MUST_USE int wm_writer_start(const char *path, int max_batch, struct wm_writer **out,
    struct wm_buf *err);

/* Records one response as wm_store_record() does, durably: blocks until
 * the batch holding it has committed. Returns what the record returned
 * (WM_STORE_NOT_FOUND with a reason when it could not be attributed or
 * the role is missing; WM_STORE_CONFLICT when core refuses how it would
 * be filed), with err filled; nothing of a failed record is kept, and
 * the rest of its batch is. Thread-safe. */
WM_MUST_USE int wm_writer_record(struct wm_writer *w,
    const struct wm_record *rec, int64_t *id, struct wm_buf *err);

/* An entry of the audit log, as wm_store_audit() takes it. */
struct wm_audit_entry {
	int64_t actor_account_id;
	const char *action;
	const char *subject_kind;	/* may be NULL */
	int64_t subject_id;
	const char *detail;	/* may be NULL */
	const char *address;	/* may be NULL */
};

/* Appends the entry to the audit log as wm_store_audit() does, durably:
 * blocks until the batch holding it has committed. 0, or the store's
 * error with err filled (and nothing written). Thread-safe. */
WM_MUST_USE int wm_writer_audit(struct wm_writer *w,
    const struct wm_audit_entry *e, struct wm_buf *err);

/* What the writer has done so far, for benchmarks and monitoring. */
struct wm_writer_stats {
	long batches;
	long saves;
	long largest_batch;
	double save_seconds;	/* running the statements */
	double commit_seconds;	/* COMMIT, including its fsync */
	double max_commit_seconds;
};

void wm_writer_stats(struct wm_writer *w, struct wm_writer_stats *out);

/* Finishes queued records, stops the thread and closes the connection. */
void wm_writer_stop(struct wm_writer *w);

#endif
