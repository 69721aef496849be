/* SPDX-License-Identifier: MIT */
/*
 * draw.c: text, wrapping, bars and the help line, drawn without ever
 * passing a control character from data to the terminal.
 */
#include "config.h"

#include "tui/draw.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "safetext.h"
#include "tui/term.h"
#include "xalloc.h"

/* Decodes one character of s (at most n bytes); *wc gets a printable
 * character (replacements for controls and bad bytes) and the return value
 * the bytes consumed (at least 1). */
static size_t
draw_decode(const char *s, size_t n, wchar_t *wc)
{
	mbstate_t st;
	size_t r;

	memset(&st, 0, sizeof st);
	r = mbrtowc(wc, s, n, &st);
	if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
		*wc = L'\xFFFD';
		return 1;
	}
	if (*wc == L'\t')
		*wc = L' ';
	else if (safetext_unsafe((uint32_t)*wc))
		*wc = L'\xFFFD';    /* controls, line separators, bidi overrides */
	return r;
}

static int
draw_wcw(wchar_t wc)
{
	int w = wcwidth(wc);

	return w < 0 ? 1 : w;
}

int
draw_width(const char *s)
{
	size_t n = strlen(s), i = 0;
	int w = 0;
	wchar_t wc;

	while (i < n) {
		i += draw_decode(s + i, n - i, &wc);
		w += draw_wcw(wc);
	}
	return w;
}

static void
draw_wc(WINDOW *win, wchar_t wc, attr_t attr)
{
	cchar_t cc;
	wchar_t buf[2] = { wc, L'\0' };

	if (setcchar(&cc, buf, attr, (short)PAIR_NUMBER(attr), NULL) == OK)
		wadd_wch(win, &cc);
}

int
draw_text(WINDOW *win, int y, int x, int w, const char *s, attr_t attr)
{
	size_t n, i = 0, j;
	int used = 0, cw, total, limit;
	wchar_t wc;

	if (w <= 0 || s == NULL)
		return 0;
	n = strlen(s);
	total = draw_width(s);
	limit = total <= w ? w : w - 1;
	wmove(win, y, x);
	while (i < n) {
		j = draw_decode(s + i, n - i, &wc);
		cw = draw_wcw(wc);
		if (used + cw > limit)
			break;
		i += j;
		if (cw == 0 && used == 0)
			continue;   /* a combining mark with nothing to sit on */
		draw_wc(win, wc, attr);
		used += cw;
	}
	if (total > w) {
		draw_wc(win, L'\x2026', attr);
		used++;
	}
	return used;
}

int
draw_printf(WINDOW *win, int y, int x, int w, attr_t attr, const char *fmt, ...)
{
	va_list ap;
	char buf[1024];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return draw_text(win, y, x, w, buf, attr);
}

/* Finds the end of the next wrapped line of s starting at i: returns the
 * byte where the line ends and sets *next to where the next one starts. */
static size_t
draw_break(const char *s, size_t n, size_t i, int w, size_t *next)
{
	size_t j = i, last_space = (size_t)-1, k;
	int used = 0, cw;
	wchar_t wc;

	while (j < n) {
		if (s[j] == '\n') {
			*next = j + 1;
			return j;
		}
		k = draw_decode(s + j, n - j, &wc);
		cw = draw_wcw(wc);
		if (used + cw > w) {
			if (s[j] == ' ') {
				k = j;
				while (j < n && s[j] == ' ')
					j++;
				*next = j;
				return k;
			}
			if (last_space != (size_t)-1) {
				*next = last_space + 1;
				return last_space;
			}
			*next = j > i ? j : j + k;
			return *next;
		}
		if (s[j] == ' ')
			last_space = j;
		used += cw;
		j += k;
	}
	*next = n;
	return n;
}

int
draw_wrap_count(const char *s, int w)
{
	size_t n, i = 0, next;
	int lines = 0;

	if (s == NULL || w <= 0)
		return 0;
	n = strlen(s);
	if (n == 0)
		return 0;
	while (i < n) {
		(void)draw_break(s, n, i, w, &next);
		lines++;
		i = next;
	}
	return lines;
}

int
draw_wrap(WINDOW *win, int y, int x, int w, int maxlines, int skip,
    const char *s, attr_t attr)
{
	size_t n, i = 0, end, next;
	int lines = 0, line = 0;
	char *buf;

	if (s == NULL || w <= 0 || maxlines <= 0)
		return 0;
	n = strlen(s);
	while (i < n && lines < maxlines) {
		end = draw_break(s, n, i, w, &next);
		if (line++ < skip) {
			i = next;
			continue;
		}
		if (lines == maxlines - 1 && next < n) {
			/* last line with text left: let draw_text add the ellipsis */
			buf = xstrndup(s + i, n - i);
			for (char *p = buf; *p != '\0'; p++)
				if (*p == '\n')
					*p = ' ';
			draw_text(win, y + lines, x, w, buf, attr);
			free(buf);
		} else {
			buf = xstrndup(s + i, end - i);
			draw_text(win, y + lines, x, w, buf, attr);
			free(buf);
		}
		lines++;
		i = next;
	}
	return lines;
}

void
draw_bar(WINDOW *win, int y, int x, int w, double fraction, attr_t attr,
    attr_t over_attr)
{
	int i, full;
	bool over = fraction > 1.0;

	if (w <= 0)
		return;
	if (fraction < 0)
		fraction = 0;
	if (fraction > 1)
		fraction = 1;
	full = (int)(fraction * w + 0.5);
	wmove(win, y, x);
	for (i = 0; i < w; i++)
		draw_wc(win, i < full ? L'\x2588' : L'\x00b7', i < full ? (over ? over_attr : attr) : A_DIM);
}

void
draw_fill(WINDOW *win, int y, attr_t attr)
{
	int x, cols = getmaxx(win);

	wmove(win, y, 0);
	for (x = 0; x < cols; x++)
		draw_wc(win, L' ', attr);
}

void
draw_help_line(WINDOW *win, int y, const enum action *acts)
{
	int x = 0, cols = getmaxx(win), need;
	attr_t key = term_attr(TP_HELP, A_REVERSE) | A_BOLD;
	attr_t lab = term_attr(TP_HELP, A_REVERSE);
	char buf[64];

	draw_fill(win, y, lab);
	for (; *acts != ACT_NONE; acts++) {
		snprintf(buf, sizeof buf, "%s %s", keys_name(*acts), keys_label(*acts));
		need = draw_width(buf) + 2;
		if (x + need > cols)
			break;
		x += draw_text(win, y, x, cols - x, keys_name(*acts), key);
		x += draw_text(win, y, x, cols - x, " ", lab);
		x += draw_text(win, y, x, cols - x, keys_label(*acts), lab);
		x += draw_text(win, y, x, cols - x, "  ", lab);
	}
}

void
draw_box(const char *title, const char *const *lines, const char *note)
{
	int n = 0, w = COLS - 4, h, y, x, i, row, end;
	attr_t a = term_attr(TP_TITLE, A_REVERSE);
	attr_t bad = term_attr(TP_BAD, A_BOLD) | A_BOLD;

	if (w > 76)
		w = 76;
	for (i = 0; lines[i] != NULL; i++)
		n += lines[i][0] == '\0' ? 1 : draw_wrap_count(lines[i], w - 4);
	if (note != NULL)
		n += 1 + draw_wrap_count(note, w - 4);
	h = 1 + 1 + 1 + n + 1;  /* pad, title, blank, text, pad */
	if (h > LINES)
		h = LINES;
	y = (LINES - h) / 2;
	x = (COLS - w) / 2;
	for (row = y; row < y + h; row++)
		for (i = 0; i < w; i++)
			draw_text(stdscr, row, x + i, 1, " ", a);
	end = y + h - 1;
	draw_text(stdscr, y + 1, x + 2, w - 4, title, a | A_BOLD);
	row = y + 3;
	for (i = 0; lines[i] != NULL && row < end; i++)
		row += lines[i][0] == '\0' ? 1
		    : draw_wrap(stdscr, row, x + 2, w - 4, end - row, 0, lines[i], a);
	if (note != NULL && row + 1 < end)
		draw_wrap(stdscr, row + 1, x + 2, w - 4, end - row - 1, 0, note, bad);
	curs_set(0);
	wnoutrefresh(stdscr);
	doupdate();
}
