/* SPDX-License-Identifier: MIT */
/*
 * store_schema.h: the project file's schema and its migrations, one function
 * per step, keyed on PRAGMA user_version. Used only by store.c.
 */
#ifndef ECQ_STORE_SCHEMA_H
#define ECQ_STORE_SCHEMA_H

#include <sqlite3.h>

#include "error.h"

/* Creates every table of the current schema in an empty database and sets
 * application_id and user_version. Runs inside the caller's transaction. */
int store_schema_create(sqlite3 *db, struct error *err);

/* Migrates from version `from` to STORE_SCHEMA_VERSION, step by step,
 * inside the caller's transaction. */
int store_schema_migrate(sqlite3 *db, int from, struct error *err);

/* Runs SQL with no result rows; fills err with sqlite3_errmsg on failure. */
int store_exec(sqlite3 *db, const char *sql, struct error *err);

/* Compares db's schema with the one this version makes: every table,
 * column, index, trigger and view. Returns 0 when they are the same, else
 * -1 with ERR_TAMPERED naming the first difference (path is for the
 * message). A file with a trigger could run it on every save. */
int store_schema_verify(sqlite3 *db, const char *path, struct error *err);

#endif
