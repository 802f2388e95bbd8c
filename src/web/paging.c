/*
 * Long lists a page at a time (paging.h). The markup follows the NHS
 * design system's numbered pagination (nhsuk-frontend 10): a nav landmark
 * named "Pagination", previous and next links with the words a screen
 * reader needs, and each page number labelled "Page N", the current one
 * with aria-current.
 */
#include "web/paging.h"

#include "util/buf.h"
#include "util/escape.h"

int64_t
wm_paging_pages(const struct wm_paging *p)
{
	int64_t n = (p->total + p->per_page - 1) / p->per_page;

	return n > 0 ? n : 1;
}

int64_t
wm_paging_offset(const struct wm_paging *p)
{
	return (p->page - 1) * p->per_page;
}

size_t
wm_paging_items(const struct wm_paging *p, int64_t out[WM_PAGING_MAX_ITEMS])
{
	int64_t pages = wm_paging_pages(p), lo, hi, i;
	size_t n = 0;

	if (pages <= WM_PAGING_MAX_ITEMS) {
		for (i = 1; i <= pages; i++)
			out[n++] = i;
		return n;
	}
	lo = p->page - 1 < 2 ? 2 : p->page - 1;
	hi = p->page + 1 > pages - 1 ? pages - 1 : p->page + 1;
	if (lo > pages - 1)
		lo = pages - 1;
	if (hi < 2)
		hi = 2;
	out[n++] = 1;
	/* A gap of one page shows that page: an ellipsis would hide no more. */
	if (lo == 3)
		out[n++] = 2;
	else if (lo > 3)
		out[n++] = 0;
	for (i = lo; i <= hi; i++)
		out[n++] = i;
	if (hi == pages - 2)
		out[n++] = pages - 1;
	else if (hi < pages - 2)
		out[n++] = 0;
	out[n++] = pages;
	return n;
}

int
wm_paging_parse(struct wm_http *h, int64_t *page)
{
	const char *v;
	int64_t n = 0;

	*page = 1;
	switch (wm_http_query_text(h, "page", 7, &v)) {
	case WM_QUERY_ABSENT:
		return 0;
	case WM_QUERY_OK:
		break;
	default:
		return -1;
	}
	for (; *v; v++) {
		if (*v < '0' || *v > '9')
			return -1;
		n = n * 10 + (*v - '0');
	}
	if (n < 1 || n > WM_PAGING_MAX_PAGE)
		return -1;
	*page = n;
	return 0;
}

void
wm_paging_summary(struct wm_http *h, const struct wm_paging *p,
    const char *one, const char *many)
{
	int64_t from = wm_paging_offset(p) + 1, to = from + p->per_page - 1;

	if (from > p->total)
		return;
	if (to > p->total)
		to = p->total;
	if (from == to)
		wm_buf_printf(&h->out, "<p class=\"nhsuk-body\">Showing %lld of "
		    "%lld ", (long long)from, (long long)p->total);
	else
		wm_buf_printf(&h->out, "<p class=\"nhsuk-body\">Showing %lld to "
		    "%lld of %lld ", (long long)from, (long long)to,
		    (long long)p->total);
	wm_esc_html_s(&h->out, p->total == 1 ? one : many);
	HTML(h, "</p>\n");
}

static void
link_open(struct wm_http *h, const char *href, int64_t page)
{
	struct wm_buf url = WM_BUF_INIT;

	wm_buf_puts(&url, href);
	wm_buf_printf(&url, "page=%lld", (long long)page);
	HTML(h, "<a href=\"");
	wm_esc_attr_s(&h->out, wm_buf_str(&url));
	HTML(h, "\"");
	wm_buf_release(&url);
}

static void
item(struct wm_http *h, const char *href, int64_t page, int64_t current)
{
	if (page == 0) {
		HTML(h, "<li class=\"nhsuk-pagination__item nhsuk-pagination__"
		    "item--ellipsis\">&ctdot;</li>\n");
		return;
	}
	if (page == current)
		HTML(h, "<li class=\"nhsuk-pagination__item nhsuk-pagination__"
		    "item--current\">");
	else
		HTML(h, "<li class=\"nhsuk-pagination__item\">");
	link_open(h, href, page);
	wm_buf_printf(&h->out, " class=\"nhsuk-pagination__link\" "
	    "aria-label=\"Page %lld\"", (long long)page);
	if (page == current)
		HTML(h, " aria-current=\"page\"");
	wm_buf_printf(&h->out, ">%lld</a></li>\n", (long long)page);
}

void
wm_paging_nav(struct wm_http *h, const struct wm_paging *p, const char *href)
{
	int64_t pages = wm_paging_pages(p), items[WM_PAGING_MAX_ITEMS];
	size_t i, n = wm_paging_items(p, items);

	if (pages < 2)
		return;
	HTML(h, "<nav class=\"nhsuk-pagination nhsuk-pagination--numbered\" "
	    "aria-label=\"Pagination\">\n");
	if (p->page > 1) {
		link_open(h, href, p->page - 1);
		HTML(h, " class=\"nhsuk-pagination__previous\" rel=\"prev\">"
		    "<svg class=\"nhsuk-icon nhsuk-icon--arrow-left\" xmlns=\""
		    "http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" "
		    "width=\"16\" height=\"16\" focusable=\"false\" aria-hidden="
		    "\"true\"><path d=\"M10.7 6.3c.4.4.4 1 0 1.4L7.4 11H19a1 1 0 "
		    "0 1 0 2H7.4l3.3 3.3c.4.4.4 1 0 1.4a1 1 0 0 1-1.4 0l-5-5A1 1 "
		    "0 0 1 4 12c0-.3.1-.5.3-.7l5-5a1 1 0 0 1 1.4 0Z\"/></svg>"
		    "<span class=\"nhsuk-pagination__title\">Previous<span "
		    "class=\"nhsuk-u-visually-hidden\"> page</span></span></a>\n");
	}
	HTML(h, "<ul class=\"nhsuk-pagination__list\">\n");
	for (i = 0; i < n; i++)
		item(h, href, items[i], p->page);
	HTML(h, "</ul>\n");
	if (p->page < pages) {
		link_open(h, href, p->page + 1);
		HTML(h, " class=\"nhsuk-pagination__next\" rel=\"next\">"
		    "<span class=\"nhsuk-pagination__title\">Next<span class=\""
		    "nhsuk-u-visually-hidden\"> page</span></span><svg class=\""
		    "nhsuk-icon nhsuk-icon--arrow-right\" xmlns=\"http://www.w3."
		    "org/2000/svg\" viewBox=\"0 0 24 24\" width=\"16\" height="
		    "\"16\" focusable=\"false\" aria-hidden=\"true\"><path d=\""
		    "m14.7 6.3 5 5c.2.2.3.4.3.7 0 .3-.1.5-.3.7l-5 5a1 1 0 0 1-1.4"
		    "-1.4l3.3-3.3H5a1 1 0 0 1 0-2h11.6l-3.3-3.3a1 1 0 1 1 1.4-1.4"
		    "Z\"/></svg></a>\n");
	}
	HTML(h, "</nav>\n");
}
