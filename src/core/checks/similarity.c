/* SPDX-License-Identifier: MIT */
/*
 * similarity.c: how much two example texts tell the same story, and the
 * duplicate_example rule built on it. An example becomes a bag of content
 * words (stems of the words not in "stopwords"); each word is weighed by
 * its rarity across the examples compared, and two bags are compared by
 * weighted containment so a shortened retelling still matches.
 * Measured on the labeled narratives (tests/data) and the demo projects:
 * unrelated examples of one narrative score at most 0.27, a story retold in
 * other words 0.66 to 0.71, a copied one 0.97. Prints nothing, keeps no state.
 */
#include "config.h"
#include "checks/project_rules.h"
#include "checks/project_run.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "xalloc.h"

/* Strips a plural or verb ending so "modernized" and "modernizing" meet. */
static char *
stem(const char *w)
{
	size_t n = strlen(w);
	char *s = xstrdup(w);

	if (n > 5 && strcmp(s + n - 3, "ing") == 0)
		s[n - 3] = '\0';
	else if (n > 4 && strcmp(s + n - 2, "ed") == 0)
		s[n - 2] = '\0';
	else if (n > 4 && strcmp(s + n - 3, "ies") == 0)
		strcpy(s + n - 3, "y");
	else if (n > 3 && s[n - 1] == 's' && s[n - 2] != 's')
		s[n - 1] = '\0';
	else if (n > 4 && s[n - 1] == 'e')
		s[n - 1] = '\0';
	n = strlen(s);
	if (n > 4 && s[n - 1] == 'e')
		s[n - 1] = '\0';
	return s;
}

/* The distinct content words of an example: stems of the words that are
 * not stop words, as sorted hashes, each with a flag for a digit inside
 * (numbers and dates are the specifics a retold story keeps). */
struct bag {
	uint64_t *h;
	unsigned char *digit;
	double *w;              /* weight of each word, once the table is known */
	size_t n;
	double total;
};

struct hflag {
	uint64_t h;
	unsigned char digit;
};

static int
cmp_hflag(const void *a, const void *b)
{
	const struct hflag *x = a, *y = b;

	return x->h < y->h ? -1 : x->h > y->h;
}

/* Appends to tmp (*n of *cap) the stems of text's content words. */
static void
bag_add(const char *text, const struct wordlist *stop, struct hflag **tmp, size_t *n,
    size_t *cap)
{
	struct words ws;
	size_t i;

	project_rules_words(text, &ws);
	if (*n + ws.n + 1 > *cap) {
		*cap = *n + ws.n + 1;
		*tmp = xreallocarray(*tmp, *cap, sizeof **tmp);
	}
	for (i = 0; i < ws.n; i++) {
		char *st;

		if (stop != NULL && wordlist_contains(stop, ws.w[i]))
			continue;
		if (stop == NULL && strlen(ws.w[i]) < 4)
			continue;
		st = stem(ws.w[i]);
		(*tmp)[*n].h = project_rules_hash(st);
		(*tmp)[*n].digit = strpbrk(st, "0123456789") != NULL;
		(*n)++;
		free(st);
	}
	project_rules_words_free(&ws);
}

/* Fills bag from the n stems in tmp, and frees tmp. */
static void
bag_make(struct hflag *tmp, size_t n, struct bag *bag)
{
	size_t i, k;

	qsort(tmp, n, sizeof *tmp, cmp_hflag);
	bag->h = xreallocarray(NULL, n + 1, sizeof *bag->h);
	bag->digit = xreallocarray(NULL, n + 1, 1);
	for (i = 0, k = 0; i < n; i++) {
		if (k > 0 && bag->h[k - 1] == tmp[i].h)
			continue;
		bag->h[k] = tmp[i].h;
		bag->digit[k] = tmp[i].digit;
		k++;
	}
	bag->n = k;
	free(tmp);
}

static const struct wordlist *
bag_stopwords(const struct wordlists *lists)
{
	return lists != NULL ? wordlists_get(lists, "stopwords") : NULL;
}

static void
bag_of(const char *text, const struct wordlists *lists, struct bag *bag)
{
	struct hflag *tmp = NULL;
	size_t n = 0, cap = 0;

	bag_add(text, bag_stopwords(lists), &tmp, &n, &cap);
	bag_make(tmp, n, bag);
}

static void
bag_free(struct bag *bag)
{
	free(bag->h);
	free(bag->digit);
	free(bag->w);
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Document frequencies of the words of n bags: a sorted table of hashes. */
struct df_table {
	uint64_t *h;
	size_t *df;
	size_t n, docs;
};

static void
df_build(const struct bag *bags, size_t n, struct df_table *t)
{
	size_t total = 0, i, j, k;
	uint64_t *all;

	for (i = 0; i < n; i++)
		total += bags[i].n;
	all = xreallocarray(NULL, total + 1, sizeof *all);
	for (i = 0, k = 0; i < n; i++)
		for (j = 0; j < bags[i].n; j++)
			all[k++] = bags[i].h[j];
	qsort(all, total, sizeof *all, cmp_u64);
	t->h = xreallocarray(NULL, total + 1, sizeof *t->h);
	t->df = xreallocarray(NULL, total + 1, sizeof *t->df);
	t->n = 0;
	t->docs = n;
	for (i = 0; i < total; i++) {
		if (t->n > 0 && t->h[t->n - 1] == all[i]) {
			t->df[t->n - 1]++;
		} else {
			t->h[t->n] = all[i];
			t->df[t->n++] = 1;
		}
	}
	free(all);
}

/* Weight of a word: rarer across the examples counts more, a number
 * three times more. */
static double
weight(const struct df_table *t, uint64_t h, bool digit)
{
	size_t lo = 0, hi = t->n, df = 1;
	double w;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->h[mid] < h) {
			lo = mid + 1;
		} else if (t->h[mid] > h) {
			hi = mid;
		} else {
			df = t->df[mid];
			break;
		}
	}
	w = log(1.0 + (double)t->docs / (double)df);
	return digit ? 3.0 * w : w;
}

/* Weighs every word of b under table t. */
static void
bag_weigh(struct bag *b, const struct df_table *t)
{
	size_t i;

	b->w = xreallocarray(NULL, b->n + 1, sizeof *b->w);
	b->total = 0;
	for (i = 0; i < b->n; i++) {
		b->w[i] = weight(t, b->h[i], b->digit[i]);
		b->total += b->w[i];
	}
}

/* Weighted containment: the weight of the shared words over the weight of
 * the smaller example, so a shortened retelling still matches. */
static double
containment(const struct bag *a, const struct bag *b)
{
	size_t i = 0, j = 0;
	double shared = 0, small = a->total < b->total ? a->total : b->total;

	if (small <= 0)
		return 0.0;
	while (i < a->n && j < b->n) {
		if (a->h[i] == b->h[j]) {
			shared += a->w[i];
			i++;
			j++;
		} else if (a->h[i] < b->h[j]) {
			i++;
		} else {
			j++;
		}
	}
	return shared / small;
}

/* Fewer distinct content words than this and an example is too short to
 * tell whether it is the same story. */
#define DUP_MIN_WORDS 12
/* Each example is compared with at most this many examples before it. */
#define DUP_WINDOW 200

double
project_rules_similarity(const char *a, const char *b, const struct wordlists *lists)
{
	struct bag bags[2];
	struct df_table t;
	double s;

	bag_of(a, lists, &bags[0]);
	bag_of(b, lists, &bags[1]);
	df_build(bags, 2, &t);
	bag_weigh(&bags[0], &t);
	bag_weigh(&bags[1], &t);
	s = containment(&bags[0], &bags[1]);
	bag_free(&bags[0]);
	bag_free(&bags[1]);
	free(t.h);
	free(t.df);
	return s;
}

/* ---- duplicate_example -------------------------------------------------- */

/* "example 2 "Title"" for messages. */
static char *
example_name(const struct example *ex)
{
	if (ex->field[EX_TITLE][0] != '\0')
		return xasprintf("example %d of ECQ %d (\"%s\")", ex->position + 1, ex->ecq + 1,
		    ex->field[EX_TITLE]);
	return xasprintf("example %d of ECQ %d", ex->position + 1, ex->ecq + 1);
}

static char *
example_text(const struct example *ex)
{
	return xasprintf("%s\n%s\n%s\n%s\n%s", ex->field[EX_TITLE], ex->field[EX_CHALLENGE],
	    ex->field[EX_CONTEXT], ex->field[EX_ACTION], ex->field[EX_RESULT]);
}

/* The bag of example_text(ex), made field by field: no word spans a line
 * break, so the words are the same and in the same order, and each field
 * is a text the other rules have segmented already (text_memo_begin). A
 * joined text longer than STORE_MAX_TEXT is cut there by
 * project_rules_words, so such an example is joined as before. */
static void
bag_of_example(const struct example *ex, const struct wordlists *lists, struct bag *bag)
{
	static const int parts[] = { EX_TITLE, EX_CHALLENGE, EX_CONTEXT, EX_ACTION, EX_RESULT };
	const size_t n_parts = sizeof parts / sizeof *parts;
	struct hflag *tmp = NULL;
	size_t total = n_parts - 1, n = 0, cap = 0, i;

	for (i = 0; i < n_parts; i++)
		total += strlen(ex->field[parts[i]]);
	if (total > STORE_MAX_TEXT) {
		char *text = example_text(ex);

		bag_of(text, lists, bag);
		free(text);
		return;
	}
	for (i = 0; i < n_parts; i++)
		bag_add(ex->field[parts[i]], bag_stopwords(lists), &tmp, &n, &cap);
	bag_make(tmp, n, bag);
}

void
similarity_check_duplicates(const struct run *r)
{
	double limit = framework_rule(r->fw, "duplicate_similarity", 0.5);
	size_t n = r->p->n_examples, i, j;
	struct bag *bags;
	struct df_table t;

	if (n < 2)
		return;
	bags = xcalloc(n, sizeof *bags);
	for (i = 0; i < n; i++)
		bag_of_example(&r->p->examples[i], r->lists, &bags[i]);
	df_build(bags, n, &t);
	for (i = 0; i < n; i++)
		bag_weigh(&bags[i], &t);
	for (j = 1; j < n; j++) {
		const struct example *b = &r->p->examples[j];

		if (bags[j].n < DUP_MIN_WORDS)
			continue;
		/* A narrative has a dozen examples; in a huge hostile input only
		 * nearby ones are compared, so the rule stays linear. */
		for (i = j > DUP_WINDOW ? j - DUP_WINDOW : 0; i < j; i++) {
			const struct example *a = &r->p->examples[i];
			double s;
			char *name;
			struct where w = { b->ecq, b->id, -1, 0, 0 };

			if (a->ecq == b->ecq || bags[i].n < DUP_MIN_WORDS)
				continue;
			s = containment(&bags[i], &bags[j]);
			if (s < limit)
				continue;
			name = example_name(a);
			project_rules_emit(r->out, "duplicate_example", SEV_WARNING, &w,
			    "Use a different accomplishment in each ECQ",
			    "This example tells the same story as %s (similarity %.2f)", name, s);
			free(name);
			break;
		}
	}
	for (i = 0; i < n; i++)
		bag_free(&bags[i]);
	free(bags);
	free(t.h);
	free(t.df);
}
