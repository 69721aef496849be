/* SPDX-License-Identifier: MIT */
/*
 * text.h: UTF-8 segmentation of prose into paragraphs, sentences and tokens,
 * all as byte offsets into the caller's text (which must outlive the doc).
 * Abbreviations such as "U.S.", "e.g." and "Mr." do not end a sentence.
 * Invalid UTF-8 is tolerated: bad bytes become TOK_INVALID tokens and the
 * first one is reported in doc->invalid_offset. Built on libunistring.
 */
#ifndef ECQ_TEXT_H
#define ECQ_TEXT_H

#include <stdbool.h>
#include <stddef.h>

enum tok_kind {
	TOK_WORD,       /* letters, with inner apostrophes/hyphens/periods: don't, GS-15, U.S. */
	TOK_NUMBER,     /* 12, 1,200, 3.5, 45%, $2.4M, FY2024 is a WORD with a digit */
	TOK_PUNCT,      /* one punctuation character (, . ; : ? ! quotes dashes brackets) */
	TOK_URL,        /* http://..., www.example.gov */
	TOK_EMAIL,
	TOK_INVALID     /* a run of bytes that is not valid UTF-8 */
};

enum tok_flags {
	TOKF_CAPITAL = 1 << 0,  /* first letter upper case */
	TOKF_ALLCAPS = 1 << 1,  /* two or more letters, all upper case (acronym-like) */
	TOKF_DIGIT = 1 << 2,    /* contains a digit */
	TOKF_SENT_START = 1 << 3 /* first word token of its sentence */
};

struct token {
	size_t off, len;        /* bytes in the text */
	enum tok_kind kind;
	unsigned flags;
};

struct sentence {
	size_t off, len;        /* bytes, from first to last non-space character */
	size_t first_tok, n_tok;
	size_t n_words;         /* TOK_WORD and TOK_NUMBER tokens */
};

struct paragraph {
	size_t off, len;
	size_t first_sent, n_sent;
};

struct text_doc {
	const char *text;       /* borrowed */
	size_t len;
	struct token *toks;
	size_t n_toks;
	struct sentence *sents;
	size_t n_sents;
	struct paragraph *paras;
	size_t n_paras;
	size_t n_words;
	size_t invalid_offset;  /* first invalid byte, or (size_t)-1 */
};

/* Segments text[0..len) (NUL bytes allowed; treated as spaces). Paragraphs
 * are separated by one or more blank lines or by a single newline (editor
 * fields use one newline per paragraph). Never fails: allocation aborts. */
void text_analyze(const char *text, size_t len, struct text_doc *doc);
void text_doc_free(struct text_doc *doc);

/* Case-insensitive (ASCII and Unicode simple case folding) comparison of a
 * token with a word. */
bool text_tok_eq(const struct text_doc *doc, size_t tok, const char *word);

/* Newly allocated lower-case copy of a token. */
char *text_tok_lower(const struct text_doc *doc, size_t tok);

/* Counts words (as text_analyze would) without building a doc. */
size_t text_count_words(const char *text, size_t len);

/* The word count of text[0..len) given an earlier version old[0..olen) of
 * it and that version's count old_words: counts again only the words
 * around the bytes that differ (no word spans an ASCII space or a line
 * break, so counts add up piece by piece). Always equals
 * text_count_words(text, len); costs a comparison of the two texts plus
 * counting the words edited, so an editor can count on every key. */
size_t text_count_words_edit(const char *old, size_t olen, size_t old_words,
    const char *text, size_t len);

/* Between text_memo_begin() and text_memo_end(), text_analyze() and
 * text_count_words() keep a copy of each text (of some length) and its
 * analysis, and hand out a copy of it when the same text comes again: the
 * checks of one project segment each field several times (the rules, the
 * project rules, the word counts). The results are the same as without;
 * the memory is bounded (a few MB). Calls nest; the outermost end forgets
 * everything. Not thread-safe. */
void text_memo_begin(void);
void text_memo_end(void);

/* 1-based line and column (in characters) of a byte offset. */
void text_line_col(const char *text, size_t len, size_t off, size_t *line, size_t *col);

#endif
