/* SPDX-License-Identifier: MIT */
/*
 * comments.h: review comments as the screens and commands see them: which
 * text a comment's target names, where that is (ECQ, example, field), and
 * where its quote is in the current text (anchor.h). Reading only; changes
 * go through store.h. No I/O, no curses.
 */
#ifndef ECQ_COMMENTS_H
#define ECQ_COMMENTS_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "project.h"

/* The current text the revision target names in p, or NULL when it is
 * gone (a deleted example) or names nothing. Owned by p. */
const char *comments_target_text(const struct project *p, const char *target);

/* Where target is: *ecq (0-based, -1 when unknown), *example (0-based
 * position in its ECQ, -1 when the text is not an example's) and *field,
 * a static name: "title", "challenge", ..., "card", "résumé line" (an
 * example's shapes), "intro", "note", "candidate", "position", "résumé
 * position" (a field of the résumé's work history), "unsorted" or ""
 * when unknown. Any out pointer may be NULL. */
void comments_where(const struct project *p, const char *target, int *ecq,
    int *example, const char **field);

/* The revision target of field in ECQ ecq (0-based), example (0-based
 * position; ignored for "intro"): field is challenge, context, action,
 * result, title, start, end, intro, resume (the example's résumé line) or
 * card (its interview card). Caller frees; NULL with
 * ERR_NOTFOUND or ERR_USAGE in err. */
char *comments_target(const struct project *p, int ecq, int example, const char *field,
    struct error *err);

/* Finds the span of each of the n comments in p's current texts, setting
 * their detached, offset and length. */
void comments_anchor(const struct project *p, struct comment *c, size_t n);

/* "open", "resolved" or "detached" (a resolved comment is resolved even
 * when its text is gone). */
const char *comments_state(const struct comment *c);

/* The open (and detached) comments of ECQ ecq (-1: all) as a plain-text
 * section for printing: a heading, then each comment with where it is,
 * its quote, author, date, text and replies. markdown: Markdown list
 * items. Returns "" when there are none. Caller frees. */
char *comments_report(const struct project *p, int ecq, bool markdown);

#endif
