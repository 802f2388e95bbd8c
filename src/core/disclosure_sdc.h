/*
 * What the two halves of secondary suppression share, inside core: the
 * linear algebra of disclosure_table.c and the protection intervals of
 * disclosure_interval.c. Not for use outside src/core/disclosure*.c.
 */
#ifndef WM_CORE_DISCLOSURE_SDC_H
#define WM_CORE_DISCLOSURE_SDC_H

#include <stddef.h>
#include <stdint.h>

#include "core/disclosure.h"

/* A cell that might be withheld next, and the order they are tried in:
 * a cell not to keep before one to keep, a line's parts before its
 * total, then the smallest count, then the first cell. */
struct wm_sdc_pick {
	size_t cell;
	int keep;
	int is_total;
	int64_t n;
};
#define WM_SDC_NONE SIZE_MAX

/* 1 when a comes before b (b's cell WM_SDC_NONE: nothing yet). */
int wm_sdc_better(const struct wm_sdc_pick *a, const struct wm_sdc_pick *b);

/* The state of the interval check over one table, built once per
 * table (the lines do not change, only which cells are withheld). */
struct wm_sdc_lp;

/* NULL when out of memory. */
struct wm_sdc_lp *wm_sdc_lp_new(const struct wm_sdc_cell *cells,
    size_t n_cells, const struct wm_sdc_line *lines, size_t n_lines);
void wm_sdc_lp_free(struct wm_sdc_lp *lp);

/*
 * One round of the interval check: the first cell the rule itself
 * withholds whose feasible range, to an attacker holding the table, is
 * narrower than the rule's range (and than withholding every other cell
 * would leave it) gets one more cell withheld beside it. *lp is built
 * the first time a table needs it (NULL until then; the caller frees
 * it). 1 when a cell was withheld, 0 when every such cell keeps its
 * range (or none can be helped; given_up[] marks those, one per cell),
 * -1 out of memory.
 */
int wm_sdc_protect(enum wm_disclosure_rule r, struct wm_sdc_lp **lp,
    struct wm_sdc_cell *cells, size_t n_cells,
    const struct wm_sdc_line *lines, size_t n_lines,
    unsigned char *given_up);

#endif
