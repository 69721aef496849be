/* SPDX-License-Identifier: MIT */
/*
 * style.c: the sentence-level rules "question" (an open question left in
 * the narrative), "long_sentence" (more words than the framework's
 * long_sentence_words) and "grammar" (doubled words such as "the the",
 * "a"/"an" before the wrong sound, "could of", "more then", "its been",
 * "their was", "knew there role", "more longer"). Only slips that can be
 * found reliably are reported; legitimate doubles ("had had") come from
 * dictionaries/doubled-words.txt, acronyms said as words ("a HUD grant")
 * from dictionaries/acronym-words.txt, the nouns after "their" from
 * their-nouns.txt, the -er and -est forms from comparatives.txt.
 */
#include "config.h"
#include "checks/rules.h"

#include <stdio.h>
#include <string.h>

#include "checks/ruleutil.h"

/* Modals wrongly followed by "of" for "have". */
static const char *const style_modals[] = {
	"could", "would", "should", "must", "might", "may", NULL
};

/* Comparatives that take "than", not "then". */
static const char *const style_comparatives[] = {
	"more", "less", "better", "worse", "rather", "greater", "higher", "lower",
	"fewer", "faster", "slower", "larger", "smaller", "bigger", "other",
	"longer", "shorter", "stronger", "cheaper", NULL
};

/* Words after "its" that show it should be "it's" (it is, it has). */
static const char *const style_its_is[] = {
	"been", "a", "an", "the", "not", NULL
};

/* Forms of "be" after which "their" should be "there". */
static const char *const style_be[] = {
	"is", "are", "was", "were", NULL
};

/* Word beginnings that sound like a consonant although spelled with a
 * vowel ("a university", "a one-time", "a European"). */
static const char *const style_consonant_sound[] = {
	"one", "once", "eu", "ewe", "use", "usu", "uti", "ubiq", "ukr", "unan",
	"uran", "urin", "uro", NULL
};

/* Word beginnings that sound like a vowel although spelled with an h. */
static const char *const style_silent_h[] = {
	"hour", "honest", "honor", "honour", "heir", NULL
};

static bool
style_starts(const char *w, const char *const *set)
{
	size_t i;

	for (i = 0; set[i] != NULL; i++) {
		size_t n = strlen(set[i]);

		if (strncmp(w, set[i], n) == 0) {
			/* "one" must be the whole word or a compound's first part:
			 * "onerous" and "oneness" start with a vowel sound */
			if (strcmp(set[i], "one") == 0 && w[n] != '\0' && w[n] != '-')
				continue;
			return true;
		}
	}
	return false;
}

/* Letters whose names start with a vowel sound: "an FBI", "an HR office". */
static const char style_vowel_letters[] = "AEFHILMNORSX";

/*
 * The sound an all-capital word starts with. Read letter by letter when it
 * has three letters or fewer, or no vowel at all ("an FBI", "an NLRB
 * ruling", "a U.S. team"), unless dictionaries/acronym-words.txt says it is
 * said as a word ("a HUD grant"); a longer acronym with vowels may be said
 * either way (NASA, OSHA): unsure. Returns 1, 0 or -1 as below.
 */
static int
style_initialism_sound(const struct wordlist *words, const struct text_doc *doc, size_t tok)
{
	const struct token *t = &doc->toks[tok];
	const char *s = doc->text + t->off;
	size_t i, letters = 0;
	bool vowel = false;

	for (i = 0; i < t->len; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z') {
			letters++;
			vowel |= strchr("AEIOU", s[i]) != NULL;
		} else if (s[i] != '.') {
			return -1;
		}
	}
	if (letters == 0 || !(s[0] >= 'A' && s[0] <= 'Z'))
		return -1;
	if (s[0] == 'U')
		return 0;       /* "you" as a letter and as a word: USDA, UNICEF */
	if (letters > 3 && vowel && memchr(s, '.', t->len) == NULL)
		return -1;
	if (ruleutil_tok_listed(words, doc, tok))
		return -1;
	return strchr(style_vowel_letters, s[0]) != NULL;
}

/* 1: the word starts with a vowel sound, 0: a consonant sound, -1: unsure. */
static int
style_vowel_sound(const struct wordlist *acronym_words, const struct text_doc *doc, size_t tok)
{
	const struct token *t = &doc->toks[tok];
	const char *s = doc->text + t->off;
	char w[64];
	size_t n, i;

	if (t->kind == TOK_NUMBER) {
		if (s[0] == '8')
			return 1;
		if (t->len >= 2 && s[0] == '1' && (s[1] == '1' || s[1] == '8') &&
		    (t->len == 2 || !(s[2] >= '0' && s[2] <= '9')))
			return 1;
		return s[0] >= '0' && s[0] <= '9' ? 0 : -1;
	}
	if (t->kind == TOK_WORD && (t->flags & TOKF_ALLCAPS) && !(t->flags & TOKF_DIGIT))
		return style_initialism_sound(acronym_words, doc, tok);
	if (t->kind != TOK_WORD || (t->flags & (TOKF_ALLCAPS | TOKF_DIGIT)))
		return -1;
	/* letters pronounced one by one ("an MBA", "an mRNA"): unsure */
	for (i = 1; i < t->len; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z')
			return -1;
	}
	n = ruleutil_lower(doc, tok, w, sizeof w);
	if (n < 2 || !(w[0] >= 'a' && w[0] <= 'z'))
		return -1;
	if (style_starts(w, style_consonant_sound))
		return 0;
	if (style_starts(w, style_silent_h))
		return 1;
	switch (w[0]) {
	case 'a': case 'e': case 'i': case 'o':
		return 1;
	case 'u':
		if (strncmp(w, "uni", 3) == 0)
			return w[3] != '\0' && strchr("fvtqsocl", w[3]) != NULL ? 0 : -1;
		if (strncmp(w, "un", 2) == 0 || strncmp(w, "up", 2) == 0 ||
		    strncmp(w, "um", 2) == 0 || strncmp(w, "ul", 2) == 0 ||
		    strncmp(w, "ug", 2) == 0)
			return 1;
		return -1;
	case 'h':
		return -1;      /* "an historic" is accepted by some */
	default:
		return 0;
	}
}

static void
style_question(const struct rule_env *env, struct findings *out)
{
	const struct text_doc *doc = env->doc;
	size_t s;

	for (s = 0; s < doc->n_sents; ) {
		size_t first, end, k, i, off;
		bool quoted = false;

		ruleutil_sentence_span(doc, &s, &first, &end);
		k = end;

		/* the last token before closing quotes and brackets */
		while (k > first) {
			const struct token *t = &doc->toks[k - 1];
			const char *c = doc->text + t->off;

			if (t->kind == TOK_PUNCT && (strchr(")]\"'", c[0]) != NULL ||
			    (t->len == 3 && (unsigned char)c[0] == 0xE2 && (unsigned char)c[1] == 0x80 &&
			    ((unsigned char)c[2] == 0x9D || (unsigned char)c[2] == 0x99)))) {
				quoted = true;
				k--;
				continue;
			}
			break;
		}
		if (k == first || !ruleutil_punct(doc, k - 1, '?'))
			continue;
		/* a question quoted after the sentence began is reported speech:
		 * 'I asked the team, "What would success look like?"' */
		if (quoted) {
			for (i = first + 1; i < k; i++) {
				const struct token *t = &doc->toks[i];
				const char *c = doc->text + t->off;

				if (t->kind == TOK_PUNCT && (c[0] == '"' || (t->len == 3 &&
				    (unsigned char)c[0] == 0xE2 && (unsigned char)c[2] == 0x9C)))
					break;
			}
			if (i < k)
				continue;
		}
		off = doc->toks[first].off;
		rule_emit(env, out, "question", SEV_WARNING, off,
		    doc->toks[end - 1].off + doc->toks[end - 1].len - off,
		    "State what you did and what it achieved instead of asking",
		    "Open question: the board wants statements, not questions");
	}
}

static void
style_long_sentence(const struct rule_env *env, struct findings *out)
{
	const struct text_doc *doc = env->doc;
	double limit = framework_rule(env->fw, "long_sentence_words", 35);
	size_t s;

	for (s = 0; s < doc->n_sents; ) {
		size_t first, end, i, n_words = 0, off, len;

		ruleutil_sentence_span(doc, &s, &first, &end);
		for (i = first; i < end; i++)
			n_words += doc->toks[i].kind == TOK_WORD || doc->toks[i].kind == TOK_NUMBER;
		if ((double)n_words <= limit || end == first)
			continue;
		off = doc->toks[first].off;
		len = doc->toks[end - 1].off + doc->toks[end - 1].len - off;
		rule_emit(env, out, "long_sentence", SEV_INFO, off, len,
		    "Split it into two or three sentences, one idea each",
		    "Long sentence: %zu words (more than %g)", n_words, limit);
	}
}

/* Words after which "there" + noun is right: "Was there a role ...?",
 * "from there ...". */
static const char *const style_there_ok_before[] = {
	"is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't",
	"weren't", "from", "in", "out", "over", "up", "down", "back", "here", "near",
	"around", "through", NULL
};

/* "knew there role" for "knew their role": "there" (not after a form of
 * be or a preposition) before a noun of their-nouns.txt. */
static bool
style_there_their(const struct text_doc *doc, const struct wordlist *nouns, size_t i,
    size_t first, size_t end)
{
	char w[64];

	if (!ruleutil_is(doc, i, "there") || !ruleutil_tok_listed(nouns, doc, i + 1))
		return false;
	if (i > first && ruleutil_tok_in(doc, i - 1, style_there_ok_before))
		return false;
	if (ruleutil_is(doc, i + 1, "own"))
		return i + 2 < end && ruleutil_lower(doc, i + 2, w, sizeof w) > 0 &&
		    !ruleutil_function_word(w);
	return true;
}

/* "more longer", "most biggest": "more" or "most" before a form of
 * comparatives.txt; an -er form only when no noun follows it. */
static bool
style_double_comparative(const struct text_doc *doc, const struct wordlist *forms, size_t i,
    size_t end)
{
	char w[64], next[64];
	size_t n;

	if (!(ruleutil_is(doc, i, "more") || ruleutil_is(doc, i, "most")) ||
	    (n = ruleutil_lower(doc, i + 1, w, sizeof w)) == 0 || !wordlist_contains(forms, w))
		return false;
	if ((n > 3 && strcmp(w + n - 3, "est") == 0) || strcmp(w, "best") == 0 ||
	    strcmp(w, "worst") == 0 || strcmp(w, "least") == 0)
		return true;
	return i + 2 >= end || ruleutil_lower(doc, i + 2, next, sizeof next) == 0 ||
	    ruleutil_function_word(next);
}

static void
style_grammar(const struct rule_env *env, struct findings *out)
{
	const struct text_doc *doc = env->doc;
	const struct wordlist *ok_doubles = wordlists_get(env->lists, "doubled-words");
	const struct wordlist *acronym_words = wordlists_get(env->lists, "acronym-words");
	const struct wordlist *their_nouns = wordlists_get(env->lists, "their-nouns");
	const struct wordlist *comparatives = wordlists_get(env->lists, "comparatives");
	size_t s;

	for (s = 0; s < doc->n_sents; ) {
		size_t first, end, i;

		ruleutil_sentence_span(doc, &s, &first, &end);
		for (i = first; i + 1 < end; i++) {
			const struct token *a = &doc->toks[i], *b = &doc->toks[i + 1];
			char wa[64], wb[64];
			size_t na, nb, at;
			int v;

			na = ruleutil_lower(doc, i, wa, sizeof wa);
			nb = ruleutil_lower(doc, i + 1, wb, sizeof wb);
			if (na == 0)
				continue;
			/* doubled word: "the the", also across a line break */
			if (nb == na && strcmp(wa, wb) == 0 && !wordlist_contains(ok_doubles, wa) &&
			    !((a->flags & TOKF_CAPITAL) && (b->flags & TOKF_CAPITAL) && i > first)) {
				at = out->n;
				rule_emit(env, out, "grammar", SEV_WARNING, a->off,
				    b->off + b->len - a->off, "Delete one of them",
				    "Doubled word: '%.*s %.*s'", (int)a->len, doc->text + a->off,
				    (int)b->len, doc->text + b->off);
				rule_fix(out, at, a->off + a->len, b->off + b->len - a->off - a->len, "");
				i++;
				continue;
			}
			/* "could of" for "could have" */
			if (nb > 0 && strcmp(wb, "of") == 0 && ruleutil_in(wa, style_modals) &&
			    !(i + 2 < end && ruleutil_is(doc, i + 2, "course"))) {
				rule_emit(env, out, "grammar", SEV_WARNING, a->off,
				    b->off + b->len - a->off, "Write 'have'",
				    "'%.*s of' should be '%.*s have'", (int)a->len, doc->text + a->off,
				    (int)a->len, doc->text + a->off);
				rule_fix(out, out->n - 1, b->off, b->len, "have");
				continue;
			}
			/* "more then" for "more than" */
			if (nb > 0 && strcmp(wb, "then") == 0 && ruleutil_in(wa, style_comparatives)) {
				rule_emit(env, out, "grammar", SEV_WARNING, a->off,
				    b->off + b->len - a->off, "Write 'than'",
				    "'%.*s then' should be '%.*s than'", (int)a->len, doc->text + a->off,
				    (int)a->len, doc->text + a->off);
				rule_fix(out, out->n - 1, b->off, b->len, "than");
				continue;
			}
			/* "its been" for "it's been", "it's own" for "its own" */
			if (nb > 0 && strcmp(wa, "its") == 0 && ruleutil_in(wb, style_its_is)) {
				rule_emit(env, out, "grammar", SEV_WARNING, a->off,
				    b->off + b->len - a->off, "Write 'it's' (it is, it has)",
				    "'its %.*s' should be 'it's %.*s'", (int)b->len, doc->text + b->off,
				    (int)b->len, doc->text + b->off);
				rule_fix(out, out->n - 1, a->off, a->len,
				    (a->flags & TOKF_CAPITAL) ? "It's" : "it's");
				continue;
			}
			if (nb > 0 && strcmp(wa, "it's") == 0 && strcmp(wb, "own") == 0) {
				rule_emit(env, out, "grammar", SEV_WARNING, a->off,
				    b->off + b->len - a->off, "Write 'its own'",
				    "'it's own' should be 'its own'");
				rule_fix(out, out->n - 1, a->off, a->len,
				    (a->flags & TOKF_CAPITAL) ? "Its" : "its");
				continue;
			}
			/* "their was" for "there was" */
			if (nb > 0 && strcmp(wa, "their") == 0 && ruleutil_in(wb, style_be)) {
				rule_emit(env, out, "grammar", SEV_WARNING, a->off,
				    b->off + b->len - a->off, "Write 'there'",
				    "'their %.*s' should be 'there %.*s'", (int)b->len, doc->text + b->off,
				    (int)b->len, doc->text + b->off);
				rule_fix(out, out->n - 1, a->off, a->len,
				    (a->flags & TOKF_CAPITAL) ? "There" : "there");
				continue;
			}
			if (style_there_their(doc, their_nouns, i, first, end)) {
				rule_emit(env, out, "grammar", SEV_WARNING, a->off, a->len,
				    "Write 'their'", "'there %.*s' should be 'their %.*s'",
				    (int)b->len, doc->text + b->off, (int)b->len, doc->text + b->off);
				rule_fix(out, out->n - 1, a->off, a->len,
				    (a->flags & TOKF_CAPITAL) ? "Their" : "their");
				continue;
			}
			if (style_double_comparative(doc, comparatives, i, end)) {
				char sugg[64];

				snprintf(sugg, sizeof sugg, "Delete '%.*s'", (int)a->len,
				    doc->text + a->off);
				at = out->n;
				rule_emit(env, out, "grammar", SEV_WARNING, a->off,
				    b->off + b->len - a->off, sugg,
				    "Double comparative: '%.*s %.*s'; '%.*s' already compares",
				    (int)a->len, doc->text + a->off, (int)b->len, doc->text + b->off,
				    (int)b->len, doc->text + b->off);
				if (!(a->flags & TOKF_CAPITAL))
					rule_fix(out, at, a->off, b->off - a->off, "");
				i++;
				continue;
			}
			/* a/an: skip "A" used as a label ("Plan A or B") */
			if (strcmp(wa, "a") == 0 && (a->flags & TOKF_CAPITAL) && i > first)
				continue;
			if (strcmp(wa, "a") != 0 && strcmp(wa, "an") != 0)
				continue;
			v = style_vowel_sound(acronym_words, doc, i + 1);
			if (v < 0)
				continue;
			at = out->n;
			if (strcmp(wa, "a") == 0 && v == 1) {
				rule_emit(env, out, "grammar", SEV_WARNING, a->off,
				    b->off + b->len - a->off, "Write 'an'",
				    "Use 'an' before a vowel sound: 'an %.*s'", (int)b->len, doc->text + b->off);
				rule_fix(out, at, a->off, a->len, (a->flags & TOKF_CAPITAL) ? "An" : "an");
			} else if (strcmp(wa, "an") == 0 && v == 0) {
				rule_emit(env, out, "grammar", SEV_WARNING, a->off,
				    b->off + b->len - a->off, "Write 'a'",
				    "Use 'a' before a consonant sound: 'a %.*s'", (int)b->len, doc->text + b->off);
				rule_fix(out, at, a->off, a->len, (a->flags & TOKF_CAPITAL) ? "A" : "a");
			}
		}
	}
}

void
rule_style(const struct rule_env *env, struct findings *out)
{
	if (env == NULL || env->doc == NULL)
		return;
	if (rule_enabled(env, "question"))
		style_question(env, out);
	if (rule_enabled(env, "long_sentence"))
		style_long_sentence(env, out);
	if (rule_enabled(env, "grammar"))
		style_grammar(env, out);
}
