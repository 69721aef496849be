/* SPDX-License-Identifier: MIT */
/* bounded.c: readers that refuse input over a limit while reading it. */
#include "config.h"
#include "bounded.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

int
bounded_too_big(struct error *err, const char *name, const char *what, size_t max)
{
	if (max >= 1024 * 1024)
		return error_set(err, ERR_FORMAT, "%s is larger than the limit of %zu MiB for %s; "
		    "nothing past the limit was read", name, max >> 20, what);
	if (max >= 1024)
		return error_set(err, ERR_FORMAT, "%s is larger than the limit of %zu KiB for %s; "
		    "nothing past the limit was read", name, max >> 10, what);
	return error_set(err, ERR_FORMAT, "%s is larger than the limit of %zu bytes for %s; "
	    "nothing past the limit was read", name, max, what);
}

int
bounded_read(FILE *f, const char *name, const char *what, size_t max, char **out,
    size_t *len, struct error *err)
{
	size_t cap = max + 2 < 65536 ? max + 2 : 65536, n = 0, got;
	char *buf = xmalloc(cap);

	*out = NULL;
	*len = 0;
	for (;;) {
		if (n == cap - 1) {
			if (n > max)
				break;
			cap = cap * 2 < max + 2 ? cap * 2 : max + 2;
			buf = xrealloc(buf, cap);
		}
		/* Never asks for more than max + 1 bytes in all. */
		got = fread(buf + n, 1, cap - 1 - n, f);
		n += got;
		if (got == 0 || n > max)
			break;
	}
	if (n > max) {
		free(buf);
		return bounded_too_big(err, name, what, max);
	}
	if (ferror(f)) {
		int e = errno;

		free(buf);
		return error_set(err, ERR_IO, "cannot read %s: %s", name, strerror(e != 0 ? e : EIO));
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

ssize_t
bounded_getline(char **line, size_t *cap, FILE *f, size_t *used, size_t max)
{
	size_t n = 0;
	int c;

	if (*line == NULL || *cap < 2) {
		*cap = 128;
		*line = xrealloc(*line, *cap);
	}
	while ((c = getc(f)) != EOF) {
		if (*used >= max) {
			(*line)[n] = '\0';
			return -2;
		}
		(*used)++;
		if (n + 1 >= *cap) {
			*cap *= 2;
			*line = xrealloc(*line, *cap);
		}
		(*line)[n++] = (char)c;
		if (c == '\n')
			break;
	}
	(*line)[n] = '\0';
	return n == 0 ? -1 : (ssize_t)n;
}
