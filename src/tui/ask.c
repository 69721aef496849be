/* SPDX-License-Identifier: MIT */
/*
 * ask.c: questions the coach must not let slip by: a centred box that
 * waits for an answer and asks again, saying which keys answer, when a key
 * is not one. The quit, rescue, delete, overwrite and add confirmations use
 * it, so every confirmation looks and answers the same way.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <wctype.h>

#include "tui/draw.h"
#include "tui/tui.h"

int
tui_box_key(const char *title, const char *const *lines, const char *note, bool *keycode)
{
	wint_t ch;
	bool stop = false;

	draw_box(title, lines, note);
	for (;;) {
		if (tui_read(&ch, keycode, 1000, &stop) == ERR) {
			if (stop)
				return ERR;
			continue;
		}
		if (*keycode && ch == KEY_RESIZE) {
			werase(stdscr);
			draw_box(title, lines, note);
			continue;
		}
		return (int)ch;
	}
}

int
tui_ask(const char *title, const char *const *lines, const char *answers)
{
	char note[128];
	const char *note_shown = NULL;
	size_t i, n = strlen(answers), used;
	bool keycode;
	int ch;

	/* "Press y or n (Esc: no)." from the answers */
	used = (size_t)snprintf(note, sizeof note, "Press ");
	for (i = 0; i < n && used < sizeof note; i++)
		used += (size_t)snprintf(note + used, sizeof note - used, "%c%s", answers[i],
		    i + 2 < n ? ", " : i + 1 < n ? " or " : "");
	if (used < sizeof note)
		snprintf(note + used, sizeof note - used, " (Esc: %s).",
		    strchr(answers, 'n') != NULL ? "no" : "back");
	for (;;) {
		ch = tui_box_key(title, lines, note_shown, &keycode);
		if (ch == ERR)
			return ERR;
		if (!keycode && ch == 27)
			return 27;
		if (!keycode && ch > 0 && ch < 128 && strchr(answers, towlower((wint_t)ch)) != NULL)
			return (int)towlower((wint_t)ch);
		note_shown = note;
	}
}
