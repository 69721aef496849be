/* SPDX-License-Identifier: MIT */
/*
 * rescue.h: rescue files, the last place typed text goes when the project
 * file cannot take it (a full disk, an I/O error) and the coach must stop.
 * A rescue file is plain UTF-8 text a person can read, and ecqcoach reads
 * it back byte for byte: each entry's text is preceded by its length, so no
 * line of it can be mistaken for a header. This module writes, reads, finds
 * and applies rescue files; it prints nothing.
 *
 * Where: beside the project (PROJECT.rescue, then PROJECT.rescue-2, ...),
 * or when that folder cannot take it, in the state folder
 * ($XDG_STATE_HOME/ecqcoach or ~/.local/state/ecqcoach). A rescue file is
 * created 0600 and never replaces anything; once applied it is renamed to
 * NAME.used (never deleted).
 */
#ifndef ECQ_RESCUE_H
#define ECQ_RESCUE_H

#include <stddef.h>

#include "error.h"
#include "project.h"
#include "store.h"

/* The largest rescue file read back, in bytes. */
#define RESCUE_MAX_FILE (64 * 1024 * 1024)

struct rescue_entry {
	char *target;           /* revision target, e.g. "example.7.action" */
	char *label;            /* for people: "ECQ 1 (Leading Change), ..." */
	char *text;             /* the text, NUL-terminated */
	size_t len;             /* its length in bytes */
};

struct rescue {
	char *project;          /* absolute path of the project it belongs to */
	char *time;             /* when it was written, ISO 8601 UTC */
	struct rescue_entry *entries;
	size_t n;
};

/* Starts an empty rescue for project (copied; made absolute when the file
 * exists) stamped with the current time. */
void rescue_init(struct rescue *r, const char *project);
/* Appends a copy of one field's text. A label with line breaks gets spaces
 * instead; a target must be a revision target (see store.h). */
void rescue_add(struct rescue *r, const char *target, const char *label,
    const char *text, size_t len);
/* Frees what r holds (not r itself); accepts a zeroed struct. */
void rescue_free(struct rescue *r);

/* A label for a revision target of project p, e.g.
 * "ECQ 1 (Leading Change), example 2 \"Budget\", Action"; caller frees.
 * Falls back to the target itself when p does not know it. */
char *rescue_label(const struct project *p, const char *target);

/* The rescue file's text; caller frees, *len_out gets its length. */
char *rescue_format(const struct rescue *r, size_t *len_out);
/* Parses a rescue file's text into *out (caller frees with rescue_free).
 * Refuses (ERR_FORMAT, naming what and where) anything but the exact
 * format, invalid UTF-8 in labels and texts, and NUL bytes. name is used
 * in messages. */
int rescue_parse(const char *buf, size_t len, const char *name,
    struct rescue *out, struct error *err);

/* Writes r to a new rescue file beside r->project, or in the state folder
 * when that fails; never follows a symbolic link nor replaces a file.
 * Stores the path written (caller frees) in *path_out. ERR_IO names both
 * places and why each failed. */
int rescue_write(const struct rescue *r, char **path_out, struct error *err);

/* Reads and parses a rescue file (at most RESCUE_MAX_FILE bytes). */
int rescue_read(const char *path, struct rescue *out, struct error *err);

/* The rescue files not yet applied for the project at project_path: those
 * beside it and those in the state folder that name it; newest first.
 * *paths_out gets a NULL-terminated array (free with rescue_paths_free),
 * *n_out its length. Folders that cannot be read are skipped. */
int rescue_list(const char *project_path, char ***paths_out, size_t *n_out,
    struct error *err);
void rescue_paths_free(char **paths);

/* Puts every entry of r back into the project through the store, so the
 * text each replaces becomes a revision. An entry whose place no longer
 * exists (a deleted example) is appended, under its label, to the
 * project's unsorted text. *placed_out (may be NULL) gets the number of
 * entries put in their own place, *unsorted_out (may be NULL) the number
 * put in the unsorted text. Stops at the first store error. */
int rescue_apply(struct store *st, const struct rescue *r, size_t *placed_out,
    size_t *unsorted_out, struct error *err);

/* Marks an applied rescue file used by renaming it to PATH.used (or
 * PATH.used-2, ...: never replacing a file). *new_path_out (may be NULL)
 * gets the new name; caller frees. */
int rescue_mark_used(const char *path, char **new_path_out, struct error *err);

/* The state folder for rescue files ($XDG_STATE_HOME/ecqcoach, else
 * $HOME/.local/state/ecqcoach), or NULL when neither variable gives an
 * absolute path; newly allocated; not created. */
char *rescue_state_dir(void);

#endif
