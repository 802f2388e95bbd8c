# The 10 core standards over real HTTP on loopback: a lead's
# self-assessment (drafts, submission, amendments kept as versions with a
# reason, one standard reopened), validators invited and rating without
# seeing the service's lights first, queries, scope (404) and audit.
. "$(dirname "$0")/lib.sh"

small_network s.db || fail "the network was not built"
$WAYMARK unit add --db s.db --kind service --code other --name "Other Service" --parent prov >/dev/null
printf 'a long password 1\n' >pw
for a in "lead1 Lee lead@svc" "va Vi validator@svc/lived-experience" "vb Val validator@svc/supporter" "vc Vic validator@other/commissioner"; do
	set -- $a
	$WAYMARK account add --db s.db --email "$1@example.org" --name "$2 $1" --grant "$3" --password-file pw >/dev/null || fail "account $1"
done
id_of() { sqlite3 s.db "SELECT id FROM account WHERE email = '$1@example.org'"; }
q() { sqlite3 s.db "$1"; }
P=$(python3 -c "import datetime; d=datetime.date.today(); print('%d-%02d-01' % (d.year, (d.month-1)//3*3+1))")
B="/services/svc/standards/$P"
start s.db && pass "the server starts" || fail "the server did not start"

web_login l.jar lead1@example.org "a long password 1"
LCS=$WCS
same "$(code -b l.jar "$(U /services/svc)")" "200" "the service page"
has body "/services/svc/standards" "... links to the standards"
same "$(code -b l.jar "$(U /services/svc/standards)")" "200" "this period's standards"
has body "Not submitted yet" "... not submitted yet"
code -b l.jar "$(U /)" >/dev/null
has body "Test Service</a>: self-assessment not yet submitted." "the lead's home says this period's self-assessment is not yet submitted"
same "$(code -b l.jar "$(U "$B/edit")")" "200" "the self-assessment form"
has body 'name="standard-10-rating"' "... with every standard's light"
has body "Save and come back later" "... which can be saved part-way"
has body "From the service's training records" "... with the training records as evidence for standard 1"
has body "Recovery Awareness Training: 0 of 3 staff" "... counting the service's current staff"

# The form carries the versions it was made on (none yet).
built_on() { grep -o 'name="built_on" value="[0-9]*"' body | grep -o '[0-9]*"$' | tr -d '"'; }
same "$(built_on)" "0" "the form says how many versions it was made on"

# Refusals store nothing.
before=$(counts s.db)
same "$(code -b l.jar -d "csrf=$WCS" -d "built_on=0" -d "save=done" -d "standard-1-rating=amber" "$(U "$B/edit")")" "400" "a submission missing lights is refused"
has body "There is a problem" "... with the error summary"
has body 'value="amber" checked' "... keeping what was chosen"
same "$(code -b l.jar -d "csrf=$WCS" -d "built_on=0" -d "save=done" -d "standard-1-rating=purple" "$(U "$B/edit")")" "400" "a light that is not red, amber or green is refused"
NOOWNER=(-d "csrf=$WCS" -d "built_on=0" -d "save=done" -d "standard-1-rating=red" -d "standard-1-action=Train everyone")
for n in 2 3 4 5 6 7 8 9 10; do NOOWNER+=(-d "standard-$n-rating=green"); done
same "$(code -b l.jar "${NOOWNER[@]}" "$(U "$B/edit")")" "400" "an action without its owner or due date is refused"
has body "Standard 1, Action owner" "... naming the owner"
has body "Standard 1, Action due" "... and the due date"
same "$(code -b l.jar -d "save=done" "$(U "$B/edit")")" "403" "a submission without the form token is refused"
same "$(code -b l.jar -d "csrf=$WCS" -d "save=later" -d "standard-1-rating=amber" "$(U "$B/edit")")" "400" "a submission that does not say what it was made on is refused"
has body "This form has expired" "... as an expired form"
same "$(counts s.db)" "$before" "... and nothing was stored"

same "$(code -b l.jar -d "csrf=$WCS" -d "built_on=0" -d "save=later" -d "standard-1-rating=amber" "$(U "$B/edit")")" "303" "saving part-way"
same "$(q "SELECT count(*) FROM response WHERE status = 'in-progress' AND respondent = 'lead'")" "1" "... keeps a draft"
same "$(q "SELECT count(*) FROM assessment_version")" "0" "... which is not a version"
code -b l.jar "$(U /services/svc/standards)" >/dev/null
has body "Continue the self-assessment" "the standards page offers to continue"
code -b l.jar "$(U "$B/edit")" >/dev/null
has body 'value="amber" checked' "the draft fills the form in again"
DAY=$(q "SELECT authored FROM response WHERE status = 'in-progress'")
q "UPDATE response SET authored = '2020-03-31' WHERE status = 'in-progress'"
code -b l.jar "$(U /services/svc/standards)" >/dev/null
has body "Start the self-assessment" "a draft saved in an earlier period is not this period's"
code -b l.jar "$(U "$B/edit")" >/dev/null
hasnt body 'value="amber" checked' "... and does not fill this period's form"
q "UPDATE response SET authored = '$DAY' WHERE status = 'in-progress'"

# Validators are invited only to a submitted self-assessment: there is
# nothing to validate before.
before=$(counts s.db)
same "$(code -b l.jar -d "csrf=$WCS" -d "account=$(id_of va)" "$(U "$B/invitations")")" "400" "a validator cannot be invited before the self-assessment is submitted"
has body "Validators are invited once the self-assessment for the period is submitted" "... saying why"
same "$(q "SELECT count(*) FROM invitation")" "0" "... nothing stored"
same "$(counts s.db)" "$before" "... at all"
code -b l.jar "$(U /services/svc/standards)" >/dev/null
has body "Validators are invited once the self-assessment for the period is submitted" "the standards page says when validators can be invited"
hasnt body 'id="account"' "... and offers no one to invite yet"

ALL=(-d "csrf=$WCS" -d "save=done" -d "standard-1-rating=amber" -d "standard-1-evidence=Half the team trained this year" -d "standard-1-action=Book the rest on Recovery Awareness" -d "standard-1-action-owner=Team lead" -d "standard-1-action-due-day=31" -d "standard-1-action-due-month=3" -d "standard-1-action-due-year=2027")
for n in 2 3 4 5 6 7 8 9 10; do ALL+=(-d "standard-$n-rating=green"); done
same "$(code -b l.jar "${ALL[@]}" -d "built_on=0" "$(U "$B/edit")")" "303" "submitting the self-assessment"
same "$(q "SELECT count(*) FROM assessment_version")" "1" "... makes version 1"
same "$(q "SELECT count(*) FROM response WHERE status = 'in-progress'")" "0" "... and replaces the draft"
same "$(q "SELECT count(*) FROM audit WHERE action = 'standards self-assessment submitted'")" "1" "... audited"
code -b l.jar "$(U /services/svc/standards)" >/dev/null
has body "Version 1, submitted on" "the page shows the version"
has body "Amend the self-assessment" "... and offers an amendment"

# An amendment needs a reason and keeps both versions.
before=$(counts s.db)
code -b l.jar "$(U "$B/edit")" >/dev/null
same "$(built_on)" "1" "the amendment's form is made on version 1"
same "$(code -b l.jar "${ALL[@]}" -d "built_on=1" "$(U "$B/edit")")" "400" "an amendment without a reason is refused"
has body "Give a reason" "... saying why"
same "$(counts s.db)" "$before" "... storing nothing"
same "$(code -b l.jar "${ALL[@]}" -d "built_on=1" -d "reason=The team meeting found more evidence" "$(U "$B/edit")")" "303" "an amendment with a reason"
same "$(q "SELECT count(*) FROM assessment_version")" "2" "both versions are kept"
same "$(q "SELECT reason FROM assessment_version WHERE version = 2")" "The team meeting found more evidence" "... the new one with its reason"
same "$(q "SELECT count(*) FROM response WHERE respondent = 'lead' AND status = 'completed'")" "2" "... each its own response"
same "$(q "SELECT count(*) FROM audit WHERE action = 'standards self-assessment amended'")" "1" "the amendment is audited"
q "UPDATE assessment_version SET reason = 'x'" 2>/dev/null && fail "a version was changed in place" || pass "a submitted version cannot be changed in place"


# Inviting validators: only those holding the role here, once each.
same "$(code -b l.jar -d "csrf=$WCS" -d "account=$(id_of va)" "$(U "$B/invitations")")" "303" "inviting a validator"
same "$(q "SELECT count(*) FROM invitation")" "1" "... is kept"
same "$(q "SELECT count(*) FROM audit WHERE action = 'invited a validator'")" "1" "... and audited"
same "$(code -b l.jar -d "csrf=$WCS" -d "account=$(id_of vc)" "$(U "$B/invitations")")" "400" "a validator of another service cannot be invited"
has body "holds the validator role at this service" "... saying why, on the standards page"
same "$(code -b l.jar -d "csrf=$WCS" -d "account=$(id_of va)" "$(U "$B/invitations")")" "400" "nor anyone twice"
same "$(code -b l.jar -d "csrf=$WCS" -d "account=x" "$(U "$B/invitations")")" "400" "nor a made-up account"
same "$(code -b l.jar -d "csrf=$WCS" -d "account=$(id_of vb)" "$(U /services/svc/standards/2020-01-01/invitations)")" "400" "nor for a past period the service did not assess"
code -b l.jar "$(U /services/svc/standards)" >/dev/null
hasnt body "Vi va (person with lived experience)" "someone invited is not offered again"
has body "Val vb (supporter or carer)" "... others still are"
has body "0 of the 1 invited have submitted" "the lead sees how many have submitted, not who"
code -b l.jar "$(U /)" >/dev/null
has body "Test Service</a>: self-assessment submitted; 1 validator invited, 0 have rated." "... and their home says it is submitted, how many validators were invited and how many have rated"
same "$(q "SELECT count(*) FROM invitation")" "1" "... nothing more stored"
same "$(q "SELECT count(*) FROM assessment")" "1" "... not even an empty assessment"
AID=$(q "SELECT id FROM assessment")

# The validator rates blind, then sees the lights.
web_login v.jar va@example.org "a long password 1"
same "$(code -b v.jar "$(U /)")" "200" "a validator's home"
has body 'href="/validations"' "... links to their validations"
same "$(code -b v.jar "$(U /validations)")" "200" "their validations"
has body "Test Service" "... list the service they were invited to"
code -b v.jar "$(U /)" >/dev/null
has body "<a href=\"/validations/$AID\">Rate Test Service's standards for " "the validator's home lists the invitation waiting"
same "$(code -b v.jar "$(U "/validations/$AID")")" "200" "the validation form"
has body "Half the team trained this year" "... shows the service's evidence"
hasnt body "Book the rest on Recovery Awareness" "... but not its actions"
hasnt body "nhsuk-tag--orange" "... nor its own lights before they submit"
hasnt body ">Disagreement<" "... nor the table of lights"
same "$(code -b v.jar "$(U /services/svc/standards)")" "404" "a validator cannot open the lead's pages"
before=$(counts s.db)
same "$(code -b v.jar -d "csrf=$WCS" -d "standard-1-rating=red" "$(U "/validations/$AID")")" "400" "ratings with lights missing are refused"
same "$(counts s.db)" "$before" "... storing nothing"
VAL=(-d "csrf=$WCS" -d "standard-1-comment=Few staff could describe recovery")
for n in 1 2 3 4 5 6 7 8 9 10; do VAL+=(-d "standard-$n-rating=red"); done
# Submitted ratings cannot be changed, so the validator is asked first.
before=$(counts s.db)
same "$(code -b v.jar "${VAL[@]}" "$(U "/validations/$AID")")" "200" "submitting asks first"
has body "Submit your ratings of " "... naming the service"
has body "you cannot change them afterwards" "... saying plainly what will happen"
has body 'name="standard-10-rating" value="red"' "... carrying the ratings"
has body 'name="standard-1-comment" value="Few staff could describe recovery"' "... and the comments"
has body "No, go back" "... with a way back"
same "$(counts s.db)" "$before" "... storing nothing"
same "$(q "SELECT count(*) FROM validation")" "0" "... no validation yet"
same "$(code -b v.jar "${VAL[@]:2}" -d "csrf=not-the-token" -d "confirm=yes" "$(U "/validations/$AID")")" "403" "a confirmed submission with a wrong token is refused"
same "$(q "SELECT count(*) FROM validation")" "0" "... storing nothing"
same "$(code -b v.jar "${VAL[@]}" -d "confirm=yes" "$(U "/validations/$AID")")" "303" "the validator confirms and submits"
code -b v.jar "$(U /)" >/dev/null
has body "None: you have rated every service you were invited to validate." "... and once they have rated, none waiting"
code -b l.jar "$(U /)" >/dev/null
has body "1 validator invited, 1 has rated." "the lead's home counts the rating"
same "$(q "SELECT count(*) FROM validation")" "1" "... kept as their validation"
same "$(q "SELECT stakeholder FROM response WHERE respondent = 'validator'")" "lived-experience" "... in their group"
same "$(code -b v.jar "$(U "/validations/$AID")")" "200" "after submitting"
has body ">Disagreement<" "... they see the lights side by side"
has body "differ" "... with the disagreement flagged"
has body "person with lived experience" "... validators by group"
hasnt body "Vi va" "... never by name"
has body "Standard 1, person with lived experience:</strong> Few staff could describe recovery" "... with what validators wrote, by group"
same "$(code -b v.jar "${VAL[@]}" "$(U "/validations/$AID")")" "409" "a second submission is refused"
same "$(q "SELECT count(*) FROM validation")" "1" "... the first is kept"
same "$(code -b v.jar -d "csrf=$WCS" -d "standard=3" -d "text=" "$(U "/validations/$AID/queries")")" "400" "a query without a reason is refused"
has body "Give a reason" "... saying why"
has body 'value="3" selected' "... keeping the standard chosen"
same "$(code -b v.jar -d "csrf=$WCS" -d "standard=11" -d "text=Why?" "$(U "/validations/$AID/queries")")" "400" "a query on no standard is refused"
same "$(code -b v.jar -d "csrf=$WCS" -d "standard=1" -d "text=Why amber when so few are trained?" "$(U "/validations/$AID/queries")")" "303" "a validator queries a rating"
code -b l.jar "$(U /)" >/dev/null
has body "1 has rated; 1 query awaits your answer." "the lead's home says a query awaits their answer"
same "$(q "SELECT kind || ':' || standard FROM standard_query")" "query:1" "... kept with its standard"
same "$(q "SELECT count(*) FROM audit WHERE action = 'queried a standard''s rating'")" "1" "... and audited"

# An invitation made before that rule, to a period the service never
# submitted, has nothing to rate: the page says so and a rating is refused.
q "INSERT INTO assessment(unit_id, period, period_end, created) SELECT id, '2025-01-01', '2025-03-31', '2025-01-02T00:00:00Z' FROM unit WHERE code = 'svc'"
OLD=$(q "SELECT id FROM assessment WHERE period = '2025-01-01'")
q "INSERT INTO invitation(assessment_id, account_id, stakeholder, invited) VALUES ($OLD, $(id_of va), 'lived-experience', '2025-01-02T00:00:00Z')"
same "$(code -b v.jar "$(U "/validations/$OLD")")" "200" "an invitation to a period never self-assessed"
has body "Validators are invited once the self-assessment for the period is submitted" "... says there is nothing to validate"
hasnt body 'name="standard-1-rating"' "... and offers no form"
before=$(counts s.db)
same "$(code -b v.jar "${VAL[@]}" "$(U "/validations/$OLD")")" "409" "... a rating of it is refused"
same "$(counts s.db)" "$before" "... storing nothing"
same "$(q "SELECT count(*) FROM validation WHERE assessment_id = $OLD")" "0" "... no validation"

# Not invited: 404, exactly as if it did not exist.
web_login w.jar vb@example.org "a long password 1"
same "$(code -b w.jar "$(U "/validations/$AID")")" "404" "an uninvited validator gets 404"
same "$(code -b w.jar -d "csrf=$WCS" "${VAL[@]:2}" "$(U "/validations/$AID")")" "404" "... and cannot rate it"
same "$(code -b w.jar "$(U /validations/99999)")" "404" "... as for one that does not exist"
same "$(q "SELECT count(*) FROM validation")" "1" "... nothing stored"

# The lead answers, and reopens one standard without the rest.
code -b l.jar "$(U /services/svc/standards)" >/dev/null
has body "query from person with lived experience" "the lead sees the query, by group"
same "$(code -b l.jar -d "csrf=$LCS" -d "kind=answer" -d "standard=1" -d "text=Training is booked for March" "$(U "$B/queries")")" "303" "the lead answers"
same "$(code -b l.jar -d "csrf=$LCS" -d "kind=reopen" -d "standard=1" -d "text=The validator is right; looking again" "$(U "$B/queries")")" "303" "the lead reopens standard 1"
code -b l.jar "$(U /)" >/dev/null
hasnt body "awaits your answer" "once answered, no query awaits the lead"
has body "1 reopened standard awaits your amendment." "... but the standard they reopened awaits their amendment"
same "$(code -b l.jar -d "csrf=$LCS" -d "kind=delete" -d "standard=1" -d "text=x" "$(U "$B/queries")")" "400" "an unknown kind is refused"
same "$(code -b l.jar -d "csrf=$LCS" -d "kind=reopen" -d "standard=2" -d "text=" "$(U "$B/queries")")" "400" "a reopening without a reason is refused"
has body "Give a reason" "... on the standards page, saying why"
has body 'value="2" selected' "... keeping the standard chosen"
has body 'value="reopen" checked' "... and what the lead was doing"
QID=$(q "SELECT id FROM standard_query WHERE kind = 'reopen'")
code -b l.jar "$(U "$B")" >/dev/null
has body "edit?reopen&#61;$QID\">Amend this standard</a>" "the period's page offers the reopened standard's amendment"
same "$(code -b l.jar "$(U "$B/edit?reopen=$QID")")" "200" "the reopened standard's form"
has body "Amend standard 1" "... names it"
hasnt body 'name="standard-2-rating"' "... and holds no other standard"
same "$(code -b l.jar -d "csrf=$LCS" -d "built_on=$(built_on)" -d "save=done" -d "standard-1-rating=red" -d "standard-1-evidence=Half the team trained; the rest are booked" -d "standard-1-action=Train everyone" -d "standard-1-action-owner=Team lead" -d "standard-1-action-due-day=30" -d "standard-1-action-due-month=6" -d "standard-1-action-due-year=2027" -d "reason=Validator's query" "$(U "$B/edit?reopen=$QID")")" "303" "amending the one standard"
same "$(q "SELECT version || ':' || standard || ':' || (reopen_id = $QID) FROM assessment_version ORDER BY version DESC LIMIT 1")" "3:1:1" "... makes version 3, answering the reopening"
same "$(q "SELECT group_concat(coalesce(s.value, '-'), ',') FROM (SELECT s.value FROM assessment_version v JOIN score s ON s.response_id = v.response_id WHERE v.version = 3 ORDER BY s.scale) s")" "1.0,3.0,3.0,3.0,3.0,3.0,3.0,3.0,3.0,3.0" "... with the other standards carried over"
same "$(code -b l.jar "$(U "$B/edit?reopen=$QID")")" "404" "an answered reopening cannot be answered again"
code -b l.jar "$(U "$B")" >/dev/null
has body "(answered by version 3)" "... and once amended, says which version answered it"
hasnt body "Amend this standard" "... offering no second amendment"
same "$(q "SELECT count(*) FROM audit WHERE action LIKE 'reopened a standard' OR action LIKE '%one standard reopened%'")" "2" "reopening and its amendment are audited"

# Scope and periods.
same "$(code -b l.jar "$(U /services/other/standards)")" "404" "another service's standards are not found"
same "$(code -b l.jar "$(U /services/svc/standards/2020-11-05)")" "404" "a date that starts no period is not found"
same "$(code -b l.jar "$(U /services/svc/standards/2999-01-01)")" "404" "nor a period to come"
same "$(code -b l.jar "$(U /services/svc/standards/2020-01-01/edit)")" "404" "a past period with no assessment cannot be started"

# The same through the JSON API.
J=(-H 'Content-Type: application/json')
json() { python3 -c "import json,sys; d=json.load(open('body')); print(eval(sys.argv[1]))" "$1"; }
code -c la.jar "${J[@]}" -d '{"email": "lead1@example.org", "password": "a long password 1"}' "$(U /api/v1/session)" >/dev/null
same "$(code -b la.jar "$(U /api/v1/services/svc/standards)")" "200" "the lead reads the standards through the API"
same "$(json "len(d['versions'])")" "3" "... every version"
same "$(json "d['invitations']")" "[{'name': 'Vi va'}]" "... the invited by name only, not by group or submission"
same "$(json "d['versions'][1]['reason']")" "The team meeting found more evidence" "... with its reason"
same "$(json "d['standards'][0]['self'] + '/' + d['standards'][0]['validators'][0]['group']")" "red/lived-experience" "... the lights, validators by group"
same "$(json "(d['standards'][1]['disagreeing'], d['standards'][1]['widestGap'])")" "(1, 2)" "... and the disagreement"
same "$(json "d['period']['start']")" "$P" "... for this period"
same "$(json "d['comments']")" "[{'standard': 1, 'group': 'lived-experience', 'text': 'Few staff could describe recovery'}]" "... the validators' comments by group"
same "$(json "[q['kind'] for q in d['queries']]")" "['query', 'answer', 'reopen']" "... with the queries"
same "$(json "'Vi va' in str(d['queries']) or 'Vi va' in str(d['standards'])")" "False" "... naming no validator in the lights or queries"
same "$(code -b la.jar "$(U /api/v1/services/other/standards)")" "404" "another service's are not found"
has body '"status": 404' "... in JSON"
code -c va.jar "${J[@]}" -d '{"email": "va@example.org", "password": "a long password 1"}' "$(U /api/v1/session)" >/dev/null
same "$(code -b va.jar "$(U /api/v1/validations)")" "200" "a validator's invitations through the API"
same "$(json "[(v['service'], v['periodStart'], v['submitted']) for v in d['validations']]")" "[('svc', '$P', True), ('svc', '2025-01-01', False)]" "... with what they submitted, newest period first"
same "$(code -b va.jar "$(U /api/v1/services/svc/standards)")" "404" "... but not the lead's view"
same "$(code -b va.jar "$(U "/api/v1/validations/$AID")")" "200" "a submitted validation through the API"
same "$(json "(d['submitted'], d['standards'][0]['self'], d['evidence'][0]['text'])")" "(True, 'red', 'Half the team trained; the rest are booked')" "... with the evidence and, now, the lights"
code -b l.jar -d "csrf=$LCS" -d "account=$(id_of vb)" "$(U "$B/invitations")" >/dev/null
code -c vb.jar "${J[@]}" -d '{"email": "vb@example.org", "password": "a long password 1"}' "$(U /api/v1/session)" >/dev/null
same "$(code -b vb.jar "$(U "/api/v1/validations/$AID")")" "200" "a validation not yet submitted through the API"
same "$(json "(d['submitted'], d['group'], 'standards' in d, 'queries' in d, len(d['evidence']))")" "(False, 'supporter', False, False, 1)" "... has the evidence but no lights, comments or queries"
hasnt body "Book the rest" "... nor the actions"
code -c vc.jar "${J[@]}" -d '{"email": "vc@example.org", "password": "a long password 1"}' "$(U /api/v1/session)" >/dev/null
same "$(code -b vc.jar "$(U "/api/v1/validations/$AID")")" "404" "an uninvited validator gets 404 through the API"
same "$(code -b vc.jar "$(U /api/v1/validations/x)")" "404" "... as for nonsense"

# The network chooses its period and its rule for "validated".
run 2 "a period that does not tile the year is refused" -- $WAYMARK network set --db s.db --period-months 5
has err "1, 2, 3, 4, 6 or 12 months" "... saying which lengths fit"
run 2 "more groups than validators is refused" -- $WAYMARK network set --db s.db --validators 1 --groups 2
run 2 "a threshold that is not a number is refused" -- $WAYMARK network set --db s.db --validators two
same "$(q "SELECT count(*) FROM setting WHERE key LIKE 'validation%' OR key LIKE 'standards%'")" "0" "... nothing kept"
run 2 "the period's length cannot change while this year's periods are under way" -- $WAYMARK network set --db s.db --period-months 1
has err "change the length at the turn of the year" "... saying when it can"
run 0 "the validation rule can change" -- $WAYMARK network set --db s.db --validators 1 --groups 1
has out "standards period: 3 months; validated with 1 validators from 1 groups" "... and says what it set"
$WAYMARK init --db m.db >/dev/null
run 0 "a new network chooses monthly periods" -- $WAYMARK network set --db m.db --period-months 1
same "$($WAYMARK network show --db m.db)" "$(printf 'standards period: 1 months; validated with 2 validators from 2 groups\ndisclosure for commissioners: mhsds\nservices anyone can contact day or night (the default):\nNHS 111, call 111 and choose the mental health option, any time\nSamaritans, call 116 123 free, any time')" "... and keeps the default rule"
code -b l.jar "$(U /api/v1/services/svc/standards)" >/dev/null
code -b la.jar "$(U /api/v1/services/svc/standards)" >/dev/null
same "$(json "[s['validated'] for s in d['standards']][:2]")" "[True, True]" "with one validator from one group enough, the standards count as validated"

# Two forms opened on version 3 (two tabs, or two leads): the first
# submitted becomes version 4; the second, made on version 3, would
# silently undo it, so it is refused and stores nothing.
code -b l.jar "$(U "$B/edit")" >/dev/null
same "$(built_on)" "3" "a form opened in one tab is made on version 3"
code -b l.jar "$(U "$B/edit")" >/dev/null
same "$(built_on)" "3" "... and one opened in another tab too"
same "$(code -b l.jar "${ALL[@]}" -d "built_on=3" -d "standard-2-rating=red" -d "standard-2-action=Fix it" -d "standard-2-action-owner=Team lead" -d "standard-2-action-due-day=1" -d "standard-2-action-due-month=4" -d "standard-2-action-due-year=2027" -d "reason=Tab A" "$(U "$B/edit")")" "303" "the first tab's amendment is version 4"
before=$(counts s.db)
same "$(code -b l.jar "${ALL[@]}" -d "built_on=3" -d "reason=Tab B" "$(U "$B/edit")")" "409" "the second tab's, made on version 3, is refused"
has body "changed meanwhile" "... saying the self-assessment changed meanwhile"
same "$(counts s.db)" "$before" "... storing nothing"
same "$(q "SELECT reason FROM assessment_version ORDER BY version DESC LIMIT 1")" "Tab A" "... so the first tab's amendment stands"

# An invitation lapses with the validator's role at the service: once it
# is taken away, what they were invited to is not found.
same "$(code -b vb.jar "$(U "/api/v1/validations/$AID")")" "200" "an invited validator reads their invitation"
q "DELETE FROM role_grant WHERE role = 'validator' AND account_id = $(id_of vb)"
same "$(code -b vb.jar "$(U "/api/v1/validations/$AID")")" "404" "... and, their role taken away, no longer"

# Validation and its queries mostly come after a period ends: once the
# next period begins (here, the assessment moved back to an earlier
# period), the lead's home still shows the last one submitted, its
# validators and what awaits them, beside this period's.
q "UPDATE assessment SET period = '2026-01-01', period_end = '2026-03-31' WHERE id = $AID"
code -b l.jar "$(U /)" >/dev/null
has body "Test Service</a>: self-assessment not yet submitted. January to March 2026: self-assessment submitted; " \
    "the lead's home shows this period's, and the last one submitted, by its period"
grep -q "January to March 2026: self-assessment submitted; [0-9]* validators\? invited, [0-9]* ha[sv]e\? rated" body && pass "... with its validators invited and rated" || fail "... the last period submitted has no validators' count"
