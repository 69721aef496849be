/* SPDX-License-Identifier: MIT */
/* test_card.c: interview cards: speaking time, the first draft, the card
 * rules (card_time, card_no_result) and the framework's interview
 * questions. */
#include "config.h"

#include "testutil.h"

#include "card.h"
#include "checks/card_rules.h"
#include "framework.h"
#include "xalloc.h"

static const char fw_text[] =
	"[framework]\nid = t\ntitle = T\n[documents]\ninterview = first\n"
	"interview_min_seconds = 120\ninterview_max_seconds = 240\n"
	"[ecq:one]\ntitle = One\ndefinition = d\n"
	"interview_question = Tell me about a time you led a change.\n"
	"interview_question = Tell me about a time a plan failed.\n"
	"[ecq:two]\ntitle = Two\ndefinition = d\n";

static void
example_init(struct example *ex, const char *challenge, const char *action, const char *result)
{
	int f;

	memset(ex, 0, sizeof *ex);
	for (f = 0; f < EX_FIELD_COUNT; f++)
		ex->field[f] = (char *)"";
	ex->field[EX_TITLE] = (char *)"Claims";
	ex->field[EX_CHALLENGE] = (char *)challenge;
	ex->field[EX_ACTION] = (char *)action;
	ex->field[EX_RESULT] = (char *)result;
	ex->id = 7;
}

/* n words "word word ..." in paras paragraphs (one line each). */
static char *
words(size_t n, size_t paras)
{
	char *s = xcalloc(n * 5 + paras + 1, 1), *p = s;
	size_t i, per = n / paras;

	for (i = 0; i < n; i++) {
		memcpy(p, "word", 4);
		p += 4;
		if (i + 1 < n)
			*p++ = (per > 0 && (i + 1) % per == 0 && (i + 1) / per < paras) ? '\n' : ' ';
	}
	return s;
}

static void
time__words_at_the_pace_plus_paragraph_pauses(void **state)
{
	char *s;
	char clock[16];

	(void)state;
	assert_true(card_seconds("", 130) == 0);
	/* 130 words at 130 a minute: one minute */
	s = words(130, 1);
	assert_true(card_seconds(s, 130) > 59.99 && card_seconds(s, 130) < 60.01);
	/* 65 a minute: two minutes; out of range: the default pace */
	assert_true(card_seconds(s, 65 * 2) > 59.99);
	assert_true(card_seconds(s, 5) > 59.99 && card_seconds(s, 5) < 60.01);
	assert_true(card_seconds(s, 100) > 77.9 && card_seconds(s, 100) < 78.1);
	free(s);
	/* the same words in three paragraphs: two pauses more */
	s = words(130, 3);
	assert_true(card_seconds(s, 130) > 60 + 2 * CARD_PARAGRAPH_PAUSE - 0.01 &&
	    card_seconds(s, 130) < 60 + 2 * CARD_PARAGRAPH_PAUSE + 0.01);
	free(s);
	card_clock(155.4, clock, sizeof clock);
	assert_string_equal(clock, "2:35");
	card_clock(59.6, clock, sizeof clock);
	assert_string_equal(clock, "1:00");
	card_clock(-3, clock, sizeof clock);
	assert_string_equal(clock, "0:00");
}

static void
draft__opening_actions_result(void **state)
{
	struct example ex;
	char *d;

	(void)state;
	example_init(&ex, "Our claims took 90 days. Staff were tired.",
	    "I mapped the process. I cut 14 hand-offs to five. I told the union.\n"
	    "I trained all 60 reviewers.",
	    "Processing fell to 30 days. We saved $1.2 million.\nA second paragraph.");
	d = card_draft(&ex);
	/* a story this short is said whole: a short first sentence of the
	 * challenge takes the next on the opening line */
	assert_string_equal(d, "Our claims took 90 days. Staff were tired.\n"
	    "I mapped the process. I cut 14 hand-offs to five. I told the union.\n"
	    "I trained all 60 reviewers.\n"
	    "Processing fell to 30 days. We saved $1.2 million.\n"
	    "A second paragraph.");
	free(d);
	example_init(&ex, "", "", "");
	d = card_draft(&ex);
	assert_string_equal(d, "");
	free(d);
	/* no challenge: the title names it */
	example_init(&ex, "", "I led it.", "");
	d = card_draft(&ex);
	assert_string_equal(d, "This is about Claims.\nI led it.");
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

static void
rules__long_short_and_no_result(void **state)
{
	struct framework *fw;
	struct error err;
	struct findings fs;
	struct example ex;
	char *s, *card;

	(void)state;
	assert_int_equal(framework_parse(fw_text, strlen(fw_text), "t.ini", &fw, &err), 0);
	example_init(&ex, "c", "a", "Claims fell to 30 days.");
	/* 390 words (3 minutes) with the result's figure: nothing */
	s = words(380, 4);
	card = xasprintf("%s and it fell to 30 days", s);
	findings_init(&fs);
	card_rules_check(fw, &ex, card, 130, &fs);
	assert_int_equal(fs.n, 0);
	/* the same at 90 words a minute: over four minutes */
	card_rules_check(fw, &ex, card, 90, &fs);
	assert_int_equal(fs.n, 1);
	assert_string_equal(fs.items[0].rule, "card_time");
	assert_string_equal(fs.items[0].target, "example.7.card");
	assert_non_null(strstr(fs.items[0].message, "over"));
	assert_non_null(strstr(fs.items[0].suggestion, "cut about"));
	findings_free(&fs);
	free(card);
	free(s);
	/* 100 words, no figure of the result: short and no result */
	s = words(100, 1);
	findings_init(&fs);
	card_rules_check(fw, &ex, s, 130, &fs);
	assert_int_equal(fs.n, 2);
	assert_true(has_rule(&fs, "card_time") && has_rule(&fs, "card_no_result"));
	assert_non_null(strstr(fs.items[0].message, "under"));
	findings_free(&fs);
	/* a result with no figure: the word "result" or any figure will do */
	example_init(&ex, "c", "a", "Staff were happier.");
	findings_init(&fs);
	card_rules_check(fw, &ex, "The result was happier staff.", 130, &fs);
	assert_false(has_rule(&fs, "card_no_result"));
	card_rules_check(fw, &ex, "Nothing to tell.", 130, &fs);
	assert_true(has_rule(&fs, "card_no_result"));
	findings_free(&fs);
	/* a Result told in words: its phrase said aloud tells it */
	example_init(&ex, "c", "a", "Processing time fell from three days to seven hours.");
	findings_init(&fs);
	card_rules_check(fw, &ex, "In the end, processing time fell from three days to seven "
	    "hours.", 130, &fs);
	assert_false(has_rule(&fs, "card_no_result"));
	card_rules_check(fw, &ex, "I fixed the process and moved on.", 130, &fs);
	assert_true(has_rule(&fs, "card_no_result"));
	findings_free(&fs);
	/* an empty card: nothing to say about it */
	findings_init(&fs);
	card_rules_check(fw, &ex, " \n", 130, &fs);
	assert_int_equal(fs.n, 0);
	findings_free(&fs);
	free(s);
	framework_free(fw);
}

static void
questions__per_ecq_counting_round(void **state)
{
	struct framework *fw;
	struct error err;

	(void)state;
	assert_int_equal(framework_parse(fw_text, strlen(fw_text), "t.ini", &fw, &err), 0);
	assert_int_equal(fw->ecqs[0].interview_questions.n, 2);
	assert_string_equal(card_question(fw, 0, 0), "Tell me about a time you led a change.");
	assert_string_equal(card_question(fw, 0, 1), "Tell me about a time a plan failed.");
	assert_string_equal(card_question(fw, 0, 2), "Tell me about a time you led a change.");
	assert_null(card_question(fw, 1, 0));
	assert_null(card_question(fw, 5, 0));
	framework_free(fw);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(time__words_at_the_pace_plus_paragraph_pauses),
		cmocka_unit_test(draft__opening_actions_result),
		cmocka_unit_test(rules__long_short_and_no_result),
		cmocka_unit_test(questions__per_ecq_counting_round),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
