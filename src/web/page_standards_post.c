/*
 * What a lead changes on the standards page, besides the self-assessment
 * itself: inviting a validator for the period, and answering a query or
 * reopening one standard, each with a reason. Every change is audited and
 * refused whole, naming the field, when something is wrong.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/escape.h"
#include "web/layout.h"
#include "web/standards.h"

static void
refuse(struct wm_http *h, struct wm_sa *a, const char *field,
    const char *message)
{
	h->status = 400;
	wm_standards_render(h, a, field, message);
}


void
wm_page_standards_invite(struct wm_http *h)
{
	const char *v = wm_form_get(&h->form, "account"), *problem;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_sa a = WM_SA_INIT;
	char detail[64];
	long long account = 0;
	char *end = NULL;
	int rc;

	if (wm_sa_open(h, &a))
		goto out;
	if (v)
		account = strtoll(v, &end, 10);
	if (!v || !*v || *end || account <= 0) {
		refuse(h, &a, "account", "Choose a validator to invite");
		goto out;
	}
	if ((problem = wm_invitation_problem(a.versions))) {
		refuse(h, &a, "account", problem);
		goto out;
	}
	snprintf(detail, sizeof(detail), "%s: account %lld", a.period,
	    account);
	if ((rc = wm_store_begin(h->store, &err)) == 0 &&
	    (rc = wm_store_invitation_add(h->store, a.id, account,
	    h->who.account_id, &err)) == 0 &&
	    (rc = wm_store_audit(h->store, h->who.account_id,
	    "invited a validator", "service", a.svc.id, detail, h->address,
	    &err)) == 0)
		rc = wm_store_commit(h->store, &err);
	if (rc)
		wm_store_rollback(h->store);
	if (rc == WM_STORE_NOT_FOUND)
		refuse(h, &a, "account", "Choose someone who holds the "
		    "validator role at this service");
	else if (rc == WM_STORE_EXISTS)
		refuse(h, &a, "account", "They are already invited for this "
		    "period");
	else if (rc)
		wm_page_store_error(h, rc, wm_buf_str(&err));
	else
		wm_http_redirect(h, wm_buf_str(&a.base));
out:
	wm_buf_release(&err);
	wm_sa_release(&a);
}

/* A reason, a standard and (for the lead) what kind: the problem with
 * the form in *why (NULL if none) and the field it is about. */
const char *
wm_sa_query_problem(struct wm_http *h, int *standard, const char **text)
{
	const char *problem;

	*standard = wm_standard_parse(wm_form_get(&h->form, "standard"));
	*text = wm_form_get(&h->form, "text");
	if (!*standard)
		return "Choose a standard";
	if (!*text)
		*text = "";
	if ((problem = wm_reason_problem(*text)))
		return problem;
	return NULL;
}

void
wm_page_standards_query(struct wm_http *h)
{
	const char *kind = wm_form_get(&h->form, "kind"), *text, *problem;
	struct wm_buf err = WM_BUF_INIT;
	char detail[64];
	struct wm_sa a = WM_SA_INIT;
	int standard, rc;

	if (wm_sa_open(h, &a))
		goto out;
	if (!a.versions) {
		refuse(h, &a, NULL, "Submit the self-assessment first: "
		    "queries are about submitted lights");
		goto out;
	}
	if (!kind || (strcmp(kind, "answer") != 0 &&
	    strcmp(kind, "reopen") != 0)) {
		refuse(h, &a, "kind-1", "Say whether you are answering a "
		    "query or reopening the standard");
		goto out;
	}
	if ((problem = wm_sa_query_problem(h, &standard, &text))) {
		refuse(h, &a, standard ? "text" : "standard", problem);
		goto out;
	}
	snprintf(detail, sizeof(detail), "%s: standard %d", a.period,
	    standard);
	if ((rc = wm_store_begin(h->store, &err)) == 0 &&
	    (rc = wm_store_standard_query_add(h->store, a.id, standard, kind,
	    h->who.account_id, text, NULL, &err)) == 0 &&
	    (rc = wm_store_audit(h->store, h->who.account_id,
	    strcmp(kind, "reopen") == 0 ? "reopened a standard" :
	    "answered a query on a standard", "service", a.svc.id, detail,
	    h->address, &err)) == 0)
		rc = wm_store_commit(h->store, &err);
	if (rc) {
		wm_store_rollback(h->store);
		wm_page_store_error(h, rc, wm_buf_str(&err));
	} else {
		wm_http_redirect(h, wm_buf_str(&a.base));
	}
out:
	wm_buf_release(&err);
	wm_sa_release(&a);
}
