/*
 * Fuzz target: the Questionnaire loader (wm_instrument_parse), and, for
 * every input it accepts, the scorer (wm_score_scales) with answers drawn
 * from the input's own bytes. Checks that an accepted instrument keeps
 * the promises its header makes: unique linkIds and option codes, scales
 * over scored choice items, scores within the options' range, and
 * conditions (enableWhen) that read an earlier question with a value of
 * its type, so that which items are enabled is decided in one pass, and
 * scale statistics in their ranges, each with its source.
 */
#include <math.h>
#include <string.h>

#include "core/enable.h"
#include "core/instrument.h"
#include "core/scoring.h"
#include "util/diag.h"

#include "fuzz.h"

/* Room for rounding in a mean or a prorated sum. */
#define EPS 1e-6

static void
check_items(const struct wm_instrument *in)
{
	size_t i, j;

	for (i = 0; i < in->n_items; i++) {
		const struct wm_item *it = &in->items[i];

		FUZZ_CHECK(wm_instrument_find_item(in, it->link_id) == (int)i);
		FUZZ_CHECK(it->parent < (int)i);
		FUZZ_CHECK(it->n_scored <= it->n_options);
		for (j = 0; j < it->n_options; j++)
			FUZZ_CHECK(wm_item_find_option(it,
			    it->options[j].code) == (int)j);
		for (j = 0; j < it->n_enable_when; j++) {
			const struct wm_enable_when *ew = &it->enable_when[j];
			const struct wm_item *q = &in->items[ew->question];

			FUZZ_CHECK(ew->question < i);
			FUZZ_CHECK(q->type != WM_ITEM_GROUP &&
			    q->type != WM_ITEM_DISPLAY);
			FUZZ_CHECK(q->type != WM_ITEM_CHOICE ||
			    ew->op == WM_OP_EXISTS ||
			    (ew->option >= 0 && (size_t)ew->option < q->n_options));
		}
	}
}

/* Which items are enabled: a decision for every item, never an item
 * enabled inside a disabled group; and the words for each condition. */
static void
check_enabled(const struct wm_instrument *in, const struct wm_answer *a)
{
	struct wm_buf words = WM_BUF_INIT;
	int *on = calloc(in->n_items ? in->n_items : 1, sizeof(*on));
	size_t i;

	if (!on)
		return;
	wm_items_enabled(in, a, on);
	for (i = 0; i < in->n_items; i++) {
		FUZZ_CHECK(on[i] == 0 || on[i] == 1);
		if (in->items[i].parent >= 0 && !on[in->items[i].parent])
			FUZZ_CHECK(on[i] == 0);
		if (!wm_item_conditional(in, i))
			FUZZ_CHECK(on[i] == 1);
		wm_buf_clear(&words);
		wm_item_label(in, i, &words);
		wm_item_condition_text(in, i, &words);
	}
	wm_buf_release(&words);
	free(on);
}

/* One answer per item: not given, "no option" (-1), or a valid option,
 * chosen by the input byte at the item's position. */
static void
make_answers(const struct wm_instrument *in, const uint8_t *data,
    size_t size, struct wm_answer *a)
{
	size_t i;

	for (i = 0; i < in->n_items; i++) {
		unsigned b = data[i % size];
		size_t n = in->items[i].n_options;

		a[i].given = (int)(b & 1u);
		a[i].option = (int)((b >> 1) % (n + 1)) - 1;
		a[i].text = NULL;
	}
}

static void
check_score(const struct wm_instrument *in, const struct wm_scale *sc,
    const struct wm_score *s)
{
	double lo = 0, hi = 0;
	size_t i;

	FUZZ_CHECK(s->items == sc->n_items);
	FUZZ_CHECK(s->answered <= s->items);
	if (!s->has_value)
		return;
	FUZZ_CHECK(s->answered > 0 && isfinite(s->value));
	for (i = 0; i < sc->n_items; i++) {
		const struct wm_item *it = &in->items[sc->items[i]];

		if (i == 0 || it->min < lo)
			lo = it->min;
		if (i == 0 || it->max > hi)
			hi = it->max;
	}
	if (sc->method == WM_SCALE_SUM) {
		lo *= (double)sc->n_items;
		hi *= (double)sc->n_items;
	}
	FUZZ_CHECK(s->value >= lo - EPS * (1 + fabs(lo)));
	FUZZ_CHECK(s->value <= hi + EPS * (1 + fabs(hi)));
}

/* A scale's statistics as docs/instruments.md promises them: a usable
 * reliability and SD, or neither; any of them with its source. */
static void
check_statistics(const struct wm_scale *sc)
{
	if (sc->has_reliability) {
		FUZZ_CHECK(sc->reliability >= 0 && sc->reliability < 1);
		FUZZ_CHECK(sc->sd > 0 && isfinite(sc->sd));
	}
	if (sc->has_cutoff)
		FUZZ_CHECK(isfinite(sc->cutoff));
	if (sc->has_reliability || sc->has_cutoff)
		FUZZ_CHECK(sc->statistics_source != NULL &&
		    sc->statistics_source[0] != '\0');
	FUZZ_CHECK(sc->higher_is_better == 0 || sc->higher_is_better == 1);
}

static void
score(const struct wm_instrument *in, const uint8_t *data, size_t size)
{
	struct wm_answer *answers;
	struct wm_score *scores;
	size_t i;

	answers = calloc(in->n_items ? in->n_items : 1, sizeof(*answers));
	scores = calloc(in->n_scales ? in->n_scales : 1, sizeof(*scores));
	if (!answers || !scores)
		goto out;
	make_answers(in, data, size, answers);
	check_enabled(in, answers);
	wm_score_scales(in, answers, scores);
	for (i = 0; i < in->n_scales; i++) {
		check_score(in, &in->scales[i], &scores[i]);
		check_statistics(&in->scales[i]);
	}
out:
	free(answers);
	free(scores);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in = NULL;
	int rc;

	rc = wm_instrument_parse((const char *)data, size, &in, &d);
	FUZZ_CHECK((rc == 0) == (in != NULL));
	FUZZ_CHECK((rc == 0) == (wm_diags_count(&d) == 0));
	if (in) {
		check_items(in);
		score(in, data, size);
	}
	wm_instrument_free(in);
	wm_diags_release(&d);
	return 0;
}
