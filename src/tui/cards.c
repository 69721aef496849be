/* SPDX-License-Identifier: MIT */
/*
 * cards.c: the interview cards screen: every example with its spoken card
 * (an editor field saved as "example.<id>.card"), the time it takes to
 * say at the project's pace against the framework's interview time, and
 * the card's findings (the card rules and the text rules that apply aloud,
 * spelling among them: card_check through the field's check, so the
 * editor highlights them). g drafts a card from the example, + and -
 * change the pace, p opens the rehearsal of the selected card.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "card.h"
#include "checks/card_rules.h"
#include "shapes.h"
#include "tui/draw.h"
#include "tui/term.h"
#include "tui/tui.h"
#include "xalloc.h"

static int cd_sel, cd_scroll, cd_list_rows;

/* The selected example, or NULL when the project has none. */
static const struct example *
cd_example(const struct tui *t)
{
	const struct project *p = tui_project(t);

	if (p->n_examples == 0)
		return NULL;
	if (cd_sel >= (int)p->n_examples)
		cd_sel = (int)p->n_examples - 1;
	return &p->examples[cd_sel];
}

static void
cd_enter(struct tui *t)
{
	const struct project *p = tui_project(t);
	size_t i;

	/* on the example the writer came from, else the ECQ's first */
	for (i = 0; i < p->n_examples; i++)
		if (p->examples[i].id == t->example) {
			cd_sel = (int)i;
			return;
		}
	for (i = 0; i < p->n_examples; i++)
		if (p->examples[i].ecq == t->ecq) {
			cd_sel = (int)i;
			return;
		}
	cd_sel = 0;
}

static void
cd_leave(struct tui *t)
{
	tui_focus(t, NULL);
}

static void
cd_layout(struct tui *t)
{
	const struct example *ex = cd_example(t);
	int rows = t->bottom - t->top + 1, cols = getmaxx(stdscr);
	struct tui_field *f;

	cd_list_rows = rows / 3;
	if (cd_list_rows < 2)
		cd_list_rows = 2;
	if (cd_sel < cd_scroll)
		cd_scroll = cd_sel;
	if (cd_sel >= cd_scroll + cd_list_rows)
		cd_scroll = cd_sel - cd_list_rows + 1;
	if (ex == NULL)
		return;
	f = tui_field_card(t, ex->id);
	if (f == NULL)
		return;
	tui_field_check(t, f);  /* its findings, shown under it (kept per version) */
	editor_set_placeholder(f->ed, "Say the story as you would tell it: a line that names "
	    "the challenge, then what you did, then the result. g drafts one.");
	/* list, a line, the card, two lines of findings */
	editor_place(f->ed, stdscr, t->top + cd_list_rows + 2, 2,
	    rows - cd_list_rows - 5 > 1 ? rows - cd_list_rows - 5 : 1, cols - 3);
}

/* The card's text now (the editor's when there is one). */
static const char *
cd_text(struct tui *t, const struct example *ex)
{
	struct tui_field *f = tui_field_card(t, ex->id);

	return f != NULL ? editbuf_text(editor_cbuf(f->ed)) : project_example_card(ex);
}

/* "2:13 ok", "4:40 long", "none" ... for the list: the card's state as
 * the dashboard shows it (shapes.h). */
static void
cd_state(struct tui *t, const struct example *ex, int wpm, char *buf, size_t cap,
    attr_t *attr)
{
	struct shape_state st;
	char clock[16];

	shapes_card_state(tui_fw(t), ex, cd_text(t, ex), wpm, &st);
	if (!st.has_card) {
		snprintf(buf, cap, "no card");
		*attr = A_DIM;
		return;
	}
	card_clock(st.card_seconds, clock, sizeof clock);
	snprintf(buf, cap, "%s %s%s", clock, shapes_fit_name(st.card_fit),
	    st.card_no_result ? ", no result" : "");
	*attr = st.card_fit != SHAPE_FIT_OK || st.card_no_result ? term_attr(TP_WARN, A_BOLD) :
	    term_attr(TP_GOOD, 0);
}

static void
cd_draw(struct tui *t, WINDOW *win)
{
	const struct project *p = tui_project(t);
	const struct framework *fw = tui_fw(t);
	const struct example *ex = cd_example(t);
	attr_t sel = term_attr(TP_SELECT, A_REVERSE) | A_BOLD, attr;
	int cols = getmaxx(win), y = t->top, i, wpm = card_wpm_load(t->st);
	char right[96], state[64], a[16], b[16], line[600];
	struct tui_field *f;
	struct findings fs;
	const struct findings *fp;
	size_t k;

	card_clock(fw->docs.interview_min_seconds, a, sizeof a);
	card_clock(fw->docs.interview_max_seconds, b, sizeof b);
	snprintf(right, sizeof right, "%d words a minute, %s to %s a card", wpm, a, b);
	tui_draw_title(t, win, "Interview cards", right);
	if (ex == NULL) {
		draw_text(win, y, 1, cols - 2, "No examples yet: add one on an ECQ screen, "
		    "then tell it here.", A_DIM);
		return;
	}
	for (i = cd_scroll; i < (int)p->n_examples && i < cd_scroll + cd_list_rows; i++, y++) {
		const struct example *e = &p->examples[i];

		cd_state(t, e, wpm, state, sizeof state, &attr);
		snprintf(line, sizeof line, "ECQ %d  %.200s", e->ecq + 1,
		    *e->field[EX_TITLE] ? e->field[EX_TITLE] : "(untitled example)");
		draw_text(win, y, 2, cols - 24, line, i == cd_sel ? sel : A_NORMAL);
		draw_text(win, y, cols - 21, 20, state, i == cd_sel ? sel : attr);
	}
	y = t->top + cd_list_rows;
	f = tui_field_card(t, ex->id);
	snprintf(line, sizeof line, "Card: %.300s", *ex->field[EX_TITLE] ? ex->field[EX_TITLE] :
	    fw->ecqs[ex->ecq].title);
	draw_text(win, y + 1, 1, cols - 2, line, A_BOLD);
	if (f != NULL)
		editor_draw(f->ed, win, t->focus == f);
	/* the findings under the card: the field's own (card_check, with
	 * dismissed ones left out), else the card rules on the saved text */
	findings_init(&fs);
	if (f == NULL)
		card_rules_check(fw, ex, cd_text(t, ex), wpm, &fs);
	fp = f != NULL ? &f->fs : &fs;
	y = t->bottom - 1;
	if (fp->n == 0)
		draw_text(win, y, 2, cols - 4, *cd_text(t, ex) != '\0' ?
		    "Within the time, and the result is told." : "", term_attr(TP_GOOD, 0));
	for (k = 0; k < fp->n && y <= t->bottom; k++, y++) {
		const struct finding *fd = &fp->items[k];

		/* the last row says what does not fit, never drops it silently */
		if (y == t->bottom && k + 1 < fp->n) {
			snprintf(line, sizeof line, "and %zu more findings: Enter, then move the "
			    "cursor onto a marked word.", fp->n - k);
			draw_text(win, y, 2, cols - 4, line, term_attr(TP_WARN, A_BOLD));
			break;
		}
		if (strcmp(fd->rule, "spelling") == 0)
			snprintf(line, sizeof line, "%s: %s%s%s", fd->rule, fd->message,
			    fd->suggestion ? "; perhaps " : "", fd->suggestion ? fd->suggestion : "");
		else
			snprintf(line, sizeof line, "%s: %s%s%s", fd->rule, fd->message,
			    fd->suggestion ? "; " : "", fd->suggestion ? fd->suggestion : "");
		draw_text(win, y, 2, cols - 4, line, term_attr(TP_WARN, A_BOLD));
	}
	findings_free(&fs);
}

/* g: the example's first draft in place of the card's text, kept as one
 * undo step; what it replaces stays in the history. */
static int
cd_draft(struct tui *t, const struct example *ex)
{
	struct tui_field *f = tui_field_card(t, ex->id);

	if (f == NULL)
		return RD_DRAW;
	if (t->readonly_why != NULL) {
		tui_status(t, "This project is open read-only: no card can be drafted.");
		return RD_DRAW;
	}
	if (!tui_field_put_draft(t, f, card_draft(ex), "card"))
		return RD_DRAW;
	tui_status(t, "Drafted from the example. Now say it aloud and make it yours; "
	    "Ctrl-R has the text it replaced.");
	return RD_DRAW | RD_EDIT;
}

static int
cd_pace(struct tui *t, int delta)
{
	struct error err;
	int wpm = card_wpm_load(t->st) + delta;
	size_t i;

	if (t->readonly_why != NULL) {
		tui_status(t, "This project is open read-only: the pace cannot be changed.");
		return RD_DRAW;
	}
	if (wpm < CARD_WPM_MIN || wpm > CARD_WPM_MAX) {
		tui_status(t, "The pace stays between %d and %d words a minute.", CARD_WPM_MIN,
		    CARD_WPM_MAX);
		return RD_DRAW;
	}
	if (card_wpm_save(t->st, wpm, &err) != 0) {
		tui_status_error(t, &err);
		return RD_DRAW;
	}
	tui_changed(t);
	/* card_time of every card changes with the pace */
	for (i = 0; i < t->n_fields; i++)
		if (t->fields[i]->kind == TF_CARD)
			t->fields[i]->checked = 0;
	tui_status(t, "Speaking pace: %d words a minute.", wpm);
	return RD_DRAW;
}

static int
cd_key(struct tui *t, enum action a, wint_t ch, bool keycode)
{
	const struct project *p = tui_project(t);
	const struct example *ex = cd_example(t);
	struct tui_field *f = ex != NULL ? tui_field_card(t, ex->id) : NULL;
	int r;

	if (t->focus != NULL) {
		if (a == ACT_BACK || a == ACT_NEXT || a == ACT_PREV) {
			tui_focus(t, NULL);
			return RD_DRAW;
		}
		r = editor_key(t->focus->ed, ch, keycode);
		if (r == ED_IGNORED)
			return RD_IGNORED;
		return RD_DRAW | ((r & ED_CHANGED) ? RD_EDIT : 0);
	}
	switch (a) {
	case ACT_UP:
		if (cd_sel > 0)
			cd_sel--;
		return RD_DRAW;
	case ACT_DOWN:
		if (cd_sel + 1 < (int)p->n_examples)
			cd_sel++;
		return RD_DRAW;
	case ACT_ENTER:
	case ACT_NEXT:
		if (f != NULL)
			tui_focus(t, f);
		return RD_DRAW;
	case ACT_CARD_DRAFT:
		return ex != NULL ? cd_draft(t, ex) : RD_DRAW;
	case ACT_PACE_UP:
		return cd_pace(t, 10);
	case ACT_PACE_DOWN:
		return cd_pace(t, -10);
	case ACT_REHEARSE:
		if (ex == NULL)
			return RD_DRAW;
		t->example = ex->id;
		t->ecq = ex->ecq;
		tui_goto(t, SCR_REHEARSE);
		return RD_DRAW;
	case ACT_BACK:
	case ACT_LEFT:
		tui_goto(t, t->back_id == SCR_CARDS || t->back_id == SCR_REHEARSE ?
		    SCR_DASHBOARD : t->back_id);
		return RD_DRAW;
	default:
		return RD_IGNORED;
	}
}

static int
cd_paste(struct tui *t, const char *text, size_t len)
{
	if (t->focus == NULL)
		return RD_NONE;
	return (editor_paste(t->focus->ed, text, len) & ED_CHANGED) ? RD_DRAW | RD_EDIT : RD_DRAW;
}

static const enum action *
cd_help(const struct tui *t)
{
	static const enum action edit[] = { ACT_BACK, ACT_HISTORY, ACT_SAVE, ACT_HELP, ACT_QUIT,
		ACT_NONE };
	static const enum action list[] = { ACT_ENTER, ACT_CARD_DRAFT, ACT_REHEARSE, ACT_PACE_UP,
		ACT_PACE_DOWN, ACT_UP, ACT_DOWN, ACT_BACK, ACT_HELP, ACT_QUIT, ACT_NONE };
	static const enum action none[] = { ACT_BACK, ACT_HELP, ACT_QUIT, ACT_NONE };

	if (tui_project(t)->n_examples == 0)
		return none;
	return t->focus != NULL ? edit : list;
}

const struct tui_screen screen_cards = {
	"cards", cd_enter, cd_leave, cd_layout, cd_draw, cd_key, cd_paste, NULL, cd_help
};
