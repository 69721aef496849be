/* SPDX-License-Identifier: MIT */
/*
 * proportions.c: how much room each ECQ takes, against the framework's
 * limits: examples per ECQ (too_many_examples), paragraphs of an
 * introduction (intro_too_long) and an ECQ's share of the narrative's words
 * (word_budget). Prints nothing, keeps no state.
 */
#include "config.h"
#include "checks/project_run.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "text.h"
#include "xalloc.h"

/* ---- too_many_examples -------------------------------------------------- */

void
proportions_check_too_many(const struct run *r)
{
	int max = (int)framework_rule(r->fw, "max_examples_per_ecq", 2);
	size_t e;

	for (e = 0; e < r->fw->n_ecqs; e++) {
		size_t n = project_count_examples(r->p, (int)e);
		const struct example *ex;
		struct where w;

		if (max <= 0 || n <= (size_t)max)
			continue;
		ex = project_example_at(r->p, (int)e, (size_t)max);
		w = (struct where){ (int)e, ex != NULL ? ex->id : -1, -1, 0, 0 };
		project_rules_emit(r->out, "too_many_examples", SEV_ERROR, &w,
		    "Keep the strongest examples and remove the others",
		    "ECQ %zu (%s) has %zu examples; the limit is %d", e + 1,
		    project_rules_ecq_title(r, (int)e), n, max);
	}
}

/* ---- intro_too_long ----------------------------------------------------- */

static bool
blank_n(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isspace((unsigned char)s[i]))
			return false;
	return true;
}

/* Counts the paragraphs of s (one non-blank line each, as the editor stores
 * them; blank lines between them do not count) and sets *off_k to where
 * paragraph k (0-based) starts, or to strlen(s) when there are fewer. */
static size_t
count_paragraphs(const char *s, size_t k, size_t *off_k)
{
	size_t n = 0;
	const char *line = s;

	*off_k = strlen(s);
	while (*line != '\0') {
		const char *eol = strchr(line, '\n');
		size_t len = eol != NULL ? (size_t)(eol - line) : strlen(line);

		if (!blank_n(line, len)) {
			if (n == k)
				*off_k = (size_t)(line - s);
			n++;
		}
		if (eol == NULL)
			break;
		line = eol + 1;
	}
	return n;
}

void
proportions_check_intro(const struct run *r)
{
	int max = (int)framework_rule(r->fw, "max_intro_paragraphs", 2);
	size_t e, n, off;

	if (max <= 0)
		return;
	for (e = 0; e < r->fw->n_ecqs; e++) {
		const char *intro = r->p->intro[e];
		struct where w;

		n = count_paragraphs(intro, (size_t)max, &off);
		if (n <= (size_t)max)
			continue;
		w = (struct where){ (int)e, -1, FIELD_INTRO, off, strlen(intro) - off };
		project_rules_emit(r->out, "intro_too_long", SEV_WARNING, &w,
		    "Keep the introduction to its main points; it counts toward the page limit",
		    "The introduction has %zu paragraphs; the limit is %d", n, max);
	}
}

/* ---- word_budget -------------------------------------------------------- */

static size_t
count_words(const char *s)
{
	return text_count_words(s, strnlen(s, STORE_MAX_TEXT));
}

void
proportions_check_budget(const struct run *r)
{
	double tol = framework_rule(r->fw, "word_budget_tolerance", 1.5);
	size_t n = r->fw->n_ecqs, e, i, total = 0;
	size_t *words;
	int f;

	if (n < 2 || tol <= 0)
		return;
	words = xcalloc(n, sizeof *words);
	for (e = 0; e < n; e++)
		words[e] = count_words(r->p->intro[e]);
	for (i = 0; i < r->p->n_examples; i++) {
		const struct example *ex = &r->p->examples[i];

		if (ex->ecq < 0 || (size_t)ex->ecq >= n)
			continue;
		for (f = EX_TITLE; f < EX_FIELD_COUNT; f++)
			if (f != EX_START && f != EX_END)
				words[ex->ecq] += count_words(ex->field[f]);
	}
	/* A share only means something once every ECQ has been written. */
	for (e = 0; e < n; e++) {
		if (words[e] == 0)
			goto done;
		total += words[e];
	}
	for (e = 0; e < n; e++) {
		double share = (double)total / (double)n;
		struct where w = { (int)e, -1, -1, 0, 0 };

		if ((double)words[e] > tol * share)
			project_rules_emit(r->out, "word_budget", SEV_WARNING, &w,
			    "Cut this ECQ down, or give the others more room",
			    "ECQ %zu (%s) has %zu words, %.1f times its share of %.0f "
			    "(the narrative has %zu words)", e + 1,
			    project_rules_ecq_title(r, (int)e),
			    words[e], (double)words[e] / share, share, total);
	}
done:
	free(words);
}
