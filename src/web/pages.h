/*
 * The pages and the route table that names them. Each handler reads the
 * request and writes the response in struct wm_http; the server has
 * already checked what the route's access demands.
 */
#ifndef WM_WEB_PAGES_H
#define WM_WEB_PAGES_H

#include <stddef.h>

#include "core/cycle.h"
#include "core/goal.h"
#include "core/training.h"
#include "report/profile.h"
#include "web/http.h"

/*
 * The cookies' names. Behind https they carry the __Host- prefix
 * (WM_COOKIE_HOST), which browsers accept only from a secure origin with
 * Secure, Path=/ and no Domain: no other site, not even a neighbouring
 * subdomain, can then set or shadow them. Over plain http browsers refuse
 * the prefix, so the plain names are used. The server picks one pair at
 * start (struct wm_site).
 */
#define WM_COOKIE_SESSION "wm_session"
#define WM_COOKIE_PRE "wm_pre"	/* protects the sign-in form itself */
#define WM_COOKIE_HOST "__Host-"
#define WM_SESSION_MAX_COOKIE (12 * 60 * 60)

enum wm_access {
	WM_ACCESS_PUBLIC,	/* anyone */
	WM_ACCESS_SIGN_IN,	/* the sign-in form: pre-session CSRF token */
	WM_ACCESS_SIGNED_IN,	/* a live session; POSTs carry its token */
	WM_ACCESS_API_SIGN_IN,	/* JSON API sign-in: a JSON body only */
	WM_ACCESS_API,		/* JSON API: a live session, else 401; a
				 * change carries its token in X-CSRF-Token
				 * and a POST a JSON body */
};

struct wm_page {
	struct wm_route route;
	enum wm_access access;	/* how it is reached */
	enum wm_rule rule;	/* who may use it (core/access.h) */
	void (*handler)(struct wm_http *h);
	const char *audit;	/* a view, written to the audit log as
				 * this by the handler before anything is
				 * sent (web/scope.h): of the person the
				 * path names, else of the service it
				 * names, else of a commissioner's part of
				 * the network; NULL if none */
	const char *query;	/* the query parameters it reads, separated
				 * by spaces; any other is dropped */
};

extern const struct wm_page wm_pages[];
extern const size_t wm_n_pages;

void wm_page_sign_in_form(struct wm_http *h);
void wm_page_sign_in(struct wm_http *h);
void wm_page_sign_out(struct wm_http *h);
void wm_page_setup_form(struct wm_http *h);
void wm_page_setup(struct wm_http *h);
void wm_page_admin(struct wm_http *h);
void wm_page_admin_accounts(struct wm_http *h);
void wm_page_admin_account_new(struct wm_http *h);
void wm_page_admin_account_add(struct wm_http *h);
void wm_page_admin_account(struct wm_http *h);
void wm_page_admin_grant(struct wm_http *h);
void wm_page_admin_revoke(struct wm_http *h);
void wm_page_admin_deactivate(struct wm_http *h);
void wm_page_admin_reactivate(struct wm_http *h);
void wm_page_admin_setup_code(struct wm_http *h);

/* On an administrator's home: the accounts not yet signed in (how many;
 * the newest 10, each linked, with when its setup code runs out) and
 * the way to Administration. 0, or -1 with the store's failure
 * answered. */
int wm_admin_home(struct wm_http *h);

/* The token that protects the forms used before signing in (sign-in,
 * setup), from its cookie or new (and then set). 0, or -1 if no token
 * could be made. */
int wm_pre_token(struct wm_http *h, char out[WM_TOKEN_LEN + 1]);

/* One labelled input in the design system's form-group pattern, with
 * its hint (may be NULL), marked in error (with the message read out
 * before it) when err is set; value may be NULL. */
void wm_text_field(struct wm_http *h, const char *id, const char *label,
    const char *hint, const char *type, const char *autocomplete,
    const char *value, const char *err);
void wm_page_home(struct wm_http *h);
void wm_page_network(struct wm_http *h);
void wm_page_network_about(struct wm_http *h);
void wm_page_network_outcomes(struct wm_http *h);
void wm_page_network_service(struct wm_http *h);
void wm_page_network_standards(struct wm_http *h);
void wm_page_asset(struct wm_http *h);
void wm_page_measures(struct wm_http *h);
void wm_page_journey(struct wm_http *h);
void wm_page_caseload(struct wm_http *h);
void wm_page_reflections(struct wm_http *h);
void wm_page_reflect(struct wm_http *h);
void wm_page_reflect_save(struct wm_http *h);
void wm_page_goals(struct wm_http *h);

/* People's plans (page_plans.c, page_plan_edit.c, page_plan_share.c). */
void wm_page_plans(struct wm_http *h);
void wm_page_plan_start(struct wm_http *h);
void wm_page_plan(struct wm_http *h);
void wm_page_plan_version(struct wm_http *h);
void wm_page_plan_versions(struct wm_http *h);
void wm_page_plan_card(struct wm_http *h);
void wm_page_plan_edit(struct wm_http *h);
void wm_page_plan_save(struct wm_http *h);
void wm_page_plan_sharing(struct wm_http *h);
void wm_page_plan_share(struct wm_http *h);
void wm_page_plan_share_stop(struct wm_http *h);
void wm_page_plan_crisis_set(struct wm_http *h);
void wm_page_plan_views(struct wm_http *h);
void wm_page_person_plans(struct wm_http *h);
void wm_page_person_plan_start(struct wm_http *h);
void wm_page_plan_together(struct wm_http *h);
void wm_page_plan_together_save(struct wm_http *h);
void wm_page_plan_suggest(struct wm_http *h);
void wm_page_plan_suggest_save(struct wm_http *h);
void wm_page_plan_suggestion(struct wm_http *h);
void wm_page_plan_suggestion_decide(struct wm_http *h);
/* 1 if the account is a practitioner of a service whose caseload the
 * person is on now, 0 if not, -1 with the failure answered. */
int wm_practitioner_of(struct wm_http *h, int64_t person);
/* 1 if plans of this template are made together with a practitioner
 * (it lets a person answer with one): the newsletter's joint crisis
 * plans and negotiated safety plans. */
int wm_plan_together_kind(const struct wm_instrument *in);
void wm_page_plans_shared(struct wm_http *h);
void wm_page_plan_crisis(struct wm_http *h);
void wm_page_plan_crisis_open(struct wm_http *h);
void wm_page_supporters(struct wm_http *h);
void wm_page_supporter_invite(struct wm_http *h);
void wm_page_supporter_end(struct wm_http *h);
void wm_page_supporter_code(struct wm_http *h);
/* Version n (-1 the latest) of the plan named, to whoever the route let
 * read it, logged first when that is not its owner (with a crisis
 * opening's reason). */
void wm_plan_show(struct wm_http *h, int64_t n, const char *reason);
/* The page `p` of the plans shared with the account signed in now, as a
 * list: how many (0 writes nothing), or -1 with the failure answered. */
struct wm_paging;
int wm_plans_shared_list(struct wm_http *h, const struct wm_paging *p);
/* Who read a plan, in words: "Jo Smith (Practitioner, Exbridge Recovery
 * Team)", "Sam Lee (your supporter)". */
void wm_plan_viewer_words(struct wm_http *h,
    const struct wm_plan_view_row *v);
/* The strings of a plan's row, kept for the request. */
struct wm_plan_names {
	char family[65];
	char ident[65];
};
/* The plan the path names, which its rule let the account reach, into
 * *row (its strings in *names): 0, else -1 with a 404 or an error
 * written. */
int wm_plan_named(struct wm_http *h, struct wm_plan_row *row,
    struct wm_plan_names *names);
/* Keeps the read of version n of the plan named by whoever is not its
 * owner (with a crisis opening's reason), before anything of it is
 * sent: 0, else -1 with the failure answered. */
int wm_plan_seen(struct wm_http *h, int64_t n, const char *reason);
/* Writes a change to the person's plans (`plan`, or 0 for none) to the
 * audit log, once it is made: 0, else -1 with the failure answered. */
int wm_plan_audit(struct wm_http *h, int64_t person, const char *action,
    int64_t plan);
void wm_page_record(struct wm_http *h);
void wm_page_record_csv(struct wm_http *h);
void wm_page_record_json(struct wm_http *h);
void wm_page_record_views(struct wm_http *h);
void wm_page_goal_add(struct wm_http *h);
void wm_page_goal(struct wm_http *h);
void wm_page_goal_review(struct wm_http *h);
void wm_page_goal_reword(struct wm_http *h);
void wm_page_goal_move(struct wm_http *h);
void wm_page_person_journey(struct wm_http *h);

/* The journey page for `person`: their own (own) or a supporter's view,
 * with links to answer a measure together and to their goals when
 * person_base ("/people/IDENT") is set. */
void wm_journey_page(struct wm_http *h, int64_t person, const char *title,
    int own, const char *person_base);
void wm_page_person_goals(struct wm_http *h);

/* A person's goals with their latest ratings: current, achieved and put
 * aside apart, each with its history; each links to its page when
 * `links` (the person's own view). */
void wm_goals_list(struct wm_http *h, int64_t person, int links);

/* The goal named by the path's {id} if it is `person`'s (its words into
 * text); else 0 and a 404. */
int64_t wm_own_goal(struct wm_http *h, int64_t person, struct wm_buf *text,
    enum wm_goal_state *state);

/* The stored instrument with this id, parsed, or NULL if there is none
 * (or the store failed: then answered). Kept by the request's store
 * connection (wm_store_instrument_parsed): never freed by the caller. */
const struct wm_instrument *wm_page_instrument(struct wm_http *h, int64_t id);

void wm_page_measure_form(struct wm_http *h);
void wm_page_measure_save(struct wm_http *h);
void wm_page_measure_saved(struct wm_http *h);

/* Appends "/services/CODE" and then `path` (a literal, e.g. "/cycles"). */
/* Starts a page of a service the lead leads, headed `title`, with a way
 * back to the service's own page. */
void wm_service_page_start(struct wm_http *h, const struct wm_led_service *s,
    const char *title);
void wm_service_href(struct wm_buf *out, const struct wm_led_service *s,
    const char *path);

void wm_page_services(struct wm_http *h);
void wm_page_standards(struct wm_http *h);
void wm_page_standards_edit(struct wm_http *h);
void wm_page_standards_save(struct wm_http *h);
void wm_page_standards_invite(struct wm_http *h);
void wm_page_standards_query(struct wm_http *h);
void wm_page_validations(struct wm_http *h);
void wm_page_validation(struct wm_http *h);
void wm_page_validation_save(struct wm_http *h);
void wm_page_validation_query(struct wm_http *h);
void wm_page_service(struct wm_http *h);
void wm_page_cycles(struct wm_http *h);
void wm_page_cycle_add(struct wm_http *h);
void wm_page_cycle_stop(struct wm_http *h);

/* Recovery training at a led service (page_training.c). */
void wm_page_training(struct wm_http *h);
void wm_page_training_add(struct wm_http *h);
void wm_page_training_import(struct wm_http *h);
/* Coverage of each catalogue course among the service's current staff,
 * into out[0 .. courses->n_concepts) and *staff; -1 if it could not be
 * read. For the training page, the API and the dashboard. */
int wm_service_coverage(struct wm_http *h, int64_t unit,
    struct wm_coverage *out, int64_t *staff);
/* The period a profile view of service `unit` asks for (?period=2026-Q3);
 * when none is given, the current quarter, or for the team's Ten Top
 * Tips the latest with enough reflections to show (*latest 1 then). 0,
 * or -1 with an error page (or API error) written: 400 for a period that
 * is not one, 500 when the store failed. */
int wm_profile_period(struct wm_http *h, enum wm_profile_kind kind,
    int64_t unit, struct wm_quarter *out, int *latest);
void wm_page_service_erfs(struct wm_http *h);
void wm_page_service_indicators(struct wm_http *h);
void wm_page_service_tips(struct wm_http *h);
/* The dashboard of a led service (page_dashboard.c): builds *d (which
 * the caller inits and releases) as of today; 0 or the store's error. */
struct wm_dashboard;
int wm_service_dashboard(struct wm_http *h, const struct wm_led_service *s,
    struct wm_dashboard *d);
void wm_page_dashboard(struct wm_http *h);

/* Administration, part B (page_admin_*.c): the network tree, people,
 * instruments, settings and the audit log, for an administrator. */
void wm_page_admin_network(struct wm_http *h);
void wm_page_admin_unit_add(struct wm_http *h);
void wm_page_admin_unit(struct wm_http *h);
void wm_page_admin_unit_rename(struct wm_http *h);
void wm_page_admin_unit_close(struct wm_http *h);
void wm_page_admin_people(struct wm_http *h);
void wm_page_admin_person_add(struct wm_http *h);
void wm_page_admin_person(struct wm_http *h);
void wm_page_admin_person_join(struct wm_http *h);
void wm_page_admin_person_move(struct wm_http *h);
void wm_page_admin_person_discharge(struct wm_http *h);
void wm_page_admin_instruments(struct wm_http *h);
void wm_page_admin_instrument_load(struct wm_http *h);
void wm_page_admin_settings(struct wm_http *h);
void wm_page_admin_settings_save(struct wm_http *h);
void wm_page_admin_audit(struct wm_http *h);
void wm_page_admin_audit_csv(struct wm_http *h);

/* The JSON API (docs/api.md). */


void wm_api_sign_in(struct wm_http *h);
void wm_api_session_get(struct wm_http *h);
void wm_api_sign_out(struct wm_http *h);
void wm_api_instruments(struct wm_http *h);
void wm_api_instrument(struct wm_http *h);
void wm_api_responses(struct wm_http *h);
void wm_api_response_add(struct wm_http *h);
void wm_api_journey(struct wm_http *h);
void wm_api_goals(struct wm_http *h);
void wm_api_goal_add(struct wm_http *h);
void wm_api_goal(struct wm_http *h);
void wm_api_goal_review_add(struct wm_http *h);
void wm_api_caseload(struct wm_http *h);
void wm_api_standards(struct wm_http *h);
void wm_api_validations(struct wm_http *h);
void wm_api_validation(struct wm_http *h);
void wm_api_service_training(struct wm_http *h);
void wm_api_service_erfs(struct wm_http *h);
void wm_api_service_indicators(struct wm_http *h);
void wm_api_service_tips(struct wm_http *h);
void wm_api_cycles(struct wm_http *h);
void wm_api_dashboard(struct wm_http *h);
void wm_api_network(struct wm_http *h);
/* The same outcomes as a FHIR MeasureReport (api_measure_report.c). */
void wm_api_network_measure_report(struct wm_http *h);
void wm_api_network_outcomes(struct wm_http *h);
/* People's plans and supporters (api_plans.c, api_plan_shares.c). */
void wm_api_plans(struct wm_http *h);
void wm_api_plan_start(struct wm_http *h);
void wm_api_plan(struct wm_http *h);
void wm_api_plan_write(struct wm_http *h);
void wm_api_plan_share_add(struct wm_http *h);
void wm_api_plan_shares(struct wm_http *h);
void wm_api_plan_share_stop(struct wm_http *h);
void wm_api_plan_views(struct wm_http *h);
void wm_api_supporter_add(struct wm_http *h);
void wm_api_supporters(struct wm_http *h);

#endif
