/* SPDX-License-Identifier: MIT */
/*
 * bench/editdemo.c: a minimal full-screen host for the editor widget: one
 * field loaded from a text file, live checks on every change, bracketed
 * paste, mouse. bench/replay.py drives it in a pseudo-terminal to measure
 * the widget and the checker without the rest of the coach. Not installed.
 *
 *   editdemo [--no-check] [--slow-paste] [--log TIMES] FILE  (Esc or F10 quits)
 *
 * --log writes, per key, the microseconds from having the key to having
 * written the screen update (the program's own share of the latency).
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>
#include <poll.h>
#include <unistd.h>

#include "checker.h"
#include "tui/editor.h"
#include "xalloc.h"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *s = xmalloc(cap);
	size_t k;
	while ((k = fread(s + n, 1, cap - n, f)) > 0) {
		n += k;
		if (n == cap)
			s = xrealloc(s, cap *= 2);
	}
	fclose(f);
	*len = n;
	return s;
}

static void recheck(struct checker *ck, struct editor *ed)
{
	if (!ck)
		return;
	const struct editbuf *eb = editor_cbuf(ed);
	struct findings fs;
	struct check_ctx ctx = { -1, -1, -1, NULL };
	findings_init(&fs);
	checker_check_text(ck, editbuf_text(eb), editbuf_len(eb), &ctx, &fs);
	struct editor_span *sp = xreallocarray(NULL, fs.n + 1, sizeof *sp);
	for (size_t i = 0; i < fs.n; i++) {
		sp[i].offset = fs.items[i].offset;
		sp[i].length = fs.items[i].length;
		sp[i].severity = fs.items[i].severity;
		sp[i].spelling = strcmp(fs.items[i].rule, "spelling") == 0;
	}
	editor_set_spans(ed, sp, fs.n);
	free(sp);
	findings_free(&fs);
}

/* After ESC: a bracketed paste "[200~ ... ESC[201~" is read whole and
 * pasted; anything else is an Esc key. Returns true when it was a paste.
 * Reading a 5,000-word paste through get_wch costs a read(2) per byte;
 * once the introducer is through curses (nothing else is queued then), the
 * rest is read from the terminal in blocks unless slow is set. */
/* Gives bytes read past the end of a paste back to curses, last first. */
static void unget_rest(const char *s, size_t n)
{
	wchar_t wc[64];
	size_t k = 0, i = 0;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	while (i < n && k < 64) {
		size_t m = mbrtowc(&wc[k], s + i, n - i, &st);
		if (m == (size_t)-1 || m == (size_t)-2 || m == 0)
			break;
		i += m;
		k++;
	}
	while (k > 0)
		unget_wch(wc[--k]);
}

static bool read_paste(struct editor *ed, bool slow, FILE *log)
{
	wint_t c;
	char intro[8];
	size_t n = 0;
	timeout(50);
	while (n < 5 && get_wch(&c) != ERR)
		intro[n++] = (char)c;
	timeout(-1);
	if (n < 5 || memcmp(intro, "[200~", 5) != 0)
		return false;
	size_t cap = 65536, len = 0;
	char *buf = xmalloc(cap);
	for (;;) {
		if (len + 4096 + 8 > cap)
			buf = xrealloc(buf, cap *= 2);
		ssize_t k;
		if (slow) {
			timeout(1000);
			int r = get_wch(&c);
			timeout(-1);
			if (r == ERR)
				break;
			k = r == KEY_CODE_YES ? 0 : wctomb(buf + len, (wchar_t)c);
			if (k < 0)
				k = 0;
		} else {
			struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };
			if (poll(&pfd, 1, 1000) <= 0)
				break;
			k = read(STDIN_FILENO, buf + len, 4096);
			if (k <= 0)
				break;
		}
		len += (size_t)k;
		size_t from = len > (size_t)k + 5 ? len - (size_t)k - 5 : 0;
		char *end = memmem(buf + from, len - from, "\033[201~", 6);
		if (end) {
			size_t rest = (size_t)(end - buf) + 6;
			unget_rest(buf + rest, len - rest);     /* keys typed after it */
			len = (size_t)(end - buf);
			break;
		}
	}
	editor_paste(ed, buf, len);
	if (log)
		fprintf(log, "# pasted %zu bytes\n", len);
	free(buf);
	return true;
}

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

int main(int argc, char **argv)
{
	bool check = true, slow_paste = false;
	const char *path = NULL, *log_path = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--no-check") == 0)
			check = false;
		else if (strcmp(argv[i], "--slow-paste") == 0)
			slow_paste = true;
		else if (strcmp(argv[i], "--log") == 0 && i + 1 < argc)
			log_path = argv[++i];
		else
			path = argv[i];
	}
	if (!path) {
		fprintf(stderr, "usage: editdemo [--no-check] [--slow-paste] [--log TIMES] FILE\n");
		return 2;
	}
	FILE *log = log_path ? fopen(log_path, "w") : NULL;
	size_t len = 0;
	char *text = slurp(path, &len);
	if (!text) {
		perror(path);
		return 3;
	}
	setlocale(LC_ALL, "");
	struct checker *ck = NULL;
	if (check) {
		struct checker_options opt = { 0 };
		struct error err;
		opt.user_words = "";
		opt.no_suggestions = true;     /* as the editor screen does */
		if (checker_new(&opt, &ck, &err) != 0) {
			fprintf(stderr, "editdemo: %s\n", err.msg);
			return 3;
		}
	}
	struct editor *ed = editor_new(text, len);
	free(text);
	recheck(ck, ed);

	initscr();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	mousemask(ALL_MOUSE_EVENTS, NULL);
	if (has_colors()) {
		start_color();
		use_default_colors();
		editor_colors_init(1);
	}
	fputs("\033[?2004h", stdout);
	fflush(stdout);

	double t_key = 0;
	for (;;) {
		editor_place(ed, stdscr, 1, 0, LINES - 2, COLS);
		werase(stdscr);
		mvprintw(0, 0, "editdemo: %zu bytes, %zu lines", editbuf_len(editor_cbuf(ed)),
		    editor_nlines(ed));
		int si = editor_span_at_cursor(ed);
		mvprintw(LINES - 1, 0, "%s", si >= 0 ? "finding under the cursor" : "Esc quits");
		editor_draw(ed, stdscr, true);
		int cy, cx;
		if (editor_cursor_yx(ed, &cy, &cx))
			move(cy, cx);
		refresh();
		if (log && t_key > 0)
			fprintf(log, "%.1f\n", now_us() - t_key);

		wint_t ch;
		int r = get_wch(&ch);
		if (r == ERR)
			continue;
		t_key = now_us();
		bool keycode = r == KEY_CODE_YES;
		int res = ED_IGNORED;
		if (keycode && ch == KEY_F(10))
			break;
		if (keycode && ch == KEY_MOUSE) {
			MEVENT ev;
			if (getmouse(&ev) == OK)
				res = editor_mouse(ed, &ev);
		} else if (!keycode && ch == 27) {
			if (!read_paste(ed, slow_paste, log))
				break;
			res = ED_CHANGED;
		} else {
			res = editor_key(ed, ch, keycode);
		}
		if (res & ED_CHANGED)
			recheck(ck, ed);
	}
	fputs("\033[?2004l", stdout);
	endwin();
	editor_free(ed);
	checker_free(ck);
	editbuf_clipboard_free();
	if (log)
		fclose(log);
	return 0;
}
