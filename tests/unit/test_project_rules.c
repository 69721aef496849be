/* SPDX-License-Identifier: MIT */
/*
 * test_project_rules.c: every project rule on real projects built through
 * the store in temporary files, with the ses-2010 framework and the
 * dictionaries/ lists: a complete, clean narrative that triggers nothing,
 * then one flaw at a time. Also the date reader, quantities and similarity.
 */
#include "config.h"

#include "testutil.h"

#include <time.h>

#include "checks/project_rules.h"
#include "framework.h"
#include "store.h"
#include "wordlist.h"
#include "xalloc.h"

/* Five unrelated stories, one per ECQ: title, challenge, context, action,
 * result, start, end, competencies (";"-separated). */
static const char *const stories[5][8] = {
	{ "Moving grant reviews online",
	  "In 2021 the bureau reviewed 4,200 grant applications a year on paper, and reviewers "
	  "waited weeks for files to arrive by courier from regional offices.",
	  "I supervised 38 reviewers in four offices. The program office doubted that online "
	  "review would protect the quality of the scores.",
	  "I built an online review room with the information office, trained every reviewer "
	  "myself in six sessions, and piloted it in one office before the national launch.",
	  "Review time fell from 61 to 23 days and courier costs dropped by $310,000 a year.",
	  "2021-03", "2023-06", "Vision;Strategic Thinking;Creativity and Innovation" },
	{ "Rebuilding a divided branch",
	  "Two branches merged after a reorganization and refused to share casework, so "
	  "deadlines slipped and grievances piled up on my desk.",
	  "The branches had different supervisors, tools and union locals, and morale "
	  "surveys ranked them last in the agency.",
	  "I held listening sessions with every employee, created mixed work groups, and "
	  "coached both supervisors on resolving disputes early.",
	  "Grievances fell from 17 to 2 within one year and survey scores rose 14 points.",
	  "2020-06", "2022-12", "Conflict Management;Team Building;Developing Others" },
	{ "Clearing the audit backlog",
	  "Three hundred audits of contractor invoices were overdue and the inspector "
	  "general had warned that improper payments were going unnoticed.",
	  "Auditors were spread across five field sites with no shared tracking of "
	  "priorities, and two senior auditors had retired that spring.",
	  "I ranked the audits by dollar risk, reassigned examiners to the riskiest files "
	  "and set weekly targets that I reviewed every Friday.",
	  "We closed the backlog in eleven months and recovered $2.1 million.",
	  "2022-01", "2023-02", "Accountability;Problem Solving;Decisiveness" },
	{ "Cutting travel spending",
	  "Division travel spending had outrun the approved budget for three straight "
	  "quarters, and the comptroller threatened to freeze all trips.",
	  "Eleven division chiefs controlled their own travel approvals and inspectors "
	  "had to visit remote mines in seven states.",
	  "I set quarterly travel ceilings, moved routine site meetings to video and "
	  "negotiated government fares with two airlines.",
	  "Travel spending fell 18 percent while completed inspections held steady.",
	  "2023-04", "present", "Financial Management;Technology Management" },
	{ "A shared flood warning network",
	  "Counties along the river each ran their own flood gauges, and warnings reached "
	  "residents hours late during spring storms.",
	  "Four counties, two tribes, the state emergency office and a utility owned the "
	  "gauges and distrusted each other's data.",
	  "I convened the partners, drafted a data sharing agreement, and secured a grant "
	  "to connect every gauge to one public dashboard.",
	  "Warnings now reach residents in twelve minutes instead of three hours.",
	  "2024-02", "2025-08", "Partnering;Influencing/Negotiating" },
};

struct fx {
	char *dir;
	char path[4200];
	struct framework *fw;
	struct wordlists *lists;
	struct store *st;
	int64_t ids[5];
	time_t now;
};

static int
setup(void **state)
{
	struct fx *fx = calloc(1, sizeof *fx);
	struct error err;
	char path[4200];
	struct tm tm;
	int e, f;

	fx->dir = test_tmpdir();
	snprintf(fx->path, sizeof fx->path, "%s/p.ecq", fx->dir);
	snprintf(path, sizeof path, "%s/prompts/ses-2010.ini", test_srcdir());
	if (framework_load_file(path, &fx->fw, &err) != 0)
		fail_msg("%s", err.msg);
	snprintf(path, sizeof path, "%s/dictionaries", test_srcdir());
	if (wordlists_load(path, &fx->lists, &err) != 0)
		fail_msg("%s", err.msg);
	if (store_create(fx->path, fx->fw, "Dana Okafor", &fx->st, &err) != 0)
		fail_msg("%s", err.msg);
	for (e = 0; e < 5; e++) {
		struct strlist comps = { NULL, 0 };
		char *list = xstrdup(stories[e][7]), *tok, *save = NULL;

		assert_int_equal(store_add_example(fx->st, e, stories[e][0], &fx->ids[e], &err), 0);
		for (f = EX_CHALLENGE; f <= EX_RESULT; f++)
			assert_int_equal(store_set_example_field(fx->st, fx->ids[e], f,
			    stories[e][f - EX_CHALLENGE + 1], &err), 0);
		assert_int_equal(store_set_example_field(fx->st, fx->ids[e], EX_START,
		    stories[e][5], &err), 0);
		assert_int_equal(store_set_example_field(fx->st, fx->ids[e], EX_END,
		    stories[e][6], &err), 0);
		for (tok = strtok_r(list, ";", &save); tok != NULL; tok = strtok_r(NULL, ";", &save))
			strlist_push(&comps, tok);
		assert_int_equal(store_set_example_competencies(fx->st, fx->ids[e], &comps, &err), 0);
		strlist_free(&comps);
		free(list);
		assert_int_equal(store_set_intro(fx->st, e, "I have led this work for six years.",
		    &err), 0);
	}
	memset(&tm, 0, sizeof tm);
	tm.tm_year = 2026 - 1900;
	tm.tm_mon = 10;
	tm.tm_mday = 23;
	fx->now = timegm(&tm);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;

	store_close(fx->st);
	wordlists_free(fx->lists);
	framework_free(fx->fw);
	test_rmdir(fx->dir);
	free(fx);
	return 0;
}

/* Runs the rules and counts findings of one rule; the first one goes to *first. */
static size_t
run(struct fx *fx, const char *rule, struct finding *first, struct findings *keep)
{
	struct findings fs;
	size_t i, n = 0;

	findings_init(&fs);
	project_rules_run(store_project(fx->st), fx->lists, fx->now, &fs);
	for (i = 0; i < fs.n; i++) {
		if (strcmp(fs.items[i].rule, rule) != 0)
			continue;
		if (n++ == 0 && first != NULL)
			*first = fs.items[i];
	}
	if (keep != NULL)
		*keep = fs;
	else
		findings_free(&fs);
	return n;
}

static void
set(struct fx *fx, int e, enum example_field f, const char *text)
{
	struct error err;

	if (store_set_example_field(fx->st, fx->ids[e], f, text, &err) != 0)
		fail_msg("%s", err.msg);
}

static void
clean_project__has_no_finding(void **state)
{
	struct fx *fx = *state;
	struct findings fs;
	size_t i;

	findings_init(&fs);
	project_rules_run(store_project(fx->st), fx->lists, fx->now, &fs);
	for (i = 0; i < fs.n; i++)
		print_message("unexpected: %s: %s\n", fs.items[i].rule, fs.items[i].message);
	assert_int_equal(fs.n, 0);
	findings_free(&fs);
}

static void
unquantified_result__flags_a_result_without_measure(void **state)
{
	struct fx *fx = *state;
	struct finding f;
	struct findings keep;

	set(fx, 1, EX_RESULT, "Morale improved and the branches now work well together.");
	assert_int_equal(run(fx, "unquantified_result", &f, &keep), 1);
	assert_int_equal(f.ecq, 1);
	assert_int_equal(f.example, fx->ids[1]);
	assert_int_equal(f.field, EX_RESULT);
	assert_string_equal(f.target, "example.2.result");
	findings_free(&keep);
}

static void
unquantified_result__accepts_numbers_written_as_words(void **state)
{
	struct fx *fx = *state;

	set(fx, 1, EX_RESULT, "Grievances fell by half within a year.");
	assert_int_equal(run(fx, "unquantified_result", NULL, NULL), 0);
	set(fx, 1, EX_RESULT, "The branches doubled their output.");
	assert_int_equal(run(fx, "unquantified_result", NULL, NULL), 0);
	set(fx, 1, EX_RESULT, "Twelve supervisors earned promotions.");
	assert_int_equal(run(fx, "unquantified_result", NULL, NULL), 0);
}

static void
too_many_examples__flags_a_third_example(void **state)
{
	struct fx *fx = *state;
	struct error err;
	struct finding f;
	struct findings keep;
	int64_t id2, id3;

	assert_int_equal(store_add_example(fx->st, 0, "Second", &id2, &err), 0);
	assert_int_equal(run(fx, "too_many_examples", NULL, NULL), 0);
	assert_int_equal(store_add_example(fx->st, 0, "Third", &id3, &err), 0);
	assert_int_equal(run(fx, "too_many_examples", &f, &keep), 1);
	assert_int_equal(f.severity, SEV_ERROR);
	assert_int_equal(f.ecq, 0);
	assert_int_equal(f.example, id3);
	findings_free(&keep);
}

static void
duplicate_example__flags_the_same_story_in_another_ecq(void **state)
{
	struct fx *fx = *state;
	struct finding f;
	struct findings keep;
	int k;

	for (k = EX_TITLE; k <= EX_RESULT; k++)
		if (k != EX_START && k != EX_END)
			set(fx, 4, (enum example_field)k,
			    k == EX_TITLE ? stories[0][0] : stories[0][k - EX_CHALLENGE + 1]);
	assert_int_equal(run(fx, "duplicate_example", &f, &keep), 1);
	assert_int_equal(f.ecq, 4);
	assert_int_equal(f.example, fx->ids[4]);
	assert_non_null(strstr(f.message, "ECQ 1"));
	findings_free(&keep);
}

static void
duplicate_example__unrelated_stories_stay_below_the_limit(void **state)
{
	struct fx *fx = *state;
	const struct project *p = store_project(fx->st);
	int a, b;

	assert_int_equal(run(fx, "duplicate_example", NULL, NULL), 0);
	for (a = 0; a < 5; a++)
		for (b = a + 1; b < 5; b++) {
			char ta[2048], tb[2048];

			snprintf(ta, sizeof ta, "%s %s %s %s", p->examples[a].field[EX_CHALLENGE],
			    p->examples[a].field[EX_CONTEXT], p->examples[a].field[EX_ACTION],
			    p->examples[a].field[EX_RESULT]);
			snprintf(tb, sizeof tb, "%s %s %s %s", p->examples[b].field[EX_CHALLENGE],
			    p->examples[b].field[EX_CONTEXT], p->examples[b].field[EX_ACTION],
			    p->examples[b].field[EX_RESULT]);
			assert_true(project_rules_similarity(ta, tb, fx->lists) < 0.35);
		}
}

static void
similarity__copied_text_is_one_and_a_retelling_is_high(void **state)
{
	struct fx *fx = *state;
	const char *a = "In 2021 survivors applied for recovery grants on paper and waited 94 days "
	    "for a decision; 38 percent of applications came back for missing documents. I led "
	    "64 employees, split the work into eight releases and recruited 22 survivors to test "
	    "each one. Decision time fell from 94 days to 31.";
	const char *b = "Survivors of floods had to apply for recovery money on paper in 2021 and a "
	    "decision took 94 days, with 38 percent of files returned for missing papers. My 64 "
	    "employees delivered eight releases, each tested by 22 survivors, and decisions now "
	    "take 31 days.";

	assert_true(project_rules_similarity(a, a, fx->lists) > 0.99);
	assert_true(project_rules_similarity(a, b, fx->lists) > 0.5);
	assert_true(project_rules_similarity(a, "", fx->lists) == 0.0);
}

static void
example_too_old__flags_an_example_that_ended_long_ago(void **state)
{
	struct fx *fx = *state;
	struct finding f;
	struct findings keep;

	set(fx, 2, EX_START, "2010-01");
	set(fx, 2, EX_END, "2015-06");
	assert_int_equal(run(fx, "example_too_old", &f, &keep), 1);
	assert_int_equal(f.severity, SEV_WARNING);
	assert_int_equal(f.field, EX_END);
	assert_int_equal(f.example, fx->ids[2]);
	findings_free(&keep);
	/* Ten years and a month before "today" (2026-11): too old; within ten: not. */
	set(fx, 2, EX_END, "2016-10");
	assert_int_equal(run(fx, "example_too_old", NULL, NULL), 1);
	set(fx, 2, EX_END, "2017-01");
	assert_int_equal(run(fx, "example_too_old", NULL, NULL), 0);
	set(fx, 2, EX_END, "present");
	assert_int_equal(run(fx, "example_too_old", NULL, NULL), 0);
	set(fx, 2, EX_END, "June 2015");
	assert_int_equal(run(fx, "example_too_old", NULL, NULL), 1);
}

/* An example with no dates: the latest year its text gives, and where. */
static void
example_too_old__dates_in_the_prose(void **state)
{
	static const struct {
		int field;
		const char *text, *says;
	} old[] = {
		{ EX_CHALLENGE, "In 2012, as a budget analyst, I found that our office could not "
		  "tie spending to programs.", "the Challenge says 2012" },
		{ EX_ACTION, "From 2009 to 2011 I led the consolidation of nine field offices.",
		  "the Action says 2011" },
		{ EX_TITLE, "Rebuilding the budget office, FY2014", "the title says FY2014" },
		{ EX_RESULT, "The office closed its books on time in fiscal year 2013.",
		  "the Result says 2013" },
		{ EX_CONTEXT, "The program ran in four regions (2008\xe2\x80\x93\x32\x30\x31\x30).",
		  "the Context says 2010" },
	};
	static const struct {
		int field;
		const char *text;
	} not_when[] = {
		{ EX_CHALLENGE, "Our counts relied on the 2010 census, which missed rural towns." },
		{ EX_CONTEXT, "Public Law 111-5 funded the program." },
		{ EX_CONTEXT, "Since 1998 the agency has run its grants on paper." },
		{ EX_CONTEXT, "The office was founded in 1975 to inspect dams." },
		{ EX_RESULT, "The workforce grew to 2015 employees in four regions." },
		{ EX_ACTION, "I spent $2012 of my training budget on the course." },
		{ EX_CHALLENGE, "In 2021 the bureau reviewed grant applications on paper." },
	};
	struct fx *fx = *state;
	struct finding f;
	struct findings keep;
	size_t i;

	set(fx, 2, EX_START, "");
	set(fx, 2, EX_END, "");
	assert_int_equal(run(fx, "example_too_old", NULL, NULL), 0);
	for (i = 0; i < sizeof old / sizeof old[0]; i++) {
		const char *was = stories[2][old[i].field == EX_TITLE ? 0 : old[i].field - EX_CHALLENGE + 1];

		set(fx, 2, old[i].field, old[i].text);
		assert_int_equal(run(fx, "example_too_old", &f, &keep), 1);
		assert_int_equal(f.severity, SEV_WARNING);
		assert_int_equal(f.field, old[i].field);
		if (strstr(f.message, old[i].says) == NULL)
			fail_msg("\"%s\": \"%s\" does not say \"%s\"", old[i].text, f.message, old[i].says);
		/* The span is the year as written. */
		assert_true(strncmp(old[i].text + f.offset, old[i].says + strlen(old[i].says) - f.length,
		    f.length) == 0);
		findings_free(&keep);
		set(fx, 2, old[i].field, was);
	}
	for (i = 0; i < sizeof not_when / sizeof not_when[0]; i++) {
		const char *was = stories[2][not_when[i].field - EX_CHALLENGE + 1];

		set(fx, 2, not_when[i].field, not_when[i].text);
		if (run(fx, "example_too_old", NULL, NULL) != 0)
			fail_msg("\"%s\" was taken as the example's date", not_when[i].text);
		set(fx, 2, not_when[i].field, was);
	}
	/* Dates of its own win over the prose. */
	set(fx, 2, EX_CHALLENGE, old[0].text);
	set(fx, 2, EX_START, "2022-01");
	set(fx, 2, EX_END, "2023-02");
	assert_int_equal(run(fx, "example_too_old", NULL, NULL), 0);
}

static void
example_too_old__unreadable_or_missing_dates_are_info(void **state)
{
	struct fx *fx = *state;
	struct finding f;
	struct findings keep;

	set(fx, 2, EX_END, "around the holidays");
	assert_int_equal(run(fx, "example_too_old", &f, &keep), 1);
	assert_int_equal(f.severity, SEV_INFO);
	findings_free(&keep);
	set(fx, 2, EX_END, "");
	assert_int_equal(run(fx, "example_too_old", NULL, NULL), 0);
	assert_int_equal(run(fx, "missing_part", &f, &keep), 1);
	assert_int_equal(f.severity, SEV_INFO);
	assert_int_equal(f.field, EX_END);
	findings_free(&keep);
}

static void
intro_too_long__flags_a_third_paragraph(void **state)
{
	struct fx *fx = *state;
	const char *intro = "First paragraph.\nSecond paragraph.\nThird paragraph.";
	struct error err;
	struct finding f;
	struct findings keep;

	assert_int_equal(store_set_intro(fx->st, 3, "First paragraph.\n\nSecond paragraph.", &err), 0);
	assert_int_equal(run(fx, "intro_too_long", NULL, NULL), 0);
	assert_int_equal(store_set_intro(fx->st, 3, intro, &err), 0);
	assert_int_equal(run(fx, "intro_too_long", &f, &keep), 1);
	assert_int_equal(f.ecq, 3);
	assert_int_equal(f.field, -1);
	assert_string_equal(f.target, "intro.3");
	assert_int_equal(f.offset, strlen("First paragraph.\nSecond paragraph.\n"));
	assert_int_equal(f.length, strlen("Third paragraph."));
	findings_free(&keep);
}

static void
definition_included__flags_a_pasted_definition(void **state)
{
	struct fx *fx = *state;
	const char *intro = "Leading Change involves the ability to bring about strategic change, "
	    "both within and outside the organization, to meet organizational goals. I did.";
	struct error err;
	struct finding f;
	struct findings keep;

	assert_int_equal(store_set_intro(fx->st, 0, intro, &err), 0);
	assert_int_equal(run(fx, "definition_included", &f, &keep), 1);
	assert_int_equal(f.ecq, 0);
	assert_string_equal(f.target, "intro.0");
	assert_int_equal(f.offset, strlen("Leading Change "));
	assert_int_equal(f.length, strlen("involves the ability to bring about strategic change, "
	    "both within and outside the organization, to meet organizational goals"));
	findings_free(&keep);
	/* An edited paste still shares six words in a row. */
	assert_int_equal(store_set_intro(fx->st, 0, "I have the ability to bring about strategic "
	    "change inside my office.", &err), 0);
	assert_int_equal(run(fx, "definition_included", NULL, NULL), 1);
	/* A few shared words are not a pasted definition. */
	assert_int_equal(store_set_intro(fx->st, 0, "I bring about strategic change to meet "
	    "goals that my organization sets.", &err), 0);
	assert_int_equal(run(fx, "definition_included", NULL, NULL), 0);
}

static void
missing_part__flags_empty_fields_and_empty_ecqs(void **state)
{
	struct fx *fx = *state;
	struct error err;
	struct finding f;
	struct findings keep;

	set(fx, 3, EX_CONTEXT, "  ");
	assert_int_equal(run(fx, "missing_part", &f, &keep), 1);
	assert_int_equal(f.severity, SEV_WARNING);
	assert_int_equal(f.field, EX_CONTEXT);
	assert_non_null(f.suggestion);
	findings_free(&keep);
	set(fx, 3, EX_CONTEXT, "[TBD]");
	assert_int_equal(run(fx, "missing_part", &f, &keep), 1);
	assert_non_null(strstr(f.message, "placeholder"));
	findings_free(&keep);
	set(fx, 3, EX_CONTEXT, "To be written.");
	assert_int_equal(run(fx, "missing_part", NULL, NULL), 1);
	set(fx, 3, EX_CONTEXT, "None of the divisions shared data.");
	assert_int_equal(run(fx, "missing_part", NULL, NULL), 0);
	set(fx, 3, EX_CONTEXT, stories[3][2]);
	assert_int_equal(store_delete_example(fx->st, fx->ids[4], &err), 0);
	assert_int_equal(run(fx, "missing_part", &f, &keep), 1);
	assert_int_equal(f.ecq, 4);
	assert_int_equal(f.example, -1);
	findings_free(&keep);
	assert_int_equal(store_undelete_example(fx->st, fx->ids[4], &err), 0);
	set(fx, 4, EX_TITLE, "");
	assert_int_equal(run(fx, "missing_part", &f, &keep), 1);
	assert_int_equal(f.field, EX_TITLE);
	assert_int_equal(f.severity, SEV_INFO);
	findings_free(&keep);
}

static void
competency_coverage__flags_too_few_competencies(void **state)
{
	struct fx *fx = *state;
	struct strlist one = { NULL, 0 }, none = { NULL, 0 };
	struct error err;
	struct finding f;
	struct findings keep;

	/* Leading Change has six competencies; one shown is below half. */
	strlist_push(&one, "vision");
	assert_int_equal(store_set_example_competencies(fx->st, fx->ids[0], &one, &err), 0);
	assert_int_equal(run(fx, "competency_coverage", &f, &keep), 1);
	assert_int_equal(f.ecq, 0);
	assert_non_null(strstr(f.message, "1 of its 6"));
	findings_free(&keep);
	/* Untagged examples are not judged. */
	assert_int_equal(store_set_example_competencies(fx->st, fx->ids[0], &none, &err), 0);
	assert_int_equal(run(fx, "competency_coverage", NULL, NULL), 0);
	strlist_free(&one);
}

static void
word_budget__flags_an_ecq_far_over_its_share(void **state)
{
	struct fx *fx = *state;
	char *big = xstrdup("");
	struct finding f;
	struct findings keep;
	int i;

	for (i = 0; i < 40; i++) {
		char *n = xasprintf("%sI briefed regional staff on the new review steps. ", big);

		free(big);
		big = n;
	}
	set(fx, 2, EX_ACTION, big);
	assert_int_equal(run(fx, "word_budget", &f, &keep), 1);
	assert_int_equal(f.ecq, 2);
	findings_free(&keep);
	free(big);
	set(fx, 2, EX_ACTION, stories[2][3]);
	assert_int_equal(run(fx, "word_budget", NULL, NULL), 0);
}

static void
parse_date__reads_common_forms(void **state)
{
	static const struct {
		const char *s;
		int rc, y, m;
	} cases[] = {
		{ "2021-03", 1, 2021, 3 }, { "2021-03-15", 1, 2021, 3 }, { "03/2021", 1, 2021, 3 },
		{ "3/15/2021", 1, 2021, 3 }, { "March 2021", 1, 2021, 3 }, { "Mar. 2021", 1, 2021, 3 },
		{ "Sept. 2019", 1, 2019, 9 }, { "15 June 2020", 1, 2020, 6 }, { "2019", 1, 2019, 0 },
		{ "present", 0, 0, 0 }, { "Present", 0, 0, 0 }, { "current", 0, 0, 0 },
		{ "", -1, 0, 0 }, { "soon", -1, 0, 0 }, { "2021-13", -1, 0, 0 }, { "12", -1, 0, 0 },
		{ "Maybe 2021", -1, 0, 0 }, { "FY2019", 1, 2019, 0 }, { "FY 2020", 1, 2020, 0 },
		{ "FY20x", -1, 0, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int y = 0, m = 0, rc = project_rules_parse_date(cases[i].s, &y, &m);

		if (rc != cases[i].rc || (rc == 1 && (y != cases[i].y || m != cases[i].m)))
			fail_msg("case %zu \"%s\": rc %d %d-%d", i, cases[i].s, rc, y, m);
	}
}

static void
has_quantity__numbers_amounts_and_words(void **state)
{
	struct fx *fx = *state;

	assert_true(project_rules_has_quantity("Costs fell 18%.", fx->lists));
	assert_true(project_rules_has_quantity("We saved $2.1 million.", fx->lists));
	assert_true(project_rules_has_quantity("Output tripled.", fx->lists));
	assert_true(project_rules_has_quantity("It took two-thirds of the time.", fx->lists));
	assert_true(project_rules_has_quantity("Within a year the backlog was gone.", fx->lists));
	assert_false(project_rules_has_quantity("Customers were much happier.", fx->lists));
	assert_false(project_rules_has_quantity("No one complained after that.", fx->lists));
}

/* Digits that measure nothing (held-out half A): years, identifiers with
 * letters (GS-15, FY24), numbers named by a capitalised word (Section 508,
 * ISO 9001), and dates. Numbers that measure still count beside them. */
static void
has_quantity__years_and_identifiers_are_no_measure(void **state)
{
	struct fx *fx = *state;

	assert_false(project_rules_has_quantity("In FY24 the division received an award.", fx->lists));
	assert_false(project_rules_has_quantity("Staff told me in 2023 that they felt heard.", fx->lists));
	assert_false(project_rules_has_quantity("I was promoted to GS-15.", fx->lists));
	assert_false(project_rules_has_quantity("The Section 508 review is now part of every release.",
	    fx->lists));
	assert_false(project_rules_has_quantity("The ISO 9001 certification was kept.", fx->lists));
	assert_false(project_rules_has_quantity("The board adopted it on March 15.", fx->lists));
	assert_true(project_rules_has_quantity("In FY24 the backlog fell by 3,000 cases.", fx->lists));
	assert_true(project_rules_has_quantity("In 2023 overtime fell 30%.", fx->lists));
	assert_true(project_rules_has_quantity("The GS-15 post was filled in 45 days.", fx->lists));
	assert_true(project_rules_has_quantity("\u2022 Hired 45 nurses", fx->lists));
	assert_true(project_rules_has_quantity("Nearly 300 staff moved to the new site.", fx->lists));
	assert_true(project_rules_has_quantity("I ran a 40-person office on a 30-day cycle.", fx->lists));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(clean_project__has_no_finding, setup, teardown),
		cmocka_unit_test_setup_teardown(unquantified_result__flags_a_result_without_measure, setup, teardown),
		cmocka_unit_test_setup_teardown(unquantified_result__accepts_numbers_written_as_words, setup, teardown),
		cmocka_unit_test_setup_teardown(too_many_examples__flags_a_third_example, setup, teardown),
		cmocka_unit_test_setup_teardown(duplicate_example__flags_the_same_story_in_another_ecq, setup, teardown),
		cmocka_unit_test_setup_teardown(duplicate_example__unrelated_stories_stay_below_the_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(similarity__copied_text_is_one_and_a_retelling_is_high, setup, teardown),
		cmocka_unit_test_setup_teardown(example_too_old__flags_an_example_that_ended_long_ago, setup, teardown),
		cmocka_unit_test_setup_teardown(example_too_old__unreadable_or_missing_dates_are_info, setup, teardown),
		cmocka_unit_test_setup_teardown(example_too_old__dates_in_the_prose, setup, teardown),
		cmocka_unit_test_setup_teardown(intro_too_long__flags_a_third_paragraph, setup, teardown),
		cmocka_unit_test_setup_teardown(definition_included__flags_a_pasted_definition, setup, teardown),
		cmocka_unit_test_setup_teardown(missing_part__flags_empty_fields_and_empty_ecqs, setup, teardown),
		cmocka_unit_test_setup_teardown(competency_coverage__flags_too_few_competencies, setup, teardown),
		cmocka_unit_test_setup_teardown(word_budget__flags_an_ecq_far_over_its_share, setup, teardown),
		cmocka_unit_test(parse_date__reads_common_forms),
		cmocka_unit_test_setup_teardown(has_quantity__numbers_amounts_and_words, setup, teardown),
		cmocka_unit_test_setup_teardown(has_quantity__years_and_identifiers_are_no_measure, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
