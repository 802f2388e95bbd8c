/*
 * A plan drawn for reading (web/plan_view.h).
 */
#include "web/plan_view.h"

#include <stdio.h>
#include <string.h>

#include "core/plan.h"
#include "util/date.h"
#include "util/escape.h"
#include "web/layout.h"
#include "web/pages.h"

void
wm_plan_made(struct wm_http *h, const struct wm_plan_doc *d)
{
	char when[64], agreed[40];

	wm_datetime_words(d->saved, when, sizeof(when));
	HTML(h, "<p class=\"nhsuk-body wm-plan-made\">");
	if (d->n)
		wm_buf_printf(&h->out, "Version %lld, finished on ",
		    (long long)d->n);
	else
		HTML(h, "Saved part-way, not finished: ");
	wm_esc_html_s(&h->out, when);
	if (d->together) {
		HTML(h, ", made together with ");
		wm_esc_html_s(&h->out, d->author_name.len ?
		    wm_buf_str(&d->author_name) : "a practitioner");
	}
	if (d->agreed[0]) {
		wm_date_words(d->agreed, agreed, sizeof(agreed));
		HTML(h, ", agreed on ");
		wm_esc_html_s(&h->out, agreed);
	}
	HTML(h, ".</p>\n");
}

/* Text as written, its lines kept. */
static void
lines(struct wm_http *h, const char *s)
{
	const char *nl;

	for (; (nl = strchr(s, '\n')) != NULL; s = nl + 1) {
		wm_esc_html(&h->out, s, (size_t)(nl - s));
		HTML(h, "<br>\n");
	}
	wm_esc_html_s(&h->out, s);
}

/* One "Name, how to reach them" a line, as a list. */
static void
list(struct wm_http *h, const char *s)
{
	const char *nl;

	HTML(h, "<ul class=\"nhsuk-list nhsuk-list--bullet\">\n");
	for (;; s = nl + 1) {
		nl = strchr(s, '\n');
		HTML(h, "<li>");
		wm_esc_html(&h->out, s, nl ? (size_t)(nl - s) : strlen(s));
		HTML(h, "</li>\n");
		if (!nl)
			break;
	}
	HTML(h, "</ul>\n");
}

void
wm_plan_crisis_contacts(struct wm_http *h, struct wm_buf *out)
{
	struct wm_buf err = WM_BUF_INIT;
	char v[2048];
	int rc = wm_store_setting_get(h->store, WM_CRISIS_CONTACTS_SETTING, v,
	    sizeof(v), &err);

	if (rc && rc != WM_STORE_NOT_FOUND)
		wm_page_store_ok(h, rc, &err);
	else
		wm_buf_puts(out, rc == 0 && v[0] ? v :
		    WM_CRISIS_CONTACTS_DEFAULT);
	wm_buf_release(&err);
}

struct goals {
	struct wm_http *h;
	int any;
	int links;
};

static int
goal_row(void *ctx, const struct wm_goal_row *g)
{
	struct goals *gs = ctx;
	struct wm_http *h = gs->h;

	if (g->state != WM_GOAL_CURRENT)
		return 0;
	if (!gs->any++)
		HTML(h, "<ul class=\"nhsuk-list nhsuk-list--bullet\">\n");
	HTML(h, "<li>");
	if (gs->links) {
		HTML(h, "<a href=\"/goals/");
		wm_buf_printf(&h->out, "%lld", (long long)g->id);
		HTML(h, "\">");
	}
	wm_esc_html_s(&h->out, g->text);
	if (gs->links)
		HTML(h, "</a>");
	if (g->has_rating)
		wm_buf_printf(&h->out, " (%d out of 10 when last looked at)",
		    g->rating);
	HTML(h, "</li>\n");
	return 0;
}

static void
goals(struct wm_http *h, int64_t person, int links)
{
	struct wm_buf err = WM_BUF_INIT;
	struct goals gs = { h, 0, links };

	if (wm_page_store_ok(h, wm_store_goals(h->store, person, goal_row, &gs,
	    &err), &err)) {
		if (gs.any)
			HTML(h, "</ul>\n");
		else
			HTML(h, "<p class=\"nhsuk-body\">No goals set yet.</p>\n");
	}
	wm_buf_release(&err);
}

/* A display item: its words, and what Waymark fills in for it. */
static void
display(struct wm_http *h, const struct wm_plan_doc *d,
    const struct wm_item *it, int64_t person, int links)
{
	struct wm_buf v = WM_BUF_INIT;

	if (it->shows == WM_SHOWS_NOTHING && !it->linked_plan)
		return;	/* guidance for writing, not part of the plan */
	if (it->shows == WM_SHOWS_GOALS && !links)
		return;	/* the person's goals are theirs: sharing a plan
			 * shares no goal */
	HTML(h, "<h3 class=\"nhsuk-heading-s\">");
	wm_esc_html_s(&h->out, it->text);
	HTML(h, "</h3>\n");
	if (it->shows == WM_SHOWS_GOALS) {
		goals(h, person, links);
	} else if (it->shows == WM_SHOWS_CRISIS_CONTACTS) {
		wm_plan_crisis_contacts(h, &v);
		list(h, wm_buf_str(&v));
	} else if (links) {
		wm_plan_title(h, it->linked_plan, &v);
		HTML(h, "<p class=\"nhsuk-body\"><a href=\"/plans#");
		wm_esc_attr_s(&h->out, it->linked_plan);
		HTML(h, "\">Go to ");
		wm_esc_html_s(&h->out, wm_buf_str(&v));
		HTML(h, "</a></p>\n");
	} else {
		HTML(h, "<p class=\"nhsuk-body\">This is a plan of its own; it "
		    "is shown only if it is shared too.</p>\n");
	}
	(void)d;
	wm_buf_release(&v);
}

/* 1 if item k (a group) holds anything to show. */
static int
has_content(const struct wm_plan_doc *d, size_t k)
{
	const struct wm_instrument *in = d->in;
	size_t i;

	for (i = k + 1; i < in->n_items && in->items[i].depth >
	    in->items[k].depth; i++)
		if (d->r->answers[i].given || in->items[i].shows !=
		    WM_SHOWS_NOTHING || in->items[i].linked_plan)
			return 1;
	return 0;
}

static void
answer(struct wm_http *h, const struct wm_item *it,
    const struct wm_answer *a)
{
	char day[40];

	HTML(h, "<h3 class=\"nhsuk-heading-s\">");
	wm_esc_html_s(&h->out, it->text);
	HTML(h, "</h3>\n");
	if (it->repeats) {
		list(h, a->text);
		return;
	}
	HTML(h, "<p class=\"nhsuk-body\">");
	switch (it->type) {
	case WM_ITEM_CHOICE:
		wm_esc_html_s(&h->out, it->options[a->option].display);
		break;
	case WM_ITEM_BOOLEAN:
		if (strcmp(a->text, "true") == 0)
			HTML(h, "Yes");
		else
			HTML(h, "No");
		break;
	case WM_ITEM_DATE:
		wm_date_words(a->text, day, sizeof(day));
		wm_esc_html_s(&h->out, day);
		break;
	default:
		lines(h, a->text);
		break;
	}
	HTML(h, "</p>\n");
}

void
wm_plan_body(struct wm_http *h, const struct wm_plan_doc *d,
    int64_t person_id, int owner_links)
{
	const struct wm_instrument *in = d->in;
	size_t i;
	int any = 0;

	for (i = 0; i < in->n_items; i++) {
		const struct wm_item *it = &in->items[i];

		if (it->type == WM_ITEM_GROUP) {
			if (!has_content(d, i)) {
				/* Skip the whole group. */
				while (i + 1 < in->n_items &&
				    in->items[i + 1].depth > it->depth)
					i++;
				continue;
			}
			if (it->depth) {
				HTML(h, "<h3 class=\"nhsuk-heading-s\">");
				wm_esc_html_s(&h->out, it->text);
				HTML(h, "</h3>\n");
			} else {
				HTML(h, "<h2 class=\"nhsuk-heading-m\">");
				wm_esc_html_s(&h->out, it->text);
				HTML(h, "</h2>\n");
			}
		} else if (it->type == WM_ITEM_DISPLAY) {
			display(h, d, it, person_id, owner_links);
		} else if (d->r->answers[i].given) {
			answer(h, it, &d->r->answers[i]);
			any = 1;
		}
	}
	if (!any)
		HTML(h, "<p class=\"nhsuk-body\">Nothing has been written in "
		    "this plan yet.</p>\n");
}

static int
title_row(void *ctx, int64_t id, const struct wm_instrument *in)
{
	(void)id;
	wm_buf_puts(ctx, in->title);
	return 1;
}

void
wm_plan_title(struct wm_http *h, const char *family, struct wm_buf *out)
{
	struct wm_buf err = WM_BUF_INIT;
	size_t at = out->len;

	if (wm_plan_templates(h->store, family, title_row, out, &err) ||
	    out->len == at)
		wm_buf_puts(out, "the plan");
	wm_buf_release(&err);
}

int
wm_plan_has_card(const struct wm_instrument *in)
{
	size_t i;

	for (i = 0; i < in->n_items; i++)
		if (in->items[i].on_card)
			return 1;
	return 0;
}

void
wm_plan_card(struct wm_http *h, const struct wm_plan_doc *d)
{
	const struct wm_instrument *in = d->in;
	struct wm_buf v = WM_BUF_INIT;
	size_t i;

	HTML(h, "<div class=\"wm-plan-card\">\n<p class=\"wm-plan-card__title\">");
	wm_esc_html_s(&h->out, in->title);
	HTML(h, "</p>\n");
	for (i = 0; i < in->n_items; i++) {
		const struct wm_item *it = &in->items[i];
		const char *text = d->r->answers[i].given ?
		    d->r->answers[i].text : NULL;

		if (!it->on_card)
			continue;
		if (it->shows == WM_SHOWS_CRISIS_CONTACTS) {
			wm_buf_clear(&v);
			wm_plan_crisis_contacts(h, &v);
			text = wm_buf_str(&v);
		}
		if (!text)
			continue;
		HTML(h, "<p class=\"wm-plan-card__heading\">");
		wm_esc_html_s(&h->out, it->text);
		HTML(h, "</p>\n");
		list(h, text);
	}
	HTML(h, "</div>\n");
	wm_buf_release(&v);
}
