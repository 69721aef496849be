/* SPDX-License-Identifier: MIT */
/* test_keys.c: the coach's key table (keys.h): bindings and help texts. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "tui/keys.h"

static void
keys__map_control_and_function_keys__to_global_actions(void **state)
{
	(void)state;
	assert_int_equal(keys_action(17, false), ACT_QUIT);             /* Ctrl-Q */
	assert_int_equal(keys_action(KEY_F(10), true), ACT_QUIT);
	assert_int_equal(keys_action(KEY_F(1), true), ACT_HELP);
	assert_int_equal(keys_action(19, false), ACT_SAVE);             /* Ctrl-S */
	assert_int_equal(keys_action(14, false), ACT_GUIDE_NEXT);       /* Ctrl-N */
	assert_int_equal(keys_action(KEY_F(7), true), ACT_SPELL);
	assert_true(keys_global(ACT_QUIT));
	assert_true(keys_global(ACT_SPELL));
}

static void
keys__leave_typing_keys__to_the_screen(void **state)
{
	(void)state;
	assert_int_equal(keys_action('a', false), ACT_ADD);
	assert_false(keys_global(ACT_ADD));
	assert_false(keys_global(ACT_QMARK));
	assert_false(keys_global(ACT_ENTER));
	assert_int_equal(keys_action('x', false), ACT_NONE);
	/* a character and a key code with the same number are different keys */
	assert_int_equal(keys_action(KEY_UP, false), ACT_NONE);
	assert_int_equal(keys_action(KEY_UP, true), ACT_UP);
}

static void
keys__treat_newline__as_enter(void **state)
{
	(void)state;
	assert_int_equal(keys_action('\n', false), ACT_ENTER);
	assert_int_equal(keys_action('\r', false), ACT_ENTER);
	assert_int_equal(keys_action(KEY_ENTER, true), ACT_ENTER);
}

static void
keys__give_every_action__a_name_label_and_text(void **state)
{
	int a;

	(void)state;
	for (a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		assert_true(strlen(keys_name((enum action)a)) > 0);
		assert_true(strlen(keys_label((enum action)a)) > 0);
		assert_true(strlen(keys_text((enum action)a)) > 0);
	}
	assert_string_equal(keys_name(ACT_NONE), "");
	assert_string_equal(keys_name(ACT_COUNT), "");
}

static void
keys__bind_no_key__to_two_actions(void **state)
{
#define KEYS_CODES(id, g, k1, k2, n, l, t) (long)(k1), (long)(k2),
	static const long codes[] = { KEYS_ACTIONS(KEYS_CODES) };
#undef KEYS_CODES
	size_t i, j, n = sizeof codes / sizeof codes[0];

	(void)state;
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (codes[i] != 0)
				assert_true(codes[i] != codes[j]);
}

/* The résumé screen's labels for keys other rows bind are labels only:
 * the keys keep their actions, and no key (not even NUL) gives a label. */
static void
keys__give_label_rows__no_key(void **state)
{
	(void)state;
	assert_int_equal(keys_action('a', false), ACT_ADD);
	assert_int_equal(keys_action('g', false), ACT_CARD_DRAFT);
	assert_int_equal(keys_action(KEY_LEFT, true), ACT_LEFT);
	assert_int_equal(keys_action(KEY_RIGHT, true), ACT_RIGHT);
	assert_int_equal(keys_action(0, false), ACT_NONE);
	/* F3 is the editor's mark in a text field: the screen gets it first */
	assert_int_equal(keys_action(KEY_F(3), true), ACT_RESUME);
	assert_false(keys_global(ACT_RESUME));
	assert_string_equal(keys_name(ACT_ADD_POSITION), keys_name(ACT_ADD));
	assert_string_equal(keys_name(ACT_LINE_DRAFT), keys_name(ACT_CARD_DRAFT));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keys__map_control_and_function_keys__to_global_actions),
		cmocka_unit_test(keys__leave_typing_keys__to_the_screen),
		cmocka_unit_test(keys__treat_newline__as_enter),
		cmocka_unit_test(keys__give_every_action__a_name_label_and_text),
		cmocka_unit_test(keys__bind_no_key__to_two_actions),
		cmocka_unit_test(keys__give_label_rows__no_key),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
