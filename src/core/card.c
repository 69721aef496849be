/* SPDX-License-Identifier: MIT */
/*
 * card.c: interview cards: the pace setting, speaking time, a first draft
 * from the example, the framework's interview questions, and the cards as
 * a practice document (PDF two to a page through layout.h, text,
 * Markdown). The card rules are in checks/card_rules.c. Never prints.
 */
#include "config.h"
#include "card.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "safetext.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

/* The cards' PDF: 10 pt sans-serif text, the question in 12 pt bold,
 * half-inch margins. */
#define CARD_PDF_FONT "Liberation Sans"
#define CARD_PDF_FONT_PT 10.0
#define CARD_PDF_QUESTION_PT 12.0
#define CARD_PDF_MARGIN_IN 0.5

static void
adds(struct strbuf *b, const char *s)
{
	strbuf_add(b, s, strlen(s));
}

/* ---- pace and time ------------------------------------------------------- */

int
card_wpm_load(const struct store *st)
{
	char *v = store_get_setting(st, "card.wpm"), *end;
	long n;

	if (v == NULL)
		return CARD_WPM_DEFAULT;
	n = strtol(v, &end, 10);
	if (*v == '\0' || *end != '\0' || n < CARD_WPM_MIN || n > CARD_WPM_MAX)
		n = CARD_WPM_DEFAULT;
	free(v);
	return (int)n;
}

int
card_wpm_save(struct store *st, int wpm, struct error *err)
{
	char buf[16];

	if (wpm < CARD_WPM_MIN || wpm > CARD_WPM_MAX)
		return error_set(err, ERR_USAGE, "a speaking pace is %d to %d words a minute, "
		    "not %d", CARD_WPM_MIN, CARD_WPM_MAX, wpm);
	snprintf(buf, sizeof buf, "%d", wpm);
	return store_set_setting(st, "card.wpm", buf, err);
}

double
card_seconds(const char *text, int wpm)
{
	struct text_doc d;
	double s;

	if (wpm < CARD_WPM_MIN || wpm > CARD_WPM_MAX)
		wpm = CARD_WPM_DEFAULT;
	text_analyze(text, strlen(text), &d);
	s = (double)d.n_words * 60.0 / wpm;
	if (d.n_paras > 1)
		s += (double)(d.n_paras - 1) * CARD_PARAGRAPH_PAUSE;
	text_doc_free(&d);
	return s;
}

void
card_clock(double seconds, char *buf, size_t cap)
{
	long s = seconds > 0 ? lround(seconds) : 0;

	snprintf(buf, cap, "%ld:%02ld", s / 60, s % 60);
}

/* ---- drafting ------------------------------------------------------------ */

/* Appends sentences [first, first + n) of d (their text as written). */
static void
add_sentences(struct strbuf *b, const struct text_doc *d, size_t first, size_t n)
{
	size_t s;

	for (s = first; s < first + n && s < d->n_sents; s++) {
		if (s > first)
			strbuf_add(b, " ", 1);
		strbuf_add(b, d->text + d->sents[s].off, d->sents[s].len);
	}
}

char *
card_draft(const struct example *ex)
{
	struct text_doc ch, ac, re;
	struct strbuf b = { NULL, 0, 0 };
	size_t i;

	strbuf_add(&b, "", 0);
	text_analyze(ex->field[EX_CHALLENGE], strlen(ex->field[EX_CHALLENGE]), &ch);
	text_analyze(ex->field[EX_ACTION], strlen(ex->field[EX_ACTION]), &ac);
	text_analyze(ex->field[EX_RESULT], strlen(ex->field[EX_RESULT]), &re);
	/* the opening: the challenge named in one line */
	if (ch.n_sents > 0)
		add_sentences(&b, &ch, 0, 1);
	else if (*ex->field[EX_TITLE] != '\0' && (ac.n_sents > 0 || re.n_sents > 0)) {
		adds(&b, "This is about ");
		adds(&b, ex->field[EX_TITLE]);
		adds(&b, ".");
	}
	/* the actions: each paragraph's first two sentences */
	for (i = 0; i < ac.n_paras; i++) {
		size_t n = ac.paras[i].n_sent < 2 ? ac.paras[i].n_sent : 2;

		if (n == 0)
			continue;
		if (b.len > 0)
			strbuf_add(&b, "\n", 1);
		add_sentences(&b, &ac, ac.paras[i].first_sent, n);
	}
	/* the result: its first paragraph */
	if (re.n_paras > 0 && re.paras[0].n_sent > 0) {
		if (b.len > 0)
			strbuf_add(&b, "\n", 1);
		add_sentences(&b, &re, re.paras[0].first_sent, re.paras[0].n_sent);
	}
	text_doc_free(&ch);
	text_doc_free(&ac);
	text_doc_free(&re);
	return b.s;
}

const char *
card_question(const struct framework *fw, int ecq, size_t n)
{
	const struct strlist *q;

	if (fw == NULL || ecq < 0 || (size_t)ecq >= fw->n_ecqs)
		return NULL;
	q = &fw->ecqs[ecq].interview_questions;
	return q->n > 0 ? q->items[n % q->n] : NULL;
}

/* ---- the practice document ----------------------------------------------- */

static bool
has_card(const struct example *ex)
{
	const char *s = project_example_card(ex);

	return s[strspn(s, " \t\r\n")] != '\0';
}

/* How a card's block is set (see struct layout_block). */
static void
push(struct layout_blocks *b, enum layout_block_kind kind, char *text, double size_pt,
    bool bold, double space_before, bool half_start)
{
	char *clean = layout_clean_text(text);
	struct layout_block *blk;

	free(text);
	if (*clean == '\0') {
		free(clean);
		return;
	}
	b->items = xreallocarray(b->items, b->n + 1, sizeof *b->items);
	blk = &b->items[b->n++];
	memset(blk, 0, sizeof *blk);
	blk->kind = kind;
	blk->text = clean;
	blk->size_pt = size_pt;
	blk->bold_len = bold ? strlen(clean) : 0;
	blk->own_space = true;
	blk->space_before = space_before;
	blk->half_start = half_start;
}

/* The heading line under the question: "ECQ 2: Title (about 2:35 at 130
 * words a minute)". */
static char *
card_heading(const struct project *p, const struct example *ex, int wpm)
{
	char clock[32];

	if (wpm < CARD_WPM_MIN || wpm > CARD_WPM_MAX)
		wpm = CARD_WPM_DEFAULT;
	card_clock(card_seconds(project_example_card(ex), wpm), clock, sizeof clock);
	return xasprintf("ECQ %d: %s (about %s at %d words a minute)", ex->ecq + 1,
	    *ex->field[EX_TITLE] ? ex->field[EX_TITLE] : p->fw->ecqs[ex->ecq].title, clock,
	    wpm);
}

/* One card: the question in bold on top (at the top or the middle of a
 * page), the example and its time, then the card's paragraphs. */
static void
push_card(struct layout_blocks *b, const struct project *p, const struct example *ex, int wpm)
{
	const char *q = card_question(p->fw, ex->ecq, 0), *s, *nl;
	double line = CARD_PDF_FONT_PT * 1.15;

	push(b, LAYOUT_BLOCK_ECQ_HEADING, xasprintf("%s", q != NULL ? q :
	    p->fw->ecqs[ex->ecq].title), CARD_PDF_QUESTION_PT, true, 0, true);
	push(b, LAYOUT_BLOCK_EXAMPLE_TITLE, card_heading(p, ex, wpm), 0, false, 0.3 * line,
	    false);
	for (s = project_example_card(ex); *s != '\0'; s = *nl ? nl + 1 : nl) {
		nl = s + strcspn(s, "\n");
		push(b, LAYOUT_BLOCK_PARAGRAPH, xstrndup(s, (size_t)(nl - s)), 0, false,
		    0.6 * line, false);
	}
}

static int
card_pdf(struct layout_cache *c, const struct project *p, const struct export_options *o,
    int wpm, struct export_output *out, struct error *err)
{
	struct layout_result r;
	struct layout_options lo;
	struct layout_blocks b = { NULL, 0 };
	const char *font = o->layout.font != NULL ? o->layout.font : CARD_PDF_FONT;
	char *title;
	size_t i;
	int rc;

	layout_options_init(&lo);
	lo.paper = o->layout.paper;
	lo.font = font;
	lo.font_pt = CARD_PDF_FONT_PT;
	lo.margin_in = CARD_PDF_MARGIN_IN;
	lo.blocks = &b;
	/* two cards a page: each starts at the top or the middle of a page,
	 * whichever is free next, below a dashed cut line; a card longer
	 * than half a page runs on and the next starts after it */
	for (i = 0; i < p->n_examples; i++)
		if (has_card(&p->examples[i]))
			push_card(&b, p, &p->examples[i], wpm);
	rc = layout_pages(c, p, &lo, &r, err);
	layout_blocks_free(&b);
	if (rc != 0)
		return -1;
	if (export_font_refused(&r, font, err) != 0) {
		layout_result_free(&r);
		return -1;
	}
	title = xasprintf("Interview cards%s%s", *p->candidate ? " - " : "", p->candidate);
	rc = export_pdf_draw(&r, title, p->candidate, "Interview cards", o->creator,
	    p->candidate, "Interview cards", out, err);
	layout_result_free(&r);
	free(title);
	return rc;
}

static void
text_par(struct strbuf *b, const char *s, int width)
{
	char *w = export_wrap(s, width);

	adds(b, w);
	adds(b, "\n");
	free(w);
}

static char *
card_text(const struct project *p, enum export_format fmt, int width, int wpm)
{
	struct strbuf b = { NULL, 0, 0 };
	bool md = fmt == EXPORT_MARKDOWN;
	size_t i, k = 0;
	char *s;

	strbuf_add(&b, "", 0);
	adds(&b, md ? "# Interview cards\n" : "INTERVIEW CARDS\n");
	for (i = 0; i < p->n_examples; i++) {
		const struct example *ex = &p->examples[i];
		const char *q = card_question(p->fw, ex->ecq, 0), *c, *nl;

		if (!has_card(ex))
			continue;
		adds(&b, "\n");
		if (!md && k > 0)
			adds(&b, "----------------------------------------\n\n");
		k++;
		s = xasprintf("%s%s", md ? "## " : "Q: ", q != NULL ? q :
		    p->fw->ecqs[ex->ecq].title);
		text_par(&b, s, md ? 0 : width);
		free(s);
		adds(&b, "\n");
		s = card_heading(p, ex, wpm);
		if (md) {
			adds(&b, "*");
			adds(&b, s);
			adds(&b, "*\n");
		} else
			text_par(&b, s, width);
		free(s);
		for (c = project_example_card(ex); *c != '\0'; c = *nl ? nl + 1 : nl) {
			nl = c + strcspn(c, "\n");
			s = xstrndup(c, (size_t)(nl - c));
			if (*s != '\0') {
				adds(&b, "\n");
				text_par(&b, s, md ? 0 : width);
			}
			free(s);
		}
	}
	return b.s;
}

int
card_render(struct layout_cache *c, const struct project *p, enum export_format fmt,
    const struct export_options *o, int wpm, struct export_output *out, size_t *n_cards,
    struct error *err)
{
	size_t i, n = 0;
	char *text;

	memset(out, 0, sizeof *out);
	for (i = 0; i < p->n_examples; i++)
		n += has_card(&p->examples[i]);
	if (n_cards != NULL)
		*n_cards = n;
	if (n == 0)
		return error_set(err, ERR_NOTFOUND, "no example has a card yet (write one in "
		    "the coach's cards screen); nothing was written");
	if (fmt == EXPORT_PDF)
		return card_pdf(c, p, o, wpm, out, err);
	text = card_text(p, fmt, fmt == EXPORT_TEXT ? o->width : 0, wpm);
	out->data = safetext_document(text, strlen(text), &out->len);
	free(text);
	return 0;
}
