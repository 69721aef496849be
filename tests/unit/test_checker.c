/* SPDX-License-Identifier: MIT */
/* test_checker.c: the engine: rule table, selection, spelling, encoding,
 * user words, a missing dictionary, and dismissed findings in a project. */
#include "config.h"

#include "testutil.h"

#include <unistd.h>

#include "checker.h"
#include "framework.h"
#include "store.h"
#include "xalloc.h"

static bool
have_dictionary(void)
{
	return access("/usr/share/hunspell/en_US.dic", R_OK) == 0;
}

static struct checker *
new_checker(const char *rules, bool no_spelling)
{
	struct checker_options o = { .data_dir = test_srcdir(), .user_words = "", .rules = rules,
	    .no_spelling = no_spelling };
	struct checker *ck = NULL;
	struct error err;

	if (checker_new(&o, &ck, &err) != 0)
		fail_msg("checker_new: %s", err.msg);
	return ck;
}

static size_t
count_rule(const struct findings *fs, const char *rule)
{
	size_t i, n = 0;

	for (i = 0; i < fs->n; i++)
		n += strcmp(fs->items[i].rule, rule) == 0;
	return n;
}

static void
rules__table_lists_every_public_id_once(void **state)
{
	static const char *const ids[] = {
		"spelling", "passive", "we_voice", "third_person", "acronym_undefined",
		"acronym_overuse", "bureaucratic", "vague", "belief", "political", "disparaging",
		"cross_reference", "question", "long_sentence", "grammar", "unquantified_result",
		"too_many_examples", "duplicate_example", "example_too_old", "intro_too_long",
		"definition_included", "missing_part", "competency_coverage", "word_budget",
		"page_limit", NULL
	};
	const struct rule_info *r = checker_rules(), *a, *b;
	size_t i;

	(void)state;
	for (i = 0; ids[i] != NULL; i++) {
		const struct rule_info *ri = checker_rule(ids[i]);

		if (ri == NULL)
			fail_msg("rule %s is missing", ids[i]);
		assert_non_null(ri->summary);
	}
	assert_false(checker_rule("spelling")->project);
	assert_true(checker_rule("word_budget")->project);
	assert_null(checker_rule("no_such_rule"));
	for (a = r; a->id != NULL; a++)
		for (b = a + 1; b->id != NULL; b++)
			assert_string_not_equal(a->id, b->id);
}

static void
select__only_listed_rules_run(void **state)
{
	const char *s = "The report was written by the team. Teh managment agreed.";
	struct checker *ck;
	struct findings fs;

	(void)state;
	if (!have_dictionary())
		skip();
	ck = new_checker("spelling", false);
	findings_init(&fs);
	checker_check_text(ck, s, strlen(s), NULL, &fs);
	assert_int_equal(count_rule(&fs, "spelling"), 2);
	assert_int_equal(count_rule(&fs, "passive"), 0);
	findings_free(&fs);
	checker_free(ck);

	ck = new_checker("-spelling", false);
	assert_false(checker_spell_available(ck));
	checker_check_text(ck, s, strlen(s), NULL, &fs);
	assert_int_equal(count_rule(&fs, "spelling"), 0);
	assert_int_equal(count_rule(&fs, "passive"), 1);
	findings_free(&fs);
	checker_free(ck);
}

static void
select__unknown_rule_is_a_usage_error(void **state)
{
	struct checker_options o = { .data_dir = test_srcdir(), .user_words = "",
	    .rules = "passive,speling" };
	struct checker *ck = NULL;
	struct error err;

	(void)state;
	assert_int_equal(checker_new(&o, &ck, &err), -1);
	assert_null(ck);
	assert_int_equal(err.code, ERR_USAGE);
	assert_non_null(strstr(err.msg, "speling"));
}

static void
spelling__findings_carry_suggestions_and_spans(void **state)
{
	const char *s = "I recieved 12 FEMA grants at www.fema.gov, e.g. in FY2024 for GS-15 staff.";
	struct checker *ck;
	struct findings fs;

	(void)state;
	if (!have_dictionary())
		skip();
	ck = new_checker("spelling", false);
	findings_init(&fs);
	checker_check_text(ck, s, strlen(s), NULL, &fs);
	assert_int_equal(fs.n, 1);
	assert_string_equal(fs.items[0].rule, "spelling");
	assert_int_equal(fs.items[0].offset, 2);
	assert_int_equal(fs.items[0].length, strlen("recieved"));
	assert_int_equal(fs.items[0].ecq, -1);
	assert_null(fs.items[0].target);
	assert_non_null(fs.items[0].suggestions);
	assert_string_equal(fs.items[0].suggestions[0], "received");
	assert_string_equal(fs.items[0].suggestion, "received");
	findings_free(&fs);
	checker_free(ck);
}

static void
spelling__federal_word_list_is_all_known(void **state)
{
	char *path = xasprintf("%s/dictionaries/federal-words.txt", test_srcdir());
	FILE *f = fopen(path, "r");
	struct checker *ck;
	struct findings fs;
	char line[256];
	size_t n = 0;

	(void)state;
	if (!have_dictionary() || f == NULL)
		skip();
	ck = new_checker("spelling", false);
	findings_init(&fs);
	while (fgets(line, sizeof line, f) != NULL) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		checker_check_text(ck, line, strlen(line), NULL, &fs);
		n++;
	}
	fclose(f);
	if (fs.n > 0)
		fail_msg("%zu of %zu entries flagged, first: %s", fs.n, n, fs.items[0].message);
	assert_true(n >= 400);
	findings_free(&fs);
	checker_free(ck);
	free(path);
}

/* Issue 9: federal words in their inflected forms and hyphenated words with
 * a standard prefix pass; typos of them are still flagged. */
static void
spelling__federal_inflections_and_hyphen_prefixes(void **state)
{
	static const char *const good[] = {
		"rollouts", "cutovers", "runbooks", "Runbooks", "multifactor", "recertification",
		"recertified", "recertifying", "reprogrammings", "rescissions", "nonsupervisory",
		"deobligating", "subrecipients", "failovers", "pre-award", "Pre-award",
		"intra-agency", "post\xe2\x80\x90" "award", "co-led", "non-FedRAMP", "cross-agency",
		"multi-year", "sub-agencies", NULL
	};
	static const char *const bad[] = {
		"recertifcation", "rolouts", "runbok", "nonsupervisroy", "pre-awrad", "intra-agnecy",
		"xqzt-award", "pre-", NULL
	};
	struct checker *ck;
	struct findings fs;
	size_t i;

	(void)state;
	if (!have_dictionary())
		skip();
	ck = new_checker("spelling", false);
	for (i = 0; good[i] != NULL; i++) {
		findings_init(&fs);
		checker_check_text(ck, good[i], strlen(good[i]), NULL, &fs);
		if (fs.n != 0)
			fail_msg("\"%s\" flagged: %s", good[i], fs.items[0].message);
		findings_free(&fs);
	}
	for (i = 0; bad[i] != NULL; i++) {
		findings_init(&fs);
		checker_check_text(ck, bad[i], strlen(bad[i]), NULL, &fs);
		if (count_rule(&fs, "spelling") != 1)
			fail_msg("\"%s\" not flagged", bad[i]);
		findings_free(&fs);
	}
	checker_free(ck);
}

/* Every entry of the affix-aware list is known with the list loaded, and the
 * list has a few hundred entries. */
static void
spelling__federal_stems_are_all_known(void **state)
{
	char *path = xasprintf("%s/dictionaries/federal-stems.txt", test_srcdir());
	FILE *f = fopen(path, "r");
	struct checker *ck;
	struct findings fs;
	char line[256];
	size_t n = 0;

	(void)state;
	if (!have_dictionary() || f == NULL)
		skip();
	ck = new_checker("spelling", false);
	assert_null(checker_warning(ck));
	findings_init(&fs);
	while (fgets(line, sizeof line, f) != NULL) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		line[strcspn(line, "/\n")] = '\0';
		checker_check_text(ck, line, strlen(line), NULL, &fs);
		n++;
	}
	fclose(f);
	if (fs.n > 0)
		fail_msg("%zu of %zu entries flagged, first: %s", fs.n, n, fs.items[0].message);
	assert_true(n >= 300);
	findings_free(&fs);
	checker_free(ck);
	free(path);
}

static void
encoding__invalid_bytes_are_reported_and_the_rest_checked(void **state)
{
	const char s[] = "Good \xff\xfe text. Teh end.";
	struct checker *ck;
	struct findings fs;

	(void)state;
	ck = new_checker("encoding,spelling", !have_dictionary());
	findings_init(&fs);
	checker_check_text(ck, s, sizeof s - 1, NULL, &fs);
	findings_sort(&fs);
	assert_true(fs.n >= 1);
	assert_string_equal(fs.items[0].rule, "encoding");
	assert_int_equal(fs.items[0].offset, 5);
	assert_int_equal(fs.items[0].length, 2);
	assert_int_equal(fs.items[0].severity, SEV_ERROR);
	if (have_dictionary())
		assert_int_equal(count_rule(&fs, "spelling"), 1);
	findings_free(&fs);
	checker_free(ck);
}

static void
missing_dictionary__one_warning_and_other_rules_run(void **state)
{
	const char *s = "The report was written by the team. Teh end.";
	struct checker *ck;
	struct findings fs;

	(void)state;
	setenv("DICPATH", "/nonexistent-dictionaries", 1);
	ck = new_checker(NULL, false);
	unsetenv("DICPATH");
	assert_non_null(checker_warning(ck));
	assert_non_null(strstr(checker_warning(ck), "hunspell"));
	assert_false(checker_spell_available(ck));
	assert_true(checker_spell_ok(ck, "Teh"));
	findings_init(&fs);
	checker_check_text(ck, s, strlen(s), NULL, &fs);
	assert_int_equal(count_rule(&fs, "spelling"), 0);
	assert_int_equal(count_rule(&fs, "passive"), 1);
	findings_free(&fs);
	checker_free(ck);
}

static void
user_words__are_saved_and_read_back(void **state)
{
	char *dir = test_tmpdir(), *path = xasprintf("%s/sub/dir/words.txt", dir);
	struct checker_options o = { .data_dir = test_srcdir(), .user_words = path };
	struct checker *ck = NULL;
	struct error err;
	char **sugg;

	(void)state;
	if (!have_dictionary())
		skip();
	assert_int_equal(checker_new(&o, &ck, &err), 0);
	assert_false(checker_spell_ok(ck, "Quillfeather"));
	sugg = checker_suggest(ck, "managment");
	assert_non_null(sugg);
	assert_non_null(sugg[0]);
	checker_free_list(sugg);
	assert_int_equal(checker_add_user_word(ck, "Quillfeather", &err), 0);
	assert_true(checker_spell_ok(ck, "Quillfeather"));
	assert_int_equal(checker_add_user_word(ck, "two words", &err), -1);
	assert_int_equal(err.code, ERR_USAGE);
	checker_free(ck);
	assert_int_equal(checker_new(&o, &ck, &err), 0);
	assert_true(checker_spell_ok(ck, "Quillfeather"));
	checker_free(ck);
	free(path);
	test_rmdir(dir);
}

static void
project__fields_checked_and_dismissed_findings_dropped(void **state)
{
	char *dir = test_tmpdir(), *path = xasprintf("%s/p.ecq", dir);
	char *ini = xasprintf("%s/prompts/ses-2010.ini", test_srcdir());
	struct framework *fw = NULL;
	struct store *st = NULL;
	struct checker *ck;
	struct findings fs;
	struct error err;
	const struct project *p;
	int64_t id;
	size_t i, n_spelling = 0;
	char *target;

	(void)state;
	if (!have_dictionary())
		skip();
	assert_int_equal(framework_load_file(ini, &fw, &err), 0);
	assert_int_equal(store_create(path, fw, "Jordan Quillfeather", &st, &err), 0);
	assert_int_equal(store_add_example(st, 0, "Modernizing intake", &id, &err), 0);
	assert_int_equal(store_set_example_field(st, id, EX_ACTION,
	    "I recieved the plan. Quillfeather reviewed it.", &err), 0);
	assert_int_equal(store_set_intro(st, 1, "I managed teh budget.", &err), 0);
	ck = new_checker("spelling", false);
	findings_init(&fs);
	checker_check_project(ck, store_project(st), &fs);
	for (i = 0; i < fs.n; i++) {
		if (strcmp(fs.items[i].rule, "spelling") != 0)
			continue;
		n_spelling++;
		if (fs.items[i].example == id) {
			assert_int_equal(fs.items[i].ecq, 0);
			assert_int_equal(fs.items[i].field, EX_ACTION);
			target = xasprintf("example.%lld.action", (long long)id);
			assert_string_equal(fs.items[i].target, target);
			free(target);
		} else {
			assert_int_equal(fs.items[i].ecq, 1);
			assert_int_equal(fs.items[i].field, -1);
			assert_string_equal(fs.items[i].target, "intro.1");
		}
	}
	/* "recieved" and "teh"; the candidate's name is not a misspelling. */
	assert_int_equal(n_spelling, 2);
	findings_free(&fs);

	target = xasprintf("example.%lld.action", (long long)id);
	assert_int_equal(store_dismiss(st, "spelling", target, "recieved", &err), 0);
	free(target);
	p = store_project(st);
	checker_check_project(ck, p, &fs);
	assert_int_equal(count_rule(&fs, "spelling"), 1);
	assert_string_equal(fs.items[0].target, "intro.1");
	findings_free(&fs);
	checker_free(ck);
	store_close(st);
	framework_free(fw);
	free(ini);
	free(path);
	test_rmdir(dir);
}

/* An example's title gets the text rules, not only spelling; an acronym the
 * example spells out is not "undefined" in its title. */
static void
project__titles_are_checked_like_other_text(void **state)
{
	char *dir = test_tmpdir(), *path = xasprintf("%s/p.ecq", dir);
	char *ini = xasprintf("%s/prompts/ses-2010.ini", test_srcdir());
	struct framework *fw = NULL;
	struct store *st = NULL;
	struct checker *ck;
	struct findings fs;
	struct error err;
	int64_t id, id2;
	size_t i, on_title = 0;

	(void)state;
	assert_int_equal(framework_load_file(ini, &fw, &err), 0);
	assert_int_equal(store_create(path, fw, "Jordan Quillfeather", &st, &err), 0);
	assert_int_equal(store_add_example(st, 0, "How we utilized a new budget system", &id,
	    &err), 0);
	assert_int_equal(store_set_example_field(st, id, EX_ACTION,
	    "I chose the system and trained 40 analysts.", &err), 0);
	assert_int_equal(store_add_example(st, 0, "Standing up the CFO office", &id2, &err), 0);
	assert_int_equal(store_set_example_field(st, id2, EX_CHALLENGE,
	    "The agency had no Chief Financial Officer (CFO) and no audited statements.",
	    &err), 0);
	ck = new_checker("we_voice,bureaucratic,acronym_undefined", true);
	findings_init(&fs);
	checker_check_project(ck, store_project(st), &fs);
	for (i = 0; i < fs.n; i++) {
		if (fs.items[i].field != EX_TITLE)
			continue;
		on_title++;
		assert_int_equal(fs.items[i].example, id);
		assert_true(strcmp(fs.items[i].rule, "we_voice") == 0 ||
		    strcmp(fs.items[i].rule, "bureaucratic") == 0);
	}
	assert_int_equal(on_title, 2);
	findings_free(&fs);
	checker_free(ck);
	store_close(st);
	framework_free(fw);
	free(ini);
	free(path);
	test_rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rules__table_lists_every_public_id_once),
		cmocka_unit_test(select__only_listed_rules_run),
		cmocka_unit_test(select__unknown_rule_is_a_usage_error),
		cmocka_unit_test(spelling__findings_carry_suggestions_and_spans),
		cmocka_unit_test(spelling__federal_word_list_is_all_known),
		cmocka_unit_test(spelling__federal_inflections_and_hyphen_prefixes),
		cmocka_unit_test(spelling__federal_stems_are_all_known),
		cmocka_unit_test(encoding__invalid_bytes_are_reported_and_the_rest_checked),
		cmocka_unit_test(missing_dictionary__one_warning_and_other_rules_run),
		cmocka_unit_test(user_words__are_saved_and_read_back),
		cmocka_unit_test(project__fields_checked_and_dismissed_findings_dropped),
		cmocka_unit_test(project__titles_are_checked_like_other_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
