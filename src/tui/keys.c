/* SPDX-License-Identifier: MIT */
/* keys.c: the key table (keys.h's X-macro) and lookups in it. */
#include "config.h"

#include "tui/keys.h"

#include <stddef.h>

struct key_entry {
	long k1, k2;
	bool global;
	const char *name, *label, *text;
};

static const struct key_entry keys_table[ACT_COUNT] = {
#define KEYS_ROW(id, g, a, b, n, l, t) [ACT_##id] = { (a), (b), (g), (n), (l), (t) },
	KEYS_ACTIONS(KEYS_ROW)
#undef KEYS_ROW
};

enum action
keys_action(wint_t ch, bool keycode)
{
	long code;
	int i;

	if (!keycode && ch == '\n')
		ch = '\r';
	code = keycode ? KC((long)ch) : (long)ch;
	for (i = 1; i < ACT_COUNT; i++) {
		/* a row with no key is a label only (keys.h) */
		if ((keys_table[i].k1 != 0 && keys_table[i].k1 == code) ||
		    (keys_table[i].k2 != 0 && keys_table[i].k2 == code))
			return (enum action)i;
	}
	return ACT_NONE;
}

bool
keys_global(enum action a)
{
	return a > ACT_NONE && a < ACT_COUNT && keys_table[a].global;
}

const char *
keys_name(enum action a)
{
	return a > ACT_NONE && a < ACT_COUNT ? keys_table[a].name : "";
}

const char *
keys_label(enum action a)
{
	return a > ACT_NONE && a < ACT_COUNT ? keys_table[a].label : "";
}

const char *
keys_text(enum action a)
{
	return a > ACT_NONE && a < ACT_COUNT ? keys_table[a].text : "";
}
