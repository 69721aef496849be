/* SPDX-License-Identifier: MIT */
/*
 * test_fixes.c: the machine fixes that findings carry (struct finding's
 * fix, fix_offset, fix_length), table-driven: each case names a rule and a
 * text, and the text the first fix of that rule makes of it, or NULL when
 * the rule must report but offer no fix (the change is not mechanical).
 * The fixed text is checked again: the fix must not leave its finding.
 */
#include "config.h"

#include "testutil.h"

#include "checks/acronym.h"
#include "checks/rules.h"
#include "wordlist.h"
#include "xalloc.h"

struct fix_case {
	const char *rule;
	const char *name;
	const char *text;
	const char *fixed;      /* text after the fix, or NULL: no fix offered */
};

#define FIX(rule, name, text, fixed) { rule, "fixes__" name, text, fixed }
#define NOFIX(rule, name, text) { rule, "offers_no_fix__" name, text, NULL }

static const struct fix_case fix_cases[] = {
	/* bureaucratic words with one plain alternative */
	FIX("bureaucratic", "utilize", "I utilized a single table for the budget.",
	    "I used a single table for the budget."),
	FIX("bureaucratic", "in_order_to", "In order to compete, I cut the price.",
	    "To compete, I cut the price."),
	FIX("bureaucratic", "in_order_to_mid", "I moved two analysts in order to clear the queue.",
	    "I moved two analysts to clear the queue."),
	FIX("bureaucratic", "leverage_verb", "I will leverage the new data to set targets.",
	    "I will use the new data to set targets."),
	FIX("bureaucratic", "prior_to", "Prior to 2020 the office had no plan.",
	    "Before 2020 the office had no plan."),
	NOFIX("bureaucratic", "facilitate", "I facilitated a meeting of the chiefs."),
	NOFIX("bureaucratic", "commenced", "The audit had commenced in May."),
	/* doubled words */
	FIX("grammar", "doubled", "I sent the the draft to the deputy.",
	    "I sent the draft to the deputy."),
	FIX("grammar", "doubled_line_break", "I sent the\nthe draft.", "I sent the draft."),
	/* a/an */
	FIX("grammar", "a_to_an", "I spent a hour on it.", "I spent an hour on it."),
	FIX("grammar", "an_to_a", "She joined an union local.", "She joined a union local."),
	FIX("grammar", "an_capital", "An university asked for data.", "A university asked for data."),
	/* a/an by sound, acronyms letter by letter */
	FIX("grammar", "a_to_an_initialism", "I hired a HR specialist.", "I hired an HR specialist."),
	FIX("grammar", "an_to_a_us", "I led an U.S. team.", "I led a U.S. team."),
	/* agreement across a prepositional phrase */
	FIX("grammar", "agreement_plural_head", "The savings from these steps was large.",
	    "The savings from these steps were large."),
	FIX("grammar", "agreement_each_of", "Each of the states have its own rules.",
	    "Each of the states has its own rules."),
	FIX("grammar", "agreement_number", "The two chiefs was new.", "The two chiefs were new."),
	FIX("grammar", "agreement_singular_head", "The cost of the new scanners were high.",
	    "The cost of the new scanners was high."),
	/* confused words */
	FIX("grammar", "loose", "We could loose the contract.", "We could lose the contract."),
	FIX("grammar", "affect_noun", "It had no affect on hiring.", "It had no effect on hiring."),
	FIX("grammar", "principle_capital", "Principle investigators met.", "Principal investigators met."),
	FIX("grammar", "its_after_preposition", "The agency cut it's budget.", "The agency cut its budget."),
	/* "we" to "I" when the verb agrees */
	FIX("we_voice", "we_past", "We hired 40 investigators in 2021.", "I hired 40 investigators in 2021."),
	FIX("we_voice", "we_modal", "Then we could close the office.", "Then I could close the office."),
	FIX("we_voice", "weve", "We've cut the backlog in half.", "I've cut the backlog in half."),
	NOFIX("we_voice", "we_were", "We were short of staff."),
	NOFIX("we_voice", "we_all", "We all agreed on the plan."),
	NOFIX("we_voice", "we_our", "We cut our costs by half."),
	/* a spelled-out acronym inserted at first use */
	FIX("acronym_undefined", "acronym_from_list", "I briefed OMB examiners on the plan.",
	    "I briefed Office of Management and Budget (OMB) examiners on the plan."),
	FIX("acronym_undefined", "acronym_after_the", "I partnered with the FEMA region.",
	    "I partnered with the Federal Emergency Management Agency (FEMA) region."),
	NOFIX("acronym_undefined", "acronym_after_an_lower_case_name",
	    "I signed an agreement and an MOU once."),
	FIX("acronym_undefined", "acronym_defined_later_in_the_text",
	    "The XYZ team met. Later the Xylophone Yield Zone (XYZ) grew.",
	    "The Xylophone Yield Zone (XYZ) team met. Later the Xylophone Yield Zone (XYZ) grew."),
	FIX("acronym_undefined", "acronym_defined_later_acronym_first",
	    "The QRS team met. Later QRS (Quality Review Staff) grew.",
	    "The Quality Review Staff (QRS) team met. Later QRS (Quality Review Staff) grew."),
	FIX("acronym_undefined", "acronym_name_across_lines",
	    "The QRS team met.\nLater in the year I joined the Quality Review\nStaff (QRS) as chief.",
	    "The Quality Review Staff (QRS) team met.\nLater in the year I joined the Quality "
	    "Review\nStaff (QRS) as chief."),
	FIX("acronym_undefined", "acronym_list_entry_in_lower_case", "I rewrote the SOW in May.",
	    "I rewrote the statement of work (SOW) in May."),
	NOFIX("acronym_undefined", "acronym_unknown", "I led the ZQX review."),
	NOFIX("acronym_undefined", "acronym_plural", "I signed three MOUs with the states."),
	NOFIX("acronym_undefined", "acronym_possessive", "I read OMB's guidance."),
	NOFIX("acronym_undefined", "acronym_hyphenated", "I led the HHS-wide review."),
	NOFIX("acronym_undefined", "acronym_after_an", "I won an NSF grant."),
	NOFIX("acronym_undefined", "acronym_in_parentheses", "The new office (OMB) was small."),
};

#define N_CASES (sizeof fix_cases / sizeof fix_cases[0])

static struct wordlists *fix_lists;

static int
fix_setup(void **state)
{
	struct error err;
	char path[4096];

	(void)state;
	snprintf(path, sizeof path, "%s/dictionaries", test_srcdir());
	if (wordlists_load(path, &fix_lists, &err) != 0) {
		fprintf(stderr, "wordlists_load: %s\n", err.msg);
		return -1;
	}
	return 0;
}

static int
fix_teardown(void **state)
{
	(void)state;
	wordlists_free(fix_lists);
	return 0;
}

/* Runs every language rule on text; the first finding of rule, copied into
 * *out (NULL fields when none), and whether there was one. */
static bool
fix_first(const char *text, const char *rule, struct findings *fs, struct text_doc *doc,
    const struct finding **out)
{
	struct rule_env env = { 0 };
	size_t i;

	text_analyze(text, strlen(text), doc);
	findings_init(fs);
	env.doc = doc;
	env.lists = fix_lists;
	rule_passive(&env, fs);
	rule_voice(&env, fs);
	rule_acronym(&env, fs);
	rule_phrases(&env, fs);
	rule_style(&env, fs);
	rule_grammar(&env, fs);
	*out = NULL;
	for (i = 0; i < fs->n; i++) {
		if (strcmp(fs->items[i].rule, rule) == 0 &&
		    (*out == NULL || fs->items[i].offset < (*out)->offset))
			*out = &fs->items[i];
	}
	return *out != NULL;
}

static void
fix_run(void **state)
{
	const struct fix_case *c = *state;
	struct text_doc doc, doc2;
	struct findings fs, fs2;
	const struct finding *f, *f2;
	char *fixed;
	size_t n = strlen(c->text);

	if (!fix_first(c->text, c->rule, &fs, &doc, &f))
		fail_msg("%s: no %s finding", c->text, c->rule);
	if (c->fixed == NULL) {
		if (f->fix != NULL)
			fail_msg("%s: unexpected fix '%s'", c->text, f->fix);
	} else {
		if (f->fix == NULL)
			fail_msg("%s: no fix offered", c->text);
		assert_true(f->fix_offset + f->fix_length <= n);
		fixed = xmalloc(n + strlen(f->fix) + 1);
		memcpy(fixed, c->text, f->fix_offset);
		strcpy(fixed + f->fix_offset, f->fix);
		strcat(fixed, c->text + f->fix_offset + f->fix_length);
		if (strcmp(fixed, c->fixed) != 0)
			fail_msg("%s: fixed to '%s', expected '%s'", c->text, fixed, c->fixed);
		/* the fix removes what it was for */
		if (fix_first(fixed, c->rule, &fs2, &doc2, &f2) && f2->offset == f->offset &&
		    strcmp(c->rule, "bureaucratic") != 0)
			fail_msg("%s: still flagged after the fix: %s", fixed, f2->message);
		findings_free(&fs2);
		text_doc_free(&doc2);
		free(fixed);
	}
	findings_free(&fs);
	text_doc_free(&doc);
}

int
main(void)
{
	static struct CMUnitTest tests[N_CASES];
	static char names[N_CASES][128];
	size_t i;

	for (i = 0; i < N_CASES; i++) {
		snprintf(names[i], sizeof names[i], "%s__%s__%03zu", fix_cases[i].rule,
		    fix_cases[i].name, i + 1);
		tests[i].name = names[i];
		tests[i].test_func = fix_run;
		tests[i].setup_func = NULL;
		tests[i].teardown_func = NULL;
		tests[i].initial_state = (void *)&fix_cases[i];
	}
	return _cmocka_run_group_tests("fixes", tests, N_CASES, fix_setup, fix_teardown);
}
