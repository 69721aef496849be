/* SPDX-License-Identifier: MIT */
/*
 * importer_prose.c: drafts with no labels. Prose is kept until it is known
 * what it is, then an ECQ's opening becomes its introduction and each story
 * an example, split into CCAR parts by paragraph and by cue (a date that
 * opens a story, "I ...", "As a result"); the report marks every part so
 * inferred.
 */
#include "config.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "importer_parse.h"
#include "xalloc.h"

/* ---- prose without labels ------------------------------------------------ */

void
importer_prose_line(struct parse *ps, int ecq, long ex, size_t lineno, size_t off, size_t len,
    bool list)
{
	bool para = ps->n_pend == 0 || ps->pend_break || list;

	if (ps->n_pend == 0) {
		ps->pend_ecq = ecq;
		ps->pend_ex = ex;
	}
	ps->pend = xreallocarray(ps->pend, ps->n_pend + 1, sizeof *ps->pend);
	ps->pend[ps->n_pend++] = (struct pline){ lineno, off, len, para, list };
	ps->pend_break = false;
}

/* Pending lines [a, b) into piece p, the first one a new paragraph. */
void
importer_prose_into(struct parse *ps, size_t a, size_t b, struct piece *p)
{
	size_t k;

	if (p->text.len > 0)
		p->para_break = true;
	for (k = a; k < b; k++)
		importer_piece_add(p, ps->pend[k].line, ps->text, ps->pend[k].off, ps->pend[k].len,
		    ps->pend[k].para);
}

/* Case-insensitive: does the paragraph open with one of the words? */
static bool
opens_with(const char *s, size_t n, const char *const *words)
{
	size_t k, l;

	for (k = 0; words[k] != NULL; k++) {
		l = strlen(words[k]);
		if (l <= n && strncasecmp(s, words[k], l) == 0 &&
		    (l == n || !isalpha((unsigned char)s[l])))
			return true;
	}
	return false;
}

/* A paragraph that reports outcomes: "As a result", "The result", "Within a
 * year" (dictionaries/import-cues.txt, "=> result"). */
static bool
result_cue(const struct parse *ps, const char *s, size_t n)
{
	return opens_with(s, n, draftline_words_of(ps->words, DRAFTLINE_W_RESULT_CUE));
}

/* A year (1950-2039) or a fiscal year near the start of s[0..n). */
static bool
year_cue(const char *s, size_t n)
{
	size_t i;

	if (n > 90)
		n = 90;
	for (i = 0; i + 4 <= n; i++) {
		int y;

		if (i > 0 && isalnum((unsigned char)s[i - 1]) && !(i >= 2 &&
		    strncasecmp(s + i - 2, "fy", 2) == 0))
			continue;
		if (!isdigit((unsigned char)s[i]) || !isdigit((unsigned char)s[i + 1]) ||
		    !isdigit((unsigned char)s[i + 2]) || !isdigit((unsigned char)s[i + 3]))
			continue;
		if (i + 4 < n && isdigit((unsigned char)s[i + 4]))
			continue;
		y = atoi(s + i);
		if (y >= 1950 && y <= 2039)
			return true;
	}
	return false;
}

/* A paragraph that opens on when the story happened: "In 2017,", "When I
 * took over ... in 2016", "From 2009 to 2011". */
static bool
time_opening(const struct parse *ps, const char *s, size_t n)
{
	return opens_with(s, n, draftline_words_of(ps->words, DRAFTLINE_W_TIME_CUE)) ||
	    (n > 0 && isdigit((unsigned char)s[0]));
}

/* The writer acting: "I" (or "we") among the first words (the "=> action"
 * cues of dictionaries/import-cues.txt; a one-letter cue only in upper case,
 * so a list's "i)" is not "I"). */
static bool
action_cue(const struct parse *ps, const char *s, size_t n)
{
	const char *const *cues = draftline_words_of(ps->words, DRAFTLINE_W_ACTION_CUE);
	size_t i, k, words = 0;

	if (n > 80)
		n = 80;
	for (i = 0; i < n && words < 10; i++) {
		bool start = i == 0 || !isalpha((unsigned char)s[i - 1]);

		if (!start || !isalpha((unsigned char)s[i]))
			continue;
		words++;
		for (k = 0; cues[k] != NULL; k++) {
			size_t l = strlen(cues[k]);

			if (l > n - i || strncasecmp(s + i, cues[k], l) != 0 ||
			    (i + l < n && isalpha((unsigned char)s[i + l])))
				continue;
			if (l == 1 && !isupper((unsigned char)s[i]))
				continue;
			return true;
		}
	}
	return false;
}

/* A paragraph of pending prose: lines [first, end). */
struct ppara {
	size_t first, end;
	bool list;
	int part;               /* EX_* it goes to; -1 the introduction */
	int story;              /* -1 the introduction */
};

static size_t
pend_paras(struct parse *ps, struct ppara **out)
{
	struct ppara *pp = xcalloc(ps->n_pend + 1, sizeof *pp);
	size_t n = 0, k;

	for (k = 0; k < ps->n_pend; k++) {
		if (ps->pend[k].para || n == 0) {
			pp[n].first = k;
			pp[n].list = ps->pend[k].list;
			n++;
		}
		pp[n - 1].end = k + 1;
	}
	*out = pp;
	return n;
}

/* Gives each paragraph of one story [a, b) its CCAR part: the opening is
 * the Challenge, then the setting (Context) until the writer acts (Action),
 * and the outcomes (Result): from a result cue on, else the last paragraph
 * of three or more after an action. A list item goes with the paragraph
 * before it. */
static void
infer_parts(struct parse *ps, struct ppara *pp, size_t a, size_t b)
{
	size_t j, last = a;
	bool acted = false, result = false;

	for (j = a; j < b; j++) {
		const struct pline *l = &ps->pend[pp[j].first];
		const char *s = ps->text + l->off;

		if (j == a)
			pp[j].part = EX_CHALLENGE;
		else if (pp[j].list)
			pp[j].part = pp[j - 1].part;
		else if (result || result_cue(ps, s, l->len))
			pp[j].part = EX_RESULT;
		else if (action_cue(ps, s, l->len))
			pp[j].part = EX_ACTION;
		else
			pp[j].part = acted ? EX_ACTION : EX_CONTEXT;
		acted |= pp[j].part == EX_ACTION;
		result |= pp[j].part == EX_RESULT;
		if (!pp[j].list)
			last = j;
	}
	if (!result && acted && b - a >= 3 && last > a && pp[last].part == EX_ACTION)
		for (j = last; j < b; j++)
			pp[j].part = EX_RESULT;
}

/* Splits an ECQ's unlabelled prose into its opening and its stories: a
 * story starts at a paragraph that names a year near its start, once the
 * story before it has its action. Returns the number of stories. */
static int
find_stories(struct parse *ps, struct ppara *pp, size_t n)
{
	int story = -1;
	bool acted = false;
	size_t j;

	for (j = 0; j < n; j++) {
		const struct pline *l = &ps->pend[pp[j].first];
		const char *s = ps->text + l->off;
		bool cue = !pp[j].list && year_cue(s, l->len) && !result_cue(ps, s, l->len) &&
		    (story < 0 || time_opening(ps, s, l->len));

		if ((story < 0 && cue) || (story >= 0 && cue && acted)) {
			story++;
			acted = false;
		} else if (story >= 0 && (action_cue(ps, s, l->len) || result_cue(ps, s, l->len))) {
			acted = true;
		}
		pp[j].story = story;
	}
	if (story < 0 && n >= 3) {
		/* No dates at all: an opening paragraph, then one story. */
		for (j = n >= 4 ? 1 : 0; j < n; j++)
			pp[j].story = 0;
		story = 0;
	}
	return story + 1;
}

static void
intro_add(struct parse *ps, int ecq, size_t a, size_t b)
{
	if (ps->intro[ecq].text.len == 0)
		importer_item(ps, IMPORTER_INTRO, ps->pend[a].line, ecq, -1, -1, ps->fw->ecqs[ecq].title,
		    strlen(ps->fw->ecqs[ecq].title));
	importer_prose_into(ps, a, b, &ps->intro[ecq]);
}

/* Files the paragraphs of one story into example ex, saying which parts
 * were inferred. */
static void
story_into(struct parse *ps, size_t ex, struct ppara *pp, size_t a, size_t b)
{
	struct pexample *e = &ps->ex[ex];
	size_t j;

	infer_parts(ps, pp, a, b);
	for (j = a; j < b; j++) {
		struct piece *p = &e->field[pp[j].part];

		if (p->text.len == 0) {
			const char *name = project_field_name((enum example_field)pp[j].part);

			importer_item(ps, IMPORTER_FIELD, ps->pend[pp[j].first].line, e->ecq, importer_pending_id(ex),
			    pp[j].part, name, strlen(name));
			ps->rep->items[ps->rep->n_items - 1].inferred = true;
			ps->rep->n_inferred++;
		}
		importer_prose_into(ps, pp[j].first, pp[j].end, p);
	}
	if (e->last_label < 0)
		e->last_label = pp[b - 1].part;
}

/* Files the pending prose. stories_ok: it is all an ECQ holds (the ECQ
 * ended with no heading or label of an example), so stories may be found. */
void
importer_prose_flush(struct parse *ps, bool stories_ok)
{
	struct ppara *pp;
	size_t n, j, a;
	int ecq = ps->pend_ecq, k;

	if (ps->n_pend == 0)
		return;
	n = pend_paras(ps, &pp);
	if (ps->pend_ex >= 0) {
		story_into(ps, (size_t)ps->pend_ex, pp, 0, n);
	} else {
		for (j = 0; stories_ok && j < ps->n_ex; j++)
			if (ps->ex[j].ecq == ecq)
				stories_ok = false;
		k = stories_ok ? find_stories(ps, pp, n) : 0;
		for (j = 0; j < n && (k == 0 || pp[j].story < 0); j++)
			;
		if (j > 0)
			intro_add(ps, ecq, pp[0].first, pp[j - 1].end);
		while (j < n) {
			size_t ex;

			a = j;
			while (j < n && pp[j].story == pp[a].story)
				j++;
			ex = importer_new_example(ps, ecq, ps->pend[pp[a].first].line, ps->pend[pp[a].first].off);
			importer_item(ps, IMPORTER_EXAMPLE, ps->pend[pp[a].first].line, ecq, importer_pending_id(ex), -1, "", 0);
			ps->rep->items[ps->rep->n_items - 1].inferred = true;
			story_into(ps, ex, pp, a, j);
		}
	}
	free(pp);
	ps->n_pend = 0;
	ps->pend_break = false;
}
