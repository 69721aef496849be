/* SPDX-License-Identifier: MIT */
/*
 * test_anchor.c: a quoted span is found again after generated edits of
 * every kind (insertions before, after and inside it, deletions, the
 * paragraph moved, a word of the quote changed, duplicates told apart by
 * context), and is detached when its text is deleted. Table-driven: each
 * kind of edit runs on every quote of every paragraph set with many
 * pseudo-random positions and insertions.
 */
#include "config.h"

#include "testutil.h"

#include "anchor.h"
#include "xalloc.h"

#define PARAS 4
#define ROUNDS 60

/* Paragraph sets: no two paragraphs share a long phrase, so a deleted
 * paragraph leaves nothing its quotes could match. */
static const char *const sets[][PARAS] = {
	{ "Our regional office faced a backlog of 4,000 disability claims and a "
	  "staff that had lost two senior adjudicators in one quarter.",
	  "I reorganized intake into three teams, trained eleven new examiners "
	  "and negotiated weekend overtime with the union.",
	  "Within nine months the backlog fell by 62 percent and processing time "
	  "dropped from 140 to 85 days.",
	  "Leadership later adopted the model in four other regions — Denver, "
	  "Atlanta, Boston and Seattle." },
	{ "The agency's grants portal crashed every filing season, and applicants "
	  "lost drafts they had spent weeks preparing.",
	  "As acting CIO I brought together contracting, security and the program "
	  "offices to replace it within a fixed budget.",
	  "We moved the portal to a FedRAMP cloud and tested it against three "
	  "times the peak load before launch.",
	  "The next season had zero outages, and complaints to Congress fell from "
	  "310 to 12." },
};

/* Quotes by paragraph and byte range; all 24 bytes or more and starting
 * and ending on a word. */
static const struct { int set, para; const char *quote; } quotes[] = {
	{ 0, 0, "backlog of 4,000 disability claims" },
	{ 0, 1, "trained eleven new examiners" },
	{ 0, 2, "processing time dropped from 140 to 85 days" },
	{ 0, 3, "four other regions — Denver" },
	{ 1, 0, "applicants lost drafts they had spent weeks preparing" },
	{ 1, 1, "contracting, security and the program offices" },
	{ 1, 2, "three times the peak load" },
	{ 1, 3, "complaints to Congress fell" },
};

static const char *const words[] = {
	"quickly", "the", "budget", "new", "staff", "review", "and", "of", "team", "plan",
};

static unsigned long rng;

static unsigned
next(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng >> 33) % n);
}

/* One to four words with spaces around them. */
static char *
random_words(void)
{
	char buf[128] = " ";
	unsigned i, k = 1 + next(4);

	for (i = 0; i < k; i++) {
		strcat(buf, words[next(sizeof words / sizeof *words)]);
		strcat(buf, " ");
	}
	return xstrdup(buf);
}

struct doc {
	char *text;
	size_t off, len;        /* where the quote is (expected) */
	bool gone;              /* the quote was deleted */
};

static char *
join(int set, const int order[PARAS], int skip)
{
	char *out = xstrdup(""), *grown;
	int i;

	for (i = 0; i < PARAS; i++) {
		if (order[i] == skip)
			continue;
		grown = xasprintf("%s%s%s", out, *out ? "\n\n" : "", sets[set][order[i]]);
		free(out);
		out = grown;
	}
	return out;
}

static void
locate(struct doc *d, const char *quote)
{
	const char *at = strstr(d->text, quote);

	assert_non_null(at);
	d->off = (size_t)(at - d->text);
	d->len = strlen(quote);
}

/* A byte position at a space within [lo, hi), or lo when there is none. */
static size_t
space_in(const char *s, size_t lo, size_t hi)
{
	size_t tries, p;

	for (tries = 0; tries < 50 && hi > lo; tries++) {
		p = lo + next((unsigned)(hi - lo));
		if (s[p] == ' ')
			return p;
	}
	return lo;
}

static char *
splice(const char *s, size_t at, size_t cut, const char *put)
{
	return xasprintf("%.*s%s%s", (int)at, s, put, s + at + cut);
}

typedef void (*edit_fn)(struct doc *d, int set, int q);

static void
edit_none(struct doc *d, int set, int q)
{
	(void)d; (void)set; (void)q;
}

static void
edit_insert_before(struct doc *d, int set, int q)
{
	char *w = random_words(), *t;
	size_t at = space_in(d->text, 0, d->off);

	(void)set; (void)q;
	t = splice(d->text, at, 0, w);
	d->off += strlen(w);
	free(d->text);
	d->text = t;
	free(w);
}

static void
edit_insert_after(struct doc *d, int set, int q)
{
	char *w = random_words(), *t;
	size_t at = space_in(d->text, d->off + d->len, strlen(d->text));

	(void)set; (void)q;
	if (at < d->off + d->len)
		at = strlen(d->text);
	t = splice(d->text, at, 0, w);
	free(d->text);
	d->text = t;
	free(w);
}

/* One word into the middle of the quote. */
static void
edit_insert_inside(struct doc *d, int set, int q)
{
	const char *w = words[next(3)];
	char *put = xasprintf("%s ", w), *t;
	size_t at = space_in(d->text, d->off + 1, d->off + d->len - 1);

	(void)set; (void)q;
	if (at == d->off + 1)
		at = d->off + d->len / 2;
	t = splice(d->text, at + 1, 0, put);
	d->len += strlen(put);
	free(d->text);
	d->text = t;
	free(put);
}

static void
edit_delete_before(struct doc *d, int set, int q)
{
	size_t n = d->off > 10 ? 1 + next((unsigned)(d->off - 5)) : 0, at;
	char *t;

	(void)set; (void)q;
	if (n == 0)
		return;
	at = next((unsigned)(d->off - n + 1));
	t = splice(d->text, at, n, "");
	d->off -= n;
	free(d->text);
	d->text = t;
}

static void
edit_delete_after(struct doc *d, int set, int q)
{
	size_t end = d->off + d->len, rest = strlen(d->text) - end, n, at;
	char *t;

	(void)set; (void)q;
	if (rest < 2)
		return;
	n = 1 + next((unsigned)(rest - 1));
	at = end + next((unsigned)(rest - n + 1));
	t = splice(d->text, at, n, "");
	free(d->text);
	d->text = t;
}

/* The quote's paragraph moves elsewhere among the others. */
static void
edit_move_paragraph(struct doc *d, int set, int q)
{
	int order[PARAS], i, k = 0, p = quotes[q].para, to = (int)next(PARAS);

	for (i = 0; i < PARAS; i++)
		if (i != p)
			order[k++] = i;
	for (i = PARAS - 1; i > to; i--)
		order[i] = order[i - 1];
	order[to] = p;
	free(d->text);
	d->text = join(set, order, -1);
	locate(d, quotes[q].quote);
}

/* One word of the quote is replaced by another. */
static void
edit_change_word(struct doc *d, int set, int q)
{
	const char *w = words[next(sizeof words / sizeof *words)];
	size_t a = space_in(d->text, d->off + 1, d->off + d->len - 1), b;
	char *t;

	(void)set; (void)q;
	if (a == d->off + 1)
		return;
	for (b = a + 1; b < d->off + d->len && d->text[b] != ' '; b++)
		;
	if (b >= d->off + d->len)
		return;         /* the last word: keep both ends of the quote */
	t = splice(d->text, a + 1, b - a - 1, w);
	d->len = d->len - (b - a - 1) + strlen(w);
	free(d->text);
	d->text = t;
}

/* The quote's paragraph is deleted. */
static void
edit_delete_paragraph(struct doc *d, int set, int q)
{
	static const int order[PARAS] = { 0, 1, 2, 3 };

	free(d->text);
	d->text = join(set, order, quotes[q].para);
	d->gone = true;
}

/* The quote's sentence is pasted again earlier, with other context: the
 * comment stays on the one it was written on. */
static void
edit_duplicate_elsewhere(struct doc *d, int set, int q)
{
	char *put = xasprintf("Also %s here. ", quotes[q].quote), *t;

	(void)set;
	t = splice(d->text, 0, 0, put);
	d->off += strlen(put);
	free(d->text);
	d->text = t;
	free(put);
}

static const struct { const char *name; edit_fn fn; int times; bool exact; } edits[] = {
	{ "unchanged", edit_none, 1, true },
	{ "insert before", edit_insert_before, 3, true },
	{ "insert after", edit_insert_after, 3, true },
	{ "insert inside", edit_insert_inside, 1, false },
	{ "delete before", edit_delete_before, 2, true },
	{ "delete after", edit_delete_after, 2, true },
	{ "move paragraph", edit_move_paragraph, 1, true },
	{ "change a word", edit_change_word, 1, false },
	{ "duplicate elsewhere", edit_duplicate_elsewhere, 1, true },
	{ "delete paragraph", edit_delete_paragraph, 1, true },
};

static void
run_edit(size_t e)
{
	static const int order[PARAS] = { 0, 1, 2, 3 };
	size_t q, r, off, len, tol;
	char *before, *after;
	struct anchor a;
	struct doc d;
	int k;
	bool found;

	for (q = 0; q < sizeof quotes / sizeof *quotes; q++) {
		for (r = 0; r < ROUNDS; r++) {
			rng = (unsigned long)(e * 1000003 + q * 1009 + r + 1);
			memset(&d, 0, sizeof d);
			d.text = join(quotes[q].set, order, -1);
			locate(&d, quotes[q].quote);
			anchor_context(d.text, d.off, d.len, &before, &after);
			a.quote = quotes[q].quote;
			a.before = before;
			a.after = after;
			a.offset = d.off;
			for (k = 0; k < edits[e].times; k++)
				edits[e].fn(&d, quotes[q].set, (int)q);
			found = anchor_find(d.text, &a, &off, &len);
			if (d.gone) {
				if (found)
					fail_msg("%s, quote %zu round %zu: found \"%.*s\" in deleted text",
					    edits[e].name, q, r, (int)len, d.text + off);
			} else {
				tol = edits[e].exact ? 0 : 3;
				if (!found || off + tol < d.off || off > d.off + tol ||
				    off + len + tol < d.off + d.len || off + len > d.off + d.len + tol)
					fail_msg("%s, quote %zu round %zu: want %zu+%zu, got %s %zu+%zu "
					    "in \"%s\"", edits[e].name, q, r, d.off, d.len,
					    found ? "found" : "nothing", off, len, d.text);
			}
			free(before);
			free(after);
			free(d.text);
		}
	}
}

#define EDIT_TEST(i, fn) static void fn(void **state) { (void)state; run_edit(i); }
EDIT_TEST(0, anchor__unchanged)
EDIT_TEST(1, anchor__insert_before)
EDIT_TEST(2, anchor__insert_after)
EDIT_TEST(3, anchor__insert_inside)
EDIT_TEST(4, anchor__delete_before)
EDIT_TEST(5, anchor__delete_after)
EDIT_TEST(6, anchor__move_paragraph)
EDIT_TEST(7, anchor__change_a_word)
EDIT_TEST(8, anchor__duplicate_elsewhere)
EDIT_TEST(9, anchor__delete_paragraph)

static void
anchor__short_quotes_match_only_exactly(void **state)
{
	struct anchor a = { "led", "", "", 0 };
	size_t off, len;

	(void)state;
	assert_false(anchor_find("I lead people.", &a, &off, &len));
	assert_true(anchor_find("I led people.", &a, &off, &len));
	assert_int_equal(off, 2);
	a.quote = "";
	assert_true(anchor_find("anything", &a, &off, &len));
	assert_int_equal(len, 0);
	a.quote = "a completely different sentence about budgets";
	assert_false(anchor_find("", &a, &off, &len));
	assert_false(anchor_find("We hired twelve engineers in Denver last spring.", &a, &off, &len));
}

static void
anchor__context_is_cut_on_characters(void **state)
{
	const char *t = "ééééééééééééééééééééééééééééé quote ééééééééééééééééééééééééééééé";
	const char *at = strstr(t, "quote");
	char *before, *after;

	(void)state;
	anchor_context(t, (size_t)(at - t), 5, &before, &after);
	assert_true(strlen(before) <= ANCHOR_CONTEXT && strlen(after) <= ANCHOR_CONTEXT);
	assert_true(((unsigned char)before[0] & 0xC0) != 0x80);
	assert_true(strlen(after) % 2 == 1);    /* " " then whole "é"s */
	free(before);
	free(after);
	anchor_context("abc", 10, 10, &before, &after);     /* clamped */
	assert_string_equal(before, "abc");
	assert_string_equal(after, "");
	free(before);
	free(after);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(anchor__unchanged),
		cmocka_unit_test(anchor__insert_before),
		cmocka_unit_test(anchor__insert_after),
		cmocka_unit_test(anchor__insert_inside),
		cmocka_unit_test(anchor__delete_before),
		cmocka_unit_test(anchor__delete_after),
		cmocka_unit_test(anchor__move_paragraph),
		cmocka_unit_test(anchor__change_a_word),
		cmocka_unit_test(anchor__duplicate_elsewhere),
		cmocka_unit_test(anchor__delete_paragraph),
		cmocka_unit_test(anchor__short_quotes_match_only_exactly),
		cmocka_unit_test(anchor__context_is_cut_on_characters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
