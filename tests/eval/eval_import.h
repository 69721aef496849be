/* SPDX-License-Identifier: MIT */
/*
 * eval_import.h: the import-structure evaluation of `make eval` (see
 * tests/data/README.md, "drafts/"). Prints figures; exits 3 when the key
 * or the frameworks cannot be read.
 */
#ifndef ECQ_EVAL_IMPORT_H
#define ECQ_EVAL_IMPORT_H

#include <stdbool.h>

/* Scores the importer on DATA/drafts against DATA/drafts/structure.key;
 * verbose lists every miss. */
void eval_import_structure(const char *data, bool verbose);

#endif
