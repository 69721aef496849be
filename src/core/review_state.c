/* SPDX-License-Identifier: MIT */
/*
 * review_state.c: passed, failed, by hand or not yet for a checklist line
 * (see review_state.h). What each rule needs before its silence means
 * "passed" is said here, next to the rule ids; the rules themselves are in
 * checks/.
 */
#include "config.h"
#include "review_state.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* What a rule must have in every ECQ before finding nothing is a pass. */
enum review_need {
	NEED_NOTHING,           /* judged on any narrative (page_limit, counts) */
	NEED_EXAMPLE,           /* an example in every ECQ */
	NEED_RESULT,            /* an example with a Result in every ECQ */
	NEED_TEXT,              /* an example with CCAR text in every ECQ */
	NEED_TICKS,             /* examples with competencies ticked in every ECQ */
	NEED_RESUME_LINE,       /* an example with a résumé line in every ECQ */
	NEED_CARD,              /* an example with an interview card in every ECQ */
	NEED_POSITION           /* a position on the résumé */
};

static const struct {
	const char *rule;
	enum review_need need;
} review_needs[] = {
	{ "page_limit", NEED_NOTHING },
	{ "too_many_examples", NEED_NOTHING },
	{ "intro_too_long", NEED_NOTHING },
	{ "unquantified_result", NEED_RESULT },
	{ "competency_coverage", NEED_TICKS },
	{ "missing_part", NEED_EXAMPLE },
	{ "example_too_old", NEED_EXAMPLE },
	{ "duplicate_example", NEED_EXAMPLE },
	{ "word_budget", NEED_TEXT },
	{ "definition_included", NEED_TEXT },
	/* the résumé and interview rules judge the shapes, not the narrative:
	 * silent with no résumé line or card to read is not a pass */
	{ "first_person", NEED_RESUME_LINE },
	{ "action_verb", NEED_RESUME_LINE },
	{ "resume_length", NEED_RESUME_LINE },
	{ "resume_coverage", NEED_RESUME_LINE },
	{ "usajobs_limit", NEED_POSITION },
	{ "card_time", NEED_CARD },
	{ "card_no_result", NEED_CARD },
};

/* Every text rule (spelling, passive, ...) reads the examples' text. */
static enum review_need
review_need_of(const char *rule)
{
	size_t i;

	for (i = 0; i < sizeof review_needs / sizeof review_needs[0]; i++)
		if (strcmp(review_needs[i].rule, rule) == 0)
			return review_needs[i].need;
	return NEED_TEXT;
}

static bool
review_blank(const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

/* True when ECQ e has what need asks; else why says what is missing. */
static bool
review_ecq_has(const struct project *p, int e, enum review_need need, char *why, size_t n)
{
	size_t k, cnt = project_count_examples(p, e);
	int f;

	if (need == NEED_NOTHING)
		return true;
	if (need == NEED_POSITION) {
		if (p->n_positions > 0)
			return true;
		snprintf(why, n, "the résumé has no position yet");
		return false;
	}
	if (cnt == 0) {
		snprintf(why, n, "ECQ %d has no example yet", e + 1);
		return false;
	}
	for (k = 0; k < cnt; k++) {
		const struct example *ex = project_example_at(p, e, k);

		if (ex == NULL)
			continue;
		switch (need) {
		case NEED_EXAMPLE:
			return true;
		case NEED_RESULT:
			if (!review_blank(ex->field[EX_RESULT]))
				return true;
			break;
		case NEED_TEXT:
			for (f = EX_CHALLENGE; f <= EX_RESULT; f++)
				if (!review_blank(ex->field[f]))
					return true;
			break;
		case NEED_TICKS:
			if (ex->competencies.n > 0)
				return true;
			break;
		case NEED_RESUME_LINE:
			if (!review_blank(project_example_resume(ex)))
				return true;
			break;
		case NEED_CARD:
			if (!review_blank(project_example_card(ex)))
				return true;
			break;
		case NEED_NOTHING:
		case NEED_POSITION:
			return true;
		}
	}
	if (need == NEED_RESULT)
		snprintf(why, n, "ECQ %d has no Result written yet", e + 1);
	else if (need == NEED_RESUME_LINE)
		snprintf(why, n, "ECQ %d has no résumé line yet", e + 1);
	else if (need == NEED_CARD)
		snprintf(why, n, "ECQ %d has no interview card yet", e + 1);
	else if (need == NEED_TICKS)
		snprintf(why, n, "no competencies ticked in ECQ %d's examples (an imported "
		    "draft has none: tick them in each example)", e + 1);
	else
		snprintf(why, n, "ECQ %d has no example text yet", e + 1);
	return false;
}

enum review_state
review_state_of(const struct project *p, const struct checklist_item *ci,
    const struct findings *pf, size_t *n_found, char *why, size_t whylen)
{
	char scratch[256];
	size_t i, n = 0, r, e;

	if (why == NULL || whylen == 0) {
		why = scratch;
		whylen = sizeof scratch;
	}
	why[0] = '\0';
	for (i = 0; pf != NULL && i < pf->n; i++)
		if (strlist_contains(&ci->rules, pf->items[i].rule))
			n++;
	if (n_found != NULL)
		*n_found = n;
	if (ci->rules.n == 0)
		return strlist_contains(&p->confirmed, ci->text) ? REVIEW_CONFIRMED : REVIEW_BY_HAND;
	if (n > 0)
		return REVIEW_FAILED;
	for (r = 0; r < ci->rules.n; r++) {
		enum review_need need = review_need_of(ci->rules.items[r]);

		for (e = 0; p->fw != NULL && e < p->fw->n_ecqs; e++)
			if (!review_ecq_has(p, (int)e, need, why, whylen))
				return REVIEW_NOT_YET;
	}
	return REVIEW_PASSED;
}
