/* SPDX-License-Identifier: MIT */
/* test_plan.c: the shipped plans parse and expand; broken plans are refused
 * with file:line: reason; the shared clock's arithmetic. */
#include "config.h"

#include "testutil.h"

#include "framework.h"
#include "plan.h"
#include "xalloc.h"

static void
load_shipped(const char *name, struct plan *pl)
{
	struct error err;
	char *path = plan_path(name, test_srcdir());

	if (plan_load_file(path, pl, &err) != 0)
		fail_msg("%s", err.msg);
	free(path);
}

static void
every_shipped_plan__parses_and_expands_for_its_framework(void **state)
{
	static const struct { const char *name, *fw; size_t n_steps; long minutes; } cases[] = {
		{ "self-paced", "ses-2025", 1 + 5 * 20 + 3, 0 },
		{ "one-day-2025", "ses-2025", 1 + 5 * 10 + 3 + 2, 360 },
		{ "two-session-2010", "ses-2010", 1 + 2 * 10 + 2 + 1 + 3 * 10 + 3, 360 },
		{ "example-clinic", "ses-2010", 11, 90 },
		{ "interview-clinic-2025", "ses-2025", 1 + 5 * 2 + 3, 120 },
	};
	size_t i, k;
	long total;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct plan pl, ex;
		struct error err;

		load_shipped(cases[i].name, &pl);
		if (plan_expand(&pl, cases[i].name, cases[i].fw, 5, &ex, &err) != 0)
			fail_msg("%s: %s", cases[i].name, err.msg);
		assert_int_equal(ex.n_steps, cases[i].n_steps);
		for (total = 0, k = 0; k < ex.n_steps; k++) {
			total += ex.steps[k].minutes;
			/* every expanded step has one ECQ or none */
			assert_int_equal(ex.steps[k].ecq, ex.steps[k].ecq_last);
			assert_true(ex.steps[k].say[0] != '\0');
		}
		assert_int_equal(total, cases[i].minutes);
		plan_free(&ex);
		plan_free(&pl);
	}
}

static void
self_paced__walks_every_part_in_order(void **state)
{
	static const enum plan_open ecq_order[] = { PLAN_DEFINITION, PLAN_QUESTIONS, PLAN_TITLE,
		PLAN_DATES, PLAN_COMPETENCIES, PLAN_CHALLENGE, PLAN_CONTEXT, PLAN_ACTION,
		PLAN_RESULT, PLAN_EXAMPLES, PLAN_TITLE, PLAN_DATES, PLAN_COMPETENCIES,
		PLAN_CHALLENGE, PLAN_CONTEXT, PLAN_ACTION, PLAN_RESULT, PLAN_ECQ_REVIEW };
	struct plan pl, ex;
	struct error err;
	size_t e, k, i = 0;
	char label[128];

	(void)state;
	load_shipped("self-paced", &pl);
	assert_null(pl.framework);
	/* ses-2010 asks for the narrative only: no cards, no résumé */
	assert_int_equal(plan_expand_shapes(&pl, "self-paced", "ses-2010", 5, 1u << DOC_NARRATIVE,
	    &ex, &err), 0);
	assert_false(plan_is_timed(&ex));
	assert_int_equal(ex.steps[i++].open, PLAN_NAME);
	for (e = 0; e < 5; e++)
		for (k = 0; k < sizeof ecq_order / sizeof ecq_order[0]; k++, i++) {
			assert_int_equal(ex.steps[i].open, ecq_order[k]);
			assert_int_equal(ex.steps[i].ecq, (int)e);
			/* example 2 only when the writer added one */
			assert_int_equal(ex.steps[i].optional, k >= 10 && k <= 16);
		}
	assert_int_equal(ex.steps[i++].open, PLAN_REVIEW);
	assert_int_equal(ex.steps[i++].open, PLAN_EXPORT);
	assert_int_equal(i, ex.n_steps);
	plan_step_label(&ex.steps[6], label, sizeof label);
	assert_string_equal(label, "ECQ 1, example 1: Challenge");
	plan_step_label(&ex.steps[0], label, sizeof label);
	assert_string_equal(label, "Name and position");
	plan_free(&ex);
	plan_free(&pl);
}

/* Where a framework asks for a résumé and interviews (ses-2025), the
 * self-paced guide adds each example's card before the ECQ's review and
 * the résumé before the whole review. */
static void
self_paced__adds_cards_and_the_resume_where_the_framework_asks(void **state)
{
	struct plan pl, ex;
	struct error err;
	size_t k, cards = 0, resume = 0;
	char label[128];
	unsigned all = 1u << DOC_NARRATIVE | 1u << DOC_RESUME | 1u << DOC_INTERVIEW;

	(void)state;
	load_shipped("self-paced", &pl);
	assert_int_equal(plan_expand_shapes(&pl, "self-paced", "ses-2025", 5, all, &ex, &err), 0);
	assert_int_equal(ex.n_steps, 1 + 5 * 20 + 3);
	for (k = 0; k < ex.n_steps; k++) {
		if (ex.steps[k].open == PLAN_CARD) {
			cards++;
			assert_true(ex.steps[k].example == 0 || ex.steps[k].optional);
			assert_int_equal(ex.steps[k + (ex.steps[k].example == 0 ? 2 : 1)].open,
			    PLAN_ECQ_REVIEW);
		}
		if (ex.steps[k].open == PLAN_RESUME) {
			resume++;
			assert_int_equal(ex.steps[k + 1].open, PLAN_REVIEW);
		}
	}
	assert_int_equal(cards, 10);
	assert_int_equal(resume, 1);
	plan_step_label(&ex.steps[18], label, sizeof label);
	assert_string_equal(label, "ECQ 1, example 1: Interview card");
	plan_free(&ex);
	/* interviews but no résumé */
	assert_int_equal(plan_expand_shapes(&pl, "self-paced", "ses-2025", 5,
	    1u << DOC_INTERVIEW, &ex, &err), 0);
	assert_int_equal(ex.n_steps, 1 + 5 * 20 + 2);
	plan_free(&ex);
	plan_free(&pl);
}

static void
a_plan_for_another_framework__is_refused(void **state)
{
	struct plan pl, ex;
	struct error err;

	(void)state;
	load_shipped("one-day-2025", &pl);
	assert_int_equal(plan_expand(&pl, "one-day-2025", "ses-2010", 5, &ex, &err), -1);
	assert_non_null(strstr(err.msg, "for the ses-2025 framework"));
	assert_int_equal(ex.n_steps, 0);
	plan_free(&pl);
}

static void
a_range_past_the_frameworks_ecqs__names_the_line(void **state)
{
	static const char text[] = "[plan]\ntitle = T\nframework = any\n[step 1]\necq = 4-6\n"
	    "open = definition\nsay = Read.\n";
	struct plan pl, ex;
	struct error err;

	(void)state;
	assert_int_equal(plan_parse(text, strlen(text), "x.ini", &pl, &err), 0);
	assert_int_equal(plan_expand(&pl, "x.ini", "ses-2025", 5, &ex, &err), -1);
	assert_string_equal(err.msg, "x.ini:4: [step 1] names ECQ 6, but the framework ses-2025 has 5");
	plan_free(&pl);
}

/* Broken files: each gives FILE:LINE: reason (or FILE: reason). */
static void
broken_plans__give_file_line_and_reason(void **state)
{
#define HEAD "[plan]\ntitle = T\nframework = any\n"
	static const struct { int id; const char *text, *msg; } cases[] = {
		{ 1, HEAD "[step 2]\nopen = name\nsay = Hi.\n",
		  "b.ini:4: [step 2] comes after [step 0]; number the steps 1, 2, 3... in order" },
		{ 2, HEAD "[step 1]\nopen = nowhere\nsay = Hi.\n",
		  "b.ini:5: cannot open 'nowhere': use name, definition, questions, examples, title, "
		  "dates, competencies, challenge, context, action, result, ecq-review, review, "
		  "export, break, card, rehearse or resume" },
		{ 3, HEAD "[step 1]\nopen = name\n",
		  "b.ini:4: [step 1] has no 'say' (the instruction for the room)" },
		{ 4, HEAD "[step 1]\nopen = definition\nsay = Read.\n",
		  "b.ini:4: [step 1] opens definition but names no ECQ (ecq = each, a number or a range)" },
		{ 5, HEAD "[step 1]\necq = 1\nopen = challenge\nsay = Write.\n",
		  "b.ini:4: [step 1] opens challenge but names no example (example = 1 or 2)" },
		{ 6, HEAD "[step 1]\nopen = name\nminutes = ten\nsay = Hi.\n",
		  "b.ini:6: minutes must be a whole number from 0 to 600, not 'ten'" },
		{ 7, HEAD "[step 1]\nopen = name\nsay = One. Two. Three. Four.\n",
		  "b.ini:4: [step 1]: 'say' has 4 sentences; keep it to one to three" },
		{ 8, HEAD "[step 1]\necq = 3-2\nopen = definition\nsay = Read.\n",
		  "b.ini:5: ecq must be 'each', a number (1 for the first ECQ) or a range like 2-3, not '3-2'" },
		{ 9, "[plan]\ntitle = T\n[step 1]\nopen = name\nsay = Hi.\n",
		  "b.ini: [plan] has no framework (an id such as ses-2025, or any)" },
		{ 10, HEAD "[steps]\nopen = name\n",
		  "b.ini:4: unknown section [steps]; a plan has [plan] and [step 1], [step 2]..." },
		{ 11, HEAD "[step 1]\nopen = name\nsay = Hi.\ncolour = red\n",
		  "b.ini:7: unknown key 'colour' in [step 1] (open, say, minutes, ecq, example, "
		  "optional, session, shape)" },
		{ 12, HEAD, "b.ini: the plan has no [step 1]" },
		{ 13, HEAD "[step 1]\nopen = review\necq = 1\nsay = Read.\n",
		  "b.ini:4: [step 1] opens review, which belongs to no ECQ; remove 'ecq'" },
		{ 14, HEAD "[step 1]\nopen = name\nsay = Hi.\n[step 1]\nopen = name\nsay = Hi.\n",
		  "b.ini:7: [step 1] comes after [step 1]; number the steps 1, 2, 3... in order" },
		{ 15, HEAD "[step 1]\nopen = name\nsay = Hi\xff.\n", "b.ini:6: text is not valid UTF-8" },
		{ 16, HEAD "[step 1]\nopen = name\nopen = review\nsay = Hi.\n",
		  "b.ini:6: 'open' is given twice" },
		{ 17, HEAD "[step 1]\necq = each\nopen = definition\nsession = new\nsay = Hi.\n",
		  "b.ini:4: [step 1]: a new session cannot start on a step repeated for several ECQs; "
		  "put it on a step before them" },
		{ 18, "title = T\n", "b.ini:1: 'title' comes before any [section]" },
		{ 19, HEAD "[step 1]\nopen = name\nsay = Hi.\nthis is not ini\n",
		  "b.ini:7: not a valid INI line (expected [section], key = value, or a comment)" },
		{ 20, HEAD "[step 1]\nopen = resume\nshape = pamphlet\nsay = Hi.\n",
		  "b.ini:6: shape must be narrative, resume or interview, not 'pamphlet'" },
		{ 21, HEAD "[step 1]\nopen = card\necq = 1\nsay = Tell it.\n",
		  "b.ini:4: [step 1] opens card but names no example (example = 1 or 2)" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct plan pl;
		struct error err;

		error_clear(&err);
		if (plan_parse(cases[i].text, strlen(cases[i].text), "b.ini", &pl, &err) != -1)
			fail_msg("case %d parsed", cases[i].id);
		if (strcmp(err.msg, cases[i].msg) != 0)
			fail_msg("case %d: got \"%s\"", cases[i].id, err.msg);
		assert_int_equal(pl.n_steps, 0);
	}
#undef HEAD
}

static void
continuation_lines_and_abbreviations__make_one_instruction(void **state)
{
	static const char text[] = "[plan]\ntitle = T\nframework = any\n[step 1]\nopen = name\n"
	    "say = Use numbers, e.g. dollars saved. Then\n  go on. Last one.\n";
	struct plan pl;
	struct error err;

	(void)state;
	assert_int_equal(plan_parse(text, strlen(text), "c.ini", &pl, &err), 0);
	assert_string_equal(pl.steps[0].say, "Use numbers, e.g. dollars saved. Then go on. Last one.");
	plan_free(&pl);
}

static void
the_shared_clock__follows_durations_and_sessions(void **state)
{
	static const char text[] = "[plan]\ntitle = T\nframework = any\n"
	    "[step 1]\nopen = name\nminutes = 10\nsay = A.\n"
	    "[step 2]\nopen = review\nminutes = 20\nsay = B.\n"
	    "[step 3]\nopen = break\nsession = new\nsay = C.\n"
	    "[step 4]\nopen = export\nminutes = 5\nsay = D.\n";
	struct plan pl;
	struct error err;

	(void)state;
	assert_int_equal(plan_parse(text, strlen(text), "s.ini", &pl, &err), 0);
	assert_int_equal(plan_offset_minutes(&pl, 0), 0);
	assert_int_equal(plan_offset_minutes(&pl, 1), 10);
	assert_int_equal(plan_offset_minutes(&pl, 2), 0);
	assert_int_equal(plan_offset_minutes(&pl, 3), 0);
	assert_int_equal(plan_session_first(&pl, 3), 2);
	assert_int_equal(plan_room_step(&pl, 0, -5), 0);
	assert_int_equal(plan_room_step(&pl, 0, 599), 0);
	assert_int_equal(plan_room_step(&pl, 0, 600), 1);
	assert_int_equal(plan_room_step(&pl, 1, 1799), 1);
	assert_int_equal(plan_room_step(&pl, 0, 1800), 2);     /* session one is over */
	assert_int_equal(plan_room_step(&pl, 3, 10), 3);
	assert_int_equal(plan_room_step(&pl, 3, 300), 4);      /* the plan is over */
	plan_free(&pl);
}

static void
plan_start__reads_hh_mm_today(void **state)
{
	static const char *const bad[] = { "9", "25:00", "09:60", "09:0", "0900", "a9:00", ":00", "" };
	struct error err;
	time_t now = time(NULL), t;
	struct tm tm;
	size_t i;

	(void)state;
	assert_int_equal(plan_parse_start("09:30", now, &t, &err), 0);
	localtime_r(&t, &tm);
	assert_int_equal(tm.tm_hour, 9);
	assert_int_equal(tm.tm_min, 30);
	assert_int_equal(plan_parse_start("7:05", now, &t, &err), 0);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(plan_parse_start(bad[i], now, &t, &err), -1);
	assert_non_null(strstr(err.msg, "HH:MM"));
}

static void
plan_path__tells_names_from_paths(void **state)
{
	char *p;

	(void)state;
	p = plan_path("self-paced", "/usr/share/ecqcoach");
	assert_string_equal(p, "/usr/share/ecqcoach/prompts/plans/self-paced.ini");
	free(p);
	p = plan_path("mine.ini", "/d");
	assert_string_equal(p, "mine.ini");
	free(p);
	p = plan_path("./x/y", "/d");
	assert_string_equal(p, "./x/y");
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_shipped_plan__parses_and_expands_for_its_framework),
		cmocka_unit_test(self_paced__walks_every_part_in_order),
		cmocka_unit_test(self_paced__adds_cards_and_the_resume_where_the_framework_asks),
		cmocka_unit_test(a_plan_for_another_framework__is_refused),
		cmocka_unit_test(a_range_past_the_frameworks_ecqs__names_the_line),
		cmocka_unit_test(broken_plans__give_file_line_and_reason),
		cmocka_unit_test(continuation_lines_and_abbreviations__make_one_instruction),
		cmocka_unit_test(the_shared_clock__follows_durations_and_sessions),
		cmocka_unit_test(plan_start__reads_hh_mm_today),
		cmocka_unit_test(plan_path__tells_names_from_paths),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
