# A person's pages cost what the person's own record costs, never what the
# network costs: each page is asked for, through a real server, for a
# person on the 2,000-person demo and for a person with the same record on
# a 20,000-person demo, and the database work each request did (the
# server's --log-work field: SQLite's virtual-machine steps, the same on
# every run) may grow by at most half. Counted, not timed, so the answer
# does not depend on how busy the machine is.
#
# Each page is measured as the one it is for: the person's own pages in a
# server run where only the person signs in, the practitioner's views of
# that person in another where only the practitioner does. The access
# log names a route by its pattern, not by who asked, so one run with both
# would mix them: the practitioner's sign-in fetches their own home, `/`,
# which is not the person's.
. "$(dirname "$0")/lib.sh"

LIMIT=1.5
printf 'a test password, not secret\n' >pw
PRAC=practitioner1.exbridge-recovery@demo.waymark.example

$WAYMARK demo --db small.db >/dev/null || fail "the 2,000-person demo was not built"
$WAYMARK demo --db large.db --people 20000 >/dev/null || fail "the 20,000-person demo was not built"

# What makes a person's record: how many responses and answers, goals and
# reviews of them, on which service's caseload. Someone without a sign-in
# yet, on the demo practitioner's service.
RECORD="SELECT count(DISTINCT r.id) || '/' || count(*) || '/' ||
  (SELECT count(*) FROM goal g WHERE g.person_id = p.id) || '/' ||
  (SELECT count(*) FROM goal_review v JOIN goal g ON g.id = v.goal_id
   WHERE g.person_id = p.id) FROM response r
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
[ -n "$small" ] && [ -n "$large" ] && pass "a person with the same record in each network ($want responses/answers/goals/reviews)" ||
    fail "no person with the same record in both networks ($want)"

# The pages, as their route patterns; each is asked for by its path with
# {person} the person, {id} the recovery markers (a goal of theirs on a
# goal's page), and a saved page's query naming the response just saved.
PERSON_PAGES=(/ /measures "/measures/{id}" "/measures/{id}/saved" /journey
    /goals "/goals/{id}" /my-record /my-record/record.json
    /my-record/answers.csv /my-record/views /api/v1/journey /api/v1/responses
    /api/v1/goals
    "/api/v1/goals/{id}")
PRACTITIONER_PAGES=("/people/{person}/journey" "/people/{person}/goals"
    "/people/{person}/measures" "/people/{person}/measures/{id}"
    "/people/{person}/measures/{id}/saved"
    "/api/v1/people/{person}/journey" "/api/v1/people/{person}/responses"
    "/api/v1/people/{person}/goals")

# least OUT: from this run's access log (request N METHOD PATTERN STATUS
# BYTES MSms work=W), each page's least work: each is asked for twice,
# since a session's use is written down once a minute, whichever request
# that falls on.
least() {
	awk '$1 == "request" && $3 == "GET" && $5 == 200 && $8 ~ /^work=/ {
		p = $4
		w = substr($8, 6) + 0
		if (!(p in min) || w < min[p]) min[p] = w
	} END { for (p in min) print p, min[p] }' server.log | sort >"$1"
}

# path PATTERN: the page's path.
path() {
	local p=$1
	case $p in
	*/goals/"{id}") p=${p%"{id}"}$goal ;;
	esac
	p=${p//"{person}"/$who}
	p=${p//"{id}"/$mid}
	case $p in
	*/saved) p=$p$saved ;;
	esac
	echo "$p"
}

# visit JAR PATTERNS...: each page asked for twice.
visit() {
	local jar=$1 p
	shift
	for p in "$@"; do
		curl -s -b "$jar" -o /dev/null "$(U "$(path "$p")")"
		curl -s -b "$jar" -o /dev/null "$(U "$(path "$p")")"
	done
}

# draft JAR FORM: saves one answer to FORM to finish later; sets saved to
# the query of the confirmation it goes to.
draft() {
	curl -s -b "$1" -D headers -o /dev/null --data-urlencode "csrf=$WCS" \
	    -d hopeful=agree -d save=later "$(U "$2")"
	saved="?$(location | cut -s -d'?' -f2)"
}

# measure DB IDENT PERSON-OUT PRACTITIONER-OUT: the person's own pages in
# one server run, then their practitioner's views of them in another. The
# same goals, reviews and drafts are made in each network, so the records
# stay alike.
measure() {
	local db=$1 g
	who=$2
	$WAYMARK account add --db "$db" --email "cost.$who@example.org" --name "Cost Person" \
	    --person "$who" --password-file pw >/dev/null
	mid=$(sqlite3 "$db" "SELECT max(id) FROM instrument WHERE url LIKE '%/dreem-recovery-markers'")
	start "$db" --log-work || { fail "the server did not start on $db"; return; }
	web_login jar "cost.$who@example.org" "a test password, not secret"
	for g in "Walk to the allotment" "Cook for friends"; do
		curl -s -b jar -D headers -o /dev/null --data-urlencode "csrf=$WCS" \
		    --data-urlencode "goal=$g" "$(U /goals)"
		goal=$(location | cut -d/ -f3)
		curl -s -b jar -o /dev/null --data-urlencode "csrf=$WCS" -d rating=5 "$(U /goals/$goal/reviews)"
	done
	draft jar "/measures/$mid"
	visit jar "${PERSON_PAGES[@]}"
	stop
	least "$3"
	# The practitioner's views (each written to the record's audit).
	start "$db" --log-work || { fail "the server did not start on $db"; return; }
	web_login jar2 "$PRAC" demo-practitioner-pass
	draft jar2 "/people/$who/measures/$mid"
	visit jar2 "${PRACTITIONER_PAGES[@]}"
	stop
	least "$4"
}

# compare WHO PAGES...: each page's work in the small and the large run.
compare() {
	local who=$1 p a b
	shift
	for p in "$@"; do
		a=$(awk -v p="$p" '$1 == p { print $2 }' "small.$who")
		b=$(awk -v p="$p" '$1 == p { print $2 }' "large.$who")
		if [ -z "$a" ] || [ -z "$b" ] || [ "$a" -le 0 ]; then
			fail "GET $p as the $who: no work counted (2,000: '$a', 20,000: '$b')"
		elif [ "$(echo "$b <= $a * $LIMIT" | bc)" = 1 ]; then
			pass "GET $p as the $who costs the same in a network ten times larger ($a and $b steps)"
		else
			fail "GET $p as the $who costs $b steps at 20,000 people against $a at 2,000: it reads more than the person's own rows"
		fi
	done
}

measure small.db "$small" small.person small.practitioner
measure large.db "$large" large.person large.practitioner
compare person "${PERSON_PAGES[@]}"
compare practitioner "${PRACTITIONER_PAGES[@]}"
# Each run holds only its own account's pages: the practitioner's home
# never stands for the person's.
same "$(awk '$1 ~ /^\/people\// || $1 ~ /^\/api\/v1\/people\//' small.person large.person | wc -l)" "0" \
    "the person's runs hold none of the practitioner's views"
