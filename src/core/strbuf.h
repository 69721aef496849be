/* SPDX-License-Identifier: MIT */
/* strbuf.h: a growing NUL-terminated string; aborts on exhaustion (xalloc). */
#ifndef ECQ_STRBUF_H
#define ECQ_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *s;                /* NULL until the first add; then NUL-terminated; caller frees */
	size_t len, cap;
};

/* Appends s[0..n) (n may be 0, which still makes s a valid empty string). */
void strbuf_add(struct strbuf *b, const char *s, size_t n);
/* Makes b a valid empty string (b->s never NULL after it). */
void strbuf_init(struct strbuf *b);
/* Appends a NUL-terminated string, one byte, or printf-formatted text. */
void strbuf_adds(struct strbuf *b, const char *s);
void strbuf_addc(struct strbuf *b, char c);
void strbuf_addf(struct strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
