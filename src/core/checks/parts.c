/* SPDX-License-Identifier: MIT */
/*
 * parts.c: whether each example has what the board looks for: a Result
 * that is measured (unquantified_result), a title and all four CCAR parts
 * that are more than a placeholder (missing_part), and, across an ECQ's
 * examples, enough of its competencies (competency_coverage). Word lists
 * "quantity-words" and "placeholders" come from dictionaries/. Prints
 * nothing, keeps no state.
 */
#include "config.h"
#include "checks/project_rules.h"
#include "checks/project_run.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store.h"
#include "text.h"
#include "xalloc.h"

/* ---- unquantified_result ------------------------------------------------ */

/*
 * True when the digits at token i name something rather than measure it:
 * a year (1900-2099 written without a comma: "in 2023", "the 2024
 * agreement"), an identifier that starts with letters ("GS-15", "FY24",
 * "F-35", "COVID-19"), or a number named by a capitalised word inside a
 * phrase ("the Section 508 review", "an ISO 9001 certificate", "Public Law
 * 93-638", "on March 15"). A capitalised word that may only start a
 * sentence or a list item ("Hired 45 nurses") names nothing.
 */
static bool
quantity_is_name(const struct text_doc *doc, size_t i)
{
	const struct token *t = &doc->toks[i], *p;
	const char *s = doc->text + t->off;
	size_t k;

	if (i >= 2) {
		p = &doc->toks[i - 1];
		if (p->kind == TOK_WORD && (p->flags & TOKF_CAPITAL) &&
		    !(p->flags & TOKF_SENT_START) && doc->toks[i - 2].kind == TOK_WORD)
			return true;
	}
	if (t->kind == TOK_WORD)
		return !(s[0] >= '0' && s[0] <= '9');
	if (t->len != 4 || !(strncmp(s, "19", 2) == 0 || strncmp(s, "20", 2) == 0))
		return false;
	for (k = 2; k < 4 && s[k] >= '0' && s[k] <= '9'; k++)
		;
	return k == 4;
}

bool
project_rules_has_quantity(const char *text, const struct wordlists *lists)
{
	const struct wordlist *qw = lists != NULL ? wordlists_get(lists, "quantity-words") : NULL;
	struct text_doc doc;
	size_t i;
	bool found = false;

	text_analyze(text, strnlen(text, STORE_MAX_TEXT), &doc);
	for (i = 0; i < doc.n_toks && !found; i++) {
		const struct token *t = &doc.toks[i];
		const char *repl;

		if (t->kind == TOK_NUMBER || (t->kind == TOK_WORD && (t->flags & TOKF_DIGIT)))
			found = !quantity_is_name(&doc, i);
		else if (t->kind == TOK_PUNCT && t->len == 1 &&
		    (text[t->off] == '%' || text[t->off] == '$'))
			found = true;
		else if (t->kind == TOK_WORD && qw != NULL && wordlist_match(qw, &doc, i, &repl) > 0)
			found = true;
	}
	text_doc_free(&doc);
	return found;
}

void
parts_check_unquantified(const struct run *r)
{
	size_t i;

	for (i = 0; i < r->p->n_examples; i++) {
		const struct example *ex = &r->p->examples[i];
		struct where w = { ex->ecq, ex->id, EX_RESULT, 0, strlen(ex->field[EX_RESULT]) };

		if (project_rules_blank(ex->field[EX_RESULT]) ||
		    project_rules_has_quantity(ex->field[EX_RESULT], r->lists))
			continue;
		project_rules_emit(r->out, "unquantified_result", SEV_WARNING, &w,
		    "Add a measure: how many, how much, what percentage, how fast",
		    "The Result has no number, percentage, amount or time span");
	}
}

/* ---- missing_part ------------------------------------------------------- */

/* True when text is only a placeholder ("TBD", "[to be written]"). */
static bool
placeholder(const struct run *r, const char *text)
{
	const struct wordlist *l = r->lists != NULL ? wordlists_get(r->lists, "placeholders") : NULL;
	char buf[64];
	size_t a = 0, b = strlen(text), n = 0;
	bool space = false;

	if (l == NULL)
		return false;
	while (a < b && (isspace((unsigned char)text[a]) || strchr("[(*_", text[a]) != NULL))
		a++;
	while (b > a && (isspace((unsigned char)text[b - 1]) || strchr("])*_.!:", text[b - 1]) != NULL))
		b--;
	if (a == b)
		return b < strlen(text) && strchr(text, '.') != NULL;   /* "..." */
	if (b - a >= sizeof buf)
		return false;
	for (; a < b; a++) {
		if (isspace((unsigned char)text[a])) {
			space = true;
			continue;
		}
		if (space && n > 0)
			buf[n++] = ' ';
		space = false;
		buf[n++] = (char)tolower((unsigned char)text[a]);
	}
	buf[n] = '\0';
	return wordlist_contains(l, buf);
}

void
parts_check_missing(const struct run *r)
{
	int min = (int)framework_rule(r->fw, "min_examples_per_ecq", 1);
	size_t e, i;
	int f;

	for (e = 0; e < r->fw->n_ecqs; e++) {
		struct where w = { (int)e, -1, -1, 0, 0 };

		if (min > 0 && project_count_examples(r->p, (int)e) == 0)
			project_rules_emit(r->out, "missing_part", SEV_WARNING, &w,
			    "Add an example in the Challenge, Context, Action, Result model",
			    "ECQ %zu (%s) has no example", e + 1,
			    project_rules_ecq_title(r, (int)e));
	}
	for (i = 0; i < r->p->n_examples; i++) {
		const struct example *ex = &r->p->examples[i];
		struct where w = { ex->ecq, ex->id, EX_TITLE, 0, 0 };

		if (project_rules_blank(ex->field[EX_TITLE]) || placeholder(r, ex->field[EX_TITLE]))
			project_rules_emit(r->out, "missing_part", SEV_INFO, &w,
			    "Give the example a short title naming the accomplishment",
			    "The example has no title");
		for (f = EX_CHALLENGE; f <= EX_RESULT; f++) {
			const char *hint = r->fw->ccar[f - EX_CHALLENGE];

			if (!project_rules_blank(ex->field[f]) && !placeholder(r, ex->field[f]))
				continue;
			w.field = f;
			w.length = strlen(ex->field[f]);
			project_rules_emit(r->out, "missing_part", SEV_WARNING, &w,
			    hint != NULL && hint[0] != '\0' ? hint : NULL,
			    project_rules_blank(ex->field[f]) ? "The %s is empty" :
			    "The %s is only a placeholder",
			    project_field_name((enum example_field)f));
		}
	}
}

/* ---- competency_coverage ------------------------------------------------ */

static bool
claims(const struct strlist *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcasecmp(l->items[i], name) == 0)
			return true;
	return false;
}

void
parts_check_coverage(const struct run *r)
{
	double min = framework_rule(r->fw, "min_competency_coverage", 0.5);
	size_t e, c, i;

	for (e = 0; e < r->fw->n_ecqs; e++) {
		const struct strlist *comps = &r->fw->ecqs[e].competencies;
		size_t shown = 0, len = 0;
		bool tagged = false;
		char *missing;
		struct where w = { (int)e, -1, -1, 0, 0 };

		if (comps->n == 0 || project_count_examples(r->p, (int)e) == 0)
			continue;
		for (c = 0; c < comps->n; c++)
			len += strlen(comps->items[c]) + 2;
		missing = xcalloc(1, len + 1);
		for (c = 0; c < comps->n; c++) {
			bool found = false;

			for (i = 0; i < r->p->n_examples && !found; i++) {
				if (r->p->examples[i].ecq != (int)e)
					continue;
				if (r->p->examples[i].competencies.n > 0)
					tagged = true;
				if (claims(&r->p->examples[i].competencies, comps->items[c]))
					found = true;
			}
			if (found) {
				shown++;
			} else {
				if (missing[0] != '\0')
					strcat(missing, ", ");
				strcat(missing, comps->items[c]);
			}
		}
		/* Untagged examples cannot be judged (a draft has no tags unless it
		 * has "Competencies:" lines); the review asks the user instead. */
		if (tagged && (double)shown < min * (double)comps->n)
			project_rules_emit(r->out, "competency_coverage", SEV_WARNING, &w,
			    "Mark the competencies each example shows, and show more of them",
			    "The examples of ECQ %zu (%s) show %zu of its %zu competencies; not shown: %s",
			    e + 1, project_rules_ecq_title(r, (int)e), shown, comps->n, missing);
		free(missing);
	}
}
