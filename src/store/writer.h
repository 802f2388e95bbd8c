/*
 * The durable write path for many concurrent submitters (web requests):
 * one writer thread owns the only write connection and commits whatever
 * has queued up in one transaction (group commit). SQLite serialises
 * writers anyway; queueing them here instead of in SQLite's busy handler
 * turns a long, random tail into a short, fair one, and one fsync then
 * covers many saves.
 *
 * Ownership: the writer owns its connection and thread. A submitter's
 * response and ids must stay valid until wm_writer_save() returns, which
 * is after the commit that made the save durable (or failed).
 */
#ifndef WM_STORE_WRITER_H
#define WM_STORE_WRITER_H

#include <stdint.h>

#include "store/store.h"

struct wm_writer;

/* Opens its own connection to a current database and starts the thread.
 * `max_batch` bounds how many saves one transaction holds. */
int wm_writer_start(const char *path, int max_batch, struct wm_writer **out,
    struct wm_buf *err);

/* Saves one response durably; blocks until committed. Thread-safe. On
 * failure only this save is lost from its batch: the others are retried
 * in a fresh transaction. */
int wm_writer_save(struct wm_writer *w, const struct wm_response *r,
    const struct wm_response_ids *ids, int64_t *id, struct wm_buf *err);

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

/* Finishes queued saves, stops the thread and closes the connection. */
void wm_writer_stop(struct wm_writer *w);

#endif
