/* SPDX-License-Identifier: MIT */
/*
 * headless.h: TEST-ONLY. With ECQCOACH_HEADLESS=SCRIPT in the environment
 * the coach draws on a virtual 100x30 screen (newterm on /dev/null), reads
 * its keys from SCRIPT instead of the terminal, runs on a virtual clock,
 * and writes the screen as text when the script says `dump FILE`. Tests
 * compare the dumps with golden files (tests/tui/golden/, README there):
 * no tmux, no sleeps. Not in --help or the man page: users never need it.
 *
 * Script lines: `dump FILE` (the screen as text; cells drawn underlined,
 * as findings are, marked with ~ on the row below), `findings FILE` (the
 * coach's findings, one JSON object a line: rule, target, offset,
 * length), `# comment`, blank lines; any other line is typed: its text,
 * with <Enter> <Tab> <Esc> <Up> <Down> <Left> <Right> <Home> <End> <PgUp>
 * <PgDn> <BS> <Del> <F1>..<F12> <C-x> <lt> for keys (the line's end is
 * not a key). Before a dump the coach is left idle (checks, saves, page
 * count) as if seconds passed. At the script's end Ctrl-Q quits.
 */
#ifndef ECQ_HEADLESS_H
#define ECQ_HEADLESS_H

#include <stdbool.h>
#include <wchar.h>

#include "error.h"

struct tui;

/* True when ECQCOACH_HEADLESS is set (and not empty). */
bool headless_on(void);
/* Reads the script and starts curses on the virtual screen; returns the
 * SCREEN through *screen. Returns -1 with err set when the script cannot
 * be read or curses cannot start. */
int headless_init(void **screen, struct error *err);
/* The coach whose findings `findings FILE` writes. */
void headless_attach(struct tui *t);
/* The next input event like wget_wch: OK or KEY_CODE_YES with *ch set,
 * or ERR for a moment of idleness (the virtual clock moves on). */
int headless_read(wint_t *ch);
/* The virtual clock, in ms. */
long long headless_now(void);
/* Frees the script. */
void headless_free(void);

#endif
