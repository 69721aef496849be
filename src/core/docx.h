/* SPDX-License-Identifier: MIT */
/*
 * docx.h: turns a Word (.docx, .docm) or OpenDocument (.odt) draft into the
 * plain text with light Markdown that the importer reads: headings as
 * "# ", list paragraphs as "• ", a bold run at a paragraph's start as
 * "**...**", one blank line between paragraphs. Recognises such files by
 * their content (zip with [Content_Types].xml or mimetype), refuses
 * encrypted, damaged and body-less files with a message that says what to
 * do, and never inflates or builds more than BOUNDED_DRAFT_MAX bytes.
 * Prints nothing.
 */
#ifndef ECQ_DOCX_H
#define ECQ_DOCX_H

#include <stddef.h>

#include "error.h"

enum docx_kind {
	DOCX_NONE,      /* not an office file: read it as text */
	DOCX_ZIP,       /* a zip archive: maybe .docx/.docm or .odt */
	DOCX_OLE,       /* an OLE container: a password-protected Word file or a .doc */
	DOCX_NAMED      /* no office content, but the name ends .docx/.docm/.odt */
};

/* What data[0..len) looks like, by its first bytes (and, for DOCX_NAMED
 * only, by name, which may be NULL). */
enum docx_kind docx_sniff(const char *data, size_t len, const char *name);

/* Converts the office file data[0..len) (named name in messages) into a
 * new NUL-terminated text the caller frees; *text_len excludes the NUL.
 * Returns 0, or -1 with err set (ERR_FORMAT): for a password-protected
 * file, a damaged archive or XML, a file with macros but no document
 * body, a zip that is not a text document, or an entry or text that grows
 * past BOUNDED_DRAFT_MAX (checked while inflating). *text is then NULL.
 * Reads no network resource and expands no XML entity. */
int docx_to_text(const char *data, size_t len, const char *name, char **text,
    size_t *text_len, struct error *err);

#endif
