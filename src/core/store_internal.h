/* SPDX-License-Identifier: MIT */
/*
 * store_internal.h: what the store*.c files share (the struct, the SQL
 * helpers, loading and the transaction rules), so each part of the project
 * file lives in its own file without a second copy of the transaction
 * rules. Not for use outside src/core/store*.c.
 */
#ifndef ECQ_STORE_INTERNAL_H
#define ECQ_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>

#include <sys/types.h>
#include <time.h>

#include "error.h"
#include "project.h"
#include "store.h"

struct lockfile;
struct revpolicy;

/* The open project (store.h keeps it opaque to everyone else). */
struct store {
	sqlite3 *db;
	char *path;
	bool readonly;
	bool comments_only;             /* STORE_COMMENTS: no lock, comments only */
	bool comment_tx;                /* the transaction begun is a comment's */
	struct project *p;
	struct lockfile *lock;          /* the write lock; NULL when read-only */
	struct revpolicy *revs;         /* which saves keep a revision */
	time_t (*clock)(void);          /* seconds, for revpolicy only */
	dev_t dev;                      /* the file it opened, to notice a */
	ino_t ino;                      /* move, deletion or replacement */
	ino_t wal_ino, shm_ino;         /* its -wal and -shm, 0 when unknown */
	int busy_ms;                    /* sqlite3_busy_timeout */
	bool batch;                     /* inside store_batch_begin: changes are
	                                 * savepoints, st->p is not reloaded */
};

/* The example table's text columns and their revision target names, in
 * enum example_field order. */
extern const char *const store_field_columns[EX_FIELD_COUNT];
extern const char *const store_field_targets[EX_FIELD_COUNT];

/* ---- the transaction rules, shared by store*.c (store.c) ---- */
/* Now, ISO 8601 UTC, into buf. */
void store_now_iso(char buf[32]);
/* Fills err from the connection's last error ("cannot WHAT"); returns -1. */
int store_db_fail(struct store *st, struct error *err, const char *what);
/* Prepares sql (NULL with err filled on failure). */
sqlite3_stmt *store_prepare(struct store *st, const char *sql, struct error *err);
/* Binds n text arguments and runs a statement that returns no rows. */
int store_run(struct store *st, struct error *err, const char *sql, int n, const char *const *args);
/* Begins a change (a transaction, or a savepoint inside a batch) after
 * checking the handle may write and the file is still the one opened. */
int store_begin(struct store *st, struct error *err);
void store_rollback(struct store *st);
/* Ends a change: releases a batch's savepoint, or commits and (reload)
 * reads the project back. */
int store_end_change(struct store *st, bool reload, struct error *err);
/* Stamps meta.modified, commits and reloads the project. */
int store_commit(struct store *st, struct error *err);
/* Reads the file into a fresh struct project that replaces st->p (the
 * framework snapshot is parsed once and kept); on failure st->p is left
 * as it was (store_load.c). */
int store_load(struct store *st, struct error *err);
/* Keeps old as a revision of target when force or the revision policy
 * says so (revpolicy.h). */
int store_keep_revision(struct store *st, const char *target, const char *old, bool force,
    struct error *err);
/* A text column ("" for NULL), borrowed; and a copy the caller frees. */
const char *store_col_str(sqlite3_stmt *stmt, int col);
char *store_column_text(sqlite3_stmt *stmt, int col);
/* Refuses text that is not valid UTF-8 or longer than STORE_MAX_TEXT. */
int store_check_text(struct store *st, const char *text, struct error *err);
/* ERR_NOTFOUND unless ecq is an ECQ of the project's framework. */
int store_valid_ecq(struct store *st, int ecq, struct error *err);
/* The index of the ECQ with this key in fw, or -1. */
int store_ecq_index(const struct framework *fw, const char *key);
/* The loaded example with this id, or NULL with ERR_NOTFOUND. */
struct example *store_find_example(struct store *st, int64_t id, struct error *err);

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
