/* SPDX-License-Identifier: MIT */
/*
 * ecq.c: one ECQ: its definition, its competencies with the examples that
 * show each, the focus questions with an answer note under each, the
 * introduction and the examples, which can be added (with a warning past
 * the framework's limit), reordered, deleted and brought back.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/term.h"
#include "tui/tui.h"
#include "xalloc.h"

enum ecq_item_kind { IT_HEAD, IT_COMP, IT_NOTE, IT_INTRO, IT_EXAMPLE, IT_ADD };

struct ecq_item {
	enum ecq_item_kind kind;
	int index;              /* competency, question or example position */
	int y, h;               /* placed rows (y < 0: not visible) */
};

#define ECQ_MAX_ITEMS 128
static struct ecq_item ecq_items[ECQ_MAX_ITEMS];
static int ecq_n_items;
static int ecq_scroll;          /* first item drawn */
static int ecq_body_y;          /* first row below the definition */

static void
ecq_push(enum ecq_item_kind kind, int index)
{
	if (ecq_n_items >= ECQ_MAX_ITEMS)
		return;
	ecq_items[ecq_n_items].kind = kind;
	ecq_items[ecq_n_items].index = index;
	ecq_items[ecq_n_items].y = -1;
	ecq_items[ecq_n_items].h = 1;
	ecq_n_items++;
}

static void
ecq_build(struct tui *t)
{
	const struct project *p = tui_project(t);
	const struct fw_ecq *e = &p->fw->ecqs[t->ecq];
	size_t i, n = project_count_examples(p, t->ecq);

	ecq_n_items = 0;
	ecq_push(IT_HEAD, 0);
	for (i = 0; i < e->competencies.n; i++)
		ecq_push(IT_COMP, (int)i);
	ecq_push(IT_HEAD, 1);
	for (i = 0; i < e->questions.n; i++)
		ecq_push(IT_NOTE, (int)i);
	ecq_push(IT_HEAD, 2);
	ecq_push(IT_INTRO, 0);
	ecq_push(IT_HEAD, 3);
	for (i = 0; i < n; i++)
		ecq_push(IT_EXAMPLE, (int)i);
	ecq_push(IT_ADD, 0);
	if (t->ecq_item >= ecq_n_items)
		t->ecq_item = ecq_n_items - 1;
	while (t->ecq_item < ecq_n_items && ecq_items[t->ecq_item].kind == IT_HEAD)
		t->ecq_item++;
}

static struct tui_field *
ecq_item_field(struct tui *t, const struct ecq_item *it)
{
	if (it->kind == IT_NOTE)
		return tui_field_note(t, t->ecq, it->index);
	if (it->kind == IT_INTRO)
		return tui_field_intro(t, t->ecq);
	return NULL;
}

static void
ecq_select(struct tui *t, int item)
{
	if (item < 0 || item >= ecq_n_items)
		return;
	t->ecq_item = item;
	tui_focus(t, ecq_item_field(t, &ecq_items[item]));
}

static void
ecq_enter(struct tui *t)
{
	if (t->ecq < 0 || (size_t)t->ecq >= tui_fw(t)->n_ecqs)
		t->ecq = 0;
	ecq_scroll = 0;
	ecq_build(t);
	ecq_select(t, t->ecq_item);
}

static int
ecq_question_lines(struct tui *t, int q)
{
	const struct fw_ecq *e = &tui_fw(t)->ecqs[t->ecq];
	char buf[1024];
	int n;

	/* as ecq_draw wraps it: "Qn. " and the question, at COLS - 4 */
	snprintf(buf, sizeof buf, "Q%d. %s", q + 1, e->questions.items[q]);
	n = draw_wrap_count(buf, COLS - 4);
	return n < 1 ? 1 : (n > 2 ? 2 : n);
}

static void
ecq_layout(struct tui *t)
{
	const struct fw_ecq *e = &tui_fw(t)->ecqs[t->ecq];
	int i, y, sel, defl, total;
	struct tui_field *tf;

	ecq_build(t);
	defl = draw_wrap_count(e->definition, COLS - 2);
	if (defl > 4)
		defl = 4;
	ecq_body_y = t->top + defl + 1;
	for (i = 0; i < ecq_n_items; i++) {
		struct ecq_item *it = &ecq_items[i];
		bool selected = i == t->ecq_item;

		switch (it->kind) {
		case IT_NOTE:
			it->h = ecq_question_lines(t, it->index) + (selected ? 5 : 1);
			break;
		case IT_INTRO:
			it->h = selected ? 6 : 2;
			break;
		case IT_HEAD:
			it->h = it->index == 0 ? 1 : 2;
			break;
		default:
			it->h = 1;
		}
		it->y = -1;
	}
	/* scroll so that the selected item is visible */
	sel = t->ecq_item;
	if (ecq_scroll > sel)
		ecq_scroll = sel;
	if (sel > 0 && ecq_items[sel - 1].kind == IT_HEAD && ecq_scroll == sel)
		ecq_scroll = sel - 1;
	for (;;) {
		total = 0;
		for (i = ecq_scroll; i <= sel; i++)
			total += ecq_items[i].h;
		if (total <= t->bottom - ecq_body_y + 1 || ecq_scroll >= sel)
			break;
		ecq_scroll++;
	}
	y = ecq_body_y;
	for (i = ecq_scroll; i < ecq_n_items && y <= t->bottom; i++) {
		struct ecq_item *it = &ecq_items[i];
		int h = it->h;

		if (y + h - 1 > t->bottom)
			h = t->bottom - y + 1;
		it->y = y;
		tf = ecq_item_field(t, it);
		if (tf != NULL) {
			int head = it->kind == IT_NOTE ? ecq_question_lines(t, it->index) : 1;

			if (h - head >= 1)
				editor_place(tf->ed, stdscr, y + head, 4, h - head, COLS - 6);
			else
				it->y = -1;     /* no room to show its text */
		}
		y += it->h;
	}
}

static void
ecq_draw_comp(struct tui *t, WINDOW *win, const struct ecq_item *it, attr_t a)
{
	const struct project *p = tui_project(t);
	const char *name = p->fw->ecqs[t->ecq].competencies.items[it->index];
	size_t k, n = project_count_examples(p, t->ecq);
	char buf[512], num[32];
	bool any = false;

	snprintf(buf, sizeof buf, "%s: ", name);
	for (k = 0; k < n; k++) {
		const struct example *ex = project_example_at(p, t->ecq, k);

		if (strlist_contains(&ex->competencies, name)) {
			snprintf(num, sizeof num, "%sExample %zu", any ? ", " : "", k + 1);
			strncat(buf, num, sizeof buf - strlen(buf) - 1);
			any = true;
		}
	}
	if (!any)
		strncat(buf, "not shown yet", sizeof buf - strlen(buf) - 1);
	draw_text(win, it->y, 2, COLS - 4, buf, any ? a : (a | A_DIM));
}

/* A marker on the last row when items are below the screen: how many
 * focus questions are still hidden, so none is missed. */
static void
ecq_draw_more(struct tui *t, WINDOW *win)
{
	int i, last = -1, notes = 0, cols = getmaxx(win), w;
	char buf[96];

	for (i = ecq_scroll; i < ecq_n_items; i++)
		if (ecq_items[i].y >= 0 && ecq_items[i].y + ecq_items[i].h - 1 <= t->bottom)
			last = i;
	if (last < 0 || last + 1 >= ecq_n_items)
		return;
	for (i = last + 1; i < ecq_n_items; i++)
		if (ecq_items[i].kind == IT_NOTE)
			notes++;
	if (notes > 0)
		snprintf(buf, sizeof buf, " v %d more focus question%s below (Tab) ", notes,
		    notes == 1 ? "" : "s");
	else
		snprintf(buf, sizeof buf, " v more below (Tab) ");
	w = draw_width(buf);
	draw_text(win, t->bottom, cols - w - 1, w, buf, term_attr(TP_TITLE, A_REVERSE) | A_BOLD);
}

static void
ecq_draw(struct tui *t, WINDOW *win)
{
	const struct project *p = tui_project(t);
	const struct fw_ecq *e = &p->fw->ecqs[t->ecq];
	static const char *const heads[] = { "Competencies (and the examples that show them)",
		"Focus questions: answer each in a note (notes are not exported)",
		"Introduction (optional, exported before the examples)", "Examples" };
	int i, cols = getmaxx(win);
	char buf[512], right[64];
	attr_t sel = term_attr(TP_SELECT, A_REVERSE) | A_BOLD;
	size_t nex = project_count_examples(p, t->ecq);

	snprintf(buf, sizeof buf, "ECQ %d of %zu: %s", t->ecq + 1, p->fw->n_ecqs, e->title);
	snprintf(right, sizeof right, "%zu of about %zu words", tui_ecq_words(t, t->ecq),
	    tui_ecq_budget(t));
	tui_draw_title(t, win, buf, right);
	draw_wrap(win, t->top, 1, cols - 2, ecq_body_y - t->top - 1, 0, e->definition,
	    term_attr(TP_DIM, A_DIM));
	for (i = ecq_scroll; i < ecq_n_items; i++) {
		const struct ecq_item *it = &ecq_items[i];
		attr_t a = i == t->ecq_item ? sel : A_NORMAL;
		struct tui_field *tf;

		if (it->y < 0)
			continue;
		switch (it->kind) {
		case IT_HEAD:
			draw_text(win, it->y + it->h - 1, 0, cols, heads[it->index], A_BOLD | A_UNDERLINE);
			break;
		case IT_COMP:
			ecq_draw_comp(t, win, it, a);
			break;
		case IT_NOTE:
			snprintf(buf, sizeof buf, "Q%d. %s", it->index + 1, e->questions.items[it->index]);
			draw_wrap(win, it->y, 2, cols - 4, ecq_question_lines(t, it->index), 0, buf, a);
			tf = ecq_item_field(t, it);
			editor_draw(tf->ed, win, i == t->ecq_item);
			break;
		case IT_INTRO:
			draw_text(win, it->y, 2, cols - 4, "Introduction", a);
			tf = ecq_item_field(t, it);
			editor_draw(tf->ed, win, i == t->ecq_item);
			break;
		case IT_EXAMPLE: {
			const struct example *ex = project_example_at(p, t->ecq, (size_t)it->index);
			size_t words;

			if (ex == NULL)
				break;
			words = tui_example_words(t, ex);
			snprintf(buf, sizeof buf, "Example %d: %s (%s to %s), %zu word%s", it->index + 1,
			    *ex->field[EX_TITLE] ? ex->field[EX_TITLE] : "untitled",
			    *ex->field[EX_START] ? ex->field[EX_START] : "?",
			    *ex->field[EX_END] ? ex->field[EX_END] : "?", words, words == 1 ? "" : "s");
			draw_text(win, it->y, 2, cols - 4, buf, a);
			break;
		}
		case IT_ADD:
			snprintf(buf, sizeof buf, "+ Add an example (%zu of %d so far)", nex,
			    (int)framework_rule(p->fw, "max_examples_per_ecq", 2));
			draw_text(win, it->y, 2, cols - 4, buf, a);
			break;
		}
	}
	ecq_draw_more(t, win);
}

static int
ecq_add(struct tui *t)
{
	struct error err;
	int64_t id;

	if (store_add_example(t->st, t->ecq, "", &id, &err) != 0) {
		tui_status_error(t, &err);
		return RD_DRAW;
	}
	tui_changed(t);
	t->example = id;
	t->ex_focus = EX_TITLE;
	tui_goto(t, SCR_EXAMPLE);
	tui_status(t, "Example added: give it a title, dates, then the CCAR parts.");
	return RD_DRAW;
}

static int
ecq_try_add(struct tui *t)
{
	const struct project *p = tui_project(t);

	size_t nex = project_count_examples(p, t->ecq);
	int max = (int)framework_rule(p->fw, "max_examples_per_ecq", 2);
	char why[200];
	const char *lines[] = { why, "", "y  add another example", "n  do not add one", NULL };

	if ((int)nex >= max) {
		snprintf(why, sizeof why, "This ECQ already has %zu examples; the framework "
		    "allows %d.", nex, max);
		if (tui_ask("Add another example?", lines, "yn") != 'y')
			return RD_DRAW;
	}
	return ecq_add(t);
}

static const struct example *
ecq_selected_example(struct tui *t)
{
	const struct ecq_item *it = &ecq_items[t->ecq_item];

	if (it->kind != IT_EXAMPLE)
		return NULL;
	return project_example_at(tui_project(t), t->ecq, (size_t)it->index);
}

/* Whether an example holds any text (the coach's unsaved text included). */
static bool
ecq_example_has_text(struct tui *t, const struct example *ex)
{
	int f;

	for (f = 0; f < EX_FIELD_COUNT; f++) {
		struct tui_field *tf = tui_field_example(t, ex->id, f);

		if (tf != NULL ? editbuf_len(editor_cbuf(tf->ed)) > 0 : ex->field[f][0] != '\0')
			return true;
	}
	return false;
}

/* Deletes an example, asking first when it holds text. */
static int
ecq_delete(struct tui *t, int64_t id)
{
	const struct example *ex = project_example_by_id(tui_project(t), id);
	struct error err;
	char what[400];
	const char *lines[] = { what, "", "y  delete it", "n  keep it", "",
		"A deleted example can be brought back any time, even after a restart: "
		"D lists the deleted examples.", NULL };

	if (ex == NULL)
		return RD_DRAW;
	if (ecq_example_has_text(t, ex)) {
		snprintf(what, sizeof what, "Example %d, \"%.200s\" (%zu words in its CCAR parts).",
		    ex->position + 1, ex->field[EX_TITLE][0] != '\0' ? ex->field[EX_TITLE]
		    : "untitled", tui_example_words(t, ex));
		if (tui_ask("Delete this example?", lines, "yn") != 'y') {
			tui_status(t, "Nothing deleted.");
			return RD_DRAW;
		}
	}
	(void)tui_save(t);
	if (store_delete_example(t->st, id, &err) != 0) {
		tui_status_error(t, &err);
		return RD_DRAW;
	}
	tui_changed(t);
	t->deleted = id;
	tui_status(t, "Example deleted. u brings it back; D lists every deleted example.");
	ecq_build(t);
	return RD_DRAW;
}

static void
ecq_move_item(struct tui *t, int dir)
{
	int i = t->ecq_item + dir;

	while (i >= 0 && i < ecq_n_items && ecq_items[i].kind == IT_HEAD)
		i += dir;
	if (i >= 0 && i < ecq_n_items)
		ecq_select(t, i);
}

static int
ecq_list_key(struct tui *t, enum action a)
{
	const struct example *ex = ecq_selected_example(t);
	struct error err;
	int64_t id;
	int pos;

	switch (a) {
	case ACT_UP:
		ecq_move_item(t, -1);
		return RD_DRAW;
	case ACT_DOWN:
		ecq_move_item(t, 1);
		return RD_DRAW;
	case ACT_ENTER:
	case ACT_RIGHT:
		if (ecq_items[t->ecq_item].kind == IT_ADD)
			return ecq_try_add(t);
		if (ex != NULL) {
			t->example = ex->id;
			t->ex_focus = EX_CHALLENGE;
			tui_goto(t, SCR_EXAMPLE);
		}
		return RD_DRAW;
	case ACT_ADD:
		return ecq_try_add(t);
	case ACT_DELETE:
		if (ex == NULL)
			return RD_DRAW;
		return ecq_delete(t, ex->id);
	case ACT_DELETED:
		tui_goto(t, SCR_DELETED);
		return RD_DRAW;
	case ACT_CARDS:
		if (ex != NULL)
			t->example = ex->id;
		tui_goto(t, SCR_CARDS);
		return RD_DRAW;
	case ACT_UNDELETE:
		if (t->deleted < 0) {
			tui_status(t, "Nothing to bring back.");
			return RD_DRAW;
		}
		if (store_undelete_example(t->st, t->deleted, &err) != 0) {
			tui_status_error(t, &err);
			return RD_DRAW;
		}
		tui_changed(t);
		t->deleted = -1;
		tui_status(t, "Example restored.");
		ecq_build(t);
		return RD_DRAW;
	case ACT_MOVE_UP:
	case ACT_MOVE_DOWN:
		if (ex == NULL)
			return RD_DRAW;
		pos = ex->position + (a == ACT_MOVE_UP ? -1 : 1);
		if (pos < 0 || (size_t)pos >= project_count_examples(tui_project(t), t->ecq))
			return RD_DRAW;
		id = ex->id;
		if (store_move_example(t->st, id, pos, &err) != 0) {
			tui_status_error(t, &err);
			return RD_DRAW;
		}
		tui_changed(t);
		t->ecq_item += a == ACT_MOVE_UP ? -1 : 1;
		return RD_DRAW;
	default:
		return RD_IGNORED;
	}
}

static int
ecq_key(struct tui *t, enum action a, wint_t ch, bool keycode)
{
	struct tui_field *tf = t->focus;
	size_t before;
	int r;

	switch (a) {
	case ACT_BACK:
		tui_goto(t, SCR_DASHBOARD);
		return RD_DRAW;
	case ACT_NEXT:
		ecq_move_item(t, 1);
		return RD_DRAW;
	case ACT_PREV:
		ecq_move_item(t, -1);
		return RD_DRAW;
	case ACT_LEFT:
		if (tf == NULL) {
			tui_goto(t, SCR_DASHBOARD);
			return RD_DRAW;
		}
		break;
	default:
		break;
	}
	if (tf == NULL)
		return ecq_list_key(t, a);
	before = editbuf_cursor(editor_cbuf(tf->ed));
	r = editor_key(tf->ed, ch, keycode);
	if (r == ED_IGNORED)
		return RD_IGNORED;
	if (!(r & ED_CHANGED) && keycode && (ch == KEY_UP || ch == KEY_DOWN)
	    && editbuf_cursor(editor_cbuf(tf->ed)) == before) {
		ecq_move_item(t, ch == KEY_UP ? -1 : 1);
		return RD_DRAW;
	}
	return RD_DRAW | ((r & ED_CHANGED) ? RD_EDIT : 0);
}

static int
ecq_paste(struct tui *t, const char *text, size_t len)
{
	if (t->focus == NULL)
		return RD_NONE;
	return (editor_paste(t->focus->ed, text, len) & ED_CHANGED) ? RD_DRAW | RD_EDIT : RD_DRAW;
}

static int
ecq_mouse(struct tui *t, const MEVENT *ev)
{
	int i;

	for (i = ecq_scroll; i < ecq_n_items; i++) {
		struct ecq_item *it = &ecq_items[i];
		struct tui_field *tf;

		if (it->y < 0)
			continue;
		tf = ecq_item_field(t, it);
		if (tf != NULL && editor_mouse(tf->ed, ev) != ED_IGNORED) {
			if (t->ecq_item != i)
				ecq_select(t, i);
			return RD_DRAW;
		}
		if ((ev->bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) && ev->y >= it->y
		    && ev->y < it->y + it->h && it->kind != IT_HEAD) {
			ecq_select(t, i);
			return RD_DRAW;
		}
	}
	return RD_NONE;
}

void
ecq_show(struct tui *t, int ecq, bool at_add)
{
	int i;

	t->ecq = ecq;
	t->ecq_item = 0;
	ecq_build(t);
	for (i = 0; i < ecq_n_items; i++)
		if (ecq_items[i].kind == (at_add ? IT_ADD : IT_NOTE)) {
			t->ecq_item = i;
			break;
		}
	tui_goto(t, SCR_ECQ);
}

static const enum action *
ecq_help(const struct tui *t)
{
	static const enum action text[] = { ACT_NEXT, ACT_BACK, ACT_GUIDE_NEXT, ACT_REVIEW,
		ACT_HELP, ACT_QUIT, ACT_NONE };
	static const enum action list[] = { ACT_ENTER, ACT_ADD, ACT_DELETE, ACT_UNDELETE,
		ACT_DELETED, ACT_MOVE_UP, ACT_MOVE_DOWN, ACT_BACK, ACT_CARDS, ACT_HELP, ACT_QUIT,
		ACT_NONE };
	/* no interview (ses-2010): the cards key is left off the line */
	static const enum action no_cards[] = { ACT_ENTER, ACT_ADD, ACT_DELETE, ACT_UNDELETE,
		ACT_DELETED, ACT_MOVE_UP, ACT_MOVE_DOWN, ACT_BACK, ACT_HELP, ACT_QUIT, ACT_NONE };

	if (t->focus != NULL)
		return text;
	return tui_fw(t)->docs.use[DOC_INTERVIEW] == DOC_NO ? no_cards : list;
}

const struct tui_screen screen_ecq = {
	"ecq", ecq_enter, NULL, ecq_layout, ecq_draw, ecq_key, ecq_paste, ecq_mouse, ecq_help
};
