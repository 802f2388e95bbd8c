# `waymark report network` and GET /api/v1/network/outcomes on the demo
# as `make run` builds it (2,000 people): every format parses; the CSV,
# the JSON and the API agree figure for figure for the same window and
# rule; --disclosure none gives the exact counts the rule rounds or
# withholds; the outcomes name the services the demo was built to show
# outside the funnel's limits; no person or member of staff is named in
# any format; one section alone holds exactly its figures; bad
# arguments are refused, naming the option, with nothing on standard
# output. Then the attack on every figure commissioners can see, under
# the MHSDS rule and the HES rule (disclosure_attack.py): the network's
# commissioner, a provider's and a commissioner of two providers, every
# page, API document and FHIR report of theirs and the command line's
# JSON, all put together: no withheld count can be worked out from the
# published figures, nor narrowed below the range the rule hides it in
# (the interval attack), and every share is of the published counts.
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
    "Training for recovery" "Experience" "People's own goals" "Recovery outcomes, every measure" \
    "Comparing services" "Mean scores quarter by quarter"; do
	grep -qx "$section" rep.txt && pass "the text has the section '$section'" ||
	    fail "no section '$section' in the text"
done
has rep.txt "Small numbers (mhsds)" "the text names the rule it applied"
same "$(head -3 rep.txt | tr '\n' ' ' | grep -o 'for the four quarters from [A-Z][a-z]* [0-9]* to today, [0-9]* [A-Z][a-z]* [0-9]* ([0-9Q-]*\.\.[0-9Q-]*); [A-Z][a-z]* to [A-Z][a-z]* [0-9]* has not ended yet, so its figures are those so far' | wc -l)" "1" \
    "the text says its window as people say it, and that the running quarter's figures are those so far"
run 0 "a window of quarters that have ended" -- report --from 2025-Q1 --to 2025-Q2
same "$(head -2 out | tr '\n' ' ')" "The network's figures for the two quarters from January 2025 to June 2025 (2025-Q1..2025-Q2) " "... says so, and nothing of a running quarter"
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
same "$(sqlite3 d.db "SELECT detail FROM audit WHERE action = 'reported the network''s figures (command line)' ORDER BY id DESC LIMIT 1" | sed 's/; quarters.*//')" \
    "command line waymark report network --format text --section quarterly-means" "... audited as that section alone"

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
verdicts "" check.txt

# Another window, the year before: the command line and the API still
# say the same. A commissioner chooses a year ending with this quarter;
# the network's analysts, on the command line, any quarters.
Y0=$(quarter_back 7) Y1=$(quarter_back 4)
run 0 "the report for the year before" -- report --format json --from "$Y0" --to "$Y1"
cp out w.json
same "$(code -b c.jar "$(U "/api/v1/network/outcomes?to=$Y1")")" "200" "the outcomes for the year before"
same "$(python3 -c "import json,sys; a=json.load(open('w.json')); b=json.load(open('body')); print(a['outcomes'] == b, a['from'], a['to'])")" \
    "True $Y0 $Y1" "... the same as the command line's"
same "$(code -b c.jar "$(U "/api/v1/network/outcomes?from=$(quarter_back 0)&to=$Y1")")" "400" "a window that ends before it starts"
has body '"field": "from"' "... names the field"
same "$(code -b c.jar "$(U '/api/v1/network/outcomes?from=2026-Q2&to=2026-Q3')")" "400" "two quarters are not a year"
has body '"field": "to"' "... names the last quarter"
has body "a year of four quarters that ends with this quarter" "... and says what a window is"
same "$(code -b c.jar "$(U "/api/v1/network/outcomes?from=$(quarter_back 2)")")" "400" "a first quarter alone, not a year's first"
has body '"field": "from"' "... names it"

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

# The attack, under the MHSDS rule (the demo's) and under HES, on what
# three commissioners see at once: the network's, a provider's, and one
# of two providers (whose total is no single provider's), with the
# command line's figures too.
$WAYMARK account add --db d.db --email pc2@example.org --name "Quinn Twoprovidercommissioner" \
    --grant commissioner@estuary-care --grant commissioner@harbour-mind --password-file pw >/dev/null
web_login p2.jar pc2@example.org "provider commissioner pass 1"
run 0 "the true counts for the attack" -- report --format json --disclosure none
cp out truth.json
attack() { # RULE
	report --format json >cli.json
	python3 "$ROOT/tests/cli/disclosure_attack.py" "$(U '')" truth.json "$1" d.db --cli cli.json \
	    c.jar=network p.jar=estuary-care p2.jar=estuary-care+harbour-mind >attack.txt
	verdicts "attack: " attack.txt
}
attack mhsds
$WAYMARK network set --db d.db --disclosure hes >/dev/null
attack hes

# The windows: every window within three quarters (the command line's),
# and the FHIR report for this year and the one before (a commissioner's
# years); no figure withheld in one window can be worked out from them
# all (window_attack.py).
quarters() { # BACK...: quarters counted back from this one, comma-separated
	local b out=""
	for b in "$@"; do out="$out,$(quarter_back "$b")"; done
	echo "${out#,}"
}
windows() { # RULE
	local qs a b
	rm -rf win && mkdir win
	qs=$(quarters 3 2 1)
	for a in ${qs//,/ }; do
		for b in ${qs//,/ }; do
			[[ "$a" > "$b" ]] || report --format json --from "$a" --to "$b" >"win/$a..$b.json"
		done
	done
	read -r a b <<<"$(quarters 3 0 | tr ',' ' ')"
	report --format json --from "$a" --to "$b" >win/year.json
	for span in "3 0" "7 4"; do
		read -r a b <<<"$(quarters $span | tr ',' ' ')"
		curl -s -b c.jar -o "win/fhir-$a..$b.json" "$(U "/api/v1/network/measure-report?from=$a&to=$b")"
	done
	python3 "$ROOT/tests/cli/window_attack.py" "$1" "$qs" win >windows.txt
	verdicts "windows: " windows.txt
	same "$(code -b c.jar "$(U "/api/v1/network/measure-report?from=$(quarter_back 1)")")" "400" \
	    "the FHIR report is for a year too ($1)"
}
# The windows a commissioner can choose: a year ending with this quarter
# and the year before, with the trends' eight quarters in them, every
# figure as an interval: no count the rule withholds in one is narrowed
# by all of them (window_attack.py --blocks).
years() { # RULE
	local q qs=""
	rm -rf yrs && mkdir yrs
	for q in 7 6 5 4 3 2 1 0; do qs="$qs,$(quarter_back $q)"; done
	qs=${qs#,}
	for w in $(for q in ${qs//,/ }; do echo "$q..$q"; done) "$(quarter_back 7)..$(quarter_back 4)" \
	    "$(quarter_back 3)..$(quarter_back 0)"; do
		report --format json --from "${w%..*}" --to "${w#*..}" >"yrs/$w.json"
		report --format json --from "${w%..*}" --to "${w#*..}" --disclosure none >"yrs/none-$w.json"
	done
	cp "yrs/$(quarter_back 3)..$(quarter_back 0).json" yrs/year.json
	python3 "$ROOT/tests/cli/window_attack.py" "$1" "$qs" yrs --intervals --blocks >years.txt
	verdicts "years: " years.txt
}
years hes
windows hes
$WAYMARK network set --db d.db --disclosure mhsds >/dev/null
windows mhsds
years mhsds
$WAYMARK network set --db d.db --disclosure hes >/dev/null
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
assert ('outcomes', 'person', 'threshold_complete_first_answers') not in got
assert ('outcomes', 'person', 'threshold_first_scores') not in got
print('threshold %.4f, reliable recovery %d%%' % (want, rec))
PY
[ $? -eq 0 ] && pass "declared statistics: the threshold, its source and reliable recovery ($(cat py.out))" ||
    fail "declared statistics: $(cat py.out)"

# Too few complete first answers for an estimate of the markers'
# reliability (a demo of 40 people has about 16, of the 30 needed): no
# threshold, the reason in words with how many there are, the people
# paired still counted, and their change not judged, in every format
# and on the pages, never as "0 reliably improved" or a total of empty
# columns.
$WAYMARK demo --db few.db --people 40 --seed 3 >few.txt
run 0 "a network with few first answers: the report as JSON" -- $WAYMARK report network --db few.db --format json --disclosure none
cp out few.json
run 0 "... as CSV" -- $WAYMARK report network --db few.db --format csv --disclosure none
cp out few.csv
run 0 "... as text" -- $WAYMARK report network --db few.db --disclosure none
cp out few.txt.out
python3 - few.json few.csv >py.out 2>&1 <<'PY'
import csv, json, sys
d = json.load(open(sys.argv[1]))
rows = list(csv.DictReader(open(sys.argv[2], newline='')))
for t in d['reliableChange']:
    n = t['completeFirstAnswers']
    assert t['threshold'] is None and t['whyCode'] == 'too-few-first-answers', t
    assert 0 < n < 30 and t['completeFirstAnswersNeeded'] == 30, t
    assert t['firstScores'] >= n, t
    assert t['why'] == ('too few complete first answers to estimate how much '
                        'change is more than chance: %d of 30' % n), t
paired = 0
for p in [s for s in d['services']] + [d['network']]:
    for k in ('selfRated', 'withPractitioner'):
        o = p['recovery'][0][k]
        assert o['judged'] is False, o
        assert all(o[f] is None for f in ('improved', 'noChange',
                   'deteriorated', 'improvedPercent')), o
paired = d['network']['recovery'][0]['selfRated']['paired']
assert paired > 0, paired
got = {(r['section'], r['service'], r['answered_by'], r['figure']): r['value']
       for r in rows if r['measure'] == 'recovery-markers'}
assert got[('recovery', 'network', 'person', 'paired')] == str(paired), got
assert got[('recovery', 'network', 'person', 'change')] == 'not judged'
assert got[('recovery', 'network', 'person', 'reliably_improved')] == ''
assert got[('recovery', 'network', 'person', 'threshold_complete_first_answers')] == \
    str(d['reliableChange'][0]['completeFirstAnswers'])
assert got[('recovery', 'network', 'person', 'threshold_first_scores')] == \
    str(d['reliableChange'][0]['firstScores'])
f = d['outcomes']['measures'][0]['scales'][0]['selfRated']['funnel']
assert f['fitted'] is False and f['leftOff'] == [], f
print('%d paired, not judged: %s' % (paired, d['reliableChange'][0]['why']))
PY
[ $? -eq 0 ] && pass "too few first answers: no threshold, the reason with its count, people paired, change not judged ($(cat py.out))" ||
    fail "too few first answers: $(cat py.out)"
tr -s ' \n' ' ' <few.txt.out >few.flat
has few.flat "change not judged" "... and the text says their change was not judged"
has few.flat "too few complete first answers to estimate how much change is more than chance:" "... and why"
stop
start few.db && pass "a server on the small network" || fail "the server did not start"
who=$(grep "^sign-in: commissioner " few.txt | cut -d' ' -f3,4)
web_login f.jar "${who% *}" "${who#* }"
same "$(code -b f.jar "$(U /network)")" "200" "its network page"
has body "change could not be judged, as there is no reliable change threshold: too few complete first answers to estimate how much change is more than chance:" "... says change could not be judged, and why"
has body "Could not be judged" "... in the table, in place of the outcomes"
hasnt body ">Reliably improved</th>" "... which has no column of outcomes nobody was judged on"
same "$(code -b f.jar "$(U /network/outcomes)")" "200" "its outcomes page"
has body "No funnel plot: with no reliable change threshold" "... draws no funnel plot of a share nobody was judged on"
same "$(code -b f.jar "$(U /api/v1/network/measure-report)")" "200" "its MeasureReport"
same "$(python3 -c "import json; d=json.load(open('body')); g=d['entry'][0]['resource']['group'][0]; p={x['code']['coding'][0]['code']: x for x in g['population']}; print('count' in p['denominator'], p['numerator']['_count']['extension'][0]['valueCode'])")" \
    "True not-performed" "... counts the people paired, and marks the improved not worked out"
