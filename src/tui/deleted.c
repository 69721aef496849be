/* SPDX-License-Identifier: MIT */
/*
 * deleted.c: the deleted examples: every example deleted from the project,
 * in any session (the file keeps them), with its ECQ, title and when it
 * was deleted; Enter brings the selected one back where it was.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/term.h"
#include "tui/tui.h"

static struct deleted_example *dl_items;
static size_t dl_n;
static int dl_sel, dl_scroll;

static void
dl_load(struct tui *t)
{
	struct error err;

	store_deleted_examples_free(dl_items, dl_n);
	dl_items = NULL;
	dl_n = 0;
	if (store_deleted_examples(t->st, &dl_items, &dl_n, &err) != 0)
		tui_status_error(t, &err);
	if (dl_sel >= (int)dl_n)
		dl_sel = dl_n > 0 ? (int)dl_n - 1 : 0;
}

static void
dl_enter(struct tui *t)
{
	dl_sel = 0;
	dl_scroll = 0;
	dl_load(t);
}

static void
dl_leave(struct tui *t)
{
	(void)t;
	store_deleted_examples_free(dl_items, dl_n);
	dl_items = NULL;
	dl_n = 0;
}

static void
dl_layout(struct tui *t)
{
	int h = t->bottom - (t->top + 2) + 1;

	if (dl_sel < dl_scroll)
		dl_scroll = dl_sel;
	if (h > 0 && dl_sel >= dl_scroll + h)
		dl_scroll = dl_sel - h + 1;
}

static void
dl_draw(struct tui *t, WINDOW *win)
{
	attr_t sel = term_attr(TP_SELECT, A_REVERSE) | A_BOLD;
	int cols = getmaxx(win), y = t->top + 2, i;
	char buf[600], right[64], when[32], ecq[32];

	snprintf(right, sizeof right, "%zu deleted", dl_n);
	tui_draw_title(t, win, "Deleted examples", right);
	draw_text(win, t->top, 1, cols - 2, dl_n == 0 ? "No deleted examples: every example "
	    "is in its ECQ." : "Enter brings the selected example back to where it was in "
	    "its ECQ. Esc goes back.", A_DIM);
	for (i = dl_scroll; i < (int)dl_n && y <= t->bottom; i++, y++) {
		const struct deleted_example *d = &dl_items[i];
		/* "2026-01-31T09:05:00Z" -> "2026-01-31 09:05 UTC" */
		snprintf(when, sizeof when, "%.10s %.5s UTC", d->deleted,
		    strlen(d->deleted) >= 16 ? d->deleted + 11 : "");
		if (d->ecq >= 0)
			snprintf(ecq, sizeof ecq, "ECQ %d", d->ecq + 1);
		else
			snprintf(ecq, sizeof ecq, "no ECQ");
		snprintf(buf, sizeof buf, "deleted %s  %s  \"%s\"%s", when, ecq,
		    d->title[0] != '\0' ? d->title : "untitled", d->has_text ? "" : " (no CCAR text)");
		draw_text(win, y, 2, cols - 4, buf, i == dl_sel ? sel : A_NORMAL);
	}
}

static int
dl_restore(struct tui *t)
{
	const struct deleted_example *d;
	const struct example *ex;
	struct error err;
	int64_t id;

	if (dl_n == 0)
		return RD_DRAW;
	d = &dl_items[dl_sel];
	id = d->id;
	if (d->ecq < 0) {
		tui_status(t, "This example's ECQ is not in the project's framework; it cannot "
		    "be brought back here.");
		return RD_DRAW;
	}
	if (store_undelete_example(t->st, id, &err) != 0) {
		tui_status_error(t, &err);
		return RD_DRAW;
	}
	tui_changed(t);
	if (t->deleted == id)
		t->deleted = -1;
	ex = project_example_by_id(tui_project(t), id);
	if (ex != NULL)
		tui_status(t, "\"%s\" is back as example %d of ECQ %d.",
		    ex->field[EX_TITLE][0] != '\0' ? ex->field[EX_TITLE] : "untitled",
		    ex->position + 1, ex->ecq + 1);
	dl_load(t);
	return RD_DRAW;
}

static int
dl_key(struct tui *t, enum action a, wint_t ch, bool keycode)
{
	(void)ch;
	(void)keycode;
	switch (a) {
	case ACT_UP:
	case ACT_PREV:
		if (dl_sel > 0)
			dl_sel--;
		return RD_DRAW;
	case ACT_DOWN:
	case ACT_NEXT:
		if (dl_sel + 1 < (int)dl_n)
			dl_sel++;
		return RD_DRAW;
	case ACT_ENTER:
		return dl_restore(t);
	case ACT_BACK:
	case ACT_LEFT:
		tui_goto(t, t->back_id == SCR_DELETED ? SCR_DASHBOARD : t->back_id);
		return RD_DRAW;
	default:
		return RD_IGNORED;
	}
}

static const enum action *
dl_help(const struct tui *t)
{
	static const enum action acts[] = { ACT_ENTER, ACT_UP, ACT_DOWN, ACT_BACK, ACT_HELP,
		ACT_QUIT, ACT_NONE };

	(void)t;
	return acts;
}

const struct tui_screen screen_deleted = {
	"deleted", dl_enter, dl_leave, dl_layout, dl_draw, dl_key, NULL, NULL, dl_help
};
