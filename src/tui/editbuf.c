/* SPDX-License-Identifier: MIT */
/*
 * editbuf.c: the editor's curses-free view-model: a contiguous UTF-8 text,
 * cursor and selection, incremental soft wrap by paragraph, undo/redo with
 * grouping, and the process-wide clipboard. See editbuf.h for the contract.
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
#include "xalloc.h"

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

static bool zero_width(ucs4_t uc)
{
	if (uc < 0x300)
		return false;
	return uc_width(uc, "UTF-8") == 0;
}

static int cp_width(ucs4_t uc)
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
		if (!zero_width(uc) || s == 0)
			return s;
		ucs4_t pu;
		size_t p = prev_cp(eb, s, &pu);
		if (pu == '\n' || pu == '\t')
			return s;
		s = p;
	}
}

static size_t snap(const struct editbuf *eb, size_t off)
{
	if (off >= eb->len)
		return eb->len;
	return cluster_start(eb, off);
}

/* The cluster at off: its base character and the offset after it. */
static size_t cluster_next(const struct editbuf *eb, size_t off, ucs4_t *base)
{
	size_t nx;
	ucs4_t uc = decode(eb, off, &nx);
	*base = uc;
	if (uc == '\n' || uc == '\t')
		return nx;
	while (nx < eb->len && (unsigned char)eb->text[nx] >= 0x80) {
		size_t n2;
		ucs4_t u2 = decode(eb, nx, &n2);
		if (!zero_width(u2))
			break;
		nx = n2;
	}
	return nx;
}

size_t editbuf_next_cluster(const struct editbuf *eb, size_t off)
{
	off = snap(eb, off);
	if (off >= eb->len)
		return eb->len;
	ucs4_t b;
	return cluster_next(eb, off, &b);
}

size_t editbuf_prev_cluster(const struct editbuf *eb, size_t off)
{
	off = snap(eb, off);
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
	off = snap(eb, off);
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

/* ---- layout ---- */

struct line_vec {
	struct eb_line *v;
	size_t n, cap;
};

static void lv_push(struct line_vec *lv, size_t start, size_t end, bool soft)
{
	if (lv->n == lv->cap) {
		lv->cap = lv->cap ? lv->cap * 2 : 16;
		lv->v = xreallocarray(lv->v, lv->cap, sizeof *lv->v);
	}
	lv->v[lv->n++] = (struct eb_line){ start, end, soft };
}

static int cluster_width(ucs4_t base, int col)
{
	if (base == '\t')
		return EB_TAB - col % EB_TAB;
	if (zero_width(base))
		return 1;       /* an orphan mark after a line start: drawn on a space */
	return cp_width(base);
}

/* Where an incremental rewrap may stop: once a new soft line starts after
 * the edited bytes at the same place (shifted) as an old line, every line
 * from there on is the same as before. */
struct converge {
	size_t after;           /* new offsets past this may converge */
	size_t old_len, new_len;
	size_t found;           /* index of the matching old line, or SIZE_MAX */
};

static size_t line_of(const struct editbuf *eb, size_t off);

static bool converged(const struct editbuf *eb, struct converge *cv, size_t start)
{
	if (!cv || start <= cv->after)
		return false;
	size_t old = start - cv->new_len + cv->old_len;
	size_t j = line_of(eb, old);
	if (eb->lines[j].start != old || j == 0 || !eb->lines[j - 1].soft)
		return false;
	cv->found = j;
	return true;
}

/* Wraps the paragraph [ps, pe) (no '\n' inside) into lv, starting from a
 * line start. Returns false when it stopped early at convergence. */
static bool wrap_para(const struct editbuf *eb, size_t ps, size_t pe, struct line_vec *lv,
    struct converge *cv)
{
	size_t line_start = ps, off = ps;
	size_t brk = SIZE_MAX;
	int col = 0, brk_col = 0;
	bool brk_pending = false;
	int width = eb->width;
	while (off < pe) {
		ucs4_t base;
		size_t nx;
		unsigned char b = (unsigned char)eb->text[off];
		if (b >= 0x21 && b < 0x7f) {
			base = b;
			nx = off + 1;
			if (nx < pe && (unsigned char)eb->text[nx] >= 0x80)
				nx = cluster_next(eb, off, &base);
		} else {
			nx = cluster_next(eb, off, &base);
		}
		int w = cluster_width(base, col);
		if (base == ' ' || base == '\t' || base == 0x3000) {
			col += w;       /* spaces hang past the width */
			off = nx;
			brk_pending = true;
			continue;
		}
		if (brk_pending) {
			brk = off;
			brk_col = col;
			brk_pending = false;
		}
		if (col + w > width && off > line_start) {
			if (brk != SIZE_MAX && brk > line_start) {
				lv_push(lv, line_start, brk, true);
				line_start = brk;
				col -= brk_col;
			} else {
				lv_push(lv, line_start, off, true);
				line_start = off;
				col = 0;
			}
			brk = SIZE_MAX;
			if (converged(eb, cv, line_start))
				return false;
			continue;
		}
		col += w;
		off = nx;
		if (base == '-' || base == 0x2013 || base == 0x2014 || base == '/')
			brk_pending = true;
	}
	lv_push(lv, line_start, pe, false);
	return true;
}

/* Wraps every paragraph in [ps, pe], where ps starts a line and pe is the
 * end of a paragraph (a '\n' or the text's end). Returns false when it
 * stopped early at convergence (only checked in the last paragraph). */
static bool wrap_range(const struct editbuf *eb, size_t ps, size_t pe, struct line_vec *lv,
    struct converge *cv)
{
	for (;;) {
		const char *nl = memchr(eb->text + ps, '\n', pe - ps);
		size_t e = nl ? (size_t)(nl - eb->text) : pe;
		if (!wrap_para(eb, ps, e, lv, nl ? NULL : cv))
			return false;
		if (!nl)
			return true;
		ps = e + 1;
	}
}

static void set_lines(struct editbuf *eb, size_t first, size_t last, struct line_vec *lv)
{
	size_t tail = eb->nlines - last;
	size_t need = first + lv->n + tail;
	if (need > eb->lines_cap) {
		eb->lines_cap = need + need / 2 + 16;
		eb->lines = xreallocarray(eb->lines, eb->lines_cap, sizeof *eb->lines);
	}
	memmove(eb->lines + first + lv->n, eb->lines + last, tail * sizeof *eb->lines);
	memcpy(eb->lines + first, lv->v, lv->n * sizeof *eb->lines);
	eb->nlines = need;
}

static void layout_all(struct editbuf *eb)
{
	struct line_vec lv = { 0 };
	wrap_range(eb, 0, eb->len, &lv, NULL);
	eb->nlines = 0;
	set_lines(eb, 0, 0, &lv);
	free(lv.v);
}

/* Index of the last line whose start is <= off. */
static size_t line_of(const struct editbuf *eb, size_t off)
{
	size_t lo = 0, hi = eb->nlines;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (eb->lines[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The text changed: old [pos, pos + old_len) is now [pos, pos + new_len).
 * Rewraps from the visual line before the one holding pos (an edit can pull
 * a word back onto it; lines before that cannot change) to where the new
 * lines meet the old ones again, or to the end of the edited paragraph. */
static void relayout(struct editbuf *eb, size_t pos, size_t old_len, size_t new_len)
{
	size_t first = line_of(eb, pos);
	if (first > 0 && eb->lines[first - 1].soft)
		first--;
	size_t rs = eb->lines[first].start;
	const char *nl = memchr(eb->text + pos + new_len, '\n', eb->len - pos - new_len);
	size_t pe_new = nl ? (size_t)(nl - eb->text) : eb->len;
	size_t pe_old = pe_new - new_len + old_len;
	struct converge cv = { pos + new_len, old_len, new_len, SIZE_MAX };
	struct line_vec lv = { 0 };
	size_t last;
	if (wrap_range(eb, rs, pe_new, &lv, &cv)) {
		last = first;
		while (last < eb->nlines && eb->lines[last].start <= pe_old)
			last++;
	} else {
		last = cv.found;
	}
	set_lines(eb, first, last, &lv);
	free(lv.v);
	for (size_t i = first + lv.n; i < eb->nlines; i++) {
		eb->lines[i].start = eb->lines[i].start - old_len + new_len;
		eb->lines[i].end = eb->lines[i].end - old_len + new_len;
	}
}

void editbuf_set_layout(struct editbuf *eb, int width, int page)
{
	if (width < 1)
		width = 1;
	if (page < 1)
		page = 1;
	eb->page = page;
	if (width != eb->width) {
		eb->width = width;
		layout_all(eb);
	}
}

int editbuf_width(const struct editbuf *eb)
{
	return eb->width;
}

size_t editbuf_nlines(const struct editbuf *eb)
{
	return eb->nlines;
}

struct eb_line editbuf_line(const struct editbuf *eb, size_t i)
{
	if (i >= eb->nlines)
		i = eb->nlines - 1;
	return eb->lines[i];
}

int editbuf_span_width(const struct editbuf *eb, size_t start, size_t end)
{
	int col = 0;
	size_t off = snap(eb, start);
	if (end > eb->len)
		end = eb->len;
	while (off < end) {
		ucs4_t base;
		size_t nx = cluster_next(eb, off, &base);
		if (base == '\n')
			break;
		col += cluster_width(base, col);
		off = nx;
	}
	return col;
}

void editbuf_pos(const struct editbuf *eb, size_t off, size_t *line, int *col)
{
	off = snap(eb, off);
	size_t l = line_of(eb, off);
	*line = l;
	*col = editbuf_span_width(eb, eb->lines[l].start, off);
}

size_t editbuf_offset_at(const struct editbuf *eb, size_t line, int col)
{
	if (line >= eb->nlines)
		line = eb->nlines - 1;
	struct eb_line ln = eb->lines[line];
	size_t off = ln.start, last = ln.start;
	int c = 0;
	while (off < ln.end) {
		ucs4_t base;
		size_t nx = cluster_next(eb, off, &base);
		int w = cluster_width(base, c);
		if (col < c + w)
			return off;
		c += w;
		last = off;
		off = nx;
	}
	if (ln.soft && ln.end > ln.start)
		return last;
	return ln.end;
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
	layout_all(eb);
	return eb;
}

static void free_op(struct eb_op *op)
{
	free(op->del);
	free(op->ins);
}

void editbuf_free(struct editbuf *eb)
{
	if (!eb)
		return;
	for (size_t i = 0; i < eb->n_ops; i++)
		free_op(&eb->ops[i]);
	free(eb->ops);
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
static void raw_replace(struct editbuf *eb, size_t pos, size_t del_len, const char *ins, size_t ins_len)
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
	relayout(eb, pos, del_len, ins_len);
	if (eb->listener)
		eb->listener(eb->listener_data, pos, del_len, ins_len);
}

/* ---- undo ---- */

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

static char *dup_bytes(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

/* Applies a new edit recorded as its own undo step (or merged by caller). */
static void edit(struct editbuf *eb, size_t pos, size_t del_len, const char *ins, size_t ins_len,
    enum op_kind kind)
{
	if (eb->readonly)
		return;
	struct eb_op *op = new_op(eb, kind);
	op->pos = pos;
	op->del = dup_bytes(eb->text + pos, del_len);
	op->del_len = del_len;
	op->ins = dup_bytes(ins, ins_len);
	op->ins_len = ins_len;
	op->ins_cap = ins_len + 1;
	raw_replace(eb, pos, del_len, ins, ins_len);
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
	raw_replace(eb, op->pos, op->ins_len, op->del, op->del_len);
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
	raw_replace(eb, op->pos, op->del_len, op->ins, op->ins_len);
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
	move_to(eb, snap(eb, off), extend);
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
		raw_replace(eb, pos, 0, clean, n);
		eb->cursor = pos + n;
		last->cur_after = eb->cursor;
		eb->goal_col = -1;
	} else {
		edit(eb, pos, del, clean, n, OP_TYPE);
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
		edit(eb, pos, del, clean, n, OP_OTHER);
	free(clean);
	return ok;
}

void editbuf_set_text(struct editbuf *eb, const char *text, size_t len)
{
	size_t n;
	char *clean = sanitize(text ? text : "", text ? len : 0, &n);
	edit(eb, 0, eb->len, clean, n, OP_OTHER);
	eb->cursor = 0;
	free(clean);
}

bool editbuf_replace(struct editbuf *eb, size_t off, size_t len, const char *s, size_t slen)
{
	if (off > eb->len)
		off = eb->len;
	if (len > eb->len - off)
		len = eb->len - off;
	size_t a = snap(eb, off);
	size_t b = off + len >= eb->len ? eb->len : snap(eb, off + len);
	size_t n;
	char *clean = sanitize(s, slen, &n);
	bool ok = may_edit(eb, b - a, n);
	if (ok)
		edit(eb, a, b - a, clean, n, OP_OTHER);
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
		edit(eb, a, b - a, "", 0, kind);
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
	raw_replace(eb, a, n, "", 0);
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
	edit(eb, s, e - s, "", 0, OP_OTHER);
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

bool editbuf_copy(struct editbuf *eb)
{
	size_t s, e;
	if (!editbuf_selection(eb, &s, &e))
		return false;
	free(clipboard);
	clipboard = dup_bytes(eb->text + s, e - s);
	clipboard_len = e - s;
	eb->has_anchor = false;
	eb->mark = false;
	return true;
}

bool editbuf_cut(struct editbuf *eb)
{
	size_t s, e;
	if (!editbuf_selection(eb, &s, &e))
		return false;
	free(clipboard);
	clipboard = dup_bytes(eb->text + s, e - s);
	clipboard_len = e - s;
	edit(eb, s, e - s, "", 0, OP_OTHER);
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
