# Waymark build. Two commands matter: `make run` and `make check`.
#
# MODE=release (default) builds optimised into build/release;
# MODE=check builds with AddressSanitizer and UndefinedBehaviorSanitizer
# into build/check (what the tests run against).

MODE    ?= release
B       := build/$(MODE)
CC      ?= cc
PKGS    := sqlite3 libpq jansson libsodium libmicrohttpd pwquality zlib
DB      ?= demo.db

WARN    := -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2 -Wvla -Werror
CSTD    := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
INC     := -Isrc
PKGCF   := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKGLIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm

ifeq ($(MODE),check)
OPT     := -O1 -g -fno-omit-frame-pointer \
           -fsanitize=address,undefined -fno-sanitize-recover=all
else
OPT     := -O2 -g
endif

CFLAGS  ?=
LDFLAGS ?=
ALL_CFLAGS := $(CSTD) $(WARN) $(OPT) $(INC) $(PKGCF) $(CFLAGS) -MMD -MP
ALL_LDFLAGS := $(OPT) $(LDFLAGS)

LIB_SRC  := $(sort $(shell find src -name '*.c' ! -path 'src/cli/main.c'))
LIB_OBJ  := $(LIB_SRC:%.c=$(B)/%.o) $(B)/gen/assets.o
NHSUK    := node_modules/nhsuk-frontend/package.json
MAIN_OBJ := $(B)/src/cli/main.o
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
BENCH_SRC := $(sort $(wildcard bench/*.c))

.PHONY: all run check deps unit cli-tests lint fuzz fuzz-run bench clean

all: $(B)/waymark

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# nhsuk-frontend, from npm (make deps), built into the binary.
$(B)/gen/assets.c: scripts/embed-assets.py $(NHSUK) assets/waymark-print.css \
    assets/waymark.css \
    assets/waymark-icon.svg
	@mkdir -p $(dir $@)
	python3 scripts/embed-assets.py $@

$(B)/gen/assets.o: $(B)/gen/assets.c
	$(CC) $(filter-out -Wconversion,$(ALL_CFLAGS)) -c $< -o $@

$(B)/libwaymark.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/waymark: $(MAIN_OBJ) $(B)/libwaymark.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKGLIBS)

$(B)/tests/%: $(B)/tests/unit/%.o $(B)/libwaymark.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKGLIBS) -lcmocka

$(B)/waymark-bench: $(BENCH_SRC:%.c=$(B)/%.o) $(B)/libwaymark.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKGLIBS)

deps:
	@scripts/deps.sh

# `make run`: build, create the demo database if absent, show it.
run: deps
	@$(MAKE) --no-print-directory MODE=release all
	@scripts/run-demo.sh build/release/waymark $(DB)

check: deps
	@$(MAKE) --no-print-directory MODE=check all $(patsubst build/release/%,build/check/%,$(UNIT_BIN))
	@tools/check-source.sh
	@tools/check-rules.sh
	@tools/gen-copy-sql.py --check build/check/waymark
	@tests/run-all.sh build/check

unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do $$t || exit 1; done

fuzz: deps
	@scripts/build-fuzz.sh

bench: deps
	@$(MAKE) --no-print-directory MODE=release all build/release/waymark-bench
	@bench/run.sh build/release

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)
