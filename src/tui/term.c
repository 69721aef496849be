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

/* The arrows, Home and End: xterm's final byte and terminfo's name. */
static const struct {
	char final;
	const char *cap;
	int shift;              /* the plain curses code of the Shift variant */
} term_mod_keys[] = {
	{ 'A', "kUP", KEY_SR }, { 'B', "kDN", KEY_SF }, { 'C', "kRIT", KEY_SRIGHT },
	{ 'D', "kLFT", KEY_SLEFT }, { 'H', "kHOM", KEY_SHOME }, { 'F', "kEND", KEY_SEND }
};
#define TERM_N_MOD_KEYS (sizeof term_mod_keys / sizeof term_mod_keys[0])
/* [key][modifier 3..8]: the code each modified key arrives as */
static int term_mod_codes[TERM_N_MOD_KEYS][9];

/* Terminals whose terminfo lacks the xterm modifier keys (TERM=screen,
 * which tmux also uses) still send them: give each a code of its own
 * (the editor finds it by the sequence), Shift the plain curses Shift code, so their bytes never
 * arrive as typed text and Ctrl-arrows move by word there as in xterm. */
static void
term_modifier_keys(void)
{
	/* rxvt's Ctrl- and Shift-arrows, which some terminals still send */
	static const struct {
		const char *seq;
		size_t key;
		int mod;
	} rxvt[] = { { "\033Oa", 0, 5 }, { "\033Ob", 1, 5 }, { "\033Oc", 2, 5 },
		{ "\033Od", 3, 5 }, { "\033[a", 0, 2 }, { "\033[b", 1, 2 }, { "\033[c", 2, 2 },
		{ "\033[d", 3, 2 } };
	char seq[16], cap[16];
	const char *ti;
	size_t i;
	int m, code;

	for (i = 0; i < TERM_N_MOD_KEYS; i++) {
		for (m = 2; m <= 8; m++) {
			snprintf(seq, sizeof seq, "\033[1;%d%c", m, term_mod_keys[i].final);
			code = key_defined(seq);
			if (m > 2) {
				/* terminfo may name another sequence for the key */
				snprintf(cap, sizeof cap, "%s%d", term_mod_keys[i].cap, m);
				ti = tigetstr(cap);
				if (code <= 0 && ti != NULL && ti != (char *)-1)
					code = key_defined(ti);
			}
			if (code <= 0) {
				code = m == 2 ? term_mod_keys[i].shift :
				    TERM_KEY_MOD_BASE + (int)(i * 8) + m;
				define_key(seq, code);
			}
			if (m > 2)
				term_mod_codes[i][m] = code;
		}
	}
	for (i = 0; i < sizeof rxvt / sizeof rxvt[0]; i++)
		if (key_defined(rxvt[i].seq) == 0)
			define_key(rxvt[i].seq, rxvt[i].mod == 2 ? term_mod_keys[rxvt[i].key].shift :
			    term_mod_codes[rxvt[i].key][rxvt[i].mod]);
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
