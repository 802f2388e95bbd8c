/*
 * The figures kept at write time (migration 10: the completion rates,
 * sql_completion_keep.c; the people on the caseloads now for the
 * paired-outcome rate and goals, sql_people_keep.c) on a real SQLite
 * file: after a random sequence of saves (backdated ones among them),
 * goals set and reviewed, spells and cycles started and stopped, and
 * changes made behind the store's back with the sqlite3 shell (a spell
 * ended, a spell added, an answer's date moved, an answer no longer
 * completed), every cycle's rates month by month, for every service and
 * for one, on the day of the latest answer and on later days, are those
 * of bench/plain_completion.sql over the raw tables, and the
 * paired-outcome rate and goals those of bench/plain_network_paired.sql
 * and plain_network_goals.sql. Read before the next save (the people
 * changed by hand are still marked) and after it (they have been worked
 * out again, and no one is left marked); for a day before the latest
 * answer, when the figures come from the raw rows; and after an upgrade
 * from schema 9. Migration 11's figures likewise, for several windows of
 * quarters: who is left out of each measure's outcomes (no response,
 * answered only by someone else), as bench/plain_network_leftout.sql
 * counts them, and the supportive service indicators, as
 * plain_network_indicators.sql does; answers by staff about a person and
 * indicator answers of every kind (agreeing or not, "prefer not to say",
 * a question left out) among the saves; and after an upgrade from
 * schema 10. And after an upgrade from schema 11, the figures' version
 * (migration 12) there and bumped by the next save.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/cycle.h"
#include "store/store.h"
#include "testutil.h"

#define MARKERS "https://waymark.example/fhir/Questionnaire/dreem-recovery-markers"
#define NEEDS "https://waymark.example/fhir/Questionnaire/shared-needs"
#define INDICATORS "https://waymark.example/fhir/Questionnaire/dreem-supportive-service-indicators"
#define PEOPLE 14

struct fixture {
	char path[64];
	struct wm_store *s;
	struct wm_instrument *markers, *needs, *indicators;
	int64_t markers_id, needs_id, indicators_id, unit[2];
	int64_t person[PEOPLE];
	char ident[PEOPLE][16];
	char latest[11];	/* the latest answer's day so far */
	/* Responses changed by hand: the figures read from the raw rows
	 * (wm_store_network_paired_rate for other measures and days, when
	 * no one is marked) take the outcome rows kept since, which a hand
	 * edit does not change, so those are compared before only. */
	int responses_by_hand;
};

static struct fixture *fx;

static uint64_t seed = 0x2545f4914f6cdd1dULL;

static unsigned
rnd(unsigned n)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (unsigned)(seed % n);
}

static struct wm_instrument *
load(const char *file, int64_t *id)
{
	struct wm_instrument *in;
	size_t len;
	char *text = tu_read_instrument_file(file, &len);

	assert_non_null(text);
	in = tu_store_instrument(fx->s, text, len, id);
	assert_non_null(in);
	free(text);
	return in;
}

static void
cycle(int u, const char *url, int every, const char *from)
{
	struct wm_buf err = WM_BUF_INIT;

	if (wm_store_cycle_add(fx->s, fx->unit[u], url, "person", every,
	    from, &err))
		fail_msg("a cycle: %s", wm_buf_str(&err));
	wm_buf_release(&err);
}

static int
setup(void **state)
{
	static const char *const joined[] = { "2023-05-02", "2024-01-31",
	    "2024-02-29", "2024-06-15", "2024-11-30", "2025-01-01",
	    "2025-03-31", "2025-07-14", "2025-10-31", "2026-01-15",
	    "2026-02-28", "2026-05-05", "2026-08-31", "2026-10-20" };
	struct fixture *f = calloc(1, sizeof(*f));
	struct wm_buf err = WM_BUF_INIT;
	int64_t prov;
	int from, to, i;

	assert_non_null(f);
	fx = f;
	tu_db_path(f->path, sizeof(f->path), "kept");
	assert_int_equal(wm_store_open(f->path, WM_STORE_CREATE, &f->s, &err),
	    0);
	assert_int_equal(wm_store_migrate(f->s, &from, &to, &err), 0);
	f->markers = load("dreem-recovery-markers.json", &f->markers_id);
	f->needs = load("shared-needs.json", &f->needs_id);
	f->indicators = load("dreem-supportive-service-indicators.json",
	    &f->indicators_id);
	assert_int_equal(tu_network_tree(f->s, &prov, &f->unit[0]), 0);
	assert_int_equal(wm_store_unit_add(f->s, "service", "s2", "S2", prov,
	    &f->unit[1], &err), 0);
	/* Cycles of every length, one on a month's last day, two of one
	 * measure at one service, one starting after most have joined. */
	cycle(0, MARKERS, 6, "2024-01-01");
	cycle(0, MARKERS, 1, "2024-03-31");
	cycle(0, NEEDS, 3, "2025-01-31");
	cycle(1, MARKERS, 12, "2024-06-01");
	cycle(1, NEEDS, 2, "2026-02-01");
	for (i = 0; i < PEOPLE; i++) {
		snprintf(f->ident[i], sizeof(f->ident[i]), "K%d", i);
		assert_int_equal(wm_store_person_add(f->s, f->ident[i],
		    "Someone", f->unit[i % 2], joined[i], &f->person[i],
		    &err), 0);
	}
	wm_buf_release(&err);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	wm_store_close(f->s);
	wm_instrument_free(f->markers);
	wm_instrument_free(f->needs);
	wm_instrument_free(f->indicators);
	tu_remove_db(f->path);
	free(f);
	return 0;
}

/* --- the two sides ---------------------------------------------------- */

#define MAX_LINES 600

struct lines {
	size_t n;
	char v[MAX_LINES][48];
};

static int
cmp_line(const void *a, const void *b)
{
	return strcmp(a, b);
}

static int
take_row(void *ctx, const struct wm_completion_row *row)
{
	struct lines *l = ctx;
	int i;

	for (i = 0; i < WM_COMPLETION_MONTHS; i++) {
		const struct wm_completion_month *m = &row->months->m[i];

		if (!m->due)
			continue;
		assert_true(l->n < MAX_LINES);
		snprintf(l->v[l->n++], sizeof(l->v[0]),
		    "%lld|%04d-%02d|%ld|%ld", (long long)row->cycle->id,
		    m->year, m->month, m->due, m->done);
	}
	return 0;
}

/* Waymark's rates for `unit` (0: every service) on `day`. */
static void
ours(int64_t unit, const char *day, struct lines *l)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_date d;

	l->n = 0;
	assert_int_equal(wm_date_parse(day, &d), 0);
	if (wm_store_completion_each(fx->s, unit, &d, take_row, l, &err))
		fail_msg("the rates: %s", wm_buf_str(&err));
	wm_buf_release(&err);
	qsort(l->v, l->n, sizeof(l->v[0]), cmp_line);
}

static struct lines *expect(const char *name, const char *const *set,
    size_t n_set, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void compare(void);

/* Waymark's rates for `unit` on `day` against bench/plain_completion.sql's,
 * in the sqlite3 shell. */
static void
same(const char *what, int64_t unit, const char *day)
{
	char set[2][64];
	const char *sets[2] = { set[0], set[1] };

	snprintf(set[0], sizeof(set[0]), ".parameter set :today \"'%s'\"",
	    day);
	if (unit)
		snprintf(set[1], sizeof(set[1]), ".parameter set :unit %lld",
		    (long long)unit);
	else
		snprintf(set[1], sizeof(set[1]), ".parameter set :unit NULL");
	ours(unit, day, expect("plain_completion.sql", sets, 2,
	    "%s, unit %lld, %s", what, (long long)unit, day));
	compare();
}

static char *
shell_one(const char *sql)
{
	const char *cmds[1] = { sql };

	return tu_sqlite3(fx->path, cmds, 1);
}

/* The shell's one number, freed. */
static long long
number(char *text)
{
	long long v = strtoll(text, NULL, 10);

	free(text);
	return v;
}

static void
shell_do(const char *sql)
{
	free(shell_one(sql));
}

/* The day `days` after the latest answer. */
static void
after_latest(long days, char out[11])
{
	struct wm_date d;

	assert_int_equal(wm_date_parse(fx->latest, &d), 0);
	wm_date_from_days(wm_date_days(&d) + days, &d);
	wm_date_format(&d, out);
}

/* --- the paired-outcome rate and goals -------------------------------- */

static int
take_paired(void *ctx, const struct wm_paired_rate_row *row)
{
	struct lines *l = ctx;

	assert_true(l->n < MAX_LINES);
	snprintf(l->v[l->n++], sizeof(l->v[0]), "%lld|%lld|%lld",
	    (long long)row->unit_id, (long long)row->eligible,
	    (long long)row->paired);
	return 0;
}

static int
take_goals(void *ctx, const struct wm_goal_rate_row *row)
{
	struct lines *l = ctx;

	assert_true(l->n < MAX_LINES);
	snprintf(l->v[l->n++], sizeof(l->v[0]), "%lld|%lld|%lld|%lld",
	    (long long)row->unit_id, (long long)row->with_goals,
	    (long long)row->reviewed, (long long)row->higher);
	return 0;
}

/* --- Waymark's figures against the plain SQL's --------------------------- */

/* The shell starts slowly (psql slowest: a new connection each time), so
 * the comparisons of one check wait and run together in one shell, their
 * outputs parted by a line of MARK. Nothing is saved while they wait. */
#define MAX_WAITING 48
#define MARK "@@ next @@"

struct waiting {
	char what[160];
	char name[40];
	char set[3][160];
	size_t n_set;
	struct lines ours;
};

static struct waiting *waiting[MAX_WAITING];
static size_t n_waiting;
static int gathering;	/* compare() leaves them waiting */

/* A new comparison with bench/NAME, the parameters set first: Waymark's
 * lines, which the caller fills before compare(). */
static struct lines *
expect(const char *name, const char *const *set, size_t n_set,
    const char *fmt, ...)
{
	struct waiting *w;
	va_list ap;
	size_t i;

	assert_true(n_waiting < MAX_WAITING && n_set <= 3);
	if (!waiting[n_waiting])
		assert_non_null(waiting[n_waiting] = malloc(sizeof(*w)));
	w = waiting[n_waiting++];
	va_start(ap, fmt);
	vsnprintf(w->what, sizeof(w->what), fmt, ap);
	va_end(ap);
	snprintf(w->name, sizeof(w->name), "%s", name);
	for (i = 0; i < n_set; i++)
		snprintf(w->set[i], sizeof(w->set[i]), "%s", set[i]);
	w->n_set = n_set;
	w->ours.n = 0;
	return &w->ours;
}

/* bench/NAME, or on PostgreSQL its twin in bench/pg (the same figures as
 * the same text, in PostgreSQL's SQL), read once. */
static const char *
plain_sql(const char *name)
{
	static struct {
		char name[40];
		char *text;
	} read[8];
	char path[64];
	size_t i, len;

	for (i = 0; i < TU_NELEM(read) && read[i].text; i++)
		if (strcmp(read[i].name, name) == 0)
			return read[i].text;
	assert_true(i < TU_NELEM(read));
	snprintf(path, sizeof(path), "bench/%s%s", tu_on_pg() ? "pg/" : "",
	    name);
	snprintf(read[i].name, sizeof(read[i].name), "%s", name);
	read[i].text = tu_read_path(path, &len);
	assert_non_null(read[i].text);
	return read[i].text;
}

/* The shell's next part of `out`, to the next MARK line, as sorted
 * lines. */
static void
take_part(char **at, struct lines *l)
{
	char *end;

	l->n = 0;
	for (; **at; *at = end + 1) {
		end = strchr(*at, '\n');
		assert_non_null(end);
		*end = '\0';
		if (strcmp(*at, MARK) == 0) {
			*at = end + 1;
			break;
		}
		assert_true(l->n < MAX_LINES);
		snprintf(l->v[l->n++], sizeof(l->v[0]), "%s", *at);
	}
	qsort(l->v, l->n, sizeof(l->v[0]), cmp_line);
}

/* Runs the waiting comparisons' plain SQL, in one shell, and compares
 * each with Waymark's lines (sorted: neither side's order is meant). */
static void
compare_all(void)
{
	static struct lines plain;
	const char **cmds;
	char *out, *at;
	size_t i, k, n = 0;

	if (!n_waiting)
		return;
	cmds = calloc(n_waiting * 5, sizeof(*cmds));
	assert_non_null(cmds);
	for (i = 0; i < n_waiting; i++) {
		for (k = 0; k < waiting[i]->n_set; k++)
			cmds[n++] = waiting[i]->set[k];
		cmds[n++] = plain_sql(waiting[i]->name);
		cmds[n++] = "SELECT '" MARK "'";
	}
	out = tu_sqlite3(fx->path, cmds, n);
	free(cmds);
	at = out;
	for (i = 0; i < n_waiting; i++) {
		struct lines *a = &waiting[i]->ours;

		take_part(&at, &plain);
		qsort(a->v, a->n, sizeof(a->v[0]), cmp_line);
		for (k = 0; k < a->n || k < plain.n; k++)
			if (k >= a->n || k >= plain.n ||
			    strcmp(a->v[k], plain.v[k]))
				fail_msg("%s: Waymark '%s', plain SQL '%s' (%zu "
				    "and %zu lines)", waiting[i]->what,
				    k < a->n ? a->v[k] : "",
				    k < plain.n ? plain.v[k] : "", a->n,
				    plain.n);
	}
	n_waiting = 0;
	free(out);
}

/* The comparison just filled runs now, or with the rest of a check. */
static void
compare(void)
{
	if (!gathering)
		compare_all();
}

/* The paired-outcome rate of `measure` on `day` for `days`, and the
 * goals, both ways. */
static void
same_people(const char *what, const char *measure, const char *day,
    int days)
{
	struct wm_buf err = WM_BUF_INIT;
	char set[3][160];
	const char *sets[3] = { set[0], set[1], set[2] };
	struct lines *a;

	snprintf(set[0], sizeof(set[0]), ".parameter set :measure \"'%s'\"",
	    measure);
	snprintf(set[1], sizeof(set[1]), ".parameter set :today \"'%s'\"",
	    day);
	snprintf(set[2], sizeof(set[2]), ".parameter set :days %d", days);
	a = expect("plain_network_paired.sql", sets, 3, "%s, %s, paired",
	    what, day);
	if (wm_store_network_paired_rate(fx->s, measure, day, days,
	    take_paired, a, &err))
		fail_msg("the paired-outcome rate: %s", wm_buf_str(&err));
	compare();
	a = expect("plain_network_goals.sql", NULL, 0, "%s, %s, goals", what,
	    day);
	if (wm_store_network_goals(fx->s, take_goals, a, &err))
		fail_msg("the goals: %s", wm_buf_str(&err));
	compare();
	wm_buf_release(&err);
}

/* --- migration 11: who is left out, and the indicators ---------------- */

static int
take_leftout(void *ctx, const struct wm_leftout_row *row)
{
	struct lines *l = ctx;

	assert_true(l->n < MAX_LINES);
	snprintf(l->v[l->n++], sizeof(l->v[0]), "%lld|%s|%lld|%lld",
	    (long long)row->unit_id, row->scale ? row->scale : "",
	    (long long)row->people, (long long)row->others_only);
	return 0;
}

/* Rows of one service and question come apart: add them up (sorted). */
static int
take_indicator(void *ctx, const struct wm_indicator_row *row)
{
	struct lines *l = ctx;
	char key[40];
	long long answered, agree;
	size_t i;

	snprintf(key, sizeof(key), "%lld|%s|", (long long)row->unit_id,
	    row->link_id);
	for (i = 0; i < l->n; i++)
		if (strncmp(l->v[i], key, strlen(key)) == 0)
			break;
	answered = row->answered;
	agree = row->agree;
	if (i < l->n && sscanf(l->v[i] + strlen(key), "%lld|%lld",
	    &answered, &agree) == 2) {
		answered += row->answered;
		agree += row->agree;
	} else {
		assert_true(l->n < MAX_LINES);
		i = l->n++;
	}
	snprintf(l->v[i], sizeof(l->v[0]), "%s%lld|%lld", key, answered,
	    agree);
	return 0;
}

static void
window_sets(char set[3][160], const char *name, const char *value,
    const char *from, const char *to)
{
	snprintf(set[0], sizeof(set[0]), ".parameter set :%s \"'%s'\"", name,
	    value);
	snprintf(set[1], sizeof(set[1]), ".parameter set :from \"'%s'\"",
	    from);
	snprintf(set[2], sizeof(set[2]), ".parameter set :to \"'%s'\"", to);
}

/* Who is left out of each measure, and the indicators, over a window,
 * both ways. */
static void
same_window(const char *what, const char *from, const char *to)
{
	static const char *const measures[] = { "dreem", "shared-needs" };
	struct wm_buf err = WM_BUF_INIT;
	char set[3][160];
	const char *sets[3] = { set[0], set[1], set[2] };
	struct lines *a;
	size_t m;

	for (m = 0; m < TU_NELEM(measures); m++) {
		window_sets(set, "measure", measures[m], from, to);
		a = expect("plain_network_leftout.sql", sets, 3,
		    "%s, %s to %s, left out of %s", what, from, to,
		    measures[m]);
		if (wm_store_network_leftout(fx->s, measures[m], from, to,
		    take_leftout, a, &err))
			fail_msg("who is left out: %s", wm_buf_str(&err));
		compare();
	}
	window_sets(set, "url", INDICATORS, from, to);
	a = expect("plain_network_indicators.sql", sets, 3,
	    "%s, %s to %s, indicators", what, from, to);
	if (wm_store_network_indicators(fx->s, INDICATORS, from, to,
	    take_indicator, a, &err))
		fail_msg("the indicators: %s", wm_buf_str(&err));
	compare();
	wm_buf_release(&err);
}

static void
same_windows(const char *what)
{
	static const char *const windows[][2] = { { "2023-Q1", "2026-Q4" },
	    { "2025-Q4", "2026-Q3" }, { "2024-Q2", "2024-Q2" },
	    { "2024-Q3", "2025-Q4" } };
	static unsigned turn;

	/* Two windows each time, all of them in turn: each is read many
	 * times over the tests, and the shell is slow to start. */
	same_window(what, windows[turn % 4][0], windows[turn % 4][1]);
	turn++;
	same_window(what, windows[turn % 4][0], windows[turn % 4][1]);
	turn++;
}

static int marked(void);

/* Every service and one, on the latest answer's day and after it, and
 * on a day before it. */
static void
same_everywhere(const char *what)
{
	static const long later[] = { 0, 1, 29, 31, 95, 400 };
	int people = !fx->responses_by_hand || !marked();
	char day[11];
	size_t i;

	gathering = 1;
	for (i = 0; i < TU_NELEM(later); i++) {
		after_latest(later[i], day);
		same(what, 0, day);
		same(what, fx->unit[i % 2], day);
		if (people)
			same_people(what, MARKERS, day, i % 2 ? 180 : 30);
	}
	same(what, 0, "2025-06-30");
	same(what, fx->unit[1], "2026-03-31");
	if (!fx->responses_by_hand) {
		same_people(what, MARKERS, "2025-06-30", 180);
		same_people(what, "dreem", fx->latest, 180);
	}
	same_windows(what);
	gathering = 0;
	compare_all();
}

/* --- changing things ----------------------------------------------------- */

static void
random_day(char out[11])
{
	snprintf(out, 11, "%d-%02u-%02u", 2023 + (int)rnd(4), 1 + rnd(12),
	    1 + rnd(28));
	if (strcmp(out, "2026-11-30") > 0)
		snprintf(out, 11, "2026-11-%02u", 1 + rnd(30));
}

/* A completed answer (or a draft) to any measure, by anyone, on a
 * random day: the shared needs now and then by staff about the person,
 * the indicators agreeing or not, "prefer not to say" among them, with
 * a question left out now and then. */
static void
random_answer(void)
{
	static const enum wm_respondent who[] = { WM_RESPONDENT_PERSON,
	    WM_RESPONDENT_WITH_PRACTITIONER, WM_RESPONDENT_STAFF };
	static const char *const codes[] = { "agree", "strongly-agree",
	    "disagree", "prefer-not-to-say" };
	static const char *const skips[] = { NULL, "own-goals", "rights" };
	unsigned k = rnd(6);
	const struct wm_instrument *in = k < 3 ? fx->markers : k < 5 ?
	    fx->needs : fx->indicators;
	int p = (int)rnd(PEOPLE), draft = rnd(8) == 0;
	struct wm_response_ids ids = { .instrument_id = in == fx->markers ?
	    fx->markers_id : in == fx->needs ? fx->needs_id : fx->indicators_id,
	    .subject_id = fx->person[p], .unit_id = fx->unit[rnd(2)],
	    .author_id = 0 };
	const char *code = in == fx->indicators ? codes[rnd(4)] : "agree";
	char day[11];

	random_day(day);
	assert_true(tu_save_answers(fx->s, in, &ids, fx->ident[p], day, code,
	    in == fx->indicators ? skips[rnd(3)] : NULL, draft ?
	    WM_STATUS_IN_PROGRESS : WM_STATUS_COMPLETED, who[rnd(in ==
	    fx->needs ? 3 : 2)]) > 0);
	if (!draft && strcmp(day, fx->latest) > 0)
		memcpy(fx->latest, day, sizeof(fx->latest));
}

/* The shell runs `sql` (a fixed text) with :day, :person and :unit set. */
static char *
shell_with(const char *sql, const char *day, int64_t person, int64_t unit)
{
	char set_day[48], set_person[48], set_unit[48];
	const char *cmds[4] = { set_day, set_person, set_unit, sql };

	snprintf(set_day, sizeof(set_day), ".parameter set :day \"'%s'\"",
	    day);
	snprintf(set_person, sizeof(set_person), ".parameter set :person %lld",
	    (long long)person);
	snprintf(set_unit, sizeof(set_unit), ".parameter set :unit %lld",
	    (long long)unit);
	return tu_sqlite3(fx->path, cmds, 4);
}

/* A goal set, or one reviewed (on a random day, any rating). */
static void
random_goal(void)
{
	struct wm_buf err = WM_BUF_INIT;
	char day[11];
	int64_t g;

	g = number(shell_with("SELECT coalesce(max(id), 0) FROM goal"
	    " WHERE person_id = :person", "2026-01-01",
	    fx->person[rnd(PEOPLE)], 0));
	random_day(day);
	if (!g || rnd(3) == 0) {
		if (wm_store_goal_add(fx->s, fx->person[rnd(PEOPLE)], "A goal",
		    &g, &err))
			fail_msg("a goal: %s", wm_buf_str(&err));
	} else if (wm_store_goal_review_add(fx->s, g, day, (int)rnd(11), NULL,
	    "person", 1, &err))
		fail_msg("a review: %s", wm_buf_str(&err));
	wm_buf_release(&err);
}

/* What the store has not been told: a spell ended or added, an answer's
 * date moved or no longer completed, all with the sqlite3 shell (psql on
 * PostgreSQL): SQL that both take, so a spell already there is kept with
 * ON CONFLICT DO NOTHING rather than SQLite's INSERT OR IGNORE. */
static const char *const hand[] = {
	"UPDATE caseload SET end_date = :day WHERE person_id = :person"
	" AND end_date IS NULL AND start_date < :day",
	"INSERT INTO caseload(person_id, unit_id, start_date)"
	" VALUES (:person, :unit, :day) ON CONFLICT DO NOTHING",
	"UPDATE response SET authored = :day WHERE id = (SELECT max(id)"
	" FROM response WHERE subject_id = :person AND subject_kind = 'person'"
	" AND status = 'completed')",
	"UPDATE response SET status = 'in-progress' WHERE id = (SELECT min(id)"
	" FROM response WHERE subject_id = :person AND subject_kind = 'person'"
	" AND status = 'completed')",
};

static void
by_hand(void)
{
	unsigned k = rnd(TU_NELEM(hand));
	char day[11];

	random_day(day);
	free(shell_with(hand[k], day, fx->person[rnd(PEOPLE)],
	    fx->unit[rnd(2)]));
	if (k == 2 && strcmp(day, fx->latest) > 0)
		memcpy(fx->latest, day, sizeof(fx->latest));
	fx->responses_by_hand |= k >= 2;
}

/* A cycle started or stopped, through the store. */
static void
cycle_change(void)
{
	struct wm_cycle_change c = { fx->unit[rnd(2)], rnd(2) ? MARKERS :
	    NEEDS, "person", 1 + (int)rnd(6), NULL, 0, NULL };
	struct wm_buf err = WM_BUF_INIT;
	char day[11];
	int64_t made, id;

	random_day(day);
	c.date = day;
	if (rnd(2)) {
		if (wm_store_cycle_start(fx->s, &c, &made, &err))
			fail_msg("starting a cycle: %s", wm_buf_str(&err));
	} else {
		id = number(shell_with("SELECT coalesce(min(id), 0) FROM cycle"
		    " WHERE unit_id = :unit AND stopped IS NULL", day, 0,
		    c.unit_id));
		if (id && wm_store_cycle_stop(fx->s, &c, id, &err))
			fail_msg("stopping a cycle: %s", wm_buf_str(&err));
	}
	wm_buf_release(&err);
}

static int
marked(void)
{
	return number(shell_one("SELECT count(*) FROM kept_dirty")) != 0;
}

static void
no_one_marked(void)
{
	assert_false(marked());
}

/* --- the tests ------------------------------------------------------------ */

/* Saves through the store: each is worked out in its own transaction. */
static void
test_saves(void **state)
{
	int round, i;

	(void)state;
	memcpy(fx->latest, "2024-01-01", 11);
	same_everywhere("no answers yet");
	for (round = 0; round < 4; round++) {
		for (i = 0; i < 12; i++) {
			random_answer();
			random_goal();
		}
		no_one_marked();
		same_everywhere("after saves");
	}
}

/* A writer's batch: saves in parts of one transaction, every third part
 * undone after its save, as a refused record is. The kept figures are
 * worked out once, at the commit, from the parts kept, and are those of
 * the plain SQL: an undone part's answers count nowhere. */
static void
test_parts(void **state)
{
	struct wm_buf err = WM_BUF_INIT;
	char latest[11];
	int round, i, undo;

	(void)state;
	memcpy(fx->latest, "2024-01-01", 11);
	for (round = 0; round < 3; round++) {
		assert_int_equal(wm_store_begin(fx->s, &err), 0);
		for (i = 0; i < 12; i++) {
			undo = i % 3 == 1;
			memcpy(latest, fx->latest, sizeof(latest));
			assert_int_equal(wm_store_part_begin(fx->s, &err), 0);
			random_answer();
			if (undo)
				memcpy(fx->latest, latest, sizeof(latest));
			assert_int_equal(wm_store_part_end(fx->s, undo ?
			    WM_STORE_CONFLICT : 0, &err), undo ?
			    WM_STORE_CONFLICT : 0);
		}
		assert_int_equal(wm_store_commit(fx->s, &err), 0);
		no_one_marked();
		same_everywhere("after a batch with parts undone");
	}
	wm_buf_release(&err);
}

/* An answer given early meets a time due after it, which counts only
 * from its due date: read the day before (in the month it is due, and
 * after the answer, the latest), the time is not counted yet; on its due
 * date and a fortnight after, it is. */
static void
test_early_answer(void **state)
{
	struct wm_response_ids ids = { 0 };
	struct wm_buf err = WM_BUF_INIT;
	struct lines l;
	size_t i;
	int found = 0;

	(void)state;
	assert_int_equal(wm_store_person_add(fx->s, "EARLY", "Someone",
	    fx->unit[0], "2026-11-01", &ids.subject_id, &err), 0);
	ids.instrument_id = fx->markers_id;
	ids.unit_id = fx->unit[0];
	/* Due on joining, met on the 3rd; due again on 3 December (the
	 * monthly cycle), met early on 20 November. */
	assert_true(tu_save_answers(fx->s, fx->markers, &ids, "EARLY",
	    "2026-11-03", "agree", NULL, WM_STATUS_COMPLETED,
	    WM_RESPONDENT_PERSON) > 0);
	assert_true(tu_save_answers(fx->s, fx->markers, &ids, "EARLY",
	    "2026-11-20", "agree", NULL, WM_STATUS_COMPLETED,
	    WM_RESPONDENT_PERSON) > 0);
	memcpy(fx->latest, "2026-11-20", 11);
	same_everywhere("an answer given early");
	same("the day before it is due", 0, "2026-12-02");
	same("the day it is due", 0, "2026-12-03");
	ours(fx->unit[0], "2026-12-17", &l);
	for (i = 0; i < l.n; i++)
		found |= strncmp(strchr(l.v[i], '|'), "|2026-12|1|1", 12) == 0;
	assert_true(found);
	ours(fx->unit[0], "2026-12-02", &l);
	for (i = 0; i < l.n; i++)
		assert_null(strstr(l.v[i], "|2026-12|"));
	wm_buf_release(&err);
}

/* Answers given one after another, as a form is answered day by day
 * (several on one day among them): each save carries the person's times
 * on from where they stood, and they are those of the plain SQL after
 * every one. */
static void
test_day_by_day(void **state)
{
	static const enum wm_respondent who[] = { WM_RESPONDENT_PERSON,
	    WM_RESPONDENT_WITH_PRACTITIONER };
	struct wm_response_ids ids = { 0 };
	struct wm_buf err = WM_BUF_INIT;
	struct wm_date d;
	char day[11];
	int i, p, batch = 0;

	(void)state;
	assert_int_equal(wm_date_parse("2024-02-10", &d), 0);
	for (i = 0; i < 90; i++) {
		/* Now and then several in one transaction, as the writer
		 * and an import save them. */
		if (!batch && rnd(6) == 0) {
			assert_int_equal(wm_store_begin(fx->s, &err), 0);
			batch = 2 + (int)rnd(4);
		}
		p = (int)rnd(3);
		ids.instrument_id = rnd(4) ? fx->markers_id : fx->needs_id;
		ids.subject_id = fx->person[p];
		ids.unit_id = fx->unit[p % 2];
		if (rnd(3))
			wm_date_from_days(wm_date_days(&d) + (long)rnd(80), &d);
		wm_date_format(&d, day);
		assert_true(tu_save_answers(fx->s, ids.instrument_id ==
		    fx->markers_id ? fx->markers : fx->needs, &ids,
		    fx->ident[p], day, "agree", NULL, WM_STATUS_COMPLETED,
		    who[rnd(2)]) > 0);
		memcpy(fx->latest, day, sizeof(fx->latest));
		if (batch && --batch)
			continue;
		if (!wm_store_in_transaction(fx->s) ||
		    wm_store_commit(fx->s, &err) == 0) {
			no_one_marked();
			same_everywhere("answered day by day");
		} else
			fail_msg("committing: %s", wm_buf_str(&err));
	}
	wm_buf_release(&err);
}

/* Changes behind the store's back are seen at once, and worked out by
 * the next save; cycles started and stopped count for everyone there. */
static void
test_changes(void **state)
{
	int round, i;

	(void)state;
	memcpy(fx->latest, "2024-01-01", 11);
	for (i = 0; i < 30; i++)
		random_answer();
	for (round = 0; round < 8; round++) {
		for (i = 0; i < 3; i++) {
			by_hand();
			random_goal();
		}
		same_everywhere("changed by hand, not yet worked out");
		random_answer();
		no_one_marked();
		same_everywhere("worked out by the next save");
		cycle_change();
		no_one_marked();
		same_everywhere("a cycle started or stopped");
	}
}

/* Migration 12's figures' version, and the triggers that bump it,
 * migration 13's goal changes, migration 14's reflections, 15's account
 * administration, 16's closing of units and audit indexes, 17's audit
 * keys and 18's plans gone from
 * the closed fixture's file: what a version 11 file holds. */
static void
drop_figures_version(void)
{
	char *drops = shell_one("SELECT group_concat('DROP TRIGGER ' || name"
	    " || ';', ' ') FROM sqlite_master WHERE type = 'trigger'"
	    " AND name GLOB 'figures_*'");

	shell_do(drops);
	free(drops);
	shell_do("DROP TABLE figures_version");
	shell_do("DROP TABLE goal_change; ALTER TABLE goal DROP COLUMN state");
	shell_do("DROP TABLE reflection");
	shell_do("DROP TABLE setup_code; DROP INDEX session_account_created;"
	    " CREATE INDEX session_account ON session(account_id);"
	    " ALTER TABLE account DROP COLUMN deactivated");
	shell_do("DROP TABLE plan_version; DROP TABLE plan_share;"
	    " DROP TABLE plan_view; DROP TABLE plan_suggestion; DROP TABLE plan;"
	    " DROP TABLE supporter");
	shell_do("DROP TABLE audit_by_actor; DROP TABLE audit_by_action;"
	    " DROP TABLE audit_by_at; DROP TABLE audit_keyed;"
	    " CREATE INDEX audit_actor ON audit(actor_account_id, at);"
	    " CREATE INDEX audit_action ON audit(action, at);"
	    " CREATE INDEX audit_at ON audit(at)");
	shell_do("DROP TRIGGER unit_closed_caseload;"
	    " DROP TRIGGER unit_closed_grant; DROP INDEX audit_actor;"
	    " DROP INDEX audit_action; DROP INDEX audit_at; DROP TABLE upload;"
	    " ALTER TABLE unit DROP COLUMN closed");
}

/* A database from before the rates were kept (schema 9) gets them in the
 * upgrade, worked out for everyone from their record. */
static void
test_upgrade(void **state)
{
	struct wm_buf err = WM_BUF_INIT;
	int i, from, to;

	(void)state;
	/* No PostgreSQL database predates schema 18: only a SQLite file is
	 * ever upgraded from schema 9. */
	if (tu_on_pg()) {
		skip();
		return;
	}
	memcpy(fx->latest, "2024-01-01", 11);
	for (i = 0; i < 40; i++)
		random_answer();
	by_hand();
	wm_store_close(fx->s);
	drop_figures_version();
	shell_do("DROP TABLE kept_key; DROP TABLE leftout_person;"
	    " DROP TABLE leftout_count; DROP TABLE experience_person;"
	    " DROP TABLE experience_count; DROP TRIGGER kept_response_u;"
	    " DROP TRIGGER kept_response_d; DROP TRIGGER kept_caseload_i;"
	    " DROP TRIGGER kept_caseload_u; DROP TRIGGER kept_caseload_d;"
	    " DROP TRIGGER kept_cycle_i; DROP TRIGGER kept_cycle_u;"
	    " DROP TRIGGER kept_cycle_d; DROP TRIGGER kept_goal_i;"
	    " DROP TRIGGER kept_goal_u; DROP TRIGGER kept_goal_d;"
	    " DROP TABLE completion_person; DROP TABLE completion_count;"
	    " DROP TABLE completion_tail; DROP TABLE people_person;"
	    " DROP TABLE people_count; DROP TABLE kept_state;"
	    " DROP TABLE kept_dirty; PRAGMA user_version = 9;");
	assert_int_equal(wm_store_open(fx->path, 0, &fx->s, &err), 0);
	assert_int_equal(wm_store_migrate(fx->s, &from, &to, &err), 0);
	assert_int_equal(from, 9);
	assert_int_equal(to, wm_store_schema_version());
	no_one_marked();
	same_everywhere("upgraded");
	wm_buf_release(&err);
}

/* A database from before who is left out and the indicators were kept
 * (schema 10) gets them in the upgrade, worked out for everyone. */
static void
test_upgrade_10(void **state)
{
	struct wm_buf err = WM_BUF_INIT;
	int i, from, to;

	(void)state;
	/* No PostgreSQL database predates schema 18: only a SQLite file is
	 * ever upgraded from schema 10. */
	if (tu_on_pg()) {
		skip();
		return;
	}
	memcpy(fx->latest, "2024-01-01", 11);
	for (i = 0; i < 60; i++)
		random_answer();
	by_hand();
	random_answer();
	wm_store_close(fx->s);
	drop_figures_version();
	shell_do("DROP TABLE kept_key; DROP TABLE leftout_person;"
	    " DROP TABLE leftout_count; DROP TABLE experience_person;"
	    " DROP TABLE experience_count; PRAGMA user_version = 10;");
	assert_int_equal(wm_store_open(fx->path, 0, &fx->s, &err), 0);
	assert_int_equal(wm_store_migrate(fx->s, &from, &to, &err), 0);
	assert_int_equal(from, 10);
	assert_int_equal(to, wm_store_schema_version());
	no_one_marked();
	same_everywhere("upgraded from 10");
	wm_buf_release(&err);
}

/* A database of schema 11 gets the figures' version in the upgrade,
 * which the next completed save then bumps. */
static void
test_upgrade_11(void **state)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_response_ids ids = { .instrument_id = fx->markers_id,
	    .subject_id = fx->person[0], .unit_id = fx->unit[0],
	    .author_id = 0 };
	int64_t before, after;
	int i, from, to;

	(void)state;
	/* No PostgreSQL database predates schema 18: only a SQLite file is
	 * ever upgraded from schema 11. */
	if (tu_on_pg()) {
		skip();
		return;
	}
	memcpy(fx->latest, "2024-01-01", 11);
	for (i = 0; i < 30; i++)
		random_answer();
	wm_store_close(fx->s);
	drop_figures_version();
	shell_do("PRAGMA user_version = 11");
	assert_int_equal(wm_store_open(fx->path, 0, &fx->s, &err), 0);
	assert_int_equal(wm_store_migrate(fx->s, &from, &to, &err), 0);
	assert_int_equal(from, 11);
	assert_int_equal(to, wm_store_schema_version());
	assert_int_equal(wm_store_figures_version(fx->s, &before, &err), 0);
	assert_true(tu_save_answers(fx->s, fx->markers, &ids, fx->ident[0],
	    "2024-06-03", "agree", NULL, WM_STATUS_COMPLETED,
	    WM_RESPONDENT_PERSON) > 0);
	assert_int_equal(wm_store_figures_version(fx->s, &after, &err), 0);
	assert_true(after > before);
	no_one_marked();
	same_everywhere("upgraded from 11");
	wm_buf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_saves, setup, teardown),
		cmocka_unit_test_setup_teardown(test_parts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_early_answer, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_day_by_day, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_changes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_upgrade, setup, teardown),
		cmocka_unit_test_setup_teardown(test_upgrade_10, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_upgrade_11, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
