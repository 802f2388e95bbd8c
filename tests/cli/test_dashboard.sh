# A service lead's dashboard over real HTTP on loopback: the change in the
# recovery markers of the people on the caseload now (first answer
# against latest, self-rated and with a practitioner apart, people with
# one answer or none counted as left out, counts below 5 as "<5" and the
# mean of fewer than 5 people withheld), with exact figures on a small
# hand-built network; the other sections with the same numbers as their
# own pages and API; the JSON API; 404 for another service and for
# anyone but its lead.
. "$(dirname "$0")/lib.sh"

# dreem FILE PERSON RESPONDENT DATE CODE: a recovery markers response
# about Patient/PERSON with every marker answered CODE, self-rated
# (RESPONDENT person, by them) or with a practitioner.
dreem() {
	local author=""
	[ "$3" = person ] && author="Patient/$2"
	qr_json dreem-recovery-markers "Patient/$2" "$3" "$author" "$4" "" $(rep 11 "$5") >"$1"
	$WAYMARK respond --db d.db "$1" >/dev/null 2>>respond.err ||
	    fail "response $1 was not recorded"
}

small_network d.db || fail "the network was not built"
printf 'lead password 1\n' >pw
$WAYMARK account add --db d.db --email lead2@example.org --name "Lou Lead" --grant lead@svc --password-file pw >/dev/null
$WAYMARK account add --db d.db --email prac2@example.org --name "Pat Practitioner" --grant practitioner@svc --password-file pw >/dev/null
$WAYMARK unit add --db d.db --kind service --code other --name "Other Service" --parent prov >/dev/null
$WAYMARK account add --db d.db --email olead@example.org --name "Ola Otherlead" --grant lead@other --password-file pw >/dev/null
for i in 2 3 4 5 6 7 8 9; do
	$WAYMARK person add --db d.db --id P$i --name "Person $i" --unit svc --since 2025-01-01 >/dev/null
done
$WAYMARK person add --db d.db --id Q1 --name "Person Q1" --unit other --since 2025-01-01 >/dev/null

# The recovery markers (scored 1 strongly disagree .. 5 strongly agree),
# self-rated, first answer -> latest:
#   P1  2 -> 4          improved (+2)
#   P2  3 -> 3          the same (0)
#   P3  4 -> 2          worse (-2)
#   P4  2 -> 3 -> 5     improved (+3): the middle answer does not count
#   P5  3 -> 4          improved (+1)
#   P6  one answer, and one with every marker "prefer not to say" (no
#       score)                       left out: one answer
#   P7, P8              left out: no answer
#   P9  two answers, but has left the caseload: not counted at all
#   Q1  two answers, on another service's caseload: not counted
# Self-rated: 5 people, 3 improved, 1 the same, 1 worse, mean +0.80.
# With a practitioner: P1 3 -> 4 (improved), P2 one answer: too few for
# a mean; left out 1 with one answer and 6 with none.
dreem a1.json P1 person 2025-02-01 disagree
dreem a2.json P1 person 2025-08-01 agree
dreem a3.json P2 person 2025-02-02 neutral
dreem a4.json P2 person 2025-08-02 neutral
dreem a5.json P3 person 2025-02-03 agree
dreem a6.json P3 person 2025-08-03 disagree
dreem a7.json P4 person 2025-02-04 disagree
dreem a8.json P4 person 2025-05-04 neutral
dreem a9.json P4 person 2025-08-04 strongly-agree
dreem b1.json P5 person 2025-02-05 neutral
dreem b2.json P5 person 2025-08-05 agree
dreem b3.json P6 person 2025-02-06 agree
dreem b4.json P6 person 2025-08-06 prefer-not-to-say
dreem b5.json P9 person 2025-02-09 strongly-disagree
dreem b6.json P9 person 2025-08-09 strongly-agree
dreem b7.json Q1 person 2025-02-10 strongly-disagree
dreem b8.json Q1 person 2025-08-10 strongly-agree
dreem c1.json P1 person-with-practitioner 2025-03-01 neutral
dreem c2.json P1 person-with-practitioner 2025-09-01 agree
dreem c3.json P2 person-with-practitioner 2025-03-02 agree
same "$(cat respond.err 2>/dev/null)" "" "every response was recorded"
sqlite3 d.db "UPDATE caseload SET end_date = '2025-10-01' WHERE person_id = (SELECT id FROM person WHERE ident = 'P9')"
# P2 on the caseload twice at once (the schema allows it: an import, a
# correction by hand): still one person, and their one answer with a
# practitioner still one answer, not a change from it to itself.
sqlite3 d.db "INSERT INTO caseload(person_id, unit_id, start_date) SELECT p.id, u.id, '2025-06-01' FROM person p, unit u WHERE p.ident = 'P2' AND u.code = 'svc'"
$WAYMARK training add --db d.db --service svc --email prac2@example.org --course wrap --completed 2025-06-01 >/dev/null ||
    fail "the training was not recorded"

start d.db && pass "the server starts" || fail "the server did not start"
web_login l.jar lead2@example.org "lead password 1"
json() { python3 -c "import json,sys; d=json.load(open('body')); print(eval(sys.argv[1]))" "$1"; }

same "$(code -b l.jar "$(U /services/svc)")" "200" "the service page"
has body '<a href="/services/svc/dashboard">Dashboard</a>' "... links to the dashboard"
same "$(grep -o 'href="/services/svc/[a-z-]*"' body | head -1)" 'href="/services/svc/dashboard"' "... first of its sections"

same "$(code -b l.jar "$(U /services/svc/dashboard)")" "200" "the dashboard"
tr -s ' \n' ' ' <body >flat
has flat '<link rel="stylesheet" href="/assets/waymark-print.css" media="print">' "... links the print stylesheet"
has flat "Of the 8 people on the caseload now" "counts the people on the caseload now, not one who left"
has flat '<th class="nhsuk-table__header" scope="row">Recovery markers: Self-rated</th><td class="nhsuk-table__cell">5</td><td class="nhsuk-table__cell">&lt;5</td><td class="nhsuk-table__cell">&lt;5</td><td class="nhsuk-table__cell">&lt;5</td><td class="nhsuk-table__cell">+0.80</td><td class="nhsuk-table__cell">&lt;5</td><td class="nhsuk-table__cell">&lt;5</td></tr>' "self-rated: 5 counted, the mean change +0.80, small counts <5"
has flat '<th class="nhsuk-table__header" scope="row">Recovery markers: Rated with a practitioner</th><td class="nhsuk-table__cell">&lt;5</td><td class="nhsuk-table__cell">&lt;5</td><td class="nhsuk-table__cell">0</td><td class="nhsuk-table__cell">0</td><td class="nhsuk-table__cell">Withheld: fewer than 5 people</td><td class="nhsuk-table__cell">&lt;5</td><td class="nhsuk-table__cell">6</td></tr>' "with a practitioner: kept apart, the mean of one person withheld, 6 left out with no answer"
has flat "Self-rated answers and those given with a practitioner are counted apart" "... and says so"
hasnt flat "+1.00" "the withheld mean is nowhere"

same "$(code -b l.jar "$(U /api/v1/services/svc/dashboard)")" "200" "the dashboard through the API"
same "$(json "d['recoveryMarkersChange']['caseload']")" "8" "... the caseload now"
same "$(json "d['recoveryMarkersChange']['scales'][0]['selfRated']")" "{'people': 5, 'improved': '<5', 'same': '<5', 'worse': '<5', 'leftOut': {'oneAnswer': '<5', 'noAnswer': '<5'}, 'meanChange': 0.8}" "... self-rated, with <5"
same "$(json "d['recoveryMarkersChange']['scales'][0]['withPractitioner']")" "{'people': '<5', 'improved': '<5', 'same': 0, 'worse': 0, 'leftOut': {'oneAnswer': '<5', 'noAnswer': 6}, 'withheld': True}" "... with a practitioner: no mean sent"
hasnt body '"meanChange": 1' "... and never the withheld mean"

# The change is read in the caseload index's order of people, their
# responses through response_due and their scores by key: SQLite sorts
# none of the caseload's rows (docs/benchmarks.md, "One service's
# dashboard"). The statement is taken from the catalogue as it is.
python3 - "$ROOT/src/store/sqlite_sql.c" >plan.sql <<'PY'
import re, sys
s = open(sys.argv[1]).read()
body = s[s.index('[ST_CASELOAD_SCORES] ='):]
body = body[:body.index('",\n') + 1]
sql = ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', body))
print('EXPLAIN QUERY PLAN ' + sql.replace('?1', '1').replace('?2', "'u'") + ';')
PY
sqlite3 d.db <plan.sql >plan.out 2>&1
has plan.out "SEARCH c USING INDEX caseload_unit (unit_id=?)" "the change's plan starts from the caseload index"
has plan.out "SEARCH r USING COVERING INDEX response_due" "... reads the responses from response_due alone"
has plan.out "SEARCH s USING PRIMARY KEY (response_id=?)" "... and their scores by key"
hasnt plan.out "TEMP B-TREE" "... and sorts nothing"

# The same figures as the sections' own pages and API.
cp body dash.json
same "$(code -b l.jar "$(U /api/v1/services/svc/training)")" "200" "the training API"
cp body training.json
same "$(python3 -c "
import json
d = json.load(open('dash.json'))['training']; t = json.load(open('training.json'))
print(d['staff'], t['staff'], len(d['coverage']), d['coverage'] == t['coverage'])")" "4 4 6 True" "training: the same coverage as the training page's"
has flat '<th class="nhsuk-table__header" scope="row">WRAP Training</th><td class="nhsuk-table__cell">1</td><td class="nhsuk-table__cell">25%</td>' "... 1 of 4 staff did WRAP: 25%"
has flat '<svg class="wm-chart wm-chart--w400 wm-dash-chart"' "training coverage is drawn too"
has flat '<desc id="coverage-d">' "... with a text alternative"
if grep -o '<svg.*</svg>' flat | grep -Eq '(x|y|width|height)="[0-9]*\.[0-9]'; then fail "a chart coordinate is not a whole number"; else pass "every chart coordinate is a whole number"; fi
has flat "No lights yet" "the standards: none yet, and it says so"
has flat "No cycles yet, so nothing has been due." "cycles: none yet"
has flat "ERFS profile" "the ERFS section"
has flat "Ten Top Tips, as a team" "the Ten Top Tips section"

# Scope: another service, a lead of another, a practitioner, nobody.
same "$(code -b l.jar "$(U /services/other/dashboard)")" "404" "another service's dashboard is not found"
same "$(code -b l.jar "$(U /services/no-such/dashboard)")" "404" "nor one that does not exist"
same "$(code -b l.jar "$(U /api/v1/services/other/dashboard)")" "404" "... nor through the API"
web_login o.jar olead@example.org "lead password 1"
same "$(code -b o.jar "$(U /services/svc/dashboard)")" "404" "another service's lead gets 404"
same "$(code -b o.jar "$(U /api/v1/services/svc/dashboard)")" "404" "... through the API too"
web_login p.jar prac2@example.org "lead password 1"
same "$(code -b p.jar "$(U /services/svc/dashboard)")" "404" "a practitioner gets 404"
same "$(code "$(U /services/svc/dashboard)")" "303" "signed out, the page asks for sign-in"
stop

# On the demo network: every section, and the same numbers as each
# section's own page, through the API.
$WAYMARK demo --db demo.db --people 30 --seed 5 >demo.out || fail "the demo was not built"
LEAD=$(grep -o 'lead [^ ]* [^ ]*$' demo.out | head -1)
start demo.db && pass "the demo server starts" || fail "the demo server did not start"
web_login m.jar "$(echo "$LEAD" | cut -d' ' -f2)" "$(echo "$LEAD" | cut -d' ' -f3)"
SVC=$(echo "$LEAD" | cut -d' ' -f2 | sed 's/^lead\.//; s/@.*//')
same "$(code -b m.jar "$(U "/api/v1/services/$SVC/dashboard")")" "200" "the demo's dashboard through the API"
cp body dash.json
P=$(python3 -c "import json; print(json.load(open('dash.json'))['standards']['period'])")
E=$(python3 -c "import json; print(json.load(open('dash.json'))['erfs']['period'])")
T=$(python3 -c "import json; print(json.load(open('dash.json'))['tenTopTips']['period'])")
code -b m.jar "$(U "/api/v1/services/$SVC/standards/$P")" >/dev/null; cp body standards.json
code -b m.jar "$(U "/api/v1/services/$SVC/cycles")" >/dev/null; cp body cycles.json
code -b m.jar "$(U "/api/v1/services/$SVC/erfs?period=$E")" >/dev/null; cp body erfs.json
code -b m.jar "$(U "/api/v1/services/$SVC/ten-top-tips?period=$T")" >/dev/null; cp body tips.json
compare() { python3 -c "
import json
d = json.load(open('dash.json'))
o = json.load(open(__import__('sys').argv[1]))
$2" "$1"; }
same "$(compare standards.json "
s = [(x['number'], x['self'], x['consensus'], x['validated']) for x in d['standards']['standards']]
print(len(s), s == [(x['number'], x['self'], x['consensus'], x['validated']) for x in o['standards']])")" "10 True" "the lights are the standards page's"
same "$(compare cycles.json "
print(len(o['cycles']) > 0 and all(c['twelveMonths']['due'] == sum(m['due'] for m in k['months'][:12]) and
    c['twelveMonths']['done'] == sum(m['done'] for m in k['months'][:12]) and c['month']['due'] == k['months'][11]['due']
    for c, k in zip(d['cycles'], o['cycles'])) and len(d['cycles']) == len(o['cycles']))")" "True" "completion is the cycles page's, month and 12 months"
same "$(compare erfs.json "
d = d['erfs']; o.pop('service'); print(d == o, len(d['groups']))")" "True 3" "the ERFS profile is its page's"
same "$(compare tips.json "
d = d['tenTopTips']; o.pop('service'); print(d == o, 'shown' in d)")" "True True" "the team's tips are their page's"
same "$(code -b m.jar "$(U "/services/$SVC/dashboard")")" "200" "the demo's dashboard"
for s in "The 10 core standards" "Completion of the measurement cycles" "Recovery training" "Change in the recovery markers" "ERFS profile" "Ten Top Tips, as a team"; do
	has body "$s</h2>" "a section: $s"
done
