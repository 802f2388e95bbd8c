/*
 * A consistent copy of the database while it is in use: SQLite's online
 * backup copies every page as of one moment, from one read transaction,
 * so saves made meanwhile are either all in the copy or not at all, and
 * the server keeps taking them (in WAL mode a reader never blocks a
 * writer). The copy is written to a new file, synced, then renamed into
 * place, so a copy that did not finish is never mistaken for one that did.
 */
#include "store/sql_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int
fail(struct wm_buf *err, const char *what, const char *path, const char *why)
{
	wm_buf_clear(err);
	wm_buf_printf(err, "%s %s: %s", what, path, why);
	return WM_STORE_ERROR;
}

/* The file's data on disk before it is named as the copy. */
static int
sync_file(const char *path, struct wm_buf *err)
{
	int fd = open(path, O_RDONLY);
	int rc = 0;

	if (fd < 0 || fsync(fd) != 0)
		rc = fail(err, "could not sync", path, strerror(errno));
	if (fd >= 0)
		close(fd);
	return rc;
}

int
wm_lite_backup(struct wm_store *s, const char *path, long *pages,
    struct wm_buf *err)
{
	struct wm_buf part = WM_BUF_INIT;
	sqlite3 *to = NULL;
	sqlite3_backup *b;
	struct stat st;
	int rc = WM_STORE_ERROR, step;

	*pages = 0;
	if (stat(path, &st) == 0)
		return fail(err, "will not write over", path, "it exists "
		    "already; choose a new file");
	wm_buf_printf(&part, "%s.part", path);
	if (part.failed)
		return wm_store_out_of_memory(err);
	unlink(wm_buf_str(&part));
	if (sqlite3_open_v2(wm_buf_str(&part), &to, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		fail(err, "could not create", wm_buf_str(&part),
		    to ? sqlite3_errmsg(to) : "out of memory");
		goto out;
	}
	if (!(b = sqlite3_backup_init(to, "main", s->db, "main"))) {
		fail(err, "could not start the copy to", path,
		    sqlite3_errmsg(to));
		goto out;
	}
	/* All at once: one read transaction, one moment's pages. */
	do {
		step = sqlite3_backup_step(b, -1);
		if (step == SQLITE_BUSY || step == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (step == SQLITE_OK || step == SQLITE_BUSY ||
	    step == SQLITE_LOCKED);
	*pages = sqlite3_backup_pagecount(b);
	if (sqlite3_backup_finish(b) != SQLITE_OK || step != SQLITE_DONE) {
		fail(err, "could not copy to", path, sqlite3_errmsg(to));
		goto out;
	}
	sqlite3_close(to);
	to = NULL;
	if (sync_file(wm_buf_str(&part), err))
		goto out;
	if (rename(wm_buf_str(&part), path) != 0) {
		fail(err, "could not name the copy", path, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (to)
		sqlite3_close(to);
	if (rc)
		unlink(wm_buf_str(&part));
	wm_buf_release(&part);
	return rc;
}
