#include "web/assets.h"

#include <string.h>

const struct wm_asset *
wm_asset_find(const char *path)
{
	size_t i;

	for (i = 0; i < wm_n_assets; i++)
		if (strcmp(wm_assets[i].path, path) == 0)
			return &wm_assets[i];
	return NULL;
}
