# Administration in the browser, accounts: an administrator adds an
# account, hands over its one-time setup code, and its holder chooses
# their own password at /setup and signs in with it; the code works once
# and for 7 days; roles are given and taken away, accounts deactivated
# and reactivated, each taking effect at the next request, each asked
# first where it takes access away, each audited; no one else sees any
# of it, and hostile input changes nothing.
. "$(dirname "$0")/lib.sh"

printf 'quiet harbour lantern\n' >pw
{
	small_network a.db &&
	$WAYMARK account add --db a.db --email admin@example.org --name "Ada Admin" --grant admin@net --password-file pw &&
	$WAYMARK account add --db a.db --email sam@example.org --name "Sam Testperson" --person P1 \
	    --grant person@svc --password-file pw &&
	$WAYMARK account add --db a.db --email lead2@example.org --name "Lou Lead" --grant lead@svc --password-file pw
} >/dev/null && pass "a network with an administrator, a person and a lead" || fail "the network was not made"
qr_json dreem-recovery-markers Patient/P1 person "" 2026-02-02 "" $(rep 11 agree) >r.json &&
    $WAYMARK respond --db a.db r.json >/dev/null && pass "Sam has answers" || fail "Sam's answers were not saved"
start a.db && pass "the server starts" || fail "the server did not start"
audits() { sqlite3 a.db "SELECT count(*) FROM audit WHERE action = '$1'"; }
account_id() { sqlite3 a.db "SELECT id FROM account WHERE email = '$1'"; }

# The way in.
web_login a.jar admin@example.org "quiet harbour lantern"
ACS=$WCS
same "$(code -b a.jar "$(U /)")" "200" "an administrator's home"
has body 'href="/admin">Administration</a>' "... offers Administration in the header"
same "$(code -b a.jar "$(U /admin)")" "200" "Administration"
has body '<a class="nhsuk-back-link" href="/">Back to home</a>' "... leads back home"
has body 'href="/admin/accounts">Accounts</a>' "... lists Accounts"
for part in '/admin/network">Providers and services' '/admin/people">People using services' '/admin/instruments">Instruments' '/admin/settings">Network settings' '/admin/audit">The audit log'; do
	has body "href=\"$part</a>" "... and leads to ${part#*>}"
done
has body 'aria-current="page"><strong class="nhsuk-header__navigation-item-current-fallback">Administration' "... marked as the current place"
same "$(code -b a.jar "$(U /admin/accounts)")" "200" "the accounts"
has body '<a class="nhsuk-back-link" href="/admin">Back to administration</a>' "... lead back to Administration"
has body "Showing 1 to 7 of 7 accounts" "... says how many"
has body "Jo Practitioner" "... lists the practitioner"
has body "Practitioner, Test Service" "... with roles in words and the unit's name"
hasnt body "practitioner@svc" "... never as a code"
has body "Not signed in yet" "... and who has not signed in yet"
same "$(code -b a.jar "$(U '/admin/accounts?q=VAL')")" "200" "a search"
has body "Showing 1 to 2 of 2 accounts" "... finds both validators by name, in any case"
same "$(code -b a.jar "$(U '/admin/accounts?q=lead2%40')")" "200" "a search by email"
has body "Lou Lead" "... finds the lead"
hasnt body "Jo Practitioner" "... and no one else"
same "$(code -b a.jar "$(U "/admin/accounts?q=$(printf 'a%.0s' $(seq 101))")")" "400" "an overlong search is refused"
has body "Search must be 100 characters or fewer" "... saying why"
same "$(code -b a.jar "$(U '/admin/accounts?q=a%01b')")" "400" "a search with a control character is refused"

# Adding a practitioner, and the setup code.
same "$(code -b a.jar "$(U /admin/accounts/new)")" "200" "the form to add an account"
has body '<a class="nhsuk-back-link" href="/admin/accounts">Back to accounts</a>' "... leads back to the accounts"
has body '<option value="svc">Test Service (service)</option>' "... offers the network's units by name"
has body '<option value="lived-experience">' "... and the stakeholder groups"
before=$(counts a.db)
same "$(code -b a.jar --data-urlencode "csrf=$ACS" --data-urlencode "name=Pat Newcomer" \
    --data-urlencode "email=pat@example.org" --data-urlencode "role=validator" \
    --data-urlencode "unit=svc" --data-urlencode "group=" "$(U /admin/accounts)")" "400" "a validator without a stakeholder group is refused"
has body "nhsuk-error-summary" "... with the error summary"
has body 'href="#group"' "... naming the field"
has body "A validator speaks for a stakeholder group" "... in core's words, as a sentence"
same "$(counts a.db)" "$before" "... and nothing is added"
same "$(code -b a.jar --data-urlencode "csrf=$ACS" --data-urlencode "name=Pat Newcomer" \
    --data-urlencode "email=pat@example.org" --data-urlencode "role=practitioner" \
    --data-urlencode "unit=nowhere" "$(U /admin/accounts)")" "400" "an unknown unit is refused"
has body 'href="#unit">Choose a unit from the list' "... on the unit's field"
same "$(code -b a.jar --data-urlencode "csrf=$ACS" --data-urlencode "name=Pat Newcomer" \
    --data-urlencode "email=pat@example.org" --data-urlencode "role=practitioner" \
    --data-urlencode "unit=prov" "$(U /admin/accounts)")" "400" "a practitioner at a provider is refused"
has body "This role is held at a service" "... saying where it is held"
same "$(code -b a.jar --data-urlencode "csrf=$ACS" --data-urlencode "name=$(printf 'Pat\001')" \
    --data-urlencode "email=pat@example.org" --data-urlencode "role=practitioner" \
    --data-urlencode "unit=svc" "$(U /admin/accounts)")" "400" "a name with a control character is refused"
has body "A field of the form could not be read" "... before anything is looked at"
same "$(code -b a.jar --data-urlencode "csrf=$ACS" --data-urlencode "name=Pat Newcomer" \
    --data-urlencode "email=pat example.org" --data-urlencode "person=P 1" --data-urlencode "role=practitioner" \
    --data-urlencode "unit=svc" "$(U /admin/accounts)")" "400" "a bad email and identifier are refused"
has body 'href="#email">An email address looks like name@example.org' "... the email"
has body 'href="#person">An identifier is 1 to 64' "... the identifier"
same "$(code -b a.jar --data-urlencode "csrf=$ACS" --data-urlencode "name=Pat Newcomer" \
    --data-urlencode "email=pat@example.org" --data-urlencode "person=P404" --data-urlencode "role=person" \
    --data-urlencode "unit=svc" "$(U /admin/accounts)")" "400" "an unknown person is refused"
has body 'href="#person">There is no person with that identifier' "... on its field"
same "$(code -b a.jar --data-urlencode "csrf=$ACS" --data-urlencode "name=$(printf 'N%.0s' $(seq 201))" \
    --data-urlencode "email=prac@example.org" --data-urlencode "role=practitioner" \
    --data-urlencode "unit=svc" "$(U /admin/accounts)")" "400" "an overlong name and a taken email are refused"
has body "A name is at most 200 characters" "... the name"
has body "An account with that email address already exists" "... the email"
same "$(counts a.db)" "$before" "... and nothing is added by any of them"
same "$(code -b a.jar --data-urlencode "name=Pat Newcomer" --data-urlencode "email=pat@example.org" \
    --data-urlencode "role=practitioner" --data-urlencode "unit=svc" "$(U /admin/accounts)")" "403" "adding without the form's token is refused"
same "$(counts a.db)" "$before" "... and changes nothing"
same "$(code -b a.jar --data-urlencode "csrf=$ACS" --data-urlencode "name=Pat <b>Newcomer</b>" \
    --data-urlencode "email=pat@example.org" --data-urlencode "role=practitioner" \
    --data-urlencode "unit=svc" "$(U /admin/accounts)")" "200" "the administrator adds a practitioner"
has body "Account added" "... and is told so"
has body "Pat &lt;b&gt;Newcomer&lt;/b&gt;" "... the name escaped"
setup=$(grep -o '<p class="nhsuk-heading-l" id="setup-code">[^<]*' body | sed 's/.*>//')
case "$setup" in
[2-9A-HJ-NP-Z][2-9A-HJ-NP-Z][2-9A-HJ-NP-Z][2-9A-HJ-NP-Z]-????-????-????) pass "... shown its setup code, grouped, in the unambiguous alphabet" ;;
*) fail "no setup code shown: '$setup'" ;;
esac
pat=$(account_id pat@example.org)
same "$(sqlite3 a.db "SELECT password_hash IS NULL FROM account WHERE id = $pat")" "1" "the new account has no password"
same "$(sqlite3 a.db "SELECT count(*), sum(code_hash = '$setup'), sum(expires - created) FROM setup_code WHERE account_id = $pat")" "1|0|604800" \
    "only the code's hash is kept, for 7 days"
same "$(sqlite3 a.db "SELECT group_concat(action, ',') FROM audit WHERE subject_kind = 'account' AND subject_id = $pat")" \
    "added an account,issued a setup code" "adding and the code are audited"
same "$(sqlite3 a.db "SELECT count(*) FROM audit WHERE subject_id = $pat AND actor_account_id = $(account_id admin@example.org) AND address = '127.0.0.1'")" "2" \
    "... as the administrator's, from their address"
same "$(code -b a.jar "$(U /admin/accounts/$pat)")" "200" "the new account's page"
has body '<a class="nhsuk-back-link" href="/admin/accounts">Back to accounts</a>' "... leads back to the accounts"
has body "Unused, works until" "... says its setup code is waiting"
has body "Practitioner, Test Service" "... and its role"
hasnt body "$setup" "... but never shows the code again"
same "$(code -b a.jar "$(U /)")" "200" "the administrator's home"
has body "Accounts not yet signed in" "... says what needs doing"
same "$(grep -o '<li><a href="/admin/accounts/[0-9]*">[^<]*</a>: [^<]*' body | head -1)" \
    "<li><a href=\"/admin/accounts/$pat\">Pat &lt;b&gt;Newcomer&lt;/b&gt;</a>: their setup code works until $(date -u -d "@$(sqlite3 a.db "SELECT expires FROM setup_code WHERE account_id = $pat")" '+%-d %B %Y, %H:%M')" \
    "... the newest first, linked, with when its setup code runs out"
has body "7 accounts have not signed in yet." "... and how many"
has body '<a href="/admin">Administration</a>' "... with the way to Administration"

# Choosing a password with the code.
same "$(code "$(U /sign-in)")" "200" "the sign-in page"
has body 'href="/setup"' "... leads to choosing a password with a setup code"
curl -s -c s.jar -b s.jar -o setup.html "$(U /setup)"
has setup.html 'autocomplete="one-time-code"' "the setup form asks for the code"
SCS=$(csrf setup.html)
setup_post() { # JAR EMAIL CODE PASSWORD AGAIN [CSRF]
	code -c "$1" -b "$1" --data-urlencode "csrf=${6-$SCS}" --data-urlencode "email=$2" --data-urlencode "code=$3" \
	    --data-urlencode "password=$4" --data-urlencode "again=$5" "$(U /setup)"
}
wrong="That setup code is not recognised for this email address, or it has been used or has run out."
same "$(setup_post s.jar pat@example.org "$setup" "river stone gentle" "river stone gentle" "")" "403" "without the form's token, refused"
same "$(setup_post s.jar pat@example.org "$setup" "short" "short")" "400" "a password that breaks the rule is refused"
has body 'href="#password"' "... on its field"
same "$(setup_post s.jar pat@example.org "$setup" "river stone gentle" "river stone gentler")" "400" "two passwords that differ are refused"
has body "The two passwords are not the same" "... saying so"
same "$(setup_post s.jar pat@example.org "2222-2222-2222-2222" "river stone gentle" "river stone gentle")" "400" "a wrong code is refused"
has body "$wrong" "... with the one message"
cp body wrong-code.html
same "$(setup_post s.jar nobody@example.org "$setup" "river stone gentle" "river stone gentle")" "400" "an email with no account is refused"
same "$(sed 's/nobody@example.org/EMAIL/' body)" "$(sed 's/pat@example.org/EMAIL/' wrong-code.html)" "... with the same page as a wrong code: which accounts exist is not told"
same "$(sqlite3 a.db "SELECT password_hash IS NULL FROM account WHERE id = $pat")" "1" "... and the account still has no password"
lower=$(echo "$setup" | tr 'A-Z-' 'a-z ')
same "$(setup_post s.jar pat@example.org "$lower" "river stone gentle" "river stone gentle")" "303" "the code, typed in lower case with spaces, sets the password"
same "$(location)" "/" "... and signs them in"
same "$(code -b s.jar "$(U /caseload)")" "200" "... as the practitioner"
same "$(audits "chose a password with a setup code")" "1" "... audited"
curl -s -c s2.jar -b s2.jar -o setup.html "$(U /setup)"
same "$(setup_post s2.jar pat@example.org "$setup" "another fine phrase" "another fine phrase" "$(csrf setup.html)")" "400" "the code does not work a second time"
has body "$wrong" "... with the same message"
web_login p.jar pat@example.org "river stone gentle"
same "$(code -b p.jar "$(U /caseload)")" "200" "the practitioner signs in with their own password"
hasnt body "nhsuk-header__navigation-link\" href=\"/admin\"" "... and is offered no Administration"
same "$(code -b a.jar "$(U /admin/accounts/$pat)")" "200" "their page now"
has body "None waiting" "... has no setup code waiting"
hasnt body "Not signed in yet" "... and says when they last signed in"

# Forgotten: a new code, the old password working until it is used; the
# code then runs out after 7 days.
same "$(code -b a.jar --data-urlencode "csrf=$ACS" "$(U /admin/accounts/$pat/setup-code)")" "200" "a new setup code for someone who forgot"
second=$(grep -o '<p class="nhsuk-heading-l" id="setup-code">[^<]*' body | sed 's/.*>//')
[ -n "$second" ] && [ "$second" != "$setup" ] && pass "... a different code, shown" || fail "no new code: '$second'"
web_login p2.jar pat@example.org "river stone gentle"
same "$(code -b p2.jar "$(U /caseload)")" "200" "... the old password works until it is used"
sqlite3 a.db "UPDATE setup_code SET expires = created - 1, created = created - 604801 WHERE account_id = $pat AND used IS NULL"
curl -s -c s3.jar -b s3.jar -o setup.html "$(U /setup)"
same "$(setup_post s3.jar pat@example.org "$second" "another fine phrase" "another fine phrase" "$(csrf setup.html)")" "400" "a code more than 7 days old is refused"
has body "$wrong" "... with the same message"
same "$(code -b a.jar --data-urlencode "csrf=$ACS" "$(U /admin/accounts/$pat/setup-code)")" "200" "another new code"
third=$(grep -o '<p class="nhsuk-heading-l" id="setup-code">[^<]*' body | sed 's/.*>//')
same "$(sqlite3 a.db "SELECT count(*) FROM setup_code WHERE account_id = $pat AND used IS NULL")" "1" "... replaces the one not used"
same "$(setup_post s3.jar pat@example.org "$third" "another fine phrase" "another fine phrase" "$(csrf setup.html)")" "303" "... and works"
same "$(code -b p2.jar "$(U /caseload)")" "303" "using a code ends the account's other sessions"

# Roles: given and removed, in effect at the next request.
web_login p5.jar pat@example.org "another fine phrase"
same "$(code -b p5.jar "$(U /services)")" "404" "the practitioner leads no service"
same "$(code -b a.jar --data-urlencode "csrf=$ACS" --data-urlencode "role=lead" --data-urlencode "unit=svc" \
    "$(U /admin/accounts/$pat/roles)")" "303" "the administrator makes them the service's lead"
same "$(code -b p5.jar "$(U /services)")" "200" "... which their open session has at its next request"
same "$(code -b a.jar --data-urlencode "csrf=$ACS" --data-urlencode "role=lead" --data-urlencode "unit=svc" \
    "$(U /admin/accounts/$pat/roles)")" "400" "the same role again is refused"
has body "The account already holds that role there" "... saying so"
same "$(code -b a.jar --data-urlencode "csrf=$ACS" --data-urlencode "role=validator" --data-urlencode "unit=svc" \
    "$(U /admin/accounts/$pat/roles)")" "400" "a validator's role without a group is refused"
has body 'href="#group"' "... on the group's field"
same "$(code -b a.jar --data-urlencode "csrf=$ACS" --data-urlencode "role=validator" --data-urlencode "unit=svc" \
    --data-urlencode "group=peer-worker" "$(U /admin/accounts/$pat/roles)")" "303" "a validator's role with a group"
same "$(code -b a.jar "$(U /admin/accounts/$pat)")" "200" "the account's page"
has body "Validator (peer worker), Test Service" "... shows the validator's group in words"
before=$(sqlite3 a.db "SELECT count(*) FROM role_grant WHERE account_id = $pat")
same "$(code -b a.jar --data-urlencode "csrf=$ACS" --data-urlencode "role=lead" --data-urlencode "unit=svc" \
    "$(U /admin/accounts/$pat/roles/remove)")" "200" "removing a role asks first"
has body "Remove the Service lead role from Pat &lt;b&gt;Newcomer&lt;/b&gt;?" "... naming the role and the account"
same "$(sqlite3 a.db "SELECT count(*) FROM role_grant WHERE account_id = $pat")" "$before" "... and has removed nothing yet"
same "$(code -b a.jar --data-urlencode "csrf=$ACS" --data-urlencode "role=lead" --data-urlencode "unit=svc" \
    --data-urlencode "confirm=yes" "$(U /admin/accounts/$pat/roles/remove)")" "303" "confirmed, the role is removed"
same "$(code -b p5.jar "$(U /services)")" "404" "... at their next request"
same "$(audits "granted a role")/$(audits "removed a role")" "2/1" "giving and removing roles are audited"
same "$(sqlite3 a.db "SELECT detail FROM audit WHERE action = 'removed a role'")" "lead@svc" "... with which role where"

# Deactivating and reactivating.
same "$(code -b a.jar --data-urlencode "csrf=$ACS" "$(U /admin/accounts/$pat/deactivate)")" "200" "deactivating asks first"
has body "Yes, deactivate it" "... with a button that says what it does"
same "$(code -b p5.jar "$(U /caseload)")" "200" "... and has done nothing yet"
same "$(code -b a.jar --data-urlencode "csrf=$ACS" --data-urlencode "confirm=yes" "$(U /admin/accounts/$pat/deactivate)")" "303" "confirmed, the account is deactivated"
same "$(code -b p5.jar "$(U /caseload)")" "303" "... its open session ends at its next request"
same "$(location)" "/sign-in" "... which gets the sign-in page"
curl -s -c p3.jar -b p3.jar -o login.html "$(U /sign-in)"
same "$(code -c p3.jar -b p3.jar --data-urlencode "csrf=$(csrf login.html)" --data-urlencode "email=pat@example.org" \
    --data-urlencode "password=another fine phrase" "$(U /sign-in)")" "200" "... and it cannot sign in"
has body "Email or password not recognised" "... told as any refusal is"
same "$(code -b a.jar "$(U '/admin/accounts?q=pat')")" "200" "the accounts"
has body "Deactivated" "... show it deactivated"
same "$(code -b a.jar --data-urlencode "csrf=$ACS" "$(U /admin/accounts/$pat/reactivate)")" "303" "the administrator reactivates it"
web_login p4.jar pat@example.org "another fine phrase"
same "$(code -b p4.jar "$(U /caseload)")" "200" "... and it signs in again"
same "$(audits "deactivated an account")/$(audits "reactivated an account")" "1/1" "both audited"

# An administrator cannot shut themselves out.
admin=$(account_id admin@example.org)
same "$(code -b a.jar "$(U /admin/accounts/$admin)")" "200" "their own account's page"
has body "This is your own account: you cannot deactivate it" "... says why it cannot be deactivated"
same "$(code -b a.jar --data-urlencode "csrf=$ACS" --data-urlencode "confirm=yes" "$(U /admin/accounts/$admin/deactivate)")" "409" "deactivating themselves is refused"
has body "You cannot deactivate your own account" "... saying why"
same "$(code -b a.jar --data-urlencode "csrf=$ACS" --data-urlencode "confirm=yes" --data-urlencode "role=admin" \
    --data-urlencode "unit=net" "$(U /admin/accounts/$admin/roles/remove)")" "409" "removing their own administrator role is refused"
has body "You cannot remove your own administrator role" "... saying why"
same "$(sqlite3 a.db "SELECT deactivated IS NULL FROM account WHERE id = $admin")/$(sqlite3 a.db "SELECT count(*) FROM role_grant WHERE account_id = $admin AND role = 'admin'")" "1/1" "... and nothing changed"
# Nor open people's records on their own say-so: no role for themselves,
# no administrator held below the network, no second account for a
# person who has one.
before=$(sqlite3 a.db "SELECT count(*) FROM role_grant")/$(sqlite3 a.db "SELECT count(*) FROM account")
same "$(code -b a.jar --data-urlencode "csrf=$ACS" --data-urlencode "role=practitioner" --data-urlencode "unit=svc" \
    "$(U /admin/accounts/$admin/roles)")" "400" "an administrator giving themselves a practitioner's role is refused"
has body "You cannot give yourself a role" "... saying why"
same "$(code -b a.jar --data-urlencode "csrf=$ACS" --data-urlencode "role=admin" --data-urlencode "unit=svc" \
    "$(U /admin/accounts/$pat/roles)")" "400" "an administrator's role at a service is refused"
has body "An administrator&#39;s role is held at the network" "... saying why"
same "$(code -b a.jar --data-urlencode "csrf=$ACS" --data-urlencode "name=Someone Else" \
    --data-urlencode "email=else@example.org" --data-urlencode "person=P1" --data-urlencode "role=person" \
    --data-urlencode "unit=svc" "$(U /admin/accounts)")" "400" "a second account for a person who has one is refused"
has body 'href="#person">That person already has an account: give it a new setup code instead' "... on the person's field, saying what to do instead"
same "$(sqlite3 a.db "SELECT count(*) FROM role_grant")/$(sqlite3 a.db "SELECT count(*) FROM account")" "$before" "... and none of it changed anything"

# Without the form's token nothing changes.
before=$(counts a.db)/$(sqlite3 a.db "SELECT count(*) || '/' || coalesce(max(deactivated), '-') FROM role_grant JOIN account ON account.id = account_id")
for path in "roles" "roles/remove" "deactivate" "reactivate" "setup-code"; do
	same "$(code -b a.jar --data-urlencode "role=lead" --data-urlencode "unit=svc" --data-urlencode "confirm=yes" \
	    "$(U /admin/accounts/$pat/$path)")" "403" "POST $path without the form's token is refused"
done
same "$(counts a.db)/$(sqlite3 a.db "SELECT count(*) || '/' || coalesce(max(deactivated), '-') FROM role_grant JOIN account ON account.id = account_id")" \
    "$before" "... and none of them changes or audits anything"

# No one else sees any of it: a 404, exactly as if nothing were there.
web_login l.jar lead2@example.org "quiet harbour lantern"
web_login m.jar sam@example.org "quiet harbour lantern"
for jar in l.jar m.jar p4.jar; do
	for page in /admin /admin/accounts /admin/accounts/new "/admin/accounts/$pat" /admin/accounts/999; do
		same "$(code -b $jar "$(U "$page")")" "404" "$jar: GET $page is not found"
	done
	same "$(code -b $jar --data-urlencode "csrf=$(curl -s -b $jar "$(U /)" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')" \
	    --data-urlencode "confirm=yes" "$(U /admin/accounts/$admin/deactivate)")" "404" "$jar: POST deactivate is not found"
done
same "$(code "$(U /admin/accounts)")" "303" "signed out, the accounts lead to signing in"
same "$(code -b a.jar "$(U /admin/accounts/999)")" "404" "an account that does not exist is not found"
same "$(code -b a.jar "$(U /admin/accounts/abc)")" "404" "... nor one named by anything but a number"

# The administrator's pages never show a person's answers or goals.
sam=$(account_id sam@example.org)
same "$(code -b a.jar "$(U /admin/accounts/$sam)")" "200" "a person's account"
has body "Person identifier" "... shows whose it is"
hasnt body "agree" "... but none of their answers"
hasnt body "/people/" "... nor a way to their record"
same "$(code -b a.jar "$(U /people/P1/journey)")" "404" "the administrator cannot open a person's journey"
same "$(code -b a.jar "$(U /people/P1/goals)")" "404" "... nor their goals"
stop

# The command line, through the same steps and rules.
run 0 "account add without a password file" -- $WAYMARK account add --db a.db --email cli@example.org --name "Cleo Line" --grant practitioner@svc
has out "no password yet" "... says it has no password"
cli_code=$(sed -n 's/^setup code for cli@example.org: //p' out)
case "$cli_code" in ????-????-????-????) pass "... and prints its setup code" ;; *) fail "no setup code printed" ;; esac
has out "it works once, until $(date -u -d '+7 days' '+%-d %B %Y'), " "... saying until when it works, in words"
run 1 "a practitioner at a provider is refused" -- $WAYMARK account add --db a.db --email cli2@example.org --name "C Two" --grant practitioner@prov
has err "this role is held at a service" "... in core's words"
run 2 "a validator without a group is refused" -- $WAYMARK account grant --db a.db --email cli@example.org --grant validator@svc
has err "a validator speaks for a stakeholder group" "... in the same words as the web"
run 0 "account grant" -- $WAYMARK account grant --db a.db --email cli@example.org --grant validator@svc/supporter
run 1 "the same grant again is refused" -- $WAYMARK account grant --db a.db --email cli@example.org --grant validator@svc/supporter
has err "the account already holds that role there" "... saying so"
run 1 "revoking a validator's role for another group is refused" -- $WAYMARK account revoke --db a.db --email cli@example.org --grant validator@svc/lived-experience
has err "the account does not hold that role there for that group" "... saying so"
same "$(sqlite3 a.db "SELECT count(*) FROM role_grant g JOIN account a ON a.id = g.account_id WHERE a.email = 'cli@example.org' AND g.role = 'validator'")" "1" "... and the role is still held"
run 0 "account revoke" -- $WAYMARK account revoke --db a.db --email cli@example.org --grant validator@svc/supporter
run 1 "revoking a role not held is refused" -- $WAYMARK account revoke --db a.db --email cli@example.org --grant validator@svc/supporter
run 1 "an unknown email is refused" -- $WAYMARK account deactivate --db a.db --email nobody@example.org
run 0 "account deactivate" -- $WAYMARK account deactivate --db a.db --email cli@example.org
run 0 "account list" -- $WAYMARK account list --db a.db
has out "$(printf 'cli@example.org\tCleo Line\tpractitioner@svc\tnot signed in yet\tdeactivated')" "... shows last sign-in and state"
grep "^pat@example.org" out | grep -q "$(printf '\t')[0-9]* [A-Z][a-z]* 20[0-9][0-9], [0-9][0-9]:[0-9][0-9]$(printf '\t')active$" &&
    pass "... and when someone last signed in, in words" || fail "no last sign-in for pat: $(grep ^pat out)"
run 0 "account reactivate" -- $WAYMARK account reactivate --db a.db --email cli@example.org
run 0 "account setup-code" -- $WAYMARK account setup-code --db a.db --email cli@example.org
new_code=$(sed -n 's/^setup code for cli@example.org: //p' out)
[ -n "$new_code" ] && [ "$new_code" != "$cli_code" ] && pass "... prints a new code" || fail "no new code"
same "$(sqlite3 a.db "SELECT group_concat(action, ',') FROM (SELECT action FROM audit WHERE subject_id = $(account_id cli@example.org) AND subject_kind = 'account' AND actor_account_id IS NULL ORDER BY id)")" \
    "added an account,issued a setup code,granted a role,removed a role,deactivated an account,reactivated an account,issued a setup code" \
    "every change on the command line is audited, as the command line's"
start a.db && pass "the server starts again" || fail "the server did not start"
curl -s -c c.jar -b c.jar -o setup.html "$(U /setup)"
SCS=$(csrf setup.html)
same "$(setup_post c.jar cli@example.org "$cli_code" "meadow lantern quietly" "meadow lantern quietly")" "400" "the replaced code does not work"
same "$(setup_post c.jar cli@example.org "$new_code" "meadow lantern quietly" "meadow lantern quietly")" "303" "the command line's new code works at /setup"
stop
