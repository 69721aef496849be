/* SPDX-License-Identifier: MIT */
/* test_text.c: segmentation into tokens, sentences and paragraphs (text.c). */
#include "config.h"

#include "testutil.h"

#include "text.h"
#include "xalloc.h"

/* The sentences of s, each as a string, joined by " | ". */
static char *
sentences_of(const char *s, size_t len)
{
	struct text_doc d;
	char *out = xstrdup("");
	size_t i;

	text_analyze(s, len, &d);
	for (i = 0; i < d.n_sents; i++) {
		char *next = xasprintf("%s%s%.*s", out, i ? " | " : "", (int)d.sents[i].len,
		    s + d.sents[i].off);

		free(out);
		out = next;
	}
	text_doc_free(&d);
	return out;
}

static void
check_sentences(const char *in, const char *want)
{
	char *got = sentences_of(in, strlen(in));

	assert_string_equal(got, want);
	free(got);
}

static void
sentences__abbreviations_do_not_end_them(void **state)
{
	(void)state;
	check_sentences("Mr. Smith met Dr. Jones at the U.S. Army office, e.g. in D.C. with Gen. Ruiz. Then I left.",
	    "Mr. Smith met Dr. Jones at the U.S. Army office, e.g. in D.C. with Gen. Ruiz. | Then I left.");
	check_sentences("I cut costs, i.e. travel, by 20%. I also hired staff.",
	    "I cut costs, i.e. travel, by 20%. | I also hired staff.");
	check_sentences("She earned a Ph.D. in economics. I hired her.",
	    "She earned a Ph.D. in economics. | I hired her.");
	check_sentences("The plan came from John Q. Public and me.",
	    "The plan came from John Q. Public and me.");
	check_sentences("Executive Order No. 13985 applied. I complied.",
	    "Executive Order No. 13985 applied. | I complied.");
}

static void
sentences__etc_ends_one_only_before_a_capital(void **state)
{
	(void)state;
	check_sentences("I bought pens, paper, etc. and chairs.", "I bought pens, paper, etc. and chairs.");
	check_sentences("I bought pens, paper, etc. Then I stopped.",
	    "I bought pens, paper, etc. | Then I stopped.");
	/* A capitalised entry matches capitalised words only: "sat." ends one. */
	check_sentences("The team sat. Then it stood.", "The team sat. | Then it stood.");
}

static void
sentences__question_exclamation_quotes_and_ellipsis(void **state)
{
	(void)state;
	check_sentences("Why did it fail? I asked. \"Fix it!\" she said.",
	    "Why did it fail? | I asked. | \"Fix it!\" | she said.");
	check_sentences("I waited... and then acted. Done.", "I waited... and then acted. | Done.");
	check_sentences("It ended (finally.) Next step.", "It ended (finally.) | Next step.");
	check_sentences("Visit www.opm.gov. Then apply.", "Visit www.opm.gov. | Then apply.");
	check_sentences("Version 3.5 shipped.", "Version 3.5 shipped.");
}

static void
paragraphs__every_line_break_ends_one(void **state)
{
	const char *s = "First para. Still first.\nSecond para\r\n\n\n  Third para.  \n";
	struct text_doc d;

	(void)state;
	text_analyze(s, strlen(s), &d);
	assert_int_equal(d.n_paras, 3);
	assert_int_equal(d.n_sents, 4);
	assert_int_equal(d.paras[0].n_sent, 2);
	assert_int_equal(d.paras[1].first_sent, 2);
	assert_memory_equal(s + d.paras[1].off, "Second para", d.paras[1].len);
	assert_int_equal(d.paras[1].len, strlen("Second para"));
	assert_memory_equal(s + d.paras[2].off, "Third para.", d.paras[2].len);
	assert_int_equal(d.paras[2].len, strlen("Third para."));
	text_doc_free(&d);
}

struct tok_case {
	const char *text;
	enum tok_kind kind;
	unsigned flags;         /* flags that must be set */
	unsigned not_flags;     /* flags that must not be set */
};

static void
tokens__kinds_and_flags(void **state)
{
	static const struct tok_case cases[] = {
		/* 1 */ { "don't", TOK_WORD, 0, TOKF_CAPITAL },
		/* 2 */ { "don’t", TOK_WORD, 0, 0 },
		/* 3 */ { "GS-15", TOK_WORD, TOKF_DIGIT | TOKF_ALLCAPS, 0 },
		/* 4 */ { "FY2024", TOK_WORD, TOKF_DIGIT, 0 },
		/* 5 */ { "U.S.", TOK_WORD, TOKF_ALLCAPS, 0 },
		/* 6 */ { "KPIs", TOK_WORD, TOKF_ALLCAPS, 0 },
		/* 7 */ { "NASA's", TOK_WORD, TOKF_ALLCAPS, 0 },
		/* 8 */ { "FedRAMP", TOK_WORD, TOKF_CAPITAL, TOKF_ALLCAPS },
		/* 9 */ { "Is", TOK_WORD, TOKF_CAPITAL, TOKF_ALLCAPS },
		/* 10 */ { "cross-functional", TOK_WORD, 0, 0 },
		/* 11 */ { "1,200", TOK_NUMBER, TOKF_DIGIT, 0 },
		/* 12 */ { "3.5", TOK_NUMBER, 0, 0 },
		/* 13 */ { "45%", TOK_NUMBER, 0, 0 },
		/* 14 */ { "$2.4M", TOK_NUMBER, 0, 0 },
		/* 15 */ { "1990s", TOK_WORD, TOKF_DIGIT, 0 },
		/* 16 */ { "https://www.opm.gov/ses/", TOK_URL, 0, 0 },
		/* 17 */ { "www.usajobs.gov", TOK_URL, 0, 0 },
		/* 18 */ { "usajobs.gov", TOK_URL, 0, 0 },
		/* 19 */ { "jane.doe@agency.gov", TOK_EMAIL, 0, 0 },
		/* 20 */ { "Zürich", TOK_WORD, TOKF_CAPITAL, 0 },
		/* 21 */ { "ÉCOLE", TOK_WORD, TOKF_ALLCAPS, 0 },
		/* 22 */ { "R&D", TOK_WORD, TOKF_ALLCAPS, 0 },
		/* 23 */ { "e.g.", TOK_WORD, 0, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct text_doc d;
		char *in = xasprintf("%s ", cases[i].text);

		text_analyze(in, strlen(in), &d);
		if (d.n_toks != 1 || d.toks[0].kind != cases[i].kind ||
		    d.toks[0].len != strlen(cases[i].text) ||
		    (d.toks[0].flags & cases[i].flags) != cases[i].flags ||
		    (d.toks[0].flags & cases[i].not_flags) != 0)
			fail_msg("case %zu '%s': %zu tokens, kind %d, len %zu, flags %#x", i + 1,
			    cases[i].text, d.n_toks, d.n_toks ? (int)d.toks[0].kind : -1,
			    d.n_toks ? d.toks[0].len : 0, d.n_toks ? d.toks[0].flags : 0);
		text_doc_free(&d);
		free(in);
	}
}

static void
tokens__punctuation_splits_and_sentence_start(void **state)
{
	const char *s = "I led 2019-2021 work — twice; \"really.\"";
	struct text_doc d;

	(void)state;
	text_analyze(s, strlen(s), &d);
	/* I led 2019 - 2021 work — twice ; " really . " */
	assert_int_equal(d.n_toks, 13);
	assert_int_equal(d.toks[2].kind, TOK_NUMBER);
	assert_int_equal(d.toks[3].kind, TOK_PUNCT);
	assert_int_equal(d.toks[5].kind, TOK_WORD);
	assert_int_equal(d.toks[6].kind, TOK_PUNCT);
	assert_int_equal(d.toks[6].len, 3);     /* the em dash is one character */
	assert_true(d.toks[0].flags & TOKF_SENT_START);
	assert_false(d.toks[1].flags & TOKF_SENT_START);
	assert_int_equal(d.n_words, 7);
	assert_int_equal(text_count_words(s, strlen(s)), 7);
	text_doc_free(&d);
}

static void
utf8__offsets_stay_on_character_boundaries(void **state)
{
	const char *s = "Café naïve Ünïcödé – “quoted” text.";
	struct text_doc d;
	size_t i;

	(void)state;
	text_analyze(s, strlen(s), &d);
	for (i = 0; i < d.n_toks; i++) {
		unsigned char first = (unsigned char)s[d.toks[i].off];
		unsigned char after = (unsigned char)s[d.toks[i].off + d.toks[i].len];

		assert_false(first >= 0x80 && first < 0xC0);   /* not a continuation byte */
		assert_false(after >= 0x80 && after < 0xC0);
	}
	assert_int_equal(d.n_words, 5);
	assert_int_equal(d.toks[0].len, strlen("Café"));
	assert_int_equal(d.invalid_offset, (size_t)-1);
	text_doc_free(&d);
}

static void
utf8__invalid_bytes_become_tokens_and_the_rest_is_kept(void **state)
{
	/* a lone continuation byte, an overlong NUL, a surrogate, a truncated tail */
	const char s[] = "Good \x80 text \xC0\x80 more \xED\xA0\x80 end \xE2\x82";
	struct text_doc d;
	size_t i, n_invalid = 0, n_words = 0;

	(void)state;
	text_analyze(s, sizeof s - 1, &d);
	for (i = 0; i < d.n_toks; i++) {
		if (d.toks[i].kind == TOK_INVALID)
			n_invalid++;
		if (d.toks[i].kind == TOK_WORD)
			n_words++;
	}
	assert_int_equal(d.invalid_offset, 5);
	assert_int_equal(n_invalid, 4);
	assert_int_equal(n_words, 4);
	assert_int_equal(d.toks[d.n_toks - 1].kind, TOK_INVALID);
	assert_int_equal(d.toks[d.n_toks - 1].off + d.toks[d.n_toks - 1].len, sizeof s - 1);
	text_doc_free(&d);
}

static void
nul__bytes_count_as_spaces(void **state)
{
	const char s[] = "one\0two\0\0three.";
	struct text_doc d;

	(void)state;
	text_analyze(s, sizeof s - 1, &d);
	assert_int_equal(d.n_words, 3);
	assert_int_equal(d.n_sents, 1);
	assert_int_equal(d.toks[1].off, 4);
	text_doc_free(&d);
}

static void
empty__input_gives_an_empty_doc(void **state)
{
	struct text_doc d;

	(void)state;
	text_analyze("", 0, &d);
	assert_int_equal(d.n_toks, 0);
	assert_int_equal(d.n_sents, 0);
	assert_int_equal(d.n_paras, 0);
	text_doc_free(&d);
	text_analyze(" \n\n\t ", 5, &d);
	assert_int_equal(d.n_toks, 0);
	assert_int_equal(d.n_paras, 0);
	text_doc_free(&d);
}

static void
huge__a_megabyte_line_without_spaces_is_quick(void **state)
{
	size_t n = 1 << 20, i;
	char *s = xmalloc(n);
	struct text_doc d;

	(void)state;
	/* letters and dots: the worst case for e-mail and abbreviation scans */
	for (i = 0; i < n; i++)
		s[i] = i % 4 == 3 ? '.' : 'a';
	text_analyze(s, n, &d);
	assert_true(d.n_toks > 0);
	assert_int_equal(d.toks[d.n_toks - 1].off + d.toks[d.n_toks - 1].len, n);
	text_doc_free(&d);
	memset(s, 'x', n);
	text_analyze(s, n, &d);
	assert_int_equal(d.n_toks, 1);
	assert_int_equal(d.toks[0].len, n);
	text_doc_free(&d);
	free(s);
}

static void
tok_eq_and_lower__fold_case_and_apostrophes(void **state)
{
	const char *s = "DON’T Über ÉCOLE";
	struct text_doc d;
	char *low;

	(void)state;
	text_analyze(s, strlen(s), &d);
	assert_int_equal(d.n_toks, 3);
	low = text_tok_lower(&d, 0);
	assert_string_equal(low, "don't");
	free(low);
	assert_true(text_tok_eq(&d, 0, "don't"));
	assert_true(text_tok_eq(&d, 1, "über"));
	assert_true(text_tok_eq(&d, 2, "école"));
	assert_false(text_tok_eq(&d, 2, "ecole"));
	low = text_tok_lower(&d, 2);
	assert_string_equal(low, "école");
	free(low);
	text_doc_free(&d);
}

static void
line_col__counts_characters(void **state)
{
	const char *s = "ab\ncafé x\n\xff y";
	size_t line, col;

	(void)state;
	text_line_col(s, strlen(s), 0, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 1);
	text_line_col(s, strlen(s), strlen("ab\ncafé "), &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 6);
	text_line_col(s, strlen(s), strlen(s) - 1, &line, &col);
	assert_int_equal(line, 3);
	assert_int_equal(col, 3);
}

/* Counting again only around an edit gives the full count, for random
 * edits of text with every kind of token the lexer knows. */
static void
count_edit__equals_a_full_count(void **state)
{
	static const char *const bits[] = { "word", "U.S.", "data-sharing", "don't", "$3.1",
		"million", "42", "www.example.gov", "a@b.gov", "café", "—", ".", ",", " ", " ",
		"\n", "\n\n", "R&D", "e.g.", "\xff", "AT&T", "1,000", "x" };
	const size_t nb = sizeof bits / sizeof bits[0];
	char old[4096], cur[4096], piece[256];
	size_t olen = 0, len, words, i, at, del, k, plen;
	unsigned seed = 12345;

	(void)state;
	old[0] = '\0';
	words = 0;
	for (i = 0; i < 3000; i++) {
		seed = seed * 1103515245u + 12345u;
		plen = 0;
		piece[0] = '\0';
		for (k = 0; k < (seed >> 8) % 5; k++) {
			const char *b = bits[(seed >> (k + 3)) % nb];

			if (plen + strlen(b) + 1 < sizeof piece) {
				memcpy(piece + plen, b, strlen(b));
				plen += strlen(b);
			}
		}
		at = olen ? (seed >> 12) % (olen + 1) : 0;
		del = olen - at ? (seed >> 16) % (olen - at + 1) % 12 : 0;
		if (olen - del + plen >= sizeof cur)
			del = olen - at, plen = 0;
		memcpy(cur, old, at);
		memcpy(cur + at, piece, plen);
		memcpy(cur + at + plen, old + at + del, olen - at - del);
		len = olen - del + plen;
		cur[len] = '\0';
		words = text_count_words_edit(i ? old : NULL, olen, words, cur, len);
		assert_int_equal(words, text_count_words(cur, len));
		memcpy(old, cur, len + 1);
		olen = len;
	}
}

static void
memo_assert_same(const struct text_doc *a, const struct text_doc *b)
{
	assert_ptr_equal(a->text, b->text);
	assert_int_equal(a->len, b->len);
	assert_int_equal(a->n_toks, b->n_toks);
	assert_int_equal(a->n_sents, b->n_sents);
	assert_int_equal(a->n_paras, b->n_paras);
	assert_int_equal(a->n_words, b->n_words);
	assert_int_equal(a->invalid_offset, b->invalid_offset);
	if (a->n_toks > 0)
		assert_memory_equal(a->toks, b->toks, a->n_toks * sizeof *a->toks);
	if (a->n_sents > 0)
		assert_memory_equal(a->sents, b->sents, a->n_sents * sizeof *a->sents);
	if (a->n_paras > 0)
		assert_memory_equal(a->paras, b->paras, a->n_paras * sizeof *a->paras);
}

/* The memo of analyses hands out exactly what segmenting again gives: for
 * the same text at another address, for a buffer changed in place, for a
 * prefix, for counts; and forgets everything at the end. */
static void
memo__the_same_analyses_as_without(void **state)
{
	static const char base[] = "The U.S. Office of Personnel Management (OPM) cut hiring "
	    "time by 40% in FY2024, e.g. with www.usajobs.gov.\nWe saved $2.4M. Write to "
	    "a@b.gov! \xff Then a second paragraph follows here.";
	char buf[512], other[512];
	struct text_doc plain, memo, again;
	size_t len = strlen(base), i;

	(void)state;
	memcpy(buf, base, len + 1);
	memcpy(other, base, len + 1);
	text_analyze(buf, len, &plain);
	text_memo_begin();
	text_memo_begin();      /* nested: only the outer end forgets */
	assert_int_equal(text_count_words(buf, len), plain.n_words);
	text_analyze(buf, len, &memo);
	memo_assert_same(&plain, &memo);
	text_doc_free(&memo);
	/* the same bytes elsewhere: the doc borrows the caller's text */
	text_analyze(other, len, &memo);
	assert_ptr_equal(memo.text, other);
	memo.text = buf;
	memo_assert_same(&plain, &memo);
	text_doc_free(&memo);
	text_memo_end();
	/* changed in place, at the same address and length: analysed anew */
	for (i = 0; i < len; i++)
		if (buf[i] == '.')
			buf[i] = ' ';
	text_memo_end();
	text_memo_begin();
	text_analyze(buf, len, &memo);
	text_memo_end();
	text_analyze(buf, len, &again);
	memo_assert_same(&again, &memo);
	assert_true(memo.n_sents != plain.n_sents);
	text_doc_free(&memo);
	text_doc_free(&again);
	/* a prefix of a kept text is its own text */
	memcpy(buf, base, len + 1);
	text_memo_begin();
	text_analyze(buf, len, &memo);
	text_doc_free(&memo);
	text_analyze(buf, 70, &memo);
	text_analyze(base, 70, &again);
	text_memo_end();
	assert_int_equal(memo.n_toks, again.n_toks);
	assert_memory_equal(memo.toks, again.toks, memo.n_toks * sizeof *memo.toks);
	assert_int_equal(text_count_words(buf, 70), again.n_words);
	text_doc_free(&memo);
	text_doc_free(&again);
	text_doc_free(&plain);
}

/* More texts than the memo has room for: the oldest are forgotten and
 * every answer is still right. */
static void
memo__full_forgets_the_oldest(void **state)
{
	char text[200];
	size_t i, round;

	(void)state;
	text_memo_begin();
	for (round = 0; round < 2; round++) {
		for (i = 0; i < 600; i++) {
			struct text_doc d;
			size_t n = (size_t)snprintf(text, sizeof text, "Text number %zu has some words in "
			    "it, and %zu more words after that. Enough to be kept.", i, i % 7 + 1);

			text_analyze(text, n, &d);
			assert_int_equal(d.n_words, 18);
			assert_int_equal(d.n_sents, 2);
			assert_int_equal(text_count_words(text, n), 18);
			text_doc_free(&d);
		}
	}
	text_memo_end();
	text_memo_end();        /* one end too many is harmless */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sentences__abbreviations_do_not_end_them),
		cmocka_unit_test(sentences__etc_ends_one_only_before_a_capital),
		cmocka_unit_test(sentences__question_exclamation_quotes_and_ellipsis),
		cmocka_unit_test(paragraphs__every_line_break_ends_one),
		cmocka_unit_test(tokens__kinds_and_flags),
		cmocka_unit_test(tokens__punctuation_splits_and_sentence_start),
		cmocka_unit_test(utf8__offsets_stay_on_character_boundaries),
		cmocka_unit_test(utf8__invalid_bytes_become_tokens_and_the_rest_is_kept),
		cmocka_unit_test(nul__bytes_count_as_spaces),
		cmocka_unit_test(empty__input_gives_an_empty_doc),
		cmocka_unit_test(huge__a_megabyte_line_without_spaces_is_quick),
		cmocka_unit_test(tok_eq_and_lower__fold_case_and_apostrophes),
		cmocka_unit_test(line_col__counts_characters),
		cmocka_unit_test(count_edit__equals_a_full_count),
		cmocka_unit_test(memo__the_same_analyses_as_without),
		cmocka_unit_test(memo__full_forgets_the_oldest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
