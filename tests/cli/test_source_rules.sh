# tools/check-source.sh itself: each rule catches what it is for, on a
# small tree of its own, and a clean tree passes.
. "$(dirname "$0")/lib.sh"

CHECK="$ROOT/tools/check-source.sh"
tree() { rm -rf t && mkdir -p t/src/util t/src/core t/src/store t/src/web t/src/cli; }
put() { mkdir -p "t/$(dirname "$1")" && printf '%s\n' "$2" >"t/$1"; }

tree
put src/core/a.c '#include "util/buf.h"'
put src/web/b.c '#include "report/x.h"'
put src/cli/cmd_serve.c '#include "web/server.h"'
run 0 "a tree that keeps the rules passes" -- bash "$CHECK" "$PWD/t"

tree
put src/web/page.c '#include "cli/cli.h"'
run 1 "web may not include cli" -- bash "$CHECK" "$PWD/t"
has out "src/web/page.c:1: layer 'web' may not include 'cli/cli.h'" "... and says where"

tree
put src/cli/cmd_report.c '#include "web/pages.h"'
run 1 "a command other than serve may not include web" -- bash "$CHECK" "$PWD/t"
has out "src/cli/cmd_report.c:1: only the serve command" "... and says which"

tree
put src/core/rating.c '#include <jansson.h>'
put src/core/response.c '#include <jansson.h>'
put src/web/api_x.c '#include <jansson.h>'
run 1 "jansson only in the modules that read or write JSON" -- bash "$CHECK" "$PWD/t"
has out "src/core/rating.c:1: only the modules that read or write JSON" "... names the file that may not"
hasnt out "src/core/response.c" "... and not those that may"

tree
put src/core/x.c '#include "store/store.h"'
run 1 "core may not include store" -- bash "$CHECK" "$PWD/t"

tree
put src/util/x.c 'void f(char *d) { sprintf(d, "x"); }'
run 1 "banned calls are caught" -- bash "$CHECK" "$PWD/t"
