# Who may use each route: the route table (waymark serve --routes) walked
# as each demo role over real HTTP, every answer checked against the rule
# the route declares (tests/cli/access_walk.py), in scope and out of it.
. "$(dirname "$0")/lib.sh"

$WAYMARK demo --db a.db --people 60 >demo.txt || fail "the demo was not built"
# A service outside the demo commissioner's scope (their grant covers the
# whole demo network), so that a commissioner's routes are walked out of
# scope too.
$WAYMARK unit add --db a.db --kind network --code elsewhere --name "Elsewhere network" >/dev/null &&
	$WAYMARK unit add --db a.db --kind provider --code elsewhere-trust --name "Elsewhere Trust" --parent elsewhere >/dev/null &&
	$WAYMARK unit add --db a.db --kind service --code elsewhere-team --name "Elsewhere Team" --parent elsewhere-trust >/dev/null ||
	fail "a service outside the commissioner's scope was not added"
$WAYMARK serve --routes >routes.txt
same "$(awk -F'\t' '$3 == "none"' routes.txt | wc -l)" "0" "every route declares who may use it"
same "$(awk -F'\t' 'NF != 5' routes.txt | wc -l)" "0" "each line has method, path, rule, audit and query"
same "$(awk -F'\t' '{print $1" "$2}' routes.txt | sort | uniq -d | wc -l)" "0" "no route is listed twice"

start a.db || fail "the server did not start: $(cat server.log)"
python3 "$ROOT/tests/cli/access_walk.py" "http://127.0.0.1:$PORT" a.db routes.txt demo.txt >walk.txt 2>walk.err
rc=$?
grep '^FAIL ' walk.txt >>"$RESULTS"
same "$rc" "0" "every route answers each role as its rule declares ($(grep -c '^pass ' walk.txt) answers checked)$(head -3 walk.err)"
grep -q "^pass GET /people/{person}/journey as practitioner" walk.txt && pass "the walk reaches a person's journey as their practitioner" || fail "the walk did not check a practitioner's view"
grep -q "^pass GET /api/v1/plans/{plan} as person: 200" walk.txt && pass "the walk reads the person's own plan through the API" || fail "the walk did not read the person's plan through the API"
grep -q "^pass PUT /api/v1/plans/{plan} as practitioner: 404" walk.txt && pass "the walk refuses a practitioner a plan's writing" || fail "the walk did not try to write a plan as a practitioner"
grep -q "^pass DELETE /api/v1/plans/{plan}/shares/{share} as person: 204" walk.txt && pass "the walk stops a share of the person's own through the API" || fail "the walk did not stop a share through the API"
grep -q "^pass GET /network/services/{code} as commissioner, out of scope: 404" walk.txt && pass "the walk refuses a commissioner a service outside their scope" || fail "the walk did not check a commissioner out of scope"
grep -q "^pass GET /network/services/{code}/standards/{period} as commissioner: 200" walk.txt && pass "the walk reaches a service's standards as its commissioner" || fail "the walk did not check a commissioner in scope"

# An account may hold a role at many services: a validator for 120 of
# them is served like any other.
sqlite3 a.db "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120) INSERT INTO unit(kind, code, name, parent_id, created) SELECT 'service', 'many-' || i, 'Many ' || i, (SELECT parent_id FROM unit WHERE kind = 'service' LIMIT 1), '2026-01-01T00:00:00Z' FROM n"
sqlite3 a.db "INSERT INTO role_grant(account_id, role, unit_id, stakeholder) SELECT a.id, 'validator', u.id, 'peer-worker' FROM account a, unit u WHERE a.email = '$(grep '^sign-in: validator ' demo.txt | cut -d' ' -f3)' AND u.code LIKE 'many-%'"
web_login many.jar $(grep '^sign-in: validator ' demo.txt | cut -d' ' -f3-4)
same "$(code -b many.jar "$(U /)")" "200" "a validator at 121 services signs in and is served"
same "$(code -b many.jar "$(U /validations)")" "200" "... their validations too"
