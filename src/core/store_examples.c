/* SPDX-License-Identifier: MIT */
/*
 * store_examples.c: adding, moving, deleting and bringing back examples,
 * and the competencies they show. Deleting only marks an example, so its
 * text stays in the file and undo brings it back where it was.
 */
#include "config.h"
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "xalloc.h"

struct example *
store_find_example(struct store *st, int64_t id, struct error *err)
{
	struct example *e = project_example_by_id(st->p, id);

	if (e == NULL)
		error_set(err, ERR_NOTFOUND, "no example with id %lld in %s", (long long)id, st->path);
	return e;
}

/* Renumbers the live examples of an ECQ 0..n-1 in the given order. */
static int
renumber(struct store *st, const char *ecq_key, int64_t moved, int moved_pos, struct error *err)
{
	sqlite3_stmt *sel, *upd;
	int pos = 0, rc = 0;
	int64_t id;

	sel = store_prepare(st, "SELECT id FROM example WHERE ecq = ?1 AND deleted = 0 AND id != ?2 "
	    "ORDER BY position, id", err);
	if (sel == NULL)
		return -1;
	upd = store_prepare(st, "UPDATE example SET position = ?1 WHERE id = ?2", err);
	if (upd == NULL) {
		sqlite3_finalize(sel);
		return -1;
	}
	sqlite3_bind_text(sel, 1, ecq_key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(sel, 2, moved);
	while (rc == 0 && sqlite3_step(sel) == SQLITE_ROW) {
		id = sqlite3_column_int64(sel, 0);
		if (pos == moved_pos)
			pos++;  /* leave the moved example's place free */
		sqlite3_bind_int(upd, 1, pos++);
		sqlite3_bind_int64(upd, 2, id);
		if (sqlite3_step(upd) != SQLITE_DONE)
			rc = store_db_fail(st, err, "reorder examples");
		sqlite3_reset(upd);
	}
	if (rc == 0 && moved >= 0) {
		if (moved_pos > pos)
			moved_pos = pos;
		sqlite3_bind_int(upd, 1, moved_pos);
		sqlite3_bind_int64(upd, 2, moved);
		if (sqlite3_step(upd) != SQLITE_DONE)
			rc = store_db_fail(st, err, "reorder examples");
	}
	sqlite3_finalize(sel);
	sqlite3_finalize(upd);
	return rc;
}

int
store_add_example(struct store *st, int ecq, const char *title, int64_t *id_out,
    struct error *err)
{
	sqlite3_stmt *stmt;
	char now[32];
	int64_t id;

	if (store_valid_ecq(st, ecq, err) != 0 || store_begin(st, err) != 0)
		return -1;
	store_now_iso(now);
	stmt = store_prepare(st, "INSERT INTO example(ecq, position, title, created, modified) "
	    "VALUES (?1, (SELECT COALESCE(MAX(position) + 1, 0) FROM example WHERE ecq = ?1 AND deleted = 0), "
	    "?2, ?3, ?3)", err);
	if (stmt == NULL) {
		store_rollback(st);
		return -1;
	}
	sqlite3_bind_text(stmt, 1, st->p->fw->ecqs[ecq].key, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, title ? title : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, now, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		store_db_fail(st, err, "add an example");
		sqlite3_finalize(stmt);
		store_rollback(st);
		return -1;
	}
	sqlite3_finalize(stmt);
	id = sqlite3_last_insert_rowid(st->db);
	if (store_commit(st, err) != 0)
		return -1;
	if (id_out != NULL)
		*id_out = id;
	return 0;
}

int
store_move_example(struct store *st, int64_t id, int position, struct error *err)
{
	struct example *e = store_find_example(st, id, err);

	if (e == NULL || store_begin(st, err) != 0)
		return -1;
	if (renumber(st, st->p->fw->ecqs[e->ecq].key, id, position < 0 ? 0 : position, err) != 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st, err);
}

static int
set_deleted(struct store *st, int64_t id, int deleted, struct error *err)
{
	sqlite3_stmt *stmt;
	const unsigned char *key;
	char *ecq_key = NULL, now[32];
	int changed, old_pos = 0;

	if (store_begin(st, err) != 0)
		return -1;
	/* modified records when it was deleted, for the list of deleted examples */
	stmt = store_prepare(st, "UPDATE example SET deleted = ?1, modified = ?3 WHERE id = ?2 "
	    "AND deleted != ?1 RETURNING ecq, position", err);
	if (stmt == NULL) {
		store_rollback(st);
		return -1;
	}
	store_now_iso(now);
	sqlite3_bind_int(stmt, 1, deleted);
	sqlite3_bind_int64(stmt, 2, id);
	sqlite3_bind_text(stmt, 3, now, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		key = sqlite3_column_text(stmt, 0);
		ecq_key = xstrdup(key ? (const char *)key : "");
		old_pos = sqlite3_column_int(stmt, 1);
	}
	sqlite3_finalize(stmt);
	changed = ecq_key != NULL;
	if (!changed) {
		store_rollback(st);
		return error_set(err, ERR_NOTFOUND, "no %s example with id %lld in %s",
		    deleted ? "live" : "deleted", (long long)id, st->path);
	}
	/* An undeleted example goes back to where it was, others close up. */
	if (renumber(st, ecq_key, deleted ? -1 : id, deleted ? -1 : old_pos, err) != 0) {
		free(ecq_key);
		store_rollback(st);
		return -1;
	}
	free(ecq_key);
	return store_commit(st, err);
}

int
store_delete_example(struct store *st, int64_t id, struct error *err)
{
	return set_deleted(st, id, 1, err);
}

int
store_undelete_example(struct store *st, int64_t id, struct error *err)
{
	return set_deleted(st, id, 0, err);
}

/* True when a live example with this id is in the file. */
static bool
example_exists(struct store *st, const char *idbuf, struct error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT 1 FROM example WHERE id = ?1 AND deleted = 0", err);
	bool found;

	if (stmt == NULL)
		return false;
	sqlite3_bind_text(stmt, 1, idbuf, -1, SQLITE_STATIC);
	found = sqlite3_step(stmt) == SQLITE_ROW;
	sqlite3_finalize(stmt);
	if (!found)
		error_set(err, ERR_NOTFOUND, "no example with id %s in %s", idbuf, st->path);
	return found;
}

int
store_deleted_examples(const struct store *st, struct deleted_example **out, size_t *n_out,
    struct error *err)
{
	sqlite3_stmt *stmt = NULL;
	struct deleted_example *d = NULL;
	size_t n = 0;

	*out = NULL;
	*n_out = 0;
	if (sqlite3_prepare_v2(st->db, "SELECT id, ecq, title, modified, challenge || context || "
	    "action || result FROM example WHERE deleted != 0 ORDER BY modified DESC, id DESC",
	    -1, &stmt, NULL) != SQLITE_OK)
		return error_set(err, ERR_INTERNAL, "%s: cannot read the deleted examples: %s",
		    st->path, sqlite3_errmsg(st->db));
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		const unsigned char *key = sqlite3_column_text(stmt, 1);

		d = xreallocarray(d, n + 1, sizeof *d);
		d[n].id = sqlite3_column_int64(stmt, 0);
		d[n].ecq = store_ecq_index(st->p->fw, key ? (const char *)key : "");
		d[n].title = store_column_text(stmt, 2);
		d[n].deleted = store_column_text(stmt, 3);
		d[n].has_text = sqlite3_column_bytes(stmt, 4) > 0;
		n++;
	}
	sqlite3_finalize(stmt);
	*out = d;
	*n_out = n;
	return 0;
}

void
store_deleted_examples_free(struct deleted_example *d, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(d[i].title);
		free(d[i].deleted);
	}
	free(d);
}

int
store_set_example_competencies(struct store *st, int64_t id, const struct strlist *names,
    struct error *err)
{
	char idbuf[24];
	const char *args[2];
	size_t i;

	/* Inside a batch st->p may not hold the example yet: ask the file. */
	if (!st->batch && store_find_example(st, id, err) == NULL)
		return -1;
	if (store_begin(st, err) != 0)
		return -1;
	snprintf(idbuf, sizeof idbuf, "%lld", (long long)id);
	args[0] = idbuf;
	if (st->batch && !example_exists(st, idbuf, err))
		goto fail;
	if (store_run(st, err, "DELETE FROM example_competency WHERE example_id = ?1", 1, args) != 0)
		goto fail;
	for (i = 0; i < names->n; i++) {
		args[1] = names->items[i];
		if (store_run(st, err, "INSERT OR IGNORE INTO example_competency(example_id, competency) "
		    "VALUES (?1, ?2)", 2, args) != 0)
			goto fail;
	}
	return store_commit(st, err);
fail:
	store_rollback(st);
	return -1;
}
