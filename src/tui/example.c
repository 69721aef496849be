/* SPDX-License-Identifier: MIT */
/*
 * example.c: the example editor: title, dates, competencies shown
 * (checkboxes in a popup) and the four CCAR fields, each an editor widget
 * with live findings. The framework's CCAR hint for the focused field, the
 * finding under the cursor in the status line, a suggestions popup (F7),
 * and word counts per field, example and ECQ against the budget.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/term.h"
#include "tui/tui.h"
#include "xalloc.h"

#define EX_ROW_COMP EX_FIELD_COUNT      /* the competencies row */

enum { POPUP_FIX = 1, POPUP_COMP };

static const int ex_order[] = { EX_TITLE, EX_START, EX_END, EX_ROW_COMP, EX_CHALLENGE,
	EX_CONTEXT, EX_ACTION, EX_RESULT };
#define EX_N_ORDER (int)(sizeof ex_order / sizeof ex_order[0])

/* The suggestions popup: what it offers for the finding it was opened on. */
enum fix_kind { FIX_REPLACE, FIX_APPLY, FIX_PROJECT_WORD, FIX_USER_WORD, FIX_DISMISS };
struct fix_item {
	enum fix_kind kind;
	char *text;             /* replacement, or the label */
};
static struct {
	struct fix_item *items;
	size_t n;
	size_t offset, length;  /* the finding's span in the field */
	char *word;             /* its text */
	char *rule;
	char *message;
	char *advice;           /* the finding's suggestion, if any */
	char *apply;            /* the finding's machine fix, if any ... */
	size_t apply_offset, apply_length;      /* ... and the bytes it replaces */
	struct tui_field *field;
} ex_fix;

static bool ex_status_is_finding;

static void
ex_fix_clear(void)
{
	size_t i;

	for (i = 0; i < ex_fix.n; i++)
		free(ex_fix.items[i].text);
	free(ex_fix.items);
	free(ex_fix.word);
	free(ex_fix.rule);
	free(ex_fix.message);
	free(ex_fix.advice);
	free(ex_fix.apply);
	memset(&ex_fix, 0, sizeof ex_fix);
}

static void
ex_fix_push(enum fix_kind kind, const char *text)
{
	ex_fix.items = xreallocarray(ex_fix.items, ex_fix.n + 1, sizeof *ex_fix.items);
	ex_fix.items[ex_fix.n].kind = kind;
	ex_fix.items[ex_fix.n].text = xstrdup(text);
	ex_fix.n++;
}

static bool
ex_is_text_field(int row)
{
	return row >= 0 && row < EX_FIELD_COUNT;
}

static bool
ex_single_line(int row)
{
	return row == EX_TITLE || row == EX_START || row == EX_END;
}

static struct tui_field *
ex_field(struct tui *t, int row)
{
	if (!ex_is_text_field(row))
		return NULL;
	return tui_field_example(t, t->example, row);
}

static const struct example *
ex_current(const struct tui *t)
{
	return project_example_by_id(tui_project(t), t->example);
}

static void
ex_focus_row(struct tui *t, int row)
{
	t->ex_focus = row;
	tui_focus(t, ex_field(t, row));
}

static void
ex_enter(struct tui *t)
{
	const struct example *ex = ex_current(t);
	int f;

	if (ex == NULL) {
		tui_goto(t, SCR_ECQ);
		return;
	}
	t->ecq = ex->ecq;
	for (f = 0; f < EX_FIELD_COUNT; f++) {
		struct tui_field *tf = ex_field(t, f);
		int part = project_field_ccar((enum example_field)f);

		if (tf == NULL)
			continue;
		if (part >= 0)
			editor_set_placeholder(tf->ed, tui_fw(t)->ccar[part]);
		else if (f == EX_START || f == EX_END)
			editor_set_placeholder(tf->ed, f == EX_START ? "YYYY-MM" : "YYYY-MM or present");
		else
			editor_set_placeholder(tf->ed, "A short title for this example");
		tui_field_check(t, tf);
	}
	if (t->ex_focus < 0 || t->ex_focus > EX_ROW_COMP)
		t->ex_focus = EX_CHALLENGE;
	ex_focus_row(t, t->ex_focus);
}

static void
ex_leave(struct tui *t)
{
	ex_fix_clear();
	ex_status_is_finding = false;
	t->popup = 0;
}

/* Rows of the CCAR fields: label row and editor height for each. */
static void
ex_ccar_rows(struct tui *t, int y0, int *label_y, int *h)
{
	int avail = t->bottom - y0 + 1 - 4, f, rest, focus = -1, small;

	for (f = EX_CHALLENGE; f <= EX_RESULT; f++)
		if (t->ex_focus == f)
			focus = f;
	if (focus < 0) {
		for (f = 0; f < 4; f++)
			h[f] = avail / 4 + (f < avail % 4 ? 1 : 0);
	} else {
		small = avail >= 12 ? 2 : 1;
		rest = avail;
		for (f = 0; f < 4; f++)
			if (f + EX_CHALLENGE != focus) {
				h[f] = small;
				rest -= small;
			}
		h[focus - EX_CHALLENGE] = rest > 1 ? rest : 1;
	}
	for (f = 0; f < 4; f++) {
		label_y[f] = y0;
		y0 += 1 + h[f];
	}
}

static void
ex_layout(struct tui *t)
{
	int cols = COLS, label_y[4], h[4], f, y0 = t->top + 5;
	struct tui_field *tf;
	const struct finding *fd;

	if (ex_current(t) == NULL)
		return;
	if ((tf = ex_field(t, EX_TITLE)) != NULL)
		editor_place(tf->ed, stdscr, t->top, 7, 1, cols - 8);
	if ((tf = ex_field(t, EX_START)) != NULL)
		editor_place(tf->ed, stdscr, t->top + 1, 7, 1, 10);
	if ((tf = ex_field(t, EX_END)) != NULL)
		editor_place(tf->ed, stdscr, t->top + 1, 21, 1, 10);
	ex_ccar_rows(t, y0, label_y, h);
	for (f = 0; f < 4; f++)
		if ((tf = ex_field(t, EX_CHALLENGE + f)) != NULL)
			editor_place(tf->ed, stdscr, label_y[f] + 1, 2, h[f], cols - 3);
	/* the finding under the cursor goes to the status line */
	if (t->focus != NULL && t->popup == 0) {
		fd = tui_field_finding_at_cursor(t, t->focus);
		if (fd != NULL) {
			if (fd->suggestion != NULL && *fd->suggestion != '\0')
				tui_status(t, "%s: %s Try: %s  (F7)", fd->rule, fd->message, fd->suggestion);
			else
				tui_status(t, "%s: %s  (F7)", fd->rule, fd->message);
			ex_status_is_finding = true;
		} else if (ex_status_is_finding) {
			t->status[0] = '\0';
			ex_status_is_finding = false;
		}
	}
}

/* Where the popup's items were drawn (rows pop_y0.., columns pop_x0 to
 * pop_x1), for mouse clicks; pop_n 0: no popup drawn. */
static int pop_y0, pop_x0, pop_x1, pop_n;

static void
ex_draw_popup_box(WINDOW *win, int y, int x, int h, int w, const char *title)
{
	int i;
	attr_t a = term_attr(TP_TITLE, A_REVERSE);

	for (i = 0; i < h; i++) {
		wmove(win, y + i, x);
		draw_text(win, y + i, x, w, " ", a);
		for (int k = 1; k < w; k++)
			draw_text(win, y + i, x + k, 1, " ", a);
	}
	draw_text(win, y, x + 1, w - 2, title, a | A_BOLD);
}

static void
ex_draw_fix(struct tui *t, WINDOW *win)
{
	int w = COLS - 20, h = (int)ex_fix.n + 5, y = t->top + 3, x = 10, i;
	attr_t a = term_attr(TP_TITLE, A_REVERSE), sel = term_attr(TP_SELECT, A_BOLD | A_UNDERLINE);
	char buf[300];

	if (h > t->bottom - y)
		h = t->bottom - y;
	snprintf(buf, sizeof buf, "\"%s\": %s", ex_fix.word, ex_fix.message);
	ex_draw_popup_box(win, y, x, h, w, buf);
	if (ex_fix.advice != NULL)
		draw_text(win, y + 1, x + 2, w - 4, ex_fix.advice, a);
	for (i = 0; i < (int)ex_fix.n && i < h - 4; i++) {
		snprintf(buf, sizeof buf, "%d  %s", i + 1, ex_fix.items[i].text);
		draw_text(win, y + 3 + i, x + 2, w - 4, buf, i == t->popup_sel ? sel : a);
	}
	pop_y0 = y + 3;
	pop_x0 = x;
	pop_x1 = x + w;
	pop_n = i;
	draw_text(win, y + h - 1, x + 2, w - 4, "Enter or 1-9 choose, Esc cancel", a | A_DIM);
}

static void
ex_draw_comp(struct tui *t, WINDOW *win)
{
	const struct framework *fw = tui_fw(t);
	const struct example *ex = ex_current(t);
	const struct strlist *c = &fw->ecqs[t->ecq].competencies;
	size_t n = c->n + fw->fundamentals.n, i;
	int w = COLS - 16, h = (int)n + 3, y = t->top + 2, x = 8;
	attr_t a = term_attr(TP_TITLE, A_REVERSE), sel = term_attr(TP_SELECT, A_BOLD | A_UNDERLINE);
	char buf[300];

	if (h > t->bottom - y)
		h = t->bottom - y;
	ex_draw_popup_box(win, y, x, h, w, "Competencies this example shows");
	for (i = 0; i < n && (int)i < h - 3; i++) {
		const char *name = i < c->n ? c->items[i] : fw->fundamentals.items[i - c->n];

		snprintf(buf, sizeof buf, "[%c] %s%s", strlist_contains(&ex->competencies, name) ? 'x' : ' ',
		    name, i >= c->n ? " (fundamental)" : "");
		draw_text(win, y + 1 + (int)i, x + 2, w - 4, buf, (int)i == t->popup_sel ? sel : a);
	}
	pop_y0 = y + 1;
	pop_x0 = x;
	pop_x1 = x + w;
	pop_n = (int)i;
	draw_text(win, y + h - 1, x + 2, w - 4, "Space ticks, Enter or Esc closes", a | A_DIM);
}

static void
ex_draw(struct tui *t, WINDOW *win)
{
	const struct project *p = tui_project(t);
	const struct framework *fw = p->fw;
	const struct example *ex = ex_current(t);
	int cols = getmaxx(win), label_y[4], h[4], f, pos, part, y;
	char buf[512], right[96];
	size_t exw = 0, ecqw, budget, i, n;
	struct tui_field *tf;
	attr_t lab = A_BOLD, foc = term_attr(TP_SELECT, A_REVERSE) | A_BOLD;

	if (ex == NULL)
		return;
	pos = ex->position + 1;
	snprintf(buf, sizeof buf, "Example %d of %zu in ECQ %d: %s", pos,
	    project_count_examples(p, t->ecq), t->ecq + 1, fw->ecqs[t->ecq].title);
	if (t->pages > 0)
		snprintf(right, sizeof right, "%.1f of %g pages", t->pages_used,
		    framework_narrative_pages(fw));
	else
		right[0] = '\0';
	tui_draw_title(t, win, buf, right);
	draw_text(win, t->top, 0, 7, "Title", t->ex_focus == EX_TITLE ? foc : lab);
	draw_text(win, t->top + 1, 0, 6, "Dates", t->ex_focus == EX_START || t->ex_focus == EX_END ? foc : lab);
	draw_text(win, t->top + 1, 18, 2, "to", A_NORMAL);
	for (f = 0; f < EX_FIELD_COUNT; f++) {
		tf = ex_field(t, f);
		if (tf == NULL)
			continue;
		editor_draw(tf->ed, win, t->ex_focus == f);
		if (f == EX_TITLE || f >= EX_CHALLENGE)     /* words as `check` counts */
			exw += tui_field_words(tf);
	}
	ecqw = tui_ecq_words(t, t->ecq);
	budget = tui_ecq_budget(t);
	snprintf(buf, sizeof buf, "Example %zu word%s   ECQ %zu of about %zu words", exw,
	    exw == 1 ? "" : "s", ecqw, budget);
	draw_text(win, t->top + 1, cols - draw_width(buf) - 1, draw_width(buf), buf,
	    ecqw > budget ? term_attr(TP_BAD, A_BOLD) : A_DIM);
	/* competencies */
	y = t->top + 2;
	draw_text(win, y, 0, 13, "Competencies", t->ex_focus == EX_ROW_COMP ? foc : lab);
	buf[0] = '\0';
	for (i = 0; i < ex->competencies.n; i++) {
		if (i > 0)
			strncat(buf, ", ", sizeof buf - strlen(buf) - 1);
		strncat(buf, ex->competencies.items[i], sizeof buf - strlen(buf) - 1);
	}
	if (ex->competencies.n == 0)
		snprintf(buf, sizeof buf, "none ticked yet (Enter to choose)");
	draw_text(win, y, 14, cols - 15, buf, ex->competencies.n ? A_NORMAL : A_DIM);
	/* the CCAR hint for the focused field */
	part = ex_is_text_field(t->ex_focus) ? project_field_ccar((enum example_field)t->ex_focus) : -1;
	if (part >= 0) {
		snprintf(buf, sizeof buf, "%s: %s", framework_ccar_name((enum ccar_part)part), fw->ccar[part]);
		draw_wrap(win, t->top + 3, 0, cols, 2, 0, buf, term_attr(TP_DIM, A_DIM));
	} else if (t->ex_focus == EX_START || t->ex_focus == EX_END) {
		draw_wrap(win, t->top + 3, 0, cols, 2, 0, "Dates as YYYY-MM; the end may be "
		    "\"present\". Examples should be less than 10 years old.", term_attr(TP_DIM, A_DIM));
	}
	ex_ccar_rows(t, t->top + 5, label_y, h);
	for (f = 0; f < 4; f++) {
		tf = ex_field(t, EX_CHALLENGE + f);
		if (tf == NULL)
			continue;
		snprintf(buf, sizeof buf, "%s", project_field_name((enum example_field)(EX_CHALLENGE + f)));
		draw_text(win, label_y[f], 0, 20, buf, t->ex_focus == EX_CHALLENGE + f ? foc : lab);
		if ((n = commentscr_count(t, tf->target)) > 0)      /* the margin mark */
			draw_printf(win, label_y[f], 21, 30, term_attr(TP_WARN, A_BOLD),
			    "[%zu comment%s: F12]", n, n == 1 ? "" : "s");
		snprintf(buf, sizeof buf, "%zu word%s, %zu finding%s", tui_field_words(tf),
		    tui_field_words(tf) == 1 ? "" : "s", tf->n_spans, tf->n_spans == 1 ? "" : "s");
		draw_text(win, label_y[f], cols - draw_width(buf) - 1, draw_width(buf), buf, A_DIM);
	}
	if (t->popup == POPUP_FIX)
		ex_draw_fix(t, win);
	else if (t->popup == POPUP_COMP)
		ex_draw_comp(t, win);
}

static void
ex_move_focus(struct tui *t, int dir)
{
	int i;

	for (i = 0; i < EX_N_ORDER; i++)
		if (ex_order[i] == t->ex_focus)
			break;
	i = (i + dir + EX_N_ORDER) % EX_N_ORDER;
	ex_focus_row(t, ex_order[i]);
}

static void
ex_open_fix(struct tui *t)
{
	struct tui_field *tf = t->focus;
	const struct finding *fd;
	const char *text;
	char **sugg;
	size_t i;

	ex_fix_clear();
	if (tf == NULL)
		return;
	tui_field_check(t, tf);
	fd = tui_field_finding_at_cursor(t, tf);
	if (fd == NULL) {
		tui_status(t, "No finding at the cursor: move onto a marked word first.");
		return;
	}
	text = editbuf_text(editor_cbuf(tf->ed));
	ex_fix.field = tf;
	ex_fix.offset = fd->offset;
	ex_fix.length = fd->length;
	ex_fix.word = xstrndup(text + fd->offset, fd->length);
	ex_fix.rule = xstrdup(fd->rule);
	ex_fix.message = xstrdup(fd->message);
	if (fd->suggestion != NULL && *fd->suggestion != '\0')
		ex_fix.advice = xasprintf("Try: %s", fd->suggestion);
	if (fd->fix != NULL && fd->fix_offset + fd->fix_length <= strlen(text)) {
		char *label;

		ex_fix.apply = xstrdup(fd->fix);
		ex_fix.apply_offset = fd->fix_offset;
		ex_fix.apply_length = fd->fix_length;
		if (*fd->fix == '\0')
			label = xasprintf("Apply: delete \"%.*s\"", (int)fd->fix_length,
			    text + fd->fix_offset);
		else
			label = xasprintf("Apply: \"%s\" for \"%.*s\"", fd->fix, (int)fd->fix_length,
			    text + fd->fix_offset);
		ex_fix_push(FIX_APPLY, label);
		free(label);
	}
	if (strcmp(fd->rule, "spelling") == 0 && t->ck != NULL) {
		sugg = checker_suggest(t->ck, ex_fix.word);
		for (i = 0; sugg != NULL && sugg[i] != NULL && i < 7; i++)
			ex_fix_push(FIX_REPLACE, sugg[i]);
		checker_free_list(sugg);
		ex_fix_push(FIX_PROJECT_WORD, "Add to this project's dictionary");
		ex_fix_push(FIX_USER_WORD, "Add to my dictionary (all projects)");
	}
	ex_fix_push(FIX_DISMISS, "Dismiss this finding");
	t->popup = POPUP_FIX;
	t->popup_sel = 0;
}

static int
ex_apply_fix(struct tui *t, size_t idx)
{
	struct fix_item *it;
	struct error err;
	struct tui_field *tf = ex_fix.field;
	int r = RD_DRAW;

	if (idx >= ex_fix.n || tf == NULL)
		return RD_DRAW;
	it = &ex_fix.items[idx];
	error_clear(&err);
	switch (it->kind) {
	case FIX_REPLACE:
		editbuf_replace(editor_buf(tf->ed), ex_fix.offset, ex_fix.length, it->text,
		    strlen(it->text));
		tui_status(t, "Replaced \"%s\" with \"%s\" (Ctrl-Z undoes).", ex_fix.word, it->text);
		r |= RD_EDIT;
		break;
	case FIX_APPLY:
		/* one editbuf_replace: one undo step */
		editbuf_replace(editor_buf(tf->ed), ex_fix.apply_offset, ex_fix.apply_length,
		    ex_fix.apply, strlen(ex_fix.apply));
		tui_status(t, "Fixed (Ctrl-Z undoes).");
		r |= RD_EDIT;
		break;
	case FIX_PROJECT_WORD:
		if (store_add_word(t->st, ex_fix.word, &err) != 0)
			tui_status_error(t, &err);
		else {
			tui_changed(t);
			tui_status(t, "\"%s\" added to this project's dictionary.", ex_fix.word);
		}
		break;
	case FIX_USER_WORD:
		if (t->ck != NULL && checker_add_user_word(t->ck, ex_fix.word, &err) == 0) {
			tui_dictionary_changed(t);
			tui_status(t, "\"%s\" added to your dictionary.", ex_fix.word);
		} else if (t->ck != NULL && err.code == ERR_NOTFOUND) {
			/* No HOME: keep the word where it can be kept, and say why. */
			if (store_add_word(t->st, ex_fix.word, &err) != 0) {
				tui_status_error(t, &err);
			} else {
				tui_changed(t);
				tui_status(t, "\"%s\" added to this project's dictionary only: "
				    "HOME is not set, so you have no word list of your own.", ex_fix.word);
			}
		} else {
			if (t->ck == NULL)
				error_set(&err, ERR_USAGE, "spelling is not checked, so there is no "
				    "dictionary to add to");
			tui_status_error(t, &err);
		}
		break;
	case FIX_DISMISS:
		if (store_dismiss(t->st, ex_fix.rule, tf->target, ex_fix.word, &err) != 0)
			tui_status_error(t, &err);
		else {
			tui_changed(t);
			tui_status(t, "Finding dismissed.");
		}
		break;
	}
	ex_status_is_finding = false;
	/* dictionaries and dismissals change every field's findings: the
	 * owner (tui_changed, tui_dictionary_changed) has marked them stale */
	tui_field_check(t, tf);
	t->popup = 0;
	ex_fix_clear();
	return r;
}

static int
ex_key_fix(struct tui *t, enum action a, wint_t ch, bool keycode)
{
	if (!keycode && ch >= '1' && ch <= '9')
		return ex_apply_fix(t, (size_t)(ch - '1'));
	switch (a) {
	case ACT_UP:
	case ACT_PREV:
		if (t->popup_sel > 0)
			t->popup_sel--;
		return RD_DRAW;
	case ACT_DOWN:
	case ACT_NEXT:
		if ((size_t)t->popup_sel + 1 < ex_fix.n)
			t->popup_sel++;
		return RD_DRAW;
	case ACT_ENTER:
		return ex_apply_fix(t, (size_t)t->popup_sel);
	case ACT_BACK:
		t->popup = 0;
		ex_fix_clear();
		return RD_DRAW;
	default:
		return RD_DRAW;
	}
}

static int
ex_key_comp(struct tui *t, enum action a)
{
	const struct framework *fw = tui_fw(t);
	const struct example *ex = ex_current(t);
	const struct strlist *c = &fw->ecqs[t->ecq].competencies;
	int n = (int)(c->n + fw->fundamentals.n);
	struct strlist names = { 0 };
	struct error err;
	const char *name;
	size_t i;

	switch (a) {
	case ACT_UP:
	case ACT_PREV:
		if (t->popup_sel > 0)
			t->popup_sel--;
		return RD_DRAW;
	case ACT_DOWN:
	case ACT_NEXT:
		if (t->popup_sel + 1 < n)
			t->popup_sel++;
		return RD_DRAW;
	case ACT_TOGGLE:
		if (ex == NULL || t->popup_sel >= n)
			return RD_DRAW;
		name = (size_t)t->popup_sel < c->n ? c->items[t->popup_sel]
		    : fw->fundamentals.items[(size_t)t->popup_sel - c->n];
		for (i = 0; i < ex->competencies.n; i++)
			if (strcmp(ex->competencies.items[i], name) != 0)
				strlist_push(&names, ex->competencies.items[i]);
		if (!strlist_contains(&ex->competencies, name))
			strlist_push(&names, name);
		if (store_set_example_competencies(t->st, t->example, &names, &err) != 0)
			tui_status_error(t, &err);
		else
			tui_changed(t);
		strlist_free(&names);
		return RD_DRAW;
	case ACT_ENTER:
	case ACT_BACK:
		t->popup = 0;
		return RD_DRAW;
	default:
		return RD_DRAW;
	}
}

static int
ex_key(struct tui *t, enum action a, wint_t ch, bool keycode)
{
	struct tui_field *tf;
	size_t before;
	int r;

	if (ex_current(t) == NULL)
		return RD_IGNORED;
	if (t->popup == POPUP_FIX)
		return ex_key_fix(t, a, ch, keycode);
	if (t->popup == POPUP_COMP)
		return ex_key_comp(t, a);
	switch (a) {
	case ACT_BACK:
		tui_goto(t, SCR_ECQ);
		return RD_DRAW;
	case ACT_NEXT:
		ex_move_focus(t, 1);
		return RD_DRAW;
	case ACT_PREV:
		ex_move_focus(t, -1);
		return RD_DRAW;
	case ACT_SPELL:
		ex_open_fix(t);
		return RD_DRAW;
	default:
		break;
	}
	if (t->ex_focus == EX_ROW_COMP) {
		switch (a) {
		case ACT_ENTER:
		case ACT_TOGGLE:
			t->popup = POPUP_COMP;
			t->popup_sel = 0;
			return RD_DRAW;
		case ACT_UP:
			ex_move_focus(t, -1);
			return RD_DRAW;
		case ACT_DOWN:
			ex_move_focus(t, 1);
			return RD_DRAW;
		default:
			return RD_IGNORED;
		}
	}
	tf = t->focus;
	if (tf == NULL)
		return RD_IGNORED;
	if (ex_single_line(t->ex_focus) && (a == ACT_ENTER || a == ACT_DOWN)) {
		ex_move_focus(t, t->ex_focus == EX_START ? 2 : 1);
		return RD_DRAW;
	}
	if (ex_single_line(t->ex_focus) && a == ACT_UP) {
		ex_move_focus(t, t->ex_focus == EX_END ? -2 : -1);
		return RD_DRAW;
	}
	before = editbuf_cursor(editor_cbuf(tf->ed));
	r = editor_key(tf->ed, ch, keycode);
	if (r == ED_IGNORED)
		return RD_IGNORED;
	if (!(r & ED_CHANGED) && keycode && editbuf_cursor(editor_cbuf(tf->ed)) == before
	    && (ch == KEY_UP || ch == KEY_DOWN)) {
		ex_move_focus(t, ch == KEY_UP ? -1 : 1);
		return RD_DRAW;
	}
	return RD_DRAW | ((r & ED_CHANGED) ? RD_EDIT : 0);
}

static int
ex_paste(struct tui *t, const char *text, size_t len)
{
	char *copy;
	size_t i;
	int r;

	if (t->focus == NULL || t->popup != 0)
		return RD_NONE;
	if (!ex_single_line(t->ex_focus))
		return (editor_paste(t->focus->ed, text, len) & ED_CHANGED) ? RD_DRAW | RD_EDIT : RD_DRAW;
	copy = xstrndup(text, len);
	for (i = 0; i < len; i++)
		if (copy[i] == '\n' || copy[i] == '\r')
			copy[i] = ' ';
	r = editor_paste(t->focus->ed, copy, len);
	free(copy);
	return (r & ED_CHANGED) ? RD_DRAW | RD_EDIT : RD_DRAW;
}

static int
ex_mouse(struct tui *t, const MEVENT *ev)
{
	int f, r;
	struct tui_field *tf;

	if (t->popup != 0) {
		/* a click on an item selects it, as the arrow keys do */
		if ((ev->bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) && ev->y >= pop_y0
		    && ev->y < pop_y0 + pop_n && ev->x >= pop_x0 && ev->x < pop_x1) {
			t->popup_sel = ev->y - pop_y0;
			return RD_DRAW;
		}
		return RD_NONE;
	}
	for (f = 0; f < EX_FIELD_COUNT; f++) {
		tf = ex_field(t, f);
		if (tf == NULL)
			continue;
		r = editor_mouse(tf->ed, ev);
		if (r != ED_IGNORED) {
			if (t->ex_focus != f)
				ex_focus_row(t, f);
			return RD_DRAW;
		}
	}
	/* the competencies row (drawn at top + 2): Enter then opens its list */
	if ((ev->bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) && ev->y == t->top + 2) {
		if (t->ex_focus != EX_ROW_COMP)
			ex_focus_row(t, EX_ROW_COMP);
		return RD_DRAW;
	}
	return RD_NONE;
}

static const enum action *
ex_help(const struct tui *t)
{
	static const enum action edit[] = { ACT_NEXT, ACT_SPELL, ACT_HISTORY, ACT_BACK,
		ACT_GUIDE_NEXT, ACT_REVIEW, ACT_HELP, ACT_QUIT, ACT_NONE };
	static const enum action guided[] = { ACT_GUIDE_NEXT, ACT_GUIDE_BACK, ACT_NEXT, ACT_SPELL,
		ACT_HELP, ACT_QUIT, ACT_NONE };
	static const enum action popup[] = { ACT_ENTER, ACT_TOGGLE, ACT_BACK, ACT_NONE };

	if (t->popup != 0)
		return popup;
	return t->guided ? guided : edit;
}

const struct tui_screen screen_example = {
	"example", ex_enter, ex_leave, ex_layout, ex_draw, ex_key, ex_paste, ex_mouse, ex_help
};
