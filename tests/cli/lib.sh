# Shared by the CLI tests: each test script sources this, runs the real
# waymark binary on real files in a scratch folder, and records every
# check in $RESULTS so run-all.sh can total them.
set -u
: "${WAYMARK:?set WAYMARK to the waymark binary}"
: "${RESULTS:?set RESULTS to the results file}"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
FIX="$ROOT/tests/fixtures"
export WAYMARK_INSTRUMENTS="$ROOT/instruments"
SCRATCH=$(mktemp -d)
trap 'pg_stop; rm -rf "$SCRATCH"' EXIT
cd "$SCRATCH" || exit 1
unset WAYMARK_DB
T_NAME=$(basename "$0" .sh)
T_LABEL=$T_NAME
[ "${WAYMARK_TEST_DB:-sqlite}" = postgres ] && T_LABEL="$T_NAME on PostgreSQL"

pass() { echo "pass $T_LABEL: $1" >>"$RESULTS"; }

# The database a test works on: a SQLite file by default; with
# WAYMARK_TEST_DB=postgres, a database of its own on the test run's
# PostgreSQL server (tests/pg/server.sh; started here when the test runs
# alone). `newdb NAME` prints its --db value; `sql DB QUERY` runs a query
# on either, printing rows as the sqlite3 shell does ('|' between
# columns, NULL as nothing). Queries written for both: CAST(x AS INTEGER)
# for a comparison's 0 or 1.
pg_stop() { :; }
if [ "${WAYMARK_TEST_DB:-sqlite}" = postgres ]; then
	. "$ROOT/tests/pg/server.sh"
	pg_start || { echo "FAIL $T_NAME: no PostgreSQL server" >>"$RESULTS"; exit 1; }
fi
newdb() {
	if [ "${WAYMARK_TEST_DB:-sqlite}" = postgres ]; then
		pg_new_db "${T_NAME}_$1" 2>/dev/null
	else
		echo "$1.db"
	fi
}
sql() {
	case $1 in
	postgresql:*) psql -X -q -A -t -F '|' -d "$1" -c "$2" ;;
	*) sqlite3 "$1" "$2" ;;
	esac
}
fail() {
	echo "FAIL $T_LABEL: $1" >>"$RESULTS"
	echo "FAIL $T_LABEL: $1" >&2
	[ -f out ] && sed 's/^/    out: /' out | head -20 >&2
	[ -f err ] && sed 's/^/    err: /' err | head -20 >&2
}

# run EXPECTED-EXIT DESCRIPTION -- command...
# Leaves stdout in ./out and stderr in ./err.
run() {
	local want=$1 what=$2 got
	shift 3
	"$@" >out 2>err
	got=$?
	if [ "$got" -eq "$want" ]; then pass "$what"; else fail "$what (exit $got, wanted $want)"; fi
}

# has FILE PATTERN DESCRIPTION: FILE contains the fixed string.
has() {
	if grep -qF -- "$2" "$1"; then pass "$3"; else fail "$3 (no '$2' in $1)"; fi
}

hasnt() {
	if grep -qF -- "$2" "$1"; then fail "$3 ('$2' in $1)"; else pass "$3"; fi
}

# verdicts PREFIX FILE: a checker's "pass ..." and "FAIL ..." lines in
# FILE, each recorded as a check of its own under PREFIX.
verdicts() {
	local verdict what
	while read -r verdict what; do
		if [ "$verdict" = pass ]; then pass "$1$what"; else fail "$1$what"; fi
	done <"$2"
}

# same A B DESCRIPTION
same() {
	if [ "$1" = "$2" ]; then pass "$3"; else fail "$3 ('$1' != '$2')"; fi
}

# The number of rows in each table that holds records, as one string, to
# prove a refused command changed nothing.
counts() {
	sql "$1" "SELECT (SELECT count(*) FROM unit)||'/'||(SELECT count(*) FROM person)||'/'||(SELECT count(*) FROM account)||'/'||(SELECT count(*) FROM instrument)||'/'||(SELECT count(*) FROM response)||'/'||(SELECT count(*) FROM answer)||'/'||(SELECT count(*) FROM score)||'/'||(SELECT count(*) FROM audit)"
}

# drop_figures_version DB: removes what migration 12 adds (the figures'
# version and the triggers that bump it), and what migration 14 adds
# (closing units, the audit log's search indexes) and 17 (its search
# keys in their place) and 18 (people's plans), for a test that makes
# a file of an older version out of a current one.
drop_figures_version() {
	sqlite3 "$1" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master
	    WHERE type = 'trigger' AND name GLOB 'figures_*'" | sqlite3 "$1" &&
	sqlite3 "$1" "DROP TABLE figures_version" &&
	sqlite3 "$1" "$DROP_18" &&
	sqlite3 "$1" "$DROP_17" &&
	sqlite3 "$1" "$DROP_16"
}
DROP_18="DROP TABLE plan_version; DROP TABLE plan_share; DROP TABLE plan_view; DROP TABLE plan_suggestion; DROP TABLE plan; DROP TABLE supporter;"
DROP_17="DROP TABLE audit_by_actor; DROP TABLE audit_by_action; DROP TABLE audit_by_at; DROP TABLE audit_keyed; CREATE INDEX audit_actor ON audit(actor_account_id, at); CREATE INDEX audit_action ON audit(action, at); CREATE INDEX audit_at ON audit(at);"
DROP_16="DROP TRIGGER unit_closed_caseload; DROP TRIGGER unit_closed_grant; DROP INDEX audit_actor; DROP INDEX audit_action; DROP INDEX audit_at; DROP TABLE upload; ALTER TABLE unit DROP COLUMN closed;"

# A small network: one of each unit, a person, a practitioner.
small_network() {
	local db=$1
	$WAYMARK init --db "$db" >/dev/null &&
	$WAYMARK instrument load --db "$db" "$ROOT"/instruments/dreem-*.json \
	    "$ROOT"/instruments/core-standards*.json \
	    "$ROOT"/instruments/ten-top-tips.json >/dev/null &&
	$WAYMARK unit add --db "$db" --kind network --code net --name "Test Network" >/dev/null &&
	$WAYMARK unit add --db "$db" --kind provider --code prov --name "Test Provider" --parent net >/dev/null &&
	$WAYMARK unit add --db "$db" --kind service --code svc --name "Test Service" --parent prov >/dev/null &&
	$WAYMARK person add --db "$db" --id P1 --name "Sam Testperson" --unit svc --since 2025-01-01 >/dev/null &&
	$WAYMARK account add --db "$db" --email prac@example.org --name "Jo Practitioner" --grant practitioner@svc >/dev/null &&
	$WAYMARK account add --db "$db" --email lead@example.org --name "Lee Lead" --grant lead@svc >/dev/null &&
	$WAYMARK account add --db "$db" --email val1@example.org --name "Val One" --grant validator@svc/lived-experience >/dev/null &&
	$WAYMARK account add --db "$db" --email val2@example.org --name "Val Two" --grant validator@svc/supporter >/dev/null
}

# qr_json INSTRUMENT SUBJECT RESPONDENT AUTHOR DATE UNIT CODE...: a
# completed QuestionnaireResponse, on stdout, answering the instrument's
# choice questions in order with the codes given ("-" leaves one
# unanswered). AUTHOR may be ""; so may UNIT (the service's code), and
# then the subject's own service is taken.
qr_json() {
	python3 - "$ROOT/instruments/$1.json" "${@:2}" <<'PY'
import json, sys
inst = json.load(open(sys.argv[1]))
subject, respondent, author, date, unit = sys.argv[2:7]
codes = iter(sys.argv[7:])
def walk(items):
    out = []
    for it in items:
        if it["type"] == "group":
            kids = walk(it.get("item", []))
            if kids:
                out.append({"linkId": it["linkId"], "item": kids})
        elif it["type"] == "choice":
            c = next(codes, "-")
            if c != "-":
                out.append({"linkId": it["linkId"],
                            "answer": [{"valueCoding": {"code": c}}]})
    return out
ext = [{"url": "https://waymark.example/fhir/StructureDefinition/respondent", "valueCode": respondent}]
if unit:
    ext.append({"url": "https://waymark.example/fhir/StructureDefinition/unit", "valueReference": {"reference": "Organization/" + unit}})
r = {"resourceType": "QuestionnaireResponse",
     "questionnaire": inst["url"] + "|" + inst["version"],
     "status": "completed", "subject": {"reference": subject},
     "authored": date, "extension": ext, "item": walk(inst["item"])}
if author:
    r["author"] = {"reference": author}
print(json.dumps(r))
PY
}
# The quarter BACK quarters before today's (the server's day is UTC's),
# like 2026-Q1: a commissioner's years end with today's quarter.
quarter_back() {
	python3 -c "import datetime, sys
d = datetime.datetime.now(datetime.timezone.utc).date()
q = d.year * 4 + (d.month - 1) // 3 - int(sys.argv[1])
print('%d-Q%d' % (q // 4, q % 4 + 1))" "$1"
}
# rep N WORD: WORD N times.
rep() { local n=$1 s=$2 i; for i in $(seq "$n"); do printf '%s ' "$s"; done; }

# A real `waymark serve` on loopback for the HTTP tests. start DB [ARGS]
# sets PORT and PID; stop ends the server, as does leaving the script.
PID=""
start() { # DB [ARGS...]: starts a server on a free port; sets PORT and PID
	local db=$1 try
	shift
	for try in 1 2 3 4 5; do
		PORT=$((20000 + (RANDOM % 20000)))
		# A log left by a server before says "serving" too, and the
		# shell truncates it only once the child runs: gone first, so
		# that only this server's own is read.
		rm -f server.log
		$WAYMARK serve --db "$db" --listen "127.0.0.1:$PORT" "$@" 2>server.log &
		PID=$!
		for _ in $(seq 50); do
			grep -q "serving" server.log 2>/dev/null && return 0
			kill -0 $PID 2>/dev/null || break
			sleep 0.1
		done
		kill $PID 2>/dev/null
		wait $PID 2>/dev/null
	done
	return 1
}
stop() { [ -n "$PID" ] && kill -TERM $PID 2>/dev/null && wait $PID; }
trap 'stop; pg_stop; rm -rf "$SCRATCH"' EXIT
U() { echo "http://127.0.0.1:$PORT$1"; }
csrf() { grep -o 'name="csrf" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//; s/"$//'; }
# code CURL-ARGS...: the status; the body in ./body, headers in ./headers.
code() { curl -s -o body -w '%{http_code}' -D headers "$@"; }
# location: where the last `code` call's answer redirects to.
location() { sed -n 's/^Location: *//Ip' headers | tr -d '\r' | head -1; }
# post JAR PATH FIELD=VALUE...: a form post with the session's token
# ($WCS), each field URL-encoded; the status, as `code` gives it.
post() {
	local jar=$1 path=$2 a=()
	shift 2
	for kv in "$@"; do a+=(--data-urlencode "$kv"); done
	code -b "$jar" --data-urlencode "csrf=$WCS" "${a[@]}" "$(U "$path")"
}

# web_login JAR EMAIL PASSWORD: signs in through the sign-in form, keeping
# the session in JAR; sets WCS to the session's form token.
web_login() {
	local got
	curl -s -c "$1" -b "$1" -o login.html "$(U /sign-in)"
	got=$(curl -s -c "$1" -b "$1" -o login.out -w '%{http_code}' --data-urlencode "csrf=$(csrf login.html)" \
	    --data-urlencode "email=$2" --data-urlencode "password=$3" "$(U /sign-in)")
	# A sign-in that did not work says why, so a failure after it is
	# never a mystery.
	[ "$got" = 303 ] || fail "signing in as $2 answered $got: $(sed 's/<[^>]*>//g' login.out | grep -v '^[[:space:]]*$' | head -3 | tr '\n' ' ') $(tail -3 server.log 2>/dev/null | tr '\n' ' ')"
	curl -s -b "$1" -o login.html "$(U /)"
	WCS=$(csrf login.html)
}

# The commissioners' tests' network, served: the demo of 120 people (seed
# 5) in d.db with its sign-ins in demo.txt, and a commissioner of one
# provider, pc@example.org (password "provider commissioner pass 1"),
# at Estuary Community Care Trust. `signin ROLE` prints a demo sign-in's
# email and password; `login JAR ROLE` signs in as it on the web.
commissioners_demo() {
	$WAYMARK demo --db d.db --people 120 --seed 5 >demo.txt || fail "the demo was not built"
	printf 'provider commissioner pass 1\n' >pw
	$WAYMARK account add --db d.db --email pc@example.org --name "Pia Providercommissioner" \
	    --grant commissioner@estuary-care --password-file pw >/dev/null ||
	    fail "a provider's commissioner was not added"
	start d.db && pass "the server starts" || fail "the server did not start"
}
signin() { grep "^sign-in: $1 " demo.txt | cut -d' ' -f3,4; }
login() { # JAR ROLE
	local who
	who=$(signin "$2")
	web_login "$1" "${who% *}" "${who#* }"
}
