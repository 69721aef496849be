/* SPDX-License-Identifier: MIT */
/*
 * history.c: the history screen: the earlier versions the project file
 * keeps of one text (opened with Ctrl-R on the field being edited), or the
 * list of every text that has some. The selected version shows below the
 * list; Enter restores it. A field open in the coach gets the version as
 * one undoable change to its editor, saved at once after a new burst so
 * the text it replaces is kept as a version too.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "text.h"
#include "tui/draw.h"
#include "tui/term.h"
#include "tui/tui.h"
#include "xalloc.h"

static char *hs_target;                 /* the text shown, or NULL: the list */
static bool hs_from_field;              /* opened on a field: Esc goes back */
static struct revision_field *hs_fields;
static size_t hs_n_fields;
static struct revision *hs_revs;
static size_t hs_n_revs;
static int hs_sel, hs_scroll, hs_list_rows;

/* The store's target for a coach field: the coach counts notes and
 * introductions from 0, the store's revision targets from 1. */
static char *
hs_store_target(const struct tui_field *f)
{
	if (f->kind == TF_NOTE)
		return xasprintf("note.%d.%d", f->ecq + 1, f->question + 1);
	if (f->kind == TF_INTRO)
		return xasprintf("intro.%d", f->ecq + 1);
	return xstrdup(f->target);
}

static void
hs_free_lists(void)
{
	store_revision_fields_free(hs_fields, hs_n_fields);
	hs_fields = NULL;
	hs_n_fields = 0;
	store_revisions_free(hs_revs, hs_n_revs);
	hs_revs = NULL;
	hs_n_revs = 0;
}

static void
hs_load(struct tui *t)
{
	struct error err;
	int rc;

	hs_free_lists();
	if (hs_target != NULL)
		rc = store_revisions(t->st, hs_target, 0, &hs_revs, &hs_n_revs, &err);
	else
		rc = store_revision_fields(t->st, &hs_fields, &hs_n_fields, &err);
	if (rc != 0)
		tui_status_error(t, &err);
}

static size_t
hs_rows(void)
{
	return hs_target != NULL ? hs_n_revs : hs_n_fields;
}

void
tui_history_open(struct tui *t)
{
	free(hs_target);
	hs_target = t->focus != NULL ? hs_store_target(t->focus) : NULL;
	hs_from_field = hs_target != NULL;
	if (t->scr_id == SCR_HISTORY) {
		hs_sel = 0;
		hs_load(t);
		return;
	}
	tui_goto(t, SCR_HISTORY);
}

static void
hs_enter(struct tui *t)
{
	hs_sel = 0;
	hs_scroll = 0;
	hs_load(t);
}

static void
hs_leave(struct tui *t)
{
	(void)t;
	hs_free_lists();
	free(hs_target);
	hs_target = NULL;
}

static void
hs_layout(struct tui *t)
{
	int body = t->bottom - (t->top + 2) + 1;

	/* the list above, the selected version's text below */
	hs_list_rows = hs_target != NULL ? body / 3 : body;
	if (hs_list_rows < 1)
		hs_list_rows = 1;
	if (hs_sel >= (int)hs_rows())
		hs_sel = hs_rows() > 0 ? (int)hs_rows() - 1 : 0;
	if (hs_sel < hs_scroll)
		hs_scroll = hs_sel;
	if (hs_sel >= hs_scroll + hs_list_rows)
		hs_scroll = hs_sel - hs_list_rows + 1;
}

/* "2026-01-31T09:05:00Z" -> "2026-01-31 09:05:00 UTC" */
static void
hs_when(const char *iso, char out[40])
{
	if (strlen(iso) >= 19)
		snprintf(out, 40, "%.10s %.8s UTC", iso, iso + 11);
	else
		snprintf(out, 40, "%s", iso);
}

static void
hs_draw(struct tui *t, WINDOW *win)
{
	const struct project *p = tui_project(t);
	attr_t sel = term_attr(TP_SELECT, A_REVERSE) | A_BOLD;
	int cols = getmaxx(win), y = t->top + 2, i;
	char buf[700], right[64], when[40], *label, *cur;

	label = hs_target != NULL ? history_label(p, hs_target) : xstrdup("every text");
	snprintf(buf, sizeof buf, "History of %s", label);
	snprintf(right, sizeof right, "%zu earlier %s", hs_rows(),
	    hs_target != NULL ? (hs_n_revs == 1 ? "version" : "versions") : "texts");
	tui_draw_title(t, win, buf, right);
	free(label);
	if (hs_target == NULL) {
		draw_text(win, t->top, 1, cols - 2, hs_n_fields == 0 ? "The file keeps no earlier "
		    "versions yet." : "Enter lists the earlier versions of the selected text.",
		    A_DIM);
		for (i = hs_scroll; i < (int)hs_n_fields && y <= t->bottom; i++, y++) {
			label = history_label(p, hs_fields[i].target);
			hs_when(hs_fields[i].changed, when);
			snprintf(buf, sizeof buf, "%s (%zu %s, newest %s)", label, hs_fields[i].count,
			    hs_fields[i].count == 1 ? "version" : "versions", when);
			draw_text(win, y, 2, cols - 4, buf, i == hs_sel ? sel : A_NORMAL);
			free(label);
		}
		return;
	}
	cur = history_current(p, hs_target);
	snprintf(buf, sizeof buf, "Now %zu words. %s", cur != NULL ? text_count_words(cur,
	    strlen(cur)) : 0, hs_n_revs == 0 ? "The file keeps no earlier versions of this "
	    "text." : "Enter restores the selected version (the text now is kept too).");
	free(cur);
	draw_text(win, t->top, 1, cols - 2, buf, A_DIM);
	for (i = hs_scroll; i < (int)hs_n_revs && i < hs_scroll + hs_list_rows; i++, y++) {
		const struct revision *r = &hs_revs[i];
		size_t n = strcspn(r->text, "\n");
		char *first = xstrndup(r->text, n);

		hs_when(r->changed, when);
		snprintf(buf, sizeof buf, "Replaced %s  %5zu words  %s", when,
		    text_count_words(r->text, strlen(r->text)), first);
		draw_text(win, y, 2, cols - 4, buf, i == hs_sel ? sel : A_NORMAL);
		free(first);
	}
	y = t->top + 2 + hs_list_rows + 1;
	if (hs_n_revs > 0 && y <= t->bottom) {
		draw_text(win, y - 1, 1, cols - 2, "The selected version:", A_BOLD | A_UNDERLINE);
		draw_wrap(win, y, 2, cols - 4, t->bottom - y + 1, 0, hs_revs[hs_sel].text,
		    A_NORMAL);
	}
}

/* Restores hs_revs[hs_sel]: into the coach's field when one is open (one
 * undo step), otherwise straight through the store. */
static int
hs_restore(struct tui *t)
{
	const struct revision *r;
	struct tui_field *f = NULL;
	struct error err;
	char when[40];
	size_t i;

	if (hs_n_revs == 0)
		return RD_DRAW;
	if (t->readonly_why != NULL) {
		tui_status(t, "This project is open read-only: nothing can be restored here.");
		return RD_DRAW;
	}
	r = &hs_revs[hs_sel];
	hs_when(r->changed, when);
	for (i = 0; i < t->n_fields && f == NULL; i++) {
		char *st = hs_store_target(t->fields[i]);

		if (strcmp(st, r->target) == 0)
			f = t->fields[i];
		free(st);
	}
	if (f != NULL) {
		struct editbuf *eb = editor_buf(f->ed);

		editbuf_break_undo(eb);
		editbuf_set_text(eb, r->text, strlen(r->text));
		editbuf_break_undo(eb);
		store_new_burst(t->st);         /* keep the text it replaces */
		if (tui_save(t) != 0)
			return RD_DRAW | RD_EDIT;       /* the status shows why; retried */
	} else {
		error_clear(&err);
		if (history_restore(t->st, r->id, NULL, &err) != 0) {
			tui_status_error(t, &err);
			return RD_DRAW;
		}
		tui_changed(t);
	}
	if (hs_from_field) {
		tui_goto(t, t->back_id);
		tui_status(t, "Restored the version replaced %s (Ctrl-Z undoes; Ctrl-R shows "
		    "the text it replaced).", when);
		return RD_DRAW;
	}
	tui_status(t, "Restored the version replaced %s; the text it replaced is the newest "
	    "version now.", when);
	hs_sel = 0;
	hs_load(t);
	return RD_DRAW;
}

static int
hs_key(struct tui *t, enum action a, wint_t ch, bool keycode)
{
	(void)ch;
	(void)keycode;
	switch (a) {
	case ACT_UP:
	case ACT_PREV:
		if (hs_sel > 0)
			hs_sel--;
		return RD_DRAW;
	case ACT_DOWN:
	case ACT_NEXT:
		if (hs_sel + 1 < (int)hs_rows())
			hs_sel++;
		return RD_DRAW;
	case ACT_ENTER:
		if (hs_target != NULL)
			return hs_restore(t);
		if (hs_n_fields > 0) {
			hs_target = xstrdup(hs_fields[hs_sel].target);
			hs_sel = 0;
			hs_scroll = 0;
			hs_load(t);
		}
		return RD_DRAW;
	case ACT_BACK:
	case ACT_LEFT:
		if (hs_target != NULL && !hs_from_field) {
			free(hs_target);
			hs_target = NULL;
			hs_sel = 0;
			hs_scroll = 0;
			hs_load(t);
			return RD_DRAW;
		}
		tui_goto(t, t->back_id == SCR_HISTORY ? SCR_DASHBOARD : t->back_id);
		return RD_DRAW;
	default:
		return RD_IGNORED;
	}
}

static const enum action *
hs_help(const struct tui *t)
{
	static const enum action acts[] = { ACT_ENTER, ACT_UP, ACT_DOWN, ACT_BACK, ACT_HELP,
		ACT_QUIT, ACT_NONE };

	(void)t;
	return acts;
}

const struct tui_screen screen_history = {
	"history", hs_enter, hs_leave, hs_layout, hs_draw, hs_key, NULL, NULL, hs_help
};
