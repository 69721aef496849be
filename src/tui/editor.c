/* SPDX-License-Identifier: MIT */
/*
 * editor.c: the prose editor widget: draws an editbuf into a rectangle of a
 * curses window with highlight spans, scrolls it, and turns keys, pastes and
 * mouse events into editbuf actions. The logic lives in editbuf.c.
 */
#include "tui/editor.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>
#include <uniwidth.h>

#include "xalloc.h"

struct editor {
	struct editbuf *eb;
	struct editbuf *ph;             /* placeholder text, laid out like the field */
	bool placed;
	int y, x, h, w;                 /* window-relative rectangle */
	WINDOW *win;
	size_t top;                     /* first visible visual line */
	struct editor_span *spans;
	size_t n_spans;
	size_t press;                   /* offset of the last button-1 press */
	bool pressed;
};

/* ---- colours ---- */

struct look {
	attr_t attr;
	short pair;
};

enum { LOOK_INFO, LOOK_WARNING, LOOK_ERROR, LOOK_SPELLING };

static struct look looks[4] = {
	[LOOK_INFO] = { A_DIM, 0 },
	[LOOK_WARNING] = { A_BOLD, 0 },
	[LOOK_ERROR] = { A_BOLD | A_UNDERLINE, 0 },
	[LOOK_SPELLING] = { A_UNDERLINE, 0 },
};

static bool pair_init(short pair, short fg)
{
	if (init_pair(pair, fg, -1) == OK)
		return true;
	return init_pair(pair, fg, COLOR_BLACK) == OK;
}

void editor_colors_init(short pair_base)
{
	const char *nc = getenv("NO_COLOR");
	if (!has_colors() || (nc && *nc))
		return;
	static const short fg[4] = { COLOR_CYAN, COLOR_YELLOW, COLOR_RED, COLOR_RED };
	static const attr_t extra[4] = { 0, 0, A_BOLD, A_UNDERLINE };
	for (int i = 0; i < 4; i++) {
		if (pair_base + i >= COLOR_PAIRS || !pair_init((short)(pair_base + i), fg[i]))
			return;
	}
	for (int i = 0; i < 4; i++) {
		looks[i].attr = extra[i];
		looks[i].pair = (short)(pair_base + i);
	}
}

attr_t editor_look_attr(enum severity sev, bool spelling)
{
	int i = spelling ? LOOK_SPELLING : sev == SEV_ERROR ? LOOK_ERROR :
	    sev == SEV_WARNING ? LOOK_WARNING : LOOK_INFO;

	return looks[i].attr | (looks[i].pair > 0 ? COLOR_PAIR(looks[i].pair) : 0);
}

/* ---- life cycle ---- */

static void on_edit(void *data, size_t pos, size_t old_len, size_t new_len)
{
	struct editor *ed = data;
	size_t old_end = pos + old_len;
	for (size_t i = 0; i < ed->n_spans; i++) {
		struct editor_span *sp = &ed->spans[i];
		size_t s = sp->offset, e = sp->offset + sp->length;
		if (e <= pos && !(e == pos && s == pos && old_len > 0))
			continue;               /* before the edit */
		if (s >= old_end && !(s == pos && old_len > 0)) {
			sp->offset = s - old_len + new_len;
			continue;               /* after it: shift */
		}
		size_t ns = s < pos ? s : pos;
		size_t ne = e > old_end ? e - old_len + new_len : pos + new_len;
		sp->offset = ns;
		sp->length = ne > ns ? ne - ns : 0;
	}
}

struct editor *editor_new(const char *text, size_t len)
{
	struct editor *ed = xcalloc(1, sizeof *ed);
	ed->eb = editbuf_new(text, len);
	editbuf_set_listener(ed->eb, on_edit, ed);
	ed->h = ed->w = 1;
	return ed;
}

void editor_free(struct editor *ed)
{
	if (!ed)
		return;
	editbuf_free(ed->eb);
	editbuf_free(ed->ph);
	free(ed->spans);
	free(ed);
}

struct editbuf *editor_buf(struct editor *ed)
{
	return ed->eb;
}

const struct editbuf *editor_cbuf(const struct editor *ed)
{
	return ed->eb;
}

size_t editor_top(const struct editor *ed)
{
	return ed->top;
}

size_t editor_nlines(const struct editor *ed)
{
	return editbuf_nlines(ed->eb);
}

/* Keeps the cursor's line inside the view and the view inside the text. */
static void scroll_to_cursor(struct editor *ed)
{
	size_t line, n = editbuf_nlines(ed->eb), h = (size_t)ed->h;
	int col;
	editbuf_pos(ed->eb, editbuf_cursor(ed->eb), &line, &col);
	if (line < ed->top)
		ed->top = line;
	else if (line >= ed->top + h)
		ed->top = line - h + 1;
	size_t max_top = n > h ? n - h : 0;
	if (ed->top > max_top)
		ed->top = max_top;
}

void editor_place(struct editor *ed, WINDOW *win, int y, int x, int h, int w)
{
	ed->win = win;
	ed->y = y;
	ed->x = x;
	ed->h = h < 1 ? 1 : h;
	ed->w = w < 1 ? 1 : w;
	ed->placed = true;
	editbuf_set_layout(ed->eb, ed->w, ed->h);
	if (ed->ph)
		editbuf_set_layout(ed->ph, ed->w, ed->h);
	scroll_to_cursor(ed);
}

void editor_set_placeholder(struct editor *ed, const char *text)
{
	editbuf_free(ed->ph);
	ed->ph = NULL;
	if (text && *text) {
		ed->ph = editbuf_new(text, strlen(text));
		editbuf_set_layout(ed->ph, ed->w, ed->h);
	}
}

void editor_set_spans(struct editor *ed, const struct editor_span *spans, size_t n)
{
	free(ed->spans);
	ed->spans = NULL;
	ed->n_spans = 0;
	if (n == 0)
		return;
	ed->spans = xreallocarray(NULL, n, sizeof *spans);
	memcpy(ed->spans, spans, n * sizeof *spans);
	ed->n_spans = n;
}

int editor_span_at_cursor(const struct editor *ed)
{
	size_t c = editbuf_cursor(ed->eb);
	for (size_t i = ed->n_spans; i-- > 0;) {
		const struct editor_span *sp = &ed->spans[i];
		if (sp->length > 0 && sp->offset <= c && c <= sp->offset + sp->length)
			return (int)i;
	}
	return -1;
}

/* ---- keys ---- */

enum action {
	ACT_NONE,
	ACT_LEFT, ACT_RIGHT, ACT_UP, ACT_DOWN, ACT_WORD_LEFT, ACT_WORD_RIGHT,
	ACT_PARA_UP, ACT_PARA_DOWN, ACT_HOME, ACT_END, ACT_PGUP, ACT_PGDN,
	ACT_BUF_START, ACT_BUF_END,
	ACT_BACKSPACE, ACT_DELETE, ACT_DEL_WORD_BACK, ACT_DEL_WORD_FWD, ACT_NEWLINE,
	ACT_MARK, ACT_CUT, ACT_COPY, ACT_PASTE, ACT_UNDO, ACT_REDO
};

struct binding {
	const char *cap;        /* terminfo name of an extended key, or NULL */
	int code;               /* KEY_* when cap is NULL; resolved otherwise */
	enum action act;
	bool shift;
};

/* Keys with fixed codes, then extended keys found through terminfo
 * (xterm-style modifiers: 2 shift, 5 ctrl, 6 ctrl-shift). */
static struct binding key_table[] = {
	{ NULL, KEY_LEFT, ACT_LEFT, false }, { NULL, KEY_RIGHT, ACT_RIGHT, false },
	{ NULL, KEY_UP, ACT_UP, false }, { NULL, KEY_DOWN, ACT_DOWN, false },
	{ NULL, KEY_HOME, ACT_HOME, false }, { NULL, KEY_END, ACT_END, false },
	{ NULL, KEY_PPAGE, ACT_PGUP, false }, { NULL, KEY_NPAGE, ACT_PGDN, false },
	{ NULL, KEY_SLEFT, ACT_LEFT, true }, { NULL, KEY_SRIGHT, ACT_RIGHT, true },
	{ NULL, KEY_SR, ACT_UP, true }, { NULL, KEY_SF, ACT_DOWN, true },
	{ NULL, KEY_SHOME, ACT_HOME, true }, { NULL, KEY_SEND, ACT_END, true },
	{ NULL, KEY_SPREVIOUS, ACT_PGUP, true }, { NULL, KEY_SNEXT, ACT_PGDN, true },
	{ NULL, KEY_BACKSPACE, ACT_BACKSPACE, false }, { NULL, KEY_DC, ACT_DELETE, false },
	{ NULL, KEY_ENTER, ACT_NEWLINE, false }, { NULL, KEY_F(3), ACT_MARK, false },
	{ "kLFT5", 0, ACT_WORD_LEFT, false }, { "kRIT5", 0, ACT_WORD_RIGHT, false },
	{ "kUP5", 0, ACT_PARA_UP, false }, { "kDN5", 0, ACT_PARA_DOWN, false },
	{ "kHOM5", 0, ACT_BUF_START, false }, { "kEND5", 0, ACT_BUF_END, false },
	{ "kLFT6", 0, ACT_WORD_LEFT, true }, { "kRIT6", 0, ACT_WORD_RIGHT, true },
	{ "kUP6", 0, ACT_PARA_UP, true }, { "kDN6", 0, ACT_PARA_DOWN, true },
	{ "kHOM6", 0, ACT_BUF_START, true }, { "kEND6", 0, ACT_BUF_END, true },
	{ "kUP", 0, ACT_UP, true }, { "kDN", 0, ACT_DOWN, true },
	{ "kDC5", 0, ACT_DEL_WORD_FWD, false },
	{ "kLFT3", 0, ACT_WORD_LEFT, false }, { "kRIT3", 0, ACT_WORD_RIGHT, false },
};

/* A modified key terminfo does not describe (TERM=screen): the code of its
 * xterm sequence ("kLFT5" is ESC [1;5D), which term_init defines. */
static int xterm_key_code(const char *cap)
{
	static const char *const names[] = { "kUP", "kDN", "kRIT", "kLFT", "kHOM", "kEND" };
	static const char finals[] = "ABCDHF";
	char seq[16];
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		size_t n = strlen(names[i]);
		if (strncmp(cap, names[i], n) != 0 || cap[n] < '3' || cap[n] > '8' || cap[n + 1])
			continue;
		snprintf(seq, sizeof seq, "\033[1;%c%c", cap[n], finals[i]);
		return key_defined(seq);
	}
	return 0;
}

static void resolve_keys(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	for (size_t i = 0; i < sizeof key_table / sizeof *key_table; i++) {
		if (!key_table[i].cap)
			continue;
		char *seq = tigetstr(key_table[i].cap);
		int code = 0;
		if (seq && seq != (char *)-1)
			code = key_defined(seq);
		if (code <= 0)
			code = xterm_key_code(key_table[i].cap);
		key_table[i].code = code > 0 ? code : -1;
	}
}

static enum action control_action(wint_t ch)
{
	switch (ch) {
	case 0:         return ACT_MARK;        /* Ctrl-Space, Ctrl-@ */
	case 3:         return ACT_COPY;        /* Ctrl-C */
	case 8:         return ACT_BACKSPACE;   /* Ctrl-H, some Backspace keys */
	case 10:
	case 13:        return ACT_NEWLINE;
	case 22:        return ACT_PASTE;       /* Ctrl-V */
	case 23:        return ACT_DEL_WORD_BACK; /* Ctrl-W */
	case 24:        return ACT_CUT;         /* Ctrl-X */
	case 25:        return ACT_REDO;        /* Ctrl-Y */
	case 26:        return ACT_UNDO;        /* Ctrl-Z (a key in raw mode) */
	case 31:        return ACT_UNDO;        /* Ctrl-_ and Ctrl-/ */
	case 127:       return ACT_BACKSPACE;
	default:        return ACT_NONE;
	}
}

static void do_action(struct editor *ed, enum action act, bool shift)
{
	struct editbuf *eb = ed->eb;
	static const enum eb_move moves[] = {
		[ACT_LEFT] = EB_CHAR_LEFT, [ACT_RIGHT] = EB_CHAR_RIGHT,
		[ACT_UP] = EB_LINE_UP, [ACT_DOWN] = EB_LINE_DOWN,
		[ACT_WORD_LEFT] = EB_WORD_LEFT, [ACT_WORD_RIGHT] = EB_WORD_RIGHT,
		[ACT_PARA_UP] = EB_PARA_UP, [ACT_PARA_DOWN] = EB_PARA_DOWN,
		[ACT_HOME] = EB_LINE_START, [ACT_END] = EB_LINE_END,
		[ACT_PGUP] = EB_PAGE_UP, [ACT_PGDN] = EB_PAGE_DOWN,
		[ACT_BUF_START] = EB_BUF_START, [ACT_BUF_END] = EB_BUF_END,
	};
	switch (act) {
	case ACT_NONE:
		break;
	case ACT_LEFT: case ACT_RIGHT: case ACT_UP: case ACT_DOWN:
	case ACT_WORD_LEFT: case ACT_WORD_RIGHT: case ACT_PARA_UP: case ACT_PARA_DOWN:
	case ACT_HOME: case ACT_END: case ACT_BUF_START: case ACT_BUF_END:
		editbuf_move(eb, moves[act], shift);
		break;
	case ACT_PGUP:
	case ACT_PGDN: {
		/* the view moves by the same amount as the cursor */
		size_t l0, l1;
		int c;
		editbuf_pos(eb, editbuf_cursor(eb), &l0, &c);
		editbuf_move(eb, moves[act], shift);
		editbuf_pos(eb, editbuf_cursor(eb), &l1, &c);
		if (l1 >= l0)
			ed->top += l1 - l0;
		else
			ed->top = ed->top > l0 - l1 ? ed->top - (l0 - l1) : 0;
		break;
	}
	case ACT_BACKSPACE:
		editbuf_backspace(eb);
		break;
	case ACT_DELETE:
		editbuf_delete(eb);
		break;
	case ACT_DEL_WORD_BACK:
		editbuf_delete_word_back(eb);
		break;
	case ACT_DEL_WORD_FWD:
		editbuf_delete_word_forward(eb);
		break;
	case ACT_NEWLINE:
		editbuf_insert(eb, "\n", 1);
		break;
	case ACT_MARK:
		editbuf_toggle_mark(eb);
		break;
	case ACT_CUT:
		editbuf_cut(eb);
		break;
	case ACT_COPY:
		editbuf_copy(eb);
		break;
	case ACT_PASTE:
		editbuf_paste(eb);
		break;
	case ACT_UNDO:
		editbuf_undo(eb);
		break;
	case ACT_REDO:
		editbuf_redo(eb);
		break;
	}
}

struct snapshot {
	unsigned long version;
	size_t cursor, top, s, e;
	bool sel, mark;
};

static struct snapshot snap_state(const struct editor *ed)
{
	struct snapshot s = { 0 };
	s.version = editbuf_version(ed->eb);
	s.cursor = editbuf_cursor(ed->eb);
	s.top = ed->top;
	s.sel = editbuf_selection(ed->eb, &s.s, &s.e);
	s.mark = editbuf_mark_active(ed->eb);
	return s;
}

static int result_since(struct editor *ed, const struct snapshot *a)
{
	scroll_to_cursor(ed);
	struct snapshot b = snap_state(ed);
	int r = ED_HANDLED;
	if (b.version != a->version)
		r |= ED_CHANGED | ED_MOVED;
	if (b.cursor != a->cursor || b.top != a->top || b.sel != a->sel || b.mark != a->mark ||
	    (b.sel && (b.s != a->s || b.e != a->e)))
		r |= ED_MOVED;
	return r;
}

int editor_key(struct editor *ed, wint_t ch, bool keycode)
{
	enum action act = ACT_NONE;
	bool shift = false;
	if (keycode) {
		resolve_keys();
		for (size_t i = 0; i < sizeof key_table / sizeof *key_table; i++) {
			if (key_table[i].code == (int)ch) {
				act = key_table[i].act;
				shift = key_table[i].shift;
				break;
			}
		}
		if (act == ACT_NONE)
			return ED_IGNORED;
	} else if (ch < 0x20 || ch == 0x7f) {
		act = control_action(ch);
		if (act == ACT_NONE)
			return ED_IGNORED;
	} else if (ch >= 0x80 && ch < 0xA0) {
		return ED_IGNORED;
	}
	struct snapshot before = snap_state(ed);
	if (act != ACT_NONE) {
		do_action(ed, act, shift);
	} else {
		uint8_t buf[8];
		int n = u8_uctomb(buf, (ucs4_t)ch, sizeof buf);
		if (n <= 0)
			return ED_HANDLED;
		editbuf_insert(ed->eb, (const char *)buf, (size_t)n);
	}
	return result_since(ed, &before);
}

int editor_paste(struct editor *ed, const char *text, size_t len)
{
	struct snapshot before = snap_state(ed);
	editbuf_paste_text(ed->eb, text, len);
	return result_since(ed, &before);
}

int editor_scroll(struct editor *ed, int n)
{
	size_t nl = editbuf_nlines(ed->eb), h = (size_t)ed->h;
	size_t max_top = nl > h ? nl - h : 0;
	size_t top = ed->top;
	if (n < 0)
		top = (size_t)-n > top ? 0 : top - (size_t)-n;
	else
		top = top + (size_t)n > max_top ? max_top : top + (size_t)n;
	struct snapshot before = snap_state(ed);
	ed->top = top;
	size_t line;
	int col;
	editbuf_pos(ed->eb, editbuf_cursor(ed->eb), &line, &col);
	if (line < top)
		editbuf_set_cursor(ed->eb, editbuf_offset_at(ed->eb, top, col), false);
	else if (line >= top + h)
		editbuf_set_cursor(ed->eb, editbuf_offset_at(ed->eb, top + h - 1, col), false);
	return result_since(ed, &before);
}

int editor_mouse(struct editor *ed, const MEVENT *ev)
{
	if (!ed->placed || !ed->win)
		return ED_IGNORED;
	int by, bx;
	getbegyx(ed->win, by, bx);
	int row = ev->y - by - ed->y, col = ev->x - bx - ed->x;
	if (row < 0 || row >= ed->h || col < 0 || col >= ed->w)
		return ED_IGNORED;
#if NCURSES_MOUSE_VERSION > 1
	if (ev->bstate & BUTTON4_PRESSED)
		return editor_scroll(ed, -3);
	if (ev->bstate & BUTTON5_PRESSED)
		return editor_scroll(ed, 3);
#endif
	struct snapshot before = snap_state(ed);
	size_t off = editbuf_offset_at(ed->eb, ed->top + (size_t)row, col);
	bool shift = (ev->bstate & BUTTON_SHIFT) != 0;
	if (ev->bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED)) {
		editbuf_set_cursor(ed->eb, off, shift);
		ed->press = editbuf_cursor(ed->eb);
		ed->pressed = (ev->bstate & BUTTON1_PRESSED) != 0;
	} else if (ev->bstate & BUTTON1_RELEASED) {
		/* a drag: select from the press to here */
		if (ed->pressed && off != ed->press) {
			editbuf_set_cursor(ed->eb, ed->press, false);
			editbuf_set_cursor(ed->eb, off, true);
		}
		ed->pressed = false;
	} else {
		return ED_IGNORED;
	}
	return result_since(ed, &before);
}

/* ---- drawing ---- */

bool editor_cursor_yx(const struct editor *ed, int *y, int *x)
{
	if (!ed->placed)
		return false;
	size_t line;
	int col;
	editbuf_pos(ed->eb, editbuf_cursor(ed->eb), &line, &col);
	if (line < ed->top || line >= ed->top + (size_t)ed->h)
		return false;
	*y = ed->y + (int)(line - ed->top);
	*x = ed->x + (col >= ed->w ? ed->w - 1 : col);
	return true;
}

static struct look span_look(const struct editor_span *sp)
{
	if (sp->spelling)
		return looks[LOOK_SPELLING];
	switch (sp->severity) {
	case SEV_ERROR:
		return looks[LOOK_ERROR];
	case SEV_WARNING:
		return looks[LOOK_WARNING];
	case SEV_INFO:
	default:
		return looks[LOOK_INFO];
	}
}

/* Draws the visual lines [first, first + rows) of eb at the rectangle. */
static void draw_lines(const struct editor *ed, const struct editbuf *eb, WINDOW *win,
    attr_t base, const struct editor_span *spans, size_t n_spans, bool sel,
    size_t ss, size_t se)
{
	const char *t = editbuf_text(eb);
	size_t nl = editbuf_nlines(eb);
	for (int r = 0; r < ed->h; r++) {
		size_t li = ed->top + (size_t)r;
		if (eb == ed->ph)
			li = (size_t)r;
		int col = 0;
		if (li < nl) {
			struct eb_line ln = editbuf_line(eb, li);
			size_t off = ln.start;
			while (off < ln.end && col < ed->w) {
				size_t nx = editbuf_next_cluster(eb, off);
				wchar_t wc[CCHARW_MAX + 1];
				int nw = 0;
				for (size_t p = off; p < nx && nw < CCHARW_MAX;) {
					ucs4_t uc;
					int k = u8_mbtouc(&uc, (const uint8_t *)t + p, nx - p);
					wc[nw++] = (wchar_t)uc;
					p += (size_t)(k > 0 ? k : 1);
				}
				if (nw > 0 && wc[0] >= 0x300 && uc_width((ucs4_t)wc[0], "UTF-8") == 0) {
					/* an orphan mark (after a line start): put it on a space */
					if (nw == CCHARW_MAX)
						nw--;
					memmove(wc + 1, wc, (size_t)nw * sizeof *wc);
					wc[0] = L' ';
					nw++;
				}
				wc[nw] = L'\0';
				int cw = wc[0] == L'\t' ? 4 - col % 4 : editbuf_span_width(eb, off, nx);
				struct look lk = { base, 0 };
				for (size_t i = 0; i < n_spans; i++) {
					const struct editor_span *sp = &spans[i];
					if (sp->length == 0 || off < sp->offset || off >= sp->offset + sp->length)
						continue;
					struct look s = span_look(sp);
					lk.attr |= s.attr;
					if (s.pair)
						lk.pair = s.pair;
				}
				if (sel && off >= ss && off < se)
					lk.attr |= A_REVERSE;
				if (wc[0] == L'\t' || wc[0] == L' ' || col + cw > ed->w || cw < 1) {
					/* blanks, and a wide character that does not fit */
					int n = cw < 1 ? 1 : cw;
					if (col + n > ed->w)
						n = ed->w - col;
					cchar_t sp;
					setcchar(&sp, L" ", lk.attr, lk.pair, NULL);
					for (int k = 0; k < n; k++)
						mvwadd_wch(win, ed->y + r, ed->x + col + k, &sp);
				} else {
					cchar_t cc;
					if (setcchar(&cc, wc, lk.attr, lk.pair, NULL) != OK)
						setcchar(&cc, L"\xFFFD", lk.attr, lk.pair, NULL);
					mvwadd_wch(win, ed->y + r, ed->x + col, &cc);
				}
				col += cw;
				off = nx;
			}
		}
		if (col < ed->w) {
			wattrset(win, A_NORMAL);
			mvwhline(win, ed->y + r, ed->x + col, ' ', ed->w - col);
		}
	}
}

static void draw_text(const struct editor *ed, WINDOW *win, bool focused);

void editor_draw(const struct editor *ed, WINDOW *win, bool focused)
{
	if (!ed->placed)
		return;
	attr_t attrs;
	short pair;
	wattr_get(win, &attrs, &pair, NULL);
	if (editbuf_len(ed->eb) == 0 && ed->ph)
		draw_lines(ed, ed->ph, win, A_DIM, NULL, 0, false, 0, 0);
	else
		draw_text(ed, win, focused);
	wattr_set(win, attrs, pair, NULL);      /* the caller's attributes back */
}

static void draw_text(const struct editor *ed, WINDOW *win, bool focused)
{
	/* only spans that touch the visible bytes take part */
	size_t nl = editbuf_nlines(ed->eb);
	size_t last = ed->top + (size_t)ed->h;
	if (last > nl)
		last = nl;
	size_t vs = editbuf_line(ed->eb, ed->top < nl ? ed->top : nl - 1).start;
	size_t ve = editbuf_line(ed->eb, last > 0 ? last - 1 : 0).end;
	struct editor_span local[64];
	struct editor_span *vis = local;
	size_t nv = 0, cap = 64;
	for (size_t i = 0; i < ed->n_spans; i++) {
		const struct editor_span *sp = &ed->spans[i];
		if (sp->length == 0 || sp->offset + sp->length <= vs || sp->offset >= ve)
			continue;
		if (nv == cap) {
			cap *= 2;
			if (vis == local) {
				vis = xreallocarray(NULL, cap, sizeof *vis);
				memcpy(vis, local, sizeof local);
			} else {
				vis = xreallocarray(vis, cap, sizeof *vis);
			}
		}
		vis[nv++] = *sp;
	}
	size_t ss = 0, se = 0;
	bool sel = focused && editbuf_selection(ed->eb, &ss, &se);
	draw_lines(ed, ed->eb, win, A_NORMAL, vis, nv, sel, ss, se);
	if (vis != local)
		free(vis);
}

/* ---- help ---- */

static const struct editor_key_help help[] = {
	{ "Arrows", "move by character and line" },
	{ "Ctrl-Left/Right", "previous/next word" },
	{ "Ctrl-Up/Down", "previous/next paragraph" },
	{ "Home/End", "start/end of line (Home twice: of paragraph)" },
	{ "PgUp/PgDn", "page up/down" },
	{ "Ctrl-Home/End", "start/end of the field" },
	{ "Shift+move", "select (where the terminal reports Shift)" },
	{ "Ctrl-Space, F3", "set or clear the mark: moves then select" },
	{ "Ctrl-X", "cut the selection" },
	{ "Ctrl-C", "copy the selection" },
	{ "Ctrl-V", "paste (the terminal's paste works too)" },
	{ "Ctrl-Z, Ctrl-_", "undo" },
	{ "Ctrl-Y", "redo" },
	{ "Backspace/Delete", "delete a character" },
	{ "Ctrl-W, Ctrl-Delete", "delete the word before/after the cursor" },
	{ "Mouse", "click to place the cursor, drag to select, wheel to scroll" },
	{ NULL, NULL },
};

const struct editor_key_help *editor_key_help(void)
{
	return help;
}
