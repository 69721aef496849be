/* SPDX-License-Identifier: MIT */
/* strbuf.c: the growing string behind the draft reader and importer. */
#include "config.h"
#include "strbuf.h"

#include <string.h>

#include "xalloc.h"

void
strbuf_add(struct strbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}
