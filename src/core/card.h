/* SPDX-License-Identifier: MIT */
/*
 * card.h: the interview card, the third shape of the project's stories:
 * each example told aloud in the structured interview. A first draft from
 * the example, the speaking time it takes at the writer's pace, the
 * framework's interview questions, and the cards as a practice document
 * (two to a page) through the narrative's layout engine. Nothing here
 * prints.
 */
#ifndef ECQ_CARD_H
#define ECQ_CARD_H

#include <stddef.h>

#include "error.h"
#include "export.h"
#include "framework.h"
#include "layout.h"
#include "project.h"
#include "store.h"

/* The speaking pace, words per minute: the default and the range the
 * project's setting "card.wpm" may take. */
#define CARD_WPM_DEFAULT 130
#define CARD_WPM_MIN 80
#define CARD_WPM_MAX 200
/* The pause a speaker takes between two paragraphs, in seconds. */
#define CARD_PARAGRAPH_PAUSE 2.0

/* The project's pace (CARD_WPM_DEFAULT when unset or out of range). */
int card_wpm_load(const struct store *st);
/* Saves the pace; ERR_USAGE naming the range when out of it. */
int card_wpm_save(struct store *st, int wpm, struct error *err);

/* The seconds text takes to say at wpm words a minute (wpm out of range:
 * the default): its words, plus CARD_PARAGRAPH_PAUSE between paragraphs
 * (one line each). 0 for an empty text. */
double card_seconds(const char *text, int wpm);
/* "2:35" for 155 seconds (rounded to the second) into buf. */
void card_clock(double seconds, char *buf, size_t cap);

/* A first draft of ex's card, in the example's own sentences, one
 * paragraph per line: an opening line that names the challenge (the
 * Challenge's first sentence, and its second when the first is short or
 * only sets the writer's role ("I became ... in 2023.");
 * else "This is about <title>."), then the actions (the first sentence of
 * each Action paragraph) and the result (the Result's first paragraph and
 * its first figure; "As a result: " before a Result with no figure). While
 * it runs under 2:30 at CARD_WPM_DEFAULT it takes in the other Action
 * sentences, the Result's other paragraphs, then the rest of the Challenge
 * and the Context (after the opening), each only if it stays under 3:45.
 * Labels an import left ("**Action.**") are not said. Never NULL; "" when
 * the example has no text. Caller frees. */
char *card_draft(const struct example *ex);

/* The framework's interview question n for ECQ ecq (n counts on from
 * the last back to the first), or NULL when the ECQ has none. */
const char *card_question(const struct framework *fw, int ecq, size_t n);

/* The cards of p as a practice document: per example with a card, the
 * ECQ's first interview question on top, the example's title with the
 * card's speaking time at wpm words a minute, the card;
 * PDF two cards a page (the layout engine, 10 pt, half-inch margins),
 * text (o->width applies) or Markdown. *n_cards (may be NULL) gets how
 * many cards there are. ERR_NOTFOUND when no example has a card. */
int card_render(struct layout_cache *c, const struct project *p, enum export_format fmt,
    const struct export_options *o, int wpm, struct export_output *out, size_t *n_cards,
    struct error *err);

#endif
