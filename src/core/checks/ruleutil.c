/* SPDX-License-Identifier: MIT */
/*
 * ruleutil.c: token helpers shared by the text rules. The closed word
 * classes here are grammar (they do not change with the guidance), so they
 * live in code; every open list lives in dictionaries/.
 */
#include "config.h"
#include "checks/ruleutil.h"

#include <string.h>

static const char *const ruleutil_determiners[] = {
	"a", "an", "the", "this", "that", "these", "those", "my", "our", "your",
	"his", "her", "its", "their", "each", "every", "some", "any", "no",
	"all", "both", "either", "neither", "another", "such", "several", "many",
	"few", "much", "more", "most", "other", NULL
};

static const char *const ruleutil_closed[] = {
	/* prepositions */
	"about", "above", "across", "after", "against", "along", "amid", "among",
	"amongst", "around", "as", "at", "before", "behind", "below", "beneath",
	"beside", "besides", "between", "beyond", "by", "despite", "down",
	"during", "except", "for", "from", "in", "inside", "into", "like", "near",
	"of", "off", "on", "onto", "out", "outside", "over", "past", "per",
	"since", "than", "through", "throughout", "till", "to", "toward",
	"towards", "under", "underneath", "until", "up", "upon", "via", "with",
	"within", "without",
	/* conjunctions and relatives */
	"and", "or", "but", "nor", "so", "yet", "because", "although", "though",
	"while", "whereas", "if", "unless", "when", "whenever", "where",
	"wherever", "whether", "which", "who", "whom", "whose", "what", "once",
	"then", "thus", "therefore", "however",
	/* pronouns */
	"i", "me", "we", "us", "you", "he", "him", "she", "it", "they", "them",
	"myself", "ourselves", "yourself", "himself", "herself", "itself",
	"themselves", "there", "here", "someone", "everyone", "anyone",
	"something", "everything", "anything", "nothing", "none",
	/* auxiliaries and modals */
	"am", "is", "are", "was", "were", "be", "been", "being", "have", "has",
	"had", "having", "do", "does", "did", "can", "could", "may", "might",
	"must", "shall", "should", "will", "would", "not", "never", NULL
};

size_t
ruleutil_lower(const struct text_doc *doc, size_t tok, char *buf, size_t cap)
{
	const struct token *t;
	const unsigned char *s;
	size_t i, o = 0;

	if (doc == NULL || tok >= doc->n_toks || cap == 0)
		return 0;
	t = &doc->toks[tok];
	if (t->kind != TOK_WORD)
		return 0;
	s = (const unsigned char *)doc->text + t->off;
	for (i = 0; i < t->len; i++) {
		unsigned char c = s[i];

		if (o + 1 >= cap)
			return 0;
		if (c == 0xE2 && i + 2 < t->len && s[i + 1] == 0x80 && s[i + 2] == 0x99) {
			buf[o++] = '\'';
			i += 2;
			continue;
		}
		buf[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	buf[o] = '\0';
	return o;
}

bool
ruleutil_is(const struct text_doc *doc, size_t tok, const char *w)
{
	char buf[64];

	return ruleutil_lower(doc, tok, buf, sizeof buf) > 0 && strcmp(buf, w) == 0;
}

bool
ruleutil_in(const char *w, const char *const *set)
{
	size_t i;

	/* The first byte first: most words differ there, and the rules ask
	 * this for nearly every token. */
	for (i = 0; set[i] != NULL; i++) {
		if (set[i][0] == w[0] && strcmp(w, set[i]) == 0)
			return true;
	}
	return false;
}

bool
ruleutil_tok_in(const struct text_doc *doc, size_t tok, const char *const *set)
{
	char buf[64];

	return ruleutil_lower(doc, tok, buf, sizeof buf) > 0 && ruleutil_in(buf, set);
}

bool
ruleutil_punct(const struct text_doc *doc, size_t tok, char ch)
{
	const struct token *t;

	if (doc == NULL || tok >= doc->n_toks)
		return false;
	t = &doc->toks[tok];
	return t->kind == TOK_PUNCT && t->len == 1 && doc->text[t->off] == ch;
}

bool
ruleutil_tok_listed(const struct wordlist *l, const struct text_doc *doc, size_t tok)
{
	char buf[128];

	if (l == NULL)
		return false;
	return ruleutil_lower(doc, tok, buf, sizeof buf) > 0 && wordlist_contains(l, buf);
}

size_t
ruleutil_sentence_of(const struct text_doc *doc, size_t tok)
{
	size_t lo = 0, hi = doc->n_sents;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct sentence *s = &doc->sents[mid];

		if (tok < s->first_tok)
			hi = mid;
		else if (tok >= s->first_tok + s->n_tok)
			lo = mid + 1;
		else
			return mid;
	}
	return doc->n_sents;
}

/* Words on the line that ends with token last, counted back up to max. */
static size_t
ruleutil_line_words(const struct text_doc *doc, size_t last, size_t max)
{
	size_t k = last, n = 0;

	for (;;) {
		const char *p, *q;

		if (doc->toks[k].kind == TOK_WORD || doc->toks[k].kind == TOK_NUMBER)
			n++;
		if (n >= max || k == 0)
			return n;
		p = doc->text + doc->toks[k - 1].off + doc->toks[k - 1].len;
		q = doc->text + doc->toks[k].off;
		for (; p < q; p++) {
			if (*p == '\n')
				return n;
		}
		k--;
	}
}

/* True when token tok opens a list item rather than continuing prose: the
 * "o" Word pastes for a second-level bullet ("o Backlog down 40 percent")
 * or a lettered item ("a) ...", "b. ..."). A one-letter word that starts a
 * wrapped line of prose is neither. */
static bool
ruleutil_list_marker(const struct text_doc *doc, size_t tok)
{
	const struct token *t = &doc->toks[tok];
	const char *after = doc->text + t->off + t->len;
	bool last = t->off + t->len >= doc->len;

	if (t->kind != TOK_WORD || t->len != 1 || last)
		return false;
	if (*after == ')' || (*after == '.' && t->off + 2 < doc->len && (after[1] == ' ' || after[1] == '\t')))
		return doc->text[t->off] >= 'a' && doc->text[t->off] <= 'z';
	return doc->text[t->off] == 'o' && (*after == ' ' || *after == '\t');
}

void
ruleutil_sentence_span(const struct text_doc *doc, size_t *s, size_t *first, size_t *end)
{
	size_t i = *s;

	*first = doc->sents[i].first_tok;
	*end = *first + doc->sents[i].n_tok;
	while (i + 1 < doc->n_sents && *end > *first) {
		const struct token *last = &doc->toks[*end - 1];
		const struct sentence *next = &doc->sents[i + 1];
		const struct token *nt;
		char c = doc->text[last->off];

		if (last->kind == TOK_PUNCT && strchr(".!?:;", c) != NULL)
			break;
		if (next->n_tok == 0 || next->first_tok != *end)
			break;
		nt = &doc->toks[next->first_tok];
		/* a capital may start a wrapped line too ("the Office of\n
		 * Personnel Management"), but only after a line of prose: a
		 * short line without a period is a heading */
		if (nt->kind != TOK_WORD || ((nt->flags & TOKF_CAPITAL) &&
		    ruleutil_line_words(doc, *end - 1, 8) < 8) ||
		    ruleutil_list_marker(doc, next->first_tok))
			break;
		/* a blank line is a paragraph break, never a wrapped line */
		{
			const char *p = doc->text + last->off + last->len;
			const char *q = doc->text + nt->off;
			int nl = 0;

			for (; p < q; p++)
				nl += *p == '\n';
			if (nl > 1)
				break;
		}
		i++;
		*end = next->first_tok + next->n_tok;
	}
	*s = i + 1;
}

bool
ruleutil_function_word(const char *w)
{
	return ruleutil_in(w, ruleutil_determiners) || ruleutil_in(w, ruleutil_closed);
}

bool
ruleutil_determiner(const char *w)
{
	return ruleutil_in(w, ruleutil_determiners);
}
