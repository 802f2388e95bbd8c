/*
 * The network's settings, for its administrator: every setting `waymark
 * network set` takes, shown with its value now and changed with the
 * same checks and messages (wm_admin_settings_set). Only the settings
 * whose value the form changes are written.
 *
 *   GET  /admin/settings
 *   POST /admin/settings   period-months, validators, groups, disclosure,
 *                          crisis-contacts
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/disclosure.h"
#include "core/plan.h"
#include "core/validation.h"
#include "util/escape.h"
#include "web/admin.h"

/* The settings in force, as text, as the form shows them. */
struct now {
	char months[8], validators[8], groups[8];
	const char *disclosure;
	char contacts[2048];	/* the services anyone can contact */
};

static int
read_now(struct wm_http *h, struct now *n)
{
	struct wm_validation_rule rule;
	struct wm_buf err = WM_BUF_INIT;
	enum wm_disclosure_rule d;
	int months, rc;

	if ((rc = wm_store_standards_months(h->store, &months, &err)) ||
	    (rc = wm_store_validation_rule(h->store, &rule, &err)) ||
	    (rc = wm_store_disclosure_rule(h->store, &d, &err))) {
		wm_page_store_error(h, rc, wm_buf_str(&err));
		wm_buf_release(&err);
		return -1;
	}
	snprintf(n->months, sizeof(n->months), "%d", months);
	snprintf(n->validators, sizeof(n->validators), "%d",
	    rule.min_validators);
	snprintf(n->groups, sizeof(n->groups), "%d", rule.min_groups);
	n->disclosure = wm_disclosure_name(d);
	rc = wm_store_setting_get(h->store, WM_CRISIS_CONTACTS_SETTING,
	    n->contacts, sizeof(n->contacts), &err);
	if (rc == WM_STORE_NOT_FOUND)
		snprintf(n->contacts, sizeof(n->contacts), "%s",
		    WM_CRISIS_CONTACTS_DEFAULT);
	else if (rc) {
		wm_page_store_error(h, rc, wm_buf_str(&err));
		wm_buf_release(&err);
		return -1;
	}
	wm_buf_release(&err);
	return 0;
}

enum { F_MONTHS, F_VALIDATORS, F_GROUPS, F_DISCLOSURE, F_CONTACTS,
	N_FIELDS };

/* The services anyone can contact day or night, one a line, as every
 * safety plan shows them. */
static void
contacts_field(struct wm_http *h, const struct now *n, const char *problem)
{
	static const char hint[] = "Shown in every person's safety plan and "
	    "on its wallet card: one service a line, with how to reach it, at "
	    "most 10.";
	const char *v = wm_form_get(&h->form, "crisis-contacts");

	HTML(h, "<h2 class=\"nhsuk-heading-m\">People's safety plans</h2>\n");
	wm_form_group_start(h, "crisis-contacts", "Services anyone can "
	    "contact, day or night", hint, problem);
	HTML(h, "<textarea class=\"nhsuk-textarea");
	if (problem)
		HTML(h, " nhsuk-textarea--error");
	HTML(h, "\" id=\"crisis-contacts\" name=\"crisis-contacts\" "
	    "rows=\"4\"");
	wm_described_by(h, "crisis-contacts", hint, problem);
	HTML(h, ">");
	wm_esc_html_s(&h->out, v ? v : n->contacts);
	HTML(h, "</textarea>\n</div>\n");
}

static void
months_field(struct wm_http *h, const struct now *n, const char *problem)
{
	static const char *const lengths[] = { "1", "2", "3", "4", "6", "12" };
	const char *chosen = wm_form_get(&h->form, "period-months");
	size_t i;

	if (!chosen)
		chosen = n->months;
	wm_form_group_start(h, "period-months", "Standards period, in months",
	    "How long each self-assessment period of the 10 core standards "
	    "is. It can change only at the turn of the year, once this "
	    "year's periods are under way.", problem);
	HTML(h, "<select class=\"nhsuk-select\" id=\"period-months\" name=\""
	    "period-months\" aria-describedby=\"period-months-hint\">\n");
	for (i = 0; i < sizeof(lengths) / sizeof(lengths[0]); i++) {
		HTML(h, "<option value=\"");
		wm_esc_attr_s(&h->out, lengths[i]);
		HTML(h, "\"");
		if (strcmp(chosen, lengths[i]) == 0)
			HTML(h, " selected");
		HTML(h, ">");
		wm_esc_html_s(&h->out, lengths[i]);
		if (strcmp(lengths[i], "3") == 0)
			HTML(h, " (quarterly)");
		HTML(h, "</option>\n");
	}
	HTML(h, "</select>\n</div>\n");
}

static void
disclosure_field(struct wm_http *h, const struct now *n, const char *problem)
{
	static const char *const rules[][2] = {
		{ "mhsds", "NHS England's MHSDS rule (the default): counts of "
		    "0 to 4 withheld, others rounded to the nearest 5" },
		{ "hes", "The stricter HES rule: counts of 1 to 7 withheld" },
		{ "none", "None: for the network's own analysts on the command "
		    "line only; the web pages and the API then publish no "
		    "figures for commissioners" },
	};
	const char *chosen = wm_form_get(&h->form, "disclosure");
	size_t i;

	if (!chosen)
		chosen = n->disclosure;
	HTML(h, "<div class=\"nhsuk-form-group");
	if (problem)
		HTML(h, " nhsuk-form-group--error");
	HTML(h, "\">\n<fieldset class=\"nhsuk-fieldset\">\n<legend class=\""
	    "nhsuk-fieldset__legend nhsuk-fieldset__legend--s\">Small numbers "
	    "in figures for commissioners</legend>\n");
	wm_field_notes(h, "disclosure", NULL, problem);
	HTML(h, "<div class=\"nhsuk-radios\">\n");
	for (i = 0; i < 3; i++) {
		HTML(h, "<div class=\"nhsuk-radios__item\">\n<input class=\""
		    "nhsuk-radios__input\" type=\"radio\" name=\"disclosure\" "
		    "id=\"disclosure");
		if (i)
			wm_esc_attr_s(&h->out, rules[i][0]);
		HTML(h, "\" value=\"");
		wm_esc_attr_s(&h->out, rules[i][0]);
		HTML(h, "\"");
		if (strcmp(chosen, rules[i][0]) == 0)
			HTML(h, " checked");
		HTML(h, ">\n<label class=\"nhsuk-label nhsuk-radios__label\" "
		    "for=\"disclosure");
		if (i)
			wm_esc_attr_s(&h->out, rules[i][0]);
		HTML(h, "\">");
		wm_esc_html_s(&h->out, rules[i][1]);
		HTML(h, "</label>\n</div>\n");
	}
	HTML(h, "</div>\n</fieldset>\n</div>\n");
}

static void
settings_page(struct wm_http *h, const struct now *n,
    const struct wm_field_error *e)
{
	wm_admin_page_start(h, "Network settings");
	wm_admin_errors(h, e, N_FIELDS);
	HTML(h, "<p class=\"nhsuk-body\">The settings every service's "
	    "standards work and every figure for commissioners follow. The "
	    "command line's <code>waymark network set</code> changes the "
	    "same settings, with the same checks.</p>\n");
	wm_post_form_start(h, "/admin/settings");
	months_field(h, n, e[F_MONTHS].message);
	HTML(h, "<h2 class=\"nhsuk-heading-m\">When a standard counts as "
	    "validated</h2>\n");
	wm_admin_text(h, "validators", "Validators needed", "How many "
	    "validators must rate a standard: a whole number from 1 to 20.",
	    e[F_VALIDATORS].message, n->validators, "nhsuk-input--width-2");
	wm_admin_text(h, "groups", "Stakeholder groups among them", "From how "
	    "many different groups (people with lived experience, supporters, "
	    "peer workers, practitioners, commissioners): no more than the "
	    "validators needed.", e[F_GROUPS].message, n->groups,
	    "nhsuk-input--width-2");
	disclosure_field(h, n, e[F_DISCLOSURE].message);
	contacts_field(h, n, e[F_CONTACTS].message);
	HTML(h, "<button class=\"nhsuk-button\" type=\"submit\">Save settings"
	    "</button>\n</form>\n");
	wm_page_end(h);
}

void
wm_page_admin_settings(struct wm_http *h)
{
	struct wm_field_error e[N_FIELDS] = { { "period-months", NULL },
	    { "validators", NULL }, { "groups", NULL },
	    { "disclosure", NULL }, { "crisis-contacts", NULL } };
	struct now n;

	if (read_now(h, &n) == 0)
		settings_page(h, &n, e);
}

/* The posted value of a setting when it differs from the one now, else
 * NULL (not changed). */
static const char *
changed(struct wm_http *h, const char *name, const char *now)
{
	const char *v = wm_form_get(&h->form, name);

	return v && strcmp(v, now) != 0 ? v : NULL;
}

void
wm_page_admin_settings_save(struct wm_http *h)
{
	struct wm_field_error e[N_FIELDS] = { { "period-months", NULL },
	    { "validators", NULL }, { "groups", NULL },
	    { "disclosure", NULL }, { "crisis-contacts", NULL } };
	struct wm_field_problem p = { 0 };
	struct wm_settings_change c;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_admin_by by;
	struct wm_date today;
	struct now n;
	char msg[256];
	int rc;

	if (read_now(h, &n))
		return;
	c = (struct wm_settings_change){ changed(h, "period-months", n.months),
	    changed(h, "validators", n.validators),
	    changed(h, "groups", n.groups),
	    changed(h, "disclosure", n.disclosure),
	    changed(h, "crisis-contacts", n.contacts) };
	wm_admin_by(h, &today, &by);
	rc = wm_admin_settings_set(h->store, &by, &c, &p, &err);
	if (rc == WM_ADMIN_REFUSED || rc == WM_ADMIN_CONFLICT) {
		wm_admin_place(&p, "", e, N_FIELDS, msg, sizeof(msg));
		h->status = 400;
		settings_page(h, &n, e);
	} else if (wm_page_store_ok(h, rc, &err))
		wm_http_redirect(h, "/admin/settings");
	wm_buf_release(&err);
}
