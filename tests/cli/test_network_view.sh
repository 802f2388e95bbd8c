# The commissioner's network view over real HTTP on loopback: /network is
# a commissioner's home, shows every service of their part of the network
# grouped by provider, is written to the audit log on every view, names
# no person and no member of staff anywhere a commissioner can reach
# (a crawl), refuses a window no one may ask for, and is "not found" for
# everyone else. A commissioner of one provider sees that provider's
# services only.
. "$(dirname "$0")/lib.sh"

commissioners_demo
json() { python3 -c "import json,sys; d=json.load(open('body')); print(eval(sys.argv[1]))" "$1"; }
audits() { sqlite3 d.db "SELECT count(*) FROM audit WHERE action = 'viewed the network''s figures' AND subject_kind = 'unit'"; }

login c.jar commissioner
same "$(code -b c.jar "$(U /)")" "303" "a commissioner's home ..."
same "$(location)" "/network" "... is their network"
before=$(audits)
same "$(code -b c.jar "$(U /network)")" "200" "the network at a glance"
same "$(audits)" "$((before + 1))" "the view is written to the audit log"
for name in "Exbridge Recovery Team" "Beacon Recovery College" "Moorland Partnership NHS Trust (fictional)" "Harbour Mind (fictional)"; do
	has body "$name" "it shows $name"
done
has body 'scope="rowgroup"' "services are grouped by provider"
has body "The 10 core standards" "the standards"
has body "Measurement cycles" "the cycles"
same "$(python3 -c 'import re,sys; b=open("body").read(); c=b[b.index("id=\"cycles\""):]; c=c[:c.index("</section>")]; print(sorted(set(c.count("href=\"/network/services/" + x + "\"") for x in re.findall(r"href=\"/network/services/([a-z-]+)\"", c))))')" \
    "[1]" "... each service linked once in the cycles' table, however many measures it runs"
has body "Training for recovery" "training"
has body 'id="experience"' "what people and staff say"
has body "People who agree, by indicator" "... the share who agree with each supportive service indicator"
has body "ERFS, by group" "... and the ERFS profile by its three groups"
has body "Person centred: Staff" "... people and staff apart"
has body 'href="/network/about#experience"' "... linking to how it is worked out"
has body "Recovery markers: left out, and why" "who is left out of the recovery markers, and why"
has body 'href="/network/about#standards"' "each section links to how it is worked out"
has body "A figure shown as * is withheld" "it says what * means"
same "$(code -b c.jar "$(U /network/about)")" "200" "how the figures are worked out"
has body 'id="disclosure"' "... including the small-number rule"
has body "mhsds" "... naming the rule"
has body "The same figures are withheld whoever looks" "... that the same figures are withheld whoever looks"
has body "Choosing the year" "... and why choosing the year gives nothing away"

# The window: a year ending with this quarter, or the same quarter of
# an earlier year.
Y0=$(quarter_back 7) Y1=$(quarter_back 4)
months() { # QUARTER QUARTER: "January 2025 to December 2025"
	python3 -c "import datetime as d, sys
a, b = sys.argv[1:]
print(d.date(int(a[:4]), int(a[-1]) * 3 - 2, 1).strftime('%B %Y'), 'to', d.date(int(b[:4]), int(b[-1]) * 3, 1).strftime('%B %Y'))" "$1" "$2"
}
same "$(code -b c.jar "$(U "/network?to=$Y1")")" "200" "the year before"
has body "The four quarters from $(months "$Y0" "$Y1")." "... says which, in months"
hasnt body "has not ended yet" "... a window of quarters that have ended says nothing of the running one"
has body "<option value=\"$Y1\" selected>$(months "$Y0" "$Y1")</option>" "... and is the year chosen in the form"
same "$(grep -c '<option value="[0-9]*-Q[1-4]"' body)" "10" "... which offers ten years to choose from"
has body "<a href=\"/network/services/exbridge-recovery?to&#61;$Y1\">" "... and each service links to its page for that year (the = written as a character reference)"
has body "<a href=\"/network/outcomes?to&#61;$Y1\">" "... and to the outcomes for that year"
same "$(code -b c.jar "$(U "/network/services/exbridge-recovery?to=$Y1")")" "200" "that year's service page"
has body "href=\"/network?to&#61;$Y1\"" "... goes back to the network for the same year"
same "$(code -b c.jar "$(U "/network/outcomes?to=$Y1")")" "200" "that year's outcomes"
has body "href=\"/network?to&#61;$Y1\"" "... go back to the network for the same year, too"
for q in '%01' 'x%00' "2025-Q4%00junk" "$(printf 'x%.0s' $(seq 40))"; do
	same "$(code -b c.jar "$(U "/api/v1/network?to=$q")")" "400" "the API refuses to=$q rather than take it as not given"
	has body '"field": "to"' "... naming to"
	same "$(code -b c.jar "$(U "/api/v1/network?from=$q&to=$Y1")")" "400" "... and from=$q"
	has body '"field": "from"' "... naming from"
done
same "$(code -b c.jar "$(U "/api/v1/network?from=1900-Q1&to=$Y1")")" "400" "a first quarter long before the year"
has body "its first quarter is the one three before its last" "... is refused as not the year's first"
same "$(code -b c.jar "$(U "/network?from=$Y0&to=$Y1")")" "200" "the same year, its first quarter named too"
same "$(code -b c.jar "$(U /network)")" "200" "the default window"
has body '<a href="/network/services/exbridge-recovery">' "... whose services link to their pages for the year to today"
# The default window's first month: the start of the quarter three before today's.
first=$(python3 -c 'import datetime as d; t=d.datetime.now(d.timezone.utc).date(); i=t.year*4+(t.month-1)//3-3; print(d.date(i//4, i%4*3+1, 1).strftime("%B %Y"))')
has body "The four quarters from $first to today, $(date -u '+%-d %B %Y')." "... ends today"
has body "has not ended yet: its figures are those so far" "... and says the running quarter's figures are those so far"
same "$(code -b c.jar "$(U '/network?from=2026-Q1&to=2026-Q1')")" "400" "a window of one quarter is refused"
has body "a year of four quarters that ends with this quarter" "... saying what a window is"
has body '<a href="/network">Show the year to today</a>' "... with the way on to the year to today"
same "$(code -b c.jar "$(U "/network/services/exbridge-recovery?to=$(quarter_back 1)")")" "400" "a service's page for a year no longer offered (a link from last quarter)"
has body '<a href="/network/services/exbridge-recovery">Show the year to today</a>' "... leads on to the same page for the year to today"
same "$(code -b c.jar "$(U "/network?from=$(quarter_back 0)&to=$Y1")")" "400" "a window that ends before it starts"
has body "the first quarter is after the last" "... says why"
same "$(code -b c.jar "$(U "/network?to=$(quarter_back 40)")")" "400" "a year more than ten years ago"
same "$(code -b c.jar "$(U '/network?to=2999-Q1')")" "400" "a window in the future"
same "$(code -b c.jar "$(U '/network?from=2026-13')")" "400" "a quarter not written as one"
same "$(code -b c.jar "$(U "/network?to=$(quarter_back 36)")")" "200" "the year ten years ago"

# The API: the same view, the same rule, the same audit.
before=$(audits)
same "$(code -b c.jar "$(U /api/v1/network)")" "200" "the network in JSON"
same "$(audits)" "$((before + 1))" "... written to the audit log"
same "$(json "len(d['services'])")" "14" "every service"
same "$(json "d['disclosure']")" "mhsds" "the rule applied by default"
same "$(json "sorted(set(s['provider']['code'] for s in d['services']))")" \
    "['beacon-peer', 'estuary-care', 'harbour-mind', 'moorland-nhs', 'tor-housing']" "each with its provider"
same "$(json "all(isinstance(c['due'], int) and c['due'] % 5 == 0 or c['due'] == '*' for s in d['services'] for c in s['cycles'])")" \
    "True" "counts are rounded to 5 or withheld"
same "$(json "(len(d['network']['experience']['indicators']), [g['group'] for g in d['network']['experience']['erfs']], sorted(d['network']['experience']['erfs'][0]))")" \
    "(9, ['person-centred', 'consumer-driven', 'community-based'], ['group', 'people', 'staff', 'title'])" \
    "the API has what people and staff say: the 9 indicators and ERFS's three groups, people and staff apart"
same "$(json "all(s['experience']['indicators'][0]['answered'] == '*' or s['experience']['indicators'][0]['answered'] % 5 == 0 for s in d['services'])")" \
    "True" "... each service's counts withheld or rounded to 5"
same "$(json "sorted(d['network']['recovery'][0]['leftOut'])")" "['answeredByOthersOnly', 'noResponse']" "... and who is left out, and why"
same "$(code -b c.jar "$(U '/api/v1/network?from=nope')")" "400" "a bad window in the API"
has body '"field": "from"' "... names the field"

# The audit log says exactly what was seen: the page or the API and its
# endpoint, the whole window and the disclosure rule, for every view.
detail() { sqlite3 d.db "SELECT detail FROM audit WHERE action = '$1' ORDER BY id DESC LIMIT 1"; }
same "$(code -b c.jar "$(U "/network?to=$Y1")")" "200" "the network for the year before"
same "$(detail "viewed the network''s figures")" \
    "page GET /network; quarters $Y0 to $Y1; disclosure mhsds; the whole network (14 services)" "the page's view is audited with its window and rule"
same "$(code -b c.jar "$(U /network)")" "200" "the network for the default window"
same "$(code -b c.jar "$(U /api/v1/network)")" "200" "... in JSON"
win=$(json "d['from'] + ' to ' + d['to']")
same "$(detail "viewed the network''s figures")" \
    "API GET /api/v1/network; quarters $win; disclosure mhsds; the whole network (14 services)" "the API's view is audited with its endpoint, window and rule"
same "$(code -b c.jar "$(U "/api/v1/network/outcomes?from=$Y0&to=$Y1")")" "200" "the outcomes in JSON"
same "$(detail "viewed the network''s outcomes")" \
    "API GET /api/v1/network/outcomes; quarters $Y0 to $Y1; disclosure mhsds; the whole network (14 services)" "... and the outcomes'"
same "$(code -b c.jar "$(U "/api/v1/network/measure-report?to=$Y1")")" "200" "the MeasureReport"
same "$(detail "exported the network''s outcomes as FHIR")" \
    "API GET /api/v1/network/measure-report; quarters $Y0 to $Y1; disclosure mhsds; the whole network (14 services)" "... and the FHIR export's"
same "$(code -b c.jar "$(U /network/outcomes)")" "200" "the outcomes page"
same "$(detail "viewed the network''s outcomes")" \
    "page GET /network/outcomes; quarters $win; disclosure mhsds; the whole network (14 services)" "... and the outcomes page's"
same "$(code -b c.jar "$(U "/network/services/exbridge-recovery?to=$Y1")")" "200" "a service's own page"
has body "Exbridge Recovery Team" "... the service's"
same "$(sqlite3 d.db "SELECT a.detail FROM audit a JOIN unit u ON u.id = a.subject_id WHERE a.subject_kind = 'unit' AND u.code = 'exbridge-recovery' ORDER BY a.id DESC LIMIT 1")" \
    "page GET /network/services/exbridge-recovery; quarters $Y0 to $Y1; disclosure mhsds; the whole network (14 services); trends quarters $(quarter_back 11) to $Y1" "... audited against the service with its window, its trends' eight quarters and the rule"
same "$(code -b c.jar "$(U "/network/services/exbridge%2drecovery?to=$Y1")")" "200" "the same page, its path spelled otherwise"
same "$(sqlite3 d.db "SELECT a.detail FROM audit a JOIN unit u ON u.id = a.subject_id WHERE a.subject_kind = 'unit' AND u.code = 'exbridge-recovery' ORDER BY a.id DESC LIMIT 1")" \
    "page GET /network/services/exbridge-recovery; quarters $Y0 to $Y1; disclosure mhsds; the whole network (14 services); trends quarters $(quarter_back 11) to $Y1" "... audited under the one spelling of its path"
same "$(code -b c.jar "$(U "/network/services/exbridge-recovery?from=$(quarter_back 11)&to=$Y1")")" "400" "a service's page over more than a year is refused"
$WAYMARK network set --db d.db --disclosure hes >/dev/null
same "$(code -b c.jar "$(U /network)")" "200" "the network under the HES rule"
same "$(detail "viewed the network''s figures")" \
    "page GET /network; quarters $win; disclosure hes; the whole network (14 services)" "... audited as seen under HES"
$WAYMARK network set --db d.db --disclosure mhsds >/dev/null
run 0 "the network's report on the command line" -- $WAYMARK report network --db d.db --format csv --disclosure none --from 2025-Q4 --to 2026-Q1
same "$(sqlite3 d.db "SELECT coalesce(actor_account_id, 'Waymark') || ' | ' || detail FROM audit WHERE action = 'reported the network''s figures (command line)' ORDER BY id DESC LIMIT 1")" \
    "Waymark | command line waymark report network --format csv; quarters 2025-Q4 to 2026-Q1; disclosure none; the whole network (14 services)" \
    "... is audited too, with its format, window and rule"

# Nothing a commissioner can reach names a person or member of staff.
python3 "$ROOT/tests/cli/commissioner_crawl.py" "$(U '')" d.db c.jar \
    "$(signin commissioner | cut -d' ' -f1)" >crawl.txt
while read -r verdict what; do
	if [ "$verdict" = pass ]; then pass "crawl: $what"; else fail "crawl: $what"; fi
done <crawl.txt
grep -q '^pass /network/services/[a-z-]* answers 200' crawl.txt && pass "the crawl follows each service to its own page" || fail "the crawl did not reach a service's page"
grep -q '^pass /network/services/[a-z-]*/standards/[0-9-]* answers 200' crawl.txt && pass "... and to each period of its standards" || fail "the crawl did not reach a service's standards"

# A provider's commissioner sees their provider's services only.
web_login p.jar pc@example.org "provider commissioner pass 1"
same "$(code -b p.jar "$(U /network)")" "200" "a provider's commissioner sees the network page"
has body "Dartleigh Supported Living" "... with their provider's services"
hasnt body "Exbridge Recovery Team" "... and no other provider's"
hasnt body "Moorland Partnership" "... nor another provider's name"
same "$(code -b p.jar "$(U /api/v1/network)")" "200" "... in the API too"
same "$(json "sorted(s['service'] for s in d['services'])")" \
    "['dartleigh-living', 'honibury-house', 'torrow-day']" "... only their three services"
same "$(detail "viewed the network''s figures")" \
    "API GET /api/v1/network; quarters $win; disclosure mhsds; 3 services of estuary-care" "... audited with their scope, not the whole network"
same "$(code -b p.jar "$(U /api/v1/network/outcomes)")" "200" "... and the outcomes"
same "$(json "sorted({s['service'] for m in d['measures'] for c in m['scales'] for s in c['selfRated']['services']})")" \
    "['dartleigh-living', 'honibury-house', 'torrow-day']" "... of their three services only"

# Everyone else: not found.
for role in person practitioner lead validator; do
	login "$role.jar" "$role"
	same "$(code -b "$role.jar" "$(U /network)")" "404" "a $role gets 404 for /network"
	same "$(code -b "$role.jar" "$(U /network/about)")" "404" "a $role gets 404 for /network/about"
	same "$(code -b "$role.jar" "$(U /api/v1/network)")" "404" "a $role gets 404 for the network API"
	same "$(code -b "$role.jar" "$(U /api/v1/network/outcomes)")" "404" "a $role gets 404 for the outcomes API"
	same "$(code -b "$role.jar" "$(U /)")" "200" "a $role's home is still theirs"
done
same "$(code "$(U /network)")" "303" "signed out: sign in first"
same "$(location)" "/sign-in" "... at the sign-in page"
