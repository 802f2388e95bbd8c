# waymark copy: the demo network (with a closed service, its people's
# spells and staff's grants kept) moved into a new database and back,
# with every table's count, the network report and waymark check the
# same on each; new records go on after the copied ones; and what copy
# refuses (a target that exists or holds tables, a source that is not
# there or not up to date, the same database twice, a source whose rows
# break the target's rules) changes nothing and leaves no half-made
# copy. On SQLite it copies file to file; run again on PostgreSQL
# (run-all.sh), it copies a file into PostgreSQL and back out.
. "$(dirname "$0")/lib.sh"

# Every table's name and count, a line each, on either database.
table_counts() {
	case $1 in
	postgresql:*) sql "$1" "SELECT relname, n FROM (SELECT c.relname, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', c.relname), false, true, '')))[1]::text AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> 'waymark_schema') t ORDER BY relname" ;;
	*) for t in $(sqlite3 "$1" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"); do
		echo "$t|$(sqlite3 "$1" "SELECT count(*) FROM \"$t\"")"
	done ;;
	esac
}
report() {
	$WAYMARK report network --db "$1" --format csv --disclosure none
}

A=a.db
$WAYMARK demo --db "$A" --people 16 >/dev/null || fail "the demo was not built"
# A service closed with people's spells and staff's grants at it: the
# copy must bring both in though a closed service takes no one new.
svc=$($WAYMARK unit list --db "$A" | awk -F'\t' '$2 == "service" { print $1; exit }')
$WAYMARK unit close --db "$A" --code "$svc" >/dev/null || fail "the service was not closed"
same "$(sqlite3 "$A" "SELECT count(*) > 0 FROM caseload c JOIN unit u ON u.id = c.unit_id WHERE u.closed IS NOT NULL")" 1 \
    "the closed service has people's spells"

B=$(newdb b)
# Taken before: the source's audit log then records the copy.
had=$(table_counts "$A")
run 0 "the network is copied" -- $WAYMARK copy --from "$A" --to "$B"
has out "in one transaction" "... in one transaction"
has out "the same count of rows in every table, and the same network report" "... and says both are the same"
same "$(table_counts "$B")" "$had" "every table holds as many rows in the copy"
same "$(report "$B")" "$(report "$A")" "the network report is the same, byte for byte"
same "$(sql "$B" "SELECT count(*) FROM unit WHERE closed IS NOT NULL")" "1" "the service is still closed in the copy"
run 0 "the copy passes waymark check" -- $WAYMARK check --db "$B"
has out "no problems found" "... with no problems"
same "$(sql "$B" "SELECT action FROM audit ORDER BY id DESC LIMIT 1")" \
    "$(sqlite3 "$A" "SELECT action FROM audit WHERE action NOT LIKE 'copied%' ORDER BY id DESC LIMIT 1")" \
    "the audit log travels, in its order"
same "$(sqlite3 "$A" "SELECT count(*) FROM audit WHERE action LIKE 'copied the network%'")" 1 \
    "the source's audit log records the copy"

# New records go on after the copied ones.
max=$(sql "$B" "SELECT max(id) FROM person")
open=$($WAYMARK unit list --db "$B" | awk -F'\t' -v c="$svc" '$2 == "service" && $1 != c { print $1; exit }')
run 0 "a person is added to the copy" -- $WAYMARK person add --db "$B" --id COPY-NEW --name "Someone New" --unit "$open"
same "$(sql "$B" "SELECT id FROM person WHERE ident = 'COPY-NEW'")" "$((max + 1))" "... with the next id after the copied ones"
run 1 "the closed service still takes no one new in the copy" -- $WAYMARK person add --db "$B" --id COPY-NEW2 --name "Someone Else" --unit "$svc"

# And back again.
had=$(table_counts "$B")
run 0 "the copy is copied back" -- $WAYMARK copy --from "$B" --to c.db
same "$(table_counts c.db)" "$had" "... with as many rows in every table"
# (Each report shown is written to the audit log: counted first.)
same "$(report c.db)" "$(report "$B")" "... and the same network report"

# Refused, changing nothing.
before=$(counts "$A")
had=$(table_counts c.db)
run 1 "a target that exists is refused" -- $WAYMARK copy --from "$A" --to c.db
has err "already exists" "... saying so"
same "$(table_counts c.db)" "$had" "... and left as it was"
run 1 "a source that is not there is refused" -- $WAYMARK copy --from nowhere.db --to d.db
[ ! -e d.db ] && pass "... and no copy is made" || fail "... and no copy is made"
run 2 "the same database twice is refused" -- $WAYMARK copy --from "$A" --to "$A"
run 2 "a copy needs both databases" -- $WAYMARK copy --from "$A"
has err "--from DB --to DB" "... saying how to ask"
run 2 "an unknown option is refused" -- $WAYMARK copy --from "$A" --to e.db --force
[ ! -e e.db ] && pass "... and no copy is made" || fail "... and no copy is made"
same "$(counts "$A")" "$before" "the source is unchanged by what was refused"

# A source behind the current schema must be brought up to date first.
cp "$A" old.db
drop_figures_version old.db
sqlite3 old.db "PRAGMA user_version = 11"
run 1 "a source of an older schema is refused" -- $WAYMARK copy --from old.db --to f.db
has err "init" "... saying to bring it up to date"
[ ! -e f.db ] && pass "... and no copy is made" || fail "... and no copy is made"

# A row the target's rules refuse (a spell at a service that is not
# there, written behind Waymark's back): nothing of the copy is kept.
cp "$A" broken.db
sqlite3 broken.db "PRAGMA foreign_keys = OFF; INSERT INTO caseload(person_id, unit_id, start_date) VALUES (1, 999999, '2025-01-01')"
G=$(newdb g)
run 1 "a source whose rows break the target's rules is refused" -- $WAYMARK copy --from broken.db --to "$G"
has err "the copy was not kept" "... and nothing of it is kept"
case $G in
postgresql:*)
	same "$(sql "$G" "SELECT count(*) FROM unit")" "0" "... the database holds no rows"
	had=$(table_counts "$B")
	run 1 "a PostgreSQL database that holds tables is refused" -- $WAYMARK copy --from "$A" --to "$B"
	same "$(table_counts "$B")" "$had" "... and left as it was"
	;;
*) [ ! -e "$G" ] && pass "... the file is removed" || fail "... the file is removed" ;;
esac
