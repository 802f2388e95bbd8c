# One service as a commissioner sees it, over real HTTP on loopback:
# /network/services/{code} shows the service's row of every table on
# /network, withheld exactly as there, beside the figure for all the
# commissioner's services; what people and staff say; its trends quarter
# by quarter (reliable improvement as /network shows it for a window of
# that one quarter, the cycles' quarters as the service's lead counts
# their months); the history of its standards; and each period's detail
# (/network/services/{code}/standards/{period}) with the reasons, the
# queries and the validators' lights by group, naming no validator and
# no lead. Every view is audited. A provider's commissioner sees their
# provider's services only; anyone else gets 404.
. "$(dirname "$0")/lib.sh"

$WAYMARK demo --db d.db --people 120 --seed 5 >demo.txt || fail "the demo was not built"
signin() { grep "^sign-in: $1 " demo.txt | cut -d' ' -f3,4; }
login() { # JAR ROLE
	local who
	who=$(signin "$2")
	web_login "$1" "${who% *}" "${who#* }"
}
q() { sqlite3 d.db "$1"; }
printf 'provider commissioner pass 1\n' >pw
$WAYMARK account add --db d.db --email pc@example.org --name "Pia Providercommissioner" \
    --grant commissioner@estuary-care --password-file pw >/dev/null ||
    fail "a provider's commissioner was not added"
# A period a validator has rated, and a lead for its service, to query,
# answer and amend it as they would.
VAL=$(signin validator | cut -d' ' -f1)
read -r AID SVC PERIOD <<<"$(q "SELECT a.id, u.code, a.period FROM invitation i JOIN account c ON c.id = i.account_id JOIN assessment a ON a.id = i.assessment_id JOIN unit u ON u.id = a.unit_id WHERE c.email = '$VAL' AND EXISTS (SELECT 1 FROM validation x WHERE x.assessment_id = a.id AND x.account_id = c.id) ORDER BY a.period DESC LIMIT 1" | tr '|' ' ')"
[ -n "$AID" ] || fail "the demo has no period the validator rated"
$WAYMARK account add --db d.db --email ql@example.org --name "Quinn Leadperson" \
    --grant "lead@$SVC" --password-file pw >/dev/null || fail "a lead was not added"
start d.db && pass "the server starts" || fail "the server did not start"
audits() { q "SELECT count(*) FROM audit a JOIN unit u ON u.id = a.subject_id WHERE a.action = '${1//\'/\'\'}' AND a.subject_kind = 'unit' AND u.code = '$2'"; }

login c.jar commissioner
code -b c.jar "$(U /network)" >/dev/null
cp body network.html
has network.html 'href="/network/services/beacon-college">Beacon Recovery College</a>' "each service on /network links to its own page"
all=$(q "SELECT count(*) FROM unit WHERE kind = 'service'")
same "$(grep -o 'href="/network/services/[a-z-]*"' network.html | sort -u | wc -l)" "$all" "... every one of the network's services"

# Every service's page, and the same figures as /network's.
ok=0
for s in $(q "SELECT code FROM unit WHERE kind = 'service' ORDER BY code"); do
	before=$(audits "viewed a service's figures" "$s")
	[ "$(code -b c.jar "$(U "/network/services/$s")")" = 200 ] && ok=$((ok + 1))
	cp body "svc-$s.html"
	same "$(audits "viewed a service's figures" "$s")" "$((before + 1))" "the view of $s is written to the audit log, about the service"
done
same "$ok" "$all" "a commissioner of the network sees every service's page"
python3 - network.html $(q "SELECT code || '=' || replace(name, ' ', '_') FROM unit WHERE kind = 'service'") >compare.txt <<'PY'
# The service's row of each table, and the total row, must read exactly as
# on /network: the tables are disclosed across every service either way.
import html, re, sys
def tables(path):
    out = {}
    for t in re.findall(r'<table class="nhsuk-table-responsive">(.*?)</table>', open(path).read(), re.S):
        cap = re.search(r'<caption[^>]*>(.*?)</caption>', t, re.S).group(1)
        rows = {}
        for tr in re.findall(r'<tr class="nhsuk-table__row">(.*?)</tr>', t, re.S):
            cells = [html.unescape(re.sub(r'<[^>]+>', '', re.sub(r'<span class="nhsuk-table-responsive__heading"[^>]*>.*?</span>', '', c))).strip() for c in re.findall(r'<t[hd][^>]*>(.*?)</t[hd]>', tr, re.S)]
            if cells:
                rows.setdefault(cells[0], []).append(cells[1:])
        out[cap] = rows
    return out
net = tables(sys.argv[1])
for arg in sys.argv[2:]:
    code, name = arg.split('=', 1)
    name = name.replace('_', ' ')
    mine = tables('svc-%s.html' % code)
    for cap in ('Recovery markers, answered alone', 'Recovery markers, answered with a practitioner', 'People with paired recovery markers', 'Goals and their reviews'):
        for who in (name, 'All these services'):
            a, b = net.get(cap, {}).get(who), mine.get(cap, {}).get(who)
            print(('pass' if a and a == b else 'FAIL') + ' %s, %s: %s as on /network (%s, %s)' % (code, cap, who, a, b))
    # Cycles: /network's Due and Done in time for each of its measures.
    for row in net.get('Cycles done in time', {}).get(name, []):
        if row[0] == 'No cycles':
            continue
        got = mine.get('Cycles done in time', {}).get(row[0], [[None, None]])[0]
        print(('pass' if row[1:3] == got[:2] else 'FAIL') + ' %s, cycles of %s as on /network (%s, %s)' % (code, row[0], row[1:3], got[:2]))
PY
grep '^FAIL' compare.txt | head -5 >&2
same "$(grep -c '^FAIL' compare.txt)" "0" "every service's row of every table reads as on /network ($(grep -c '^pass' compare.txt) figures)"

S=beacon-college
code -b c.jar "$(U "/network/services/$S")" >/dev/null
has body "Back to your network" "the service's page leads back to the network"
has body "Beacon Peer Network (fictional)" "... names the service's provider"
has body "A figure shown as * is withheld" "... says what * means"
for id in standards recovery paired cycles training goals experience trends history; do
	has body "id=\"$id\"" "... has the section $id"
	has body "href=\"/network/about#$id\"" "... which links to how it is worked out"
done
has body "Green across all these services" "the standards beside all the services'"
has body "Done in time, all these services" "the cycles beside all the services'"
has body "The ERFS profile, by group" "the ERFS profile by group"
has body "People using the service" "... people and staff side by side"
has body "People who agree, by indicator" "the supportive service indicators' share who agree"
has body 'role="img" aria-labelledby="trend-1-t trend-1-d"' "the trends are charts read out by their title and description"
has body "Reliably improved, answered alone" "... reliable improvement, answered alone"
has body "Reliably improved, answered with a practitioner" "... and with a practitioner, kept apart"
has body "DREEM recovery markers done in time" "... the recovery markers' cycle done in time"
has body "The figures as a table" "... each chart with its table"
has body "not counted: before the last 12 complete months" "... saying which quarters cannot be counted, and why"
has body "have no trend" "... and which figures have none, and why"
has body "service indicators have none: a quarter's own would show counts" "... the indicators among them, and why"
has body "counted over the last four quarters whichever are shown" "... and ERFS, whose quarters would add up to it"
hasnt body "The latest quarter in detail" "no quarter of the service's figures alone beside the network's tables, which would show counts they withhold"
has body "Lights by period" "the standards history as a grid"
has body "&#10003; Validated" "... with validated marked in words"
has body "href=\"/network/services/$S/standards/" "... each period linking to its detail"

# Each trend point of reliable improvement is what /network shows for a
# window of that one quarter, from its outcome table. The cycles are
# counted over the last 12 complete months whatever the window (a
# window's months less another's would give a withheld quarter away), so
# /network shows the same for a window of one quarter as for its own;
# and each quarter of the cycles' trend is the quarter's months as the
# service's own lead counts them, shown or withheld.
cat >rows.py <<'PY'
# rows.py FILE CAPTION: each row of the table with that caption, its
# cells (without their headings for a narrow screen) joined by "|".
import html, re, sys
s = open(sys.argv[1]).read()
m = re.search(r'<caption[^>]*>' + re.escape(sys.argv[2]) + r'</caption>(.*?)</table>', s, re.S)
for tr in re.findall(r'<tr class="nhsuk-table__row">(.*?)</tr>', m.group(1) if m else '', re.S):
    cells = [html.unescape(re.sub(r'<[^>]+>', '', re.sub(r'<span class="nhsuk-table-responsive__heading"[^>]*>.*?</span>', '', c))).strip() for c in re.findall(r'<t[hd][^>]*>(.*?)</t[hd]>', tr, re.S)]
    print('|'.join(cells))
PY
quarter() { # "April to June 2026" -> 2026-Q2
	case $1 in January*) echo "${1##* }-Q1" ;; April*) echo "${1##* }-Q2" ;; July*) echo "${1##* }-Q3" ;; *) echo "${1##* }-Q4" ;; esac
}
python3 rows.py "svc-$S.html" "Reliably improved, answered alone" | tail -n +2 >alone.txt
python3 rows.py "svc-$S.html" "DREEM recovery markers done in time" | tail -n +2 >cycle.txt
same "$(wc -l <alone.txt)" "8" "the trends show at least 8 quarters"
net_cycles() { python3 rows.py "$1" "Cycles done in time" | grep "^Beacon Recovery College|DREEM recovery markers|" | cut -d'|' -f3,4; }
all_cycles=$(net_cycles network.html)
# Each quarter against the network's report for that quarter alone,
# under the same rule (a commissioner chooses a year at a time; the
# network's analysts any quarters, on the command line).
n=0
while IFS='|' read -r words share out note; do
	Q=$(quarter "$words")
	$WAYMARK report network --db d.db --format json --from "$Q" --to "$Q" >q.json
	row=$(python3 -c "import json, sys
d = json.load(open('q.json'))
r = [r for r in d['outcomes']['measures'][0]['scales'][0]['selfRated']['services'] if r['service'] == sys.argv[1]][0]
p = r['improvedPercent']
print('%s|%s' % (r['paired'], p if p == '*' else '%s%%' % p))" "$S")
	[ "$row" = "$out|$share" ] && n=$((n + 1)) || echo "$Q: report '$row', trend '$out $share'" >&2
done <alone.txt
same "$n" "8" "each quarter's reliable improvement is the network's figure for that quarter alone"
same "$(code -b c.jar "$(U "/network?to=$(quarter_back 4)")")" "200" "the year before"
same "$(net_cycles body)" "$all_cycles" "... has the same cycles: the last 12 complete months' for every window ($all_cycles)"
# The service's own lead sees its months as they are: each quarter of the
# trend is the sum of its three, rounded and withheld by the rule.
$WAYMARK account add --db d.db --email bl@example.org --name "Bea Beaconlead" \
    --grant "lead@$S" --password-file pw >/dev/null || fail "a lead of $S was not added"
web_login b.jar bl@example.org "provider commissioner pass 1"
same "$(code -b b.jar "$(U "/services/$S/cycles")")" "200" "the lead's own cycles, month by month"
python3 - body cycle.txt >months.txt <<'PY'
# Each quarter of the trend against the lead's months: shown as the sum
# rounded to 5 and the share of it, or withheld; a quarter the rule
# alone withholds is never shown.
import html, re, sys
page = open(sys.argv[1]).read()
due, done = {}, {}
for cap, body in re.findall(r'<caption class="nhsuk-table__caption">(DREEM recovery markers, every[^<]*)</caption>(.*?)</table>', page, re.S):
    for month, d, k in re.findall(r'<th scope="row"[^>]*>([A-Za-z]+ \d{4})[^<]*</th><td[^>]*>(\d+)</td><td[^>]*>(\d+)</td>', body):
        due[month] = due.get(month, 0) + int(d)
        done[month] = done.get(month, 0) + int(k)
FIRST = {'January': 'January February March', 'April': 'April May June',
         'July': 'July August September', 'October': 'October November December'}
shown = withheld = 0
for line in open(sys.argv[2]):
    words, share, out, note = line.rstrip('\n').split('|')
    if share == 'Not counted':
        continue
    year = words.split()[-1]
    months = ['%s %s' % (m, year) for m in FIRST[words.split()[0]].split()]
    d = sum(due.get(m, 0) for m in months)
    k = sum(done.get(m, 0) for m in months)
    small = d < 5 or k < 5
    if share == '*':
        withheld += 1
        print('pass' + ' %s: withheld (due %d, done %d)' % (words, d, k))
        continue
    want = ('%d' % ((d + 2) // 5 * 5), '%d%%' % ((200 * k + d) // (2 * d)))
    ok = not small and (out, share) == want
    shown += ok
    print(('pass' if ok else 'FAIL') + ' %s: %s of %s, the lead\'s months give %s of %s' % (words, share, out, want[1], want[0]))
print(('pass' if shown + withheld >= 2 else 'FAIL') + ' %d quarters compared' % (shown + withheld))
PY
same "$(grep -c '^FAIL' months.txt)" "0" "each quarter of the cycles' trend is its months as the lead counts them ($(tail -1 months.txt | cut -d' ' -f2-))"
grep '^FAIL' months.txt | head -3 >&2

# Every section's link to how it is worked out goes somewhere.
same "$(code -b c.jar "$(U /network/about)")" "200" "how the figures are worked out"
for id in service experience trends history; do
	has body "id=\"$id\"" "... says how the service's page's $id is worked out"
done
has body "a gap in the line" "... and what a trend's gap means"

# The window, as on /network.
same "$(code -b c.jar "$(U "/network/services/$S?to=$(quarter_back 4)")")" "200" "the year before"
has body "<option value=\"$(quarter_back 4)\" selected>" "... chosen in the form"
same "$(code -b c.jar "$(U "/network/services/$S?from=2026-Q1&to=2026-Q2")")" "400" "two quarters are not a year"
same "$(code -b c.jar "$(U /network/services/no-such-service)")" "404" "a service that does not exist"
same "$(code -b c.jar "$(U /network/services/estuary-care)")" "404" "a provider is not a service"

# A period's detail: a validator's query, the lead's answer, a standard
# reopened and amended with a reason; shown by group and never by name.
web_login v.jar "$VAL" "$(signin validator | cut -d' ' -f2)"
same "$(code -b v.jar -d "csrf=$WCS" -d "standard=2" -d "text=Where is the evidence from people using the service?" "$(U "/validations/$AID/queries")")" "303" "a validator queries a rating"
web_login l.jar ql@example.org "provider commissioner pass 1"
LCS=$WCS
B="/services/$SVC/standards/$PERIOD"
same "$(code -b l.jar -d "csrf=$LCS" -d "kind=answer" -d "standard=2" -d "text=The forum minutes are now attached" "$(U "$B/queries")")" "303" "the lead answers it"
same "$(code -b l.jar -d "csrf=$LCS" -d "kind=reopen" -d "standard=2" -d "text=Looking again at standard 2" "$(U "$B/queries")")" "303" "the lead reopens the standard"
QID=$(q "SELECT id FROM standard_query WHERE kind = 'reopen'")
code -b l.jar "$(U "$B/edit?reopen=$QID")" >/dev/null
ON=$(grep -o 'name="built_on" value="[0-9]*"' body | grep -o '[0-9]*"$' | tr -d '"')
same "$(code -b l.jar -d "csrf=$LCS" -d "built_on=$ON" -d "save=done" -d "standard-2-rating=amber" -d "standard-2-evidence=The forum minutes" -d "standard-2-action=Ask people at the next forum" -d "standard-2-action-owner=Team lead" -d "standard-2-action-due-day=30" -d "standard-2-action-due-month=6" -d "standard-2-action-due-year=2027" -d "reason=The query from the validators was fair" "$(U "$B/edit?reopen=$QID")")" "303" "... and amends it with a reason"
code -b l.jar "$(U "$B")" >/dev/null
has body "by Quinn Leadperson" "the lead's own page names who submitted each version"

before=$(audits "viewed a service's standards" "$SVC")
same "$(code -b c.jar "$(U "/network/services/$SVC/standards/$PERIOD")")" "200" "a commissioner sees the period's detail"
same "$(audits "viewed a service's standards" "$SVC")" "$((before + 1))" "... written to the audit log, about the service"
has body "Validators, by group" "... the validators' lights by group"
has body "The query from the validators was fair" "... the reason given for the amendment"
has body "Standard 2 reopened: " "... which standard it amended"
has body "Where is the evidence from people using the service?" "... the validator's query"
has body "The forum minutes are now attached" "... the lead's answer"
has body "Looking again at standard 2" "... the reopening"
has body "query from " "... the query by the validator's group"
hasnt body "Quinn Leadperson" "... never the lead's name"
vname=$(q "SELECT name FROM account WHERE email = '$VAL'")
hasnt body "$vname" "... never the validator's name"
for n in $(q "SELECT replace(name, ' ', '_') FROM account WHERE email <> 'commissioner@demo.waymark.example' LIMIT 400"); do
	grep -qF "${n//_/ }" body && { fail "the period's detail names ${n//_/ }"; break; }
done
pass "... nor any other account's"
code -b c.jar "$(U "/network/services/$SVC")" >/dev/null
has body "href=\"/network/services/$SVC/standards/$PERIOD\"" "the service's page links to that period"
before=$(audits "viewed a service's standards" "$SVC")
same "$(code -b c.jar "$(U "/network/services/$SVC/standards/2000-01-01")")" "404" "a period the service never submitted is not found"
same "$(code -b c.jar "$(U "/network/services/$SVC/standards/nonsense")")" "404" "... nor a period that is not a date"
same "$(audits "viewed a service's standards" "$SVC")" "$before" "... and neither is audited"

# A provider's commissioner: their provider's services, and nothing else.
web_login p.jar pc@example.org "provider commissioner pass 1"
same "$(code -b p.jar "$(U /network/services/dartleigh-living)")" "200" "a provider's commissioner sees their provider's service"
hasnt body "Exbridge Recovery Team" "... beside their own services only"
P2=$(q "SELECT a.period FROM assessment a JOIN unit u ON u.id = a.unit_id WHERE u.code = 'dartleigh-living' ORDER BY a.period DESC LIMIT 1")
same "$(code -b p.jar "$(U "/network/services/dartleigh-living/standards/$P2")")" "200" "... and its standards"
before=$(q "SELECT count(*) FROM audit")
same "$(code -b p.jar "$(U /network/services/exbridge-recovery)")" "404" "another provider's service is not found"
same "$(code -b p.jar "$(U "/network/services/$SVC/standards/$PERIOD")")" "404" "... nor its standards"
same "$(q "SELECT count(*) FROM audit")" "$before" "... and nothing is audited"
python3 "$ROOT/tests/cli/commissioner_crawl.py" "$(U '')" d.db p.jar pc@example.org >crawl.txt
grep -q '^pass /network/services/dartleigh-living/standards/' crawl.txt && pass "the crawl follows a provider's commissioner into their services' standards" || fail "the crawl did not reach a service's standards"
while read -r verdict what; do
	if [ "$verdict" = pass ]; then pass "crawl as a provider's commissioner: $what"; else fail "crawl as a provider's commissioner: $what"; fi
done <crawl.txt

# Everyone else: not found.
for role in person practitioner lead validator; do
	login "$role.jar" "$role"
	same "$(code -b "$role.jar" "$(U /network/services/exbridge-recovery)")" "404" "a $role gets 404 for a service's page"
	same "$(code -b "$role.jar" "$(U "/network/services/$SVC/standards/$PERIOD")")" "404" "a $role gets 404 for a service's standards"
done
same "$(code -b l.jar "$(U "/network/services/$SVC")")" "404" "the service's own lead gets 404 for its commissioner's page"
same "$(code "$(U /network/services/exbridge-recovery)")" "303" "signed out: sign in first"
