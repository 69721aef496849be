/* SPDX-License-Identifier: MIT */
/*
 * passive.c: the "passive" rule. Finds be- and get-passives in every tense
 * (auxiliary, optional adverbs or negation, past participle) and reports the
 * whole verb group with a suggestion to name the actor. It must not flag
 * adjectival uses ("I was responsible", "was interested in", "was located
 * in"): those are decided from dictionaries/ lists, the grammar is here.
 *
 * How a sentence is read:
 *  1. an auxiliary: a form of be (am ... being, 're, it's) or of get;
 *  2. up to three adverbs ("was not formally approved"), or a parenthetical
 *     between commas;
 *  3. a past participle: a word in -ed that is no adjective of its own
 *     (not-participles.txt, un- adjectives unless un-verbs.txt), an entry of
 *     irregular-participles.txt, or a hyphenated verb (re-engineered);
 *  4. vetoes: a stative adjective (stative-adjectives.txt, with its
 *     condition), a degree word before it ("very pleased"), "used to" +
 *     noun, a predicate noun after a result subject ("The result was
 *     improved morale", result-nouns.txt), "he's led" (has);
 *  5. a "by" agent (not-agents.txt weeds out "by May", "by email") lifts the
 *     stative veto and names the subject of the suggestion; the suggestion
 *     has the writer ("I ...") act only when the agent is "me";
 *  6. the verb group is extended back over modals, have/had and being
 *     ("could have been", "was being"); inverted questions are read too;
 *  7. a learner's bare verb ("was explain ... by me") is a passive too when
 *     a personal agent shows it; the message names the missing -ed.
 */
#include "config.h"
#include "checks/rules.h"

#include <stdio.h>
#include <string.h>

#include "checks/ruleutil.h"

/* How a word can start a passive verb group. */
enum passive_aux {
	PASSIVE_NONE,
	PASSIVE_BE,             /* am, is, was, been, being, 're ... */
	PASSIVE_BE_OR_HAS,      /* it's, he's: "is" or "has" */
	PASSIVE_GET             /* get, got, gotten, getting */
};

/* What a participle-shaped word is. */
enum passive_kind {
	PASSIVE_NOT,            /* not a past participle */
	PASSIVE_VERB,           /* a verb's past participle */
	PASSIVE_ADJ             /* adjectival compound: passive only with an agent */
};

/* The lists the rule reads (any may be missing: NULL). */
struct passive_lists {
	const struct wordlist *irregular;       /* "written => wrote" */
	const struct wordlist *stative;         /* "interested", "located => in" */
	const struct wordlist *not_part;        /* -ed words that are no participle */
	const struct wordlist *un_verbs;        /* un- words that are verbs: unveiled */
	const struct wordlist *result_nouns;    /* "the result was improved morale" */
	const struct wordlist *not_agents;      /* "by email", "by March" */
	const struct wordlist *people;          /* staff, employees: subjects that feel */
};

/* One passive found in a sentence. */
struct passive_hit {
	size_t start;           /* first token of the verb group */
	size_t part;            /* the participle */
	enum passive_aux aux;
	size_t agent_first, agent_end;  /* agent tokens [first, end), or 0, 0 */
};

static const char *const passive_be_forms[] = {
	"am", "is", "are", "was", "were", "be", "been", "being", "isn't",
	"aren't", "wasn't", "weren't", "ain't", "i'm", NULL
};

static const char *const passive_get_forms[] = {
	"get", "gets", "got", "gotten", "getting", NULL
};

static const char *const passive_modals[] = {
	"can", "could", "may", "might", "must", "shall", "should", "will",
	"would", "cannot", "can't", "couldn't", "mustn't", "shouldn't", "won't",
	"wouldn't", "mightn't", "shan't", "i'll", "we'll", "it'll", "they'll",
	"you'll", "he'll", "she'll", "i'd", "we'd", "it'd", "they'd", NULL
};

static const char *const passive_have_forms[] = {
	"have", "has", "had", "having", "haven't", "hasn't", "hadn't", "i've",
	"we've", "they've", "you've", "it's", "he's", "she's", "that's", NULL
};

/* Subjects whose "'s" may stand for "is". */
static const char *const passive_s_subjects[] = {
	"it", "he", "she", "that", "what", "there", "here", "who", "where",
	"this", "everything", "nothing", "something", "which", NULL
};

/* Adverbs that may stand between the auxiliary and the participle (words
 * in -ly are adverbs too). */
static const char *const passive_adverbs[] = {
	"not", "never", "also", "already", "always", "just", "still", "often",
	"then", "soon", "once", "even", "ever", "now", "all", "both", "each",
	"further", "later", "first", "last", "again", "thus", "therefore",
	"instead", "indeed", "sometimes", "seldom", "well", "only", "twice",
	"long", "almost", "quite", "subsequently", "originally", "n't", "since",
	"so", "very", "too", "somewhat", "fairly", "really", "pretty", "rather",
	"more", "most", "less", "least", "much", "far", "better", "best",
	/* adverbs and particles that may follow a participle, so they are no
	 * noun: "was achieved ahead of schedule", "was rolled out nationwide" */
	"ahead", "away", "back", "forward", "forth", "together", "abroad",
	"overseas", "nationwide", "worldwide", "statewide", "home", "late",
	"early", "soon", "here", "there", "today", "yesterday", "tomorrow",
	"anyway", "afterward", "afterwards", "thereafter", "unanimously", NULL
};

/* Degree words: right before a participle they make it an adjective
 * ("was very interested", "more streamlined"). */
static const char *const passive_degree[] = {
	"very", "so", "too", "quite", "extremely", "somewhat", "fairly",
	"really", "pretty", "rather", "deeply", "truly", "incredibly",
	"exceptionally", "highly", "more", "most", "less", "least",
	"especially", "overly", "increasingly", NULL
};

/* Prefixes of hyphenated verbs (re-engineered, co-led); any other first
 * part makes an adjectival compound (data-driven, well-known). */
static const char *const passive_verb_prefixes[] = {
	"re", "co", "pre", "de", "mis", "over", "under", "out", "sub", "inter",
	"counter", "cross", "double", "triple", "fast", "hand", "spot", "up",
	"down", "back", "mid", "e", "cross", "fine", "short", "hard", NULL
};

/* Words that end a clause: an agent is not looked for past them. */
static const char *const passive_clause_breaks[] = {
	"that", "which", "who", "because", "while", "when", "where", "although",
	"though", "but", "so", "if", "unless", "whereas", "since", "until",
	"after", "before", "i", "we", "they", "he", "she", NULL
};

static bool
passive_ends_with(const char *w, const char *suffix)
{
	size_t n = strlen(w), m = strlen(suffix);

	return n >= m && strcmp(w + n - m, suffix) == 0;
}

static enum passive_aux
passive_aux_kind(const char *w)
{
	size_t n = strlen(w);

	if (ruleutil_in(w, passive_be_forms))
		return PASSIVE_BE;
	if (ruleutil_in(w, passive_get_forms))
		return PASSIVE_GET;
	if (n > 3 && strcmp(w + n - 3, "'re") == 0)
		return PASSIVE_BE;
	if (n > 2 && strcmp(w + n - 2, "'s") == 0 && n - 2 < 16) {
		char subj[16];

		memcpy(subj, w, n - 2);
		subj[n - 2] = '\0';
		if (ruleutil_in(subj, passive_s_subjects))
			return PASSIVE_BE_OR_HAS;
	}
	return PASSIVE_NONE;
}

/* True for an adverb that may sit inside the verb group. */
static bool
passive_is_adverb(const struct text_doc *doc, size_t tok)
{
	char w[64];
	size_t n = ruleutil_lower(doc, tok, w, sizeof w);

	if (n == 0)
		return false;
	if (ruleutil_in(w, passive_adverbs))
		return true;
	/* -ly adverbs, but not "supply", "apply", "fly" */
	return n >= 5 && strcmp(w + n - 2, "ly") == 0 && strcmp(w + n - 3, "ply") != 0;
}

/* A content word: a word that is not a function word, adverb or "by". */
static bool
passive_content_word(const struct text_doc *doc, size_t tok)
{
	char w[64];
	size_t n = ruleutil_lower(doc, tok, w, sizeof w);

	if (n == 0)
		return false;
	if (ruleutil_function_word(w) || ruleutil_in(w, passive_adverbs))
		return false;
	if (n >= 5 && strcmp(w + n - 4, "wide") == 0)
		return false;   /* agency-wide, government-wide */
	return !(n >= 4 && strcmp(w + n - 2, "ly") == 0);
}

/* Classifies a lower-case word without hyphens. */
static enum passive_kind
passive_classify_word(const struct passive_lists *pl, const char *w)
{
	size_t n = strlen(w);

	if (n < 3 || wordlist_contains(pl->not_part, w))
		return PASSIVE_NOT;
	/* un- + participle is an adjective (unexpected, unfunded, unknown)
	 * unless the un- word is itself a verb (unveiled, uncovered). */
	if (n >= 6 && strncmp(w, "un", 2) == 0 && strncmp(w, "under", 5) != 0 &&
	    !wordlist_contains(pl->un_verbs, w) && !wordlist_contains(pl->irregular, w) &&
	    (wordlist_contains(pl->irregular, w + 2) || passive_ends_with(w + 2, "ed")))
		return PASSIVE_NOT;
	if (wordlist_contains(pl->irregular, w))
		return PASSIVE_VERB;
	if (n >= 4 && passive_ends_with(w, "ed"))
		return PASSIVE_VERB;
	return PASSIVE_NOT;
}

/* Classifies a lower-case token text, hyphenated or not. */
static enum passive_kind
passive_classify(const struct passive_lists *pl, const char *w)
{
	const char *first = strchr(w, '-'), *last = strrchr(w, '-');
	char prefix[32];
	enum passive_kind k;

	if (first == NULL || wordlist_contains(pl->not_part, w))
		return passive_classify_word(pl, w);
	if (last[1] == '\0' || (size_t)(first - w) >= sizeof prefix)
		return PASSIVE_NOT;
	memcpy(prefix, w, (size_t)(first - w));
	prefix[first - w] = '\0';
	k = passive_classify_word(pl, last + 1);
	if (k == PASSIVE_NOT)
		return k;
	if (first == last && ruleutil_in(prefix, passive_verb_prefixes))
		return k;
	return PASSIVE_ADJ;
}

/* Finds a "by" agent after the participle at tok; stores its tokens. */
static bool
passive_agent(const struct text_doc *doc, const struct passive_lists *pl, size_t tok,
    size_t end, struct passive_hit *hit)
{
	size_t k, h, e, n_words = 0;
	char w[64];

	for (k = tok + 1; k < end && k <= tok + 6; k++) {
		if (doc->toks[k].kind == TOK_PUNCT)
			return false;
		if (ruleutil_lower(doc, k, w, sizeof w) == 0)
			continue;
		if (strcmp(w, "by") == 0)
			break;
		if (ruleutil_in(w, passive_clause_breaks) || passive_aux_kind(w) != PASSIVE_NONE)
			return false;
		/* another participle starts a clause of its own ("involved in a
		 * project funded by NIH"), unless coordinated ("reviewed and
		 * approved by") */
		if (k > tok + 1 && passive_classify(pl, w) != PASSIVE_NOT &&
		    !ruleutil_is(doc, k - 1, "and") && !ruleutil_is(doc, k - 1, "or"))
			return false;
	}
	if (k >= end || k > tok + 6)
		return false;
	h = k + 1;
	if (h >= end || doc->toks[h].kind != TOK_WORD || (doc->toks[h].flags & TOKF_DIGIT))
		return false;
	if (ruleutil_lower(doc, h, w, sizeof w) == 0 || passive_ends_with(w, "ing"))
		return false;
	if (wordlist_contains(pl->not_agents, w))
		return false;
	if (ruleutil_determiner(w)) {
		size_t q = h + 1;

		/* "by all 15 partners" */
		if (q < end && doc->toks[q].kind == TOK_NUMBER)
			q++;
		if (q >= end || doc->toks[q].kind != TOK_WORD ||
		    ruleutil_lower(doc, q, w, sizeof w) == 0 ||
		    wordlist_contains(pl->not_agents, w))
			return false;
	}
	/* The agent phrase: up to six words, through "of" and determiners. */
	for (e = h; e < end && n_words < 6; e++) {
		if (e == h + 1 && doc->toks[e].kind == TOK_NUMBER)
			continue;
		if (ruleutil_lower(doc, e, w, sizeof w) == 0)
			break;
		if (e > h && ruleutil_function_word(w) && !ruleutil_determiner(w) &&
		    strcmp(w, "of") != 0 && strcmp(w, "and") != 0)
			break;
		if (e > h && (passive_ends_with(w, "ing") || passive_is_adverb(doc, e)))
			break;
		if (e > h && strcmp(w, "and") == 0 && e + 1 < end &&
		    !(doc->toks[e + 1].flags & TOKF_CAPITAL) &&
		    !(ruleutil_lower(doc, e + 1, w, sizeof w) > 0 && ruleutil_determiner(w)))
			break;
		n_words++;
	}
	while (e > h + 1 && (ruleutil_is(doc, e - 1, "of") || ruleutil_is(doc, e - 1, "and") ||
	    ruleutil_is(doc, e - 1, "the")))
		e--;
	hit->agent_first = h;
	hit->agent_end = e;
	return true;
}

/* Walks back from the auxiliary at tok over the rest of the verb group
 * (modals, "has been", "was being", adverbs between them). */
static size_t
passive_group_start(const struct text_doc *doc, size_t tok, size_t first)
{
	size_t k = tok;

	for (;;) {
		size_t p = k, skipped = 0;
		char wk[64], wp[64];
		bool join = false;

		while (p > first && skipped < 2 && passive_is_adverb(doc, p - 1)) {
			p--;
			skipped++;
		}
		if (p == first || ruleutil_lower(doc, k, wk, sizeof wk) == 0 ||
		    ruleutil_lower(doc, p - 1, wp, sizeof wp) == 0)
			break;
		p--;
		if (strcmp(wk, "been") == 0)
			join = ruleutil_in(wp, passive_have_forms);
		else if (strcmp(wk, "being") == 0)
			join = ruleutil_in(wp, passive_be_forms) || passive_aux_kind(wp) == PASSIVE_BE;
		else if (strcmp(wk, "be") == 0 || strcmp(wk, "have") == 0 || strcmp(wk, "get") == 0)
			join = ruleutil_in(wp, passive_modals);
		if (!join)
			break;
		k = p;
	}
	return k;
}

/* The object form of a personal pronoun right before the verb group
 * ("I was asked" -> "me"), or NULL. */
static const char *
passive_person_object(const struct text_doc *doc, size_t start)
{
	static const char *const subj[] = { "i", "we", "he", "she", "they", "you", NULL };
	static const char *const obj[] = { "me", "us", "him", "her", "them", "you", NULL };
	char w[16];
	size_t i;

	if (start == 0 || ruleutil_lower(doc, start - 1, w, sizeof w) == 0)
		return NULL;
	for (i = 0; subj[i] != NULL; i++) {
		if (strcmp(w, subj[i]) == 0)
			return obj[i];
	}
	return NULL;
}

/* True when the subject right before the verb group is a person: a
 * personal pronoun or a noun of people-nouns.txt ("my staff were
 * committed", but "the funds were committed"). */
static bool
passive_person_subject(const struct text_doc *doc, const struct passive_lists *pl, size_t start)
{
	return passive_person_object(doc, start) != NULL ||
	    (start > 0 && ruleutil_tok_listed(pl->people, doc, start - 1));
}

/* True when the stative-adjectives entry at tok makes it an adjective
 * here. Entry syntax: "word" (adjective unless an agent follows),
 * "word => always" (even then), "word => get" (after get only),
 * "word => in with" (when the next word is one of these). */
static bool
passive_stative(const struct text_doc *doc, const struct passive_lists *pl, size_t tok,
    size_t end, enum passive_aux aux, bool agent, bool person)
{
	const char *cond = NULL;
	char next[64], word[64];
	bool has_next;
	const char *s;

	if (wordlist_match(pl->stative, doc, tok, &cond) != 1)
		return false;
	if (cond == NULL)
		return !agent;
	has_next = tok + 1 < end && ruleutil_lower(doc, tok + 1, next, sizeof next) > 0;
	for (s = cond; *s != '\0';) {
		size_t n = 0;

		while (*s == ' ' || *s == ',')
			s++;
		while (s[n] != '\0' && s[n] != ' ' && s[n] != ',')
			n++;
		if (n == 0 || n >= sizeof word)
			break;
		memcpy(word, s, n);
		word[n] = '\0';
		s += n;
		if (strcmp(word, "always") == 0)
			return true;
		if (strcmp(word, "get") == 0) {
			if (aux == PASSIVE_GET)
				return true;
			continue;
		}
		if (strcmp(word, "person") == 0) {
			if (person)
				return !agent;
			continue;
		}
		if (has_next && strcmp(word, next) == 0)
			return !agent;
	}
	return false;
}

/* True when the subject of the verb group starting at start is "there" or
 * a result noun ("The main result of the change was ..."): the head noun is
 * looked for in the six words before, not across punctuation. */
static bool
passive_result_subject(const struct text_doc *doc, const struct passive_lists *pl,
    size_t start, size_t first)
{
	size_t k, n = 0;

	if (start > first && ruleutil_is(doc, start - 1, "there"))
		return true;
	for (k = start; k > first && n < 6; k--, n++) {
		char w[64];

		if (ruleutil_lower(doc, k - 1, w, sizeof w) == 0)
			return false;
		if (wordlist_contains(pl->result_nouns, w))
			return true;
		/* only a noun phrase: determiners, "of" and content words */
		if (ruleutil_function_word(w) && !ruleutil_determiner(w) && strcmp(w, "of") != 0)
			return false;
	}
	return false;
}

/* Decides whether the auxiliary at aux_tok and the word at tok form a
 * passive; fills hit. */
static bool
passive_check(const struct text_doc *doc, const struct passive_lists *pl, size_t first,
    size_t end, size_t aux_tok, enum passive_aux aux, size_t tok, struct passive_hit *hit)
{
	char w[64], next[64];
	enum passive_kind kind;
	bool agent, next_content;
	size_t start;

	if (doc->toks[tok].kind != TOK_WORD ||
	    ((doc->toks[tok].flags & TOKF_CAPITAL) && !(doc->toks[tok].flags & TOKF_ALLCAPS)))
		return false;
	if (ruleutil_lower(doc, tok, w, sizeof w) == 0)
		return false;
	kind = passive_classify(pl, w);
	if (kind == PASSIVE_NOT)
		return false;
	memset(hit, 0, sizeof *hit);
	agent = passive_agent(doc, pl, tok, end, hit);
	if (kind == PASSIVE_ADJ && !agent)
		return false;
	start = passive_group_start(doc, aux_tok, first);
	if (passive_stative(doc, pl, tok, end, aux, agent, passive_person_subject(doc, pl, start)))
		return false;
	/* "over-committed", "well-qualified": the stative base decides */
	if (!agent && strchr(w, '-') != NULL && wordlist_contains(pl->stative, strrchr(w, '-') + 1))
		return false;
	/* "was used to the pace" / "used to working": accustomed, not passive */
	if (strcmp(w, "used") == 0 && tok + 2 < end && ruleutil_is(doc, tok + 1, "to") &&
	    ruleutil_lower(doc, tok + 2, next, sizeof next) > 0 &&
	    (passive_ends_with(next, "ing") || ruleutil_function_word(next)))
		return false;
	/* "was very interested", "was more streamlined"; "was well known" is
	 * the open form of "well-known", an adjective unless an agent follows */
	if (!agent && tok > aux_tok + 1 && (ruleutil_tok_in(doc, tok - 1, passive_degree) ||
	    ruleutil_is(doc, tok - 1, "well")))
		return false;
	next_content = tok + 1 < end && passive_content_word(doc, tok + 1);
	/* "The result was improved morale": a noun phrase after the verb. */
	if (next_content && !agent && passive_result_subject(doc, pl, start, first))
		return false;
	/* "he's led the team": "has" + participle + object */
	if (aux == PASSIVE_BE_OR_HAS && tok + 1 < end && !agent &&
	    (next_content || (ruleutil_lower(doc, tok + 1, next, sizeof next) > 0 &&
	    ruleutil_determiner(next))))
		return false;
	hit->start = start;
	hit->part = tok;
	hit->aux = aux;
	return true;
}

/* Personal pronouns that may stand as the subject after an inverted
 * auxiliary ("Why was I not selected?"). */
static const char *const passive_subject_pronouns[] = {
	"i", "we", "you", "he", "she", "it", "they", "this", "that", "these",
	"those", NULL
};

/* A question or a negative inversion puts the subject between the
 * auxiliary and the participle: "Was the plan approved?", "How was this
 * achieved?", "Not only was the budget cut, ...". Returns the participle's
 * token and fills hit, or 0. */
static size_t
passive_inverted(const struct text_doc *doc, const struct passive_lists *pl, size_t first,
    size_t end, size_t aux_tok, enum passive_aux aux, struct passive_hit *hit)
{
	char w[64];
	size_t k, n_np = 0;
	bool inverted;

	if (aux != PASSIVE_BE || ruleutil_is(doc, aux_tok, "be") ||
	    ruleutil_is(doc, aux_tok, "been") || ruleutil_is(doc, aux_tok, "being"))
		return 0;
	inverted = ruleutil_punct(doc, end - 1, '?') ||
	    (aux_tok > first && (ruleutil_is(doc, aux_tok - 1, "only") ||
	    ruleutil_is(doc, aux_tok - 1, "never") || ruleutil_is(doc, aux_tok - 1, "nor") ||
	    ruleutil_is(doc, aux_tok - 1, "seldom") || ruleutil_is(doc, aux_tok - 1, "rarely")));
	if (!inverted)
		return 0;
	for (k = aux_tok + 1; k < end && n_np <= 4; k++) {
		if (ruleutil_lower(doc, k, w, sizeof w) == 0)
			return 0;
		if (n_np > 0 && passive_classify(pl, w) != PASSIVE_NOT)
			return passive_check(doc, pl, first, end, aux_tok, aux, k, hit) ? k : 0;
		if (passive_is_adverb(doc, k) && n_np > 0)
			continue;
		if (ruleutil_in(w, passive_subject_pronouns)) {
			if (n_np > 0)
				return 0;       /* "Was the team I led ..." */
		} else if (ruleutil_function_word(w) && !ruleutil_determiner(w)) {
			return 0;
		}
		n_np++;
	}
	return 0;
}

/* The simple past of a participle (lower case) into buf: the irregular
 * list's "=> past", else the word itself (regular -ed). */
static void
passive_past(const struct passive_lists *pl, const char *w, char *buf, size_t cap)
{
	const char *dash = strrchr(w, '-');
	const char *base = dash != NULL ? dash + 1 : w;
	size_t i, n = wordlist_size(pl->irregular);

	for (i = 0; i < n; i++) {
		const char *repl = NULL;
		const char *e = wordlist_entry(pl->irregular, i, &repl);

		if (e != NULL && repl != NULL && strcmp(e, base) == 0) {
			snprintf(buf, cap, "%.*s%s", (int)(base - w), w, repl);
			return;
		}
	}
	snprintf(buf, cap, "%s", w);
}

/* Copies text[off, off+len) into buf with runs of white space as one space. */
static void
passive_span_text(const char *text, size_t off, size_t len, char *buf, size_t cap)
{
	size_t i, o = 0;
	bool space = false;

	for (i = 0; i < len && o + 1 < cap; i++) {
		char c = text[off + i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0') {
			space = true;
			continue;
		}
		if (space && o > 0 && o + 2 < cap)
			buf[o++] = ' ';
		space = false;
		buf[o++] = c;
	}
	buf[o] = '\0';
}

/* Copies src into buf with its first letter in capitals. */
static void
passive_capitalize(const char *src, char *buf, size_t cap)
{
	snprintf(buf, cap, "%s", src);
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
}

/* The subject form of an object pronoun ("him" -> "he"), or NULL. */
static const char *
passive_subject_form(const char *w)
{
	static const char *const obj[] = { "him", "her", "them", NULL };
	static const char *const subj[] = { "he", "she", "they", NULL };
	size_t i;

	for (i = 0; obj[i] != NULL; i++) {
		if (strcmp(w, obj[i]) == 0)
			return subj[i];
	}
	return NULL;
}

/*
 * The suggestion never has the writer do what the sentence does not say
 * they did. Four kinds (tests/data/passive-suggest.tsv measures them):
 *  - the writer is the agent ("by me", "by me and my deputy"): "I <verb>";
 *  - another agent is named ("by the Inspector General"): it becomes the
 *    subject;
 *  - the writer is the one acted on ("I was tasked with ..."): lead with
 *    what the writer did, which the sentence goes on to say;
 *  - no agent: say who acted, with a blank for who.
 */
static void
passive_suggest(const struct text_doc *doc, const struct passive_hit *hit, const char *past,
    char *sugg, size_t cap)
{
	const char *obj = passive_person_object(doc, hit->start);
	char agent[96], cap_agent[96], first[16];

	if (hit->agent_end > hit->agent_first) {
		const struct token *f = &doc->toks[hit->agent_first];
		const struct token *l = &doc->toks[hit->agent_end - 1];
		const char *subj;

		passive_span_text(doc->text, f->off, l->off + l->len - f->off, agent, sizeof agent);
		ruleutil_lower(doc, hit->agent_first, first, sizeof first);
		if (hit->agent_end == hit->agent_first + 1 && strcmp(first, "me") == 0) {
			snprintf(sugg, cap, "Make yourself the subject: 'I %s ...'", past);
		} else if (strcmp(first, "me") == 0 && hit->agent_end >= hit->agent_first + 3 &&
		    ruleutil_is(doc, hit->agent_first + 1, "and")) {
			/* "by me and my deputy" -> "My deputy and I built" */
			const struct token *o = &doc->toks[hit->agent_first + 2];

			passive_span_text(doc->text, o->off, l->off + l->len - o->off, agent, sizeof agent);
			passive_capitalize(agent, cap_agent, sizeof cap_agent);
			snprintf(sugg, cap, "Make yourself the subject: '%s and I %s ...'", cap_agent, past);
		} else if (strcmp(first, "us") == 0 || strcmp(first, "me") == 0) {
			snprintf(sugg, cap, "Say who acted: name yourself for what you did, "
			    "and the others for what they did ('[who] %s ...')", past);
		} else if (hit->agent_end == hit->agent_first + 1 &&
		    (subj = passive_subject_form(first)) != NULL) {
			passive_capitalize(subj, cap_agent, sizeof cap_agent);
			snprintf(sugg, cap, "Make '%s' the subject: '%s %s ...'", agent, cap_agent, past);
		} else {
			passive_capitalize(agent, cap_agent, sizeof cap_agent);
			snprintf(sugg, cap, "Make '%s' the subject: '%s %s ...'", agent, cap_agent, past);
		}
	} else if (obj != NULL && strcmp(obj, "me") == 0) {
		/* "I was tasked with ...": what matters is what the writer did next */
		snprintf(sugg, cap, "Lead with what you did: 'I ...'; say who %s you only if it matters",
		    past);
	} else if (obj != NULL) {
		snprintf(sugg, cap, "Say who acted: '[who] %s %s ...'", past, obj);
	} else {
		snprintf(sugg, cap, "Say who acted: '[who] %s ...'", past);
	}
}

/* The regular past of a bare verb (lower case) into buf: "explain" ->
 * "explained", "approve" -> "approved", "notify" -> "notified". */
static void
passive_regular_past(const char *w, char *buf, size_t cap)
{
	size_t n = strlen(w);

	if (n > 0 && w[n - 1] == 'e')
		snprintf(buf, cap, "%sd", w);
	else if (n > 1 && w[n - 1] == 'y' && strchr("aeiou", w[n - 2]) == NULL)
		snprintf(buf, cap, "%.*sied", (int)(n - 1), w);
	else
		snprintf(buf, cap, "%sed", w);
}

/* Reports a passive; bare is true for a learner's bare verb ("was
 * explain"), whose past is the regular one and which the message names. */
static void
passive_emit(const struct rule_env *env, const struct passive_lists *pl,
    const struct passive_hit *hit, bool bare, struct findings *out)
{
	const struct text_doc *doc = env->doc;
	const struct token *a = &doc->toks[hit->start], *p = &doc->toks[hit->part];
	size_t off = a->off, len = p->off + p->len - a->off;
	char group[96], part[64], past[80], sugg[384];

	passive_span_text(doc->text, off, len, group, sizeof group);
	ruleutil_lower(doc, hit->part, part, sizeof part);
	if (bare) {
		passive_regular_past(part, past, sizeof past);
		passive_suggest(doc, hit, past, sugg, sizeof sugg);
		rule_emit(env, out, "passive", SEV_WARNING, off, len, sugg,
		    "Passive voice: '%s' (and '%s' needs its past form, '%s')", group, part, past);
		return;
	}
	passive_past(pl, part, past, sizeof past);
	passive_suggest(doc, hit, past, sugg, sizeof sugg);
	rule_emit(env, out, "passive", SEV_WARNING, off, len, sugg, "Passive voice: '%s'", group);
}

/* Finite forms of be before a learner's bare verb. */
static const char *const passive_finite_be[] = {
	"am", "is", "are", "was", "were", NULL
};

/*
 * A learner's passive with a bare verb: "The plan was explain to the staff
 * by me". Without a lexicon a bare verb looks like any word, so only a
 * personal agent ("by me", "by them", "by my deputy") makes it sure: "was
 * ready by my deadline", "was short by two analysts" have none. Fills hit.
 */
static bool
passive_bare_verb(const struct text_doc *doc, const struct passive_lists *pl, size_t first,
    size_t end, size_t aux_tok, size_t tok, struct passive_hit *hit)
{
	static const char *const persons[] = { "me", "us", "him", "them", NULL };
	static const char *const owners[] = { "my", "our", "his", "their", NULL };
	char w[64];
	size_t n;

	if (!ruleutil_tok_in(doc, aux_tok, passive_finite_be) || doc->toks[tok].kind != TOK_WORD ||
	    (doc->toks[tok].flags & (TOKF_CAPITAL | TOKF_DIGIT)))
		return false;
	n = ruleutil_lower(doc, tok, w, sizeof w);
	if (n < 4 || ruleutil_function_word(w) || passive_is_adverb(doc, tok) ||
	    strchr(w, '-') != NULL || strchr(w, '\'') != NULL ||
	    passive_ends_with(w, "ing") || passive_ends_with(w, "ed") || passive_ends_with(w, "s") ||
	    wordlist_contains(pl->irregular, w) || wordlist_contains(pl->stative, w) ||
	    wordlist_contains(pl->not_part, w))
		return false;
	memset(hit, 0, sizeof *hit);
	if (!passive_agent(doc, pl, tok, end, hit))
		return false;
	if (!(hit->agent_end == hit->agent_first + 1 &&
	    ruleutil_tok_in(doc, hit->agent_first, persons)) &&
	    !(ruleutil_tok_in(doc, hit->agent_first, owners) &&
	    ruleutil_tok_listed(pl->people, doc, hit->agent_first + 1)))
		return false;
	hit->start = passive_group_start(doc, aux_tok, first);
	hit->part = tok;
	hit->aux = PASSIVE_BE;
	return true;
}

static void
passive_lists_get(const struct rule_env *env, struct passive_lists *pl)
{
	pl->irregular = wordlists_get(env->lists, "irregular-participles");
	pl->stative = wordlists_get(env->lists, "stative-adjectives");
	pl->not_part = wordlists_get(env->lists, "not-participles");
	pl->un_verbs = wordlists_get(env->lists, "un-verbs");
	pl->result_nouns = wordlists_get(env->lists, "result-nouns");
	pl->not_agents = wordlists_get(env->lists, "not-agents");
	pl->people = wordlists_get(env->lists, "people-nouns");
}

void
rule_passive(const struct rule_env *env, struct findings *out)
{
	const struct text_doc *doc = env->doc;
	struct passive_lists pl;
	size_t s;

	if (doc == NULL || !rule_enabled(env, "passive"))
		return;
	passive_lists_get(env, &pl);
	for (s = 0; s < doc->n_sents; ) {
		size_t first, end, i;

		ruleutil_sentence_span(doc, &s, &first, &end);

		for (i = first; i < end; i++) {
			char w[64];
			enum passive_aux aux;
			struct passive_hit hit;
			size_t j, skipped = 0;

			if (ruleutil_lower(doc, i, w, sizeof w) == 0)
				continue;
			aux = passive_aux_kind(w);
			if (aux == PASSIVE_NONE)
				continue;
			j = i + 1;
			/* "was, in the end, approved": a parenthetical between commas */
			if (j < end && ruleutil_punct(doc, j, ',')) {
				size_t k;

				for (k = j + 1; k < end && k <= j + 5; k++) {
					if (doc->toks[k].kind == TOK_PUNCT)
						break;
				}
				if (k < end && k > j + 1 && ruleutil_punct(doc, k, ','))
					j = k + 1;
			}
			while (j < end && skipped < 3 && passive_is_adverb(doc, j)) {
				j++;
				skipped++;
			}
			if (j < end && passive_check(doc, &pl, first, end, i, aux, j, &hit)) {
				passive_emit(env, &pl, &hit, false, out);
				i = j;
				continue;
			}
			if (j < end && passive_bare_verb(doc, &pl, first, end, i, j, &hit)) {
				passive_emit(env, &pl, &hit, true, out);
				i = j;
				continue;
			}
			j = passive_inverted(doc, &pl, first, end, i, aux, &hit);
			if (j > 0) {
				passive_emit(env, &pl, &hit, false, out);
				i = j;
			}
		}
	}
}
