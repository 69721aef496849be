/* SPDX-License-Identifier: MIT */
/*
 * exportscr.c: the export screen: the format (PDF, text, Markdown), the
 * path, the options (unwrapped text, ASCII, A4 paper, one ECQ, no header)
 * and the export through export.h, with the result (pages, size) or the
 * error. The format and the path's extension always agree: choosing a
 * format changes the extension, typing an extension chooses the format,
 * and a path named for no format is refused, so no file ever holds one
 * format under another's name. Replacing an existing file asks first.
 * Where the framework asks for a résumé or interview cards, the document
 * is chosen too: the narrative, the résumé or the cards, written as
 * `export --resume` and `export --cards` write them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "card.h"
#include "export.h"
#include "resume.h"
#include "tui/draw.h"
#include "tui/term.h"
#include "tui/tui.h"
#include "xalloc.h"

static const char *const xs_names[] = { "PDF", "Plain text", "Markdown" };
static const char *const xs_ext[] = { ".pdf", ".txt", ".md" };
static const enum export_format xs_fmts[] = { EXPORT_PDF, EXPORT_TEXT, EXPORT_MARKDOWN };

/* The document: the narrative, the résumé, the interview cards. */
enum xs_doc_id { XD_NARRATIVE, XD_RESUME, XD_CARDS, XD_COUNT };
static const char *const xs_doc_names[] = { "the narrative", "the résumé",
	"the interview cards" };
static const char *const xs_doc_suffix[] = { "", "-resume", "-cards" };

enum xs_row_id { XR_DOC, XR_FORMAT, XR_PATH, XR_UNWRAP, XR_ASCII, XR_A4, XR_ECQ, XR_NOHEADER,
	XR_EXPORT, XR_COUNT };

static struct editor *xs_path;
static int xs_fmt;
static int xs_doc = XD_NARRATIVE;
static int xs_row;
static bool xs_unwrap, xs_ascii, xs_a4, xs_noheader;
static int xs_ecq = -1;         /* -1: all ECQs */
static char xs_result[1400];
static bool xs_failed;

/* The format index (0..2) for an export_format, or -1. */
static int
xs_index(int fmt)
{
	return fmt == EXPORT_PDF ? 0 : fmt == EXPORT_TEXT ? 1 : fmt == EXPORT_MARKDOWN ? 2 : -1;
}

/* Where the extension of path starts (its last '.' after the last '/'),
 * or the end of path when it has none. */
static size_t
xs_ext_at(const char *path)
{
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');

	if (dot != NULL && (slash == NULL || dot > slash) && dot[1] != '\0' && dot != path
	    && (slash == NULL || dot > slash + 1))
		return (size_t)(dot - path);
	return strlen(path);
}

/* Whether the framework asks for document d (the narrative always
 * exports, as it always did). */
static bool
xs_doc_ok(const struct tui *t, int d)
{
	const struct fw_documents *docs = &tui_fw(t)->docs;

	return d == XD_NARRATIVE || (d == XD_RESUME && docs->use[DOC_RESUME] != DOC_NO) ||
	    (d == XD_CARDS && docs->use[DOC_INTERVIEW] != DOC_NO);
}

/* Whether there is a document to choose (the row is shown). */
static bool
xs_has_docs(const struct tui *t)
{
	return xs_doc_ok(t, XD_RESUME) || xs_doc_ok(t, XD_CARDS);
}

/* The project's path with the format's extension instead of ".ecq"
 * ("-resume" or "-cards" before it for those documents). */
static char *
xs_default_path(const struct tui *t, int fmt)
{
	const char *p = store_path(t->st);

	return xasprintf("%.*s%s%s", (int)xs_ext_at(p), p, xs_doc_suffix[xs_doc], xs_ext[fmt]);
}

static void
xs_put_path(const char *path)
{
	editbuf_set_text(editor_buf(xs_path), path, strlen(path));
	editbuf_set_cursor(editor_buf(xs_path), strlen(path), false);
}

/* A format chosen: the path's extension follows (a known one replaced,
 * none added; an unknown one is left for the writer to see). */
static void
xs_format_chosen(void)
{
	const char *path = editbuf_text(editor_cbuf(xs_path));
	size_t at = xs_ext_at(path);
	char *next;

	if (at < strlen(path) && export_format_from_path(path) < 0)
		return;
	next = xasprintf("%.*s%s", (int)at, path, xs_ext[xs_fmt]);
	xs_put_path(next);
	free(next);
}

/* The path edited: a known extension chooses the format. */
static void
xs_path_edited(void)
{
	int f = xs_index(export_format_from_path(editbuf_text(editor_cbuf(xs_path))));

	if (f >= 0)
		xs_fmt = f;
}

static void
xs_enter(struct tui *t)
{
	char *fmt = store_get_setting(t->st, "export.format"), *path;

	if (fmt != NULL) {
		int f = xs_index(export_format_parse(fmt));

		xs_fmt = f >= 0 ? f : 0;
		free(fmt);
	}
	if (!xs_doc_ok(t, xs_doc))
		xs_doc = XD_NARRATIVE;
	if (xs_path == NULL)
		xs_path = editor_new("", 0);
	path = xs_default_path(t, xs_fmt);
	xs_put_path(path);
	free(path);
	if (xs_ecq >= (int)tui_fw(t)->n_ecqs)
		xs_ecq = -1;
	xs_row = XR_EXPORT;
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
	t->aux = xs_row == XR_PATH ? xs_path : NULL;
}

static void
xs_draw_option(WINDOW *win, int y, int row, bool on, const char *text)
{
	attr_t sel = term_attr(TP_SELECT, A_REVERSE) | A_BOLD;
	char buf[200];

	snprintf(buf, sizeof buf, "[%c] %s", on ? 'x' : ' ', text);
	draw_text(win, y, 10, getmaxx(win) - 12, buf, xs_row == row ? sel : A_NORMAL);
}

static void
xs_draw(struct tui *t, WINDOW *win)
{
	const struct framework *fw = tui_fw(t);
	int cols = getmaxx(win), i, x = 10, y;
	attr_t sel = term_attr(TP_SELECT, A_REVERSE) | A_BOLD;
	char buf[300];

	snprintf(buf, sizeof buf, "Export %s", xs_doc_names[xs_doc]);
	tui_draw_title(t, win, buf, NULL);
	draw_text(win, t->top + 1, 1, cols - 2, xs_doc == XD_RESUME ? "The résumé at the "
	    "margins and font size of the résumé screen (m, f); text for USAJOBS." :
	    xs_doc == XD_CARDS ? "The cards to practise with: two a page in the PDF, each under "
	    "a question." : "The PDF has the pages the meter shows: 1-inch "
	    "margins, 12 pt, numbered pages. The path's extension follows the format.", A_DIM);
	/* the document above the format, where there is a choice */
	y = t->top + 2;
	if (xs_has_docs(t)) {
		draw_text(win, y, 1, 8, "What", xs_row == XR_DOC ? sel : A_BOLD);
		snprintf(buf, sizeof buf, "< %s >", xs_doc_names[xs_doc]);
		draw_text(win, y++, 10, cols - 12, buf, A_NORMAL);
	}
	draw_text(win, y, 1, 8, "Format", xs_row == XR_FORMAT ? sel : A_BOLD);
	for (i = 0; i < 3; i++) {
		snprintf(buf, sizeof buf, "(%c) %s", i == xs_fmt ? '*' : ' ', xs_names[i]);
		x += draw_text(win, y, x, cols - x, buf, i == xs_fmt ? A_BOLD : A_NORMAL) + 3;
	}
	draw_text(win, t->top + 4, 1, 8, "Path", xs_row == XR_PATH ? sel : A_BOLD);
	editor_draw(xs_path, win, xs_row == XR_PATH);
	y = t->top + 6;
	draw_text(win, y, 1, 8, "Options", A_BOLD);
	xs_draw_option(win, y++, XR_UNWRAP, xs_unwrap, "Unwrapped text: one line per paragraph "
	    "(text and Markdown)");
	xs_draw_option(win, y++, XR_ASCII, xs_ascii, "ASCII only: plain quotes, dashes and "
	    "letters (text and Markdown)");
	xs_draw_option(win, y++, XR_A4, xs_a4, "A4 paper instead of US Letter (PDF)");
	if (xs_doc != XD_NARRATIVE)
		snprintf(buf, sizeof buf, "ECQs: all (one ECQ is for the narrative)");
	else if (xs_ecq < 0)
		snprintf(buf, sizeof buf, "ECQs: < all >");
	else
		snprintf(buf, sizeof buf, "ECQs: < only ECQ %d, %s >", xs_ecq + 1,
		    fw->ecqs[xs_ecq].title);
	draw_text(win, y++, 10, cols - 12, buf, xs_row == XR_ECQ ? sel : A_NORMAL);
	xs_draw_option(win, y++, XR_NOHEADER, xs_noheader, "No header: leave out the name "
	    "and position");
	draw_text(win, y + 1, 10, 12, "[ Export ]", xs_row == XR_EXPORT ? sel : A_BOLD);
	if (xs_result[0] != '\0')
		draw_wrap(win, y + 3, 1, cols - 2, t->bottom - y - 2, 0, xs_result,
		    xs_failed ? term_attr(TP_BAD, A_BOLD) : term_attr(TP_GOOD, A_BOLD));
}

/* The résumé or the cards written to path, as `export --resume` and
 * `export --cards` write them; the result in xs_result. */
static void
xs_export_shape(struct tui *t, const char *path, struct export_options *o)
{
	const struct project *p = tui_project(t);
	struct resume_settings rs;
	struct export_output out;
	struct error err;
	struct stat sb;
	size_t n = 0;
	int rc;

	memset(&out, 0, sizeof out);
	error_clear(&err);
	o->layout.ecq = -1;
	if (xs_doc == XD_RESUME) {
		resume_settings_load(t->st, &rs);
		rc = resume_render(t->lc, p, &rs, xs_fmts[xs_fmt], o, &out, &err);
	} else {
		rc = card_render(t->lc, p, xs_fmts[xs_fmt], o, card_wpm_load(t->st), &out, &n,
		    &err);
	}
	if (rc == 0)
		rc = export_write_file(path, out.data, out.len, o, &err);
	if (rc != 0) {
		snprintf(xs_result, sizeof xs_result, "Not exported: %s", err.msg);
		xs_failed = true;
		export_output_free(&out);
		return;
	}
	xs_failed = false;
	if (stat(path, &sb) != 0)
		sb.st_size = (off_t)out.len;
	if (xs_doc == XD_CARDS && xs_fmts[xs_fmt] == EXPORT_PDF)
		snprintf(xs_result, sizeof xs_result, "Wrote %s: %zu interview card%s, %d page%s, "
		    "%lld bytes.", path, n, n == 1 ? "" : "s", out.pages, out.pages == 1 ? "" : "s",
		    (long long)sb.st_size);
	else if (xs_doc == XD_CARDS)
		snprintf(xs_result, sizeof xs_result, "Wrote %s: %zu interview card%s, %lld bytes.",
		    path, n, n == 1 ? "" : "s", (long long)sb.st_size);
	else if (xs_fmts[xs_fmt] == EXPORT_PDF)
		snprintf(xs_result, sizeof xs_result, "Wrote %s: the résumé, %d page%s%s, %lld "
		    "bytes.%s%s", path, out.pages, out.pages == 1 ? "" : "s",
		    out.pages > (int)p->fw->docs.resume_pages ? " (over its budget)" : "",
		    (long long)sb.st_size, out.warning ? " " : "", out.warning ? out.warning : "");
	else
		snprintf(xs_result, sizeof xs_result, "Wrote %s: the résumé, %lld bytes.%s%s", path,
		    (long long)sb.st_size, out.warning ? " " : "", out.warning ? out.warning : "");
	export_output_free(&out);
}

static void
xs_export(struct tui *t)
{
	struct export_options o;
	struct export_output out;
	struct error err;
	struct stat sb;
	char creator[64], *path, question[1200];
	const char *lines[] = { question, "", "y  replace it", "n  do not export", NULL };
	int asked;

	path = xstrdup(editbuf_text(editor_cbuf(xs_path)));
	if (*path == '\0') {
		snprintf(xs_result, sizeof xs_result, "Give a path to write to.");
		xs_failed = true;
		goto out;
	}
	if (xs_ext_at(path) == strlen(path)) {
		/* no extension: the format's */
		char *with = xasprintf("%s%s", path, xs_ext[xs_fmt]);

		free(path);
		path = with;
		xs_put_path(path);
	}
	if (xs_index(export_format_from_path(path)) != xs_fmt) {
		snprintf(xs_result, sizeof xs_result, "Not exported: %s is not named for the "
		    "chosen format; end the path in .pdf, .txt or .md (the format follows it).", path);
		xs_failed = true;
		goto out;
	}
	if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
		snprintf(question, sizeof question, "%s exists (%lld bytes). Replace it with "
		    "this export?", path, (long long)sb.st_size);
		asked = tui_ask("Replace the file?", lines, "yn");
		if (asked != 'y') {
			snprintf(xs_result, sizeof xs_result, "Not exported: %s is left as it was.", path);
			xs_failed = true;
			goto out;
		}
	}
	(void)tui_save(t);
	export_options_init(&o);
	snprintf(creator, sizeof creator, "ecqcoach %s", PACKAGE_VERSION);
	o.creator = creator;
	o.protect = store_path(t->st);
	o.width = xs_unwrap ? 0 : EXPORT_DEFAULT_WIDTH;
	o.ascii = xs_ascii;
	o.no_header = xs_noheader;
	o.layout.paper = xs_a4 ? LAYOUT_A4 : LAYOUT_LETTER;
	o.layout.ecq = xs_ecq;
	memset(&out, 0, sizeof out);
	error_clear(&err);
	if (xs_doc != XD_NARRATIVE) {
		xs_export_shape(t, path, &o);
		goto out;
	}
	if (export_file(t->lc, tui_project(t), xs_fmts[xs_fmt], &o, path, &out, &err) != 0) {
		snprintf(xs_result, sizeof xs_result, "Not exported: %s", err.msg);
		xs_failed = true;
		export_output_free(&out);
		goto out;
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
out:
	free(path);
}

static void
xs_toggle(struct tui *t, enum action a)
{
	int n = (int)tui_fw(t)->n_ecqs;
	char *path;

	switch (xs_row) {
	case XR_FORMAT:
		xs_fmt = (xs_fmt + (a == ACT_LEFT ? 2 : 1)) % 3;
		xs_format_chosen();
		break;
	case XR_DOC:
		do
			xs_doc = (xs_doc + (a == ACT_LEFT ? XD_COUNT - 1 : 1)) % XD_COUNT;
		while (!xs_doc_ok(t, xs_doc));
		path = xs_default_path(t, xs_fmt);
		xs_put_path(path);
		free(path);
		xs_result[0] = '\0';
		break;
	case XR_UNWRAP:
		xs_unwrap = !xs_unwrap;
		break;
	case XR_ASCII:
		xs_ascii = !xs_ascii;
		break;
	case XR_A4:
		xs_a4 = !xs_a4;
		break;
	case XR_ECQ:
		if (xs_doc != XD_NARRATIVE)
			break;
		/* -1 (all), 0 .. n-1 */
		xs_ecq = (xs_ecq + 1 + (a == ACT_LEFT ? n : 1)) % (n + 1) - 1;
		break;
	case XR_NOHEADER:
		xs_noheader = !xs_noheader;
		break;
	default:
		break;
	}
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
		xs_row = (xs_row + 1) % XR_COUNT;
		if (xs_row == XR_DOC && !xs_has_docs(t))
			xs_row = XR_FORMAT;
		return RD_DRAW;
	case ACT_PREV:
	case ACT_UP:
		xs_row = (xs_row + XR_COUNT - 1) % XR_COUNT;
		if (xs_row == XR_DOC && !xs_has_docs(t))
			xs_row = XR_COUNT - 1;
		return RD_DRAW;
	case ACT_ENTER:
		if (xs_row == XR_PATH || xs_row == XR_EXPORT) {
			xs_export(t);
			return RD_DRAW;
		}
		xs_toggle(t, a);
		return RD_DRAW;
	default:
		break;
	}
	if (xs_row == XR_PATH) {
		r = editor_key(xs_path, ch, keycode);
		if (r & ED_CHANGED)
			xs_path_edited();
		return r == ED_IGNORED ? RD_IGNORED : RD_DRAW;
	}
	if (a == ACT_LEFT || a == ACT_RIGHT || a == ACT_TOGGLE) {
		xs_toggle(t, a);
		return RD_DRAW;
	}
	return RD_IGNORED;
}

static int
xs_paste(struct tui *t, const char *text, size_t len)
{
	char *line;
	size_t i;

	(void)t;
	if (xs_row != XR_PATH)
		return RD_NONE;
	line = xstrndup(text, len);
	for (i = 0; i < len; i++)
		if (line[i] == '\n' || line[i] == '\r')
			line[i] = ' ';
	if (editor_paste(xs_path, line, len) & ED_CHANGED)
		xs_path_edited();
	free(line);
	return RD_DRAW;
}

static const enum action *
xs_help(const struct tui *t)
{
	static const enum action acts[] = { ACT_NEXT, ACT_LEFT, ACT_TOGGLE, ACT_ENTER, ACT_BACK,
		ACT_HELP, ACT_QUIT, ACT_NONE };

	(void)t;
	return acts;
}

const struct tui_screen screen_export = {
	"export", xs_enter, xs_leave, xs_layout, xs_draw, xs_key, xs_paste, NULL, xs_help
};
