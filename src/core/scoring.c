#include "core/scoring.h"

/*
 * Waymark: "an option without an ordinal value, such as prefer not to
 * say, not applicable or not rated, is never scored"
 */
static int
item_value(const struct wm_item *it, const struct wm_answer *a, int reversed,
    double *out)
{
	const struct wm_option *op;

	if (!a->given || a->option < 0 || (size_t)a->option >= it->n_options)
		return 0;
	op = &it->options[a->option];
	if (!op->scored)
		return 0;
	*out = reversed ? it->min + it->max - op->value : op->value;
	return 1;
}

int
wm_scale_item_value(const struct wm_instrument *in, const struct wm_scale *sc,
    size_t j, const struct wm_answer *answers, double *out)
{
	size_t k = sc->items[j];

	return item_value(&in->items[k], &answers[k], sc->reversed[j], out);
}

/*
 * Waymark: "a scale is scored only when enough of its questions are
 * answered, by the share its instrument sets"
 */
static void
score_one(const struct wm_instrument *in, const struct wm_scale *sc,
    const struct wm_answer *answers, struct wm_score *out)
{
	double sum = 0, v;
	size_t i;

	out->has_value = 0;
	out->value = 0;
	out->answered = 0;
	out->items = (unsigned)sc->n_items;
	for (i = 0; i < sc->n_items; i++) {
		if (wm_scale_item_value(in, sc, i, answers, &v)) {
			sum += v;
			out->answered++;
		}
	}
	if (out->answered == 0 || (unsigned long)out->answered * 100 <
	    (unsigned long)sc->min_answered_percent * out->items)
		return;
	out->has_value = 1;
	if (sc->method == WM_SCALE_MEAN)
		out->value = sum / out->answered;
	else
		out->value = sum * out->items / out->answered;
}

void
wm_score_scales(const struct wm_instrument *in,
    const struct wm_answer *answers, struct wm_score *out)
{
	size_t i;

	for (i = 0; i < in->n_scales; i++)
		score_one(in, &in->scales[i], answers, &out[i]);
}

int
wm_item_direction(const struct wm_instrument *in, size_t k)
{
	int up = 0, down = 0;
	size_t i, j;

	for (i = 0; i < in->n_scales; i++)
		for (j = 0; j < in->scales[i].n_items; j++)
			if (in->scales[i].items[j] == k) {
				down |= in->scales[i].reversed[j];
				up |= !in->scales[i].reversed[j];
			}
	if (up == down)
		return 0;
	return up ? 1 : -1;
}
