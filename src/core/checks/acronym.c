/* SPDX-License-Identifier: MIT */
/*
 * acronym.c: the "acronym_undefined" and "acronym_overuse" rules. An
 * acronym (an all-capital word of two or more letters) must be spelled out
 * at its first use in each ECQ, as "Full Name (ACR)" or "ACR (Full Name)";
 * the scope that remembers what an ECQ has defined is struct acronym_scope.
 * Overuse counts the uses that are not definitions, per 1,000 words (a
 * short text counts as 150 words). Well-known abbreviations come from
 * dictionaries/acronym-exempt.txt. An undefined acronym whose full name the
 * text itself gives later, or dictionaries/acronym-expansions.txt gives,
 * carries a fix that spells it out: "OMB" becomes "Office of Management
 * and Budget (OMB)".
 */
#include "config.h"
#include "checks/acronym.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "checks/ruleutil.h"
#include "strbuf.h"
#include "xalloc.h"

#define ACRONYM_MAX 24          /* longest acronym considered, in letters */
#define ACRONYM_MIN_WORDS 150   /* overuse: shorter texts count as this long */

struct acronym_scope {
	char **slots;           /* open addressing: acronyms seen, upper case, no periods */
	size_t n, cap;          /* cap is 0 or a power of two */
};

static size_t
acronym_hash(const char *s)
{
	size_t h = 5381;

	while (*s != '\0')
		h = h * 33 + (unsigned char)*s++;
	return h;
}

/* The slot holding acr, or the empty slot where it would go. */
static char **
acronym_slot(const struct acronym_scope *scope, const char *acr)
{
	size_t i = acronym_hash(acr) & (scope->cap - 1);

	while (scope->slots[i] != NULL && strcmp(scope->slots[i], acr) != 0)
		i = (i + 1) & (scope->cap - 1);
	return &scope->slots[i];
}

struct acronym_scope *
acronym_scope_new(void)
{
	return xcalloc(1, sizeof(struct acronym_scope));
}

void
acronym_scope_reset(struct acronym_scope *scope)
{
	size_t i;

	if (scope == NULL)
		return;
	for (i = 0; i < scope->cap; i++) {
		free(scope->slots[i]);
		scope->slots[i] = NULL;
	}
	scope->n = 0;
}

void
acronym_scope_free(struct acronym_scope *scope)
{
	if (scope == NULL)
		return;
	acronym_scope_reset(scope);
	free(scope->slots);
	free(scope);
}

struct acronym_scope *
acronym_scope_copy(const struct acronym_scope *scope)
{
	struct acronym_scope *c = acronym_scope_new();
	size_t i;

	if (scope == NULL || scope->cap == 0)
		return c;
	c->cap = scope->cap;
	c->n = scope->n;
	c->slots = xcalloc(c->cap, sizeof *c->slots);
	for (i = 0; i < scope->cap; i++)
		if (scope->slots[i] != NULL)
			c->slots[i] = xstrdup(scope->slots[i]);
	return c;
}

bool
acronym_scope_seen(const struct acronym_scope *scope, const char *acr)
{
	if (scope == NULL || acr == NULL || scope->cap == 0)
		return false;
	return *acronym_slot(scope, acr) != NULL;
}

static void
acronym_scope_add(struct acronym_scope *scope, const char *acr)
{
	char **slot;

	if (acronym_scope_seen(scope, acr))
		return;
	if ((scope->n + 1) * 2 > scope->cap) {
		struct acronym_scope bigger = { 0 };
		size_t i;

		bigger.cap = scope->cap ? scope->cap * 2 : 32;
		bigger.slots = xcalloc(bigger.cap, sizeof *bigger.slots);
		for (i = 0; i < scope->cap; i++) {
			if (scope->slots[i] != NULL)
				*acronym_slot(&bigger, scope->slots[i]) = scope->slots[i];
		}
		free(scope->slots);
		scope->slots = bigger.slots;
		scope->cap = bigger.cap;
	}
	slot = acronym_slot(scope, acr);
	*slot = xstrdup(acr);
	scope->n++;
}

/* One acronym token. */
struct acronym_tok {
	char key[ACRONYM_MAX + 1];      /* letters, upper case: "MOU" for "MOUs" */
	size_t n_letters;
	size_t len;                     /* bytes of the acronym in the token */
};

/* Reads token tok as an acronym; false when it is none. The part before a
 * hyphen counts ("HR-related"); a plural or possessive s is dropped. */
static bool
acronym_read(const struct text_doc *doc, size_t tok, struct acronym_tok *a)
{
	const struct token *t = &doc->toks[tok];
	const char *s = doc->text + t->off;
	size_t i, n = t->len;

	if (t->kind != TOK_WORD || (t->flags & TOKF_DIGIT))
		return false;
	for (i = 0; i < n; i++) {
		if (s[i] == '-') {
			n = i;
			break;
		}
	}
	if (n >= 2 && s[n - 1] == 's' && s[n - 2] == '\'')
		n -= 2;
	else if (n >= 4 && (unsigned char)s[n - 1] == 's' && (unsigned char)s[n - 4] == 0xE2 &&
	    (unsigned char)s[n - 3] == 0x80 && (unsigned char)s[n - 2] == 0x99)
		n -= 4;
	else if (n >= 3 && s[n - 1] == 's')
		n--;
	a->n_letters = 0;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z') {
			if (a->n_letters >= ACRONYM_MAX)
				return false;
			a->key[a->n_letters++] = c;
		} else if (c != '.' && c != '&') {
			return false;   /* a lower-case or non-ASCII letter: a word */
		}
	}
	a->key[a->n_letters] = '\0';
	a->len = n;
	return a->n_letters >= 2;
}

/* True when the acronym is on the exemption list (as written or without
 * periods: "U.S.", "US"). */
static bool
acronym_exempt(const struct wordlist *exempt, const struct text_doc *doc, size_t tok,
    const struct acronym_tok *a)
{
	char low[ACRONYM_MAX * 2 + 2];
	const char *s = doc->text + doc->toks[tok].off;
	size_t i, o = 0;

	if (exempt == NULL)
		return false;
	for (i = 0; i < a->len && o + 1 < sizeof low; i++)
		low[o++] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	low[o] = '\0';
	if (wordlist_contains(exempt, low))
		return true;
	for (i = 0; i < a->n_letters; i++)
		low[i] = (char)(a->key[i] + 32);
	low[a->n_letters] = '\0';
	return wordlist_contains(exempt, low);
}

/* Words that, written in capitals, show a shouted sentence or heading
 * rather than an acronym ("WE DELIVERED THE PLAN"). */
static const char *const acronym_shout_words[] = {
	"the", "and", "of", "to", "for", "with", "we", "our", "my", "was",
	"were", "is", "are", "this", "that", "will", "all", "not", "from", "on",
	"by", "be", "have", "has", "a", "an", "they", "their", "you", "your", NULL
};

/* True when the sentence is shouted: two or more capitalised common words. */
static bool
acronym_shouted(const struct text_doc *doc, size_t s)
{
	size_t first = doc->sents[s].first_tok, end = first + doc->sents[s].n_tok, i;
	size_t shout = 0;

	for (i = first; i < end; i++) {
		const struct token *t = &doc->toks[i];

		if (t->kind != TOK_WORD || !(t->flags & TOKF_CAPITAL))
			continue;
		if ((t->flags & TOKF_ALLCAPS || (t->len == 1)) &&
		    ruleutil_tok_in(doc, i, acronym_shout_words) &&
		    (t->len == 1 || (doc->text[t->off + 1] >= 'A' && doc->text[t->off + 1] <= 'Z')))
			shout++;
	}
	return shout >= 2;
}

/* True when token tok is a common word in capitals for emphasis ("I did
 * NOT sign"): the words that make a line shouted are never acronyms. */
static bool
acronym_emphasis(const struct text_doc *doc, size_t tok)
{
	return (doc->toks[tok].flags & TOKF_ALLCAPS) && ruleutil_tok_in(doc, tok, acronym_shout_words);
}

/* True when token tok is a part label in capitals ("SITUATION:", "RESULT -"):
 * first on its line (after any bullet), followed by a colon or a dash, and
 * one of the labels drafts use (dictionaries/import-labels.txt). */
static bool
acronym_label(const struct rule_env *env, size_t tok)
{
	const struct text_doc *doc = env->doc;
	const char *p = doc->text + doc->toks[tok].off, *next;

	if (tok + 1 >= doc->n_toks || doc->toks[tok + 1].kind != TOK_PUNCT)
		return false;
	next = doc->text + doc->toks[tok + 1].off;
	if (*next != ':' && *next != '-' && strncmp(next, "\xe2\x80\x93", 3) != 0 &&
	    strncmp(next, "\xe2\x80\x94", 3) != 0)
		return false;
	/* nothing but spaces and bullets before it on its line */
	while (p > doc->text && p[-1] != '\n') {
		p--;
		if (isalnum((unsigned char)*p))
			return false;
	}
	return ruleutil_tok_listed(wordlists_get(env->lists, "import-labels"), doc, tok);
}

/* True when the sentence is a heading ("ECQ 1: Leading Change", "Results
 * Driven (OPM framework)"): eight words or fewer on a line of its own, with
 * no closing period. */
static bool
acronym_heading(const struct text_doc *doc, size_t s)
{
	const struct sentence *se = &doc->sents[s];
	const struct token *last;
	const char *after;

	if (se->n_tok == 0 || se->n_words > 8)
		return false;
	last = &doc->toks[se->first_tok + se->n_tok - 1];
	if (last->kind == TOK_PUNCT && strchr(".!?;,", doc->text[last->off]) != NULL)
		return false;
	/* it must end its line */
	for (after = doc->text + last->off + last->len; after < doc->text + doc->len; after++) {
		if (*after == '\n')
			return true;
		if (*after != ' ' && *after != '\t' && *after != '\r')
			return false;
	}
	return s + 1 < doc->n_sents || s > 0;
}

/* Backtracking match of letters L[li..] against the letters of words
 * w[wi..nw) from character ci of word wi. Counts letters matched at an
 * initial in *initials (best found). */
static bool
acronym_match(const char *L, size_t li, char words[][32], size_t nw, size_t wi, size_t ci,
    size_t initials, size_t *best, size_t *budget)
{
	size_t w, c;

	/* a bounded search: hostile text must not make it exponential */
	if (*budget == 0)
		return false;
	(*budget)--;
	if (L[li] == '\0') {
		if (initials > *best)
			*best = initials;
		return true;
	}
	for (w = wi; w < nw; w++) {
		for (c = w == wi ? ci : 0; words[w][c] != '\0'; c++) {
			if (words[w][c] != L[li])
				continue;
			/* a letter inside a word only continues that word's run */
			if (c > 0 && w != wi)
				continue;
			if (acronym_match(L, li + 1, words, nw, w, c + 1, initials + (c == 0), best,
			    budget) &&
			    *best * 2 >= strlen(L))
				return true;
		}
	}
	return false;
}

/* The lower-case letter runs of word tokens [from, to) into words (at
 * most 16); returns how many. */
static size_t
acronym_words(const struct text_doc *doc, size_t from, size_t to, char words[16][32])
{
	size_t nw = 0, i;

	for (i = from; i < to && nw < 16; i++) {
		char buf[64], *p, *o;

		if (ruleutil_lower(doc, i, buf, sizeof buf) == 0)
			continue;
		/* letters only; any other character splits ("U.S.", "Cyber-Security"),
		 * except a possessive ending, which is dropped */
		for (p = buf; *p != '\0' && nw < 16; ) {
			o = words[nw];
			while (*p != '\0' && !(*p >= 'a' && *p <= 'z'))
				p++;
			if (p > buf && p[-1] == '\'' && *p == 's' && p[1] == '\0')
				break;
			while (*p >= 'a' && *p <= 'z' && o - words[nw] < 31)
				*o++ = *p++;
			while (*p >= 'a' && *p <= 'z')
				p++;
			*o = '\0';
			if (o > words[nw])
				nw++;
		}
	}
	return nw;
}

/* How the name must sit in the tokens given to acronym_spelled. */
enum acronym_anchor {
	ACRONYM_NEAR_START,     /* it starts in the first three words */
	ACRONYM_AT_END,         /* it ends at the last word (before "(ACR)") */
	ACRONYM_EXACT           /* it starts at the first word and ends at the last */
};

/* True when the word tokens [from, to) spell out the acronym loosely: its
 * first letter is the initial of one of the first words tried, its other
 * letters follow in order, at least half of them at word initials. */
static bool
acronym_spelled(const struct text_doc *doc, size_t from, size_t to,
    const struct acronym_tok *a, enum acronym_anchor anchor)
{
	char words[16][32], L[ACRONYM_MAX + 1];
	size_t nw, i, k, max_words = a->n_letters * 2 + 3;

	for (i = 0; i < a->n_letters; i++)
		L[i] = (char)(a->key[i] + 32);
	L[a->n_letters] = '\0';
	nw = acronym_words(doc, from, to, words);
	if (nw == 0)
		return false;
	if (anchor == ACRONYM_EXACT) {
		size_t best = 0, budget = 4096;

		return words[0][0] == L[0] &&
		    acronym_match(L, 1, words, nw, 0, 1, 1, &best, &budget);
	}
	if (anchor == ACRONYM_AT_END) {
		size_t lo = nw > max_words ? nw - max_words : 0;

		for (k = nw; k-- > lo; ) {
			size_t best = 0, budget = 4096;

			if (words[k][0] == L[0] &&
			    acronym_match(L, 1, words + k, nw - k, 0, 1, 1, &best, &budget))
				return true;
		}
		return false;
	}
	for (k = 0; k < nw && k < 3; k++) {
		size_t best = 0, budget = 4096;

		if (words[k][0] == L[0] &&
		    acronym_match(L, 1, words + k, nw - k, 0, 1, 1, &best, &budget))
			return true;
	}
	return false;
}

/* True when the acronym at tok is defined right here. */
static bool
acronym_defined_at(const struct text_doc *doc, size_t tok, size_t first, size_t end,
    const struct acronym_tok *a)
{
	size_t k, lo;

	/* Full Name (ACR) */
	if (tok >= first + 2 && ruleutil_punct(doc, tok - 1, '(') &&
	    tok + 1 < end && (ruleutil_punct(doc, tok + 1, ')') || ruleutil_punct(doc, tok + 1, ';') ||
	    ruleutil_punct(doc, tok + 1, ','))) {
		size_t to = tok - 1;

		lo = to > first + a->n_letters * 2 + 4 ? to - a->n_letters * 2 - 4 : first;
		for (k = to; k > lo; k--) {
			if (doc->toks[k - 1].kind == TOK_PUNCT && !ruleutil_punct(doc, k - 1, '-') &&
			    !ruleutil_punct(doc, k - 1, ',') && !ruleutil_punct(doc, k - 1, '&'))
				break;
		}
		if (acronym_spelled(doc, k, to, a, ACRONYM_AT_END))
			return true;
	}
	/* ACR (Full Name) */
	if (tok + 2 < end && ruleutil_punct(doc, tok + 1, '(')) {
		for (k = tok + 2; k < end && k < tok + 2 + 16; k++) {
			if (ruleutil_punct(doc, k, ')'))
				break;
		}
		if (k < end && ruleutil_punct(doc, k, ')') && acronym_spelled(doc, tok + 2, k, a, ACRONYM_NEAR_START))
			return true;
	}
	return false;
}

/* The full name a definition at tok gives ("Full Name (ACR)" or "ACR
 * (Full Name)"), as bytes [*off, *off + *len) of the text; false when it
 * cannot be told where the name starts. */
static bool
acronym_definition(const struct text_doc *doc, size_t tok, size_t first, size_t end,
    const struct acronym_tok *a, size_t *off, size_t *len)
{
	size_t k, j, lo, to, pick = (size_t)-1;

	if (tok >= first + 2 && ruleutil_punct(doc, tok - 1, '(')) {
		to = tok - 1;
		lo = to > first + a->n_letters * 2 + 4 ? to - a->n_letters * 2 - 4 : first;
		for (k = to; k > lo; k--) {
			if (doc->toks[k - 1].kind == TOK_PUNCT && !ruleutil_punct(doc, k - 1, '-') &&
			    !ruleutil_punct(doc, k - 1, ',') && !ruleutil_punct(doc, k - 1, '&'))
				break;
		}
		/* The first capitalised word the name can start at ("the Office
		 * of Management and Budget"), else the first word it can. */
		for (j = k; j < to; j++) {
			if (doc->toks[j].kind != TOK_WORD || !acronym_spelled(doc, j, to, a, ACRONYM_EXACT))
				continue;
			if (pick == (size_t)-1)
				pick = j;
			if (doc->toks[j].flags & TOKF_CAPITAL) {
				pick = j;
				break;
			}
		}
		if (pick != (size_t)-1) {
			*off = doc->toks[pick].off;
			*len = doc->toks[to - 1].off + doc->toks[to - 1].len - *off;
			return true;
		}
	}
	if (tok + 2 < end && ruleutil_punct(doc, tok + 1, '(')) {
		for (k = tok + 2; k < end && k < tok + 2 + 16; k++) {
			if (ruleutil_punct(doc, k, ')'))
				break;
		}
		if (k < end && k > tok + 2 && ruleutil_punct(doc, k, ')') &&
		    acronym_spelled(doc, tok + 2, k, a, ACRONYM_NEAR_START)) {
			*off = doc->toks[tok + 2].off;
			*len = doc->toks[k - 1].off + doc->toks[k - 1].len - *off;
			return true;
		}
	}
	return false;
}

/* A full name the text gives for an acronym. */
struct acronym_name {
	char key[ACRONYM_MAX + 1];
	size_t off, len;
};

/* Every definition in the text with the span of its full name; *n gets
 * how many. The caller frees the array. */
static struct acronym_name *
acronym_names(const struct text_doc *doc, const struct wordlist *exempt, size_t *n)
{
	struct acronym_name *names = NULL;
	size_t s, cap = 0;

	*n = 0;
	for (s = 0; s < doc->n_sents; ) {
		size_t first, end, i;

		ruleutil_sentence_span(doc, &s, &first, &end);
		for (i = first; i < end; i++) {
			struct acronym_tok a;
			size_t off, len;

			if (!acronym_read(doc, i, &a) || acronym_exempt(exempt, doc, i, &a) ||
			    !acronym_definition(doc, i, first, end, &a, &off, &len))
				continue;
			if (*n == cap) {
				cap = cap ? cap * 2 : 8;
				names = xreallocarray(names, cap, sizeof *names);
			}
			memcpy(names[*n].key, a.key, a.n_letters + 1);
			names[*n].off = off;
			names[*n].len = len;
			(*n)++;
		}
	}
	return names;
}

/* The fix for an undefined acronym at tok: its full name, from the text's
 * own later definition or dictionaries/acronym-expansions.txt, before it
 * in parentheses. NULL when there is none or the change is not safe: a
 * plural, possessive or hyphenated form ("MOUs", "HR-related"), after "a"
 * or "an" (the article may no longer fit) or inside parentheses. The
 * caller frees the result. */
static char *
acronym_fix(const struct text_doc *doc, size_t tok, const struct acronym_tok *a,
    const struct acronym_name *names, size_t n_names, const struct wordlist *expansions)
{
	const struct token *t = &doc->toks[tok];
	const char *name = NULL, *repl = NULL;
	size_t name_len = 0, i;
	struct strbuf b = { 0 };
	bool space = false;

	if (a->len != t->len)
		return NULL;
	if (tok > 0 && (ruleutil_punct(doc, tok - 1, '(') || ruleutil_is(doc, tok - 1, "a") ||
	    ruleutil_is(doc, tok - 1, "an")))
		return NULL;
	for (i = 0; i < n_names; i++) {
		if (strcmp(names[i].key, a->key) == 0 && names[i].off > t->off) {
			name = doc->text + names[i].off;
			name_len = names[i].len;
			break;
		}
	}
	if (name == NULL && expansions != NULL && wordlist_match(expansions, doc, tok, &repl) == 1 &&
	    repl != NULL) {
		name = repl;
		name_len = strlen(repl);
	}
	if (name == NULL || name_len == 0)
		return NULL;
	/* one space for each run of blanks or line ends in the name */
	for (i = 0; i < name_len; i++) {
		char c = name[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = true;
			continue;
		}
		if (space)
			strbuf_add(&b, " ", 1);
		space = false;
		strbuf_add(&b, &name[i], 1);
	}
	strbuf_add(&b, " (", 2);
	strbuf_add(&b, doc->text + t->off, t->len);
	strbuf_add(&b, ")", 1);
	return b.s;
}

void
rule_acronym(const struct rule_env *env, struct findings *out)
{
	const struct text_doc *doc;
	const struct wordlist *exempt, *expansions;
	struct acronym_scope *scope, *own = NULL;
	struct acronym_name *names = NULL;
	size_t n_names = 0;
	bool undefined, overuse;
	size_t s, count = 0, reported = 0, limit_count;
	double per_1000;

	if (env == NULL || env->doc == NULL)
		return;
	doc = env->doc;
	undefined = rule_enabled(env, "acronym_undefined");
	overuse = rule_enabled(env, "acronym_overuse");
	if (!undefined && !overuse)
		return;
	exempt = wordlists_get(env->lists, "acronym-exempt");
	expansions = wordlists_get(env->lists, "acronym-expansions");
	if (undefined)
		names = acronym_names(doc, exempt, &n_names);
	scope = env->acronyms;
	if (scope == NULL)
		scope = own = acronym_scope_new();
	per_1000 = framework_rule(env->fw, "acronym_overuse_per_1000_words", 15);
	/* reported when the count passes this many for the text's length */
	limit_count = (size_t)(per_1000 * (double)(doc->n_words > ACRONYM_MIN_WORDS ?
	    doc->n_words : ACRONYM_MIN_WORDS) / 1000.0);
	for (s = 0; s < doc->n_sents; ) {
		size_t first, end, i, s0 = s;

		ruleutil_sentence_span(doc, &s, &first, &end);
		/* a heading or shouted line is judged as the segmenter cut it */
		if (s == s0 + 1 && (acronym_shouted(doc, s0) || acronym_heading(doc, s0)))
			continue;
		for (i = first; i < end; i++) {
			struct acronym_tok a;
			const struct token *t = &doc->toks[i];

			bool defined;

			if (!acronym_read(doc, i, &a) || acronym_exempt(exempt, doc, i, &a) ||
			    acronym_emphasis(doc, i) || acronym_label(env, i))
				continue;
			defined = acronym_defined_at(doc, i, first, end, &a);
			/* the use that spells an acronym out is no burden on the reader */
			if (!defined && ++count == limit_count + 1 && overuse && reported++ == 0)
				rule_emit(env, out, "acronym_overuse", SEV_INFO, t->off, t->len,
				    "Spell out terms used once or twice; keep only the acronyms the reader needs",
				    "Too many acronyms: more than %g per 1,000 words", per_1000);
			if (acronym_scope_seen(scope, a.key))
				continue;
			acronym_scope_add(scope, a.key);
			if (undefined && !defined) {
				size_t at = out->n;
				char *fix = acronym_fix(doc, i, &a, names, n_names, expansions);

				rule_emit(env, out, "acronym_undefined", SEV_WARNING, t->off, a.len,
				    "Spell it out at first use: 'Full Name (ACR)'",
				    "Acronym '%.*s' is not spelled out at its first use in this ECQ",
				    (int)a.len, doc->text + t->off);
				rule_fix(out, at, t->off, t->len, fix);
				free(fix);
			}
		}
	}
	free(names);
	acronym_scope_free(own);
}
