/* SPDX-License-Identifier: MIT */
/*
 * store_internal.h: what store.c lends store_comments.c and
 * store_resume.c, so the comment and résumé code live in their own files
 * without a second copy of the transaction rules. Not for use outside
 * src/core/store*.c.
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

/* Where one piece of text lives: its revision target, a query that reads it
 * (the keys bound as ?1, ?2) and a statement that writes it (the keys, then
 * the text and the time as the next two parameters). */
struct slot {
	char target[64];
	char get_sql[128];
	char put_sql[200];
	const char *keys[2];
	int n_keys;
};

/* One change of st: begin (a transaction, or a savepoint in a batch),
 * commit (stamps "modified" and reloads the project) or roll back. */
int store_change_begin(struct store *st, struct error *err);
int store_change_commit(struct store *st, struct error *err);
void store_change_rollback(struct store *st);
/* Saves text into a slot whose row must exist, keeping the replaced text
 * as a revision by the store's policy (its own transaction). */
int store_slot_save(struct store *st, const struct slot *s, const char *text,
    struct error *err);

/* store_resume.c: fills s for a résumé target ("example.<id>.resume",
 * "example.<id>.card", "position.<id>.<field>"; kbuf holds the id text
 * and must outlive s). Returns 0, 1 when target is none of these, or -1
 * with err. */
int store_resume_slot(const char *target, struct slot *s, char kbuf[24], struct error *err);
/* Reads the positions and each loaded example's résumé line, card and
 * position into p (after its examples are loaded). */
int store_resume_load(struct store *st, struct project *p, struct error *err);

#endif
