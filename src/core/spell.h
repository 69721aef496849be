/* SPDX-License-Identifier: MIT */
/*
 * spell.h: the speller, a hunspell dictionary plus word lists of our own
 * (federal vocabulary, the user's words, the project's words), affix-aware
 * lists that extend hunspell's dictionary, and prefixes accepted before a
 * hyphen. Answers are
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
 * when the files are missing. Hunspell reads them on the first check, with
 * the affix-aware lists added by then; should it refuse them, every word
 * passes. The caller frees *out with spell_free. */
int spell_new(const char *dir, const char *lang, struct spell **out, struct error *err);
void spell_free(struct spell *sp);

/* Adds the words of a file (one a line, '#' comments, case as written:
 * "FedRAMP" accepts only "FedRAMP", "interagency" also "Interagency").
 * ERR_IO when it cannot be read, ERR_FORMAT (FILE:LINE) for invalid UTF-8. */
int spell_add_file(struct spell *sp, const char *path, struct error *err);
/* The same from a stream the caller opened (and closes); name is for
 * messages. */
int spell_add_stream(struct spell *sp, FILE *f, const char *name, struct error *err);

/* Adds an affix-aware word list: one "word" or "word/FLAGS" a line, '#'
 * comments, the flags being those of the dictionary's .aff (en_US: S plural,
 * D past, G -ing, M possessive, N -ion, ...), so "recertify/DSGN" also
 * accepts recertified, recertifies, recertifying and recertification. The
 * words join hunspell's dictionary (its case rules, its suggestions).
 * ERR_IO when unreadable; ERR_FORMAT (FILE:LINE) for invalid UTF-8, two
 * words on a line or a flag the .aff does not define; nothing of the file
 * is added then. */
int spell_add_affixed_file(struct spell *sp, const char *path, struct error *err);
/* The same from a stream the caller opened (and closes). */
int spell_add_affixed_stream(struct spell *sp, FILE *f, const char *name, struct error *err);

/* Accepts prefix ("pre", "intra"; any case, a trailing '-' ignored) as the
 * first part of a hyphenated word whose other parts are known:
 * "pre-award", "Intra-agency". */
void spell_add_hyphen_prefix(struct spell *sp, const char *prefix);

/* Adds one word (copied) for the life of sp. */
void spell_add_word(struct spell *sp, const char *word);

/* Replaces the project's words (copied); NULL clears them. */
void spell_set_project_words(struct spell *sp, const struct strlist *words);

/* True when word[0..len) is spelled correctly (hunspell or one of our
 * lists; a trailing 's or ’s is accepted on a known word; a word with
 * hyphens ('-', U+2010, U+2011) when every part is, the first part may be a
 * listed prefix). */
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
