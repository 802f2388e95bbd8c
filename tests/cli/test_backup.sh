# waymark backup: a consistent copy of the whole database while it is in
# use. Taken during a burst of saves by several writers, the copy opens
# as a database of its own, passes SQLite's integrity and foreign-key
# checks, holds every save of its moment whole (each response with all
# its answers and scores), and gives the network's report as the source
# did for the responses it holds. It never writes over a file, leaves
# nothing behind when it fails, and is written to the audit log.
. "$(dirname "$0")/lib.sh"

small_network b.db || fail "the network was not built"
$WAYMARK person add --db b.db --id P2 --name "Pat Second" --unit svc --since 2025-01-01 >/dev/null
qr() { # PERSON DATE: a completed recovery markers response
	qr_json dreem-recovery-markers "Patient/$1" person "" "$2" "" agree agree neutral agree disagree agree agree agree neutral agree agree
}
for i in 1 2 3 4 5 6 7 8; do
	qr P1 "2026-0$((i % 9 + 1))-01" >"r$i.json"
	qr P2 "2026-0$((i % 9 + 1))-02" >"s$i.json"
done
run 0 "a response is recorded" -- $WAYMARK respond --db b.db r1.json

# Saves keep coming from two writers while the copy is taken.
( for i in 2 3 4 5 6 7 8; do $WAYMARK respond --db b.db "r$i.json" >/dev/null 2>&1; done ) &
W1=$!
( for i in 1 2 3 4 5 6 7 8; do $WAYMARK respond --db b.db "s$i.json" >/dev/null 2>&1; done ) &
W2=$!
run 0 "a copy is taken while two writers save" -- $WAYMARK backup --db b.db copy.db
has out "copied b.db to copy.db" "... and says so"
wait $W1 $W2
same "$(sqlite3 copy.db 'PRAGMA integrity_check')" "ok" "the copy passes SQLite's integrity check"
same "$(sqlite3 copy.db 'PRAGMA foreign_key_check' | wc -l)" "0" "... and its foreign-key check"
[ ! -e copy.db-wal ] && [ ! -e copy.db.part ] && pass "... and is one file of its own" || fail "the copy left a -wal or a part file"
same "$(sqlite3 copy.db 'PRAGMA user_version')" "$(sqlite3 b.db 'PRAGMA user_version')" "... at the source's schema version"
same "$(sqlite3 copy.db "SELECT count(*) FROM response r WHERE (SELECT count(*) FROM answer a WHERE a.response_id = r.id) <> 11 OR NOT EXISTS (SELECT 1 FROM score s WHERE s.response_id = r.id)")" "0" \
    "every response in the copy is whole, with its answers and scores"
n=$(sqlite3 copy.db "SELECT count(*) FROM response")
[ "$n" -ge 1 ] && [ "$n" -le 16 ] && pass "the copy holds the saves of its moment ($n of 16)" || fail "the copy holds $n responses"
run 0 "the copy opens as a database of its own" -- $WAYMARK init --db copy.db
has out "up to date" "... already up to date"
same "$(sqlite3 b.db "SELECT count(*) FROM audit WHERE action = 'took a backup (command line)'")" "1" "taking the copy is in the source's audit log"

# Restored (copied into place), it reports as the source did for its own
# responses.
$WAYMARK report network --db copy.db --format csv --disclosure none >copy.csv 2>/dev/null &&
    pass "the copy gives the network's report" || fail "the copy gives no report"
run 0 "the copy taken during the saves passes waymark check" -- $WAYMARK check --db copy.db
has out "no problems found" "... with no problem found"

# Refusals change nothing and leave nothing.
before=$(md5sum copy.db)
run 1 "a copy is never written over a file" -- $WAYMARK backup --db b.db copy.db
has err "will not write over" "... saying why"
same "$(md5sum copy.db)" "$before" "... which is as it was"
run 1 "a copy into a folder that does not exist fails" -- $WAYMARK backup --db b.db nowhere/copy.db
[ ! -e nowhere/copy.db.part ] && pass "... leaving nothing behind" || fail "a part copy was left"
run 2 "a copy needs somewhere to go" -- $WAYMARK backup --db b.db
run 1 "a database that is not there is not copied" -- $WAYMARK backup --db missing.db other.db
[ ! -e other.db ] && pass "... and no copy is made" || fail "a copy of nothing was made"
