/*
 * Disclosure control: see disclosure.h for the rules and their sources.
 * Each rule is one row of a table, so that a count, a percentage and a
 * mean are always withheld by the same thresholds. Secondary suppression
 * over a table of figures is in disclosure_table.c. The service's own
 * rule (WM_SERVICE_MIN_COUNT) is Waymark's.
 */
#include "core/disclosure.h"

#include <string.h>

struct rule {
	const char *name;
	const char *describe;
	int64_t withhold_lo, withhold_hi;	/* counts lo..hi are withheld */
	int64_t round_to;	/* other counts to the nearest multiple */
	int64_t min_mean;	/* a mean needs this many people */
};

static const struct rule rules[] = {
	[WM_DISCLOSURE_MHSDS] = { "mhsds",
	    "Figures follow NHS England's rule for Mental Health Services "
	    "Data Set publications below national level: counts of 0 to 4 "
	    "are shown as *, other counts are rounded to the nearest 5, "
	    "percentages are worked out from the rounded counts as shown (not "
	    "from the unrounded ones, as NHS England's own publications do, "
	    "which would give them away) and withheld when either count is, "
	    "means of fewer than 5 people are withheld, and where figures add "
	    "up to a total others are withheld too, so that none can be "
	    "worked out by subtraction.",
	    0, 4, 5, 5 },
	[WM_DISCLOSURE_HES] = { "hes",
	    "Figures follow NHS Digital's rule for Hospital Episode "
	    "Statistics: counts of 1 to 7 are shown as *, other counts are "
	    "rounded to the nearest 5, percentages are worked out from the "
	    "rounded counts as shown and withheld when either count is, means "
	    "of fewer than 8 people are withheld, and where figures add up to "
	    "a total others are withheld too, so that none can be worked out "
	    "by subtraction.",
	    1, 7, 5, 8 },
	[WM_DISCLOSURE_NONE] = { "none",
	    "Figures are shown as they are, with no small numbers withheld: "
	    "for the network's own analysts only, never published.",
	    1, 0, 1, 1 },
};

/* The rule's row; a value that is no rule (a programming error) gets the
 * default, so that it can never mean "withhold nothing". */
static const struct rule *
rule_of(enum wm_disclosure_rule r)
{
	if ((unsigned)r >= sizeof(rules) / sizeof(rules[0]))
		r = WM_DISCLOSURE_DEFAULT;
	return &rules[r];
}

int
wm_disclosure_parse(const char *s, enum wm_disclosure_rule *out)
{
	size_t i;

	for (i = 0; s && i < sizeof(rules) / sizeof(rules[0]); i++)
		if (strcmp(s, rules[i].name) == 0) {
			*out = (enum wm_disclosure_rule)i;
			return 0;
		}
	return -1;
}

const char *
wm_disclosure_name(enum wm_disclosure_rule r)
{
	return rule_of(r)->name;
}

const char *
wm_disclosure_describe(enum wm_disclosure_rule r)
{
	return rule_of(r)->describe;
}

static int
in_withheld_range(const struct rule *d, int64_t n)
{
	return n < 0 || (n >= d->withhold_lo && n <= d->withhold_hi);
}

/*
 * Waymark: "counts for commissioners follow the network's rule: under
 * MHSDS, the default, counts of 0 to 4 are withheld and the rest rounded
 * to the nearest 5; under HES, counts of 1 to 7 are withheld and the rest
 * rounded to the nearest 5, so no one can be re-identified"
 */
struct wm_shown
wm_disclose_count(enum wm_disclosure_rule r, int64_t n)
{
	const struct rule *d = rule_of(r);
	struct wm_shown s = { 1, 0 };

	if (in_withheld_range(d, n))
		return s;
	s.withheld = 0;
	/* Round half up to the nearest multiple. */
	s.value = (n + d->round_to / 2) / d->round_to * d->round_to;
	return s;
}

/*
 * Waymark: "a percentage for commissioners is worked out from the counts
 * as they are published, rounded, never from the unrounded ones, and
 * rounded to a whole number; it is withheld when either count is"
 */
struct wm_shown
wm_disclose_share(struct wm_shown num, struct wm_shown den)
{
	struct wm_shown s = { 1, 0 };

	if (num.withheld || den.withheld || den.value <= 0 || num.value < 0)
		return s;
	s.withheld = 0;
	/* Half up, in whole numbers: floor((200 num + den) / (2 den)); in
	 * floating point only where 200 num would not fit. */
	if (num.value <= INT64_MAX / 200 - den.value)
		s.value = (200 * num.value + den.value) / (2 * den.value);
	else
		s.value = (int64_t)((double)num.value / (double)den.value *
		    100.0 + 0.5);
	return s;
}

struct wm_shown
wm_disclose_percent(enum wm_disclosure_rule r, int64_t num, int64_t den)
{
	return wm_disclose_share(wm_disclose_count(r, num),
	    wm_disclose_count(r, den));
}

/*
 * Waymark: "a mean for commissioners is withheld when it is of fewer
 * people than the network's rule allows: 5 under MHSDS, 8 under HES"
 */
int
wm_disclose_mean(enum wm_disclosure_rule r, int64_t n)
{
	return n > 0 && n >= rule_of(r)->min_mean;
}

/*
 * Waymark: "small numbers for the service itself: a count of people's
 * feedback from 1 to 4 is shown as <5"
 */
int
wm_service_count_shown(int64_t n)
{
	return n == 0 || n >= WM_SERVICE_MIN_COUNT;
}

/*
 * Waymark: "a mean of fewer than 5 answers about people's feedback is
 * withheld from the service"
 */
int
wm_service_mean_shown(int64_t n)
{
	return n >= WM_SERVICE_MIN_COUNT;
}

/*
 * Waymark: "a share of people's feedback is shown to the service only
 * from 5 answers, and withheld when its count would be <5"
 */
enum wm_share_state
wm_service_share(int64_t count, int64_t of, int *percent)
{
	*percent = 0;
	if (of <= 0)
		return WM_SHARE_NO_ANSWERS;
	if (of < WM_SERVICE_MIN_COUNT)
		return WM_SHARE_TOO_FEW;
	if (count < 0 || count > of)
		return WM_SHARE_TOO_FEW;
	if (!wm_service_count_shown(count))
		return WM_SHARE_WITHHELD;
	*percent = (int)((200 * count + of) / (2 * of));
	return WM_SHARE_SHOWN;
}
