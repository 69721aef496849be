/* SPDX-License-Identifier: MIT */
/*
 * testutil.h: helpers shared by the cmocka unit tests: scratch directories
 * that are removed afterwards, and reading fixture files from $srcdir.
 */
#ifndef ECQ_TESTUTIL_H
#define ECQ_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

/* A new empty directory under $TMPDIR; caller frees the string. */
static inline char *
test_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *path = malloc(4096);

	snprintf(path, 4096, "%s/ecqtest.XXXXXX", base && *base ? base : "/tmp");
	assert_non_null(mkdtemp(path));
	return path;
}

/* Removes a scratch directory and everything in it. */
static inline void
test_rmdir(char *path)
{
	char cmd[4200];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
	assert_int_equal(system(cmd), 0);
	free(path);
}

/* The source tree (for prompts/ and fixtures), from $srcdir or ".". */
static inline const char *
test_srcdir(void)
{
	const char *s = getenv("srcdir");

	return s && *s ? s : ".";
}

/* Writes len bytes to path. */
static inline void
test_write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

#endif
