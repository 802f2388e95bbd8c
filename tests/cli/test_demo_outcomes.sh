# The demo gives a commissioner something true to look at: on the demo as
# `make run` builds it (2,000 people, seed 2008), services whose people
# recover at different rates, more than chance alone would give (phi > 1);
# Beacon Recovery College clearly above the funnel's 99.8% limits of
# reliable improvement and Tavmouth CMHT clearly below them; Honibury
# Recovery House with too few people paired to show; and paired-outcome
# rates, cycle completion and goals that differ from service to service.
# demo_outcomes.py works every figure out from the raw tables.
. "$(dirname "$0")/lib.sh"

CHECK="$ROOT/tests/cli/demo_outcomes.py"
run 0 "build the demo at its default size" -- $WAYMARK demo --db d.db
has out "2000 people" "the default demo has 2,000 people"

$WAYMARK report network --db d.db --format json --disclosure none --from 2025-Q4 --to 2026-Q3 >rep.json
python3 "$CHECK" d.db --above beacon-college --below tavmouth-cmht \
    --small honibury-house --report rep.json >py.out 2>&1
if [ $? -eq 0 ]; then
	pass "the network view finds what the demo was built to show ($(grep -m1 '^window' py.out))"
else
	fail "the demo's outcomes: $(grep -E 'FAIL|Error' py.out | head -3)"
	sed 's/^/    /' py.out >&2
fi

grep -q '^left out and indicators 2025-Q4..2026-Q3: no response [1-9]' py.out &&
    pass "who is left out and what people say are the report's ($(grep -m1 '^left out' py.out | cut -d: -f2-))" ||
    fail "who is left out and the indicators were not compared with the report"

# The checker can fail: it would notice a demo that did not show these.
python3 "$CHECK" d.db --above tavmouth-cmht >py.out 2>&1
[ $? -eq 1 ] && grep -q "^FAIL: .*above the limits: \['beacon-college'\]" py.out &&
    pass "the checker fails when another service is expected above" ||
    fail "the checker did not fail on a wrong expectation: $(tail -1 py.out)"
python3 "$CHECK" d.db --small exbridge-recovery >py.out 2>&1
[ $? -eq 1 ] && grep -q "^FAIL: .*exbridge-recovery has [0-9]* people paired" py.out &&
    pass "the checker fails when a large service is expected to be small" ||
    fail "the checker did not fail on a wrong small service: $(tail -1 py.out)"

# The small service opened during the demo, with a set number of places,
# and its cycles start the day it opened.
same "$(sqlite3 d.db "SELECT count(*) || ' ' || min(k.start_date) FROM caseload k JOIN unit u ON u.id = k.unit_id WHERE u.code = 'honibury-house'")" \
    "8 2026-01-05" "Honibury Recovery House has its 8 people, from the day it opened"
same "$(sqlite3 d.db "SELECT DISTINCT y.start_date FROM cycle y JOIN unit u ON u.id = y.unit_id WHERE u.code = 'honibury-house'")" \
    "2026-01-05" "its cycles start the day it opened"

# Goals of people's own, set on a day of the demo and reviewed after it.
same "$(sqlite3 d.db "SELECT count(DISTINCT person_id) > 500 FROM goal")" "1" "many people have goals of their own"
same "$(sqlite3 d.db "SELECT count(*) FROM goal g WHERE substr(g.created, 1, 10) < '2024-10-01' OR substr(g.created, 1, 10) > '2026-09-30' OR EXISTS (SELECT 1 FROM goal_review v WHERE v.goal_id = g.id AND (v.reviewed < substr(g.created, 1, 10) OR v.reviewed > '2026-09-30'))")" \
    "0" "each goal is set during the demo and reviewed on or after the day it was set"
same "$(sqlite3 d.db "SELECT count(*) FROM goal_review v JOIN goal g ON g.id = v.goal_id WHERE v.author_kind <> 'person' OR v.author_id <> g.person_id")" \
    "0" "people review their own goals"
