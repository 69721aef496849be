/* SPDX-License-Identifier: MIT */
/*
 * store_lists.c: the project's smaller tables (its dictionary, dismissed
 * findings, ticked checklist lines, the coach's settings) and reading the
 * revisions every save keeps.
 */
#include "config.h"
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "xalloc.h"

/* One statement in its own transaction. */
static int
simple_change(struct store *st, const char *sql, int n, const char *const *args, struct error *err)
{
	if (store_begin(st, err) != 0)
		return -1;
	if (store_run(st, err, sql, n, args) != 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st, err);
}

int
store_add_word(struct store *st, const char *word, struct error *err)
{
	const char *args[1] = { word };

	if (word == NULL || *word == '\0')
		return error_set(err, ERR_USAGE, "no word given");
	return simple_change(st, "INSERT OR IGNORE INTO word(word) VALUES (?1)", 1, args, err);
}

int
store_remove_word(struct store *st, const char *word, struct error *err)
{
	const char *args[1] = { word };

	return simple_change(st, "DELETE FROM word WHERE word = ?1", 1, args, err);
}

int
store_dismiss(struct store *st, const char *rule, const char *target, const char *text,
    struct error *err)
{
	char now[32];
	const char *args[4];

	store_now_iso(now);
	args[0] = rule;
	args[1] = target ? target : "";
	args[2] = text ? text : "";
	args[3] = now;
	return simple_change(st, "INSERT OR IGNORE INTO dismissed(rule, target, text, created) "
	    "VALUES (?1, ?2, ?3, ?4)", 4, args, err);
}

int
store_undismiss(struct store *st, const char *rule, const char *target, const char *text,
    struct error *err)
{
	const char *args[3];

	args[0] = rule;
	args[1] = target ? target : "";
	args[2] = text ? text : "";
	if (store_begin(st, err) != 0)
		return -1;
	if (store_run(st, err, "DELETE FROM dismissed WHERE rule = ?1 AND target = ?2 AND text = ?3",
	    3, args) != 0) {
		store_rollback(st);
		return -1;
	}
	if (sqlite3_changes(st->db) == 0) {
		store_rollback(st);
		return error_set(err, ERR_NOTFOUND, "that finding is not dismissed in %s", st->path);
	}
	return store_commit(st, err);
}

bool
store_is_dismissed(const struct store *st, const char *rule, const char *target, const char *text)
{
	const struct project *p = st->p;
	size_t i;

	for (i = 0; i < p->n_dismissed; i++)
		if (strcmp(p->dismissed[i].rule, rule) == 0 &&
		    strcmp(p->dismissed[i].target, target ? target : "") == 0 &&
		    strcmp(p->dismissed[i].text, text ? text : "") == 0)
			return true;
	return false;
}

int
store_set_confirmed(struct store *st, const char *item, bool on, struct error *err)
{
	const char *args[1] = { item };

	return simple_change(st, on ? "INSERT OR IGNORE INTO confirmed(item) VALUES (?1)" :
	    "DELETE FROM confirmed WHERE item = ?1", 1, args, err);
}

int
store_set_setting(struct store *st, const char *key, const char *value, struct error *err)
{
	const char *args[2] = { key, value };

	if (store_begin(st, err) != 0)
		return -1;
	if (store_run(st, err, "INSERT INTO setting(key, value) VALUES (?1, ?2) "
	    "ON CONFLICT(key) DO UPDATE SET value = excluded.value", 2, args) != 0) {
		store_rollback(st);
		return -1;
	}
	/* Settings are not part of the narrative: no reload needed. */
	return store_end_change(st, false, err);
}

char *
store_get_setting(const struct store *st, const char *key)
{
	sqlite3_stmt *stmt = NULL;
	char *v = NULL;

	if (sqlite3_prepare_v2(st->db, "SELECT value FROM setting WHERE key = ?1", -1, &stmt, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		v = store_column_text(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

int
store_revisions(const struct store *st, const char *target, size_t limit,
    struct revision **out, size_t *n_out, struct error *err)
{
	sqlite3_stmt *stmt = NULL;
	struct revision *revs = NULL;
	size_t n = 0;

	*out = NULL;
	*n_out = 0;
	if (sqlite3_prepare_v2(st->db, "SELECT id, target, text, changed FROM revision "
	    "WHERE ?1 IS NULL OR target = ?1 ORDER BY id DESC LIMIT ?2", -1, &stmt, NULL) != SQLITE_OK)
		return error_set(err, ERR_INTERNAL, "%s: cannot read revisions: %s", st->path, sqlite3_errmsg(st->db));
	if (target != NULL)
		sqlite3_bind_text(stmt, 1, target, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, limit == 0 ? -1 : (sqlite3_int64)limit);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		revs = xreallocarray(revs, n + 1, sizeof *revs);
		revs[n].id = sqlite3_column_int64(stmt, 0);
		revs[n].target = store_column_text(stmt, 1);
		revs[n].text = store_column_text(stmt, 2);
		revs[n].changed = store_column_text(stmt, 3);
		n++;
	}
	sqlite3_finalize(stmt);
	*out = revs;
	*n_out = n;
	return 0;
}

int
store_revision_get(const struct store *st, int64_t id, struct revision *out, struct error *err)
{
	sqlite3_stmt *stmt = NULL;
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(st->db, "SELECT id, target, text, changed FROM revision WHERE id = ?1",
	    -1, &stmt, NULL) != SQLITE_OK)
		return error_set(err, ERR_INTERNAL, "%s: cannot read revisions: %s", st->path,
		    sqlite3_errmsg(st->db));
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		out->id = sqlite3_column_int64(stmt, 0);
		out->target = store_column_text(stmt, 1);
		out->text = store_column_text(stmt, 2);
		out->changed = store_column_text(stmt, 3);
	} else {
		rc = error_set(err, ERR_NOTFOUND, "%s keeps no revision %lld", st->path, (long long)id);
	}
	sqlite3_finalize(stmt);
	return rc;
}

void
store_revision_free(struct revision *r)
{
	free(r->target);
	free(r->text);
	free(r->changed);
	memset(r, 0, sizeof *r);
}

int
store_revision_fields(const struct store *st, struct revision_field **out, size_t *n_out,
    struct error *err)
{
	sqlite3_stmt *stmt = NULL;
	struct revision_field *r = NULL;
	size_t n = 0;

	*out = NULL;
	*n_out = 0;
	if (sqlite3_prepare_v2(st->db, "SELECT target, COUNT(*), MAX(changed) FROM revision "
	    "GROUP BY target ORDER BY MAX(id) DESC", -1, &stmt, NULL) != SQLITE_OK)
		return error_set(err, ERR_INTERNAL, "%s: cannot read revisions: %s", st->path,
		    sqlite3_errmsg(st->db));
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		r = xreallocarray(r, n + 1, sizeof *r);
		r[n].target = store_column_text(stmt, 0);
		r[n].count = (size_t)sqlite3_column_int64(stmt, 1);
		r[n].changed = store_column_text(stmt, 2);
		n++;
	}
	sqlite3_finalize(stmt);
	*out = r;
	*n_out = n;
	return 0;
}

void
store_revision_fields_free(struct revision_field *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(r[i].target);
		free(r[i].changed);
	}
	free(r);
}

void
store_revisions_free(struct revision *revs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(revs[i].target);
		free(revs[i].text);
		free(revs[i].changed);
	}
	free(revs);
}
