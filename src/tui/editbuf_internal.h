/* SPDX-License-Identifier: MIT */
/*
 * editbuf_internal.h: what editbuf.c, editbuf_wrap.c and editbuf_undo.c
 * share: the buffer's layout and the helpers one file defines for another.
 * Only those three files include it; everyone else uses editbuf.h.
 */
#ifndef ECQ_EDITBUF_INTERNAL_H
#define ECQ_EDITBUF_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include <unitypes.h>

#include "tui/editbuf.h"

#define EB_TAB 4

enum op_kind { OP_OTHER, OP_TYPE, OP_BACK, OP_DEL };

/* One undo step: bytes [pos, pos + del_len) were replaced by ins. */
struct eb_op {
	size_t pos;
	char *del;
	size_t del_len;
	char *ins;
	size_t ins_len;
	size_t ins_cap;
	size_t cur_before, anchor_before;
	bool sel_before;
	size_t cur_after;
	enum op_kind kind;
};

struct editbuf {
	char *text;
	size_t len, cap;

	size_t cursor, anchor;
	bool has_anchor;        /* a selection from anchor to cursor */
	bool mark;              /* moves extend the selection */
	int goal_col;           /* for vertical moves; -1 none */

	int width, page;
	struct eb_line *lines;
	size_t nlines, lines_cap;

	unsigned long version, clean_version;
	editbuf_listener listener;
	void *listener_data;

	struct eb_op *ops;
	size_t n_ops;           /* ops[0..n_done) applied, [n_done..n_ops) redo */
	size_t n_done;
	size_t ops_cap;
	bool merge_ok;          /* the last op may absorb the next keystroke */
	bool readonly;          /* edits and undo do nothing (a read-only project) */
};

/* ---- clusters (editbuf.c) ---- */

/* True for a character drawn with no width (a combining mark). */
bool eb_zero_width(ucs4_t uc);
/* Terminal columns of one code point: 1 where uc_width cannot tell. */
int eb_cp_width(ucs4_t uc);
/* off clamped to the text and moved back to its cluster's start. */
size_t eb_snap(const struct editbuf *eb, size_t off);
/* The cluster at off: sets *base to its base character, returns the offset
 * after it. */
size_t eb_cluster_next(const struct editbuf *eb, size_t off, ucs4_t *base);

/* ---- text (editbuf.c) ---- */

/* Replaces [pos, pos + del_len) by ins (already sanitised): bumps the
 * version, rewraps, tells the listener. Records no undo step. */
void eb_raw_replace(struct editbuf *eb, size_t pos, size_t del_len, const char *ins,
    size_t ins_len);

/* ---- soft wrap (editbuf_wrap.c) ---- */

/* Wraps the whole text again at eb->width. */
void eb_layout_all(struct editbuf *eb);
/* The text changed: old [pos, pos + old_len) is now [pos, pos + new_len);
 * rewraps only the lines that can have changed. */
void eb_relayout(struct editbuf *eb, size_t pos, size_t old_len, size_t new_len);

/* ---- undo (editbuf_undo.c) ---- */

/* A NUL-terminated copy of s[0..n); never NULL. */
char *eb_dup_bytes(const char *s, size_t n);
/* Applies an edit replacing [pos, pos + del_len) by ins as a new undo step
 * of the given kind (ends the selection and the mark); nothing when the
 * buffer is read-only. */
void eb_edit(struct editbuf *eb, size_t pos, size_t del_len, const char *ins, size_t ins_len,
    enum op_kind kind);
/* Frees every undo step (for editbuf_free). */
void eb_undo_free(struct editbuf *eb);

#endif
