/* SPDX-License-Identifier: MIT */
/*
 * fuzz_editbuf.c: libFuzzer harness for the editor's view-model (curses
 * free). The input is an initial text and then a program of edits: typing,
 * pasting, deleting, moving, selecting, clipboard, replacing, undo, redo,
 * breaking the undo group, relayout, read-only on and off. After every
 * step the text must be valid UTF-8 with no control bytes but '\n' and
 * '\t', the cursor and the visual lines inside it. At the end, undoing everything must give the
 * initial text back, and redoing as many steps the text before the undos.
 */
#include "config.h"

#include "fuzz.h"

#include <stdbool.h>
#include <stdio.h>
#include <unistr.h>

#include "tui/editbuf.h"

/* The input, consumed from the front. */
struct reader {
	const uint8_t *p;
	size_t n;
};

static unsigned
take(struct reader *r)
{
	if (r->n == 0)
		return 0;
	r->n--;
	return *r->p++;
}

/* Up to max bytes of the input as a string (not NUL-terminated). */
static const char *
take_bytes(struct reader *r, size_t max, size_t *len)
{
	const char *s = (const char *)r->p;

	*len = max < r->n ? max : r->n;
	r->p += *len;
	r->n -= *len;
	return s;
}

static void
check(const struct editbuf *eb)
{
	const char *t = editbuf_text(eb);
	size_t len = editbuf_len(eb), i, n, prev_end = 0;

	if (strlen(t) != len || u8_check((const uint8_t *)t, len) != NULL)
		abort();
	for (i = 0; i < len; i++)
		if ((unsigned char)t[i] < 0x20 && t[i] != '\n' && t[i] != '\t')
			abort();
	if (editbuf_cursor(eb) > len)
		abort();
	n = editbuf_nlines(eb);
	if (n < 1)
		abort();
	for (i = 0; i < n; i++) {
		struct eb_line l = editbuf_line(eb, i);

		if (l.start > l.end || l.end > len || l.start < prev_end)
			abort();
		prev_end = l.end;
	}
}

static void
step(struct editbuf *eb, struct reader *r)
{
	const char *s;
	size_t len, off, cur;
	unsigned op = take(r) % 16, a;

	switch (op) {
	case 0:
		s = take_bytes(r, take(r) % 8, &len);
		editbuf_insert(eb, s, len);
		break;
	case 1:
		s = take_bytes(r, take(r), &len);
		editbuf_paste_text(eb, s, len);
		break;
	case 2: editbuf_backspace(eb); break;
	case 3: editbuf_delete(eb); break;
	case 4: editbuf_delete_word_back(eb); break;
	case 5: editbuf_delete_word_forward(eb); break;
	case 6:
		a = take(r);
		editbuf_move(eb, (enum eb_move)(a % (EB_BUF_END + 1)), a & 0x80);
		break;
	case 7:
		a = take(r);
		editbuf_set_cursor(eb, (size_t)(a & 0x7f) * 3, a & 0x80);
		break;
	case 8: editbuf_cut(eb); break;
	case 9: editbuf_copy(eb); break;
	case 10: editbuf_paste(eb); break;
	case 11: editbuf_undo(eb); break;
	case 12: editbuf_redo(eb); break;
	case 13: editbuf_break_undo(eb); break;
	case 14:
		off = take(r) * 2;
		a = take(r) % 16;
		s = take_bytes(r, take(r) % 8, &len);
		editbuf_replace(eb, off, a, s, len);
		break;
	default:
		switch (take(r) % 7) {
		case 0: editbuf_toggle_mark(eb); break;
		case 1: editbuf_select_all(eb); break;
		case 2: editbuf_clear_selection(eb); break;
		case 3:
			a = take(r);
			editbuf_set_layout(eb, 1 + a % 80, 1 + a / 80);
			break;
		case 4:
			s = take_bytes(r, take(r), &len);
			editbuf_set_text(eb, s, len);
			break;
		case 5:
			editbuf_set_readonly(eb, !editbuf_readonly(eb));
			break;
		default:
			cur = editbuf_cursor(eb);
			editbuf_word_at(eb, cur, &off, &len);
			editbuf_pos(eb, cur, &off, (int *)&a);
			editbuf_offset_at(eb, off, (int)a);
			break;
		}
		break;
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reader r = { data, size };
	struct editbuf *eb;
	const char *s;
	char *initial, *before;
	size_t len, undone = 0, redone = 0;

	/* The clipboard is per process: start each input without one. */
	editbuf_clipboard_free();
	s = take_bytes(&r, take(&r), &len);
	eb = editbuf_new(s, len);
	initial = xstrdup(editbuf_text(eb));
	check(eb);
	/* A text past 8 KiB exercises nothing new and slows every step (the
	 * limit at STORE_MAX_TEXT has its unit test): the program ends there. */
	while (r.n > 0 && editbuf_len(eb) <= 8 * 1024) {
		step(eb, &r);
		check(eb);
	}
	/* (A read-only buffer refuses undo too; the invariant is for a writable one.) */
	editbuf_set_readonly(eb, false);
	before = xstrdup(editbuf_text(eb));
	while (editbuf_undo(eb))
		undone++;
	check(eb);
	if (strcmp(editbuf_text(eb), initial) != 0) {
		fprintf(stderr, "undo of %zu steps: \"%s\", not the initial \"%s\"\n", undone,
		    editbuf_text(eb), initial);
		abort();
	}
	/* Redo as many steps as were undone: steps undone before the end of
	 * the program stay undone. */
	while (redone < undone && editbuf_redo(eb))
		redone++;
	check(eb);
	if (redone != undone || strcmp(editbuf_text(eb), before) != 0) {
		fprintf(stderr, "redo of %zu steps: \"%s\", not \"%s\"\n", redone,
		    editbuf_text(eb), before);
		abort();
	}
	free(before);
	free(initial);
	editbuf_free(eb);
	editbuf_clipboard_free();
	return 0;
}
