/* SPDX-License-Identifier: MIT */
/*
 * exportscr.c: the export screen: choose the format (PDF, text, Markdown)
 * and the path, export through export.h, and show the result (pages, size)
 * or the error. The file is written atomically by export_file.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "export.h"
#include "tui/draw.h"
#include "tui/term.h"
#include "tui/tui.h"
#include "xalloc.h"

static const char *const xs_names[] = { "PDF", "Plain text", "Markdown" };
static const char *const xs_ext[] = { ".pdf", ".txt", ".md" };
static const enum export_format xs_fmts[] = { EXPORT_PDF, EXPORT_TEXT, EXPORT_MARKDOWN };

static struct editor *xs_path;
static int xs_fmt;
static int xs_row;              /* 0 format, 1 path, 2 export button */
static char xs_result[1400];
static bool xs_failed;

/* The project's path with the format's extension instead of ".ecq". */
static char *
xs_default_path(const struct tui *t, int fmt)
{
	const char *p = store_path(t->st);
	const char *dot = strrchr(p, '.'), *slash = strrchr(p, '/');
	size_t n = strlen(p);

	if (dot != NULL && (slash == NULL || dot > slash))
		n = (size_t)(dot - p);
	return xasprintf("%.*s%s", (int)n, p, xs_ext[fmt]);
}

static void
xs_set_path(struct tui *t)
{
	char *path = xs_default_path(t, xs_fmt);

	editbuf_set_text(editor_buf(xs_path), path, strlen(path));
	editbuf_set_cursor(editor_buf(xs_path), strlen(path), false);
	free(path);
}

static void
xs_enter(struct tui *t)
{
	char *fmt = store_get_setting(t->st, "export.format");

	if (fmt != NULL) {
		int f = export_format_parse(fmt);

		xs_fmt = f == EXPORT_TEXT ? 1 : f == EXPORT_MARKDOWN ? 2 : 0;
		free(fmt);
	}
	if (xs_path == NULL)
		xs_path = editor_new("", 0);
	xs_set_path(t);
	xs_row = 2;
	xs_result[0] = '\0';
	t->aux = NULL;
}

static void
xs_leave(struct tui *t)
{
	t->aux = NULL;
	editor_free(xs_path);
	xs_path = NULL;
}

static void
xs_layout(struct tui *t)
{
	editor_place(xs_path, stdscr, t->top + 4, 10, 1, COLS - 12);
	t->aux = xs_row == 1 ? xs_path : NULL;
}

static void
xs_draw(struct tui *t, WINDOW *win)
{
	int cols = getmaxx(win), i, x = 10;
	attr_t sel = term_attr(TP_SELECT, A_REVERSE) | A_BOLD;
	char buf[64];

	tui_draw_title(t, win, "Export the narrative", NULL);
	draw_text(win, t->top + 1, 1, cols - 2, "The PDF has the pages the meter shows: US Letter, "
	    "1-inch margins, 12 pt, numbered pages.", A_DIM);
	draw_text(win, t->top + 2, 1, 8, "Format", xs_row == 0 ? sel : A_BOLD);
	for (i = 0; i < 3; i++) {
		snprintf(buf, sizeof buf, "(%c) %s", i == xs_fmt ? '*' : ' ', xs_names[i]);
		x += draw_text(win, t->top + 2, x, cols - x, buf, i == xs_fmt ? A_BOLD : A_NORMAL) + 3;
	}
	draw_text(win, t->top + 4, 1, 8, "Path", xs_row == 1 ? sel : A_BOLD);
	editor_draw(xs_path, win, xs_row == 1);
	draw_text(win, t->top + 6, 10, 12, "[ Export ]", xs_row == 2 ? sel : A_BOLD);
	if (xs_result[0] != '\0')
		draw_wrap(win, t->top + 8, 1, cols - 2, 4, 0, xs_result,
		    xs_failed ? term_attr(TP_BAD, A_BOLD) : term_attr(TP_GOOD, A_BOLD));
}

static void
xs_export(struct tui *t)
{
	struct export_options o;
	struct export_output out;
	struct error err;
	struct stat sb;
	char creator[64];
	const char *path = editbuf_text(editor_cbuf(xs_path));

	(void)tui_save(t);
	export_options_init(&o);
	snprintf(creator, sizeof creator, "ecqcoach %s", PACKAGE_VERSION);
	o.creator = creator;
	o.protect = store_path(t->st);
	memset(&out, 0, sizeof out);
	error_clear(&err);
	if (*path == '\0') {
		snprintf(xs_result, sizeof xs_result, "Give a path to write to.");
		xs_failed = true;
		return;
	}
	if (export_file(t->lc, tui_project(t), xs_fmts[xs_fmt], &o, path, &out, &err) != 0) {
		snprintf(xs_result, sizeof xs_result, "Not exported: %s", err.msg);
		xs_failed = true;
		export_output_free(&out);
		return;
	}
	xs_failed = false;
	if (stat(path, &sb) != 0)
		sb.st_size = (off_t)out.len;
	if (xs_fmts[xs_fmt] == EXPORT_PDF)
		snprintf(xs_result, sizeof xs_result, "Wrote %s: %d page%s, %lld bytes.%s%s", path,
		    out.pages, out.pages == 1 ? "" : "s", (long long)sb.st_size, out.warning ? " " : "", out.warning ? out.warning : "");
	else
		snprintf(xs_result, sizeof xs_result, "Wrote %s: %lld bytes.", path, (long long)sb.st_size);
	(void)store_set_setting(t->st, "export.format", xs_fmt == 0 ? "pdf" : xs_fmt == 1 ? "text" : "markdown", &err);
	export_output_free(&out);
}

static int
xs_key(struct tui *t, enum action a, wint_t ch, bool keycode)
{
	int r;

	switch (a) {
	case ACT_BACK:
		tui_goto(t, t->back_id == SCR_EXPORT ? SCR_DASHBOARD : t->back_id);
		return RD_DRAW;
	case ACT_NEXT:
	case ACT_DOWN:
		xs_row = (xs_row + 1) % 3;
		return RD_DRAW;
	case ACT_PREV:
	case ACT_UP:
		xs_row = (xs_row + 2) % 3;
		return RD_DRAW;
	case ACT_ENTER:
		if (xs_row == 1) {
			xs_row = 2;
			return RD_DRAW;
		}
		xs_export(t);
		return RD_DRAW;
	default:
		break;
	}
	if (xs_row == 0 && (a == ACT_LEFT || a == ACT_RIGHT || a == ACT_TOGGLE)) {
		xs_fmt = (xs_fmt + (a == ACT_LEFT ? 2 : 1)) % 3;
		xs_set_path(t);
		return RD_DRAW;
	}
	if (xs_row == 1) {
		r = editor_key(xs_path, ch, keycode);
		return r == ED_IGNORED ? RD_IGNORED : RD_DRAW;
	}
	return RD_IGNORED;
}

static const enum action *
xs_help(const struct tui *t)
{
	static const enum action acts[] = { ACT_NEXT, ACT_LEFT, ACT_ENTER, ACT_BACK,
		ACT_HELP, ACT_QUIT, ACT_NONE };

	(void)t;
	return acts;
}

const struct tui_screen screen_export = {
	"export", xs_enter, xs_leave, xs_layout, xs_draw, xs_key, NULL, NULL, xs_help
};
