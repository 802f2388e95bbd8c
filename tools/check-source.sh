#!/usr/bin/env bash
# check-source: Waymark's own source rules, run by `make check`. Prints
# each violation as FILE:LINE: message and exits 1, or prints
# "check-source: ok (N files)" and exits 0; exits 2 if the checker itself
# failed, so that a broken stage is never read as a clean tree.
#
# Usage: tools/check-source.sh [ROOT]	(ROOT defaults to this repository)
#
# The rules, over src/**/*.[ch], bench/*.c, fuzz/*.c and tests/unit/*.c:
#  a) no sprintf, strcpy, atoi and the like: each has a bounded or
#     checked replacement (snprintf, wm_buf, strtol);
#  b) no SQL built at run time: sqlite3_exec and friends only in the
#     migration files of src/store/, which run fixed scripts, and no SQL
#     keyword in a string handed to a string-building call;
#  c) layers depend one way: util <- core <- store <- report (STYLE.md),
#     and web and cli on anything;
#     web never includes cli, and of cli only the serve command includes
#     web (every other command works without the web server);
#  d) only src/store/ talks to a database library, only src/web/ to HTTP,
#     and only the modules that read or write JSON include jansson;
# and over every file in src/, instruments/ and docs/:
#  e) the words we do not use about people.
#
# C files are first read by a small lexer (awk) into two views, line for
# line: "code", with comments and the insides of literals blanked, so that
# a word in a comment or a message is never taken for a call; and "text",
# with only comments blanked, for #include lines. The rules are then
# grep and awk over those views, which keeps a full run well under a
# second.

set -u
export LC_ALL=C

root=${1:-"$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"}
cd "$root" || exit 2

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-source.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

# The C files rules a to d read, one per line, sorted.
list_c_files() {
	if [ -d src ]; then
		find src -type f \( -name '*.c' -o -name '*.h' \)
	fi
	for d in bench fuzz tests/unit; do
		if [ -d "$d" ]; then
			find "$d" -maxdepth 1 -type f -name '*.c'
		fi
	done
}

# The directories rule e reads.
lang_dirs=()
for d in src instruments docs; do
	[ -d "$d" ] && lang_dirs+=("$d")
done

list_c_files | sort >"$tmp/cfiles"
mapfile -t cfiles <"$tmp/cfiles"

# Writes the two views as FILE:LINE:content, and the rule b violations
# that need to know which call a string literal is an argument of.
read -r -d '' lexer <<'EOF'
function blank(k,	r) {
	r = ""
	while (k-- > 0)
		r = r " "
	return r
}
# The innermost string-building call we are inside, or "".
function building(	k) {
	for (k = depth; k > 0; k--)
		if (call[k] != "")
			return call[k]
	return ""
}
# A directive is lexed like code, but what its parentheses do is
# forgotten at its end, so that a macro such as "#define Q(x) f(x," cannot
# leave the rest of the file inside a call.
function end_line() {
	if (inpp && line !~ /\\$/) {
		inpp = 0
		depth = ppdepth
	}
}
FNR == 1 {
	incomment = 0; depth = 0; ident = ""; inid = 0; inpp = 0
}
{
	line = $0
	if (!inpp && !incomment && line ~ /^[ \t]*#/) {
		inpp = 1
		ppdepth = depth
	}
	# Most lines hold nothing the lexer must track: copy them.
	if (!incomment && line !~ "[\"'/*(){}]") {
		print FILENAME ":" FNR ":" line > codef
		print FILENAME ":" FNR ":" line > textf
		ident = ""; inid = 0
		end_line()
		next
	}
	n = length(line); code = ""; text = ""; i = 1
	while (i <= n) {
		c = substr(line, i, 1)
		if (incomment) {
			if (substr(line, i, 2) == "*/") {
				incomment = 0; code = code "  "; text = text "  "
				i += 2
			} else {
				code = code " "; text = text " "; i++
			}
			continue
		}
		c2 = substr(line, i, 2)
		if (c2 == "/*") {
			incomment = 1; code = code "  "; text = text "  "; i += 2
			continue
		}
		if (c2 == "//") {
			b = blank(n - i + 1); code = code b; text = text b
			break
		}
		if (c == "\"" || c == "'") {
			for (j = i + 1; j <= n; j++) {
				d = substr(line, j, 1)
				if (d == "\\")
					j++
				else if (d == c)
					break
			}
			if (j <= n) {
				body = substr(line, i + 1, j - i - 1)
				code = code c blank(length(body)) c
				text = text substr(line, i, j - i + 1)
			} else {
				body = substr(line, i + 1)
				code = code c blank(length(body))
				text = text substr(line, i)
			}
			if (c == "\"" && body ~ sqlre && (f = building()) != "")
				print FILENAME ":" FNR ": SQL keyword in a string " \
				    "given to " f "(); use a statement from the " \
				    "catalogue with bound parameters" > violf
			i = j + 1; ident = ""; inid = 0
			continue
		}
		code = code c; text = text c; i++
		if (c ~ /[A-Za-z0-9_]/) {
			ident = inid ? ident c : c
			inid = 1
			continue
		}
		inid = 0
		if (c == "(") {
			depth++
			call[depth] = ident ~ buildre ? ident : ""
			ident = ""
		} else if (c == ")") {
			if (depth > 0)
				depth--
			ident = ""
		} else if (c == "{" || c == "}") {
			# No call spans a brace; a macro with unbalanced
			# parentheses must not taint the rest of the file.
			depth = 0; ident = ""
		} else if (c != " " && c != "\t") {
			ident = ""
		}
	}
	print FILENAME ":" FNR ":" code > codef
	print FILENAME ":" FNR ":" text > textf
	end_line()
}
EOF

: >"$tmp/code"
: >"$tmp/text"
: >"$tmp/out"
if [ ${#cfiles[@]} -gt 0 ]; then
	awk -v codef="$tmp/code" -v textf="$tmp/text" -v violf="$tmp/out" \
	    -v sqlre='(^|[^A-Za-z0-9_])(SELECT|INSERT|UPDATE|DELETE)([^A-Za-z0-9_]|$)' \
	    -v buildre='^(v?snprintf|v?asprintf|wm_buf_v?printf|wm_buf_puts|wm_buf_add|wm_esc_raw)$' \
	    "$lexer" "${cfiles[@]}" || exit 2
fi

# Call right after a grep | awk stage with "${PIPESTATUS[@]}": grep
# exits 1 when nothing matched, which is the usual good case.
stage_ok() {
	if [ "$1" -gt 1 ] || [ "$2" -ne 0 ]; then
		echo "check-source: internal error (grep $1, awk $2)" >&2
		exit 2
	fi
}

# Splits a view line FILE:LINE:content into f, ln and s.
read -r -d '' split_view <<'EOF'
function split_view(	p) {
	p = index($0, ":"); f = substr($0, 1, p - 1); s = substr($0, p + 1)
	p = index(s, ":"); ln = substr(s, 1, p - 1); s = substr(s, p + 1)
}
EOF

# a) Banned calls. A name preceded by . or -> is a struct member, not
# the libc function.
banned='sprintf|vsprintf|strcpy|strcat|strncpy|strncat|gets|atoi|atol|atof|strtok|tmpnam|system|popen'
grep -E "(^|[^A-Za-z0-9_])($banned)[[:blank:]]*\(" "$tmp/code" |
awk -v re="(^|[^A-Za-z0-9_.>])($banned)[ \t]*[(]" "$split_view"'
BEGIN {
	use["sprintf"] = "snprintf() or wm_buf_printf()"
	use["vsprintf"] = "vsnprintf() or wm_buf_vprintf()"
	use["strcpy"] = use["strcat"] = "a struct wm_buf or snprintf()"
	use["strncpy"] = use["strncat"] = use["strcpy"]
	use["gets"] = "fgets() with a size limit"
	use["atoi"] = use["atol"] = "strtol() and check the end and errno"
	use["atof"] = "strtod() and check the end and errno"
	use["strtok"] = "a parser that keeps its state (strtok has a global)"
	use["tmpnam"] = "mkstemp()"
	use["system"] = use["popen"] = "fork() and execv(), with no shell"
}
{
	split_view()
	while (match(s, re)) {
		m = substr(s, RSTART, RLENGTH)
		s = substr(s, RSTART + RLENGTH)
		sub(/^[^A-Za-z0-9_]/, "", m)
		sub(/[ \t]*[(]$/, "", m)
		print f ":" ln ": banned function " m "(); use " use[m]
	}
}' >>"$tmp/out"
stage_ok "${PIPESTATUS[@]}"

# b) Run-time SQL. sqlite3_exec and the rest run or build SQL text, so
# only migrations (fixed literal scripts) may use them; the %q builders
# are never needed, since every value is a bound parameter.
sqlexec='sqlite3_exec|sqlite3_mprintf|sqlite3_vmprintf|PQexec'
sqlnever='sqlite3_snprintf|sqlite3_vsnprintf|sqlite3_str_appendf|sqlite3_str_vappendf|sqlite3_get_table'
grep -E "(^|[^A-Za-z0-9_])($sqlexec|$sqlnever)([^A-Za-z0-9_]|$)" "$tmp/code" |
awk -v exre="(^|[^A-Za-z0-9_])($sqlexec)([^A-Za-z0-9_]|$)" \
    -v neverre="(^|[^A-Za-z0-9_])($sqlnever)([^A-Za-z0-9_]|$)" \
    "$split_view"'
function name(m) {
	sub(/^[^A-Za-z0-9_]/, "", m)
	sub(/[^A-Za-z0-9_]$/, "", m)
	return m
}
{
	split_view()
	base = f
	sub(/.*\//, "", base)
	# The raw-SQLite baseline of the benchmarks runs fixed literals too.
	migration = (f ~ /^src\/store\// && base ~ /migrat/) || f ~ /^bench\//
	t = s
	while (match(t, exre)) {
		m = name(substr(t, RSTART, RLENGTH))
		t = substr(t, RSTART + RLENGTH - 1)
		if (!migration)
			print f ":" ln ": " m " runs SQL text; only " \
			    "src/store/*migrat* files may use it"
	}
	t = s
	while (match(t, neverre)) {
		m = name(substr(t, RSTART, RLENGTH))
		t = substr(t, RSTART + RLENGTH - 1)
		print f ":" ln ": " m " builds or runs SQL text; use a " \
		    "catalogue statement with bound parameters"
	}
}' >>"$tmp/out"
stage_ok "${PIPESTATUS[@]}"

# c) and d) #include lines.
grep -E '^[^:]*:[0-9]+:[[:blank:]]*#[[:blank:]]*include[[:blank:]]*["<]' "$tmp/text" |
awk "$split_view"'
BEGIN {
	# Which layers each layer may include; "*" is any layer.
	may["util"] = " util "
	may["core"] = " util core "
	may["store"] = " util core store "
	may["report"] = " util core store report "
	may["web"] = " util core store report web "
	may["cli"] = "*"
	# The modules that read or write JSON: FHIR files and bodies, the
	# record download, the figures of the network view, the API, the
	# FHIR MeasureReport.
	json["src/core/fhir_json.h"] = json["src/core/fhir_json.c"] = 1
	json["src/core/instrument.c"] = json["src/core/response.c"] = 1
	json["src/core/catalogue.c"] = json["src/core/response_fhir.c"] = 1
	json["src/report/record_json.h"] = json["src/report/record_json.c"] = 1
	json["src/report/measure_report.h"] = 1
	json["src/report/measure_report.c"] = 1
	json["src/report/network_json.c"] = json["src/report/plan_json.c"] = 1
	json["src/web/page_record.c"] = 1
}
{
	split_view()
	sub(/^[ \t]*#[ \t]*include[ \t]*/, "", s)
	quoted = substr(s, 1, 1) == "\""
	s = substr(s, 2)
	k = index(s, quoted ? "\"" : ">")
	if (k == 0)
		next
	target = substr(s, 1, k - 1)
	base = target
	sub(/.*\//, "", base)

	# d) Database and HTTP libraries stay in their layer.
	# bench/ measures Waymark against plain SQLite, so it may use it.
	if ((base == "sqlite3.h" || base == "libpq-fe.h") &&
	    f !~ /^src\/store\// && f !~ /^bench\//)
		print f ":" ln ": only src/store/ may include <" target ">"
	if (base == "microhttpd.h" && f !~ /^src\/web\//)
		print f ":" ln ": only src/web/ may include <" target ">"
	if (base == "jansson.h" && f ~ /^src\// && !(f in json) &&
	    f !~ /^src\/web\/api[a-z_]*\.[ch]$/)
		print f ":" ln ": only the modules that read or write JSON " \
		    "may include <" target "> (see rule d)"

	# c) Layers, for project includes in src/.
	if (!quoted || f !~ /^src\//)
		next
	layer = f
	sub(/^src\//, "", layer)
	if (layer !~ /\//) {
		print f ":" ln ": files in src/ belong in a layer directory"
		next
	}
	sub(/\/.*/, "", layer)
	if (!(layer in may)) {
		print f ":" ln ": unknown layer '\''" layer "'\''; add it to " \
		    "tools/check-source.sh"
		next
	}
	if (target !~ /^[A-Za-z0-9_]+\/[^\/]/) {
		print f ":" ln ": write project includes as \"dir/file.h\" " \
		    "(and system headers as <file.h>), not \"" target "\""
		next
	}
	dir = target
	sub(/\/.*/, "", dir)
	if (!(dir in may))
		print f ":" ln ": include \"" target "\" is not in a " \
		    "known layer"
	else if (may[layer] != "*" && index(may[layer], " " dir " ") == 0)
		print f ":" ln ": layer '\''" layer "'\'' may not include '\''" \
		    target "'\''"
	else if (layer == "cli" && dir == "web" && f != "src/cli/cmd_serve.c")
		print f ":" ln ": only the serve command (src/cli/cmd_serve.c) " \
		    "may include the web layer"
}' >>"$tmp/out"
stage_ok "${PIPESTATUS[@]}"

# e) Language, in any file under src/, instruments/ and docs/, comments
# and messages included. FHIR names its resource type "Patient", so that
# exact token stays allowed where it is clearly the type: quoted with
# " ' or ` (also \"Patient\" inside a C string), as a Patient/ reference,
# or written "FHIR Patient".
if [ ${#lang_dirs[@]} -gt 0 ]; then
	grep -rnHIiE 'patient|compliant|sufferer' "${lang_dirs[@]}" |
	awk "$split_view"'
	BEGIN {
		re = "(^|[^a-z0-9_])(patients?|non-compliant|noncompliant|" \
		    "sufferers?)([^a-z0-9_]|$)"
		fhir = "\\\\?\"Patient\\\\?\"|'\''Patient'\''|`Patient`|" \
		    "Patient/|FHIR Patient"
	}
	{
		split_view()
		gsub(fhir, "", s)
		t = tolower(s)
		while (match(t, re)) {
			m = substr(s, RSTART, RLENGTH)
			t = substr(t, RSTART + RLENGTH - 1)
			s = substr(s, RSTART + RLENGTH - 1)
			sub(/^[^A-Za-z]/, "", m)
			sub(/[^A-Za-z]$/, "", m)
			if (tolower(m) ~ /^patient/)
				why = "write \"person\" or \"people\"; the FHIR " \
				    "type is quoted (\"Patient\") or Patient/"
			else if (m ~ /ompliant/)
				why = "say what happened instead"
			else
				why = "describe the person, not the condition"
			print f ":" ln ": we do not write \"" m "\"; " why
		}
	}' >>"$tmp/out"
	stage_ok "${PIPESTATUS[@]}"
fi

if [ -s "$tmp/out" ]; then
	sort -t: -k1,1 -k2,2n -k3 "$tmp/out" | uniq
	exit 1
fi

nfiles=$({
	cat "$tmp/cfiles"
	if [ ${#lang_dirs[@]} -gt 0 ]; then
		find "${lang_dirs[@]}" -type f
	fi
} | sort -u | wc -l)
echo "check-source: ok ($nfiles files)"
