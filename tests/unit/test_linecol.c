/* SPDX-License-Identifier: MIT */
/*
 * test_linecol.c: line:column of offsets through the one-pass index
 * (linecol.c) agree with the plain scan (text_line_col) in any order, and
 * the bounded readers (bounded.c) stop at their limit.
 */
#include "config.h"

#include "testutil.h"

#include "bounded.h"
#include "linecol.h"
#include "text.h"
#include "xalloc.h"

/* Every offset 0..len+2 of s, forwards and backwards, against text_line_col. */
static void
agree_everywhere(const char *s, size_t len)
{
	struct linecol *lc = linecol_new(s, len);
	size_t off, l1, c1, l2, c2;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		for (off = 0; off <= len + 2; off++) {
			size_t o = pass == 0 ? off : len + 2 - off;

			text_line_col(s, len, o, &l1, &c1);
			linecol_find(lc, o, &l2, &c2);
			if (l1 != l2 || c1 != c2)
				fail_msg("offset %zu: scan says %zu:%zu, index says %zu:%zu", o, l1, c1, l2, c2);
		}
	}
	linecol_free(lc);
}

static void
linecol__simple_lines(void **state)
{
	struct linecol *lc;
	size_t line, col;
	const char *s = "ab\ncd\n\nef";

	(void)state;
	lc = linecol_new(s, strlen(s));
	linecol_find(lc, 0, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 1);
	linecol_find(lc, 4, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 2);
	linecol_find(lc, 7, &line, &col);
	assert_int_equal(line, 4);
	assert_int_equal(col, 1);
	linecol_find(lc, 1000, &line, &col);   /* clamped to the end */
	assert_int_equal(line, 4);
	assert_int_equal(col, 3);
	linecol_free(lc);
	agree_everywhere(s, strlen(s));
	agree_everywhere("", 0);
}

/* Multibyte characters and invalid bytes, across many checkpoints. */
static void
linecol__utf8_and_bad_bytes_across_checkpoints(void **state)
{
	struct strbuf_like { char *s; size_t n; } b = { xmalloc(6000), 0 };
	static const char *const pieces[] = {
		"caf\xc3\xa9 ", "\xe2\x80\x94", "\xf0\x9f\x98\x80", "\xff", "\xc3", "\n", "word ",
		"\xef\xbf\xbd", "\xe2\x82",
	};
	unsigned seed = 7;

	(void)state;
	while (b.n < 5900) {
		const char *p;

		seed = seed * 1103515245u + 12345u;
		p = pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
		memcpy(b.s + b.n, p, strlen(p));
		b.n += strlen(p);
	}
	agree_everywhere(b.s, b.n);
	free(b.s);
}

/* One long line: the column keeps counting across checkpoints. */
static void
linecol__one_long_line(void **state)
{
	size_t n = 100000, line, col;
	char *s = xmalloc(n);

	(void)state;
	memset(s, 'x', n);
	{
		struct linecol *lc = linecol_new(s, n);

		linecol_find(lc, 99999, &line, &col);
		assert_int_equal(line, 1);
		assert_int_equal(col, 100000);
		linecol_find(lc, 513, &line, &col);
		assert_int_equal(col, 514);
		linecol_free(lc);
	}
	free(s);
}

/* A file of n bytes of 'a' (no newline). */
static FILE *
file_of(size_t n)
{
	FILE *f = tmpfile();
	size_t i;

	assert_non_null(f);
	for (i = 0; i < n; i++)
		fputc('a', f);
	rewind(f);
	return f;
}

static void
bounded__read_at_and_over_the_limit(void **state)
{
	struct error err;
	char *text;
	size_t len;
	FILE *f;

	(void)state;
	f = file_of(1000);
	assert_int_equal(bounded_read(f, "at.txt", "a test", 1000, &text, &len, &err), 0);
	assert_int_equal(len, 1000);
	assert_int_equal(text[1000], '\0');
	free(text);
	fclose(f);

	f = file_of(1001);
	assert_int_equal(bounded_read(f, "over.txt", "a test", 1000, &text, &len, &err), -1);
	assert_null(text);
	assert_int_equal(err.code, ERR_FORMAT);
	assert_non_null(strstr(err.msg, "over.txt is larger than the limit of 1000 bytes"));
	/* it stopped one byte past the limit: the rest is left unread */
	assert_int_equal(ftell(f), 1001);
	fclose(f);

	f = file_of(200000);
	assert_int_equal(bounded_read(f, "big.txt", "a test", 70000, &text, &len, &err), -1);
	assert_true(ftell(f) <= 70001);
	fclose(f);
}

static void
bounded__getline_stops_at_the_limit(void **state)
{
	char *line = NULL;
	size_t cap = 0, used = 0;
	FILE *f = tmpfile();

	(void)state;
	fputs("one\ntwo\nthree-and-more\n", f);
	rewind(f);
	assert_int_equal(bounded_getline(&line, &cap, f, &used, 12), 4);
	assert_string_equal(line, "one\n");
	assert_int_equal(bounded_getline(&line, &cap, f, &used, 12), 4);
	assert_int_equal(bounded_getline(&line, &cap, f, &used, 12), -2);
	assert_int_equal(used, 12);
	fclose(f);

	f = tmpfile();
	fputs("last line without newline", f);
	rewind(f);
	used = 0;
	assert_int_equal(bounded_getline(&line, &cap, f, &used, 100), 25);
	assert_int_equal(bounded_getline(&line, &cap, f, &used, 100), -1);
	fclose(f);
	free(line);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(linecol__simple_lines),
		cmocka_unit_test(linecol__utf8_and_bad_bytes_across_checkpoints),
		cmocka_unit_test(linecol__one_long_line),
		cmocka_unit_test(bounded__read_at_and_over_the_limit),
		cmocka_unit_test(bounded__getline_stops_at_the_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
