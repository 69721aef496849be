/* SPDX-License-Identifier: MIT */
/* test_spell.c: the hunspell wrapper with the real en_US dictionary (spell.c). */
#include "config.h"

#include "testutil.h"

#include <unistd.h>

#include "spell.h"
#include "xalloc.h"

static bool
ok(struct spell *sp, const char *w)
{
	return spell_check(sp, w, strlen(w));
}

static int
setup(void **state)
{
	struct spell *sp;
	struct error err;

	if (access("/usr/share/hunspell/en_US.dic", R_OK) != 0)
		skip();         /* hunspell-en-us is not installed */
	assert_int_equal(spell_new(NULL, NULL, &sp, &err), 0);
	*state = sp;
	return 0;
}

static int
teardown(void **state)
{
	spell_free(*state);
	return 0;
}

static void
check__knows_english_and_rejects_misspellings(void **state)
{
	struct spell *sp = *state;

	assert_true(ok(sp, "management"));
	assert_true(ok(sp, "Management"));
	assert_true(ok(sp, "agency's"));
	assert_true(ok(sp, "don’t"));          /* typographic apostrophe */
	assert_false(ok(sp, "managment"));
	assert_false(ok(sp, "recieved"));
	assert_false(ok(sp, "interagency"));   /* until the federal list is added */
}

static void
suggest__offers_the_right_word_first_few(void **state)
{
	struct spell *sp = *state;
	char **s = spell_suggest(sp, "managment", 9, 5);
	size_t i;
	bool found = false;

	assert_non_null(s);
	for (i = 0; s[i] != NULL; i++)
		found |= strcmp(s[i], "management") == 0;
	assert_true(i <= 5);
	assert_true(found);
	spell_free_list(s);
	/* cached: the same answer again */
	s = spell_suggest(sp, "managment", 9, 1);
	assert_string_equal(s[0], "management");
	assert_null(s[1]);
	spell_free_list(s);
}

static void
suggest__budget_limits_new_searches_not_cached_ones(void **state)
{
	struct spell *sp = *state;
	struct spell_budget none = { 0, 0 }, one = { 1, 0 };
	char **s;

	s = spell_suggest_budget(sp, "goverment", 9, 5, &none);
	assert_null(s[0]);              /* no search allowed */
	spell_free_list(s);
	s = spell_suggest_budget(sp, "goverment", 9, 5, &one);
	assert_string_equal(s[0], "government");
	assert_int_equal(one.quick, 0);
	spell_free_list(s);
	s = spell_suggest_budget(sp, "goverment", 9, 5, &none);
	assert_string_equal(s[0], "government");       /* cached: free */
	spell_free_list(s);
}

static void
word_file__case_rules_and_possessives(void **state)
{
	struct spell *sp = *state;
	char *dir = test_tmpdir(), *path = xasprintf("%s/words.txt", dir);
	static const char words[] = "# a comment\nFedRAMP\n  interagency  \n\nCISA # trailing comment\n";
	struct error err;

	test_write_file(path, words, sizeof words - 1);
	assert_int_equal(spell_add_file(sp, path, &err), 0);
	assert_true(ok(sp, "FedRAMP"));
	assert_true(ok(sp, "FedRAMP's"));
	assert_true(ok(sp, "FedRAMP’s"));
	assert_false(ok(sp, "fedramp"));
	assert_false(ok(sp, "Fedramp"));
	assert_true(ok(sp, "interagency"));
	assert_true(ok(sp, "Interagency"));
	assert_true(ok(sp, "INTERAGENCY"));
	assert_false(ok(sp, "InterAgency"));
	assert_true(ok(sp, "CISA"));
	assert_false(ok(sp, "a comment"));
	free(path);
	test_rmdir(dir);
}

static void
word_file__missing_and_invalid_files_are_errors(void **state)
{
	struct spell *sp = *state;
	char *dir = test_tmpdir(), *path = xasprintf("%s/bad.txt", dir);
	struct error err;

	assert_int_equal(spell_add_file(sp, "/nonexistent/words.txt", &err), -1);
	assert_int_equal(err.code, ERR_IO);
	test_write_file(path, "good\nb\xff" "ad\n", 8);
	assert_int_equal(spell_add_file(sp, path, &err), -1);
	assert_int_equal(err.code, ERR_FORMAT);
	assert_non_null(strstr(err.msg, ":2:"));
	free(path);
	test_rmdir(dir);
}

static void
affixed_file__flags_give_inflections_and_suggestions(void **state)
{
	struct spell *sp = *state;
	char *dir = test_tmpdir(), *path = xasprintf("%s/stems.txt", dir);
	static const char words[] = "# stems\nzorblat/SDG\n  quendify/DGSNX  # trailing\nvarnop\n";
	struct error err;
	char **s;

	assert_false(ok(sp, "zorblats"));       /* a check first: the handle is then reopened */
	test_write_file(path, words, sizeof words - 1);
	assert_int_equal(spell_add_affixed_file(sp, path, &err), 0);
	assert_true(ok(sp, "zorblat"));
	assert_true(ok(sp, "zorblats"));
	assert_true(ok(sp, "Zorblats"));
	assert_true(ok(sp, "zorblated"));
	assert_true(ok(sp, "zorblating"));
	assert_true(ok(sp, "quendified"));
	assert_true(ok(sp, "quendifies"));
	assert_true(ok(sp, "quendification"));
	assert_true(ok(sp, "quendifications"));
	assert_true(ok(sp, "varnop"));
	assert_false(ok(sp, "varnops"));        /* no flags: no plural */
	assert_false(ok(sp, "zorblatment"));
	assert_false(ok(sp, "zorblatx"));
	s = spell_suggest(sp, "zorbalt", 7, 5);   /* our words are suggested too */
	assert_non_null(s[0]);
	assert_string_equal(s[0], "zorblat");
	spell_free_list(s);
	free(path);
	test_rmdir(dir);
}

static void
affixed_file__bad_lines_name_the_line_and_add_nothing(void **state)
{
	struct spell *sp = *state;
	char *dir = test_tmpdir(), *path = xasprintf("%s/stems.txt", dir);
	struct error err;

	assert_int_equal(spell_add_affixed_file(sp, "/nonexistent/stems.txt", &err), -1);
	assert_int_equal(err.code, ERR_IO);
	test_write_file(path, "frobnal/S\nglimbet/q\n", 20);
	assert_int_equal(spell_add_affixed_file(sp, path, &err), -1);
	assert_int_equal(err.code, ERR_FORMAT);
	assert_non_null(strstr(err.msg, ":2:"));
	assert_non_null(strstr(err.msg, "'q'"));
	assert_false(ok(sp, "frobnal"));        /* nothing of the file */
	test_write_file(path, "frobnal/S\ntwo words\n", 21);
	assert_int_equal(spell_add_affixed_file(sp, path, &err), -1);
	assert_non_null(strstr(err.msg, ":2:"));
	test_write_file(path, "frobnal/\n", 9);
	assert_int_equal(spell_add_affixed_file(sp, path, &err), -1);
	assert_non_null(strstr(err.msg, ":1:"));
	test_write_file(path, "b\xff" "d/S\n", 6);
	assert_int_equal(spell_add_affixed_file(sp, path, &err), -1);
	assert_int_equal(err.code, ERR_FORMAT);
	free(path);
	test_rmdir(dir);
}

static void
hyphen__listed_prefix_or_known_parts(void **state)
{
	struct spell *sp = *state;

	assert_false(ok(sp, "pre-award"));      /* "pre" is not a word */
	spell_add_hyphen_prefix(sp, "pre-");
	spell_add_hyphen_prefix(sp, "Intra");
	assert_true(ok(sp, "pre-award"));
	assert_true(ok(sp, "Pre-award"));
	assert_true(ok(sp, "intra-agency"));
	assert_true(ok(sp, "pre\xe2\x80\x91" "award"));   /* U+2011 */
	assert_true(ok(sp, "well-known"));      /* both parts known */
	assert_true(ok(sp, "pre-award's"));
	assert_false(ok(sp, "pre-awrad"));
	assert_false(ok(sp, "award-pre"));      /* a prefix only comes first */
	assert_false(ok(sp, "pre-"));
	assert_false(ok(sp, "pre--award"));
	assert_false(ok(sp, "xeno-award"));     /* not listed */
}

static void
project_words__are_replaced_not_added(void **state)
{
	struct spell *sp = *state;
	struct strlist words = { 0 };

	strlist_push(&words, "Quillfeather");
	spell_set_project_words(sp, &words);
	assert_true(ok(sp, "Quillfeather"));
	strlist_free(&words);
	strlist_push(&words, "Brantwood");
	spell_set_project_words(sp, &words);
	assert_false(ok(sp, "Quillfeather"));
	assert_true(ok(sp, "Brantwood"));
	spell_set_project_words(sp, NULL);
	assert_false(ok(sp, "Brantwood"));
	spell_add_word(sp, "Quillfeather");
	assert_true(ok(sp, "Quillfeather"));
	strlist_free(&words);
}

static void
hostile__long_words_and_nul_never_reach_hunspell(void **state)
{
	struct spell *sp = *state;
	char *big = xmalloc(5000);
	char **s;

	memset(big, 'a', 5000);
	assert_false(spell_check(sp, big, 5000));
	s = spell_suggest(sp, big, 5000, 5);
	assert_null(s[0]);
	spell_free_list(s);
	assert_false(spell_check(sp, "ab\0cd", 5));
	free(big);
}

static void
missing_dictionary__is_not_found(void **state)
{
	struct spell *sp = NULL;
	struct error err;

	(void)state;
	assert_int_equal(spell_new("/nonexistent", "en_US", &sp, &err), -1);
	assert_null(sp);
	assert_int_equal(err.code, ERR_NOTFOUND);
	assert_non_null(strstr(err.msg, "hunspell-en-us"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(check__knows_english_and_rejects_misspellings, setup, teardown),
		cmocka_unit_test_setup_teardown(suggest__offers_the_right_word_first_few, setup, teardown),
		cmocka_unit_test_setup_teardown(suggest__budget_limits_new_searches_not_cached_ones, setup, teardown),
		cmocka_unit_test_setup_teardown(word_file__case_rules_and_possessives, setup, teardown),
		cmocka_unit_test_setup_teardown(word_file__missing_and_invalid_files_are_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(affixed_file__flags_give_inflections_and_suggestions, setup, teardown),
		cmocka_unit_test_setup_teardown(affixed_file__bad_lines_name_the_line_and_add_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(hyphen__listed_prefix_or_known_parts, setup, teardown),
		cmocka_unit_test_setup_teardown(project_words__are_replaced_not_added, setup, teardown),
		cmocka_unit_test_setup_teardown(hostile__long_words_and_nul_never_reach_hunspell, setup, teardown),
		cmocka_unit_test(missing_dictionary__is_not_found),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
