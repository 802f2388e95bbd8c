#include "web/admin_accounts.h"

#include <stdio.h>
#include <string.h>

#include "util/date.h"
#include "util/escape.h"
#include "web/admin.h"
#include "web/layout.h"

static int
keep_unit(void *ctx, const struct wm_unit_row *row)
{
	struct wm_admin_units *u = ctx;
	struct wm_unit_row *v;
	size_t cap;

	if (u->n == u->cap) {
		cap = u->cap ? u->cap * 2 : 32;
		v = wm_arena_calloc(&u->arena, cap, sizeof(*v));
		if (!v)
			return -1;
		if (u->n)
			memcpy(v, u->v, u->n * sizeof(*v));
		u->v = v;
		u->cap = cap;
	}
	v = &u->v[u->n];
	v->id = row->id;
	v->kind = wm_arena_strdup(&u->arena, row->kind);
	v->code = wm_arena_strdup(&u->arena, row->code);
	v->name = wm_arena_strdup(&u->arena, row->name);
	v->parent_code = NULL;
	v->closed = row->closed ? wm_arena_strdup(&u->arena, row->closed) :
	    NULL;
	if (!v->kind || !v->code || !v->name || (row->closed && !v->closed))
		return -1;
	u->n++;
	return 0;
}

int
wm_admin_units_read(struct wm_http *h, struct wm_admin_units *u)
{
	struct wm_buf err = WM_BUF_INIT;
	int rc = wm_store_unit_list(h->store, keep_unit, u, &err);

	if (rc && !err.len)
		rc = wm_store_out_of_memory(&err);
	rc = wm_page_store_ok(h, rc, &err) ? 0 : -1;
	wm_buf_release(&err);
	return rc;
}

void
wm_admin_units_release(struct wm_admin_units *u)
{
	wm_arena_release(&u->arena);
	u->v = NULL;
	u->n = u->cap = 0;
}

const char *
wm_admin_unit_code(const struct wm_admin_units *u, int64_t id)
{
	size_t i;

	for (i = 0; i < u->n; i++)
		if (u->v[i].id == id)
			return u->v[i].code;
	return NULL;
}

void
wm_admin_sentence(char *out, size_t n, const char *why)
{
	snprintf(out, n, "%s", why);
	if (out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 'a' + 'A');
}

struct wm_actor
wm_admin_actor(const struct wm_http *h)
{
	return (struct wm_actor){ h->who.account_id, h->address, h->now };
}

int
wm_admin_grant_read(struct wm_http *h, struct wm_admin_grant *f,
    struct wm_grant_spec *g)
{
	const char *problem;
	enum wm_role role;

	f->role = wm_form_get(&h->form, "role");
	f->unit = wm_form_get(&h->form, "unit");
	f->group = wm_form_get(&h->form, "group");
	problem = wm_grant_check(f->role, f->unit, f->group, g);
	if (!problem)
		return 0;
	if (!f->role || wm_role_parse(f->role, &role))
		f->role_error = "Choose a role from the list";
	else if (!f->unit || !f->unit[0] || wm_code_problem(f->unit))
		f->unit_error = "Choose a unit from the list";
	else {
		wm_admin_sentence(f->why, sizeof(f->why), problem);
		f->group_error = f->why;
	}
	return -1;
}

void
wm_admin_grant_refused(struct wm_admin_grant *f, int rc, const char *why)
{
	wm_admin_sentence(f->why, sizeof(f->why), why);
	if (rc == WM_STORE_NOT_FOUND)
		f->unit_error = "Choose a unit from the list";
	else if (strstr(why, " is held at ") || strstr(why, " is closed "))
		f->unit_error = f->why;
	else
		f->role_error = f->why;
}

static const enum wm_stakeholder groups[] = {
	WM_STAKEHOLDER_LIVED_EXPERIENCE, WM_STAKEHOLDER_SUPPORTER,
	WM_STAKEHOLDER_PEER_WORKER, WM_STAKEHOLDER_PRACTITIONER,
	WM_STAKEHOLDER_COMMISSIONER,
};

void
wm_admin_grant_fields(struct wm_http *h, const struct wm_admin_units *u,
    const struct wm_admin_grant *f)
{
	struct wm_buf words = WM_BUF_INIT;
	enum wm_role r;
	size_t i;

	wm_admin_select_start(h, "role", "Role", "What they do in Waymark.",
	    f->role_error);
	wm_option(h, "", "Choose a role", f->role);
	for (r = WM_ROLE_PERSON; r <= WM_ROLE_ADMIN; r++)
		wm_option(h, wm_role_name(r), wm_role_words(r), f->role);
	HTML(h, "</select>\n</div>\n");
	wm_admin_select_start(h, "unit", "Where", "A person's, practitioner's, lead's "
	    "or validator's role is held at a service; a commissioner's or "
	    "administrator's at any part of the network.", f->unit_error);
	wm_option(h, "", "Choose where", f->unit);
	for (i = 0; i < u->n; i++) {
		/* A closed unit takes no new role grants: not offered. */
		if (u->v[i].closed)
			continue;
		wm_buf_clear(&words);
		wm_buf_puts(&words, u->v[i].name);
		wm_buf_puts(&words, " (");
		wm_buf_puts(&words, u->v[i].kind);
		wm_buf_puts(&words, ")");
		wm_option(h, u->v[i].code, wm_buf_str(&words), f->unit);
	}
	HTML(h, "</select>\n</div>\n");
	wm_admin_select_start(h, "group", "Stakeholder group (validators only)",
	    "The group a validator speaks for when rating a service's "
	    "standards.", f->group_error);
	wm_option(h, "", "Not a validator", f->group);
	for (i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
		wm_option(h, wm_stakeholder_code(groups[i]),
		    wm_stakeholder_name(groups[i]), f->group);
	HTML(h, "</select>\n</div>\n");
	wm_buf_release(&words);
}

void
wm_admin_grant_words(struct wm_http *h, const struct wm_grant_row *g,
    enum wm_role role)
{
	enum wm_stakeholder group;

	wm_esc_html_s(&h->out, wm_role_words(role));
	if (g->stakeholder && wm_stakeholder_from_code(g->stakeholder,
	    &group) == 0 && group != WM_STAKEHOLDER_NONE) {
		HTML(h, " (");
		wm_esc_html_s(&h->out, wm_stakeholder_name(group));
		HTML(h, ")");
	}
	HTML(h, ", ");
	wm_esc_html_s(&h->out, g->unit_name);
}

struct roles {
	struct wm_http *h;
	const char *sep;
	int n;
};

static int
role_words(void *ctx, const struct wm_grant_row *g)
{
	struct roles *r = ctx;
	struct wm_http *h = r->h;
	enum wm_role role;

	if (wm_role_parse(g->role, &role))
		return 0;
	if (r->n++)
		wm_buf_puts(&h->out, r->sep);
	wm_admin_grant_words(h, g, role);
	return 0;
}

int
wm_admin_roles(struct wm_http *h, int64_t account_id, const char *sep)
{
	struct wm_buf err = WM_BUF_INIT;
	struct roles r = { h, sep, 0 };
	int ok = wm_page_store_ok(h, wm_store_account_grants(h->store,
	    account_id, role_words, &r, &err), &err);

	if (ok && r.n == 0)
		HTML(h, "No roles");
	wm_buf_release(&err);
	return ok ? 0 : -1;
}

void
wm_admin_code_page(struct wm_http *h, const char *title, const char *name,
    int64_t id, const char *code)
{
	char href[48], until[40];

	snprintf(href, sizeof(href), "/admin/accounts/%lld", (long long)id);
	wm_epoch_words(h->now + WM_SETUP_CODE_SECONDS, until, sizeof(until));
	wm_page_start_back(h, title, "/admin/accounts", "Back to accounts");
	HTML(h, "<div class=\"nhsuk-inset-text\">\n<span class=\"nhsuk-u-"
	    "visually-hidden\">Information: </span>\n<p>Give ");
	wm_esc_html_s(&h->out, name);
	HTML(h, " this setup code, in person or by phone. It is shown only "
	    "once.</p>\n<p class=\"nhsuk-heading-l\" id=\"setup-code\">");
	wm_esc_html_s(&h->out, code);
	HTML(h, "</p>\n<p>They choose their password with it at <strong>/setup"
	    "</strong> (the link on the sign-in page). It works once, until ");
	wm_esc_html_s(&h->out, until);
	HTML(h, ".</p>\n</div>\n<p class=\"nhsuk-body\"><a href=\"");
	wm_esc_attr_s(&h->out, href);
	HTML(h, "\">The account's page</a>: give more roles, or a new code.</p>"
	    "\n");
	wm_page_end(h);
}
