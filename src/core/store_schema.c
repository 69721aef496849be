/* SPDX-License-Identifier: MIT */
/*
 * store_schema.c: the schema, as SQL, and the steps from each older version.
 * Version 1 (ecqcoach 0.0.x drafts) had no example.deleted column and no
 * confirmed or setting tables; version 2 had comments without context,
 * unique ids or replies; version 3 had no résumé lines, spoken cards,
 * positions or rehearsals. ecqcoach-project(5) documents the current one.
 */
#include "config.h"
#include "store_schema.h"

#include <stdio.h>
#include <string.h>

#include "store.h"

/* The review's hand-ticked checklist lines and free-form settings: new in
 * version 2, in both the fresh schema and the step from version 1. */
#define SETTING_TABLES \
	"CREATE TABLE confirmed ("\
	"  item TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;"\
	"CREATE TABLE setting ("\
	"  key TEXT PRIMARY KEY NOT NULL,"\
	"  value TEXT NOT NULL) WITHOUT ROWID;"

/* Replies to comments: new in version 3, in both the fresh schema and the
 * step from version 2. */
#define REPLY_TABLE \
	"CREATE TABLE comment_reply ("\
	"  id INTEGER PRIMARY KEY,"\
	"  comment_id INTEGER NOT NULL REFERENCES comment(id) ON DELETE CASCADE,"\
	"  uid TEXT NOT NULL,"\
	"  author TEXT NOT NULL,"\
	"  body TEXT NOT NULL,"\
	"  created TEXT NOT NULL);"\
	"CREATE UNIQUE INDEX comment_reply_by_uid ON comment_reply(uid);"\
	"CREATE INDEX comment_reply_by_comment ON comment_reply(comment_id, id);"

/* The writer's positions (the résumé's work history) and the rehearsals
 * of spoken cards: new in version 4, in both the fresh schema and the
 * step from version 3. */
#define RESUME_TABLES \
	"CREATE TABLE position ("\
	"  id INTEGER PRIMARY KEY,"\
	"  seq INTEGER NOT NULL DEFAULT 0,"\
	"  title TEXT NOT NULL DEFAULT '',"\
	"  organization TEXT NOT NULL DEFAULT '',"\
	"  grade TEXT NOT NULL DEFAULT '',"\
	"  start_date TEXT NOT NULL DEFAULT '',"\
	"  end_date TEXT NOT NULL DEFAULT '',"\
	"  hours TEXT NOT NULL DEFAULT '',"\
	"  supervisor TEXT NOT NULL DEFAULT '',"\
	"  supervisor_phone TEXT NOT NULL DEFAULT '',"\
	"  may_contact TEXT NOT NULL DEFAULT '',"\
	"  duties TEXT NOT NULL DEFAULT '',"\
	"  deleted INTEGER NOT NULL DEFAULT 0,"\
	"  created TEXT NOT NULL,"\
	"  modified TEXT NOT NULL);"\
	"CREATE TABLE rehearsal ("\
	"  id INTEGER PRIMARY KEY,"\
	"  example_id INTEGER NOT NULL REFERENCES example(id) ON DELETE CASCADE,"\
	"  question TEXT NOT NULL DEFAULT '',"\
	"  seconds INTEGER NOT NULL CHECK (seconds >= 0),"\
	"  mark INTEGER NOT NULL DEFAULT 0,"\
	"  created TEXT NOT NULL);"\
	"CREATE INDEX rehearsal_by_example ON rehearsal(example_id, id);"

static const char schema_v4[] =
	"CREATE TABLE meta ("
	"  key TEXT PRIMARY KEY NOT NULL,"
	"  value TEXT NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE framework ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  text TEXT NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE intro ("
	"  ecq TEXT PRIMARY KEY NOT NULL,"
	"  text TEXT NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE note ("
	"  ecq TEXT NOT NULL,"
	"  question INTEGER NOT NULL CHECK (question >= 0),"
	"  text TEXT NOT NULL,"
	"  PRIMARY KEY (ecq, question)) WITHOUT ROWID;"
	"CREATE TABLE example ("
	"  id INTEGER PRIMARY KEY,"
	"  ecq TEXT NOT NULL,"
	"  position INTEGER NOT NULL,"
	"  title TEXT NOT NULL DEFAULT '',"
	"  start_date TEXT NOT NULL DEFAULT '',"
	"  end_date TEXT NOT NULL DEFAULT '',"
	"  challenge TEXT NOT NULL DEFAULT '',"
	"  context TEXT NOT NULL DEFAULT '',"
	"  action TEXT NOT NULL DEFAULT '',"
	"  result TEXT NOT NULL DEFAULT '',"
	"  deleted INTEGER NOT NULL DEFAULT 0,"
	"  created TEXT NOT NULL,"
	"  modified TEXT NOT NULL,"
	"  resume TEXT NOT NULL DEFAULT '',"
	"  card TEXT NOT NULL DEFAULT '',"
	"  position_id INTEGER REFERENCES position(id) ON DELETE SET NULL);"
	"CREATE TABLE example_competency ("
	"  example_id INTEGER NOT NULL REFERENCES example(id) ON DELETE CASCADE,"
	"  competency TEXT NOT NULL,"
	"  PRIMARY KEY (example_id, competency)) WITHOUT ROWID;"
	"CREATE TABLE revision ("
	"  id INTEGER PRIMARY KEY,"
	"  target TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  changed TEXT NOT NULL);"
	"CREATE INDEX revision_by_target ON revision(target, id);"
	"CREATE TABLE comment ("
	"  id INTEGER PRIMARY KEY,"
	"  target TEXT NOT NULL,"
	"  quote TEXT NOT NULL,"
	"  author TEXT NOT NULL,"
	"  body TEXT NOT NULL,"
	"  created TEXT NOT NULL,"
	"  resolved INTEGER NOT NULL DEFAULT 0,"
	"  uid TEXT NOT NULL DEFAULT '',"
	"  quote_offset INTEGER NOT NULL DEFAULT 0,"
	"  ctx_before TEXT NOT NULL DEFAULT '',"
	"  ctx_after TEXT NOT NULL DEFAULT '');"
	"CREATE UNIQUE INDEX comment_by_uid ON comment(uid);"
	REPLY_TABLE
	"CREATE TABLE word ("
	"  word TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE dismissed ("
	"  rule TEXT NOT NULL,"
	"  target TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  created TEXT NOT NULL,"
	"  PRIMARY KEY (rule, target, text)) WITHOUT ROWID;"
	SETTING_TABLES
	RESUME_TABLES;

/* Version 1 -> 2: soft deletion of examples (for undo), the review's
 * hand-ticked checklist lines, and free-form settings. */
static const char migrate_1_to_2[] =
	"ALTER TABLE example ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;"
	SETTING_TABLES;

/* Version 2 -> 3: comments remember the context of their quote (to find it
 * again after edits) and a unique id (so merging a reviewed copy twice
 * adds nothing twice), and have replies. Comments made before get a fresh
 * id each. */
static const char migrate_2_to_3[] =
	"ALTER TABLE comment ADD COLUMN uid TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE comment ADD COLUMN quote_offset INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE comment ADD COLUMN ctx_before TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE comment ADD COLUMN ctx_after TEXT NOT NULL DEFAULT '';"
	"UPDATE comment SET uid = lower(hex(randomblob(16)));"
	"CREATE UNIQUE INDEX comment_by_uid ON comment(uid);"
	REPLY_TABLE;

/* Version 3 -> 4: one story, three shapes. Each example gets its résumé
 * line (accomplishment statement), its spoken card and the position it is
 * listed under; the writer's positions and the rehearsal log are new. */
static const char migrate_3_to_4[] =
	RESUME_TABLES
	"ALTER TABLE example ADD COLUMN resume TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE example ADD COLUMN card TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE example ADD COLUMN position_id INTEGER "
	"  REFERENCES position(id) ON DELETE SET NULL;";

int
store_exec(sqlite3 *db, const char *sql, struct error *err)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		error_set(err, ERR_INTERNAL, "SQLite: %s", msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int
set_version(sqlite3 *db, int version, struct error *err)
{
	char sql[96];

	snprintf(sql, sizeof sql, "PRAGMA user_version = %d;", version);
	return store_exec(db, sql, err);
}

int
store_schema_create(sqlite3 *db, struct error *err)
{
	char sql[96];

	snprintf(sql, sizeof sql, "PRAGMA application_id = %d;", STORE_APPLICATION_ID);
	if (store_exec(db, sql, err) != 0 || store_exec(db, schema_v4, err) != 0)
		return -1;
	return set_version(db, STORE_SCHEMA_VERSION, err);
}

int
store_schema_migrate(sqlite3 *db, int from, struct error *err)
{
	static const char *const steps[] = {
		NULL,           /* 0: there never was a version 0 project */
		migrate_1_to_2,
		migrate_2_to_3,
		migrate_3_to_4,
	};
	int v;

	if (from < 1 || from >= STORE_SCHEMA_VERSION)
		return error_set(err, ERR_VERSION, "cannot migrate from schema version %d", from);
	for (v = from; v < STORE_SCHEMA_VERSION; v++)
		if (store_exec(db, steps[v], err) != 0)
			return -1;
	return set_version(db, STORE_SCHEMA_VERSION, err);
}

/* ---- checking a file's schema --------------------------------------------- */

/* "type name" of every schema object, or for a table each column as
 * "table.column type notnull default pk", sorted, one per line: two
 * databases with the same text have the same structure, whatever order
 * ALTER TABLE left the columns in. */
static char *
schema_signature(sqlite3 *db)
{
	static const char sql[] =
	    "SELECT type || ' ' || name FROM sqlite_schema "
	    "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
	    "UNION ALL "
	    "SELECT 'column ' || s.name || '.' || c.name || ' ' || c.type || ' ' || c.\"notnull\" "
	    "  || ' ' || IFNULL(c.dflt_value, '-') || ' ' || c.pk || ' ' || c.hidden "
	    "FROM sqlite_schema AS s, pragma_table_xinfo(s.name) AS c "
	    "WHERE s.type = 'table' AND s.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
	    "ORDER BY 1";
	sqlite3_stmt *stmt = NULL;
	char *out = NULL, *grown;
	size_t len = 0, n;
	const char *row;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		return NULL;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		row = (const char *)sqlite3_column_text(stmt, 0);
		n = row != NULL ? strlen(row) : 0;
		grown = sqlite3_realloc64(out, len + n + 2);
		if (grown == NULL) {
			sqlite3_free(out);
			out = NULL;
			break;
		}
		out = grown;
		memcpy(out + len, row != NULL ? row : "", n);
		len += n;
		out[len++] = '\n';
		out[len] = '\0';
	}
	sqlite3_finalize(stmt);
	if (out == NULL && len == 0)
		out = sqlite3_mprintf("%s", "");
	return out;
}

/* The first line of have that want lacks, into buf ("" when none). */
static void
first_extra(const char *have, const char *want, char *buf, size_t size)
{
	char *wrapped = sqlite3_mprintf("\n%s", want), *needle;
	const char *line, *eol;
	int n;

	buf[0] = '\0';
	for (line = have; wrapped != NULL && (eol = strchr(line, '\n')) != NULL; line = eol + 1) {
		n = (int)(eol - line);
		needle = sqlite3_mprintf("\n%.*s\n", n, line);
		if (needle != NULL && strstr(wrapped, needle) == NULL) {
			snprintf(buf, size, "%.*s", n, line);
			sqlite3_free(needle);
			break;
		}
		sqlite3_free(needle);
	}
	sqlite3_free(wrapped);
}

/* The signature of the schema this version makes. It depends only on the
 * SQL above, so it is built once per process (a report opens hundreds of
 * projects) and kept: a constant, not state. */
static const char *
reference_signature(struct error *err)
{
	static char *sig;
	sqlite3 *ref = NULL;
	struct error ignore;

	if (sig != NULL)
		return sig;
	if (sqlite3_open_v2(":memory:", &ref, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    store_schema_create(ref, &ignore) != 0 || (sig = schema_signature(ref)) == NULL)
		error_set(err, ERR_INTERNAL, "cannot build the reference schema: %s", sqlite3_errmsg(ref));
	sqlite3_close(ref);
	return sig;
}

/* Every row of sqlite_schema, each field in hex (so the text says exactly
 * which bytes), sorted; NULL when it cannot be read. */
static char *
schema_rows(sqlite3 *db)
{
	static const char sql[] =
	    "SELECT group_concat(r, char(10)) FROM (SELECT hex(type) || ' ' || hex(name) || ' ' || "
	    "hex(tbl_name) || ' ' || IFNULL(hex(sql), '-') AS r FROM sqlite_schema ORDER BY 1)";
	sqlite3_stmt *stmt = NULL;
	char *out = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		return NULL;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		out = sqlite3_mprintf("%s", sqlite3_column_text(stmt, 0) != NULL ?
		    (const char *)sqlite3_column_text(stmt, 0) : "");
	sqlite3_finalize(stmt);
	return out;
}

int
store_schema_verify(sqlite3 *db, const char *path, struct error *err)
{
	/* The schema rows of the last file that passed: the signature is made
	 * from these rows alone, so a file with the very same rows passes too
	 * without building it again (a report opens hundreds of projects).
	 * Kept for the process, like the reference signature. */
	static char *passed;
	const char *want;
	char *have = NULL, *rows, extra[200], *p;
	int rc = -1;

	if ((want = reference_signature(err)) == NULL)
		return -1;
	rows = schema_rows(db);
	if (rows != NULL && passed != NULL && strcmp(rows, passed) == 0) {
		sqlite3_free(rows);
		return 0;
	}
	have = schema_signature(db);
	if (have != NULL && rows != NULL && strcmp(want, have) == 0) {
		sqlite3_free(passed);
		passed = rows;
		rows = NULL;
	}
	sqlite3_free(rows);
	if (have == NULL) {
		error_set(err, ERR_FORMAT, "%s: cannot read its schema (%s)", path, sqlite3_errmsg(db));
		goto done;
	}
	if (strcmp(want, have) == 0) {
		rc = 0;
		goto done;
	}
	first_extra(have, want, extra, sizeof extra);
	if (extra[0] == '\0')
		first_extra(want, have, extra, sizeof extra);
	/* "column t.c ..." -> "column t.c"; names are shown, never obeyed */
	if (strncmp(extra, "column ", 7) == 0 && (p = strchr(extra + 7, ' ')) != NULL)
		*p = '\0';
	for (p = extra; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f)
			*p = '?';
	error_set(err, ERR_TAMPERED, "%s holds schema objects that ecqcoach did not make (%s); "
	    "it was changed outside ecqcoach, so it opens read-only", path, extra);
done:
	sqlite3_free(have);
	return rc;
}
