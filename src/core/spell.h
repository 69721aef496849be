/* SPDX-License-Identifier: MIT */
/*
 * spell.h: the speller, a hunspell dictionary plus word lists of our own
 * (federal vocabulary, the user's words, the project's words). Answers are
 * cached per word, so checking a long text costs one hunspell call per
 * distinct word. Prints nothing; errors go to struct error.
 */
#ifndef ECQ_SPELL_H
#define ECQ_SPELL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "error.h"
#include "framework.h"

struct spell;

/* Opens the hunspell dictionary DIR/LANG.aff and DIR/LANG.dic (dir NULL:
 * /usr/share/hunspell, lang NULL: "en_US"). Returns -1 with ERR_NOTFOUND
 * when the files are missing, ERR_INTERNAL when hunspell refuses them.
 * The caller frees *out with spell_free. */
int spell_new(const char *dir, const char *lang, struct spell **out, struct error *err);
void spell_free(struct spell *sp);

/* Adds the words of a file (one a line, '#' comments, case as written:
 * "FedRAMP" accepts only "FedRAMP", "interagency" also "Interagency").
 * ERR_IO when it cannot be read, ERR_FORMAT (FILE:LINE) for invalid UTF-8. */
int spell_add_file(struct spell *sp, const char *path, struct error *err);
/* The same from a stream the caller opened (and closes); name is for
 * messages. */
int spell_add_stream(struct spell *sp, FILE *f, const char *name, struct error *err);

/* Adds one word (copied) for the life of sp. */
void spell_add_word(struct spell *sp, const char *word);

/* Replaces the project's words (copied); NULL clears them. */
void spell_set_project_words(struct spell *sp, const struct strlist *words);

/* True when word[0..len) is spelled correctly (hunspell or one of our
 * lists; a trailing 's or ’s is accepted on a known word). */
bool spell_check(struct spell *sp, const char *word, size_t len);

/* Up to max suggestions for word[0..len), NULL-terminated, newly allocated
 * (free with spell_free_list); never NULL. Cached per word. */
char **spell_suggest(struct spell *sp, const char *word, size_t len, size_t max);

/* Spending limits for spell_suggest_budget(): how many new searches of
 * each kind may still run (quick: ~10 ms a word, full n-gram: ~0.1 s). */
struct spell_budget {
	int quick;
	int full;
};

/* Like spell_suggest, but runs a new hunspell search only while the budget
 * lasts (and decrements it); past that, cached suggestions or none. Keeps a
 * file of noise from taking minutes. */
char **spell_suggest_budget(struct spell *sp, const char *word, size_t len, size_t max,
    struct spell_budget *budget);
void spell_free_list(char **list);

#endif
