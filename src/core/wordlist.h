/* SPDX-License-Identifier: MIT */
/*
 * wordlist.h: the plain-text lists in dictionaries/ (one entry a line, '#'
 * comments, optional "phrase => replacement"), loaded once and matched
 * against token sequences, case-insensitively. A list is named after its file:
 * dictionaries/bureaucratic.txt is "bureaucratic".
 */
#ifndef ECQ_WORDLIST_H
#define ECQ_WORDLIST_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "text.h"

struct wordlist;
struct wordlists;

/* Loads every *.txt in dir. ERR_FORMAT names FILE:LINE for a bad line
 * (e.g. invalid UTF-8). A missing dir is ERR_IO. */
int wordlists_load(const char *dir, struct wordlists **out, struct error *err);
void wordlists_free(struct wordlists *wl);

/* Loads one list file; its name is the file name without ".txt". Errors as
 * for wordlists_load. The caller frees the list with wordlist_free. */
int wordlist_load_file(const char *path, struct wordlist **out, struct error *err);
void wordlist_free(struct wordlist *l);

/* The list with this name, or NULL when no such file was loaded. */
const struct wordlist *wordlists_get(const struct wordlists *wl, const char *name);

/* Number of entries in a list (0 for NULL). */
size_t wordlist_size(const struct wordlist *l);

/* Entry i (0-based) as lower-case tokens joined by one space, or NULL past
 * the end; *replacement (may be NULL) gets its "=> ..." text or NULL. */
const char *wordlist_entry(const struct wordlist *l, size_t i, const char **replacement);

/* True when the lower-cased single word is an entry. */
bool wordlist_contains(const struct wordlist *l, const char *lower_word);

/* Longest entry that matches the word tokens starting at doc->toks[tok]
 * (punctuation inside an entry must match too). Returns the number of tokens
 * matched, 0 for none; *replacement gets the entry's "=> ..." text or NULL. */
size_t wordlist_match(const struct wordlist *l, const struct text_doc *doc,
    size_t tok, const char **replacement);

#endif
