/* SPDX-License-Identifier: MIT */
/*
 * test_safefiles.c: the files ecqcoach writes for the user are never
 * opened through a link or in a folder someone else planted (paths.c
 * paths_user_dir and paths_open_user_file, the user word list in
 * checker.c, export_write_file), and with no HOME there is no user word
 * list at all rather than one in /tmp. Cases that need a file owned by
 * another user run only as root (they chown to uid 65534).
 */
#include "config.h"

#include "testutil.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checker.h"
#include "export.h"
#include "paths.h"
#include "xalloc.h"

#define OTHER_UID 65534

static char *
read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = xcalloc(1, 4096);

	if (f == NULL)
		return buf;
	(void)!fread(buf, 1, 4095, f);
	fclose(f);
	return buf;
}

/* A checker whose user word list is the default one under XDG_DATA_HOME. */
static struct checker *
checker_with_user_words(void)
{
	struct checker_options o = { .data_dir = test_srcdir() };
	struct checker *ck = NULL;
	struct error err;

	assert_int_equal(checker_new(&o, &ck, &err), 0);
	return ck;
}

static void
no_home__means_no_user_dir(void **state)
{
	char *d;

	(void)state;
	unsetenv("XDG_DATA_HOME");
	unsetenv("HOME");
	assert_null(paths_user_dir());
	setenv("HOME", "relative/home", 1);
	assert_null(paths_user_dir());
	setenv("HOME", "/home/pat", 1);
	d = paths_user_dir();
	assert_string_equal(d, "/home/pat/.local/share/ecqcoach");
	free(d);
	setenv("XDG_DATA_HOME", "/data", 1);
	d = paths_user_dir();
	assert_string_equal(d, "/data/ecqcoach");
	free(d);
}

static void
no_home__adding_a_word_says_why(void **state)
{
	struct checker *ck;
	struct error err;

	(void)state;
	unsetenv("XDG_DATA_HOME");
	unsetenv("HOME");
	ck = checker_with_user_words();
	error_clear(&err);
	assert_int_equal(checker_add_user_word(ck, "Quillfeather", &err), -1);
	assert_int_equal(err.code, ERR_NOTFOUND);
	assert_non_null(strstr(err.msg, "HOME"));
	checker_free(ck);
}

/* XDG_DATA_HOME=DIR with DIR/ecqcoach made (0700); returns DIR. */
static char *
user_home(void)
{
	char *dir = test_tmpdir(), *sub = xasprintf("%s/ecqcoach", dir);

	assert_int_equal(mkdir(sub, 0700), 0);
	setenv("XDG_DATA_HOME", dir, 1);
	free(sub);
	return dir;
}

static void
own_list__is_created_private_and_appended(void **state)
{
	char *dir = user_home(), *path = xasprintf("%s/ecqcoach/words.txt", dir), *text;
	struct checker *ck = checker_with_user_words();
	struct error err;
	struct stat st;

	(void)state;
	assert_int_equal(checker_add_user_word(ck, "Quillfeather", &err), 0);
	assert_int_equal(checker_add_user_word(ck, "Brightwater", &err), 0);
	text = read_all(path);
	assert_string_equal(text, "Quillfeather\nBrightwater\n");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 077, 0);
	free(text);
	checker_free(ck);
	free(path);
	test_rmdir(dir);
}

static void
own_symlink__is_followed(void **state)
{
	char *dir = user_home(), *link = xasprintf("%s/ecqcoach/words.txt", dir);
	char *target = xasprintf("%s/dotfiles-words.txt", dir), *text;
	struct checker *ck;
	struct error err;

	(void)state;
	test_write_file(target, "Zyxquorp\n", 9);
	assert_int_equal(symlink(target, link), 0);
	ck = checker_with_user_words();
	assert_null(checker_warning(ck) != NULL ? strstr(checker_warning(ck), "words.txt") : NULL);
	assert_int_equal(checker_add_user_word(ck, "Quillfeather", &err), 0);
	text = read_all(target);
	assert_string_equal(text, "Zyxquorp\nQuillfeather\n");
	free(text);
	checker_free(ck);
	free(link);
	free(target);
	test_rmdir(dir);
}

static void
shared_folder__is_refused(void **state)
{
	char *dir = user_home(), *sub = xasprintf("%s/ecqcoach", dir);
	char *path = xasprintf("%s/words.txt", sub);
	struct checker *ck = checker_with_user_words();
	struct error err;

	(void)state;
	assert_int_equal(chmod(sub, 0777), 0);
	error_clear(&err);
	assert_int_equal(checker_add_user_word(ck, "Quillfeather", &err), -1);
	assert_non_null(strstr(err.msg, "other users"));
	assert_int_equal(access(path, F_OK), -1);
	checker_free(ck);
	free(path);
	free(sub);
	test_rmdir(dir);
}

static void
planted_symlink__is_not_followed(void **state)
{
	char *dir, *link, *victim, *fresh, *text;
	struct checker *ck;
	struct error err;

	(void)state;
	if (geteuid() != 0)
		skip();
	dir = user_home();
	link = xasprintf("%s/ecqcoach/words.txt", dir);
	victim = xasprintf("%s/victim", dir);
	fresh = xasprintf("%s/created-through-link", dir);
	test_write_file(victim, "keep\n", 5);
	/* A link to an existing file, made by another user. */
	assert_int_equal(symlink(victim, link), 0);
	assert_int_equal(lchown(link, OTHER_UID, OTHER_UID), 0);
	ck = checker_with_user_words();
	if (checker_spell_available(ck)) {      /* the list is read only with a speller */
		assert_non_null(checker_warning(ck));
		assert_non_null(strstr(checker_warning(ck), "another user"));
	}
	error_clear(&err);
	assert_int_equal(checker_add_user_word(ck, "Quillfeather", &err), -1);
	assert_non_null(strstr(err.msg, "another user"));
	text = read_all(victim);
	assert_string_equal(text, "keep\n");
	free(text);
	checker_free(ck);
	/* A dangling link (to create a file elsewhere), made by another user. */
	assert_int_equal(unlink(link), 0);
	assert_int_equal(symlink(fresh, link), 0);
	assert_int_equal(lchown(link, OTHER_UID, OTHER_UID), 0);
	ck = checker_with_user_words();
	assert_int_equal(checker_add_user_word(ck, "Quillfeather", &err), -1);
	assert_int_equal(access(fresh, F_OK), -1);
	checker_free(ck);
	free(link);
	free(victim);
	free(fresh);
	test_rmdir(dir);
}

static void
foreign_file_and_folder__are_refused(void **state)
{
	char *dir, *sub, *path, *text;
	struct checker *ck;
	struct error err;

	(void)state;
	if (geteuid() != 0)
		skip();
	dir = user_home();
	sub = xasprintf("%s/ecqcoach", dir);
	path = xasprintf("%s/words.txt", sub);
	test_write_file(path, "Zyxplanted\n", 11);
	assert_int_equal(chown(path, OTHER_UID, OTHER_UID), 0);
	ck = checker_with_user_words();
	if (checker_spell_available(ck)) {
		assert_non_null(checker_warning(ck));
		assert_non_null(strstr(checker_warning(ck), "belongs to another user"));
		assert_false(checker_spell_ok(ck, "Zyxplanted"));
	}
	assert_int_equal(checker_add_user_word(ck, "Quillfeather", &err), -1);
	assert_non_null(strstr(err.msg, "another user"));
	text = read_all(path);
	assert_string_equal(text, "Zyxplanted\n");
	free(text);
	checker_free(ck);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(chown(sub, OTHER_UID, OTHER_UID), 0);
	ck = checker_with_user_words();
	assert_int_equal(checker_add_user_word(ck, "Quillfeather", &err), -1);
	assert_non_null(strstr(err.msg, "belongs to another user"));
	assert_int_equal(access(path, F_OK), -1);
	checker_free(ck);
	free(path);
	free(sub);
	test_rmdir(dir);
}

static void
export__does_not_write_through_a_planted_link(void **state)
{
	char *dir, *link, *victim, *mine, *text;
	struct export_options o;
	struct error err;

	(void)state;
	if (geteuid() != 0)
		skip();
	dir = test_tmpdir();
	link = xasprintf("%s/narrative.txt", dir);
	victim = xasprintf("%s/victim", dir);
	mine = xasprintf("%s/mine.txt", dir);
	export_options_init(&o);
	test_write_file(victim, "keep\n", 5);
	assert_int_equal(symlink(victim, link), 0);
	assert_int_equal(lchown(link, OTHER_UID, OTHER_UID), 0);
	error_clear(&err);
	assert_int_equal(export_write_file(link, "new\n", 4, &o, &err), -1);
	assert_non_null(strstr(err.msg, "another user"));
	text = read_all(victim);
	assert_string_equal(text, "keep\n");
	free(text);
	/* The user's own link is written through, as cp(1) does. */
	assert_int_equal(unlink(link), 0);
	test_write_file(mine, "old\n", 4);
	assert_int_equal(symlink(mine, link), 0);
	assert_int_equal(export_write_file(link, "new\n", 4, &o, &err), 0);
	text = read_all(mine);
	assert_string_equal(text, "new\n");
	free(text);
	free(link);
	free(victim);
	free(mine);
	test_rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(no_home__means_no_user_dir),
		cmocka_unit_test(no_home__adding_a_word_says_why),
		cmocka_unit_test(own_list__is_created_private_and_appended),
		cmocka_unit_test(own_symlink__is_followed),
		cmocka_unit_test(shared_folder__is_refused),
		cmocka_unit_test(planted_symlink__is_not_followed),
		cmocka_unit_test(foreign_file_and_folder__are_refused),
		cmocka_unit_test(export__does_not_write_through_a_planted_link),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
