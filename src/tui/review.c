/* SPDX-License-Identifier: MIT */
/*
 * review.c: the QRB review: each line of the framework's checklist as
 * passed, failed (with the count and, opened, its findings), not yet (the
 * narrative lacks what its rules read; opened, what is missing; see
 * review_state.h) or to be confirmed by hand (a checkbox saved in the project). Enter on a finding
 * jumps to its place in the editor.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "review_state.h"
#include "tui/draw.h"
#include "tui/term.h"
#include "tui/tui.h"

struct review_row {
	int item;               /* checklist index */
	int finding;            /* index into the project findings, -1 for the item row */
};

#define REVIEW_MAX_ROWS 512
static struct review_row rv_rows[REVIEW_MAX_ROWS];
static int rv_n;
static int rv_open = -1;        /* checklist item whose findings are listed */
static int rv_scroll;

static bool
rv_matches(const struct checklist_item *ci, const struct finding *f)
{
	return strlist_contains(&ci->rules, f->rule);
}

static void
rv_build(struct tui *t)
{
	const struct framework *fw = tui_fw(t);
	const struct findings *pf = tui_findings_last(t);
	size_t i, k;

	rv_n = 0;
	for (i = 0; i < fw->n_checklist && rv_n < REVIEW_MAX_ROWS; i++) {
		rv_rows[rv_n].item = (int)i;
		rv_rows[rv_n].finding = -1;
		rv_n++;
		if ((int)i != rv_open)
			continue;
		for (k = 0; k < pf->n && rv_n < REVIEW_MAX_ROWS; k++) {
			if (!rv_matches(&fw->checklist[i], &pf->items[k]))
				continue;
			rv_rows[rv_n].item = (int)i;
			rv_rows[rv_n].finding = (int)k;
			rv_n++;
		}
	}
	if (t->review_item >= rv_n)
		t->review_item = rv_n > 0 ? rv_n - 1 : 0;
}

static void
rv_enter(struct tui *t)
{
	(void)tui_save(t);
	(void)tui_project_findings(t);
	rv_build(t);
}

static void
rv_layout(struct tui *t)
{
	int h = t->bottom - t->top - 1;

	(void)tui_project_findings(t);
	rv_build(t);
	if (t->review_item < rv_scroll)
		rv_scroll = t->review_item;
	if (t->review_item >= rv_scroll + h)
		rv_scroll = t->review_item - h + 1;
}

static void
rv_draw(struct tui *t, WINDOW *win)
{
	const struct project *p = tui_project(t);
	const struct framework *fw = p->fw;
	const struct findings *pf = tui_findings_last(t);
	int y = t->top + 1, i, cols = getmaxx(win), passed = 0, failed = 0, hand = 0;
	char buf[600], right[96];
	size_t k, n;
	attr_t sel = term_attr(TP_SELECT, A_REVERSE);

	int notyet = 0;

	for (k = 0; k < fw->n_checklist; k++) {
		switch (review_state_of(p, &fw->checklist[k], pf, NULL, NULL, 0)) {
		case REVIEW_BY_HAND:
			hand++;
			break;
		case REVIEW_PASSED:
			passed++;
			break;
		case REVIEW_FAILED:
			failed++;
			break;
		case REVIEW_NOT_YET:
			notyet++;
			break;
		case REVIEW_CONFIRMED:
			break;
		}
	}
	snprintf(right, sizeof right, "%d passed, %d failed, %d not yet, %d to confirm", passed,
	    failed, notyet, hand);
	tui_draw_title(t, win, "Review: the QRB checklist", right);
	draw_text(win, t->top, 1, cols - 2, "Make sure (+) and avoid (-): each line as a "
	    "Qualifications Review Board reader would check it.", A_DIM);
	for (i = rv_scroll; i < rv_n && y <= t->bottom; i++, y++) {
		const struct checklist_item *ci = &fw->checklist[rv_rows[i].item];
		attr_t a = i == t->review_item ? sel : A_NORMAL;

		if (rv_rows[i].finding < 0) {
			char mark = ci->kind == CHECKLIST_MAKE_SURE ? '+' : '-';

			if (ci->rules.n == 0) {
				bool on = strlist_contains(&p->confirmed, ci->text);

				snprintf(buf, sizeof buf, "%c [%c] %s", mark, on ? 'x' : ' ', ci->text);
				draw_text(win, y, 1, cols - 22, buf, a);
				draw_text(win, y, cols - 20, 19, on ? "confirmed" : "confirm by hand",
				    on ? term_attr(TP_GOOD, A_BOLD) : term_attr(TP_WARN, A_BOLD));
			} else {
				char why[256];
				enum review_state rs = review_state_of(p, ci, pf, &n, why, sizeof why);

				snprintf(buf, sizeof buf, "%c %s %s", mark, rv_open == rv_rows[i].item ? "v" : ">",
				    ci->text);
				draw_text(win, y, 1, cols - 22, buf, a);
				if (rs == REVIEW_PASSED)
					draw_text(win, y, cols - 20, 19, "passed", term_attr(TP_GOOD, A_BOLD));
				else if (rs == REVIEW_NOT_YET)
					draw_text(win, y, cols - 20, 19, "not yet", term_attr(TP_WARN, A_BOLD));
				else
					draw_printf(win, y, cols - 20, 19, term_attr(TP_BAD, A_BOLD),
					    "failed (%zu)", n);
				/* opened and not yet: say what is missing */
				if (rs == REVIEW_NOT_YET && rv_open == rv_rows[i].item && y < t->bottom) {
					y++;
					draw_text(win, y, 6, cols - 7, why, term_attr(TP_WARN, 0));
				}
			}
		} else {
			const struct finding *f = &pf->items[rv_rows[i].finding];
			char where[128];

			if (f->example >= 0 && f->field >= 0) {
				const struct example *ex = project_example_by_id(p, f->example);

				snprintf(where, sizeof where, "ECQ %d ex %d %s", f->ecq + 1,
				    ex != NULL ? ex->position + 1 : 0,
				    project_field_name((enum example_field)f->field));
			} else if (f->example >= 0 && checker_target_shape(f->target) != NULL) {
				const struct example *ex = project_example_by_id(p, f->example);

				snprintf(where, sizeof where, "ECQ %d ex %d %s", f->ecq + 1,
				    ex != NULL ? ex->position + 1 : 0,
				    strcmp(checker_target_shape(f->target), "card") == 0 ? "card" :
				    "résumé line");
			} else if (f->ecq >= 0) {
				snprintf(where, sizeof where, "ECQ %d", f->ecq + 1);
			} else {
				snprintf(where, sizeof where, "narrative");
			}
			snprintf(buf, sizeof buf, "%s: %s", where, f->message);
			draw_text(win, y, 6, cols - 7, buf, a | (f->severity == SEV_ERROR ?
			    term_attr(TP_BAD, 0) : 0));
		}
	}
}

static int
rv_key(struct tui *t, enum action a, wint_t ch, bool keycode)
{
	const struct framework *fw = tui_fw(t);
	const struct checklist_item *ci;
	struct review_row *r;
	struct error err;
	bool on;

	(void)ch;
	(void)keycode;
	if (a == ACT_DISMISSED) {
		tui_goto(t, SCR_DISMISSED);
		return RD_DRAW;
	}
	if (rv_n == 0)
		return a == ACT_BACK ? (tui_goto(t, SCR_DASHBOARD), RD_DRAW) : RD_IGNORED;
	r = &rv_rows[t->review_item];
	ci = &fw->checklist[r->item];
	switch (a) {
	case ACT_UP:
	case ACT_PREV:
		if (t->review_item > 0)
			t->review_item--;
		return RD_DRAW;
	case ACT_DOWN:
	case ACT_NEXT:
		if (t->review_item + 1 < rv_n)
			t->review_item++;
		return RD_DRAW;
	case ACT_BACK:
		if (t->guided && !guided_at_step(t))
			guided_show(t);
		else
			tui_goto(t, SCR_DASHBOARD);
		return RD_DRAW;
	case ACT_TOGGLE:
	case ACT_ENTER:
		if (r->finding >= 0) {
			if (a == ACT_ENTER)
				tui_jump(t, &tui_findings_last(t)->items[r->finding]);
			return RD_DRAW;
		}
		if (ci->rules.n == 0) {
			on = !strlist_contains(&tui_project(t)->confirmed, ci->text);
			if (store_set_confirmed(t->st, ci->text, on, &err) != 0)
				tui_status_error(t, &err);
			else
				tui_changed(t);
			return RD_DRAW;
		}
		rv_open = rv_open == r->item ? -1 : r->item;
		return RD_DRAW;
	default:
		return RD_IGNORED;
	}
}

/* A click on a line selects it (Enter then acts on it). The lines are
 * drawn from the row below the heading, from rv_scroll on. */
static int
rv_mouse(struct tui *t, const MEVENT *ev)
{
	int i = rv_scroll + (ev->y - (t->top + 1));

	if (!(ev->bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) || ev->y < t->top + 1
	    || ev->y > t->bottom || i >= rv_n)
		return RD_NONE;
	t->review_item = i;
	return RD_DRAW;
}

static const enum action *
rv_help(const struct tui *t)
{
	static const enum action acts[] = { ACT_ENTER, ACT_TOGGLE, ACT_DISMISSED, ACT_BACK,
		ACT_DASHBOARD, ACT_EXPORT, ACT_HELP, ACT_QUIT, ACT_NONE };

	(void)t;
	return acts;
}

const struct tui_screen screen_review = {
	"review", rv_enter, NULL, rv_layout, rv_draw, rv_key, NULL, rv_mouse, rv_help
};
