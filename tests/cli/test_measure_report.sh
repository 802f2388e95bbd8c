# The network's recovery outcomes as FHIR over real HTTP on loopback
# (GET /api/v1/network/measure-report): a commissioner gets a Bundle
# holding one MeasureReport whose every figure is the one the network API
# publishes from the same disclosed tables, naming no person and no
# member of staff; each export is written to the audit log; a commissioner
# of one provider gets their provider's services only, reported by their
# provider; a window no one may ask for is refused; everyone else gets
# "not found". (tests/fhir/validate.mjs validates the Bundles as FHIR.)
. "$(dirname "$0")/lib.sh"

commissioners_demo
MR=/api/v1/network/measure-report
json() { python3 -c "import json,sys; d=json.load(open('body')); mr=d['entry'][0]['resource']; print(eval(sys.argv[1]))" "$1"; }
exports() { sqlite3 d.db "SELECT count(*) FROM audit WHERE action = 'exported the network''s outcomes as FHIR' AND subject_kind = 'unit'"; }

login c.jar commissioner
before=$(exports)
same "$(code -b c.jar "$(U $MR)")" "200" "a commissioner gets the network's outcomes as FHIR"
grep -qi '^Content-Type: application/fhir+json' headers && pass "... as application/fhir+json" ||
    fail "... as application/fhir+json ($(grep -i '^Content-Type' headers))"
same "$(exports)" "$((before + 1))" "the export is written to the audit log"
window=$(json "' to '.join('%s-Q%d' % (d[:4], (int(d[5:7]) + 2) // 3) for d in mr['period'].values())")
same "$(sqlite3 d.db "SELECT detail FROM audit ORDER BY id DESC LIMIT 1")" \
    "API GET $MR; quarters $window; disclosure mhsds; the whole network (14 services)" \
    "... with the endpoint, the window exported ($window) and the rule"
same "$(json "d['resourceType'], d['type']")" "('Bundle', 'collection')" "a Bundle of type collection"
same "$(json "[e['resource']['resourceType'] for e in d['entry']].count('MeasureReport')")" "1" "... holding one MeasureReport"
same "$(json "mr['type'], mr['status'], mr['measure']")" \
    "('summary', 'complete', 'https://waymark.example/fhir/Measure/recovery-outcomes')" \
    "... a complete summary of the recovery-outcomes measure"
same "$(json "mr['reporter']['display']")" "Devon Mental Health and Wellbeing Network (demo)" "... reported by the network"
same "$(json "[g['id'] for g in mr['group']]")" "['recovery-markers-person', 'recovery-markers-person-with-practitioner']" \
    "... a group per scale and kind of answer"
same "$(json "len(mr['group'][0]['stratifier'][0]['stratum'])")" "14" "... a stratum per service"
same "$(json "sorted(e['resource']['type'][0]['coding'][0]['code'] for e in d['entry'][1:])")" \
    "['network'$(printf ", 'provider'%.0s" 1 2 3 4 5)$(printf ", 'service'%.0s" $(seq 14))]" \
    "... and the Organizations it names: the network, its providers and services"
cp body mr.json

# The same figures, and the same withheld, as the network API.
same "$(code -b c.jar "$(U /api/v1/network)")" "200" "the network API for comparison"
mv body api.json
python3 - mr.json api.json >compare.txt <<'PY'
import json, sys
mr = json.load(open(sys.argv[1]))['entry'][0]['resource']
api = json.load(open(sys.argv[2]))
kinds = {'person': 'selfRated', 'person-with-practitioner': 'withPractitioner'}
def shown(v, element):
    # A figure left out is '*' when masked (withheld), and None (as the
    # API's null) when not worked out: change not judged, or no one.
    if 'value' in v or 'count' in v:
        return v.get('value', v.get('count'))
    why = [e['valueCode'] for e in (element or {}).get('extension', [])
           if e['url'].endswith('data-absent-reason')]
    return '*' if why == ['masked'] else None
def figures(f):
    n = {p['code']['coding'][0]['code']: shown(p, p.get('_count')) for p in f['population']}
    return n['denominator'], n['numerator'], shown(f['measureScore'], f['measureScore'])
rows = differ = masked = 0
for g in mr['group']:
    scale = g['code']['coding'][0]['code']
    kind = kinds[[e for e in g['extension'] if e['url'].endswith('/respondent')][0]['valueCode']]
    strata = {s['value']['coding'][0]['code']: s for s in g['stratifier'][0]['stratum']}
    pairs = [(strata[s['service']], s['recovery']) for s in api['services']]
    pairs.append((g, api['network']['recovery']))
    for f, rec in pairs:
        r = [x for x in rec if x['scale'] == scale][0][kind]
        want = (r['paired'], r['improved'], r['improvedPercent'])
        rows += 1
        masked += '*' in want
        if figures(f) != want:
            differ += 1
            print('differ', scale, kind, figures(f), want)
print('rows', rows, 'differ', differ, 'masked', masked)
PY
same "$(tail -1 compare.txt | cut -d' ' -f1-4)" "rows 30 differ 0" \
    "every denominator, numerator and share is the network API's, withheld or not"
grep -q 'masked [1-9]' compare.txt && pass "... some of them withheld" || fail "... none withheld: the comparison proves little"

# No person's name or identifier, and no member of staff's name.
python3 - mr.json d.db "$(signin commissioner | cut -d' ' -f1)" >leaks.txt <<'PY'
import sqlite3, sys
text = open(sys.argv[1]).read()
db = sqlite3.connect(sys.argv[2])
secrets = {s for row in db.execute('SELECT name, ident FROM person') for s in row}
secrets |= {n for (n,) in db.execute('SELECT name FROM account WHERE email <> ?', (sys.argv[3],))}
print(', '.join(sorted(s for s in secrets if s and len(s) >= 4 and s in text)))
PY
same "$(cat leaks.txt)" "" "it names no person and no member of staff"
hasnt mr.json "DEMO-" "... and no person's identifier"

# The window.
same "$(code -b c.jar "$(U "$MR?from=$(quarter_back 0)&to=$(quarter_back 4)")")" "400" "a window that ends before it starts"
has body '"field": "from"' "... names the field"
same "$(code -b c.jar "$(U "$MR?to=2999-Q1")")" "400" "a window in the future"

# A provider's commissioner: their provider's services, reported by it.
web_login p.jar pc@example.org "provider commissioner pass 1"
same "$(code -b p.jar "$(U $MR)")" "200" "a provider's commissioner gets their outcomes as FHIR"
same "$(json "sorted(s['value']['coding'][0]['code'] for g in mr['group'] for s in g['stratifier'][0]['stratum'])")" \
    "['dartleigh-living', 'dartleigh-living', 'honibury-house', 'honibury-house', 'torrow-day', 'torrow-day']" \
    "... a stratum for each of their three services only"
same "$(json "sorted(e['resource']['id'] for e in d['entry'][1:])")" \
    "['dartleigh-living', 'estuary-care', 'honibury-house', 'torrow-day']" \
    "... and Organizations for their provider and its services only"
same "$(json "mr['reporter']['display']")" "Estuary Community Care Trust (fictional)" "... reported by their provider"
for other in "Exbridge" "Moorland" "Harbour" "Devon Mental Health"; do
	hasnt body "$other" "... naming nothing of $other"
done

# Everyone else: not found.
for role in person practitioner lead validator; do
	login "$role.jar" "$role"
	same "$(code -b "$role.jar" "$(U $MR)")" "404" "a $role gets 404 for the measure report"
done
same "$(code "$(U $MR)")" "401" "signed out: 401"
