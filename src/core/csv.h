/* SPDX-License-Identifier: MIT */
/*
 * csv.h: reading comma-separated values as spreadsheets export them
 * (RFC 4180 and its common variants): a UTF-8 byte order mark, CRLF, LF or
 * CR line ends, quoted fields holding commas, quotes ("") and line breaks.
 * Input may be hostile: every size has a limit the caller chooses, and a
 * broken record is marked with the reason and its line so the caller can
 * report it and go on. Prints nothing.
 */
#ifndef ECQ_CSV_H
#define ECQ_CSV_H

#include <stddef.h>

#include "error.h"

struct csv_limits {
	size_t max_bytes;       /* the whole input; 0: no limit */
	size_t max_records;     /* records, header included; 0: no limit */
	size_t max_fields;      /* fields in one record; 0: no limit */
	size_t max_field_bytes; /* bytes in one field; 0: no limit */
};

struct csv_record {
	size_t line;            /* 1-based line where the record starts */
	char **fields;          /* [n] NUL-terminated; NULL when error is set */
	size_t n;
	char *error;            /* why the record is unusable, or NULL */
};

struct csv_table {
	struct csv_record *records;     /* in input order; blank lines are skipped */
	size_t n;
};

/* Parses data[0..len) into *out (the caller frees it with csv_table_free).
 * A record holding a NUL byte, invalid UTF-8, a field over the limit, too
 * many fields or text after a closing quote is kept with ->error set (for
 * example "a field is longer than 4096 bytes") and its line. Returns 0, or
 * -1 with err set (ERR_FORMAT, naming the line) and *out empty when the
 * input as a whole cannot be read: over max_bytes or max_records, or a
 * quote opened on some line and never closed. name is for messages. */
int csv_parse(const char *name, const char *data, size_t len,
    const struct csv_limits *lim, struct csv_table *out, struct error *err);

/* Reads the file at path (at most lim->max_bytes, see bounded.h) and
 * parses it as csv_parse does. */
int csv_read_file(const char *path, const struct csv_limits *lim,
    struct csv_table *out, struct error *err);

/* Frees everything in t and empties it; accepts an empty table. */
void csv_table_free(struct csv_table *t);

#endif
