/*
 * The web assets built into the binary (nhsuk-frontend's stylesheet and
 * its icons, and assets/waymark-print.css), generated at build time by scripts/embed-assets.py.
 */
#ifndef WM_WEB_ASSETS_H
#define WM_WEB_ASSETS_H

#include <stddef.h>

struct wm_asset {
	const char *path;	/* e.g. /assets/nhsuk-frontend.min.css */
	const char *type;	/* Content-Type */
	const unsigned char *data;
	size_t len;
};

extern const struct wm_asset wm_assets[];
extern const size_t wm_n_assets;

/* The asset at this path, or NULL. */
const struct wm_asset *wm_asset_find(const char *path);

#endif
