/*
 * The JSON API's side of who sees a person's plans (docs/api.md,
 * "Plans"): sharing a plan, the shares going now, stopping one at once,
 * every read by someone else, and inviting a supporter. Only the plan's
 * owner reaches these (WM_RULE_PLAN_OWNER, WM_RULE_OWN_RECORD). A share
 * goes only to someone the person may share with (web/plan_targets.h,
 * as the sharing page offers); anyone else is refused in the same words
 * whether or not the email has an account.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/network.h"
#include "core/plan.h"
#include "store/accounts.h"
#include "web/api.h"
#include "web/layout.h"
#include "web/params.h"
#include "web/plan_targets.h"
#include "web/scope.h"

#define MAX_SERVICES 32
#define MAX_VIEWS 1000

static json_t *
maybe_string(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* ------------------------------------------------------------------ */
/* Sharing                                                             */

/* Whom the body names: an account or a service's care team, one of
 * them, as the person may share with (web/plan_targets.h); 0, else -1
 * with the answer sent. */
static int
share_target(struct wm_http *h, int64_t person, json_t *body,
    int64_t *account, int64_t *unit)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_share_targets *t = NULL;
	const struct wm_share_target *x = NULL;
	const char *email, *code;
	int64_t found = 0;
	int rc = 0;

	*account = *unit = 0;
	if (wm_api_string(h, body, "account", 0, &email) ||
	    wm_api_string(h, body, "service", 0, &code))
		return -1;
	if (!email == !code) {
		wm_api_error(h, 400, "account: give either account (an email) "
		    "or service (a code), not both", "account");
		return -1;
	}
	if (!(t = calloc(1, sizeof(*t)))) {
		wm_api_error(h, 500, "out of memory", NULL);
		return -1;
	}
	if (wm_share_targets_load(h, person, t))
		goto out;
	if (code)
		x = wm_share_target_team(t, code);
	else if ((rc = wm_store_account_find(h->store, email, &found,
	    &err)) == 0)
		x = wm_share_target_account(t, found);
	if (rc && rc != WM_STORE_NOT_FOUND && !wm_page_store_ok(h, rc, &err))
		goto out;
	if (x && x->kind == WM_SHARE_TEAM)
		*unit = x->id;
	else if (x)
		*account = x->id;
	else if (code)
		wm_api_error(h, 400, "service: not a service whose care team "
		    "you can share with", "service");
	else
		wm_api_error(h, 400, "account: not someone you can share with",
		    "account");
out:
	free(t);
	wm_buf_release(&err);
	return *account || *unit ? 0 : -1;
}

/* The body's "until", if any, as the last day the share runs; 0, else
 * -1 with the answer sent. */
static int
share_until(struct wm_http *h, json_t *body, const char **until)
{
	struct wm_date day, today;
	const char *problem;
	char msg[200];

	if (wm_api_string(h, body, "until", 0, until))
		return -1;
	if (!*until)
		return 0;
	wm_date_from_days((long)(h->now / 86400), &today);
	if (strlen(*until) != 10 || wm_date_parse(*until, &day)) {
		wm_api_error(h, 400, "until: must be a date, YYYY-MM-DD",
		    "until");
		return -1;
	}
	if ((problem = wm_plan_share_until_problem(&day, &today))) {
		snprintf(msg, sizeof(msg), "until: %s", problem);
		wm_api_error(h, 400, msg, "until");
		return -1;
	}
	return 0;
}

/* POST /api/v1/plans/{plan}/shares {"account": EMAIL} or {"service":
 * CODE}, and "until": "YYYY-MM-DD" if it is to end. */
void
wm_api_plan_share_add(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_plan_row p;
	struct wm_plan_names names;
	int64_t account, unit, id;
	json_t *body = NULL;
	const char *until;

	if (wm_plan_named(h, &p, &names) || !(body = wm_api_body(h)) ||
	    share_target(h, p.person_id, body, &account, &unit) ||
	    share_until(h, body, &until))
		goto out;
	if (wm_page_store_ok(h, wm_store_plan_share_add(h->store, p.id,
	    account, unit, until, &id, &err), &err) &&
	    wm_plan_audit(h, p.person_id, "shared a plan (API)", p.id) == 0)
		wm_api_reply(h, 201, json_pack("{s:I, s:o}", "id",
		    (json_int_t)id, "until", maybe_string(until)));
out:
	json_decref(body);
	wm_buf_release(&err);
}

static int
share_item(void *ctx, const struct wm_plan_share_row *r)
{
	json_t *o = json_pack("{s:I, s:o, s:o}", "id", (json_int_t)r->id,
	    "since", maybe_string(r->created), "until", maybe_string(r->until));

	if (!o)
		return -1;
	json_object_set_new(o, "account", r->account_id ? json_pack(
	    "{s:s?, s:s?, s:b}", "email", r->account_email, "name",
	    r->account_name, "supporter", r->supporter) : json_null());
	json_object_set_new(o, "service", r->unit_id ? json_pack(
	    "{s:s?, s:s?}", "code", r->unit_code, "name", r->unit_name) :
	    json_null());
	return json_array_append_new(ctx, o) ? -1 : 0;
}

/* One of a plan's lists, for its owner: the plan the path names, and
 * what `fill` (a store reader) puts in `list`, answered as {key: [...]}. */
struct owner_list {
	struct wm_http *h;
	struct wm_plan_row p;
	struct wm_plan_names names;
	json_t *list;
	struct wm_buf err;
	char today[11];
};

static void
owner_list(struct wm_http *h, const char *key,
    int (*fill)(struct owner_list *l))
{
	struct owner_list l;

	memset(&l, 0, sizeof(l));
	l.h = h;
	wm_buf_init(&l.err, WM_BUF_DEFAULT_MAX);
	wm_scope_today(h, l.today);
	if (wm_plan_named(h, &l.p, &l.names))
		goto out;
	if (!(l.list = json_array()))
		wm_api_error(h, 500, "the plan's list could not be read", NULL);
	else if (wm_page_store_ok(h, fill(&l), &l.err))
		wm_api_reply(h, 200, json_pack("{s:O}", key, l.list));
out:
	json_decref(l.list);
	wm_buf_release(&l.err);
}

static int
read_shares(struct owner_list *l)
{
	return wm_store_plan_shares(l->h->store, l->p.id, l->today, share_item,
	    l->list, &l->err);
}

/* GET /api/v1/plans/{plan}/shares: those going now. */
void
wm_api_plan_shares(struct wm_http *h)
{
	owner_list(h, "shares", read_shares);
}

/* DELETE /api/v1/plans/{plan}/shares/{share}: stopped at once; whoever
 * it was shared with gets 404 from their next request. */
void
wm_api_plan_share_stop(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_plan_row p;
	struct wm_plan_names names;
	int64_t share = wm_route_number(&h->match, "share");
	int rc;

	if (wm_plan_named(h, &p, &names))
		goto out;
	rc = share ? wm_store_plan_share_stop(h->store, p.id, share, &err) :
	    WM_STORE_NOT_FOUND;
	if (rc == WM_STORE_NOT_FOUND)
		wm_page_not_found(h);
	else if (wm_page_store_ok(h, rc, &err) && wm_plan_audit(h,
	    p.person_id, "stopped sharing a plan (API)", p.id) == 0)
		wm_api_no_content(h);
out:
	wm_buf_release(&err);
}

/* ------------------------------------------------------------------ */
/* Who has seen it                                                     */

static int
view_item(void *ctx, const struct wm_plan_view_row *v)
{
	json_t *o = json_pack("{s:I, s:s, s:I, s:s?, s:b, s:s, s:o, s:o, s:o}",
	    "id", (json_int_t)v->id, "at", v->at, "version", (json_int_t)v->n,
	    "name", v->account_name, "supporter", v->supporter, "how", v->how,
	    "role", maybe_string(v->role), "service", maybe_string(v->unit_name),
	    "reason", maybe_string(v->reason));

	return !o || json_array_append_new(ctx, o) ? -1 : 0;
}

static int
read_views(struct owner_list *l)
{
	return wm_store_plan_views(l->h->store, l->p.person_id, l->p.id,
	    MAX_VIEWS, view_item, l->list, &l->err);
}

/* GET /api/v1/plans/{plan}/views: every read by someone else, the
 * newest first. */
void
wm_api_plan_views(struct wm_http *h)
{
	owner_list(h, "views", read_views);
}

/* ------------------------------------------------------------------ */
/* Supporters                                                          */

struct invited {
	int64_t account;
	char expires[32];
};

static int
invited_row(void *ctx, const struct wm_supporter_row *r)
{
	struct invited *v = ctx;

	if (r->account_id == v->account && r->code_expires)
		snprintf(v->expires, sizeof(v->expires), "%s", r->code_expires);
	return 0;
}

/* Why the body's names will not do, sent as a 400; 0 when they will. */
static int
invite_problem(struct wm_http *h, const char *email, const char *name,
    const char *relationship)
{
	const char *problem, *field = NULL;
	char msg[200];

	if ((problem = wm_email_problem(email)))
		field = "email";
	else if ((problem = wm_name_problem(name)))
		field = "name";
	else if (relationship && strlen(relationship) > WM_SUPPORTER_RELATIONSHIP_MAX) {
		problem = "must be at most 60 characters";
		field = "relationship";
	}
	if (!field)
		return 0;
	snprintf(msg, sizeof(msg), "%s: %s", field, problem);
	wm_api_error(h, 400, msg, field);
	return -1;
}

/* POST /api/v1/supporters {"email", "name", "relationship"?}: a one-time
 * code, valid for 7 days, for the person to pass on. */
void
wm_api_supporter_add(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	int64_t person = wm_page_own_person(h);
	struct wm_actor by = { h->who.account_id, h->address, h->now };
	struct invited v = { 0, "" };
	char code[WM_SETUP_CODE_LEN + 1];
	const char *email, *name, *rel;
	json_t *body = NULL;
	int rc;

	if (!person || !(body = wm_api_body(h)) ||
	    wm_api_string(h, body, "email", 1, &email) ||
	    wm_api_string(h, body, "name", 1, &name) ||
	    wm_api_string(h, body, "relationship", 0, &rel) ||
	    invite_problem(h, email, name, rel))
		goto out;
	rc = wm_supporter_invite(h->store, &by, person, email, name,
	    rel && rel[0] ? rel : NULL, &v.account, code, &err);
	if (rc == WM_STORE_CONFLICT) {
		/* The one refusal left: the email is someone's already. */
		wm_api_error(h, 400, "email: this email cannot be invited; "
		    "ask your supporter for another", "email");
		goto out;
	}
	if (wm_page_store_ok(h, rc, &err) && wm_page_store_ok(h,
	    wm_store_supporters(h->store, person, invited_row, &v, &err), &err))
		wm_api_reply(h, 201, json_pack("{s:s, s:s, s:s}", "account",
		    email, "code", code, "expires", v.expires));
out:
	json_decref(body);
	wm_buf_release(&err);
}

static int
supporter_item(void *ctx, const struct wm_supporter_row *r)
{
	json_t *o = json_pack("{s:s?, s:s?, s:o, s:s, s:o, s:b, s:o}", "email",
	    r->email, "name", r->name, "relationship",
	    maybe_string(r->relationship), "since", r->created, "ended",
	    maybe_string(r->ended), "signed_up", r->signed_up,
	    "code_expires", maybe_string(r->code_expires));

	return !o || json_array_append_new(ctx, o) ? -1 : 0;
}

/* GET /api/v1/supporters: the person's supporters, those ended too. */
void
wm_api_supporters(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	int64_t person = wm_page_own_person(h);
	json_t *list = json_array();

	if (!person)
		goto out;
	if (!list)
		wm_api_error(h, 500, "the supporters could not be read", NULL);
	else if (wm_page_store_ok(h, wm_store_supporters(h->store, person,
	    supporter_item, list, &err), &err))
		wm_api_reply(h, 200, json_pack("{s:O}", "supporters", list));
out:
	json_decref(list);
	wm_buf_release(&err);
}
