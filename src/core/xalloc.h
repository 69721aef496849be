/* SPDX-License-Identifier: MIT */
/*
 * xalloc.h: allocation that never returns NULL. On exhaustion it runs the
 * hook a front end registered (the TUI restores the terminal and says
 * whether anything typed was unsaved), prints "out of memory" and aborts.
 * It claims nothing about saved work itself: in the CLI there is none.
 */
#ifndef ECQ_XALLOC_H
#define ECQ_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
/* Grows p to n elements of size each, checking n * size for overflow. */
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Returns a newly allocated formatted string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Registers a function run before abort() on allocation failure. It must
 * not allocate; it returns one more sentence for the message (e.g. what
 * became of the user's work) or NULL. */
void xalloc_set_fail_hook(const char *(*hook)(void));

#endif
