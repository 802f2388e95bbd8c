/*
 * The network's figures as CSV and as plain text (report/
 * network_figures.h), both written from the one walk over every figure,
 * so they hold the same figures. CSV is tidy: one row per figure, every
 * text cell through the CSV writer (formula-guarded), every number the
 * program worked out through wm_csv_number. Text is for a person at a
 * terminal: each section with a sentence saying what it shows, a
 * heading per measure, and a line per service, wrapped to 78 columns.
 */
#include "report/network_figures.h"

#include <stdio.h>
#include <string.h>

#include "core/profile.h"
#include "util/escape.h"

/* --- CSV --------------------------------------------------------------- */

struct csv {
	struct wm_buf *out;
	const char *rule;
	const char *only;	/* the one section written, or NULL */
};

static void
csv_cell(struct wm_buf *b, const char *s)
{
	wm_esc_csv_s(b, s);
	wm_buf_putc(b, ',');
}

static void
csv_value(struct wm_buf *b, const struct wm_net_figure *f)
{
	switch (f->kind) {
	case WM_NET_COUNT:
	case WM_NET_PERCENT:
		if (f->shown.withheld)
			wm_esc_csv_s(b, "*");
		else
			wm_csv_number(b, (double)f->shown.value, 0);
		break;
	case WM_NET_NUMBER:
		if (f->shown.withheld)
			wm_esc_csv_s(b, "*");
		else
			wm_csv_number(b, f->number, f->places);
		break;
	case WM_NET_TEXT:
		wm_esc_csv_s(b, f->text);
		break;
	case WM_NET_FLAG:
		wm_esc_csv_s(b, f->flag ? "true" : "false");
		break;
	case WM_NET_NOTHING:
		break;
	}
}

static int
csv_row(void *ctx, const struct wm_net_figure *f)
{
	struct csv *c = ctx;
	const char *const cells[] = { f->section, f->provider, f->service,
	    f->service_name, f->window, f->measure, f->answered_by,
	    f->figure };
	size_t i;

	if (c->only && strcmp(f->section, c->only) != 0)
		return 0;
	for (i = 0; i < sizeof(cells) / sizeof(cells[0]); i++)
		csv_cell(c->out, cells[i]);
	csv_value(c->out, f);
	wm_buf_putc(c->out, ',');
	wm_esc_csv_s(c->out, c->rule);
	wm_buf_puts(c->out, "\r\n");
	return c->out->failed ? -1 : 0;
}

int
wm_net_csv(const struct wm_net_view *v, const struct wm_net_measures *m,
    const struct wm_netrep *q, enum wm_disclosure_rule rule,
    const char *section, struct wm_buf *out)
{
	struct csv c = { out, wm_disclosure_name(rule), section };

	wm_buf_puts(out, "section,provider,service,service_name,window,"
	    "measure,answered_by,figure,value,disclosure\r\n");
	if (wm_net_figures(v, m, q, rule, csv_row, &c))
		return -1;
	return out->failed ? -1 : 0;
}

/* --- text -------------------------------------------------------------- */

#define WIDTH 78

/* Each section's heading and what it shows. */
static const struct {
	const char *name, *title, *about;
} sections[] = {
	{ "standards", "The 10 core standards", "Each service's own light "
	    "for each standard in its latest period, with the validators' "
	    "consensus, and whether enough validators from enough "
	    "stakeholder groups have rated it (validated)." },
	{ "recovery", "Recovery", "People's own recovery markers, their "
	    "first answer against their latest in these quarters, for people "
	    "who have answered at least twice. Answers given alone and "
	    "together with a practitioner are kept apart. Then who is left "
	    "out, and why: people on a caseload in these quarters with no "
	    "answer by their end, or only answers given by someone else." },
	{ "paired-outcome-rate", "Paired-outcome rate", "Of the people on "
	    "each service's caseload for at least 180 days, the share with "
	    "their recovery markers recorded at least twice." },
	{ "cycles", "Measurement cycles", "For each measure a service runs in "
	    "a regular cycle: of the times it fell due in the last 12 "
	    "complete months, whatever the window, the share done in time." },
	{ "training", "Training for recovery", "The share of each service's "
	    "current staff who have completed each course." },
	{ "experience", "Experience", "What people and staff say about each "
	    "service in these quarters: of the people whose latest answers to "
	    "the supportive service indicators were about it, those who "
	    "answered each and the share who agree; and the ERFS profile by "
	    "its three groups, the ratings given by people using the service "
	    "and by staff apart in the last four quarters, whatever the "
	    "window, and their mean (1 to 5)." },
	{ "goals", "People's own goals", "People on each service's caseload "
	    "with goals of their own, and of those who have reviewed a goal "
	    "at least twice, the people whose latest review is higher than "
	    "their first." },
	{ "outcomes", "Recovery outcomes, every measure", "For each scale of "
	    "each measure people answer about themselves, answered alone and "
	    "with a practitioner apart: where the reliable change threshold "
	    "comes from, who is included and who answered once only, the "
	    "mean change with its 95% confidence interval, and where each "
	    "service stands on the funnel plot of the share reliably "
	    "improved; then who is left out of the scale, and why." },
	{ "comparisons", "Comparing services", "Funnel plots of the "
	    "paired-outcome rate, the cycles done in time and the training "
	    "each service's staff have done. A service outside the limits "
	    "differs from the network by more than chance would explain: a "
	    "question to ask, not a verdict." },
	{ "quarterly-means", "Mean scores quarter by quarter", "The DREEM "
	    "measures' mean scores of whoever answered each quarter (1 to 5, "
	    "higher is better). Different people answer each quarter, so "
	    "these show how a service's answers look, not whether anyone is "
	    "recovering: the sections above show that." },
};

struct text {
	struct wm_buf *out;
	const char *only;	/* the one section written, or NULL */
	struct wm_buf line;	/* the row being written, unwrapped */
	char section[32], group[320], answered[40], provider[64];
	char row[400];
	int indent;		/* the row's: a service's, or the network's */
	int aside;		/* a bracket is open */
	int withheld;		/* the last figure out of brackets was */
};

/* Writes s wrapped at WIDTH, its first line indented by `first` spaces
 * and the rest by `rest`. */
static void
wrap(struct wm_buf *b, const char *s, int first, int rest)
{
	int col = first, at_start = 1;

	wm_buf_printf(b, "%*s", first, "");
	while (*s) {
		size_t n = strcspn(s, " ");

		if (!at_start && col + 1 + (int)n > WIDTH) {
			wm_buf_printf(b, "\n%*s", rest, "");
			col = rest;
			at_start = 1;
		}
		if (!at_start) {
			wm_buf_putc(b, ' ');
			col++;
		}
		wm_buf_add(b, s, n);
		col += (int)n;
		at_start = 0;
		s += n;
		s += strspn(s, " ");
	}
	wm_buf_putc(b, '\n');
}

static void
flush(struct text *t)
{
	if (t->aside)
		wm_buf_putc(&t->line, ')');
	t->aside = 0;
	if (t->line.len)
		wrap(t->out, wm_buf_str(&t->line), t->indent, t->indent + 4);
	wm_buf_clear(&t->line);
	t->row[0] = '\0';	/* the next figure names its row again */
}

static void
section_head(struct text *t, const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++)
		if (strcmp(sections[i].name, name) == 0) {
			wm_buf_printf(t->out, "\n%s\n", sections[i].title);
			wrap(t->out, sections[i].about, 0, 0);
		}
}

static void
value_text(struct wm_buf *b, const struct wm_net_figure *f)
{
	switch (f->kind) {
	case WM_NET_COUNT:
	case WM_NET_PERCENT:
	case WM_NET_NUMBER:
		if (f->shown.withheld)
			wm_buf_putc(b, '*');
		else if (f->kind == WM_NET_NUMBER)
			wm_buf_printf(b, "%.*f", f->places, f->number);
		else
			wm_buf_printf(b, "%lld%s", (long long)f->shown.value,
			    f->kind == WM_NET_PERCENT ? "%" : "");
		break;
	case WM_NET_TEXT:
		wm_buf_puts(b, f->text);
		break;
	case WM_NET_FLAG:
		break;		/* said by its words: see text_figure */
	case WM_NET_NOTHING:
		wm_buf_puts(b, "none");
		break;
	}
}

/* Moves to f's section, heading and row, writing each that is new. */
static void
place(struct text *t, const struct wm_net_figure *f)
{
	char row[400];

	if (strcmp(t->section, f->section) != 0) {
		flush(t);
		snprintf(t->section, sizeof(t->section), "%s", f->section);
		section_head(t, f->section);
		t->group[0] = '\0';
	}
	if (strcmp(t->group, f->group) != 0 ||
	    strcmp(t->answered, f->answered_by) != 0) {
		flush(t);
		snprintf(t->group, sizeof(t->group), "%s", f->group);
		snprintf(t->answered, sizeof(t->answered), "%s",
		    f->answered_by);
		wm_buf_putc(t->out, '\n');
		wrap(t->out, f->group, 2, 4);
		t->provider[0] = '\0';
		t->row[0] = '\0';
	}
	if (!f->provider_name[0])
		t->provider[0] = '\0';
	else if (strcmp(t->provider, f->provider) != 0) {
		flush(t);
		snprintf(t->provider, sizeof(t->provider), "%s", f->provider);
		wm_buf_printf(t->out, "  %s\n", f->provider_name);
	}
	snprintf(row, sizeof(row), "%s\n%s", f->service, f->label ? f->label :
	    f->service_name);
	if (strcmp(t->row, row) != 0) {
		flush(t);
		snprintf(t->row, sizeof(t->row), "%s", row);
		/* A service's row sits under its provider's name; the
		 * network's rows do not. */
		t->indent = f->provider_name[0] ? 4 : 2;
		wm_buf_printf(&t->line, "%s:", f->label ? f->label :
		    f->service_name);
	}
}

static int
text_figure(void *ctx, const struct wm_net_figure *f)
{
	struct text *t = ctx;
	struct wm_buf *b = &t->line;

	/* A figure with no words and nothing to show says nothing. */
	if ((f->kind == WM_NET_NOTHING && !f->words[0]) ||
	    (t->only && strcmp(f->section, t->only) != 0))
		return 0;
	place(t, f);
	/* As on the pages, a withheld count has no share after it. */
	if (f->aside && f->kind == WM_NET_PERCENT && t->withheld)
		return 0;
	if (!f->aside)
		t->withheld = (f->kind == WM_NET_COUNT ||
		    f->kind == WM_NET_NUMBER) && f->shown.withheld;
	if (f->aside) {
		wm_buf_puts(b, t->aside ? ", " : " (");
		t->aside = 1;
	} else {
		if (t->aside)
			wm_buf_putc(b, ')');
		t->aside = 0;
		/* The row's name ends in ':', each figure after it in ';'. */
		wm_buf_puts(b, b->len && b->data[b->len - 1] == ':' ? " " :
		    "; ");
	}
	if (f->kind == WM_NET_FLAG) {
		/* "validated", "not validated" */
		wm_buf_puts(b, f->flag ? "" : "not ");
		wm_buf_puts(b, f->words);
	} else {
		if (f->words[0]) {
			wm_buf_puts(b, f->words);
			wm_buf_putc(b, ' ');
		}
		value_text(b, f);
	}
	return b->failed || t->out->failed ? -1 : 0;
}

int
wm_net_section_known(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++)
		if (strcmp(sections[i].name, name) == 0)
			return 1;
	return 0;
}

int
wm_net_text(const struct wm_net_view *v, const struct wm_net_measures *m,
    const struct wm_netrep *q, enum wm_disclosure_rule rule,
    const char *section, struct wm_buf *out)
{
	struct text t;
	struct wm_buf head = WM_BUF_INIT;
	char last[40];
	int rc;

	memset(&t, 0, sizeof(t));
	t.out = out;
	t.only = section;
	wm_buf_init(&t.line, WM_BUF_DEFAULT_MAX);
	wm_buf_puts(&head, "The network's figures for the ");
	wm_net_window_words(&head, v);
	wm_buf_printf(&head, " (%s..%s)", v->from_s, v->to_s);
	if (wm_net_window_running(v)) {
		wm_quarter_words(&v->to, last, sizeof(last));
		wm_buf_printf(&head, "; %s has not ended yet, so its figures "
		    "are those so far", last);
	}
	wrap(out, wm_buf_str(&head), 0, 0);
	wm_buf_clear(&head);
	wm_buf_printf(&head, "Small numbers (%s): %s A figure shown as * is "
	    "withheld. docs/statistics.md explains every figure.",
	    wm_disclosure_name(rule), wm_disclosure_describe(rule));
	wrap(out, wm_buf_str(&head), 0, 0);
	rc = wm_net_figures(v, m, q, rule, text_figure, &t);
	flush(&t);
	wm_buf_release(&t.line);
	wm_buf_release(&head);
	return rc || out->failed ? -1 : 0;
}
