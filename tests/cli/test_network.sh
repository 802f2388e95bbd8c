# The network tree, people and accounts.
. "$(dirname "$0")/lib.sh"

$WAYMARK init --db n.db >/dev/null
run 0 "add a network" -- $WAYMARK unit add --db n.db --kind network --code net --name "North Network"
run 0 "add a provider" -- $WAYMARK unit add --db n.db --kind provider --code prov --name "A Provider" --parent net
run 0 "add a service" -- $WAYMARK unit add --db n.db --kind service --code svc-a --name "Service A" --parent prov
before=$(counts n.db)
run 2 "a service directly under a network is refused" -- $WAYMARK unit add --db n.db --kind service --code svc-b --name "B" --parent net
has err "a service must belong to a provider" "explains the tree rule"
run 2 "a provider without a parent is refused" -- $WAYMARK unit add --db n.db --kind provider --code p2 --name "P2"
run 2 "an unknown kind is refused" -- $WAYMARK unit add --db n.db --kind ward --code w --name "W" --parent prov
run 2 "a bad code is refused" -- $WAYMARK unit add --db n.db --kind service --code "Bad Code" --name "B" --parent prov
has err "--code" "names the field at fault"
run 2 "a name with control characters is refused" -- $WAYMARK unit add --db n.db --kind service --code ok --name "$(printf 'a\tb')" --parent prov
run 1 "a duplicate code is refused" -- $WAYMARK unit add --db n.db --kind service --code svc-a --name "Again" --parent prov
run 1 "an unknown parent is refused" -- $WAYMARK unit add --db n.db --kind service --code svc-c --name "C" --parent nope
has err "--parent: there is no unit with that code" "names the missing parent's field"
same "$(counts n.db)" "$before" "refused unit commands changed nothing"
run 0 "unit list" -- $WAYMARK unit list --db n.db
same "$(cat out)" "$(printf 'net\tnetwork\tNorth Network\t-\nprov\tprovider\tA Provider\tnet\nsvc-a\tservice\tService A\tprov')" "unit list prints the tree with kinds"

run 0 "add a person" -- $WAYMARK person add --db n.db --id P-1 --name "Robin Example" --unit svc-a --since 2025-03-01
run 1 "a duplicate person is refused" -- $WAYMARK person add --db n.db --id P-1 --name "Again" --unit svc-a
run 2 "a person on a provider's caseload is refused" -- $WAYMARK person add --db n.db --id P-2 --name "X" --unit prov
run 2 "a future join date is refused" -- $WAYMARK person add --db n.db --id P-3 --name "X" --unit svc-a --since 2999-01-01
run 2 "an impossible date is refused" -- $WAYMARK person add --db n.db --id P-3 --name "X" --unit svc-a --since 2025-02-30
run 0 "person list" -- $WAYMARK person list --db n.db --unit svc-a
same "$(cat out)" "$(printf 'P-1\tRobin Example\tsvc-a\t2025-03-01')" "person list shows the caseload"
same "$(sqlite3 n.db "SELECT action || ': ' || detail FROM audit ORDER BY id DESC LIMIT 1")" "people listed (command line): svc-a" "listing people is audited"

run 0 "add a practitioner" -- $WAYMARK account add --db n.db --email jo@example.org --name "Jo" --grant practitioner@svc-a
run 0 "add a validator with a group" -- $WAYMARK account add --db n.db --email val@example.org --name "Val" --grant validator@svc-a/lived-experience
before=$(counts n.db)
run 2 "a validator without a group is refused" -- $WAYMARK account add --db n.db --email v2@example.org --name "V" --grant validator@svc-a
has err "stakeholder group" "explains the validator rule"
run 2 "an unknown role is refused" -- $WAYMARK account add --db n.db --email v3@example.org --name "V" --grant boss@svc-a
run 1 "a grant at an unknown unit is refused" -- $WAYMARK account add --db n.db --email v4@example.org --name "V" --grant lead@nowhere
run 2 "a bad email is refused" -- $WAYMARK account add --db n.db --email "not an email" --name "V"
run 1 "a duplicate email is refused (any case)" -- $WAYMARK account add --db n.db --email JO@example.org --name "Jo"
same "$(counts n.db)" "$before" "refused account commands changed nothing"
run 0 "account list" -- $WAYMARK account list --db n.db
has out "$(printf 'val@example.org\tVal\tvalidator@svc-a/lived-experience')" "account list shows grants"

# Passwords: hashed with argon2id, from a file or standard input, never
# on the command line; a weak one is refused and nothing is stored.
printf 'correct horse battery staple\n' >pw.txt
run 0 "an account with a password from a file" -- $WAYMARK account add --db n.db --email pw@example.org --name "Pat Word" --grant practitioner@svc-a --password-file pw.txt
hasnt out "no password yet" "the account has a password"
same "$(sqlite3 n.db "SELECT substr(password_hash, 1, 10) FROM account WHERE email = 'pw@example.org'")" '$argon2id$' "stored as an argon2id hash"
hasnt n.db "correct horse" "the password itself is nowhere in the database"
printf 'another good passphrase\n' | run 0 "a password from standard input" -- $WAYMARK account add --db n.db --email pw2@example.org --name "Pat Two" --password-file -
before=$(counts n.db)
printf 'short\n' >weak.txt
run 2 "a short password is refused" -- $WAYMARK account add --db n.db --email pw3@example.org --name "Pat Three" --password-file weak.txt
has err "at least 10 characters" "says what a password needs"
hasnt err "short" "the refused password is not echoed back"
same "$(counts n.db)" "$before" "nothing stored for the refused account"
# Easy guesses are refused by libpwquality with cracklib's dictionary,
# each with a reason in plain words, never echoed, and nothing is added.
before=$(counts n.db)
weak() { # PASSWORD REASON
	printf '%s\n' "$1" >weak.txt
	run 2 "'$1' is refused as a password" -- $WAYMARK account add --db n.db --email patfour@example.org --name "Pat Four" --password-file weak.txt
	has err "$2" "... saying: $2"
	[ "${1// /}" = "" ] || hasnt err "$1" "... without echoing it"
}
weak '          ' "too easy to guess: it reads the same backwards as forwards"
weak password12 "too easy to guess: it is based on a word in the dictionary"
weak aaaaaaaaaa "too easy to guess: it reads the same backwards as forwards"
weak 'patfour-2024!' "too easy to guess: it contains the account's email address"
same "$(counts n.db)" "$before" "refused passwords add no account"
printf 'walk the dog at dawn\n' >good.txt
run 0 "a passphrase is accepted" -- $WAYMARK account add --db n.db --email patfour@example.org --name "Pat Four" --password-file good.txt
run 0 "without a file or a terminal the account has no password yet" -- $WAYMARK account add --db n.db --email nopw@example.org --name "No Password" </dev/null
has out "no password yet" "says it cannot sign in yet"

# The disclosure rule for figures for commissioners: mhsds unless the
# network chooses otherwise; only the three rules are accepted, and a
# setting that is not one of them is an error, never quietly the default.
run 0 "network show on a new network" -- $WAYMARK network show --db n.db
has out "disclosure for commissioners: mhsds" "the default rule is NHS England's MHSDS rule"
before=$(counts n.db)
for bad in nhs MHSDS "" "hes none"; do
	run 2 "--disclosure '$bad' is refused" -- $WAYMARK network set --db n.db --disclosure "$bad"
	has err "use mhsds" "... naming the rules (mhsds"
	has err "hes (the stricter HES rule)" "... hes"
	has err "or none" "... and none)"
done
same "$(counts n.db)" "$before" "refused rules change nothing"
same "$(sqlite3 n.db "SELECT count(*) FROM setting WHERE key = 'disclosure'")" "0" "... and keep no setting"
run 0 "the network chooses the HES rule" -- $WAYMARK network set --db n.db --disclosure hes
has out "disclosure for commissioners: hes" "... and says so"
same "$(sqlite3 n.db "SELECT value FROM setting WHERE key = 'disclosure'")" "hes" "kept as the setting 'disclosure'"
same "$(sqlite3 n.db "SELECT count(*) FROM setting WHERE key LIKE 'validation%' OR key LIKE 'standards%'")" "0" "only the setting given is written"
same "$(sqlite3 n.db "SELECT action FROM audit ORDER BY id DESC LIMIT 1")" "network settings changed (command line)" "the change is audited"
same "$($WAYMARK network show --db n.db)" "$(printf 'standards period: 3 months; validated with 2 validators from 2 groups\ndisclosure for commissioners: hes\nservices anyone can contact day or night (the default):\nNHS 111, call 111 and choose the mental health option, any time\nSamaritans, call 116 123 free, any time')" "network show prints every setting"
run 0 "none, for the network's own analysts" -- $WAYMARK network set --db n.db --disclosure none
has err "the web pages and the API publish no figures for commissioners" "... with a note on what it means for the web"
has out "disclosure for commissioners: none" "... kept"
run 0 "back to mhsds" -- $WAYMARK network set --db n.db --disclosure mhsds
has out "disclosure for commissioners: mhsds" "... kept"
sqlite3 n.db "UPDATE setting SET value = 'nhs' WHERE key = 'disclosure'"
run 1 "a stored rule that is none of the three stops network show" -- $WAYMARK network show --db n.db
has err "not mhsds, hes or none" "... saying what is wrong"
run 1 "... and network set, rather than writing over it unread" -- $WAYMARK network set --db n.db --validators 3
same "$(sqlite3 n.db "SELECT value FROM setting WHERE key = 'disclosure'")" "nhs" "... which changed nothing"
run 0 "setting the rule again mends it" -- $WAYMARK network set --db n.db --disclosure hes
has out "disclosure for commissioners: hes" "... kept"
