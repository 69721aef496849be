/* SPDX-License-Identifier: MIT */
/*
 * resume_rules.c: the rules that apply to a résumé line (an accomplishment
 * statement) and not to the narrative: implied first person (first_person:
 * no "I", "my", "me"), an action verb first (action_verb, from the
 * dictionaries/ lists resume-verbs and resume-weak-starts), a quantified
 * result (unquantified_result, the narrative's own test of a quantity) and
 * its length in lines as laid out (resume_length). The table also names
 * the ids resume.c gives the whole résumé (resume_coverage, usajobs_limit),
 * so the engine lists them. Never prints.
 */
#include "config.h"
#include "resume_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/project_rules.h"
#include "text.h"
#include "xalloc.h"

static const struct rule_info resume_rule_table[] = {
	{ "first_person", SEV_WARNING,
	  "a résumé line says \"I\", \"my\" or \"me\" (résumé lines imply the first person)", false },
	{ "action_verb", SEV_WARNING,
	  "a résumé line does not start with an action verb", false },
	{ "unquantified_result", SEV_WARNING,
	  "a result with no number, percentage, amount or time span", true },
	{ "resume_length", SEV_WARNING,
	  "a résumé line longer than the framework's resume_line_lines as laid out", false },
	{ "resume_coverage", SEV_WARNING,
	  "an ECQ no résumé line shows (the résumé must show each ECQ)", true },
	{ "usajobs_limit", SEV_WARNING,
	  "a position's duties and résumé lines past USAJOBS' resume_field_chars", true },
	{ NULL, SEV_INFO, NULL, false }
};

const struct rule_info *
resume_rules_info(void)
{
	return resume_rule_table;
}

static void
add(struct findings *out, const struct resume_rule_ctx *c, const char *rule,
    size_t off, size_t len, const char *suggestion, const char *message)
{
	struct finding f;

	memset(&f, 0, sizeof f);
	f.rule = rule;
	f.severity = SEV_WARNING;
	f.ecq = c->ecq;
	f.example = c->example;
	f.field = -1;
	f.target = c->target;
	f.offset = off;
	f.length = len;
	f.message = (char *)message;
	f.suggestion = (char *)suggestion;
	findings_add(out, &f);
}

static bool
first_person_word(const struct text_doc *doc, size_t t)
{
	static const char *const words[] = { "i", "my", "me", "mine", "myself", "i'm", "i've",
		"i'd", "i'll", NULL };
	size_t k;

	for (k = 0; words[k] != NULL; k++)
		if (text_tok_eq(doc, t, words[k]))
			return true;
	return false;
}

/* The word token after t, or (size_t)-1. */
static size_t
next_word(const struct text_doc *doc, size_t t)
{
	for (t++; t < doc->n_toks; t++)
		if (doc->toks[t].kind == TOK_WORD)
			return t;
	return (size_t)-1;
}

/* Whether a lower-case word reads as an action verb in the past tense (or
 * the present tense of a listed verb, for a current position). */
static bool
action_verb(const char *w, const struct wordlists *lists)
{
	const struct wordlist *verbs = lists != NULL ? wordlists_get(lists, "resume-verbs") : NULL;
	size_t n = strlen(w);

	if (verbs != NULL && wordlist_contains(verbs, w))
		return true;
	/* "-ed" past tenses the list lacks ("Standardized"), not "need" or "red" */
	return n > 4 && strcmp(w + n - 2, "ed") == 0 && strcmp(w + n - 3, "eed") != 0;
}

void
resume_rules_check(const char *text, int lines, const struct resume_rule_ctx *c,
    const struct wordlists *lists, struct findings *out)
{
	const struct wordlist *weak = lists != NULL ? wordlists_get(lists, "resume-weak-starts") : NULL;
	struct text_doc doc;
	size_t t, first = (size_t)-1, n;
	char *w, *msg;

	text_analyze(text, strlen(text), &doc);
	for (t = 0; t < doc.n_toks; t++) {
		if (doc.toks[t].kind != TOK_WORD)
			continue;
		if (first == (size_t)-1)
			first = t;
		if (first_person_word(&doc, t))
			add(out, c, "first_person", doc.toks[t].off, doc.toks[t].len,
			    "Start with the verb: a résumé line implies \"I\"",
			    "A résumé line leaves out \"I\", \"my\" and \"me\"");
	}
	/* "I led ...": first_person says the "I"; the verb is judged after it,
	 * so "I was responsible for" is a weak start too. "My team ..." opens
	 * with who, not with what was done: not skipped. */
	if (first != (size_t)-1 && text_tok_eq(&doc, first, "i"))
		first = next_word(&doc, first);
	if (first != (size_t)-1) {
		w = text_tok_lower(&doc, first);
		n = weak != NULL ? wordlist_match(weak, &doc, first, NULL) : 0;
		if (n > 0) {
			msg = xasprintf("\"%.*s\" tells what the job was, not what you did",
			    (int)(doc.toks[first + n - 1].off + doc.toks[first + n - 1].len -
			    doc.toks[first].off), text + doc.toks[first].off);
			add(out, c, "action_verb", doc.toks[first].off,
			    doc.toks[first + n - 1].off + doc.toks[first + n - 1].len - doc.toks[first].off,
			    "Start with what you did: Led, Cut, Built, Saved...", msg);
			free(msg);
		} else if (!action_verb(w, lists)) {
			msg = xasprintf("The line starts with \"%.*s\", not an action verb",
			    (int)doc.toks[first].len, text + doc.toks[first].off);
			add(out, c, "action_verb", doc.toks[first].off, doc.toks[first].len,
			    "Start with what you did, in the past tense: Led, Cut, Built, Saved...", msg);
			free(msg);
		}
		free(w);
	}
	if (doc.n_words > 0 && !project_rules_has_quantity(text, lists))
		add(out, c, "unquantified_result", 0, 0,
		    "Add a measure: how many, how much, what percentage, how fast",
		    "The line has no number, percentage, amount or time span");
	if (lines > c->max_lines && c->max_lines > 0) {
		msg = xasprintf("The line runs to %d lines on the résumé; keep it to %d", lines,
		    c->max_lines);
		add(out, c, "resume_length", 0, 0, "Cut it to the action and the result", msg);
		free(msg);
	}
	text_doc_free(&doc);
}
