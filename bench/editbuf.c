/* SPDX-License-Identifier: MIT */
/*
 * bench/editbuf.c: the editor view-model alone on a 6,000-word field: per
 * keystroke cost of typing (insert and rewrap), backspace and undo, a 5,000
 * word paste and a full rewrap on resize. Prints median, 99th percentile and
 * worst times; exit 1 when a keystroke's 99th percentile exceeds 1 ms.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "tui/editbuf.h"
#include "xalloc.h"

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

struct stats {
	double median, p99, max;
};

static struct stats summarize(double *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_double);
	struct stats s = { v[n / 2], v[(size_t)((double)n * 0.99)], v[n - 1] };
	return s;
}

/* Prose of about n words in paragraphs of ~120 words, with some UTF-8. */
static char *make_prose(size_t n_words, size_t *len)
{
	static const char *words[] = { "Directed", "a", "cross-functional", "team", "of",
	    "42", "analysts", "to", "modernize", "the", "agency\xE2\x80\x99s", "payroll",
	    "system,", "cutting", "processing", "time", "by", "38%", "and", "saving",
	    "$2.4M", "annually", "\xE2\x80\x94", "while", "Jos\xC3\xA9", "negotiated",
	    "with", "unions.", "I", "led", "stakeholders", "through" };
	size_t nw = sizeof words / sizeof *words, cap = n_words * 16 + 16, o = 0;
	char *s = xmalloc(cap);
	for (size_t i = 0; i < n_words; i++) {
		const char *w = words[(i * 7 + i / 3) % nw];
		size_t k = strlen(w);
		memcpy(s + o, w, k);
		o += k;
		s[o++] = (i % 120 == 119) ? '\n' : ' ';
	}
	s[o] = '\0';
	*len = o;
	return s;
}

/* What the widget does after a keystroke: find the cursor and walk the
 * visible lines. */
static size_t view_work(const struct editbuf *eb)
{
	size_t line, sum = 0;
	int col;
	editbuf_pos(eb, editbuf_cursor(eb), &line, &col);
	size_t top = line > 10 ? line - 10 : 0;
	for (size_t i = top; i < top + 20 && i < editbuf_nlines(eb); i++) {
		struct eb_line l = editbuf_line(eb, i);
		for (size_t off = l.start; off < l.end; off = editbuf_next_cluster(eb, off))
			sum++;
	}
	return sum + (size_t)col;
}

int main(void)
{
	enum { KEYS = 2000 };
	size_t len;
	char *prose = make_prose(6000, &len);
	volatile size_t sink = 0;
	double t0 = now_us();
	struct editbuf *eb = editbuf_new(prose, len);
	editbuf_set_layout(eb, 78, 20);
	double t_open = now_us() - t0;
	size_t open_lines = editbuf_nlines(eb);

	static const char sentence[] = "Led the rollout of a new case system to 3,000 users. ";
	double *v = xmalloc(KEYS * sizeof *v);
	editbuf_set_cursor(eb, len / 2, false);
	for (size_t i = 0; i < KEYS; i++) {
		char c = sentence[i % (sizeof sentence - 1)];
		t0 = now_us();
		editbuf_insert(eb, &c, 1);
		sink += view_work(eb);
		v[i] = now_us() - t0;
	}
	struct stats type = summarize(v, KEYS);

	for (size_t i = 0; i < KEYS / 4; i++) {
		t0 = now_us();
		editbuf_backspace(eb);
		sink += view_work(eb);
		v[i] = now_us() - t0;
	}
	struct stats back = summarize(v, KEYS / 4);

	size_t n_undo = 0;
	for (; n_undo < KEYS && editbuf_can_undo(eb); n_undo++) {
		t0 = now_us();
		editbuf_undo(eb);
		sink += view_work(eb);
		v[n_undo] = now_us() - t0;
	}
	struct stats undo = summarize(v, n_undo ? n_undo : 1);

	size_t plen;
	char *paste = make_prose(5000, &plen);
	t0 = now_us();
	editbuf_paste_text(eb, paste, plen);
	double t_paste = now_us() - t0;

	t0 = now_us();
	editbuf_set_layout(eb, 120, 40);
	double t_rewrap = now_us() - t0;

	/* the worst case: a draft pasted without paragraph breaks */
	for (size_t i = 0; i < len; i++)
		if (prose[i] == '\n')
			prose[i] = ' ';
	struct editbuf *one = editbuf_new(prose, len);
	editbuf_set_layout(one, 78, 20);
	editbuf_set_cursor(one, len / 2, false);
	for (size_t i = 0; i < KEYS; i++) {
		char c = sentence[i % (sizeof sentence - 1)];
		t0 = now_us();
		editbuf_insert(one, &c, 1);
		sink += view_work(one);
		v[i] = now_us() - t0;
	}
	struct stats type1 = summarize(v, KEYS);
	editbuf_free(one);

	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("editbuf on a 6,000-word field (%zu bytes, %zu visual lines at 78 columns)\n",
	    len, open_lines);
	printf("  open and wrap:               %8.1f us\n", t_open);
	printf("  type   (%4d keys)  median %6.1f us  p99 %6.1f us  max %6.1f us\n",
	    KEYS, type.median, type.p99, type.max);
	printf("  type into one 6,000-word paragraph: median %6.1f us  p99 %6.1f us  max %6.1f us\n",
	    type1.median, type1.p99, type1.max);
	printf("  backspace (%4d)    median %6.1f us  p99 %6.1f us  max %6.1f us\n",
	    KEYS / 4, back.median, back.p99, back.max);
	printf("  undo   (%4zu steps) median %6.1f us  p99 %6.1f us  max %6.1f us\n",
	    n_undo, undo.median, undo.p99, undo.max);
	printf("  paste of 5,000 words (%zu bytes): %.1f us\n", plen, t_paste);
	printf("  rewrap 11,000 words at 120 columns: %.1f us\n", t_rewrap);
	printf("  peak memory: %ld KiB\n", ru.ru_maxrss);
	editbuf_free(eb);
	editbuf_clipboard_free();
	free(v);
	free(prose);
	free(paste);
	(void)sink;
	return type.p99 > 1000.0 || type1.p99 > 1000.0 || t_paste > 10000.0 ? 1 : 0;
}
