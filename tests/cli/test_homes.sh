# A practitioner's home says whose measures are overdue, due now or due in
# the next 7 days, most pressing first, among the people on the caseloads
# of the services where they work, and no one else's. (A lead's and a
# validator's homes are tried where their work is done: test_standards.sh.)
. "$(dirname "$0")/lib.sh"

printf 'quiet harbour lantern\n' >pw
# Dates from today (UTC, the server's day): someone who last answered so
# that a 6-monthly measure falls due in 1 to 7 days, on a day of the month
# no shorter month clamps; someone who joined 10 days ago; someone who
# answered today.
eval "$(python3 -c "
import datetime
t = datetime.datetime.now(datetime.timezone.utc).date()
k = next(k for k in range(1, 8) if (t + datetime.timedelta(days=k)).day <= 28)
due = t + datetime.timedelta(days=k)
y, m = divmod(due.year * 12 + due.month - 1 - 6, 12)
print('SOON=%s DUE_SOON=%s JOINED=%s TODAY=%s' % (datetime.date(y, m + 1, due.day), due, t - datetime.timedelta(days=10), t))
")"
{
	small_network h.db &&
	$WAYMARK unit add --db h.db --kind service --code far --name "Far Service" --parent prov &&
	$WAYMARK person add --db h.db --id P2 --name "Ada <Soon>" --unit svc --since 2025-01-01 &&
	$WAYMARK person add --db h.db --id P3 --name "Bo Recent" --unit svc --since 2025-01-01 &&
	$WAYMARK person add --db h.db --id P4 --name "Cy Newcomer" --unit svc --since "$JOINED" &&
	$WAYMARK person add --db h.db --id P5 --name "Di Elsewhere" --unit far --since 2025-01-01 &&
	$WAYMARK person add --db h.db --id P6 --name "Ed Gone" --unit svc --since 2025-01-01 &&
	$WAYMARK account add --db h.db --email jo@example.org --name "Jo Worker" --grant practitioner@svc --password-file pw &&
	$WAYMARK account add --db h.db --email les@example.org --name "Les Lead" --grant lead@svc --password-file pw
} >/dev/null && pass "a service with people in every state, and one elsewhere" || fail "the network was not made"
answer() { # PERSON DATE
	qr_json dreem-recovery-markers "Patient/$1" person "" "$2" "" $(rep 11 agree) >r.json && $WAYMARK respond --db h.db r.json >/dev/null
}
answer P2 "$SOON" && answer P3 "$TODAY" && pass "two people answer" || fail "the answers were not saved"
for u in svc far; do
	sqlite3 h.db "INSERT INTO cycle(unit_id, instrument_url, subject_kind, every_months, start_date, created) SELECT id, (SELECT url FROM instrument WHERE url LIKE '%dreem-recovery-markers' LIMIT 1), 'person', 6, '2025-01-01', '2025-01-01T00:00:00Z' FROM unit WHERE code = '$u'"
done
sqlite3 h.db "UPDATE caseload SET end_date = '2025-06-01' WHERE person_id = (SELECT id FROM person WHERE ident = 'P6')"

start h.db && pass "the server starts" || fail "the server did not start"
web_login j.jar jo@example.org "quiet harbour lantern"
same "$(code -b j.jar "$(U /)")" "200" "the practitioner's home"
has body "<h2 class=\"nhsuk-heading-m\">Whose measures are due</h2>" "... says whose measures are due"
has body "Of the people on your caseloads, 1 has a measure overdue, 1 has one due now, and 1 has one due in the next 7 days." "... counting each kind"
rows() { sed -n '/Whose measures are due, most pressing first/,/<\/table>/p' body | grep -o 'href="/people/[^"/]*/journey"' | cut -d/ -f3 | tr '\n' ' '; }
same "$(rows)" "P1 P4 P2 " "... most pressing first: overdue, due now, then due soon"
has body "<strong class=\"nhsuk-tag nhsuk-tag--red\">Overdue</strong> DREEM recovery markers, due on 1 January 2025" "someone who never answered is overdue since they were first due"
has body "<strong class=\"nhsuk-tag nhsuk-tag--yellow\">Due</strong> DREEM recovery markers, due since " "someone who joined 10 days ago is due"
has body "Ada &lt;Soon&gt;</a>" "names are escaped"
has body "<a href=\"/people/P2/measures\">Answer with Ada &lt;Soon&gt;</a>" "... each with a way to answer together"
hasnt body "Bo Recent" "someone who answered today is not listed"
hasnt body "Di Elsewhere" "nor someone on another service's caseload"
hasnt body "Ed Gone" "nor someone who has left"
hasnt body "patient" "the page never says patient"

# Someone who answers drops off the list.
answer P1 "$TODAY"
code -b j.jar "$(U /)" >/dev/null
same "$(rows)" "P4 P2 " "once someone answers, they drop off"

# A lead who is not a practitioner there has no such list (their work is
# the service's standards), and neither does someone with no cycles due.
web_login l.jar les@example.org "quiet harbour lantern"
code -b l.jar "$(U /)" >/dev/null
hasnt body "Whose measures are due" "a lead who is no practitioner has no list of people due"
answer P4 "$TODAY" && answer P2 "$TODAY"
code -b j.jar "$(U /)" >/dev/null
has body "No one on your caseloads has a measure overdue, due now or due in the next 7 days." "with nothing due, the practitioner is told so"

# A failed read is never "nothing due".
sqlite3 h.db "ALTER TABLE cycle RENAME TO cycle_away"
same "$(code -b j.jar "$(U /)")" "500" "a database failure fails home"
hasnt body "No one on your caseloads" "... never reading as nothing due"
sqlite3 h.db "ALTER TABLE cycle_away RENAME TO cycle"
stop
