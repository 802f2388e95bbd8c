# waymark training import | add: the same rules as the web pages, every
# bad row named as FILE:LINE: field: reason, and nothing stored when any
# row is bad; an exact repeat is skipped, so importing again adds nothing.
. "$(dirname "$0")/lib.sh"

small_network t.db || fail "the network was not built"
$WAYMARK unit add --db t.db --kind service --code other --name "Other Service" --parent prov >/dev/null
$WAYMARK account add --db t.db --email elsewhere@example.org --name "Eli Elsewhere" --grant practitioner@other >/dev/null
training() { sqlite3 t.db "SELECT count(*) FROM training"; }
audits() { sqlite3 t.db "SELECT count(*) FROM audit WHERE action LIKE 'training%'"; }
today=$(date -u +%F)
tomorrow=$(date -u -d tomorrow +%F)

printf 'email,course,completed\r\nprac@example.org,wrap,2025-01-02\r\nLEAD@example.org,recovery-awareness,%s\r\n"prac@example.org",intentional-peer-support,2024-12-31\r\n' "$today" >good.csv
run 0 "a good file is imported" -- $WAYMARK training import --db t.db --service svc good.csv
has out "3 recorded, 0 already recorded" "... and says how many"
same "$(training)" "3" "... all three rows are stored"
same "$(audits)" "1" "... with one audit entry"
same "$(sqlite3 t.db "SELECT course FROM training t JOIN account a ON a.id = t.account_id WHERE a.email = 'lead@example.org'")" \
    "recovery-awareness" "... for the right member of staff, the email's case aside"

run 0 "the same file again" -- $WAYMARK training import --db t.db --service svc good.csv
has out "0 recorded, 3 already recorded (skipped)" "... skips every exact repeat"
same "$(training)" "3" "... and stores no duplicate"

before=$(training)/$(audits)
printf 'email,course,completed\nprac@example.org,recovery-qualities,2025-01-02\nprac@example.org,support-time-recovery,%s\nprac@example.org,wrap,2025-02-02\n' "$tomorrow" >future.csv
run 1 "a file with one future date is refused" -- $WAYMARK training import --db t.db --service svc future.csv
has err "future.csv:3: completed: is after today" "... naming the file, the line and the field"
has err "nothing was imported" "... and saying nothing was imported"
same "$(training)/$(audits)" "$before" "... and nothing is stored, not even the good rows"

printf 'email,course,completed\nprac@example.org,wrap,2025-03-03\nelsewhere@example.org,wrap,2025-01-02\nnobody@example.org,wrap,2025-01-02\n' >staff.csv
run 1 "a file naming someone who is not staff here is refused" -- $WAYMARK training import --db t.db --service svc staff.csv
has err "staff.csv:3: email: is not a current member of staff of this service" "... staff of another service, by line"
has err "staff.csv:4: email: is not a current member of staff" "... and an unknown email, by line"
same "$(training)/$(audits)" "$before" "... and nothing is stored"

printf 'Email,Course,Date\nprac@example.org,wrap,2025-01-02\n' >header.csv
run 1 "a wrong header is refused" -- $WAYMARK training import --db t.db --service svc header.csv
has err "header.csv:1: header: the first line must be exactly email,course,completed" "... saying what the header must be"
same "$(training)/$(audits)" "$before" "... and nothing is stored"

printf 'email,course,completed\nprac@example.org,WRAP,2025-01-02\nprac@example.org,wrap,2025-02-30\nprac@example.org,wrap\n' >rows.csv
run 1 "every bad row is reported" -- $WAYMARK training import --db t.db --service svc rows.csv
has err "rows.csv:2: course: is not a course code of the catalogue; the codes are: recovery-awareness" "... an unknown course, with the codes"
has err "rows.csv:3: completed: is not a date written YYYY-MM-DD" "... an impossible date"
has err "rows.csv:4: row: has 2 fields; each row has 3" "... a short row"

run 1 "a service that does not exist" -- $WAYMARK training import --db t.db --service nope good.csv
has err "--service: no unit 'nope'" "... is named"
run 1 "a provider is not a service" -- $WAYMARK training import --db t.db --service prov good.csv
run 2 "the service is required" -- $WAYMARK training import --db t.db good.csv
run 1 "a missing catalogue is named" -- $WAYMARK training import --db t.db --service svc --courses nowhere.json good.csv
has err "nowhere.json" "... by its file"

run 0 "one completion is added" -- $WAYMARK training add --db t.db --service svc --email prac@example.org --course recovery-degree-module --completed 2025-05-05
has out "1 recorded" "... and counted"
same "$(training)" "4" "... and stored"
run 0 "the same completion again" -- $WAYMARK training add --db t.db --service svc --email prac@example.org --course recovery-degree-module --completed 2025-05-05
has out "0 recorded, 1 already recorded (skipped)" "... is skipped"
run 1 "a future completion is refused" -- $WAYMARK training add --db t.db --service svc --email prac@example.org --course wrap --completed "$tomorrow"
has err "completed: is after today" "... naming the field"
run 1 "someone from another service is refused" -- $WAYMARK training add --db t.db --service svc --email elsewhere@example.org --course wrap --completed 2025-01-01
has err "email: is not a current member of staff" "... naming the field"
same "$(training)" "4" "... and nothing more is stored"
