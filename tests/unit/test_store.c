/* SPDX-License-Identifier: MIT */
/*
 * test_store.c: the project file. Round trips of every table through a
 * close and reopen, revision history, undoable deletion, migration from
 * schema 1, and refusal of files that are not projects.
 */
#include "config.h"

#include "testutil.h"

#include <sqlite3.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "framework.h"
#include "store.h"
#include "store_schema.h"
#include "xalloc.h"

static const char fw_text[] =
	"[framework]\nid = t\ntitle = Test\n"
	"[ecq:one]\ntitle = One\ndefinition = Def one\ncompetency = A\ncompetency = B\n"
	"question = Why?\nquestion = How?\n"
	"[ecq:two]\ntitle = Two\ndefinition = Def two\n";

struct fx {
	char *dir;
	char path[4200];
	struct framework *fw;
};

static int
setup(void **state)
{
	struct fx *fx = calloc(1, sizeof *fx);
	struct error err;

	fx->dir = test_tmpdir();
	snprintf(fx->path, sizeof fx->path, "%s/p.ecq", fx->dir);
	if (framework_parse(fw_text, strlen(fw_text), "t.ini", &fx->fw, &err) != 0)
		fail_msg("%s", err.msg);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;

	framework_free(fx->fw);
	test_rmdir(fx->dir);
	free(fx);
	return 0;
}

static struct store *
create(struct fx *fx)
{
	struct store *st;
	struct error err;

	if (store_create(fx->path, fx->fw, "Pat Doe", &st, &err) != 0)
		fail_msg("%s", err.msg);
	return st;
}

static struct store *
reopen(struct fx *fx, struct store *st, int flags)
{
	struct error err;

	store_close(st);
	if (store_open(fx->path, flags, &st, &err) != 0)
		fail_msg("%s", err.msg);
	return st;
}
/* A clock that moves two minutes on every reading. */
static time_t
minutes_clock(void)
{
	static time_t t;

	return t += 120;
}

static void
round_trip__every_table_survives_reopen(void **state)
{
	struct fx *fx = *state;
	struct store *st = create(fx);
	const struct project *p;
	struct strlist comps = { NULL, 0 };
	struct error err;
	int64_t id, cid;
	char *v;

	assert_int_equal(store_set_position(st, "Director, ES-2024-01", &err), 0);
	assert_int_equal(store_set_intro(st, 0, "My intro, with “curly” quotes.", &err), 0);
	assert_int_equal(store_set_note(st, 0, 1, "By listening.", &err), 0);
	assert_int_equal(store_add_example(st, 0, "Grants", &id, &err), 0);
	assert_int_equal(store_set_example_field(st, id, EX_START, "2021-03", &err), 0);
	assert_int_equal(store_set_example_field(st, id, EX_END, "present", &err), 0);
	assert_int_equal(store_set_example_field(st, id, EX_ACTION, "I led 12 people.", &err), 0);
	strlist_push(&comps, "B");
	strlist_push(&comps, "A");
	assert_int_equal(store_set_example_competencies(st, id, &comps, &err), 0);
	strlist_free(&comps);
	assert_int_equal(store_add_word(st, "FedRAMP", &err), 0);
	assert_int_equal(store_dismiss(st, "passive", "example.1.action", "was led", &err), 0);
	assert_int_equal(store_add_comment(st, "example.1.action", "12 people", SIZE_MAX, "Rev", "How many?", &cid, &err), 0);
	assert_int_equal(store_resolve_comment(st, cid, true, &err), 0);
	assert_int_equal(store_set_confirmed(st, "Examples are relevant", true, &err), 0);
	assert_int_equal(store_set_setting(st, "screen", "dashboard", &err), 0);
	assert_int_equal(store_set_unsorted(st, "stray line", &err), 0);

	st = reopen(fx, st, STORE_READONLY);
	p = store_project(st);
	assert_string_equal(p->candidate, "Pat Doe");
	assert_string_equal(p->position, "Director, ES-2024-01");
	assert_string_equal(p->fw->id, "t");
	assert_string_equal(p->intro[0], "My intro, with “curly” quotes.");
	assert_string_equal(p->intro[1], "");
	assert_string_equal(p->notes[0][1], "By listening.");
	assert_string_equal(p->notes[0][0], "");
	assert_int_equal(p->n_examples, 1);
	assert_string_equal(p->examples[0].field[EX_TITLE], "Grants");
	assert_string_equal(p->examples[0].field[EX_END], "present");
	assert_string_equal(p->examples[0].field[EX_ACTION], "I led 12 people.");
	assert_string_equal(p->examples[0].field[EX_RESULT], "");
	assert_int_equal(p->examples[0].competencies.n, 2);
	assert_true(strlist_contains(&p->examples[0].competencies, "A"));
	assert_true(strlist_contains(&p->words, "FedRAMP"));
	assert_true(store_is_dismissed(st, "passive", "example.1.action", "was led"));
	assert_false(store_is_dismissed(st, "passive", "example.1.action", "was made"));
	assert_int_equal(p->n_comments, 1);
	assert_string_equal(p->comments[0].body, "How many?");
	assert_int_equal(p->comments[0].resolved, 1);
	assert_true(strlist_contains(&p->confirmed, "Examples are relevant"));
	assert_string_equal(p->unsorted, "stray line");
	v = store_get_setting(st, "screen");
	assert_string_equal(v, "dashboard");
	free(v);
	assert_null(store_get_setting(st, "nothing"));
	/* Read-only handles refuse changes. */
	assert_int_equal(store_set_intro(st, 0, "x", &err), -1);
	assert_int_equal(err.code, ERR_USAGE);
	store_close(st);
}

static void
revisions__every_replaced_text_is_kept(void **state)
{
	struct fx *fx = *state;
	struct store *st = create(fx);
	struct revision *revs;
	struct error err;
	size_t n;
	int64_t id;

	/* Saves a minute apart are separate bursts (test_store_safety covers
	 * the saves of one burst). */
	store_set_clock(st, minutes_clock);
	assert_int_equal(store_add_example(st, 1, "", &id, &err), 0);
	assert_int_equal(store_set_example_field(st, id, EX_RESULT, "first", &err), 0);
	assert_int_equal(store_set_example_field(st, id, EX_RESULT, "second", &err), 0);
	assert_int_equal(store_set_example_field(st, id, EX_RESULT, "second", &err), 0);
	assert_int_equal(store_set_example_field(st, id, EX_RESULT, "", &err), 0);
	st = reopen(fx, st, 0);
	char *target = store_example_target(id, EX_RESULT);
	assert_int_equal(store_revisions(st, target, 0, &revs, &n, &err), 0);
	/* Newest first; the unchanged save and the empty start add nothing. */
	assert_int_equal(n, 2);
	assert_string_equal(revs[0].text, "second");
	assert_string_equal(revs[1].text, "first");
	assert_string_equal(revs[0].target, target);
	store_revisions_free(revs, n);
	assert_int_equal(store_revisions(st, NULL, 1, &revs, &n, &err), 0);
	assert_int_equal(n, 1);
	store_revisions_free(revs, n);
	free(target);
	store_close(st);
}

static void
examples__reorder_delete_and_undelete(void **state)
{
	struct fx *fx = *state;
	struct store *st = create(fx);
	const struct project *p;
	struct error err;
	int64_t a, b, c;

	assert_int_equal(store_add_example(st, 0, "A", &a, &err), 0);
	assert_int_equal(store_add_example(st, 0, "B", &b, &err), 0);
	assert_int_equal(store_add_example(st, 0, "C", &c, &err), 0);
	assert_int_equal(store_move_example(st, c, 0, &err), 0);
	p = store_project(st);
	assert_string_equal(project_example_at(p, 0, 0)->field[EX_TITLE], "C");
	assert_string_equal(project_example_at(p, 0, 1)->field[EX_TITLE], "A");
	assert_string_equal(project_example_at(p, 0, 2)->field[EX_TITLE], "B");
	assert_int_equal(store_delete_example(st, a, &err), 0);
	p = store_project(st);
	assert_int_equal(project_count_examples(p, 0), 2);
	assert_string_equal(project_example_at(p, 0, 1)->field[EX_TITLE], "B");
	assert_int_equal(store_delete_example(st, a, &err), -1);
	assert_int_equal(err.code, ERR_NOTFOUND);
	st = reopen(fx, st, 0);
	assert_int_equal(store_undelete_example(st, a, &err), 0);
	p = store_project(st);
	assert_int_equal(project_count_examples(p, 0), 3);
	assert_string_equal(project_example_at(p, 0, 1)->field[EX_TITLE], "A");
	assert_int_equal(store_set_example_field(st, 999, EX_TITLE, "x", &err), -1);
	assert_int_equal(err.code, ERR_NOTFOUND);
	assert_int_equal(store_add_example(st, 7, "x", NULL, &err), -1);
	assert_int_equal(store_set_note(st, 0, 5, "x", &err), -1);
	store_close(st);
}

static void
create__refuses_an_existing_file(void **state)
{
	struct fx *fx = *state;
	struct store *st;
	struct error err;

	test_write_file(fx->path, "keep me", 7);
	assert_int_equal(store_create(fx->path, fx->fw, "", &st, &err), -1);
	assert_non_null(strstr(err.msg, "already exists"));
	/* And the file is untouched. */
	FILE *f = fopen(fx->path, "rb");
	char buf[16] = { 0 };
	assert_int_equal(fread(buf, 1, sizeof buf, f), 7);
	fclose(f);
	assert_string_equal(buf, "keep me");
}

static void
text__invalid_utf8_is_refused_and_nothing_changes(void **state)
{
	struct fx *fx = *state;
	struct store *st = create(fx);
	struct error err;

	assert_int_equal(store_set_intro(st, 0, "ok", &err), 0);
	assert_int_equal(store_set_intro(st, 0, "bad \xc3\x28", &err), -1);
	assert_int_equal(err.code, ERR_USAGE);
	assert_string_equal(store_project(st)->intro[0], "ok");
	store_close(st);
}

static void
closed_file__is_self_contained(void **state)
{
	struct fx *fx = *state;
	struct store *st = create(fx);
	char wal[4300];
	struct stat sb;
	sqlite3 *db;
	sqlite3_stmt *s;

	store_close(st);
	snprintf(wal, sizeof wal, "%s-wal", fx->path);
	assert_int_not_equal(stat(wal, &sb), 0);
	assert_int_equal(sqlite3_open_v2(fx->path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "delete");
	sqlite3_finalize(s);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA application_id", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), STORE_APPLICATION_ID);
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/* Builds a SQLite file from SQL. */
static void
make_db(const char *path, const char *sql)
{
	sqlite3 *db;
	char *msg = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s", msg);
	sqlite3_close(db);
}

static char *
read_fixture(const char *name)
{
	char path[4096];
	FILE *f;
	char *buf = calloc(1, 1 << 16);

	snprintf(path, sizeof path, "%s/tests/fixtures/%s", test_srcdir(), name);
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_true(fread(buf, 1, (1 << 16) - 1, f) > 0);
	fclose(f);
	return buf;
}

/* The schema version written in a file. */
static int
file_version(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *q;
	int v = -1;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	sqlite3_close(db);
	return v;
}

static void
migrate__schema1_is_upgraded_with_a_backup(void **state)
{
	struct fx *fx = *state;
	char *sql = read_fixture("schema-v1.sql"), bak[4300];
	const struct project *p;
	struct store *st;
	struct error err;
	struct stat sb;
	int64_t id;
	sqlite3 *db;

	make_db(fx->path, sql);
	free(sql);
	/* Read-only opening reads it as converted, but leaves the file as it is. */
	assert_int_equal(store_open(fx->path, STORE_READONLY, &st, &err), 0);
	assert_string_equal(store_project(st)->candidate, "Pat Old");
	assert_int_equal(store_project(st)->n_examples, 1);
	store_close(st);
	assert_int_equal(file_version(fx->path), 1);
	assert_int_equal(store_open(fx->path, 0, &st, &err), 0);
	snprintf(bak, sizeof bak, "%s.bak-v1", fx->path);
	assert_int_equal(stat(bak, &sb), 0);
	p = store_project(st);
	assert_string_equal(p->candidate, "Pat Old");
	assert_string_equal(p->intro[0], "Old intro.");
	assert_string_equal(p->notes[0][0], "Because.");
	assert_int_equal(p->n_examples, 1);
	assert_string_equal(p->examples[0].field[EX_RESULT], "R");
	assert_true(strlist_contains(&p->words, "Zyxwv"));
	/* What version 2 added works on the migrated file. */
	id = p->examples[0].id;
	assert_int_equal(store_delete_example(st, id, &err), 0);
	assert_int_equal(store_undelete_example(st, id, &err), 0);
	assert_int_equal(store_set_confirmed(st, "x", true, &err), 0);
	st = reopen(fx, st, STORE_READONLY);
	assert_int_equal(store_project(st)->n_examples, 1);
	store_close(st);
	/* Migrated through every version, it has exactly a new file's structure. */
	assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
	assert_int_equal(store_schema_verify(db, fx->path, &err), 0);
	sqlite3_close(db);
	/* The backup is still the old version 1 file (and reads as one). */
	assert_int_equal(file_version(bak), 1);
	assert_int_equal(store_open(bak, STORE_READONLY, &st, &err), 0);
	assert_string_equal(store_project(st)->candidate, "Pat Old");
	store_close(st);
}

static void
migrate__schema2_gets_comment_anchors(void **state)
{
	struct fx *fx = *state;
	char *sql = read_fixture("schema-v2.sql");
	const struct project *p;
	struct store *st;
	struct error err;
	sqlite3 *db;

	make_db(fx->path, sql);
	free(sql);
	assert_int_equal(store_open(fx->path, 0, &st, &err), 0);
	p = store_project(st);
	assert_int_equal(p->n_comments, 2);
	assert_string_equal(p->comments[0].body, "Quantify this.");
	assert_int_equal(strlen(p->comments[0].uid), 32);
	assert_string_not_equal(p->comments[0].uid, p->comments[1].uid);
	assert_false(p->comments[0].detached);
	assert_int_equal(p->comments[1].offset, 4);     /* "Old intro." */
	assert_int_equal(p->comments[1].resolved, 1);
	assert_int_equal(store_reply_comment(st, p->comments[0].id, "Pat", "Done.", &err), 0);
	p = store_project(st);
	assert_int_equal(p->comments[0].n_replies, 1);
	store_close(st);
	/* The migrated file has exactly the structure of a new one. */
	assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
	assert_int_equal(store_schema_verify(db, fx->path, &err), 0);
	sqlite3_close(db);
}


static void
migrate__schema3_gets_resume_lines_and_positions(void **state)
{
	struct fx *fx = *state;
	char *sql = read_fixture("schema-v3.sql"), bak[4300];
	const struct project *p;
	struct store *st;
	struct error err;
	struct stat sb;
	char *v;
	sqlite3 *db;
	int64_t pos;

	make_db(fx->path, sql);
	free(sql);
	/* A reader sees it converted; the file stays version 3. */
	assert_int_equal(store_open(fx->path, STORE_READONLY, &st, &err), 0);
	assert_int_equal(store_project(st)->n_examples, 2);
	store_close(st);
	assert_int_equal(file_version(fx->path), 3);
	assert_int_equal(store_open(fx->path, 0, &st, &err), 0);
	snprintf(bak, sizeof bak, "%s.bak-v3", fx->path);
	assert_int_equal(stat(bak, &sb), 0);
	p = store_project(st);
	assert_int_equal(p->n_examples, 2);
	assert_string_equal(p->examples[0].resume, "");
	assert_string_equal(p->examples[1].card, "");
	assert_int_equal(p->examples[1].position_id, 0);
	assert_int_equal(p->n_positions, 0);
	assert_int_equal(p->n_comments, 1);
	v = store_get_setting(st, "screen");
	assert_string_equal(v, "dashboard");
	free(v);
	/* what version 4 adds works on the migrated file */
	assert_int_equal(store_add_position(st, "Director", &pos, &err), 0);
	assert_int_equal(store_link_example(st, 2, pos, &err), 0);
	assert_int_equal(store_set_example_resume(st, 2, "Cut processing from 40 to 10 days.", &err), 0);
	assert_int_equal(store_add_rehearsal(st, 2, "Tell me about a time.", 150, 2, &err), 0);
	st = reopen(fx, st, STORE_READONLY);
	p = store_project(st);
	assert_string_equal(p->examples[1].resume, "Cut processing from 40 to 10 days.");
	assert_int_equal(p->examples[1].position_id, pos);
	store_close(st);
	assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
	assert_int_equal(store_schema_verify(db, fx->path, &err), 0);
	sqlite3_close(db);
}

static void
resume__lines_cards_and_positions_are_saved_with_revisions(void **state)
{
	struct fx *fx = *state;
	struct store *st = create(fx);
	const struct project *p;
	struct revision *revs;
	struct rehearsal *rh;
	size_t n;
	int64_t ex, a, b, c;
	struct error err;
	bool conflict;

	assert_int_equal(store_add_example(st, 0, "Grants", &ex, &err), 0);
	assert_int_equal(store_set_example_resume(st, ex, "Led 12 people.", &err), 0);
	store_new_burst(st);
	assert_int_equal(store_set_text(st, "example.1.resume", "Led 12 people.",
	    "Led 14 people.", &conflict, &err), 0);
	assert_false(conflict);
	assert_int_equal(store_set_example_card(st, ex, "The challenge was grants.", &err), 0);
	assert_int_equal(store_revisions(st, "example.1.resume", 0, &revs, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(revs[0].text, "Led 12 people.");
	store_revisions_free(revs, n);
	assert_int_equal(store_set_example_resume(st, 99, "x", &err), -1);
	assert_int_equal(err.code, ERR_NOTFOUND);

	assert_int_equal(store_add_position(st, "Deputy", &a, &err), 0);
	assert_int_equal(store_add_position(st, "Analyst", &b, &err), 0);
	assert_int_equal(store_add_position(st, "Director", &c, &err), 0);
	assert_int_equal(store_move_position(st, c, 0, &err), 0);
	assert_int_equal(store_set_position_field(st, c, POS_GRADE, "ES-0301", &err), 0);
	assert_int_equal(store_set_text(st, "position.3.duties", NULL, "Runs the office.", NULL,
	    &err), 0);
	assert_int_equal(store_set_text(st, "position.3.bogus", NULL, "x", NULL, &err), -1);
	assert_int_equal(store_set_text(st, "position.77.title", NULL, "x", NULL, &err), -1);
	assert_int_equal(err.code, ERR_NOTFOUND);
	assert_int_equal(store_link_example(st, ex, c, &err), 0);
	assert_int_equal(store_delete_position(st, b, &err), 0);
	st = reopen(fx, st, 0);
	p = store_project(st);
	assert_int_equal(p->n_positions, 2);
	assert_int_equal(p->positions[0].id, c);
	assert_string_equal(p->positions[0].field[POS_TITLE], "Director");
	assert_string_equal(p->positions[0].field[POS_GRADE], "ES-0301");
	assert_string_equal(p->positions[0].field[POS_DUTIES], "Runs the office.");
	assert_int_equal(p->positions[1].id, a);
	assert_string_equal(p->examples[0].resume, "Led 14 people.");
	assert_string_equal(p->examples[0].card, "The challenge was grants.");
	assert_int_equal(p->examples[0].position_id, c);
	/* a deleted position: its examples are listed under none, until undo */
	assert_int_equal(store_delete_position(st, c, &err), 0);
	assert_int_equal(store_project(st)->examples[0].position_id, 0);
	assert_int_equal(store_undelete_position(st, c, &err), 0);
	assert_int_equal(store_project(st)->examples[0].position_id, c);
	assert_int_equal(store_link_example(st, ex, 0, &err), 0);
	assert_int_equal(store_project(st)->examples[0].position_id, 0);

	assert_int_equal(store_add_rehearsal(st, ex, "Tell me about a change.", 185, 3, &err), 0);
	assert_int_equal(store_add_rehearsal(st, ex, "Again.", 140, 2, &err), 0);
	assert_int_equal(store_add_rehearsal(st, ex, "?", -1, 0, &err), -1);
	assert_int_equal(store_rehearsals(st, ex, &rh, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(rh[0].seconds, 185);
	assert_string_equal(rh[1].question, "Again.");
	store_rehearsals_free(rh, n);
	store_close(st);
}

static void
comments__reviewer_writes_beside_the_writer(void **state)
{
	struct fx *fx = *state;
	struct store *w = NULL, *r = NULL, *again = NULL;
	const struct project *p;
	struct error err;
	int64_t id;
	bool changed;

	w = create(fx);
	assert_int_equal(store_add_example(w, 0, "Grants", &id, &err), 0);
	assert_int_equal(store_set_example_field(w, id, EX_ACTION, "I led 12 people.", &err), 0);
	/* A second writer is refused; a reviewer is not. */
	assert_int_equal(store_open(fx->path, 0, &again, &err), -1);
	assert_int_equal(err.code, ERR_LOCKED);
	assert_int_equal(store_open(fx->path, STORE_COMMENTS, &r, &err), 0);
	assert_int_equal(store_set_example_field(r, id, EX_ACTION, "changed", &err), -1);
	assert_int_equal(err.code, ERR_USAGE);
	assert_int_equal(store_set_setting(r, "x", "y", &err), -1);
	assert_int_equal(store_add_comment(r, "example.1.action", "12 people", SIZE_MAX, "Rev",
	    "How many?", NULL, &err), 0);
	assert_int_equal(store_add_comment(r, "example.1.action", "13 people", SIZE_MAX, "Rev",
	    "?", NULL, &err), -1);
	assert_int_equal(err.code, ERR_NOTFOUND);
	/* The writer sees the comment, and goes on saving. */
	assert_int_equal(store_refresh_comments(w, &changed, &err), 0);
	assert_true(changed);
	assert_int_equal(store_project(w)->n_comments, 1);
	assert_int_equal(store_refresh_comments(w, &changed, &err), 0);
	assert_false(changed);
	assert_int_equal(store_set_example_field(w, id, EX_ACTION, "Then I led 12 people.", &err), 0);
	p = store_project(w);
	assert_int_equal(p->n_comments, 1);
	assert_int_equal(p->comments[0].offset, 11);    /* "Then I led " */
	assert_string_equal(store_project(w)->examples[0].field[EX_ACTION], "Then I led 12 people.");
	store_close(r);
	store_close(w);
}

static const struct {
	int id;
	const char *what;
	const char *sql;        /* NULL: raw bytes below */
	const char *bytes;
	size_t len;
	enum err_code code;
	const char *expect;
} refused[] = {
	{ 1, "random bytes", NULL, "\x13\x37 not a database at all, just bytes\x00\xff", 38, ERR_FORMAT, "not a SQLite database" },
	{ 2, "empty file", NULL, "", 0, ERR_FORMAT, "not a SQLite database" },
	{ 3, "another SQLite database", "CREATE TABLE t(x); INSERT INTO t VALUES (1);", NULL, 0, ERR_FORMAT, "not an ecqcoach project" },
	{ 4, "a newer project", "PRAGMA application_id = 1162039619; PRAGMA user_version = 99; CREATE TABLE meta(key, value);", NULL, 0, ERR_VERSION, "newer ecqcoach" },
	{ 5, "a project with no framework", "PRAGMA application_id = 1162039619; PRAGMA user_version = 4;"
	     "CREATE TABLE framework(id, text); CREATE TABLE meta(key, value);", NULL, 0, ERR_FORMAT, "no framework snapshot" },
	{ 6, "a project whose snapshot is broken", "PRAGMA application_id = 1162039619; PRAGMA user_version = 4;"
	     "CREATE TABLE framework(id, text); INSERT INTO framework VALUES ('x', '[bogus]');", NULL, 0, ERR_FORMAT, "framework snapshot" },
};

static void
open__refuses_files_that_are_not_projects(void **state)
{
	struct fx *fx = *state;
	struct store *st;
	struct error err;
	size_t i;

	for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		unlink(fx->path);
		if (refused[i].sql != NULL)
			make_db(fx->path, refused[i].sql);
		else
			test_write_file(fx->path, refused[i].bytes, refused[i].len);
		error_clear(&err);
		if (store_open(fx->path, STORE_READONLY, &st, &err) == 0)
			fail_msg("case %d (%s) opened", refused[i].id, refused[i].what);
		assert_null(st);
		if (err.code != refused[i].code || strstr(err.msg, refused[i].expect) == NULL)
			fail_msg("case %d (%s): got %d '%s'", refused[i].id, refused[i].what, err.code, err.msg);
	}
}

static void
open__truncated_project_is_refused(void **state)
{
	struct fx *fx = *state;
	struct store *st = create(fx);
	struct error err;
	int64_t id;
	int i;

	/* Enough content to span several pages. */
	for (i = 0; i < 40; i++) {
		char text[2048];

		memset(text, 'a' + i % 26, sizeof text - 1);
		text[sizeof text - 1] = '\0';
		assert_int_equal(store_add_example(st, 0, "x", &id, &err), 0);
		assert_int_equal(store_set_example_field(st, id, EX_ACTION, text, &err), 0);
	}
	store_close(st);
	assert_int_equal(truncate(fx->path, 4096 * 3), 0);
	assert_int_equal(store_open(fx->path, STORE_READONLY, &st, &err), -1);
	assert_int_equal(err.code, ERR_FORMAT);
	assert_null(st);
}

static void
open__missing_and_unwritable_files_are_io_errors(void **state)
{
	struct fx *fx = *state;
	struct store *st;
	struct error err;

	assert_int_equal(store_open("/nonexistent/dir/p.ecq", 0, &st, &err), -1);
	assert_int_equal(err.code, ERR_IO);
	assert_int_equal(store_create("/nonexistent/dir/p.ecq", fx->fw, "", &st, &err), -1);
	assert_int_equal(err.code, ERR_IO);
	if (geteuid() == 0)
		return;         /* root writes through permissions */
	st = create(fx);
	store_close(st);
	assert_int_equal(chmod(fx->path, 0444), 0);
	assert_int_equal(store_open(fx->path, 0, &st, &err), -1);
	assert_int_equal(store_open(fx->path, STORE_READONLY, &st, &err), 0);
	store_close(st);
}

/* A batch is one transaction: nothing shows (in memory or on disk) until
 * it commits, a failed setter inside it undoes only itself, and a rollback
 * drops the whole batch. */
static void
batch__one_transaction_one_reload(void **state)
{
	struct fx *fx = *state;
	struct store *st = create(fx), *other;
	struct strlist comps = { 0 };
	struct error err;
	int64_t id = 0;

	assert_int_equal(store_batch_begin(st, &err), 0);
	assert_true(store_in_batch(st));
	assert_int_equal(store_batch_begin(st, &err), -1);      /* no nesting */
	assert_int_equal(store_set_intro(st, 0, "Batch intro.", &err), 0);
	assert_int_equal(store_add_example(st, 0, "A story", &id, &err), 0);
	assert_int_equal(store_set_example_field(st, id, EX_ACTION, "I acted.", &err), 0);
	strlist_push(&comps, "A");
	assert_int_equal(store_set_example_competencies(st, id, &comps, &err), 0);
	assert_int_equal(store_set_example_competencies(st, id + 99, &comps, &err), -1);
	assert_int_equal(store_set_example_field(st, id, EX_RESULT, "bad \xff", &err), -1);
	/* Not reloaded yet, and another reader sees nothing. */
	assert_int_equal(store_project(st)->n_examples, 0);
	assert_int_equal(store_open(fx->path, STORE_READONLY, &other, &err), 0);
	assert_int_equal(store_project(other)->n_examples, 0);
	store_close(other);
	assert_int_equal(store_batch_commit(st, &err), 0);
	assert_false(store_in_batch(st));
	assert_int_equal(store_project(st)->n_examples, 1);
	assert_string_equal(store_project(st)->examples[0].field[EX_ACTION], "I acted.");
	assert_string_equal(store_project(st)->examples[0].competencies.items[0], "A");
	assert_string_equal(store_project(st)->intro[0], "Batch intro.");

	assert_int_equal(store_batch_begin(st, &err), 0);
	assert_int_equal(store_set_intro(st, 1, "Dropped.", &err), 0);
	store_batch_rollback(st);
	st = reopen(fx, st, 0);
	assert_string_equal(store_project(st)->intro[1], "");
	assert_string_equal(store_project(st)->intro[0], "Batch intro.");
	assert_int_equal(store_batch_commit(st, &err), -1);     /* none open */
	strlist_free(&comps);
	store_close(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(round_trip__every_table_survives_reopen, setup, teardown),
		cmocka_unit_test_setup_teardown(revisions__every_replaced_text_is_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(examples__reorder_delete_and_undelete, setup, teardown),
		cmocka_unit_test_setup_teardown(create__refuses_an_existing_file, setup, teardown),
		cmocka_unit_test_setup_teardown(text__invalid_utf8_is_refused_and_nothing_changes, setup, teardown),
		cmocka_unit_test_setup_teardown(closed_file__is_self_contained, setup, teardown),
		cmocka_unit_test_setup_teardown(migrate__schema1_is_upgraded_with_a_backup, setup, teardown),
		cmocka_unit_test_setup_teardown(migrate__schema2_gets_comment_anchors, setup, teardown),
		cmocka_unit_test_setup_teardown(comments__reviewer_writes_beside_the_writer, setup, teardown),
		cmocka_unit_test_setup_teardown(migrate__schema3_gets_resume_lines_and_positions, setup, teardown),
		cmocka_unit_test_setup_teardown(resume__lines_cards_and_positions_are_saved_with_revisions, setup, teardown),
		cmocka_unit_test_setup_teardown(open__refuses_files_that_are_not_projects, setup, teardown),
		cmocka_unit_test_setup_teardown(open__truncated_project_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(open__missing_and_unwritable_files_are_io_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(batch__one_transaction_one_reload, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
