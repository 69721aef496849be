/* SPDX-License-Identifier: MIT */
/*
 * card_rules.h: the rules on an interview card: card_time (it runs longer
 * or shorter than the framework's [documents] interview seconds at the
 * writer's pace) and card_no_result (it leaves out the example's result),
 * and card_check, which adds the engine's rules that apply to speech.
 */
#ifndef ECQ_CARD_RULES_H
#define ECQ_CARD_RULES_H

#include "checker.h"
#include "checks.h"
#include "framework.h"
#include "project.h"

/* Appends the card findings for card (ex's card text; "" finds nothing)
 * at wpm words a minute against fw's interview budget to out. Their
 * target is "example.<id>.card". */
void card_rules_check(const struct framework *fw, const struct example *ex, const char *card,
    int wpm, struct findings *out);

/* Every check of a card: the engine's text rules that make sense when
 * spoken (CARD_SPOKEN_RULES: spelling, encoding, we_voice, third_person,
 * passive, bureaucratic, vague, belief, political, disparaging,
 * cross_reference, grammar; not first_person, since "I" is right aloud,
 * nor question, long_sentence or the acronym rules) through ck, then
 * card_rules_check. The opening line (up to the first newline) names the
 * challenge, so we_voice reads it as it reads a Challenge (others acting
 * set the scene). ck may be NULL (the card rules only). Findings have
 * target "example.<id>.card" and field -1; dismissed ones are kept (the
 * caller knows its text). */
void card_check(struct checker *ck, const struct framework *fw, const struct example *ex,
    const char *card, int wpm, struct findings *out);

/* The card rule ids with their summaries, NULL-terminated. */
const struct rule_info *card_rules_info(void);

#endif
