/*
 * The change in the recovery markers of a service's people, from a real
 * SQLite file: the scores wm_store_caseload_scores hands on (each person
 * on the caseload now once, their scores by who answered, scale and the
 * date given, whatever order they were recorded in and whichever
 * version was answered), and the first and latest answers the
 * dashboard takes from them (wm_dashboard_build).
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

#include "core/catalogue.h"
#include "core/known_instruments.h"
#include "core/response.h"
#include "core/scoring.h"
#include "report/dashboard.h"
#include "store/store.h"
#include "testutil.h"

enum { A, B, C, D, G, PEOPLE };

static const char *const ident[PEOPLE] = { "A", "B", "C", "D", "G" };

struct fixture {
	char path[64];
	struct wm_store *s;
	struct wm_instrument *v1, *v2, *other;
	int64_t v1_id, v2_id, other_id, svc, elsewhere;
	int64_t person[PEOPLE];
};

static struct wm_instrument *
put(struct fixture *f, const char *text, int64_t *id)
{
	struct wm_instrument *in;

	assert_non_null(text);
	in = tu_store_instrument(f->s, text, strlen(text), id);
	assert_non_null(in);
	return in;
}

/* Saves a response of `in` about person k, given at `unit`, with every
 * choice question answered `code`. */
static void
answer(struct fixture *f, int k, const struct wm_instrument *in,
    int64_t in_id, int64_t unit, const char *date, const char *code,
    enum wm_response_status status, enum wm_respondent who)
{
	struct wm_response_ids ids = { .instrument_id = in_id,
	    .subject_id = f->person[k], .unit_id = unit, .author_id = 0 };

	assert_true(tu_save_answers(f->s, in, &ids, ident[k], date, code,
	    NULL, status, who) > 0);
}

static void
answers(struct fixture *f)
{
	const enum wm_response_status done = WM_STATUS_COMPLETED;
	const enum wm_respondent self = WM_RESPONDENT_PERSON,
	    together = WM_RESPONDENT_WITH_PRACTITIONER;

	/* A, self-rated: 2, then 5 and 3 on one day (the later recorded is
	 * the latest), recorded 5, 3, 2, across two versions. With a
	 * practitioner: 2, then 4 given at another service, recorded the
	 * other way round. A draft, another measure and an answer too
	 * little answered to score (the earliest of all) do not count. */
	answer(f, A, f->v2, f->v2_id, f->svc, "2025-06-01", "strongly-agree",
	    done, self);
	answer(f, A, f->v2, f->v2_id, f->elsewhere, "2025-09-01", "agree",
	    done, together);
	answer(f, A, f->v2, f->v2_id, f->svc, "2025-06-01", "neutral", done,
	    self);
	answer(f, A, f->v1, f->v1_id, f->svc, "2025-03-01", "disagree", done,
	    self);
	answer(f, A, f->v1, f->v1_id, f->svc, "2025-01-01", "disagree", done,
	    together);
	answer(f, A, f->v2, f->v2_id, f->svc, "2025-07-01",
	    "strongly-disagree", WM_STATUS_IN_PROGRESS, self);
	answer(f, A, f->other, f->other_id, f->svc, "2025-08-01",
	    "strongly-disagree", done, self);
	answer(f, A, f->v1, f->v1_id, f->svc, "2024-12-01",
	    "prefer-not-to-say", done, self);
	/* B: one answer. C: none. D: none that can be scored. G: two, on
	 * another service's caseload. */
	answer(f, B, f->v2, f->v2_id, f->svc, "2025-02-01", "agree", done,
	    self);
	answer(f, D, f->v2, f->v2_id, f->svc, "2025-02-01",
	    "prefer-not-to-say", done, self);
	answer(f, G, f->v1, f->v1_id, f->elsewhere, "2025-02-01", "disagree",
	    done, self);
	answer(f, G, f->v2, f->v2_id, f->elsewhere, "2025-08-01", "agree",
	    done, self);
}

/* Version 1.2.0 of the recovery markers, and another measure with the
 * same scale under another url. */
static const char *const v2_edits[] = {
	"\"version\": \"1.0.1\"", "\"version\": \"1.2.0\"",
	"I am involved in activities which I value", "I do things I value",
};
static const char *const other_edits[] = {
	"Questionnaire/dreem-recovery-markers\"",
	"Questionnaire/other-markers\"",
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct wm_buf err = WM_BUF_INIT;
	size_t len;
	char *text = tu_read_instrument_file("dreem-recovery-markers.json",
	    &len), *v2, *other;
	int64_t prov;
	int from, to, k;

	tu_db_path(f->path, sizeof(f->path), "change");
	assert_non_null(text);
	assert_int_equal(wm_store_open(f->path, WM_STORE_CREATE, &f->s, &err),
	    0);
	assert_int_equal(wm_store_migrate(f->s, &from, &to, &err), 0);
	v2 = tu_edit(text, v2_edits, TU_NELEM(v2_edits) / 2);
	other = tu_edit(text, other_edits, TU_NELEM(other_edits) / 2);
	f->v1 = put(f, text, &f->v1_id);
	f->v2 = put(f, v2, &f->v2_id);
	f->other = put(f, other, &f->other_id);
	assert_int_equal(tu_network_tree(f->s, &prov, &f->svc), 0);
	assert_int_equal(wm_store_unit_add(f->s, "service", "t", "T", prov,
	    &f->elsewhere, &err), 0);
	for (k = 0; k < PEOPLE; k++)
		assert_int_equal(wm_store_person_add(f->s, ident[k], ident[k],
		    k == G ? f->elsewhere : f->svc, "2024-01-01",
		    &f->person[k], &err), 0);
	answers(f);
	free(text);
	free(v2);
	free(other);
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
	wm_instrument_free(f->other);
	tu_remove_db(f->path);
	free(f);
	return 0;
}

#define MAX_ROWS 16

struct rows {
	const struct fixture *f;
	size_t n;
	char line[MAX_ROWS][80];
	size_t stop_after;	/* 0: never; else answer 1, or fail */
	int fail;
};

static int
keep(void *ctx, const struct wm_caseload_score_row *r)
{
	struct rows *x = ctx;
	const char *who = "?";
	int k;

	for (k = 0; k < PEOPLE; k++)
		if (x->f->person[k] == r->person_id)
			who = ident[k];
	assert_true(x->n < MAX_ROWS);
	if (r->respondent)
		snprintf(x->line[x->n++], sizeof(x->line[0]), "%s %s %s %s "
		    "%.2f", who, r->respondent, r->scale, r->title, r->value);
	else
		snprintf(x->line[x->n++], sizeof(x->line[0]), "%s none", who);
	if (x->stop_after && x->n == x->stop_after)
		return x->fail ? -1 : 1;
	return 0;
}

/* Each person on the caseload now once, in order of person; their
 * scores by who answered, then by the date given and the order
 * recorded; one row for a person with none. */
static void
rows_in_order(void **state)
{
	struct fixture *f = *state;
	struct wm_buf err = WM_BUF_INIT;
	struct rows x = { f, 0, { "" }, 0, 0 };
	static const char *const want[] = {
		"A person recovery-markers Recovery markers 2.00",
		"A person recovery-markers Recovery markers 5.00",
		"A person recovery-markers Recovery markers 3.00",
		"A person-with-practitioner recovery-markers Recovery markers "
		    "2.00",
		"A person-with-practitioner recovery-markers Recovery markers "
		    "4.00",
		"B person recovery-markers Recovery markers 4.00",
		"C none",
		"D none",
	};
	size_t i;

	assert_int_equal(wm_store_caseload_scores(f->s, f->svc,
	    wm_known_url(WM_KNOWN_RECOVERY_MARKERS), keep, &x, &err), 0);
	for (i = 0; i < x.n && i < TU_NELEM(want); i++)
		assert_string_equal(x.line[i], want[i]);
	assert_int_equal(x.n, TU_NELEM(want));

	memset(x.line, 0, sizeof(x.line));
	x.n = 0;
	assert_int_equal(wm_store_caseload_scores(f->s, f->elsewhere,
	    wm_known_url(WM_KNOWN_RECOVERY_MARKERS), keep, &x, &err), 0);
	assert_int_equal(x.n, 2);
	assert_string_equal(x.line[0],
	    "G person recovery-markers Recovery markers 2.00");
	assert_string_equal(x.line[1],
	    "G person recovery-markers Recovery markers 4.00");
	wm_buf_release(&err);
}

/* A callback that stops has no more rows; one that fails, at the last
 * person too, fails the read. */
static void
callback_stops_or_fails(void **state)
{
	struct fixture *f = *state;
	struct wm_buf err = WM_BUF_INIT;
	struct rows x = { f, 0, { "" }, 2, 0 };
	const char *url = wm_known_url(WM_KNOWN_RECOVERY_MARKERS);

	assert_int_equal(wm_store_caseload_scores(f->s, f->svc, url, keep, &x,
	    &err), 0);
	assert_int_equal(x.n, 2);
	x.n = 0;
	x.stop_after = 8;
	x.fail = 1;
	assert_int_equal(wm_store_caseload_scores(f->s, f->svc, url, keep, &x,
	    &err), WM_STORE_ERROR);
	assert_int_equal(x.n, 8);
	assert_non_null(strstr(wm_buf_str(&err), "could not be used"));
	x.n = 0;
	x.stop_after = 3;
	assert_int_equal(wm_store_caseload_scores(f->s, f->svc, url, keep, &x,
	    &err), WM_STORE_ERROR);
	assert_int_equal(x.n, 3);
	wm_buf_release(&err);
}

static struct wm_catalogue *
courses(void)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_catalogue *c = NULL;
	size_t len;
	char *text = tu_read_instrument_file("training-courses.json", &len);

	assert_non_null(text);
	assert_int_equal(wm_catalogue_parse(text, len, &c, &d), 0);
	wm_diags_release(&d);
	free(text);
	return c;
}

/* The dashboard counts from the first answer to the latest: A better
 * self-rated (2 to 3, where the order recorded would give 5 to 2) and
 * with a practitioner (2 to 4); B left out with one answer; C and D
 * with none. */
static void
dashboard_first_and_latest(void **state)
{
	struct fixture *f = *state;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_catalogue *c = courses();
	struct wm_dashboard d;
	const struct wm_dashboard_scale *sc;
	const struct wm_change_tally *self, *together;
	struct wm_date today;
	int64_t one, none;

	assert_int_equal(wm_date_parse("2026-01-15", &today), 0);
	wm_dashboard_init(&d);
	assert_int_equal(wm_dashboard_build(f->s, f->svc, &today, c, &d,
	    &err), 0);
	assert_int_equal(d.change.people, 4);
	assert_int_equal(d.change.n_scales, 1);
	sc = &d.change.scale[0];
	assert_string_equal(sc->code, "recovery-markers");
	self = &sc->change[WM_CHANGE_SELF];
	assert_int_equal(self->people, 1);
	assert_int_equal(self->improved, 1);
	assert_int_equal(self->same + self->worse, 0);
	assert_true(self->total > 0.999 && self->total < 1.001);
	wm_dashboard_left_out(&d.change, sc, WM_CHANGE_SELF, &one, &none);
	assert_int_equal(one, 1);
	assert_int_equal(none, 2);
	together = &sc->change[WM_CHANGE_TOGETHER];
	assert_int_equal(together->people, 1);
	assert_int_equal(together->improved, 1);
	assert_true(together->total > 1.999 && together->total < 2.001);
	wm_dashboard_left_out(&d.change, sc, WM_CHANGE_TOGETHER, &one, &none);
	assert_int_equal(one, 0);
	assert_int_equal(none, 3);
	wm_dashboard_release(&d);
	wm_catalogue_free(c);
	wm_buf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(rows_in_order, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(callback_stops_or_fails, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(dashboard_first_and_latest,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
