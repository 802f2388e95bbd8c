#include "core/enable.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int
cmp3(long long a, long long b)
{
	return a < b ? -1 : a > b;
}

/* The order of an answer against the condition's value, for integer and
 * date questions; 2 when the answer cannot be read. */
static int
order(const struct wm_item *q, const struct wm_enable_when *ew,
    const struct wm_answer *a)
{
	struct wm_date d;
	long long v;
	char *end;

	if (!a->text)
		return 2;
	if (q->type == WM_ITEM_DATE) {
		if (wm_date_parse(a->text, &d))
			return 2;
		v = wm_date_cmp(&d, &ew->date);
		return v < 0 ? -1 : v > 0;
	}
	errno = 0;
	v = strtoll(a->text, &end, 10);
	if (errno || end == a->text || *end)
		return 2;
	return cmp3(v, ew->integer);
}

/* 1 when the given answer equals the condition's value. */
static int
equal(const struct wm_item *q, const struct wm_enable_when *ew,
    const struct wm_answer *a)
{
	switch (q->type) {
	case WM_ITEM_CHOICE:
		return a->option == ew->option;
	case WM_ITEM_BOOLEAN:
		return a->text && strcmp(a->text, ew->flag ? "true" : "false")
		    == 0;
	case WM_ITEM_STRING:
	case WM_ITEM_TEXT:
		return a->text && ew->text && strcmp(a->text, ew->text) == 0;
	case WM_ITEM_INTEGER:
	case WM_ITEM_DATE:
		return order(q, ew, a) == 0;
	case WM_ITEM_GROUP:
	case WM_ITEM_DISPLAY:
		break;
	}
	return 0;
}

static int
holds(const struct wm_instrument *in, const struct wm_enable_when *ew,
    const struct wm_answer *answers, const int *enabled)
{
	const struct wm_item *q = &in->items[ew->question];
	const struct wm_answer *a = &answers[ew->question];
	int has = a->given && enabled[ew->question], o;

	if (ew->op == WM_OP_EXISTS)
		return has == ew->flag;
	if (!has)
		return 0;
	switch (ew->op) {
	case WM_OP_EQ:
		return equal(q, ew, a);
	case WM_OP_NE:
		return !equal(q, ew, a);
	case WM_OP_EXISTS:
		break;
	case WM_OP_GT:
	case WM_OP_LT:
	case WM_OP_GE:
	case WM_OP_LE:
		o = order(q, ew, a);
		if (o == 2)
			return 0;
		return ew->op == WM_OP_GT ? o > 0 : ew->op == WM_OP_LT ? o < 0 :
		    ew->op == WM_OP_GE ? o >= 0 : o <= 0;
	}
	return 0;
}

void
wm_items_enabled(const struct wm_instrument *in,
    const struct wm_answer *answers, int *enabled)
{
	size_t i, k;

	/* The loader guarantees a question and a group come before the
	 * items that depend on them, so one pass in file order is enough. */
	for (i = 0; i < in->n_items; i++) {
		const struct wm_item *it = &in->items[i];
		int on = it->parent < 0 || enabled[it->parent];

		if (on && it->n_enable_when) {
			int any = 0, all = 1;

			for (k = 0; k < it->n_enable_when; k++) {
				int h = holds(in, &it->enable_when[k], answers,
				    enabled);

				any |= h;
				all &= h;
			}
			on = it->enable_any ? any : all;
		}
		enabled[i] = on;
	}
}

int
wm_item_conditional(const struct wm_instrument *in, size_t i)
{
	int k;

	for (k = (int)i; k >= 0; k = in->items[k].parent)
		if (in->items[k].n_enable_when)
			return 1;
	return 0;
}

static const char *
name_of(const struct wm_item *it)
{
	return it->prefix ? it->prefix : it->text ? it->text : it->link_id;
}

void
wm_item_label(const struct wm_instrument *in, size_t i, struct wm_buf *out)
{
	const struct wm_item *it = &in->items[i];

	if (it->parent >= 0) {
		wm_buf_puts(out, name_of(&in->items[it->parent]));
		wm_buf_puts(out, ", ");
	}
	wm_buf_puts(out, name_of(it));
}

/* A question named inside a sentence: "the traffic light rating" for a
 * short label, the answer to "..." for a question asked in full. */
static void
question_words(const struct wm_item *q, struct wm_buf *out)
{
	const char *t = q->text ? q->text : q->link_id;
	size_t n = strlen(t);

	if (n == 0 || n > 60 || t[n - 1] == '?' || strchr(t, '.')) {
		wm_buf_printf(out, "the answer to \"%s\"", t);
		return;
	}
	wm_buf_puts(out, "the ");
	/* Lower the first letter unless it begins a capitalised word
	 * ("DREEM", "ERFS"). */
	if (t[0] >= 'A' && t[0] <= 'Z' && !(t[1] >= 'A' && t[1] <= 'Z'))
		wm_buf_putc(out, (char)(t[0] - 'A' + 'a'));
	else
		wm_buf_putc(out, t[0]);
	wm_buf_puts(out, t + 1);
}

static void
value_words(const struct wm_item *q, const struct wm_enable_when *ew,
    struct wm_buf *out)
{
	char date[11];

	switch (q->type) {
	case WM_ITEM_CHOICE:
		wm_buf_puts(out, q->options[ew->option].display);
		break;
	case WM_ITEM_BOOLEAN:
		wm_buf_puts(out, ew->flag ? "Yes" : "No");
		break;
	case WM_ITEM_STRING:
	case WM_ITEM_TEXT:
		wm_buf_printf(out, "\"%s\"", ew->text ? ew->text : "");
		break;
	case WM_ITEM_INTEGER:
		wm_buf_printf(out, "%lld", ew->integer);
		break;
	case WM_ITEM_DATE:
		wm_date_format(&ew->date, date);
		wm_buf_puts(out, date);
		break;
	case WM_ITEM_GROUP:
	case WM_ITEM_DISPLAY:
		break;
	}
}

static void
condition_words(const struct wm_instrument *in,
    const struct wm_enable_when *ew, struct wm_buf *out)
{
	const struct wm_item *q = &in->items[ew->question];
	int date = q->type == WM_ITEM_DATE;

	question_words(q, out);
	switch (ew->op) {
	case WM_OP_EXISTS:
		wm_buf_puts(out, ew->flag ? " is answered" :
		    " is not answered");
		return;
	case WM_OP_EQ:
		wm_buf_puts(out, " is ");
		break;
	case WM_OP_NE:
		wm_buf_puts(out, " is not ");
		break;
	case WM_OP_GT:
		wm_buf_puts(out, date ? " is after " : " is more than ");
		break;
	case WM_OP_LT:
		wm_buf_puts(out, date ? " is before " : " is less than ");
		break;
	case WM_OP_GE:
		wm_buf_puts(out, date ? " is on or after " : " is at least ");
		break;
	case WM_OP_LE:
		wm_buf_puts(out, date ? " is on or before " : " is at most ");
		break;
	}
	value_words(q, ew, out);
}

void
wm_item_condition_text(const struct wm_instrument *in, size_t i,
    struct wm_buf *out)
{
	int k, first = 1;
	size_t c;

	for (k = (int)i; k >= 0; k = in->items[k].parent) {
		const struct wm_item *it = &in->items[k];

		for (c = 0; c < it->n_enable_when; c++) {
			if (!first)
				wm_buf_puts(out, c == 0 || !it->enable_any ?
				    " and " : " or ");
			condition_words(in, &it->enable_when[c], out);
			first = 0;
		}
	}
}
