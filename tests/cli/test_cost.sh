# A person's pages cost what the person's own record costs, never what the
# network costs: each page is asked for, through a real server, for a
# person on the 2,000-person demo and for a person with the same record on
# a 20,000-person demo, and the database work each request did (the
# server's --log-work field: SQLite's virtual-machine steps, the same on
# every run) may grow by at most half. Counted, not timed, so the answer
# does not depend on how busy the machine is.
. "$(dirname "$0")/lib.sh"

LIMIT=1.5
printf 'a test password, not secret\n' >pw

$WAYMARK demo --db small.db >/dev/null || fail "the 2,000-person demo was not built"
$WAYMARK demo --db large.db --people 20000 >/dev/null || fail "the 20,000-person demo was not built"

# What makes a person's record: how many responses and answers, on which
# service's caseload. Someone without a sign-in yet, on the demo
# practitioner's service.
RECORD="SELECT count(DISTINCT r.id) || '/' || count(*) FROM response r
  JOIN answer a ON a.response_id = r.id
  WHERE r.subject_kind = 'person' AND r.subject_id = p.id"
pick() { # DB [RECORD]: a person's identifier, with that record if given
	local same=1
	[ -n "${2:-}" ] && same="($RECORD) = '$2'"
	sqlite3 "$1" "SELECT p.ident FROM person p
	  JOIN caseload c ON c.person_id = p.id AND c.end_date IS NULL
	  JOIN unit u ON u.id = c.unit_id AND u.code = 'exbridge-recovery'
	  WHERE NOT EXISTS (SELECT 1 FROM account x WHERE x.person_id = p.id)
	  AND (SELECT count(*) FROM response r WHERE r.subject_kind = 'person'
	   AND r.subject_id = p.id AND r.status = 'completed') = 9
	  AND $same ORDER BY p.id LIMIT 1"
}
record() { sqlite3 "$1" "SELECT ($RECORD) FROM person p WHERE p.ident = '$2'"; }
small=$(pick small.db)
want=$(record small.db "$small")
large=$(pick large.db "$want")
[ -n "$small" ] && [ -n "$large" ] && pass "a person with the same record in each network ($want responses/answers)" ||
    fail "no person with the same record in both networks ($want)"

# measure DB IDENT OUT: the person's pages and their practitioner's views
# of them; each page asked for twice, the lesser work kept (a session's
# use is written down once a minute, whichever request that falls on).
measure() {
	local db=$1 who=$2 out=$3 mid goal p
	$WAYMARK account add --db "$db" --email "cost.$who@example.org" --name "Cost Person" \
	    --person "$who" --password-file pw >/dev/null
	mid=$(sqlite3 "$db" "SELECT max(id) FROM instrument WHERE url LIKE '%/dreem-recovery-markers'")
	start "$db" --log-work || { fail "the server did not start on $db"; return; }
	web_login jar "cost.$who@example.org" "a test password, not secret"
	# The same goals and reviews, and the same practitioner's views (each
	# written to the record's audit), in each network.
	for g in "Walk to the allotment" "Cook for friends"; do
		curl -s -b jar -D headers -o /dev/null --data-urlencode "csrf=$WCS" \
		    --data-urlencode "goal=$g" "$(U /goals)"
		goal=$(grep -o 'Location: /goals/[0-9]*' headers | cut -d/ -f3 | tr -d '\r')
		curl -s -b jar -o /dev/null --data-urlencode "csrf=$WCS" -d rating=5 "$(U /goals/$goal/reviews)"
	done
	web_login jar2 practitioner1.exbridge-recovery@demo.waymark.example demo-practitioner-pass
	for p in / /measures "/measures/$mid" /journey /goals /my-record/record.json \
	    /my-record/answers.csv; do
		curl -s -b jar -o /dev/null "$(U "$p")"
		curl -s -b jar -o /dev/null "$(U "$p")"
	done
	for p in journey goals measures; do
		curl -s -b jar2 -o /dev/null "$(U "/people/$who/$p")"
		curl -s -b jar2 -o /dev/null "$(U "/people/$who/$p")"
	done
	stop
	# Access-log lines: request N METHOD PATTERN STATUS BYTES MSms work=W
	awk '$1 == "request" && $3 == "GET" && $5 == 200 && $8 ~ /^work=/ {
		p = $4
		w = substr($8, 6) + 0
		if (!(p in min) || w < min[p]) min[p] = w
	} END { for (p in min) print p, min[p] }' server.log | sort >"$out"
}

measure small.db "$small" small.txt
measure large.db "$large" large.txt
for p in / /measures "/measures/{id}" /journey /goals /my-record/record.json \
    /my-record/answers.csv "/people/{person}/journey" "/people/{person}/goals" \
    "/people/{person}/measures"; do
	a=$(awk -v p="$p" '$1 == p { print $2 }' small.txt)
	b=$(awk -v p="$p" '$1 == p { print $2 }' large.txt)
	if [ -z "$a" ] || [ -z "$b" ] || [ "$a" -le 0 ]; then
		fail "GET $p: no work counted (2,000: '$a', 20,000: '$b')"
	elif [ "$(echo "$b <= $a * $LIMIT" | bc)" = 1 ]; then
		pass "GET $p costs the same in a network ten times larger ($a and $b steps)"
	else
		fail "GET $p costs $b steps at 20,000 people against $a at 2,000: it reads more than the person's own rows"
	fi
done
