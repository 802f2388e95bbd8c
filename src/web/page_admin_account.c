/*
 * One account, for an administrator: who it is, its roles, when it last
 * signed in and whether it is active, and what can be done to it: give
 * a role (with a validator's stakeholder group), remove one, give a new
 * setup code, deactivate and reactivate. Removing a role and
 * deactivating take access away at once, so both ask first
 * (web/confirm.h). Never anything of a person's record: an account that
 * belongs to a person shows only their identifier. Every change goes
 * through store/accounts.h and is audited there.
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "util/date.h"
#include "util/escape.h"
#include "web/admin_accounts.h"
#include "web/confirm.h"
#include "web/layout.h"

/* The account the path names, copied out of the store's row. */
struct account {
	int64_t id;
	struct wm_buf name, email, person, last_signin, deactivated, expires;
	int64_t expires_at;
	int found;
};

#define ACCOUNT_INIT { 0, WM_BUF_INIT, WM_BUF_INIT, WM_BUF_INIT, \
	WM_BUF_INIT, WM_BUF_INIT, WM_BUF_INIT, 0, 0 }

static void
account_release(struct account *a)
{
	wm_buf_release(&a->name);
	wm_buf_release(&a->email);
	wm_buf_release(&a->person);
	wm_buf_release(&a->last_signin);
	wm_buf_release(&a->deactivated);
	wm_buf_release(&a->expires);
}

static void
put(struct wm_buf *b, const char *s)
{
	if (s)
		wm_buf_puts(b, s);
}

static int
keep(void *ctx, const struct wm_account_row *r)
{
	struct account *a = ctx;

	a->found = 1;
	put(&a->name, r->name);
	put(&a->email, r->email);
	put(&a->person, r->person);
	put(&a->last_signin, r->last_signin);
	put(&a->deactivated, r->deactivated);
	put(&a->expires, r->setup_expires);
	a->expires_at = r->setup_expires_at;
	return 1;
}

/* The account the path's {id} names; 0, or -1 with a 404 or the store's
 * failure answered. */
static int
account_read(struct wm_http *h, struct account *a)
{
	struct wm_buf err = WM_BUF_INIT;
	int ok;

	a->id = wm_route_number(&h->match, "id");
	ok = a->id > 0 && wm_page_store_ok(h, wm_store_account_get(h->store,
	    a->id, keep, a, &err), &err);
	wm_buf_release(&err);
	if (ok && !a->found)
		wm_page_not_found(h);
	return ok && a->found ? 0 : -1;
}

static void
href(struct wm_buf *b, const struct account *a, const char *tail)
{
	wm_buf_printf(b, "/admin/accounts/%lld", (long long)a->id);
	wm_buf_puts(b, tail);
}

/* A form of one button, POSTing to the account's path + tail, with
 * hidden fields (name, value pairs, NULL-ended). */
static void
button(struct wm_http *h, const struct account *a, const char *tail,
    const char *words, int warning, const char *const *hidden)
{
	struct wm_buf to = WM_BUF_INIT;

	href(&to, a, tail);
	wm_post_form_start(h, wm_buf_str(&to));
	for (; hidden && hidden[0]; hidden += 2) {
		HTML(h, "<input type=\"hidden\" name=\"");
		wm_esc_attr_s(&h->out, hidden[0]);
		HTML(h, "\" value=\"");
		wm_esc_attr_s(&h->out, hidden[1]);
		HTML(h, "\">\n");
	}
	HTML(h, "<button class=\"nhsuk-button nhsuk-button--secondary");
	if (warning)
		HTML(h, " nhsuk-button--warning");
	HTML(h, " nhsuk-u-margin-bottom-2\" type=\"submit\">");
	wm_esc_html_s(&h->out, words);
	HTML(h, "</button>\n</form>\n");
	wm_buf_release(&to);
}

static void
summary_row(struct wm_http *h, const char *key, const char *value)
{
	HTML(h, "<div class=\"nhsuk-summary-list__row\">\n<dt class=\""
	    "nhsuk-summary-list__key\">");
	wm_esc_html_s(&h->out, key);
	HTML(h, "</dt>\n<dd class=\"nhsuk-summary-list__value "
	    "nhsuk-u-text-break-word\">");
	wm_esc_html_s(&h->out, value);
	HTML(h, "</dd>\n</div>\n");
}

static void
summary(struct wm_http *h, const struct account *a)
{
	char words[40], line[80];

	HTML(h, "<dl class=\"nhsuk-summary-list\">\n");
	summary_row(h, "Email", wm_buf_str(&a->email));
	if (a->person.len)
		summary_row(h, "Person identifier", wm_buf_str(&a->person));
	if (a->deactivated.len) {
		wm_datetime_words(wm_buf_str(&a->deactivated), words,
		    sizeof(words));
		snprintf(line, sizeof(line), "Deactivated on %s", words);
		summary_row(h, "State", line);
	} else
		summary_row(h, "State", "Active");
	if (a->last_signin.len)
		wm_datetime_words(wm_buf_str(&a->last_signin), words,
		    sizeof(words));
	summary_row(h, "Last signed in", a->last_signin.len ? words :
	    "Not signed in yet");
	if (a->expires.len) {
		wm_datetime_words(wm_buf_str(&a->expires), words,
		    sizeof(words));
		snprintf(line, sizeof(line), "%s %s", a->expires_at > h->now ?
		    "Unused, works until" : "Ran out on", words);
		summary_row(h, "Setup code", line);
	} else {
		summary_row(h, "Setup code", "None waiting");
	}
	HTML(h, "</dl>\n");
}

struct roles {
	struct wm_http *h;
	const struct account *a;
	const struct wm_admin_units *u;
	int n;
};

static int
role_row(void *ctx, const struct wm_grant_row *g)
{
	struct roles *r = ctx;
	struct wm_http *h = r->h;
	const char *unit = wm_admin_unit_code(r->u, g->unit_id);
	const char *hidden[] = { "role", g->role, "unit", unit, NULL };
	enum wm_role role;

	if (wm_role_parse(g->role, &role) || !unit)
		return 0;
	if (!r->n++)
		HTML(h, "<ul class=\"nhsuk-list\">\n");
	HTML(h, "<li>");
	wm_admin_grant_words(h, g, role);
	HTML(h, "\n");
	button(h, r->a, "/roles/remove", "Remove this role", 0, hidden);
	HTML(h, "</li>\n");
	return 0;
}

static int
roles(struct wm_http *h, const struct account *a,
    const struct wm_admin_units *u)
{
	struct wm_buf err = WM_BUF_INIT;
	struct roles r = { h, a, u, 0 };
	int ok;

	HTML(h, "<h2 class=\"nhsuk-heading-m\">Roles</h2>\n");
	ok = wm_page_store_ok(h, wm_store_account_grants(h->store, a->id,
	    role_row, &r, &err), &err);
	if (ok && r.n)
		HTML(h, "</ul>\n");
	else if (ok)
		HTML(h, "<p class=\"nhsuk-body\">No roles: the account can "
		    "sign in, and read only what a person shares with it if it "
		    "is their supporter.</p>\n");
	wm_buf_release(&err);
	return ok ? 0 : -1;
}

static void
grant_form(struct wm_http *h, const struct account *a,
    const struct wm_admin_units *u, const struct wm_admin_grant *f)
{
	struct wm_buf to = WM_BUF_INIT;

	href(&to, a, "/roles");
	HTML(h, "<h2 class=\"nhsuk-heading-m\">Give a role</h2>\n");
	wm_post_form_start(h, wm_buf_str(&to));
	wm_admin_grant_fields(h, u, f);
	HTML(h, "<button class=\"nhsuk-button\" type=\"submit\">Give the role"
	    "</button>\n</form>\n");
	wm_buf_release(&to);
}

static int
access_part(struct wm_http *h, const struct account *a)
{
	struct wm_buf err = WM_BUF_INIT;
	int supporter = 0;

	if (!wm_page_store_ok(h, wm_store_account_supporter(h->store, a->id,
	    &supporter, &err), &err)) {
		wm_buf_release(&err);
		return -1;
	}
	wm_buf_release(&err);
	HTML(h, "<h2 class=\"nhsuk-heading-m\">Signing in</h2>\n");
	/* A supporter's codes come from the person they support alone:
	 * one from anyone else would let its giver read as them. */
	if (supporter)
		HTML(h, "<p class=\"nhsuk-body\">This is a supporter's "
		    "account: only the person who invited them can give them a "
		    "new setup code.</p>\n");
	else {
		HTML(h, "<p class=\"nhsuk-body\">Someone who has forgotten "
		    "their password gets a new setup code. Their old password "
		    "keeps working until they use it.</p>\n");
		button(h, a, "/setup-code", "Give a new setup code", 0, NULL);
	}
	if (a->deactivated.len)
		button(h, a, "/reactivate", "Reactivate the account", 0, NULL);
	else if (a->id == h->who.account_id)
		HTML(h, "<p class=\"nhsuk-body\">This is your own account: you "
		    "cannot deactivate it, or remove your administrator role, "
		    "since you would be shut out with no way back in. Another "
		    "administrator can.</p>\n");
	else
		button(h, a, "/deactivate", "Deactivate the account", 1, NULL);
	return 0;
}

/* The whole page, with the grant form's problems (f may be NULL). */
static void
account_page(struct wm_http *h, const struct account *a,
    const struct wm_admin_grant *f)
{
	struct wm_admin_units u = WM_ADMIN_UNITS_INIT;
	struct wm_admin_grant none;
	const struct wm_field_error e[] = {
		{ "role", f ? f->role_error : NULL },
		{ "unit", f ? f->unit_error : NULL },
		{ "group", f ? f->group_error : NULL },
	};

	memset(&none, 0, sizeof(none));
	if (wm_admin_units_read(h, &u))
		return;
	wm_page_start_back(h, wm_buf_str(&a->name), "/admin/accounts",
	    "Back to accounts");
	if (f)
		wm_error_summary_list(h, e, sizeof(e) / sizeof(e[0]));
	summary(h, a);
	if (roles(h, a, &u) == 0) {
		grant_form(h, a, &u, f ? f : &none);
		if (access_part(h, a) == 0)
			wm_page_end(h);
	}
	wm_admin_units_release(&u);
}

/* GET /admin/accounts/{id} */
void
wm_page_admin_account(struct wm_http *h)
{
	struct account a = ACCOUNT_INIT;

	if (account_read(h, &a) == 0)
		account_page(h, &a, NULL);
	account_release(&a);
}

/* After a change: back to the account's page; a refusal by a rule said
 * on a page of its own with the way back; a failure answered. */
static void
changed(struct wm_http *h, const struct account *a, int rc,
    const struct wm_buf *err)
{
	struct wm_buf to = WM_BUF_INIT;
	char why[300];

	href(&to, a, "");
	if (rc == 0)
		wm_http_redirect(h, wm_buf_str(&to));
	else if (rc == WM_STORE_ERROR)
		wm_page_store_error(h, rc, wm_buf_str(err));
	else {
		wm_admin_sentence(why, sizeof(why), wm_buf_str(err));
		wm_page_error_on(h, 409, "That cannot be done", why, NULL,
		    wm_buf_str(&to), "Back to the account");
	}
	wm_buf_release(&to);
}

/* POST /admin/accounts/{id}/roles: role, unit, group. */
void
wm_page_admin_grant(struct wm_http *h)
{
	struct account a = ACCOUNT_INIT;
	struct wm_actor by = wm_admin_actor(h);
	struct wm_buf err = WM_BUF_INIT;
	struct wm_admin_grant f;
	struct wm_grant_spec g;
	int rc;

	memset(&f, 0, sizeof(f));
	if (account_read(h, &a))
		goto out;
	if (wm_admin_grant_read(h, &f, &g) == 0) {
		rc = wm_account_grant(h->store, &by, a.id, &g, &err);
		if (rc == 0 || rc == WM_STORE_ERROR) {
			changed(h, &a, rc, &err);
			goto out;
		}
		wm_admin_grant_refused(&f, rc, wm_buf_str(&err));
	}
	h->status = 400;
	account_page(h, &a, &f);
out:
	account_release(&a);
	wm_buf_release(&err);
}

/* Removing a role and deactivating take access away at once, so ask
 * first; what core says an administrator may not do to their own
 * account is refused at once, since there is no point confirming it.
 * 1: go on. */
static int
ask_first(struct wm_http *h, const struct account *a,
    enum wm_account_change change, enum wm_role role, const char *title,
    const char *happens, const char *yes)
{
	const char *problem = wm_account_change_problem(h->who.account_id,
	    a->id, change, role);
	struct wm_buf back = WM_BUF_INIT, err = WM_BUF_INIT;
	struct wm_confirm c;
	int ok = 0;

	if (problem) {
		wm_buf_puts(&err, problem);
		changed(h, a, WM_STORE_CONFLICT, &err);
	} else {
		href(&back, a, "");
		c = (struct wm_confirm){ title, happens, yes,
		    wm_buf_str(&back) };
		ok = wm_confirmed(h, &c);
	}
	wm_buf_release(&back);
	wm_buf_release(&err);
	return ok;
}

/* POST /admin/accounts/{id}/roles/remove: role, unit. */
void
wm_page_admin_revoke(struct wm_http *h)
{
	const char *role = wm_form_get(&h->form, "role");
	const char *unit = wm_form_get(&h->form, "unit");
	struct account a = ACCOUNT_INIT;
	struct wm_actor by = wm_admin_actor(h);
	struct wm_buf err = WM_BUF_INIT, title = WM_BUF_INIT;
	struct wm_grant_spec g = { .group = WM_STAKEHOLDER_NONE };
	enum wm_role r;

	if (account_read(h, &a))
		goto out;
	if (!role || wm_role_parse(role, &r) || !unit || wm_code_problem(unit) ||
	    strlen(unit) >= sizeof(g.unit)) {
		wm_page_error_on(h, 400, "That cannot be done", "Choose a role "
		    "the account holds.", NULL, "/admin/accounts",
		    "Back to accounts");
		goto out;
	}
	wm_buf_printf(&title, "Remove the %s role from ", wm_role_words(r));
	wm_buf_puts(&title, wm_buf_str(&a.name));
	wm_buf_puts(&title, "?");
	if (ask_first(h, &a, WM_CHANGE_REVOKE, r, wm_buf_str(&title), "They "
	    "lose what the role lets them see and do at once, from their next "
	    "page. You can give the role again later.", "Yes, remove it"))
	{
		g.role = r;
		memcpy(g.unit, unit, strlen(unit) + 1);
		changed(h, &a, wm_account_revoke(h->store, &by, a.id, &g,
		    &err), &err);
	}
out:
	account_release(&a);
	wm_buf_release(&err);
	wm_buf_release(&title);
}

/* POST /admin/accounts/{id}/deactivate */
void
wm_page_admin_deactivate(struct wm_http *h)
{
	struct account a = ACCOUNT_INIT;
	struct wm_actor by = wm_admin_actor(h);
	struct wm_buf err = WM_BUF_INIT, title = WM_BUF_INIT;

	if (account_read(h, &a))
		goto out;
	wm_buf_puts(&title, "Deactivate ");
	wm_buf_puts(&title, wm_buf_str(&a.name));
	wm_buf_puts(&title, "'s account?");
	if (ask_first(h, &a, WM_CHANGE_DEACTIVATE, WM_ROLE_ADMIN,
	    wm_buf_str(&title), "They are signed out everywhere at once and "
	    "cannot sign in, nor use a setup code, until the account is "
	    "reactivated. Everything recorded stays.", "Yes, deactivate it"))
		changed(h, &a, wm_account_deactivate(h->store, &by, a.id, &err),
		    &err);
out:
	account_release(&a);
	wm_buf_release(&err);
	wm_buf_release(&title);
}

/* POST /admin/accounts/{id}/reactivate */
void
wm_page_admin_reactivate(struct wm_http *h)
{
	struct account a = ACCOUNT_INIT;
	struct wm_actor by = wm_admin_actor(h);
	struct wm_buf err = WM_BUF_INIT;

	if (account_read(h, &a) == 0)
		changed(h, &a, wm_account_reactivate(h->store, &by, a.id, &err),
		    &err);
	account_release(&a);
	wm_buf_release(&err);
}

/* POST /admin/accounts/{id}/setup-code: the new code, shown once. */
void
wm_page_admin_setup_code(struct wm_http *h)
{
	struct account a = ACCOUNT_INIT;
	struct wm_actor by = wm_admin_actor(h);
	struct wm_buf err = WM_BUF_INIT;
	char code[WM_SETUP_CODE_LEN + 1];
	int rc;

	if (account_read(h, &a))
		goto out;
	rc = wm_account_setup_code(h->store, &by, a.id, code, &err);
	if (rc)
		changed(h, &a, rc, &err);
	else
		wm_admin_code_page(h, "New setup code", wm_buf_str(&a.name),
		    a.id, code);
out:
	account_release(&a);
	wm_buf_release(&err);
}
