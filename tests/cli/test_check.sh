# waymark check: a demo passes; a summary's running total, a kept
# figure of the network's, and (on SQLite) a foreign key broken behind
# Waymark's back are each found and named, and the check itself changes
# nothing. Runs on SQLite, and again on PostgreSQL (run-all.sh).
. "$(dirname "$0")/lib.sh"

D=$(newdb d)
$WAYMARK demo --db "$D" --people 60 >/dev/null || fail "the demo was not built"
run 0 "a demo passes the check" -- $WAYMARK check --db "$D"
has out "pages and foreign keys: ok" "... its pages and foreign keys"
has out "running totals: all" "... the summaries' totals"
has out "as worked out again from the raw answers" "... the network's kept figures"
has out "no problems found" "... and says so"
before=$(sql "$D" "SELECT (SELECT count(*) FROM audit)||'/'||(SELECT count(*) FROM kept_dirty)||'/'||(SELECT n FROM figures_version)")
run 0 "checked again" -- $WAYMARK check --db "$D"
same "$(sql "$D" "SELECT (SELECT count(*) FROM audit)||'/'||(SELECT count(*) FROM kept_dirty)||'/'||(SELECT n FROM figures_version)")" "$before" \
    "the check changes nothing (no audit entry, no one left marked, the figures' version as it was)"

# A summary's total changed behind Waymark's back.
sql "$D" "UPDATE rollup SET total = total + 1 WHERE id = (SELECT min(id) FROM rollup WHERE scale <> '')" >/dev/null
run 1 "a changed running total fails the check" -- $WAYMARK check --db "$D"
has out "1 of" "... naming how many cells differ"
has out "1 problem found" "... as one problem"
sql "$D" "UPDATE rollup SET total = total - 1 WHERE id = (SELECT min(id) FROM rollup WHERE scale <> '')" >/dev/null
run 0 "put back, it passes" -- $WAYMARK check --db "$D"

# A kept count of the network's figures changed behind Waymark's back.
row=$(sql "$D" "SELECT unit_id FROM people_count LIMIT 1")
[ -n "$row" ] || fail "no kept people counts to change"
sql "$D" "UPDATE people_count SET people = people + 5 WHERE unit_id = $row" >/dev/null
run 1 "a changed kept figure fails the check" -- $WAYMARK check --db "$D"
has out "lines of the network report differ from the raw answers" "... naming the network's figures"
has out "line " "... and where in the report"

case $D in
postgresql:*) ;;
*)
	sql "$D" "UPDATE people_count SET people = people - 5 WHERE unit_id = $row"
	sqlite3 "$D" "PRAGMA foreign_keys = OFF; INSERT INTO caseload(person_id, unit_id, start_date) VALUES (999999, 1, '2025-01-01')"
	run 1 "a broken foreign key fails the check" -- $WAYMARK check --db "$D"
	has out "caseload" "... naming the table"
	;;
esac
run 2 "a check needs a database" -- $WAYMARK check
run 1 "a database that is not there is refused" -- $WAYMARK check --db nowhere.db
