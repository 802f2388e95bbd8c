# People's plans over the JSON API, on a real server on loopback: a
# person starts, writes and reads their plan; shares it with a
# practitioner, their service's care team and a supporter they invite,
# for a time or until they stop it; every reader but the owner is kept in
# the plan's views and the audit log before anything is sent; everyone
# else (another practitioner, lead, validator, commissioner, admin,
# another person) gets 404; a stopped or expired share is 404 at the
# reader's next request; and every hostile request is refused with where
# and why, changing nothing.
. "$(dirname "$0")/lib.sh"
D=$(newdb d)

# The demo (with its plan templates), and a person of its practitioner's
# service who has no plans yet, with a sign-in.
$WAYMARK demo --db "$D" --people 40 >demo.txt || fail "the demo was not built"
printf 'plans test pass one\n' >pw
$WAYMARK person add --db "$D" --id PLANS-1 --name "Robin Planwriter" --unit exbridge-recovery >/dev/null &&
$WAYMARK account add --db "$D" --email robin@example.org --name "Robin Planwriter" \
    --person PLANS-1 --password-file pw >/dev/null &&
$WAYMARK account add --db "$D" --email prac2@example.org --name "Pat Secondpractitioner" \
    --grant practitioner@exbridge-recovery --password-file pw >/dev/null &&
$WAYMARK account add --db "$D" --email elsewhere@example.org --name "Eli Elsewhere" \
    --grant practitioner@tavmouth-cmht --password-file pw >/dev/null &&
$WAYMARK person add --db "$D" --id OTHER-1 --name "Olly Otherperson" --unit tavmouth-cmht >/dev/null &&
$WAYMARK account add --db "$D" --email other.person@example.org --name "Olly Otherperson" \
    --person OTHER-1 --password-file pw >/dev/null || fail "the test's accounts were not added"
start "$D" && pass "the server starts" || fail "the server did not start"

J=(-H 'Content-Type: application/json')
json() { python3 -c "import json,sys; d=json.load(open('body')); print(eval(sys.argv[1]))" "$1"; }
signin() { grep "^sign-in: $1 " demo.txt | cut -d' ' -f3,4; }
login_as() { # JAR EMAIL PASSWORD: signs in through the API; sets TOKEN
	local got
	got=$(code -c "$1" "${J[@]}" -d "{\"email\": \"$2\", \"password\": \"$3\"}" "$(U /api/v1/session)")
	[ "$got" = 200 ] || fail "signing in as $2 answered $got"
	TOKEN=$(json "d['csrf']")
}
login() { local who; who=$(signin "$2"); login_as "$1" "${who% *}" "${who#* }"; }
plan_counts() {
	sql "$D" "SELECT (SELECT count(*) FROM plan)||'/'||(SELECT count(*) FROM plan_version)||'/'||(SELECT count(*) FROM plan_share)||'/'||(SELECT count(*) FROM plan_view)||'/'||(SELECT count(*) FROM supporter)||'/'||(SELECT count(*) FROM account)||'/'||(SELECT count(*) FROM audit WHERE action LIKE '%plan%')"
}
# as JAR TOKEN METHOD PATH [BODY-FILE]: a change through the API.
as() {
	if [ $# -gt 4 ]; then
		code -b "$1" -X "$3" "${J[@]}" -H "X-CSRF-Token: $2" --data-binary "@$5" "$(U "$4")"
	else
		code -b "$1" -X "$3" -H "X-CSRF-Token: $2" "$(U "$4")"
	fi
}
TODAY=$(date -u +%F)
YESTERDAY=$(date -u -d yesterday +%F)

# The person: their plans, and the plans they can start.
login_as p.jar robin@example.org "plans test pass one"
PT=$TOKEN
PERSON=$(json "d['account']['person']")
same "$PERSON" "PLANS-1" "the session names the person"
same "$(code -b p.jar "$(U /api/v1/plans)")" "200" "a person lists their plans"
same "$(json "(len(d['plans']), sorted(t['family'] for t in d['templates']))")" \
    "(0, ['advance-statement', 'joint-crisis-plan', 'recovery-action-plan', 'safety-plan'])" \
    "... none yet, and the four they can start"
SAFETY=$(json "[t['template'] for t in d['templates'] if t['family'] == 'safety-plan'][0]")
MEASURE=$(sql "$D" "SELECT url || '|' || version FROM instrument WHERE url LIKE '%dreem-recovery-markers' LIMIT 1")

# Starting a plan; refusals first, each changing nothing.
before=$(plan_counts)
echo "{\"template\": \"$SAFETY\"}" >start.json
same "$(code -b p.jar "${J[@]}" --data @start.json "$(U /api/v1/plans)")" "403" "starting a plan without the token is refused"
echo '{}' >b.json
same "$(as p.jar "$PT" POST /api/v1/plans b.json)" "400" "starting a plan without a template is refused"
has body '"field": "template"' "... naming the field"
echo '{"template": 7}' >b.json
same "$(as p.jar "$PT" POST /api/v1/plans b.json)" "400" "a template that is not a string is refused"
echo "{\"template\": \"$MEASURE\"}" >b.json
same "$(as p.jar "$PT" POST /api/v1/plans b.json)" "400" "a measure is not a plan template"
has body '"field": "template"' "... naming the field"
echo '{"template": "https://waymark.example/fhir/Questionnaire/safety-plan|9.9.9"}' >b.json
same "$(as p.jar "$PT" POST /api/v1/plans b.json)" "400" "an unknown template is refused"
echo '{"template": "safety-plan"}' >b.json
same "$(as p.jar "$PT" POST /api/v1/plans b.json)" "400" "a template without its version is refused"
printf '{"template": ' >b.json
same "$(as p.jar "$PT" POST /api/v1/plans b.json)" "400" "malformed JSON is refused"
has body "line 1, column" "... saying where"
same "$(code -b p.jar -H "X-CSRF-Token: $PT" -d "template=$SAFETY" "$(U /api/v1/plans)")" "415" "a form body is refused"
same "$(plan_counts)" "$before" "refused starts stored nothing"
same "$(as p.jar "$PT" POST /api/v1/plans start.json)" "201" "a person starts a safety plan"
PLAN=$(json "d['id']")
same "$(as p.jar "$PT" POST /api/v1/plans start.json)" "409" "a second plan of the same kind is refused"
same "$(json "(d['id'], d['error']['field'])")" "($PLAN, 'template')" "... giving the plan's id"

# Writing it: the owner's own QuestionnaireResponse on the template.
qr() { # STATUS [SUBJECT] [RESPONDENT] [QUESTIONNAIRE]: a safety plan
	python3 - "$ROOT/instruments/plans/safety-plan.json" "$@" <<'PY'
import datetime, json, sys
q = json.load(open(sys.argv[1]))
status = sys.argv[2]
subject = sys.argv[3] if len(sys.argv) > 3 else None
respondent = sys.argv[4] if len(sys.argv) > 4 else 'person'
ref = sys.argv[5] if len(sys.argv) > 5 else q['url'] + '|' + q['version']
print(json.dumps({'resourceType': 'QuestionnaireResponse',
    'questionnaire': ref, 'status': status,
    'subject': {'reference': subject},
    'authored': datetime.datetime.now(datetime.timezone.utc).date().isoformat(),
    'extension': [{'url': 'https://waymark.example/fhir/StructureDefinition/respondent', 'valueCode': respondent}],
    'item': [{'linkId': 'warning-signs', 'item': [{'linkId': 'warning-signs-list',
        'answer': [{'valueString': 'Sleeping badly'}, {'valueString': 'Quietwillowsecret not going out'}]}]},
      {'linkId': 'reasons', 'item': [{'linkId': 'reasons-list',
        'answer': [{'valueString': 'My niece'}]}]}]}))
PY
}
edit() { # FILE PYTHON: rewrites the JSON in FILE with d bound
	python3 -c "import json,sys; d=json.load(open(sys.argv[1])); $2; json.dump(d, open(sys.argv[1], 'w'))" "$1"
}
qr in-progress "Patient/$PERSON" >draft.json
qr completed "Patient/$PERSON" >done.json
same "$(code -b p.jar "$(U /api/v1/plans/$PLAN)")" "404" "a plan with nothing written is not found, even by its owner"
same "$(code -b p.jar -X PUT "${J[@]}" --data-binary @draft.json "$(U /api/v1/plans/$PLAN)")" "403" "writing without the token is refused"
before=$(plan_counts)
bad() { # DESCRIPTION FIELD: PUTs b.json, wanting 400 naming FIELD
	same "$(as p.jar "$PT" PUT "/api/v1/plans/$PLAN" b.json)" "400" "$1 is refused"
	has body "\"field\": \"$2\"" "... naming $2"
	hasnt body "Quietwillowsecret" "... without quoting the plan"
}
bad_edit() { # DESCRIPTION FIELD PYTHON: the finished plan changed, PUT
	cp done.json b.json && edit b.json "$3"
	bad "$1" "$2"
}
printf '{"resourceType": "QuestionnaireResponse", "item": [Quietwillowsecret' >b.json
same "$(as p.jar "$PT" PUT "/api/v1/plans/$PLAN" b.json)" "400" "malformed JSON is refused"
has body "line 1, column" "... saying where"
hasnt body "Quietwillowsecret" "... without quoting the plan"
qr completed "Patient/$PERSON" person "$MEASURE" >b.json
bad "a measure's questionnaire" questionnaire
qr completed "Patient/OTHER-1" >b.json
bad "a plan about someone else" subject
qr completed "Practitioner/practitioner1.exbridge-recovery@demo.waymark.example" >b.json
bad "a plan about a practitioner" subject
qr completed "Patient/$PERSON" person-with-practitioner >b.json
bad "a plan claimed to be made with a practitioner" "extension respondent"
bad_edit "a plan written by someone else" author "d['author'] = {'reference': 'Patient/OTHER-1'}"
bad_edit "an unknown status" status "d['status'] = 'amended'"
bad_edit "a number where words go" "item warning-signs-list" "d['item'][0]['item'][0]['answer'][0] = {'valueInteger': 7}"
bad_edit "a question the plan does not ask" "item not-a-question" "d['item'][0]['item'][0]['linkId'] = 'not-a-question'"
bad_edit "a control character" "item warning-signs-list" "d['item'][0]['item'][0]['answer'][0]['valueString'] = 'bad\u0001text'"
bad_edit "an empty plan" item "d['item'] = []"
bad_edit "a plan dated in the past" authored "d['authored'] = '2020-01-01'"
bad_edit "a plan given to a service" "extension unit" "d['extension'].append({'url': 'https://waymark.example/fhir/StructureDefinition/unit', 'valueReference': {'reference': 'Organization/exbridge-recovery'}})"
echo '[1, 2, 3]' >b.json
same "$(as p.jar "$PT" PUT "/api/v1/plans/$PLAN" b.json)" "400" "a body that is not a resource is refused"
head -c 70000 /dev/zero | tr '\0' ' ' >b.json
same "$(as p.jar "$PT" PUT "/api/v1/plans/$PLAN" b.json)" "413" "a body over 64 KiB is refused"
same "$(code -b p.jar -X PUT -H "X-CSRF-Token: $PT" --data-binary @done.json "$(U /api/v1/plans/$PLAN)")" "415" "a PUT that is not JSON is refused"
same "$(plan_counts)" "$before" "refused writes stored nothing"
same "$(as p.jar "$PT" PUT "/api/v1/plans/$PLAN" draft.json)" "200" "the owner saves part-way"
same "$(json "(d['version'], d['status'])")" "(0, 'in-progress')" "... as the draft"
same "$(code -b p.jar "$(U /api/v1/plans/$PLAN)")" "200" "the owner reads their draft while nothing is finished"
same "$(json "d['status']")" "in-progress" "... marked in progress"
has headers "Content-Type: application/fhir+json" "... as FHIR"
login s.jar practitioner
ST=$TOKEN
SEMAIL=$(signin practitioner | cut -d' ' -f1)
same "$(code -b s.jar "$(U /api/v1/plans/$PLAN)")" "404" "no one else reads a draft"
same "$(as p.jar "$PT" PUT "/api/v1/plans/$PLAN" done.json)" "201" "the owner finishes a version"
same "$(json "(d['version'], d['status'])")" "(1, 'completed')" "... version 1"
same "$(code -b p.jar "$(U /api/v1/plans/$PLAN)")" "200" "the owner reads it"
sql "$D" "SELECT content FROM plan_version WHERE plan_id = $PLAN AND n = 1" >kept.json
same "$(cat body)" "$(cat kept.json)" "... exactly as it was kept"
same "$(json "(d['resourceType'], d['status'], d['subject']['reference'])")" "('QuestionnaireResponse', 'completed', 'Patient/$PERSON')" "... a FHIR QuestionnaireResponse"
same "$(code -b p.jar "$(U /api/v1/plans)")" "200" "the person's plans"
same "$(json "[(p['id'], p['family'], p['latest'], p['draft'], p['crisis_access']) for p in d['plans']]")" \
    "[($PLAN, 'safety-plan', 1, False, False)]" "... list it, finished, with no draft"

# Everyone else, before any share: 404, and nothing logged.
login_as p2.jar prac2@example.org "plans test pass one"
P2T=$TOKEN
login_as e.jar elsewhere@example.org "plans test pass one"
ET=$TOKEN
login_as o.jar other.person@example.org "plans test pass one"
OT=$TOKEN
login l.jar lead
LT=$TOKEN
login v.jar validator
login c.jar commissioner
login a.jar admin
AT=$TOKEN
views0=$(sql "$D" "SELECT count(*) FROM plan_view")
for jar in s p2 e o l v c a; do
	same "$(code -b $jar.jar "$(U /api/v1/plans/$PLAN)")" "404" "$jar: an unshared plan is not found"
	hasnt body "Quietwillowsecret" "$jar: ... nothing of it is sent"
	for tail in shares views; do
		same "$(code -b $jar.jar "$(U /api/v1/plans/$PLAN/$tail)")" "404" "$jar: its $tail are not found"
	done
done
same "$(as s.jar "$ST" PUT "/api/v1/plans/$PLAN" done.json)" "404" "a practitioner cannot write the plan"
echo "{\"account\": \"$SEMAIL\"}" >share-s.json
same "$(as s.jar "$ST" POST "/api/v1/plans/$PLAN/shares" share-s.json)" "404" "nor share it"
same "$(as o.jar "$OT" POST "/api/v1/plans/$PLAN/shares" share-s.json)" "404" "nor can another person"
same "$(code -b s.jar "$(U /api/v1/plans)")" "200" "a practitioner lists the plans shared with them"
same "$(json "[p['id'] for p in d['plans'] if p['id'] == $PLAN]")" "[]" "... not this one yet"
same "$(as a.jar "$AT" POST /api/v1/plans start.json)" "404" "staff have no plans of their own to start"
same "$(sql "$D" "SELECT count(*) FROM plan_view")" "$views0" "refused reads logged no view"

# Sharing: refusals first, each in the same words, changing nothing.
before=$(plan_counts)
share_bad() { # DESCRIPTION FIELD BODY
	echo "$3" >b.json
	same "$(as p.jar "$PT" POST "/api/v1/plans/$PLAN/shares" b.json)" "400" "$1 is refused"
	has body "\"field\": \"$2\"" "... naming $2"
}
same "$(code -b p.jar "${J[@]}" --data @share-s.json "$(U /api/v1/plans/$PLAN/shares)")" "403" "sharing without the token is refused"
share_bad "sharing with a practitioner of another service" account '{"account": "elsewhere@example.org"}'
cp body not-someone.json
share_bad "sharing with an email that has no account" account '{"account": "nobody@example.org"}'
same "$(cat body)" "$(cat not-someone.json)" "... in the same words: whether an email exists is not told"
share_bad "sharing with an administrator" account '{"account": "admin@demo.waymark.example"}'
share_bad "sharing with another person" account '{"account": "other.person@example.org"}'
share_bad "sharing with a service the person does not use" service '{"service": "tavmouth-cmht"}'
share_bad "sharing with no one" account '{}'
share_bad "sharing with both an account and a service" account "{\"account\": \"$SEMAIL\", \"service\": \"exbridge-recovery\"}"
share_bad "an account that is not a string" account '{"account": ["x"]}'
share_bad "a date that is not one" until "{\"account\": \"$SEMAIL\", \"until\": \"2026-13-40\"}"
share_bad "a date in another form" until "{\"account\": \"$SEMAIL\", \"until\": \"7/12/2026\"}"
share_bad "a last day already gone" until "{\"account\": \"$SEMAIL\", \"until\": \"$YESTERDAY\"}"
share_bad "a last day too far ahead" until "{\"account\": \"$SEMAIL\", \"until\": \"2099-01-01\"}"
same "$(plan_counts)" "$before" "refused shares stored nothing"

# A practitioner of the person's service, shared with by name.
same "$(as p.jar "$PT" POST "/api/v1/plans/$PLAN/shares" share-s.json)" "201" "the person shares the plan with their practitioner"
SH1=$(json "d['id']")
audits=$(sql "$D" "SELECT count(*) FROM audit WHERE action = 'viewed a plan'")
same "$(code -b s.jar "$(U /api/v1/plans/$PLAN)")" "200" "the practitioner reads it"
same "$(cat body)" "$(cat kept.json)" "... exactly as it was kept"
same "$(sql "$D" "SELECT how || ' ' || n FROM plan_view WHERE plan_id = $PLAN ORDER BY id DESC LIMIT 1")" "shared 1" "... their view kept, as shared"
same "$(sql "$D" "SELECT count(*) FROM audit WHERE action = 'viewed a plan'")" "$((audits + 1))" "... and in the audit log"
same "$(code -b s.jar "$(U /api/v1/plans)")" "200" "the practitioner lists plans shared with them"
same "$(json "[(p['id'], p['person']['identifier']) for p in d['plans'] if p['id'] == $PLAN]")" "[($PLAN, '$PERSON')]" "... this one, with whose it is"
hasnt body '"draft"' "... and nothing of its draft"
same "$(code -b p2.jar "$(U /api/v1/plans/$PLAN)")" "404" "another practitioner of the service still gets 404"
same "$(code -b l.jar "$(U /api/v1/plans/$PLAN)")" "404" "so does the service's lead"

# The care team of the person's service.
echo '{"service": "exbridge-recovery"}' >b.json
same "$(as p.jar "$PT" POST "/api/v1/plans/$PLAN/shares" b.json)" "201" "the person shares the plan with their service's care team"
SH2=$(json "d['id']")
same "$(code -b p2.jar "$(U /api/v1/plans/$PLAN)")" "200" "another practitioner of the service reads it"
same "$(sql "$D" "SELECT how FROM plan_view WHERE plan_id = $PLAN ORDER BY id DESC LIMIT 1")" "team" "... kept as a team share"
same "$(code -b e.jar "$(U /api/v1/plans/$PLAN)")" "404" "a practitioner of another service still gets 404"
for jar in v c a o; do
	same "$(code -b $jar.jar "$(U /api/v1/plans/$PLAN)")" "404" "$jar: still 404 with the team share"
done
same "$(code -b p.jar "$(U /api/v1/plans/$PLAN/shares)")" "200" "the owner lists the shares"
same "$(json "sorted((s['id'], (s['account'] or {}).get('email'), (s['account'] or {}).get('supporter'), (s['service'] or {}).get('code'), s['until']) for s in d['shares'])")" \
    "[($SH1, '$SEMAIL', False, None, None), ($SH2, None, None, 'exbridge-recovery', None)]" "... each with whom and until when"
same "$(as p2.jar "$P2T" DELETE "/api/v1/plans/$PLAN/shares/$SH2")" "404" "a reader cannot stop a share"
same "$(code -b p.jar -X DELETE "$(U /api/v1/plans/$PLAN/shares/$SH2)")" "403" "stopping a share without the token is refused"
same "$(as p.jar "$PT" DELETE "/api/v1/plans/$PLAN/shares/$SH2")" "204" "the owner stops the team share"
same "$(code -b p2.jar "$(U /api/v1/plans/$PLAN)")" "404" "... and the team's next request is 404, in the same session"
same "$(as p.jar "$PT" DELETE "/api/v1/plans/$PLAN/shares/$SH2")" "404" "a share stopped already is not found"
same "$(as p.jar "$PT" DELETE "/api/v1/plans/$PLAN/shares/999999")" "404" "nor is one that never was"
same "$(sql "$D" "SELECT count(*) FROM audit WHERE action IN ('shared a plan (API)', 'stopped sharing a plan (API)')")" "3" "sharing and stopping are audited"

# A supporter the person invites.
echo '{"email": "sky@example.org", "name": "Sky Supporter", "relationship": "sister"}' >inv.json
same "$(code -b p.jar "${J[@]}" --data @inv.json "$(U /api/v1/supporters)")" "403" "inviting without the token is refused"
before=$(plan_counts)
inv_bad() { # DESCRIPTION FIELD BODY
	echo "$3" >b.json
	same "$(as p.jar "$PT" POST /api/v1/supporters b.json)" "400" "$1 is refused"
	has body "\"field\": \"$2\"" "... naming $2"
}
inv_bad "an invitation without an email" email '{"name": "Sky Supporter"}'
inv_bad "an email that is not one" email '{"email": "not an email", "name": "Sky Supporter"}'
inv_bad "an invitation without a name" name '{"email": "sky@example.org"}'
inv_bad "a name that is not text" name '{"email": "sky@example.org", "name": 3}'
inv_bad "a relationship too long" relationship "{\"email\": \"sky@example.org\", \"name\": \"Sky\", \"relationship\": \"$(rep 30 sister | tr -d ' ')\"}"
inv_bad "an email that has an account" email "{\"email\": \"$SEMAIL\", \"name\": \"Sky Supporter\"}"
same "$(plan_counts)" "$before" "refused invitations stored nothing"
same "$(as s.jar "$ST" POST /api/v1/supporters inv.json)" "404" "staff invite no supporters"
same "$(as p.jar "$PT" POST /api/v1/supporters inv.json)" "201" "the person invites a supporter"
CODE=$(json "d['code']")
same "$(json "(d['account'], d['expires'] > '$TODAY')")" "('sky@example.org', True)" "... with a one-time code that runs for days"
same "$(code -b p.jar "$(U /api/v1/supporters)")" "200" "the person lists their supporters"
same "$(json "[(s['email'], s['relationship'], s['signed_up']) for s in d['supporters']]")" "[('sky@example.org', 'sister', False)]" "... not signed up yet"
curl -s -c k.jar -b k.jar -o setup.html "$(U /setup)"
same "$(code -c k.jar -b k.jar --data-urlencode "csrf=$(csrf setup.html)" --data-urlencode "email=sky@example.org" \
    --data-urlencode "code=$CODE" --data-urlencode "password=a supporter's own pass" \
    --data-urlencode "again=a supporter's own pass" "$(U /setup)")" "303" "the supporter chooses a password with the code"
login_as k.jar sky@example.org "a supporter's own pass"
KT=$TOKEN
same "$(code -b k.jar "$(U /api/v1/plans/$PLAN)")" "404" "the supporter cannot read an unshared plan"
same "$(code -b k.jar "$(U /api/v1/plans)")" "200" "the supporter lists the plans shared with them"
same "$(json "d['plans']")" "[]" "... none yet"
for path in journey goals responses supporters; do
	same "$(code -b k.jar "$(U /api/v1/$path)")" "404" "the supporter has no $path of their own"
done
same "$(as k.jar "$KT" POST /api/v1/plans start.json)" "404" "nor plans to start"
echo "{\"account\": \"sky@example.org\", \"until\": \"$TODAY\"}" >b.json
same "$(as p.jar "$PT" POST "/api/v1/plans/$PLAN/shares" b.json)" "201" "the person shares the plan with their supporter until today"
SH3=$(json "d['id']")
same "$(code -b k.jar "$(U /api/v1/plans/$PLAN)")" "200" "the supporter reads it"
same "$(sql "$D" "SELECT how FROM plan_view WHERE plan_id = $PLAN ORDER BY id DESC LIMIT 1")" "shared" "... kept as shared"
same "$(code -b k.jar "$(U /api/v1/plans)")" "200" "the supporter's list"
same "$(json "[(p['id'], p['person']['identifier']) for p in d['plans']]")" "[($PLAN, '$PERSON')]" "... has it, with whose it is"
same "$(code -b p.jar "$(U /api/v1/plans/$PLAN/shares)")" "200" "the owner's list of shares"
same "$(json "[(s['account']['supporter'], s['until']) for s in d['shares'] if s['id'] == $SH3]")" "[(True, '$TODAY')]" "... says it is a supporter's, until today"
# A share whose last day has gone, as tomorrow will see it.
sql "$D" "UPDATE plan_share SET until = '$YESTERDAY' WHERE id = $SH3"
same "$(code -b k.jar "$(U /api/v1/plans/$PLAN)")" "404" "an expired share reads as 404"
same "$(code -b k.jar "$(U /api/v1/plans)")" "200" "... and the supporter's list"
same "$(json "d['plans']")" "[]" "... no longer has it"
same "$(code -b p.jar "$(U /api/v1/plans/$PLAN/shares)")" "200" "the owner's list of shares"
same "$(json "[s['id'] for s in d['shares'] if s['id'] == $SH3]")" "[]" "... no longer has the expired one"
echo '{"account": "sky@example.org"}' >b.json
same "$(as p.jar "$PT" POST "/api/v1/plans/$PLAN/shares" b.json)" "201" "the person shares it again, until they stop it"
SH4=$(json "d['id']")
same "$(code -b k.jar "$(U /api/v1/plans/$PLAN)")" "200" "the supporter reads it again"
same "$(as p.jar "$PT" DELETE "/api/v1/plans/$PLAN/shares/$SH4")" "204" "the person stops sharing"
same "$(code -b k.jar "$(U /api/v1/plans/$PLAN)")" "404" "... and the supporter's next request is 404, in the same session"

# Who has seen it: every read by someone else, nothing else.
n=$(sql "$D" "SELECT count(*) FROM plan_view WHERE plan_id = $PLAN")
same "$n" "4" "four reads by others were kept"
same "$(sql "$D" "SELECT count(*) FROM audit WHERE action = 'viewed a plan'")" "$((audits + 4))" "... each in the audit log"
same "$(code -b p.jar "$(U /api/v1/plans/$PLAN/views)")" "200" "the owner reads who has seen it"
same "$(json "[(v['how'], v['name'], v['supporter'], v['version']) for v in d['views']]")" \
    "[('shared', 'Sky Supporter', True, 1), ('shared', 'Sky Supporter', True, 1), ('team', 'Pat Secondpractitioner', False, 1), ('shared', '$(sql "$D" "SELECT name FROM account WHERE email = '$SEMAIL'")', False, 1)]" \
    "... each reader, newest first, with how"
same "$(json "[v['service'] for v in d['views'] if v['how'] == 'team']")" "['$(sql "$D" "SELECT name FROM unit WHERE code = 'exbridge-recovery'")']" "... and the service a team read came through"

# A new version: readers get the latest finished one.
cp done.json b.json && edit b.json "d['item'][1]['item'][0]['answer'][0]['valueString'] = 'My niece and my dog'"
same "$(as p.jar "$PT" PUT "/api/v1/plans/$PLAN" b.json)" "201" "the owner finishes a second version"
same "$(json "d['version']")" "2" "... version 2"
same "$(code -b s.jar "$(U /api/v1/plans/$PLAN)")" "200" "the practitioner, still shared with, reads"
has body "My niece and my dog" "... the latest version"
same "$(sql "$D" "SELECT n FROM plan_view WHERE plan_id = $PLAN ORDER BY id DESC LIMIT 1")" "2" "... and the view says which"

# No plan's words in the server's log.
hasnt server.log "Quietwillowsecret" "the server's log holds nothing of a plan"
hasnt server.log "/api/v1/plans/$PLAN" "... nor a plan's path"
