/* SPDX-License-Identifier: MIT */
/*
 * text.c: segmentation of UTF-8 prose into tokens, sentences and paragraphs
 * (byte offsets, libunistring for decoding and character classes). The
 * abbreviations that do not end a sentence are data, read once from
 * dictionaries/abbreviations.txt. Never fails on bad input.
 */
#include "config.h"
#include "text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "bounded.h"
#include "hash.h"
#include "paths.h"
#include "xalloc.h"

#define TEXT_NONE ((size_t)-1)

/* ---- decoding ------------------------------------------------------------ */

/* Decodes one character at s[0..n) into *uc and returns its length in bytes
 * (at least 1). An invalid or truncated sequence sets *uc to TEXT_BAD. */
#define TEXT_BAD ((ucs4_t)0xFFFFFFFF)

static size_t
text_decode(const uint8_t *s, size_t n, ucs4_t *uc)
{
	int k;

	if (s[0] < 0x80) {
		*uc = s[0];
		return 1;
	}
	k = u8_mbtouc(uc, s, n);
	if (k < 1)
		k = 1;
	/* u8_mbtouc maps bad bytes to U+FFFD; a real U+FFFD is EF BF BD. */
	if (*uc == 0xFFFD && !(k == 3 && s[0] == 0xEF && s[1] == 0xBF && s[2] == 0xBD))
		*uc = TEXT_BAD;
	return (size_t)k;
}

/* ---- character classes --------------------------------------------------- */

static bool
text_is_newline(const uint8_t *s, size_t n, size_t i, ucs4_t c)
{
	if (c == '\n' || c == 0x2028 || c == 0x2029 || c == 0x0B || c == 0x0C)
		return true;
	return c == '\r' && !(i + 1 < n && s[i + 1] == '\n');
}

static bool
text_is_space(ucs4_t c)
{
	if (c < 0x80)
		return c <= 0x20 || c == 0x7F;     /* NUL and all controls count as space */
	if (c == TEXT_BAD)
		return false;
	return uc_is_general_category(c, UC_SEPARATOR) ||
	    uc_is_general_category(c, UC_CONTROL) ||
	    (uc_is_general_category(c, UC_FORMAT) && c != 0x200D);
}

static bool
text_is_letter(ucs4_t c)
{
	if (c < 0x80)
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	if (c == TEXT_BAD)
		return false;
	return uc_is_property_alphabetic(c) || uc_is_general_category(c, UC_MARK) ||
	    uc_is_property_decimal_digit(c) || c == 0x200D;
}

static bool
text_is_digit(ucs4_t c)
{
	return c >= '0' && c <= '9';
}

static bool
text_is_upper(ucs4_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	return c != TEXT_BAD && (uc_is_upper(c) || uc_is_general_category(c, UC_TITLECASE_LETTER));
}

static bool
text_is_lower(ucs4_t c)
{
	if (c < 0x80)
		return c >= 'a' && c <= 'z';
	return c != TEXT_BAD && uc_is_lower(c);
}

static bool
text_is_apostrophe(ucs4_t c)
{
	return c == '\'' || c == 0x2019;
}

static bool
text_is_hyphen(ucs4_t c)
{
	return c == '-' || c == 0x2010 || c == 0x2011;
}

/* Characters that may follow a sentence's final punctuation. */
static bool
text_is_closer(ucs4_t c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' ||
	    c == 0x2019 || c == 0x201D || c == 0x00BB || c == '*' || c == '_';
}

/* ---- abbreviations (dictionaries/abbreviations.txt) ---------------------- */

struct text_abbrev {
	char *lower;            /* lower-case, with its final period */
	bool cap_only;          /* written with a capital: matches capitalised words only */
	bool may_end;           /* "=> end" */
};

/*
 * One table for the process, on purpose, although the style guide asks for
 * contexts over globals: text_analyze() is the segmenter every rule, the
 * word counts and the coach's view-models call (some twenty places), and
 * none of them has a checker or a word-list set to hand; threading one
 * through would change every caller for no gain. The table is safe to share
 * because it is shipped data, the same for every project (no project or user
 * words go in), loaded once on first use and never written after; two
 * projects open side by side read the same list. It is never freed (it stays
 * reachable, so LSan is quiet). The program is single-threaded; a threaded
 * caller would have to make the first load happen once (pthread_once).
 */
static struct text_abbrev *text_abbrevs;
static size_t text_n_abbrevs;
static bool text_abbrevs_loaded;

static int
text_abbrev_cmp(const void *a, const void *b)
{
	return strcmp(((const struct text_abbrev *)a)->lower, ((const struct text_abbrev *)b)->lower);
}

static void
text_load_abbrevs(void)
{
	char *path, line[256];
	size_t used = 0;
	FILE *f;

	text_abbrevs_loaded = true;
	path = paths_data_file("dictionaries/abbreviations.txt");
	f = fopen(path, "r");
	free(path);
	if (f == NULL)
		return;         /* the generic rules (initials, inner periods) still apply */
	/* This list has no way to report an error: past the word-list limit it
	 * is read no further (the generic rules still apply). */
	while (used < BOUNDED_WORDLIST_MAX && fgets(line, sizeof line, f) != NULL) {
		char *s = line, *e, *arrow;
		struct text_abbrev a;

		used += strlen(line) + 1;

		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '#' || *s == '\0' || *s == '\n')
			continue;
		arrow = strstr(s, "=>");
		a.may_end = arrow != NULL && strstr(arrow, "end") != NULL;
		if (arrow != NULL)
			*arrow = '\0';
		e = s + strlen(s);
		while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
			e--;
		*e = '\0';
		if (e == s || u8_check((const uint8_t *)s, (size_t)(e - s)) != NULL)
			continue;
		a.cap_only = *s >= 'A' && *s <= 'Z';
		a.lower = text_tok_lower(&(struct text_doc){ .text = s, .len = (size_t)(e - s),
		    .toks = &(struct token){ .off = 0, .len = (size_t)(e - s) }, .n_toks = 1 }, 0);
		text_abbrevs = xreallocarray(text_abbrevs, text_n_abbrevs + 1, sizeof *text_abbrevs);
		text_abbrevs[text_n_abbrevs++] = a;
	}
	fclose(f);
	qsort(text_abbrevs, text_n_abbrevs, sizeof *text_abbrevs, text_abbrev_cmp);
}

/* The listed abbreviation spelled by text[off..off+len) (with its final
 * period), or NULL. */
static const struct text_abbrev *
text_find_abbrev(const char *text, size_t off, size_t len)
{
	char buf[32];
	struct text_abbrev key, *hit;
	size_t i;

	if (!text_abbrevs_loaded)
		text_load_abbrevs();
	if (len >= sizeof buf || text_n_abbrevs == 0)
		return NULL;
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)text[off + i];

		if (ch >= 0x80)
			return NULL;    /* every listed abbreviation is ASCII */
		buf[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
	}
	buf[len] = '\0';
	key.lower = buf;
	hit = bsearch(&key, text_abbrevs, text_n_abbrevs, sizeof *text_abbrevs, text_abbrev_cmp);
	if (hit != NULL && hit->cap_only && !(text[off] >= 'A' && text[off] <= 'Z'))
		return NULL;
	return hit;
}

/* ---- tokenizer ----------------------------------------------------------- */

struct text_lexer {
	const uint8_t *s;
	size_t n;
	size_t i;
	size_t no_email_until;  /* a failed e-mail scan covered bytes up to here */
	bool newline;           /* a line break was skipped before the current token */
};

static ucs4_t
text_peek(const struct text_lexer *lx, size_t i, size_t *k)
{
	ucs4_t c;
	size_t len;

	if (i >= lx->n) {
		if (k != NULL)
			*k = 0;
		return 0;
	}
	len = text_decode(lx->s + i, lx->n - i, &c);
	if (k != NULL)
		*k = len;
	return c;
}

static bool
text_has_prefix_ci(const uint8_t *s, size_t n, const char *p)
{
	size_t i;

	for (i = 0; p[i] != '\0'; i++) {
		uint8_t ch;

		if (i >= n)
			return false;
		ch = s[i];
		if (ch >= 'A' && ch <= 'Z')
			ch += 32;
		if (ch != (uint8_t)p[i])
			return false;
	}
	return true;
}

static bool
text_is_trailing_punct(uint8_t ch)
{
	return ch == '.' || ch == ',' || ch == ';' || ch == ':' || ch == '!' || ch == '?' ||
	    ch == ')' || ch == ']' || ch == '}' || ch == '\'' || ch == '"' || ch == '>';
}

/* A URL starting at lx->i: its length, or 0. */
static size_t
text_scan_url(const struct text_lexer *lx)
{
	const uint8_t *s = lx->s + lx->i;
	size_t n = lx->n - lx->i, j;

	if (!(text_has_prefix_ci(s, n, "http://") || text_has_prefix_ci(s, n, "https://") ||
	    text_has_prefix_ci(s, n, "ftp://") || text_has_prefix_ci(s, n, "www.")))
		return 0;
	for (j = 0; j < n; j++) {
		uint8_t ch = s[j];

		if (ch <= 0x20 || ch == 0x7F || ch == '<' || ch == '>' || ch == '"')
			break;
	}
	while (j > 0 && text_is_trailing_punct(s[j - 1]))
		j--;
	/* "www." alone or "http://" alone is not an address. */
	return j > 4 && !(s[j - 1] == '/' && s[j - 2] == '/' && j <= 8) ? j : 0;
}

static bool
text_is_email_local(uint8_t ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	    ch == '.' || ch == '_' || ch == '%' || ch == '+' || ch == '-';
}

/* True when s[0..n) is a top-level domain we recognise in bare addresses
 * ("usajobs.gov"): without the list, "end.Next" would be an address. */
static bool
text_is_tld(const uint8_t *s, size_t n)
{
	static const char *const tlds[] = { "gov", "mil", "com", "org", "edu", "net", "int", "us", "io" };
	size_t i;

	for (i = 0; i < sizeof tlds / sizeof tlds[0]; i++) {
		if (strlen(tlds[i]) == n && memcmp(s, tlds[i], n) == 0)
			return true;
	}
	return false;
}

/* An e-mail address or a bare domain ("www"-less, "usajobs.gov/path")
 * starting at lx->i: its length and *kind, or 0. */
static size_t
text_scan_email(struct text_lexer *lx, enum tok_kind *kind)
{
	const uint8_t *s = lx->s;
	size_t j = lx->i, at, dot = 0, end;
	bool plain = true;

	if (j < lx->no_email_until)
		return 0;
	while (j < lx->n && text_is_email_local(s[j])) {
		if (s[j] == '.')
			dot = j;
		else if (s[j] == '_' || s[j] == '%' || s[j] == '+')
			plain = false;
		j++;
	}
	if (j < lx->n && s[j] == '@' && j > lx->i) {
		at = j++;
		dot = 0;
		while (j < lx->n && (text_is_email_local(s[j]) && s[j] != '_' && s[j] != '%' && s[j] != '+')) {
			if (s[j] == '.')
				dot = j;
			j++;
		}
		while (j > at + 1 && (s[j - 1] == '.' || s[j - 1] == '-'))
			j--;
		for (dot = j; dot > at && s[dot - 1] != '.'; dot--)
			;
		dot = dot > at ? dot - 1 : 0;   /* the last dot of the domain */
		if (dot > at + 1 && dot < j - 1) {
			*kind = TOK_EMAIL;
			return j - lx->i;
		}
		lx->no_email_until = at + 1;
		return 0;
	}
	/* A bare domain: labels of letters, digits and hyphens, a known TLD. */
	end = j;
	while (end > lx->i && s[end - 1] == '.')
		end--;
	if (plain && dot > lx->i && dot < end && end - lx->i > 4) {
		size_t d = end;

		while (d > lx->i && s[d - 1] != '.')
			d--;
		if (text_is_tld(s + d, end - d) && !(j < lx->n && (s[j] >= 0x80 || s[j] == '\'')) &&
		    s[d - 2] != '.') {
			if (end == j && j < lx->n && s[j] == '/') {
				while (j < lx->n && s[j] > 0x20 && s[j] != 0x7F && s[j] != '<' && s[j] != '>' && s[j] != '"')
					j++;
				while (j > end && text_is_trailing_punct(s[j - 1]))
					j--;
				end = j;
			}
			*kind = TOK_URL;
			return end - lx->i;
		}
	}
	lx->no_email_until = j;
	return 0;
}

/* A number starting at lx->i: 12, 1,200, 3.5, 45%, $2.4M, $10K. Returns its
 * length or 0; *wordlike is set when letters follow that make it a word
 * ("1990s", "3rd"). */
static size_t
text_scan_number(const struct text_lexer *lx, bool *wordlike)
{
	const uint8_t *s = lx->s;
	size_t j = lx->i, k, end;
	ucs4_t c = text_peek(lx, j, &k);

	*wordlike = false;
	if (c == '$' || c == 0x20AC || c == 0x00A3) {
		if (!(j + k < lx->n && text_is_digit(s[j + k])))
			return 0;
		j += k;
	} else if (!text_is_digit(c)) {
		return 0;
	}
	while (j < lx->n && text_is_digit(s[j]))
		j++;
	while (j + 1 < lx->n && (s[j] == ',' || s[j] == '.') && text_is_digit(s[j + 1])) {
		j++;
		while (j < lx->n && text_is_digit(s[j]))
			j++;
	}
	if (j < lx->n && s[j] == '%')
		return j + 1 - lx->i;
	/* A magnitude suffix, else letters turn it into a word. */
	end = j;
	while (end < lx->n && ((s[end] | 0x20) >= 'a' && (s[end] | 0x20) <= 'z'))
		end++;
	if (end > j) {
		size_t m = end - j;
		ucs4_t after = text_peek(lx, end, NULL);

		if (!text_is_letter(after) && !text_is_digit(after) &&
		    ((m == 1 && strchr("KMBkmbx", s[j]) != NULL) ||
		    (m == 2 && (s[j] | 0x20) == 'b' && (s[j + 1] | 0x20) == 'n')))
			return end - lx->i;
		*wordlike = true;
		return 0;
	}
	if (text_is_letter(text_peek(lx, j, NULL)))
		*wordlike = true;
	return j - lx->i;
}

/* Length in letters of the run of letters starting at byte i. */
static size_t
text_letter_run(const struct text_lexer *lx, size_t i, size_t *end)
{
	size_t count = 0, k;
	ucs4_t c;

	while (i < lx->n && count < 8) {
		c = text_peek(lx, i, &k);
		if (!text_is_letter(c) || text_is_digit(c))
			break;
		count++;
		i += k;
	}
	if (end != NULL)
		*end = i;
	return count;
}

/* A word starting at lx->i; sets flags. */
static size_t
text_scan_word(const struct text_lexer *lx, unsigned *flags)
{
	size_t j = lx->i, k, seg = 0, n_letters = 0, n_upper = 0, n_lower = 0;
	size_t lower_tail = 0;  /* lower-case letters after the last capital */
	bool first = true, dotted = false;
	ucs4_t c;

	*flags = 0;
	for (;;) {
		c = text_peek(lx, j, &k);
		if (k == 0)
			break;
		if (text_is_letter(c) || text_is_digit(c)) {
			if (text_is_digit(c)) {
				*flags |= TOKF_DIGIT;
			} else {
				n_letters++;
				if (text_is_upper(c)) {
					n_upper++;
					lower_tail = 0;
					if (first)
						*flags |= TOKF_CAPITAL;
				} else if (text_is_lower(c)) {
					n_lower++;
					lower_tail++;
				}
				first = false;
			}
			seg++;
			j += k;
			continue;
		}
		/* Inner connectors join only when a letter or digit follows. */
		{
			size_t k2;
			ucs4_t next = text_peek(lx, j + k, &k2);
			bool next_alnum = k2 > 0 && (text_is_letter(next) || text_is_digit(next));

			if (text_is_apostrophe(c) && k2 > 0 && text_is_letter(next) && !text_is_digit(next)) {
				j += k;
				seg = 0;
				continue;
			}
			if (text_is_hyphen(c) && next_alnum) {
				j += k;
				seg = 0;
				continue;
			}
			if (c == '&' && n_upper > 0 && n_lower == 0 && text_is_upper(next)) {
				j += k;
				seg = 0;
				continue;
			}
			if (c == '.' && seg > 0 && seg <= 2 && !(*flags & TOKF_DIGIT) &&
			    text_is_letter(next) && !text_is_digit(next)) {
				size_t after, run = text_letter_run(lx, j + k, &after);
				ucs4_t tail = text_peek(lx, after, NULL);

				if (run <= 2 && !(text_is_letter(tail) || text_is_digit(tail))) {
					dotted = true;
					j += k;
					seg = 0;
					continue;
				}
			}
			if (c == '.' && dotted) {
				j += k;     /* the final period of U.S. belongs to it */
				break;
			}
		}
		break;
	}
	if (n_upper >= 2 && (n_lower == 0 || (n_lower == 1 && lower_tail == 1 &&
	    j > lx->i && (lx->s[j - 1] == 's'))))
		*flags |= TOKF_ALLCAPS;
	(void)n_letters;
	return j - lx->i;
}

/* Skips spaces; records line breaks in lx->newline. */
static void
text_skip_space(struct text_lexer *lx)
{
	size_t k;
	ucs4_t c;

	while (lx->i < lx->n) {
		if (lx->s[lx->i] == ' ' || lx->s[lx->i] == '\t') {
			lx->i++;
			continue;
		}
		c = text_peek(lx, lx->i, &k);
		if (text_is_newline(lx->s, lx->n, lx->i, c))
			lx->newline = true;
		else if (!text_is_space(c))
			return;
		lx->i += k;
	}
}

/* The next token, or false at the end. */
static bool
text_next(struct text_lexer *lx, struct token *t)
{
	size_t k, len;
	ucs4_t c;
	bool wordlike = false;
	enum tok_kind kind;

	text_skip_space(lx);
	if (lx->i >= lx->n)
		return false;
	t->off = lx->i;
	t->flags = 0;
	c = text_peek(lx, lx->i, &k);
	if (c == TEXT_BAD) {
		size_t j = lx->i + k;

		while (j < lx->n) {
			ucs4_t d;
			size_t k2 = text_decode(lx->s + j, lx->n - j, &d);

			if (d != TEXT_BAD)
				break;
			j += k2;
		}
		t->kind = TOK_INVALID;
		t->len = j - lx->i;
	} else if ((c == 'h' || c == 'H' || c == 'w' || c == 'W' || c == 'f' || c == 'F') &&
	    (len = text_scan_url(lx)) > 0) {
		t->kind = TOK_URL;
		t->len = len;
	} else if (c < 0x80 && text_is_email_local((uint8_t)c) && c != '.' && c != '-' &&
	    (len = text_scan_email(lx, &kind)) > 0) {
		t->kind = kind;
		t->len = len;
	} else if ((len = text_scan_number(lx, &wordlike)) > 0) {
		t->kind = TOK_NUMBER;
		t->len = len;
		t->flags = TOKF_DIGIT;
	} else if (text_is_letter(c) || (wordlike && text_is_digit(c))) {
		t->kind = TOK_WORD;
		t->len = text_scan_word(lx, &t->flags);
	} else {
		t->kind = TOK_PUNCT;
		t->len = k;
	}
	lx->i += t->len;
	return true;
}

/* ---- sentences and paragraphs -------------------------------------------- */

static ucs4_t
text_tok_first_char(const struct text_doc *doc, size_t tok)
{
	ucs4_t c;

	if (tok >= doc->n_toks)
		return 0;
	text_decode((const uint8_t *)doc->text + doc->toks[tok].off,
	    doc->len - doc->toks[tok].off, &c);
	return c;
}

static bool
text_tok_is(const struct text_doc *doc, size_t tok, char ch)
{
	return tok < doc->n_toks && doc->toks[tok].kind == TOK_PUNCT &&
	    doc->toks[tok].len == 1 && doc->text[doc->toks[tok].off] == ch;
}

/* True when the next word after token tok starts with a capital letter or a
 * digit cannot tell: used for abbreviations that may close a sentence. */
static bool
text_next_word_capital(const struct text_doc *doc, size_t tok)
{
	size_t t;

	for (t = tok + 1; t < doc->n_toks; t++) {
		if (doc->toks[t].kind == TOK_WORD)
			return (doc->toks[t].flags & TOKF_CAPITAL) != 0;
		if (doc->toks[t].kind != TOK_PUNCT)
			return false;
		if (!text_is_closer(text_tok_first_char(doc, t)) &&
		    text_tok_first_char(doc, t) != '(' && text_tok_first_char(doc, t) != 0x201C)
			return false;
	}
	return false;
}

/* Decides whether the sentence ends after token t (which is not the last of
 * its line); returns the index of the last token of the sentence or
 * TEXT_NONE. Closing quotes and brackets after the terminator belong to it. */
static size_t
text_sentence_end(const struct text_doc *doc, const bool *nl_before, size_t t)
{
	const struct token *tk = &doc->toks[t];
	ucs4_t c = text_tok_first_char(doc, t);
	size_t last = t, end;

	if (tk->kind == TOK_WORD) {
		/* A dotted abbreviation that swallowed its period ("U.S."). */
		const struct text_abbrev *ab;

		if (doc->text[tk->off + tk->len - 1] != '.')
			return TEXT_NONE;
		ab = text_find_abbrev(doc->text, tk->off, tk->len);
		if (ab != NULL && !ab->may_end)
			return TEXT_NONE;
		if (!text_next_word_capital(doc, t))
			return TEXT_NONE;
	} else if (tk->kind != TOK_PUNCT) {
		return TEXT_NONE;
	} else if (c == '?' || c == '!' || c == 0x203D) {
		/* always a terminator */
	} else if (c == '.' || c == 0x2026) {
		bool ellipsis = c == 0x2026 || text_tok_is(doc, t + 1, '.') ||
		    (t > 0 && text_tok_is(doc, t - 1, '.'));

		if (text_tok_is(doc, t + 1, '.') && !nl_before[t + 1] &&
		    doc->toks[t + 1].off == tk->off + tk->len)
			return TEXT_NONE;       /* not the last dot of "..." */
		if (ellipsis) {
			if (!text_next_word_capital(doc, t))
				return TEXT_NONE;
		} else if (t > 0 && doc->toks[t - 1].kind == TOK_WORD &&
		    doc->toks[t - 1].off + doc->toks[t - 1].len == tk->off) {
			const struct token *w = &doc->toks[t - 1];
			const struct text_abbrev *ab = text_find_abbrev(doc->text, w->off, w->len + 1);

			if (ab != NULL) {
				if (!ab->may_end || !text_next_word_capital(doc, t))
					return TEXT_NONE;
			} else if (w->len == 1 && (w->flags & TOKF_CAPITAL) &&
			    t >= 2 && doc->toks[t - 2].kind == TOK_WORD &&
			    (doc->toks[t - 2].flags & TOKF_CAPITAL) && !nl_before[t - 1]) {
				return TEXT_NONE;   /* an initial: "John Q. Public" */
			}
		}
	} else {
		return TEXT_NONE;
	}
	/* Swallow closing quotes and brackets glued to the terminator. */
	end = tk->off + tk->len;
	while (last + 1 < doc->n_toks && !nl_before[last + 1] &&
	    doc->toks[last + 1].kind == TOK_PUNCT && doc->toks[last + 1].off == end &&
	    text_is_closer(text_tok_first_char(doc, last + 1))) {
		last++;
		end = doc->toks[last].off + doc->toks[last].len;
	}
	/* A terminator glued to the next word ("gov.Next", "3.x") does not end. */
	if (last + 1 < doc->n_toks && !nl_before[last + 1] && doc->toks[last + 1].off == end)
		return TEXT_NONE;
	return last;
}

static void
text_push_sentence(struct text_doc *doc, size_t *cap, size_t first, size_t last)
{
	struct sentence *s;
	size_t t;

	if (doc->n_sents == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		doc->sents = xreallocarray(doc->sents, *cap, sizeof *doc->sents);
	}
	s = &doc->sents[doc->n_sents++];
	s->off = doc->toks[first].off;
	s->len = doc->toks[last].off + doc->toks[last].len - s->off;
	s->first_tok = first;
	s->n_tok = last - first + 1;
	s->n_words = 0;
	for (t = first; t <= last; t++) {
		if (doc->toks[t].kind == TOK_WORD || doc->toks[t].kind == TOK_NUMBER)
			s->n_words++;
	}
	for (t = first; t <= last; t++) {
		if (doc->toks[t].kind == TOK_WORD) {
			doc->toks[t].flags |= TOKF_SENT_START;
			break;
		}
	}
}

static void
text_segment(const char *text, size_t len, struct text_doc *doc)
{
	struct text_lexer lx = { .s = (const uint8_t *)text, .n = len };
	struct token t;
	bool *nl_before = NULL;
	size_t cap = 0, scap = 0, pcap = 0, i, first, para_first_sent;

	memset(doc, 0, sizeof *doc);
	doc->text = text;
	doc->len = len;
	doc->invalid_offset = TEXT_NONE;
	if (text == NULL)
		return;
	while (text_next(&lx, &t)) {
		if (doc->n_toks == cap) {
			cap = cap ? cap * 2 : 64;
			doc->toks = xreallocarray(doc->toks, cap, sizeof *doc->toks);
			nl_before = xreallocarray(nl_before, cap, sizeof *nl_before);
		}
		nl_before[doc->n_toks] = lx.newline;
		lx.newline = false;
		doc->toks[doc->n_toks++] = t;
		if (t.kind == TOK_WORD || t.kind == TOK_NUMBER)
			doc->n_words++;
		if (t.kind == TOK_INVALID && doc->invalid_offset == TEXT_NONE)
			doc->invalid_offset = t.off;
	}
	/* Sentences end at a terminator or a line break; paragraphs at a line break. */
	first = 0;
	para_first_sent = 0;
	for (i = 0; i < doc->n_toks; i++) {
		bool line_end = i + 1 == doc->n_toks || nl_before[i + 1];
		size_t last = line_end ? i : text_sentence_end(doc, nl_before, i);

		if (last == TEXT_NONE)
			continue;
		text_push_sentence(doc, &scap, first, last);
		i = last;
		first = last + 1;
		if (i + 1 == doc->n_toks || nl_before[i + 1]) {
			struct paragraph *p;

			if (doc->n_paras == pcap) {
				pcap = pcap ? pcap * 2 : 8;
				doc->paras = xreallocarray(doc->paras, pcap, sizeof *doc->paras);
			}
			p = &doc->paras[doc->n_paras++];
			p->first_sent = para_first_sent;
			p->n_sent = doc->n_sents - para_first_sent;
			p->off = doc->sents[para_first_sent].off;
			p->len = doc->sents[doc->n_sents - 1].off + doc->sents[doc->n_sents - 1].len - p->off;
			para_first_sent = doc->n_sents;
		}
	}
	free(nl_before);
}

void
text_doc_free(struct text_doc *doc)
{
	if (doc == NULL)
		return;
	free(doc->toks);
	free(doc->sents);
	free(doc->paras);
	memset(doc, 0, sizeof *doc);
	doc->invalid_offset = TEXT_NONE;
}

/* ---- the memo of analyses (text_memo_begin) ------------------------------ */

#define TEXT_MEMO_SLOTS 256
#define TEXT_MEMO_BYTES ((size_t)8 << 20)      /* copies and analyses kept, at most */
#define TEXT_MEMO_MIN 64        /* shorter texts: segmenting costs no more than a look-up */

struct text_memo_entry {
	char *text;             /* a copy of the text; NULL: a free slot */
	size_t len;
	uint64_t hash;
	unsigned long used;     /* the clock at its last use */
	size_t bytes;           /* what it holds */
	struct text_doc doc;    /* its analysis, doc.text NULL */
};

/*
 * Process-wide like the abbreviation table above, and for the same reason:
 * text_analyze() and text_count_words() are called from some twenty places
 * that have no context to hand. It is empty and unused unless a caller
 * brackets a piece of work with text_memo_begin() and text_memo_end()
 * (the report, around one project), and the answers are the same either
 * way: an entry is a copy of a text and its analysis, matched on the whole
 * text, and the analysis depends on nothing else but the shipped
 * abbreviations. Single-threaded, as the rest of the program.
 */
static struct {
	int depth;              /* begin calls not yet ended */
	struct text_memo_entry e[TEXT_MEMO_SLOTS];
	size_t bytes;
	unsigned long clock;
} text_memo;

void
text_memo_begin(void)
{
	text_memo.depth++;
}

static void
text_memo_drop(struct text_memo_entry *e)
{
	text_memo.bytes -= e->bytes;
	free(e->text);
	text_doc_free(&e->doc);
	memset(e, 0, sizeof *e);
}

void
text_memo_end(void)
{
	size_t i;

	if (text_memo.depth == 0 || --text_memo.depth > 0)
		return;
	for (i = 0; i < TEXT_MEMO_SLOTS; i++)
		if (text_memo.e[i].text != NULL)
			text_memo_drop(&text_memo.e[i]);
	text_memo.clock = 0;
}

static void *
text_memdup(const void *p, size_t n, size_t size)
{
	void *q;

	if (p == NULL)
		return NULL;
	q = xreallocarray(NULL, n > 0 ? n : 1, size);
	memcpy(q, p, n * size);
	return q;
}

/* *to = a copy of from that borrows text. */
static void
text_doc_copy(const struct text_doc *from, const char *text, struct text_doc *to)
{
	*to = *from;
	to->text = text;
	to->toks = text_memdup(from->toks, from->n_toks, sizeof *from->toks);
	to->sents = text_memdup(from->sents, from->n_sents, sizeof *from->sents);
	to->paras = text_memdup(from->paras, from->n_paras, sizeof *from->paras);
}

/* The entry holding text[0..len) with that hash, or NULL. */
static struct text_memo_entry *
text_memo_find(const char *text, size_t len, uint64_t hash)
{
	size_t i;

	for (i = 0; i < TEXT_MEMO_SLOTS; i++) {
		struct text_memo_entry *e = &text_memo.e[i];

		if (e->text != NULL && e->hash == hash && e->len == len &&
		    memcmp(e->text, text, len) == 0) {
			e->used = ++text_memo.clock;
			return e;
		}
	}
	return NULL;
}

/* Keeps a copy of text[0..len) and its analysis doc, making room by
 * forgetting the least recently used; not kept when too big. */
static void
text_memo_keep(const char *text, size_t len, uint64_t hash, const struct text_doc *doc)
{
	size_t bytes = len + doc->n_toks * sizeof *doc->toks + doc->n_sents * sizeof *doc->sents +
	    doc->n_paras * sizeof *doc->paras, i;
	struct text_memo_entry *slot;

	if (bytes > TEXT_MEMO_BYTES / 4)
		return;
	for (;;) {
		struct text_memo_entry *oldest = NULL;

		slot = NULL;
		for (i = 0; i < TEXT_MEMO_SLOTS; i++) {
			struct text_memo_entry *e = &text_memo.e[i];

			if (e->text == NULL)
				slot = slot != NULL ? slot : e;
			else if (oldest == NULL || e->used < oldest->used)
				oldest = e;
		}
		if (slot != NULL && text_memo.bytes + bytes <= TEXT_MEMO_BYTES)
			break;
		text_memo_drop(oldest);         /* not NULL: something is kept */
	}
	slot->text = xmalloc(len + 1);
	memcpy(slot->text, text, len);
	slot->text[len] = '\0';
	slot->len = len;
	slot->hash = hash;
	slot->used = ++text_memo.clock;
	slot->bytes = bytes;
	text_doc_copy(doc, NULL, &slot->doc);
	text_memo.bytes += bytes;
}

void
text_analyze(const char *text, size_t len, struct text_doc *doc)
{
	const struct text_memo_entry *e;
	uint64_t hash;

	if (text_memo.depth == 0 || text == NULL || len < TEXT_MEMO_MIN) {
		text_segment(text, len, doc);
		return;
	}
	hash = hash_bytes(text, len);
	e = text_memo_find(text, len, hash);
	if (e != NULL) {
		text_doc_copy(&e->doc, text, doc);
		return;
	}
	text_segment(text, len, doc);
	text_memo_keep(text, len, hash, doc);
}

/* ---- token helpers ------------------------------------------------------- */

bool
text_tok_eq(const struct text_doc *doc, size_t tok, const char *word)
{
	const struct token *t;
	const char *s;
	size_t i, wlen;
	bool ascii = true;

	if (tok >= doc->n_toks || word == NULL)
		return false;
	t = &doc->toks[tok];
	s = doc->text + t->off;
	wlen = strlen(word);
	for (i = 0; i < t->len; i++) {
		if ((unsigned char)s[i] >= 0x80) {
			ascii = false;
			break;
		}
	}
	for (i = 0; ascii && i < wlen; i++) {
		if ((unsigned char)word[i] >= 0x80)
			ascii = false;
	}
	if (ascii) {
		if (wlen != t->len)
			return false;
		for (i = 0; i < wlen; i++) {
			unsigned char a = (unsigned char)s[i], b = (unsigned char)word[i];

			if (a >= 'A' && a <= 'Z')
				a += 32;
			if (b >= 'A' && b <= 'Z')
				b += 32;
			if (a != b)
				return false;
		}
		return true;
	} else {
		char *lt = text_tok_lower(doc, tok);
		struct token wt = { .off = 0, .len = wlen };
		struct text_doc wd = { .text = word, .len = wlen, .toks = &wt, .n_toks = 1 };
		char *lw = text_tok_lower(&wd, 0);
		bool eq = strcmp(lt, lw) == 0;

		free(lt);
		free(lw);
		return eq;
	}
}

char *
text_tok_lower(const struct text_doc *doc, size_t tok)
{
	const struct token *t;
	const uint8_t *s;
	uint8_t *out;
	size_t i, n = 0, o;

	if (tok >= doc->n_toks)
		return xstrdup("");
	t = &doc->toks[tok];
	s = (const uint8_t *)doc->text + t->off;
	for (i = 0; i < t->len; i++) {
		if (s[i] >= 0x80)
			break;
	}
	if (i == t->len) {
		out = xmalloc(t->len + 1);
		for (i = 0; i < t->len; i++)
			out[i] = (uint8_t)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
		out[t->len] = '\0';
		return (char *)out;
	}
	/* Typographic apostrophes become ASCII ones, so lists need only one form. */
	out = xmalloc(t->len * 3 + 1);
	for (i = 0, o = 0; i < t->len;) {
		ucs4_t c, lc;
		size_t k = text_decode(s + i, t->len - i, &c);

		if (c == TEXT_BAD) {
			memcpy(out + o, s + i, k);      /* kept as is */
			o += k;
		} else {
			lc = c == 0x2019 ? '\'' : uc_tolower(c);
			n = (size_t)u8_uctomb(out + o, lc, (int)(t->len * 3 + 1 - o));
			o += n;
		}
		i += k;
	}
	out[o] = '\0';
	return (char *)out;
}

size_t
text_count_words(const char *text, size_t len)
{
	struct text_lexer lx = { .s = (const uint8_t *)text, .n = len };
	struct token t;
	size_t n = 0;

	if (text == NULL)
		return 0;
	/* Counting a text the memo is kept for: it will be analysed too. */
	if (text_memo.depth > 0 && len >= TEXT_MEMO_MIN) {
		struct text_doc doc;

		text_analyze(text, len, &doc);
		n = doc.n_words;
		text_doc_free(&doc);
		return n;
	}
	while (text_next(&lx, &t)) {
		if (t.kind == TOK_WORD || t.kind == TOK_NUMBER)
			n++;
	}
	return n;
}

static bool
text_is_split(char c)
{
	return c == ' ' || c == '\n';
}

size_t
text_count_words_edit(const char *old, size_t olen, size_t old_words,
    const char *text, size_t len)
{
	size_t pre = 0, suf = 0, min = olen < len ? olen : len, a, oend, nend;

	if (old == NULL)
		return text_count_words(text, len);
	while (pre < min && old[pre] == text[pre])
		pre++;
	if (pre == olen && olen == len)
		return old_words;
	while (suf < min - pre && old[olen - 1 - suf] == text[len - 1 - suf])
		suf++;
	/* out to the spaces around the change: back to just after one, on
	 * to the next (the same bytes in both texts, outside the change) */
	a = pre;
	while (a > 0 && !text_is_split(old[a - 1]))
		a--;
	oend = olen - suf;
	while (oend < olen && !text_is_split(old[oend]))
		oend++;
	nend = len - suf + (oend - (olen - suf));
	return old_words - text_count_words(old + a, oend - a) + text_count_words(text + a, nend - a);
}

void
text_line_col(const char *text, size_t len, size_t off, size_t *line, size_t *col)
{
	const uint8_t *s = (const uint8_t *)text;
	size_t i = 0, l = 1, c = 1;

	if (off > len)
		off = len;
	while (i < off) {
		ucs4_t uc;
		size_t k;

		if (s[i] == '\n') {
			l++;
			c = 1;
			i++;
			continue;
		}
		k = text_decode(s + i, len - i, &uc);
		if (uc == TEXT_BAD)
			k = 1;      /* each bad byte is one column */
		i += k;
		c++;
	}
	if (line != NULL)
		*line = l;
	if (col != NULL)
		*col = c;
}
