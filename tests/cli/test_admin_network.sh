# Administration in the browser, part B: the network tree, people,
# instruments, settings and the audit log, for an administrator only,
# through the same checks and messages as the command line; every change
# audited and CSRF-protected, every change that cannot be undone asked
# first, hostile input refused naming its field with nothing changed.
. "$(dirname "$0")/lib.sh"

printf 'quiet harbour lantern\n' >pw
{
	small_network a.db &&
	$WAYMARK unit add --db a.db --kind service --code svc2 --name "Second Service" --parent prov &&
	$WAYMARK account add --db a.db --email admin@example.org --name "Ada Admin" --grant admin@net --password-file pw &&
	$WAYMARK account add --db a.db --email lead2@example.org --name "Lee Two" --grant lead@svc --password-file pw
} >/dev/null && pass "a network with an administrator" || fail "the network was not made"

# audited ACTION: how many entries the pages wrote (an account, an address).
audited() { sqlite3 a.db "SELECT count(*) FROM audit WHERE action = '${1//\'/\'\'}' AND actor_account_id IS NOT NULL AND address IS NOT NULL"; }
# records: the counts of every table that holds records but the audit log
# (a refused form shown again is a view, and is audited).
records() { local c; c=$(counts a.db); echo "${c%/*}"; }
# text: the body's words, without tags.
text() { sed 's/<[^>]*>//g' body; }

start a.db && pass "the server starts" || fail "the server did not start"
web_login ad.jar admin@example.org "quiet harbour lantern"
ADMIN_WCS=$WCS
web_login le.jar lead2@example.org "quiet harbour lantern"
LEAD_WCS=$WCS
WCS=$ADMIN_WCS

# --- the network tree ------------------------------------------------
same "$(code -b ad.jar "$(U /admin/network)")" "200" "the network tree, for an administrator"
has body '<a href="/admin/network/svc">Test Service</a>' "... names each service, linked to its own page"
has body 'href="/admin"' "... with a way back to administration"
has body "Back to administration" "... in words"
before=$(counts a.db)
same "$(post ad.jar /admin/network kind=service code=new-svc name="New <Service>" parent=prov)" "303" "adding a service"
same "$(location)" "/admin/network/new-svc" "... leads to its page"
same "$(sqlite3 a.db "SELECT name FROM unit WHERE code = 'new-svc'")" "New <Service>" "... which is saved"
same "$(audited 'unit added')" "1" "... and audited"
code -b ad.jar "$(U /admin/network)" >/dev/null
has body "New &lt;Service&gt;" "... its name escaped in the tree"

same "$(code -b ad.jar "$(U /admin/network/new-svc)")" "200" "a service's own page"
has body 'action="/admin/network/new-svc/name"' "... offers to rename it"
has body 'action="/admin/network/new-svc/close"' "... and to close it"
same "$(post ad.jar /admin/network/new-svc/name name="Renamed Service")" "303" "renaming it"
same "$(sqlite3 a.db "SELECT name FROM unit WHERE code = 'new-svc'")" "Renamed Service" "... renames it"
same "$(audited 'unit renamed')" "1" "... audited"

# Hostile or wrong input: a clear message naming the field, nothing
# changed, and the same words as the command line.
before=$(counts a.db)
long=$(printf 'x%.0s' $(seq 201))
same "$(post ad.jar /admin/network kind=service code="Bad Code" name=X parent=prov)" "400" "a bad code is refused"
has body '<a href="#code">' "... the summary links to the code field"
has body "A code is 1 to 64 lower-case letters, digits and" "... and says why"
$WAYMARK unit add --db a.db --kind service --code "Bad Code" --name X --parent prov 2>err >/dev/null
has err "--code: a code is 1 to 64 lower-case letters, digits and" "... in the command line's words"
same "$(post ad.jar /admin/network kind=service code=ok name="$long" parent=prov)" "400" "an overlong name is refused"
has body '<a href="#name">A name is at most 200 characters' "... naming the field"
same "$(post ad.jar /admin/network kind=service code=ok name="$(printf 'a\tb')" parent=prov)" "400" "a name with a control character is refused"
has body "A name cannot contain control characters" "... saying why"
$WAYMARK unit add --db a.db --kind service --code ok --name "$(printf 'a\tb')" --parent prov 2>err >/dev/null
has err "--name: a name cannot contain control characters" "... as the command line does"
same "$(post ad.jar /admin/network kind=service code=ok name=Fine parent=no-such)" "400" "an unknown parent is refused"
has body '<a href="#parent">There is no unit with that code' "... naming the field"
same "$(post ad.jar /admin/network kind=service code=ok name=Fine parent=net)" "400" "a service straight under the network is refused"
has body "A service must belong to a provider" "... with the tree's rule"
same "$(post ad.jar /admin/network kind=network code=ok name=Fine)" "400" "a second network is refused"
has body '<a href="#kind">' "... naming the field"
same "$(post ad.jar /admin/network kind=service code=svc name=Again parent=prov)" "400" "a code taken is refused"
has body "That code is taken" "... saying so"
same "$(post ad.jar /admin/network/svc/name name="$long")" "400" "an overlong new name is refused"
has body "A name is at most 200 characters" "... saying so"
same "$(counts a.db)" "$before" "... and nothing refused changed anything"

# Closing asks first, says it cannot be undone, and then the service
# takes no one new, from the page or the command line.
same "$(post ad.jar /admin/network/new-svc/close)" "200" "closing a service asks first"
has body "cannot be undone" "... saying it cannot be undone"
has body 'name="confirm" value="yes"' "... with a button that confirms"
same "$(sqlite3 a.db "SELECT closed IS NULL FROM unit WHERE code = 'new-svc'")" "1" "... and closes nothing yet"
same "$(post ad.jar /admin/network/new-svc/close confirm=yes)" "303" "confirmed, it closes"
same "$(sqlite3 a.db "SELECT closed FROM unit WHERE code = 'new-svc'")" "$(date -u +%F)" "... from today"
same "$(audited 'unit closed')" "1" "... audited"
code -b ad.jar "$(U /admin/network)" >/dev/null
has body "closed from $(date -u '+%-d %B %Y')" "the tree says when it closed, in words"
same "$(post ad.jar /admin/network/prov/close confirm=yes)" "400" "a provider with open services cannot be closed"
has body "Close the provider&#39;s services first" "... saying why"
run 1 "a closed service takes no new person (command line)" -- $WAYMARK person add --db a.db --id P9 --name X --unit new-svc
has err "--unit: the service is closed and takes no one new" "... saying why"
run 1 "... nor a role grant there" -- $WAYMARK account add --db a.db --email x@example.org --name X --grant practitioner@new-svc

# --- people ------------------------------------------------------------
same "$(code -b ad.jar "$(U /admin/people)")" "200" "the people, for an administrator"
has body '<a href="/admin/people/P1">P1</a>' "... each by identifier, linked"
has body "Sam Testperson" "... with their name"
has body "Test Service" "... and the service whose caseload they are on"
same "$(audited 'people listed')" "1" "... the list's view audited"
same "$(code -b ad.jar "$(U '/admin/people?q=testper')")" "200" "searching by part of a name"
has body "Sam Testperson" "... finds them"
code -b ad.jar "$(U '/admin/people?q=nobody-here')" >/dev/null
hasnt body "Sam Testperson" "... and a search that matches no one finds no one"
has body "No one's identifier or name holds that" "... saying so"
before=$(records)
same "$(post ad.jar /admin/people id=P2 name="Robin <Two>" unit=svc since-day=1 since-month=3 since-year=2026)" "303" "adding a person on a caseload"
same "$(location)" "/admin/people/P2" "... leads to their page"
same "$(sqlite3 a.db "SELECT p.name, u.code, c.start_date FROM person p JOIN caseload c ON c.person_id = p.id JOIN unit u ON u.id = c.unit_id WHERE p.ident = 'P2'")" "Robin <Two>|svc|2026-03-01" "... on the service's caseload from the day given"
same "$(audited 'person added')" "1" "... audited"
same "$(code -b ad.jar "$(U /admin/people/P2)")" "200" "their page"
has body "Robin &lt;Two&gt;" "... names them, escaped"
has body "Test Service, since 1 March 2026" "... says where they are and since when, in words"
same "$(audited "viewed a person's caseloads (administration)")" "1" "... the view audited"
hasnt body "journey" "... and shows nothing recorded about them"
before=$(records)
same "$(post ad.jar /admin/people id=P3 name=X unit=svc since-day=31 since-month=2 since-year=2026)" "400" "a date that is not real is refused"
has body '<a href="#since-day">The date must be a real date' "... naming the date field"
same "$(post ad.jar /admin/people id=P3 name=X unit=no-such)" "400" "an unknown service is refused"
has body '<a href="#unit">There is no unit with that code' "... naming the field"
same "$(post ad.jar /admin/people id=P3 name=X unit=prov)" "400" "a provider's caseload is refused"
has body "People join a service&#39;s caseload" "... saying why"
same "$(post ad.jar /admin/people id=P3 name=X unit=new-svc)" "400" "a closed service takes no new person (page)"
has body '<a href="#unit">The service is closed and takes no one new' "... naming the field, in the command line's words"
same "$(post ad.jar /admin/people id="P 3" name=X)" "400" "a bad identifier is refused"
has body '<a href="#id">An identifier is 1 to 64 letters' "... naming the field"
same "$(post ad.jar /admin/people id=P1 name=X)" "400" "an identifier taken is refused"
same "$(post ad.jar /admin/people id=P3 name=X unit=svc since-day=1 since-month=1 since-year=2999)" "400" "a future join date is refused"
has body '<a href="#since-day">The date is in the future' "... naming the date field"
$WAYMARK person add --db a.db --id P3 --name X --unit svc --since 2999-01-01 2>err >/dev/null
has err "--since: the date is in the future" "... as the command line does"
same "$(records)" "$before" "... and nothing refused changed anything"

# Moving and discharging, with a date; the figures kept at write time
# follow (see below).
same "$(post ad.jar /admin/people/P2/move move-from=svc move-to=svc2 move-date-day=1 move-date-month=6 move-date-year=2026)" "200" "moving a person asks first"
has body "cannot be undone" "... saying it cannot be undone"
has body "Their time on the caseload of Test Service ends on 1 June 2026. Their time on the caseload of Second Service starts that day." "... and what happens, in words"
same "$(sqlite3 a.db "SELECT count(*) FROM caseload c JOIN person p ON p.id = c.person_id WHERE p.ident = 'P2'")" "1" "... and moves no one yet"
same "$(post ad.jar /admin/people/P2/move move-from=svc move-to=svc2 move-date-day=1 move-date-month=6 move-date-year=2026 confirm=yes)" "303" "confirmed, the person moves to another service"
same "$(sqlite3 a.db "SELECT u.code, c.start_date, coalesce(c.end_date, '-') FROM caseload c JOIN unit u ON u.id = c.unit_id JOIN person p ON p.id = c.person_id WHERE p.ident = 'P2' ORDER BY c.start_date")" "svc|2026-03-01|2026-06-01
svc2|2026-06-01|-" "... ends one time on a caseload and starts the other on that day"
same "$(audited 'person moved')" "1" "... audited"
same "$(post ad.jar /admin/people/P2/move move-from=svc2 move-to=svc move-date-day=1 move-date-month=5 move-date-year=2026)" "400" "a move dated before they joined is refused"
has body '<a href="#move-date-day">The date is before they joined that service' "... naming the date field"
same "$(post ad.jar /admin/people/P2/caseload join-unit=svc join-since-day=2 join-since-month=6 join-since-year=2026)" "303" "putting them on a second caseload"
same "$(sqlite3 a.db "SELECT count(*) FROM caseload c JOIN person p ON p.id = c.person_id WHERE p.ident = 'P2' AND c.end_date IS NULL")" "2" "... they are on two now"
same "$(post ad.jar /admin/people/P2/discharge out-unit=svc2 out-date-day=3 out-date-month=6 out-date-year=2026)" "200" "discharging asks first"
has body "cannot be undone" "... saying it cannot be undone"
has body "ends on 3 June 2026" "... and when, in words"
same "$(sqlite3 a.db "SELECT count(*) FROM caseload c JOIN person p ON p.id = c.person_id WHERE p.ident = 'P2' AND c.end_date IS NULL")" "2" "... and discharges no one yet"
same "$(post ad.jar /admin/people/P2/discharge out-unit=svc2 out-date-day=3 out-date-month=6 out-date-year=2026 confirm=yes)" "303" "confirmed, they are discharged"
same "$(sqlite3 a.db "SELECT c.end_date FROM caseload c JOIN person p ON p.id = c.person_id JOIN unit u ON u.id = c.unit_id WHERE p.ident = 'P2' AND u.code = 'svc2'")" "2026-06-03" "... on the day given"
same "$(audited 'person discharged')" "1" "... audited"
run 1 "the command line moves and discharges through the same rules" -- $WAYMARK person discharge --db a.db --id P2 --unit svc2
has err "--unit: the person is not on that service's caseload" "... saying why"

# The figures kept at write time (people on each caseload, the
# paired-outcome rate, completion) follow a move and a discharge: the
# network's report after them is the report of the same database with
# every person's kept figures worked out again from scratch.
$WAYMARK demo --db d.db --people 60 --seed 5 >/dev/null
$WAYMARK report network --db d.db --format csv --disclosure none >before.csv
mover=$($WAYMARK person list --db d.db | head -1 | cut -f1)
from=$($WAYMARK person list --db d.db | head -1 | cut -f3)
to=$($WAYMARK unit list --db d.db | awk -F'\t' -v f="$from" '$2 == "service" && $1 != f { print $1; exit }')
leaver=$($WAYMARK person list --db d.db | sed -n 2p | cut -f1)
run 0 "a person in the demo moves to another service" -- $WAYMARK person move --db d.db --id "$mover" --to "$to" --date "$(date -u -d '-60 days' +%F)"
run 0 "... and another is discharged" -- $WAYMARK person discharge --db d.db --id "$leaver" --date "$(date -u -d '-30 days' +%F)"
$WAYMARK report network --db d.db --format csv --disclosure none >after.csv
if cmp -s before.csv after.csv; then fail "the network's report shows the move"; else pass "the network's report shows the move"; fi
cp d.db rebuilt.db
sqlite3 rebuilt.db "INSERT INTO kept_dirty SELECT id, 1 FROM person WHERE true ON CONFLICT DO UPDATE SET whole = 1"
$WAYMARK network set --db rebuilt.db --validators 2 >/dev/null
same "$(sqlite3 rebuilt.db 'SELECT count(*) FROM kept_dirty')" "0" "every person's kept figures are worked out again"
$WAYMARK report network --db rebuilt.db --format csv --disclosure none >rebuilt.csv
if cmp -s after.csv rebuilt.csv; then pass "... and the figures kept through the move are those worked out afresh"; else fail "... and the figures kept through the move are those worked out afresh"; diff after.csv rebuilt.csv | head >&2; fi

# --- instruments -------------------------------------------------------
same "$(code -b ad.jar "$(U /admin/instruments)")" "200" "the instruments loaded, for an administrator"
has body "DREEM" "... each by title"
has body "$(python3 -c "import json; print(json.load(open('$ROOT/instruments/dreem-recovery-markers.json'))['copyright'][:40])")" "... with its copyright and licence as its file states them"
has body 'enctype="multipart/form-data"' "... and a form that uploads a file without JavaScript"
# upload JAR FILE [FIELD=VALUE...]: the file sent as the form's "file".
upload() {
	local jar=$1 file=$2 a=()
	shift 2
	for kv in "$@"; do a+=(-F "$kv"); done
	code -b "$jar" -F "csrf=$WCS" -F "file=@$file;type=application/json" "${a[@]}" "$(U /admin/instruments)"
}
python3 - "$ROOT/instruments/dreem-recovery-markers.json" <<'PY' >newer.json
import json, sys
q = json.load(open(sys.argv[1]))
q["version"] = q["version"] + "-local"
print(json.dumps(q))
PY
before=$(records)
same "$(upload ad.jar newer.json)" "200" "a new version checked"
has body "$(python3 -c "import json; q = json.load(open('newer.json')); print('Load %s, version %s?' % (q['title'], q['version']))")" "... asks first, naming what it would load"
has body "cannot be undone" "... saying it cannot be undone"
has body " items, " "... with how many items"
same "$(records)" "$before" "... and loads nothing yet"
token=$(grep -o 'name="token" value="[^"]*"' body | sed 's/.*value="//; s/"$//')
same "$(post ad.jar /admin/instruments token="$token" confirm=yes)" "303" "confirmed, it is loaded"
same "$(sqlite3 a.db "SELECT count(*) FROM instrument WHERE version LIKE '%-local'")" "1" "... the file kept, as checked"
same "$(audited 'instrument loaded')" "1" "... audited"
same "$(post ad.jar /admin/instruments token="$token" confirm=yes)" "400" "the same confirmation twice loads nothing more"
# A bad file: the command line and the page say the same.
printf '{"resourceType": "Questionnaire", "url": "https://x.example/q", "status": "active"}' >bad.json
$WAYMARK instrument load --db a.db bad.json 2>err >/dev/null
msg=$(sed -n 's/^bad\.json[:0-9]*: //p' err | head -1)
[ -n "$msg" ] && pass "the command line refuses a bad file" || fail "the command line refuses a bad file"
before=$(records)
same "$(upload ad.jar bad.json)" "400" "the page refuses it"
has body "$(printf '%s' "$msg" | sed "s/'/\&#39;/g")" "... with the command line's message"
has body '<a href="#file">bad.json: ' "... naming the file, linked to its field"
same "$(upload ad.jar "$ROOT/instruments/training-courses.json")" "400" "a catalogue is refused"
has body "this is a catalogue (a CodeSystem), not an instrument" "... saying why"
printf 'not json at all' >junk.json
same "$(upload ad.jar junk.json)" "400" "a file that is not JSON is refused"
same "$(records)" "$before" "... and nothing refused loaded anything"

# --- network settings ----------------------------------------------------
same "$(code -b ad.jar "$(U /admin/settings)")" "200" "the network's settings, for an administrator"
has body '<option value="3" selected>3 (quarterly)</option>' "... each with its value now: the period"
has body 'id="validators" name="validators" type="text" aria-describedby="validators-hint" value="2"' "... the validators needed"
has body 'value="mhsds" checked' "... and the disclosure rule"
same "$(post ad.jar /admin/settings period-months=3 validators=3 groups=2 disclosure=hes)" "303" "changing the validators and the rule"
same "$($WAYMARK network show --db a.db)" "$(printf 'standards period: 3 months; validated with 3 validators from 2 groups\ndisclosure for commissioners: hes\nservices anyone can contact day or night (the default):\nNHS 111, call 111 and choose the mental health option, any time\nSamaritans, call 116 123 free, any time')" "... changes them, as the command line shows"
same "$(audited 'network settings changed')" "1" "... audited"
before=$(records)
same "$(post ad.jar /admin/settings period-months=5 validators=3 groups=2 disclosure=hes)" "400" "a period that does not fit the year is refused"
has body '<a href="#period-months">A period is 1, 2, 3, 4, 6 or 12 months' "... naming the field"
$WAYMARK network set --db a.db --period-months 5 2>err >/dev/null
has err "--period-months: a period is 1, 2, 3, 4, 6 or 12 months" "... in the command line's words"
same "$(post ad.jar /admin/settings period-months=3 validators=1 groups=2 disclosure=hes)" "400" "more groups than validators is refused"
has body '<a href="#validators">There cannot be more groups than validators' "... naming the field changed"
same "$(post ad.jar /admin/settings period-months=3 validators=two groups=2 disclosure=hes)" "400" "a number that is not one is refused"
has body '<a href="#validators">The validators needed are a whole number from 1 to 20' "... naming the field"
same "$(post ad.jar /admin/settings period-months=3 validators=3 groups=2 disclosure=nhs)" "400" "an unknown rule is refused"
has body '<a href="#disclosure">That is not a disclosure rule' "... naming the field"
same "$(records)" "$before" "... and nothing refused changed anything"

# --- the audit log -------------------------------------------------------
same "$(code -b ad.jar "$(U /admin/audit)")" "200" "the audit log, for an administrator"
has body "person moved" "... newest first, every entry"
has body "Ada Admin (admin@example.org)" "... with who, by name and email"
has body "$(date -u '+%-d %B %Y'), " "... times in words"
same "$(sqlite3 a.db "SELECT detail FROM audit WHERE action = 'searched the audit log' ORDER BY id DESC LIMIT 1")" "everything" "... and the search itself is audited, with its criteria"
same "$(code -b ad.jar "$(U '/admin/audit?person=P2')")" "200" "searching by person"
same "$(($(grep -c '<tr class="nhsuk-table__row">' body) - 1))" "$(sqlite3 a.db "SELECT count(*) FROM audit a JOIN person p ON p.id = a.subject_id WHERE a.subject_kind = 'person' AND p.ident = 'P2'")" "... finds every entry about them, and only those"
same "$(sqlite3 a.db "SELECT detail FROM audit WHERE action = 'searched the audit log' ORDER BY id DESC LIMIT 1")" "person P2" "... audited with its criteria"
code -b ad.jar "$(U '/admin/audit?account=admin@example.org&action=person%20moved&from_day=1&from_month=1&from_year=2026&to_day=31&to_month=12&to_year=2099')" >/dev/null
same "$(($(grep -c '<tr class="nhsuk-table__row">' body) - 1))" "$(sqlite3 a.db "SELECT count(*) FROM audit a JOIN account x ON x.id = a.actor_account_id WHERE x.email = 'admin@example.org' AND a.action = 'person moved'")" "searching by account, an action and dates"
sed -n '/<table/,/<\/table>/p' body >found
has found "person moved" "... finds the action"
hasnt found "person discharged" "... only that action"
hasnt found "unit renamed" "... and not others"
same "$(sqlite3 a.db "SELECT detail FROM audit WHERE action = 'searched the audit log' ORDER BY id DESC LIMIT 1")" "account admin@example.org; action person moved; from 2026-01-01; to 2099-12-31" "... audited with its criteria, the last day as asked"
has body '<option value="person discharged">person discharged</option>' "... the actions the log holds offered to choose from"
has body '<option value="person moved" selected>person moved</option>' "... the one chosen marked"
same "$(grep -cE '(^|[^0-9])20[0-9]{2}-([01][0-9]|Q[1-4])' body)" "0" "... dates and quarters in the entries' details in words"
same "$(code -b ad.jar "$(U '/admin/audit?page=999')")" "200" "a page past the last"
has body "There is no such page" "... says so, not that nothing matches"
same "$(code -b ad.jar "$(U '/admin/audit?from_day=31&from_month=2&from_year=2026')")" "400" "a date that is not real is refused"
has body '<a href="#from_day">The date must be a real date' "... naming the field"
same "$(code -b ad.jar "$(U '/admin/audit?action=%3Cscript%3E')")" "400" "an action the log does not hold is refused"
has body '<a href="#action">Choose an action from the list' "... naming the field"
same "$(code -b ad.jar "$(U '/admin/audit?person=NOBODY')")" "400" "an unknown person is refused"
has body '<a href="#person">There is no person with that identifier' "... naming the field"
same "$(code -b ad.jar "$(U '/admin/audit?account=nobody@example.org')")" "400" "an unknown account is refused"
has body '<a href="#account">' "... naming the field"
same "$(code -b ad.jar "$(U '/admin/audit?from_day=2&from_month=1&from_year=2026&to_day=1&to_month=1&to_year=2026')")" "400" "a range that ends before it starts is refused"
# The export: every matching entry, ISO times, safe in a spreadsheet.
sqlite3 a.db "INSERT INTO audit(at, actor_account_id, action, subject_kind, subject_id, detail) VALUES ('2026-01-02T03:04:05Z', NULL, 'viewed journey', 'person', (SELECT id FROM person WHERE ident = 'P2'), '=HYPERLINK(\"http://x\")')"
same "$(code -b ad.jar "$(U '/admin/audit.csv?person=P2')")" "200" "exporting the matching entries as CSV"
has headers "text/csv" "... as CSV"
has headers "attachment" "... to download"
has body "2026-01-02T03:04:05Z" "... times in ISO 8601"
has body "\"'=HYPERLINK" "... a cell a spreadsheet would run is guarded"
same "$(($(wc -l <body) - 1))" "$(sqlite3 a.db "SELECT count(*) FROM audit a JOIN person p ON p.id = a.subject_id WHERE a.subject_kind = 'person' AND p.ident = 'P2'")" "... one line for each entry about them"
same "$(sqlite3 a.db "SELECT detail FROM audit WHERE action = 'exported the audit log' ORDER BY id DESC LIMIT 1")" "person P2" "... and the export is audited with its criteria"
sqlite3 a.db "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20001) INSERT INTO audit(at, action) SELECT '2025-01-01T00:00:00Z', 'bulk entry' FROM n"
exported=$(audited 'exported the audit log')
same "$(code -b ad.jar "$(U '/admin/audit.csv?action=bulk%20entry')")" "400" "a download of more entries than one may hold is refused"
has body "More than 20000 entries match: at most 20000 can be downloaded at once" "... saying how to narrow it"
same "$(code -b ad.jar "$(U '/admin/audit?action=bulk%20entry')")" "200" "a search matching more than a search lists"
has body "More than 2,000 entries match. The newest 2,000 are listed" "... says so, and lists the newest"
has body "Showing 1 to 50 of 2000 entries" "... counting no further"
code -b ad.jar "$(U '/admin/audit?action=bulk%20entry&page=40')" >/dev/null
has body "Showing 1951 to 2000 of 2000 entries" "... its last page the 2,000th"
code -b ad.jar "$(U '/admin/audit?action=bulk%20entry&page=41')" >/dev/null
has body "There is no such page" "... and none past it"
# Fewer entries, each long: more bytes than one answer can carry.
sqlite3 a.db "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 15000) INSERT INTO audit(at, action, detail) SELECT '2025-02-01T00:00:00Z', 'long entry', printf('%.300c', 'x') FROM n"
same "$(code -b ad.jar "$(U '/admin/audit.csv?action=long%20entry')")" "400" "a download larger than one answer can carry is refused, not failed"
has body "The 15000 entries that match are more than one download can carry" "... saying so, and how to narrow it"
same "$(audited 'exported the audit log')" "$exported" "... and neither refusal is logged as a download"
# An identifier that only looks like a date is shown as it was recorded.
$WAYMARK person add --db a.db --id 2026-01-02 --name "Dee Date" --unit svc2 >/dev/null
code -b ad.jar "$(U '/admin/audit?person=2026-01-02')" >/dev/null
code -b ad.jar "$(U '/admin/audit?action=searched%20the%20audit%20log')" >/dev/null
has body "searched the audit log: person 2026-01-02" "an identifier like a date is shown as recorded"
hasnt body "person 2 January 2026" "... not as a date"
# The search keys are as append-only as the log: no entry can be hidden
# from the search by moving its mark on or taking a key away.
has <(sqlite3 a.db "UPDATE audit_keyed SET upto = upto + 1000000" 2>&1) "the audit log cannot be changed" "the keys' mark cannot be moved past the log"
has <(sqlite3 a.db "DELETE FROM audit_by_action WHERE action = 'person moved'" 2>&1) "the audit log cannot be changed" "... nor a key taken away"
same "$(sqlite3 a.db "SELECT count(*) FROM audit_by_action WHERE action = 'person moved'")" "$(sqlite3 a.db "SELECT count(*) FROM audit WHERE action = 'person moved'")" "... each entry keyed"
# (What a search costs, however long the log: tests/unit/test_admin_store.c.)

# --- who may: an administrator only; every change carries the token -----
for path in /admin/network /admin/network/svc /admin/people /admin/people/P1 \
    /admin/instruments /admin/settings /admin/audit /admin/audit.csv; do
	same "$(code -b le.jar "$(U "$path")")" "404" "a service lead gets 404 for GET $path"
	same "$(code "$(U "$path")")" "303" "... and someone not signed in is sent to sign in"
done
WCS=$LEAD_WCS
before=$(counts a.db)
for path in /admin/network /admin/network/svc/name /admin/network/svc/close \
    /admin/people /admin/people/P1/caseload /admin/people/P1/move \
    /admin/people/P1/discharge /admin/instruments /admin/settings; do
	same "$(post le.jar "$path" confirm=yes name=X)" "404" "a service lead gets 404 for POST $path"
done
WCS=$ADMIN_WCS
for path in /admin/network /admin/network/svc/name /admin/network/svc/close \
    /admin/people /admin/people/P1/caseload /admin/people/P1/move \
    /admin/people/P1/discharge /admin/instruments /admin/settings; do
	same "$(code -b ad.jar -d confirm=yes -d name=X "$(U "$path")")" "403" "POST $path without the form token is refused"
	same "$(code -b ad.jar -d csrf=not-the-token -d confirm=yes -d name=X "$(U "$path")")" "403" "... as with a wrong one"
done
same "$(counts a.db)" "$before" "... and none of them changed anything"
stop
