# CSV export: RFC 4180, one row per answer, formulas guarded, filters.
. "$(dirname "$0")/lib.sh"
R="$FIX/responses"
small_network e.db || fail "could not build the small network"
$WAYMARK respond --db e.db "$R/good-dreem.json" >/dev/null
$WAYMARK respond --db e.db "$R/good-tips-formula-note.json" >/dev/null
$WAYMARK respond --db e.db "$R/good-standards-lead.json" >/dev/null

run 0 "export responses as CSV" -- $WAYMARK export responses --db e.db --format csv
cp out all.csv
# A standard CSV parser reads it back: header, then one row per answer.
python3 - all.csv >py.out 2>&1 <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='')))
head, body = rows[0], rows[1:]
assert head[:3] == ['response_id', 'instrument', 'version'], head
assert all(len(r) == len(head) for r in body), 'ragged rows'
print('rows', len(body))
ev = [r for r in body if r[head.index('item')] == 'standard-1-evidence'][0]
print('evidence', ev[head.index('text')])
hope = [r for r in body if r[head.index('item')] == 'hopeful'][0]
print('hopeful', hope[head.index('code')], hope[head.index('value')], hope[head.index('subject')])
print('columns', ' '.join(head[-2:]))
print('asked', hope[head.index('question')])
PY
[ $? -eq 0 ] && pass "the CSV parses with Python's csv module" || fail "the CSV does not parse: $(cat py.out)"
same "$(grep '^rows' py.out)" "rows $(sqlite3 e.db "SELECT count(*) FROM answer a JOIN response r ON r.id = a.response_id WHERE r.subject_kind <> 'staff'")" "one row per stored answer about people and services"
has py.out "evidence '=SUM(A1:A9) was our audit score; \"quoted\", and more" "a cell starting with = is guarded and round-trips"
hasnt all.csv "prac@example.org" "a practitioner's own reflections are never exported"
hasnt all.csv "ten-top-tips" "no Ten Top Tips reflection is exported"
has py.out "hopeful strongly-agree 5 P1" "codes, values and identifiers are exported"
has py.out "columns text question" "the question's wording comes last, after the columns there before it"
has py.out "asked I feel hopeful about my future" "... as the instrument words it"
hasnt all.csv "Sam Testperson" "names are never exported"

run 0 "export one instrument" -- $WAYMARK export responses --db e.db --format csv --instrument https://waymark.example/fhir/Questionnaire/dreem-recovery-markers
same "$(($(wc -l <out) - 1))" "11" "only that instrument's answers"
run 0 "export one unit" -- $WAYMARK export responses --db e.db --format csv --unit prov
same "$(($(wc -l <out) - 1))" "$(($(wc -l <all.csv) - 1))" "a provider includes its services"
run 1 "an unknown unit is refused" -- $WAYMARK export responses --db e.db --format csv --unit nope
run 2 "an unknown format is refused" -- $WAYMARK export responses --db e.db --format xml
same "$(sqlite3 e.db "SELECT count(*) FROM audit WHERE action LIKE 'responses exported%'")" "3" "each export is audited"
same "$(sqlite3 e.db "SELECT detail FROM audit WHERE action LIKE 'responses exported%' ORDER BY id DESC LIMIT 1")" "instrument all; unit prov" "the audit records what was exported"
