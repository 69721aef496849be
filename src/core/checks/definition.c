/* SPDX-License-Identifier: MIT */
/*
 * definition.c: definition_included, OPM's definition of an ECQ pasted
 * into the narrative. Every run of DEF_RUN words of every definition of the
 * framework goes into one hash set; a run of the user's text found there is
 * a finding, extended over the runs that follow. Prints nothing, keeps no
 * state.
 */
#include "config.h"
#include "checks/project_run.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xalloc.h"

#define DEF_RUN 6       /* words in a row shared with a definition (narratives share at most 4) */

struct ngram_set {
	uint64_t *keys;         /* open addressing, 0 = empty */
	size_t cap;
};

static uint64_t
ngram_key(const uint64_t *h, size_t i)
{
	uint64_t k = 0;
	size_t j;

	for (j = 0; j < DEF_RUN; j++)
		k = k * 0x100000001B3ULL + h[i + j];
	return k == 0 ? 1 : k;
}

static void
ngram_add(struct ngram_set *s, uint64_t k)
{
	size_t i = (size_t)(k % s->cap);

	while (s->keys[i] != 0 && s->keys[i] != k)
		i = (i + 1) % s->cap;
	s->keys[i] = k;
}

static bool
ngram_has(const struct ngram_set *s, uint64_t k)
{
	size_t i = (size_t)(k % s->cap);

	while (s->keys[i] != 0) {
		if (s->keys[i] == k)
			return true;
		i = (i + 1) % s->cap;
	}
	return false;
}

static uint64_t *
word_hashes(const struct words *ws)
{
	uint64_t *h = xreallocarray(NULL, ws->n + 1, sizeof *h);
	size_t i;

	for (i = 0; i < ws->n; i++)
		h[i] = project_rules_hash(ws->w[i]);
	return h;
}

static void
check_definition(const struct run *r, const struct ngram_set *set, int ecq,
    int64_t example, int field, const char *text)
{
	struct words ws;
	uint64_t *h;
	size_t i;

	if (project_rules_blank(text))
		return;
	project_rules_words(text, &ws);
	h = word_hashes(&ws);
	for (i = 0; i + DEF_RUN <= ws.n; i++) {
		size_t end;
		struct where w;

		if (!ngram_has(set, ngram_key(h, i)))
			continue;
		/* Extend over every following n-gram that is also in a definition. */
		end = i + DEF_RUN;
		while (end < ws.n && ngram_has(set, ngram_key(h, end + 1 - DEF_RUN)))
			end++;
		w = (struct where){ ecq, example, field, ws.off[i],
		    ws.off[end - 1] + ws.len[end - 1] - ws.off[i] };
		project_rules_emit(r->out, "definition_included", SEV_WARNING, &w,
		    "Show the qualification through your own accomplishments instead",
		    "This repeats OPM's definition of the ECQ (%zu words in a row)", end - i);
		i = end - 1;
	}
	free(h);
	project_rules_words_free(&ws);
}

void
definition_check(const struct run *r)
{
	struct ngram_set set;
	size_t e, i, total = 0;
	int f;

	/* One set over every definition: pasting another ECQ's counts too. */
	for (e = 0; e < r->fw->n_ecqs; e++)
		total += text_count_words(r->fw->ecqs[e].definition,
		    strlen(r->fw->ecqs[e].definition)) + 1;
	set.cap = 2 * total + 17;
	set.keys = xcalloc(set.cap, sizeof *set.keys);
	for (e = 0; e < r->fw->n_ecqs; e++) {
		struct words ws;
		uint64_t *h;

		project_rules_words(r->fw->ecqs[e].definition, &ws);
		h = word_hashes(&ws);
		for (i = 0; i + DEF_RUN <= ws.n; i++)
			ngram_add(&set, ngram_key(h, i));
		free(h);
		project_rules_words_free(&ws);
	}
	for (e = 0; e < r->fw->n_ecqs; e++)
		check_definition(r, &set, (int)e, -1, FIELD_INTRO, r->p->intro[e]);
	for (i = 0; i < r->p->n_examples; i++) {
		const struct example *ex = &r->p->examples[i];

		for (f = EX_CHALLENGE; f <= EX_RESULT; f++)
			check_definition(r, &set, ex->ecq, ex->id, f, ex->field[f]);
	}
	free(set.keys);
}
