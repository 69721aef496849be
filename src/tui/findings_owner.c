/* SPDX-License-Identifier: MIT */
/*
 * findings_owner.c: the session's findings (see findings_owner.h): the
 * project findings, recomputed after a change, and the acronym state
 * before the field being typed, kept while only that field changes. No
 * curses, no drawing: the screens read what it holds.
 */
#include "config.h"
#include "tui/findings_owner.h"

#include <stdlib.h>
#include <string.h>

#include "checks/rules.h"
#include "resume.h"
#include "xalloc.h"

struct findings_owner {
	unsigned long dict_gen;         /* dictionary changes so far */
	struct findings pf;             /* the project findings */
	bool pf_fresh;                  /* pf is for the project as it is */
	bool pf_ever;                   /* pf was computed at least once */
	/* the ECQ's acronyms before one field */
	struct acronym_scope *scope;    /* NULL: none kept */
	int scope_ecq;
	long long scope_example;
	int scope_field;
};

struct findings_owner *
findings_owner_new(void)
{
	struct findings_owner *fo = xcalloc(1, sizeof *fo);

	findings_init(&fo->pf);
	return fo;
}

static void
findings_owner_drop_scope(struct findings_owner *fo)
{
	acronym_scope_free(fo->scope);
	fo->scope = NULL;
}

void
findings_owner_free(struct findings_owner *fo)
{
	if (fo == NULL)
		return;
	findings_owner_drop_scope(fo);
	findings_free(&fo->pf);
	free(fo);
}

void
findings_owner_text_changed(struct findings_owner *fo)
{
	fo->pf_fresh = false;
	findings_owner_drop_scope(fo);
}

void
findings_owner_dictionary_changed(struct findings_owner *fo)
{
	fo->dict_gen++;
	findings_owner_text_changed(fo);
}

unsigned long
findings_owner_dictionary_gen(const struct findings_owner *fo)
{
	return fo->dict_gen;
}

void
findings_owner_check_field(struct findings_owner *fo, struct checker *ck,
    const struct project *p, const struct check_ctx *ctx, const char *text, size_t len,
    checker_text_fn text_of, void *arg, struct findings *out)
{
	bool narrative;

	if (ck == NULL || text == NULL)
		return;
	narrative = ctx != NULL && p != NULL && ctx->ecq >= 0 && (ctx->example >= 0 ||
	    (ctx->target != NULL && strncmp(ctx->target, "intro.", 6) == 0));
	if (!narrative) {
		checker_check_text(ck, text, len, ctx, out);
		return;
	}
	if (fo->scope == NULL || fo->scope_ecq != ctx->ecq ||
	    fo->scope_example != ctx->example || fo->scope_field != ctx->field) {
		findings_owner_drop_scope(fo);
		fo->scope = checker_scope_before(ck, p, ctx, text_of, arg);
		fo->scope_ecq = ctx->ecq;
		fo->scope_example = ctx->example;
		fo->scope_field = ctx->field;
	}
	checker_check_in_project(ck, p, text, len, ctx, fo->scope, out);
}

const struct findings *
findings_owner_project(struct findings_owner *fo, struct checker *ck,
    const struct project *p, struct layout_cache *lc)
{
	struct resume_settings rs;
	struct error lerr;

	if (fo->pf_fresh)
		return &fo->pf;
	findings_free(&fo->pf);
	findings_init(&fo->pf);
	if (ck != NULL)
		checker_check_project(ck, p, &fo->pf);
	/* The page limit comes from the one layout, as in `check`; a layout
	 * error just leaves it out. */
	(void)layout_page_limit_check(lc, p, &fo->pf, NULL, &lerr);
	/* and the résumé lines' length in lines, from the résumé's layout */
	checker_resume_settings(ck, &rs);
	(void)resume_length_check(lc, p, &rs, &fo->pf, &lerr);
	findings_sort(&fo->pf);
	fo->pf_fresh = true;
	fo->pf_ever = true;
	return &fo->pf;
}

const struct findings *
findings_owner_last(const struct findings_owner *fo)
{
	return &fo->pf;
}

bool
findings_owner_fresh(const struct findings_owner *fo)
{
	return fo->pf_fresh;
}

bool
findings_owner_ever(const struct findings_owner *fo)
{
	return fo->pf_ever;
}
