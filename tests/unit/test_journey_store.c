/*
 * What a person's journey reads from a real SQLite file: each question's
 * first and latest answer across the versions of a measure, in the
 * latest version's order and words; scores scale by scale; the parsed
 * instruments the store keeps; one snapshot for a page's reads; and the
 * work counted for each (wm_store_cost).
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

#include "core/response.h"
#include "core/scoring.h"
#include "store/store.h"
#include "testutil.h"

struct fixture {
	char path[64];
	struct wm_store *s;
	struct wm_instrument *v1, *v2;	/* DREEM 1.0.1, and 1.2.0 below */
	int64_t v1_id, v2_id, unit, person;
};

/* Version 1.2.0: the first question reworded, "safe-home" asked as
 * "safe-place" (so "safe-home" is no longer asked). */
static const char *const v2_edits[] = {
	"\"version\": \"1.0.1\"", "\"version\": \"1.2.0\"",
	"\"valueString\": \"safe-home\"", "\"valueString\": \"safe-place\"",
	"I am involved in activities which I value", "I do things I value",
	"\"linkId\": \"safe-home\"", "\"linkId\": \"safe-place\"",
};

static struct wm_instrument *
put(struct fixture *f, const char *text, size_t len, int64_t *id)
{
	struct wm_instrument *in = tu_store_instrument(f->s, text, len, id);

	assert_non_null(in);
	return in;
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct wm_buf err = WM_BUF_INIT;
	size_t len;
	char *text = tu_read_instrument_file("dreem-recovery-markers.json",
	    &len), *edited;
	int64_t prov;
	int from, to;

	tu_db_path(f->path, sizeof(f->path), "journey");
	unlink(f->path);
	assert_non_null(text);
	assert_int_equal(wm_store_open(f->path, WM_STORE_CREATE, &f->s, &err),
	    0);
	assert_int_equal(wm_store_migrate(f->s, &from, &to, &err), 0);
	f->v1 = put(f, text, len, &f->v1_id);
	edited = tu_edit(text, v2_edits, TU_NELEM(v2_edits) / 2);
	assert_non_null(edited);
	f->v2 = put(f, edited, strlen(edited), &f->v2_id);
	assert_int_equal(tu_network_tree(f->s, &prov, &f->unit), 0);
	assert_int_equal(wm_store_person_add(f->s, "T1", "Test Person",
	    f->unit, "2024-01-01", &f->person, &err), 0);
	free(text);
	free(edited);
	wm_buf_release(&err);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	wm_store_close(f->s);
	wm_instrument_free(f->v1);
	wm_instrument_free(f->v2);
	tu_remove_db(f->path);
	free(f);
	return 0;
}

/* Saves a response of `in` about the person: every choice question
 * answered `code`, except `skip`. */
static int64_t
answer(struct fixture *f, const struct wm_instrument *in, int64_t in_id,
    const char *date, const char *code, const char *skip,
    enum wm_response_status status, enum wm_respondent who)
{
	struct wm_response_ids ids = { .instrument_id = in_id,
	    .subject_id = f->person, .unit_id = f->unit, .author_id = 0 };
	int64_t id = tu_save_answers(f->s, in, &ids, "T1", date, code, skip,
	    status, who);

	assert_true(id > 0);
	return id;
}

#define MAX_ROWS 40

struct got {
	size_t n;
	char link[MAX_ROWS][32], text[MAX_ROWS][96];
	char first[MAX_ROWS][48], latest[MAX_ROWS][48];
	int64_t answers[MAX_ROWS], responses, instrument;
	char title[64];
};

static int
keep_row(void *ctx, const struct wm_item_change_row *r)
{
	struct got *g = ctx;

	assert_true(g->n < MAX_ROWS);
	snprintf(g->link[g->n], sizeof(g->link[0]), "%s", r->link_id);
	snprintf(g->text[g->n], sizeof(g->text[0]), "%s", r->text);
	snprintf(g->first[g->n], sizeof(g->first[0]), "%s %s %s",
	    r->first.authored, r->first.display, r->first.respondent);
	snprintf(g->latest[g->n], sizeof(g->latest[0]), "%s %s %s",
	    r->latest.authored, r->latest.display, r->latest.respondent);
	g->answers[g->n] = r->answers;
	g->responses = r->responses;
	g->instrument = r->instrument_id;
	snprintf(g->title, sizeof(g->title), "%s", r->title);
	g->n++;
	return 0;
}

static size_t
row_of(const struct got *g, const char *link)
{
	size_t i;

	for (i = 0; i < g->n && strcmp(g->link[i], link) != 0; i++)
		continue;
	assert_true(i < g->n);
	return i;
}

/* Across versions: each question's first and latest answer by the date
 * given (then the response), the latest version's words and order, and
 * a question it no longer asks last, under its linkId. Drafts and
 * staff's answers never show. */
static void
first_and_latest_across_versions(void **state)
{
	struct fixture *f = *state;
	struct wm_buf err = WM_BUF_INIT;
	struct got g;
	size_t k;

	answer(f, f->v1, f->v1_id, "2025-03-01", "agree", NULL,
	    WM_STATUS_COMPLETED, WM_RESPONDENT_PERSON);
	/* Given earlier, recorded later: it is the first. */
	answer(f, f->v1, f->v1_id, "2025-01-01", "disagree", "hopeful",
	    WM_STATUS_COMPLETED, WM_RESPONDENT_WITH_PRACTITIONER);
	answer(f, f->v2, f->v2_id, "2025-06-01", "strongly-agree", NULL,
	    WM_STATUS_COMPLETED, WM_RESPONDENT_PERSON);
	/* The same day again: the later response is the latest. */
	answer(f, f->v2, f->v2_id, "2025-06-01", "neutral", "strengths",
	    WM_STATUS_COMPLETED, WM_RESPONDENT_PERSON);
	answer(f, f->v2, f->v2_id, "2025-07-01", "strongly-disagree", NULL,
	    WM_STATUS_IN_PROGRESS, WM_RESPONDENT_PERSON);

	memset(&g, 0, sizeof(g));
	assert_int_equal(wm_store_person_item_changes(f->s, f->person,
	    keep_row, &g, &err), 0);
	assert_int_equal(g.n, 12);	/* 11 asked now, 1 no longer */
	assert_int_equal(g.responses, 4);
	assert_int_equal(g.instrument, f->v2_id);
	assert_string_equal(g.title, f->v2->title);
	/* The latest version's order and words. */
	assert_string_equal(g.link[0], "activities");
	assert_string_equal(g.text[0], "I do things I value");
	assert_string_equal(g.link[1], "safe-place");
	assert_string_equal(g.link[g.n - 1], "safe-home");
	assert_string_equal(g.text[g.n - 1], "safe-home");
	k = row_of(&g, "activities");
	assert_int_equal(g.answers[k], 4);
	assert_string_equal(g.first[k],
	    "2025-01-01 Disagree person-with-practitioner");
	assert_string_equal(g.latest[k],
	    "2025-06-01 Neither agree nor disagree person");
	k = row_of(&g, "hopeful");
	assert_int_equal(g.answers[k], 3);
	assert_string_equal(g.first[k], "2025-03-01 Agree person");
	k = row_of(&g, "strengths");
	assert_string_equal(g.latest[k], "2025-06-01 Strongly agree person");
	k = row_of(&g, "safe-home");
	assert_int_equal(g.answers[k], 2);
	assert_string_equal(g.latest[k], "2025-03-01 Agree person");
	k = row_of(&g, "safe-place");
	assert_int_equal(g.answers[k], 2);
	assert_string_equal(g.first[k], "2025-06-01 Strongly agree person");
	wm_buf_release(&err);
}

struct scores {
	size_t n;
	char line[8][64];
};

static int
keep_score(void *ctx, const struct wm_score_row *r)
{
	struct scores *x = ctx;

	assert_true(x->n < 8);
	snprintf(x->line[x->n++], sizeof(x->line[0]), "%s %s %.2f",
	    r->scale, r->authored, r->value);
	return 0;
}

/* Each scale's scores together, each in the order given. */
static void
scores_by_scale_then_date(void **state)
{
	struct fixture *f = *state;
	struct wm_buf err = WM_BUF_INIT;
	struct scores x;

	answer(f, f->v2, f->v2_id, "2025-06-01", "agree", NULL,
	    WM_STATUS_COMPLETED, WM_RESPONDENT_PERSON);
	answer(f, f->v1, f->v1_id, "2025-02-01", "disagree", NULL,
	    WM_STATUS_COMPLETED, WM_RESPONDENT_PERSON);
	memset(&x, 0, sizeof(x));
	assert_int_equal(wm_store_person_scores(f->s, f->person, keep_score,
	    &x, &err), 0);
	assert_int_equal(x.n, 2);
	assert_string_equal(x.line[0], "recovery-markers 2025-02-01 2.00");
	assert_string_equal(x.line[1], "recovery-markers 2025-06-01 4.00");
	wm_buf_release(&err);
}

struct both {
	struct scores x;
	struct got g;
	int items_before_scores;
};

static int
both_score(void *ctx, const struct wm_score_row *r)
{
	struct both *b = ctx;

	b->items_before_scores |= b->g.n > 0;
	return keep_score(&b->x, r);
}

static int
both_item(void *ctx, const struct wm_item_change_row *r)
{
	return keep_row(&((struct both *)ctx)->g, r);
}

/* One read for a page that shows both: every score first, then every
 * question, as the two reads alone give them. */
static void
scores_and_questions_in_one_read(void **state)
{
	struct fixture *f = *state;
	struct wm_buf err = WM_BUF_INIT;
	struct both b;
	struct got g;
	struct scores x;

	answer(f, f->v1, f->v1_id, "2025-02-01", "disagree", NULL,
	    WM_STATUS_COMPLETED, WM_RESPONDENT_PERSON);
	answer(f, f->v2, f->v2_id, "2025-06-01", "agree", "hopeful",
	    WM_STATUS_COMPLETED, WM_RESPONDENT_PERSON);
	memset(&b, 0, sizeof(b));
	memset(&g, 0, sizeof(g));
	memset(&x, 0, sizeof(x));
	assert_int_equal(wm_store_person_journey(f->s, f->person, both_score,
	    both_item, &b, &err), 0);
	assert_int_equal(wm_store_person_scores(f->s, f->person, keep_score,
	    &x, &err), 0);
	assert_int_equal(wm_store_person_item_changes(f->s, f->person,
	    keep_row, &g, &err), 0);
	assert_false(b.items_before_scores);
	assert_int_equal(b.x.n, 2);
	assert_memory_equal(&b.x, &x, sizeof(x));
	assert_int_equal(b.g.n, 12);
	assert_memory_equal(&b.g, &g, sizeof(g));
	wm_buf_release(&err);
}

/* Parsed once and kept; one read inside a load that was rolled back is
 * never served for the instrument that takes its id next. */
static void
parsed_instruments_are_kept(void **state)
{
	struct fixture *f = *state;
	struct wm_buf err = WM_BUF_INIT;
	const struct wm_instrument *a, *b;
	const char *const e1[] = { "\"version\": \"1.0.1\"",
	    "\"version\": \"9.0.0\"" };
	const char *const e2[] = { "\"version\": \"1.0.1\"",
	    "\"version\": \"10.0.0\"" };
	size_t len;
	char *text = tu_read_instrument_file("dreem-recovery-markers.json",
	    &len), *t1 = tu_edit(text, e1, 1), *t2 = tu_edit(text, e2, 1);
	struct wm_instrument *i1, *i2;
	int64_t id1, id2;

	assert_int_equal(wm_store_instrument_parsed(f->s, f->v1_id, &a, &err),
	    0);
	assert_int_equal(wm_store_instrument_parsed(f->s, f->v1_id, &b, &err),
	    0);
	assert_ptr_equal(a, b);
	assert_string_equal(a->version, "1.0.1");
	assert_int_equal(wm_store_instrument_parsed(f->s, 999, &a, &err),
	    WM_STORE_NOT_FOUND);

	assert_int_equal(wm_store_begin(f->s, &err), 0);
	i1 = put(f, t1, strlen(t1), &id1);
	assert_int_equal(wm_store_instrument_parsed(f->s, id1, &a, &err), 0);
	assert_string_equal(a->version, "9.0.0");
	wm_store_rollback(f->s);
	i2 = put(f, t2, strlen(t2), &id2);
	/* SQLite gives the id again, which is what this guards against;
	 * PostgreSQL's ids never come back. */
	if (!tu_on_pg())
		assert_int_equal(id2, id1);
	assert_int_equal(wm_store_instrument_parsed(f->s, id2, &b, &err), 0);
	assert_string_equal(b->version, "10.0.0");
	wm_instrument_free(i1);
	wm_instrument_free(i2);
	free(text);
	free(t1);
	free(t2);
	wm_buf_release(&err);
}

static int
count_scores(void *ctx, const struct wm_score_row *r)
{
	(void)r;
	++*(int *)ctx;
	return 0;
}

/* A page's reads see one snapshot: a save by another connection lands
 * only after wm_store_read_end(). */
static void
reads_share_one_snapshot(void **state)
{
	struct fixture *f = *state;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *other;
	int before = 0, during = 0, after = 0;

	answer(f, f->v1, f->v1_id, "2025-02-01", "agree", NULL,
	    WM_STATUS_COMPLETED, WM_RESPONDENT_PERSON);
	assert_int_equal(wm_store_open(f->path, 0, &other, &err), 0);
	assert_int_equal(wm_store_read_begin(other, &err), 0);
	assert_int_equal(wm_store_person_scores(other, f->person, count_scores,
	    &before, &err), 0);
	answer(f, f->v1, f->v1_id, "2025-03-01", "agree", NULL,
	    WM_STATUS_COMPLETED, WM_RESPONDENT_PERSON);
	assert_int_equal(wm_store_person_scores(other, f->person, count_scores,
	    &during, &err), 0);
	wm_store_read_end(other);
	assert_int_equal(wm_store_person_scores(other, f->person, count_scores,
	    &after, &err), 0);
	assert_int_equal(before, 1);
	assert_int_equal(during, 1);
	assert_int_equal(after, 2);
	wm_store_close(other);
	wm_buf_release(&err);
}

/* The work done is counted from the last call, and it grows with the
 * rows a query reads. */
static void
work_is_counted_per_call(void **state)
{
	struct fixture *f = *state;
	struct wm_buf err = WM_BUF_INIT;
	uint64_t one, two;
	int n = 0;

	answer(f, f->v1, f->v1_id, "2025-02-01", "agree", NULL,
	    WM_STATUS_COMPLETED, WM_RESPONDENT_PERSON);
	wm_store_cost(f->s);
	assert_int_equal(wm_store_cost(f->s), 0);
	assert_int_equal(wm_store_person_scores(f->s, f->person, count_scores,
	    &n, &err), 0);
	one = wm_store_cost(f->s);
	assert_true(one > 0);
	answer(f, f->v1, f->v1_id, "2025-03-01", "agree", NULL,
	    WM_STATUS_COMPLETED, WM_RESPONDENT_PERSON);
	wm_store_cost(f->s);
	assert_int_equal(wm_store_person_scores(f->s, f->person, count_scores,
	    &n, &err), 0);
	two = wm_store_cost(f->s);
	assert_true(two > one);
	wm_buf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    first_and_latest_across_versions, setup, teardown),
		cmocka_unit_test_setup_teardown(scores_by_scale_then_date,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    scores_and_questions_in_one_read, setup, teardown),
		cmocka_unit_test_setup_teardown(parsed_instruments_are_kept,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(reads_share_one_snapshot,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(work_is_counted_per_call,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
