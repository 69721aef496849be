/* SPDX-License-Identifier: MIT */
/* test_editor.c: the editor widget drawn headless (newterm on /dev/null) and
 * read back from the curses screen: wrapping, highlights, scrolling, keys,
 * mouse and span tracking. */
#include "config.h"

#include "testutil.h"

#include <locale.h>

#include "tui/editor.h"

static SCREEN *scr;
static FILE *out_f, *in_f;

static int setup(void **state)
{
	(void)state;
	setlocale(LC_ALL, "C.UTF-8");
	out_f = fopen("/dev/null", "w");
	in_f = fopen("/dev/null", "r");
	scr = newterm("xterm", out_f, in_f);
	if (!scr)
		return -1;
	set_term(scr);
	resizeterm(24, 80);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	endwin();
	delscreen(scr);
	fclose(out_f);
	fclose(in_f);
	editbuf_clipboard_free();
	return 0;
}

/* Row y of stdscr from column x, n cells, as UTF-8 (wide cells once). */
static char *row_text(int y, int x, int n)
{
	static char buf[512];
	size_t o = 0;
	for (int i = 0; i < n; i++) {
		cchar_t cc;
		wchar_t wc[CCHARW_MAX + 1];
		attr_t a;
		short pair;
		mvwin_wch(stdscr, y, x + i, &cc);
		getcchar(&cc, wc, &a, &pair, NULL);
		for (int k = 0; wc[k] && o + 8 < sizeof buf; k++) {
			int m = wctomb(buf + o, wc[k]);
			if (m > 0)
				o += (size_t)m;
		}
		if (wcwidth(wc[0]) == 2)
			i++;
	}
	buf[o] = '\0';
	return buf;
}

static attr_t cell_attr(int y, int x)
{
	cchar_t cc;
	wchar_t wc[CCHARW_MAX + 1];
	attr_t a;
	short pair;
	mvwin_wch(stdscr, y, x, &cc);
	getcchar(&cc, wc, &a, &pair, NULL);
	return a;
}

static void draw__wraps_at_the_rectangle_width_and_blanks_the_rest(void **state)
{
	(void)state;
	struct editor *ed = editor_new("hello world again", 17);
	wclear(stdscr);
	mvwaddstr(stdscr, 3, 2, "XXXXXXXXXX");          /* old content to be blanked */
	editor_place(ed, stdscr, 1, 2, 3, 10);
	editor_draw(ed, stdscr, true);
	assert_string_equal(row_text(1, 2, 10), "hello     ");
	assert_string_equal(row_text(2, 2, 10), "world     ");
	assert_string_equal(row_text(3, 2, 10), "again     ");
	assert_string_equal(row_text(1, 0, 2), "  ");   /* outside untouched */
	int y, x;
	assert_true(editor_cursor_yx(ed, &y, &x));
	assert_int_equal(y, 1);
	assert_int_equal(x, 2);
	editor_free(ed);
}

static void draw__shows_wide_and_accented_characters(void **state)
{
	(void)state;
	const char *t = "caf\x65\xCC\x81 \xE6\x97\xA5\xE6\x9C\xAC!";
	struct editor *ed = editor_new(t, strlen(t));
	wclear(stdscr);
	editor_place(ed, stdscr, 0, 0, 2, 20);
	editor_draw(ed, stdscr, true);
	assert_string_equal(row_text(0, 0, 10), t);
	editbuf_move(editor_buf(ed), EB_BUF_END, false);
	int y, x;
	assert_true(editor_cursor_yx(ed, &y, &x));
	assert_int_equal(x, 10);                        /* 4 + 1 + 2 + 2 + 1 columns */
	editor_free(ed);
}

static void draw__underlines_spelling_and_marks_severities(void **state)
{
	(void)state;
	const char *t = "We acheived it was done";
	struct editor *ed = editor_new(t, strlen(t));
	struct editor_span spans[] = {
		{ 3, 8, SEV_WARNING, true },
		{ 12, 11, SEV_ERROR, false },
	};
	editor_set_spans(ed, spans, 2);
	wclear(stdscr);
	editor_place(ed, stdscr, 0, 0, 2, 40);
	editor_draw(ed, stdscr, false);
	assert_false(cell_attr(0, 0) & A_UNDERLINE);
	assert_true(cell_attr(0, 3) & A_UNDERLINE);
	assert_true(cell_attr(0, 10) & A_UNDERLINE);
	assert_false(cell_attr(0, 11) & A_UNDERLINE);
	assert_true(cell_attr(0, 12) & A_BOLD);         /* monochrome error */
	/* the span under the cursor, and spans follow edits */
	editbuf_set_cursor(editor_buf(ed), 5, false);
	assert_int_equal(editor_span_at_cursor(ed), 0);
	editbuf_set_cursor(editor_buf(ed), 0, false);
	assert_int_equal(editor_span_at_cursor(ed), -1);
	assert_int_equal(editor_key(ed, 'I', false) & ED_CHANGED, ED_CHANGED);
	editbuf_set_cursor(editor_buf(ed), 12, false);  /* was 11: the 'd' of acheived */
	assert_int_equal(editor_span_at_cursor(ed), 0);
	editor_draw(ed, stdscr, true);
	assert_true(cell_attr(0, 4) & A_UNDERLINE);
	assert_false(cell_attr(0, 3) & A_UNDERLINE);
	/* deleting the whole span leaves nothing highlighted there */
	editbuf_replace(editor_buf(ed), 4, 8, "", 0);
	editor_draw(ed, stdscr, true);
	assert_false(cell_attr(0, 4) & A_UNDERLINE);
	editor_free(ed);
}

static void draw__shows_the_selection_only_when_focused(void **state)
{
	(void)state;
	struct editor *ed = editor_new("select me", 9);
	wclear(stdscr);
	editor_place(ed, stdscr, 0, 0, 1, 20);
	editbuf_move(editor_buf(ed), EB_WORD_RIGHT, true);
	editor_draw(ed, stdscr, true);
	assert_true(cell_attr(0, 0) & A_REVERSE);
	assert_false(cell_attr(0, 7) & A_REVERSE);
	editor_draw(ed, stdscr, false);
	assert_false(cell_attr(0, 0) & A_REVERSE);
	editor_free(ed);
}

static void placeholder__is_shown_only_while_empty(void **state)
{
	(void)state;
	struct editor *ed = editor_new("", 0);
	editor_set_placeholder(ed, "Describe the challenge");
	wclear(stdscr);
	editor_place(ed, stdscr, 0, 0, 2, 12);
	editor_draw(ed, stdscr, true);
	assert_string_equal(row_text(0, 0, 12), "Describe the");
	assert_true(cell_attr(0, 0) & A_DIM);
	editor_key(ed, 'A', false);
	editor_draw(ed, stdscr, true);
	assert_string_equal(row_text(0, 0, 12), "A           ");
	assert_string_equal(row_text(1, 0, 12), "            ");
	editor_free(ed);
}

static void keys__edit_move_and_leave_screen_keys_alone(void **state)
{
	(void)state;
	struct editor *ed = editor_new("", 0);
	editor_place(ed, stdscr, 0, 0, 5, 40);
	assert_int_equal(editor_key(ed, 'a', false), ED_HANDLED | ED_MOVED | ED_CHANGED);
	assert_int_equal(editor_key(ed, 0x00E9, false) & ED_CHANGED, ED_CHANGED);
	assert_string_equal(editbuf_text(editor_buf(ed)), "a\xC3\xA9");
	assert_int_equal(editor_key(ed, KEY_LEFT, true), ED_HANDLED | ED_MOVED);
	assert_int_equal(editor_key(ed, KEY_LEFT, true), ED_HANDLED | ED_MOVED);
	assert_int_equal(editor_key(ed, KEY_LEFT, true), ED_HANDLED);   /* at the start */
	static const wint_t screen_keys[] = { 9, 27, 17, 19, 28, 1, 2, 0x9B };
	for (size_t i = 0; i < sizeof screen_keys / sizeof *screen_keys; i++)
		assert_int_equal(editor_key(ed, screen_keys[i], false), ED_IGNORED);
	assert_int_equal(editor_key(ed, KEY_F(1), true), ED_IGNORED);
	assert_int_equal(editor_key(ed, KEY_RESIZE, true), ED_IGNORED);
	editor_key(ed, KEY_END, true);
	editor_key(ed, 13, false);                      /* Enter */
	editor_key(ed, 'b', false);
	assert_string_equal(editbuf_text(editor_buf(ed)), "a\xC3\xA9\nb");
	assert_int_equal(editor_key(ed, 26, false) & ED_CHANGED, ED_CHANGED);   /* Ctrl-Z */
	assert_string_equal(editbuf_text(editor_buf(ed)), "a\xC3\xA9\n");
	editor_key(ed, 25, false);                      /* Ctrl-Y */
	assert_string_equal(editbuf_text(editor_buf(ed)), "a\xC3\xA9\nb");
	editor_key(ed, KEY_SLEFT, true);                /* select "b", cut, paste twice */
	assert_int_equal(editor_key(ed, 24, false) & ED_CHANGED, ED_CHANGED);
	editor_key(ed, 22, false);
	editor_key(ed, 22, false);
	assert_string_equal(editbuf_text(editor_buf(ed)), "a\xC3\xA9\nbb");
	editor_key(ed, 127, false);
	editor_key(ed, KEY_BACKSPACE, true);
	assert_string_equal(editbuf_text(editor_buf(ed)), "a\xC3\xA9\n");
	editor_free(ed);
}

static void paste__is_one_undo_step_with_cr_line_ends(void **state)
{
	(void)state;
	struct editor *ed = editor_new("x", 1);
	editor_place(ed, stdscr, 0, 0, 5, 40);
	const char *p = "one\rtwo\r\nthree";
	assert_int_equal(editor_paste(ed, p, strlen(p)) & ED_CHANGED, ED_CHANGED);
	assert_string_equal(editbuf_text(editor_buf(ed)), "one\ntwo\nthreex");
	editor_key(ed, 26, false);
	assert_string_equal(editbuf_text(editor_buf(ed)), "x");
	editor_free(ed);
}

static void scrolling__keeps_the_cursor_visible(void **state)
{
	(void)state;
	char text[2000];
	size_t o = 0;
	for (int i = 0; i < 100; i++)
		o += (size_t)snprintf(text + o, sizeof text - o, "line %d\n", i);
	struct editor *ed = editor_new(text, o);
	wclear(stdscr);
	editor_place(ed, stdscr, 2, 0, 5, 20);
	editor_key(ed, KEY_NPAGE, true);
	editor_key(ed, KEY_NPAGE, true);
	int y, x;
	assert_true(editor_cursor_yx(ed, &y, &x));
	assert_true(y >= 2 && y < 7);
	assert_int_equal(editor_top(ed), 8);
	editor_draw(ed, stdscr, true);
	assert_string_equal(row_text(2, 0, 7), "line 8 ");
	editor_key(ed, KEY_END, true);                  /* Ctrl-End through the fallback */
	editbuf_move(editor_buf(ed), EB_BUF_END, false);
	editor_place(ed, stdscr, 2, 0, 5, 20);
	assert_int_equal(editor_top(ed), 96);           /* 101 lines, 5 shown */
	assert_true(editor_scroll(ed, -50) & ED_MOVED);
	assert_int_equal(editor_top(ed), 46);
	assert_true(editor_cursor_yx(ed, &y, &x));      /* dragged into view */
	assert_int_equal(y, 6);
	editor_free(ed);
}

static void mouse__click_places_the_cursor_and_wheel_scrolls(void **state)
{
	(void)state;
	struct editor *ed = editor_new("alpha beta gamma delta", 22);
	wclear(stdscr);
	editor_place(ed, stdscr, 3, 4, 2, 11);          /* "alpha beta |gamma delta" */
	MEVENT ev = { 0 };
	ev.y = 4;
	ev.x = 4 + 2;
	ev.bstate = BUTTON1_CLICKED;
	assert_true(editor_mouse(ed, &ev) & ED_MOVED);
	assert_int_equal(editbuf_cursor(editor_buf(ed)), 13);
	ev.x = 4 + 30;                                  /* outside */
	assert_int_equal(editor_mouse(ed, &ev), ED_IGNORED);
	ev.y = 3;
	ev.x = 4 + 10;                                  /* past "alpha beta": end of line */
	editor_mouse(ed, &ev);
	assert_int_equal(editbuf_cursor(editor_buf(ed)), 10);
	ev.x = 4;
	ev.bstate = BUTTON1_CLICKED | BUTTON_SHIFT;
	editor_mouse(ed, &ev);
	size_t s, e;
	assert_true(editbuf_selection(editor_buf(ed), &s, &e));
	assert_int_equal(s, 0);
	assert_int_equal(e, 10);
#if NCURSES_MOUSE_VERSION > 1
	ev.bstate = BUTTON5_PRESSED;
	assert_int_not_equal(editor_mouse(ed, &ev), ED_IGNORED);
#endif
	editor_free(ed);
}

static void key_help__lists_undo_and_ends_with_null(void **state)
{
	(void)state;
	const struct editor_key_help *h = editor_key_help();
	bool undo = false;
	size_t n = 0;
	for (; h[n].key; n++)
		undo = undo || strcmp(h[n].action, "undo") == 0;
	assert_true(undo);
	assert_true(n > 10);
}

static short cell_pair(int y, int x)
{
	cchar_t cc;
	wchar_t wc[CCHARW_MAX + 1];
	attr_t a;
	short pair;
	mvwin_wch(stdscr, y, x, &cc);
	getcchar(&cc, wc, &a, &pair, NULL);
	return pair;
}

/* Runs last: it turns colours on for the rest of the binary. */
static void colors__respect_no_color_then_colour_by_severity(void **state)
{
	(void)state;
	const char *t = "one two three";
	struct editor *ed = editor_new(t, strlen(t));
	struct editor_span spans[] = {
		{ 0, 3, SEV_INFO, false }, { 4, 3, SEV_WARNING, false }, { 8, 5, SEV_ERROR, false },
	};
	editor_set_spans(ed, spans, 3);
	editor_place(ed, stdscr, 0, 0, 1, 40);
	start_color();
	setenv("NO_COLOR", "1", 1);
	editor_colors_init(1);
	wclear(stdscr);
	editor_draw(ed, stdscr, false);
	assert_int_equal(cell_pair(0, 0), 0);
	assert_true(cell_attr(0, 0) & A_DIM);
	assert_true(cell_attr(0, 4) & A_BOLD);
	unsetenv("NO_COLOR");
	if (!has_colors() || COLOR_PAIRS < 5) {
		editor_free(ed);
		skip();
	}
	editor_colors_init(1);
	wclear(stdscr);
	editor_draw(ed, stdscr, false);
	assert_int_equal(cell_pair(0, 0), 1);
	assert_int_equal(cell_pair(0, 4), 2);
	assert_int_equal(cell_pair(0, 8), 3);
	assert_int_equal(cell_pair(0, 3), 0);
	editor_free(ed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(draw__wraps_at_the_rectangle_width_and_blanks_the_rest),
		cmocka_unit_test(draw__shows_wide_and_accented_characters),
		cmocka_unit_test(draw__underlines_spelling_and_marks_severities),
		cmocka_unit_test(draw__shows_the_selection_only_when_focused),
		cmocka_unit_test(placeholder__is_shown_only_while_empty),
		cmocka_unit_test(keys__edit_move_and_leave_screen_keys_alone),
		cmocka_unit_test(paste__is_one_undo_step_with_cr_line_ends),
		cmocka_unit_test(scrolling__keeps_the_cursor_visible),
		cmocka_unit_test(mouse__click_places_the_cursor_and_wheel_scrolls),
		cmocka_unit_test(key_help__lists_undo_and_ends_with_null),
		cmocka_unit_test(colors__respect_no_color_then_colour_by_severity),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
