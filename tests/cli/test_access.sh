# Who may use each route: the route table (waymark serve --routes) walked
# as each demo role over real HTTP, every answer checked against the rule
# the route declares (tests/cli/access_walk.py), in scope and out of it.
. "$(dirname "$0")/lib.sh"

$WAYMARK demo --db a.db --people 60 >demo.txt || fail "the demo was not built"
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
