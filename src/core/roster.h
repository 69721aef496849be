/* SPDX-License-Identifier: MIT */
/*
 * roster.h: a cohort's roster (a CSV table with a header row: name,
 * optional e-mail, position and user) as a list of participants, each
 * with a safe, unique file name made from the person's name. A bad row is
 * kept with its line and the reason, so `cohort init` can report it and go
 * on. Prints nothing; creates no file.
 */
#ifndef ECQ_ROSTER_H
#define ECQ_ROSTER_H

#include <stddef.h>

#include "csv.h"
#include "error.h"

/* The limits a roster is read with: a cohort is 10 to 30 people. */
#define ROSTER_MAX_ROWS 1000
#define ROSTER_MAX_FIELD 1000
#define ROSTER_MAX_BYTES ((size_t)1024 * 1024)

struct roster_person {
	size_t line;            /* 1-based line of the row in the CSV file */
	char *name;             /* trimmed; NULL when error is set */
	char *email;            /* "" when not given */
	char *position;         /* "" when not given */
	char *user;             /* login name, "" when not given */
	char *slug;             /* file name stem: ASCII, [a-z0-9-], unique */
	char *error;            /* why the row is skipped, or NULL */
};

struct roster {
	struct roster_person *people;   /* in roster order */
	size_t n;
	int has_user;           /* the header has a user column */
};

/* The limits above as csv_limits. */
void roster_csv_limits(struct csv_limits *lim);

/* Reads the participants of t (parsed from the file name, for messages).
 * The header's names are matched case-insensitively: "name" (or "full
 * name"; or "first name" and "last name"), "email"/"e-mail", "position",
 * "user"/"login". fold (may be NULL) is an export_fold table for the file
 * names. Returns 0, or -1 with err set (ERR_FORMAT) when the table has no
 * header or no name column. Free with roster_free. */
struct export_fold;
int roster_read(const struct csv_table *t, const char *name,
    const struct export_fold *fold, struct roster *out, struct error *err);
void roster_free(struct roster *r);

/* A file name stem for a person's name: folded to ASCII, lower case, runs
 * of anything but letters and digits as one '-', no leading or trailing
 * '-', at most 60 characters; "participant" when nothing is left. Never
 * holds '/', never starts with '.'. Caller frees. */
char *roster_slug(const struct export_fold *fold, const char *name);

#endif
