/* SPDX-License-Identifier: MIT */
/*
 * linecol.h: line and column of byte offsets in a text, for reports that
 * print many findings. One pass over the text records a checkpoint every
 * LINECOL_STEP bytes; each lookup is then a binary search plus a scan of
 * at most one step, whatever the order of the lookups, so a 10 MB line
 * with 100,000 findings costs about as much as reading it twice.
 * Counts as text_line_col does: lines split at '\n', one column per
 * character, one per byte of invalid UTF-8. Prints nothing.
 */
#ifndef ECQ_LINECOL_H
#define ECQ_LINECOL_H

#include <stddef.h>

struct linecol;

/* Indexes text[0..len); the text must outlive the index and not change.
 * Never returns NULL (allocation failure aborts, see xalloc.h). */
struct linecol *linecol_new(const char *text, size_t len);

/* 1-based *line and *col of byte offset off (clamped to the length), the
 * same as text_line_col(text, len, off, line, col). Either may be NULL. */
void linecol_find(const struct linecol *lc, size_t off, size_t *line, size_t *col);

/* The indexed text and its length. */
const char *linecol_text(const struct linecol *lc);
size_t linecol_len(const struct linecol *lc);

/* Frees lc; NULL is allowed. */
void linecol_free(struct linecol *lc);

#endif
