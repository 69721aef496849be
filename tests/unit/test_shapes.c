/* SPDX-License-Identifier: MIT */
/* test_shapes.c: one story, three shapes: which shapes a framework asks
 * for and in what order, and the state of each example's narrative,
 * résumé line and card (shapes.h), on the ses-2025 and ses-2010 demos and
 * on a coordinator's framework that asks for the narrative only. */
#include "config.h"

#include "testutil.h"

#include "card.h"
#include "checks/card_rules.h"
#include "demo.h"
#include "framework.h"
#include "resume.h"
#include "shapes.h"
#include "store.h"
#include "xalloc.h"

struct demo {
	char *dir;
	struct framework *fw;
	struct store *st;
};

static void
demo_open(struct demo *d, const char *id)
{
	struct error err;
	char *fw_path = xasprintf("%s/prompts/%s.ini", test_srcdir(), id);
	char *demo_path = xasprintf("%s/prompts/demo/%s.ini", test_srcdir(), id);
	char *path;

	d->dir = test_tmpdir();
	path = xasprintf("%s/p.ecq", d->dir);
	assert_int_equal(framework_load_file(fw_path, &d->fw, &err), 0);
	if (demo_create(demo_path, d->fw, path, &d->st, &err) != 0)
		fail_msg("demo_create: %s", err.msg);
	free(fw_path);
	free(demo_path);
	free(path);
}

static void
demo_close(struct demo *d)
{
	store_close(d->st);
	framework_free(d->fw);
	test_rmdir(d->dir);
}

static void
ses2025__resume_and_interview_first_narrative_last(void **state)
{
	struct demo d;
	const struct project *p;
	struct shapes s;
	char *line;
	size_t i, cards = 0;

	(void)state;
	demo_open(&d, "ses-2025");
	p = store_project(d.st);
	shapes_compute(p, NULL, &s);
	assert_int_equal(s.n_order, 3);
	assert_int_equal(s.order[0], DOC_RESUME);
	assert_int_equal(s.order[1], DOC_INTERVIEW);
	assert_int_equal(s.order[2], DOC_NARRATIVE);
	assert_int_equal(s.n, p->n_examples);
	assert_int_equal(s.max_resume_lines, 3);
	for (i = 0; i < p->n_examples; i++)
		cards += project_example_card(&p->examples[i])[0] != '\0';
	assert_true(cards > 0 && cards < p->n_examples);
	assert_int_equal(s.have[DOC_INTERVIEW], cards);
	assert_int_equal(s.have[DOC_RESUME], p->n_examples);
	assert_int_equal(s.have[DOC_NARRATIVE], p->n_examples);

	line = shapes_asks_line(p->fw, false);
	assert_string_equal(line, "résumé and interview first; narrative optional");
	free(line);
	line = shapes_asks_line(p->fw, true);
	assert_string_equal(line, "résumé (2 pages) and interview (2:00-4:00 a story) first; "
	    "narrative (10 pages) optional");
	free(line);
	line = shapes_totals_line(&s);
	{
		char want[128];

		snprintf(want, sizeof want, "Résumé lines: %zu of %zu examples; cards: %zu of %zu; "
		    "narratives: %zu of %zu", p->n_examples, p->n_examples, cards, p->n_examples,
		    p->n_examples, p->n_examples);
		assert_string_equal(line, want);
	}
	free(line);

	/* every example: the card's time is card_seconds at the default pace,
	 * and its state what the card rules say */
	for (i = 0; i < p->n_examples; i++) {
		const struct example *ex = &p->examples[i];
		const char *card = project_example_card(ex);
		struct findings fs;

		assert_int_equal(s.ex[i].example, ex->id);
		assert_int_equal(s.ex[i].parts, 4);
		assert_true(s.ex[i].words > 100);
		assert_int_equal(s.ex[i].resume_lines, -1);     /* not laid out */
		assert_false(s.ex[i].resume_over);
		assert_int_equal(s.ex[i].has_card, card[0] != '\0');
		if (card[0] == '\0')
			continue;
		assert_true(s.ex[i].card_seconds == card_seconds(card, CARD_WPM_DEFAULT));
		findings_init(&fs);
		card_rules_check(p->fw, ex, card, CARD_WPM_DEFAULT, &fs);
		assert_int_equal(s.ex[i].card_findings, fs.n);
		assert_int_equal(s.ex[i].card_fit != SHAPE_FIT_OK || s.ex[i].card_no_result, fs.n > 0);
		findings_free(&fs);
	}
	/* the line of an example with a card names all three, résumé first */
	for (i = 0; i < p->n_examples && !s.ex[i].has_card; i++)
		;
	assert_true(i < p->n_examples);
	line = shapes_example_line(&s, i, false);
	assert_true(strncmp(line, "Résumé line · Card ", strlen("Résumé line · Card ")) == 0);
	assert_non_null(strstr(line, " · Narrative "));
	assert_non_null(strstr(line, " words"));
	free(line);
	line = shapes_example_line(&s, i, true);
	assert_non_null(strstr(line, " · Narr. "));
	free(line);
	for (i = 0; i < p->n_examples && s.ex[i].has_card; i++)
		;
	line = shapes_example_line(&s, i, false);
	assert_non_null(strstr(line, " · no card · "));
	free(line);
	shapes_free(&s);
	demo_close(&d);
}

static void
ses2025__resume_lines_from_the_layout_and_findings_from_resume_check_line(void **state)
{
	struct demo d;
	const struct project *p;
	struct shapes s;
	struct shapes_input in;
	struct findings fs;
	int *lines;
	char *line;
	size_t i;

	(void)state;
	demo_open(&d, "ses-2025");
	p = store_project(d.st);
	lines = xcalloc(p->n_examples, sizeof *lines);
	for (i = 0; i < p->n_examples; i++)
		lines[i] = 2;
	lines[0] = 4;   /* one over the framework's 3 */
	memset(&in, 0, sizeof in);
	in.resume_lines = lines;
	in.counted = true;      /* ck NULL: the résumé-mode rules only */
	shapes_compute(p, &in, &s);
	assert_int_equal(s.ex[0].resume_lines, 4);
	assert_true(s.ex[0].resume_over);
	assert_true(shapes_example_trouble(&s, 0));
	assert_int_equal(s.ex[1].resume_lines, 2);
	assert_false(s.ex[1].resume_over);
	for (i = 0; i < p->n_examples; i++) {
		findings_init(&fs);
		resume_check_line(NULL, p, &p->examples[i], project_example_resume(&p->examples[i]),
		    lines[i], &fs);
		assert_int_equal(s.ex[i].resume_findings, fs.n);
		findings_free(&fs);
	}
	line = shapes_example_line(&s, 0, false);
	assert_true(strncmp(line, "Résumé 4 lines (over 3)", strlen("Résumé 4 lines (over 3)")) == 0);
	free(line);
	line = shapes_example_line(&s, 0, true);
	assert_true(strncmp(line, "Résumé 4 ln over", strlen("Résumé 4 ln over")) == 0);
	free(line);
	line = shapes_example_line(&s, 1, false);
	assert_true(strncmp(line, "Résumé 2 lines", strlen("Résumé 2 lines")) == 0);
	free(line);
	shapes_free(&s);
	free(lines);
	demo_close(&d);
}

static void
ses2010__the_narrative_alone(void **state)
{
	struct demo d;
	const struct project *p;
	struct shapes s;
	char *line;
	size_t i;

	(void)state;
	demo_open(&d, "ses-2010");
	p = store_project(d.st);
	shapes_compute(p, NULL, &s);
	assert_int_equal(s.n_order, 1);
	assert_int_equal(s.order[0], DOC_NARRATIVE);
	line = shapes_asks_line(p->fw, false);
	assert_string_equal(line, "narrative");
	free(line);
	line = shapes_asks_line(p->fw, true);
	assert_string_equal(line, "narrative (10 pages)");
	free(line);
	line = shapes_totals_line(&s);
	assert_true(strncmp(line, "Narratives: ", 12) == 0);
	assert_null(strstr(line, "résumé"));
	assert_null(strstr(line, "card"));
	free(line);
	for (i = 0; i < p->n_examples; i++) {
		line = shapes_example_line(&s, i, false);
		assert_true(strncmp(line, "Narrative ", 10) == 0);
		assert_null(strstr(line, "Résumé"));
		assert_null(strstr(line, "Card"));
		assert_null(strstr(line, " · "));
		free(line);
	}
	shapes_free(&s);
	demo_close(&d);
}

/* A coordinator's framework: a five-page narrative, one page an ECQ. */
static const char coord_fw[] =
	"[framework]\nid = cdp-2026\ntitle = CDP\n"
	"[documents]\nnarrative = first\nresume = no\ninterview = no\n"
	"narrative_pages = 5\nnarrative_pages_per_ecq = 1\n"
	"[ecq:one]\ntitle = One\ndefinition = d\n"
	"[ecq:two]\ntitle = Two\ndefinition = d\n";

static void
example_init(struct example *ex, int64_t id, int ecq)
{
	int f;

	memset(ex, 0, sizeof *ex);
	for (f = 0; f < EX_FIELD_COUNT; f++)
		ex->field[f] = (char *)"";
	ex->id = id;
	ex->ecq = ecq;
}

static const char *
live_text(void *arg, const char *target, size_t *len)
{
	(void)arg;
	if (strcmp(target, "example.2.card") == 0) {
		*len = 9;
		return "Said now.";
	}
	return NULL;
}

static size_t
live_words(void *arg, const struct example *ex)
{
	(void)arg;
	return (size_t)ex->id * 100;
}

static void
coordinator__narrative_only_and_findings_per_example(void **state)
{
	struct error err;
	struct framework *fw;
	struct project p;
	struct example ex[2];
	struct findings fs;
	struct finding f;
	struct shapes s;
	struct shapes_input in;
	char *line;

	(void)state;
	assert_int_equal(framework_parse(coord_fw, strlen(coord_fw), "cdp.ini", &fw, &err), 0);
	memset(&p, 0, sizeof p);
	p.fw = fw;
	example_init(&ex[0], 1, 0);
	ex[0].field[EX_TITLE] = (char *)"Grant appeals backlog";
	ex[0].field[EX_CHALLENGE] = (char *)"A backlog of 263 appeals.";
	ex[0].field[EX_RESULT] = (char *)"All cleared in 15 months.";
	ex[0].resume = (char *)"Cleared 263 appeals.";   /* kept, not asked for */
	example_init(&ex[1], 2, 1);
	p.examples = ex;
	p.n_examples = 2;

	line = shapes_asks_line(fw, true);
	assert_string_equal(line, "narrative (1 page an ECQ)");
	free(line);

	/* findings: a warning and an error on example 1's narrative count, its
	 * information and its résumé line's warning do not */
	findings_init(&fs);
	memset(&f, 0, sizeof f);
	f.rule = "passive";
	f.example = 1;
	f.field = EX_CHALLENGE;
	f.message = (char *)"m";
	f.severity = SEV_WARNING;
	findings_add(&fs, &f);
	f.severity = SEV_ERROR;
	findings_add(&fs, &f);
	f.severity = SEV_INFO;
	findings_add(&fs, &f);
	f.severity = SEV_WARNING;
	f.target = "example.1.resume";
	findings_add(&fs, &f);
	memset(&in, 0, sizeof in);
	in.narrative = &fs;
	in.counted = true;
	shapes_compute(&p, &in, &s);
	assert_int_equal(s.n_order, 1);
	assert_int_equal(s.order[0], DOC_NARRATIVE);
	assert_int_equal(s.ex[0].narrative_findings, 2);
	assert_int_equal(s.ex[0].parts, 2);
	assert_int_equal(s.ex[0].words, 3 + 5 + 5);
	assert_int_equal(s.ex[1].parts, 0);
	assert_int_equal(s.have[DOC_NARRATIVE], 1);
	assert_int_equal(s.have[DOC_RESUME], 1);        /* counted, not shown */
	line = shapes_example_line(&s, 0, false);
	assert_string_equal(line, "Narrative 13 words, 2 of 4 parts, 2 findings");
	free(line);
	line = shapes_example_line(&s, 0, true);
	assert_string_equal(line, "Narr. 13 w 2/4 !2");
	free(line);
	line = shapes_example_line(&s, 1, false);
	assert_string_equal(line, "no narrative");
	free(line);
	assert_true(shapes_example_trouble(&s, 0));
	assert_false(shapes_example_trouble(&s, 1));
	line = shapes_totals_line(&s);
	assert_string_equal(line, "Narratives: 1 of 2 examples");
	free(line);
	shapes_free(&s);

	/* the session's texts: a card typed but not saved, words as counted
	 * by the coach */
	memset(&in, 0, sizeof in);
	in.text_of = live_text;
	in.words_of = live_words;
	shapes_compute(&p, &in, &s);
	assert_false(s.ex[0].has_card);
	assert_true(s.ex[1].has_card);
	assert_int_equal(s.ex[1].card_fit, SHAPE_FIT_SHORT);
	assert_true(s.ex[1].card_no_result);
	assert_int_equal(s.ex[1].card_findings, 2);     /* the card rules need no checker */
	assert_int_equal(s.ex[0].words, 100);
	assert_int_equal(s.ex[1].words, 200);
	shapes_free(&s);
	findings_free(&fs);
	framework_free(fw);
}

static void
card_state__long_short_and_no_result_as_the_rules_say(void **state)
{
	struct error err;
	struct framework *fw;
	struct example ex;
	struct shape_state st;
	char *card;
	size_t i;

	(void)state;
	assert_int_equal(framework_parse(coord_fw, strlen(coord_fw), "cdp.ini", &fw, &err), 0);
	example_init(&ex, 5, 0);
	ex.field[EX_RESULT] = (char *)"Saved $4.6 million a year.";
	/* 600 words at 130 a minute: over 4 minutes, and no figure */
	card = xcalloc(600 * 5 + 1, 1);
	for (i = 0; i < 600; i++)
		memcpy(card + i * 5, i + 1 < 600 ? "word " : "word", i + 1 < 600 ? 5 : 4);
	shapes_card_state(fw, &ex, card, 130, &st);
	assert_true(st.has_card);
	assert_int_equal(st.card_fit, SHAPE_FIT_LONG);
	assert_true(st.card_no_result);
	assert_int_equal(st.card_findings, 2);
	assert_string_equal(shapes_fit_name(st.card_fit), "long");
	free(card);
	shapes_card_state(fw, &ex, "We saved $4.6 million a year.", 130, &st);
	assert_int_equal(st.card_fit, SHAPE_FIT_SHORT);
	assert_false(st.card_no_result);
	shapes_card_state(fw, &ex, " \n ", 130, &st);
	assert_false(st.has_card);
	assert_int_equal(st.card_findings, 0);
	framework_free(fw);
}

/* shapes_count (the report's) agrees with shapes_compute's have[] */
static void
count__as_shapes_compute(void **state)
{
	static const char *const ids[] = { "ses-2025", "ses-2010" };
	size_t k, sh;

	(void)state;
	for (k = 0; k < 2; k++) {
		struct demo d;
		struct shapes s;
		size_t have[DOC_SHAPES];

		demo_open(&d, ids[k]);
		shapes_compute(store_project(d.st), NULL, &s);
		shapes_count(store_project(d.st), have);
		for (sh = 0; sh < DOC_SHAPES; sh++)
			assert_int_equal(have[sh], s.have[sh]);
		assert_true(k == 1 || (have[DOC_RESUME] > 0 && have[DOC_INTERVIEW] > 0));
		shapes_free(&s);
		demo_close(&d);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ses2025__resume_and_interview_first_narrative_last),
		cmocka_unit_test(ses2025__resume_lines_from_the_layout_and_findings_from_resume_check_line),
		cmocka_unit_test(ses2010__the_narrative_alone),
		cmocka_unit_test(coordinator__narrative_only_and_findings_per_example),
		cmocka_unit_test(card_state__long_short_and_no_result_as_the_rules_say),
		cmocka_unit_test(count__as_shapes_compute),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
