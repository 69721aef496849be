/* SPDX-License-Identifier: MIT */
/*
 * phrases.c: the list-driven rules of the guidance's "Avoid" list:
 * "bureaucratic" (with the plain alternative), "vague" (only in sentences
 * with no specifics), "belief", "political", "disparaging" (only about a
 * superior or predecessor) and "cross_reference" (lists plus the patterns
 * "see ECQ 2", "my Leading Change ECQ", "(see Example 1)"). The phrases live
 * in dictionaries/<rule>.txt (cross-reference.txt for cross_reference); a
 * sentence is specific when it has a number or a word of quantity-words.txt,
 * and names a superior when it has a word of superiors.txt. This file
 * decides where a phrase counts; it never edits the text, but offers a
 * fix where bureaucratic.txt marks the change mechanical. "belief" also
 * reports general statements with no actor and no fact (maxims.txt).
 */
#include "config.h"
#include "checks/rules.h"

#include <stdio.h>
#include <string.h>

#include "checks/ruleutil.h"

/* Words before "ECQ" that point at another ECQ. */
static const char *const phrases_other_ecq[] = {
	"another", "other", "previous", "next", "following", "earlier", "later",
	"prior", "preceding", "subsequent", "first", "second", "third", "fourth",
	"fifth", "last", "each", "every", "all", NULL
};

/* Words before a capitalised ECQ or example title that make it a reference. */
/* "as described ... above": verbs that point the reader elsewhere, and the
 * words that say the place is another part of the narrative. */
static const char *const phrases_pointer_verbs[] = {
	"described", "mentioned", "noted", "discussed", "explained", "shown",
	"stated", "outlined", "detailed", "presented", "cited", NULL
};
static const char *const phrases_pointer_places[] = {
	"above", "below", "earlier", "previously", "elsewhere", "later", NULL
};

static const char *const phrases_ref_openers[] = {
	"my", "the", "in", "under", "see", "from", "to", "for", NULL
};

/* Numbers of an ECQ or example written as words or letters; a single
 * letter counts only in capitals ("Example A", "ECQ V"). */
static const char *const phrases_number_words[] = {
	"one", "two", "three", "four", "five", "i", "ii", "iii", "iv", "v",
	"a", "b", NULL
};

/* Span of tokens [a, b) as offset and length. */
static void
phrases_span(const struct text_doc *doc, size_t a, size_t b, size_t *off, size_t *len)
{
	*off = doc->toks[a].off;
	*len = doc->toks[b - 1].off + doc->toks[b - 1].len - *off;
}

/* True when the sentence states something specific: a number, an amount
 * or a quantity word ("twelve", "doubled"). */
static bool
phrases_specific(const struct rule_env *env, size_t first, size_t end)
{
	const struct text_doc *doc = env->doc;
	const struct wordlist *qty = wordlists_get(env->lists, "quantity-words");
	size_t i;

	for (i = first; i < end; i++) {
		const struct token *t = &doc->toks[i];

		if (t->kind == TOK_NUMBER || (t->flags & TOKF_DIGIT))
			return true;
		if (t->kind == TOK_PUNCT && (doc->text[t->off] == '$' || doc->text[t->off] == '%'))
			return true;
		if (qty != NULL && wordlist_match(qty, doc, i, NULL) > 0)
			return true;
	}
	return false;
}

/* True when the sentence names a superior or predecessor. */
static bool
phrases_names_superior(const struct rule_env *env, size_t first, size_t end)
{
	const struct text_doc *doc = env->doc;
	const struct wordlist *sup = wordlists_get(env->lists, "superiors");
	size_t i;

	for (i = first; i < end; i++) {
		if (wordlist_match(sup, doc, i, NULL) > 0)
			return true;
	}
	return false;
}

/* Words before a "(verb)" entry that show it is used as a verb. */
static const char *const phrases_verb_before[] = {
	"to", "i", "we", "they", "you", "will", "would", "could", "can", "should",
	"must", "may", "might", "and", "not", "also", "then", "often", "always", NULL
};

/* Splits a bureaucratic replacement "use (verb) (fix)" into the plain
 * alternative (into buf) and its flags. */
static void
phrases_repl_flags(const char *repl, char *buf, size_t cap, bool *fix, bool *verb)
{
	size_t n;
	bool more = true;

	*fix = *verb = false;
	snprintf(buf, cap, "%s", repl != NULL ? repl : "");
	while (more) {
		more = false;
		n = strlen(buf);
		while (n > 0 && buf[n - 1] == ' ')
			buf[--n] = '\0';
		if (n >= 5 && strcmp(buf + n - 5, "(fix)") == 0) {
			*fix = more = true;
			buf[n - 5] = '\0';
		} else if (n >= 6 && strcmp(buf + n - 6, "(verb)") == 0) {
			*verb = more = true;
			buf[n - 6] = '\0';
		}
	}
}

static void
phrases_emit(const struct rule_env *env, struct findings *out, const char *rule,
    size_t a, size_t b, const char *repl)
{
	size_t at = out->n;
	char plain[128];
	bool fix = false, verb = false;
	const struct text_doc *doc = env->doc;
	size_t off, len;
	char sugg[256];
	const char *sg = NULL;
	enum severity sev = SEV_WARNING;
	const char *what = "";

	phrases_span(doc, a, b, &off, &len);
	if (strcmp(rule, "bureaucratic") == 0 && repl != NULL) {
		phrases_repl_flags(repl, plain, sizeof plain, &fix, &verb);
		repl = plain;
	}
	if (strcmp(rule, "bureaucratic") == 0) {
		sev = SEV_INFO;
		what = "Bureaucratic wording";
		if (repl != NULL && (strcmp(repl, "(omit)") == 0 || strcmp(repl, "-") == 0))
			sg = "Leave it out";
		else if (repl != NULL) {
			snprintf(sugg, sizeof sugg, "Write '%s'", repl);
			sg = sugg;
		}
	} else if (strcmp(rule, "vague") == 0) {
		sev = SEV_INFO;
		what = "Vague";
		if (repl != NULL) {
			snprintf(sugg, sizeof sugg, "%s", repl);
			if (sugg[0] >= 'a' && sugg[0] <= 'z')
				sugg[0] = (char)(sugg[0] - 32);
			sg = sugg;
		} else {
			sg = "Say exactly who, what, how many or how much";
		}
	} else if (strcmp(rule, "belief") == 0 && repl != NULL && strcmp(repl, "(maxim)") == 0) {
		what = "General statement with no actor and no fact";
		sg = "Show it through what you did and what it achieved";
	} else if (strcmp(rule, "belief") == 0) {
		what = "Personal belief or philosophy";
		sg = "Show it through what you did and what it achieved";
	} else if (strcmp(rule, "political") == 0) {
		what = "Political affiliation or activity";
		sg = "Leave out political affiliations, campaigns and causes";
	} else if (strcmp(rule, "disparaging") == 0) {
		what = "Disparaging remark";
		sg = "Describe the problem you solved, not the people before you";
	} else if (strcmp(rule, "cross_reference") == 0) {
		what = "Reference to another part of the narrative";
		sg = "Each ECQ must stand alone: say it again briefly here";
	}
	rule_emit(env, out, rule, sev, off, len, sg, "%s: '%.*s'", what, (int)len, doc->text + off);
	if (fix && plain[0] != '\0') {
		/* keep a capital at the start of a sentence: "In order to" -> "To" */
		if (doc->text[off] >= 'A' && doc->text[off] <= 'Z' && plain[0] >= 'a' && plain[0] <= 'z')
			plain[0] = (char)(plain[0] - 'a' + 'A');
		rule_fix(out, at, off, len, plain);
	}
}

/* Runs one list over every sentence. */
static void
phrases_list_rule(const struct rule_env *env, struct findings *out, const char *rule,
    const char *list_name)
{
	const struct text_doc *doc = env->doc;
	const struct wordlist *l = wordlists_get(env->lists, list_name);
	size_t s;

	if (l == NULL || !rule_enabled(env, rule))
		return;
	for (s = 0; s < doc->n_sents; ) {
		size_t first, end, i;
		int cond = -1;  /* sentence condition, computed on the first match */

		ruleutil_sentence_span(doc, &s, &first, &end);

		for (i = first; i < end; i++) {
			const char *repl = NULL;
			size_t n = wordlist_match(l, doc, i, &repl);

			if (n == 0 || doc->toks[i].kind != TOK_WORD)
				continue;
			if (i + n > end)
				n = end - i;
			/* "phrase => (ok)" masks a shorter entry: "leveraging
			 * diversity" is the name of a competency, not jargon */
			if (repl != NULL && strcmp(repl, "(ok)") == 0) {
				i += n - 1;
				continue;
			}
			/* "leverage => use (verb)": the noun is plain English */
			if (repl != NULL && strstr(repl, "(verb)") != NULL &&
			    (i == first || !ruleutil_tok_in(doc, i - 1, phrases_verb_before))) {
				i += n - 1;
				continue;
			}
			if (cond < 0) {
				if (strcmp(rule, "vague") == 0)
					cond = !phrases_specific(env, first, end);
				else if (strcmp(rule, "disparaging") == 0)
					cond = phrases_names_superior(env, first, end);
				else
					cond = 1;
			}
			if (!cond)
				break;
			phrases_emit(env, out, rule, i, i + n, repl);
			i += n - 1;
		}
	}
}

/* True when the sentence is a heading such as "ECQ 1: Leading Change". */
static bool
phrases_heading(const struct text_doc *doc, size_t s, size_t tok)
{
	const struct sentence *se = &doc->sents[s];

	return tok == se->first_tok && (se->n_words <= 6 ||
	    (tok + 2 < se->first_tok + se->n_tok &&
	    (ruleutil_punct(doc, tok + 2, ':') || ruleutil_punct(doc, tok + 2, '-'))));
}

/* True when the list already reported a cross_reference starting at tok. */
static bool
phrases_cross_seen(const struct rule_env *env, const struct findings *out, size_t tok)
{
	size_t n;

	for (n = out->n; n > 0; n--)
		if (strcmp(out->items[n - 1].rule, "cross_reference") == 0 &&
		    out->items[n - 1].offset == env->doc->toks[tok].off)
			return true;
	return false;
}

/* The patterns of cross_reference that a list cannot hold. */
static void
phrases_cross_patterns(const struct rule_env *env, struct findings *out)
{
	const struct text_doc *doc = env->doc;
	size_t s;

	for (s = 0; s < doc->n_sents; s++) {
		/* sentence by sentence: a heading is a sentence of its own */
		size_t first = doc->sents[s].first_tok, end = first + doc->sents[s].n_tok, i;

		for (i = first; i < end; i++) {
			char w[64];
			bool ecq, example;

			if (ruleutil_lower(doc, i, w, sizeof w) == 0)
				continue;
			ecq = strcmp(w, "ecq") == 0 || strcmp(w, "ecqs") == 0;
			example = strcmp(w, "example") == 0 || strcmp(w, "examples") == 0;
			/* "(see Leading People)" */
			if (strcmp(w, "see") == 0 && i > first && ruleutil_punct(doc, i - 1, '(')) {
				size_t k;

				for (k = i + 1; k < end && k < i + 10 && !ruleutil_punct(doc, k, ')'); k++)
					;
				phrases_emit(env, out, "cross_reference", i, k > i + 1 ? k : i + 1, NULL);
				i = k;
				continue;
			}
			/* "as described above", "as I noted in my Leading Change example" */
			if (strcmp(w, "as") == 0) {
				size_t k = i + 1, j, stop;

				if (k < end && text_tok_eq(doc, k, "I"))
					k++;
				if (k < end && ruleutil_tok_in(doc, k, phrases_pointer_verbs)) {
					stop = k + 9 < end ? k + 9 : end;
					for (j = k + 1; j < stop; j++)
						if (ruleutil_tok_in(doc, j, phrases_pointer_places) ||
						    (text_tok_eq(doc, j, "example") && j > k + 2 &&
						     text_tok_eq(doc, k + 1, "in")))
							break;
					if (j < stop) {
						if (!phrases_cross_seen(env, out, i))
							phrases_emit(env, out, "cross_reference", i, j + 1, NULL);
						i = j;
						continue;
					}
				}
			}
			if (!ecq && !example)
				continue;
			/* "ECQ 2", "ECQ two", "Example 1" */
			if (i + 1 < end && (doc->toks[i + 1].kind == TOK_NUMBER ||
			    (ruleutil_tok_in(doc, i + 1, phrases_number_words) &&
			    (doc->toks[i + 1].len > 1 || (doc->toks[i + 1].flags & TOKF_CAPITAL))))) {
				if (phrases_heading(doc, s, i))
					continue;
				if (example && !(i > first && ruleutil_tok_in(doc, i - 1, phrases_ref_openers)))
					continue;
				phrases_emit(env, out, "cross_reference",
				    i > first && ruleutil_tok_in(doc, i - 1, phrases_ref_openers) ? i - 1 : i,
				    i + 2, NULL);
				i++;
				continue;
			}
			if (!ecq)
				continue;
			/* "another ECQ", "the previous ECQ" */
			if (i > first && ruleutil_tok_in(doc, i - 1, phrases_other_ecq)) {
				phrases_emit(env, out, "cross_reference", i - 1, i + 1, NULL);
				continue;
			}
			/* "my Leading Change ECQ", "in the Results Driven ECQ" */
			if (i > first && (doc->toks[i - 1].flags & TOKF_CAPITAL)) {
				size_t k = i - 1, n = 0;

				while (k > first && n < 4 && (doc->toks[k - 1].flags & TOKF_CAPITAL) &&
				    !(doc->toks[k - 1].flags & TOKF_SENT_START)) {
					k--;
					n++;
				}
				if (k > first && ruleutil_tok_in(doc, k - 1, phrases_ref_openers))
					phrases_emit(env, out, "cross_reference", k - 1, i + 1, NULL);
			}
		}
	}
}

/* Verbs in the present tense (and modals) after a maxim's subject. */
static const char *const phrases_present[] = {
	"is", "are", "must", "should", "can", "cannot", "will", "never", "always",
	"requires", "require", "means", "mean", "starts", "start", "begins", "begin",
	"depends", "depend", "comes", "come", "builds", "build", "listen", "listens",
	"puts", "put", "earn", "earns", "matters", "matter", "need", "needs", "takes",
	"take", "creates", "create", "drives", "drive", "makes", "make", "want",
	"wants", "deserve", "deserves", "thrive", "thrives", "lead", "leads", NULL
};

/* The writer or the writer's group in tokens [first, end). */
static bool
phrases_first_person(const struct text_doc *doc, size_t first, size_t end)
{
	static const char *const fp[] = {
		"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "i've", "i'm",
		"i'd", "i'll", "we've", "we're", NULL
	};
	size_t k;

	for (k = first; k < end; k++) {
		if (ruleutil_tok_in(doc, k, fp))
			return true;
	}
	return false;
}

/* "Leadership is about trust", "Good leaders listen": a general statement
 * with no actor and no fact is a philosophy (dictionaries/maxims.txt). */
static void
phrases_maxims(const struct rule_env *env, struct findings *out)
{
	const struct text_doc *doc = env->doc;
	const struct wordlist *l = wordlists_get(env->lists, "maxims");
	size_t s;

	if (l == NULL)
		return;
	for (s = 0; s < doc->n_sents; ) {
		size_t first, end, n;

		ruleutil_sentence_span(doc, &s, &first, &end);
		if (first >= end || doc->toks[first].kind != TOK_WORD)
			continue;
		n = wordlist_match(l, doc, first, NULL);
		if (n == 0 || first + n >= end || !ruleutil_tok_in(doc, first + n, phrases_present) ||
		    ruleutil_punct(doc, end - 1, '?') || phrases_first_person(doc, first, end) ||
		    phrases_specific(env, first, end))
			continue;
		phrases_emit(env, out, "belief", first, first + n + 1, "(maxim)");
	}
}

void
rule_phrases(const struct rule_env *env, struct findings *out)
{
	if (env == NULL || env->doc == NULL)
		return;
	phrases_list_rule(env, out, "bureaucratic", "bureaucratic");
	phrases_list_rule(env, out, "vague", "vague");
	phrases_list_rule(env, out, "belief", "belief");
	if (rule_enabled(env, "belief"))
		phrases_maxims(env, out);
	phrases_list_rule(env, out, "political", "political");
	phrases_list_rule(env, out, "disparaging", "disparaging");
	if (rule_enabled(env, "cross_reference")) {
		phrases_list_rule(env, out, "cross_reference", "cross-reference");
		phrases_cross_patterns(env, out);
	}
}
