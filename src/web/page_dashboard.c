/*
 * A service lead's dashboard: where the service stands, on one page that
 * prints on one A4 sheet (the print stylesheet, /assets/waymark-print.css,
 * hides the chrome and tightens the type). Every figure comes from
 * report/dashboard.h, the same model as the JSON API's
 * (api_dashboard.c) and the same numbers as each section's own page,
 * which each section links to. Small numbers follow the service's rule:
 * a count of 1 to 4 is "<5" and a mean from fewer than 5 people is not
 * written at all.
 */
#include "web/pages.h"

#include <stdio.h>

#include "core/disclosure.h"
#include "report/chart.h"
#include "report/completion.h"
#include "report/dashboard.h"
#include "report/table_region.h"
#include "util/escape.h"
#include "web/layout.h"
#include "web/standards.h"

#define TH(h, words) HTML(h, "<th class=\"nhsuk-table__header\" " \
	"scope=\"col\">" words "</th>")
#define TD "<td class=\"nhsuk-table__cell\">"

/* A section's heading and the link to its own page. */
static void
section(struct wm_http *h, const struct wm_led_service *s, const char *title,
    const char *path, const char *query, const char *link)
{
	struct wm_buf href = WM_BUF_INIT;

	wm_service_href(&href, s, path);
	if (query)
		wm_buf_puts(&href, query);
	HTML(h, "<section class=\"wm-dash-section\">\n<h2 class=\""
	    "nhsuk-heading-s nhsuk-u-margin-bottom-2\">");
	wm_esc_html_s(&h->out, title);
	HTML(h, "</h2>\n<p class=\"nhsuk-body-s nhsuk-u-margin-bottom-2 "
	    "wm-dash-link\"><a href=\"");
	wm_esc_attr_s(&h->out, wm_buf_str(&href));
	HTML(h, "\">");
	wm_esc_html_s(&h->out, link);
	HTML(h, "</a></p>\n");
	wm_buf_release(&href);
}

static void
table_start(struct wm_http *h, const char *caption)
{
	wm_table_region_start(&h->out, caption, "");
	HTML(h, "<table class=\"nhsuk-table wm-dash-table\">\n<caption class=\""
	    "nhsuk-table__caption nhsuk-u-font-size-16\">");
	wm_esc_html_s(&h->out, caption);
	HTML(h, "</caption>\n<thead class=\"nhsuk-table__head\"><tr class=\""
	    "nhsuk-table__row\">");
}

static void
thead_end(struct wm_http *h)
{
	HTML(h, "</tr></thead>\n<tbody class=\"nhsuk-table__body\">\n");
}

static void
table_end(struct wm_http *h)
{
	HTML(h, "</tbody>\n</table>\n");
	wm_table_region_end(&h->out);
	HTML(h, "</section>\n");
}

static void
row_head(struct wm_http *h, const char *words)
{
	HTML(h, "<tr class=\"nhsuk-table__row\"><th class=\"nhsuk-table__header"
	    "\" scope=\"row\">");
	wm_esc_html_s(&h->out, words);
	HTML(h, "</th>");
}

/* --- the standards ----------------------------------------------------- */

static void
standards(struct wm_http *h, const struct wm_led_service *s,
    const struct wm_dashboard *d)
{
	const struct wm_standards *m = &d->lights;
	const struct wm_instrument *in = NULL;
	char name[64], caption[128], query[24];
	struct wm_date start, last;
	int64_t inst;
	int n, validated = 0;

	if (!m->period[0] || wm_date_parse(m->period, &start) ||
	    wm_date_parse(m->period_end, &last)) {
		section(h, s, "The 10 core standards", "/standards", NULL,
		    "The standards");
		HTML(h, "<p class=\"nhsuk-body-s\">No lights yet: the service "
		    "has not rated the standards, and no validator has.</p>\n"
		    "</section>\n");
		return;
	}
	snprintf(query, sizeof(query), "/%s", m->period);
	section(h, s, "The 10 core standards", "/standards", query,
	    "This period's standards in full");
	in = wm_standards_instrument(h, WM_RESPONDENT_LEAD, &inst);
	wm_period_name(&start, &last, name, sizeof(name));
	for (n = 0; n < WM_STANDARDS; n++)
		validated += m->s[n].result.validated;
	snprintf(caption, sizeof(caption), "The latest lights, %s: %d of 10 "
	    "validated", name, validated);
	table_start(h, caption);
	TH(h, "Standard");
	TH(h, "Own light");
	TH(h, "Validators' consensus");
	TH(h, "Validated");
	thead_end(h);
	for (n = 1; n <= WM_STANDARDS; n++) {
		const struct wm_standard_view *v = &m->s[n - 1];
		char label[96];

		snprintf(label, sizeof(label), "%d. %s", n, in ?
		    wm_standard_title(in, n) : "");
		row_head(h, label);
		HTML(h, TD);
		wm_light(h, v->self);
		HTML(h, "</td>" TD);
		wm_light(h, v->result.consensus);
		HTML(h, "</td>" TD);
		wm_buf_puts(&h->out, v->result.validated ? "Yes" : "Not yet");
		HTML(h, "</td></tr>\n");
	}
	table_end(h);
}

/* --- completion -------------------------------------------------------- */

static void
rate(struct wm_http *h, long done, long due, int final)
{
	int pct = wm_completion_percent(done, due);

	HTML(h, TD);
	if (pct < 0)
		HTML(h, "Nothing due");
	else
		wm_buf_printf(&h->out, "%d%% (%ld of %ld)", pct, done, due);
	if (!final)
		HTML(h, ", not final");
	HTML(h, "</td>");
}

static void
completion(struct wm_http *h, const struct wm_led_service *s,
    const struct wm_dashboard *d)
{
	char month[20], caption[96];
	size_t i;

	section(h, s, "Completion of the measurement cycles", "/cycles", NULL,
	    "The cycles, month by month");
	if (!d->n_cycles) {
		HTML(h, "<p class=\"nhsuk-body-s\">No cycles yet, so nothing has "
		    "been due.</p>\n</section>\n");
		return;
	}
	wm_completion_month_name(&d->cycles[0].month, month);
	snprintf(caption, sizeof(caption), "Done in time: %s, and the 12 "
	    "months to it", month);
	table_start(h, caption);
	TH(h, "Measure");
	TH(h, "Last month");
	TH(h, "12 months");
	thead_end(h);
	for (i = 0; i < d->n_cycles; i++) {
		const struct wm_dashboard_cycle *c = &d->cycles[i];
		struct wm_buf what = WM_BUF_INIT;

		wm_buf_puts(&what, c->title);
		wm_buf_printf(&what, ", every %d month%s, for %s%s",
		    c->every_months, c->every_months == 1 ? "" : "s",
		    c->about_people ? "each person" : "the service",
		    c->stopped ? " (stopped)" : "");
		row_head(h, wm_buf_str(&what));
		rate(h, c->month.done, c->month.due, c->month.final);
		rate(h, c->done, c->due, c->final);
		HTML(h, "</tr>\n");
		wm_buf_release(&what);
	}
	table_end(h);
}

/* --- training ---------------------------------------------------------- */

/* The coverage chart's frame, in whole units. */
enum { SVG_W = WM_CHART_MID, LABEL_W = 196, BAR_MAX = 160, ROW = 18 };

/* A bar per course, its length the share of staff; the table below
 * gives every figure. */
static void
coverage_svg(struct wm_http *h, const struct wm_dashboard *d)
{
	size_t i, n = d->courses->n_concepts;

	wm_chart_open(&h->out, "coverage", SVG_W, (long)n * ROW + 4,
	    "wm-dash-chart");
	HTML(h, "Recovery training coverage");
	wm_chart_desc(&h->out, "coverage");
	HTML(h, "A bar per course, as long as the share of current staff who "
	    "completed it; the table gives every figure.</desc>\n");
	for (i = 0; i < n; i++) {
		const struct wm_coverage *c = &d->coverage[i];
		int y = (int)i * ROW + 2;
		int w = c->has_percent ? c->percent * BAR_MAX / 100 : 0;

		wm_buf_printf(&h->out, "<text x=\"%d\" y=\"%d\" "
		    "font-size=\"12\" text-anchor=\"end\" fill=\"#212b32\">",
		    LABEL_W - 6, y + 12);
		wm_esc_svg_s(&h->out, c->course->display);
		wm_buf_printf(&h->out, "</text>\n<rect x=\"%d\" y=\"%d\" "
		    "width=\"%d\" height=\"%d\" fill=\"#ffffff\" "
		    "stroke=\"#d8dde0\"/>\n<rect x=\"%d\" y=\"%d\" "
		    "width=\"%d\" height=\"%d\" fill=\"#005eb8\"/>\n",
		    LABEL_W, y + 2, BAR_MAX, ROW - 6, LABEL_W, y + 2, w,
		    ROW - 6);
		if (c->has_percent)
			wm_buf_printf(&h->out, "<text x=\"%d\" y=\"%d\" "
			    "font-size=\"12\" fill=\"#212b32\">%d%%</text>\n",
			    LABEL_W + BAR_MAX + 6, y + 12, c->percent);
	}
	wm_chart_close(&h->out);
}

static void
training(struct wm_http *h, const struct wm_led_service *s,
    const struct wm_dashboard *d)
{
	char caption[96];
	size_t i;

	section(h, s, "Recovery training", "/training", NULL,
	    "Training in full");
	snprintf(caption, sizeof(caption), "Share of the %lld current staff "
	    "who completed each course", (long long)d->staff);
	coverage_svg(h, d);
	table_start(h, caption);
	TH(h, "Course");
	TH(h, "Staff");
	TH(h, "Share");
	thead_end(h);
	for (i = 0; i < d->courses->n_concepts; i++) {
		const struct wm_coverage *c = &d->coverage[i];

		row_head(h, c->course->display);
		wm_buf_printf(&h->out, TD "%lld</td>" TD, (long long)c->done);
		if (c->has_percent)
			wm_buf_printf(&h->out, "%d%%", c->percent);
		else
			HTML(h, "No current staff");
		HTML(h, "</td></tr>\n");
	}
	table_end(h);
}

/* --- the change in the recovery markers --------------------------------- */

static const char *const kinds[WM_CHANGE_KINDS] = { "Self-rated",
    "Rated with a practitioner" };

static void
count_cell(struct wm_http *h, int64_t n)
{
	HTML(h, TD);
	wm_profile_count_html(&h->out, n);
	HTML(h, "</td>");
}

static void
change_rows(struct wm_http *h, const struct wm_dashboard_change *c,
    const struct wm_dashboard_scale *sc)
{
	char label[160];
	int64_t one, none;
	double mean;
	int k;

	for (k = 0; k < WM_CHANGE_KINDS; k++) {
		const struct wm_change_tally *t = &sc->change[k];

		snprintf(label, sizeof(label), "%s: %s", sc->title, kinds[k]);
		row_head(h, label);
		count_cell(h, t->people);
		count_cell(h, t->improved);
		count_cell(h, t->same);
		count_cell(h, t->worse);
		HTML(h, TD);
		if (wm_change_tally_mean(t, &mean))
			wm_buf_printf(&h->out, "%+.2f", mean);
		else if (t->people)
			HTML(h, "Withheld: fewer than 5 people");
		else
			HTML(h, "No one yet");
		HTML(h, "</td>");
		wm_dashboard_left_out(c, sc, k, &one, &none);
		count_cell(h, one);
		count_cell(h, none);
		HTML(h, "</tr>\n");
	}
}

static void
change(struct wm_http *h, const struct wm_led_service *s,
    const struct wm_dashboard *d)
{
	const struct wm_dashboard_change *c = &d->change;
	size_t i;

	HTML(h, "<section class=\"wm-dash-section wm-dash-wide\">\n<h2 class=\""
	    "nhsuk-heading-s nhsuk-u-margin-bottom-2\">Change in the recovery "
	    "markers</h2>\n<p class=\"nhsuk-body-s nhsuk-u-margin-bottom-2\">");
	wm_buf_printf(&h->out, "Of the %lld people on the caseload now, those "
	    "with at least two answers: their first against their latest, "
	    "wherever they answered. Self-rated answers and those given with a "
	    "practitioner are counted apart. A change of less than a quarter "
	    "of a point is about the same. Counts below 5 are shown as &lt;5, "
	    "and a mean from fewer than 5 people is not shown. <span class=\""
	    "wm-dash-link\"><a href=\"/caseload\">The caseload</a></span></p>"
	    "\n", (long long)c->people);
	(void)s;
	if (!c->n_scales) {
		HTML(h, "<p class=\"nhsuk-body-s\">No one on the caseload has a "
		    "recovery markers score yet.</p>\n</section>\n");
		return;
	}
	table_start(h, "First answer to latest, per person");
	TH(h, "Who answered");
	TH(h, "People counted");
	TH(h, "Improved");
	TH(h, "About the same");
	TH(h, "Worse");
	TH(h, "Mean change");
	TH(h, "Left out: one answer");
	TH(h, "Left out: no answer");
	thead_end(h);
	for (i = 0; i < c->n_scales; i++)
		change_rows(h, c, &c->scale[i]);
	table_end(h);
}

/* --- the ERFS profile and the team's tips ------------------------------ */

static void
mean_cell(struct wm_http *h, const struct wm_profile *p, size_t i, int c)
{
	const struct wm_tally *t = wm_profile_tally(p, i, c);
	double mean;

	HTML(h, TD);
	if (wm_profile_erfs_mean(p, i, c, &mean))
		wm_buf_printf(&h->out, "%.1f", mean);
	else if (t->scored)
		HTML(h, "Withheld");
	else
		HTML(h, "None");
	HTML(h, "</td>");
}

static void
erfs(struct wm_http *h, const struct wm_led_service *s,
    const struct wm_dashboard *d)
{
	const struct wm_profile *p = &d->erfs;
	char query[24], words[40], caption[96];
	size_t i;

	snprintf(query, sizeof(query), "?period=%s", p->quarter[0]);
	section(h, s, "ERFS profile", "/erfs", query, "The ERFS profile in full");
	if (!p->in) {
		HTML(h, "<p class=\"nhsuk-body-s\">ERFS is not loaded in this "
		    "network.</p>\n</section>\n");
		return;
	}
	wm_quarter_words(&p->period, words, sizeof(words));
	snprintf(caption, sizeof(caption), "Mean rating, 1 to 5, %s", words);
	table_start(h, caption);
	TH(h, "Domain");
	HTML(h, "<th class=\"nhsuk-table__header\" scope=\"col\">People (");
	wm_profile_count_html(&h->out, p->responses[0]);
	wm_buf_printf(&h->out, ")</th><th class=\"nhsuk-table__header\" "
	    "scope=\"col\">Staff (%lld)</th>", (long long)p->responses[1]);
	thead_end(h);
	for (i = 0; i < p->in->n_items; i++) {
		const struct wm_item *it = &p->in->items[i];

		if (wm_profile_is_group(p->in, i)) {
			HTML(h, "<tr class=\"nhsuk-table__row\"><th class=\""
			    "nhsuk-table__header\" scope=\"rowgroup\" colspan=\"3\">");
			wm_esc_html_s(&h->out, it->text ? it->text : it->link_id);
			HTML(h, "</th></tr>\n");
			continue;
		}
		if (it->type != WM_ITEM_CHOICE)
			continue;
		wm_profile_row_head(&h->out, it);
		mean_cell(h, p, i, 0);
		mean_cell(h, p, i, 1);
		HTML(h, "</tr>\n");
	}
	table_end(h);
}

static void
tips(struct wm_http *h, const struct wm_led_service *s,
    const struct wm_dashboard *d)
{
	const struct wm_profile *p = &d->tips;
	enum wm_team_state st;
	char query[24], words[40], caption[128];
	size_t i;
	int pct;

	snprintf(query, sizeof(query), "?period=%s", p->quarter[0]);
	section(h, s, "Ten Top Tips, as a team", "/ten-top-tips", query,
	    "The team's tips in full");
	if (!p->in) {
		HTML(h, "<p class=\"nhsuk-body-s\">The Ten Top Tips are not "
		    "loaded in this network.</p>\n</section>\n");
		return;
	}
	if (!d->tips_latest ||
	    (st = wm_team_shown(p->responses[0], p->subjects[0])) !=
	    WM_TEAM_SHOWN) {
		HTML(h, "<p class=\"nhsuk-body-s\">No quarter has enough "
		    "reflections to show yet: the team's Ten Top Tips are shown "
		    "once at least 5 reflections from at least 2 practitioners "
		    "have been made in a quarter.</p>\n</section>\n");
		return;
	}
	wm_quarter_words(&p->period, words, sizeof(words));
	HTML(h, "<p class=\"nhsuk-body-s\">The latest quarter with enough "
	    "reflections to show: ");
	wm_esc_html_s(&h->out, words);
	HTML(h, ".</p>\n");
	snprintf(caption, sizeof(caption), "Share of yes over the team's %lld "
	    "reflections, %s", (long long)p->responses[0], words);
	table_start(h, caption);
	TH(h, "Did I...");
	TH(h, "Yes");
	thead_end(h);
	for (i = 0; i < p->in->n_items; i++) {
		const struct wm_tally *t = wm_profile_tally(p, i, 0);

		if (p->in->items[i].type != WM_ITEM_CHOICE)
			continue;
		wm_profile_row_head(&h->out, &p->in->items[i]);
		HTML(h, TD);
		if (wm_team_share(t->agree, t->scored, &pct))
			wm_buf_printf(&h->out, "%d%%", pct);
		else
			HTML(h, "Not shown: fewer than 5");
		HTML(h, "</td></tr>\n");
	}
	table_end(h);
}

int
wm_service_dashboard(struct wm_http *h, const struct wm_led_service *s,
    struct wm_dashboard *d)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_date today;
	int rc;

	wm_date_from_days((long)(h->now / 86400), &today);
	rc = wm_dashboard_build(h->store, s->id, &today, h->site->courses, d,
	    &err);
	wm_page_store_ok(h, rc, &err);
	wm_buf_release(&err);
	return rc;
}

void
wm_page_dashboard(struct wm_http *h)
{
	struct wm_led_service s = WM_LED_SERVICE_INIT;
	struct wm_dashboard d;
	char date[11], words[32], title[160];

	wm_dashboard_init(&d);
	if (wm_service_led(h, &s))
		goto out;
	if (wm_service_dashboard(h, &s, &d)) {
		wm_page_error(h, 500, "Sorry, there is a problem",
		    "The dashboard could not be read. Try again later.");
		goto out;
	}
	snprintf(title, sizeof(title), "Dashboard: %s", wm_buf_str(&s.name));
	wm_service_page_start(h, &s, title);
	wm_date_format(&d.today, date);
	wm_date_words(date, words, sizeof(words));
	HTML(h, "<p class=\"nhsuk-body-s\">Where the service stands on ");
	wm_esc_html_s(&h->out, words);
	HTML(h, ".</p>\n<div class=\"wm-dashboard\">\n");
	standards(h, &s, &d);
	completion(h, &s, &d);
	training(h, &s, &d);
	tips(h, &s, &d);
	erfs(h, &s, &d);
	change(h, &s, &d);
	HTML(h, "</div>\n");
	wm_page_end(h);
out:
	wm_dashboard_release(&d);
	wm_led_service_release(&s);
}
