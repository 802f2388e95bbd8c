# The network's outcomes kept at write time (migration 9): a database
# made by the version before, with responses and goals in it, gets the
# same state on upgrading as one that kept it from the start, and the
# figures of the plain SQL in bench/ (over the raw tables); and
# `waymark respond` keeps it, a backdated response included.
. "$(dirname "$0")/lib.sh"

# The rows' quarters, numbered as the rows number them, and back.
QUARTER="(o.quarter / 4) || '-Q' || (o.quarter % 4 + 1)"
NEXT="coalesce((o.next_quarter / 4) || '-Q' || (o.next_quarter % 4 + 1), '-')"
q() { echo $(( ${1%-Q*} * 4 + ${1#*-Q} - 1 )); }

# The state, as text, each series by its name (the upgrade numbers them
# in another order than saving does); sums to 9 digits (they are added
# up in another order too).
state() {
	sqlite3 "$1" "SELECT o.person_id, s.measure, s.scale, s.respondent, $QUARTER, o.unit_id, o.responses, o.first, o.latest, $NEXT, o.first_response, o.latest_date, o.latest_response FROM outcome o JOIN outcome_series s ON s.id = o.series ORDER BY 1, 2, 3, 4, 5"
	sqlite3 "$1" "SELECT * FROM outcome_count ORDER BY 1, 2"
	sqlite3 "$1" "SELECT measure, scale, respondent, kind, item, n, printf('%.9g', sum), printf('%.9g', sumsq) FROM outcome_baseline WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5"
}

# The plain SQL of bench/NAME with its parameters, in the sqlite3 shell.
plain() {
	local db=$1 name=$2
	shift 2
	{ for p in "$@"; do echo ".parameter set $p"; done; cat "$ROOT/bench/$name"; } | sqlite3 -nullvalue NULL "$db"
}

# The store's rows of a window, as the plain SQL writes them.
window() {
	sqlite3 "$1" "SELECT o.unit_id, s.respondent, s.scale, o.responses, printf('%!.17g', o.first), printf('%!.17g', o.latest) FROM outcome o JOIN outcome_series s ON s.id = o.series WHERE s.measure = '$2' AND o.quarter BETWEEN $(q "$3") AND $(q "$4") AND (o.next_quarter IS NULL OR o.next_quarter > $(q "$4")) ORDER BY 1, 2, 3, 4, 5, 6"
}

same_as_plain() { # DB WHAT
	local db=$1 what=$2 w
	for w in "2024-Q4 2025-Q3" "2025-Q4 2026-Q3" "2025-Q2 2025-Q2" "2024-Q1 2026-Q4"; do
		set -- $w
		same "$(window "$db" dreem "$1" "$2")" "$(plain "$db" plain_network_outcomes.sql ":measure 'dreem'" ":from '$1'" ":to '$2'")" "$what: the outcomes of $1 to $2 are the plain SQL's"
	done
	same "$(sqlite3 "$db" "SELECT scale, respondent, CASE kind WHEN 0 THEN 'NULL' WHEN 1 THEN '' ELSE item END, n, printf('%.9g', sum), printf('%.9g', sumsq) FROM outcome_baseline WHERE measure = 'shared-needs' AND n > 0 ORDER BY 1, 2, kind, item")" \
	    "$(plain "$db" plain_network_baseline.sql ":measure 'shared-needs'" | awk -F'|' 'BEGIN { OFS = "|" } { $5 = sprintf("%.9g", $5); $6 = sprintf("%.9g", $6); print }')" \
	    "$what: the baseline sums are the plain SQL's"
}

$WAYMARK demo --db new.db --people 60 --seed 4 >/dev/null
cp new.db old.db
# What the version before had: no outcome tables, goals without their
# kept ratings (nor the completion rates kept since); and goals reviewed
# in order, out of order by date, and twice on the same day.
drop_figures_version old.db
sqlite3 old.db "DROP TABLE setup_code; DROP INDEX session_account_created; CREATE INDEX session_account ON session(account_id); ALTER TABLE account DROP COLUMN deactivated; DROP TABLE reflection; DROP TABLE kept_key; DROP TABLE leftout_person; DROP TABLE leftout_count; DROP TABLE experience_person; DROP TABLE experience_count; DROP TRIGGER kept_response_u; DROP TRIGGER kept_response_d; DROP TRIGGER kept_caseload_i; DROP TRIGGER kept_caseload_u; DROP TRIGGER kept_caseload_d; DROP TRIGGER kept_cycle_i; DROP TRIGGER kept_cycle_u; DROP TRIGGER kept_cycle_d; DROP TRIGGER kept_goal_i; DROP TRIGGER kept_goal_u; DROP TRIGGER kept_goal_d; DROP TABLE completion_person; DROP TABLE completion_count; DROP TABLE completion_tail; DROP TABLE people_person; DROP TABLE people_count; DROP TABLE kept_state; DROP TABLE kept_dirty; DROP TABLE outcome; DROP TABLE outcome_series; DROP TABLE outcome_baseline; DROP TABLE outcome_count; DROP INDEX goal_outcome; DROP TABLE goal_change; ALTER TABLE goal DROP COLUMN state; ALTER TABLE goal DROP COLUMN reviews; ALTER TABLE goal DROP COLUMN first_rating; ALTER TABLE goal DROP COLUMN first_reviewed; ALTER TABLE goal DROP COLUMN latest_rating; ALTER TABLE goal DROP COLUMN latest_reviewed; CREATE INDEX goal_person ON goal(person_id); PRAGMA user_version = 8;"
# (The demo's own goals keep their numbers; these come after them.)
sqlite3 old.db "INSERT INTO goal(id, person_id, text, created) VALUES (900001, 1, 'a', 'x'), (900002, 2, 'b', 'x'), (900003, 3, 'c', 'x'), (900004, 3, 'd', 'x');
INSERT INTO goal_review(goal_id, reviewed, rating, author_kind, author_id, created) VALUES
 (900001, '2026-01-01', 3, 'person', 1, 'x'), (900001, '2026-02-01', 6, 'person', 1, 'x'),
 (900002, '2026-03-01', 7, 'person', 1, 'x'), (900002, '2026-01-01', 4, 'person', 1, 'x'),
 (900003, '2026-02-01', 5, 'person', 1, 'x'), (900003, '2026-02-01', 2, 'person', 1, 'x');"
run 0 "init upgrades a version 8 database" -- $WAYMARK init --db old.db
has out "upgraded old.db from schema version 8 to 18" "init reports the upgrade"
same "$(sqlite3 old.db "SELECT count(*) FROM outcome")" "$(sqlite3 new.db "SELECT count(*) FROM outcome")" "the upgrade makes a row for each person's quarter"
[ "$(sqlite3 old.db "SELECT count(*) FROM outcome")" -gt 100 ] && pass "... of which there are many" || fail "too few outcome rows to test"
if [ "$(state old.db)" = "$(state new.db)" ]; then pass "the upgraded database holds what saving kept, row for row"; else fail "the upgrade differs from what saving kept"; diff <(state old.db) <(state new.db) | head -5 >&2; fi
same "$(sqlite3 old.db "SELECT group_concat(reviews || ':' || coalesce(first_rating, '-') || '>' || coalesce(latest_rating, '-'), ' ') FROM (SELECT * FROM goal WHERE id > 900000 ORDER BY id)")" "2:3>6 2:4>7 2:5>2 0:->-" "goals get their count and first and latest rating by date, the same day's later one last"
GOALS="SELECT id, reviews, first_rating, first_reviewed, latest_rating, latest_reviewed FROM goal WHERE id < 900000 ORDER BY id"
same "$(sqlite3 old.db "$GOALS")" "$(sqlite3 new.db "$GOALS")" "the demo's own goals get what saving kept, goal for goal"
[ "$(sqlite3 new.db "SELECT count(*) FROM goal WHERE reviews >= 2")" -gt 10 ] && pass "... of which many are reviewed twice or more" || fail "too few of the demo's goals reviewed to test"
[ "$(window old.db dreem 2025-Q4 2026-Q3 | wc -l)" -gt 20 ] && pass "the last four quarters have people in them" || fail "too few people in the last four quarters to test"
same_as_plain old.db "upgraded"
same "$(sqlite3 old.db "SELECT count(*) FROM sqlite_master WHERE name = 'goal_person'")" "0" "the goals' old index is replaced by the covering one"

# waymark respond keeps it: a later response, then a backdated one that
# becomes the person's first.
small_network r.db
qr_json dreem-recovery-markers Patient/P1 person "" 2026-05-04 "" $(rep 11 agree) >later.json
qr_json dreem-recovery-markers Patient/P1 person "" 2026-08-04 "" $(rep 11 disagree) >latest.json
qr_json dreem-recovery-markers Patient/P1 person "" 2026-02-02 "" $(rep 11 strongly-agree) >backdated.json
run 0 "a response is recorded" -- $WAYMARK respond --db r.db later.json
run 0 "a later one" -- $WAYMARK respond --db r.db latest.json
same "$(sqlite3 r.db "SELECT $QUARTER, o.responses, o.first, o.latest, $NEXT FROM outcome o ORDER BY o.quarter")" "$(printf '2026-Q2|1|4.0|4.0|2026-Q3\n2026-Q3|2|4.0|2.0|-')" "each quarter's row: the count so far, the first, the latest, the next quarter"
run 0 "a backdated response" -- $WAYMARK respond --db r.db backdated.json
same "$(sqlite3 r.db "SELECT $QUARTER, o.responses, o.first, o.latest, $NEXT FROM outcome o ORDER BY o.quarter")" "$(printf '2026-Q1|1|5.0|5.0|2026-Q2\n2026-Q2|2|5.0|4.0|2026-Q3\n2026-Q3|3|5.0|2.0|-')" "... becomes the first, and every row moves"
same "$(sqlite3 r.db "SELECT n || ' ' || sum FROM outcome_baseline WHERE kind = 0")" "1 5.0" "the baseline holds the new first answer, not the old"
same "$(sqlite3 r.db "SELECT count(*) || ' ' || sum(n) || ' ' || sum(sum) FROM outcome_baseline WHERE kind = 2")" "11 11 55.0" "... item by item"
