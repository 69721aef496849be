/* SPDX-License-Identifier: MIT */
/*
 * inisrc.h: feeds INI text to libinih one line at a time so handlers know
 * the line number and whether the line continues the previous value, and
 * refuses lines longer than libinih's buffer, and section names longer
 * than it keeps, instead of letting it split or cut them. Shared by the framework and demo-project readers.
 */
#ifndef ECQ_INISRC_H
#define ECQ_INISRC_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

/* libinih's compiled-in line buffer is 200 bytes including the newline. */
#define INISRC_LINE_MAX 199
/* libinih keeps 50 bytes of a section name with its NUL and silently cuts
 * the rest; a longer name is refused instead. */
#define INISRC_SECTION_MAX 49

struct ini_src {
	const char *text;       /* borrowed */
	size_t len;
	const char *name;       /* for messages */
	struct error *err;
	size_t pos;             /* next byte to hand out */
	int lineno;             /* line the handler is called for */
	bool continuation;      /* that line starts with white space */
	bool failed;            /* an error was recorded; later ones are dropped */
	unsigned sections;      /* section headers read so far: a handler that
	                         * sees this change knows a new section began, even
	                         * one with the same name as the last */
	int section_line;       /* line of the last section header read */
};

typedef int (*ini_src_handler)(void *user, const char *section, const char *name,
    const char *value);

/* Parses src->text, calling handler like ini_parse does. Returns 0, or -1
 * with src->err set to "NAME:LINE: reason" (the first error only). */
int ini_src_run(struct ini_src *src, ini_src_handler handler, void *user);

/* Records "NAME:LINE: message" unless an error is already recorded;
 * returns 0 so a handler can `return ini_src_fail(...)`. */
int ini_src_fail(struct ini_src *src, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Appends a continuation line to *dst (reallocated): joined with a space,
 * or a paragraph break when the line is only ".". */
void ini_src_append(char **dst, const char *value);

#endif
