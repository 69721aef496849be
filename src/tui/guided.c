/* SPDX-License-Identifier: MIT */
/*
 * guided.c: the plan engine of the coach. A plan (prompts/plans/NAME.ini, read
 * and expanded by core/plan.c) is a list of steps; this file opens each
 * step's place (its own screen for the name, a definition, an ECQ review or
 * a break; the ECQ, example, review or export screens for the rest), draws
 * the plan line at the top (step, instruction, countdown), moves between
 * steps (Ctrl-N, Ctrl-P, Ctrl-G back to the step), and keeps the plan and
 * step in the project's settings. Guided mode is the `self-paced` plan:
 * there is no step list in C. Also the first-run questions of a new
 * project (the candidate's name and the framework).
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "paths.h"
#include "plan.h"
#include "tui/draw.h"
#include "tui/term.h"
#include "tui/tui.h"
#include "xalloc.h"

#define GUIDED_DEFAULT_PLAN "self-paced"

/* The name step's two one-line fields (the plan's own screen). */
static struct editor *gs_name, *gs_pos;
static int gs_row;              /* 0: name, 1: position */

static const struct plan_step *
guided_cur(const struct tui *t)
{
	return &t->plan->steps[t->guide_step];
}

/* The example a step opens, or NULL when it does not exist (yet). */
static const struct example *
guided_example(const struct tui *t, const struct plan_step *s)
{
	return project_example_at(tui_project(t), s->ecq, (size_t)s->example);
}

/* A step the writer can be on: an optional step needs its example. */
static bool
guided_available(const struct tui *t, size_t k)
{
	const struct plan_step *s = &t->plan->steps[k];

	return !s->optional || guided_example(t, s) != NULL;
}

/* The plan the project keeps: the coach's own "plan", else the one
 * `cohort init --plan` gave ("plan.name"). NULL when neither. */
static char *
guided_kept_plan(struct tui *t)
{
	char *ref = store_get_setting(t->st, "plan");

	if (ref == NULL || *ref == '\0') {
		free(ref);
		ref = store_get_setting(t->st, "plan.name");
	}
	return ref;
}

/* Keeps the plan, its step and its shared start in the project. The step
 * is kept from 0 (the first), as `cohort init` writes it and `report`
 * reads it; "plan.name" is the plan `report` shows. */
static void
guided_remember(struct tui *t)
{
	struct error err;
	char buf[32];

	if (t->readonly_why != NULL || t->plan_ref == NULL)
		return;
	snprintf(buf, sizeof buf, "%d", t->guide_step);
	if (store_set_setting(t->st, "plan", t->plan_ref, &err) != 0
	    || store_set_setting(t->st, "plan.name", t->plan_ref, &err) != 0
	    || store_set_setting(t->st, "plan.step", buf, &err) != 0
	    || store_set_setting(t->st, "plan.on", t->guided ? "1" : "0", &err) != 0)
		tui_status_error(t, &err);
}

/* The row of the example screen a step focuses. */
static int
guided_example_row(enum plan_open o)
{
	switch (o) {
	case PLAN_TITLE: return EX_TITLE;
	case PLAN_DATES: return EX_START;
	case PLAN_COMPETENCIES: return EX_FIELD_COUNT;  /* the competencies row */
	case PLAN_CHALLENGE: return EX_CHALLENGE;
	case PLAN_CONTEXT: return EX_CONTEXT;
	case PLAN_ACTION: return EX_ACTION;
	default: return EX_RESULT;
	}
}

void
guided_show(struct tui *t)
{
	const struct plan_step *s;
	const struct example *ex;
	struct error err;
	int64_t id;

	if (t->plan == NULL)
		return;
	s = guided_cur(t);
	if (s->ecq >= 0)
		t->ecq = s->ecq;
	switch (s->open) {
	case PLAN_QUESTIONS:
	case PLAN_EXAMPLES:
		ecq_show(t, s->ecq, s->open == PLAN_EXAMPLES);
		return;
	case PLAN_REVIEW:
		tui_goto(t, SCR_REVIEW);
		return;
	case PLAN_EXPORT:
		tui_goto(t, SCR_EXPORT);
		return;
	case PLAN_RESUME:
		tui_goto(t, SCR_RESUME);
		return;
	default:
		if (!plan_open_has_example(s->open))
			break;
		ex = guided_example(t, s);
		if (ex == NULL && !s->optional && t->readonly_why == NULL) {
			/* The plan's example: make it (and any before it). */
			(void)tui_save(t);
			while (project_count_examples(tui_project(t), s->ecq) <= (size_t)s->example) {
				if (store_add_example(t->st, s->ecq, "", &id, &err) != 0) {
					tui_status_error(t, &err);
					break;
				}
				tui_changed(t);
			}
			ex = guided_example(t, s);
		}
		if (ex == NULL)
			break;  /* the plan's screen says why */
		t->example = ex->id;
		if (s->open == PLAN_CARD || s->open == PLAN_REHEARSE) {
			tui_goto(t, s->open == PLAN_CARD ? SCR_CARDS : SCR_REHEARSE);
			return;
		}
		t->ex_focus = guided_example_row(s->open);
		tui_goto(t, SCR_EXAMPLE);
		return;
	}
	tui_goto(t, SCR_GUIDE);
}

bool
guided_at_step(const struct tui *t)
{
	const struct plan_step *s;
	const struct example *ex;

	if (t->plan == NULL)
		return false;
	s = guided_cur(t);
	switch (s->open) {
	case PLAN_QUESTIONS:
	case PLAN_EXAMPLES:
		return t->scr_id == SCR_ECQ && t->ecq == s->ecq;
	case PLAN_REVIEW:
		return t->scr_id == SCR_REVIEW;
	case PLAN_EXPORT:
		return t->scr_id == SCR_EXPORT;
	case PLAN_RESUME:
		return t->scr_id == SCR_RESUME;
	default:
		if (plan_open_has_example(s->open)) {
			ex = guided_example(t, s);
			if (ex != NULL)
				return t->scr_id == (s->open == PLAN_CARD ? SCR_CARDS
				    : s->open == PLAN_REHEARSE ? SCR_REHEARSE : SCR_EXAMPLE)
				    && t->example == ex->id;
		}
		return t->scr_id == SCR_GUIDE;
	}
}

/* Moves to step k (clamped) and opens it; the countdown starts again. */
static void
guided_set_step(struct tui *t, int k)
{
	if (k < 0)
		k = 0;
	if (k >= (int)t->plan->n_steps)
		k = (int)t->plan->n_steps - 1;
	if (k != t->guide_step)
		t->step_since = tui_now();
	t->guide_step = k;
	guided_remember(t);
	guided_show(t);
}

/* Reads the plan ref (a shipped name or a path) and expands it for the
 * project's framework into *out; -1 with err set when it cannot. */
static int
guided_load(const struct tui *t, const char *ref, struct plan **out, struct error *err)
{
	const struct framework *fw = tui_fw(t);
	struct plan raw;
	char *path = plan_path(ref, paths_data_dir());
	unsigned shapes = 0;
	int rc, i;

	*out = NULL;
	rc = plan_load_file(path, &raw, err);
	free(path);
	if (rc != 0)
		return -1;
	*out = xcalloc(1, sizeof **out);
	for (i = 0; i < DOC_SHAPES; i++)
		if (fw->docs.use[i] != DOC_NO)
			shapes |= 1u << i;
	rc = plan_expand_shapes(&raw, ref, fw->id, fw->n_ecqs, shapes, *out, err);
	plan_free(&raw);
	if (rc != 0) {
		free(*out);
		*out = NULL;
	}
	return rc;
}

/* Replaces the plan the coach runs; keeps the step when the plan is the
 * one the project remembers, otherwise starts at step 1. */
static int
guided_use(struct tui *t, const char *ref, int step, struct error *err)
{
	struct plan *pl;

	if (guided_load(t, ref, &pl, err) != 0)
		return -1;
	guided_free(t);
	t->plan = pl;
	t->plan_ref = xstrdup(ref);
	if (step < 0 || step >= (int)pl->n_steps)
		step = 0;
	t->guide_step = step;
	t->step_since = tui_now();
	return 0;
}

/* The project's remembered shared start: "YYYY-MM-DD HH:MM", used only on
 * that day (a room meets on one day). */
static time_t
guided_remembered_start(const struct tui *t)
{
	char *v = store_get_setting(t->st, "plan.start"), today[16];
	time_t now = time(NULL), out = 0;
	struct tm tm;
	struct error err;

	if (v == NULL)
		return 0;
	localtime_r(&now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	if (strlen(v) == 16 && strncmp(v, today, 10) == 0 && v[10] == ' '
	    && plan_parse_start(v + 11, now, &out, &err) != 0)
		out = 0;
	free(v);
	return out;
}

int
guided_init(struct tui *t, const struct tui_options *opt, bool created, struct error *err)
{
	char *ref = guided_kept_plan(t), *on = store_get_setting(t->st, "plan.on");
	char *step = store_get_setting(t->st, "plan.step"), *given = NULL, *path, real[PATH_MAX];
	int k = step != NULL ? atoi(step) : 0, rc = 0;
	bool turn_on = created || (on != NULL && strcmp(on, "1") == 0);
	time_t start;
	struct error lerr;

	if (opt != NULL && opt->plan != NULL) {
		given = xstrdup(opt->plan);
		/* a path is kept absolute, so the project finds it from anywhere */
		path = plan_path(given, "");
		if (strcmp(path, given) == 0 && realpath(given, real) != NULL) {
			free(given);
			given = xstrdup(real);
		}
		free(path);
		if (ref == NULL || strcmp(ref, given) != 0)
			k = 0;
		if (guided_use(t, given, k, err) != 0) {
			rc = -1;
			goto out;
		}
		t->guided = true;
	} else if (turn_on) {
		if (created)
			k = 0;
		if (guided_use(t, ref != NULL && *ref != '\0' ? ref : GUIDED_DEFAULT_PLAN, k,
		    &lerr) != 0)
			tui_status_error(t, &lerr);
		else
			t->guided = true;
	}
	if (opt != NULL && opt->plan_start != NULL) {
		if (plan_parse_start(opt->plan_start, time(NULL), &start, err) != 0) {
			rc = -1;
			goto out;
		}
		t->plan_start = start;
		if (t->readonly_why == NULL) {
			char v[32];
			struct tm tm;

			localtime_r(&start, &tm);
			strftime(v, sizeof v, "%Y-%m-%d %H:%M", &tm);
			(void)store_set_setting(t->st, "plan.start", v, &lerr);
		}
	} else {
		t->plan_start = guided_remembered_start(t);
	}
	if (t->guided) {
		guided_remember(t);
		guided_show(t);
	}
out:
	free(ref);
	free(on);
	free(step);
	free(given);
	return rc;
}

void
guided_free(struct tui *t)
{
	if (t->plan != NULL) {
		plan_free(t->plan);
		free(t->plan);
	}
	t->plan = NULL;
	free(t->plan_ref);
	t->plan_ref = NULL;
}

void
guided_start(struct tui *t)
{
	char *ref;
	char *step;
	struct error err;

	if (t->plan == NULL) {
		ref = guided_kept_plan(t);
		step = store_get_setting(t->st, "plan.step");
		if (guided_use(t, ref != NULL && *ref != '\0' ? ref : GUIDED_DEFAULT_PLAN,
		    step != NULL ? atoi(step) : 0, &err) != 0) {
			tui_status_error(t, &err);
			free(ref);
			free(step);
			return;
		}
		free(ref);
		free(step);
	}
	t->guided = true;
	guided_remember(t);
	guided_show(t);
	tui_status(t, "%s: Ctrl-N for the next step, Ctrl-P to go back, F6 to leave.",
	    t->plan->title);
}

void
guided_stop(struct tui *t)
{
	t->guided = false;
	guided_remember(t);
	if (t->scr_id == SCR_GUIDE)
		tui_goto(t, SCR_DASHBOARD);
	tui_status(t, "Guided mode off; F6 takes you back to the step you were on.");
}

void
guided_next(struct tui *t)
{
	int k = t->guide_step + 1;

	while (k < (int)t->plan->n_steps && !guided_available(t, (size_t)k))
		k++;
	if (k >= (int)t->plan->n_steps) {
		guided_show(t);
		tui_status(t, "This is the last step of the plan. F6 turns guided mode off.");
		return;
	}
	guided_set_step(t, k);
}

void
guided_back(struct tui *t)
{
	int k = t->guide_step - 1;

	while (k > 0 && !guided_available(t, (size_t)k))
		k--;
	guided_set_step(t, k);
}

/* ---- the plan line -------------------------------------------------------- */

int
guided_rows(const struct tui *t, int cols)
{
	int n;

	if (!t->guided || t->plan == NULL)
		return 0;
	n = draw_wrap_count(guided_cur(t)->say, cols - 2);
	return 1 + (n < 1 ? 1 : (n > 2 ? 2 : n));
}

/* "12:05" for seconds. */
static void
guided_clock(long long secs, char *buf, size_t n)
{
	if (secs < 0)
		secs = -secs;
	snprintf(buf, n, "%lld:%02lld", secs / 60, secs % 60);
}

/* The countdown of the current step, in buf; *late when it is over time.
 * Empty for an untimed step. With a shared start the step's time comes from
 * the wall clock (step k starts at start + the minutes before it), so every
 * coach of a room shows the same; otherwise from entering the step. */
static void
guided_countdown(const struct tui *t, char *buf, size_t n, bool *late)
{
	const struct plan_step *s = guided_cur(t);
	long long left, begin, now;
	size_t room;
	char c[32], roomtxt[48] = "";

	*late = false;
	buf[0] = '\0';
	if (s->minutes <= 0 && t->plan_start == 0)
		return;
	if (t->plan_start != 0) {
		now = (long long)time(NULL);
		begin = (long long)t->plan_start + plan_offset_minutes(t->plan, (size_t)t->guide_step) * 60;
		room = plan_room_step(t->plan, (size_t)t->guide_step, now - (long long)t->plan_start);
		if (room != (size_t)t->guide_step && room < t->plan->n_steps)
			snprintf(roomtxt, sizeof roomtxt, " (room: step %zu)", room + 1);
		if (now < begin) {
			guided_clock(begin - now, c, sizeof c);
			snprintf(buf, n, "starts in %s%s", c, roomtxt);
			return;
		}
		left = begin + (long long)s->minutes * 60 - now;
	} else {
		left = (long long)s->minutes * 60 - (tui_now() - t->step_since) / 1000;
	}
	if (s->minutes <= 0) {
		snprintf(buf, n, "untimed%s", roomtxt);
		return;
	}
	guided_clock(left, c, sizeof c);
	*late = left < 0;
	snprintf(buf, n, "%s %s%s", c, left < 0 ? "over" : "left", roomtxt);
}

bool
guided_tick(struct tui *t)
{
	long long sec = (long long)time(NULL);

	if (!t->guided || t->plan == NULL || (guided_cur(t)->minutes <= 0 && t->plan_start == 0))
		return false;
	if (sec == t->plan_drawn)
		return false;
	return true;
}

void
guided_draw_line(struct tui *t, WINDOW *win, int y)
{
	const struct plan_step *s = guided_cur(t);
	int cols = getmaxx(win), x, rw, rows = guided_rows(t, cols);
	char left[300], label[128], right[160], cd[96], title[200];
	bool late;

	t->plan_drawn = (long long)time(NULL);
	plan_step_label(s, label, sizeof label);
	snprintf(left, sizeof left, "Step %d of %zu: %s", t->guide_step + 1, t->plan->n_steps,
	    label);
	guided_countdown(t, cd, sizeof cd, &late);
	snprintf(right, sizeof right, "%s%s%s", cd, cd[0] != '\0' ? "  " : "",
	    guided_at_step(t) ? "Ctrl-N next, Ctrl-P back" : "Ctrl-G back to the step");
	/* the step's name before the keys: they are on the help line too */
	if (cd[0] != '\0' && draw_width(left) + draw_width(right) + 2 > cols)
		snprintf(right, sizeof right, "%s", cd);
	draw_fill(win, y, A_NORMAL);
	rw = draw_width(right);
	x = draw_text(win, y, 0, cols - rw - 2, left, A_BOLD);
	snprintf(title, sizeof title, " (%s)", t->plan->title);
	if (x + draw_width(title) < cols - rw - 2)
		x += draw_text(win, y, x, cols - rw - 2 - x, title, A_NORMAL);
	if (x + 12 < cols - rw - 2)
		draw_bar(win, y, x + 2, cols - rw - x - 5, (double)(t->guide_step + 1)
		    / (double)t->plan->n_steps, term_attr(TP_GOOD, A_BOLD), term_attr(TP_GOOD, A_BOLD));
	draw_text(win, y, cols - rw, rw, right, late ? term_attr(TP_BAD, A_BOLD) | A_BOLD : A_DIM);
	wmove(win, y + 1, 0);
	wclrtoeol(win);
	if (rows > 2) {
		wmove(win, y + 2, 0);
		wclrtoeol(win);
	}
	draw_wrap(win, y + 1, 1, cols - 2, rows - 1, 0, s->say, term_attr(TP_TITLE, A_NORMAL));
}

/* ---- the plan's own screen: name, definition, ECQ review, break ----------- */

static struct editor *
gs_focused(void)
{
	return gs_row == 0 ? gs_name : gs_pos;
}

static void
gs_enter(struct tui *t)
{
	const struct project *p = tui_project(t);

	if (t->plan == NULL) {
		tui_goto(t, SCR_DASHBOARD);
		return;
	}
	(void)tui_save(t);
	if (guided_cur(t)->open == PLAN_ECQ_REVIEW)
		(void)tui_project_findings(t);
	if (guided_cur(t)->open == PLAN_NAME && gs_name == NULL) {
		gs_name = editor_new(p->candidate, strlen(p->candidate));
		gs_pos = editor_new(p->position, strlen(p->position));
		editor_set_placeholder(gs_name, "e.g. María L. Castillo");
		editor_set_placeholder(gs_pos, "e.g. Deputy Director, Office of Budget");
		editbuf_set_readonly(editor_buf(gs_name), t->readonly_why != NULL);
		editbuf_set_readonly(editor_buf(gs_pos), t->readonly_why != NULL);
		gs_row = 0;
	}
}

/* One line, no surrounding spaces: a newly allocated copy. */
static char *
gs_one_line(const struct editor *ed)
{
	char *n = xstrdup(editbuf_text(editor_cbuf(ed))), *s = n, *e, *out;

	for (e = n; *e != '\0'; e++)
		if (*e == '\n' || *e == '\t')
			*e = ' ';
	while (*s == ' ')
		s++;
	e = s + strlen(s);
	while (e > s && e[-1] == ' ')
		*--e = '\0';
	out = xstrdup(s);
	free(n);
	return out;
}

/* Saves the name and position when they changed. */
static void
gs_save_name(struct tui *t)
{
	const struct project *p = tui_project(t);
	char *name, *pos;
	struct error err;
	bool changed = false;

	if (gs_name == NULL || t->readonly_why != NULL)
		return;
	name = gs_one_line(gs_name);
	pos = gs_one_line(gs_pos);
	if (strcmp(name, p->candidate) != 0) {
		if (store_set_candidate(t->st, name, &err) != 0)
			tui_status_error(t, &err);
		else
			changed = true;
	}
	if (strcmp(pos, tui_project(t)->position) != 0) {
		if (store_set_position(t->st, pos, &err) != 0)
			tui_status_error(t, &err);
		else
			changed = true;
	}
	if (changed)
		tui_changed(t);
	free(name);
	free(pos);
}

static void
gs_leave(struct tui *t)
{
	gs_save_name(t);
	editor_free(gs_name);
	editor_free(gs_pos);
	gs_name = gs_pos = NULL;
	t->aux = NULL;
}

static void
gs_layout(struct tui *t)
{
	if (gs_name == NULL)
		return;
	editor_place(gs_name, stdscr, t->top + 3, 4, 1, COLS - 8);
	editor_place(gs_pos, stdscr, t->top + 6, 4, 1, COLS - 8);
	t->aux = gs_focused();
}

static void
gs_draw_name(struct tui *t, WINDOW *win)
{
	int y = t->top + 1, cols = getmaxx(win);

	tui_draw_title(t, win, "Your name and position", NULL);
	draw_text(win, y + 1, 2, cols - 4, "Your full name, as it should appear on the narrative:",
	    gs_row == 0 ? A_BOLD : A_NORMAL);
	editor_draw(gs_name, win, gs_row == 0);
	draw_text(win, y + 4, 2, cols - 4, "The position you apply for, or the announcement "
	    "number:", gs_row == 1 ? A_BOLD : A_NORMAL);
	editor_draw(gs_pos, win, gs_row == 1);
	draw_wrap(win, y + 7, 2, cols - 4, 2, 0, "Tab moves between the two; both are saved when "
	    "you go on (Ctrl-N) or leave.", term_attr(TP_DIM, A_DIM));
}

static void
gs_draw_definition(struct tui *t, WINDOW *win, const struct fw_ecq *e)
{
	int y = t->top + 1, cols = getmaxx(win);
	size_t i;

	draw_text(win, y++, 1, cols - 2, "What OPM means by this ECQ", A_BOLD);
	y += draw_wrap(win, y, 2, cols - 4, 6, 0, e->definition, A_NORMAL) + 1;
	draw_text(win, y++, 1, cols - 2, "Its competencies", A_BOLD);
	for (i = 0; i < e->competencies.n && y < t->bottom - 3; i++)
		draw_printf(win, y++, 2, cols - 4, A_NORMAL, "- %s", e->competencies.items[i]);
	if (i < e->competencies.n)
		draw_printf(win, y++, 2, cols - 4, A_DIM, "(%zu more: the ECQ screen lists them all)",
		    e->competencies.n - i);
	y++;
	draw_wrap(win, y, 1, cols - 2, t->bottom - y - 1, 0, "Next you answer the focus "
	    "questions in short notes, then write an example in four parts (Challenge, "
	    "Context, Action, Result). Write in the first person, with numbers for results.",
	    term_attr(TP_DIM, A_DIM));
}

/* Where a finding of the ECQ is, as the review step lists it: the
 * example's field, its card or résumé line, else the ECQ. */
static const char *
gs_finding_place(const struct finding *f)
{
	const char *shape = checker_target_shape(f->target);

	if (f->field >= 0)
		return project_field_name((enum example_field)f->field);
	if (shape != NULL)
		return strcmp(shape, "card") == 0 ? "Card" : "Résumé line";
	return "ECQ";
}

static void
gs_draw_review(struct tui *t, WINDOW *win)
{
	int y = t->top + 1, cols = getmaxx(win);
	char buf[600];
	size_t i, sev[3] = { 0, 0, 0 }, shown = 0;

	snprintf(buf, sizeof buf, "%zu word%s, about %zu for this ECQ's share of the pages.",
	    tui_ecq_words(t, t->ecq), tui_ecq_words(t, t->ecq) == 1 ? "" : "s", tui_ecq_budget(t));
	draw_text(win, y++, 1, cols - 2, buf, A_BOLD);
	for (i = 0; i < tui_findings_last(t)->n; i++)
		if (tui_findings_last(t)->items[i].ecq == t->ecq)
			sev[tui_findings_last(t)->items[i].severity]++;
	snprintf(buf, sizeof buf, "Findings: %zu error%s, %zu warning%s, %zu note%s.",
	    sev[SEV_ERROR], sev[SEV_ERROR] == 1 ? "" : "s", sev[SEV_WARNING],
	    sev[SEV_WARNING] == 1 ? "" : "s", sev[SEV_INFO], sev[SEV_INFO] == 1 ? "" : "s");
	draw_text(win, y++, 1, cols - 2, buf, sev[SEV_ERROR] ? term_attr(TP_BAD, A_BOLD) : A_NORMAL);
	y++;
	for (i = 0; i < tui_findings_last(t)->n && y <= t->bottom; i++) {
		const struct finding *f = &tui_findings_last(t)->items[i];

		if (f->ecq != t->ecq)
			continue;
		snprintf(buf, sizeof buf, "%s %s: %s", f->severity == SEV_ERROR ? "!" : "-",
		    gs_finding_place(f), f->message);
		draw_text(win, y++, 2, cols - 4, buf, A_NORMAL);
		shown++;
	}
	if (shown == 0)
		draw_text(win, y, 2, cols - 4, "Nothing to fix here. Ctrl-N goes on.",
		    term_attr(TP_GOOD, A_BOLD));
}

static void
gs_draw(struct tui *t, WINDOW *win)
{
	const struct plan_step *s = guided_cur(t);
	const struct fw_ecq *e = s->ecq >= 0 ? &tui_fw(t)->ecqs[s->ecq] : NULL;
	int y = t->top + 1, cols = getmaxx(win);
	char buf[600], label[128], at[16];
	long long begin;
	struct tm tm;
	time_t when;

	plan_step_label(s, label, sizeof label);
	if (e != NULL)
		snprintf(buf, sizeof buf, "ECQ %d: %s", s->ecq + 1, e->title);
	else
		snprintf(buf, sizeof buf, "%s", t->plan->title);
	if (s->open == PLAN_NAME) {
		gs_draw_name(t, win);
		return;
	}
	tui_draw_title(t, win, buf, label);
	switch (s->open) {
	case PLAN_DEFINITION:
		gs_draw_definition(t, win, e);
		break;
	case PLAN_ECQ_REVIEW:
		gs_draw_review(t, win);
		break;
	case PLAN_BREAK:
		draw_text(win, y++, 1, cols - 2, "Break", A_BOLD);
		y += draw_wrap(win, y, 2, cols - 4, 4, 0, s->say, A_NORMAL) + 1;
		if (t->plan_start != 0) {
			begin = (long long)t->plan_start + (plan_offset_minutes(t->plan,
			    (size_t)t->guide_step) + s->minutes) * 60;
			when = (time_t)begin;
			localtime_r(&when, &tm);
			strftime(at, sizeof at, "%H:%M", &tm);
			draw_printf(win, y++, 2, cols - 4, A_BOLD, "The room goes on at %s.", at);
		}
		draw_text(win, y + 1, 2, cols - 4, "Your work is saved. Ctrl-N goes on to the next step.",
		    term_attr(TP_DIM, A_DIM));
		break;
	default:
		/* an example the plan cannot open: an optional one not written */
		snprintf(buf, sizeof buf, "ECQ %d has no example %d.", s->ecq + 1, s->example + 1);
		draw_text(win, y++, 1, cols - 2, buf, A_BOLD);
		draw_wrap(win, y + 1, 2, cols - 4, 3, 0, t->readonly_why != NULL ? "The project is "
		    "open read-only, so the coach cannot add it." : "It is optional: to write one, "
		    "add it on the ECQ screen (Enter on ECQ in the dashboard, then a). Ctrl-N goes on.",
		    A_NORMAL);
		break;
	}
}

static int
gs_key_name(struct tui *t, enum action a, wint_t ch, bool keycode)
{
	int r;

	switch (a) {
	case ACT_NEXT:
	case ACT_DOWN:
	case ACT_PREV:
	case ACT_UP:
		gs_row = (a == ACT_NEXT || a == ACT_DOWN) ? 1 : 0;
		t->aux = gs_focused();
		return RD_DRAW;
	case ACT_ENTER:
		if (gs_row == 0) {
			gs_row = 1;
			t->aux = gs_focused();
		} else {
			guided_next(t);
		}
		return RD_DRAW;
	case ACT_BACK:
		tui_goto(t, SCR_DASHBOARD);
		return RD_DRAW;
	default:
		break;
	}
	r = editor_key(gs_focused(), ch, keycode);
	return r == ED_IGNORED ? RD_IGNORED : RD_DRAW;
}

static int
gs_key(struct tui *t, enum action a, wint_t ch, bool keycode)
{
	const struct plan_step *s = guided_cur(t);
	size_t i;

	if (s->open == PLAN_NAME && gs_name != NULL)
		return gs_key_name(t, a, ch, keycode);
	if (a == ACT_ENTER && s->open == PLAN_ECQ_REVIEW) {
		for (i = 0; i < tui_findings_last(t)->n; i++)
			if (tui_findings_last(t)->items[i].ecq == t->ecq && tui_findings_last(t)->items[i].example >= 0) {
				tui_jump(t, &tui_findings_last(t)->items[i]);
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
		tui_goto(t, SCR_DASHBOARD);
		return RD_DRAW;
	}
	return RD_IGNORED;
}

static int
gs_paste(struct tui *t, const char *text, size_t len)
{
	char *copy;
	size_t i;

	(void)t;
	if (gs_name == NULL)
		return RD_NONE;
	copy = xstrndup(text, len);
	for (i = 0; i < len; i++)
		if (copy[i] == '\n' || copy[i] == '\r' || copy[i] == '\t')
			copy[i] = ' ';
	(void)editor_paste(gs_focused(), copy, len);
	free(copy);
	return RD_DRAW;
}

static const enum action *
gs_help(const struct tui *t)
{
	static const enum action acts[] = { ACT_GUIDE_NEXT, ACT_GUIDE_BACK, ACT_ENTER, ACT_BACK,
		ACT_HELP, ACT_QUIT, ACT_NONE };
	static const enum action name[] = { ACT_GUIDE_NEXT, ACT_GUIDE_BACK, ACT_NEXT, ACT_BACK,
		ACT_HELP, ACT_QUIT, ACT_NONE };

	return t->plan != NULL && guided_cur(t)->open == PLAN_NAME ? name : acts;
}

const struct tui_screen screen_guide = {
	"guide", gs_enter, gs_leave, gs_layout, gs_draw, gs_key, gs_paste, NULL, gs_help
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
