/* SPDX-License-Identifier: MIT */
/*
 * eval_drafts.h: the drafts part of `make eval`: the résumé lines and
 * interview cards the coach drafts (resume_draft, card_draft) for every
 * example of both demo projects and of the sample drafts, checked by the
 * coach's own rules.
 */
#ifndef ECQ_EVAL_DRAFTS_H
#define ECQ_EVAL_DRAFTS_H

#include <stdbool.h>

/* Drafts a résumé line and a card for every example with text in the
 * demos (prompts/demo) and in DATA/drafts and DATA/heldout/drafts, checks
 * each as `check` does, and prints: drafts made, drafts with any finding,
 * findings per rule, the lines' laid-out lengths and the cards' times.
 * verbose prints every draft and its findings. Exits 3 when the
 * frameworks, the demos or the drafts cannot be read. */
void eval_drafts(const char *data, bool verbose);

#endif
