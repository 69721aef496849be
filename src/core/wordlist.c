/* SPDX-License-Identifier: MIT */
/*
 * wordlist.c: the dictionaries/ lists, loaded once: each entry is split into
 * lower-case tokens the way text.c splits prose, indexed by its first token
 * for wordlist_match() and by its whole text for wordlist_contains().
 */
#include "config.h"
#include "wordlist.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "bounded.h"
#include "hash.h"
#include "xalloc.h"

struct wl_entry {
	char **toks;            /* lower-case tokens */
	size_t n_toks;
	char *text;             /* lower-case tokens joined by one space */
	char *replacement;      /* "=> ..." or NULL */
};

/* Open-addressing table from a string to a chain of entry indices. */
struct wl_slot {
	const char *key;        /* borrowed from an entry; NULL: empty */
	size_t *idx;            /* entries, longest first */
	size_t n_idx;
};

#define WL_START_BITS 4096

/* The bit of a lower-case ASCII token s[0..n), n > 0, from its first,
 * second and last bytes and its length; a token with capitals gives the
 * bit of its lower-case form. */
static unsigned
wl_start_bit(const unsigned char *s, size_t n)
{
	unsigned a = s[0], b = n > 1 ? s[1] : 0, z = s[n - 1];

	a = a >= 'A' && a <= 'Z' ? a + 32 : a;
	b = b >= 'A' && b <= 'Z' ? b + 32 : b;
	z = z >= 'A' && z <= 'Z' ? z + 32 : z;
	return (((a * 131u + b) * 131u + z) * 67u + (unsigned)(n < 63 ? n : 63)) % WL_START_BITS;
}

struct wordlist {
	char *name;
	struct wl_entry *entries;
	size_t n;
	struct wl_slot *first;  /* by first token */
	struct wl_slot *whole;  /* by whole text */
	size_t cap;             /* slots in each table (power of two) */
	/* A bit per wl_start_bit() of each entry's first token: an ASCII
	 * token whose bit is clear cannot begin an entry, and is turned away
	 * before it is lowered and hashed (most tokens of prose). */
	uint64_t starts[WL_START_BITS / 64];
};

struct wordlists {
	struct wordlist **lists;
	size_t n;
};

/* The slot for key[0..n) in a table: the one holding it or the empty one
 * where it would go. */
static struct wl_slot *
wl_slot_find(struct wl_slot *tab, size_t cap, const char *key, size_t n)
{
	size_t i = (size_t)hash_bytes(key, n) & (cap - 1);

	for (;;) {
		struct wl_slot *s = &tab[i];

		if (s->key == NULL || (strncmp(s->key, key, n) == 0 && s->key[n] == '\0'))
			return s;
		i = (i + 1) & (cap - 1);
	}
}

static void
wl_slot_add(struct wl_slot *tab, size_t cap, const char *key, size_t idx)
{
	struct wl_slot *s = wl_slot_find(tab, cap, key, strlen(key));

	s->key = key;
	s->idx = xreallocarray(s->idx, s->n_idx + 1, sizeof *s->idx);
	s->idx[s->n_idx++] = idx;
}

static void
wl_entry_free(struct wl_entry *e)
{
	size_t i;

	for (i = 0; i < e->n_toks; i++)
		free(e->toks[i]);
	free(e->toks);
	free(e->text);
	free(e->replacement);
}

void
wordlist_free(struct wordlist *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++)
		wl_entry_free(&l->entries[i]);
	for (i = 0; i < l->cap; i++) {
		free(l->first[i].idx);
		free(l->whole[i].idx);
	}
	free(l->entries);
	free(l->first);
	free(l->whole);
	free(l->name);
	free(l);
}

/* Trims spaces at both ends of s[0..*n); returns the new start. */
static char *
wl_trim(char *s, size_t *n)
{
	while (*n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		(*n)--;
	}
	while (*n > 0 && (s[*n - 1] == ' ' || s[*n - 1] == '\t' || s[*n - 1] == '\r' || s[*n - 1] == '\n'))
		(*n)--;
	return s;
}

/* Parses one entry line into e; false when the line holds no entry. */
static bool
wl_parse_entry(char *line, size_t len, struct wl_entry *e)
{
	struct text_doc doc;
	char *arrow, *s, *hash;
	size_t n, i, tlen;

	memset(e, 0, sizeof *e);
	/* '#' at the start or after a space starts a comment. */
	for (hash = line; (hash = memchr(hash, '#', len - (size_t)(hash - line))) != NULL; hash++) {
		if (hash == line || hash[-1] == ' ' || hash[-1] == '\t') {
			len = (size_t)(hash - line);
			break;
		}
	}
	line[len] = '\0';
	arrow = strstr(line, "=>");
	n = arrow != NULL ? (size_t)(arrow - line) : len;
	s = wl_trim(line, &n);
	if (n == 0)
		return false;
	if (arrow != NULL) {
		size_t rn = strlen(arrow + 2);
		char *r = wl_trim(arrow + 2, &rn);

		if (rn > 0)
			e->replacement = xstrndup(r, rn);
	}
	text_analyze(s, n, &doc);
	if (doc.n_toks == 0) {
		text_doc_free(&doc);
		free(e->replacement);
		e->replacement = NULL;
		return false;
	}
	e->n_toks = doc.n_toks;
	e->toks = xcalloc(doc.n_toks, sizeof *e->toks);
	tlen = 0;
	for (i = 0; i < doc.n_toks; i++) {
		e->toks[i] = text_tok_lower(&doc, i);
		tlen += strlen(e->toks[i]) + 1;
	}
	e->text = xmalloc(tlen + 1);
	e->text[0] = '\0';
	for (i = 0; i < doc.n_toks; i++) {
		if (i > 0)
			strcat(e->text, " ");
		strcat(e->text, e->toks[i]);
	}
	text_doc_free(&doc);
	return true;
}

/* Orders a chain longest entry first, so the first full match is the longest. */
static int
wl_cmp_len(const void *a, const void *b, void *arg)
{
	const struct wordlist *l = arg;
	size_t la = l->entries[*(const size_t *)a].n_toks;
	size_t lb = l->entries[*(const size_t *)b].n_toks;

	return la < lb ? 1 : la > lb ? -1 : 0;
}

static void
wl_index(struct wordlist *l)
{
	size_t i;

	l->cap = 16;
	while (l->cap < l->n * 2 + 2)
		l->cap *= 2;
	l->first = xcalloc(l->cap, sizeof *l->first);
	l->whole = xcalloc(l->cap, sizeof *l->whole);
	for (i = 0; i < l->n; i++) {
		const unsigned char *t0 = (const unsigned char *)l->entries[i].toks[0];
		size_t n0 = strlen((const char *)t0);

		wl_slot_add(l->first, l->cap, l->entries[i].toks[0], i);
		wl_slot_add(l->whole, l->cap, l->entries[i].text, i);
		unsigned bit = wl_start_bit(t0, n0);

		l->starts[bit / 64] |= (uint64_t)1 << (bit % 64);
	}
	for (i = 0; i < l->cap; i++) {
		if (l->first[i].n_idx > 1)
			qsort_r(l->first[i].idx, l->first[i].n_idx, sizeof(size_t), wl_cmp_len, l);
	}
}

int
wordlist_load_file(const char *path, struct wordlist **out, struct error *err)
{
	FILE *f;
	struct wordlist *l;
	char *line = NULL, *base, *dot;
	size_t cap = 0, lineno = 0, ecap = 0, used = 0;
	ssize_t got;

	*out = NULL;
	f = fopen(path, "r");
	if (f == NULL)
		return error_set(err, ERR_IO, "cannot read word list %s: %s", path, strerror(errno));
	l = xcalloc(1, sizeof *l);
	base = strrchr(path, '/');
	l->name = xstrdup(base != NULL ? base + 1 : path);
	dot = strrchr(l->name, '.');
	if (dot != NULL && strcmp(dot, ".txt") == 0)
		*dot = '\0';
	while ((got = bounded_getline(&line, &cap, f, &used, BOUNDED_WORDLIST_MAX)) >= 0) {
		struct wl_entry e;

		lineno++;
		if (u8_check((const uint8_t *)line, (size_t)got) != NULL ||
		    memchr(line, '\0', (size_t)got) != NULL) {
			error_set(err, ERR_FORMAT, "%s:%zu: not valid UTF-8 text; save the list as UTF-8",
			    path, lineno);
			free(line);
			fclose(f);
			wordlist_free(l);
			return -1;
		}
		if (!wl_parse_entry(line, (size_t)got, &e))
			continue;
		if (l->n == ecap) {
			ecap = ecap ? ecap * 2 : 64;
			l->entries = xreallocarray(l->entries, ecap, sizeof *l->entries);
		}
		l->entries[l->n++] = e;
	}
	free(line);
	if (got == -2 || ferror(f)) {
		if (got == -2)
			bounded_too_big(err, path, "a word list", BOUNDED_WORDLIST_MAX);
		else
			error_set(err, ERR_IO, "cannot read word list %s: %s", path, strerror(errno));
		fclose(f);
		wordlist_free(l);
		return -1;
	}
	fclose(f);
	wl_index(l);
	*out = l;
	return 0;
}

static int
wl_cmp_name(const void *a, const void *b)
{
	return strcmp((*(struct wordlist *const *)a)->name, (*(struct wordlist *const *)b)->name);
}

int
wordlists_load(const char *dir, struct wordlists **out, struct error *err)
{
	DIR *d;
	struct dirent *de;
	struct wordlists *wl;

	*out = NULL;
	d = opendir(dir);
	if (d == NULL)
		return error_set(err, ERR_IO, "cannot open the word list directory %s: %s",
		    dir, strerror(errno));
	wl = xcalloc(1, sizeof *wl);
	while ((de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);
		struct wordlist *l;
		char *path;
		int rc;

		if (n <= 4 || strcmp(de->d_name + n - 4, ".txt") != 0 || de->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		rc = wordlist_load_file(path, &l, err);
		free(path);
		if (rc != 0) {
			closedir(d);
			wordlists_free(wl);
			return -1;
		}
		wl->lists = xreallocarray(wl->lists, wl->n + 1, sizeof *wl->lists);
		wl->lists[wl->n++] = l;
	}
	closedir(d);
	if (wl->n > 1)
		qsort(wl->lists, wl->n, sizeof *wl->lists, wl_cmp_name);
	*out = wl;
	return 0;
}

void
wordlists_free(struct wordlists *wl)
{
	size_t i;

	if (wl == NULL)
		return;
	for (i = 0; i < wl->n; i++)
		wordlist_free(wl->lists[i]);
	free(wl->lists);
	free(wl);
}

const struct wordlist *
wordlists_get(const struct wordlists *wl, const char *name)
{
	size_t i;

	if (wl == NULL || name == NULL)
		return NULL;
	for (i = 0; i < wl->n; i++) {
		if (wl->lists[i]->name[0] == name[0] && strcmp(wl->lists[i]->name, name) == 0)
			return wl->lists[i];
	}
	return NULL;
}

size_t
wordlist_size(const struct wordlist *l)
{
	return l != NULL ? l->n : 0;
}

const char *
wordlist_entry(const struct wordlist *l, size_t i, const char **replacement)
{
	if (l == NULL || i >= l->n)
		return NULL;
	if (replacement != NULL)
		*replacement = l->entries[i].replacement;
	return l->entries[i].text;
}

bool
wordlist_contains(const struct wordlist *l, const char *lower_word)
{
	if (l == NULL || lower_word == NULL || l->cap == 0)
		return false;
	return wl_slot_find(l->whole, l->cap, lower_word, strlen(lower_word))->key != NULL;
}

/* True when doc token tok, lower-cased, equals the lower-case string w. */
static bool
wl_tok_eq(const struct text_doc *doc, size_t tok, const char *w)
{
	const struct token *t = &doc->toks[tok];
	const unsigned char *s = (const unsigned char *)doc->text + t->off;
	size_t i;
	for (i = 0; i < t->len; i++) {
		unsigned char a = s[i];

		if (a >= 0x80) {
			char *low = text_tok_lower(doc, tok);
			bool eq = strcmp(low, w) == 0;

			free(low);
			return eq;
		}
		if (a >= 'A' && a <= 'Z')
			a += 32;
		if (w[i] == '\0' || (unsigned char)w[i] != a)
			return false;
	}
	return w[t->len] == '\0';
}

size_t
wordlist_match(const struct wordlist *l, const struct text_doc *doc, size_t tok,
    const char **replacement)
{
	const struct token *t;
	const struct wl_slot *slot;
	char buf[64], *low = NULL;
	const char *key;
	size_t i, n;
	bool ascii = true;

	if (replacement != NULL)
		*replacement = NULL;
	if (l == NULL || doc == NULL || tok >= doc->n_toks || l->cap == 0)
		return 0;
	t = &doc->toks[tok];
	if (t->kind == TOK_INVALID)
		return 0;
	for (i = 0; i < t->len; i++) {
		if ((unsigned char)doc->text[t->off + i] >= 0x80) {
			ascii = false;
			break;
		}
	}
	if (ascii && t->len < sizeof buf) {
		unsigned bit;

		if (t->len == 0)
			return 0;
		bit = wl_start_bit((const unsigned char *)doc->text + t->off, t->len);
		if (!(l->starts[bit / 64] & ((uint64_t)1 << (bit % 64))))
			return 0;
		for (i = 0; i < t->len; i++) {
			char c = doc->text[t->off + i];

			buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		}
		buf[t->len] = '\0';
		key = buf;
	} else if (t->len > 256) {
		return 0;       /* no entry is that long */
	} else {
		low = text_tok_lower(doc, tok);
		key = low;
	}
	slot = wl_slot_find(l->first, l->cap, key, strlen(key));
	free(low);
	if (slot->key == NULL)
		return 0;
	for (i = 0; i < slot->n_idx; i++) {
		const struct wl_entry *e = &l->entries[slot->idx[i]];

		if (tok + e->n_toks > doc->n_toks)
			continue;
		for (n = 1; n < e->n_toks; n++) {
			if (!wl_tok_eq(doc, tok + n, e->toks[n]))
				break;
		}
		if (n == e->n_toks) {
			if (replacement != NULL)
				*replacement = e->replacement;
			return e->n_toks;
		}
	}
	return 0;
}
