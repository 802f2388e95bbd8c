/*
 * waymark instrument check | load | list: instruments are data files; these
 * commands check them, store them (all or none), and show what is loaded
 * with each instrument's source and licence.
 */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalogue.h"
#include "core/fhir_json.h"

#define MAX_FILES 256

int cmd_instrument_check(const struct cli_cmd *cmd, int argc, char **argv);
int cmd_instrument_load(const struct cli_cmd *cmd, int argc, char **argv);
int cmd_instrument_list(const struct cli_cmd *cmd, int argc, char **argv);

struct loaded {
	struct wm_buf text;
	struct wm_instrument *in;
	struct wm_catalogue *cat;	/* a CodeSystem file, checked only */
};

/* Catalogues (CodeSystem files, like the training courses) live beside
 * the instruments, so checking the folder checks them too. */
static int
is_catalogue(const struct wm_buf *text)
{
	return wm_fhir_is_resource(wm_buf_str(text), text->len, "CodeSystem");
}

/* Reads and checks every file, printing all problems; 0 if all are good. */
static int
check_files(char **files, size_t n, struct loaded *out)
{
	size_t i;
	int bad = 0;

	for (i = 0; i < n; i++) {
		struct wm_diags d = WM_DIAGS_INIT;

		wm_buf_init(&out[i].text, WM_INSTRUMENT_MAX_BYTES + 1);
		out[i].in = NULL;
		out[i].cat = NULL;
		if (cli_read_file(files[i], WM_INSTRUMENT_MAX_BYTES,
		    &out[i].text)) {
			bad = 1;
			continue;
		}
		if (is_catalogue(&out[i].text)) {
			if (wm_catalogue_parse(out[i].text.data,
			    out[i].text.len, &out[i].cat, &d)) {
				cli_print_diags(files[i], &d);
				bad = 1;
			}
		} else if (wm_instrument_parse(out[i].text.data, out[i].text.len,
		    &out[i].in, &d)) {
			cli_print_diags(files[i], &d);
			bad = 1;
		}
		wm_diags_release(&d);
	}
	return bad;
}

static void
release(struct loaded *l, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		wm_instrument_free(l[i].in);
		wm_catalogue_free(l[i].cat);
		wm_buf_release(&l[i].text);
	}
}

static void
describe(const struct wm_instrument *in)
{
	printf("  %s version %s: %zu items, %zu scales\n", in->title,
	    in->version, in->n_items, in->n_scales);
	printf("  source: %s\n  copyright: %s\n", in->purpose, in->copyright);
}

int
cmd_instrument_check(const struct cli_cmd *cmd, int argc, char **argv)
{
	struct loaded l[MAX_FILES];
	char *files[MAX_FILES];
	size_t n, i;
	int rc;

	if ((rc = cli_parse(cmd, NULL, argc, argv, files, MAX_FILES, &n)) >= 0)
		return rc;
	if (n == 0) {
		cli_usage(cmd, NULL, 1);
		return CLI_USAGE;
	}
	rc = check_files(files, n, l) ? CLI_FAIL : CLI_OK;
	for (i = 0; i < n; i++) {
		if (l[i].in) {
			printf("%s: ok\n", files[i]);
			describe(l[i].in);
		} else if (l[i].cat) {
			printf("%s: ok\n  catalogue %s version %s: %zu "
			    "entries\n  source: %s\n  copyright: %s\n", files[i],
			    l[i].cat->title, l[i].cat->version,
			    l[i].cat->n_concepts, l[i].cat->purpose,
			    l[i].cat->copyright);
		}
	}
	release(l, n);
	return rc;
}

/* Reads and checks every file as the instruments page does
 * (wm_admin_instrument_check), printing all problems; 0 if all are
 * good. */
static int
load_check(char **files, size_t n, struct loaded *l, struct wm_admin_file *f)
{
	size_t i;
	int bad = 0;

	for (i = 0; i < n; i++) {
		struct wm_diags d = WM_DIAGS_INIT;

		wm_buf_init(&l[i].text, WM_INSTRUMENT_MAX_BYTES + 1);
		l[i].in = NULL;
		l[i].cat = NULL;
		if (cli_read_file(files[i], WM_INSTRUMENT_MAX_BYTES,
		    &l[i].text)) {
			bad = 1;
			continue;
		}
		if (wm_admin_instrument_check(l[i].text.data, l[i].text.len,
		    &l[i].in, &d)) {
			cli_print_diags(files[i], &d);
			bad = 1;
		}
		f[i] = (struct wm_admin_file){ files[i], l[i].text.data,
		    l[i].text.len, l[i].in, 0 };
		wm_diags_release(&d);
	}
	return bad;
}

int
cmd_instrument_load(const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *db = NULL;
	const struct cli_opt opts[] = {
		CLI_OPT_DB(db),
		{ 0 },
	};
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *s = NULL;
	struct wm_admin_file f[MAX_FILES];
	struct loaded l[MAX_FILES];
	char *files[MAX_FILES];
	struct wm_date today;
	struct wm_admin_by by = { .today = &today };
	size_t n = 0, i;
	int rc;

	if ((rc = cli_parse(cmd, opts, argc, argv, files, MAX_FILES, &n)) >= 0)
		return rc;
	if (n == 0) {
		cli_usage(cmd, opts, 1);
		return CLI_USAGE;
	}
	if (!(db = cli_db(db)))
		return CLI_USAGE;
	if (load_check(files, n, l, f)) {
		cli_error("nothing was loaded");
		rc = CLI_FAIL;
		goto out;
	}
	if ((rc = cli_open(db, 0, &s)))
		goto out;
	cli_today(&today);
	if (wm_admin_instruments_load(s, &by, f, n, &err)) {
		cli_error("%s; nothing was loaded", wm_buf_str(&err));
		rc = CLI_FAIL;
		goto out;
	}
	for (i = 0; i < n; i++)
		printf("%s %s version %s (%s)\n", f[i].existed ?
		    "already loaded:" : "loaded", l[i].in->url,
		    l[i].in->version, l[i].in->title);
out:
	release(l, n);
	wm_store_close(s);
	wm_buf_release(&err);
	return rc;
}

static int
print_row(void *ctx, const struct wm_instrument_row *row)
{
	struct wm_store *s = ctx;
	struct wm_buf text = WM_BUF_INIT, err = WM_BUF_INIT;
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in = NULL;

	printf("%s|%s\t%s\t%lld responses\n", row->url, row->version,
	    row->title, (long long)row->responses);
	/* The attribution travels with the instrument wherever it is shown. */
	if (wm_store_instrument_get_id(s, row->id, &text, &err) == 0 &&
	    wm_instrument_parse(text.data, text.len, &in, &d) == 0)
		printf("  source: %s\n  copyright: %s\n", in->purpose,
		    in->copyright);
	wm_instrument_free(in);
	wm_diags_release(&d);
	wm_buf_release(&text);
	wm_buf_release(&err);
	return 0;
}

static int
list_instruments(struct wm_store *s, void *ctx, struct wm_buf *err)
{
	(void)ctx;
	return wm_store_instrument_usage(s, print_row, s, err);
}

int
cmd_instrument_list(const struct cli_cmd *cmd, int argc, char **argv)
{
	return cli_read_command(cmd, argc, argv, list_instruments);
}
