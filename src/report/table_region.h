/*
 * A wide table on a narrow screen: it scrolls sideways inside a region
 * of its own rather than widening the page, and the region can take the
 * keyboard's focus (so that arrow keys scroll it) and is named for a
 * screen reader by the table's caption.
 */
#ifndef WM_REPORT_TABLE_REGION_H
#define WM_REPORT_TABLE_REGION_H

#include "util/buf.h"

/* Opens the region, named `label` (escaped here), and then `rest`, the
 * label's remainder ("" for none), so that a caption built of two parts
 * names it whole; the table follows. */
void wm_table_region_start(struct wm_buf *b, const char *label,
    const char *rest);
/* Closes it, after the table's end. */
void wm_table_region_end(struct wm_buf *b);

#endif
