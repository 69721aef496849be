/* SPDX-License-Identifier: MIT */
/*
 * editor.h: the multi-line prose editor widget (curses side of editbuf.h).
 * It draws a buffer into a rectangle of a WINDOW with the wrap width equal
 * to the rectangle's width, scrolls to keep the cursor visible, shows
 * highlight spans (findings) and maps keys, pastes and mouse events to
 * editing actions. Drawing only reads state.
 *
 * Use from a screen (one editor per field, kept for the whole session so
 * undo covers it):
 *
 *     ed = editor_new(text, len);                 // once per field
 *     editor_place(ed, win, y, x, h, w);          // on layout / resize
 *     r = editor_key(ed, ch, is_keycode);         // from the loop
 *     if (r & ED_CHANGED) { recheck; editor_set_spans(...); autosave timer }
 *     editor_draw(ed, win, focused);              // loop draws
 *     if (focused && editor_cursor_yx(ed, &cy, &cx)) wmove(win, cy, cx);
 *
 * Colours: call editor_colors_init() once after start_color(); without it,
 * when has_colors() is false or NO_COLOR is set, highlights are monochrome
 * (spelling A_UNDERLINE, info A_DIM, warning A_BOLD, error
 * A_BOLD|A_UNDERLINE, selection A_REVERSE).
 *
 * Keys (see editor_key_help for the table the help screen prints):
 * arrows, Home/End, PgUp/PgDn; Ctrl-Left/Right word; Ctrl-Up/Down
 * paragraph; Ctrl-Home/End buffer start/end; Shift with any of these selects
 * when the terminal reports it; Ctrl-Space (or F3) sets the mark;
 * Ctrl-X cut, Ctrl-C copy, Ctrl-V paste; Ctrl-Z or Ctrl-_ undo, Ctrl-Y redo;
 * Backspace/Delete, Ctrl-W delete word back, Ctrl-Delete word forward;
 * Enter newline. Not handled (left to the screen): Tab, Esc, function keys
 * other than F3, Ctrl-S/Q/\ and every other control key. The screen runs
 * curses in raw() mode so Ctrl-C/Z/V/\ arrive as keys, never as signals.
 */
#ifndef ECQ_EDITOR_H
#define ECQ_EDITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include <curses.h>

#include "checks.h"
#include "tui/editbuf.h"

struct editor;

/* A highlight: bytes [offset, offset + length) of the text. Spelling spans
 * are underlined; others take the severity's colour. Later spans in the
 * array are drawn over earlier ones; selection is drawn over all. */
struct editor_span {
	size_t offset;
	size_t length;
	enum severity severity;
	bool spelling;
};

/* What an action changed, for the loop's redraw and re-check decisions. */
enum editor_result {
	ED_IGNORED = 0,         /* not an editor key: the screen may use it */
	ED_HANDLED = 1 << 0,    /* consumed (maybe a no-op, e.g. Left at start) */
	ED_MOVED = 1 << 1,      /* cursor, selection or scroll changed: redraw */
	ED_CHANGED = 1 << 2     /* text changed: re-check, schedule autosave */
};

/* Creates an editor over a new buffer holding text[0..len). */
struct editor *editor_new(const char *text, size_t len);
void editor_free(struct editor *ed);
/* The buffer, for text, version, dirty flag and programmatic edits. Edits
 * made directly on it shift the spans and are shown on the next draw. */
struct editbuf *editor_buf(struct editor *ed);
const struct editbuf *editor_cbuf(const struct editor *ed);

/* Sets the rectangle (window-relative) the editor occupies: rewraps to w
 * columns when the width changed and scrolls to keep the cursor visible.
 * Call it whenever the layout changes; h and w below 1 are taken as 1. */
void editor_place(struct editor *ed, WINDOW *win, int y, int x, int h, int w);

/* Text shown dimmed when the buffer is empty (a hint); copied; NULL none. */
void editor_set_placeholder(struct editor *ed, const char *text);

/* Replaces the highlight spans (copied). Spans are byte ranges into the
 * current text; later edits shift them (a span touched by an edit grows or
 * shrinks with it) until the next call. n 0 clears. */
void editor_set_spans(struct editor *ed, const struct editor_span *spans, size_t n);
/* Index (into the last editor_set_spans array) of the span under the
 * cursor, preferring the last drawn; -1 when none. A cursor right after a
 * span counts as on it. */
int editor_span_at_cursor(const struct editor *ed);

/* Handles one key from wget_wch: ch is a character when keycode is false,
 * a KEY_* code when true. Returns editor_result flags. */
int editor_key(struct editor *ed, wint_t ch, bool keycode);
/* Inserts pasted text (the loop collects ESC[200~ ... ESC[201~ and passes
 * the bytes between, UTF-8, possibly with '\r' line ends): one undo step.
 * Speed: collecting a 5,000-word paste with one get_wch per byte took
 * ~300 ms in bench/replay.py; reading the body with read(2) in blocks once
 * "ESC[200~" has come through get_wch took 14 ms in all (bench/editdemo.c,
 * read_paste, shows how). */
int editor_paste(struct editor *ed, const char *text, size_t len);
/* Handles a mouse event (from getmouse; screen coordinates): button 1
 * press/click places the cursor (shifted: extends the selection), buttons
 * 4/5 scroll three lines. ED_IGNORED when outside the editor's rectangle. */
int editor_mouse(struct editor *ed, const MEVENT *ev);
/* Scrolls the view by n visual lines (negative up) without moving the
 * cursor unless it would leave the view. */
int editor_scroll(struct editor *ed, int n);

/* Draws the visible lines into the placed rectangle (blank-filled). The
 * selection and the cursor are shown only when focused. Reads state only. */
void editor_draw(const struct editor *ed, WINDOW *win, bool focused);
/* Window-relative position of the cursor; false when not placed. */
bool editor_cursor_yx(const struct editor *ed, int *y, int *x);
/* First visible visual line (for a scroll indicator), and the count. */
size_t editor_top(const struct editor *ed);
size_t editor_nlines(const struct editor *ed);

/* Allocates colour pairs pair_base .. pair_base + 3 for the severities
 * and spelling, unless has_colors() is false or NO_COLOR is set (then
 * monochrome). Call after start_color()/use_default_colors(). */
void editor_colors_init(short pair_base);

/* How the editor draws a finding of severity sev (SEV_ERROR, SEV_WARNING,
 * SEV_INFO), or a misspelling when spelling is true: the attribute with its
 * colour pair, for the help screen's legend. */
attr_t editor_look_attr(enum severity sev, bool spelling);
#define EDITOR_COLOR_PAIRS 4

/* The editor's keys for the help screen: NULL-terminated by key. */
struct editor_key_help {
	const char *key;        /* "Ctrl-Left" */
	const char *action;     /* "previous word" */
};
const struct editor_key_help *editor_key_help(void);

#endif
