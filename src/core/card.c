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

/*
 * A card is drafted from whole sentences of the example, said as written:
 * the opening line names the challenge (its first sentence, and the next
 * when the first is short), then the actions one paragraph a line, then
 * the result. It must run the 2 to 4 minutes an interview answer has
 * (the frameworks' [documents] interview seconds; card_draft has no
 * framework, so it aims inside the common range): the first sentence of
 * each Action paragraph and the Result's first paragraph always; then, while
 * the card runs under CARD_DRAFT_AIM seconds, the other Action sentences,
 * the Result's other paragraphs, the rest of the Challenge and the
 * Context, each only when it keeps the card under CARD_DRAFT_MAX.
 */

/* The seconds the drafted card aims for, and the most it may take. */
#define CARD_DRAFT_AIM 150.0
#define CARD_DRAFT_MAX 225.0
/* The words the opening line may grow to with a second sentence. */
#define CARD_OPENING_WORDS 40

/* Where a sentence goes on the card. */
enum card_line {
	CARD_LINE_OPENING,
	CARD_LINE_SCENE,        /* the rest of the Challenge, the Context */
	CARD_LINE_ACTION,       /* one line per Action paragraph */
	CARD_LINE_RESULT        /* one line per Result paragraph */
};

struct card_unit {
	const struct text_doc *d;
	size_t sent;
	enum card_line line;
	size_t para;            /* the paragraph of its field */
	bool on;
};

struct card_units {
	struct card_unit *items;
	size_t n;
};

/* A sentence that is only a label an import left ("**Situation.**"). */
static bool
sent_is_label(const struct text_doc *d, size_t s)
{
	const char *p = d->text + d->sents[s].off;
	size_t n = d->sents[s].len;

	return d->sents[s].n_words <= 3 && n >= 2 && (p[0] == '*' || p[0] == '_' ||
	    p[n - 1] == '*' || p[n - 1] == '_' || p[n - 1] == ':');
}

/* The byte where sentence s's words start, past a label an import left
 * in front of them ("**Action.** I replaced ..."). */
static size_t
sent_start(const struct text_doc *d, size_t s)
{
	size_t t = d->sents[s].first_tok, end = t + d->sents[s].n_tok, w;

	while (t < end && d->toks[t].kind == TOK_PUNCT && (d->text[d->toks[t].off] == '*' ||
	    d->text[d->toks[t].off] == '_'))
		t++;
	if (t == d->sents[s].first_tok || t >= end || d->toks[t].kind != TOK_WORD)
		return d->sents[s].off;
	for (w = t + 1; w < end && d->toks[w].kind == TOK_PUNCT; w++)
		;
	return w < end && w > t + 2 ? d->toks[w].off : d->sents[s].off;
}

static void
unit_add(struct card_units *u, const struct text_doc *d, size_t sent, enum card_line line,
    size_t para, bool on)
{
	if (sent_is_label(d, sent))
		return;
	u->items = xreallocarray(u->items, u->n + 1, sizeof *u->items);
	u->items[u->n++] = (struct card_unit){ d, sent, line, para, on };
}

/* The paragraph of d that holds sentence s. */
static size_t
para_of(const struct text_doc *d, size_t s)
{
	size_t p;

	for (p = 0; p < d->n_paras; p++)
		if (s >= d->paras[p].first_sent && s < d->paras[p].first_sent + d->paras[p].n_sent)
			return p;
	return 0;
}

/* Whether sentence s of d has a figure. */
static bool
sent_has_figure(const struct text_doc *d, size_t s)
{
	size_t t;

	for (t = d->sents[s].first_tok; t < d->sents[s].first_tok + d->sents[s].n_tok; t++)
		if (d->toks[t].kind == TOK_NUMBER || (d->toks[t].flags & TOKF_DIGIT) != 0)
			return true;
	return false;
}

/* Whether sentence s only sets the writer's role ("I became Deputy CFO
 * in May 2023."): it says "I" and no figure but a year, so the problem is
 * in the next sentence. */
static bool
only_the_role(const struct text_doc *d, size_t s)
{
	size_t t, end = d->sents[s].first_tok + d->sents[s].n_tok;
	bool i = false;

	for (t = d->sents[s].first_tok; t < end; t++) {
		const char *p = d->text + d->toks[t].off;

		if (d->toks[t].kind == TOK_WORD && text_tok_eq(d, t, "i"))
			i = true;
		if ((d->toks[t].kind == TOK_NUMBER || (d->toks[t].flags & TOKF_DIGIT) != 0) &&
		    !(d->toks[t].len == 4 && (p[0] == '1' || p[0] == '2')))
			return false;
	}
	return i;
}

/* The card's text from the units that are on: one line per line kind
 * and paragraph, in the order of enum card_line. intro: the opening when
 * no unit has one (""), result_lead: said before the result ("" none). */
static char *
units_text(const struct card_units *u, const char *intro, const char *result_lead)
{
	struct strbuf b = { NULL, 0, 0 };
	size_t i, start;
	int line = -1;
	size_t para = SIZE_MAX;

	strbuf_add(&b, "", 0);
	adds(&b, intro);
	for (i = 0; i < u->n; i++) {
		const struct card_unit *c = &u->items[i];

		if (!c->on)
			continue;
		if (b.len > 0 && ((int)c->line != line || (c->line >= CARD_LINE_ACTION &&
		    c->para != para)))
			strbuf_add(&b, "\n", 1);
		else if (b.len > 0)
			strbuf_add(&b, " ", 1);
		if (c->line == CARD_LINE_RESULT && line != CARD_LINE_RESULT)
			adds(&b, result_lead);
		line = (int)c->line;
		para = c->para;
		start = sent_start(c->d, c->sent);
		strbuf_add(&b, c->d->text + start, c->d->sents[c->sent].off +
		    c->d->sents[c->sent].len - start);
	}
	return b.s;
}

static double
units_seconds(const struct card_units *u, const char *intro, const char *result_lead)
{
	char *t = units_text(u, intro, result_lead);
	double s = card_seconds(t, CARD_WPM_DEFAULT);

	free(t);
	return s;
}

char *
card_draft(const struct example *ex)
{
	struct text_doc ch, cx, ac, re;
	struct card_units u = { NULL, 0 };
	char *intro = xstrdup(""), *out;
	const char *lead = "";
	size_t i, s, first = SIZE_MAX, figure = SIZE_MAX, pass;
	enum card_line order[] = { CARD_LINE_ACTION, CARD_LINE_RESULT, CARD_LINE_SCENE };

	text_analyze(ex->field[EX_CHALLENGE], strlen(ex->field[EX_CHALLENGE]), &ch);
	text_analyze(ex->field[EX_CONTEXT], strlen(ex->field[EX_CONTEXT]), &cx);
	text_analyze(ex->field[EX_ACTION], strlen(ex->field[EX_ACTION]), &ac);
	text_analyze(ex->field[EX_RESULT], strlen(ex->field[EX_RESULT]), &re);
	/* the opening: the challenge's first sentence, the second too when
	 * the first is short or only sets the writer's role, so the line names
	 * the problem, not only the job */
	for (s = 0; s < ch.n_sents; s++) {
		if (sent_is_label(&ch, s))
			continue;
		if (first == SIZE_MAX) {
			first = s;
			unit_add(&u, &ch, s, CARD_LINE_OPENING, 0, true);
		} else if (s == first + 1 && (ch.sents[first].n_words < 12 ||
		    only_the_role(&ch, first)) &&
		    ch.sents[first].n_words + ch.sents[s].n_words <= CARD_OPENING_WORDS) {
			unit_add(&u, &ch, s, CARD_LINE_OPENING, 0, true);
		} else {
			unit_add(&u, &ch, s, CARD_LINE_SCENE, 0, false);
		}
	}
	if (first == SIZE_MAX && *ex->field[EX_TITLE] != '\0' && (ac.n_sents > 0 ||
	    re.n_sents > 0)) {
		free(intro);
		intro = xasprintf("This is about %s.", ex->field[EX_TITLE]);
	}
	for (s = 0; s < cx.n_sents; s++)
		unit_add(&u, &cx, s, CARD_LINE_SCENE, 0, false);
	/* the actions: each paragraph's first sentence */
	for (s = 0; s < ac.n_sents; s++) {
		size_t p = para_of(&ac, s);

		unit_add(&u, &ac, s, CARD_LINE_ACTION, p, s == ac.paras[p].first_sent ||
		    (s == ac.paras[p].first_sent + 1 && sent_is_label(&ac, ac.paras[p].first_sent)));
	}
	/* the result: its first paragraph, and its first figure wherever it is */
	for (s = 0; s < re.n_sents; s++)
		if (figure == SIZE_MAX && !sent_is_label(&re, s) && sent_has_figure(&re, s))
			figure = s;
	for (s = 0; s < re.n_sents; s++) {
		size_t p = para_of(&re, s);

		unit_add(&u, &re, s, CARD_LINE_RESULT, p, p == 0 || s == figure);
	}
	/* a result with no figure is named, so the listener hears it is one */
	if (figure == SIZE_MAX && re.n_sents > 0)
		lead = "As a result: ";
	/* too long: drop the later actions' first sentences, the first kept */
	for (i = u.n; i-- > 0 && units_seconds(&u, intro, lead) > CARD_DRAFT_MAX;) {
		if (u.items[i].line == CARD_LINE_ACTION && u.items[i].on && u.items[i].para > 0)
			u.items[i].on = false;
	}
	/* too short: more of the story, in order of what the panel scores */
	for (pass = 0; pass < sizeof order / sizeof *order; pass++)
		for (i = 0; i < u.n; i++) {
			if (u.items[i].on || u.items[i].line != order[pass])
				continue;
			if (units_seconds(&u, intro, lead) >= CARD_DRAFT_AIM)
				break;
			u.items[i].on = true;
			if (units_seconds(&u, intro, lead) > CARD_DRAFT_MAX)
				u.items[i].on = false;
		}
	out = units_text(&u, intro, lead);
	free(u.items);
	free(intro);
	text_doc_free(&ch);
	text_doc_free(&cx);
	text_doc_free(&ac);
	text_doc_free(&re);
	return out;
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
