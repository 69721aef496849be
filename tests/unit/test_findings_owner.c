/* SPDX-License-Identifier: MIT */
/* test_findings_owner.c: the session's one owner of findings gives a
 * field the findings `check` gives it in the project (acronyms defined
 * earlier in the ECQ), goes stale on a dictionary change, and the page
 * limit lands on the ECQs that overflow their share. */
#include "config.h"

#include "testutil.h"

#include <unistd.h>

#include "checker.h"
#include "framework.h"
#include "layout.h"
#include "review_state.h"
#include "store.h"
#include "tui/findings_owner.h"
#include "xalloc.h"

static bool
have_dictionary(void)
{
	return access("/usr/share/hunspell/en_US.dic", R_OK) == 0;
}

static struct checker *
new_checker(bool no_spelling)
{
	struct checker_options o = { .data_dir = test_srcdir(), .user_words = "",
	    .no_spelling = no_spelling, .no_suggestions = true };
	struct checker *ck = NULL;
	struct error err;

	if (checker_new(&o, &ck, &err) != 0)
		fail_msg("checker_new: %s", err.msg);
	return ck;
}

struct fixture {
	char *dir, *path, *ini;
	struct framework *fw;
	struct store *st;
	struct checker *ck;
	int64_t id;
};

static void
fixture_open(struct fixture *fx, bool no_spelling)
{
	struct error err;

	memset(fx, 0, sizeof *fx);
	fx->dir = test_tmpdir();
	fx->path = xasprintf("%s/p.ecq", fx->dir);
	fx->ini = xasprintf("%s/prompts/ses-2010.ini", test_srcdir());
	assert_int_equal(framework_load_file(fx->ini, &fx->fw, &err), 0);
	assert_int_equal(store_create(fx->path, fx->fw, "Jordan Quillfeather", &fx->st, &err), 0);
	assert_int_equal(store_add_example(fx->st, 1, "Modernizing intake", &fx->id, &err), 0);
	fx->ck = new_checker(no_spelling);
	checker_set_framework(fx->ck, store_project(fx->st)->fw);
	checker_set_words(fx->ck, &store_project(fx->st)->words);
}

static void
fixture_close(struct fixture *fx)
{
	checker_free(fx->ck);
	store_close(fx->st);
	framework_free(fx->fw);
	free(fx->ini);
	free(fx->path);
	test_rmdir(fx->dir);
}

static size_t
count_rule_at(const struct findings *fs, const char *rule, const char *target)
{
	size_t i, n = 0;

	for (i = 0; i < fs->n; i++)
		n += strcmp(fs->items[i].rule, rule) == 0 && (target == NULL ||
		    (fs->items[i].target != NULL && strcmp(fs->items[i].target, target) == 0));
	return n;
}

/* The project findings of one field, as (rule, offset, length) lines. */
static char *
field_set(const struct findings *fs, const char *target)
{
	char *out = xstrdup(""), *next;
	size_t i;

	for (i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->items[i];

		if (f->target == NULL || strcmp(f->target, target) != 0)
			continue;
		next = xasprintf("%s%s %zu %zu\n", out, f->rule, f->offset, f->length);
		free(out);
		out = next;
	}
	return out;
}

static void
field__acronym_spelled_out_in_challenge_is_defined_in_result(void **state)
{
	static const char challenge[] = "The Office of Personnel Management (OPM) asked "
	    "me to fix hiring.";
	static const char result[] = "OPM adopted the process in 12 bureaus.";
	struct fixture fx;
	struct findings project, field;
	struct findings_owner *fo = findings_owner_new();
	char *target, *want, *got;
	struct error err;
	struct check_ctx ctx;

	(void)state;
	fixture_open(&fx, true);
	assert_int_equal(store_set_example_field(fx.st, fx.id, EX_CHALLENGE, challenge, &err), 0);
	assert_int_equal(store_set_example_field(fx.st, fx.id, EX_RESULT, result, &err), 0);
	target = store_example_target(fx.id, EX_RESULT);
	findings_init(&project);
	findings_init(&field);
	checker_check_project(fx.ck, store_project(fx.st), &project);
	assert_int_equal(count_rule_at(&project, "acronym_undefined", target), 0);
	ctx = (struct check_ctx){ 1, fx.id, EX_RESULT, target };
	findings_owner_check_field(fo, fx.ck, store_project(fx.st), &ctx, result,
	    strlen(result), NULL, NULL, &field);
	findings_sort(&field);
	want = field_set(&project, target);
	got = field_set(&field, target);
	assert_string_equal(got, want);
	assert_int_equal(count_rule_at(&field, "acronym_undefined", NULL), 0);
	free(want);
	free(got);
	findings_free(&field);
	findings_free(&project);
	free(target);
	findings_owner_free(fo);
	fixture_close(&fx);
}

struct session_text {
	const char *target;
	const char *text;
};

static const char *
session_text_of(void *arg, const char *target, size_t *len)
{
	const struct session_text *s = arg;

	if (strcmp(s->target, target) != 0)
		return NULL;
	*len = strlen(s->text);
	return s->text;
}

static void
field__reads_unsaved_text_of_earlier_fields(void **state)
{
	static const char result[] = "OPM adopted the process in 12 bureaus.";
	struct fixture fx;
	struct findings field;
	struct findings_owner *fo = findings_owner_new();
	struct session_text s;
	struct check_ctx ctx;
	struct error err;
	char *target, *ch;

	(void)state;
	fixture_open(&fx, true);
	assert_int_equal(store_set_example_field(fx.st, fx.id, EX_RESULT, result, &err), 0);
	target = store_example_target(fx.id, EX_RESULT);
	ch = store_example_target(fx.id, EX_CHALLENGE);
	ctx = (struct check_ctx){ 1, fx.id, EX_RESULT, target };
	findings_init(&field);
	findings_owner_check_field(fo, fx.ck, store_project(fx.st), &ctx, result,
	    strlen(result), NULL, NULL, &field);
	assert_int_equal(count_rule_at(&field, "acronym_undefined", NULL), 1);
	findings_free(&field);
	/* the Challenge, typed but not saved, spells it out */
	s.target = ch;
	s.text = "The Office of Personnel Management (OPM) asked me to fix hiring.";
	findings_owner_text_changed(fo);
	findings_init(&field);
	findings_owner_check_field(fo, fx.ck, store_project(fx.st), &ctx, result,
	    strlen(result), session_text_of, &s, &field);
	assert_int_equal(count_rule_at(&field, "acronym_undefined", NULL), 0);
	findings_free(&field);
	free(ch);
	free(target);
	findings_owner_free(fo);
	fixture_close(&fx);
}

static void
project__stale_until_dictionary_change_then_fresh(void **state)
{
	struct fixture fx;
	struct findings_owner *fo = findings_owner_new();
	const struct findings *pf;
	struct error err;
	char *target;

	(void)state;
	if (!have_dictionary())
		skip();
	fixture_open(&fx, false);
	target = store_example_target(fx.id, EX_ACTION);
	assert_int_equal(store_set_example_field(fx.st, fx.id, EX_ACTION,
	    "I led the Zorblax project in 12 offices.", &err), 0);
	/* the checker borrows the project's word list: follow each reload */
	checker_set_words(fx.ck, &store_project(fx.st)->words);
	pf = findings_owner_project(fo, fx.ck, store_project(fx.st), NULL);
	assert_true(findings_owner_fresh(fo));
	assert_int_equal(count_rule_at(pf, "spelling", target), 1);
	/* a word added: the owner must be told, and then it agrees */
	assert_int_equal(store_add_word(fx.st, "Zorblax", &err), 0);
	checker_set_words(fx.ck, &store_project(fx.st)->words);
	findings_owner_dictionary_changed(fo);
	assert_false(findings_owner_fresh(fo));
	assert_int_equal(findings_owner_dictionary_gen(fo), 1);
	pf = findings_owner_project(fo, fx.ck, store_project(fx.st), NULL);
	assert_int_equal(count_rule_at(pf, "spelling", target), 0);
	free(target);
	findings_owner_free(fo);
	fixture_close(&fx);
}

static void
page_limit__lands_on_the_ecqs_over_their_share(void **state)
{
	struct layout_ecq_pages ecqs[5] = {
		{ 1, 6, 5.8 }, { 6, 8, 1.5 }, { 8, 9, 1.5 }, { 9, 11, 1.5 }, { 11, 12, 1.5 }
	};
	struct layout_result r;
	struct fixture fx;
	struct findings fs;

	(void)state;
	fixture_open(&fx, true);
	memset(&r, 0, sizeof r);
	r.pages = 12;
	r.used = 11.8;
	r.font_size = 12;
	r.margin = 72;
	r.lines_per_page = 46;
	r.ecq = -1;
	r.n_ecqs = 5;
	r.ecqs = ecqs;
	findings_init(&fs);
	layout_page_limit_findings(&r, store_project(fx.st), &fs);
	/* ECQ 1 takes 5.8 pages of a 2-page share; ECQ 4, where page 10
	 * ends, is within its share. */
	assert_int_equal(fs.n, 1);
	assert_int_equal(fs.items[0].ecq, 0);
	assert_non_null(strstr(fs.items[0].message, "over its share of 2.0"));
	findings_free(&fs);
	/* nobody over the share: the ECQ where the limit is crossed */
	ecqs[0].pages = 1.9;
	r.pages = 11;
	r.used = 10.2;
	findings_init(&fs);
	layout_page_limit_findings(&r, store_project(fx.st), &fs);
	assert_int_equal(fs.n, 1);
	assert_int_equal(fs.items[0].ecq, 3);
	findings_free(&fs);
	fixture_close(&fx);
}

/* A coordinator's budget of 1 page per ECQ within 5 pages: an ECQ over
 * both gets one finding (the error, with its budget as its share), not an
 * error and a warning saying the same. */
static void
page_limit__a_budget_per_ecq_is_said_once(void **state)
{
	struct layout_ecq_pages ecqs[5] = {
		{ 1, 2, 1.7 }, { 2, 4, 1.7 }, { 4, 5, 1.6 }, { 5, 6, 0.9 }, { 6, 7, 0.9 }
	};
	struct layout_result r;
	struct fixture fx;
	struct findings fs;
	struct framework *fw;
	size_t i;

	(void)state;
	fixture_open(&fx, true);
	fw = (struct framework *)store_project(fx.st)->fw;
	fw->docs.narrative_pages = 5;
	fw->docs.narrative_pages_per_ecq = 1;
	memset(&r, 0, sizeof r);
	r.pages = 7;
	r.used = 6.8;
	r.font_size = 12;
	r.margin = 72;
	r.lines_per_page = 46;
	r.ecq = -1;
	r.n_ecqs = 5;
	r.ecqs = ecqs;
	findings_init(&fs);
	layout_page_limit_findings(&r, store_project(fx.st), &fs);
	assert_int_equal(fs.n, 3);
	for (i = 0; i < fs.n; i++) {
		assert_int_equal(fs.items[i].ecq, (int)i);
		assert_int_equal(fs.items[i].severity, SEV_ERROR);
		assert_non_null(strstr(fs.items[i].message, "over its share of 1.0"));
	}
	findings_free(&fs);
	/* within the 5 pages: ECQ 1 over its own budget is a warning */
	ecqs[1].pages = ecqs[2].pages = 0.8;
	r.pages = 5;
	r.used = 4.3;
	findings_init(&fs);
	layout_page_limit_findings(&r, store_project(fx.st), &fs);
	assert_int_equal(fs.n, 1);
	assert_int_equal(fs.items[0].ecq, 0);
	assert_int_equal(fs.items[0].severity, SEV_WARNING);
	findings_free(&fs);
	fixture_close(&fx);
}

static void
review__never_passes_what_it_cannot_check(void **state)
{
	struct checklist_item quantify = { CHECKLIST_MAKE_SURE, (char *)"Quantify experience",
	    { 0 } };
	struct checklist_item cover = { CHECKLIST_MAKE_SURE, (char *)"cover the focus areas",
	    { 0 } };
	struct checklist_item pages = { CHECKLIST_MAKE_SURE, (char *)"10 pages", { 0 } };
	struct fixture fx;
	struct findings none;
	struct error err;
	char why[256];
	size_t e;
	int64_t id;

	(void)state;
	strlist_push(&quantify.rules, "unquantified_result");
	strlist_push(&cover.rules, "competency_coverage");
	strlist_push(&pages.rules, "page_limit");
	fixture_open(&fx, true);
	findings_init(&none);
	/* ECQ 1 (and others) empty: nothing found, and nothing to judge */
	assert_int_equal(review_state_of(store_project(fx.st), &quantify, &none, NULL, why,
	    sizeof why), REVIEW_NOT_YET);
	assert_string_equal(why, "ECQ 1 has no example yet");
	assert_int_equal(review_state_of(store_project(fx.st), &cover, &none, NULL, NULL, 0),
	    REVIEW_NOT_YET);
	assert_int_equal(review_state_of(store_project(fx.st), &pages, &none, NULL, NULL, 0),
	    REVIEW_PASSED);
	/* every ECQ with a quantified Result, no competency ticked (as imported) */
	for (e = 0; e < store_project(fx.st)->fw->n_ecqs; e++) {
		if (e == 1) {
			id = fx.id;
		} else {
			assert_int_equal(store_add_example(fx.st, (int)e, "Example", &id, &err), 0);
		}
		assert_int_equal(store_set_example_field(fx.st, id, EX_RESULT,
		    "Costs fell 12 percent.", &err), 0);
	}
	assert_int_equal(review_state_of(store_project(fx.st), &quantify, &none, NULL, NULL, 0),
	    REVIEW_PASSED);
	assert_int_equal(review_state_of(store_project(fx.st), &cover, &none, NULL, why,
	    sizeof why), REVIEW_NOT_YET);
	assert_non_null(strstr(why, "no competencies ticked"));
	findings_free(&none);
	strlist_free(&quantify.rules);
	strlist_free(&cover.rules);
	strlist_free(&pages.rules);
	fixture_close(&fx);
}

/* The résumé and interview lines of a ses-2025 checklist are "not yet"
 * while there is no résumé line, card or position to judge: their rules'
 * silence then is not a pass. */
static void
review__shapes_not_passed_without_them(void **state)
{
	struct checklist_item lines = { CHECKLIST_MAKE_SURE, (char *)"Résumé lines", { 0 } };
	struct checklist_item usajobs = { CHECKLIST_MAKE_SURE, (char *)"USAJOBS", { 0 } };
	struct checklist_item cards = { CHECKLIST_MAKE_SURE, (char *)"Interview", { 0 } };
	struct fixture fx;
	struct findings none;
	struct error err;
	char why[256];
	size_t e;
	int64_t id, pos;

	(void)state;
	strlist_push(&lines.rules, "first_person");
	strlist_push(&lines.rules, "action_verb");
	strlist_push(&usajobs.rules, "usajobs_limit");
	strlist_push(&cards.rules, "card_time");
	fixture_open(&fx, true);
	findings_init(&none);
	for (e = 0; e < store_project(fx.st)->fw->n_ecqs; e++) {
		if (e == 1) {
			id = fx.id;
		} else {
			assert_int_equal(store_add_example(fx.st, (int)e, "Example", &id, &err), 0);
		}
		assert_int_equal(store_set_example_field(fx.st, id, EX_RESULT,
		    "Costs fell 12 percent.", &err), 0);
	}
	/* a whole narrative, and no résumé line, card or position */
	assert_int_equal(review_state_of(store_project(fx.st), &lines, &none, NULL, why,
	    sizeof why), REVIEW_NOT_YET);
	assert_string_equal(why, "ECQ 1 has no résumé line yet");
	assert_int_equal(review_state_of(store_project(fx.st), &cards, &none, NULL, why,
	    sizeof why), REVIEW_NOT_YET);
	assert_string_equal(why, "ECQ 1 has no interview card yet");
	assert_int_equal(review_state_of(store_project(fx.st), &usajobs, &none, NULL, why,
	    sizeof why), REVIEW_NOT_YET);
	assert_string_equal(why, "the résumé has no position yet");
	/* every ECQ's example with a line and a card, and a position */
	for (e = 0; e < store_project(fx.st)->n_examples; e++) {
		id = store_project(fx.st)->examples[e].id;
		assert_int_equal(store_set_example_resume(fx.st, id, "Cut costs 12 percent.",
		    &err), 0);
		assert_int_equal(store_set_example_card(fx.st, id, "I cut costs 12 percent.",
		    &err), 0);
	}
	assert_int_equal(store_add_position(fx.st, "Director", &pos, &err), 0);
	assert_int_equal(review_state_of(store_project(fx.st), &lines, &none, NULL, NULL, 0),
	    REVIEW_PASSED);
	assert_int_equal(review_state_of(store_project(fx.st), &cards, &none, NULL, NULL, 0),
	    REVIEW_PASSED);
	assert_int_equal(review_state_of(store_project(fx.st), &usajobs, &none, NULL, NULL, 0),
	    REVIEW_PASSED);
	findings_free(&none);
	strlist_free(&lines.rules);
	strlist_free(&usajobs.rules);
	strlist_free(&cards.rules);
	fixture_close(&fx);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(field__acronym_spelled_out_in_challenge_is_defined_in_result),
		cmocka_unit_test(review__shapes_not_passed_without_them),
		cmocka_unit_test(field__reads_unsaved_text_of_earlier_fields),
		cmocka_unit_test(project__stale_until_dictionary_change_then_fresh),
		cmocka_unit_test(page_limit__lands_on_the_ecqs_over_their_share),
		cmocka_unit_test(page_limit__a_budget_per_ecq_is_said_once),
		cmocka_unit_test(review__never_passes_what_it_cannot_check),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
