/* SPDX-License-Identifier: MIT */
/*
 * paths.h: where the package data (prompts/, dictionaries/) and the user's
 * own files live. Order for data: $ECQCOACH_DATADIR, then the source tree
 * when the program runs from its build tree, then the installed data dir.
 */
#ifndef ECQ_PATHS_H
#define ECQ_PATHS_H

#include <sys/types.h>

#include "error.h"

/* The directory that holds prompts/ and dictionaries/. Static storage. */
const char *paths_data_dir(void);

/* The directory that holds dictionaries/: paths_data_dir() when it has
 * one; otherwise (a coordinator's folder with only prompts/) the data that
 * came with the program, so the checks never run without word lists.
 * Static storage. */
const char *paths_dict_dir(void);

/* NULL, or a sentence for the user when paths_dict_dir() is not
 * paths_data_dir() ("DIR has no dictionaries/; using the word lists in
 * ..."). Static storage. */
const char *paths_dict_note(void);

/* A newly allocated path data_dir/rel; "dictionaries/..." is looked up in
 * paths_dict_dir(). */
char *paths_data_file(const char *rel);

/* Adds a folder of frameworks (the global option --prompts DIR), read after
 * the others so its frameworks override those with the same id. NULL
 * removes it. The string is copied. */
void paths_set_prompts(const char *dir);

struct strlist;
/* Appends to dirs the folders frameworks are read from, in order (a later
 * framework with the same id overrides an earlier one): data_dir/prompts,
 * the user's paths_user_dir()/prompts when it exists, and the --prompts
 * folder. Returns 0, or -1 with err set (ERR_USAGE) when the user's folder
 * belongs to someone else or others may write to it. */
int paths_prompt_dirs(struct strlist *dirs, struct error *err);

/* The user's data directory for ecqcoach ($XDG_DATA_HOME/ecqcoach or
 * $HOME/.local/share/ecqcoach, each only when absolute), newly allocated;
 * not created. NULL when neither is set: there is then no user data
 * directory (never a shared one such as /tmp). */
char *paths_user_dir(void);

/* Opens (flags as for open(2); O_NOFOLLOW and O_CLOEXEC are added) a file
 * of the user's own, such as the word list in paths_user_dir(), refusing
 * one that someone else could have planted: its folder must belong to the
 * user and be writable by no one else; a symbolic link is followed only
 * when the link itself is the user's; the file opened must be a regular
 * file owned by the user. Returns the descriptor, or -1 with err set:
 * ERR_NOTFOUND when the file or its folder does not exist, ERR_IO when it
 * cannot be opened, ERR_USAGE when it or its folder is refused; the
 * message says why and what to do. */
int paths_open_user_file(const char *path, int flags, mode_t mode, struct error *err);

#endif
