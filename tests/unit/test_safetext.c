/* SPDX-License-Identifier: MIT */
/* test_safetext.c: the terminal and document filters (safetext.c). */
#include "config.h"

#include "testutil.h"

#include "safetext.h"

struct tcase {
	int id;
	const char *in;
	size_t n;               /* 0: strlen(in) */
	unsigned flags;
	const char *want;
};

static void
terminal__shows_every_unsafe_character_as_a_placeholder(void **state)
{
	static const struct tcase cases[] = {
		{ 1, "plain text, with UTF-8: Mar\xC3\xAD" "a \xE2\x80\x94 ok", 0, 0,
		  "plain text, with UTF-8: Mar\xC3\xAD" "a \xE2\x80\x94 ok" },
		{ 2, "a\x1B[2Jb", 0, 0, "a?[2Jb" },
		{ 3, "t\x1B]0;pwn\x07!", 0, 0, "t?]0;pwn?!" },
		{ 4, "cr\rbs\bdel\x7F", 0, 0, "cr?bs?del?" },
		{ 5, "csi\xC2\x9B" "2J osc\xC2\x9D" "0;x", 0, 0, "csi?2J osc?0;x" },
		{ 6, "rlo\xE2\x80\xAEx lri\xE2\x81\xA6y pdi\xE2\x81\xA9", 0, 0, "rlo?x lri?y pdi?" },
		{ 7, "ls\xE2\x80\xA8ps\xE2\x80\xA9", 0, 0, "ls?ps?" },
		{ 8, "bad\xFF\xC3(\xE2\x80", 0, 0, "bad?" "?(" "??" },
		{ 9, "lines\nand\ttabs", 0, 0, "lines\nand\ttabs" },
		{ 10, "one\nline\ttab", 0, SAFETEXT_ONE_LINE, "one?line?tab" },
		{ 11, "nul\0here", 8, 0, "nul?here" },
		{ 12, "Mar\xC3\xAD" "a", 0, SAFETEXT_ASCII, "Mar?a" },
		{ 13, "\xE2\x80\x9Dright quote\xE2\x80\x9D", 0, 0, "\xE2\x80\x9Dright quote\xE2\x80\x9D" },
		{ 14, "", 0, 0, "" },
	};
	size_t i, len;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct tcase *c = &cases[i];
		char *got = safetext_terminal(c->in, c->n ? c->n : strlen(c->in), c->flags, &len);

		if (strcmp(got, c->want) != 0)
			fail_msg("case %d: got '%s'", c->id, got);
		assert_int_equal(len, strlen(c->want));
		free(got);
	}
}

static void
document__drops_controls_and_keeps_the_text(void **state)
{
	static const struct tcase cases[] = {
		{ 1, "a\x1B[2Jb\x07" "c\r\nd\x08\x7F", 0, 0, "a[2Jbc\nd" },
		{ 2, "c1\xC2\x9B" "2J\xC2\x9D!", 0, 0, "c12J!" },
		{ 3, "bidi \xE2\x80\xAEkept\xE2\x80\xAC, tab\tkept", 0, 0,
		  "bidi \xE2\x80\xAEkept\xE2\x80\xAC, tab\tkept" },
		{ 4, "bad\xFFyte", 0, 0, "bad\xEF\xBF\xBDyte" },
		{ 5, "nul\0gone", 9, 0, "nulgone" },
	};
	size_t i, len;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct tcase *c = &cases[i];
		char *got = safetext_document(c->in, c->n ? c->n : strlen(c->in), &len);

		if (strcmp(got, c->want) != 0)
			fail_msg("case %d: got '%s'", c->id, got);
		assert_int_equal(len, strlen(c->want));
		free(got);
	}
}

static void
unsafe__is_the_one_definition(void **state)
{
	(void)state;
	assert_true(safetext_unsafe(0x1B));
	assert_true(safetext_unsafe(0x9B));
	assert_true(safetext_unsafe(0x202E));
	assert_true(safetext_unsafe(0x2069));
	assert_false(safetext_unsafe('a'));
	assert_false(safetext_unsafe(0xA0));
	assert_false(safetext_unsafe(0x201D));
	assert_false(safetext_unsafe(0x200F));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(terminal__shows_every_unsafe_character_as_a_placeholder),
		cmocka_unit_test(document__drops_controls_and_keeps_the_text),
		cmocka_unit_test(unsafe__is_the_one_definition),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
