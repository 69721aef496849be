/* SPDX-License-Identifier: MIT */
/*
 * findings_owner.h: the one owner of findings in a coach session. Every
 * screen reads findings from here: the editor's highlights (one field,
 * checked in its project context, so an acronym spelled out in the
 * Challenge is defined in the Result), the dashboard's counts, the
 * review's checklist and the guide. Every saved edit and every dictionary
 * change (a word added to the user's or the project's list, a finding
 * dismissed) invalidates what depends on it. Curses-free: tests drive it
 * with a checker and a project only.
 */
#ifndef ECQ_FINDINGS_OWNER_H
#define ECQ_FINDINGS_OWNER_H

#include <stdbool.h>
#include <stddef.h>

#include "checker.h"
#include "checks.h"
#include "layout.h"
#include "project.h"

struct findings_owner;

/* A new owner with nothing computed; never NULL. */
struct findings_owner *findings_owner_new(void);
/* Frees the owner (NULL is fine). */
void findings_owner_free(struct findings_owner *fo);

/* The saved project changed (an edit saved, an example added, moved or
 * deleted, a competency ticked): the project findings and the acronym
 * state before a field are stale. */
void findings_owner_text_changed(struct findings_owner *fo);
/* The dictionary changed (a word added to either list, a finding
 * dismissed or brought back): every finding is stale, the fields' too. */
void findings_owner_dictionary_changed(struct findings_owner *fo);
/* Grows with every dictionary change: a field checked under an older
 * value must be checked again. */
unsigned long findings_owner_dictionary_gen(const struct findings_owner *fo);

/* Checks one field's current text[0..len) (ctx names it) as `check`
 * would check it in p: the acronyms of its ECQ before it come from
 * text_of (the session's texts, may be NULL) or p, and are kept until the
 * field, the project or the dictionary changes, so a key costs the field,
 * not the ECQ. A note (ctx->example < 0 and no "intro." target) is
 * checked as plain text. Appends to out (dismissed findings kept: the
 * caller filters by its own text). ck may be NULL (nothing found). */
void findings_owner_check_field(struct findings_owner *fo, struct checker *ck,
    const struct project *p, const struct check_ctx *ctx, const char *text, size_t len,
    checker_text_fn text_of, void *arg, struct findings *out);

/* The project's findings, as `check` computes them from the same file:
 * every rule on p, the page limit and the résumé lines' length
 * (resume_length_check, under ck's résumé settings) through lc (may be
 * NULL), sorted,
 * dismissed dropped. Computed again only after a change above. Borrowed
 * until the next call that changes the owner. ck may be NULL (only the
 * page limit). */
const struct findings *findings_owner_project(struct findings_owner *fo, struct checker *ck,
    const struct project *p, struct layout_cache *lc);
/* The findings last computed (empty before the first), stale or not; for
 * a draw that must not wait. */
const struct findings *findings_owner_last(const struct findings_owner *fo);
/* True when the project findings were computed since the last change. */
bool findings_owner_fresh(const struct findings_owner *fo);
/* True once they were computed at all. */
bool findings_owner_ever(const struct findings_owner *fo);

#endif
