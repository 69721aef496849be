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

#endif
