/*
 * The audit log, for the network's administrator: searched by the person
 * an entry is about (identifier), the account that acted (email), the
 * action (one of those the log holds) and a range of dates; newest
 * first, 50 to a page, times and dates in words; and the matching
 * entries as CSV, with ISO times. Each search and each export is itself
 * written to the log, with its criteria. A search starts from the keys
 * of its most telling criterion (wm_store_audit_search), so it costs
 * what its matches cost, and reads at most the newest LISTED_MAX.
 *
 *   GET /admin/audit?person=&account=&action=&from_*=&to_*=&page=
 *   GET /admin/audit.csv?person=&account=&action=&from_*=&to_*=
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/profile.h"
#include "util/escape.h"
#include "web/admin.h"
#include "web/date_input.h"
#include "web/paging.h"

#define ENTRIES_PER_PAGE 50
/* The most entries a search lists, 40 pages of them, newest first, so
 * that no search reads more of the log than this; older ones are found
 * by narrowing its dates. */
#define LISTED_MAX 2000
/* The most entries one download holds, and the most bytes: what one
 * response may carry (4 MB), less room for its headers. A larger search
 * is to be narrowed. */
#define EXPORT_MAX 20000
#define EXPORT_BYTES (((size_t)4 << 20) - ((size_t)64 << 10))

enum { F_PERSON, F_ACCOUNT, F_ACTION, F_FROM, F_TO, N_FIELDS };

/* A search as asked (the query's text) and as the store takes it. */
struct criteria {
	const char *person, *account, *action;
	struct wm_date_parts from_p, to_p;
	char from[11], to[11], before[11];
	struct wm_audit_search q;
	struct wm_field_error e[N_FIELDS];
	int bad;
};

/* A text criterion: NULL when not given; refused (at e[i]) when it is
 * too long or holds control characters. */
static const char *
text_criterion(struct wm_http *h, struct criteria *c, const char *name,
    size_t max, size_t i)
{
	const char *v = NULL;

	if (wm_http_query_text(h, name, max, &v) > WM_QUERY_ABSENT) {
		c->e[i].message = "Enter at most 100 characters, without "
		    "control characters";
		c->bad = 1;
	}
	return v && v[0] ? v : NULL;
}

/* Whether the log holds the action asked for. */
struct held {
	const char *action;
	int found;
};

static int
is_held(void *ctx, const char *action)
{
	struct held *held = ctx;

	held->found = strcmp(action, held->action) == 0;
	return held->found;
}

/* Looks up the person and the account the search names, and checks the
 * action is one the log holds (the form offers only those). 0, or the
 * store's failure (answered). */
static int
resolve(struct wm_http *h, struct criteria *c)
{
	struct wm_buf err = WM_BUF_INIT;
	int rc = 0;

	if (c->person && !c->e[F_PERSON].message) {
		if (wm_ident_problem(c->person))
			rc = WM_STORE_NOT_FOUND;
		else
			rc = wm_store_person_find(h->store, c->person,
			    &c->q.person_id, &err);
		if (rc == WM_STORE_NOT_FOUND) {
			c->e[F_PERSON].message = "There is no person with that "
			    "identifier";
			c->bad = 1;
			rc = 0;
		}
	}
	if (rc == 0 && c->account && !c->e[F_ACCOUNT].message) {
		rc = wm_store_account_find(h->store, c->account,
		    &c->q.account_id, &err);
		if (rc == WM_STORE_NOT_FOUND) {
			c->e[F_ACCOUNT].message = "There is no account with that "
			    "email address";
			c->bad = 1;
			rc = 0;
		}
	}
	if (rc == 0 && c->action && !c->e[F_ACTION].message) {
		struct held held = { c->action, 0 };

		rc = wm_store_audit_actions(h->store, is_held, &held, &err);
		if (rc == 0 && !held.found) {
			c->e[F_ACTION].message = "Choose an action from the list";
			c->bad = 1;
		}
	}
	if (rc)
		wm_page_store_error(h, rc, wm_buf_str(&err));
	wm_buf_release(&err);
	return rc;
}

/* The dates: each a real date, the last not before the first; entries
 * before the day after the last. */
static void
dates(struct criteria *c)
{
	struct wm_date from, to;
	int f = wm_date_parts_read(&c->from_p, &from);
	int t = wm_date_parts_read(&c->to_p, &to);

	if (f < 0)
		c->e[F_FROM].message = "The date must be a real date, as day, "
		    "month and year: for example, 6 12 2026";
	if (t < 0)
		c->e[F_TO].message = "The date must be a real date, as day, "
		    "month and year: for example, 6 12 2026";
	if (f > 0)
		wm_date_format(&from, c->from);
	if (t > 0) {
		if (f > 0 && wm_date_cmp(&to, &from) < 0)
			c->e[F_TO].message = "The last day must not be before "
			    "the first";
		wm_date_format(&to, c->to);
		wm_date_from_days(wm_date_days(&to) + 1, &to);
		wm_date_format(&to, c->before);
	}
	c->bad |= f < 0 || t < 0 || c->e[F_TO].message != NULL;
}

/* Reads and checks the search. 0 (c->bad when it is refused), or -1
 * when the store failed (answered). */
static int
criteria_read(struct wm_http *h, struct criteria *c)
{
	static const char *const ids[N_FIELDS] = { "person", "account",
	    "action", "from_day", "to_day" };
	size_t i;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < N_FIELDS; i++)
		c->e[i].field_id = ids[i];
	c->person = text_criterion(h, c, "person", 100, F_PERSON);
	c->account = text_criterion(h, c, "account", 100, F_ACCOUNT);
	c->action = text_criterion(h, c, "action", 100, F_ACTION);
	wm_date_parts_query(h, "from", &c->from_p);
	wm_date_parts_query(h, "to", &c->to_p);
	dates(c);
	c->q.action = c->action;
	c->q.from = c->from;
	c->q.before = c->before;
	return resolve(h, c) ? -1 : 0;
}

/* The search as the query string gives it, for the pages' links and
 * the export: "person=P1&..." (escaped for a URL), ending in '&'. */
static void
criteria_query(const struct criteria *c, struct wm_buf *out)
{
	const char *const texts[][2] = { { "person", c->person },
	    { "account", c->account }, { "action", c->action } };
	static const char *const part[] = { "day", "month", "year" };
	size_t i;

	for (i = 0; i < 3; i++)
		if (texts[i][1]) {
			wm_buf_printf(out, "%s=", texts[i][0]);
			wm_esc_url_s(out, texts[i][1]);
			wm_buf_puts(out, "&");
		}
	for (i = 0; i < 3; i++) {
		if (c->from_p.v[i][0]) {
			wm_buf_printf(out, "from_%s=", part[i]);
			wm_esc_url_s(out, c->from_p.v[i]);
			wm_buf_puts(out, "&");
		}
		if (c->to_p.v[i][0]) {
			wm_buf_printf(out, "to_%s=", part[i]);
			wm_esc_url_s(out, c->to_p.v[i]);
			wm_buf_puts(out, "&");
		}
	}
}

/* What the search asked, for its own audit entry. */
static void
criteria_words(const struct criteria *c, struct wm_buf *out)
{
	const char *const v[][2] = { { "person", c->person },
	    { "account", c->account }, { "action", c->action },
	    { "from", c->from[0] ? c->from : NULL },
	    { "to", c->to[0] ? c->to : NULL } };
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		if (v[i][1])
			wm_buf_printf(out, "%s%s %s", out->len ? "; " : "",
			    v[i][0], v[i][1]);
	if (!out->len)
		wm_buf_puts(out, "everything");
}

struct actions {
	struct wm_http *h;
	const char *chosen;
};

static int
action_option(void *ctx, const char *action)
{
	struct actions *a = ctx;

	wm_option(a->h, action, action, a->chosen);
	return 0;
}

/* The actions the log holds, to choose one from. 0, or -1 when the store
 * failed (answered). */
static int
action_field(struct wm_http *h, const struct criteria *c)
{
	struct actions a = { h, c->action ? c->action : "" };
	struct wm_buf err = WM_BUF_INIT;
	int rc;

	wm_admin_select_start(h, "action", "Action", NULL,
	    c->e[F_ACTION].message);
	wm_option(h, "", "Any action", a.chosen);
	rc = wm_page_store_ok(h, wm_store_audit_actions(h->store,
	    action_option, &a, &err), &err) ? 0 : -1;
	HTML(h, "</select>\n</div>\n");
	wm_buf_release(&err);
	return rc;
}

/* The search form; -1 when the store failed (answered). */
static int
search_form(struct wm_http *h, const struct criteria *c)
{
	HTML(h, "<form method=\"get\" action=\"/admin/audit\" novalidate>\n");
	wm_admin_text(h, "person", "Person (identifier)", NULL,
	    c->e[F_PERSON].message, c->person, "nhsuk-input--width-20");
	wm_admin_text(h, "account", "Account (email address)", NULL,
	    c->e[F_ACCOUNT].message, c->account, "");
	if (action_field(h, c))
		return -1;
	wm_date_field_query(h, "from", "From", "For example, 1 12 2026.",
	    c->e[F_FROM].message);
	wm_date_field_query(h, "to", "To (and including)", NULL,
	    c->e[F_TO].message);
	HTML(h, "<button class=\"nhsuk-button\" type=\"submit\">Search"
	    "</button>\n</form>\n");
	return 0;
}

/* The length of a date ("2026-12-06") or a quarter ("2026-Q4") that
 * starts at p and stands alone (no digit either side), with it in words
 * in out; 0 when there is none. */
static size_t
code_at(const char *text, const char *p, char *out, size_t n)
{
	char code[11];
	struct wm_quarter q;
	struct wm_date d;
	size_t len;

	if (p > text && p[-1] >= '0' && p[-1] <= '9')
		return 0;
	for (len = 10; len >= 7; len -= 3) {
		if (strlen(p) < len || (p[len] >= '0' && p[len] <= '9'))
			continue;
		memcpy(code, p, len);
		code[len] = '\0';
		if (len == 10 && wm_date_parse(code, &d) == 0) {
			wm_date_words(code, out, n);
			return len;
		}
		if (len == 7 && wm_quarter_parse(code, &q) == 0) {
			wm_quarter_words(&q, out, n);
			return len;
		}
	}
	return 0;
}

/* 1 when what starts at p is where the code that writes details puts a
 * date or a quarter: the detail's start ("2026-Q4: standard 3"), or
 * after one of the words that bring one in ("from 2026-12-07"), so an
 * identifier that only looks like a date ("person 2026-01-02") is shown
 * as it is. */
static int
dated_at(const char *detail, const char *p)
{
	static const char *const words[] = { "from ", "to ", "on ",
	    "quarters ", "before ", "since " };
	size_t i, n;

	if (p == detail)
		return 1;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		n = strlen(words[i]);
		if ((size_t)(p - detail) >= n && strncmp(p - n, words[i], n) ==
		    0 && (p - n == detail || p[-(long)n - 1] == ' '))
			return 1;
	}
	return 0;
}

/* An entry's detail, as the code that wrote it put it, with its dates
 * and quarters in words: a log written before dates were, or for the
 * download (ISO there), reads as every other page does. A page's
 * address in it is shown as code, exactly as it was asked for. */
static void
detail_words(struct wm_http *h, const char *detail)
{
	const char *p, *from = detail;
	char words[48];
	size_t len;

	for (p = detail; *p; p++) {
		if (*p == '/' && (p == detail || p[-1] == ' ')) {
			/* A page's address, as it was asked for. */
			len = strcspn(p, " ;");
			wm_esc_html(&h->out, from, (size_t)(p - from));
			HTML(h, "<code>");
			wm_esc_html(&h->out, p, len);
			HTML(h, "</code>");
			p += len - 1;
			from = p + 1;
			continue;
		}
		if (*p < '1' || *p > '2' || !dated_at(detail, p) ||
		    !(len = code_at(detail, p, words, sizeof(words))))
			continue;
		wm_esc_html(&h->out, from, (size_t)(p - from));
		wm_esc_html_s(&h->out, words);
		p += len - 1;
		from = p + 1;
	}
	wm_esc_html_s(&h->out, from);
}

struct listing {
	struct wm_http *h;
	struct wm_paging *paging;
	int rows;
};

static int
entry_row(void *ctx, const struct wm_audit_found *a)
{
	static const char *const heads[] = { "When", "Who", "What", "About",
	    "From" };
	struct listing *l = ctx;
	struct wm_http *h = l->h;
	char when[64];

	if (l->rows++ == 0) {
		if (l->paging->total > LISTED_MAX) {
			l->paging->total = LISTED_MAX;
			HTML(h, "<p class=\"nhsuk-body\">More than 2,000 entries "
			    "match. The newest 2,000 are listed: narrow the "
			    "search by its dates to find older ones.</p>\n");
		}
		wm_paging_summary(h, l->paging, "entry", "entries");
		wm_table_start(h, "Entries, newest first", 0, heads,
		    sizeof(heads) / sizeof(heads[0]));
	}
	wm_datetime_words(a->at, when, sizeof(when));
	HTML(h, "<tr class=\"nhsuk-table__row\">");
	wm_admin_td(h, "When");
	wm_esc_html_s(&h->out, when);
	HTML(h, WM_ADMIN_TD_END);
	wm_admin_td(h, "Who");
	wm_esc_html_s(&h->out, a->actor);
	if (a->email) {
		HTML(h, " (");
		wm_esc_html_s(&h->out, a->email);
		HTML(h, ")");
	}
	HTML(h, WM_ADMIN_TD_END);
	wm_admin_td(h, "What");
	wm_esc_html_s(&h->out, a->action);
	if (a->detail && a->detail[0]) {
		HTML(h, ": ");
		detail_words(h, a->detail);
	}
	HTML(h, WM_ADMIN_TD_END);
	wm_admin_td(h, "About");
	if (a->subject) {
		wm_esc_html_s(&h->out, a->subject_kind);
		HTML(h, " ");
		wm_esc_html_s(&h->out, a->subject);
	}
	HTML(h, WM_ADMIN_TD_END);
	wm_admin_td(h, "From");
	wm_esc_html_s(&h->out, a->address ? a->address : "");
	HTML(h, WM_ADMIN_TD_END "</tr>\n");
	return 0;
}

static void
results(struct wm_http *h, const struct criteria *c,
    struct wm_paging *paging)
{
	struct listing l = { h, paging, 0 };
	struct wm_buf err = WM_BUF_INIT, href = WM_BUF_INIT;
	int64_t offset = wm_paging_offset(paging);

	/* No page shows an entry past the newest LISTED_MAX. */
	if (offset < LISTED_MAX && !wm_page_store_ok(h,
	    wm_store_audit_search(h->store, &c->q, offset, ENTRIES_PER_PAGE,
	    LISTED_MAX + 1, &paging->total, entry_row, &l, &err), &err))
		goto out;
	wm_buf_puts(&href, "/admin/audit?");
	criteria_query(c, &href);
	if (l.rows) {
		HTML(h, "</tbody>\n</table>\n");
		wm_paging_nav(h, paging, wm_buf_str(&href));
	} else if (paging->page > 1) {
		HTML(h, "<p class=\"nhsuk-body\">There is no such page: <a "
		    "href=\"");
		wm_esc_attr_s(&h->out, wm_buf_str(&href));
		HTML(h, "page=1\">the search's first page</a>.</p>\n");
	} else
		HTML(h, "<p class=\"nhsuk-body\">No entries match.</p>\n");
	wm_buf_clear(&href);
	wm_buf_puts(&href, "/admin/audit.csv?");
	criteria_query(c, &href);
	HTML(h, "<p class=\"nhsuk-body\"><a href=\"");
	wm_esc_attr_s(&h->out, wm_buf_str(&href));
	HTML(h, "\" download>Download the matching entries (CSV)</a>, with "
	    "times in ISO 8601 (UTC).</p>\n");
out:
	wm_buf_release(&href);
	wm_buf_release(&err);
}

void
wm_page_admin_audit(struct wm_http *h)
{
	struct wm_paging paging = { 1, ENTRIES_PER_PAGE, 0 };
	struct wm_buf err = WM_BUF_INIT, words = WM_BUF_INIT;
	struct criteria c;

	if (wm_paging_parse(h, &paging.page)) {
		wm_page_error(h, 400, "Sorry, there is a problem",
		    "Page must be a whole number from 1 to 1000000.");
		return;
	}
	if (criteria_read(h, &c))
		goto out;
	criteria_words(&c, &words);
	/* Searching the log is itself audited, with what was asked. */
	if (!c.bad && !wm_page_store_ok(h, wm_http_audit(h, "searched the "
	    "audit log", NULL, 0, wm_buf_str(&words), &err), &err))
		goto out;
	if (c.bad)
		h->status = 400;
	wm_admin_page_start(h, "The audit log");
	wm_admin_errors(h, c.e, N_FIELDS);
	HTML(h, "<p class=\"nhsuk-body\">Who read or changed what, when and "
	    "from where. Times are Greenwich Mean Time. Every search, and "
	    "every download, is itself written to the log.</p>\n");
	if (search_form(h, &c))
		goto out;
	if (!c.bad)
		results(h, &c, &paging);
	wm_page_end(h);
out:
	wm_buf_release(&words);
	wm_buf_release(&err);
}

/* The download as it is written: refused when the search matches too
 * many entries, or they would not fit in one response. */
struct export {
	struct wm_buf csv;
	int64_t total;
	int too_many;
};

static int
csv_row(void *ctx, const struct wm_audit_found *a)
{
	struct export *x = ctx;
	const char *cells[] = { a->at, a->action, a->actor, a->email,
	    a->address, a->subject_kind, a->subject, a->detail };
	size_t i;

	if (x->total > EXPORT_MAX) {
		x->too_many = 1;
		return 1;
	}
	for (i = 0; i < sizeof(cells) / sizeof(cells[0]); i++) {
		if (i)
			wm_buf_puts(&x->csv, ",");
		wm_esc_csv_s(&x->csv, cells[i] ? cells[i] : "");
	}
	wm_buf_puts(&x->csv, "\r\n");
	if (x->csv.failed) {
		x->too_many = 1;
		return 1;
	}
	return 0;
}

/* Answers a download refused for its size, saying how to narrow it. */
static void
export_refused(struct wm_http *h, const struct export *x)
{
	struct wm_buf why = WM_BUF_INIT;

	if (x->total > EXPORT_MAX)
		wm_buf_printf(&why, "More than %d entries match: at most %d "
		    "can be downloaded at once.", EXPORT_MAX, EXPORT_MAX);
	else
		wm_buf_printf(&why, "The %lld entries that match are more "
		    "than one download can carry.", (long long)x->total);
	wm_buf_puts(&why, " Narrow the search by its dates, then download "
	    "each part.");
	wm_page_error_on(h, 400, "Too many entries to download",
	    wm_buf_str(&why), NULL, "/admin/audit", "Back to the audit log");
	wm_buf_release(&why);
}

/* The matching entries as CSV, written out whole before anything is
 * sent, so that a download refused is not logged as one, and one logged
 * is what was sent. */
void
wm_page_admin_audit_csv(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT, words = WM_BUF_INIT;
	struct export x;
	struct criteria c;

	memset(&x, 0, sizeof(x));
	wm_buf_init(&x.csv, EXPORT_BYTES);
	if (criteria_read(h, &c))
		goto out;
	if (c.bad) {
		wm_page_error_on(h, 400, "Sorry, there is a problem", "Check the "
		    "search on the audit log's page, then download it from "
		    "there.", NULL, "/admin/audit", "Back to the audit log");
		goto out;
	}
	wm_buf_puts(&x.csv, "time,action,account,email,address,about_kind,"
	    "about,detail\r\n");
	if (!wm_page_store_ok(h, wm_store_audit_search(h->store, &c.q, 0, -1,
	    EXPORT_MAX + 1, &x.total, csv_row, &x, &err), &err))
		goto out;
	if (x.too_many) {
		export_refused(h, &x);
		goto out;
	}
	criteria_words(&c, &words);
	if (!wm_page_store_ok(h, wm_http_audit(h, "exported the audit log",
	    NULL, 0, wm_buf_str(&words), &err), &err))
		goto out;
	wm_buf_add(&h->out, x.csv.data, x.csv.len);
	h->content_type = "text/csv; charset=utf-8";
	h->download = "waymark-audit.csv";
out:
	wm_buf_release(&x.csv);
	wm_buf_release(&words);
	wm_buf_release(&err);
}
