/* SPDX-License-Identifier: MIT */
/*
 * bounded.h: the size limits on input from outside and readers that stop
 * at them. A file or stream over its limit is refused after reading at most
 * limit + 1 bytes, never read whole first, so an endless stream (`yes |`)
 * costs bounded memory and time. Every limit is documented in ecqcoach(1).
 * Prints nothing.
 */
#ifndef ECQ_BOUNDED_H
#define ECQ_BOUNDED_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "error.h"

/* A draft for check, lint or import: a whole narrative is about 5,000 words
 * (35 KB); 16 MiB holds several hundred, e.g. a cohort's drafts in one file,
 * and is still checked in seconds. */
#define BOUNDED_DRAFT_MAX ((size_t)16 * 1024 * 1024)
/* A framework .ini file: the shipped ones are under 20 KB. */
#define BOUNDED_FRAMEWORK_MAX ((size_t)1024 * 1024)
/* A word list (the files in dictionaries/, the user's and a project's word files):
 * the shipped ones are under 10 KB, a full hunspell dictionary is ~600 KB. */
#define BOUNDED_WORDLIST_MAX ((size_t)8 * 1024 * 1024)

/* Reads all of f into a new NUL-terminated buffer the caller frees (*len
 * excludes the NUL). Stops as soon as more than max bytes arrive: then
 * fails with ERR_FORMAT "NAME is larger than the limit of N MiB for WHAT"
 * without reading the rest. A read error is ERR_IO. name and what are for
 * the message only. Returns 0 or -1 with err set (*out is then NULL). */
int bounded_read(FILE *f, const char *name, const char *what, size_t max,
    char **out, size_t *len, struct error *err);

/* Like getline(3), but *used counts every byte read from f so far and a
 * line that would take it past max is not read on: returns -2 then (and
 * *line holds a truncated line). Returns the line's length, or -1 at the
 * end of f or on a read error (see ferror). *line and *cap as for getline. */
ssize_t bounded_getline(char **line, size_t *cap, FILE *f, size_t *used, size_t max);

/* Sets err to the over-limit message used by both readers. Returns -1. */
int bounded_too_big(struct error *err, const char *name, const char *what, size_t max);

#endif
