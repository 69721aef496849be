/* SPDX-License-Identifier: MIT */
/*
 * resumescr.c: the résumé screen (F3): the two-page meter with what to cut
 * and the project's margins and font size, the ECQs the résumé shows, and
 * the work history in résumé order: each position with its fields, and
 * under it the résumé lines of the examples listed there (those under none
 * in a group of their own). Every text is an editor field saved like the
 * others ("position.<id>.<field>", "example.<id>.resume"); the selected
 * line's findings (resume_check_line, through fields.c) show under it.
 * The résumé is laid out from the saved project when the writer pauses
 * (resumescr_idle), never on a key; nothing here holds a rule.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "resume.h"
#include "tui/draw.h"
#include "tui/term.h"
#include "tui/tui.h"
#include "xalloc.h"

#define RS_IDLE_MS 300          /* lay out this long after the last key */
#define RS_HEAD_ROWS 4          /* meter, what to cut, coverage (2) */
#define RS_LABEL_W 19           /* "Supervisor's phone" and a space */

enum rs_kind {
	RS_POSITION,            /* a position's heading */
	RS_FIELD,               /* one field of the selected position */
	RS_LINE,                /* an example's résumé line */
	RS_GROUP,               /* "Not under a position yet" */
	RS_EMPTY                /* a hint when there is nothing */
};

struct rs_row {
	enum rs_kind kind;
	int64_t id;             /* position (RS_POSITION, RS_FIELD), example (RS_LINE) */
	int field;              /* RS_FIELD: enum position_field */
};

/* The rows, rebuilt from the project before every draw and key. */
static struct rs_row *rs_rows;
static size_t rs_n, rs_cap;
static int rs_sel = -1, rs_scroll;
static struct rs_row rs_want = { RS_EMPTY, 0, 0 };  /* the selection, by identity */
static int64_t rs_deleted = -1;                     /* u brings it back */
/* geometry (rs_layout) */
static int rs_list_y, rs_list_rows, rs_ed_y, rs_ed_h, rs_fd_y, rs_fd_h;

/* The meter: the saved project as last laid out. */
static unsigned long rs_gen;    /* t->gen laid out + 1; 0: to do */
static bool rs_laid;            /* a layout is known */
static double rs_used;          /* pages, rounded up to the tenth */
static int rs_pages;
static char *rs_meter;          /* resume_meter()'s text, or why it failed */
static int64_t *rs_line_ids;    /* per laid-out example: its id, */
static char **rs_line_text;     /* the résumé line laid out */
static int *rs_line_n;          /* and the lines it took */
static size_t rs_n_lines;
static struct resume_settings rs_set;   /* the project's, as last read */
static bool rs_set_read;

static void
rs_lines_free(void)
{
	size_t i;

	for (i = 0; i < rs_n_lines; i++)
		free(rs_line_text[i]);
	free(rs_line_text);
	free(rs_line_ids);
	free(rs_line_n);
	rs_line_text = NULL;
	rs_line_ids = NULL;
	rs_line_n = NULL;
	rs_n_lines = 0;
}

void
resumescr_free(void)
{
	free(rs_rows);
	rs_rows = NULL;
	rs_n = rs_cap = 0;
	free(rs_meter);
	rs_meter = NULL;
	rs_lines_free();
	rs_gen = 0;
	rs_laid = false;
	rs_set_read = false;
}

int
resumescr_lines(const struct tui *t, int64_t id, const char *text)
{
	size_t i;

	(void)t;
	if (!rs_laid)
		return -1;
	/* the count of another text (edited since) is not this one's */
	for (i = 0; i < rs_n_lines; i++)
		if (rs_line_ids[i] == id)
			return rs_line_n[i] > 0 && strcmp(rs_line_text[i], text) == 0 ?
			    rs_line_n[i] : -1;
	return -1;
}

/* The project's margins and font size (read again after a change). */
static const struct resume_settings *
rs_settings_now(const struct tui *t)
{
	if (!rs_set_read) {
		resume_settings_load(t->st, &rs_set);
		rs_set_read = true;
	}
	return &rs_set;
}

bool
resumescr_idle(struct tui *t, long long now)
{
	const struct project *p = tui_project(t);
	struct resume_settings s;
	struct layout_result r;
	struct error err;
	int *lines = NULL, rc;
	size_t i;

	if (rs_gen == t->gen + 1 || now - t->last_input < RS_IDLE_MS || tui_dirty(t))
		return false;
	rs_gen = t->gen + 1;
	rs_set_read = false;    /* another program may have changed them */
	s = *rs_settings_now(t);
	memset(&r, 0, sizeof r);
	error_clear(&err);
	rc = resume_layout(t->resume_lc, p, &s, NULL, &r, &lines, &err);
	if (rc == -2) {
		rs_gen = 0;     /* a key came: again when idle */
		layout_result_free(&r);
		return false;
	}
	free(rs_meter);
	rs_lines_free();
	if (rc != 0) {
		rs_laid = false;
		rs_meter = xasprintf("The résumé could not be laid out: %s", err.msg);
		layout_result_free(&r);
		return true;
	}
	rs_laid = true;
	rs_pages = r.pages;
	/* a started page is a page: round up, as the dashboard does */
	rs_used = ceil(r.used * 10.0 - 1e-9) / 10.0;
	rs_meter = resume_meter(p, &r, lines);
	rs_line_ids = xcalloc(p->n_examples + 1, sizeof *rs_line_ids);
	rs_line_text = xcalloc(p->n_examples + 1, sizeof *rs_line_text);
	rs_line_n = xcalloc(p->n_examples + 1, sizeof *rs_line_n);
	for (i = 0; i < p->n_examples; i++) {
		rs_line_ids[i] = p->examples[i].id;
		rs_line_text[i] = xstrdup(project_example_resume(&p->examples[i]));
		rs_line_n[i] = lines != NULL ? lines[i] : 0;
	}
	rs_n_lines = p->n_examples;
	free(lines);
	layout_result_free(&r);
	/* the lengths are known now: the résumé lines are checked again */
	for (i = 0; i < t->n_fields; i++)
		if (t->fields[i]->kind == TF_RESUME)
			t->fields[i]->checked = 0;
	if (t->focus != NULL && t->focus->kind == TF_RESUME)
		tui_field_check(t, t->focus);
	return true;
}

/* ---- rows ------------------------------------------------------------------ */

static void
rs_push(enum rs_kind kind, int64_t id, int field)
{
	if (rs_n == rs_cap) {
		rs_cap = rs_cap ? rs_cap * 2 : 32;
		rs_rows = xreallocarray(rs_rows, rs_cap, sizeof *rs_rows);
	}
	rs_rows[rs_n].kind = kind;
	rs_rows[rs_n].id = id;
	rs_rows[rs_n].field = field;
	rs_n++;
}

static bool
rs_selectable(const struct rs_row *r)
{
	return r->kind == RS_POSITION || r->kind == RS_FIELD || r->kind == RS_LINE;
}

static bool
rs_same(const struct rs_row *a, const struct rs_row *b)
{
	return a->kind == b->kind && a->id == b->id && (a->kind != RS_FIELD || a->field == b->field);
}

/* The position the selection is in (its heading or a field), or 0. */
static int64_t
rs_want_position(void)
{
	return rs_want.kind == RS_POSITION || rs_want.kind == RS_FIELD ? rs_want.id : 0;
}

static void
rs_push_lines(const struct project *p, int64_t pos)
{
	size_t i;

	for (i = 0; i < p->n_examples; i++)
		if (p->examples[i].position_id == pos)
			rs_push(RS_LINE, p->examples[i].id, 0);
}

/* Rebuilds the rows and finds the selection in them: the row it was on,
 * else the nearest selectable row where it was. */
static void
rs_build(struct tui *t)
{
	const struct project *p = tui_project(t);
	size_t i, k;
	int f, old = rs_sel;
	bool others = false;

	rs_n = 0;
	for (i = 0; i < p->n_positions; i++) {
		rs_push(RS_POSITION, p->positions[i].id, 0);
		if (p->positions[i].id == rs_want_position())
			for (f = 0; f < POS_FIELD_COUNT; f++)
				rs_push(RS_FIELD, p->positions[i].id, f);
		rs_push_lines(p, p->positions[i].id);
	}
	for (k = 0; k < p->n_examples; k++)
		others |= p->examples[k].position_id == 0;
	if (others) {
		rs_push(RS_GROUP, 0, 0);
		rs_push_lines(p, 0);
	}
	if (rs_n == 0)
		rs_push(RS_EMPTY, 0, 0);
	rs_sel = -1;
	for (i = 0; i < rs_n && rs_sel < 0; i++)
		if (rs_selectable(&rs_rows[i]) && rs_same(&rs_rows[i], &rs_want))
			rs_sel = (int)i;
	if (rs_sel >= 0)
		return;
	/* gone (deleted, or never set): the nearest selectable row */
	if (old < 0)
		old = 0;
	if ((size_t)old >= rs_n)
		old = (int)rs_n - 1;
	for (i = 0; i < rs_n && rs_sel < 0; i++) {
		if ((size_t)old + i < rs_n && rs_selectable(&rs_rows[old + i]))
			rs_sel = old + (int)i;
		else if ((size_t)old >= i && rs_selectable(&rs_rows[old - i]))
			rs_sel = old - (int)i;
	}
	if (rs_sel < 0)
		return;
	rs_want = rs_rows[rs_sel];
	if (rs_want.kind == RS_POSITION)
		rs_build(t);    /* its fields show: the rows change once */
}

static const struct rs_row *
rs_selected(void)
{
	return rs_sel >= 0 && (size_t)rs_sel < rs_n ? &rs_rows[rs_sel] : NULL;
}

/* The text field of a row (a position's field or a résumé line), or NULL. */
static struct tui_field *
rs_field(struct tui *t, const struct rs_row *r)
{
	if (r == NULL)
		return NULL;
	if (r->kind == RS_FIELD)
		return tui_field_position(t, r->id, r->field);
	if (r->kind == RS_LINE)
		return tui_field_resume(t, r->id);
	return NULL;
}

/* A row's text now: the field's when the session has one, else the saved. */
static const char *
rs_text(const struct tui *t, const struct rs_row *r)
{
	const struct project *p = tui_project(t);
	const struct position *pos;
	const struct example *ex;
	size_t i;

	for (i = 0; i < t->n_fields; i++) {
		const struct tui_field *f = t->fields[i];

		if ((r->kind == RS_FIELD && f->kind == TF_POSITION && f->example == r->id &&
		    f->field == r->field) || (r->kind == RS_LINE && f->kind == TF_RESUME &&
		    f->example == r->id))
			return editbuf_text(editor_cbuf(f->ed));
	}
	if (r->kind == RS_FIELD && (pos = project_position_by_id(p, r->id)) != NULL)
		return pos->field[r->field];
	if (r->kind == RS_LINE && (ex = project_example_by_id(p, r->id)) != NULL)
		return project_example_resume(ex);
	return "";
}

static bool
rs_blank(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

/* 1-based place of a position in the list, or 0. */
static int
rs_position_index(const struct project *p, int64_t id)
{
	size_t i;

	for (i = 0; i < p->n_positions; i++)
		if (p->positions[i].id == id)
			return (int)i + 1;
	return 0;
}

void
resumescr_select(int64_t example, int64_t position, int field)
{
	if (example > 0) {
		rs_want.kind = RS_LINE;
		rs_want.id = example;
		rs_want.field = 0;
	} else if (position > 0) {
		rs_want.kind = field >= 0 ? RS_FIELD : RS_POSITION;
		rs_want.id = position;
		rs_want.field = field >= 0 ? field : 0;
	}
}

/* ---- the screen's ops -------------------------------------------------------- */

static void
rs_enter(struct tui *t)
{
	rs_set_read = false;
	rs_build(t);
}

static void
rs_leave(struct tui *t)
{
	tui_focus(t, NULL);
}

static void
rs_layout(struct tui *t)
{
	int rows = t->bottom - t->top + 1, cols = getmaxx(stdscr);
	const struct rs_row *r;
	struct tui_field *f;

	rs_build(t);
	rs_ed_h = rows >= 30 ? 4 : 3;
	rs_fd_h = rows >= 30 ? 4 : 3;
	rs_list_y = t->top + RS_HEAD_ROWS;
	rs_list_rows = rows - RS_HEAD_ROWS - 1 - rs_ed_h - rs_fd_h;
	if (rs_list_rows < 3) {         /* a plan line and a banner: less room */
		rs_ed_h = rs_fd_h = 1;
		rs_list_rows = rows - RS_HEAD_ROWS - 1 - rs_ed_h - rs_fd_h;
	}
	if (rs_list_rows < 1)
		rs_list_rows = 1;
	rs_ed_y = rs_list_y + rs_list_rows + 1;
	rs_fd_y = rs_ed_y + rs_ed_h;
	/* rows gone (a position's fields folded): no blank rows at the end */
	if (rs_scroll + rs_list_rows > (int)rs_n)
		rs_scroll = (int)rs_n - rs_list_rows;
	if (rs_scroll < 0)
		rs_scroll = 0;
	if (rs_sel >= 0 && rs_sel < rs_scroll)
		rs_scroll = rs_sel;
	if (rs_sel >= rs_scroll + rs_list_rows)
		rs_scroll = rs_sel - rs_list_rows + 1;
	/* the group's heading stays in view above its first line */
	if (rs_scroll > 0 && rs_sel == rs_scroll && rs_rows[rs_scroll - 1].kind == RS_GROUP &&
	    rs_list_rows > 1)
		rs_scroll--;
	if (rs_scroll < 0)
		rs_scroll = 0;
	r = rs_selected();
	f = rs_field(t, r);
	if (f == NULL)
		return;
	if (r->kind == RS_LINE) {
		editor_set_placeholder(f->ed, "An accomplishment in one to three lines: an action "
		    "verb first, no \"I\", a number in the result. g drafts one from the story.");
		/* its findings, for the lines under it (a redraw costs one check
		 * only after an edit: tui_field_check keeps what it found) */
		tui_field_check(t, f);
	}
	editor_place(f->ed, stdscr, rs_ed_y, 2, rs_ed_h, cols - 3);
}

/* "1. Deputy CFO (2023-05 to present), National Water Infrastructure Agency" */
static void
rs_position_heading(const struct tui *t, const struct position *pos, int n, char *buf,
    size_t cap)
{
	struct rs_row r = { RS_FIELD, pos->id, POS_TITLE };
	const char *title = rs_text(t, &r), *org, *start, *end;

	r.field = POS_ORGANIZATION;
	org = rs_text(t, &r);
	r.field = POS_START;
	start = rs_text(t, &r);
	r.field = POS_END;
	end = rs_text(t, &r);
	snprintf(buf, cap, "%d. %.120s%s%.20s%s%.20s%s%s%.120s", n,
	    rs_blank(title) ? "(untitled position)" : title,
	    rs_blank(start) && rs_blank(end) ? "" : " (", start, rs_blank(end) ? "" : " to ", end,
	    rs_blank(start) && rs_blank(end) ? "" : ")", rs_blank(org) ? "" : ", ", org);
}

/* The first line of s, at most cap - 1 bytes, into buf. */
static void
rs_first_line(const char *s, char *buf, size_t cap)
{
	size_t n = strcspn(s, "\r\n");

	if (n >= cap)
		n = cap - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (s[n] != '\0' && s[n + 1 + strspn(s + n + 1, "\r\n")] != '\0' && n + 4 < cap)
		strcat(buf, " …");
}

static void
rs_draw_head(struct tui *t, WINDOW *win, int cols)
{
	const struct project *p = tui_project(t);
	double budget = p->fw->docs.resume_pages > 0 ? p->fw->docs.resume_pages : 2;
	const struct resume_settings *s = rs_settings_now(t);
	bool *shown = xcalloc(p->fw->n_ecqs + 1, sizeof *shown);
	size_t n_shown = resume_coverage(p, shown);
	char buf[600], *cov, *cov_line, *line;
	const char *over;
	int x, y = t->top, rw, cov_rows, note_rows = 1;

	free(shown);
	/* the coverage takes one or two rows, what to cut the rest of three */
	cov = resume_coverage_line(p);
	cov_line = xasprintf("ECQs: %s", cov);
	cov_rows = draw_wrap_count(cov_line, cols - 2) > 1 ? 2 : 1;
	snprintf(buf, sizeof buf, "margins %g in, %g pt", s->margin_in, s->font_pt);
	rw = draw_width(buf);
	draw_text(win, y, cols - rw - 1, rw, buf, A_DIM);
	if (rs_laid && rs_meter != NULL) {
		snprintf(buf, sizeof buf, "Résumé: %.1f of %g pages ", rs_used, budget);
		x = draw_text(win, y, 1, cols - rw - 4, buf, A_BOLD) + 1;
		if (cols - rw - 3 - x > 4)
			draw_bar(win, y, x, cols - rw - 3 - x, rs_used / budget,
			    term_attr(TP_GOOD, A_BOLD), term_attr(TP_BAD, A_BOLD));
		over = strstr(rs_meter, ": over; ");
		if (over != NULL) {
			line = xasprintf("Over: %s", over + strlen(": over; "));
			note_rows = draw_wrap(win, y + 1, 1, cols - 2, 3 - cov_rows, 0, line,
			    term_attr(TP_BAD, A_BOLD));
			free(line);
		} else {
			snprintf(buf, sizeof buf, "Fits in %g pages.", budget);
			draw_text(win, y + 1, 1, cols - 2, strstr(rs_meter, ": fits") != NULL ? buf :
			    rs_meter, term_attr(TP_GOOD, 0));
		}
	} else if (rs_meter != NULL) {
		draw_text(win, y, 1, cols - rw - 3, "Résumé: pages not known", A_BOLD);
		note_rows = draw_wrap(win, y + 1, 1, cols - 2, 3 - cov_rows, 0, rs_meter,
		    term_attr(TP_BAD, A_BOLD));
	} else {
		draw_text(win, y, 1, cols - rw - 3, "Résumé: counting pages...", A_BOLD);
	}
	draw_wrap(win, y + 1 + note_rows, 1, cols - 2, cov_rows, 0, cov_line,
	    n_shown == p->fw->n_ecqs ? term_attr(TP_GOOD, 0) : term_attr(TP_WARN, A_BOLD));
	free(cov_line);
	free(cov);
}

/* "2 lines", "4 lines: long" for a résumé line, as laid out when saved. */
static void
rs_line_state(const struct tui *t, const struct rs_row *r, char *buf, size_t cap,
    attr_t *attr)
{
	const struct example *ex = project_example_by_id(tui_project(t), r->id);
	int n = resumescr_lines(t, r->id, rs_text(t, r));
	int max = (int)tui_fw(t)->docs.resume_line_lines;

	buf[0] = '\0';
	*attr = A_DIM;
	if (ex == NULL || rs_blank(rs_text(t, r)))
		return;
	if (n < 0) {
		snprintf(buf, cap, "...");
		return;
	}
	snprintf(buf, cap, "%d line%s%s", n, n == 1 ? "" : "s", max > 0 && n > max ? ": long" : "");
	*attr = max > 0 && n > max ? term_attr(TP_WARN, A_BOLD) : A_NORMAL;
}

static void
rs_draw_row(struct tui *t, WINDOW *win, int y, int cols, const struct rs_row *r, bool sel)
{
	const struct project *p = tui_project(t);
	const struct example *ex;
	const struct position *pos;
	attr_t sa = term_attr(TP_SELECT, A_REVERSE) | A_BOLD, a;
	char buf[700], first[500], state[32];
	const char *text;

	switch (r->kind) {
	case RS_POSITION:
		if ((pos = project_position_by_id(p, r->id)) == NULL)
			return;
		rs_position_heading(t, pos, rs_position_index(p, r->id), buf, sizeof buf);
		draw_text(win, y, 1, cols - 2, buf, sel ? sa : A_BOLD);
		break;
	case RS_FIELD:
		text = rs_text(t, r);
		draw_printf(win, y, 4, RS_LABEL_W, sel ? sa : A_NORMAL, "%-*s", RS_LABEL_W - 1,
		    project_position_field_name((enum position_field)r->field));
		rs_first_line(text, first, sizeof first);
		draw_text(win, y, 4 + RS_LABEL_W, cols - 5 - RS_LABEL_W, rs_blank(text) ? "(empty)" :
		    first, rs_blank(text) ? A_DIM : sel ? sa : A_NORMAL);
		break;
	case RS_LINE:
		if ((ex = project_example_by_id(p, r->id)) == NULL)
			return;
		text = rs_text(t, r);
		rs_first_line(text, first, sizeof first);
		rs_line_state(t, r, state, sizeof state, &a);
		draw_printf(win, y, 2, 9, sel ? sa : A_NORMAL, "- ECQ %d ", ex->ecq + 1);
		draw_text(win, y, 11, cols - 26, rs_blank(text) ? "(no résumé line yet: g drafts "
		    "one from the story)" : first, rs_blank(text) ? (sel ? sa : A_DIM) :
		    sel ? sa : A_NORMAL);
		draw_text(win, y, cols - 14, 11, state, a);
		break;
	case RS_GROUP:
		draw_text(win, y, 1, cols - 2, "Not under a position yet (Left/Right puts a line "
		    "under one)", A_BOLD);
		break;
	case RS_EMPTY:
		draw_text(win, y, 1, cols - 2, "No positions and no examples yet: a adds a "
		    "position; examples come from the ECQ screens.", A_DIM);
		break;
	}
}

/* What a position field holds, for the line under its editor. */
static const char *
rs_field_hint(int field)
{
	switch (field) {
	case POS_TITLE: return "The position's official title.";
	case POS_ORGANIZATION: return "The agency or employer, and where (city, state).";
	case POS_GRADE: return "Series and grade, e.g. GS-0343-15 or ES-0340.";
	case POS_START: return "When you started: YYYY-MM.";
	case POS_END: return "When it ended: YYYY-MM, or \"present\".";
	case POS_HOURS: return "Hours per week, e.g. 40 (USAJOBS asks for it).";
	case POS_SUPERVISOR: return "Your supervisor's name and title.";
	case POS_PHONE: return "Your supervisor's phone number.";
	case POS_MAY_CONTACT: return "May the supervisor be contacted? yes or no.";
	case POS_DUTIES: return "Your duties in brief: a line or two (scope, budget, staff).";
	default: return "";
	}
}

/* The position's text in USAJOBS' builder (its duties and résumé lines,
 * as saved) against the framework's resume_field_chars: the count
 * usajobs_limit checks, so the finding the review jumps here for shows. */
static void
rs_draw_usajobs(struct tui *t, WINDOW *win, int y, int cols, const struct position *pos)
{
	const struct project *p = tui_project(t);
	size_t chars = resume_usajobs_chars(p, pos);
	size_t limit = (size_t)tui_fw(t)->docs.resume_field_chars;
	char buf[200];

	if (limit > 0 && chars > limit)
		snprintf(buf, sizeof buf, "USAJOBS: %zu characters of duties and lines, over its "
		    "%zu: cut %zu.", chars, limit, chars - limit);
	else
		snprintf(buf, sizeof buf, "USAJOBS: %zu of %zu characters of duties and lines.",
		    chars, limit);
	draw_text(win, y, 2, cols - 4, buf, limit > 0 && chars > limit ?
	    term_attr(TP_WARN, A_BOLD) : A_DIM);
}

static void
rs_draw_detail(struct tui *t, WINDOW *win, int cols)
{
	const struct project *p = tui_project(t);
	const struct rs_row *r = rs_selected();
	const struct example *ex;
	const struct position *pos;
	struct tui_field *f = rs_field(t, r);
	char buf[700];
	int y = rs_fd_y, n, max;
	size_t k;

	if (r == NULL)
		return;
	if (r->kind == RS_POSITION) {
		snprintf(buf, sizeof buf, "Position %d: Enter edits its fields, [ and ] move it, "
		    "d deletes it.", rs_position_index(p, r->id));
		draw_wrap(win, rs_ed_y - 1, 1, cols - 2, rs_ed_h + 1, 0, buf, A_DIM);
		if ((pos = project_position_by_id(p, r->id)) != NULL && y <= t->bottom)
			rs_draw_usajobs(t, win, y, cols, pos);
		return;
	}
	if (r->kind == RS_FIELD) {
		pos = project_position_by_id(p, r->id);
		snprintf(buf, sizeof buf, "Position %d, %s", rs_position_index(p, r->id),
		    project_position_field_name((enum position_field)r->field));
		draw_text(win, rs_ed_y - 1, 1, cols - 2, buf, A_BOLD);
		if (f != NULL)
			editor_draw(f->ed, win, t->focus == f);
		if (pos != NULL && y <= t->bottom)
			draw_text(win, y++, 2, cols - 4, rs_field_hint(r->field), A_DIM);
		if (pos != NULL && y <= t->bottom)
			rs_draw_usajobs(t, win, y, cols, pos);
		return;
	}
	if (r->kind != RS_LINE || (ex = project_example_by_id(p, r->id)) == NULL)
		return;
	pos = project_position_by_id(p, ex->position_id);
	snprintf(buf, sizeof buf, "Résumé line, ECQ %d, \"%.120s\"; under %s%.120s", ex->ecq + 1,
	    ex->field[EX_TITLE][0] != '\0' ? ex->field[EX_TITLE] : "untitled",
	    pos != NULL ? "" : "no position", pos != NULL ? (pos->field[POS_TITLE][0] != '\0' ?
	    pos->field[POS_TITLE] : "(untitled position)") : "");
	draw_text(win, rs_ed_y - 1, 1, cols - 2, buf, A_BOLD);
	if (f == NULL)
		return;
	editor_draw(f->ed, win, t->focus == f);
	/* its length, then its findings */
	max = (int)tui_fw(t)->docs.resume_line_lines;
	n = resumescr_lines(t, r->id, rs_text(t, r));
	if (rs_blank(rs_text(t, r)))
		snprintf(buf, sizeof buf, "No résumé line yet: g drafts one from the story, "
		    "Enter writes one.");
	else if (n < 0)
		snprintf(buf, sizeof buf, "Length: counted once saved (at most %d lines).", max);
	else
		snprintf(buf, sizeof buf, "Length: %d of at most %d lines on the résumé.", n, max);
	if (y <= t->bottom)
		draw_text(win, y++, 2, cols - 4, buf, n > max && max > 0 ?
		    term_attr(TP_WARN, A_BOLD) : A_DIM);
	if (f->fs.n == 0 && !rs_blank(rs_text(t, r)) && f->checked != 0 && y <= t->bottom)
		draw_text(win, y, 2, cols - 4, "No findings.", term_attr(TP_GOOD, 0));
	for (k = 0; k < f->fs.n && y <= t->bottom && y < rs_fd_y + rs_fd_h; k++, y++) {
		const struct finding *fd = &f->fs.items[k];

		if (y == rs_fd_y + rs_fd_h - 1 && k + 1 < f->fs.n) {
			snprintf(buf, sizeof buf, "and %zu more findings: Enter, then move the cursor "
			    "onto a marked word.", f->fs.n - k);
			draw_text(win, y, 2, cols - 4, buf, term_attr(TP_WARN, A_BOLD));
			break;
		}
		snprintf(buf, sizeof buf, "%s: %s%s%s", fd->rule, fd->message,
		    fd->suggestion != NULL ? "; " : "", fd->suggestion != NULL ? fd->suggestion : "");
		draw_text(win, y, 2, cols - 4, buf, fd->severity <= SEV_ERROR ?
		    term_attr(TP_BAD, A_BOLD) : term_attr(TP_WARN, A_BOLD));
	}
}

static void
rs_draw(struct tui *t, WINDOW *win)
{
	const struct project *p = tui_project(t);
	int cols = getmaxx(win), i, y;
	char right[64];

	snprintf(right, sizeof right, "%zu position%s", p->n_positions,
	    p->n_positions == 1 ? "" : "s");
	tui_draw_title(t, win, "Résumé", right);
	rs_draw_head(t, win, cols);
	for (i = rs_scroll, y = rs_list_y; (size_t)i < rs_n && y < rs_list_y + rs_list_rows &&
	    y <= t->bottom; i++, y++)
		rs_draw_row(t, win, y, cols, &rs_rows[i], i == rs_sel);
	if (rs_scroll > 0)
		draw_text(win, rs_list_y, cols - 1, 1, "^", A_DIM);
	if ((size_t)(rs_scroll + rs_list_rows) < rs_n && rs_list_y + rs_list_rows - 1 <= t->bottom)
		draw_text(win, rs_list_y + rs_list_rows - 1, cols - 1, 1, "v", A_DIM);
	if (rs_ed_y - 1 <= t->bottom)
		rs_draw_detail(t, win, cols);
}

/* ---- keys ------------------------------------------------------------------ */

/* Refuses a change in a read-only project; true when it did. */
static bool
rs_readonly(struct tui *t, const char *what)
{
	if (t->readonly_why == NULL)
		return false;
	tui_status(t, "This project is open read-only: %s.", what);
	return true;
}

static void
rs_select(struct tui *t, int dir)
{
	int i = rs_sel + dir;

	while (i >= 0 && (size_t)i < rs_n && !rs_selectable(&rs_rows[i]))
		i += dir;
	if (i < 0 || (size_t)i >= rs_n)
		return;
	rs_want = rs_rows[i];
	rs_sel = i;
	rs_build(t);
}

/* Whether a position holds any text (the session's unsaved text too) or
 * résumé lines listed under it. */
static bool
rs_position_has_text(struct tui *t, int64_t id)
{
	const struct project *p = tui_project(t);
	struct rs_row r = { RS_FIELD, id, 0 };
	size_t i;

	for (r.field = 0; r.field < POS_FIELD_COUNT; r.field++)
		if (!rs_blank(rs_text(t, &r)))
			return true;
	for (i = 0; i < p->n_examples; i++)
		if (p->examples[i].position_id == id)
			return true;
	return false;
}

static int
rs_add(struct tui *t)
{
	struct error err;
	int64_t id;
	struct tui_field *f;

	if (rs_readonly(t, "no position can be added"))
		return RD_DRAW;
	(void)tui_save(t);
	if (store_add_position(t->st, "", &id, &err) != 0) {
		tui_status_error(t, &err);
		return RD_DRAW;
	}
	tui_changed(t);
	rs_want.kind = RS_FIELD;
	rs_want.id = id;
	rs_want.field = POS_TITLE;
	rs_build(t);
	if ((f = tui_field_position(t, id, POS_TITLE)) != NULL)
		tui_focus(t, f);
	tui_status(t, "Position added: type its title; Tab goes to the next field, Esc ends.");
	return RD_DRAW;
}

static int
rs_delete(struct tui *t, int64_t id)
{
	const struct project *p = tui_project(t);
	const struct position *pos = project_position_by_id(p, id);
	struct error err;
	char what[400], head[300];
	const char *lines[] = { what, "", "y  delete it", "n  keep it", "",
		"Its résumé lines stay, under no position; u brings the position back.", NULL };

	if (pos == NULL || rs_readonly(t, "no position can be deleted"))
		return RD_DRAW;
	if (rs_position_has_text(t, id)) {
		rs_position_heading(t, pos, rs_position_index(p, id), head, sizeof head);
		snprintf(what, sizeof what, "Position %.300s", head);
		if (tui_ask("Delete this position?", lines, "yn") != 'y') {
			tui_status(t, "Nothing deleted.");
			return RD_DRAW;
		}
	}
	(void)tui_save(t);
	if (store_delete_position(t->st, id, &err) != 0) {
		tui_status_error(t, &err);
		return RD_DRAW;
	}
	tui_changed(t);
	rs_deleted = id;
	tui_status(t, "Position deleted; its résumé lines are under no position. u brings it back.");
	return RD_DRAW;
}

static int
rs_undelete(struct tui *t)
{
	struct error err;

	if (rs_deleted < 0) {
		tui_status(t, "Nothing to bring back.");
		return RD_DRAW;
	}
	if (rs_readonly(t, "nothing can be brought back"))
		return RD_DRAW;
	if (store_undelete_position(t->st, rs_deleted, &err) != 0) {
		tui_status_error(t, &err);
		return RD_DRAW;
	}
	tui_changed(t);
	rs_want.kind = RS_POSITION;
	rs_want.id = rs_deleted;
	rs_deleted = -1;
	tui_status(t, "Position restored, at the end of the list ([ moves it up).");
	return RD_DRAW;
}

static int
rs_move(struct tui *t, int64_t id, int dir)
{
	const struct project *p = tui_project(t);
	struct error err;
	int at = rs_position_index(p, id) - 1 + dir;

	if (at < 0 || (size_t)at >= p->n_positions)
		return RD_DRAW;
	if (rs_readonly(t, "positions cannot be moved"))
		return RD_DRAW;
	if (store_move_position(t->st, id, at, &err) != 0) {
		tui_status_error(t, &err);
		return RD_DRAW;
	}
	tui_changed(t);
	return RD_DRAW;
}

/* Left/Right: the line under the previous or next position (none first). */
static int
rs_link(struct tui *t, int64_t example, int dir)
{
	const struct project *p = tui_project(t);
	const struct example *ex = project_example_by_id(p, example);
	struct error err;
	int at;
	int64_t to;

	if (ex == NULL)
		return RD_DRAW;
	if (p->n_positions == 0) {
		tui_status(t, "No positions yet: a adds one.");
		return RD_DRAW;
	}
	if (rs_readonly(t, "no line can be moved"))
		return RD_DRAW;
	/* choices: 0 (none), then the positions in order */
	at = rs_position_index(p, ex->position_id) + dir;
	if (at < 0 || (size_t)at > p->n_positions)
		return RD_DRAW;
	to = at == 0 ? 0 : p->positions[at - 1].id;
	if (store_link_example(t->st, example, to, &err) != 0) {
		tui_status_error(t, &err);
		return RD_DRAW;
	}
	tui_changed(t);
	if (to == 0)
		tui_status(t, "The line is under no position now.");
	else
		tui_status(t, "The line is under position %d now.", at);
	return RD_DRAW;
}

/* g: the example's first draft in place of its résumé line, one undo step;
 * what it replaces stays in the history. Then the line is edited. */
static int
rs_draft(struct tui *t, int64_t example)
{
	const struct example *ex = project_example_by_id(tui_project(t), example);
	struct tui_field *f = tui_field_resume(t, example);

	if (ex == NULL || f == NULL)
		return RD_DRAW;
	if (rs_readonly(t, "no résumé line can be drafted"))
		return RD_DRAW;
	if (!tui_field_put_draft(t, f, resume_draft(ex), "résumé line"))
		return RD_DRAW;
	tui_focus(t, f);
	tui_status(t, "Drafted from the example's story: make it yours here (Esc when done); "
	    "Ctrl-R has the text it replaced.");
	return RD_DRAW | RD_EDIT;
}

/* f and m: the next font size (10, 10.5 ... 12) or margins (0.5, 0.75, 1). */
static int
rs_settings(struct tui *t, bool font)
{
	struct resume_settings s;
	struct error err;

	if (rs_readonly(t, "the résumé's settings cannot be changed"))
		return RD_DRAW;
	s = *rs_settings_now(t);
	if (font)
		s.font_pt = s.font_pt + 0.5 > RESUME_FONT_MAX + 1e-9 ? RESUME_FONT_MIN :
		    floor(s.font_pt * 2.0 + 1e-9) / 2.0 + 0.5;
	else
		s.margin_in = s.margin_in + 0.25 > RESUME_MARGIN_MAX + 1e-9 ? RESUME_MARGIN_MIN :
		    floor(s.margin_in * 4.0 + 1e-9) / 4.0 + 0.25;
	rs_set_read = false;
	if (resume_settings_save(t->st, &s, &err) != 0) {
		tui_status_error(t, &err);
		return RD_DRAW;
	}
	tui_changed(t);
	if (font)
		tui_status(t, "Résumé font size: %g pt (f for the next).", s.font_pt);
	else
		tui_status(t, "Résumé margins: %g inch (m for the next).", s.margin_in);
	return RD_DRAW;
}

/* Tab and S-Tab while editing a position's field: its next or previous
 * field, still editing; past the ends, editing stops. */
static int
rs_next_field(struct tui *t, int dir)
{
	const struct rs_row *r = rs_selected();
	struct tui_field *f;

	if (r == NULL || r->kind != RS_FIELD || r->field + dir < 0 ||
	    r->field + dir >= POS_FIELD_COUNT) {
		tui_focus(t, NULL);
		return RD_DRAW;
	}
	rs_want.field = r->field + dir;
	rs_build(t);
	f = rs_field(t, rs_selected());
	tui_focus(t, f);
	return RD_DRAW;
}

static int
rs_key(struct tui *t, enum action a, wint_t ch, bool keycode)
{
	const struct rs_row *r;
	struct tui_field *f;
	int res;

	rs_build(t);
	r = rs_selected();
	if (t->focus != NULL) {
		if (a == ACT_BACK) {
			tui_focus(t, NULL);
			return RD_DRAW;
		}
		if (a == ACT_NEXT || a == ACT_PREV)
			return rs_next_field(t, a == ACT_NEXT ? 1 : -1);
		res = editor_key(t->focus->ed, ch, keycode);
		if (res == ED_IGNORED)
			return RD_IGNORED;
		return RD_DRAW | ((res & ED_CHANGED) ? RD_EDIT : 0);
	}
	switch (a) {
	case ACT_UP:
	case ACT_PREV:
		rs_select(t, -1);
		return RD_DRAW;
	case ACT_DOWN:
	case ACT_NEXT:
		rs_select(t, 1);
		return RD_DRAW;
	case ACT_ENTER:
		if (r == NULL)
			return RD_DRAW;
		if (r->kind == RS_POSITION) {
			rs_want.kind = RS_FIELD;
			rs_want.field = POS_TITLE;
			rs_build(t);
		}
		if ((f = rs_field(t, rs_selected())) != NULL)
			tui_focus(t, f);
		return RD_DRAW;
	case ACT_ADD:
	case ACT_ADD_POSITION:
		return rs_add(t);
	case ACT_DELETE:
		if (r == NULL || (r->kind != RS_POSITION && r->kind != RS_FIELD)) {
			tui_status(t, "Select a position to delete it (a résumé line is deleted "
			    "by emptying it).");
			return RD_DRAW;
		}
		return rs_delete(t, r->id);
	case ACT_UNDELETE:
		return rs_undelete(t);
	case ACT_MOVE_UP:
	case ACT_MOVE_DOWN:
		if (r == NULL || (r->kind != RS_POSITION && r->kind != RS_FIELD))
			return RD_DRAW;
		return rs_move(t, r->id, a == ACT_MOVE_UP ? -1 : 1);
	case ACT_LEFT:
	case ACT_RIGHT:
		if (r == NULL || r->kind != RS_LINE) {
			tui_status(t, "Left and Right move a résumé line from one position to another: "
			    "select a line first.");
			return RD_DRAW;
		}
		return rs_link(t, r->id, a == ACT_LEFT ? -1 : 1);
	case ACT_CARD_DRAFT:
	case ACT_LINE_DRAFT:
		if (r == NULL || r->kind != RS_LINE) {
			tui_status(t, "g drafts a résumé line: select an example's line first.");
			return RD_DRAW;
		}
		return rs_draft(t, r->id);
	case ACT_FONT_SIZE:
		return rs_settings(t, true);
	case ACT_MARGINS:
		return rs_settings(t, false);
	case ACT_BACK:
		tui_goto(t, t->back_id == SCR_RESUME || t->back_id == SCR_HELP ? SCR_DASHBOARD :
		    t->back_id);
		return RD_DRAW;
	default:
		return RD_IGNORED;
	}
}

static int
rs_paste(struct tui *t, const char *text, size_t len)
{
	if (t->focus == NULL)
		return RD_NONE;
	return (editor_paste(t->focus->ed, text, len) & ED_CHANGED) ? RD_DRAW | RD_EDIT : RD_DRAW;
}

static const enum action *
rs_help(const struct tui *t)
{
	static const enum action edit[] = { ACT_BACK, ACT_NEXT, ACT_HISTORY, ACT_SAVE, ACT_HELP,
		ACT_QUIT, ACT_NONE };
	static const enum action line[] = { ACT_ENTER, ACT_LINE_DRAFT, ACT_MOVE_LINE,
		ACT_ADD_POSITION, ACT_FONT_SIZE, ACT_MARGINS, ACT_BACK, ACT_HELP, ACT_QUIT,
		ACT_NONE };
	static const enum action pos[] = { ACT_ENTER, ACT_ADD_POSITION, ACT_DELETE,
		ACT_UNDELETE, ACT_MOVE_UP, ACT_MOVE_DOWN, ACT_FONT_SIZE, ACT_MARGINS, ACT_BACK,
		ACT_HELP, ACT_QUIT, ACT_NONE };
	const struct rs_row *r = rs_selected();

	if (t->focus != NULL)
		return edit;
	return r != NULL && r->kind == RS_LINE ? line : pos;
}

const struct tui_screen screen_resume = {
	"resume", rs_enter, rs_leave, rs_layout, rs_draw, rs_key, rs_paste, NULL, rs_help
};
