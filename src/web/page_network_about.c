/*
 * /network/about: how each figure a commissioner sees is worked out, who
 * is left out and why, and the rule that withholds small numbers, in
 * words a commissioner can read. Each section's id is the one the
 * figures on /network link to. docs/statistics.md says the same at
 * greater length, with the sources.
 */
#include "web/pages.h"

#include "core/disclosure.h"
#include "util/escape.h"
#include "web/layout.h"

static void
part(struct wm_http *h, const char *id, const char *title)
{
	HTML(h, "<h2 class=\"nhsuk-heading-m\" id=\"");
	wm_esc_attr_s(&h->out, id);
	HTML(h, "\">");
	wm_esc_html_s(&h->out, title);
	HTML(h, "</h2>\n");
}

static void
disclosure(struct wm_http *h)
{
	static const enum wm_disclosure_rule shown[] = { WM_DISCLOSURE_MHSDS,
	    WM_DISCLOSURE_HES };
	size_t i;

	part(h, "disclosure", "Small numbers");
	HTML(h, "<p class=\"nhsuk-body\">Every count and share of people or "
	    "staff you see, download or read from the API passes the "
	    "network's disclosure rule first, so that no one can be "
	    "recognised from a small number. No page can opt out. A figure "
	    "withheld is shown as *.</p>\n<ul class=\"nhsuk-list "
	    "nhsuk-list--bullet\">\n");
	for (i = 0; i < sizeof(shown) / sizeof(shown[0]); i++) {
		HTML(h, "<li><strong>");
		wm_esc_html_s(&h->out, wm_disclosure_name(shown[i]));
		HTML(h, "</strong>: ");
		wm_esc_html_s(&h->out, wm_disclosure_describe(shown[i]));
		HTML(h, "</li>\n");
	}
	HTML(h, "</ul>\n<p class=\"nhsuk-body\"><strong>Shares are worked "
	    "out from the figures shown.</strong> NHS England's own "
	    "publications work their percentages out from the unrounded "
	    "counts. Waymark does not: beside rounded counts, such a share "
	    "gives the unrounded ones away (\"93% of 15\" would say that "
	    "exactly 1 person of about 15 did not agree, where that 1 is "
	    "withheld). Every share here is the count shown over the total "
	    "shown, both rounded, so it tells you nothing the counts beside "
	    "it do not. For small numbers it can differ from the true share by "
	    "several points, as the rounded counts already do: 7 of 20 is "
	    "shown as 5 of 20, 25%. \"All these services\", where your "
	    "services are not one provider or the whole network, and the "
	    "people with a goal reviewed twice, are the sums of the figures "
	    "shown, in the same way.</p>\n"
	    "<p class=\"nhsuk-body\">Where figures must add up "
	    "(a total and its parts), and a withheld figure could be worked "
	    "out by subtraction, another figure is withheld too. And since a "
	    "rounded count says roughly how many, every small count that is "
	    "withheld is checked against all the figures of its table, "
	    "rounded as they are shown: it must still be able to be any "
	    "number the rule hides (0 to 4, or 1 to 7 under the stricter "
	    "rule), not, say, \"at least 1\". Where it could not, another "
	    "figure is withheld.</p>\n"
	    "<p class=\"nhsuk-body\"><strong>The same figures are withheld "
	    "whoever looks.</strong> Each table is worked out once for the "
	    "whole network: every service, each provider's total and the "
	    "network's total, all adding up. Then each commissioner is shown "
	    "their part of that one table: their services' rows, and for "
	    "\"all these services\" their provider's total or the network's. "
	    "So a commissioner of one provider and a commissioner of the "
	    "network see the same figures withheld, and putting their pages "
	    "side by side, or the API, the FHIR report and the command line's, "
	    "gives away nothing either withholds. Where your services are not "
	    "one provider or the whole network, their total is shown only "
	    "when it is the sum of figures shown, and otherwise withheld. Who "
	    "is left out, the supportive service indicators and the ERFS "
	    "ratings go the same way. The mean change and reliable recovery "
	    "are worked out the same way for each provider and the network. "
	    "An ERFS mean is shown for a service, a provider or the network "
	    "only beside its count of ratings, and is withheld wherever one "
	    "total's mean set against another's would give the mean of a few "
	    "ratings. The count behind an ERFS mean is of ratings, and "
	    "ratings carry no name, so how many people gave them is not "
	    "known: three members of staff rating every quarter give twelve "
	    "ratings in four quarters. Each person rates a service once a "
	    "quarter, so a mean is shown only where one quarter alone had "
	    "enough people rating (5 under the NHS England rule, 8 under the "
	    "hospital statistics rule); for a provider or the whole network, "
	    "one service in one quarter, since one member of staff may rate "
	    "several services.</p>\n");
	HTML(h, "<p class=\"nhsuk-body\"><strong>Choosing the year.</strong> "
	    "You see a year of four quarters at a time: the year to today, "
	    "or the same four quarters of an earlier year. Those years do not "
	    "overlap, so two of them cannot be set against each other to work "
	    "out or narrow a figure either withholds. Windows that overlap "
	    "could: recovery counts each person once, at their last answer in "
	    "the window against their first answer ever, so no window's "
	    "figures are the sum of others', but the rounded figures of many "
	    "overlapping windows together can still pin a small count down to "
	    "fewer values than the rule hides it among. A service's trends "
	    "show recovery quarter by quarter, but only the share reliably "
	    "improved and how many it is of, which Waymark's tests check "
	    "narrow nothing the years withhold. Years end with today's "
	    "quarter, so at the start of each quarter they move on by one: "
	    "the years offered before and after may overlap. The cycles would add up month by month, so they "
	    "are counted over the last 12 complete months whichever year you "
	    "choose. The paired-outcome rate, goals and training are as they "
	    "stand today in every year. ERFS ratings would add up quarter by "
	    "quarter, so they are counted over the last four quarters "
	    "whichever year you choose.</p>\n");
}

/* The parts of a service's own page that /network has no column for. */
static void
service(struct wm_http *h)
{
	part(h, "service", "A service's own page");
	HTML(h, "<p class=\"nhsuk-body\">Each service's name links to its own "
	    "page. Its row of every table above is the row of the network's "
	    "one table, exactly as on your network's page, so a figure "
	    "withheld there is withheld here too. Beside it is the same "
	    "figure for all your services together; where your network's page "
	    "shows each service's figure on its own (the cycles, training), "
	    "that total is withheld whenever it would let a withheld figure be "
	    "worked out by subtraction.</p>\n");
	HTML(h, "<p class=\"nhsuk-body\">What people and staff say about it "
	    "is its row of the experience tables, and nothing more: a quarter "
	    "of its own answers shown beside them would show counts the "
	    "network's tables withhold.</p>\n");
	part(h, "trends", "Trends, quarter by quarter");
	HTML(h, "<p class=\"nhsuk-body\">A service's key shares, one point for "
	    "each quarter, over the last eight quarters to the year's last. "
	    "Reliably improved, "
	    "answered alone and with a practitioner: of the people who "
	    "answered the recovery markers in the quarter and had answered at "
	    "least twice by its end, the share whose latest answer in it is "
	    "reliably better than their first answer ever, withheld by the "
	    "rule across every service as your network's tables are. Each cycle done in time: of the times the "
	    "measure fell due in the quarter's three months, the share done in "
	    "time; completion is counted for the last 12 complete months, so "
	    "earlier quarters and the quarter not yet over have no point, and "
	    "an open circle may still change as late answers come in. The "
	    "quarters add up, with the months of any quarter cut off at either "
	    "end, to the figure your network's page shows, and are withheld "
	    "with it: where one quarter is withheld, another may be too. "
	    "A quarter without a point is a gap in the line, marked * where "
	    "the figure is withheld and - where there is nothing to show; the "
	    "table under each chart says why for each. The paired-outcome "
	    "rate, goals and training have no trend: what is kept of them is "
	    "how each stands now, not how it stood at the end of a past "
	    "quarter. Nothing is kept of the supportive service indicators "
	    "as answers are saved, so only their latest quarter is shown."
	    "</p>\n");
	part(h, "history", "The standards, period by period");
	HTML(h, "<p class=\"nhsuk-body\">The service's own light for each "
	    "standard in each of its last eight periods, the validators' "
	    "consensus, and whether it is validated, each in words as well as "
	    "colour. Each period's page shows every validator's light by "
	    "their stakeholder group, every version of the self-assessment "
	    "with the reason given for amending it, and the queries with "
	    "their answers. Validators and the service's lead are never "
	    "named.</p>\n");
}

void
wm_page_network_about(struct wm_http *h)
{
	wm_page_start_back(h, "How the network's figures are worked out",
	    "/network", "Back to your network");
	HTML(h, "<p class=\"nhsuk-body-l\">What each figure on your network's "
	    "pages means, how it is worked out, and who is left out.</p>\n");
	part(h, "standards", "The 10 core standards");
	HTML(h, "<p class=\"nhsuk-body\">Each service rates itself against "
	    "the 10 core standards with a traffic light: red, amber or green. "
	    "The page shows the service's own lights for its latest period "
	    "with any lights, and below each the validators' consensus: the "
	    "middle of the validators' lights (the lower of the two middle "
	    "ones when there is an even number). A standard is marked "
	    "validated when enough validators, from enough stakeholder "
	    "groups, have rated it, as the network has set. Greens counts "
	    "the service's own green lights, and its change is against the "
	    "period before. Lights are about the service, not about people, "
	    "so they are shown as they are. Validators are never named.</p>\n");
	part(h, "recovery", "Recovery");
	HTML(h, "<p class=\"nhsuk-body\">People's recovery is measured with "
	    "their own answers: the recovery markers first. Only people who "
	    "have answered at least twice are included, comparing their "
	    "first answer ever with their latest answer in the quarters "
	    "shown. Answers a person gives alone and answers given together "
	    "with a practitioner are kept apart, never added together. A "
	    "person counts at the service where they gave their latest "
	    "answer in the quarters shown.</p>\n<p class=\"nhsuk-body\">"
	    "Who is left out is counted, with the reason: people who have "
	    "answered only once; people on a service's caseload at any time "
	    "in the quarters shown who had not answered at all by their end "
	    "(no response); and, for a measure staff may answer about a "
	    "person, people whose only answers were given by a member of "
	    "staff, which are never the person's own. The last two are "
	    "counted at every service whose caseload the person was on, "
	    "whichever way they answer, and are shown for a window of four "
	    "quarters only (see Choosing the quarters, below).</p>\n");
	part(h, "outcomes", "Reliable change");
	HTML(h, "<p class=\"nhsuk-body\">Everyone's answers wobble a little "
	    "from one day to the next. A change counts as reliable only "
	    "when it is bigger than that wobble could explain: more than "
	    "1.96 times the spread of scores, times the square root of 2, "
	    "times the square root of one minus the scale's reliability "
	    "(Jacobson and Truax, 1991). The spread and the reliability come "
	    "from the instrument file with their published source. The "
	    "recovery markers have no published reliability, so Waymark "
	    "estimates both from the network's own first answers and says "
	    "so: the reliability as Cronbach's alpha over the complete first "
	    "answers (every question answered), the spread from every first "
	    "score, with how many of each the estimate rests on.</p>\n"
	    "<p class=\"nhsuk-body\">An alpha from a handful of answers "
	    "swings widely from one group of people to the next, so Waymark "
	    "makes the estimate only from at least 30 complete first answers, "
	    "the usual rule of thumb for a steady alpha. With fewer, there is "
	    "no threshold: the page says why and how many there are so far, "
	    "still counts the people with two answers or more and their mean "
	    "change, but says their change could not be judged, rather than "
	    "counting anyone as improved, unchanged or worse.</p>\n"
	    "<p class=\"nhsuk-body\">"
	    "The mean change is the average of latest minus first, with its "
	    "95% confidence interval: the range the true average probably "
	    "lies in. Measures with a clinical cut-off also show reliable "
	    "recovery: people who started on the far side of the cut-off and "
	    "crossed it with a reliable improvement.</p>\n");
	part(h, "funnels", "Comparing services: funnel plots");
	HTML(h, "<p class=\"nhsuk-body\">Services are compared with funnel "
	    "plots (Spiegelhalter, 2005), never ranked. Each service is a "
	    "point: across, how many people its share is of; up, the share. "
	    "The level line is the network's share. The funnel around it "
	    "shows how far a service of that size could stray by chance "
	    "alone: 95% and 99.8% limits from the exact binomial "
	    "distribution. When services differ from each other more than "
	    "chance would explain (over-dispersion, worked out from their "
	    "z-scores with the top and bottom 10% pulled in), the limits are "
	    "widened by that extra variation, and the chart says so. A "
	    "service outside the 99.8% limits is named beside the chart: a "
	    "question worth asking, not a verdict. The chart, its limits "
	    "and which side of them a service falls are all worked out from "
	    "the figures shown (rounded), never the true counts, so that the "
	    "chart tells no more than they do. A service whose figures "
	    "are withheld is left off the chart, and the chart says how many "
	    "were.</p>\n");
	part(h, "paired", "Paired-outcome rate");
	HTML(h, "<p class=\"nhsuk-body\">Of the people on a service's "
	    "caseload now who joined it at least 180 days ago, the share "
	    "with their recovery markers recorded at least twice, wherever "
	    "they answered. It is the measure commissioners in England "
	    "already set targets on: without two answers, no one can say "
	    "whether a person's life has changed.</p>\n");
	part(h, "cycles", "Measurement cycles");
	HTML(h, "<p class=\"nhsuk-body\">A service runs each measure in a "
	    "regular cycle: every person on its caseload is due to answer "
	    "every so many months. Over the last 12 complete months, whichever "
	    "quarters are shown, Waymark counts the times a measure fell due "
	    "and how many of those were answered in time. The share is done "
	    "in time out of due. A service with no cycles has nothing "
	    "due.</p>\n");
	part(h, "training", "Training for recovery");
	HTML(h, "<p class=\"nhsuk-body\">Of each service's current staff "
	    "(its practitioners and leads), the share who have completed "
	    "each recovery course. Standard 1 asks that all staff are "
	    "trained.</p>\n");
	part(h, "experience", "Experience");
	HTML(h, "<p class=\"nhsuk-body\">What people and staff say about "
	    "each service in the quarters shown. The supportive service "
	    "indicators: each person's latest answers in those quarters count "
	    "once, at the service they were about; for each indicator, of the "
	    "people who answered it, the share who agree or strongly agree "
	    "(\"prefer not to say\" is left out; answers given alone and "
	    "with a practitioner count together). The ERFS profile by its "
	    "three groups of domains: the mean rating, from 1 (not at all) to "
	    "5 (very well), over the ratings of the service given in the last "
	    "four quarters whichever quarters are shown, by people using it "
	    "and by staff apart, with staff's marked where it is a step or "
	    "more from people's: where they disagree is the finding. A share "
	    "is withheld with the counts it comes from, and a mean where it "
	    "would rest on too few ratings, or where its count of ratings is "
	    "withheld so that another cannot be worked out.</p>\n");
	part(h, "goals", "People's own goals");
	HTML(h, "<p class=\"nhsuk-body\">People on a service's caseload now "
	    "who have set goals of their own. Of those who have reviewed a "
	    "goal at least twice, the people for whom the latest review of "
	    "at least one such goal is higher than its first: the person's "
	    "own answer to whether the service is helping them get where "
	    "they want to be.</p>\n");
	service(h);
	disclosure(h);
	wm_page_end(h);
}
