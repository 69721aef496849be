/* SPDX-License-Identifier: MIT */
/*
 * store_resume.c: the project file's résumé and interview parts (schema 4):
 * each example's résumé line and spoken card, the writer's positions, which
 * position an example is listed under, and the rehearsal log. Texts are
 * saved through store.c's slots, so they keep revisions like every other
 * text; this file holds no transaction rules of its own.
 */
#include "config.h"
#include "store.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_internal.h"
#include "xalloc.h"

/* Column names of the position table, by enum position_field. */
static const char *const position_columns[POS_FIELD_COUNT] = {
	"title", "organization", "grade", "start_date", "end_date", "hours",
	"supervisor", "supervisor_phone", "may_contact", "duties"
};

static void
now_utc(char buf[32])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static const char *
col_text(sqlite3_stmt *stmt, int col)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);

	return s != NULL ? (const char *)s : "";
}

/* ---- slots ------------------------------------------------------------- */

static void
slot_example_shape(struct slot *s, int64_t id, const char *column, char kbuf[24])
{
	memset(s, 0, sizeof *s);
	snprintf(s->target, sizeof s->target, "example.%" PRId64 ".%s", id, column);
	/* column is "resume" or "card", from this file, never from input */
	snprintf(s->get_sql, sizeof s->get_sql, "SELECT %s FROM example WHERE id = ?1", column);
	snprintf(s->put_sql, sizeof s->put_sql,
	    "UPDATE example SET %s = ?2, modified = ?3 WHERE id = ?1", column);
	snprintf(kbuf, 24, "%" PRId64, id);
	s->keys[0] = kbuf;
	s->n_keys = 1;
}

static int
slot_position(struct slot *s, int64_t id, enum position_field f, char kbuf[24],
    struct error *err)
{
	if ((unsigned)f >= POS_FIELD_COUNT)
		return error_set(err, ERR_USAGE, "no such position field %d", (int)f);
	memset(s, 0, sizeof *s);
	snprintf(s->target, sizeof s->target, "position.%" PRId64 ".%s", id,
	    project_position_field_key(f));
	snprintf(s->get_sql, sizeof s->get_sql, "SELECT %s FROM position WHERE id = ?1",
	    position_columns[f]);
	snprintf(s->put_sql, sizeof s->put_sql,
	    "UPDATE position SET %s = ?2, modified = ?3 WHERE id = ?1", position_columns[f]);
	snprintf(kbuf, 24, "%" PRId64, id);
	s->keys[0] = kbuf;
	s->n_keys = 1;
	return 0;
}

int
store_resume_slot(const char *target, struct slot *s, char kbuf[24], struct error *err)
{
	long long id;
	char name[16];
	int n = 0, f;

	if (sscanf(target, "example.%lld.%15[a-z]%n", &id, name, &n) == 2 && target[n] == '\0' &&
	    (strcmp(name, "resume") == 0 || strcmp(name, "card") == 0)) {
		slot_example_shape(s, (int64_t)id, strcmp(name, "resume") == 0 ? "resume" : "card",
		    kbuf);
		return 0;
	}
	n = 0;
	if (sscanf(target, "position.%lld.%15[a-z]%n", &id, name, &n) == 2 && target[n] == '\0' &&
	    (f = project_position_field_parse(name)) >= 0)
		return slot_position(s, (int64_t)id, (enum position_field)f, kbuf, err);
	return 1;
}

char *
store_position_target(int64_t id, enum position_field f)
{
	return xasprintf("position.%" PRId64 ".%s", id, project_position_field_key(f));
}

/* Whether a live row with this id is in table (the file, not the loaded
 * copy: inside a batch that copy lacks what the batch added). */
static bool
row_exists(struct store *st, const char *sql, int64_t id)
{
	sqlite3_stmt *stmt = NULL;
	bool found = false;

	if (sqlite3_prepare_v2(store_sqlite(st), sql, -1, &stmt, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_int64(stmt, 1, id);
	found = sqlite3_step(stmt) == SQLITE_ROW;
	sqlite3_finalize(stmt);
	return found;
}

static int
need_example(struct store *st, int64_t id, struct error *err)
{
	if (!row_exists(st, "SELECT 1 FROM example WHERE id = ?1 AND deleted = 0", id))
		return error_set(err, ERR_NOTFOUND, "no example with id %" PRId64 " in %s", id,
		    store_path(st));
	return 0;
}

static int
need_position(struct store *st, int64_t id, struct error *err)
{
	if (!row_exists(st, "SELECT 1 FROM position WHERE id = ?1 AND deleted = 0", id))
		return error_set(err, ERR_NOTFOUND, "no position with id %" PRId64 " in %s", id,
		    store_path(st));
	return 0;
}

int
store_set_example_resume(struct store *st, int64_t id, const char *text, struct error *err)
{
	struct slot s;
	char kbuf[24];

	if (need_example(st, id, err) != 0)
		return -1;
	slot_example_shape(&s, id, "resume", kbuf);
	return store_slot_save(st, &s, text, err);
}

int
store_set_example_card(struct store *st, int64_t id, const char *text, struct error *err)
{
	struct slot s;
	char kbuf[24];

	if (need_example(st, id, err) != 0)
		return -1;
	slot_example_shape(&s, id, "card", kbuf);
	return store_slot_save(st, &s, text, err);
}

int
store_set_position_field(struct store *st, int64_t id, enum position_field f,
    const char *text, struct error *err)
{
	struct slot s;
	char kbuf[24];

	if (need_position(st, id, err) != 0 || slot_position(&s, id, f, kbuf, err) != 0)
		return -1;
	return store_slot_save(st, &s, text, err);
}

/* ---- changes that are not text ----------------------------------------------- */

/* Runs sql with the given int64 and text parameters (types by the
 * letters of fmt: 'i' int64, 't' text) inside an open change. */
static int
exec_args(struct store *st, const char *sql, const char *fmt, const int64_t *ints,
    const char *const *texts, struct error *err)
{
	sqlite3 *db = store_sqlite(st);
	sqlite3_stmt *stmt = NULL;
	int i, ni = 0, nt = 0, rc;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		return store_comment_fail(st, err, "prepare a query");
	for (i = 0; fmt[i] != '\0'; i++) {
		if (fmt[i] == 'i')
			sqlite3_bind_int64(stmt, i + 1, ints[ni++]);
		else
			sqlite3_bind_text(stmt, i + 1, texts[nt++], -1, SQLITE_TRANSIENT);
	}
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_comment_fail(st, err, "save the change");
	return 0;
}

/* One statement as one change of its own. */
static int
change(struct store *st, const char *sql, const char *fmt, const int64_t *ints,
    const char *const *texts, struct error *err)
{
	if (store_change_begin(st, err) != 0)
		return -1;
	if (exec_args(st, sql, fmt, ints, texts, err) != 0) {
		store_change_rollback(st);
		return -1;
	}
	return store_change_commit(st, err);
}

int
store_add_position(struct store *st, const char *title, int64_t *id_out, struct error *err)
{
	char now[32];
	const char *texts[3];
	int64_t id;

	if (title == NULL)
		title = "";
	if (strlen(title) > STORE_MAX_TEXT)
		return error_set(err, ERR_USAGE, "%s: a title this long cannot be saved", store_path(st));
	now_utc(now);
	texts[0] = title;
	texts[1] = now;
	texts[2] = now;
	if (store_change_begin(st, err) != 0)
		return -1;
	if (exec_args(st, "INSERT INTO position(seq, title, created, modified) VALUES "
	    "((SELECT IFNULL(MAX(seq) + 1, 0) FROM position WHERE deleted = 0), ?1, ?2, ?3)",
	    "ttt", NULL, texts, err) != 0) {
		store_change_rollback(st);
		return -1;
	}
	id = sqlite3_last_insert_rowid(store_sqlite(st));
	if (store_change_commit(st, err) != 0)
		return -1;
	if (id_out != NULL)
		*id_out = id;
	return 0;
}

int
store_move_position(struct store *st, int64_t id, int seq, struct error *err)
{
	const struct project *p = store_project(st);
	int64_t *order, ints[2];
	size_t i, n = 0;
	int rc = 0;

	if (need_position(st, id, err) != 0)
		return -1;
	if (seq < 0)
		seq = 0;
	if ((size_t)seq >= p->n_positions)
		seq = (int)p->n_positions - 1;
	order = xcalloc(p->n_positions + 1, sizeof *order);
	for (i = 0; i < p->n_positions; i++) {
		if (p->positions[i].id != id)
			order[n++] = p->positions[i].id;
	}
	memmove(order + seq + 1, order + seq, (n - (size_t)seq) * sizeof *order);
	order[seq] = id;
	if (store_change_begin(st, err) != 0) {
		free(order);
		return -1;
	}
	for (i = 0; i <= n && rc == 0; i++) {
		ints[0] = (int64_t)i;
		ints[1] = order[i];
		rc = exec_args(st, "UPDATE position SET seq = ?1 WHERE id = ?2", "ii", ints, NULL, err);
	}
	free(order);
	if (rc != 0) {
		store_change_rollback(st);
		return -1;
	}
	return store_change_commit(st, err);
}

int
store_delete_position(struct store *st, int64_t id, struct error *err)
{
	if (need_position(st, id, err) != 0)
		return -1;
	return change(st, "UPDATE position SET deleted = 1 WHERE id = ?1", "i", &id, NULL, err);
}

int
store_undelete_position(struct store *st, int64_t id, struct error *err)
{
	return change(st, "UPDATE position SET deleted = 0, seq = (SELECT IFNULL(MAX(seq) + 1, 0) "
	    "FROM position WHERE deleted = 0) WHERE id = ?1", "i", &id, NULL, err);
}

int
store_link_example(struct store *st, int64_t example, int64_t position, struct error *err)
{
	int64_t ints[2];

	if (need_example(st, example, err) != 0 ||
	    (position != 0 && need_position(st, position, err) != 0))
		return -1;
	ints[0] = example;
	ints[1] = position;
	return change(st, "UPDATE example SET position_id = NULLIF(?2, 0) WHERE id = ?1", "ii",
	    ints, NULL, err);
}

int
store_add_rehearsal(struct store *st, int64_t example, const char *question, int seconds,
    int mark, struct error *err)
{
	char now[32];
	const char *texts[2];
	int64_t ints[3];

	if (need_example(st, example, err) != 0)
		return -1;
	if (seconds < 0)
		return error_set(err, ERR_USAGE, "a rehearsal cannot take %d seconds", seconds);
	now_utc(now);
	ints[0] = example;
	texts[0] = question != NULL ? question : "";
	ints[1] = seconds;
	ints[2] = mark;
	texts[1] = now;
	return change(st, "INSERT INTO rehearsal(example_id, question, seconds, mark, created) "
	    "VALUES (?1, ?2, ?3, ?4, ?5)", "itiit", ints, texts, err);
}

int
store_rehearsals(const struct store *st, int64_t example, struct rehearsal **out,
    size_t *n_out, struct error *err)
{
	sqlite3_stmt *stmt = NULL;
	struct rehearsal *r = NULL;
	size_t n = 0;

	*out = NULL;
	*n_out = 0;
	if (sqlite3_prepare_v2(store_sqlite(st), "SELECT id, example_id, question, seconds, mark, "
	    "created FROM rehearsal WHERE ?1 = 0 OR example_id = ?1 ORDER BY id", -1, &stmt,
	    NULL) != SQLITE_OK)
		return error_set(err, ERR_INTERNAL, "%s: cannot read rehearsals: %s", store_path(st),
		    sqlite3_errmsg(store_sqlite(st)));
	sqlite3_bind_int64(stmt, 1, example);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		r = xreallocarray(r, n + 1, sizeof *r);
		r[n].id = sqlite3_column_int64(stmt, 0);
		r[n].example = sqlite3_column_int64(stmt, 1);
		r[n].question = xstrdup(col_text(stmt, 2));
		r[n].seconds = sqlite3_column_int(stmt, 3);
		r[n].mark = sqlite3_column_int(stmt, 4);
		r[n].created = xstrdup(col_text(stmt, 5));
		n++;
	}
	sqlite3_finalize(stmt);
	*out = r;
	*n_out = n;
	return 0;
}

void
store_rehearsals_free(struct rehearsal *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(r[i].question);
		free(r[i].created);
	}
	free(r);
}

/* ---- loading -------------------------------------------------------------------- */

int
store_resume_load(struct store *st, struct project *p, struct error *err)
{
	sqlite3 *db = store_sqlite(st);
	sqlite3_stmt *stmt = NULL;
	struct position *pos;
	struct example *ex;
	size_t i;
	int f;

	if (sqlite3_prepare_v2(db, "SELECT id, seq, title, organization, grade, start_date, "
	    "end_date, hours, supervisor, supervisor_phone, may_contact, duties FROM position "
	    "WHERE deleted = 0 ORDER BY seq, id", -1, &stmt, NULL) != SQLITE_OK)
		return store_comment_fail(st, err, "read the positions");
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		p->positions = xreallocarray(p->positions, p->n_positions + 1, sizeof *p->positions);
		pos = &p->positions[p->n_positions];
		memset(pos, 0, sizeof *pos);
		pos->id = sqlite3_column_int64(stmt, 0);
		pos->seq = (int)p->n_positions++;       /* shown 0..n-1 */
		for (f = 0; f < POS_FIELD_COUNT; f++)
			pos->field[f] = xstrdup(col_text(stmt, 2 + f));
	}
	sqlite3_finalize(stmt);
	if (sqlite3_prepare_v2(db, "SELECT id, resume, card, IFNULL(position_id, 0) FROM example "
	    "WHERE deleted = 0", -1, &stmt, NULL) != SQLITE_OK)
		return store_comment_fail(st, err, "read the résumé lines");
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		ex = project_example_by_id(p, sqlite3_column_int64(stmt, 0));
		if (ex == NULL || ex->resume != NULL)
			continue;
		ex->resume = xstrdup(col_text(stmt, 1));
		ex->card = xstrdup(col_text(stmt, 2));
		ex->position_id = sqlite3_column_int64(stmt, 3);
		/* under a deleted position: under none until it comes back */
		if (ex->position_id != 0 && project_position_by_id(p, ex->position_id) == NULL)
			ex->position_id = 0;
	}
	sqlite3_finalize(stmt);
	for (i = 0; i < p->n_examples; i++) {
		if (p->examples[i].resume == NULL)
			p->examples[i].resume = xstrdup("");
		if (p->examples[i].card == NULL)
			p->examples[i].card = xstrdup("");
	}
	return 0;
}
