# Who is left out of the network's outcomes, and why, and what people
# say about each service, on a small network whose every figure is known:
# people on a caseload who never answered (no response), people whose
# only answers were a member of staff's (answered only by someone else),
# counted for any window of quarters from what saving kept, and published
# under the rule for a window of four quarters only; a spell with
# a gap counted once, and not in the gap; the same before and after the
# people changed by hand are worked out again; and each person's latest
# supportive service indicators in a window, once. Then over real HTTP:
# the tables on /network and /network/outcomes, and the API's figures.
. "$(dirname "$0")/lib.sh"

W=$WAYMARK
printf 'moss lantern quietly\n' >pw
{
	$W init --db s.db &&
	$W instrument load --db s.db "$ROOT"/instruments/dreem-*.json "$ROOT"/instruments/shared-needs.json &&
	$W unit add --db s.db --kind network --code net --name "Test Network" &&
	$W unit add --db s.db --kind provider --code prov --name "Test Provider" --parent net &&
	$W unit add --db s.db --kind service --code svc --name "Service One" --parent prov &&
	$W unit add --db s.db --kind service --code svc2 --name "Service Two" --parent prov &&
	for i in $(seq 1 12); do $W person add --db s.db --id "P$i" --name "Someone $i" --unit svc --since 2025-01-01 || exit 1; done &&
	for i in $(seq 13 16); do $W person add --db s.db --id "P$i" --name "Someone $i" --unit svc2 --since 2025-06-01 || exit 1; done &&
	$W account add --db s.db --email prac@example.org --name "Jo Practitioner" --grant practitioner@svc --password-file pw &&
	$W account add --db s.db --email c@example.org --name "Cy Commissioner" --grant commissioner@net --password-file pw
} >/dev/null && pass "a network of two services and 16 people" || fail "the network was not made"

answer() { # INSTRUMENT PERSON RESPONDENT AUTHOR DATE CODE
	qr_json "$1" "Patient/$2" "$3" "$4" "$5" "" $(rep 11 "$6") >r.json &&
	$W respond --db s.db r.json >/dev/null
}
ok=0
for i in 1 2 3 4 5 6; do
	answer dreem-recovery-markers "P$i" person "" 2026-02-02 agree &&
	answer dreem-recovery-markers "P$i" person "" 2026-08-03 strongly-agree &&
	answer dreem-supportive-service-indicators "P$i" person "" 2026-03-03 agree || ok=1
done
answer dreem-recovery-markers P7 person "" 2026-08-03 agree || ok=1
for i in 8 9 10 11 12; do
	answer shared-needs "P$i" staff Practitioner/prac@example.org 2026-05-04 neutral || ok=1
done
answer shared-needs P8 person "" 2026-11-02 agree || ok=1
for i in 1 2 3; do
	answer dreem-supportive-service-indicators "P$i" person-with-practitioner "" 2026-09-01 disagree || ok=1
done
answer dreem-supportive-service-indicators P13 person "" 2026-03-03 strongly-agree || ok=1
same "$ok" "0" "their answers are saved: the markers, the indicators, and the shared needs by staff about five people"

# report FROM TO: the figures with nothing withheld, for that window.
report() {
	$W report network --db s.db --format json --disclosure none --from "$1" --to "$2" >rep.json
}
# left MEASURE: per service, no response / answered only by someone else.
left() {
	python3 - "$1" <<'PY'
import json, sys
d = json.load(open('rep.json'))
for m in d['outcomes']['measures']:
    if m['measure'] != sys.argv[1]:
        continue
    lo = m['scales'][0]['leftOut']
    print(' '.join('%s:%s/%s' % (s['service'], s['noResponse'], s['answeredByOthersOnly'])
                   for s in lo['services'] + [dict(lo['network'], service='network')]))
PY
}
# agree: per service, the first indicator's people who answered / agree.
agree() {
	python3 -c "
import json
d = json.load(open('rep.json'))
print(' '.join('%s:%s/%s' % (s['service'], i['answered'], i['agree']) for s in d['services'] + [dict(d['network'], service='network')] for i in s['experience']['indicators'][:1]))"
}

report 2026-Q1 2026-Q3
same "$(left dreem)" "svc:5/None svc2:4/None network:9/None" \
    "the recovery markers: no response from the 5 at Service One who never answered, and all 4 at Service Two"
same "$(python3 -c "import json; d=json.load(open('rep.json')); print(d['network']['recovery'][0]['leftOut'])")" \
    "{'noResponse': 9, 'answeredByOthersOnly': None}" "... as /network's recovery has it; only the person answers the markers, so no one else can"
same "$(left shared-needs)" "svc:7/5 svc2:4/0 network:11/5" \
    "the shared needs: the 5 answered for only by staff, and the 7 with no answer at all"
report 2026-Q1 2026-Q4
same "$(left shared-needs)" "svc:7/4 svc2:4/0 network:11/4" \
    "... until one of them answers for themselves, in a window that reaches their answer"
report 2026-Q1 2026-Q3
same "$(agree)" "svc:6/3 svc2:1/1 network:7/4" \
    "the indicators: each person's latest answers in the window, once (3 who agreed, then 3 who agreed and later disagreed)"
report 2026-Q1 2026-Q1
same "$(agree)" "svc:6/6 svc2:1/1 network:7/7" "... and for a window before they disagreed, their answers then"
report 2025-Q1 2025-Q2
same "$(left dreem)" "svc:12/None svc2:4/None network:16/None" \
    "before anyone answered, everyone on a caseload then is no response"

# A spell with a gap: P16 left Service Two at the end of August 2025 and
# came back in April 2026. A window across the gap counts them once; a
# window inside it, not at all. (At Service One, the 6 who first answered
# in 2026 are no response in both.) Changed by hand, the people are marked,
# and the figures come from the raw rows until the next save keeps them.
sqlite3 s.db "UPDATE caseload SET end_date = '2025-09-01' WHERE person_id = (SELECT id FROM person WHERE ident = 'P16');
INSERT INTO caseload(person_id, unit_id, start_date) SELECT id, (SELECT id FROM unit WHERE code = 'svc2'), '2026-04-01' FROM person WHERE ident = 'P16'"
same "$(sqlite3 s.db "SELECT count(*) > 0 FROM kept_dirty")" "1" "a change by hand marks the person"
gap() {
	report 2025-Q3 2026-Q2 && a=$(left dreem)
	report 2025-Q4 2026-Q1 && b=$(left dreem)
	echo "$a | $b"
}
want="svc:6/None svc2:4/None network:10/None | svc:6/None svc2:3/None network:9/None"
same "$(gap)" "$want" "from the raw rows: across the gap once, inside it not at all"
answer dreem-recovery-markers P9 person "" 2026-10-05 agree
same "$(sqlite3 s.db "SELECT count(*) FROM kept_dirty")" "0" "the next save works them out again"
same "$(gap)" "$want" "... as kept: the same (the new answer is after both windows)"

# On the command line under the rule, for three quarters: since counts
# of people on a caseload in windows of other lengths could be set
# against each other, none for those left out for want of an answer.
$W report network --db s.db --format json --from 2026-Q1 --to 2026-Q3 >three.json
same "$(python3 -c "
import json
d = json.load(open('three.json'))['outcomes']
print({(s['noResponse'], s['answeredByOthersOnly']) for m in d['measures'] for c in m['scales'] for s in c['leftOut']['services'] + [c['leftOut']['network']]})")" \
    "{(None, None)}" "three quarters under the rule: no one left out is counted, for every service and the network"

# Over HTTP, as the network's commissioner: a year at a time, so never
# three quarters; the year to today (the same people as 2026-Q1 to
# 2026-Q3 and the answer of 2026-10-05) counts those left out.
start s.db && pass "the server starts" || fail "the server did not start"
web_login c.jar c@example.org "moss lantern quietly"
same "$(code -b c.jar "$(U '/network?from=2026-Q1&to=2026-Q3')")" "400" "the network page for three quarters is refused"
has body "a year of four quarters" "... saying a window is a year"
same "$(code -b c.jar "$(U '/api/v1/network/outcomes?from=2026-Q1&to=2026-Q3')")" "400" "... and so is the API's"
same "$(python3 -c "import json; print(json.load(open('body'))['error']['field'])" 2>&1)" "to" "... naming the last quarter as the one at fault"
same "$(code -b c.jar "$(U '/network')")" "200" "the network page for the year to today"
has body "Recovery markers: left out, and why" "it counts who is left out of the recovery markers"
has body '<th class="nhsuk-table__header" scope="col">No response</th>' "... with no response"
hasnt body ">Answered only by someone else</th>" "... and no column for what no one else may answer"
has body "so no one is left out for having been answered for by someone else" "... saying why"
has body 'id="experience"' "it has the experience section"
has body "People who agree, by indicator" "... the indicators"
has body "ERFS is not loaded, so there is nothing to show" "... and says ERFS is not loaded here"
has body 'href="/network/about#experience"' "... linking to how it is worked out"
same "$(code -b c.jar "$(U '/network/outcomes')")" "200" "the outcomes page"
has body "Our shared needs" "... every outcome measure"
has body ">Answered only by someone else</th>" "... the shared needs with the people answered for only by staff"
same "$(code -b c.jar "$(U "/api/v1/network/outcomes?from=$(quarter_back 3)&to=$(quarter_back 0)")")" "200" "the outcomes in JSON, the year named in full"
same "$(python3 -c "
import json
d = json.load(open('body'))
m = [m for m in d['measures'] if m['measure'] == 'shared-needs'][0]
lo = m['scales'][0]['leftOut']
print(sorted(lo['network']), [s['service'] for s in lo['services']])")" \
    "['answeredByOthersOnly', 'noResponse'] ['svc', 'svc2']" "... with who is left out per service and for the network"
# The year's figures are the command line's for the same year under the
# rule; those of 2026 are known (the year is the one to today's quarter
# in December 2026, and stays 2026 for the command line ever after).
shared_left() { # FILE: each service's and the network's, as published
	python3 - "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d = d.get('outcomes', d)
m = [m for m in d['measures'] if m['measure'] == 'shared-needs'][0]
lo = m['scales'][0]['leftOut']
print([(s['noResponse'], s['answeredByOthersOnly']) for s in lo['services']], (lo['network']['noResponse'], lo['network']['answeredByOthersOnly']))
PY
}
cp body year.json
$W report network --db s.db --format json --from "$(quarter_back 3)" --to "$(quarter_back 0)" >year-cli.json
same "$(shared_left year.json)" "$(shared_left year-cli.json)" "... the same as the command line's for that year"
$W report network --db s.db --format json --from 2026-Q1 --to 2026-Q4 >2026.json
same "$(shared_left 2026.json)" \
    "[('*', '*'), ('*', '*')] (10, '*')" \
    "... under the rule (P8 answered for themselves in the year's last quarter: 7 and 4, 4 and 0, 11 and 4 in all): the small ones withheld, and with them the 7 beside them, which the total shown would give away"
