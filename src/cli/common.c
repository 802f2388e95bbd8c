#include "cli/cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void
cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("waymark: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

const char *
cli_db(const char *opt)
{
	const char *env = getenv("WAYMARK_DB");

	if (opt && opt[0])
		return opt;
	if (env && env[0])
		return env;
	cli_error("say which database to use: --db FILE (or set WAYMARK_DB)");
	return NULL;
}

int
cli_open(const char *db, unsigned flags, struct wm_store **out)
{
	struct wm_buf err = WM_BUF_INIT;
	int rc = wm_store_open(db, flags, out, &err);

	if (rc)
		cli_error("%s", wm_buf_str(&err));
	wm_buf_release(&err);
	return rc ? CLI_FAIL : CLI_OK;
}

int
cli_read_db(const char *db, unsigned flags,
    int (*fn)(struct wm_store *, void *, struct wm_buf *), void *ctx)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *s = NULL;
	int rc;

	if ((rc = cli_open(db, flags, &s)))
		return rc;
	if (fn(s, ctx, &err)) {
		cli_error("%s", err.len ? wm_buf_str(&err) : "out of memory");
		rc = CLI_FAIL;
	}
	wm_store_close(s);
	wm_buf_release(&err);
	return rc;
}

int
cli_read_command(const struct cli_cmd *cmd, int argc, char **argv,
    int (*fn)(struct wm_store *, void *, struct wm_buf *))
{
	const char *db = NULL;
	const struct cli_opt opts[] = { CLI_OPT_DB(db), { 0 } };
	char *pos[1];
	size_t n;
	int rc;

	if ((rc = cli_parse(cmd, opts, argc, argv, pos, 0, &n)) >= 0)
		return rc;
	if (!(db = cli_db(db)))
		return CLI_USAGE;
	return cli_read_db(db, WM_STORE_READONLY, fn, NULL);
}

int
cli_read_file(const char *path, size_t max, struct wm_buf *out)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char chunk[8192];
	size_t n;
	int rc = CLI_OK;

	if (!f) {
		cli_error("cannot read %s: %s", path, strerror(errno));
		return CLI_FAIL;
	}
	wm_buf_clear(out);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (out->len + n > max) {
			cli_error("%s is larger than the limit of %zu bytes",
			    path, max);
			rc = CLI_FAIL;
			break;
		}
		if (wm_buf_add(out, chunk, n)) {
			cli_error("out of memory reading %s", path);
			rc = CLI_FAIL;
			break;
		}
	}
	if (rc == CLI_OK && ferror(f)) {
		cli_error("cannot read %s: %s", path, strerror(errno));
		rc = CLI_FAIL;
	}
	if (f != stdin)
		fclose(f);
	return rc;
}

void
cli_print_diags(const char *file, const struct wm_diags *d)
{
	struct wm_buf one = WM_BUF_INIT;
	size_t i;

	for (i = 0; i <= d->n; i++) {
		wm_buf_clear(&one);
		wm_diag_say(&one, file, d, i);
		if (one.len)
			fprintf(stderr, "%s\n", wm_buf_str(&one));
	}
	wm_buf_release(&one);
}

void
cli_today(struct wm_date *out)
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	out->year = tm.tm_year + 1900;
	out->month = tm.tm_mon + 1;
	out->day = tm.tm_mday;
}

int
cli_date(const char *opt, const char *s, struct wm_date *out)
{
	if (!s) {
		cli_today(out);
		return 0;
	}
	if (wm_date_parse(s, out) == 0)
		return 0;
	cli_error("--%s: '%s' is not a date (YYYY-MM-DD)", opt, s);
	return -1;
}

int
cli_admin(const char *db, cli_admin_fn *fn, void *ctx)
{
	struct wm_field_problem p = { 0 };
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *s = NULL;
	struct wm_date today;
	struct wm_admin_by by = { .today = &today };
	int rc;

	if (!(db = cli_db(db)))
		return CLI_USAGE;
	if ((rc = cli_open(db, 0, &s)))
		return rc;
	cli_today(&today);
	rc = fn(s, &by, ctx, &p, &err);
	if (rc == WM_ADMIN_REFUSED || rc == WM_ADMIN_CONFLICT) {
		cli_error("--%s: %s", p.field, p.message);
		rc = rc == WM_ADMIN_REFUSED ? CLI_USAGE : CLI_FAIL;
	} else if (rc) {
		cli_error("%s", wm_buf_str(&err));
		rc = CLI_FAIL;
	}
	wm_store_close(s);
	wm_buf_release(&err);
	return rc;
}

int
cli_admin_command(const struct cli_cmd *cmd, int argc, char **argv,
    const struct cli_opt *opts, const char **db,
    const struct cli_admin_cmd *c, cli_admin_fn *fn, void *ctx)
{
	char *pos[1];
	size_t n, i;
	int rc;

	if ((rc = cli_parse(cmd, opts, argc, argv, pos, 0, &n)) >= 0)
		return rc;
	for (i = 0; c->need[i]; i++)
		if (!*c->need[i]) {
			cli_error("%s", c->needed);
			return CLI_USAGE;
		}
	if (c->date_opt && cli_date(c->date_opt, *c->date, c->day))
		return CLI_USAGE;
	return cli_admin(*db, fn, ctx);
}

int
cli_load_instrument(struct wm_store *s, const char *url, const char *version,
    int64_t *id, struct wm_instrument **out)
{
	struct wm_buf text = WM_BUF_INIT, err = WM_BUF_INIT;
	struct wm_diags d = WM_DIAGS_INIT;
	int rc;

	rc = wm_store_instrument_get(s, url, version, id, &text, &err);
	if (rc) {
		cli_error("%s", wm_buf_str(&err));
		rc = CLI_FAIL;
		goto out;
	}
	if (wm_instrument_parse(text.data, text.len, out, &d)) {
		/* Stored instruments were checked on the way in. */
		cli_print_diags(url, &d);
		rc = CLI_FAIL;
	}
out:
	wm_diags_release(&d);
	wm_buf_release(&text);
	wm_buf_release(&err);
	return rc;
}

int
cli_parse_long(const char *opt, const char *s, long lo, long hi, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi) {
		cli_error("--%s: '%s' is not a whole number from %ld to %ld",
		    opt, s, lo, hi);
		return -1;
	}
	*out = v;
	return 0;
}

int
cli_disclosure(const char *opt, const char *s, enum wm_disclosure_rule *out)
{
	if (wm_disclosure_parse(s, out) == 0)
		return 0;
	cli_error("--%s: '%s' is not a disclosure rule: use mhsds (NHS "
	    "England's MHSDS rule, the default), hes (the stricter HES rule) "
	    "or none (for the network's own analysts)", opt, s);
	return -1;
}

const char *
cli_instruments_dir(void)
{
	const char *env = getenv("WAYMARK_INSTRUMENTS");

	return env && env[0] ? env : "instruments";
}

int
cli_load_courses(const char *path, struct wm_catalogue **out)
{
	struct wm_buf def = WM_BUF_INIT, text = WM_BUF_INIT;
	struct wm_diags d = WM_DIAGS_INIT;
	int rc = CLI_FAIL;

	*out = NULL;
	if (!path) {
		wm_buf_printf(&def, "%s/training-courses.json",
		    cli_instruments_dir());
		path = wm_buf_str(&def);
	}
	if (cli_read_file(path, (size_t)1 << 20, &text) == CLI_OK) {
		if (wm_catalogue_parse(text.data, text.len, out, &d) == 0)
			rc = CLI_OK;
		else
			cli_print_diags(path, &d);
	}
	if (rc)
		cli_error("the training courses are read from %s (set "
		    "--courses FILE or $WAYMARK_INSTRUMENTS)", path);
	wm_diags_release(&d);
	wm_buf_release(&text);
	wm_buf_release(&def);
	return rc;
}
