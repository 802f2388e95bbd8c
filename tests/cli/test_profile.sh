# A service lead's profile views over real HTTP: the ERFS profile, the
# supportive service indicators and the team's Ten Top Tips, on a small
# hand-built network with exact figures. Counts below 5 are shown as
# "<5" with no percentage; the team's tips need 5 reflections from 2
# practitioners and never name anyone; another service is not found.
. "$(dirname "$0")/lib.sh"

# resp FILE INSTRUMENT SUBJECT RESPONDENT AUTHOR DATE CODE...: a
# QuestionnaireResponse at svc answering the instrument's choice questions
# in order with the codes given ("-" leaves one unanswered); AUTHOR may
# be "".
resp() {
	local out=$1
	shift
	qr_json "$1" "$2" "$3" "$4" "$5" svc "${@:6}" >"$out"
	$WAYMARK respond --db p.db "$out" >/dev/null 2>>respond.err ||
	    fail "response $out was not recorded"
}

small_network p.db || fail "the network was not built"
$WAYMARK instrument load --db p.db "$ROOT/instruments/erfs.json" >/dev/null
for i in 2 3 4 5 6; do
	$WAYMARK person add --db p.db --id P$i --name "Person $i" --unit svc --since 2025-01-01 >/dev/null
done
$WAYMARK person add --db p.db --id P7 --name "Person 7" --unit svc --since 2025-01-01 >/dev/null
printf 'lead password 1\n' >pw
$WAYMARK account add --db p.db --email prac2@example.org --name "Pat Secondpractitioner" --grant practitioner@svc --password-file pw >/dev/null
$WAYMARK unit add --db p.db --kind service --code other --name "Other Service" --parent prov >/dev/null
$WAYMARK account add --db p.db --email lead2@example.org --name "Lou Lead" --grant lead@svc --password-file pw >/dev/null
$WAYMARK account add --db p.db --email olead@example.org --name "Ola Otherlead" --grant lead@other --password-file pw >/dev/null

# Supportive service indicators, 2025-Q2: six people. P1 answered twice;
# only their later answers count. Per indicator (in order):
#   learn-grow-change  6 agree of 6             -> 100% (6 of 6)
#   own-goals          3 agree, 3 disagree      -> <5 of 6, no percentage
#   normal-life-roles  5 agree, 1 neutral       -> 83% (5 of 6)
#   connected          all disagree             -> 0% (0 of 6)
#   basic-needs        2 prefer not to say      -> fewer than 5 answered
#   the other four     all agree                -> 100% (6 of 6)
IND=dreem-supportive-service-indicators
resp i0.json $IND Patient/P1 person Patient/P1 2025-04-10 $(rep 9 strongly-disagree)
resp i1.json $IND Patient/P1 person Patient/P1 2025-05-10 agree agree agree disagree prefer-not-to-say agree agree agree agree
resp i2.json $IND Patient/P2 person Patient/P2 2025-05-11 agree agree strongly-agree disagree prefer-not-to-say agree agree agree agree
resp i3.json $IND Patient/P3 person Patient/P3 2025-05-12 agree agree agree strongly-disagree agree agree agree agree agree
resp i4.json $IND Patient/P4 person Patient/P4 2025-05-13 strongly-agree disagree agree disagree agree agree agree agree agree
resp i5.json $IND Patient/P5 person-with-practitioner "" 2025-05-14 agree disagree agree disagree agree agree agree agree agree
resp i6.json $IND Patient/P6 person-with-practitioner "" 2025-05-15 agree disagree neutral disagree agree agree agree agree agree
# The quarter before: two people only.
resp i7.json $IND Patient/P7 person Patient/P7 2025-02-01 $(rep 9 agree)
resp i8.json $IND Patient/P2 person Patient/P2 2025-03-01 $(rep 9 agree)

# ERFS, 2025-Q2: five people using the service and two staff rate it.
#   whole-person        people 4 (well) x5, staff 5 (very well) x2 -> differ
#   wellness-lifestyle  people: 4 partly + 1 don't know -> withheld (<5)
#   the rest            partly (3) from everyone -> the same
for i in 1 2 3 4; do
	resp e$i.json erfs Organization/svc person "" 2025-05-0$i well partly $(rep 14 partly)
done
resp e5.json erfs Organization/svc person "" 2025-05-05 well dont-know $(rep 14 partly)
resp e6.json erfs Organization/svc staff Practitioner/prac@example.org 2025-05-06 very-well partly $(rep 14 partly)
resp e7.json erfs Organization/svc staff Practitioner/prac2@example.org 2025-05-07 very-well partly $(rep 14 partly)
# ERFS, 2025-Q1: three people only.
for i in 1 2 3; do
	resp f$i.json erfs Organization/svc person "" 2025-02-0$i $(rep 16 well)
done

# Ten Top Tips, 2025-Q2: four reflections by two practitioners so far.
#   tip-01 yes in 3 of the 5 (after the fifth) -> 60%
#   tip-02 no in all                           -> 0%
#   tip-03 not applicable in 2                 -> applied to 3: not shown
tip() { # FILE AUTHOR DATE TIP-01 TIP-03
	resp "$1" ten-top-tips "Practitioner/$2" staff "Practitioner/$2" "$3" "$4" no "$5" $(rep 7 yes)
}
tip t1.json prac@example.org 2025-04-01 yes yes
tip t2.json prac@example.org 2025-04-02 yes not-applicable
tip t3.json prac2@example.org 2025-04-03 no not-applicable
tip t4.json prac2@example.org 2025-04-04 partly yes
# 2025-Q3: five reflections, all by one practitioner.
for i in 1 2 3 4 5; do tip u$i.json prac@example.org 2025-07-0$i yes yes; done
same "$(cat respond.err 2>/dev/null)" "" "every response was recorded"

start p.db && pass "the server starts" || fail "the server did not start"
web_login l.jar lead2@example.org "lead password 1"

# The service page links to the three views.
same "$(code -b l.jar "$(U /services/svc)")" "200" "the service page"
has body 'href="/services/svc/erfs"' "... links to the ERFS profile"
has body 'href="/services/svc/indicators"' "... links to the indicators"
has body 'href="/services/svc/ten-top-tips"' "... links to the team's Ten Top Tips"

# --- supportive service indicators ------------------------------------
same "$(code -b l.jar "$(U '/services/svc/indicators?period=2025-Q2')")" "200" "the indicators for 2025-Q2"
tr -s ' \n' ' ' <body >flat
has flat "April to June 2025: 6 people answered (&lt;5 on their own, &lt;5 together with a practitioner)." "counts the people, each once, with small counts as <5"
has flat "January to March 2025: &lt;5 people answered" "the last period's count below 5 is <5"
has flat "I am treated as a person who can learn, grow and change</th><td class=\"nhsuk-table__cell\">100% (6 of 6)</td><td class=\"nhsuk-table__cell\">Fewer than 5 answered</td>" "a share this period; the last period too few"
has flat "My treatment plan is based on my own goals</th><td class=\"nhsuk-table__cell\">&lt;5 of 6 (percentage withheld)</td>" "3 of 6 agree: <5 and no percentage"
hasnt flat "50%" "... the withheld percentage is nowhere"
has flat "normal life roles such as worker, tenant and student</th><td class=\"nhsuk-table__cell\">83% (5 of 6)</td>" "agree and strongly agree both agree; neutral does not"
has flat "including family and friends</th><td class=\"nhsuk-table__cell\">0% (0 of 6)</td>" "nobody agreeing is 0%"
has flat "such as income, housing and transportation</th><td class=\"nhsuk-table__cell\">Fewer than 5 answered</td>" "prefer not to say is left out, leaving too few"
same "$(code -b l.jar "$(U '/services/svc/indicators?period=2025-Q3')")" "200" "the indicators for 2025-Q3"
tr -s ' \n' ' ' <body >flat
has flat "July to September 2025: 0 people answered" "no answers this period"
has flat "<td class=\"nhsuk-table__cell\">No answers</td><td class=\"nhsuk-table__cell\">100% (6 of 6)</td>" "... and 2025-Q2 as the last period"

same "$(code -b l.jar "$(U '/api/v1/services/svc/indicators?period=2025-Q2')")" "200" "the indicators through the API"
json() { python3 -c "import json,sys; d=json.load(open('body')); print(eval(sys.argv[1]))" "$1"; }
same "$(json "d['period'], d['previous']")" "('2025-Q2', '2025-Q1')" "... names the periods"
same "$(json "d['people'][0]")" "{'period': '2025-Q2', 'answered': 6, 'alone': '<5', 'withPractitioner': '<5'}" "... people, with <5"
same "$(json "d['indicators'][0]['periods']")" "[{'period': '2025-Q2', 'state': 'shown', 'answered': 6, 'agree': 6, 'percent': 100}, {'period': '2025-Q1', 'state': 'too-few', 'answered': '<5'}]" "... a share, and too few"
same "$(json "d['indicators'][1]['periods'][0]")" "{'period': '2025-Q2', 'state': 'withheld', 'answered': 6, 'agree': '<5'}" "... a withheld share sends no number"
hasnt body '"percent": 50' "... and never the withheld percentage"

# --- ERFS ------------------------------------------------------------
same "$(code -b l.jar "$(U '/services/svc/erfs?period=2025-Q2')")" "200" "the ERFS profile for 2025-Q2"
tr -s ' \n' ' ' <body >flat
has flat "April to June 2025: 5 people using the service and 2 members of staff rated the service." "who rated it"
has flat "<div class=\"wm-chart-region\" role=\"region\" tabindex=\"0\" aria-labelledby=\"domains-t\">" "a chart, in a region of its own named by its title"
has flat "<svg class=\"wm-chart wm-chart--w640\"" "... drawn 640 wide, its least width"
hasnt flat 'x="12.5"' "... drawn with whole-number coordinates"
if grep -o '<svg.*</svg>' flat | grep -Eq '(x|y|width|height|x1|x2|y1|y2)="[0-9]*\.[0-9]'; then fail "a chart coordinate is not a whole number"; else pass "every chart coordinate is a whole number"; fi
same "$(grep -o '<svg.*</svg>' flat | grep -o 'Whole Person / Holistic Approach</text>.*People and staff differ' | grep -c 'Wellness')" "0" "the chart flags where they differ, under the domain"
same "$(grep -o 'People and staff differ by a step or more' flat | wc -l)" "1" "... and only there"
for g in "Person centred" "Consumer driven" "Community based"; do has flat "<caption class=\"nhsuk-table__caption\">$g</caption>" "a table for $g"; done
has flat "Whole Person / Holistic Approach</th><td class=\"nhsuk-table__cell\">4.0</td><td class=\"nhsuk-table__cell\">5</td><td class=\"nhsuk-table__cell\">5.0</td><td class=\"nhsuk-table__cell\">2</td><td class=\"nhsuk-table__cell\"><strong>Yes: they differ</strong></td>" "side by side, with the difference flagged"
has flat "Wellness Lifestyle</th><td class=\"nhsuk-table__cell\">withheld</td><td class=\"nhsuk-table__cell\">&lt;5</td><td class=\"nhsuk-table__cell\">3.0</td><td class=\"nhsuk-table__cell\">2</td><td class=\"nhsuk-table__cell\">No</td>" "4 people's ratings: <5 and no mean"
has flat "Renews Hope</th><td class=\"nhsuk-table__cell\">3.0</td><td class=\"nhsuk-table__cell\">5</td><td class=\"nhsuk-table__cell\">3.0</td><td class=\"nhsuk-table__cell\">2</td><td class=\"nhsuk-table__cell\">No</td>" "agreement is not flagged"
same "$(code -b l.jar "$(U '/services/svc/erfs?period=2025-Q1')")" "200" "the ERFS profile for 2025-Q1"
tr -s ' \n' ' ' <body >flat
has flat "&lt;5 people using the service and 0 members of staff" "three people: <5"
has flat "Not enough answers yet from people using the service" "... says why nothing is shown"
hasnt flat ">4.0<" "... and shows none of their ratings"
same "$(code -b l.jar "$(U '/services/svc/erfs?period=2024-Q1')")" "200" "a period with no ratings"
has body "Not enough answers yet: no one has rated this service on ERFS in this period" "... says so"
hasnt body "<svg" "... and draws no chart"

same "$(code -b l.jar "$(U '/api/v1/services/svc/erfs?period=2025-Q2')")" "200" "ERFS through the API"
same "$(json "d['respondents']")" "{'people': 5, 'staff': 2}" "... who rated it"
same "$(json "d['groups'][0]['domains'][0]")" "{'linkId': 'whole-person', 'text': 'Whole Person / Holistic Approach', 'people': {'rated': 5, 'mean': 4.0}, 'staff': {'rated': 2, 'mean': 5.0}, 'differ': True}" "... side by side, differing"
same "$(json "d['groups'][0]['domains'][1]['people']")" "{'rated': '<5', 'withheld': True}" "... a withheld mean is not sent"
same "$(json "[g['title'] + ':' + str(len(g['domains'])) for g in d['groups']]")" "['Person centred:6', 'Consumer driven:4', 'Community based:6']" "... 16 domains in 3 groups"

# --- Ten Top Tips, as a team -------------------------------------------
same "$(code -b l.jar "$(U /services/svc/ten-top-tips)")" "200" "the team's tips with no quarter yet showable"
has body "No reflections yet in this period" "... show this quarter, saying why there is nothing"
hasnt body "the latest quarter with enough reflections" "... without claiming an earlier one"
same "$(code -b l.jar "$(U /services/svc/dashboard)")" "200" "the dashboard then"
has body "No quarter has enough reflections to show yet" "... says no quarter has enough"
same "$(code -b l.jar "$(U '/services/svc/ten-top-tips?period=2025-Q2')")" "200" "the team's tips with 4 reflections"
has body "Not enough reflections yet" "... gives the reason"
hasnt body "<table" "... and nothing else: no table"
hasnt body "%" "... no shares"
same "$(code -b l.jar "$(U '/api/v1/services/svc/ten-top-tips?period=2025-Q2')")" "200" "... through the API"
same "$(json "sorted(d.keys())")" "['period', 'reason', 'service', 'shown']" "... only the reason"
tip t5.json prac@example.org 2025-04-05 yes yes
same "$(code -b l.jar "$(U '/services/svc/ten-top-tips?period=2025-Q2')")" "200" "the team's tips with 5 reflections"
tr -s ' \n' ' ' <body >flat
has flat "The team made 5 reflections in April to June 2025." "... counts them"
has flat "make sense of their mental health problems?</th><td class=\"nhsuk-table__cell\">60%</td><td class=\"nhsuk-table__cell\">5</td>" "yes in 3 of 5: 60%"
has flat "<td class=\"nhsuk-table__cell\">0%</td><td class=\"nhsuk-table__cell\">5</td>" "no in all: 0%"
has flat "Not shown: it applied to fewer than 5</td><td class=\"nhsuk-table__cell\">3</td>" "not applicable is left out; 3 is too few"
for who in "Jo Practitioner" "Pat Secondpractitioner" "prac@example.org" "prac2@example.org"; do
	hasnt body "$who" "never names a practitioner ($who)"
done
same "$(code -b l.jar "$(U '/api/v1/services/svc/ten-top-tips?period=2025-Q2')")" "200" "the shares through the API"
same "$(json "d['reflections'], d['tips'][0]['percentYes'], d['tips'][1]['percentYes'], d['tips'][2]")" "(5, 60, 0, {'linkId': 'tip-03', 'text': \"Did I demonstrate a belief in the person's existing strengths and resources in relation to the pursuit of these goals?\", 'applied': 3, 'withheld': True})" "... shares, and a withheld one sends none"
hasnt body "prac" "... and names no practitioner"
same "$(code -b l.jar "$(U '/services/svc/ten-top-tips?period=2025-Q3')")" "200" "5 reflections by one practitioner"
has body "Not enough practitioners yet" "... are not shown as the team's"
hasnt body "<table" "... no table"

# A new quarter begins with one reflection: the team's tips still show
# the latest quarter with enough reflections, saying which, not a blank.
tip t6.json prac2@example.org "$(date -u +%F)" yes yes
NOW=$(python3 -c "import datetime; d=datetime.datetime.now(datetime.timezone.utc).date(); print('%d-Q%d' % (d.year, (d.month-1)//3+1))")
same "$(code -b l.jar "$(U /services/svc/ten-top-tips)")" "200" "the team's tips without a period"
tr -s ' \n' ' ' <body >flat
has flat "Showing <strong>April to June 2025</strong>: the latest quarter with enough reflections" "... show the latest quarter with enough, in words"
has flat "The team made 5 reflections in April to June 2025." "... with its figures"
has flat "<option value=\"2025-Q2\" selected>" "... chosen in the period list"
same "$(code -b l.jar "$(U "/services/svc/ten-top-tips?period=$NOW")")" "200" "asking for this quarter"
has body "Not enough reflections yet" "... still withholds it"
hasnt body "the latest quarter with enough reflections" "... and does not redirect to another"
same "$(code -b l.jar "$(U /api/v1/services/svc/ten-top-tips)")" "200" "the API without a period"
same "$(json "d['period'], d['shown'], d['reflections']")" "('2025-Q2', True, 5)" "... gives the latest quarter with enough reflections, and which"
same "$(code -b l.jar "$(U /services/svc/dashboard)")" "200" "the dashboard"
tr -s ' \n' ' ' <body >flat
has flat "The latest quarter with enough reflections to show: April to June 2025." "... shows the team's tips of the latest quarter with enough, saying which"
has flat "5 reflections, April to June 2025</caption>" "... with their figures"
same "$(code -b l.jar "$(U /api/v1/services/svc/dashboard)")" "200" "the dashboard through the API"
same "$(json "d['tenTopTips']['period'], d['tenTopTips']['shown']")" "('2025-Q2', True)" "... says the same quarter"

# --- periods and scope ------------------------------------------------
for bad in 2025-Q5 2025-q2 25-Q2 2025-Q2x "" "2025-Q2'" 9999-Q1; do
	same "$(code -b l.jar "$(U "/services/svc/indicators?period=$bad")")" "400" "a period of '$bad' is refused"
done
has body "Write the period as a year and a quarter, for example 2026-Q3" "... saying how to write it"
same "$(code -b l.jar "$(U '/api/v1/services/svc/erfs?period=Q2')")" "400" "the API refuses a bad period"
same "$(json "d['error']['field']")" "period" "... naming the field"
same "$(code -b l.jar "$(U /services/svc/erfs)")" "200" "without a period: the current one"
has body "<option value=\"2025-Q2\">April to June 2025</option>" "the chooser offers periods with answers"
for p in erfs indicators ten-top-tips; do
	same "$(code -b l.jar "$(U /services/other/$p)")" "404" "another service's $p is not found"
	same "$(code -b l.jar "$(U "/services/other/$p?period=bad")")" "404" "... even with a bad period"
	same "$(code -b l.jar "$(U /api/v1/services/other/$p)")" "404" "... nor through the API"
	same "$(code -b l.jar "$(U /services/no-such/$p)")" "404" "a service that does not exist: $p"
done
web_login o.jar olead@example.org "lead password 1"
same "$(code -b o.jar "$(U '/services/other/indicators?period=2025-Q2')")" "200" "the other lead sees their own service"
has body "April to June 2025: 0 people answered" "... with none of this service's answers"
same "$(code -b o.jar "$(U /services/svc/erfs)")" "404" "... and not this one"
web_login pr.jar prac2@example.org "lead password 1"
same "$(code -b pr.jar "$(U /)")" "200" "a practitioner signs in"
same "$(code -b pr.jar "$(U /services/svc/ten-top-tips)")" "404" "a practitioner cannot open the team view"
same "$(code -b pr.jar "$(U /api/v1/services/svc/ten-top-tips)")" "404" "... nor through the API"
same "$(code "$(U /services/svc/erfs)")" "303" "signed out, the page asks for sign-in"
