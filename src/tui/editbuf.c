/* SPDX-License-Identifier: MIT */
/*
 * editbuf.c: the editor's curses-free view-model: a contiguous UTF-8 text
 * and its clusters, sanitising input, cursor and selection, movement,
 * editing and the process-wide clipboard. Soft wrap is in editbuf_wrap.c,
 * undo/redo in editbuf_undo.c. See editbuf.h for the contract.
 */
#include "tui/editbuf.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>
#include <unictype.h>
#include <uniwidth.h>

#include "store.h"
#include "tui/editbuf_internal.h"
#include "xalloc.h"

static char *clipboard;
static size_t clipboard_len;

/* ---- UTF-8 and clusters ---- */

static ucs4_t decode(const struct editbuf *eb, size_t off, size_t *next)
{
	unsigned char b = (unsigned char)eb->text[off];
	if (b < 0x80) {
		*next = off + 1;
		return b;
	}
	ucs4_t uc;
	int n = u8_mbtouc(&uc, (const uint8_t *)eb->text + off, eb->len - off);
	*next = off + (size_t)(n > 0 ? n : 1);
	return uc;
}

static size_t prev_cp(const struct editbuf *eb, size_t off, ucs4_t *uc)
{
	const uint8_t *start = (const uint8_t *)eb->text;
	const uint8_t *p = u8_prev(uc, start + off, start);
	if (p == NULL) {        /* cannot happen on sanitised text */
		*uc = (unsigned char)eb->text[off - 1];
		return off - 1;
	}
	return (size_t)(p - start);
}

bool eb_zero_width(ucs4_t uc)
{
	if (uc < 0x300)
		return false;
	return uc_width(uc, "UTF-8") == 0;
}

int eb_cp_width(ucs4_t uc)
{
	if (uc >= 0x20 && uc < 0x7f)
		return 1;
	int w = uc_width(uc, "UTF-8");
	return w < 0 ? 1 : w;
}

static size_t cluster_start(const struct editbuf *eb, size_t b)
{
	while (b > 0 && ((unsigned char)eb->text[b] & 0xC0) == 0x80)
		b--;
	size_t s = b;
	for (;;) {
		size_t nx;
		ucs4_t uc = decode(eb, s, &nx);
		if (!eb_zero_width(uc) || s == 0)
			return s;
		ucs4_t pu;
		size_t p = prev_cp(eb, s, &pu);
		if (pu == '\n' || pu == '\t')
			return s;
		s = p;
	}
}

size_t eb_snap(const struct editbuf *eb, size_t off)
{
	if (off >= eb->len)
		return eb->len;
	return cluster_start(eb, off);
}

/* The cluster at off: its base character and the offset after it. */
size_t eb_cluster_next(const struct editbuf *eb, size_t off, ucs4_t *base)
{
	size_t nx;
	ucs4_t uc = decode(eb, off, &nx);
	*base = uc;
	if (uc == '\n' || uc == '\t')
		return nx;
	while (nx < eb->len && (unsigned char)eb->text[nx] >= 0x80) {
		size_t n2;
		ucs4_t u2 = decode(eb, nx, &n2);
		if (!eb_zero_width(u2))
			break;
		nx = n2;
	}
	return nx;
}

size_t editbuf_next_cluster(const struct editbuf *eb, size_t off)
{
	off = eb_snap(eb, off);
	if (off >= eb->len)
		return eb->len;
	ucs4_t b;
	return eb_cluster_next(eb, off, &b);
}

size_t editbuf_prev_cluster(const struct editbuf *eb, size_t off)
{
	off = eb_snap(eb, off);
	if (off == 0)
		return 0;
	return cluster_start(eb, off - 1);
}

static bool is_apostrophe(ucs4_t uc)
{
	return uc == '\'' || uc == 0x2019;
}

static bool is_word(ucs4_t uc)
{
	if (uc < 0x80)
		return (uc >= 'a' && uc <= 'z') || (uc >= 'A' && uc <= 'Z') ||
		    (uc >= '0' && uc <= '9') || uc == '_';
	return uc_is_alnum(uc);
}

static ucs4_t base_at(const struct editbuf *eb, size_t off)
{
	size_t nx;
	return decode(eb, off, &nx);
}

/* Word character at cluster off, counting an apostrophe between two word
 * characters ("don't", "agency’s") as part of the word. */
static bool word_cluster(const struct editbuf *eb, size_t off)
{
	if (off >= eb->len)
		return false;
	ucs4_t uc = base_at(eb, off);
	if (is_word(uc))
		return true;
	if (!is_apostrophe(uc) || off == 0)
		return false;
	size_t p = editbuf_prev_cluster(eb, off);
	size_t n = editbuf_next_cluster(eb, off);
	return is_word(base_at(eb, p)) && n < eb->len && is_word(base_at(eb, n));
}

bool editbuf_word_at(const struct editbuf *eb, size_t off, size_t *start, size_t *end)
{
	off = eb_snap(eb, off);
	if (!word_cluster(eb, off)) {
		if (off == 0)
			return false;
		off = editbuf_prev_cluster(eb, off);
		if (!word_cluster(eb, off))
			return false;
	}
	size_t s = off, e = off;
	while (s > 0) {
		size_t p = editbuf_prev_cluster(eb, s);
		if (!word_cluster(eb, p))
			break;
		s = p;
	}
	while (e < eb->len && word_cluster(eb, e))
		e = editbuf_next_cluster(eb, e);
	*start = s;
	*end = e;
	return true;
}

/* ---- sanitising ---- */

/* Returns a new buffer with s[0..len) made valid: U+FFFD for invalid bytes,
 * '\r\n' and '\r' to '\n', other C0/C1 controls and DEL dropped. */
static char *sanitize(const char *s, size_t len, size_t *out_len)
{
	char *out = xmalloc(len * 3 / 2 + 4);
	size_t cap = len * 3 / 2 + 4, o = 0, i = 0;
	while (i < len) {
		unsigned char b = (unsigned char)s[i];
		if (o + 8 > cap) {
			cap = cap * 2 + 16;
			out = xrealloc(out, cap);
		}
		if (b < 0x80) {
			i++;
			if (b == '\r') {
				if (i < len && s[i] == '\n')
					i++;
				out[o++] = '\n';
			} else if (b >= 0x20 ? b != 0x7f : (b == '\n' || b == '\t')) {
				out[o++] = (char)b;
			}
			continue;
		}
		ucs4_t uc;
		int n = u8_mbtouc(&uc, (const uint8_t *)s + i, len - i);
		if (n < 1)
			n = 1;
		i += (size_t)n;
		if (uc >= 0x80 && uc < 0xA0)
			continue;
		int w = u8_uctomb((uint8_t *)out + o, uc, 6);
		if (w > 0)
			o += (size_t)w;
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}


/* ---- creation, text, versions ---- */

struct editbuf *editbuf_new(const char *text, size_t len)
{
	struct editbuf *eb = xcalloc(1, sizeof *eb);
	size_t n;
	eb->text = sanitize(text ? text : "", text ? len : 0, &n);
	eb->len = n;
	eb->cap = n + 1;
	eb->width = 80;
	eb->page = 20;
	eb->goal_col = -1;
	eb_layout_all(eb);
	return eb;
}

void editbuf_free(struct editbuf *eb)
{
	if (!eb)
		return;
	eb_undo_free(eb);
	free(eb->lines);
	free(eb->text);
	free(eb);
}

const char *editbuf_text(const struct editbuf *eb)
{
	return eb->text;
}

size_t editbuf_len(const struct editbuf *eb)
{
	return eb->len;
}

unsigned long editbuf_version(const struct editbuf *eb)
{
	return eb->version;
}

bool editbuf_dirty(const struct editbuf *eb)
{
	return eb->version != eb->clean_version;
}

void editbuf_mark_clean(struct editbuf *eb)
{
	eb->clean_version = eb->version;
}

void editbuf_set_listener(struct editbuf *eb, editbuf_listener fn, void *data)
{
	eb->listener = fn;
	eb->listener_data = data;
}

/* Replaces [pos, pos + del_len) by ins (sanitised) in the text. */
void eb_raw_replace(struct editbuf *eb, size_t pos, size_t del_len, const char *ins, size_t ins_len)
{
	size_t newlen = eb->len - del_len + ins_len;
	if (newlen + 1 > eb->cap) {
		eb->cap = newlen + 1 + newlen / 2 + 64;
		eb->text = xrealloc(eb->text, eb->cap);
	}
	memmove(eb->text + pos + ins_len, eb->text + pos + del_len, eb->len - pos - del_len + 1);
	memcpy(eb->text + pos, ins, ins_len);
	eb->len = newlen;
	eb->version++;
	eb_relayout(eb, pos, del_len, ins_len);
	if (eb->listener)
		eb->listener(eb->listener_data, pos, del_len, ins_len);
}

/* ---- selection ---- */

size_t editbuf_cursor(const struct editbuf *eb)
{
	return eb->cursor;
}

bool editbuf_selection(const struct editbuf *eb, size_t *start, size_t *end)
{
	if (!eb->has_anchor || eb->anchor == eb->cursor)
		return false;
	*start = eb->anchor < eb->cursor ? eb->anchor : eb->cursor;
	*end = eb->anchor < eb->cursor ? eb->cursor : eb->anchor;
	return true;
}

static void move_to(struct editbuf *eb, size_t off, bool extend)
{
	if (extend || eb->mark) {
		if (!eb->has_anchor) {
			eb->anchor = eb->cursor;
			eb->has_anchor = true;
		}
	} else {
		eb->has_anchor = false;
	}
	eb->cursor = off;
	eb->merge_ok = false;
}

void editbuf_set_cursor(struct editbuf *eb, size_t off, bool extend)
{
	move_to(eb, eb_snap(eb, off), extend);
	eb->goal_col = -1;
}

void editbuf_toggle_mark(struct editbuf *eb)
{
	if (eb->mark || eb->has_anchor) {
		eb->mark = false;
		eb->has_anchor = false;
		return;
	}
	eb->mark = true;
	eb->anchor = eb->cursor;
	eb->has_anchor = true;
}

bool editbuf_mark_active(const struct editbuf *eb)
{
	return eb->mark;
}

void editbuf_select_all(struct editbuf *eb)
{
	eb->anchor = 0;
	eb->has_anchor = true;
	eb->cursor = eb->len;
	eb->goal_col = -1;
	eb->merge_ok = false;
}

void editbuf_clear_selection(struct editbuf *eb)
{
	eb->has_anchor = false;
	eb->mark = false;
}

/* ---- movement ---- */

static size_t word_left(const struct editbuf *eb, size_t off)
{
	while (off > 0 && !word_cluster(eb, editbuf_prev_cluster(eb, off)))
		off = editbuf_prev_cluster(eb, off);
	while (off > 0 && word_cluster(eb, editbuf_prev_cluster(eb, off)))
		off = editbuf_prev_cluster(eb, off);
	return off;
}

static size_t word_right(const struct editbuf *eb, size_t off)
{
	while (off < eb->len && !word_cluster(eb, off))
		off = editbuf_next_cluster(eb, off);
	while (off < eb->len && word_cluster(eb, off))
		off = editbuf_next_cluster(eb, off);
	return off;
}

static size_t para_start(const struct editbuf *eb, size_t off)
{
	while (off > 0 && eb->text[off - 1] != '\n')
		off--;
	return off;
}

static size_t vertical(struct editbuf *eb, long delta)
{
	size_t line;
	int col;
	editbuf_pos(eb, eb->cursor, &line, &col);
	if (eb->goal_col < 0)
		eb->goal_col = col;
	long target = (long)line + delta;
	if (target < 0)
		return 0;
	if ((size_t)target >= eb->nlines)
		return eb->len;
	return editbuf_offset_at(eb, (size_t)target, eb->goal_col);
}

void editbuf_move(struct editbuf *eb, enum eb_move how, bool extend)
{
	size_t off = eb->cursor, line;
	int col, goal = -1;
	switch (how) {
	case EB_CHAR_LEFT:
		off = editbuf_prev_cluster(eb, off);
		break;
	case EB_CHAR_RIGHT:
		off = editbuf_next_cluster(eb, off);
		break;
	case EB_WORD_LEFT:
		off = word_left(eb, off);
		break;
	case EB_WORD_RIGHT:
		off = word_right(eb, off);
		break;
	case EB_LINE_UP:
	case EB_LINE_DOWN:
	case EB_PAGE_UP:
	case EB_PAGE_DOWN: {
		long n = (how == EB_LINE_UP || how == EB_LINE_DOWN) ? 1 : (eb->page > 1 ? eb->page - 1 : 1);
		if (how == EB_LINE_UP || how == EB_PAGE_UP)
			n = -n;
		off = vertical(eb, n);
		goal = eb->goal_col;
		break;
	}
	case EB_LINE_START:
		editbuf_pos(eb, off, &line, &col);
		if (off == eb->lines[line].start)
			off = para_start(eb, off);
		else
			off = eb->lines[line].start;
		break;
	case EB_LINE_END:
		editbuf_pos(eb, off, &line, &col);
		off = editbuf_offset_at(eb, line, INT_MAX);
		break;
	case EB_PARA_UP: {
		size_t ps = para_start(eb, off);
		if (ps == off && off > 0)
			ps = para_start(eb, off - 1);
		off = ps;
		break;
	}
	case EB_PARA_DOWN: {
		const char *nl = memchr(eb->text + off, '\n', eb->len - off);
		off = nl ? (size_t)(nl - eb->text) + 1 : eb->len;
		break;
	}
	case EB_BUF_START:
		off = 0;
		break;
	case EB_BUF_END:
		off = eb->len;
		break;
	}
	move_to(eb, off, extend);
	eb->goal_col = goal;
}

/* ---- editing ---- */

static bool take_selection(const struct editbuf *eb, size_t *pos, size_t *del)
{
	size_t s, e;
	if (editbuf_selection(eb, &s, &e)) {
		*pos = s;
		*del = e - s;
		return true;
	}
	*pos = eb->cursor;
	*del = 0;
	return false;
}

static bool ends_with_space(const char *s, size_t n)
{
	return n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n');
}

/* True when replacing del bytes by ins would make the text longer than the
 * store saves: the editor never holds a text that cannot be saved. */
static bool too_long(const struct editbuf *eb, size_t del, size_t ins)
{
	return ins > del && eb->len - del + ins > STORE_MAX_TEXT;
}

/* True when an edit replacing del bytes by ins may go ahead. */
static bool may_edit(const struct editbuf *eb, size_t del, size_t ins)
{
	return !eb->readonly && !too_long(eb, del, ins);
}

bool editbuf_insert(struct editbuf *eb, const char *s, size_t len)
{
	size_t n;
	char *clean = sanitize(s, len, &n);
	size_t pos, del;
	take_selection(eb, &pos, &del);
	bool sel = del > 0;
	if (n == 0 || !may_edit(eb, del, n)) { /* only control characters, or refused */
		free(clean);
		return false;
	}
	struct eb_op *last = eb->n_done ? &eb->ops[eb->n_done - 1] : NULL;
	bool word_start = n > 0 && !(clean[0] == ' ' || clean[0] == '\t' || clean[0] == '\n');
	if (!sel && eb->merge_ok && last && eb->n_done == eb->n_ops && last->kind == OP_TYPE &&
	    last->pos + last->ins_len == pos &&
	    !(word_start && ends_with_space(last->ins, last->ins_len))) {
		if (last->ins_len + n + 1 > last->ins_cap) {
			last->ins_cap = (last->ins_len + n + 1) * 2;
			last->ins = xrealloc(last->ins, last->ins_cap);
		}
		memcpy(last->ins + last->ins_len, clean, n);
		last->ins_len += n;
		last->ins[last->ins_len] = '\0';
		eb_raw_replace(eb, pos, 0, clean, n);
		eb->cursor = pos + n;
		last->cur_after = eb->cursor;
		eb->goal_col = -1;
	} else {
		eb_edit(eb, pos, del, clean, n, OP_TYPE);
	}
	free(clean);
	return true;
}

bool editbuf_paste_text(struct editbuf *eb, const char *s, size_t len)
{
	size_t n;
	char *clean = sanitize(s, len, &n);
	size_t pos, del;
	bool sel = take_selection(eb, &pos, &del);
	bool ok = (n > 0 || sel) && may_edit(eb, del, n);
	if (ok)
		eb_edit(eb, pos, del, clean, n, OP_OTHER);
	free(clean);
	return ok;
}

void editbuf_set_text(struct editbuf *eb, const char *text, size_t len)
{
	size_t n;
	char *clean = sanitize(text ? text : "", text ? len : 0, &n);
	eb_edit(eb, 0, eb->len, clean, n, OP_OTHER);
	eb->cursor = 0;
	free(clean);
}

bool editbuf_replace(struct editbuf *eb, size_t off, size_t len, const char *s, size_t slen)
{
	if (off > eb->len)
		off = eb->len;
	if (len > eb->len - off)
		len = eb->len - off;
	size_t a = eb_snap(eb, off);
	size_t b = off + len >= eb->len ? eb->len : eb_snap(eb, off + len);
	size_t n;
	char *clean = sanitize(s, slen, &n);
	bool ok = may_edit(eb, b - a, n);
	if (ok)
		eb_edit(eb, a, b - a, clean, n, OP_OTHER);
	free(clean);
	return ok;
}

/* Deletes [a, b): merged with the previous deletion of the same kind. */
static bool delete_range(struct editbuf *eb, size_t a, size_t b, enum op_kind kind)
{
	if (a >= b)
		return false;
	struct eb_op *last = eb->n_done ? &eb->ops[eb->n_done - 1] : NULL;
	bool merge = eb->merge_ok && last && eb->n_done == eb->n_ops && last->kind == kind &&
	    last->ins_len == 0 &&
	    ((kind == OP_BACK && last->pos == b) || (kind == OP_DEL && last->pos == a));
	if (!merge) {
		eb_edit(eb, a, b - a, "", 0, kind);
		return true;
	}
	size_t n = b - a;
	char *d = xmalloc(last->del_len + n + 1);
	if (kind == OP_BACK) {
		memcpy(d, eb->text + a, n);
		memcpy(d + n, last->del, last->del_len);
		last->pos = a;
	} else {
		memcpy(d, last->del, last->del_len);
		memcpy(d + last->del_len, eb->text + a, n);
	}
	d[last->del_len + n] = '\0';
	free(last->del);
	last->del = d;
	last->del_len += n;
	eb_raw_replace(eb, a, n, "", 0);
	eb->cursor = a;
	last->cur_after = a;
	eb->goal_col = -1;
	return true;
}

static bool delete_selection(struct editbuf *eb)
{
	size_t s, e;
	if (!editbuf_selection(eb, &s, &e))
		return false;
	eb_edit(eb, s, e - s, "", 0, OP_OTHER);
	return true;
}

bool editbuf_backspace(struct editbuf *eb)
{
	if (delete_selection(eb))
		return true;
	eb->has_anchor = eb->mark = false;
	return delete_range(eb, editbuf_prev_cluster(eb, eb->cursor), eb->cursor, OP_BACK);
}

bool editbuf_delete(struct editbuf *eb)
{
	if (delete_selection(eb))
		return true;
	eb->has_anchor = eb->mark = false;
	return delete_range(eb, eb->cursor, editbuf_next_cluster(eb, eb->cursor), OP_DEL);
}

bool editbuf_delete_word_back(struct editbuf *eb)
{
	if (delete_selection(eb))
		return true;
	eb->has_anchor = eb->mark = false;
	eb->merge_ok = false;
	return delete_range(eb, word_left(eb, eb->cursor), eb->cursor, OP_BACK);
}

bool editbuf_delete_word_forward(struct editbuf *eb)
{
	if (delete_selection(eb))
		return true;
	eb->has_anchor = eb->mark = false;
	eb->merge_ok = false;
	return delete_range(eb, eb->cursor, word_right(eb, eb->cursor), OP_DEL);
}

/* ---- clipboard ---- */

/* Puts a copy of the selection [*s, *e) on the clipboard; false when
 * there is no selection (the clipboard is then left alone). */
static bool clip_selection(const struct editbuf *eb, size_t *s, size_t *e)
{
	if (!editbuf_selection(eb, s, e))
		return false;
	free(clipboard);
	clipboard = eb_dup_bytes(eb->text + *s, *e - *s);
	clipboard_len = *e - *s;
	return true;
}

bool editbuf_copy(struct editbuf *eb)
{
	size_t s, e;
	if (!clip_selection(eb, &s, &e))
		return false;
	eb->has_anchor = false;
	eb->mark = false;
	return true;
}

bool editbuf_cut(struct editbuf *eb)
{
	size_t s, e;
	if (!clip_selection(eb, &s, &e))
		return false;
	eb_edit(eb, s, e - s, "", 0, OP_OTHER);
	return true;
}

bool editbuf_paste(struct editbuf *eb)
{
	if (!clipboard || clipboard_len == 0)
		return false;
	return editbuf_paste_text(eb, clipboard, clipboard_len);
}

const char *editbuf_clipboard(void)
{
	return clipboard;
}

void editbuf_clipboard_free(void)
{
	free(clipboard);
	clipboard = NULL;
	clipboard_len = 0;
}
