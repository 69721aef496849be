/* SPDX-License-Identifier: MIT */
/*
 * history.h: the earlier versions of a text that a project file keeps (the
 * store's revision table) in words people read, and putting one back. The
 * `history` command and the coach's history screen share it. Nothing here
 * prints.
 */
#ifndef ECQ_HISTORY_H
#define ECQ_HISTORY_H

#include <stdint.h>

#include "error.h"
#include "project.h"
#include "store.h"

/* A label for a store revision target (store.h: ECQs and questions count
 * from 1), e.g. "ECQ 1 (Leading Change), example 2 \"Budget\", Action";
 * the target itself when it names nothing in p. Caller frees. */
char *history_label(const struct project *p, const char *target);

/* The text a target holds now in p (a copy the caller frees), or NULL when
 * p has no such text (an unknown target, a deleted example). */
char *history_current(const struct project *p, const char *target);

/* Puts revision id back as the current text of its target. The text it
 * replaces is kept as a revision first (store_new_burst), so a restore is
 * itself undoable. *target_out (may be NULL; caller frees) gets the target.
 * ERR_NOTFOUND for an unknown id; ERR_LOCKED etc. from the store. */
int history_restore(struct store *st, int64_t id, char **target_out, struct error *err);

#endif
