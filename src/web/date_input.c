/*
 * The NHS date input (date_input.h).
 */
#include "web/date_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/escape.h"
#include "web/form.h"
#include "web/layout.h"

/* The three boxes, as named in the form. */
static const struct {
	const char *suffix, *label, *width;
} parts[3] = {
	{ "day", "Day", "2" },
	{ "month", "Month", "2" },
	{ "year", "Year", "4" },
};

static void
box_name(char *out, size_t n, const char *name, size_t k)
{
	snprintf(out, n, "%s-%s", name, parts[k].suffix);
}

void
wm_date_parts_shown(struct wm_http *h, const char *name, const char *iso,
    struct wm_date_parts *out)
{
	const char *v[3];
	char box[96];
	struct wm_date d;
	size_t k, given = 0;

	memset(out, 0, sizeof(*out));
	for (k = 0; k < 3; k++) {
		box_name(box, sizeof(box), name, k);
		v[k] = wm_form_get(&h->form, box);
		given += v[k] != NULL;
	}
	if (given) {
		for (k = 0; k < 3; k++)
			snprintf(out->v[k], sizeof(out->v[k]), "%s",
			    v[k] ? v[k] : "");
	} else if (iso && wm_date_parse(iso, &d) == 0) {
		snprintf(out->v[0], sizeof(out->v[0]), "%d", d.day);
		snprintf(out->v[1], sizeof(out->v[1]), "%d", d.month);
		snprintf(out->v[2], sizeof(out->v[2]), "%d", d.year);
	}
}

void
wm_date_boxes(struct wm_http *h, const char *name,
    const struct wm_date_parts *p, int error)
{
	char id[96];
	size_t k;

	HTML(h, "<div class=\"nhsuk-date-input\" id=\"");
	wm_esc_attr_s(&h->out, name);
	HTML(h, "\">\n");
	for (k = 0; k < 3; k++) {
		box_name(id, sizeof(id), name, k);
		HTML(h, "<div class=\"nhsuk-date-input__item\">\n"
		    "<div class=\"nhsuk-form-group\">\n<label class=\""
		    "nhsuk-label nhsuk-date-input__label\" for=\"");
		wm_esc_attr_s(&h->out, id);
		HTML(h, "\">");
		wm_esc_html_s(&h->out, parts[k].label);
		HTML(h, "</label>\n<input class=\"nhsuk-input "
		    "nhsuk-date-input__input nhsuk-input--width-");
		wm_esc_attr_s(&h->out, parts[k].width);
		if (error)
			HTML(h, " nhsuk-input--error");
		HTML(h, "\" id=\"");
		wm_esc_attr_s(&h->out, id);
		HTML(h, "\" name=\"");
		wm_esc_attr_s(&h->out, id);
		HTML(h, "\" type=\"text\" inputmode=\"numeric\" value=\"");
		wm_esc_attr_s(&h->out, p->v[k]);
		HTML(h, "\">\n</div>\n</div>\n");
	}
	HTML(h, "</div>\n");
}

void
wm_date_field(struct wm_http *h, const char *name, const char *legend,
    const char *hint, const char *iso, const char *problem)
{
	struct wm_date_parts p;

	wm_date_parts_shown(h, name, iso, &p);
	HTML(h, "<div class=\"nhsuk-form-group");
	if (problem)
		HTML(h, " nhsuk-form-group--error");
	HTML(h, "\">\n<fieldset class=\"nhsuk-fieldset\" role=\"group\"");
	if (hint || problem) {
		HTML(h, " aria-describedby=\"");
		if (hint) {
			wm_esc_attr_s(&h->out, name);
			HTML(h, "-hint");
		}
		if (hint && problem)
			HTML(h, " ");
		if (problem) {
			wm_esc_attr_s(&h->out, name);
			HTML(h, "-error");
		}
		HTML(h, "\"");
	}
	HTML(h, ">\n<legend class=\"nhsuk-fieldset__legend "
	    "nhsuk-fieldset__legend--s\">");
	wm_esc_html_s(&h->out, legend);
	HTML(h, "</legend>\n");
	if (hint) {
		HTML(h, "<div class=\"nhsuk-hint\" id=\"");
		wm_esc_attr_s(&h->out, name);
		HTML(h, "-hint\">");
		wm_esc_html_s(&h->out, hint);
		HTML(h, "</div>\n");
	}
	if (problem) {
		HTML(h, "<span class=\"nhsuk-error-message\" id=\"");
		wm_esc_attr_s(&h->out, name);
		HTML(h, "-error\"><span class=\"nhsuk-u-visually-hidden\">"
		    "Error:</span> ");
		wm_esc_html_s(&h->out, problem);
		HTML(h, "</span>\n");
	}
	wm_date_boxes(h, name, &p, problem != NULL);
	HTML(h, "</fieldset>\n</div>\n");
}

/* 1 if s is 1 to max digits. */
static int
digits(const char *s, size_t max)
{
	size_t k, n = strlen(s);

	if (n == 0 || n > max)
		return 0;
	for (k = 0; k < n; k++)
		if (s[k] < '0' || s[k] > '9')
			return 0;
	return 1;
}

int
wm_date_posted(struct wm_http *h, const char *name, struct wm_date *out,
    char iso[11])
{
	const char *v[3];
	char box[96], text[16];
	size_t k, given = 0;

	for (k = 0; k < 3; k++) {
		box_name(box, sizeof(box), name, k);
		v[k] = wm_form_get(&h->form, box);
		if (!v[k])
			v[k] = "";
		given += v[k][0] != '\0';
	}
	if (given == 0)
		return 0;
	if (!digits(v[0], 2) || !digits(v[1], 2) || !digits(v[2], 4) ||
	    strlen(v[2]) != 4)
		return -1;
	/* Checked as digits above: strtol cannot fail here. */
	snprintf(text, sizeof(text), "%s-%02ld-%02ld", v[2],
	    strtol(v[1], NULL, 10), strtol(v[0], NULL, 10));
	if (wm_date_parse(text, out))
		return -1;
	if (iso)
		wm_date_format(out, iso);
	return 1;
}
