/* SPDX-License-Identifier: MIT */
/*
 * store_schema.c: the schema, as SQL, and the steps from each older version.
 * Version 1 (ecqcoach 0.0.x drafts) had no example.deleted column and no
 * confirmed or setting tables. ecqcoach-project(5) documents the current one.
 */
#include "config.h"
#include "store_schema.h"

#include <stdio.h>

#include "store.h"

static const char schema_v2[] =
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
	"  modified TEXT NOT NULL);"
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
	"  resolved INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE word ("
	"  word TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE dismissed ("
	"  rule TEXT NOT NULL,"
	"  target TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  created TEXT NOT NULL,"
	"  PRIMARY KEY (rule, target, text)) WITHOUT ROWID;"
	"CREATE TABLE confirmed ("
	"  item TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE setting ("
	"  key TEXT PRIMARY KEY NOT NULL,"
	"  value TEXT NOT NULL) WITHOUT ROWID;";

/* Version 1 -> 2: soft deletion of examples (for undo), the review's
 * hand-ticked checklist lines, and free-form settings. */
static const char migrate_1_to_2[] =
	"ALTER TABLE example ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;"
	"CREATE TABLE confirmed ("
	"  item TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE setting ("
	"  key TEXT PRIMARY KEY NOT NULL,"
	"  value TEXT NOT NULL) WITHOUT ROWID;";

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
	if (store_exec(db, sql, err) != 0 || store_exec(db, schema_v2, err) != 0)
		return -1;
	return set_version(db, STORE_SCHEMA_VERSION, err);
}

int
store_schema_migrate(sqlite3 *db, int from, struct error *err)
{
	static const char *const steps[] = {
		NULL,           /* 0: there never was a version 0 project */
		migrate_1_to_2,
	};
	int v;

	if (from < 1 || from >= STORE_SCHEMA_VERSION)
		return error_set(err, ERR_VERSION, "cannot migrate from schema version %d", from);
	for (v = from; v < STORE_SCHEMA_VERSION; v++)
		if (store_exec(db, steps[v], err) != 0)
			return -1;
	return set_version(db, STORE_SCHEMA_VERSION, err);
}
