/* SPDX-License-Identifier: MIT */
/*
 * anchor.h: finding a quoted span of text again after the text around it
 * was edited. A review comment keeps the span it quotes, a little context
 * on each side and where it was; anchor_find() looks for it in the current
 * text: exactly (the best-fitting occurrence when there are several), else
 * approximately (a quote with a few words changed), else not at all (the
 * comment is then shown as detached, with its old quote). No I/O.
 */
#ifndef ECQ_ANCHOR_H
#define ECQ_ANCHOR_H

#include <stdbool.h>
#include <stddef.h>

/* Bytes of context kept on each side of a quote (cut to whole characters). */
#define ANCHOR_CONTEXT 40

/* What a comment remembers of its span. Pointers are borrowed. */
struct anchor {
	const char *quote;      /* the span as it was quoted; "" for the whole field */
	const char *before;     /* up to ANCHOR_CONTEXT bytes before it; may be "" */
	const char *after;      /* up to ANCHOR_CONTEXT bytes after it; may be "" */
	size_t offset;          /* byte offset where it was */
};

/* Looks for a's span in text (UTF-8). Returns true with the span's byte
 * offset and length in *off and *len, on character boundaries; false when
 * nothing close enough is left (the quote was deleted or rewritten). An
 * approximate match may differ from the quote by at most a third of its
 * length in edits; quotes under 6 bytes only match exactly. An empty quote
 * always matches at 0 with length 0. */
bool anchor_find(const char *text, const struct anchor *a, size_t *off, size_t *len);

/* The context on each side of text[off, off + len): up to ANCHOR_CONTEXT
 * bytes, cut to whole characters. The caller frees *before and *after.
 * off and len are clamped to the text. */
void anchor_context(const char *text, size_t off, size_t len, char **before, char **after);

#endif
