#include "report/table_region.h"

#include "util/escape.h"

void
wm_table_region_start(struct wm_buf *b, const char *label, const char *rest)
{
	wm_buf_puts(b, "<div class=\"nhsuk-table-container\" role=\"region\" "
	    "tabindex=\"0\" aria-label=\"");
	wm_esc_attr_s(b, label);
	wm_esc_attr_s(b, rest);
	wm_buf_puts(b, "\">\n");
}

void
wm_table_region_end(struct wm_buf *b)
{
	wm_buf_puts(b, "</div>\n");
}
