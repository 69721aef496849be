/* SPDX-License-Identifier: MIT */
/*
 * spell.c: the hunspell wrapper. Our own words (federal list, user, project)
 * live in hash sets checked before hunspell, with the usual case rules; our
 * affix-aware lists ("runbook/SM") go into hunspell itself as an extra
 * dictionary; a hyphenated word is known when its parts are, or when its
 * first part is a listed prefix ("pre-award"). The answers of hunspell, and
 * its suggestions, are cached per word because it is by far the slowest part
 * of a check.
 */
#include "config.h"
#include "spell.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hunspell/hunspell.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "bounded.h"
#include "hash.h"
#include "strbuf.h"
#include "xalloc.h"

/* Longer "words" are never looked up: hunspell refuses them anyway. */
#define SPELL_MAX_WORD 100
/* The cache is emptied when it grows past this (a 20 MB file of noise). */
#define SPELL_MAX_CACHE 200000

struct spell_item {
	char *key;              /* NULL: empty slot */
	signed char ok;         /* cache: -1 unknown, 0 misspelled, 1 correct */
	char **sugg;            /* cache: suggestions once computed */
};

/* Open-addressing hash table of strings. */
struct spell_set {
	struct spell_item *items;
	size_t cap, n;
};

struct spell {
	Hunhandle *h;                   /* checks, and suggests without n-grams; opened on first use */
	Hunhandle *full;                /* full suggestions, opened on first need */
	bool broken;                    /* hunspell refused to open: every word passes */
	char *aff, *dic;                /* the system dictionary's files */
	struct strbuf affixed;          /* "word/FLAGS\n" lines added to hunspell's dictionary */
	size_t n_affixed;
	bool flags_read;                /* flag_ok filled from the .aff */
	bool flag_ok[128];              /* the affix flags the .aff defines (PFX, SFX) */
	struct spell_set words;         /* federal list, user's words, added words */
	struct spell_set project;       /* the project's words */
	struct spell_set prefixes;      /* lower-case prefixes accepted before a hyphen */
	struct spell_set cache;         /* hunspell's answers */
};

static struct spell_item *
spell_set_slot(const struct spell_set *set, const char *key, size_t n)
{
	size_t i = (size_t)hash_bytes(key, n) & (set->cap - 1);

	for (;;) {
		struct spell_item *it = &set->items[i];

		if (it->key == NULL || (strncmp(it->key, key, n) == 0 && it->key[n] == '\0'))
			return it;
		i = (i + 1) & (set->cap - 1);
	}
}

static void
spell_set_clear(struct spell_set *set)
{
	size_t i;

	for (i = 0; i < set->cap; i++) {
		free(set->items[i].key);
		spell_free_list(set->items[i].sugg);
	}
	free(set->items);
	memset(set, 0, sizeof *set);
}

static struct spell_item *spell_set_insert(struct spell_set *set, const char *key, size_t n);

static void
spell_set_grow(struct spell_set *set)
{
	struct spell_set bigger = { .cap = set->cap ? set->cap * 2 : 256 };
	size_t i;

	bigger.items = xcalloc(bigger.cap, sizeof *bigger.items);
	for (i = 0; i < set->cap; i++) {
		struct spell_item *it = &set->items[i];

		if (it->key != NULL) {
			*spell_set_slot(&bigger, it->key, strlen(it->key)) = *it;
			bigger.n++;
		}
	}
	free(set->items);
	*set = bigger;
}

/* The item for key (created, with ok = -1, when absent). */
static struct spell_item *
spell_set_insert(struct spell_set *set, const char *key, size_t n)
{
	struct spell_item *it;

	if ((set->n + 1) * 2 > set->cap)
		spell_set_grow(set);
	it = spell_set_slot(set, key, n);
	if (it->key == NULL) {
		it->key = xstrndup(key, n);
		it->ok = -1;
		it->sugg = NULL;
		set->n++;
	}
	return it;
}

static bool
spell_set_has(const struct spell_set *set, const char *key, size_t n)
{
	return set->cap > 0 && spell_set_slot(set, key, n)->key != NULL;
}

/* A temporary file holding the bytes of the file from (NULL: none), then
 * head, then body (each may be NULL); its path, or NULL when it cannot be
 * written. The caller unlinks and frees it. */
static char *
spell_temp_file(const char *from, const char *head, const char *body)
{
	const char *tmp = getenv("TMPDIR");
	char *path = xasprintf("%s/ecqcoach-spell.XXXXXX", tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	char buf[8192];
	size_t n;
	int fd = mkstemp(path);
	FILE *in = from != NULL ? fopen(from, "r") : NULL, *out = fd >= 0 ? fdopen(fd, "w") : NULL;
	bool ok = out != NULL && (from == NULL || in != NULL);

	while (ok && in != NULL && (n = fread(buf, 1, sizeof buf, in)) > 0)
		ok = fwrite(buf, 1, n, out) == n;
	ok = ok && (in == NULL || !ferror(in));
	ok = ok && (head == NULL || fputs(head, out) >= 0) && (body == NULL || fputs(body, out) >= 0);
	if (in != NULL)
		fclose(in);
	if (out != NULL)
		ok = fclose(out) == 0 && ok;
	else if (fd >= 0)
		close(fd);
	if (!ok) {
		if (fd >= 0)
			unlink(path);
		free(path);
		return NULL;
	}
	return path;
}

/* Gives a new hunspell handle our affix-aware words, as an extra dictionary
 * read with the handle's own .aff (which must still exist). Without a
 * temporary file, the bare stems at least. */
static void
spell_attach(struct spell *sp, Hunhandle *h)
{
	char count[32], *path, *line, *end;

	if (sp->n_affixed == 0)
		return;
	snprintf(count, sizeof count, "%zu\n", sp->n_affixed);
	path = spell_temp_file(NULL, count, sp->affixed.s);
	if (path != NULL) {
		Hunspell_add_dic(h, path);
		unlink(path);
		free(path);
		return;
	}
	for (line = sp->affixed.s; *line != '\0'; line = end + 1) {
		char *slash;

		end = strchr(line, '\n');
		slash = memchr(line, '/', (size_t)(end - line));
		*(slash != NULL ? slash : end) = '\0';
		Hunspell_add(h, line);
		*(slash != NULL ? slash : end) = slash != NULL ? '/' : '\n';
	}
}

/* The checking handle, opened on first use with our affix-aware words.
 * Its .aff is a copy of the system one with "MAXNGRAMSUGS 0" appended:
 * hunspell's n-gram search costs about 0.1 s a word; without it a typo
 * ("managment") still gets its suggestions from the edit rules (REP, MAP,
 * TRY) in well under 1 ms. NULL when hunspell refuses the dictionary. */
static Hunhandle *
spell_handle(struct spell *sp)
{
	char *fast;

	if (sp->h != NULL || sp->broken)
		return sp->h;
	fast = spell_temp_file(sp->aff, "\nMAXNGRAMSUGS 0\n", NULL);
	if (fast != NULL) {
		sp->h = Hunspell_create(fast, sp->dic);
		if (sp->h != NULL)
			spell_attach(sp, sp->h);
		unlink(fast);
		free(fast);
	} else {
		sp->h = sp->full = Hunspell_create(sp->aff, sp->dic);
		if (sp->h != NULL)
			spell_attach(sp, sp->h);
	}
	sp->broken = sp->h == NULL;
	return sp->h;
}

/* The handle for full suggestions (n-grams), opened on first need. */
static Hunhandle *
spell_full_handle(struct spell *sp)
{
	if (sp->full == NULL && spell_handle(sp) != NULL && sp->full == NULL) {
		sp->full = Hunspell_create(sp->aff, sp->dic);
		if (sp->full != NULL)
			spell_attach(sp, sp->full);
	}
	return sp->full;
}

/* Closes both handles (reopened on next use) and forgets their answers. */
static void
spell_close_handles(struct spell *sp)
{
	if (sp->full != NULL && sp->full != sp->h)
		Hunspell_destroy(sp->full);
	if (sp->h != NULL)
		Hunspell_destroy(sp->h);
	sp->h = sp->full = NULL;
	sp->broken = false;
	spell_set_clear(&sp->cache);
}

int
spell_new(const char *dir, const char *lang, struct spell **out, struct error *err)
{
	char *aff, *dic;
	struct spell *sp;

	*out = NULL;
	if (dir == NULL)
		dir = "/usr/share/hunspell";
	if (lang == NULL)
		lang = "en_US";
	aff = xasprintf("%s/%s.aff", dir, lang);
	dic = xasprintf("%s/%s.dic", dir, lang);
	if (access(aff, R_OK) != 0 || access(dic, R_OK) != 0) {
		error_set(err, ERR_NOTFOUND,
		    "no %s hunspell dictionary in %s; install the Debian package hunspell-en-us "
		    "(spelling is not checked)", lang, dir);
		free(aff);
		free(dic);
		return -1;
	}
	sp = xcalloc(1, sizeof *sp);
	sp->aff = aff;
	sp->dic = dic;
	*out = sp;
	return 0;
}

void
spell_free(struct spell *sp)
{
	if (sp == NULL)
		return;
	spell_close_handles(sp);
	spell_set_clear(&sp->words);
	spell_set_clear(&sp->project);
	spell_set_clear(&sp->prefixes);
	free(sp->affixed.s);
	free(sp->aff);
	free(sp->dic);
	free(sp);
}

/* Fills sp->flag_ok with the one-character flags of the .aff's PFX and SFX
 * lines. An unreadable .aff leaves every ASCII letter allowed. */
static void
spell_read_flags(struct spell *sp)
{
	char line[512];
	FILE *f;
	int c;

	if (sp->flags_read)
		return;
	sp->flags_read = true;
	f = fopen(sp->aff, "r");
	if (f == NULL) {
		for (c = 'A'; c <= 'z'; c++)
			sp->flag_ok[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
		return;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		unsigned char flag = (unsigned char)line[4];

		if ((strncmp(line, "PFX ", 4) == 0 || strncmp(line, "SFX ", 4) == 0) && flag < 128 &&
		    flag > ' ' && (line[5] == ' ' || line[5] == '\t'))
			sp->flag_ok[flag] = true;
	}
	fclose(f);
}

/* Checks one entry of an affix-aware list ("runbook/SM"); 0, or -1 with
 * ERR_FORMAT naming FILE:LINE. */
static int
spell_check_entry(struct spell *sp, const char *s, size_t n, const char *name, size_t lineno,
    struct error *err)
{
	const char *slash = memchr(s, '/', n);
	size_t wn = slash != NULL ? (size_t)(slash - s) : n, i;

	if (memchr(s, ' ', n) != NULL || memchr(s, '\t', n) != NULL)
		return error_set(err, ERR_FORMAT, "%s:%zu: one word a line, with its flags after a '/'",
		    name, lineno);
	if (wn == 0 || wn > SPELL_MAX_WORD)
		return error_set(err, ERR_FORMAT, "%s:%zu: a word of 1 to %d bytes must come before "
		    "the '/'", name, lineno, SPELL_MAX_WORD);
	if (slash == NULL)
		return 0;
	if (wn + 1 == n)
		return error_set(err, ERR_FORMAT, "%s:%zu: no flags after the '/'", name, lineno);
	spell_read_flags(sp);
	for (i = wn + 1; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 128 || !sp->flag_ok[c])
			return error_set(err, ERR_FORMAT, "%s:%zu: '%c' is not an affix flag of %s "
			    "(see its PFX and SFX lines)", name, lineno, c >= 128 ? '?' : c, sp->aff);
	}
	return 0;
}

int
spell_add_affixed_stream(struct spell *sp, FILE *f, const char *name, struct error *err)
{
	struct strbuf add = { 0 };
	char *line = NULL;
	size_t cap = 0, lineno = 0, used = 0, n_add = 0;
	ssize_t got;
	int rc = 0;

	while ((got = bounded_getline(&line, &cap, f, &used, BOUNDED_WORDLIST_MAX)) >= 0) {
		char *s = line;
		size_t n;

		lineno++;
		if (u8_check((const uint8_t *)line, (size_t)got) != NULL ||
		    memchr(line, '\0', (size_t)got) != NULL) {
			rc = error_set(err, ERR_FORMAT, "%s:%zu: not valid UTF-8 text; save the word file "
			    "as UTF-8", name, lineno);
			goto out;
		}
		s[strcspn(s, "#")] = '\0';
		while (*s == ' ' || *s == '\t')
			s++;
		n = strlen(s);
		while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' ||
		    s[n - 1] == '\n'))
			n--;
		if (n == 0)
			continue;
		if (spell_check_entry(sp, s, n, name, lineno, err) != 0) {
			rc = -1;
			goto out;
		}
		strbuf_add(&add, s, n);
		strbuf_add(&add, "\n", 1);
		n_add++;
	}
	if (got == -2) {
		rc = bounded_too_big(err, name, "a word list", BOUNDED_WORDLIST_MAX);
		goto out;
	}
	if (ferror(f)) {
		rc = error_set(err, ERR_IO, "cannot read the word file %s: %s", name, strerror(EIO));
		goto out;
	}
	if (n_add > 0) {
		strbuf_add(&sp->affixed, add.s, add.len);
		sp->n_affixed += n_add;
		/* Handles already open lack these words: reopen on next use. */
		spell_close_handles(sp);
	}
out:
	free(add.s);
	free(line);
	return rc;
}

int
spell_add_affixed_file(struct spell *sp, const char *path, struct error *err)
{
	FILE *f = fopen(path, "r");
	int rc;

	if (f == NULL)
		return error_set(err, ERR_IO, "cannot read the word file %s: %s", path, strerror(errno));
	rc = spell_add_affixed_stream(sp, f, path, err);
	fclose(f);
	return rc;
}

void
spell_add_hyphen_prefix(struct spell *sp, const char *prefix)
{
	char buf[SPELL_MAX_WORD + 1];
	size_t n, i;

	if (sp == NULL || prefix == NULL)
		return;
	n = strlen(prefix);
	while (n > 0 && prefix[n - 1] == '-')
		n--;
	if (n == 0 || n > SPELL_MAX_WORD)
		return;
	for (i = 0; i < n; i++)
		buf[i] = prefix[i] >= 'A' && prefix[i] <= 'Z' ? (char)(prefix[i] - 'A' + 'a') : prefix[i];
	spell_set_insert(&sp->prefixes, buf, n);
}

void
spell_add_word(struct spell *sp, const char *word)
{
	size_t n;

	if (sp == NULL || word == NULL)
		return;
	n = strlen(word);
	while (n > 0 && (word[n - 1] == ' ' || word[n - 1] == '\t' || word[n - 1] == '\r' ||
	    word[n - 1] == '\n'))
		n--;
	while (n > 0 && (*word == ' ' || *word == '\t')) {
		word++;
		n--;
	}
	if (n > 0 && n <= SPELL_MAX_WORD)
		spell_set_insert(&sp->words, word, n);
}

int
spell_add_stream(struct spell *sp, FILE *f, const char *name, struct error *err)
{
	char *line = NULL;
	size_t cap = 0, lineno = 0, used = 0;
	ssize_t got;

	while ((got = bounded_getline(&line, &cap, f, &used, BOUNDED_WORDLIST_MAX)) >= 0) {
		char *s = line;

		lineno++;
		if (u8_check((const uint8_t *)line, (size_t)got) != NULL ||
		    memchr(line, '\0', (size_t)got) != NULL) {
			free(line);
			return error_set(err, ERR_FORMAT, "%s:%zu: not valid UTF-8 text; save the word file as UTF-8",
			    name, lineno);
		}
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '#')
			continue;
		s[strcspn(s, "#")] = '\0';
		spell_add_word(sp, s);
	}
	free(line);
	if (got == -2)
		return bounded_too_big(err, name, "a word list", BOUNDED_WORDLIST_MAX);
	if (ferror(f))
		return error_set(err, ERR_IO, "cannot read the word file %s: %s", name, strerror(EIO));
	return 0;
}

int
spell_add_file(struct spell *sp, const char *path, struct error *err)
{
	FILE *f = fopen(path, "r");
	int rc;

	if (f == NULL)
		return error_set(err, ERR_IO, "cannot read the word file %s: %s", path, strerror(errno));
	rc = spell_add_stream(sp, f, path, err);
	fclose(f);
	return rc;
}

void
spell_set_project_words(struct spell *sp, const struct strlist *words)
{
	size_t i;

	if (sp == NULL)
		return;
	spell_set_clear(&sp->project);
	if (words == NULL)
		return;
	for (i = 0; i < words->n; i++) {
		size_t n = strlen(words->items[i]);

		if (n > 0 && n <= SPELL_MAX_WORD)
			spell_set_insert(&sp->project, words->items[i], n);
	}
}

static bool
spell_in_sets(const struct spell *sp, const char *w, size_t n)
{
	return spell_set_has(&sp->words, w, n) || spell_set_has(&sp->project, w, n);
}

/* Our own lists, with the case rules of a dictionary: a lower-case entry
 * also accepts its capitalised and its all-capital forms. */
static bool
spell_known_own(const struct spell *sp, const char *w, size_t n)
{
	uint8_t buf[SPELL_MAX_WORD * 2 + 8];
	size_t lower_n = sizeof buf;
	uint8_t *low;
	ucs4_t first;
	int k;
	bool ok;

	if (sp->words.n == 0 && sp->project.n == 0)
		return false;
	if (spell_in_sets(sp, w, n))
		return true;
	k = u8_mbtouc(&first, (const uint8_t *)w, n);
	if (k < 1 || !(uc_is_upper(first) || uc_is_general_category(first, UC_TITLECASE_LETTER)))
		return false;
	/* "Interagency" -> "interagency". */
	memcpy(buf, w, n);
	{
		ucs4_t lf = uc_tolower(first);
		int lk = u8_uctomb(buf, lf, 6);

		if (lk == k) {
			if (spell_in_sets(sp, (const char *)buf, n))
				return true;
		}
	}
	/* "INTERAGENCY" -> "interagency". */
	low = u8_tolower((const uint8_t *)w, n, NULL, NULL, buf, &lower_n);
	if (low == NULL)
		return false;
	ok = false;
	if (!(lower_n == n && memcmp(low, w, n) == 0) && spell_in_sets(sp, (const char *)low, lower_n)) {
		/* Only when the word really is all capitals. */
		size_t un = 0;
		uint8_t *up = u8_toupper((const uint8_t *)w, n, NULL, NULL, NULL, &un);

		ok = up != NULL && un == n && memcmp(up, w, n) == 0;
		free(up);
	}
	if (low != buf)
		free(low);
	return ok;
}

static struct spell_item *
spell_cached(struct spell *sp, const char *w, size_t n)
{
	struct spell_item *it;

	if (sp->cache.n >= SPELL_MAX_CACHE)
		spell_set_clear(&sp->cache);
	it = spell_set_insert(&sp->cache, w, n);
	if (it->ok < 0) {
		Hunhandle *h = spell_handle(sp);

		it->ok = h == NULL || Hunspell_spell(h, it->key) != 0;
	}
	return it;
}

/* The length of the hyphen at s[0..n) ('-', U+2010, U+2011), 0 for none. */
static size_t
spell_hyphen_at(const char *s, size_t n)
{
	if (n >= 1 && s[0] == '-')
		return 1;
	if (n >= 3 && memcmp(s, "\xe2\x80", 2) == 0 && (s[2] == '\x90' || s[2] == '\x91'))
		return 3;
	return 0;
}

static bool
spell_is_prefix(const struct spell *sp, const char *w, size_t n)
{
	char buf[SPELL_MAX_WORD];
	size_t i;

	if (sp->prefixes.n == 0 || n > SPELL_MAX_WORD)
		return false;
	for (i = 0; i < n; i++)
		buf[i] = w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] - 'A' + 'a') : w[i];
	return spell_set_has(&sp->prefixes, buf, n);
}

static bool spell_check_word(struct spell *sp, const char *word, size_t len);

/* A hyphenated word hunspell does not know: every part known, except that
 * the first may be a listed prefix ("pre-award", "intra-agency"). An empty
 * part ("pre--award", "-award") is not a word. */
static bool
spell_check_hyphenated(struct spell *sp, const char *w, size_t n)
{
	size_t at = 0, i = 0, h;
	bool split = false;

	for (;;) {
		h = i < n ? spell_hyphen_at(w + i, n - i) : 0;
		if (i < n && h == 0) {
			i++;
			continue;
		}
		/* w[at..i) is a part, ended by a hyphen of h bytes or by the end. */
		if (i == at)
			return false;
		if (!spell_check_word(sp, w + at, i - at) && !(at == 0 && spell_is_prefix(sp, w, i)))
			return false;
		if (i == n)
			return split;
		split = true;
		i += h;
		at = i;
	}
}

bool
spell_check(struct spell *sp, const char *word, size_t len)
{
	if (sp == NULL || word == NULL || len == 0)
		return true;
	if (len > SPELL_MAX_WORD || memchr(word, '\0', len) != NULL)
		return false;
	if (spell_check_word(sp, word, len))
		return true;
	return spell_check_hyphenated(sp, word, len);
}

/* One word, no splitting at hyphens (hunspell may still split at '-'). */
static bool
spell_check_word(struct spell *sp, const char *word, size_t len)
{
	if (spell_known_own(sp, word, len))
		return true;
	if (spell_cached(sp, word, len)->ok)
		return true;
	/* Possessives of our own words: "FedRAMP's", "DoD’s". */
	if (len > 2 && word[len - 2] == '\'' && word[len - 1] == 's')
		return spell_known_own(sp, word, len - 2);
	if (len > 4 && memcmp(word + len - 4, "\xe2\x80\x99s", 4) == 0)
		return spell_known_own(sp, word, len - 4) || spell_cached(sp, word, len - 4)->ok;
	return false;
}

static char **
spell_copy_list(char **list, size_t max)
{
	size_t n = 0, i;
	char **out;

	while (list != NULL && list[n] != NULL)
		n++;
	if (n > max)
		n = max;
	out = xcalloc(n + 1, sizeof *out);
	for (i = 0; i < n; i++)
		out[i] = xstrdup(list[i]);
	return out;
}

char **
spell_suggest_budget(struct spell *sp, const char *word, size_t len, size_t max,
    struct spell_budget *budget)
{
	struct spell_item *it;

	if (sp == NULL || word == NULL || len == 0 || len > SPELL_MAX_WORD ||
	    memchr(word, '\0', len) != NULL)
		return xcalloc(1, sizeof(char *));
	it = spell_cached(sp, word, len);
	if (it->sugg == NULL) {
		char **list = NULL;
		int n = 0, i;
		Hunhandle *from = spell_handle(sp), *full;

		if (budget != NULL && budget->quick <= 0)
			return xcalloc(1, sizeof(char *));
		if (budget != NULL)
			budget->quick--;
		if (from != NULL)
			n = Hunspell_suggest(from, &list, it->key);
		/* Nothing from the quick rules: ask for the full n-gram search. */
		if (from != NULL && n <= 0 && sp->full != sp->h && (budget == NULL || budget->full > 0)) {
			if (budget != NULL)
				budget->full--;
			if (list != NULL)
				Hunspell_free_list(from, &list, n);
			list = NULL;
			n = 0;
			full = spell_full_handle(sp);
			if (full != NULL) {
				n = Hunspell_suggest(full, &list, it->key);
				from = full;
			}
		}
		it->sugg = xcalloc((size_t)(n > 0 ? n : 0) + 1, sizeof *it->sugg);
		for (i = 0; i < n; i++)
			it->sugg[i] = xstrdup(list[i]);
		if (list != NULL)
			Hunspell_free_list(from, &list, n);
	}
	return spell_copy_list(it->sugg, max);
}

char **
spell_suggest(struct spell *sp, const char *word, size_t len, size_t max)
{
	return spell_suggest_budget(sp, word, len, max, NULL);
}

void
spell_free_list(char **list)
{
	size_t i;

	if (list == NULL)
		return;
	for (i = 0; list[i] != NULL; i++)
		free(list[i]);
	free(list);
}
