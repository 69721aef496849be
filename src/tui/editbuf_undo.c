/* SPDX-License-Identifier: MIT */
/*
 * editbuf_undo.c: the editor view-model's undo history: every edit recorded
 * as a step (grouping of typing and deleting is decided by the editing code
 * in editbuf.c), undo, redo and the read-only switch. No curses.
 */
#include "tui/editbuf.h"

#include <stdlib.h>
#include <string.h>

#include "tui/editbuf_internal.h"
#include "xalloc.h"

static void free_op(struct eb_op *op)
{
	free(op->del);
	free(op->ins);
}

void eb_undo_free(struct editbuf *eb)
{
	for (size_t i = 0; i < eb->n_ops; i++)
		free_op(&eb->ops[i]);
	free(eb->ops);
}

static struct eb_op *new_op(struct editbuf *eb, enum op_kind kind)
{
	for (size_t i = eb->n_done; i < eb->n_ops; i++)
		free_op(&eb->ops[i]);
	eb->n_ops = eb->n_done;
	if (eb->n_ops == eb->ops_cap) {
		eb->ops_cap = eb->ops_cap ? eb->ops_cap * 2 : 32;
		eb->ops = xreallocarray(eb->ops, eb->ops_cap, sizeof *eb->ops);
	}
	struct eb_op *op = &eb->ops[eb->n_ops++];
	eb->n_done = eb->n_ops;
	memset(op, 0, sizeof *op);
	op->kind = kind;
	op->cur_before = eb->cursor;
	op->anchor_before = eb->anchor;
	op->sel_before = eb->has_anchor;
	return op;
}

char *eb_dup_bytes(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

/* Applies a new edit recorded as its own undo step (or merged by caller). */
void eb_edit(struct editbuf *eb, size_t pos, size_t del_len, const char *ins, size_t ins_len,
    enum op_kind kind)
{
	if (eb->readonly)
		return;
	struct eb_op *op = new_op(eb, kind);
	op->pos = pos;
	op->del = eb_dup_bytes(eb->text + pos, del_len);
	op->del_len = del_len;
	op->ins = eb_dup_bytes(ins, ins_len);
	op->ins_len = ins_len;
	op->ins_cap = ins_len + 1;
	eb_raw_replace(eb, pos, del_len, ins, ins_len);
	eb->cursor = pos + ins_len;
	op->cur_after = eb->cursor;
	eb->has_anchor = false;
	eb->mark = false;
	eb->goal_col = -1;
	eb->merge_ok = kind != OP_OTHER;
}

void editbuf_set_readonly(struct editbuf *eb, bool on)
{
	eb->readonly = on;
}

bool editbuf_readonly(const struct editbuf *eb)
{
	return eb->readonly;
}

bool editbuf_undo(struct editbuf *eb)
{
	if (eb->readonly || eb->n_done == 0)
		return false;
	struct eb_op *op = &eb->ops[--eb->n_done];
	eb_raw_replace(eb, op->pos, op->ins_len, op->del, op->del_len);
	eb->cursor = op->cur_before;
	eb->anchor = op->anchor_before;
	eb->has_anchor = op->sel_before;
	eb->mark = false;
	eb->goal_col = -1;
	eb->merge_ok = false;
	return true;
}

bool editbuf_redo(struct editbuf *eb)
{
	if (eb->readonly)
		return false;
	if (eb->n_done == eb->n_ops)
		return false;
	struct eb_op *op = &eb->ops[eb->n_done++];
	eb_raw_replace(eb, op->pos, op->del_len, op->ins, op->ins_len);
	eb->cursor = op->cur_after;
	eb->has_anchor = false;
	eb->mark = false;
	eb->goal_col = -1;
	eb->merge_ok = false;
	return true;
}

bool editbuf_can_undo(const struct editbuf *eb)
{
	return eb->n_done > 0;
}

bool editbuf_can_redo(const struct editbuf *eb)
{
	return eb->n_done < eb->n_ops;
}

void editbuf_break_undo(struct editbuf *eb)
{
	eb->merge_ok = false;
}
