# Shared by bench/web.sh and bench/pages.sh (sourced, with W set to the
# waymark binary): a server on a free loopback port, signing in as a
# browser would, and wrk's one line of results.

field() { tr '\t' '\n' | sed -n "s/^$1=//p"; }
csrf() { grep -o 'name="csrf" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//; s/"$//'; }
ratio() { echo "scale=2; $1 / $2" | bc; }
median() { printf '%s\n' "$@" | sort -g | sed -n "$((($# + 1) / 2))p"; }

# serve DB LOG: starts `waymark serve` on DB; sets SPORT and SPID (SPID
# empty if it did not start).
serve() {
	local try
	SPID=""
	for try in 1 2 3 4 5; do
		SPORT=$((20000 + (RANDOM % 20000)))
		# A log left by a server before says "serving" too: gone
		# before this one starts, so that only its own is read.
		rm -f "$2"
		"$W" serve --db "$1" --listen "127.0.0.1:$SPORT" 2>"$2" &
		SPID=$!
		for _ in $(seq 50); do
			grep -q "serving" "$2" 2>/dev/null && return 0
			kill -0 "$SPID" 2>/dev/null || break
			sleep 0.1
		done
		unserve "$SPID"
		SPID=""
	done
}

unserve() {
	[ -n "$1" ] || return 0
	kill -TERM "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
}

# signin PORT EMAIL PASSWORD JAR: signs in through the form; prints the
# session cookie's value (empty if it failed).
signin() {
	local page="$4.html"
	rm -f "$4"
	curl -s -c "$4" -b "$4" -o "$page" "http://127.0.0.1:$1/sign-in"
	curl -s -c "$4" -b "$4" -o /dev/null --data-urlencode "csrf=$(csrf "$page")" \
	    --data-urlencode "email=$2" --data-urlencode "password=$3" \
	    "http://127.0.0.1:$1/sign-in"
	awk '$6 == "wm_session" { print $7 }' "$4"
}

run() { # NAME EXPECT BODY WRK-ARGS...: one wrk run; prints its line
	# and leaves it in $last. $C connections (default $CONNS) on as many
	# threads, up to 2, for $SECS seconds; die() on any answer that is not
	# EXPECT. The server's log is $LOG.
	local name=$1 expect=$2 post=$3 out c=${C:-$CONNS}
	shift 3
	# Every request says it takes gzip, as every browser does.
	out=$(WRK_EXPECT=$expect WRK_BODY=$post wrk -t"$((c < 2 ? c : 2))" \
	    -c"$c" -d"${SECS}s" --timeout 10s -s bench/wrk.lua \
	    -H "Accept-Encoding: gzip, deflate" "$@" | grep '^wrk') ||
	    die "$name: wrk failed"
	echo "$out" | sed "s|^wrk|wrk\t$name|"
	[ "$(echo "$out" | field unexpected)" = 0 ] ||
	    die "$name: $(echo "$out" | field unexpected) responses were not $expect (the first: $(echo "$out" | field first_unexpected)); see $LOG"
	[ "$(echo "$out" | field socket_errors)" = 0 ] ||
	    die "$name: socket errors; see $LOG"
	last=$out
}
