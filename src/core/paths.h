/* SPDX-License-Identifier: MIT */
/*
 * paths.h: where the package data (prompts/, dictionaries/) and the user's
 * own files live. Order for data: $ECQCOACH_DATADIR, then the source tree
 * when the program runs from its build tree, then the installed data dir.
 */
#ifndef ECQ_PATHS_H
#define ECQ_PATHS_H

/* The directory that holds prompts/ and dictionaries/. Static storage. */
const char *paths_data_dir(void);

/* A newly allocated path data_dir/rel. */
char *paths_data_file(const char *rel);

/* The user's data directory for ecqcoach ($XDG_DATA_HOME/ecqcoach or
 * ~/.local/share/ecqcoach), newly allocated; not created. */
char *paths_user_dir(void);

#endif
