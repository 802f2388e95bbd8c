/*
 * Questions asked only sometimes (FHIR enableWhen): which items of a
 * response are enabled by the answers given, and the plain words that
 * name an item and say when it is needed. Pure functions; the caller
 * owns every array and buffer.
 */
#ifndef WM_CORE_ENABLE_H
#define WM_CORE_ENABLE_H

#include <stddef.h>

#include "core/instrument.h"
#include "core/scoring.h"
#include "util/buf.h"

/*
 * Fills enabled[0 .. in->n_items): 1 when the item is asked. An item is
 * enabled when its group is, and its conditions hold (all, or any, as its
 * enableBehavior says). A condition reads the question's answer only when
 * that question is itself enabled: an answer to a disabled question counts
 * as no answer. With no answer, `exists false` holds and every other
 * condition (=, != and the comparisons included) does not.
 */
void wm_items_enabled(const struct wm_instrument *in,
    const struct wm_answer *answers, int *enabled);

/* 1 when item i, or a group it is in, has conditions. */
int wm_item_conditional(const struct wm_instrument *in, size_t i);

/*
 * The item's name as a person reads it: its enclosing group's prefix (or,
 * without one, the group's text), a comma, then its own prefix or text.
 * "Standard 3, Action owner". Appended to `out`.
 */
void wm_item_label(const struct wm_instrument *in, size_t i,
    struct wm_buf *out);

/*
 * When item i is asked, in words: "the traffic light rating is not
 * Green", conditions joined by "and" or "or"; the conditions of the
 * groups it is in are added with "and". Nothing is appended for an item
 * without conditions.
 */
void wm_item_condition_text(const struct wm_instrument *in, size_t i,
    struct wm_buf *out);

#endif
