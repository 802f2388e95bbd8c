# Home names each role in words, with the services it is held at by their
# names, never as an internal code (practitioner@svc,
# validator@svc/lived-experience): one line a role (a validator's a
# stakeholder group), its services in name order, names escaped. Then
# the header's navigation for the account's roles, the current place
# marked, and a way back up from every page below a home.
. "$(dirname "$0")/lib.sh"

printf 'quiet harbour lantern\n' >pw
{
	small_network h.db &&
	$WAYMARK unit add --db h.db --kind service --code alpha --name "Alpha <Day> Service" --parent prov &&
	$WAYMARK unit add --db h.db --kind service --code zed --name "Zed Team" --parent prov &&
	$WAYMARK account add --db h.db --email many@example.org --name "Max Manyroles" \
	    --grant practitioner@zed --grant practitioner@svc --grant practitioner@alpha \
	    --grant lead@svc --grant validator@zed/supporter --grant validator@alpha/lived-experience \
	    --grant validator@svc/lived-experience --password-file pw &&
	$WAYMARK account add --db h.db --email sam@example.org --name "Sam Testperson" --person P1 \
	    --grant person@svc --password-file pw &&
	$WAYMARK account add --db h.db --email admin@example.org --name "Ada Admin" --grant admin@net --password-file pw
} >/dev/null && pass "a network with someone of many roles, a person and an administrator" || fail "the network was not made"

answer() { # INSTRUMENT DATE CODE: Sam's own answers
	qr_json "$1" Patient/P1 person "" "$2" "" $(rep 11 "$3") >r.json && $WAYMARK respond --db h.db r.json >/dev/null
}
answer dreem-recovery-markers 2026-02-02 agree && answer dreem-recovery-markers 2026-08-03 strongly-agree &&
    answer dreem-supportive-service-indicators 2026-08-03 agree && pass "Sam answers twice, and about the service" || fail "Sam's answers were not saved"
start h.db && pass "the server starts" || fail "the server did not start"
roles() { sed -n '/>Your roles</,/<\/ul>/p' body | sed -n 's/^<li>\(.*\)<\/li>$/\1/p'; }
web_login m.jar many@example.org "quiet harbour lantern"
same "$(code -b m.jar "$(U /)")" "200" "home, for someone of many roles"
same "$(roles)" "Service lead: Test Service
Practitioner: Alpha &lt;Day&gt; Service, Test Service, Zed Team
Validator, as a person with lived experience: Alpha &lt;Day&gt; Service, Test Service
Validator, as a supporter or carer: Zed Team" \
    "each role in words with its services by name, a validator's by stakeholder group, names escaped"
hasnt body "practitioner@" "... and no internal role code"
hasnt body "lived-experience" "... nor a stakeholder group's code"
web_login p.jar sam@example.org "quiet harbour lantern"
same "$(code -b p.jar "$(U /)")" "200" "home, for a person"
same "$(roles)" "Person using services: Test Service" "a person's role, in the same words as everywhere else"
web_login a.jar admin@example.org "quiet harbour lantern"
same "$(code -b a.jar "$(U /)")" "200" "home, for an administrator"
same "$(roles)" "Administrator: Test Network" "an administrator, of the network"
stop

# The header's navigation: the places the account's roles open, Home
# first, the current one marked (aria-current and bold); none before
# signing in.
start h.db && pass "the server starts again" || fail "the server did not start"
nav() { sed -n '/<nav class="nhsuk-header__navigation"/,/<\/nav>/p' body | grep -o 'href="[^"]*"[^>]*>\(<strong[^>]*>\)\?[^<]*' | sed 's/href="\([^"]*\)"\( aria-current="page"\)\?>\(<strong[^>]*>\)\?\(.*\)/\4 \1\2/' | tr '\n' '|'; }
same "$(code "$(U /sign-in)")" "200" "the sign-in page"
hasnt body "nhsuk-header__navigation" "... has no navigation"
web_login p2.jar sam@example.org "quiet harbour lantern"
code -b p2.jar "$(U /)" >/dev/null
same "$(nav)" "Home / aria-current=\"page\"|Measures /measures|My journey /journey|My goals /goals|My plans /plans|My record /my-record|" \
    "a person's: home, measures, journey, goals, plans and record, home marked as the page they are on"
code -b p2.jar "$(U /goals)" >/dev/null
same "$(nav | tr '|' '\n' | grep -c aria-current)" "1" "... one place marked at a time"
has body '<a class="nhsuk-header__navigation-link" href="/goals" aria-current="page"><strong class="nhsuk-header__navigation-item-current-fallback">My goals</strong></a>' "... on their goals, My goals"
web_login m2.jar many@example.org "quiet harbour lantern"
code -b m2.jar "$(U /caseload)" >/dev/null
same "$(nav)" "Home /|Caseload /caseload aria-current=\"page\"|Reflect /reflect|Services /services|Validations /validations|" \
    "a practitioner, lead and validator's: caseload, reflect, services and validations, the caseload marked"
same "$(code -b m2.jar "$(U /people/P1/journey)")" "200" "a person's journey, seen by their practitioner"
has body 'href="/caseload" aria-current="page"' "... is under the caseload"

# Every page below a home has a way back up.
back() { grep -o '<a class="nhsuk-back-link" href="[^"]*">[^<]*' body | sed 's/.*href="\([^"]*\)">/\1 /'; }
for page in dashboard training erfs indicators ten-top-tips standards; do
	code -b m2.jar "$(U "/services/svc/$page")" >/dev/null
	same "$(back)" "/services/svc Back to Test Service" "a lead's $page page leads back to the service"
done
code -b m2.jar "$(U /services/svc)" >/dev/null
same "$(back)" "/services Back to your services" "... and the service back to their services"
code -b p2.jar "$(U /measures)" >/dev/null
m=$(grep -o 'href="/measures/[0-9]*"' body | head -1 | cut -d'"' -f2)
code -b p2.jar "$(U "$m")" >/dev/null
same "$(back)" "/measures Back to your measures" "a person's measure leads back to their measures"

# Wide tables scroll sideways in a focusable region of their own, named
# by their caption, rather than widening the page at 320 px.
# A cycle of the recovery markers at the service, begun a year ago, so
# that its cycles page has both its tables.
code -b m2.jar "$(U /services/svc/cycles)" >/dev/null
same "$(code -b m2.jar --data-urlencode "csrf=$(csrf body)" --data-urlencode "measure=person|https://waymark.example/fhir/Questionnaire/dreem-recovery-markers" \
    --data-urlencode "every=6" -d start-day=1 -d "start-month=$(date -u -d '1 year ago' +%-m)" -d "start-year=$(date -u -d '1 year ago' +%Y)" "$(U /services/svc/cycles)")" "303" "the lead adds a cycle"
regions() { # TABLES REGIONS on the page in ./body
	echo "$(grep -c '<table class="nhsuk-table[ "]' body) $(grep -c '<div class="nhsuk-table-container" role="region" tabindex="0" aria-label="[^"]' body)"
}
for page in dashboard training cycles; do
	code -b m2.jar "$(U "/services/svc/$page")" >/dev/null
	r=$(regions)
	[ "${r% *}" -gt 0 ] && [ "${r% *}" = "${r#* }" ] && pass "each table of the lead's $page page in a region of its own ($r)" ||
	    fail "the $page page's tables and regions: $r"
done
code -b p2.jar "$(U /journey)" >/dev/null
r=$(regions)
[ "${r% *}" -gt 0 ] && [ "${r% *}" = "${r#* }" ] && pass "each table of the journey in a region of its own ($r)" || fail "the journey's tables and regions: $r"
web_login a2.jar admin@example.org "quiet harbour lantern"
code -b a2.jar "$(U /)" >/dev/null
same "$(nav)" "Home / aria-current=\"page\"|Administration /admin|" "an administrator's: home and administration"
stop
