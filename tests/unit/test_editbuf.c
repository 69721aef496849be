/* SPDX-License-Identifier: MIT */
/* test_editbuf.c: the editor's view-model: editing, wrapping, cursor moves,
 * selection, clipboard, undo grouping and hostile UTF-8 input. */
#include "config.h"

#include "testutil.h"

#include <time.h>

#include "store.h"
#include "tui/editbuf.h"
#include "xalloc.h"

#define E_ACUTE "e\xCC\x81"             /* e + COMBINING ACUTE ACCENT */
#define CJK3 "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"    /* three wide characters */
#define FFFD "\xEF\xBF\xBD"

static struct editbuf *mk(const char *s)
{
	return editbuf_new(s, strlen(s));
}

static void type(struct editbuf *eb, const char *s)
{
	/* one character (a UTF-8 sequence) at a time, as the widget does */
	while (*s) {
		size_t n = 1;
		while (((unsigned char)s[n] & 0xC0) == 0x80)
			n++;
		editbuf_insert(eb, s, n);
		s += n;
	}
}

static void assert_text(const struct editbuf *eb, const char *want)
{
	assert_string_equal(editbuf_text(eb), want);
	assert_int_equal(editbuf_len(eb), strlen(want));
}

/* The visual lines as "a|b|c" with soft breaks shown as '|' and hard as '/'. */
static char *lines_str(const struct editbuf *eb)
{
	size_t cap = editbuf_len(eb) + editbuf_nlines(eb) + 1, o = 0;
	char *out = xmalloc(cap);
	for (size_t i = 0; i < editbuf_nlines(eb); i++) {
		struct eb_line l = editbuf_line(eb, i);
		if (i > 0)
			out[o++] = editbuf_line(eb, i - 1).soft ? '|' : '/';
		memcpy(out + o, editbuf_text(eb) + l.start, l.end - l.start);
		o += l.end - l.start;
	}
	out[o] = '\0';
	return out;
}

static void assert_lines(const struct editbuf *eb, const char *want)
{
	char *got = lines_str(eb);
	assert_string_equal(got, want);
	free(got);
}

/* ---- sanitising ---- */

static const struct {
	int id;
	const char *in;
	size_t len;
	const char *out;
} sanitize_cases[] = {
	{ 1, "plain", 5, "plain" },
	{ 2, "a\xFF" "b", 3, "a" FFFD "b" },
	{ 3, "a\x01" "b\x7F" "c", 5, "abc" },
	{ 4, "one\r\ntwo\rthree\n", 16, "one\ntwo\nthree\n" },
	{ 5, "tab\there", 8, "tab\there" },
	{ 6, "nul\0byte", 8, "nulbyte" },
	{ 7, "esc\x1B[31m", 8, "esc[31m" },
	{ 8, "c1\xC2\x85" "x", 5, "c1x" },                     /* U+0085 NEL */
	{ 9, "cut \xE2\x80", 6, "cut " FFFD },                  /* truncated sequence */
	{ 10, "\xC0\xAF", 2, FFFD FFFD },                       /* overlong '/' */
	{ 11, "\xED\xA0\x80", 3, FFFD },              /* surrogate */
	{ 12, "caf\xC3\xA9 \xE2\x80\x94 \xE2\x80\x9Cq\xE2\x80\x9D", 17,
	  "caf\xC3\xA9 \xE2\x80\x94 \xE2\x80\x9Cq\xE2\x80\x9D" },
};

static void new_buffer__sanitises_input__per_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof sanitize_cases / sizeof *sanitize_cases; i++) {
		struct editbuf *eb = editbuf_new(sanitize_cases[i].in, sanitize_cases[i].len);
		if (strcmp(editbuf_text(eb), sanitize_cases[i].out) != 0)
			fail_msg("case %d: got \"%s\"", sanitize_cases[i].id, editbuf_text(eb));
		editbuf_free(eb);
	}
}

static void insert__drops_controls_and_replaces_invalid_bytes(void **state)
{
	(void)state;
	struct editbuf *eb = mk("ab");
	editbuf_set_cursor(eb, 1, false);
	unsigned long v = editbuf_version(eb);
	editbuf_insert(eb, "\x07", 1);
	assert_int_equal(editbuf_version(eb), v);       /* nothing inserted, no change */
	assert_false(editbuf_can_undo(eb));
	editbuf_insert(eb, "\xC3", 1);
	assert_text(eb, "a" FFFD "b");
	assert_int_equal(editbuf_cursor(eb), 4);
	editbuf_paste_text(eb, "x\ry\x1B", 4);
	assert_text(eb, "a" FFFD "x\nyb");
	editbuf_free(eb);
}

/* ---- editing ---- */

static void insert_and_delete__edit_at_the_cursor(void **state)
{
	(void)state;
	struct editbuf *eb = mk("");
	type(eb, "Led a team");
	assert_text(eb, "Led a team");
	editbuf_move(eb, EB_WORD_LEFT, false);
	type(eb, "new ");
	assert_text(eb, "Led a new team");
	assert_true(editbuf_backspace(eb));
	assert_text(eb, "Led a newteam");
	assert_true(editbuf_delete(eb));
	assert_text(eb, "Led a neweam");
	editbuf_move(eb, EB_BUF_START, false);
	assert_false(editbuf_backspace(eb));
	editbuf_move(eb, EB_BUF_END, false);
	assert_false(editbuf_delete(eb));
	assert_true(editbuf_delete_word_back(eb));
	assert_text(eb, "Led a ");
	editbuf_move(eb, EB_BUF_START, false);
	assert_true(editbuf_delete_word_forward(eb));
	assert_text(eb, " a ");
	editbuf_free(eb);
}

static void backspace__removes_a_whole_cluster_with_its_accent(void **state)
{
	(void)state;
	struct editbuf *eb = mk("caf" E_ACUTE "s");
	editbuf_move(eb, EB_BUF_END, false);
	editbuf_move(eb, EB_CHAR_LEFT, false);
	assert_int_equal(editbuf_cursor(eb), 6);        /* before 's', after the accent */
	editbuf_move(eb, EB_CHAR_LEFT, false);
	assert_int_equal(editbuf_cursor(eb), 3);        /* before 'e' */
	editbuf_move(eb, EB_CHAR_RIGHT, false);
	assert_true(editbuf_backspace(eb));
	assert_text(eb, "cafs");
	editbuf_free(eb);
}

static void set_cursor__snaps_inside_a_character_to_its_start(void **state)
{
	(void)state;
	struct editbuf *eb = mk("a" CJK3 E_ACUTE);
	editbuf_set_cursor(eb, 2, false);
	assert_int_equal(editbuf_cursor(eb), 1);
	editbuf_set_cursor(eb, 12, false);              /* on the combining accent */
	assert_int_equal(editbuf_cursor(eb), 10);
	editbuf_set_cursor(eb, 999, false);
	assert_int_equal(editbuf_cursor(eb), editbuf_len(eb));
	assert_int_equal(editbuf_next_cluster(eb, 10), 13);
	assert_int_equal(editbuf_prev_cluster(eb, 13), 10);
	assert_int_equal(editbuf_prev_cluster(eb, 0), 0);
	editbuf_free(eb);
}

static void replace__swaps_a_span_as_one_undo_step(void **state)
{
	(void)state;
	struct editbuf *eb = mk("We acheived results.");
	editbuf_replace(eb, 3, 8, "achieved", 8);
	assert_text(eb, "We achieved results.");
	assert_int_equal(editbuf_cursor(eb), 11);
	assert_true(editbuf_undo(eb));
	assert_text(eb, "We acheived results.");
	assert_true(editbuf_redo(eb));
	assert_text(eb, "We achieved results.");
	editbuf_replace(eb, 100, 5, "!", 1);            /* clamped to the end */
	assert_text(eb, "We achieved results.!");
	editbuf_free(eb);
}

static void word_at__finds_the_word_with_inner_apostrophes(void **state)
{
	(void)state;
	struct editbuf *eb = mk("the agency\xE2\x80\x99s don't, x");
	size_t s, e;
	assert_true(editbuf_word_at(eb, 6, &s, &e));
	assert_int_equal(s, 4);
	assert_int_equal(e, 14);                        /* agency’s */
	assert_true(editbuf_word_at(eb, 20, &s, &e));   /* just after "don't" */
	assert_int_equal(s, 15);
	assert_int_equal(e, 20);
	assert_false(editbuf_word_at(eb, 21, &s, &e));  /* on the space after ',' */
	editbuf_free(eb);
}

/* ---- wrapping ---- */

static const struct {
	int id;
	const char *text;
	int width;
	const char *lines;
} wrap_cases[] = {
	{ 1, "", 10, "" },
	{ 2, "hello world", 5, "hello |world" },
	{ 3, "hello world", 11, "hello world" },
	{ 4, "hello world", 10, "hello |world" },
	{ 5, "abcdefgh", 3, "abc|def|gh" },
	{ 6, "a\n\nb", 10, "a//b" },
	{ 7, "a\n", 10, "a/" },
	{ 8, "one two three", 7, "one two |three" },
	{ 17, "one two three", 6, "one |two |three" },
	{ 9, "well-known fact", 6, "well-|known |fact" },
	{ 10, CJK3, 4, "\xE6\x97\xA5\xE6\x9C\xAC|\xE8\xAA\x9E" },
	{ 11, CJK3, 5, "\xE6\x97\xA5\xE6\x9C\xAC|\xE8\xAA\x9E" },
	{ 12, CJK3, 1, "\xE6\x97\xA5|\xE6\x9C\xAC|\xE8\xAA\x9E" },
	{ 13, "caf" E_ACUTE " caf" E_ACUTE, 4, "caf" E_ACUTE " |caf" E_ACUTE },
	{ 14, "a  b", 1, "a  |b" },
	{ 15, "x\ty", 4, "x\t|y" },
	{ 16, "ab cd", 1, "a|b |c|d" },
};

static void wrap__breaks_at_spaces_else_inside_words__per_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof wrap_cases / sizeof *wrap_cases; i++) {
		struct editbuf *eb = mk(wrap_cases[i].text);
		editbuf_set_layout(eb, wrap_cases[i].width, 10);
		char *got = lines_str(eb);
		if (strcmp(got, wrap_cases[i].lines) != 0)
			fail_msg("case %d: got \"%s\"", wrap_cases[i].id, got);
		free(got);
		editbuf_free(eb);
	}
}

static const char mixed_text[] =
    "Led a cross-agency team of 42 to modernize caf" E_ACUTE " payroll \xE2\x80\x94 "
    "\xE2\x80\x9Cquickly\xE2\x80\x9D.\n\n" CJK3 CJK3 " mixed " CJK3 "x\tTabbed\tline  "
    "with   spaces and averyveryverylongwordthatcannotfitanywhere.\nLast paragraph "
    "\xCC\x81orphan mark.";

/* Checks every invariant of the layout at the current width. */
static void check_layout(const struct editbuf *eb)
{
	int width = editbuf_width(eb);
	size_t n = editbuf_nlines(eb), len = editbuf_len(eb);
	const char *t = editbuf_text(eb);
	assert_true(n >= 1);
	assert_int_equal(editbuf_line(eb, 0).start, 0);
	for (size_t i = 0; i < n; i++) {
		struct eb_line l = editbuf_line(eb, i);
		assert_true(l.start <= l.end && l.end <= len);
		if (i + 1 < n) {
			struct eb_line nx = editbuf_line(eb, i + 1);
			if (l.soft) {
				assert_int_equal(nx.start, l.end);
				assert_true(l.end > l.start);
			} else {
				assert_int_equal(t[l.end], '\n');
				assert_int_equal(nx.start, l.end + 1);
			}
		} else {
			assert_int_equal(l.end, len);
			assert_false(l.soft);
		}
		/* the content without hanging spaces fits, unless it is one cluster */
		size_t e = l.end;
		while (e > l.start && (t[editbuf_prev_cluster(eb, e)] == ' ' ||
		    t[editbuf_prev_cluster(eb, e)] == '\t'))
			e = editbuf_prev_cluster(eb, e);
		int w = editbuf_span_width(eb, l.start, e);
		if (w > width && editbuf_next_cluster(eb, l.start) != e)
			fail_msg("width %d line %zu: \"%.*s\" is %d columns", width, i,
			    (int)(l.end - l.start), t + l.start, w);
		/* every cluster maps to a (line, column) and back */
		for (size_t off = l.start; off < l.end; off = editbuf_next_cluster(eb, off)) {
			size_t line;
			int col;
			editbuf_pos(eb, off, &line, &col);
			if (line != i || editbuf_offset_at(eb, line, col) != off)
				fail_msg("width %d line %zu: offset %zu maps to %zu:%d and back to %zu",
				    width, i, off, line, col, editbuf_offset_at(eb, line, col));
		}
	}
}

static void wrap__keeps_its_invariants_at_every_width_from_1_to_80(void **state)
{
	(void)state;
	struct editbuf *eb = mk(mixed_text);
	for (int w = 1; w <= 80; w++) {
		editbuf_set_layout(eb, w, 10);
		check_layout(eb);
	}
	editbuf_free(eb);
}

/* After any edit the incremental layout equals a fresh one. */
static void assert_same_layout(const struct editbuf *eb)
{
	struct editbuf *fresh = editbuf_new(editbuf_text(eb), editbuf_len(eb));
	editbuf_set_layout(fresh, editbuf_width(eb), 10);
	assert_int_equal(editbuf_nlines(fresh), editbuf_nlines(eb));
	for (size_t i = 0; i < editbuf_nlines(eb); i++) {
		struct eb_line a = editbuf_line(eb, i), b = editbuf_line(fresh, i);
		assert_int_equal(a.start, b.start);
		assert_int_equal(a.end, b.end);
		assert_int_equal(a.soft, b.soft);
	}
	editbuf_free(fresh);
}

static void edits__rewrap_incrementally_like_a_full_layout(void **state)
{
	(void)state;
	static const char *pieces[] = { "x", " ", "\n", "word ", CJK3, E_ACUTE, "\n\nnew para ", "-" };
	unsigned seed = 12345;
	for (int w = 1; w <= 40; w += 3) {
		struct editbuf *eb = mk(mixed_text);
		editbuf_set_layout(eb, w, 10);
		for (int step = 0; step < 150; step++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = (seed >> 8) % 1000;
			size_t off = r * editbuf_len(eb) / 1000;
			editbuf_set_cursor(eb, off, false);
			switch ((seed >> 20) % 6) {
			case 0: case 1: case 2: {
				const char *p = pieces[(seed >> 4) % 8];
				editbuf_insert(eb, p, strlen(p));
				break;
			}
			case 3:
				editbuf_backspace(eb);
				break;
			case 4:
				editbuf_delete_word_forward(eb);
				break;
			default:
				if (!editbuf_undo(eb))
					editbuf_delete(eb);
				break;
			}
			assert_same_layout(eb);
		}
		check_layout(eb);
		editbuf_free(eb);
	}
}

static void edits_in_one_long_paragraph__rewrap_like_a_full_layout(void **state)
{
	(void)state;
	static const char *pieces[] = { "x", " ", "  ", "-", "a-b ", "longerword",
	    "\xE6\x97\xA5", "\t", "e\xCC\x81" };
	char text[4000];
	size_t o = 0;
	for (int i = 0; o + 20 < sizeof text; i++)
		o += (size_t)snprintf(text + o, sizeof text - o, "%s ",
		    (const char *[]){ "Led", "a", "cross-agency", "team", "of", "42",
		        "to", "modernize", "payroll" }[i % 9]);
	unsigned seed = 777;
	for (int w = 1; w <= 30; w++) {
		struct editbuf *eb = editbuf_new(text, o);
		editbuf_set_layout(eb, w, 10);
		for (int step = 0; step < 120; step++) {
			seed = seed * 1103515245u + 12345u;
			size_t off = ((seed >> 8) % 1000) * editbuf_len(eb) / 1000;
			editbuf_set_cursor(eb, off, false);
			switch ((seed >> 20) % 5) {
			case 0: case 1: {
				const char *p = pieces[(seed >> 4) % 9];
				editbuf_insert(eb, p, strlen(p));
				break;
			}
			case 2:
				editbuf_backspace(eb);
				break;
			case 3:
				editbuf_delete_word_back(eb);
				break;
			default:
				editbuf_set_cursor(eb, off + (seed >> 3) % 40, true);
				editbuf_cut(eb);
				break;
			}
			assert_same_layout(eb);
		}
		editbuf_free(eb);
	}
	editbuf_clipboard_free();
}

/* ---- cursor movement ---- */

static void move__by_word_line_paragraph_and_buffer(void **state)
{
	(void)state;
	/* width 10: "alpha beta |gamma |delta/" "/second para" */
	struct editbuf *eb = mk("alpha beta gamma delta\n\nsecond para");
	editbuf_set_layout(eb, 10, 3);
	assert_lines(eb, "alpha beta |gamma |delta//second |para");
	editbuf_move(eb, EB_WORD_RIGHT, false);
	assert_int_equal(editbuf_cursor(eb), 5);
	editbuf_move(eb, EB_WORD_RIGHT, false);
	assert_int_equal(editbuf_cursor(eb), 10);
	editbuf_move(eb, EB_WORD_LEFT, false);
	assert_int_equal(editbuf_cursor(eb), 6);
	editbuf_move(eb, EB_LINE_END, false);
	assert_int_equal(editbuf_cursor(eb), 10);       /* before the hanging space */
	editbuf_move(eb, EB_LINE_DOWN, false);          /* goal column 10 */
	assert_int_equal(editbuf_cursor(eb), 16);       /* "gamma" end, on its line */
	editbuf_move(eb, EB_LINE_DOWN, false);
	assert_int_equal(editbuf_cursor(eb), 22);       /* end of "delta" */
	editbuf_move(eb, EB_LINE_DOWN, false);
	assert_int_equal(editbuf_cursor(eb), 23);       /* the empty line */
	editbuf_move(eb, EB_LINE_DOWN, false);
	assert_int_equal(editbuf_cursor(eb), 30);       /* goal kept: "second|" */
	editbuf_move(eb, EB_LINE_START, false);
	assert_int_equal(editbuf_cursor(eb), 24);
	editbuf_move(eb, EB_PARA_UP, false);
	assert_int_equal(editbuf_cursor(eb), 23);
	editbuf_move(eb, EB_PARA_UP, false);
	assert_int_equal(editbuf_cursor(eb), 0);
	editbuf_move(eb, EB_PARA_DOWN, false);
	assert_int_equal(editbuf_cursor(eb), 23);
	editbuf_move(eb, EB_PARA_DOWN, false);
	assert_int_equal(editbuf_cursor(eb), 24);
	editbuf_move(eb, EB_PARA_DOWN, false);
	assert_int_equal(editbuf_cursor(eb), editbuf_len(eb));
	editbuf_move(eb, EB_BUF_START, false);
	editbuf_move(eb, EB_PAGE_DOWN, false);          /* page 3: two lines down */
	assert_int_equal(editbuf_cursor(eb), 17);
	editbuf_move(eb, EB_PAGE_UP, false);
	assert_int_equal(editbuf_cursor(eb), 0);
	editbuf_move(eb, EB_LINE_UP, false);
	assert_int_equal(editbuf_cursor(eb), 0);
	editbuf_move(eb, EB_BUF_END, false);
	editbuf_move(eb, EB_LINE_DOWN, false);
	assert_int_equal(editbuf_cursor(eb), editbuf_len(eb));
	editbuf_free(eb);
}

static void move_line_start__goes_to_the_hard_line_start_when_repeated(void **state)
{
	(void)state;
	struct editbuf *eb = mk("hello world again");
	editbuf_set_layout(eb, 6, 3);
	editbuf_set_cursor(eb, 14, false);              /* in "again" */
	editbuf_move(eb, EB_LINE_START, false);
	assert_int_equal(editbuf_cursor(eb), 12);
	editbuf_move(eb, EB_LINE_START, false);
	assert_int_equal(editbuf_cursor(eb), 0);
	editbuf_free(eb);
}

static void vertical_moves__land_on_wide_characters_by_column(void **state)
{
	(void)state;
	struct editbuf *eb = mk("abcd\n" CJK3);
	editbuf_set_cursor(eb, 3, false);               /* column 3 */
	editbuf_move(eb, EB_LINE_DOWN, false);
	assert_int_equal(editbuf_cursor(eb), 8);        /* second wide char covers 2..3 */
	size_t line;
	int col;
	editbuf_pos(eb, editbuf_cursor(eb), &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 2);
	editbuf_move(eb, EB_LINE_UP, false);            /* goal column 3 kept */
	assert_int_equal(editbuf_cursor(eb), 3);
	editbuf_free(eb);
}

/* ---- selection and clipboard ---- */

static void selection__shift_moves_and_the_mark_extend_it(void **state)
{
	(void)state;
	struct editbuf *eb = mk("one two three");
	size_t s, e;
	assert_false(editbuf_selection(eb, &s, &e));
	editbuf_move(eb, EB_WORD_RIGHT, true);
	assert_true(editbuf_selection(eb, &s, &e));
	assert_int_equal(s, 0);
	assert_int_equal(e, 3);
	editbuf_move(eb, EB_CHAR_RIGHT, false);         /* a plain move drops it */
	assert_false(editbuf_selection(eb, &s, &e));
	editbuf_toggle_mark(eb);
	assert_true(editbuf_mark_active(eb));
	editbuf_move(eb, EB_WORD_RIGHT, false);
	assert_true(editbuf_selection(eb, &s, &e));
	assert_int_equal(s, 4);
	assert_int_equal(e, 7);
	editbuf_move(eb, EB_BUF_START, false);          /* backwards over the anchor */
	assert_true(editbuf_selection(eb, &s, &e));
	assert_int_equal(s, 0);
	assert_int_equal(e, 4);
	editbuf_toggle_mark(eb);
	assert_false(editbuf_mark_active(eb));
	assert_false(editbuf_selection(eb, &s, &e));
	editbuf_select_all(eb);
	type(eb, "X");                                  /* typing replaces it */
	assert_text(eb, "X");
	assert_true(editbuf_undo(eb));
	assert_text(eb, "one two three");
	assert_true(editbuf_selection(eb, &s, &e));     /* and undo brings it back */
	assert_int_equal(e - s, 13);
	editbuf_free(eb);
}

static void clipboard__cut_copy_paste_across_buffers(void **state)
{
	(void)state;
	struct editbuf *a = mk("Challenge and Context"), *b = mk("Action: ");
	editbuf_clipboard_free();
	assert_false(editbuf_paste(b));
	assert_false(editbuf_copy(a));                  /* nothing selected */
	editbuf_move(a, EB_WORD_RIGHT, true);
	assert_true(editbuf_copy(a));
	assert_string_equal(editbuf_clipboard(), "Challenge");
	assert_text(a, "Challenge and Context");
	editbuf_move(b, EB_BUF_END, false);
	assert_true(editbuf_paste(b));
	assert_text(b, "Action: Challenge");
	editbuf_move(a, EB_BUF_END, false);
	editbuf_move(a, EB_WORD_LEFT, true);
	assert_true(editbuf_cut(a));
	assert_text(a, "Challenge and ");
	assert_string_equal(editbuf_clipboard(), "Context");
	assert_true(editbuf_undo(a));
	assert_text(a, "Challenge and Context");
	editbuf_clipboard_free();
	assert_null(editbuf_clipboard());
	editbuf_free(a);
	editbuf_free(b);
}

/* ---- undo ---- */

static void undo__takes_back_typing_a_word_at_a_time(void **state)
{
	(void)state;
	struct editbuf *eb = mk("");
	type(eb, "We cut costs");
	assert_true(editbuf_undo(eb));
	assert_text(eb, "We cut ");
	assert_int_equal(editbuf_cursor(eb), 7);
	assert_true(editbuf_undo(eb));
	assert_text(eb, "We ");
	assert_true(editbuf_undo(eb));
	assert_text(eb, "");
	assert_false(editbuf_undo(eb));
	assert_true(editbuf_redo(eb));
	assert_true(editbuf_redo(eb));
	assert_text(eb, "We cut ");
	type(eb, "waste");                              /* a new edit drops the redo */
	assert_false(editbuf_can_redo(eb));
	assert_text(eb, "We cut waste");
	editbuf_free(eb);
}

static void undo__a_cursor_move_ends_the_typing_group(void **state)
{
	(void)state;
	struct editbuf *eb = mk("");
	type(eb, "ab");
	editbuf_move(eb, EB_CHAR_LEFT, false);
	editbuf_move(eb, EB_CHAR_RIGHT, false);
	type(eb, "cd");
	assert_true(editbuf_undo(eb));
	assert_text(eb, "ab");
	editbuf_free(eb);
}

static void undo__groups_a_run_of_backspaces_and_restores_the_cursor(void **state)
{
	(void)state;
	struct editbuf *eb = mk("Managed budget");
	editbuf_move(eb, EB_BUF_END, false);
	for (int i = 0; i < 6; i++)
		assert_true(editbuf_backspace(eb));
	editbuf_set_cursor(eb, 0, false);
	assert_true(editbuf_delete(eb));
	assert_true(editbuf_delete(eb));
	assert_text(eb, "naged ");
	assert_true(editbuf_undo(eb));
	assert_text(eb, "Managed ");
	assert_int_equal(editbuf_cursor(eb), 0);
	assert_true(editbuf_undo(eb));
	assert_text(eb, "Managed budget");
	assert_int_equal(editbuf_cursor(eb), 14);
	editbuf_free(eb);
}

static void undo__a_paste_is_one_step_however_large(void **state)
{
	(void)state;
	struct editbuf *eb = mk("Intro. ");
	editbuf_move(eb, EB_BUF_END, false);
	editbuf_paste_text(eb, "one two\nthree four five", 23);
	type(eb, "six");
	assert_true(editbuf_undo(eb));
	assert_true(editbuf_undo(eb));
	assert_text(eb, "Intro. ");
	editbuf_set_text(eb, "replaced", 8);
	assert_int_equal(editbuf_cursor(eb), 0);
	assert_true(editbuf_undo(eb));
	assert_text(eb, "Intro. ");
	editbuf_free(eb);
}

/* ---- change tracking ---- */

struct listen_log {
	size_t pos, old_len, new_len;
	int calls;
};

static void listen(void *data, size_t pos, size_t old_len, size_t new_len)
{
	struct listen_log *l = data;
	l->pos = pos;
	l->old_len = old_len;
	l->new_len = new_len;
	l->calls++;
}

static void version__grows_on_changes_and_dirty_follows_mark_clean(void **state)
{
	(void)state;
	struct editbuf *eb = mk("abc");
	struct listen_log log = { 0 };
	editbuf_set_listener(eb, listen, &log);
	assert_false(editbuf_dirty(eb));
	unsigned long v0 = editbuf_version(eb);
	editbuf_move(eb, EB_BUF_END, false);
	editbuf_set_layout(eb, 2, 2);
	assert_int_equal(editbuf_version(eb), v0);      /* moves and layout: no change */
	editbuf_set_cursor(eb, 1, false);
	type(eb, "X");
	assert_true(editbuf_version(eb) > v0);
	assert_true(editbuf_dirty(eb));
	assert_int_equal(log.calls, 1);
	assert_int_equal(log.pos, 1);
	assert_int_equal(log.old_len, 0);
	assert_int_equal(log.new_len, 1);
	editbuf_mark_clean(eb);
	assert_false(editbuf_dirty(eb));
	unsigned long v1 = editbuf_version(eb);
	assert_true(editbuf_undo(eb));
	assert_true(editbuf_version(eb) > v1);
	assert_true(editbuf_dirty(eb));
	assert_int_equal(log.calls, 2);
	assert_int_equal(log.old_len, 1);
	assert_int_equal(log.new_len, 0);
	editbuf_set_listener(eb, NULL, NULL);
	type(eb, "Y");
	assert_int_equal(log.calls, 2);
	editbuf_free(eb);
}

/* ---- speed ---- */

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void paste__of_5000_words_is_fast_and_one_undo_step(void **state)
{
	(void)state;
	static const char *words[] = { "Directed", "a", "team", "of", "forty", "analysts",
	    "to", "modernize", "the", "agency\xE2\x80\x99s", "payroll", "system,",
	    "cutting", "costs", "by", "12%." };
	size_t cap = 5000 * 16, o = 0;
	char *big = xmalloc(cap);
	for (int i = 0; i < 5000; i++) {
		const char *w = words[i % 16];
		size_t n = strlen(w);
		memcpy(big + o, w, n);
		o += n;
		big[o++] = i % 97 == 96 ? '\n' : ' ';
	}
	struct editbuf *eb = mk("Before. After.");
	editbuf_set_layout(eb, 78, 20);
	editbuf_set_cursor(eb, 8, false);
	double t0 = now_ms();
	editbuf_paste_text(eb, big, o);
	double dt = now_ms() - t0;
	assert_int_equal(editbuf_len(eb), 14 + o);
	assert_true(editbuf_nlines(eb) > 400);
	/* the target is well under 10 ms; allow for sanitizer and valgrind builds */
	if (dt > 100.0)
		fail_msg("paste took %.2f ms", dt);
	t0 = now_ms();
	type(eb, "x");
	dt = now_ms() - t0;
	if (dt > 20.0)
		fail_msg("a keystroke after the paste took %.2f ms", dt);
	assert_true(editbuf_undo(eb));
	assert_true(editbuf_undo(eb));
	assert_text(eb, "Before. After.");
	editbuf_free(eb);
	free(big);
}

/* Found by fuzz/fuzz_editbuf: select all, copy and paste again and again
 * doubled the field to hundreds of megabytes, far past what the store
 * saves. Growth stops at STORE_MAX_TEXT: the edit is refused whole. */
static void paste__never_grows_the_text_past_what_the_store_saves(void **state)
{
	(void)state;
	size_t n = STORE_MAX_TEXT / 2 + 10;
	char *big = xmalloc(n);
	memset(big, 'a', n);
	struct editbuf *eb = editbuf_new(big, n);
	free(big);
	editbuf_select_all(eb);
	assert_true(editbuf_copy(eb));
	editbuf_set_cursor(eb, editbuf_len(eb), false);
	assert_false(editbuf_paste(eb));        /* 2 * n > STORE_MAX_TEXT */
	assert_int_equal(editbuf_len(eb), n);
	assert_false(editbuf_paste_text(eb, editbuf_clipboard(), n));
	assert_int_equal(editbuf_len(eb), n);
	assert_false(editbuf_replace(eb, 0, 0, editbuf_clipboard(), n));
	assert_int_equal(editbuf_len(eb), n);
	/* Up to the limit is fine, one byte past it is not. */
	big = xmalloc(STORE_MAX_TEXT);
	memset(big, 'b', STORE_MAX_TEXT);
	assert_true(editbuf_paste_text(eb, big, STORE_MAX_TEXT - n));
	assert_int_equal(editbuf_len(eb), STORE_MAX_TEXT);
	assert_false(editbuf_insert(eb, "c", 1));
	assert_int_equal(editbuf_len(eb), STORE_MAX_TEXT);
	/* Replacing a selection with text no longer than it still works. */
	editbuf_select_all(eb);
	assert_true(editbuf_paste_text(eb, big, STORE_MAX_TEXT));
	assert_int_equal(editbuf_len(eb), STORE_MAX_TEXT);
	assert_true(editbuf_undo(eb));
	assert_true(editbuf_undo(eb));
	assert_int_equal(editbuf_len(eb), n);
	free(big);
	editbuf_free(eb);
	editbuf_clipboard_free();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(new_buffer__sanitises_input__per_table),
		cmocka_unit_test(insert__drops_controls_and_replaces_invalid_bytes),
		cmocka_unit_test(insert_and_delete__edit_at_the_cursor),
		cmocka_unit_test(backspace__removes_a_whole_cluster_with_its_accent),
		cmocka_unit_test(set_cursor__snaps_inside_a_character_to_its_start),
		cmocka_unit_test(replace__swaps_a_span_as_one_undo_step),
		cmocka_unit_test(word_at__finds_the_word_with_inner_apostrophes),
		cmocka_unit_test(wrap__breaks_at_spaces_else_inside_words__per_table),
		cmocka_unit_test(wrap__keeps_its_invariants_at_every_width_from_1_to_80),
		cmocka_unit_test(edits__rewrap_incrementally_like_a_full_layout),
		cmocka_unit_test(edits_in_one_long_paragraph__rewrap_like_a_full_layout),
		cmocka_unit_test(move__by_word_line_paragraph_and_buffer),
		cmocka_unit_test(move_line_start__goes_to_the_hard_line_start_when_repeated),
		cmocka_unit_test(vertical_moves__land_on_wide_characters_by_column),
		cmocka_unit_test(selection__shift_moves_and_the_mark_extend_it),
		cmocka_unit_test(clipboard__cut_copy_paste_across_buffers),
		cmocka_unit_test(undo__takes_back_typing_a_word_at_a_time),
		cmocka_unit_test(undo__a_cursor_move_ends_the_typing_group),
		cmocka_unit_test(undo__groups_a_run_of_backspaces_and_restores_the_cursor),
		cmocka_unit_test(undo__a_paste_is_one_step_however_large),
		cmocka_unit_test(version__grows_on_changes_and_dirty_follows_mark_clean),
		cmocka_unit_test(paste__of_5000_words_is_fast_and_one_undo_step),
		cmocka_unit_test(paste__never_grows_the_text_past_what_the_store_saves),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
