/* SPDX-License-Identifier: MIT */
/* test_resume.c: drafting a résumé line, the résumé-mode rules, coverage
 * and the page settings. */
#include "config.h"

#include "testutil.h"

#include "checker.h"
#include "framework.h"
#include "resume.h"
#include "xalloc.h"

static const char fw_text[] =
	"[framework]\nid = t\ntitle = T\n[documents]\nresume = first\nresume_line_lines = 3\n"
	"[ecq:one]\ntitle = One\ndefinition = d\n[ecq:two]\ntitle = Two\ndefinition = d\n";

static void
example_init(struct example *ex, const char *challenge, const char *action, const char *result)
{
	int f;

	memset(ex, 0, sizeof *ex);
	for (f = 0; f < EX_FIELD_COUNT; f++)
		ex->field[f] = (char *)"";
	ex->field[EX_CHALLENGE] = (char *)challenge;
	ex->field[EX_ACTION] = (char *)action;
	ex->field[EX_RESULT] = (char *)result;
	ex->id = 7;
}

static void
draft__verb_first_numbers_kept_no_i(void **state)
{
	struct example ex;
	char *d;

	(void)state;
	example_init(&ex, "Our benefits office took 90 days to process a claim. Staff were tired.",
	    "I mapped the claims process with staff and cut 14 hand-offs to five. I trained all 60 reviewers.",
	    "As a result, processing time fell to 30 days within a year, saving $1.2 million.");
	d = resume_draft(&ex);
	assert_true(strncmp(d, "Mapped the claims process", 25) == 0);
	assert_non_null(strstr(d, "90 days"));
	assert_non_null(strstr(d, "30 days"));
	assert_non_null(strstr(d, "$1.2 million"));
	assert_null(strstr(d, "Our "));
	assert_null(strstr(d, " I "));
	assert_null(strstr(d, "As a result"));
	assert_int_equal(d[strlen(d) - 1], '.');
	free(d);
	/* nothing written yet: nothing drafted */
	example_init(&ex, "", "", "");
	d = resume_draft(&ex);
	assert_string_equal(d, "");
	free(d);
	/* no "I <verb>": a neutral verb leads */
	example_init(&ex, "", "The team rebuilt the portal.", "Traffic doubled to 40,000 visits.");
	d = resume_draft(&ex);
	assert_true(strncmp(d, "Led ", 4) == 0);
	assert_non_null(strstr(d, "40,000"));
	free(d);
}

static bool
has_rule(const struct findings *fs, const char *rule)
{
	size_t i;

	for (i = 0; i < fs->n; i++)
		if (strcmp(fs->items[i].rule, rule) == 0)
			return true;
	return false;
}

/* Table of résumé lines and the rules each must (and must not) raise. */
static const struct {
	int id;
	const char *line;
	int lines;
	const char *want;       /* rule that must fire, or NULL */
	const char *not_want;   /* rule that must not fire, or NULL */
} cases[] = {
	{ 1, "Cut payment time from 21 days to 4.", 1, NULL, "action_verb" },
	{ 2, "I cut payment time from 21 days to 4.", 1, "first_person", NULL },
	{ 3, "Cut my office's payment time from 21 days to 4.", 1, "first_person", NULL },
	{ 4, "Responsible for payments to 3,000 grantees.", 1, "action_verb", "first_person" },
	{ 5, "Payment time fell from 21 days to 4.", 1, "action_verb", "unquantified_result" },
	{ 6, "Improved payments for grantees.", 1, "unquantified_result", "action_verb" },
	{ 7, "Standardized 12 checklists into one.", 1, NULL, "action_verb" },
	{ 8, "Led 40 staff through a reorganization.", 4, "resume_length", NULL },
	{ 9, "Led 40 staff through a reorganization.", 3, NULL, "resume_length" },
	{ 10, "We cut payment time by half.", 1, "we_voice", NULL },
	{ 11, "Cut costs by 20 percent; the new process was adopted by every region.", 1,
	  "passive", NULL },
	{ 12, "Utilized data to cut errors by 30 percent.", 1, "bureaucratic", NULL },
	/* the verb after a leading "I" is judged; "My team" opens with who */
	{ 13, "I was responsible for 12 staff and $4 million.", 1, "action_verb", NULL },
	{ 14, "I led 40 staff through a reorganization.", 1, "first_person", "action_verb" },
	{ 15, "My team cut costs by 10 percent.", 1, "action_verb", NULL },
	/* a current position speaks in the present tense */
	{ 16, "Lead a 30-person team that answers 4,000 calls a week.", 1, NULL, "action_verb" },
	{ 17, "Oversee a $240 million budget.", 1, NULL, "action_verb" },
};

static void
rules__each_line_gets_its_findings(void **state)
{
	struct checker_options o = { .data_dir = test_srcdir(), .user_words = "", .no_spelling = true };
	struct checker *ck;
	struct framework *fw;
	struct project p;
	struct example ex;
	struct findings fs;
	struct error err;
	size_t i;

	(void)state;
	if (checker_new(&o, &ck, &err) != 0)
		fail_msg("%s", err.msg);
	if (framework_parse(fw_text, strlen(fw_text), "t.ini", &fw, &err) != 0)
		fail_msg("%s", err.msg);
	memset(&p, 0, sizeof p);
	p.fw = fw;
	example_init(&ex, "", "", "");
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		findings_init(&fs);
		resume_check_line(ck, &p, &ex, cases[i].line, cases[i].lines, &fs);
		if (cases[i].want != NULL && !has_rule(&fs, cases[i].want))
			fail_msg("case %d: no %s", cases[i].id, cases[i].want);
		if (cases[i].not_want != NULL && has_rule(&fs, cases[i].not_want))
			fail_msg("case %d: unexpected %s", cases[i].id, cases[i].not_want);
		if (fs.n > 0)
			assert_string_equal(fs.items[0].target, "example.7.resume");
		findings_free(&fs);
	}
	framework_free(fw);
	checker_free(ck);
}

/* With the speller, a line about a current position may open with any
 * regular verb in the present tense ("Manage", "Supervises", "Plan"); a
 * noun or an adjective first still gets action_verb. */
static void
rules__present_tense_of_regular_verbs_with_the_speller(void **state)
{
	static const struct { const char *line; bool want; } lines[] = {
		{ "Manage a $48 million budget for 11 offices.", false },
		{ "Manages 18 IT investments worth $96 million.", false },
		{ "Supervise 12 auditors in three field offices.", false },
		{ "Plan and run 4 readiness exercises a year.", false },
		{ "Analyze 30,000 claims a month.", false },
		{ "Strategic leader of a 60-person office.", true },
		{ "Point of contact for 22 state partners.", true },
		{ "Successfully delivered 14 releases in 2024.", true },
	};
	struct checker_options o = { .data_dir = test_srcdir(), .user_words = "" };
	struct checker *ck;
	struct framework *fw;
	struct project p;
	struct example ex;
	struct findings fs;
	struct error err;
	size_t i;

	(void)state;
	if (checker_new(&o, &ck, &err) != 0)
		fail_msg("%s", err.msg);
	if (!checker_spell_available(ck)) {
		checker_free(ck);
		skip();
	}
	if (framework_parse(fw_text, strlen(fw_text), "t.ini", &fw, &err) != 0)
		fail_msg("%s", err.msg);
	memset(&p, 0, sizeof p);
	p.fw = fw;
	example_init(&ex, "", "", "");
	for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		findings_init(&fs);
		resume_check_line(ck, &p, &ex, lines[i].line, 1, &fs);
		if (has_rule(&fs, "action_verb") != lines[i].want)
			fail_msg("\"%s\": action_verb %s", lines[i].line,
			    lines[i].want ? "missing" : "raised");
		findings_free(&fs);
	}
	framework_free(fw);
	checker_free(ck);
}

static void
coverage__names_the_ecqs_it_lacks(void **state)
{
	struct framework *fw;
	struct project p;
	struct example ex[2];
	struct error err;
	bool shown[2];
	char *line;

	(void)state;
	if (framework_parse(fw_text, strlen(fw_text), "t.ini", &fw, &err) != 0)
		fail_msg("%s", err.msg);
	memset(&p, 0, sizeof p);
	p.fw = fw;
	p.examples = ex;
	p.n_examples = 2;
	example_init(&ex[0], "", "", "");
	example_init(&ex[1], "", "", "");
	ex[1].ecq = 1;
	ex[0].resume = (char *)"Cut costs by 5 percent.";
	ex[1].resume = (char *)"  ";
	assert_int_equal(resume_coverage(&p, shown), 1);
	assert_true(shown[0]);
	assert_false(shown[1]);
	line = resume_coverage_line(&p);
	assert_string_equal(line, "Shows ECQ 1; lacks 2 (Two)");
	free(line);
	ex[1].resume = (char *)"Built 3 teams.";
	line = resume_coverage_line(&p);
	assert_string_equal(line, "Shows all 2 ECQs");
	free(line);
	framework_free(fw);
}

static void
settings__ranges_are_kept(void **state)
{
	struct resume_settings s;
	struct error err;

	(void)state;
	resume_settings_default(&s);
	assert_true(s.margin_in == 0.5 && s.font_pt == 10);
	assert_int_equal(resume_settings_parse("0.75", "11", &s, &err), 0);
	assert_true(s.margin_in == 0.75 && s.font_pt == 11);
	assert_int_equal(resume_settings_parse("0.4", NULL, &s, &err), -1);
	assert_non_null(strstr(err.msg, "0.5 to 1 inches"));
	assert_int_equal(resume_settings_parse(NULL, "13", &s, &err), -1);
	assert_int_equal(resume_settings_parse(NULL, "12x", &s, &err), -1);
	assert_true(s.margin_in == 0.75 && s.font_pt == 11);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(draft__verb_first_numbers_kept_no_i),
		cmocka_unit_test(rules__each_line_gets_its_findings),
		cmocka_unit_test(rules__present_tense_of_regular_verbs_with_the_speller),
		cmocka_unit_test(coverage__names_the_ecqs_it_lacks),
		cmocka_unit_test(settings__ranges_are_kept),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
