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

#include "card.h"
#include "resume.h"
#include "shapes.h"
#include "tui/draw.h"
#include "tui/findings_owner.h"
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


/* The résumé's lines per example (resume_layout), laid out again only
 * after a saved change: the layout is the costly part of the shapes. */
static int *dash_lines;
static size_t dash_lines_n;
static unsigned long dash_lines_gen;    /* t->gen + 1 they are for; 0: none */

static const int *
dash_resume_lines(struct tui *t, const struct project *p)
{
	struct resume_settings rs;
	struct layout_result r;
	struct error err;
	int *lines = NULL, rc;

	if (!shapes_used(p->fw, DOC_RESUME) || p->n_examples == 0)
		return NULL;
	if (dash_lines_gen == t->gen + 1)
		return dash_lines_n == p->n_examples ? dash_lines : NULL;
	resume_settings_load(t->st, &rs);
	memset(&r, 0, sizeof r);
	rc = resume_layout(t->lc, p, &rs, NULL, &r, &lines, &err);
	layout_result_free(&r);
	if (rc == -2) {
		/* a key came: the count is not known on this draw; the next lays
		 * it out again */
		free(lines);
		return NULL;
	}
	free(dash_lines);
	dash_lines = rc == 0 ? lines : NULL;
	if (rc != 0)
		free(lines);
	dash_lines_n = p->n_examples;
	dash_lines_gen = t->gen + 1;
	return dash_lines;
}

/* The session's text of an example's card (the cards screen's field, saved
 * or not), so the dashboard says what that screen says. */
static const char *
dash_text_of(void *arg, const char *target, size_t *len)
{
	const struct tui *t = arg;
	const char *dot = strrchr(target, '.');
	long long id;
	size_t i;

	if (dot == NULL || strcmp(dot, ".card") != 0 ||
	    sscanf(target, "example.%lld.card", &id) != 1)
		return NULL;
	for (i = 0; i < t->n_fields; i++) {
		const struct tui_field *f = t->fields[i];

		if (f->kind == TF_CARD && f->example == id) {
			const char *s = editbuf_text(editor_cbuf(f->ed));

			*len = strlen(s);
			return s;
		}
	}
	return NULL;
}

/* Words as the ECQ screen counts them. */
static size_t
dash_words_of(void *arg, const struct example *ex)
{
	return tui_example_words(arg, ex);
}

/* The shapes last computed and what they were computed from: a draw that
 * changes nothing of it (moving the selection) reads them again. */
struct dash_memo_key {
	unsigned long gen, dict, versions;
	size_t n_fields, pf_n;
	const struct findings *pf;
	const int *lines;
	bool ready, fresh, ck;
	int wpm;
};
static struct shapes dash_sh;
static struct dash_memo_key dash_memo;
static bool dash_memo_valid;

static const struct shapes *
dash_shapes(struct tui *t, const struct project *p, const struct findings *pf)
{
	struct dash_memo_key k;
	struct shapes_input in;
	size_t i;

	memset(&k, 0, sizeof k);
	k.gen = t->gen;
	k.dict = findings_owner_dictionary_gen(t->fo);
	/* any text typed in the session, saved or not */
	for (i = 0; i < t->n_fields; i++)
		k.versions += editbuf_version(editor_cbuf(t->fields[i]->ed));
	k.n_fields = t->n_fields;
	k.pf = pf;
	k.pf_n = pf->n;
	k.lines = dash_resume_lines(t, p);
	k.ready = tui_findings_ready(t);
	k.fresh = findings_owner_fresh(t->fo);
	k.ck = t->ck != NULL;
	k.wpm = card_wpm_load(t->st);
	if (dash_memo_valid && dash_sh.n == p->n_examples && k.gen == dash_memo.gen &&
	    k.dict == dash_memo.dict && k.versions == dash_memo.versions &&
	    k.n_fields == dash_memo.n_fields && k.pf == dash_memo.pf && k.pf_n == dash_memo.pf_n &&
	    k.lines == dash_memo.lines && k.ready == dash_memo.ready && k.fresh == dash_memo.fresh &&
	    k.ck == dash_memo.ck && k.wpm == dash_memo.wpm)
		return &dash_sh;
	memset(&in, 0, sizeof in);
	in.counted = k.ready;
	in.ck = t->ck;
	in.narrative = pf;
	in.resume_lines = k.lines;
	in.wpm = k.wpm;
	in.text_of = dash_text_of;
	in.words_of = dash_words_of;
	in.arg = t;
	shapes_free(&dash_sh);
	shapes_compute(p, &in, &dash_sh);
	dash_memo = k;
	dash_memo_valid = true;
	return &dash_sh;
}

/* How the examples' shape lines are laid out on the rows there are. */
struct dash_fit {
	bool all;               /* every ECQ's examples (else the selected's) */
	bool gaps;              /* a blank row between ECQs (room for the
	                         * rows below the list to have theirs too) */
	bool brief;             /* the brief shape lines */
	int state_x;            /* column of the shape lines */
};

static void
dash_fit(const struct tui *t, const struct project *p, const struct shapes *sh, int y,
    int cols, struct dash_fit *fit)
{
	const struct framework *fw = p->fw;
	int fund = fw->fundamentals.n > 0 ? 2 : 1, loose = t->bottom - (5 + fund) - y + 1,
	    tight = t->bottom - (2 + fund) - y + 1, need = (int)(fw->n_ecqs + p->n_examples),
	    full = 0, brief = 0, w;
	size_t i;
	char *s;

	memset(fit, 0, sizeof fit[0]);
	fit->all = need <= tight;
	fit->gaps = fw->n_ecqs > 0 && need + (int)fw->n_ecqs - 1 <= loose;
	for (i = 0; i < sh->n; i++) {
		s = shapes_example_line(sh, i, false);
		w = draw_width(s);
		full = w > full ? w : full;
		free(s);
		s = shapes_example_line(sh, i, true);
		w = draw_width(s);
		brief = w > brief ? w : brief;
		free(s);
	}
	/* at the right edge, as wide as the widest line: the full lines when
	 * they leave the titles 20 columns, else the brief ones */
	fit->brief = full > cols - 2 - 26;
	w = fit->brief ? brief : full;
	fit->state_x = w <= cols - 2 - 26 ? cols - 2 - w : 26;
}

/* Example i's row: "1.2 Title" and its shapes. */
static void
dash_example_row(WINDOW *win, const struct project *p, const struct shapes *sh, size_t i,
    int y, int cols, const struct dash_fit *fit)
{
	const struct example *ex = &p->examples[i];
	char buf[300], *line = shapes_example_line(sh, i, fit->brief);

	snprintf(buf, sizeof buf, "%d.%d %.240s", ex->ecq + 1, ex->position + 1,
	    *ex->field[EX_TITLE] ? ex->field[EX_TITLE] : "(untitled example)");
	draw_text(win, y, 4, fit->state_x - 5, buf, A_NORMAL);
	draw_text(win, y, fit->state_x, cols - 2 - fit->state_x, line,
	    shapes_example_trouble(sh, i) ? term_attr(TP_WARN, A_BOLD) : A_NORMAL);
	free(line);
}

static void
dash_draw(struct tui *t, WINDOW *win)
{
	const struct project *p = tui_project(t);
	const struct framework *fw = p->fw;
	const struct findings *pf = tui_findings_last(t);
	int y = t->top + 1, head = t->top, cols = getmaxx(win), maxex, x, tw, list_end, fund, spare;
	double max_pages = framework_narrative_pages(fw), share;
	size_t e, i, k, sev[3];
	char buf[256], right[64], *asks, *line;
	struct strlist missing = { 0 };
	attr_t sel = term_attr(TP_SELECT, A_REVERSE);
	const struct shapes *sh;
	struct dash_fit fit;

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
	/* which shapes of the stories this framework asks for, budgets too
	 * when they fit */
	asks = shapes_asks_line(fw, true);
	line = xasprintf("This framework asks for: %s.", asks);
	if (draw_width(line) > cols - 4) {
		free(asks);
		free(line);
		asks = shapes_asks_line(fw, false);
		line = xasprintf("This framework asks for: %s.", asks);
	}
	draw_text(win, head, 2, cols - 4, line, A_NORMAL);
	free(asks);
	free(line);
	head++;
	y++;

	sh = dash_shapes(t, p, pf);

	tw = dash_title_width(fw, cols);
	dash_fit(t, p, sh, y, cols, &fit);
	fund = fw->fundamentals.n > 0 ? 2 : 1;
	list_end = t->bottom - (2 + fund);
	draw_printf(win, head, 2, cols - 2, A_BOLD, "%-*s %-10s %6s  %-14s %s",
	    tw, "ECQ", "Examples", "Words", "Findings", "Share of pages");
	maxex = (int)framework_rule(fw, "max_examples_per_ecq", 2);
	for (e = 0; e < DASH_MAX_ROWS; e++)
		dash_row_y[e] = -1;
	for (e = 0; e < fw->n_ecqs && y <= list_end; e++) {
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
		y++;
		/* its examples and their shapes: every ECQ's when there is room,
		 * else the selected ECQ's */
		if (fit.all || (int)e == t->ecq)
			for (k = 0; k < p->n_examples && y <= list_end; k++)
				if (p->examples[k].ecq == (int)e)
					dash_example_row(win, p, sh, k, y++, cols, &fit);
		if (fit.gaps && e + 1 < fw->n_ecqs)
			y++;
	}
	/* below the list: the page meter, the totals and the fundamentals;
	 * then, as rows allow, the last save and blank rows between them */
	spare = t->bottom - y + 1 - (2 + fund);
	if (spare >= 2) {
		y++;
		spare--;
	}
	if (t->pages > 0) {
		snprintf(buf, sizeof buf, "Narrative: %.1f of %g pages ", t->pages_used, max_pages);
		x = draw_text(win, y, 2, cols - 2, buf, A_BOLD) + 2;
		draw_bar(win, y, x, cols - x - 2, t->pages_used / max_pages,
		    term_attr(TP_GOOD, A_BOLD), term_attr(TP_BAD, A_BOLD));
	} else {
		draw_text(win, y, 2, cols - 2, "Narrative: counting pages...", A_BOLD);
	}
	y++;
	line = shapes_totals_line(sh);
	draw_text(win, y++, 2, cols - 4, line, A_NORMAL);
	free(line);
	if (spare >= 2)
		y++;
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
	static const enum action all[] = { ACT_ENTER, ACT_RESUME, ACT_REVIEW, ACT_EXPORT, ACT_GUIDE,
		ACT_DELETED, ACT_CARDS, ACT_HELP, ACT_QUIT, ACT_NONE };
	static enum action acts[sizeof all / sizeof all[0]];
	const struct fw_documents *d = &tui_fw(t)->docs;
	size_t i, n = 0;

	/* the résumé and the cards where the framework asks for them (the
	 * keys still work: a writer may draft ahead) */
	for (i = 0; i < sizeof all / sizeof all[0]; i++) {
		if ((all[i] == ACT_RESUME && d->use[DOC_RESUME] == DOC_NO)
		    || (all[i] == ACT_CARDS && d->use[DOC_INTERVIEW] == DOC_NO))
			continue;
		acts[n++] = all[i];
	}
	return acts;
}

const struct tui_screen screen_dashboard = {
	"dashboard", dash_enter, NULL, dash_layout, dash_draw, dash_key, NULL, dash_mouse, dash_help
};
