/* SPDX-License-Identifier: MIT */
/*
 * guided.c: guided mode (a first-time user or a workshop): through the
 * ECQs in order, one step per screen: read the definition, answer the
 * focus questions, write Challenge, Context, Action and Result, review the
 * ECQ; next/back and a progress line. Also the first-run questions of a new
 * project (the candidate's name and the framework).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "tui/draw.h"
#include "tui/term.h"
#include "tui/tui.h"
#include "xalloc.h"

enum guide_step { GS_DEFINITION, GS_QUESTIONS, GS_CHALLENGE, GS_CONTEXT, GS_ACTION, GS_RESULT,
	GS_REVIEW, GS_COUNT };

static const char *const guide_names[GS_COUNT] = { "Definition", "Focus questions",
	"Challenge", "Context", "Action", "Result", "Review" };

static int
guide_total(const struct tui *t)
{
	return (int)tui_fw(t)->n_ecqs * GS_COUNT;
}

/* Shows the screen of the current step. */
static void
guide_show(struct tui *t)
{
	const struct project *p = tui_project(t);
	int ecq = t->guide_step / GS_COUNT, s = t->guide_step % GS_COUNT;
	const struct example *ex;
	struct error err;
	int64_t id;

	t->ecq = ecq;
	switch (s) {
	case GS_DEFINITION:
	case GS_REVIEW:
		tui_goto(t, SCR_GUIDE);
		break;
	case GS_QUESTIONS:
		/* the first note: after the heading, the competencies, the heading */
		t->ecq_item = 2 + (int)p->fw->ecqs[ecq].competencies.n;
		tui_goto(t, SCR_ECQ);
		break;
	default:
		ex = project_example_at(p, ecq, 0);
		if (ex == NULL) {
			(void)tui_save(t);
			if (store_add_example(t->st, ecq, "", &id, &err) != 0) {
				tui_status_error(t, &err);
				tui_goto(t, SCR_GUIDE);
				return;
			}
			tui_changed(t);
		} else {
			id = ex->id;
		}
		t->example = id;
		t->ex_focus = EX_CHALLENGE + (s - GS_CHALLENGE);
		tui_goto(t, SCR_EXAMPLE);
		break;
	}
}

void
guided_start(struct tui *t)
{
	t->guided = true;
	if (t->guide_step < 0 || t->guide_step >= guide_total(t))
		t->guide_step = 0;
	guide_show(t);
	tui_status(t, "Guided mode: Ctrl-N for the next step, Ctrl-P to go back, F6 to leave.");
}

void
guided_next(struct tui *t)
{
	if (t->guide_step + 1 >= guide_total(t)) {
		t->guided = false;
		tui_goto(t, SCR_REVIEW);
		tui_status(t, "You went through every ECQ. Here is the whole review.");
		return;
	}
	t->guide_step++;
	guide_show(t);
}

void
guided_back(struct tui *t)
{
	if (t->guide_step > 0)
		t->guide_step--;
	guide_show(t);
}

void
guided_draw_progress(const struct tui *t, WINDOW *win, int y)
{
	const struct framework *fw = tui_fw(t);
	int ecq = t->guide_step / GS_COUNT, s = t->guide_step % GS_COUNT, cols = getmaxx(win), x;
	char buf[200];

	snprintf(buf, sizeof buf, "Guided: ECQ %d of %zu, step %d of %d: %s ", ecq + 1, fw->n_ecqs,
	    s + 1, GS_COUNT, guide_names[s]);
	draw_fill(win, y, A_NORMAL);
	x = draw_text(win, y, 0, cols, buf, A_BOLD);
	draw_bar(win, y, x + 1, cols - x - 27, (double)(t->guide_step + 1) / guide_total(t),
	    term_attr(TP_GOOD, A_BOLD), term_attr(TP_GOOD, A_BOLD));
	draw_text(win, y, cols - 24, 24, "Ctrl-N next, Ctrl-P back", A_DIM);
}

/* ---- the guide's own screen: the definition and the ECQ review ---------- */

static void
gs_enter(struct tui *t)
{
	(void)tui_save(t);
	if (t->guide_step % GS_COUNT == GS_REVIEW)
		(void)tui_project_findings(t);
}

static void
gs_draw(struct tui *t, WINDOW *win)
{
	const struct project *p = tui_project(t);
	const struct fw_ecq *e = &p->fw->ecqs[t->ecq];
	int y = t->top + 1, cols = getmaxx(win), s = t->guide_step % GS_COUNT;
	char buf[600];
	size_t i, sev[3] = { 0, 0, 0 }, shown = 0;

	snprintf(buf, sizeof buf, "ECQ %d: %s", t->ecq + 1, e->title);
	tui_draw_title(t, win, buf, guide_names[s]);
	if (s == GS_DEFINITION) {
		draw_text(win, y++, 1, cols - 2, "What OPM means by this ECQ", A_BOLD);
		y += draw_wrap(win, y, 2, cols - 4, 6, 0, e->definition, A_NORMAL) + 1;
		draw_text(win, y++, 1, cols - 2, "Its competencies", A_BOLD);
		for (i = 0; i < e->competencies.n && y < t->bottom - 4; i++)
			draw_printf(win, y++, 2, cols - 4, A_NORMAL, "- %s", e->competencies.items[i]);
		y++;
		draw_wrap(win, y, 1, cols - 2, t->bottom - y - 1, 0, "Next you answer the focus "
		    "questions in short notes, then write one example in four parts (Challenge, "
		    "Context, Action, Result). Write in the first person, with numbers for results.",
		    term_attr(TP_DIM, A_DIM));
		return;
	}
	/* review of this ECQ */
	snprintf(buf, sizeof buf, "%zu words, about %zu for this ECQ's share of the pages.",
	    tui_ecq_words(t, t->ecq), tui_ecq_budget(t));
	draw_text(win, y++, 1, cols - 2, buf, A_BOLD);
	for (i = 0; i < t->pf.n; i++)
		if (t->pf.items[i].ecq == t->ecq)
			sev[t->pf.items[i].severity]++;
	snprintf(buf, sizeof buf, "Findings: %zu errors, %zu warnings, %zu notes.", sev[SEV_ERROR],
	    sev[SEV_WARNING], sev[SEV_INFO]);
	draw_text(win, y++, 1, cols - 2, buf, sev[SEV_ERROR] ? term_attr(TP_BAD, A_BOLD) : A_NORMAL);
	y++;
	for (i = 0; i < t->pf.n && y <= t->bottom; i++) {
		const struct finding *f = &t->pf.items[i];

		if (f->ecq != t->ecq)
			continue;
		snprintf(buf, sizeof buf, "%s %s: %s", f->severity == SEV_ERROR ? "!" : "-",
		    f->field >= 0 ? project_field_name((enum example_field)f->field) : "ECQ", f->message);
		draw_text(win, y++, 2, cols - 4, buf, A_NORMAL);
		shown++;
	}
	if (shown == 0)
		draw_text(win, y, 2, cols - 4, "Nothing to fix here. Ctrl-N goes on to the next ECQ.",
		    term_attr(TP_GOOD, A_BOLD));
}

static int
gs_key(struct tui *t, enum action a, wint_t ch, bool keycode)
{
	size_t i;

	(void)ch;
	(void)keycode;
	if (a == ACT_ENTER && t->guide_step % GS_COUNT == GS_REVIEW) {
		for (i = 0; i < t->pf.n; i++)
			if (t->pf.items[i].ecq == t->ecq && t->pf.items[i].example >= 0) {
				tui_jump(t, &t->pf.items[i]);
				return RD_DRAW;
			}
		return RD_DRAW;
	}
	if (a == ACT_ENTER || a == ACT_RIGHT) {
		guided_next(t);
		return RD_DRAW;
	}
	if (a == ACT_LEFT) {
		guided_back(t);
		return RD_DRAW;
	}
	if (a == ACT_BACK) {
		t->guided = false;
		tui_goto(t, SCR_DASHBOARD);
		return RD_DRAW;
	}
	return RD_IGNORED;
}

static const enum action *
gs_help(const struct tui *t)
{
	static const enum action acts[] = { ACT_GUIDE_NEXT, ACT_GUIDE_BACK, ACT_ENTER, ACT_BACK,
		ACT_HELP, ACT_QUIT, ACT_NONE };

	(void)t;
	return acts;
}

const struct tui_screen screen_guide = {
	"guide", gs_enter, NULL, NULL, gs_draw, gs_key, NULL, NULL, gs_help
};

/* ---- first run ------------------------------------------------------------ */

static void
fr_draw(const char *path, int step, struct editor *name, const struct framework_set *set,
    int sel)
{
	WINDOW *win = stdscr;
	int cols = COLS, y = 2, cy, cx;
	size_t i;
	char buf[600];
	attr_t a = term_attr(TP_TITLE, A_REVERSE) | A_BOLD;
	static const enum action help[] = { ACT_ENTER, ACT_BACK, ACT_QUIT, ACT_NONE };

	werase(win);
	if (LINES < 24 || COLS < 80) {
		draw_wrap(win, 0, 0, COLS, LINES, 0, "The terminal is too small for the coach: "
		    "enlarge it to at least 80 columns by 24 lines. Ctrl-Q quits.", A_BOLD);
		curs_set(0);
		wnoutrefresh(win);
		doupdate();
		return;
	}
	draw_fill(win, 0, a);
	snprintf(buf, sizeof buf, "ecqcoach: a new project, %s", path);
	draw_text(win, 0, 1, cols - 2, buf, a);
	draw_wrap(win, y, 2, cols - 4, 3, 0, "Welcome. Two questions and the coach walks you "
	    "through each Executive Core Qualification: its definition, the focus questions, and "
	    "an example in the Challenge, Context, Action, Result model.", A_NORMAL);
	y += 4;
	draw_text(win, y, 2, cols - 4, "1. Your full name, as it should appear on the narrative:",
	    step == 0 ? A_BOLD : A_NORMAL);
	editor_place(name, win, y + 1, 5, 1, cols - 10);
	editor_draw(name, win, step == 0);
	y += 3;
	draw_text(win, y, 2, cols - 4, "2. The ECQ framework (the announcement says which):",
	    step == 1 ? A_BOLD : A_DIM);
	y++;
	for (i = 0; i < set->n && y < LINES - 3; i++, y++) {
		const struct framework *fw = set->fws[i];

		snprintf(buf, sizeof buf, "%c %s: %s (%s)%s", (int)i == sel ? '>' : ' ', fw->id,
		    fw->title, fw->in_force, fw->current ? " [current]" : "");
		draw_text(win, y, 4, cols - 6, buf, step == 1 && (int)i == sel
		    ? term_attr(TP_SELECT, A_REVERSE) : (step == 1 ? A_NORMAL : A_DIM));
	}
	draw_help_line(win, LINES - 1, help);
	if (step == 0 && editor_cursor_yx(name, &cy, &cx)) {
		curs_set(1);
		wmove(win, cy, cx);
	} else {
		curs_set(0);
	}
	wnoutrefresh(win);
	doupdate();
}

struct store *
guided_first_run(const char *path, struct error *err, bool *quit)
{
	struct framework_set set = { 0 };
	struct editor *name = NULL;
	struct store *st = NULL;
	const struct framework *def;
	int step = 0, sel = 0, r;
	size_t i;
	wint_t ch;
	bool keycode, stop = false;
	enum action a;

	*quit = false;
	r = framework_set_load_all(&set, err);
	if (r != 0)
		return NULL;
	if (set.n == 0) {
		error_set(err, ERR_NOTFOUND, "no framework found in %s/prompts; reinstall ecqcoach "
		    "or set ECQCOACH_DATADIR", paths_data_dir());
		goto out;
	}
	def = framework_set_default(&set);
	for (i = 0; i < set.n; i++)
		if (set.fws[i] == def)
			sel = (int)i;
	name = editor_new("", 0);
	editor_set_placeholder(name, "e.g. María L. Castillo");
	for (;;) {
		fr_draw(path, step, name, &set, sel);
		if (tui_read(&ch, &keycode, 1000, &stop) == ERR) {
			if (stop) {
				*quit = true;
				goto out;
			}
			continue;
		}
		if (keycode && ch == KEY_RESIZE)
			continue;
		if (keycode && (ch == TERM_KEY_PASTE_BEGIN || ch == TERM_KEY_PASTE_END || ch == KEY_MOUSE))
			continue;
		a = keys_action(ch, keycode);
		if (a == ACT_QUIT) {
			*quit = true;
			goto out;
		}
		if (LINES < 24 || COLS < 80)
			continue;
		if (step == 0) {
			if (a == ACT_ENTER || a == ACT_NEXT || a == ACT_DOWN) {
				step = 1;
				continue;
			}
			if (a == ACT_BACK) {
				*quit = true;
				goto out;
			}
			(void)editor_key(name, ch, keycode);
			continue;
		}
		switch (a) {
		case ACT_UP:
			if (sel > 0)
				sel--;
			break;
		case ACT_DOWN:
			if (sel + 1 < (int)set.n)
				sel++;
			break;
		case ACT_BACK:
		case ACT_PREV:
			step = 0;
			break;
		case ACT_ENTER: {
			/* one line, no surrounding spaces */
			char *n = xstrdup(editbuf_text(editor_cbuf(name))), *s = n, *e;

			for (e = n; *e != '\0'; e++)
				if (*e == '\n' || *e == '\t')
					*e = ' ';
			while (*s == ' ')
				s++;
			e = s + strlen(s);
			while (e > s && e[-1] == ' ')
				*--e = '\0';
			r = store_create(path, set.fws[sel], s, &st, err);
			free(n);
			if (r != 0)
				st = NULL;
			goto out;
		}
		default:
			break;
		}
	}
out:
	editor_free(name);
	framework_set_free(&set);
	return st;
}
