/* SPDX-License-Identifier: MIT */
/*
 * reportcache.h: the report's result cache. `ecqcoach report` keeps each
 * project's row in $XDG_CACHE_HOME/ecqcoach/report/ (or ~/.cache/...), one
 * small file per project, keyed on the project's real path, its device,
 * inode, size and modification time (and those of its -wal journal, where a
 * writer's recent saves wait), and a fingerprint of everything else the row
 * depends on: this ecqcoach, the word lists, the hunspell dictionary, the
 * user's word file and the options. A project that has not changed is not opened again. Folders are
 * created 0700 and must be the user's own and writable by no one else; no
 * symbolic link is followed inside them, and entries are written to a new
 * file and renamed into place. Prints nothing.
 */
#ifndef ECQ_REPORTCACHE_H
#define ECQ_REPORTCACHE_H

#include <stdbool.h>
#include <sys/stat.h>

#include "error.h"

struct report_row;
struct report_cache;

/* What a cached row was made from; taken before the project is read. */
struct report_cache_key {
	bool ok;                /* false: this file is not cached */
	char *text;             /* the key line, or NULL */
	char *entry;            /* the entry's file name in the cache folder */
};

/* Opens (creating it 0700 when missing) the cache folder for rows made
 * under fingerprint (copied). Fails with ERR_USAGE when the folder or one
 * of ecqcoach/ and report/ is a symbolic link, someone else's, or writable
 * by others, with ERR_NOTFOUND when there is no cache home (neither
 * XDG_CACHE_HOME nor HOME is an absolute path), and ERR_IO when it cannot
 * be made; the message names the folder. */
int report_cache_open(const char *fingerprint, struct report_cache **out, struct error *err);
void report_cache_close(struct report_cache *rc);

/* The fingerprint of what rows depend on besides the project: this
 * program's version and executable, the word lists in paths_dict_dir(),
 * the hunspell dictionary, the user's word file, and flags (the caller's
 * options, e.g. "c1s1p0").
 * Newly allocated. */
char *report_cache_fingerprint(const char *flags);

/* Fills *key for the project at path (stat of it and of its -wal). Free
 * with report_cache_key_free. */
void report_cache_key_make(const struct report_cache *rc, const char *path,
    struct report_cache_key *key);
void report_cache_key_free(struct report_cache_key *key);

/* Fills *row (path set to path) from the entry for key and returns true;
 * false (row untouched) when there is none or it does not match. */
bool report_cache_get(struct report_cache *rc, const struct report_cache_key *key,
    const char *path, struct report_row *row);

/* Stores row under key, unless the row is an error (which may pass), the
 * project changed since key was made, or it changed in the last two
 * seconds (a save within the file system's time resolution could hide).
 * Failures are ignored: the cache only saves time. */
void report_cache_put(struct report_cache *rc, const struct report_cache_key *key,
    const char *path, const struct report_row *row);

#endif
