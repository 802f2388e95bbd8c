# The command line itself: help, exit codes, init and migration.
. "$(dirname "$0")/lib.sh"

run 0 "waymark --help exits 0" -- $WAYMARK --help
has out "instrument check" "overview lists the commands"
run 2 "no command is a usage error" -- $WAYMARK
run 2 "unknown command is a usage error" -- $WAYMARK frobnicate
has err "unknown command 'frobnicate'" "says which command is unknown"
run 0 "a command's --help exits 0" -- $WAYMARK respond --help
has out "usage: waymark respond" "command help shows its usage"
run 2 "unknown option is a usage error" -- $WAYMARK init --db x.db --colour
has err "unknown option: --colour" "names the unknown option"
run 2 "missing --db is a usage error" -- $WAYMARK unit list
has err "WAYMARK_DB" "says where the database can come from"

run 0 "init creates a database" -- $WAYMARK init --db a.db
has out "created a.db (schema version 18)" "init says what it did"
same "$(sqlite3 a.db 'PRAGMA journal_mode')" "wal" "the database is in WAL mode"
same "$(sqlite3 a.db 'PRAGMA user_version')" "18" "schema version recorded"
run 0 "init again is harmless" -- $WAYMARK init --db a.db
has out "up to date" "init says the database is up to date"
WAYMARK_DB=a.db run 0 "WAYMARK_DB supplies the database" -- $WAYMARK unit list

# A version 1 database with responses in it (as the first release made
# them, without the summary totals) is upgraded in one transaction and
# its totals are rebuilt from the stored scores.
$WAYMARK demo --db v1.db --people 40 --seed 3 >/dev/null
$WAYMARK report network --db v1.db --format csv --disclosure none >before.csv
# Everything migrations 2 and later add is removed to make a version 1 file.
LATER="DROP TABLE setup_code; DROP INDEX session_account_created; ALTER TABLE account DROP COLUMN deactivated; DROP TABLE reflection; DROP TABLE kept_key; DROP TABLE leftout_person; DROP TABLE leftout_count; DROP TABLE experience_person; DROP TABLE experience_count; DROP TRIGGER kept_response_u; DROP TRIGGER kept_response_d; DROP TRIGGER kept_caseload_i; DROP TRIGGER kept_caseload_u; DROP TRIGGER kept_caseload_d; DROP TRIGGER kept_cycle_i; DROP TRIGGER kept_cycle_u; DROP TRIGGER kept_cycle_d; DROP TRIGGER kept_goal_i; DROP TRIGGER kept_goal_u; DROP TRIGGER kept_goal_d; DROP TABLE completion_person; DROP TABLE completion_count; DROP TABLE completion_tail; DROP TABLE people_person; DROP TABLE people_count; DROP TABLE kept_state; DROP TABLE kept_dirty; DROP TABLE rollup; DROP TABLE rollup_subject; DROP TABLE session; DROP TABLE signin_failure; DROP TABLE setting; DROP TABLE goal_review; DROP TABLE goal_change; DROP TABLE goal; DROP TABLE standard_query; DROP TABLE validation; DROP TABLE invitation; DROP TABLE assessment_version; DROP TABLE assessment; ALTER TABLE cycle DROP COLUMN stopped; DROP INDEX response_due; DROP TABLE response_choices; DROP TABLE outcome; DROP TABLE outcome_series; DROP TABLE outcome_baseline; DROP TABLE outcome_count;"
drop_figures_version v1.db
sqlite3 v1.db "$LATER PRAGMA user_version = 1;"
run 0 "init upgrades a version 1 database" -- $WAYMARK init --db v1.db
has out "upgraded v1.db from schema version 1 to 18" "init reports the upgrade"
LEADS="SELECT count(*) FROM response r JOIN instrument i ON i.id = r.instrument_id WHERE i.family = 'core-standards' AND r.respondent = 'lead' AND r.status = 'completed'"
same "$(sqlite3 v1.db "SELECT count(*) FROM assessment_version")" "$(sqlite3 v1.db "$LEADS")" "every self-assessment made before versions carries over as a submitted version"
same "$(sqlite3 v1.db "SELECT count(*) FROM assessment_version v JOIN response r ON r.id = v.response_id JOIN assessment a ON a.id = v.assessment_id WHERE r.authored NOT BETWEEN a.period AND a.period_end OR r.unit_id <> a.unit_id")" "0" "... each in the service and period it was made for"
same "$(sqlite3 v1.db "SELECT count(*) FROM validation")" "$(sqlite3 v1.db "SELECT count(DISTINCT a.id || '/' || v.account_id) FROM invitation v JOIN assessment a ON a.id = v.assessment_id")" "validators' ratings carry over, each with its invitation"
same "$(sqlite3 v1.db "SELECT count(*) || ' ' || sum(c.choices = (SELECT group_concat(a.item || ':' || a.option, ',') FROM (SELECT * FROM answer WHERE response_id = r.id AND option IS NOT NULL ORDER BY item) a)) FROM response r JOIN response_choices c ON c.response_id = r.id")" "$(sqlite3 v1.db "SELECT count(*) || ' ' || count(*) FROM response WHERE subject_kind = 'person' AND status = 'completed'")" "each completed response about a person gets its choices in one row, as the answers hold them"
same "$(sqlite3 v1.db "SELECT count(*) FROM score s JOIN response r ON r.id = s.response_id LEFT JOIN response_choices c ON c.response_id = s.response_id WHERE r.subject_kind = 'person' AND r.status = 'completed' AND s.value IS NOT NULL AND (c.scores IS NULL OR instr(',' || c.scores || ',', ',' || s.scale || ':' || printf('%!.17g', s.value) || ',') = 0)")" "0" "... and its scores, each to the digit"
$WAYMARK report network --db v1.db --format csv --disclosure none >after.csv
# A version 1 file has no goals (the demo's were dropped above); every
# other figure, the outcomes rebuilt from the stored scores among them,
# must be the same.
grep -v '^goals,' before.csv >before-but-goals.csv
grep -v '^goals,' after.csv >after-but-goals.csv
same "$(grep -c '^outcomes,' after.csv)" "$(grep -c '^outcomes,' before.csv)" "the upgraded database reports every outcome"
if cmp -s before-but-goals.csv after-but-goals.csv; then pass "the upgraded database reports the same figures"; else fail "report changed across the upgrade"; fi
# A failing migration leaves the database as it was.
drop_figures_version v1.db
sqlite3 v1.db "$LATER PRAGMA user_version = 1; CREATE TABLE rollup(x);"
run 1 "a migration that fails is refused" -- $WAYMARK init --db v1.db
has err "the database is unchanged" "says nothing changed"
same "$(sqlite3 v1.db 'PRAGMA user_version'; sqlite3 v1.db "SELECT count(*) FROM sqlite_master WHERE name = 'rollup_subject'")" "$(printf '1\n0')" "still version 1, nothing half-applied"

# A file holding someone else's data is not taken over; one from a newer
# Waymark is refused and left alone.
sqlite3 other.db "CREATE TABLE notes(x); INSERT INTO notes VALUES (1);"
sum=$(md5sum <other.db)
run 1 "init refuses a file that is not a Waymark database" -- $WAYMARK init --db other.db
has err "not a Waymark database" "says why"
same "$(md5sum <other.db)" "$sum" "the other file is unchanged, byte for byte"
same "$(sqlite3 other.db 'PRAGMA journal_mode')" "delete" "not even switched to WAL"
sqlite3 new.db "PRAGMA user_version = 99; CREATE TABLE t(x);"
run 1 "a newer database is refused" -- $WAYMARK init --db new.db
has err "newer than this Waymark" "says the database is newer"
same "$(sqlite3 new.db 'PRAGMA user_version')" "99" "newer database unchanged"
# A database that has not been initialised is not silently used.
sqlite3 empty.db "CREATE TABLE t(x);"
run 1 "an uninitialised database is refused" -- $WAYMARK unit list --db empty.db
has err "waymark init" "tells the user to run init"
run 1 "a missing database is not created by other commands" -- $WAYMARK unit list --db nothere.db
[ -e nothere.db ] && fail "nothere.db was created" || pass "no stray database file"
run 0 "a command group's --help exits 0" -- $WAYMARK instrument --help
has out "waymark instrument load" "lists the group's commands"
run 2 "a command group without a command is a usage error" -- $WAYMARK unit
