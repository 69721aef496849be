/* SPDX-License-Identifier: MIT */
/*
 * fuzz.h: what every libFuzzer harness in fuzz/ shares: the entry points
 * libFuzzer calls and a NUL-terminated copy of the input. Harnesses abort()
 * when an invariant breaks so the fuzzer reports it like a crash.
 */
#ifndef ECQ_FUZZ_H
#define ECQ_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Called by libFuzzer for every input; returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* Called once before the first input. */
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A NUL-terminated copy of data[0..size) the caller frees. */
static inline char *
fuzz_strndup(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);

	if (size > 0)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif
