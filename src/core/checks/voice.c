/* SPDX-License-Identifier: MIT */
/*
 * voice.c: the "we_voice" and "third_person" rules. OPM asks for the
 * personal "I": "we", "our team" as the actor, "the candidate" or the
 * candidate's own name hide what the writer did. Phrases come from
 * dictionaries/ (we-actors.txt, third-person.txt, and third-person-compounds.txt
 * for "the candidate pool"); the candidate's name from
 * rule_env. It reports only; it never rewrites.
 */
#include "config.h"
#include "checks/rules.h"

#include <stdio.h>
#include <string.h>

#include "checks/ruleutil.h"

#define VOICE_MAX_NAME_WORDS 6

/* "we" and its contractions: always the writer's group as actor. */
static const char *const voice_we[] = {
	"we", "we've", "we'd", "we're", "we'll", "ourselves", NULL
};

/* Words that open a clause, so "our team" after them is its subject. */
static const char *const voice_clause_openers[] = {
	"and", "but", "so", "then", "when", "after", "because", "while", "once",
	"as", "until", "before", "since", "where", "although", "though", "if",
	"together", "eventually", "ultimately", "initially", "subsequently",
	"finally", "first", "next", "later", "soon", "also", "thus", NULL
};

/* Words that open an indirect question ("what we should stop"). */
static const char *const voice_wh_words[] = {
	"what", "how", "whether", "why", "where", "when", "which", "if", NULL
};

/* Verbs that take an indirect question: after them, "we" reports what was
 * asked or weighed ("I asked the chiefs what we should stop"), not an act. */
static const char *const voice_question_verbs[] = {
	"ask", "asks", "asked", "asking", "wonder", "wondered", "discuss", "discussed",
	"consider", "considered", "decide", "decided", "debate", "debated", "explore",
	"explored", "know", "knew", "understand", "understood", "question", "questioned", NULL
};

/* True when "we" at tok is the subject of an indirect question: a question
 * word just before it, and a verb of asking at most four words before that,
 * in the same clause. */
static bool
voice_indirect_question(const struct text_doc *doc, size_t tok, size_t first)
{
	size_t k;

	if (tok <= first || !ruleutil_tok_in(doc, tok - 1, voice_wh_words))
		return false;
	for (k = tok - 1; k > first && tok - 1 - k < 5; k--) {
		if (doc->toks[k - 1].kind == TOK_PUNCT)
			return false;
		if (ruleutil_tok_in(doc, k - 1, voice_question_verbs))
			return true;
	}
	return false;
}

/* Quantifiers of "of us" ("all of us worked"). */
static const char *const voice_of_us[] = {
	"all", "both", "each", "many", "most", "some", "several", "those", "few",
	"two", "three", "four", "five", "none", "everyone", "either", "neither", NULL
};

/* Titles before a surname. */
static const char *const voice_titles[] = {
	"mr", "ms", "mrs", "miss", "dr", "mr.", "ms.", "mrs.", "dr.", NULL
};

/* Name parts that are not the surname. */
static const char *const voice_name_suffixes[] = {
	"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d.", "mba",
	"esq", "esq.", "cpa", "pmp", "md", "m.d.", "jd", "j.d.", NULL
};

/* The candidate's name, split into lower-case words. */
struct voice_name {
	char words[VOICE_MAX_NAME_WORDS][48];
	size_t n;
};

/* Prepositions that open a time phrase before a subject ("In 2019 the
 * candidate ..."). */
static const char *const voice_time_preps[] = {
	"in", "by", "during", "since", "from", "after", "until", "before", NULL
};

/* True when the token at tok starts a clause. */
static bool
voice_clause_start(const struct text_doc *doc, size_t tok, size_t first)
{
	const struct token *p;

	if (tok == first)
		return true;
	p = &doc->toks[tok - 1];
	if (p->kind == TOK_PUNCT)
		return p->len == 1 && strchr(",;:(\"", doc->text[p->off]) != NULL;
	/* after an opening time phrase with no comma: "In FY21 the candidate" */
	if ((p->kind == TOK_NUMBER || (p->flags & TOKF_DIGIT)) && tok >= first + 2 &&
	    ruleutil_tok_in(doc, tok - 2, voice_time_preps) && voice_clause_start(doc, tok - 2, first))
		return true;
	return ruleutil_tok_in(doc, tok - 1, voice_clause_openers);
}

/* Auxiliaries and modals that show the word before them is a subject. */
static const char *const voice_aux[] = {
	"was", "were", "is", "are", "has", "have", "had", "will", "would", "can",
	"could", "did", "also", "then", "quickly", "successfully", NULL
};

/* True when token tok looks like the verb of a clause: an auxiliary, a
 * word in -ed or an irregular past participle ("built", "led", "won"). */
static bool
voice_verb_follows(const struct rule_env *env, size_t tok, size_t end)
{
	char w[64];
	size_t n;

	if (tok >= end || (n = ruleutil_lower(env->doc, tok, w, sizeof w)) == 0)
		return false;
	if (ruleutil_in(w, voice_aux))
		return true;
	if (n >= 4 && strcmp(w + n - 2, "ed") == 0)
		return true;
	return wordlist_contains(wordlists_get(env->lists, "irregular-participles"), w);
}

/* Prepositions after "our team" that show it is an object ("then our
 * team on the plan"); "of" is left out: "our team of 12 analysts built". */
static const char *const voice_object_preps[] = {
	"on", "in", "to", "for", "with", "about", "at", "from", "through",
	"during", "into", "under", NULL
};

/* True when token tok shows the words before it were an object. */
static bool
voice_object_follows(const struct text_doc *doc, size_t tok, size_t end)
{
	return tok >= end || doc->toks[tok].kind == TOK_PUNCT ||
	    ruleutil_tok_in(doc, tok, voice_object_preps);
}

/* Quotation state of a sentence read left to right: advance it to each
 * token's offset in turn, so the whole sentence is read once. */
struct voice_quote {
	size_t pos;             /* bytes before pos have been read */
	bool in;                /* inside a quotation at pos */
};

/* True when byte offset off lies inside a quotation (straight or curly
 * double quotes); off never goes back between calls for one sentence. */
static bool
voice_quoted(const char *text, struct voice_quote *q, size_t off)
{
	for (; q->pos < off; q->pos++) {
		const unsigned char *c = (const unsigned char *)text + q->pos;

		if (c[0] == '"') {
			q->in = !q->in;
		} else if (q->pos + 2 < off && c[0] == 0xe2 && c[1] == 0x80 &&
		    (c[2] == 0x9c || c[2] == 0x9d)) {
			q->in = c[2] == 0x9c;
			q->pos += 2;
		}
	}
	return q->in;
}

/* After "my", the people who did the work ("my office processed 40,000
 * requests a year" describes a workload, "my leadership" is the writer's). */
static const char *const voice_my_workers[] = {
	"team", "teams", "staff", "employees", "group", "unit", "squad", "taskforce", NULL
};

/* After "my staff": "were thanked", "had grown" say nothing of an act. */
static const char *const voice_my_not_acting[] = {
	"was", "were", "is", "are", "had", "has", "have", "got", "felt", "seemed", NULL
};

/* True when the writer is a subject or object in tokens [first, end). */
static bool
voice_has_i(const struct text_doc *doc, size_t first, size_t end)
{
	size_t k;

	for (k = first; k < end; k++) {
		if (ruleutil_is(doc, k, "i") || ruleutil_is(doc, k, "me") || ruleutil_is(doc, k, "i've") ||
		    ruleutil_is(doc, k, "i'd") || ruleutil_is(doc, k, "i'll") || ruleutil_is(doc, k, "i'm"))
			return true;
	}
	return false;
}

/* Words after "we" that do not fit "I" ("we were", "we all"). */
static const char *const voice_we_not_i[] = {
	"are", "were", "aren't", "weren't", "all", "both", "each", "together",
	"jointly", "collectively", "ourselves", "alone", "two", "three", "four",
	"five", "as", "and", "who", NULL
};

/* Words that speak of the writer's group ("we", "our", "us"). */
static const char *const voice_group_words[] = {
	"we", "our", "us", "ours", "ourselves", "we've", "we'd", "we'll", "we're", NULL
};

/* "I" for "we" (with its contraction), when the verb after it agrees with
 * "I" and the sentence speaks of the group nowhere else (n_group, the
 * number of voice_group_words in it, is 1), or NULL. */
static const char *
voice_we_to_i(const struct text_doc *doc, const char *w, size_t tok, size_t end, size_t n_group)
{
	static const char *const we[] = { "we", "we've", "we'd", "we'll", NULL };
	static const char *const me[] = { "I", "I've", "I'd", "I'll", NULL };
	size_t i;

	for (i = 0; we[i] != NULL && strcmp(w, we[i]) != 0; i++)
		;
	if (we[i] == NULL || n_group != 1 || tok + 1 >= end || doc->toks[tok + 1].kind != TOK_WORD ||
	    ruleutil_tok_in(doc, tok + 1, voice_we_not_i))
		return NULL;
	return me[i];
}

/* The text is a Challenge or Context: the situation before the writer's
 * own actions, where others acting is the story, not a hidden "we". */
static bool
voice_sets_the_scene(const struct rule_env *env)
{
	return env->ctx != NULL && (env->ctx->field == EX_CHALLENGE || env->ctx->field == EX_CONTEXT);
}

static void
voice_we_voice(const struct rule_env *env, struct findings *out)
{
	const struct text_doc *doc = env->doc;
	const struct wordlist *groups = wordlists_get(env->lists, "we-actors");
	size_t s;

	for (s = 0; s < doc->n_sents; ) {
		size_t first, end, i, n_group = 0;
		struct voice_quote quote;
		int has_i = -1;         /* computed on first need */

		ruleutil_sentence_span(doc, &s, &first, &end);
		if (first < end)
			quote = (struct voice_quote){ doc->toks[first].off, false };
		for (i = first; i < end; i++)
			n_group += ruleutil_tok_in(doc, i, voice_group_words);

		for (i = first; i < end; i++) {
			const struct token *t = &doc->toks[i];
			char w[64];

			if (ruleutil_lower(doc, i, w, sizeof w) == 0)
				continue;
			/* someone else's words, quoted, are not the writer's voice */
			if (voice_quoted(doc->text, &quote, t->off))
				continue;
			if (strcmp(w, "my") == 0 && has_i < 0)
				has_i = voice_has_i(doc, first, end);
			if (ruleutil_in(w, voice_we) && !voice_indirect_question(doc, i, first)) {
				const char *fix = voice_we_to_i(doc, w, i, end, n_group);
				size_t at = out->n;

				rule_emit(env, out, "we_voice", SEV_WARNING, t->off, t->len,
				    "Use 'I' for what you did yourself",
				    "'%.*s' hides what you did: the board rates your own actions",
				    (int)t->len, doc->text + t->off);
				if (fix != NULL)
					rule_fix(out, at, t->off, t->len, fix);
				continue;
			}
			/* "in our region": the object of a preposition acts on nothing */
			if (strcmp(w, "our") == 0 && i > first && ruleutil_tok_in(doc, i - 1, voice_object_preps))
				continue;
			/* "my team cut the wait" with no "I" in the sentence hides the
			 * writer's part as much as "our team" does; not in a Challenge
			 * or Context, which tell what others did before the writer acted */
			if ((strcmp(w, "our") == 0 || (strcmp(w, "my") == 0 && has_i == 0 &&
			    !voice_sets_the_scene(env) &&
			    ruleutil_tok_in(doc, i + 1, voice_my_workers) &&
			    !ruleutil_tok_in(doc, i + 2, voice_my_not_acting))) &&
			    i + 1 < end && ruleutil_tok_listed(groups, doc, i + 1) &&
			    ((voice_clause_start(doc, i, first) && !voice_object_follows(doc, i + 2, end)) ||
			    voice_verb_follows(env, i + 2, end))) {
				/* ("our team's budget" is one token, not listed: no actor) */
				const struct token *n = &doc->toks[i + 1];

				rule_emit(env, out, "we_voice", SEV_WARNING, t->off,
				    n->off + n->len - t->off,
				    "Say what you did: 'I led my team to ...'",
				    "'%.*s' as the actor hides your own part",
				    (int)(n->off + n->len - t->off), doc->text + t->off);
				i++;
				continue;
			}
			/* "for us to act": us as the actor of the infinitive */
			if (strcmp(w, "us") == 0 && i > first && i + 1 < end &&
			    ruleutil_is(doc, i - 1, "for") && ruleutil_is(doc, i + 1, "to")) {
				const struct token *q = &doc->toks[i - 1];

				rule_emit(env, out, "we_voice", SEV_WARNING, q->off,
				    t->off + t->len - q->off, "Use 'I' for what you did yourself",
				    "'%.*s' hides what you did",
				    (int)(t->off + t->len - q->off), doc->text + q->off);
				continue;
			}
			if (strcmp(w, "us") == 0 && i >= first + 2 && ruleutil_is(doc, i - 1, "of") &&
			    ruleutil_tok_in(doc, i - 2, voice_of_us)) {
				const struct token *q = &doc->toks[i - 2];

				rule_emit(env, out, "we_voice", SEV_WARNING, q->off,
				    t->off + t->len - q->off, "Use 'I' for what you did yourself",
				    "'%.*s' hides what you did",
				    (int)(t->off + t->len - q->off), doc->text + q->off);
			}
		}
	}
}

/* Splits the candidate's name into words, without titles and suffixes. */
static void
voice_name_parse(const char *name, struct voice_name *vn)
{
	const char *p = name;

	vn->n = 0;
	while (p != NULL && *p != '\0' && vn->n < VOICE_MAX_NAME_WORDS) {
		size_t n, i;
		char w[48];

		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		n = strcspn(p, " \t,");
		if (n == 0)
			break;
		if (n < sizeof w) {
			for (i = 0; i < n; i++)
				w[i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
			w[n] = '\0';
			if (!(vn->n == 0 && ruleutil_in(w, voice_titles)) &&
			    !ruleutil_in(w, voice_name_suffixes))
				memcpy(vn->words[vn->n++], w, n + 1);
		}
		p += n;
	}
}

/* True when token tok is the name word w, possibly possessive ("Doe's"). */
static bool
voice_tok_is_name(const struct text_doc *doc, size_t tok, const char *w)
{
	char buf[64];
	size_t n = ruleutil_lower(doc, tok, buf, sizeof buf), m = strlen(w);

	if (n == 0 || !(doc->toks[tok].flags & TOKF_CAPITAL))
		return false;
	if (n == m + 2 && buf[n - 2] == '\'' && buf[n - 1] == 's')
		n -= 2;
	return n == m && strncmp(buf, w, m) == 0;
}

/* Length in tokens of the candidate's name at tok (full name, title and
 * surname, or surname alone), 0 when none. */
static size_t
voice_name_at(const struct text_doc *doc, size_t tok, size_t end, const struct voice_name *vn)
{
	const char *surname;
	size_t k, m;

	if (vn->n == 0)
		return 0;
	surname = vn->words[vn->n - 1];
	if (strlen(surname) < 2)
		return 0;
	/* Title and surname: "Ms. Doe", "Dr Doe" */
	if (ruleutil_tok_in(doc, tok, voice_titles)) {
		k = tok + 1;
		if (k < end && ruleutil_punct(doc, k, '.'))
			k++;
		if (k < end && voice_tok_is_name(doc, k, surname))
			return k - tok + 1;
		return 0;
	}
	/* Full name: first name, up to two middle names or initials, surname */
	if (vn->n >= 2 && voice_tok_is_name(doc, tok, vn->words[0])) {
		for (k = tok + 1, m = 0; k < end && m < 4; k++, m++) {
			if (voice_tok_is_name(doc, k, surname))
				return k - tok + 1;
			if (doc->toks[k].kind == TOK_PUNCT && !ruleutil_punct(doc, k, '.'))
				break;
		}
	}
	if (voice_tok_is_name(doc, tok, surname))
		return 1;
	return 0;
}

/* True when the word at tok ends in "'s" (ruleutil_lower folds the
 * typographic apostrophe). */
static bool
voice_possessive(const struct text_doc *doc, size_t tok)
{
	char w[64];
	size_t n = ruleutil_lower(doc, tok, w, sizeof w);

	return n >= 2 && w[n - 1] == 's' && w[n - 2] == '\'';
}

static void
voice_third_person(const struct rule_env *env, struct findings *out)
{
	const struct text_doc *doc = env->doc;
	const struct wordlist *phrases = wordlists_get(env->lists, "third-person");
	const struct wordlist *compounds = wordlists_get(env->lists, "third-person-compounds");
	struct voice_name vn;
	size_t s;

	voice_name_parse(env->candidate, &vn);
	for (s = 0; s < doc->n_sents; ) {
		size_t first, end, i;

		ruleutil_sentence_span(doc, &s, &first, &end);

		for (i = first; i < end; i++) {
			size_t n = wordlist_match(phrases, doc, i, NULL);
			const struct token *t = &doc->toks[i], *l;

			/* "I interviewed the candidate" is someone else: only a
			 * phrase that opens a clause is the writer */
			if (n > 0 && !voice_clause_start(doc, i, first))
				n = 0;
			/* "The candidate pool doubled": a noun compound */
			if (n > 0 && i + n < end && !voice_possessive(doc, i + n - 1) &&
			    ruleutil_tok_listed(compounds, doc, i + n))
				n = 0;
			if (n == 0)
				n = voice_name_at(doc, i, end, &vn);
			if (n == 0)
				continue;
			if (i + n > end)
				n = end - i;
			l = &doc->toks[i + n - 1];
			rule_emit(env, out, "third_person", SEV_WARNING, t->off,
			    l->off + l->len - t->off,
			    "Write 'I' (or 'my') instead",
			    "Third person: '%.*s'; the narrative speaks in the first person",
			    (int)(l->off + l->len - t->off), doc->text + t->off);
			i += n - 1;
		}
	}
}

void
rule_voice(const struct rule_env *env, struct findings *out)
{
	if (env == NULL || env->doc == NULL)
		return;
	if (rule_enabled(env, "we_voice"))
		voice_we_voice(env, out);
	if (rule_enabled(env, "third_person"))
		voice_third_person(env, out);
}
