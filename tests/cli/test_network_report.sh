# `waymark report network` and GET /api/v1/network/outcomes on the demo
# as `make run` builds it (2,000 people): every format parses; the CSV,
# the JSON and the API agree figure for figure for the same window and
# rule; --disclosure none gives the exact counts the rule rounds or
# withholds; the outcomes name the services the demo was built to show
# outside the funnel's limits; no person or member of staff is named in
# any format; one section alone holds exactly its figures; bad
# arguments are refused, naming the option, with nothing on standard
# output. Then the attack on every table a commissioner can
# see, under the MHSDS rule and the HES rule (disclosure_attack.py): no
# withheld count can be worked out from the published figures.
. "$(dirname "$0")/lib.sh"

run 0 "build the demo at its default size" -- $WAYMARK demo --db d.db
cp out demo.txt
signin() { grep "^sign-in: $1 " demo.txt | cut -d' ' -f3,4; }
login() { # JAR ROLE
	local who
	who=$(signin "$2")
	web_login "$1" "${who% *}" "${who#* }"
}
report() { $WAYMARK report network --db d.db "$@"; }

# Every format, under the network's rule and with none.
run 0 "the report as text" -- report
cp out rep.txt
run 0 "as CSV" -- report --format csv
cp out rep.csv
run 0 "as JSON" -- report --format json
cp out rep.json
run 0 "as CSV with no small numbers withheld" -- report --format csv --disclosure none
cp out none.csv
run 0 "as JSON with none" -- report --format json --disclosure none
cp out none.json
for section in "The 10 core standards" "Recovery" "Paired-outcome rate" "Measurement cycles" \
    "Training for recovery" "People's own goals" "Recovery outcomes, every measure" \
    "Comparing services" "Mean scores quarter by quarter"; do
	grep -qx "$section" rep.txt && pass "the text has the section '$section'" ||
	    fail "no section '$section' in the text"
done
has rep.txt "Small numbers (mhsds)" "the text names the rule it applied"
same "$(awk 'length > 78' rep.txt | wc -l)" "0" "the text is wrapped for a terminal"

# Bad arguments: refused, naming the option, and nothing on stdout.
refuse() { # OPTION WHY ARGS...
	local opt=$1 why=$2
	shift 2
	run 2 "$why is refused" -- report "$@"
	has err "$opt" "... naming $opt"
	same "$(wc -c <out)" "0" "... with nothing on standard output"
}
refuse --from "a quarter not written as one" --from 2026-13
has err "write it as a year and quarter, like 2026-Q1" "... saying how to write one"
refuse --to "a quarter that is not one" --to nope
refuse --from "a window that ends before it starts" --from 2026-Q3 --to 2026-Q1
has err "the first quarter is after the last" "... saying why"
refuse --to "a window that ends after this quarter" --to 2999-Q1
refuse --from "a window over ten years" --from 2010-Q1 --to 2026-Q1
refuse --format "an unknown format" --format xml
has err "'xml' is not text, csv or json" "... listing the formats"
refuse --disclosure "an unknown rule" --disclosure strict
refuse --section "a section the report does not have" --section nope
has err "'nope' is not a section of the report" "... saying so"
refuse --section "a section of JSON" --format json --section goals

# One section: its figures, exactly as the whole report has them, and no
# other's; the quarter-by-quarter means without the view's figures.
for section in standards goals quarterly-means; do
	run 0 "only the section $section" -- report --format csv --disclosure none --section "$section"
	same "$(tail -n +2 out | cut -d, -f1 | sort -u)" "$section" "... holds only that section"
	same "$(tail -n +2 out)" "$(grep "^$section," none.csv)" "... every figure of it, as the whole report has them"
done
run 0 "the means alone as text" -- report --section quarterly-means
has out "Mean scores quarter by quarter" "... under their heading"
hasnt out "The 10 core standards" "... and no other section's"

# The API as the network's commissioner, for the same window.
start d.db && pass "the server starts" || fail "the server did not start"
login c.jar commissioner
audits() { sqlite3 d.db "SELECT count(*) FROM audit WHERE action = 'viewed the network''s outcomes' AND subject_kind = 'unit'"; }
same "$(code -b c.jar "$(U /api/v1/network)")" "200" "the network in JSON"
cp body net.json
before=$(audits)
same "$(code -b c.jar "$(U /api/v1/network/outcomes)")" "200" "the outcomes in JSON"
cp body outc.json
same "$(audits)" "$((before + 1))" "... written to the audit log as a view of the network's outcomes"
python3 "$ROOT/tests/cli/network_report_check.py" . d.db >check.txt
while read -r verdict what; do
	if [ "$verdict" = pass ]; then pass "$what"; else fail "$what"; fi
done <check.txt

# Another window: the command line and the API still say the same.
run 0 "the report for two quarters" -- report --format json --from 2026-Q2 --to 2026-Q3
cp out w.json
same "$(code -b c.jar "$(U '/api/v1/network/outcomes?from=2026-Q2&to=2026-Q3')")" "200" "the outcomes for two quarters"
same "$(python3 -c "import json,sys; a=json.load(open('w.json')); b=json.load(open('body')); print(a['outcomes'] == b, a['from'], a['to'])")" \
    "True 2026-Q2 2026-Q3" "... the same as the command line's"
same "$(code -b c.jar "$(U '/api/v1/network/outcomes?from=2026-Q3&to=2026-Q1')")" "400" "a window that ends before it starts"
has body '"field": "from"' "... names the field"

# A provider's commissioner sees their provider's services only.
printf 'provider commissioner pass 1\n' >pw
$WAYMARK account add --db d.db --email pc@example.org --name "Pia Providercommissioner" \
    --grant commissioner@estuary-care --password-file pw >/dev/null
web_login p.jar pc@example.org "provider commissioner pass 1"
same "$(code -b p.jar "$(U /api/v1/network/outcomes)")" "200" "a provider's commissioner reads the outcomes"
same "$(python3 -c "import json; d=json.load(open('body')); print(sorted({s['service'] for m in d['measures'] for c in m['scales'] for k in ('selfRated', 'withPractitioner') for s in c[k]['services']}))")" \
    "['dartleigh-living', 'honibury-house', 'torrow-day']" "... of their three services only"
login l.jar lead
same "$(code -b l.jar "$(U /api/v1/network/outcomes)")" "404" "a lead gets 404 for the outcomes"

# The attack, under the MHSDS rule (the demo's) and under HES.
run 0 "the true counts for the attack" -- report --format json --disclosure none
cp out truth.json
attack() { # RULE
	python3 "$ROOT/tests/cli/disclosure_attack.py" "$(U '')" c.jar truth.json "$1" >attack.txt
	while read -r verdict what; do
		if [ "$verdict" = pass ]; then pass "attack: $what"; else fail "attack: $what"; fi
	done <attack.txt
}
attack mhsds
$WAYMARK network set --db d.db --disclosure hes >/dev/null
attack hes
run 0 "the report under HES, the network's rule now" -- report --format csv
has out ",hes" "... names it in every row"
same "$(tr -d '\r' <out | grep -vc ',hes$')" "1" "... every row but the header"

# A measure whose file declares its statistics: the threshold comes from
# them, with their source, and reliable recovery is counted, in the JSON
# and the CSV alike (a small demo, with a version of the recovery
# markers that declares reliability, SD and a cut-off).
$WAYMARK demo --db s.db --people 200 --seed 3 >/dev/null
python3 - "$ROOT/instruments/dreem-recovery-markers.json" >declared.json <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d['version'] = '9.0.0-test'
for e in d['extension']:
    if e['url'].endswith('/scale'):
        e['extension'] += [
            {'url': 'reliability', 'valueDecimal': 0.8},
            {'url': 'sd', 'valueDecimal': 0.5},
            {'url': 'cutoff', 'valueDecimal': 3.0},
            {'url': 'statisticsSource', 'valueString': 'A test source (2026), table 1'}]
print(json.dumps(d))
PY
run 0 "a version of the markers that declares its statistics loads" -- $WAYMARK instrument load --db s.db declared.json
run 0 "the report as JSON" -- $WAYMARK report network --db s.db --format json --disclosure none
cp out s.json
run 0 "the report as CSV" -- $WAYMARK report network --db s.db --format csv --disclosure none
cp out s.csv
python3 - s.json s.csv >py.out 2>&1 <<'PY'
import csv, json, math, sys
d = json.load(open(sys.argv[1]))
rows = list(csv.DictReader(open(sys.argv[2], newline='')))
k = d['outcomes']['measures'][0]['scales'][0]['selfRated']
t = k['reliableChange']
want = round(1.96 * 0.5 * math.sqrt(2) * math.sqrt(1 - 0.8), 4)
assert t['threshold'] == want and not t['estimated'], t
assert t['source'] == 'A test source (2026), table 1', t
assert d['outcomes']['measures'][0]['scales'][0]['cutoff'] == 3.0
rec = k['network']['reliableRecoveryPercent']
assert isinstance(rec, int), rec
got = {(r['section'], r['answered_by'], r['figure']): r['value'] for r in rows
       if r['service'] == 'network' and r['measure'] == 'recovery-markers'}
assert got[('outcomes', 'person', 'threshold')] == '%.4f' % want, got
assert got[('outcomes', 'person', 'threshold_source')] == t['source']
assert got[('outcomes', 'person', 'reliable_recovery_percent')] == str(rec)
assert ('outcomes', 'person', 'threshold_people') not in got
print('threshold %.4f, reliable recovery %d%%' % (want, rec))
PY
[ $? -eq 0 ] && pass "declared statistics: the threshold, its source and reliable recovery ($(cat py.out))" ||
    fail "declared statistics: $(cat py.out)"
