# Administration in the browser, part B: the network tree, people,
# instruments, settings and the audit log, for an administrator only,
# through the same checks and messages as the command line; every change
# audited and CSRF-protected, every change that cannot be undone asked
# first, hostile input refused naming its field with nothing changed.
. "$(dirname "$0")/lib.sh"

printf 'quiet harbour lantern\n' >pw
{
	small_network a.db &&
	$WAYMARK unit add --db a.db --kind service --code svc2 --name "Second Service" --parent prov &&
	$WAYMARK account add --db a.db --email admin@example.org --name "Ada Admin" --grant admin@net --password-file pw &&
	$WAYMARK account add --db a.db --email lead2@example.org --name "Lee Two" --grant lead@svc --password-file pw
} >/dev/null && pass "a network with an administrator" || fail "the network was not made"

# post JAR PATH FIELD=VALUE...: a form post with the session's token.
post() {
	local jar=$1 path=$2 a=()
	shift 2
	for kv in "$@"; do a+=(--data-urlencode "$kv"); done
	code -b "$jar" --data-urlencode "csrf=$WCS" "${a[@]}" "$(U "$path")"
}
# audited ACTION: how many entries the pages wrote (an account, an address).
audited() { sqlite3 a.db "SELECT count(*) FROM audit WHERE action = '$1' AND actor_account_id IS NOT NULL AND address IS NOT NULL"; }
# text: the body's words, without tags.
text() { sed 's/<[^>]*>//g' body; }

start a.db && pass "the server starts" || fail "the server did not start"
web_login ad.jar admin@example.org "quiet harbour lantern"
ADMIN_WCS=$WCS
web_login le.jar lead2@example.org "quiet harbour lantern"
LEAD_WCS=$WCS
WCS=$ADMIN_WCS

# --- the network tree ------------------------------------------------
same "$(code -b ad.jar "$(U /admin/network)")" "200" "the network tree, for an administrator"
has body '<a href="/admin/network/svc">Test Service</a>' "... names each service, linked to its own page"
has body 'href="/admin"' "... with a way back to administration"
has body "Back to administration" "... in words"
before=$(counts a.db)
same "$(post ad.jar /admin/network kind=service code=new-svc name="New <Service>" parent=prov)" "303" "adding a service"
same "$(location)" "/admin/network/new-svc" "... leads to its page"
same "$(sqlite3 a.db "SELECT name FROM unit WHERE code = 'new-svc'")" "New <Service>" "... which is saved"
same "$(audited 'unit added')" "1" "... and audited"
code -b ad.jar "$(U /admin/network)" >/dev/null
has body "New &lt;Service&gt;" "... its name escaped in the tree"

same "$(code -b ad.jar "$(U /admin/network/new-svc)")" "200" "a service's own page"
has body 'action="/admin/network/new-svc/name"' "... offers to rename it"
has body 'action="/admin/network/new-svc/close"' "... and to close it"
same "$(post ad.jar /admin/network/new-svc/name name="Renamed Service")" "303" "renaming it"
same "$(sqlite3 a.db "SELECT name FROM unit WHERE code = 'new-svc'")" "Renamed Service" "... renames it"
same "$(audited 'unit renamed')" "1" "... audited"

# Hostile or wrong input: a clear message naming the field, nothing
# changed, and the same words as the command line.
before=$(counts a.db)
long=$(printf 'x%.0s' $(seq 201))
same "$(post ad.jar /admin/network kind=service code="Bad Code" name=X parent=prov)" "400" "a bad code is refused"
has body '<a href="#code">' "... the summary links to the code field"
has body "A code is 1 to 64 lower-case letters, digits and" "... and says why"
$WAYMARK unit add --db a.db --kind service --code "Bad Code" --name X --parent prov 2>err >/dev/null
has err "--code: a code is 1 to 64 lower-case letters, digits and" "... in the command line's words"
same "$(post ad.jar /admin/network kind=service code=ok name="$long" parent=prov)" "400" "an overlong name is refused"
has body '<a href="#name">A name is at most 200 characters' "... naming the field"
same "$(post ad.jar /admin/network kind=service code=ok name="$(printf 'a\tb')" parent=prov)" "400" "a name with a control character is refused"
has body "A name cannot contain control characters" "... saying why"
$WAYMARK unit add --db a.db --kind service --code ok --name "$(printf 'a\tb')" --parent prov 2>err >/dev/null
has err "--name: a name cannot contain control characters" "... as the command line does"
same "$(post ad.jar /admin/network kind=service code=ok name=Fine parent=no-such)" "400" "an unknown parent is refused"
has body '<a href="#parent">There is no unit with that code' "... naming the field"
same "$(post ad.jar /admin/network kind=service code=ok name=Fine parent=net)" "400" "a service straight under the network is refused"
has body "A service must belong to a provider" "... with the tree's rule"
same "$(post ad.jar /admin/network kind=network code=ok name=Fine)" "400" "a second network is refused"
has body '<a href="#kind">' "... naming the field"
same "$(post ad.jar /admin/network kind=service code=svc name=Again parent=prov)" "400" "a code taken is refused"
has body "That code is taken" "... saying so"
same "$(post ad.jar /admin/network/svc/name name="$long")" "400" "an overlong new name is refused"
has body "A name is at most 200 characters" "... saying so"
same "$(counts a.db)" "$before" "... and nothing refused changed anything"

# Closing asks first, says it cannot be undone, and then the service
# takes no one new, from the page or the command line.
same "$(post ad.jar /admin/network/new-svc/close)" "200" "closing a service asks first"
has body "cannot be undone" "... saying it cannot be undone"
has body 'name="confirm" value="yes"' "... with a button that confirms"
same "$(sqlite3 a.db "SELECT closed IS NULL FROM unit WHERE code = 'new-svc'")" "1" "... and closes nothing yet"
same "$(post ad.jar /admin/network/new-svc/close confirm=yes)" "303" "confirmed, it closes"
same "$(sqlite3 a.db "SELECT closed FROM unit WHERE code = 'new-svc'")" "$(date -u +%F)" "... from today"
same "$(audited 'unit closed')" "1" "... audited"
code -b ad.jar "$(U /admin/network)" >/dev/null
has body "closed from $(date -u '+%-d %B %Y')" "the tree says when it closed, in words"
same "$(post ad.jar /admin/network/prov/close confirm=yes)" "400" "a provider with open services cannot be closed"
has body "Close the provider&#39;s services first" "... saying why"
run 1 "a closed service takes no new person (command line)" -- $WAYMARK person add --db a.db --id P9 --name X --unit new-svc
has err "--unit: the service is closed and takes no one new" "... saying why"
run 1 "... nor a role grant there" -- $WAYMARK account add --db a.db --email x@example.org --name X --grant practitioner@new-svc
