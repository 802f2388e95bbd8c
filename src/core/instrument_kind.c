/*
 * The rules of an instrument's kind. A plan template is read by the same
 * engine as a measure but is a different thing: the person's own
 * document, in their own words, never scored, about themselves only.
 * These rules keep the two apart so that nothing meant for a plan (a
 * list, a crisis switch, goals shown in place) can creep into a measure,
 * and nothing of a measure (a score) into a plan.
 */
#include "core/instrument.h"

#include <stdio.h>

/* An item named as every other message of the loader names it. */
static const char *
item_where(const struct wm_item *it, char *buf, size_t size)
{
	snprintf(buf, size, "item %.64s", it->link_id ? it->link_id : "?");
	return buf;
}

static void
check_plan_item(const struct wm_item *it, struct wm_diags *d)
{
	char where[80];
	size_t k;

	for (k = 0; k < it->n_options; k++)
		if (it->options[k].scored) {
			wm_diags_add(d, 0, 0, item_where(it, where, sizeof(where)),
			    "option '%s' has an ordinal value: a plan is the "
			    "person's own words and is never scored",
			    it->options[k].code ? it->options[k].code : "");
			return;
		}
}

/*
 * Newsletter: "Contingency plans, joint crisis plans, negotiated safety
 * plans and advanced directives which honour people's preferences are
 * developed"
 */
static void
check_plan(const struct wm_instrument *in, struct wm_diags *d)
{
	const unsigned allowed = WM_RESPONDENT_PERSON |
	    WM_RESPONDENT_WITH_PRACTITIONER;
	size_t i;

	if (in->subjects != WM_SUBJECT_PERSON)
		wm_diags_add(d, 0, 0, "field subjectType", "a plan is about "
		    "the person who owns it: subjectType must be [\"Patient\"] "
		    "only");
	if (in->respondents && (!(in->respondents & WM_RESPONDENT_PERSON) ||
	    (in->respondents & ~allowed)))
		wm_diags_add(d, 0, 0, "extension respondent", "a plan is "
		    "written by the person, alone (person) or with a "
		    "practitioner (person-with-practitioner), and by no one "
		    "else: it must allow person and may allow "
		    "person-with-practitioner");
	if (in->n_scales)
		wm_diags_add(d, 0, 0, "extension scale", "a plan is never "
		    "scored: remove its scales");
	if (!in->family)
		wm_diags_add(d, 0, 0, "field code", "a plan needs a code in "
		    WM_FAMILY_SYSTEM " (for example safety-plan): it is how "
		    "a person's plan of that kind is known across versions");
	for (i = 0; i < in->n_items; i++)
		check_plan_item(&in->items[i], d);
}

/* A card holds a few lines of words: a list, a line, or the network's
 * contacts, never a group or a long text. */
static void
check_card_item(const struct wm_item *it, struct wm_diags *d)
{
	char where[80];

	if (it->on_card && !(it->type == WM_ITEM_STRING ||
	    (it->type == WM_ITEM_DISPLAY && it->shows ==
	    WM_SHOWS_CRISIS_CONTACTS)))
		wm_diags_add(d, 0, 0, item_where(it, where, sizeof(where)),
		    "onCard is only for a string item (a line or a list) or "
		    "the crisis contacts");
}

/* The parts only a plan may use, refused in a measure by name. */
static void
check_measure(const struct wm_instrument *in, struct wm_diags *d)
{
	char buf[80];
	size_t i;

	if (in->crisis_access)
		wm_diags_add(d, 0, 0, "extension crisisAccess", "is only for "
		    "a plan (extension kind plan)");
	for (i = 0; i < in->n_items; i++) {
		const struct wm_item *it = &in->items[i];
		const char *where = item_where(it, buf, sizeof(buf));

		if (it->repeats)
			wm_diags_add(d, 0, 0, where, "repeating items are only "
			    "for a plan's lists (extension kind plan)");
		if (it->shows != WM_SHOWS_NOTHING)
			wm_diags_add(d, 0, 0, where, "shows is only for a plan "
			    "(extension kind plan)");
		if (it->linked_plan)
			wm_diags_add(d, 0, 0, where, "linkedPlan is only for a "
			    "plan (extension kind plan)");
		if (it->on_card)
			wm_diags_add(d, 0, 0, where, "onCard is only for a plan "
			    "(extension kind plan)");
	}
}

void
wm_instrument_check_kind(const struct wm_instrument *in,
    struct wm_diags *d)
{
	char where[80];
	size_t i;

	for (i = 0; i < in->n_items; i++)
		if (in->items[i].repeats && in->items[i].type != WM_ITEM_STRING)
			wm_diags_add(d, 0, 0, item_where(&in->items[i], where,
			    sizeof(where)), "only a string item can repeat (a "
			    "list, one line per entry)");
	for (i = 0; i < in->n_items; i++)
		check_card_item(&in->items[i], d);
	if (in->kind == WM_KIND_PLAN)
		check_plan(in, d);
	else
		check_measure(in, d);
}
