#include "web/admin.h"

#include <stdio.h>
#include <string.h>

#include "util/escape.h"

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
}

void
wm_admin_form_start(struct wm_http *h, const char *action)
{
	HTML(h, "<form method=\"post\" action=\"");
	wm_esc_attr_s(&h->out, action);
	HTML(h, "\" novalidate>\n<input type=\"hidden\" name=\"csrf\" "
	    "value=\"");
	wm_esc_attr_s(&h->out, h->who.csrf);
	HTML(h, "\">\n");
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
wm_admin_place(const struct wm_field_problem *p, struct wm_field_error *e,
    size_t n, char *msg, size_t msg_size)
{
	size_t i, len = strlen(p->field);

	for (i = 0; i < n; i++)
		if (strncmp(e[i].field_id, p->field, len) == 0 &&
		    (e[i].field_id[len] == '\0' ||
		    strcmp(e[i].field_id + len, "-day") == 0))
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
