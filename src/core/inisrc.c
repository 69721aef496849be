/* SPDX-License-Identifier: MIT */
/* inisrc.c: the line reader behind every INI file we parse; see inisrc.h. */
#include "config.h"
#include "inisrc.h"

#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* The ini_reader: returns one line of src->text per call, like fgets. */
static char *
reader(char *buf, int size, void *stream)
{
	struct ini_src *src = stream;
	size_t start = src->pos, end, n, i = 0;

	if (src->pos >= src->len)
		return NULL;
	end = start;
	while (end < src->len && src->text[end] != '\n')
		end++;
	n = end - start;
	if (n > 0 && src->text[end - 1] == '\r')
		n--;    /* files edited on Windows */
	src->lineno++;
	src->continuation = n > 0 && (src->text[start] == ' ' || src->text[start] == '\t');
	while (start + i < end && (src->text[start + i] == ' ' || src->text[start + i] == '\t'))
		i++;
	if (start + i < end && src->text[start + i] == '[') {
		const char *name = src->text + start + i + 1;
		const char *close = memchr(name, ']', end - (start + i + 1));

		src->sections++;
		src->section_line = src->lineno;
		if (close != NULL && (size_t)(close - name) > INISRC_SECTION_MAX)
			ini_src_fail(src, "section name is longer than %d bytes", INISRC_SECTION_MAX);
	}
	if (n > INISRC_LINE_MAX || n + 2 > (size_t)size) {
		ini_src_fail(src, "line is longer than %d bytes; continue the value on an indented line",
		    INISRC_LINE_MAX);
		n = 0;  /* hand libinih an empty line so its count stays right */
	}
	memcpy(buf, src->text + start, n);
	buf[n] = '\n';
	buf[n + 1] = '\0';
	src->pos = end < src->len ? end + 1 : end;
	return buf;
}

int
ini_src_fail(struct ini_src *src, const char *fmt, ...)
{
	char what[768];
	va_list ap;

	if (!src->failed) {
		va_start(ap, fmt);
		vsnprintf(what, sizeof what, fmt, ap);
		va_end(ap);
		error_set(src->err, ERR_FORMAT, "%s:%d: %s", src->name, src->lineno, what);
	}
	src->failed = true;
	return 0;
}

int
ini_src_run(struct ini_src *src, ini_src_handler handler, void *user)
{
	int rc;

	if (memchr(src->text, '\0', src->len) != NULL)
		return error_set(src->err, ERR_FORMAT, "%s: contains a NUL byte; is it a text file?", src->name);
	rc = ini_parse_stream(reader, src, handler, user);
	if (src->failed)
		return -1;
	if (rc != 0)
		return error_set(src->err, ERR_FORMAT,
		    "%s:%d: not a valid INI line (expected [section], key = value, or a comment)",
		    src->name, rc > 0 ? rc : src->lineno);
	return 0;
}

void
ini_src_append(char **dst, const char *value)
{
	char *old = *dst;

	if (strcmp(value, ".") == 0)
		*dst = xasprintf("%s\n", old);
	else if (*old == '\0' || old[strlen(old) - 1] == '\n')
		*dst = xasprintf("%s%s", old, value);
	else
		*dst = xasprintf("%s %s", old, value);
	free(old);
}
