/*
 * The network tree, for its administrator: the network, its providers
 * and their services as a nested list; adding a provider or a service;
 * renaming one; closing one, which cannot be undone and so is asked
 * first. Every change is store/admin.h's, as `waymark unit add | rename
 * | close` make it: the same checks, messages and audit entries.
 *
 *   GET  /admin/network                 the tree, and the form to add
 *   POST /admin/network                 kind, code, name, parent
 *   GET  /admin/network/{code}          one unit: rename it, close it
 *   POST /admin/network/{code}/name     name
 *   POST /admin/network/{code}/close    confirm
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "util/escape.h"
#include "web/admin.h"
#include "web/confirm.h"

#define MAX_DEPTH 8

/* The tree as a nested list: the rows come depth first, so a unit's
 * place is found by closing items until its parent's is open. */
struct tree {
	struct wm_http *h;
	char open[MAX_DEPTH][65];	/* the codes of the items open */
	int has_list[MAX_DEPTH];	/* ... each with its children's list */
	int depth;
	int started;		/* the outer list is open */
	const char *chosen;	/* the add form's parent, selected; when
				 * none, the first provider (a service is
				 * what is most often added) */
	int selected;		/* ... which is selected already */
};

/* Closes the innermost open item, and its children's list. */
static void
tree_close_one(struct tree *t)
{
	t->depth--;
	if (t->has_list[t->depth])
		HTML(t->h, "</ul>\n");
	HTML(t->h, "</li>\n");
}

static void
unit_href(struct wm_buf *out, const char *code, const char *tail)
{
	wm_buf_puts(out, "/admin/network/");
	wm_esc_url_s(out, code);
	wm_buf_puts(out, tail);
}

/* "Service, closed from 6 December 2026": what a unit is, in words. */
static void
unit_state(struct wm_http *h, const struct wm_unit_row *u)
{
	char when[40], kind[16];

	wm_esc_html_s(&h->out, wm_admin_say(u->kind, kind, sizeof(kind)));
	HTML(h, ", code ");
	wm_esc_html_s(&h->out, u->code);
	if (u->closed) {
		wm_admin_date_words(u->closed, when, sizeof(when));
		HTML(h, ", closed from ");
		wm_esc_html_s(&h->out, when);
	}
}

static int
tree_row(void *ctx, const struct wm_unit_row *u)
{
	struct tree *t = ctx;
	struct wm_http *h = t->h;
	struct wm_buf href = WM_BUF_INIT;

	while (t->depth > 0 && (!u->parent_code ||
	    strcmp(t->open[t->depth - 1], u->parent_code) != 0))
		tree_close_one(t);
	if (t->depth == MAX_DEPTH)
		return 0;
	if (t->depth > 0 && !t->has_list[t->depth - 1]) {
		HTML(h, "<ul class=\"nhsuk-list nhsuk-list--bullet\">\n");
		t->has_list[t->depth - 1] = 1;
	} else if (t->depth == 0 && !t->started) {
		HTML(h, "<ul class=\"nhsuk-list\">\n");
		t->started = 1;
	}
	snprintf(t->open[t->depth], sizeof(t->open[0]), "%s", u->code);
	t->has_list[t->depth++] = 0;
	unit_href(&href, u->code, "");
	HTML(h, "<li><a href=\"");
	wm_esc_attr_s(&h->out, wm_buf_str(&href));
	HTML(h, "\">");
	wm_esc_html_s(&h->out, u->name);
	HTML(h, "</a> <span class=\"nhsuk-body-s\">(");
	unit_state(h, u);
	HTML(h, ")</span>\n");
	wm_buf_release(&href);
	return 0;
}

/* A choice of parent: the network and each open provider. */
static int
parent_option(void *ctx, const struct wm_unit_row *u)
{
	struct tree *t = ctx;
	struct wm_http *h = t->h;

	if (u->closed || strcmp(u->kind, "service") == 0)
		return 0;
	HTML(h, "<option value=\"");
	wm_esc_attr_s(&h->out, u->code);
	HTML(h, "\"");
	if ((t->chosen && strcmp(t->chosen, u->code) == 0) ||
	    (!t->chosen && !t->selected && strcmp(u->kind, "provider") == 0)) {
		HTML(h, " selected");
		t->selected = 1;
	}
	HTML(h, ">");
	wm_esc_html_s(&h->out, u->name);
	if (strcmp(u->kind, "network") == 0)
		HTML(h, " (the network)");
	else
		HTML(h, " (a provider)");
	HTML(h, "</option>\n");
	return 0;
}

enum { F_KIND, F_CODE, F_NAME, F_PARENT, N_ADD };

static void
kind_radios(struct wm_http *h, const char *problem)
{
	static const char *const kinds[][2] = {
		{ "service", "A service (in a provider)" },
		{ "provider", "A provider (in the network)" },
	};
	const char *chosen = wm_form_get(&h->form, "kind");
	size_t i;

	HTML(h, "<div class=\"nhsuk-form-group");
	if (problem)
		HTML(h, " nhsuk-form-group--error");
	HTML(h, "\">\n<fieldset class=\"nhsuk-fieldset\">\n<legend class=\""
	    "nhsuk-fieldset__legend nhsuk-fieldset__legend--s\">What to add"
	    "</legend>\n");
	if (problem) {
		HTML(h, "<span class=\"nhsuk-error-message\" id=\"kind-error\">"
		    "<span class=\"nhsuk-u-visually-hidden\">Error:</span> ");
		wm_esc_html_s(&h->out, problem);
		HTML(h, "</span>\n");
	}
	HTML(h, "<div class=\"nhsuk-radios\">\n");
	for (i = 0; i < 2; i++) {
		HTML(h, "<div class=\"nhsuk-radios__item\">\n<input class=\""
		    "nhsuk-radios__input\" type=\"radio\" name=\"kind\" id=\"");
		HTML(h, "kind");
		if (i)
			HTML(h, "-2");
		HTML(h, "\" value=\"");
		wm_esc_attr_s(&h->out, kinds[i][0]);
		HTML(h, "\"");
		if ((chosen && strcmp(chosen, kinds[i][0]) == 0) ||
		    (!chosen && i == 0))
			HTML(h, " checked");
		HTML(h, ">\n<label class=\"nhsuk-label nhsuk-radios__label\" "
		    "for=\"");
		HTML(h, "kind");
		if (i)
			HTML(h, "-2");
		HTML(h, "\">");
		wm_esc_html_s(&h->out, kinds[i][1]);
		HTML(h, "</label>\n</div>\n");
	}
	HTML(h, "</div>\n</fieldset>\n</div>\n");
}

static void
add_form(struct wm_http *h, const struct wm_field_error *e)
{
	struct tree t = { h, { { 0 } }, { 0 }, 0, 0,
	    wm_form_get(&h->form, "parent"), 0 };
	struct wm_buf err = WM_BUF_INIT;

	HTML(h, "<h2 class=\"nhsuk-heading-m\" id=\"add\">Add a provider or "
	    "a service</h2>\n");
	wm_post_form_start(h, "/admin/network");
	kind_radios(h, e[F_KIND].message);
	wm_admin_text(h, "code", "Code", "A short code that never changes: "
	    "lower-case letters, digits and '-', for example "
	    "exbridge-recovery.", e[F_CODE].message, NULL,
	    "nhsuk-input--width-20");
	wm_admin_text(h, "name", "Name", "The name people know it by.",
	    e[F_NAME].message, NULL, "");
	wm_form_group_start(h, "parent", "Belongs to", "A service belongs to "
	    "a provider; a provider to the network.", e[F_PARENT].message);
	HTML(h, "<select class=\"nhsuk-select\" id=\"parent\" name=\"parent\" "
	    "aria-describedby=\"parent-hint\">\n");
	wm_page_store_ok(h, wm_store_unit_list(h->store, parent_option, &t,
	    &err), &err);
	HTML(h, "</select>\n</div>\n<button class=\"nhsuk-button\" type=\""
	    "submit\">Add</button>\n</form>\n");
	wm_buf_release(&err);
}

static void
tree_page(struct wm_http *h, const struct wm_field_error *e)
{
	struct tree t = { h, { { 0 } }, { 0 }, 0, 0, NULL, 0 };
	struct wm_buf err = WM_BUF_INIT;

	wm_admin_page_start(h, "The network's providers and services");
	wm_admin_errors(h, e, N_ADD);
	HTML(h, "<p class=\"nhsuk-body\">The network, its providers and their "
	    "services. Choose one to rename or close it. A closed service "
	    "keeps its history in every report, but takes no one new.</p>\n");
	if (wm_page_store_ok(h, wm_store_unit_list(h->store, tree_row, &t,
	    &err), &err)) {
		while (t.depth > 0)
			tree_close_one(&t);
		if (t.started)
			HTML(h, "</ul>\n");
		add_form(h, e);
	}
	wm_page_end(h);
	wm_buf_release(&err);
}

void
wm_page_admin_network(struct wm_http *h)
{
	struct wm_field_error e[N_ADD] = { { "kind", NULL },
	    { "code", NULL }, { "name", NULL }, { "parent", NULL } };

	tree_page(h, e);
}

/* After a change to the unit `code`: to its page, or the refusal shown
 * by `again` at its field (400), or the store's failure. */
static void
changed(struct wm_http *h, int rc, const char *code,
    const struct wm_field_problem *p, const struct wm_buf *err,
    void (*again)(struct wm_http *, const struct wm_field_problem *))
{
	struct wm_buf next = WM_BUF_INIT;

	if (rc == WM_ADMIN_REFUSED || rc == WM_ADMIN_CONFLICT) {
		h->status = 400;
		again(h, p);
	} else if (rc)
		wm_page_store_error(h, rc, wm_buf_str(err));
	else {
		unit_href(&next, code, "");
		wm_http_redirect(h, wm_buf_str(&next));
	}
	wm_buf_release(&next);
}

static void
add_again(struct wm_http *h, const struct wm_field_problem *p)
{
	struct wm_field_error e[N_ADD] = { { "kind", NULL },
	    { "code", NULL }, { "name", NULL }, { "parent", NULL } };
	char msg[256];

	wm_admin_place(p, "", e, N_ADD, msg, sizeof(msg));
	tree_page(h, e);
}

void
wm_page_admin_unit_add(struct wm_http *h)
{
	const char *kind = wm_form_get(&h->form, "kind");
	const char *code = wm_form_get(&h->form, "code");
	const char *name = wm_form_get(&h->form, "name");
	const char *parent = wm_form_get(&h->form, "parent");
	struct wm_field_problem p = { 0 };
	struct wm_buf err = WM_BUF_INIT;
	struct wm_admin_by by;
	struct wm_date today;
	int rc;

	wm_admin_by(h, &today, &by);
	/* Only providers and services are added here: the network is made
	 * once, with the database. */
	if (!kind || (strcmp(kind, "provider") != 0 &&
	    strcmp(kind, "service") != 0)) {
		p.field = "kind";
		p.message = "choose a provider or a service";
		rc = WM_ADMIN_REFUSED;
	} else
		rc = wm_admin_unit_add(h->store, &by, kind, code ? code : "",
		    name ? name : "", parent, &p, &err);
	changed(h, rc, code, &p, &err, add_again);
	wm_buf_release(&err);
}

/* The unit the path names, whole, into *u, and its parent's name (its
 * strings in `keep`). */
struct found {
	struct wm_unit_row u;
	const char *parent_name;	/* NULL at the root */
	struct wm_arena keep;
};

static int
found_row(void *ctx, const struct wm_unit_row *r)
{
	struct found *f = ctx;

	f->u = *r;
	f->u.kind = wm_arena_strdup(&f->keep, r->kind);
	f->u.code = wm_arena_strdup(&f->keep, r->code);
	f->u.name = wm_arena_strdup(&f->keep, r->name);
	f->u.parent_code = r->parent_code ?
	    wm_arena_strdup(&f->keep, r->parent_code) : NULL;
	f->u.closed = r->closed ? wm_arena_strdup(&f->keep, r->closed) : NULL;
	return 0;
}

static int
parent_row(void *ctx, const struct wm_unit_row *r)
{
	struct found *f = ctx;

	f->parent_name = wm_arena_strdup(&f->keep, r->name);
	return 0;
}

/* 0 with the unit, or -1 answered (404, or the store's failure). */
static int
unit_named(struct wm_http *h, struct found *f)
{
	const char *code = wm_route_param(&h->match, "code");
	struct wm_buf err = WM_BUF_INIT;
	int rc;

	memset(&f->u, 0, sizeof(f->u));
	f->parent_name = NULL;
	rc = code ? wm_store_unit_get(h->store, code, found_row, f, &err) :
	    WM_STORE_NOT_FOUND;
	/* Its parent is named as people know it, not by its code. */
	if (rc == 0 && f->u.name && f->u.parent_code)
		rc = wm_store_unit_get(h->store, f->u.parent_code, parent_row,
		    f, &err);
	if (rc == WM_STORE_NOT_FOUND || (rc == 0 && !f->u.name))
		wm_page_not_found(h);
	else if (rc)
		wm_page_store_error(h, rc, wm_buf_str(&err));
	wm_buf_release(&err);
	return rc || !f->u.name ? -1 : 0;
}

static void
close_form(struct wm_http *h, const struct wm_unit_row *u)
{
	struct wm_buf action = WM_BUF_INIT;

	HTML(h, "<h2 class=\"nhsuk-heading-m\">Close it</h2>\n<p class=\""
	    "nhsuk-body\">From today it takes no one new on its caseload and "
	    "no new staff roles; its history stays in every report. People "
	    "on its caseload stay until you move or discharge them. A closed "
	    "unit cannot be opened again.</p>\n");
	unit_href(&action, u->code, "/close");
	wm_post_form_start(h, wm_buf_str(&action));
	HTML(h, "<button class=\"nhsuk-button nhsuk-button--secondary\" "
	    "type=\"submit\">Close ");
	wm_esc_html_s(&h->out, u->name);
	HTML(h, "</button>\n</form>\n");
	wm_buf_release(&action);
}

static void
unit_page(struct wm_http *h, const struct found *f, const char *problem)
{
	const struct wm_unit_row *u = &f->u;
	struct wm_buf action = WM_BUF_INIT;

	wm_page_start_back(h, u->name, "/admin/network", "Back to the network");
	if (problem)
		wm_error_summary(h, "name", problem);
	HTML(h, "<p class=\"nhsuk-body\">");
	unit_state(h, u);
	if (u->parent_code) {
		unit_href(&action, u->parent_code, "");
		HTML(h, ", in <a href=\"");
		wm_esc_attr_s(&h->out, wm_buf_str(&action));
		HTML(h, "\">");
		wm_esc_html_s(&h->out, f->parent_name ? f->parent_name :
		    u->parent_code);
		HTML(h, "</a>");
		wm_buf_clear(&action);
	}
	HTML(h, ".</p>\n<h2 class=\"nhsuk-heading-m\">Rename it</h2>\n");
	unit_href(&action, u->code, "/name");
	wm_post_form_start(h, wm_buf_str(&action));
	wm_admin_text(h, "name", "New name", "Its code stays the same.",
	    problem, u->name, "");
	HTML(h, "<button class=\"nhsuk-button\" type=\"submit\">Rename"
	    "</button>\n</form>\n");
	if (!u->closed && strcmp(u->kind, "network") != 0)
		close_form(h, u);
	wm_page_end(h);
	wm_buf_release(&action);
}

void
wm_page_admin_unit(struct wm_http *h)
{
	struct found f = { .keep = WM_ARENA_INIT };

	if (unit_named(h, &f) == 0)
		unit_page(h, &f, NULL);
	wm_arena_release(&f.keep);
}

/* A refusal to rename shown on the unit's page (the one field there). */
static void
rename_again(struct wm_http *h, const struct wm_field_problem *p)
{
	struct found f = { .keep = WM_ARENA_INIT };
	char msg[256];

	if (unit_named(h, &f) == 0)
		unit_page(h, &f, wm_admin_say(p->message, msg, sizeof(msg)));
	wm_arena_release(&f.keep);
}

void
wm_page_admin_unit_rename(struct wm_http *h)
{
	const char *code = wm_route_param(&h->match, "code");
	const char *name = wm_form_get(&h->form, "name");
	struct wm_field_problem p = { 0 };
	struct wm_buf err = WM_BUF_INIT;
	struct wm_admin_by by;
	struct wm_date today;

	wm_admin_by(h, &today, &by);
	changed(h, wm_admin_unit_rename(h->store, &by, code, name ? name : "",
	    &p, &err), code, &p, &err, rename_again);
	wm_buf_release(&err);
}

/* Closing cannot be undone, so it is asked first. 1: go on. */
static int
close_confirmed(struct wm_http *h, const struct wm_unit_row *u)
{
	struct wm_buf title = WM_BUF_INIT, back = WM_BUF_INIT;
	struct wm_confirm c;
	int ok;

	wm_buf_puts(&title, "Close ");
	wm_buf_puts(&title, u->name);
	wm_buf_puts(&title, "?");
	unit_href(&back, u->code, "");
	c = (struct wm_confirm){ wm_buf_str(&title), "From today it will take "
	    "no one new on its caseload and no new staff roles. Its history "
	    "stays in every report, and people on its caseload stay until "
	    "they are moved or discharged. This cannot be undone: a closed "
	    "unit cannot be opened again.", "Yes, close it",
	    wm_buf_str(&back) };
	ok = wm_confirmed(h, &c);
	wm_buf_release(&title);
	wm_buf_release(&back);
	return ok;
}

static void
close_again(struct wm_http *h, const struct wm_field_problem *p)
{
	char msg[256];

	wm_page_error_on(h, 400, "This cannot be closed",
	    wm_admin_say(p->message, msg, sizeof(msg)), NULL,
	    "/admin/network", "Back to the network");
}

void
wm_page_admin_unit_close(struct wm_http *h)
{
	struct found f = { .keep = WM_ARENA_INIT };
	struct wm_field_problem p = { 0 };
	struct wm_buf err = WM_BUF_INIT;
	struct wm_admin_by by;
	struct wm_date today;

	if (unit_named(h, &f) || !close_confirmed(h, &f.u))
		goto out;
	wm_admin_by(h, &today, &by);
	changed(h, wm_admin_unit_close(h->store, &by, f.u.code, &p, &err),
	    f.u.code, &p, &err, close_again);
out:
	wm_buf_release(&err);
	wm_arena_release(&f.keep);
}
