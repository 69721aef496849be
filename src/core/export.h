/* SPDX-License-Identifier: MIT */
/*
 * export.h: the finished narrative as PDF (drawn from layout.h, so its pages
 * are the meter's pages), plain text and Markdown, all from the same blocks
 * (layout_blocks_build) in the same order. Files are written to a temporary
 * file in the target folder and renamed: a failure (unwritable folder, full
 * disk, missing font) leaves no partial file and the old one untouched.
 * Nothing here prints.
 */
#ifndef ECQ_EXPORT_H
#define ECQ_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "layout.h"
#include "project.h"

enum export_format { EXPORT_PDF, EXPORT_TEXT, EXPORT_MARKDOWN };

#define EXPORT_DEFAULT_WIDTH 72

struct export_options {
	struct layout_options layout;   /* paper, font, ECQ, labels, page per ECQ */
	int width;              /* text: wrap column; 0: one line per paragraph */
	bool ascii;             /* text, Markdown: fold quotes, dashes, ellipses
	                         * and the rest to ASCII */
	const char *fold_table; /* path of the fold table; NULL:
	                         * dictionaries/ascii-fold.txt in the data dir */
	bool force;             /* allow replacing a file that is a SQLite
	                         * database (a project, most likely) */
	const char *protect;    /* a path never to replace (the input project);
	                         * may be NULL */
	const char *creator;    /* PDF Creator ("ecqcoach 0.1.0"); may be NULL */
	bool comments;          /* text, Markdown: add the open review comments
	                         * at the end (the PDF never has them) */
	bool no_header;         /* no name and position: PDF page header, text
	                         * and Markdown lines above the narrative */
};

/* Defaults: layout defaults, width 72, no folding, no force. */
void export_options_init(struct export_options *o);

/* "pdf", "text"/"txt", "markdown"/"md" (case-insensitive); -1 when unknown. */
int export_format_parse(const char *s);
/* The format a file name asks for by its extension (.pdf, .txt/.text,
 * .md/.markdown); -1 when none. */
int export_format_from_path(const char *path);

struct export_output {
	char *data;             /* the file's bytes (text is NUL-terminated too) */
	size_t len;
	int pages;              /* PDF: pages written; 0 for text and Markdown */
	char *warning;          /* e.g. a font substituted; NULL if none */
};

void export_output_free(struct export_output *out);

/* Renders p in format fmt under o into *out (caller frees with
 * export_output_free). c may be NULL. PDF fails with ERR_NOTFOUND when the
 * font is not installed (a PDF in another font would not have the pages
 * the meter shows). --ascii needs the fold table: ERR_IO when unreadable. */
int export_render(struct layout_cache *c, const struct project *p,
    enum export_format fmt, const struct export_options *o,
    struct export_output *out, struct error *err);

/* Writes data to path atomically: a temporary file in path's folder,
 * flushed to disk, then renamed over path (keeping an existing file's
 * permissions). Non-regular targets (/dev/stdout, a FIFO) are written in
 * place. Refuses a directory, o->protect (the same file), and, unless
 * o->force, a file that is a SQLite database. ERR_IO or ERR_USAGE with
 * "nothing was written" on failure; no temporary file is left behind. */
int export_write_file(const char *path, const void *data, size_t len,
    const struct export_options *o, struct error *err);

/* export_render then export_write_file; out (may be NULL) gets pages and
 * warning. */
int export_file(struct layout_cache *c, const struct project *p,
    enum export_format fmt, const struct export_options *o, const char *path,
    struct export_output *out, struct error *err);

/* Draws every page of r (laid out already) into a PDF in out, with this
 * metadata and header (NULL: none). For other documents laid out by
 * layout.h (the résumé). */
int export_pdf_draw(const struct layout_result *r, const char *title, const char *author,
    const char *subject, const char *creator, const char *header_left,
    const char *header_right, struct export_output *out, struct error *err);
/* The same for n documents (n >= 1) one after the other in one PDF, each
 * from a page of its own (the interview cards, two to a page); the page
 * size is rs[0]'s. */
int export_pdf_draw_many(const struct layout_result *rs, size_t n, const char *title,
    const char *author, const char *subject, const char *creator, const char *header_left,
    const char *header_right, struct export_output *out, struct error *err);
/* -1 with ERR_NOTFOUND when r was laid out in another font than font
 * (NULL: the default) because font is not installed; else 0. */
int export_font_refused(const struct layout_result *r, const char *font, struct error *err);

/* Loads the fold table (lines "U+XXXX<TAB>replacement", '#' comments).
 * Returns an opaque table or NULL with err set. */
struct export_fold;
struct export_fold *export_fold_load(const char *path, struct error *err);
void export_fold_free(struct export_fold *f);
/* Folds UTF-8 s to ASCII: the table first, then compatibility decomposition
 * without accents, then '?'. Returns a new string. */
char *export_fold_ascii(const struct export_fold *f, const char *s);

/* Wraps one paragraph at width columns (display width); returns a new
 * string of lines joined by '\n' with no trailing newline. width <= 0
 * returns a copy. */
char *export_wrap(const char *s, int width);

#endif
