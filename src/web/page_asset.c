/*
 * The built-in stylesheet and icons (nhsuk-frontend).
 */
#include "web/assets.h"
#include "web/layout.h"
#include "web/pages.h"

void
wm_page_asset(struct wm_http *h)
{
	const struct wm_asset *a = wm_asset_find(h->path);

	if (!a) {
		wm_page_not_found(h);
		return;
	}
	h->fixed = a->data;
	h->fixed_len = a->len;
	h->content_type = a->type;
	h->cacheable = 1;
}
