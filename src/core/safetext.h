/* SPDX-License-Identifier: MIT */
/*
 * safetext.h: the one definition of which characters read from a file
 * (project, framework, draft, word list) may reach a terminal or a
 * document, and the filters that enforce it. Core prints nothing: the
 * command line and the coach pass every such string through these before
 * writing it anywhere a terminal might read it.
 */
#ifndef ECQ_SAFETEXT_H
#define ECQ_SAFETEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What the terminal filter shows in place of an unsafe character or of
 * each byte of invalid UTF-8. */
#define SAFETEXT_PLACEHOLDER '?'

/* Flags for safetext_terminal. */
enum {
	SAFETEXT_ONE_LINE = 1,  /* newline and tab are unsafe too (error messages) */
	SAFETEXT_ASCII = 2      /* every non-ASCII character too (a terminal
	                         * whose locale is not UTF-8) */
};

/* True for a character never sent to a terminal raw: C0 controls (newline
 * and tab included: callers decide about those), DEL, C1 controls
 * U+0080..U+009F, the line and paragraph separators U+2028/U+2029, and the
 * bidi embeddings, overrides and isolates U+202A..U+202E, U+2066..U+2069. */
bool safetext_unsafe(uint32_t uc);

/* s[0..n) for a terminal: each unsafe character (newline and tab kept
 * unless SAFETEXT_ONE_LINE) and each byte of invalid UTF-8 becomes one
 * SAFETEXT_PLACEHOLDER; NUL bytes too. Returns a new NUL-terminated string
 * the caller frees; *len_out (may be NULL) gets its length. */
char *safetext_terminal(const char *s, size_t n, unsigned flags, size_t *len_out);

/* s[0..n) for a text or Markdown document: C0 controls other than newline
 * and tab, DEL and C1 controls are dropped (a CR of a CRLF too), each byte
 * of invalid UTF-8 becomes U+FFFD; everything else, bidi marks included,
 * is kept. Returns a new NUL-terminated string; *len_out may be NULL. */
char *safetext_document(const char *s, size_t n, size_t *len_out);

#endif
