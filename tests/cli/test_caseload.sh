# The caseload a page at a time, over real HTTP: everyone on it (not the
# first 200), the practitioner's own people first, then by name; 50 to a
# page with "Showing N to M of T" and the design system's pagination; a
# search kept across pages; a search that cannot be used refused (400),
# on the page and in the API; the view audited, and a failed audit or
# read failing the page rather than showing it wrong. Then the
# practitioner's pages about one person, which name them and speak of
# "their" scores, while the person's own pages keep "your".
. "$(dirname "$0")/lib.sh"

small_network c.db || fail "the network was not built"
$WAYMARK unit add --db c.db --kind service --code svc2 --name "Second Service" --parent prov >/dev/null
printf 'correct horse battery\n' >pw
# Mo practises at the Test Service and leads the Second Service.
$WAYMARK account add --db c.db --email mo@example.org --name "Mo Mixed" --grant practitioner@svc --grant lead@svc2 --password-file pw >/dev/null
$WAYMARK account add --db c.db --email lee2@example.org --name "Lee Two" --grant lead@svc --password-file pw >/dev/null
$WAYMARK account add --db c.db --email sam@example.org --name "Sam Testperson" --person P1 --grant person@svc --password-file pw >/dev/null
$WAYMARK person add --db c.db --id P2 --name "Ann & Bo <O'Neil>" --unit svc --since 2025-01-01 >/dev/null
# 119 more on the Test Service (Person 001 to Person 119), and 10 on the
# Second Service whose names come first in the alphabet.
sqlite3 c.db "
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 119)
INSERT INTO person(ident, name, created) SELECT printf('T%03d', i), printf('Person %03d', i), '2025-01-01T00:00:00Z' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
INSERT INTO person(ident, name, created) SELECT printf('S%03d', i), printf('Aaron %03d', i), '2025-01-01T00:00:00Z' FROM n;
INSERT INTO caseload(person_id, unit_id, start_date) SELECT p.id, u.id, '2025-01-01' FROM person p, unit u WHERE p.ident LIKE 'T%' AND u.code = 'svc';
INSERT INTO caseload(person_id, unit_id, start_date) SELECT p.id, u.id, '2025-01-01' FROM person p, unit u WHERE p.ident LIKE 'S%' AND u.code = 'svc2';
-- Someone who has left is not on the caseload.
INSERT INTO person(ident, name, created) VALUES ('GONE', 'Aa Left', '2025-01-01T00:00:00Z');
INSERT INTO caseload(person_id, unit_id, start_date, end_date) SELECT p.id, u.id, '2025-01-01', '2025-06-01' FROM person p, unit u WHERE p.ident = 'GONE' AND u.code = 'svc';"
same "$(sqlite3 c.db "SELECT count(*) FROM caseload WHERE end_date IS NULL")" "131" "131 people on the two services' caseloads"

start c.db || fail "the server did not start: $(cat server.log)"
web_login mo.jar mo@example.org "correct horse battery"
audits() { sqlite3 c.db "SELECT count(*) FROM audit WHERE action = '$1'"; }
# rows FILE: the people listed on the page.
rows() { grep -c '<tr class="nhsuk-table__row"><td' "$1"; }

# Page 1: the first 50 of all 131, the practitioner's own people first.
before=$(audits "viewed caseload")
same "$(code -b mo.jar "$(U /caseload)")" "200" "the caseload"
cp body p1.html
has p1.html "Showing 1 to 50 of 131 people" "says which of how many are shown"
same "$(rows p1.html)" "50" "50 people on a page"
has p1.html "Ann &amp; Bo &lt;O&#39;Neil&gt;" "names are escaped"
hasnt p1.html "Aaron 001" "the services they lead come after their own"
hasnt p1.html "Aa Left" "no one who has left"
has p1.html "Your own people come first: those on the services where you work as a practitioner." "the page says what comes first"
same "$(audits "viewed caseload")" "$((before + 1))" "the view is audited"
has p1.html '<nav class="nhsuk-pagination nhsuk-pagination--numbered" aria-label="Pagination">' "with the design system's pagination"
has p1.html 'aria-label="Page 1" aria-current="page">1</a>' "marking the current page"
has p1.html 'href="/caseload?page&#61;2" class="nhsuk-pagination__next" rel="next">' "a link to the next page"
hasnt p1.html 'nhsuk-pagination__previous' "and none to a page before the first"
has p1.html 'aria-label="Page 3">3</a>' "and to each page"

same "$(code -b mo.jar "$(U "/caseload?page=2")")" "200" "page 2"
cp body p2.html
has body "Showing 51 to 100 of 131 people" "the next 50"
same "$(rows body)" "50" "... all 50 of them"
has body 'href="/caseload?page&#61;1" class="nhsuk-pagination__previous" rel="prev">' "a link back to the page before"
hasnt body "Person 001<" "no one from page 1"
same "$(code -b mo.jar "$(U "/caseload?page=3")")" "200" "the last page"
cp body p3.html
has p3.html "Showing 101 to 131 of 131 people" "the rest"
same "$(rows p3.html)" "31" "... 31 of them"
hasnt p3.html 'class="nhsuk-pagination__next"' "with no next page"
own_last=$(grep -n 'Person 119<' p3.html | cut -d: -f1)
led_first=$(grep -n 'Aaron 001<' p3.html | cut -d: -f1)
[ -n "$own_last" ] && [ -n "$led_first" ] && [ "$own_last" -lt "$led_first" ] && pass "the people of services they lead come last, by name" || fail "the order of own and led people ($own_last, $led_first)"
for f in p1.html p2.html p3.html; do grep -o '<tr class="nhsuk-table__row"><td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading" aria-hidden="true">Name </span><span><a href="/people/[^/]*/journey">[^<]*' "$f" | sed 's/.*">//'; done >names
same "$(sort -u names | wc -l)" "131" "every person once over the three pages"
same "$(head -1 names)" "Ann &amp; Bo &lt;O&#39;Neil&gt;" "the own people by name, ignoring case"
same "$(sed -n 121p names)" "Sam Testperson" "... to the last"
same "$(sed -n 122p names)" "Aaron 001" "then the led service's"
same "$(code -b mo.jar "$(U "/caseload?page=9")")" "200" "a page past the last"
has body "There is no page 9: there are 3 pages." "says so"
has body 'href="/caseload?page=1">Go to the first page' "and links to the first"

# A lead alone: no one is their own; everyone by name.
web_login lee.jar lee2@example.org "correct horse battery"
same "$(code -b lee.jar "$(U /caseload)")" "200" "a lead's caseload"
has body "Showing 1 to 50 of 121 people" "the people of the service they lead"
grep -o '/journey">[^<]*' body | head -1 | grep -q "Ann & Bo\|Ann &amp; Bo" && pass "by name" || fail "a lead's caseload is not by name"

# Search, kept across pages; plain text, any case.
same "$(code -b mo.jar -G --data-urlencode "q=person" "$(U /caseload)")" "200" "searching"
has body "Showing 1 to 50 of 120 people" "finds every match"
has body 'href="/caseload?q&#61;person&amp;page&#61;2"' "the search is kept in the links to other pages"
has body 'value="person"' "and in the search box"
same "$(code -b mo.jar "$(U "/caseload?q=person&page=3")")" "200" "the third page of a search"
has body "Showing 101 to 120 of 120 people" "the rest of the matches"
same "$(code -b mo.jar -G --data-urlencode "q=aaron 00" "$(U /caseload)")" "200" "a search on the other service"
has body "Showing 1 to 9 of 9 people" "finds them"
hasnt body "nhsuk-pagination" "one page needs no pagination"
same "$(code -b mo.jar -G --data-urlencode "q=T042" "$(U /caseload)")" "200" "a search by identifier"
has body "Showing 1 of 1 person" "finds the one person"
same "$(code -b mo.jar -G --data-urlencode "q=nobody at all" "$(U /caseload)")" "200" "a search that matches no one"
has body "No one matches." "says so"

# A search that cannot be used is refused, said plainly, and not audited.
before=$(audits "viewed caseload")
long=$(printf 'a%.0s' $(seq 101))
same "$(code -b mo.jar -G --data-urlencode "q=$long" "$(U /caseload)")" "400" "a search over 100 characters is refused"
has body "There is a problem" "with the error summary"
has body '<a href="#q">Search must be 100 characters or fewer</a>' "linking to the search box"
has body 'nhsuk-input--error' "the box is marked"
hasnt body '<table' "and no one is listed"
same "$(code -b mo.jar -G --data-urlencode "q=${long:1}" "$(U /caseload)")" "200" "100 characters are fine"
same "$(code -b mo.jar -G --data-urlencode "q=$(printf 'é%.0s' $(seq 100))" "$(U /caseload)")" "200" "100 characters are counted as characters, not bytes"
same "$(code -b mo.jar -G --data-urlencode "q=$(printf 'é%.0s' $(seq 101))" "$(U /caseload)")" "400" "... and 101 are too many"
for bad in 'a%01b' 'a%00b' 'a%0Ab' '%1B%5B2J' 'caf%C3'; do
	same "$(code -b mo.jar "$(U "/caseload?q=$bad")")" "400" "a search with control characters or broken UTF-8 is refused ($bad)"
	has body "Search must be plain text, without control characters" "... saying why"
done
for bad in 0 -1 abc 1.5 99999999 '2%00'; do
	same "$(code -b mo.jar "$(U "/caseload?page=$bad")")" "400" "page $bad is refused"
	has body "Page must be a whole number from 1 to 1000000" "... saying why"
done
same "$(audits "viewed caseload")" "$((before + 2))" "only the caseloads shown are audited"

# The API: the same pages, the same refusals.
same "$(code -b mo.jar "$(U /api/v1/caseload)")" "200" "the caseload in the API"
python3 - body >py.out 2>&1 <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert (d['total'], d['page'], d['per_page'], d['pages'], d['search']) == (131, 1, 50, 3, None), d
assert len(d['people']) == 50 and all(p['own'] for p in d['people'])
assert all(p['measures'] in ('up to date', 'due', 'overdue') for p in d['people'])
print('ok')
PY
[ $? -eq 0 ] && pass "the API gives the total, page, per_page and pages with 50 people" || fail "API caseload: $(cat py.out)"
same "$(code -b mo.jar "$(U "/api/v1/caseload?page=3")")" "200" "the API's last page"
python3 - body >py.out 2>&1 <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
p = d['people']
assert len(p) == 31 and d['page'] == 3, (len(p), d['page'])
assert [x['own'] for x in p] == [True] * 21 + [False] * 10
assert [x['name'] for x in p][21:] == ['Aaron %03d' % i for i in range(1, 11)]
print('ok')
PY
[ $? -eq 0 ] && pass "the API's last page ends with the led service's people" || fail "API last page: $(cat py.out)"
same "$(code -b mo.jar "$(U "/api/v1/caseload?search=aaron&page=1")")" "200" "a search in the API"
same "$(python3 -c "import json; d = json.load(open('body')); print(d['total'], d['search'], len(d['people']))")" "10 aaron 10" "... finds them"
same "$(code -b mo.jar "$(U "/api/v1/caseload?page=7")")" "200" "past the last page in the API"
same "$(python3 -c "import json; d = json.load(open('body')); print(d['total'], d['pages'], d['people'])")" "131 3 []" "... no one, with the total"
same "$(code -b mo.jar -G --data-urlencode "search=$long" "$(U /api/v1/caseload)")" "400" "a long search is refused in the API"
has body '"field": "search"' "... naming the field"
has body "100 characters or fewer" "... and why"
same "$(code -b mo.jar "$(U "/api/v1/caseload?search=a%01")")" "400" "a search with a control character in the API"
same "$(code -b mo.jar "$(U "/api/v1/caseload?page=0")")" "400" "page 0 in the API"
has body '"field": "page"' "... naming the field"

# Each person's measures, as before: due, overdue or up to date.
sqlite3 c.db "INSERT INTO cycle(unit_id, instrument_url, subject_kind, every_months, start_date, created) SELECT id, (SELECT url FROM instrument WHERE url LIKE '%dreem-recovery-markers' LIMIT 1), 'person', 6, '2025-01-01', '2025-01-01T00:00:00Z' FROM unit WHERE code = 'svc'"
same "$(code -b mo.jar "$(U /caseload)")" "200" "the caseload with a cycle"
has body '<strong class="nhsuk-tag nhsuk-tag--red">Overdue</strong>' "shows who is overdue"

# A failed read of anyone's measures fails the page: never "up to date".
sqlite3 c.db "ALTER TABLE cycle RENAME TO cycle_away"
same "$(code -b mo.jar "$(U /caseload)")" "500" "a database failure fails the caseload"
has body "nothing was shown or changed" "with a plain error"
hasnt body "Up to date" "never reading as up to date"
hasnt body "Person 001" "and showing no one"
same "$(code -b mo.jar "$(U /api/v1/caseload)")" "500" "... and the API's"
sqlite3 c.db "ALTER TABLE cycle_away RENAME TO cycle"
# A view that cannot be audited is not shown.
sqlite3 c.db "CREATE TRIGGER no_caseload_audit BEFORE INSERT ON audit WHEN NEW.action LIKE 'viewed caseload%' BEGIN SELECT RAISE(ABORT, 'audit refused'); END"
same "$(code -b mo.jar "$(U /caseload)")" "500" "a failed audit write fails the caseload"
has body "nothing was shown or changed" "with a plain error"
hasnt body "Person 001" "showing no one"
same "$(code -b mo.jar "$(U /api/v1/caseload)")" "500" "... and the API's"
hasnt body "Person 001" "... which shows no one either"
sqlite3 c.db "DROP TRIGGER no_caseload_audit"
same "$(code -b mo.jar "$(U /caseload)")" "200" "the caseload once the audit log works again"

# The practitioner's pages about one person name them and speak of them.
MID=$(sqlite3 c.db "SELECT id FROM instrument WHERE url LIKE '%dreem-recovery-markers' ORDER BY id DESC LIMIT 1")
WHO="Sam Testperson (P1)"
same "$(code -b mo.jar "$(U /people/P1/measures)")" "200" "answer a measure together"
has body "<title>Answer a measure together with $WHO - Waymark</title>" "names the person in the title"
has body "<h1 class=\"nhsuk-heading-l\">Answer a measure together with $WHO</h1>" "and in the heading"
has body '<a class="nhsuk-back-link" href="/caseload">Back to the caseload</a>' "with a link back to the caseload"
same "$(code -b mo.jar "$(U /people/P1/measures/$MID)")" "200" "the form, together"
cp body together.html
has together.html "<h1 class=\"nhsuk-heading-l\">DREEM recovery markers, together with $WHO</h1>" "names the person in the form's heading"
has together.html "<title>DREEM recovery markers, together with $WHO - Waymark</title>" "and its title"
has together.html 'href="/caseload">Back to the caseload</a>' "with a link back to the caseload"
answer() { # CODE: every question of the markers answered with CODE
	local q a=()
	for q in $(grep -o 'name="[a-z-]*" type="radio"' together.html | cut -d'"' -f2 | sort -u); do a+=(-d "$q=$1"); done
	code -b mo.jar --data-urlencode "csrf=$(csrf together.html)" "${a[@]}" "$(U /people/P1/measures/$MID)"
}
same "$(answer disagree)" "303" "their first answers, together"
same "$(code -b mo.jar "$(U "$(location)")")" "200" "the saved page"
has body "<h1 class=\"nhsuk-heading-l\">Answers saved for $WHO</h1>" "names the person"
has body "<title>Answers saved for $WHO - Waymark</title>" "in the title too"
has body 'href="/caseload">Back to the caseload</a>' "with a link back to the caseload"
same "$(code -b mo.jar --data-urlencode "csrf=$(csrf together.html)" -d hopeful=agree -d save=later "$(U /people/P1/measures/$MID)")" "303" "answers so far, together"
same "$(code -b mo.jar "$(U "$(location)")")" "200" "the saved-for-later page"
has body "<h1 class=\"nhsuk-heading-l\">Answers so far saved for $WHO</h1>" "names the person"
same "$(answer agree)" "303" "their second answers, together"
same "$(code -b mo.jar "$(U /people/P1/journey)")" "200" "their journey"
cp body journey.html
has journey.html "<title>$WHO: their journey - Waymark</title>" "names the person in the journey's title"
has journey.html "<h1 class=\"nhsuk-heading-l\">$WHO: their journey</h1>" "and its heading"
has journey.html 'href="/caseload">Back to the caseload</a>' "with a link back to the caseload"
has journey.html "their score has gone from 2.0 to 4.0" "speaks of their score"
has journey.html "which means they agreed more with these statements." "and what it means, about them"
has journey.html ": their scores over time</title>" "the chart's title too"
hasnt journey.html "your score" "never says your score"
hasnt journey.html "your scores" "nor your scores"
hasnt journey.html "you agreed" "nor you agreed"
same "$(code -b mo.jar "$(U /people/P2/journey)")" "200" "the journey of someone with marks in their name"
has body "<title>Ann &amp; Bo &lt;O&#39;Neil&gt; (P2): their journey - Waymark</title>" "names them escaped in the title"
has body "<h1 class=\"nhsuk-heading-l\">Ann &amp; Bo &lt;O&#39;Neil&gt; (P2): their journey</h1>" "and in the heading"
same "$(code -b mo.jar "$(U /people/P1/goals)")" "200" "their goals"
has body "<title>$WHO: their goals - Waymark</title>" "names the person in the title"
has body "<h1 class=\"nhsuk-heading-l\">$WHO: their goals</h1>" "and the heading"
has body 'href="/caseload">Back to the caseload</a>' "with a link back to the caseload"
same "$(code -b mo.jar "$(U /people/S001/journey)")" "200" "a person of the service they lead"
has body "Aaron 001 (S001): their journey" "is named too"
same "$(code -b mo.jar "$(U /people/GONE/journey)")" "404" "someone who has left is not found"

# The person's own pages still speak to them.
web_login sam.jar sam@example.org "correct horse battery"
same "$(code -b sam.jar "$(U /journey)")" "200" "the person's own journey"
has body "<h1 class=\"nhsuk-heading-l\">My journey</h1>" "is theirs"
has body "your score has gone from 2.0 to 4.0" "speaks to them"
has body ": your scores over time</title>" "the chart too"
hasnt body "their score" "not of them"
hasnt body "Back to the caseload" "with no caseload to go back to"
same "$(code -b sam.jar "$(U /measures)")" "200" "the person's own measures"
has body "<h1 class=\"nhsuk-heading-l\">Your measures</h1>" "are theirs"
own=()
for q in $(grep -o 'name="[a-z-]*" type="radio"' together.html | cut -d'"' -f2 | sort -u); do own+=(-d "$q=agree"); done
same "$(code -b sam.jar --data-urlencode "csrf=$WCS" "${own[@]}" "$(U /measures/$MID)")" "303" "the person answers the markers themselves"
OWN=$(location)
same "$(code -b sam.jar "$(U "$OWN")")" "200" "their own saved page"
has body "<h1 class=\"nhsuk-heading-l\">Your answers have been saved</h1>" "speaks to them"
same "$(code -b mo.jar "$(U "/people/P1/measures/$MID/saved?response=${OWN##*=}")")" "404" "answers the person gave alone are not confirmed as given together"
stop
