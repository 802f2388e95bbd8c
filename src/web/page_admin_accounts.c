/*
 * The administrator's accounts: a page of them at a time with search,
 * and adding one. A new account gets no password: the page that says it
 * was added shows, once, the setup code its holder chooses their own
 * with (core/account.h). Changes go through store/accounts.h, the same
 * steps as the command line's, each audited there.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/escape.h"
#include "web/admin_accounts.h"
#include "web/layout.h"
#include "web/paging.h"

#define PER_PAGE 50
#define MAX_SEARCH 100

/* An account's row, copied out of the store's callback. */
struct listed {
	int64_t id;
	char *name, *email, *last_signin;
	int deactivated;
};

struct listing {
	struct wm_arena arena;
	struct listed rows[PER_PAGE];
	size_t n;
	int64_t total;
};

static char *
dup_or_null(struct wm_arena *a, const char *s)
{
	return s ? wm_arena_strdup(a, s) : NULL;
}

static int
keep(void *ctx, const struct wm_account_row *a)
{
	struct listing *l = ctx;
	struct listed *r;

	if (l->n == PER_PAGE)
		return 1;
	r = &l->rows[l->n];
	r->id = a->id;
	r->name = dup_or_null(&l->arena, a->name);
	r->email = dup_or_null(&l->arena, a->email);
	r->last_signin = dup_or_null(&l->arena, a->last_signin);
	r->deactivated = a->deactivated != NULL;
	if (!r->name || !r->email || (a->last_signin && !r->last_signin))
		return -1;
	l->n++;
	return 0;
}

/* "6 December 2026, 14:05", or "Not signed in yet". */
static void
signed_in_words(struct wm_http *h, const char *when)
{
	char words[40];

	if (!when) {
		HTML(h, "Not signed in yet");
		return;
	}
	wm_datetime_words(when, words, sizeof(words));
	wm_esc_html_s(&h->out, words);
}

static int
row(struct wm_http *h, const struct listed *r)
{
	char href[48];

	snprintf(href, sizeof(href), "/admin/accounts/%lld", (long long)r->id);
	HTML(h, "<tr class=\"nhsuk-table__row\">");
	wm_td_start(h, "Name");
	HTML(h, "<a href=\"");
	wm_esc_attr_s(&h->out, href);
	HTML(h, "\">");
	wm_esc_html_s(&h->out, r->name);
	HTML(h, "</a></span></td>");
	wm_td_start(h, "Email");
	HTML(h, "<span class=\"nhsuk-u-text-break-word\">");
	wm_esc_html_s(&h->out, r->email);
	HTML(h, "</span></span></td>");
	wm_td_start(h, "Roles");
	if (wm_admin_roles(h, r->id, "; "))
		return -1;
	HTML(h, "</span></td>");
	wm_td_start(h, "Last signed in");
	signed_in_words(h, r->last_signin);
	HTML(h, "</span></td>");
	wm_td_start(h, "State");
	if (r->deactivated)
		HTML(h, "<strong class=\"nhsuk-tag nhsuk-tag--grey\">"
		    "Deactivated</strong>");
	else
		HTML(h, "Active");
	HTML(h, "</span></td></tr>\n");
	return 0;
}

static int
table(struct wm_http *h, const struct listing *l)
{
	static const char *const heads[] = { "Name", "Email", "Roles",
	    "Last signed in", "State" };
	size_t i;

	wm_table_start(h, "Accounts", 0, heads, sizeof(heads) /
	    sizeof(heads[0]));
	for (i = 0; i < l->n; i++)
		if (row(h, &l->rows[i]))
			return -1;
	HTML(h, "</tbody>\n</table>\n");
	return 0;
}

static void
search_form(struct wm_http *h, const char *q, const char *problem)
{
	HTML(h, "<form method=\"get\" action=\"/admin/accounts\" novalidate>\n");
	wm_form_group_start(h, "q", "Search by name or email", "Up to 100 "
	    "characters.", problem);
	HTML(h, "<input class=\"nhsuk-input nhsuk-input--width-20");
	if (problem)
		HTML(h, " nhsuk-input--error\" aria-describedby=\"q-hint "
		    "q-error\"");
	else
		HTML(h, "\" aria-describedby=\"q-hint\"");
	HTML(h, " id=\"q\" name=\"q\" type=\"search\" value=\"");
	wm_esc_attr_s(&h->out, q ? q : "");
	HTML(h, "\">\n</div>\n<button class=\"nhsuk-button nhsuk-button--"
	    "secondary\" type=\"submit\">Search</button>\n</form>\n");
}

static void
intro(struct wm_http *h)
{
	wm_page_start_back(h, "Accounts", "/admin", "Back to administration");
	HTML(h, "<p class=\"nhsuk-body\"><a class=\"nhsuk-button\" href=\""
	    "/admin/accounts/new\">Add an account</a></p>\n");
}

/* The search and page asked for; -1 with the refusal answered. */
static int
asked(struct wm_http *h, const char **q, struct wm_paging *p)
{
	const char *problem = NULL, *field = "q";

	switch (wm_http_query_text(h, "q", MAX_SEARCH, q)) {
	case WM_QUERY_OK:
	case WM_QUERY_ABSENT:
		break;
	case WM_QUERY_TOO_LONG:
		problem = "Search must be 100 characters or fewer";
		break;
	case WM_QUERY_BAD_TEXT:
		problem = "Search must be plain text, without control "
		    "characters";
		break;
	}
	if (!problem && wm_paging_parse(h, &p->page)) {
		problem = "Page must be a whole number from 1 to 1000000";
		field = "page";
	}
	if (!problem)
		return 0;
	h->status = 400;
	intro(h);
	wm_error_summary(h, strcmp(field, "q") == 0 ? "q" : NULL, problem);
	search_form(h, NULL, strcmp(field, "q") == 0 ? problem : NULL);
	wm_page_end(h);
	return -1;
}

static void
show(struct wm_http *h, const char *q, struct wm_paging *p,
    const struct listing *l)
{
	struct wm_buf href = WM_BUF_INIT;

	intro(h);
	search_form(h, q, NULL);
	wm_buf_puts(&href, "/admin/accounts?");
	if (q) {
		wm_buf_puts(&href, "q=");
		wm_esc_url_s(&href, q);
		wm_buf_puts(&href, "&");
	}
	if (l->total == 0)
		HTML(h, "<p class=\"nhsuk-body\">No account matches.</p>\n");
	else if (l->n == 0)
		HTML(h, "<p class=\"nhsuk-body\">There is no such page.</p>\n");
	else {
		wm_paging_summary(h, p, "account", "accounts");
		if (table(h, l))
			goto out;
		wm_paging_nav(h, p, wm_buf_str(&href));
	}
	wm_page_end(h);
out:
	wm_buf_release(&href);
}

/* GET /admin/accounts?q=SEARCH&page=N */
void
wm_page_admin_accounts(struct wm_http *h)
{
	struct wm_paging p = { 1, PER_PAGE, 0 };
	struct listing *l = NULL;
	struct wm_buf err = WM_BUF_INIT;
	const char *q = NULL;
	int rc;

	if (asked(h, &q, &p))
		return;
	if (!(l = calloc(1, sizeof(*l)))) {
		wm_page_store_error(h, wm_store_out_of_memory(&err),
		    wm_buf_str(&err));
		goto out;
	}
	rc = wm_store_account_page(h->store, q, wm_paging_offset(&p), PER_PAGE,
	    &l->total, keep, l, &err);
	if (rc && !err.len)
		rc = wm_store_out_of_memory(&err);
	if (!wm_page_store_ok(h, rc, &err))
		goto out;
	p.total = l->total;
	show(h, q, &p, l);
out:
	if (l)
		wm_arena_release(&l->arena);
	free(l);
	wm_buf_release(&err);
}

/* The new account's fields as typed, and each one's problem. */
struct typed {
	const char *name, *email, *person;
	const char *name_error, *email_error, *person_error;
	struct wm_admin_grant grant;
	char why[3][200];
};

static void
new_form(struct wm_http *h, const struct wm_admin_units *u,
    const struct typed *t)
{
	const struct wm_field_error e[] = {
		{ "name", t->name_error }, { "email", t->email_error },
		{ "person", t->person_error }, { "role", t->grant.role_error },
		{ "unit", t->grant.unit_error },
		{ "group", t->grant.group_error },
	};
	size_t i;

	wm_page_start_back(h, "Add an account", "/admin/accounts",
	    "Back to accounts");
	for (i = 0; i < sizeof(e) / sizeof(e[0]); i++)
		if (e[i].message) {
			wm_error_summary_list(h, e, sizeof(e) / sizeof(e[0]));
			break;
		}
	HTML(h, "<p class=\"nhsuk-body\">The account gets no password. You will "
	    "be shown a one-time setup code to give its holder, in person or "
	    "by phone: with it they choose their own password.</p>\n");
	wm_post_form_start(h, "/admin/accounts");
	wm_text_field(h, "name", "Name", "As others will see it.", "text",
	    "off", t->name ? t->name : "", t->name_error);
	wm_text_field(h, "email", "Email address", "They sign in with it.",
	    "email", "off", t->email ? t->email : "", t->email_error);
	wm_text_field(h, "person", "Person identifier (optional)", "Only for "
	    "the account of a person using services: the network's "
	    "identifier for them.", "text", "off", t->person ? t->person : "",
	    t->person_error);
	HTML(h, "<h2 class=\"nhsuk-heading-m\">First role</h2>\n");
	wm_admin_grant_fields(h, u, &t->grant);
	HTML(h, "<button class=\"nhsuk-button\" type=\"submit\">Add the "
	    "account</button>\n</form>\n");
	wm_page_end(h);
}

/* GET /admin/accounts/new */
void
wm_page_admin_account_new(struct wm_http *h)
{
	struct wm_admin_units u = WM_ADMIN_UNITS_INIT;
	struct typed t;

	memset(&t, 0, sizeof(t));
	if (wm_admin_units_read(h, &u) == 0)
		new_form(h, &u, &t);
	wm_admin_units_release(&u);
}

static const char *
as_sentence(char *out, const char *why)
{
	if (!why)
		return NULL;
	wm_admin_sentence(out, 200, why);
	return out;
}

/* Core's rules for each field; 1 if any refused. */
static int
refused(struct wm_http *h, struct typed *t, struct wm_grant_spec *g)
{
	int bad = wm_admin_grant_read(h, &t->grant, g) != 0;

	t->name = wm_form_get(&h->form, "name");
	t->email = wm_form_get(&h->form, "email");
	t->person = wm_form_get(&h->form, "person");
	if (t->person && !t->person[0])
		t->person = NULL;
	t->name_error = !t->name || !t->name[0] ? "Enter their name" :
	    as_sentence(t->why[0], wm_name_problem(t->name));
	t->email_error = !t->email || !t->email[0] ? "Enter their email "
	    "address" : as_sentence(t->why[1], wm_email_problem(t->email));
	t->person_error = t->person ? as_sentence(t->why[2],
	    wm_ident_problem(t->person)) : NULL;
	return bad || t->name_error || t->email_error || t->person_error;
}

/* Whether the email is taken or the person unknown, said on its field
 * (the store refuses both again when adding): -1 if so, WM_STORE_ERROR
 * if the store failed, else 0. */
static int
taken(struct wm_http *h, struct typed *t, struct wm_buf *err)
{
	int64_t id;
	int rc = wm_store_account_find(h->store, t->email, &id, err);

	if (rc == 0)
		t->email_error = "An account with that email address already "
		    "exists";
	else if (rc != WM_STORE_NOT_FOUND)
		return WM_STORE_ERROR;
	if (!t->person || t->person_error)
		rc = 0;
	else if ((rc = wm_store_person_find(h->store, t->person, &id, err)) ==
	    WM_STORE_NOT_FOUND)
		t->person_error = "There is no person with that identifier";
	else if (rc)
		return WM_STORE_ERROR;
	wm_buf_clear(err);
	return t->email_error || t->person_error ? -1 : 0;
}

/* POST /admin/accounts */
void
wm_page_admin_account_add(struct wm_http *h)
{
	struct wm_admin_units u = WM_ADMIN_UNITS_INIT;
	struct wm_actor by = wm_admin_actor(h);
	struct wm_buf err = WM_BUF_INIT;
	struct wm_grant_spec g;
	struct wm_account_new a;
	char code[WM_SETUP_CODE_LEN + 1];
	struct typed t;
	int64_t id;
	int rc = 0, bad;

	memset(&t, 0, sizeof(t));
	if (wm_admin_units_read(h, &u))
		goto out;
	bad = refused(h, &t, &g);
	if (!t.email_error && (rc = taken(h, &t, &err)) == WM_STORE_ERROR)
		bad = 1;
	if (!bad && rc == 0) {
		a = (struct wm_account_new){ t.email, t.name, t.person, NULL,
		    &g, 1 };
		rc = wm_account_create(h->store, &by, &a, &id, code, &err);
		if (rc == 0) {
			wm_admin_code_page(h, "Account added", t.name, id, code);
			goto out;
		}
		if (rc != WM_STORE_ERROR && strstr(wm_buf_str(&err),
		    "already has an account")) {
			wm_admin_sentence(t.why[2], sizeof(t.why[2]),
			    wm_buf_str(&err));
			t.person_error = t.why[2];
		} else if (rc != WM_STORE_ERROR) {
			wm_admin_grant_refused(&t.grant, rc, wm_buf_str(&err));
		}
	}
	if (rc == WM_STORE_ERROR) {
		wm_page_store_error(h, rc, wm_buf_str(&err));
		goto out;
	}
	h->status = 400;
	new_form(h, &u, &t);
out:
	wm_admin_units_release(&u);
	wm_buf_release(&err);
}
