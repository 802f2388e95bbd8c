# My record, over a real server: the answers CSV carries each question's
# wording as the person was asked it, and "who has looked at my record"
# is a page of the person's own, paged, in words, and theirs alone.
. "$(dirname "$0")/lib.sh"
$WAYMARK demo --db d.db --people 20 --seed 4 >demo.txt || fail "the demo was not built"
ME=$(sqlite3 d.db "SELECT p.ident FROM account a JOIN person p ON p.id = a.person_id WHERE a.email = '$(signin person | cut -d' ' -f1)'")
MEID=$(sqlite3 d.db "SELECT id FROM person WHERE ident = '$ME'")
OTHER=$(sqlite3 d.db "SELECT p.ident FROM person p JOIN caseload c ON c.person_id = p.id JOIN unit u ON u.id = c.unit_id WHERE u.code = 'exbridge-recovery' AND p.id <> $MEID ORDER BY p.ident LIMIT 1")
[ -n "$ME" ] && [ -n "$OTHER" ] && pass "the demo has the person and another on their service" || fail "no person to test with"
# A question whose wording needs the CSV writer's care: a comma, quotes,
# and a leading = that a spreadsheet would run as a formula.
sqlite3 d.db "UPDATE instrument_item SET text = '=HYPERLINK(\"x\"), I value my activities' WHERE link_id = 'activities'"
start d.db && pass "the server starts" || fail "the server did not start"
login me person
login prac practitioner
login lead lead

# --- the answers CSV --------------------------------------------------------
same "$(code -b me "$(U /my-record/answers.csv)")" "200" "the answers download"
cp body answers.csv
sqlite3 -separator '|' d.db "SELECT r.id, it.link_id, it.text FROM response r JOIN answer a ON a.response_id = r.id JOIN instrument_item it ON it.instrument_id = r.instrument_id AND it.idx = a.item WHERE r.subject_kind = 'person' AND r.subject_id = $MEID AND r.status = 'completed'" >asked.txt
python3 - answers.csv asked.txt >py.out 2>&1 <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
head, body = rows[0], rows[1:]
before = ['response_id', 'instrument', 'version', 'subject_kind', 'subject',
          'unit', 'respondent', 'stakeholder', 'status', 'authored', 'item',
          'code', 'display', 'value', 'text']
assert head[:len(before)] == before, 'columns moved: %s' % head
assert head[len(before):] == ['question'], 'the new column: %s' % head[len(before):]
assert body and all(len(r) == len(head) for r in body), 'ragged rows'
asked = {}
for line in open(sys.argv[2], encoding='utf-8'):
    rid, link, text = line.rstrip('\n').split('|', 2)
    asked[(rid, link)] = text
q = head.index('question')
for r in body:
    want = asked[(r[0], r[head.index('item')])]
    got = r[q]
    if want.startswith('='):
        assert got == "'" + want, 'a formula is not guarded: %r' % got
    else:
        assert got == want, '%s: %r != %r' % (r[head.index('item')], got, want)
print('ok', len(body), sum(1 for r in body if r[q]))
PY
[ $? -eq 0 ] && pass "every answer carries its question's wording, after the columns there before ($(cat py.out))" || fail "the answers CSV's questions: $(cat py.out)"
has answers.csv "\"'=HYPERLINK(\"\"x\"\"), I value my activities\"" "a question with a comma and quotes is quoted, its = guarded"

# --- who has looked at my record -------------------------------------------
same "$(code -b me "$(U /my-record)")" "200" "the record page"
has body '<a href="/my-record/views">' "... links to who has looked at the record"
same "$(code -b me "$(U /my-record/views)")" "200" "who has looked at my record"
has body '<h1 class="nhsuk-heading-l">Who has looked at your record</h1>' "... is a page of its own"
has body "No one has looked at your record yet." "... which says so when no one has"
has body '<a class="nhsuk-back-link" href="/my-record">' "... with a way back to the record"
n0=$(sqlite3 d.db "SELECT count(*) FROM audit")
same "$(code -b prac "$(U "/people/$ME/journey")")" "200" "their practitioner opens their journey"
same "$(code -b lead "$(U "/people/$ME/goals")")" "200" "their service's lead opens their goals"
same "$(code -b prac "$(U "/people/$OTHER/journey")")" "200" "the practitioner opens someone else's journey"
same "$(code -b me "$(U /my-record/views)")" "200" "the page again"
cp body views.html
has views.html "Showing 1 to 2 of 2 entries" "... counts only views of their own record"
pname=$(sqlite3 d.db "SELECT name FROM account WHERE email = '$(signin practitioner | cut -d' ' -f1)'")
lname=$(sqlite3 d.db "SELECT name FROM account WHERE email = '$(signin lead | cut -d' ' -f1)'")
has views.html "<span>$pname (Practitioner, Exbridge Recovery Team)</span>" "who: the practitioner's name and role in words"
has views.html "<span>$lname (Service lead, Exbridge Recovery Team)</span>" "... and the lead's"
has views.html "<span>Viewed journey</span>" "what: the journey"
has views.html "<span>Viewed goals</span>" "... and the goals"
grep -qE '<span>[0-9]{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) [0-9]{4}, [0-2][0-9]:[0-5][0-9]</span>' views.html &&
    pass 'when: "6 December 2026, 14:05"' || fail "no date in words on the views page"
hasnt views.html "T$(date -u +%H)" "... never an ISO timestamp"
# Newest first: the lead's goals before the practitioner's journey.
same "$(grep -o 'Viewed [a-z]*' views.html | tr '\n' ' ')" "Viewed goals Viewed journey " "newest first"
has views.html '<caption class="nhsuk-table__caption">' "a captioned table"
has views.html 'nhsuk-table-responsive__heading' "... that stacks its rows on a phone"
same "$(sqlite3 d.db "SELECT count(*) FROM audit")" "$((n0 + 3))" "the person reading their views writes no view of their own"

# A name is text, never markup; a measure viewed is named.
sqlite3 d.db "UPDATE account SET name = '<b>Bold</b> Name' WHERE email = '$(signin practitioner | cut -d' ' -f1)'"
mid=$(sqlite3 d.db "SELECT id FROM instrument WHERE name = 'DREEMRecoveryMarkers' ORDER BY id DESC LIMIT 1")
same "$(code -b prac "$(U "/people/$ME/measures/$mid")")" "200" "the practitioner opens a measure to answer together"
same "$(code -b me "$(U /my-record/views)")" "200" "the page after it"
has body "&lt;b&gt;Bold&lt;/b&gt; Name" "names are escaped"
hasnt body "<b>Bold</b>" "... never markup"
has body "Viewed a measure to answer together, with any answers saved: DREEM recovery markers" "what: the measure, named"

# Paged like other long lists: 50 to a page.
sqlite3 d.db "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)
INSERT INTO audit(at, actor_account_id, action, subject_kind, subject_id)
  SELECT printf('2025-03-%02dT09:%02d:00Z', 1 + i % 28, i % 60), NULL, 'viewed journey', 'person', $MEID FROM n"
same "$(code -b me "$(U /my-record/views)")" "200" "a long list"
has body "Showing 1 to 50 of 63 entries" "... shows 50 of them"
same "$(grep -c '<tr class="nhsuk-table__row"><td' body)" "50" "... 50 rows"
has body '<nav class="nhsuk-pagination' "... with the numbered pagination"
has body 'href="/my-record/views?page&#61;2" class="nhsuk-pagination__next" rel="next"' "... linking the next page"
same "$(code -b me "$(U '/my-record/views?page=2')")" "200" "the second page"
has body "Showing 51 to 63 of 63 entries" "... the rest"
has body "<span>Waymark</span>" "an entry without an account is Waymark's"
has body "<span>1 March 2025, 09:28</span>" "... dated in words"
same "$(code -b me "$(U '/my-record/views?page=9')")" "200" "a page past the last"
has body "There is no page 9: there are 2 pages." "... says so"
for bad in 0 -1 x 1e3 99999999; do
	same "$(code -b me "$(U "/my-record/views?page=$bad")")" "400" "page=$bad is refused"
done
has body "Page must be a whole number" "... saying what a page must be"

# The person's alone.
for who in prac lead; do
	same "$(code -b $who "$(U /my-record/views)")" "404" "$who has no record views page of their own"
done
same "$(code "$(U /my-record/views)")" "303" "signed out, it asks to sign in"
login other commissioner
same "$(code -b other "$(U /my-record/views)")" "404" "nor has a commissioner"
stop
