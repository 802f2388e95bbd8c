# A service lead's measurement cycles over real HTTP on loopback: adding a
# cycle (every refusal names its field and stores nothing), stopping one
# (the person's due list changes), scope (404 for another service), and
# the completion rates of a small hand-built network, exact to the count.
# Dates are set relative to today's month, so the figures hold whenever
# the test runs.
. "$(dirname "$0")/lib.sh"

# The first day of the month `k` months from this one, and a day in it.
month() { date -u -d "$(date -u +%Y-%m-01) $1 months" +%Y-%m; }
day() { echo "$(month "$1")-$2"; }
days_after() { date -u -d "$1 $2 days" +%F; }
DREEM=https://waymark.example/fhir/Questionnaire/dreem-recovery-markers
S=$(day -8 01)	# the cycle starts on the first of the month 8 months ago
SB="$((10#${S:8:2}))/$((10#${S:5:2}))/${S:0:4}"	# ... as typed in the date boxes

small_network c.db || fail "the network was not built"
$WAYMARK unit add --db c.db --kind service --code other --name "Other Service" --parent prov >/dev/null
printf 'lead password 1\n' >pw
$WAYMARK account add --db c.db --email l2@example.org --name "Lou Lead" --grant lead@svc --password-file pw >/dev/null
$WAYMARK account add --db c.db --email l3@example.org --name "Oli Lead" --grant lead@other --password-file pw >/dev/null
$WAYMARK account add --db c.db --email p2@example.org --name "Pat Practitioner" --grant practitioner@svc --password-file pw >/dev/null
# P1 (on the caseload since 2025) answers in time, then misses the next.
# P2 joins mid-cycle and answers in time. P3 joins and leaves before their
# window closes, without answering: never due. P4 answers 40 days late,
# then leaves before the next time. P5 answers 20 days early, then in time.
$WAYMARK person add --db c.db --id P2 --name "Ari Two" --unit svc --since "$(day -6 10)" >/dev/null
$WAYMARK person add --db c.db --id P3 --name "Bo Three" --unit svc --since "$(day -7 03)" >/dev/null
$WAYMARK person add --db c.db --id P4 --name "Cy Four" --unit svc --since 2025-01-01 >/dev/null
$WAYMARK person add --db c.db --id P5 --name "Di Five" --unit svc --since 2025-01-01 >/dev/null
sqlite3 c.db "UPDATE caseload SET end_date = '$(day -7 20)' WHERE person_id = (SELECT id FROM person WHERE ident = 'P3');
UPDATE caseload SET end_date = '$(day -4 01)' WHERE person_id = (SELECT id FROM person WHERE ident = 'P4');"
answer() { # PERSON DATE
	sed -e "s/Patient\/P1/Patient\/$1/g" -e "s/\"authored\": \"2025-06-01\"/\"authored\": \"$2\"/" \
	    "$FIX/responses/good-dreem.json" >"ans-$1-$2.json"
	$WAYMARK respond --db c.db "ans-$1-$2.json" >/dev/null || fail "$1's answer on $2 was not recorded"
}
answer P1 "$(days_after "$S" 5)"
answer P2 "$(day -6 12)"
answer P4 "$(days_after "$S" 40)"
answer P5 "$(days_after "$S" -20)"
answer P5 "$(days_after "$(date -u -d "$(days_after "$S" -20) 6 months" +%F)" 8)"

start c.db && pass "the server starts" || fail "the server did not start"
web_login l.jar l2@example.org "lead password 1"
LCS=$WCS
same "$(code -b l.jar "$(U /services/svc)")" "200" "the lead's service page"
has body 'href="/services/svc/cycles"' "... links to its measurement cycles"
same "$(code -b l.jar "$(U /services/svc/cycles)")" "200" "the cycles page"
has body "No cycles yet." "... says there are none yet"
has body "stop its cycle and add a new one" "... says how to change how often"
has body "value=\"person|$DREEM\"" "... offers a measure about each person"
has body 'value="service|https://waymark.example/fhir/Questionnaire/core-standards"' "... and one about the service"
hasnt body "ten-top-tips" "... but not a practitioner's own reflection"

# Refusals: each names its field, and nothing is stored.
cycles() { sqlite3 c.db "SELECT count(*) FROM cycle"; }
audits() { sqlite3 c.db "SELECT count(*) FROM audit"; }
before="$(cycles)/$(audits)"
# The start date as the NHS date boxes send it, from "DAY/MONTH/YEAR".
start_boxes() {
	local d=${1%%/*} rest=${1#*/}
	printf -- '--data-urlencode start-day=%s --data-urlencode start-month=%s --data-urlencode start-year=%s' "$d" "${rest%%/*}" "${rest#*/}"
}
refuse() { # MEASURE EVERY START FIELD MESSAGE DESCRIPTION
	same "$(code -b l.jar --data-urlencode "csrf=$LCS" --data-urlencode "measure=$1" --data-urlencode "every=$2" $(start_boxes "$3") "$(U /services/svc/cycles)")" "400" "$6 is refused"
	has body "href=\"#$4\">$5" "$6: the summary names the field"
	has body "id=\"${4%-day}-error\"" "$6: the field shows the error"
	same "$(cycles)/$(audits)" "$before" "$6: nothing stored"
}
refuse "person|$DREEM" 0 "$SB" every "How often must be a whole number of months, from 1 to 60" "every 0 months"
refuse "person|$DREEM" 61 "$SB" every "How often must be a whole number of months, from 1 to 60" "every 61 months"
refuse "person|$DREEM" "six" "$SB" every "How often must be a whole number" "every 'six' months"
refuse "person|https://waymark.example/fhir/Questionnaire/no-such" 6 "$SB" measure "Choose a measure from the list" "an unknown measure"
refuse "service|$DREEM" 6 "$SB" measure "Choose a measure from the list" "a measure about people set for the service"
refuse "person|$DREEM" 6 "30/2/2026" start-day "The start date must be a real date" "an impossible date"
refuse "person|$DREEM" 6 "1/3rd/2026" start-day "The start date must be a real date" "a malformed date"
refuse "" "" "//" measure "Choose a measure" "a form with nothing filled in"
has body 'href="#every">Enter how many months apart' "... names how often too"
has body 'href="#start-day">Enter the date the cycle starts from' "... and the start date"
refuse "person|$DREEM" 60 "//" start-day "Enter the date the cycle starts from" "a missing start date"
has body 'value="60"' "... keeping what was typed"
same "$(code -b l.jar --data-urlencode "measure=person|$DREEM" --data-urlencode "every=6" $(start_boxes "$SB") "$(U /services/svc/cycles)")" "403" "a post without the form token is refused"
same "$(cycles)" "0" "... and stores nothing"

# Adding a cycle.
same "$(code -b l.jar --data-urlencode "csrf=$LCS" --data-urlencode "measure=person|$DREEM" --data-urlencode "every=6" $(start_boxes "$SB") "$(U /services/svc/cycles)")" "303" "the lead adds a cycle"
same "$(sqlite3 c.db "SELECT u.code, y.instrument_url, y.subject_kind, y.every_months, y.start_date, y.stopped IS NULL FROM cycle y JOIN unit u ON u.id = y.unit_id")" "svc|$DREEM|person|6|$S|1" "it is stored as asked"
same "$(sqlite3 c.db "SELECT count(*) FROM audit WHERE action = 'cycle started' AND subject_kind = 'service' AND actor_account_id = (SELECT id FROM account WHERE email = 'l2@example.org')")" "1" "... and audited"
same "$(code -b l.jar --data-urlencode "csrf=$LCS" --data-urlencode "measure=service|https://waymark.example/fhir/Questionnaire/core-standards" --data-urlencode "every=3" $(start_boxes "$SB") "$(U /services/svc/cycles)")" "303" "and the standards quarterly, for the service"
same "$(code -b l.jar "$(U /services/svc/cycles)")" "200" "the page lists them"
has body "Every 6 months" "... how often"
has body "Each person on the caseload" "... for whom"
has body "The service" "... or the service"

# The completion rates: in the month 8 months ago P1 and P5 answered in
# time and P4 late (2 of 3); P2 joined and answered 6 months ago; P5
# answered again 3 months ago; P1 missed 2 months ago; P3 was never due.
row() { # MONTHS-AGO DUE DONE RATE
	local name
	name=$(date -u -d "$(month "$1")-01" "+%B %Y")
	printf '%s' "$name</th><td class=\"nhsuk-table__cell\">$2</td><td class=\"nhsuk-table__cell\">$3</td><td class=\"nhsuk-table__cell\">$4</td>"
}
has body "$(row -8 3 2 67%)" "8 months ago: 3 due, 2 done in time, 67%"
has body "$(row -7 0 0 "No one was due")" "7 months ago: someone who joined and left was never due"
has body "$(row -6 1 1 100%)" "6 months ago: joined mid-cycle and answered"
has body "$(row -3 1 1 100%)" "3 months ago: answered in time after an early answer"
has body "$(row -2 1 0 0%)" "2 months ago: one missed"
has body "$(row -9 0 0 "No one was due")" "before the cycle began, no one was due"
has body "(this month so far: not final)" "this month is marked as not final"
has body '<caption class="nhsuk-table__caption">DREEM recovery markers, every 6 months, for each person on the caseload: times due and done in time, by month</caption>' "the table has a caption"
has body '<svg class="wm-chart wm-chart--w640"' "... and a chart beside it"
same "$(sed -n '/aria-labelledby="completion-1-t/,/<\/svg>/p' body | grep -c '<rect x="[0-9]*" y="[0-9]*" width="[0-9]*" height="[0-9]*"')" "4" "one bar for each month anything was due, at whole pixels"
hasnt body "Sam Testperson" "no one is named"

# The same figures through the API.
J=(-H 'Content-Type: application/json')
code -c a.jar "${J[@]}" -d '{"email": "l2@example.org", "password": "lead password 1"}' "$(U /api/v1/session)" >/dev/null
same "$(code -b a.jar "$(U /api/v1/services/svc/cycles)")" "200" "the API gives the cycles"
same "$(jq -c --arg m "$(month -8)" '.cycles[] | select(.for == "person") | .months[] | select(.month == $m) | [.due, .done, .percent, .final]' body)" "[3,2,67,true]" "... with the month's figures"
same "$(jq -c --arg m "$(month -7)" '.cycles[] | select(.for == "person") | .months[] | select(.month == $m) | .percent' body)" "null" "... and no rate when no one was due"
same "$(jq -c '.cycles[] | select(.for == "person") | [(.months | length), .every_months, .start, .stopped, .measure]' body)" "[13,6,\"$S\",null,\"$DREEM\"]" "... 13 months, how often, from when, still running"
same "$(jq -r '.cycles | length' body)" "2" "... both cycles"
# The standards, quarterly from the same date, were never answered: due
# 8, 5 and 2 months ago, and missed each time.
same "$(jq -c '[.cycles[] | select(.for == "service") | .months[] | select(.due > 0) | [.month, .due, .done]]' body)" "[[\"$(month -8)\",1,0],[\"$(month -5)\",1,0],[\"$(month -2)\",1,0]]" "the service's own cycle: due each quarter, missed"
same "$(code -b a.jar "$(U /api/v1/services/other/cycles)")" "404" "another service's cycles are not found in the API"
has body '"status": 404' "... answered in JSON"

# Scope: another lead's service, a practitioner, someone signed out.
same "$(code -b l.jar "$(U /services/other/cycles)")" "404" "another service's cycles page is not found"
same "$(code -b l.jar "$(U /services/no-such/cycles)")" "404" "nor one that does not exist"
web_login o.jar l3@example.org "lead password 1"
same "$(code -b o.jar --data-urlencode "csrf=$WCS" "$(U /services/svc/cycles/1/stop)")" "404" "another service's lead cannot stop the cycle"
same "$(code -b o.jar --data-urlencode "csrf=$WCS" --data-urlencode "measure=person|$DREEM" --data-urlencode "every=6" $(start_boxes "$SB") "$(U /services/svc/cycles)")" "404" "... nor add one"
same "$(code -b o.jar --data-urlencode "csrf=$WCS" "$(U /services/other/cycles/1/stop)")" "404" "... even through their own service"
same "$(cycles)" "2" "... and nothing changed"
web_login p.jar p2@example.org "lead password 1"
same "$(code -b p.jar "$(U /services/svc/cycles)")" "404" "a practitioner cannot open the cycles page"
same "$(code "$(U /services/svc/cycles)")" "303" "signed out, the page asks for sign-in"

# Stopping a cycle ends it for the due lists.
code -c pa.jar "${J[@]}" -d '{"email": "p2@example.org", "password": "lead password 1"}' "$(U /api/v1/session)" >/dev/null
code -b pa.jar "$(U /api/v1/caseload)" >/dev/null
same "$(jq -r '.people[] | select(.person == "P1") | .measures' body)" "overdue" "P1's measure is overdue while the cycle runs"
# Stopping cannot be undone, so the lead is asked first.
same "$(code -b l.jar --data-urlencode "csrf=$LCS" "$(U /services/svc/cycles/1/stop)")" "200" "stopping a cycle asks first"
has body "Stop the 6-monthly " "... naming how often"
has body " cycle for Test Service?" "... and the service"
has body "will no longer be asked to answer it" "... saying plainly what will happen"
has body 'name="confirm" value="yes"' "... a confirmed form"
has body "Yes, stop it" "... with a yes button"
has body "No, go back" "... and a way back"
same "$(sqlite3 c.db "SELECT stopped IS NULL FROM cycle WHERE id = 1")" "1" "... the cycle still runs"
same "$(sqlite3 c.db "SELECT count(*) FROM audit WHERE action = 'cycle stopped'")" "0" "... and nothing is audited"
same "$(code -b l.jar -d "csrf=not-the-token" -d "confirm=yes" "$(U /services/svc/cycles/1/stop)")" "403" "a confirmed stop with a wrong token is refused"
same "$(code -b l.jar -d "confirm=yes" "$(U /services/svc/cycles/1/stop)")" "403" "... as is one without a token"
same "$(code -b l.jar --data-urlencode "csrf=$LCS" -d "confirm=no" "$(U /services/svc/cycles/1/stop)")" "200" "anything but yes only asks again"
same "$(sqlite3 c.db "SELECT stopped IS NULL FROM cycle WHERE id = 1")" "1" "... the cycle still runs"
same "$(code -b l.jar --data-urlencode "csrf=$LCS" -d "confirm=yes" "$(U /services/svc/cycles/1/stop)")" "303" "the lead confirms and the cycle stops"
same "$(sqlite3 c.db "SELECT stopped FROM cycle WHERE id = 1")" "$(date -u +%F)" "it is stopped from today"
same "$(sqlite3 c.db "SELECT count(*) FROM audit WHERE action = 'cycle stopped'")" "1" "... and audited"
code -b pa.jar "$(U /api/v1/caseload)" >/dev/null
same "$(jq -r '.people[] | select(.person == "P1") | .measures' body)" "up to date" "P1's due list no longer has it"
same "$(code -b l.jar --data-urlencode "csrf=$LCS" "$(U /services/svc/cycles/1/stop)")" "404" "a stopped cycle cannot be stopped again"
same "$(code -b l.jar --data-urlencode "csrf=$LCS" -d "confirm=yes" "$(U /services/svc/cycles/1/stop)")" "404" "... not even confirmed"
same "$(code -b l.jar --data-urlencode "csrf=$LCS" "$(U /services/svc/cycles/x/stop)")" "404" "nor a cycle that is not a number"
same "$(sqlite3 c.db "SELECT count(*) FROM audit WHERE action = 'cycle stopped'")" "1" "... nothing more audited"
same "$(code -b l.jar "$(U /services/svc/cycles)")" "200" "the page after stopping"
has body "Stopped from" "... shows the cycle stopped"
has body "$(row -8 3 2 67%)" "... and its history still counts"
