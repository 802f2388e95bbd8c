/*
 * A practitioner's caseload, a page at a time, as the caseload page and
 * the JSON API both show it: the request's search and page checked, the
 * people on that page with how pressing their measures are, and how many
 * there are in all. Also how a practitioner's pages name the person they
 * are about.
 *
 * Ownership: a struct wm_caseload owns the rows it holds (release it with
 * wm_caseload_release); its search points into the request and lives as
 * long as the request.
 */
#ifndef WM_WEB_CASELOAD_H
#define WM_WEB_CASELOAD_H

#include <stddef.h>
#include <stdint.h>

#include "core/cycle.h"
#include "util/arena.h"
#include "util/buf.h"
#include "store/store.h"
#include "web/http.h"
#include "web/paging.h"

#define WM_CASELOAD_PER_PAGE 50
#define WM_CASELOAD_MAX_SEARCH 100	/* characters */

/* A person on the page: the store's row, its words copied, and how
 * pressing their measures are. */
struct wm_caseload_person {
	struct wm_caseload_row row;
	enum wm_due due;
};

struct wm_caseload {
	const char *search;	/* NULL: everyone */
	struct wm_paging paging;	/* page asked for, and the total */
	struct wm_caseload_person *people;
	size_t n;		/* on this page; 0 past the last page */
	struct wm_arena arena;
};

#define WM_CASELOAD_INIT { NULL, { 1, WM_CASELOAD_PER_PAGE, 0 }, NULL, 0, \
	WM_ARENA_INIT }

/* A problem with what a caseload request asked for. */
struct wm_caseload_problem {
	const char *field;	/* the parameter at fault */
	const char *message;	/* for the person asking, in plain words */
};

/* Reads the request's search (the query parameter `search_param`) and
 * ?page= into *c: 0, or -1 with *p saying what is wrong. A search longer
 * than WM_CASELOAD_MAX_SEARCH characters or holding control characters
 * is refused, never dropped. */
int wm_caseload_ask(struct wm_http *h, const char *search_param,
    struct wm_caseload *c, struct wm_caseload_problem *p);

/* Reads the page asked for, as the signed-in account may see it, each
 * person with their measures' state: 0, or -1 if the store failed (then
 * nothing in *c may be shown). */
int wm_caseload_read(struct wm_http *h, struct wm_caseload *c);

void wm_caseload_release(struct wm_caseload *c);

/* The most pressing state of a person's measures, from their cycles, into
 * *out: 0, or -1 if the cycles could not be read. */
int wm_person_due(struct wm_http *h, int64_t person, enum wm_due *out);

/* A responsive table's "Name" cell: the person's name, linked to their
 * journey as their practitioner sees it. */
void wm_person_name_cell(struct wm_http *h, const char *ident,
    const char *name);

/* Starts a practitioner's page about one person, headed `title`, with
 * the way back to the caseload. */
void wm_person_page_start(struct wm_http *h, const char *title);

/* Appends how a practitioner's pages name a person: "Alex Smith
 * (DEMO-000001)". 0, or -1 with an error page (or API error) written. */
int wm_person_named(struct wm_http *h, int64_t person, struct wm_buf *out);
/* The same with the name alone, for a supporter, who knows them by it. */
int wm_person_name(struct wm_http *h, int64_t person, struct wm_buf *out);

#endif
