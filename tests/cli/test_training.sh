# Recovery training over real HTTP on loopback: a service lead records one
# completion and imports CSV files (multipart/form-data, no JavaScript);
# a file with one bad row stores nothing and names the line; a wrong
# header, an unknown member of staff and a future date are refused; an
# exact repeat is skipped; another service is 404; CSRF is required.
. "$(dirname "$0")/lib.sh"

small_network s.db || fail "the network was not built"
$WAYMARK unit add --db s.db --kind service --code other --name "Other Service" --parent prov >/dev/null
printf 'lead password 1\n' >pw
$WAYMARK account add --db s.db --email l2@example.org --name "Lou Lead" --grant lead@svc --password-file pw >/dev/null
$WAYMARK account add --db s.db --email p2@example.org --name "Pat Practitioner" --grant practitioner@svc --password-file pw >/dev/null
$WAYMARK account add --db s.db --email o@example.org --name "Oli Other" --grant practitioner@other >/dev/null
training() { sqlite3 s.db "SELECT count(*) FROM training"; }
audits() { sqlite3 s.db "SELECT count(*) FROM audit WHERE action LIKE 'training%'"; }
tomorrow=$(date -u -d tomorrow +%F)
start s.db && pass "the server starts" || fail "the server did not start"

web_login l.jar l2@example.org "lead password 1"
same "$(code -b l.jar "$(U /services/svc)")" "200" "the service page"
has body 'href="/services/svc/training"' "... links to recovery training"
same "$(code -b l.jar "$(U /services/svc/training)")" "200" "the training page"
has body '<caption class="nhsuk-table__caption">Coverage' "... has a captioned coverage table"
has body '<th class="nhsuk-table__header" scope="col">Share</th>' "... with column headers"
has body 'WRAP Training</td><td class="nhsuk-table__cell">0</td><td class="nhsuk-table__cell">4</td><td class="nhsuk-table__cell">0%' \
    "... no one has done WRAP yet, of 4 current staff (practitioners and leads)"
has body 'enctype="multipart/form-data"' "... has a file upload form"
has body 'type="file"' "... with a file input"
has body '<option value="p2@example.org">Pat Practitioner (p2@example.org)</option>' "... staff to choose from"
hasnt body 'o@example.org' "... but not another service's staff"

# One completion, through the form.
same "$(code -b l.jar --data-urlencode "csrf=$WCS" --data-urlencode "staff=p2@example.org" \
    --data-urlencode "course=wrap" -d completed-day=15 -d completed-month=1 -d completed-year=2025 "$(U /services/svc/training)")" \
    "303" "one completion is recorded"
has headers "recorded=1&skipped=0" "... and the page is told so"
same "$(training)/$(audits)" "1/1" "... stored with an audit entry"
same "$(code -b l.jar "$(U '/services/svc/training?recorded=1&skipped=0')")" "200" "the page after"
has body "1 completion recorded." "... says what was done"
has body 'WRAP Training</td><td class="nhsuk-table__cell">1</td><td class="nhsuk-table__cell">4</td><td class="nhsuk-table__cell">25%' \
    "... and coverage counts it: 1 of 4, 25%"
has body "Pat Practitioner" "... the record is listed"

same "$(code -b l.jar --data-urlencode "csrf=$WCS" --data-urlencode "staff=p2@example.org" \
    --data-urlencode "course=wrap" -d "completed-day=${tomorrow:8:2}" -d "completed-month=${tomorrow:5:2}" -d "completed-year=${tomorrow:0:4}" "$(U /services/svc/training)")" \
    "400" "a future date is refused"
has body "completed: is after today" "... naming the field"
has body "name=\"completed-year\" type=\"text\" inputmode=\"numeric\" value=\"${tomorrow:0:4}\"" "... keeping what was typed"
has body "href=\"#completed-day\"" "... the summary leading to the date's first box"
same "$(code -b l.jar --data-urlencode "csrf=$WCS" --data-urlencode "staff=p2@example.org" \
    --data-urlencode "course=wrap" -d completed-day=31 -d completed-month=2 -d completed-year=2025 "$(U /services/svc/training)")" \
    "400" "a date that is not one is refused"
has body "completed: enter a real date, for example 27 3 2026" "... saying so"
same "$(code -b l.jar --data-urlencode "csrf=$WCS" --data-urlencode "staff=p2@example.org" \
    --data-urlencode "course=basket-weaving" "$(U /services/svc/training)")" \
    "400" "no date and an unknown course are refused"
has body "completed: enter the date the course was completed" "... saying the date is missing"
has body "course: " "... and what is wrong with the course, together"
same "$(code -b l.jar --data-urlencode "csrf=$WCS" --data-urlencode "staff=o@example.org" \
    --data-urlencode "course=wrap" -d completed-day=15 -d completed-month=1 -d completed-year=2025 "$(U /services/svc/training)")" \
    "400" "someone from another service is refused"
has body "is not a current member of staff of this service" "... saying why"
same "$(code -b l.jar --data-urlencode "csrf=$WCS" --data-urlencode "staff=p2@example.org" \
    --data-urlencode "course=basket-weaving" -d completed-day=15 -d completed-month=1 -d completed-year=2025 "$(U /services/svc/training)")" \
    "400" "an unknown course is refused"
same "$(training)/$(audits)" "1/1" "... and nothing refused was stored"

# Import files, sent as a browser sends a file input: multipart/form-data.
import() { code -b l.jar -F "csrf=$1" -F "file=@$2;type=text/csv" "$(U /services/svc/training/import)"; }
printf 'email,course,completed\r\np2@example.org,recovery-awareness,2024-11-01\r\nL2@example.org,recovery-awareness,2024-11-02\r\nlead@example.org,"wrap",2025-02-01\r\n' >good.csv
same "$(import "$WCS" good.csv)" "303" "a good file is imported"
has headers "recorded=3&skipped=0" "... all three rows, counted"
same "$(training)/$(audits)" "4/2" "... stored, with one audit entry for the import"
code -b l.jar "$(U /services/svc/training)" >/dev/null
has body 'Recovery Awareness Training</td><td class="nhsuk-table__cell">2</td><td class="nhsuk-table__cell">4</td><td class="nhsuk-table__cell">50%' \
    "... and coverage shows 2 of 4 did Recovery Awareness"

same "$(import "$WCS" good.csv)" "303" "the same file again"
has headers "recorded=0&skipped=3" "... skips every exact repeat"
same "$(training)" "4" "... and stores no duplicate"

before="$(training)/$(audits)"
printf 'email,course,completed\np2@example.org,recovery-qualities,2025-01-02\np2@example.org,support-time-recovery,%s\np2@example.org,intentional-peer-support,2025-01-03\n' "$tomorrow" >future.csv
same "$(import "$WCS" future.csv)" "400" "the CSV import rejects a file with one bad row"
has body "line 3: completed: is after today" "... naming its line and field"
has body 'href="#file"' "... linked to the file input"
same "$(training)/$(audits)" "$before" "... and stores nothing, not even the good rows"

printf 'email,course,completed\np2@example.org,wrap,2025-03-03\no@example.org,wrap,2025-01-02\nnobody@example.org,wrap,2025-01-02\n' >staff.csv
same "$(import "$WCS" staff.csv)" "400" "a file naming someone not on the staff is refused"
has body "line 3: email: is not a current member of staff of this service" "... staff of another service, by line"
has body "line 4: email: is not a current member of staff" "... an unknown email, by line"
same "$(training)/$(audits)" "$before" "... and nothing is stored"

printf 'Email,Course,Date\np2@example.org,wrap,2025-01-02\n' >header.csv
same "$(import "$WCS" header.csv)" "400" "a wrong header is refused"
has body "line 1: header: the first line must be exactly email,course,completed" "... saying what it must be"
same "$(training)/$(audits)" "$before" "... and nothing is stored"

same "$(code -b l.jar -F "csrf=$WCS" -F "file=@/dev/null;filename=empty.csv" "$(U /services/svc/training/import)")" "400" "an empty file is refused"
has body "choose a CSV file" "... saying what to do"

same "$(import "nope" good.csv)" "403" "an import without the session's token is refused"
same "$(code -b l.jar --data-urlencode "staff=p2@example.org" --data-urlencode "course=recovery-qualities" \
    -d completed-day=15 -d completed-month=1 -d completed-year=2025 "$(U /services/svc/training)")" "403" "so is one completion"
same "$(training)/$(audits)" "$before" "... and nothing is stored"

same "$(code -b l.jar "$(U /services/other/training)")" "404" "another service's training is not found"
same "$(code -b l.jar -F "csrf=$WCS" -F "file=@good.csv" "$(U /services/other/training/import)")" \
    "404" "nor can a file be imported there"
web_login p.jar p2@example.org "lead password 1"
same "$(code -b p.jar "$(U /services/svc/training)")" "404" "a practitioner cannot open the training page"

# The JSON API.
json() { python3 -c "import json,sys; d=json.load(open('body')); print(eval(sys.argv[1]))" "$1"; }
curl -s -c a.jar -o /dev/null -H 'Content-Type: application/json' \
    -d '{"email": "l2@example.org", "password": "lead password 1"}' "$(U /api/v1/session)"
same "$(code -b a.jar "$(U /api/v1/services/svc/training)")" "200" "the API gives a service's training"
same "$(json "d['staff']")" "4" "... the current staff"
same "$(json "[f\"{c['completed']}/{c['staff']}/{c['percent']}\" for c in d['coverage'] if c['course'] == 'recovery-awareness'][0]")" \
    "2/4/50" "... coverage per course"
same "$(json "len(d['records'])")" "4" "... and the records"
same "$(code -b a.jar "$(U /api/v1/services/other/training)")" "404" "... and 404 for another service"
