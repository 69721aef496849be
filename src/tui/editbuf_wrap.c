/* SPDX-License-Identifier: MIT */
/*
 * editbuf_wrap.c: soft word wrap for the editor view-model: the text cut
 * into visual lines, rewrapped incrementally after each change, and the
 * mapping between byte offsets and (line, column). No curses.
 */
#include "tui/editbuf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tui/editbuf_internal.h"
#include "xalloc.h"

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
	if (eb_zero_width(base))
		return 1;       /* an orphan mark after a line start: drawn on a space */
	return eb_cp_width(base);
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
				nx = eb_cluster_next(eb, off, &base);
		} else {
			nx = eb_cluster_next(eb, off, &base);
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

void eb_layout_all(struct editbuf *eb)
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
void eb_relayout(struct editbuf *eb, size_t pos, size_t old_len, size_t new_len)
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
		eb_layout_all(eb);
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
	size_t off = eb_snap(eb, start);
	if (end > eb->len)
		end = eb->len;
	while (off < end) {
		ucs4_t base;
		size_t nx = eb_cluster_next(eb, off, &base);
		if (base == '\n')
			break;
		col += cluster_width(base, col);
		off = nx;
	}
	return col;
}

void editbuf_pos(const struct editbuf *eb, size_t off, size_t *line, int *col)
{
	off = eb_snap(eb, off);
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
		size_t nx = eb_cluster_next(eb, off, &base);
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
