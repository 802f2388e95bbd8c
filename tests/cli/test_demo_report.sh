# The demo network is reproducible, and the network report reads it.
. "$(dirname "$0")/lib.sh"

run 0 "build a small demo" -- $WAYMARK demo --db a.db --people 60 --seed 7
has out "60 people" "the demo says what it built"
run 0 "build it again with the same seed" -- $WAYMARK demo --db b.db --people 60 --seed 7
sqlite3 a.db .dump >a.sql
sqlite3 b.db .dump >b.sql
if cmp -s a.sql b.sql; then pass "same seed, same database content"; else fail "same seed gave different content"; fi
$WAYMARK demo --db c.db --people 60 --seed 8 >/dev/null
sqlite3 c.db .dump >c.sql
if cmp -s a.sql c.sql; then fail "a different seed gave the same content"; else pass "a different seed gives a different network"; fi
run 1 "the demo never overwrites a file" -- $WAYMARK demo --db a.db --people 5
has err "already exists" "says the file exists"

same "$(sqlite3 a.db "SELECT kind, count(*) FROM unit GROUP BY kind ORDER BY kind" | tr '\n' ' ')" "network|1 provider|5 service|14 " "1 network, 5 providers, 14 services"
staff=$(sqlite3 a.db "SELECT count(*) FROM account")
[ "$staff" -ge 100 ] && [ "$staff" -le 140 ] && pass "about 120 staff accounts ($staff)" || fail "staff accounts: $staff"
same "$(sqlite3 a.db "SELECT count(DISTINCT account_id) > 60 FROM training")" "1" "many staff have training records"
same "$(sqlite3 a.db "SELECT count(*) FROM cycle")" "42" "each service has its cycles (markers, shared needs, indicators)"
same "$(sqlite3 a.db "SELECT count(*) FROM (SELECT DISTINCT respondent FROM response r JOIN instrument i ON i.id = r.instrument_id WHERE i.family = 'dreem')")" "2" "DREEM answered alone and with a practitioner"
same "$(sqlite3 a.db "SELECT min(c) >= 4 FROM (SELECT count(*) c, min(authored) f FROM response r JOIN instrument i ON i.id = r.instrument_id WHERE i.url LIKE '%dreem-recovery-markers' GROUP BY subject_id) WHERE f < '2024-11-01'")" "1" "people there from the start answer the markers about every 6 months"

run 0 "network report (text)" -- $WAYMARK report network --db a.db
has out "The 10 core standards" "standards section"
has out "Recovery outcomes, every measure" "outcomes section"
has out "Mean scores quarter by quarter" "the quarter-by-quarter means are a section of their own"
hasnt out "DEMO-0" "no identifiers in the commissioners' report"
# Every quarter the demo has answers in, so the means cover them all.
FIRST=$(sqlite3 a.db "SELECT min(quarter) FROM response")
run 0 "network report (CSV, no suppression)" -- $WAYMARK report network --db a.db --format csv --disclosure none --from "$FIRST"
cp out rep.csv
python3 - rep.csv a.db >py.out 2>&1 <<'PY'
import csv, sqlite3, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='')))
db = sqlite3.connect(sys.argv[2])
# Invariant: the report's means equal a plain recomputation from the answers.
plain = {}
for site, q, who, mean, n in db.execute("""
    SELECT u.code, r.quarter, r.respondent, avg(v), count(*) FROM (
      SELECT a.response_id, avg(o.value) v FROM answer a
      JOIN response r ON r.id = a.response_id
      JOIN instrument i ON i.id = r.instrument_id
      JOIN instrument_option o ON o.instrument_id = r.instrument_id
       AND o.item_idx = a.item AND o.idx = a.option
      WHERE i.url LIKE '%dreem-recovery-markers' AND o.value IS NOT NULL
      GROUP BY a.response_id HAVING count(*) * 100 >= 80 * 11) s
    JOIN response r ON r.id = s.response_id JOIN unit u ON u.id = r.unit_id
    GROUP BY u.code, r.quarter, r.respondent"""):
    plain[(site, q, who)] = (mean, n)
got = {}
for r in rows:
    if r['section'] == 'quarterly-means' and r['measure'] == 'recovery-markers':
        q = r['window'].split('..')
        assert q[0] == q[1], r
        got.setdefault((r['service'], q[0], r['answered_by']), {})[r['figure']] = r['value']
got = {k: (float(v['mean']), int(v['people'])) for k, v in got.items()}
assert got.keys() == plain.keys(), (len(got), len(plain))
# Means are printed to 2 places; counts must match exactly.
bad = [k for k in got if abs(got[k][0] - plain[k][0]) > 0.0051 or got[k][1] != plain[k][1]]
assert not bad, [(k, got[k], plain[k]) for k in bad[:4]]
assert all(r['disclosure'] == 'none' for r in rows)
print('matched', len(got))
PY
[ $? -eq 0 ] && pass "report means equal a plain recomputation ($(cat py.out))" || fail "report differs from plain SQL: $(cat py.out)"
# Each rule, row by row against the unsuppressed report: under MHSDS (the
# default) and HES the counts of people behind the quarterly means are
# withheld, and a mean is withheld below 5 and 8 people.
check_rule() { # RULE CSV
	python3 - "$1" rep.csv "$2" >py.out 2>&1 <<'PY'
import csv, sys
rule, raw, got = sys.argv[1], sys.argv[2], sys.argv[3]
key = lambda r: (r['section'], r['service'], r['window'], r['answered_by'], r['measure'], r['figure'])
want = {key(r): r for r in csv.DictReader(open(raw, newline=''))}
rows = list(csv.DictReader(open(got, newline='')))
assert len(rows) == len(want), (len(rows), len(want))
low, high, least = {'mhsds': (0, 4, 5), 'hes': (1, 7, 8)}[rule]
withheld = 0
for r in rows:
    assert r['disclosure'] == rule, r
    if r['section'] != 'quarterly-means':
        continue
    w = want[key(r)]
    people = want[key(dict(r, figure='people'))]
    n = int(people['value'])
    if r['figure'] == 'people':
        # Only the analysts' rule prints the counts behind the means
        # (docs/statistics.md says why).
        assert r['value'] == '*', r
        withheld += 1
    else:
        assert (r['value'] == '*') == (n < least), (r, n)
        if n >= least:
            assert r['value'] == w['value'], (r, w)
print('ok', withheld, 'withheld')
PY
}
run 0 "network report with disclosure control (the default)" -- $WAYMARK report network --db a.db --format csv --from "$FIRST"
check_rule mhsds out && pass "by default the MHSDS rule, row by row ($(cat py.out))" || fail "MHSDS rule: $(cat py.out)"
run 0 "network report under the HES rule" -- $WAYMARK report network --db a.db --format csv --disclosure hes --from "$FIRST"
cp out hes.csv
check_rule hes hes.csv && pass "the HES rule, row by row ($(cat py.out))" || fail "HES rule: $(cat py.out)"
run 0 "the text report names the rule" -- $WAYMARK report network --db a.db
has out "Small numbers (mhsds): Figures follow NHS England's rule" "... MHSDS by default"
run 2 "the old rule name nhs is refused" -- $WAYMARK report network --db a.db --disclosure nhs
has err "'nhs' is not a disclosure rule: use mhsds (NHS England's MHSDS rule, the default), hes (the stricter HES rule) or none" "... naming the three rules"
run 2 "an unknown rule is refused" -- $WAYMARK report network --db a.db --disclosure strict
# The network's own choice is the report's default.
$WAYMARK network set --db a.db --disclosure hes >/dev/null
run 0 "network report after the network chose HES" -- $WAYMARK report network --db a.db --format csv --from "$FIRST"
same "$(cat out)" "$(cat hes.csv)" "... is under the HES rule without --disclosure"
run 0 "--disclosure still chooses for one report" -- $WAYMARK report network --db a.db --format csv --disclosure none --from "$FIRST"
same "$(cat out)" "$(cat rep.csv)" "... none, for the network's own analysts"

# One vote per validator: a validator who submits again is refused, so
# their first rating stands and they are counted once.
R="$FIX/responses"
small_network v.db || fail "could not build the small network"
$WAYMARK respond --db v.db "$R/good-standards-lead.json" >/dev/null
$WAYMARK respond --db v.db "$R/good-standards-validator-red.json" >/dev/null
$WAYMARK respond --db v.db "$R/good-standards-validator2-green.json" >/dev/null
run 1 "a validator's second rating of the period is refused" -- $WAYMARK respond --db v.db "$R/good-standards-validator2-green.json"
run 1 "... and a third" -- $WAYMARK respond --db v.db "$R/good-standards-validator2-green.json"
W=2025-Q1..2025-Q4
run 0 "report with repeated validations" -- $WAYMARK report network --db v.db --format csv --from 2025-Q1 --to 2025-Q4
has out "standards,prov,svc,Test Service,$W,standard-1,,consensus,red," "each validator counts once (lower median of red and green is red)"
has out "standards,prov,svc,Test Service,$W,standard-1,,self,amber," "the lead's self-rating is shown beside it"

# People are counted once each, and a person and a staff member whose
# record numbers happen to be equal are still two people.
$WAYMARK instrument load --db v.db "$ROOT/instruments/shared-needs.json" >/dev/null
needs() { # SUBJECT
	cat <<JSON
{"resourceType": "QuestionnaireResponse",
 "questionnaire": "https://waymark.example/fhir/Questionnaire/shared-needs|1.0.0",
 "status": "completed", "subject": {"reference": "$1"},
 "author": {"reference": "Practitioner/prac@example.org"},
 "authored": "2025-05-02",
 "extension": [{"url": "https://waymark.example/fhir/StructureDefinition/respondent", "valueCode": "staff"},
   {"url": "https://waymark.example/fhir/StructureDefinition/unit", "valueReference": {"reference": "Organization/svc"}}],
 "item": [{"linkId": "need-security", "item": [{"linkId": "security", "answer": [{"valueCoding": {"code": "agree"}}]}]},
   {"linkId": "need-attention", "item": [{"linkId": "attention", "answer": [{"valueCoding": {"code": "agree"}}]}]},
   {"linkId": "need-autonomy", "item": [{"linkId": "autonomy", "answer": [{"valueCoding": {"code": "agree"}}]}]},
   {"linkId": "need-emotional-connection", "item": [{"linkId": "emotional-connection", "answer": [{"valueCoding": {"code": "agree"}}]}]},
   {"linkId": "need-friendship", "item": [{"linkId": "friendship", "answer": [{"valueCoding": {"code": "agree"}}]}]},
   {"linkId": "need-privacy", "item": [{"linkId": "privacy", "answer": [{"valueCoding": {"code": "agree"}}]}]},
   {"linkId": "need-status", "item": [{"linkId": "status", "answer": [{"valueCoding": {"code": "agree"}}]}]},
   {"linkId": "need-competence", "item": [{"linkId": "competence", "answer": [{"valueCoding": {"code": "agree"}}]}]},
   {"linkId": "need-meaning", "item": [{"linkId": "meaning", "answer": [{"valueCoding": {"code": "agree"}}]}]}]}
JSON
}
needs Patient/P1 >n1.json
needs Practitioner/prac@example.org >n2.json
same "$(sqlite3 v.db "SELECT (SELECT id FROM person WHERE ident = 'P1') = (SELECT id FROM account WHERE email = 'prac@example.org')")" "1" "the person and the practitioner share a record number"
run 0 "a staff rating about a person" -- $WAYMARK respond --db v.db n1.json
run 0 "a staff member's own shared needs" -- $WAYMARK respond --db v.db n2.json
run 0 "the same again" -- $WAYMARK respond --db v.db n2.json
same "$(sqlite3 v.db "SELECT responses || '/' || people FROM rollup WHERE measure = 'shared-needs' AND scale = ''")" "3/2" "3 responses from 2 distinct people"

# The demo's public sign-ins, one per role, exactly as scripts expect.
run 0 "a tiny demo" -- $WAYMARK demo --db s.db --people 3 --seed 1
same "$(grep -c '^sign-in: ' out)" "7" "seven sign-ins are printed"
for role in person practitioner lead validator commissioner admin supporter; do
	grep -qE "^sign-in: $role [^ ]+@demo\.waymark\.example [^ ]{10,}$" out && pass "a $role sign-in" || fail "no $role sign-in line"
done
same "$(sqlite3 s.db "SELECT count(*) FROM account WHERE password_hash LIKE '\$argon2id\$%'")" "7" "only the seven demo sign-ins have passwords"
same "$(sqlite3 s.db "SELECT count(*) FROM account a JOIN supporter s ON s.account_id = a.id JOIN person p ON p.id = s.person_id LEFT JOIN role_grant g ON g.account_id = a.id WHERE a.email = 'supporter@demo.waymark.example' AND p.ident = 'DEMO-000001' AND g.role IS NULL")" "1" "the supporter's account holds no role and supports the demo person"
same "$(sqlite3 s.db "SELECT count(*) FROM account a JOIN role_grant g ON g.account_id = a.id WHERE a.email = 'person@demo.waymark.example' AND g.role = 'person' AND a.person_id IS NOT NULL")" "1" "the person's account is theirs, on their service's caseload"
