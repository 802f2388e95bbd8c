#include "web/admin.h"

#include <stdio.h>
#include <string.h>

#include "util/escape.h"
#include "web/date_input.h"

void
wm_admin_page_start(struct wm_http *h, const char *title)
{
	wm_page_start_back(h, title, "/admin", "Back to administration");
}

void
wm_admin_by(struct wm_http *h, struct wm_date *today, struct wm_admin_by *by)
{
	wm_date_from_days((long)(h->now / 86400), today);
	by->account_id = h->who.account_id;
	by->address = h->address;
	by->today = today;
	by->check_only = 0;
}

void
wm_admin_text(struct wm_http *h, const char *id, const char *label,
    const char *hint, const char *problem, const char *value,
    const char *width)
{
	const char *posted = wm_form_get(&h->form, id);

	wm_form_group_start(h, id, label, hint, problem);
	HTML(h, "<input class=\"nhsuk-input");
	if (width[0]) {
		HTML(h, " ");
		wm_esc_attr_s(&h->out, width);
	}
	if (problem)
		HTML(h, " nhsuk-input--error");
	HTML(h, "\" id=\"");
	wm_esc_attr_s(&h->out, id);
	HTML(h, "\" name=\"");
	wm_esc_attr_s(&h->out, id);
	HTML(h, "\" type=\"text\"");
	wm_described_by(h, id, hint, problem);
	HTML(h, " value=\"");
	wm_esc_attr_s(&h->out, posted ? posted : value ? value : "");
	HTML(h, "\">\n</div>\n");
}

void
wm_admin_select_start(struct wm_http *h, const char *id, const char *label,
    const char *hint, const char *problem)
{
	wm_form_group_start(h, id, label, hint, problem);
	HTML(h, "<select class=\"nhsuk-select");
	if (problem)
		HTML(h, " nhsuk-select--error");
	HTML(h, "\" id=\"");
	wm_esc_attr_s(&h->out, id);
	HTML(h, "\" name=\"");
	wm_esc_attr_s(&h->out, id);
	HTML(h, "\"");
	wm_described_by(h, id, hint, problem);
	HTML(h, ">\n");
}

void
wm_admin_td(struct wm_http *h, const char *heading)
{
	wm_td_start(h, heading);
	HTML(h, "<span class=\"nhsuk-u-text-break-word\">");
}

const char *
wm_admin_say(const char *message, char *out, size_t n)
{
	snprintf(out, n, "%s", message);
	if (out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 'a' + 'A');
	return out;
}

void
wm_admin_errors(struct wm_http *h, const struct wm_field_error *e, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (e[i].message) {
			wm_error_summary_list(h, e, n);
			return;
		}
}

void
wm_admin_place(const struct wm_field_problem *p, const char *prefix,
    struct wm_field_error *e, size_t n, char *msg, size_t msg_size)
{
	char id[80], date[88];
	size_t i;

	snprintf(id, sizeof(id), "%s%s", prefix, p->field);
	snprintf(date, sizeof(date), "%s-day", id);
	for (i = 0; i < n; i++)
		if (strcmp(e[i].field_id, id) == 0 ||
		    strcmp(e[i].field_id, date) == 0)
			break;
	e[i < n ? i : 0].message = wm_admin_say(p->message, msg, msg_size);
}

void
wm_admin_date_words(const char *iso, char *out, size_t n)
{
	struct wm_date d;

	if (!iso || wm_date_parse(iso, &d))
		snprintf(out, n, "%s", iso ? iso : "");
	else
		snprintf(out, n, "%d %s %d", d.day, wm_month_name(d.month),
		    d.year);
}

const char *
wm_admin_date(struct wm_http *h, const char *id, const struct wm_date *today,
    struct wm_date *d)
{
	switch (wm_date_input_read(h, id, d)) {
	case 0:
		*d = *today;
		return NULL;
	case 1:
		return NULL;
	default:
		return "The date must be a real date, as day, month and year: "
		    "for example, 6 12 2026";
	}
}

struct options {
	struct wm_http *h;
	const char *chosen;
};

static int
service_option(void *ctx, const struct wm_unit_row *u)
{
	struct options *o = ctx;
	struct wm_http *h = o->h;

	if (u->closed || strcmp(u->kind, "service") != 0)
		return 0;
	HTML(h, "<option value=\"");
	wm_esc_attr_s(&h->out, u->code);
	HTML(h, "\"");
	if (o->chosen && strcmp(o->chosen, u->code) == 0)
		HTML(h, " selected");
	HTML(h, ">");
	wm_esc_html_s(&h->out, u->name);
	HTML(h, "</option>\n");
	return 0;
}

void
wm_admin_service_options(struct wm_http *h, const char *chosen,
    const char *none)
{
	struct options o = { h, chosen };
	struct wm_buf err = WM_BUF_INIT;

	if (none) {
		HTML(h, "<option value=\"\">");
		wm_esc_html_s(&h->out, none);
		HTML(h, "</option>\n");
	}
	wm_page_store_ok(h, wm_store_unit_list(h->store, service_option, &o,
	    &err), &err);
	wm_buf_release(&err);
}
