/* SPDX-License-Identifier: MIT */
/*
 * store_internal.h: what store.c lends store_comments.c, so the comment
 * code lives in its own file without a second copy of the transaction
 * rules. Not for use outside src/core/store*.c.
 */
#ifndef ECQ_STORE_INTERNAL_H
#define ECQ_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>

#include "error.h"
#include "project.h"
#include "store.h"

/* The store's connection. */
sqlite3 *store_sqlite(const struct store *st);
/* Whether st was opened with STORE_COMMENTS. */
bool store_comments_only(const struct store *st);
/* Begins a comment's transaction (allowed with STORE_COMMENTS). */
int store_comment_begin(struct store *st, struct error *err);
/* Commits it and reloads the project; on failure rolls back. */
int store_comment_commit(struct store *st, struct error *err);
void store_comment_rollback(struct store *st);
/* Fills err from the connection's last error; returns -1. */
int store_comment_fail(struct store *st, struct error *err, const char *what);
/* The loaded project, for refreshing its comments in place. */
struct project *store_project_mut(struct store *st);

/* Reads every comment and reply into p (whose texts are loaded) and finds
 * each comment's span in them (store_comments.c). */
int store_comments_load(struct store *st, struct project *p, struct error *err);

#endif
