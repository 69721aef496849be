/* SPDX-License-Identifier: MIT */
/*
 * store_tx.c: the transaction rules of the project file: every change is
 * one transaction (or, inside a batch, one savepoint) that checks the file
 * is still the one opened, stamps the project modified, reloads it, and
 * keeps the replaced text as a revision when the policy says so; and the
 * same rules lent to comments and résumé texts (store_internal.h).
 */
#include "config.h"
#include "store.h"

#include <sqlite3.h>
#include <stdbool.h>

#include "revpolicy.h"
#include "store_internal.h"

/* Starts one change: a transaction, or inside a batch a savepoint, so a
 * change that fails undoes only itself. */
int
store_begin(struct store *st, struct error *err)
{
	if (st->readonly)
		return error_set(err, ERR_USAGE, "%s is open read-only", st->path);
	if (st->comments_only && !st->comment_tx)
		return error_set(err, ERR_USAGE, "%s is open for comments only; its text cannot "
		    "change here", st->path);
	if (st->batch)
		return sqlite3_exec(st->db, "SAVEPOINT one_change", NULL, NULL, NULL) == SQLITE_OK ? 0 :
		    store_db_fail(st, err, "start a change");
	if (store_check_file(st, err) != 0)
		return -1;
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return store_db_fail(st, err, "start a transaction (is another ecqcoach using it?)");
	return 0;
}

void
store_rollback(struct store *st)
{
	if (st->batch)
		sqlite3_exec(st->db, "ROLLBACK TO one_change; RELEASE one_change", NULL, NULL, NULL);
	else
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Ends one change. Inside a batch it only releases the savepoint (the
 * batch commits and reloads once); else it commits and, when reload, reads
 * the project back into st->p. */
int
store_end_change(struct store *st, bool reload, struct error *err)
{
	if (st->batch) {
		if (sqlite3_exec(st->db, "RELEASE one_change", NULL, NULL, NULL) == SQLITE_OK)
			return 0;
		store_db_fail(st, err, "save the change");
		store_rollback(st);
		return -1;
	}
	if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		store_db_fail(st, err, "commit the change");
		store_rollback(st);
		return -1;
	}
	return reload ? store_load(st, err) : 0;
}

/* Stamps the project modified, commits and reloads the in-memory copy. */
int
store_commit(struct store *st, struct error *err)
{
	char now[32];
	const char *args[1];

	store_now_iso(now);
	args[0] = now;
	/* "modified" is when the text last changed: a comment is not that. */
	if (!st->comment_tx && store_run(st, err, "INSERT INTO meta(key, value) VALUES ('modified', ?1) "
	    "ON CONFLICT(key) DO UPDATE SET value = excluded.value", 1, args) != 0) {
		store_rollback(st);
		return -1;
	}
	return store_end_change(st, true, err);
}

int
store_batch_begin(struct store *st, struct error *err)
{
	if (st->batch)
		return error_set(err, ERR_USAGE, "%s: a batch of changes is already open", st->path);
	if (store_begin(st, err) != 0)
		return -1;
	st->batch = true;
	return 0;
}

int
store_batch_commit(struct store *st, struct error *err)
{
	if (!st->batch)
		return error_set(err, ERR_USAGE, "%s: no batch of changes is open", st->path);
	st->batch = false;
	return store_commit(st, err);
}

bool
store_in_batch(const struct store *st)
{
	return st->batch;
}

void
store_batch_rollback(struct store *st)
{
	if (!st->batch)
		return;
	st->batch = false;
	store_rollback(st);
}

/* Keeps old as a revision of target: always when force (someone else's
 * text), else when the revision policy says this save starts a burst or is
 * a checkpoint (see revpolicy.h). */
int
store_keep_revision(struct store *st, const char *target, const char *old, bool force,
    struct error *err)
{
	char now[32];
	const char *args[3];
	bool keep = revpolicy_keep(st->revs, target, st->clock());

	if (old == NULL || *old == '\0')
		return 0;       /* nothing was there to lose */
	if (!keep && !force)
		return 0;       /* the text before this burst is kept already */
	store_now_iso(now);
	args[0] = target;
	args[1] = old;
	args[2] = now;
	return store_run(st, err, "INSERT INTO revision(target, text, changed) VALUES (?1, ?2, ?3)", 3, args);
}

/* ---- for store_comments.c (store_internal.h) ----------------------------- */

int
store_comment_begin(struct store *st, struct error *err)
{
	int rc;

	st->comment_tx = true;
	rc = store_begin(st, err);
	if (rc != 0)
		st->comment_tx = false;
	return rc;
}

int
store_comment_commit(struct store *st, struct error *err)
{
	int rc = store_commit(st, err);

	st->comment_tx = false;
	return rc;
}

void
store_comment_rollback(struct store *st)
{
	store_rollback(st);
	st->comment_tx = false;
}

int
store_comment_fail(struct store *st, struct error *err, const char *what)
{
	return store_db_fail(st, err, what);
}

/* ---- for store_resume.c (store_internal.h) -------------------------------- */

int
store_change_begin(struct store *st, struct error *err)
{
	return store_begin(st, err);
}

int
store_change_commit(struct store *st, struct error *err)
{
	return store_commit(st, err);
}

void
store_change_rollback(struct store *st)
{
	store_rollback(st);
}
