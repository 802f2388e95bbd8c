/*
 * Helpers shared by the unit tests: reading a shipped file, editing a
 * JSON template by text substitution, looking for a problem in a
 * struct wm_diags, making the smallest network tree, storing an
 * instrument and answers to it, and running the sqlite3 shell on a
 * test's database. Every function is static inline so that a
 * test file that uses only some of them still builds without warnings. Strings
 * returned by the readers are malloc()ed and the caller frees them.
 *
 * Shipped instruments are read from $WAYMARK_INSTRUMENTS, or from
 * "instruments" relative to the working directory (tests/run-all.sh runs
 * the tests from the repository root).
 */
#ifndef WM_TESTS_TESTUTIL_H
#define WM_TESTS_TESTUTIL_H

#include <fcntl.h>
#include <math.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/instrument.h"
#include "core/response.h"
#include "core/scoring.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/diag.h"

#define TU_NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define TU_MAX_FILE ((size_t)8 << 20)

/* The whole file, NUL-terminated, or NULL (with a note on stderr). */
static inline char *
tu_read_path(const char *path, size_t *len)
{
	struct wm_buf b = WM_BUF_INIT;
	char chunk[8192];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (!f) {
		fprintf(stderr, "cannot open %s (run the tests from the "
		    "repository root, or set WAYMARK_INSTRUMENTS)\n", path);
		return NULL;
	}
	wm_buf_init(&b, TU_MAX_FILE);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		wm_buf_add(&b, chunk, n);
	if (ferror(f) || b.failed) {
		fclose(f);
		wm_buf_release(&b);
		return NULL;
	}
	fclose(f);
	*len = b.len;
	return wm_buf_detach(&b);
}

/* A file in the instruments directory. */
static inline char *
tu_read_instrument_file(const char *name, size_t *len)
{
	const char *dir = getenv("WAYMARK_INSTRUMENTS");
	char path[1024];

	if (!dir || dir[0] == '\0')
		dir = "instruments";
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >=
	    sizeof(path))
		return NULL;
	return tu_read_path(path, len);
}

/* 1 when the tests run on PostgreSQL: WAYMARK_TEST_PG set (not "0"),
 * with PGHOST, PGPORT and PGUSER naming the test run's own server
 * (tests/pg/server.sh). */
static inline int
tu_on_pg(void)
{
	const char *v = getenv("WAYMARK_TEST_PG");

	return v && v[0] && strcmp(v, "0") != 0;
}

/* Runs argv (no shell) with `in` on its standard input (when not NULL)
 * and its output kept: the output, which the caller frees. Fails the
 * test when the command does. Spawned, not forked: a fork copies the
 * sanitizers' whole address space, which made a test that runs the
 * shell two thousand times spend minutes in the kernel. The input goes
 * through a file, so a script of any length cannot wait on its output
 * being read. */
extern char **environ;

static inline char *
tu_command(const char *const *argv, const char *in)
{
	struct wm_buf out = WM_BUF_INIT;
	posix_spawn_file_actions_t fa;
	char chunk[4096], script[] = "/tmp/wm-test-input-XXXXXX";
	ssize_t got;
	int fd[2], status, file;
	pid_t pid;

	file = mkstemp(script);
	assert_true(file >= 0);
	if (in)
		assert_true(write(file, in, strlen(in)) ==
		    (ssize_t)strlen(in));
	close(file);
	assert_int_equal(pipe(fd), 0);
	assert_int_equal(posix_spawn_file_actions_init(&fa), 0);
	posix_spawn_file_actions_addopen(&fa, 0, script, O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fd[1], 1);
	posix_spawn_file_actions_addclose(&fa, fd[0]);
	posix_spawn_file_actions_addclose(&fa, fd[1]);
	assert_int_equal(posix_spawnp(&pid, argv[0], &fa, NULL,
	    (char *const *)argv, environ), 0);
	posix_spawn_file_actions_destroy(&fa);
	close(fd[1]);
	while ((got = read(fd[0], chunk, sizeof(chunk))) > 0)
		wm_buf_add(&out, chunk, (size_t)got);
	close(fd[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	unlink(script);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_false(out.failed);
	return wm_buf_detach(&out);
}

/* The PostgreSQL database a URI made by tu_db_path names. */
static inline const char *
tu_pg_name(const char *uri)
{
	return uri + strlen("postgresql:///");
}

/* Drops (and with `make`, creates again empty) a test's PostgreSQL
 * database, through psql. */
static inline void
tu_pg_database(const char *name, int make)
{
	char drop[160], create[160];
	const char *argv[] = { "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
	    "-d", "postgres", "-c", drop, make ? "-c" : NULL, create, NULL };

	snprintf(drop, sizeof(drop), "DROP DATABASE IF EXISTS \"%s\" WITH "
	    "(FORCE)", name);
	snprintf(create, sizeof(create), "CREATE DATABASE \"%s\"", name);
	free(tu_command(argv, NULL));
}

/* Removes a test database: SQLite's file and the files beside it (WAL
 * mode), or a PostgreSQL database. */
static inline void
tu_remove_db(const char *path)
{
	char side[1100];

	if (strncmp(path, "postgresql:", 11) == 0) {
		tu_pg_database(tu_pg_name(path), 0);
		return;
	}
	unlink(path);
	snprintf(side, sizeof(side), "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	unlink(side);
}

/* A new, empty test database for `name` (letters and '-') and this
 * process: a file in /tmp, or when the tests run on PostgreSQL, a
 * database of its own on the test run's server. */
static inline void
tu_db_path(char *out, size_t n, const char *name)
{
	size_t i, at;

	if (!tu_on_pg()) {
		snprintf(out, n, "/tmp/wm-%s-%d.db", name, (int)getpid());
		tu_remove_db(out);
		return;
	}
	snprintf(out, n, "postgresql:///wm_%s_%d", name, (int)getpid());
	at = strlen("postgresql:///");
	for (i = at; out[i]; i++)
		if (out[i] == '-')
			out[i] = '_';
	tu_pg_database(out + at, 1);
}

static inline void tu_print_diags(const char *label,
    const struct wm_diags *d);

/* A shipped instrument, parsed; NULL (with its problems on stderr) when
 * it cannot be read or does not load. The caller frees it. */
static inline struct wm_instrument *
tu_load_instrument(const char *name)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in = NULL;
	size_t len;
	char *text = tu_read_instrument_file(name, &len);

	if (text && wm_instrument_parse(text, len, &in, &d) != 0)
		tu_print_diags(name, &d);
	free(text);
	wm_diags_release(&d);
	return in;
}

/*
 * `text` with each edit applied in turn: the first occurrence of
 * edit[2i] replaced by edit[2i + 1]. NULL (with a note on stderr) when a
 * string to find is missing, so that a template change that makes an
 * edit a no-op fails the test instead of silently testing nothing.
 */
static inline char *
tu_edit(const char *text, const char *const *edit, size_t n_pairs)
{
	char *cur = strdup(text);
	size_t i;

	for (i = 0; cur && i < n_pairs; i++) {
		const char *find = edit[2 * i], *repl = edit[2 * i + 1];
		const char *at = strstr(cur, find);
		struct wm_buf b = WM_BUF_INIT;

		if (!at) {
			fprintf(stderr, "edit %zu: \"%s\" not found\n", i, find);
			free(cur);
			return NULL;
		}
		wm_buf_add(&b, cur, (size_t)(at - cur));
		wm_buf_puts(&b, repl);
		wm_buf_puts(&b, at + strlen(find));
		free(cur);
		cur = b.failed ? NULL : wm_buf_detach(&b);
		wm_buf_release(&b);
	}
	return cur;
}

/* 1 if some problem's place contains `where` (NULL: any place, and
 * "" only a problem with no place) and its message contains `msg`. */
static inline int
tu_has_diag(const struct wm_diags *d, const char *where, const char *msg)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		const struct wm_diag *g = &d->v[i];

		if (where && where[0] == '\0' && g->where)
			continue;
		if (where && where[0] != '\0' &&
		    (!g->where || !strstr(g->where, where)))
			continue;
		if (msg && !strstr(g->message, msg))
			continue;
		return 1;
	}
	return 0;
}

/* Prints every problem, for a failing test's log. */
static inline void
tu_print_diags(const char *label, const struct wm_diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		fprintf(stderr, "  %s: %d:%d [%s] %s\n", label, d->v[i].line,
		    d->v[i].column, d->v[i].where ? d->v[i].where : "-",
		    d->v[i].message);
}

/* The smallest network tree: network "n", provider "p" (its id in
 * *provider), service "s" (in *service). 0, or the store's failure (with
 * why on stderr). */
static inline int
tu_network_tree(struct wm_store *s, int64_t *provider, int64_t *service)
{
	struct wm_buf err = WM_BUF_INIT;
	int64_t net;
	int rc;

	if ((rc = wm_store_unit_add(s, "network", "n", "N", 0, &net, &err)) ||
	    (rc = wm_store_unit_add(s, "provider", "p", "P", net, provider,
	    &err)) ||
	    (rc = wm_store_unit_add(s, "service", "s", "S", *provider, service,
	    &err)))
		fprintf(stderr, "making the network: %s\n", wm_buf_str(&err));
	wm_buf_release(&err);
	return rc;
}

/* An instrument's text, parsed and stored in s (its id in *id): the
 * parsed instrument, which the caller frees, or NULL (with why on
 * stderr). */
static inline struct wm_instrument *
tu_store_instrument(struct wm_store *s, const char *text, size_t len,
    int64_t *id)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_instrument *in = NULL;
	int existed;

	if (!text || wm_instrument_parse(text, len, &in, &d) != 0) {
		tu_print_diags("instrument", &d);
	} else if (wm_store_instrument_put(s, in, text, len, id, &existed,
	    &err) != 0) {
		fprintf(stderr, "storing the instrument: %s\n",
		    wm_buf_str(&err));
		wm_instrument_free(in);
		in = NULL;
	}
	wm_diags_release(&d);
	wm_buf_release(&err);
	return in;
}

/* Saves a response of `in` about the person `ident` (ids: the stored
 * instrument, the person and the unit), given on `date` by `who`, with
 * every choice question answered `code` except `skip` (NULL: none) and
 * scored: its id, or 0 (with why on stderr). */
static inline int64_t
tu_save_answers(struct wm_store *s, const struct wm_instrument *in,
    const struct wm_response_ids *ids, const char *ident, const char *date,
    const char *code, const char *skip, enum wm_response_status status,
    enum wm_respondent who)
{
	struct wm_response *r = wm_response_new(in);
	struct wm_buf err = WM_BUF_INIT;
	int64_t id = 0;
	size_t i;
	int bad = !r || wm_date_parse(date, &r->authored) != 0;

	for (i = 0; !bad && i < in->n_items; i++)
		if (in->items[i].type == WM_ITEM_CHOICE &&
		    (!skip || strcmp(in->items[i].link_id, skip) != 0))
			bad = wm_response_set_choice(r, in->items[i].link_id,
			    code) != 0;
	if (!bad) {
		r->status = status;
		r->subject.kind = WM_SUBJECT_PERSON;
		r->subject.id = ident;
		r->respondent = who;
		wm_score_scales(r->in, r->answers, r->scores);
		if (wm_store_response_save(s, r, ids, &id, &err) != 0)
			fprintf(stderr, "saving answers: %s\n",
			    wm_buf_str(&err));
	} else {
		fprintf(stderr, "answers %s on %s cannot be given\n", code,
		    date);
	}
	wm_response_free(r);
	wm_buf_release(&err);
	return id;
}

/* cmocka's assert_float_equal compares floats; statistics need doubles.
 * Fails, printing both values, unless |got - want| <= eps. */
#define tu_assert_near(got, want, eps) \
	tu_check_near((got), (want), (eps), #got, __FILE__, __LINE__)

static inline void
tu_check_near(double got, double want, double eps, const char *what,
    const char *file, int line)
{
	if (fabs(got - want) <= eps)
		return;
	print_error("%s:%d: %s is %.17g, wanted %.17g (within %g)\n", file,
	    line, what, got, want, eps);
	_fail(file, line);
}

/* Runs the sqlite3 shell on the database at `path` with `cmds` in turn
 * (".parameter set :NAME VALUE", and SQL), NULL written "NULL": its
 * output, which the caller frees. The commands go to it as a script on
 * its standard input, so one run can take many (a parameter set stays
 * set for the SQL after it). On PostgreSQL, psql runs the same, its
 * output as the sqlite3 shell's ('|' between columns), each parameter a
 * psql variable (which :NAME in the SQL takes in the same way). Fails
 * the test when the shell does, at its first error. */
static inline char *
tu_sqlite3(const char *path, const char *const *cmds, size_t n)
{
	static const char set[] = ".parameter set :";
	const char *lite[] = { "sqlite3", "-batch", "-bail", "-nullvalue",
	    "NULL", path, NULL };
	const char *pg[] = { "psql", "-X", "-q", "-A", "-t", "-F", "|", "-P",
	    "null=NULL", "-v", "ON_ERROR_STOP=1", "-d", NULL, "-f", "-",
	    NULL };
	int on_pg = strncmp(path, "postgresql:", 11) == 0;
	struct wm_buf in = WM_BUF_INIT;
	size_t i, k;
	char *out;

	pg[12] = on_pg ? tu_pg_name(path) : NULL;
	for (i = 0; i < n; i++) {
		const char *v = cmds[i] + strlen(set), *val;
		size_t name, len;

		if (cmds[i][0] != '.') {
			wm_buf_puts(&in, cmds[i]);
			wm_buf_puts(&in, "\n;\n");
			continue;
		}
		if (!on_pg) {
			wm_buf_puts(&in, cmds[i]);
			wm_buf_putc(&in, '\n');
			continue;
		}
		/* psql's \set NAME 'VALUE', the value's own quotes doubled:
		 * the shell's outer quotes around it go. */
		assert_true(strncmp(cmds[i], set, strlen(set)) == 0);
		name = strcspn(v, " ");
		assert_true(v[name] == ' ');
		val = v + name + 1;
		len = strlen(val);
		if (len >= 2 && val[0] == '"' && val[len - 1] == '"') {
			val++;
			len -= 2;
		}
		wm_buf_printf(&in, "\\set %.*s '", (int)name, v);
		for (k = 0; k < len; k++) {
			assert_true(val[k] != '\\' && val[k] != '\n');
			if (val[k] == '\'')
				wm_buf_putc(&in, '\'');
			wm_buf_putc(&in, val[k]);
		}
		wm_buf_puts(&in, "'\n");
	}
	assert_false(in.failed);
	out = tu_command(on_pg ? pg : lite, wm_buf_str(&in));
	wm_buf_release(&in);
	return out;
}

#endif
