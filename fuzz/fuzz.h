/*
 * What every fuzz target shares: the libFuzzer entry points (declared
 * here so -Wmissing-prototypes holds) and FUZZ_CHECK, which turns a
 * broken invariant into a crash that libFuzzer reports and keeps.
 */
#ifndef WM_FUZZ_FUZZ_H
#define WM_FUZZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, \
		    __LINE__, #cond); \
		abort(); \
	} \
} while (0)

#endif
