/*
 * A person's supporters: family, friends, advocates, peers they invite
 * to see what they choose to share. The person names them and gives an
 * email address; Waymark makes a one-time setup code, valid 7 days, that
 * the person passes on; the supporter sets a password at /setup and then
 * sees only the plans shared with them. The person can end a supporter,
 * which stops everything shared with them at once.
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/account.h"
#include "core/plan.h"
#include "store/accounts.h"
#include "util/date.h"
#include "util/escape.h"
#include "web/layout.h"
#include "web/params.h"
#include "web/scope.h"


struct listed {
	struct wm_http *h;
	int any;
};

/* A button posting to /supporters/ID/WHAT, its words said with whose
 * for those who hear the page. */
static void
button(struct wm_http *h, const struct wm_supporter_row *r, const char *what,
    const char *words)
{
	char action[64];

	snprintf(action, sizeof(action), "/supporters/%lld/%s",
	    (long long)r->account_id, what);
	wm_post_form_start(h, action);
	HTML(h, "<button class=\"nhsuk-button nhsuk-button--secondary\" "
	    "type=\"submit\">");
	wm_esc_html_s(&h->out, words);
	HTML(h, "<span class=\"nhsuk-u-visually-hidden\">: ");
	wm_esc_html_s(&h->out, r->name);
	HTML(h, "</span></button>\n</form>\n");
}

static int
supporter_item(void *ctx, const struct wm_supporter_row *r)
{
	struct listed *l = ctx;
	struct wm_http *h = l->h;
	char when[64];

	if (!l->any++)
		HTML(h, "<ul class=\"nhsuk-list\">\n");
	HTML(h, "<li class=\"wm-supporter\">\n<h2 class=\"nhsuk-heading-s\">");
	wm_esc_html_s(&h->out, r->name);
	if (r->relationship) {
		HTML(h, " (");
		wm_esc_html_s(&h->out, r->relationship);
		HTML(h, ")");
	}
	HTML(h, "</h2>\n<p class=\"nhsuk-body nhsuk-u-text-break-word\">");
	wm_esc_html_s(&h->out, r->email);
	HTML(h, ". ");
	if (r->ended) {
		wm_datetime_words(r->ended, when, sizeof(when));
		HTML(h, "You ended this on ");
		wm_esc_html_s(&h->out, when);
		HTML(h, ".</p>\n</li>\n");
		return 0;
	}
	if (r->signed_up) {
		HTML(h, "They have set up their sign-in. If they lose their "
		    "password, give them a new setup code.");
	} else if (r->code_expires) {
		wm_datetime_words(r->code_expires, when, sizeof(when));
		HTML(h, "They have not used their setup code yet. It works "
		    "until ");
		wm_esc_html_s(&h->out, when);
		HTML(h, ".");
	} else {
		HTML(h, "Their setup code has run out: give them a new one.");
	}
	HTML(h, "</p>\n");
	button(h, r, "code", "Give them a new setup code");
	button(h, r, "end", "End this");
	HTML(h, "</li>\n");
	return 0;
}

enum { F_NAME, F_EMAIL, F_RELATIONSHIP, N_FIELDS };

static void
page(struct wm_http *h, int64_t person, const struct wm_field_error *e)
{
	struct wm_buf err = WM_BUF_INIT;
	struct listed l = { h, 0 };

	wm_page_start_back(h, "Your supporters", "/plans",
	    "Back to your plans");
	if (e)
		wm_error_summary_list(h, e, N_FIELDS);
	if (wm_http_query(h, "ended"))
		HTML(h, "<div class=\"nhsuk-inset-text\">\n<p class=\""
		    "nhsuk-body\">Ended. They cannot see anything of yours any "
		    "more, from now.</p>\n</div>\n");
	HTML(h, "<p class=\"nhsuk-body\">A supporter is someone you choose: "
	    "family, a friend, an advocate or a peer. They see only the plans "
	    "you share with them, nothing else in Waymark, and you can stop "
	    "at any time.</p>\n");
	if (!wm_page_store_ok(h, wm_store_supporters(h->store, person,
	    supporter_item, &l, &err), &err))
		goto out;
	if (l.any)
		HTML(h, "</ul>\n");
	else
		HTML(h, "<p class=\"nhsuk-body\">You have not invited anyone "
		    "yet.</p>\n");
	HTML(h, "<h2 class=\"nhsuk-heading-m\">Invite a supporter</h2>\n"
	    "<p class=\"nhsuk-body\">You will get a setup code to give them "
	    "yourself, in person or by phone. It works once, for 7 days.</p>"
	    "\n");
	wm_post_form_start(h, "/supporters");
	wm_text_field(h, "name", "Their name", NULL, "text", "off",
	    wm_form_get(&h->form, "name"), e ? e[F_NAME].message : NULL);
	wm_text_field(h, "email", "Their email address", "They sign in with "
	    "it.", "email", "off", wm_form_get(&h->form, "email"),
	    e ? e[F_EMAIL].message : NULL);
	wm_text_field(h, "relationship", "Who they are to you (optional)",
	    "For example: my sister, my friend, my advocate.", "text", "off",
	    wm_form_get(&h->form, "relationship"),
	    e ? e[F_RELATIONSHIP].message : NULL);
	HTML(h, "<button class=\"nhsuk-button\" type=\"submit\">Invite them"
	    "</button>\n</form>\n");
	wm_page_end(h);
out:
	wm_buf_release(&err);
}

void
wm_page_supporters(struct wm_http *h)
{
	int64_t person = wm_page_own_person(h);

	if (person)
		page(h, person, NULL);
}

static void
code_page(struct wm_http *h, const char *name, const char *code)
{
	char until[40];

	wm_epoch_words(h->now + WM_SETUP_CODE_SECONDS, until, sizeof(until));
	wm_page_start_back(h, "Your supporter's setup code", "/supporters",
	    "Back to your supporters");
	HTML(h, "<div class=\"nhsuk-inset-text\">\n<span class=\"nhsuk-u-"
	    "visually-hidden\">Information: </span>\n<p>Give ");
	wm_esc_html_s(&h->out, name);
	HTML(h, " this setup code yourself, in person or by phone. It is "
	    "shown only once.</p>\n<p class=\"nhsuk-heading-l\" id=\""
	    "setup-code\">");
	wm_esc_html_s(&h->out, code);
	HTML(h, "</p>\n<p>They choose their password with it at <strong>"
	    "/setup</strong> (the link on the sign-in page). It works once, "
	    "until ");
	wm_esc_html_s(&h->out, until);
	HTML(h, ".</p>\n</div>\n<p class=\"nhsuk-body\">They will see "
	    "nothing until you share a plan with them. <a href=\"/plans\">Go "
	    "to your plans</a> to share one.</p>\n");
	wm_page_end(h);
}

void
wm_page_supporter_invite(struct wm_http *h)
{
	const char *name = wm_form_get(&h->form, "name"),
	    *email = wm_form_get(&h->form, "email"),
	    *rel = wm_form_get(&h->form, "relationship");
	struct wm_field_error e[N_FIELDS] = { { "name", NULL },
	    { "email", NULL }, { "relationship", NULL } };
	struct wm_buf err = WM_BUF_INIT;
	struct wm_actor by = { h->who.account_id, h->address, h->now };
	int64_t person = wm_page_own_person(h), id;
	char code[WM_SETUP_CODE_LEN + 1];
	int rc;

	if (!person)
		return;
	if (!name || !name[0] || wm_name_problem(name))
		e[F_NAME].message = "Enter their name";
	if (!email || !email[0] || wm_email_problem(email))
		e[F_EMAIL].message = "Enter their email address, like "
		    "name@example.org";
	if (rel && strlen(rel) > WM_SUPPORTER_RELATIONSHIP_MAX)
		e[F_RELATIONSHIP].message = "Say who they are to you in 60 "
		    "characters or fewer";
	if (!e[F_NAME].message && !e[F_EMAIL].message &&
	    !e[F_RELATIONSHIP].message) {
		rc = wm_supporter_invite(h->store, &by, person, email, name,
		    rel && rel[0] ? rel : NULL, &id, code, &err);
		if (rc == 0) {
			code_page(h, name, code);
			goto out;
		}
		if (rc != WM_STORE_CONFLICT) {
			wm_page_store_ok(h, rc, &err);
			goto out;
		}
		/* Never whether an account has that email: only that this
		 * address cannot be used for them. */
		e[F_EMAIL].message = "That email address cannot be used for a "
		    "new supporter: ask them for another";
	}
	h->status = 400;
	page(h, person, e);
out:
	wm_buf_release(&err);
}

void
wm_page_supporter_end(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	int64_t person = wm_page_own_person(h),
	    account = wm_route_number(&h->match, "id");
	int rc;

	if (!person)
		return;
	rc = account ? wm_store_supporter_end(h->store, person, account, &err) :
	    WM_STORE_NOT_FOUND;
	if (rc == WM_STORE_NOT_FOUND)
		wm_page_not_found(h);
	else if (wm_page_store_ok(h, rc, &err) &&
	    wm_plan_audit(h, person, "ended a supporter", 0) == 0)
		wm_http_redirect(h, "/supporters?ended=1");
	wm_buf_release(&err);
}

/* POST /supporters/{id}/code: a new setup code for the person's own
 * supporter, who has not set up their sign-in yet. */
void
wm_page_supporter_code(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_actor by = { h->who.account_id, h->address, h->now };
	int64_t person = wm_page_own_person(h),
	    account = wm_route_number(&h->match, "id");
	char code[WM_SETUP_CODE_LEN + 1];
	int rc;

	if (!person)
		return;
	rc = account ? wm_supporter_new_code(h->store, &by, person, account,
	    code, &err) : WM_STORE_NOT_FOUND;
	if (rc == WM_STORE_NOT_FOUND)
		wm_page_not_found(h);
	else if (wm_page_store_ok(h, rc, &err))
		code_page(h, "them", code);
	wm_buf_release(&err);
}
