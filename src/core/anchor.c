/* SPDX-License-Identifier: MIT */
/*
 * anchor.c: re-anchoring a quoted span (see anchor.h). Exact occurrences
 * first, scored by how much of the remembered context surrounds them;
 * then an approximate search (edit distance of the quote against every
 * substring of the text, one column at a time, O(quote x text) time and
 * O(quote) memory), bounded so a huge field cannot stall the caller.
 */
#include "config.h"
#include "anchor.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Quotes shorter than this only match exactly: a 3-letter word "nearly"
 * matches almost anywhere. */
#define FUZZY_MIN 6
/* Above this many cells (quote bytes x text bytes) the approximate search
 * is skipped: a 2,000-byte quote in a 25,000-byte field is the limit. */
#define FUZZY_MAX_CELLS (50u * 1000u * 1000u)

static bool
is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/* Moves off back to the start of the character it is in. */
static size_t
char_start(const char *s, size_t off)
{
	while (off > 0 && is_cont((unsigned char)s[off]))
		off--;
	return off;
}

/* Moves off forward to the next character start (or the end). */
static size_t
char_end(const char *s, size_t n, size_t off)
{
	while (off < n && is_cont((unsigned char)s[off]))
		off++;
	return off;
}

/* How many bytes of the context before match the text before pos, counted
 * from pos backwards, plus the same for after from end forwards. */
static size_t
context_score(const char *text, size_t n, size_t pos, size_t end, const struct anchor *a)
{
	size_t nb = a->before ? strlen(a->before) : 0, na = a->after ? strlen(a->after) : 0;
	size_t s = 0, k;

	for (k = 0; k < nb && k < pos && a->before[nb - 1 - k] == text[pos - 1 - k]; k++)
		s++;
	for (k = 0; k < na && end + k < n && a->after[k] == text[end + k]; k++)
		s++;
	return s;
}

static size_t
distance(size_t a, size_t b)
{
	return a > b ? a - b : b - a;
}

static bool
find_exact(const char *text, size_t n, const struct anchor *a, size_t qn, size_t *off)
{
	const char *p = text;
	size_t best_score = 0, pos, score;
	bool found = false;

	while ((p = strstr(p, a->quote)) != NULL) {
		pos = (size_t)(p - text);
		score = context_score(text, n, pos, pos + qn, a);
		if (!found || score > best_score ||
		    (score == best_score && distance(pos, a->offset) < distance(*off, a->offset))) {
			*off = pos;
			best_score = score;
			found = true;
		}
		p++;
	}
	return found;
}

/* The nearest occurrence of the n bytes w in text that starts (at_end:
 * ends) within slack of pos, or pos when there is none. */
static size_t
nearest(const char *text, size_t tn, const char *w, size_t n, size_t pos, size_t slack,
    bool at_end)
{
	size_t lo = pos > slack ? pos - slack : 0, hi = pos + slack, best = pos, s, p;
	bool found = false;

	if (n == 0)
		return pos;
	for (p = lo; p <= hi; p++) {
		s = at_end ? p - n : p;
		if ((at_end && p < n) || s + n > tn)
			continue;
		if (memcmp(text + s, w, n) == 0 && (!found || distance(p, pos) < distance(best, pos))) {
			best = p;
			found = true;
		}
	}
	return best;
}

/* Edit distance prefers substitutions to an inserted word ("backlog of"
 * matches "uickly of" in "backlog quickly of" better than the whole
 * phrase), so move each end of the span to where the quote's first and
 * last words are, when they are close by. */
static void
snap_to_words(const char *text, size_t tn, const char *q, size_t qn, size_t slack,
    size_t *start, size_t *end)
{
	const char *sp = memchr(q, ' ', qn), *rs = NULL, *p;
	size_t first = sp != NULL ? (size_t)(sp - q) : qn, last, s, e;

	for (p = q; p < q + qn; p++)
		if (*p == ' ')
			rs = p;
	last = rs != NULL ? qn - (size_t)(rs - q) - 1 : qn;
	if (first < 3 || last < 3)
		return;
	s = nearest(text, tn, q, first, *start, slack, false);
	e = nearest(text, tn, q + qn - last, last, *end, slack, true);
	if (s < e) {
		*start = s;
		*end = e;
	}
}

/* Sellers' algorithm: the substring of text with the fewest edits to the
 * quote. col[i] is the distance of quote[0, i) to the best substring ending
 * at the current text position, from[i] where that substring starts. */
static bool
find_approx(const char *text, size_t n, const struct anchor *a, size_t qn,
    size_t *off, size_t *len)
{
	const char *q = a->quote;
	size_t *col, *from, i, j, limit = qn / 3;
	size_t diag, diag_from, up, best = SIZE_MAX, best_start = 0, best_end = 0;
	size_t sub, del, ins, d, f, best_score = 0, score;

	if (qn < FUZZY_MIN || n == 0 || qn > FUZZY_MAX_CELLS / n)
		return false;
	col = xcalloc(qn + 1, sizeof *col);
	from = xcalloc(qn + 1, sizeof *from);
	for (i = 0; i <= qn; i++)
		col[i] = i;     /* before any text: quote[0, i) is i deletions */
	for (j = 1; j <= n; j++) {
		diag = col[0];
		diag_from = from[0];
		col[0] = 0;     /* a match may start anywhere */
		from[0] = j;
		for (i = 1; i <= qn; i++) {
			up = col[i];
			sub = diag + (q[i - 1] != text[j - 1]);
			del = col[i - 1] + 1;   /* a quote byte missing from the text */
			ins = up + 1;           /* a text byte not in the quote */
			/* The fewest edits; of equals, the longest span, so a
			 * word inserted into the quote stays inside it. */
			d = sub;
			f = diag_from;
			if (ins < d || (ins == d && from[i] < f)) {
				d = ins;
				f = from[i];
			}
			if (del < d || (del == d && from[i - 1] < f)) {
				d = del;
				f = from[i - 1];
			}
			diag = up;
			diag_from = from[i];
			col[i] = d;
			from[i] = f;
		}
		if (col[qn] > limit || col[qn] > best)
			continue;
		score = context_score(text, n, from[qn], j, a);
		if (col[qn] < best || score > best_score ||
		    (score == best_score && distance(from[qn], a->offset) < distance(best_start, a->offset))) {
			best = col[qn];
			best_start = from[qn];
			best_end = j;
			best_score = score;
		}
	}
	free(col);
	free(from);
	if (best == SIZE_MAX)
		return false;
	snap_to_words(text, n, q, qn, qn / 2, &best_start, &best_end);
	*off = char_start(text, best_start);
	*len = char_end(text, n, best_end) - *off;
	return *len > 0;
}

bool
anchor_find(const char *text, const struct anchor *a, size_t *off, size_t *len)
{
	size_t n = strlen(text), qn = a->quote ? strlen(a->quote) : 0;

	*off = 0;
	*len = 0;
	if (qn == 0)
		return true;
	if (find_exact(text, n, a, qn, off)) {
		*len = qn;
		return true;
	}
	return find_approx(text, n, a, qn, off, len);
}

void
anchor_context(const char *text, size_t off, size_t len, char **before, char **after)
{
	size_t n = strlen(text), start, end;

	if (off > n)
		off = n;
	if (len > n - off)
		len = n - off;
	start = off > ANCHOR_CONTEXT ? off - ANCHOR_CONTEXT : 0;
	start = char_end(text, n, start);
	if (start > off)
		start = off;
	*before = xstrndup(text + start, off - start);
	end = off + len + ANCHOR_CONTEXT < n ? off + len + ANCHOR_CONTEXT : n;
	end = char_start(text, end);
	if (end < off + len)
		end = off + len;
	*after = xstrndup(text + off + len, end - (off + len));
}
