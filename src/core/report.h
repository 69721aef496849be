/* SPDX-License-Identifier: MIT */
/*
 * report.h: the coordinator's roll-up of a cohort (`ecqcoach report`). Each
 * project is opened read-only (STORE_READONLY: it never waits for nor
 * blocks a coach writing it), summed up into one small row and closed, so
 * memory stays flat in the number of files. A file that cannot be read is
 * a row with the reason. The rows are laid out as a text table here, for
 * both the command line and the full-screen view. Prints nothing.
 */
#ifndef ECQ_REPORT_H
#define ECQ_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

struct checker;
struct report_cache;

#define REPORT_MAX_ECQS 8       /* columns kept per row; frameworks have 5 */

struct report_row {
	char *path;             /* the file as found */
	char *error;            /* why it could not be read, or NULL */
	char *name;             /* the candidate, or the file's name when unset */
	char *framework;        /* framework id */
	char *plan;             /* setting plan.name, or NULL */
	int plan_step;          /* setting plan.step, or -1 */
	size_t n_ecqs;
	size_t examples[REPORT_MAX_ECQS];
	size_t words[REPORT_MAX_ECQS];
	size_t total_examples, total_words;
	int pages;              /* laid-out pages, or -1 when not counted */
	bool have_findings;
	size_t findings[3];     /* by enum severity */
	size_t open_comments;
	char *modified;         /* ISO 8601 UTC of the last change */
	/* the stories' other shapes (shapes.h): whether the framework asks
	 * for them, and how many examples have one */
	bool asks_resume, asks_cards;
	size_t resume_lines, cards;
	size_t resume_of, cards_of;     /* the examples they are counted among
	                                 * (0 when not asked for) */
};

/* The version of report_row_encode's text: a cached row of another
 * version is read again from its project. */
#define REPORT_ROW_FORMAT 2

struct report_options {
	bool pages;             /* lay out each project (slower) */
	bool findings;          /* run the checks (needs a checker) */
	struct report_cache *cache; /* rows kept from earlier runs (borrowed), or NULL */
};

enum report_sort { REPORT_SORT_NAME, REPORT_SORT_FILE, REPORT_SORT_EDITED,
	REPORT_SORT_WORDS, REPORT_SORT_FINDINGS, REPORT_SORT_STEP };

/* Parses a --sort key (name, file, edited, words, findings, step); -1
 * when unknown. */
int report_sort_parse(const char *s);

/* The project files named by args[0..n): a file as given, a folder as
 * the *.ecq files in it and in its subfolders one level down (where
 * `cohort init` puts a project owned by its participant), sorted. *out is
 * a NULL-terminated list the caller frees with report_paths_free. A
 * folder that cannot be listed fails with ERR_IO. */
int report_paths(char *const *args, size_t n, char ***out, size_t *n_out,
    struct error *err);
void report_paths_free(char **paths);

/* Reads the project at path into *row (the caller frees it with
 * report_row_free). ck (borrowed; may be NULL without o->findings) runs
 * the checks as `check` does. With o->cache, an unchanged project's row
 * comes from the cache and a new row is stored there. Never fails: a
 * problem is row->error. */
void report_row_read(struct checker *ck, const char *path,
    const struct report_options *o, struct report_row *row);
void report_row_free(struct report_row *row);

/* Reads paths[0..n) into rows[0..n) as report_row_read does. Projects not
 * in o->cache are shared among up to jobs reader processes (forked, so
 * they share ck; each sends its rows back through a pipe); jobs <= 1 reads
 * them here. A reader that dies leaves the row it was reading with the
 * reason; its other rows are read here. */
void report_read_all(struct checker *ck, char *const *paths, size_t n,
    const struct report_options *o, int jobs, struct report_row *rows);

/* The row, all but its path, as text (newly allocated): what the cache
 * keeps and what a reader process sends. */
char *report_row_encode(const struct report_row *row);
/* Fills *row from report_row_encode's text s, with path (copied) as its
 * path. Returns 0, or -1 (row emptied) when s is not such text. */
int report_row_decode(const char *s, const char *path, struct report_row *row);

/* Sorts rows by key (then by name and file); unreadable files go last. */
void report_sort(struct report_row *rows, size_t n, enum report_sort key);

/* The totals over rows that could be read, in the shape of a row
 * (name "TOTAL"; pages -1 unless every row has them). Free with
 * report_row_free. *n_read gets how many rows could be read. */
void report_totals(const struct report_row *rows, size_t n, struct report_row *total,
    size_t *n_read);

/* The text table of rows and total: a header line, one line per row, the
 * total. Control characters are shown as '?'. Returns a NULL-terminated
 * list of lines (no newlines) the caller frees with report_lines_free. */
char **report_lines(const struct report_row *rows, size_t n, const struct report_row *total);
void report_lines_free(char **lines);

#endif
