# People's own plans over real HTTP (issue 12): a person starts a safety
# plan, saves it part-way and finishes it, a version kept for good; they
# invite a supporter, who sets a password with the one-time code; they
# share the plan with the supporter, with their care team and with no one
# else; every reader who is not the owner is logged before the plan is
# shown, and the person sees who; stopping a share works at once, for a
# reader with the page open too; crisis access works only when the person
# turns it on, only for a practitioner of their service, only with a
# reason, and the person is told on their home page. Leads, validators,
# commissioners, administrators and other people never read a plan.
. "$(dirname "$0")/lib.sh"

small_network p.db || fail "the network was not built"
$WAYMARK instrument load --db p.db "$ROOT"/instruments/plans/*.json >/dev/null ||
    fail "the plan templates were not loaded"
$WAYMARK unit add --db p.db --kind service --code other --name "Other Service" --parent prov >/dev/null
printf 'correct horse battery\n' >pw
$WAYMARK account add --db p.db --email sam@example.org --name "Sam Testperson" --person P1 --grant person@svc --password-file pw >/dev/null
$WAYMARK person add --db p.db --id P2 --name "Pat Other" --unit svc --since 2025-01-01 >/dev/null
$WAYMARK account add --db p.db --email pat@example.org --name "Pat Other" --person P2 --grant person@svc --password-file pw >/dev/null
$WAYMARK account add --db p.db --email jo@example.org --name "Jo Practises" --grant practitioner@svc --password-file pw >/dev/null
$WAYMARK account add --db p.db --email kim@example.org --name "Kim Elsewhere" --grant practitioner@other --password-file pw >/dev/null
$WAYMARK account add --db p.db --email lee@example.org --name "Lee Lead" --grant lead@svc --password-file pw >/dev/null
$WAYMARK account add --db p.db --email val@example.org --name "Val Idator" --grant validator@svc/lived-experience --password-file pw >/dev/null
$WAYMARK account add --db p.db --email com@example.org --name "Cam Commissioner" --grant commissioner@net --password-file pw >/dev/null
$WAYMARK account add --db p.db --email adm@example.org --name "Ada Admin" --grant admin@net --password-file pw >/dev/null
q() { sqlite3 p.db "$1"; }

start p.db || fail "the server did not start: $(cat server.log)"
web_login sam.jar sam@example.org "correct horse battery"
SCS=$WCS
for who in pat jo kim lee val com adm; do
	web_login $who.jar $who@example.org "correct horse battery"
	eval "${who}_csrf=\$WCS"
done
WCS=$SCS	# `post` is the person's
as() { # NAME PATH: a GET as that account
	code -b "$1.jar" "$(U "$2")"
}

# ---------------------------------------------------------------- the list
same "$(as sam /plans)" "200" "a person has a page of their plans"
for t in "My recovery action plan" "My joint crisis plan" "My safety plan" "My advance statement"; do
	has body "$t" "... offering $t"
done
has body 'href="/plans/views"' "... leading to who has seen them"
has body 'href="/supporters"' "... and to their supporters"
same "$(as jo /plans)" "404" "a practitioner has no plans page of their own"

# ---------------------------------------------------------------- writing
same "$(code -b sam.jar --data-urlencode "csrf=$SCS" -d plan=safety-plan "$(U /plans)")" "303" "a person starts their safety plan"
E=$(location)
PLAN=$(echo "$E" | cut -d/ -f3)
same "$E" "/plans/$PLAN/edit" "... and goes to write it"
same "$(code -b sam.jar --data-urlencode "csrf=$SCS" -d plan=safety-plan "$(U /plans)")" "303" "starting it again ..."
same "$(location)" "/plans/$PLAN/edit" "... goes to the same plan, never a second"
same "$(code -b sam.jar -d plan=safety-plan "$(U /plans)")" "403" "starting a plan without the form's token is refused"
same "$(code -b sam.jar --data-urlencode "csrf=$SCS" -d plan=no-such-plan "$(U /plans)")" "400" "a plan that is not loaded cannot be started"
same "$(q "SELECT count(*) FROM plan")" "1" "... and makes nothing"

same "$(as sam "$E")" "200" "the form opens"
same "$(grep -c 'name="help-people"' body)" "3" "... a list shows empty lines to fill in"
has body "Services anyone can contact" "... and says where the network's contacts will be"
has body "Where these questions come from" "... and where its questions come from"
hasnt body "patient" "... never saying patient"

same "$(post sam.jar "$E" save=later "help-people=Sam Sister, 07700 900123" "help-people=" "help-people=My GP")" "303" "saving part-way"
same "$(location)" "$E?saved=draft" "... comes back to the form"
same "$(as sam "$E?saved=draft")" "200" "... which"
same "$(grep -c 'name="help-people"' body)" "5" "... shows the two lines written and three more empty"
has body 'value="Sam Sister, 07700 900123"' "... filled in as written"
same "$(q "SELECT count(*), max(n) FROM plan_version WHERE plan_id = $PLAN")" "1|0" "... kept as the draft alone"

same "$(post sam.jar "$E" save=done)" "400" "finishing a plan with nothing written is refused"
has body "Write something in the plan before you save it" "... saying why"
LONG=$(head -c 501 /dev/zero | tr '\0' x)
same "$(post sam.jar "$E" save=done "help-people=$LONG")" "400" "a line of more than 500 characters is refused"
same "$(post sam.jar "$E" save=done "made-date-day=31" "made-date-month=2" "made-date-year=2026" "reasons-list=My dog")" "400" "a date that is not real is refused"
has body "enter a real date" "... at its field"
same "$(q "SELECT count(*) FROM plan_version WHERE plan_id = $PLAN AND n > 0")" "0" "... and nothing is finished"

same "$(post sam.jar "$E" save=done "help-people=Sam Sister, 07700 900123" "help-people=My GP" "reasons-list=My dog" "safer-how=Keep my tablets <b>with</b> Sam" "made-date-day=1" "made-date-month=12" "made-date-year=2026")" "303" "finishing it"
same "$(location)" "/plans/$PLAN?saved=1" "... shows version 1"
same "$(q "SELECT group_concat(n) FROM plan_version WHERE plan_id = $PLAN")" "1" "... kept in place of the draft"
same "$(as sam "/plans/$PLAN?saved=1")" "200" "the person reads their plan"
has body "Version 1, finished on" "... with its version"
has body "<li>Sam Sister, 07700 900123</li>" "... a list as a list"
has body "Keep my tablets &lt;b&gt;with&lt;/b&gt; Sam" "... the words escaped"
has body "Samaritans, call 116 123" "... and the network's crisis contacts"
has body "1 December 2026" "... dates in words"
same "$(q "SELECT json_extract(content, '\$.resourceType') || ' ' || json_extract(content, '\$.questionnaire') FROM plan_version WHERE plan_id = $PLAN AND n = 1")" \
    "QuestionnaireResponse https://waymark.example/fhir/Questionnaire/safety-plan|1.0.0" "... kept as a FHIR QuestionnaireResponse"
same "$(q "SELECT count(*) FROM plan_view")" "0" "the owner's own reads are not listed as views"

same "$(post sam.jar "$E" save=done "help-people=My GP" "reasons-list=My dog and my garden")" "303" "changing it makes version 2"
same "$(q "SELECT group_concat(n) FROM plan_version WHERE plan_id = $PLAN")" "1,2" "... version 1 kept"
same "$(as sam "/plans/$PLAN/versions")" "200" "every version is listed"
has body "/plans/$PLAN/versions/1" "... linking version 1"
same "$(as sam "/plans/$PLAN/versions/1")" "200" "version 1 is shown as it was"
has body "Sam Sister" "... with what it said"
has body "earlier version, kept as it was" "... saying it is an earlier version"
same "$(as sam "/plans/$PLAN/versions/9")" "404" "a version that does not exist is not found"
same "$(q "UPDATE plan_version SET content = 'x' WHERE plan_id = $PLAN AND n = 1" 2>&1 | grep -c 'kept as it was')" "1" \
    "a finished version cannot be changed, even by hand"

# The wallet card, and the record download.
same "$(as sam "/plans/$PLAN/card")" "200" "the safety plan has a card for the person's wallet"
has body "wm-plan-card" "... drawn as a card"
has body "<li>My GP</li>" "... with the people they can ask"
has body "Samaritans, call 116 123" "... and the services anyone can contact"
hasnt body "My dog" "... and nothing else of the plan"
same "$(as pat "/plans/$PLAN/card")" "404" "no one else has their card"
same "$(as sam /my-record/record.json)" "200" "the person's record download"
same "$(python3 -c 'import json,sys; r=json.load(open("body")); p=r["plans"][0]; print(p["plan"], [v["version"] for v in p["versions"]], p["versions"][0]["fhir"]["resourceType"])')" \
    "safety-plan [2, 1] QuestionnaireResponse" "... holds the plan, every version, as FHIR"

# ---------------------------------------------------------------- no one else
for who in pat jo kim lee val com adm; do
	same "$(as $who "/plans/$PLAN")" "404" "unshared, $who cannot read it"
	same "$(as $who "/plans/$PLAN/sharing")" "404" "... nor see who can"
	same "$(as $who "/plans/$PLAN/versions/1")" "404" "... nor an earlier version"
done
same "$(code -b pat.jar --data-urlencode "csrf=$pat_csrf" -d save=done -d reasons-list=mine "$(U "$E")")" "404" "another person cannot write in it"
same "$(q "SELECT count(*) FROM plan_view")" "0" "... and none of them is logged as having seen it"

# ---------------------------------------------------------------- supporters
same "$(as sam /supporters)" "200" "a person has a page of their supporters"
same "$(post sam.jar /supporters name="Rob Brother" email="not an email" relationship="my brother")" "400" "an email address that is not one is refused"
has body 'href="#email"' "... at its field"
same "$(post sam.jar /supporters name="Rob Brother" email=jo@example.org relationship="my brother")" "400" "an address that cannot be used is refused"
hasnt body "already exists" "... without saying whether it has an account"
same "$(post sam.jar /supporters name="Rob Brother" email=rob@example.org relationship="my brother")" "200" "a person invites a supporter"
code=$(grep -o '<p class="nhsuk-heading-l" id="setup-code">[^<]*' body | sed 's/.*>//')
case "$code" in
????-????-????-????) pass "... and is shown their one-time setup code" ;;
*) fail "no setup code shown: '$code'" ;;
esac
ROB=$(q "SELECT id FROM account WHERE email = 'rob@example.org'")
same "$(q "SELECT count(*) FROM role_grant WHERE account_id = $ROB")" "0" "... the supporter's account holds no role"
same "$(q "SELECT expires - created FROM setup_code WHERE account_id = $ROB")" "604800" "... and its code works for 7 days"
same "$(as sam /supporters)" "200" "the supporter is listed"
has body "Rob Brother (my brother)" "... by name and who they are to the person"
has body "not used their setup code yet" "... waiting for them to set up"
curl -s -c rob.jar -b rob.jar -o setup.html "$(U /setup)"
same "$(code -c rob.jar -b rob.jar --data-urlencode "csrf=$(csrf setup.html)" --data-urlencode email=rob@example.org --data-urlencode "code=$code" \
    --data-urlencode "password=river stone gentle" --data-urlencode "again=river stone gentle" "$(U /setup)")" "303" "the supporter chooses a password with the code"
# Choosing the password signs them in.
same "$(as rob /)" "200" "the supporter signs in"
has body "No one is sharing a plan with you now" "... and sees nothing shared yet"
for p in /plans /journey /goals /measures /caseload /my-record "/plans/$PLAN" /people/P1/journey /supporters; do
	same "$(as rob "$p")" "404" "a supporter cannot open $p"
done

# ---------------------------------------------------------------- sharing
same "$(as sam "/plans/$PLAN/sharing")" "200" "the person sees who can see their plan"
has body "It is yours alone" "... no one, yet"
has body 'value="account:'"$ROB"'"' "... offering their supporter"
has body 'value="team:' "... their service's care team"
JO=$(q "SELECT id FROM account WHERE email = 'jo@example.org'")
KIM=$(q "SELECT id FROM account WHERE email = 'kim@example.org'")
has body 'value="account:'"$JO"'"' "... and their service's practitioners"
LEE=$(q "SELECT id FROM account WHERE email = 'lee@example.org'")
hasnt body 'value="account:'"$LEE"'"' "... but not its lead"
same "$(post sam.jar "/plans/$PLAN/shares" "with=account:$LEE")" "400" "sharing with a lead by name is refused"
hasnt body 'value="account:'"$KIM"'"' "... but no one from a service they do not use"
same "$(post sam.jar "/plans/$PLAN/shares" "with=account:$KIM")" "400" "sharing with someone not offered is refused"
has body "Choose who to share it with" "... at its field"
same "$(post sam.jar "/plans/$PLAN/shares" "with=account:$ROB" until-day=1 until-month=1 until-year=2020)" "400" "sharing until a day past is refused"
has body "today or later" "... saying why"
same "$(q "SELECT count(*) FROM plan_share")" "0" "... and nothing is shared"
same "$(post sam.jar "/plans/$PLAN/shares" "with=account:$ROB")" "303" "the person shares their safety plan with their supporter"
same "$(location)" "/plans/$PLAN/sharing?shared=1" "... and is shown it"
ROBSHARE=$(q "SELECT id FROM plan_share WHERE account_id = $ROB")

same "$(as rob /)" "200" "the supporter's home"
has body "href=\"/plans/$PLAN\">Sam Testperson: My safety plan" "... lists the plan shared with them"
same "$(as rob "/plans/$PLAN")" "200" "the supporter reads the plan"
has body "My GP" "... its latest version"
has body "Shared with you by" "... saying it was shared with them"
hasnt body 'href="/plans/'"$PLAN"'/edit"' "... with no way to change it"
same "$(q "SELECT how || ' ' || n FROM plan_view WHERE account_id = $ROB")" "shared 2" "... logged, with the version seen, before it was shown"
same "$(q "SELECT count(*) FROM audit WHERE action = 'viewed a plan' AND actor_account_id = $ROB AND subject_id = (SELECT id FROM person WHERE ident = 'P1')")" "1" \
    "... and in the audit log, against the person"
hasnt_log() { ! grep -q "My GP" server.log && ! q "SELECT detail FROM audit" | grep -q "My GP"; }
hasnt_log && pass "no plan content in the server's log or the audit log" || fail "plan content in a log"
same "$(as rob "/plans/$PLAN/edit")" "404" "the supporter cannot write in it"
same "$(as rob "/plans/$PLAN/sharing")" "404" "... nor share it"
same "$(as rob "/plans/$PLAN/versions/1")" "404" "... nor read its earlier versions"
same "$(as jo "/plans/$PLAN")" "404" "a share with the supporter lets no practitioner read it"

# The care team.
SVC=$(q "SELECT id FROM unit WHERE code = 'svc'")
same "$(post sam.jar "/plans/$PLAN/shares" "with=team:$SVC")" "303" "the person shares it with their care team"
same "$(as jo "/plans/$PLAN")" "200" "a practitioner of the service reads it"
same "$(as lee "/plans/$PLAN")" "404" "... but not its lead: leads read no plan by their role"
same "$(q "SELECT how FROM plan_view WHERE account_id = $JO")" "team" "... logged as read through the team"
same "$(as kim "/plans/$PLAN")" "404" "a practitioner of another service cannot"
for who in val com adm pat; do
	same "$(as $who "/plans/$PLAN")" "404" "$who still cannot read it"
done
same "$(as jo /people/P1/plans)" "200" "the care team sees which plans the person has"
has body "My safety plan" "... by name"
has body "Shared with your team" "... and which are shared with them"
hasnt body "My GP" "... never what a plan says"

# Who has seen it.
same "$(as sam /plans/views)" "200" "the person sees who has seen their plans"
has body "Rob Brother (your supporter)" "... their supporter"
has body "Jo Practises (Practitioner, Test Service)" "... a practitioner, with their role and service"

# Stopping, with the page open.
same "$(as rob "/plans/$PLAN")" "200" "the supporter has the plan open"
same "$(post sam.jar "/plans/$PLAN/shares/$ROBSHARE/stop")" "303" "the person stops sharing with them"
same "$(location)" "/plans/$PLAN/sharing?stopped=1" "... and is told"
same "$(as rob "/plans/$PLAN")" "404" "the supporter's next request is not found"
same "$(as rob /)" "200" "... and their home"
hasnt body "My safety plan" "... lists it no more"
same "$(post sam.jar "/plans/$PLAN/shares/$ROBSHARE/stop")" "303" "stopping it twice is what was asked"
same "$(as sam "/plans/$PLAN/sharing")" "200" "the sharing page"
has body "you stopped it on" "... keeps the share that ended"

# A share that has run out.
q "UPDATE plan_share SET until = '2020-01-01' WHERE unit_id = $SVC"
same "$(as jo "/plans/$PLAN")" "404" "a share past its last day lets no one in"
q "UPDATE plan_share SET until = NULL WHERE unit_id = $SVC"

# A person who leaves the service takes their plan from its team.
q "UPDATE caseload SET end_date = '2026-01-01' WHERE person_id = (SELECT id FROM person WHERE ident = 'P1')"
same "$(as jo "/plans/$PLAN")" "404" "when the person leaves the service, its team reads the plan no more"
q "UPDATE caseload SET end_date = NULL WHERE person_id = (SELECT id FROM person WHERE ident = 'P1')"
same "$(as jo "/plans/$PLAN")" "200" "... and again when they are back"

# ---------------------------------------------------------------- a crisis
same "$(post sam.jar "/plans/$PLAN/shares/$(q "SELECT id FROM plan_share WHERE unit_id = $SVC")/stop")" "303" "the team's share is stopped"
same "$(as jo "/plans/$PLAN/crisis")" "404" "with crisis access off, no practitioner can open it in a crisis"
same "$(as jo /people/P1/plans)" "200" "... and the person's plans page"
hasnt body "/plans/$PLAN/crisis" "... offers no way to"
same "$(as sam "/plans/$PLAN/sharing")" "200" "the sharing page"
has body "Turn crisis access on" "... offers crisis access for a safety plan"
same "$(post sam.jar "/plans/$PLAN/crisis-access" crisis=on)" "303" "the person turns crisis access on"
same "$(as jo /people/P1/plans)" "200" "the person's plans page"
has body "/plans/$PLAN/crisis" "... now offers to open it in a crisis"
same "$(as jo "/plans/$PLAN")" "404" "... which is never a plain read"
same "$(as jo "/plans/$PLAN/crisis")" "200" "a practitioner of the service is asked why"
same "$(code -b jo.jar --data-urlencode "csrf=$jo_csrf" --data-urlencode "reason=now" "$(U "/plans/$PLAN/crisis-open")")" "400" "a reason too short is refused"
same "$(q "SELECT count(*) FROM plan_view WHERE how = 'crisis'")" "0" "... and nothing is shown or logged"
for who in lee kim val com adm rob pat; do
	same "$(as $who "/plans/$PLAN/crisis")" "404" "$who cannot open it in a crisis"
done
same "$(code -b jo.jar --data-urlencode "csrf=$jo_csrf" --data-urlencode "reason=Sam rang the team in distress and asked us to use the plan" "$(U "/plans/$PLAN/crisis-open")")" "200" \
    "a practitioner opens it in a crisis with a reason"
has body "My GP" "... and reads it"
has body "Opened in a crisis" "... told the person will know"
same "$(q "SELECT how || '|' || reason FROM plan_view WHERE how = 'crisis'")" "crisis|Sam rang the team in distress and asked us to use the plan" "... logged with the reason"
same "$(as sam /)" "200" "the person's home page"
has body "was opened by Jo Practises (Practitioner, Test Service)" "... tells them who opened it"
has body "because: Sam rang the team in distress" "... and why"
same "$(as sam /)" "200" "the next time"
hasnt body "was opened by" "... it is not said again"
same "$(as sam /plans/views)" "200" "but who has seen my plans"
has body "Opened in a crisis, because: Sam rang the team" "... keeps it"
same "$(post sam.jar "/plans/$PLAN/crisis-access" crisis=off)" "303" "the person turns crisis access off"
same "$(as jo "/plans/$PLAN/crisis")" "404" "... and no one can open it in a crisis"

# A plan whose template has no crisis access.
same "$(code -b sam.jar --data-urlencode "csrf=$SCS" -d plan=advance-statement "$(U /plans)")" "303" "an advance statement is started"
ADV=$(location | cut -d/ -f3)
same "$(post sam.jar "/plans/$ADV/crisis-access" crisis=on)" "400" "crisis access cannot be turned on for it"
same "$(as sam "/plans/$ADV/sharing")" "200" "its sharing page"
hasnt body "crisis access" "... does not offer it"

# ---------------------------------------------------------------- together
same "$(post sam.jar "/plans/$PLAN/shares" "with=team:$SVC")" "303" "the person shares their safety plan with their care team again"
same "$(post sam.jar "$E" save=later "reasons-list=A draft of my own")" "303" "the person saves a change part-way, of their own"
same "$(as jo /people/P1/plans)" "200" "the practitioner looks at the person's plans"
has body "/plans/$PLAN/together" "... and may change the shared one together"
has body "/plans/$PLAN/suggest" "... or suggest a change"
has body "Make it together" "... and start one that is not started, together"
same "$(as kim "/plans/$PLAN/together")" "404" "a practitioner of another service cannot write it together"
same "$(as rob "/plans/$PLAN/together")" "404" "nor can a supporter"
VIEWS=$(q "SELECT count(*) FROM plan_view WHERE account_id = $JO")
same "$(as jo "/plans/$PLAN/together")" "200" "the practitioner opens the plan to write it together"
has body 'value="My GP"' "... filled in with the latest version"
hasnt body "A draft of my own" "... never with what the person saved part-way on their own"
same "$(q "SELECT count(*) FROM plan_view WHERE account_id = $JO")" "$((VIEWS + 1))" "... and the read is logged"
N=$(q "SELECT max(n) FROM plan_version WHERE plan_id = $PLAN")
same "$(code -b jo.jar --data-urlencode "csrf=$jo_csrf" --data-urlencode "help-people=My GP" --data-urlencode "reasons-list=Pip" -d agreed-day=40 -d agreed-month=1 -d agreed-year=2026 "$(U "/plans/$PLAN/together")")" "400" \
    "a day agreed that is not a day is refused"
same "$(code -b jo.jar --data-urlencode "csrf=$jo_csrf" --data-urlencode "help-people=My GP" --data-urlencode "help-people=The crisis team, 01632 960111" --data-urlencode "reasons-list=Pip" -d agreed-day=2 -d agreed-month=12 -d agreed-year=2026 "$(U "/plans/$PLAN/together")")" "303" \
    "they finish a version together"
same "$(q "SELECT max(n) FROM plan_version WHERE plan_id = $PLAN")" "$N" "... which changes nothing until the person agrees it"
TG=$(q "SELECT id FROM plan_suggestion WHERE plan_id = $PLAN AND together = 1")
same "$(as sam /)" "200" "the person's home"
has body "a change is waiting for you to agree or decline" "... says a change is waiting for them"
same "$(as sam "/plans/$PLAN/suggestions/$TG")" "200" "the person looks at the version made with them"
has body "wrote this version of My safety plan with you" "... which says who made it with them"
same "$(grep -o 'value="[a-z]*"' body | grep -c 'decline\|accept')" "2" "... with agree and decline"
[ "$(grep -o 'name="decision" value="[a-z]*"' body | head -1)" = 'name="decision" value="decline"' ] &&
    pass "... decline first, so that Enter never changes the plan" || fail "the first button of a decision is not decline"
same "$(post sam.jar "/plans/$PLAN/suggestions/$TG" decision=accept)" "303" "the person agrees it"
same "$(q "SELECT n - $N, respondent, author_account_id = $JO, agreed FROM plan_version WHERE plan_id = $PLAN ORDER BY n DESC LIMIT 1")" "1|person-with-practitioner|1|2026-12-02" \
    "... kept as the person's, made together with the practitioner, agreed on the day"
same "$(q "SELECT count(*) FROM plan_version WHERE plan_id = $PLAN AND n = 0 AND content LIKE '%A draft of my own%'")" "1" "... leaving the person's own draft as it was"
same "$(as sam "/plans/$PLAN")" "200" "the person reads it"
has body "made together with Jo Practises, agreed on 2 December 2026" "... made together, with whom and when"

# Suggestions.
same "$(as kim "/plans/$PLAN/suggest")" "404" "a practitioner of another service cannot suggest a change"
same "$(as jo "/plans/$PLAN/suggest")" "200" "the practitioner suggests a change"
same "$(code -b jo.jar --data-urlencode "csrf=$jo_csrf" --data-urlencode "help-people=My GP" --data-urlencode "reasons-list=Pip" --data-urlencode "reasons-list=Swimming on Sundays" --data-urlencode "note=You told me swimming helps" "$(U "/plans/$PLAN/suggest")")" "303" \
    "... with a note"
SG=$(q "SELECT id FROM plan_suggestion WHERE plan_id = $PLAN ORDER BY id DESC LIMIT 1")
M=$(q "SELECT max(n) FROM plan_version WHERE plan_id = $PLAN")
same "$(q "SELECT count(*) FROM plan_version WHERE plan_id = $PLAN AND n > 0")" "$M" "... which changes nothing of the plan"
same "$(as sam "/plans/$PLAN")" "200" "the person's plan"
has body "/plans/$PLAN/suggestions/$SG" "... shows the suggestion to decide on"
same "$(as sam "/plans/$PLAN/suggestions/$SG")" "200" "the person looks at it"
has body "You told me swimming helps" "... with why"
has body "<li>What matters to me and keeps me going</li>" "... and what it would change"
same "$(as jo "/plans/$PLAN/suggestions/$SG")" "404" "only the person decides"
same "$(code -b jo.jar --data-urlencode "csrf=$jo_csrf" -d decision=accept "$(U "/plans/$PLAN/suggestions/$SG")")" "404" "... the practitioner cannot accept it"
same "$(post sam.jar "/plans/$PLAN/suggestions/$SG" decision=accept)" "303" "the person accepts it"
same "$(q "SELECT n, respondent FROM plan_version WHERE plan_id = $PLAN ORDER BY n DESC LIMIT 1")" "$((M + 1))|person" "... and it is their next version, as theirs"
same "$(q "SELECT count(*) FROM plan_version WHERE plan_id = $PLAN AND n = $((M + 1)) AND content LIKE '%Swimming on Sundays%'")" "1" "... with the change"
same "$(q "SELECT count(*) FROM plan_version WHERE plan_id = $PLAN AND n = 0")" "1" "... their own draft still kept"
same "$(post sam.jar "/plans/$PLAN/suggestions/$SG" decision=decline)" "404" "a suggestion is decided once"
same "$(code -b jo.jar --data-urlencode "csrf=$jo_csrf" --data-urlencode "reasons-list=Nothing" "$(U "/plans/$PLAN/suggest")")" "303" "another suggestion"
SG2=$(q "SELECT id FROM plan_suggestion WHERE plan_id = $PLAN ORDER BY id DESC LIMIT 1")
same "$(post sam.jar "/plans/$PLAN/suggestions/$SG2" decision=decline)" "303" "the person declines it"
same "$(q "SELECT max(n) FROM plan_version WHERE plan_id = $PLAN")" "$((M + 1))" "... and their plan is as it was"
same "$(q "SELECT accepted FROM plan_suggestion WHERE id = $SG2")" "0" "... the suggestion kept as declined"

# Made together from the start, then not shared.
same "$(code -b jo.jar --data-urlencode "csrf=$jo_csrf" -d plan=joint-crisis-plan "$(U /people/P1/plans)")" "303" "a practitioner starts a joint crisis plan with the person"
JCP=$(location | cut -d/ -f3)
same "$(location)" "/plans/$JCP/together" "... to write it together"
same "$(as jo "/plans/$JCP/together")" "200" "... an empty form"
same "$(code -b jo.jar --data-urlencode "csrf=$jo_csrf" --data-urlencode "helped=A quiet room" -d agreed-day=3 -d agreed-month=12 -d agreed-year=2026 "$(U "/plans/$JCP/together")")" "303" "... finished together"
JTG=$(q "SELECT id FROM plan_suggestion WHERE plan_id = $JCP")
same "$(post sam.jar "/plans/$JCP/suggestions/$JTG" decision=accept)" "303" "the person agrees it"
same "$(as jo "/plans/$JCP")" "404" "the practitioner cannot read it afterwards unless the person shares it"
same "$(as jo "/plans/$JCP/together")" "404" "... nor write in it again"
same "$(as sam "/plans/$JCP")" "200" "the person reads their joint crisis plan"
has body "A quiet room" "... as written together"
has body "made together with Jo Practises, agreed on 3 December 2026" "... made together"
same "$(code -b jo.jar --data-urlencode "csrf=$jo_csrf" -d plan=advance-statement "$(U /people/P1/plans)")" "400" "an advance statement is not made together: it is the person's"
same "$(code -b lee.jar --data-urlencode "csrf=$lee_csrf" -d plan=safety-plan "$(U /people/P1/plans)")" "404" "a lead cannot start a plan with the person"
same "$(q "SELECT count(*) FROM plan WHERE family = 'advance-statement'")" "1" "... and nothing is started by either"

# Sharing again replaces a share; stopping it stops it.
same "$(post sam.jar "/plans/$PLAN/shares" "with=account:$JO")" "303" "the person shares with the practitioner by name"
same "$(post sam.jar "/plans/$PLAN/shares" "with=account:$JO")" "303" "... twice (a second press)"
same "$(q "SELECT count(*) FROM plan_share WHERE plan_id = $PLAN AND account_id = $JO AND stopped IS NULL")" "1" "... which is one share going"
same "$(post sam.jar "/plans/$PLAN/shares/999999/stop")" "404" "stopping a share the plan never had is not found"
same "$(post sam.jar "/plans/$PLAN/shares/$(q "SELECT id FROM plan_share WHERE plan_id = $PLAN AND account_id = $JO AND stopped IS NULL")/stop")" "303" "stopping it"
same "$(q "SELECT count(*) FROM plan_share WHERE plan_id = $PLAN AND account_id = $JO AND stopped IS NULL")" "0" "... stops it"
same "$(as sam "/plans/$PLAN/sharing?stopped=1")" "200" "the sharing page"
has body "shows who can still see this plan" "... says who can still see it, never that no one can"

# The person's goals stay theirs.
same "$(code -b sam.jar --data-urlencode "csrf=$SCS" --data-urlencode "goal=Swim every week" "$(U /goals)")" "303" "the person sets a goal"
same "$(code -b sam.jar --data-urlencode "csrf=$SCS" -d plan=recovery-action-plan "$(U /plans)")" "303" "... starts their recovery action plan"
RAP=$(location | cut -d/ -f3)
same "$(post sam.jar "/plans/$RAP/edit" save=done "when-well-me=Busy and chatty")" "303" "... finishes it"
same "$(as sam "/plans/$RAP")" "200" "the person reads it"
has body "Swim every week" "... with their goals"
same "$(post sam.jar "/plans/$RAP/shares" "with=account:$ROB")" "303" "... and shares it with their supporter"
same "$(as rob "/plans/$RAP")" "200" "the supporter reads it"
has body "Busy and chatty" "... what it says"
hasnt body "Swim every week" "... but not the person's goals, which are theirs"
hasnt body "(P1)" "... nor their identifier: a supporter knows them by name"

# An administrator never gets into a supporter's account.
same "$(code -b adm.jar --data-urlencode "csrf=$adm_csrf" "$(U "/admin/accounts/$ROB/setup-code")")" "409" "the administrator asks for a supporter's setup code"
hasnt body 'id="setup-code"' "... and is given none"
has body "only the person who invited them" "... told why"
same "$(as adm "/admin/accounts/$ROB")" "200" "the supporter's account page"
hasnt body "/admin/accounts/$ROB/setup-code" "... offers the administrator no setup code"
has body "only the person who invited them can give them a new setup code" "... and says why"
run 1 "nor on the command line" -- $WAYMARK account setup-code --db p.db --email rob@example.org
same "$(post sam.jar "/supporters/$ROB/code")" "200" "the person gives their supporter a new code"
has body 'id="setup-code"' "... shown once"

# ---------------------------------------------------------------- the network's contacts
printf 'Devon crisis line, 0800 000 0000, any time\n\n  Samaritans, call 116 123 free, any time  \n' >contacts.txt
run 0 "the network sets its own services to contact day or night" -- $WAYMARK network set --db p.db --crisis-contacts contacts.txt
has out "Devon crisis line, 0800 000 0000, any time" "... and network show says so"
same "$(q "SELECT value FROM setting WHERE key = 'crisis-contacts'")" "Devon crisis line, 0800 000 0000, any time
Samaritans, call 116 123 free, any time" "... kept a line each, trimmed, empty lines left out"
same "$(as sam "/plans/$PLAN/card")" "200" "the person's card"
has body "Devon crisis line" "... shows the network's own list"
hasnt body "NHS 111" "... in place of the default"
printf '\n\n' >empty.txt
run 2 "an empty list is refused" -- $WAYMARK network set --db p.db --crisis-contacts empty.txt
has err "at least one service" "... saying why"
same "$(as adm /admin/settings)" "200" "the administrator's settings page"
has body 'name="crisis-contacts"' "... offers the list"
has body "Devon crisis line" "... as it is now"
ADMCS=$adm_csrf
same "$(code -b adm.jar --data-urlencode "csrf=$ADMCS" --data-urlencode "crisis-contacts=$(head -c 201 /dev/zero | tr '\0' x)" "$(U /admin/settings)")" "400" "a line too long is refused"
has body 'href="#crisis-contacts"' "... at its field"
same "$(code -b adm.jar --data-urlencode "csrf=$ADMCS" --data-urlencode "crisis-contacts=NHS 111, call 111, any time" "$(U /admin/settings)")" "303" "the administrator changes it"
same "$(q "SELECT value FROM setting WHERE key = 'crisis-contacts'")" "NHS 111, call 111, any time" "... kept"
same "$(q "SELECT count(*) FROM audit WHERE action LIKE 'network settings changed%' AND detail LIKE '%anyone can contact%'")" "2" "each change is audited"

# ---------------------------------------------------------------- ending a supporter
same "$(post sam.jar "/plans/$PLAN/shares" "with=account:$ROB")" "303" "shared with the supporter again"
same "$(as rob "/plans/$PLAN")" "200" "... who reads it"
same "$(post sam.jar "/supporters/$ROB/end")" "303" "the person ends their supporter"
same "$(as rob "/plans/$PLAN")" "404" "... who can read nothing of theirs from then"
same "$(q "SELECT count(*) FROM plan_share WHERE account_id = $ROB AND stopped IS NULL")" "0" "... every share with them stopped"
same "$(code -b pat.jar --data-urlencode "csrf=$pat_csrf" "$(U "/supporters/$ROB/end")")" "404" "another person cannot end someone's supporter"

# A care team shared many plans sees them 50 to a page.
for i in $(seq 1 60); do
	$WAYMARK person add --db p.db --id "M$i" --name "Many Person $i" --unit svc --since 2025-01-01 >/dev/null
done
q "INSERT INTO plan(person_id, family, created) SELECT id, 'safety-plan', '2026-12-01T09:00:00Z' FROM person WHERE ident LIKE 'M%';
   INSERT INTO plan_version(plan_id, n, instrument_id, content, respondent, saved)
     SELECT x.id, 1, v.instrument_id, v.content, 'person', x.created FROM plan x, plan_version v
     WHERE v.plan_id = $PLAN AND v.n = 1 AND x.person_id IN (SELECT id FROM person WHERE ident LIKE 'M%');
   INSERT INTO plan_share(plan_id, unit_id, created) SELECT x.id, $SVC, x.created FROM plan x
     WHERE x.person_id IN (SELECT id FROM person WHERE ident LIKE 'M%');"
TOTAL=$(q "SELECT count(*) FROM plan_share WHERE unit_id = $SVC AND stopped IS NULL")
same "$(as jo /plans/shared)" "200" "the practitioner's plans shared with them"
has body "Showing 1 to 50 of $TOTAL plans" "... 50 to a page, and how many in all"
same "$(grep -c 'href="/plans/[0-9]*">' body)" "50" "... listing 50"
same "$(as jo "/plans/shared?page=2")" "200" "the next page"
has body "Showing 51 to $TOTAL of $TOTAL plans" "... lists the rest"
same "$(as jo "/plans/shared?page=x")" "404" "a page that is not a number is not found"

same "$(as jo "/plans/shared?page=9")" "404" "a page past the last is not found"

# A supporter's account never becomes a staff account.
run 1 "a role for a supporter's account is refused" -- $WAYMARK account grant --db p.db --email rob@example.org --grant practitioner@svc
has err "supporter's account" "... saying why"

# A share by name lapses, and is listed as paused, when the person leaves.
same "$(post sam.jar "/plans/$PLAN/shares" "with=account:$JO")" "303" "the person shares their safety plan with the practitioner by name"
same "$(as jo "/plans/shared?page=2")" "200" "the practitioner's list (by name, after the many others)"
has body "href=\"/plans/$PLAN\"" "... has it"
q "UPDATE caseload SET end_date = '2026-01-01' WHERE person_id = (SELECT id FROM person WHERE ident = 'P1')"
same "$(as jo "/plans/shared?page=2")" "200" "when the person has left the service"
hasnt body "href=\"/plans/$PLAN\"" "... it is listed no more"
same "$(as jo "/plans/$PLAN")" "404" "... nor read"
same "$(as sam "/plans/$PLAN/sharing")" "200" "the person's sharing page"
has body "Paused: they cannot see it while you are not on that service" "... says the share is paused"
q "UPDATE caseload SET end_date = NULL WHERE person_id = (SELECT id FROM person WHERE ident = 'P1')"

# Every change to the person's plans is in the audit log, against them.
for action in "started a plan" "saved a plan part-way" "finished a version of a plan" "shared a plan" "stopped sharing a plan" \
    "turned crisis access on" "turned crisis access off" "made a plan together" "suggested a change to a plan" \
    "accepted a suggested change" "declined a suggested change" "started a plan together" "ended a supporter" "invited a supporter"; do
	same "$(q "SELECT count(*) > 0 FROM audit a JOIN person p ON p.id = a.subject_id WHERE a.subject_kind = 'person' AND p.ident = 'P1' AND a.action = '$action'")" "1" \
	    "the audit log has '$action' against the person"
done
hasnt_log && pass "still no plan content in any log" || fail "plan content in a log"

