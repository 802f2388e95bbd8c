#include "web/date_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/escape.h"
#include "web/layout.h"

/* The three parts of a date field, as named in the form. */
static const struct {
	const char *suffix, *label, *width;
} parts[3] = {
	{ "day", "Day", "2" },
	{ "month", "Month", "2" },
	{ "year", "Year", "4" },
};

/* The parts of the date `id` from the posted form, or (query) from the
 * query string, each box named ID, sep and its part. */
static void
parts_read(struct wm_http *h, const char *id, const char *sep, int query,
    struct wm_date_parts *p)
{
	char name[96];
	const char *v;
	size_t k;

	p->too_long = 0;
	for (k = 0; k < 3; k++) {
		snprintf(name, sizeof(name), "%s%s%s", id, sep, parts[k].suffix);
		v = query ? wm_http_query(h, name) : wm_form_get(&h->form, name);
		if (v && strlen(v) >= sizeof(p->v[k]))
			p->too_long = 1;
		snprintf(p->v[k], sizeof(p->v[k]), "%s", v ? v : "");
	}
}

void
wm_date_parts_posted(struct wm_http *h, const char *id,
    struct wm_date_parts *p)
{
	parts_read(h, id, "-", 0, p);
}

void
wm_date_parts_query(struct wm_http *h, const char *id, struct wm_date_parts *p)
{
	parts_read(h, id, "_", 1, p);
}

void
wm_date_parts_of(const struct wm_date *d, struct wm_date_parts *p)
{
	p->too_long = 0;
	snprintf(p->v[0], sizeof(p->v[0]), "%d", d->day);
	snprintf(p->v[1], sizeof(p->v[1]), "%d", d->month);
	snprintf(p->v[2], sizeof(p->v[2]), "%d", d->year);
}

/* The three boxes, each named and identified ID, sep and its part. */
static void
boxes(struct wm_http *h, const char *id, const char *sep,
    const struct wm_date_parts *p, int error)
{
	char box[96];
	size_t k;

	HTML(h, "<div class=\"nhsuk-date-input\" id=\"");
	wm_esc_attr_s(&h->out, id);
	HTML(h, "\">\n");
	for (k = 0; k < 3; k++) {
		snprintf(box, sizeof(box), "%s%s%s", id, sep, parts[k].suffix);
		HTML(h, "<div class=\"nhsuk-date-input__item\">\n"
		    "<div class=\"nhsuk-form-group\">\n<label class=\""
		    "nhsuk-label nhsuk-date-input__label\" for=\"");
		wm_esc_attr_s(&h->out, box);
		HTML(h, "\">");
		wm_esc_html_s(&h->out, parts[k].label);
		HTML(h, "</label>\n<input class=\"nhsuk-input "
		    "nhsuk-date-input__input nhsuk-input--width-");
		wm_esc_attr_s(&h->out, parts[k].width);
		if (error)
			HTML(h, " nhsuk-input--error");
		HTML(h, "\" id=\"");
		wm_esc_attr_s(&h->out, box);
		HTML(h, "\" name=\"");
		wm_esc_attr_s(&h->out, box);
		HTML(h, "\" type=\"text\" inputmode=\"numeric\" value=\"");
		wm_esc_attr_s(&h->out, p->v[k]);
		HTML(h, "\">\n</div>\n</div>\n");
	}
	HTML(h, "</div>\n");
}

void
wm_date_input(struct wm_http *h, const char *id,
    const struct wm_date_parts *p, int error)
{
	boxes(h, id, "-", p, error);
}

int
wm_date_parts_read(const struct wm_date_parts *p, struct wm_date *out)
{
	if (p->too_long)
		return -1;
	return wm_date_from_parts(p->v[0], p->v[1], p->v[2], out);
}

int
wm_date_input_read(struct wm_http *h, const char *id, struct wm_date *out)
{
	struct wm_date_parts p;

	wm_date_parts_posted(h, id, &p);
	return wm_date_parts_read(&p, out);
}

/* The fieldset of the date `id`, its boxes joined by sep. */
static void
field(struct wm_http *h, const char *id, const char *sep, const char *legend,
    const char *hint, const char *problem, const struct wm_date_parts *p)
{
	HTML(h, "<div class=\"nhsuk-form-group");
	if (problem)
		HTML(h, " nhsuk-form-group--error");
	HTML(h, "\">\n<fieldset class=\"nhsuk-fieldset\" role=\"group\"");
	wm_described_by(h, id, hint, problem);
	HTML(h, ">\n<legend class=\"nhsuk-fieldset__legend "
	    "nhsuk-fieldset__legend--s\">");
	wm_esc_html_s(&h->out, legend);
	HTML(h, "</legend>\n");
	wm_field_notes(h, id, hint, problem);
	boxes(h, id, sep, p, problem != NULL);
	HTML(h, "</fieldset>\n</div>\n");
}

void
wm_date_field(struct wm_http *h, const char *id, const char *legend,
    const char *hint, const char *problem)
{
	struct wm_date_parts p;

	wm_date_parts_posted(h, id, &p);
	field(h, id, "-", legend, hint, problem, &p);
}

void
wm_date_field_or(struct wm_http *h, const char *id, const char *legend,
    const char *hint, const struct wm_date *shown, const char *problem)
{
	struct wm_date_parts p;

	if (h->method && strcmp(h->method, "GET") == 0 && shown)
		wm_date_parts_of(shown, &p);
	else
		wm_date_parts_posted(h, id, &p);
	field(h, id, "-", legend, hint, problem, &p);
}

void
wm_date_field_query(struct wm_http *h, const char *id, const char *legend,
    const char *hint, const char *problem)
{
	struct wm_date_parts p;

	wm_date_parts_query(h, id, &p);
	field(h, id, "_", legend, hint, problem, &p);
}
