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

/* Whether w + suffix is a word the speller knows. */
static bool
known_with(const struct resume_rule_ctx *c, const char *w, size_t keep, const char *suffix)
{
	char buf[64];

	if (keep + strlen(suffix) >= sizeof buf)
		return false;
	memcpy(buf, w, keep);
	strcpy(buf + keep, suffix);
	return c->known(c->known_arg, buf);
}

/* Whether w, a present tense ("manage", "manages", "plan", "supervise"),
 * has a regular past tense the speller knows ("managed", "planned"): a
 * line about a current position is written in the present. A noun that is
 * also a verb ("budget") passes too; "Strategic" or "Responsible" do not. */
static bool
present_tense_verb(const struct resume_rule_ctx *c, const char *w)
{
	size_t n = strlen(w);

	if (c == NULL || c->known == NULL || n < 3)
		return false;
	/* "manages", "pushes": the third person of the same verb */
	if (n > 4 && strcmp(w + n - 1, "s") == 0 && strcmp(w + n - 2, "ss") != 0) {
		if (strcmp(w + n - 3, "ies") == 0)
			return known_with(c, w, n - 3, "ied");
		return known_with(c, w, n - 1, "ed") || known_with(c, w, n - 1, "d")
		    || (n > 5 && strcmp(w + n - 2, "es") == 0 && known_with(c, w, n - 2, "ed"));
	}
	if (w[n - 1] == 'e')
		return known_with(c, w, n, "d");
	if (w[n - 1] == 'y' && !strchr("aeiou", w[n - 2]))
		return known_with(c, w, n - 1, "ied");
	if (known_with(c, w, n, "ed"))
		return true;
	/* "plan" -> "planned": a doubled last consonant */
	if (!strchr("aeiouwxy", w[n - 1]) && strchr("aeiou", w[n - 2])) {
		char buf[64];

		if (n + 4 >= sizeof buf)
			return false;
		memcpy(buf, w, n);
		buf[n] = w[n - 1];
		strcpy(buf + n + 1, "ed");
		return c->known(c->known_arg, buf);
	}
	return false;
}

/* Whether a lower-case word reads as an action verb in the past tense (or
 * the present tense of a listed verb, or of a regular verb the speller
 * knows, for a current position); of_next: the word after it is "of". */
static bool
action_verb(const char *w, const struct wordlists *lists, const struct resume_rule_ctx *c,
    bool of_next)
{
	const struct wordlist *verbs = lists != NULL ? wordlists_get(lists, "resume-verbs") : NULL;
	size_t n = strlen(w);

	if (verbs != NULL && wordlist_contains(verbs, w))
		return true;
	/* "-ed" past tenses the list lacks ("Standardized"), not "need" or "red" */
	if (n > 4 && strcmp(w + n - 2, "ed") == 0 && strcmp(w + n - 3, "eed") != 0)
		return true;
	/* "Point of contact for ...", "Leader of ...": a noun heads the line */
	return !of_next && present_tense_verb(c, w);
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
		} else if (!action_verb(w, lists, c, next_word(&doc, first) != (size_t)-1
		    && text_tok_eq(&doc, next_word(&doc, first), "of"))) {
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
