#include "web/confirm.h"

#include <string.h>

#include "util/escape.h"
#include "web/layout.h"

/* The fields the first POST carried, but for those the page adds: the
 * confirmed POST then asks for exactly the same change. */
static void
carry_fields(struct wm_http *h)
{
	const struct wm_form_field *f;
	size_t i;

	for (i = 0; i < h->form.n; i++) {
		f = &h->form.v[i];
		if (f->filename || strcmp(f->name, "csrf") == 0 ||
		    strcmp(f->name, "confirm") == 0)
			continue;
		HTML(h, "<input type=\"hidden\" name=\"");
		wm_esc_attr_s(&h->out, f->name);
		HTML(h, "\" value=\"");
		wm_esc_attr_s(&h->out, f->value);
		HTML(h, "\">\n");
	}
}

int
wm_confirm_given(const struct wm_http *h)
{
	const char *v = wm_form_get(&h->form, "confirm");

	return v && strcmp(v, "yes") == 0;
}

int
wm_confirmed(struct wm_http *h, const struct wm_confirm *c)
{
	if (wm_confirm_given(h))
		return 1;
	wm_page_start_back(h, c->title, c->back_href, "Back");
	HTML(h, "<p class=\"nhsuk-body\">");
	wm_esc_html_s(&h->out, c->happens);
	HTML(h, "</p>\n");
	wm_post_form_start(h, h->path);
	HTML(h, "<input type=\"hidden\" name=\"confirm\" value=\"yes\">"
	    "\n");
	carry_fields(h);
	HTML(h, "<div class=\"nhsuk-button-group\">\n<button class=\""
	    "nhsuk-button nhsuk-button--warning\" type=\"submit\">");
	wm_esc_html_s(&h->out, c->yes);
	HTML(h, "</button>\n<a class=\"nhsuk-link\" href=\"");
	wm_esc_attr_s(&h->out, c->back_href);
	HTML(h, "\">No, go back</a>\n</div>\n</form>\n");
	wm_page_end(h);
	return 0;
}
