# Every page each kind of user can reach from their home, by following
# links on the demo: none leads nowhere or fails, each has one heading,
# and none shows a date or quarter in a code's form (dates read "6
# December 2026"), an internal role code or the word "patient".
# (tests/cli/walk.py does the walking.)
. "$(dirname "$0")/lib.sh"

commissioners_demo
for role in person practitioner lead validator commissioner admin; do
	login "$role.jar" "$role"
	if python3 "$ROOT/tests/cli/walk.py" "$(U "")" "$role.jar" / 400 >walk.out; then
		pass "the $role's pages: $(tail -1 walk.out), each fine"
	else
		fail "the $role's pages: $(head -5 walk.out | tr '\n' ';') ($(tail -1 walk.out))"
	fi
done
web_login pc.jar pc@example.org "provider commissioner pass 1"
python3 "$ROOT/tests/cli/walk.py" "$(U "")" pc.jar / 400 >walk.out &&
    pass "a provider's commissioner's pages: $(tail -1 walk.out), each fine" ||
    fail "a provider's commissioner's pages: $(head -5 walk.out | tr '\n' ';')"
stop
