/* SPDX-License-Identifier: MIT */
/*
 * dashboard.c: the home screen: each ECQ with its examples (n of max),
 * words, open findings by severity and its share of the page budget, the
 * narrative's page meter, the fundamental competencies covered and the
 * time of the last save. Enter opens the selected ECQ.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/term.h"
#include "tui/tui.h"
#include "xalloc.h"

/* The row each ECQ was drawn on (for mouse clicks); -1: not drawn. */
#define DASH_MAX_ROWS 32
static int dash_row_y[DASH_MAX_ROWS];

static void
dash_enter(struct tui *t)
{
	if (t->ecq < 0 || (size_t)t->ecq >= tui_fw(t)->n_ecqs)
		t->ecq = 0;
	/* the project findings come when idle (tui.c), off the first screen */
}

static void
dash_layout(struct tui *t)
{
	(void)t;
}

static size_t
dash_fundamentals_covered(const struct project *p, struct strlist *missing)
{
	const struct framework *fw = p->fw;
	size_t i, k, n = 0;
	bool found;

	for (i = 0; i < fw->fundamentals.n; i++) {
		found = false;
		for (k = 0; k < p->n_examples && !found; k++)
			found = strlist_contains(&p->examples[k].competencies, fw->fundamentals.items[i]);
		if (found)
			n++;
		else
			strlist_push(missing, fw->fundamentals.items[i]);
	}
	return n;
}

/* The ECQ title column: 36 columns, wider when the terminal has room for
 * the longest title and still a page bar of 20 columns after the counts. */
static int
dash_title_width(const struct framework *fw, int cols)
{
	int want = 36, room = cols - 2 - 35 - 20, w;
	size_t e;

	for (e = 0; e < fw->n_ecqs; e++) {
		w = draw_width(fw->ecqs[e].title) + 4;    /* "1. " and a space */
		if (w > want)
			want = w;
	}
	if (want > room)
		want = room;
	return want < 36 ? 36 : want;
}

static void
dash_draw(struct tui *t, WINDOW *win)
{
	const struct project *p = tui_project(t);
	const struct framework *fw = p->fw;
	const struct findings *pf = tui_findings_last(t);
	int y = t->top + 1, head = t->top, cols = getmaxx(win), maxex, x, tw;
	double max_pages = framework_narrative_pages(fw), share;
	size_t e, i, sev[3];
	char buf[256], right[64];
	struct strlist missing = { 0 };
	attr_t sel = term_attr(TP_SELECT, A_REVERSE);

	if (t->pages > 0)
		snprintf(right, sizeof right, "%.1f of %g pages", t->pages_used, max_pages);
	else
		snprintf(right, sizeof right, "pages: counting");
	snprintf(buf, sizeof buf, "ecqcoach: %s (%s)", *p->candidate ? p->candidate : "no name yet",
	    fw->id);
	tui_draw_title(t, win, buf, right);
	if (t->check_warning[0] != '\0') {
		/* Missing word lists or dictionary: said first, for the whole
		 * session, so findings that never come are not read as "clean". */
		char *w = xasprintf("Warning: %s", t->check_warning);
		int rows = draw_wrap(win, t->top, 2, cols - 4, 3, 0, w, term_attr(TP_WARN, A_BOLD));

		free(w);
		y += rows + 1;
		head += rows + 1;
	}
	tw = dash_title_width(fw, cols);
	draw_printf(win, head, 2, cols - 2, A_BOLD, "%-*s %-10s %6s  %-14s %s",
	    tw, "ECQ", "Examples", "Words", "Findings", "Share of pages");
	maxex = (int)framework_rule(fw, "max_examples_per_ecq", 2);
	for (e = 0; e < DASH_MAX_ROWS; e++)
		dash_row_y[e] = -1;
	for (e = 0; e < fw->n_ecqs && y < t->bottom - 5; e++, y += 2) {
		attr_t a = (int)e == t->ecq ? sel : A_NORMAL;
		size_t nex = project_count_examples(p, (int)e);

		memset(sev, 0, sizeof sev);
		for (i = 0; i < pf->n; i++)
			if (pf->items[i].ecq == (int)e && pf->items[i].severity <= SEV_ERROR)
				sev[pf->items[i].severity]++;
		if (e < DASH_MAX_ROWS)
			dash_row_y[e] = y;
		if ((int)e == t->ecq)
			draw_text(win, y, 0, 2, "> ", A_BOLD);
		snprintf(buf, sizeof buf, "%zu. %s", e + 1, fw->ecqs[e].title);
		x = 2;
		draw_text(win, y, x, tw, buf, a | A_BOLD);
		x += tw + 1;
		draw_printf(win, y, x, 10, (int)nex > maxex || nex == 0 ? term_attr(TP_WARN, A_BOLD) : A_NORMAL,
		    "%zu of %d", nex, maxex);
		x += 11;
		draw_printf(win, y, x, 6, A_NORMAL, "%6zu", tui_ecq_words(t, (int)e));
		x += 8;
		if (!tui_findings_ready(t)) {
			draw_text(win, y, x, 14, "checking...", A_DIM);
		} else {
		draw_printf(win, y, x, 5, sev[SEV_ERROR] ? term_attr(TP_BAD, A_BOLD) : A_DIM,
		    "E%zu", sev[SEV_ERROR]);
		draw_printf(win, y, x + 5, 5, sev[SEV_WARNING] ? term_attr(TP_WARN, A_BOLD) : A_DIM,
		    "W%zu", sev[SEV_WARNING]);
		draw_printf(win, y, x + 10, 5, A_DIM, "I%zu", sev[SEV_INFO]);
		}
		x += 15;
		if (t->pages > 0 && e < t->n_ecq_pages && cols - x > 12) {
			share = t->ecq_pages[e] / (max_pages / (double)fw->n_ecqs);
			draw_bar(win, y, x, cols - x - 6, share, term_attr(TP_GOOD, A_BOLD),
			    term_attr(TP_BAD, A_BOLD));
			draw_printf(win, y, cols - 5, 5, A_NORMAL, "%4.1f", t->ecq_pages[e]);
		}
	}
	y++;
	if (t->pages > 0) {
		snprintf(buf, sizeof buf, "Narrative: %.1f of %g pages ", t->pages_used, max_pages);
		x = draw_text(win, y, 2, cols - 2, buf, A_BOLD) + 2;
		draw_bar(win, y, x, cols - x - 2, t->pages_used / max_pages,
		    term_attr(TP_GOOD, A_BOLD), term_attr(TP_BAD, A_BOLD));
	} else {
		draw_text(win, y, 2, cols - 2, "Narrative: counting pages...", A_BOLD);
	}
	y += 2;
	if (fw->fundamentals.n > 0) {
		size_t cov = dash_fundamentals_covered(p, &missing);
		char *list = NULL;
		size_t len = 0;

		for (i = 0; i < missing.n; i++)
			len += strlen(missing.items[i]) + 2;
		snprintf(buf, sizeof buf, "Fundamental competencies shown: %zu of %zu%s", cov,
		    fw->fundamentals.n, missing.n ? "; not yet: " : "");
		if (missing.n > 0) {
			list = calloc(1, strlen(buf) + len + 1);
			if (list != NULL) {
				strcpy(list, buf);
				for (i = 0; i < missing.n; i++) {
					strcat(list, missing.items[i]);
					if (i + 1 < missing.n)
						strcat(list, ", ");
				}
			}
		}
		y += draw_wrap(win, y, 2, cols - 4, 2, 0, list != NULL ? list : buf, A_NORMAL);
		free(list);
		strlist_free(&missing);
	} else {
		draw_text(win, y++, 2, cols - 4, "This framework names no fundamental competencies.", A_DIM);
	}
	if (y <= t->bottom) {
		snprintf(buf, sizeof buf, "Last saved: %s   File: %s", p->modified, p->path);
		draw_text(win, y, 2, cols - 4, buf, A_DIM);
	}
	if (t->layout_warning != NULL && y + 1 <= t->bottom)
		draw_text(win, y + 1, 2, cols - 4, t->layout_warning, A_DIM);
}

static int
dash_key(struct tui *t, enum action a, wint_t ch, bool keycode)
{
	int n = (int)tui_fw(t)->n_ecqs;

	if (!keycode && (ch == 'q' || ch == 'Q')) {
		t->quit = true;
		return RD_NONE;
	}
	if (!keycode && ch >= '1' && ch <= '9' && (int)(ch - '1') < n) {
		t->ecq = (int)(ch - '1');
		t->ecq_item = 0;
		tui_goto(t, SCR_ECQ);
		return RD_DRAW;
	}
	switch (a) {
	case ACT_UP:
	case ACT_PREV:
		t->ecq = (t->ecq + n - 1) % n;
		return RD_DRAW;
	case ACT_DOWN:
	case ACT_NEXT:
		t->ecq = (t->ecq + 1) % n;
		return RD_DRAW;
	case ACT_ENTER:
	case ACT_RIGHT:
		t->ecq_item = 0;
		tui_goto(t, SCR_ECQ);
		return RD_DRAW;
	case ACT_DELETED:
		tui_goto(t, SCR_DELETED);
		return RD_DRAW;
	case ACT_CARDS:
		tui_goto(t, SCR_CARDS);
		return RD_DRAW;
	default:
		return RD_IGNORED;
	}
}

/* A click on an ECQ's row selects it (Enter then opens it). */
static int
dash_mouse(struct tui *t, const MEVENT *ev)
{
	size_t e;

	if (!(ev->bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
		return RD_NONE;
	for (e = 0; e < tui_fw(t)->n_ecqs && e < DASH_MAX_ROWS; e++) {
		if (dash_row_y[e] >= 0 && ev->y == dash_row_y[e]) {
			t->ecq = (int)e;
			return RD_DRAW;
		}
	}
	return RD_NONE;
}

static const enum action *
dash_help(const struct tui *t)
{
	static const enum action acts[] = { ACT_ENTER, ACT_RESUME, ACT_REVIEW, ACT_EXPORT, ACT_GUIDE,
		ACT_DELETED, ACT_CARDS, ACT_HELP, ACT_QUIT, ACT_NONE };

	(void)t;
	return acts;
}

const struct tui_screen screen_dashboard = {
	"dashboard", dash_enter, NULL, dash_layout, dash_draw, dash_key, NULL, dash_mouse, dash_help
};
