/*
 * Statistical disclosure control: small numbers could identify someone,
 * so figures that leave a service are withheld or rounded. Pure functions;
 * wm_disclose_table allocates its own working space and frees it.
 *
 * Two rules for figures shown to commissioners, chosen by the network
 * (`waymark network set --disclosure`), and a third for its own analysts:
 *
 * - mhsds, the default: NHS England's rule for the Mental Health Services
 *   Data Set (MHSDS) publications below national level (the "Mental
 *   Health Services Monthly Statistics" and their methodology notes):
 *   counts of 0 to 4 are shown as "*" and every other count is rounded to
 *   the nearest 5; percentages rounded to whole numbers, and withheld when
 *   the numerator or the denominator is below 5; means of fewer than 5
 *   people are withheld.
 * - hes: the stricter rule of NHS Digital's Hospital Episode Statistics
 *   (HES), from its "HES Analysis Guide" on small numbers: counts of 1 to
 *   7 are suppressed (a 0 identifies no one and is shown), other counts
 *   rounded to the nearest 5, and means of fewer than 8 people withheld.
 *   Waymark withholds a percentage whose numerator is 1 to 7 or whose
 *   denominator is below 8, the same threshold carried over.
 *
 * Where Waymark departs from the MHSDS convention: MHSDS works its
 * percentages out from the unrounded counts. Beside the rounded counts
 * they give the unrounded ones away ("93% of 15" leaves exactly 1 for the
 * rest; "5 (100%)" says the withheld cells beside it are 0). So every
 * share Waymark publishes to commissioners is worked out from the counts
 * as published, rounded, under either rule (wm_disclose_share): it tells
 * no more than they do.
 * - none: figures as they are, for the network's own analysts on the
 *   command line only. The web pages and the API never publish under it.
 *
 * Rounding and withholding one figure is not enough where figures must
 * add up (improved + no change + deteriorated = paired; services = the
 * network): a withheld count could be worked out by subtraction. So a
 * table of figures goes through wm_disclose_table, which withholds
 * further figures (secondary suppression) until no withheld figure can
 * be worked out from the shown ones.
 *
 * The service's own rule (wm_service_*) is Waymark's, for figures a
 * service sees about its own people's feedback.
 */
#ifndef WM_CORE_DISCLOSURE_H
#define WM_CORE_DISCLOSURE_H

#include <stddef.h>
#include <stdint.h>

enum wm_disclosure_rule {
	WM_DISCLOSURE_MHSDS,	/* the default */
	WM_DISCLOSURE_HES,
	WM_DISCLOSURE_NONE,	/* the network's own analysts, command line only */
};
#define WM_DISCLOSURE_DEFAULT WM_DISCLOSURE_MHSDS

/* "mhsds", "hes", "none"; 0, or -1 for anything else. */
int wm_disclosure_parse(const char *s, enum wm_disclosure_rule *out);
const char *wm_disclosure_name(enum wm_disclosure_rule r);
/* One plain-English sentence saying what the rule does, for pages. */
const char *wm_disclosure_describe(enum wm_disclosure_rule r);

/* A figure as published: withheld (shown as "*"), or its shown value. */
struct wm_shown {
	int withheld;
	int64_t value;	/* rounded count, or whole percentage; 0 if withheld */
};

/* mhsds: 0..4 withheld, others rounded to nearest 5 (half up);
 * hes: 1..7 withheld (0 shown), others rounded to nearest 5; none: as is.
 * A negative count is never a real one and is withheld under every rule. */
struct wm_shown wm_disclose_count(enum wm_disclosure_rule r, int64_t n);

/* The one way a share for commissioners is worked out: of a numerator
 * and a denominator AS PUBLISHED (rounded, or withheld), never of the
 * counts behind them; a whole percentage, rounded half up; withheld when
 * either is withheld, or the denominator is published as 0 or less (a
 * share of no one). */
struct wm_shown wm_disclose_share(struct wm_shown num, struct wm_shown den);

/* The share of two counts each published by the count rule alone
 * (wm_disclose_count, then wm_disclose_share): withheld when the rule
 * withholds either (mhsds: below 5; hes: numerator 1..7, or denominator
 * below 8), or the denominator is 0. */
struct wm_shown wm_disclose_percent(enum wm_disclosure_rule r, int64_t num,
    int64_t den);

/* 1 when a mean over n people may be shown (mhsds n >= 5, hes n >= 8,
 * none n >= 1). */
int wm_disclose_mean(enum wm_disclosure_rule r, int64_t n);

/* Secondary suppression. A table is cells and lines; each line says that
 * its parts add up to its total (all indices into cells). */
struct wm_sdc_cell {
	int64_t n;	/* the true count */
	int withheld;	/* out: 1 when it must be shown as "*" */
	int primary;	/* out: 1 when withheld by the count rule itself
			 * (in, for wm_disclose_marked) */
	/* in: never published (a figure no one is shown, such as a
	 * service's part of a sum published only for providers): an
	 * unknown to anyone, so withheld from the start, and protected
	 * only when primary, since only then would working it out give
	 * away a small number. */
	int hidden;
	/* in: withheld only when no other cell can protect: a figure
	 * published on its own as well, whose publication is kept
	 * whenever a total or a part can give way instead. */
	int keep;
};
struct wm_sdc_line {
	const size_t *parts;
	size_t n_parts;
	size_t total;
};

/*
 * Marks primary suppression by the count rule, then withholds further
 * cells (the smallest available, parts before totals, cells to keep
 * last) until no withheld cell's value can be worked out from the shown
 * cells through any combination of the lines (linear algebra over the
 * lines, not only "two per line"). Treats shown values as exact. The
 * result depends on the cells and lines alone, in their order: the
 * same table is withheld the same way whoever asks. 0, or -1 out of
 * memory (then the cells' marks are not to be used).
 *
 * A table whose lines pin a cell down whatever is shown (a line whose
 * only part is its own total, say) cannot be protected by withholding;
 * such a cell stays determined, and wm_disclose_determined says so.
 */
int wm_disclose_table(enum wm_disclosure_rule r, struct wm_sdc_cell *cells,
    size_t n_cells, const struct wm_sdc_line *lines, size_t n_lines);

/* As wm_disclose_table, with the primary suppression already marked by
 * the caller in each cell's `primary` (a count published only through a
 * share, say, withheld by the percentage's rule rather than the count's).
 * 0, or -1 out of memory. */
int wm_disclose_marked(struct wm_sdc_cell *cells, size_t n_cells,
    const struct wm_sdc_line *lines, size_t n_lines);

/* 1 when cell k's value is determined by the shown cells and the lines
 * (for tests and for the check before publishing). A shown cell is
 * determined by being shown. 1 also when memory runs out, so that a check
 * before publishing fails safe. */
int wm_disclose_determined(const struct wm_sdc_cell *cells, size_t n_cells,
    const struct wm_sdc_line *lines, size_t n_lines, size_t k);

/*
 * The service's own rule. Figures shown to a service about people's
 * feedback on it are withheld below WM_SERVICE_MIN_COUNT respondents:
 * a count of 1 to 4 is shown as "<5", and any share or mean worked out
 * from fewer than 5 answers is not shown at all. A count of 0 identifies
 * no one and is shown.
 */
#define WM_SERVICE_MIN_COUNT 5

/* 1 when a count may be shown to the service as it is, 0 for "<5". */
int wm_service_count_shown(int64_t n);

/* What a service may see of "count of `of` answers" (e.g. who agreed). */
enum wm_share_state {
	WM_SHARE_NO_ANSWERS,	/* of = 0: nothing to show */
	WM_SHARE_TOO_FEW,	/* of is 1..4: only "<5 answered" */
	WM_SHARE_WITHHELD,	/* of >= 5, count 1..4: "<5", no percentage */
	WM_SHARE_SHOWN,		/* count, of and the percentage */
};

/* The state, and when WM_SHARE_SHOWN the whole-number percentage in
 * *percent (rounded half up); *percent is 0 otherwise. */
enum wm_share_state wm_service_share(int64_t count, int64_t of,
    int *percent);

/* A mean over n answers may be shown to the service (n >= 5). */
int wm_service_mean_shown(int64_t n);

#endif
