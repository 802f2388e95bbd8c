# The Ten Top Tips reflection after an interaction: one click from a
# practitioner's home or a person's page, on one page (the day, then the
# tips side by side), tied to the day (today unless changed) and, from a
# person's page, to that person; private to the practitioner. Hostile
# dates and people not on the practitioner's caseloads change nothing.
. "$(dirname "$0")/lib.sh"

printf 'quiet harbour lantern\n' >pw
{
	small_network r.db &&
	$WAYMARK unit add --db r.db --kind service --code far --name "Far Service" --parent prov &&
	$WAYMARK person add --db r.db --id P9 --name "Di Elsewhere" --unit far --since 2025-01-01 &&
	$WAYMARK account add --db r.db --email jo@example.org --name "Jo Worker" --grant practitioner@svc --password-file pw &&
	$WAYMARK account add --db r.db --email kim@example.org --name "Kim Colleague" --grant practitioner@svc --password-file pw &&
	$WAYMARK account add --db r.db --email sam@example.org --name "Sam Testperson" --person P1 --grant person@svc --password-file pw
} >/dev/null && pass "a service, its practitioners and a person" || fail "the network was not made"
eval "$(python3 -c "
import datetime
t = datetime.datetime.now(datetime.timezone.utc).date()
y = t - datetime.timedelta(days=1)
f = t + datetime.timedelta(days=1)
o = t - datetime.timedelta(days=400)
b = t - datetime.timedelta(days=300)
print('TD=%d TM=%d TY=%d YD=%d YM=%d YY=%d YISO=%s FD=%d FM=%d FY=%d OD=%d OM=%d OY=%d BD=%d BM=%d BY=%d' % (t.day, t.month, t.year, y.day, y.month, y.year, y, f.day, f.month, f.year, o.day, o.month, o.year, b.day, b.month, b.year))
")"
q() { sqlite3 r.db "$1"; }
tips() { local i; for i in 01 02 03 04 05 06 07 08 09 10; do printf -- '-d tip-%s=%s ' "$i" "$1"; done; }
start r.db && pass "the server starts" || fail "the server did not start"
web_login j.jar jo@example.org "quiet harbour lantern"
JCS=$WCS

# One click from home, and from a person's page.
has login.html '<a class="nhsuk-button" href="/reflect">Reflect on an interaction</a>' "the practitioner's home has the reflection one click away"
same "$(code -b j.jar "$(U /people/P1/journey)")" "200" "a person's journey, seen by their practitioner"
has body '<a href="/people/P1/reflect">Reflect on your interaction</a>' "... links to a reflection on the interaction with them"

# The form: one page, the day filled in, the tips side by side.
same "$(code -b j.jar "$(U /reflect)")" "200" "the reflection form"
same "$(grep -c '<h1' body)" "1" "... one heading"
has body "<h1 class=\"nhsuk-heading-l\">Reflect on an interaction</h1>" "... saying what it is"
has body "id=\"when-day\" name=\"when-day\" type=\"text\" inputmode=\"numeric\" value=\"$TD\"" "... today's day filled in, in the NHS date boxes"
has body "name=\"when-year\" type=\"text\" inputmode=\"numeric\" value=\"$TY\"" "... and its year"
has body "nhsuk-radios--inline" "... the tips' answers side by side"
same "$(grep -c '<div class="nhsuk-form-group wm-choice-row">' body)" "10" "... each tip a row of the compact form"
same "$(grep -c '<fieldset class="nhsuk-fieldset">' body)" "10" "... and still a fieldset"
same "$(grep -c '<legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Did I' body)" "10" "... named by its question"
same "$(grep -c '"nhsuk-radios nhsuk-radios--inline nhsuk-radios--small"' body)" "10" "... with the design system's small radios"
has body '<details class="nhsuk-details">' "... the tips' source and licence one click away"
has body "Tip wording © Sainsbury Centre for Mental Health" "... and on the page"
has body 'href="/reflect" aria-current="page"' "... marked in the header as Reflect"
same "$(code -b j.jar "$(U /people/P1/reflect)")" "200" "the reflection about an interaction with Sam"
has body "Reflect on your interaction with Sam Testperson (P1)" "... names them"

# Saved, tied to the day given and to the person.
before=$(q "SELECT count(*) FROM response")
same "$(code -b j.jar -d "csrf=$JCS" -d "when-day=$YD" -d "when-month=$YM" -d "when-year=$YY" $(tips partly) "$(U /people/P1/reflect)")" "303" "a reflection on yesterday's interaction with Sam is saved"
RID=$(q "SELECT max(id) FROM response")
same "$(location)" "/reflections?saved=$RID" "... and the practitioner is shown it"
same "$(q "SELECT subject_kind, authored, respondent FROM response WHERE id = $RID" | tr '|' ' ')" "staff $YISO staff" "... as the practitioner's own, on the day they gave"
same "$(q "SELECT p.ident FROM reflection x JOIN person p ON p.id = x.person_id WHERE x.response_id = $RID")" "P1" "... tied to Sam"
same "$(q "SELECT u.code FROM response r JOIN unit u ON u.id = r.unit_id WHERE r.id = $RID")" "svc" "... counted for the service where they work with Sam"
same "$(code -b j.jar "$(U "/reflections?saved=$RID")")" "200" "their reflections"
has body "Your reflection is saved: " "... confirm it is saved"
has body ", with <a href=\"/people/P1/journey\">Sam Testperson</a>" "... with whom"
same "$(code -b j.jar -d "csrf=$JCS" -d "when-day=$TD" -d "when-month=$TM" -d "when-year=$TY" $(tips yes) "$(U /reflect)")" "303" "a reflection tied to no one"
same "$(q "SELECT count(*) FROM reflection")" "1" "... names no one"
for i in 1 2 3 4 5 6 7 8 9 10 11; do
	code -b j.jar -d "csrf=$JCS" -d "when-day=$TD" -d "when-month=$TM" -d "when-year=$TY" $(tips yes) "$(U /reflect)" >/dev/null
done
same "$(code -b j.jar -d "csrf=$JCS" -d "when-day=$BD" -d "when-month=$BM" -d "when-year=$BY" $(tips no) "$(U /people/P1/reflect)")" "303" "a reflection on an interaction 300 days ago, after ten since"
code -b j.jar "$(U "$(location)")" >/dev/null
has body "Your reflection is saved: " "... is still confirmed, though not among the latest ten"
same "$(q "SELECT count(*) FROM response")" "$((before + 14))" "every reflection kept"
# The date as people type it: spaces around, the month by name.
same "$(code -b j.jar -d "csrf=$JCS" --data-urlencode "when-day= $TD " --data-urlencode "when-month=$(date -u +%B) " -d "when-year=$TY" $(tips yes) "$(U /reflect)")" "303" "a day with spaces around it and the month by name is taken"
same "$(code -b j.jar -d "csrf=$JCS" -d "when-day=$TD" -d "when-month=$(date -u +%b | tr A-Z a-z)" -d "when-year=$TY" $(tips yes) "$(U /reflect)")" "303" "... as is the month's first three letters"
same "$(q "SELECT count(*) FROM response")" "$((before + 16))" "... each kept"

# Private: a colleague on the same service sees neither, even by number.
web_login k.jar kim@example.org "quiet harbour lantern"
same "$(code -b k.jar "$(U "/reflections?saved=$RID")")" "200" "a colleague's reflections page, asking for Jo's"
hasnt body "Your reflection is saved" "... never shows Jo's"
hasnt body "Sam Testperson" "... nor with whom Jo met"

# Hostile or wrong input changes nothing and says why.
n=$(q "SELECT count(*) FROM response")
bad() { # WHAT DAY MONTH YEAR MESSAGE
	same "$(code -b j.jar -d "csrf=$JCS" -d "when-day=$2" -d "when-month=$3" -d "when-year=$4" $(tips yes) "$(U /people/P1/reflect)")" "400" "$1 is refused"
	has body "$5" "... saying why"
	has body 'href="#when-day"' "... linked from the summary to the date"
}
bad "a date that is not one" 31 2 2026 "Date of the interaction: enter a real date, for example 27 3 2026"
bad "a date in the future" "$FD" "$FM" "$FY" "The date of the interaction must be today or in the past"
bad "a date over a year ago" "$OD" "$OM" "$OY" "The date of the interaction must be within the last year"
bad "no date" "" "" "" "Enter the date of the interaction"
bad "letters for a day" "x" 1 2026 "enter a real date"
bad "a box with more than it holds" "1              5" "Dec" "$TY" "enter a real date"
bad "a year with more than it holds" "$TD" "$TM" "$TY           9" "enter a real date"
same "$(code -b j.jar -d "csrf=$JCS" -d "when-day=$TD" -d "when-month=$TM" -d "when-year=$TY" -d "tip-01=maybe" "$(U /reflect)")" "400" "an answer that is not one of the tips' is refused"
same "$(code -b j.jar -d "when-day=$TD" -d "when-month=$TM" -d "when-year=$TY" $(tips yes) "$(U /reflect)")" "403" "a reflection without the form's token is refused"
same "$(code -b j.jar -d "csrf=$JCS" -d "when-day=$TD" -d "when-month=$TM" -d "when-year=$TY" $(tips yes) "$(U /people/P9/reflect)")" "404" "a reflection about someone on another service's caseload is refused as not found"
same "$(code -b j.jar "$(U /people/P9/reflect)")" "404" "... and its form"
same "$(code -b j.jar "$(U /people/NOBODY/reflect)")" "404" "... as is someone who does not exist"
same "$(q "SELECT count(*) FROM response")" "$n" "nothing refused was kept"
web_login s.jar sam@example.org "quiet harbour lantern"
same "$(code -b s.jar "$(U /reflect)")" "404" "a person has no reflection to make"
stop
