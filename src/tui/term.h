/* SPDX-License-Identifier: MIT */
/*
 * term.h: the terminal under the coach: checks that there is one, starts
 * curses in raw mode (so Ctrl-C, Ctrl-S, Ctrl-Z and Ctrl-\ are keys, never
 * signals), turns bracketed paste and the mouse on, sets up colours (none
 * under NO_COLOR or on a monochrome terminal) and restores it all, once,
 * on every way out.
 */
#ifndef ECQ_TERM_H
#define ECQ_TERM_H

#include <stdbool.h>

#include <curses.h>

#include "error.h"

/* Key codes for the bracketed-paste markers ESC[200~ and ESC[201~. */
#define TERM_KEY_PASTE_BEGIN (KEY_MAX + 1)
#define TERM_KEY_PASTE_END (KEY_MAX + 2)
/* Codes term_init gives Ctrl/Alt-modified arrows, Home and End whose
 * sequences the terminfo entry lacks (TERM=screen): KEY_MAX + 16 on. */
#define TERM_KEY_MOD_BASE (KEY_MAX + 16)

/* Colour pairs (0 when monochrome: use the attributes only). */
enum term_pair {
	TP_TITLE = 1,   /* title bar */
	TP_HELP,        /* bottom help line */
	TP_GOOD,        /* passed, within budget */
	TP_BAD,         /* failed, over budget, errors */
	TP_WARN,        /* warnings */
	TP_DIM,         /* hints */
	TP_SELECT,      /* selected item */
	TP_EDITOR_BASE = 10     /* editor_colors_init's EDITOR_COLOR_PAIRS */
};

/* Checks that stdin and stdout are a terminal and TERM names a usable one.
 * Returns 0, or -1 with a message naming the non-interactive commands. */
int term_check(struct error *err);

/* Starts curses on the terminal. Returns 0 or -1 with err set. */
int term_init(struct error *err);

/* Restores the terminal (paste and mouse modes off, endwin). Safe to call
 * more than once and from the allocation-failure hook. */
void term_restore(void);

/* True between term_init and term_restore. */
bool term_active(void);

/* Attributes for a pair: the colour when colours are on, else attr_mono. */
attr_t term_attr(enum term_pair p, attr_t attr_mono);

/* True when colours are in use. */
bool term_colors(void);

/* Reads the terminal size after SIGWINCH and resizes curses to it. */
void term_resize(void);

#endif
