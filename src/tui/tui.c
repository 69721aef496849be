/* SPDX-License-Identifier: MIT */
/*
 * tui.c: the coach's session and main loop: opens the project, keeps the
 * text fields (one editor per field for the whole session), reads keys and
 * pastes, dispatches them to the screen, checks the focused field and saves
 * after a pause, updates the page meter when idle, and reacts to signals
 * (which only set flags) by saving and restoring the terminal.
 */
#include "config.h"

#include "tui/tui.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <poll.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wctype.h>

#include "safetext.h"
#include "text.h"
#include "tui/draw.h"
#include "tui/headless.h"
#include "tui/term.h"
#include "paths.h"
#include "xalloc.h"

#define TUI_CHECK_IDLE_MS 150   /* re-check the field this long after a key */
#define TUI_SAVE_IDLE_MS 700    /* autosave this long after the last change
                                 * (and every second while typing: saving.c) */
#define TUI_LAYOUT_IDLE_MS 300  /* page meter this long after the last key */
#define TUI_TICK_MS 100
#define TUI_BUSY_MS 150         /* a save waits this long for a busy file */
#define TUI_MIN_ROWS 24
#define TUI_MIN_COLS 80

static volatile sig_atomic_t tui_sig_stop;
static volatile sig_atomic_t tui_sig_winch;

static const struct tui_screen *const tui_screens[SCR_COUNT] = {
	[SCR_DASHBOARD] = &screen_dashboard,
	[SCR_ECQ] = &screen_ecq,
	[SCR_EXAMPLE] = &screen_example,
	[SCR_REVIEW] = &screen_review,
	[SCR_EXPORT] = &screen_export,
	[SCR_HELP] = &screen_help,
	[SCR_GUIDE] = &screen_guide,
	[SCR_COMMENTS] = &screen_comments,
	[SCR_DELETED] = &screen_deleted,
	[SCR_DISMISSED] = &screen_dismissed,
	[SCR_HISTORY] = &screen_history,
	[SCR_CARDS] = &screen_cards,
	[SCR_REHEARSE] = &screen_rehearse,
	[SCR_RESUME] = &screen_resume,
};

long long
tui_now(void)
{
	struct timespec ts;

	if (headless_on())
		return headless_now();  /* test-only virtual clock */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
tui_on_stop(int sig)
{
	(void)sig;
	tui_sig_stop = 1;
}

static void
tui_on_winch(int sig)
{
	(void)sig;
	tui_sig_winch = 1;
}

static void
tui_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = tui_on_stop;
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	sa.sa_handler = tui_on_winch;
	sigaction(SIGWINCH, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(SIGTSTP, &sa, NULL);
	sigaction(SIGTTOU, &sa, NULL);
}

/* The coach running, for the out-of-memory hook. */
static const struct tui *tui_running;

static const char *
tui_fail_hook(void)
{
	term_restore();
	if (tui_running != NULL && tui_dirty(tui_running))
		return "the last changes in the open field were not saved";
	return "everything typed before was saved in the project file";
}

static void
tui_atexit(void)
{
	term_restore();
}

/* Bytes read from the terminal past the end of a paste (keys typed after
 * it, or the next paste): read as keys (tui_pending_key) before anything
 * newer from curses. */
static char *tui_pending;
static size_t tui_pending_len, tui_pending_off;

/* The length of the next key's bytes in s[0..n): an escape sequence
 * (CSI up to its final byte, SS3 and one character, Alt and one
 * character), or one UTF-8 character or byte. */
static size_t
tui_token_len(const unsigned char *s, size_t n)
{
	size_t i;

	if (s[0] == 0x1b && n >= 2 && s[1] == '[') {
		for (i = 2; i < n && i < 64; i++)
			if (s[i] >= 0x40 && s[i] <= 0x7e)
				return i + 1;
		return i;
	}
	if (s[0] == 0x1b)
		return n >= 3 && s[1] == 'O' ? 3 : n >= 2 ? 2 : 1;
	if (s[0] >= 0xf0)
		i = 4;
	else if (s[0] >= 0xe0)
		i = 3;
	else if (s[0] >= 0xc0)
		i = 2;
	else
		i = 1;
	return i < n ? i : n;
}

/* Drops n pending bytes. */
static void
tui_pending_drop(size_t n)
{
	tui_pending_off += n;
	if (tui_pending_off >= tui_pending_len) {
		free(tui_pending);
		tui_pending = NULL;
		tui_pending_len = tui_pending_off = 0;
	}
}

/*
 * The next key from the pending bytes, decoded as curses decodes keys
 * (curses' ungetch would hand bytes back as ready keys, never as a
 * sequence to decode): a sequence the terminal description names is its
 * key code (key_defined), a lone control byte or Esc is itself, a UTF-8
 * character is itself. Mouse reports and sequences curses does not know
 * are dropped. Returns OK or KEY_CODE_YES, or ERR when nothing is left.
 */
static int
tui_pending_key(wint_t *ch, bool *keycode)
{
	while (tui_pending != NULL) {
		const unsigned char *s = (const unsigned char *)tui_pending + tui_pending_off;
		size_t left = tui_pending_len - tui_pending_off, n = tui_token_len(s, left);
		char seq[72];
		int code = 0;

		if (s[0] < 0x20 || s[0] == 0x7f) {
			memcpy(seq, s, n);
			seq[n] = '\0';
			code = key_defined(seq);
		}
		if (code > 0) {
			tui_pending_drop(n);
			if (code == KEY_MOUSE) {
				if (n == 3)
					tui_pending_drop(left - n < 3 ? left - n : 3);   /* X10 report */
				continue;
			}
			*ch = (wint_t)code;
			*keycode = true;
			return KEY_CODE_YES;
		}
		if (n == 1 && s[0] < 0x80) {
			*ch = s[0];
			*keycode = false;
			tui_pending_drop(1);    /* may free s */
			return OK;
		}
		if (s[0] == 0x1b) {
			tui_pending_drop(n);    /* a sequence curses does not know */
			continue;
		}
		{
			wchar_t wc;
			mbstate_t st;
			size_t k;

			memset(&st, 0, sizeof st);
			k = mbrtowc(&wc, (const char *)s, n, &st);
			tui_pending_drop(n);
			if (k == 0 || k > n)
				continue;       /* not UTF-8 */
			*ch = (wint_t)wc;
			*keycode = false;
			return OK;
		}
	}
	return ERR;
}

/* Keeps s[0..n) to be read before the bytes already pending. */
static void
tui_pending_push(const char *s, size_t n)
{
	size_t rest = tui_pending_len - tui_pending_off;
	char *buf;

	if (n == 0)
		return;
	buf = xmalloc(n + rest + 1);
	memcpy(buf, s, n);
	if (rest > 0)
		memcpy(buf + n, tui_pending + tui_pending_off, rest);
	free(tui_pending);
	tui_pending = buf;
	tui_pending_len = n + rest;
	tui_pending_off = 0;
}

int
tui_read(wint_t *ch, bool *keycode, int timeout_ms, bool *stop)
{
	int r;

	if (tui_sig_stop) {
		*stop = true;
		return ERR;
	}
	if (tui_sig_winch) {
		tui_sig_winch = 0;
		term_resize();
		*keycode = true;
		*ch = KEY_RESIZE;
		return KEY_CODE_YES;
	}
	if (tui_pending != NULL && (r = tui_pending_key(ch, keycode)) != ERR)
		return r;
	wtimeout(stdscr, timeout_ms);
	r = headless_on() ? headless_read(ch) : wget_wch(stdscr, ch);
	if (r == ERR) {
		if (tui_sig_stop)
			*stop = true;
		return ERR;
	}
	*keycode = r == KEY_CODE_YES;
	return r;
}

/* ---- project and fields -------------------------------------------------- */

const struct project *
tui_project(const struct tui *t)
{
	return store_project(t->st);
}

const struct framework *
tui_fw(const struct tui *t)
{
	return store_project(t->st)->fw;
}

/* After any change through the store the project is reloaded: the
 * checker's borrowed word list must follow it. */
static void
tui_after_store(struct tui *t)
{
	const struct project *p = tui_project(t);

	t->gen++;
	if (t->ck != NULL) {
		checker_set_words(t->ck, &p->words);
		checker_set_candidate(t->ck, p->candidate);
		t->words_of = p;
	}
	findings_owner_text_changed(t->fo);
	/* A word added to the project or a finding dismissed or brought back,
	 * by whatever screen did it: every finding is stale. */
	if (p->words.n != t->dict_words || p->n_dismissed != t->dict_dismissed) {
		t->dict_words = p->words.n;
		t->dict_dismissed = p->n_dismissed;
		findings_owner_dictionary_changed(t->fo);
	}
}

void
tui_dictionary_changed(struct tui *t)
{
	t->gen++;
	findings_owner_dictionary_changed(t->fo);
}

void
tui_changed(struct tui *t)
{
	tui_after_store(t);
}

/* Stops a long layout when a key or a signal is waiting. */
static bool
tui_layout_cancel(void *arg)
{
	struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };

	(void)arg;
	if (headless_on())
		return tui_sig_stop;    /* keys come from a script, in turn */
	return tui_sig_stop || poll(&pfd, 1, 0) > 0;
}

void
tui_update_pages(struct tui *t)
{
	struct layout_result r;
	struct error err;
	size_t i;
	int rc;

	if (t->pages_gen == t->gen + 1)
		return;
	t->pages_gen = t->gen + 1;
	memset(&r, 0, sizeof r);
	rc = layout_pages(t->lc, tui_project(t), NULL, &r, &err);
	if (rc == -2) {
		t->pages_gen = 0;       /* a key came: try again when idle */
		return;
	}
	if (rc != 0) {
		tui_status_error(t, &err);
		t->pages = 0;
		return;
	}
	t->pages = r.pages;
	/* Round up to the tenth: a page with one line on it is a started
	 * page, and must not read as "8.0" when the PDF has 9 pages. */
	t->pages_used = ceil(r.used * 10.0 - 1e-9) / 10.0;
	free(t->ecq_pages);
	t->n_ecq_pages = r.n_ecqs;
	t->ecq_pages = xcalloc(r.n_ecqs + 1, sizeof *t->ecq_pages);
	for (i = 0; i < r.n_ecqs; i++)
		t->ecq_pages[i] = r.ecqs[i].pages;
	free(t->layout_warning);
	t->layout_warning = r.warning != NULL ? xstrdup(r.warning) : NULL;
	layout_result_free(&r);
}

void
tui_status(struct tui *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->status, sizeof t->status, fmt, ap);
	va_end(ap);
	t->status_error = false;
	t->status_at = tui_now();
}

void
tui_status_error(struct tui *t, const struct error *err)
{
	snprintf(t->status, sizeof t->status, "%s", err->msg);
	t->status_error = true;
	t->status_at = tui_now();
}

void
tui_draw_title(const struct tui *t, WINDOW *win, const char *left, const char *right)
{
	attr_t a = term_attr(TP_TITLE, A_REVERSE) | A_BOLD;
	int cols = getmaxx(win), rw;

	(void)t;
	draw_fill(win, 0, a);
	rw = right != NULL ? draw_width(right) : 0;
	if (rw > cols / 2)
		rw = cols / 2;
	draw_text(win, 0, 1, cols - rw - 3, left, a);
	if (right != NULL)
		draw_text(win, 0, cols - rw - 1, rw, right, a);
}

void
tui_goto(struct tui *t, enum tui_screen_id id)
{
	if (t->scr != NULL && t->scr->leave != NULL)
		t->scr->leave(t);
	tui_focus(t, NULL);
	if (t->scr_id != SCR_HELP && id != t->scr_id)
		t->back_id = t->scr_id;
	t->scr_id = id;
	t->scr = tui_screens[id];
	t->popup = 0;
	t->status[0] = '\0';
	if (t->scr->enter != NULL)
		t->scr->enter(t);
}

void
tui_jump(struct tui *t, const struct finding *f)
{
	struct tui_field *tf;

	if (f->example >= 0 && f->field >= 0) {
		t->ecq = f->ecq;
		t->example = f->example;
		t->ex_focus = f->field;
		tui_goto(t, SCR_EXAMPLE);
		tf = tui_field_example(t, f->example, f->field);
		if (tf != NULL)
			editbuf_set_cursor(editor_buf(tf->ed), f->offset, false);
		return;
	}
	/* a card's finding: the cards screen on its card, the cursor on it */
	if (f->example >= 0 && checker_target_shape(f->target) != NULL &&
	    strcmp(checker_target_shape(f->target), "card") == 0) {
		t->ecq = f->ecq;
		t->example = f->example;
		tui_goto(t, SCR_CARDS);
		tf = tui_field_card(t, f->example);
		if (tf != NULL) {
			editbuf_set_cursor(editor_buf(tf->ed), f->offset, false);
			tui_focus(t, tf);
		}
		return;
	}
	/* a résumé line's finding, or a position's (USAJOBS' limit): the
	 * résumé screen on it, the line's editor at the place */
	if ((f->example >= 0 && checker_target_shape(f->target) != NULL)
	    || (f->target != NULL && strncmp(f->target, "position.", 9) == 0)) {
		int64_t pos = f->example < 0 ? strtoll(f->target + 9, NULL, 10) : 0;
		int field = f->example < 0 ? project_position_field_parse(strrchr(f->target,
		    '.') + 1) : -1;

		resumescr_select(f->example >= 0 ? f->example : 0, pos, field);
		tui_goto(t, SCR_RESUME);
		tf = f->example >= 0 ? tui_field_resume(t, f->example) :
		    field >= 0 ? tui_field_position(t, pos, field) : NULL;
		if (tf != NULL) {
			editbuf_set_cursor(editor_buf(tf->ed), f->offset, false);
			tui_focus(t, tf);
		}
		return;
	}
	/* an ECQ the résumé does not show (resume_coverage): the résumé screen
	 * on that ECQ's first example, whose line g drafts */
	if (f->ecq >= 0 && f->rule != NULL && strcmp(f->rule, "resume_coverage") == 0 &&
	    project_example_at(tui_project(t), f->ecq, 0) != NULL) {
		resumescr_select(project_example_at(tui_project(t), f->ecq, 0)->id, 0, -1);
		tui_goto(t, SCR_RESUME);
		return;
	}
	if (f->ecq >= 0) {
		t->ecq = f->ecq;
		t->ecq_item = 0;
		tui_goto(t, SCR_ECQ);
	}
}

/* ---- the loop ------------------------------------------------------------ */

static void
tui_layout(struct tui *t)
{
	t->small = LINES < TUI_MIN_ROWS || COLS < TUI_MIN_COLS;
	t->top = 1 + guided_rows(t, COLS) + (t->readonly_why != NULL ? 1 : 0);
	t->bottom = LINES - 3;
	if (!t->small && t->scr->layout != NULL)
		t->scr->layout(t);
}

static void
tui_draw_status(struct tui *t, WINDOW *win)
{
	int y = LINES - 2, cols = COLS, rw;
	attr_t bad_attr = term_attr(TP_BAD, A_BOLD) | A_BOLD;
	attr_t a = t->status_error ? bad_attr : A_NORMAL;
	const char *left = t->status, *reason = tui_save_reason(t, tui_now());
	bool bad;
	const char *right = tui_save_state(t, &bad);

	if (reason != NULL) {   /* saving failed: its reason, unless newer news */
		left = reason;
		a = bad_attr;
	}
	rw = draw_width(right);
	draw_text(win, y, 0, cols - rw - 2, left, a);
	draw_text(win, y, cols - rw, rw, right, bad ? bad_attr | A_REVERSE : A_DIM);
}

/* The read-only banner: the reason, in the error colour, on its own row. */
static void
tui_draw_readonly(const struct tui *t, WINDOW *win, int y)
{
	char line[1200];

	snprintf(line, sizeof line, "READ-ONLY: %s", t->readonly_why);
	wmove(win, y, 0);
	wclrtoeol(win);
	draw_text(win, y, 0, COLS, line, term_attr(TP_BAD, A_BOLD) | A_BOLD);
}

/* The screen's help-line keys, less those that do nothing here: the plan's
 * keys when no plan is on, Ctrl-G when the step is already shown. */
static const enum action *
tui_help_acts(const struct tui *t, enum action *out, size_t n)
{
	const enum action *in = t->scr->help(t);
	size_t i, k = 0;
	bool has_next = false;

	for (i = 0; in[i] != ACT_NONE; i++)
		has_next = has_next || in[i] == ACT_GUIDE_NEXT;
	/* away from the step: the way back first; at a step on a screen whose
	 * keys do not name the plan's (cards, résumé, rehearsal), the next step */
	if (t->guided && !guided_at_step(t) && k + 1 < n)
		out[k++] = ACT_GUIDE_HERE;
	else if (t->guided && !has_next && k + 1 < n)
		out[k++] = ACT_GUIDE_NEXT;
	for (i = 0; in[i] != ACT_NONE && k + 1 < n; i++) {
		if ((in[i] == ACT_GUIDE_NEXT || in[i] == ACT_GUIDE_BACK || in[i] == ACT_GUIDE_HERE)
		    && !t->guided)
			continue;
		if (in[i] == ACT_GUIDE_HERE)
			continue;       /* placed above when it works */
		out[k++] = in[i];
	}
	out[k] = ACT_NONE;
	return out;
}

static void
tui_draw(struct tui *t)
{
	WINDOW *win = stdscr;
	int cy = -1, cx = -1;
	enum action help[ACT_COUNT + 1];

	werase(win);
	if (t->small) {
		curs_set(0);
		draw_wrap(win, 0, 0, COLS, LINES, 0, "The terminal is too small for the "
		    "coach: enlarge it to at least 80 columns by 24 lines. Ctrl-Q quits "
		    "(your work is saved).", A_BOLD);
		wnoutrefresh(win);
		doupdate();
		return;
	}
	t->scr->draw(t, win);
	if (t->guided)
		guided_draw_line(t, win, 1);
	if (t->readonly_why != NULL)
		tui_draw_readonly(t, win, 1 + guided_rows(t, COLS));
	tui_draw_status(t, win);
	draw_help_line(win, LINES - 1, tui_help_acts(t, help, ACT_COUNT + 1));
	if (t->popup == 0 && ((t->focus != NULL && editor_cursor_yx(t->focus->ed, &cy, &cx))
	    || (t->focus == NULL && t->aux != NULL && editor_cursor_yx(t->aux, &cy, &cx)))) {
		curs_set(1);
		wmove(win, cy, cx);
	} else {
		curs_set(0);
	}
	wnoutrefresh(win);
	doupdate();
}

#define TUI_PASTE_END "\033[201~"
#define TUI_PASTE_END_LEN 6
#define TUI_PASTE_PAUSE_MS 200  /* a paste with no end marker ends after this */

/* Turns a paste's bytes into its text in place, leaving out control
 * sequences (a pasted Esc and what follows it), as keys were left out when
 * pastes were read key by key. Returns the new length. */
static size_t
tui_paste_clean(char *s, size_t n)
{
	size_t i = 0, o = 0;

	while (i < n) {
		if (s[i] == 0x1b) {
			i += tui_token_len((const unsigned char *)s + i, n - i);
			continue;
		}
		s[o++] = s[i++];
	}
	return o;
}

/*
 * Collects a bracketed paste up to ESC[201~ (or a pause) as UTF-8. Curses
 * has just read the introducer, one byte per read(2) as it reads keys; the
 * rest is read from the terminal (in raw mode) in blocks, so a 5,000-word
 * paste takes a few system calls instead of 30,000. Bytes after the end
 * marker go back to be read as keys (tui_pending_push). At most
 * STORE_MAX_TEXT + 1 bytes are kept: a longer paste is refused whole by
 * the caller, and read to its end all the same.
 */
static char *
tui_collect_paste(size_t *len_out, bool *stop)
{
	const size_t keep = STORE_MAX_TEXT + 64, block = 65536;
	size_t len = 0, cap = block + 1, got, from, at;
	char *buf = xmalloc(cap), *end;
	ssize_t k;

	for (;;) {
		if (len + block + 1 > cap) {
			cap = len + block + 1 > 2 * cap ? len + block + 1 : 2 * cap;
			buf = xrealloc(buf, cap);
		}
		if (tui_pending != NULL) {
			got = tui_pending_len - tui_pending_off;
			if (got > block)
				got = block;
			memcpy(buf + len, tui_pending + tui_pending_off, got);
			tui_pending_off += got;
			if (tui_pending_off >= tui_pending_len) {
				free(tui_pending);
				tui_pending = NULL;
				tui_pending_len = tui_pending_off = 0;
			}
		} else {
			struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };
			int pr = poll(&pfd, 1, TUI_PASTE_PAUSE_MS);

			if (tui_sig_stop) {
				*stop = true;
				break;
			}
			if (pr < 0 && errno == EINTR)
				continue;
			if (pr <= 0)
				break;          /* a pause: the end marker never came */
			k = read(STDIN_FILENO, buf + len, block);
			if (k < 0 && errno == EINTR)
				continue;
			if (k <= 0)
				break;
			got = (size_t)k;
		}
		/* the marker may have begun in the block before */
		from = len >= TUI_PASTE_END_LEN - 1 ? len - (TUI_PASTE_END_LEN - 1) : 0;
		len += got;
		end = memmem(buf + from, len - from, TUI_PASTE_END, TUI_PASTE_END_LEN);
		if (end != NULL) {
			at = (size_t)(end - buf);
			tui_pending_push(end + TUI_PASTE_END_LEN, len - at - TUI_PASTE_END_LEN);
			len = at;
			break;
		}
		if (len > keep) {
			/* too long for any field: keep its start and the bytes that
			 * may begin the marker, and read on to its end */
			memmove(buf + keep - (TUI_PASTE_END_LEN - 1), buf + len - (TUI_PASTE_END_LEN - 1),
			    TUI_PASTE_END_LEN - 1);
			len = keep;
		}
	}
	len = tui_paste_clean(buf, len);
	buf[len] = '\0';
	*len_out = len;
	return buf;
}

/* When the project was moved, deleted or replaced while open, writes it
 * back (store_save_again) and saves what was typed since: 1 when it did
 * (the status says where), 0 when there was no need, -1 when that failed. */
static int
tui_save_again_if_gone(struct tui *t)
{
	struct error err;
	char *where = NULL;

	error_clear(&err);
	if (t->readonly_why != NULL || store_check_file(t->st, &err) == 0 || err.code != ERR_GONE)
		return 0;
	if (store_save_again(t->st, &where, &err) != 0) {
		tui_status_error(t, &err);
		free(where);
		return -1;
	}
	tui_changed(t);         /* the store reloaded the project it wrote again */
	(void)tui_save(t);
	tui_status(t, "The project is saved again as %s.", where);
	free(where);
	return 1;
}

static int
tui_global(struct tui *t, enum action a)
{
	int again;

	switch (a) {
	case ACT_QUIT:
		tui_quit_request(t);
		return RD_DRAW;
	case ACT_HELP:
		if (t->scr_id == SCR_HELP)
			tui_goto(t, t->back_id);
		else
			tui_goto(t, SCR_HELP);
		return RD_DRAW;
	case ACT_DASHBOARD:
		tui_goto(t, SCR_DASHBOARD);     /* the plan stays on: Ctrl-G returns */
		return RD_DRAW;
	case ACT_REVIEW:
		tui_goto(t, SCR_REVIEW);
		return RD_DRAW;
	case ACT_RESUME:
		tui_goto(t, SCR_RESUME);
		return RD_DRAW;
	case ACT_COMMENTS:
		if (t->reviewer != NULL && t->focus != NULL)
			commentscr_new(t);
		else if (t->scr_id != SCR_COMMENTS)
			tui_goto(t, SCR_COMMENTS);
		return RD_DRAW;
	case ACT_EXPORT:
		tui_goto(t, SCR_EXPORT);
		return RD_DRAW;
	case ACT_GUIDE:
		if (t->guided)
			guided_stop(t);
		else
			guided_start(t);
		return RD_DRAW;
	case ACT_GUIDE_NEXT:
	case ACT_GUIDE_BACK:
	case ACT_GUIDE_HERE:
		if (!t->guided || t->plan == NULL)
			return RD_IGNORED;
		if (a == ACT_GUIDE_NEXT)
			guided_next(t);
		else if (a == ACT_GUIDE_BACK)
			guided_back(t);
		else
			guided_show(t);
		return RD_DRAW;
	case ACT_SAVE:
		again = tui_save_again_if_gone(t);
		if (again == 0 && tui_save(t) == 0)
			tui_status(t, "Saved.");
		return RD_DRAW;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return RD_DRAW;
	case ACT_HISTORY:
		tui_history_open(t);
		return RD_DRAW;
	default:
		return RD_IGNORED;
	}
}

static void
tui_react(struct tui *t, int r, long long now)
{
	if (r & RD_EDIT) {
		t->check_due = now + TUI_CHECK_IDLE_MS;
		t->save_due = now + TUI_SAVE_IDLE_MS;
	}
}

static void
tui_idle(struct tui *t, long long now, bool *draw)
{
	if (t->check_due != 0 && now >= t->check_due) {
		t->check_due = 0;
		if (t->focus != NULL) {
			tui_field_check(t, t->focus);
			*draw = true;
		}
	}
	tui_save_tick(t, now, draw);
	commentscr_poll(t, now, draw);
	if (guided_tick(t))
		*draw = true;   /* the countdown */
	if (t->scr_id == SCR_REHEARSE && rehearse_tick(t))
		*draw = true;   /* the rehearsal's timer */
	if (t->scr_id == SCR_RESUME && resumescr_idle(t, now)) {
		*draw = true;   /* the résumé's page meter */
		return;         /* one slow job per tick */
	}
	if (now - t->last_input >= TUI_LAYOUT_IDLE_MS && t->pages_gen != t->gen + 1
	    && !tui_dirty(t)) {
		tui_update_pages(t);
		*draw = true;
		return;     /* one slow job per tick, so keys stay answered */
	}
	/* the dashboard's and the guide's findings counts, when idle too */
	if ((t->scr_id == SCR_DASHBOARD || t->scr_id == SCR_GUIDE) && !findings_owner_fresh(t->fo)
	    && now - t->last_input >= TUI_LAYOUT_IDLE_MS && !tui_dirty(t)) {
		(void)tui_project_findings(t);
		*draw = true;
	}
}

/* A key that would change the text in an editor. */
static bool
tui_is_typing(wint_t ch, bool keycode)
{
	if (keycode)
		return ch == KEY_BACKSPACE || ch == KEY_DC || ch == KEY_ENTER;
	return ch == '\n' || ch == '\r' || ch == 0x7f || ch == 0x08 || iswprint((wint_t)ch);
}

static void tui_start_checker(struct tui *t);

/* Starts the checker (loading the dictionary takes tens of milliseconds)
 * once the first screen is drawn, then checks again what was shown
 * without it: the focused field, and the project's findings when next
 * needed. A message shown already stays; the dashboard keeps saying what
 * the checker could not load. */
static void
tui_checker_late(struct tui *t)
{
	char keep[sizeof t->status];
	bool keep_error = t->status_error;
	long long keep_at = t->status_at;
	size_t i;

	snprintf(keep, sizeof keep, "%s", t->status);
	tui_start_checker(t);
	if (keep[0] != '\0') {
		snprintf(t->status, sizeof t->status, "%s", keep);
		t->status_error = keep_error;
		t->status_at = keep_at;
	}
	for (i = 0; i < t->n_fields; i++)
		t->fields[i]->checked = 0;
	/* what was computed without a checker is stale everywhere */
	findings_owner_dictionary_changed(t->fo);
	if (t->focus != NULL)
		tui_field_check(t, t->focus);
}

static void
tui_loop(struct tui *t)
{
	bool draw = true, stop = false, keycode, checker = false;
	wint_t ch;
	int r, res;
	long long now;
	MEVENT ev;
	enum action a;
	char *paste;
	size_t plen;

	tui_layout(t);
	while (!t->quit) {
		/* A change the store made reloads the project: a screen that did
		 * not say so (tui_changed) must not leave the checker reading the
		 * word list of the project that was freed. */
		if (t->ck != NULL && t->words_of != NULL && tui_project(t) != t->words_of)
			tui_after_store(t);
		if (draw) {
			tui_layout(t);
			tui_draw(t);
			draw = false;
			if (!checker) {         /* off the path to the first screen */
				checker = true;
				tui_checker_late(t);
				draw = true;
				continue;
			}
			/* Steady typing never leaves the loop idle: save here, once
			 * what was typed is on the screen, at least every second. */
			tui_save_tick(t, tui_now(), &draw);
		}
		r = tui_read(&ch, &keycode, TUI_TICK_MS, &stop);
		now = tui_now();
		if (stop)
			break;
		if (r == ERR) {
			tui_idle(t, now, &draw);
			continue;
		}
		t->last_input = now;
		draw = true;
		if (keycode && ch == KEY_RESIZE) {
			clearok(curscr, TRUE);
			continue;
		}
		if (keycode && ch == TERM_KEY_PASTE_BEGIN) {
			paste = tui_collect_paste(&plen, &stop);
			if (t->readonly_why != NULL)
				tui_status(t, "This project is open read-only: nothing pasted here is kept.");
			else if (t->focus != NULL &&
			    plen > STORE_MAX_TEXT - editbuf_len(editor_cbuf(t->focus->ed)))
				tui_status(t, "Paste refused: a field holds at most %d KB and this "
				    "would make it larger. Paste a shorter text.", STORE_MAX_TEXT / 1024);
			else if (!t->small && t->scr->paste != NULL)
				tui_react(t, t->scr->paste(t, paste, plen), now);
			free(paste);
			continue;
		}
		if (keycode && ch == KEY_MOUSE) {
			if (getmouse(&ev) == OK && !t->small && t->scr->mouse != NULL)
				tui_react(t, t->scr->mouse(t, &ev), now);
			continue;
		}
		a = keys_action(ch, keycode);
		if (t->small) {
			if (a == ACT_QUIT)
				tui_quit_request(t);
			continue;
		}
		if (keys_global(a)) {
			res = tui_global(t, a);
			if (!(res & RD_IGNORED))
				continue;
		}
		if (t->readonly_why != NULL && t->focus != NULL && tui_is_typing(ch, keycode))
			tui_status(t, "This project is open read-only: nothing typed here is kept.");
		res = t->scr->key(t, a, ch, keycode);
		if ((res & RD_IGNORED) && a == ACT_QMARK)
			res = tui_global(t, ACT_HELP);
		/* F3 is the editor's mark in a text field, the résumé elsewhere */
		if ((res & RD_IGNORED) && a == ACT_RESUME)
			res = tui_global(t, ACT_RESUME);
		tui_react(t, res, now);
	}
}

static void
tui_free(struct tui *t)
{
	tui_fields_free(t);
	findings_owner_free(t->fo);
	free(t->ecq_pages);
	free(t->layout_warning);
	free(t->rescued);
	layout_cache_free(t->lc);
	layout_cache_free(t->resume_lc);
	resumescr_free();
	checker_free(t->ck);
	store_close(t->st);
	free(t->readonly_why);
	free(t->reviewer);
	guided_free(t);
	editbuf_clipboard_free();
	free(tui_pending);
	tui_pending = NULL;
	tui_pending_len = tui_pending_off = 0;
}

static void
tui_start_checker(struct tui *t)
{
	struct checker_options co;
	struct error err;
	const struct project *p = tui_project(t);

	memset(&co, 0, sizeof co);
	co.no_suggestions = true;
	if (checker_new(&co, &t->ck, &err) != 0) {
		t->ck = NULL;
		tui_status_error(t, &err);
		snprintf(t->check_warning, sizeof t->check_warning, "Nothing is checked: %s",
		    err.msg);
		return;
	}
	checker_set_framework(t->ck, p->fw);
	checker_set_words(t->ck, &p->words);
	checker_set_candidate(t->ck, p->candidate);
	t->words_of = p;
	/* The status line is soon overwritten; the dashboard keeps saying it,
	 * so missing data is never a silent "0 findings". */
	if (checker_warning(t->ck) != NULL) {
		tui_status(t, "%s", checker_warning(t->ck));
		snprintf(t->check_warning, sizeof t->check_warning, "%s", checker_warning(t->ck));
	} else if (paths_dict_note() != NULL)
		tui_status(t, "Note: %s.", paths_dict_note());
}

/* Prints "ecqcoach: MESSAGE" to stderr (the terminal restored) as one line
 * through the terminal filter: a message may quote a file name or a file's
 * text, and must never drive the terminal. */
static void __attribute__((format(printf, 1, 2)))
tui_print_error(const char *fmt, ...)
{
	char buf[2048], *safe;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	safe = safetext_terminal(buf, strlen(buf), SAFETEXT_ONE_LINE, NULL);
	fprintf(stderr, "ecqcoach: %s\n", safe);
	free(safe);
}

/* The coach reads keys and pastes as wide characters in the locale's
 * encoding and stores UTF-8: under a locale that is not UTF-8 (LANG=C
 * over SSH) every accented letter would be lost with the text after it.
 * So it switches the character type to a UTF-8 locale, saying so in
 * *note (may stay ""), or fails with how to fix the locale. */
static int
tui_utf8_locale(char *note, size_t size, struct error *err)
{
	static const char *const tries[] = { "C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8" };
	const char *set = setlocale(LC_CTYPE, NULL);
	char was[64];
	size_t i;

	note[0] = '\0';
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return 0;
	snprintf(was, sizeof was, "%s", set != NULL ? set : "C");
	for (i = 0; i < sizeof tries / sizeof tries[0]; i++) {
		if (setlocale(LC_CTYPE, tries[i]) != NULL
		    && strcmp(nl_langinfo(CODESET), "UTF-8") == 0) {
			snprintf(note, size, "Locale %s is not UTF-8: using %s so accents are "
			    "kept (set LANG=%s).", was, tries[i], tries[i]);
			return 0;
		}
	}
	setlocale(LC_CTYPE, was);
	return error_set(err, ERR_USAGE, "the locale (%s) is not UTF-8 and no UTF-8 locale is "
	    "installed, so accented letters would be lost. Install one (e.g. apt-get install "
	    "locales, then locale-gen en_US.UTF-8) and start the coach with LANG=en_US.UTF-8 "
	    "(or LANG=C.UTF-8)", was);
}

/* Opens the project for writing or, when that cannot be (another coach
 * holds it, the file or folder is read-only, the file holds schema objects
 * ecqcoach did not make), read-only with the reason kept for the banner. */
static int
tui_open(struct tui *t, const char *path, struct error *err)
{
	struct error ro;

	if (t->reviewer != NULL) {
		/* A reviewer writes comments only, beside the writer. */
		if (store_open(path, STORE_COMMENTS, &t->st, err) != 0)
			return -1;
		t->readonly_why = xasprintf("review mode as %s: the text is read-only. Select "
		    "text (Ctrl-Space, move) and press F12 to comment on it.", t->reviewer);
		return 0;
	}
	if (store_open(path, 0, &t->st, err) == 0)
		return 0;
	if (err->code != ERR_LOCKED && err->code != ERR_TAMPERED && err->code != ERR_IO)
		return -1;
	if (store_open(path, STORE_READONLY, &t->st, &ro) != 0)
		return -1;      /* the first error says more */
	t->readonly_why = xasprintf("%s.", err->msg);
	return 0;
}

int
tui_run(const char *path, const struct tui_options *opt)
{
	struct tui t;
	struct error err;
	bool exists, quit = false;
	char *message = NULL, offered[sizeof t.status], locale_note[300];
	int status;

	memset(&t, 0, sizeof t);
	t.deleted = -1;
	error_clear(&err);
	if (tui_utf8_locale(locale_note, sizeof locale_note, &err) != 0) {
		fprintf(stderr, "ecqcoach: %s\n", err.msg);
		return 3;
	}
	if (term_check(&err) != 0) {
		tui_print_error("%s", err.msg);
		return 3;
	}
	exists = access(path, F_OK) == 0;
	if (opt != NULL && opt->review_as != NULL) {
		if (!exists) {
			fprintf(stderr, "ecqcoach: %s does not exist; a reviewer opens an existing "
			    "project\n", path);
			return 3;
		}
		t.reviewer = xstrdup(opt->review_as);
	}
	if (exists && tui_open(&t, path, &err) != 0) {
		free(t.reviewer);
		tui_print_error("%s", err.msg);
		return 3;
	}
	tui_signals();
	tui_running = &t;
	xalloc_set_fail_hook(tui_fail_hook);
	atexit(tui_atexit);
	if (term_init(&err) != 0) {
		store_close(t.st);
		tui_print_error("%s", err.msg);
		return 3;
	}
	if (!exists) {
		t.st = guided_first_run(path, &err, &quit);
		if (t.st == NULL) {
			term_restore();
			if (quit) {
				tui_print_error("%s was not created.", path);
				return 0;
			}
			tui_print_error("%s", err.msg);
			return 3;
		}
	}
	/* A file locked by another program: wait a moment, not seconds
	 * between keys; saving.c retries on its own. */
	store_set_busy_timeout(t.st, TUI_BUSY_MS);
	t.fo = findings_owner_new();
	t.dict_words = tui_project(&t)->words.n;
	t.dict_dismissed = tui_project(&t)->n_dismissed;
	t.lc = layout_cache_new();
	layout_cache_set_cancel(t.lc, tui_layout_cancel, NULL);
	t.resume_lc = layout_cache_new();
	layout_cache_set_cancel(t.resume_lc, tui_layout_cancel, NULL);
	t.last_input = tui_now();
	t.last_save = t.last_input;
	if (exists)
		tui_rescue_offer(&t);   /* before any field holds the old text */
	snprintf(offered, sizeof offered, "%s", t.status);
	t.scr_id = SCR_DASHBOARD;
	t.back_id = SCR_DASHBOARD;
	headless_attach(&t);
	tui_goto(&t, SCR_DASHBOARD);
	if (guided_init(&t, opt, !exists, &err) != 0) {
		term_restore();
		fprintf(stderr, "ecqcoach: %s\n", err.msg);
		tui_free(&t);
		tui_running = NULL;
		return 3;
	}
	if (t.status[0] == '\0' && offered[0] != '\0')
		tui_status(&t, "%s", offered);     /* entering a screen cleared it */
	if (t.status[0] == '\0' && locale_note[0] != '\0')
		tui_status(&t, "%s", locale_note);
	tui_loop(&t);
	if (t.scr->leave != NULL)
		t.scr->leave(&t);
	/* Save first: after a hang-up the terminal may be gone. What cannot
	 * be saved goes to a rescue file, and the exit status says so. */
	tui_focus(&t, NULL);
	status = tui_save_on_exit(&t, &message);
	term_restore();
	if (message != NULL)
		fprintf(stderr, "ecqcoach: %s\n", message);
	free(message);
	tui_free(&t);
	tui_running = NULL;
	headless_free();
	return status;
}
