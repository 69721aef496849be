/* SPDX-License-Identifier: MIT */
/*
 * draw.h: safe drawing helpers for the screens. Text from a project is
 * decoded as UTF-8 and every control character or invalid byte is shown as
 * a visible replacement, so data never sends a control sequence to the
 * terminal. Widths are display columns (wide and combining characters
 * count right); text that does not fit ends in an ellipsis.
 */
#ifndef ECQ_DRAW_H
#define ECQ_DRAW_H

#include <stddef.h>

#include <curses.h>

#include "tui/keys.h"

/* Display width of UTF-8 s (controls and invalid bytes count as 1). */
int draw_width(const char *s);

/* Draws s at (y, x) in at most w columns with attr; returns the columns
 * used. Truncates with "…" when s is wider. */
int draw_text(WINDOW *win, int y, int x, int w, const char *s, attr_t attr);

/* printf into a line at (y, x), at most w columns. */
int draw_printf(WINDOW *win, int y, int x, int w, attr_t attr, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Word-wraps s into lines of w columns starting at row y, at most maxlines
 * lines (the last one ends in "…" when text remains). skip drops that many
 * wrapped lines first. Returns the number of lines drawn. */
int draw_wrap(WINDOW *win, int y, int x, int w, int maxlines, int skip,
    const char *s, attr_t attr);

/* Number of lines draw_wrap would need for s at width w. */
int draw_wrap_count(const char *s, int w);

/* A bar of w columns filled to fraction (0..1, clamped); over 1 the bar is
 * full and drawn with over_attr. */
void draw_bar(WINDOW *win, int y, int x, int w, double fraction, attr_t attr,
    attr_t over_attr);

/* Fills row y with spaces in attr. */
void draw_fill(WINDOW *win, int y, attr_t attr);

/* The bottom help line: "F1 Help  Tab Next ..." for the actions, in order,
 * until the line is full. acts ends with ACT_NONE. */
void draw_help_line(WINDOW *win, int y, const enum action *acts);

/* A box in the middle of stdscr, drawn and shown at once: a title, lines
 * of text (NULL ends them; "" is a blank line), and a note (may be NULL)
 * in the error colour. For questions that must be seen (see tui_ask). */
void draw_box(const char *title, const char *const *lines, const char *note);

#endif
