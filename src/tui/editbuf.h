/* SPDX-License-Identifier: MIT */
/*
 * editbuf.h: the text editor's view-model, free of curses. It holds one
 * field's UTF-8 text, the cursor and selection, soft word wrap into visual
 * lines, undo/redo for the whole session of the field and the clipboard.
 * The curses widget (editor.h) draws it; unit tests drive it directly.
 *
 * Invariants: the stored text is always valid UTF-8 without control
 * characters other than '\n' and '\t' (input is sanitised: invalid bytes
 * become U+FFFD, "\r\n" and lone '\r' become '\n', other controls are
 * dropped). Every offset the API returns lies on a cluster boundary
 * (a spacing character plus the zero-width characters that follow it, such
 * as combining accents); offsets passed in are snapped back to one.
 */
#ifndef ECQ_EDITBUF_H
#define ECQ_EDITBUF_H

#include <stdbool.h>
#include <stddef.h>

struct editbuf;

/* One visual (wrapped) line: bytes [start, end) of the text. end excludes
 * the '\n' of a hard line; for a soft-wrapped line end == next line's start
 * and the line may end in spaces that hang past the width. */
struct eb_line {
	size_t start;
	size_t end;
	bool soft;              /* wrapped, not ended by '\n' or the text's end */
};

enum eb_move {
	EB_CHAR_LEFT, EB_CHAR_RIGHT,     /* one cluster */
	EB_WORD_LEFT, EB_WORD_RIGHT,     /* start of this/previous word, end of this/next word */
	EB_LINE_UP, EB_LINE_DOWN,        /* one visual line, keeping the goal column */
	EB_LINE_START, EB_LINE_END,      /* of the visual line; again at start: hard line start */
	EB_PARA_UP, EB_PARA_DOWN,        /* start of this/previous paragraph, start of next */
	EB_PAGE_UP, EB_PAGE_DOWN,        /* page - 1 visual lines (see editbuf_set_layout) */
	EB_BUF_START, EB_BUF_END
};

/* Creates a buffer holding a sanitised copy of text[0..len) (text may be NULL
 * when len is 0), cursor at the start, layout width 80, page 20, no undo
 * history, version 0 and clean. Never returns NULL. */
struct editbuf *editbuf_new(const char *text, size_t len);
void editbuf_free(struct editbuf *eb);

/* The text, NUL-terminated, valid until the next change. */
const char *editbuf_text(const struct editbuf *eb);
size_t editbuf_len(const struct editbuf *eb);
/* (Word counts: text_count_words(editbuf_text(eb), editbuf_len(eb)).) */

/* Replaces the whole text as one undoable step; cursor to the start. */
void editbuf_set_text(struct editbuf *eb, const char *text, size_t len);

/* Change tracking. The version grows by at least one on every change of the
 * text (edits, undo, redo), never otherwise; use it to re-check and to key
 * cached findings. dirty is true when the version differs from the one at
 * the last editbuf_mark_clean (call it after saving). */
unsigned long editbuf_version(const struct editbuf *eb);
bool editbuf_dirty(const struct editbuf *eb);
void editbuf_mark_clean(struct editbuf *eb);

/* Called after every change of the text with the replaced byte range in the
 * old text [pos, pos + old_len) and its new length: the widget uses it to
 * shift highlight spans. One listener; fn NULL removes it. */
typedef void (*editbuf_listener)(void *data, size_t pos, size_t old_len, size_t new_len);
void editbuf_set_listener(struct editbuf *eb, editbuf_listener fn, void *data);

/* ---- cursor and selection ---- */

size_t editbuf_cursor(const struct editbuf *eb);
/* Moves the cursor to off (clamped, snapped to a cluster start). extend
 * keeps or starts a selection from the old cursor; otherwise the selection
 * ends. Breaks the undo group. */
void editbuf_set_cursor(struct editbuf *eb, size_t off, bool extend);
void editbuf_move(struct editbuf *eb, enum eb_move how, bool extend);
/* True when a non-empty selection exists; *start < *end then. */
bool editbuf_selection(const struct editbuf *eb, size_t *start, size_t *end);
/* The mark: starts a selection at the cursor that later moves extend
 * (emacs-style, for terminals that do not report shifted keys). Setting it
 * while one is active clears it. */
void editbuf_toggle_mark(struct editbuf *eb);
bool editbuf_mark_active(const struct editbuf *eb);
void editbuf_select_all(struct editbuf *eb);
void editbuf_clear_selection(struct editbuf *eb);

/* ---- editing (every function replaces the selection when one exists) ---- */

/* Typing, pasting and replacing never make the text longer than the store
 * saves (STORE_MAX_TEXT bytes): such an edit is refused whole, changes
 * nothing and returns false, as does any edit of a read-only buffer.
 * (editbuf_new and editbuf_set_text keep any text they are given.) */

/* Typed text (usually one character): sanitised, grouped for undo so that
 * a word and the spaces after it are one step. False when nothing was
 * typed (only control characters) or the text would grow too long. */
bool editbuf_insert(struct editbuf *eb, const char *s, size_t len);
/* Pasted text: sanitised, always exactly one undo step however large.
 * False when nothing changed or the text would grow too long. */
bool editbuf_paste_text(struct editbuf *eb, const char *s, size_t len);
/* Replaces bytes [off, off + len) by s as one undo step (accepting a
 * spelling suggestion); cursor after the new text. Offsets are clamped.
 * False when the text would grow too long. */
bool editbuf_replace(struct editbuf *eb, size_t off, size_t len, const char *s, size_t slen);
/* Deletes the selection, else the cluster before/after the cursor. Runs of
 * deletions group for undo. Return false when nothing changed. */
bool editbuf_backspace(struct editbuf *eb);
bool editbuf_delete(struct editbuf *eb);
/* Deletes to the start of the previous word / end of the next word. */
bool editbuf_delete_word_back(struct editbuf *eb);
bool editbuf_delete_word_forward(struct editbuf *eb);

/* Clipboard: one per process, shared by every buffer (cut in the Action
 * field, paste in the Result field). Cut and copy need a selection and
 * return false without one; paste returns false when the clipboard is
 * empty or the text would grow too long. */
bool editbuf_cut(struct editbuf *eb);
bool editbuf_copy(struct editbuf *eb);
bool editbuf_paste(struct editbuf *eb);
/* The clipboard's contents (NULL when empty), and freeing it at exit. */
const char *editbuf_clipboard(void);
void editbuf_clipboard_free(void);

/* ---- undo ---- */

/* Undo/redo one step, restoring the cursor and selection of that moment.
 * Return false when there is nothing to undo/redo. A new edit after an
 * undo drops the redo steps. */
/* A read-only buffer ignores every edit, undo and redo (the project is
 * open read-only: text typed there could never be saved). */
void editbuf_set_readonly(struct editbuf *eb, bool on);
bool editbuf_readonly(const struct editbuf *eb);
bool editbuf_undo(struct editbuf *eb);
bool editbuf_redo(struct editbuf *eb);
bool editbuf_can_undo(const struct editbuf *eb);
bool editbuf_can_redo(const struct editbuf *eb);
/* Ends the current typing group (the widget calls it on focus changes). */
void editbuf_break_undo(struct editbuf *eb);

/* ---- layout ---- */

/* Sets the wrap width in columns (>= 1) and the page height in visual
 * lines (>= 1) used by EB_PAGE_UP/DOWN. Cheap when unchanged; rewraps
 * otherwise. A tab advances to the next multiple of 4 columns. */
void editbuf_set_layout(struct editbuf *eb, int width, int page);
int editbuf_width(const struct editbuf *eb);
/* Number of visual lines (at least 1, even for an empty text). */
size_t editbuf_nlines(const struct editbuf *eb);
/* Visual line i (< editbuf_nlines). */
struct eb_line editbuf_line(const struct editbuf *eb, size_t i);
/* Display width in columns of text [start, end) laid out from column 0 of
 * a visual line (tabs expand). */
int editbuf_span_width(const struct editbuf *eb, size_t start, size_t end);

/* Byte offset -> visual line and column. An offset at a soft wrap belongs
 * to the next line. The column may equal the width (cursor after a full
 * line or before hanging spaces); the widget draws it in the last column. */
void editbuf_pos(const struct editbuf *eb, size_t off, size_t *line, int *col);
/* Visual line and column -> the offset of the cluster drawn there (for a
 * mouse click or vertical moves). A column inside a wide character gives
 * that character; past the end of the line gives the line's end (the last
 * cluster's start on a soft line, so the offset stays on that line). Lines
 * past the end clamp to the last. */
size_t editbuf_offset_at(const struct editbuf *eb, size_t line, int col);

/* Cluster helpers for the widget and the checker glue: the start of the
 * cluster after/before off (len / 0 at the ends), and the word (run of
 * letters, digits and inner apostrophes) containing or just before off. */
size_t editbuf_next_cluster(const struct editbuf *eb, size_t off);
size_t editbuf_prev_cluster(const struct editbuf *eb, size_t off);
bool editbuf_word_at(const struct editbuf *eb, size_t off, size_t *start, size_t *end);

#endif
