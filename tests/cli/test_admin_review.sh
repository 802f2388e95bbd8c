# Administration, as an independent review tried it: closed units offered
# for role grants, caseload times that overlap, names of spaces or of
# many-byte letters, identifiers no link can carry, forms on a person's
# page that showed them unaudited, changes that cannot be undone done
# unasked, and settings read loosely. Each is refused in words, on its
# field, with nothing changed, from the pages and the command line alike.
. "$(dirname "$0")/lib.sh"

printf 'quiet harbour lantern\n' >pw
{
	small_network a.db &&
	$WAYMARK unit add --db a.db --kind service --code svc2 --name "Second Service" --parent prov &&
	$WAYMARK unit add --db a.db --kind service --code shut --name "Shut Service" --parent prov &&
	$WAYMARK unit add --db a.db --kind provider --code prov2 --name "Shut Provider" --parent net &&
	$WAYMARK account add --db a.db --email admin@example.org --name "Ada Admin" --grant admin@net --password-file pw
} >/dev/null && pass "a network with an administrator" || fail "the network was not made"
$WAYMARK unit close --db a.db --code shut >/dev/null
$WAYMARK unit close --db a.db --code prov2 >/dev/null

# audited ACTION: how many entries the pages wrote.
audited() { sqlite3 a.db "SELECT count(*) FROM audit WHERE action = '${1//\'/\'\'}' AND actor_account_id IS NOT NULL"; }
# spells ID: a person's times on caseloads, oldest first.
spells() { sqlite3 a.db "SELECT u.code || ' ' || c.start_date || ' ' || coalesce(c.end_date, '-') FROM caseload c JOIN unit u ON u.id = c.unit_id JOIN person p ON p.id = c.person_id WHERE p.ident = '$1' ORDER BY c.start_date, u.code"; }
records() { local c; c=$(counts a.db); echo "${c%/*}/$(sqlite3 a.db 'SELECT count(*) FROM caseload')/$(sqlite3 a.db 'SELECT count(*) FROM role_grant')"; }
TODAY=$(date -u +%F)

start a.db && pass "the server starts" || fail "the server did not start"
web_login ad.jar admin@example.org "quiet harbour lantern"
ACC=$(sqlite3 a.db "SELECT id FROM account WHERE email = 'prac@example.org'")

# --- 1. closed units take no role grants --------------------------------
same "$(code -b ad.jar "$(U /admin/accounts/new)")" "200" "the new account form"
has body '<option value="svc">' "... offers an open service"
hasnt body '<option value="shut"' "... but not a closed service"
hasnt body '<option value="prov2"' "... nor a closed provider"
same "$(code -b ad.jar "$(U "/admin/accounts/$ACC")")" "200" "an account's page"
hasnt body '<option value="shut"' "... offers no closed unit for a new role"
before=$(records)
same "$(post ad.jar "/admin/accounts/$ACC/roles" role=practitioner unit=shut)" "400" "a role at a closed service is refused, not a failure"
has body '<a href="#unit">The service is closed and takes no new role grants' "... on the unit's field, in words"
same "$(post ad.jar "/admin/accounts/$ACC/roles" role=commissioner unit=prov2)" "400" "a role at a closed provider is refused"
has body "The provider is closed and takes no new role grants" "... calling it a provider"
same "$(post ad.jar /admin/accounts email=new@example.org name="New Person" role=practitioner unit=shut)" "400" "a new account with a grant at a closed service is refused"
has body '<a href="#unit">The service is closed' "... on the unit's field"
same "$(sqlite3 a.db "SELECT count(*) FROM account WHERE email = 'new@example.org'")" "0" "... and no account is made"
run 1 "the command line refuses a grant at a closed service" -- $WAYMARK account grant --db a.db --email prac@example.org --grant practitioner@shut
has err "the service is closed and takes no new role grants: choose one that is open" "... in the same words"
hasnt err "database error" "... not the database's"
run 1 "... and a new account with one" -- $WAYMARK account add --db a.db --email new@example.org --name New --grant practitioner@shut
has err "the service is closed and takes no new role grants" "... in the same words"
same "$(records)" "$before" "... and nothing refused changed anything"

# --- 2. a person's times on one service never overlap --------------------
$WAYMARK person add --db a.db --id p2 --name "Pat Two" --unit svc --since 2026-01-01 >/dev/null
$WAYMARK person discharge --db a.db --id p2 --date 2026-06-01 >/dev/null
before=$(records)
run 1 "joining again inside a time that ended is refused (command line)" -- $WAYMARK person join --db a.db --id p2 --unit svc --since 2026-03-01
has err "--since: they were on that service's caseload from 1 January 2026 to 1 June 2026" "... saying when, in words"
same "$(post ad.jar /admin/people/p2/caseload join-unit=svc join-since-day=1 join-since-month=3 join-since-year=2026)" "400" "... and from the page"
has body '<a href="#join-since-day">They were on that service&#39;s caseload from 1 January 2026 to 1 June 2026' "... on the date's field"
run 1 "joining again before that time began, open, is refused too" -- $WAYMARK person join --db a.db --id p2 --unit svc --since 2025-06-01
same "$(records)" "$before" "... and nothing refused changed anything"
run 0 "joining again on the day they left is accepted" -- $WAYMARK person join --db a.db --id p2 --unit svc --since 2026-06-01
same "$(spells p2)" "svc 2026-01-01 2026-06-01
svc 2026-06-01 -" "... two times that share no day"
$WAYMARK person add --db a.db --id p4 --name "Pat Four" --unit svc2 --since 2026-02-01 >/dev/null
$WAYMARK person join --db a.db --id p4 --unit svc --since 2026-02-01 >/dev/null
$WAYMARK person discharge --db a.db --id p4 --unit svc --date 2026-05-01 >/dev/null
run 1 "moving onto a service inside an earlier time there is refused" -- $WAYMARK person move --db a.db --id p4 --from svc2 --to svc --date 2026-04-01
has err "--date: they were on that service's caseload from 1 February 2026 to 1 May 2026" "... saying when"
same "$(spells p4)" "svc 2026-02-01 2026-05-01
svc2 2026-02-01 -" "... and the move is not made at all"

# The same day: joining, then discharged or moved that day, is a mistake
# put right, not a time of no days.
$WAYMARK person add --db a.db --id p3 --name "Pat Three" --unit svc >/dev/null
run 0 "discharged the day they joined" -- $WAYMARK person discharge --db a.db --id p3
same "$(spells p3)" "" "... the time of no days is removed"
run 0 "... and joining again that day works" -- $WAYMARK person join --db a.db --id p3 --unit svc
hasnt err "UNIQUE" "... with no database error"
same "$(spells p3)" "svc $TODAY -" "... on the caseload from today"
same "$(post ad.jar /admin/people/p3/move move-from=svc move-to=svc2)" "200" "moving them the day they joined asks first"
has body "the same day, so that time on it is removed: it covers no days" "... saying the time is removed, not ended"
hasnt body "counts in the service's history" "... and not that it stays in the history"
same "$(post ad.jar /admin/people/p3/move move-from=svc move-to=svc2 confirm=yes)" "303" "moved to another service the day they joined"
same "$(post ad.jar /admin/people/p3/move move-from=svc2 move-to=svc confirm=yes)" "303" "... and back, the same day"
same "$(post ad.jar /admin/people/p3/move move-from=svc move-to=svc2 confirm=yes)" "303" "... and again: never a failure"
same "$(spells p3)" "svc2 $TODAY -" "... leaving one time, on the service they are on"
has <(sqlite3 a.db "SELECT detail FROM audit WHERE action = 'person moved' ORDER BY id DESC LIMIT 1") "(joined that day: that time removed)" "... and the audit log says the time was removed"

# The seventeenth caseload is refused, not dropped.
$WAYMARK person add --db a.db --id many --name "Many Places" >/dev/null
for i in $(seq 1 17); do $WAYMARK unit add --db a.db --kind service --code "m$i" --name "M $i" --parent prov >/dev/null; done
for i in $(seq 1 16); do $WAYMARK person join --db a.db --id many --unit "m$i" --since 2026-01-01 >/dev/null; done
run 1 "a seventeenth caseload at once is refused" -- $WAYMARK person join --db a.db --id many --unit m17 --since 2026-01-01
has err "--unit: the person is on 16 services' caseloads already" "... saying why"
same "$(code -b ad.jar "$(U /admin/people/many)")" "200" "their page"
same "$(grep -c '<li>M [0-9]*, since' body)" "16" "... lists all sixteen"
sqlite3 a.db "INSERT INTO caseload(person_id, unit_id, start_date) SELECT p.id, u.id, '2026-01-01' FROM person p, unit u WHERE p.ident = 'many' AND u.code = 'm17'"
code -b ad.jar "$(U /admin/people/many)" >/dev/null
has body "and 1 more, past the 16 one person can be on at once" "a seventeenth made by hand is reported, not dropped"
run 1 "... and a change to them stops, saying why" -- $WAYMARK person discharge --db a.db --id many --unit m1
has err "the person is on 17 services' caseloads, more than the 16" "... in words"

# --- 3. names: more than spaces, counted in characters ------------------
before=$(records)
same "$(post ad.jar /admin/network kind=service code=blank name="   " parent=prov)" "400" "a unit named only with spaces is refused"
has body '<a href="#name">A name cannot be only spaces' "... on the name's field"
same "$(post ad.jar /admin/network/svc/name name=" ")" "400" "... as a new name too"
same "$(post ad.jar /admin/people id=blank name="   ")" "400" "a person named only with spaces is refused"
has body '<a href="#name">A name cannot be only spaces' "... on the name's field"
run 2 "... and on the command line" -- $WAYMARK unit add --db a.db --kind service --code blank --name "   " --parent prov
has err "--name: a name cannot be only spaces" "... in the same words"
run 2 "... a person's too" -- $WAYMARK person add --db a.db --id blank --name " "
same "$(records)" "$before" "... and nothing refused changed anything"
e200=$(python3 -c "print('é' * 200)")
e201=$(python3 -c "print('é' * 201)")
same "$(post ad.jar /admin/people id=accents name="$e200")" "303" "a name of 200 two-byte letters is accepted"
same "$(post ad.jar /admin/people id=accents2 name="$e201")" "400" "... and of 201 refused"
has body "A name is at most 200 characters" "... saying so"
run 0 "the command line counts characters too" -- $WAYMARK unit add --db a.db --kind service --code accents --name "$e200" --parent prov

# --- 5. identifiers a link can carry ------------------------------------
before=$(records)
for id in . ..; do
	same "$(post ad.jar /admin/people id="$id" name=Dot)" "400" "the identifier '$id' is refused"
	has body "<a href=\"#id\">An identifier cannot be &#39;.&#39; or &#39;..&#39;" "... naming the field"
	run 2 "... and on the command line" -- $WAYMARK person add --db a.db --id "$id" --name Dot
	has err "--id: an identifier cannot be '.' or '..'" "... in the same words"
done
run 2 "... nor for a person's own account" -- $WAYMARK account add --db a.db --email dot@example.org --name Dot --person ..
same "$(records)" "$before" "... and nothing refused changed anything"
# --- 4. every page that shows a person notes who looked -----------------
views() { sqlite3 a.db "SELECT count(*) FROM audit a JOIN person p ON p.id = a.subject_id WHERE a.action = 'viewed a person''s caseloads (administration)' AND p.ident = '$1'"; }
$WAYMARK person add --db a.db --id p6 --name "Pat Six" --unit svc --since 2026-01-01 >/dev/null
n=$(views p6)
same "$(post ad.jar /admin/people/p6/caseload join-unit=)" "400" "a refused form on a person's page"
has body "Pat Six" "... shows them again"
same "$(views p6)" "$((n + 1))" "... and that view is audited"
n=$(views p6)
same "$(post ad.jar /admin/people/p6/discharge out-unit=svc out-date-day=1 out-date-month=6 out-date-year=2026)" "200" "the page asking to confirm a discharge"
has body "Discharge Pat Six?" "... names them"
same "$(views p6)" "$((n + 1))" "... and is audited"
same "$(sqlite3 a.db "SELECT detail FROM audit ORDER BY id DESC LIMIT 1")" "asked to confirm a discharge" "... saying which page it was"
code -b ad.jar "$(U '/admin/people?q=pat+s')" >/dev/null
same "$(sqlite3 a.db "SELECT action || ': ' || detail FROM audit ORDER BY id DESC LIMIT 1")" 'people listed: search "pat s"' "a search for people is audited with whom it searched for"
code -b ad.jar "$(U '/admin/people')" >/dev/null
same "$(sqlite3 a.db "SELECT detail FROM audit ORDER BY id DESC LIMIT 1")" "everyone" "... and the whole list says so"

# --- 6. checked first, then asked --------------------------------------
before=$(records)
n=$(views p6)
same "$(post ad.jar /admin/people/p6/discharge out-unit=svc out-date-day=1 out-date-month=12 out-date-year=2025)" "400" "a discharge dated before they joined is refused at once"
has body '<a href="#out-date-day">The date is before they joined that service' "... on the date's field, not after asking"
hasnt body "cannot be undone" "... and nothing is asked"
same "$(post ad.jar /admin/people/p6/move move-from=svc move-to=shut)" "400" "a move to a closed service is refused at once"
hasnt body "cannot be undone" "... before asking"
same "$(post ad.jar /admin/people/p6/move move-from=svc move-to=svc2 move-date-day=1 move-date-month=6 move-date-year=2026)" "200" "a move that can be made is asked first"
has body "Move Pat Six?" "... naming them"
has body 'name="confirm" value="yes"' "... with a button that confirms"
has body 'name="move-to" value="svc2"' "... carrying what was chosen"
same "$(records)" "$before" "... and nothing is changed until it is confirmed"
same "$(views p6)" "$((n + 3))" "... every page shown of them audited"
same "$(post ad.jar /admin/people/p6/move move-from=svc move-to=svc2 move-date-day=1 move-date-month=6 move-date-year=2026 confirm=yes)" "303" "confirmed, they move"
same "$(spells p6)" "svc 2026-01-01 2026-06-01
svc2 2026-06-01 -" "... on the day given"
# An instrument's preview runs the load's own checks, and its problems
# read exactly as the command line prints them.
printf '{\n"resourceType": "Questionnaire",\n}\n' >bad1.json
$WAYMARK instrument load --db a.db bad1.json 2>err >/dev/null
line=$(grep '^bad1\.json:3:1: ' err | head -1)
[ -n "$line" ] && pass "the command line says where a file is wrong as FILE:LINE:COLUMN" || fail "the command line says where a file is wrong as FILE:LINE:COLUMN"
same "$(code -b ad.jar -F "csrf=$WCS" -F "file=@bad1.json;type=application/json" "$(U /admin/instruments)")" "400" "the page refuses the file"
has body "$(printf '%s' "$line" | sed "s/&/\&amp;/g; s/'/\&#39;/g; s/\"/\&quot;/g; s/</\&lt;/g; s/>/\&gt;/g")" "... in exactly the command line's words"
python3 - "$ROOT/instruments/dreem-recovery-markers.json" <<'PY' >changed.json
import json, sys
q = json.load(open(sys.argv[1]))
q["title"] = q["title"] + " (changed)"
print(json.dumps(q))
PY
$WAYMARK instrument load --db a.db changed.json 2>err >/dev/null
has err "is already loaded with different content" "the command line refuses the same version with other content"
before=$(records)
same "$(code -b ad.jar -F "csrf=$WCS" -F "file=@changed.json;type=application/json" "$(U /admin/instruments)")" "400" "... and so does the page's preview, before asking"
has body "is already loaded with different content; give the changed instrument a new version; nothing was loaded" "... in the same words"
hasnt body "Yes, load it" "... with nothing to confirm"
same "$(sqlite3 a.db "SELECT count(*) FROM upload")" "0" "... and nothing kept"
same "$(records)" "$before" "... nor changed"
# --- 7. settings read strictly; a change says what changed -------------
settings_changes() { sqlite3 a.db "SELECT count(*) FROM audit WHERE action LIKE 'network settings changed%'"; }
before=$(records)
n=$(settings_changes)
for v in " 5" "+4" "5 " "-3"; do
	same "$(post ad.jar /admin/settings period-months=3 validators="$v" groups=2 disclosure=mhsds)" "400" "validators '$v' is refused on the page"
	has body '<a href="#validators">The validators needed are a whole number from 1 to 20' "... naming the field"
	run 2 "... and by network set" -- $WAYMARK network set --db a.db --validators "$v"
	has err "--validators: the validators needed are a whole number from 1 to 20" "... in the same words"
done
run 2 "groups '+4' is refused by network set" -- $WAYMARK network set --db a.db --groups +4
same "$(records)" "$before" "... and nothing refused changed anything"
same "$(post ad.jar /admin/settings period-months=3 validators=2 groups=2 disclosure=mhsds)" "303" "the settings page saved as it was"
same "$(settings_changes)" "$n" "... writes no audit entry, since nothing changed"
same "$(post ad.jar /admin/settings period-months=3 validators=02 groups=2 disclosure=mhsds)" "303" "... nor does the same number written another way"
same "$(settings_changes)" "$n" "... which changes nothing"
run 0 "network set to the values kept" -- $WAYMARK network set --db a.db --validators 2 --groups 2 --disclosure mhsds
same "$(settings_changes)" "$n" "... writes no audit entry either"
same "$(post ad.jar /admin/settings period-months=3 validators=3 groups=2 disclosure=hes)" "303" "changing two settings"
same "$(sqlite3 a.db "SELECT detail FROM audit WHERE action = 'network settings changed' ORDER BY id DESC LIMIT 1")" "validators needed 2 to 3; disclosure mhsds to hes" "... is audited with what changed, from and to what"
run 0 "network set changes one" -- $WAYMARK network set --db a.db --groups 3
same "$(sqlite3 a.db "SELECT detail FROM audit WHERE action = 'network settings changed (command line)' ORDER BY id DESC LIMIT 1")" "stakeholder groups needed 2 to 3" "... audited with what changed"

# A unit's page names its parent as people know it.
same "$(code -b ad.jar "$(U /admin/network/svc)")" "200" "a service's page"
has body ', in <a href="/admin/network/prov">Test Provider</a>' "... names its provider by name, linked"
hasnt body "in prov." "... not by its code"
stop
