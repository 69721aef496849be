/* SPDX-License-Identifier: MIT */
/* linecol.c: offsets to line:column through checkpoints (see linecol.h). */
#include "config.h"
#include "linecol.h"

#include <stdint.h>
#include <stdlib.h>

#include <unistr.h>

#include "xalloc.h"

/* Bytes between checkpoints: the most one lookup scans. */
#define LINECOL_STEP 512

/* Line and column at a character boundary. */
struct linecol_mark {
	size_t off, line, col;
};

struct linecol {
	const uint8_t *text;
	size_t len;
	struct linecol_mark *marks;     /* increasing off; marks[0] is offset 0 */
	size_t n_marks;
};

/* Bytes of the character at s[0..n): 1 for ASCII and for invalid UTF-8. */
static size_t
linecol_char_len(const uint8_t *s, size_t n)
{
	ucs4_t uc;
	int k;

	if (s[0] < 0x80)
		return 1;
	k = u8_mbtoucr(&uc, s, n);
	return k < 1 ? 1 : (size_t)k;
}

/* Moves m forward over the characters that start before to. */
static void
linecol_walk(const struct linecol *lc, struct linecol_mark *m, size_t to)
{
	while (m->off < to) {
		if (lc->text[m->off] == '\n') {
			m->line++;
			m->col = 1;
			m->off++;
			continue;
		}
		m->off += linecol_char_len(lc->text + m->off, lc->len - m->off);
		m->col++;
	}
}

struct linecol *
linecol_new(const char *text, size_t len)
{
	struct linecol *lc = xcalloc(1, sizeof *lc);
	struct linecol_mark m = { 0, 1, 1 };
	size_t cap = len / LINECOL_STEP + 2;

	lc->text = (const uint8_t *)text;
	lc->len = len;
	lc->marks = xreallocarray(NULL, cap, sizeof *lc->marks);
	lc->marks[lc->n_marks++] = m;
	while (m.off < len) {
		size_t next = m.off + LINECOL_STEP < len ? m.off + LINECOL_STEP : len;

		linecol_walk(lc, &m, next);
		if (m.off < len) {
			if (lc->n_marks == cap) {
				cap *= 2;
				lc->marks = xreallocarray(lc->marks, cap, sizeof *lc->marks);
			}
			lc->marks[lc->n_marks++] = m;
		}
	}
	return lc;
}

void
linecol_find(const struct linecol *lc, size_t off, size_t *line, size_t *col)
{
	size_t lo = 0, hi = lc->n_marks;
	struct linecol_mark m;

	if (off > lc->len)
		off = lc->len;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (lc->marks[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	m = lc->marks[lo];
	linecol_walk(lc, &m, off);
	if (line != NULL)
		*line = m.line;
	if (col != NULL)
		*col = m.col;
}

const char *
linecol_text(const struct linecol *lc)
{
	return (const char *)lc->text;
}

size_t
linecol_len(const struct linecol *lc)
{
	return lc->len;
}

void
linecol_free(struct linecol *lc)
{
	if (lc == NULL)
		return;
	free(lc->marks);
	free(lc);
}
