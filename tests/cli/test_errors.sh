# No error dropped: when the database fails in the middle of a request,
# the answer is a plain error page (or JSON error), never wrong content
# such as an empty list or "not yet due", and the server logs it once:
# the request's number, its method and route pattern, and the store's
# message, never a name or an identifier.
. "$(dirname "$0")/lib.sh"

$WAYMARK demo --db e.db --people 40 >demo.txt || fail "the demo was not built"
signin() { grep "^sign-in: $1 " demo.txt | cut -d' ' -f3-4; }
start e.db || fail "the server did not start: $(cat server.log)"
for role in person practitioner lead validator; do
	set -- $(signin $role)
	web_login $role.jar "$1" "$2"
done
SVC=$(sqlite3 e.db "SELECT u.code FROM role_grant g JOIN unit u ON u.id = g.unit_id JOIN account a ON a.id = g.account_id WHERE a.email = '$(signin lead | cut -d' ' -f1)' AND g.role = 'lead' LIMIT 1")
MINE=$(sqlite3 e.db "SELECT p.ident FROM person p JOIN caseload c ON c.person_id = p.id AND c.end_date IS NULL JOIN unit u ON u.id = c.unit_id WHERE u.code = '$SVC' ORDER BY p.ident LIMIT 1")
NAME=$(sqlite3 e.db "SELECT name FROM person WHERE ident = '$MINE'")
PNAME=$(sqlite3 e.db "SELECT p.name FROM person p JOIN account a ON a.person_id = p.id WHERE a.email = '$(signin person | cut -d' ' -f1)'")
same "$(code -b person.jar "$(U /goals)")" "200" "the person's goals, before anything breaks"

# broken ROLE PATH TABLE PATTERN DESCRIPTION: with TABLE renamed away, the
# page fails plainly and is logged once under its route pattern.
broken() {
	local role=$1 path=$2 table=$3 pattern=$4 what=$5 n
	sqlite3 e.db "ALTER TABLE $table RENAME TO ${table}_away"
	n=$(grep -c "failed: " server.log)
	same "$(code -b $role.jar "$(U "$path")")" "500" "$what fails plainly when the database does"
	case $path in
	/api/*) has body '"status": 500' "... as a JSON error" ;;
	*) has body "nothing was shown or changed" "... with a plain error page" ;;
	esac
	hasnt body "$NAME" "... showing no one's name"
	sqlite3 e.db "ALTER TABLE ${table}_away RENAME TO $table"
	# The log line is written before the answer is sent.
	same "$(grep -c "failed: " server.log)" "$((n + 1))" "... logged once"
	grep "failed: " server.log | tail -1 | grep -qE "^waymark: request [0-9]+ ${pattern%% *} ${pattern#* } failed: .+" && pass "... with the request's number and route: $pattern" || fail "no log line for $pattern: $(grep 'failed: ' server.log | tail -1)"
}

broken person /goals goal "GET /goals" "a person's goals"
broken person / cycle "GET /" "a person's home (what is due)"
broken person /journey response_choices "GET /journey" "a person's journey"
broken person /my-record/record.json goal_review "GET /my-record/record.json" "a person's record download"
broken person /my-record/answers.csv answer "GET /my-record/answers.csv" "a person's answers download"
broken person /my-record/views audit "GET /my-record/views" "who has looked at a person's record"
broken person /api/v1/goals goal "GET /api/v1/goals" "the API's goals"
broken person /measures response "GET /measures" "a person's measures (which they have started)"
broken lead "/api/v1/services/$SVC/standards" assessment "GET /api/v1/services/{code}/standards" "the API's standards"
broken practitioner "/people/$MINE/journey" response_choices "GET /people/{person}/journey" "a practitioner's view of a journey"
broken practitioner "/people/$MINE/goals" goal "GET /people/{person}/goals" "a practitioner's view of goals"
broken practitioner /caseload cycle "GET /caseload" "the caseload"
broken lead "/services/$SVC/standards" assessment_version "GET /services/{code}/standards" "a lead's standards"
broken lead "/services/$SVC/cycles" cycle "GET /services/{code}/cycles" "a lead's cycles"
broken lead "/services/$SVC/training" training "GET /services/{code}/training" "a lead's training"
broken lead "/services/$SVC/dashboard" caseload "GET /services/{code}/dashboard" "a lead's dashboard"
broken validator /validations invitation "GET /validations" "a validator's invitations"
# The network's settings are never silently replaced by the defaults.
broken lead "/services/$SVC/standards" setting "GET /services/{code}/standards" "a lead's standards when the network's settings cannot be read"
broken lead "/services/$SVC/dashboard" setting "GET /services/{code}/dashboard" "a lead's dashboard when the network's settings cannot be read"
$WAYMARK network set --db e.db --validators 3 --groups 3 >/dev/null
sqlite3 e.db "ALTER TABLE setting RENAME TO setting_away"
run 1 "network set fails when it cannot read the settings it keeps" -- $WAYMARK network set --db e.db --validators 4
run 1 "... and so does network show" -- $WAYMARK network show --db e.db
sqlite3 e.db "ALTER TABLE setting_away RENAME TO setting"
same "$($WAYMARK network show --db e.db)" "$(printf 'standards period: 3 months; validated with 3 validators from 3 groups\ndisclosure for commissioners: mhsds\nservices anyone can contact day or night (the default):\nNHS 111, call 111 and choose the mental health option, any time\nSamaritans, call 116 123 free, any time')" "... which wrote no default over them"
# A session that cannot be read is an error, never "signed out".
broken person /goals session "GET /goals" "any page when sessions cannot be read"
hasnt headers "Location: /sign-in" "... and the person is not sent to sign in again"

# Once the database works again, so does every page.
same "$(code -b person.jar "$(U /goals)")" "200" "the goals again"
same "$(code -b lead.jar "$(U "/services/$SVC/standards")")" "200" "the standards again"
grep "failed: " server.log >failures.log
hasnt server.log "$NAME" "the log never names the person viewed"
hasnt server.log "$PNAME" "... nor the person signed in"
hasnt failures.log "$MINE" "... and a failure's line never gives their identifier"
