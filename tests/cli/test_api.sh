# The JSON API over real HTTP on loopback: sign-in, the token on every
# change, scope (404 outside it), audited reads, responses recorded through
# the same checks as the forms, goals, the caseload, and every refusal
# answered in JSON naming the field, with nothing stored.
. "$(dirname "$0")/lib.sh"
D=$(newdb d)

$WAYMARK demo --db "$D" --people 40 >demo.txt || fail "the demo was not built"
signin() { grep "^sign-in: $1 " demo.txt | cut -d' ' -f3,4; }
start "$D" && pass "the server starts" || fail "the server did not start"
J=(-H 'Content-Type: application/json')
json() { python3 -c "import json,sys; d=json.load(open('body')); print(eval(sys.argv[1]))" "$1"; }
login() { # JAR ROLE: signs in through the API; sets TOKEN
	local who
	who=$(signin "$2")
	code -c "$1" "${J[@]}" -d "{\"email\": \"${who% *}\", \"password\": \"${who#* }\"}" "$(U /api/v1/session)" >/dev/null
	TOKEN=$(json "d['csrf']")
}

# Signing in.
same "$(code "$(U /api/v1/journey)")" "401" "signed out, the API answers 401"
has body '"status": 401' "... in JSON"
has headers "Content-Type: application/json" "... as JSON"
same "$(code "${J[@]}" -d '{"email": "person@demo.waymark.example", "password": "not the password"}' "$(U /api/v1/session)")" "401" "a wrong password is refused"
has body "email or password not recognised" "... with the one message for any refusal"
same "$(code "${J[@]}" -d '{"email": "person@demo.waymark.example"}' "$(U /api/v1/session)")" "400" "a sign-in without a password"
has body '"field": "password"' "... names the field"
same "$(code -d 'email=x&password=y' "$(U /api/v1/session)")" "415" "a form body is not JSON"
same "$(code "${J[@]}" -d '{"email": "a", "email": "b", "password": "c"}' "$(U /api/v1/session)")" "400" "duplicate keys are refused"
login p.jar person
PERSON=$(json "d['account']['person']")
[ -n "$PERSON" ] && pass "the session says which person is signed in" || fail "no person identifier in the session"
same "$(code -b p.jar "$(U /api/v1/session)")" "200" "the session can be read back"
same "$(json "d['csrf']")" "$TOKEN" "with the same token"
hasnt headers "Set-Cookie: wm_session=;" "reading the session does not end it"

# The forms a person answers.
same "$(code -b p.jar "$(U /api/v1/instruments)")" "200" "the person's forms"
MID=$(json "[i['id'] for i in d['instruments'] if i['url'].endswith('dreem-recovery-markers')][0]")
SID=$(sql "$D" "SELECT id FROM instrument WHERE url LIKE '%core-standards'")
hasnt body "core-standards" "not the services' standards"
same "$(code -b p.jar "$(U /api/v1/instruments/$MID)")" "200" "a form, as its Questionnaire"
same "$(json "d['resourceType']")" "Questionnaire" "... in FHIR"
same "$(code -b p.jar "$(U /api/v1/instruments/$SID)")" "404" "a form the person does not answer is not found"

# Recording a response: the same checks and the same path as the forms.
respond() { # SUBJECT RESPONDENT STATUS [CODE]: a recovery markers response
	python3 - "$ROOT/instruments/dreem-recovery-markers.json" "$@" <<'PY'
import datetime, json, sys
q = json.load(open(sys.argv[1]))
subject, respondent, status = sys.argv[2:5]
code = sys.argv[5] if len(sys.argv) > 5 else 'agree'
def walk(items):
    out = []
    for it in items:
        if it.get('type') == 'group':
            out.append({'linkId': it['linkId'], 'item': walk(it.get('item', []))})
        elif it.get('type') == 'choice':
            out.append({'linkId': it['linkId'], 'answer': [{'valueCoding': {'code': code}}]})
    return out
print(json.dumps({'resourceType': 'QuestionnaireResponse',
    'questionnaire': q['url'] + '|' + q['version'], 'status': status,
    'subject': {'reference': subject}, 'authored': sys.argv[6] if len(sys.argv) > 6 else datetime.date.today().isoformat(),
    'extension': [{'url': 'https://waymark.example/fhir/StructureDefinition/respondent', 'valueCode': respondent}],
    'item': walk(q['item'])}))
PY
}
respond "Patient/$PERSON" person completed >good.json
before=$(counts "$D")
same "$(code -b p.jar "${J[@]}" --data @good.json "$(U /api/v1/responses)")" "403" "a change without the token is refused"
same "$(code -b p.jar "${J[@]}" -H "X-CSRF-Token: wrong" --data @good.json "$(U /api/v1/responses)")" "403" "... as is one with the wrong token"
respond "Patient/$PERSON" person completed maybe >bad-code.json
same "$(code -b p.jar "${J[@]}" -H "X-CSRF-Token: $TOKEN" --data @bad-code.json "$(U /api/v1/responses)")" "400" "an unknown answer code is refused"
has body '"field": "item activities"' "... naming the question"
sed -E 's/\|[0-9.]+"/|9.9.9"/' good.json >bad-version.json
same "$(code -b p.jar "${J[@]}" -H "X-CSRF-Token: $TOKEN" --data @bad-version.json "$(U /api/v1/responses)")" "400" "a version that does not exist is refused"
has body '"field": "questionnaire"' "... naming the questionnaire"
OTHER=$(sql "$D" "SELECT ident FROM person WHERE ident <> '$PERSON' LIMIT 1")
respond "Patient/$OTHER" person completed >other.json
same "$(code -b p.jar "${J[@]}" -H "X-CSRF-Token: $TOKEN" --data @other.json "$(U /api/v1/responses)")" "400" "a person cannot answer about someone else"
has body '"field": "subject"' "... naming the subject"
respond "Patient/$PERSON" person-with-practitioner completed >together.json
same "$(code -b p.jar "${J[@]}" -H "X-CSRF-Token: $TOKEN" --data @together.json "$(U /api/v1/responses)")" "400" "nor claim a practitioner was there"
has body '"field": "extension respondent"' "... naming the respondent"
respond "Patient/$PERSON" person completed agree 2999-01-01 >future.json
same "$(code -b p.jar "${J[@]}" -H "X-CSRF-Token: $TOKEN" --data @future.json "$(U /api/v1/responses)")" "400" "a date in the future is refused"
has body '"field": "authored"' "... naming the date"
respond "Patient/$PERSON" person completed agree 2025-01-01 >past.json
same "$(code -b p.jar "${J[@]}" -H "X-CSRF-Token: $TOKEN" --data @past.json "$(U /api/v1/responses)")" "400" "a past date is refused: the API records answers given now"
has body '"field": "authored"' "... naming the date"
python3 -c "import json; d = json.load(open('good.json')); d['extension'].append({'url': 'https://waymark.example/fhir/StructureDefinition/unit', 'valueReference': {'reference': 'Organization/tavmouth-cmht'}}); print(json.dumps(d))" >unit.json
same "$(code -b p.jar "${J[@]}" -H "X-CSRF-Token: $TOKEN" --data @unit.json "$(U /api/v1/responses)")" "400" "naming the service to count for is refused"
has body '"field": "extension unit"' "... naming the extension"
python3 -c "import json; d = json.load(open('good.json')); d['status'] = 'in-progress'; d['item'] = []; print(json.dumps(d))" >blank.json
same "$(code -b p.jar "${J[@]}" -H "X-CSRF-Token: $TOKEN" --data @blank.json "$(U /api/v1/responses)")" "400" "a draft with no answers is refused"
has body "at least one answer" "... saying why"
python3 -c "import json; d = json.load(open('good.json')); d['item'][0]['item'][1]['linkId'] = 'a' * 63 + 'é'; print(json.dumps(d))" >cut.json
same "$(code -b p.jar "${J[@]}" -H "X-CSRF-Token: $TOKEN" --data @cut.json "$(U /api/v1/responses)")" "400" "a message quoting a long name is still valid JSON"
same "$(code -b p.jar "${J[@]}" -H "X-CSRF-Token: $TOKEN" --data '{"resourceType": "QuestionnaireResponse",' "$(U /api/v1/responses)")" "400" "malformed JSON is refused"
has body "line 1, column" "... saying where"
head -c 70000 /dev/zero | tr '\0' ' ' >big.json
same "$(code -b p.jar "${J[@]}" -H "X-CSRF-Token: $TOKEN" --data @big.json "$(U /api/v1/goals)")" "413" "a body over the API's 64 KiB is refused"
head -c 300000 /dev/zero | tr '\0' ' ' >huge.json
same "$(code -b p.jar "${J[@]}" -H "X-CSRF-Token: $TOKEN" --data-binary @huge.json "$(U /api/v1/responses)")" "413" "a body over the server's limit gets 413"
has body '"status": 413' "... in JSON"
same "$(counts "$D")" "$before" "refused requests stored nothing"
same "$(code -b p.jar "${J[@]}" -H "X-CSRF-Token: $TOKEN" --data @good.json "$(U /api/v1/responses)")" "201" "a good response is recorded"
same "$(json "d['status'] + ' ' + str(d['scores'][0]['value'])")" "completed 4.0" "... and scored"
RID=$(json "d['id']")
same "$(sql "$D" "SELECT respondent || ' ' || subject_kind || ' ' || CAST((author_id = subject_id) AS INTEGER) FROM response WHERE id = $RID")" "person person 1" "as the person's own answers"
same "$(sql "$D" "SELECT count(*) FROM audit WHERE action = 'response recorded (API)'")" "1" "with an audit entry"
respond "Patient/$PERSON" person in-progress >draft.json
same "$(code -b p.jar "${J[@]}" -H "X-CSRF-Token: $TOKEN" --data @draft.json "$(U /api/v1/responses)")" "201" "a draft can be saved to finish later"
same "$(code -b p.jar "$(U /api/v1/responses)")" "200" "the person reads their responses"
same "$(json "sum(1 for r in d['responses'] if r['id'] == $RID)")" "1" "including the one just recorded"
same "$(code -b p.jar "$(U /api/v1/journey)")" "200" "the person's journey"
same "$(json "[p['value'] for s in d['scales'] if s['scale'] == 'recovery-markers' for p in s['points'] if p['date'] == '$(date -u +%F)']")" "[4.0]" "... with the new score on it"
n=$(sql "$D" "SELECT count(*) FROM response r JOIN person p ON p.id = r.subject_id JOIN instrument i ON i.id = r.instrument_id JOIN answer a ON a.response_id = r.id JOIN instrument_item it ON it.instrument_id = i.id AND it.idx = a.item WHERE p.ident = '$PERSON' AND r.subject_kind = 'person' AND r.status = 'completed' AND it.link_id = 'hopeful'")
same "$(json "[(q['answers'], q['first']['date'] < q['latest']['date']) for q in d['questions'] if q['question'] == 'hopeful']")" "[($n, True)]" "... and each question's first and latest answer, from all $n answers"

# Goals: the person's own words, rated 0 to 10.
same "$(code -b p.jar "${J[@]}" -H "X-CSRF-Token: $TOKEN" -d '{"goal": "   "}' "$(U /api/v1/goals)")" "400" "an empty goal is refused"
has body '"field": "goal"' "... naming the field"
same "$(code -b p.jar "${J[@]}" -H "X-CSRF-Token: $TOKEN" -d '{"goal": 7}' "$(U /api/v1/goals)")" "400" "a goal that is not text is refused"
same "$(code -b p.jar "${J[@]}" -H "X-CSRF-Token: $TOKEN" -d '{"goal": "Walk to the allotment <b>twice</b> a week"}' "$(U /api/v1/goals)")" "201" "a goal is added"
GID=$(json "d['id']")
for bad in '{"rating": 11}' '{"rating": -1}' '{"rating": "5"}' '{"rating": 5.5}' '{}'; do
	same "$(code -b p.jar "${J[@]}" -H "X-CSRF-Token: $TOKEN" -d "$bad" "$(U /api/v1/goals/$GID/reviews)")" "400" "the review $bad is refused"
	has body '"field": "rating"' "... naming the rating"
done
same "$(code -b p.jar "${J[@]}" -H "X-CSRF-Token: $TOKEN" -d '{"rating": 4, "note": "Went once"}' "$(U /api/v1/goals/$GID/reviews)")" "201" "a review is added"
same "$(code -b p.jar "$(U /api/v1/goals/$GID)")" "200" "the goal with its reviews"
same "$(json "d['goal'] + ' | ' + str(d['reviews'][0]['rating']) + ' ' + d['reviews'][0]['note']")" "Walk to the allotment <b>twice</b> a week | 4 Went once" "... in the person's words"
same "$(code -b p.jar "$(U /api/v1/goals)")" "200" "the person's goals"
same "$(json "d['goals'][-1]['latest_rating']")" "4" "... with the latest rating"
same "$(code -b p.jar "$(U /api/v1/caseload)")" "404" "a person has no caseload"

# A practitioner: their caseload, a person's record (audited), alongside.
PTOKEN=$TOKEN
login s.jar practitioner
STOKEN=$TOKEN
TOKEN=$PTOKEN
same "$(code -b s.jar "$(U /api/v1/caseload)")" "200" "the practitioner's caseload"
MINE=$(json "d['people'][0]['person']")
[ -n "$MINE" ] && pass "lists the people on it" || fail "the caseload is empty"
same "$(json "set(p['measures'] for p in d['people']) <= {'due', 'overdue', 'up to date'}")" "True" "each with whether their measures are due"
same "$(code -b s.jar "$(U "/api/v1/caseload?search=$MINE")")" "200" "searching the caseload"
same "$(json "[p['person'] for p in d['people']]")" "['$MINE']" "finds the person"
OUT=$(sql "$D" "SELECT p.ident FROM person p JOIN caseload c ON c.person_id = p.id JOIN unit u ON u.id = c.unit_id WHERE u.code <> 'exbridge-recovery' AND p.id NOT IN (SELECT person_id FROM caseload c2 JOIN unit u2 ON u2.id = c2.unit_id WHERE u2.code = 'exbridge-recovery') LIMIT 1")
views=$(sql "$D" "SELECT count(*) FROM audit WHERE action LIKE 'viewed%'")
for what in responses journey goals; do
	same "$(code -b s.jar "$(U /api/v1/people/$OUT/$what)")" "404" "another site's person's $what are not found"
done
same "$(code -b s.jar "$(U /api/v1/people/NOBODY/journey)")" "404" "exactly like someone who does not exist"
same "$(sql "$D" "SELECT count(*) FROM audit WHERE action LIKE 'viewed%'")" "$views" "refused reads are not recorded as views"
for what in responses journey goals; do
	same "$(code -b s.jar "$(U /api/v1/people/$MINE/$what)")" "200" "the practitioner reads the person's $what"
done
same "$(sql "$D" "SELECT count(*) FROM audit a JOIN person p ON p.id = a.subject_id WHERE a.subject_kind = 'person' AND p.ident = '$MINE' AND a.action IN ('viewed responses', 'viewed journey', 'viewed goals') AND a.address = '127.0.0.1'")" "3" "each read is audited, with the address"
same "$(code -b s.jar "${J[@]}" -H "X-CSRF-Token: $STOKEN" -d '{"goal": "Theirs"}' "$(U /api/v1/goals)")" "404" "a practitioner cannot add a person's goals"
same "$(code -b s.jar "${J[@]}" -H "X-CSRF-Token: $STOKEN" -d '{"rating": 9}' "$(U /api/v1/goals/$GID/reviews)")" "404" "nor review them"
respond "Patient/$MINE" person-with-practitioner completed >with.json
respond "Patient/$MINE" person completed >mine-alone.json
same "$(code -b s.jar "${J[@]}" -H "X-CSRF-Token: $STOKEN" --data @with.json "$(U /api/v1/people/$OUT/responses)")" "404" "nor answer alongside someone else's person"
same "$(code -b s.jar "${J[@]}" -H "X-CSRF-Token: $STOKEN" --data @mine-alone.json "$(U /api/v1/people/$MINE/responses)")" "400" "alongside, the respondent must say so"
same "$(code -b s.jar "${J[@]}" -H "X-CSRF-Token: $STOKEN" --data @with.json "$(U /api/v1/people/$MINE/responses)")" "201" "answered alongside the person"
same "$(sql "$D" "SELECT respondent FROM response ORDER BY id DESC LIMIT 1")" "person-with-practitioner" "recorded as given together"
respond "Patient/$MINE" person in-progress >their-draft.json
$WAYMARK respond --db "$D" their-draft.json >/dev/null
same "$(code -b s.jar "$(U /api/v1/people/$MINE/responses)")" "200" "the practitioner reads the person's responses again"
same "$(json "[r['status'] for r in d['responses'] if r['status'] != 'completed']")" "[]" "but never the person's unfinished drafts"
same "$(code -b p.jar "${J[@]}" -H "X-CSRF-Token: $TOKEN" --data @with.json "$(U /api/v1/people/$MINE/responses)")" "404" "a person has no one's record to answer alongside"

# Signing out ends the session.
same "$(code -b p.jar -X DELETE "$(U /api/v1/session)")" "403" "signing out needs the token too"
same "$(code -b p.jar -X DELETE -H "X-CSRF-Token: $TOKEN" "$(U /api/v1/session)")" "200" "signing out"
same "$(code -b p.jar "$(U /api/v1/journey)")" "401" "after which the session is gone"
same "$(code "$(U /api/v1/no-such-thing)")" "404" "an unknown API path"
has body '"message": "not found"' "... answers in JSON"
same "$(code -X PUT "$(U /api/v1/goals)")" "405" "a method the path does not take"
has body '"status": 405' "... answers in JSON"
