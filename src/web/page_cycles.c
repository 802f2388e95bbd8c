/*
 * A service's measurement cycles, for its lead: which measures are due
 * how often for whom, adding and stopping cycles (changing how often is
 * stopping one and adding another), and how many of the times due were
 * done in time, month by month. The cycles drive the practitioners' due
 * lists; the rules are core's (core/cycle.h), the figures the store's
 * (wm_store_completion_each), the tables and charts report's.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/completion.h"
#include "report/table_region.h"
#include "util/date.h"
#include "util/escape.h"
#include "web/confirm.h"
#include "web/date_input.h"
#include "web/layout.h"

#define MAX_MEASURES 64

/* A measure a cycle may ask: the latest version of a loaded url. */
struct measure {
	char *url;
	char *title;
	unsigned subjects;	/* WM_SUBJECT_PERSON and/or _SERVICE */
};

struct measures {
	struct wm_http *h;
	struct wm_arena arena;
	struct measure v[MAX_MEASURES];
	size_t n;
};

static int
measure_row(void *ctx, const struct wm_instrument_row *r)
{
	struct measures *m = ctx;
	const struct wm_instrument *in;
	unsigned subjects;

	if (m->n == MAX_MEASURES || !(in = wm_page_instrument(m->h, r->id)) ||
	    in->kind != WM_KIND_MEASURE)	/* a plan is no cycle's */
		return 0;
	subjects = in->subjects & (WM_SUBJECT_PERSON | WM_SUBJECT_SERVICE);
	if (!subjects)
		return 0;
	m->v[m->n].url = wm_arena_strdup(&m->arena, r->url);
	m->v[m->n].title = wm_arena_strdup(&m->arena, r->title);
	m->v[m->n].subjects = subjects;
	if (m->v[m->n].url && m->v[m->n].title)
		m->n++;
	return 0;
}

static void
measures_load(struct wm_http *h, struct measures *m)
{
	struct wm_buf err = WM_BUF_INIT;

	m->h = h;
	wm_page_store_ok(h, wm_store_instrument_latest(h->store, measure_row, m,
	    &err), &err);
	wm_buf_release(&err);
}

/* The form's "measure" value, "person|URL" or "service|URL": the
 * measure, if it is loaded and suits that subject. */
static const struct measure *
measure_chosen(const struct measures *m, const char *value,
    const char **subject)
{
	static const struct {
		const char *prefix;
		unsigned bit;
	} kinds[] = {
		{ "person|", WM_SUBJECT_PERSON },
		{ "service|", WM_SUBJECT_SERVICE },
	};
	size_t i, k, len;

	for (k = 0; value && k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		len = strlen(kinds[k].prefix);
		if (strncmp(value, kinds[k].prefix, len) != 0)
			continue;
		for (i = 0; i < m->n; i++)
			if ((m->v[i].subjects & kinds[k].bit) &&
			    strcmp(m->v[i].url, value + len) == 0) {
				*subject = kinds[k].prefix[0] == 'p' ?
				    "person" : "service";
				return &m->v[i];
			}
	}
	return NULL;
}

static const char *
for_whom(const char *subject_kind)
{
	return strcmp(subject_kind, "person") == 0 ?
	    "Each person on the caseload" : "The service";
}

struct listing {
	struct wm_http *h;
	const struct wm_led_service *s;
	size_t n;
};

static int
cycle_line(void *ctx, const struct wm_cycle_info_row *c)
{
	struct listing *l = ctx;
	struct wm_http *h = l->h;
	struct wm_buf action = WM_BUF_INIT;
	char when[40], id[24];

	if (l->n++ == 0) {
		wm_table_region_start(&h->out, "The service's cycles", "");
		HTML(h, "<table class=\"nhsuk-table\">\n<caption class=\""
		    "nhsuk-table__caption\">The service's cycles</caption>\n"
		    "<thead class=\"nhsuk-table__head\"><tr class=\""
		    "nhsuk-table__row\"><th scope=\"col\" class=\""
		    "nhsuk-table__header\">Measure</th><th scope=\"col\" "
		    "class=\"nhsuk-table__header\">For whom</th><th scope=\""
		    "col\" class=\"nhsuk-table__header\">How often</th><th "
		    "scope=\"col\" class=\"nhsuk-table__header\">From</th><th "
		    "scope=\"col\" class=\"nhsuk-table__header\">Running?</th>"
		    "</tr></thead>\n<tbody class=\"nhsuk-table__body\">\n");
	}
	HTML(h, "<tr class=\"nhsuk-table__row\"><td class=\"nhsuk-table__cell"
	    "\">");
	wm_esc_html_s(&h->out, c->title);
	HTML(h, "</td><td class=\"nhsuk-table__cell\">");
	wm_esc_html_s(&h->out, for_whom(c->subject_kind));
	wm_buf_printf(&h->out, "</td><td class=\"nhsuk-table__cell\">Every "
	    "%d month%s</td><td class=\"nhsuk-table__cell\">", c->every_months,
	    c->every_months == 1 ? "" : "s");
	wm_date_words(c->start, when, sizeof(when));
	wm_esc_html_s(&h->out, when);
	HTML(h, "</td><td class=\"nhsuk-table__cell\">");
	if (c->stopped) {
		wm_date_words(c->stopped, when, sizeof(when));
		HTML(h, "Stopped from ");
		wm_esc_html_s(&h->out, when);
	} else {
		snprintf(id, sizeof(id), "/cycles/%lld/stop", (long long)c->id);
		wm_service_href(&action, l->s, "");
		wm_buf_puts(&action, id);
		HTML(h, "Running\n");
		wm_post_form_start(h, wm_buf_str(&action));
		HTML(h, "<button class=\"nhsuk-button nhsuk-button--"
		    "secondary nhsuk-u-margin-bottom-0\" type=\"submit\">Stop"
		    "<span class=\"nhsuk-u-visually-hidden\"> ");
		wm_esc_html_s(&h->out, c->title);
		wm_buf_printf(&h->out, " every %d months</span></button>\n"
		    "</form>", c->every_months);
	}
	HTML(h, "</td></tr>\n");
	wm_buf_release(&action);
	return 0;
}

/* What was typed into the form, kept when it is shown again. */
struct typed {
	const char *measure, *every;
};

enum { F_MEASURE, F_EVERY, F_START, N_FIELDS };

static void
measure_options(struct wm_http *h, const struct measures *m,
    const char *chosen, unsigned bit, const char *group)
{
	const char *prefix = bit == WM_SUBJECT_PERSON ? "person|" : "service|";
	struct wm_buf v = WM_BUF_INIT;
	size_t i;

	HTML(h, "<optgroup label=\"");
	wm_esc_attr_s(&h->out, group);
	HTML(h, "\">\n");
	for (i = 0; i < m->n; i++) {
		if (!(m->v[i].subjects & bit))
			continue;
		wm_buf_clear(&v);
		wm_buf_puts(&v, prefix);
		wm_buf_puts(&v, m->v[i].url);
		HTML(h, "<option value=\"");
		wm_esc_attr_s(&h->out, wm_buf_str(&v));
		HTML(h, "\"");
		if (chosen && strcmp(chosen, wm_buf_str(&v)) == 0)
			HTML(h, " selected");
		HTML(h, ">");
		wm_esc_html_s(&h->out, m->v[i].title);
		HTML(h, "</option>\n");
	}
	HTML(h, "</optgroup>\n");
	wm_buf_release(&v);
}

static void
add_form(struct wm_http *h, const struct wm_led_service *s,
    const struct measures *m, const struct typed *t,
    const struct wm_field_error *e)
{
	struct wm_buf action = WM_BUF_INIT;

	wm_service_href(&action, s, "/cycles");
	HTML(h, "<h2 class=\"nhsuk-heading-m\" id=\"add\">Add a cycle</h2>\n");
	wm_post_form_start(h, wm_buf_str(&action));
	wm_form_group_start(h, "measure", "Measure", "Measures about a person are "
	    "due for each person on the caseload; measures about the service "
	    "are due for the service.", e[F_MEASURE].message);
	HTML(h, "<select class=\"nhsuk-select\" id=\"measure\" name=\"measure\""
	    " aria-describedby=\"measure-hint\">\n<option value=\"\">Choose a "
	    "measure</option>\n");
	measure_options(h, m, t->measure, WM_SUBJECT_PERSON,
	    "For each person on the caseload");
	measure_options(h, m, t->measure, WM_SUBJECT_SERVICE, "For the service");
	HTML(h, "</select>\n</div>\n");
	wm_form_group_start(h, "every", "How often, in months", "A whole number from "
	    "1 to 60: for example, 6 for every six months.",
	    e[F_EVERY].message);
	HTML(h, "<input class=\"nhsuk-input nhsuk-input--width-2\" id=\"every\""
	    " name=\"every\" type=\"text\" inputmode=\"numeric\" "
	    "aria-describedby=\"every-hint\" value=\"");
	wm_esc_attr_s(&h->out, t->every ? t->every : "");
	HTML(h, "\">\n</div>\n");
	wm_date_field(h, "start", "Starting from", "The date it is first due: "
	    "for example, 1 12 2026. People who join later are due when they "
	    "join.", e[F_START].message);
	HTML(h, "<button class=\"nhsuk-button\" type=\"submit\">"
	    "Add cycle</button>\n</form>\n");
	wm_buf_release(&action);
}

struct rates {
	struct wm_http *h;
	int k;
};

static int
rate_section(void *ctx, const struct wm_completion_row *r)
{
	struct rates *x = ctx;
	struct wm_http *h = x->h;
	const struct wm_cycle_info_row *c = r->cycle;
	int people = strcmp(c->subject_kind, "person") == 0;
	struct wm_buf caption = WM_BUF_INIT;
	char id[24];

	wm_buf_puts(&caption, c->title);
	wm_buf_printf(&caption, ", every %d month%s, for %s", c->every_months,
	    c->every_months == 1 ? "" : "s", people ?
	    "each person on the caseload" : "the service");
	if (c->stopped)
		wm_buf_puts(&caption, " (stopped)");
	snprintf(id, sizeof(id), "completion-%d", ++x->k);
	HTML(h, "<h3 class=\"nhsuk-heading-s\">");
	wm_esc_html_s(&h->out, wm_buf_str(&caption));
	HTML(h, "</h3>\n");
	wm_completion_svg(&h->out, id, wm_buf_str(&caption), r->months);
	wm_buf_puts(&caption, ": times due and done in time, by month");
	wm_completion_table(&h->out, wm_buf_str(&caption), r->months, people);
	wm_buf_release(&caption);
	return 0;
}

static void
cycles_page(struct wm_http *h, const struct wm_led_service *s,
    const struct measures *m, const struct typed *t,
    const struct wm_field_error *e)
{
	struct listing l = { h, s, 0 };
	struct rates x = { h, 0 };
	struct wm_buf err = WM_BUF_INIT, back = WM_BUF_INIT;
	struct wm_date today;
	size_t i;

	wm_page_start(h, "Measurement cycles");
	for (i = 0; i < N_FIELDS; i++)
		if (e[i].message) {
			wm_error_summary_list(h, e, N_FIELDS);
			break;
		}
	wm_service_href(&back, s, "");
	HTML(h, "<p class=\"nhsuk-body\"><a href=\"");
	wm_esc_attr_s(&h->out, wm_buf_str(&back));
	HTML(h, "\">");
	wm_esc_html_s(&h->out, wm_buf_str(&s->name));
	HTML(h, "</a></p>\n<p class=\"nhsuk-body\">Which measures are due how "
	    "often, and for whom. A measure about a person is due when they "
	    "join the caseload (or when the cycle starts, if later), then "
	    "again that many months after each answer; it is done in time if "
	    "it is answered from 30 days before to 30 days after it is due. "
	    "The cycles make the practitioners' lists of what is due.</p>\n");
	wm_page_store_ok(h, wm_store_cycles(h->store, s->id, cycle_line, &l,
	    &err), &err);
	if (l.n) {
		HTML(h, "</tbody>\n</table>\n");
		wm_table_region_end(&h->out);
	} else
		HTML(h, "<p class=\"nhsuk-body\">No cycles yet.</p>\n");
	HTML(h, "<p class=\"nhsuk-body\">To change how often a measure is due, "
	    "stop its cycle and add a new one from the date the new "
	    "frequency begins. A stopped cycle's history still counts "
	    "below.</p>\n");
	add_form(h, s, m, t, e);
	HTML(h, "<h2 class=\"nhsuk-heading-m\">Completion, month by month</h2>"
	    "\n<p class=\"nhsuk-body\">For each of the last 12 months and this "
	    "one: how many times a measure fell due, and how many of those "
	    "were done in time. A time due counts once its window has closed, "
	    "or sooner if it was done; someone who left before a window "
	    "closed was not due then. This month's figures, and last "
	    "month's until its windows close, are not final.</p>\n");
	wm_date_from_days((long)(h->now / 86400), &today);
	if (wm_page_store_ok(h, wm_store_completion_each(h->store, s->id,
	    &today, rate_section, &x, &err), &err) && !x.k)
		HTML(h, "<p class=\"nhsuk-body\">No cycles yet, so nothing has "
		    "been due.</p>\n");
	wm_page_end(h);
	wm_buf_release(&back);
	wm_buf_release(&err);
}

void
wm_page_cycles(struct wm_http *h)
{
	struct wm_led_service s = WM_LED_SERVICE_INIT;
	struct measures m = { 0 };
	struct typed t = { NULL, NULL };
	struct wm_field_error e[N_FIELDS] = { { "measure", NULL },
	    { "every", NULL }, { "start-day", NULL } };

	if (wm_service_led(h, &s) == 0) {
		measures_load(h, &m);
		cycles_page(h, &s, &m, &t, e);
	}
	wm_arena_release(&m.arena);
	wm_led_service_release(&s);
}

/* After a change: back to the cycles page, or the reason it failed (rc
 * from the store; `failed` says what could not be done). */
static void
changed(struct wm_http *h, const struct wm_led_service *s, int rc,
    const struct wm_buf *err)
{
	struct wm_buf next = WM_BUF_INIT;

	if (rc == WM_STORE_NOT_FOUND)
		wm_page_not_found(h);
	else if (rc)
		wm_page_store_error(h, rc, wm_buf_str(err));
	else {
		wm_service_href(&next, s, "/cycles");
		wm_http_redirect(h, wm_buf_str(&next));
	}
	wm_buf_release(&next);
}

void
wm_page_cycle_add(struct wm_http *h)
{
	struct wm_led_service s = WM_LED_SERVICE_INIT;
	struct measures m = { 0 };
	struct typed t = { wm_form_get(&h->form, "measure"),
	    wm_form_get(&h->form, "every") };
	struct wm_field_error e[N_FIELDS] = { { "measure", NULL },
	    { "every", NULL }, { "start-day", NULL } };
	char first[11];
	struct wm_cycle_change c = { 0 };
	struct wm_buf err = WM_BUF_INIT;
	const struct measure *chosen;
	struct wm_date start;
	int64_t id;

	if (wm_service_led(h, &s))
		goto out;
	measures_load(h, &m);
	if (!t.measure || !t.measure[0])
		e[F_MEASURE].message = "Choose a measure";
	else if (!(chosen = measure_chosen(&m, t.measure, &c.subject_kind)))
		e[F_MEASURE].message = "Choose a measure from the list";
	else
		c.url = chosen->url;
	e[F_EVERY].message = wm_cycle_every_problem(t.every, &c.every_months);
	switch (wm_date_input_read(h, "start", &start)) {
	case 1:
		wm_date_format(&start, first);
		break;
	case 0:
		e[F_START].message = "Enter the date the cycle starts from";
		break;
	default:
		e[F_START].message = "The start date must be a real date: for "
		    "example, 1 12 2026";
	}
	if (e[F_MEASURE].message || e[F_EVERY].message || e[F_START].message) {
		h->status = 400;
		cycles_page(h, &s, &m, &t, e);
		goto out;
	}
	c.unit_id = s.id;
	c.date = first;
	c.actor = h->who.account_id;
	c.address = h->address;
	changed(h, &s, wm_store_cycle_start(h->store, &c, &id, &err), &err);
out:
	wm_buf_release(&err);
	wm_arena_release(&m.arena);
	wm_led_service_release(&s);
}

/* The running cycle `id` of the service, found among its cycles. */
struct running {
	int64_t id;
	struct wm_buf title;
	int every_months, person, found;
};

static int
running_row(void *ctx, const struct wm_cycle_info_row *c)
{
	struct running *r = ctx;

	if (c->id != r->id || c->stopped)
		return 0;
	wm_buf_puts(&r->title, c->title);
	r->every_months = c->every_months;
	r->person = strcmp(c->subject_kind, "person") == 0;
	r->found = 1;
	return 0;
}

/* Stopping cannot be undone (a new cycle can be added, but the stopped
 * one stays stopped), so the lead is asked first. 1: go on. */
static int
stop_confirmed(struct wm_http *h, const struct wm_led_service *s,
    int64_t id)
{
	struct running r = { id, WM_BUF_INIT, 0, 0, 0 };
	struct wm_buf err = WM_BUF_INIT, title = WM_BUF_INIT,
	    happens = WM_BUF_INIT, back = WM_BUF_INIT;
	struct wm_confirm c;
	int ok = 0;

	if (!wm_page_store_ok(h, wm_store_cycles(h->store, s->id, running_row,
	    &r, &err), &err))
		goto out;
	if (!r.found) {
		wm_page_not_found(h);
		goto out;
	}
	wm_buf_puts(&title, "Stop the ");
	if (r.every_months > 1)
		wm_buf_printf(&title, "%d-", r.every_months);
	wm_buf_puts(&title, "monthly ");
	wm_buf_puts(&title, wm_buf_str(&r.title));
	wm_buf_puts(&title, " cycle for ");
	wm_buf_puts(&title, wm_buf_str(&s->name));
	wm_buf_puts(&title, "?");
	wm_buf_puts(&happens, r.person ? "People on the caseload will no "
	    "longer be asked to answer it, from today." : "The service will "
	    "no longer be due to answer it, from today.");
	wm_buf_puts(&happens, " What was done so far still counts. A stopped "
	    "cycle cannot be started again: to ask for the measure again, "
	    "add a new cycle.");
	wm_service_href(&back, s, "/cycles");
	c = (struct wm_confirm){ wm_buf_str(&title), wm_buf_str(&happens),
	    "Yes, stop it", wm_buf_str(&back) };
	ok = wm_confirmed(h, &c);
out:
	wm_buf_release(&r.title);
	wm_buf_release(&title);
	wm_buf_release(&happens);
	wm_buf_release(&back);
	wm_buf_release(&err);
	return ok;
}

void
wm_page_cycle_stop(struct wm_http *h)
{
	struct wm_led_service s = WM_LED_SERVICE_INIT;
	int64_t id = wm_route_number(&h->match, "id");
	struct wm_buf err = WM_BUF_INIT;
	struct wm_cycle_change c = { 0 };
	struct wm_date today;
	char date[11];
	int rc;

	if (wm_service_led(h, &s))
		goto out;
	if (!id) {
		wm_page_not_found(h);
		goto out;
	}
	if (!stop_confirmed(h, &s, id))
		goto out;
	wm_date_from_days((long)(h->now / 86400), &today);
	wm_date_format(&today, date);
	c.unit_id = s.id;
	c.date = date;
	c.actor = h->who.account_id;
	c.address = h->address;
	rc = wm_store_cycle_stop(h->store, &c, id, &err);
	changed(h, &s, rc, &err);
out:
	wm_buf_release(&err);
	wm_led_service_release(&s);
}
