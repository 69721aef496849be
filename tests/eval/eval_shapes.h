/* SPDX-License-Identifier: MIT */
/*
 * eval_shapes.h: the evaluation of the résumé and card checks over
 * tests/data/resume-lines.tsv and card-texts.tsv (see its README.md).
 */
#ifndef ECQ_EVAL_SHAPES_H
#define ECQ_EVAL_SHAPES_H

#include <stdbool.h>

/* Prints precision, recall and F1 per labeled rule on résumé lines
 * (resume_check_line) and cards (card_check); verbose lists every miss.
 * Exits 3 when the data or the engine cannot be loaded. */
void eval_shapes(const char *data, bool verbose);

#endif
