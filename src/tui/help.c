/* SPDX-License-Identifier: MIT */
/*
 * help.c: every key: the coach's actions from the key table (keys.h) and
 * the editor's keys (editor_key_help), scrolled with the arrows.
 */
#include "config.h"

#include <stdio.h>

#include "tui/draw.h"
#include "tui/term.h"
#include "tui/tui.h"

static int help_scroll;

static void
help_enter(struct tui *t)
{
	(void)t;
	help_scroll = 0;
}

static int
help_lines(void)
{
	const struct editor_key_help *eh;
	int n = ACT_COUNT - 1 + 3;

	for (eh = editor_key_help(); eh->key != NULL; eh++)
		n++;
	return n + 6 + 6;
}

static void
help_draw(struct tui *t, WINDOW *win)
{
	const struct editor_key_help *eh;
	int line = 0, y = t->top, cols = getmaxx(win), a;
	char buf[256];

#define HELP_LINE(text, attr) do { \
	if (line >= help_scroll && y <= t->bottom) \
		draw_text(win, y++, 1, cols - 2, (text), (attr)); \
	line++; \
} while (0)
	tui_draw_title(t, win, "Help: keys", "Esc or F1 to go back");
	/* The legend: each style drawn, and said in words for a terminal
	 * without colours (NO_COLOR) where bold and dim are all there is. */
	HELP_LINE("How findings look in a text field", A_BOLD);
	{
		static const struct {
			int sev;
			bool spelling;
			const char *name, *colour, *mono;
		} legend[] = {
			{ SEV_ERROR, false, "error", "red, bold, underlined", "bold, underlined" },
			{ SEV_WARNING, false, "warning", "yellow", "bold" },
			{ SEV_INFO, false, "info", "cyan", "dim" },
			{ SEV_INFO, true, "misspelled", "red, underlined", "underlined" },
		};
		size_t k;

		for (k = 0; k < sizeof legend / sizeof legend[0]; k++) {
			if (line >= help_scroll && y <= t->bottom) {
				draw_text(win, y, 3, 12, legend[k].name,
				    editor_look_attr((enum severity)legend[k].sev, legend[k].spelling));
				snprintf(buf, sizeof buf, "%s: %s", legend[k].name,
				    term_colors() ? legend[k].colour : legend[k].mono);
				draw_text(win, y, 16, cols - 17, buf, A_NORMAL);
				y++;
			}
			line++;
		}
	}
	HELP_LINE("", A_NORMAL);
	HELP_LINE("The coach (every screen; function keys also work inside a text field)", A_BOLD);
	for (a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		snprintf(buf, sizeof buf, "  %-8s %s", keys_name((enum action)a), keys_text((enum action)a));
		HELP_LINE(buf, A_NORMAL);
	}
	HELP_LINE("", A_NORMAL);
	HELP_LINE("Text fields (the editor)", A_BOLD);
	for (eh = editor_key_help(); eh->key != NULL; eh++) {
		snprintf(buf, sizeof buf, "  %-16s %s", eh->key, eh->action);
		HELP_LINE(buf, A_NORMAL);
	}
	HELP_LINE("", A_NORMAL);
	HELP_LINE("Saving is automatic: a second after you pause, when you leave a field and on quit.", A_DIM);
	HELP_LINE("Underlined words are misspelled; coloured spans are findings (F7 fixes or dismisses).", A_DIM);
	HELP_LINE("Without a terminal use: ecqcoach show, check, export FILE.ecq. See ecqcoach(1).", A_DIM);
#undef HELP_LINE
}

static int
help_key(struct tui *t, enum action a, wint_t ch, bool keycode)
{
	int page = t->bottom - t->top;

	(void)ch;
	(void)keycode;
	switch (a) {
	case ACT_UP:
		if (help_scroll > 0)
			help_scroll--;
		return RD_DRAW;
	case ACT_DOWN:
		if (help_scroll + page < help_lines())
			help_scroll++;
		return RD_DRAW;
	case ACT_BACK:
	case ACT_ENTER:
	case ACT_QMARK:
		tui_goto(t, t->back_id);
		return RD_DRAW;
	default:
		return RD_DRAW;
	}
}

static const enum action *
help_help(const struct tui *t)
{
	static const enum action acts[] = { ACT_UP, ACT_DOWN, ACT_BACK, ACT_QUIT, ACT_NONE };

	(void)t;
	return acts;
}

const struct tui_screen screen_help = {
	"help", help_enter, NULL, NULL, help_draw, help_key, NULL, NULL, help_help
};
