/* SPDX-License-Identifier: MIT */
/*
 * ruleutil.h: small token helpers shared by the text rule files (passive,
 * voice, acronym, phrases, style): lower-cased copies of tokens into caller
 * buffers, membership in closed word classes, list look-ups. No state.
 */
#ifndef ECQ_RULEUTIL_H
#define ECQ_RULEUTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "text.h"
#include "wordlist.h"

/* Copies token tok lower-cased (ASCII letters; U+2019 becomes ') into
 * buf[0..cap) with a NUL. Returns its length, or 0 when tok is out of range,
 * not a TOK_WORD, or longer than cap - 1. */
size_t ruleutil_lower(const struct text_doc *doc, size_t tok, char *buf, size_t cap);

/* True when token tok is a word equal to w (w lower case ASCII), ignoring case. */
bool ruleutil_is(const struct text_doc *doc, size_t tok, const char *w);

/* True when w is one of the strings of the NULL-terminated set. */
bool ruleutil_in(const char *w, const char *const *set);

/* True when token tok is a word found in the NULL-terminated set. */
bool ruleutil_tok_in(const struct text_doc *doc, size_t tok, const char *const *set);

/* True when token tok is TOK_PUNCT holding the single character ch. */
bool ruleutil_punct(const struct text_doc *doc, size_t tok, char ch);

/* True when token tok is a word whose lower-cased text is in list l. */
bool ruleutil_tok_listed(const struct wordlist *l, const struct text_doc *doc, size_t tok);

/* Index of the sentence holding token tok (doc->n_sents when none). */
size_t ruleutil_sentence_of(const struct text_doc *doc, size_t tok);

/* The sentences from *s on that form one sentence of the writer: the
 * segmenter ends a sentence at every line break, so a hard-wrapped line
 * that ends without a terminator is joined to the next when that starts
 * with a lower-case word, or with any word after a line of eight words or
 * more (a shorter line is a heading). A blank line always separates. Sets
 * the token range [*first, *end) and advances *s past the sentences used. */
void ruleutil_sentence_span(const struct text_doc *doc, size_t *s, size_t *first, size_t *end);

/* Determiners, possessives and the closed classes (prepositions,
 * conjunctions, pronouns, auxiliaries): words that are not content words. */
bool ruleutil_function_word(const char *w);
/* Determiners and possessive pronouns only ("the", "a", "my", "their"...). */
bool ruleutil_determiner(const char *w);

#endif
