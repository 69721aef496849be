/* SPDX-License-Identifier: MIT */
/*
 * dismissed.c: the findings the writer dismissed (F7, "Dismiss"), with the
 * rule, the field and the text each covered; Enter takes a dismissal back,
 * and the finding shows again in the editor, the review and `check`.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rescue.h"
#include "tui/draw.h"
#include "tui/term.h"
#include "tui/tui.h"
#include "xalloc.h"

static int ds_sel, ds_scroll;

static void
ds_enter(struct tui *t)
{
	(void)t;
	ds_sel = 0;
	ds_scroll = 0;
}

static void
ds_layout(struct tui *t)
{
	int h = t->bottom - (t->top + 2) + 1;
	size_t n = tui_project(t)->n_dismissed;

	if (ds_sel >= (int)n)
		ds_sel = n > 0 ? (int)n - 1 : 0;
	if (ds_sel < ds_scroll)
		ds_scroll = ds_sel;
	if (h > 0 && ds_sel >= ds_scroll + h)
		ds_scroll = ds_sel - h + 1;
}

static void
ds_draw(struct tui *t, WINDOW *win)
{
	const struct project *p = tui_project(t);
	attr_t sel = term_attr(TP_SELECT, A_REVERSE) | A_BOLD;
	int cols = getmaxx(win), y = t->top + 2, i;
	char buf[800], right[64];

	snprintf(right, sizeof right, "%zu dismissed", p->n_dismissed);
	tui_draw_title(t, win, "Dismissed findings", right);
	draw_text(win, t->top, 1, cols - 2, p->n_dismissed == 0 ? "No dismissed findings: "
	    "F7 on a finding offers to dismiss it." : "Enter shows the selected finding "
	    "again everywhere. Esc goes back.", A_DIM);
	for (i = ds_scroll; i < (int)p->n_dismissed && y <= t->bottom; i++, y++) {
		const struct dismissal *d = &p->dismissed[i];
		/* the coach's targets (notes and intros from 0), as rescue files use */
		char *where = d->target[0] != '\0' ? rescue_label(p, d->target) : NULL;

		snprintf(buf, sizeof buf, "%s: \"%.200s\" in %s", d->rule, d->text,
		    where != NULL ? where : "any text");
		draw_text(win, y, 2, cols - 4, buf, i == ds_sel ? sel : A_NORMAL);
		free(where);
	}
}

static int
ds_undo(struct tui *t)
{
	const struct project *p = tui_project(t);
	struct error err;
	char *rule, *target, *text;
	size_t i;
	int rc;

	if (p->n_dismissed == 0)
		return RD_DRAW;
	/* copies: the store reloads the project on success */
	rule = xstrdup(p->dismissed[ds_sel].rule);
	target = xstrdup(p->dismissed[ds_sel].target);
	text = xstrdup(p->dismissed[ds_sel].text);
	rc = store_undismiss(t->st, rule, target, text, &err);
	if (rc != 0) {
		tui_status_error(t, &err);
	} else {
		tui_changed(t);
		for (i = 0; i < t->n_fields; i++)
			t->fields[i]->checked = 0;      /* the finding shows again */
		tui_status(t, "The %s finding on \"%s\" shows again.", rule, text);
	}
	free(rule);
	free(target);
	free(text);
	return RD_DRAW;
}

static int
ds_key(struct tui *t, enum action a, wint_t ch, bool keycode)
{
	(void)ch;
	(void)keycode;
	switch (a) {
	case ACT_UP:
	case ACT_PREV:
		if (ds_sel > 0)
			ds_sel--;
		return RD_DRAW;
	case ACT_DOWN:
	case ACT_NEXT:
		if (ds_sel + 1 < (int)tui_project(t)->n_dismissed)
			ds_sel++;
		return RD_DRAW;
	case ACT_ENTER:
		return ds_undo(t);
	case ACT_BACK:
	case ACT_LEFT:
		tui_goto(t, t->back_id == SCR_DISMISSED ? SCR_REVIEW : t->back_id);
		return RD_DRAW;
	default:
		return RD_IGNORED;
	}
}

static const enum action *
ds_help(const struct tui *t)
{
	static const enum action acts[] = { ACT_ENTER, ACT_UP, ACT_DOWN, ACT_BACK, ACT_HELP,
		ACT_QUIT, ACT_NONE };

	(void)t;
	return acts;
}

const struct tui_screen screen_dismissed = {
	"dismissed", ds_enter, NULL, ds_layout, ds_draw, ds_key, NULL, NULL, ds_help
};
