/* SPDX-License-Identifier: MIT */
/*
 * grammar.c: the "grammar" slips beyond word pairs (style.c has the pairs:
 * doubled words, a/an, "could of"): subject-verb agreement across a
 * prepositional phrase ("the savings from these steps was", "each of the
 * states have", "the two chiefs was") and commonly confused words in
 * contexts that leave no doubt ("could loose the", "no affect on", "the
 * principle investigator"), and an object pronoun as a subject ("Me and
 * my deputy visited", "the council and me agreed"). Precision first: a wrong grammar flag costs the
 * writer's trust, so every pattern is narrow and gives up when unsure.
 * Words come from dictionaries/: confusions.txt (literal contexts and their
 * corrections), singular-s.txt (singular nouns in -s: news, series) and
 * plural-heads.txt (nouns that take either verb, or are plural without -s:
 * staff, data, majority, people).
 */
#include "config.h"
#include "checks/rules.h"

#include <stdio.h>
#include <string.h>

#include "checks/ruleutil.h"

/* The verbs whose number shows, and their other-number twins. */
static const char *const grammar_singular_verbs[] = {
	"was", "is", "has", "does", "wasn't", "isn't", "hasn't", "doesn't", NULL
};
static const char *const grammar_plural_verbs[] = {
	"were", "are", "have", "do", "weren't", "aren't", "haven't", "don't", NULL
};

/* Prepositions that may stand between a subject's head and its verb. */
static const char *const grammar_preps[] = {
	"of", "from", "in", "for", "at", "on", "with", "across", "among", "about",
	"within", "under", "over", "between", "throughout", "into", "during",
	"behind", "beyond", "outside", "inside", NULL
};

/* Words after which a noun phrase starts a clause (its subject). */
static const char *const grammar_openers[] = {
	"that", "because", "when", "while", "after", "before", "although",
	"though", "if", "since", "until", "once", "whereas", NULL
};

/* Determiners that open a subject noun phrase. */
static const char *const grammar_subject_dets[] = {
	"the", "these", "those", "this", "our", "my", "their", "its", "his", "her",
	NULL
};

/* Quantity nouns that take the number of their "of" phrase after "a" ("a
 * number of staff were") but are the count itself, singular, after "the"
 * ("the number of complaints was"). */
static const char *const grammar_the_counts[] = {
	"number", "total", NULL
};

/* Possessive pronouns in -s: subjects, but no plural nouns ("Ours was"). */
static const char *const grammar_s_pronouns[] = {
	"ours", "yours", "theirs", "hers", NULL
};

/* Object pronouns and their subject forms ("me" -> "I"). "her" is left
 * out: it is a determiner too ("the council and her deputy agreed"). */
static const char *const grammar_object_pronouns[] = {
	"me", "him", "them", "us", NULL
};
static const char *const grammar_subject_pronouns[] = {
	"I", "he", "they", "we", NULL
};

/* Words after a subject that show it is no subject after all ("the award
 * went to my deputy and me for ..."): prepositions, conjunctions, "to". */
static const char *const grammar_not_after_subject[] = {
	"and", "or", "but", "nor", "to", "than", "as", "so", NULL
};

/* Numbers written as words. */
static const char *const grammar_numbers[] = {
	"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "fifteen", "twenty", "fifty", "hundred", NULL
};

/* The lists the rule reads (any may be missing: NULL). */
struct grammar_lists {
	const struct wordlist *confusions;
	const struct wordlist *singular_s;
	const struct wordlist *plural_heads;
};

/* A noun phrase read from the text: [first, end) with its head. */
struct grammar_np {
	size_t end;             /* first token after the phrase */
	size_t head;            /* its last content word */
	bool number;            /* has a number ("the two chiefs") */
	bool pp;                /* a prepositional phrase follows the head */
	bool has_and;           /* "and" inside: maybe two subjects, not one */
};

/* The word at tok, lower case, into w; false when it is no word. */
static bool
grammar_word(const struct text_doc *doc, size_t tok, char *w, size_t cap)
{
	return ruleutil_lower(doc, tok, w, cap) > 0;
}

/* True when tok is a content word that may sit in a noun phrase: a word
 * that is no function word, no -ly adverb, not capitalized (a name). */
static bool
grammar_content(const struct text_doc *doc, size_t tok, size_t first)
{
	char w[64];
	size_t n = ruleutil_lower(doc, tok, w, sizeof w);

	if (n == 0 || ruleutil_function_word(w))
		return false;
	if (n >= 4 && strcmp(w + n - 2, "ly") == 0)
		return false;
	if ((doc->toks[tok].flags & TOKF_CAPITAL) && tok != first)
		return false;
	return !(doc->toks[tok].flags & TOKF_DIGIT);
}

/*
 * Reads a simple noun phrase from tok: an optional determiner, optional
 * numbers, one to four content words. Returns false when none is there.
 */
static bool
grammar_simple_np(const struct text_doc *doc, size_t tok, size_t first, size_t end,
    struct grammar_np *np)
{
	size_t k = tok, n = 0;
	char w[64];

	memset(np, 0, sizeof *np);
	if (k < end && grammar_word(doc, k, w, sizeof w) &&
	    (ruleutil_determiner(w) || strcmp(w, "them") == 0 || strcmp(w, "us") == 0)) {
		k++;
		if (strcmp(w, "them") == 0 || strcmp(w, "us") == 0) {
			np->end = k;
			np->head = k - 1;
			return true;
		}
	}
	while (k < end && (doc->toks[k].kind == TOK_NUMBER ||
	    ruleutil_tok_in(doc, k, grammar_numbers))) {
		np->number = true;
		k++;
	}
	while (k < end && n < 4 && grammar_content(doc, k, first)) {
		k++;
		n++;
	}
	if (n == 0)
		return false;
	np->end = k;
	np->head = k - 1;
	return true;
}

/* Reads a subject: a simple noun phrase, then up to two prepositional
 * phrases, each a preposition and a simple noun phrase (joined by "and"). */
static bool
grammar_subject(const struct text_doc *doc, size_t tok, size_t first, size_t end,
    struct grammar_np *np)
{
	struct grammar_np inner;
	size_t k, pps = 0;
	bool has_and = false;

	if (!grammar_simple_np(doc, tok, first, end, np))
		return false;
	k = np->end;
	while (k < end && pps < 2 && ruleutil_tok_in(doc, k, grammar_preps)) {
		if (!grammar_simple_np(doc, k + 1, first, end, &inner))
			return false;
		k = inner.end;
		if (k + 1 < end && ruleutil_is(doc, k, "and") &&
		    grammar_simple_np(doc, k + 1, first, end, &inner)) {
			k = inner.end;
			has_and = true;
		}
		pps++;
	}
	np->pp = pps > 0;
	np->has_and = has_and;
	np->end = k;
	return true;
}

/* True when the head word (lower case) is a plural noun in -s. */
static bool
grammar_plural_s(const struct grammar_lists *gl, const char *w)
{
	size_t n = strlen(w);

	if (n < 4 || w[n - 1] != 's' || strchr(w, '\'') != NULL)
		return false;
	if (strcmp(w + n - 2, "ss") == 0 || strcmp(w + n - 2, "us") == 0 ||
	    strcmp(w + n - 2, "is") == 0 || strcmp(w + n - 3, "ics") == 0)
		return false;
	return !wordlist_contains(gl->singular_s, w);
}

/* True when the head word is plainly singular: no -s, not a noun that may
 * take a plural verb (staff, majority, data) nor an -ing form. */
static bool
grammar_singular(const struct grammar_lists *gl, const char *w)
{
	size_t n = strlen(w);

	if (n < 3 || w[n - 1] == 's' || wordlist_contains(gl->plural_heads, w))
		return false;
	if (strchr(w, '-') != NULL || strchr(w, '\'') != NULL)
		return false;
	return !(n > 4 && strcmp(w + n - 3, "ing") == 0);
}

/* The twin of a verb of the other number ("was" -> "were"). */
static const char *
grammar_twin(const char *w)
{
	size_t i;

	for (i = 0; grammar_singular_verbs[i] != NULL; i++) {
		if (strcmp(w, grammar_singular_verbs[i]) == 0)
			return grammar_plural_verbs[i];
		if (strcmp(w, grammar_plural_verbs[i]) == 0)
			return grammar_singular_verbs[i];
	}
	return NULL;
}

/* Reports the verb at v, which should be `want` for the subject that
 * starts at s; the fix swaps the verb. */
static void
grammar_emit_agreement(const struct rule_env *env, struct findings *out, size_t s, size_t v,
    const char *want, const char *why)
{
	const struct text_doc *doc = env->doc;
	const struct token *a = &doc->toks[s], *b = &doc->toks[v], *e = &doc->toks[v - 1];
	size_t at = out->n, n = e->off + e->len - a->off;
	char sugg[96];

	snprintf(sugg, sizeof sugg, "Write '%s'", want);
	rule_emit(env, out, "grammar", SEV_WARNING, b->off, b->len, sugg,
	    "'%.*s' does not agree with its subject '%.*s' (%s)", (int)b->len, doc->text + b->off,
	    (int)(n > 60 ? 60 : n), doc->text + a->off, why);
	rule_fix(out, at, b->off, b->len, want);
}

/* True when the noun phrase at tok starts a clause. */
static bool
grammar_clause_start(const struct text_doc *doc, size_t tok, size_t first)
{
	if (tok == first)
		return true;
	if (ruleutil_punct(doc, tok - 1, ',') || ruleutil_punct(doc, tok - 1, ';') ||
	    ruleutil_punct(doc, tok - 1, ':'))
		return true;
	return ruleutil_tok_in(doc, tok - 1, grammar_openers);
}

static void
grammar_agreement(const struct rule_env *env, const struct grammar_lists *gl,
    struct findings *out, size_t first, size_t end)
{
	const struct text_doc *doc = env->doc;
	size_t i;

	for (i = first; i < end; i++) {
		struct grammar_np np;
		char w[64], head[64], verb[32];
		size_t of;
		const char *twin;

		if (!grammar_word(doc, i, w, sizeof w) || !grammar_clause_start(doc, i, first))
			continue;
		/* "each of the states have", "one of the contractors were",
		 * "every one of the offices have" */
		of = i + 1;
		if (strcmp(w, "every") == 0 && ruleutil_is(doc, i + 1, "one"))
			of = i + 2;
		if ((strcmp(w, "each") == 0 || strcmp(w, "one") == 0 || of == i + 2) &&
		    of < end && ruleutil_is(doc, of, "of") &&
		    grammar_subject(doc, of + 1, first, end, &np) && np.end < end &&
		    grammar_word(doc, np.end, verb, sizeof verb) &&
		    ruleutil_in(verb, grammar_plural_verbs)) {
			grammar_emit_agreement(env, out, i, np.end, grammar_twin(verb),
			    "one of many takes a singular verb");
			i = np.end;
			continue;
		}
		/* "three of the five pilots was", "both of them has" */
		if ((ruleutil_in(w, grammar_numbers) || strcmp(w, "both") == 0 ||
		    strcmp(w, "several") == 0 || strcmp(w, "many") == 0) &&
		    i + 1 < end && ruleutil_is(doc, i + 1, "of") &&
		    grammar_subject(doc, i + 2, first, end, &np) && np.end < end &&
		    grammar_word(doc, np.end, verb, sizeof verb) &&
		    ruleutil_in(verb, grammar_singular_verbs)) {
			grammar_emit_agreement(env, out, i, np.end, grammar_twin(verb),
			    "more than one takes a plural verb");
			i = np.end;
			continue;
		}
		/* a plural noun with no determiner: "Costs was reduced", "that
		 * delays in delivery was"; not through "of" ("Lots of work was"),
		 * not in capitals (a name or a placeholder: "LABELS is") */
		if (!ruleutil_function_word(w) && !ruleutil_in(w, grammar_s_pronouns) &&
		    !(doc->toks[i].flags & TOKF_ALLCAPS) &&
		    grammar_subject(doc, i, first, end, &np) && np.end < end && !np.number &&
		    !(np.pp && ruleutil_is(doc, np.head + 1, "of")) &&
		    grammar_word(doc, np.end, verb, sizeof verb) &&
		    ruleutil_in(verb, grammar_singular_verbs) &&
		    grammar_word(doc, np.head, head, sizeof head) && grammar_plural_s(gl, head)) {
			grammar_emit_agreement(env, out, i, np.end, grammar_twin(verb),
			    "a plural subject");
			i = np.end;
			continue;
		}
		if (!ruleutil_in(w, grammar_subject_dets))
			continue;
		if (!grammar_subject(doc, i, first, end, &np) || np.end >= end ||
		    !grammar_word(doc, np.end, verb, sizeof verb) ||
		    (twin = grammar_twin(verb)) == NULL ||
		    !grammar_word(doc, np.head, head, sizeof head))
			continue;
		/* "the savings from these steps was", "the two chiefs was" */
		if (ruleutil_in(verb, grammar_singular_verbs) && grammar_plural_s(gl, head) &&
		    (np.pp || np.number) && strcmp(w, "this") != 0) {
			grammar_emit_agreement(env, out, i, np.end, twin, "a plural subject");
			i = np.end;
			continue;
		}
		/* "the cost of the new scanners were", "the number of complaints were" */
		if (ruleutil_in(verb, grammar_plural_verbs) && np.pp && !np.number && !np.has_and &&
		    (grammar_singular(gl, head) || (strcmp(w, "the") == 0 &&
		    ruleutil_in(head, grammar_the_counts))) &&
		    strcmp(w, "these") != 0 && strcmp(w, "those") != 0) {
			grammar_emit_agreement(env, out, i, np.end, twin, "a singular subject");
			i = np.end;
		}
	}
}

/* True when the token at k can follow a subject: a word that is no
 * preposition or conjunction (a verb, an adverb, an auxiliary). */
static bool
grammar_verb_follows(const struct text_doc *doc, size_t k, size_t end)
{
	char w[64];

	if (k >= end || !grammar_word(doc, k, w, sizeof w))
		return false;
	return !ruleutil_in(w, grammar_preps) && !ruleutil_in(w, grammar_not_after_subject) &&
	    !ruleutil_determiner(w);
}

/* True when the token at k is surely a verb: a word in -ed or an
 * auxiliary ("visited", "were", "had", "will"). */
static bool
grammar_sure_verb(const struct text_doc *doc, size_t k)
{
	static const char *const aux[] = {
		"am", "is", "are", "was", "were", "has", "have", "had", "will", "would",
		"can", "could", "should", "must", "may", "might", "did", "do", "does", NULL
	};
	char w[64];
	size_t n = ruleutil_lower(doc, k, w, sizeof w);

	return n > 0 && ((n >= 4 && strcmp(w + n - 2, "ed") == 0) || ruleutil_in(w, aux));
}

/* The end of the noun phrase joined by "and" at tok: an optional
 * determiner, then up to three words (names too), stopping before a sure
 * verb, a function word or punctuation. Returns tok when there is none. */
static size_t
grammar_conjunct_end(const struct text_doc *doc, size_t tok, size_t end)
{
	size_t k = tok, n = 0;
	char w[64];

	if (k < end && grammar_word(doc, k, w, sizeof w) && ruleutil_determiner(w))
		k++;
	while (k < end && n < 3 && grammar_word(doc, k, w, sizeof w) &&
	    !ruleutil_function_word(w) && !grammar_sure_verb(doc, k) &&
	    !(doc->toks[k].flags & TOKF_DIGIT)) {
		k++;
		n++;
	}
	return n > 0 ? k : tok;
}

/* The subject form of an object pronoun, or NULL. */
static const char *
grammar_subject_form(const char *w)
{
	size_t i;

	for (i = 0; grammar_object_pronouns[i] != NULL; i++) {
		if (strcmp(w, grammar_object_pronouns[i]) == 0)
			return grammar_subject_pronouns[i];
	}
	return NULL;
}

/*
 * An object pronoun joined by "and" to a noun phrase that opens a clause
 * and is followed by its verb: "Me and my deputy visited", "The council
 * and me agreed". Only at a clause start, so "thanked me and my deputy"
 * and "went to my deputy and me" are left alone.
 */
static void
grammar_object_subject(const struct rule_env *env, struct findings *out, size_t first,
    size_t end)
{
	const struct text_doc *doc = env->doc;
	size_t i;

	for (i = first; i + 2 < end; i++) {
		struct grammar_np np;
		char w[64], sugg[160], fix[128];
		const char *subj;
		size_t at, off, len, k;

		if (!grammar_clause_start(doc, i, first) || !grammar_word(doc, i, w, sizeof w))
			continue;
		/* "Me and my deputy visited" -> "My deputy and I visited"; a
		 * clause never opens with an object, so "Me and ..." followed by
		 * more words is enough, but the phrase is rewritten only when
		 * its end is sure: a verb in -ed or an auxiliary right after it */
		if ((subj = grammar_subject_form(w)) != NULL && ruleutil_is(doc, i + 1, "and") &&
		    (k = grammar_conjunct_end(doc, i + 2, end)) > i + 2 &&
		    grammar_word(doc, k, w, sizeof w)) {
			const struct token *a = &doc->toks[i + 2], *l = &doc->toks[k - 1];
			size_t n = l->off + l->len - a->off;

			off = doc->toks[i].off;
			if (!grammar_sure_verb(doc, k) || n + 8 >= sizeof fix) {
				rule_emit(env, out, "grammar", SEV_WARNING, off, doc->toks[i].len,
				    "Write 'I' and name yourself last ('... and I')",
				    "'%.*s' is part of the subject here: write '%s'",
				    (int)doc->toks[i].len, doc->text + off, subj);
				i = k - 1;
				continue;
			}
			snprintf(fix, sizeof fix, "%.*s and %s", (int)n, doc->text + a->off, subj);
			if (i == first && fix[0] >= 'a' && fix[0] <= 'z')
				fix[0] = (char)(fix[0] - 'a' + 'A');
			len = l->off + l->len - off;
			snprintf(sugg, sizeof sugg, "Write '%s'", fix);
			at = out->n;
			rule_emit(env, out, "grammar", SEV_WARNING, off, len, sugg,
			    "'%.*s' is part of the subject here: write '%s'",
			    (int)doc->toks[i].len, doc->text + off, subj);
			rule_fix(out, at, off, len, fix);
			i = k - 1;
			continue;
		}
		/* "The council and me agreed" -> "The council and I agreed" */
		if (grammar_simple_np(doc, i, first, end, &np) && np.end + 2 < end &&
		    ruleutil_is(doc, np.end, "and") &&
		    grammar_word(doc, np.end + 1, w, sizeof w) &&
		    (subj = grammar_subject_form(w)) != NULL &&
		    grammar_verb_follows(doc, np.end + 2, end)) {
			const struct token *t = &doc->toks[np.end + 1];

			snprintf(sugg, sizeof sugg, "Write '%s'", subj);
			at = out->n;
			rule_emit(env, out, "grammar", SEV_WARNING, t->off, t->len, sugg,
			    "'%.*s' is part of the subject here: write '%s'", (int)t->len,
			    doc->text + t->off, subj);
			rule_fix(out, at, t->off, t->len, subj);
			i = np.end + 1;
		}
	}
}

/* Confused words: the longest entry of confusions.txt at each token; the
 * one word in which entry and correction differ is reported and fixed. */
static void
grammar_confusions(const struct rule_env *env, const struct grammar_lists *gl,
    struct findings *out, size_t first, size_t end)
{
	const struct text_doc *doc = env->doc;
	size_t i;

	for (i = first; i < end; i++) {
		const char *repl = NULL, *r;
		size_t n = wordlist_match(gl->confusions, doc, i, &repl), k, at;
		char want[64], got[64];

		if (n == 0 || repl == NULL || i + n > end)
			continue;
		/* walk the correction word by word beside the tokens */
		r = repl;
		for (k = 0; k < n; k++) {
			size_t len;

			while (*r == ' ')
				r++;
			len = strcspn(r, " ");
			if (len == 0 || len >= sizeof want)
				break;
			memcpy(want, r, len);
			want[len] = '\0';
			r += len;
			if (ruleutil_lower(doc, i + k, got, sizeof got) > 0 && strcmp(got, want) != 0)
				break;
		}
		if (k == n)
			continue;       /* a malformed entry: no word differs */
		{
			const struct token *t = &doc->toks[i + k];
			char sugg[96], fix[64];

			snprintf(fix, sizeof fix, "%s", want);
			if ((t->flags & TOKF_CAPITAL) && fix[0] >= 'a' && fix[0] <= 'z')
				fix[0] = (char)(fix[0] - 'a' + 'A');
			snprintf(sugg, sizeof sugg, "Write '%s'", fix);
			at = out->n;
			rule_emit(env, out, "grammar", SEV_WARNING, t->off, t->len, sugg,
			    "Confused word: '%.*s' here should be '%s'", (int)t->len,
			    doc->text + t->off, fix);
			rule_fix(out, at, t->off, t->len, fix);
		}
		i += n - 1;
	}
}

void
rule_grammar(const struct rule_env *env, struct findings *out)
{
	const struct text_doc *doc;
	struct grammar_lists gl;
	size_t s;

	if (env == NULL || env->doc == NULL || !rule_enabled(env, "grammar"))
		return;
	doc = env->doc;
	gl.confusions = wordlists_get(env->lists, "confusions");
	gl.singular_s = wordlists_get(env->lists, "singular-s");
	gl.plural_heads = wordlists_get(env->lists, "plural-heads");
	for (s = 0; s < doc->n_sents; ) {
		size_t first, end;

		ruleutil_sentence_span(doc, &s, &first, &end);
		grammar_agreement(env, &gl, out, first, end);
		grammar_object_subject(env, out, first, end);
		if (gl.confusions != NULL)
			grammar_confusions(env, &gl, out, first, end);
	}
}
