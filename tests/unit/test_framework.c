/* SPDX-License-Identifier: MIT */
/* test_framework.c: parsing the shipped frameworks and refusing broken ones. */
#include "config.h"

#include "testutil.h"

#include "framework.h"
#include "xalloc.h"

static struct framework *
load_shipped(const char *id)
{
	struct framework *fw = NULL;
	struct error err;
	char path[4096];

	snprintf(path, sizeof path, "%s/prompts/%s.ini", test_srcdir(), id);
	if (framework_load_file(path, &fw, &err) != 0)
		fail_msg("%s", err.msg);
	return fw;
}

static void
shipped_ses2010__has_five_ecqs_and_correct_business_acumen(void **state)
{
	struct framework *fw = load_shipped("ses-2010");
	int ba;

	(void)state;
	assert_int_equal(fw->n_ecqs, 5);
	assert_string_equal(fw->ecqs[0].title, "Leading Change");
	assert_string_equal(fw->ecqs[4].title, "Building Coalitions");
	ba = framework_find_ecq(fw, "Business Acumen");
	assert_int_equal(ba, 3);
	/* The OPM deck repeats Leading People's competencies here; we do not. */
	assert_true(strlist_contains(&fw->ecqs[ba].competencies, "Financial Management"));
	assert_true(strlist_contains(&fw->ecqs[ba].competencies, "Human Capital Management"));
	assert_true(strlist_contains(&fw->ecqs[ba].competencies, "Technology Management"));
	assert_false(strlist_contains(&fw->ecqs[ba].competencies, "Team Building"));
	assert_int_equal(fw->fundamentals.n, 6);
	assert_true(fw->ecqs[0].questions.n >= 5);
	assert_int_equal((int)framework_rule(fw, "max_pages", 0), 10);
	assert_int_equal((int)framework_rule(fw, "max_examples_per_ecq", 0), 2);
	assert_int_equal((int)framework_rule(fw, "max_example_age_years", 0), 10);
	assert_int_equal((int)framework_rule(fw, "max_intro_paragraphs", 0), 2);
	assert_true(fw->n_checklist >= 10);
	assert_true(fw->ccar[CCAR_CHALLENGE][0] != '\0');
	framework_free(fw);
}

static void
shipped_ses1994__has_key_characteristics_and_questions(void **state)
{
	struct framework *fw = load_shipped("ses-1994");
	size_t i;

	(void)state;
	assert_int_equal(fw->n_ecqs, 5);
	assert_string_equal(fw->ecqs[0].title, "Strategic Vision");
	for (i = 0; i < fw->n_ecqs; i++) {
		assert_true(fw->ecqs[i].characteristics.n > 0);
		assert_true(fw->ecqs[i].questions.n >= 3);
		assert_true(fw->ecqs[i].competencies.n > 0);
	}
	framework_free(fw);
}

static void
shipped_ses2025__is_current_with_five_ecqs(void **state)
{
	struct framework *fw = load_shipped("ses-2025");
	size_t i;

	(void)state;
	assert_true(fw->current);
	assert_int_equal(fw->n_ecqs, 5);
	assert_string_equal(fw->ecqs[1].title, "Driving Efficiency");
	for (i = 0; i < fw->n_ecqs; i++)
		assert_true(fw->ecqs[i].questions.n >= 3);
	framework_free(fw);
}

/* Issue 9: the fifteen competencies OPM names for the 2025 ECQs, three each,
 * in OPM's order, and nothing else (no 2010-style lists, no focus areas). */
static void
shipped_ses2025__lists_opms_fifteen_competencies(void **state)
{
	static const char *const want[5][3] = {
		{ "American System of Government", "Commitment to the Rule of Law", "Civic-Mindedness" },
		{ "Fiscal Responsibility", "Managing Resources", "Leveraging Technology" },
		{ "Technical Skill", "Problem Solving", "Agility and Resilience" },
		{ "Accountability", "Developing Others", "Executive Judgment" },
		{ "Operational Mindset", "Innovation", "Strategic Thinking" },
	};
	struct framework *fw = load_shipped("ses-2025");
	size_t i, k;

	(void)state;
	assert_int_equal(fw->n_ecqs, 5);
	for (i = 0; i < 5; i++) {
		assert_int_equal(fw->ecqs[i].competencies.n, 3);
		for (k = 0; k < 3; k++)
			assert_string_equal(fw->ecqs[i].competencies.items[k], want[i][k]);
		/* The focus questions are our own: a few per competency. */
		assert_true(fw->ecqs[i].questions.n >= 6);
	}
	assert_int_equal(fw->fundamentals.n, 0);
	framework_free(fw);
}

static void
set__loads_all_three_and_defaults_to_current(void **state)
{
	struct framework_set set;
	struct error err;
	char path[4096];

	(void)state;
	snprintf(path, sizeof path, "%s/prompts", test_srcdir());
	if (framework_set_load(path, &set, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(set.n, 3);
	assert_non_null(framework_set_find(&set, "ses-1994"));
	assert_non_null(framework_set_find(&set, "ses-2010"));
	assert_string_equal(framework_set_default(&set)->id, "ses-2025");
	assert_null(framework_set_find(&set, "ses-1999"));
	framework_set_free(&set);
}

static const char minimal[] =
	"[framework]\n"
	"id = t\n"
	"title = Test\n"
	"[rules]\n"
	"max_pages = 7\n"
	"[checklist]\n"
	"make_sure = {we_voice third_person} Use I\n"
	"avoid = Politics\n"
	"[ecq:one]\n"
	"title = One\n"
	"definition = First line\n"
	"  second line\n"
	"  .\n"
	"  new paragraph\n"
	"competency = A\n"
	"competency = B\n"
	"question = Why?\n";

static void
parse__continuations_lists_and_checklist(void **state)
{
	struct framework *fw;
	struct error err;

	(void)state;
	if (framework_parse(minimal, strlen(minimal), "t.ini", &fw, &err) != 0)
		fail_msg("%s", err.msg);
	assert_string_equal(fw->ecqs[0].definition, "First line second line\nnew paragraph");
	assert_int_equal(fw->ecqs[0].competencies.n, 2);
	assert_int_equal(fw->n_checklist, 2);
	assert_int_equal(fw->checklist[0].rules.n, 2);
	assert_string_equal(fw->checklist[0].rules.items[1], "third_person");
	assert_string_equal(fw->checklist[0].text, "Use I");
	assert_int_equal(fw->checklist[1].rules.n, 0);
	assert_true(framework_rule(fw, "max_pages", 0) == 7.0);
	assert_true(framework_rule(fw, "absent", 3.5) == 3.5);
	assert_int_equal(framework_find_ecq(fw, "1"), 0);
	assert_int_equal(framework_find_ecq(fw, "one"), 0);
	assert_int_equal(framework_find_ecq(fw, "ONE"), 0);
	assert_int_equal(framework_find_ecq(fw, "2"), -1);
	framework_free(fw);
}

/* Broken inputs and the line the error must name. */
static const struct {
	int id;
	const char *text;
	const char *expect;     /* substring of the message */
} broken[] = {
	{ 1, "[framework]\nid = t\ntitle = T\n[ecq:a]\ntitle = A\n", "has no definition" },
	{ 2, "[framework]\nid = t\ntitle = T\n[rules]\nmax_pages = ten\n", "t.ini:5: rule value 'ten' is not a number" },
	{ 3, "[framework]\nid = t\ntitle = T\n[bogus]\nx = 1\n", "t.ini:5: unknown section [bogus]" },
	{ 4, "[framework]\nid = t\ntitle = T\nthis line is junk\n", "t.ini:4: not a valid INI line" },
	{ 5, "[framework]\nid = T!\n", "t.ini:2: id 'T!' may use only" },
	{ 6, "[framework]\nid = t\ntitle = T\n[ecq:a]\ntitle = A\ntitle = B\n", "t.ini:6: 'title' is given twice" },
	{ 7, "[framework]\nid = t\ntitle = T\n[ecq:a]\ntitle = A\ndefinition = \xff\xfe\n", "t.ini:6: text is not valid UTF-8" },
	{ 8, "[framework]\nid = t\ntitle = T\n[ecq:a]\ntitle = A\ndefinition = d\nfoo = bar\n", "t.ini:7: unknown key 'foo'" },
	{ 9, "[framework]\ntitle = T\n[ecq:a]\ntitle = A\ndefinition = d\n", "has no id" },
	{ 10, "[framework]\nid = t\ntitle = T\n", "no [ecq:...] sections" },
	{ 11, "[framework]\nid = t\ntitle = T\n[checklist]\nmake_sure = {spelling oops\n", "t.ini:5: '{' without '}'" },
	{ 12, "[framework]\nid = t\ntitle = T\ncurrent = maybe\n", "t.ini:4: expected yes or no" },
	{ 13, "[framework]\nid = t\ntitle = T\n[ecq:a]\ntitle = A\n[ecq:a]\ntitle = B\n", "t.ini:7: section [ecq:a] appears twice" },
	/* Found by fuzz/fuzz_framework: libinih cut a long section name at 49
	 * bytes, so the key silently changed; here it also became all digits,
	 * which framework_find_ecq reads as an ECQ number, never as the key. */
	{ 14, "[framework]\nid = t\ntitle = T\n[ecq:111111111111111111111111111111111111111111111one]\n"
	  "title = A\ndefinition = d\n", "t.ini:4: section name is longer than 49 bytes" },
	{ 15, "[framework]\nid = t\ntitle = T\n[ecq:2]\ntitle = A\ndefinition = d\n",
	  "t.ini:5: ECQ key '2' needs a letter" },
	{ 16, "[framework]\nid = t\ntitle = T\n[documents]\nresume = maybe\n", "t.ini:5: resume = 'maybe': expected first, optional or no" },
	{ 17, "[framework]\nid = t\ntitle = T\n[documents]\nresume_pages = 0\n", "t.ini:5: resume_pages = '0': expected a number from 1 to 20" },
	{ 18, "[framework]\nid = t\ntitle = T\n[documents]\ncards = first\n", "t.ini:5: unknown key 'cards' in [documents]" },
	{ 19, "[framework]\nid = t\ntitle = T\n[documents]\ninterview_min_seconds = 300\n[ecq:a]\ntitle = A\ndefinition = d\n", "interview_min_seconds is more than" },
};

static void
documents__shapes_and_budgets_with_defaults(void **state)
{
	static const char five[] = "[framework]\nid = t\ntitle = T\n[rules]\nmax_pages = 7\n"
	    "[documents]\nnarrative = first\nresume = no\nnarrative_pages = 5\n"
	    "narrative_pages_per_ecq = 1\n[ecq:a]\ntitle = A\ndefinition = d\n";
	struct framework *fw, *f25;
	struct error err;

	(void)state;
	/* none given: the narrative alone, its budget max_pages */
	if (framework_parse(minimal, strlen(minimal), "t.ini", &fw, &err) != 0)
		fail_msg("%s", err.msg);
	assert_false(fw->docs.given);
	assert_int_equal(fw->docs.use[DOC_NARRATIVE], DOC_FIRST);
	assert_true(framework_narrative_pages(fw) == 7.0);
	assert_true(fw->docs.resume_pages == 2.0);
	assert_true(fw->docs.resume_line_lines == 3.0);
	framework_free(fw);
	/* a coordinator's five pages, one per ECQ */
	if (framework_parse(five, strlen(five), "t.ini", &fw, &err) != 0)
		fail_msg("%s", err.msg);
	assert_true(fw->docs.given);
	assert_int_equal(fw->docs.use[DOC_RESUME], DOC_NO);
	assert_true(framework_narrative_pages(fw) == 5.0);
	assert_true(fw->docs.narrative_pages_per_ecq == 1.0);
	framework_free(fw);
	/* the shipped ones: 2025 asks for the résumé and interview first */
	f25 = load_shipped("ses-2025");
	assert_int_equal(f25->docs.use[DOC_RESUME], DOC_FIRST);
	assert_int_equal(f25->docs.use[DOC_INTERVIEW], DOC_FIRST);
	assert_int_equal(f25->docs.use[DOC_NARRATIVE], DOC_OPTIONAL);
	assert_true(f25->docs.interview_max_seconds == 240.0);
	framework_free(f25);
	fw = load_shipped("ses-2010");
	assert_int_equal(fw->docs.use[DOC_NARRATIVE], DOC_FIRST);
	assert_int_equal(fw->docs.use[DOC_RESUME], DOC_NO);
	assert_true(framework_narrative_pages(fw) == 10.0);
	framework_free(fw);
	assert_string_equal(framework_doc_shape_name(DOC_INTERVIEW), "interview");
	assert_string_equal(framework_doc_use_name(DOC_OPTIONAL), "optional");
}

static void
parse__broken_files_name_the_line(void **state)
{
	struct framework *fw;
	struct error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof broken / sizeof broken[0]; i++) {
		error_clear(&err);
		if (framework_parse(broken[i].text, strlen(broken[i].text), "t.ini", &fw, &err) == 0)
			fail_msg("case %d parsed", broken[i].id);
		assert_null(fw);
		assert_int_equal(err.code, ERR_FORMAT);
		if (strstr(err.msg, broken[i].expect) == NULL)
			fail_msg("case %d: got '%s', want '%s'", broken[i].id, err.msg, broken[i].expect);
	}
}

static void
parse__long_line_is_refused_with_its_number(void **state)
{
	char text[1024];
	struct framework *fw;
	struct error err;

	(void)state;
	snprintf(text, sizeof text, "[framework]\nid = t\ntitle = %0250d\n", 0);
	assert_int_equal(framework_parse(text, strlen(text), "t.ini", &fw, &err), -1);
	assert_non_null(strstr(err.msg, "t.ini:3: line is longer than 199 bytes"));
}

static void
parse__nul_byte_is_refused(void **state)
{
	static const char text[] = "[framework]\nid = t\0\n";
	struct framework *fw;
	struct error err;

	(void)state;
	assert_int_equal(framework_parse(text, sizeof text - 1, "t.ini", &fw, &err), -1);
	assert_non_null(strstr(err.msg, "NUL byte"));
}

static void
load__missing_file_is_an_io_error(void **state)
{
	struct framework *fw;
	struct error err;

	(void)state;
	assert_int_equal(framework_load_file("/nonexistent/x.ini", &fw, &err), -1);
	assert_int_equal(err.code, ERR_IO);
	assert_non_null(strstr(err.msg, "/nonexistent/x.ini"));
}

static void
set__a_broken_file_fails_the_whole_set(void **state)
{
	struct framework_set set;
	struct error err;
	char *dir = test_tmpdir(), path[4200];

	(void)state;
	snprintf(path, sizeof path, "%s/good.ini", dir);
	test_write_file(path, minimal, strlen(minimal));
	snprintf(path, sizeof path, "%s/bad.ini", dir);
	test_write_file(path, "[framework]\nid = x\ntitle = X\n[nope]\nx = 1\n", 42);
	assert_int_equal(framework_set_load(dir, &set, &err), -1);
	assert_non_null(strstr(err.msg, "bad.ini:5"));
	test_rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shipped_ses2010__has_five_ecqs_and_correct_business_acumen),
		cmocka_unit_test(shipped_ses1994__has_key_characteristics_and_questions),
		cmocka_unit_test(shipped_ses2025__is_current_with_five_ecqs),
		cmocka_unit_test(shipped_ses2025__lists_opms_fifteen_competencies),
		cmocka_unit_test(set__loads_all_three_and_defaults_to_current),
		cmocka_unit_test(parse__continuations_lists_and_checklist),
		cmocka_unit_test(parse__broken_files_name_the_line),
		cmocka_unit_test(documents__shapes_and_budgets_with_defaults),
		cmocka_unit_test(parse__long_line_is_refused_with_its_number),
		cmocka_unit_test(parse__nul_byte_is_refused),
		cmocka_unit_test(load__missing_file_is_an_io_error),
		cmocka_unit_test(set__a_broken_file_fails_the_whole_set),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
