#!/usr/bin/env bash
# build-fuzz: builds every libFuzzer target, fuzz/fuzz_NAME.c, into
# build/fuzz/fuzz_NAME. The library (src/**/*.c but src/cli/main.c) is
# compiled once into build/fuzz/obj with coverage instrumentation and
# ASan+UBSan, archived, and linked into each target with libFuzzer.
# Only what changed is rebuilt: the script hands a small makefile to make.
#
# Usage: scripts/build-fuzz.sh		(from anywhere; `make fuzz` runs it)
# Environment: FUZZ_CC, a clang with libFuzzer (default: clang, else
# clang-14); JOBS, parallel compiles (default: the number of CPUs).
# After changing FUZZ_CC or this script's flags, rm -rf build/fuzz.
set -eu
cd "$(dirname "$0")/.."

cc=${FUZZ_CC:-}
if [ -z "$cc" ]; then
	for c in clang clang-14; do
		if command -v "$c" >/dev/null 2>&1; then
			cc=$c
			break
		fi
	done
fi
if [ -z "$cc" ]; then
	echo "build-fuzz: no clang found; run make deps or set FUZZ_CC" >&2
	exit 1
fi

# The libraries are the Makefile's PKGS, so the two builds cannot drift.
pkgs=$(sed -n 's/^PKGS[[:blank:]]*:=[[:blank:]]*//p' Makefile)
pkgcf=$(pkg-config --cflags $pkgs)
pkglibs="$(pkg-config --libs $pkgs) -lpthread -lm"
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}

exec make --no-print-directory -r -j"$jobs" -f - \
    CC="$cc" PKGCF="$pkgcf" PKGLIBS="$pkglibs" <<'MAKEFILE'
O        := build/fuzz/obj
WARN     := -Wall -Wextra -Wpedantic -Wshadow -Wconversion \
            -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wvla -Werror
SAN      := -fsanitize=address,undefined -fno-sanitize-recover=all
CFLAGS   := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc \
            -g -O1 -fno-omit-frame-pointer $(SAN) -fsanitize=fuzzer-no-link \
            $(WARN) $(PKGCF) -MMD -MP
LIB_SRC  := $(sort $(shell find src -name '*.c' ! -path 'src/cli/main.c'))
LIB_OBJ  := $(LIB_SRC:%.c=$(O)/%.o)
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_BIN := $(FUZZ_SRC:fuzz/%.c=build/fuzz/%)

all: $(FUZZ_BIN)

$(O)/%.o: %.c
	@mkdir -p $(@D)
	@echo "  CC    $<"
	@$(CC) $(CFLAGS) -c $< -o $@

build/fuzz/libwaymark.a: $(LIB_OBJ)
	@rm -f $@
	@ar rcs $@ $^

build/fuzz/%: $(O)/fuzz/%.o build/fuzz/libwaymark.a
	@echo "  LINK  $@"
	@$(CC) -g -O1 $(SAN) -fsanitize=fuzzer -o $@ $^ $(PKGLIBS)

.PHONY: all
.SECONDARY:
.DELETE_ON_ERROR:
-include $(shell find $(O) -name '*.d' 2>/dev/null)
MAKEFILE
