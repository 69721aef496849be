/* SPDX-License-Identifier: MIT */
/*
 * term.c: curses start and restore, raw mode without signal keys,
 * bracketed paste, mouse and colours. Nothing here knows about projects.
 */
#include "config.h"

#include "tui/term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "tui/editor.h"
#include "tui/headless.h"

static SCREEN *term_screen;
static bool term_on;
static bool term_use_colors;

int
term_check(struct error *err)
{
	const char *t = getenv("TERM");

	if (headless_on())
		return 0;       /* test-only virtual screen (headless.h) */
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return error_set(err, ERR_USAGE, "the full-screen coach needs a terminal "
		    "(standard input and output are not one); use the non-interactive "
		    "commands instead: ecqcoach show, check or export FILE.ecq");
	if (t == NULL || *t == '\0' || strcmp(t, "dumb") == 0 || strcmp(t, "unknown") == 0)
		return error_set(err, ERR_USAGE, "the full-screen coach cannot run on "
		    "TERM=%s; set TERM to your terminal (e.g. xterm-256color) or use the "
		    "non-interactive commands: ecqcoach show, check or export FILE.ecq",
		    t == NULL ? "(unset)" : t);
	return 0;
}

static void
term_no_signal_keys(void)
{
	struct termios tio;

	/* raw() already clears ISIG and IXON; say so explicitly, so Ctrl-S,
	 * Ctrl-Z and Ctrl-\ can never stop, suspend or kill the coach. */
	if (tcgetattr(STDIN_FILENO, &tio) == 0) {
		tio.c_lflag &= ~(tcflag_t)(ISIG | IEXTEN);
		tio.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
		(void)tcsetattr(STDIN_FILENO, TCSANOW, &tio);
	}
}

static void
term_colors_init(void)
{
	const char *nc = getenv("NO_COLOR");

	term_use_colors = false;
	if (!has_colors() || (nc != NULL && *nc != '\0'))
		return;
	if (start_color() != OK)
		return;
	(void)use_default_colors();
	term_use_colors = true;
	init_pair(TP_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(TP_HELP, COLOR_BLACK, COLOR_CYAN);
	init_pair(TP_GOOD, COLOR_GREEN, -1);
	init_pair(TP_BAD, COLOR_RED, -1);
	init_pair(TP_WARN, COLOR_YELLOW, -1);
	init_pair(TP_DIM, COLOR_CYAN, -1);
	init_pair(TP_SELECT, COLOR_BLACK, COLOR_YELLOW);
	editor_colors_init(TP_EDITOR_BASE);
}

/* Terminals whose terminfo lacks the xterm modifier keys (TERM=screen)
 * still send them: make Ctrl/Alt/Shift-arrows at least plain arrows, so
 * their bytes never arrive as typed text. */
static void
term_modifier_keys(void)
{
	static const struct {
		char final;
		int code;
	} keys[] = { { 'A', KEY_UP }, { 'B', KEY_DOWN }, { 'C', KEY_RIGHT }, { 'D', KEY_LEFT },
		{ 'H', KEY_HOME }, { 'F', KEY_END } };
	char seq[16];
	size_t i;
	int m;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		for (m = 2; m <= 8; m++) {
			snprintf(seq, sizeof seq, "\033[1;%d%c", m, keys[i].final);
			if (key_defined(seq) == 0)
				define_key(seq, keys[i].code);
		}
	}
}

int
term_init(struct error *err)
{
	if (term_check(err) != 0)
		return -1;
	set_escdelay(25);
	if (headless_on()) {
		void *scr = NULL;

		if (headless_init(&scr, err) != 0)
			return -1;
		term_screen = scr;
		term_on = true;
		raw();
		noecho();
		nonl();
		keypad(stdscr, TRUE);
		term_colors_init();
		return 0;
	}
	term_screen = newterm(NULL, stdout, stdin);
	if (term_screen == NULL)
		return error_set(err, ERR_USAGE, "cannot start the terminal '%s'; use the "
		    "non-interactive commands: ecqcoach show, check or export FILE.ecq",
		    getenv("TERM"));
	set_term(term_screen);
	term_on = true;
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	meta(stdscr, TRUE);
	term_no_signal_keys();
	term_colors_init();
	term_modifier_keys();
	define_key("\033[200~", TERM_KEY_PASTE_BEGIN);
	define_key("\033[201~", TERM_KEY_PASTE_END);
	mouseinterval(0);
	mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON4_PRESSED
	    | BUTTON5_PRESSED | BUTTON_SHIFT, NULL);
	fputs("\033[?2004h", stdout);
	fflush(stdout);
	return 0;
}

void
term_restore(void)
{
	if (!term_on)
		return;
	term_on = false;
	mousemask(0, NULL);
	if (!headless_on()) {
		fputs("\033[?2004l", stdout);
		fflush(stdout);
	}
	endwin();
	if (term_screen != NULL) {
		delscreen(term_screen);
		term_screen = NULL;
	}
}

bool
term_active(void)
{
	return term_on;
}

attr_t
term_attr(enum term_pair p, attr_t attr_mono)
{
	if (term_use_colors)
		return (attr_t)COLOR_PAIR(p);
	return attr_mono;
}

bool
term_colors(void)
{
	return term_use_colors;
}

void
term_resize(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
		resize_term(ws.ws_row, ws.ws_col);
	else
		resize_term(0, 0);
}
