/* SPDX-License-Identifier: MIT */
/*
 * test_importer.c: drafts in the forms people write them (Markdown, bold,
 * plain text, titles without numbers, several date styles) imported into
 * real projects in temporary files; the framework guess; what goes to the
 * unsorted note; mapping stored offsets back to draft lines; hostile input
 * (also through the project rules).
 */
#include "config.h"

#include "testutil.h"

#include <unistd.h>

#include "checks/project_rules.h"
#include "framework.h"
#include "draftline.h"
#include "importer.h"
#include "store.h"
#include "text.h"
#include "xalloc.h"

struct fx {
	char *dir;
	char path[4200];
	struct framework_set set;
	struct store *st;
	struct importer_report rep;
};

static int
setup(void **state)
{
	struct fx *fx = calloc(1, sizeof *fx);
	struct error err;
	char dir[4200];

	fx->dir = test_tmpdir();
	snprintf(fx->path, sizeof fx->path, "%s/p.ecq", fx->dir);
	snprintf(dir, sizeof dir, "%s/prompts", test_srcdir());
	if (framework_set_load(dir, &fx->set, &err) != 0)
		fail_msg("%s", err.msg);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;

	importer_report_free(&fx->rep);
	store_close(fx->st);
	framework_set_free(&fx->set);
	test_rmdir(fx->dir);
	free(fx);
	return 0;
}

/* Imports text with framework id (NULL: guessed); returns the project. */
static const struct project *
import(struct fx *fx, const char *id, const char *text, size_t len)
{
	const struct framework *fw = id != NULL ? framework_set_find(&fx->set, id) :
	    importer_guess_framework(&fx->set, text, len, NULL);
	struct error err;

	assert_non_null(fw);
	if (store_create(fx->path, fw, "", &fx->st, &err) != 0)
		fail_msg("%s", err.msg);
	if (importer_import(fx->st, text, len, &fx->rep, &err) != 0)
		fail_msg("%s", err.msg);
	return store_project(fx->st);
}

static const struct project *
import_str(struct fx *fx, const char *id, const char *text)
{
	return import(fx, id, text, strlen(text));
}

static char *
fixture(const char *name, size_t *len)
{
	char path[4200], *text;
	struct error err;

	snprintf(path, sizeof path, "%s/tests/fixtures/%s", test_srcdir(), name);
	if (importer_read_file(path, &text, len, &err) != 0)
		fail_msg("%s", err.msg);
	return text;
}

static void
markdown__headings_bold_labels_and_dates(void **state)
{
	struct fx *fx = *state;
	size_t len;
	char *text = fixture("draft-markdown.md", &len);
	const struct project *p = import(fx, NULL, text, len);
	const struct example *e;

	assert_string_equal(p->fw->id, "ses-2010");
	assert_string_equal(p->candidate, "Dana M. Okafor");
	assert_string_equal(p->position, "Director, Office of Grants Management (ES-2025-0042)");
	assert_int_equal(fx->rep.n_ecqs, 5);
	assert_int_equal(p->n_examples, 5);
	assert_int_equal(project_count_examples(p, 0), 2);
	assert_string_equal(p->intro[0], "Over nine years I have modernized how the Bureau of "
	    "Community Grants reviews applications and pays grantees.");

	e = project_example_at(p, 0, 0);
	assert_string_equal(e->field[EX_TITLE], "Moving grant reviews online");
	assert_string_equal(e->field[EX_START], "2021-03");
	assert_string_equal(e->field[EX_END], "2023-06");
	assert_true(strncmp(e->field[EX_CHALLENGE], "In 2021 the bureau", 18) == 0);
	/* A wrapped line joins with a space; a blank line starts a paragraph. */
	assert_non_null(strstr(e->field[EX_CHALLENGE], "a year on paper"));
	assert_string_equal(e->field[EX_ACTION], "I built an online review room with the Chief "
	    "Information Officer and trained every reviewer myself in six sessions.\n"
	    "I ran a pilot with one office before the national launch.");
	assert_int_equal(e->competencies.n, 3);
	assert_true(strlist_contains(&e->competencies, "Creativity and Innovation"));

	/* "#### Challenge" headings with the text on the next lines; italic dates. */
	e = project_example_at(p, 0, 1);
	assert_string_equal(e->field[EX_START], "2019-03");
	assert_string_equal(e->field[EX_END], "present");
	assert_string_equal(e->field[EX_RESULT],
	    "Payment errors fell by half and grantees now receive funds in three days.");

	/* "**Example 1: Title** (06/2020 - 12/2022)" and plain "Challenge:" lines. */
	e = project_example_at(p, 1, 0);
	assert_string_equal(e->field[EX_TITLE], "Rebuilding a divided team");
	assert_string_equal(e->field[EX_START], "2020-06");
	assert_string_equal(e->field[EX_END], "2022-12");
	assert_string_equal(e->field[EX_CONTEXT],
	    "The branches had different supervisors, tools and unions.");

	/* "## Results Driven" by title alone; "Dates: Jan 2018 to Dec 2019". */
	e = project_example_at(p, 2, 0);
	assert_string_equal(e->field[EX_TITLE], "Cutting the audit backlog");
	assert_string_equal(e->field[EX_START], "2018-01");
	assert_string_equal(e->field[EX_END], "2019-12");

	/* Labels with no example heading start an untitled example. */
	e = project_example_at(p, 3, 0);
	assert_string_equal(e->field[EX_TITLE], "");
	assert_string_equal(e->field[EX_CONTEXT], "");
	assert_string_equal(e->field[EX_RESULT], "Travel spending fell 18 percent.");

	assert_int_equal(project_count_examples(p, 4), 0);
	assert_string_equal(p->unsorted, "# Executive Core Qualifications");
	assert_int_equal(fx->rep.n_unsorted, 1);
	free(text);
}

static void
plain_text__numbered_headings_for_the_1994_framework(void **state)
{
	struct fx *fx = *state;
	size_t len;
	char *text = fixture("draft-plain.txt", &len);
	const struct project *p = import(fx, NULL, text, len);
	const struct example *e;

	assert_string_equal(p->fw->id, "ses-1994");
	assert_int_equal(p->n_examples, 2);
	e = project_example_at(p, 0, 0);
	assert_string_equal(e->field[EX_TITLE], "A ten-year laboratory plan");
	assert_string_equal(e->field[EX_START], "2019-03");
	assert_string_equal(e->field[EX_END], "2021-06");
	assert_string_equal(e->field[EX_CHALLENGE],
	    "The laboratories had no shared plan and competed for the same funds.");
	e = project_example_at(p, 1, 0);
	assert_string_equal(e->field[EX_START], "2020-09");
	assert_string_equal(e->field[EX_END], "2022-05");
	assert_string_equal(e->field[EX_RESULT], "Hiring time dropped to 85 days.");
	free(text);
}

static void
guess__titles_of_2025_and_the_default_without_titles(void **state)
{
	struct fx *fx = *state;
	const char *t2025 = "**Driving Efficiency**\n\nText.\n\n**Merit and Competence**\n";
	const char *none = "ECQ 1\n\nChallenge: Something.\n";
	const char *shared = "## Leading People\n\nText.\n";
	int score;

	assert_string_equal(importer_guess_framework(&fx->set, t2025, strlen(t2025), &score)->id,
	    "ses-2025");
	assert_int_equal(score, 4);     /* two titles, two points each; no numbers */
	/* No title matched, or a title two frameworks share: the current one. */
	assert_string_equal(importer_guess_framework(&fx->set, none, strlen(none), &score)->id,
	    "ses-2025");
	assert_int_equal(score, 0);
	assert_string_equal(importer_guess_framework(&fx->set, shared, strlen(shared), NULL)->id,
	    "ses-2025");
}

static void
headings__every_form_finds_its_ecq(void **state)
{
	struct fx *fx = *state;
	const char *text =
	    "ECQ 1: Leading Change\nA.\n"
	    "ECQ 2 - Leading People\nB.\n"
	    "### ECQ 3\nC.\n"
	    "BUSINESS ACUMEN\nD.\n"
	    "**Building Coalitions (BC)**\nE.\n";
	const struct project *p = import_str(fx, "ses-2010", text);

	assert_string_equal(p->intro[0], "A.");
	assert_string_equal(p->intro[1], "B.");
	assert_string_equal(p->intro[2], "C.");
	assert_string_equal(p->intro[3], "D.");
	assert_string_equal(p->intro[4], "E.");
	assert_int_equal(fx->rep.n_ecqs, 5);
	assert_int_equal(fx->rep.n_unsorted, 0);
}

static void
headings__prose_that_mentions_an_ecq_is_not_a_heading(void **state)
{
	struct fx *fx = *state;
	const char *text = "ECQ 1: Leading Change\nECQ 2 was the hardest part to write.\n"
	    "Results matter more than process.\nExamples of this abound.\n";
	const struct project *p = import_str(fx, "ses-2010", text);

	assert_int_equal(fx->rep.n_ecqs, 1);
	assert_int_equal(p->n_examples, 0);
	assert_string_equal(p->intro[0], "ECQ 2 was the hardest part to write. Results matter "
	    "more than process. Examples of this abound.");
}

/* "Executive Core Qualification 2:" spelled out is an ECQ heading, as
 * "ECQ 2:" is (held-out draft prose-nonnative.txt). */
static void
headings__executive_core_qualification_spelled_out(void **state)
{
	struct fx *fx = *state;
	const char *text = "Executive Core Qualification 2: Leading People\n\n"
	    "I grow the people around me.\n\n"
	    "Executive core qualification 3 - Results Driven\n\nI deliver.\n";
	const struct project *p = import_str(fx, NULL, text);

	assert_string_equal(p->fw->id, "ses-2010");
	assert_int_equal(fx->rep.n_ecqs, 2);
	assert_string_equal(p->intro[1], "I grow the people around me.");
	assert_string_equal(p->intro[2], "I deliver.");
}

static void
labels__same_line_next_line_and_heading_forms(void **state)
{
	struct fx *fx = *state;
	const char *text =
	    "# ECQ 1: Leading Change\n"
	    "## Example 1: One (2020-01 to 2021-02)\n"
	    "Challenge: Same line.\n"
	    "**Context**\n"
	    "Next line.\n"
	    "### Action\n"
	    "Under a heading.\n"
	    "__Result:__ Underscored bold.\n"
	    "## Example 2: Two (2022 - present)\n"
	    "Results:\nPlural label.\n"
	    "Example B - Three (FY2019 to FY2021)\n"
	    "Result(s): Parenthesised plural.\n";
	const struct project *p = import_str(fx, "ses-2010", text);
	const struct example *e = project_example_at(p, 0, 0);

	assert_int_equal(p->n_examples, 3);
	assert_string_equal(e->field[EX_CHALLENGE], "Same line.");
	assert_string_equal(e->field[EX_CONTEXT], "Next line.");
	assert_string_equal(e->field[EX_ACTION], "Under a heading.");
	assert_string_equal(e->field[EX_RESULT], "Underscored bold.");
	e = project_example_at(p, 0, 1);
	assert_string_equal(e->field[EX_START], "2022");
	assert_string_equal(e->field[EX_END], "present");
	assert_string_equal(e->field[EX_RESULT], "Plural label.");
	e = project_example_at(p, 0, 2);
	assert_string_equal(e->field[EX_TITLE], "Three");
	assert_string_equal(e->field[EX_START], "2019");
	assert_string_equal(e->field[EX_END], "2021");
	assert_string_equal(e->field[EX_RESULT], "Parenthesised plural.");
}

static void
labels__a_repeated_label_starts_a_new_example(void **state)
{
	struct fx *fx = *state;
	const char *text = "ECQ 3: Results Driven\nChallenge: A.\nResult: B.\nChallenge: C.\n"
	    "Result: D.\n";
	const struct project *p = import_str(fx, "ses-2010", text);

	assert_int_equal(project_count_examples(p, 2), 2);
	assert_string_equal(project_example_at(p, 2, 1)->field[EX_CHALLENGE], "C.");
}

static void
dates__several_styles(void **state)
{
	static const struct {
		const char *heading, *start, *end;
	} cases[] = {
		{ "Example 1: T (2021-03 to 2023-06)", "2021-03", "2023-06" },
		{ "Example 1: T (03/2021 - 06/2023)", "2021-03", "2023-06" },
		{ "Example 1: T (March 2021 \xe2\x80\x93 June 2023)", "2021-03", "2023-06" },
		{ "Example 1: T (Sept. 2019 through present)", "2019-09", "present" },
		{ "Example 1: T, 2018-2020", "2018", "2020" },
		{ "Example 1: T \xe2\x80\x94 Jan 2022 to Current", "2022-01", "present" },
		{ "Example 1: T (2020)", "2020", "2020" },
	};
	struct fx *fx = *state;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *text = xasprintf("ECQ 1\n%s\nChallenge: x.\n", cases[i].heading);
		const struct project *p;
		const struct example *e;

		p = import_str(fx, "ses-2010", text);
		e = project_example_at(p, 0, 0);
		assert_non_null(e);
		if (strcmp(e->field[EX_TITLE], "T") != 0 ||
		    strcmp(e->field[EX_START], cases[i].start) != 0 ||
		    strcmp(e->field[EX_END], cases[i].end) != 0)
			fail_msg("case %zu: \"%s\" \"%s\" \"%s\"", i, e->field[EX_TITLE],
			    e->field[EX_START], e->field[EX_END]);
		importer_report_free(&fx->rep);
		store_close(fx->st);
		fx->st = NULL;
		unlink(fx->path);
		free(text);
	}
}

static void
unsorted__text_outside_any_ecq_and_before_labels(void **state)
{
	struct fx *fx = *state;
	const char *text = "Some preface.\n\nECQ 9: Nowhere\nLost line.\n"
	    "ECQ 1: Leading Change\nExample 1: T (2020-01 to 2021-01)\nProse before labels.\n"
	    "Challenge: C.\n";
	const struct project *p = import_str(fx, "ses-2010", text);

	/* Prose under an example's heading stays in the counts: it opens the
	 * part whose label follows. */
	assert_string_equal(p->unsorted, "Some preface.\nECQ 9: Nowhere\nLost line.");
	assert_int_equal(fx->rep.n_unsorted, 3);
	assert_string_equal(project_example_at(p, 0, 0)->field[EX_CHALLENGE],
	    "Prose before labels.\nC.");
}

static void
unsorted__a_setext_heading_keeps_its_own_text(void **state)
{
	struct fx *fx = *state;
	const char *text = "A long document title before any ECQ\n===\n";
	const struct project *p = import_str(fx, "ses-2010", text);

	assert_string_equal(p->unsorted, "A long document title before any ECQ");
	assert_int_equal(fx->rep.items[0].line, 1);
}

static void
locate__maps_stored_offsets_to_draft_lines(void **state)
{
	struct fx *fx = *state;
	const char *text =
	    "## ECQ 1: Leading Change\n"        /* line 1 */
	    "\n"
	    "Intro first line\n"                /* line 3 */
	    "continues here.\n"                 /* line 4 */
	    "### Example 1: T (2020-01 to 2021-02)\n"
	    "**Action:** I planned it.\n"       /* line 6 */
	    "\n"
	    "I ran it too.\n";                  /* line 8 */
	const struct project *p = import_str(fx, "ses-2010", text);
	const struct example *e = project_example_at(p, 0, 0);
	size_t src, line, col;
	const char *ran = strstr(e->field[EX_ACTION], "ran");
	const char *cont = strstr(p->intro[0], "continues");

	assert_non_null(ran);
	assert_int_equal(importer_locate(&fx->rep, 0, e->id, EX_ACTION,
	    (size_t)(ran - e->field[EX_ACTION]), &src), 0);
	text_line_col(text, strlen(text), src, &line, &col);
	assert_int_equal(line, 8);
	assert_int_equal(col, 3);
	assert_int_equal(importer_locate(&fx->rep, 0, e->id, EX_ACTION, 2, &src), 0);
	text_line_col(text, strlen(text), src, &line, &col);
	assert_int_equal(line, 6);
	assert_int_equal(col, 15);
	assert_int_equal(importer_locate(&fx->rep, 0, -1, -1, (size_t)(cont - p->intro[0]), &src), 0);
	text_line_col(text, strlen(text), src, &line, &col);
	assert_int_equal(line, 4);
	assert_int_equal(col, 1);
	/* An empty field falls back to its example's heading. */
	assert_int_equal(importer_locate(&fx->rep, 0, e->id, EX_RESULT, 0, &src), -1);
	text_line_col(text, strlen(text), src, &line, &col);
	assert_int_equal(line, 5);
	assert_int_equal(importer_locate(&fx->rep, 0, -1, IMPORTER_HEADING, 0, &src), 0);
	assert_int_equal(src, 0);
}

static void
hostile__crlf_nul_invalid_utf8_and_empty_input(void **state)
{
	struct fx *fx = *state;
	const char text[] = "ECQ 1: Leading Change\r\nChallenge: bad \xff byte and a \0 nul.\r\n";
	const struct project *p = import(fx, "ses-2010", text, sizeof text - 1);

	assert_string_equal(project_example_at(p, 0, 0)->field[EX_CHALLENGE],
	    "bad   byte and a   nul.");
	assert_int_equal(fx->rep.invalid_offset, strlen("ECQ 1: Leading Change\r\nChallenge: bad "));
	importer_report_free(&fx->rep);
	store_close(fx->st);
	fx->st = NULL;
	unlink(fx->path);
	p = import(fx, "ses-2010", "", 0);
	assert_int_equal(p->n_examples, 0);
	assert_int_equal(fx->rep.n_items, 0);
}

static void
hostile__a_long_line_without_spaces(void **state)
{
	struct fx *fx = *state;
	size_t n = 1 << 20, i;
	char *text = xmalloc(n + 64);
	const struct project *p;

	strcpy(text, "ECQ 1\nChallenge: ");
	for (i = strlen(text); i < n; i++)
		text[i] = i % 7 == 0 ? '-' : 'x';
	text[n] = '\0';
	p = import(fx, "ses-2010", text, n);
	assert_int_equal(strlen(project_example_at(p, 0, 0)->field[EX_CHALLENGE]),
	    n - strlen("ECQ 1\nChallenge: "));
	free(text);
}

static void
build__in_memory_matches_the_store(void **state)
{
	struct fx *fx = *state;
	size_t len, i, k;
	char *text = fixture("draft-markdown.md", &len);
	const struct project *p = import(fx, NULL, text, len);
	struct importer_report rep;
	struct project *m;
	struct error err;
	size_t src, line, col;
	int f;

	assert_int_equal(importer_build(p->fw, text, len, &m, &rep, &err), 0);
	assert_string_equal(m->fw->id, p->fw->id);
	assert_string_equal(m->candidate, p->candidate);
	assert_string_equal(m->unsorted, p->unsorted);
	assert_int_equal(m->n_examples, p->n_examples);
	for (i = 0; i < p->fw->n_ecqs; i++) {
		assert_string_equal(m->intro[i], p->intro[i]);
		assert_string_equal(m->notes[i][0], "");
	}
	for (i = 0; i < p->n_examples; i++) {
		assert_int_equal(m->examples[i].ecq, p->examples[i].ecq);
		assert_int_equal(m->examples[i].position, p->examples[i].position);
		for (f = 0; f < EX_FIELD_COUNT; f++)
			assert_string_equal(m->examples[i].field[f], p->examples[i].field[f]);
		assert_int_equal(m->examples[i].competencies.n, p->examples[i].competencies.n);
		for (k = 0; k < p->examples[i].competencies.n; k++)
			assert_true(strlist_contains(&m->examples[i].competencies,
			    p->examples[i].competencies.items[k]));
	}
	assert_int_equal(rep.n_examples, fx->rep.n_examples);
	assert_int_equal(rep.n_fields, fx->rep.n_fields);
	/* The Result of ECQ 2's example starts on line 54 of the draft. */
	assert_int_equal(importer_locate(&rep, 1, project_example_at(m, 1, 0)->id, EX_RESULT, 0,
	    &src), 0);
	text_line_col(text, len, src, &line, &col);
	assert_int_equal(line, 54);
	assert_int_equal(col, 9);
	importer_report_free(&rep);
	project_free(m);
	free(text);
}

/* Drafts assembled at random from the pieces the importer reacts to, and
 * from random bytes: every one imports, and every stored offset maps back
 * inside the draft. Deterministic (a fixed seed). */
static void
hostile__random_drafts_import_and_locate_safely(void **state)
{
	static const char *const pieces[] = {
		"ECQ 1", "ECQ 2: Leading People", "## ", "**", "Challenge:", "Context", "Action:**",
		"Result(s):", "Example 1: T (2020-01 to 2021-02)", "\n", "\n\n", "(", ")", " to ",
		"\xe2\x80\x93", "present", "03/2021", "Competencies: Vision, ", "Name: ", "===\n",
		"---\n", "\xe2\x80", "Leading Change", "# ", "Dates: ", "Title: ", "x", " ", "12",
		"Example A - ", "FY2020", "Sept.", "Introduction\n", "ECQ 9:"
	};
	struct fx *fx = *state;
	const struct framework *fw = framework_set_find(&fx->set, "ses-2010");
	unsigned seed = 12345;
	int it;

	for (it = 0; it < 2000; it++) {
		char buf[2048];
		size_t len = 0, k, n, i;
		struct importer_report rep;
		struct project *p;
		struct error err;

		seed = seed * 1103515245u + 12345u;
		n = (seed >> 16) % 60;
		for (k = 0; k < n; k++) {
			const char *t;
			char rb;
			size_t tl;

			seed = seed * 1103515245u + 12345u;
			if ((seed >> 16) % 5 == 0) {
				rb = (char)((seed >> 8) & 0xff);
				t = &rb;
				tl = 1;
			} else {
				t = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
				tl = strlen(t);
			}
			if (len + tl >= sizeof buf)
				break;
			memcpy(buf + len, t, tl);
			len += tl;
		}
		assert_int_equal(importer_build(fw, buf, len, &p, &rep, &err), 0);
		for (i = 0; i < rep.n_sources; i++) {
			const struct importer_source *src = &rep.sources[i];
			size_t j;

			for (j = 0; j < src->n_spans; j++)
				assert_true(src->spans[j].src + src->spans[j].len <= len);
		}
		for (i = 0; i < p->n_examples; i++) {
			size_t at;

			importer_locate(&rep, p->examples[i].ecq, p->examples[i].id, EX_RESULT, 1000, &at);
			assert_true(at <= len);
		}
		{
			struct findings fs;

			findings_init(&fs);
			project_rules_run(p, NULL, 0, &fs);
			for (i = 0; i < fs.n; i++)
				assert_non_null(fs.items[i].message);
			findings_free(&fs);
		}
		importer_report_free(&rep);
		project_free(p);
	}
}

static void
read_file__missing_file_is_an_io_error(void **state)
{
	struct fx *fx = *state;
	struct error err;
	char *text, path[4300];
	size_t len;

	snprintf(path, sizeof path, "%s/nope.md", fx->dir);
	assert_int_equal(importer_read_file(path, &text, &len, &err), -1);
	assert_int_equal(err.code, ERR_IO);
	assert_non_null(strstr(err.msg, "nope.md"));
}

/* Prose with no labels: an opening paragraph, then stories found by their
 * dates, each split into parts; the report marks what was inferred. */
static void
prose__opening_then_two_stories_split_into_parts(void **state)
{
	struct fx *fx = *state;
	const char *text = "ECQ 1: Leading Change\n\n"
	    "I change things that need it.\n\n"
	    "In 2019, the office faced a backlog of 9,000 cases.\n\n"
	    "The office had 20 staff and no budget.\n\n"
	    "I sorted the cases by age and set weekly goals.\n\n"
	    "As a result, the backlog fell by half.\n\n"
	    "When I moved to Denver in 2016, the site had no plan.\n\n"
	    "I wrote one.\n\n"
	    "Costs fell 10 percent.\n";
	const struct project *p = import_str(fx, "ses-2010", text);
	const struct example *a = project_example_at(p, 0, 0), *b = project_example_at(p, 0, 1);
	size_t i, inferred = 0;

	assert_string_equal(p->intro[0], "I change things that need it.");
	assert_non_null(a);
	assert_non_null(b);
	assert_null(project_example_at(p, 0, 2));
	assert_string_equal(a->field[EX_CHALLENGE], "In 2019, the office faced a backlog of 9,000 cases.");
	assert_string_equal(a->field[EX_CONTEXT], "The office had 20 staff and no budget.");
	assert_string_equal(a->field[EX_ACTION], "I sorted the cases by age and set weekly goals.");
	assert_string_equal(a->field[EX_RESULT], "As a result, the backlog fell by half.");
	assert_string_equal(b->field[EX_CONTEXT], "");
	assert_string_equal(b->field[EX_ACTION], "I wrote one.");
	assert_string_equal(b->field[EX_RESULT], "Costs fell 10 percent.");
	assert_string_equal(p->unsorted, "");
	for (i = 0; i < fx->rep.n_items; i++)
		inferred += fx->rep.items[i].inferred;
	assert_int_equal(fx->rep.n_inferred, 7);
	assert_int_equal(inferred, 9);  /* 7 parts and 2 examples */
}

/* Prose under an example heading is that example's parts, never unsorted. */
static void
prose__under_an_example_heading_is_counted(void **state)
{
	struct fx *fx = *state;
	const char *text = "## Leading People\n### Example 1: Building a team (2019 - 2020)\n"
	    "My unit had lost half its staff.\n\nI hired twelve people.\n\n"
	    "Then I trained them.\n\nThe unit met every goal in 2020.\n";
	const struct project *p = import_str(fx, "ses-2010", text);
	const struct example *e = project_example_at(p, 1, 0);

	assert_non_null(e);
	assert_string_equal(e->field[EX_CHALLENGE], "My unit had lost half its staff.");
	assert_string_equal(e->field[EX_ACTION], "I hired twelve people.\nThen I trained them.");
	assert_string_equal(e->field[EX_RESULT], "The unit met every goal in 2020.");
	assert_int_equal(fx->rep.n_unsorted, 0);
}

/* STAR, PAR, Accomplishment: mapped to CCAR, the label words left out. */
static void
labels__star_par_and_accomplishment_map_to_ccar(void **state)
{
	struct fx *fx = *state;
	const char *text = "ECQ 3: Results Driven\n"
	    "Situation: A backlog.\nTask: Clear it.\nAction: I cleared it.\nResult: Gone.\n"
	    "**PROBLEM**\nLate reports.\nACTION\nI fixed them.\n**Accomplishment:** On time.\n"
	    "Problem: Waste.\nActions: I cut it.\nAchievement: Saved $1 million.\n";
	const struct project *p = import_str(fx, "ses-2010", text);
	const struct example *a = project_example_at(p, 2, 0), *b = project_example_at(p, 2, 1),
	    *c = project_example_at(p, 2, 2);

	assert_non_null(c);
	assert_string_equal(a->field[EX_CHALLENGE], "A backlog.");
	assert_string_equal(a->field[EX_CONTEXT], "Clear it.");
	assert_string_equal(a->field[EX_RESULT], "Gone.");
	assert_string_equal(b->field[EX_CHALLENGE], "Late reports.");
	assert_string_equal(b->field[EX_ACTION], "I fixed them.");
	assert_string_equal(b->field[EX_RESULT], "On time.");
	assert_string_equal(c->field[EX_RESULT], "Saved $1 million.");
}

/* Word's list items are paragraphs of their own. */
static void
lists__bullets_dashes_and_numbers_are_paragraphs(void **state)
{
	struct fx *fx = *state;
	const char *text = "ECQ 2: Leading People\nExample 1: T (2020 - 2021)\n"
	    "Action: I did three things:\n\xe2\x80\xa2\tI hired.\n\xe2\x80\x93  I trained.\n"
	    "\xe2\x80\x94 I coached.\n1. I wrote.\na) I read.\n(b) I met.\n"
	    "Result: Good.\n";
	const struct project *p = import_str(fx, "ses-2010", text);
	const struct example *e = project_example_at(p, 1, 0);

	assert_string_equal(e->field[EX_ACTION], "I did three things:\n\xe2\x80\xa2\tI hired.\n"
	    "\xe2\x80\x93  I trained.\n\xe2\x80\x94 I coached.\n1. I wrote.\na) I read.\n(b) I met.");
	assert_true(draftline_list_item("12) x"));
	assert_false(draftline_list_item("2019. x"));
	assert_false(draftline_list_item("\xe2\x80\x94no space"));
}

/* The number counts with the title: "ECQ 2: Leading People" is 2010's. */
static void
guess__the_number_decides_between_frameworks(void **state)
{
	struct fx *fx = *state;
	const char *old = "## ECQ 2: Leading People\n\nText.\n";
	const char *new25 = "## ECQ 4: Leading People\n\nText.\n";
	const char *misnum = "ECQ 3: Leading People\nChallenge: C.\n";
	char *note = NULL;
	const struct project *p;

	assert_string_equal(importer_guess_framework_note(&fx->set, old, strlen(old), NULL,
	    &note)->id, "ses-2010");
	assert_non_null(note);
	assert_non_null(strstr(note, "--framework ses-2025"));
	free(note);
	assert_string_equal(importer_guess_framework(&fx->set, new25, strlen(new25), NULL)->id,
	    "ses-2025");
	p = import_str(fx, "ses-2010", misnum);
	assert_non_null(project_example_at(p, 1, 0));  /* filed by its title */
	assert_true(fx->rep.items[0].inferred);         /* and the report says so */
	assert_int_equal(fx->rep.items[0].field, 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(markdown__headings_bold_labels_and_dates, setup, teardown),
		cmocka_unit_test_setup_teardown(plain_text__numbered_headings_for_the_1994_framework, setup, teardown),
		cmocka_unit_test_setup_teardown(guess__titles_of_2025_and_the_default_without_titles, setup, teardown),
		cmocka_unit_test_setup_teardown(headings__every_form_finds_its_ecq, setup, teardown),
		cmocka_unit_test_setup_teardown(headings__prose_that_mentions_an_ecq_is_not_a_heading, setup, teardown),
		cmocka_unit_test_setup_teardown(labels__same_line_next_line_and_heading_forms, setup, teardown),
		cmocka_unit_test_setup_teardown(labels__a_repeated_label_starts_a_new_example, setup, teardown),
		cmocka_unit_test_setup_teardown(dates__several_styles, setup, teardown),
		cmocka_unit_test_setup_teardown(unsorted__text_outside_any_ecq_and_before_labels, setup, teardown),
		cmocka_unit_test_setup_teardown(unsorted__a_setext_heading_keeps_its_own_text, setup, teardown),
		cmocka_unit_test_setup_teardown(locate__maps_stored_offsets_to_draft_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(hostile__crlf_nul_invalid_utf8_and_empty_input, setup, teardown),
		cmocka_unit_test_setup_teardown(hostile__a_long_line_without_spaces, setup, teardown),
		cmocka_unit_test_setup_teardown(build__in_memory_matches_the_store, setup, teardown),
		cmocka_unit_test_setup_teardown(hostile__random_drafts_import_and_locate_safely, setup, teardown),
		cmocka_unit_test_setup_teardown(read_file__missing_file_is_an_io_error, setup, teardown),
		cmocka_unit_test_setup_teardown(prose__opening_then_two_stories_split_into_parts, setup, teardown),
		cmocka_unit_test_setup_teardown(prose__under_an_example_heading_is_counted, setup, teardown),
		cmocka_unit_test_setup_teardown(labels__star_par_and_accomplishment_map_to_ccar, setup, teardown),
		cmocka_unit_test_setup_teardown(headings__executive_core_qualification_spelled_out, setup, teardown),
		cmocka_unit_test_setup_teardown(lists__bullets_dashes_and_numbers_are_paragraphs, setup, teardown),
		cmocka_unit_test_setup_teardown(guess__the_number_decides_between_frameworks, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
