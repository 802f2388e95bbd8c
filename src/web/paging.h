/*
 * Long lists a page at a time, the same way on every page: ?page=N read
 * and checked, "Showing 51 to 100 of 266 people", and the design
 * system's numbered pagination (previous and next around the page
 * numbers, the current one marked for screen readers). The arithmetic
 * is pure; the writers write into the request's response.
 */
#ifndef WM_WEB_PAGING_H
#define WM_WEB_PAGING_H

#include <stddef.h>
#include <stdint.h>

#include "web/http.h"

#define WM_PAGING_MAX_PAGE 1000000
#define WM_PAGING_MAX_ITEMS 7

struct wm_paging {
	int64_t page;		/* from 1 */
	int per_page;		/* at least 1 */
	int64_t total;		/* rows in all */
};

/* How many pages there are: at least 1, so an empty list has page 1. */
int64_t wm_paging_pages(const struct wm_paging *p);

/* The rows before this page. */
int64_t wm_paging_offset(const struct wm_paging *p);

/* The page numbers to link, in order, with 0 for a gap (an ellipsis):
 * all of them when there are few, else the first, the last and the
 * current page with its neighbours. Returns how many (at most
 * WM_PAGING_MAX_ITEMS). */
size_t wm_paging_items(const struct wm_paging *p,
    int64_t out[WM_PAGING_MAX_ITEMS]);

/* ?page=N into *page (1 when not given): 0, or -1 when it is not a whole
 * number from 1 to WM_PAGING_MAX_PAGE. */
int wm_paging_parse(struct wm_http *h, int64_t *page);

/* "Showing 51 to 100 of 266 people", as a paragraph; `one` and `many`
 * name a row ("person", "people"). Nothing when the page is empty. */
void wm_paging_summary(struct wm_http *h, const struct wm_paging *p,
    const char *one, const char *many);

/* The pagination, when there is more than one page. Each link is `href`
 * (a URL already escaped for a URL, ending in '?' or '&') followed by
 * "page=N". */
void wm_paging_nav(struct wm_http *h, const struct wm_paging *p,
    const char *href);

#endif
