/*
 * Migrations, whichever database: each backend runs its own SQL for
 * migration N (sqlite_migrate.c, pg_migrations.c, numbered alike), and
 * then the same C for it here.
 */
#include "store/sql_internal.h"

int
wm_store_migrate(struct wm_store *s, int *from, int *to, struct wm_buf *err)
{
	return s->pg ? wm_pg_migrate(s, from, to, err) :
	    wm_lite_migrate(s, from, to, err);
}

int
wm_sq_migrated(struct wm_store *s, int version, struct wm_buf *err)
{
	/* The completion rates kept from migration 10 on are worked out
	 * for the answers already there, as each migration left them. */
	if (version == 10)
		return wm_sq_completion_flush_10(s, err);
	if (version == 11)
		return wm_sq_completion_flush(s, err);
	return 0;
}

int
wm_store_backup(struct wm_store *s, const char *path, long *pages,
    struct wm_buf *err)
{
	if (s->pg) {
		*pages = 0;
		wm_buf_clear(err);
		wm_buf_puts(err, "waymark backup copies a SQLite database; back "
		    "up PostgreSQL with pg_dump, or with its base backups and "
		    "archived WAL for point-in-time recovery (README, "
		    "Backups)");
		return WM_STORE_ERROR;
	}
	return wm_lite_backup(s, path, pages, err);
}

int
wm_store_check_pages(struct wm_store *s, int (*found)(void *, const char *),
    void *ctx, struct wm_buf *err)
{
	return s->pg ? 0 : wm_lite_check_pages(s, found, ctx, err);
}
