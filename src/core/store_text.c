/* SPDX-License-Identifier: MIT */
/*
 * store_text.c: saving one piece of text (a meta value, an introduction, a
 * note, an example's field) by its revision target, in one transaction
 * that reads what the file holds first, so a save never overwrites text
 * the caller has not seen and the replaced text goes to the revisions.
 */
#include "config.h"
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistr.h>

#include "revpolicy.h"
#include "store_internal.h"
#include "xalloc.h"

/* ---- changes ------------------------------------------------------------- */

/* Refuses text that would poison every later reader of the file. */
int
store_check_text(struct store *st, const char *text, struct error *err)
{
	size_t len;

	if (text == NULL)
		return error_set(err, ERR_USAGE, "no text given");
	len = strlen(text);
	if (len > STORE_MAX_TEXT)
		return error_set(err, ERR_USAGE, "%s: a field holds at most %d KB; this text has %zu KB. "
		    "Split it or cut it", st->path, STORE_MAX_TEXT / 1024, len / 1024);
	if (u8_check((const uint8_t *)text, len) != NULL)
		return error_set(err, ERR_USAGE, "%s: refusing to save text that is not valid UTF-8", st->path);
	return 0;
}

int
store_valid_ecq(struct store *st, int ecq, struct error *err)
{
	if (ecq < 0 || (size_t)ecq >= st->p->fw->n_ecqs)
		return error_set(err, ERR_NOTFOUND, "no ECQ %d in framework %s", ecq + 1, st->p->fw->id);
	return 0;
}

/* Binds the keys (and, for a write, the text and the time) to stmt. */
static void
bind_slot(sqlite3_stmt *stmt, const struct slot *s, const char *text, const char *now)
{
	int i, n = sqlite3_bind_parameter_count(stmt);

	for (i = 0; i < s->n_keys; i++)
		sqlite3_bind_text(stmt, i + 1, s->keys[i], -1, SQLITE_STATIC);
	if (text != NULL && n > s->n_keys)
		sqlite3_bind_text(stmt, s->n_keys + 1, text, -1, SQLITE_STATIC);
	if (now != NULL && n > s->n_keys + 1)
		sqlite3_bind_text(stmt, s->n_keys + 2, now, -1, SQLITE_STATIC);
}

/* The text the file holds now (not the loaded copy: another writer may
 * have changed it), or NULL with *missing when there is no row. */
static char *
slot_read(struct store *st, const struct slot *s, bool *missing, struct error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, s->get_sql, err);
	char *text = NULL;
	int rc;

	*missing = false;
	if (stmt == NULL)
		return NULL;
	bind_slot(stmt, s, NULL, NULL);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		text = store_column_text(stmt, 0);
	else if (rc == SQLITE_DONE)
		*missing = true;
	else
		store_db_fail(st, err, "read the saved text");
	sqlite3_finalize(stmt);
	return text;
}

/* Saves text into a slot in one transaction. seen is the text the caller
 * last read from this slot (NULL: the loaded copy's, passed by the caller as
 * loaded). When the file holds something else, someone else wrote it: that
 * text is kept as a revision whatever the policy, and *conflict is set.
 * missing_ok: a slot with no row yet reads as "" (intro, note, meta). */
static int
slot_save(struct store *st, const struct slot *s, const char *seen, const char *text,
    bool missing_ok, bool *conflict, struct error *err)
{
	sqlite3_stmt *stmt;
	char *cur, now[32];
	bool missing, other;
	int rc;

	if (conflict != NULL)
		*conflict = false;
	if (store_check_text(st, text, err) != 0 || store_begin(st, err) != 0)
		return -1;
	error_clear(err);
	cur = slot_read(st, s, &missing, err);
	if (cur == NULL && missing && missing_ok)
		cur = xstrdup("");
	if (cur == NULL) {
		store_rollback(st);
		if (missing)
			return error_set(err, ERR_NOTFOUND, "%s: %s is no longer in the file", st->path, s->target);
		return -1;
	}
	if (strcmp(cur, text) == 0) {
		free(cur);
		store_rollback(st);   /* nothing to write */
		return 0;
	}
	other = seen != NULL && strcmp(cur, seen) != 0;
	if (other)
		revpolicy_reset(st->revs, s->target);
	store_now_iso(now);
	rc = store_keep_revision(st, s->target, cur,
	    other || strlen(cur) > strlen(text) + REVPOLICY_BIG_CUT, err);
	free(cur);
	if (rc == 0 && (stmt = store_prepare(st, s->put_sql, err)) != NULL) {
		bind_slot(stmt, s, text, now);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			rc = store_db_fail(st, err, "save the change");
		sqlite3_finalize(stmt);
	} else {
		rc = -1;
	}
	if (rc != 0) {
		store_rollback(st);
		return -1;
	}
	if (store_commit(st, err) != 0)
		return -1;
	if (conflict != NULL)
		*conflict = other;
	return 0;
}

static void
slot_meta(struct slot *s, const char *key)
{
	memset(s, 0, sizeof *s);
	if (strcmp(key, "unsorted") == 0)
		snprintf(s->target, sizeof s->target, "unsorted");
	else
		snprintf(s->target, sizeof s->target, "meta.%s", key);
	snprintf(s->get_sql, sizeof s->get_sql, "SELECT value FROM meta WHERE key = ?1");
	snprintf(s->put_sql, sizeof s->put_sql, "INSERT INTO meta(key, value) VALUES (?1, ?2) "
	    "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
	s->keys[0] = key;
	s->n_keys = 1;
}

static int
slot_intro(struct store *st, struct slot *s, int ecq, struct error *err)
{
	if (store_valid_ecq(st, ecq, err) != 0)
		return -1;
	memset(s, 0, sizeof *s);
	snprintf(s->target, sizeof s->target, "intro.%d", ecq + 1);
	snprintf(s->get_sql, sizeof s->get_sql, "SELECT text FROM intro WHERE ecq = ?1");
	snprintf(s->put_sql, sizeof s->put_sql, "INSERT INTO intro(ecq, text) VALUES (?1, ?2) "
	    "ON CONFLICT(ecq) DO UPDATE SET text = excluded.text");
	s->keys[0] = st->p->fw->ecqs[ecq].key;
	s->n_keys = 1;
	return 0;
}

/* qbuf holds the question number for s->keys[1]; it must outlive s. */
static int
slot_note(struct store *st, struct slot *s, int ecq, int question, char qbuf[16],
    struct error *err)
{
	if (store_valid_ecq(st, ecq, err) != 0)
		return -1;
	if (question < 0 || (size_t)question >= st->p->fw->ecqs[ecq].questions.n)
		return error_set(err, ERR_NOTFOUND, "ECQ %d has no question %d", ecq + 1, question + 1);
	memset(s, 0, sizeof *s);
	snprintf(s->target, sizeof s->target, "note.%d.%d", ecq + 1, question + 1);
	snprintf(s->get_sql, sizeof s->get_sql, "SELECT text FROM note WHERE ecq = ?1 AND question = ?2");
	snprintf(s->put_sql, sizeof s->put_sql, "INSERT INTO note(ecq, question, text) VALUES (?1, ?2, ?3) "
	    "ON CONFLICT(ecq, question) DO UPDATE SET text = excluded.text");
	snprintf(qbuf, 16, "%d", question);
	s->keys[0] = st->p->fw->ecqs[ecq].key;
	s->keys[1] = qbuf;
	s->n_keys = 2;
	return 0;
}

/* A deleted example's row is still in the file (undo brings it back), so
 * a save into it is kept rather than lost. */
static int
slot_example(struct slot *s, int64_t id, enum example_field f, char idbuf[24], struct error *err)
{
	if ((unsigned)f >= EX_FIELD_COUNT)
		return error_set(err, ERR_USAGE, "no such example field %d", (int)f);
	memset(s, 0, sizeof *s);
	snprintf(s->target, sizeof s->target, "example.%lld.%s", (long long)id, store_field_targets[f]);
	/* The column name comes from our own table, never from input. */
	snprintf(s->get_sql, sizeof s->get_sql, "SELECT %s FROM example WHERE id = ?1", store_field_columns[f]);
	snprintf(s->put_sql, sizeof s->put_sql, "UPDATE example SET %s = ?2, modified = ?3 WHERE id = ?1",
	    store_field_columns[f]);
	snprintf(idbuf, 24, "%lld", (long long)id);
	s->keys[0] = idbuf;
	s->n_keys = 1;
	return 0;
}

int
store_set_candidate(struct store *st, const char *name, struct error *err)
{
	struct slot s;

	slot_meta(&s, "candidate");
	return slot_save(st, &s, NULL, name, true, NULL, err);
}

int
store_set_position(struct store *st, const char *position, struct error *err)
{
	struct slot s;

	slot_meta(&s, "position");
	return slot_save(st, &s, NULL, position, true, NULL, err);
}

int
store_set_unsorted(struct store *st, const char *text, struct error *err)
{
	struct slot s;

	slot_meta(&s, "unsorted");
	return slot_save(st, &s, NULL, text, true, NULL, err);
}

int
store_set_intro(struct store *st, int ecq, const char *text, struct error *err)
{
	struct slot s;

	if (slot_intro(st, &s, ecq, err) != 0)
		return -1;
	return slot_save(st, &s, NULL, text, true, NULL, err);
}

int
store_set_note(struct store *st, int ecq, int question, const char *text, struct error *err)
{
	struct slot s;
	char qbuf[16];

	if (slot_note(st, &s, ecq, question, qbuf, err) != 0)
		return -1;
	return slot_save(st, &s, NULL, text, true, NULL, err);
}

char *
store_example_target(int64_t id, enum example_field f)
{
	return xasprintf("example.%lld.%s", (long long)id,
	    (unsigned)f < EX_FIELD_COUNT ? store_field_targets[f] : "?");
}

int
store_set_example_field(struct store *st, int64_t id, enum example_field f,
    const char *text, struct error *err)
{
	struct slot s;
	char idbuf[24];

	if (slot_example(&s, id, f, idbuf, err) != 0)
		return -1;
	return slot_save(st, &s, NULL, text, false, NULL, err);
}

/* Parses a revision target into its slot; the buffers hold key texts. */
static int
slot_from_target(struct store *st, const char *target, struct slot *s, char kbuf[24],
    struct error *err)
{
	long long id;
	int a, b, n = 0, f;
	char name[16];

	if (strcmp(target, "meta.candidate") == 0 || strcmp(target, "meta.position") == 0) {
		slot_meta(s, target + 5);
		return 0;
	}
	if (strcmp(target, "unsorted") == 0) {
		slot_meta(s, "unsorted");
		return 0;
	}
	if (sscanf(target, "intro.%d%n", &a, &n) == 1 && target[n] == '\0')
		return slot_intro(st, s, a - 1, err);
	if (sscanf(target, "note.%d.%d%n", &a, &b, &n) == 2 && target[n] == '\0')
		return slot_note(st, s, a - 1, b - 1, kbuf, err);
	if (sscanf(target, "example.%lld.%15[a-z]%n", &id, name, &n) == 2 && target[n] == '\0')
		for (f = 0; f < EX_FIELD_COUNT; f++)
			if (strcmp(name, store_field_targets[f]) == 0)
				return slot_example(s, (int64_t)id, (enum example_field)f, kbuf, err);
	/* résumé lines, cards and positions (store_resume.c) */
	if ((f = store_resume_slot(target, s, kbuf, err)) <= 0)
		return f;
	return error_set(err, ERR_USAGE, "no text is called '%s'", target);
}

int
store_set_text(struct store *st, const char *target, const char *seen, const char *text,
    bool *conflict, struct error *err)
{
	struct slot s;
	char kbuf[24];

	if (conflict != NULL)
		*conflict = false;
	if (slot_from_target(st, target, &s, kbuf, err) != 0)
		return -1;
	return slot_save(st, &s, seen, text, strncmp(target, "example.", 8) != 0 &&
	    strncmp(target, "position.", 9) != 0, conflict, err);
}

int
store_slot_save(struct store *st, const struct slot *s, const char *text, struct error *err)
{
	return slot_save(st, s, NULL, text, false, NULL, err);
}
