/* SPDX-License-Identifier: MIT */
/*
 * test_store_safety.c: what keeps a project's text from vanishing when more
 * than one program touches the file: the write lock, saves that never
 * overwrite text they have not seen, refusal of schema objects ecqcoach did
 * not make, noticing a file moved or deleted while open, and revisions that
 * stay few however often the coach saves.
 */
#include "config.h"

#include "testutil.h"

#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "framework.h"
#include "store.h"
#include "revpolicy.h"
#include "xalloc.h"

static const char fw_text[] =
	"[framework]\nid = t\ntitle = Test\n"
	"[ecq:one]\ntitle = One\ndefinition = Def one\ncompetency = A\n"
	"question = Why?\n"
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

/* A new project with one example; its id in *id. */
static struct store *
create(struct fx *fx, int64_t *id)
{
	struct store *st;
	struct error err;

	if (store_create(fx->path, fx->fw, "Pat Doe", &st, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(store_add_example(st, 0, "Grants", id, &err), 0);
	return st;
}

/* Runs SQL on the file through a plain SQLite connection, as another
 * program (or an older ecqcoach with no lock) would. */
static void
raw_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	char *msg = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 2000);
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
	sqlite3_close(db);
}

static void
lock__a_second_writer_is_refused_and_told_who_holds_it(void **state)
{
	struct fx *fx = *state;
	struct store *a, *b = NULL;
	struct error err;
	char pid[32], lock[4300];
	int64_t id;

	a = create(fx, &id);
	assert_int_equal(store_open(fx->path, 0, &b, &err), -1);
	assert_null(b);
	assert_int_equal(err.code, ERR_LOCKED);
	snprintf(pid, sizeof pid, "process %ld", (long)getpid());
	assert_non_null(strstr(err.msg, pid));
	/* Readers are never blocked. */
	assert_int_equal(store_open(fx->path, STORE_READONLY, &b, &err), 0);
	store_close(b);
	store_close(a);
	/* Closing frees it, and removes the lock file. */
	snprintf(lock, sizeof lock, "%s.lock", fx->path);
	assert_int_equal(access(lock, F_OK), -1);
	assert_int_equal(store_open(fx->path, 0, &b, &err), 0);
	store_close(b);
}

static void
lock__a_killed_holder_is_taken_over(void **state)
{
	struct fx *fx = *state;
	struct store *st;
	struct error err;
	char lock[4300];
	int64_t id;
	int status;
	pid_t child;

	store_close(create(fx, &id));
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		if (store_open(fx->path, 0, &st, &err) != 0)
			_exit(1);
		raise(SIGKILL);         /* dies holding the lock, file left behind */
		_exit(2);
	}
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFSIGNALED(status));
	snprintf(lock, sizeof lock, "%s.lock", fx->path);
	assert_int_equal(access(lock, F_OK), 0);
	assert_int_equal(store_open(fx->path, 0, &st, &err), 0);
	store_close(st);
}

static void
save__never_overwrites_text_it_has_not_seen(void **state)
{
	struct fx *fx = *state;
	struct store *st;
	struct revision *revs;
	struct error err;
	bool conflict = true;
	char sql[256], *target;
	size_t n, i;
	int64_t id;
	int found = 0;

	st = create(fx, &id);
	target = store_example_target(id, EX_RESULT);
	assert_int_equal(store_set_text(st, target, "", "mine, first", &conflict, &err), 0);
	assert_false(conflict);
	/* Someone writes the field behind the store's back. */
	snprintf(sql, sizeof sql, "UPDATE example SET result = 'theirs' WHERE id = %lld", (long long)id);
	raw_sql(fx->path, sql);
	assert_int_equal(store_set_text(st, target, "mine, first", "mine, second", &conflict, &err), 0);
	assert_true(conflict);
	assert_string_equal(project_example_by_id(store_project(st), id)->field[EX_RESULT], "mine, second");
	assert_int_equal(store_revisions(st, target, 0, &revs, &n, &err), 0);
	for (i = 0; i < n; i++)
		found |= strcmp(revs[i].text, "theirs") == 0;
	assert_true(found);
	store_revisions_free(revs, n);
	/* The usual case: what we saw is what is there, no conflict. */
	assert_int_equal(store_set_text(st, target, "mine, second", "mine, third", &conflict, &err), 0);
	assert_false(conflict);
	/* Names that are not texts are refused. */
	assert_int_equal(store_set_text(st, "example.x.result", NULL, "t", NULL, &err), -1);
	assert_int_equal(store_set_text(st, "meta.framework", NULL, "t", NULL, &err), -1);
	free(target);
	store_close(st);
}

static void
save__into_an_example_deleted_elsewhere_is_kept(void **state)
{
	struct fx *fx = *state;
	struct store *st;
	struct error err;
	char sql[256], *target;
	int64_t id;

	st = create(fx, &id);
	snprintf(sql, sizeof sql, "UPDATE example SET deleted = 1 WHERE id = %lld", (long long)id);
	raw_sql(fx->path, sql);
	target = store_example_target(id, EX_ACTION);
	assert_int_equal(store_set_text(st, target, "", "typed after", NULL, &err), 0);
	assert_int_equal(store_undelete_example(st, id, &err), 0);
	assert_string_equal(project_example_by_id(store_project(st), id)->field[EX_ACTION], "typed after");
	free(target);
	store_close(st);
}

static void
schema__objects_ecqcoach_did_not_make_are_refused_for_writing(void **state)
{
	static const char *const hostile[] = {
		"CREATE TRIGGER wipe AFTER UPDATE ON example BEGIN DELETE FROM revision; END",
		"CREATE VIEW v AS SELECT * FROM example",
		"CREATE TABLE extra (x)",
		"CREATE INDEX ix ON example(title)",
		"ALTER TABLE example ADD COLUMN sneaky TEXT",
		"DROP INDEX revision_by_target",
	};
	struct fx *fx = *state;
	struct store *st;
	struct error err;
	char copy[4300], cmd[9000];
	int64_t id;
	size_t i;

	store_close(create(fx, &id));
	snprintf(copy, sizeof copy, "%s/clean.ecq", fx->dir);
	snprintf(cmd, sizeof cmd, "cp '%s' '%s'", fx->path, copy);
	assert_int_equal(system(cmd), 0);
	for (i = 0; i < sizeof hostile / sizeof *hostile; i++) {
		snprintf(cmd, sizeof cmd, "cp '%s' '%s'", copy, fx->path);
		assert_int_equal(system(cmd), 0);
		raw_sql(fx->path, hostile[i]);
		/* Right after a clean file passed (its schema is remembered). */
		assert_int_equal(store_open(copy, 0, &st, &err), 0);
		store_close(st);
		st = NULL;
		if (store_open(fx->path, 0, &st, &err) == 0)
			fail_msg("opened for writing after: %s", hostile[i]);
		assert_int_equal(err.code, ERR_TAMPERED);
		assert_non_null(strstr(err.msg, "read-only"));
		/* Nothing in it can run on a read: it still opens to read. */
		assert_int_equal(store_open(fx->path, STORE_READONLY, &st, &err), 0);
		store_close(st);
	}
}

/* Found by fuzz_store: a hand-made file whose tables allow NULL. */
static void
schema__null_columns_in_a_hand_made_file_do_not_crash_a_reader(void **state)
{
	struct fx *fx = *state;
	struct store *st;
	struct error err;
	int64_t id;

	store_close(create(fx, &id));
	raw_sql(fx->path,
	    "CREATE TABLE intro2 (ecq TEXT, text TEXT); DROP TABLE intro;"
	    "ALTER TABLE intro2 RENAME TO intro; INSERT INTO intro VALUES (NULL, NULL);"
	    "CREATE TABLE word2 (word TEXT); DROP TABLE word;"
	    "ALTER TABLE word2 RENAME TO word; INSERT INTO word VALUES (NULL);"
	    "CREATE TABLE note2 (ecq TEXT, question INTEGER, text TEXT); DROP TABLE note;"
	    "ALTER TABLE note2 RENAME TO note; INSERT INTO note VALUES (NULL, 0, NULL);");
	assert_int_equal(store_open(fx->path, 0, &st, &err), -1);
	assert_int_equal(err.code, ERR_TAMPERED);
	assert_int_equal(store_open(fx->path, STORE_READONLY, &st, &err), 0);
	assert_string_equal(store_project(st)->intro[0], "");
	store_close(st);
}

static void
file__moved_or_deleted_while_open_is_noticed_and_saved_again(void **state)
{
	struct fx *fx = *state;
	struct store *st, *other;
	struct error err;
	char other_path[4300], *where = NULL, *target;
	int64_t id;

	st = create(fx, &id);
	target = store_example_target(id, EX_ACTION);
	assert_int_equal(store_set_text(st, target, NULL, "before", NULL, &err), 0);
	assert_int_equal(unlink(fx->path), 0);
	assert_int_equal(store_set_text(st, target, NULL, "after", NULL, &err), -1);
	assert_int_equal(err.code, ERR_GONE);
	assert_int_equal(store_save_again(st, &where, &err), 0);
	assert_string_equal(where, fx->path);
	free(where);
	assert_int_equal(store_set_text(st, target, NULL, "after", NULL, &err), 0);
	store_close(st);
	assert_int_equal(store_open(fx->path, STORE_READONLY, &st, &err), 0);
	assert_string_equal(project_example_by_id(store_project(st), id)->field[EX_ACTION], "after");
	store_close(st);

	/* Replaced by another file: that one is never written over. */
	assert_int_equal(store_open(fx->path, 0, &st, &err), 0);
	snprintf(other_path, sizeof other_path, "%s/other.ecq", fx->dir);
	assert_int_equal(store_create(other_path, fx->fw, "Someone Else", &other, &err), 0);
	store_close(other);
	assert_int_equal(rename(other_path, fx->path), 0);
	assert_int_equal(store_set_text(st, target, NULL, "later", NULL, &err), -1);
	assert_int_equal(err.code, ERR_GONE);
	assert_int_equal(store_save_again(st, &where, &err), 0);
	assert_non_null(strstr(where, "p-recovered.ecq"));
	assert_int_equal(store_set_text(st, target, NULL, "later", NULL, &err), 0);
	store_close(st);
	assert_int_equal(store_open(fx->path, STORE_READONLY, &st, &err), 0);
	assert_string_equal(store_project(st)->candidate, "Someone Else");
	store_close(st);
	assert_int_equal(store_open(where, STORE_READONLY, &st, &err), 0);
	assert_string_equal(project_example_by_id(store_project(st), id)->field[EX_ACTION], "later");
	store_close(st);
	free(where);
	free(target);
}

/* The test clock: seconds set by the test. */
static time_t clock_now;

static time_t
test_clock(void)
{
	return clock_now;
}

static long
file_size(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (long)sb.st_size : -1;
}

/* An hour of steady typing in a 5,000-word field, saved every second. */
static void
revisions__an_hour_of_typing_keeps_few_and_the_file_small(void **state)
{
	struct fx *fx = *state;
	struct store *st;
	struct revision *revs;
	struct error err;
	struct strbuf { char *s; size_t n; } text = { NULL, 0 };
	char *target, *before_pause = NULL;
	long start_size, end_size;
	size_t n, i;
	int64_t id;
	int sec, found = 0;

	st = create(fx, &id);
	store_set_clock(st, test_clock);
	target = store_example_target(id, EX_ACTION);
	/* A 5,000-word field to start from. */
	text.s = xmalloc(40000 + 3600 * 8 + 1);
	for (i = 0; i < 5000; i++)
		memcpy(text.s + i * 6, "word. ", 6);
	text.n = 30000;
	text.s[text.n] = '\0';
	assert_int_equal(store_set_text(st, target, NULL, text.s, NULL, &err), 0);
	store_close(st);
	start_size = file_size(fx->path);
	assert_int_equal(store_open(fx->path, 0, &st, &err), 0);
	store_set_clock(st, test_clock);
	for (sec = 0; sec < 3600; sec++) {
		clock_now = 1000 + sec + (sec >= 1800 ? 120 : 0);   /* one pause */
		if (sec == 1800)
			before_pause = xstrdup(text.s);
		memcpy(text.s + text.n, "typing ", 7);
		text.n += 7;
		text.s[text.n] = '\0';
		if (store_set_text(st, target, NULL, text.s, NULL, &err) != 0)
			fail_msg("second %d: %s", sec, err.msg);
	}
	assert_int_equal(store_revisions(st, target, 0, &revs, &n, &err), 0);
	/* the session start, one after the pause, one every 5 minutes */
	assert_true(n >= 2);
	assert_true(n <= 2 + 3600 / REVPOLICY_CHECKPOINT);
	for (i = 0; i < n; i++)
		found |= strcmp(revs[i].text, before_pause) == 0;
	assert_true(found);
	store_revisions_free(revs, n);
	store_close(st);
	end_size = file_size(fx->path);
	print_message("# an hour of saves: %zu revisions, file %ld -> %ld bytes\n", n, start_size, end_size);
	assert_true(end_size - start_size < 5L * 1024 * 1024);
	free(before_pause);
	free(text.s);
	free(target);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(lock__a_second_writer_is_refused_and_told_who_holds_it, setup, teardown),
		cmocka_unit_test_setup_teardown(lock__a_killed_holder_is_taken_over, setup, teardown),
		cmocka_unit_test_setup_teardown(save__never_overwrites_text_it_has_not_seen, setup, teardown),
		cmocka_unit_test_setup_teardown(save__into_an_example_deleted_elsewhere_is_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(schema__objects_ecqcoach_did_not_make_are_refused_for_writing, setup, teardown),
		cmocka_unit_test_setup_teardown(schema__null_columns_in_a_hand_made_file_do_not_crash_a_reader, setup, teardown),
		cmocka_unit_test_setup_teardown(file__moved_or_deleted_while_open_is_noticed_and_saved_again, setup, teardown),
		cmocka_unit_test_setup_teardown(revisions__an_hour_of_typing_keeps_few_and_the_file_small, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
