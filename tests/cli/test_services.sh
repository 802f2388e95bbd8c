# A service lead's pages over real HTTP on loopback: the services they
# lead and nobody else's (404, as if it did not exist).
. "$(dirname "$0")/lib.sh"

small_network s.db || fail "the network was not built"
$WAYMARK unit add --db s.db --kind service --code other --name "Other Service" --parent prov >/dev/null
printf 'lead password 1\n' >pw
$WAYMARK account add --db s.db --email l2@example.org --name "Lou Lead" --grant lead@svc --password-file pw >/dev/null
$WAYMARK account add --db s.db --email p2@example.org --name "Pat Practitioner" --grant practitioner@svc --password-file pw >/dev/null
start s.db && pass "the server starts" || fail "the server did not start"

web_login l.jar l2@example.org "lead password 1"
same "$(code -b l.jar "$(U /)")" "200" "a lead's home page"
has body 'href="/services"' "... links to their services"
same "$(code -b l.jar "$(U /services)")" "200" "the services a lead leads"
has body 'href="/services/svc"' "... lists their service"
hasnt body "Other Service" "... and not another"
same "$(code -b l.jar "$(U /services/svc)")" "200" "the lead's service page"
has body "Test Service" "... names the service"
same "$(code -b l.jar "$(U /services/other)")" "404" "another service is not found"
same "$(code -b l.jar "$(U /services/no-such)")" "404" "nor is one that does not exist"

web_login p.jar p2@example.org "lead password 1"
same "$(code -b p.jar "$(U /)")" "200" "a practitioner's home page"
hasnt body 'href="/services"' "... has no services link"
same "$(code -b p.jar "$(U /services/svc)")" "404" "a practitioner cannot open the lead's pages"
same "$(code "$(U /services/svc)")" "303" "signed out, the page asks for sign-in"
