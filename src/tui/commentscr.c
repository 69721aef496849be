/* SPDX-License-Identifier: MIT */
/*
 * commentscr.c: the review comments screen (F12): every comment with where
 * it is, its state and replies; Enter jumps to its place, r replies,
 * Space resolves or opens it again. Also writing a comment on the selected text
 * in review mode (--review --as NAME), the margin count the example screen
 * shows, and reading comments again every few seconds so the writer sees
 * what reviewers add while the coach is open.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <strings.h>
#include <wchar.h>
#include <wctype.h>

#include "comments.h"
#include "tui/draw.h"
#include "tui/editbuf.h"
#include "tui/term.h"
#include "tui/tui.h"
#include "xalloc.h"

/* How often the comments are read again from the file. */
#define CS_POLL_MS 2000

static const char *
cs_author(const struct tui *t)
{
	const char *u;

	if (t->reviewer != NULL)
		return t->reviewer;
	if (*tui_project(t)->candidate != '\0')
		return tui_project(t)->candidate;
	u = getenv("USER");
	return u != NULL && *u != '\0' ? u : "writer";
}

/* Reads one line of text in the status row; false when Esc cancels. */
static bool
cs_prompt(struct tui *t, const char *label, char *buf, size_t size)
{
	size_t len = 0;
	char mb[MB_LEN_MAX];
	mbstate_t ps;
	bool keycode, stop = false;
	wint_t ch;
	size_t n;

	buf[0] = '\0';
	for (;;) {
		draw_fill(stdscr, LINES - 2, A_REVERSE);
		draw_printf(stdscr, LINES - 2, 0, COLS, A_REVERSE, "%s: %s", label, buf);
		draw_text(stdscr, LINES - 1, 0, COLS, "Enter saves the comment, Esc cancels", A_DIM);
		curs_set(1);
		refresh();
		if (tui_read(&ch, &keycode, 1000, &stop) == ERR) {
			if (stop || t->quit)
				return false;
			continue;
		}
		if (!keycode && ch == 27)
			return false;
		if ((!keycode && (ch == '\r' || ch == '\n')) || (keycode && ch == KEY_ENTER))
			return len > 0;
		if ((keycode && ch == KEY_BACKSPACE) || (!keycode && (ch == 0x7f || ch == 8))) {
			while (len > 0 && ((unsigned char)buf[len - 1] & 0xC0) == 0x80)
				len--;
			if (len > 0)
				len--;
			buf[len] = '\0';
			continue;
		}
		if (keycode || !iswprint(ch))
			continue;
		memset(&ps, 0, sizeof ps);
		n = wcrtomb(mb, (wchar_t)ch, &ps);
		if (n == (size_t)-1 || len + n + 1 >= size)
			continue;
		memcpy(buf + len, mb, n);
		len += n;
		buf[len] = '\0';
	}
}

void
commentscr_new(struct tui *t)
{
	struct tui_field *f = t->focus;
	struct editbuf *eb;
	struct error err;
	size_t start, end;
	char *quote, body[2000];

	if (f == NULL || !editbuf_selection(editor_cbuf(f->ed), &start, &end) || start == end) {
		tui_status(t, "Select some text first (Ctrl-Space, then move), then press F12 "
		    "to comment on it.");
		return;
	}
	eb = editor_buf(f->ed);
	quote = xstrndup(editbuf_text(eb) + start, end - start);
	if (!cs_prompt(t, "Comment", body, sizeof body)) {
		free(quote);
		tui_status(t, "No comment written.");
		return;
	}
	if (store_add_comment(t->st, f->target, quote, start, cs_author(t), body, NULL, &err) != 0) {
		tui_status_error(t, &err);
	} else {
		tui_changed(t);         /* the store reloaded the project */
		tui_status(t, "Comment saved.");
	}
	editbuf_clear_selection(eb);
	free(quote);
}

size_t
commentscr_count(const struct tui *t, const char *target)
{
	const struct project *p = tui_project(t);
	size_t i, n = 0;

	for (i = 0; i < p->n_comments; i++)
		n += !p->comments[i].resolved && strcmp(p->comments[i].target, target) == 0;
	return n;
}

void
commentscr_poll(struct tui *t, long long now, bool *draw)
{
	const struct project *p;
	struct error err;
	bool changed = false;

	if (now - t->comments_polled < CS_POLL_MS)
		return;
	t->comments_polled = now;
	if (store_refresh_comments(t->st, &changed, &err) != 0 || !changed)
		return;
	p = tui_project(t);
	if (p->n_comments > 0)
		tui_status(t, "Comments changed: %zu now (F12 lists them).", p->n_comments);
	*draw = true;
}

static void
cs_enter(struct tui *t)
{
	tui_focus(t, NULL);
	if (t->comment_item < 0)
		t->comment_item = 0;
}

static void
cs_draw(struct tui *t, WINDOW *win)
{
	const struct project *p = tui_project(t);
	const struct comment *c;
	const char *field;
	int y = t->top + 1, ecq, ex, cols = getmaxx(win);
	attr_t sel = term_attr(TP_SELECT, A_REVERSE) | A_REVERSE;
	size_t i, r;

	tui_draw_title(t, win, "Review comments", t->reviewer != NULL ? "review mode" : "");
	if (p->n_comments == 0) {
		draw_text(win, y, 2, cols - 4, "No comments yet.", A_DIM);
		return;
	}
	if (t->comment_item >= (int)p->n_comments)
		t->comment_item = (int)p->n_comments - 1;
	for (i = 0; i < p->n_comments && y < t->bottom - 1; i++) {
		c = &p->comments[i];
		comments_where(p, c->target, &ecq, &ex, &field);
		if (ecq >= 0)
			draw_printf(win, y, 0, cols, (int)i == t->comment_item ? sel : A_NORMAL,
			    "%c #%lld %-8s ECQ %d%s%.0d %s  %s: %s", c->resolved ? ' ' : '*',
			    (long long)c->id, comments_state(c), ecq + 1, ex >= 0 ? " ex " : "",
			    ex >= 0 ? ex + 1 : 0, field, c->author, c->body);
		else    /* the candidate, a position of the résumé ... */
			draw_printf(win, y, 0, cols, (int)i == t->comment_item ? sel : A_NORMAL,
			    "%c #%lld %-8s %s  %s: %s", c->resolved ? ' ' : '*', (long long)c->id,
			    comments_state(c), *field ? field : c->target, c->author, c->body);
		y++;
		draw_printf(win, y++, 4, cols - 5, A_DIM, "\"%s\"", c->quote);
		if ((int)i != t->comment_item)
			continue;
		for (r = 0; r < c->n_replies && y < t->bottom - 1; r++)
			draw_printf(win, y++, 6, cols - 7, A_NORMAL, "reply, %s: %s",
			    c->replies[r].author, c->replies[r].body);
	}
}

/* The example field a target names, or -1. */
static int
cs_field(const char *name)
{
	int f;

	for (f = 0; f < EX_FIELD_COUNT; f++)
		if (strcasecmp(project_field_name((enum example_field)f), name) == 0)
			return f;
	return -1;
}

static void
cs_jump(struct tui *t, const struct comment *c)
{
	const struct project *p = tui_project(t);
	struct finding f;
	const char *field;
	long long id;
	int ex;

	memset(&f, 0, sizeof f);
	comments_where(p, c->target, &f.ecq, &ex, &field);
	f.example = -1;
	f.field = -1;
	if (ex >= 0 && sscanf(c->target, "example.%lld.", &id) == 1) {
		f.example = id;
		f.field = cs_field(field);
	}
	f.target = c->target;   /* a card, résumé line or position: tui_jump reads it */
	f.offset = c->offset;
	if (c->detached)
		tui_status(t, "Its text is gone; the comment quoted: \"%.200s\"", c->quote);
	else if (f.ecq >= 0 || strncmp(c->target, "position.", 9) == 0)
		tui_jump(t, &f);
	else
		tui_status(t, "This comment is on %s, which has no place on a screen.", c->target);
}

static int
cs_key(struct tui *t, enum action a, wint_t ch, bool keycode)
{
	const struct project *p = tui_project(t);
	const struct comment *c;
	struct error err;
	char body[2000];
	int64_t id;

	if (p->n_comments == 0)
		return a == ACT_BACK ? (tui_goto(t, t->back_id), RD_DRAW) : RD_IGNORED;
	c = &p->comments[t->comment_item];
	switch (a) {
	case ACT_UP:
		if (t->comment_item > 0)
			t->comment_item--;
		return RD_DRAW;
	case ACT_DOWN:
		if (t->comment_item + 1 < (int)p->n_comments)
			t->comment_item++;
		return RD_DRAW;
	case ACT_ENTER:
		cs_jump(t, c);
		return RD_DRAW;
	case ACT_BACK:
		tui_goto(t, SCR_DASHBOARD);
		return RD_DRAW;
	default:
		break;
	}
	(void)ch;
	(void)keycode;
	id = c->id;
	/* a reply or a resolution reloads the project: tui_changed after it */
	if (a == ACT_COMMENT_REPLY) {
		if (!cs_prompt(t, "Reply", body, sizeof body))
			return RD_DRAW;
		if (store_reply_comment(t->st, id, cs_author(t), body, &err) != 0)
			tui_status_error(t, &err);
		else
			tui_changed(t);
		return RD_DRAW;
	}
	if (a == ACT_TOGGLE) {      /* Space ticks it resolved */
		if (store_resolve_comment(t->st, id, !c->resolved, &err) != 0)
			tui_status_error(t, &err);
		else
			tui_changed(t);
		return RD_DRAW;
	}
	return RD_IGNORED;
}

static const enum action *
cs_help(const struct tui *t)
{
	static const enum action acts[] = { ACT_ENTER, ACT_COMMENT_REPLY, ACT_TOGGLE,
		ACT_BACK, ACT_DASHBOARD, ACT_HELP, ACT_QUIT, ACT_NONE };

	(void)t;
	return acts;
}

const struct tui_screen screen_comments = {
	"comments", cs_enter, NULL, NULL, cs_draw, cs_key, NULL, NULL, cs_help
};
